/**
 * What one file may cost. A pull request controls its files: a few hundred kilobytes of
 * `"Action": "*"` once ran for minutes and crashed the runner. Each limit is replayed here at
 * its edge — the attack is bounded and reported — with an honest control beside it.
 */
import { describe, expect, it } from '@jest/globals'
import { bundledCatalog } from '../src/engine/bundled-catalog.js'
import {
  MAX_ENTRIES_PER_POLICY,
  MAX_MATCHED_ACTIONS_PER_FILE,
  MAX_STATEMENTS_PER_FILE
} from '../src/engine/limits.js'
import { combineFindings } from '../src/findings/select.js'
import { parseFindings } from '../src/findings/parse.js'
import { uncheckedItems } from '../src/report/json-report.js'
import { EMPTY_CONFIG } from '../src/sources/config.js'
import { refineFile } from '../src/sources/scan.js'

const catalog = bundledCatalog()
const ROLE = 'arn:aws:iam::123456789012:role/AppRole'

/** One action of one service unused: `*` then refines to nearly the whole catalog. */
const findings = combineFindings([
  parseFindings(
    {
      id: 'f-1',
      resource: ROLE,
      status: 'ACTIVE',
      findingType: 'UnusedPermission',
      findingDetails: [
        { unusedPermissionDetails: { serviceNamespace: 's3', actions: [{ action: 'GetObject' }] } }
      ]
    },
    'f.json'
  )
])

function policyFile(statements: number, action = '*'): string {
  const one = JSON.stringify({ Effect: 'Allow', Action: action, Resource: '*' })
  return `{"Version": "2012-10-17", "Statement": [${Array(statements).fill(one).join(',')}]}`
}

const refine = (text: string, clock?: () => number) =>
  refineFile(
    { file: 'AppRole.json', path: 'AppRole.json', text },
    { catalog, findings, config: EMPTY_CONFIG, ...(clock ? { clock } : {}) }
  )

describe('bounds on one file', () => {
  it(`refuses more than ${MAX_STATEMENTS_PER_FILE} statements before refining any`, () => {
    const bomb = policyFile(12_000)
    const started = performance.now()
    const out = refine(bomb)
    expect(performance.now() - started).toBeLessThan(20_000) // a bound on the test, not a benchmark
    expect(out.report).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('12000 statements, over the limit')
    })
    expect(uncheckedItems([out.report!])).toHaveLength(1)
  })

  it('stops a file whose wildcards match too many actions, and says so', () => {
    // Forty policies of one `*` each: every one small enough alone, together past the budget.
    const policies = Array.from({ length: 40 }, (_, i) => `"p${i}": ${policyFile(1)}`)
    const out = refine(`{${policies.join(',')}}`)
    const statuses = out.report!.policies.map(p => p.status)
    // each is refined, and over the managed-policy quota as `*` minus one action: not a fix
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill('not-editable'))
    expect(out.report!.policies[0]!.reason).toContain("over IAM's 6144-character quota")
    expect(statuses.at(-1)).toBe('unchecked')
    expect(out.report!.policies.at(-1)!.reason).toContain(
      `more than ${MAX_MATCHED_ACTIONS_PER_FILE} actions`
    )
  })

  it('reports a refinement too large for any quota instead of suggesting it', () => {
    // `*` with one unused action refines to a wildcard per other service (~460 entries), and
    // `?*`, `*?`, … the same: five such statements are past the limit.
    const statements = ['*', '?*', '*?', '**', '*:*'].map(a =>
      JSON.stringify({ Effect: 'Allow', Action: a, Resource: '*' })
    )
    const out = refine(`{"Statement": [${statements.join(',')}]}`)
    const policy = out.report!.policies[0]!
    expect(policy.status).toBe('not-editable')
    expect(policy.reason).toContain(`more than ${MAX_ENTRIES_PER_POLICY} Action entries`)
    expect(policy.edits).toEqual([])
    expect(out.fixedText).toBeUndefined()
  })

  it('stops between policies when a file takes too long, reporting the rest as not checked', () => {
    let now = 0
    const clock = () => (now += 20_000)
    const text = `{"a": ${policyFile(1, 's3:Get*')}, "b": ${policyFile(1, 's3:Get*')}}`
    const out = refine(text, clock)
    const statuses = out.report!.policies.map(p => p.status)
    expect(statuses).toContain('unchecked')
  })

  it('refines an honest file with a wildcard as before (the control)', () => {
    const out = refine(policyFile(3, 's3:Get*'))
    expect(out.report!.policies[0]!.status).toBe('refined')
    expect(out.fixedText).toContain('"s3:GetObjectAcl"')
  })
})
