/**
 * What a hostile file costs (`npm run bench hostile`): the issue-9 bomb (12,000 `"Action": "*"`
 * statements in 832 KiB, which once ran 198 s, reached 3 GiB and crashed) and the largest inputs
 * just inside each limit of src/engine/limits.ts, each through `node dist/cli.js check` as a
 * user runs it: wall time and the process's peak memory (its own `resourceUsage().maxRSS`).
 * Run `npm run bundle` first so that dist/ is current.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_STATEMENTS_PER_FILE } from '../../src/engine/limits.js'

const RUNS = 3
const ROLE = 'arn:aws:iam::123456789012:role/AppRole'

const statement = (action: string) =>
  JSON.stringify({ Effect: 'Allow', Action: action, Resource: '*' })
const policy = (statements: string[]) =>
  `{"Version": "2012-10-17", "Statement": [${statements.join(',')}]}`

const cases: [string, string][] = [
  ['12,000 "Action": "*" statements (the bomb)', policy(Array(12_000).fill(statement('*')))],
  [
    `${MAX_STATEMENTS_PER_FILE - 1} "Action": "*" statements (just under the statement limit)`,
    policy(Array(MAX_STATEMENTS_PER_FILE - 1).fill(statement('*')))
  ],
  [
    '40 policies of one "*" each (past the matched-actions budget)',
    `{${Array.from({ length: 40 }, (_, i) => `"p${i}": ${policy([statement('*')])}`).join(',')}}`
  ],
  [
    '5 distinct "*"-like wildcards in one policy (past the entries limit)',
    policy(['*', '?*', '*?', '**', '*:*'].map(statement))
  ],
  // The honest case: a few wildcards the engine refines, under every limit and IAM's quota.
  ['control: 3 statements of "s3:Get*"', policy(Array(3).fill(statement('s3:Get*')))]
]

if (!existsSync('dist/cli.js')) {
  console.log('dist/cli.js is missing; run npm run bundle')
  process.exit(0)
}
const dir = mkdtempSync(join(tmpdir(), 'iam-refine-hostile-'))
try {
  const findings = join(dir, 'findings.json')
  writeFileSync(
    findings,
    JSON.stringify({
      id: 'f-1',
      resource: ROLE,
      status: 'ACTIVE',
      findingType: 'UnusedPermission',
      findingDetails: [
        { unusedPermissionDetails: { serviceNamespace: 's3', actions: [{ action: 'GetObject' }] } }
      ]
    })
  )
  const preload = join(dir, 'rss.cjs')
  writeFileSync(
    preload,
    "process.on('exit', () => process.stderr.write(`\\nmaxrss ${process.resourceUsage().maxRSS}\\n`))\n"
  )
  for (const [label, text] of cases) {
    const file = join(dir, 'AppRole.json')
    writeFileSync(file, text)
    const times: number[] = []
    let rss = 0
    let summary = ''
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint()
      const run = spawnSync(
        'node',
        ['-r', preload, 'dist/cli.js', 'check', file, '--findings', findings, '--format', 'json'],
        { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 }
      )
      times.push(Number(process.hrtime.bigint() - started) / 1e6)
      rss = Math.max(rss, Number(/maxrss (\d+)/.exec(run.stderr)?.[1] ?? 0))
      try {
        const report = JSON.parse(run.stdout) as {
          files: { status: string; message?: string; policies: { status: string }[] }[]
        }
        const f = report.files[0]
        const statuses = new Map<string, number>()
        for (const p of f?.policies ?? []) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1)
        summary =
          f?.status === 'policies'
            ? [...statuses].map(([s, n]) => `${n} ${s}`).join(', ')
            : `file ${f?.status}: ${f?.message ?? ''}`
      } catch {
        summary = `exit ${run.status}: ${run.stderr.slice(0, 200)}`
      }
    }
    times.sort((a, b) => a - b)
    console.log(
      `${label}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB: min ${times[0]!.toFixed(0)} ms, ` +
        `median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms, peak ${(rss / 1024).toFixed(0)} MiB -> ${summary}`
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
