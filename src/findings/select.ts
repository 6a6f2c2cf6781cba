import { ConfigurationError } from '../engine/errors.js'
import { mergeRecommendations, type PrincipalRecommendation } from '../engine/recommendation.js'
import { mergeUnused, usesEverything, type PrincipalUnused } from '../engine/unused.js'
import type { ParsedFindings } from './parse.js'

/** All findings loaded for a run, merged per principal. */
export interface LoadedFindings {
  /** By principal ARN; the empty key holds per-principal lists read without a principal. */
  readonly byPrincipal: ReadonlyMap<string, PrincipalUnused>
  readonly notes: readonly string[]
  /** Principal ARNs (lower case) some finding names, whatever its status or type. */
  readonly covered: ReadonlySet<string>
  /** The same principals, as the findings spell their ARNs, once each. */
  readonly known: readonly string[]
  /** Accounts the analyzer covers whole (a principal there without a finding uses everything). */
  readonly coveredAccounts: ReadonlySet<string>
  /** IAM Access Analyzer's recommendation per principal ARN, when the findings carry one. */
  readonly recommendations?: ReadonlyMap<string, PrincipalRecommendation>
}

export function combineFindings(parsed: readonly ParsedFindings[]): LoadedFindings {
  const merged = mergeUnused(parsed.flatMap(p => p.principals))
  const known = new Map<string, string>()
  for (const arn of [...merged.map(p => p.principal), ...parsed.flatMap(p => p.covered)]) {
    if (arn !== '' && !known.has(arn.toLowerCase())) known.set(arn.toLowerCase(), arn)
  }
  return {
    byPrincipal: new Map(merged.map(p => [p.principal, p])),
    notes: parsed.flatMap(p => p.notes),
    covered: new Set(known.keys()),
    known: [...known.values()],
    coveredAccounts: new Set(parsed.flatMap(p => p.coveredAccounts)),
    recommendations: mergeRecommendations(parsed.flatMap(p => p.recommendations ?? []))
  }
}

/**
 * Whether the findings say anything about `arn`: a finding names it, or its account is covered
 * whole. Without either, nothing tells a principal that uses everything from one never analyzed.
 */
export function isCovered(findings: LoadedFindings, arn: string): boolean {
  if (findings.covered.has(arn.toLowerCase())) return true
  const account = /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1]
  return account !== undefined && findings.coveredAccounts.has(account)
}

/**
 * The findings of the principals a policy belongs to. A per-principal list (read without an ARN)
 * belongs to the one principal named; without a name, the findings must be about one principal.
 * A named principal without a finding uses everything, which the warnings say.
 */
export function selectPrincipals(
  findings: LoadedFindings,
  named: readonly string[]
): { principals: PrincipalUnused[]; warnings: string[] } {
  const anonymous = findings.byPrincipal.get('')
  const known = [...findings.byPrincipal.keys()].filter(k => k !== '')
  const warnings: string[] = []
  if (named.length === 0) {
    if (known.length > 1 || (known.length === 1 && anonymous)) {
      throw new ConfigurationError(
        `the findings are about several principals (${[...known, ...(anonymous ? ['a per-principal list'] : [])].join(', ')}); choose one with --principal ARN`
      )
    }
    const only = known.length === 1 ? findings.byPrincipal.get(known[0] as string) : anonymous
    if (!only) warnings.push('the findings report nothing unused; the policy stays as it is')
    return { principals: only ? [only] : [], warnings }
  }
  if (anonymous && named.length > 1) {
    throw new ConfigurationError(
      'a per-principal findings list names no principal, so it cannot be applied to several --principal values'
    )
  }
  const principals = named.map(arn => {
    const own = findings.byPrincipal.get(arn)
    if (own && anonymous)
      return mergeUnused([own, { ...anonymous, principal: arn }])[0] as PrincipalUnused
    if (own) return own
    if (anonymous) return { ...anonymous, principal: arn }
    warnings.push(
      `no finding for ${arn} in the findings: it counts as using everything it is allowed`
    )
    return usesEverything(arn)
  })
  return { principals, warnings }
}
