import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ConfigurationError } from '../src/engine/errors.js'
import { parseFindings } from '../src/findings/parse.js'
import {
  MAX_POLICY_ID_CHARS,
  MAX_RECOMMENDED_POLICY_CHARS,
  MAX_RECOMMENDED_STEPS
} from '../src/findings/parse-recommendation.js'
import { combineFindings } from '../src/findings/select.js'

const dir = '__tests__/fixtures/article'
const saved = JSON.parse(readFileSync(`${dir}/recommendation.json`, 'utf8')) as Record<
  string,
  unknown
>
const finding = JSON.parse(readFileSync(`${dir}/finding-getfindingv2.json`, 'utf8')) as Record<
  string,
  unknown
>
const MY_ROLE = 'arn:aws:iam::123456789012:role/MyRole'

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }]
})

function response(overrides: Record<string, unknown> = {}, step: Record<string, unknown> = {}) {
  return {
    startedAt: '2026-10-02T09:00:00Z',
    completedAt: '2026-10-02T09:00:20Z',
    resourceArn: MY_ROLE,
    recommendedSteps: [
      {
        unusedPermissionsRecommendedStep: {
          recommendedAction: 'CREATE_POLICY',
          recommendedPolicy: policy,
          existingPolicyId: 'AppPolicy',
          ...step
        }
      }
    ],
    recommendationType: 'UnusedPermissionRecommendation',
    status: 'SUCCEEDED',
    ...overrides
  }
}

function errorOf(value: unknown, file = 'rec.json'): string {
  try {
    parseFindings(value, file)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigurationError')
}

describe('a saved get-finding-recommendation response', () => {
  it('is read as the recommendation of the principal its resourceArn names', () => {
    const parsed = parseFindings(saved, 'recommendation.json')
    expect(parsed.principals).toEqual([])
    expect(parsed.recommendations).toEqual([
      {
        principal: MY_ROLE,
        status: 'available',
        startedAt: '2024-06-10T08:05:00+00:00',
        completedAt: '2024-06-10T08:05:17+00:00',
        source: 'recommendation.json',
        steps: [
          {
            action: 'CREATE_POLICY',
            existingPolicyId: 'MyRolePolicy',
            policyUpdatedAt: '2024-06-01T12:00:00+00:00',
            recommendedPolicy: JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8'))
          }
        ]
      }
    ])
  })

  it('joins the findings of the same principal when both files are given', () => {
    const loaded = combineFindings([
      parseFindings(finding, 'finding.json'),
      parseFindings(saved, 'recommendation.json')
    ])
    expect([...loaded.byPrincipal.keys()]).toEqual([MY_ROLE])
    expect(loaded.recommendations?.get(MY_ROLE)?.status).toBe('available')
  })

  it('says why an in-progress or failed one gives nothing to compare with', () => {
    const running = parseFindings(
      response({ status: 'IN_PROGRESS', recommendedSteps: undefined, completedAt: undefined }),
      'r.json'
    )
    expect(running.recommendations?.[0]).toMatchObject({
      status: 'unavailable',
      reason:
        'IAM Access Analyzer was still generating the recommendation (started 2026-10-02T09:00:00Z)'
    })
    const failed = parseFindings(
      response({
        status: 'FAILED',
        recommendedSteps: undefined,
        error: { code: 'SERVICE_ERROR', message: 'Service error. Please try again.' }
      }),
      'r.json'
    )
    expect(failed.recommendations?.[0]).toMatchObject({
      status: 'unavailable',
      reason:
        'IAM Access Analyzer could not generate the recommendation (SERVICE_ERROR: Service error. Please try again.)'
    })
  })

  it('reads both kinds of step; unknown fields are ignored', () => {
    const parsed = parseFindings(response({ futureField: 1 }, { someNewField: 'x' }), 'r.json')
    expect(parsed.recommendations?.[0]).toMatchObject({ status: 'available' })
    const detach = parseFindings(
      response({
        recommendedSteps: [
          {
            unusedPermissionsRecommendedStep: {
              recommendedAction: 'DETACH_POLICY',
              existingPolicyId: 'arn:aws:iam::aws:policy/ReadOnlyAccess'
            }
          }
        ]
      }),
      'r.json'
    )
    expect(detach.recommendations?.[0]).toMatchObject({
      steps: [
        { action: 'DETACH_POLICY', existingPolicyId: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }
      ]
    })
  })
})

describe('a recommendation next to its finding (findings export)', () => {
  it('is read with the finding', () => {
    const parsed = parseFindings([{ ...finding, findingRecommendation: saved }], 'findings.json')
    expect(parsed.principals).toHaveLength(1)
    expect(parsed.recommendations?.[0]).toMatchObject({
      principal: MY_ROLE,
      status: 'available',
      source: `finding ${String(finding.id)}`
    })
  })

  it('must be about the finding’s own principal', () => {
    expect(
      errorOf(
        [
          {
            ...finding,
            findingRecommendation: { ...saved, resourceArn: 'arn:aws:iam::123456789012:role/Other' }
          }
        ],
        'findings.json'
      )
    ).toBe(
      "findings.json: [0].findingRecommendation.resourceArn: is arn:aws:iam::123456789012:role/Other, not the finding's resource arn:aws:iam::123456789012:role/MyRole"
    )
  })
})

describe('a hostile or malformed recommendation is an error naming the file and the JSON path', () => {
  const step = (s: Record<string, unknown>) => response({}, s)
  const cases: [string, unknown, string][] = [
    [
      'a status AWS does not have',
      response({ status: 'DONE' }),
      'rec.json: status: must be one of SUCCEEDED, IN_PROGRESS, FAILED'
    ],
    [
      'another recommendation type',
      response({ recommendationType: 'X' }),
      'rec.json: recommendationType: must be "UnusedPermissionRecommendation"'
    ],
    [
      'a resource that is not a principal',
      response({ resourceArn: 'arn:aws:s3:::bucket' }),
      'rec.json: resourceArn: must be the ARN of the role or user the recommendation is for'
    ],
    [
      'a bad time stamp',
      response({ startedAt: 'yesterday' }),
      'rec.json: startedAt: must be a time stamp such as "2024-06-10T08:00:00Z"'
    ],
    [
      'one page of several',
      response({ nextToken: 'page-1' }),
      'rec.json: nextToken: is set, so this is one page of the recommendation: save the whole response (without --max-items or --no-paginate)'
    ],
    [
      'steps that are no list',
      response({ recommendedSteps: {} }),
      'rec.json: recommendedSteps: must be a list'
    ],
    [
      'too many steps',
      response({
        recommendedSteps: Array.from({ length: MAX_RECOMMENDED_STEPS + 1 }, () => ({
          unusedPermissionsRecommendedStep: {
            recommendedAction: 'DETACH_POLICY',
            existingPolicyId: 'p'
          }
        }))
      }),
      `rec.json: recommendedSteps: holds ${MAX_RECOMMENDED_STEPS + 1} steps, more than ${MAX_RECOMMENDED_STEPS}`
    ],
    [
      'a union with two members',
      response({ recommendedSteps: [{ unusedPermissionsRecommendedStep: {}, other: {} }] }),
      'rec.json: recommendedSteps[0]: must hold exactly one "unusedPermissionsRecommendedStep"'
    ],
    [
      'an unknown action',
      step({ recommendedAction: 'DELETE_ROLE' }),
      'rec.json: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedAction: must be CREATE_POLICY or DETACH_POLICY'
    ],
    [
      'CREATE_POLICY without a policy',
      step({ recommendedPolicy: undefined }),
      'rec.json: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: a CREATE_POLICY step must hold the policy as a JSON string'
    ],
    [
      'DETACH_POLICY of nothing',
      step({
        recommendedAction: 'DETACH_POLICY',
        existingPolicyId: undefined,
        recommendedPolicy: undefined
      }),
      'rec.json: recommendedSteps[0].unusedPermissionsRecommendedStep: a DETACH_POLICY step must name its existingPolicyId'
    ],
    [
      'a policy that is not JSON',
      step({ recommendedPolicy: '{"Statement": [' }),
      'rec.json: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: is not valid JSON'
    ],
    [
      'a policy over the size limit',
      step({ recommendedPolicy: ' '.repeat(MAX_RECOMMENDED_POLICY_CHARS + 1) }),
      `rec.json: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: is ${MAX_RECOMMENDED_POLICY_CHARS + 1} characters, over the ${MAX_RECOMMENDED_POLICY_CHARS}-character limit`
    ],
    [
      'a nesting bomb',
      step({ recommendedPolicy: '['.repeat(50_000) + ']'.repeat(50_000) }),
      'rec.json: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: nests deeper than 32 levels; not a policy'
    ],
    [
      'an action that carries Markdown',
      step({
        recommendedPolicy: JSON.stringify({
          Statement: [{ Effect: 'Allow', Action: ['s3:Get*\n```suggestion\n"*"'], Resource: '*' }]
        })
      }),
      'rec.json: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: Statement[0].Action[0]: is not an action name or pattern such as "s3:Get*"'
    ],
    [
      'a statement without actions',
      step({
        recommendedPolicy: JSON.stringify({ Statement: [{ Effect: 'Allow', Resource: '*' }] })
      }),
      'rec.json: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: Statement[0]: has neither Action nor NotAction'
    ],
    [
      'a policy id with a line break',
      step({ existingPolicyId: 'AppPolicy\n::error::forged' }),
      'rec.json: recommendedSteps[0].unusedPermissionsRecommendedStep.existingPolicyId: holds control characters'
    ],
    [
      'a policy id too long',
      step({ existingPolicyId: 'x'.repeat(MAX_POLICY_ID_CHARS + 1) }),
      `rec.json: recommendedSteps[0].unusedPermissionsRecommendedStep.existingPolicyId: is ${MAX_POLICY_ID_CHARS + 1} characters, more than ${MAX_POLICY_ID_CHARS}`
    ],
    [
      'an error that is no object',
      response({ status: 'FAILED', error: 'boom' }),
      'rec.json: error: must be {"code": "...", "message": "..."}'
    ]
  ]

  it.each(cases)('%s', (_, value, message) => {
    expect(errorOf(value)).toBe(message)
  })

  it('the honest response next to them is read (the control)', () => {
    expect(parseFindings(response(), 'rec.json').recommendations?.[0]?.status).toBe('available')
  })
})
