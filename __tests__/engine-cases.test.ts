/**
 * Data-driven engine cases: each folder of __tests__/fixtures/engine holds a policy, the unused
 * access (a findings file in a form Access Analyzer writes), a catalog, optional options, and the
 * expected document and report side by side (see the README there). Each case is also checked
 * against the brute-force oracle of helpers/engine-oracle.ts and refined again without change.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCatalog } from '../src/engine/catalog.js'
import { QUOTAS, refinePolicy, type RefineOptions } from '../src/engine/refine.js'
import { usesEverything, type PrincipalUnused } from '../src/engine/unused.js'
import { parseFindings } from '../src/findings/parse.js'
import { combineFindings } from '../src/findings/select.js'
import { oracleRefine, type OracleInput } from './helpers/engine-oracle.js'

const root = '__tests__/fixtures/engine'
const cases = readdirSync(root, { withFileTypes: true })
  .filter(d => d.isDirectory())
  .map(d => d.name)
  .sort()

interface CaseOptions {
  /** The principals the policy is attached to; default: every principal the findings name. */
  principals?: string[]
  keepActions?: string[]
  quota?: keyof typeof QUOTAS
}

function loadCase(name: string): {
  policy: Record<string, unknown>
  options: RefineOptions
  catalogJson: unknown
} {
  const read = (file: string): unknown =>
    JSON.parse(readFileSync(join(root, name, file), 'utf8')) as unknown
  const catalogJson = read('catalog.json')
  const catalog = parseCatalog(catalogJson, 'catalog.json')
  const { byPrincipal } = combineFindings([parseFindings(read('unused.json'), 'unused.json')])
  const extra = (
    existsSync(join(root, name, 'options.json')) ? read('options.json') : {}
  ) as CaseOptions
  const principals: PrincipalUnused[] = extra.principals
    ? extra.principals.map(arn => byPrincipal.get(arn) ?? usesEverything(arn))
    : [...byPrincipal.values()]
  return {
    policy: read('policy.json') as Record<string, unknown>,
    catalogJson,
    options: {
      catalog,
      principals,
      keepActions: extra.keepActions ?? [],
      ...(extra.quota ? { quota: QUOTAS[extra.quota] } : {})
    }
  }
}

function oracleInput(options: RefineOptions): OracleInput {
  return {
    catalog: Object.fromEntries(
      [...options.catalog.services].map(([service, actions]) => [service, [...actions]])
    ),
    keep: [...(options.keepActions ?? [])],
    principals: options.principals.map(p => ({
      whole: p.wholePrincipal,
      services: p.services.map(s => ({
        service: s.service,
        ...(s.actions ? { actions: s.actions.map(a => a.action) } : {})
      }))
    }))
  }
}

describe('engine cases (__tests__/fixtures/engine)', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10)
  })

  it.each(cases)('%s', name => {
    const { policy, options } = loadCase(name)
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as unknown
    const report = JSON.parse(
      readFileSync(join(root, name, 'expected-report.json'), 'utf8')
    ) as unknown
    const result = refinePolicy(policy, options)
    expect(result.document).toEqual(expected)
    expect({
      statements: result.statements.map(s => ({
        index: s.index,
        status: s.status,
        changes: s.changes
      })),
      unusedPolicy: result.unusedPolicy,
      unusedPrincipal: result.unusedPrincipal,
      overQuota: result.overQuota,
      size: result.size,
      warnings: result.warnings
    }).toEqual(report)
    expect(oracleRefine(policy, oracleInput(options)).document).toEqual(expected)
    const again = refinePolicy(result.document, options)
    expect(again.changed).toBe(false)
    expect(again.document).toEqual(expected)
  })
})
