import {
  CheckAccessNotGrantedCommand,
  CheckNoNewAccessCommand,
  type AccessAnalyzerClient,
  type ReasonSummary
} from '@aws-sdk/client-accessanalyzer'
import { fold, matches } from '../engine/actions.js'
import { isRecord } from '../engine/catalog.js'
import type { PolicyRefinement } from '../engine/refine.js'
import { describeAwsError, type AwsOperation } from './access-analyzer.js'

/**
 * AWS's verdict on a refinement. `defect` is true when AWS answered FAIL: the refinement grants
 * new access or keeps access it claims to remove, which is a bug to report. It is false when AWS
 * could not check the policy at all (e.g. CloudFormation functions in it): withhold the suggestion,
 * but nothing is known to be wrong.
 */
export type AwsVerdict = { ok: true } | { ok: false; defect: boolean; reason: string }

/** CheckAccessNotGranted takes at most 100 actions per access entry. */
export const ACTIONS_PER_CHECK = 100

const UNCHECKABLE = new Set([
  'ValidationException',
  'InvalidParameterException',
  'UnprocessableEntityException'
])

/**
 * Asks AWS's automated reasoning to confirm a refinement: CheckNoNewAccess(refined against the
 * original, identity policy) must PASS, and CheckAccessNotGranted(refined, removed actions, in
 * batches of at most 100) must PASS for every batch. A missing permission or credentials throws
 * a ConfigurationError.
 */
export async function verifyWithAws(
  client: AccessAnalyzerClient,
  originalDoc: unknown,
  refinedDoc: unknown,
  removedActions: readonly string[]
): Promise<AwsVerdict> {
  // A policy without statements grants nothing, so there is nothing new or left to disprove.
  if (statementsOf(refinedDoc).length === 0) return { ok: true }
  const refined = JSON.stringify(refinedDoc)
  const noNew = await check('CheckNoNewAccess', () =>
    client.send(
      new CheckNoNewAccessCommand({
        newPolicyDocument: refined,
        existingPolicyDocument: JSON.stringify(originalDoc),
        policyType: 'IDENTITY_POLICY'
      })
    )
  )
  if (!noNew.ok) return noNew
  const actions = [...new Set(removedActions)].sort()
  for (let i = 0; i < actions.length; i += ACTIONS_PER_CHECK) {
    const batch = actions.slice(i, i + ACTIONS_PER_CHECK)
    const notGranted = await check('CheckAccessNotGranted', () =>
      client.send(
        new CheckAccessNotGrantedCommand({
          policyDocument: refined,
          access: [{ actions: batch }],
          policyType: 'IDENTITY_POLICY'
        })
      )
    )
    if (!notGranted.ok) {
      return notGranted.defect
        ? { ...notGranted, reason: `${notGranted.reason} (checked: ${batch.join(', ')})` }
        : notGranted
    }
  }
  return { ok: true }
}

/** The check a caller runs before suggesting a refinement (`verify-with-aws`, `--verify-with-aws`). */
export type RefinementVerifier = (
  originalDoc: unknown,
  refinement: PolicyRefinement
) => Promise<AwsVerdict>

/** verifyWithAws over a refinement, with the removed actions taken from it. */
export function awsRefinementVerifier(client: AccessAnalyzerClient): RefinementVerifier {
  return async (originalDoc, refinement) => {
    if (!refinement.changed) return { ok: true }
    return verifyWithAws(client, originalDoc, refinement.document, actionsToProve(refinement))
  }
}

/**
 * The unused actions a refinement removed and that no Allow statement of the refined document
 * still grants. A statement the engine leaves alone (NotAction, an odd shape) may still grant an
 * action removed elsewhere; asking AWS about that one would report a failure that is not ours.
 */
export function actionsToProve(refinement: PolicyRefinement): string[] {
  const removed = new Map<string, string>()
  for (const statement of refinement.statements) {
    for (const change of statement.changes) {
      for (const action of change.unused) removed.set(fold(action), action)
    }
  }
  const allows = statementsOf(refinement.document).filter(
    s => isRecord(s) && s.Effect === 'Allow'
  ) as Record<string, unknown>[]
  const out: string[] = []
  for (const action of removed.values()) {
    if (!allows.some(s => grants(s, action))) out.push(action)
  }
  return out.sort()
}

function grants(statement: Record<string, unknown>, action: string): boolean {
  const list = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string')
        : []
  if ('Action' in statement) return list(statement.Action).some(p => matches(p, action))
  if ('NotAction' in statement) return !list(statement.NotAction).some(p => matches(p, action))
  return false
}

function statementsOf(document: unknown): unknown[] {
  if (!isRecord(document)) return []
  const s = document.Statement
  return Array.isArray(s) ? s : isRecord(s) ? [s] : []
}

async function check(
  operation: AwsOperation,
  send: () => Promise<{ result?: string; message?: string; reasons?: ReasonSummary[] }>
): Promise<AwsVerdict> {
  let answer
  try {
    answer = await send()
  } catch (error) {
    const name = (error as { name?: string }).name ?? ''
    if (UNCHECKABLE.has(name)) {
      return {
        ok: false,
        defect: false,
        reason: `AWS could not check the policy with ${operation}: ${(error as Error).message}`
      }
    }
    throw describeAwsError(error, operation)
  }
  if (answer.result === 'PASS') return { ok: true }
  const reasons = (answer.reasons ?? [])
    .map(r => {
      const where =
        r.statementId !== undefined
          ? `statement ${r.statementId}`
          : r.statementIndex !== undefined
            ? `statement ${r.statementIndex}`
            : undefined
      return [where, r.description].filter(Boolean).join(': ')
    })
    .filter(Boolean)
  return {
    ok: false,
    defect: answer.result === 'FAIL',
    reason:
      `${operation} answered ${answer.result ?? 'nothing'}` +
      (answer.message ? `: ${answer.message}` : '') +
      (reasons.length ? ` (${reasons.join('; ')})` : '')
  }
}
