import { fold, PatternIndex } from './actions.js'
import type { Universe } from './universe.js'
import type { PrincipalUnused } from './unused.js'

/**
 * The unused set U of one policy, resolved against a universe: the intersection of the unused
 * sets of the principals the policy is attached to, less the actions the configuration keeps.
 */
export class UnusedSet {
  /** Every action is unused (each principal has an `UnusedIAMRole` finding). */
  readonly all: boolean
  private readonly actions: ReadonlySet<string>
  private readonly keep: PatternIndex
  private readonly keepCount: number

  private constructor(all: boolean, actions: ReadonlySet<string>, keep: readonly string[]) {
    this.all = all
    this.actions = actions
    this.keep = new PatternIndex(keep)
    this.keepCount = keep.length
  }

  /**
   * `principals` are the findings of each principal the policy belongs to; a principal without a
   * finding uses everything (pass `usesEverything(arn)`), and no principal means nothing is unused.
   */
  static resolve(
    principals: readonly PrincipalUnused[],
    universe: Universe,
    keepActions: readonly string[] = []
  ): UnusedSet {
    if (principals.length === 0) return new UnusedSet(false, new Set(), keepActions)
    let all = true
    let actions: Set<string> | undefined
    for (const p of principals) {
      if (p.wholePrincipal) continue
      const own = unusedOf(p, universe)
      actions = actions ? new Set([...actions].filter(a => own.has(a))) : own
      all = false
    }
    return new UnusedSet(all, actions ?? new Set(), keepActions)
  }

  /** Whether a folded action name is unused. */
  has(folded: string): boolean {
    if (this.keepCount > 0 && this.keep.allows(folded)) return false
    return this.all || this.actions.has(folded)
  }

  /** Folded unused names, when the set is not `all`. */
  list(): string[] {
    return [...this.actions].filter(a => this.has(a)).sort()
  }
}

function unusedOf(p: PrincipalUnused, universe: Universe): Set<string> {
  const out = new Set<string>()
  for (const s of p.services) {
    if (s.actions === undefined) {
      for (const name of universe.serviceNames(s.service)) out.add(name)
    } else {
      for (const a of s.actions) out.add(fold(`${s.service}:${a.action}`))
    }
  }
  return out
}
