import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from './helpers/cli.js'

const article = '__tests__/fixtures/article'
let dir: string
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iam-refine-cli-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('iam-refine refine: bad input gets a clear message and exit 2', () => {
  it.each([
    [['refine'], /name the policy file/],
    [['refine', `${article}/policy.json`], /name at least one --findings file/],
    [
      ['refine', `${article}/policy.json`, '--findings', `${article}/unused.json`, '--bogus'],
      /Unknown option '--bogus'/
    ],
    [
      ['refine', 'nope.json', '--findings', `${article}/unused.json`],
      /nope.json: cannot read the policy \(no such file\)/
    ],
    [
      ['refine', `${article}/policy.json`, '--findings', 'missing.json'],
      /missing.json: cannot read the findings file/
    ]
  ])('%j', async (argv, message) => {
    const run = await cli(...argv)
    expect(run.code).toBe(2)
    expect(run.out).toBe('')
    expect(run.err).toMatch(message)
    expect(run.err).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('names the line and column of malformed JSON', async () => {
    const bad = file(
      'bad.json',
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}\n'
    )
    const run = await cli('refine', bad, '--findings', `${article}/unused.json`)
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/bad.json:4:24: is not valid JSON \(property name expected\)/)
  })

  it('refuses binary files and policies without statements', async () => {
    const binary = file('bin.json', Buffer.from([0x7b, 0x00, 0x7d]))
    expect((await cli('refine', binary, '--findings', `${article}/unused.json`)).err).toMatch(
      /bin.json: is binary/
    )
    const empty = file('empty.json', '{"Version": "2012-10-17"}')
    const run = await cli('refine', empty, '--findings', `${article}/unused.json`)
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/empty.json: the policy has no "Statement" list or object/)
  })

  it('rejects a malformed findings file and catalog, naming them', async () => {
    const findings = file('f.json', '{"findings": [{"resource": "x"}]}')
    let run = await cli('refine', `${article}/policy.json`, '--findings', findings)
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/f.json: findings\[0\]: /)
    const catalog = file('c.json', '{"s3": "GetObject"}')
    run = await cli(
      'refine',
      `${article}/policy.json`,
      '--findings',
      `${article}/unused.json`,
      '--catalog',
      catalog
    )
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/c.json: "s3" must list action names/)
  })

  it('needs --principal for findings about several principals', async () => {
    const f = (resource: string) => ({
      id: resource,
      resource,
      status: 'ACTIVE',
      findingType: 'UnusedPermission',
      findingDetails: [{ unusedPermissionDetails: { serviceNamespace: 's3' } }]
    })
    const a = 'arn:aws:iam::111111111111:role/A'
    const findings = file('two.json', JSON.stringify([f(a), f('arn:aws:iam::111111111111:role/B')]))
    let run = await cli('refine', `${article}/policy.json`, '--findings', findings)
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/several principals .*role\/A.*role\/B.*--principal/)
    run = await cli('refine', `${article}/policy.json`, '--findings', findings, '--principal', a)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.out).Statement).toHaveLength(1) // the s3 statement is wholly unused
  })
})

describe('iam-refine refine: results', () => {
  it('prints an empty Statement list and a warning when nothing is left', async () => {
    const policy = file(
      'p.json',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }
      })
    )
    const findings = file('u.json', JSON.stringify([{ serviceNamespace: 's3' }]))
    const run = await cli('refine', policy, '--findings', findings)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.out)).toEqual({ Version: '2012-10-17', Statement: [] })
    expect(run.err).toMatch(/the policy is unused\. Detach or delete it/)
  })

  it('leaves Deny and NotAction statements as they are and says so', async () => {
    const statements = [
      { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Allow', NotAction: 's3:GetObject', Resource: '*' }
    ]
    const policy = file('d.json', JSON.stringify({ Version: '2012-10-17', Statement: statements }))
    const findings = file('u2.json', JSON.stringify([{ serviceNamespace: 's3' }]))
    const run = await cli('refine', policy, '--findings', findings)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.out).Statement).toEqual(statements)
    expect(run.err).toMatch(/Statement #1: is a Deny, never narrowed/)
    expect(run.err).toMatch(/Statement #2: uses NotAction/)
  })

  it('prints help and rejects unknown commands', async () => {
    expect((await cli('--help')).out).toMatch(/usage: iam-refine/)
    for (const command of ['refine', 'check', 'findings']) {
      const help = await cli(command, '--help')
      expect(help).toMatchObject({ code: 0, err: '' })
      expect(help.out).toMatch(/usage: iam-refine/)
    }
    const run = await cli('frobnicate')
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/unknown command "frobnicate"/)
  })
})
