import { describe, expect, it } from '@jest/globals'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join, relative } from 'node:path'
import type { Report } from '../src/report/json-report.js'
import type { SarifLog } from '../src/report/sarif.js'
import { cli } from './helpers/cli.js'
import { filesUnder, scratchFolder } from './helpers/scratch.js'

// The fixture repository: input/ is a small repository of policies and templates in many styles,
// expected/ the same after `check --fix`; findings.json and catalog.json are what it runs with.
const fixture = join(process.cwd(), '__tests__/fixtures/repo')
const findings = join(fixture, 'findings.json')
const catalog = join(fixture, 'catalog.json')

const scratch = scratchFolder('check')

const copyInput = (name: string): string => scratch.copy(join(fixture, 'input'), name)

const run = (...args: string[]) =>
  cli('check', ...args, '--findings', findings, '--catalog', catalog)

describe('iam-refine check on the fixture repository', () => {
  it('--fix rewrites exactly the expected bytes, and a second run finds nothing', async () => {
    const repo = copyInput('fix')
    chmodSync(join(repo, 'policies/AppRole.json'), 0o640)
    const first = await run(repo, '--fix', '--fail-on', 'unused')
    expect(first.err).toBe('')
    expect(first.code).toBe(0)
    expect(first.out).toContain('10 with unused permissions (10 fixed)')
    const expectedDir = join(fixture, 'expected')
    expect(filesUnder(repo)).toEqual(filesUnder(expectedDir))
    for (const file of filesUnder(expectedDir)) {
      expect({ file, text: readFileSync(join(repo, file)).toString('latin1') }).toEqual({
        file,
        text: readFileSync(join(expectedDir, file)).toString('latin1')
      })
    }
    // the file mode survives the atomic rewrite, and no temporary file is left
    expect(statSync(join(repo, 'policies/AppRole.json')).mode & 0o777).toBe(0o640)

    // The default gate still fails: the fixture holds a malformed file and an unmapped policy,
    // which nothing checked.
    const second = await run(repo)
    expect(second.code).toBe(1)
    expect(second.out).not.toContain('--- a/')
    expect(second.out).toContain('0 with unused permissions')
    expect(second.out).toContain('2 not checked')
    expect((await run(repo, '--fail-on', 'unused')).code).toBe(0)
    expect((await run(repo, '--fail-on', 'never')).code).toBe(0)
  })

  it('without --fix prints a diff per file with its reasons, changes nothing and exits 1', async () => {
    const repo = copyInput('text')
    const result = await run(repo)
    expect(result.code).toBe(1)
    const out = result.out.split(repo + '/').join('')
    expect(out).toContain('--- a/cfn/app.yaml\n+++ b/cfn/app.yaml\n@@ -30,13 +30,7 @@\n')
    expect(out).toContain('-                  - s3:PutObject # uploads\n')
    // a list made from a one-string Action: one entry per line, in the file's indentation
    expect(out).toContain(
      '-      "Action": "dynamodb:*",\n+      "Action": [\n+        "dynamodb:Batch*",\n'
    )
    // each file's reasons come right after its diff, before the next file's diff
    expect(out.indexOf('Statement "Objects": removed s3:PutObject')).toBeLessThan(
      out.indexOf('--- a/cfn/flow.yaml')
    )
    // what was found but not refined is said, with its reason
    expect(out).toContain(
      'cfn/app.yaml:47: Resources.TablePolicy.Properties.PolicyDocument: unused permissions'
    )
    expect(out).toContain(
      '  Statement #2: not refined: Action is a Fn::If on IsProd: each branch is refined as its own location'
    )
    expect(out).toContain('Statement "Objects": removed s3:PutObject: unused')
    expect(out).toContain('broken/bad-policy.json:4:51: malformed, skipped: it is not valid JSON')
    expect(out).toContain('unmapped/lonely.json:1: not refined, no principal')
    expect(out).toContain('policies/trust/AppRole.json:1: its statements name a Principal')
    expect(out).toContain(
      'managed policy AWSLambdaBasicExecutionRole: attached by name, its statements live in the managed policy; not refinable here'
    )
    expect(out).toContain(
      'SAM policy template SQSSendMessagePolicy: SAM expands it to statements of its own; not refinable here'
    )
    expect(out).not.toContain('legacy/')
    expect(out).not.toContain('notes/')
    for (const file of filesUnder(repo)) {
      expect(readFileSync(join(repo, file))).toEqual(readFileSync(join(fixture, 'input', file)))
    }
  })

  it('--format json gives the full report; its edits applied are the expected files', async () => {
    const repo = copyInput('json')
    const result = await run(repo, '--format', 'json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.out) as Report
    expect(report.version).toBe(1)
    expect(report.catalog.updatedAt).toBe('2026-01-01')
    expect(report.totals).toMatchObject({
      policies: 13, // 11, and the two branches of the !If around an Action in cfn/app.yaml
      withUnused: 10,
      unmapped: 1,
      malformedFiles: 1,
      remaining: 10,
      fixed: 0
    })
    const byFile = new Map(report.files.map(f => [relative(repo, f.file), f]))
    const sam = byFile.get('sam/template.yaml')
    expect(sam?.policies[0]).toMatchObject({
      pointer: 'Resources.OrdersFunction.Properties.Policies[2]',
      kind: 'sam-function',
      principals: ['arn:aws:iam::123456789012:role/orders-api-OrdersFunctionRole-1A2B3C4D5E6F'],
      principalSource: 'template',
      status: 'refined'
    })
    const shared = byFile.get('iam/shared/s3-read.json')?.policies[0]
    expect(shared?.principalSource).toBe('config')
    expect(shared?.principals).toHaveLength(2)
    const table = byFile.get('cfn/app.yaml')?.policies[1]
    expect(table?.statements[1]?.note).toBe(
      'Action is a Fn::If on IsProd: each branch is refined as its own location'
    )
    const branches = byFile.get('cfn/app.yaml')?.policies.slice(2)
    expect(branches?.map(p => [p.pointer, p.branches, p.status])).toEqual([
      [
        'Resources.TablePolicy.Properties.PolicyDocument.Statement[1].Action["Fn::If"][1]',
        [{ condition: 'IsProd', value: true }],
        'unchanged'
      ],
      [
        'Resources.TablePolicy.Properties.PolicyDocument.Statement[1].Action["Fn::If"][2]',
        [{ condition: 'IsProd', value: false }],
        'unchanged'
      ]
    ])
    for (const f of report.files) {
      if (f.edits.length === 0) continue
      const file = relative(repo, f.file)
      let text = readFileSync(join(repo, file), 'utf8')
      for (const e of [...f.edits].reverse())
        text = text.slice(0, e.start) + e.text + text.slice(e.end)
      expect(text).toBe(readFileSync(join(fixture, 'expected', file), 'utf8'))
    }
  })

  it('--format sarif has a result per refined statement whose fixes give the expected files', async () => {
    const repo = copyInput('sarif')
    const result = await run(repo, '--format', 'sarif')
    expect(result.code).toBe(1)
    const sarif = JSON.parse(result.out) as SarifLog
    expect(sarif.version).toBe('2.1.0')
    const results = sarif.runs[0]?.results ?? []
    expect(results.filter(r => r.ruleId === 'unused-statement')).toHaveLength(5)
    expect(results.filter(r => r.ruleId === 'unmapped-policy')).toHaveLength(1)
    expect(results.filter(r => r.ruleId === 'unreadable-file')).toHaveLength(1)
    // Apply every fix of every result, per file, by line and column.
    const perFile = new Map<string, { region: Region; text: string }[]>()
    for (const r of results) {
      for (const fix of r.fixes ?? []) {
        for (const change of fix.artifactChanges) {
          const list = perFile.get(change.artifactLocation.uri) ?? []
          for (const rep of change.replacements) {
            list.push({ region: rep.deletedRegion, text: rep.insertedContent.text })
          }
          perFile.set(change.artifactLocation.uri, list)
        }
      }
    }
    expect(perFile.size).toBe(8)
    for (const [uri, replacements] of perFile) {
      const file = relative(repo, decodeURIComponent(uri))
      const before = readFileSync(join(repo, file), 'utf8')
      const offsets = replacements
        .map(r => ({
          start: offsetOf(before, r.region.startLine, r.region.startColumn),
          end: offsetOf(before, r.region.endLine, r.region.endColumn),
          text: r.text
        }))
        .sort((a, b) => b.start - a.start)
      let text = before
      for (const o of offsets) text = text.slice(0, o.start) + o.text + text.slice(o.end)
      expect(text).toBe(readFileSync(join(fixture, 'expected', file), 'utf8'))
    }
  })
  it('--format markdown prints the body of the pull request a sweep opens, the same with or without --fix', async () => {
    const repo = copyInput('markdown')
    const base = 'https://github.com/acme/infra/blob/iam-refine/least-privilege'
    const printed = await run(repo, '--format', 'markdown', '--link-base', base)
    expect(printed.code).toBe(1)
    expect(
      printed.out.startsWith('<!-- iam-refine:sweep -->\n## Unused IAM permissions removed')
    ).toBe(true)
    expect(printed.out).toContain(`### [\`policies/AppRole.json\`](${base}/policies/AppRole.json)`)
    expect(printed.out).toContain('### Not changed by this pull request')
    const fixed = await run(repo, '--fix', '--format', 'markdown', '--link-base', base)
    // Nothing unused is left; the malformed and the unmapped file stay unchecked (fail-on default).
    expect(fixed.code).toBe(1)
    expect((await run(repo, '--fail-on', 'unused')).code).toBe(0)
    expect(fixed.out).toBe(printed.out)
    const bad = await run(repo, '--format', 'text', '--link-base', base)
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(
      /--link-base takes an http\(s\) address and goes with --format markdown/
    )
  })
})

interface Region {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1
  return offset + column - 1
}

describe('iam-refine check: usage and configuration errors exit 2', () => {
  it('rejects an unknown format, a missing findings file and a missing path', async () => {
    expect((await cli('check', '.', '--format', 'xml', '--findings', findings)).code).toBe(2)
    const none = await cli('check', '.')
    expect(none.code).toBe(2)
    expect(none.err).toContain('name at least one --findings file')
    const missing = await run(join(scratch.path, 'does-not-exist'))
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('no such file or folder')
    const badFlag = await run('.', '--bogus')
    expect(badFlag.code).toBe(2)
  })

  it('names the file, line and key of a configuration error', async () => {
    const dir = join(scratch.path, 'config')
    mkdirSync(join(dir, '.github'), { recursive: true })
    writeFileSync(
      join(dir, '.github/iam-refine.yml'),
      'principals:\n  - files: ["a.json"]\n    principal: arn:aws:iam::12:role/X\n'
    )
    const result = await run(dir)
    expect(result.code).toBe(2)
    expect(result.err).toContain(
      '.github/iam-refine.yml:3: principals[0].principal: "arn:aws:iam::12:role/X" is not a role or user ARN'
    )
    writeFileSync(join(dir, '.github/iam-refine.yml'), 'stack:\n  - name: x\n')
    const unknown = await run(dir)
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('iam-refine.yml:1: stack: unknown key')
  })

  it('asks whose a per-principal findings list is', async () => {
    const dir = join(scratch.path, 'anon')
    mkdirSync(dir, { recursive: true })
    const list = join(dir, 'list.json.txt')
    writeFileSync(
      list,
      JSON.stringify([{ serviceNamespace: 's3', actions: [{ action: 'PutObject' }] }])
    )
    const result = await cli('check', dir, '--findings', list, '--catalog', catalog)
    expect(result.code).toBe(2)
    expect(result.err).toContain('--principal')
    writeFileSync(
      join(dir, 'p.json'),
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}]}\n'
    )
    const named = await cli(
      'check',
      dir,
      '--findings',
      list,
      '--catalog',
      catalog,
      '--principal',
      'arn:aws:iam::123456789012:role/X',
      '--fix'
    )
    expect(named.code).toBe(0)
    expect(readFileSync(join(dir, 'p.json'), 'utf8')).toBe(
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]}\n'
    )
  })
})

describe('iam-refine check: a wholly unused policy', () => {
  it('is reported (detach or delete it), never emptied, and keeps the exit code 1 after --fix', async () => {
    const dir = join(scratch.path, 'unused')
    mkdirSync(dir, { recursive: true })
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]}\n'
    writeFileSync(join(dir, 'AppRole.json'), text)
    const result = await run(dir, '--fix')
    expect(result.code).toBe(1)
    expect(result.out).toContain(
      'every action is unused (arn:aws:iam::123456789012:role/AppRole): no statement is left: detach the policy from its principals or delete it'
    )
    expect(readFileSync(join(dir, 'AppRole.json'), 'utf8')).toBe(text)
    const sarif = JSON.parse((await run(dir, '--format', 'sarif')).out) as SarifLog
    expect(sarif.runs[0]?.results.map(r => r.ruleId)).toEqual(['unused-policy'])
  })
})

describe('iam-refine check: bad input is reported or skipped, never a crash', () => {
  const policy = (action: string) =>
    `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${action}, "Resource": "*"}]}\n`

  it('handles every kind of bad file in one run', async () => {
    const dir = join(scratch.path, 'bad')
    mkdirSync(dir, { recursive: true })
    // over 5 MB: reported and skipped
    writeFileSync(
      join(dir, 'huge.json'),
      `{"Statement": [], "pad": "${'x'.repeat(5 * 1024 * 1024)}"}`
    )
    // binary, found in a folder: skipped silently
    writeFileSync(join(dir, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x53]))
    // NUL bytes inside a policy-looking text
    writeFileSync(join(dir, 'nul.json'), `${policy('"s3:GetObject"')}\u0000`)
    // 100,000-deep nesting, JSON and YAML
    writeFileSync(
      join(dir, 'deep.json'),
      `{"Statement": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "Effect": 1}`
    )
    writeFileSync(
      join(dir, 'deep.yaml'),
      `Statement:\n  Effect: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`
    )
    writeFileSync(
      join(dir, 'deep-block.yaml'),
      `Statement: x\nEffect: y\nz:\n  ${'- '.repeat(100_000)}x\n`
    )
    // a YAML alias bomb that looks like a template
    const bomb = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'
    ]
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i)
      const next = String.fromCharCode(97 + i)
      bomb.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]`)
    }
    bomb.push(
      'Resources:',
      '  R:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Action: *j',
      '            Resource: "*"'
    )
    writeFileSync(join(dir, 'bomb.yaml'), `${bomb.join('\n')}\n`)
    // __proto__ keys, non-string Action entries, Statement as one object
    mkdirSync(join(dir, 'AppRole'))
    writeFileSync(
      join(dir, 'AppRole/proto.json'),
      '{"__proto__": {"polluted": true}, "Version": "2012-10-17", "Statement": [{"__proto__": {"Effect": "Deny"}, "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}]}\n'
    )
    writeFileSync(join(dir, 'AppRole/numbers.json'), policy('["s3:PutObject", 42, null]'))
    writeFileSync(
      join(dir, 'AppRole/single.json'),
      '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Action": ["s3:GetObject", "s3:PutObject"],\n    "Resource": "*"\n  }\n}\n'
    )
    const result = await run(dir, '--format', 'json')
    expect(result.err).toBe('')
    const report = JSON.parse(result.out) as Report
    const byName = new Map(report.files.map(f => [relative(dir, f.file), f]))
    expect(byName.get('huge.json')).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('over the 5242880-byte limit')
    })
    expect(byName.has('image.json')).toBe(false)
    expect(byName.get('nul.json')).toBeUndefined() // binary in a folder: silent
    expect(byName.get('deep.json')).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('nested more than 200 levels')
    })
    expect(byName.get('deep.yaml')).toMatchObject({ status: 'skipped' })
    expect(byName.get('deep-block.yaml')).toMatchObject({ status: 'skipped' })
    expect(byName.get('bomb.yaml')).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('alias bomb')
    })
    const proto = byName.get('AppRole/proto.json')
    expect(proto?.policies[0]).toMatchObject({ status: 'refined' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(byName.get('AppRole/numbers.json')?.policies[0]).toMatchObject({ status: 'unchanged' })
    expect(byName.get('AppRole/numbers.json')?.policies[0]?.statements[0]?.note).toContain(
      'not a string or a list of strings'
    )
    expect(byName.get('AppRole/single.json')?.policies[0]).toMatchObject({ status: 'refined' })

    // the same files named explicitly: the binary one is reported
    const explicit = await run(join(dir, 'nul.json'), join(dir, 'image.json'), '--format', 'json')
    const named = JSON.parse(explicit.out) as Report
    expect(named.files.map(f => f.status)).toEqual(['skipped', 'skipped'])

    const fixed = await run(dir, '--fix', '--fail-on', 'unused')
    expect(fixed.code).toBe(0)
    // Unreadable, too large, too deep and bomb files were not checked: the default gate fails.
    const gate = JSON.parse((await run(dir, '--format', 'json')).out) as Report
    expect(gate.totals.unchecked).toBeGreaterThanOrEqual(5)
    expect((await run(dir)).code).toBe(1)
    expect(readFileSync(join(dir, 'AppRole/single.json'), 'utf8')).toBe(
      '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Action": ["s3:GetObject"],\n    "Resource": "*"\n  }\n}\n'
    )
    expect(readFileSync(join(dir, 'AppRole/proto.json'), 'utf8')).toContain(
      '"Action": ["s3:GetObject"]'
    )
  })
})

describe('iam-refine check: --fix keeps every byte it does not change', () => {
  it('keeps a byte-order mark, in JSON and in YAML', async () => {
    const dir = join(scratch.path, 'bom')
    mkdirSync(join(dir, 'AppRole'), { recursive: true })
    const bom = '\ufeff'
    const json = `${bom}{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}]}\n`
    const yaml = `${bom}Version: '2012-10-17'\nStatement:\n  - Effect: Allow\n    Action:\n      - s3:GetObject\n      - s3:PutObject\n    Resource: '*'\n`
    writeFileSync(join(dir, 'AppRole/a.json'), json)
    writeFileSync(join(dir, 'AppRole/b.yaml'), yaml)
    const fixed = await run(dir, '--fix', '--fail-on', 'unused')
    expect(fixed.out).toContain('2 with unused permissions (2 fixed)')
    for (const [file, before] of [
      ['AppRole/a.json', json],
      ['AppRole/b.yaml', yaml]
    ] as const) {
      const after = readFileSync(join(dir, file))
      expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(after.toString('utf8')).toBe(
        before.replace(file.endsWith('json') ? ', "s3:PutObject"' : '      - s3:PutObject\n', '')
      )
    }
  })
})

describe('iam-refine check: files named on the command line', () => {
  it('says when a named file is in no format it reads, and a named file it cannot check is exit 2', async () => {
    const dir = join(scratch.path, 'named')
    mkdirSync(dir, { recursive: true })
    const tf = join(dir, 'main.tf')
    writeFileSync(
      tf,
      'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "s3:*" }]\n  })\n}\n'
    )
    const ts = join(dir, 'stack.ts')
    writeFileSync(ts, 'export const policy = { Statement: [] }\n')
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, '{"Statement": [{"Effect": "Allow",, }]}\n')
    const good = join(dir, 'AppRole.json')
    writeFileSync(
      good,
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}\n'
    )

    // A .tf file is Terraform: read as such (here a policy nothing attaches: not checked).
    const terraform = await run(tf)
    expect(terraform.out).toContain('aws_iam_policy.p.policy: not refined, no principal')
    expect(terraform.out).not.toContain('not valid YAML')
    expect(terraform.code).toBe(1)
    const typescript = join(dir, 'stack.tsx')
    writeFileSync(typescript, 'const p = { Statement: [ { Effect: "Allow", Action: <A/> } ] }\n')
    const tsx = await run(typescript)
    expect(tsx.out).toContain(
      'stack.tsx: skipped: it is not in a format iam-refine reads (JSON policies, CloudFormation and SAM templates in JSON or YAML, serverless.yml, Terraform)'
    )
    expect(tsx.code).toBe(2)
    const source = await run(ts)
    expect(source.out).toMatch(/stack\.ts: (skipped|holds no policy)/)
    expect(source.code).toBe(2)
    // every named file malformed: never a pass
    const allBroken = await run(broken)
    expect(allBroken.out).toContain('broken.json:1:35: malformed, skipped')
    expect(allBroken.code).toBe(2)
    expect(allBroken.err).toContain('1 of the files named on the command line could not be checked')
    // the control: a good named file passes, and one bad file among good ones still fails
    expect((await run(good)).code).toBe(0)
    expect((await run(good, broken)).code).toBe(2)
  })

  it('reads a Serverless include in the repository, never through a symbolic link', async () => {
    const dir = join(scratch.path, 'include-link')
    mkdirSync(join(dir, 'iam'), { recursive: true })
    writeFileSync(
      join(dir, 'serverless.yml'),
      'service: app\nprovider:\n  name: aws\n  iam:\n    role:\n      statements: ${file(iam/statements.yml)}\nfunctions:\n  run:\n    handler: run.handler\n'
    )
    const outside = join(scratch.path, 'outside-statements.yml')
    writeFileSync(
      outside,
      '- Effect: Allow\n  Action: [s3:GetObject, s3:PutObject]\n  Resource: "*"\n'
    )
    symlinkSync(outside, join(dir, 'iam/statements.yml'))
    const findingsFile = join(dir, 'findings.json')
    writeFileSync(
      findingsFile,
      JSON.stringify([
        {
          id: 'f-1',
          resource: 'arn:aws:iam::123456789012:role/app-dev-us-east-1-lambdaRole',
          resourceType: 'AWS::IAM::Role',
          resourceOwnerAccount: '123456789012',
          status: 'ACTIVE',
          findingType: 'UnusedPermission',
          analyzedAt: '2026-01-01T00:00:00Z',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
          findingDetails: [
            {
              unusedPermissionDetails: {
                serviceNamespace: 's3',
                actions: [{ action: 'PutObject' }]
              }
            }
          ]
        }
      ])
    )
    const check = (...args: string[]) =>
      cli('check', ...args, '--findings', findingsFile, '--catalog', catalog, '--format', 'json')
    const linked = JSON.parse((await check(join(dir, 'serverless.yml'))).out) as Report
    expect(linked.files.map(f => relative(dir, f.file))).toEqual(['serverless.yml'])
    expect(linked.files[0]?.notes[0]?.message).toBe(
      'the statements are included from iam/statements.yml, refined where that file is read'
    )
    // the control: the same statements as a regular file are read and refined for the role
    rmSync(join(dir, 'iam/statements.yml'))
    cpSync(outside, join(dir, 'iam/statements.yml'))
    const regular = JSON.parse((await check(join(dir, 'serverless.yml'))).out) as Report
    const included = regular.files.find(f => f.file.endsWith('iam/statements.yml'))
    expect(included?.policies[0]).toMatchObject({
      status: 'refined',
      principals: ['arn:aws:iam::123456789012:role/app-dev-us-east-1-lambdaRole'],
      unusedActions: ['s3:PutObject']
    })
  })
})
