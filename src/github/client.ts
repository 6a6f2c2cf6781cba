import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

/** Called when GitHub's rate limits make us wait, so the run log says why it is slow. */
export interface RateLimitLogger {
  warning(message: string): void
}

/**
 * The one place that builds the Octokit client: base URL from GITHUB_API_URL (GitHub Enterprise
 * Server works too), retries on transient errors, and waits out primary and secondary rate limits
 * a bounded number of times.
 */
export function createGitHubClient(
  token: string,
  logger: RateLimitLogger,
  baseUrl: string = process.env.GITHUB_API_URL ?? 'https://api.github.com'
): GitHubClient {
  return getOctokit(
    token,
    {
      baseUrl,
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429] },
      throttle: {
        onRateLimit: waitTwice('rate limit', logger),
        onSecondaryRateLimit: waitTwice('secondary rate limit', logger)
      }
    },
    retry,
    throttling
  )
}

/**
 * Waits out a rate limit at most twice per request, saying so in the log. A rate-limited GraphQL
 * batch read is not waited for: its REST fallback (src/github/file-content.ts) has its own budget.
 */
function waitTwice(
  kind: string,
  logger: RateLimitLogger
): (
  after: number,
  options: { method: string; url: string },
  _o: unknown,
  count: number
) => boolean {
  return (after, options, _o, count) => {
    if (options.url.endsWith('/graphql')) {
      logger.warning(`GitHub ${kind} on GraphQL; reading the files through the REST API instead`)
      return false
    }
    logger.warning(`GitHub ${kind} on ${options.method} ${options.url}; waiting ${after} s`)
    return count < 2
  }
}
