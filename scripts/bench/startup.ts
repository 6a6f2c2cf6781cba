/**
 * Start-up (`npm run bench startup`; run `npm run bundle` first): each command below as a whole
 * process, RUNS times, in rounds that also run bare `node -e 0`, so that every figure of a round
 * sees the same load; the minimum and the median, and each as a ratio to bare node's. Every run
 * must end with the command's usual exit code, so that a bundle that fails fast is reported, not
 * timed. The first round warms the file cache and is not counted.
 *
 * Neither bundle enables Node's compile cache (docs/adr/0022-bundle-layout.md): the main table
 * runs without it. On the Node versions that have one (22.1 and later), a second table shows what
 * a user who sets NODE_COMPILE_CACHE gets: an empty cache (a first run, as on a fresh CI runner)
 * and a warm one.
 *
 * IAM_REFINE_BENCH_STARTUP_BEFORE=DIR also times the bundles in DIR (an older dist/, e.g. from
 * `git archive <ref> dist`, in a scratch folder) in the same rounds, for a before/after pair.
 * IAM_REFINE_BENCH_STARTUP_NODES lists further node executables (separated by the path
 * delimiter), e.g. Node 24 as the runners have it:
 * `IAM_REFINE_BENCH_STARTUP_NODES="$(npx -y -p node@24 -- node -p process.execPath)"`.
 * IAM_REFINE_BENCH_STARTUP_RUNS sets RUNS.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'

const RUNS = Number(process.env.IAM_REFINE_BENCH_STARTUP_RUNS ?? 21)
// The worked example (the same files as ../shared/examples/article, with its 2024 catalog).
const ARTICLE = resolve('__tests__/fixtures/article')

interface Command {
  readonly label: string
  readonly entry: 'cli.js' | 'index.js'
  readonly args: readonly string[]
  /** The exit code the command ends with on this input. */
  readonly status: number
}

const scratch = mkdtempSync(join(tmpdir(), 'iam-refine-bench-startup-'))
const star = join(scratch, 'star.json')
writeFileSync(
  star,
  JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })
)
// `check` on JSON files alone: the example policy, named like its role so that it maps to the
// example's finding, and a JSON file that holds no policy.
const repo = join(scratch, 'repo')
mkdirSync(join(repo, 'iam'), { recursive: true })
cpSync(join(ARTICLE, 'policy.json'), join(repo, 'iam', 'MyRole.json'))
writeFileSync(join(repo, 'package.json'), '{"name": "not-a-policy"}\n')

const COMMANDS: readonly Command[] = [
  { label: '`cli.js --help`', entry: 'cli.js', args: ['--help'], status: 0 },
  {
    label: '`refine` (the worked example, its 2024 catalog)',
    entry: 'cli.js',
    args: [
      'refine',
      join(ARTICLE, 'policy.json'),
      '--findings',
      join(ARTICLE, 'unused.json'),
      '--catalog',
      join(ARTICLE, 'catalog-2024.json')
    ],
    status: 0
  },
  {
    label: '`refine` of `Action: "*"` (bundled catalog)',
    entry: 'cli.js',
    args: ['refine', star, '--findings', join(ARTICLE, 'unused.json')],
    status: 0
  },
  {
    label: '`check` (two JSON files, bundled catalog)',
    entry: 'cli.js',
    args: ['check', repo, '--findings', join(ARTICLE, 'finding-getfindingv2.json')],
    status: 1
  },
  // No inputs: the action reads its inputs and stops at the missing token.
  { label: '`index.js`, no inputs', entry: 'index.js', args: [], status: 1 }
]

const bundles: { name: string; dir: string }[] = [{ name: 'after', dir: resolve('dist') }]
if (process.env.IAM_REFINE_BENCH_STARTUP_BEFORE) {
  bundles.unshift({ name: 'before', dir: resolve(process.env.IAM_REFINE_BENCH_STARTUP_BEFORE) })
}
const nodes = [
  process.execPath,
  ...(process.env.IAM_REFINE_BENCH_STARTUP_NODES ?? '').split(delimiter).filter(Boolean)
]

// Children see no workflow context, write no colors, and keep their compile cache in folders of
// this benchmark; everything else as the caller has it. Not NODE_EXTRA_CA_CERTS either: Node 20
// reads those certificates at every start (Node 24 when a TLS connection first needs them): bare
// Node 20 took 98 ms with it and 28 without on a machine that sets it, which hid ours in the ratio.
const baseEnv: Record<string, string> = Object.fromEntries(
  Object.entries(process.env).filter(
    (e): e is [string, string] =>
      e[1] !== undefined &&
      !/^(GITHUB_|INPUT_|RUNNER_|NODE_OPTIONS$|NODE_COMPILE_CACHE$|NODE_DISABLE_COMPILE_CACHE$|NODE_EXTRA_CA_CERTS$)/.test(
        e[0]
      )
  )
)
baseEnv.NO_COLOR = '1'

type CacheMode = 'none' | 'empty' | 'warm'
const warmCache = join(scratch, 'warm')
mkdirSync(warmCache)

/** The environment of one run, and what to remove after it. */
function environment(mode: CacheMode): { env: Record<string, string>; cleanup?: string } {
  if (mode === 'none') return { env: baseEnv }
  if (mode === 'warm') return { env: { ...baseEnv, NODE_COMPILE_CACHE: warmCache } }
  const fresh = mkdtempSync(join(scratch, 'empty-'))
  return { env: { ...baseEnv, NODE_COMPILE_CACHE: fresh }, cleanup: fresh }
}

interface Job {
  readonly key: string
  readonly args: readonly string[]
  readonly status: number
  readonly cache: CacheMode
}

function timeRun(node: string, job: Job, what: string): number {
  const { env, cleanup } = environment(job.cache)
  const start = performance.now()
  const run = spawnSync(node, job.args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
  const ms = performance.now() - start
  if (cleanup) rmSync(cleanup, { recursive: true, force: true })
  if (run.status !== job.status) {
    throw new Error(
      `${what} ended with ${run.status ?? run.signal}, not ${job.status}:\n${run.stderr.toString().slice(0, 2000)}`
    )
  }
  return ms
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}
const min = (xs: readonly number[]): number => Math.min(...xs)
const ms = (x: number): string => `${x.toFixed(0)} ms`
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`

try {
  for (const node of nodes) {
    const probe = spawnSync(node, [
      '-p',
      "process.version + ' ' + typeof require('node:module').enableCompileCache"
    ])
    const [version, cacheApi] = probe.stdout.toString().trim().split(' ')
    const hasCache = cacheApi === 'function'
    const jobs: Job[] = [{ key: 'bare', args: ['-e', '0'], status: 0, cache: 'none' }]
    for (const b of bundles) {
      for (const c of COMMANDS) {
        if (!existsSync(join(b.dir, c.entry))) continue
        const modes: CacheMode[] =
          b.name === 'after' && hasCache && c.entry === 'cli.js'
            ? ['none', 'empty', 'warm']
            : ['none']
        for (const cache of modes) {
          jobs.push({
            key: `${b.name}\t${c.label}\t${cache}`,
            args: [join(b.dir, c.entry), ...c.args],
            status: c.status,
            cache
          })
        }
      }
    }
    const times = new Map(jobs.map(j => [j.key, [] as number[]]))
    for (let round = 0; round <= RUNS; round++) {
      for (const job of jobs) {
        const t = timeRun(node, job, `${job.key.replace(/\t/g, ' ')} on node ${version}`)
        if (round > 0) times.get(job.key)?.push(t)
      }
    }
    const bare = times.get('bare') as number[]
    const of = (bundle: string, c: Command, cache: CacheMode): number[] | undefined =>
      times.get(`${bundle}\t${c.label}\t${cache}`)

    console.log(
      `\nnode ${version}, ${RUNS} runs each; bare \`node -e 0\`: min ${ms(min(bare))}, median ${ms(median(bare))}\n`
    )
    console.log(row(['command', 'bundles', 'min', 'median', 'min / bare', 'median / bare']))
    console.log(row(['---', '---', '---', '---', '---', '---']))
    for (const c of COMMANDS) {
      for (const b of bundles) {
        const t = of(b.name, c, 'none')
        if (!t) continue
        console.log(
          row([
            c.label,
            b.name,
            ms(min(t)),
            ms(median(t)),
            ratio(min(t), min(bare)),
            ratio(median(t), median(bare))
          ])
        )
      }
    }
    if (!hasCache) {
      console.log(`\n(node ${version} has no compile cache)`)
      continue
    }
    console.log(`\nWith NODE_COMPILE_CACHE set (after), min / median, node ${version}:\n`)
    console.log(row(['command', 'no cache', 'an empty cache (a first run)', 'a warm cache']))
    console.log(row(['---', '---', '---', '---']))
    for (const c of COMMANDS) {
      const none = of('after', c, 'none')
      const empty = of('after', c, 'empty')
      const warm = of('after', c, 'warm')
      if (!none || !empty || !warm) continue
      const cell = (t: number[]): string =>
        `${ms(min(t))} / ${ms(median(t))} (${ratio(min(t), min(bare))} / ${ratio(median(t), median(bare))})`
      console.log(row([c.label, cell(none), cell(empty), cell(warm)]))
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
