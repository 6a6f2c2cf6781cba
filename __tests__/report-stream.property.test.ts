/**
 * `check` writes the JSON report and the SARIF log one file at a time (src/report/json-stream.ts)
 * and counts the totals as it goes: written out, they are byte for byte what stringifying the
 * whole report gives, and the totals are what counting every file at the end gives. Reports are
 * generated with hostile text (quotes, line breaks, `::` commands, non-ASCII, lone surrogates).
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  buildReport,
  computeTotals,
  hasUnused,
  TotalsCounter,
  uncheckedItems,
  type FileReport,
  type PolicyReport,
  type PolicyStatus,
  type StatementReport,
  type Totals
} from '../src/report/json-report.js'
import { JsonReportStream, SarifStream } from '../src/report/json-stream.js'
import { toSarif } from '../src/report/sarif.js'

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '::error::x',
    '"quoted"\n',
    '\\',
    'a\r\nb',
    '\u2028',
    '日本',
    '\ud800',
    '[x](y)'
  ),
  fc.string({ unit: 'binary' })
)
/** A path: any text but a lone surrogate, which no file system or Git gives (SARIF encodes it). */
const path = hostile.filter(
  p => !/[\ud800-\udfff]/.test(p.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))
)
const range = fc
  .record({ start: fc.nat(1000), length: fc.nat(50), line: fc.nat(100), column: fc.nat(40) })
  .map(r => ({
    start: r.start,
    end: r.start + r.length,
    startLine: r.line + 1,
    startColumn: r.column + 1,
    endLine: r.line + 2,
    endColumn: r.column + 2
  }))
const edit = fc.record({
  start: fc.nat(),
  end: fc.nat(),
  text: hostile,
  statement: fc.nat(3),
  range
})
const statement: fc.Arbitrary<StatementReport> = fc.record(
  {
    index: fc.nat(3),
    sid: hostile,
    status: fc.constantFrom('unchanged', 'refined', 'removed', 'not-refined'),
    note: hostile,
    unreadable: fc.boolean(),
    before: fc.array(hostile, { maxLength: 3 }),
    after: fc.array(hostile, { maxLength: 3 }),
    changes: fc.constant([]),
    reasons: fc.array(hostile, { maxLength: 3 }),
    range,
    actionRange: range
  },
  { requiredKeys: ['index', 'status', 'before', 'after', 'changes', 'reasons', 'range'] }
) as fc.Arbitrary<StatementReport>
const STATUSES: PolicyStatus[] = [
  'unchanged',
  'refined',
  'fixed',
  'unused-policy',
  'not-editable',
  'unmapped',
  'unchecked',
  'invalid',
  'error'
]
const policy: fc.Arbitrary<PolicyReport> = fc.record(
  {
    pointer: hostile,
    path: fc.array(fc.oneof(hostile, fc.nat()), { maxLength: 3 }),
    kind: fc.constantFrom('json-policy', 'cfn-role-inline', 'cfn-managed-policy'),
    range,
    principals: fc.array(hostile, { maxLength: 2 }),
    status: fc.constantFrom(...STATUSES),
    reason: hostile,
    statements: fc.array(statement, { maxLength: 3 }),
    edits: fc.array(edit, { maxLength: 3 }),
    warnings: fc.array(hostile, { maxLength: 2 }),
    unusedActions: fc.array(fc.constantFrom('s3:GetObject', 'S3:getobject', 'sqs:*', 'ec2:Run'), {
      maxLength: 3
    }),
    overQuota: fc.boolean()
  },
  {
    requiredKeys: [
      'pointer',
      'path',
      'kind',
      'range',
      'principals',
      'status',
      'statements',
      'edits',
      'warnings',
      'unusedActions'
    ]
  }
) as fc.Arbitrary<PolicyReport>
const note = fc.record(
  {
    file: hostile,
    line: fc.nat(),
    column: fc.nat(),
    pointer: hostile,
    message: hostile,
    unchecked: fc.boolean()
  },
  { requiredKeys: ['file', 'line', 'column', 'pointer', 'message'] }
)
const fileReport: fc.Arbitrary<FileReport> = fc.record(
  {
    file: path,
    status: fc.constantFrom('policies', 'malformed', 'skipped'),
    message: hostile,
    line: fc.nat(),
    column: fc.nat(),
    policies: fc.array(policy, { maxLength: 3 }),
    notes: fc.array(note, { maxLength: 2 }),
    edits: fc.array(edit, { maxLength: 2 })
  },
  { requiredKeys: ['file', 'status', 'policies', 'notes', 'edits'] }
) as fc.Arbitrary<FileReport>
const meta = fc.record({
  catalog: fc.record({ source: hostile, updatedAt: hostile }, { requiredKeys: ['source'] }),
  fixed: fc.boolean(),
  notes: fc.array(hostile, { maxLength: 3 })
})

describe('the JSON report and the SARIF log written one file at a time', () => {
  it('give byte for byte the whole document stringified, whatever the files hold', () => {
    let withResults = 0
    fc.assert(
      fc.property(fc.array(fileReport, { maxLength: 5 }), meta, (files, m) => {
        const json = new JsonReportStream(m)
        const counter = new TotalsCounter()
        let written = json.begin()
        for (const f of files) {
          written += json.file(f)
          counter.add(f)
        }
        written += json.end(counter.totals())
        expect(written).toBe(`${JSON.stringify(buildReport(files, m), null, 2)}\n`)

        const sarif = new SarifStream()
        let log = sarif.begin()
        for (const f of files) log += sarif.file(f)
        log += sarif.end()
        const whole = toSarif({ files })
        if ((whole.runs[0]?.results.length ?? 0) > 1) withResults++
        expect(log).toBe(`${JSON.stringify(whole, null, 2)}\n`)
      }),
      { numRuns: 300 }
    )
    // a control: most logs hold several results, so their separators are tested too
    expect(withResults).toBeGreaterThan(100)
  })

  it('count the totals one file at a time as counting them all at the end does', () => {
    // The totals as the report defines them, counted over all the policies at once.
    const expected = (files: readonly FileReport[]): Totals => {
      const policies = files.flatMap(f => f.policies)
      const count = (s: PolicyStatus) => policies.filter(p => p.status === s).length
      const remaining = policies.filter(p => hasUnused(p.status) && p.status !== 'fixed')
      return {
        files: files.filter(f => f.status === 'policies').length,
        policies: policies.length,
        withUnused: policies.filter(p => hasUnused(p.status)).length,
        fixed: count('fixed'),
        unusedPolicies: count('unused-policy'),
        notEditable: count('not-editable'),
        unmapped: count('unmapped'),
        invalid: count('invalid'),
        errors: count('error'),
        malformedFiles: files.filter(f => f.status === 'malformed').length,
        skippedFiles: files.filter(f => f.status === 'skipped').length,
        unusedActions: new Set(remaining.flatMap(p => p.unusedActions.map(a => a.toLowerCase())))
          .size,
        remaining: remaining.length,
        unchecked: uncheckedItems(files).length
      }
    }
    let withUnused = 0
    fc.assert(
      fc.property(fc.array(fileReport, { maxLength: 6 }), files => {
        const totals = computeTotals(files)
        if (totals.withUnused > 0) withUnused++
        expect(totals).toEqual(expected(files))
        // the same keys in the same order: the JSON report prints them
        expect(Object.keys(totals)).toEqual(Object.keys(expected(files)))
      }),
      { numRuns: 300 }
    )
    expect(withUnused).toBeGreaterThan(100)
  })
})
