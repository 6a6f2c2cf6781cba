import type { Catalog } from '../engine/catalog.js'
import { ConfigurationError, InvariantError, LimitError } from '../engine/errors.js'
import { MAX_SECONDS_PER_FILE, MAX_STATEMENTS_PER_FILE } from '../engine/limits.js'
import type { PolicyRefinement, WorkBudget } from '../engine/model.js'
import { newWorkBudget, QUOTAS, refinePolicy } from '../engine/refine.js'
import { usesEverything, type PrincipalUnused } from '../engine/unused.js'
import { isCovered, type LoadedFindings } from '../findings/select.js'
import type {
  FileReport,
  PolicyReport,
  ReportEdit,
  StatementReport
} from '../report/json-report.js'
import { describeChange } from '../report/reasons.js'
import type { IamRefineConfig } from './config.js'
import { LineIndex } from './document/tree.js'
import {
  scanFile,
  type FormatContext,
  type ProvenChange,
  type RenderedEdit,
  type ScannedFile
} from './format.js'
import type { PolicyLocation, StatementInclude } from './model.js'
import { mapPrincipals, type PrincipalMapping } from './principals.js'
import { applyEdits } from './text-edit.js'

export interface RefineSourcesOptions {
  readonly catalog: Catalog
  readonly findings: LoadedFindings
  readonly config: IamRefineConfig
  /** `--principal`: owns per-principal findings lists and maps policies nothing else maps. */
  readonly fallbackPrincipals?: readonly string[]
  /** Milliseconds of a monotonic clock (`performance.now`), for the time bound of a file. */
  readonly clock?: () => number
  /** What formats need beyond the file (the Terraform parser and module files), from the edge. */
  readonly formats?: Omit<FormatContext, 'path'>
}

export interface FileInput {
  /** The path shown in reports. */
  readonly file: string
  /** The path relative to the repository root (`/` separators), for the configuration's globs. */
  readonly path: string
  readonly text: string
  /** Other files' includes of this one (Serverless `${file(...)}`), from their scans. */
  readonly included?: readonly StatementInclude[]
}

export interface FileOutcome {
  /** Undefined when the file holds no policy (and is not a malformed one). */
  readonly report: FileReport | undefined
  /** The text with every edit applied, when there are edits. */
  readonly fixedText?: string
  /** Each policy found, with what the engine made of it (the action's review needs it all). */
  readonly policies?: readonly RefinedPolicy[]
  /**
   * The proof of the edits of some of these policies applied without the others' (what is left
   * when a refinement is withheld); the reason when they fail.
   */
  readonly prove?: (policies: readonly RefinedPolicy[]) => string | undefined
}

/** One policy of a file: where it is, whose it is, its refinement and its edits. */
export interface RefinedPolicy {
  readonly report: PolicyReport
  readonly location: PolicyLocation
  /** The findings it was refined with; empty when unmapped. */
  readonly principals: readonly PrincipalUnused[]
  readonly refinement?: PolicyRefinement
  readonly edits: readonly RenderedEdit[]
}

/**
 * Finds the policies of one file, maps each to its principals, refines it and renders the edits:
 * the whole of `check` for one file, without I/O (the action calls it on a pull request's files).
 */
export function refineFile(input: FileInput, options: RefineSourcesOptions): FileOutcome {
  const scan = (): ScannedFile =>
    scanFile(input.text, input.file, {
      ...options.formats,
      path: input.path,
      ...(input.included ? { included: input.included } : {})
    })
  // The outcome proves again by scanning again: it does not keep the file's tree alive.
  return refineScan(input, scan(), options, scan)
}

/**
 * `refineFile` for a file already scanned (`scanned` read `input.text`); `rescan` gives it again
 * for the outcome's later proofs (by default, the same).
 */
export function refineScan(
  input: FileInput,
  scanned: ScannedFile,
  options: RefineSourcesOptions,
  rescan: () => ScannedFile = () => scanned
): FileOutcome {
  const { scan } = scanned
  if (scan.status === 'none') return { report: undefined }
  if (scan.status !== 'policies') {
    return {
      report: {
        file: input.file,
        status: scan.status,
        ...(scan.message !== undefined ? { message: scan.message } : {}),
        ...(scan.line !== undefined ? { line: scan.line, column: scan.column } : {}),
        policies: [],
        notes: [],
        edits: []
      }
    }
  }
  const statements = scan.policies.reduce((n, p) => n + p.statements.length, 0)
  if (statements > MAX_STATEMENTS_PER_FILE) {
    return {
      report: {
        file: input.file,
        status: 'skipped',
        message: `holds ${statements} statements, over the limit of ${MAX_STATEMENTS_PER_FILE} for one file; not checked`,
        policies: [],
        notes: scan.notes,
        edits: []
      }
    }
  }
  const lines = new LineIndex(input.text)
  const budget = newWorkBudget()
  const started = options.clock?.()
  const refined = scan.policies.map((location): Refined => {
    if (started !== undefined && options.clock!() - started > MAX_SECONDS_PER_FILE * 1000) {
      return {
        done: uncheckedDraft(
          location,
          `not checked: the file took more than ${MAX_SECONDS_PER_FILE} s to refine`
        )
      }
    }
    const mapping = mapPrincipals(location, {
      file: input.path,
      config: options.config,
      known: options.findings.known,
      covered: arn => isCovered(options.findings, arn) || isFallback(arn, options),
      ...(options.fallbackPrincipals ? { fallback: options.fallbackPrincipals } : {})
    })
    return refineLocation(location, mapping, options, budget)
  })
  const drafts = refined.map((r, i) =>
    finishLocation(scanned, r, otherInlineSize(refined, i), lines)
  )
  const fileEdits = proveFileEdits(scanned, drafts)
  const sorted = [...fileEdits].sort((a, b) => a.start - b.start || a.end - b.end)
  return {
    report: {
      file: input.file,
      status: 'policies',
      policies: drafts.map(d => d.report),
      notes: scan.notes,
      edits: sorted.map(e => reportEdit(e, lines))
    },
    ...(sorted.length > 0 ? { fixedText: applyEdits(input.text, sorted) } : {}),
    policies: drafts.map(d =>
      d.report.status === 'not-editable' && d.edits.length > 0 ? { ...d, edits: [] } : d
    ),
    prove: proverOf(rescan)
  }
}

/** Made apart from `refineScan`, so that it holds `rescan` only, not the scanned file's tree. */
function proverOf(rescan: () => ScannedFile): NonNullable<FileOutcome['prove']> {
  return policies =>
    rescan().prove(
      policies.map(provenChange),
      policies.flatMap(p => p.edits)
    )
}

/**
 * Proves the edits of a file's refined policies together, with one re-parse of the file: what is
 * written or suggested is all of them applied. When that fails and several policies are edited,
 * each is proven alone to tell which fail (each becomes not-editable with its own reason), and
 * the others together again. The edits that stand, or none.
 */
function proveFileEdits(scanned: ScannedFile, drafts: readonly Draft[]): RenderedEdit[] {
  const prove = (set: readonly Draft[]): string | undefined =>
    scanned.prove(
      set.map(provenChange),
      set.flatMap(d => d.edits)
    )
  const editing = drafts.filter(d => d.report.status === 'refined')
  if (editing.length === 0) return []
  const problem = prove(editing)
  if (problem === undefined) return editing.flatMap(d => d.edits)
  if (editing.length === 1) {
    refuse(editing[0] as Draft, problem)
    return []
  }
  const passed: Draft[] = []
  for (const d of editing) {
    const alone = prove([d])
    if (alone === undefined) passed.push(d)
    else refuse(d, alone)
  }
  const together =
    passed.length === editing.length ? problem : passed.length > 1 ? prove(passed) : undefined
  if (together === undefined) return passed.flatMap(d => d.edits)
  for (const d of passed) {
    d.report = { ...d.report, status: 'not-editable', reason: together, edits: [] }
  }
  return []
}

/** A policy whose own edits fail their proof: reported as `finishLocation` reports a refusal. */
function refuse(draft: Draft, reason: string): void {
  const { status: _status, edits: _edits, ...common } = draft.report
  draft.report = { ...common, status: 'not-editable', reason, edits: [] }
}

function provenChange(p: {
  readonly location: PolicyLocation
  readonly refinement?: PolicyRefinement
}): ProvenChange {
  return {
    location: p.location,
    document: p.refinement?.document,
    removed: (p.refinement?.statements ?? []).filter(s => s.status === 'removed').map(s => s.index)
  }
}

interface Draft {
  report: PolicyReport
  readonly location: PolicyLocation
  readonly principals: readonly PrincipalUnused[]
  readonly refinement?: PolicyRefinement
  readonly edits: RenderedEdit[]
}

function reportBase(
  location: PolicyLocation
): Pick<
  PolicyReport,
  'pointer' | 'path' | 'kind' | 'branches' | 'resource' | 'policyName' | 'range'
> {
  return {
    pointer: location.pointer,
    path: location.path,
    kind: location.kind,
    ...(location.branches ? { branches: location.branches } : {}),
    ...(location.resource ? { resource: location.resource } : {}),
    ...(location.policyName !== undefined ? { policyName: location.policyName } : {}),
    range: location.range
  }
}

/** A policy reported as not checked, with why. */
function uncheckedDraft(location: PolicyLocation, reason: string): Draft {
  return {
    location,
    principals: [],
    edits: [],
    report: {
      ...reportBase(location),
      principals: [],
      statements: [],
      edits: [],
      unusedActions: [],
      status: 'unchecked',
      reason,
      warnings: []
    }
  }
}

/** A policy mapped and refined, before its size is weighed against its quota and it is rendered. */
type Refined =
  | { readonly done: Draft }
  | {
      readonly location: PolicyLocation
      readonly mapped: Omit<
        PolicyReport,
        'status' | 'statements' | 'edits' | 'warnings' | 'unusedActions'
      >
      readonly notes: readonly string[]
      readonly principals: readonly PrincipalUnused[]
      readonly refinement: PolicyRefinement
    }

function refineLocation(
  location: PolicyLocation,
  mapping: PrincipalMapping,
  options: RefineSourcesOptions,
  budget: WorkBudget
): Refined {
  const base = reportBase(location)
  const empty = { statements: [], edits: [], unusedActions: [] }
  if (!mapping.mapped) {
    return {
      done: {
        location,
        principals: [],
        edits: [],
        report: {
          ...base,
          ...empty,
          principals: [],
          status: 'unmapped',
          reason: mapping.reason,
          ...(mapping.ambiguous ? { ambiguous: true } : {}),
          warnings: []
        }
      }
    }
  }
  const mapped = {
    ...base,
    principals: mapping.principals,
    principalSource: mapping.via
  }
  /** The policy reported without a refinement: why, with the mapping's notes. */
  const answered = (
    principals: readonly PrincipalUnused[],
    status: PolicyReport['status'],
    reason: string
  ): Refined => ({
    done: {
      location,
      principals,
      edits: [],
      report: { ...mapped, ...empty, status, reason, warnings: [...mapping.notes] }
    }
  })
  if (mapping.uncovered.length > 0) {
    const one = mapping.uncovered.length === 1
    return answered(
      [],
      'unchecked',
      `the findings say nothing about ${mapping.uncovered.join(', ')}: no finding names ` +
        `${one ? 'it' : 'them'} and the analyzer's coverage of ${one ? 'its account' : 'their accounts'} is not recorded, ` +
        'so whether it uses everything or was never analyzed cannot be told'
    )
  }
  const principals = mapping.principals.map(p => unusedOf(p, options))
  let refinement: PolicyRefinement
  try {
    refinement = refinePolicy(location.document, {
      catalog: options.catalog,
      principals,
      keepActions: options.config.keepActions,
      quota: location.quota,
      budget
    })
  } catch (error) {
    if (error instanceof LimitError) {
      return answered(
        principals,
        error.kind === 'check' ? 'unchecked' : 'not-editable',
        error.message
      )
    }
    if (error instanceof ConfigurationError || error instanceof InvariantError) {
      return answered(
        principals,
        error instanceof InvariantError ? 'error' : 'invalid',
        error.message
      )
    }
    throw error
  }
  return { location, mapped, notes: mapping.notes, principals, refinement }
}

/**
 * The size of the other inline policies of the same principal in this file, which IAM counts
 * together with this one (a role's inline policies share one quota). Alternatives (`Fn::If`
 * branches) and policies inside this one are not added; a managed policy has a quota of its own.
 */
function otherInlineSize(all: readonly Refined[], index: number): number {
  const self = all[index]
  if (!self || 'done' in self || self.location.quota.kind === QUOTAS.managed.kind) return 0
  const key = principalKey(self.location)
  if (key === undefined) return 0
  let size = 0
  all.forEach((other, i) => {
    if (i === index || 'done' in other || other.location.branches) return
    if (other.location.quota.kind !== self.location.quota.kind) return
    if (principalKey(other.location) !== key) return
    const [a, b] = [self.location.path, other.location.path]
    const nested = (x: readonly unknown[], y: readonly unknown[]): boolean =>
      x.length <= y.length && x.every((step, j) => y[j] === step)
    if (nested(a, b) || nested(b, a)) return
    size += other.refinement.size.after
  })
  return size
}

/** Which principals a policy is attached to, as the file names them; undefined when none. */
function principalKey(location: PolicyLocation): string | undefined {
  if (location.attachments.length === 0) return undefined
  return location.attachments
    .map(a => `${a.type}:${a.logicalId ?? ''}:${a.name ?? ''}:${a.unresolved ?? ''}`)
    .sort()
    .join('|')
}

function finishLocation(
  scanned: ScannedFile,
  refined: Refined,
  others: number,
  lines: LineIndex
): Draft {
  if ('done' in refined) return refined.done
  const { location, mapped, principals, refinement } = refined
  const statements = statementReports(location, refinement)
  const unusedActions = [
    ...new Set(refinement.statements.flatMap(s => s.changes.flatMap(c => c.unused)))
  ]
  const statementNotes = refinement.statements.flatMap(s => (s.note ? [`: ${s.note}`] : []))
  const quota = location.quota
  const { before, after } = refinement.size
  const total = after + others
  // A refinement that grows past the quota could not be deployed: it is not a fix.
  const overQuota = total > quota.limit && after > before
  const common = {
    ...mapped,
    statements,
    unusedActions,
    warnings: [
      ...refined.notes,
      // statement notes are the statements' own; the quota is said below, with its options
      ...refinement.warnings.filter(
        w => !statementNotes.some(n => w.endsWith(n)) && !w.includes('-character quota for')
      )
    ],
    size: { before, after, quota, ...(others > 0 ? { others } : {}) },
    overQuota: total > quota.limit,
    unusedPrincipal: refinement.unusedPrincipal
  }
  const draft = (report: PolicyReport, edits: RenderedEdit[] = []): Draft => ({
    location,
    principals,
    refinement,
    edits,
    report
  })
  if (!refinement.changed) return draft({ ...common, status: 'unchanged', edits: [] })
  if (refinement.unusedPolicy) {
    return draft({
      ...common,
      status: 'unused-policy',
      reason: unusedReason(location),
      edits: []
    })
  }
  if (overQuota) {
    return draft({
      ...common,
      status: 'not-editable',
      reason: overQuotaReason(refined, others),
      edits: []
    })
  }
  const rendered = scanned.render(location, refinement)
  if ('refused' in rendered) {
    return draft({ ...common, status: 'not-editable', reason: rendered.refused, edits: [] })
  }
  const edits = [...rendered.edits]
  return draft({ ...common, status: 'refined', edits: edits.map(e => reportEdit(e, lines)) }, edits)
}

/** What to do with a policy (or a Fn::If branch, a statement list) that keeps no statement. */
function unusedReason(location: PolicyLocation): string {
  switch (location.form ?? 'document') {
    case 'statement':
    case 'action':
      return 'no action is left in this branch of Fn::If: replace the branch by !Ref AWS::NoValue, or delete the statement'
    case 'statements':
      return location.branches
        ? 'no statement is left in this branch of Fn::If: replace the branch by !Ref AWS::NoValue'
        : 'no statement is left: delete the statements (the role keeps its other policies)'
    default:
      return location.branches
        ? 'no statement is left in this branch of Fn::If: replace the branch by !Ref AWS::NoValue, or detach or delete the policy'
        : 'no statement is left: detach the policy from its principals or delete it'
  }
}

function overQuotaReason(refined: Exclude<Refined, { done: Draft }>, others: number): string {
  const { before, after } = refined.refinement.size
  const quota = refined.location.quota
  const withOthers =
    others > 0 ? `, ${after + others} with the principal's other inline policies in this file` : ''
  return (
    `the refinement would be ${after} characters without white space (the policy is ${before} now)${withOthers}, ` +
    `over IAM's ${quota.limit}-character quota for ${quota.kind}, so it could not be deployed and no fix is suggested: ` +
    (quota.kind === QUOTAS.managed.kind
      ? 'split the policy into several, '
      : 'split the policy into several, move it to a managed policy, ') +
    'or accept the listed unused actions with keep-actions in the configuration'
  )
}

/** `--principal` owns a per-principal findings list: what that list says covers it. */
function isFallback(arn: string, options: RefineSourcesOptions): boolean {
  return (
    options.findings.byPrincipal.has('') && (options.fallbackPrincipals?.includes(arn) ?? false)
  )
}

/** The unused access of one principal; one without a finding uses everything. */
function unusedOf(principal: string, options: RefineSourcesOptions): PrincipalUnused {
  const own = options.findings.byPrincipal.get(principal)
  if (own) return own
  const anonymous = options.findings.byPrincipal.get('')
  if (anonymous && options.fallbackPrincipals?.includes(principal)) {
    return { ...anonymous, principal }
  }
  return usesEverything(principal)
}

function statementReports(
  location: PolicyLocation,
  refinement: PolicyRefinement
): StatementReport[] {
  return refinement.statements.map(s => {
    const where = location.statements[s.index]
    const reasons = s.changes.map(c => describeChange(c))
    if (s.status === 'removed') reasons.push('the statement is removed: no action is left')
    const note = where?.notEditable ?? s.note
    return {
      index: s.index,
      ...(s.sid !== undefined ? { sid: s.sid } : {}),
      status: s.status,
      ...(note !== undefined ? { note } : {}),
      // what the engine cannot read is unchecked, unless a Fn::If's branches are checked apart
      ...(s.unreadable && !where?.branched ? { unreadable: true } : {}),
      before: s.before,
      after: s.after,
      changes: s.changes,
      reasons,
      range: where?.range ?? location.range,
      ...(where?.action ? { actionRange: where.action.range } : {})
    }
  })
}

function reportEdit(e: RenderedEdit, lines: LineIndex): ReportEdit {
  return {
    start: e.start,
    end: e.end,
    text: e.text,
    statement: e.statement,
    range: lines.range(e.start, e.end)
  }
}
