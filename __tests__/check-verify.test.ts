import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from './helpers/cli.js'
import {
  AWS_TEST_ENV,
  setEnv,
  startAccessAnalyzer,
  type AccessAnalyzerServer
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
