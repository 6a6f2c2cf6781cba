/**
 * The review's numbers (`npm run bench review`): the action as the runner runs it (`node
 * dist/index.js`, a child process with INPUT_* variables and an event payload) on a synthetic pull
 * request of generated policy files, against the loopback GitHub server, the real Octokit clients
 * and the real throttling plugin spacing the writes. Each run lists the changed files, reads them
 * at the head commit, refines every policy, and posts one review with the summary; then the same
 * run again (a re-run: nothing new to post, nothing written).
 *
 * Before and after in the same run, interleaved, medians of IAM_REFINE_BENCH_REPS (default 3)
 * pairs:
 * - `before`: the action of IAM_REFINE_BENCH_BASE (default `main`): its committed `dist/` (which
 *   CI checks is the build of its sources), extracted with `git archive` into
 *   `.bench/review-base-<commit>/`;
 * - `after, checkout`: this tree's `dist/` (run `npm run bundle` first), the workspace a Git
 *   checkout of the head commit, so the files come from its objects;
 * - `after, no checkout`: the same without a repository in the workspace, so every file is read
 *   through the API (GraphQL batches of 50) with the unspaced read client.
 * The API calls must grow with pages of files, not with files or with the lines of the policies
 * (the 10x longer policies of the second row).
 */
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { MAX_FILE_BYTES } from '../../src/github/file-content.js'
import { readGitBlobs } from '../../src/io/git-objects.js'
import { gitRepo, type GitRepo } from '../../__tests__/helpers/git-repo.js'
import {
  startGitHubServer,
  type GitHubServer,
  type RecordedRequest,
  type ServerFile
} from '../../__tests__/servers/github.js'

const ROLE = 'arn:aws:iam::123456789012:role/App'
const REPS = Math.max(1, Number(process.env.IAM_REFINE_BENCH_REPS ?? 3) || 3)
const BASE = process.env.IAM_REFINE_BENCH_BASE ?? 'main'

/** A policy of `statements` statements, each allowing three s3 actions of which two are unused. */
function policyText(file: number, statements: number): string {
  const doc = {
    Version: '2012-10-17',
    Statement: Array.from({ length: statements }, (_, k) => ({
      Sid: `S${k}`,
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: `arn:aws:s3:::bucket-${file}-${k}/*`
    }))
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

function newFilePatch(text: string): string {
  const lines = text.slice(0, -1).split('\n')
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map(l => `+${l}`)].join('\n')
}

/** The files every workspace holds: the configuration and the findings (not changed by the PR). */
const SETTINGS: Record<string, string> = {
  '.github/iam-refine.yml': `principals:\n  - files: ["iam/*.json"]\n    principal: ${ROLE}\n`,
  'findings/findings.json': JSON.stringify({
    findings: [
      {
        id: '00000001-aaaa-4bbb-8ccc-000000000001',
        resource: ROLE,
        resourceType: 'AWS::IAM::Role',
        resourceOwnerAccount: '123456789012',
        status: 'ACTIVE',
        findingType: 'UnusedPermission',
        createdAt: '2026-10-01T00:00:00+00:00',
        analyzedAt: '2026-10-01T00:00:00+00:00',
        updatedAt: '2026-10-01T00:00:00+00:00',
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
  })
}

/** The committed dist/ of `ref`, extracted once. */
function baseAction(ref: string): { entry: string; commit: string } {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], {
    encoding: 'utf8'
  }).trim()
  const dir = resolve(`.bench/review-base-${commit.slice(0, 12)}`)
  if (!existsSync(join(dir, 'dist/index.js'))) {
    mkdirSync(dir, { recursive: true })
    const tar = execFileSync('git', ['archive', commit, 'dist'], { maxBuffer: 256 * 1024 * 1024 })
    execFileSync('tar', ['-x', '-C', dir], { input: tar })
  }
  return { entry: join(dir, 'dist/index.js'), commit }
}

interface Variant {
  readonly name: string
  readonly entry: string
  readonly workspace: 'checkout' | 'plain'
}

interface Measured {
  readonly ms: number
  readonly calls: readonly RecordedRequest[]
  readonly code: number
}

/** One run of an action bundle, as the runner starts it. */
async function runAction(
  entry: string,
  server: GitHubServer,
  workspace: string,
  scratch: string,
  headSha: string
): Promise<Measured> {
  const event = join(scratch, 'event.json')
  writeFileSync(
    event,
    JSON.stringify({
      action: 'synchronize',
      number: 1,
      pull_request: { number: 1, head: { sha: headSha } },
      repository: { name: 'infra', owner: { login: 'acme' } }
    })
  )
  for (const f of ['summary.md', 'output.txt']) writeFileSync(join(scratch, f), '')
  mkdirSync(join(scratch, 'temp'), { recursive: true })
  const inputs: Record<string, string> = {
    'github-token': 'bench-token',
    findings: 'findings/*.json',
    config: '.github/iam-refine.yml',
    'fail-on': 'never',
    'review-event': 'COMMENT',
    'max-comments': '30'
  }
  const before = server.requests.length
  const started = performance.now()
  const child = spawn(process.execPath, [entry], {
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      GITHUB_API_URL: server.url,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: join(scratch, 'summary.md'),
      GITHUB_OUTPUT: join(scratch, 'output.txt'),
      RUNNER_TEMP: join(scratch, 'temp'),
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
    }
  })
  let log = ''
  child.stdout.on('data', d => (log += d))
  child.stderr.on('data', d => (log += d))
  const code = await new Promise<number>(done => child.on('close', c => done(c ?? -1)))
  const ms = performance.now() - started
  if (code !== 0) throw new Error(`${entry} exited with ${code}:\n${log.slice(-2000)}`)
  return { ms, calls: server.requests.slice(before), code }
}

function callsOf(calls: readonly RecordedRequest[]): string {
  const count = (method: string, pattern: RegExp): number =>
    calls.filter(r => r.method === method && pattern.test(r.path)).length
  const contents = calls.filter(
    r =>
      r.path === '/graphql' &&
      /object\(expression/.test(String((r.body as { query?: unknown })?.query))
  ).length
  const writes = calls.filter(r => r.method !== 'GET' && r.path !== '/graphql')
  return [
    `${calls.length} API calls (list files ${count('GET', /\/pulls\/\d+\/files$/)},`,
    `contents ${contents} GraphQL + ${count('GET', /\/contents\//)} REST,`,
    `listings ${count('GET', /\/(comments|reviews)$/)},`,
    `writes ${writes.length}: ${[...new Set(writes.map(w => `${w.method} ${w.path.replace(/^\/repos\/[^/]+\/[^/]+/, '').replace(/\d+/g, 'N')}`))].join(', ') || 'none'})`
  ].join(' ')
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function row(files: number, statements: number, variants: readonly Variant[]): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'iam-refine-bench-review-'))
  try {
    const texts: Record<string, string> = {}
    for (let i = 0; i < files; i++) texts[`iam/policy-${i}.json`] = policyText(i, statements)
    // The checkout of the head commit: settings and policies, committed.
    const repo: GitRepo = gitRepo({ ...SETTINGS, ...texts }, join(scratch, 'checkout'))
    const plain = join(scratch, 'plain')
    mkdirSync(plain)
    for (const [path, text] of Object.entries(SETTINGS)) {
      mkdirSync(join(plain, path, '..'), { recursive: true })
      writeFileSync(join(plain, path), text)
    }
    cpSync(join(repo.dir, 'iam'), join(plain, 'iam'), { recursive: true })
    const head = repo.head()
    const blobs = new Map(
      repo
        .git('ls-tree', '-r', 'HEAD', 'iam')
        .trim()
        .split('\n')
        .map(line => {
          const [meta, path] = line.split('\t')
          return [path!, meta!.split(' ')[2]!] as const
        })
    )
    const serverFiles: ServerFile[] = Object.entries(texts).map(([filename, text]) => ({
      filename,
      status: 'added',
      patch: newFilePatch(text),
      sha: blobs.get(filename)!
    }))
    const lines = policyText(0, statements).split('\n').length - 1
    // The checkout read on its own, in process: one `git cat-file --batch` for every blob.
    const gitMs: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      const got = await readGitBlobs(repo.dir, [...blobs.values()], MAX_FILE_BYTES)
      gitMs.push(performance.now() - started)
      if (got.blobs.size !== files) throw new Error(`git read ${got.blobs.size} of ${files} blobs`)
    }
    console.log(
      `${files} files x ${lines} lines: git cat-file --batch of ${files} blobs ${median(gitMs).toFixed(0)} ms (median of 5)`
    )
    const results = new Map<string, { first: Measured[]; again: Measured[] }>()
    for (let rep = 0; rep < REPS; rep++) {
      for (const v of variants) {
        const server = await startGitHubServer({
          pulls: [{ owner: 'acme', repo: 'infra', number: 1, headSha: head, files: serverFiles }],
          contents: { [head]: texts }
        })
        try {
          const workspace = v.workspace === 'checkout' ? repo.dir : plain
          const first = await runAction(v.entry, server, workspace, scratch, head)
          const again = await runAction(v.entry, server, workspace, scratch, head)
          const r = results.get(v.name) ?? { first: [], again: [] }
          r.first.push(first)
          r.again.push(again)
          results.set(v.name, r)
        } finally {
          await server.close()
        }
      }
    }
    for (const v of variants) {
      const r = results.get(v.name)!
      for (const [pass, runs] of [
        ['first run', r.first],
        ['re-run', r.again]
      ] as const) {
        const times = runs.map(m => m.ms / 1000)
        console.log(
          `${files} files x ${lines} lines, ${v.name}, ${pass}: ${median(times).toFixed(2)} s ` +
            `(median of ${times.map(t => t.toFixed(2)).join(', ')}), ${callsOf(runs[0]!.calls)}`
        )
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

const base = baseAction(BASE)
const before: Variant = {
  name: `before (${BASE} ${base.commit.slice(0, 7)})`,
  entry: base.entry,
  workspace: 'checkout'
}
const afterCheckout: Variant = {
  name: 'after, checkout',
  entry: resolve('dist/index.js'),
  workspace: 'checkout'
}
const afterPlain: Variant = {
  name: 'after, no checkout',
  entry: resolve('dist/index.js'),
  workspace: 'plain'
}
console.log(
  `node ${process.version}; ${REPS} interleaved runs per variant; after = dist/ of the working tree`
)
await row(300, 3, [before, afterCheckout, afterPlain])
await row(300, 30, [afterCheckout, afterPlain])
await row(600, 3, [before, afterCheckout, afterPlain])
