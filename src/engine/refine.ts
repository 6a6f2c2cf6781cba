import {
  compareFoldedNames,
  coveredByOthers,
  fold,
  hasWildcard,
  PatternIndex,
  type FoldedName
} from './actions.js'
import type { Catalog } from './catalog.js'
import { isRecord } from './catalog.js'
import { LimitError } from './errors.js'
import { verifyRefinement } from './invariants.js'
import { MAX_ENTRIES_PER_POLICY, MAX_MATCHED_ACTIONS_PER_FILE } from './limits.js'
import type {
  EntryChange,
  PolicyRefinement,
  Quota,
  RefineContext,
  StatementResult,
  StatementStatus,
  WorkBudget
} from './model.js'
import { actionEntries, policySize, readStatements } from './policy.js'
import { generalize } from './trie.js'
import { matchSize, Universe } from './universe.js'
import { namedActions, type PrincipalUnused } from './unused.js'
import { UnusedSet } from './unused-set.js'

export type {
  EntryChange,
  PolicyRefinement,
  Quota,
  RefineContext,
  StatementResult,
  StatementStatus
} from './model.js'

/** IAM's size quotas, counted without white space. */
export const QUOTAS = {
  managed: { kind: 'managed policy', limit: 6144 },
  role: { kind: 'inline policies of a role', limit: 10240 },
  user: { kind: 'inline policies of a user', limit: 2048 },
  group: { kind: 'inline policies of a group', limit: 5120 }
} as const

export interface RefineOptions {
  readonly catalog: Catalog
  /**
   * The findings of each principal the policy is attached to (`usesEverything(arn)` for one without
   * a finding). A shared policy is refined with the intersection of their unused sets.
   */
  readonly principals: readonly PrincipalUnused[]
  /** Patterns never removed, even when reported unused (configuration `keep-actions`). */
  readonly keepActions?: readonly string[]
  /** The quota the refined policy must fit. */
  readonly quota?: Quota
  /**
   * The work budget of the file the policy is in, shared by its policies (a fresh one per file:
   * `newWorkBudget()`); without one, a policy gets a file's budget of its own.
   */
  readonly budget?: WorkBudget
}

/** The work one file may cause (src/engine/limits.ts). */
export function newWorkBudget(): WorkBudget {
  return { matchedActions: MAX_MATCHED_ACTIONS_PER_FILE }
}

/**
 * Refines an identity-policy document against the unused access of its principals, then proves
 * the five guarantees of the design on the result; a broken one throws `InvariantError`.
 */
export function refinePolicy(document: unknown, options: RefineOptions): PolicyRefinement {
  const { statements } = readStatements(document)
  const context = buildContext(statements, options)
  const result = refineWithContext(document as Record<string, unknown>, context, options.quota)
  verifyRefinement(document as Record<string, unknown>, result, context, d =>
    refineWithContext(d, context, options.quota)
  )
  return result
}

function buildContext(statements: readonly unknown[], options: RefineOptions): RefineContext {
  const literals: string[] = []
  for (const s of statements) {
    for (const entry of actionEntries(s) ?? []) if (!hasWildcard(entry)) literals.push(entry)
  }
  const keep = options.keepActions ?? []
  const universe = new Universe(
    options.catalog,
    namedActions(options.principals),
    literals,
    keep.filter(k => !hasWildcard(k))
  )
  return {
    universe,
    unused: UnusedSet.resolve(options.principals, universe, keep),
    budget: options.budget ?? newWorkBudget()
  }
}

export function refineWithContext(
  document: Record<string, unknown>,
  context: RefineContext,
  quota: Quota | undefined
): PolicyRefinement {
  const { statements, single } = readStatements(document)
  const results: StatementResult[] = []
  const kept: unknown[] = []
  const warnings: string[] = []
  let emitted = 0
  statements.forEach((statement, index) => {
    const { result, refined } = refineStatement(statement, index, context)
    results.push(result)
    if (refined !== null) kept.push(refined)
    if (result.note) warnings.push(`Statement ${label(result)}: ${result.note}`)
    if (result.status === 'refined') emitted += result.after.length
    if (emitted > MAX_ENTRIES_PER_POLICY) {
      throw new LimitError(
        `too large to suggest: the refinement would have more than ${MAX_ENTRIES_PER_POLICY} Action entries, ` +
          'more than any IAM policy quota holds; detach the policy, or rewrite it with fewer, narrower wildcards',
        'suggest'
      )
    }
  })
  const changed = results.some(r => r.status === 'refined' || r.status === 'removed')
  let refinedDoc: Record<string, unknown> = document
  if (changed) {
    const nextStatement = single && kept.length === 1 ? kept[0] : kept
    refinedDoc = { ...document, Statement: nextStatement }
  }
  const unusedPolicy = kept.length === 0
  if (unusedPolicy) {
    warnings.push(
      'No statement is left: the policy is unused. Detach or delete it rather than keep it empty.'
    )
  }
  const before = policySize(document)
  const after = changed ? policySize(refinedDoc) : before
  const overQuota = quota !== undefined && after > quota.limit
  if (overQuota) {
    warnings.push(
      `The refined policy is ${after} characters without white space, over the ${quota.limit}-character quota for ${quota.kind}.`
    )
  }
  return {
    document: refinedDoc,
    changed,
    unusedPolicy,
    unusedPrincipal: context.unused.all,
    statements: results,
    warnings,
    size: quota ? { before, after, quota } : { before, after },
    overQuota
  }
}

function label(r: StatementResult): string {
  return r.sid ? `"${r.sid}"` : `#${r.index + 1}`
}

interface StatementOutcome {
  readonly result: StatementResult
  /** The refined statement, or null when it is removed. */
  readonly refined: unknown
}

function refineStatement(
  statement: unknown,
  index: number,
  context: RefineContext
): StatementOutcome {
  const notRefined = (
    note: string,
    before: string[] = [],
    unreadable = false
  ): StatementOutcome => ({
    result: {
      index,
      ...sidOf(statement),
      status: 'not-refined',
      note,
      ...(unreadable ? { unreadable } : {}),
      before,
      after: before,
      changes: []
    },
    refined: statement
  })
  if (!isRecord(statement)) return notRefined('is not an object; left as it is', [], true)
  if (statement.Effect === 'Deny') {
    return notRefined(
      'is a Deny, never narrowed: a narrower Deny would widen access',
      actionEntries(statement)
    )
  }
  if (statement.Effect !== 'Allow')
    return notRefined('has no Effect of Allow or Deny; left as it is', [], true)
  if ('NotAction' in statement) {
    return notRefined('uses NotAction, which iam-refine does not refine (nor does Access Analyzer)')
  }
  if (!('Action' in statement)) return notRefined('has no Action; left as it is')
  const entries = actionEntries(statement)
  if (entries === undefined) {
    return notRefined(
      'has an Action that is not a string or a list of strings; left as it is',
      [],
      true
    )
  }

  const { universe, unused } = context
  const slots: Slot[] = []
  const changes: EntryChange[] = []
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e] as string
    const folded = fold(entry)
    if (!hasWildcard(entry)) {
      if (unused.has(folded)) {
        changes.push({ kind: 'removed', entry, unused: [universe.displayOf(folded)] })
        slots.push({ out: [], isNew: false })
      } else slots.push({ out: [{ name: entry, folded }], isNew: false })
      continue
    }
    const m = universe.matchFolded(folded)
    const matched = matchSize(m)
    if (context.budget && (context.budget.matchedActions -= matched) < 0) {
      throw new LimitError(
        `too large to check: the wildcards of this file match more than ${MAX_MATCHED_ACTIONS_PER_FILE} actions ` +
          'together; split the file or narrow its wildcards',
        'check'
      )
    }
    const unusedCount = unused.countOf(m)
    const removesAll = unusedCount === matched && (unusedCount > 0 || unused.all)
    if (unusedCount === 0 && !removesAll) {
      slots.push({ out: [{ name: entry, folded }], isNew: false })
    } else if (removesAll) {
      changes.push({ kind: 'removed', entry, unused: unused.namesOf(m) })
      slots.push({ out: [], isNew: false })
    } else {
      const replacement = generalize(entry, m, universe, unused).sort(compareFoldedNames)
      changes.push({
        kind: 'replaced',
        entry,
        by: replacement.map(r => r.name),
        unused: unused.namesOf(m),
        matched
      })
      slots.push({ out: replacement, isNew: true })
    }
  }
  if (changes.length === 0) {
    return {
      result: {
        index,
        ...sidOf(statement),
        status: 'unchanged',
        before: entries,
        after: entries,
        changes
      },
      refined: statement
    }
  }

  const after = dropCovered(slots)
  const finalChanges = changes.map(c =>
    c.kind === 'replaced' ? { ...c, by: c.by.filter(e => after.survivors.has(e)) } : c
  )
  const result = (status: StatementStatus): StatementResult => ({
    index,
    ...sidOf(statement),
    status,
    before: entries,
    after: after.entries,
    changes: finalChanges
  })
  if (after.entries.length === 0) return { result: result('removed'), refined: null }
  const action =
    typeof statement.Action === 'string' && after.entries.length === 1
      ? after.entries[0]
      : after.entries
  return { result: result('refined'), refined: { ...statement, Action: action } }
}

/**
 * A new entry is not added where another entry of the statement already allows everything it
 * matches: an equal or wider one, kept or new. Kept entries stay, whatever covers them.
 */
function dropCovered(slots: readonly Slot[]): { entries: string[]; survivors: Set<string> } {
  const keptIndex = new PatternIndex(
    slots.filter(s => !s.isNew).flatMap(s => s.out.map(o => o.folded))
  )
  const seen = new Set<string>()
  const fresh: FoldedName[] = []
  for (const s of slots) {
    if (!s.isNew) continue
    for (let i = 0; i < s.out.length; i++) {
      const e = s.out[i] as FoldedName
      if (seen.has(e.folded) || keptIndex.covers(e.folded)) continue
      seen.add(e.folded)
      fresh.push(e)
    }
  }
  // Fresh entries differ once folded, so an entry's text names it among them.
  const covered = coveredByOthers(fresh.map(e => e.folded))
  const survivors = new Set(fresh.filter((_, i) => !covered[i]).map(e => e.name))
  const entries: string[] = []
  const placed = new Set<string>()
  for (const s of slots) {
    for (let i = 0; i < s.out.length; i++) {
      const { name } = s.out[i] as FoldedName
      if (!s.isNew) entries.push(name)
      else if (survivors.has(name) && !placed.has(name)) {
        placed.add(name)
        entries.push(name)
      }
    }
  }
  return { entries, survivors }
}

/** What one entry of a statement's Action becomes: the entries in its place, and whether new. */
interface Slot {
  readonly out: readonly FoldedName[]
  readonly isNew: boolean
}

function sidOf(statement: unknown): { sid?: string } {
  return isRecord(statement) && typeof statement.Sid === 'string' ? { sid: statement.Sid } : {}
}
