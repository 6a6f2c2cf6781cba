import { ConfigurationError } from '../engine/errors.js'
import type { ReadClient, WriteClient } from './client.js'
import type { RepositoryRef } from './repository.js'
import { githubMessage, readRefusal, refusal, statusOf } from './write-refused.js'

/**
 * The commit a branch points to (GET /git/ref/heads/{branch}, an exact match), or undefined when
 * there is no such branch. An empty repository (409) is a sentence: there is nothing to sweep.
 */
export async function getBranchHead(
  client: ReadClient,
  repo: RepositoryRef,
  branch: string
): Promise<string | undefined> {
  try {
    const response = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` })
    return response.data.object.sha
  } catch (error) {
    const status = statusOf(error)
    if (status === 404) return undefined
    if (status === 409) {
      throw new ConfigurationError(
        `${repo.owner}/${repo.repo} is empty (${githubMessage(error)}): there is nothing to sweep.`
      )
    }
    return readRefusal(error, `the branch ${branch} of ${repo.owner}/${repo.repo}`)
  }
}

/** Creates `branch` at `sha`; `exists` when someone created it first (422). */
export async function createBranch(
  client: WriteClient,
  repo: RepositoryRef,
  branch: string,
  sha: string
): Promise<'created' | 'exists'> {
  try {
    await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha })
    return 'created'
  } catch (error) {
    if (statusOf(error) === 422 && /already exists/i.test(githubMessage(error))) return 'exists'
    return refusal(error, `create the branch ${branch}`, 'contents: write', branch)
  }
}

/**
 * Points `branch` at `sha`. `force`: the new commit need not descend from the old one (a sweep
 * rebuilds its one commit on the default branch's head); the caller has made sure the branch holds
 * only its own commit.
 */
export async function moveBranch(
  client: WriteClient,
  repo: RepositoryRef,
  branch: string,
  sha: string,
  force: boolean
): Promise<void> {
  try {
    await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force })
  } catch (error) {
    refusal(error, `update the branch ${branch}`, 'contents: write', branch)
  }
}

/** Deletes `branch`; one already gone (422 "Reference does not exist") is fine. */
export async function deleteBranch(
  client: WriteClient,
  repo: RepositoryRef,
  branch: string
): Promise<void> {
  try {
    await client.rest.git.deleteRef({ ...repo, ref: `heads/${branch}` })
  } catch (error) {
    if (statusOf(error) === 422 && /does not exist/i.test(githubMessage(error))) return
    refusal(error, `delete the branch ${branch}`, 'contents: write', branch)
  }
}
