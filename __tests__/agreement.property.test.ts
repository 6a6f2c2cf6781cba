/**
 * Agreement with IAM Access Analyzer's recommendation, over random catalogs, policies and findings
 * (the engine's own generators): a refinement expressed as AWS's recommendation always agrees with
 * itself, and one that differs by a single action is `differs`, naming exactly that action.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { fold, hasWildcard, matches } from '../src/engine/actions.js'
import { compareWithRecommendation, type AwsAgreement } from '../src/engine/agreement.js'
import type { RecommendedStep } from '../src/engine/recommendation.js'
import { refinePolicy, type PolicyRefinement } from '../src/engine/refine.js'
import type { PrincipalUnused } from '../src/engine/unused.js'
import { agreementLine, agreementMarkdown } from '../src/report/agreement.js'
import { caseArb, toCatalog, type Case } from './helpers/engine-arbitraries.js'

type Full = Case & { principals: PrincipalUnused[] }

/** The generated principals share one ARN; a shared policy's are told apart here. */
function distinct(principals: readonly PrincipalUnused[]): PrincipalUnused[] {
  return principals.map((p, i) => ({ ...p, principal: `arn:aws:iam::123456789012:role/R${i}` }))
}

function refine(c: Full, principals: PrincipalUnused[]): PolicyRefinement {
  return refinePolicy(c.policy, {
    catalog: toCatalog(c.input.catalog),
    principals,
    keepActions: c.input.keep ?? []
  })
}

function compare(
  c: Full,
  principals: PrincipalUnused[],
  refinement: PolicyRefinement,
  step: RecommendedStep,
  byName: boolean
): AwsAgreement {
  return compareWithRecommendation({
    catalog: toCatalog(c.input.catalog),
    document: c.policy,
    refinement,
    principals,
    keepActions: c.input.keep ?? [],
    policyNames: byName ? ['P'] : [],
    recommendations: new Map(
      principals.map(p => [
        p.principal,
        {
          principal: p.principal,
          status: 'available' as const,
          steps: [step],
          startedAt: '2026-10-02T09:00:00Z',
          source: 'property'
        }
      ])
    )
  })
}

/** AWS's recommendation that says exactly what the refinement says. */
function asRecommendation(refinement: PolicyRefinement, byName: boolean): RecommendedStep {
  const id = byName ? { existingPolicyId: 'P' } : {}
  return refinement.unusedPolicy
    ? { action: 'DETACH_POLICY', existingPolicyId: 'P' }
    : { action: 'CREATE_POLICY', ...id, recommendedPolicy: refinement.document }
}

const comparable = (principals: readonly PrincipalUnused[], r: PolicyRefinement): boolean =>
  principals.length > 0 && !principals.some(p => p.wholePrincipal) && (r.changed || r.unusedPolicy)

describe('agreement with a recommendation', () => {
  it('a refinement expressed as the recommendation agrees with itself, found by name or by content', () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, byName) => {
        const principals = distinct(c.principals)
        const refinement = refine(c, principals)
        fc.pre(comparable(principals, refinement))
        // A detach can only be found by name.
        const named = byName || refinement.unusedPolicy
        const agreement = compare(
          c,
          principals,
          refinement,
          asRecommendation(refinement, named),
          named
        )
        expect(agreement.principals.map(p => [p.verdict, p.reasons])).toEqual(
          principals.map(() => ['agrees', []])
        )
        expect(agreementLine(agreement)).toMatch(/^Matches IAM Access Analyzer's recommendation/)
      }),
      { numRuns: 300 }
    )
  })

  it('one that also allows one unused action differs, naming that action', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const principals = distinct(c.principals)
        const refinement = refine(c, principals)
        fc.pre(comparable(principals, refinement) && !refinement.unusedPolicy)
        // An action a refined statement removed, added back as a literal in AWS's version of it.
        const refined = refinement.statements.filter(s => s.status === 'refined')
        const candidates = refined
          .flatMap(s => s.changes.flatMap(ch => ch.unused.map(action => ({ s, action }))))
          .filter(({ s, action }) => !s.after.some(e => matches(e, action)))
        fc.pre(candidates.length > 0)
        const { s, action } = candidates[pick % candidates.length]!
        const statements = statementsOf(refinement.document).map(st => ({ ...st }))
        const at = refinement.statements.filter(r => r.status !== 'removed').indexOf(s)
        statements[at] = { ...statements[at], Action: [...s.after, action] }
        const document = { ...refinement.document, Statement: statements }
        const agreement = compare(
          c,
          principals,
          refinement,
          { action: 'CREATE_POLICY', existingPolicyId: 'P', recommendedPolicy: document },
          true
        )
        expect(agreement.verdict).toBe('differs')
        for (const p of agreement.principals) {
          expect(p.reasons.flatMap(r => r.actions ?? []).map(fold)).toEqual([fold(action)])
          // Adding it back may restore the original statement: AWS "leaves it as it is".
          expect(p.reasons).toHaveLength(1)
          expect(['keeps-unused', 'not-refined-by-aws']).toContain(p.reasons[0]?.kind)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('one that lacks one exact action iam-refine keeps differs, naming that action', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const principals = distinct(c.principals)
        const refinement = refine(c, principals)
        fc.pre(comparable(principals, refinement) && !refinement.unusedPolicy)
        const kept = refinement.statements.filter(
          s => s.status === 'refined' || s.status === 'unchanged'
        )
        // An exact action no other entry of its statement also allows.
        const candidates = kept.flatMap(s =>
          s.after
            .filter(e => !hasWildcard(e) && /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(e))
            .filter(e => !s.after.some(o => fold(o) !== fold(e) && matches(o, e)))
            .map(e => ({ s, e }))
        )
        fc.pre(candidates.length > 0)
        const { s, e } = candidates[pick % candidates.length]!
        const statements = statementsOf(refinement.document).map(st => ({ ...st }))
        const at = refinement.statements.filter(r => r.status !== 'removed').indexOf(s)
        fc.pre(s.after.filter(x => fold(x) !== fold(e)).length > 0)
        statements[at] = { ...statements[at], Action: s.after.filter(x => fold(x) !== fold(e)) }
        const document = { ...refinement.document, Statement: statements }
        const agreement = compare(
          c,
          principals,
          refinement,
          { action: 'CREATE_POLICY', existingPolicyId: 'P', recommendedPolicy: document },
          true
        )
        expect(agreement.verdict).toBe('differs')
        for (const p of agreement.principals) {
          expect(p.reasons.flatMap(r => r.actions ?? []).map(fold)).toEqual([fold(e)])
        }
        // Whatever the names, the Markdown line is one line.
        expect(agreementMarkdown(agreement)).not.toMatch(/\n/)
      }),
      { numRuns: 300 }
    )
  })
})

function statementsOf(document: Record<string, unknown>): Record<string, unknown>[] {
  const s = document.Statement
  return (Array.isArray(s) ? s : [s]) as Record<string, unknown>[]
}
