import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { readFileSync } from 'node:fs'
import { parseCatalog } from '../src/engine/catalog.js'
import { ConfigurationError } from '../src/engine/errors.js'
import { refinePolicy } from '../src/engine/refine.js'
import { AWS_MAX_ATTEMPTS, createAccessAnalyzerClient } from '../src/findings/access-analyzer.js'
import { parseFindings } from '../src/findings/parse.js'
import {
  ACTIONS_PER_CHECK,
  actionsToProve,
  awsRefinementVerifier,
  verifyWithAws
} from '../src/findings/verify.js'
import {
  AWS_TEST_ENV,
  setEnv,
  startAccessAnalyzer,
  type AccessAnalyzerServer
} from './servers/access-analyzer.js'

const client = () =>
  createAccessAnalyzerClient({
    retryStrategy: new ConfiguredRetryStrategy(AWS_MAX_ATTEMPTS, () => 5)
  })
const dir = '__tests__/fixtures/article'
const policy = JSON.parse(readFileSync(`${dir}/policy.json`, 'utf8'))
const catalog = parseCatalog(
  JSON.parse(readFileSync(`${dir}/catalog-2024.json`, 'utf8')),
  'catalog-2024.json'
)
const { principals } = parseFindings(
  JSON.parse(readFileSync(`${dir}/finding-getfindingv2.json`, 'utf8')),
  'finding'
)
const refinement = refinePolicy(policy, { catalog, principals })

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

describe('proof with AWS', () => {
  it('passes a sound refinement, sending both checks as the SDK serializes them', async () => {
    const verdict = await awsRefinementVerifier(client())(policy, refinement)
    expect(verdict).toEqual({ ok: true })
    const [noNew] = server.calls('CheckNoNewAccess')
    expect(noNew?.body).toEqual({
      newPolicyDocument: JSON.stringify(refinement.document),
      existingPolicyDocument: JSON.stringify(policy),
      policyType: 'IDENTITY_POLICY'
    })
    const [notGranted, ...more] = server.calls('CheckAccessNotGranted')
    expect(more).toEqual([])
    const actions = actionsToProve(refinement)
    expect(actions).toContain('lambda:AddPermission')
    expect(actions).toContain('s3:GetBucketWebsite')
    expect(notGranted?.body).toEqual({
      policyDocument: JSON.stringify(refinement.document),
      access: [{ actions }],
      policyType: 'IDENTITY_POLICY'
    })
  })

  it('withholds a refinement CheckNoNewAccess fails, as a defect with AWS’s reasons', async () => {
    server.state.checkNoNewAccess = () => ({
      result: 'FAIL',
      message: 'The modified permissions grant new access compared to your existing policy.',
      reasons: [{ description: 'New access in the statement with index: 1.', statementIndex: 1 }]
    })
    const verdict = await verifyWithAws(client(), policy, refinement.document, [
      's3:GetBucketWebsite'
    ])
    expect(verdict).toEqual({
      ok: false,
      defect: true,
      reason:
        'CheckNoNewAccess answered FAIL: The modified permissions grant new access compared to your ' +
        'existing policy. (statement 1: New access in the statement with index: 1.)'
    })
    expect(server.calls('CheckAccessNotGranted')).toHaveLength(0)
  })

  it('checks removed actions in batches of at most 100 and reports the failing batch', async () => {
    const removed = Array.from({ length: 150 }, (_, i) => `ec2:Action${String(i).padStart(3, '0')}`)
    server.state.checkAccessNotGranted = body => {
      const actions = (body.access as { actions: string[] }[])[0]?.actions ?? []
      return actions.includes('ec2:Action120')
        ? {
            result: 'FAIL',
            message:
              'The policy document grants access to perform one or more of the listed actions.'
          }
        : { result: 'PASS' }
    }
    const verdict = await verifyWithAws(client(), policy, refinement.document, removed)
    const sizes = server
      .calls('CheckAccessNotGranted')
      .map(c => (c.body?.access as { actions: string[] }[])[0]?.actions.length)
    expect(sizes).toEqual([ACTIONS_PER_CHECK, 50])
    expect(verdict).toMatchObject({ ok: false, defect: true })
    expect((verdict as { reason: string }).reason).toMatch(
      /^CheckAccessNotGranted answered FAIL: The policy document grants .*\(checked: ec2:Action100, .*ec2:Action149\)$/
    )
  })

  it('withholds without calling it a defect when AWS cannot check the policy', async () => {
    server.state.errors = {
      CheckNoNewAccess: {
        status: 400,
        type: 'ValidationException',
        message: 'Invalid policy document: unsupported element Fn::Sub'
      }
    }
    expect(await verifyWithAws(client(), policy, refinement.document, [])).toEqual({
      ok: false,
      defect: false,
      reason:
        'AWS could not check the policy with CheckNoNewAccess: Invalid policy document: unsupported element Fn::Sub'
    })
  })

  it('names the missing permission when denied', async () => {
    server.state.deny = new Set(['CheckNoNewAccess'])
    const error = await verifyWithAws(client(), policy, refinement.document, []).catch(
      e => e as Error
    )
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(/IAM permission access-analyzer:CheckNoNewAccess /)
    server.state.deny = new Set(['CheckAccessNotGranted'])
    await expect(
      verifyWithAws(client(), policy, refinement.document, ['s3:GetBucketWebsite'])
    ).rejects.toThrow(/IAM permission access-analyzer:CheckAccessNotGranted /)
  })

  it('retries a throttled check', async () => {
    server.state.throttle = { CheckNoNewAccess: 1 }
    expect(await verifyWithAws(client(), policy, refinement.document, [])).toEqual({ ok: true })
    expect(server.calls('CheckNoNewAccess')).toHaveLength(2)
  })

  it('asks nothing about an unchanged or emptied policy', async () => {
    const unchanged = refinePolicy(policy, { catalog, principals: [] })
    expect(await awsRefinementVerifier(client())(policy, unchanged)).toEqual({ ok: true })
    const emptied = { Version: '2012-10-17', Statement: [] }
    expect(await verifyWithAws(client(), policy, emptied, ['s3:GetObject'])).toEqual({ ok: true })
    expect(server.state.requests).toHaveLength(0)
  })
})

describe('the actions to prove', () => {
  it('leaves out a removed action that a statement the engine does not touch still grants', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' },
        { Effect: 'Allow', NotAction: ['s3:GetObject', 'iam:*'], Resource: '*' }
      ]
    }
    const unused = parseFindings(
      [{ serviceNamespace: 's3', actions: ['GetObject', 'PutObject'] }],
      'unused.json'
    ).principals.map(p => ({ ...p, principal: 'arn:aws:iam::1:role/R' }))
    const result = refinePolicy(doc, {
      catalog: parseCatalog({ s3: ['GetObject', 'PutObject'] }, 'c.json'),
      principals: unused
    })
    // s3:PutObject is still granted by the NotAction statement: not ours to prove.
    expect(actionsToProve(result)).toEqual(['s3:GetObject'])
  })
})
