/**
 * The two clients of src/github/client.ts against the loopback server, on the real clock (the
 * throttling plugin's limiters are what is tested): writes spaced and one at a time, reads
 * neither, the read client refusing to write, and rate limits waited out on reads as GitHub asks.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { getChangedFiles } from '../src/github/changed-files.js'
import { createGitHubClients, USER_AGENT } from '../src/github/client.js'
import { getTokenLogin } from '../src/github/identity.js'
import { recordingLogger } from '../src/logger.js'
import {
  startGitHubServer,
  type GitHubServer,
  type RateLimitAnswer,
  type RecordedRequest
} from './servers/github.js'

const pr = { owner: 'acme', repo: 'infra', pullNumber: 7 }
let server: GitHubServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(graphqlDelayMs = 0) {
  server = await startGitHubServer({
    pulls: [
      {
        owner: pr.owner,
        repo: pr.repo,
        number: pr.pullNumber,
        headSha: 'a'.repeat(40),
        files: [{ filename: 'iam/p.json', patch: '@@ -1 +1 @@\n-a\n+b' }]
      }
    ],
    graphql: { delayMs: graphqlDelayMs }
  })
  const logger = recordingLogger()
  return { server, logger, clients: createGitHubClients('test-token', logger, server.url) }
}

/** Milliseconds between consecutive arrivals. */
function gaps(requests: readonly RecordedRequest[]): number[] {
  return requests.slice(1).map((r, i) => r.at - requests[i]!.at)
}

const agent = (r: RecordedRequest): string => (r.headers['user-agent'] ?? '').split(' ')[0]!

describe('the write client', () => {
  it('spaces writes a second apart, one at a time, and GraphQL queries with them', async () => {
    const { server: s, clients } = await start(50)
    s.addIssueComment('acme', 'infra', 7, 'x', 'github-actions[bot]')
    const id = s.issueComments[0]!.id
    await Promise.all(
      ['a', 'b', 'c'].map(body =>
        clients.write.rest.issues.updateComment({
          owner: 'acme',
          repo: 'infra',
          comment_id: id,
          body
        })
      )
    )
    await Promise.all([1, 2, 3].map(() => clients.write.graphql('query { viewer { login } }')))
    const patched = s.requests.filter(r => r.method === 'PATCH')
    const queried = s.requests.filter(r => r.path === '/graphql')
    for (const group of [patched, queried]) {
      expect(group).toHaveLength(3)
      // Bottleneck's minTime: a second between starts (a little jitter on arrival)
      for (const gap of gaps(group)) expect(gap).toBeGreaterThanOrEqual(950)
      expect(group.every(r => r.inFlight === 1)).toBe(true)
      expect(new Set(group.map(agent))).toEqual(new Set([USER_AGENT.write]))
    }
  }, 20_000)
})

describe('the read client', () => {
  it('sends GraphQL queries together, unspaced', async () => {
    // Each answer waits 1.5 s, so that all four are in flight at once even on a loaded machine.
    const { server: s, clients } = await start(1500)
    const logins = await Promise.all(
      [1, 2, 3, 4].map(() => getTokenLogin(clients.read, recordingLogger()))
    )
    expect(logins).toEqual(Array(4).fill('github-actions[bot]'))
    const queried = s.requests.filter(r => r.path === '/graphql')
    expect(queried).toHaveLength(4)
    // All four in flight at once: no write limiter in between (it would space them 1 s apart).
    expect(Math.max(...queried.map(r => r.inFlight))).toBe(4)
    expect(queried.at(-1)!.at - queried[0]!.at).toBeLessThan(1000)
    expect(new Set(queried.map(agent))).toEqual(new Set([USER_AGENT.read]))
  })

  it('refuses to write, before anything is sent', async () => {
    const { server: s, clients } = await start()
    await expect(
      clients.read.rest.issues.createComment({ ...pr, issue_number: 7, body: 'x' })
    ).rejects.toThrow(/read client to POST .*This is a bug/)
    await expect(
      clients.read.rest.pulls.updateReview({ ...pr, pull_number: 7, review_id: 1, body: 'x' })
    ).rejects.toThrow(/read client to PUT/)
    await expect(
      clients.read.graphql('mutation { addComment(input: {}) { clientMutationId } }')
    ).rejects.toThrow(/read client to POST \/graphql/)
    await expect(
      clients.read.graphql('query { viewer { login } } mutation { deleteIssue }')
    ).rejects.toThrow(/read client/)
    expect(s.requests).toEqual([])
  })

  it.each<[string, RateLimitAnswer]>([
    ['a secondary rate limit (403, retry-after)', { kind: 'secondary', after: 1 }],
    ['a secondary rate limit (429, retry-after)', { kind: 'secondary', status: 429, after: 1 }],
    ['the primary rate limit (403, none left until the reset)', { kind: 'primary', after: 1 }]
  ])(
    'waits out %s on a read and asks again',
    async (_, answer) => {
      const { server: s, clients, logger } = await start()
      s.limitNext('GET', /\/pulls\/7\/files$/, answer)
      const changed = await getChangedFiles(clients.read, pr)
      expect(changed.files.map(f => f.path)).toEqual(['iam/p.json'])
      const asked = s.requests.filter(r => r.path.endsWith('/pulls/7/files'))
      expect(asked.map(r => r.status)).toEqual([answer.status ?? 403, 200])
      expect(asked[1]!.at - asked[0]!.at).toBeGreaterThanOrEqual(answer.after * 1000 - 50)
      expect(logger.messages.map(m => m.message)).toContainEqual(
        expect.stringMatching(/^GitHub (secondary )?rate limit on GET .*; waiting \d+ s$/)
      )
    },
    20_000
  )

  it('gives up after waiting twice, with a sentence about the rate limit, not the token', async () => {
    const { server: s, clients } = await start()
    s.limitNext('GET', /\/pulls\/7\/files$/, { kind: 'secondary', after: 1 }, 3)
    const failure = getChangedFiles(clients.read, pr)
    await expect(failure).rejects.toThrow(
      /^GitHub's rate limit stopped reading the files of pull request #7 \(HTTP 403: You have exceeded a secondary rate limit.*run the job again later\.$/
    )
    await expect(failure).rejects.not.toThrow(/token needs/)
    expect(s.count('GET', '/pulls/7/files')).toBe(3)
  }, 20_000)
})
