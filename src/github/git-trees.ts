import { ConfigurationError } from '../engine/errors.js'
import type { ReadClient, WriteClient } from './client.js'
import type { TreeEntry } from './git-hash.js'
import type { RepositoryRef } from './repository.js'
import { readRefusal, refusal } from './write-refused.js'

/** One folder's entries (GET /git/trees/{sha}, not recursive). */
export async function getTree(
  client: ReadClient,
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

/** A file the tree request writes: GitHub stores `content` (UTF-8) as the entry's blob. */
export interface TreeFile {
  readonly path: string
  /** The base tree's mode of the file (`100644` or `100755`), kept. */
  readonly mode: string
  readonly content: string
}

/**
 * The tree `baseTree` with each file's content replaced: one POST, GitHub writing the blobs. The
 * texts come from files read as strict UTF-8, so their bytes arrive exactly as they are.
 */
export async function createTree(
  client: WriteClient,
  repo: RepositoryRef,
  baseTree: string,
  files: readonly TreeFile[],
  branch: string
): Promise<string> {
  try {
    const response = await client.rest.git.createTree({
      ...repo,
      base_tree: baseTree,
      tree: files.map(f => ({
        path: f.path,
        mode: f.mode as '100644' | '100755',
        type: 'blob' as const,
        content: f.content
      }))
    })
    return response.data.sha
  } catch (error) {
    return refusal(error, `create the tree for ${branch}`, 'contents: write', branch)
  }
}
