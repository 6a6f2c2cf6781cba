import type { PolicyRefinement } from '../engine/model.js'
import type { FileReport } from '../report/json-report.js'
import type { FileOutcome, RefinedPolicy } from './scan.js'
import { applyEdits } from './text-edit.js'

/** AWS's answer about one refinement (src/findings/verify.ts makes it). */
export type ProofVerdict = { ok: true } | { ok: false; defect: boolean; reason: string }

/** Asks AWS whether a refinement grants nothing new and removes what it says. */
export type Prover = (originalDoc: unknown, refinement: PolicyRefinement) => Promise<ProofVerdict>

/**
 * Withholds every refinement of a file that AWS does not confirm (`withholdPolicies`).
 * `onWithheld` hears each one (`defect`: AWS said FAIL, a bug of ours; otherwise AWS could not
 * check it).
 */
export async function withAwsProof(
  text: string,
  outcome: FileOutcome,
  prove: Prover,
  onWithheld: (policy: RefinedPolicy, reason: string, defect: boolean) => void
): Promise<FileOutcome> {
  if (!outcome.report || !outcome.policies) return outcome
  const reasons = new Map<RefinedPolicy, string>()
  for (const p of outcome.policies) {
    if (p.report.status !== 'refined' || !p.refinement) continue
    const verdict = await prove(p.location.document, p.refinement)
    if (verdict.ok) continue
    const reason = verdict.defect
      ? `IAM Access Analyzer did not confirm the refinement (${verdict.reason}), so it is withheld; this is a defect of iam-refine, please report it`
      : `IAM Access Analyzer could not check the refinement (${verdict.reason}), so it is withheld`
    onWithheld(p, reason, verdict.defect)
    reasons.set(p, reason)
  }
  return withholdPolicies(text, outcome, p => reasons.get(p))
}

/**
 * Withholds the refinements `reasonFor` gives a reason for: each such refined policy becomes
 * `not-editable` with that reason, and its edits leave the file's edits and fixed text. Edits of
 * different policies never overlap; the edits left are proven again without the withheld ones
 * (the file's proof was of all of them together), and if they fail, they are withheld too.
 */
export function withholdPolicies(
  text: string,
  outcome: FileOutcome,
  reasonFor: (policy: RefinedPolicy) => string | undefined
): FileOutcome {
  const report = outcome.report
  if (!report || !outcome.policies) return outcome
  const withheld = new Set<RefinedPolicy>()
  for (const p of outcome.policies) {
    if (p.report.status === 'refined' && reasonFor(p) !== undefined) withheld.add(p)
  }
  if (withheld.size === 0) return outcome
  const kept = outcome.policies.filter(p => p.report.status === 'refined' && !withheld.has(p))
  const problem =
    kept.length === 0
      ? undefined
      : outcome.prove
        ? outcome.prove(kept)
        : 'the edits left could not be proven again'
  const dropped = new Set<string>()
  const policies = outcome.policies.map(p => {
    const reason = withheld.has(p) ? reasonFor(p) : kept.includes(p) ? problem : undefined
    if (reason === undefined) return p
    for (const e of p.report.edits) dropped.add(`${e.start}:${e.end}`)
    return {
      ...p,
      edits: [],
      report: { ...p.report, status: 'not-editable' as const, reason, edits: [] }
    }
  })
  const edits = report.edits.filter(e => !dropped.has(`${e.start}:${e.end}`))
  const next: FileReport = { ...report, policies: policies.map(p => p.report), edits }
  return {
    report: next,
    policies,
    ...(edits.length > 0 ? { fixedText: applyEdits(text, edits) } : {}),
    ...(outcome.prove ? { prove: outcome.prove } : {})
  }
}
