/**
 * The sweep's texts: the pull-request body (per file and policy, whose findings removed what, with
 * the reasons and a link to each changed file; what could not be changed), cut at a section
 * boundary below GitHub's limit; the commit message and its trailer; the closing and left-alone
 * comments. Rendered back with markdown-it as GitHub would, outside text stays text.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { parseCatalog } from '../src/engine/catalog.js'
import type { PrincipalUnused } from '../src/engine/unused.js'
import { loadFindingsFiles } from '../src/findings/load.js'
import { combineFindings } from '../src/findings/select.js'
import { refineTree } from '../src/io/refine-tree.js'
import { parseConfig } from '../src/sources/config.js'
import { refineFile } from '../src/sources/scan.js'
import { EMPTY_CONFIG } from '../src/sources/config.js'
import {
  fitSections,
  GITHUB_BODY_LIMIT,
  isSweepCommit,
  MAX_PULL_REQUEST_BODY,
  renderClosingComment,
  renderCommitMessage,
  renderLeftAloneComment,
  renderSweepBody,
  renderSweepSummary,
  SWEEP_MARKER,
  SWEEP_TRAILER,
  type SweptFile
} from '../src/report/sweep-body.js'
import { markdownTokens } from './helpers/reader.js'

const repo = '__tests__/fixtures/repo'
const LINK_BASE = 'https://github.com/acme/infra/blob/0123456789abcdef0123456789abcdef01234567'

/** What a reader of the rendered body could click, see as HTML, or be pinged by. */
function rendered(markdown: string): {
  links: string[]
  images: number
  html: string[]
  text: string
} {
  const all = markdownTokens(markdown)
  return {
    links: all.filter(t => t.type === 'link_open').map(t => String(t.attrGet('href'))),
    images: all.filter(t => t.type === 'image').length,
    html: all
      .filter(t => t.type === 'html_block' || t.type === 'html_inline')
      .map(t => t.content.trim()),
    text: all
      .filter(t => t.type === 'text' || t.type === 'code_inline')
      .map(t => t.content)
      .join(' ')
  }
}

async function fixtureSweep(): Promise<{
  files: SweptFile[]
  findings: Map<string, PrincipalUnused>
}> {
  const findings = await loadFindingsFiles([`${repo}/findings.json`])
  const catalog = parseCatalog(
    JSON.parse(readFileSync(`${repo}/catalog.json`, 'utf8')),
    'catalog.json'
  )
  const config = parseConfig(
    readFileSync(`${repo}/input/.github/iam-refine.yml`, 'utf8'),
    'iam-refine.yml'
  )
  const tree = await refineTree({
    paths: [`${repo}/input`],
    root: `${repo}/input`,
    config,
    catalog,
    findings
  })
  return {
    files: tree.files.flatMap(f => (f.report ? [{ path: f.rel, report: f.report }] : [])),
    findings: new Map(findings.byPrincipal)
  }
}

describe('the sweep pull request body', () => {
  it('says per file and policy whose findings removed what, why, with a link to each changed file; and what was not changed', async () => {
    const { files, findings } = await fixtureSweep()
    const body = renderSweepBody({ files, findings, linkBase: LINK_BASE })
    const changed = files.filter(f => f.report.edits.length > 0).map(f => f.path)
    expect(changed).toEqual(
      expect.arrayContaining(['policies/AppRole.json', 'cfn/app.yaml', 'sam/template.yaml'])
    )
    const view = rendered(body)
    // One link per changed file, at the commit, and no other.
    expect(view.links.sort()).toEqual(changed.map(p => `${LINK_BASE}/${p}`).sort())
    expect(view.images).toBe(0)
    expect(view.html.every(h => [SWEEP_MARKER, '<sub>', '</sub>'].includes(h))).toBe(true)
    // Whose findings: the principal, the finding id, the analysis date.
    expect(body).toContain('`arn:aws:iam::123456789012:role/AppRole`')
    expect(body).toContain('`00000001-aaaa-4bbb-8ccc-000000000001`')
    expect(view.text).toMatch(/analyzed 2026-01-01/)
    // What and why: the engine's reasons, per statement.
    expect(view.text).toMatch(/removed s3:DeleteObject: unused/)
    // What could not be changed: the malformed file and the unmapped policy.
    const left = body.slice(body.indexOf('### Not changed by this pull request'))
    expect(left).toContain('`broken/bad-policy.json`')
    expect(left).toMatch(
      /`unmapped\/lonely\.json` line 1: not checked: unmapped\\: no configuration entry/
    )
    expect(body.length).toBeLessThanOrEqual(MAX_PULL_REQUEST_BODY)
  })

  it('names the analyzer when the findings came live from one', () => {
    const arn = 'arn:aws:iam::123456789012:role/AppRole'
    const { files, findings } = hostileCase({
      analyzers: ['arn:aws:access-analyzer:us-east-1:123456789012:analyzer/unused']
    })
    expect(renderSweepBody({ files, findings })).toContain(
      '`arn:aws:access-analyzer:us-east-1:123456789012:analyzer/unused`'
    )
    expect(findings.has(arn)).toBe(true)
  })

  it('without a link base writes the same headings without links (what the command line prints without --link-base)', async () => {
    const { files, findings } = await fixtureSweep()
    const body = renderSweepBody({ files, findings })
    expect(rendered(body).links).toEqual([])
    expect(body).toContain('### `policies/AppRole.json`')
  })

  it("lists a file whose workspace copy is not the default branch's as not changed, and leaves it out of the change", async () => {
    const { files, findings } = await fixtureSweep()
    const body = renderSweepBody({ files, findings, stale: ['cfn/app.yaml'], linkBase: LINK_BASE })
    expect(rendered(body).links).not.toContain(`${LINK_BASE}/cfn/app.yaml`)
    expect(body).toMatch(/`cfn\/app\.yaml`: its copy in the workspace is not the default branch's/)
  })

  it("is cut at a section boundary below GitHub's limit, saying what was left out; the job summary holds it all", () => {
    const files: SweptFile[] = []
    const all = new Map<string, PrincipalUnused>()
    for (let i = 0; i < 400; i++) {
      const one = hostileCase({
        file: `policies/role-${String(i).padStart(3, '0')}/AppRole.json`,
        honest: true
      })
      files.push(...one.files)
      for (const [k, v] of one.findings) all.set(k, v)
    }
    const body = renderSweepBody({ files, findings: all, linkBase: LINK_BASE })
    expect(body.length).toBeLessThanOrEqual(MAX_PULL_REQUEST_BODY)
    expect(MAX_PULL_REQUEST_BODY).toBeLessThan(GITHUB_BODY_LIMIT)
    expect(body).toMatch(
      /_\d+ of 400 sections are not shown here: this text holds at most 60000 characters\./
    )
    expect(body.trimEnd().endsWith('</sub>')).toBe(true)
    // Whole sections only: every kept file heading is followed by its policy and findings lines.
    const kept = body.match(/^### /gm)!.length
    expect(kept).toBeGreaterThan(10)
    expect(body.match(/- Findings of /g)!.length).toBe(kept)
    const summary = renderSweepSummary({ files, findings: all, linkBase: LINK_BASE })
    expect(summary).not.toMatch(/sections are not shown/)
    expect(summary.match(/^### /gm)!.length).toBe(400)
  })

  it('in the job summary of a refused write, shows the refusal and the whole change as diffs', async () => {
    const { files, findings } = await fixtureSweep()
    const summary = renderSweepSummary({
      files,
      findings,
      refused:
        'GitHub refused to create the branch iam-refine/least-privilege (HTTP 403: Resource not accessible by integration)',
      diffs: [
        {
          path: 'policies/AppRole.json',
          diff: '--- a/policies/AppRole.json\n+++ b/policies/AppRole.json\n@@ -1 +1 @@\n-a\n+b\n'
        }
      ]
    })
    expect(summary).toMatch(/^> \[!WARNING\]\n> GitHub refused to create the branch/)
    expect(summary).toContain('### The change')
    expect(summary).toContain('```diff\n--- a/policies/AppRole.json')
    expect(summary).toContain(
      renderSweepBody({ files, findings }).trimEnd().split('\n').slice(1, 4).join('\n')
    )
  })
})

/** A policy file refined for one role, with every outside value chosen by the test. */
function hostileCase(options: {
  file?: string
  sid?: string
  id?: string
  analyzedAt?: string
  analyzers?: string[]
  honest?: boolean
}): { files: SweptFile[]; findings: Map<string, PrincipalUnused> } {
  const arn = 'arn:aws:iam::123456789012:role/AppRole'
  const file = options.file ?? 'policies/AppRole.json'
  const sid = options.sid ?? 'ReadBucket'
  const text = `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: sid, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }
      ]
    },
    null,
    2
  )}\n`
  const unused: PrincipalUnused = {
    principal: arn,
    wholePrincipal: false,
    services: [{ service: 's3', actions: [{ action: 'PutObject' }] }],
    since: options.analyzedAt ?? '2026-01-01T00:00:00Z',
    sources: [options.id ?? 'f-1'],
    ...(options.analyzers ? { analyzers: options.analyzers } : {})
  }
  const findings = new Map([[arn, unused]])
  const outcome = refineFile(
    { file, path: file, text },
    {
      catalog: parseCatalog({ s3: ['GetObject', 'PutObject'] }, 'test'),
      findings: combineFindings([
        { principals: [unused], notes: [], covered: [arn], coveredAccounts: [] }
      ]),
      config: { ...EMPTY_CONFIG, principals: [{ files: ['**'], principals: [arn], line: 1 }] }
    }
  )
  return { files: [{ path: file, report: outcome.report! }], findings }
}

describe('outside text in the body stays text', () => {
  const ATTACKS = {
    file: 'x/[click](javascript:alert(1)) @octocat <img src=x onerror=alert(1)> #1 ![p](p.png).json',
    sid: '```suggestion\n"s3:*"\n```\n<!-- hidden',
    id: '@acme/security-team fixes #12 https://evil.example <b>bold</b>',
    analyzedAt: '<script>alert(1)</script> [x](javascript:alert(1))'
  }

  it('file names, Sids, finding ids and dates with Markdown, HTML and mentions render as themselves', () => {
    const { files, findings } = hostileCase(ATTACKS)
    const body = renderSweepBody({ files, findings, linkBase: LINK_BASE })
    const view = rendered(body)
    expect(view.images).toBe(0)
    expect(view.links).toEqual([
      `${LINK_BASE}/x/%5Bclick%5D%28javascript%3Aalert%281%29%29%20%40octocat%20%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%20%231%20%21%5Bp%5D%28p.png%29.json`
    ])
    expect(view.html.every(h => [SWEEP_MARKER, '<sub>', '</sub>'].includes(h))).toBe(true)
    expect(markdownTokens(body).some(t => t.type === 'fence')).toBe(false)
    // Each reads as exactly what it was, inside a code span.
    const spans = markdownTokens(body)
      .filter(t => t.type === 'code_inline')
      .map(t => t.content)
    expect(spans).toContain(ATTACKS.file)
    expect(spans).toContain(ATTACKS.id)
    expect(spans.some(s => s.startsWith('```suggestion⏎'))).toBe(true)
    expect(view.text).toContain('<script>alert(1)</script>')
  })

  it('control: an honest file, Sid and finding id read plainly, with the one link to the file', () => {
    const { files, findings } = hostileCase({ honest: true })
    const body = renderSweepBody({ files, findings, linkBase: LINK_BASE })
    expect(rendered(body).links).toEqual([`${LINK_BASE}/policies/AppRole.json`])
    expect(body).toContain('### [`policies/AppRole.json`](')
    expect(body).toContain('- Statement `ReadBucket`: removed s3\\:PutObject\\: unused')
    expect(rendered(body).text).toContain('removed s3:PutObject: unused')
    expect(rendered(body).text).toMatch(/IAM Access Analyzer finding\s+f-1\s+, analyzed 2026-01-01/)
  })

  it("property: for any file name, Sid, finding id and date, the body renders no link but the file's, no image, mention or foreign HTML", () => {
    const outside = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc
        .array(
          fc.constantFrom(
            ...Object.values(ATTACKS),
            '`',
            '``',
            '\\',
            '|',
            '\r\n',
            ':+1:',
            'www.evil.example'
          ),
          { minLength: 1, maxLength: 3 }
        )
        .map(a => a.join(''))
    )
    const name = outside.map(s => `p/${s.replace(/[\\/\0]/g, '_') || 'x'}.json`)
    let linked = 0
    fc.assert(
      fc.property(name, outside, outside, outside, (file, sid, id, analyzedAt) => {
        const { files, findings } = hostileCase({ file, sid, id: id || 'f', analyzedAt })
        const body = renderSweepBody({ files, findings, linkBase: LINK_BASE })
        const view = rendered(body)
        expect(view.images).toBe(0)
        // The one link is the changed file's (a name the configuration's globs do not match is
        // unmapped, unchanged, and not linked).
        expect(view.links).toHaveLength(files[0]!.report.edits.length > 0 ? 1 : 0)
        for (const link of view.links) expect(link.startsWith(`${LINK_BASE}/p/`)).toBe(true)
        linked += view.links.length
        expect(view.html.every(h => [SWEEP_MARKER, '<sub>', '</sub>'].includes(h))).toBe(true)
      }),
      { numRuns: 150 }
    )
    // Most runs refine the file, so the property speaks about bodies with a change in them.
    expect(linked).toBeGreaterThan(75)
  })

  it('property: the left-alone comment keeps any author as text (the guard passes, no link, mention or HTML)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.constantFrom(...Object.values(ATTACKS))
        ),
        author => {
          const body = renderLeftAloneComment({
            branch: 'iam-refine/least-privilege',
            commit: 'a'.repeat(40),
            author
          })
          const view = rendered(body)
          expect(view.links).toEqual([])
          expect(view.images).toBe(0)
          expect(view.html).toEqual(['<!-- iam-refine:sweep-left-alone -->'])
        }
      ),
      { numRuns: 200 }
    )
  })

  it('the comments keep a branch name and an author as text', () => {
    const left = renderLeftAloneComment({
      branch: 'iam-refine/least-privilege',
      commit: 'a'.repeat(40),
      author: '@octocat <img src=x>'
    })
    expect(rendered(left).html).toEqual(['<!-- iam-refine:sweep-left-alone -->'])
    expect(left).not.toMatch(/(^|[^\\])@octocat/)
    const closing = renderClosingComment({
      files: [],
      findings: new Map(),
      branch: 'iam-refine/least-privilege'
    })
    expect(closing).toContain('`iam-refine/least-privilege`')
    expect(rendered(closing).links).toEqual([])
  })
})

describe('the sweep commit', () => {
  it('says how much it removes without naming any file, and carries the trailer naming its tree', async () => {
    const { files, findings } = await fixtureSweep()
    const tree = 'b'.repeat(40)
    const message = renderCommitMessage({ files, findings }, tree)
    expect(message).toMatch(
      /^iam-refine: remove unused IAM permissions\n\nRemoves \d+ unused actions from \d+ policies in \d+ files/
    )
    for (const f of files) expect(message).not.toContain(f.path)
    expect(message.endsWith(`\n\n${SWEEP_TRAILER}: ${tree}`)).toBe(true)
    expect(isSweepCommit({ tree, parents: ['c'.repeat(40)], message })).toBe(true)
  })

  it("is told from a person's: another tree (amended, rebased), another parent count, no trailer", () => {
    const tree = 'b'.repeat(40)
    const message = renderCommitMessage({ files: [], findings: new Map() }, tree)
    expect(isSweepCommit({ tree: 'd'.repeat(40), parents: ['c'.repeat(40)], message })).toBe(false)
    expect(isSweepCommit({ tree, parents: ['c'.repeat(40), 'e'.repeat(40)], message })).toBe(false)
    expect(isSweepCommit({ tree, parents: ['c'.repeat(40)], message: 'Fix the policy' })).toBe(
      false
    )
    // The trailer quoted in the body, not in the last paragraph, is not a trailer.
    expect(
      isSweepCommit({
        tree,
        parents: ['c'.repeat(40)],
        message: `x\n\n${SWEEP_TRAILER}: ${tree}\n\nSigned-off-by: Dana`
      })
    ).toBe(false)
  })
})

describe('fitSections', () => {
  it('property: never over the limit, head and foot kept, sections kept whole and in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 300 }), { maxLength: 40 }),
        fc.integer({ min: 900, max: 5000 }),
        (sections, limit) => {
          const out = fitSections(
            { head: 'HEAD', sections, foot: 'FOOT', links: [] },
            limit,
            s => s.length
          )
          expect(out.length).toBeLessThanOrEqual(limit)
          expect(out.startsWith('HEAD\n\n')).toBe(true)
          expect(out.endsWith('FOOT\n')).toBe(true)
          const middle = out.slice('HEAD\n\n'.length, -'\n\nFOOT\n'.length)
          const kept: string[] = []
          for (const s of sections) {
            const next = kept.length === 0 ? s : `${kept.join('\n\n')}\n\n${s}`
            if (middle === next || middle.startsWith(`${next}\n\n`)) kept.push(s)
            else break
          }
          if (kept.length < sections.length) expect(middle).toMatch(/sections are not shown here/)
          else expect(middle).not.toMatch(/sections are not shown here/)
        }
      )
    )
  })
})
