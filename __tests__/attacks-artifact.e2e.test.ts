/**
 * Poisoned findings artifacts (issue 9, attack 1), replayed through `dist/index.js` against the
 * strict loopback GitHub server and its workflow-runs and artifacts routes. A fork's pull-request
 * run and a feature branch's push run each upload an artifact named like the trusted export,
 * newer than it, whose findings call the permission the role uses unused (accepted, an outage).
 * The action reads the trusted export's artifact; with only the poisoned ones it fails the step
 * with a sentence and posts nothing. The honest case beside them still posts its suggestion.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { strToU8, zipSync } from 'fflate'
import { newFilePatch } from './fixtures/github/reports.js'
import { actionSandbox, pullRequestEvent, type ActionSandbox } from './helpers/action-run.js'
import { startArtifacts, type ArtifactsServer, type FakeRun } from './servers/artifacts.js'
import { startGitHubServer, type GitHubServer } from './servers/github.js'

const HEAD = 'd'.repeat(40)
const ACCOUNT = '123456789012'
const ROLE = `arn:aws:iam::${ACCOUNT}:role/AppRole`
const NAME = 'iam-refine-findings'
const POLICY = `${JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }]
  },
  null,
  2
)}\n`

/** An export whose only finding says the role has not used `action`. */
function exportZip(action: string): Uint8Array {
  const findings = {
    coveredAccounts: [ACCOUNT],
    findings: [
      {
        id: `f-${action}`,
        resource: ROLE,
        status: 'ACTIVE',
        findingType: 'UnusedPermission',
        analyzedAt: '2026-11-01T00:00:00Z',
        findingDetails: [
          { unusedPermissionDetails: { serviceNamespace: 's3', actions: [{ action }] } }
        ]
      }
    ]
  }
  return zipSync({ 'findings.json': strToU8(JSON.stringify(findings)) })
}

let github: GitHubServer | undefined
let artifacts: ArtifactsServer | undefined
let box: ActionSandbox | undefined
afterEach(async () => {
  await github?.close()
  await artifacts?.close()
  box?.remove()
  github = undefined
  artifacts = undefined
  box = undefined
})

const EXPORT = 10
const trusted: Omit<FakeRun, 'id' | 'createdAt'> = {
  owner: 'acme',
  repo: 'infra',
  workflowId: EXPORT,
  event: 'schedule',
  headBranch: 'main'
}
const fromFork: Omit<FakeRun, 'id' | 'createdAt'> = {
  ...trusted,
  event: 'pull_request',
  headOwner: 'mallory',
  headRepo: 'infra'
}
const fromBranch: Omit<FakeRun, 'id' | 'createdAt'> = {
  ...trusted,
  event: 'push',
  headBranch: 'feature'
}

/** The pull request, and artifacts of `NAME` uploaded by these runs with these findings. */
async function replay(uploads: [Omit<FakeRun, 'id' | 'createdAt'>, string][]) {
  artifacts = await startArtifacts({
    repositories: [
      { id: 7, owner: 'acme', name: 'infra', defaultBranch: 'main' },
      { id: 8, owner: 'mallory', name: 'infra', defaultBranch: 'main', fork: true }
    ],
    workflows: [
      {
        id: EXPORT,
        owner: 'acme',
        repo: 'infra',
        path: '.github/workflows/iam-refine-export-findings.yml',
        name: 'iam-refine findings'
      }
    ]
  })
  uploads.forEach(([run, unusedAction], i) => {
    const id = 500 + i
    const createdAt = `2026-11-0${1 + i}T05:17:00Z` // each newer than the one before
    artifacts!.state.runs.push({ id, createdAt, ...run })
    artifacts!.state.artifacts.push({
      id: id * 10,
      name: NAME,
      runId: id,
      createdAt,
      zip: exportZip(unusedAction)
    })
  })
  github = await startGitHubServer({
    pulls: [
      {
        owner: 'acme',
        repo: 'infra',
        number: 5,
        headSha: HEAD,
        files: [{ filename: 'iam/app.json', status: 'added', patch: newFilePatch(POLICY) }]
      }
    ],
    contents: { [HEAD]: { 'iam/app.json': POLICY } },
    extraRoutes: artifacts.route
  })
  box = actionSandbox()
  box.write(
    '.github/iam-refine.yml',
    `principals:\n  - files: iam/*.json\n    principal: ${ROLE}\n`
  )
  box.write('catalog.json', JSON.stringify({ s3: ['GetObject', 'PutObject'] }))
  box.event(pullRequestEvent(5, HEAD))
  return box.run(github.url, { 'findings-artifact': NAME, catalog: 'catalog.json' })
}

/** What the posted suggestions keep of the policy's actions. */
function suggestedActions(): string[] {
  return github!.reviewComments.flatMap(c =>
    [...c.body.matchAll(/"(s3:[A-Za-z]+)"/g)].map(m => m[1]!)
  )
}

describe('a poisoned findings artifact', () => {
  it('reads the trusted export and suggests removing what it reports unused (the control)', async () => {
    const run = await replay([[trusted, 'PutObject']])
    expect(run.stdout).toContain(`reading artifact "${NAME}" (id 5000`)
    expect(run.code).toBe(1) // the unused PutObject remains in the pull request
    expect(github!.reviewComments).toHaveLength(1)
    expect(suggestedActions()).toEqual(['s3:GetObject'])
  }, 60_000)

  it('ignores newer artifacts from a fork’s run and a feature branch’s run', async () => {
    const run = await replay([
      [trusted, 'PutObject'],
      [fromFork, 'GetObject'],
      [fromBranch, 'GetObject']
    ])
    expect(run.stdout).toContain(`reading artifact "${NAME}" (id 5000`)
    expect(run.stdout).toContain('of run 500 (schedule on main')
    // Only the trusted artifact was downloaded; the suggestion keeps GetObject, which the
    // poisoned findings called unused.
    expect(artifacts!.state.blobRequests.map(r => r.path)).toEqual(['/blob/5000?sig=short-lived'])
    expect(suggestedActions()).toEqual(['s3:GetObject'])
    expect(run.code).toBe(1)
  }, 60_000)

  it('fails the step with a sentence when only untrusted runs uploaded it, and posts nothing', async () => {
    const run = await replay([
      [fromFork, 'GetObject'],
      [fromBranch, 'GetObject']
    ])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::no trusted artifact "${NAME}" in acme/infra: findings are read only from a ` +
        'successful schedule, push, workflow_dispatch run of ' +
        '.github/workflows/iam-refine-export-findings.yml (input findings-artifact-workflow) on ' +
        'the default branch main of acme/infra itself, not a fork; refused: artifact 5010 of run ' +
        '501: it ran on the branch feature, not on the default branch main; artifact 5000 of run ' +
        '500: it ran code from the fork mallory/infra'
    )
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(artifacts!.state.blobRequests).toEqual([])
    expect(github!.reviews).toHaveLength(0)
    expect(github!.reviewComments).toHaveLength(0)
  }, 60_000)

  it('refuses an explicit findings-artifact-run-id of a fork’s run', async () => {
    await replay([
      [trusted, 'PutObject'],
      [fromFork, 'GetObject']
    ])
    const run = await box!.run(github!.url, {
      'findings-artifact': NAME,
      'findings-artifact-run-id': '501',
      catalog: 'catalog.json'
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::findings-artifact-run-id 501 is not a trusted run for artifact "${NAME}": it ran code from the fork mallory/infra`
    )
    expect(artifacts!.state.blobRequests.map(r => r.path)).toEqual(['/blob/5000?sig=short-lived'])
  }, 60_000)
})
