import { fold, Glob, literalPrefix, trailingStarPrefix } from './actions.js'
import { catalogIndex, type Catalog } from './catalog.js'
import { lowerBoundNear, prefixRange } from './sorted.js'

/**
 * The universe names one pattern matches, as positions in the universe's sorted names: all of
 * [lo, hi), the names that start with the pattern's literal prefix, when the pattern is `lit*` (or
 * `*`); otherwise the positions in `only`, ascending and inside [lo, hi). A range is two binary
 * searches however many names it holds, so `*` costs no pass over the catalog to find.
 */
export interface Match {
  readonly lo: number
  readonly hi: number
  readonly only?: readonly number[]
}

/** How many names a match holds. */
export function matchSize(match: Match): number {
  return match.only ? match.only.length : match.hi - match.lo
}

/**
 * The actions the engine reasons about: catalog ∪ actions named in the findings ∪ literal actions
 * named in the policy. Held folded and sorted, so the names that start with a prefix are one range;
 * positions in that order are what matches, unused sets and the trie speak in.
 */
export class Universe {
  /** Folded names, sorted by code unit, no two alike. */
  readonly names: readonly string[]
  /** `display[i]` is `names[i]` in the casing shown: the catalog's, else the first one given. */
  readonly display: readonly string[]
  /** The catalog's own folded names (the universe's when nothing was added). */
  private readonly catalogNames: readonly string[]
  private readonly matches = new Map<string, Match>()
  /**
   * The positions of the catalog names the constructor was given, by their text as given (the
   * findings' actions, which U then looks up again). Empty when names were added, which moves
   * the catalog's names to other positions.
   */
  private readonly given: ReadonlyMap<string, number>
  /**
   * Where the last search ended. Questions come mostly in sorted order (a finding's actions, a
   * refinement's entries), so the next search starts there (src/engine/sorted.ts); it never
   * changes an answer.
   */
  private near = 0

  /** Catalog names win the casing; then findings, then the policy's own text. */
  constructor(catalog: Catalog, ...extra: (readonly string[])[]) {
    const base = catalogIndex(catalog)
    const added = new Map<string, string>()
    const given = new Map<string, number>()
    let near = 0
    for (const names of extra) {
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as string
        if (given.has(name)) continue
        const folded = fold(name)
        near = lowerBoundNear(base.names, folded, near)
        const inCatalog = base.names[near] === folded
        given.set(name, inCatalog ? near : -1)
        if (!inCatalog && !added.has(folded) && isActionName(name)) added.set(folded, name)
      }
    }
    this.catalogNames = base.names
    if (added.size === 0) {
      this.names = base.names
      this.display = base.display
      this.given = given
      return
    }
    this.given = new Map()
    const names: string[] = []
    const display: string[] = []
    const more = [...added.keys()].sort()
    let i = 0
    for (const folded of more) {
      // Each added name goes where it sorts; the catalog's names between stay as they are.
      const at = lowerBoundNear(base.names, folded, i, i)
      for (; i < at; i++) {
        names.push(base.names[i] as string)
        display.push(base.display[i] as string)
      }
      names.push(folded)
      display.push(added.get(folded) as string)
    }
    for (; i < base.names.length; i++) {
      names.push(base.names[i] as string)
      display.push(base.display[i] as string)
    }
    this.names = names
    this.display = display
  }

  get size(): number {
    return this.names.length
  }

  /** The position of a folded name, or -1 when the universe lacks it. */
  indexOf(folded: string): number {
    const at = (this.near = lowerBoundNear(this.names, folded, this.near))
    return this.names[at] === folded ? at : -1
  }

  /** The position of a name in any casing, or -1: `indexOf(fold(name))`. */
  positionOf(name: string): number {
    const at = this.given.get(name)
    return at !== undefined && at >= 0 ? at : this.indexOf(fold(name))
  }

  has(folded: string): boolean {
    return this.indexOf(folded) >= 0
  }

  /** Whether the catalog itself names a folded action (not only the findings or a policy). */
  inCatalog(folded: string): boolean {
    return this.catalogNames[lowerBoundNear(this.catalogNames, folded, this.near)] === folded
  }

  /** The casing to show for a folded name of the universe. */
  displayOf(folded: string): string {
    const at = this.indexOf(folded)
    return at < 0 ? folded : (this.display[at] as string)
  }

  /** The positions of the names that start with a folded prefix, searched within [from, to). */
  range(prefix: string, from = 0, to = this.names.length): [number, number] {
    const range = prefixRange(this.names, prefix, from, to, this.near)
    this.near = range[0]
    return range
  }

  /** The positions of a service's names (`service` in any casing). */
  serviceRange(service: string): [number, number] {
    const folded = fold(service)
    // A prefix with a colon would reach into other services' action parts.
    if (folded.includes(':')) return [0, 0]
    return this.range(`${folded}:`)
  }

  /**
   * The names a pattern matches. Only the range of its literal prefix is looked at. A match is a
   * function of the folded pattern and the universe alone, so it is kept per pattern: the
   * refinement, its proof and the second refinement for idempotence ask about the same entries.
   */
  match(pattern: string): Match {
    return this.matchFolded(fold(pattern))
  }

  /** `match` of a pattern already folded. */
  matchFolded(folded: string): Match {
    let match = this.matches.get(folded)
    if (!match) {
      match = this.findMatch(folded)
      this.matches.set(folded, match)
    }
    return match
  }

  private findMatch(folded: string): Match {
    const range = this.range(literalPrefix(folded))
    const lo = range[0]
    const hi = range[1]
    // `lit*` matches exactly the names that start with lit: the range itself, no test needed.
    if (trailingStarPrefix(folded) !== null) return { lo, hi }
    const glob = new Glob(folded)
    const only: number[] = []
    for (let i = lo; i < hi; i++) if (glob.test(this.names[i] as string)) only.push(i)
    return { lo, hi, only }
  }

  /** Folded names that `pattern` matches, sorted. */
  matching(pattern: string): string[] {
    const match = this.match(pattern)
    if (!match.only) return this.names.slice(match.lo, match.hi)
    return Array.from(match.only, i => this.names[i] as string)
  }
}

/** A well-formed `service:Action` without wildcards. */
export function isActionName(name: string): boolean {
  return /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(name)
}
