/**
 * Names and the `*`/`?` language (src/engine/actions.ts): word splitting, matching, pattern
 * inclusion and PatternIndex, each against a brute-force oracle that shares no code with the engine.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  compareNames,
  Glob,
  literalPrefix,
  matches,
  patternContains,
  PatternIndex,
  splitName,
  splitWords,
  trailingStarPrefix,
  wordBoundaries,
  wordEndAfter
} from '../src/engine/actions.js'
import { allStrings, oracleIncludes, oracleMatch, oracleWords } from './helpers/engine-oracle.js'

describe('word splitting', () => {
  it.each([
    ['GetBucketCORS', ['Get', 'Bucket', 'CORS']],
    ['ListMFADevices', ['List', 'MFA', 'Devices']],
    ['AssignIpv6Addresses', ['Assign', 'Ipv6', 'Addresses']],
    ['GetObject', ['Get', 'Object']],
    ['DescribeDBInstances', ['Describe', 'DB', 'Instances']],
    ['CreateVPCEndpoint', ['Create', 'VPC', 'Endpoint']],
    ['GetAPIKeys', ['Get', 'API', 'Keys']],
    ['ListV2LoggingLevels', ['List', 'V2', 'Logging', 'Levels']],
    ['PutS3AccessPointPolicy', ['Put', 'S3', 'Access', 'Point', 'Policy']],
    ['DescribeCapacityBlocks', ['Describe', 'Capacity', 'Blocks']],
    ['GetBot', ['Get', 'Bot']],
    ['GetBotAlias', ['Get', 'Bot', 'Alias']],
    ['CreateIPSet', ['Create', 'IP', 'Set']],
    ['Get', ['Get']],
    ['GET', ['GET']],
    ['getobject', ['getobject']],
    ['aBC', ['a', 'BC']],
    ['EC2Instance', ['EC2', 'Instance']],
    ['', []]
  ])('%s -> %j', (action, words) => {
    expect(splitWords(action)).toEqual(words)
  })

  it('puts the service first: s3:GetObject ends words at 3, 6 and 12', () => {
    expect(wordBoundaries('s3:GetObject')).toEqual([3, 6, 12])
    expect(wordBoundaries('ec2:DescribeCapacityBlocks')).toEqual([4, 12, 20, 26])
    expect(wordBoundaries('s3:')).toEqual([3])
  })

  it('agrees with a one-line regular expression on random CamelCase-ish text', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'A', 'B', '1', '-', '_'),
      maxLength: 12
    })
    fc.assert(
      fc.property(text, action => {
        expect(splitWords(action)).toEqual(oracleWords(action))
        expect(splitWords(action).join('')).toBe(action)
      }),
      { numRuns: 2000 }
    )
  })

  it('finds the next word end after any depth as wordBoundaries lists it', () => {
    // Letters of both cases, digits, the separators names may hold and non-ASCII letters.
    const name = fc.tuple(
      fc.constantFrom('', 's3:', 'ec2:', 'a:', 'A:', '9:'),
      fc.string({
        unit: fc.constantFrom('a', 'B', 'C', 'd', 'z', 'Z', '2', '_', '-', ':', 'É', 'é'),
        maxLength: 12
      })
    )
    fc.assert(
      fc.property(name, fc.nat(16), ([service, action], depth) => {
        const n = service + action
        const d = depth % (n.length + 1)
        expect(wordEndAfter(n, d)).toBe(wordBoundaries(n).find(b => b > d) ?? n.length)
      }),
      { numRuns: 5000 }
    )
  })

  it('splits names and finds literal prefixes', () => {
    expect(splitName('s3:GetObject')).toEqual({ service: 's3', action: 'GetObject' })
    expect(splitName('s3')).toEqual({ service: 's3', action: '' })
    expect(literalPrefix('s3:Get*')).toBe('s3:Get')
    expect(literalPrefix('s3:Get?bject*')).toBe('s3:Get')
    expect(literalPrefix('*')).toBe('')
    expect(literalPrefix('s3:GetObject')).toBe('s3:GetObject')
    expect(trailingStarPrefix('s3:get**')).toBe('s3:get')
    expect(trailingStarPrefix('s3:g?t*')).toBeNull()
    expect(trailingStarPrefix('s3:get')).toBeNull()
  })
})

describe('matching', () => {
  it.each([
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 'S3:GETOBJECT', true],
    ['S3:GET*', 's3:getobject', true],
    ['iam:ListAccessKeys', 'IAM:listaccesskeys', true],
    ['s3:Get*', 's3:Get', true],
    ['s3:Get*', 's3:PutObject', false],
    ['s3:Get', 's3:GetObject', false],
    ['s3:*Object', 's3:GetObject', true],
    ['s3:*Object', 's3:GetObjectAcl', false],
    ['s3:Get?bject', 's3:GetObject', true],
    ['s3:Get?bject', 's3:Getbject', false],
    ['s3:Get?bject', 's3:GetOObject', false],
    ['*', '', true],
    ['*', 'anything:AtAll', true],
    ['?', '', false],
    ['?*', 'a', true],
    ['*?', '', false],
    ['s3:*Tagging', 's3:GetObjectTagging', true],
    ['*Tagging', 'ec2:Tagging', true],
    ['*Tagging', 'ec2:TaggingX', false],
    ['s3:Get*Acl', 's3:GetObjectAcl', true],
    ['s3:Get*Acl', 's3:GetAcl', true],
    ['s3:Get*Acl*', 's3:GetBucketAclX', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
    ['a*a', 'a', false],
    ['a*a', 'aa', true]
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(matches(pattern, name)).toBe(expected)
  })

  it('folds A-Z only: Unicode case mapping never makes a pattern match an ASCII action', () => {
    // The Kelvin sign lower-cases to k, and İ to two code units, under toLowerCase.
    expect(matches('s3:\u212Aey*', 's3:KeyX')).toBe(false)
    expect(matches('s3:\u212Aey*', 's3:\u212AeyX')).toBe(true)
    expect(matches('s3:\u0130*', 's3:iX')).toBe(false)
    expect(matches('S3:GET\u00C9*', 's3:get\u00C9x')).toBe(true)
    expect(matches('S3:GET\u00C9*', 's3:get\u00E9x')).toBe(false)
  })

  it('agrees with a dynamic program on random patterns and names', () => {
    const pattern = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '*', '?'), maxLength: 8 })
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'B'), maxLength: 10 })
    fc.assert(
      fc.property(pattern, name, (p, n) => {
        expect(matches(p, n)).toBe(oracleMatch(p, n))
      }),
      { numRuns: 5000 }
    )
  })

  it('takes linear time on patterns that make backtracking matchers explode', () => {
    const name = 'a'.repeat(20000)
    const pattern = `${'a*'.repeat(50)}b`
    const glob = new Glob(pattern)
    const start = performance.now()
    expect(glob.test(name)).toBe(false)
    expect(new Glob(`${'*a'.repeat(50)}*`).test(name)).toBe(true)
    expect(new Glob(`${'*?a'.repeat(40)}*b`).test(name)).toBe(false)
    expect(performance.now() - start).toBeLessThan(500)
  })

  it('orders names case-insensitively, by code unit rather than locale', () => {
    const names = ['s3:PutObject', 'S3:getObject', 's3:GetBucket', 's3:Get', 's3:Get_X', 's3:GetZ']
    expect([...names].sort(compareNames)).toEqual([
      's3:Get',
      's3:Get_X',
      's3:GetBucket',
      'S3:getObject',
      's3:GetZ',
      's3:PutObject'
    ])
    expect(compareNames('S3:A', 's3:a')).not.toBe(0)
  })
})

// Every pattern of up to three symbols over a, b, `*`, `?`: the oracle's inclusion is checked
// against enumeration, and patternContains against the oracle, on every pair.
const SMALL = allStrings('ab*?', 3)
const WORDS = allStrings('abc', 6)
const language = new Map(SMALL.map(p => [p, WORDS.filter(w => oracleMatch(p, w))]))

describe('the inclusion oracle', () => {
  it('agrees with enumerating every string up to length 6 over a, b and a third letter', () => {
    let disagreements = 0
    for (const outer of SMALL) {
      const allowed = new Set(language.get(outer))
      for (const inner of SMALL) {
        const byEnumeration = (language.get(inner) ?? []).every(w => allowed.has(w))
        if (oracleIncludes(outer, inner) !== byEnumeration) disagreements++
      }
    }
    expect(disagreements).toBe(0)
  })

  it('knows the classic cases', () => {
    expect(oracleIncludes('*', 'a*b?')).toBe(true)
    expect(oracleIncludes('a*', 'ab*')).toBe(true)
    expect(oracleIncludes('ab*', 'a*')).toBe(false)
    expect(oracleIncludes('??*', '?*?')).toBe(true)
    expect(oracleIncludes('*a*', 'a*')).toBe(true)
    expect(oracleIncludes('*a', 'a*')).toBe(false)
    expect(oracleIncludes('s3:*object*', 's3:getobject*')).toBe(true)
    expect(oracleIncludes('*tagging', 's3:gettagging*')).toBe(false)
  })
})

describe('patternContains', () => {
  const exactShape = (inner: string): boolean =>
    !/[*?]/.test(inner) || trailingStarPrefix(inner) !== null

  it('is exact for literal and lit* inner patterns and sound for the rest (every small pair)', () => {
    const wrong: string[] = []
    for (const outer of SMALL) {
      for (const inner of SMALL) {
        const truth = oracleIncludes(outer, inner)
        const got = patternContains(outer, inner)
        if (got && !truth) wrong.push(`${outer} ⊇ ${inner} claimed`)
        if (exactShape(inner) && got !== truth) wrong.push(`${outer} ⊇ ${inner} missed`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('agrees with the oracle on longer random patterns', () => {
    const pattern = (max: number): fc.Arbitrary<string> =>
      fc.string({ unit: fc.constantFrom('a', 'b', ':', '*', '?', '*', '?'), maxLength: max })
    const literal = fc.string({ unit: fc.constantFrom('a', 'b', ':'), maxLength: 8 })
    const inner = fc.oneof(
      literal,
      literal.map(l => `${l}*`),
      literal.map(l => `${l}**`),
      pattern(8)
    )
    fc.assert(
      fc.property(pattern(10), inner, (o, i) => {
        const truth = oracleIncludes(o, i)
        const got = patternContains(o, i)
        if (exactShape(i)) expect(got).toBe(truth)
        else if (got) expect(truth).toBe(true)
      }),
      { numRuns: 4000 }
    )
  })

  it('decides the sub-pattern questions G(e) asks', () => {
    expect(patternContains('s3:get*', 's3:getobject*')).toBe(true)
    expect(patternContains('s3:get*', 's3:get*')).toBe(true)
    expect(patternContains('s3:*tagging', 's3:getobject*')).toBe(false)
    expect(patternContains('s3:*tagging', 's3:getobjecttagging')).toBe(true)
    expect(patternContains('s3:get?bject*', 's3:getobjectversion*')).toBe(true)
    expect(patternContains('s3:get?bject', 's3:getobject*')).toBe(false)
    expect(patternContains('s3:*object*', 's3:getobject*')).toBe(true)
    expect(patternContains('s3:*object*', 's3:get*')).toBe(false)
    expect(patternContains('*', 'ec2:*')).toBe(true)
    expect(patternContains('s3:getobj*', 's3:getobject*')).toBe(true)
    // `?*` and `*?` both mean "at least one character"
    expect(patternContains('s3:get?*', 's3:geta*')).toBe(true)
    expect(patternContains('s3:get*?', 's3:get*')).toBe(false)
  })
})

describe('PatternIndex', () => {
  const patterns = fc.array(
    fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', 'A'), maxLength: 4 }),
      fc.string({ unit: fc.constantFrom('a', 'b', 'B'), maxLength: 4 }).map(s => `${s}*`),
      fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 5 })
    ),
    { maxLength: 8 }
  )
  const name = fc.string({ unit: fc.constantFrom('a', 'b', 'A'), maxLength: 6 })
  const query = fc.oneof(
    name,
    name.map(n => `${n}*`),
    fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 5 })
  )

  it('allows exactly the names some pattern matches', () => {
    fc.assert(
      fc.property(patterns, name, (ps, n) => {
        expect(new PatternIndex(ps).allows(n.toLowerCase())).toBe(ps.some(p => oracleMatch(p, n)))
      }),
      { numRuns: 3000 }
    )
  })

  it('covers a pattern exactly when one stored pattern includes it (sound for general shapes)', () => {
    fc.assert(
      fc.property(patterns, query, (ps, q) => {
        const f = q.toLowerCase()
        const truth = ps.some(p => oracleIncludes(p, f))
        const got = new PatternIndex(ps).covers(f)
        if (!/[*?]/.test(f) || trailingStarPrefix(f) !== null) expect(got).toBe(truth)
        else if (got) expect(truth).toBe(true)
      }),
      { numRuns: 3000 }
    )
  })

  it('leaves out one copy of `self`, and only one', () => {
    fc.assert(
      fc.property(patterns, query, (ps, q) => {
        const f = q.toLowerCase()
        const index = new PatternIndex([...ps, q])
        const others = ps.map(p => p.toLowerCase())
        const truth = others.some(p => oracleIncludes(p, f))
        const got = index.covers(f, f)
        if (!/[*?]/.test(f) || trailingStarPrefix(f) !== null) expect(got).toBe(truth)
        else if (got) expect(truth).toBe(true)
      }),
      { numRuns: 3000 }
    )
  })

  it('answers the cases refine and the checks rely on', () => {
    const index = new PatternIndex(['s3:Get*', 'S3:PutObject', 's3:*Tagging', 's3:*Tagging'])
    expect(index.allows('s3:getobject')).toBe(true)
    expect(index.allows('s3:get')).toBe(true)
    expect(index.allows('s3:ge')).toBe(false)
    expect(index.allows('s3:putobject')).toBe(true)
    expect(index.allows('s3:putobjecttagging')).toBe(true)
    expect(index.covers('s3:getobject*')).toBe(true)
    expect(index.covers('s3:get*')).toBe(true)
    expect(index.covers('s3:get*', 's3:get*')).toBe(false)
    expect(index.covers('s3:ge*')).toBe(false)
    expect(index.covers('s3:putobject', 's3:putobject')).toBe(false)
    // An equal general pattern covers it (there was a bug: a general pattern never covered
    // itself); with self excluded, the second copy still does.
    expect(index.covers('s3:*tagging')).toBe(true)
    expect(index.covers('s3:*tagging', 's3:*tagging')).toBe(true)
    expect(new PatternIndex(['s3:*tagging']).covers('s3:*tagging', 's3:*tagging')).toBe(false)
    // Regression: the empty prefix of `*` once counted as a prefix no longer than -1.
    expect(new PatternIndex(['*']).covers('*', '*')).toBe(false)
    expect(new PatternIndex(['*', '*']).covers('*', '*')).toBe(true)
    expect(new PatternIndex(['*']).covers('ec2:*')).toBe(true)
  })
})
