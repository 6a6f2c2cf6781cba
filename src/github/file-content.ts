import type { GitHubClient } from './client.js'
import { readError, type PullRequestRef } from './changed-files.js'

export type FileContent =
  | { readonly kind: 'text'; readonly text: string }
  /** Not read: binary (not UTF-8), too large, or gone; `reason` says which, for the summary. */
  | { readonly kind: 'skipped'; readonly reason: string }

/** Larger files are not policies anyone reviews by hand; src/sources refuses them too. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024

/**
 * A file's text at a commit (the pull request's head SHA: the workspace usually holds the merge
 * commit, whose line numbers can differ from the diff's).
 *
 * The raw media type serves files up to 100 MB, where the JSON form stops at 1 MB; an older
 * GitHub Enterprise Server that still refuses over 1 MB with 403 `too_large` is asked again
 * through the blob API with the file's blob SHA. The bytes are decoded as strict UTF-8 with any
 * byte-order mark kept, so offsets match the file exactly.
 */
export async function getFileContent(
  client: GitHubClient,
  repo: Pick<PullRequestRef, 'owner' | 'repo'>,
  path: string,
  ref: string,
  blobSha?: string
): Promise<FileContent> {
  let bytes: Uint8Array
  try {
    bytes = await rawContent(client, repo, path, ref)
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 403 && tooLarge(error) && blobSha) {
      try {
        bytes = await rawBlob(client, repo, blobSha)
      } catch (blobError) {
        if (tooLarge(blobError)) return { kind: 'skipped', reason: 'larger than GitHub serves' }
        throw readError(blobError, `${path} at ${ref}`)
      }
    } else if (status === 403 && tooLarge(error)) {
      return { kind: 'skipped', reason: 'larger than GitHub serves' }
    } else if (status === 404) {
      return { kind: 'skipped', reason: `not found at ${ref}` }
    } else {
      throw readError(error, `${path} at ${ref}`)
    }
  }
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return { kind: 'skipped', reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` }
  }
  try {
    return {
      kind: 'text',
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    }
  } catch {
    return { kind: 'skipped', reason: 'not UTF-8 text' }
  }
}

async function rawContent(
  client: GitHubClient,
  repo: Pick<PullRequestRef, 'owner' | 'repo'>,
  path: string,
  ref: string
): Promise<Uint8Array> {
  const response = await client.rest.repos.getContent({
    owner: repo.owner,
    repo: repo.repo,
    path,
    ref,
    mediaType: { format: 'raw' },
    request: { parseSuccessResponseBody: false }
  })
  return bodyBytes(response.data)
}

async function rawBlob(
  client: GitHubClient,
  repo: Pick<PullRequestRef, 'owner' | 'repo'>,
  sha: string
): Promise<Uint8Array> {
  const response = await client.rest.git.getBlob({
    owner: repo.owner,
    repo: repo.repo,
    file_sha: sha,
    mediaType: { format: 'raw' },
    request: { parseSuccessResponseBody: false }
  })
  return bodyBytes(response.data)
}

/** The body as bytes, whether Octokit left it as a stream or parsed it. */
async function bodyBytes(data: unknown): Promise<Uint8Array> {
  if (typeof data === 'string') return new TextEncoder().encode(data)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (data instanceof Uint8Array) return data
  if (data && typeof (data as ReadableStream).getReader === 'function') {
    return new Uint8Array(await new Response(data as ReadableStream).arrayBuffer())
  }
  throw new Error('GitHub returned no file content')
}

function tooLarge(error: unknown): boolean {
  const e = error as { status?: number; message?: string; response?: { data?: unknown } }
  const text = `${e.message ?? ''} ${JSON.stringify(e.response?.data ?? '')}`
  return e.status === 413 || /too.?large/i.test(text)
}
