import { SUMMARY_MARKER } from '../report/fingerprint.js'
import { guardBody } from '../report/guard.js'
import { cutMarkdown, SUMMARY_HTML } from '../report/summary.js'
import { readError, type PullRequestRef } from './changed-files.js'
import type { ReadClient, WriteClient } from './client.js'
import { isOurs } from './identity.js'

/** GitHub's limit on a comment body, and on a review's. */
export const MAX_BODY = 65_536

/**
 * Where the pull request's one summary is: the body of one of our reviews (a run that posts a
 * review puts it there, so that one write says both), or an issue comment (a run with nothing to
 * post on the diff, or an earlier version of iam-refine). docs/adr/0023-reads-apart-from-writes.md
 */
export interface SummaryPlace {
  readonly kind: 'review' | 'comment'
  readonly id: number
  readonly body: string
}

/**
 * Our summary on the pull request: the first issue comment, else the first review, that the
 * token's login wrote and that carries the summary marker (all pages of both). A marker someone
 * else wrote is text: it must not make us edit their comment or review.
 */
export async function findSummary(
  client: ReadClient,
  pr: PullRequestRef,
  login: string | undefined
): Promise<SummaryPlace | undefined> {
  const ask = { owner: pr.owner, repo: pr.repo, per_page: 100 }
  const [comments, reviews] = await Promise.all([
    client
      .paginate(client.rest.issues.listComments, { ...ask, issue_number: pr.pullNumber })
      .catch((error: unknown) => {
        throw readError(error, `the comments of pull request #${pr.pullNumber}`)
      }),
    client
      .paginate(client.rest.pulls.listReviews, { ...ask, pull_number: pr.pullNumber })
      .catch((error: unknown) => {
        throw readError(error, `the reviews of pull request #${pr.pullNumber}`)
      })
  ])
  const ours = (c: { user?: { login?: string } | null; body?: string | null }): boolean =>
    isOurs(c.user?.login, login) && (c.body ?? '').includes(SUMMARY_MARKER)
  const comment = comments.find(ours)
  if (comment) return { kind: 'comment', id: comment.id, body: comment.body ?? '' }
  const review = reviews.find(ours)
  if (review) return { kind: 'review', id: review.id, body: review.body ?? '' }
  return undefined
}

/** Writes `body` where the summary is, unless it says exactly that already. */
export async function updateSummary(
  client: WriteClient,
  pr: PullRequestRef,
  place: SummaryPlace,
  body: string
): Promise<'updated' | 'unchanged'> {
  if (place.body === body) return 'unchanged'
  if (place.kind === 'review') {
    await client.rest.pulls.updateReview({
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.pullNumber,
      review_id: place.id,
      body
    })
  } else {
    await client.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: place.id,
      body
    })
  }
  return 'updated'
}

/** The summary as an issue comment, for a run that posts no review. */
export async function createSummaryComment(
  client: WriteClient,
  pr: PullRequestRef,
  body: string
): Promise<number> {
  const created = await client.rest.issues.createComment({
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.pullNumber,
    body
  })
  return created.data.id
}

/**
 * The marker, then the Markdown, cut to GitHub's limit: at a section boundary when one is near, so
 * that no code block is left open, else at a line boundary.
 */
export function summaryBody(markdown: string): string {
  const head = `${SUMMARY_MARKER}\n`
  const body =
    head +
    cutMarkdown(
      markdown,
      MAX_BODY - head.length,
      '… cut here: the full report is in the job summary of this run.'
    )
  guardBody(body, { what: 'the summary comment', html: [SUMMARY_MARKER, ...SUMMARY_HTML] })
  return body
}
