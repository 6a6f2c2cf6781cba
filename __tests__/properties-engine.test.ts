/**
 * The five guarantees of DESIGN.md §1, checked over random catalogs, policies and unused sets
 * against an independent brute-force reading of the design (helpers/engine-oracle.ts) rather than
 * the engine's own checker.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { bundledCatalog } from '../src/engine/bundled-catalog.js'
import { refinePolicy, type PolicyRefinement } from '../src/engine/refine.js'
import { caseArb, casesOver, toCatalog, type Case } from './helpers/engine-arbitraries.js'
import {
  actionList,
  lower,
  oracleIncludes,
  oracleMatch,
  oracleRefine,
  oracleUniverse,
  oracleUnused,
  oracleWords,
  statementsOf
} from './helpers/engine-oracle.js'
import type { PrincipalUnused } from '../src/engine/unused.js'

type Full = Case & { principals: PrincipalUnused[] }

const run = (c: Full, document: unknown = c.policy): PolicyRefinement =>
  refinePolicy(document, {
    catalog: toCatalog(c.input.catalog),
    principals: c.principals,
    keepActions: c.input.keep ?? []
  })

const isRefinable = (s: unknown): s is Record<string, unknown> =>
  typeof s === 'object' &&
  s !== null &&
  (s as Record<string, unknown>).Effect === 'Allow' &&
  !('NotAction' in s) &&
  actionList(s) !== undefined

/**
 * The guarantees one by one, each straight from its wording in the design, computed with the
 * oracle's universe and U. Returns what is violated (plain checks, not one `expect` per action:
 * building an assertion per universe action would dominate the run time).
 */
function guaranteeViolations(c: Full, result: PolicyRefinement): string[] {
  const universe = oracleUniverse(c.policy, c.input)
  const { isUnused, all } = oracleUnused(universe, c.input)
  const names = [...universe.keys()]
  const before = statementsOf(c.policy)
  const after = statementsOf(result.document)
  const allows = (entries: string[], n: string): boolean => entries.some(e => oracleMatch(e, n))
  const bad: string[] = []

  let at = 0
  for (const s of result.statements) {
    const original = before[s.index]
    const refined = s.status === 'removed' ? undefined : after[at++]
    const where = `statement ${s.index}`
    if (!isRefinable(original)) {
      // Deny, NotAction and odd statements are never changed, and are reported.
      if (refined !== original) bad.push(`${where}: not refinable, but changed`)
      if (s.status !== 'not-refined') bad.push(`${where}: not refinable, but ${s.status}`)
      continue
    }
    const was = actionList(original) as string[]
    const now = refined === undefined ? [] : (actionList(refined) as string[])
    if (JSON.stringify(now) !== JSON.stringify(s.after)) bad.push(`${where}: after is not Action`)
    // Every key but Action stays, in order.
    if (refined !== undefined) {
      const r = refined as Record<string, unknown>
      if (Object.keys(r).join() !== Object.keys(original).join()) bad.push(`${where}: keys changed`)
      for (const k of Object.keys(original)) {
        if (k !== 'Action' && r[k] !== original[k]) bad.push(`${where}: ${k} changed`)
      }
    }
    // 1. Never wider, for all strings.
    for (const e of now) {
      if (!was.some(o => oracleIncludes(o, e))) bad.push(`${where}: ${e} is wider (1)`)
    }
    // 2. Unused gone.
    for (const n of names) {
      if (isUnused(n) && allows(now, n)) bad.push(`${where}: unused ${n} allowed (2)`)
    }
    if (all && (c.input.keep ?? []).length === 0 && now.length > 0)
      bad.push(`${where}: the whole principal is unused, yet entries remain (2)`)
    // 3. Used kept: universe actions, and literal entries the universe does not name.
    for (const n of [...names, ...was.filter(e => !/[*?]/.test(e)).map(lower)]) {
      if (allows(was, n) && !isUnused(n) && !allows(now, n))
        bad.push(`${where}: used ${n} lost (3)`)
    }
    // 4. Succinct: a new entry is covered by no other entry; a new wildcard is maximal.
    const originals = new Set(was.map(lower))
    for (const e of now) {
      if (originals.has(lower(e))) continue
      if (now.some(o => lower(o) !== lower(e) && oracleIncludes(o, e)))
        bad.push(`${where}: new ${e} is covered (4)`)
      if (now.filter(o => lower(o) === lower(e)).length !== 1)
        bad.push(`${where}: new ${e} is repeated (4)`)
    }
    for (const change of s.changes) {
      if (change.kind !== 'replaced') continue
      const r = names.filter(n => isUnused(n) && oracleMatch(change.entry, n))
      const root = lower(change.entry.split(/[*?]/)[0] as string)
      for (const w of change.by.filter(b => b.endsWith('*'))) {
        const p = w.slice(0, -1)
        if (!oracleIncludes(change.entry, w)) bad.push(`${where}: ${w} not inside e (1)`)
        if (r.some(n => n.startsWith(lower(p)))) bad.push(`${where}: ${w} is unsafe (2)`)
        // The next shorter word prefix: drop the last word, or the service itself (`ec2:`).
        const words = oracleWords(p.slice(p.indexOf(':') + 1))
        const last = words[words.length - 1]
        const parent = last === undefined ? '' : lower(p.slice(0, p.length - last.length))
        if (parent.length <= root.length) continue
        if (!r.some(n => n.startsWith(parent)) && oracleIncludes(change.entry, `${parent}*`))
          bad.push(`${where}: ${w} is not maximal, ${parent}* is safe (4)`)
      }
    }
  }
  if (at !== after.length) bad.push('statements were added')
  if (result.unusedPolicy !== (after.length === 0)) bad.push('unusedPolicy is wrong')
  return bad
}

/** The whole property for one case: the oracle's document, the guarantees, determinism. */
function checkCase(c: Full): void {
  const result = run(c)
  const expected = oracleRefine(c.policy, c.input)
  expect(result.document).toEqual(expected.document)
  expect(result.changed).toBe(expected.changed)
  expect(result.statements.map(s => s.status)).toEqual(expected.statements.map(s => s.status))
  expect(guaranteeViolations(c, result)).toEqual([])
  // 5. Deterministic, and idempotent when refined afresh (a new universe from the output).
  expect(run(c)).toEqual(result)
  const again = run(c, result.document)
  expect(again.changed).toBe(false)
  expect(again.document).toEqual(result.document)
}

/** Real names: whole services and slices of big ones from the bundled catalog. */
function realCatalog(): Record<string, string[]> {
  const { services } = bundledCatalog()
  const pick = (service: string, prefixes?: string[]): string[] =>
    (services.get(service) ?? []).filter(a => !prefixes || prefixes.some(p => a.startsWith(p)))
  return {
    s3: pick('s3'),
    lambda: pick('lambda'),
    lex: pick('lex', ['Get', 'Put', 'Delete']),
    sqs: pick('sqs'),
    ec2: pick('ec2', ['DescribeCapacity', 'DescribeInstance', 'DescribeVpc', 'RunInstances']),
    iam: pick('iam', ['Get', 'List', 'Pass']),
    apigateway: pick('apigateway'),
    lookoutequipment: pick('lookoutequipment', ['Describe'])
  }
}

describe('the engine against an independent reading of the design', () => {
  it('computes exactly the refinement the design describes, and the five guarantees hold', () => {
    fc.assert(fc.property(caseArb, checkCase), { numRuns: 2500 })
  })

  it('does the same on real catalog names (odd casings such as apigateway:GET included)', () => {
    fc.assert(fc.property(casesOver(fc.constant(realCatalog())), checkCase), { numRuns: 200 })
  })
})
