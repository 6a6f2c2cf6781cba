import { describe, expect, it } from '@jest/globals'
import { applySuggestions } from '../src/github/placement.js'
import { summaryBody } from '../src/github/summary-comment.js'
import { buildReviewItems, type FileReport } from '../src/report/comment.js'
import { extractSuggestion, fenced, fenceFor } from '../src/report/fence.js'
import {
  fingerprint,
  fingerprintMarker,
  outdatedMarker,
  readMarker,
  SUMMARY_MARKER
} from '../src/report/fingerprint.js'
import { renderSummary } from '../src/report/summary.js'
import { applyEdits } from '../src/sources/text-edit.js'
import {
  appRole,
  fileReport,
  headText,
  policyReport,
  role,
  sha256
} from './fixtures/github/reports.js'
import { readerSees } from './helpers/reader.js'

describe('fences', () => {
  it('is longer than any backtick run in the content', () => {
    expect(fenceFor('plain')).toBe('```')
    expect(fenceFor('a ``` b')).toBe('````')
    expect(fenceFor('``````')).toBe('```````')
    expect(fenced('x ```` y\n', 'suggestion')).toBe('`````suggestion\nx ```` y\n`````')
  })

  it('tells no line from one empty line', () => {
    expect(fenced('', 'suggestion')).toBe('```suggestion\n```')
    expect(fenced('\n', 'suggestion')).toBe('```suggestion\n\n```')
  })

  it('reads back what it wrote, whatever the content', () => {
    for (const content of ['', '\n', 'a\n', '```\n', '  ````\nb\r\n', 'x\n```suggestion\n']) {
      const markdown = `text before\n\n${fenced(content, 'suggestion')}\n\ntext after`
      expect(extractSuggestion(markdown)).toBe(content)
    }
    expect(extractSuggestion('no block here')).toBeUndefined()
  })
})

describe('fingerprints', () => {
  const parts = { file: 'a.json', policy: 'Statement', statement: 'Statement #1', suggestion: 'x' }

  it('are short, stable and depend on every part', () => {
    const fp = fingerprint(parts, sha256)
    expect(fp).toMatch(/^[0-9a-f]{16}$/)
    expect(fingerprint(parts, sha256)).toBe(fp)
    for (const key of Object.keys(parts) as (keyof typeof parts)[]) {
      expect(fingerprint({ ...parts, [key]: `${parts[key]}!` }, sha256)).not.toBe(fp)
    }
  })

  it('keep the parts apart (no two tuples with the same joined text collide)', () => {
    const a = fingerprint({ ...parts, file: 'a', policy: 'b c' }, sha256)
    const b = fingerprint({ ...parts, file: 'a b', policy: 'c' }, sha256)
    expect(a).not.toBe(b)
  })

  it('round-trip through the hidden markers', () => {
    expect(readMarker(`body\n${fingerprintMarker('00ff')}`)).toEqual({
      fingerprint: '00ff',
      outdated: false
    })
    expect(readMarker(`~~body~~\n${outdatedMarker('00ff')}`)).toEqual({
      fingerprint: '00ff',
      outdated: true
    })
    expect(readMarker('a comment by a person')).toBeUndefined()
  })
})

describe('buildReviewItems', () => {
  const items = buildReviewItems([fileReport()], sha256)

  it('makes one item per suggestion, placed by the hunks of the patch', () => {
    expect(items.map(i => [i.kind, i.startLine, i.endLine, i.placement])).toEqual([
      ['suggestion', 8, 10, 'inline'],
      ['suggestion', 13, 19, 'outside-diff']
    ])
  })

  it('says who did not use what, since when, and why the change is safe', () => {
    const body = items[0]!.body
    const seen = readerSees(body)
    expect(body).toContain(`\`${role}\` has not used 2 actions this change removes`)
    expect(seen).toContain('unused as of 2024-05-01')
    expect(body).toContain('- `s3:PutObject`: ')
    expect(seen).toContain('s3:PutObject: last used 2024-01-03')
    expect(seen).toContain('s3:DeleteObject: not used in the tracking period')
    expect(seen).toContain('Statement Objects: removed s3:PutObject: unused')
    expect(body).toContain('```suggestion\n        "s3:GetObject"\n```')
    expect(body).toMatch(/<!-- iam-refine:fp=[0-9a-f]{16} -->$/)
    expect(readMarker(body)?.fingerprint).toBe(items[0]!.fingerprint)
    expect(readerSees(items[1]!.body)).toContain('lambda:InvokeFunction: last used 2023-11-20')
    expect(readerSees(items[1]!.body)).toContain('Statement Functions: removed, no action is left')
  })

  it('carries suggestions that together give the refinement', () => {
    const report = policyReport()
    const all = items.map(i => ({ ...i.suggestion!, content: i.suggestion!.content }))
    const applied = applySuggestions(headText, all)
    expect(applied).toBe(applyEdits(headText, report.edits))
    expect(JSON.parse(applied)).toEqual(report.refinement.document)
  })

  it('gives the same fingerprints on a re-run and other ones when the suggestion changes', () => {
    expect(buildReviewItems([fileReport()], sha256).map(i => i.fingerprint)).toEqual(
      items.map(i => i.fingerprint)
    )
    const moved = fileReport('iam/other.json')
    expect(buildReviewItems([moved], sha256)[0]!.fingerprint).not.toBe(items[0]!.fingerprint)
  })

  it('keeps the fingerprint when only line numbers change', () => {
    const shifted = `\n\n${headText}`
    const report = { ...policyReport(shifted), policyPath: 'Statement' }
    const patch =
      '@@ -1,3 +1,25 @@\n' +
      shifted
        .split('\n')
        .slice(0, 25)
        .map(l => `+${l}`)
        .join('\n')
    const again = buildReviewItems(
      [{ ...fileReport(), headText: shifted, patch, policies: [report] }],
      sha256
    )
    expect(again.map(i => i.startLine)).toEqual([10, 15])
    expect(again.map(i => i.fingerprint)).toEqual(items.map(i => i.fingerprint))
  })

  it('sends everything of a file without a patch to the summary', () => {
    const noPatch: FileReport = { ...fileReport(), patch: undefined }
    expect(buildReviewItems([noPatch], sha256).map(i => i.placement)).toEqual([
      'no-patch',
      'no-patch'
    ])
  })

  it('recommends detaching a wholly unused policy, without a suggestion', () => {
    const unusedEverything = {
      ...appRole,
      services: [{ service: 's3', lastAccessed: '2024-02-01T00:00:00Z' }, { service: 'lambda' }]
    }
    const report = policyReport(headText, [unusedEverything])
    expect(report.refinement.unusedPolicy).toBe(true)
    const [item, ...rest] = buildReviewItems([{ ...fileReport(), policies: [report] }], sha256)
    expect(rest).toEqual([])
    expect(item).toMatchObject({ kind: 'unused-policy', startLine: 1, placement: 'outside-diff' })
    expect(item!.suggestion).toBeUndefined()
    expect(item!.body).not.toContain('```suggestion')
    expect(item!.body).toContain('detach policy `Statement` in `iam/app-role.json` and delete it')
    expect(item!.importance).toBeGreaterThan(1_000_000)
  })

  it('recommends deleting a principal that is not used at all', () => {
    const unusedRole = { ...appRole, wholePrincipal: true, lastAccessed: '2023-09-09T00:00:00Z' }
    const report = policyReport(headText, [unusedRole])
    const patch = '@@ -0,0 +1,3 @@\n+{\n+  "Version": "2012-10-17",\n+  "Statement": ['
    const [item] = buildReviewItems([{ ...fileReport(), patch, policies: [report] }], sha256)
    expect(item).toMatchObject({ kind: 'unused-policy', placement: 'inline', startLine: 1 })
    expect(item!.body).toContain('reports `AppRole` as not used at all (last used 2023-09-09)')
    expect(item!.body).toContain('consider deleting the unused principal')
  })

  it('names every principal of a shared policy', () => {
    const other = { ...appRole, principal: 'arn:aws:iam::123456789012:role/path/Worker' }
    const report = policyReport(headText, [appRole, other])
    const [item] = buildReviewItems([{ ...fileReport(), policies: [report] }], sha256)
    expect(item!.body).toContain(`None of \`${role}\`, \`${other.principal}\` used`)
    expect(item!.title).toContain('AppRole and Worker has not used')
  })

  it('makes the fence longer than backticks in the suggested text', () => {
    const text = '{"Statement": [{"Sid": "```", "Action": ["s3:PutObject"]}]}\n'
    const at = text.indexOf('"s3:PutObject"')
    const edit = { start: at, end: at + 14, text: '"s3:GetObject"', statement: 0 }
    const file: FileReport = {
      path: 'x.json',
      headText: text,
      patch: `@@ -1 +1 @@\n-{}\n+${text.trimEnd()}`,
      policies: [{ ...policyReport(), edits: [edit] }]
    }
    const [item] = buildReviewItems([file], sha256)
    expect(item!.body).toContain('````suggestion\n')
    expect(extractSuggestion(item!.body)).toBe(text.replace('PutObject', 'GetObject'))
  })
})

describe('renderSummary', () => {
  const files = [fileReport()]
  const items = buildReviewItems(files, sha256)

  it('has a row per policy and the full text of what is not on the diff', () => {
    const md = renderSummary({
      files,
      headSha: 'a'.repeat(40),
      delivered: [
        { item: items[0]!, delivery: { kind: 'posted' } },
        { item: items[1]!, delivery: { kind: 'summary', why: 'outside-diff' } }
      ],
      notes: ['iam/legacy.json: no principal maps to this policy']
    })
    expect(md).toContain('| File | Policy | Principal | Unused actions | Result | Where |')
    expect(md).toContain('| `iam/app-role.json` | `Statement` | `AppRole` | ')
    const seen = readerSees(md)
    expect(seen).toContain(
      '5: s3:PutObject, s3:DeleteObject, lambda:GetFunction, lambda:InvokeFunction, lambda:ListFunctions'
    )
    expect(seen).toContain('refined (2 statements)')
    expect(seen).toContain('1 on the diff, 1 in the summary')
    expect(md).toContain(
      'Unused actions in 1 of 1 policy at aaaaaaa: 1 review comment on the diff, 1 suggestion only here.'
    )
    expect(md).toContain('#### `iam/app-role.json` lines 13–19')
    expect(md).toContain('(outside the lines this pull request changes)')
    expect(md).toContain('Replace lines 13–19 with:\n\n```\n    }\n```')
    expect(seen).toContain('iam/legacy.json: no principal maps to this policy')
  })

  it('says when the token could not write, and is the same text for the same input', () => {
    const input = {
      files,
      delivered: items.map(item => ({
        item,
        delivery: { kind: 'summary' as const, why: 'read-only' as const }
      })),
      readOnly: true
    }
    const md = renderSummary(input)
    expect(md).toContain('> [!WARNING]')
    expect(md.match(/Replace lines/g)).toHaveLength(2)
    expect(renderSummary(input)).toBe(md)
  })

  it('reports a policy the sources refused to edit, and files without policies', () => {
    const refused = {
      ...fileReport(),
      policies: [{ ...policyReport(), edits: [], refused: 'an Action given by !If' }]
    }
    const md = renderSummary({ files: [refused], delivered: [] })
    expect(readerSees(md)).toContain('not suggested: an Action given by !If')
    expect(renderSummary({ files: [], delivered: [] })).toContain(
      'No IAM policy in the changed files.'
    )
  })

  it('escapes table cells', () => {
    const odd = { ...fileReport('iam/a|b.json') }
    expect(renderSummary({ files: [odd], delivered: [] })).toContain('iam/a\\|b.json')
  })
})

describe('summaryBody', () => {
  it('carries the marker and stays within GitHub’s limit, cut between sections', () => {
    const section = `#### \`f.json\` line 1\n\n\`\`\`\n${'x'.repeat(1000)}\n\`\`\`\n\n`
    const body = summaryBody(section.repeat(100))
    expect(body.startsWith(SUMMARY_MARKER)).toBe(true)
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toContain('the full report is in the job summary')
    expect((body.match(/```/g) ?? []).length % 2).toBe(0)
    expect(summaryBody('short')).toBe(`${SUMMARY_MARKER}\nshort`)
  })
})
