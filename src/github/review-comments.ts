import { createHash } from 'node:crypto'
import { outdatedMarker, readMarker, type Hash } from '../report/fingerprint.js'
import { guardBody } from '../report/guard.js'
import { readError, type PullRequestRef } from './changed-files.js'
import type { ReadClient, WriteClient } from './client.js'
import { isOurs } from './identity.js'

/** SHA-256 as hexadecimal: the hash of the comment fingerprints. */
export const sha256Hex: Hash = text => createHash('sha256').update(text, 'utf8').digest('hex')

/** A review comment an earlier run posted, recognised by its hidden marker. */
export interface OurComment {
  readonly id: number
  readonly fingerprint: string
  /** Marked outdated by an earlier run: ours, but no longer counted. */
  readonly markedOutdated: boolean
  /** Still on a line of the diff; GitHub sets `line` to null when a push changed that line, and
   * a suggestion there can no longer be applied. */
  readonly onDiff: boolean
  readonly path: string
  readonly body: string
}

/**
 * Every review comment of the pull request that the token's own login wrote and that carries our
 * marker (all pages, 100 each). A marker in anyone else's comment is text, never ours: it is not
 * counted, not edited, not taken as a suggestion already posted.
 */
export async function listOurReviewComments(
  client: ReadClient,
  pr: PullRequestRef,
  login: string | undefined
): Promise<OurComment[]> {
  let comments
  try {
    comments = await client.paginate(client.rest.pulls.listReviewComments, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.pullNumber,
      per_page: 100
    })
  } catch (error) {
    throw readError(error, `the review comments of pull request #${pr.pullNumber}`)
  }
  const ours: OurComment[] = []
  for (const c of comments) {
    if (!isOurs(c.user?.login, login)) continue
    const marker = readMarker(c.body ?? '')
    if (!marker) continue
    ours.push({
      id: c.id,
      fingerprint: marker.fingerprint,
      markedOutdated: marker.outdated,
      onDiff: c.line !== null && c.line !== undefined,
      path: c.path,
      body: c.body
    })
  }
  return ours
}

/**
 * The body of a comment that no longer applies. We edit rather than delete: deleting would orphan
 * the replies of its thread and lose what reviewers discussed; the edit strikes the note through,
 * turns the suggestion into a plain code block (so no one applies a stale change) and keeps the
 * marker, flagged outdated, so later runs leave it alone.
 */
export function outdatedBody(
  body: string,
  fingerprint: string,
  headSha: string,
  why: string
): string {
  const previous = body
    .replace(/<!-- iam-refine:fp=[^>]*-->/g, '')
    .replace(/^(`{3,})suggestion[^\S\n]*$/gm, '$1')
    .trimEnd()
  const open = '<details><summary>What it said</summary>'
  const marker = outdatedMarker(fingerprint)
  const out = [
    `~~This iam-refine comment no longer applies~~ (outdated at ${headSha.slice(0, 7)}: ${why}).`,
    '',
    open,
    '',
    previous,
    '',
    '</details>',
    '',
    marker
  ].join('\n')
  // What it said was ours and guarded when posted; without its suggestion it must still be clean.
  guardBody(out, {
    what: 'an outdated review comment',
    html: [open, '</details>', '<sub>', '</sub>', marker]
  })
  return out
}

/** Edits one of our comments into its outdated form. */
export async function markOutdated(
  client: WriteClient,
  pr: PullRequestRef,
  comment: OurComment,
  headSha: string,
  why: string
): Promise<void> {
  await client.rest.pulls.updateReviewComment({
    owner: pr.owner,
    repo: pr.repo,
    comment_id: comment.id,
    body: outdatedBody(comment.body, comment.fingerprint, headSha, why)
  })
}
