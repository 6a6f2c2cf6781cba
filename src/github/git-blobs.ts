import type { GitHubClient } from './client.js'
import type { RepositoryRef } from './repository.js'
import { refusal } from './write-refused.js'

/** Stores `text` as a blob, sent as Base64 of its UTF-8 bytes so that every byte arrives as is. */
export async function createBlob(
  client: GitHubClient,
  repo: RepositoryRef,
  text: string,
  branch: string
): Promise<string> {
  try {
    const response = await client.rest.git.createBlob({
      ...repo,
      content: Buffer.from(text, 'utf8').toString('base64'),
      encoding: 'base64'
    })
    return response.data.sha
  } catch (error) {
    return refusal(error, `store a file for ${branch}`, 'contents: write', branch)
  }
}
