import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { readFileSync } from 'node:fs'
import { createFindingsCommand } from '../src/commands/findings.js'
import { parseCatalog } from '../src/engine/catalog.js'
import { ConfigurationError } from '../src/engine/errors.js'
import { refinePolicy } from '../src/engine/refine.js'
import { AWS_MAX_ATTEMPTS, createAccessAnalyzerClient } from '../src/findings/access-analyzer.js'
import {
  createIamClient,
  lastAccessedFindings,
  lastAccessedSource,
  unusedFromLastAccessed
} from '../src/findings/last-accessed.js'
import { parseFindings } from '../src/findings/parse.js'
import { AWS_TEST_ENV, setEnv } from './servers/access-analyzer.js'
import { startIam, type FakeService, type IamServer } from './servers/iam.js'

const fastRetries = () => new ConfiguredRetryStrategy(AWS_MAX_ATTEMPTS, () => 5)
const client = () => createIamClient({ retryStrategy: fastRetries() })
const NOW = new Date('2026-11-01T00:00:00Z')
const APP = 'arn:aws:iam::123456789012:role/AppRole'
const catalog = parseCatalog(
  JSON.parse(readFileSync('__tests__/fixtures/aws/catalog.json', 'utf8')),
  'catalog.json'
)
const policy = JSON.parse(readFileSync('__tests__/fixtures/aws/app-policy.json', 'utf8'))

// 90 days before NOW is 2026-08-03.
const APP_REPORT: FakeService[] = [
  {
    ServiceNamespace: 's3',
    LastAuthenticated: '2026-10-20T10:00:00Z',
    TrackedActionsLastAccessed: [
      { ActionName: 'GetObject', LastAccessedTime: '2026-10-20T10:00:00Z' },
      { ActionName: 'PutObject', LastAccessedTime: '2026-05-01T10:00:00Z' },
      { ActionName: 'DeleteObject' }
    ]
  },
  { ServiceNamespace: 'dynamodb', LastAuthenticated: '2026-01-01T00:00:00Z' },
  { ServiceNamespace: 'sqs' },
  { ServiceNamespace: 'ec2', LastAuthenticated: '2026-10-30T00:00:00Z' },
  {
    ServiceNamespace: 'iam',
    LastAuthenticated: '2026-10-30T00:00:00Z',
    TrackedActionsLastAccessed: [
      { ActionName: 'GetRole', LastAccessedTime: '2026-10-30T00:00:00Z' }
    ]
  }
]

let iam: IamServer
let restoreEnv: () => void

beforeAll(async () => {
  iam = await startIam()
  restoreEnv = setEnv({ ...AWS_TEST_ENV, AWS_ENDPOINT_URL_IAM: iam.url })
})
afterAll(async () => {
  restoreEnv()
  await iam.close()
})
beforeEach(() => {
  Object.assign(iam.state, {
    reports: new Map([[APP, APP_REPORT]]),
    pollsBeforeDone: 0,
    failing: new Map(),
    servicesPerPage: 100,
    deny: new Set(),
    throttle: {},
    requests: []
  })
})

describe('unused access from IAM last-accessed data', () => {
  it('calls unused a service not used within the window, and a tracked action not used within it', async () => {
    const [finding, ...rest] = await lastAccessedFindings(client(), [APP], {
      now: NOW,
      pollDelayMs: 5
    })
    expect(rest).toEqual([])
    expect(finding).toEqual({
      id: `last-accessed:${APP}`,
      analyzedAt: '2026-11-01T00:00:05.000Z',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:05.000Z',
      resource: APP,
      resourceType: 'AWS::IAM::Role',
      resourceOwnerAccount: '123456789012',
      status: 'ACTIVE',
      findingType: 'UnusedPermission',
      findingDetails: [
        {
          unusedPermissionDetails: {
            serviceNamespace: 's3',
            actions: [
              { action: 'PutObject', lastAccessed: '2026-05-01T10:00:00.000Z' },
              { action: 'DeleteObject' }
            ],
            lastAccessed: '2026-10-20T10:00:00.000Z'
          }
        },
        {
          unusedPermissionDetails: {
            serviceNamespace: 'dynamodb',
            lastAccessed: '2026-01-01T00:00:00.000Z'
          }
        },
        { unusedPermissionDetails: { serviceNamespace: 'sqs' } }
      ]
    })
    const [generate] = iam.calls('GenerateServiceLastAccessedDetails')
    expect(generate?.params.get('Arn')).toBe(APP)
    expect(generate?.params.get('Granularity')).toBe('ACTION_LEVEL')
  })

  it('moves with the window: a year keeps what was used this year', async () => {
    const [finding] = await lastAccessedFindings(client(), [APP], {
      now: NOW,
      unusedDays: 365,
      pollDelayMs: 5
    })
    expect(finding?.findingDetails).toEqual([
      {
        unusedPermissionDetails: {
          serviceNamespace: 's3',
          actions: [{ action: 'DeleteObject' }],
          lastAccessed: '2026-10-20T10:00:00.000Z'
        }
      },
      { unusedPermissionDetails: { serviceNamespace: 'sqs' } }
    ])
  })

  it('never calls an untracked action unused, and reports nothing for a fully used principal', async () => {
    const report = {
      principal: APP,
      services: [
        {
          ServiceName: 'Amazon S3',
          ServiceNamespace: 's3',
          LastAuthenticated: new Date('2026-10-31T00:00:00Z'),
          TrackedActionsLastAccessed: [
            { ActionName: 's3:GetObject', LastAccessedTime: new Date('2026-10-31T00:00:00Z') }
          ]
        }
      ]
    }
    expect(unusedFromLastAccessed(report, { unusedDays: 90, now: NOW })).toBeUndefined()
  })

  it('gives the engine what it needs: the policy loses exactly the unused access', async () => {
    const findings = await lastAccessedFindings(client(), [APP], { now: NOW, pollDelayMs: 5 })
    const { principals } = parseFindings(findings, 'last-accessed')
    const result = refinePolicy(policy, { catalog, principals })
    expect(result.document.Statement).toEqual([
      {
        Sid: 'App',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket', 'ec2:Describe*', 'iam:GetRole'],
        Resource: '*'
      }
    ])
  })

  it('polls the job with growing waits until it completes, and follows Marker pages', async () => {
    iam.state.pollsBeforeDone = 3
    iam.state.servicesPerPage = 2
    const [finding] = await lastAccessedFindings(client(), [APP], { now: NOW, pollDelayMs: 20 })
    expect(finding?.findingDetails).toHaveLength(3)
    const gets = iam.calls('GetServiceLastAccessedDetails')
    // Three IN_PROGRESS answers, the first page, then two more pages by Marker.
    expect(gets.map(g => g.params.get('Marker'))).toEqual([null, null, null, null, 'm-2', 'm-4'])
    const waits = gets.slice(1, 4).map((g, i) => g.at - (gets[i] as { at: number }).at)
    expect(waits[0]).toBeGreaterThanOrEqual(15)
    expect(waits[2]).toBeGreaterThanOrEqual(35)
  })

  it('gives up on a job that does not finish in time', async () => {
    iam.state.pollsBeforeDone = 1_000
    await expect(
      lastAccessedFindings(client(), [APP], { now: NOW, pollDelayMs: 10, timeoutMs: 100 })
    ).rejects.toThrow(/did not finish within 0.1 s; try again later/)
  })

  it('reports a failed job with IAM’s reason', async () => {
    iam.state.failing = new Map([[APP, 'The report could not be generated']])
    iam.state.reports = new Map()
    await expect(
      lastAccessedFindings(client(), [APP], { now: NOW, pollDelayMs: 5 })
    ).rejects.toThrow(
      `IAM's last-accessed report for ${APP} failed: The report could not be generated (InternalFailure)`
    )
  })

  it('retries a throttled call', async () => {
    iam.state.throttle = { GenerateServiceLastAccessedDetails: 1, GetServiceLastAccessedDetails: 1 }
    const findings = await lastAccessedFindings(client(), [APP], { now: NOW, pollDelayMs: 5 })
    expect(findings).toHaveLength(1)
    expect(iam.calls('GenerateServiceLastAccessedDetails')).toHaveLength(2)
  })

  it('names the missing IAM permission when denied', async () => {
    iam.state.deny = new Set(['GenerateServiceLastAccessedDetails'])
    const error = await lastAccessedFindings(client(), [APP], { now: NOW }).catch(e => e as Error)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /^IAM denied GenerateServiceLastAccessedDetails: the AWS credentials need the IAM permission iam:GenerateServiceLastAccessedDetails/
    )
    iam.state.deny = new Set(['GetServiceLastAccessedDetails'])
    await expect(lastAccessedFindings(client(), [APP], { now: NOW })).rejects.toThrow(
      /IAM permission iam:GetServiceLastAccessedDetails/
    )
  })

  it('says when the role does not exist, and rejects what is not a role or user ARN', async () => {
    await expect(
      lastAccessedFindings(client(), ['arn:aws:iam::123456789012:role/Gone'], { now: NOW })
    ).rejects.toThrow(/GenerateServiceLastAccessedDetails: not found \(.*Gone cannot be found.*\)/)
    await expect(
      lastAccessedFindings(client(), ['arn:aws:iam::123456789012:group/Admins'], { now: NOW })
    ).rejects.toThrow(/is not the ARN of an IAM role or user/)
    expect(iam.calls('GenerateServiceLastAccessedDetails')).toHaveLength(1)
  })

  it('is a findings source like any other', async () => {
    const source = lastAccessedSource(client(), [APP], { now: NOW, pollDelayMs: 5 })
    const [parsed] = await source.load()
    expect(parsed?.principals[0]?.principal).toBe(APP)
    expect(parsed?.principals[0]?.services.map(s => s.service)).toEqual(['s3', 'dynamodb', 'sqs'])
  })
})

describe('iam-refine findings export --last-accessed', () => {
  it('writes findings that refine the policy as the report says', async () => {
    const command = createFindingsCommand({
      accessAnalyzer: () => createAccessAnalyzerClient({ retryStrategy: fastRetries() }),
      iam: client,
      now: () => NOW
    })
    let out = ''
    let err = ''
    const code = await command(['export', '--last-accessed', APP, '--unused-days', '90'], {
      out: t => void (out += t),
      err: t => void (err += t)
    })
    expect(code).toBe(0)
    expect(err).toContain("1 principal(s) with unused access in IAM's last-accessed data")
    const exported = JSON.parse(out) as { findings: unknown[]; coveredPrincipals: string[] }
    expect(exported.findings).toEqual([expect.objectContaining({ id: `last-accessed:${APP}` })])
    // IAM reported on the principal asked about: it is covered, with or without unused access.
    expect(exported.coveredPrincipals).toEqual([APP])
    const { principals } = parseFindings(exported, 'export.json')
    expect(refinePolicy(policy, { catalog, principals }).document.Statement).toEqual([
      expect.objectContaining({
        Action: ['s3:GetObject', 's3:ListBucket', 'ec2:Describe*', 'iam:GetRole']
      })
    ])
  })
})
