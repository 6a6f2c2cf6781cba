import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseCatalog } from '../src/engine/catalog.js'
import { ConfigurationError } from '../src/engine/errors.js'
import { refinePolicy } from '../src/engine/refine.js'
import type { PrincipalUnused } from '../src/engine/unused.js'
import { combineFindings } from '../src/findings/select.js'
import { unifiedDiff } from '../src/report/diff.js'
import { EMPTY_CONFIG, parseConfig, type IamRefineConfig } from '../src/sources/config.js'
import { findPolicies, scanFile, type ScannedFile } from '../src/sources/format.js'
import type { PolicyLocation } from '../src/sources/model.js'
import { mapPrincipals } from '../src/sources/principals.js'
import { withholdPolicies } from '../src/sources/proof.js'
import { refineFile, refineScan } from '../src/sources/scan.js'
import { applyEdits } from '../src/sources/text-edit.js'
import { nestingDepth, parseSource } from '../src/sources/document/tree.js'

const catalog = parseCatalog(
  JSON.parse(readFileSync('__tests__/fixtures/repo/catalog.json', 'utf8')),
  'catalog.json'
)
const ROLE = 'arn:aws:iam::123456789012:role/AppRole'

/** A principal's unused access from `service: [actions]` (`null`: the whole service). */
function unused(services: Record<string, string[] | null>, principal = ROLE): PrincipalUnused {
  return {
    principal,
    wholePrincipal: false,
    services: Object.entries(services).map(([service, actions]) =>
      actions ? { service, actions: actions.map(action => ({ action })) } : { service }
    ),
    sources: ['test']
  }
}

function only(text: string, file = 'policy.json'): PolicyLocation {
  const scan = findPolicies(text, file)
  expect(scan.status).toBe('policies')
  expect(scan.policies).toHaveLength(1)
  return scan.policies[0] as PolicyLocation
}

/** Refines the one policy of a text and applies its proven edits (or returns the refusal). */
function fix(
  text: string,
  services: Record<string, string[] | null>,
  file = 'policy.json'
): string {
  const location = only(text, file)
  const refinement = refinePolicy(location.document, {
    catalog,
    principals: [unused(services)],
    quota: location.quota
  })
  const scanned = scanFile(text, file)
  const rendered = scanned.render(location, refinement)
  if ('refused' in rendered) return `REFUSED: ${rendered.refused}`
  const problem = scanned.prove([{ location, document: refinement.document }], rendered.edits)
  if (problem !== undefined) return `REFUSED: ${problem}`
  return applyEdits(text, rendered.edits)
}

describe('finding policies by content', () => {
  it('finds a whole-file JSON policy, with statement and Action ranges', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}\n'
    const p = only(text)
    expect(p).toMatchObject({ kind: 'json-policy', pointer: '', statementForm: 'list' })
    expect(p.quota.limit).toBe(6144)
    const s = p.statements[0]
    expect(text.slice(s?.range.start, s?.range.end)).toBe(
      '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'
    )
    expect(s?.action?.form).toBe('string')
    expect(text.slice(s?.action?.range.start, s?.action?.range.end)).toBe('"s3:GetObject"')
    expect(s?.range).toMatchObject({ startLine: 4, startColumn: 5 })
  })

  it('finds nested policy documents and ignores JSON that is not a policy', () => {
    const nested = JSON.stringify({
      PolicyVersion: {
        Document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]
        }
      }
    })
    expect(only(nested).pointer).toBe('PolicyVersion.Document')
    expect(findPolicies('{"title": "Statement of work"}', 'a.json').status).toBe('none')
    expect(findPolicies('{"a": 1}', 'a.json').status).toBe('none')
    expect(findPolicies('{ "broken": ', 'a.json').status).toBe('none')
    expect(findPolicies('key: [unclosed', 'a.yaml').status).toBe('none')
  })

  it('reports a malformed file that looks like a policy, with its line and column', () => {
    const scan = findPolicies(
      '{\n  "Statement": [\n    {"Effect": "Allow",, }\n  ]\n}\n',
      'bad.json'
    )
    expect(scan).toMatchObject({ status: 'malformed', line: 3, column: 24 })
    expect(scan.message).toContain('is not valid JSON')
    const yaml = findPolicies(
      'AWSTemplateFormatVersion: x\nResources:\n  R:\n    Type: AWS::IAM::Role\n   Properties: {Statement: [}\n',
      't.yaml'
    )
    expect(yaml.status).toBe('malformed')
    expect(yaml.line).toBeGreaterThan(1)
  })

  it('never refines trust and resource policies', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }]
    })
    const scan = findPolicies(text, 'bucket-policy.json')
    expect(scan.policies).toHaveLength(0)
    expect(scan.notes[0]?.message).toContain('resource or trust policy')
  })

  const template = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Policies: [AWSLambdaBasicExecutionRole]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: AppRole
      Path: /app/
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Version: 2012-10-17
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: !GetAtt Bucket.Arn
        - PolicyName: computed
          PolicyDocument: !Sub '{"Statement": []}'
  Generated:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: []}
  Shared:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: shared
      Roles: [!Ref Role, !Ref Generated, LiteralRole, !ImportValue Other, !Ref FnRole]
      Users: [ci]
      PolicyDocument:
        Statement:
          Effect: Allow
          Action: [sqs:SendMessage]
          Resource: '*'
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Groups: [Admins]
      PolicyDocument:
        Version: 2012-10-17
        Statement: [{Effect: Allow, Action: !If [C, 's3:*', 's3:Get*'], Resource: '*'}]
  Inline:
    Type: AWS::IAM::RolePolicy
    Properties:
      RoleName: !Ref Role
      PolicyName: rp
      PolicyDocument: {Statement: [{Effect: Allow, Action: 'logs:*', Resource: '*'}]}
  Bucket:
    Type: AWS::S3::Bucket
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      PolicyDocument: {Statement: [{Effect: Allow, Principal: '*', Action: 's3:*', Resource: '*'}]}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        Statement:
          - Effect: Allow
            Action: dynamodb:GetItem
            Resource: '*'
  WithRole:
    Type: AWS::Serverless::Function
    Properties:
      Role: !GetAtt Role.Arn
      Policies: [{Statement: [{Effect: Allow, Action: 's3:*', Resource: '*'}]}]
`

  it('finds every IAM policy of a CloudFormation/SAM template, with kinds, quotas and attachments', () => {
    const scan = findPolicies(template, 'template.yaml')
    expect(scan.template).toBe(true)
    const byPointer = new Map(scan.policies.map(p => [p.pointer, p]))
    expect([...byPointer.keys()]).toEqual([
      'Resources.Role.Properties.Policies[0].PolicyDocument',
      'Resources.Shared.Properties.PolicyDocument',
      'Resources.Managed.Properties.PolicyDocument',
      'Resources.Managed.Properties.PolicyDocument.Statement[0].Action["Fn::If"][1]',
      'Resources.Managed.Properties.PolicyDocument.Statement[0].Action["Fn::If"][2]',
      'Resources.Inline.Properties.PolicyDocument',
      'Resources.Fn.Properties.Policies'
    ])
    const role = byPointer.get('Resources.Role.Properties.Policies[0].PolicyDocument')
    expect(role).toMatchObject({
      kind: 'cfn-role-inline',
      policyName: 'inline',
      resource: { logicalId: 'Role', type: 'AWS::IAM::Role' },
      attachments: [{ type: 'role', logicalId: 'Role', name: 'AppRole', path: '/app/' }]
    })
    expect(role?.quota.limit).toBe(10240)
    // short forms become long forms; the date-looking Version stays a string
    expect(role?.document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::GetAtt': ['Bucket', 'Arn'] } }
      ]
    })
    const shared = byPointer.get('Resources.Shared.Properties.PolicyDocument')
    expect(shared?.kind).toBe('cfn-policy')
    expect(shared?.statementForm).toBe('object')
    expect(shared?.quota.limit).toBe(2048) // attached to a user: the smallest quota applies
    expect(shared?.attachments).toEqual([
      { type: 'role', logicalId: 'Role', name: 'AppRole', path: '/app/' },
      { type: 'role', logicalId: 'Generated' },
      { type: 'role', name: 'LiteralRole' },
      { type: 'role', unresolved: 'a role is given by !ImportValue' },
      { type: 'role', logicalId: 'FnRole', samResource: 'Fn' },
      { type: 'user', name: 'ci' }
    ])
    const managed = byPointer.get('Resources.Managed.Properties.PolicyDocument')
    expect(managed).toMatchObject({
      kind: 'cfn-managed-policy',
      attachments: [{ type: 'group', name: 'Admins' }]
    })
    expect(managed?.quota.limit).toBe(6144)
    expect(managed?.statements[0]?.notEditable).toBe(
      'Action is a Fn::If on C: each branch is refined as its own location'
    )
    expect(byPointer.get('Resources.Inline.Properties.PolicyDocument')).toMatchObject({
      kind: 'cfn-role-policy',
      attachments: [{ type: 'role', logicalId: 'Role', name: 'AppRole' }]
    })
    expect(byPointer.get('Resources.Fn.Properties.Policies')).toMatchObject({
      kind: 'sam-function',
      attachments: [{ type: 'role', logicalId: 'FnRole', samResource: 'Fn' }]
    })
    const notes = scan.notes.map(n => `${n.line}: ${n.message}`)
    expect(notes).toEqual([
      '5: SAM Globals Policies apply to every function; not refined',
      '24: the policy document is given by !Sub, not a literal; not checked',
      '71: WithRole has a Role, so SAM ignores its Policies; not refined'
    ])
  })

  it('reads CloudFormation JSON with intrinsic functions as objects', () => {
    const text = JSON.stringify(
      {
        Resources: {
          P: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: {
              Roles: [{ Ref: 'R' }],
              PolicyDocument: {
                Statement: [
                  { Effect: 'Allow', Action: { 'Fn::If': ['C', 's3:*', 's3:Get*'] }, Resource: '*' }
                ]
              }
            }
          },
          R: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'Named' } }
        }
      },
      null,
      2
    )
    const [p, whenTrue, whenFalse] = findPolicies(text, 't.json').policies
    expect(p?.attachments).toEqual([{ type: 'role', logicalId: 'R', name: 'Named' }])
    expect(p?.statements[0]?.notEditable).toBe(
      'Action is a Fn::If on C: each branch is refined as its own location'
    )
    // each branch of the long-form Fn::If is a location of its own, for the same role
    expect([whenTrue, whenFalse].map(b => [b?.pointer, b?.form, b?.branches, b?.document])).toEqual(
      [
        [
          'Resources.P.Properties.PolicyDocument.Statement[0].Action["Fn::If"][1]',
          'action',
          [{ condition: 'C', value: true }],
          { Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } }
        ],
        [
          'Resources.P.Properties.PolicyDocument.Statement[0].Action["Fn::If"][2]',
          'action',
          [{ condition: 'C', value: false }],
          { Statement: { Effect: 'Allow', Action: 's3:Get*', Resource: '*' } }
        ]
      ]
    )
    expect(whenFalse?.attachments).toEqual(p?.attachments)
  })

  it('marks policies that use YAML anchors or aliases as not editable', () => {
    const text = `x: &actions [s3:GetObject, s3:PutObject]
Statement:
  - Effect: Allow
    Action: *actions
    Resource: '*'
`
    const p = only(text, 'p.yaml')
    expect(p.notEditable).toEqual(['it uses YAML anchors or aliases'])
    expect(p.statements[0]?.notEditable).toBe('Action is the YAML alias *actions')
    expect(fix(text, { s3: ['PutObject'] }, 'p.yaml')).toBe(
      'REFUSED: it uses YAML anchors or aliases'
    )
  })

  it('refuses alias bombs, deep nesting and NUL bytes without parsing them whole', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 12; i++) {
      bomb.push(
        `${'a'.repeat(i + 1)}: &${'a'.repeat(i + 1)} [${Array(10)
          .fill(`*${'a'.repeat(i)}`)
          .join(', ')}]`
      )
    }
    bomb.push('Statement:', '  - Effect: Allow', `    Action: *${'a'.repeat(12)}`)
    const started = Date.now()
    expect(findPolicies(bomb.join('\n'), 'bomb.yaml')).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('alias bomb')
    })
    expect(Date.now() - started).toBeLessThan(15000)
    expect(
      findPolicies(`{"Effect": "Allow", "Statement": ${'['.repeat(100_000)}`, 'd.json')
    ).toMatchObject({
      status: 'skipped'
    })
    expect(findPolicies(`Statement:\n  Effect: ${'{a: '.repeat(100_000)}`, 'd.yaml')).toMatchObject(
      { status: 'skipped' }
    )
    expect(
      findPolicies(`Statement:\n  Effect:\n${'- '.repeat(100_000)}x\n`, 'd.yaml')
    ).toMatchObject({ status: 'skipped' })
    expect(findPolicies('{"Statement": []}\u0000', 'n.json')).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('NUL')
    })
    expect(nestingDepth('{"a": "[[[[[[", "b": [1, [2]]} // [[[[', 'json', 10)).toBe(3)
    expect(nestingDepth("a:\n  b: '[[[['\n  c:\n    - - [x] # [[[[\n", 'yaml', 50)).toBe(5)
  })

  it('keeps __proto__ an ordinary key', () => {
    const p = only(
      '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "__proto__": {"x": 1}}]}'
    )
    const statement = (p.document as { Statement: Record<string, unknown>[] })
      .Statement[0] as object
    expect(Object.getPrototypeOf(statement)).toBe(Object.prototype)
    expect(Object.keys(statement)).toContain('__proto__')
  })
})

describe('names CloudFormation computes to a constant (a pull request must not unmap its role)', () => {
  const role = (name: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ${name}
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: '*'
`
  const attached = (name: string) => findPolicies(role(name), 't.yaml').policies[0]?.attachments[0]

  it.each([
    ['AppRole', 'AppRole'],
    ['!Sub AppRole', 'AppRole'],
    ["!Sub 'App${!Literal}Role'", 'App${Literal}Role'],
    ['{ "Fn::Sub": AppRole }', 'AppRole'],
    ['!Sub [AppRole, {}]', 'AppRole'],
    ["!Join ['-', [app, role]]", 'app-role'],
    ["!Join ['', [!Sub App, Role]]", 'AppRole'],
    ['{ "Fn::Join": ["-", [a, !Sub b]] }', 'a-b']
  ])('%s is the name %s', (written, name) => {
    expect(attached(written)).toMatchObject({ type: 'role', name })
  })

  it.each([
    "!Sub '${AWS::StackName}-app'",
    '!Sub [ "${X}-app", { X: a } ]',
    "!Join ['-', [!Ref Env, app]]",
    '!Ref RoleNameParameter'
  ])('%s stays unresolved, never guessed', written => {
    expect(attached(written)).toMatchObject({ unresolved: expect.any(String) })
  })
})

describe('escaped keys still name a policy', () => {
  it('finds a policy whose Statement key is written with escapes, in JSON and YAML', () => {
    const json =
      '{"Version": "2012-10-17", "Statem\\u0065nt": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}'
    expect(json).not.toContain('Statement')
    expect(findPolicies(json, 'p.json').policies).toHaveLength(1)
    const yaml =
      'Version: "2012-10-17"\n"Statem\\x65nt":\n  - Effect: Allow\n    Action: s3:GetObject\n    Resource: "*"\n'
    expect(findPolicies(yaml, 'p.yaml').policies).toHaveLength(1)
    // Broken, with escapes: reported as malformed rather than passed over.
    expect(findPolicies('{"Statem\\u0065nt": [', 'p.json').status).toBe('malformed')
    // YAML's other spellings: an eight-digit escape, and an escaped line break that joins the
    // word's two halves (in an explicit key, `? ...`). Each reads as a policy, and broken (a
    // duplicate key, which yaml refuses and CloudFormation may accept) is reported rather than
    // passed over.
    for (const key of ['"Statem\\U00000065nt"', '? "Statem\\\n  ent"\n']) {
      const text = `Version: "2012-10-17"\n${key}:\n  - {Effect: Allow, Action: s3:GetObject, Resource: "*"}\n`
      expect(text).not.toContain('Statement')
      expect(findPolicies(text, 'p.yaml').policies).toHaveLength(1)
      expect(findPolicies(`${text}Version: again\n`, 'p.yaml').status).toBe('malformed')
    }
    // A broken template that grants access by a managed policy alone is reported too.
    const managed =
      'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess\n'
    expect(findPolicies(managed, 't.yaml').status).toBe('malformed')
    // A broken file with a backslash but no such escape is still not taken for a policy.
    expect(findPolicies('a: "C:\\\\dir"\nb: [\n', 'values.yaml').status).toBe('none')
  })
})

describe('rendering edits in the file’s own style', () => {
  it('JSON, one entry per line: deletes whole lines, and the comma of a new last entry', () => {
    const text =
      '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "s3:PutObject",\n        "s3:GetObject",\n        "s3:DeleteObject"\n      ],\n      "Resource": "*"\n    }\n  ]\n}\n'
    expect(fix(text, { s3: ['PutObject', 'DeleteObject'] })).toBe(
      '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "s3:GetObject"\n      ],\n      "Resource": "*"\n    }\n  ]\n}\n'
    )
  })

  it('JSON: a replaced entry becomes several, one per line, at its indentation', () => {
    const text =
      '{"Statement": [{"Effect": "Allow", "Resource": "*", "Action": [\n    "sqs:*",\n    "s3:GetObject"\n]}]}'
    expect(fix(text, { sqs: ['PurgeQueue', 'DeleteMessage'] })).toBe(
      '{"Statement": [{"Effect": "Allow", "Resource": "*", "Action": [\n    "sqs:Get*",\n    "sqs:ReceiveMessage",\n    "sqs:SendMessage",\n    "s3:GetObject"\n]}]}'
    )
  })

  it('JSON: refuses to drop a comment inside a one-line list', () => {
    const text =
      '{"Statement": [{"Effect": "Allow", "Action": ["s3:PutObject", /* keep */ "s3:GetObject"], "Resource": "*"}]}'
    expect(fix(text, { s3: ['PutObject'] })).toMatch(
      /^REFUSED: cannot edit safely: a comment inside the list/
    )
  })

  it('JSON: removes a first statement with its lines, and keeps comments elsewhere', () => {
    const text =
      '{\n  // policy\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "ec2:RunInstances",\n      "Resource": "*"\n    },\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"} // reads\n  ]\n}'
    expect(fix(text, { ec2: null })).toBe(
      '{\n  // policy\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"} // reads\n  ]\n}'
    )
  })

  it('YAML block: a string Action becomes a block list in the file’s indentation', () => {
    const text =
      'Resource: x\nList:\n- a\nStatement:\n- Effect: Allow\n  Action: "logs:*"   # logging\n  Resource: "*"\n'
    expect(fix(text, { logs: ['DescribeLogGroups'] }, 'p.yaml')).toBe(
      'Resource: x\nList:\n- a\nStatement:\n- Effect: Allow\n  Action:\n  - "logs:Create*"\n  - "logs:PutLogEvents"   # logging\n  Resource: "*"\n'
    )
  })

  it('YAML block with CRLF: new lines use CRLF, quoting follows the replaced entry', () => {
    const text =
      "Statement:\r\n  - Effect: Allow\r\n    Action:\r\n      - 'sqs:*'\r\n      - s3:GetObject\r\n    Resource: '*'\r\n"
    expect(fix(text, { sqs: ['PurgeQueue', 'DeleteMessage'] }, 'p.yaml')).toBe(
      "Statement:\r\n  - Effect: Allow\r\n    Action:\r\n      - 'sqs:Get*'\r\n      - 'sqs:ReceiveMessage'\r\n      - 'sqs:SendMessage'\r\n      - s3:GetObject\r\n    Resource: '*'\r\n"
    )
  })

  it('YAML: removes the last statement of a file without a final newline', () => {
    const text =
      'Statement:\n  - Effect: Allow\n    Action: s3:GetObject\n    Resource: "*"\n  - Effect: Allow\n    Action: ec2:RunInstances\n    Resource: "*"'
    expect(fix(text, { ec2: null }, 'p.yaml')).toBe(
      'Statement:\n  - Effect: Allow\n    Action: s3:GetObject\n    Resource: "*"'
    )
  })

  it('YAML flow: entries and statements go with their commas', () => {
    const text =
      'Statement: [{Effect: Allow, Action: [s3:PutObject, s3:GetObject], Resource: "*"}, {Effect: Allow, Action: ec2:RunInstances, Resource: "*"}]\n'
    expect(fix(text, { s3: ['PutObject'], ec2: null }, 'p.yaml')).toBe(
      'Statement: [{Effect: Allow, Action: [s3:GetObject], Resource: "*"}]\n'
    )
    const single = 'Statement: {Effect: Allow, Action: logs:*, Resource: "*"}\n'
    expect(fix(single, { logs: ['DescribeLogGroups'] }, 'p.yaml')).toBe(
      'Statement: {Effect: Allow, Action: [logs:Create*, logs:PutLogEvents], Resource: "*"}\n'
    )
  })

  it('keeps a byte-order mark, and reads flow YAML that starts with a brace as YAML', () => {
    const bom =
      '\ufeff{"Statement": [{"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"], "Resource": "*"}]}'
    expect(fix(bom, { s3: ['PutObject'] })).toBe(
      '\ufeff{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]}'
    )
    const flow =
      '{Statement: [{Effect: Allow, Action: [s3:PutObject, s3:GetObject], Resource: "*"}]}\n'
    expect(only(flow, 'p.yaml').syntax).toBe('yaml')
    expect(fix(flow, { s3: ['PutObject'] }, 'p.yaml')).toBe(
      '{Statement: [{Effect: Allow, Action: [s3:GetObject], Resource: "*"}]}\n'
    )
  })

  it('gives no edit for an unused policy, and says to detach or delete it', () => {
    const text =
      '{"Statement": [{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"}]}'
    expect(fix(text, { ec2: null })).toBe(
      'REFUSED: no statement is left: detach or delete the policy rather than keep an empty one'
    )
  })

  it('edits several policies of one template together', () => {
    const text = `Resources:
  A:
    Type: AWS::IAM::Role
    Properties:
      RoleName: AppRole
      Policies:
        - PolicyName: one
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: [s3:GetObject, s3:PutObject], Resource: '*'}
        - PolicyName: two
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:PutObject
                Resource: '*'
              - Effect: Allow
                Action: s3:GetObject
                Resource: '*'
`
    const out = refineFile(
      { file: 't.yaml', path: 't.yaml', text },
      {
        catalog,
        findings: combineFindings([
          {
            principals: [unused({ s3: ['PutObject'] })],
            notes: [],
            covered: [],
            coveredAccounts: []
          }
        ]),
        config: EMPTY_CONFIG
      }
    )
    expect(out.report?.policies.map(p => p.status)).toEqual(['refined', 'refined'])
    expect(out.fixedText).toBe(`Resources:
  A:
    Type: AWS::IAM::Role
    Properties:
      RoleName: AppRole
      Policies:
        - PolicyName: one
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: [s3:GetObject], Resource: '*'}
        - PolicyName: two
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: '*'
`)
  })
})

describe('proving the edits of a file', () => {
  // Three policies of one role, each with an unused action to remove.
  const text = `Resources:
  A:
    Type: AWS::IAM::Role
    Properties:
      RoleName: AppRole
      Policies:
        - PolicyName: one
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: [s3:GetObject, s3:PutObject], Resource: '*'}
        - PolicyName: two
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: [s3:PutObject, s3:ListBucket], Resource: '*'}
        - PolicyName: three
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: [s3:DeleteObject, s3:PutObject], Resource: '*'}
`
  const pointer = (n: number) => `Resources.A.Properties.Policies[${n}].PolicyDocument`
  const [ONE, TWO, THREE] = [pointer(0), pointer(1), pointer(2)]
  const options = {
    catalog,
    findings: combineFindings([
      { principals: [unused({ s3: ['PutObject'] })], notes: [], covered: [], coveredAccounts: [] }
    ]),
    config: EMPTY_CONFIG
  }
  const input = { file: 't.yaml', path: 't.yaml', text }
  /** The file as its format scanned it, with each proof it is asked for recorded (by pointer). */
  const recorded = (refuse: (pointers: string[]) => string | undefined = () => undefined) => {
    const scanned = scanFile(text, 't.yaml')
    const proofs: string[][] = []
    const file: ScannedFile = {
      ...scanned,
      prove: (changes, edits) => {
        const pointers = changes.map(c => c.location.pointer)
        proofs.push(pointers)
        return refuse(pointers) ?? scanned.prove(changes, edits)
      }
    }
    return { file, proofs }
  }
  const statuses = (out: ReturnType<typeof refineScan>) =>
    out.report?.policies.map(p => [p.status, p.reason])

  it('proves the edits of every policy with one re-parse of the file', () => {
    const { file, proofs } = recorded()
    const out = refineScan(input, file, options)
    expect(proofs).toEqual([[ONE, TWO, THREE]])
    expect(statuses(out)).toEqual([
      ['refined', undefined],
      ['refined', undefined],
      ['refined', undefined]
    ])
    expect(out.fixedText).toBe(text.replace(/s3:PutObject, |, s3:PutObject/g, ''))
    // the same as refineFile, which scans the file itself
    expect(refineFile(input, options)).toEqual({ ...out, prove: expect.any(Function) })
  })

  it('tells which policy fails when the file’s proof does, and keeps the others’ edits', () => {
    const { file, proofs } = recorded(p =>
      p.includes(TWO)
        ? 'cannot edit safely: the edited policy would not equal the refinement'
        : undefined
    )
    const out = refineScan(input, file, options)
    expect(proofs).toEqual([[ONE, TWO, THREE], [ONE], [TWO], [THREE], [ONE, THREE]])
    expect(statuses(out)).toEqual([
      ['refined', undefined],
      ['not-editable', 'cannot edit safely: the edited policy would not equal the refinement'],
      ['refined', undefined]
    ])
    // reported as a refusal of the policy's own edits always was: the reason before the edits
    expect(Object.keys(out.report!.policies[1]!).slice(-3)).toEqual(['status', 'reason', 'edits'])
    expect(out.report?.policies[1]?.edits).toEqual([])
    expect(out.fixedText).toBe(
      text
        .replace('[s3:GetObject, s3:PutObject]', '[s3:GetObject]')
        .replace('[s3:DeleteObject, s3:PutObject]', '[s3:DeleteObject]')
    )
  })

  it('withholds every edit when the policies pass alone but fail together', () => {
    const together =
      'cannot edit safely: the edits would change something outside the refined statements'
    const { file, proofs } = recorded(p => (p.length > 1 ? together : undefined))
    const out = refineScan(input, file, options)
    expect(proofs).toEqual([[ONE, TWO, THREE], [ONE], [TWO], [THREE]])
    expect(statuses(out)).toEqual([
      ['not-editable', together],
      ['not-editable', together],
      ['not-editable', together]
    ])
    expect(out.fixedText).toBeUndefined()
    expect(out.report?.edits).toEqual([])
    expect(out.policies?.every(p => p.edits.length === 0)).toBe(true)
  })

  it('refuses the one policy edited when its proof fails', () => {
    const one = text.slice(0, text.indexOf('        - PolicyName: two'))
    const scanned = scanFile(one, 't.yaml')
    const file: ScannedFile = { ...scanned, prove: () => 'cannot edit safely: no' }
    const out = refineScan({ ...input, text: one }, file, options)
    expect(statuses(out)).toEqual([['not-editable', 'cannot edit safely: no']])
    expect(out.fixedText).toBeUndefined()
  })

  it('proves the edits left when a refinement is withheld, without the withheld ones', () => {
    const out = refineFile(input, options)
    const withhold = (o: typeof out) =>
      withholdPolicies(text, o, p => (p.location.pointer === TWO ? 'withheld' : undefined))
    const kept = withhold(out)
    expect(statuses(kept)).toEqual([
      ['refined', undefined],
      ['not-editable', 'withheld'],
      ['refined', undefined]
    ])
    expect(kept.fixedText).toBe(
      text
        .replace('[s3:GetObject, s3:PutObject]', '[s3:GetObject]')
        .replace('[s3:DeleteObject, s3:PutObject]', '[s3:DeleteObject]')
    )
    // The edits left are proven again, alone: when that fails, they are withheld too.
    const asked: string[][] = []
    const failing = withhold({
      ...out,
      prove: policies => {
        asked.push(policies.map(p => p.location.pointer))
        return 'cannot edit safely: not without the other'
      }
    })
    expect(asked).toEqual([[ONE, THREE]])
    expect(statuses(failing)).toEqual([
      ['not-editable', 'cannot edit safely: not without the other'],
      ['not-editable', 'withheld'],
      ['not-editable', 'cannot edit safely: not without the other']
    ])
    expect(failing.fixedText).toBeUndefined()
    expect(failing.report?.edits).toEqual([])
  })
})

describe('the configuration file', () => {
  it('reads every key', () => {
    const config = parseConfig(
      `principals:
  - files: ["iam/roles/app/*.json"]
    principal: arn:aws:iam::123456789012:role/AppRole
  - files: shared/*.json
    principal: [arn:aws:iam::123456789012:role/A, arn:aws:iam::123456789012:user/path/B]
stacks:
  - template: sam/template.yaml
    name: orders-api
keep-actions: ["iam:PassRole", "s3:Get*"]
ignore-files: ["legacy/**"]
`,
      '.github/iam-refine.yml'
    )
    expect(config.principals).toEqual([
      {
        files: ['iam/roles/app/*.json'],
        principals: ['arn:aws:iam::123456789012:role/AppRole'],
        line: 2
      },
      {
        files: ['shared/*.json'],
        principals: ['arn:aws:iam::123456789012:role/A', 'arn:aws:iam::123456789012:user/path/B'],
        line: 4
      }
    ])
    expect(config.stacks).toEqual([{ template: 'sam/template.yaml', name: 'orders-api' }])
    expect(config.keepActions).toEqual(['iam:PassRole', 's3:Get*'])
    expect(config.ignoreFiles).toEqual(['legacy/**'])
    expect(parseConfig('', 'c.yml')).toMatchObject({ principals: [], stacks: [] })
    expect(parseConfig('# nothing yet\n', 'c.yml').principals).toEqual([])
  })

  it.each([
    ['- a\n', 'c.yml:1: configuration: must be a mapping'],
    ['principals: {}\n', 'c.yml:1: principals: must be a list'],
    ['principals:\n  - files: a\n', 'c.yml:2: principals[0]: needs principal'],
    [
      'principals:\n  - principal: arn:aws:iam::123456789012:role/A\n',
      'c.yml:2: principals[0]: needs files'
    ],
    [
      'principals:\n  - files: a\n    principal: role/A\n',
      'c.yml:3: principals[0].principal: "role/A" is not a role or user ARN'
    ],
    [
      'principals:\n  - files: a\n    principal: arn:aws:iam::123456789012:role/A\n    role: x\n',
      'c.yml:4: principals[0].role: unknown key'
    ],
    [
      'stacks:\n  - template: t.yaml\n    name: 1bad\n',
      'c.yml:3: stacks[0].name: "1bad" is not a CloudFormation stack name'
    ],
    ['keep-actions: [PassRole]\n', 'c.yml:1: keep-actions[0]: "PassRole" is not an action'],
    ['ignore-files: legacy\n', 'c.yml:1: ignore-files: must be a list'],
    ['ignore: [a]\n', 'c.yml:1: ignore: unknown key'],
    ['principals: [\n', 'c.yml:2:1: is not valid YAML']
  ])('rejects %j with the file, line and key', (text, message) => {
    expect(() => parseConfig(text, 'c.yml')).toThrow(ConfigurationError)
    expect(() => parseConfig(text, 'c.yml')).toThrow(message)
  })
})

describe('mapping policies to principals', () => {
  const known = [
    'arn:aws:iam::123456789012:role/AppRole',
    'arn:aws:iam::210987654321:role/AppRole',
    'arn:aws:iam::123456789012:role/orders-api-FnRole-AB12CD',
    'arn:aws:iam::123456789012:role/team/orders-api-Worker-ZZ99',
    'arn:aws:iam::123456789012:user/ci/BuildUser'
  ]
  const config: IamRefineConfig = {
    ...EMPTY_CONFIG,
    principals: [
      { files: ['special/**'], principals: ['arn:aws:iam::123456789012:role/Special'], line: 1 }
    ],
    stacks: [{ template: 'sam/*.yaml', name: 'orders-api' }]
  }
  const location = (
    attachments: PolicyLocation['attachments'],
    kind: PolicyLocation['kind'] = 'cfn-role-inline'
  ) =>
    ({
      ...only('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}'),
      kind,
      attachments
    }) as PolicyLocation
  const covered = (arn: string) => known.some(k => k.toLowerCase() === arn.toLowerCase())
  const map = (
    l: PolicyLocation,
    file: string,
    fallback?: string[],
    more: Partial<IamRefineConfig> = {}
  ) =>
    mapPrincipals(l, {
      file,
      config: { ...config, ...more },
      known,
      covered,
      ...(fallback ? { fallback } : {})
    })

  it('takes the configuration first, then the template, then the file name', () => {
    expect(map(location([{ type: 'role', name: 'AppRole' }]), 'special/x.yaml')).toMatchObject({
      via: 'config',
      principals: ['arn:aws:iam::123456789012:role/Special'],
      // The configuration names a role no finding names: unchecked, not "uses everything".
      uncovered: ['arn:aws:iam::123456789012:role/Special']
    })
    expect(
      map(location([{ type: 'role', logicalId: 'FnRole', samResource: 'Fn' }]), 'sam/template.yaml')
    ).toMatchObject({ principals: [known[2]], uncovered: [] })
    expect(map(location([{ type: 'role', logicalId: 'Worker' }]), 'sam/other.yaml')).toMatchObject({
      principals: [known[3]]
    })
    expect(map(location([], 'json-policy'), 'iam/BuildUser.json')).toMatchObject({
      via: 'file-name',
      principals: [known[4]]
    })
  })

  it('matches a bare name in one account: the one named, never the intersection across accounts', () => {
    // AppRole exists in two accounts the findings cover: the name alone is ambiguous.
    expect(map(location([{ type: 'role', name: 'approle' }]), 'cfn/t.yaml')).toMatchObject({
      mapped: false,
      ambiguous: true,
      reason: expect.stringContaining('2 accounts')
    })
    expect(map(location([], 'json-policy'), 'iam/AppRole/s3.json')).toMatchObject({
      mapped: false,
      ambiguous: true
    })
    // The configuration's account chooses.
    expect(
      map(location([{ type: 'role', name: 'approle' }]), 'cfn/t.yaml', undefined, {
        account: '210987654321'
      })
    ).toMatchObject({ principals: [known[1]], uncovered: [] })
    // A stack's account chooses for that template.
    expect(
      map(location([{ type: 'role', name: 'AppRole' }]), 'sam/t.yaml', undefined, {
        stacks: [{ template: 'sam/*.yaml', name: 'orders-api', account: '123456789012' }]
      })
    ).toMatchObject({ principals: [known[0]] })
    // The source's own account (an ARN) chooses too.
    expect(
      map(location([{ type: 'role', name: 'AppRole', account: '210987654321' }]), 'cfn/t.yaml')
    ).toMatchObject({ principals: [known[1]] })
  })

  it('counts a named principal no finding names as unchecked, and says so', () => {
    const m = map(
      location([{ type: 'role', name: 'Quiet', path: '/svc/' }]),
      'cfn/t.yaml',
      undefined,
      {
        account: '123456789012'
      }
    )
    expect(m).toEqual({
      mapped: true,
      via: 'template',
      principals: ['arn:aws:iam::123456789012:role/svc/Quiet'],
      notes: ['no finding names arn:aws:iam::123456789012:role/svc/Quiet'],
      uncovered: ['arn:aws:iam::123456789012:role/svc/Quiet']
    })
    // Without an account to place it in (the findings span two), it cannot be named at all.
    expect(map(location([{ type: 'role', name: 'Quiet' }]), 'cfn/t.yaml')).toMatchObject({
      mapped: false,
      reason: expect.stringContaining('no account is named')
    })
  })

  it('takes the first entry that matches, whether it names the file or a glob does', () => {
    const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`
    const principals = [
      { files: ['iam/*.json'], principals: [role('Globbed')], line: 1 },
      { files: ['./iam/a.json', 'iam/b.json'], principals: [role('Named')], line: 2 },
      { files: ['iam/c.json'], principals: [role('Later')], line: 3 }
    ]
    const policy = location([], 'json-policy')
    const via = (file: string, entries = principals) =>
      map(policy, file, undefined, { principals: entries })
    expect(via('iam/a.json')).toMatchObject({ principals: [role('Globbed')] })
    expect(via('iam/a.json', principals.slice(1))).toMatchObject({ principals: [role('Named')] })
    expect(via('iam/b.json', [...principals.slice(1), principals[0]!])).toMatchObject({
      principals: [role('Named')]
    })
    expect(via('iam/sub/a.json', principals.slice(1))).toMatchObject({ mapped: false })
    // A stack: the generated name is looked up under the first matching entry's stack name.
    const generated = location([{ type: 'role', logicalId: 'Worker' }])
    expect(
      map(generated, 'sam/other.yaml', undefined, {
        stacks: [
          { template: 'sam/other.yaml', name: 'orders-api' },
          { template: 'sam/*.yaml', name: 'someone-else' }
        ]
      })
    ).toMatchObject({ principals: [known[3]] })
    expect(
      map(generated, 'sam/other.yaml', undefined, {
        stacks: [
          { template: 'sam/*.yaml', name: 'someone-else' },
          { template: 'sam/other.yaml', name: 'orders-api' }
        ]
      })
    ).toMatchObject({ mapped: false })
  })

  it('finds a Terraform name_prefix role among many known principals, in its account only', () => {
    const many = [
      ...Array.from({ length: 2000 }, (_, i) => `arn:aws:iam::123456789012:role/app-${i}`),
      'arn:aws:iam::123456789012:role/app-202610010000000000abcdef01',
      'arn:aws:iam::210987654321:role/svc/APP-202610010000000000abcdef02'
    ]
    const prefixed = (account?: string) =>
      mapPrincipals(
        location([{ type: 'role', namePrefix: 'app-', ...(account ? { account } : {}) }]),
        { file: 'main.tf', config: EMPTY_CONFIG, known: many, covered: () => true }
      )
    // the generated suffix: 18 digits and 8 hex digits; the two accounts make it ambiguous
    expect(prefixed()).toMatchObject({ mapped: false, ambiguous: true })
    expect(prefixed('123456789012')).toMatchObject({ principals: [many[2000]] })
    expect(prefixed('210987654321')).toMatchObject({ principals: [many[2001]] })
  })

  it('never guesses', () => {
    expect(map(location([{ type: 'role', logicalId: 'Gen' }]), 'cfn/t.yaml')).toMatchObject({
      mapped: false,
      reason: expect.stringContaining("name this template's stack")
    })
    expect(map(location([{ type: 'group', name: 'Admins' }]), 'cfn/t.yaml')).toMatchObject({
      mapped: false,
      reason: expect.stringContaining('group Admins')
    })
    expect(
      map(location([{ type: 'role', unresolved: 'a role is given by !ImportValue' }]), 'cfn/t.yaml')
    ).toMatchObject({ mapped: false })
    expect(map(location([], 'cfn-policy'), 'cfn/t.yaml')).toMatchObject({ mapped: false })
    expect(map(location([], 'json-policy'), 'iam/unknown.json')).toMatchObject({ mapped: false })
    expect(
      map(location([], 'json-policy'), 'iam/unknown.json', ['arn:aws:iam::1:role/X'])
    ).toMatchObject({ via: 'command-line' })
  })
})

describe('the unified diff', () => {
  it('shows removed and added lines with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n'
    const diff = unifiedDiff('x.txt', before, [
      { start: 2, end: 4, text: '' },
      { start: 22, end: 23, text: 'L1\nL2' }
    ])
    expect(diff).toBe(
      '--- a/x.txt\n+++ b/x.txt\n@@ -1,5 +1,4 @@\n a\n-b\n c\n d\n e\n@@ -9,5 +8,6 @@\n i\n j\n k\n-l\n+L1\n+L2\n m\n'
    )
  })

  it('marks a last line without a newline, and keeps CRLF out of the diff', () => {
    expect(unifiedDiff('x', 'a\r\nb', [{ start: 3, end: 4, text: 'c' }])).toBe(
      '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n'
    )
  })
})

describe('parsing', () => {
  it('keeps YAML short forms as tags and CloudFormation dates as strings', () => {
    const parsed = parseSource(
      'a: !GetAtt X.Arn\nb: 2012-10-17\nc: !Join [",", [x]]\nd: !Unknown x\n',
      'yaml'
    )
    expect(parsed.ok).toBe(true)
  })

  it('does not read a file with a node of a YAML type beyond the core schema, and says where', () => {
    // `!!binary Kg==` is `*`: made a string it would read `42` (the bytes) or `*` (a Buffer's text).
    const template = (action: string, key = 'Action', head = ''): string =>
      [
        head,
        'Resources:',
        '  Role:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      Policies:',
        '        - PolicyName: p',
        '          PolicyDocument:',
        '            Statement:',
        `              - {Effect: Allow, ${key}: ${action}, Resource: "*"}`,
        ''
      ].join('\n')
    const honest = findPolicies(template('"s3:Get*"'), 't.yaml')
    expect(honest.status).toBe('policies')
    expect(honest.policies).toHaveLength(1)
    expect(findPolicies(template('!!str "s3:Get*"'), 't.yaml').status).toBe('policies')
    for (const [action, key, what, head] of [
      ['!!binary Kg==', 'Action', 'a !!binary value', ''],
      ['!!binary czM6R2V0Kg==', 'Action', 'a !!binary value', ''],
      ['!!timestamp 2012-10-17', 'Action', 'a !!timestamp value', ''],
      ['"s3:Get*"', '!!binary QWN0aW9u', 'a !!binary value', ''],
      ['!!binary ["s3:Get*"]', 'Action', 'a !!binary value', ''],
      ['!!set {"s3:Get*": null}', 'Action', 'a !!set value', ''],
      ['!!omap [{"s3:Get*": 1}]', 'Action', 'a !!omap value', ''],
      // a %TAG directive makes !If a tag of another vocabulary, which would read as a plain list
      [
        '!If [IsProd, "s3:Get*", "ec2:*"]',
        'Action',
        'a node tagged tag:example.com,2000:If',
        '%TAG ! tag:example.com,2000:\n---'
      ],
      // YAML 1.1 reads an unquoted date as a timestamp and `<<` as a merge key
      ['2012-10-17', 'Action', 'a timestamp', '%YAML 1.1\n---'],
      ['"s3:Get*", <<: {}', 'Action', 'a merge key (<<)', '%YAML 1.1\n---']
    ] as const) {
      const scan = findPolicies(template(action, key, head), 't.yaml')
      expect({ action, key, ...scan }).toMatchObject({
        action,
        key,
        status: 'malformed',
        line: head === '' ? 10 : 11,
        message: expect.stringContaining(`holds ${what} (only YAML's core types`)
      })
    }
    // Not base64 at all: yaml's own error (atob rejects it), also with its place.
    const broken = findPolicies(template('!!binary "@@not base64@@"'), 't.yaml')
    expect(broken).toMatchObject({ status: 'malformed', line: 10 })
    expect(broken.message).toContain('is not valid YAML')
    // Reported whether or not the file looks like a policy: the words a typed node could hide
    // cannot be searched for, so a file that names a role only in base64 is not passed over.
    const hidden = [
      'Resources:',
      '  Role:',
      '    Type: !!binary QVdTOjpJQU06OlJvbGU=',
      '    Properties:',
      '      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]',
      ''
    ].join('\n')
    expect(findPolicies(hidden, 't.yaml')).toMatchObject({ status: 'malformed', line: 3 })
    // Nor when every word is hidden: a !!binary value or a directive line makes the file read.
    const allHidden = hidden.replace('ManagedPolicyArns', '!!binary TWFuYWdlZFBvbGljeUFybnM=')
    expect(allHidden).not.toMatch(/Statement|Effect|AWS::|ManagedPolicyArns/)
    expect(findPolicies(allHidden, 't.yaml')).toMatchObject({ status: 'malformed', line: 3 })
    expect(findPolicies('a: !!binary aGk=\n', 'values.yaml')).toMatchObject({ status: 'malformed' })
    const renamed = '%TAG !b! tag:yaml.org,2002:bin\n---\nType: !b!ary QVdTOjpJQU06OlJvbGU=\n'
    expect(findPolicies(renamed, 't.yaml')).toMatchObject({ status: 'malformed', line: 3 })
    // A file without any of the words that can hold a policy, or hide one, is not parsed at all.
    expect(findPolicies('a: !Ref aGk=\nb: [\n', 'values.yaml').status).toBe('none')
  })
})

describe('Serverless Framework service files', () => {
  const service = (body: string): readonly PolicyLocation[] =>
    findPolicies(body, 'svc/serverless.yml', { path: 'svc/serverless.yml' }).policies

  const statements = `  iam:
    role:
      statements:
        - Effect: Allow
          Action: s3:GetObject
          Resource: '*'
functions:
  run:
    handler: run.handler
`

  it('names the shared role as the framework does, with stage and region defaults', () => {
    const [p] = service(`service: app\nprovider:\n  name: aws\n${statements}`)
    expect(p?.attachments[0]?.name).toBe('app-dev-us-east-1-lambdaRole')
    const [named] = service(
      `service: app\nprovider:\n  stage: \${opt:stage, "qa"}\n  region: \${self:custom.r}\n${statements}custom:\n  r: eu-north-1\n`
    )
    expect(named?.attachments[0]?.name).toBe('app-qa-eu-north-1-lambdaRole')
    const [legacyDefault] = service(
      `service: app\nprovider:\n  stage: \${opt:stage, self:custom.stage}\n${statements}custom:\n  stage: live\n`
    )
    expect(legacyDefault?.attachments[0]?.name).toBe('app-live-us-east-1-lambdaRole')
  })

  it('never resolves a loop of variables or a value that grows without end', () => {
    const [loop] = service(
      `service: \${self:custom.a}\nprovider:\n${statements}custom:\n  a: \${self:custom.b}\n  b: \${self:custom.a}\n`
    )
    expect(loop?.attachments[0]).toMatchObject({
      unresolved: expect.stringContaining('more than 10 deep')
    })
    const [huge] = service(
      `service: \${self:custom.a}\nprovider:\n${statements}custom:\n  a: \${self:custom.b}\${self:custom.b}\n  b: '${'x'.repeat(600)}'\n`
    )
    expect(huge?.attachments[0]).toMatchObject({
      unresolved: expect.stringContaining('more than 1000 characters')
    })
    // each variable names ten others that stay empty: bounded work, not 10^4 steps
    const fan = Array.from(
      { length: 4 },
      (_, i) => `  v${i}: '${('${self:custom.v' + (i + 1) + '}').repeat(10)}'`
    )
    const started = Date.now()
    const [wide] = service(
      `service: \${self:custom.v0}\nprovider:\n${statements}custom:\n${fan.join('\n')}\n  v4: ''\n`
    )
    expect(wide?.attachments[0]?.unresolved).toContain('more than 1000 variables')
    expect(Date.now() - started).toBeLessThan(5000)
    const [secret] = service(`service: \${ssm:/app/name}\nprovider:\n${statements}`)
    expect(secret?.attachments[0]?.unresolved).toContain('${ssm:/app/name} cannot be resolved')
  })

  it('refuses includes that leave the repository, and says which file an include names', () => {
    const scan = findPolicies(
      `service: app\nprovider:\n  iamRoleStatements: \${file(../iam/\${self:provider.stage}.yml)}\n  stage: prod\nfunctions:\n  a:\n    iamRoleStatements: \${file(/etc/passwd)}\n  b:\n    iamRoleStatements: \${file(../../x.yml)}\n`,
      'svc/serverless.yml',
      { path: 'svc/serverless.yml' }
    )
    expect(scan.includes?.map(i => [i.file, i.attachments[0]?.name])).toEqual([
      ['iam/prod.yml', 'app-prod-us-east-1-lambdaRole']
    ])
    expect(scan.notes.filter(n => n.unchecked).map(n => n.pointer)).toEqual([
      'functions.a.iamRoleStatements',
      'functions.b.iamRoleStatements'
    ])
  })

  it('reads an included file for the roles of the file that includes it', () => {
    const [include] =
      findPolicies(
        `service: app\nprovider:\n  iamRoleStatements: \${file(./perms.yml):role.statements}\nfunctions:\n  a:\n    handler: a.h\n`,
        'svc/serverless.yml',
        { path: 'svc/serverless.yml' }
      ).includes ?? []
    if (!include) throw new Error('no include')
    const perms =
      'role:\n  statements:\n    - Effect: Allow\n      Action: [s3:GetObject, s3:PutObject]\n      Resource: "*"\n'
    // alone, the file holds no policy, and its loose statements are not checked (the gate says
    // so: a change to them cannot pass unseen); included, its statements are the role's
    const alone = findPolicies(perms, 'svc/perms.yml')
    expect(alone.policies).toEqual([])
    expect(alone.notes).toMatchObject([
      {
        line: 3,
        pointer: 'role.statements[0]',
        unchecked: true,
        message: expect.stringContaining('holds IAM statements outside any policy document')
      }
    ])
    // the control: a file that is no policy and holds no statement stays quiet
    expect(findPolicies('role:\n  name: x\n  Effect: big\n', 'svc/other.yml').status).toBe('none')
    const [p] = findPolicies(perms, 'svc/perms.yml', { included: [include] }).policies
    expect(p).toMatchObject({
      pointer: 'role.statements',
      form: 'statements',
      kind: 'serverless-provider',
      attachments: [{ type: 'role', name: 'app-dev-us-east-1-lambdaRole' }]
    })
    const out = refineFile(
      { file: 'svc/perms.yml', path: 'svc/perms.yml', text: perms, included: [include] },
      {
        catalog,
        findings: combineFindings([
          {
            principals: [
              unused(
                { s3: ['PutObject'] },
                'arn:aws:iam::123456789012:role/app-dev-us-east-1-lambdaRole'
              )
            ],
            notes: [],
            covered: [],
            coveredAccounts: []
          }
        ]),
        config: EMPTY_CONFIG
      }
    )
    expect(out.fixedText).toBe(
      'role:\n  statements:\n    - Effect: Allow\n      Action: [s3:GetObject]\n      Resource: "*"\n'
    )
  })
})
