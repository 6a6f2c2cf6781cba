import type { ReadClient } from './client.js'
import { readError, type PullRequestRef } from './changed-files.js'

/** A file of a folder at a commit, with its blob SHA (for the blob API's fallback). */
export interface FolderFile {
  readonly path: string
  readonly sha: string
}

/**
 * The files directly in a folder at a commit (GitHub's contents API lists a directory as an array
 * of entries; folders inside it are left out). A folder that does not exist at the commit has no
 * files. Terraform needs the other files of a changed file's module: its variables, its
 * `.tfvars`, the role a policy in another file is attached to.
 */
export async function listFolderFiles(
  client: ReadClient,
  repo: Pick<PullRequestRef, 'owner' | 'repo'>,
  folder: string,
  ref: string
): Promise<FolderFile[]> {
  let data: unknown
  try {
    const response = await client.rest.repos.getContent({
      owner: repo.owner,
      repo: repo.repo,
      path: folder,
      ref
    })
    data = response.data
  } catch (error) {
    if ((error as { status?: number }).status === 404) return []
    throw readError(error, `the folder ${folder || '/'} at ${ref}`)
  }
  if (!Array.isArray(data)) return []
  const files: FolderFile[] = []
  for (const entry of data as { type?: unknown; path?: unknown; sha?: unknown }[]) {
    if (entry.type === 'file' && typeof entry.path === 'string') {
      files.push({ path: entry.path, sha: typeof entry.sha === 'string' ? entry.sha : '' })
    }
  }
  return files
}
