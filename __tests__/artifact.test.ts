import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { readFileSync } from 'node:fs'
import { parseCatalog } from '../src/engine/catalog.js'
import { refinePolicy } from '../src/engine/refine.js'
import {
  artifactSource,
  loadArtifactFindings,
  readFindingsZip,
  REFUSALS_SHOWN,
  ZIP_LIMITS
} from '../src/findings/artifact.js'
import { combineFindings } from '../src/findings/select.js'
import { loadFindingsFiles } from '../src/findings/load.js'
import { createGitHubClients, type ReadClient } from '../src/github/client.js'
import { ConfigurationError } from '../src/engine/errors.js'
import {
  FORK_OWNER,
  OWNER,
  REPO,
  startArtifacts,
  WORKFLOW_FILE,
  WORKFLOW_ID,
  type ArtifactsServer,
  type FakeArtifact,
  type FakeRun
} from './servers/artifacts.js'

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
let client: ReadClient
const warnings: string[] = []

beforeAll(async () => {
  server = await startArtifacts()
  client = createGitHubClients(
    'ghs_testtoken',
    { warning: m => void warnings.push(m) },
    server.url
  ).read
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => server.reset())

const request = { owner: OWNER, repo: REPO, name: 'iam-findings', workflow: WORKFLOW_FILE }
/** A poisoned export: no unused action at all, so nothing would be refined. */
const poisonZip = zip({ 'findings.json': strToU8('[]') })

/** A run of the export workflow and the artifact it uploaded, trusted unless `run` says not. */
function upload(
  id: number,
  createdAt: string,
  run: Partial<FakeRun> = {},
  artifact: Partial<FakeArtifact> = {}
): void {
  server.state.runs.push({
    id,
    workflowId: WORKFLOW_ID,
    event: 'schedule',
    headBranch: 'main',
    createdAt,
    ...run
  })
  server.state.artifacts.push({
    id: id * 10,
    name: 'iam-findings',
    runId: id,
    createdAt,
    zip: findingsZip,
    ...artifact
  })
}

/** The attack of issue 9: newer artifacts of the same name from a fork's and a branch's runs. */
function poisonedByForkAndBranch(): void {
  upload(
    201,
    '2026-11-02T00:00:00Z',
    { event: 'pull_request', headOwner: FORK_OWNER, headBranch: 'main' },
    { zip: poisonZip }
  )
  upload(202, '2026-11-03T00:00:00Z', { event: 'push', headBranch: 'feature' }, { zip: poisonZip })
}

const principalsOf = (parsed: { principals: { principal: string }[] }[]) =>
  parsed.map(p => p.principals.map(x => x.principal))

describe('findings from a trusted workflow artifact', () => {
  it('takes the newest trusted run’s artifact and follows the redirect to the blob', async () => {
    upload(100, '2026-10-01T00:00:00Z', {}, { zip: zip({ 'f.json': strToU8('[]') }) })
    upload(101, '2026-10-20T00:00:00Z', { event: 'push' })
    const log: string[] = []
    const parsed = await loadArtifactFindings(client, request, line => log.push(line))
    expect(log).toEqual([
      `reading artifact "iam-findings" (id 1010, 2026-10-20T00:00:00Z) of run 101 (push on main, ` +
        `2026-10-20T00:00:00Z) of .github/workflows/${WORKFLOW_FILE} in ${OWNER}/${REPO}`
    ])
    expect(principalsOf(parsed)).toEqual([[MY_ROLE], []])
    expect(parsed[1]?.notes).toEqual(['artifact iam-findings/more/empty.json: holds no findings'])

    const paths = server.state.requests.map(r => r.path)
    expect(paths).toEqual([
      `/repos/${OWNER}/${REPO}`,
      `/repos/${OWNER}/${REPO}/actions/workflows/${WORKFLOW_FILE}`,
      ...['schedule', 'push', 'workflow_dispatch'].map(
        () => `/repos/${OWNER}/${REPO}/actions/workflows/${WORKFLOW_ID}/runs`
      ),
      `/repos/${OWNER}/${REPO}/actions/runs/101/artifacts`,
      `/repos/${OWNER}/${REPO}/actions/artifacts/1010/zip`
    ])
    const lists = server.state.requests.filter(r => r.path.endsWith('/runs'))
    expect(lists.map(r => Object.fromEntries(r.query))).toEqual(
      ['schedule', 'push', 'workflow_dispatch'].map(event => ({
        branch: 'main',
        event,
        status: 'success',
        per_page: '20',
        page: '1'
      }))
    )
    expect(server.state.requests[0]?.authorization).toBe('token ghs_testtoken')
    // The token stays with GitHub: the blob store gets the signed URL only.
    expect(server.state.blobRequests).toEqual([{ path: '/blob/1010?sig=short-lived' }])
  })

  it('refines exactly as the same findings read from a file', async () => {
    upload(101, '2026-10-20T00:00:00Z')
    const catalog = parseCatalog(JSON.parse(readFileSync(`${dir}/catalog-2024.json`, 'utf8')), 'c')
    const policy = JSON.parse(readFileSync(`${dir}/policy.json`, 'utf8'))
    const fromArtifact = combineFindings(await artifactSource(client, request).load())
    const fromFile = await loadFindingsFiles([`${dir}/finding-getfindingv2.json`])
    const refine = (p: typeof fromFile) =>
      refinePolicy(policy, { catalog, principals: [p.byPrincipal.get(MY_ROLE)!] }).document
    expect(refine(fromArtifact)).toEqual(refine(fromFile))
    expect(refine(fromArtifact)).toEqual(JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')))
  })

  it('ignores a newer poisoned artifact from a fork’s run and from a feature branch’s run', async () => {
    upload(101, '2026-11-01T00:00:00Z') // the trusted export, older than both
    poisonedByForkAndBranch()
    const parsed = await loadArtifactFindings(client, request)
    expect(principalsOf(parsed)).toEqual([[MY_ROLE], []])
    expect(server.state.requests.some(r => r.path.includes('/artifacts/2010/'))).toBe(false)
    expect(server.state.requests.some(r => r.path.includes('/artifacts/2020/'))).toBe(false)
  })

  it('checks every property itself when the server ignores the filters', async () => {
    server.state.ignoreFilters = true
    upload(101, '2026-11-01T00:00:00Z')
    poisonedByForkAndBranch()
    upload(203, '2026-11-04T00:00:00Z', { conclusion: 'failure' }, { zip: poisonZip })
    upload(204, '2026-11-05T00:00:00Z', { status: 'in_progress' }, { zip: poisonZip })
    upload(205, '2026-11-06T00:00:00Z', { workflowId: 11 }, { zip: poisonZip })
    upload(206, '2026-11-07T00:00:00Z', { event: 'pull_request_target' }, { zip: poisonZip })
    upload(207, '2026-11-08T00:00:00Z', { event: 'workflow_run' }, { zip: poisonZip })
    // An artifact of another name in the trusted run, which a name filter would have left out.
    server.state.artifacts.push({
      id: 9999,
      name: 'coverage',
      runId: 101,
      createdAt: '2026-11-09T00:00:00Z',
      zip: poisonZip
    })
    const parsed = await loadArtifactFindings(client, request)
    expect(principalsOf(parsed)).toEqual([[MY_ROLE], []])
    const downloads = server.state.requests.filter(r => r.path.endsWith('/zip')).map(r => r.path)
    expect(downloads).toEqual([`/repos/${OWNER}/${REPO}/actions/artifacts/1010/zip`])
  })

  it('takes the next trusted run when the newest uploaded no such artifact', async () => {
    upload(101, '2026-11-01T00:00:00Z')
    server.state.runs.push({
      id: 102,
      workflowId: WORKFLOW_ID,
      event: 'schedule',
      headBranch: 'main',
      createdAt: '2026-11-02T00:00:00Z'
    })
    const log: string[] = []
    await loadArtifactFindings(client, request, line => log.push(line))
    expect(log[0]).toContain('of run 101 ')
  })

  it('fails with a sentence naming the artifact, the workflow and why each candidate was refused', async () => {
    poisonedByForkAndBranch()
    const failure = loadArtifactFindings(client, request)
    await expect(failure).rejects.toThrow(ConfigurationError)
    await expect(failure).rejects.toThrow(
      `no trusted artifact "iam-findings" in ${OWNER}/${REPO}: findings are read only from a ` +
        `successful schedule, push, workflow_dispatch run of .github/workflows/${WORKFLOW_FILE} ` +
        `(input findings-artifact-workflow) on the default branch main of ${OWNER}/${REPO} itself, ` +
        'not a fork; refused: artifact 2020 of run 202: it ran on the branch feature, not on the ' +
        `default branch main; artifact 2010 of run 201: it ran code from the fork ${FORK_OWNER}/${REPO}`
    )
    // Nothing untrusted was downloaded.
    expect(server.state.requests.some(r => r.path.endsWith('/zip'))).toBe(false)
  })

  it('says so when the workflow has no trusted run at all', async () => {
    await expect(loadArtifactFindings(client, request)).rejects.toThrow(
      'not a fork, and it has no such run: run that workflow on main'
    )
  })

  it('says so when the trusted run’s artifact has expired', async () => {
    upload(101, '2026-11-01T00:00:00Z', {}, { expired: true })
    await expect(loadArtifactFindings(client, request)).rejects.toThrow(
      'refused: run 101 (schedule, 2026-11-01T00:00:00Z): its artifact has expired'
    )
  })

  it('keeps the list of refusals short however many poisoned runs there are', async () => {
    server.state.ignoreFilters = true
    for (let i = 0; i < 40; i++) {
      upload(300 + i, `2026-11-0${1 + (i % 9)}T00:00:${String(10 + i).padStart(2, '0')}Z`, {
        event: 'pull_request',
        headOwner: FORK_OWNER
      })
    }
    const failure = loadArtifactFindings(client, request)
    await expect(failure).rejects.toThrow(/; and \d+ more$/)
    const message = String(await failure.catch((e: Error) => e.message))
    expect((message.match(/it ran code from the fork/g) ?? []).length).toBe(REFUSALS_SHOWN)
  })
})

describe('an explicit findings-artifact-run-id', () => {
  it('is read when the run passes every check', async () => {
    upload(101, '2026-11-01T00:00:00Z')
    upload(102, '2026-11-02T00:00:00Z', { event: 'workflow_dispatch' })
    const log: string[] = []
    await loadArtifactFindings(client, { ...request, runId: 101 }, line => log.push(line))
    expect(log[0]).toContain('of run 101 (schedule on main')
    expect(server.state.requests.map(r => r.path)).toContain(
      `/repos/${OWNER}/${REPO}/actions/runs/101`
    )
  })

  it.each([
    [
      'a fork’s run',
      { event: 'pull_request', headOwner: FORK_OWNER },
      `it ran code from the fork ${FORK_OWNER}/${REPO}`
    ],
    [
      'a feature branch’s run',
      { event: 'push', headBranch: 'feature' },
      'it ran on the branch feature, not on the default branch main'
    ],
    [
      'a pull request’s run',
      { event: 'pull_request' },
      'it was started by pull_request, not by schedule, push, workflow_dispatch'
    ],
    ['a failed run', { conclusion: 'failure' as const }, 'it concluded failure'],
    ['a run still going', { status: 'in_progress' as const }, 'it has not finished (in_progress)'],
    [
      'a run of another workflow',
      { workflowId: 11 },
      `it is a run of .github/workflows/ci.yml, not of .github/workflows/${WORKFLOW_FILE}`
    ]
  ])('is refused when it is %s', async (_, run, why) => {
    upload(150, '2026-11-01T00:00:00Z', run)
    const failure = loadArtifactFindings(client, { ...request, runId: 150 })
    await expect(failure).rejects.toThrow(
      `findings-artifact-run-id 150 is not a trusted run for artifact "iam-findings": ${why}`
    )
    expect(server.state.requests.some(r => r.path.endsWith('/zip'))).toBe(false)
  })

  it('says what to check when the run is unknown or uploaded no such artifact', async () => {
    await expect(loadArtifactFindings(client, { ...request, runId: 999 })).rejects.toThrow(
      `no workflow run 999 in ${OWNER}/${REPO} (HTTP 404): check findings-artifact-run-id`
    )
    upload(101, '2026-11-01T00:00:00Z', {}, { name: 'other' })
    await expect(loadArtifactFindings(client, { ...request, runId: 101 })).rejects.toThrow(
      `run 101 of .github/workflows/${WORKFLOW_FILE} in ${OWNER}/${REPO} uploaded no artifact named "iam-findings"`
    )
  })
})

describe('another repository (findings-artifact-repository)', () => {
  function securityRepository(): void {
    server.state.repositories.push(
      { id: 50, owner: 'security', name: 'aws-findings', defaultBranch: 'trunk' },
      { id: 51, owner: FORK_OWNER, name: 'aws-findings', defaultBranch: 'trunk', fork: true }
    )
    server.state.workflows.push({
      id: 60,
      owner: 'security',
      repo: 'aws-findings',
      path: '.github/workflows/export.yml',
      name: 'export'
    })
  }
  const elsewhere = (workflow: string, runId?: number) => ({
    ...request,
    workflow,
    repository: 'security/aws-findings',
    ...(runId === undefined ? {} : { runId })
  })
  const there = { owner: 'security', repo: 'aws-findings', workflowId: 60 }

  it('applies the same rules with that repository’s default branch, id and workflow', async () => {
    securityRepository()
    upload(401, '2026-11-01T00:00:00Z', { ...there, headBranch: 'trunk' })
    upload(402, '2026-11-02T00:00:00Z', { ...there, headBranch: 'main' }, { zip: poisonZip })
    upload(
      403,
      '2026-11-03T00:00:00Z',
      {
        ...there,
        headBranch: 'trunk',
        event: 'pull_request',
        headOwner: FORK_OWNER,
        headRepo: 'aws-findings'
      },
      { zip: poisonZip }
    )
    const log: string[] = []
    const parsed = await loadArtifactFindings(client, elsewhere('export.yml'), l => log.push(l))
    expect(principalsOf(parsed)).toEqual([[MY_ROLE], []])
    expect(log[0]).toContain('of run 401 (schedule on trunk')
    expect(log[0]).toContain('in security/aws-findings')
    // The id works as well as the file name; a run id is checked against that repository.
    await loadArtifactFindings(client, elsewhere('60', 401))
    await expect(loadArtifactFindings(client, elsewhere('60', 402))).rejects.toThrow(
      'it ran on the branch main, not on the default branch trunk'
    )
  })

  it('does not read a run of this repository as one of that repository', async () => {
    securityRepository()
    upload(101, '2026-11-01T00:00:00Z') // octo/app's own trusted run
    await expect(loadArtifactFindings(client, elsewhere('export.yml', 101))).rejects.toThrow(
      'no workflow run 101 in security/aws-findings (HTTP 404)'
    )
  })

  it('refuses a repository that is not owner/repo', async () => {
    await expect(
      loadArtifactFindings(client, { ...request, repository: 'not a repo' })
    ).rejects.toThrow('findings-artifact-repository must be "owner/repo"; got "not a repo"')
  })
})

describe('errors from GitHub', () => {
  it('names the workflow input when the workflow does not exist', async () => {
    await expect(
      loadArtifactFindings(client, { ...request, workflow: 'export.yml' })
    ).rejects.toThrow(
      `no workflow "export.yml" in ${OWNER}/${REPO} (HTTP 404): set findings-artifact-workflow`
    )
  })

  it('turns 403 and 404 into sentences about the token and the repository', async () => {
    server.state.statusFor = new Map([[`/repos/${OWNER}/${REPO}/actions/workflows/10/runs`, 403]])
    await expect(loadArtifactFindings(client, request)).rejects.toThrow(
      `the token may not list the runs of .github/workflows/${WORKFLOW_FILE} in ${OWNER}/${REPO} ` +
        '(HTTP 403): give the workflow `permissions: actions: read`'
    )
    server.state.statusFor = new Map()
    await expect(
      loadArtifactFindings(client, { ...request, repository: 'nobody/nothing' })
    ).rejects.toThrow(
      'cannot read the repository nobody/nothing (HTTP 404): check findings-artifact-repository'
    )
  })

  // 404, not 410: the shared client retries a 410, which takes seconds here.
  it('says the artifact is gone when the download answers 404', async () => {
    upload(101, '2026-10-20T00:00:00Z')
    server.state.statusFor = new Map([[`/repos/${OWNER}/${REPO}/actions/artifacts/1010/zip`, 404]])
    await expect(loadArtifactFindings(client, request)).rejects.toThrow(
      /artifact "iam-findings" \(id 1010\) in octo\/app is gone \(HTTP 404\): it expired or was deleted/
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
