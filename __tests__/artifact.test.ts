import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { readFileSync } from 'node:fs'
import { parseCatalog } from '../src/engine/catalog.js'
import { refinePolicy } from '../src/engine/refine.js'
import {
  artifactSource,
  loadArtifactFindings,
  readFindingsZip,
  ZIP_LIMITS
} from '../src/findings/artifact.js'
import { combineFindings } from '../src/findings/select.js'
import { loadFindingsFiles } from '../src/findings/load.js'
import { createGitHubClient, type GitHubClient } from '../src/github/client.js'
import { OWNER, REPO, startArtifacts, type ArtifactsServer } from './servers/artifacts.js'

const dir = '__tests__/fixtures/article'
const findingText = readFileSync(`${dir}/finding-getfindingv2.json`, 'utf8')
const MY_ROLE = 'arn:aws:iam::123456789012:role/MyRole'

function zip(files: Zippable): Uint8Array {
  return zipSync(files)
}
const findingsZip = zip({
  'findings.json': strToU8(`[${findingText}]`),
  'README.txt': strToU8('exported by iam-refine findings export'),
  'more/empty.json': strToU8('[]')
})

let server: ArtifactsServer
let client: GitHubClient
const warnings: string[] = []

beforeAll(async () => {
  server = await startArtifacts()
  client = createGitHubClient('ghs_testtoken', { warning: m => void warnings.push(m) }, server.url)
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  Object.assign(server.state, {
    artifacts: [],
    statusFor: new Map(),
    ignoreName: false,
    requests: [],
    blobRequests: []
  })
})

const request = { owner: OWNER, repo: REPO, name: 'iam-findings' }

describe('findings from a workflow artifact', () => {
  it('takes the newest unexpired artifact of that name and follows the redirect to the blob', async () => {
    const other = zip({ 'f.json': strToU8('[]') })
    server.state.artifacts = [
      { id: 1, name: 'iam-findings', runId: 10, createdAt: '2026-10-01T00:00:00Z', zip: other },
      {
        id: 2,
        name: 'iam-findings',
        runId: 11,
        createdAt: '2026-10-20T00:00:00Z',
        zip: findingsZip
      },
      {
        id: 3,
        name: 'iam-findings',
        runId: 12,
        createdAt: '2026-10-30T00:00:00Z',
        expired: true,
        zip: other
      },
      { id: 4, name: 'coverage', runId: 12, createdAt: '2026-10-31T00:00:00Z', zip: other }
    ]
    const log: string[] = []
    const parsed = await loadArtifactFindings(client, request, line => log.push(line))
    expect(log).toEqual([
      `reading artifact "iam-findings" (id 2, 2026-10-20T00:00:00Z, run 11) from ${OWNER}/${REPO}`
    ])
    expect(parsed.map(p => p.principals.map(x => x.principal))).toEqual([[MY_ROLE], []])
    expect(parsed[1]?.notes).toEqual(['artifact iam-findings/more/empty.json: holds no findings'])

    const [list, download] = server.state.requests
    expect(list?.path).toBe(`/repos/${OWNER}/${REPO}/actions/artifacts`)
    expect(list?.query.get('name')).toBe('iam-findings')
    expect(list?.authorization).toBe('token ghs_testtoken')
    expect(download?.path).toBe(`/repos/${OWNER}/${REPO}/actions/artifacts/2/zip`)
    // The token stays with GitHub: the blob store gets the signed URL only.
    expect(server.state.blobRequests).toEqual([{ path: '/blob/2?sig=short-lived' }])
  })

  it('refines exactly as the same findings read from a file', async () => {
    server.state.artifacts = [
      {
        id: 2,
        name: 'iam-findings',
        runId: 11,
        createdAt: '2026-10-20T00:00:00Z',
        zip: findingsZip
      }
    ]
    const catalog = parseCatalog(JSON.parse(readFileSync(`${dir}/catalog-2024.json`, 'utf8')), 'c')
    const policy = JSON.parse(readFileSync(`${dir}/policy.json`, 'utf8'))
    const fromArtifact = combineFindings(await artifactSource(client, request).load())
    const fromFile = await loadFindingsFiles([`${dir}/finding-getfindingv2.json`])
    const refine = (p: typeof fromFile) =>
      refinePolicy(policy, { catalog, principals: [p.byPrincipal.get(MY_ROLE)!] }).document
    expect(refine(fromArtifact)).toEqual(refine(fromFile))
    expect(refine(fromArtifact)).toEqual(JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')))
  })

  it('pages through the list and checks the name itself', async () => {
    server.state.ignoreName = true
    server.state.artifacts = [
      ...Array.from({ length: 150 }, (_, i) => ({
        id: 100 + i,
        name: `build-${i}`,
        runId: 1,
        createdAt: '2026-10-31T00:00:00Z',
        zip: zip({ 'x.json': strToU8('not json') })
      })),
      { id: 7, name: 'iam-findings', runId: 3, createdAt: '2026-09-01T00:00:00Z', zip: findingsZip }
    ]
    const parsed = await loadArtifactFindings(client, request)
    expect(parsed[0]?.principals[0]?.principal).toBe(MY_ROLE)
    expect(server.state.requests.map(r => r.query.get('page'))).toEqual(['1', '2', null])
  })

  it('reads one run’s artifacts, from another repository when asked', async () => {
    server.state.artifacts = [
      {
        id: 8,
        name: 'iam-findings',
        owner: 'security',
        repo: 'aws-findings',
        runId: 42,
        createdAt: '2026-10-01T00:00:00Z',
        zip: findingsZip
      },
      {
        id: 9,
        name: 'iam-findings',
        owner: 'security',
        repo: 'aws-findings',
        runId: 43,
        createdAt: '2026-10-02T00:00:00Z',
        zip: zip({})
      }
    ]
    const parsed = await loadArtifactFindings(client, {
      ...request,
      runId: 42,
      repository: 'security/aws-findings'
    })
    expect(parsed[0]?.principals[0]?.principal).toBe(MY_ROLE)
    expect(server.state.requests.map(r => r.path)).toEqual([
      '/repos/security/aws-findings/actions/runs/42/artifacts',
      '/repos/security/aws-findings/actions/artifacts/8/zip'
    ])
    await expect(
      loadArtifactFindings(client, { ...request, repository: 'not a repo' })
    ).rejects.toThrow('findings-artifact-repository must be "owner/repo"; got "not a repo"')
  })

  it('says what to check when the artifact is missing or expired', async () => {
    await expect(loadArtifactFindings(client, request)).rejects.toThrow(
      `no artifact named "iam-findings" in ${OWNER}/${REPO}: check the name (input findings-artifact), that the workflow that uploads it has run, and its retention`
    )
    server.state.artifacts = [
      {
        id: 3,
        name: 'iam-findings',
        runId: 12,
        createdAt: '2026-10-30T00:00:00Z',
        expired: true,
        zip: findingsZip
      }
    ]
    await expect(loadArtifactFindings(client, { ...request, runId: 12 })).rejects.toThrow(
      `every artifact named "iam-findings" in ${OWNER}/${REPO} (run 12) has expired (1 found)`
    )
  })

  it('turns 403 and 404 into sentences about the token and the repository', async () => {
    server.state.statusFor = new Map([[`/repos/${OWNER}/${REPO}/actions/artifacts`, 403]])
    await expect(loadArtifactFindings(client, request)).rejects.toThrow(
      `the token may not list the artifacts of ${OWNER}/${REPO} (HTTP 403): give the workflow \`permissions: actions: read\``
    )
    server.state.statusFor = new Map([['/repos/nobody/', 404]])
    await expect(
      loadArtifactFindings(client, { ...request, repository: 'nobody/nothing' })
    ).rejects.toThrow(
      /cannot list the artifacts of nobody\/nothing \(HTTP 404\): check the repository/
    )
  })

  // 404, not 410: the shared client retries a 410 (see the report), which takes seconds here.
  it('says the artifact is gone when the download answers 404', async () => {
    server.state.artifacts = [
      {
        id: 2,
        name: 'iam-findings',
        runId: 11,
        createdAt: '2026-10-20T00:00:00Z',
        zip: findingsZip
      }
    ]
    server.state.statusFor = new Map([[`/repos/${OWNER}/${REPO}/actions/artifacts/2/zip`, 404]])
    await expect(loadArtifactFindings(client, request)).rejects.toThrow(
      /artifact "iam-findings" \(id 2\) in octo\/app is gone \(HTTP 404\): it expired or was deleted/
    )
  })
})

describe('unpacking an artifact safely', () => {
  /** Rewrites the uncompressed size every entry declares in the central directory. */
  function lieAboutSize(archive: Uint8Array, size: number): Uint8Array {
    const copy = archive.slice()
    const view = new DataView(copy.buffer)
    for (let at = copy.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) === 0x06054b50) {
        let entry = view.getUint32(at + 16, true)
        for (let i = 0; i < view.getUint16(at + 10, true); i++) {
          view.setUint32(entry + 24, size, true)
          entry +=
            46 +
            view.getUint16(entry + 28, true) +
            view.getUint16(entry + 30, true) +
            view.getUint16(entry + 32, true)
        }
        return copy
      }
    }
    throw new Error('no directory')
  }

  it('stops an entry that inflates past the size it declares (a zip bomb)', () => {
    const bomb = zipSync({ 'findings.json': [new Uint8Array(8 * 1024 * 1024), { level: 1 }] })
    expect(bomb.length).toBeLessThan(100_000)
    const started = Date.now()
    expect(() => readFindingsZip(lieAboutSize(bomb, 1000), 'artifact a')).toThrow(
      'artifact a is not a usable zip archive: findings.json unpacks to more than the 1000 bytes it declares'
    )
    expect(Date.now() - started).toBeLessThan(2000)
    expect(() => readFindingsZip(bomb, 'artifact a')).toThrow(
      `findings.json unpacks to ${8 * 1024 * 1024} bytes, over the ${ZIP_LIMITS.entryBytes}-byte limit`
    )
  })

  it('refuses too many entries, too much in total, and names that climb out', () => {
    const many: Zippable = {}
    for (let i = 0; i <= ZIP_LIMITS.entries; i++) many[`f${i}.txt`] = strToU8('x')
    expect(() => readFindingsZip(zip(many), 'artifact a')).toThrow(
      `${ZIP_LIMITS.entries + 1} entries, over the limit of ${ZIP_LIMITS.entries}`
    )
    // Declared sizes are checked before anything is inflated.
    const big: Zippable = {}
    for (let i = 0; i < 11; i++) big[`f${i}.json`] = strToU8('[]')
    expect(() =>
      readFindingsZip(lieAboutSize(zip(big), ZIP_LIMITS.entryBytes), 'artifact a')
    ).toThrow(`its files unpack to more than ${ZIP_LIMITS.totalBytes} bytes`)
    for (const name of [
      '../findings.json',
      'a/../../b.json',
      '/etc/x.json',
      'C:/x.json',
      'a\\..\\b.json'
    ]) {
      expect(() => readFindingsZip(zip({ [name]: strToU8('[]') }), 'artifact a')).toThrow(
        `the entry name "${name}" points outside the archive`
      )
    }
  })

  it('says so when there is no findings file, or a file is not JSON', () => {
    expect(() => readFindingsZip(zip({ 'notes.txt': strToU8('hello') }), 'artifact a')).toThrow(
      'artifact a holds no .json file: upload the output of `iam-refine findings export`'
    )
    expect(() =>
      readFindingsZip(zip({ 'findings.json': strToU8('[\n  {"id": 1,}\n]') }), 'artifact a')
    ).toThrow(/^artifact a\/findings.json:2:12: is not valid JSON/)
    expect(() =>
      readFindingsZip(strToU8('PK not a zip at all, but long enough to look'), 'artifact a')
    ).toThrow('artifact a is not a usable zip archive: no end of central directory')
  })

  it('reads stored (uncompressed) entries too', () => {
    const stored = zipSync({ 'findings.json': [strToU8(findingText), { level: 0 }] })
    const [parsed] = readFindingsZip(stored, 'artifact a')
    expect(parsed?.principals[0]?.principal).toBe(MY_ROLE)
  })
})
