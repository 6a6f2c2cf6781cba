/**
 * The bundled action, run as the runner runs it (helpers/action-run.ts): `node dist/index.js` with
 * INPUT_* variables, an event payload, a workspace holding a merge checkout whose files differ
 * from the head commit, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT, against the strict loopback GitHub
 * server.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { applySuggestions } from '../src/github/placement.js'
import { SUMMARY_MARKER } from '../src/report/fingerprint.js'
import { newFilePatch } from './fixtures/github/reports.js'
import {
  actionSandbox,
  pullRequestEvent,
  type ActionRun,
  type ActionSandbox
} from './helpers/action-run.js'
import {
  startGitHubServer,
  type GitHubServer,
  type GraphqlOptions,
  type ServerFile
} from './servers/github.js'

const HEAD = 'c'.repeat(40)
const repo = '__tests__/fixtures/repo'
const head = (path: string): string => readFileSync(`${repo}/input/${path}`, 'utf8')
const expected = (path: string): string => readFileSync(`${repo}/expected/${path}`, 'utf8')
// A Serverless Framework service among the changed files, with its findings and fixed text.
const service = '__tests__/fixtures/forms/serverless-provider'
const SERVICE_FILE = 'services/orders/serverless.yml'
const serviceText = readFileSync(`${service}/input/serverless.yml`, 'utf8')
const serviceFixed = readFileSync(`${service}/expected/serverless.yml`, 'utf8')
// A service that includes its statements from another changed file, `${file(../iam/shared.yml)}`.
const ingest = '__tests__/fixtures/forms/serverless-includes'
const INCLUDING = 'ingest/service/serverless.yml'
const INCLUDED = 'ingest/iam/shared.yml'
const includingText = readFileSync(`${ingest}/input/service/serverless.yml`, 'utf8')
const includedText = readFileSync(`${ingest}/input/iam/shared.yml`, 'utf8')
const includedFixed = readFileSync(`${ingest}/expected/iam/shared.yml`, 'utf8')

/** A patch whose one hunk shows lines `from`..`to` of `text` as unchanged context. */
function contextPatch(text: string, from: number, to: number): string {
  const lines = text.split('\n').slice(from - 1, to)
  const n = lines.length
  return [`@@ -${from},${n} +${from},${n} @@`, ...lines.map(l => ` ${l}`)].join('\n')
}

const changed: Record<string, ServerFile> = {
  app: {
    filename: 'policies/AppRole.json',
    status: 'modified',
    patch: newFilePatch(head('policies/AppRole.json'))
  },
  cfn: { filename: 'cfn/app.yaml', status: 'added', patch: newFilePatch(head('cfn/app.yaml')) },
  // Only the first three lines are in the diff: its suggestions can only go to the summary.
  network: {
    filename: 'cfn/network.json',
    status: 'modified',
    patch: contextPatch(head('cfn/network.json'), 1, 3)
  },
  broken: {
    filename: 'broken/bad-policy.json',
    status: 'added',
    patch: newFilePatch(head('broken/bad-policy.json'))
  },
  service: { filename: SERVICE_FILE, status: 'added', patch: newFilePatch(serviceText) },
  including: { filename: INCLUDING, status: 'added', patch: newFilePatch(includingText) },
  included: { filename: INCLUDED, status: 'added', patch: newFilePatch(includedText) },
  removed: { filename: 'policies/Old.json', status: 'removed', patch: '@@ -1,1 +0,0 @@\n-{}' },
  // Source code cannot hold a policy: the action does not spend a call to read it.
  code: { filename: 'src/app.ts', status: 'modified', patch: '@@ -1,1 +1,1 @@\n-a\n+b' }
}

let server: GitHubServer
let sandbox: ActionSandbox

beforeEach(() => {
  sandbox = actionSandbox()
  // The workspace is the merge commit: the same files with lines the head commit does not have.
  const workspace = sandbox.workspace
  cpSync(`${repo}/input`, workspace, { recursive: true })
  for (const f of ['policies/AppRole.json', 'cfn/network.json']) {
    sandbox.write(f, `\n\n\n${head(f)}`)
  }
  cpSync(`${repo}/findings.json`, join(workspace, 'findings/findings.json'), { recursive: true })
  cpSync(`${service}/findings.json`, join(workspace, 'findings/serverless.json'))
  cpSync(`${ingest}/findings.json`, join(workspace, 'findings/ingest.json'))
  cpSync(`${ingest}/input`, join(workspace, 'ingest'), { recursive: true })
  sandbox.write(SERVICE_FILE, serviceText)
  cpSync(`${repo}/catalog.json`, join(workspace, 'catalog.json'))
  sandbox.event(pullRequestEvent(7, HEAD))
})

afterEach(async () => {
  await server?.close()
  sandbox.remove()
})

async function startServer(readOnly = false, graphql?: GraphqlOptions): Promise<GitHubServer> {
  const contents: Record<string, string> = {}
  for (const f of Object.values(changed)) {
    if (f.status === 'removed') continue
    contents[f.filename] =
      f.filename === 'src/app.ts'
        ? 'export const b = 1\n'
        : f.filename === SERVICE_FILE
          ? serviceText
          : f.filename === INCLUDING
            ? includingText
            : f.filename === INCLUDED
              ? includedText
              : head(f.filename)
  }
  server = await startGitHubServer({
    pulls: [
      { owner: 'acme', repo: 'infra', number: 7, headSha: HEAD, files: Object.values(changed) }
    ],
    contents: { [HEAD]: contents },
    readOnly,
    ...(graphql ? { graphql } : {})
  })
  return server
}

/** dist/index.js on the pull request, with this file's findings and catalog, failing on unused. */
function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  return sandbox.run(server.url, {
    findings: 'findings/*.json',
    catalog: 'catalog.json',
    'fail-on': 'unused',
    ...inputs
  })
}

describe('dist/index.js on a pull request', () => {
  it('posts one review whose suggestions, accepted, give exactly the refinement; the rest is in the summary', async () => {
    await startServer()
    const first = await runAction({})
    expect(first.stdout).not.toMatch(/\n\s+at /)
    expect(first.code).toBe(1) // fail-on: unused, and unused permissions remain
    expect(first.stdout).toMatch(/keep \d+ unused actions/)

    expect(server.reviews).toHaveLength(1)
    expect(server.reviews[0]).toMatchObject({ commit_id: HEAD })
    for (const f of ['policies/AppRole.json', 'cfn/app.yaml']) {
      expect(applySuggestions(head(f), server.suggestions(f))).toBe(expected(f))
    }
    // serverless.yml: the shared role's statements and the resources' role, as check --fix does
    expect(server.suggestions(SERVICE_FILE).length).toBeGreaterThanOrEqual(2)
    expect(applySuggestions(serviceText, server.suggestions(SERVICE_FILE))).toBe(serviceFixed)
    // the included statements, refined for the role of the service that includes them
    expect(applySuggestions(includedText, server.suggestions(INCLUDED))).toBe(includedFixed)
    // Outside the diff: nothing on the file, the full proposed text in the summary.
    expect(server.suggestions('cfn/network.json')).toEqual([])
    expect(first.summary).toContain('cfn/network.json')
    expect(first.summary).toMatch(/outside the lines this pull request changes/)
    expect(first.summary).toMatch(/broken\/bad-policy\.json/)
    // No review comment names a removed file or the malformed one.
    expect(server.reviewComments.map(c => c.path).sort()).not.toContain('policies/Old.json')
    // The head contents of the candidate files come in one GraphQL query at the head commit,
    // each file asked once; no per-file REST read, and nothing asked for a file that cannot hold
    // a policy.
    expect(server.graphqlQueries('contents')).toBe(1)
    expect(server.count('GET', '/contents/')).toBe(0)
    const asked = server.graphqlExpressions()
    expect(asked.filter(e => e === `${HEAD}:policies/AppRole.json`)).toHaveLength(1)
    expect(asked.every(e => e.startsWith(`${HEAD}:`))).toBe(true)
    expect(asked.some(e => e.endsWith('app.ts'))).toBe(false)
    expect(server.count('GET', 'app.ts')).toBe(0)

    expect(Number(first.outputs['unused-actions'])).toBeGreaterThan(0)
    expect(Number(first.outputs['policies-refined'])).toBeGreaterThanOrEqual(3)
    const report = JSON.parse(readFileSync(first.outputs.report as string, 'utf8'))
    expect(report.files.map((f: { file: string }) => f.file).sort()).toEqual(
      [
        'broken/bad-policy.json',
        'cfn/app.yaml',
        'cfn/network.json',
        'policies/AppRole.json',
        SERVICE_FILE,
        INCLUDING,
        INCLUDED
      ].sort()
    )
    const sarif = JSON.parse(readFileSync(first.outputs.sarif as string, 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results.length).toBeGreaterThan(0)

    // One write: the review, whose body is the summary.
    const writes = () => server.requests.filter(r => r.method !== 'GET' && r.path !== '/graphql')
    expect(writes().map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/infra/pulls/7/reviews'
    ])
    expect(server.reviews[0]!.body).toContain(SUMMARY_MARKER)
    expect(server.reviews[0]!.body).toContain('cfn/network.json')
    // A re-run writes nothing, and the one summary stays where it is.
    const comments = server.reviewComments.length
    const second = await runAction({})
    expect(second.code).toBe(1)
    expect(server.reviewComments).toHaveLength(comments)
    expect(writes()).toHaveLength(1)
    expect(server.issueComments).toHaveLength(0)
    expect(server.reviews.filter(r => r.body.includes(SUMMARY_MARKER))).toHaveLength(1)
  }, 120_000)

  // The REST fallback, end to end: a token or server that refuses GraphQL (403) gets the very
  // review the GraphQL read gives (a query answered with errors falls back the same way:
  // github-content.test.ts).
  it('reads the files over REST when GraphQL is refused, with the same suggestions', async () => {
    await startServer(false, { mode: 'forbidden' })
    const run = await runAction({})
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(run.stdout).not.toMatch(/unexpected error/)
    expect(run.code).toBe(1)
    expect(server.count('POST', /^\/graphql$/)).toBeGreaterThan(0) // asked, and refused
    expect(server.graphqlExpressions()).toEqual([])
    // Every candidate file once over REST, at the head commit; none that cannot hold a policy.
    const reads = server.requests.filter(r => r.method === 'GET' && r.path.includes('/contents/'))
    expect(reads.every(r => r.status === 200 && r.query.ref === HEAD)).toBe(true)
    const candidates = Object.values(changed)
      .filter(f => f.status !== 'removed' && f.filename !== 'src/app.ts')
      .map(f => f.filename)
    expect(
      reads.map(r => decodeURIComponent(r.path.replace(/^.*\/contents\//, ''))).sort()
    ).toEqual(candidates.sort())
    expect(server.count('GET', 'app.ts')).toBe(0)
    for (const f of ['policies/AppRole.json', 'cfn/app.yaml']) {
      expect(applySuggestions(head(f), server.suggestions(f))).toBe(expected(f))
    }
    expect(applySuggestions(serviceText, server.suggestions(SERVICE_FILE))).toBe(serviceFixed)
    expect(applySuggestions(includedText, server.suggestions(INCLUDED))).toBe(includedFixed)
    expect(run.summary).toMatch(/broken\/bad-policy\.json/)
  }, 120_000)

  it('passes with fail-on: never, and rejects a bad input with a clear message', async () => {
    await startServer()
    const never = await runAction({ 'fail-on': 'never' })
    expect(never.code).toBe(0)
    const bad = await runAction({ 'max-comments': 'lots' })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(
      /::error::Input max-comments must be a positive whole number; got "lots"/
    )
    expect(bad.stdout).not.toMatch(/\n\s+at /)
  }, 120_000)

  it('degrades to warnings and the job summary with a read-only token, and still fails as fail-on says', async () => {
    await startServer(true)
    const run = await runAction({})
    expect(run.code).toBe(1)
    expect(server.reviews).toHaveLength(0)
    expect(run.stdout).toMatch(/::warning/)
    expect(run.summary).toContain('policies/AppRole.json')
    expect(run.summary).toMatch(/cannot write to this pull request/)
  }, 120_000)
})

describe('dist/index.js on a pull request that changes Terraform', () => {
  const tf = '__tests__/fixtures/terraform'
  const tfHead = (path: string): string => readFileSync(`${tf}/input/${path}`, 'utf8')

  it('reads the module around the changed .tf file, suggests the refinement, and refines the document it uses from another file', async () => {
    // the pull request changes app/main.tf only; its role is named by variables.tf and
    // terraform.tfvars, and documents.tf holds a document main.tf uses
    const contents: Record<string, string> = {}
    for (const f of [
      'app/main.tf',
      'app/documents.tf',
      'app/variables.tf',
      'app/terraform.tfvars'
    ]) {
      contents[f] = tfHead(f)
    }
    server = await startGitHubServer({
      pulls: [
        {
          owner: 'acme',
          repo: 'infra',
          number: 7,
          headSha: HEAD,
          files: [
            {
              filename: 'app/main.tf',
              status: 'modified',
              patch: newFilePatch(tfHead('app/main.tf'))
            }
          ]
        }
      ],
      contents: { [HEAD]: contents }
    })
    const workspace = sandbox.workspace
    cpSync(`${tf}/findings.json`, join(workspace, 'findings/tf.json'))
    cpSync(`${tf}/catalog.json`, join(workspace, 'catalog.json'))
    rmSync(join(workspace, 'findings/findings.json'))
    const run = await runAction({})
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(run.code).toBe(1)
    // the suggestions on the changed file, accepted, give exactly the fixed file
    expect(applySuggestions(tfHead('app/main.tf'), server.suggestions('app/main.tf'))).toBe(
      readFileSync(`${tf}/expected/app/main.tf`, 'utf8')
    )
    // the folder was listed at the head commit, and its other files read
    expect(server.count('GET', '/contents/app')).toBeGreaterThanOrEqual(1)
    const asked = server.graphqlExpressions()
    expect(asked).toContain(`${HEAD}:app/terraform.tfvars`)
    const report = JSON.parse(readFileSync(run.outputs.report as string, 'utf8'))
    const files = report.files.map((f: { file: string }) => f.file).sort()
    expect(files).toEqual(['app/documents.tf', 'app/main.tf'])
    const main = report.files.find((f: { file: string }) => f.file === 'app/main.tf')
    expect(main.policies[0]).toMatchObject({
      principals: ['arn:aws:iam::123456789012:role/shop-prod-app'],
      principalSource: 'terraform-variables'
    })
    // documents.tf is not in the diff: its change is in the summary, not on the file
    expect(server.suggestions('app/documents.tf')).toEqual([])
    expect(run.summary).toContain('app/documents.tf')
  }, 120_000)
})
