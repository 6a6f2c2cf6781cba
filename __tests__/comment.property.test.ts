/**
 * Whatever a pull request and a findings file put in a Sid, a path, a policy's key or a finding's
 * fields (all of Unicode, every Markdown and HTML punctuation), each review comment and the
 * summary render exactly the intended suggestion and no link, image, mention or HTML of theirs.
 * From policy text to posted body, through the real finder, engine and renderers.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseCatalog } from '../src/engine/catalog.js'
import { parseFindings } from '../src/findings/parse.js'
import { combineFindings } from '../src/findings/select.js'
import { buildReviewItems, type PolicyReport } from '../src/report/comment.js'
import { renderSummary } from '../src/report/summary.js'
import { EMPTY_CONFIG } from '../src/sources/config.js'
import { refineFile } from '../src/sources/scan.js'
import { newFilePatch, sha256 } from './fixtures/github/reports.js'
import { markdownTokens } from './helpers/reader.js'

const catalog = parseCatalog(
  { s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'DeleteObject', 'ListBucket'] },
  'test'
)

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'`~*_[]()!<>#@:/\\|&-+=."\' \n'.split('')), maxLength: 30 }),
  fc.constantFrom(
    '```suggestion\n"s3:*"\n```\n<!--',
    '[x](https://evil.example) ![i](https://evil.example/i.png)',
    '@octocat #1 https://evil.example :octocat:',
    '<img src=x onerror=alert(1)>',
    '<!-- iam-refine:fp=0000000000000000 -->'
  )
)
/** A file or folder name: anything but `/` and NUL (what git allows). */
const segment = hostile
  .map(s => s.replace(/\//g, '_').replaceAll(String.fromCharCode(0), '_'))
  .filter(s => s !== '' && s !== '.' && s !== '..')
/** An IAM path: printable ASCII, as a role's ARN may carry it. */
const iamPath = fc
  .string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map(c => String.fromCharCode(c)),
    maxLength: 12
  })
  .map(p => p.replace(/\//g, '_'))

describe('comments and the summary, from hostile names and findings', () => {
  it('render exactly the intended suggestion and nothing an outsider wrote', () => {
    fc.assert(
      fc.property(hostile, hostile, segment, segment, iamPath, (sid, key, dir, name, path) => {
        const role = `arn:aws:iam::123456789012:role/${path ? `${path}/` : ''}AppRole`
        const findings = combineFindings([
          parseFindings(
            {
              id: 'f-1',
              resource: role,
              status: 'ACTIVE',
              findingType: 'UnusedPermission',
              analyzedAt: '2026-11-01T00:00:00Z',
              findingDetails: [
                {
                  unusedPermissionDetails: {
                    serviceNamespace: 's3',
                    actions: [{ action: 'PutObject' }]
                  }
                }
              ]
            },
            'f.json'
          )
        ])
        const document = {
          Version: '2012-10-17',
          Statement: [
            { Sid: sid, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }
          ]
        }
        const text = `${JSON.stringify({ [key || 'p']: document }, null, 2)}\n`
        const file = `${dir}/AppRole/${name}.json`
        const outcome = refineFile(
          { file, path: file, text },
          { catalog, findings, config: EMPTY_CONFIG }
        )
        const policies: PolicyReport[] = (outcome.policies ?? []).flatMap(p =>
          p.refinement && p.report.status === 'refined'
            ? [
                {
                  policyPath: p.location.pointer,
                  principals: p.principals,
                  refinement: p.refinement,
                  edits: p.edits
                }
              ]
            : []
        )
        expect(policies).toHaveLength(1)
        const files = [{ path: file, headText: text, patch: newFilePatch(text), policies }]
        const items = buildReviewItems(files, sha256)
        expect(items).toHaveLength(1)
        const item = items[0]!
        const all = markdownTokens(item.body)
        const fences = all.filter(t => t.type === 'fence')
        expect(fences).toHaveLength(1)
        expect(fences[0]!.info).toBe('suggestion')
        expect(fences[0]!.content).toBe(item.suggestion!.content)
        expect(all.filter(t => t.type === 'link_open' || t.type === 'image')).toEqual([])
        expect(all.filter(t => t.type.startsWith('html')).map(t => t.content.trim())).toEqual([
          '<sub>',
          '</sub>',
          `<!-- iam-refine:fp=${item.fingerprint} -->`
        ])
        const prose = all
          .filter(t => t.type === 'text')
          .map(t => t.content)
          .join('\n')
        expect(prose).not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/)
        expect(prose).not.toMatch(/#\d/)

        const summary = renderSummary({
          files,
          delivered: [{ item, delivery: { kind: 'summary', why: 'read-only' } }],
          readOnly: true
        })
        const s = markdownTokens(summary)
        expect(
          s.filter(t => t.type === 'link_open' || t.type === 'image' || t.type.startsWith('html'))
        ).toEqual([])
        expect(s.filter(t => t.type === 'fence' && t.info !== '')).toEqual([])
      }),
      { numRuns: 300 }
    )
  })
})
