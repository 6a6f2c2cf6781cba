import { fold, Glob, literalPrefix, splitName, trailingStarPrefix } from './actions.js'
import type { Catalog } from './catalog.js'

/** What a universe takes from its catalog, computed once per catalog. */
interface CatalogIndex {
  readonly display: ReadonlyMap<string, string>
  readonly names: readonly string[]
  readonly services: ReadonlyMap<string, readonly string[]>
}

// Catalogs are immutable values; the bundled one is a single object, so every policy refined
// in a run shares one index instead of folding and sorting ~22,000 names again.
const catalogIndexes = new WeakMap<Catalog, CatalogIndex>()

function indexCatalog(catalog: Catalog): CatalogIndex {
  let index = catalogIndexes.get(catalog)
  if (index) return index
  const display = new Map<string, string>()
  for (const [service, actions] of catalog.services) {
    for (const action of actions) {
      const name = `${service}:${action}`
      display.set(fold(name), name)
    }
  }
  const names = [...display.keys()].sort()
  index = { display, names, services: byService(names) }
  catalogIndexes.set(catalog, index)
  return index
}

function byService(sortedNames: readonly string[]): Map<string, string[]> {
  const services = new Map<string, string[]>()
  for (const name of sortedNames) {
    const service = splitName(name).service
    let list = services.get(service)
    if (!list) services.set(service, (list = []))
    list.push(name)
  }
  return services
}

/**
 * The actions the engine reasons about: catalog ∪ actions named in the findings ∪ literal actions
 * named in the policy. Held folded and sorted, so the names that start with a prefix are one range.
 */
export class Universe {
  /** Folded names, sorted by code unit. */
  readonly names: readonly string[]
  private readonly base: CatalogIndex
  /** Names outside the catalog, with the casing they were first given. */
  private readonly extra: ReadonlyMap<string, string>
  private readonly services: ReadonlyMap<string, readonly string[]>

  /** Catalog names win the casing; then findings, then the policy's own text. */
  constructor(catalog: Catalog, ...extra: Iterable<string>[]) {
    const base = indexCatalog(catalog)
    const added = new Map<string, string>()
    for (const names of extra) {
      for (const name of names) {
        const folded = fold(name)
        if (!base.display.has(folded) && !added.has(folded) && isActionName(name))
          added.set(folded, name)
      }
    }
    this.base = base
    this.extra = added
    if (added.size === 0) {
      this.names = base.names
      this.services = base.services
    } else {
      this.names = mergeSorted(base.names, [...added.keys()].sort())
      const services = new Map(base.services)
      for (const [service, names] of byService([...added.keys()].sort())) {
        services.set(service, mergeSorted(base.services.get(service) ?? [], names))
      }
      this.services = services
    }
  }

  has(folded: string): boolean {
    return this.base.display.has(folded) || this.extra.has(folded)
  }

  /** Whether the catalog itself names a folded action (not only the findings or a policy). */
  inCatalog(folded: string): boolean {
    return this.base.display.has(folded)
  }

  /** The casing to show for a folded name of the universe. */
  displayOf(folded: string): string {
    return this.base.display.get(folded) ?? this.extra.get(folded) ?? folded
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
    // `lit*` matches exactly the names that start with lit: the range itself, no test needed.
    if (trailingStarPrefix(glob.folded) !== null) return this.names.slice(lo, hi)
    const out: string[] = []
    for (let i = lo; i < hi; i++) {
      const name = this.names[i] as string
      if (glob.test(name)) out.push(name)
    }
    return out
  }
}

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length)
    out.push((a[i] as string) < (b[j] as string) ? (a[i++] as string) : (b[j++] as string))
  while (i < a.length) out.push(a[i++] as string)
  while (j < b.length) out.push(b[j++] as string)
  return out
}

/** A well-formed `service:Action` without wildcards. */
export function isActionName(name: string): boolean {
  return /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(name)
}

/**
 * The half-open range of a sorted array whose strings start with `prefix`, searched within
 * [from, to) (which must hold that range).
 */
export function prefixRange(
  sorted: readonly string[],
  prefix: string,
  from = 0,
  to = sorted.length
): [number, number] {
  const lo = lowerBound(sorted, prefix, from, to)
  const hi = prefix === '' ? to : lowerBound(sorted, prefix + '\uffff', lo, to)
  return [lo, hi]
}

export function lowerBound(
  sorted: readonly string[],
  key: string,
  from = 0,
  to = sorted.length
): number {
  let lo = from
  let hi = to
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
