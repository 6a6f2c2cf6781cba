import type { ReadClient, WriteClient } from './client.js'
import type { RepositoryRef } from './repository.js'
import { readRefusal, refusal } from './write-refused.js'

export interface IssueComment {
  readonly id: number
  readonly author: string
  readonly body: string
}

/** Every comment of an issue or pull request (all pages, 100 each). */
export async function listIssueComments(
  client: ReadClient,
  repo: RepositoryRef,
  number: number
): Promise<IssueComment[]> {
  try {
    const comments = await client.paginate(client.rest.issues.listComments, {
      ...repo,
      issue_number: number,
      per_page: 100
    })
    return comments.map(c => ({ id: c.id, author: c.user?.login ?? '', body: c.body ?? '' }))
  } catch (error) {
    return readRefusal(error, `the comments of pull request #${number}`)
  }
}

export async function createIssueComment(
  client: WriteClient,
  repo: RepositoryRef,
  number: number,
  body: string
): Promise<void> {
  try {
    await client.rest.issues.createComment({ ...repo, issue_number: number, body })
  } catch (error) {
    refusal(error, `comment on pull request #${number}`, 'pull-requests: write')
  }
}
