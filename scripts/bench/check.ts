/**
 * `check`'s numbers (`npm run bench check`): generated repositories of 1,000, 5,000 and 10,000
 * policy files (scripts/bench/lib/policy-repo.ts: JSON policies, compact JSON, CloudFormation
 * YAML templates with two policies, SAM templates with their stacks in the configuration; a fifth
 * as many JSON and YAML files that are not policies), checked by the command line as a user runs
 * it, one process per run: the CLI built from these sources ("after") and the one committed at
 * the commit before check streamed ("before", its `dist/` taken with `git archive`), in pairs in
 * the same run, alternating which goes first. Each run's wall time, CPU time and peak memory
 * (maxRSS, read by a module preloaded with `--import`) are printed, and the two outputs compared
 * byte for byte. Medians over the rounds.
 *
 * IAM_REFINE_BENCH_BASE=<commit> compares with another commit; `none` runs "after" alone.
 * IAM_REFINE_BENCH_SIZES=1000,5000 chooses the sizes.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { writePolicyRepo } from './lib/policy-repo.js'

/** main just before `check` streamed, proved each file once and indexed principals (issue 13). */
const DEFAULT_BASE = 'd05e417fcf8d5b4bb0248ec25b96aeef2651b288'
const BASE = process.env.IAM_REFINE_BENCH_BASE ?? DEFAULT_BASE
const SIZES = (process.env.IAM_REFINE_BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number)

interface Step {
  readonly label: string
  readonly args: readonly string[]
  readonly rounds: number
  /** --fix: each run writes its own copy of the repository. */
  readonly fix?: boolean
  /** Runs "after" alone with V8's old generation capped at this many MiB. */
  readonly heapMiB?: number
}

/**
 * What is run at each size, and how often (the slow "before" makes the big sizes long). At the
 * largest size "after" runs once more in a 64 MiB heap: peak RSS is also V8 letting garbage
 * pile up between collections; a run that fits the small heap holds little of it live.
 */
function plan(size: number, largest: boolean): Step[] {
  const rounds = size <= 5000 ? 3 : 1
  const steps: Step[] = [
    { label: 'text', args: [], rounds },
    { label: 'json', args: ['--format', 'json'], rounds: 1 }
  ]
  if (size === 5000) {
    steps.push({ label: 'sarif', args: ['--format', 'sarif'], rounds: 1 })
    steps.push({ label: 'fix', args: ['--fix'], rounds: 1, fix: true })
  }
  if (largest) steps.push({ label: 'json', args: ['--format', 'json'], rounds: 1, heapMiB: 64 })
  return steps
}

const work = resolve('.bench/check')
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })

// The command lines. "after" is bundled from src/ as scripts/bundle.mjs bundles dist/cli.js.
const clis: { name: string; cli: string }[] = []
const after = join(work, 'after/cli.js')
execFileSync(
  'node',
  [
    '--input-type=module',
    '-e',
    `import { bundleForNode } from './scripts/esbuild-node.mjs'; await bundleForNode('src/cli.ts', ${JSON.stringify(after)}); ` +
      // the worker threads' module, next to it as in dist/
      `await bundleForNode('src/io/refine-worker.ts', ${JSON.stringify(join(work, 'after/refine-worker.js'))})`
  ],
  { stdio: 'inherit' }
)
if (BASE !== 'none') {
  const before = join(work, 'before')
  mkdirSync(before)
  execFileSync('sh', ['-c', `git archive ${BASE} dist | tar -x -C ${JSON.stringify(before)}`])
  clis.push({ name: `before (${BASE.slice(0, 7)})`, cli: join(before, 'dist/cli.js') })
}
clis.push({ name: 'after', cli: after })

// Reads the process's peak memory and CPU time as it exits, and the main thread's own CPU time
// (Linux: /proc/self/task/<pid>/stat, in clock ticks of 10 ms), which other processes on a busy
// machine disturb less than the wall time.
const meter = join(work, 'meter.mjs')
writeFileSync(
  meter,
  [
    "import { readFileSync, writeFileSync } from 'node:fs'",
    "process.on('exit', () => {",
    '  const usage = process.resourceUsage()',
    '  let mainMs = NaN',
    '  try {',
    "    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')",
    '    mainMs = (Number(fields[11]) + Number(fields[12])) * 10',
    '  } catch {}',
    '  writeFileSync(process.env.IAM_REFINE_BENCH_METER, JSON.stringify({',
    '    maxRssKiB: usage.maxRSS,',
    '    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,',
    '    mainMs',
    '  }))',
    '})',
    ''
  ].join('\n')
)

interface Run {
  readonly wallMs: number
  readonly cpuMs: number
  /** The main thread's CPU time (NaN where /proc is not there). */
  readonly mainMs: number
  readonly maxRssKiB: number
  readonly code: number | null
  readonly outputBytes: number
  readonly outputHash: string
}

function runOnce(cli: string, repo: string, findings: readonly string[], step: Step): Run {
  const outFile = join(work, 'out.txt')
  const meterFile = join(work, 'meter.json')
  const errFile = join(work, 'err.txt')
  const out = openSync(outFile, 'w')
  const err = openSync(errFile, 'w')
  const started = process.hrtime.bigint()
  const child = spawnSync(
    'node',
    [
      ...(step.heapMiB ? [`--max-old-space-size=${step.heapMiB}`] : []),
      '--import',
      meter,
      cli,
      'check',
      repo,
      ...findings.flatMap(f => ['--findings', f]),
      ...step.args
    ],
    {
      stdio: ['ignore', out, err],
      env: { ...process.env, IAM_REFINE_BENCH_METER: meterFile }
    }
  )
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  closeSync(out)
  closeSync(err)
  if (child.status !== 0 && child.status !== 1) {
    // not a measurement: the command could not check the repository
    throw new Error(`exit ${child.status}: ${readFileSync(errFile, 'utf8').slice(0, 500)}`)
  }
  const measured = JSON.parse(readFileSync(meterFile, 'utf8')) as {
    maxRssKiB: number
    cpuMs: number
    mainMs: number | null
  }
  const output = readFileSync(outFile)
  return {
    wallMs,
    maxRssKiB: measured.maxRssKiB,
    cpuMs: measured.cpuMs,
    mainMs: measured.mainMs ?? NaN,
    code: child.status,
    outputBytes: output.length,
    // the repository's path differs between the runs of --fix; the outputs name it
    outputHash: createHash('sha256')
      .update(output.toString('utf8').split(repo).join('<repo>'))
      .digest('hex')
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

const root = mkdtempSync(join(tmpdir(), 'iam-refine-bench-check-'))
try {
  console.log(
    'size = policy files; files/s = every file walked (the policy files and a fifth as many ' +
      'others) / wall time; CPU = all threads; medians of the rounds'
  )
  for (const size of SIZES) {
    const repo = join(root, `repo-${size}`)
    const { walked, findingsFiles } = writePolicyRepo(repo, size, join(root, `findings-${size}`))
    const hashOf = new Map<string, string>()
    for (const step of plan(size, size === Math.max(...SIZES))) {
      const those = step.heapMiB ? clis.filter(c => c.name === 'after') : clis
      const runs = new Map<string, Run[]>(those.map(c => [c.name, []]))
      for (let round = 0; round < step.rounds; round++) {
        const order = round % 2 === 0 ? those : [...those].reverse()
        for (const { name, cli } of order) {
          // --fix writes: each run gets its own copy
          const target = step.fix
            ? join(root, `fix-${size}-${round}-${clis.findIndex(c => c.name === name)}`)
            : repo
          if (step.fix) cpSync(repo, target, { recursive: true })
          runs.get(name)?.push(runOnce(cli, target, findingsFiles, step))
          if (step.fix) rmSync(target, { recursive: true, force: true })
        }
      }
      const hashes = new Set<string>()
      const label = step.heapMiB ? `${step.label}, ${step.heapMiB} MiB heap` : step.label
      for (const { name } of those) {
        const list = runs.get(name) ?? []
        const wall = median(list.map(r => r.wallMs))
        const first = list[0] as Run
        hashes.add(first.outputHash)
        console.log(
          `${String(size).padStart(6)} ${label.padEnd(19)} ${name.padEnd(18)} ` +
            `${(wall / 1000).toFixed(2).padStart(6)} s wall, ${(median(list.map(r => r.cpuMs)) / 1000).toFixed(2).padStart(6)} s CPU ` +
            `(${(median(list.map(r => r.mainMs)) / 1000).toFixed(2)} s main thread), ` +
            `${String(Math.round((walked / wall) * 1000)).padStart(5)} files/s, ` +
            `maxRSS ${String(Math.round(median(list.map(r => r.maxRssKiB)) / 1024)).padStart(4)} MiB, ` +
            `exit ${first.code}, ${Math.round(first.outputBytes / 1024)} KiB out` +
            (list.length > 1 ? ` (${list.length} rounds)` : '')
        )
      }
      // a run in the small heap prints what the same run printed in the default one
      const key = step.args.join(' ')
      const earlier = hashOf.get(key)
      if (earlier !== undefined) hashes.add(earlier)
      else hashOf.set(key, [...hashes][0] as string)
      if (hashes.size > 1 || those.length > 1 || earlier !== undefined) {
        console.log(
          `${''.padStart(6)} ${label.padEnd(19)} outputs ${hashes.size === 1 ? 'identical' : 'DIFFER'}`
        )
      }
    }
    rmSync(repo, { recursive: true, force: true })
  }
  if (!existsSync(after)) throw new Error('the bundle was not built')
} finally {
  rmSync(root, { recursive: true, force: true })
}
