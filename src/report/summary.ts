/**
 * The job summary (and the pull request's summary comment): a table of the changed files'
 * policies, then every suggestion that is not on the diff with its full proposed text, so that
 * nothing is lost when a suggestion cannot be placed, was cut by `max-comments`, was rejected by
 * GitHub, or the token could not write. Pure Markdown; the caller writes it.
 */
import { agreementCell } from './agreement.js'
import type { FileReport, Placement, ReviewItem } from './comment.js'
import type { UncheckedItem } from './json-report.js'
import { principalNames } from './comment.js'
import { fenced } from './fence.js'
import { code, text } from './markdown.js'
import { listNames } from './reasons.js'

/** Notes quote files, findings and GitHub's answers; a note longer than this is cut. */
const MAX_NOTE_CHARACTERS = 2_000

/** Why an item is in the summary and not on the diff. */
export type SummaryReason =
  | Exclude<Placement, 'inline'>
  /** Beyond `max-comments`. */
  | 'over-max-comments'
  /** GitHub refused this comment (422) even alone. */
  | 'rejected'
  /** Not posted: isolating GitHub's refusal took more calls than allowed. */
  | 'not-verified'
  /** The token cannot write to the pull request. */
  | 'read-only'

export type Delivery =
  /** Posted on the diff by this run. */
  | { readonly kind: 'posted' }
  /** Already on the diff from an earlier run (same fingerprint). */
  | { readonly kind: 'existing' }
  | { readonly kind: 'summary'; readonly why: SummaryReason }

export interface Delivered {
  readonly item: ReviewItem
  readonly delivery: Delivery
}

export interface SummaryInput {
  readonly files: readonly FileReport[]
  readonly delivered: readonly Delivered[]
  /** The commit the line numbers refer to. */
  readonly headSha?: string
  /** Lines to show as notes: the 3,000-file cap, findings files left out, … */
  readonly notes?: readonly string[]
  /** Shown first, as warnings. */
  readonly warnings?: readonly string[]
  /** What could not be checked, with why (the default gate fails on it). */
  readonly unchecked?: readonly UncheckedItem[]
  readonly readOnly?: boolean
}

const WHY: Record<SummaryReason, string> = {
  'outside-diff': 'outside the lines this pull request changes',
  'no-patch': 'GitHub shows no diff for this file (too large)',
  'line-endings': 'a suggestion block cannot express this change of line breaks',
  'too-long': 'longer than a review comment may be',
  'over-max-comments': 'beyond `max-comments`',
  rejected: 'GitHub refused the comment',
  'not-verified': 'not posted after GitHub refused the review',
  'read-only': 'the token cannot write to this pull request'
}

export function renderSummary(input: SummaryInput): string {
  const out: string[] = ['## iam-refine: unused IAM permissions', '']
  const policies = input.files.flatMap(f => f.policies.map(p => ({ file: f, policy: p })))
  const refined = policies.filter(
    ({ policy }) => policy.refinement.changed || policy.refinement.unusedPolicy
  )
  const posted = input.delivered.filter(d => d.delivery.kind === 'posted').length
  const existing = input.delivered.filter(d => d.delivery.kind === 'existing').length
  const summaryOnly = input.delivered.filter(d => d.delivery.kind === 'summary')
  for (const w of input.warnings ?? []) {
    out.push('> [!WARNING]', `> ${text(w, MAX_NOTE_CHARACTERS)}`, '')
  }
  if (input.readOnly) {
    out.push(
      '> [!WARNING]',
      '> The token cannot write to this pull request (a pull request from a fork?), so nothing was ' +
        'posted on it: every suggestion is below.',
      ''
    )
  }
  const unchecked = input.unchecked ?? []
  if (policies.length === 0 && unchecked.length === 0) {
    out.push('No IAM policy in the changed files.')
  } else if (refined.length === 0) {
    out.push(`${count(policies.length, 'policy', 'policies')} checked: nothing unused.`)
  } else {
    out.push(
      `Unused actions in ${refined.length} of ${count(policies.length, 'policy', 'policies')}` +
        (input.headSha ? ` at ${input.headSha.slice(0, 7)}` : '') +
        `: ${count(posted + existing, 'review comment')} on the diff, ` +
        `${count(summaryOnly.length, 'suggestion')} only here.`
    )
  }
  out.push('')

  if (policies.length > 0) {
    // IAM Access Analyzer's verdict gets a column when the run had recommendations to compare with.
    const judged = policies.some(({ policy }) => policy.awsAgreement !== undefined)
    out.push(
      `| File | Policy | Principal | Unused actions | Result |${judged ? ' IAM Access Analyzer |' : ''} Where |`,
      `| --- | --- | --- | --- | --- |${judged ? ' --- |' : ''} --- |`
    )
    for (const { file, policy } of policies) {
      const r = policy.refinement
      const unused = uniqueNames(r.statements.flatMap(s => s.changes.flatMap(c => c.unused)))
      const result = r.unusedPolicy
        ? r.unusedPrincipal
          ? 'principal unused: delete it'
          : 'wholly unused: detach and delete'
        : r.changed && policy.refused !== undefined
          ? `not suggested: ${policy.refused}`
          : r.changed
            ? `refined (${count(r.statements.filter(s => s.status === 'refined' || s.status === 'removed').length, 'statement')})`
            : 'nothing unused'
      const where = placesOf(input.delivered, file.path, policy.policyPath)
      out.push(
        `| ${cell(code(file.path))} | ${cell(policy.policyPath === '' ? '(the file)' : code(policy.policyPath))} | ${cell(principalNames(policy.principals))} | ` +
          `${cell(unused.length === 0 ? '—' : `${unused.length}: ${listNames(unused, name => code(name))}`)} | ` +
          `${cell(text(result + (r.overQuota ? '; still over its size quota' : ''), MAX_NOTE_CHARACTERS))} | ` +
          (judged
            ? `${cell(policy.awsAgreement ? agreementCell(policy.awsAgreement, true) : '—')} | `
            : '') +
          `${cell(where)} |`
      )
    }
    out.push('')
  }

  if (summaryOnly.length > 0) {
    out.push('### Suggestions not on the diff', '')
    for (const { item, delivery } of summaryOnly) {
      const why = delivery.kind === 'summary' ? WHY[delivery.why] : ''
      const lines =
        item.startLine === item.endLine
          ? `line ${item.startLine}`
          : `lines ${item.startLine}–${item.endLine}`
      out.push(`#### ${code(item.path)} ${lines}`, '', `${text(item.title)} (${why}).`, '')
      if (item.suggestion) {
        if (item.suggestion.content === '') out.push(`Delete ${lines}.`, '')
        else out.push(`Replace ${lines} with:`, '', fenced(item.suggestion.content, ''), '')
      } else {
        out.push(item.body.replace(/<!--[^>]*-->/g, '').trim(), '')
      }
    }
  }

  if (unchecked.length > 0) {
    out.push(
      '### Not checked',
      '',
      `${count(unchecked.length, 'policy or file', 'policies or files')} in the changed files could not be checked; ` +
        'the default gate (`fail-on: unused-or-unchecked`) fails until each is readable and mapped:',
      '',
      ...unchecked.map(
        u =>
          `- ${code(u.file)}${u.line !== undefined ? ` line ${u.line}` : ''}${u.pointer ? ` (${code(u.pointer)})` : ''}: ${text(u.reason, MAX_NOTE_CHARACTERS)}`
      ),
      ''
    )
  }

  const notes = [...(input.notes ?? [])]
  for (const { file, policy } of policies) {
    for (const w of policy.refinement.warnings)
      notes.push(`${file.path} (${policy.policyPath}): ${w}`)
  }
  if (notes.length > 0) {
    out.push('### Notes', '', ...notes.map(n => `- ${text(n, MAX_NOTE_CHARACTERS)}`), '')
  }
  return out.join('\n')
}

/** Where a policy's items went: "2 on the diff, 1 in the summary". */
function placesOf(delivered: readonly Delivered[], path: string, policyPath: string): string {
  const mine = delivered.filter(d => d.item.path === path && d.item.policies.includes(policyPath))
  if (mine.length === 0) return '—'
  const onDiff = mine.filter(d => d.delivery.kind !== 'summary').length
  const parts: string[] = []
  if (onDiff > 0) parts.push(`${onDiff} on the diff`)
  if (mine.length - onDiff > 0) parts.push(`${mine.length - onDiff} in the summary`)
  return parts.join(', ')
}

/** Table cells: no pipes (even inside code spans, as GFM tables require) or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n)
  return [...seen.values()]
}

/** The HTML a summary holds: its marker, and the foot note of an unused-policy comment it quotes. */
export const SUMMARY_HTML = ['<sub>', '</sub>'] as const

/**
 * `markdown` cut to at most `limit` (as `measure` counts: characters for a comment, UTF-8 bytes
 * for the job summary), `note` included: at a section boundary when one is in the second half,
 * else at a line boundary, closing a code block the cut would leave open, so that what follows in
 * the page is not swallowed by it.
 */
export function cutMarkdown(
  markdown: string,
  limit: number,
  note: string,
  measure: (text: string) => number = t => t.length
): string {
  if (measure(markdown) <= limit) return markdown
  // Characters are at most 4 bytes: a first cut by length, then by measure.
  let room = limit - measure(note) - 16
  let head = markdown.slice(0, Math.max(0, room))
  while (measure(head) > room && head.length > 0)
    head = head.slice(0, Math.floor(head.length * 0.9))
  room = head.length
  const section = head.lastIndexOf('\n#')
  const cut = section > room / 2 ? section : Math.max(0, head.lastIndexOf('\n'))
  let kept = head.slice(0, cut)
  const fence = openFence(kept)
  if (fence !== undefined) kept += `\n${fence}`
  return `${kept}\n\n${note}`
}

/** The fence of a code block left open at the end of `markdown`, if any. */
function openFence(markdown: string): string | undefined {
  let open: string | undefined
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (!m) continue
    const run = m[1]!
    if (open === undefined) open = run
    else if (run[0] === open[0] && run.length >= open.length && line.trim() === run)
      open = undefined
  }
  return open
}
