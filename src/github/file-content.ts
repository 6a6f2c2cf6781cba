import type { ReadClient } from './client.js'
import { algorithmOf, blobId } from './git-hash.js'
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
  client: ReadClient,
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
  return fileContentOf(bytes)
}

/**
 * A file's bytes as the text every reader gives: strict UTF-8 with any byte-order mark kept, so
 * offsets match the file exactly; too large or not UTF-8 is skipped with the reason.
 */
function fileContentOf(bytes: Uint8Array): FileContent {
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
  client: ReadClient,
  repo: Pick<PullRequestRef, 'owner' | 'repo'>,
  path: string,
  ref: string
): Promise<Uint8Array> {
  return readRawBody(client, request =>
    client.rest.repos.getContent({
      owner: repo.owner,
      repo: repo.repo,
      path,
      ref,
      mediaType: { format: 'raw' },
      request
    })
  )
}

async function rawBlob(
  client: ReadClient,
  repo: Pick<PullRequestRef, 'owner' | 'repo'>,
  sha: string
): Promise<Uint8Array> {
  return readRawBody(client, request =>
    client.rest.git.getBlob({
      owner: repo.owner,
      repo: repo.repo,
      file_sha: sha,
      mediaType: { format: 'raw' },
      request
    })
  )
}

/** The `fetch` Octokit calls, as it takes it from a request's options. */
type Fetch = (url: string, init: RequestInit) => Promise<Response>

/**
 * The bytes of a raw (`application/vnd.github.raw`) success response, at most MAX_FILE_BYTES + 1
 * of them: enough for the caller to see that a file is over the limit, never the whole of a huge
 * one.
 *
 * The body is read inside the request's own `fetch`, while the Response is still held. Octokit's
 * `parseSuccessResponseBody: false` hands back only the body stream of a Response nobody holds any
 * more, and undici cancels the stream of a Response the garbage collector has taken: a collection
 * between the response and the read lost the file ("Response body object should not be disturbed
 * or locked", issue 15). Octokit gets the status and headers of the answer, with an empty body;
 * error responses pass through untouched, so they become RequestErrors as usual. The client's own
 * fetch (a proxy-aware one under @actions/github) makes the call.
 */
async function readRawBody(
  client: ReadClient,
  send: (request: { fetch: Fetch }) => Promise<unknown>
): Promise<Uint8Array> {
  const clientFetch: Fetch =
    (client.request.endpoint.DEFAULTS.request?.fetch as Fetch | undefined) ?? globalThis.fetch
  let received: Uint8Array | undefined
  await send({
    fetch: async (url, init) => {
      received = undefined // a retried request starts over
      const response = await clientFetch(url, init)
      if (response.status < 200 || response.status >= 300) return response
      received = await readAtMost(response.body, MAX_FILE_BYTES + 1)
      return new Response(null, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      })
    }
  })
  if (!received) throw new Error('GitHub returned no file content')
  return received
}

/** The first `limit` bytes of a stream (all of it when shorter); the rest is cancelled unread. */
async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  limit: number
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.byteLength
    if (size >= limit) {
      await reader.cancel('larger than iam-refine reads').catch(() => undefined)
      break
    }
  }
  const out = new Uint8Array(Math.min(size, limit))
  let at = 0
  for (const chunk of chunks) {
    const part = chunk.subarray(0, out.byteLength - at)
    out.set(part, at)
    at += part.byteLength
    if (at === out.byteLength) break
  }
  return out
}

function tooLarge(error: unknown): boolean {
  const e = error as { status?: number; message?: string; response?: { data?: unknown } }
  const text = `${e.message ?? ''} ${JSON.stringify(e.response?.data ?? '')}`
  return e.status === 413 || /too.?large/i.test(text)
}

/**
 * A file to read; `blobSha` (from the list of changed files or a folder listing) lets it be read
 * from the checkout's Git objects, and helps the REST fallback.
 */
export interface FileToRead {
  readonly path: string
  readonly blobSha?: string
}

/**
 * Blobs by object id from somewhere other than the API (src/io/git-objects.ts reads the
 * checkout's): what it found, and why it stopped early, if it did.
 */
export type LocalBlobReader = (ids: readonly string[]) => Promise<{
  readonly blobs: ReadonlyMap<string, Uint8Array>
  readonly failure?: string
}>

export interface FileContentsOptions {
  readonly batchSize?: number
  readonly log?: (message: string) => void
  /** Tried first for every file with a blob id; what it cannot give is read through the API. */
  readonly localBlobs?: LocalBlobReader
}

/**
 * Files per GraphQL query. A query of `object` lookups uses no connection, so GitHub charges it
 * the minimum of one point whatever its size; the bound is GitHub's 10-second limit per request
 * and its "resource limits" on large queries, which a modest batch of small policy files stays
 * well inside.
 */
export const CONTENT_BATCH_SIZE = 50

/**
 * The text of many files at one commit. First from `localBlobs` (the checkout's Git objects) by
 * each file's blob id, kept only when the bytes hash to that very id; then the rest with one
 * GraphQL query per `batchSize` files instead of one REST read per file, so the calls of a run
 * grow with pages of files, not with files.
 *
 * GraphQL's `Blob.text` is only trusted when it is provably the file's bytes: not binary, not
 * truncated, its UTF-8 length equal to `byteSize`, and the Git blob hash of those bytes equal to
 * the blob's `oid` (which catches a dropped byte-order mark, changed line endings or a
 * transcoded file as well). Anything else — a missing or non-blob object, a file larger than
 * MAX_FILE_BYTES, an error naming the file, or a query that fails as a whole — is read with
 * `getFileContent`, so a file is never lost and its text never differs from the REST read.
 * Returns one entry per distinct path.
 */
export async function getFileContents(
  client: ReadClient,
  repo: Pick<PullRequestRef, 'owner' | 'repo'>,
  files: readonly FileToRead[],
  ref: string,
  options: FileContentsOptions = {}
): Promise<Map<string, FileContent>> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? CONTENT_BATCH_SIZE))
  const unique = [...new Map(files.map(f => [f.path, f])).values()]
  const out = options.localBlobs
    ? await readLocalBlobs(options.localBlobs, unique, options.log)
    : new Map<string, FileContent>()
  const remote = unique.filter(f => !out.has(f.path))
  const graphql = { usable: true }
  for (let from = 0; from < remote.length; from += batchSize) {
    const batch = remote.slice(from, from + batchSize)
    const read = graphql.usable
      ? await readBatch(client, repo, batch, ref, graphql, options.log)
      : new Map<string, string>()
    const rest: FileToRead[] = []
    for (const file of batch) {
      const text = read.get(file.path)
      if (text === undefined) rest.push(file)
      else out.set(file.path, { kind: 'text', text })
    }
    // The fallback reads run side by side; the throttling plugin bounds how many at a time.
    const fallback = await Promise.all(
      rest.map(f => getFileContent(client, repo, f.path, ref, f.blobSha || undefined))
    )
    rest.forEach((f, i) => out.set(f.path, fallback[i]!))
  }
  return out
}

/**
 * The files whose blob `read` gives with exactly the bytes of that blob id (Git's hash of them
 * checked here, whoever read them). A reader that fails, throws or gives other bytes costs those
 * files an API read, never the run.
 */
async function readLocalBlobs(
  read: LocalBlobReader,
  files: readonly FileToRead[],
  log: ((message: string) => void) | undefined
): Promise<Map<string, FileContent>> {
  const out = new Map<string, FileContent>()
  const asked = files.filter(f => f.blobSha && algorithmOf(f.blobSha))
  if (asked.length === 0) return out
  let got: Awaited<ReturnType<LocalBlobReader>>
  try {
    got = await read(asked.map(f => f.blobSha!.toLowerCase()))
  } catch (error) {
    got = { blobs: new Map(), failure: String((error as Error)?.message ?? error) }
  }
  let mismatched = 0
  for (const f of asked) {
    const id = f.blobSha!.toLowerCase()
    const bytes = got.blobs.get(id)
    if (!bytes) continue
    if (blobId(bytes, algorithmOf(id)!) !== id) {
      mismatched++
      continue
    }
    out.set(f.path, fileContentOf(bytes))
  }
  const rest = files.length - out.size
  log?.(
    `Read ${out.size} of ${files.length} files from the checkout's Git objects` +
      (rest > 0 ? `, ${rest} through the API` : '') +
      (mismatched > 0 ? ` (${mismatched} with bytes that are not their blob's)` : '') +
      (got.failure ? ` (${got.failure})` : '') +
      '.'
  )
  return out
}

/** The blob fields asked for; the loopback server refuses any other selection. */
const BLOB_FIELDS = 'oid byteSize isBinary isTruncated text'

/**
 * The query for `count` files. Paths travel as variables, never inside the query text, so no
 * path (quotes, backslashes, newlines) can change what is asked.
 */
export function contentsQuery(count: number): string {
  const defs = Array.from({ length: count }, (_, i) => `$e${i}: String!`).join(', ')
  const fields = Array.from(
    { length: count },
    (_, i) => `    f${i}: object(expression: $e${i}) { ... on Blob { ${BLOB_FIELDS} } }`
  )
  return [
    `query($owner: String!, $repo: String!, ${defs}) {`,
    '  repository(owner: $owner, name: $repo) {',
    ...fields,
    '  }',
    '}'
  ].join('\n')
}

interface BlobFields {
  oid?: unknown
  byteSize?: unknown
  isBinary?: unknown
  isTruncated?: unknown
  text?: unknown
}

/** The verified texts of one batch by path; a file left out is read over REST. */
async function readBatch(
  client: ReadClient,
  repo: Pick<PullRequestRef, 'owner' | 'repo'>,
  batch: readonly FileToRead[],
  ref: string,
  graphql: { usable: boolean },
  log: ((message: string) => void) | undefined
): Promise<Map<string, string>> {
  const variables: Record<string, string> = { owner: repo.owner, repo: repo.repo }
  batch.forEach((f, i) => (variables[`e${i}`] = `${ref}:${f.path}`))
  let data: unknown
  const failed = new Set<string>()
  try {
    // No retries: a failed query costs its files one REST read each, not seconds of back-off.
    data = await client.graphql(contentsQuery(batch.length), {
      ...variables,
      request: { retries: 0 }
    })
  } catch (error) {
    // A partial answer (`errors` beside `data`) is used only when every error names one of our
    // aliases; those files, and all of them otherwise, are read over REST.
    const e = error as { data?: unknown; errors?: unknown; message?: unknown; status?: unknown }
    const aliases = Array.isArray(e.errors) ? e.errors.map(errorAlias) : []
    if (e.data && aliases.length > 0 && aliases.every(a => a !== undefined)) {
      data = e.data
      for (const a of aliases) failed.add(a!)
    } else {
      // A token or server that refuses GraphQL will refuse the next batches too.
      if (e.status === 401 || e.status === 403 || e.status === 404) graphql.usable = false
      log?.(
        `Reading ${batch.length} files in one GraphQL query failed (${String(e.message ?? error)}); reading them one by one.`
      )
      return new Map()
    }
  }
  const repository = (data as { repository?: Record<string, BlobFields | null> } | null)?.repository
  const texts = new Map<string, string>()
  batch.forEach((f, i) => {
    if (failed.has(`f${i}`)) return
    const text = verifiedText(repository?.[`f${i}`])
    if (text !== undefined) texts.set(f.path, text)
  })
  return texts
}

/** The alias an error is about (`path: ["repository", "f3", ...]`), if it names one. */
function errorAlias(error: unknown): string | undefined {
  const path = (error as { path?: unknown } | null)?.path
  if (!Array.isArray(path) || path[0] !== 'repository') return undefined
  const alias = path[1]
  return typeof alias === 'string' && /^f\d+$/.test(alias) ? alias : undefined
}

/** The blob's text when it provably equals the file's bytes, decoded as the REST read decodes. */
function verifiedText(blob: BlobFields | null | undefined): string | undefined {
  if (!blob || typeof blob.text !== 'string' || blob.isBinary !== false) return undefined
  if (blob.isTruncated !== false || typeof blob.byteSize !== 'number') return undefined
  if (blob.byteSize > MAX_FILE_BYTES || typeof blob.oid !== 'string') return undefined
  const bytes = Buffer.from(blob.text, 'utf8')
  if (bytes.byteLength !== blob.byteSize) return undefined
  const algorithm = algorithmOf(blob.oid)
  if (!algorithm || blobId(bytes, algorithm) !== blob.oid.toLowerCase()) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}
