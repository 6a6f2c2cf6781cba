/**
 * The refinement (src/engine/refine.ts, trie.ts, unused-set.ts, invariants.ts) on the cases
 * DESIGN.md §1 and the engine issue single out, each with its expected output worked out by hand.
 */
import { describe, expect, it } from '@jest/globals'
import type { Catalog } from '../src/engine/catalog.js'
import { InvariantError } from '../src/engine/errors.js'
import { verifyRefinement } from '../src/engine/invariants.js'
import {
  QUOTAS,
  refinePolicy,
  refineWithContext,
  type EntryChange,
  type PolicyRefinement,
  type RefineOptions
} from '../src/engine/refine.js'
import { Universe } from '../src/engine/universe.js'
import { usesEverything, type PrincipalUnused } from '../src/engine/unused.js'
import { UnusedSet } from '../src/engine/unused-set.js'

const catalogOf = (services: Record<string, string[]>): Catalog => ({
  source: 'test',
  services: new Map(Object.entries(services))
})

/** A principal that has not used `names` (`service:Action`) and, for bare `service`, a service. */
function unusedBy(names: string[], principal = 'arn:aws:iam::1:role/R'): PrincipalUnused {
  const services = new Map<string, { action: string }[] | undefined>()
  for (const n of names) {
    const [service, action] = n.split(':') as [string, string | undefined]
    if (action === undefined) services.set(service, undefined)
    else if (!services.has(service) || services.get(service)) {
      services.set(service, [...(services.get(service) ?? []), { action }])
    }
  }
  return {
    principal,
    wholePrincipal: false,
    services: [...services].map(([service, actions]) =>
      actions ? { service, actions } : { service }
    ),
    sources: ['test']
  }
}

const allow = (Action: string | string[], extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Action,
  Resource: '*',
  ...extra
})

function refine(
  catalog: Catalog,
  statements: unknown[] | Record<string, unknown>,
  principals: PrincipalUnused[],
  options: Partial<RefineOptions> = {}
): PolicyRefinement {
  return refinePolicy(
    { Version: '2012-10-17', Statement: statements },
    { catalog, principals, ...options }
  )
}

/** The Action of the first (or only) statement left. */
function actionOf(result: PolicyRefinement, at = 0): unknown {
  const s = result.document.Statement
  return (Array.isArray(s) ? s[at] : s)?.Action
}

const LEX = catalogOf({
  lex: [
    'GetBot',
    'GetBotAlias',
    'GetBotAliases',
    'GetBots',
    'GetBotVersions',
    'GetIntent',
    'GetIntents',
    'GetIntentVersions'
  ]
})

describe('G(e): the tricky cases', () => {
  it('emits an action that is a prefix of an unused one exactly: lex:GetBot when GetBotAlias is unused', () => {
    const result = refine(LEX, [allow('lex:Get*')], [unusedBy(['lex:GetBotAlias'])])
    expect(actionOf(result)).toEqual([
      'lex:GetBot',
      'lex:GetBotAliases',
      'lex:GetBots',
      'lex:GetBotVersions',
      'lex:GetIntent*'
    ])
  })

  it('never emits lex:GetBot* while GetBots (another branch of the trie) is unused', () => {
    const result = refine(LEX, [allow('lex:Get*')], [unusedBy(['lex:GetBots'])])
    const action = actionOf(result) as string[]
    expect(action).toEqual([
      'lex:GetBot',
      'lex:GetBotAlias*',
      'lex:GetBotVersions',
      'lex:GetIntent*'
    ])
    expect(action).not.toContain('lex:GetBot*')
  })

  it('treats a word node as unsafe through a longer word: DescribeCapacityBlock* with DescribeCapacityBlocks unused', () => {
    const catalog = catalogOf({
      ec2: [
        'DescribeCapacityBlockExtensionHistory',
        'DescribeCapacityBlockExtensionOfferings',
        'DescribeCapacityBlockOfferings',
        'DescribeCapacityBlocks',
        'DescribeCapacityBlockStatus',
        'DescribeCapacityReservationFleets',
        'DescribeCapacityReservations',
        'DescribeInstances'
      ]
    })
    const result = refine(
      catalog,
      [allow('ec2:DescribeCapacity*')],
      [unusedBy(['ec2:DescribeCapacityBlocks'])]
    )
    // DescribeCapacityReservations is a trie node of its own (Reservations is one word), but
    // DescribeCapacityReservation* covers it: no covered duplicate is added.
    expect(actionOf(result)).toEqual([
      'ec2:DescribeCapacityBlockExtension*',
      'ec2:DescribeCapacityBlockOfferings',
      'ec2:DescribeCapacityBlockStatus',
      'ec2:DescribeCapacityReservation*'
    ])
  })

  it('emits the literal prefix itself when it is a used action: lambda:GetFunction from lambda:GetFunction*', () => {
    const catalog = catalogOf({
      lambda: [
        'GetFunction',
        'GetFunctionCodeSigningConfig',
        'GetFunctionConcurrency',
        'GetFunctionConfiguration',
        'GetFunctionEventInvokeConfig',
        'GetFunctionUrlConfig'
      ]
    })
    const result = refine(
      catalog,
      [allow('lambda:GetFunction*')],
      [unusedBy(['lambda:GetFunctionConfiguration', 'lambda:GetFunctionUrlConfig'])]
    )
    expect(actionOf(result)).toEqual([
      'lambda:GetFunction',
      'lambda:GetFunctionCodeSigningConfig',
      'lambda:GetFunctionConcurrency',
      'lambda:GetFunctionEventInvokeConfig'
    ])
    // ... and leaves it out when it is the unused one.
    const without = refine(
      catalog,
      [allow('lambda:GetFunction*')],
      [unusedBy(['lambda:GetFunction'])]
    )
    expect(actionOf(without)).toEqual([
      'lambda:GetFunctionCodeSigningConfig',
      'lambda:GetFunctionConcurrency',
      'lambda:GetFunctionConfiguration',
      'lambda:GetFunctionEventInvokeConfig',
      'lambda:GetFunctionUrlConfig'
    ])
  })

  const TAGGING = catalogOf({
    s3: [
      'GetBucketTagging',
      'GetObject',
      'GetObjectTagging',
      'GetObjectVersionTagging',
      'PutBucketTagging',
      'PutObjectTagging'
    ],
    ec2: ['CreateTags', 'DescribeTagging']
  })

  it('replaces *Tagging by exact actions: no prefix wildcard is a sub-pattern of a suffix pattern', () => {
    const result = refine(TAGGING, [allow('s3:*Tagging')], [unusedBy(['s3:PutObjectTagging'])])
    expect(actionOf(result)).toEqual([
      's3:GetBucketTagging',
      's3:GetObjectTagging',
      's3:GetObjectVersionTagging',
      's3:PutBucketTagging'
    ])
    const any = refine(TAGGING, [allow('*Tagging')], [unusedBy(['s3:PutObjectTagging'])])
    expect(actionOf(any)).toEqual([
      'ec2:DescribeTagging',
      's3:GetBucketTagging',
      's3:GetObjectTagging',
      's3:GetObjectVersionTagging',
      's3:PutBucketTagging'
    ])
  })

  const OBJECTS = catalogOf({
    s3: [
      'GetObject',
      'GetObjectAcl',
      'GetObjectAttributes',
      'GetObjectTagging',
      'GetObjectVersion',
      'GetObjectVersionAcl',
      'GetObjectVersionTagging',
      'PutObject'
    ]
  })

  it('handles ? patterns: Get?bject matches one name; Get?bject* emits only wildcards inside it', () => {
    expect(
      actionOf(refine(OBJECTS, [allow('s3:Get?bject')], [unusedBy(['s3:GetObjectAcl'])]))
    ).toBe('s3:Get?bject')
    const gone = refine(
      OBJECTS,
      [allow(['s3:Get?bject', 's3:PutObject'])],
      [unusedBy(['s3:GetObject'])]
    )
    expect(actionOf(gone)).toEqual(['s3:PutObject'])
    const result = refine(OBJECTS, [allow('s3:Get?bject*')], [unusedBy(['s3:GetObjectAcl'])])
    // s3:GetObjectVersion* is inside s3:Get?bject*, so it may be emitted.
    expect(actionOf(result)).toEqual([
      's3:GetObject',
      's3:GetObjectAttributes',
      's3:GetObjectTagging',
      's3:GetObjectVersion*'
    ])
  })

  it('handles infix patterns: s3:*Object* emits s3:GetObjectVersion* but never s3:Get*', () => {
    const result = refine(OBJECTS, [allow('s3:*Object*')], [unusedBy(['s3:GetObjectAcl'])])
    expect(actionOf(result)).toEqual([
      's3:GetObject',
      's3:GetObjectAttributes',
      's3:GetObjectTagging',
      's3:GetObjectVersion*',
      's3:PutObject'
    ])
    const wider = refine(OBJECTS, [allow('s3:*Object*')], [unusedBy(['s3:PutObject'])])
    expect(actionOf(wider)).toBe('s3:GetObject*')
  })

  it('starts below a mid-word literal prefix with the rest of the word: s3:GetObj*', () => {
    const result = refine(OBJECTS, [allow('s3:GetObj*')], [unusedBy(['s3:GetObjectAcl'])])
    expect(actionOf(result)).toEqual([
      's3:GetObject',
      's3:GetObjectAttributes',
      's3:GetObjectTagging',
      's3:GetObjectVersion*'
    ])
    const deeper = refine(OBJECTS, [allow('s3:GetObjectVer*')], [unusedBy(['s3:GetObjectVersion'])])
    expect(actionOf(deeper)).toEqual(['s3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'])
  })

  it('refines * to whole services and the words below them', () => {
    const catalog = catalogOf({
      s3: ['GetObject', 'GetObjectAcl', 'PutObject'],
      sqs: ['SendMessage', 'ReceiveMessage'],
      ec2: ['DescribeInstances', 'RunInstances']
    })
    const result = refine(catalog, [allow('*')], [unusedBy(['ec2', 's3:GetObjectAcl'])])
    expect(actionOf(result)).toEqual(['s3:GetObject', 's3:PutObject', 'sqs:*'])
    const everything = refine(catalog, [allow('*')], [unusedBy(['ec2', 's3', 'sqs'])])
    expect(everything.unusedPolicy).toBe(true)
    expect(everything.document.Statement).toEqual([])
  })

  it('never reads a non-ASCII letter as its ASCII case-fold (regression)', () => {
    // With toLowerCase folding, s3:\u212Aey* (Kelvin sign) matched s3:KeyA and s3:KeyB and was
    // replaced by s3:KeyB: an entry IAM need not consider inside the original.
    const catalog = catalogOf({ s3: ['KeyA', 'KeyB'] })
    const result = refine(catalog, [allow('s3:\u212Aey*')], [unusedBy(['s3:KeyA'])])
    expect(result.changed).toBe(false)
    expect(actionOf(result)).toBe('s3:\u212Aey*')
  })

  it('keeps a wildcard none of whose actions is unused, verbatim, in the author’s casing', () => {
    const result = refine(OBJECTS, [allow(['S3:put*', 's3:GET*'])], [unusedBy(['s3:GetObjectAcl'])])
    const action = actionOf(result) as string[]
    expect(action[0]).toBe('S3:put*')
    expect(action.slice(1)).toEqual([
      's3:GetObject',
      's3:GetObjectAttributes',
      's3:GetObjectTagging',
      's3:GetObjectVersion*'
    ])
  })
})

describe('G(e) on the catalog’s odd spellings', () => {
  it('spells a node as a name that goes on below it: apigateway:Get*, not apigateway:GET*', () => {
    const catalog = catalogOf({
      apigateway: [
        'DELETE',
        'DeletePortal',
        'GET',
        'GetPortal',
        'GetPortalProduct',
        'GetRoutingRule'
      ]
    })
    const result = refine(catalog, [allow('apigateway:*')], [unusedBy(['apigateway:DELETE'])])
    expect(actionOf(result)).toEqual(['apigateway:DeletePortal', 'apigateway:Get*'])
  })

  it('keeps one entry when a name with other words sits in two places of the trie', () => {
    // `Describelabel` is one word, `DescribeLabelGroup` three: under lookoutequipment: the first
    // is a child of the service, the second of `Describe`, and both nodes read describelabel.
    const catalog = catalogOf({
      lookoutequipment: [
        'DescribeDataset',
        'Describelabel',
        'DescribeLabelGroup',
        'DescribeModel',
        'DescribeModelVersion',
        'ListModels'
      ]
    })
    const result = refine(
      catalog,
      [allow('lookoutequipment:*')],
      [unusedBy(['lookoutequipment:DescribeModel'])]
    )
    expect(actionOf(result)).toEqual([
      'lookoutequipment:DescribeDataset',
      'lookoutequipment:DescribeLabel*',
      'lookoutequipment:DescribeModelVersion',
      'lookoutequipment:ListModels'
    ])
  })
})

describe('the unused set', () => {
  const S3 = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'ListBucket'] })

  it('removes unused actions the catalog does not know, literal or under a wildcard', () => {
    const principal = unusedBy(['s3:GetBrandNewThing', 's3:GetObjectAcl'])
    const literal = refine(S3, [allow(['s3:GetBrandNewThing', 's3:PutObject'])], [principal])
    expect(actionOf(literal)).toEqual(['s3:PutObject'])
    const wildcard = refine(S3, [allow('s3:Get*')], [principal])
    expect(actionOf(wildcard)).toBe('s3:GetObject')
    expect(wildcard.statements[0]?.changes).toEqual([
      {
        kind: 'replaced',
        entry: 's3:Get*',
        by: ['s3:GetObject'],
        unused: ['s3:GetBrandNewThing', 's3:GetObjectAcl'],
        matched: 3
      }
    ])
  })

  it('treats a literal the policy names but the catalog lacks as a used action of the universe', () => {
    const result = refine(
      S3,
      [allow(['s3:Get*', 's3:GetFuture']), allow('s3:Get*')],
      [unusedBy(['s3:GetObjectAcl'])]
    )
    // Statement 1: s3:GetFuture is already there, so G(e)'s s3:GetFuture is not added again.
    expect(actionOf(result, 0)).toEqual(['s3:GetObject', 's3:GetFuture'])
    // Statement 2: s3:GetFuture is in the universe (named in the policy) and used, so kept.
    expect(actionOf(result, 1)).toEqual(['s3:GetFuture', 's3:GetObject'])
  })

  it('reads a service without actions as every universe action of it, unknown ones included', () => {
    const result = refine(
      S3,
      [allow(['s3:GetFuture', 's3:Get*', 'sqs:SendMessage'])],
      [unusedBy(['s3'])]
    )
    expect(actionOf(result)).toEqual(['sqs:SendMessage'])
  })

  it('removes everything for a wholly unused principal (UnusedIAMRole), and says so', () => {
    const whole: PrincipalUnused = { ...unusedBy([]), wholePrincipal: true }
    const result = refine(
      S3,
      [allow(['s3:*', 'zz:Unknown*', 'weird']), allow('sqs:Send*')],
      [whole]
    )
    expect(result.unusedPrincipal).toBe(true)
    expect(result.unusedPolicy).toBe(true)
    expect(result.document.Statement).toEqual([])
    expect(result.warnings.join('\n')).toMatch(/the policy is unused\. Detach or delete it/)
    // A Deny stays: it is never narrowed, so the policy is not left empty.
    const withDeny = refine(
      S3,
      [allow('s3:*'), { Effect: 'Deny', Action: 's3:*', Resource: '*' }],
      [whole]
    )
    expect(withDeny.document.Statement).toEqual([{ Effect: 'Deny', Action: 's3:*', Resource: '*' }])
    expect(withDeny.unusedPolicy).toBe(false)
  })

  it('refines a shared policy with the intersection of its principals’ unused sets', () => {
    const a = unusedBy(['s3:GetObject', 's3:GetObjectAcl'], 'arn:a')
    const b = unusedBy(['s3:GetObjectAcl', 's3:PutObject'], 'arn:b')
    const policy = [allow(['s3:GetObject', 's3:GetObjectAcl', 's3:PutObject'])]
    expect(actionOf(refine(S3, policy, [a, b]))).toEqual(['s3:GetObject', 's3:PutObject'])
    // A principal without a finding uses everything: nothing is removed.
    expect(refine(S3, policy, [a, usesEverything('arn:c')]).changed).toBe(false)
    // A wholly unused principal does not narrow the others' intersection.
    const whole: PrincipalUnused = { ...unusedBy([], 'arn:d'), wholePrincipal: true }
    expect(actionOf(refine(S3, policy, [a, whole]))).toEqual(['s3:PutObject'])
    // A service reported whole by one and in part by the other: the part.
    const c = unusedBy(['s3'], 'arn:c')
    expect(actionOf(refine(S3, policy, [a, c]))).toEqual(['s3:PutObject'])
    // No principal at all: nothing is unused.
    expect(refine(S3, policy, []).changed).toBe(false)
  })

  it('never removes keep-actions, literal or wildcard, even when reported unused', () => {
    const iam = catalogOf({ iam: ['PassRole', 'GetRole', 'ListRoles', 'PassRoleX'] })
    const principal = unusedBy(['iam'])
    const kept = refine(iam, [allow(['iam:PassRole', 'iam:GetRole'])], [principal], {
      keepActions: ['iam:PassRole']
    })
    expect(actionOf(kept)).toEqual(['iam:PassRole'])
    const star = refine(iam, [allow('iam:*')], [principal], { keepActions: ['IAM:passrole'] })
    expect(actionOf(star)).toBe('iam:PassRole')
    const wild = refine(iam, [allow('iam:*')], [principal], { keepActions: ['iam:Pass*'] })
    expect(actionOf(wild)).toBe('iam:Pass*')
    const whole: PrincipalUnused = { ...unusedBy([]), wholePrincipal: true }
    const all = refine(iam, [allow('iam:*'), allow('s3:*')], [whole], {
      keepActions: ['iam:PassRole']
    })
    expect(all.document.Statement).toEqual([allow('iam:PassRole')])
    expect(all.unusedPolicy).toBe(false)
  })
})

describe('statements', () => {
  const S3 = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'ListBucket'] })
  const principal = unusedBy(['s3:GetObjectAcl', 's3:PutObject'])

  it('leaves Deny and NotAction statements untouched, and reports them as not refined', () => {
    const deny = {
      Sid: 'NoPut',
      Effect: 'Deny',
      Action: ['s3:PutObject', 's3:Get*'],
      Resource: '*'
    }
    const notAction = { Effect: 'Allow', NotAction: 's3:PutObject', Resource: '*' }
    const result = refine(S3, [deny, notAction, allow('s3:PutObject')], [principal])
    const statements = result.document.Statement as unknown[]
    expect(statements).toHaveLength(2)
    expect(statements[0]).toBe(deny)
    expect(statements[1]).toBe(notAction)
    expect(result.statements.map(s => s.status)).toEqual(['not-refined', 'not-refined', 'removed'])
    expect(result.statements[0]?.note).toMatch(/Deny/)
    expect(result.statements[1]?.note).toMatch(/NotAction/)
    expect(result.warnings.join('\n')).toMatch(/Statement "NoPut": is a Deny/)
    expect(result.warnings.join('\n')).toMatch(/Statement #2: uses NotAction/)
  })

  it('leaves odd statements as they are and says why', () => {
    const odd = [
      { Effect: 'Allow', Resource: '*' },
      { Effect: 'Allow', Action: [1, 2], Resource: '*' },
      { Effect: 'allow', Action: 's3:PutObject', Resource: '*' },
      'not an object'
    ]
    const result = refine(S3, odd, [principal])
    expect(result.changed).toBe(false)
    expect(result.document.Statement).toEqual(odd)
    expect(result.statements.map(s => s.status)).toEqual([
      'not-refined',
      'not-refined',
      'not-refined',
      'not-refined'
    ])
  })

  it('keeps a string Action a string when one entry is left, and makes a list of several', () => {
    expect(actionOf(refine(S3, [allow('s3:Get*')], [principal]))).toBe('s3:GetObject')
    expect(actionOf(refine(S3, [allow(['s3:Get*'])], [principal]))).toEqual(['s3:GetObject'])
    const catalog = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'GetBucketAcl'] })
    expect(actionOf(refine(catalog, [allow('s3:Get*')], [principal]))).toEqual([
      's3:GetBucketAcl',
      's3:GetObject'
    ])
  })

  it('removes a statement left without actions and keeps the others, keys and order intact', () => {
    const first = allow('s3:PutObject', {
      Sid: 'Put',
      Condition: { Bool: { 'aws:SecureTransport': 'true' } }
    })
    const second = {
      Sid: 'Get',
      Effect: 'Allow',
      Resource: 'arn:aws:s3:::b/*',
      Action: ['s3:Get*']
    }
    const result = refine(S3, [first, second], [principal])
    expect(result.statements.map(s => [s.index, s.status])).toEqual([
      [0, 'removed'],
      [1, 'refined']
    ])
    const [only] = result.document.Statement as Record<string, unknown>[]
    expect(Object.keys(only as object)).toEqual(['Sid', 'Effect', 'Resource', 'Action'])
    expect(only).toEqual({ ...second, Action: ['s3:GetObject'] })
    expect(Object.keys(result.document)).toEqual(['Version', 'Statement'])
  })

  it('keeps a single Statement object an object, and reports an emptied policy as unused', () => {
    const single = refine(S3, allow('s3:Get*'), [principal])
    expect(single.document.Statement).toEqual(allow('s3:GetObject'))
    const gone = refine(S3, allow('s3:PutObject'), [principal])
    expect(gone.document.Statement).toEqual([])
    expect(gone.unusedPolicy).toBe(true)
    expect(gone.warnings).toContain(
      'No statement is left: the policy is unused. Detach or delete it rather than keep it empty.'
    )
  })

  it('returns the very same document when nothing changes', () => {
    const policy = { Version: '2012-10-17', Statement: [allow('s3:ListBucket')] }
    const result = refinePolicy(policy, { catalog: S3, principals: [principal] })
    expect(result.document).toBe(policy)
    expect(result.changed).toBe(false)
    expect(result.statements[0]?.status).toBe('unchanged')
  })

  it('adds no new entry another entry already allows, kept or new', () => {
    const catalog = catalogOf({
      s3: ['GetObject', 'GetObjectAcl', 'GetObjectTagging', 'GetBucketAcl', 'GetBucketPolicy']
    })
    const unused = unusedBy(['s3:GetBucketAcl', 's3:GetObjectAcl'])
    // Two overlapping wildcards: s3:Get* and s3:GetObject* would both emit GetObjectTagging.
    const both = refine(catalog, [allow(['s3:Get*', 's3:GetObject*'])], [unused])
    expect(actionOf(both)).toEqual(['s3:GetBucketPolicy', 's3:GetObject', 's3:GetObjectTagging'])
    // A kept entry covers what G(e) would add.
    const kept = refine(catalog, [allow(['s3:GetObjectT*', 's3:Get*'])], [unused])
    expect(actionOf(kept)).toEqual(['s3:GetObjectT*', 's3:GetBucketPolicy', 's3:GetObject'])
    // Kept entries stay even when covered.
    const dup = refine(catalog, [allow(['s3:GetObject', 's3:GetObject', 's3:Get*'])], [unused])
    expect(actionOf(dup)).toEqual([
      's3:GetObject',
      's3:GetObject',
      's3:GetBucketPolicy',
      's3:GetObjectTagging'
    ])
  })
})

describe('size', () => {
  const S3 = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'PutObject'] })

  it('has the IAM quotas of the design', () => {
    expect(QUOTAS.managed.limit).toBe(6144)
    expect(QUOTAS.role.limit).toBe(10240)
    expect(QUOTAS.user.limit).toBe(2048)
    expect(QUOTAS.group.limit).toBe(5120)
  })

  it('counts characters without white space and reports a refinement over its quota', () => {
    const policy = { Version: '2012-10-17', Statement: [allow('s3:Get*')] }
    const result = refinePolicy(policy, {
      catalog: S3,
      principals: [unusedBy(['s3:GetObjectAcl'])],
      quota: { kind: 'test quota', limit: 60 }
    })
    const after = JSON.stringify(result.document).length
    expect(result.size).toEqual({
      before: JSON.stringify(policy).length,
      after,
      quota: { kind: 'test quota', limit: 60 }
    })
    expect(after).toBeGreaterThan(60)
    expect(result.overQuota).toBe(true)
    expect(result.warnings.join('\n')).toContain(
      `The refined policy is ${after} characters without white space, over the 60-character quota for test quota.`
    )
    const roomy = refinePolicy(policy, {
      catalog: S3,
      principals: [unusedBy(['s3:GetObjectAcl'])],
      quota: QUOTAS.managed
    })
    expect(roomy.overQuota).toBe(false)
    expect(roomy.warnings).toEqual([])
  })
})

describe('guarantee checks', () => {
  const S3 = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'GetObjectTagging', 'PutObject'] })
  const principal = unusedBy(['s3:GetObjectAcl'])
  const policy = {
    Version: '2012-10-17',
    Statement: [allow('s3:Get*'), allow('s3:PutObject')]
  }
  const universe = new Universe(S3, ['s3:GetObjectAcl'], ['s3:PutObject'])
  const context = { universe, unused: UnusedSet.resolve([principal], universe) }
  const result = refinePolicy(policy, { catalog: S3, principals: [principal] })
  const again = (d: Record<string, unknown>): PolicyRefinement =>
    refineWithContext(d, context, undefined)

  /** The result with statement 0 (refined) showing `after` in the report and the document. */
  function tampered(after: string[], by = after): PolicyRefinement {
    const [first, ...rest] = result.statements
    const change = first?.changes[0]
    return {
      ...result,
      document: { ...policy, Statement: [allow(after), policy.Statement[1]] },
      statements: [
        {
          ...(first as NonNullable<typeof first>),
          after,
          changes: [{ ...(change as EntryChange & object), by } as EntryChange]
        },
        ...rest
      ]
    }
  }

  it('accepts the engine’s own result', () => {
    expect(actionOf(result)).toEqual(['s3:GetObject', 's3:GetObjectTagging'])
    expect(() => verifyRefinement(policy, result, context, again)).not.toThrow()
  })

  it.each([
    ['a wider entry (1)', ['s3:GetObject', 's3:GetObjectTagging', 's3:Put*'], /guarantee 1/],
    ['an unused action (2)', ['s3:GetObject*'], /unused s3:GetObjectAcl is still allowed/],
    ['a lost used action (3)', ['s3:GetObject'], /used s3:GetObjectTagging is no longer allowed/],
    [
      'a covered new entry (4)',
      ['s3:GetObject', 's3:GetObjectTagging', 's3:GetObjectT*'],
      /covered/
    ]
  ])('throws InvariantError on %s', (_, after, message) => {
    expect(() => verifyRefinement(policy, tampered(after), context, again)).toThrow(InvariantError)
    expect(() => verifyRefinement(policy, tampered(after), context, again)).toThrow(message)
  })

  it('throws InvariantError on a non-maximal wildcard (4)', () => {
    const star = { Version: '2012-10-17', Statement: [allow('s3:*')] }
    const put = unusedBy(['s3:PutObject'])
    const u = new Universe(S3, ['s3:PutObject'])
    const ctx = { universe: u, unused: UnusedSet.resolve([put], u) }
    const good = refinePolicy(star, { catalog: S3, principals: [put] })
    expect(actionOf(good)).toBe('s3:Get*')
    const [first] = good.statements
    const narrow = {
      ...good,
      document: { ...star, Statement: [allow('s3:GetObject*')] },
      statements: [
        {
          ...(first as NonNullable<typeof first>),
          after: ['s3:GetObject*'],
          changes: [{ ...(first?.changes[0] as EntryChange), by: ['s3:GetObject*'] } as EntryChange]
        }
      ]
    }
    expect(() =>
      verifyRefinement(star, narrow, ctx, d => refineWithContext(d, ctx, undefined))
    ).toThrow(/"s3:GetObject\*" is not maximal: "s3:get\*" would also be safe \(guarantee 4\)/)
  })

  it('throws when the document says something the report does not', () => {
    const wider = {
      ...result,
      document: { ...policy, Statement: [allow(['s3:GetObject', 'zz:*']), policy.Statement[1]] }
    }
    expect(() => verifyRefinement(policy, wider, context, again)).toThrow(
      /the refined Action is not the entries checked/
    )
    const lostStatement = {
      ...result,
      document: { ...policy, Statement: [allow(['s3:GetObject', 's3:GetObjectTagging'])] },
      statements: result.statements.slice(0, 1)
    }
    expect(() => verifyRefinement(policy, lostStatement, context, again)).toThrow(
      /does not account for every statement/
    )
    const resource = {
      ...result,
      document: {
        ...policy,
        Statement: [
          { ...allow(['s3:GetObject', 's3:GetObjectTagging']), Resource: 'arn:aws:s3:::other' },
          policy.Statement[1]
        ]
      }
    }
    expect(() => verifyRefinement(policy, resource, context, again)).toThrow(/other than Action/)
    const version = { ...result, document: { ...result.document, Version: '2008-10-17' } }
    expect(() => verifyRefinement(policy, version, context, again)).toThrow(/other than Statement/)
    const untouched = {
      ...result,
      document: { ...policy, Statement: [result.document.Statement, allow('s3:*')].flat() }
    }
    expect(() => verifyRefinement(policy, untouched, context, again)).toThrow(InvariantError)
  })

  it('throws when refining again would change the result (5)', () => {
    const changed: PolicyRefinement = { ...result, changed: true }
    expect(() => verifyRefinement(policy, result, context, () => changed)).toThrow(/guarantee 5/)
  })

  it('says it is a bug and suggests nothing', () => {
    const error = new InvariantError('x')
    expect(error.message).toMatch(/suggests nothing: x\. This is a bug/)
    expect(error.name).toBe('InvariantError')
  })
})
