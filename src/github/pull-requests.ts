import type { ReadClient, WriteClient } from './client.js'
import type { RepositoryRef } from './repository.js'
import { readRefusal, refusal } from './write-refused.js'

/** A pull request as a sweep sees it. */
export interface PullRequest {
  readonly number: number
  readonly url: string
  readonly state: 'open' | 'closed'
  readonly merged: boolean
  readonly title: string
  readonly body: string
  /** Who opened it: the token's identity for the pull requests a sweep opens. */
  readonly author: string
  /** The commit its head branch pointed to when GitHub last saw it. */
  readonly headSha: string | undefined
  readonly baseRef: string
}

/**
 * Pull requests of the sweep branch read, newest first: a sweep keeps at most one open, and only
 * the newest closed one matters (it may hold the very change someone declined).
 */
const PULLS_LISTED = 10

/** The pull requests from `branch` of this repository into `base`, newest first. */
export async function listBranchPullRequests(
  client: ReadClient,
  repo: RepositoryRef,
  branch: string,
  base: string
): Promise<PullRequest[]> {
  let data
  try {
    data = (
      await client.rest.pulls.list({
        ...repo,
        head: `${repo.owner}:${branch}`,
        base,
        state: 'all',
        sort: 'created',
        direction: 'desc',
        per_page: PULLS_LISTED
      })
    ).data
  } catch (error) {
    return readRefusal(error, `the pull requests of ${repo.owner}/${repo.repo}`)
  }
  // The `head` filter is GitHub's; a pull request from another branch is never ours to edit.
  return data.filter(p => p.head.ref === branch && p.base.ref === base).map(pullRequestOf)
}

export async function createPullRequest(
  client: WriteClient,
  repo: RepositoryRef,
  pull: {
    readonly title: string
    readonly body: string
    readonly head: string
    readonly base: string
  }
): Promise<PullRequest> {
  try {
    const response = await client.rest.pulls.create({
      ...repo,
      title: pull.title,
      body: pull.body,
      head: pull.head,
      base: pull.base,
      maintainer_can_modify: true
    })
    return pullRequestOf(response.data)
  } catch (error) {
    return refusal(error, `open the pull request from ${pull.head}`, 'pull-requests: write')
  }
}

/** Changes the body, or closes the pull request. */
export async function updatePullRequest(
  client: WriteClient,
  repo: RepositoryRef,
  number: number,
  change: { readonly body?: string; readonly state?: 'closed' }
): Promise<void> {
  try {
    await client.rest.pulls.update({ ...repo, pull_number: number, ...change })
  } catch (error) {
    refusal(
      error,
      change.state === 'closed'
        ? `close pull request #${number}`
        : `update pull request #${number}`,
      'pull-requests: write'
    )
  }
}

/** Adds labels (GitHub creates the ones the repository lacks). */
export async function addLabels(
  client: WriteClient,
  repo: RepositoryRef,
  number: number,
  labels: readonly string[]
): Promise<void> {
  if (labels.length === 0) return
  try {
    await client.rest.issues.addLabels({ ...repo, issue_number: number, labels: [...labels] })
  } catch (error) {
    refusal(error, `label pull request #${number}`, 'pull-requests: write')
  }
}

interface RawPull {
  number: number
  html_url: string
  state: string
  merged_at?: string | null
  title: string
  body?: string | null
  user?: { login?: string } | null
  head: { ref: string; sha?: string | null }
  base: { ref: string }
}

function pullRequestOf(p: RawPull): PullRequest {
  return {
    number: p.number,
    url: p.html_url,
    state: p.state === 'open' ? 'open' : 'closed',
    merged: Boolean(p.merged_at),
    title: p.title,
    body: p.body ?? '',
    author: p.user?.login ?? '',
    headSha: p.head.sha ?? undefined,
    baseRef: p.base.ref
  }
}
