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
import { LineIndex, parseSource, sharedSchemaTags } from '../src/sources/document/tree.js'
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
/** The shared role the Serverless Framework names for service `app` (stage and region defaults). */
const SERVERLESS_ROLE = 'arn:aws:iam::123456789012:role/app-dev-us-east-1-lambdaRole'

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
  /** In a template: the policy is a branch of a `Fn::If`; in YAML: a serverless.yml's statements. */
  wrap: 'none' | 'if' | 'serverless'
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
  wrap: fc.constantFrom('none' as const, 'if' as const, 'serverless' as const),
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
    if (s.template && s.wrap === 'if') {
      // the long form around the document, the other branch absent
      const i = (n: number) => ' '.repeat(n * s.indent)
      const body = jsonPolicy(statements, s, i(6))
      lines = [
        '{',
        `${i(1)}"Resources": {`,
        `${i(2)}"Policy": {`,
        `${i(3)}"Type": "AWS::IAM::ManagedPolicy",`,
        `${i(3)}"Properties": {`,
        `${i(4)}"Roles": ["AppRole"],`,
        `${i(4)}"PolicyDocument": {`,
        `${i(5)}"Fn::If": [`,
        `${i(6)}"UseIt",`,
        `${i(6)}${(body[0] as string).trimStart()}`,
        ...body.slice(1, -1),
        `${body[body.length - 1] as string},`,
        `${i(6)}{ "Ref": "AWS::NoValue" }`,
        `${i(5)}]`,
        `${i(4)}}`,
        `${i(3)}}`,
        `${i(2)}}`,
        `${i(1)}}`,
        '}'
      ]
      file = 'template.json'
    } else if (s.template) {
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
    if (s.wrap === 'serverless') {
      // the statements list alone, under provider.iam.role.statements
      const list = write(statements, { ...s, singleObject: false }, '      ')
        .filter(l => !l.trimStart().startsWith('Version:'))
        .map(l => l.replace(/^(\s*)Statement:/, '$1statements:'))
      lines = [
        '# generated service',
        'service: app',
        'provider:',
        '  name: aws',
        "  stage: ${opt:stage, 'dev'}",
        '  iam:',
        '    role:',
        ...list,
        'functions:',
        '  run:',
        '    handler: run.handler'
      ]
      file = 'serverless.yml'
    } else if (s.template && s.wrap === 'if') {
      lines = [
        "AWSTemplateFormatVersion: '2010-09-09'",
        'Resources:',
        '  AppRole:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      RoleName: AppRole',
        '      Policies:',
        '        - !If',
        '          - UseIt',
        '          - PolicyName: generated',
        '            PolicyDocument:',
        ...write(statements, s, '              '),
        '          - !Ref AWS::NoValue'
      ]
      file = 'template.yaml'
    } else if (s.template) {
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
        (statements, generated, style) => {
          const { text, file } = writeFile(statements, style)
          const principal =
            file === 'serverless.yml' ? { ...generated, principal: SERVERLESS_ROLE } : generated
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
          // a Fn::If branch is found as such, with the branch it is
          if (style.wrap === 'if' && style.template) {
            expect(location.branches).toEqual([{ condition: 'UseIt', value: true }])
            expect(location.pointer).toContain('["Fn::If"][1]')
          }
          if (file === 'serverless.yml') expect(location.form).toBe('statements')
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

// ---------------------------------------------------------------- Fn::If inside a policy

/** A statement as written: plain, a `Fn::If` between it and nothing, or its Action a `Fn::If`. */
interface Conditional {
  statement: Statement
  wrap: 'plain' | 'statement' | 'action'
  /** For `action`: the other branch's entries. */
  other: string[]
}

const conditionalArb: fc.Arbitrary<Conditional> = fc.record({
  statement: statementArb,
  wrap: fc.constantFrom('plain' as const, 'statement' as const, 'action' as const),
  other: fc.uniqueArray(fc.constantFrom(...ENTRIES), { minLength: 1, maxLength: 3 })
})

function conditionalTemplate(items: Conditional[], syntax: 'yaml' | 'json'): string {
  const list = (v: string | string[]) => (Array.isArray(v) ? v : [v])
  if (syntax === 'json') {
    const statement = (c: Conditional): unknown => {
      if (c.wrap === 'statement') return { 'Fn::If': ['C', c.statement, { Ref: 'AWS::NoValue' }] }
      if (c.wrap === 'action') {
        return { ...c.statement, Action: { 'Fn::If': ['C', list(c.statement.Action), c.other] } }
      }
      return c.statement
    }
    const doc = {
      Resources: {
        AppRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            RoleName: 'AppRole',
            Policies: [
              {
                PolicyName: 'generated',
                PolicyDocument: { Version: '2012-10-17', Statement: items.map(statement) }
              }
            ]
          }
        }
      }
    }
    return `${JSON.stringify(doc, null, 2)}\n`
  }
  const lines = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  AppRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      RoleName: AppRole',
    '      Policies:',
    '        - PolicyName: generated',
    '          PolicyDocument:',
    "            Version: '2012-10-17'",
    '            Statement:'
  ]
  const q = (e: string) => (/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/.test(e) ? e : `'${e}'`)
  const body = (st: Statement, pad: string, action: string[]): string[] => [
    ...(st.Sid ? [`${pad}Sid: ${st.Sid}`] : []),
    `${pad}Effect: ${st.Effect}`,
    `${pad}Action:`,
    ...action.map(e => `${pad}  - ${q(e)}`),
    `${pad}Resource: '*'`
  ]
  for (const c of items) {
    const action = list(c.statement.Action)
    if (c.wrap === 'statement') {
      lines.push('              - !If', '                - C')
      const b = body(c.statement, '                  ', action)
      lines.push(`                - ${(b[0] as string).trimStart()}`, ...b.slice(1))
      lines.push('                - !Ref AWS::NoValue')
    } else if (c.wrap === 'action') {
      const b = body(c.statement, '                ', action).filter(
        l => !l.trimStart().startsWith('Action:') && !l.trimStart().startsWith('- ')
      )
      lines.push(`              - ${(b[0] as string).trimStart()}`, ...b.slice(1))
      lines.push(
        `                Action: !If [C, [${action.map(q).join(', ')}], [${c.other.map(q).join(', ')}]]`
      )
    } else {
      const b = body(c.statement, '                ', action)
      lines.push(`              - ${(b[0] as string).trimStart()}`, ...b.slice(1))
    }
  }
  return `${lines.join('\n')}\n`
}

describe('fixing Fn::If branches inside a policy', () => {
  it('refines every branch as its own location, exactly, without touching the others', () => {
    let branchesEdited = 0
    let movedEdited = 0
    fc.assert(
      fc.property(
        fc.array(conditionalArb, { minLength: 1, maxLength: 4 }),
        unusedArb,
        fc.constantFrom('yaml' as const, 'json' as const),
        (items, principal, syntax) => {
          const text = conditionalTemplate(items, syntax)
          const file = syntax === 'json' ? 'template.json' : 'template.yaml'
          const options = {
            catalog,
            findings: combineFindings([
              { principals: [principal], notes: [], covered: [], coveredAccounts: [] }
            ]),
            config: EMPTY_CONFIG
          }
          const scan = findPolicies(text, file)
          // one location for the policy, one per branch that is not AWS::NoValue
          const branchCount = items.reduce(
            (n, c) => n + (c.wrap === 'statement' ? 1 : c.wrap === 'action' ? 2 : 0),
            0
          )
          expect(scan.policies).toHaveLength(1 + branchCount)
          for (const p of scan.policies.slice(1)) {
            expect(p.branches?.[0]?.condition).toBe('C')
            expect(p.pointer).toMatch(/\["Fn::If"\]\[[12]\]$/)
          }
          const outcome = refineFile({ file, path: file, text }, options)
          const reports = outcome.report?.policies ?? []
          const fixed = outcome.fixedText ?? text
          const again = findPolicies(fixed, file).policies
          // a statement the policy loses moves the branches after it one place up
          const removed =
            reports[0]?.status === 'refined'
              ? reports[0].statements.filter(st => st.status === 'removed').map(st => st.index)
              : []
          const at = (pointer: string) => {
            const moved = pointer.replace(
              /^(.*PolicyDocument\.Statement\[)(\d+)\]/,
              (_, head, k) => {
                const n = Number(k)
                return `${head}${n - removed.filter(r => r < n).length}]`
              }
            )
            return again.find(p => p.pointer === moved)
          }
          scan.policies.forEach((location, i) => {
            const report = reports[i]
            const refinement = refinePolicy(location.document, {
              catalog,
              principals: [principal],
              quota: location.quota
            })
            const read = at(location.pointer)
            if (report?.status === 'refined') {
              expect(read).toBeDefined()
              if (location.branches) {
                branchesEdited++
                if (removed.length > 0) movedEdited++
                // each branch reads back as its own refinement
                expect(read?.document).toEqual(refinement.document)
              } else {
                // the policy around branches holds its own statements refined; its If items
                // are the branches' business
                const plain = (d: unknown) =>
                  (d as { Statement: Record<string, unknown>[] }).Statement.filter(
                    s =>
                      !('Fn::If' in s) &&
                      !(s.Action && typeof s.Action === 'object' && 'Fn::If' in s.Action)
                  )
                expect(plain(read?.document)).toEqual(plain(refinement.document))
              }
            } else if (location.branches && read && outcome.fixedText !== undefined) {
              // a branch that is not edited stays as it was
              expect(read.document).toEqual(location.document)
            }
            // never merged: a statement or Action branch is refined as one statement alone
            if (location.form === 'action' || location.form === 'statement') {
              expect((location.document as { Statement: unknown }).Statement).not.toBeInstanceOf(
                Array
              )
            }
          })
          // fixing twice changes nothing
          if (outcome.fixedText !== undefined) {
            const second = refineFile({ file, path: file, text: fixed }, options)
            expect(second.fixedText).toBeUndefined()
          }
        }
      ),
      { numRuns: 300 }
    )
    expect(branchesEdited).toBeGreaterThan(30)
    // branches edited in the same fix as a statement removed before them, at their new place
    expect(movedEdited).toBeGreaterThan(0)
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
  wrap: 'none',
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

describe('YAML parsed with the shared schema (src/sources/document/tree.ts, CFN_SCHEMA)', () => {
  // A directive line sends a file through yaml's own path, which builds a schema for that document
  // alone: `%YAML 1.2` in front of a text is the control, the same text parsed with a schema of its
  // own. yaml adds known tags (`!!binary`, `!!set`, ...) to a schema as a document meets them, so a
  // document that follows one using them must still parse as if it came first.
  const scalar = fc.oneof(
    fc.constantFrom(
      'Allow',
      'yes',
      'null',
      '~',
      '0x1F',
      '1e3',
      '.inf',
      "'*'",
      '"a\\tb"',
      '2001-12-14'
    ),
    fc.stringMatching(/^[a-z][a-z0-9:*]{0,8}$/)
  )
  const tagged = fc.tuple(
    fc.constantFrom('', '!Ref ', '!Sub ', '!!str ', '!!binary ', '!!timestamp ', '!Unknown '),
    scalar
  )
  const line = fc.oneof(
    tagged.map(([tag, v]) => `key: ${tag}${v}`),
    tagged.map(([tag, v]) => `list: [${tag}${v}, b]`),
    fc.constantFrom(
      'set: !!set {a, b}',
      'pairs: !!pairs [a: 1]',
      'omap: !!omap [a: 1, b: 2]',
      'seq: !GetAtt [Role, Arn]',
      'map: !If {a: b}',
      'bad: !!set [a]',
      'anchor: &x {a: 1}',
      'alias: *x'
    )
  )
  const doc = fc
    .uniqueArray(line, { minLength: 1, maxLength: 6, selector: l => l.split(':')[0] })
    .map(lines => `${lines.join('\n')}\n`)
  const plain = (outcome: ReturnType<typeof parseSource>, shift: number): unknown =>
    outcome.ok
      ? JSON.parse(
          JSON.stringify(outcome.tree.root, (key, value: unknown) =>
            key === 'target'
              ? undefined
              : typeof value === 'number' && /^(start|end|keyStart|keyEnd)$/.test(key)
                ? value - shift
                : value
          )
        )
      : { message: outcome.message, offset: outcome.offset - shift }

  it('gives each document the tree a schema of its own gives, whatever came before', () => {
    const prefix = '%YAML 1.2\n---\n'
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 4 }), docs => {
        const tags = sharedSchemaTags()
        for (const text of docs) {
          expect(plain(parseSource(text, 'yaml'), 0)).toEqual(
            plain(parseSource(prefix + text, 'yaml'), prefix.length)
          )
          // what a document added to the schema went with it
          expect(sharedSchemaTags()).toBe(tags)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('control: the comparison sees a difference the schema makes', () => {
    // YAML 1.1 reads `yes` as true, 1.2 as a string: the same comparison tells them apart.
    expect(plain(parseSource('key: yes\n', 'yaml'), 0)).not.toEqual(
      plain(parseSource('%YAML 1.1\n---\nkey: yes\n', 'yaml'), 14)
    )
  })
})
