import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { runCli } from '../src/commands/run.js'
import { installedParserFiles, loadTerraformParser } from '../src/io/terraform-parser.js'
import type { Report } from '../src/report/json-report.js'
import type { SarifLog } from '../src/report/sarif.js'
import { parseHcl } from '../src/sources/terraform/hcl.js'
import { cli } from './helpers/cli.js'
import { filesUnder, scratchFolder } from './helpers/scratch.js'

// The Terraform fixture repository (see fixtures/terraform/README.md): input/ and the same after
// `check --fix`, checked through the in-process command line with the real tree-sitter parser.
const fixture = join(process.cwd(), '__tests__/fixtures/terraform')
const findings = join(fixture, 'findings.json')
const catalog = join(fixture, 'catalog.json')

const scratch = scratchFolder('tf')

const copyInput = (name: string): string => scratch.copy(join(fixture, 'input'), name)

const run = (...args: string[]) =>
  cli('check', ...args, '--findings', findings, '--catalog', catalog)

describe('iam-refine check on Terraform', () => {
  it('--fix rewrites exactly the expected bytes, and a second run changes nothing', async () => {
    const repo = copyInput('fix')
    const first = await run(repo, '--fix')
    expect(first.err).toBe('')
    expect(first.out).toContain('11 with unused permissions (11 fixed)')
    const expectedDir = join(fixture, 'expected')
    expect(filesUnder(repo)).toEqual(filesUnder(expectedDir))
    for (const file of filesUnder(expectedDir)) {
      expect({ file, text: readFileSync(join(repo, file)).toString('latin1') }).toEqual({
        file,
        text: readFileSync(join(expectedDir, file)).toString('latin1')
      })
    }
    const second = await run(repo, '--fix')
    expect(second.out).toContain('0 with unused permissions')
    for (const file of filesUnder(expectedDir)) {
      expect(readFileSync(join(repo, file), 'latin1')).toBe(
        readFileSync(join(expectedDir, file), 'latin1')
      )
    }
  })

  it('reports each mapping with its source and every non-literal as unchecked, with its line', async () => {
    const result = await run(copyInput('json'), '--format', 'json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.out) as Report
    const byPointer = new Map(
      report.files.flatMap(f =>
        f.policies.map(p => [`${f.file.split('/').slice(-2).join('/')}#${p.pointer}`, p])
      )
    )
    const sourceOf = (key: string) => byPointer.get(key)?.principalSource
    expect(sourceOf('app/main.tf#aws_iam_role_policy.app.policy')).toBe('terraform-variables')
    expect(sourceOf('heredoc/main.tf#aws_iam_role_policy.notify.policy')).toBe(
      'terraform-name-prefix'
    )
    expect(sourceOf('crlf/main.tf#aws_iam_user_policy.build.policy')).toBe('terraform-name')
    expect(sourceOf('worker/main.tf#aws_iam_role_policy.this.policy')).toBe('terraform-module')
    // statement objects given to terraform-aws-modules: the role the module makes
    expect(sourceOf('platform/main.tf#module.reader.inline_policy_permissions')).toBe(
      'terraform-name-prefix'
    )
    expect(
      byPointer.get('platform/main.tf#module.thumbnailer.policy_statements')?.principals
    ).toEqual(['arn:aws:iam::123456789012:role/thumbnailer'])
    // a JSON file read by file() is mapped to the role of the resource that reads it
    expect(byPointer.get('policies/reports.json#')?.principals).toEqual([
      'arn:aws:iam::123456789012:role/ReportsRole'
    ])
    // one policy, four roles: the intersection of their unused sets
    const nodes = byPointer.get('fleet/main.tf#aws_iam_policy.nodes.policy')
    expect(nodes?.principals).toHaveLength(4)
    expect(nodes?.unusedActions).toEqual(['ec2:RunInstances'])
    const unchecked = report.files
      .flatMap(f => f.notes)
      .filter(n => n.unchecked)
      .map(n => `${n.line}: ${n.pointer}`)
    expect(unchecked).toEqual([
      '1: ', // files/policies/generic.json, a templatefile with ${…} in Action
      '17: data.aws_iam_policy_document.ops.statement[0].actions',
      '22: data.aws_iam_policy_document.ops.statement[1].actions',
      '27: data.aws_iam_policy_document.ops.statement[2].actions',
      '34: data.aws_iam_policy_document.ops.dynamic[3].actions',
      '47: aws_iam_role_policy.ops_extra.policy'
    ])
    const generic = report.files.find(f => f.file.endsWith('policies/generic.json'))
    expect(generic?.notes[0]).toMatchObject({ unchecked: true, line: 1 })
    expect(generic?.policies).toEqual([])
    // the trust document is noted, not counted as unchecked
    const trust = report.files
      .flatMap(f => f.notes)
      .find(n => n.pointer === 'data.aws_iam_policy_document.assume')
    expect(trust?.unchecked).toBeUndefined()
    const broken = report.files.find(f => f.file.endsWith('broken/main.tf'))
    expect(broken).toMatchObject({ status: 'malformed', line: 1 })
  })

  it('gives SARIF results with fixes for Terraform files', async () => {
    const result = await run(copyInput('sarif'), '--format', 'sarif')
    const sarif = JSON.parse(result.out) as SarifLog
    const uris = new Set(
      sarif.runs[0]?.results.map(
        r => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? ''
      )
    )
    expect([...uris].some(u => u.endsWith('app/documents.tf'))).toBe(true)
    expect(sarif.runs[0]?.results.some(r => (r.fixes?.length ?? 0) > 0)).toBe(true)
  })

  it('says which WebAssembly file is missing, and exits 2', async () => {
    const repo = copyInput('nowasm')
    let err = ''
    const code = await runCli(['check', repo, '--findings', findings, '--catalog', catalog], {
      out: () => undefined,
      err: t => void (err += t),
      parserFiles: {
        runtime: join(scratch.path, 'missing/web-tree-sitter.wasm'),
        grammar: join(scratch.path, 'missing/g.wasm')
      }
    })
    expect(code).toBe(2)
    expect(err).toContain(
      'missing/web-tree-sitter.wasm: cannot read the tree-sitter runtime (no such file)'
    )
  })

  it('reads JSON and YAML without loading the Terraform parser', async () => {
    const dir = join(scratch.path, 'json-only')
    mkdirSync(dir)
    writeFileSync(
      join(dir, 'shop-prod-app.json'),
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }]
      })
    )
    // a parser that cannot load would fail the run (exit 2) if it were loaded
    let out = ''
    let err = ''
    const code = await runCli(['check', dir, '--findings', findings, '--catalog', catalog], {
      out: t => void (out += t),
      err: t => void (err += t),
      parserFiles: {
        runtime: join(scratch.path, 'none.wasm'),
        grammar: join(scratch.path, 'none.wasm')
      }
    })
    expect(err).toBe('')
    expect(code).toBe(1)
    expect(out).toContain('removed s3:PutObject: unused')
  })
})

describe('hostile Terraform', () => {
  it('refuses deep nesting, NUL bytes and templated actions without a crash or a guess', async () => {
    const dir = join(scratch.path, 'hostile')
    mkdirSync(dir)
    writeFileSync(
      join(dir, 'deep.tf'),
      `resource "aws_iam_policy" "x" {\n  policy = jsonencode(${'['.repeat(5000)}${']'.repeat(5000)})\n}\n`
    )
    writeFileSync(join(dir, 'nul.tf'), 'resource "aws_iam_policy" "x" {\u0000}\n')
    writeFileSync(
      join(dir, 'template.tf'),
      [
        'resource "aws_iam_role" "r" {',
        '  name = "OpsRole"',
        '}',
        'resource "aws_iam_role_policy" "p" {',
        '  role   = aws_iam_role.r.id',
        '  policy = <<EOF',
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "${var.svc}:*", "Resource": "*"}]}',
        'EOF',
        '}',
        ''
      ].join('\n')
    )
    const result = await run(dir, '--format', 'json')
    const report = JSON.parse(result.out) as Report
    const status = Object.fromEntries(report.files.map(f => [f.file.split('/').pop(), f.status]))
    expect(status['deep.tf']).toBe('skipped')
    expect(report.files.find(f => f.file.endsWith('deep.tf'))?.message).toContain(
      'nested more than'
    )
    // a binary file met in a folder is not a policy (as for JSON and YAML)
    expect(status['nul.tf']).toBeUndefined()
    const template = report.files.find(f => f.file.endsWith('template.tf'))
    expect(template?.notes.some(n => n.unchecked && n.message.includes('is a template'))).toBe(true)
    expect(template?.edits).toEqual([])
  })
})

describe('hostile Terraform modules', () => {
  const role = (name: string) =>
    `resource "aws_iam_role" "r" {\n  name = ${name}\n}\n` +
    'resource "aws_iam_role_policy" "p" {\n  role   = aws_iam_role.r.id\n' +
    '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "*" }] })\n}\n'
  const reasons = async (files: Record<string, string>): Promise<Record<string, string>> => {
    const dir = mkdtempSync(join(scratch.path, 'module-'))
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    const result = await run(dir, '--format', 'json')
    const report = JSON.parse(result.out) as Report
    return Object.fromEntries(
      report.files.flatMap(f =>
        f.policies.map(p => [
          `${relative(dir, f.file)}#${p.pointer}`,
          `${p.status}: ${p.reason ?? ''}`
        ])
      )
    )
  }

  it('a control: a literal name maps', async () => {
    const r = await reasons({ 'main.tf': role('"OpsRole"') })
    expect(r['main.tf#aws_iam_role_policy.p.policy']).toMatch(/^refined/)
  })

  it('locals that refer to each other end unresolved, not in a loop', async () => {
    const r = await reasons({
      'main.tf': `${role('local.a')}locals {\n  a = local.b\n  b = local.a\n}\n`
    })
    expect(r['main.tf#aws_iam_role_policy.p.policy']).toMatch(/^unmapped: .*refers too deep/)
  })

  it('a huge count and a template of many values are refused, not expanded', async () => {
    const vars = Array.from({ length: 10 }, (_, i) => [
      `v${i}.tfvars`,
      `a = "a${i}"\nb = "b${i}"\n`
    ])
    const r = await reasons({
      'count/main.tf': role('"batch-${count.index}"').replace(
        '"r" {\n',
        '"r" {\n  count = 100000\n'
      ),
      'many/main.tf': `${role('"${var.a}-${var.b}"')}variable "a" {}\nvariable "b" {}\n`,
      ...Object.fromEntries(vars.map(([f, t]) => [`many/${f}`, t]))
    })
    expect(r['count/main.tf#aws_iam_role_policy.p.policy']).toMatch(
      /^unmapped: .*count is not a small literal number/
    )
    expect(r['many/main.tf#aws_iam_role_policy.p.policy']).toMatch(
      /^unmapped: .*more than 32 names/
    )
  })

  it('modules that call each other, and documents that merge one another, end', async () => {
    const documents = Array.from(
      { length: 40 },
      (_, i) =>
        `data "aws_iam_policy_document" "d${i}" {\n` +
        `  source_policy_documents = [${Array.from({ length: i }, (_, j) => `data.aws_iam_policy_document.d${j}.json`).join(', ')}]\n` +
        '  statement {\n    actions   = ["s3:GetObject", "s3:PutObject"]\n    resources = ["*"]\n  }\n}\n'
    ).join('')
    const started = Date.now()
    const r = await reasons({
      'x/main.tf': `module "y" {\n  source = "../y"\n  name = var.name\n}\nvariable "name" {\n  default = "OpsRole"\n}\n${role('var.name')}`,
      'y/main.tf': `module "x" {\n  source = "../x"\n  name = var.name\n}\nvariable "name" {}\n`,
      'docs/main.tf': `${documents}resource "aws_iam_role" "r" {\n  name = "OpsRole"\n}\nresource "aws_iam_role_policy" "p" {\n  role   = aws_iam_role.r.id\n  policy = data.aws_iam_policy_document.d39.json\n}\n`
    })
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(r['x/main.tf#aws_iam_role_policy.p.policy']).toBeDefined()
    // d0 is merged into every other document, all used by the one role: refined for it
    expect(r['docs/main.tf#data.aws_iam_policy_document.d0']).toMatch(/^refined/)
  })
})

describe('the HCL tree', () => {
  it('gives UTF-16 offsets and unescaped strings', async () => {
    const parser = await loadTerraformParser(installedParserFiles())
    const text = '# héllo 😀\nx = "a\\"b$${c}"\n'
    const parsed = parseHcl(parser, text)
    if (!parsed.ok) throw new Error(parsed.message)
    const [attr] = parsed.file.body.items
    expect(attr && 'value' in attr && attr.value).toMatchObject({
      kind: 'string',
      value: 'a"b${c}'
    })
    expect(attr && text.slice(attr.start, attr.end)).toBe('x = "a\\"b$${c}"')
  })
})
