import { ConfigurationError } from '../engine/errors.js'
import type { ReadClient } from './client.js'
import { TRUSTED_EVENTS, type TrustedSource, type WorkflowRun } from './trusted-run.js'

/**
 * The REST calls that say where a findings artifact may come from: the repository (its id and
 * default branch), the workflow (its id) and its runs. Each turns a 403 or 404 into a sentence
 * about the input or the token.
 */

/** The repository and the workflow whose runs may supply findings. */
export async function trustedSource(
  client: ReadClient,
  owner: string,
  repo: string,
  workflow: string
): Promise<TrustedSource> {
  let repository: { id: unknown; full_name: unknown; default_branch: unknown }
  try {
    repository = (await client.rest.repos.get({ owner, repo })).data
  } catch (error) {
    throw apiError(error, `read the repository ${owner}/${repo}`, 'findings-artifact-repository')
  }
  let found: { id: unknown; path: unknown }
  try {
    found = (
      await client.rest.actions.getWorkflow({
        owner,
        repo,
        workflow_id: /^\d+$/.test(workflow) ? Number(workflow) : workflow
      })
    ).data
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      throw new ConfigurationError(
        `no workflow "${workflow}" in ${owner}/${repo} (HTTP 404): set findings-artifact-workflow ` +
          'to the file name (or id) of the workflow that uploads the findings artifact'
      )
    }
    throw apiError(
      error,
      `read the workflow ${workflow} of ${owner}/${repo}`,
      'findings-artifact-workflow'
    )
  }
  const id = Number(repository.id)
  const branch = repository.default_branch
  const workflowId = Number(found.id)
  if (
    !Number.isSafeInteger(id) ||
    typeof branch !== 'string' ||
    !Number.isSafeInteger(workflowId)
  ) {
    throw new ConfigurationError(
      `GitHub described ${owner}/${repo} or its workflow ${workflow} without an id or default branch`
    )
  }
  return {
    repositoryId: id,
    fullName: typeof repository.full_name === 'string' ? repository.full_name : `${owner}/${repo}`,
    defaultBranch: branch,
    workflowId,
    workflowPath: typeof found.path === 'string' ? found.path : workflow
  }
}

/** Runs listed per trusted event: the newest that could qualify, one page each. */
export const RUNS_PER_EVENT = 20

/**
 * The runs of the workflow that may qualify, newest first: for each trusted event, the newest
 * successful runs on the default branch. The filters are GitHub's; every run is still checked
 * (`whyUntrusted`) by the caller, so a server that ignores them hands over nothing untrusted.
 */
export async function candidateRuns(
  client: ReadClient,
  owner: string,
  repo: string,
  source: TrustedSource
): Promise<WorkflowRun[]> {
  const runs = new Map<number, WorkflowRun>()
  for (const event of TRUSTED_EVENTS) {
    let data: { workflow_runs?: unknown }
    try {
      data = (
        await client.rest.actions.listWorkflowRuns({
          owner,
          repo,
          workflow_id: source.workflowId,
          branch: source.defaultBranch,
          event,
          status: 'success',
          per_page: RUNS_PER_EVENT,
          page: 1
        })
      ).data
    } catch (error) {
      throw apiError(
        error,
        `list the runs of ${source.workflowPath} in ${owner}/${repo}`,
        'findings-artifact-workflow'
      )
    }
    const listed = Array.isArray(data.workflow_runs) ? data.workflow_runs : []
    for (const raw of listed) {
      const run = readRun(raw)
      if (run) runs.set(run.id, run)
    }
  }
  return [...runs.values()].sort(newestFirst)
}

/** One run, by id; a missing one is a sentence about `findings-artifact-run-id`. */
export async function getRun(
  client: ReadClient,
  owner: string,
  repo: string,
  runId: number
): Promise<WorkflowRun> {
  let raw: unknown
  try {
    raw = (await client.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      throw new ConfigurationError(
        `no workflow run ${runId} in ${owner}/${repo} (HTTP 404): check findings-artifact-run-id`
      )
    }
    throw apiError(error, `read run ${runId} of ${owner}/${repo}`, 'findings-artifact-run-id')
  }
  const run = readRun(raw)
  if (!run)
    throw new ConfigurationError(
      `GitHub described run ${runId} of ${owner}/${repo} without its id, event or repositories`
    )
  return run
}

export function newestFirst(a: WorkflowRun, b: WorkflowRun): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id
}

/** A run as GitHub describes it, or undefined when it lacks what the trust check needs. */
function readRun(raw: unknown): WorkflowRun | undefined {
  const r = raw as Record<string, unknown> | null
  if (!r || typeof r !== 'object') return undefined
  const id = Number(r.id)
  const workflowId = Number(r.workflow_id)
  const repository = readRepository(r.repository)
  if (!Number.isSafeInteger(id) || !Number.isSafeInteger(workflowId) || !repository)
    return undefined
  if (typeof r.event !== 'string') return undefined
  return {
    id,
    workflowId,
    path: typeof r.path === 'string' ? r.path : '',
    event: r.event,
    status: typeof r.status === 'string' ? r.status : null,
    conclusion: typeof r.conclusion === 'string' ? r.conclusion : null,
    headBranch: typeof r.head_branch === 'string' ? r.head_branch : null,
    createdAt: typeof r.created_at === 'string' ? r.created_at : '',
    repository,
    headRepository: readRepository(r.head_repository) ?? null
  }
}

function readRepository(raw: unknown): { id: number; fullName: string } | undefined {
  const r = raw as { id?: unknown; full_name?: unknown } | null
  const id = Number(r?.id)
  if (!Number.isSafeInteger(id)) return undefined
  return { id, fullName: typeof r?.full_name === 'string' ? r.full_name : `repository ${id}` }
}

/** A failed call as a sentence: 403/401 name the permission, 404 the input to check. */
export function apiError(error: unknown, what: string, input: string): ConfigurationError {
  const status = (error as { status?: number }).status
  if (status === 403 || status === 401) {
    return new ConfigurationError(
      `the token may not ${what} (HTTP ${status}): give the workflow \`permissions: actions: read\` ` +
        '(for another repository, a token with access to it)'
    )
  }
  if (status === 404) {
    return new ConfigurationError(
      `cannot ${what} (HTTP 404): check ${input}, and that the token can read that repository`
    )
  }
  const message = (error as Error)?.message ?? String(error)
  return new ConfigurationError(
    `could not ${what}: ${status === undefined ? message : `HTTP ${status}: ${message}`}`
  )
}
