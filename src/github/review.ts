import type { Logger } from '../logger.js'
import { buildReviewItems, type FileReport, type ReviewItem } from '../report/comment.js'
import type { Hash } from '../report/fingerprint.js'
import type { UncheckedItem } from '../report/json-report.js'
import { renderSummary, type Delivered, type SummaryReason } from '../report/summary.js'
import type { PullRequestRef } from './changed-files.js'
import type { GitHubClients, WriteClient } from './client.js'
import { getTokenLogin } from './identity.js'
import {
  listOurReviewComments,
  markOutdated,
  sha256Hex,
  type OurComment
} from './review-comments.js'
import {
  createSummaryComment,
  findSummary,
  summaryBody,
  updateSummary,
  type SummaryPlace
} from './summary-comment.js'
import { isRateLimit, rateLimitError } from './write-refused.js'

/** The pull request and the commit the review's line numbers refer to. */
export interface ReviewTarget extends PullRequestRef {
  readonly headSha: string
}

export interface ReviewOptions {
  readonly event: 'COMMENT' | 'REQUEST_CHANGES'
  /** At most this many of our comments on the pull request; the rest go to the summary. */
  readonly maxComments: number
  readonly logger: Logger
  /** The token's login (`getTokenLogin` finds it when absent): only its comments are ours. */
  readonly login?: string | undefined
  /**
   * At most this many extra calls to find which comments GitHub refuses after a 422 (default
   * 40: enough to isolate several bad comments among hundreds by bisection).
   */
  readonly maxIsolationCalls?: number
}

export interface ReviewOutcome {
  readonly delivered: readonly Delivered[]
  /** The review this run created, if it posted one. */
  readonly reviewId?: number
  /** Our comments of earlier runs marked outdated. */
  readonly outdated: number
  /** The token could not write: nothing was posted. */
  readonly readOnly: boolean
}

/** What one run of the review did, and the summary it wrote. */
export interface ReviewRun extends ReviewOutcome {
  readonly items: readonly ReviewItem[]
  /** The job summary's Markdown (also the pull request's summary). */
  readonly summary: string
  /** What this run did to the summary on the pull request. */
  readonly summaryComment?: 'created' | 'updated' | 'unchanged' | 'skipped'
  /** Where that summary is: the body of one of our reviews, or an issue comment. */
  readonly summaryPlace?: SummaryPlace['kind']
}

export interface ReviewPullRequestOptions extends ReviewOptions {
  /** Lines for the summary's notes: the 3,000-file cap, findings files left out, … */
  readonly notes?: readonly string[]
  /** Shown first, as warnings (the pull_request_target warning). */
  readonly warnings?: readonly string[]
  /** What the gate counts as unchecked, listed in the summary with why. */
  readonly unchecked?: readonly UncheckedItem[]
  /** The fingerprints' hash; SHA-256 unless a test wants another. */
  readonly hash?: Hash
}

/**
 * The whole review of a run: builds the comments from `files`, posts the new ones in one review
 * (isolating the ones GitHub refuses), marks our outdated comments, keeps the one summary on the
 * pull request current, and, when the token is read-only, turns the most important items into
 * warning annotations. Returns the summary Markdown for the job summary (the caller writes it with
 * core.summary).
 *
 * Reads go through `clients.read`, writes through `clients.write`. When the pull request has no
 * summary of ours yet and there is a review to post, the review's body is the summary: one write
 * where there were two (docs/adr/0023-reads-apart-from-writes.md).
 */
export async function reviewPullRequest(
  clients: GitHubClients,
  target: ReviewTarget,
  files: readonly FileReport[],
  options: ReviewPullRequestOptions
): Promise<ReviewRun> {
  const items = buildReviewItems(files, options.hash ?? sha256Hex)
  const login = options.login ?? (await getTokenLogin(clients.read, options.logger))
  const [ours, found] = await Promise.all([
    listOurReviewComments(clients.read, target, login),
    findSummary(clients.read, target, login)
  ])
  const summaryOf = (ro: boolean, delivered: readonly Delivered[]): string =>
    renderSummary({
      files,
      delivered,
      headSha: target.headSha,
      notes: options.notes ?? [],
      warnings: options.warnings ?? [],
      unchecked: options.unchecked ?? [],
      readOnly: ro
    })
  const outcome = await publishReview(clients, target, items, {
    ...options,
    login,
    ours,
    ...(found ? {} : { summaryBody: delivered => summaryBody(summaryOf(false, delivered)) })
  })
  let readOnly = outcome.readOnly
  let summary = summaryOf(readOnly, outcome.delivered)
  let summaryComment: ReviewRun['summaryComment']
  let summaryPlace: ReviewRun['summaryPlace']
  if (outcome.carriesSummary) {
    summaryComment = 'created'
    summaryPlace = 'review'
  } else if (!readOnly) {
    try {
      const body = summaryBody(summary)
      if (found) {
        summaryComment = await updateSummary(clients.write, target, found, body)
        summaryPlace = found.kind
      } else if (items.length > 0) {
        await createSummaryComment(clients.write, target, body)
        summaryComment = 'created'
        summaryPlace = 'comment'
      } else {
        summaryComment = 'skipped'
      }
    } catch (error) {
      if (!isForbidden(error)) throw error
      readOnly = true
      summary = summaryOf(true, outcome.delivered)
    }
  }
  if (readOnly) annotate(options.logger, items)
  return {
    ...outcome,
    readOnly,
    items,
    summary,
    ...(summaryComment ? { summaryComment } : {}),
    ...(summaryPlace ? { summaryPlace } : {})
  }
}

export interface PublishOptions extends ReviewOptions {
  /** Our review comments, when the caller has listed them already. */
  readonly ours?: readonly OurComment[]
  /**
   * The body that makes the review carry the pull request's summary, given what each item's
   * delivery will be; without it the review has a short body of its own.
   */
  readonly summaryBody?: (delivered: readonly Delivered[]) => string
}

/**
 * Posts `items` as one review. Items not placeable on the diff, already posted by an earlier run
 * (same fingerprint, still on the diff), or beyond `maxComments` are not posted; our earlier
 * comments that no longer apply are marked outdated. A 403 on writing is not an error: the
 * outcome says `readOnly` and every item goes to the summary.
 */
export async function publishReview(
  clients: GitHubClients,
  target: ReviewTarget,
  items: readonly ReviewItem[],
  options: PublishOptions
): Promise<ReviewOutcome & { readonly carriesSummary: boolean }> {
  const { logger } = options
  const ours = options.ours ?? (await listOurReviewComments(clients.read, target, options.login))
  const live = new Map<string, OurComment>()
  for (const c of ours) {
    if (!c.markedOutdated && c.onDiff && !live.has(c.fingerprint)) live.set(c.fingerprint, c)
  }
  const delivery = new Map<ReviewItem, Delivered['delivery']>()
  const candidates: ReviewItem[] = []
  for (const item of items) {
    if (live.has(item.fingerprint)) delivery.set(item, { kind: 'existing' })
    else if (item.placement !== 'inline') delivery.set(item, summary(item.placement))
    else candidates.push(item)
  }
  const existing = [...delivery.values()].filter(d => d.kind === 'existing').length
  const slots = Math.max(0, options.maxComments - existing)
  const ranked = [...candidates].sort((a, b) => b.importance - a.importance)
  const chosen = new Set(ranked.slice(0, slots))
  for (const item of ranked.slice(slots)) delivery.set(item, summary('over-max-comments'))
  const toPost = candidates.filter(i => chosen.has(i))
  /** What each item's delivery is once GitHub took the review without the `refused` ones. */
  const deliveredWith = (refused: ReadonlyMap<ReviewItem, SummaryReason>): Delivered[] =>
    items.map(item => {
      const bad = refused.get(item)
      return {
        item,
        delivery: bad ? summary(bad) : (delivery.get(item) ?? { kind: 'posted' })
      }
    })
  const carried = options.summaryBody
  const body = (refused: ReadonlyMap<ReviewItem, SummaryReason>, posted: number): string =>
    carried ? carried(deliveredWith(refused)) : reviewBody(posted)

  let reviewId: number | undefined
  let readOnly = false
  try {
    if (toPost.length > 0) {
      const posted = await postIsolating(clients.write, target, toPost, options, body)
      reviewId = posted.reviewId
      for (const item of toPost) {
        const bad = posted.refused.get(item)
        delivery.set(item, bad ? summary(bad) : { kind: 'posted' })
      }
      if (posted.refused.size > 0) {
        logger.warning(
          `GitHub refused ${posted.refused.size} of ${toPost.length} review comments; ` +
            'they are in the summary.'
        )
      }
    }
  } catch (error) {
    if (!isForbidden(error)) throw error
    readOnly = true
    logger.warning(
      'The token cannot write to this pull request (403; a pull request from a fork?): ' +
        'the suggestions are in the job summary and in annotations.'
    )
    for (const item of toPost) delivery.set(item, summary('read-only'))
  }

  let outdated = 0
  let refusedEdits = 0
  if (!readOnly) {
    const current = new Set(items.map(i => i.fingerprint))
    const kept = new Set([...live.values()].filter(c => current.has(c.fingerprint)).map(c => c.id))
    for (const c of ours) {
      if (c.markedOutdated || kept.has(c.id)) continue
      const why = !current.has(c.fingerprint)
        ? 'the policy or its findings changed'
        : c.onDiff
          ? 'a newer comment says the same'
          : 'the lines it was on changed'
      try {
        await markOutdated(clients.write, target, c, target.headSha, why)
        outdated++
      } catch (error) {
        // One comment we may not edit must not leave the others' stale suggestions applicable.
        if (!isForbidden(error)) throw error
        refusedEdits++
      }
    }
  }
  if (outdated > 0) logger.info(`Marked ${outdated} earlier review comments outdated.`)
  if (refusedEdits > 0) {
    logger.warning(
      `GitHub refused (403) to edit ${refusedEdits} earlier review ${refusedEdits === 1 ? 'comment' : 'comments'} ` +
        'that no longer apply: resolve them by hand.'
    )
  }
  return {
    delivered: items.map(item => ({ item, delivery: delivery.get(item)! })),
    ...(reviewId === undefined ? {} : { reviewId }),
    outdated,
    readOnly,
    carriesSummary: reviewId !== undefined && carried !== undefined
  }
}

function summary(why: SummaryReason): Delivered['delivery'] {
  return { kind: 'summary', why }
}

interface Posted {
  readonly reviewId?: number
  /** The items not posted, and why. */
  readonly refused: Map<ReviewItem, SummaryReason>
}

/**
 * One review with `items`. GitHub refuses a whole review (422, nothing stored, one message that
 * names no comment) when one comment is off; then bisect with PENDING reviews — invisible to
 * others, deleted right after each probe — to find the refused comments within a bounded number
 * of calls, and post the rest as the one review.
 */
async function postIsolating(
  client: WriteClient,
  target: ReviewTarget,
  items: readonly ReviewItem[],
  options: ReviewOptions,
  bodyFor: (refused: ReadonlyMap<ReviewItem, SummaryReason>, posted: number) => string
): Promise<Posted> {
  const refused = new Map<ReviewItem, SummaryReason>()
  const body = bodyFor(refused, items.length)
  let event = options.event
  try {
    const id = await createReview(client, target, items, event, body)
    return { reviewId: id, refused }
  } catch (error) {
    if (!isUnprocessable(error)) throw error
    if (event === 'REQUEST_CHANGES' && /own pull request/i.test(message(error))) {
      // The token's user opened the pull request: GitHub lets no one request changes on their own.
      options.logger.warning(
        'GitHub does not let the token request changes on its own pull request; commenting instead.'
      )
      event = 'COMMENT'
      try {
        const id = await createReview(client, target, items, event, body)
        return { reviewId: id, refused }
      } catch (again) {
        if (!isUnprocessable(again)) throw again
      }
    }
    options.logger.info(
      `GitHub refused the review (${message(error)}); finding the comments it refuses.`
    )
  }
  let budget = options.maxIsolationCalls ?? 40
  let stuck = false
  /** Whether GitHub takes `group`, as a pending review that is deleted again. */
  const accepts = async (group: readonly ReviewItem[]): Promise<boolean | undefined> => {
    if (stuck || budget <= 0) return undefined
    budget--
    let id: number
    try {
      id = await createReview(client, target, group, undefined, undefined)
    } catch (error) {
      if (!isUnprocessable(error)) throw error
      // An earlier pending review of ours blocks every probe: stop guessing.
      if (/pending review/i.test(message(error))) stuck = true
      return stuck ? undefined : false
    }
    budget--
    try {
      await client.rest.pulls.deletePendingReview({
        owner: target.owner,
        repo: target.repo,
        pull_number: target.pullNumber,
        review_id: id
      })
    } catch {
      stuck = true
    }
    return true
  }
  /** `group` is known to be refused as a whole. */
  const isolate = async (group: readonly ReviewItem[]): Promise<void> => {
    if (group.length === 1) {
      refused.set(group[0]!, 'rejected')
      return
    }
    const half = Math.ceil(group.length / 2)
    const first = group.slice(0, half)
    const second = group.slice(half)
    const ok = await accepts(first)
    if (ok === undefined) {
      for (const item of group) if (!refused.has(item)) refused.set(item, 'not-verified')
      return
    }
    if (!ok) await isolate(first)
    // When the first half passes, the refusal lies in the second: no probe needed for it.
    const secondOk = ok ? false : await accepts(second)
    if (secondOk === undefined) {
      for (const item of second) refused.set(item, 'not-verified')
    } else if (!secondOk) {
      await isolate(second)
    }
  }
  await isolate(items)
  const good = items.filter(i => !refused.has(i))
  if (good.length === 0) return { refused }
  try {
    const id = await createReview(client, target, good, event, bodyFor(refused, good.length))
    return { reviewId: id, refused }
  } catch (error) {
    if (!isUnprocessable(error)) throw error
    for (const item of good) refused.set(item, 'not-verified')
    return { refused }
  }
}

async function createReview(
  client: WriteClient,
  target: ReviewTarget,
  items: readonly ReviewItem[],
  event: ReviewOptions['event'] | undefined,
  body: string | undefined
): Promise<number> {
  const response = await client.rest.pulls.createReview({
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    commit_id: target.headSha,
    ...(event === undefined ? {} : { event }),
    ...(body === undefined ? {} : { body }),
    comments: items.map(reviewComment)
  })
  return response.data.id
}

/** A review comment on the RIGHT side; multi-line ones from `start_line` to `line`. */
export function reviewComment(item: ReviewItem): {
  path: string
  body: string
  line: number
  side: 'RIGHT'
  start_line?: number
  start_side?: 'RIGHT'
} {
  return {
    path: item.path,
    body: item.body,
    line: item.endLine,
    side: 'RIGHT',
    ...(item.startLine < item.endLine ? { start_line: item.startLine, start_side: 'RIGHT' } : {})
  }
}

/** The body of a review when the summary is elsewhere (an earlier run's review or comment). */
function reviewBody(n: number): string {
  return (
    `iam-refine suggests removing permissions IAM Access Analyzer reports unused ` +
    `(${n} ${n === 1 ? 'comment' : 'comments'}). Its summary on this pull request lists every policy.`
  )
}

/**
 * Warning annotations for a run that could not write. GitHub shows at most 10 per type per step:
 * the 10 most important, then a notice saying how many more the job summary holds.
 */
export function annotate(logger: Logger, items: readonly ReviewItem[], limit = 10): void {
  const ranked = [...items].sort((a, b) => b.importance - a.importance)
  for (const item of ranked.slice(0, limit)) {
    logger.warning(item.title, {
      title: item.kind === 'unused-policy' ? 'Unused IAM policy' : 'Unused IAM permissions',
      file: item.path,
      startLine: item.startLine,
      endLine: item.endLine
    })
  }
  if (ranked.length > limit) {
    logger.notice(
      `${ranked.length - limit} more unused-permission findings are in the job summary.`
    )
  }
}

/**
 * A 403 that means the token may not write (or edit that comment). A rate limit the client
 * already waited out is not that: it ends the run with its own sentence.
 */
function isForbidden(error: unknown): boolean {
  if (isRateLimit(error)) throw rateLimitError(error, 'iam-refine before it could write the review')
  return (error as { status?: unknown }).status === 403
}

function isUnprocessable(error: unknown): boolean {
  return (error as { status?: unknown }).status === 422
}

function message(error: unknown): string {
  const data = (error as { response?: { data?: { errors?: unknown } } }).response?.data
  if (data && Array.isArray(data.errors)) return data.errors.map(String).join('; ')
  return (error as Error).message
}
