/**
 * The unused access of principals, as findings report it, before it is resolved against a
 * universe of actions. Findings files (src/findings/parse.ts) and AWS (src/findings/) produce it.
 */

export interface UnusedAction {
  /** The action name without its service prefix, as reported. */
  readonly action: string
  readonly lastAccessed?: string
}

export interface UnusedService {
  /** Service prefix, as reported (`s3`). */
  readonly service: string
  /** The unused actions; absent when the whole service is unused. */
  readonly actions?: readonly UnusedAction[]
  /** When the service was last used, if ever. */
  readonly lastAccessed?: string
}

/** What one principal (role or user) has not used. */
export interface PrincipalUnused {
  /** The principal's ARN; empty for a per-principal list read without one. */
  readonly principal: string
  /** An `UnusedIAMRole` finding: the principal is not used at all. */
  readonly wholePrincipal: boolean
  readonly services: readonly UnusedService[]
  /** When the finding was made or last analysed (ISO 8601), for "unused since". */
  readonly since?: string
  /** When the principal was last used, for a whole-principal finding. */
  readonly lastAccessed?: string
  /** Files or finding ids this came from. */
  readonly sources: readonly string[]
  /** The Access Analyzer analyzers the findings came from, when the source knows them (live). */
  readonly analyzers?: readonly string[]
}

/** A principal without a finding: it counts as using everything. */
export function usesEverything(principal: string): PrincipalUnused {
  return { principal, wholePrincipal: false, services: [], sources: [] }
}

/**
 * Merges what several findings say about the same principal: a union, since each finding reports
 * access that went unused.
 */
export function mergeUnused(items: readonly PrincipalUnused[]): PrincipalUnused[] {
  const byPrincipal = new Map<string, PrincipalUnused>()
  for (const item of items) {
    const key = item.principal
    const seen = byPrincipal.get(key)
    if (!seen) {
      byPrincipal.set(key, item)
      continue
    }
    byPrincipal.set(key, {
      principal: key,
      wholePrincipal: seen.wholePrincipal || item.wholePrincipal,
      services: [...seen.services, ...item.services],
      since: laterOf(seen.since, item.since),
      lastAccessed: laterOf(seen.lastAccessed, item.lastAccessed),
      sources: [...seen.sources, ...item.sources],
      ...(seen.analyzers || item.analyzers
        ? { analyzers: [...new Set([...(seen.analyzers ?? []), ...(item.analyzers ?? [])])] }
        : {})
    })
  }
  return [...byPrincipal.values()]
}

function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return a > b ? a : b
}

/** Every action name a finding mentions, as `service:Action`. */
export function namedActions(items: readonly PrincipalUnused[]): string[] {
  const out: string[] = []
  for (const item of items) {
    for (let i = 0; i < item.services.length; i++) {
      const s = item.services[i] as UnusedService
      const actions = s.actions ?? []
      for (let j = 0; j < actions.length; j++) {
        out.push(`${s.service}:${(actions[j] as UnusedAction).action}`)
      }
    }
  }
  return out
}
