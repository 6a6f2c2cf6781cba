/**
 * dist/index.js on a pull request whose workspace is a real Git checkout (made with `git init` and
 * commits, as actions/checkout leaves it): the changed files come from the checkout's objects by
 * the blob ids GitHub lists, what the checkout lacks through the API, and the run writes once.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { blobId } from '../src/github/git-hash.js'
import { USER_AGENT } from '../src/github/client.js'
import { applySuggestions } from '../src/github/placement.js'
import { SUMMARY_MARKER } from '../src/report/fingerprint.js'
import { newFilePatch } from './fixtures/github/reports.js'
import { actionSandbox, pullRequestEvent, type ActionSandbox } from './helpers/action-run.js'
import { gitRepo, type GitRepo } from './helpers/git-repo.js'
import { startGitHubServer, type GitHubServer, type RecordedRequest } from './servers/github.js'

const fixture = '__tests__/fixtures/repo'
const head = (path: string): string => readFileSync(`${fixture}/input/${path}`, 'utf8')
const expected = (path: string): string => readFileSync(`${fixture}/expected/${path}`, 'utf8')
const CHANGED = ['policies/AppRole.json', 'cfn/app.yaml']

let box: ActionSandbox | undefined
let server: GitHubServer | undefined
afterEach(async () => {
  await server?.close()
  box?.remove()
  server = undefined
  box = undefined
})

/**
 * The workspace: a checkout holding the configuration, findings, catalog and `checkedOut` as the
 * changed files' texts; GitHub's head commit has `headTexts`.
 */
async function setUp(
  checkedOut: Record<string, string>,
  headTexts: Record<string, string>,
  headSha?: string
) {
  box = actionSandbox()
  const repo: GitRepo = gitRepo(
    {
      ...checkedOut,
      '.github/iam-refine.yml': head('.github/iam-refine.yml'),
      'findings/findings.json': readFileSync(`${fixture}/findings.json`, 'utf8'),
      'catalog.json': readFileSync(`${fixture}/catalog.json`, 'utf8')
    },
    box.workspace
  )
  const sha = headSha ?? repo.head()
  box.event(pullRequestEvent(7, sha))
  server = await startGitHubServer({
    pulls: [
      {
        owner: 'acme',
        repo: 'infra',
        number: 7,
        headSha: sha,
        files: CHANGED.map(path => ({
          filename: path,
          status: 'added' as const,
          patch: newFilePatch(headTexts[path]!),
          sha: blobId(Buffer.from(headTexts[path]!))
        }))
      }
    ],
    contents: { [sha]: headTexts }
  })
  return { box, server }
}

const inputs = { findings: 'findings/*.json', catalog: 'catalog.json', 'fail-on': 'unused' }
const writes = (s: GitHubServer): RecordedRequest[] =>
  s.requests.filter(r => r.method !== 'GET' && r.path !== '/graphql')
const agent = (r: RecordedRequest): string => (r.headers['user-agent'] ?? '').split(' ')[0]!

describe('dist/index.js with a checkout of the head commit', () => {
  it('reads the changed files from the checkout’s objects, posts one review carrying the summary, and a re-run writes nothing', async () => {
    const texts = Object.fromEntries(CHANGED.map(p => [p, head(p)]))
    const { box, server } = await setUp(texts, texts)
    const run = await box.run(server.url, inputs)
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("Read 2 of 2 files from the checkout's Git objects.")
    // Nothing read through the API: no contents query, no contents read.
    expect(server.graphqlQueries('contents')).toBe(0)
    expect(server.count('GET', '/contents/')).toBe(0)
    for (const f of CHANGED)
      expect(applySuggestions(head(f), server.suggestions(f))).toBe(expected(f))
    // One write: the review, its body the summary.
    expect(writes(server).map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/infra/pulls/7/reviews'
    ])
    expect(server.reviews[0]!.body.startsWith(SUMMARY_MARKER)).toBe(true)
    expect(server.issueComments).toHaveLength(0)

    const again = await box.run(server.url, inputs)
    expect(again.code).toBe(1)
    expect(writes(server)).toHaveLength(1)
    // Reads through the read client, the one write through the write client.
    const reads = server.requests.filter(r => !writes(server).includes(r))
    expect(new Set(reads.map(agent))).toEqual(new Set([USER_AGENT.read]))
    expect(writes(server).map(agent)).toEqual([USER_AGENT.write])
  }, 60_000)

  it('reads through the API the file the checkout holds otherwise (a merge checkout), at the head commit', async () => {
    const headTexts = Object.fromEntries(CHANGED.map(p => [p, head(p)]))
    // The merge commit's AppRole.json has lines the head commit does not: another blob.
    const merged = {
      ...headTexts,
      'policies/AppRole.json': `\n\n\n${head('policies/AppRole.json')}`
    }
    // The checkout is the merge commit, not GitHub's head commit.
    const HEAD = 'c'.repeat(40)
    const { box, server } = await setUp(merged, headTexts, HEAD)
    const run = await box.run(server.url, inputs)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      "Read 1 of 2 files from the checkout's Git objects, 1 through the API."
    )
    expect(server.graphqlExpressions()).toEqual([`${HEAD}:policies/AppRole.json`])
    // The suggestions are on the head commit's lines, not the merge's.
    for (const f of CHANGED)
      expect(applySuggestions(head(f), server.suggestions(f))).toBe(expected(f))
  }, 60_000)
})
