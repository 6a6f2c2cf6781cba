import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'

type Octokit = ReturnType<typeof getOctokit>
declare const role: unique symbol

/** The client every read goes through (GET, and GraphQL queries): not spaced. */
export type ReadClient = Octokit & { readonly [role]: 'read' }
/** The client every write goes through: spaced as GitHub asks of content-creating requests. */
export type WriteClient = Octokit & { readonly [role]: 'write' }

/** The two clients of a run (docs/adr/0023-reads-apart-from-writes.md). */
export interface GitHubClients {
  readonly read: ReadClient
  readonly write: WriteClient
}

/** Called when GitHub's rate limits make us wait, so the run log says why it is slow. */
export interface RateLimitLogger {
  warning(message: string): void
}

/**
 * The User-Agent of each client (Octokit appends its own). GitHub asks every client to name
 * itself; the loopback server records it, so tests can tell which client made a request.
 */
export const USER_AGENT = { read: 'iam-refine-reads', write: 'iam-refine-writes' } as const

/**
 * The one place that builds the Octokit clients: base URL from GITHUB_API_URL (GitHub Enterprise
 * Server works too), retries on transient errors, and primary and secondary rate limits waited
 * out a bounded number of times (the throttling plugin: `Retry-After` on a 403 or 429, the reset
 * time when none is left).
 *
 * GitHub asks for about a second between *mutating* requests; the throttling plugin spaces every
 * GraphQL request as one, read-only queries included, and its maintainers point to a second client
 * for reads (octokit/plugin-throttling.js#380). So there are two: `write` with the plugin's write
 * and notification limiters, and `read` with the same plugin and handlers but a write limiter that
 * does not space anything, which refuses any request that would change something.
 */
export function createGitHubClients(
  token: string,
  logger: RateLimitLogger,
  baseUrl: string = process.env.GITHUB_API_URL ?? 'https://api.github.com'
): GitHubClients {
  const options = (userAgent: string) => ({
    baseUrl,
    userAgent,
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429] },
    throttle: {
      onRateLimit: waitTwice('rate limit', logger),
      onSecondaryRateLimit: waitTwice('secondary rate limit', logger)
    }
  })
  const read = getOctokit(
    token,
    {
      ...options(USER_AGENT.read),
      throttle: { ...options(USER_AGENT.read).throttle, write: new Bottleneck.Group() }
    },
    retry,
    throttling
  )
  read.hook.before('request', refuseWrites)
  const write = getOctokit(token, options(USER_AGENT.write), retry, throttling)
  return { read: read as ReadClient, write: write as WriteClient }
}

/** A read: GET or HEAD, or a GraphQL document that is one query (no mutation). */
function refuseWrites(options: { method?: string; url?: string; query?: unknown }): void {
  const method = (options.method ?? 'GET').toUpperCase()
  if (method === 'GET' || method === 'HEAD') return
  const graphql = method === 'POST' && /^\/graphql$/.test(options.url ?? '')
  const query = typeof options.query === 'string' ? options.query : ''
  if (graphql && /^\s*(query\b|\{)/.test(query) && !/\bmutation\b/.test(query)) return
  throw new Error(
    `iam-refine asked its read client to ${method} ${options.url ?? ''}; writes go through the write client. This is a bug; please report it.`
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
      logger.warning(`GitHub ${kind} on GraphQL; asking the REST API instead`)
      return false
    }
    logger.warning(`GitHub ${kind} on ${options.method} ${options.url}; waiting ${after} s`)
    return count < 2
  }
}
