import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ConfigurationError } from '../src/engine/errors.js'
import { parseFindings } from '../src/findings/parse.js'
import { combineFindings, selectPrincipals } from '../src/findings/select.js'

const ROLE = 'arn:aws:iam::123456789012:role/MyRole'
const article = JSON.parse(
  readFileSync('__tests__/fixtures/article/finding-getfindingv2.json', 'utf8')
)

function finding(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'f-1',
    resource: ROLE,
    resourceType: 'AWS::IAM::Role',
    status: 'ACTIVE',
    findingType: 'UnusedPermission',
    analyzedAt: '2026-10-01T00:00:00Z',
    findingDetails: [
      {
        unusedPermissionDetails: {
          serviceNamespace: 's3',
          actions: [{ action: 's3:GetObject', lastAccessed: '2026-01-02T00:00:00Z' }]
        }
      },
      { unusedPermissionDetails: { serviceNamespace: 'ec2', lastAccessed: '2025-05-05T00:00:00Z' } }
    ],
    ...overrides
  }
}

function errorOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigurationError')
}

describe('parseFindings', () => {
  it('reads a GetFindingV2 response, with or without the service prefix on actions', () => {
    const parsed = parseFindings(finding({}), 'f.json')
    expect(parsed.notes).toEqual([])
    expect(parsed.principals).toEqual([
      {
        principal: ROLE,
        wholePrincipal: false,
        since: '2026-10-01T00:00:00Z',
        sources: ['f-1'],
        services: [
          {
            service: 's3',
            actions: [{ action: 'GetObject', lastAccessed: '2026-01-02T00:00:00Z' }]
          },
          { service: 'ec2', lastAccessed: '2025-05-05T00:00:00Z' }
        ]
      }
    ])
    const article1 = parseFindings(article, 'a.json').principals[0]
    expect(article1?.services.map(s => s.service)).toEqual(['lambda', 's3'])
    expect(article1?.services[1]?.actions).toHaveLength(22)
  })

  it('reads an array and {"findings": [...]} the same way', () => {
    const one = parseFindings([finding({})], 'f.json')
    const wrapped = parseFindings({ findings: [finding({})] }, 'f.json')
    expect(wrapped).toEqual(one)
    expect(one.principals).toHaveLength(1)
  })

  it('applies only ACTIVE findings and says what it skipped', () => {
    const parsed = parseFindings(
      [
        finding({ id: 'a', status: 'ARCHIVED' }),
        finding({ id: 'r', status: 'RESOLVED' }),
        finding({ id: 'k', findingType: 'UnusedIAMUserAccessKey', findingDetails: [] }),
        finding({ id: 'p', findingType: 'UnusedIAMUserPassword', findingDetails: [] })
      ],
      'f.json'
    )
    expect(parsed.principals).toEqual([])
    expect(parsed.notes.join('\n')).toMatch(/finding a .* ARCHIVED, not ACTIVE/)
    expect(parsed.notes.join('\n')).toMatch(/finding k \(UnusedIAMUserAccessKey\).*not applied/)
    expect(parsed.notes).toHaveLength(4)
  })

  it('reads UnusedIAMRole as a whole unused principal', () => {
    const parsed = parseFindings(
      finding({
        findingType: 'UnusedIAMRole',
        findingDetails: [{ unusedIamRoleDetails: { lastAccessed: '2025-01-01T00:00:00Z' } }]
      }),
      'f.json'
    )
    expect(parsed.principals[0]).toMatchObject({
      principal: ROLE,
      wholePrincipal: true,
      lastAccessed: '2025-01-01T00:00:00Z'
    })
  })

  it('reads the per-principal list, with actions as strings, without a principal', () => {
    const parsed = parseFindings(
      [
        { serviceNamespace: 's3', actions: ['GetObject', 's3:PutObject'] },
        { serviceNamespace: 'ec2' }
      ],
      'u.json'
    )
    expect(parsed.principals).toEqual([
      {
        principal: '',
        wholePrincipal: false,
        sources: ['u.json'],
        services: [
          { service: 's3', actions: [{ action: 'GetObject' }, { action: 'PutObject' }] },
          { service: 'ec2' }
        ]
      }
    ])
  })

  it.each([
    [42, /u.json: expected a GetFindingV2 finding/],
    [
      [{ findingType: 'UnusedPermission', status: 'ACTIVE' }],
      /u.json: \[0\]\.resource: must be the ARN of an IAM role or user/
    ],
    [[{ resource: ROLE }], /\[0\]: has no "findingType"/],
    [
      { findings: [{ ...finding({}), findingDetails: undefined }] },
      /findings\[0\]: has no "findingDetails" list; a ListFindingsV2 summary/
    ],
    [
      finding({ findingDetails: [{ unusedPermissionDetails: { serviceNamespace: 's 3' } }] }),
      /findingDetails\[0\]\.unusedPermissionDetails: "serviceNamespace" must be/
    ],
    [
      finding({
        findingDetails: [
          {
            unusedPermissionDetails: {
              serviceNamespace: 's3',
              actions: [{ action: 'ec2:RunInstances' }]
            }
          }
        ]
      }),
      /"ec2:RunInstances" is not an action of the service "s3"/
    ],
    [
      finding({
        findingDetails: [
          { unusedPermissionDetails: { serviceNamespace: 's3', actions: ['GetObject'] } }
        ]
      }),
      /actions\[0\]: must be \{"action": "..."\}/
    ],
    [[{ serviceNamespace: 's3', actions: [7] }], /\[0\]\.actions\[0\]: must be an action name/],
    [[{ serviceNamespace: 's3', actions: ['Get*'] }], /"Get\*" is not an action name/],
    [[{ serviceNamespace: 's3', actions: 'GetObject' }], /\[0\]\.actions: must be a list/]
  ])('names the file and the place of what is wrong (%#)', (value, message) => {
    expect(errorOf(() => parseFindings(value, 'u.json'))).toMatch(message)
  })

  // A findings file or artifact is written by whoever wrote it: its fields reach comments and
  // logs, so each must have the shape Access Analyzer gives it.
  it.each([
    [{ id: '::error::forged\n' }, /\[0\]\.id: must be a finding id/],
    [{ id: 'x <img src=y>' }, /\[0\]\.id: must be a finding id/],
    [{ resource: 'arn:aws:iam::123456789012:role/App\n::add-mask::x' }, /\[0\]\.resource: must be/],
    [
      { resource: 'arn:aws:s3:::bucket' },
      /\[0\]\.resource: must be the ARN of an IAM role or user/
    ],
    [
      { analyzedAt: '2024-01-01 [click](https://evil.example)' },
      /\[0\]\.analyzedAt: must be an ISO 8601 date/
    ],
    [{ status: '::stop-commands::x' }, /\[0\]\.status: must be ACTIVE, ARCHIVED or RESOLVED/],
    [
      { findingType: 'Unused<b>' },
      /\[0\]\.findingType: is not one of Access Analyzer's finding types/
    ],
    [
      {
        findingDetails: [
          { unusedPermissionDetails: { serviceNamespace: 's3', lastAccessed: '@octocat' } }
        ]
      },
      /unusedPermissionDetails\.lastAccessed: must be an ISO 8601 date/
    ]
  ])('refuses a hostile field: %j', (overrides, message) => {
    expect(errorOf(() => parseFindings([finding(overrides)], 'u.json'))).toMatch(message)
  })

  it('takes the honest fields, path-qualified roles, last-accessed ids and dates without time', () => {
    const parsed = parseFindings(
      [
        finding({ resource: 'arn:aws:iam::123456789012:role/service-role/app/App+Role=1,2.3@4-5' }),
        finding({
          id: 'last-accessed:arn:aws:iam::123456789012:user/ci',
          resource: 'arn:aws:iam::123456789012:user/ci',
          analyzedAt: '2024-05-01'
        })
      ],
      'u.json'
    )
    expect(parsed.principals.map(p => p.principal)).toEqual([
      'arn:aws:iam::123456789012:role/service-role/app/App+Role=1,2.3@4-5',
      'arn:aws:iam::123456789012:user/ci'
    ])
  })

  it('records which principals and accounts the findings cover, whatever the status', () => {
    const parsed = parseFindings(
      { coveredAccounts: ['123456789012'], findings: [finding({ status: 'RESOLVED' })] },
      'u.json'
    )
    expect(parsed.principals).toEqual([])
    expect(parsed.covered).toEqual([ROLE])
    expect(parsed.coveredAccounts).toEqual(['123456789012'])
    expect(
      errorOf(() => parseFindings({ coveredAccounts: ['all'], findings: [] }, 'u.json'))
    ).toMatch(/coveredAccounts\[0\]: must be a 12-digit account id/)
  })
})

describe('selectPrincipals', () => {
  const other = 'arn:aws:iam::123456789012:role/Other'
  const two = combineFindings([
    parseFindings([finding({}), finding({ id: 'f-2', resource: other })], 'f.json')
  ])

  it('asks for --principal when the findings are about several principals', () => {
    expect(errorOf(() => selectPrincipals(two, []))).toMatch(
      /several principals .*MyRole.*Other.*--principal/
    )
  })

  it('selects the named principals; one without a finding uses everything', () => {
    const { principals, warnings } = selectPrincipals(two, [
      other,
      'arn:aws:iam::123456789012:role/Nobody'
    ])
    expect(principals.map(p => [p.principal, p.services.length])).toEqual([
      [other, 2],
      ['arn:aws:iam::123456789012:role/Nobody', 0]
    ])
    expect(warnings).toEqual([expect.stringMatching(/no finding for .*Nobody.*using everything/)])
  })

  it('gives a per-principal list to the one principal named', () => {
    const list = combineFindings([parseFindings([{ serviceNamespace: 's3' }], 'u.json')])
    expect(selectPrincipals(list, [ROLE]).principals).toEqual([
      { principal: ROLE, wholePrincipal: false, services: [{ service: 's3' }], sources: ['u.json'] }
    ])
    expect(errorOf(() => selectPrincipals(list, [ROLE, other]))).toMatch(
      /cannot be applied to several/
    )
  })

  it('merges several findings of one principal', () => {
    const merged = combineFindings([
      parseFindings(finding({}), 'a.json'),
      parseFindings(
        finding({
          id: 'f-9',
          findingDetails: [{ unusedPermissionDetails: { serviceNamespace: 'iam' } }]
        }),
        'b.json'
      )
    ])
    const { principals } = selectPrincipals(merged, [])
    expect(principals[0]?.services.map(s => s.service)).toEqual(['s3', 'ec2', 'iam'])
    expect(principals[0]?.sources).toEqual(['f-1', 'f-9'])
  })
})
