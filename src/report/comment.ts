/**
 * What the review says: from each changed file's refined policies and their text edits, the review
 * items — a comment body with a suggestion (or a "detach or delete" recommendation), where it sits,
 * whether it can go on the diff, and its fingerprint. Pure: posting is src/github/review.ts.
 */
import type { AwsAgreement } from '../engine/agreement.js'
import type { EntryChange, PolicyRefinement, StatementResult } from '../engine/model.js'
import type { PrincipalUnused } from '../engine/unused.js'
import { parseHunks } from '../github/hunks.js'
import {
  lineIndex,
  lineOf,
  placeSuggestions,
  type NotInlineReason,
  type Suggestion
} from '../github/placement.js'
import type { TextEdit } from '../sources/text-edit.js'
import { agreementMarkdown } from './agreement.js'
import { fenced } from './fence.js'
import { fingerprint, fingerprintMarker, type Hash } from './fingerprint.js'
import { guardBody } from './guard.js'
import { code, text } from './markdown.js'
import { describeChange, statementLabel } from './reasons.js'

/** A text edit of the head file, with the statement it refines when the edit belongs to one. */
export interface PolicyEdit extends TextEdit {
  /** Index in the ORIGINAL `Statement` list (as `StatementResult.index`). */
  readonly statement?: number
}

/** One policy of a changed file, refined. What the orchestration hands to the review. */
export interface PolicyReport {
  /** Where the policy is in the file, e.g. `Resources.AppRole.Properties.Policies[0]`. */
  readonly policyPath: string
  /** The findings the policy was refined with (several when it is shared: intersection). */
  readonly principals: readonly PrincipalUnused[]
  readonly refinement: PolicyRefinement
  /** Edits of the head text that turn the policy into `refinement.document`; ignored for an
   * unused policy, which gets a "detach or delete" comment and never an empty policy. */
  readonly edits: readonly PolicyEdit[]
  /** Offset of the policy in the head text: where a "detach or delete" comment goes. */
  readonly offset?: number
  /** Why no edits could be made (src/sources refused to edit safely): shown in the summary. */
  readonly refused?: string
  /** IAM Access Analyzer's verdict on the refinement, when the run had recommendations. */
  readonly awsAgreement?: AwsAgreement
}

/** A changed file of the pull request at its head commit. */
export interface FileReport {
  /** The path in the repository. */
  readonly path: string
  /** The file's text at the head commit (never the workspace's merge commit). */
  readonly headText: string
  /** The `patch` of pulls.listFiles; undefined when GitHub left it out (a very large diff). */
  readonly patch?: string
  readonly policies: readonly PolicyReport[]
}

/** Where an item may go: on the diff, or only into the summary, and why. */
export type Placement = 'inline' | NotInlineReason | 'no-patch' | 'too-long'

export interface ReviewItem {
  readonly kind: 'suggestion' | 'unused-policy'
  readonly path: string
  /** Head lines the comment covers, 1-based, inclusive. */
  readonly startLine: number
  readonly endLine: number
  readonly fingerprint: string
  readonly placement: Placement
  /** The comment's Markdown, hidden marker included; proven by `guardBody` before it leaves. */
  readonly body: string
  /** The suggestion (absent for an unused-policy comment). */
  readonly suggestion?: Suggestion
  /** The policy paths it concerns. */
  readonly policies: readonly string[]
  readonly principals: readonly string[]
  /** The unused actions it removes (catalog casing). */
  readonly unusedActions: readonly string[]
  /** One line of plain text (not Markdown: escape it where Markdown is written), for annotations
   * and the summary. */
  readonly title: string
  /** Higher first when comments or annotations must be cut. */
  readonly importance: number
}

/** GitHub refuses comment bodies over 65,536 characters; keep room for the marker. */
export const MAX_COMMENT_LENGTH = 65_000

/** How many unused actions a comment lists one per line before it says "and N more". */
const LISTED = 12

/** The HTML a review comment may hold: the note at its foot and the hidden fingerprint. */
function commentHtml(marker: string): string[] {
  return ['<sub>', '</sub>', marker]
}

/**
 * The review items of `files`, in file order then line order. `hash` makes the fingerprints
 * (SHA-256 in production, see src/github/review-comments.ts).
 */
export function buildReviewItems(files: readonly FileReport[], hash: Hash): ReviewItem[] {
  return files.flatMap(file => fileItems(file, hash))
}

function fileItems(file: FileReport, hash: Hash): ReviewItem[] {
  const hunks = file.patch === undefined ? [] : parseHunks(file.patch)
  const items: ReviewItem[] = []
  const edits: { edit: PolicyEdit; policy: PolicyReport }[] = []
  for (const policy of file.policies) {
    if (policy.refinement.unusedPolicy || policy.refinement.unusedPrincipal) {
      items.push(unusedPolicyItem(file, policy, hunks, hash))
    } else if (policy.refinement.changed) {
      for (const edit of policy.edits) edits.push({ edit, policy })
    }
  }
  const placed = placeSuggestions(
    file.headText,
    edits.map(e => e.edit),
    hunks
  )
  for (const suggestion of placed) {
    const carried = suggestion.edits.map(i => edits[i]!)
    items.push(suggestionItem(file, suggestion, carried, hash))
  }
  return items.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine)
}

/** The statements a suggestion's edits refine, per policy, in policy order. */
function coveredStatements(
  carried: readonly { edit: PolicyEdit; policy: PolicyReport }[]
): { policy: PolicyReport; statements: StatementResult[] }[] {
  const byPolicy = new Map<PolicyReport, Set<number> | 'all'>()
  for (const { edit, policy } of carried) {
    const seen = byPolicy.get(policy)
    if (edit.statement === undefined || seen === 'all') byPolicy.set(policy, 'all')
    else byPolicy.set(policy, (seen ?? new Set()).add(edit.statement))
  }
  return [...byPolicy].map(([policy, which]) => ({
    policy,
    statements: policy.refinement.statements.filter(
      s => s.status !== 'unchanged' && (which === 'all' || which.has(s.index))
    )
  }))
}

function suggestionItem(
  file: FileReport,
  suggestion: Suggestion,
  carried: readonly { edit: PolicyEdit; policy: PolicyReport }[],
  hash: Hash
): ReviewItem {
  const covered = coveredStatements(carried)
  const principals = unique(covered.flatMap(c => c.policy.principals))
  const changes = covered.flatMap(c =>
    c.statements.flatMap(s => s.changes.map(change => ({ s, change })))
  )
  const unusedActions = uniqueNames(changes.flatMap(({ change }) => change.unused))
  const policyPaths = covered.map(c => c.policy.policyPath)
  const statementLabels = covered.flatMap(c =>
    c.statements.map(s => (covered.length > 1 ? `${c.policy.policyPath} ` : '') + statementLabel(s))
  )
  const statementMarkdown = covered.flatMap(c =>
    c.statements.map(
      s => (covered.length > 1 ? `${code(c.policy.policyPath)} ` : '') + statementMarkdownLabel(s)
    )
  )
  const fp = fingerprint(
    {
      file: file.path,
      policy: policyPaths.join(' + '),
      statement: statementLabels.join(', '),
      suggestion: suggestion.replacement
    },
    hash
  )
  const reasons = covered.flatMap(c =>
    c.statements.flatMap(s => [
      ...s.changes.map(
        change => `${statementMarkdownLabel(s)}: ${describeChange(change, name => code(name))}`
      ),
      ...(s.status === 'removed'
        ? [`${statementMarkdownLabel(s)}: removed, no action is left`]
        : [])
    ])
  )
  const who = principalList(principals)
  const title =
    unusedActions.length > 0
      ? `${who} has not used ${count(unusedActions.length, 'action')} of ${statementLabels.join(', ')}`
      : `${statementLabels.join(', ') || 'Policy'}: refined`
  const marker = fingerprintMarker(fp)
  const body = [
    `**Unused permissions** in ${statementMarkdown.join(', ') || policyIn(policyPaths, file.path)}`,
    '',
    unusedLine(principals, unusedActions),
    ...actionList(principals, unusedActions),
    '',
    'Why this change is safe:',
    ...reasons.map(r => `- ${r}`),
    '',
    ...agreementLines(covered.map(c => c.policy)),
    fenced(suggestion.content, 'suggestion'),
    '',
    `<sub>iam-refine · ${policyIn(policyPaths, file.path)}</sub>`,
    marker
  ].join('\n')
  const placement: Placement =
    body.length > MAX_COMMENT_LENGTH
      ? 'too-long'
      : suggestion.inline
        ? 'inline'
        : file.patch === undefined
          ? 'no-patch'
          : (suggestion.reason ?? 'outside-diff')
  if (placement !== 'too-long') {
    guardBody(body, {
      what: `the review comment on ${file.path} line ${suggestion.endLine}`,
      suggestion: suggestion.content,
      html: commentHtml(marker)
    })
  }
  return {
    kind: 'suggestion',
    path: file.path,
    startLine: suggestion.startLine,
    endLine: suggestion.endLine,
    fingerprint: fp,
    placement,
    body: placement === 'too-long' ? '' : body,
    suggestion,
    policies: policyPaths,
    principals: principals.map(p => p.principal),
    unusedActions,
    title,
    importance: unusedActions.length
  }
}

function unusedPolicyItem(
  file: FileReport,
  policy: PolicyReport,
  hunks: ReturnType<typeof parseHunks>,
  hash: Hash
): ReviewItem {
  const r = policy.refinement
  const offset = policy.offset ?? Math.min(...policy.edits.map(e => e.start), file.headText.length)
  const line = lineOf(lineIndex(file.headText), Math.max(0, Math.min(offset, file.headText.length)))
  const who = principalNames(policy.principals)
  const plainWho = principalList(policy.principals)
  const advice = r.unusedPrincipal ? 'delete-principal' : 'detach-or-delete'
  const fp = fingerprint(
    { file: file.path, policy: policy.policyPath, statement: '*', suggestion: advice },
    hash
  )
  const unusedActions = uniqueNames(
    r.statements.flatMap(s => s.changes.flatMap((c: EntryChange) => c.unused))
  )
  const lead = r.unusedPrincipal
    ? `IAM Access Analyzer reports ${who} as not used at all${lastUsed(policy.principals)}${asOf(policy.principals)}.`
    : `${who} has used none of the actions this policy allows${asOf(policy.principals)}.`
  const advise = r.unusedPrincipal
    ? `Rather than emptying ${policyIn([policy.policyPath], file.path)}, consider deleting the unused principal; at least detach and delete this policy.`
    : `Rather than an empty policy, detach ${policyIn([policy.policyPath], file.path)} and delete it.`
  const marker = fingerprintMarker(fp)
  const body = [
    `**Unused policy**: ${policyIn([policy.policyPath], file.path)}`,
    '',
    lead,
    ...(unusedActions.length > 0 ? ['', ...actionList(policy.principals, unusedActions)] : []),
    '',
    advise,
    '',
    ...agreementLines([policy]),
    `<sub>iam-refine · ${code(file.path)}</sub>`,
    marker
  ].join('\n')
  guardBody(body, {
    what: `the review comment on ${file.path} line ${line}`,
    html: commentHtml(marker)
  })
  const inHunk = hunks.some(h => h.start <= line && line <= h.end)
  return {
    kind: 'unused-policy',
    path: file.path,
    startLine: line,
    endLine: line,
    fingerprint: fp,
    placement: inHunk ? 'inline' : file.patch === undefined ? 'no-patch' : 'outside-diff',
    body,
    policies: [policy.policyPath],
    principals: policy.principals.map(p => p.principal),
    unusedActions,
    title: r.unusedPrincipal
      ? `${plainWho} is not used at all: delete it, or detach and delete ${policy.policyPath || file.path}`
      : `${policy.policyPath || file.path} is wholly unused by ${plainWho}: detach and delete it`,
    // Above any single suggestion: the largest reduction there is.
    importance: 1_000_000 + unusedActions.length
  }
}

/**
 * IAM Access Analyzer's verdict, one paragraph per policy that has one (named when a suggestion
 * spans several policies); nothing when the run had no recommendations.
 */
function agreementLines(policies: readonly PolicyReport[]): string[] {
  const judged = policies.filter(p => p.awsAgreement !== undefined)
  return judged.flatMap(p => [
    (judged.length > 1 || policies.length > 1 ? `${code(p.policyPath)}: ` : '') +
      agreementMarkdown(p.awsAgreement as AwsAgreement),
    ''
  ])
}

/** "`AppRole`", "`AppRole` and `Worker`", or "the principal" for a finding read without an ARN. */
export function principalNames(principals: readonly PrincipalUnused[]): string {
  return joinNames(principals.map(p => (p.principal ? code(shortName(p.principal)) : '')))
}

/** `principalNames` as plain text, for annotations and titles. */
export function principalList(principals: readonly PrincipalUnused[]): string {
  return joinNames(principals.map(p => (p.principal ? shortName(p.principal) : '')))
}

function joinNames(names: readonly string[]): string {
  const known = names.filter(n => n !== '')
  if (known.length === 0) return 'the principal'
  if (known.length === 1) return known[0]!
  return `${known.slice(0, -1).join(', ')} and ${known.at(-1)}`
}

/** `Statement "S3"` with the Sid as code, or `Statement 2` (`#2` would link issue 2). */
function statementMarkdownLabel(s: StatementResult): string {
  return s.sid ? `Statement ${code(s.sid)}` : `Statement ${s.index + 1}`
}

/** `role/AppRole` of an IAM ARN (path dropped), or the text itself. */
function shortName(arn: string): string {
  const m = /^arn:[^:]+:iam::\d*:(role|user|group)\/(?:.*\/)?([^/]+)$/.exec(arn)
  return m ? m[2]! : arn
}

function unusedLine(principals: readonly PrincipalUnused[], unused: readonly string[]): string {
  const arns = principals.map(p => p.principal).filter(a => a !== '')
  const who =
    arns.length === 0
      ? 'The principal'
      : arns.length === 1
        ? code(arns[0]!)
        : `None of ${arns.map(a => code(a)).join(', ')}`
  const verb = arns.length > 1 ? 'used' : 'has not used'
  if (unused.length === 0) {
    return `IAM Access Analyzer reports these entries unused by ${principalNames(principals)}${asOf(principals)}.`
  }
  return `${who} ${verb} ${count(unused.length, 'action')} this change removes (IAM Access Analyzer${asOf(principals, ', unused as of')}):`
}

/** One line per unused action with when it was last used, from the findings. */
function actionList(principals: readonly PrincipalUnused[], unused: readonly string[]): string[] {
  const lines = unused
    .slice(0, LISTED)
    .map(action => `- ${code(action)}: ${text(lastAccess(principals, action))}`)
  if (unused.length > LISTED) lines.push(`- and ${unused.length - LISTED} more`)
  return lines
}

/** The latest use of `service:Action` among the principals, as the findings report it. */
function lastAccess(principals: readonly PrincipalUnused[], action: string): string {
  const [service = '', name = ''] = action.toLowerCase().split(':')
  let latest: string | undefined
  for (const p of principals) {
    for (const s of p.services) {
      if (s.service.toLowerCase() !== service) continue
      const hit = s.actions?.find(a => {
        const n = a.action.toLowerCase()
        return n === name || n === `${service}:${name}`
      })
      const when = s.actions ? hit?.lastAccessed : s.lastAccessed
      if (when !== undefined && (latest === undefined || when > latest)) latest = when
    }
  }
  return latest === undefined ? 'not used in the tracking period' : `last used ${day(latest)}`
}

function lastUsed(principals: readonly PrincipalUnused[]): string {
  const dates = principals.map(p => p.lastAccessed).filter((d): d is string => d !== undefined)
  if (dates.length === 0) return ''
  return ` (last used ${day(dates.sort().at(-1)!)})`
}

/** ", as of 2024-05-01" from the findings' dates (the latest analysis). */
function asOf(principals: readonly PrincipalUnused[], words = ', as of'): string {
  const dates = principals.map(p => p.since).filter((d): d is string => d !== undefined)
  if (dates.length === 0) return ''
  return `${words} ${day(dates.sort().at(-1)!)}`
}

/** The date of an ISO 8601 time stamp. */
function day(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : 'an unrecognised date'
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}

/** Names once each, compared case-insensitively, in their first casing. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n)
  return [...seen.values()]
}

/** Names policies for a reader: a policy that is the whole file is the file. */
function policyIn(policyPaths: readonly string[], path: string): string {
  const named = policyPaths.filter(p => p !== '')
  if (named.length === 0) return code(path)
  return `policy ${named.map(n => code(n)).join(', ')} in ${code(path)}`
}
