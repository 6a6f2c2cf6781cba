import { fold, PatternIndex } from './actions.js'
import { GALLOP_PROBES } from './sorted.js'
import { type Match, type Universe } from './universe.js'
import type { PrincipalUnused, UnusedAction, UnusedService } from './unused.js'

/** Half-open intervals of universe positions, sorted, neither touching nor overlapping. */
interface Intervals {
  readonly starts: number[]
  readonly ends: number[]
}

/**
 * The unused set U of one policy, resolved against a universe: the intersection of the unused
 * sets of the principals the policy is attached to, less the actions the configuration keeps.
 *
 * Held as intervals of universe positions: a service reported wholly unused is one interval (its
 * names are one range of the sorted universe), an action named one by one a short one, and the
 * sets of several principals are intersected interval by interval. "How many names of this
 * range are unused" is then two binary searches, and nothing here walks the ~22,000 names of the
 * catalog one by one.
 */
export class UnusedSet {
  /** Every action is unused (each principal has an `UnusedIAMRole` finding). */
  readonly all: boolean
  private readonly universe: Universe
  private readonly starts: readonly number[]
  private readonly ends: readonly number[]
  /** `before[j]`: how many positions the intervals before the j-th hold. */
  private readonly before: readonly number[]
  /** Unused names the universe cannot hold (not well-formed `service:Action` names), folded. */
  private readonly outside: ReadonlySet<string>
  private readonly keep: PatternIndex
  private readonly keepCount: number
  /** Where the last search of the intervals ended. */
  private near = 0

  private constructor(
    universe: Universe,
    all: boolean,
    unused: Intervals,
    outside: ReadonlySet<string>,
    keep: readonly string[]
  ) {
    this.universe = universe
    this.all = all
    this.outside = outside
    this.keep = new PatternIndex(keep)
    this.keepCount = keep.length
    // A kept pattern protects the universe names it matches, whatever the findings say.
    const kept: [number, number][] = []
    for (const pattern of keep) {
      const m = universe.match(pattern)
      if (m.only) for (const i of m.only) kept.push([i, i + 1])
      else kept.push([m.lo, m.hi])
    }
    const { starts, ends } = subtract(unused, merge(kept))
    this.starts = starts
    this.ends = ends
    const before = [0]
    starts.forEach((start, j) => before.push((before[j] as number) + (ends[j] as number) - start))
    this.before = before
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
    const none = { starts: [], ends: [] }
    if (principals.length === 0) return new UnusedSet(universe, false, none, new Set(), keepActions)
    let all = true
    let unused: Intervals | undefined
    let outside: Set<string> | undefined
    for (const p of principals) {
      if (p.wholePrincipal) continue
      all = false
      const own = unusedOf(p, universe)
      if (unused === undefined || outside === undefined) {
        unused = own.unused
        outside = own.outside
      } else {
        unused = intersect(unused, own.unused)
        outside = new Set([...outside].filter(a => own.outside.has(a)))
      }
    }
    if (all) unused = { starts: [0], ends: [universe.size] }
    return new UnusedSet(universe, all, unused ?? none, outside ?? new Set(), keepActions)
  }

  /** Whether a folded action name is unused. */
  has(folded: string): boolean {
    const at = this.universe.indexOf(folded)
    if (at >= 0) return this.at(at)
    if (this.keepCount > 0 && this.keep.allows(folded)) return false
    return this.all || this.outside.has(folded)
  }

  /** Whether the universe's name at a position is unused. */
  at(position: number): boolean {
    const j = this.intervalsBefore(position + 1) - 1
    return j >= 0 && position < (this.ends[j] as number)
  }

  /** How many universe names of [lo, hi) are unused. */
  countIn(lo: number, hi: number): number {
    return this.unusedBelow(hi) - this.unusedBelow(lo)
  }

  /** How many names of a match are unused. */
  countOf(match: Match): number {
    if (!match.only) return this.countIn(match.lo, match.hi)
    let n = 0
    for (const i of match.only) if (this.at(i)) n++
    return n
  }

  /** The positions of [lo, hi) whose names are used, ascending: the gaps between intervals. */
  usedIn(lo: number, hi: number): number[] {
    const used: number[] = []
    let j = this.intervalsBefore(lo + 1) - 1
    if (j < 0 || (this.ends[j] as number) <= lo) j++
    let at = lo
    while (at < hi) {
      const start = j < this.starts.length ? (this.starts[j] as number) : hi
      if (start <= at) {
        at = this.ends[j++] as number
        continue
      }
      const end = Math.min(start, hi)
      for (; at < end; at++) used.push(at)
    }
    return used
  }

  /** The unused names of a match (its R), in the universe's order and casing. */
  namesOf(match: Match): string[] {
    const { display } = this.universe
    if (match.only) return match.only.filter(i => this.at(i)).map(i => display[i] as string)
    // A range: the intervals inside it, copied an interval at a time.
    const runs: string[][] = []
    for (let j = this.intervalsBefore(match.lo + 1) - 1; j < this.starts.length; j++) {
      if (j < 0) continue
      const from = Math.max(this.starts[j] as number, match.lo)
      const to = Math.min(this.ends[j] as number, match.hi)
      if (from >= match.hi) break
      if (from < to) runs.push(display.slice(from, to))
    }
    return runs.length === 1 ? (runs[0] as string[]) : ([] as string[]).concat(...runs)
  }

  /**
   * How many intervals start before `position`. The trie and the checks ask about positions in
   * ascending order, mostly near the last one, so the search gallops from the last answer a few
   * places before it bisects (as src/engine/sorted.ts does for names); the hint never changes
   * the answer.
   */
  private intervalsBefore(position: number): number {
    const starts = this.starts
    const n = starts.length
    const near = Math.min(this.near, n)
    let lo = 0
    let hi = n
    let step = 1
    if (near < n && (starts[near] as number) < position) {
      // Past `near`; gallop, then bisect what is left.
      lo = near + 1
      for (let probe = lo, k = 0; k < GALLOP_PROBES; k++) {
        if (probe >= n || !((starts[probe] as number) < position)) {
          hi = Math.min(probe, n)
          break
        }
        lo = probe + 1
        probe = lo + step
        step *= 2
      }
    } else {
      hi = near
      for (let probe = hi - 1, k = 0; k < GALLOP_PROBES; k++) {
        if (probe <= 0 || (starts[probe] as number) < position) {
          lo = Math.max(probe, 0)
          break
        }
        hi = probe
        probe = hi - step
        step *= 2
      }
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((starts[mid] as number) < position) lo = mid + 1
      else hi = mid
    }
    this.near = lo
    return lo
  }

  /** How many unused positions lie below `position`. */
  private unusedBelow(position: number): number {
    const j = this.intervalsBefore(position)
    if (j === 0) return 0
    const overshoot = Math.max(0, (this.ends[j - 1] as number) - position)
    return (this.before[j] as number) - overshoot
  }
}

/** One principal's unused names: intervals of universe positions, and the names it cannot hold. */
function unusedOf(
  p: PrincipalUnused,
  universe: Universe
): { unused: Intervals; outside: Set<string> } {
  const outside = new Set<string>()
  const intervals: [number, number][] = []
  for (let i = 0; i < p.services.length; i++) {
    const s = p.services[i] as UnusedService
    if (s.actions === undefined) {
      intervals.push(universe.serviceRange(s.service))
      continue
    }
    for (let j = 0; j < s.actions.length; j++) {
      const name = `${s.service}:${(s.actions[j] as UnusedAction).action}`
      const at = universe.positionOf(name)
      if (at >= 0) intervals.push([at, at + 1])
      else outside.add(fold(name))
    }
  }
  return { unused: merge(intervals), outside }
}

/** Sorts and joins intervals (empty ones dropped) into disjoint, non-touching ones. */
function merge(intervals: [number, number][]): Intervals {
  intervals.sort((a, b) => a[0] - b[0])
  const starts: number[] = []
  const ends: number[] = []
  for (let k = 0; k < intervals.length; k++) {
    const interval = intervals[k] as [number, number]
    const lo = interval[0]
    const hi = interval[1]
    if (hi <= lo) continue
    const last = ends.length - 1
    if (last >= 0 && lo <= (ends[last] as number)) ends[last] = Math.max(ends[last] as number, hi)
    else {
      starts.push(lo)
      ends.push(hi)
    }
  }
  return { starts, ends }
}

/** The positions in both. */
function intersect(a: Intervals, b: Intervals): Intervals {
  const starts: number[] = []
  const ends: number[] = []
  let i = 0
  let j = 0
  while (i < a.starts.length && j < b.starts.length) {
    const lo = Math.max(a.starts[i] as number, b.starts[j] as number)
    const hi = Math.min(a.ends[i] as number, b.ends[j] as number)
    if (lo < hi) {
      starts.push(lo)
      ends.push(hi)
    }
    if ((a.ends[i] as number) < (b.ends[j] as number)) i++
    else j++
  }
  return { starts, ends }
}

/** The positions of `a` not in `b`. */
function subtract(a: Intervals, b: Intervals): Intervals {
  if (b.starts.length === 0) return a
  const starts: number[] = []
  const ends: number[] = []
  let j = 0
  a.starts.forEach((start, i) => {
    let lo = start
    const hi = a.ends[i] as number
    while (j < b.starts.length && (b.ends[j] as number) <= lo) j++
    let k = j
    while (lo < hi && k < b.starts.length && (b.starts[k] as number) < hi) {
      if ((b.starts[k] as number) > lo) {
        starts.push(lo)
        ends.push(b.starts[k] as number)
      }
      lo = Math.max(lo, b.ends[k] as number)
      k++
    }
    if (lo < hi) {
      starts.push(lo)
      ends.push(hi)
    }
  })
  return { starts, ends }
}
