/**
 * `check`'s numbers (`npm run bench check`): 1,000 generated files in a temporary repository
 * (a quarter each JSON policies, compact JSON policies, CloudFormation YAML templates with two
 * policies, SAM templates) plus 200 JSON and YAML files that are not policies, checked through the
 * in-process command line with the bundled catalog: once without `--fix` (find, map, refine,
 * render and verify the edits, print the diffs) and once with it (also write the files).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/commands/run.js'
import { random } from './lib/random.js'

const FILES = 1000
const ACCOUNT = '123456789012'

const rand = random(42)
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
const ENTRIES = [
  's3:GetObject',
  's3:PutObject',
  's3:Get*',
  's3:List*',
  'dynamodb:*',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'sqs:*',
  'sqs:SendMessage',
  'logs:*',
  'ec2:Describe*',
  'kms:Decrypt',
  'lambda:InvokeFunction'
]

function statements(n: number): { Effect: string; Action: string[]; Resource: string }[] {
  return Array.from({ length: n }, () => ({
    Effect: 'Allow',
    Action: [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(ENTRIES)))],
    Resource: '*'
  }))
}

function yamlStatements(indent: string, n: number): string {
  return statements(n)
    .map(s =>
      [
        `${indent}- Effect: Allow`,
        `${indent}  Action:`,
        ...s.Action.map(a => `${indent}    - ${a}`),
        `${indent}  Resource: '*'`
      ].join('\n')
    )
    .join('\n')
}

const findings: unknown[] = []
function finding(role: string): void {
  findings.push({
    resource: `arn:aws:iam::${ACCOUNT}:role/${role}`,
    resourceType: 'AWS::IAM::Role',
    status: 'ACTIVE',
    findingType: 'UnusedPermission',
    findingDetails: [
      { unusedPermissionDetails: { serviceNamespace: 'ec2' } },
      {
        unusedPermissionDetails: {
          serviceNamespace: 's3',
          actions: [{ action: 'PutObject' }, { action: 'GetObjectAcl' }]
        }
      },
      {
        unusedPermissionDetails: {
          serviceNamespace: 'dynamodb',
          actions: [{ action: 'DeleteItem' }, { action: 'Scan' }]
        }
      },
      { unusedPermissionDetails: { serviceNamespace: 'sqs', actions: [{ action: 'PurgeQueue' }] } }
    ]
  })
}

const root = mkdtempSync(join(tmpdir(), 'iam-refine-bench-check-'))
const repo = join(root, 'repo')
try {
  for (const dir of ['policies', 'compact', 'cfn', 'sam', 'other'])
    mkdirSync(join(repo, dir), { recursive: true })
  mkdirSync(join(repo, '.github'))
  const stacks: string[] = []
  for (let i = 0; i < FILES; i++) {
    const kind = i % 4
    if (kind === 0) {
      const role = `Role${i}`
      finding(role)
      const doc = { Version: '2012-10-17', Statement: statements(3) }
      writeFileSync(join(repo, 'policies', `${role}.json`), `${JSON.stringify(doc, null, 2)}\n`)
    } else if (kind === 1) {
      const role = `Compact${i}`
      finding(role)
      const doc = { Version: '2012-10-17', Statement: statements(2) }
      writeFileSync(join(repo, 'compact', `${role}.json`), JSON.stringify(doc))
    } else if (kind === 2) {
      const role = `App${i}`
      finding(role)
      writeFileSync(
        join(repo, 'cfn', `stack${i}.yaml`),
        [
          "AWSTemplateFormatVersion: '2010-09-09'",
          'Resources:',
          `  Role:`,
          '    Type: AWS::IAM::Role',
          '    Properties:',
          `      RoleName: ${role}`,
          '      AssumeRolePolicyDocument:',
          '        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]',
          '      Policies:',
          '        - PolicyName: inline',
          '          PolicyDocument:',
          '            Version: 2012-10-17',
          '            Statement:',
          yamlStatements('              ', 3),
          '  Extra:',
          '    Type: AWS::IAM::Policy',
          '    Properties:',
          '      PolicyName: extra',
          '      Roles: [!Ref Role]',
          '      PolicyDocument:',
          '        Statement:',
          yamlStatements('          ', 2),
          ''
        ].join('\n')
      )
    } else {
      const stack = `orders${i}`
      stacks.push(`  - template: sam/template${i}.yaml\n    name: ${stack}`)
      finding(`${stack}-ApiFunctionRole-ABCDEF${i}`)
      writeFileSync(
        join(repo, 'sam', `template${i}.yaml`),
        [
          "AWSTemplateFormatVersion: '2010-09-09'",
          'Transform: AWS::Serverless-2016-10-31',
          'Resources:',
          '  ApiFunction:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Handler: app.handler',
          '      Policies:',
          '        - AWSLambdaBasicExecutionRole',
          '        - DynamoDBReadPolicy: {TableName: !Ref Table}',
          '        - Statement:',
          yamlStatements('            ', 2),
          '  Table:',
          '    Type: AWS::Serverless::SimpleTable',
          ''
        ].join('\n')
      )
    }
  }
  for (let i = 0; i < 100; i++) {
    writeFileSync(
      join(repo, 'other', `data${i}.json`),
      JSON.stringify({ name: `x${i}`, items: [1, 2, 3] })
    )
    writeFileSync(join(repo, 'other', `conf${i}.yaml`), `name: x${i}\nsteps: [a, b]\n`)
  }
  writeFileSync(join(repo, '.github', 'iam-refine.yml'), `stacks:\n${stacks.join('\n')}\n`)
  const findingsFile = join(root, 'findings.json')
  writeFileSync(findingsFile, JSON.stringify({ findings }))

  let printed = 0
  const io = { out: (t: string) => void (printed += t.length), err: () => undefined }
  const time = async (label: string, args: string[]): Promise<void> => {
    const copy = join(root, label)
    cpSync(repo, copy, { recursive: true })
    printed = 0
    const started = process.hrtime.bigint()
    const code = await runCli(['check', copy, '--findings', findingsFile, ...args], io)
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    const total = FILES + 200
    console.log(
      `${label.padEnd(10)} ${total} files (${FILES} with policies) in ${ms.toFixed(0)} ms: ` +
        `${((total / ms) * 1000).toFixed(0)} files/s, exit ${code}, ${(printed / 1024).toFixed(0)} KiB of output`
    )
  }
  await time('check', [])
  await time('json', ['--format', 'json'])
  await time('fix', ['--fix'])
} finally {
  rmSync(root, { recursive: true, force: true })
}
