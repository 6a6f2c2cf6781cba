import type { ReadClient } from './client.js'
import { readRefusal } from './write-refused.js'

/** A repository by owner and name. */
export interface RepositoryRef {
  readonly owner: string
  readonly repo: string
}

/** The repository's default branch (GET /repos/{owner}/{repo}). */
export async function getDefaultBranch(client: ReadClient, repo: RepositoryRef): Promise<string> {
  try {
    const response = await client.rest.repos.get({ owner: repo.owner, repo: repo.repo })
    return response.data.default_branch
  } catch (error) {
    return readRefusal(error, `the repository ${repo.owner}/${repo.repo}`)
  }
}
