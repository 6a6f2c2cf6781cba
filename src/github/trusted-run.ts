/**
 * Which workflow runs may supply findings (ADR 20). An artifact is as trustworthy as the run that
 * uploaded it, and any run of a repository can upload one: a pull request's run, a fork's, a
 * feature branch's. Only runs that executed the default branch's own code, started by an event a
 * pull request cannot trigger, and that finished well, count.
 */

/** Events a pull request cannot start, that run the code of the branch they name. */
export const TRUSTED_EVENTS = ['schedule', 'push', 'workflow_dispatch'] as const

/** What a run reports about itself (GET /repos/{o}/{r}/actions/runs/{id}), as we read it. */
export interface WorkflowRun {
  readonly id: number
  readonly workflowId: number
  /** The workflow file, `.github/workflows/x.yml`. */
  readonly path: string
  readonly event: string
  readonly status: string | null
  readonly conclusion: string | null
  readonly headBranch: string | null
  readonly createdAt: string
  /** The repository the run belongs to. */
  readonly repository: { readonly id: number; readonly fullName: string }
  /** The repository whose code it ran: a fork's for a pull request from a fork. */
  readonly headRepository: { readonly id: number; readonly fullName: string } | null
}

/** The repository and workflow a trusted run must belong to. */
export interface TrustedSource {
  readonly repositoryId: number
  readonly fullName: string
  readonly defaultBranch: string
  readonly workflowId: number
  /** For messages: the workflow's file. */
  readonly workflowPath: string
}

/** Why `run` may not supply findings, as a phrase; undefined when it may. */
export function whyUntrusted(run: WorkflowRun, source: TrustedSource): string | undefined {
  if (run.repository.id !== source.repositoryId) {
    return `it belongs to ${run.repository.fullName}, not ${source.fullName}`
  }
  if (run.headRepository === null || run.headRepository.id !== run.repository.id) {
    return `it ran code from ${run.headRepository ? `the fork ${run.headRepository.fullName}` : 'another repository'}`
  }
  if (run.workflowId !== source.workflowId) {
    return `it is a run of ${run.path}, not of ${source.workflowPath}`
  }
  if (!(TRUSTED_EVENTS as readonly string[]).includes(run.event)) {
    return `it was started by ${run.event}, not by ${TRUSTED_EVENTS.join(', ')}`
  }
  if (run.headBranch !== source.defaultBranch) {
    return `it ran on ${run.headBranch === null ? 'no branch' : `the branch ${run.headBranch}`}, not on the default branch ${source.defaultBranch}`
  }
  if (run.status !== 'completed') return `it has not finished (${run.status ?? 'no status'})`
  if (run.conclusion !== 'success') return `it concluded ${run.conclusion ?? 'with no conclusion'}`
  return undefined
}
