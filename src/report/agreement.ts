/**
 * IAM Access Analyzer's verdict on a refinement (src/engine/agreement.ts), in words: one line for a
 * review comment, a table cell, a log or the terminal. The same sentences serve plain text and
 * Markdown; in Markdown every value from outside (action names, Sids, policy ids, AWS's messages)
 * goes through `code` or `text`. Pure.
 */
import type { AgreementReason, AwsAgreement, PrincipalAgreement } from '../engine/agreement.js'
import { code, text } from './markdown.js'

/** How many actions a reason names before it says "and N more". */
const LISTED = 6

/** How many reasons the one-line verdict gives before it says "and N more". */
const REASONS_IN_LINE = 2

interface Style {
  /** An outside value that reads as a name (an action, a Sid, a policy id). */
  readonly name: (value: string) => string
  /** Outside prose (AWS's error message). */
  readonly prose: (value: string) => string
  /** A statement's number: `#2` in plain text, `2` in Markdown, where `#2` links an issue. */
  readonly number: (n: number) => string
}

const PLAIN: Style = { name: value => value, prose: value => value, number: n => `#${n}` }
const MARKDOWN: Style = {
  name: value => code(value),
  prose: value => text(value),
  number: n => String(n)
}

/** The verdict in one line, plain. */
export function agreementLine(agreement: AwsAgreement): string {
  return line(agreement, PLAIN)
}

/** The verdict in one line of Markdown that outside text cannot shape. */
export function agreementMarkdown(agreement: AwsAgreement): string {
  return line(agreement, MARKDOWN)
}

/** The verdict in a few words, for a table cell: "agrees", "differs: …", "unavailable: …". */
export function agreementCell(agreement: AwsAgreement, markdown: boolean): string {
  const style = markdown ? MARKDOWN : PLAIN
  if (agreement.verdict === 'agrees') return 'agrees'
  const first = firstExplanation(agreement, style)
  return `${agreement.verdict}${first ? `: ${first}` : ''}`
}

/** Every reason, one plain line each (the terminal's and the log's detail). */
export function agreementDetails(agreement: AwsAgreement): string[] {
  const several = agreement.principals.length > 1
  return agreement.principals.flatMap(p => {
    const who = several ? `for ${shortName(p.principal)}: ` : ''
    if (p.verdict === 'unavailable')
      return [`${who}no recommendation to compare with: ${p.unavailable ?? ''}`]
    if (p.verdict === 'agrees') return [`${who}agrees${matched(p, PLAIN)}`]
    return p.reasons.map(r => `${who}${describeReason(r, p, PLAIN)}`)
  })
}

function line(agreement: AwsAgreement, style: Style): string {
  const several = agreement.principals.length > 1
  const forWhom = several
    ? ` for ${agreement.principals.map(p => style.name(shortName(p.principal))).join(' and ')}`
    : ''
  if (agreement.verdict === 'agrees') {
    return `Matches IAM Access Analyzer's recommendation for this policy${forWhom}.`
  }
  if (agreement.verdict === 'unavailable') {
    return `No IAM Access Analyzer recommendation to compare with: ${firstExplanation(agreement, style)}.`
  }
  const all = agreement.principals.flatMap(p =>
    p.verdict === 'differs'
      ? p.reasons.map(
          r =>
            (several ? `for ${style.name(shortName(p.principal))}, ` : '') +
            describeReason(r, p, style)
        )
      : []
  )
  const shown = all.slice(0, REASONS_IN_LINE).join('; ')
  const more = all.length > REASONS_IN_LINE ? ` (and ${all.length - REASONS_IN_LINE} more)` : ''
  return `Differs from IAM Access Analyzer's recommendation for this policy: ${shown}${more}.`
}

function firstExplanation(agreement: AwsAgreement, style: Style): string {
  for (const p of agreement.principals) {
    if (agreement.verdict === 'differs' && p.verdict === 'differs' && p.reasons[0]) {
      return describeReason(p.reasons[0], p, style)
    }
    if (agreement.verdict === 'unavailable' && p.verdict === 'unavailable') {
      return style.prose(p.unavailable ?? 'none')
    }
  }
  return agreement.principals.length === 0 ? 'the policy belongs to no principal' : ''
}

function matched(p: PrincipalAgreement, style: Style): string {
  if (p.matchedBy === 'id' && p.existingPolicyId)
    return ` (the step for ${style.name(p.existingPolicyId)})`
  if (p.matchedBy === 'content') return ' (the recommended policy that lines up with this one)'
  return ''
}

/** One difference as a sentence. */
export function describeReason(
  r: AgreementReason,
  p: PrincipalAgreement,
  style: Style = PLAIN
): string {
  const where = r.statement ? statement(r.statement, style) : 'the policy'
  const names = list(r.actions ?? [], style)
  switch (r.kind) {
    case 'aws-catalog':
      return (
        `${where}: the recommendation does not allow ${names}, which the findings do not report unused: ` +
        'actions newer than the catalog AWS refined with'
      )
    case 'our-catalog':
      return `${where}: the recommendation allows ${names}, which iam-refine's catalog does not know`
    case 'removes-used':
      return `${where}: the recommendation removes ${names}, which the findings do not report unused`
    case 'keeps-unused':
      return (
        `${where}: the recommendation still allows ${names}, which the findings report unused` +
        (p.completedAt ? ` (the recommendation dates from ${day(p.completedAt)})` : '')
      )
    case 'shared':
      return (
        `${where}: iam-refine keeps ${names} for ${list((r.usedBy ?? []).map(shortName), style)}, ` +
        `who share this policy; AWS's recommendation is for ${style.name(shortName(p.principal))} alone`
      )
    case 'keep-actions':
      return `${where}: iam-refine keeps ${names} (keep-actions in the configuration)`
    case 'not-refined-by-us':
      return (
        `${where} ${r.note ?? 'is left as it is by iam-refine'}; the recommendation changes it` +
        (r.actions && r.actions.length > 0 ? ` (it no longer allows ${names})` : '')
      )
    case 'not-refined-by-aws':
      return `the recommendation leaves ${where} as it is; iam-refine removes ${names}`
    case 'written-differently':
      return (
        `${where}: the same actions under the catalog, written differently ` +
        `(iam-refine: ${list(r.ours ?? [], style, Infinity) || 'removed'}; ` +
        `the recommendation: ${list(r.aws ?? [], style, Infinity) || 'removed'})`
      )
    case 'detached':
      return 'the recommendation detaches the policy; iam-refine keeps part of it'
    case 'unaligned':
      return (
        `statement ${style.number((r.recommendedStatement ?? 0) + 1)} of the recommendation lines up with no statement of this policy` +
        (r.actions && r.actions.length > 0
          ? ` (it allows ${names}, which this version does not: the recommendation is for the deployed policy)`
          : '')
      )
  }
}

function statement(ref: { index: number; sid?: string }, style: Style): string {
  return ref.sid !== undefined
    ? `Statement ${style.name(ref.sid)}`
    : `Statement ${style.number(ref.index + 1)}`
}

function list(names: readonly string[], style: Style, max = LISTED): string {
  const shown = names.slice(0, max).map(style.name).join(', ')
  return names.length > max ? `${shown} and ${names.length - max} more` : shown
}

/** `MyRole` of an IAM ARN, or the text itself. */
function shortName(arn: string): string {
  const m = /^arn:[^:]+:iam::\d*:(?:role|user|group)\/(?:.*\/)?([^/]+)$/.exec(arn)
  return m ? (m[1] as string) : arn
}

function day(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso
}
