import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { compareWithRecommendation, type AgreementInput } from '../src/engine/agreement.js'
import { parseCatalog, type Catalog } from '../src/engine/catalog.js'
import { bundledCatalog } from '../src/engine/bundled-catalog.js'
import type { PrincipalRecommendation, RecommendedStep } from '../src/engine/recommendation.js'
import { refinePolicy } from '../src/engine/refine.js'
import type { PrincipalUnused } from '../src/engine/unused.js'
import { parseFindings } from '../src/findings/parse.js'
import { combineFindings } from '../src/findings/select.js'
import MarkdownIt from 'markdown-it'
import { agreementDetails, agreementLine, agreementMarkdown } from '../src/report/agreement.js'
import { readerSees } from './helpers/reader.js'

const md = new MarkdownIt('default', { html: true, linkify: true })

const dir = '__tests__/fixtures/article'
const read = (f: string): unknown => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))
const MY_ROLE = 'arn:aws:iam::123456789012:role/MyRole'
const APP = 'arn:aws:iam::123456789012:role/App'
const WORKER = 'arn:aws:iam::123456789012:role/Worker'

const catalog: Catalog = {
  source: 'test',
  services: new Map([
    [
      's3',
      [
        'GetObject',
        'GetObjectAcl',
        'GetObjectTagging',
        'GetBucketAcl',
        'GetBucketPolicy',
        'PutObject',
        'ListBucket'
      ]
    ],
    ['iam', ['PassRole', 'GetRole', 'DeleteRole']],
    ['ec2', ['DescribeInstances', 'TerminateInstances']]
  ])
}

function unused(principal: string, actions: Record<string, string[]>): PrincipalUnused {
  return {
    principal,
    wholePrincipal: false,
    services: Object.entries(actions).map(([service, names]) => ({
      service,
      actions: names.map(action => ({ action }))
    })),
    sources: []
  }
}

const doc = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements
})
const allow = (action: string | string[], extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Action: action,
  Resource: '*',
  ...extra
})
const create = (existingPolicyId: string | undefined, recommended: unknown): RecommendedStep => ({
  action: 'CREATE_POLICY',
  ...(existingPolicyId ? { existingPolicyId } : {}),
  recommendedPolicy: recommended as Record<string, unknown>
})
const detach = (existingPolicyId: string): RecommendedStep => ({
  action: 'DETACH_POLICY',
  existingPolicyId
})
const available = (principal: string, steps: RecommendedStep[]): PrincipalRecommendation => ({
  principal,
  status: 'available',
  steps,
  startedAt: '2026-10-02T09:00:00Z',
  completedAt: '2026-10-02T09:00:20Z',
  source: 'test'
})

interface Scenario {
  document: unknown
  principals: PrincipalUnused[]
  recommendations: PrincipalRecommendation[]
  names?: string[]
  keep?: string[]
  catalog?: Catalog
  prefixes?: string[]
}

function compare(s: Scenario) {
  const cat = s.catalog ?? catalog
  const refinement = refinePolicy(s.document, {
    catalog: cat,
    principals: s.principals,
    keepActions: s.keep ?? []
  })
  const input: AgreementInput = {
    catalog: cat,
    document: s.document,
    refinement,
    principals: s.principals,
    keepActions: s.keep ?? [],
    policyNames: s.names ?? ['AppPolicy'],
    ...(s.prefixes ? { generatedNamePrefixes: s.prefixes } : {}),
    recommendations: new Map(s.recommendations.map(r => [r.principal, r]))
  }
  return { refinement, agreement: compareWithRecommendation(input) }
}

describe('the worked example against AWS’s published recommendation for MyRole', () => {
  const findings = combineFindings([
    parseFindings(read('finding-getfindingv2.json'), 'finding-getfindingv2.json'),
    parseFindings(read('recommendation.json'), 'recommendation.json')
  ])
  const principals = [...findings.byPrincipal.values()]
  const recommendations = [...(findings.recommendations?.values() ?? [])]

  it('agrees on the June 2024 catalog the recommendation was made with', () => {
    const { agreement } = compare({
      document: read('policy.json'),
      principals,
      recommendations,
      names: ['policy'],
      catalog: parseCatalog(read('catalog-2024.json'), 'catalog-2024.json')
    })
    expect(agreement).toEqual({
      verdict: 'agrees',
      principals: [
        {
          principal: MY_ROLE,
          verdict: 'agrees',
          matchedBy: 'content',
          existingPolicyId: 'MyRolePolicy',
          completedAt: '2024-06-10T08:05:17+00:00',
          reasons: []
        }
      ]
    })
    expect(agreementLine(agreement)).toBe(
      "Matches IAM Access Analyzer's recommendation for this policy."
    )
  })

  it('differs on the bundled catalog, naming the two newer s3:Get* actions', () => {
    const { agreement } = compare({
      document: read('policy.json'),
      principals,
      recommendations,
      names: ['policy'],
      catalog: bundledCatalog()
    })
    expect(agreement.verdict).toBe('differs')
    expect(agreement.principals[0]?.reasons).toEqual([
      {
        kind: 'aws-catalog',
        statement: { index: 1 },
        actions: ['s3:GetBucketAbac', 's3:GetBucketMetadataTableConfiguration']
      }
    ])
    expect(agreementLine(agreement)).toBe(
      "Differs from IAM Access Analyzer's recommendation for this policy: Statement #2: the recommendation does not allow " +
        's3:GetBucketAbac, s3:GetBucketMetadataTableConfiguration, which the findings do not report unused: actions newer than the catalog AWS refined with.'
    )
    expect(agreementMarkdown(agreement)).toContain(
      '`s3:GetBucketAbac`, `s3:GetBucketMetadataTableConfiguration`'
    )
  })
})

describe('finding the step that is about this policy', () => {
  const document = doc(allow(['s3:GetObject', 's3:PutObject']))
  const refined = doc(allow(['s3:GetObject']))
  const principals = [unused(APP, { s3: ['PutObject'] })]

  it.each([
    ['an inline policy by its name', 'AppPolicy'],
    ['a managed policy by its ARN', 'arn:aws:iam::123456789012:policy/team/AppPolicy'],
    ['names compared as IAM does, ignoring case', 'apppolicy']
  ])('%s', (_, id) => {
    const { agreement } = compare({
      document,
      principals,
      recommendations: [available(APP, [create(id, refined)])]
    })
    expect(agreement.principals[0]).toMatchObject({
      verdict: 'agrees',
      matchedBy: 'id',
      existingPolicyId: id
    })
  })

  it('a managed policy CloudFormation named, by its stack and logical id', () => {
    const { agreement } = compare({
      document,
      principals,
      names: [],
      prefixes: ['orders-api-AppPolicy-'],
      recommendations: [
        available(APP, [
          create('arn:aws:iam::123456789012:policy/other', doc(allow('iam:GetRole'))),
          create('arn:aws:iam::123456789012:policy/orders-api-AppPolicy-1ABC2DEF', refined)
        ])
      ]
    })
    expect(agreement.principals[0]).toMatchObject({ verdict: 'agrees', matchedBy: 'id' })
  })

  it('by content when no step names it, and says so when several could be it', () => {
    const one = compare({
      document,
      principals,
      names: [],
      recommendations: [available(APP, [create('Other', refined)])]
    })
    expect(one.agreement.principals[0]).toMatchObject({ verdict: 'agrees', matchedBy: 'content' })
    const two = compare({
      document,
      principals,
      names: [],
      recommendations: [available(APP, [create('A', refined), create('B', refined)])]
    })
    expect(two.agreement).toMatchObject({
      verdict: 'unavailable',
      principals: [
        {
          unavailable: expect.stringMatching(
            /^2 of the recommended policies could be this one by content \(A, B\)/
          )
        }
      ]
    })
  })

  it('unavailable, with why, when nothing is about it or there is nothing', () => {
    const none = compare({
      document,
      principals,
      recommendations: [
        available(APP, [create('Other', doc(allow('iam:GetRole'), allow('ec2:*')))])
      ]
    })
    expect(none.agreement.principals[0]?.unavailable).toBe(
      'no step of the recommendation is about this policy (they name Other)'
    )
    const missing = compare({ document, principals, recommendations: [] })
    expect(missing.agreement.principals[0]?.unavailable).toBe(
      `the findings hold no recommendation for ${APP}`
    )
    const failed = compare({
      document,
      principals,
      recommendations: [
        {
          principal: APP,
          status: 'unavailable',
          reason: 'IAM Access Analyzer kept throttling GetFindingRecommendation',
          source: 'x'
        }
      ]
    })
    expect(agreementLine(failed.agreement)).toBe(
      'No IAM Access Analyzer recommendation to compare with: IAM Access Analyzer kept throttling GetFindingRecommendation.'
    )
    const role = compare({
      document,
      principals: [{ ...unused(APP, {}), wholePrincipal: true }],
      recommendations: [available(APP, [create('AppPolicy', refined)])]
    })
    expect(role.agreement.principals[0]?.unavailable).toMatch(/unused as a whole \(UnusedIAMRole\)/)
  })
})

describe('a shared managed policy', () => {
  const document = doc(allow('s3:Get*'))
  const principals = [
    unused(APP, { s3: ['GetBucketAcl', 'GetBucketPolicy', 'GetObjectTagging'] }),
    unused(WORKER, { s3: ['GetBucketAcl', 'GetBucketPolicy'] })
  ]
  const id = 'arn:aws:iam::123456789012:policy/SharedRead'

  it('differs for a principal whose own recommendation removes what another uses, and says who', () => {
    const { refinement, agreement } = compare({
      document,
      principals,
      names: ['SharedRead'],
      recommendations: [
        available(APP, [create(id, doc(allow(['s3:GetObject', 's3:GetObjectAcl'])))]),
        available(WORKER, [create(id, doc(allow('s3:GetObject*')))])
      ]
    })
    expect(refinement.document).toEqual(doc(allow('s3:GetObject*')))
    expect(agreement.verdict).toBe('differs')
    expect(agreement.principals.map(p => p.verdict)).toEqual(['differs', 'agrees'])
    expect(agreement.principals[0]?.reasons).toEqual([
      {
        kind: 'shared',
        statement: { index: 0 },
        actions: ['s3:GetObjectTagging'],
        usedBy: [WORKER]
      }
    ])
    expect(agreementLine(agreement)).toBe(
      "Differs from IAM Access Analyzer's recommendation for this policy: for App, Statement #1: iam-refine keeps " +
        "s3:GetObjectTagging for Worker, who share this policy; AWS's recommendation is for App alone."
    )
  })
})

describe('a policy the recommendation detaches', () => {
  it('agrees when iam-refine finds it wholly unused too', () => {
    const { refinement, agreement } = compare({
      document: doc(allow(['s3:PutObject', 'iam:DeleteRole'])),
      principals: [unused(APP, { s3: ['PutObject'], iam: ['DeleteRole'] })],
      recommendations: [available(APP, [detach('arn:aws:iam::123456789012:policy/AppPolicy')])]
    })
    expect(refinement.unusedPolicy).toBe(true)
    expect(agreement.principals[0]).toMatchObject({
      verdict: 'agrees',
      detach: true,
      matchedBy: 'id'
    })
  })

  it('differs when iam-refine keeps an action the findings do not report unused', () => {
    const { agreement } = compare({
      document: doc(allow(['s3:GetObject', 's3:PutObject'])),
      principals: [unused(APP, { s3: ['PutObject'] })],
      recommendations: [available(APP, [detach('AppPolicy')])]
    })
    expect(agreement.principals[0]?.reasons).toEqual([
      { kind: 'detached' },
      { kind: 'removes-used', statement: { index: 0 }, actions: ['s3:GetObject'] }
    ])
  })
})

describe('a NotAction statement', () => {
  const document = doc(allow(['s3:GetObject', 's3:PutObject'], { Sid: 'Objects' }), {
    Sid: 'Broad',
    Effect: 'Allow',
    NotAction: 'iam:*',
    Resource: '*'
  })
  const principals = [unused(APP, { s3: ['PutObject'], ec2: ['TerminateInstances'] })]

  it('agrees when AWS leaves it as it is, as iam-refine does', () => {
    const { agreement } = compare({
      document,
      principals,
      recommendations: [
        available(APP, [
          create(
            'AppPolicy',
            doc(allow(['s3:GetObject'], { Sid: 'Objects' }), {
              Sid: 'Broad',
              Effect: 'Allow',
              NotAction: ['iam:*'],
              Resource: '*'
            })
          )
        ])
      ]
    })
    expect(agreement.verdict).toBe('agrees')
  })

  it('differs when AWS refines it, naming what AWS no longer allows', () => {
    const { agreement } = compare({
      document,
      principals,
      recommendations: [
        available(APP, [
          create(
            'AppPolicy',
            doc(allow(['s3:GetObject'], { Sid: 'Objects' }), {
              Sid: 'Broad',
              Effect: 'Allow',
              NotAction: ['iam:*', 'ec2:TerminateInstances'],
              Resource: '*'
            })
          )
        ])
      ]
    })
    expect(agreement.principals[0]?.reasons).toEqual([
      {
        kind: 'not-refined-by-us',
        statement: { index: 1, sid: 'Broad' },
        note: 'uses NotAction, which iam-refine does not refine',
        actions: ['ec2:TerminateInstances']
      }
    ])
    expect(agreementDetails(agreement)).toEqual([
      'Statement Broad uses NotAction, which iam-refine does not refine; the recommendation changes it (it no longer allows ec2:TerminateInstances)'
    ])
  })
})

describe('each other difference, computed', () => {
  const principals = [unused(APP, { s3: ['GetBucketAcl', 'GetBucketPolicy'], iam: ['PassRole'] })]
  const document = doc(allow('s3:Get*'), allow('iam:PassRole'))
  const reasonsFor = (recommended: unknown, extra: Partial<Scenario> = {}) =>
    compare({
      document,
      principals,
      recommendations: [available(APP, [create('AppPolicy', recommended)])],
      ...extra
    }).agreement.principals[0]?.reasons

  it('AWS leaves a statement iam-refine refines', () => {
    expect(reasonsFor(doc(allow('s3:Get*')))).toEqual([
      {
        kind: 'not-refined-by-aws',
        statement: { index: 0 },
        actions: ['s3:GetBucketAcl', 's3:GetBucketPolicy']
      }
    ])
  })

  it('the same actions, written differently (the succinctness rule merges them)', () => {
    expect(
      reasonsFor(doc(allow(['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging'])))
    ).toEqual([
      {
        kind: 'written-differently',
        statement: { index: 0 },
        ours: ['s3:GetObject*'],
        aws: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging']
      }
    ])
  })

  it('AWS still allows an action the findings report unused', () => {
    expect(reasonsFor(doc(allow(['s3:GetBucketAcl', 's3:GetObject*'])))).toEqual([
      { kind: 'keeps-unused', statement: { index: 0 }, actions: ['s3:GetBucketAcl'] }
    ])
  })

  it('AWS allows an action iam-refine’s catalog does not know', () => {
    expect(reasonsFor(doc(allow(['s3:GetObject*', 's3:GetBucketNewThing'])))).toEqual([
      { kind: 'our-catalog', statement: { index: 0 }, actions: ['s3:GetBucketNewThing'] }
    ])
  })

  it('keep-actions keep what AWS removes', () => {
    expect(reasonsFor(doc(allow('s3:GetObject*')), { keep: ['iam:PassRole'] })).toEqual([
      { kind: 'keep-actions', statement: { index: 1 }, actions: ['iam:PassRole'] }
    ])
  })

  it('a recommendation for another version of the policy lines up with none of its statements', () => {
    expect(reasonsFor(doc(allow(['s3:GetObject*', 's3:PutObject'])))).toEqual([
      { kind: 'unaligned', recommendedStatement: 0, actions: ['s3:PutObject'] }
    ])
  })

  it('a Deny AWS changes', () => {
    const withDeny = doc(allow('s3:Get*'), {
      Effect: 'Deny',
      Action: 'iam:DeleteRole',
      Resource: '*'
    })
    const { agreement } = compare({
      document: withDeny,
      principals,
      recommendations: [available(APP, [create('AppPolicy', doc(allow('s3:GetObject*')))])]
    })
    expect(agreement.principals[0]?.reasons).toEqual([
      {
        kind: 'not-refined-by-us',
        statement: { index: 1 },
        note: 'is a Deny, which iam-refine never narrows'
      }
    ])
  })

  it('Markdown built from outside text stays text: a Sid, a policy id, AWS’s error message', () => {
    const hostile = '`](https://evil.example) <img src=x> <!-- @admin #1 :tada:'
    const differs = compare({
      document: doc(allow('s3:Get*', { Sid: hostile })),
      principals,
      recommendations: [
        available(APP, [create('AppPolicy', doc(allow('s3:Get*', { Sid: hostile })))])
      ]
    }).agreement
    const missing = compare({
      document: doc(allow('s3:Get*')),
      principals,
      names: [],
      recommendations: [available(APP, [create(hostile, doc(allow('iam:GetRole')))])]
    }).agreement
    const failed = compare({
      document: doc(allow('s3:Get*')),
      principals,
      recommendations: [{ principal: APP, status: 'unavailable', reason: hostile, source: 'x' }]
    }).agreement
    for (const agreement of [differs, missing, failed]) {
      const line = agreementMarkdown(agreement)
      const tokens = md.parseInline(line, {})[0]?.children ?? []
      // Nothing but text and code: no link, image, HTML or emphasis an outsider wrote.
      expect(tokens.map(t => t.type).filter(t => t !== 'text' && t !== 'code_inline')).toEqual([])
      expect(line).not.toMatch(/\n/)
      // The control: the outside text is still there for the reader.
      expect(readerSees(line)).toContain('](https://evil.example)')
    }
  })
})
