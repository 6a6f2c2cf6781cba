import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from './helpers/cli.js'
import {
  ANALYZER_ARN,
  AWS_TEST_ENV,
  setEnv,
  startAccessAnalyzer,
  type AccessAnalyzerServer,
  type FakeFinding
} from './servers/access-analyzer.js'

// `check --verify-with-aws` asks the (loopback) Access Analyzer before it suggests anything.
const article = '__tests__/fixtures/article'
let server: AccessAnalyzerServer
let restoreEnv: () => void
let dir: string

beforeAll(async () => {
  server = await startAccessAnalyzer()
  restoreEnv = setEnv({ ...AWS_TEST_ENV, AWS_ENDPOINT_URL_ACCESSANALYZER: server.url })
  dir = mkdtempSync(join(tmpdir(), 'iam-refine-verify-'))
  cpSync(`${article}/policy.json`, join(dir, 'MyRole.json'))
})
afterAll(async () => {
  restoreEnv()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

const check = (...extra: string[]) =>
  cli(
    'check',
    join(dir, 'MyRole.json'),
    '--findings',
    `${article}/finding-getfindingv2.json`,
    '--catalog',
    `${article}/catalog-2024.json`,
    '--format',
    'json',
    ...extra
  )

describe('check --verify-with-aws', () => {
  it('suggests the refinement when both checks PASS, after asking AWS', async () => {
    server.state.requests = []
    const run = await check('--verify-with-aws')
    expect(run.code).toBe(1) // unused permissions remain, with a fix
    const policy = JSON.parse(run.out).files[0].policies[0]
    expect(policy.status).toBe('refined')
    expect(policy.edits.length).toBeGreaterThan(0)
    const paths = server.state.requests.map(r => r.path)
    expect(paths).toContain('/policy/check-no-new-access')
    expect(paths).toContain('/policy/check-access-not-granted')
  })

  it('withholds the refinement and reports a defect when CheckNoNewAccess FAILs', async () => {
    server.state.checkNoNewAccess = () => ({
      result: 'FAIL',
      message: 'The policy grants new access.'
    })
    const run = await check('--verify-with-aws', '--fix')
    expect(run.code).toBe(3)
    const policy = JSON.parse(run.out).files[0].policies[0]
    expect(policy.status).toBe('not-editable')
    expect(policy.reason).toMatch(/did not confirm the refinement .*grants new access.*withheld/)
    expect(run.err).toMatch(/MyRole.json: .*withheld/)
    // --fix wrote nothing: the file is as it was.
    expect(readFileSync(join(dir, 'MyRole.json'), 'utf8')).toBe(
      readFileSync(`${article}/policy.json`, 'utf8')
    )
  })
})

describe('findings export, then check', () => {
  it('refines a repository exactly as the findings the export came from', async () => {
    const repo = '__tests__/fixtures/repo'
    const source = JSON.parse(readFileSync(`${repo}/findings.json`, 'utf8')) as {
      findings: FakeFinding[]
    }
    Object.assign(server.state, {
      findings: source.findings,
      detailsPerPage: 1, // every finding's details over several pages
      findingsPerPage: 2,
      throttle: { ListFindingsV2: 1 } // and a throttled first call
    })
    const out = join(dir, 'exported.json')
    const exported = await cli('findings', 'export', '--analyzer-arn', ANALYZER_ARN, '--out', out)
    expect(exported.code).toBe(0)
    const input = join(dir, 'repo')
    cpSync(`${repo}/input`, input, { recursive: true })
    const run = (findings: string) =>
      cli(
        'check',
        input,
        '--findings',
        findings,
        '--catalog',
        `${repo}/catalog.json`,
        '--format',
        'json'
      )
    const fromExport = await run(out)
    const fromSource = await run(`${repo}/findings.json`)
    expect(fromExport.code).toBe(1)
    const report = JSON.parse(fromExport.out)
    expect(report.totals.withUnused).toBeGreaterThan(3)
    // The export carries each finding's recommendation (the loopback one has no steps), so the
    // exported run also has a verdict on each policy with unused permissions; it changes nothing.
    const policies = (r: { files: { policies: Record<string, unknown>[] }[] }) =>
      r.files.flatMap(f => f.policies)
    const withVerdict = policies(report).filter(p => p.awsAgreement !== undefined)
    expect(withVerdict).toHaveLength(report.totals.withUnused)
    expect(withVerdict.map(p => (p.awsAgreement as { verdict: string }).verdict)).toEqual(
      withVerdict.map(() => 'unavailable')
    )
    const withoutVerdict = {
      ...report,
      notes: [],
      files: report.files.map((f: { policies: Record<string, unknown>[] }) => ({
        ...f,
        policies: f.policies.map(({ awsAgreement: _, ...p }) => p)
      }))
    }
    // Same refinements, edits and reasons; only the notes about where findings came from may differ.
    expect(withoutVerdict).toEqual({ ...JSON.parse(fromSource.out), notes: [] })
  })
})
