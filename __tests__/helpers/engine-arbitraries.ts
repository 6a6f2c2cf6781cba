/**
 * fast-check generators for the engine's property tests: small catalogs of CamelCase-ish actions
 * that share prefixes and words, policies of every entry shape the design names, and unused sets
 * of every kind a finding can report.
 */
import fc from 'fast-check'
import type { Catalog } from '../../src/engine/catalog.js'
import type { PrincipalUnused } from '../../src/engine/unused.js'
import { oracleWords, type OracleInput } from './engine-oracle.js'

// Words chosen to collide: prefixes of each other (Bot/Bots, Block/Blocks), case variants
// (Acl/ACL), uppercase runs and digits (MFA, Ipv6, S3), one-letter words.
const WORDS = [
  'Get',
  'Put',
  'List',
  'Describe',
  'Object',
  'Objects',
  'Bot',
  'Bots',
  'Alias',
  'Tagging',
  'Acl',
  'ACL',
  'MFA',
  'Ipv6',
  'Capacity',
  'Block',
  'Blocks',
  'Function',
  'X',
  'A',
  'S3',
  'Version'
]
const SERVICES = ['s3', 'lex', 'ec2', 'a', 'ab']

export interface Case {
  input: OracleInput
  policy: Record<string, unknown>
}

const VERBS = ['Get', 'Put', 'List', 'Describe', 'A']
// A few first nouns so that actions share two-word prefixes (GetObject..., GetBot...).
const NOUNS = ['Object', 'Bot', 'Capacity', 'Block', 'A', 'ACL', 'Ipv6']
const actionName = fc
  .tuple(
    fc.constantFrom(...VERBS),
    fc.option(fc.constantFrom(...NOUNS), { nil: '' }),
    fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 2 })
  )
  .map(([verb, noun, ws]) => verb + noun + ws.join(''))

const catalogArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom('s3', 's3', 's3', 's3', ...SERVICES), actionName), {
    minLength: 10,
    maxLength: 60,
    size: 'max',
    selector: ([s, a]) => `${s}:${a.toLowerCase()}`
  })
  .map(pairs => {
    const catalog: Record<string, string[]> = {}
    for (const [s, a] of pairs) (catalog[s] ??= []).push(a)
    return catalog
  })

function recase(name: string, how: number): string {
  if (how === 1) return name.toLowerCase()
  if (how === 2) return name.toUpperCase()
  return name
}

function wordCuts(name: string): number[] {
  const colon = name.indexOf(':')
  const cuts = [colon + 1]
  let at = colon + 1
  for (const w of oracleWords(name.slice(colon + 1))) cuts.push((at += w.length))
  return cuts
}

/** One `Action` entry derived from `names`: literal, word or mid-word prefix, infix, `?`, `*`... */
function entryArb(names: string[]): fc.Arbitrary<string> {
  const name = fc.constantFrom(...names)
  const pick = <T>(xs: T[], i: number): T => xs[i % xs.length] as T
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(name, fc.nat(4)).map(([n, h]) => recase(n, h)) },
    {
      weight: 5,
      // Short prefixes (the service, the verb) match more, which is where G(e) has work to do.
      arbitrary: fc
        .tuple(name, fc.nat(), fc.boolean())
        .map(
          ([n, i, short]) => `${n.slice(0, pick(wordCuts(n).slice(0, short ? 2 : undefined), i))}*`
        )
    },
    {
      weight: 2,
      arbitrary: fc.tuple(name, fc.nat()).map(([n, i]) => {
        const colon = n.indexOf(':')
        return `${n.slice(0, colon + 1 + (i % (n.length - colon)))}*`
      })
    },
    {
      weight: 2,
      arbitrary: fc.tuple(name, fc.nat(), fc.nat()).map(([n, i, j]) => {
        const cuts = wordCuts(n)
        const a = pick(cuts, i)
        const b = Math.max(a, pick(cuts, j))
        return `${n.slice(0, a)}*${n.slice(b)}`
      })
    },
    {
      weight: 2,
      arbitrary: fc.tuple(name, fc.nat(), fc.boolean()).map(([n, i, star]) => {
        const at = i % n.length
        return `${n.slice(0, at)}?${n.slice(at + 1)}${star ? '*' : ''}`
      })
    },
    {
      weight: 1,
      arbitrary: fc.tuple(name, fc.nat()).map(([n, i]) => {
        const cuts = wordCuts(n)
        return `*${n.slice(pick(cuts, i))}`
      })
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('*', 's3:*', 'lex:*', '*:Get*', 'ec2:Describe*', 'zz:*', '*?')
    },
    { weight: 1, arbitrary: fc.constantFrom('s3:Get?bject', 'lex:GetBot*', 's3:*Tagging') }
  )
}

function statementArb(names: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Allow', 'Deny'),
      key: fc.constantFrom('Action', 'Action', 'Action', 'Action', 'Action', 'NotAction'),
      entries: fc.array(entryArb(names), { minLength: 1, maxLength: 5 }),
      asString: fc.boolean(),
      sid: fc.option(fc.constantFrom('One', 'Two', 'Three'), { nil: undefined })
    })
    .map(({ effect, key, entries, asString, sid }) => {
      const s: Record<string, unknown> = {}
      if (sid !== undefined) s.Sid = sid
      s.Effect = effect
      s[key] = asString && entries.length === 1 ? entries[0] : entries
      s.Resource = '*'
      return s
    })
}

/**
 * The principals a policy is attached to. Each reports a shared base of unused actions plus its
 * own, so that intersections are seldom empty; services are sometimes reported whole.
 */
function principalsArb(names: string[], services: string[]): fc.Arbitrary<PrincipalUnused[]> {
  const one = (base: string[]): fc.Arbitrary<PrincipalUnused> =>
    fc
      .record({
        whole: fc.nat(12).map(n => n === 0),
        extra: fc.subarray(names, { maxLength: Math.min(3, names.length) }),
        wholeServices: fc.subarray([...services, 'zz'], { maxLength: 2 }),
        dropWhole: fc.nat(3).map(n => n > 0),
        how: fc.nat(5)
      })
      .map(({ whole, extra, wholeServices, dropWhole, how }) => {
        const byService = new Map<string, string[]>()
        for (const n of [...base, ...extra]) {
          const colon = n.indexOf(':')
          const list = byService.get(n.slice(0, colon)) ?? []
          list.push(recase(n.slice(colon + 1), how))
          byService.set(n.slice(0, colon), list)
        }
        const services = [...byService].map(([service, actions]) => ({
          service,
          actions: actions.map(action => ({ action }))
        }))
        const wholes = dropWhole ? [] : wholeServices.map(service => ({ service }))
        return {
          principal: 'arn:aws:iam::123456789012:role/R',
          wholePrincipal: whole,
          services: [
            ...services.filter(x => !wholeServices.includes(x.service) || dropWhole),
            ...wholes
          ],
          sources: []
        }
      })
  return fc
    .subarray(names)
    .chain(base =>
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([] as PrincipalUnused[]) },
        { weight: 14, arbitrary: fc.array(one(base), { minLength: 1, maxLength: 1 }) },
        { weight: 5, arbitrary: fc.array(one(base), { minLength: 2, maxLength: 3 }) }
      )
    )
}

/** Cases over the catalogs `catalogArb` draws: policies, unknown names, principals, keep-actions. */
export function casesOver(
  catalogArb: fc.Arbitrary<Record<string, string[]>>
): fc.Arbitrary<Case & { principals: PrincipalUnused[] }> {
  return catalogArb.chain(catalog => {
    const services = Object.keys(catalog)
    const known = Object.entries(catalog).flatMap(([s, as]) => as.map(a => `${s}:${a}`))
    // Names outside the catalog: new actions of known services, and an unknown service.
    const unknownName = fc
      .tuple(fc.constantFrom(...services, 'zz'), actionName)
      .map(([s, a]) => `${s}:${a}`)
    return fc.array(unknownName, { maxLength: 4 }).chain(extra => {
      const names = [...known, ...extra]
      return fc
        .record({
          statements: fc.array(statementArb(names), { minLength: 1, maxLength: 4 }),
          single: fc.nat(5).map(n => n === 0),
          principals: principalsArb(names, services),
          keep: fc.oneof(
            { weight: 4, arbitrary: fc.constant([] as string[]) },
            { weight: 1, arbitrary: fc.array(entryArb(names), { maxLength: 2 }) }
          ),
          version: fc.boolean()
        })
        .map(({ statements, single, principals, keep, version }) => {
          const policy: Record<string, unknown> = {}
          if (version) policy.Version = '2012-10-17'
          policy.Statement = single ? statements[0] : statements
          const input: OracleInput = {
            catalog,
            keep,
            principals: principals.map(p => ({
              whole: p.wholePrincipal,
              services: p.services.map(s => ({
                service: s.service,
                ...(s.actions ? { actions: s.actions.map(a => a.action) } : {})
              }))
            }))
          }
          return { input, policy, principals }
        })
    })
  })
}

/** Random small catalogs of CamelCase-ish names that share prefixes and words. */
export const caseArb = casesOver(catalogArb)

/** The engine's catalog for a generated one; the same object each time, as in a real run. */
export function toCatalog(catalog: Record<string, string[]>): Catalog {
  let made = catalogs.get(catalog)
  if (!made) {
    made = { source: 'test', services: new Map(Object.entries(catalog)) }
    catalogs.set(catalog, made)
  }
  return made
}
const catalogs = new WeakMap<Record<string, string[]>, Catalog>()
