/**
 * A generated repository for `check`'s benchmark: `files` policy files, a quarter each JSON
 * policies, compact JSON policies, CloudFormation YAML templates with two policies (a role's
 * inline one and an `AWS::IAM::Policy` naming it) and SAM templates (their stacks in the
 * configuration), plus a fifth as many JSON and YAML files that are not policies; one finding per
 * role. The same seed always writes the same repository.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { random } from './random.js'

const ACCOUNT = '123456789012'
/** The entries policies are drawn from: wildcards and single actions of services most roles use. */
export const ENTRIES = [
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

export interface PolicyRepo {
  /** Files the walk reads: the policy files and the others. */
  readonly walked: number
  /** The findings, a file per 2,000 roles (a findings file may hold at most 5 MiB). */
  readonly findingsFiles: readonly string[]
}

/** Findings per file: about 1 MiB each. */
const FINDINGS_PER_FILE = 2000

/**
 * Writes the repository into `dir` (created) and its findings files beside it, named
 * `findings` + `-<n>.json`.
 */
export function writePolicyRepo(dir: string, files: number, findings: string): PolicyRepo {
  const rand = random(42)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
  const statements = (n: number): { Effect: string; Action: string[]; Resource: string }[] =>
    Array.from({ length: n }, () => ({
      Effect: 'Allow',
      Action: [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(ENTRIES)))],
      Resource: '*'
    }))
  const yamlStatements = (indent: string, n: number): string =>
    statements(n)
      .map(s =>
        [
          `${indent}- Effect: Allow`,
          `${indent}  Action:`,
          ...s.Action.map(a => `${indent}    - ${a}`),
          `${indent}  Resource: '*'`
        ].join('\n')
      )
      .join('\n')
  const all: unknown[] = []
  const finding = (role: string): void => {
    all.push({
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
        {
          unusedPermissionDetails: { serviceNamespace: 'sqs', actions: [{ action: 'PurgeQueue' }] }
        }
      ]
    })
  }
  for (const sub of ['policies', 'compact', 'cfn', 'sam', 'other', '.github'])
    mkdirSync(join(dir, sub), { recursive: true })
  const stacks: string[] = []
  for (let i = 0; i < files; i++) {
    const kind = i % 4
    if (kind === 0) {
      const role = `Role${i}`
      finding(role)
      const doc = { Version: '2012-10-17', Statement: statements(3) }
      writeFileSync(join(dir, 'policies', `${role}.json`), `${JSON.stringify(doc, null, 2)}\n`)
    } else if (kind === 1) {
      const role = `Compact${i}`
      finding(role)
      const doc = { Version: '2012-10-17', Statement: statements(2) }
      writeFileSync(join(dir, 'compact', `${role}.json`), JSON.stringify(doc))
    } else if (kind === 2) {
      const role = `App${i}`
      finding(role)
      writeFileSync(
        join(dir, 'cfn', `stack${i}.yaml`),
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
        join(dir, 'sam', `template${i}.yaml`),
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
  const others = Math.floor(files / 10)
  for (let i = 0; i < others; i++) {
    writeFileSync(
      join(dir, 'other', `data${i}.json`),
      JSON.stringify({ name: `x${i}`, items: [1, 2, 3] })
    )
    writeFileSync(join(dir, 'other', `conf${i}.yaml`), `name: x${i}\nsteps: [a, b]\n`)
  }
  writeFileSync(join(dir, '.github', 'iam-refine.yml'), `stacks:\n${stacks.join('\n')}\n`)
  const findingsFiles: string[] = []
  for (let i = 0; i < all.length; i += FINDINGS_PER_FILE) {
    const file = `${findings}-${findingsFiles.length}.json`
    writeFileSync(file, JSON.stringify({ findings: all.slice(i, i + FINDINGS_PER_FILE) }))
    findingsFiles.push(file)
  }
  return { walked: files + 2 * others, findingsFiles }
}
