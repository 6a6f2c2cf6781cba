import { afterEach, describe, expect, it } from '@jest/globals'
import { getChangedFiles } from '../src/github/changed-files.js'
import { createGitHubClient } from '../src/github/client.js'
import { getFileContent } from '../src/github/file-content.js'
import { applySuggestions } from '../src/github/placement.js'
import { publishReview, reviewPullRequest, type ReviewTarget } from '../src/github/review.js'
import { recordingLogger } from '../src/logger.js'
import { buildReviewItems, type FileReport, type ReviewItem } from '../src/report/comment.js'
import { extractSuggestion } from '../src/report/fence.js'
import { readMarker, SUMMARY_MARKER } from '../src/report/fingerprint.js'
import { applyEdits } from '../src/sources/text-edit.js'
import {
  appRole,
  fileReport,
  headText,
  newFilePatch,
  patch,
  policyReport,
  sha256
} from './fixtures/github/reports.js'
import {
  startGitHubServer,
  type GitHubServer,
  type ServerFile,
  type StoredReviewComment
} from './servers/github.js'
import { useFastClock } from './helpers/fast-clock.js'

const HEAD = 'a'.repeat(40)
const MERGE = 'b'.repeat(40)
const pr = { owner: 'acme', repo: 'infra', pullNumber: 7 }
const target: ReviewTarget = { ...pr, headSha: HEAD }

let server: GitHubServer | undefined
useFastClock()
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(files: ServerFile[], extra: Parameters<typeof startGitHubServer>[0] = {}) {
  server = await startGitHubServer({
    pulls: [{ owner: 'acme', repo: 'infra', number: 7, headSha: HEAD, files }],
    ...extra
  })
  const logger = recordingLogger()
  const client = createGitHubClient('test-token', logger, server.url)
  return { server, client, logger }
}

/** The suggestions posted on `path`, as the head text would become with all of them accepted. */
function acceptAll(text: string, comments: readonly StoredReviewComment[]): string {
  return applySuggestions(
    text,
    comments
      .filter(c => extractSuggestion(c.body) !== undefined)
      .map(c => ({
        startLine: c.start_line ?? c.line!,
        endLine: c.line!,
        content: extractSuggestion(c.body)!
      }))
  )
}

function options(logger: ReturnType<typeof recordingLogger>, maxComments = 30) {
  return { event: 'COMMENT' as const, maxComments, logger }
}

describe('getChangedFiles', () => {
  it('reads every page, skips removed files and honours the paths globs', async () => {
    const files: ServerFile[] = Array.from({ length: 250 }, (_, i) => ({
      filename: i % 2 ? `iam/p${i}.json` : `src/f${i}.ts`,
      status: i === 1 ? 'removed' : 'modified',
      patch: '@@ -1 +1 @@\n-a\n+b'
    }))
    const { server, client } = await start(files)
    const all = await getChangedFiles(client, pr)
    expect(all.listed).toBe(250)
    expect(all.files).toHaveLength(249)
    expect(all.capped).toBe(false)
    expect(server.count('GET', '/pulls/7/files')).toBe(3)
    expect(
      server.requests.every(r => r.query.per_page === undefined || r.query.per_page === '100')
    ).toBe(true)
    const iam = await getChangedFiles(client, pr, ['iam/**'])
    expect(iam.files.map(f => f.path)).not.toContain('iam/p1.json')
    expect(iam.files).toHaveLength(124)
    expect(iam.files[0]).toMatchObject({
      path: 'iam/p3.json',
      status: 'modified',
      patch: '@@ -1 +1 @@\n-a\n+b'
    })
  })

  it('reports GitHub’s 3,000-file cap', async () => {
    const files = Array.from({ length: 3100 }, (_, i) => ({ filename: `p${i}.json` }))
    const { server, client } = await start(files)
    const result = await getChangedFiles(client, pr)
    expect(result).toMatchObject({ listed: 3000, capped: true })
    expect(result.files[0]!.patch).toBeUndefined()
    expect(server.count('GET', '/pulls/7/files')).toBe(30)
  })

  it('turns a 404 into a message about the token’s permissions', async () => {
    const { client } = await start([])
    await expect(getChangedFiles(client, { ...pr, pullNumber: 99 })).rejects.toThrow(
      /pull-requests: read/
    )
  })
})

describe('getFileContent', () => {
  it('reads the head commit, byte for byte, not the merge commit', async () => {
    const crlf = '\uFEFF{\r\n  "Statement": []\r\n}'
    const { client } = await start([], {
      contents: { [HEAD]: { 'iam/a b.json': crlf }, [MERGE]: { 'iam/a b.json': 'merged' } }
    })
    expect(await getFileContent(client, pr, 'iam/a b.json', HEAD)).toEqual({
      kind: 'text',
      text: crlf
    })
    expect(await getFileContent(client, pr, 'iam/a b.json', MERGE)).toEqual({
      kind: 'text',
      text: 'merged'
    })
  })

  it('skips binary and missing files with a reason', async () => {
    const { client } = await start([], {
      contents: { [HEAD]: { 'bin.dat': new Uint8Array([0x7b, 0xff, 0xfe, 0x00]) } }
    })
    expect(await getFileContent(client, pr, 'missing.json', HEAD)).toEqual({
      kind: 'skipped',
      reason: `not found at ${HEAD}`
    })
    expect(await getFileContent(client, pr, 'bin.dat', HEAD)).toEqual({
      kind: 'skipped',
      reason: 'not UTF-8 text'
    })
  })

  it('falls back to the blob API when the contents API refuses a large file', async () => {
    const big = `{"Statement": []}${' '.repeat(2000)}`
    const { server, client } = await start([], {
      contents: { [HEAD]: { 'big.json': big } },
      blobs: { abc123: big },
      contentsLimit: 1000
    })
    expect(await getFileContent(client, pr, 'big.json', HEAD, 'abc123')).toEqual({
      kind: 'text',
      text: big
    })
    expect(server.count('GET', '/git/blobs/abc123')).toBe(1)
    expect(await getFileContent(client, pr, 'big.json', HEAD)).toMatchObject({ kind: 'skipped' })
  })
})

describe('reviewPullRequest', () => {
  const file: ServerFile = { filename: 'iam/app-role.json', patch }

  it('posts one review at the head commit, multi-line comments on the RIGHT side', async () => {
    const { server, client, logger } = await start([file])
    const run = await reviewPullRequest(client, target, [fileReport()], options(logger))
    expect(server.reviews).toHaveLength(1)
    expect(server.reviews[0]).toMatchObject({ state: 'COMMENTED', commit_id: HEAD })
    expect(server.reviewComments).toHaveLength(1)
    expect(server.reviewComments[0]).toMatchObject({
      path: 'iam/app-role.json',
      start_line: 8,
      line: 10,
      side: 'RIGHT',
      start_side: 'RIGHT'
    })
    const body = server.requests.find(r => r.method === 'POST' && r.path.endsWith('/reviews'))!
      .body as { comments: Record<string, unknown>[]; event: string }
    expect(body.event).toBe('COMMENT')
    expect(body.comments[0]).toMatchObject({
      start_line: 8,
      line: 10,
      side: 'RIGHT',
      start_side: 'RIGHT'
    })
    expect(run.delivered.map(d => d.delivery)).toEqual([
      { kind: 'posted' },
      { kind: 'summary', why: 'outside-diff' }
    ])
    // The suggestion outside the diff is in the summary with its full text.
    expect(run.summary).toContain('`iam/app-role.json` lines 13–19')
    expect(run.summary).toContain('Replace lines 13–19 with:')
    expect(server.issueComments).toHaveLength(1)
    expect(server.issueComments[0]!.body.startsWith(SUMMARY_MARKER)).toBe(true)
    expect(run.summaryComment).toBe('created')
  })

  it('posts suggestions that, accepted, give exactly the refinement', async () => {
    const everywhere = { ...fileReport(), patch: newFilePatch(headText) }
    const { server, client, logger } = await start([
      { ...file, patch: everywhere.patch, status: 'added' }
    ])
    await reviewPullRequest(client, target, [everywhere], {
      ...options(logger),
      event: 'REQUEST_CHANGES'
    })
    expect(server.reviews[0]!.state).toBe('CHANGES_REQUESTED')
    expect(server.reviewComments).toHaveLength(2)
    const accepted = acceptAll(headText, server.reviewComments)
    expect(applySuggestions(headText, server.suggestions('iam/app-role.json'))).toBe(accepted)
    expect(accepted).toBe(applyEdits(headText, policyReport().edits))
    expect(JSON.parse(accepted)).toEqual(policyReport().refinement.document)
  })

  it('comments instead when the token may not request changes on its own pull request', async () => {
    const { server, client, logger } = await start([file])
    server.pulls[0] = { ...server.pulls[0]!, author: 'github-actions[bot]' }
    const run = await reviewPullRequest(client, target, [fileReport()], {
      ...options(logger),
      event: 'REQUEST_CHANGES'
    })
    expect(server.reviews.map(r => r.state)).toEqual(['COMMENTED'])
    expect(run.delivered[0]!.delivery).toEqual({ kind: 'posted' })
    expect(server.count('POST', '/reviews')).toBe(2)
  })

  it('posts nothing new on a re-run and updates the summary comment in place', async () => {
    const { server, client, logger } = await start([file])
    await reviewPullRequest(client, target, [fileReport()], options(logger))
    const writes = server.requests.filter(r => r.method !== 'GET' && r.path !== '/graphql').length
    const again = await reviewPullRequest(client, target, [fileReport()], options(logger))
    expect(server.reviews).toHaveLength(1)
    expect(server.reviewComments).toHaveLength(1)
    expect(server.issueComments).toHaveLength(1)
    expect(again.delivered.map(d => d.delivery.kind)).toEqual(['existing', 'summary'])
    expect(again.summaryComment).toBe('unchanged')
    // The second run only reads: two listings, no write.
    expect(server.requests.filter(r => r.method !== 'GET' && r.path !== '/graphql').length).toBe(
      writes
    )
    // A change in what the summary says edits the one comment.
    const third = await reviewPullRequest(client, target, [fileReport()], {
      ...options(logger),
      notes: ['iam/legacy.json: no principal maps to this policy']
    })
    expect(third.summaryComment).toBe('updated')
    expect(server.issueComments).toHaveLength(1)
    expect(server.issueComments[0]!.body).toContain('no principal maps')
  })

  it('finds its summary comment among other comments on later pages', async () => {
    const { server, client, logger } = await start([file])
    await reviewPullRequest(client, target, [fileReport()], options(logger))
    for (let i = 0; i < 150; i++)
      server.addIssueComment('acme', 'infra', 7, `comment ${i}`, 'someone')
    const ours = server.issueComments.shift()!
    server.issueComments.push(ours)
    await reviewPullRequest(client, target, [fileReport()], { ...options(logger), notes: ['x'] })
    expect(server.issueComments.filter(c => c.body.includes(SUMMARY_MARKER))).toHaveLength(1)
  })

  it('marks its comments outdated when they no longer apply, and posts the new ones', async () => {
    const { server, client, logger } = await start([file])
    await reviewPullRequest(client, target, [fileReport()], options(logger))
    const first = server.reviewComments[0]!
    // New findings: the role used s3:DeleteObject after all.
    const changed = {
      ...appRole,
      services: [
        { service: 's3', actions: [{ action: 'PutObject' }] },
        ...appRole.services.slice(1)
      ]
    }
    const report = policyReport(headText, [changed])
    const at = headText.indexOf(',\n        "s3:PutObject"')
    const edits = [
      { start: at, end: at + ',\n        "s3:PutObject"'.length, text: '', statement: 0 },
      report.edits[1]!
    ]
    const run = await reviewPullRequest(
      client,
      target,
      [{ ...fileReport(), policies: [{ ...report, edits }] }],
      options(logger)
    )
    expect(run.outdated).toBe(1)
    expect(server.reviews).toHaveLength(2)
    expect(server.reviewComments).toHaveLength(2)
    const old = server.reviewComments.find(c => c.id === first.id)!
    expect(readMarker(old.body)).toEqual({
      fingerprint: readMarker(first.body)!.fingerprint,
      outdated: true
    })
    expect(old.body).toContain('~~This iam-refine comment no longer applies~~')
    expect(extractSuggestion(old.body)).toBeUndefined()
    // A third run leaves the outdated comment alone and posts nothing.
    const writes = server.requests.filter(r => r.method !== 'GET' && r.path !== '/graphql').length
    await reviewPullRequest(
      client,
      target,
      [{ ...fileReport(), policies: [{ ...report, edits }] }],
      options(logger)
    )
    expect(server.requests.filter(r => r.method !== 'GET' && r.path !== '/graphql').length).toBe(
      writes
    )
  })

  it('posts again a comment GitHub shows as outdated, and marks the old one', async () => {
    const { server, client, logger } = await start([file])
    await reviewPullRequest(client, target, [fileReport()], options(logger))
    server.markOutdated(server.reviewComments[0]!.id)
    const run = await reviewPullRequest(client, target, [fileReport()], options(logger))
    expect(run.delivered[0]!.delivery).toEqual({ kind: 'posted' })
    expect(run.outdated).toBe(1)
    expect(server.reviewComments).toHaveLength(2)
  })

  it('degrades to annotations and the job summary with a read-only token', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      ...fileReport(`iam/p${i}.json`),
      patch: newFilePatch(headText)
    }))
    const { server, client, logger } = await start(
      many.map(f => ({ filename: f.path, patch: f.patch, status: 'added' as const })),
      { readOnly: true }
    )
    const run = await reviewPullRequest(client, target, many, options(logger))
    expect(run.readOnly).toBe(true)
    expect(server.reviews).toHaveLength(0)
    expect(server.issueComments).toHaveLength(0)
    expect(run.delivered.every(d => d.delivery.kind === 'summary')).toBe(true)
    expect(run.summary).toContain('The token cannot write to this pull request')
    const warnings = logger.messages.filter(m => m.level === 'warning' && m.target)
    expect(warnings).toHaveLength(10)
    // The lambda statement removes 3 unused actions, the s3 one 2: the lambda ones rank first.
    expect(warnings[0]!.target).toMatchObject({ file: 'iam/p0.json', startLine: 13, endLine: 19 })
    const notice = logger.messages.find(m => m.level === 'notice')
    expect(notice?.message).toBe('6 more unused-permission findings are in the job summary.')
    // Every suggestion is in the summary with its text.
    expect(run.summary.match(/Replace lines/g)).toHaveLength(16)
  })

  it('keeps to max-comments, most important first, the rest in the summary', async () => {
    const many = Array.from({ length: 3 }, (_, i) => ({
      ...fileReport(`iam/p${i}.json`),
      patch: newFilePatch(headText)
    }))
    const { server, client, logger } = await start(
      many.map(f => ({ filename: f.path, patch: f.patch, status: 'added' as const }))
    )
    const run = await reviewPullRequest(client, target, many, options(logger, 2))
    expect(server.reviewComments).toHaveLength(2)
    // The lambda statement removes 3 unused actions, the s3 one 2: the lambda ones go first.
    expect(server.reviewComments.every(c => c.start_line === 13)).toBe(true)
    expect(run.delivered.filter(d => d.delivery.kind === 'summary')).toHaveLength(4)
    expect(run.summary).toContain('beyond `max-comments`')
    // The cap counts the comments already on the pull request.
    await reviewPullRequest(client, target, many, options(logger, 2))
    expect(server.reviewComments).toHaveLength(2)
  })
})

describe('publishReview when GitHub refuses comments', () => {
  /** Items over a new file of many lines, one per statement-like line. */
  function items(n: number): { items: ReviewItem[]; file: FileReport } {
    const report = fileReport('iam/app-role.json', { patch: newFilePatch(headText) })
    const built = buildReviewItems([report], sha256)
    const out: ReviewItem[] = []
    for (let i = 0; i < n; i++) {
      const base = built[i % built.length]!
      out.push({
        ...base,
        fingerprint: `${base.fingerprint.slice(0, 12)}${String(i).padStart(4, '0')}`
      })
    }
    return { items: out, file: report }
  }

  it('isolates the bad comments with few calls and posts the rest in one review', async () => {
    const { items: list } = items(40)
    // Two comments GitHub must refuse: a line past the file's only hunk, a file not in the PR.
    list[5] = { ...list[5]!, startLine: 30, endLine: 31 }
    list[33] = { ...list[33]!, path: 'iam/not-in-the-pr.json' }
    const { server, client, logger } = await start([
      { filename: 'iam/app-role.json', patch: newFilePatch(headText), status: 'added' }
    ])
    const outcome = await publishReview(client, target, list, options(logger, 100))
    const refused = outcome.delivered.filter(d => d.delivery.kind === 'summary')
    expect(refused.map(d => d.item)).toEqual([list[5], list[33]])
    expect(refused.every(d => d.delivery.kind === 'summary' && d.delivery.why === 'rejected')).toBe(
      true
    )
    // One visible review with the 38 others; the probes left no pending review behind.
    expect(server.reviews).toHaveLength(1)
    expect(server.reviews[0]!.state).toBe('COMMENTED')
    expect(server.reviewComments).toHaveLength(38)
    // Bisection: for k bad comments among n, about k·log2(n) probes of one or two calls each.
    const reviewCalls = server.count('POST', '/reviews') + server.count('DELETE', '/reviews/')
    expect(reviewCalls).toBeLessThanOrEqual(2 + 3 * 2 * Math.ceil(Math.log2(40)))
    expect(server.reviews.filter(r => r.state === 'PENDING')).toEqual([])
    expect(logger.messages.some(m => m.message.includes('GitHub refused 2 of 40'))).toBe(true)
  })

  it('stops isolating after its call budget and keeps the unverified ones for the summary', async () => {
    const { items: list } = items(16)
    for (const i of [0, 3, 6, 9, 12, 15]) list[i] = { ...list[i]!, path: 'elsewhere.json' }
    const { server, client, logger } = await start([
      { filename: 'iam/app-role.json', patch: newFilePatch(headText), status: 'added' }
    ])
    const outcome = await publishReview(client, target, list, {
      ...options(logger, 100),
      maxIsolationCalls: 4
    })
    const kinds = outcome.delivered.map(d =>
      d.delivery.kind === 'summary' ? d.delivery.why : d.delivery.kind
    )
    expect(kinds).toContain('not-verified')
    expect(
      server.count('POST', '/reviews') + server.count('DELETE', '/reviews/')
    ).toBeLessThanOrEqual(1 + 4 + 1)
    // Whatever was posted is valid, and nothing is lost: posted + summary = all.
    expect(server.reviewComments.every(c => c.path === 'iam/app-role.json')).toBe(true)
    expect(outcome.delivered).toHaveLength(16)
  })
})

describe('the loopback server', () => {
  it('refuses a whole review for one bad comment and stores nothing', async () => {
    const { server, client } = await start([
      { filename: 'a.json', patch: '@@ -1,2 +1,3 @@\n a\n+b\n c' }
    ])
    const post = (comments: object[], commit_id = HEAD) =>
      client.rest.pulls.createReview({
        ...pr,
        pull_number: 7,
        commit_id,
        event: 'COMMENT',
        body: 'x',
        comments: comments as never
      })
    await expect(
      post([
        { path: 'a.json', line: 2, body: 'ok' },
        { path: 'a.json', line: 4, body: 'bad' }
      ])
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] }
      }
    })
    await expect(
      post([{ path: 'a.json', start_line: 2, line: 2, body: 'x' }])
    ).rejects.toMatchObject({ status: 422 })
    await expect(
      post([{ path: 'a.json', line: 2, side: 'LEFT', body: 'x' }])
    ).rejects.toMatchObject({ status: 422 })
    await expect(post([{ path: 'b.json', line: 1, body: 'x' }])).rejects.toMatchObject({
      status: 422
    })
    await expect(post([{ path: 'a.json', line: 1, body: 'x' }], MERGE)).rejects.toMatchObject({
      status: 422
    })
    expect(server.reviews).toHaveLength(0)
    expect(server.reviewComments).toHaveLength(0)
    await post([{ path: 'a.json', start_line: 1, line: 3, body: 'ok' }])
    expect(server.reviewComments).toHaveLength(1)
    server.readOnly = true
    await expect(post([])).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'Resource not accessible by integration' } }
    })
  })
})
