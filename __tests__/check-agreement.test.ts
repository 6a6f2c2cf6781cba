import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Report } from '../src/report/json-report.js'
import type { SarifLog } from '../src/report/sarif.js'
import { cli } from './helpers/cli.js'

// The worked example, offline: the finding and AWS's published recommendation for MyRole, saved
// as the AWS CLI prints them, given together with --findings.
const dir = '__tests__/fixtures/article'
const policy = `${dir}/policy.json`
const finding = `${dir}/finding-getfindingv2.json`
const recommendation = `${dir}/recommendation.json`
const catalog2024 = `${dir}/catalog-2024.json`
const MY_ROLE = 'arn:aws:iam::123456789012:role/MyRole'

let temp: string
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'iam-refine-agreement-'))
})
afterAll(() => rmSync(temp, { recursive: true, force: true }))

const check = (...args: string[]) =>
  cli(
    'check',
    policy,
    '--findings',
    finding,
    '--findings',
    recommendation,
    '--principal',
    MY_ROLE,
    ...args
  )

describe('check compares with IAM Access Analyzer’s recommendation', () => {
  it('agrees on the 2024 catalog, in the text output', async () => {
    const run = await check('--catalog', catalog2024)
    expect(run.code).toBe(1)
    expect(run.out).toContain(
      "  IAM Access Analyzer: Matches IAM Access Analyzer's recommendation for this policy.\n"
    )
    expect(run.out).toContain('+        "s3:GetAccess*",')
  })

  it('differs on the bundled catalog, naming the two newer actions', async () => {
    const run = await check()
    expect(run.out).toContain(
      "  IAM Access Analyzer: Differs from IAM Access Analyzer's recommendation for this policy: Statement #2: " +
        'the recommendation does not allow s3:GetBucketAbac, s3:GetBucketMetadataTableConfiguration, which the findings ' +
        'do not report unused: actions newer than the catalog AWS refined with.'
    )
    // A difference alone never withholds the suggestion.
    expect(run.out).toContain('+        "s3:GetBucketAbac",')
  })

  it('puts the verdict in the JSON report and the SARIF results', async () => {
    const json = JSON.parse((await check('--format', 'json')).out) as Report
    const p = json.files[0]?.policies[0]
    expect(p?.status).toBe('refined')
    expect(p?.awsAgreement).toMatchObject({
      verdict: 'differs',
      principals: [
        {
          principal: MY_ROLE,
          matchedBy: 'content',
          existingPolicyId: 'MyRolePolicy',
          reasons: [
            {
              kind: 'aws-catalog',
              actions: ['s3:GetBucketAbac', 's3:GetBucketMetadataTableConfiguration']
            }
          ]
        }
      ]
    })
    const sarif = JSON.parse(
      (await check('--format', 'sarif', '--catalog', catalog2024)).out
    ) as SarifLog
    const results = sarif.runs[0]?.results ?? []
    expect(results.length).toBeGreaterThan(0)
    for (const r of results) {
      expect(r.properties).toEqual({
        awsAgreement: 'agrees',
        awsAgreementSummary: "Matches IAM Access Analyzer's recommendation for this policy."
      })
    }
  })

  it('without recommendations there is no verdict, and the report is as before', async () => {
    const run = await cli(
      'check',
      policy,
      '--findings',
      finding,
      '--principal',
      MY_ROLE,
      '--format',
      'json'
    )
    const report = JSON.parse(run.out) as Report
    expect(report.files[0]?.policies[0]).not.toHaveProperty('awsAgreement')
  })
})

describe('--require-aws-agreement', () => {
  it('withholds a suggestion that differs, saying why', async () => {
    const run = await check('--require-aws-agreement')
    expect(run.code).toBe(1)
    expect(run.out).not.toContain('+        "s3:GetBucketAbac",')
    expect(run.out).toMatch(
      /unused permissions \(arn:aws:iam::123456789012:role\/MyRole\), reported without a fix: it differs from IAM Access Analyzer's recommendation and require-aws-agreement is set \(Statement #2: the recommendation does not allow s3:GetBucketAbac/
    )
    const json = JSON.parse(
      (await check('--require-aws-agreement', '--format', 'json')).out
    ) as Report
    expect(json.files[0]?.policies[0]?.status).toBe('not-editable')
    expect(json.files[0]?.edits).toEqual([])
  })

  it('keeps a suggestion that agrees (the control)', async () => {
    const run = await check('--require-aws-agreement', '--catalog', catalog2024)
    expect(run.out).toContain('+        "s3:GetAccess*",')
  })

  it('needs recommendations to compare with', async () => {
    const run = await cli(
      'check',
      policy,
      '--findings',
      finding,
      '--principal',
      MY_ROLE,
      '--require-aws-agreement'
    )
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/--require-aws-agreement needs IAM Access Analyzer recommendations/)
  })
})

describe('recommendations in a findings file', () => {
  it('an inline policy of a template matches its step by PolicyName', async () => {
    const template = join(temp, 'template.yaml')
    writeFileSync(
      template,
      [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  AppRole:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      RoleName: AppRole',
        '      AssumeRolePolicyDocument: {}',
        '      Policies:',
        '        - PolicyName: AppPolicy',
        '          PolicyDocument:',
        '            Version: "2012-10-17"',
        '            Statement:',
        '              - Effect: Allow',
        '                Action: ["s3:GetObject", "s3:PutObject"]',
        '                Resource: "*"',
        ''
      ].join('\n')
    )
    const app = 'arn:aws:iam::123456789012:role/AppRole'
    const findings = join(temp, 'findings.json')
    writeFileSync(
      findings,
      JSON.stringify([
        {
          id: 'f-app',
          resource: app,
          resourceType: 'AWS::IAM::Role',
          status: 'ACTIVE',
          findingType: 'UnusedPermission',
          analyzedAt: '2026-10-01T00:00:00Z',
          findingDetails: [
            {
              unusedPermissionDetails: {
                serviceNamespace: 's3',
                actions: [{ action: 'PutObject' }]
              }
            }
          ],
          findingRecommendation: {
            startedAt: '2026-10-02T09:00:00Z',
            completedAt: '2026-10-02T09:00:20Z',
            resourceArn: app,
            recommendationType: 'UnusedPermissionRecommendation',
            status: 'SUCCEEDED',
            recommendedSteps: [
              {
                unusedPermissionsRecommendedStep: {
                  recommendedAction: 'CREATE_POLICY',
                  existingPolicyId: 'AppPolicy',
                  recommendedPolicy: JSON.stringify({
                    Version: '2012-10-17',
                    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }]
                  })
                }
              }
            ]
          }
        }
      ])
    )
    const run = await cli('check', template, '--findings', findings, '--format', 'json')
    const p = (JSON.parse(run.out) as Report).files[0]?.policies[0]
    expect(p?.awsAgreement).toMatchObject({
      verdict: 'agrees',
      principals: [{ principal: app, matchedBy: 'id', existingPolicyId: 'AppPolicy' }]
    })
  })

  it('a malformed recommendation stops the run with the file and JSON path', async () => {
    const bad = join(temp, 'bad-recommendation.json')
    const saved = JSON.parse(readFileSync(recommendation, 'utf8')) as Record<string, unknown>
    writeFileSync(
      bad,
      JSON.stringify({
        ...saved,
        recommendedSteps: [
          {
            unusedPermissionsRecommendedStep: {
              recommendedAction: 'CREATE_POLICY',
              recommendedPolicy:
                '{"Statement": [{"Effect": "Allow", "Action": "<img src=x>", "Resource": "*"}]}'
            }
          }
        ]
      })
    )
    const run = await cli(
      'check',
      policy,
      '--findings',
      finding,
      '--findings',
      bad,
      '--principal',
      MY_ROLE
    )
    expect(run.code).toBe(2)
    expect(run.err).toContain(
      `${bad}: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: Statement[0].Action[0]: is not an action name or pattern such as "s3:Get*"`
    )
  })
})
