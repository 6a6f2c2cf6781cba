import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { GetFindingRecommendationCommand } from '@aws-sdk/client-accessanalyzer'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { readFileSync } from 'node:fs'
import { createFindingsCommand } from '../src/commands/findings.js'
import { ConfigurationError } from '../src/engine/errors.js'
import {
  AWS_MAX_ATTEMPTS,
  createAccessAnalyzerClient,
  exportUnusedAccessFindings
} from '../src/findings/access-analyzer.js'
import { createIamClient } from '../src/findings/last-accessed.js'
import { parseFindings } from '../src/findings/parse.js'
import {
  attachRecommendations,
  fetchRecommendations,
  POLL_MAX_DELAY_MS,
  recommendingAccessAnalyzerSource,
  STEPS_PER_PAGE
} from '../src/findings/recommendations.js'
import { useFastClock } from './helpers/fast-clock.js'
import {
  ANALYZER_ARN,
  AWS_TEST_ENV,
  setEnv,
  startAccessAnalyzer,
  succeeded,
  type AccessAnalyzerServer,
  type FakeFinding,
  type FakeStep
} from './servers/access-analyzer.js'

// Polling waits seconds between calls: the clock runs 100 times faster (see fast-clock.ts), and
// the SDK's retries wait 5 ms.
useFastClock()

const fastRetries = () => new ConfiguredRetryStrategy(AWS_MAX_ATTEMPTS, () => 5)
const client = () => createAccessAnalyzerClient({ retryStrategy: fastRetries() })

const dir = '__tests__/fixtures/article'
const article = JSON.parse(readFileSync(`${dir}/finding-getfindingv2.json`, 'utf8')) as FakeFinding
const saved = JSON.parse(readFileSync(`${dir}/recommendation.json`, 'utf8')) as {
  recommendedSteps: { unusedPermissionsRecommendedStep: FakeStep }[]
}
const articleSteps = saved.recommendedSteps.map(s => s.unusedPermissionsRecommendedStep)
const MY_ROLE = 'arn:aws:iam::123456789012:role/MyRole'

function roleFinding(n: number): FakeFinding {
  return {
    id: `finding-${n}`,
    resource: `arn:aws:iam::123456789012:role/Role${n}`,
    findingType: 'UnusedPermission',
    status: 'ACTIVE',
    findingDetails: [
      {
        unusedPermissionDetails: {
          serviceNamespace: 'sqs',
          actions: [{ action: 'sqs:DeleteQueue' }]
        }
      }
    ]
  }
}

const policy = (actions: string[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }]
  })

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

const request = { id: article.id, resource: MY_ROLE }

describe('reading a recommendation', () => {
  it('starts one where there is none, waits while it is in progress, and reads it', async () => {
    server.state.findings = [article]
    server.state.outcomes = { [article.id]: { steps: articleSteps, pollsInProgress: 3 } }
    const [fetched] = await fetchRecommendations(client(), ANALYZER_ARN, [request])
    expect(fetched?.recommendation).toMatchObject({ principal: MY_ROLE, status: 'available' })
    // 404 (none yet), then IN_PROGRESS three times, then SUCCEEDED.
    const gets = server.calls('GetFindingRecommendation')
    expect(gets).toHaveLength(5)
    expect(server.calls('GenerateFindingRecommendation')).toHaveLength(1)
    const [generate] = server.calls('GenerateFindingRecommendation')
    expect(generate?.method).toBe('POST')
    expect(generate?.path).toBe(`/recommendation/${article.id}`)
    expect(generate?.query.get('analyzerArn')).toBe(ANALYZER_ARN)
    expect(gets[0]?.query.get('maxResults')).toBe(String(STEPS_PER_PAGE))
    const recommendation = fetched!.recommendation
    if (recommendation.status !== 'available') throw new Error('expected available')
    expect(recommendation.steps).toEqual([
      expect.objectContaining({ action: 'CREATE_POLICY', existingPolicyId: 'MyRolePolicy' })
    ])
    // What export writes: the response as the CLI prints it, which the parser reads back.
    expect(fetched?.response).toMatchObject({ status: 'SUCCEEDED', resourceArn: MY_ROLE })
    expect(fetched?.response).not.toHaveProperty('nextToken')
  })

  it('reads an existing one without generating again', async () => {
    server.state.findings = [article]
    server.state.recommendations = { [article.id]: succeeded(MY_ROLE, articleSteps) }
    const [fetched] = await fetchRecommendations(client(), ANALYZER_ARN, [request])
    expect(fetched?.recommendation.status).toBe('available')
    expect(server.calls('GenerateFindingRecommendation')).toHaveLength(0)
    expect(server.calls('GetFindingRecommendation')).toHaveLength(1)
  })

  it('follows nextToken through every page of steps, with both actions', async () => {
    const steps: FakeStep[] = [
      {
        recommendedAction: 'CREATE_POLICY',
        existingPolicyId: 'arn:aws:iam::123456789012:policy/A',
        recommendedPolicy: policy(['s3:GetObject'])
      },
      {
        recommendedAction: 'DETACH_POLICY',
        existingPolicyId: 'arn:aws:iam::123456789012:policy/A'
      },
      {
        recommendedAction: 'DETACH_POLICY',
        existingPolicyId: 'arn:aws:iam::aws:policy/ReadOnlyAccess'
      }
    ]
    server.state.findings = [article]
    server.state.recommendations = { [article.id]: succeeded(MY_ROLE, steps) }
    server.state.stepsPerPage = 1
    const [fetched] = await fetchRecommendations(client(), ANALYZER_ARN, [request])
    const gets = server.calls('GetFindingRecommendation')
    expect(gets.map(g => g.query.get('nextToken'))).toEqual([null, 'page-1', 'page-2'])
    const recommendation = fetched!.recommendation
    if (recommendation.status !== 'available') throw new Error('expected available')
    expect(recommendation.steps.map(s => [s.action, s.existingPolicyId])).toEqual([
      ['CREATE_POLICY', 'arn:aws:iam::123456789012:policy/A'],
      ['DETACH_POLICY', 'arn:aws:iam::123456789012:policy/A'],
      ['DETACH_POLICY', 'arn:aws:iam::aws:policy/ReadOnlyAccess']
    ])
    expect(recommendation.steps[0]?.recommendedPolicy).toEqual(JSON.parse(policy(['s3:GetObject'])))
  })

  it('reports FAILED as unavailable with AWS error, after one new attempt', async () => {
    server.state.findings = [article]
    server.state.recommendations = {
      [article.id]: {
        ...succeeded(MY_ROLE, []),
        status: 'FAILED',
        error: { code: 'SERVICE_ERROR', message: 'Service error. Please try again.' }
      }
    }
    server.state.outcomes = {
      [article.id]: {
        error: { code: 'SERVICE_ERROR', message: 'Service error. Please try again.' }
      }
    }
    const log: string[] = []
    const [fetched] = await fetchRecommendations(client(), ANALYZER_ARN, [request], {
      log: l => log.push(l)
    })
    expect(fetched?.recommendation).toEqual({
      principal: MY_ROLE,
      status: 'unavailable',
      reason:
        'IAM Access Analyzer could not generate the recommendation (SERVICE_ERROR: Service error. Please try again.)',
      source: `finding ${article.id}`
    })
    expect(fetched?.response).toMatchObject({ status: 'FAILED' })
    expect(server.calls('GenerateFindingRecommendation')).toHaveLength(1)
    expect(log).toContain(
      `no recommendation for ${MY_ROLE}: IAM Access Analyzer could not generate the recommendation (SERVICE_ERROR: Service error. Please try again.)`
    )
  })

  it('treats throttling as unavailable, never as an error', async () => {
    server.state.findings = [article]
    server.state.throttle = { GetFindingRecommendation: 99 }
    const [fetched] = await fetchRecommendations(client(), ANALYZER_ARN, [request])
    expect(fetched?.recommendation).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/kept throttling GetFindingRecommendation/)
    })
    expect(fetched?.response).toBeUndefined()
    expect(server.calls('GetFindingRecommendation')).toHaveLength(AWS_MAX_ATTEMPTS)
  })

  it('survives a throttled call the SDK retries', async () => {
    server.state.findings = [article]
    server.state.recommendations = { [article.id]: succeeded(MY_ROLE, articleSteps) }
    server.state.throttle = { GetFindingRecommendation: 2 }
    const [fetched] = await fetchRecommendations(client(), ANALYZER_ARN, [request])
    expect(fetched?.recommendation.status).toBe('available')
  })

  it('names the missing IAM action when AWS denies either call', async () => {
    server.state.findings = [article]
    server.state.deny = new Set(['GenerateFindingRecommendation'])
    const [denied] = await fetchRecommendations(client(), ANALYZER_ARN, [request])
    expect(denied?.recommendation).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(
        /^Access Analyzer denied GenerateFindingRecommendation: the AWS credentials need the IAM permission access-analyzer:GenerateFindingRecommendation/
      )
    })
    server.state.deny = new Set(['GetFindingRecommendation'])
    const [alsoDenied] = await fetchRecommendations(client(), ANALYZER_ARN, [request])
    expect(alsoDenied?.recommendation).toMatchObject({
      reason: expect.stringMatching(/IAM permission access-analyzer:GetFindingRecommendation/)
    })
  })

  it('stops waiting at the time limit, with bounded backoff between polls', async () => {
    server.state.findings = [article]
    server.state.outcomes = { [article.id]: { steps: articleSteps, pollsInProgress: 1_000_000 } }
    const limit = 60_000
    const started = Date.now()
    const [fetched] = await fetchRecommendations(client(), ANALYZER_ARN, [request], {
      timeLimitMs: limit
    })
    expect(Date.now() - started).toBeLessThanOrEqual(limit + POLL_MAX_DELAY_MS)
    expect(fetched?.recommendation).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(
        /still generating the recommendation .*still in progress at the time limit/
      )
    })
    // Waits of 1, 2, 4, 8, 8, … seconds within 60: a dozen polls, not thousands.
    const polls = server.calls('GetFindingRecommendation').length
    expect(polls).toBeGreaterThanOrEqual(8)
    expect(polls).toBeLessThanOrEqual(12)
    expect(fetched?.response).toMatchObject({ status: 'IN_PROGRESS' })
  })

  it('is answered like AWS: a bad maxResults is a ValidationException naming the field', async () => {
    server.state.recommendations = { [article.id]: succeeded(MY_ROLE, articleSteps) }
    const error = await client()
      .send(
        new GetFindingRecommendationCommand({
          analyzerArn: ANALYZER_ARN,
          id: article.id,
          maxResults: 5000
        })
      )
      .catch(e => e as { name: string; reason?: string; fieldList?: { name: string }[] })
    expect(error).toMatchObject({ name: 'ValidationException', reason: 'fieldValidationFailed' })
    expect((error as { fieldList: { name: string }[] }).fieldList[0]?.name).toBe('maxResults')
    const missing = await client()
      .send(new GetFindingRecommendationCommand({ analyzerArn: ANALYZER_ARN, id: 'nope' }))
      .catch(e => e as { name: string })
    expect(missing).toMatchObject({ name: 'ResourceNotFoundException' })
  })
})

describe('findings export with recommendations', () => {
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

  it('writes each recommendation next to its finding, in a shape --findings reads back', async () => {
    server.state.findings = [article, roleFinding(2)]
    server.state.outcomes = {
      [article.id]: { steps: articleSteps },
      'finding-2': { error: { code: 'SERVICE_ERROR', message: 'Service error.' } }
    }
    const result = await run('export', '--analyzer-arn', ANALYZER_ARN)
    expect(result.code).toBe(0)
    const file = JSON.parse(result.out) as { findings: Record<string, unknown>[] }
    const written = file.findings
    expect(written[0]?.findingRecommendation).toMatchObject({
      status: 'SUCCEEDED',
      resourceArn: MY_ROLE
    })
    expect(written[1]?.findingRecommendation).toMatchObject({ status: 'FAILED' })
    expect(result.err).toContain('1 of 2 IAM Access Analyzer recommendation(s) read')
    const parsed = parseFindings(file, 'findings.json')
    expect(parsed.recommendations?.map(r => [r.principal, r.status])).toEqual([
      [MY_ROLE, 'available'],
      ['arn:aws:iam::123456789012:role/Role2', 'unavailable']
    ])
  })

  it('still exports the findings when every recommendation call is throttled', async () => {
    server.state.findings = [article]
    server.state.throttle = { GetFindingRecommendation: 99 }
    const result = await run('export', '--analyzer-arn', ANALYZER_ARN)
    expect(result.code).toBe(0)
    const written = (JSON.parse(result.out) as { findings: Record<string, unknown>[] }).findings
    expect(written).toHaveLength(1)
    expect(written[0]).not.toHaveProperty('findingRecommendation')
    expect(result.err).toMatch(
      /no recommendation for .*MyRole: IAM Access Analyzer kept throttling/
    )
  })

  it('leaves them out with --without-recommendations, making no recommendation call', async () => {
    server.state.findings = [article]
    const result = await run('export', '--analyzer-arn', ANALYZER_ARN, '--without-recommendations')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out).findings[0]).not.toHaveProperty('findingRecommendation')
    expect(server.calls('GetFindingRecommendation')).toHaveLength(0)
  })

  it('asks nothing for UnusedIAMRole findings', async () => {
    server.state.findings = [
      {
        ...roleFinding(3),
        findingType: 'UnusedIAMRole',
        findingDetails: [{ unusedIamRoleDetails: {} }]
      }
    ]
    const exported = await exportUnusedAccessFindings(client(), { analyzerArn: ANALYZER_ARN })
    const withRecommendations = await attachRecommendations(client(), exported)
    expect(withRecommendations.findings[0]).not.toHaveProperty('findingRecommendation')
    expect(server.calls('GetFindingRecommendation')).toHaveLength(0)
  })
})

describe('the live source reads recommendations on demand', () => {
  it('only for the principals asked about', async () => {
    server.state.findings = [article, roleFinding(4)]
    server.state.recommendations = { [article.id]: succeeded(MY_ROLE, articleSteps) }
    const source = recommendingAccessAnalyzerSource(client(), { analyzerArn: ANALYZER_ARN })
    await source.load()
    expect(server.calls('GetFindingRecommendation')).toHaveLength(0)
    const recommendations = await source.recommend!([MY_ROLE])
    expect(recommendations.map(r => [r.principal, r.status])).toEqual([[MY_ROLE, 'available']])
    expect(server.calls('GetFindingRecommendation').map(c => c.path)).toEqual([
      `/recommendation/${article.id}`
    ])
  })
})
