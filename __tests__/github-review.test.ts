import { afterEach, describe, expect, it } from '@jest/globals'
import { getChangedFiles } from '../src/github/changed-files.js'
import { createGitHubClients, USER_AGENT } from '../src/github/client.js'
import { getFileContent } from '../src/github/file-content.js'
import { applySuggestions } from '../src/github/placement.js'
import { publishReview, reviewPullRequest, type ReviewTarget } from '../src/github/review.js'
import { summaryBody } from '../src/github/summary-comment.js'
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
/** The requests that change something: every one but GET and GraphQL queries. */
const writes = (s: GitHubServer) =>
  s.requests.filter(r => r.method !== 'GET' && r.path !== '/graphql')
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
  const clients = createGitHubClients('test-token', logger, server.url)
  return { server, clients, logger }
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
    const { server, clients } = await start(files)
    const all = await getChangedFiles(clients.read, pr)
    expect(all.listed).toBe(250)
    expect(all.files).toHaveLength(249)
    expect(all.capped).toBe(false)
    expect(server.count('GET', '/pulls/7/files')).toBe(3)
    expect(
      server.requests.every(r => r.query.per_page === undefined || r.query.per_page === '100')
    ).toBe(true)
    const iam = await getChangedFiles(clients.read, pr, ['iam/**'])
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
    const { server, clients } = await start(files)
    const result = await getChangedFiles(clients.read, pr)
    expect(result).toMatchObject({ listed: 3000, capped: true })
    expect(result.files[0]!.patch).toBeUndefined()
    expect(server.count('GET', '/pulls/7/files')).toBe(30)
  })

  it('turns a 404 into a message about the token’s permissions', async () => {
    const { clients } = await start([])
    await expect(getChangedFiles(clients.read, { ...pr, pullNumber: 99 })).rejects.toThrow(
      /pull-requests: read/
    )
  })
})

describe('getFileContent', () => {
  it('reads the head commit, byte for byte, not the merge commit', async () => {
    const crlf = '\uFEFF{\r\n  "Statement": []\r\n}'
    const { clients } = await start([], {
      contents: { [HEAD]: { 'iam/a b.json': crlf }, [MERGE]: { 'iam/a b.json': 'merged' } }
    })
    expect(await getFileContent(clients.read, pr, 'iam/a b.json', HEAD)).toEqual({
      kind: 'text',
      text: crlf
    })
    expect(await getFileContent(clients.read, pr, 'iam/a b.json', MERGE)).toEqual({
      kind: 'text',
      text: 'merged'
    })
  })

  it('skips binary and missing files with a reason', async () => {
    const { clients } = await start([], {
      contents: { [HEAD]: { 'bin.dat': new Uint8Array([0x7b, 0xff, 0xfe, 0x00]) } }
    })
    expect(await getFileContent(clients.read, pr, 'missing.json', HEAD)).toEqual({
      kind: 'skipped',
      reason: `not found at ${HEAD}`
    })
    expect(await getFileContent(clients.read, pr, 'bin.dat', HEAD)).toEqual({
      kind: 'skipped',
      reason: 'not UTF-8 text'
    })
  })

  it('falls back to the blob API when the contents API refuses a large file', async () => {
    const big = `{"Statement": []}${' '.repeat(2000)}`
    const { server, clients } = await start([], {
      contents: { [HEAD]: { 'big.json': big } },
      blobs: { abc123: big },
      contentsLimit: 1000
    })
    expect(await getFileContent(clients.read, pr, 'big.json', HEAD, 'abc123')).toEqual({
      kind: 'text',
      text: big
    })
    expect(server.count('GET', '/git/blobs/abc123')).toBe(1)
    expect(await getFileContent(clients.read, pr, 'big.json', HEAD)).toMatchObject({
      kind: 'skipped'
    })
  })
})

describe('reviewPullRequest', () => {
  const file: ServerFile = { filename: 'iam/app-role.json', patch }

  it('posts one review at the head commit, multi-line comments on the RIGHT side', async () => {
    const { server, clients, logger } = await start([file])
    const run = await reviewPullRequest(clients, target, [fileReport()], options(logger))
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
    // The review carries the summary: one write for both, no comment of its own.
    expect(server.reviews[0]!.body).toBe(summaryBody(run.summary))
    expect(server.issueComments).toHaveLength(0)
    expect(run).toMatchObject({ summaryComment: 'created', summaryPlace: 'review' })
    expect(writes(server)).toHaveLength(1)
  })

  it('posts suggestions that, accepted, give exactly the refinement', async () => {
    const everywhere = { ...fileReport(), patch: newFilePatch(headText) }
    const { server, clients, logger } = await start([
      { ...file, patch: everywhere.patch, status: 'added' }
    ])
    await reviewPullRequest(clients, target, [everywhere], {
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
    const { server, clients, logger } = await start([file])
    server.pulls[0] = { ...server.pulls[0]!, author: 'github-actions[bot]' }
    const run = await reviewPullRequest(clients, target, [fileReport()], {
      ...options(logger),
      event: 'REQUEST_CHANGES'
    })
    expect(server.reviews.map(r => r.state)).toEqual(['COMMENTED'])
    expect(run.delivered[0]!.delivery).toEqual({ kind: 'posted' })
    expect(server.count('POST', '/reviews')).toBe(2)
  })

  it('posts nothing new on a re-run and updates the summary in place', async () => {
    const { server, clients, logger } = await start([file])
    await reviewPullRequest(clients, target, [fileReport()], options(logger))
    const before = writes(server).length
    const again = await reviewPullRequest(clients, target, [fileReport()], options(logger))
    expect(server.reviews).toHaveLength(1)
    expect(server.reviewComments).toHaveLength(1)
    expect(again.delivered.map(d => d.delivery.kind)).toEqual(['existing', 'summary'])
    expect(again).toMatchObject({ summaryComment: 'unchanged', summaryPlace: 'review' })
    // The second run only reads: no write at all.
    expect(writes(server)).toHaveLength(before)
    // A change in what the summary says edits the review's body, the one place it is.
    const third = await reviewPullRequest(clients, target, [fileReport()], {
      ...options(logger),
      notes: ['iam/legacy.json: no principal maps to this policy']
    })
    expect(third).toMatchObject({ summaryComment: 'updated', summaryPlace: 'review' })
    expect(
      writes(server)
        .slice(before)
        .map(r => `${r.method} ${r.path}`)
    ).toEqual([`PUT /repos/acme/infra/pulls/7/reviews/${server.reviews[0]!.id}`])
    expect(server.reviews).toHaveLength(1)
    expect(server.reviews[0]!.body).toBe(summaryBody(third.summary))
    expect(server.reviews[0]!.body).toContain('no principal maps')
    expect(server.issueComments).toHaveLength(0)
  })

  it('finds its summary among other reviews on later pages, and nobody else’s', async () => {
    const { server, clients, logger } = await start([file])
    await reviewPullRequest(clients, target, [fileReport()], options(logger))
    for (let i = 0; i < 150; i++) server.addReview(7, { body: `review ${i}`, login: 'someone' })
    // A review by someone else that imitates our summary is text, not our summary.
    const forged = server.addReview(7, { body: `${SUMMARY_MARKER}\nAll clear.`, login: 'mallory' })
    const ours = server.reviews.shift()!
    server.reviews.push(ours)
    const run = await reviewPullRequest(clients, target, [fileReport()], {
      ...options(logger),
      notes: ['x']
    })
    expect(run).toMatchObject({ summaryComment: 'updated', summaryPlace: 'review' })
    expect(server.count('GET', '/pulls/7/reviews')).toBe(3) // two runs: 1 page, then 2
    expect(server.reviews.filter(r => r.body.includes(SUMMARY_MARKER))).toEqual([
      expect.objectContaining({ id: forged.id, body: `${SUMMARY_MARKER}\nAll clear.` }),
      expect.objectContaining({ id: ours.id, body: summaryBody(run.summary) })
    ])
    expect(server.count('PUT', `/reviews/${forged.id}`)).toBe(0)
    expect(server.issueComments).toHaveLength(0)
  })

  it('keeps a summary comment an earlier version wrote, and the review then has a body of its own', async () => {
    const { server, clients, logger } = await start([file])
    server.addIssueComment('acme', 'infra', 7, `${SUMMARY_MARKER}\nold text`, 'github-actions[bot]')
    for (let i = 0; i < 150; i++)
      server.addIssueComment('acme', 'infra', 7, `comment ${i}`, 'someone')
    const run = await reviewPullRequest(clients, target, [fileReport()], options(logger))
    expect(run).toMatchObject({ summaryComment: 'updated', summaryPlace: 'comment' })
    const summaries = server.issueComments.filter(c => c.body.includes(SUMMARY_MARKER))
    expect(summaries.map(c => c.body)).toEqual([summaryBody(run.summary)])
    expect(server.reviews).toHaveLength(1)
    expect(server.reviews[0]!.body).not.toContain(SUMMARY_MARKER)
    expect(server.reviews[0]!.body).toMatch(/^iam-refine suggests removing permissions/)
  })

  it('puts the summary in a comment when there is no review to post, and keeps it there', async () => {
    // The diff shows the first line only: nothing can go on it.
    const small = '@@ -1,1 +1,1 @@\n-{\n+{'
    const { server, clients, logger } = await start([{ ...file, patch: small }])
    const first = await reviewPullRequest(
      clients,
      target,
      [fileReport('iam/app-role.json', { patch: small })],
      options(logger)
    )
    expect(first.delivered.every(d => d.delivery.kind === 'summary')).toBe(true)
    expect(server.reviews).toHaveLength(0)
    expect(first).toMatchObject({ summaryComment: 'created', summaryPlace: 'comment' })
    expect(server.issueComments.map(c => c.body)).toEqual([summaryBody(first.summary)])
    // The diff grows to hold the other statement: the new review points to the comment, which is
    // updated in place.
    server.pulls[0]!.files = [file]
    const second = await reviewPullRequest(clients, target, [fileReport()], options(logger))
    expect(second).toMatchObject({ summaryComment: 'updated', summaryPlace: 'comment' })
    expect(server.reviews).toHaveLength(1)
    expect(server.reviews[0]!.body).not.toContain(SUMMARY_MARKER)
    expect(server.issueComments.map(c => c.body)).toEqual([summaryBody(second.summary)])
  })

  it('sends reads through the read client and writes through the write client', async () => {
    const { server, clients, logger } = await start([file])
    await reviewPullRequest(clients, target, [fileReport()], options(logger))
    server.markOutdated(server.reviewComments[0]!.id)
    await reviewPullRequest(clients, target, [fileReport()], {
      ...options(logger),
      notes: ['changed']
    })
    const agent = (r: { headers: Record<string, string | undefined> }) =>
      (r.headers['user-agent'] ?? '').split(' ')[0]
    const reads = server.requests.filter(r => r.method === 'GET' || r.path === '/graphql')
    const written = writes(server)
    expect(reads.length).toBeGreaterThanOrEqual(6)
    expect(written.map(r => r.method).sort()).toEqual(['PATCH', 'POST', 'POST', 'PUT'])
    expect(new Set(reads.map(agent))).toEqual(new Set([USER_AGENT.read]))
    expect(new Set(written.map(agent))).toEqual(new Set([USER_AGENT.write]))
  })

  it('marks its comments outdated when they no longer apply, and posts the new ones', async () => {
    const { server, clients, logger } = await start([file])
    await reviewPullRequest(clients, target, [fileReport()], options(logger))
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
      clients,
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
      clients,
      target,
      [{ ...fileReport(), policies: [{ ...report, edits }] }],
      options(logger)
    )
    expect(server.requests.filter(r => r.method !== 'GET' && r.path !== '/graphql').length).toBe(
      writes
    )
  })

  it('posts again a comment GitHub shows as outdated, and marks the old one', async () => {
    const { server, clients, logger } = await start([file])
    await reviewPullRequest(clients, target, [fileReport()], options(logger))
    server.markOutdated(server.reviewComments[0]!.id)
    const run = await reviewPullRequest(clients, target, [fileReport()], options(logger))
    expect(run.delivered[0]!.delivery).toEqual({ kind: 'posted' })
    expect(run.outdated).toBe(1)
    expect(server.reviewComments).toHaveLength(2)
  })

  it('degrades to annotations and the job summary with a read-only token', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      ...fileReport(`iam/p${i}.json`),
      patch: newFilePatch(headText)
    }))
    const { server, clients, logger } = await start(
      many.map(f => ({ filename: f.path, patch: f.patch, status: 'added' as const })),
      { readOnly: true }
    )
    const run = await reviewPullRequest(clients, target, many, options(logger))
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
    const { server, clients, logger } = await start(
      many.map(f => ({ filename: f.path, patch: f.patch, status: 'added' as const }))
    )
    const run = await reviewPullRequest(clients, target, many, options(logger, 2))
    expect(server.reviewComments).toHaveLength(2)
    // The lambda statement removes 3 unused actions, the s3 one 2: the lambda ones go first.
    expect(server.reviewComments.every(c => c.start_line === 13)).toBe(true)
    expect(run.delivered.filter(d => d.delivery.kind === 'summary')).toHaveLength(4)
    expect(run.summary).toContain('beyond `max-comments`')
    // The cap counts the comments already on the pull request.
    await reviewPullRequest(clients, target, many, options(logger, 2))
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
    const { server, clients, logger } = await start([
      { filename: 'iam/app-role.json', patch: newFilePatch(headText), status: 'added' }
    ])
    const outcome = await publishReview(clients, target, list, options(logger, 100))
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

  it('carries in the review the summary of what GitHub took and what it refused', async () => {
    // We place both suggestions on the new file's lines; GitHub's diff has the lambda one
    // across two hunks, so it refuses that comment.
    const { server, clients, logger } = await start([{ filename: 'iam/app-role.json', patch }])
    const report = fileReport('iam/app-role.json', { patch: newFilePatch(headText) })
    const run = await reviewPullRequest(clients, target, [report], options(logger))
    expect(
      run.delivered.map(d => (d.delivery.kind === 'summary' ? d.delivery.why : d.delivery.kind))
    ).toEqual(['posted', 'rejected'])
    const visible = server.reviews.filter(r => r.state !== 'PENDING')
    expect(visible).toHaveLength(1)
    expect(visible[0]!.body).toBe(summaryBody(run.summary))
    expect(run.summary).toContain('GitHub refused the comment')
    expect(server.issueComments).toHaveLength(0)
    // The first try (both comments, the summary saying so) refused; a probe without a body;
    // then the review with the one comment GitHub takes and the summary saying which it refused.
    const posts = server.requests
      .filter(r => r.method === 'POST' && r.path.endsWith('/reviews'))
      .map(r => (r.body as { body?: string }).body)
    expect(posts).toHaveLength(3)
    expect(posts[0]).toContain(SUMMARY_MARKER)
    expect(posts[0]).not.toContain('GitHub refused the comment')
    expect(posts[1]).toBeUndefined()
    expect(posts[2]).toBe(summaryBody(run.summary))
  })

  it('stops isolating after its call budget and keeps the unverified ones for the summary', async () => {
    const { items: list } = items(16)
    for (const i of [0, 3, 6, 9, 12, 15]) list[i] = { ...list[i]!, path: 'elsewhere.json' }
    const { server, clients, logger } = await start([
      { filename: 'iam/app-role.json', patch: newFilePatch(headText), status: 'added' }
    ])
    const outcome = await publishReview(clients, target, list, {
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
    const { server, clients } = await start([
      { filename: 'a.json', patch: '@@ -1,2 +1,3 @@\n a\n+b\n c' }
    ])
    const post = (comments: object[], commit_id = HEAD) =>
      clients.write.rest.pulls.createReview({
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
