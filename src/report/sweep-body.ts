/**
 * What a sweep writes, as text: the pull request's body (also the job summary, and what
 * `iam-refine check --format markdown` prints), the commit message with the trailer that marks
 * the commit as ours, the comment that closes the pull request, and the one that says the sweep
 * leaves a branch someone else pushed to alone. Pure. Every outside value — file names, pointers,
 * Sids, finding ids, ARNs, dates, messages that quote a policy — passes through `code` or `text`,
 * and every body is read back by `guardBody` before it leaves. (docs/adr/0021-sweep-mode.md)
 */
import type { PrincipalUnused } from '../engine/unused.js'
import { fenced } from './fence.js'
import { guardBody } from './guard.js'
import { uncheckedItems, type FileReport, type PolicyReport } from './json-report.js'
import { code, text } from './markdown.js'

/** The hidden marker of the sweep's pull-request body. */
export const SWEEP_MARKER = '<!-- iam-refine:sweep -->'
/** The hidden marker of the comment that closes the pull request. */
export const CLOSING_MARKER = '<!-- iam-refine:sweep-closed -->'
/** The hidden marker of the one comment on a branch someone else pushed to. */
export const LEFT_ALONE_MARKER = '<!-- iam-refine:sweep-left-alone -->'
/**
 * The commit trailer that marks a sweep commit, naming the commit's own tree: a commit that
 * carries it with its own tree is ours; anything else on the branch was pushed by someone else.
 */
export const SWEEP_TRAILER = 'Iam-Refine-Sweep'

/** GitHub refuses a pull-request body longer than 65,536 characters. */
export const GITHUB_BODY_LIMIT = 65_536
/**
 * The body is cut below GitHub's limit with room to spare: GitHub counts some characters (line
 * breaks sent as CRLF by browsers on edit) differently, and the omission line must fit.
 */
export const MAX_PULL_REQUEST_BODY = 60_000
/**
 * The job summary holds the same body uncut up to this many bytes: GitHub refuses a step summary
 * over 1 MiB, and the change below it (when it could not be pushed) needs room too.
 */
export const MAX_SWEEP_SUMMARY_BYTES = 900 * 1024
/** A reason quotes a policy's entries; one longer than this is cut (the JSON report keeps it). */
const MAX_REASON_CHARACTERS = 1_000
/** Finding ids named per principal before "and N more". */
const LISTED_FINDINGS = 3

/** One file of the sweep: its path in the repository and what the check found in it. */
export interface SweptFile {
  /** Relative to the repository root, `/` separators. */
  readonly path: string
  readonly report: FileReport
}

export interface SweepBodyInput {
  readonly files: readonly SweptFile[]
  /** The findings by principal ARN: whose findings removed what, from which analyzer, when. */
  readonly findings: ReadonlyMap<string, PrincipalUnused>
  /** Files whose change is left out: the workspace's text is not the default branch's. */
  readonly stale?: readonly string[]
  /** Each refinement was confirmed by IAM Access Analyzer (`verify-with-aws`). */
  readonly verifiedWithAws?: boolean
  /**
   * Where the changed files are shown, e.g. `https://github.com/acme/infra/blob/<commit>`: each
   * file's heading links to `<linkBase>/<path>`. Absent: headings without links.
   */
  readonly linkBase?: string
}

/** The pull request's body, at most `limit` characters, cut at a section boundary. */
export function renderSweepBody(input: SweepBodyInput, limit = MAX_PULL_REQUEST_BODY): string {
  const rendered = sweepSections(input)
  const body = fitSections(rendered, limit, s => s.length)
  guardBody(body, {
    what: 'the sweep pull request body',
    html: [SWEEP_MARKER, '<sub>', '</sub>'],
    links: rendered.links
  })
  return body
}

export interface SweepSummaryInput extends SweepBodyInput {
  /** What happened to the pull request, in a sentence the caller made from its own words. */
  readonly outcome?: { readonly sentence: string; readonly url?: string; readonly number?: number }
  /** The sentence of a write GitHub refused; the change itself is then shown below the body. */
  readonly refused?: string
  /** What the run decided not to do, and why. */
  readonly notes?: readonly string[]
  /** The change as unified diffs, by file (shown when it could not be pushed). */
  readonly diffs?: readonly { readonly path: string; readonly diff: string }[]
}

/**
 * The job summary of a sweep: what happened, then the same body as the pull request (uncut up to
 * MAX_SWEEP_SUMMARY_BYTES), then — when GitHub refused a write — the whole change as diffs, so
 * nothing is lost.
 */
export function renderSweepSummary(input: SweepSummaryInput): string {
  const head: string[] = []
  const links: string[] = []
  if (input.refused !== undefined) {
    head.push('> [!WARNING]', `> ${text(input.refused, MAX_REASON_CHARACTERS)}`, '')
  }
  if (input.outcome) {
    const { sentence, url, number } = input.outcome
    if (url !== undefined && number !== undefined && /^https?:\/\//.test(url)) {
      head.push(`${sentence} ([pull request ${number}](${url})).`, '')
      links.push(url)
    } else {
      head.push(`${sentence}.`, '')
    }
  }
  if (input.notes && input.notes.length > 0) {
    head.push(...input.notes.map(n => `- ${text(n, MAX_REASON_CHARACTERS)}`), '')
  }
  const body = sweepSections(input)
  const change: string[] = []
  if (input.refused !== undefined && input.diffs && input.diffs.length > 0) {
    change.push(
      [
        '### The change',
        '',
        'Not pushed to GitHub: apply it with `git apply`, or run the sweep again once the write is allowed.'
      ].join('\n')
    )
    for (const d of input.diffs) change.push(`#### ${code(d.path)}\n\n${fenced(d.diff, 'diff')}`)
  }
  const summary = fitSections(
    {
      head: head.length === 0 ? body.head : `${head.join('\n')}\n${body.head}`,
      sections: [...body.sections, ...change],
      foot: body.foot,
      links: [...links, ...body.links]
    },
    MAX_SWEEP_SUMMARY_BYTES,
    s => Buffer.byteLength(s, 'utf8'),
    'bytes'
  )
  guardBody(summary, {
    what: 'the sweep job summary',
    html: [SWEEP_MARKER, '<sub>', '</sub>'],
    links: [...links, ...body.links]
  })
  return summary
}

/** The comment that closes the pull request: nothing is left to change. */
export function renderClosingComment(input: SweepBodyInput & { readonly branch: string }): string {
  const policies = input.files.reduce((n, f) => n + f.report.policies.length, 0)
  const body = [
    CLOSING_MARKER,
    `Nothing is left to change: no policy of this repository allows an action the findings ` +
      `report unused any more (${count(policies, 'policy', 'policies')} in ` +
      `${count(input.files.length, 'file')} checked). The changes this pull request proposed are ` +
      'on the default branch already, or the findings no longer report those permissions unused.',
    '',
    `Closing it and deleting ${code(input.branch)}; a later sweep opens a new pull request when ` +
      'the findings report unused permissions again.'
  ].join('\n')
  guardBody(body, { what: 'the comment closing the sweep pull request', html: [CLOSING_MARKER] })
  return body
}

/** The one comment on a pull request whose branch someone else pushed to. */
export function renderLeftAloneComment(input: {
  readonly branch: string
  readonly commit: string
  readonly author: string
}): string {
  const body = [
    LEFT_ALONE_MARKER,
    `Someone else pushed to ${code(input.branch)} (commit ${code(input.commit.slice(0, 7))} by ` +
      `${text(input.author)}). iam-refine never overwrites commits it did not make, so it leaves ` +
      'this pull request as it is.',
    '',
    'To hand the branch back, delete it (the next sweep opens a fresh pull request), or set ' +
      '`sweep-force-push: true` in the workflow to let the sweep rebuild it without that commit.'
  ].join('\n')
  guardBody(body, { what: 'the comment on a sweep branch left alone', html: [LEFT_ALONE_MARKER] })
  return body
}

/**
 * The commit message: counts only (no file name or other outside text: commit messages are not
 * Markdown, yet GitHub links mentions and references in them), and the trailer naming `tree`.
 */
export function renderCommitMessage(input: SweepBodyInput, tree: string): string {
  const changed = changedPolicies(input)
  const files = new Set(changed.map(c => c.file.path)).size
  const actions = distinct(changed.flatMap(c => c.policy.unusedActions)).length
  return [
    'iam-refine: remove unused IAM permissions',
    '',
    `Removes ${count(actions, 'unused action')} from ${count(changed.length, 'policy', 'policies')} ` +
      `in ${count(files, 'file')}, as the findings of IAM Access Analyzer report them; the pull ` +
      'request says which, whose and why.',
    '',
    `${SWEEP_TRAILER}: ${tree}`
  ].join('\n')
}

/**
 * Whether a commit is one a sweep made: one parent, and the trailer naming the commit's own tree
 * in its last paragraph. A person's commit on top has no trailer; an amended or rebased one has
 * another tree. (Someone who forges the trailer over the same tree has changed nothing to lose.)
 */
export function isSweepCommit(commit: {
  readonly tree: string
  readonly parents: readonly string[]
  readonly message: string
}): boolean {
  if (commit.parents.length !== 1) return false
  const paragraphs = commit.message.trimEnd().split(/\n\s*\n/)
  const last = paragraphs.at(-1) ?? ''
  return last.split('\n').some(line => line.trim() === `${SWEEP_TRAILER}: ${commit.tree}`)
}

// ---------------------------------------------------------------- sections

interface Sections {
  readonly head: string
  readonly sections: readonly string[]
  readonly foot: string
  /** Every link href written. */
  readonly links: readonly string[]
}

interface ChangedPolicy {
  readonly file: SweptFile
  readonly policy: PolicyReport
}

function changedPolicies(input: SweepBodyInput): ChangedPolicy[] {
  const stale = new Set(input.stale ?? [])
  return input.files
    .filter(f => !stale.has(f.path) && f.report.edits.length > 0)
    .flatMap(file =>
      file.report.policies
        .filter(p => p.status === 'refined' || p.status === 'fixed')
        .map(policy => ({ file, policy }))
    )
}

function sweepSections(input: SweepBodyInput): Sections {
  const changed = changedPolicies(input)
  const files = [...new Set(changed.map(c => c.file))]
  const actions = distinct(changed.flatMap(c => c.policy.unusedActions)).length
  const links: string[] = []
  const head: string[] = [SWEEP_MARKER, '## Unused IAM permissions removed', '']
  if (changed.length === 0) {
    head.push('No policy of this repository allows an action the findings report unused.', '')
  } else {
    head.push(
      `IAM Access Analyzer reports that these roles and users have not used some of the actions ` +
        `their policies allow. This pull request removes ${count(actions, 'unused action')} from ` +
        `${count(changed.length, 'policy', 'policies')} in ${count(files.length, 'file')}; every ` +
        'other byte of each file stays as it is.',
      '',
      'Each change was checked before it was proposed: it widens nothing, every unused action is ' +
        'gone and every action still in use is still allowed' +
        (input.verifiedWithAws
          ? '; IAM Access Analyzer confirmed each one (`CheckNoNewAccess`, `CheckAccessNotGranted`).'
          : '.') +
        ' Merging it gives what `iam-refine check --fix` writes with the same findings.',
      ''
    )
  }
  const sections: string[] = []
  for (const file of files) {
    const link = input.linkBase === undefined ? undefined : fileLink(input.linkBase, file.path)
    if (link !== undefined) links.push(link)
    const lines = [
      link === undefined ? `### ${code(file.path)}` : `### [${code(file.path)}](${link})`,
      ''
    ]
    for (const { policy } of changed.filter(c => c.file === file)) {
      lines.push(...policyLines(policy, input.findings), '')
    }
    sections.push(lines.join('\n').trimEnd())
  }
  const left = notChanged(input)
  if (left.length > 0) {
    sections.push(['### Not changed by this pull request', '', ...left].join('\n'))
  }
  const foot =
    '<sub>Opened by the sweep of iam-refine: each run brings it up to date, and closes it when ' +
    'nothing is left to change.</sub>'
  return { head: head.join('\n'), sections, foot, links }
}

function policyLines(
  policy: PolicyReport,
  findings: ReadonlyMap<string, PrincipalUnused>
): string[] {
  const name = policy.pointer === '' ? '**The whole file**' : `**Policy** ${code(policy.pointer)}`
  const lines = [`${name}, ${count(policy.unusedActions.length, 'unused action')} removed:`, '']
  for (const arn of policy.principals)
    lines.push(`- Findings of ${code(arn)}: ${origin(findings.get(arn))}`)
  for (const s of policy.statements) {
    if (s.reasons.length === 0) continue
    const label = s.sid !== undefined ? `Statement ${code(s.sid)}` : `Statement ${s.index + 1}`
    for (const r of s.reasons) lines.push(`- ${label}: ${text(r, MAX_REASON_CHARACTERS)}`)
  }
  if (policy.overQuota && policy.size?.quota) {
    lines.push(
      `- Still larger than its quota after the change: ${policy.size.after} of ` +
        `${policy.size.quota.limit} characters (${text(policy.size.quota.kind)}).`
    )
  }
  return lines
}

/** Whose findings, from which source, analyzed when. */
function origin(finding: PrincipalUnused | undefined): string {
  if (!finding) return 'the findings given for it'
  const parts: string[] = []
  const ids = finding.sources
  const lastAccessed = ids.filter(id => id.startsWith('last-accessed:'))
  const analyzer = ids.filter(id => !id.startsWith('last-accessed:'))
  if (analyzer.length > 0) {
    const shown = analyzer.slice(0, LISTED_FINDINGS).map(id => code(id))
    const more = analyzer.length - shown.length
    parts.push(
      `IAM Access Analyzer ${analyzer.length === 1 ? 'finding' : 'findings'} ${shown.join(', ')}` +
        (more > 0 ? ` and ${more} more` : '')
    )
  }
  if (lastAccessed.length > 0) parts.push("IAM's last-accessed data")
  if (finding.analyzers && finding.analyzers.length > 0) {
    parts.push(`from ${finding.analyzers.map(a => code(a)).join(', ')}`)
  }
  if (finding.wholePrincipal) {
    parts.push(
      `not used at all${finding.lastAccessed ? ` (last used ${text(day(finding.lastAccessed))})` : ''}`
    )
  }
  if (finding.since !== undefined) parts.push(`analyzed ${text(day(finding.since))}`)
  return parts.length > 0 ? parts.join(', ') : 'the findings given for it'
}

/** What the sweep found and did not change: stale, unchecked, not refinable, over quota. */
function notChanged(input: SweepBodyInput): string[] {
  const stale = new Set(input.stale ?? [])
  const out: string[] = []
  for (const { path, report } of input.files) {
    const file = code(path)
    if (stale.has(path) && report.edits.length > 0) {
      out.push(
        `- ${file}: its copy in the workspace is not the default branch's (the branch moved, ` +
          'another ref was checked out, or the file is not committed); left for the next run.'
      )
    }
    for (const u of uncheckedItems([report])) {
      const at = `${u.line !== undefined ? ` line ${u.line}` : ''}${u.pointer ? ` policy ${code(u.pointer)}` : ''}`
      out.push(`- ${file}${at}: not checked: ${text(u.reason, MAX_REASON_CHARACTERS)}`)
    }
    for (const p of report.policies) {
      const where = p.pointer === '' ? file : `${file} policy ${code(p.pointer)}`
      if (p.status === 'not-editable') {
        out.push(
          `- ${where}: ${count(p.unusedActions.length, 'unused action')} not removed: ` +
            text(p.reason ?? '', MAX_REASON_CHARACTERS)
        )
      } else if (p.status === 'unused-policy') {
        out.push(
          `- ${where}: every action is unused by ${p.principals.map(a => code(a)).join(', ')}: ` +
            'detach the policy and delete it (a sweep never leaves an empty policy).'
        )
      } else if ((p.status === 'refined' || p.status === 'fixed') && p.overQuota) {
        out.push(`- ${where}: changed, but still over its size quota: split or rewrite it.`)
      }
    }
  }
  return out
}

/**
 * `head`, as many whole sections as fit (in order), a line saying what was left out, `foot`: at
 * most `limit` by `measure`. A section is never cut inside, so no list or code block is left open.
 */
export function fitSections(
  parts: Sections,
  limit: number,
  measure: (s: string) => number,
  unit = 'characters'
): string {
  const join = (sections: readonly string[], omission?: string): string =>
    [parts.head.trimEnd(), ...sections, ...(omission ? [omission] : []), parts.foot].join('\n\n') +
    '\n'
  const whole = join(parts.sections)
  if (measure(whole) <= limit) return whole
  const total = parts.sections.length
  const omission = (kept: number): string =>
    `_${total - kept} of ${total} sections are not shown here: this text holds at most ${limit} ` +
    `${unit}. The job summary of the run and its JSON report (output \`report\`) list every change._`
  const kept: string[] = []
  for (const section of parts.sections) {
    if (measure(join([...kept, section], omission(kept.length + 1))) > limit) break
    kept.push(section)
  }
  return join(kept, omission(kept.length))
}

/** `<base>/<path>` with each path segment percent-encoded, parentheses and quotes too. */
function fileLink(base: string, path: string): string {
  const encoded = path
    .split('/')
    .map(s =>
      encodeURIComponent(s).replace(
        /[!'()*]/g,
        c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
      )
    )
    .join('/')
  return `${base.replace(/\/+$/, '')}/${encoded}`
}

/** The date of an ISO 8601 time stamp, or the text as it is. */
function day(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso
}

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`
}

/** Names once each, compared case-insensitively. */
function distinct(names: readonly string[]): string[] {
  return [...new Set(names.map(n => n.toLowerCase()))]
}
