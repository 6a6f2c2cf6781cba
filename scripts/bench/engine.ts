/**
 * The engine's numbers (`npm run bench engine`): refining against the full bundled catalog, with
 * about 85% of the services wholly unused and the rest partly (a fixed pseudo-random draw), for
 * `Action: "*"` and for a 300-statement policy of wildcards. In process, the time of the whole
 * `refinePolicy` call and, separately, of the guarantee checks inside it; then the whole process
 * through `dist/cli.js` (run `npm run bundle` first so that dist/ is current).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledCatalog, type Catalog } from '../../src/engine/catalog.js'
import { verifyRefinement } from '../../src/engine/invariants.js'
import { actionEntries } from '../../src/engine/policy.js'
import { QUOTAS, refinePolicy, refineWithContext } from '../../src/engine/refine.js'
import { Universe } from '../../src/engine/universe.js'
import { namedActions, type PrincipalUnused } from '../../src/engine/unused.js'
import { UnusedSet } from '../../src/engine/unused-set.js'
import { drawPolicy, drawUnused } from './lib/draw.js'
import { random } from './lib/random.js'

const RUNS = 21
const CLI_RUNS = 11

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number
  // The minimum shows the cost without other processes' noise (the machine may be shared).
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, min ${(sorted[0] as number).toFixed(1)} ms`
}

function time(f: () => void): number {
  const start = process.hrtime.bigint()
  f()
  return Number(process.hrtime.bigint() - start) / 1e6
}

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
  let summary = ''
  for (let i = 0; i < RUNS + 2; i++) {
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
    const result = refineWithContext(policy, context_, QUOTAS.managed)
    const v = time(() =>
      verifyRefinement(policy, result, context_, d =>
        refineWithContext(d, context_, QUOTAS.managed)
      )
    )
    if (i < 2) continue // warm-up
    total.push(t)
    checks.push(v)
    context.push(c)
    const entries = result.statements.reduce((n, s) => n + s.after.length, 0)
    summary = `${result.statements.length} statement(s) -> ${entries} entries, ${result.size.after} characters`
  }
  console.log(`${label}: ${summary}`)
  console.log(`  refinePolicy (everything):   ${stats(total)}`)
  console.log(`  of which guarantee checks:  ${stats(checks)}`)
  console.log(`  of which universe + U:       ${stats(context)}`)
}

function throughCli(label: string, policy: Record<string, unknown>, p: PrincipalUnused): void {
  if (!existsSync('dist/cli.js')) {
    console.log(`${label}: dist/cli.js is missing; run npm run bundle`)
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'iam-refine-bench-'))
  try {
    const policyFile = join(dir, 'policy.json')
    const findingsFile = join(dir, 'unused.json')
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
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const catalog = bundledCatalog()
const actions = [...catalog.services.values()].reduce((n, a) => n + a.length, 0)
const principal = drawUnused(catalog, random(20240610))
const wholly = principal.services.filter(s => !s.actions).length
console.log(
  `catalog ${catalog.source}: ${catalog.services.size} services, ${actions} actions; ` +
    `${wholly} services wholly unused, ${catalog.services.size - wholly} partly; node ${process.version}`
)
const star = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
const many = drawPolicy(catalog, random(7))
// The floor: starting node and loading the bundle, for a one-action policy.
const tiny = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }
const tinyUnused: PrincipalUnused = {
  ...principal,
  services: [{ service: 's3', actions: [{ action: 'PutObject' }] }]
}
throughCli('one action (start-up)', tiny, tinyUnused)
throughCli('Action "*"', star, principal)
throughCli('300 statements of wildcards', many, principal)
// In process last: a big heap in this process makes every later fork of a child slower.
inProcess('Action "*"', star, catalog, principal)
inProcess('300 statements of wildcards', many, catalog, principal)
