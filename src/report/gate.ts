import type { Report } from './json-report.js'

/**
 * The gate: `unused-or-unchecked` (the default) fails while unused permissions remain or while
 * something that may hold a policy could not be checked; `unused` fails only on the first;
 * `never` only reports. A broken guarantee always fails.
 */
export const FAIL_ON = ['unused-or-unchecked', 'unused', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]

/**
 * Why the step fails, or undefined when it passes. The default fails closed: what could not be
 * checked counts, so a pull request cannot pass the gate by making its policy unreadable.
 */
export function gateFailure(
  report: Pick<Report, 'totals'>,
  failOn: FailOn,
  option: string
): string | undefined {
  const { errors, remaining, unusedActions, unchecked } = report.totals
  if (errors > 0) {
    return 'An internal guarantee of iam-refine failed for a policy; nothing was suggested for it. This is a bug; please report it.'
  }
  if (failOn === 'never') return undefined
  const reasons: string[] = []
  if (remaining > 0) {
    reasons.push(
      `${remaining} ${remaining === 1 ? 'policy' : 'policies'} ${remaining === 1 ? 'keeps' : 'keep'} ` +
        `${unusedActions} unused ${unusedActions === 1 ? 'action' : 'actions'}`
    )
  }
  if (failOn === 'unused-or-unchecked' && unchecked > 0) {
    reasons.push(
      `${unchecked} ${unchecked === 1 ? 'policy or file' : 'policies or files'} could not be checked`
    )
  }
  if (reasons.length === 0) return undefined
  return `${reasons.join('; ')}: see the report (${option}: ${failOn}; \`never\` only reports).`
}
