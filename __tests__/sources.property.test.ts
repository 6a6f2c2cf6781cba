import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { parseCatalog } from '../src/engine/catalog.js'
import { refinePolicy } from '../src/engine/refine.js'
import type { PrincipalUnused } from '../src/engine/unused.js'
import { combineFindings } from '../src/findings/select.js'
import { EMPTY_CONFIG } from '../src/sources/config.js'
import { findPolicies } from '../src/sources/format.js'
import { refineFile } from '../src/sources/scan.js'
import { LineIndex } from '../src/sources/document/tree.js'
import { installedParserFiles, loadTerraformParser } from '../src/io/terraform-parser.js'
import { parseHcl, type HclParser } from '../src/sources/terraform/hcl.js'
import { TerraformContext } from '../src/sources/terraform/module.js'

// Generated policies, written as JSON and YAML files, templates and Terraform in many styles,
// refined against generated unused sets: the fixed file must hold exactly the engine's refinement,
// every edit must stay on the lines of the statements that change, and a second fix changes nothing.

const catalogJson = JSON.parse(readFileSync('__tests__/fixtures/repo/catalog.json', 'utf8')) as {
  services: Record<string, string[]>
}
const catalog = parseCatalog(catalogJson, 'catalog.json')
const ROLE = 'arn:aws:iam::123456789012:role/AppRole'

const ENTRIES = [
  's3:GetObject',
  's3:PutObject',
  's3:Get*',
  's3:*',
  's3:GetObject*',
  's3:List*',
  's3:getobject',
  'dynamodb:*',
  'dynamodb:GetItem',
  'dynamodb:Batch*',
  'sqs:*',
  'sqs:SendMessage',
  'logs:*',
  'logs:Create*',
  'ec2:Describe*',
  'ec2:RunInstances',
  'kms:Decrypt',
  'iam:PassRole',
  '*'
]

interface Statement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Action: string | string[]
  Resource: string
}

const statementArb: fc.Arbitrary<Statement> = fc
  .record({
    sid: fc.option(fc.constantFrom('Read', 'Write', 'All', 'S1'), { nil: undefined }),
    deny: fc.integer({ min: 0, max: 4 }).map(n => n === 0),
    list: fc.boolean(),
    entries: fc.uniqueArray(fc.constantFrom(...ENTRIES), { minLength: 1, maxLength: 5 })
  })
  .map(({ sid, deny, list, entries }) => ({
    ...(sid ? { Sid: sid } : {}),
    Effect: deny ? ('Deny' as const) : ('Allow' as const),
    Action: list || entries.length > 1 ? entries : (entries[0] as string),
    Resource: '*'
  }))

const unusedArb: fc.Arbitrary<PrincipalUnused> = fc
  .record(
    Object.fromEntries(
      Object.entries(catalogJson.services).map(([service, actions]) => [
        service,
        fc.oneof(fc.constant(undefined), fc.constant(null), fc.subarray(actions, { minLength: 1 }))
      ])
    )
  )
  .map(services => ({
    principal: ROLE,
    wholePrincipal: false,
    services: Object.entries(services)
      .filter(([, v]) => v !== undefined)
      .map(([service, actions]) =>
        actions === null
          ? { service }
          : { service, actions: (actions as string[]).map(action => ({ action })) }
      ),
    sources: ['generated']
  }))

interface Style {
  syntax: 'json' | 'yaml-block' | 'yaml-flow'
  template: boolean
  indent: number
  compact: boolean
  crlf: boolean
  finalNewline: boolean
  inlineLists: boolean[]
  quote: 'plain' | 'single' | 'double'
  seqOffset: number
  comments: boolean
  singleObject: boolean
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  syntax: fc.constantFrom('json' as const, 'yaml-block' as const, 'yaml-flow' as const),
  template: fc.boolean(),
  indent: fc.constantFrom(2, 4),
  compact: fc.integer({ min: 0, max: 2 }).map(n => n === 0),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  inlineLists: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  quote: fc.constantFrom('plain' as const, 'single' as const, 'double' as const),
  seqOffset: fc.constantFrom(0, 2),
  comments: fc.boolean(),
  singleObject: fc.boolean()
})

// ---------------------------------------------------------------- writers

function jsonPolicy(statements: Statement[], s: Style, base: string): string[] {
  const i1 = base + ' '.repeat(s.indent)
  const i2 = i1 + ' '.repeat(s.indent)
  const i3 = i2 + ' '.repeat(s.indent)
  const lines = ['{']
  if (s.comments) lines.push(`${i1}// generated policy`)
  lines.push(`${i1}"Version": "2012-10-17",`)
  const single = s.singleObject && statements.length === 1
  lines.push(`${i1}"Statement": ${single ? '' : '['}`)
  statements.forEach((st, n) => {
    const keys = Object.entries(st)
    const body: string[] = []
    keys.forEach(([k, v], j) => {
      const comma = j < keys.length - 1 ? ',' : ''
      if (k === 'Action' && Array.isArray(v) && !s.inlineLists[n % 6]) {
        body.push(`${i3}"Action": [`)
        v.forEach((e, m) => {
          const note = s.comments && m === 0 ? ' // first' : ''
          body.push(
            `${i3}${' '.repeat(s.indent)}${JSON.stringify(e)}${m < v.length - 1 ? ',' : ''}${note}`
          )
        })
        body.push(`${i3}]${comma}`)
      } else body.push(`${i3}${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`)
    })
    if (single) {
      lines[lines.length - 1] += '{'
      lines.push(...body.map(l => l.slice(s.indent)), `${i1}}`)
    } else {
      lines.push(`${i2}{`, ...body, `${i2}}${n < statements.length - 1 ? ',' : ''}`)
    }
  })
  if (!single) lines.push(`${i1}]`)
  lines.push(`${base}}`)
  return lines
}

function yamlScalar(v: string, s: Style): string {
  if (s.quote === 'double') return JSON.stringify(v)
  if (s.quote === 'single' || v === '*') return `'${v}'`
  return v
}

function yamlBlockPolicy(statements: Statement[], s: Style, base: string): string[] {
  const pad = base + ' '.repeat(s.seqOffset)
  const lines = [`${base}Version: ${s.quote === 'plain' ? '2012-10-17' : "'2012-10-17'"}`]
  const single = s.singleObject && statements.length === 1
  lines.push(`${base}Statement:`)
  statements.forEach((st, n) => {
    if (s.comments) lines.push(`${pad}# statement ${n + 1}`)
    const keys = Object.entries(st)
    keys.forEach(([k, v], j) => {
      const lead = single ? `${base}  ` : j === 0 ? `${pad}- ` : `${pad}  `
      if (k === 'Action' && Array.isArray(v)) {
        if (s.inlineLists[n % 6]) {
          lines.push(`${lead}Action: [${v.map(e => yamlScalar(e, s)).join(', ')}]`)
        } else {
          lines.push(`${lead}Action:${s.comments ? ' # actions' : ''}`)
          const keyCol = (single ? `${base}  ` : `${pad}  `).length
          for (const e of v) lines.push(`${' '.repeat(keyCol + s.seqOffset)}- ${yamlScalar(e, s)}`)
        }
      } else {
        const value = k === 'Resource' ? "'*'" : yamlScalar(v as string, s)
        lines.push(`${lead}${k}: ${value}${s.comments && k === 'Effect' ? ' # effect' : ''}`)
      }
    })
  })
  return lines
}

function yamlFlowPolicy(statements: Statement[], s: Style, base: string): string[] {
  const flow = (st: Statement): string =>
    `{${Object.entries(st)
      .map(([k, v]) =>
        Array.isArray(v)
          ? `${k}: [${v.map(e => yamlScalar(e, s)).join(', ')}]`
          : `${k}: ${k === 'Resource' ? "'*'" : yamlScalar(v, s)}`
      )
      .join(', ')}}`
  if (s.singleObject && statements.length === 1) {
    return [`${base}Version: '2012-10-17'`, `${base}Statement: ${flow(statements[0] as Statement)}`]
  }
  if (s.compact) {
    return [
      `${base}Version: '2012-10-17'`,
      `${base}Statement: [${statements.map(flow).join(', ')}]`
    ]
  }
  return [
    `${base}Version: '2012-10-17'`,
    `${base}Statement: [`,
    ...statements.map((st, n) => `${base}  ${flow(st)}${n < statements.length - 1 ? ',' : ''}`),
    `${base}]`
  ]
}

function writeFile(statements: Statement[], s: Style): { text: string; file: string } {
  const eol = s.crlf ? '\r\n' : '\n'
  let lines: string[]
  let file: string
  if (s.syntax === 'json') {
    if (s.compact && !s.template) {
      const doc = { Version: '2012-10-17', Statement: statements }
      return { text: JSON.stringify(doc) + (s.finalNewline ? eol : ''), file: 'AppRole.json' }
    }
    if (s.template) {
      const body = jsonPolicy(statements, s, ' '.repeat(5 * s.indent))
      const i = (n: number) => ' '.repeat(n * s.indent)
      lines = [
        '{',
        `${i(1)}"Resources": {`,
        `${i(2)}"Policy": {`,
        `${i(3)}"Type": "AWS::IAM::ManagedPolicy",`,
        `${i(3)}"Properties": {`,
        `${i(4)}"Roles": ["AppRole"],`,
        `${i(4)}"PolicyDocument": ${(body[0] as string).trimStart()}`,
        ...body.slice(1),
        `${i(3)}}`,
        `${i(2)}}`,
        `${i(1)}}`,
        '}'
      ]
      file = 'template.json'
    } else {
      lines = jsonPolicy(statements, s, '')
      file = 'AppRole.json'
    }
  } else {
    const write = s.syntax === 'yaml-block' ? yamlBlockPolicy : yamlFlowPolicy
    if (s.template) {
      lines = [
        "AWSTemplateFormatVersion: '2010-09-09'",
        '# generated template',
        'Resources:',
        '  AppRole:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      RoleName: AppRole',
        '      Policies:',
        '        - PolicyName: generated',
        '          PolicyDocument:',
        ...write(statements, s, '            '),
        '  Other:',
        '    Type: AWS::SNS::Topic'
      ]
      file = 'template.yaml'
    } else {
      lines = write(statements, s, '')
      file = 'AppRole.yaml'
    }
  }
  return { text: lines.join(eol) + (s.finalNewline ? eol : ''), file }
}

// ---------------------------------------------------------------- the property

describe('fixing generated files', () => {
  it('gives the engine’s refinement, edits only the changed statements’ lines, and is idempotent', () => {
    let edited = 0
    fc.assert(
      fc.property(
        fc.array(statementArb, { minLength: 1, maxLength: 4 }),
        unusedArb,
        styleArb,
        (statements, principal, style) => {
          const { text, file } = writeFile(statements, style)
          const options = {
            catalog,
            findings: combineFindings([
              { principals: [principal], notes: [], covered: [], coveredAccounts: [] }
            ]),
            config: EMPTY_CONFIG
          }
          const scan = findPolicies(text, file)
          expect(scan.status).toBe('policies')
          const location = scan.policies[0]
          if (!location) throw new Error(`no policy found in\n${text}`)
          const refinement = refinePolicy(location.document, {
            catalog,
            principals: [principal],
            quota: location.quota
          })
          const outcome = refineFile({ file, path: file, text }, options)
          const report = outcome.report?.policies[0]
          if (!refinement.changed) {
            expect(report?.status).toBe('unchanged')
            expect(outcome.fixedText).toBeUndefined()
            return
          }
          if (refinement.unusedPolicy) {
            expect(report?.status).toBe('unused-policy')
            return
          }
          if (report?.status !== 'refined') {
            throw new Error(`${report?.status}: ${report?.reason}\n${text}`)
          }
          edited++
          const fixed = outcome.fixedText as string
          // parse(fix(file)) is the engine's refinement
          const again = findPolicies(fixed, file).policies[0]
          expect(again?.document).toEqual(refinement.document)
          // every edit stays on the lines of a statement that changes (or the comma before one)
          const lines = new LineIndex(text)
          const allowed = new Set<number>()
          for (const s of refinement.statements) {
            if (s.status !== 'refined' && s.status !== 'removed') continue
            const where = location.statements[s.index]
            if (!where) continue
            for (let l = where.range.startLine; l <= where.range.endLine; l++) allowed.add(l)
            const prev = location.statements[s.index - 1]
            if (s.status === 'removed' && prev) allowed.add(prev.range.endLine)
            // removing the very last lines of a file without a final newline takes the line
            // break before them, which ends the line above
            if (s.status === 'removed' && !text.endsWith('\n'))
              allowed.add(where.range.startLine - 1)
          }
          for (const e of report.edits) {
            const first = lines.position(e.start).line
            const endPos = lines.position(e.end)
            const last = e.end > e.start && endPos.column === 1 ? endPos.line - 1 : endPos.line
            for (let l = first; l <= last; l++) {
              if (!allowed.has(l)) {
                throw new Error(`edit ${JSON.stringify(e)} touches line ${l} of\n${text}`)
              }
            }
          }
          // CRLF stays CRLF, the final newline stays as it was
          if (style.crlf) expect(fixed.replace(/\r\n/g, '')).not.toContain('\n')
          expect(fixed.endsWith('\n')).toBe(text.endsWith('\n'))
          // fixing twice changes nothing
          const second = refineFile({ file, path: file, text: fixed }, options)
          expect(second.fixedText).toBeUndefined()
          expect(second.report?.policies[0]?.status).toBe('unchanged')
        }
      ),
      { numRuns: 400 }
    )
    // most runs must exercise an edit, or the property proves little
    expect(edited).toBeGreaterThan(100)
  })
})

// ---------------------------------------------------------------- Terraform

interface TfStyle {
  form: 'jsonencode' | 'heredoc' | 'heredoc-strip' | 'document' | 'module'
  crlf: boolean
  finalNewline: boolean
  inlineLists: boolean[]
  trailingComma: boolean
  quotedKeys: boolean
  colon: boolean
  comments: boolean
  singleObject: boolean
  dynamic: boolean[]
  inline: boolean
}

const tfStyleArb: fc.Arbitrary<TfStyle> = fc.record({
  form: fc.constantFrom(
    'jsonencode' as const,
    'heredoc' as const,
    'heredoc-strip' as const,
    'document' as const,
    'module' as const
  ),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  inlineLists: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  trailingComma: fc.boolean(),
  quotedKeys: fc.boolean(),
  colon: fc.boolean(),
  comments: fc.boolean(),
  singleObject: fc.boolean(),
  dynamic: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  inline: fc.boolean()
})

function hclList(entries: readonly string[], s: TfStyle, n: number, indent: string): string {
  const items = entries.map(e => JSON.stringify(e))
  if (s.inlineLists[n % 6]) return `[${items.join(', ')}]`
  const lines = items.map((e, m) => {
    const comma = m < items.length - 1 || s.trailingComma ? ',' : ''
    const note = s.comments && m === 0 ? ' # first' : ''
    return `${indent}  ${e}${comma}${note}`
  })
  return `[\n${lines.join('\n')}\n${indent}]`
}

function jsonencodeBody(statements: Statement[], s: TfStyle, base: string): string[] {
  const key = (k: string) => (s.quotedKeys ? JSON.stringify(k) : k)
  const eq = s.colon ? ':' : '='
  const i1 = `${base}  `
  const i2 = `${i1}  `
  const single = s.singleObject && statements.length === 1
  const object = (st: Statement, n: number, indent: string): string[] => {
    const width = Math.max(...Object.keys(st).map(k => key(k).length))
    const lines = Object.entries(st).map(([k, v]) => {
      const pad = ' '.repeat(width - key(k).length)
      const value = Array.isArray(v) ? hclList(v, s, n, `${indent}  `) : JSON.stringify(v)
      return `${indent}  ${key(k)}${pad} ${eq} ${value}`
    })
    return [`${indent}{`, ...lines, `${indent}}`]
  }
  const out = [`${base}jsonencode({`, `${i1}${key('Version')} ${eq} "2012-10-17"`]
  if (s.comments) out.push(`${i1}// generated`)
  if (single) {
    const [first, ...rest] = object(statements[0] as Statement, 0, i1)
    out.push(`${i1}${key('Statement')} ${eq} ${(first as string).trim()}`, ...rest)
  } else {
    out.push(`${i1}${key('Statement')} ${eq} [`)
    statements.forEach((st, n) => {
      const lines = object(st, n, i2)
      const comma = n < statements.length - 1 || s.trailingComma ? ',' : ''
      lines[lines.length - 1] += comma
      out.push(...lines)
    })
    out.push(`${i1}]`)
  }
  out.push(`${base}})`)
  return out
}

function documentBlock(statements: Statement[], s: TfStyle): string[] {
  const out = ['data "aws_iam_policy_document" "app" {']
  statements.forEach((st, n) => {
    if (n > 0) out.push('')
    if (s.comments) out.push(`  # statement ${n + 1}`)
    const dynamic = s.dynamic[n % 6]
    const pad = dynamic ? '      ' : '    '
    if (dynamic) out.push('  dynamic "statement" {', '    for_each = var.buckets', '    content {')
    else out.push('  statement {')
    if (st.Sid) out.push(`${pad}sid       = "${st.Sid}"`)
    out.push(`${pad}effect    = "${st.Effect}"`)
    const entries = Array.isArray(st.Action) ? st.Action : [st.Action]
    out.push(`${pad}actions   = ${hclList(entries, s, n, pad)}`)
    out.push(`${pad}resources = ["*"]`)
    out.push(dynamic ? '    }\n  }' : '  }')
  })
  out.push('}')
  return out.join('\n').split('\n')
}

/** terraform-aws-modules iam-role v6 with `inline_policy_permissions`, the role named exactly. */
function moduleCall(statements: Statement[], s: TfStyle): string[] {
  const out = [
    'module "app" {',
    '  source = "terraform-aws-modules/iam/aws//modules/iam-role"',
    '',
    '  name            = "AppRole"',
    '  use_name_prefix = false',
    '',
    '  create_inline_policy = true',
    '  inline_policy_permissions = {'
  ]
  statements.forEach((st, n) => {
    if (s.comments) out.push(`    # statement ${n + 1}`)
    const entries = Array.isArray(st.Action) ? st.Action : [st.Action]
    out.push(`    S${n} = {`)
    if (st.Sid) out.push(`      sid       = "${st.Sid}"`)
    out.push(`      effect    = "${st.Effect}"`)
    out.push(`      actions   = ${hclList(entries, s, n, '      ')}`)
    out.push('      resources = ["*"]', '    }')
  })
  out.push('  }', '}')
  return out.join('\n').split('\n')
}

function writeTerraform(statements: Statement[], s: TfStyle): string {
  if (s.form === 'module') {
    const eol = s.crlf ? '\r\n' : '\n'
    return moduleCall(statements, s).join(eol) + (s.finalNewline ? eol : '')
  }
  const role = [
    'resource "aws_iam_role" "app" {',
    '  name               = "AppRole"',
    '  assume_role_policy = "{}"'
  ]
  let lines: string[]
  const policy = (value: string[]): string[] => {
    const [first, ...rest] = value
    return [`  policy = ${(first as string).trimStart()}`, ...rest]
  }
  let value: string[]
  if (s.form === 'document') {
    value = ['data.aws_iam_policy_document.app.json']
  } else if (s.form === 'jsonencode') {
    value = jsonencodeBody(statements, s, '  ')
  } else {
    const strip = s.form === 'heredoc-strip'
    const body = jsonPolicy(statements, { ...JSON_STYLE, comments: false }, strip ? '    ' : '')
    value = [strip ? '<<-EOF' : '<<EOF', ...body, strip ? '  EOF' : 'EOF']
  }
  if (s.inline) {
    lines = [
      ...role,
      '',
      '  inline_policy {',
      '    name = "app"',
      ...policy(value).map(l => `  ${l}`),
      '  }',
      '}'
    ]
  } else {
    lines = [
      ...role,
      '}',
      '',
      s.comments ? '# the inline policy' : '',
      'resource "aws_iam_role_policy" "app" {',
      '  name = "app"',
      '  role = aws_iam_role.app.id',
      ...policy(value),
      '}'
    ]
  }
  if (s.form === 'document') lines.push('', ...documentBlock(statements, s))
  const eol = s.crlf ? '\r\n' : '\n'
  return (
    lines
      .join(eol)
      .replace(/\n/g, eol)
      .replace(/\r\r\n/g, '\r\n') + (s.finalNewline ? eol : '')
  )
}

const JSON_STYLE: Style = {
  syntax: 'json',
  template: false,
  indent: 2,
  compact: false,
  crlf: false,
  finalNewline: true,
  inlineLists: [false, true, false, false, true, false],
  quote: 'double',
  seqOffset: 0,
  comments: false,
  singleObject: false
}

describe('fixing generated Terraform', () => {
  let parser: HclParser
  beforeAll(async () => {
    parser = await loadTerraformParser(installedParserFiles())
  })

  it('gives the engine’s refinement, edits only the changed statements’ lines, re-parses, and is idempotent', () => {
    let edited = 0
    fc.assert(
      fc.property(
        fc.array(statementArb, { minLength: 1, maxLength: 4 }),
        unusedArb,
        tfStyleArb,
        (statements, principal, style) => {
          const text = writeTerraform(statements, style)
          const file = 'app/main.tf'
          const formats = (t: string) => ({
            terraform: new TerraformContext(parser, new Map([[file, t]]))
          })
          const options = {
            catalog,
            findings: combineFindings([
              { principals: [principal], notes: [], covered: [], coveredAccounts: [] }
            ]),
            config: EMPTY_CONFIG
          }
          const scan = findPolicies(text, file, formats(text))
          if (scan.status !== 'policies') throw new Error(`${scan.status} ${scan.message}\n${text}`)
          const location = scan.policies[0]
          if (!location) throw new Error(`no policy found in\n${text}`)
          const refinement = refinePolicy(location.document, {
            catalog,
            principals: [principal],
            quota: location.quota
          })
          const outcome = refineFile(
            { file, path: file, text },
            { ...options, formats: formats(text) }
          )
          const report = outcome.report?.policies[0]
          if (!refinement.changed) {
            expect(report?.status).toBe('unchanged')
            expect(outcome.fixedText).toBeUndefined()
            return
          }
          if (refinement.unusedPolicy) {
            expect(report?.status).toBe('unused-policy')
            return
          }
          if (report?.status !== 'refined') {
            throw new Error(`${report?.status}: ${report?.reason}\n${text}`)
          }
          edited++
          const fixed = outcome.fixedText as string
          expect(parseHcl(parser, fixed).ok).toBe(true)
          const again = findPolicies(fixed, file, formats(fixed)).policies[0]
          expect(again?.document).toEqual(refinement.document)
          const lines = new LineIndex(text)
          const allowed = new Set<number>()
          for (const s of refinement.statements) {
            if (s.status !== 'refined' && s.status !== 'removed') continue
            const where = location.statements[s.index]
            if (!where) continue
            for (let l = where.range.startLine; l <= where.range.endLine; l++) allowed.add(l)
            const prev = location.statements[s.index - 1]
            if (s.status === 'removed' && prev) allowed.add(prev.range.endLine)
            // a removed block takes the blank line that set it apart
            if (s.status === 'removed') {
              allowed.add(where.range.startLine - 1)
              allowed.add(where.range.endLine + 1)
            }
            if (s.status === 'removed' && style.comments) allowed.add(where.range.startLine - 1)
          }
          for (const e of report.edits) {
            const first = lines.position(e.start).line
            const endPos = lines.position(e.end)
            const last = e.end > e.start && endPos.column === 1 ? endPos.line - 1 : endPos.line
            for (let l = first; l <= last; l++) {
              if (!allowed.has(l))
                throw new Error(`edit ${JSON.stringify(e)} touches line ${l} of\n${text}`)
            }
          }
          if (style.crlf) expect(fixed.replace(/\r\n/g, '')).not.toContain('\n')
          expect(fixed.endsWith('\n')).toBe(text.endsWith('\n'))
          const second = refineFile(
            { file, path: file, text: fixed },
            { ...options, formats: formats(fixed) }
          )
          expect(second.fixedText).toBeUndefined()
          expect(second.report?.policies[0]?.status).toBe('unchanged')
        }
      ),
      { numRuns: 300 }
    )
    expect(edited).toBeGreaterThan(80)
  })
})
