import { fold, Glob, literalPrefix, splitName } from './actions.js'
import type { Catalog } from './catalog.js'

/**
 * The actions the engine reasons about: catalog ∪ actions named in the findings ∪ literal actions
 * named in the policy. Held folded and sorted, so the names that start with a prefix are one range.
 */
export class Universe {
  /** Folded names, sorted by code unit. */
  readonly names: readonly string[]
  private readonly display: ReadonlyMap<string, string>
  private readonly services: ReadonlyMap<string, readonly string[]>

  /** Catalog names win the casing; then findings, then the policy's own text. */
  constructor(catalog: Catalog, ...extra: Iterable<string>[]) {
    const display = new Map<string, string>()
    for (const [service, actions] of catalog.services) {
      for (const action of actions) {
        const name = `${service}:${action}`
        display.set(fold(name), name)
      }
    }
    for (const names of extra) {
      for (const name of names) {
        const folded = fold(name)
        if (!display.has(folded) && isActionName(name)) display.set(folded, name)
      }
    }
    this.names = [...display.keys()].sort()
    this.display = display
    const services = new Map<string, string[]>()
    for (const name of this.names) {
      const service = splitName(name).service
      let list = services.get(service)
      if (!list) services.set(service, (list = []))
      list.push(name)
    }
    this.services = services
  }

  has(folded: string): boolean {
    return this.display.has(folded)
  }

  /** The casing to show for a folded name of the universe. */
  displayOf(folded: string): string {
    return this.display.get(folded) ?? folded
  }

  /** Folded names of a service, sorted. */
  serviceNames(service: string): readonly string[] {
    return this.services.get(fold(service)) ?? []
  }

  /** Folded names that `pattern` matches, sorted. Only the range of its literal prefix is scanned. */
  matching(pattern: string): string[] {
    const glob = new Glob(pattern)
    const prefix = fold(literalPrefix(pattern))
    const [lo, hi] = prefixRange(this.names, prefix)
    const out: string[] = []
    for (let i = lo; i < hi; i++) {
      const name = this.names[i] as string
      if (glob.test(name)) out.push(name)
    }
    return out
  }
}

/** A well-formed `service:Action` without wildcards. */
export function isActionName(name: string): boolean {
  return /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(name)
}

/** The half-open range of a sorted array whose strings start with `prefix`. */
export function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const lo = lowerBound(sorted, prefix)
  const hi = prefix === '' ? sorted.length : lowerBound(sorted, prefix + '\uffff')
  return [lo, hi]
}

export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] as string) < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Whether some string of a sorted array starts with `prefix`. */
export function anyStartsWith(sorted: readonly string[], prefix: string): boolean {
  const at = lowerBound(sorted, prefix)
  return at < sorted.length && (sorted[at] as string).startsWith(prefix)
}
