/**
 * Sweep mode end to end, around its branch: dist/index.js closes the pull request and deletes the
 * branch when the findings leave nothing to change, never overwrites a commit someone else pushed
 * (and says so once), fails with a sentence and the whole change in the job summary when the
 * token cannot write, and runs only where its mode says. The open pull request these runs meet
 * is set up in process (helpers/sweep-in-process.ts), with the same inputs.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isSweepCommit, LEFT_ALONE_MARKER } from '../src/report/sweep-body.js'
import { actionSandbox, filesOf, type ActionRun, type ActionSandbox } from './helpers/action-run.js'
import { useFastClock } from './helpers/fast-clock.js'
import { sweepInProcess } from './helpers/sweep-in-process.js'
import { startGitHubServer, type GitHubServer } from './servers/github.js'

const fixture = '__tests__/fixtures/repo'
const BRANCH = 'iam-refine/least-privilege'

let server: GitHubServer
let sandbox: ActionSandbox
let workspace: string
useFastClock()

beforeEach(async () => {
  sandbox = actionSandbox()
  workspace = sandbox.workspace
  cpSync(`${fixture}/input`, workspace, { recursive: true })
  cpSync(`${fixture}/findings.json`, join(workspace, 'findings/findings.json'))
  cpSync(`${fixture}/catalog.json`, join(workspace, 'catalog.json'))
  server = await startGitHubServer()
  server.git.seed('acme', 'infra', Object.fromEntries(filesOf(workspace)))
})

afterEach(async () => {
  await server?.close()
  sandbox.remove()
})

function run(
  inputs: Record<string, string> = {},
  event = 'schedule',
  payload: unknown = { repository: { name: 'infra', owner: { login: 'acme' } } }
): Promise<ActionRun> {
  sandbox.event(payload as Record<string, unknown>)
  return sandbox.run(
    server.url,
    { findings: 'findings/*.json', catalog: 'catalog.json', ...inputs },
    { GITHUB_EVENT_NAME: event }
  )
}

describe('dist/index.js sweeps around its branch', () => {
  it('closes the pull request with a comment and deletes the branch when the findings leave nothing to change', async () => {
    const open = await sweepInProcess(server.url, workspace)
    const number = String(open.sweep.pullRequest!.number)
    const findings = JSON.stringify({ findings: [] })
    writeFileSync(join(workspace, 'findings/findings.json'), findings)
    server.git.push('acme', 'infra', 'main', { 'findings/findings.json': findings })

    const closed = await run()
    expect(closed.stdout).not.toMatch(/\n\s+at /)
    expect(closed.code).toBe(0)
    expect(closed.outputs).toMatchObject({ operation: 'closed', 'pull-request-number': number })
    expect(server.git.pulls[0]!.state).toBe('closed')
    expect(server.git.branch('acme', 'infra', BRANCH)).toBeUndefined()
    const comments = server.issueComments.filter(c => String(c.issue_number) === number)
    expect(comments.map(c => c.body.split('\n')[1])).toEqual([
      expect.stringMatching(/^Nothing is left to change: no policy of this repository allows/)
    ])
    expect(closed.summary).toMatch(
      /Nothing is left to change: closed the pull request and deleted its branch/
    )
  }, 60_000)

  it('never overwrites a commit someone else pushed: one comment, the pull request left alone; sweep-force-push rebuilds', async () => {
    const open = await sweepInProcess(server.url, workspace)
    const theirs = server.git.push(
      'acme',
      'infra',
      BRANCH,
      { 'policies/AppRole.json': '{"Version": "2012-10-17", "Statement": []}\n' },
      'Keep the nightly job working'
    )
    for (let i = 0; i < 2; i++) {
      const left = await run()
      expect(left.code).toBe(0)
      expect(left.outputs.operation).toBe('unchanged')
      expect(left.stdout).toMatch(
        /::warning::iam-refine: someone else pushed to iam-refine\/least-privilege/
      )
      expect(server.git.branch('acme', 'infra', BRANCH)).toBe(theirs)
      expect(server.git.pulls[0]!.state).toBe('open')
    }
    const said = server.issueComments.filter(c => c.body.includes(LEFT_ALONE_MARKER))
    expect(said).toHaveLength(1)
    expect(said[0]!.user.login).toBe('github-actions[bot]')

    const forced = await run({ 'sweep-force-push': 'true' })
    expect(forced.code).toBe(0)
    expect(forced.outputs).toMatchObject({
      operation: 'updated',
      'pull-request-number': String(open.sweep.pullRequest!.number)
    })
    const head = server.git.commit(server.git.branch('acme', 'infra', BRANCH)!)
    expect(isSweepCommit(head)).toBe(true)
    expect(head.parents).toEqual([server.git.branch('acme', 'infra', 'main')])
  }, 60_000)

  it('fails with a sentence on a read-only token, with the whole change in the job summary and the report', async () => {
    server.readOnly = true
    const refused = await run()
    expect(refused.stdout).not.toMatch(/\n\s+at /)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(
      /::error::GitHub refused to create the tree for iam-refine\/least-privilege \(HTTP 403: Resource not accessible by integration\): the token needs `contents: write`/
    )
    expect(refused.outputs.operation).toBe('none')
    expect(server.git.branch('acme', 'infra', BRANCH)).toBeUndefined()
    expect(refused.summary).toMatch(/^> \[!WARNING\]\n> GitHub refused to create the tree/)
    expect(refused.summary).toContain('## Unused IAM permissions removed')
    expect(refused.summary).toContain('### The change')
    expect(refused.summary).toContain(
      '```diff\n--- a/policies/AppRole.json\n+++ b/policies/AppRole.json'
    )
    const report = JSON.parse(readFileSync(refused.outputs.report!, 'utf8'))
    const refined = report.files.flatMap((f: { policies: { status: string }[] }) => f.policies)
    expect(
      refined.filter((p: { status: string }) => p.status === 'refined').length
    ).toBeGreaterThan(5)
    expect(report.notes.join(' ')).toMatch(/GitHub refused to create the tree/)
  }, 60_000)

  it('runs only where its mode says: another event does nothing and says so; a sweep refuses a pull-request event', async () => {
    const push = await run({}, 'push')
    expect(push.code).toBe(0)
    expect(push.stdout).toMatch(
      /::notice::iam-refine did nothing on this push event: with mode: auto it reviews pull_request events and sweeps the repository on schedule and workflow_dispatch/
    )
    expect(server.requests).toHaveLength(0)

    const onPull = await run({ mode: 'sweep' }, 'pull_request', {
      pull_request: { number: 7, head: { sha: 'c'.repeat(40) } },
      repository: { name: 'infra', owner: { login: 'acme' } }
    })
    expect(onPull.code).toBe(1)
    expect(onPull.stdout).toMatch(/::error::Input mode is sweep, but this is a pull_request event/)
    expect(server.requests).toHaveLength(0)

    const dispatch = await run({ 'sweep-branch': 'bad..name' }, 'workflow_dispatch')
    expect(dispatch.code).toBe(1)
    expect(dispatch.stdout).toMatch(/::error::Input sweep-branch is not a branch name Git accepts/)
  }, 60_000)
})
