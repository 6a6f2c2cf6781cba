/**
 * The sweep's writes through the real Octokit against the strict loopback GitHub server: Git's
 * object ids computed here agree with Git's own; one branch with one verified commit on the
 * default branch's head; one pull request kept current, left alone when a person pushed, closed
 * when nothing is left; a re-run that writes nothing; refusals that end in a sentence.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGitHubClients } from '../src/github/client.js'
import { blobId, replaceBlobs, textBlobId, treeId, type TreeEntry } from '../src/github/git-hash.js'
import { getTree } from '../src/github/git-trees.js'
import {
  MAX_TREE_REQUEST_BYTES,
  publishSweep,
  type SweepChange,
  type SweepRequest
} from '../src/github/sweep.js'
import { recordingLogger } from '../src/logger.js'
import {
  isSweepCommit,
  LEFT_ALONE_MARKER,
  renderClosingComment,
  renderCommitMessage,
  renderLeftAloneComment,
  renderSweepBody,
  SWEEP_MARKER
} from '../src/report/sweep-body.js'
import { startGitHubServer, type GitHubServer } from './servers/github.js'
import { useFastClock } from './helpers/fast-clock.js'

const repo = { owner: 'acme', repo: 'infra' }
const BRANCH = 'iam-refine/least-privilege'
const FILES: Record<string, string> = {
  'README.md': '# infra\n',
  'policies/AppRole.json':
    '{\n  "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}]\n}\n',
  'policies/deep/er/WorkerRole.json':
    '{"Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}',
  'cfn/app.yaml': 'Resources: {}\n'
}
const FIXED: Record<string, string> = {
  'policies/AppRole.json':
    '{\n  "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]\n}\n',
  'policies/deep/er/WorkerRole.json':
    '{"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}'
}

let server: GitHubServer | undefined
useFastClock()
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(options: Parameters<typeof startGitHubServer>[0] = {}) {
  server = await startGitHubServer(options)
  const base = server.git.seed('acme', 'infra', FILES)!
  const logger = recordingLogger()
  const clients = createGitHubClients('test-token', logger, server.url)
  // `client` speaks to the server's routes directly, reads and writes alike
  return { server, clients, client: clients.write, logger, base }
}

function changesOf(
  fixed: Record<string, string>,
  original: Record<string, string> = FILES
): SweepChange[] {
  return Object.entries(fixed).map(([path, text]) => ({
    path,
    original: original[path]!,
    fixed: text
  }))
}

/** The sweep request with the real texts (no findings: the bodies speak of the changes only). */
function request(
  changes: SweepChange[],
  logger = recordingLogger(),
  extra: Partial<SweepRequest> = {}
): SweepRequest {
  const input = { files: [], findings: new Map() }
  return {
    repository: repo,
    branch: BRANCH,
    title: 'iam-refine: remove unused IAM permissions',
    labels: ['security', 'iam-refine'],
    forcePush: false,
    changes,
    texts: {
      commitMessage: tree => renderCommitMessage(input, tree),
      // The real body, and a line per change so that another change gives another body.
      body: (commit, stale) =>
        renderSweepBody({
          ...input,
          stale,
          ...(commit ? { linkBase: `https://github.com/acme/infra/blob/${commit}` } : {})
        }) + changes.map(c => `${c.path} ${c.fixed.length} at ${commit ?? 'no commit'}\n`).join(''),
      closing: () => renderClosingComment({ ...input, branch: BRANCH }),
      leftAlone: commit =>
        renderLeftAloneComment({ branch: BRANCH, commit: commit.sha, author: commit.author.name }),
      leftAloneMarker: LEFT_ALONE_MARKER
    },
    isOurCommit: isSweepCommit,
    login: async () => 'github-actions[bot]',
    logger,
    ...extra
  }
}

/** Requests that change something on the server. */
function writes(s: GitHubServer, from = 0): string[] {
  return s.requests
    .slice(from)
    .filter(r => r.method !== 'GET')
    .map(r => `${r.method} ${r.path}`)
}

describe("Git's object ids, computed here", () => {
  it('equal what git itself computes for blobs and for trees (files, executables, folders, odd names)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-refine-git-'))
    try {
      execFileSync('git', ['init', '-q', dir])
      const git = (...args: string[]): string =>
        execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim()
      const texts = ['', 'a\n', 'ünïcode ✓\r\n', '\ufeff{"BOM": true}']
      for (const t of texts) {
        writeFileSync(join(dir, 'f'), t)
        expect(textBlobId(t)).toBe(git('hash-object', 'f'))
      }
      const bytes = Buffer.from([0, 255, 10, 13])
      writeFileSync(join(dir, 'b'), bytes)
      expect(blobId(bytes)).toBe(git('hash-object', 'b'))
      const sub: TreeEntry[] = [
        { path: 'x.json', mode: '100644', type: 'blob', sha: textBlobId('a\n') }
      ]
      const subTree = execFileSync('git', ['-C', dir, 'mktree', '--missing'], {
        input: `100644 blob ${textBlobId('a\n')}\tx.json\n`,
        encoding: 'utf8'
      }).trim()
      expect(treeId(sub)).toBe(subTree)
      // Git sorts a folder `a` after the file `a.json` ("a/" > "a."), and a file `a-` before both.
      const entries: TreeEntry[] = [
        { path: 'a', mode: '040000', type: 'tree', sha: subTree },
        { path: 'a.json', mode: '100644', type: 'blob', sha: textBlobId('') },
        { path: 'a-', mode: '100755', type: 'blob', sha: textBlobId('a\n') },
        {
          path: 'name with spaces & ünï',
          mode: '100644',
          type: 'blob',
          sha: textBlobId('ünïcode ✓\r\n')
        }
      ]
      const listing = entries.map(e => `${e.mode} ${e.type} ${e.sha}\t${e.path}`).join('\n')
      expect(treeId([...entries].reverse())).toBe(
        execFileSync('git', ['-C', dir, 'mktree', '--missing'], {
          input: `${listing}\n`,
          encoding: 'utf8'
        }).trim()
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('replaceBlobs gives the tree GitHub makes from base_tree and the new blobs, reading only the folders on the paths', async () => {
    const { server: s, client, clients, base } = await start()
    const commit = s.git.commit(base)
    const changes = Object.entries(FIXED).map(([path, text]) => ({ path, sha: textBlobId(text) }))
    let reads = 0
    const local = await replaceBlobs(commit.tree, changes, async sha => {
      reads++
      return getTree(clients.read, repo, sha)
    })
    // root, policies/, policies/deep/, policies/deep/er/: cfn/ is never read.
    expect(reads).toBe(4)
    expect(local.base.map(b => b.entry?.sha)).toEqual(
      Object.keys(FIXED).map(p => textBlobId(FILES[p]!))
    )
    for (const text of Object.values(FIXED)) {
      await client.rest.git.createBlob({ ...repo, content: text, encoding: 'utf-8' })
    }
    const made = await client.rest.git.createTree({
      ...repo,
      base_tree: commit.tree,
      tree: changes.map(c => ({
        path: c.path,
        mode: '100644' as const,
        type: 'blob' as const,
        sha: c.sha
      }))
    })
    // The server hashes on its own, as GitHub does.
    expect(made.status).toBe(201)
    expect(local.tree).toBe(made.data.sha)
  })
})

describe('the loopback server is as strict as GitHub', () => {
  it('refs: exact reads, 409 in an empty repository, 422 for an existing ref and for a non-fast-forward update', async () => {
    const { server: s, client, base } = await start()
    await expect(client.rest.git.getRef({ ...repo, ref: 'heads/mai' })).rejects.toMatchObject({
      status: 404
    })
    s.git.seed('acme', 'empty', undefined)
    await expect(
      client.rest.git.getRef({ owner: 'acme', repo: 'empty', ref: 'heads/main' })
    ).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/Git Repository is empty/)
    })
    await expect(
      client.rest.git.createRef({ ...repo, ref: 'refs/heads/main', sha: base })
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/Reference already exists/)
    })
    const other = s.git.push('acme', 'infra', 'side', { 'x.txt': 'x' })
    await expect(
      client.rest.git.updateRef({ ...repo, ref: 'heads/side', sha: base })
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/Update is not a fast forward/)
    })
    await client.rest.git.updateRef({ ...repo, ref: 'heads/side', sha: base, force: true })
    expect(s.git.branch('acme', 'infra', 'side')).toBe(base)
    expect(other).not.toBe(base)
    expect((await client.rest.git.deleteRef({ ...repo, ref: 'heads/side' })).status).toBe(204)
    await expect(client.rest.git.deleteRef({ ...repo, ref: 'heads/side' })).rejects.toMatchObject({
      status: 422
    })
  })

  it("blobs in utf-8 and base64; trees with sha and content never both, deletion by sha null; commits signed only in the token's name", async () => {
    const { server: s, client, base } = await start()
    const utf8 = await client.rest.git.createBlob({ ...repo, content: 'ünï\n', encoding: 'utf-8' })
    const b64 = await client.rest.git.createBlob({
      ...repo,
      content: Buffer.from('ünï\n').toString('base64'),
      encoding: 'base64'
    })
    expect(utf8.data.sha).toBe(textBlobId('ünï\n'))
    expect(b64.data.sha).toBe(utf8.data.sha)
    await expect(
      client.rest.git.createBlob({ ...repo, content: 'x', encoding: 'latin1' })
    ).rejects.toMatchObject({ status: 422 })
    const tree = s.git.commit(base).tree
    await expect(
      client.rest.git.createTree({
        ...repo,
        base_tree: tree,
        tree: [{ path: 'a', mode: '100644', type: 'blob', sha: utf8.data.sha, content: 'x' }]
      })
    ).rejects.toMatchObject({ status: 422 })
    const removed = await client.rest.git.createTree({
      ...repo,
      base_tree: tree,
      tree: [{ path: 'cfn/app.yaml', mode: '100644', type: 'blob', sha: null }]
    })
    expect(removed.data.tree.map(e => e.path)).not.toContain('cfn')
    await expect(
      client.rest.git.createTree({
        ...repo,
        base_tree: tree,
        tree: [{ path: 'nope.json', mode: '100644', type: 'blob', sha: null }]
      })
    ).rejects.toMatchObject({ status: 422 })
    const ours = await client.rest.git.createCommit({
      ...repo,
      message: 'm',
      tree,
      parents: [base]
    })
    expect(ours.data.verification).toMatchObject({ verified: true, reason: 'valid' })
    expect(ours.data.committer).toMatchObject({ name: 'GitHub', email: 'noreply@github.com' })
    const theirs = await client.rest.git.createCommit({
      ...repo,
      message: 'm',
      tree,
      parents: [base],
      author: { name: 'Mallory', email: 'm@example.com' }
    })
    expect(theirs.data.verification).toMatchObject({ verified: false, reason: 'unsigned' })
  })

  it('pull requests: one open per head, none without commits, a body within 65,536 characters, listed by owner:branch', async () => {
    const { server: s, client } = await start()
    await expect(
      client.rest.pulls.create({ ...repo, title: 't', head: 'nope', base: 'main' })
    ).rejects.toMatchObject({ status: 422 })
    s.git.push('acme', 'infra', 'same', {})
    s.git
      .mustRepository('acme', 'infra')
      .refs.set('refs/heads/same', s.git.branch('acme', 'infra', 'main')!)
    await expect(
      client.rest.pulls.create({ ...repo, title: 't', head: 'same', base: 'main' })
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/No commits between main and same/)
    })
    s.git.push('acme', 'infra', 'feature', { 'x.txt': 'x' })
    await expect(
      client.rest.pulls.create({
        ...repo,
        title: 't',
        head: 'feature',
        base: 'main',
        body: 'x'.repeat(65_537)
      })
    ).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/body is too long/) })
    const pr = await client.rest.pulls.create({
      ...repo,
      title: 't',
      head: 'feature',
      base: 'main',
      body: 'b'
    })
    await expect(
      client.rest.pulls.create({ ...repo, title: 't', head: 'feature', base: 'main' })
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/A pull request already exists for acme:feature/)
    })
    const listed = await client.rest.pulls.list({ ...repo, head: 'acme:feature', state: 'all' })
    expect(listed.data.map(p => p.number)).toEqual([pr.data.number])
    expect((await client.rest.pulls.list({ ...repo, head: 'acme:other' })).data).toEqual([])
  })
})

describe('publishSweep', () => {
  it("opens one pull request from one verified commit on the default branch's head; a re-run writes nothing", async () => {
    const { server: s, clients, base } = await start()
    const first = await publishSweep(clients, request(changesOf(FIXED)))
    expect(first).toMatchObject({
      operation: 'created',
      defaultBranch: 'main',
      stale: [],
      notes: []
    })
    expect(first.refused).toBeUndefined()
    const head = s.git.branch('acme', 'infra', BRANCH)!
    expect(first.commit).toBe(head)
    const commit = s.git.commit(head)
    expect(commit.parents).toEqual([base])
    expect(commit.verified).toBe(true)
    expect(isSweepCommit(commit)).toBe(true)
    const files = s.git.files('acme', 'infra', BRANCH)
    expect(Object.fromEntries([...files].map(([p, b]) => [p, b.toString('utf8')]))).toEqual({
      ...FILES,
      ...FIXED
    })
    const pull = s.git.pulls[0]!
    expect(pull).toMatchObject({
      number: first.pullRequest!.number,
      headRef: BRANCH,
      baseRef: 'main',
      state: 'open'
    })
    expect(pull.labels).toEqual(['security', 'iam-refine'])
    expect(pull.body).toContain(SWEEP_MARKER)

    const before = s.requests.length
    const again = await publishSweep(clients, request(changesOf(FIXED)))
    expect(again).toMatchObject({
      operation: 'unchanged',
      commit: head,
      pullRequest: first.pullRequest
    })
    expect(writes(s, before)).toEqual([])
    expect(s.git.branch('acme', 'infra', BRANCH)).toBe(head)
  })

  it('updates the same pull request when the change differs, and rebuilds on the default branch when it moved', async () => {
    const { server: s, clients } = await start()
    const first = await publishSweep(clients, request(changesOf(FIXED)))
    const only = { 'policies/AppRole.json': FIXED['policies/AppRole.json']! }
    const second = await publishSweep(clients, request(changesOf(only)))
    expect(second).toMatchObject({ operation: 'updated', pullRequest: first.pullRequest })
    expect(second.commit).not.toBe(first.commit)
    expect(s.git.pulls).toHaveLength(1)
    expect(
      s.git.files('acme', 'infra', BRANCH).get('policies/deep/er/WorkerRole.json')!.toString()
    ).toBe(FILES['policies/deep/er/WorkerRole.json'])
    expect(s.git.pulls[0]!.body).toContain(
      `policies/AppRole.json ${only['policies/AppRole.json'].length}`
    )

    const moved = s.git.push('acme', 'infra', 'main', { 'README.md': '# infra, moved\n' })
    const third = await publishSweep(clients, request(changesOf(only)))
    expect(third.operation).toBe('updated')
    const commit = s.git.commit(s.git.branch('acme', 'infra', BRANCH)!)
    expect(commit.parents).toEqual([moved])
    expect(s.git.files('acme', 'infra', BRANCH).get('README.md')!.toString()).toBe(
      '# infra, moved\n'
    )
    expect(s.git.pulls[0]!.body).toContain(`policies/AppRole.json 86 at ${third.commit}`)
  })

  it('closes the pull request with a comment and deletes the branch when nothing is left', async () => {
    const { server: s, clients } = await start()
    const first = await publishSweep(clients, request(changesOf(FIXED)))
    const done = await publishSweep(clients, request([]))
    expect(done).toMatchObject({ operation: 'closed', pullRequest: first.pullRequest })
    expect(s.git.pulls[0]!.state).toBe('closed')
    expect(s.git.branch('acme', 'infra', BRANCH)).toBeUndefined()
    const comments = s.issueComments.filter(c => c.issue_number === first.pullRequest!.number)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toMatch(
      /^<!-- iam-refine:sweep-closed -->\nNothing is left to change/
    )
    // And then there is nothing to do.
    const before = s.requests.length
    expect((await publishSweep(clients, request([]))).operation).toBe('none')
    expect(writes(s, before)).toEqual([])
  })

  it("never force-pushes over someone else's commit: says so once, leaves the pull request alone; sweep-force-push rebuilds", async () => {
    const { server: s, clients, logger } = await start()
    const first = await publishSweep(clients, request(changesOf(FIXED)))
    const theirs = s.git.push(
      'acme',
      'infra',
      BRANCH,
      { 'policies/AppRole.json': '{"Statement": []}\n' },
      'Keep PutObject for the nightly job'
    )
    for (const changes of [changesOf(FIXED), [], changesOf({ 'policies/AppRole.json': '{}' })]) {
      const run = await publishSweep(clients, request(changes, logger))
      expect(run.operation).toBe('unchanged')
      expect(run.notes.join(' ')).toMatch(/someone else pushed to iam-refine\/least-privilege/)
      expect(s.git.branch('acme', 'infra', BRANCH)).toBe(theirs)
      expect(s.git.pulls[0]!.state).toBe('open')
    }
    const said = s.issueComments.filter(c => c.body.includes(LEFT_ALONE_MARKER))
    expect(said).toHaveLength(1)
    expect(said[0]!.body).toMatch(
      /Someone else pushed to `iam-refine\/least-privilege` \(commit `[0-9a-f]{7}` by Dana Developer\)/
    )
    // A marker in someone else's comment does not count as ours: it is not taken for the notice.
    expect(
      logger.messages.some(m => m.level === 'warning' && /someone else pushed/.test(m.message))
    ).toBe(true)

    const forced = await publishSweep(
      clients,
      request(changesOf(FIXED), logger, { forcePush: true })
    )
    expect(forced).toMatchObject({ operation: 'updated', pullRequest: first.pullRequest })
    expect(isSweepCommit(s.git.commit(s.git.branch('acme', 'infra', BRANCH)!))).toBe(true)
  })

  it("counts only its own comment as the notice: a marker in a person's comment is not ours", async () => {
    const { server: s, clients } = await start()
    const first = await publishSweep(clients, request(changesOf(FIXED)))
    s.addIssueComment(
      'acme',
      'infra',
      first.pullRequest!.number,
      `fake ${LEFT_ALONE_MARKER}`,
      'mallory'
    )
    s.git.push('acme', 'infra', BRANCH, { 'README.md': 'x' })
    await publishSweep(clients, request(changesOf(FIXED)))
    expect(
      s.issueComments.filter(c => c.body.includes(LEFT_ALONE_MARKER) && c.user.login !== 'mallory')
    ).toHaveLength(1)
  })

  it('keeps the branch of a pull request a person opened current, and leaves its text alone', async () => {
    const { server: s, clients } = await start()
    const first = await publishSweep(clients, request(changesOf(FIXED)))
    const pull = s.git.pulls[0]!
    ;(pull as { user: { login: string; type: string } }).user = { login: 'dana', type: 'User' }
    pull.body = 'Opened by hand'
    const next = await publishSweep(
      clients,
      request(changesOf({ 'policies/AppRole.json': FIXED['policies/AppRole.json']! }))
    )
    expect(next).toMatchObject({ operation: 'updated', pullRequest: first.pullRequest })
    expect(next.notes.join(' ')).toMatch(/was opened by dana, not by this token/)
    expect(pull.body).toBe('Opened by hand')
    expect(s.git.pulls).toHaveLength(1)
    expect(s.git.branch('acme', 'infra', BRANCH)).toBe(next.commit)
  })

  it("leaves out a file whose workspace copy is not the default branch's, and says so", async () => {
    const { server: s, clients } = await start()
    const changes = changesOf(FIXED)
    changes[1] = { ...changes[1]!, original: `${changes[1]!.original}\n` } // e.g. a newer commit
    const run = await publishSweep(clients, request(changes))
    expect(run.stale).toEqual(['policies/deep/er/WorkerRole.json'])
    expect(run.notes.join(' ')).toMatch(
      /1 changed file differs from main at [0-9a-f]{7} in the workspace/
    )
    expect(
      s.git.files('acme', 'infra', BRANCH).get('policies/deep/er/WorkerRole.json')!.toString()
    ).toBe(FILES['policies/deep/er/WorkerRole.json'])
  })

  it('does not reopen changes someone closed without merging, until they differ', async () => {
    const { server: s, clients } = await start()
    const first = await publishSweep(clients, request(changesOf(FIXED)))
    s.git.pulls[0]!.state = 'closed'
    const again = await publishSweep(clients, request(changesOf(FIXED)))
    expect(again.operation).toBe('unchanged')
    expect(again.notes.join(' ')).toMatch(
      new RegExp(
        `pull request #${first.pullRequest!.number} proposed these very changes and was closed`
      )
    )
    expect(s.git.pulls).toHaveLength(1)
    const differs = await publishSweep(
      clients,
      request(changesOf({ 'policies/AppRole.json': FIXED['policies/AppRole.json']! }))
    )
    expect(differs.operation).toBe('created')
    expect(s.git.pulls).toHaveLength(2)
  })

  it('ends with a sentence when a write is refused: a read-only token, a ruleset, a repository that forbids Actions to open pull requests', async () => {
    const { server: s, clients } = await start()
    s.readOnly = true
    const ro = await publishSweep(clients, request(changesOf(FIXED)))
    expect(ro.operation).toBe('none')
    expect(ro.refused).toMatch(
      /^GitHub refused to create the tree for iam-refine\/least-privilege \(HTTP 403: Resource not accessible by integration\): the token needs `contents: write`/
    )
    expect(s.git.branch('acme', 'infra', BRANCH)).toBeUndefined()
    s.readOnly = false

    const repository = s.git.mustRepository('acme', 'infra')
    repository.actionsMayOpenPullRequests = false
    const forbidden = await publishSweep(clients, request(changesOf(FIXED)))
    expect(forbidden.refused).toMatch(/Allow GitHub Actions to create and approve pull requests/)
    expect(forbidden.refused).toMatch(/actions\/create-github-app-token/)
    // The branch is pushed; the next run, once allowed, opens the pull request from it.
    const pushed = s.git.branch('acme', 'infra', BRANCH)
    expect(pushed).toBeDefined()
    repository.actionsMayOpenPullRequests = true
    const opened = await publishSweep(clients, request(changesOf(FIXED)))
    expect(opened.operation).toBe('created')
    expect(s.git.branch('acme', 'infra', BRANCH)).toBe(pushed)

    repository.protected.add(BRANCH)
    const ruled = await publishSweep(
      clients,
      request(changesOf({ 'policies/AppRole.json': '{}\n' }))
    )
    expect(ruled.refused).toMatch(
      /HTTP 422: Repository rule violations found Cannot update this protected ref\.\): a branch protection rule or ruleset covers iam-refine\/least-privilege/
    )
    expect(ruled.pullRequest).toEqual(opened.pullRequest)
    expect(s.git.branch('acme', 'infra', BRANCH)).toBe(pushed)
  })

  it('sends the files inside tree requests of bounded size, each on the tree before it', async () => {
    const { server: s, clients, logger } = await start()
    const big = 'x'.repeat(Math.floor(MAX_TREE_REQUEST_BYTES / 2) + 1)
    const files = { 'big/a.json': `${big}a`, 'big/b.json': `${big}b`, 'big/c.json': `${big}c` }
    s.git.push('acme', 'infra', 'main', { 'big/a.json': 'a', 'big/b.json': 'b', 'big/c.json': 'c' })
    const run = await publishSweep(
      clients,
      request(changesOf(files, { 'big/a.json': 'a', 'big/b.json': 'b', 'big/c.json': 'c' }), logger)
    )
    expect(run.operation).toBe('created')
    expect(s.count('POST', '/git/trees')).toBe(3)
    expect(s.count('POST', '/git/blobs')).toBe(0)
    const written = s.git.files('acme', 'infra', BRANCH)
    for (const [path, text] of Object.entries(files))
      expect(written.get(path)!.toString()).toBe(text)
    // The tree GitHub made is the one computed before writing.
    expect(logger.messages.some(m => /This is a bug/.test(m.message))).toBe(false)
  })

  it('says an empty repository has nothing to sweep', async () => {
    const { server: s, clients } = await start()
    s.git.seed('acme', 'empty', undefined)
    await expect(
      publishSweep(clients, {
        ...request(changesOf(FIXED)),
        repository: { owner: 'acme', repo: 'empty' }
      })
    ).rejects.toThrow(
      /acme\/empty is empty \(Git Repository is empty\.\): there is nothing to sweep/
    )
  })
})
