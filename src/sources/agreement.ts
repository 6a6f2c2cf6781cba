import { compareWithRecommendation, type AwsAgreement } from '../engine/agreement.js'
import type { Catalog } from '../engine/catalog.js'
import type { PrincipalRecommendation } from '../engine/recommendation.js'
import type { FileReport } from '../report/json-report.js'
import { stackFor, type IamRefineConfig } from './config.js'
import type { PolicyLocation } from './model.js'
import type { FileOutcome, RefinedPolicy } from './scan.js'
import { withholdPolicies } from './proof.js'

export interface AgreementOptions {
  readonly catalog: Catalog
  readonly config: IamRefineConfig
  /** IAM Access Analyzer's recommendation per principal ARN. */
  readonly recommendations: ReadonlyMap<string, PrincipalRecommendation>
}

/**
 * Adds IAM Access Analyzer's verdict to every policy of a file that was refined (or found unused):
 * `awsAgreement` on its report. `path` is the file relative to the repository root, for the
 * configuration's `stacks`. Pure; the verdict never changes what is suggested (see
 * `withholdDisagreements` for `require-aws-agreement`).
 */
export function withAwsAgreement(
  outcome: FileOutcome,
  path: string,
  options: AgreementOptions
): FileOutcome {
  const report = outcome.report
  if (!report || !outcome.policies) return outcome
  let changed = false
  const policies = outcome.policies.map(p => {
    const agreement = agreementOf(p, path, options)
    if (!agreement) return p
    changed = true
    return { ...p, report: { ...p.report, awsAgreement: agreement } }
  })
  if (!changed) return outcome
  const next: FileReport = { ...report, policies: policies.map(p => p.report) }
  return { ...outcome, report: next, policies }
}

/** The verdict for a policy with unused permissions; none for the others. */
function agreementOf(
  p: RefinedPolicy,
  path: string,
  options: AgreementOptions
): AwsAgreement | undefined {
  const r = p.refinement
  if (!r || !(r.changed || r.unusedPolicy)) return undefined
  return compareWithRecommendation({
    catalog: options.catalog,
    document: p.location.document,
    refinement: r,
    principals: p.principals,
    keepActions: options.config.keepActions,
    policyNames: policyNames(p.location),
    generatedNamePrefixes: generatedPrefixes(p.location, path, options.config),
    recommendations: options.recommendations
  })
}

/**
 * The names AWS may give the policy in `existingPolicyId`: its `PolicyName` or `ManagedPolicyName`;
 * for a policy that is a whole file, the file's name without extensions (`policies/ReadOnly.json`).
 */
export function policyNames(location: PolicyLocation): string[] {
  const names: string[] = []
  if (location.policyName !== undefined) names.push(location.policyName)
  if (location.kind === 'json-policy' && location.path.length === 0) {
    const base = location.file.split(/[\\/]/).pop() ?? ''
    const name = base.split('.')[0] ?? ''
    if (name !== '') names.push(name)
  }
  return names
}

/** A managed policy without a name is `<stack>-<LogicalId>-<suffix>`, as CloudFormation names it. */
function generatedPrefixes(
  location: PolicyLocation,
  path: string,
  config: IamRefineConfig
): string[] {
  if (
    location.kind !== 'cfn-managed-policy' ||
    location.policyName !== undefined ||
    !location.resource
  ) {
    return []
  }
  const stack = stackFor(config, path)?.name
  return stack === undefined ? [] : [`${stack}-${location.resource.logicalId}-`]
}

/**
 * `require-aws-agreement`: a refinement that differs from IAM Access Analyzer's recommendation is
 * withheld — reported as not suggested, with the difference as the reason.
 */
export function withholdDisagreements(
  text: string,
  outcome: FileOutcome,
  describe: (agreement: AwsAgreement) => string
): FileOutcome {
  return withholdPolicies(text, outcome, p => {
    const agreement = p.report.awsAgreement
    if (agreement?.verdict !== 'differs') return undefined
    return `it differs from IAM Access Analyzer's recommendation and require-aws-agreement is set (${describe(agreement)})`
  })
}
