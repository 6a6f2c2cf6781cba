import * as core from '@actions/core'
import { ConfigurationError } from './engine/errors.js'
import { FAIL_ON, type FailOn } from './report/gate.js'
import { compileGlobs, isGlob } from './sources/glob.js'

/** The action's input names, as action.yml declares them. */
export const INPUT = {
  githubToken: 'github-token',
  findings: 'findings',
  findingsArtifact: 'findings-artifact',
  findingsArtifactRunId: 'findings-artifact-run-id',
  findingsArtifactRepository: 'findings-artifact-repository',
  findingsArtifactWorkflow: 'findings-artifact-workflow',
  analyzerArn: 'analyzer-arn',
  paths: 'paths',
  config: 'config',
  catalog: 'catalog',
  failOn: 'fail-on',
  reviewEvent: 'review-event',
  maxComments: 'max-comments',
  verifyWithAws: 'verify-with-aws',
  allowWorkspaceOnPullRequestTarget: 'allow-workspace-on-pull-request-target',
  requireAwsAgreement: 'require-aws-agreement',
  mode: 'mode',
  sweepBranch: 'sweep-branch',
  sweepTitle: 'sweep-title',
  sweepLabels: 'sweep-labels',
  sweepForcePush: 'sweep-force-push'
} as const

/** The action's output names. */
export const OUTPUT = {
  unusedActions: 'unused-actions',
  policiesRefined: 'policies-refined',
  report: 'report',
  sarif: 'sarif',
  pullRequestNumber: 'pull-request-number',
  pullRequestUrl: 'pull-request-url',
  operation: 'operation'
} as const

export const DEFAULTS = {
  config: '.github/iam-refine.yml',
  failOn: 'unused-or-unchecked',
  reviewEvent: 'COMMENT',
  maxComments: 30,
  /** The export workflow of examples/workflows/. */
  findingsArtifactWorkflow: 'iam-refine-export-findings.yml',
  mode: 'auto',
  sweepBranch: 'iam-refine/least-privilege',
  sweepTitle: 'iam-refine: remove unused IAM permissions',
  sweepLabels: ['security', 'iam-refine']
} as const

/** `review` a pull request, `sweep` the repository, or `auto`: decided by the event. */
export const MODES = ['auto', 'review', 'sweep'] as const
export type Mode = (typeof MODES)[number]

export type CatalogChoice =
  /** The catalog bundled with the action. */
  | { readonly kind: 'bundled' }
  /** The AWS service reference, with the bundled catalog as fallback. */
  | { readonly kind: 'live' }
  | { readonly kind: 'file'; readonly path: string }

/** Everything the action reads from its inputs, checked. */
export interface Inputs {
  /** The token for the GitHub API. */
  readonly githubToken: string
  /** Findings files: paths or globs, in the order given. */
  readonly findings: readonly string[]
  /** A workflow artifact holding findings files. */
  readonly findingsArtifact?: {
    readonly name: string
    /**
     * The workflow whose runs may upload it: a workflow file name (`export.yml`) or a workflow
     * id. Only its successful schedule, push or workflow_dispatch runs on the default branch of
     * the repository itself count (ADR 20).
     */
    readonly workflow: string
    /** The run that uploaded it, checked the same way; absent: the newest trusted run's. */
    readonly runId?: number
    /** `owner/name`; absent: this repository. */
    readonly repository?: { readonly owner: string; readonly repo: string }
  }
  /** Read findings live from this Access Analyzer analyzer. */
  readonly analyzerArn?: string
  /** Globs that limit which changed files are scanned; empty: all of them. */
  readonly paths: readonly string[]
  /** The configuration file. */
  readonly config: string
  readonly catalog: CatalogChoice
  /**
   * `unused-or-unchecked`: fail when unused permissions remain in the changed files, or when a
   * changed file that may hold a policy could not be checked; `unused`: only the former;
   * `never`: do not fail.
   */
  readonly failOn: FailOn
  readonly reviewEvent: 'COMMENT' | 'REQUEST_CHANGES'
  /** At most this many review comments; the rest go to the summary. */
  readonly maxComments: number
  /** Ask IAM Access Analyzer to confirm each refinement before suggesting it. */
  readonly verifyWithAws: boolean
  /**
   * On `pull_request_target`, read the configuration, findings files and catalog file from the
   * workspace even though it may hold the pull request's files (default: refuse).
   */
  readonly allowWorkspaceOnPullRequestTarget: boolean
  /** Withhold suggestions that differ from IAM Access Analyzer's own recommendation. */
  readonly requireAwsAgreement: boolean
  /** `auto`: `pull_request*` events review, `schedule` and `workflow_dispatch` sweep. */
  readonly mode: Mode
  /** The sweep's own branch, the head of its one pull request. */
  readonly sweepBranch: string
  readonly sweepTitle: string
  readonly sweepLabels: readonly string[]
  /** Rebuild the sweep branch even when someone else pushed to it (their commits leave it). */
  readonly sweepForcePush: boolean
}

/** Reads one input by name; `core.getInput` in the action. */
export type InputSource = (name: string) => string

/**
 * Reads and checks every input once. A bad value is a ConfigurationError naming the input. Empty
 * inputs take the defaults of action.yml, so a run without them (a test, a local runner) behaves
 * like one with them.
 */
export function readInputs(source: InputSource = name => core.getInput(name)): Inputs {
  const get = (name: string): string => source(name).trim()
  const githubToken = get(INPUT.githubToken)
  if (githubToken === '') {
    throw new ConfigurationError(
      `Input ${INPUT.githubToken} is empty: pass a token, e.g. \${{ github.token }}.`
    )
  }
  const artifactName = get(INPUT.findingsArtifact)
  const runId = get(INPUT.findingsArtifactRunId)
  const repository = get(INPUT.findingsArtifactRepository)
  const workflow = get(INPUT.findingsArtifactWorkflow)
  // The workflow has a default in action.yml, so it alone says nothing about an artifact.
  if (artifactName === '' && (runId !== '' || repository !== '')) {
    const given = runId !== '' ? INPUT.findingsArtifactRunId : INPUT.findingsArtifactRepository
    throw new ConfigurationError(
      `Input ${given} needs ${INPUT.findingsArtifact} (the artifact's name).`
    )
  }
  const analyzerArn = get(INPUT.analyzerArn)
  if (
    analyzerArn !== '' &&
    !/^arn:aws[a-z-]*:access-analyzer:[a-z0-9-]+:\d{12}:analyzer\/.+$/.test(analyzerArn)
  ) {
    throw new ConfigurationError(
      `Input ${INPUT.analyzerArn} is not an analyzer ARN ` +
        `(arn:aws:access-analyzer:REGION:ACCOUNT:analyzer/NAME): ${analyzerArn}`
    )
  }
  return {
    githubToken,
    findings: checkedGlobs(INPUT.findings, list(get(INPUT.findings)), isGlob),
    ...(artifactName === ''
      ? {}
      : {
          findingsArtifact: {
            name: artifactName,
            workflow: workflowName(workflow || DEFAULTS.findingsArtifactWorkflow),
            ...(runId === '' ? {} : { runId: positiveInteger(INPUT.findingsArtifactRunId, runId) }),
            ...(repository === '' ? {} : { repository: ownerAndName(repository) })
          }
        }),
    ...(analyzerArn === '' ? {} : { analyzerArn }),
    paths: checkedGlobs(INPUT.paths, list(get(INPUT.paths)), () => true),
    config: get(INPUT.config) || DEFAULTS.config,
    catalog: catalogChoice(get(INPUT.catalog)),
    failOn: oneOf(INPUT.failOn, get(INPUT.failOn) || DEFAULTS.failOn, FAIL_ON, false),
    reviewEvent: oneOf(
      INPUT.reviewEvent,
      get(INPUT.reviewEvent) || DEFAULTS.reviewEvent,
      ['COMMENT', 'REQUEST_CHANGES'],
      true
    ),
    maxComments:
      get(INPUT.maxComments) === ''
        ? DEFAULTS.maxComments
        : positiveInteger(INPUT.maxComments, get(INPUT.maxComments)),
    verifyWithAws: boolean(INPUT.verifyWithAws, get(INPUT.verifyWithAws)),
    allowWorkspaceOnPullRequestTarget: boolean(
      INPUT.allowWorkspaceOnPullRequestTarget,
      get(INPUT.allowWorkspaceOnPullRequestTarget)
    ),
    requireAwsAgreement: boolean(INPUT.requireAwsAgreement, get(INPUT.requireAwsAgreement)),
    mode: oneOf(INPUT.mode, get(INPUT.mode) || DEFAULTS.mode, MODES, false),
    sweepBranch: branchName(get(INPUT.sweepBranch) || DEFAULTS.sweepBranch),
    sweepTitle: sweepTitle(get(INPUT.sweepTitle) || DEFAULTS.sweepTitle),
    sweepLabels:
      get(INPUT.sweepLabels) === '' ? [...DEFAULTS.sweepLabels] : labels(get(INPUT.sweepLabels)),
    sweepForcePush: boolean(INPUT.sweepForcePush, get(INPUT.sweepForcePush))
  }
}

/** What a run does for an event: review, sweep, or nothing (with the sentence that says so). */
export type RunMode =
  | { readonly kind: 'review' }
  | { readonly kind: 'sweep' }
  | { readonly kind: 'none'; readonly message: string }

/**
 * The mode for `event` (GITHUB_EVENT_NAME). `auto` reviews `pull_request*` events and sweeps on
 * `schedule` and `workflow_dispatch`. A sweep never runs on a pull-request event: its workspace
 * holds the pull request's files, which must not decide what is committed to the default branch.
 */
export function resolveMode(mode: Mode, event: string | undefined): RunMode {
  const pullRequestEvent = event !== undefined && event.startsWith('pull_request')
  if (mode === 'review') return { kind: 'review' }
  if (mode === 'sweep') {
    if (!pullRequestEvent) return { kind: 'sweep' }
    throw new ConfigurationError(
      `Input ${INPUT.mode} is sweep, but this is a ${event} event: a sweep commits to a branch of the default branch from a checkout of it, so it runs on schedule, workflow_dispatch or push, never on a pull request.`
    )
  }
  if (pullRequestEvent) return { kind: 'review' }
  if (event === 'schedule' || event === 'workflow_dispatch') return { kind: 'sweep' }
  return {
    kind: 'none',
    message:
      `iam-refine did nothing on this ${event ?? 'unnamed'} event: with ${INPUT.mode}: auto it reviews ` +
      'pull_request events and sweeps the repository on schedule and workflow_dispatch; set ' +
      `${INPUT.mode}: review or ${INPUT.mode}: sweep to choose.`
  }
}

/** A bound for the branch name: Git allows longer ones, but a path this long is a mistake. */
const MAX_BRANCH_NAME_LENGTH = 200

/**
 * A branch name Git and GitHub accept (git check-ref-format's rules, plus no leading `refs/`):
 * a bad one is refused here rather than by GitHub after the commit is made.
 */
function branchName(value: string): string {
  const bad =
    value.length > MAX_BRANCH_NAME_LENGTH ||
    value.startsWith('refs/') ||
    value.startsWith('-') ||
    value.startsWith('/') ||
    value.endsWith('/') ||
    value.endsWith('.') ||
    value.endsWith('.lock') ||
    value.includes('..') ||
    value.includes('//') ||
    value.includes('@{') ||
    value.split('/').some(part => part.startsWith('.') || part.endsWith('.lock')) ||
    // eslint-disable-next-line no-control-regex -- control characters are refused by Git
    /[\x00-\x20\x7f~^:?*[\\]/.test(value)
  if (bad) {
    throw new ConfigurationError(
      `Input ${INPUT.sweepBranch} is not a branch name Git accepts: "${value}" (no spaces, ~ ^ : ? * [ \\, "..", "@{", or a part that starts with "." or ends with ".lock").`
    )
  }
  return value
}

/** GitHub's limit on a pull request's title. */
const MAX_TITLE_LENGTH = 256

function sweepTitle(value: string): string {
  if (value.length > MAX_TITLE_LENGTH || /[\r\n]/.test(value)) {
    throw new ConfigurationError(
      `Input ${INPUT.sweepTitle} must be one line of at most ${MAX_TITLE_LENGTH} characters.`
    )
  }
  return value
}

/** GitHub's limit on a label's name. */
const MAX_LABEL_LENGTH = 50

function labels(value: string): string[] {
  const names = list(value)
  for (const name of names) {
    if (name.length > MAX_LABEL_LENGTH) {
      throw new ConfigurationError(
        `Input ${INPUT.sweepLabels}: "${name}" is longer than GitHub's ${MAX_LABEL_LENGTH} characters for a label.`
      )
    }
  }
  return names
}

/**
 * Entries one per line or separated by commas; blank ones and `#` comments dropped. A comma inside
 * braces belongs to a glob (`cfn/*.{yaml,yml}`), not between entries.
 */
function list(value: string): string[] {
  const entries: string[] = []
  for (const line of value.split('\n')) {
    let depth = 0
    let from = 0
    for (let i = 0; i < line.length; i++) {
      const c = line[i]
      if (c === '\\') i++
      else if (c === '{') depth++
      else if (c === '}') depth = Math.max(0, depth - 1)
      else if (c === ',' && depth === 0) {
        entries.push(line.slice(from, i))
        from = i + 1
      }
    }
    entries.push(line.slice(from))
  }
  return entries.map(v => v.trim()).filter(v => v !== '' && !v.startsWith('#'))
}

/** The entries, once those that `isGlobEntry` picks compile: a bad glob fails before any work. */
function checkedGlobs(
  name: string,
  entries: string[],
  isGlobEntry: (entry: string) => boolean
): string[] {
  compileGlobs(entries.filter(isGlobEntry), `Input ${name}`)
  return entries
}

function catalogChoice(value: string): CatalogChoice {
  if (value === '' || value.toLowerCase() === 'bundled') return { kind: 'bundled' }
  if (value.toLowerCase() === 'live') return { kind: 'live' }
  return { kind: 'file', path: value }
}

function oneOf<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
  upperCase: boolean
): T {
  const normal = upperCase ? value.toUpperCase() : value.toLowerCase()
  const hit = allowed.find(a => a === normal)
  if (hit === undefined) {
    throw new ConfigurationError(
      `Input ${name} must be one of ${allowed.join(', ')}; got "${value}".`
    )
  }
  return hit
}

function positiveInteger(name: string, value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ConfigurationError(`Input ${name} must be a positive whole number; got "${value}".`)
  }
  return n
}

/** The YAML 1.2 core schema's booleans, as core.getBooleanInput reads them; empty is false. */
function boolean(name: string, value: string): boolean {
  if (value === '') return false
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new ConfigurationError(`Input ${name} must be true or false; got "${value}".`)
}

/** A workflow file name (as GET /repos/{o}/{r}/actions/workflows/{id} takes it) or a workflow id. */
function workflowName(value: string): string {
  if (/^\d+$/.test(value) || /^[A-Za-z0-9._-]+\.ya?ml$/.test(value)) return value
  throw new ConfigurationError(
    `Input ${INPUT.findingsArtifactWorkflow} must be a workflow file name such as ` +
      `${DEFAULTS.findingsArtifactWorkflow} (without .github/workflows/) or a workflow id; got "${value}".`
  )
}

function ownerAndName(value: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(value)
  if (!m) {
    throw new ConfigurationError(
      `Input ${INPUT.findingsArtifactRepository} must be owner/name; got "${value}".`
    )
  }
  return { owner: m[1]!, repo: m[2]! }
}
