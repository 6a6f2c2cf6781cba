import { fold, hasWildcard, PatternIndex, patternContains, wordBoundaries } from './actions.js'
import { InvariantError } from './errors.js'
import type { PolicyRefinement, RefineContext, StatementResult } from './model.js'
import { actionEntries, readStatements } from './policy.js'
import { rootPrefix, subPatternTest } from './trie.js'
import { anyStartsWith, type Universe } from './universe.js'

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
  if (again.changed || JSON.stringify(again.document) !== JSON.stringify(result.document)) {
    throw new InvariantError(
      'refining the refined policy with the same findings changed it (guarantee 5)'
    )
  }
}

function checkStatement(s: StatementResult, context: RefineContext): void {
  const { universe, unused } = context
  const beforeFolded = s.before.map(fold)
  // 1. Never wider: each refined entry lies inside an original entry, for every string.
  for (const entry of s.after) {
    const f = fold(entry)
    if (!beforeFolded.some(o => patternContains(o, f))) {
      fail(s, `"${entry}" allows strings no original entry allows (guarantee 1)`)
    }
  }
  // 2 and 3. Over the universe actions the original allowed: unused ones gone, used ones kept.
  // Both sides are expanded over the universe the same way (each entry's range of names), which
  // for `*` is much cheaper than asking the refined entries about each of ~22,000 names; a literal
  // outside the universe is asked about directly.
  const refined = new PatternIndex(s.after)
  const allowedBefore = expand(s.before, universe)
  const allowedAfter = expand(s.after, universe)
  for (const name of allowedBefore) {
    const isUnused = unused.has(name)
    const allowed = allowedAfter.has(name) || (!universe.has(name) && refined.allows(name))
    if (isUnused && allowed)
      fail(s, `the unused ${universe.displayOf(name)} is still allowed (guarantee 2)`)
    if (!isUnused && !allowed)
      fail(s, `the used ${universe.displayOf(name)} is no longer allowed (guarantee 3)`)
  }
  // 4. Succinct: no new entry covered by another; every new wildcard maximal.
  const originals = new Set(beforeFolded)
  for (const entry of s.after) {
    const f = fold(entry)
    if (originals.has(f)) continue
    if (refined.covers(f, f))
      fail(s, `the new "${entry}" is covered by another entry (guarantee 4)`)
  }
  for (const change of s.changes) {
    if (change.kind !== 'replaced') continue
    const wildcards = change.by.filter(entry => entry.endsWith('*'))
    if (wildcards.length === 0) continue
    // R and the sub-pattern test once per replaced entry: `*` can emit thousands of wildcards,
    // and recomputing R over the whole universe for each made the checks quadratic.
    const root = rootPrefix(change.entry)
    const r = universe.matching(change.entry).filter(a => unused.has(a))
    const isSubPattern = subPatternTest(change.entry, root)
    for (const entry of wildcards) checkMaximal(s, entry, root, r, isSubPattern)
  }
}

/** The universe actions the entries match, and their literals (folded). */
function expand(entries: readonly string[], universe: Universe): Set<string> {
  const names = new Set<string>()
  for (const entry of entries) {
    if (hasWildcard(entry)) for (const name of universe.matching(entry)) names.add(name)
    else names.add(fold(entry))
  }
  return names
}

/** The next shorter word prefix of a new `P*` must be unsafe, or its wildcard not inside `e`. */
function checkMaximal(
  s: StatementResult,
  wildcard: string,
  root: string,
  r: readonly string[],
  isSubPattern: (prefix: string) => boolean
): void {
  const prefix = wildcard.slice(0, -1)
  const bounds = wordBoundaries(prefix).filter(b => b < prefix.length)
  const previous = bounds.length > 0 ? (bounds[bounds.length - 1] as number) : 0
  const parent = previous > root.length ? fold(prefix.slice(0, previous)) : root
  if (!anyStartsWith(r, parent) && isSubPattern(parent)) {
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
