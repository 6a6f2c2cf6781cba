import * as core from '@actions/core'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { Catalog } from './engine/catalog.js'
import { ConfigurationError, InvariantError } from './engine/errors.js'
import type { PrincipalRecommendation } from './engine/recommendation.js'
import { artifactSource } from './findings/artifact.js'
import type { LoadedFindings } from './findings/select.js'
import { filesSource, loadFindingsSources, type FindingsSource } from './findings/source.js'
import type { RefinementVerifier } from './findings/verify.js'
import { getChangedFiles, type ChangedFile } from './github/changed-files.js'
import type { GitHubClients, ReadClient } from './github/client.js'
import { getFileContents, MAX_FILE_BYTES, type LocalBlobReader } from './github/file-content.js'
import { listFolderFiles } from './github/folder-files.js'
import { reviewPullRequest, type ReviewTarget } from './github/review.js'
import type { SweepOutcome } from './github/sweep.js'
import { INPUT, OUTPUT, DEFAULTS, readInputs, resolveMode, type Inputs } from './inputs.js'
import { readConfigFile } from './io/config-file.js'
import { readGitBlobs } from './io/git-objects.js'
import { expandGlobs } from './io/globs.js'
import { catalogFromInput } from './io/live-catalog.js'
import type { ParserFiles } from './io/terraform-parser.js'
import { actionsLogger, type Logger } from './logger.js'
import type { FileReport as ReviewFile, PolicyReport as ReviewPolicy } from './report/comment.js'
import {
  buildReport,
  hasUnused,
  uncheckedItems,
  type FileReport,
  type Report
} from './report/json-report.js'
import { gateFailure } from './report/gate.js'
import { cutMarkdown } from './report/summary.js'
import { toSarif } from './report/sarif.js'
import { EMPTY_CONFIG, globMatcher, type IamRefineConfig } from './sources/config.js'
import { agreementDetails } from './report/agreement.js'
import { withAwsAgreement, withholdDisagreements } from './sources/agreement.js'
import { mayHoldPolicies } from './sources/candidates.js'
import { collectIncludes } from './sources/format.js'
import { withAwsProof } from './sources/proof.js'
import { refineFile, type FileOutcome, type RefinedPolicy } from './sources/scan.js'
import {
  folderOf,
  isTerraformPath,
  joinPath,
  TerraformContext
} from './sources/terraform/module.js'
import { sweepWorkspace } from './sweep-mode.js'

/** What a run needs from the world; tests pass their own. */
export interface ActionEnvironment {
  readonly env: NodeJS.ProcessEnv
  readonly logger: Logger
  readonly readInput: (name: string) => string
  /** The Terraform parser's WebAssembly files; default the copies next to the bundle. */
  readonly parserFiles?: ParserFiles
}

/**
 * The action: inputs -> findings -> the pull request's changed files at head -> policies refined
 * -> one review, the summary, the outputs and the gate. Every failure ends as a failed step with a
 * sentence, never a stack trace.
 */
export async function run(
  world: ActionEnvironment = {
    env: process.env,
    logger: actionsLogger(),
    readInput: name => core.getInput(name)
  }
): Promise<void> {
  const { logger } = world
  try {
    const inputs = readInputs(world.readInput)
    const mode = resolveMode(inputs.mode, world.env.GITHUB_EVENT_NAME)
    if (mode.kind === 'none') {
      logger.notice(mode.message)
      return
    }
    if (mode.kind === 'sweep') {
      await publishOutputs(await sweepRepository(inputs, world), inputs, world)
      return
    }
    const pr = await readPullRequest(world.env)
    if (!pr) {
      logger.notice(
        'iam-refine reviews pull requests; this event has none, so there is nothing to do.'
      )
      return
    }
    const outcome = await reviewPullRequestPolicies(inputs, pr, world)
    await publishOutputs(outcome, inputs, world)
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof InvariantError) {
      core.setFailed(error.message)
      return
    }
    core.setFailed(
      `iam-refine stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}. ` +
        'This is a bug; please report it.'
    )
  }
}

/**
 * The Octokit clients, one for reads and one for writes. Octokit, and the undici it brings, are
 * imported here, once a run has work for GitHub, so that a run that stops before (an event it does
 * not handle, a bad input) never loads them (docs/adr/0022-bundle-layout.md).
 */
async function gitHubClients(inputs: Inputs, world: ActionEnvironment): Promise<GitHubClients> {
  const { createGitHubClients } = await import('./github/client.js')
  return createGitHubClients(inputs.githubToken, world.logger, world.env.GITHUB_API_URL)
}

/**
 * The proof by IAM Access Analyzer (input verify-with-aws). The AWS SDK is imported here, so that
 * runs without AWS inputs never load it (docs/adr/0022-bundle-layout.md).
 */
async function awsVerifier(): Promise<RefinementVerifier> {
  const { awsRefinementVerifier } = await import('./findings/verify.js')
  const { createAccessAnalyzerClient } = await import('./findings/access-analyzer.js')
  return awsRefinementVerifier(createAccessAnalyzerClient())
}

interface RunOutcome {
  readonly report: Report
  readonly summary: string
  /** Sweep mode: what happened to its pull request. */
  readonly sweep?: SweepOutcome
}

/**
 * Sweep mode: the workspace (a checkout of the default branch) checked as `check --fix` checks
 * it, with the same configuration, findings, catalog and proof as a review, and the change
 * proposed as one pull request.
 */
async function sweepRepository(inputs: Inputs, world: ActionEnvironment): Promise<RunOutcome> {
  const { logger, env } = world
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  const clients = await gitHubClients(inputs, world)
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner = '', repo = ''] = repository.split('/')
  const config = await readConfig(inputs.config, workspace)
  const catalog = await loadCatalog(inputs, workspace, logger, true)
  const { findings, sources } = await loadFindings(
    inputs,
    { owner, repo },
    clients.read,
    workspace,
    logger,
    { trustWorkspace: true, changedPaths: new Set() }
  )
  for (const note of findings.notes) logger.info(note)
  const compare = awsComparison(inputs, findings, sources)
  const { report, summary, sweep } = await sweepWorkspace({
    clients,
    repository,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    workspace,
    config,
    catalog,
    findings,
    paths: inputs.paths,
    ...(compare
      ? {
          agreement: {
            recommendationsFor: policies => recommendationsFor(policies, findings, sources),
            required: inputs.requireAwsAgreement
          }
        }
      : {}),
    ...(inputs.verifyWithAws ? { prove: await awsVerifier() } : {}),
    ...(world.parserFiles ? { parserFiles: world.parserFiles } : {}),
    branch: inputs.sweepBranch,
    title: inputs.sweepTitle,
    labels: inputs.sweepLabels,
    forcePush: inputs.sweepForcePush,
    logger
  })
  return { report, summary, sweep }
}

async function reviewPullRequestPolicies(
  inputs: Inputs,
  pr: ReviewTarget,
  world: ActionEnvironment
): Promise<RunOutcome> {
  const { logger, env } = world
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  const clients = await gitHubClients(inputs, world)
  // The checkout's Git objects, by the blob ids GitHub lists: the head commit's bytes whatever the
  // workspace's files are (a merge checkout, converted line endings); what it lacks comes from
  // the API.
  const localBlobs: LocalBlobReader = ids => readGitBlobs(workspace, ids, MAX_FILE_BYTES)
  const notes: string[] = []
  const warnings: string[] = []
  // pull_request_target runs with a write token while the workspace may hold the pull request's
  // files: nothing from the workspace decides what the gate checks unless the workflow says so.
  const trustWorkspace =
    env.GITHUB_EVENT_NAME !== 'pull_request_target' || inputs.allowWorkspaceOnPullRequestTarget
  if (env.GITHUB_EVENT_NAME === 'pull_request_target') {
    const warning = trustWorkspace
      ? `This workflow runs on pull_request_target: a write token, with the pull request's code at hand. ${INPUT.allowWorkspaceOnPullRequestTarget} is true, so the configuration, findings files and catalog file are read from the workspace: make sure it is a checkout of the base branch.`
      : `This workflow runs on pull_request_target: a write token, with the pull request's code at hand. The configuration, findings files and catalog file are not read from the workspace here (set ${INPUT.allowWorkspaceOnPullRequestTarget}: true only if the workspace is a checkout of the base branch); prefer the pull_request event.`
    logger.warning(warning)
    warnings.push(warning)
  }

  const changed = await getChangedFiles(clients.read, pr, inputs.paths)
  const config = trustWorkspace
    ? await readConfig(inputs.config, workspace)
    : withoutWorkspace(EMPTY_CONFIG, `${INPUT.config} ${inputs.config}`, notes)
  const catalog = await loadCatalog(inputs, workspace, logger, trustWorkspace)
  const { findings, sources } = await loadFindings(inputs, pr, clients.read, workspace, logger, {
    trustWorkspace,
    changedPaths: new Set(changed.changedPaths)
  })
  for (const note of findings.notes) logger.info(note)
  const compareWithAws = awsComparison(inputs, findings, sources)
  const verify = inputs.verifyWithAws ? await awsVerifier() : undefined

  if (changed.capped) {
    notes.push(
      `GitHub lists at most 3,000 files of a pull request and this one reached that: files beyond them were not checked.`
    )
  }
  const ignored = globMatcher(config.ignoreFiles)
  const reports: FileReport[] = []
  const reviewFiles: ReviewFile[] = []
  const candidates = changed.files.filter(f => !ignored(f.path) && mayHoldPolicies(f.path))
  const contents = await getFileContents(
    clients.read,
    pr,
    candidates.map(f => ({ path: f.path, blobSha: f.sha })),
    pr.headSha,
    { log: message => logger.info(message), localBlobs }
  )
  const texts = new Map<string, string>()
  for (const [path, content] of contents) if (content.kind === 'text') texts.set(path, content.text)
  const terraform = await readTerraformModules(clients.read, pr, candidates, texts, {
    world,
    notes,
    localBlobs
  })
  // statements a changed serverless.yml includes from another changed file are refined there
  const included = collectIncludes([...texts].map(([path, text]) => ({ path, text })))
  const scanned: ChangedFile[] = [...candidates, ...terraform.referenced]
  const refined: { file: ChangedFile; text: string; outcome: FileOutcome }[] = []
  for (const file of scanned) {
    const content = terraform.referenced.includes(file)
      ? { kind: 'text' as const, text: texts.get(file.path) ?? '' }
      : (contents.get(file.path) ?? { kind: 'skipped', reason: 'not read' })
    if (content.kind === 'skipped') {
      // It may hold a policy and was not checked: the gate counts it.
      reports.push(unreadFile(file.path, content.reason))
      continue
    }
    const includes = included.get(file.path)
    const outcome = refineFile(
      {
        file: file.path,
        path: file.path,
        text: content.text,
        ...(includes ? { included: includes } : {})
      },
      { catalog, findings, config, clock: () => performance.now(), formats: terraform.formats }
    )
    refined.push({ file, text: content.text, outcome })
  }
  const recommendations = compareWithAws
    ? await recommendationsFor(
        refined.flatMap(r => r.outcome.policies ?? []),
        findings,
        sources
      )
    : undefined
  for (const { file, text, outcome: refinedOutcome } of refined) {
    let outcome = refinedOutcome
    if (recommendations) {
      outcome = withAwsAgreement(outcome, file.path, { catalog, config, recommendations })
      if (inputs.requireAwsAgreement) {
        outcome = withholdDisagreements(text, outcome, a => agreementDetails(a).join('; '))
      }
    }
    if (verify) {
      outcome = await withAwsProof(text, outcome, verify, (p, reason, defect) => {
        const where = `${file.path}: ${p.location.pointer || 'policy'}: ${reason}`
        if (defect) logger.error(where)
        else logger.warning(where)
      })
    }
    if (!outcome.report) continue
    reports.push(outcome.report)
    const reviewable = (outcome.policies ?? []).flatMap(p => reviewPolicy(p))
    if (reviewable.length > 0) reviewFiles.push(reviewFile(file, text, reviewable))
  }

  const report = buildReport(reports, {
    catalog: {
      source: catalog.source,
      ...(catalog.updatedAt ? { updatedAt: catalog.updatedAt } : {})
    },
    fixed: false,
    notes: [...warnings, ...findings.notes, ...notes]
  })
  const unchecked = uncheckedItems(report.files)
  for (const u of unchecked.slice(0, MAX_LOGGED_UNCHECKED)) {
    logger.info(`not checked: ${u.file}${u.line !== undefined ? `:${u.line}` : ''}: ${u.reason}`)
  }
  if (unchecked.length > MAX_LOGGED_UNCHECKED) {
    logger.info(`not checked: ${unchecked.length - MAX_LOGGED_UNCHECKED} more, in the job summary`)
  }
  const review = await reviewPullRequest(clients, pr, reviewFiles, {
    event: inputs.reviewEvent,
    maxComments: inputs.maxComments,
    logger,
    notes,
    warnings,
    unchecked
  })
  return { report, summary: review.summary }
}

/**
 * At most this many other files of the changed Terraform files' modules are read through the API:
 * a folder with more is generated code, and each file costs a request.
 */
const MAX_TERRAFORM_MODULE_FILES = 500

/**
 * Terraform's modules around the changed `.tf` files: the other files of their folders, and of
 * the local modules they call (`source = "./…"`), read at the head commit — the variables,
 * `.tfvars` and roles a changed policy needs. A policy document in an unchanged file that a
 * changed file uses is refined too (`referenced`; its comments go to the summary, off the diff).
 * Folders that call a changed module are not searched for: a name bound only there stays
 * unresolved, and unchecked. The parser is loaded only when a Terraform file changed.
 */
async function readTerraformModules(
  client: ReadClient,
  pr: ReviewTarget,
  candidates: readonly ChangedFile[],
  texts: Map<string, string>,
  run: {
    readonly world: ActionEnvironment
    readonly notes: string[]
    readonly localBlobs: LocalBlobReader
  }
): Promise<{ formats: { terraform?: TerraformContext }; referenced: ChangedFile[] }> {
  const changed = candidates.filter(f => isTerraformPath(f.path))
  if (changed.length === 0) return { formats: {}, referenced: [] }
  const { bundledParserFiles, loadTerraformParser } = await import('./io/terraform-parser.js')
  const { world, notes, localBlobs } = run
  const parser = await loadTerraformParser(world.parserFiles ?? bundledParserFiles())
  const read = new Set<string>()
  const others = new Map<string, string>()
  let budget = MAX_TERRAFORM_MODULE_FILES
  const readFolders = async (folders: Iterable<string>): Promise<void> => {
    const wanted: { path: string; blobSha: string }[] = []
    listing: for (const folder of folders) {
      if (read.has(folder)) continue
      read.add(folder)
      for (const f of await listFolderFiles(client, pr, folder, pr.headSha)) {
        if (!isTerraformPath(f.path) || texts.has(f.path) || others.has(f.path)) continue
        if (budget-- <= 0) {
          notes.push(
            `${folder}: more than ${MAX_TERRAFORM_MODULE_FILES} Terraform files around the changed ones; the rest were not read`
          )
          break listing
        }
        wanted.push({ path: f.path, blobSha: f.sha })
      }
    }
    const got = await getFileContents(client, pr, wanted, pr.headSha, {
      log: message => world.logger.info(message),
      localBlobs
    })
    for (const [path, content] of got) if (content.kind === 'text') others.set(path, content.text)
  }
  const folders = new Set(changed.map(f => folderOf(f.path)))
  await readFolders(folders)
  const all = (): Map<string, string> => {
    const map = new Map(others)
    for (const f of changed) {
      const text = texts.get(f.path)
      if (text !== undefined) map.set(f.path, text)
    }
    return map
  }
  // one level of local modules the changed modules call
  const first = new TerraformContext(parser, all())
  const sources = new Set<string>()
  for (const folder of folders) {
    for (const call of first.module(folder).calls) {
      const source = call.block.body.items.find(i => !('body' in i) && i.name === 'source')
      const value = source && !('body' in source) ? source.value : undefined
      if (value?.kind === 'string' && /^\.\.?(\/|$)/.test(value.value)) {
        sources.add(joinPath(folder, value.value))
      }
    }
  }
  await readFolders(sources)
  const context = new TerraformContext(parser, all())
  // policy documents a changed file uses from an unchanged file of its module
  const referenced: ChangedFile[] = []
  const seen = new Set(candidates.map(f => f.path))
  for (const f of changed) {
    const text = texts.get(f.path) ?? ''
    const module = context.module(folderOf(f.path))
    for (const m of text.matchAll(
      /data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.(?:minified_)?json/g
    )) {
      const holder = module.data.get(`aws_iam_policy_document.${m[1] ?? ''}`)?.file
      if (holder === undefined || seen.has(holder)) continue
      seen.add(holder)
      texts.set(holder, others.get(holder) ?? '')
      referenced.push({ path: holder, status: 'unchanged', sha: '' })
    }
  }
  return { formats: { terraform: context }, referenced }
}

/** The log names this many unchecked files; the job summary names them all. */
const MAX_LOGGED_UNCHECKED = 100

/** A changed file that may hold a policy but could not be read: reported, and unchecked. */
function unreadFile(path: string, reason: string): FileReport {
  return {
    file: path,
    status: 'skipped',
    message: `was not read (${reason})`,
    policies: [],
    notes: [],
    edits: []
  }
}

/** The configuration left out on pull_request_target, said in the notes. */
function withoutWorkspace(config: IamRefineConfig, what: string, notes: string[]): IamRefineConfig {
  notes.push(
    `${what} was not read: on pull_request_target the workspace may hold the pull request's files`
  )
  return config
}

/** The policies the review speaks about: those with unused permissions. */
function reviewPolicy(p: RefinedPolicy): ReviewPolicy[] {
  if (!p.refinement || !hasUnused(p.report.status)) return []
  return [
    {
      policyPath: p.location.pointer,
      principals: p.principals,
      refinement: p.refinement,
      edits: p.edits,
      offset: p.location.range.start,
      ...(p.report.status === 'not-editable' && p.report.reason
        ? { refused: p.report.reason }
        : {}),
      ...(p.report.awsAgreement ? { awsAgreement: p.report.awsAgreement } : {})
    }
  ]
}

/**
 * The recommendation of every principal a policy with unused permissions belongs to: the one the
 * findings carry, else one a live source reads now (only for these principals).
 */
/**
 * Whether the run compares with IAM Access Analyzer's own recommendations: carried by the findings
 * (files, artifact), or read live for the principals the refined policies belong to.
 * `require-aws-agreement` without any is a configuration error.
 */
function awsComparison(
  inputs: Inputs,
  findings: LoadedFindings,
  sources: readonly FindingsSource[]
): boolean {
  const compare =
    (findings.recommendations?.size ?? 0) > 0 || sources.some(s => s.recommend !== undefined)
  if (inputs.requireAwsAgreement && !compare) {
    throw new ConfigurationError(
      `Input ${INPUT.requireAwsAgreement} needs IAM Access Analyzer recommendations: give ${INPUT.analyzerArn}, or findings written by \`iam-refine findings export\` (${INPUT.findings}, ${INPUT.findingsArtifact}).`
    )
  }
  return compare
}

async function recommendationsFor(
  policies: readonly RefinedPolicy[],
  findings: LoadedFindings,
  sources: readonly FindingsSource[]
): Promise<ReadonlyMap<string, PrincipalRecommendation>> {
  const carried = findings.recommendations ?? new Map<string, PrincipalRecommendation>()
  const wanted = new Set<string>()
  for (const p of policies) {
    if (!p.refinement || !(p.refinement.changed || p.refinement.unusedPolicy)) continue
    for (const u of p.principals)
      if (!u.wholePrincipal && !carried.has(u.principal)) wanted.add(u.principal)
  }
  if (wanted.size === 0) return carried
  const all = new Map(carried)
  for (const source of sources) {
    if (!source.recommend) continue
    for (const r of await source.recommend([...wanted]))
      if (!all.has(r.principal)) all.set(r.principal, r)
  }
  return all
}

function reviewFile(file: ChangedFile, headText: string, policies: ReviewPolicy[]): ReviewFile {
  return {
    path: file.path,
    headText,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
    policies
  }
}

async function publishOutputs(
  outcome: RunOutcome,
  inputs: Inputs,
  world: ActionEnvironment
): Promise<void> {
  const { report } = outcome
  const dir = join(world.env.RUNNER_TEMP ?? tmpdir(), 'iam-refine')
  await mkdir(dir, { recursive: true })
  const reportPath = join(dir, 'report.json')
  const sarifPath = join(dir, 'iam-refine.sarif')
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`)
  await writeFile(sarifPath, `${JSON.stringify(toSarif(report), null, 2)}\n`)
  const refined = report.files.flatMap(f => f.policies).filter(p => hasUnused(p.status))
  core.setOutput(OUTPUT.unusedActions, String(report.totals.unusedActions))
  core.setOutput(OUTPUT.policiesRefined, String(refined.length))
  core.setOutput(OUTPUT.report, reportPath)
  core.setOutput(OUTPUT.sarif, sarifPath)
  if (world.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(jobSummary(outcome.summary)).write()
  }
  const { sweep } = outcome
  if (sweep) {
    core.setOutput(OUTPUT.operation, sweep.operation)
    core.setOutput(
      OUTPUT.pullRequestNumber,
      sweep.pullRequest ? String(sweep.pullRequest.number) : ''
    )
    core.setOutput(OUTPUT.pullRequestUrl, sweep.pullRequest?.url ?? '')
  }

  // A sweep's outcome is its pull request, not a gate: it fails when it could not propose the
  // change (GitHub refused a write) or a guarantee broke, whatever fail-on says.
  const failure = sweep
    ? (sweep.refused ?? gateFailure(report, 'never', INPUT.failOn))
    : gateFailure(report, inputs.failOn, INPUT.failOn)
  if (failure !== undefined) core.setFailed(failure)
  else {
    world.logger.info(
      `iam-refine: ${refined.length} of ${report.totals.policies} policies have unused permissions.`
    )
  }
}

/** GitHub refuses a step summary over 1 MiB and then shows none: keep well below it. */
export const MAX_JOB_SUMMARY_BYTES = 1_000_000

function jobSummary(markdown: string): string {
  return cutMarkdown(
    markdown,
    MAX_JOB_SUMMARY_BYTES,
    "… cut here to stay under GitHub's 1 MiB limit for a job summary: the full report is in the `report` output (JSON).",
    text => Buffer.byteLength(text, 'utf8')
  )
}

/** The pull request of the event, or undefined for an event without one. */
async function readPullRequest(env: NodeJS.ProcessEnv): Promise<ReviewTarget | undefined> {
  const path = env.GITHUB_EVENT_PATH
  if (!path)
    throw new ConfigurationError(
      'GITHUB_EVENT_PATH is not set: iam-refine runs as a step of a GitHub Actions job.'
    )
  let event: unknown
  try {
    event = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new ConfigurationError(
      `cannot read the event payload ${path}: ${(error as Error).message}`
    )
  }
  const pull = (event as { pull_request?: { number?: unknown; head?: { sha?: unknown } } })
    .pull_request
  if (!pull) return undefined
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const repository = (event as { repository?: { owner?: { login?: unknown }; name?: unknown } })
    .repository
  const o = typeof repository?.owner?.login === 'string' ? repository.owner.login : owner
  const r = typeof repository?.name === 'string' ? repository.name : repo
  if (!o || !r || typeof pull.number !== 'number' || typeof pull.head?.sha !== 'string') {
    throw new ConfigurationError(
      'the pull request event lacks its number, head commit or repository'
    )
  }
  return { owner: o, repo: r, pullNumber: pull.number, headSha: pull.head.sha }
}

async function readConfig(file: string, workspace: string): Promise<IamRefineConfig> {
  return readConfigFile({
    file,
    root: workspace,
    within: workspace,
    optional: file === DEFAULTS.config,
    label: `Input ${INPUT.config}: ${file}`
  })
}

async function loadCatalog(
  inputs: Inputs,
  workspace: string,
  logger: Logger,
  trustWorkspace: boolean
): Promise<Catalog> {
  const choice = inputs.catalog
  if (choice.kind === 'file' && !trustWorkspace) {
    logger.warning(
      `${INPUT.catalog}: ${choice.path} is not read on pull_request_target (the workspace may hold the pull request's files); the bundled catalog is used.`
    )
    return catalogFromInput(undefined, { warn: message => logger.warning(message) })
  }
  const value =
    choice.kind === 'live'
      ? 'live'
      : choice.kind === 'file'
        ? isAbsolute(choice.path)
          ? choice.path
          : join(workspace, choice.path)
        : undefined
  return catalogFromInput(value, { warn: message => logger.warning(message) })
}

async function loadFindings(
  inputs: Inputs,
  pr: { readonly owner: string; readonly repo: string },
  client: ReadClient,
  workspace: string,
  logger: Logger,
  trust: { readonly trustWorkspace: boolean; readonly changedPaths: ReadonlySet<string> }
): Promise<{ findings: LoadedFindings; sources: FindingsSource[] }> {
  const sources: FindingsSource[] = []
  if (inputs.findings.length > 0) {
    if (!trust.trustWorkspace) {
      throw new ConfigurationError(
        `Input ${INPUT.findings}: findings files are not read on pull_request_target, where the workspace may hold the pull request's files; use ${INPUT.findingsArtifact} or ${INPUT.analyzerArn} (or ${INPUT.allowWorkspaceOnPullRequestTarget}: true with a checkout of the base branch).`
      )
    }
    const matched = await expandGlobs(inputs.findings, workspace, `Input ${INPUT.findings}`)
    // Findings a pull request writes are never findings: one it adds or changes is left out, so
    // that it can neither add nor take away what applies to it (DESIGN §4).
    const files = matched.filter(path => {
      const rel = relative(workspace, path).split(sep).join('/')
      if (!trust.changedPaths.has(rel)) return true
      logger.warning(
        `${rel} is a findings file this pull request changes: it is not read (findings a pull request writes are not trusted; change findings in a pull request of their own).`
      )
      return false
    })
    if (matched.length === 0) {
      throw new ConfigurationError(
        `Input ${INPUT.findings}: no file matches ${inputs.findings.join(', ')}`
      )
    }
    if (files.length > 0) sources.push(filesSource(files))
  }
  if (inputs.findingsArtifact) {
    const a = inputs.findingsArtifact
    sources.push(
      artifactSource(
        client,
        {
          owner: pr.owner,
          repo: pr.repo,
          name: a.name,
          workflow: a.workflow,
          ...(a.runId === undefined ? {} : { runId: a.runId }),
          ...(a.repository ? { repository: `${a.repository.owner}/${a.repository.repo}` } : {})
        },
        line => logger.info(line)
      )
    )
  }
  if (inputs.analyzerArn) {
    // The AWS SDK is loaded here, for the input that reads AWS (docs/adr/0022-bundle-layout.md).
    const { recommendingAccessAnalyzerSource } = await import('./findings/recommendations.js')
    const { createAccessAnalyzerClient } = await import('./findings/access-analyzer.js')
    sources.push(
      recommendingAccessAnalyzerSource(createAccessAnalyzerClient(), {
        analyzerArn: inputs.analyzerArn,
        log: line => logger.info(line)
      })
    )
  }
  if (sources.length === 0) {
    throw new ConfigurationError(
      `No findings: give ${INPUT.findings} (files), ${INPUT.findingsArtifact} (a workflow artifact) or ${INPUT.analyzerArn} (live from AWS).`
    )
  }
  const findings = await loadFindingsSources(sources)
  if (findings.byPrincipal.has('')) {
    throw new ConfigurationError(
      'a per-principal findings list names no principal; map it in the configuration file or use GetFindingV2 findings (iam-refine findings export)'
    )
  }
  return { findings, sources }
}
