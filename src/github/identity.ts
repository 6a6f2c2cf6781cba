import type { Logger } from '../logger.js'
import type { ReadClient } from './client.js'

/**
 * Who the token is: the login our comments carry. A comment is ours only when this login wrote
 * it — a marker in someone else's comment makes it nothing of ours (docs/adr/0012-our-comments-are-ours-by-author.md).
 *
 * GraphQL's `viewer` answers for every kind of token (a person's, a GitHub App installation's,
 * the workflow's `GITHUB_TOKEN`, which is `github-actions[bot]`), where REST `GET /user` refuses
 * installation tokens; `GET /user` is still asked when GraphQL is refused.
 */
export async function getTokenLogin(
  client: ReadClient,
  logger: Pick<Logger, 'warning'>
): Promise<string | undefined> {
  try {
    const data = await client.graphql<{ viewer?: { login?: unknown } }>(
      'query { viewer { login } }',
      { request: { retries: 0 } }
    )
    if (typeof data.viewer?.login === 'string' && data.viewer.login !== '') return data.viewer.login
  } catch {
    // fall through to REST
  }
  try {
    const { data } = await client.rest.users.getAuthenticated()
    if (typeof data.login === 'string' && data.login !== '') return data.login
  } catch {
    // neither answered
  }
  logger.warning(
    'Could not learn which account the token belongs to (GraphQL viewer and GET /user both failed): ' +
      'no earlier comment is treated as ours, so earlier suggestions are not updated or marked outdated.'
  )
  return undefined
}

/** Whether `author` is the token's login (GitHub logins compare case-insensitively). */
export function isOurs(author: string | undefined | null, login: string | undefined): boolean {
  return (
    login !== undefined &&
    typeof author === 'string' &&
    author.toLowerCase() === login.toLowerCase()
  )
}
