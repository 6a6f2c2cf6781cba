/**
 * The cost of comparing a refinement with IAM Access Analyzer's recommendation
 * (`npm run bench agreement`), on the engine benchmark's inputs and the full bundled catalog: the
 * refinement expressed as the recommendation (the comparison's full work: every statement expanded
 * on both sides, all of them agreeing), found by the policy's name and by content (the alignment),
 * and one that differs in every statement.
 */
import { compareWithRecommendation } from '../../src/engine/agreement.js'
import { bundledCatalog } from '../../src/engine/bundled-catalog.js'
import type { RecommendedStep } from '../../src/engine/recommendation.js'
import { refinePolicy } from '../../src/engine/refine.js'
import type { PrincipalUnused } from '../../src/engine/unused.js'
import { drawPolicy, drawUnused } from './lib/draw.js'
import { random } from './lib/random.js'

const RUNS = 21
const catalog = bundledCatalog()
const principal = drawUnused(catalog, random(20240610))

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, min ${(sorted[0] as number).toFixed(1)} ms`
}

function measure(
  label: string,
  policy: Record<string, unknown>,
  p: PrincipalUnused,
  recommended: (refined: Record<string, unknown>) => Record<string, unknown>,
  byName: boolean
): void {
  const refinement = refinePolicy(policy, { catalog, principals: [p] })
  const step: RecommendedStep = {
    action: 'CREATE_POLICY',
    existingPolicyId: 'Bench',
    recommendedPolicy: recommended(refinement.document)
  }
  const input = {
    catalog,
    document: policy,
    refinement,
    principals: [p],
    policyNames: byName ? ['Bench'] : [],
    recommendations: new Map([
      [
        p.principal,
        {
          principal: p.principal,
          status: 'available' as const,
          steps: [step],
          startedAt: '2026-10-02T09:00:00Z',
          source: 'bench'
        }
      ]
    ])
  }
  const ms: number[] = []
  let verdict = ''
  for (let i = 0; i < RUNS + 2; i++) {
    const start = process.hrtime.bigint()
    const agreement = compareWithRecommendation(input)
    const t = Number(process.hrtime.bigint() - start) / 1e6
    verdict = `${agreement.verdict} (${agreement.principals[0]?.reasons.length ?? 0} differences)`
    if (i >= 2) ms.push(t)
  }
  console.log(`${label}: ${verdict}`)
  console.log(`  compareWithRecommendation: ${stats(ms)}`)
}

const star = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
// 100 statements: the 300 of the engine benchmark refine to more entries than a policy may hold.
const many = drawPolicy(catalog, random(7), 100)
const same = (refined: Record<string, unknown>) => refined
/** AWS's version of every statement lacks its last entry. */
const fewer = (refined: Record<string, unknown>) => ({
  ...refined,
  Statement: (refined.Statement as Record<string, unknown>[]).map(s =>
    Array.isArray(s.Action) && s.Action.length > 1 ? { ...s, Action: s.Action.slice(0, -1) } : s
  )
})

measure('Action "*", by name', star, principal, same, true)
measure('Action "*", by content', star, principal, same, false)
measure('100 statements of wildcards, by name', many, principal, same, true)
measure('100 statements of wildcards, by content', many, principal, same, false)
measure('100 statements, each differing by an entry', many, principal, fewer, true)
