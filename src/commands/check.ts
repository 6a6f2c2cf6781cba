import { access, lstat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ConfigurationError } from '../engine/errors.js'
import { loadFindingsFiles } from '../findings/load.js'
import { readConfigFile } from '../io/config-file.js'
import { refineTreeFiles } from '../io/refine-tree.js'
import { writeFileAtomically } from '../io/walk.js'
import { agreementDetails, agreementLine } from '../report/agreement.js'
import { unifiedDiff } from '../report/diff.js'
import {
  hasUnused,
  TotalsCounter,
  type FileReport,
  type PolicyReport,
  type Totals
} from '../report/json-report.js'
import { JsonReportStream, SarifStream } from '../report/json-stream.js'
import type { SweptFile } from '../report/sweep-body.js'
import { EMPTY_CONFIG, type IamRefineConfig } from '../sources/config.js'
import { mayHoldPolicies } from '../sources/candidates.js'
import { NOT_A_FORMAT } from '../sources/format.js'
import { FAIL_ON, gateFailure, type FailOn } from '../report/gate.js'
import { EXIT, type Command } from './io.js'
import { parseOptions } from './options.js'
import { loadCatalog } from './refine.js'
import { guarded } from './guard.js'

export const CHECK_USAGE =
  'usage: iam-refine check [PATH...] --findings FILE... [--config FILE] [--catalog FILE] [--fix]\n' +
  '                        [--format text|json|sarif|markdown] [--link-base URL]\n' +
  '                        [--principal ARN]... [--verify-with-aws]\n' +
  '                        [--fail-on unused-or-unchecked|unused|never] [--require-aws-agreement]'

/**
 * `markdown` prints the body of the pull request a sweep opens for the same change, so that any
 * CI system can open it; `--link-base` (e.g. https://github.com/OWNER/REPO/blob/BRANCH) links
 * each changed file as the action's body does at its commit.
 */
const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const

/**
 * For tests and benchmarks only (README, "Check at scale"): the number of worker threads that
 * refine files, whatever the number of files and cores (0: in process). Unset: as many as pay.
 */
export const WORKERS_ENV = 'IAM_REFINE_WORKERS'

/** More workers than this is a mistake in the variable, not a machine. */
const MAX_FORCED_WORKERS = 16

function workersOf(value: string | undefined): 'auto' | number {
  if (value === undefined || value === '') return 'auto'
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > MAX_FORCED_WORKERS) {
    throw new ConfigurationError(
      `${WORKERS_ENV} must be a whole number from 0 to ${MAX_FORCED_WORKERS}, not "${value}"`
    )
  }
  return n
}

/** Where the configuration lives unless `--config` says otherwise. */
const DEFAULT_CONFIG = join('.github', 'iam-refine.yml')

/**
 * `iam-refine check`: finds the policies under PATH (default `.`), maps them to principals,
 * refines them against the findings and prints the change (a diff, JSON or SARIF); `--fix` writes
 * it. Exit 1 while unused permissions remain, 0 when none do, 2 on a usage or configuration error.
 */
export const checkCommand: Command = async (args, io) => {
  const { values, positionals } = parseOptions(
    args,
    {
      findings: { type: 'string', multiple: true },
      config: { type: 'string' },
      catalog: { type: 'string' },
      fix: { type: 'boolean' },
      format: { type: 'string' },
      'link-base': { type: 'string' },
      principal: { type: 'string', multiple: true },
      'verify-with-aws': { type: 'boolean' },
      'fail-on': { type: 'string' },
      'require-aws-agreement': { type: 'boolean' }
    },
    CHECK_USAGE
  )
  const failOn = (values['fail-on'] as string | undefined) ?? 'unused-or-unchecked'
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new ConfigurationError(
      `--fail-on must be ${FAIL_ON.join(', ')}, not "${failOn}"\n${CHECK_USAGE}`
    )
  }
  const format = (values.format as string | undefined) ?? 'text'
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new ConfigurationError(
      `--format must be text, json, sarif or markdown, not "${format}"\n${CHECK_USAGE}`
    )
  }
  const linkBase = values['link-base'] as string | undefined
  if (linkBase !== undefined && (format !== 'markdown' || !/^https?:\/\/\S+$/.test(linkBase))) {
    throw new ConfigurationError(
      `--link-base takes an http(s) address and goes with --format markdown\n${CHECK_USAGE}`
    )
  }
  const findingsFiles = (values.findings as string[] | undefined) ?? []
  if (findingsFiles.length === 0) {
    throw new ConfigurationError(`name at least one --findings file\n${CHECK_USAGE}`)
  }
  const fix = values.fix === true
  const fallback = (values.principal as string[] | undefined) ?? []
  const paths = positionals.length > 0 ? positionals : ['.']
  const { config, root } = await loadConfig(values.config as string | undefined, paths)
  const catalog = await loadCatalog(values.catalog as string | undefined)
  const findings = await loadFindingsFiles(findingsFiles)
  if (findings.byPrincipal.has('') && fallback.length === 0) {
    throw new ConfigurationError(
      'a per-principal findings list names no principal: say whose it is with --principal ARN'
    )
  }

  // IAM Access Analyzer's own recommendations, when the findings files carry them (`findings
  // export`) or a saved get-finding-recommendation response is among them.
  const recommendations = findings.recommendations ?? new Map()
  const requireAgreement = values['require-aws-agreement'] === true
  if (requireAgreement && recommendations.size === 0) {
    throw new ConfigurationError(
      '--require-aws-agreement needs IAM Access Analyzer recommendations: give findings written by ' +
        '`iam-refine findings export`, or a saved `aws accessanalyzer get-finding-recommendation` response, with --findings'
    )
  }

  // Proof with AWS: a refinement Access Analyzer does not confirm is withheld, never suggested.
  const prove =
    values['verify-with-aws'] === true
      ? (await import('../findings/verify.js')).awsRefinementVerifier(
          (await import('../findings/access-analyzer.js')).createAccessAnalyzerClient()
        )
      : undefined
  const files = refineTreeFiles({
    paths,
    root,
    config,
    catalog,
    findings,
    fallbackPrincipals: fallback,
    ...(recommendations.size > 0
      ? { agreement: { recommendations, required: requireAgreement } }
      : {}),
    ...(prove ? { prove } : {}),
    ...(io.parserFiles ? { parserFiles: io.parserFiles } : {}),
    workers: workersOf(process.env[WORKERS_ENV]),
    onWithheld: (file, p, reason) =>
      io.err(`${file}: ${p.location.pointer || 'policy'}: ${reason}\n`)
  })
  // Each file is printed (or its part of the JSON or SARIF written) as soon as it is refined, and
  // forgotten: what stays is the totals, and for `markdown` (a pull request's body) the reports.
  const totals = new TotalsCounter()
  const swept: SweptFile[] = []
  const json =
    format === 'json'
      ? new JsonReportStream({
          catalog: {
            source: catalog.source,
            ...(catalog.updatedAt ? { updatedAt: catalog.updatedAt } : {})
          },
          fixed: fix,
          notes: findings.notes
        })
      : undefined
  const sarif = format === 'sarif' ? new SarifStream() : undefined
  const text = format === 'text'
  if (json) io.out(json.begin())
  if (sarif) io.out(sarif.begin())
  let namedProblems = 0
  let defects = 0
  for await (const file of files) {
    defects += file.defects
    if (!file.report) {
      // Named on the command line, read, and no policy in it.
      if (text) {
        io.out(
          mayHoldPolicies(file.path)
            ? `${file.path}: holds no policy iam-refine reads\n`
            : `${file.path}: skipped: it ${NOT_A_FORMAT}\n`
        )
      }
      namedProblems++
      continue
    }
    let report = file.report
    if (file.explicit && report.status !== 'policies') namedProblems++
    const diff =
      text && file.text !== undefined && report.edits.length > 0
        ? unifiedDiff(file.path, file.text, report.edits)
        : ''
    if (fix && file.fixedText !== undefined) {
      await writeFileAtomically(file.path, file.fixedText)
      report = markFixed(report)
    }
    totals.add(report)
    if (json) io.out(json.file(report))
    else if (sarif) io.out(sarif.file(report))
    else if (text) {
      const section = fileSection(report, diff)
      if (section !== '') io.out(`${section}\n`)
    } else swept.push({ path: file.rel, report })
  }
  const report = { totals: totals.totals() }
  for (const note of findings.notes) io.err(`${note}\n`)
  if (json) io.out(json.end(report.totals))
  else if (sarif) io.out(sarif.end())
  else if (text) io.out(`${summary(report.totals)}\n`)
  else {
    // Loaded for this format alone: the body is proven with markdown-it, which no other output of
    // check needs (docs/adr/0022-bundle-layout.md).
    const { renderSweepBody } = await import('../report/sweep-body.js')
    io.out(
      renderSweepBody({
        files: swept,
        findings: findings.byPrincipal,
        verifiedWithAws: prove !== undefined,
        ...(linkBase === undefined ? {} : { linkBase })
      })
    )
  }
  if (report.totals.errors > 0 || defects > 0) return EXIT.bug
  // A file named on the command line that could not be read as a policy is the user's to fix:
  // never a pass (docs/adr/0015-serverless-and-conditions.md).
  if (namedProblems > 0) {
    io.err(
      `iam-refine: ${namedProblems} of the files named on the command line could not be checked (see above)\n`
    )
    return EXIT.usage
  }
  return gateFailure(report, failOn as FailOn, '--fail-on') === undefined ? EXIT.ok : EXIT.unused
}

async function loadConfig(
  file: string | undefined,
  paths: readonly string[]
): Promise<{ config: IamRefineConfig; root: string }> {
  // A file named with --config is read wherever it is; one found by itself must lie inside the
  // repository it configures (a pull request's symbolic link cannot point it elsewhere).
  if (file !== undefined) {
    return {
      config: await readConfigFile({ file, root: '.', optional: false, label: file }),
      root: rootOf(file)
    }
  }
  const only = paths.length === 1 ? (paths[0] as string) : undefined
  const candidates =
    only !== undefined ? [join(only, DEFAULT_CONFIG), DEFAULT_CONFIG] : [DEFAULT_CONFIG]
  for (const candidate of candidates) {
    if (await present(candidate)) {
      const root = rootOf(candidate)
      const config = await readConfigFile({
        file: candidate,
        root: '.',
        within: root,
        optional: false,
        label: candidate
      })
      return { config, root }
    }
  }
  return { config: EMPTY_CONFIG, root: only !== undefined && (await isFolder(only)) ? only : '.' }
}

/** Globs are relative to the repository root: the folder holding `.github/`. */
function rootOf(configFile: string): string {
  const dir = dirname(configFile)
  return basename(dir) === '.github' ? dirname(dir) : dir
}

/** Whether something is at `path`: a file, or a link even to nothing (which is then refused). */
async function present(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch {
    return false
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

async function isFolder(path: string): Promise<boolean> {
  return exists(join(path, '.'))
}

function markFixed(report: FileReport): FileReport {
  return {
    ...report,
    policies: report.policies.map(p =>
      p.status === 'refined' ? ({ ...p, status: 'fixed' } satisfies PolicyReport) : p
    )
  }
}

// ---------------------------------------------------------------- text

/** Each file's diff, then its reasons and what was found but not refined (a summary comes last). */
function fileSection(file: FileReport, diff: string): string {
  const out: string[] = []
  if (diff !== '') out.push(diff.trimEnd())
  if (file.status !== 'policies') {
    const at = file.line !== undefined ? `:${file.line}:${file.column ?? 1}` : ''
    const what = file.status === 'malformed' ? 'malformed, skipped' : 'skipped'
    out.push(`${file.file}${at}: ${what}: it ${file.message ?? 'could not be read'}`)
    return out.join('\n')
  }
  for (const p of file.policies) out.push(...policyLines(file.file, p))
  for (const n of file.notes) {
    const mark = n.unchecked ? 'not checked: ' : ''
    out.push(`${n.file}:${n.line}: ${n.pointer ? `${n.pointer}: ` : ''}${mark}${n.message}`)
  }
  return out.join('\n')
}

function policyLines(file: string, p: PolicyReport): string[] {
  const branch =
    p.branches && p.branches.length > 0
      ? ` (when ${p.branches.map(b => `${b.condition} is ${b.value}`).join(' and ')})`
      : ''
  const where = `${file}:${p.range.startLine}: ${p.pointer ? `${p.pointer}${branch}: ` : ''}`
  const whose = p.principals.length > 0 ? ` (${p.principals.join(', ')})` : ''
  switch (p.status) {
    case 'unmapped':
      return [`${where}not refined, no principal: ${p.reason ?? ''}`]
    case 'invalid':
      return [`${where}not a policy the engine can read: ${p.reason ?? ''}`]
    case 'error':
      return [`${where}${p.reason ?? 'an internal guarantee failed'}`]
    case 'unchecked':
      return [`${where}not checked${whose}: ${p.reason ?? ''}`]
    default:
  }
  const lines: string[] = []
  if (p.status !== 'unchanged') {
    lines.push(
      p.status === 'unused-policy'
        ? `${where}every action is unused${whose}: ${p.reason ?? 'detach the policy or delete it'}`
        : p.status === 'not-editable'
          ? `${where}unused permissions${whose}, reported without a fix: ${p.reason ?? ''}`
          : `${where}${p.status === 'fixed' ? 'fixed' : 'unused permissions'}${whose}`
    )
  }
  const notRefined: string[] = []
  for (const s of p.statements) {
    const label = s.sid !== undefined ? `Statement "${s.sid}"` : `Statement #${s.index + 1}`
    if (hasUnused(p.status)) for (const r of s.reasons) lines.push(`  ${label}: ${r}`)
    if (s.status === 'not-refined' && s.note !== undefined && !s.note.startsWith('is a Deny')) {
      notRefined.push(`  ${label}: ${s.unreadable ? 'not checked' : 'not refined'}: ${s.note}`)
    }
  }
  if (notRefined.length > 0 && lines.length === 0) lines.push(`${where}found${whose}`)
  lines.push(...notRefined)
  if (p.awsAgreement) {
    lines.push(`  IAM Access Analyzer: ${agreementLine(p.awsAgreement)}`)
    // The line gives two differences; the rest, one per line.
    const details = agreementDetails(p.awsAgreement)
    if (details.length > 2) for (const d of details) lines.push(`    ${d}`)
  }
  for (const w of p.warnings) lines.push(`  note: ${w}`)
  if (lines.length > 0 && p.status === 'unchanged' && notRefined.length === 0) return []
  return lines
}

function summary(t: Totals): string {
  const parts = [
    `${t.policies} ${t.policies === 1 ? 'policy' : 'policies'} in ${t.files} ${t.files === 1 ? 'file' : 'files'}`
  ]
  parts.push(`${t.withUnused} with unused permissions${t.fixed > 0 ? ` (${t.fixed} fixed)` : ''}`)
  if (t.unusedPolicies > 0) parts.push(`${t.unusedPolicies} wholly unused`)
  if (t.notEditable > 0) parts.push(`${t.notEditable} without a fix`)
  if (t.unmapped > 0) parts.push(`${t.unmapped} unmapped`)
  if (t.invalid > 0) parts.push(`${t.invalid} not readable as a policy`)
  if (t.malformedFiles > 0)
    parts.push(`${t.malformedFiles} malformed ${t.malformedFiles === 1 ? 'file' : 'files'}`)
  if (t.skippedFiles > 0)
    parts.push(`${t.skippedFiles} skipped ${t.skippedFiles === 1 ? 'file' : 'files'}`)
  if (t.unchecked > 0) parts.push(`${t.unchecked} not checked`)
  return `iam-refine: ${parts.join(', ')}`
}

/** `iam-refine check` as the dispatcher runs it (src/commands/run.ts): failures as exit codes. */
export const main = guarded(checkCommand)
