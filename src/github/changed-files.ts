import { ConfigurationError } from '../engine/errors.js'
import { compileGlobs } from '../sources/glob.js'
import type { ReadClient } from './client.js'
import { isRateLimit, rateLimitError } from './write-refused.js'

/** The pull request a run reviews. */
export interface PullRequestRef {
  readonly owner: string
  readonly repo: string
  readonly pullNumber: number
}

export interface ChangedFile {
  /** The path at the head commit. */
  readonly path: string
  readonly status: string
  /** The unified diff GitHub shows; absent for a diff too large to show (summary only). */
  readonly patch?: string
  /** The blob SHA at the head commit, for the blob API. */
  readonly sha: string
  readonly previousPath?: string
}

export interface ChangedFiles {
  /** The files to scan: not removed, inside `paths`. */
  readonly files: readonly ChangedFile[]
  /** How many files GitHub listed, before filtering. */
  readonly listed: number
  /** Every path the pull request touches, whatever `paths` says: names before and after, removed ones too. */
  readonly changedPaths: readonly string[]
  /**
   * GitHub lists at most 3,000 files of a pull request; when it reached that cap, files beyond
   * it were not seen, and the summary must say so.
   */
  readonly capped: boolean
}

/** GitHub's cap on the files `pulls.listFiles` returns. */
export const MAX_LISTED_FILES = 3000

/**
 * The changed files of a pull request, 100 per page, removed files left out and the `paths` globs
 * (src/sources/glob.ts, dot files included) applied; an empty `paths` keeps every file.
 */
export async function getChangedFiles(
  client: ReadClient,
  pr: PullRequestRef,
  paths: readonly string[] = []
): Promise<ChangedFiles> {
  const match = paths.length === 0 ? () => true : compileGlobs(paths, 'Input paths')
  let listed
  try {
    listed = await client.paginate(client.rest.pulls.listFiles, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.pullNumber,
      per_page: 100
    })
  } catch (error) {
    throw readError(error, `the files of pull request #${pr.pullNumber}`)
  }
  const files: ChangedFile[] = []
  const changedPaths = new Set<string>()
  for (const f of listed) {
    changedPaths.add(f.filename)
    if (f.previous_filename) changedPaths.add(f.previous_filename)
    if (f.status === 'removed' || !match(f.filename)) continue
    files.push({
      path: f.filename,
      status: f.status,
      sha: f.sha ?? '',
      ...(f.patch === undefined || f.patch === null ? {} : { patch: f.patch }),
      ...(f.previous_filename ? { previousPath: f.previous_filename } : {})
    })
  }
  return {
    files,
    listed: listed.length,
    changedPaths: [...changedPaths],
    capped: listed.length >= MAX_LISTED_FILES
  }
}

/** A 403 or 404 on reading: the token lacks a permission; say which. */
export function readError(error: unknown, what: string): Error {
  const status = (error as { status?: unknown }).status
  if (isRateLimit(error)) return rateLimitError(error, `reading ${what}`)
  if (status === 403 || status === 404) {
    return new ConfigurationError(
      `GitHub answered ${status} when reading ${what}: the token needs ` +
        '`pull-requests: read` and `contents: read` on this repository.'
    )
  }
  return error instanceof Error ? error : new Error(String(error))
}
