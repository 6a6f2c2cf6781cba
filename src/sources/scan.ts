import type { Catalog } from '../engine/catalog.js'
import { ConfigurationError, InvariantError, LimitError } from '../engine/errors.js'
import { MAX_SECONDS_PER_FILE, MAX_STATEMENTS_PER_FILE } from '../engine/limits.js'
import type { PolicyRefinement, WorkBudget } from '../engine/model.js'
import { newWorkBudget, refinePolicy } from '../engine/refine.js'
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
import { scanFile, type FormatContext, type RenderedEdit, type ScannedFile } from './format.js'
import type { PolicyLocation } from './model.js'
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
}

export interface FileOutcome {
  /** Undefined when the file holds no policy (and is not a malformed one). */
  readonly report: FileReport | undefined
  /** The text with every edit applied, when there are edits. */
  readonly fixedText?: string
  /** Each policy found, with what the engine made of it (the action's review needs it all). */
  readonly policies?: readonly RefinedPolicy[]
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
  return refineScan(
    input,
    scanFile(input.text, input.file, { ...options.formats, path: input.path }),
    options
  )
}

/** `refineFile` for a file already scanned (`scanned` read `input.text`). */
export function refineScan(
  input: FileInput,
  scanned: ScannedFile,
  options: RefineSourcesOptions
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
  const drafts = scan.policies.map(location => {
    if (started !== undefined && options.clock!() - started > MAX_SECONDS_PER_FILE * 1000) {
      return uncheckedDraft(
        location,
        `not checked: the file took more than ${MAX_SECONDS_PER_FILE} s to refine`
      )
    }
    const mapping = mapPrincipals(location, {
      file: input.path,
      config: options.config,
      known: options.findings.known,
      covered: arn => isCovered(options.findings, arn) || isFallback(arn, options),
      ...(options.fallbackPrincipals ? { fallback: options.fallbackPrincipals } : {})
    })
    return refineLocation(scanned, location, mapping, options, lines, budget)
  })
  // The edits of all policies of the file, checked once more together.
  const editing = drafts.filter(d => d.report.status === 'refined')
  const all = editing.flatMap(d => d.edits)
  let fileEdits: RenderedEdit[] = all
  if (editing.length > 1) {
    const problem = scanned.verifyAll(
      editing.map(d => ({ location: d.location, document: d.refinement?.document })),
      all
    )
    if (problem !== undefined) {
      fileEdits = []
      for (const d of editing) {
        d.report = { ...d.report, status: 'not-editable', reason: problem, edits: [] }
      }
    }
  }
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
    )
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
): Pick<PolicyReport, 'pointer' | 'path' | 'kind' | 'resource' | 'policyName' | 'range'> {
  return {
    pointer: location.pointer,
    path: location.path,
    kind: location.kind,
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

function refineLocation(
  scanned: ScannedFile,
  location: PolicyLocation,
  mapping: PrincipalMapping,
  options: RefineSourcesOptions,
  lines: LineIndex,
  budget: WorkBudget
): Draft {
  const base = reportBase(location)
  const empty = { statements: [], edits: [], unusedActions: [] }
  if (!mapping.mapped) {
    return {
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
  const mapped = {
    ...base,
    principals: mapping.principals,
    principalSource: mapping.via
  }
  if (mapping.uncovered.length > 0) {
    return {
      location,
      principals: [],
      edits: [],
      report: {
        ...mapped,
        ...empty,
        status: 'unchecked',
        reason:
          `the findings say nothing about ${mapping.uncovered.join(', ')}: no finding names ` +
          `${mapping.uncovered.length === 1 ? 'it' : 'them'} and the analyzer's coverage of ${mapping.uncovered.length === 1 ? 'its account' : 'their accounts'} is not recorded, ` +
          'so whether it uses everything or was never analyzed cannot be told',
        warnings: [...mapping.notes]
      }
    }
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
      return {
        location,
        principals,
        edits: [],
        report: {
          ...mapped,
          ...empty,
          status: error.kind === 'check' ? 'unchecked' : 'not-editable',
          reason: error.message,
          warnings: [...mapping.notes]
        }
      }
    }
    if (error instanceof ConfigurationError || error instanceof InvariantError) {
      return {
        location,
        principals,
        edits: [],
        report: {
          ...mapped,
          ...empty,
          status: error instanceof InvariantError ? 'error' : 'invalid',
          reason: error.message,
          warnings: [...mapping.notes]
        }
      }
    }
    throw error
  }
  const statements = statementReports(location, refinement)
  const unusedActions = [
    ...new Set(refinement.statements.flatMap(s => s.changes.flatMap(c => c.unused)))
  ]
  const common = {
    ...mapped,
    statements,
    unusedActions,
    warnings: [...mapping.notes, ...refinement.warnings],
    size: refinement.size,
    overQuota: refinement.overQuota,
    unusedPrincipal: refinement.unusedPrincipal
  }
  if (!refinement.changed) {
    return {
      location,
      principals,
      refinement,
      edits: [],
      report: { ...common, status: 'unchanged', edits: [] }
    }
  }
  if (refinement.unusedPolicy) {
    return {
      location,
      principals,
      refinement,
      edits: [],
      report: {
        ...common,
        status: 'unused-policy',
        reason: 'no statement is left: detach the policy from its principals or delete it',
        edits: []
      }
    }
  }
  const rendered = scanned.render(location, refinement)
  if ('refused' in rendered) {
    return {
      location,
      principals,
      refinement,
      edits: [],
      report: { ...common, status: 'not-editable', reason: rendered.refused, edits: [] }
    }
  }
  const edits = [...rendered.edits]
  return {
    location,
    principals,
    refinement,
    edits,
    report: { ...common, status: 'refined', edits: edits.map(e => reportEdit(e, lines)) }
  }
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
