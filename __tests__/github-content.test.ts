import { afterEach, describe, expect, it } from '@jest/globals'
import { createGitHubClients, type ReadClient } from '../src/github/client.js'
import {
  contentsQuery,
  getFileContent,
  getFileContents,
  type FileContent
} from '../src/github/file-content.js'
import { recordingLogger } from '../src/logger.js'
import { startGitHubServer, type GitHubServer, type GraphqlOptions } from './servers/github.js'
import { useFastClock } from './helpers/fast-clock.js'

const HEAD = 'a'.repeat(40)
const MERGE = 'b'.repeat(40)
const pr = { owner: 'acme', repo: 'infra' }

let server: GitHubServer | undefined
useFastClock()
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(contents: Record<string, string | Uint8Array>, graphql: GraphqlOptions = {}) {
  server = await startGitHubServer({
    pulls: [{ owner: pr.owner, repo: pr.repo, number: 7, headSha: HEAD, files: [] }],
    contents: { [HEAD]: contents, [MERGE]: { 'iam/p0.json': 'merged' } },
    graphql
  })
  const logger = recordingLogger()
  const client = createGitHubClients('test-token', logger, server.url).read
  return { server, client, logger }
}

const restReads = (s: GitHubServer): number => s.count('GET', '/contents/')
const graphqlCalls = (s: GitHubServer): number => s.count('POST', /^\/graphql$/)

const AWKWARD = [
  `iam/it's "quoted".json`,
  'iam/back\\slash\\".json',
  'iam/ünïcødé/ポリシー 政策.json',
  'iam/a:b.json',
  'iam/new\nline.json',
  'iam/$e0 } } query.json'
]

function policy(i: number): string {
  return `{\n  "Version": "2012-10-17",\n  "Statement": [{"Sid": "S${i}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]\n}\n`
}

/** What the per-file REST read gives for each path: the reference the batch must equal. */
async function restReference(
  client: ReadClient,
  paths: readonly string[]
): Promise<Map<string, FileContent>> {
  const out = new Map<string, FileContent>()
  for (const p of paths) out.set(p, await getFileContent(client, pr, p, HEAD))
  return out
}

describe('getFileContents', () => {
  it('reads 120 files with 3 GraphQL queries and no REST read, paths with quotes and unicode too', async () => {
    const contents: Record<string, string> = {}
    for (let i = 0; i < 114; i++) contents[`iam/p${i}.json`] = policy(i)
    AWKWARD.forEach((p, i) => (contents[p] = policy(1000 + i)))
    const { server: s, client } = await start(contents)
    const paths = Object.keys(contents)
    expect(paths).toHaveLength(120)

    const got = await getFileContents(
      client,
      pr,
      paths.map(path => ({ path })),
      HEAD
    )
    expect(graphqlCalls(s)).toBe(3)
    expect(restReads(s)).toBe(0)
    expect(s.requests.every(r => r.status === 200)).toBe(true)
    expect(got.size).toBe(120)
    for (const p of paths) expect(got.get(p)).toEqual({ kind: 'text', text: contents[p] })
    // The head commit, never the merge commit, and every path asked exactly once.
    expect(s.graphqlExpressions().sort()).toEqual(paths.map(p => `${HEAD}:${p}`).sort())
    // The paths travel as variables: the query text holds none of them.
    for (const r of s.requests) {
      const query = (r.body as { query: string }).query
      expect(query).not.toContain('quoted')
      expect(query).not.toContain(HEAD)
    }
  })

  it('falls back to REST for binary, truncated, BOM, Latin-1, missing and directory paths', async () => {
    const contents: Record<string, string | Uint8Array> = {
      'iam/plain.json': policy(1),
      'iam/crlf.json': policy(2).replace(/\n/g, '\r\n'),
      'iam/bom.json': `\uFEFF${policy(3)}`,
      'iam/large.json': `${policy(4)}${' '.repeat(3000)}`,
      // NUL makes it "binary" to GitHub, yet it is valid UTF-8: the REST read still gets it.
      'iam/nul.json': `{"Statement": []}\u0000`,
      'iam/not-utf8.json': new Uint8Array([0x7b, 0xff, 0x00, 0x7d]),
      'iam/latin1.json': new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]),
      'iam/dir/inner.json': policy(5)
    }
    const { server: s, client } = await start(contents, { textLimit: 1000 })
    const paths = [...Object.keys(contents), 'iam/missing.json', 'iam/dir']
    const got = await getFileContents(
      client,
      pr,
      paths.map(path => ({ path })),
      HEAD
    )
    expect(graphqlCalls(s)).toBe(1)
    const fellBack = s.requests
      .filter(r => r.method === 'GET' && r.path.includes('/contents/'))
      .map(r => decodeURIComponent(r.path.replace(/^.*\/contents\//, '')))
      .sort()
    expect(fellBack).toEqual(
      [
        'iam/bom.json',
        'iam/large.json',
        'iam/nul.json',
        'iam/not-utf8.json',
        'iam/latin1.json',
        'iam/missing.json',
        'iam/dir'
      ].sort()
    )
    expect(got.get('iam/crlf.json')).toEqual({ kind: 'text', text: contents['iam/crlf.json'] })
    expect(got.get('iam/bom.json')).toEqual({ kind: 'text', text: contents['iam/bom.json'] })
    expect(got.get('iam/nul.json')).toEqual({ kind: 'text', text: contents['iam/nul.json'] })
    expect(got.get('iam/not-utf8.json')).toEqual({ kind: 'skipped', reason: 'not UTF-8 text' })
    expect(got.get('iam/missing.json')).toEqual({
      kind: 'skipped',
      reason: `not found at ${HEAD}`
    })
    // Whatever the route, the result is exactly the per-file REST read's.
    expect(got).toEqual(await restReference(client, paths))
  })

  it('falls back to REST for every file when GraphQL answers errors or 403', async () => {
    const contents = { 'iam/a.json': policy(1), 'iam/b.json': policy(2), [AWKWARD[0]!]: policy(3) }
    const paths = Object.keys(contents)
    // `errors` (a timeout) is tried again for the next batch; a 403 is not.
    for (const [mode, queries] of [
      ['errors', 2],
      ['forbidden', 1]
    ] as const) {
      const { server: s, client, logger } = await start(contents, { mode })
      const got = await getFileContents(
        client,
        pr,
        paths.map(path => ({ path })),
        HEAD,
        { batchSize: 2, log: m => logger.info(m) }
      )
      expect(graphqlCalls(s)).toBe(queries)
      expect(restReads(s)).toBe(3)
      for (const p of paths) expect(got.get(p)).toEqual({ kind: 'text', text: contents[p] })
      expect(logger.messages.map(m => m.message).join('\n')).toMatch(
        /Reading 2 files in one GraphQL query failed/
      )
      await s.close()
      server = undefined
    }
  })

  it('uses a partial answer and reads only the files an error names over REST', async () => {
    const contents = { 'iam/a.json': policy(1), 'iam/b.json': policy(2), 'iam/c.json': policy(3) }
    const { server: s, client } = await start(contents, { failPaths: ['iam/b.json'] })
    const got = await getFileContents(
      client,
      pr,
      Object.keys(contents).map(path => ({ path })),
      HEAD
    )
    expect(graphqlCalls(s)).toBe(1)
    expect(s.count('GET', '/contents/')).toBe(1)
    expect(s.count('GET', /contents\/iam(\/|%2F)b\.json$/)).toBe(1)
    for (const p of Object.keys(contents)) {
      expect(got.get(p)).toEqual({ kind: 'text', text: contents[p as keyof typeof contents] })
    }
  })

  it('falls back to REST when the repository does not resolve', async () => {
    const { server: s, client } = await start({ 'iam/a.json': policy(1) })
    const other = { owner: 'acme', repo: 'elsewhere' }
    const got = await getFileContents(client, other, [{ path: 'iam/a.json' }], HEAD)
    expect(graphqlCalls(s)).toBe(1)
    expect(restReads(s)).toBe(1)
    expect(got).toEqual(await restReference(client, ['iam/a.json']))
  })

  it('reads nothing for no files', async () => {
    const { server: s, client } = await start({})
    expect((await getFileContents(client, pr, [], HEAD)).size).toBe(0)
    expect(s.requests).toHaveLength(0)
  })
})

describe('the loopback GraphQL route', () => {
  it('answers only the contents query, with its variables declared, used and given', async () => {
    const { client } = await start({ 'iam/a.json': policy(1) })
    const vars = { owner: pr.owner, repo: pr.repo, e0: `${HEAD}:iam/a.json` }
    await expect(client.graphql(contentsQuery(1), vars)).resolves.toMatchObject({
      repository: { f0: { text: policy(1), isBinary: false, isTruncated: false } }
    })
    // A path interpolated into the query text is not the shape we send.
    const interpolated = contentsQuery(1).replace('$e0', `"${HEAD}:iam/a.json"`)
    await expect(client.graphql(interpolated, vars)).rejects.toThrow(/Parse error/)
    await expect(client.graphql(contentsQuery(2), vars)).rejects.toThrow(/invalid value/)
    await expect(client.graphql(contentsQuery(1), { ...vars, e0: 'iam/a.json' })).rejects.toThrow(
      /invalid value/
    )
    await expect(client.graphql(contentsQuery(1), { ...vars, e9: 'x' })).rejects.toThrow(
      /not declared/
    )
    await expect(
      client.graphql(contentsQuery(1).replace('oid', 'oid commitUrl'), vars)
    ).rejects.toThrow(/doesn't exist on type 'Blob'/)
  })
})
