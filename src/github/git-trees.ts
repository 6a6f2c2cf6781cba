import { ConfigurationError } from '../engine/errors.js'
import type { GitHubClient } from './client.js'
import type { ChangedBlob, TreeEntry } from './git-hash.js'
import type { RepositoryRef } from './repository.js'
import { readRefusal, refusal } from './write-refused.js'

/** One folder's entries (GET /git/trees/{sha}, not recursive). */
export async function getTree(
  client: GitHubClient,
  repo: RepositoryRef,
  sha: string
): Promise<TreeEntry[]> {
  let data
  try {
    data = (await client.rest.git.getTree({ ...repo, tree_sha: sha })).data
  } catch (error) {
    return readRefusal(error, `tree ${sha} of ${repo.owner}/${repo.repo}`)
  }
  if (data.truncated) {
    // GitHub cuts only recursive listings; a folder it cuts cannot be rebuilt exactly.
    throw new ConfigurationError(
      `GitHub lists folder ${sha} of ${repo.owner}/${repo.repo} only in part: a folder that large cannot be swept`
    )
  }
  return data.tree.map(e => ({
    path: e.path,
    mode: e.mode,
    type: e.type as TreeEntry['type'],
    sha: e.sha
  }))
}

/** The tree `baseTree` with each changed path's blob replaced (same mode): one POST. */
export async function createTree(
  client: GitHubClient,
  repo: RepositoryRef,
  baseTree: string,
  blobs: readonly (ChangedBlob & { readonly mode: string })[],
  branch: string
): Promise<string> {
  try {
    const response = await client.rest.git.createTree({
      ...repo,
      base_tree: baseTree,
      tree: blobs.map(b => ({
        path: b.path,
        mode: b.mode as '100644' | '100755',
        type: 'blob' as const,
        sha: b.sha
      }))
    })
    return response.data.sha
  } catch (error) {
    return refusal(error, `create the tree for ${branch}`, 'contents: write', branch)
  }
}
