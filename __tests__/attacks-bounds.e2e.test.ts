/**
 * Hostile pull requests against the runner and the run (issue 9, attacks 6 and 9), through
 * `dist/index.js` and the strict loopback GitHub server: a file built to exhaust the engine, a
 * fork pull request whose job summary would pass GitHub's 1 MiB limit, and `pull_request_target`.
 */
import { describe, expect, it } from '@jest/globals'
import { MAX_JOB_SUMMARY_BYTES } from '../src/main.js'
import { addedFilesPullRequests } from './helpers/pull-request-run.js'
import { readerSees } from './helpers/reader.js'

const HEAD = 'f'.repeat(40)
const ROLE = 'arn:aws:iam::123456789012:role/AppRole'
const catalog = { s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'DeleteObject'] }
const findings = {
  coveredAccounts: ['123456789012'],
  findings: [
    {
      id: 'f-1',
      resource: ROLE,
      status: 'ACTIVE',
      findingType: 'UnusedPermission',
      findingDetails: [
        { unusedPermissionDetails: { serviceNamespace: 's3', actions: [{ action: 'PutObject' }] } }
      ]
    }
  ]
}
const inputs = { findings: 'findings/*.json', catalog: 'catalog.json' }

const pullRequest = addedFilesPullRequests({
  number: 11,
  headSha: HEAD,
  workspace: {
    'findings/findings.json': JSON.stringify(findings),
    'catalog.json': JSON.stringify(catalog)
  }
})

const statement = (action: string) =>
  JSON.stringify({ Effect: 'Allow', Action: action, Resource: '*' })

describe('what one pull request may cost', () => {
  it('12,000 "Action": "*" statements end quickly as a file not checked; the honest file beside them is refined', async () => {
    const bomb = `{"Version": "2012-10-17", "Statement": [\n${Array(12_000).fill(statement('*')).join(',\n')}\n]}\n`
    const honest = JSON.stringify(
      { Version: '2012-10-17', Statement: [JSON.parse(statement('s3:*'))] },
      null,
      2
    )
    const { box, server } = await pullRequest({
      'iam/AppRole/bomb.json': bomb,
      'iam/AppRole/honest.json': `${honest}\n`
    })
    const run = await box.run(server.url, inputs)
    expect(run.code).toBe(1)
    expect(readerSees(run.summary)).toMatch(/holds 12000 statements, over the limit of 5000/)
    expect(server.reviewComments.map(c => c.path)).toEqual(['iam/AppRole/honest.json'])
  }, 60_000)

  it('keeps the job summary of a fork pull request under 1 MiB, cut at a section with a note', async () => {
    // 60 files of 40 policies under long keys: every row and every suggestion lands in the job
    // summary, since a fork's token cannot write.
    const files: Record<string, string> = {}
    for (let f = 0; f < 60; f++) {
      const policies = Array.from(
        { length: 40 },
        (_, p) =>
          `  "${`policy-${p}-`.padEnd(280, 'x')}": {"Version": "2012-10-17", "Statement": [\n    ${statement('s3:*')}\n  ]}`
      )
      files[`iam/AppRole/file-${f}.json`] = `{\n${policies.join(',\n')}\n}\n`
    }
    const { box, server } = await pullRequest(files, { server: { readOnly: true } })
    const run = await box.run(server.url, inputs)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/cannot write to this pull request/)
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(MAX_JOB_SUMMARY_BYTES)
    expect(run.summary).toMatch(/cut here to stay under GitHub's 1 MiB limit/)
    expect(run.summary).toContain('iam/AppRole/file-0.json')
    // The JSON report keeps everything.
    const report = JSON.parse(
      (await import('node:fs')).readFileSync(run.outputs.report as string, 'utf8')
    )
    expect(report.totals.policies).toBe(60 * 40)
  }, 90_000)
})

describe('pull_request_target', () => {
  const files = {
    'iam/AppRole/policy.json': `${JSON.stringify({ Statement: [JSON.parse(statement('s3:*'))] }, null, 2)}\n`
  }

  it('warns, and refuses findings files from the workspace, which may hold the pull request’s', async () => {
    const { box, server } = await pullRequest(files)
    const run = await box.run(server.url, inputs, { GITHUB_EVENT_NAME: 'pull_request_target' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::warning::This workflow runs on pull_request_target/)
    expect(run.stdout).toMatch(/findings files are not read on pull_request_target/)
    expect(server.reviewComments).toEqual([])
  }, 60_000)

  it('reads them when the workflow allows it, and says so in the job summary (the control)', async () => {
    const { box, server } = await pullRequest(files)
    const run = await box.run(
      server.url,
      { ...inputs, 'allow-workspace-on-pull-request-target': 'true' },
      { GITHUB_EVENT_NAME: 'pull_request_target' }
    )
    expect(run.code).toBe(1) // unused permissions remain
    expect(server.reviewComments).toHaveLength(1)
    expect(readerSees(run.summary)).toMatch(/runs on pull_request_target/)
  }, 60_000)
})
