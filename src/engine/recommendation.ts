/**
 * What IAM Access Analyzer itself recommends for a principal's unused-permission finding
 * (`GenerateFindingRecommendation`, then `GetFindingRecommendation`), in the engine's model. Findings
 * files, saved responses (src/findings/parse-recommendation.ts) and AWS (src/findings/recommendations.ts)
 * produce it; src/engine/agreement.ts compares a refinement with it.
 */

export type RecommendedAction = 'CREATE_POLICY' | 'DETACH_POLICY'

/** One `unusedPermissionsRecommendedStep`: what to do with one policy of the principal. */
export interface RecommendedStep {
  readonly action: RecommendedAction
  /**
   * The policy the step is about: a managed policy's ARN (or name), an inline policy's name. A
   * CREATE_POLICY and a DETACH_POLICY of the same id together say "replace it by the new one".
   */
  readonly existingPolicyId?: string
  /** CREATE_POLICY: the recommended document, parsed and checked (src/findings). */
  readonly recommendedPolicy?: Readonly<Record<string, unknown>>
  /** When the existing policy was last updated, as AWS saw it (ISO 8601). */
  readonly policyUpdatedAt?: string
}

export type PrincipalRecommendation =
  | {
      readonly principal: string
      readonly status: 'available'
      readonly steps: readonly RecommendedStep[]
      /** When AWS started and finished generating it (ISO 8601). */
      readonly startedAt: string
      readonly completedAt?: string
      /** The file or finding it was read from, for messages. */
      readonly source: string
    }
  | {
      readonly principal: string
      readonly status: 'unavailable'
      /** Why there is none: still in progress, FAILED with AWS's error, throttled, denied. */
      readonly reason: string
      readonly source: string
    }

/**
 * One recommendation per principal from several sources (a findings file, a saved response, AWS):
 * an available one wins over an unavailable one, then the most recently completed.
 */
export function mergeRecommendations(
  items: readonly PrincipalRecommendation[]
): Map<string, PrincipalRecommendation> {
  const byPrincipal = new Map<string, PrincipalRecommendation>()
  for (const item of items) {
    const seen = byPrincipal.get(item.principal)
    if (!seen || preferred(item, seen)) byPrincipal.set(item.principal, item)
  }
  return byPrincipal
}

function preferred(a: PrincipalRecommendation, b: PrincipalRecommendation): boolean {
  if (a.status !== b.status) return a.status === 'available'
  if (a.status !== 'available' || b.status !== 'available') return false
  return (a.completedAt ?? a.startedAt) > (b.completedAt ?? b.startedAt)
}
