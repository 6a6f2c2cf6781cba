import type { Catalog } from './engine/catalog.js'
import { ConfigurationError } from './engine/errors.js'
import type { LoadedFindings } from './findings/select.js'
import type { GitHubClients } from './github/client.js'
import { getTokenLogin } from './github/identity.js'
import {
  publishSweep,
  type SweepChange,
  type SweepOutcome,
  type SweepRequest
} from './github/sweep.js'
import { refineTree, type RefineTreeOptions } from './io/refine-tree.js'
import type { ParserFiles } from './io/terraform-parser.js'
import type { Logger } from './logger.js'
import { unifiedDiff } from './report/diff.js'
import { buildReport, type Report } from './report/json-report.js'
import { code } from './report/markdown.js'
import {
  isSweepCommit,
  LEFT_ALONE_MARKER,
  renderClosingComment,
  renderCommitMessage,
  renderLeftAloneComment,
  renderSweepBody,
  renderSweepSummary,
  type SweepBodyInput,
  type SweptFile
} from './report/sweep-body.js'
import { globMatcher, type IamRefineConfig } from './sources/config.js'
import type { Prover } from './sources/proof.js'

export interface SweepModeOptions {
  /** Reads through `read`, writes through `write` (src/github/client.ts). */
  readonly clients: GitHubClients
  /** `owner/name` of the repository (GITHUB_REPOSITORY). */
  readonly repository: string
  /** GITHUB_SERVER_URL: where the body's file links point. */
  readonly serverUrl: string
  /** The checkout of the default branch. */
  readonly workspace: string
  readonly config: IamRefineConfig
  readonly catalog: Catalog
  readonly findings: LoadedFindings
  /** Input `paths`: globs that limit the files swept; empty: all. */
  readonly paths: readonly string[]
  readonly prove?: Prover
  /** IAM Access Analyzer's recommendations to compare with, as `check` compares (refineTree). */
  readonly agreement?: RefineTreeOptions['agreement']
  /** The Terraform parser's WebAssembly files; default the copies next to the bundle. */
  readonly parserFiles?: ParserFiles
  readonly branch: string
  readonly title: string
  readonly labels: readonly string[]
  readonly forcePush: boolean
  readonly logger: Logger
}

export interface SweepModeOutcome {
  readonly report: Report
  /** The job summary: what happened, the pull request's body, the change when not pushed. */
  readonly summary: string
  readonly sweep: SweepOutcome
}

/**
 * Sweep mode: what `check --fix` runs, on the whole workspace, and the change proposed as one pull
 * request (src/github/sweep.ts). The JSON report and the job summary hold the whole change even
 * when GitHub refuses to take it.
 */
export async function sweepWorkspace(options: SweepModeOptions): Promise<SweepModeOutcome> {
  const { logger } = options
  const [owner, repo] = options.repository.split('/')
  if (!owner || !repo) {
    throw new ConfigurationError(
      `GITHUB_REPOSITORY is "${options.repository}", not owner/name: a sweep needs the repository it runs in.`
    )
  }
  const include = options.paths.length === 0 ? undefined : globMatcher(options.paths)
  const tree = await refineTree({
    paths: [options.workspace],
    root: options.workspace,
    config: options.config,
    catalog: options.catalog,
    findings: options.findings,
    relativeNames: true,
    ...(include ? { include } : {}),
    ...(options.agreement ? { agreement: options.agreement } : {}),
    ...(options.prove ? { prove: options.prove } : {}),
    ...(options.parserFiles ? { parserFiles: options.parserFiles } : {}),
    onWithheld: (file, p, reason, defect) => {
      const where = `${file}: ${p.location.pointer || 'policy'}: ${reason}`
      if (defect) logger.error(where)
      else logger.warning(where)
    }
  })
  // A walk of the workspace names no file explicitly, so every file it keeps has a report.
  const reported = tree.files.flatMap(f => (f.report ? [{ ...f, report: f.report }] : []))
  const files: SweptFile[] = reported.map(f => ({ path: f.rel, report: f.report }))
  const changes: SweepChange[] = reported.flatMap(f =>
    f.text !== undefined && f.fixedText !== undefined
      ? [{ path: f.rel, original: f.text, fixed: f.fixedText }]
      : []
  )
  const input: SweepBodyInput = {
    files,
    findings: options.findings.byPrincipal,
    verifiedWithAws: options.prove !== undefined
  }
  const linkBase = (commit: string): string =>
    `${options.serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/blob/${commit}`
  const request: SweepRequest = {
    repository: { owner, repo },
    branch: options.branch,
    title: options.title,
    labels: options.labels,
    forcePush: options.forcePush,
    changes,
    texts: {
      commitMessage: tree => renderCommitMessage(input, tree),
      body: (commit, stale) =>
        renderSweepBody({ ...input, stale, ...(commit ? { linkBase: linkBase(commit) } : {}) }),
      closing: () => renderClosingComment({ ...input, branch: options.branch }),
      leftAlone: commit =>
        renderLeftAloneComment({
          branch: options.branch,
          commit: commit.sha,
          author: commit.author.name
        }),
      leftAloneMarker: LEFT_ALONE_MARKER
    },
    isOurCommit: isSweepCommit,
    login: () => getTokenLogin(options.clients.read, logger),
    logger
  }
  let sweep: SweepOutcome
  try {
    sweep = await publishSweep(options.clients, request)
  } catch (error) {
    // A read GitHub refused (a token without `contents: read`, an empty repository) ends the
    // step like a refused write: with its sentence, and the change in the job summary.
    if (!(error instanceof ConfigurationError)) throw error
    sweep = { operation: 'none', stale: [], notes: [], refused: error.message }
  }
  for (const note of sweep.notes) logger.info(`iam-refine: ${note}`)
  logger.info(
    `iam-refine sweep: ${changes.length} ${changes.length === 1 ? 'file' : 'files'} to change; ` +
      `${outcomeSentence(sweep, options.branch).replace(/`/g, '')} (operation ${sweep.operation}).`
  )

  const report = buildReport(
    files.map(f => f.report),
    {
      catalog: {
        source: options.catalog.source,
        ...(options.catalog.updatedAt ? { updatedAt: options.catalog.updatedAt } : {})
      },
      fixed: false,
      notes: [...options.findings.notes, ...sweep.notes, ...(sweep.refused ? [sweep.refused] : [])]
    }
  )
  const summary = renderSweepSummary({
    ...input,
    stale: sweep.stale,
    ...(sweep.commit ? { linkBase: linkBase(sweep.commit) } : {}),
    outcome: {
      sentence: outcomeSentence(sweep, options.branch),
      ...(sweep.pullRequest ? { url: sweep.pullRequest.url, number: sweep.pullRequest.number } : {})
    },
    notes: sweep.notes,
    ...(sweep.refused !== undefined ? { refused: sweep.refused } : {}),
    diffs: reported.flatMap(f =>
      f.text !== undefined && f.report.edits.length > 0
        ? [{ path: f.rel, diff: unifiedDiff(f.rel, f.text, f.report.edits) }]
        : []
    )
  })
  return { report, summary, sweep }
}

/** What happened, in one sentence of our own words (no outside text). */
function outcomeSentence(sweep: SweepOutcome, branch: string): string {
  if (sweep.refused !== undefined) {
    return sweep.pullRequest
      ? 'GitHub refused a write, so the pull request may not show all of the change below'
      : 'GitHub refused a write, so no pull request shows the change below'
  }
  switch (sweep.operation) {
    case 'created':
      return `Opened a pull request from ${code(branch)}`
    case 'updated':
      return 'Brought the pull request up to date'
    case 'unchanged':
      return 'The pull request already shows this change: nothing was written'
    case 'closed':
      return 'Nothing is left to change: closed the pull request and deleted its branch'
    case 'none':
      return 'Nothing was proposed'
  }
}
