/**
 * The pull request's files from the checkout's Git objects (src/io/git-objects.ts through
 * getFileContents), against real repositories made with `git init` in temporary folders and the
 * strict loopback server: exact bytes by blob id, every way the checkout can fail falling back to
 * the API, and bytes that are not the listed blob's never used.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { createGitHubClients } from '../src/github/client.js'
import {
  getFileContents,
  MAX_FILE_BYTES,
  type LocalBlobReader
} from '../src/github/file-content.js'
import { blobId } from '../src/github/git-hash.js'
import { readGitBlobs } from '../src/io/git-objects.js'
import { recordingLogger } from '../src/logger.js'
import { gitRepo, type GitRepo } from './helpers/git-repo.js'
import { startGitHubServer, type GitHubServer } from './servers/github.js'

const pr = { owner: 'acme', repo: 'infra' }
const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

function repoOf(files: Record<string, string | Uint8Array>): GitRepo {
  const repo = gitRepo(files)
  cleanups.push(() => repo.remove())
  return repo
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iam-refine-nogit-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Runs `body` with a `git` of our own first on PATH (a shell script). */
async function withFakeGit<T>(script: string, body: () => Promise<T>): Promise<T> {
  const bin = tempDir()
  writeFileSync(join(bin, 'git'), `#!/bin/sh\n${script}\n`)
  chmodSync(join(bin, 'git'), 0o755)
  const path = process.env.PATH
  process.env.PATH = `${bin}:${path ?? ''}`
  try {
    return await body()
  } finally {
    process.env.PATH = path
  }
}

const POLICIES: Record<string, string | Uint8Array> = {
  'iam/a.json': '{\n  "Statement": []\n}\n',
  // bytes a checkout could change: CRLF, a byte-order mark, no final newline
  'iam/crlf.json': '\uFEFF{\r\n  "Statement": []\r\n}',
  'cfn/app.yaml': 'Resources: {}\n',
  'bin.dat': new Uint8Array([0x7b, 0xff, 0xfe, 0x00])
}

describe('readGitBlobs', () => {
  it('reads blobs by id with one process, byte for byte, and leaves out what is not a blob it has', async () => {
    const repo = repoOf(POLICIES)
    const ids = Object.keys(POLICIES).map(p => repo.blob(p))
    const tree = repo.git('rev-parse', 'HEAD^{tree}').trim()
    const absent = 'f'.repeat(40)
    const got = await readGitBlobs(repo.dir, [...ids, tree, absent, repo.head()], MAX_FILE_BYTES)
    expect(got.failure).toBeUndefined()
    expect([...got.blobs.keys()].sort()).toEqual([...ids].sort())
    Object.values(POLICIES).forEach((content, i) => {
      expect(Buffer.from(got.blobs.get(ids[i]!)!)).toEqual(Buffer.from(content))
    })
  })

  it('reads past a blob larger than the limit and keeps the ones after it', async () => {
    const big = 'x'.repeat(300_000)
    const repo = repoOf({ 'big.json': big, 'small.json': '{}' })
    const got = await readGitBlobs(
      repo.dir,
      [repo.blob('big.json'), repo.blob('small.json')],
      100_000
    )
    expect(got.failure).toBeUndefined()
    expect([...got.blobs.keys()]).toEqual([repo.blob('small.json')])
  })

  it('writes only full object ids to git, whatever the list holds', async () => {
    const repo = repoOf({ 'a.json': 'secret', 'b.json': 'public' })
    const b = repo.blob('b.json')
    // An id with a line break would be a second request to git (`HEAD:a.json`): never sent.
    const got = await readGitBlobs(
      repo.dir,
      [`${b}\nHEAD:a.json`, 'HEAD:a.json', b.slice(0, 12), b.toUpperCase()],
      MAX_FILE_BYTES
    )
    expect(got.failure).toBeUndefined()
    expect(
      [...got.blobs.entries()].map(([id, bytes]) => [id, Buffer.from(bytes).toString()])
    ).toEqual([[b, 'public']])
  })

  it('says why, and reads nothing, in a folder that is no repository', async () => {
    const got = await readGitBlobs(tempDir(), ['a'.repeat(40)], MAX_FILE_BYTES)
    expect(got.blobs.size).toBe(0)
    expect(got.failure).toMatch(/^git cat-file exited with 128: fatal: not a git repository/)
  })

  it('does not look for a repository above the folder it is given', async () => {
    const repo = repoOf({ 'a.json': '{}' })
    const inside = join(repo.dir, 'sub')
    mkdirSync(inside)
    const got = await readGitBlobs(inside, [repo.blob('a.json')], MAX_FILE_BYTES)
    expect(got.blobs.size).toBe(0)
    expect(got.failure).toMatch(/not a git repository/)
  })

  it('says why when the folder is missing, git is missing, stuck or answers nonsense', async () => {
    const id = 'a'.repeat(40)
    expect((await readGitBlobs('/nonexistent/iam-refine', [id], 10)).failure).toMatch(
      /cannot be read/
    )
    const path = process.env.PATH
    process.env.PATH = tempDir()
    try {
      expect((await readGitBlobs(tempDir(), [id], 10)).failure).toMatch(/^git could not be run/)
    } finally {
      process.env.PATH = path
    }
    await withFakeGit('sleep 30', async () => {
      const started = Date.now()
      const got = await readGitBlobs(tempDir(), [id], 10, 300)
      expect(got.failure).toBe('git cat-file took longer than 0.3 s')
      expect(Date.now() - started).toBeLessThan(5_000)
    })
    await withFakeGit(`cat >/dev/null; echo "${'b'.repeat(40)} blob 3"; echo abc`, async () => {
      const got = await readGitBlobs(tempDir(), [id], 10)
      expect(got.blobs.size).toBe(0)
      expect(got.failure).toMatch(/^git cat-file answered what it was not asked/)
    })
    await withFakeGit(`cat >/dev/null; printf '${id} blob 3\\nabc'`, async () => {
      const got = await readGitBlobs(tempDir(), [id], 10)
      expect(got.failure).toBe('git cat-file stopped before it answered every object')
    })
    await withFakeGit(`cat >/dev/null; head -c 100000 /dev/zero`, async () => {
      expect((await readGitBlobs(tempDir(), [id], 10)).failure).toMatch(
        /header line that does not end/
      )
    })
  })
})

describe('getFileContents from the checkout', () => {
  async function setUp(repo: GitRepo, contents: Record<string, string | Uint8Array>) {
    const server: GitHubServer = await startGitHubServer({
      pulls: [{ owner: pr.owner, repo: pr.repo, number: 7, headSha: repo.head(), files: [] }],
      contents: { [repo.head()]: contents }
    })
    cleanups.push(() => server.close())
    const logger = recordingLogger()
    const { read } = createGitHubClients('test-token', logger, server.url)
    const log: string[] = []
    const localBlobs: LocalBlobReader = ids => readGitBlobs(repo.dir, ids, MAX_FILE_BYTES)
    const readAll = (files: { path: string; blobSha?: string }[], reader = localBlobs) =>
      getFileContents(read, pr, files, repo.head(), {
        log: m => void log.push(m),
        localBlobs: reader
      })
    return { server, log, readAll }
  }
  const apiReads = (s: GitHubServer) => s.graphqlExpressions().length + s.count('GET', '/contents/')

  it('reads every file from the objects, none through the API, whatever the work tree holds', async () => {
    const repo = repoOf(POLICIES)
    // The work tree is not the head: a merge checkout, a step that edited the files.
    repo.write('iam/a.json', '{"Statement": [{"Effect": "Allow", "Action": "*"}]}')
    rmSync(join(repo.dir, 'cfn'), { recursive: true })
    const { server, log, readAll } = await setUp(repo, POLICIES)
    const files = Object.keys(POLICIES).map(path => ({ path, blobSha: repo.blob(path) }))
    const got = await readAll(files)
    expect(apiReads(server)).toBe(0)
    expect(server.requests).toEqual([])
    expect(got.get('iam/a.json')).toEqual({ kind: 'text', text: POLICIES['iam/a.json'] })
    expect(got.get('iam/crlf.json')).toEqual({ kind: 'text', text: POLICIES['iam/crlf.json'] })
    expect(got.get('cfn/app.yaml')).toEqual({ kind: 'text', text: 'Resources: {}\n' })
    // as the API read says it
    expect(got.get('bin.dat')).toEqual({ kind: 'skipped', reason: 'not UTF-8 text' })
    expect(log).toEqual(["Read 4 of 4 files from the checkout's Git objects."])
  })

  it('reads through the API what the checkout lacks: a newer head, a file without a blob id', async () => {
    const repo = repoOf(POLICIES)
    // GitHub's head has a newer a.json than the checkout (another commit was checked out).
    const newer = '{\n  "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]\n}\n'
    const { server, log, readAll } = await setUp(repo, { ...POLICIES, 'iam/a.json': newer })
    const got = await readAll([
      { path: 'iam/a.json', blobSha: blobId(Buffer.from(newer)) },
      { path: 'iam/crlf.json', blobSha: repo.blob('iam/crlf.json') },
      { path: 'cfn/app.yaml' }
    ])
    expect(got.get('iam/a.json')).toEqual({ kind: 'text', text: newer })
    expect(got.get('iam/crlf.json')).toEqual({ kind: 'text', text: POLICIES['iam/crlf.json'] })
    expect(got.get('cfn/app.yaml')).toEqual({ kind: 'text', text: 'Resources: {}\n' })
    expect(
      server
        .graphqlExpressions()
        .map(e => e.split(':')[1])
        .sort()
    ).toEqual(['cfn/app.yaml', 'iam/a.json'])
    expect(log[0]).toBe("Read 1 of 3 files from the checkout's Git objects, 2 through the API.")
  })

  it('never uses bytes that are not the listed blob’s: a tampered object is read through the API', async () => {
    const repo = repoOf(POLICIES)
    const id = repo.blob('iam/a.json')
    // git hands out a loose object as it finds it, without checking its name.
    const object = join(repo.dir, '.git/objects', id.slice(0, 2), id.slice(2))
    chmodSync(object, 0o644)
    const evil = '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}\n'
    writeFileSync(object, deflateSync(Buffer.from(`blob ${Buffer.byteLength(evil)}\0${evil}`)))
    expect(repo.git('cat-file', '-p', id)).toBe(evil)
    const { server, log, readAll } = await setUp(repo, POLICIES)
    const got = await readAll([
      { path: 'iam/a.json', blobSha: id },
      { path: 'cfn/app.yaml', blobSha: repo.blob('cfn/app.yaml') }
    ])
    expect(got.get('iam/a.json')).toEqual({ kind: 'text', text: POLICIES['iam/a.json'] })
    expect(server.graphqlExpressions()).toEqual([`${repo.head()}:iam/a.json`])
    expect(log[0]).toBe(
      "Read 1 of 2 files from the checkout's Git objects, 1 through the API (1 with bytes that are not their blob's)."
    )
  })

  it('reads everything through the API when the workspace is no repository, or the reader fails', async () => {
    const repo = repoOf(POLICIES)
    const { server, log, readAll } = await setUp(repo, POLICIES)
    const files = ['iam/a.json', 'cfn/app.yaml'].map(path => ({ path, blobSha: repo.blob(path) }))
    const plain = tempDir()
    const fromPlain = await readAll(files, ids => readGitBlobs(plain, ids, MAX_FILE_BYTES))
    const thrown = await readAll(files, async () => {
      throw new Error('the reader broke')
    })
    for (const got of [fromPlain, thrown]) {
      expect(got.get('iam/a.json')).toEqual({ kind: 'text', text: POLICIES['iam/a.json'] })
      expect(got.get('cfn/app.yaml')).toEqual({ kind: 'text', text: 'Resources: {}\n' })
    }
    expect(server.graphqlQueries('contents')).toBe(2)
    expect(log.filter(m => m.startsWith('Read 0 of 2'))).toEqual([
      expect.stringMatching(
        /through the API \(git cat-file exited with 128: fatal: not a git repository/
      ),
      "Read 0 of 2 files from the checkout's Git objects, 2 through the API (the reader broke)."
    ])
  })
})
