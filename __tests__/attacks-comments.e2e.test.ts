/**
 * Hostile pull requests against what the bot says (issue 9, attacks 2, 3 and 5), replayed through
 * `dist/index.js` and the strict loopback GitHub server. Each test keeps an honest control in the
 * same run, so that "post nothing" cannot pass.
 */
import { describe, expect, it } from '@jest/globals'
import { applySuggestions } from '../src/github/placement.js'
import { extractSuggestion } from '../src/report/fence.js'
import { readMarker, SUMMARY_MARKER } from '../src/report/fingerprint.js'
import { newFilePatch } from './fixtures/github/reports.js'
import { addedFilesPullRequests } from './helpers/pull-request-run.js'
import { markdownTokens, readerSees } from './helpers/reader.js'

const HEAD = 'd'.repeat(40)
const BOT = 'github-actions[bot]'
const ROLE = 'arn:aws:iam::123456789012:role/AppRole'

const catalog = { s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'DeleteObject'] }
const findings = {
  findings: [
    {
      id: '6a1f7b2e-0000-4000-8000-000000000001',
      resource: ROLE,
      status: 'ACTIVE',
      findingType: 'UnusedPermission',
      analyzedAt: '2026-11-01T00:00:00Z',
      findingDetails: [
        {
          unusedPermissionDetails: {
            serviceNamespace: 's3',
            actions: [{ action: 'PutObject' }, { action: 'DeleteObject' }]
          }
        }
      ]
    }
  ]
}

function policy(sid: string): string {
  return `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: sid,
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
          Resource: '*'
        }
      ]
    },
    null,
    2
  )}\n`
}

/** A sandbox whose workspace holds the findings and the catalog, and a server with the PR. */
const setUp = addedFilesPullRequests({
  number: 7,
  headSha: HEAD,
  workspace: {
    'findings/findings.json': JSON.stringify(findings),
    'catalog.json': JSON.stringify(catalog)
  }
})

const inputs = { findings: 'findings/*.json', catalog: 'catalog.json' }

/** What a reader sees of a comment: exactly one suggestion, no link, image, HTML but the marker. */
function expectCleanComment(body: string): void {
  const all = markdownTokens(body)
  expect(all.filter(t => t.type === 'fence' && t.info.startsWith('suggestion'))).toHaveLength(1)
  expect(all.filter(t => t.type === 'link_open' || t.type === 'image')).toEqual([])
  const html = all.filter(t => t.type === 'html_inline' || t.type === 'html_block')
  expect(html.map(t => t.content.trim())).toEqual([
    '<sub>',
    '</sub>',
    expect.stringMatching(/^<!-- iam-refine:fp=[0-9a-f]{16} -->$/)
  ])
  // Outside code spans (where GitHub links nothing), no mention and no issue reference.
  const prose = all
    .filter(t => t.type === 'text')
    .map(t => t.content)
    .join(' ')
  expect(prose).not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/)
  expect(prose).not.toMatch(/#\d/)
}

describe('what a pull request writes cannot shape what the bot says', () => {
  it('a Sid that holds its own suggestion block and an opened HTML comment posts only the real suggestion', async () => {
    const forged = '```suggestion\n"s3:*", "iam:PassRole"\n```\n<!--'
    const files = {
      'iam/AppRole/forged.json': policy(forged),
      'iam/AppRole/honest.json': policy('Objects')
    }
    const { box, server } = await setUp(files)
    const run = await box.run(server.url, inputs)
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(run.code).toBe(1) // unused permissions remain
    for (const path of Object.keys(files)) {
      const comments = server.reviewComments.filter(c => c.path === path)
      expect(comments).toHaveLength(1)
      const body = comments[0]!.body
      expectCleanComment(body)
      // The one suggestion GitHub would apply is exactly the refinement.
      const applied = applySuggestions(files[path as keyof typeof files], server.suggestions(path))
      expect(JSON.parse(applied).Statement[0].Action).toEqual(['s3:GetObject'])
      expect(extractSuggestion(body)).not.toContain('iam:PassRole')
    }
    const forgedBody = server.reviewComments.find(c => c.path === 'iam/AppRole/forged.json')!.body
    // The reader sees the Sid as text, its line breaks shown.
    expect(readerSees(forgedBody)).toContain('```suggestion⏎"s3:*", "iam:PassRole"⏎```⏎<!--')
  }, 60_000)

  it('a file name cannot inject a link, an image or a mention', async () => {
    const evil =
      'iam/AppRole/@octocat ![p](https://evil.example/p.png) [x](https://evil.example) <b>x</b>.json'
    const files = { [evil]: policy('Objects'), 'iam/AppRole/plain.json': policy('Objects') }
    const { box, server } = await setUp(files)
    const run = await box.run(server.url, inputs)
    expect(run.code).toBe(1)
    expect(server.reviewComments.map(c => c.path).sort()).toEqual(Object.keys(files).sort())
    for (const c of server.reviewComments) expectCleanComment(c.body)
    // the summary is the review's body
    const summary = server.reviews.find(r => r.body.includes(SUMMARY_MARKER))!.body
    for (const body of [summary, run.summary]) {
      const all = markdownTokens(body)
      expect(all.filter(t => t.type === 'link_open' || t.type === 'image')).toEqual([])
      expect(all.filter(t => t.type.startsWith('html')).map(t => t.content.trim())).toEqual(
        body === summary ? [SUMMARY_MARKER] : []
      )
      expect(readerSees(body)).toContain('@octocat ![p](https://evil.example/p.png)')
    }
  }, 60_000)
})

describe('only the bot’s own comments are its own', () => {
  it('a marker in someone else’s comment is text: never edited, never counted, never the summary', async () => {
    const files = { 'iam/AppRole/policy.json': policy('Objects') }
    // The control run learns the fingerprint the real suggestion carries (it is computable).
    let setup = await setUp(files)
    await setup.box.run(setup.server.url, inputs)
    const fp = readMarker(setup.server.reviewComments[0]!.body)!.fingerprint
    await setup.server.close()
    setup.box.remove()

    setup = await setUp(files)
    const { box, server } = setup
    const line = 7
    const preposted = server.addReviewComment(7, {
      path: 'iam/AppRole/policy.json',
      line,
      body: `Looks fine to me.\n<!-- iam-refine:fp=${fp} -->`,
      login: 'mallory'
    })
    const maintainer = server.addReviewComment(7, {
      path: 'iam/AppRole/policy.json',
      line,
      body: 'Please keep PutObject for now.\n<!-- iam-refine:fp=0123456789abcdef -->',
      login: 'maintainer'
    })
    server.addIssueComment('acme', 'infra', 7, `${SUMMARY_MARKER}\nAll clear, merge it.`, 'mallory')
    const forgedReview = server.addReview(7, {
      body: `${SUMMARY_MARKER}\nReviewed: all clear.`,
      login: 'mallory'
    })
    const before = server.reviewComments.map(c => ({ id: c.id, body: c.body }))

    const run = await box.run(server.url, inputs)
    expect(run.code).toBe(1)
    // The real suggestion is posted despite the pre-posted "duplicate".
    const ours = server.reviewComments.filter(c => c.user.login === BOT)
    expect(ours).toHaveLength(1)
    expect(readMarker(ours[0]!.body)?.fingerprint).toBe(fp)
    // Nobody else's comment was edited: not the maintainer's (no strike-through), not mallory's.
    for (const c of before) {
      expect(server.reviewComments.find(x => x.id === c.id)!.body).toBe(c.body)
    }
    expect(server.count('PATCH', `/pulls/comments/${maintainer.id}`)).toBe(0)
    expect(server.count('PATCH', `/pulls/comments/${preposted.id}`)).toBe(0)
    // The foreign summary markers (a comment, a review) are not our summary: ours is created in
    // our review, theirs untouched, and the run did not turn read-only.
    const summaries = server.issueComments.filter(c => c.body.includes(SUMMARY_MARKER))
    expect(summaries.map(c => c.user.login)).toEqual(['mallory'])
    expect(summaries[0]!.body).toContain('All clear')
    const reviews = server.reviews.filter(r => r.body.includes(SUMMARY_MARKER))
    expect(reviews.map(r => r.user.login).sort()).toEqual([BOT, 'mallory'])
    expect(server.reviews.find(r => r.id === forgedReview.id)!.body).toContain(
      'Reviewed: all clear'
    )
    expect(server.count('PUT', `/reviews/${forgedReview.id}`)).toBe(0)
    expect(run.stdout).not.toMatch(/cannot write to this pull request/)
  }, 60_000)

  it('a 403 on one of its comments skips it and still marks the others outdated', async () => {
    const files = {
      'iam/AppRole/a.json': policy('A'),
      'iam/AppRole/b.json': policy('B')
    }
    const { box, server } = await setUp(files)
    await box.run(server.url, inputs)
    expect(server.reviewComments).toHaveLength(2)
    const [first, second] = server.reviewComments
    server.lockComment(first!.id)
    // The policies change: both comments no longer apply.
    const changed = {
      'iam/AppRole/a.json': policy('A2').replace('"s3:DeleteObject"', '"s3:GetObjectAcl"'),
      'iam/AppRole/b.json': policy('B2').replace('"s3:DeleteObject"', '"s3:GetObjectAcl"')
    }
    Object.assign(server.contents[HEAD]!, changed)
    server.pulls[0]!.files = server.pulls[0]!.files.map(f => ({
      ...f,
      patch: newFilePatch(changed[f.filename as keyof typeof changed])
    }))
    const run = await box.run(server.url, inputs)
    expect(run.stdout).toMatch(/refused \(403\) to edit 1 earlier review comment/)
    expect(server.reviewComments.find(c => c.id === first!.id)!.body).toBe(first!.body)
    const marked = server.reviewComments.find(c => c.id === second!.id)!
    expect(readMarker(marked.body)).toMatchObject({ outdated: true })
    expect(extractSuggestion(marked.body)).toBeUndefined() // no stale suggestion one click away
  }, 60_000)
})

describe('finding fields cannot write workflow commands or Markdown', () => {
  it('refuses a findings file whose fields carry workflow commands, with a clear message', async () => {
    const files = { 'iam/AppRole/policy.json': policy('Objects') }
    const { box, server } = await setUp(files)
    const hostile = structuredClone(findings)
    hostile.findings[0]!.id = 'x\n::add-mask::hunter2\n::stop-commands::pwned'
    box.write('findings/findings.json', JSON.stringify(hostile))
    const run = await box.run(server.url, inputs)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/findings\.json: findings\[0\]\.id: must be a finding id/)
    for (const line of run.stdout.split('\n')) {
      expect(line).not.toMatch(/^\s*::(add-mask|stop-commands)::/)
    }
    expect(server.reviewComments).toEqual([])
  }, 60_000)

  it('logs a hostile file name on one line that starts no command', async () => {
    const name = 'iam/AppRole/x\n::add-mask::hunter2\n::error::forged.json'
    const files = { [name]: '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject",' }
    const { box, server } = await setUp(files)
    const run = await box.run(server.url, inputs)
    expect(run.code).toBe(1) // the malformed policy file is not checked
    expect(run.stdout).toContain('not checked: iam/AppRole/x ⏎ ')
    for (const line of run.stdout.split('\n')) {
      expect(line).not.toMatch(/^\s*::(add-mask|error::forged)/)
    }
  }, 60_000)
})
