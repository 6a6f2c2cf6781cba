/**
 * Terraform's numbers (`npm run bench terraform`): 1,000 generated `.tf` files in 250 module
 * folders (a role named by a template of variables and `terraform.tfvars`, an inline
 * `jsonencode` policy, a `data "aws_iam_policy_document"` attached as a managed policy, the
 * variables), checked through the in-process command line with the bundled catalog, as
 * `npm run bench check` does for JSON and YAML; then the start-up cost of loading the grammar:
 * `node dist/cli.js check` on one `.tf` file against one JSON file (run `npm run bundle` first).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/commands/run.js'
import { installedParserFiles } from '../../src/io/terraform-parser.js'
import { ENTRIES } from './lib/policy-repo.js'
import { random } from './lib/random.js'

const MODULES = 250
const ACCOUNT = '123456789012'
const rand = random(7)
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
const actions = (): string[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(ENTRIES)))
]
const list = (entries: string[], indent: string): string =>
  `[\n${entries.map(e => `${indent}  "${e}",`).join('\n')}\n${indent}]`

const findings: unknown[] = []
const root = mkdtempSync(join(tmpdir(), 'iam-refine-bench-tf-'))
const repo = join(root, 'repo')
try {
  for (let m = 0; m < MODULES; m++) {
    const dir = join(repo, `service${m}`)
    mkdirSync(dir, { recursive: true })
    const role = `svc${m}-prod-app`
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
          unusedPermissionDetails: { serviceNamespace: 'sqs', actions: [{ action: 'PurgeQueue' }] }
        }
      ]
    })
    writeFileSync(
      join(dir, 'variables.tf'),
      `variable "name" {\n  type    = string\n  default = "svc${m}"\n}\n\nvariable "environment" {\n  type = string\n}\n`
    )
    writeFileSync(join(dir, 'terraform.tfvars'), 'environment = "prod"\n')
    writeFileSync(
      join(dir, 'role.tf'),
      [
        'resource "aws_iam_role" "app" {',
        '  name               = "${var.name}-${var.environment}-app"',
        '  assume_role_policy = data.aws_iam_policy_document.assume.json',
        '}',
        '',
        'resource "aws_iam_role_policy" "app" {',
        '  role = aws_iam_role.app.id',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [',
        ...Array.from({ length: 3 }, () =>
          [
            '      {',
            '        Effect   = "Allow"',
            `        Action   = ${list(actions(), '        ')}`,
            '        Resource = "*"',
            '      },'
          ].join('\n')
        ),
        '    ]',
        '  })',
        '}',
        ''
      ].join('\n')
    )
    writeFileSync(
      join(dir, 'documents.tf'),
      [
        'data "aws_iam_policy_document" "assume" {',
        '  statement {',
        '    actions = ["sts:AssumeRole"]',
        '    principals {',
        '      type        = "Service"',
        '      identifiers = ["lambda.amazonaws.com"]',
        '    }',
        '  }',
        '}',
        '',
        'data "aws_iam_policy_document" "extra" {',
        ...Array.from({ length: 2 }, () =>
          [
            '  statement {',
            `    actions   = ${list(actions(), '    ')}`,
            '    resources = ["*"]',
            '  }'
          ].join('\n')
        ),
        '}',
        '',
        'resource "aws_iam_policy" "extra" {',
        '  name_prefix = "extra-"',
        '  policy      = data.aws_iam_policy_document.extra.json',
        '}',
        '',
        'resource "aws_iam_role_policy_attachment" "extra" {',
        '  role       = aws_iam_role.app.name',
        '  policy_arn = aws_iam_policy.extra.arn',
        '}',
        ''
      ].join('\n')
    )
    writeFileSync(
      join(dir, 'outputs.tf'),
      'output "role_arn" {\n  value = aws_iam_role.app.arn\n}\n'
    )
  }
  const findingsFile = join(root, 'findings.json')
  writeFileSync(findingsFile, JSON.stringify({ findings }))
  const files = MODULES * 4

  let printed = 0
  const io = {
    out: (t: string) => void (printed += t.length),
    err: () => undefined,
    parserFiles: installedParserFiles()
  }
  const time = async (label: string, args: string[]): Promise<void> => {
    const copy = join(root, label)
    cpSync(repo, copy, { recursive: true })
    printed = 0
    const started = process.hrtime.bigint()
    const code = await runCli(['check', copy, '--findings', findingsFile, ...args], io)
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    console.log(
      `${label.padEnd(11)} ${files} .tf files (+${MODULES} .tfvars) in ${ms.toFixed(0)} ms: ` +
        `${((files / ms) * 1000).toFixed(0)} files/s, exit ${code}, ${(printed / 1024).toFixed(0)} KiB of output`
    )
  }
  await time('check', [])
  await time('json', ['--format', 'json'])
  await time('check warm', [])
  await time('fix', ['--fix'])

  // Start-up: the whole command line on one small file, Terraform against JSON.
  const one = (name: string, text: string): string => {
    const dir = join(root, `one-${name}`)
    mkdirSync(dir)
    writeFileSync(join(dir, name), text)
    return dir
  }
  const tf = one('main.tf', 'resource "aws_iam_role" "r" {\n  name = "svc0-prod-app"\n}\n')
  const json = one('svc0-prod-app.json', '{"Version": "2012-10-17", "Statement": []}\n')
  const runs = (dir: string): number[] => {
    const out: number[] = []
    for (let i = 0; i < 11; i++) {
      const started = process.hrtime.bigint()
      try {
        execFileSync('node', ['dist/cli.js', 'check', dir, '--findings', findingsFile], {
          stdio: 'ignore'
        })
      } catch {
        // exit 1 (unused permissions) is an answer, not a failure
      }
      out.push(Number(process.hrtime.bigint() - started) / 1e6)
    }
    return out.sort((a, b) => a - b)
  }
  const t = runs(tf)
  const j = runs(json)
  console.log(
    `start-up   node dist/cli.js check, one file: JSON median ${j[5]?.toFixed(0)} ms (min ${j[0]?.toFixed(0)}), ` +
      `Terraform median ${t[5]?.toFixed(0)} ms (min ${t[0]?.toFixed(0)}): loading the grammar costs ` +
      `${((t[5] ?? 0) - (j[5] ?? 0)).toFixed(0)} ms (min ${((t[0] ?? 0) - (j[0] ?? 0)).toFixed(0)})`
  )
} finally {
  rmSync(root, { recursive: true, force: true })
}
