import { SUMMARY_MARKER } from '../report/fingerprint.js'
import { guardBody } from '../report/guard.js'
import { cutMarkdown, SUMMARY_HTML } from '../report/summary.js'
import { readError, type PullRequestRef } from './changed-files.js'
import type { GitHubClient } from './client.js'
import { isOurs } from './identity.js'

/** GitHub's limit on a comment body. */
export const MAX_BODY = 65_536

export type SummaryCommentResult =
  | { readonly kind: 'created' | 'updated' | 'unchanged'; readonly id: number }
  /** Nothing existed and there was nothing to say. */
  | { readonly kind: 'skipped' }

/**
 * Keeps one summary comment on the pull request: found by its marker among the issue comments
 * the token's login wrote (all pages), updated in place when its text changed, created only when there is something to
 * say. `markdown` longer than GitHub allows is cut with a pointer to the job summary.
 */
export async function upsertSummaryComment(
  client: GitHubClient,
  pr: PullRequestRef,
  markdown: string,
  options: { readonly createIfMissing: boolean; readonly login: string | undefined }
): Promise<SummaryCommentResult> {
  let comments
  try {
    comments = await client.paginate(client.rest.issues.listComments, {
      owner: pr.owner,
      repo: pr.repo,
      issue_number: pr.pullNumber,
      per_page: 100
    })
  } catch (error) {
    throw readError(error, `the comments of pull request #${pr.pullNumber}`)
  }
  const body = summaryBody(markdown)
  // Ours only: a marker someone else pasted must not make us edit their comment.
  const existing = comments.find(
    c => isOurs(c.user?.login, options.login) && (c.body ?? '').includes(SUMMARY_MARKER)
  )
  if (existing) {
    if (existing.body === body) return { kind: 'unchanged', id: existing.id }
    await client.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: existing.id,
      body
    })
    return { kind: 'updated', id: existing.id }
  }
  if (!options.createIfMissing) return { kind: 'skipped' }
  const created = await client.rest.issues.createComment({
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.pullNumber,
    body
  })
  return { kind: 'created', id: created.data.id }
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
