import type { AwsAgreement } from '../engine/agreement.js'
import type { Quota, StatementResult } from '../engine/model.js'
import type { ConditionBranch, PolicyKind, SourceNote, SourceRange } from '../sources/model.js'
import type { PrincipalSource } from '../sources/principals.js'

/**
 * The machine-readable result of a check (`iam-refine check --format json`, the action's `report`
 * output). Stable: fields are added, never renamed or removed, without raising `version`.
 */
export interface Report {
  readonly version: 1
  readonly tool: 'iam-refine'
  readonly catalog: { readonly source: string; readonly updatedAt?: string }
  /** The edits were written to the files (`--fix`). */
  readonly fixed: boolean
  /** Files that hold policies, or that were reported as malformed or skipped. */
  readonly files: readonly FileReport[]
  /** About the findings and the configuration (archived findings, principals without one). */
  readonly notes: readonly string[]
  readonly totals: Totals
}

export interface FileReport {
  /** The path as scanned (relative to the repository root in the action). */
  readonly file: string
  readonly status: 'policies' | 'malformed' | 'skipped'
  /** For `malformed` and `skipped`: why, and where when known. */
  readonly message?: string
  readonly line?: number
  readonly column?: number
  readonly policies: readonly PolicyReport[]
  /** What the finders left alone in this file (managed policy names, SAM policy templates). */
  readonly notes: readonly SourceNote[]
  /** Every edit of the file, sorted, non-overlapping; applied together they are the fix. */
  readonly edits: readonly ReportEdit[]
}

export type PolicyStatus =
  /** Every permission is used (or no finding says otherwise). */
  | 'unchanged'
  /** Unused permissions, with edits that remove them. */
  | 'refined'
  /** Unused permissions, and the edits were written (`--fix`). */
  | 'fixed'
  /** No statement is left: detach or delete the policy (never an empty policy). */
  | 'unused-policy'
  /** Unused permissions, reported but never edited (`reason` says why). */
  | 'not-editable'
  /** Nothing says which role or user it belongs to, or a name is held in several accounts
   * (`reason` says what to add). */
  | 'unmapped'
  /** Mapped, but the findings say nothing about a principal it belongs to (`reason`). */
  | 'unchecked'
  /** Not a policy document the engine can read (`reason`). */
  | 'invalid'
  /** An internal guarantee failed: nothing is suggested (a bug). */
  | 'error'

export interface PolicyReport {
  /** Where the policy sits: `Resources.AppRole.Properties.Policies[0].PolicyDocument`; `` for a whole file. */
  readonly pointer: string
  readonly path: readonly (string | number)[]
  readonly kind: PolicyKind
  /** The `Fn::If` branches taken to reach it (the condition and its value), outermost first. */
  readonly branches?: readonly ConditionBranch[]
  readonly resource?: { readonly logicalId: string; readonly type: string }
  readonly policyName?: string
  readonly range: SourceRange
  /** The principals it is refined for (several: a shared policy, the intersection). */
  readonly principals: readonly string[]
  readonly principalSource?: PrincipalSource
  readonly status: PolicyStatus
  readonly reason?: string
  readonly statements: readonly StatementReport[]
  /** This policy's edits (also in the file's `edits`). */
  readonly edits: readonly ReportEdit[]
  readonly warnings: readonly string[]
  /** Unused actions it allows (catalog casing), before any fix. */
  readonly unusedActions: readonly string[]
  /**
   * Sizes without white space, as IAM counts them: before and after the refinement, and the
   * principal's other inline policies in the same file (`others`), which share the quota.
   */
  readonly size?: {
    readonly before: number
    readonly after: number
    readonly quota?: Quota
    readonly others?: number
  }
  readonly overQuota?: boolean
  /** Every principal is wholly unused (`UnusedIAMRole`). */
  readonly unusedPrincipal?: boolean
  /** A name matched principals in several accounts and none was chosen (status `unmapped`). */
  readonly ambiguous?: boolean
  /**
   * IAM Access Analyzer's verdict on this refinement: `agrees`, `differs` (every difference with
   * its actions and reason) or `unavailable` (why), per principal. Present for policies with
   * unused permissions when the run had recommendations to compare with.
   */
  readonly awsAgreement?: AwsAgreement
}

/** A statement as the engine reports it (index in the original list), placed in the file. */
export interface StatementReport extends StatementResult {
  /** One human line per change. */
  readonly reasons: readonly string[]
  readonly range: SourceRange
  readonly actionRange?: SourceRange
}

/** Replace the text in `range` (`start`..`end`, UTF-16 offsets of the original file) by `text`. */
export interface ReportEdit {
  readonly start: number
  readonly end: number
  readonly text: string
  /** The statement it belongs to (index in the original list). */
  readonly statement: number
  readonly range: SourceRange
}

export interface Totals {
  readonly files: number
  readonly policies: number
  /** Policies with unused permissions (refined, fixed, unused-policy, not-editable). */
  readonly withUnused: number
  readonly fixed: number
  readonly unusedPolicies: number
  readonly notEditable: number
  readonly unmapped: number
  readonly invalid: number
  readonly errors: number
  readonly malformedFiles: number
  readonly skippedFiles: number
  /** Distinct unused actions still allowed (not fixed). */
  readonly unusedActions: number
  /** Policies whose unused permissions remain (not fixed): exit code 1 when above zero. */
  readonly remaining: number
  /** What could not be checked (see `uncheckedItems`): the default gate fails when above zero. */
  readonly unchecked: number
}

/** One thing the check could not check, and why: a file, a policy, a statement or a note. */
export interface UncheckedItem {
  readonly file: string
  readonly line?: number
  readonly pointer?: string
  readonly reason: string
}

/** Policy statuses that mean nothing could be said about the policy's use. */
const UNCHECKED: ReadonlySet<PolicyStatus> = new Set(['unmapped', 'unchecked', 'invalid', 'error'])

/**
 * Everything in `files` that was found but not checked: files that could not be read, policies
 * without a principal or whose principals the findings do not cover, statements whose permissions
 * cannot be read, and what the finders found but could not read. The gate's default counts them.
 */
export function uncheckedItems(files: readonly FileReport[]): UncheckedItem[] {
  const out: UncheckedItem[] = []
  for (const f of files) {
    if (f.status !== 'policies') {
      out.push({
        file: f.file,
        ...(f.line !== undefined ? { line: f.line } : {}),
        reason: `${f.status === 'malformed' ? 'malformed' : 'not read'}: it ${f.message ?? 'could not be read'}`
      })
      continue
    }
    for (const p of f.policies) {
      const at = { file: f.file, line: p.range.startLine, pointer: p.pointer }
      if (UNCHECKED.has(p.status)) {
        out.push({ ...at, reason: `${p.status}: ${p.reason ?? 'not checked'}` })
        continue
      }
      for (const s of p.statements) {
        if (s.unreadable) {
          const label = s.sid !== undefined ? `Statement "${s.sid}"` : `Statement #${s.index + 1}`
          out.push({
            ...at,
            line: s.range.startLine,
            reason: `${label} ${s.note ?? 'cannot be read'}`
          })
        }
      }
    }
    for (const n of f.notes) {
      if (n.unchecked)
        out.push({ file: f.file, line: n.line, pointer: n.pointer, reason: n.message })
    }
  }
  return out
}

const WITH_UNUSED: ReadonlySet<PolicyStatus> = new Set([
  'refined',
  'fixed',
  'unused-policy',
  'not-editable'
])

export function hasUnused(status: PolicyStatus): boolean {
  return WITH_UNUSED.has(status)
}

export function computeTotals(files: readonly FileReport[]): Totals {
  const counter = new TotalsCounter()
  for (const f of files) counter.add(f)
  return counter.totals()
}

/**
 * The totals of a report counted one file at a time, so that a check that prints each file and
 * forgets it still ends with the totals of all: it keeps counts, and the distinct unused actions
 * (at most the catalog's).
 */
export class TotalsCounter {
  private readonly counts = {
    files: 0,
    policies: 0,
    withUnused: 0,
    fixed: 0,
    unusedPolicies: 0,
    notEditable: 0,
    unmapped: 0,
    invalid: 0,
    errors: 0,
    malformedFiles: 0,
    skippedFiles: 0,
    remaining: 0,
    unchecked: 0
  }
  private readonly unusedActions = new Set<string>()

  add(file: FileReport): void {
    const c = this.counts
    if (file.status === 'policies') c.files++
    else if (file.status === 'malformed') c.malformedFiles++
    else c.skippedFiles++
    c.unchecked += uncheckedItems([file]).length
    for (const p of file.policies) {
      c.policies++
      if (p.status === 'fixed') c.fixed++
      else if (p.status === 'unused-policy') c.unusedPolicies++
      else if (p.status === 'not-editable') c.notEditable++
      else if (p.status === 'unmapped') c.unmapped++
      else if (p.status === 'invalid') c.invalid++
      else if (p.status === 'error') c.errors++
      if (!hasUnused(p.status)) continue
      c.withUnused++
      if (p.status === 'fixed') continue
      c.remaining++
      for (const a of p.unusedActions) this.unusedActions.add(a.toLowerCase())
    }
  }

  totals(): Totals {
    const c = this.counts
    return {
      files: c.files,
      policies: c.policies,
      withUnused: c.withUnused,
      fixed: c.fixed,
      unusedPolicies: c.unusedPolicies,
      notEditable: c.notEditable,
      unmapped: c.unmapped,
      invalid: c.invalid,
      errors: c.errors,
      malformedFiles: c.malformedFiles,
      skippedFiles: c.skippedFiles,
      unusedActions: this.unusedActions.size,
      remaining: c.remaining,
      unchecked: c.unchecked
    }
  }
}

export function buildReport(
  files: readonly FileReport[],
  meta: {
    catalog: { source: string; updatedAt?: string }
    fixed: boolean
    notes: readonly string[]
  }
): Report {
  return {
    version: 1,
    tool: 'iam-refine',
    catalog: meta.catalog,
    fixed: meta.fixed,
    files,
    notes: meta.notes,
    totals: computeTotals(files)
  }
}
