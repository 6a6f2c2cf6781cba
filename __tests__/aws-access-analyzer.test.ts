import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFindingsCommand } from '../src/commands/findings.js'
import { runCli } from '../src/commands/run.js'
import { ConfigurationError } from '../src/engine/errors.js'
import {
  AWS_MAX_ATTEMPTS,
  accessAnalyzerSource,
  createAccessAnalyzerClient,
  exportUnusedAccessFindings,
  findUnusedAccessAnalyzer
} from '../src/findings/access-analyzer.js'
import { createIamClient } from '../src/findings/last-accessed.js'
import { filesSource, loadFindingsSources } from '../src/findings/source.js'
import { cli } from './helpers/cli.js'
import {
  ANALYZER_ARN,
  AWS_TEST_ENV,
  setEnv,
  startAccessAnalyzer,
  type AccessAnalyzerServer,
  type FakeFinding
} from './servers/access-analyzer.js'

// The real SDK client against a loopback Access Analyzer; retries wait 5 ms instead of seconds.
const fastRetries = () => new ConfiguredRetryStrategy(AWS_MAX_ATTEMPTS, () => 5)
const client = () => createAccessAnalyzerClient({ retryStrategy: fastRetries() })

const article = JSON.parse(
  readFileSync('__tests__/fixtures/article/finding-getfindingv2.json', 'utf8')
) as FakeFinding
const MY_ROLE = 'arn:aws:iam::123456789012:role/MyRole'

function roleFinding(n: number, extra: Partial<FakeFinding> = {}): FakeFinding {
  return {
    id: `finding-${n}`,
    resource: `arn:aws:iam::123456789012:role/Role${n}`,
    findingType: 'UnusedPermission',
    status: 'ACTIVE',
    findingDetails: ['ec2', 'sqs', 'sns'].map(service => ({
      unusedPermissionDetails: {
        serviceNamespace: service,
        actions: [{ action: `${service}:Describe${n}`, lastAccessed: '2026-01-02T03:04:05Z' }],
        lastAccessed: '2026-01-02T03:04:05Z'
      }
    })),
    ...extra
  }
}

let server: AccessAnalyzerServer
let restoreEnv: () => void

beforeAll(async () => {
  server = await startAccessAnalyzer()
  restoreEnv = setEnv({ ...AWS_TEST_ENV, AWS_ENDPOINT_URL_ACCESSANALYZER: server.url })
})
afterAll(async () => {
  restoreEnv()
  await server.close()
})
beforeEach(() => server.reset())

describe('reading findings from Access Analyzer', () => {
  it('follows nextToken on both levels and merges every detail page', async () => {
    server.state.findings = [article, ...[1, 2, 3, 4].map(n => roleFinding(n))]
    server.state.findingsPerPage = 2
    server.state.detailsPerPage = 1
    const { analyzerArn, findings } = await exportUnusedAccessFindings(client(), {
      analyzerArn: ANALYZER_ARN
    })
    expect(analyzerArn).toBe(ANALYZER_ARN)
    expect(findings.map(f => f.id)).toEqual([article.id, ...[1, 2, 3, 4].map(n => `finding-${n}`)])
    // Five findings two per page: three ListFindingsV2 pages. Details one per page: 2 + 4 × 3.
    expect(server.calls('ListFindingsV2')).toHaveLength(3)
    expect(server.calls('GetFindingV2')).toHaveLength(14)
    const first = findings[0] as Record<string, unknown>
    expect(first.findingDetails).toEqual(article.findingDetails)
    expect(first).not.toHaveProperty('nextToken')
    expect(first.createdAt).toBe('2024-06-10T08:00:00.000Z')
    expect((findings[1] as { findingDetails: unknown[] }).findingDetails).toHaveLength(3)
    expect(findings[1]).toMatchObject({
      findingDetails: [
        {
          unusedPermissionDetails: {
            serviceNamespace: 'ec2',
            actions: [{ action: 'ec2:Describe1', lastAccessed: '2026-01-02T03:04:05.000Z' }],
            lastAccessed: '2026-01-02T03:04:05.000Z'
          }
        },
        expect.anything(),
        expect.anything()
      ]
    })
  })

  it('records the account an account analyzer covers whole, and nothing when it excludes some', async () => {
    server.state.findings = [roleFinding(1)]
    expect(await exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN })).toMatchObject(
      {
        coveredAccounts: ['123456789012'],
        coveredPrincipals: []
      }
    )
    // An analysis rule that excludes tagged roles leaves some unanalyzed: no account is claimed.
    server.state.analyzers = [
      {
        ...server.state.analyzers[0]!,
        configuration: {
          unusedAccess: {
            unusedAccessAge: 90,
            analysisRule: { exclusions: [{ resourceTags: [{ team: 'legacy' }] }] }
          }
        }
      }
    ]
    expect(await exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN })).toMatchObject(
      {
        coveredAccounts: []
      }
    )
    // Limited to some principals, only those are covered.
    server.reset()
    const asked = ['arn:aws:iam::123456789012:role/Role1', 'arn:aws:iam::123456789012:role/Quiet']
    expect(
      await exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN, resources: asked })
    ).toMatchObject({ coveredAccounts: [], coveredPrincipals: asked })
  })

  it('asks for active UnusedPermission and UnusedIAMRole findings, as the SDK serializes them', async () => {
    server.state.findings = [roleFinding(1)]
    await exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN })
    const [list] = server.calls('ListFindingsV2')
    expect(list?.method).toBe('POST')
    expect(list?.body).toEqual({
      analyzerArn: ANALYZER_ARN,
      filter: {
        findingType: { eq: ['UnusedPermission', 'UnusedIAMRole'] },
        status: { eq: ['ACTIVE'] }
      }
    })
    const [get] = server.calls('GetFindingV2')
    expect(get?.path).toBe('/findingv2/finding-1')
    expect(get?.query.get('analyzerArn')).toBe(ANALYZER_ARN)
    expect(get?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\//
    )
  })

  it('filters by resource, 20 principals per request, when the principals are known', async () => {
    const roles = Array.from({ length: 25 }, (_, i) => `arn:aws:iam::123456789012:role/Role${i}`)
    server.state.findings = [roleFinding(3), roleFinding(24), roleFinding(40)]
    const { findings } = await exportUnusedAccessFindings(client(), {
      analyzerArn: ANALYZER_ARN,
      resources: roles
    })
    expect(findings.map(f => f.id)).toEqual(['finding-3', 'finding-24'])
    const lists = server.calls('ListFindingsV2')
    expect(
      lists.map(l => (l.body?.filter as { resource: { eq: string[] } }).resource.eq.length)
    ).toEqual([20, 5])
  })

  it('survives throttling: the SDK retries a throttled first call', async () => {
    server.state.findings = [roleFinding(1)]
    server.state.throttle = { ListFindingsV2: 1, GetFindingV2: 2 }
    const { findings } = await exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN })
    expect(findings).toHaveLength(1)
    expect(server.calls('ListFindingsV2')).toHaveLength(2)
    expect(server.calls('GetFindingV2')).toHaveLength(3)
    expect(server.calls('GetFindingV2')[1]?.headers['amz-sdk-request']).toMatch(/attempt=2/)
  })

  it('gives up after a bounded number of attempts, with a sentence', async () => {
    server.state.findings = [roleFinding(1)]
    server.state.throttle = { ListFindingsV2: 99 }
    const error = await exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN }).catch(
      e => e as Error
    )
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(/kept throttling ListFindingsV2 after 5 attempts/)
    expect(server.calls('ListFindingsV2')).toHaveLength(AWS_MAX_ATTEMPTS)
  })

  it('drops archived and resolved findings even when the service returns them', async () => {
    server.state.ignoreStatusFilter = true
    server.state.findings = [
      roleFinding(1),
      roleFinding(2, { status: 'ARCHIVED' }),
      roleFinding(3, { status: 'RESOLVED' })
    ]
    const log: string[] = []
    const { findings } = await exportUnusedAccessFindings(client(), {
      analyzerArn: ANALYZER_ARN,
      log: line => log.push(line)
    })
    expect(findings.map(f => f.id)).toEqual(['finding-1'])
    expect(log).toContain('finding finding-2 is ARCHIVED, not ACTIVE; left out')
    expect(server.calls('GetFindingV2')).toHaveLength(1)
  })

  it('keeps UnusedIAMRole findings and leaves other types out', async () => {
    server.state.findings = [
      roleFinding(1, {
        findingType: 'UnusedIAMRole',
        findingDetails: [{ unusedIamRoleDetails: { lastAccessed: '2025-01-01T00:00:00Z' } }]
      }),
      roleFinding(2, { findingType: 'UnusedIAMUserPassword', findingDetails: [] })
    ]
    const { findings } = await exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN })
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'finding-1',
        findingType: 'UnusedIAMRole',
        findingDetails: [{ unusedIamRoleDetails: { lastAccessed: '2025-01-01T00:00:00.000Z' } }]
      })
    ])
  })

  it('names the missing permission when access is denied', async () => {
    server.state.deny = new Set(['ListFindingsV2'])
    const error = await exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN }).catch(
      e => e as Error
    )
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /^Access Analyzer denied ListFindingsV2: the AWS credentials need the IAM permission access-analyzer:ListFindings \(User: .* is not authorized/
    )
    // A denial is not retried.
    expect(server.calls('ListFindingsV2')).toHaveLength(1)

    server.state.deny = new Set(['GetFindingV2'])
    server.state.findings = [roleFinding(1)]
    await expect(
      exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN })
    ).rejects.toThrow(/IAM permission access-analyzer:GetFinding /)
  })

  it('says when the analyzer does not exist', async () => {
    await expect(
      exportUnusedAccessFindings(client(), {
        analyzerArn: 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/gone'
      })
    ).rejects.toThrow(/ListFindingsV2: not found \(Analyzer .*gone not found\); check the ARN/)
  })
})

describe('finding the unused-access analyzer', () => {
  it("takes the account's active analyzer, then the organization's", async () => {
    server.state.analyzersPerPage = 1
    server.state.analyzers = [
      {
        arn: 'arn:aws:access-analyzer:us-east-1:1:analyzer/old',
        name: 'old',
        type: 'ACCOUNT_UNUSED_ACCESS',
        status: 'DISABLED'
      },
      {
        arn: 'arn:aws:access-analyzer:us-east-1:1:analyzer/ext',
        name: 'ext',
        type: 'ACCOUNT',
        status: 'ACTIVE'
      },
      { arn: ANALYZER_ARN, name: 'org', type: 'ORGANIZATION_UNUSED_ACCESS', status: 'ACTIVE' }
    ]
    const log: string[] = []
    expect(await findUnusedAccessAnalyzer(client(), line => log.push(line))).toBe(ANALYZER_ARN)
    expect(server.calls('ListAnalyzers').map(r => r.query.get('type'))).toEqual([
      'ACCOUNT_UNUSED_ACCESS',
      'ORGANIZATION_UNUSED_ACCESS'
    ])
    expect(log).toEqual([`using the unused-access analyzer ${ANALYZER_ARN}`])
  })

  it('follows ListAnalyzers pages and says which of several it chose', async () => {
    server.state.analyzersPerPage = 1
    server.state.analyzers = [
      { arn: ANALYZER_ARN, name: 'a', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE' },
      { arn: `${ANALYZER_ARN}-2`, name: 'b', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE' }
    ]
    const log: string[] = []
    expect(await findUnusedAccessAnalyzer(client(), line => log.push(line))).toBe(ANALYZER_ARN)
    expect(server.calls('ListAnalyzers')).toHaveLength(2)
    expect(log[0]).toMatch(/of 2; choose another with --analyzer-arn/)
  })

  it('explains what to do when there is none', async () => {
    server.state.analyzers = []
    await expect(findUnusedAccessAnalyzer(client())).rejects.toThrow(
      /^no active unused-access analyzer in region us-east-1: create one/
    )
  })
})

describe('credentials and region', () => {
  it('says so when no credentials are found', async () => {
    const restore = setEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined })
    try {
      const error = await exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN }).catch(
        e => e as Error
      )
      expect(error).toBeInstanceOf(ConfigurationError)
      expect((error as Error).message).toMatch(
        /^no AWS credentials were found for Access Analyzer ListFindingsV2/
      )
    } finally {
      restore()
    }
    expect(server.state.requests).toHaveLength(0)
  })

  it('says so when no region is set', async () => {
    const restore = setEnv({ AWS_REGION: undefined })
    try {
      await expect(
        exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN })
      ).rejects.toThrow(/^no AWS region is set for Access Analyzer ListFindingsV2: set AWS_REGION/)
    } finally {
      restore()
    }
  })
})

describe('iam-refine findings export', () => {
  const command = createFindingsCommand({
    accessAnalyzer: client,
    iam: () => createIamClient({ retryStrategy: fastRetries() }),
    now: () => new Date('2026-11-01T00:00:00Z')
  })
  const run = async (...args: string[]) => {
    let out = ''
    let err = ''
    let code: number
    try {
      code = await command(args, { out: t => void (out += t), err: t => void (err += t) })
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error
      err += error.message
      code = 2
    }
    return { code, out, err }
  }

  it('writes a file that refines exactly as the findings it came from', async () => {
    server.state.findings = [article, roleFinding(1)]
    server.state.detailsPerPage = 1
    const dir = mkdtempSync(join(tmpdir(), 'iam-refine-export-'))
    const out = join(dir, 'findings.json')
    const exported = await run('export', '--analyzer-arn', ANALYZER_ARN, '--out', out)
    expect(exported).toMatchObject({ code: 0, out: '' })
    expect(exported.err).toContain(`wrote 2 finding(s) to ${out}`)
    const written = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>
    // The account analyzer covers its account: a role there without a finding uses everything.
    expect(written).toMatchObject({ analyzerArn: ANALYZER_ARN, coveredAccounts: ['123456789012'] })
    expect(written.findings).toHaveLength(2)

    const policy = '__tests__/fixtures/article/policy.json'
    const catalog = '__tests__/fixtures/article/catalog-2024.json'
    const fromExport = await cli(
      'refine',
      policy,
      '--findings',
      out,
      '--principal',
      MY_ROLE,
      '--catalog',
      catalog
    )
    const fromSource = await cli(
      'refine',
      policy,
      '--findings',
      '__tests__/fixtures/article/finding-getfindingv2.json',
      '--catalog',
      catalog
    )
    expect(fromExport.code).toBe(0)
    expect(fromExport.out).toBe(fromSource.out)
    expect(JSON.parse(fromExport.out)).toEqual(
      JSON.parse(readFileSync('__tests__/fixtures/article/expected.json', 'utf8'))
    )
  })

  it('finds the analyzer itself and prints to stdout without --out', async () => {
    server.state.findings = [roleFinding(7)]
    const result = await run('export')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out).findings).toEqual([expect.objectContaining({ id: 'finding-7' })])
    expect(result.err).toContain(`using the unused-access analyzer ${ANALYZER_ARN}`)
    expect(result.err).toContain('1 active unused-access finding(s)')
  })

  it('exits 2 naming the permission when denied, through runCli', async () => {
    server.state.deny = new Set(['ListAnalyzers'])
    let err = ''
    const code = await runCli(['findings', 'export'], {
      out: () => undefined,
      err: t => void (err += t)
    })
    expect(code).toBe(2)
    expect(err).toMatch(/IAM permission access-analyzer:ListAnalyzers/)
  })

  it('rejects bad usage with exit 2', async () => {
    expect((await cli('findings')).code).toBe(2)
    expect((await cli('findings', 'import')).err).toContain('unknown subcommand "import"')
    expect((await cli('findings', 'export', '--unused-days', '30')).err).toContain(
      '--unused-days applies to --last-accessed'
    )
    expect(
      (await cli('findings', 'export', '--last-accessed', MY_ROLE, '--unused-days', '0')).err
    ).toContain('must be a whole number of days')
  })
})

describe('the Access Analyzer findings source', () => {
  it('parses the exported findings into the engine model', async () => {
    server.state.findings = [article]
    const source = accessAnalyzerSource(client(), { analyzerArn: ANALYZER_ARN })
    expect(source.description).toBe(`Access Analyzer ${ANALYZER_ARN}`)
    const [parsed] = await source.load()
    expect(parsed?.principals).toEqual([
      expect.objectContaining({
        principal: MY_ROLE,
        wholePrincipal: false,
        services: [
          expect.objectContaining({ service: 'lambda' }),
          expect.objectContaining({ service: 's3' })
        ]
      })
    ])
  })

  it('merges with other sources per principal', async () => {
    server.state.findings = [roleFinding(1)]
    const loaded = await loadFindingsSources([
      filesSource(['__tests__/fixtures/article/finding-getfindingv2.json']),
      accessAnalyzerSource(client(), { analyzerArn: ANALYZER_ARN })
    ])
    expect([...loaded.byPrincipal.keys()].sort()).toEqual([
      'arn:aws:iam::123456789012:role/MyRole',
      'arn:aws:iam::123456789012:role/Role1'
    ])
  })
})
