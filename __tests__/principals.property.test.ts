import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  matchesPrincipal,
  principalRegExp,
  type PrincipalPattern
} from '../src/sources/principals.js'

// Mapping matches ARNs against a pattern per policy without compiling a RegExp for each
// (src/sources/principals.ts). The RegExp it replaces is the specification: on every ARN and
// pattern the two must agree, near misses and text outside ASCII included.

/** Pieces ARNs and names are made of: separators, both cases, and letters `i` folds otherwise. */
const piece = fc.constantFrom(
  ':',
  '/',
  '//',
  '-',
  'role',
  'ROLE',
  'user',
  'Role',
  'a',
  'A',
  'b',
  'k',
  'K',
  '\u212a',
  '\u017f',
  's',
  'S',
  '0',
  '9',
  '.',
  '*',
  '$',
  'Ä',
  'ä',
  'arn:aws:iam::123456789012:'
)
const word = fc.array(piece, { maxLength: 6 }).map(parts => parts.join(''))

const patternArb: fc.Arbitrary<PrincipalPattern> = fc.record(
  {
    kinds: fc.constantFrom(['role'], ['user'], ['role', 'user']),
    path: fc.option(word, { nil: undefined }),
    tail: word,
    caseless: fc.boolean(),
    generatedSuffix: fc.boolean()
  },
  { requiredKeys: ['kinds', 'tail', 'caseless'] }
)

/** An ARN made to match the pattern, then perhaps changed a little, or one of pieces alone. */
const arnFor = (p: PrincipalPattern): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .tuple(
        word,
        fc.constantFrom(...p.kinds),
        p.path === undefined
          ? fc.array(word, { maxLength: 3 }).map(s => `/${s.map(x => `${x}/`).join('')}`)
          : fc.constant(p.path.endsWith('/') ? p.path : `${p.path}/`),
        fc.boolean(),
        fc.array(fc.constantFrom('a', 'Z', '0', 's', 'S'), { maxLength: 4 }).map(c => c.join('')),
        fc.option(fc.tuple(fc.nat(40), piece), { nil: undefined, freq: 2 })
      )
      .map(([head, kind, path, upper, suffix, change]) => {
        let arn = `${head}:${kind}${path}${p.tail}${suffix}`
        if (upper && p.caseless) arn = arn.toUpperCase()
        if (change) {
          const at = change[0] % (arn.length + 1)
          arn = arn.slice(0, at) + change[1] + arn.slice(at + 1)
        }
        return arn
      }),
    word
  )

describe('matching an ARN to a principal without a RegExp per policy', () => {
  it('agrees with the RegExp on every ARN and pattern', () => {
    let matched = 0
    fc.assert(
      fc.property(
        patternArb.chain(p => fc.tuple(fc.constant(p), arnFor(p))),
        ([pattern, arn]) => {
          const expected = principalRegExp(pattern).test(arn)
          if (expected) matched++
          expect(matchesPrincipal(arn, pattern)).toBe(expected)
        }
      ),
      { numRuns: 10_000 }
    )
    // the generator reaches both answers, so agreement is not agreement on "no"
    expect(matched).toBeGreaterThan(1_000)
  })

  it('matches the names mapping relies on, and not their neighbours (control)', () => {
    const arn = 'arn:aws:iam::123456789012:role/service/MyStack-AppRole-1A2B3C'
    const generated = {
      kinds: ['role'],
      tail: 'MyStack-AppRole-',
      caseless: false,
      generatedSuffix: true
    }
    expect(matchesPrincipal(arn, generated)).toBe(true)
    expect(matchesPrincipal(arn.toLowerCase(), generated)).toBe(false)
    expect(matchesPrincipal(`${arn}-x`, generated)).toBe(false)
    const named = { kinds: ['role', 'user'], tail: 'myrole', caseless: true }
    expect(matchesPrincipal('arn:aws:iam::123456789012:role/a/b/MyRole', named)).toBe(true)
    expect(matchesPrincipal('arn:aws:iam::123456789012:role/a//MyRole', named)).toBe(false)
    expect(matchesPrincipal('arn:aws:iam::123456789012:role/NotMyRole', named)).toBe(false)
    expect(matchesPrincipal('arn:aws:iam::123456789012:group/MyRole', named)).toBe(false)
    // the Kelvin sign lower-cases to k, yet the flag i does not match it with k
    const kelvin = { kinds: ['role'], tail: 'k', caseless: true }
    expect(matchesPrincipal('arn:aws:iam::1:role/\u212a', kelvin)).toBe(false)
    expect(matchesPrincipal('arn:aws:iam::1:role/K', kelvin)).toBe(true)
  })
})
