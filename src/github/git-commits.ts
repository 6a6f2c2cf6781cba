import type { ReadClient, WriteClient } from './client.js'
import type { RepositoryRef } from './repository.js'
import { readRefusal, refusal } from './write-refused.js'

/** A commit as the Git Data API shows it, with what a sweep needs to judge whose it is. */
export interface GitCommit {
  readonly sha: string
  readonly tree: string
  readonly parents: readonly string[]
  readonly message: string
  readonly author: { readonly name: string; readonly email: string }
  readonly committer: { readonly name: string; readonly email: string }
  /** GitHub verified its signature (the commits GitHub makes for an API call are signed). */
  readonly verified: boolean
}

export async function getCommit(
  client: ReadClient,
  repo: RepositoryRef,
  sha: string
): Promise<GitCommit> {
  try {
    const response = await client.rest.git.getCommit({ ...repo, commit_sha: sha })
    return commitOf(response.data)
  } catch (error) {
    return readRefusal(error, `commit ${sha} of ${repo.owner}/${repo.repo}`)
  }
}

/**
 * A commit of `tree` on `parents`, made by the token's identity: no author or committer is given,
 * so GitHub signs it and shows it verified.
 */
export async function createCommit(
  client: WriteClient,
  repo: RepositoryRef,
  commit: { readonly message: string; readonly tree: string; readonly parents: readonly string[] },
  branch: string
): Promise<GitCommit> {
  try {
    const response = await client.rest.git.createCommit({
      ...repo,
      message: commit.message,
      tree: commit.tree,
      parents: [...commit.parents]
    })
    return commitOf(response.data)
  } catch (error) {
    return refusal(error, `create the commit for ${branch}`, 'contents: write', branch)
  }
}

interface RawCommit {
  sha: string
  tree: { sha: string }
  parents: { sha: string }[]
  message: string
  author: { name?: string; email?: string }
  committer: { name?: string; email?: string }
  verification?: { verified?: boolean }
}

function commitOf(data: RawCommit): GitCommit {
  return {
    sha: data.sha,
    tree: data.tree.sha,
    parents: data.parents.map(p => p.sha),
    message: data.message,
    author: { name: data.author.name ?? '', email: data.author.email ?? '' },
    committer: { name: data.committer.name ?? '', email: data.committer.email ?? '' },
    verified: data.verification?.verified === true
  }
}
