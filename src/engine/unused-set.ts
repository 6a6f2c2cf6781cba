import { fold, PatternIndex } from './actions.js'
import { type Match, type Universe } from './universe.js'
import type { PrincipalUnused } from './unused.js'

/**
 * The unused set U of one policy, resolved against a universe: the intersection of the unused
 * sets of the principals the policy is attached to, less the actions the configuration keeps.
 *
 * Held as one flag per universe position with running counts, so that "how many names of this
 * range are unused" is a subtraction: a service reported wholly unused is a range filled at once,
 * not thousands of names put in a set, and neither the refinement nor the checks ask the set
 * about each name of a `*` one by one.
 */
export class UnusedSet {
  /** Every action is unused (each principal has an `UnusedIAMRole` finding). */
  readonly all: boolean
  private readonly universe: Universe
  /** `flags[i]` is 1 when the universe's name at position i is unused. */
  private readonly flags: Uint8Array
  /** `before[i]`: how many of the universe's first i names are unused. */
  private readonly before: Uint32Array
  /** The positions of the used names, ascending. */
  private readonly used: readonly number[]
  /** Unused names the universe cannot hold (not well-formed `service:Action` names), folded. */
  private readonly outside: ReadonlySet<string>
  private readonly keep: PatternIndex
  private readonly keepCount: number

  private constructor(
    universe: Universe,
    all: boolean,
    flags: Uint8Array,
    outside: ReadonlySet<string>,
    keep: readonly string[]
  ) {
    this.universe = universe
    this.all = all
    this.outside = outside
    this.keep = new PatternIndex(keep)
    this.keepCount = keep.length
    // A kept pattern protects the universe names it matches, whatever the findings say.
    for (const pattern of keep) {
      const kept = universe.match(pattern)
      if (kept.only) for (const i of kept.only) flags[i] = 0
      else flags.fill(0, kept.lo, kept.hi)
    }
    this.flags = flags
    // One pass: the running counts, and the positions of the used names (few, beside a `*`).
    const before = new Uint32Array(flags.length + 1)
    const used: number[] = []
    for (let i = 0; i < flags.length; i++) {
      const flag = flags[i] as number
      before[i + 1] = (before[i] as number) + flag
      if (flag === 0) used.push(i)
    }
    this.before = before
    this.used = used
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
    const flags = new Uint8Array(universe.size)
    if (principals.length === 0)
      return new UnusedSet(universe, false, flags, new Set(), keepActions)
    let all = true
    let outside: Set<string> | undefined
    let first = true
    for (const p of principals) {
      if (p.wholePrincipal) continue
      all = false
      const own = unusedOf(p, universe, first ? flags : new Uint8Array(universe.size))
      if (first) outside = own.outside
      else {
        for (let i = 0; i < flags.length; i++)
          flags[i] = (flags[i] as number) & (own.flags[i] as number)
        outside = new Set([...(outside as Set<string>)].filter(a => own.outside.has(a)))
      }
      first = false
    }
    if (all) flags.fill(1)
    return new UnusedSet(universe, all, flags, outside ?? new Set(), keepActions)
  }

  /** Whether a folded action name is unused. */
  has(folded: string): boolean {
    const at = this.universe.indexOf(folded)
    if (at >= 0) return this.flags[at] === 1
    if (this.keepCount > 0 && this.keep.allows(folded)) return false
    return this.all || this.outside.has(folded)
  }

  /** Whether the universe's name at a position is unused. */
  at(position: number): boolean {
    return this.flags[position] === 1
  }

  /** How many universe names of [lo, hi) are unused. */
  countIn(lo: number, hi: number): number {
    return (this.before[hi] as number) - (this.before[lo] as number)
  }

  /** The positions of [lo, hi) whose names are used, ascending. */
  usedIn(lo: number, hi: number): number[] {
    // The used names below a position are the names there less the unused ones.
    return this.used.slice(lo - (this.before[lo] as number), hi - (this.before[hi] as number))
  }

  /**
   * The unused names of a match (its R), in the universe's order and casing. For a range, they
   * are the runs between its used names, copied a run at a time.
   */
  namesOf(match: Match): string[] {
    const { display } = this.universe
    if (match.only)
      return match.only.filter(i => this.flags[i] === 1).map(i => display[i] as string)
    const runs: string[][] = []
    let from = match.lo
    for (const i of this.usedIn(match.lo, match.hi)) {
      if (i > from) runs.push(display.slice(from, i))
      from = i + 1
    }
    if (match.hi > from) runs.push(display.slice(from, match.hi))
    return runs.length === 1 ? (runs[0] as string[]) : ([] as string[]).concat(...runs)
  }

  /** How many names of a match are unused. */
  countOf(match: Match): number {
    if (!match.only) return this.countIn(match.lo, match.hi)
    let n = 0
    for (const i of match.only) n += this.flags[i] as number
    return n
  }
}

/** One principal's unused names: flags over the universe, and the names it cannot hold. */
function unusedOf(
  p: PrincipalUnused,
  universe: Universe,
  flags: Uint8Array
): { flags: Uint8Array; outside: Set<string> } {
  const outside = new Set<string>()
  for (const s of p.services) {
    if (s.actions === undefined) {
      const [lo, hi] = universe.serviceRange(s.service)
      flags.fill(1, lo, hi)
      continue
    }
    for (const a of s.actions) {
      const folded = fold(`${s.service}:${a.action}`)
      const at = universe.indexOf(folded)
      if (at >= 0) flags[at] = 1
      else outside.add(folded)
    }
  }
  return { flags, outside }
}
