/**
 * The engine's numbers (`npm run bench engine`): refining against the full bundled catalog, with
 * about 85% of the services wholly unused and the rest partly (a fixed pseudo-random draw), for
 * `Action: "*"` and for policies of wildcard statements.
 *
 * - Cold: the first call in a fresh process (catalog index included), one process per sample,
 *   each a small bundle of the engine built for this run; then the median of the calls after it
 *   in the same process (warm).
 * - Cold, split: where the first call's time goes, in fresh processes of their own (this tree
 *   only): the steps of `refinePolicy` by hand, in its order, each timed once (the catalog
 *   index, the universe and U, the refinement, the guarantee checks and, inside them, the second
 *   refinement for idempotence). Each step runs on code the steps before it have warmed exactly
 *   as far as they do inside `refinePolicy`.
 * - Per statement: the slope of the warm time over policies of 50 to 200 statements.
 * - In process: the whole `refinePolicy` call, split into the context (universe and U), the
 *   refinement and the guarantee checks (the second refinement for idempotence included).
 * - The limit: a 300-statement draw refines to more entries than MAX_ENTRIES_PER_POLICY allows
 *   (src/engine/limits.ts), and is reported as too large to suggest; its line says how fast.
 * - The command line: the whole process through `dist/cli.js` (run `npm run bundle` first).
 *
 * `IAM_REFINE_BENCH_BASE=<git ref>` (e.g. `main`) also builds that ref's engine into a
 * scratch bundle and measures it in the same run, alternating with this one sample by sample, so
 * that both see the same load of a shared machine.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Catalog } from '../../src/engine/catalog.js'
import { bundledCatalog } from '../../src/engine/bundled-catalog.js'
import { verifyRefinement } from '../../src/engine/invariants.js'
import { MAX_ENTRIES_PER_POLICY } from '../../src/engine/limits.js'
import { actionEntries } from '../../src/engine/policy.js'
import { QUOTAS, refinePolicy, refineWithContext } from '../../src/engine/refine.js'
import { Universe } from '../../src/engine/universe.js'
import { namedActions, type PrincipalUnused } from '../../src/engine/unused.js'
import { UnusedSet } from '../../src/engine/unused-set.js'
import { drawPolicy, drawUnused } from './lib/draw.js'
import { random } from './lib/random.js'

const IN_PROCESS_RUNS = 21
const COLD_RUNS = 21
/** Calls after the cold one in each fresh process; their median is that process's warm time. */
const WARM_CALLS = 11
const SCALING_RUNS = 7
const SCALING_SIZES = [50, 100, 150, 200]
/** The statements policy: as many statements as stay under MAX_ENTRIES_PER_POLICY. */
const STATEMENTS = 200
/** The draw the benchmark once used, now over the limit. */
const OVER_LIMIT_STATEMENTS = 300
const CLI_RUNS = 11

function stats(ms: readonly number[]): string {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number
  // The minimum shows the cost without other processes' noise (the machine may be shared).
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, min ${(sorted[0] as number).toFixed(1)} ms`
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[sorted.length >> 1] as number
}

function time(f: () => void): number {
  const start = process.hrtime.bigint()
  f()
  return Number(process.hrtime.bigint() - start) / 1e6
}

// ------------------------------------------------------------------ cold, in fresh processes

/**
 * The program each fresh process runs: read the inputs, then time the first `refinePolicy` call
 * (the bundled catalog's index built inside it) and the calls after it. `engine` is the folder of
 * the engine's sources; the same text is bundled for this tree and for a baseline. The bundled
 * catalog has its own module since issue 13; a baseline from before has it in catalog.ts.
 */
const childSource = (engine: string): string => `
import { readFileSync } from 'node:fs'
import { bundledCatalog } from ${JSON.stringify(
  existsSync(`${engine}/bundled-catalog.ts`)
    ? `${engine}/bundled-catalog.ts`
    : `${engine}/catalog.ts`
)}
import { QUOTAS, refinePolicy } from ${JSON.stringify(`${engine}/refine.ts`)}
const policy = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const principal = JSON.parse(readFileSync(process.argv[3], 'utf8'))
const calls = Number(process.argv[4])
const once = () => {
  try {
    const r = refinePolicy(policy, { catalog: bundledCatalog(), principals: [principal], quota: QUOTAS.managed })
    return r.statements.reduce((n, s) => n + s.after.length, 0) + ' entries'
  } catch (error) {
    return error.name + ': ' + error.message.slice(0, 60)
  }
}
let start = performance.now()
const outcome = once()
const cold = performance.now() - start
const warm = []
for (let i = 0; i < calls; i++) {
  start = performance.now()
  once()
  warm.push(performance.now() - start)
}
console.log(JSON.stringify({ cold, warm, outcome }))
`

/** The split: `refinePolicy`'s steps by hand (src/engine/refine.ts), each timed on first run. */
const splitSource = (engine: string): string => `
import { readFileSync } from 'node:fs'
import { bundledCatalog } from ${JSON.stringify(`${engine}/bundled-catalog.ts`)}
import { catalogIndex } from ${JSON.stringify(`${engine}/catalog.ts`)}
import { verifyRefinement } from ${JSON.stringify(`${engine}/invariants.ts`)}
import { hasWildcard } from ${JSON.stringify(`${engine}/actions.ts`)}
import { actionEntries, readStatements } from ${JSON.stringify(`${engine}/policy.ts`)}
import { QUOTAS, refineWithContext } from ${JSON.stringify(`${engine}/refine.ts`)}
import { Universe } from ${JSON.stringify(`${engine}/universe.ts`)}
import { UnusedSet } from ${JSON.stringify(`${engine}/unused-set.ts`)}
import { namedActions } from ${JSON.stringify(`${engine}/unused.ts`)}
const policy = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const principal = JSON.parse(readFileSync(process.argv[3], 'utf8'))
const catalog = bundledCatalog()
const split = {}
let start = performance.now()
const lap = (step) => {
  const now = performance.now()
  split[step] = now - start
  start = now
}
catalogIndex(catalog)
lap('index')
const { statements } = readStatements(policy)
const literals = statements.flatMap(s => (actionEntries(s) ?? []).filter(e => !hasWildcard(e)))
const universe = new Universe(catalog, namedActions([principal]), literals, [])
const context = { universe, unused: UnusedSet.resolve([principal], universe, []) }
lap('context')
const result = refineWithContext(policy, context, QUOTAS.managed)
lap('refinement')
let again = 0
verifyRefinement(policy, result, context, d => {
  const t = performance.now()
  const r = refineWithContext(d, context, QUOTAS.managed)
  again += performance.now() - t
  return r
})
lap('checks')
split.checks -= again
split.again = again
console.log(JSON.stringify(split))
`

const SPLIT_STEPS: readonly [string, string][] = [
  ['index', 'the catalog index'],
  ['context', 'universe + U'],
  ['refinement', 'the refinement'],
  ['checks', 'the guarantee checks, less:'],
  ['again', 'the second refinement']
]

interface Engine {
  readonly name: string
  readonly bundle: string
}

/** Bundles a program's source into `dir` as `name.mjs`, with the project's own bundler. */
async function bundleProgram(dir: string, name: string, source: string): Promise<string> {
  // Loaded when the benchmark runs (npm run bench runs from the root).
  const { bundleForNode } = (await import(
    pathToFileURL(resolve('scripts/esbuild-node.mjs')).href
  )) as { bundleForNode: (entry: string, out: string) => Promise<unknown> }
  const entry = join(dir, `${name}.ts`)
  writeFileSync(entry, source)
  const bundle = join(dir, `${name}.mjs`)
  await bundleForNode(entry, bundle)
  return bundle
}

async function buildEngines(dir: string): Promise<Engine[]> {
  const engines: Engine[] = []
  const build = async (name: string, engine: string): Promise<void> => {
    engines.push({ name, bundle: await bundleProgram(dir, name, childSource(engine)) })
  }
  const baseline = process.env.IAM_REFINE_BENCH_BASE
  if (baseline) {
    const tree = join(dir, 'baseline')
    mkdirSync(tree)
    const archive = execFileSync('git', ['archive', '--format=tar', baseline, 'src/engine'], {
      maxBuffer: 64 * 1024 * 1024
    })
    execFileSync('tar', ['-x', '-C', tree], { input: archive })
    await build(`baseline (${baseline})`, join(tree, 'src/engine'))
  }
  await build('this tree', resolve('src/engine'))
  return engines
}

/**
 * The first call's steps in `COLD_RUNS` fresh processes of this tree's split program. (The
 * context is built as `refinePolicy` builds it, less the file's work budget, which only counts.)
 */
async function coldSplit(
  label: string,
  dir: string,
  policyFile: string,
  principalFile: string
): Promise<void> {
  const bundle = await bundleProgram(dir, 'split', splitSource(resolve('src/engine')))
  const runs: Record<string, number>[] = []
  for (let i = 0; i < COLD_RUNS; i++) {
    const out = execFileSync('node', [bundle, policyFile, principalFile], { encoding: 'utf8' })
    runs.push(JSON.parse(out) as Record<string, number>)
  }
  console.log(`${label}, the first call split (this tree, ${COLD_RUNS} fresh processes):`)
  for (const [step, name] of SPLIT_STEPS) {
    console.log(`  ${name.padEnd(28)} ${stats(runs.map(r => r[step] as number))}`)
  }
}

interface ColdSample {
  cold: number
  warm: number[]
  outcome: string
}

/** `runs` fresh processes per engine, alternating engines sample by sample. */
function sampleCold(
  engines: readonly Engine[],
  policyFile: string,
  principalFile: string,
  runs: number,
  calls = WARM_CALLS
): Map<Engine, ColdSample[]> {
  const samples = new Map<Engine, ColdSample[]>(engines.map(e => [e, []]))
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? engines : [...engines].reverse()
    for (const engine of order) {
      const out = execFileSync('node', [engine.bundle, policyFile, principalFile, String(calls)], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024
      })
      samples.get(engine)?.push(JSON.parse(out) as ColdSample)
    }
  }
  return samples
}

function reportCold(label: string, samples: Map<Engine, ColdSample[]>): void {
  console.log(`${label}:`)
  for (const [engine, runs] of samples) {
    console.log(`  ${engine.name}: ${runs[0]?.outcome}`)
    console.log(`    cold, first call:     ${stats(runs.map(r => r.cold))}`)
    console.log(`    warm, calls after it: ${stats(runs.map(r => median(r.warm)))}`)
  }
}

/** Least-squares slope of y over x. */
function slope(points: readonly [number, number][]): number {
  const n = points.length
  const mx = points.reduce((s, [x]) => s + x, 0) / n
  const my = points.reduce((s, [, y]) => s + y, 0) / n
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0)
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  return sxy / sxx
}

// ------------------------------------------------------------------ in process

function inProcess(
  label: string,
  policy: Record<string, unknown>,
  catalog: Catalog,
  p: PrincipalUnused
): void {
  const options = { catalog, principals: [p], quota: QUOTAS.managed }
  const total: number[] = []
  const checks: number[] = []
  const context: number[] = []
  const refinement: number[] = []
  let summary = ''
  for (let i = 0; i < IN_PROCESS_RUNS + 2; i++) {
    const t = time(() => void refinePolicy(policy, options))
    // The same steps by hand, to split the time: the context, the refinement, then the checks.
    let ctx: { universe: Universe; unused: UnusedSet } | undefined
    const c = time(() => {
      const literals = (policy.Statement as unknown[]).flatMap(s =>
        (actionEntries(s) ?? []).filter(e => !/[*?]/.test(e))
      )
      const universe = new Universe(catalog, namedActions([p]), literals)
      ctx = { universe, unused: UnusedSet.resolve([p], universe) }
    })
    const context_ = ctx as { universe: Universe; unused: UnusedSet }
    let result: ReturnType<typeof refineWithContext> | undefined
    const r = time(() => void (result = refineWithContext(policy, context_, QUOTAS.managed)))
    const refined = result as ReturnType<typeof refineWithContext>
    const v = time(() =>
      verifyRefinement(policy, refined, context_, d =>
        refineWithContext(d, context_, QUOTAS.managed)
      )
    )
    if (i < 2) continue // warm-up
    total.push(t)
    checks.push(v)
    context.push(c)
    refinement.push(r)
    const entries = refined.statements.reduce((n, s) => n + s.after.length, 0)
    summary = `${refined.statements.length} statement(s) -> ${entries} entries, ${refined.size.after} characters`
  }
  console.log(`${label}, in process (warm): ${summary}`)
  console.log(`  refinePolicy (everything):  ${stats(total)}`)
  console.log(`  of which universe + U:      ${stats(context)}`)
  console.log(`  of which the refinement:    ${stats(refinement)}`)
  console.log(`  of which guarantee checks:  ${stats(checks)}`)
}

// ------------------------------------------------------------------ through the command line

function throughCli(
  label: string,
  dir: string,
  policy: Record<string, unknown>,
  p: PrincipalUnused
): void {
  if (!existsSync('dist/cli.js')) {
    console.log(`${label}: dist/cli.js is missing; run npm run bundle`)
    return
  }
  const policyFile = join(dir, 'cli-policy.json')
  const findingsFile = join(dir, 'cli-unused.json')
  writeFileSync(policyFile, JSON.stringify(policy))
  // The per-principal list Access Analyzer shows, with no principal needed for one.
  const list = p.services.map(s =>
    s.actions
      ? { serviceNamespace: s.service, actions: s.actions.map(a => a.action) }
      : { serviceNamespace: s.service }
  )
  writeFileSync(findingsFile, JSON.stringify(list))
  const ms: number[] = []
  for (let i = 0; i < CLI_RUNS + 1; i++) {
    const t = time(() =>
      execFileSync('node', ['dist/cli.js', 'refine', policyFile, '--findings', findingsFile], {
        stdio: ['ignore', 'ignore', 'ignore'],
        maxBuffer: 64 * 1024 * 1024
      })
    )
    if (i > 0) ms.push(t)
  }
  console.log(`${label} through node dist/cli.js: ${stats(ms)} (whole process, ${CLI_RUNS} runs)`)
}

// ------------------------------------------------------------------ the run

const catalog = bundledCatalog()
const actions = [...catalog.services.values()].reduce((n, a) => n + a.length, 0)
const principal = drawUnused(catalog, random(20240610))
const wholly = principal.services.filter(s => !s.actions).length
console.log(
  `catalog ${catalog.source}: ${catalog.services.size} services, ${actions} actions; ` +
    `${wholly} services wholly unused, ${catalog.services.size - wholly} partly; node ${process.version}`
)
const star = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
const statements = (n: number): Record<string, unknown> => drawPolicy(catalog, random(7), n)
// The floor: starting node and loading the bundle, for a one-action policy.
const tiny = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }
const tinyUnused: PrincipalUnused = {
  ...principal,
  services: [{ service: 's3', actions: [{ action: 'PutObject' }] }]
}

const dir = mkdtempSync(join(tmpdir(), 'iam-refine-bench-'))
try {
  const write = (name: string, value: unknown): string => {
    const file = join(dir, name)
    writeFileSync(file, JSON.stringify(value))
    return file
  }
  const principalFile = write('principal.json', principal)
  const engines = await buildEngines(dir)
  const starFile = write('star.json', star)
  reportCold('Action "*"', sampleCold(engines, starFile, principalFile, COLD_RUNS))
  await coldSplit('Action "*"', dir, starFile, principalFile)
  reportCold(
    `${STATEMENTS} statements of wildcards`,
    sampleCold(engines, write('many.json', statements(STATEMENTS)), principalFile, COLD_RUNS)
  )
  console.log('per statement (slope of the time over 50-200 statements):')
  const points = new Map<Engine, { warm: [number, number][]; cold: [number, number][] }>(
    engines.map(e => [e, { warm: [], cold: [] }])
  )
  for (const n of SCALING_SIZES) {
    const file = write(`many-${n}.json`, statements(n))
    for (const [engine, runs] of sampleCold(engines, file, principalFile, SCALING_RUNS)) {
      points.get(engine)?.warm.push([n, median(runs.map(r => median(r.warm)))])
      points.get(engine)?.cold.push([n, median(runs.map(r => r.cold))])
    }
  }
  for (const [engine, { warm, cold }] of points) {
    console.log(
      `  ${engine.name}: warm ${(slope(warm) * 1000).toFixed(0)} µs, cold ${(slope(cold) * 1000).toFixed(0)} µs per statement`
    )
  }
  reportCold(
    `${OVER_LIMIT_STATEMENTS} statements (over the ${MAX_ENTRIES_PER_POLICY}-entry limit)`,
    sampleCold(
      engines,
      write('over.json', statements(OVER_LIMIT_STATEMENTS)),
      principalFile,
      SCALING_RUNS
    )
  )
  throughCli('one action (start-up)', dir, tiny, tinyUnused)
  throughCli('Action "*"', dir, star, principal)
  throughCli(`${STATEMENTS} statements of wildcards`, dir, statements(STATEMENTS), principal)
  // In process last: a big heap in this process makes every later fork of a child slower.
  inProcess('Action "*"', star, catalog, principal)
  inProcess(`${STATEMENTS} statements of wildcards`, statements(STATEMENTS), catalog, principal)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
