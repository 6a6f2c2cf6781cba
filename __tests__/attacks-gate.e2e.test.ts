/**
 * Hostile pull requests against the gate (issue 9, attack 4), replayed through `dist/index.js`
 * and the strict loopback GitHub server: each trick that once passed `fail-on: unused` with exit
 * 0, without touching the configuration or the findings, now fails the step — and the honest
 * pull request beside them still passes.
 */
import { describe, expect, it } from '@jest/globals'
import { addedFilesPullRequests } from './helpers/pull-request-run.js'

const HEAD = 'e'.repeat(40)
const ACCOUNT = '123456789012'
const OTHER = '210987654321'
const catalog = { s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'DeleteObject'] }

function finding(account: string, actions: string[], id: string): Record<string, unknown> {
  return {
    id,
    resource: `arn:aws:iam::${account}:role/AppRole`,
    status: 'ACTIVE',
    findingType: 'UnusedPermission',
    analyzedAt: '2026-11-01T00:00:00Z',
    findingDetails: [
      {
        unusedPermissionDetails: {
          serviceNamespace: 's3',
          actions: actions.map(action => ({ action }))
        }
      }
    ]
  }
}

/** AppRole in the trusted account has not used PutObject. */
const trusted = {
  coveredAccounts: [ACCOUNT],
  findings: [finding(ACCOUNT, ['PutObject'], 'f-1')]
}

function template(roleName: string, actions: string[]): string {
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  AppRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    `      RoleName: ${roleName}`,
    '      Policies:',
    '        - PolicyName: app',
    '          PolicyDocument:',
    "            Version: '2012-10-17'",
    '            Statement:',
    '              - Effect: Allow',
    '                Action:',
    ...actions.map(a => `                  - ${a}`),
    "                Resource: '*'",
    ''
  ].join('\n')
}

const inputs = { findings: 'findings/*.json', catalog: 'catalog.json' }

const pullRequest = addedFilesPullRequests({
  number: 9,
  headSha: HEAD,
  workspace: {
    'findings/findings.json': JSON.stringify(trusted),
    'catalog.json': JSON.stringify(catalog)
  }
})

describe('the gate fails closed', () => {
  it('passes an honest pull request whose role uses what it is allowed (the control)', async () => {
    const { box, server } = await pullRequest({
      'cfn/app.yaml': template('AppRole', ['s3:GetObject'])
    })
    const run = await box.run(server.url, inputs)
    expect(run.stdout).not.toMatch(/::error::/)
    expect(run.code).toBe(0)
  }, 60_000)

  it.each([
    ['!Sub AppRole', '!Sub AppRole'],
    ['!Join of literals', "!Join ['', [App, Role]]"],
    ['Fn::Sub', '{ "Fn::Sub": AppRole }']
  ])(
    'reads a name given by %s, and fails on the unused action',
    async (_, written) => {
      const { box, server } = await pullRequest({
        'cfn/app.yaml': template(written, ['s3:GetObject', 's3:PutObject'])
      })
      const run = await box.run(server.url, inputs)
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/1 policy keeps 1 unused action/)
      expect(server.reviewComments).toHaveLength(1)
    },
    60_000
  )

  it('does not read a findings file the pull request adds, and never intersects accounts', async () => {
    // The pull request adds findings for a same-named role in another account that uses nothing
    // the policy allows: intersected, nothing would be unused and the gate would pass.
    const poison = { findings: [finding(OTHER, [], 'f-2')] }
    const { box, server } = await pullRequest(
      {
        'cfn/app.yaml': template('AppRole', ['s3:GetObject', 's3:PutObject']),
        'findings/other-account.json': JSON.stringify(poison)
      },
      { workspace: { 'findings/other-account.json': JSON.stringify(poison) } }
    )
    const run = await box.run(server.url, inputs)
    expect(run.stdout).toMatch(
      /findings\/other-account\.json is a findings file this pull request changes: it is not read/
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/keeps 1 unused action/)
  }, 60_000)

  it('calls a name held in two accounts ambiguous, not the intersection (findings already in the repository)', async () => {
    const { box, server } = await pullRequest(
      { 'cfn/app.yaml': template('AppRole', ['s3:GetObject', 's3:PutObject']) },
      {
        workspace: {
          'findings/other.json': JSON.stringify({
            findings: [finding(OTHER, ['GetObject'], 'f-3')]
          })
        }
      }
    )
    const run = await box.run(server.url, inputs)
    expect(run.code).toBe(1)
    expect(run.summary).toMatch(/Not checked/)
    expect(run.summary).toMatch(/2 accounts/)
    expect(server.reviewComments).toEqual([])
  }, 60_000)

  it.each([
    [
      'one byte that is not UTF-8',
      'cfn/app.yaml',
      () => Buffer.concat([Buffer.from(template('AppRole', ['s3:PutObject'])), Buffer.from([0xff])])
    ],
    [
      'padding past the size limit',
      'cfn/app.yaml',
      () => `${template('AppRole', ['s3:PutObject'])}#${'x'.repeat(5 * 1024 * 1024)}\n`
    ],
    [
      'a name that maps to nothing',
      'iam/Renamed/policy.json',
      () =>
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }]
        })
    ]
  ])(
    'fails on %s: the file is listed as not checked',
    async (_, path, content) => {
      const { box, server } = await pullRequest({ [path]: content() })
      const run = await box.run(server.url, inputs)
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/could not be checked/)
      expect(run.summary).toContain('### Not checked')
      expect(run.summary).toContain(path)
      // `fail-on: unused` is the explicit opt-out: it only fails on unused permissions.
      const lax = await box.run(server.url, { ...inputs, 'fail-on': 'unused' })
      expect(lax.code).toBe(0)
    },
    60_000
  )
})
