import {
  containedIn,
  coveredByOthers,
  fold,
  hasWildcard,
  PatternIndex,
  lastWordStart
} from './actions.js'
import { InvariantError } from './errors.js'
import type { PolicyRefinement, RefineContext, StatementResult } from './model.js'
import { actionEntries, readStatements } from './policy.js'
import { rootPrefix, subPatternTest } from './trie.js'
import type { Match, Universe } from './universe.js'

/**
 * Proves the engine's five guarantees on one result, recomputing what it needs from the original
 * document rather than trusting the engine's intermediate data:
 * 1. never wider, for all strings; 2. unused gone; 3. used kept; 4. succinct; 5. idempotent.
 * Throws `InvariantError` on the first violation.
 */
export function verifyRefinement(
  original: Record<string, unknown>,
  result: PolicyRefinement,
  context: RefineContext,
  refineAgain: (document: Record<string, unknown>) => PolicyRefinement
): void {
  const before = readStatements(original).statements
  const after = readStatements(result.document).statements
  // The checks below read each statement's report (before/after); tie the report to the documents
  // first, so that what is proved is what is output: every original statement reported once, in
  // order, and each refined statement's Action exactly the entries checked.
  if (!sameExceptKey(original, result.document, 'Statement'))
    throw new InvariantError('a key of the policy other than Statement changed')
  if (result.statements.length !== before.length || result.statements.some((s, i) => s.index !== i))
    throw new InvariantError('the result does not account for every statement of the policy')
  let at = 0
  for (const s of result.statements) {
    const source = before[s.index]
    if (s.status === 'removed' || s.status === 'refined') {
      if (!sameEntries(actionEntries(source), s.before))
        fail(s, 'the entries checked are not the original Action')
    }
    if (s.status === 'removed') {
      if (s.after.length > 0) fail(s, 'a removed statement reports entries')
      checkStatement(s, context)
      continue
    }
    const refined = after[at++]
    if (s.status === 'refined') {
      if (!sameExceptKey(source, refined, 'Action')) {
        fail(s, 'a key other than Action changed')
      }
      if (!sameEntries(actionEntries(refined), s.after))
        fail(s, 'the refined Action is not the entries checked')
      checkStatement(s, context)
    } else if (refined !== source) {
      fail(s, 'a statement the engine did not refine was changed')
    }
  }
  if (at !== after.length)
    throw new InvariantError('the refined policy has statements the original lacks')

  const again = refineAgain(result.document)
  const same =
    again.document === result.document ||
    JSON.stringify(again.document) === JSON.stringify(result.document)
  if (again.changed || !same) {
    throw new InvariantError(
      'refining the refined policy with the same findings changed it (guarantee 5)'
    )
  }
}

function checkStatement(s: StatementResult, context: RefineContext): void {
  const { universe, unused } = context
  const beforeFolded = s.before.map(fold)
  const afterFolded = s.after.map(fold)
  // 1. Never wider: each refined entry lies inside an original entry, for every string.
  const originals = beforeFolded.map(containedIn)
  s.after.forEach((entry, i) => {
    const f = afterFolded[i] as string
    if (!originals.some(inside => inside(f))) {
      fail(s, `"${entry}" allows strings no original entry allows (guarantee 1)`)
    }
  })
  // 2 and 3. Over the universe actions the original allowed: unused ones gone, used ones kept.
  // Both sides are expanded over the universe the same way, each entry to the positions of the
  // names it matches: for `*` one range, not ~22,000 names. The refined entries' positions are
  // merged into intervals; inside one, no name may be unused, and in a gap between two, every
  // name must be, which the unused set's running counts answer per interval. A literal outside
  // the universe is asked about directly.
  let refined: PatternIndex | undefined
  const allowedAfter = positionsOf(s.after, afterFolded, universe)
  s.before.forEach((entry, i) => {
    const folded = beforeFolded[i] as string
    if (!hasWildcard(entry)) {
      const at = universe.indexOf(folded)
      if (at >= 0) checkRange(s, at, at + 1, allowedAfter, context)
      else {
        const isUnused = unused.has(folded)
        const allowed = (refined ??= new PatternIndex(s.after)).allows(folded)
        if (isUnused && allowed) fail(s, `the unused ${folded} is still allowed (guarantee 2)`)
        if (!isUnused && !allowed) fail(s, `the used ${folded} is no longer allowed (guarantee 3)`)
      }
      return
    }
    const m = universe.matchFolded(folded)
    if (m.only) for (const at of m.only) checkRange(s, at, at + 1, allowedAfter, context)
    else checkRange(s, m.lo, m.hi, allowedAfter, context)
  })
  // 4. Succinct: no new entry covered by another; every new wildcard maximal. Maximality is proved
  // on the entries the report says replace an original one, so tie the report to the Action
  // first: every change is about an original entry, and every new entry is one of a replacement.
  const originalFolded = new Set(beforeFolded)
  const originalEntries = new Set(s.before)
  const replacing = new Set<string>()
  for (const change of s.changes) {
    if (!originalEntries.has(change.entry))
      fail(s, `the report changes "${change.entry}", which is not an original entry`)
    if (change.kind === 'replaced')
      for (let i = 0; i < change.by.length; i++) replacing.add(change.by[i] as string)
  }
  const output = new Set(s.after)
  const covered = coveredByOthers(afterFolded)
  replacing.forEach(entry => {
    if (!output.has(entry)) fail(s, `the reported replacement "${entry}" is not in the Action`)
  })
  s.after.forEach((entry, i) => {
    const f = afterFolded[i] as string
    if (originalFolded.has(f)) return
    if (!replacing.has(entry))
      fail(s, `the new "${entry}" is not reported as replacing an original entry`)
    if (covered[i]) fail(s, `the new "${entry}" is covered by another entry (guarantee 4)`)
  })
  for (const change of s.changes) {
    if (change.kind !== 'replaced') continue
    const wildcards = change.by.filter(entry => entry.endsWith('*'))
    if (wildcards.length === 0) continue
    // R and the sub-pattern test once per replaced entry: `*` can emit thousands of wildcards.
    const root = rootPrefix(change.entry)
    const unusedStartingWith = unusedPrefixTest(universe.match(change.entry), context)
    const isSubPattern = subPatternTest(change.entry, root)
    for (let i = 0; i < wildcards.length; i++) {
      checkMaximal(s, wildcards[i] as string, root, unusedStartingWith, isSubPattern)
    }
  }
}

/** The universe positions some entries match, as sorted intervals that neither touch nor overlap. */
interface Positions {
  readonly starts: readonly number[]
  readonly ends: readonly number[]
}

/**
 * The universe positions the entries allow, as merged intervals. The merge is written here again
 * rather than shared with unused-set.ts on purpose: the checks recompute what they prove with
 * code of their own, so that one mistake cannot be in the refinement and in its proof (ADR 24).
 */
function positionsOf(
  entries: readonly string[],
  folded: readonly string[],
  universe: Universe
): Positions {
  const intervals: [number, number][] = []
  entries.forEach((entry, i) => {
    if (!hasWildcard(entry)) {
      const at = universe.indexOf(folded[i] as string)
      if (at >= 0) intervals.push([at, at + 1])
      return
    }
    const m = universe.matchFolded(folded[i] as string)
    if (m.only) for (const at of m.only) intervals.push([at, at + 1])
    else if (m.hi > m.lo) intervals.push([m.lo, m.hi])
  })
  intervals.sort((a, b) => a[0] - b[0])
  const starts: number[] = []
  const ends: number[] = []
  for (let k = 0; k < intervals.length; k++) {
    const interval = intervals[k] as [number, number]
    const lo = interval[0]
    const hi = interval[1]
    const last = ends.length - 1
    if (last >= 0 && lo <= (ends[last] as number)) ends[last] = Math.max(ends[last] as number, hi)
    else {
      starts.push(lo)
      ends.push(hi)
    }
  }
  return { starts, ends }
}

/**
 * Guarantees 2 and 3 on the universe names at [lo, hi), which an original entry allows: each is
 * allowed after exactly when it is used. Walks the refined entries' intervals across the range;
 * a piece inside one must hold no unused name, a piece between two only unused names. On a
 * failure, names the first name that breaks it.
 */
function checkRange(
  s: StatementResult,
  lo: number,
  hi: number,
  after: Positions,
  { universe, unused }: RefineContext
): void {
  const { starts, ends } = after
  // The first interval that ends after lo.
  let i = 0
  let top = ends.length
  while (i < top) {
    const mid = (i + top) >>> 1
    if ((ends[mid] as number) <= lo) i = mid + 1
    else top = mid
  }
  let at = lo
  while (at < hi) {
    const inside = i < starts.length && (starts[i] as number) <= at
    const next = inside ? (ends[i++] as number) : i < starts.length ? (starts[i] as number) : hi
    const end = Math.min(hi, next)
    const unusedHere = unused.countIn(at, end)
    if (inside && unusedHere > 0) {
      while (!unused.at(at)) at++
      fail(s, `the unused ${universe.display[at]} is still allowed (guarantee 2)`)
    }
    if (!inside && unusedHere < end - at) {
      while (unused.at(at)) at++
      fail(s, `the used ${universe.display[at]} is no longer allowed (guarantee 3)`)
    }
    at = end
  }
}

/**
 * Whether an action of R, the unused names of the match of a replaced entry, starts with a folded
 * prefix: the names that start with it are one universe range, so this counts the unused names of
 * that range that are also in the match.
 */
function unusedPrefixTest(
  m: Match,
  { universe, unused }: RefineContext
): (prefix: string) => boolean {
  const r = m.only?.filter(at => unused.at(at))
  const known = new Map<string, boolean>() // siblings share their parent prefix
  const test = (prefix: string): boolean => {
    if (!r) {
      // The names of the match that start with the prefix: its range, searched within the match.
      const range = universe.range(prefix, m.lo, m.hi)
      return unused.countIn(range[0], range[1]) > 0
    }
    const range = universe.range(prefix)
    const lo = range[0]
    const hi = range[1]
    let a = 0
    let b = r.length
    while (a < b) {
      const mid = (a + b) >>> 1
      if ((r[mid] as number) < lo) a = mid + 1
      else b = mid
    }
    return a < r.length && (r[a] as number) < hi
  }
  return prefix => {
    let answer = known.get(prefix)
    if (answer === undefined) known.set(prefix, (answer = test(prefix)))
    return answer
  }
}

/** The next shorter word prefix of a new `P*` must be unsafe, or its wildcard not inside `e`. */
function checkMaximal(
  s: StatementResult,
  wildcard: string,
  root: string,
  unusedStartingWith: (prefix: string) => boolean,
  isSubPattern: (prefix: string) => boolean
): void {
  const prefix = wildcard.slice(0, -1)
  const previous = lastWordStart(prefix)
  const parent = previous > root.length ? fold(prefix.slice(0, previous)) : root
  if (!unusedStartingWith(parent) && isSubPattern(parent)) {
    fail(s, `"${wildcard}" is not maximal: "${parent}*" would also be safe (guarantee 4)`)
  }
}

/** Same keys in the same order, and the same values except under `key`. */
function sameExceptKey(a: unknown, b: unknown, key: string): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false
  const strip = (o: object): string =>
    JSON.stringify(Object.entries(o).map(([k, v]) => (k === key ? [k] : [k, v])))
  return strip(a) === strip(b)
}

function sameEntries(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((e, i) => e === b[i])
}

function fail(s: StatementResult, what: string): never {
  throw new InvariantError(`statement ${s.sid ? `"${s.sid}"` : `#${s.index + 1}`}: ${what}`)
}
