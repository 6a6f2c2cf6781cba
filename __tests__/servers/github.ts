/**
 * A strict loopback GitHub REST server (node:http on 127.0.0.1) for the review tests, the
 * benchmark and the end-to-end test of dist/index.js. It implements only what iam-refine calls,
 * and enforces GitHub's rules where breaking them loses comments:
 *
 * - a review comment must name a file of the pull request, with `line` (and `start_line`) on the
 *   RIGHT side inside ONE hunk of that file's patch, `start_line` < `line`;
 * - a review's `commit_id` must be the head commit;
 * - one bad comment rejects the whole review with 422 and GitHub's error shape (one joined message
 *   that does not say which comment), and nothing is stored;
 * - read-only mode answers every write with 403 "Resource not accessible by integration";
 * - `POST /graphql` answers only the file-contents query of src/github/file-content.ts (aliased
 *   `object(expression: $eN)` lookups on one repository, the expressions as variables), checks its
 *   variables, and answers in GitHub's shapes: `{data: {repository: {fN: Blob | null}}}`, errors
 *   with `type`, `path` and `locations`. Its Blob is deliberately unfriendly, so that the client's
 *   checks are exercised: `text` null for binary (a NUL byte), truncated beyond a limit, the
 *   byte-order mark dropped, a non-UTF-8 file transcoded as Latin-1.
 *
 * - the Git Data API and the pull-request writes of a sweep (repositories with a default branch,
 *   refs, blobs, trees, commits, pulls by head, labels): see ./github-git.ts.
 *
 * - a review's body, like a comment's, is at most 65,536 characters; only its author may change it
 *   (`PUT .../reviews/{id}`), and the reviews of a pull request are listed in pages;
 * - rate limits on demand (`limitNext`): GitHub's secondary-limit answer (403 or 429 with
 *   `retry-after`) or its primary one (403, `x-ratelimit-remaining: 0` and the reset time).
 *
 * It records every request — when it arrived, how many were in flight then, and the User-Agent,
 * which names the client that sent it (src/github/client.ts) — so tests can count API calls and
 * observe the write limiter, and keeps reviews and comments for assertions. Start it in the Jest process (`startGitHubServer`) and point the action at
 * `server.url` with GITHUB_API_URL; a child process reaches it like the real API.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseHunks, type Hunk } from '../../src/github/hunks.js'
import type { PostedSuggestion } from '../../src/github/placement.js'
import { extractSuggestion } from '../../src/report/fence.js'
import { GitState, handleGitRoute } from './github-git.js'

export interface ServerFile {
  readonly filename: string
  readonly status?: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed'
  /** Left out for a file whose diff GitHub does not show (too large). */
  readonly patch?: string
  readonly previousFilename?: string
  /** The blob SHA at the head commit. */
  readonly sha?: string
}

export interface ServerPull {
  readonly owner: string
  readonly repo: string
  readonly number: number
  headSha: string
  /** Who opened it; GitHub lets no one request changes on their own pull request. */
  readonly author?: string
  files: ServerFile[]
}

export interface RecordedRequest {
  readonly method: string
  /** The path without the query. */
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: unknown
  /** The status the server answered. */
  status: number
  /** When it arrived (Date.now(): a test's fake clock, if it has one). */
  readonly at: number
  /** Requests being answered when it arrived, itself included. */
  readonly inFlight: number
}

/** A rate limit `limitNext` answers with. */
export interface RateLimitAnswer {
  /** `secondary`: GitHub's abuse limit, with `retry-after`; `primary`: none left until reset. */
  readonly kind: 'secondary' | 'primary'
  /** 403 (the usual) or 429. */
  readonly status?: 403 | 429
  /** Seconds to wait: `retry-after`, or the time to the reset. */
  readonly after: number
}

export interface StoredReviewComment {
  id: number
  pull_request_review_id: number
  pull_number: number
  owner: string
  repo: string
  path: string
  /** Null once GitHub would show it as outdated (see `markOutdated`). */
  line: number | null
  start_line: number | null
  side: 'RIGHT' | 'LEFT'
  start_side: 'RIGHT' | 'LEFT' | null
  body: string
  commit_id: string
  original_commit_id: string
  user: { login: string; type: string }
  created_at: string
  updated_at: string
}

export interface StoredReview {
  id: number
  pull_number: number
  owner: string
  repo: string
  state: 'PENDING' | 'COMMENTED' | 'CHANGES_REQUESTED' | 'APPROVED'
  event?: string
  body: string
  commit_id: string
  user: { login: string; type: string }
  commentIds: number[]
}

export interface StoredIssueComment {
  id: number
  issue_number: number
  owner: string
  repo: string
  body: string
  user: { login: string; type: string }
  created_at: string
  updated_at: string
}

/** Handles a request the built-in routes do not know (artifacts, …); returns false to pass. */
export type ExtraRoute = (
  request: RecordedRequest,
  response: ServerResponse
) => boolean | Promise<boolean>

export interface GitHubServerOptions {
  readonly pulls?: ServerPull[]
  /** File contents per ref (commit SHA or branch) and path: text (UTF-8) or bytes. */
  readonly contents?: Record<string, Record<string, string | Uint8Array>>
  /** Blob contents per blob SHA. */
  readonly blobs?: Record<string, string | Uint8Array>
  readonly readOnly?: boolean
  /**
   * Refuse raw contents larger than this many bytes with 403 `too_large`, as older GitHub
   * Enterprise Server versions do over 1 MB (the blob API still serves them).
   */
  readonly contentsLimit?: number
  /** Who the token belongs to; reviews and comments are stored under it. */
  readonly login?: string
  /**
   * Whether the token may edit comments other accounts wrote (default false: an installation
   * token of a bot edits its own comments only, and gets 403 on anyone else's).
   */
  readonly canEditOthers?: boolean
  readonly extraRoutes?: ExtraRoute
  readonly graphql?: GraphqlOptions
}

export interface GraphqlOptions {
  /**
   * `serve` (default) answers; `errors` answers every query with 200, no data and GitHub's
   * top-level error for a query that timed out ("Something went wrong while executing your
   * query"); `forbidden` answers 403 "Resource not accessible by integration".
   */
  readonly mode?: 'serve' | 'errors' | 'forbidden'
  /** Paths whose lookups fail with a per-field error (a partial answer). */
  readonly failPaths?: readonly string[]
  /** Bytes of `text` before a blob is cut and `isTruncated` (default 512 KiB). */
  readonly textLimit?: number
  /** Milliseconds before each answer, so that requests sent together are in flight together. */
  readonly delayMs?: number
}

export interface GitHubServer {
  /** The base URL to give Octokit or GITHUB_API_URL. */
  readonly url: string
  readonly requests: RecordedRequest[]
  readonly reviews: StoredReview[]
  readonly reviewComments: StoredReviewComment[]
  readonly issueComments: StoredIssueComment[]
  readonly pulls: ServerPull[]
  readonly contents: Record<string, Record<string, string | Uint8Array>>
  readonly blobs: Record<string, string | Uint8Array>
  /** Answer writes with 403, as GitHub does for a read-only token. */
  readOnly: boolean
  /** How many requests matched `method` (or any) and `path` (substring or pattern). */
  count(method?: string, path?: string | RegExp): number
  /** The next `times` requests matching `method` and `path` are answered with a rate limit. */
  limitNext(method: string, path: RegExp, answer: RateLimitAnswer, times?: number): void
  /** A review someone else wrote (no comments), e.g. one whose body imitates our summary. */
  addReview(pull: number, review: { body: string; login: string }): StoredReview
  /** What GitHub does to a comment whose line a new push changed: it no longer has a `line`. */
  markOutdated(commentId: number): void
  /**
   * The suggestions stored on `path` (for `applySuggestions` from src/github/placement.ts: the
   * head text with every suggestion accepted).
   */
  suggestions(path: string): PostedSuggestion[]
  /** Every `<sha>:<path>` expression asked through GraphQL, in order. */
  graphqlExpressions(): string[]
  /** How many GraphQL queries of a kind were answered: file contents, or the token's login. */
  graphqlQueries(kind: 'contents' | 'viewer'): number
  /**
   * The repositories' Git objects, refs and the pull requests opened through the API (see
   * ./github-git.ts); `git.seed` makes a repository with a default branch.
   */
  readonly git: GitState
  /** A comment someone else wrote (a person replying, another bot). */
  addIssueComment(owner: string, repo: string, issue: number, body: string, login: string): void
  /** Edits of this comment are refused with 403, whoever asks (a locked conversation). */
  lockComment(commentId: number): void
  /** A review comment someone else wrote on `line` of `path` (no review of ours holds it). */
  addReviewComment(
    pull: number,
    comment: { path: string; line: number; startLine?: number; body: string; login: string }
  ): StoredReviewComment
  close(): Promise<void>
}

const DOCS = 'https://docs.github.com/rest'
/** GitHub lists at most this many files of a pull request. */
const MAX_FILES = 3000

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const login = options.login ?? 'github-actions[bot]'
  const user = { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
  const locked = new Set<number>()
  const mayEdit = (author: string, id?: number): boolean =>
    (id === undefined || !locked.has(id)) &&
    (options.canEditOthers === true || author.toLowerCase() === login.toLowerCase())
  const state = {
    pulls: options.pulls ?? [],
    contents: options.contents ?? {},
    blobs: options.blobs ?? {},
    requests: [] as RecordedRequest[],
    reviews: [] as StoredReview[],
    reviewComments: [] as StoredReviewComment[],
    issueComments: [] as StoredIssueComment[],
    readOnly: options.readOnly ?? false,
    nextId: 1000
  }
  const now = (): string => new Date().toISOString()
  const limits: { method: string; path: RegExp; answer: RateLimitAnswer; left: number }[] = []
  let inFlight = 0
  const git = new GitState()
  const gitContext = {
    login,
    now,
    nextNumber: (owner: string, repo: string): number =>
      1 +
      Math.max(
        0,
        ...state.pulls.filter(p => p.owner === owner && p.repo === repo).map(p => p.number)
      ),
    registerPull: (pull: { owner: string; repo: string; number: number }): void => {
      state.pulls.push({
        owner: pull.owner,
        repo: pull.repo,
        number: pull.number,
        headSha: '',
        files: []
      })
    }
  }

  function pullOf(owner: string, repo: string, n: number): ServerPull | undefined {
    return state.pulls.find(p => p.owner === owner && p.repo === repo && p.number === n)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const text = await readBody(req)
    let body: unknown = undefined
    if (text !== '') {
      try {
        body = JSON.parse(text)
      } catch {
        return send(res, record(req, url, text), 400, { message: 'Problems parsing JSON' })
      }
    }
    const request = record(req, url, body)
    const limit = limits.find(
      l => l.left > 0 && l.method === request.method && l.path.test(request.path)
    )
    if (limit) {
      limit.left--
      return rateLimited(res, request, limit.answer)
    }
    if (options.extraRoutes && (await options.extraRoutes(request, res))) {
      request.status = res.statusCode
      return
    }
    const method = request.method
    // GraphQL queries are reads: a read-only token may run them.
    if (request.path === '/graphql' && method === 'POST') {
      const delay = options.graphql?.delayMs ?? 0
      if (delay > 0) await new Promise(resolve => setTimeout(resolve, delay))
      return graphql(res, request)
    }
    if (state.readOnly && method !== 'GET' && method !== 'HEAD') {
      return send(res, request, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}/pulls/reviews#create-a-review-for-a-pull-request`,
        status: '403'
      })
    }
    if (request.path === '/user' && method === 'GET') {
      // An installation token (a bot) may not read /user; a person's token may.
      if (user.type === 'Bot') return forbidden(res, request)
      return send(res, request, 200, { login, id: 1, type: 'User' })
    }
    const m = /^\/repos\/([^/]+)\/([^/]+)(?:\/(.*))?$/.exec(request.path)
    if (!m) return notFound(res, request)
    const owner = decodeURIComponent(m[1]!)
    const repo = decodeURIComponent(m[2]!)
    const rest = m[3] ?? ''
    if (handleGitRoute(git, gitContext, request, res, owner, repo, rest)) return
    let r: RegExpExecArray | null

    if ((r = /^pulls\/(\d+)$/.exec(rest)) && method === 'GET') {
      const pull = pullOf(owner, repo, Number(r[1]))
      if (!pull) return notFound(res, request)
      return send(res, request, 200, {
        number: pull.number,
        state: 'open',
        head: { sha: pull.headSha },
        changed_files: pull.files.length
      })
    }
    if ((r = /^pulls\/(\d+)\/files$/.exec(rest)) && method === 'GET') {
      const pull = pullOf(owner, repo, Number(r[1]))
      if (!pull) return notFound(res, request)
      const files = pull.files.slice(0, MAX_FILES).map(f => ({
        sha: f.sha ?? '0'.repeat(40),
        filename: f.filename,
        status: f.status ?? 'modified',
        additions: 0,
        deletions: 0,
        changes: 0,
        ...(f.patch === undefined ? {} : { patch: f.patch }),
        ...(f.previousFilename === undefined ? {} : { previous_filename: f.previousFilename })
      }))
      return sendPage(res, request, url, files)
    }
    if ((r = /^contents\/(.+)$/.exec(rest)) && method === 'GET') {
      const path = r[1]!.split('/').map(decodeURIComponent).join('/')
      const ref = request.query.ref ?? 'main'
      const content = state.contents[ref]?.[path]
      if (content === undefined) {
        // a directory: GitHub lists its entries, files and folders, as an array
        const listing = directoryListing(state.contents[ref] ?? {}, path)
        return listing.length > 0 ? send(res, request, 200, listing) : notFound(res, request)
      }
      if (
        options.contentsLimit !== undefined &&
        Buffer.byteLength(content) > options.contentsLimit
      ) {
        return send(res, request, 403, {
          message:
            'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch ' +
            'via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
          errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }],
          documentation_url: `${DOCS}/repos/contents#get-repository-content`,
          status: '403'
        })
      }
      if ((request.headers.accept ?? '').includes('raw')) {
        return sendRaw(res, request, content)
      }
      const size = Buffer.byteLength(content)
      return send(res, request, 200, {
        type: 'file',
        path,
        size,
        encoding: size > 1024 * 1024 ? 'none' : 'base64',
        content:
          size > 1024 * 1024
            ? ''
            : Buffer.from(typeof content === 'string' ? Buffer.from(content) : content).toString(
                'base64'
              )
      })
    }
    if ((r = /^git\/blobs\/([0-9a-f]+)$/.exec(rest)) && method === 'GET') {
      const content = state.blobs[r[1]!]
      if (content === undefined) return notFound(res, request)
      return sendRaw(res, request, content)
    }
    if ((r = /^pulls\/(\d+)\/reviews$/.exec(rest)) && method === 'POST') {
      const pull = pullOf(owner, repo, Number(r[1]))
      if (!pull) return notFound(res, request)
      return createReview(res, request, pull)
    }
    if ((r = /^pulls\/(\d+)\/reviews$/.exec(rest)) && method === 'GET') {
      const n = Number(r[1])
      if (!pullOf(owner, repo, n)) return notFound(res, request)
      // A pending review is seen by its author only.
      const list = state.reviews.filter(
        v =>
          v.owner === owner &&
          v.repo === repo &&
          v.pull_number === n &&
          (v.state !== 'PENDING' || v.user.login === login)
      )
      return sendPage(res, request, url, list.map(reviewJson))
    }
    if ((r = /^pulls\/(\d+)\/reviews\/(\d+)$/.exec(rest)) && method === 'PUT') {
      const review = state.reviews.find(
        v => v.id === Number(r![2]) && v.owner === owner && v.pull_number === Number(r![1])
      )
      if (!review) return notFound(res, request)
      if (!mayEdit(review.user.login)) return forbidden(res, request)
      const b = body as { body?: unknown } | undefined
      if (typeof b?.body !== 'string' || b.body === '') {
        return unprocessable(res, request, ['Body can\u2019t be blank'])
      }
      if (b.body.length > 65536) {
        return unprocessable(res, request, ['Body is too long (maximum is 65536 characters)'])
      }
      review.body = b.body
      return send(res, request, 200, reviewJson(review))
    }
    if ((r = /^pulls\/(\d+)\/reviews\/(\d+)$/.exec(rest)) && method === 'DELETE') {
      const review = state.reviews.find(v => v.id === Number(r![2]) && v.owner === owner)
      if (!review) return notFound(res, request)
      if (review.state !== 'PENDING') {
        return unprocessable(res, request, ['Can not delete a non-pending pull request review'])
      }
      state.reviews.splice(state.reviews.indexOf(review), 1)
      for (let i = state.reviewComments.length - 1; i >= 0; i--) {
        if (state.reviewComments[i]!.pull_request_review_id === review.id) {
          state.reviewComments.splice(i, 1)
        }
      }
      return send(res, request, 200, reviewJson(review))
    }
    if ((r = /^pulls\/(\d+)\/comments$/.exec(rest)) && method === 'GET') {
      const n = Number(r[1])
      const pending = new Set(state.reviews.filter(v => v.state === 'PENDING').map(v => v.id))
      const list = state.reviewComments.filter(
        c =>
          c.owner === owner &&
          c.repo === repo &&
          c.pull_number === n &&
          !pending.has(c.pull_request_review_id)
      )
      return sendPage(res, request, url, list)
    }
    if ((r = /^pulls\/comments\/(\d+)$/.exec(rest))) {
      const comment = state.reviewComments.find(c => c.id === Number(r![1]) && c.owner === owner)
      if (!comment) return notFound(res, request)
      if (method === 'GET') return send(res, request, 200, comment)
      if (method === 'PATCH') {
        if (!mayEdit(comment.user.login, comment.id)) return forbidden(res, request)
        const b = body as { body?: unknown } | undefined
        if (typeof b?.body !== 'string' || b.body === '') {
          return unprocessable(res, request, ['Body can\u2019t be blank'])
        }
        comment.body = b.body
        comment.updated_at = now()
        return send(res, request, 200, comment)
      }
      if (method === 'DELETE') {
        if (!mayEdit(comment.user.login)) return forbidden(res, request)
        state.reviewComments.splice(state.reviewComments.indexOf(comment), 1)
        return send(res, request, 204, undefined)
      }
    }
    if ((r = /^issues\/(\d+)\/comments$/.exec(rest))) {
      const n = Number(r[1])
      if (!pullOf(owner, repo, n)) return notFound(res, request)
      if (method === 'GET') {
        const list = state.issueComments.filter(
          c => c.owner === owner && c.repo === repo && c.issue_number === n
        )
        return sendPage(res, request, url, list)
      }
      if (method === 'POST') {
        const b = body as { body?: unknown } | undefined
        if (typeof b?.body !== 'string' || b.body === '') {
          return unprocessable(res, request, ['Body can\u2019t be blank'])
        }
        if (b.body.length > 65536) {
          return unprocessable(res, request, ['Body is too long (maximum is 65536 characters)'])
        }
        const comment: StoredIssueComment = {
          id: state.nextId++,
          issue_number: n,
          owner,
          repo,
          body: b.body,
          user,
          created_at: now(),
          updated_at: now()
        }
        state.issueComments.push(comment)
        return send(res, request, 201, comment)
      }
    }
    if ((r = /^issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const comment = state.issueComments.find(c => c.id === Number(r![1]) && c.owner === owner)
      if (!comment) return notFound(res, request)
      if (!mayEdit(comment.user.login)) return forbidden(res, request)
      const b = body as { body?: unknown } | undefined
      if (typeof b?.body !== 'string' || b.body === '') {
        return unprocessable(res, request, ['Body can\u2019t be blank'])
      }
      if (b.body.length > 65536) {
        return unprocessable(res, request, ['Body is too long (maximum is 65536 characters)'])
      }
      comment.body = b.body
      comment.updated_at = now()
      return send(res, request, 200, comment)
    }
    return notFound(res, request)
  }

  function createReview(res: ServerResponse, request: RecordedRequest, pull: ServerPull): void {
    const b = (request.body ?? {}) as Record<string, unknown>
    const errors: string[] = []
    const event = b.event as string | undefined
    if (event !== undefined && !['APPROVE', 'REQUEST_CHANGES', 'COMMENT'].includes(event)) {
      return unprocessable(res, request, [`Invalid event: ${String(event)}`])
    }
    if (b.commit_id !== undefined && b.commit_id !== pull.headSha) {
      return unprocessable(res, request, ['Commit id is not the head of the pull request'])
    }
    if ((event === 'REQUEST_CHANGES' || event === 'COMMENT') && !b.body) {
      return unprocessable(res, request, [`Body is required when the event is ${event}`])
    }
    if (typeof b.body === 'string' && b.body.length > 65536) {
      return unprocessable(res, request, ['Body is too long (maximum is 65536 characters)'])
    }
    if (event === 'REQUEST_CHANGES' && pull.author === login) {
      return unprocessable(res, request, [
        'Review Can not request changes on your own pull request'
      ])
    }
    if (event === undefined && pendingOf(pull)) {
      return unprocessable(res, request, ['User can only have one pending review per pull request'])
    }
    const comments = Array.isArray(b.comments) ? (b.comments as Record<string, unknown>[]) : []
    const hunksOf = new Map<string, Hunk[]>()
    for (const f of pull.files) {
      if (f.status !== 'removed' && f.patch !== undefined)
        hunksOf.set(f.filename, parseHunks(f.patch))
    }
    for (const c of comments) {
      const problem = checkComment(c, hunksOf)
      if (problem) errors.push(problem)
    }
    if (errors.length > 0) return unprocessable(res, request, [joinErrors(errors)])
    const review: StoredReview = {
      id: state.nextId++,
      pull_number: pull.number,
      owner: pull.owner,
      repo: pull.repo,
      state:
        event === undefined
          ? 'PENDING'
          : event === 'COMMENT'
            ? 'COMMENTED'
            : event === 'APPROVE'
              ? 'APPROVED'
              : 'CHANGES_REQUESTED',
      ...(event === undefined ? {} : { event }),
      body: typeof b.body === 'string' ? b.body : '',
      commit_id: pull.headSha,
      user,
      commentIds: []
    }
    state.reviews.push(review)
    for (const c of comments) {
      const line = c.line as number
      const start = (c.start_line as number | undefined) ?? null
      const comment: StoredReviewComment = {
        id: state.nextId++,
        pull_request_review_id: review.id,
        pull_number: pull.number,
        owner: pull.owner,
        repo: pull.repo,
        path: c.path as string,
        line,
        start_line: start,
        side: 'RIGHT',
        start_side: start === null ? null : 'RIGHT',
        body: c.body as string,
        commit_id: pull.headSha,
        original_commit_id: pull.headSha,
        user,
        created_at: now(),
        updated_at: now()
      }
      state.reviewComments.push(comment)
      review.commentIds.push(comment.id)
    }
    send(res, request, 200, reviewJson(review))
  }

  function graphql(res: ServerResponse, request: RecordedRequest): void {
    const g = options.graphql ?? {}
    if (!request.headers.authorization) {
      return send(res, request, 401, {
        message: 'This endpoint requires you to be authenticated.',
        documentation_url:
          'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
        status: '401'
      })
    }
    if (g.mode === 'forbidden') {
      return send(res, request, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/graphql',
        status: '403'
      })
    }
    if (g.mode === 'errors') {
      return send(res, request, 200, {
        errors: [
          {
            message:
              'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug.'
          }
        ]
      })
    }
    const query = (request.body as { query?: unknown } | undefined)?.query
    if (
      typeof query === 'string' &&
      query.replace(/\s+/g, ' ').trim() === 'query { viewer { login } }'
    ) {
      return send(res, request, 200, { data: { viewer: { login } } })
    }
    const parsed = parseContentsQuery(request.body)
    if (typeof parsed === 'string') {
      return send(res, request, 200, { errors: [{ message: parsed, locations: [] }] })
    }
    const { owner, repo, lookups } = parsed
    if (!state.pulls.some(p => p.owner === owner && p.repo === repo)) {
      return send(res, request, 200, {
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            locations: [{ line: 2, column: 3 }],
            message: `Could not resolve to a Repository with the name '${owner}/${repo}'.`
          }
        ]
      })
    }
    const repository: Record<string, unknown> = {}
    const errors: unknown[] = []
    for (const { alias, expression } of lookups) {
      const colon = expression.indexOf(':')
      const ref = expression.slice(0, colon)
      const path = expression.slice(colon + 1)
      if (g.failPaths?.includes(path)) {
        repository[alias] = null
        errors.push({
          type: 'FORBIDDEN',
          path: ['repository', alias],
          locations: [{ line: 3, column: 5 }],
          message: 'Resource not accessible by integration'
        })
        continue
      }
      const files = state.contents[ref]
      const content = files?.[path]
      if (content !== undefined) {
        repository[alias] = blobJson(content, g.textLimit ?? 512 * 1024)
      } else if (files && Object.keys(files).some(p => p.startsWith(`${path}/`))) {
        repository[alias] = {} // a Tree: the `... on Blob` fragment selects nothing
      } else {
        repository[alias] = null
      }
    }
    send(
      res,
      request,
      200,
      errors.length > 0 ? { data: { repository }, errors } : { data: { repository } }
    )
  }

  function pendingOf(pull: ServerPull): StoredReview | undefined {
    return state.reviews.find(
      v =>
        v.state === 'PENDING' &&
        v.owner === pull.owner &&
        v.repo === pull.repo &&
        v.pull_number === pull.number
    )
  }

  const server = createServer((req, res) => {
    inFlight++
    res.on('close', () => inFlight--)
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500
      res.end(JSON.stringify({ message: String(error) }))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  function record(req: IncomingMessage, url: URL, body: unknown): RecordedRequest {
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: {
        accept: req.headers.accept,
        authorization: req.headers.authorization,
        'user-agent': req.headers['user-agent']
      },
      body,
      status: 0,
      at: Date.now(),
      inFlight
    }
    state.requests.push(request)
    return request
  }

  return {
    url: `http://127.0.0.1:${port}`,
    requests: state.requests,
    reviews: state.reviews,
    reviewComments: state.reviewComments,
    issueComments: state.issueComments,
    pulls: state.pulls,
    contents: state.contents,
    blobs: state.blobs,
    get readOnly() {
      return state.readOnly
    },
    set readOnly(value: boolean) {
      state.readOnly = value
    },
    count(method?: string, path?: string | RegExp): number {
      return state.requests.filter(
        r =>
          (method === undefined || r.method === method) &&
          (path === undefined ||
            (typeof path === 'string' ? r.path.includes(path) : path.test(r.path)))
      ).length
    },
    limitNext(method, path, answer, times = 1): void {
      limits.push({ method, path, answer, left: times })
    },
    addReview(pull, review): StoredReview {
      const p = state.pulls.find(x => x.number === pull)
      if (!p) throw new Error(`no pull request ${pull}`)
      const stored: StoredReview = {
        id: state.nextId++,
        pull_number: pull,
        owner: p.owner,
        repo: p.repo,
        state: 'COMMENTED',
        event: 'COMMENT',
        body: review.body,
        commit_id: p.headSha,
        user: {
          login: review.login,
          type: review.login.endsWith('[bot]') ? 'Bot' : 'User'
        },
        commentIds: []
      }
      state.reviews.push(stored)
      return stored
    },
    markOutdated(commentId: number): void {
      const comment = state.reviewComments.find(c => c.id === commentId)
      if (!comment) throw new Error(`no review comment ${commentId}`)
      comment.line = null
      comment.start_line = null
    },
    suggestions(path: string): PostedSuggestion[] {
      const out: PostedSuggestion[] = []
      for (const c of state.reviewComments) {
        const content = extractSuggestion(c.body)
        if (c.path !== path || c.line === null || content === undefined) continue
        out.push({ startLine: c.start_line ?? c.line, endLine: c.line, content })
      }
      return out
    },
    graphqlQueries(kind): number {
      return state.requests.filter(r => {
        if (r.path !== '/graphql' || r.status !== 200) return false
        const query = String((r.body as { query?: unknown } | undefined)?.query ?? '')
        return kind === 'viewer' ? /viewer/.test(query) : /object\(expression/.test(query)
      }).length
    },
    git,
    graphqlExpressions(): string[] {
      return state.requests.flatMap(r => {
        if (r.path !== '/graphql' || r.status !== 200) return []
        const parsed = parseContentsQuery(r.body)
        return typeof parsed === 'string' ? [] : parsed.lookups.map(l => l.expression)
      })
    },
    lockComment(commentId: number): void {
      locked.add(commentId)
    },
    addReviewComment(pull, comment): StoredReviewComment {
      const p = state.pulls.find(x => x.number === pull)
      if (!p) throw new Error(`no pull request ${pull}`)
      const stored: StoredReviewComment = {
        id: state.nextId++,
        pull_request_review_id: state.nextId++,
        pull_number: pull,
        owner: p.owner,
        repo: p.repo,
        path: comment.path,
        line: comment.line,
        start_line: comment.startLine ?? null,
        side: 'RIGHT',
        start_side: comment.startLine === undefined ? null : 'RIGHT',
        body: comment.body,
        commit_id: p.headSha,
        original_commit_id: p.headSha,
        user: { login: comment.login, type: comment.login.endsWith('[bot]') ? 'Bot' : 'User' },
        created_at: now(),
        updated_at: now()
      }
      state.reviewComments.push(stored)
      return stored
    },
    addIssueComment(owner, repo, issue, body, by): void {
      state.issueComments.push({
        id: state.nextId++,
        issue_number: issue,
        owner,
        repo,
        body,
        user: { login: by, type: 'User' },
        created_at: now(),
        updated_at: now()
      })
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}

const BLOB_FIELDS = new Set(['oid', 'byteSize', 'isBinary', 'isTruncated', 'text'])

interface ContentsQuery {
  readonly owner: string
  readonly repo: string
  readonly lookups: { alias: string; expression: string }[]
}

/**
 * The one query shape this server answers, or GitHub's kind of message for anything else:
 * `query($owner: String!, $repo: String!, $e0: String!, …) { repository(owner: $owner, name:
 * $repo) { f0: object(expression: $e0) { ... on Blob { <Blob fields> } } … } }`, every declared
 * variable used and given as a string, no other variable, expressions `<40 hex>:<path>`.
 */
function parseContentsQuery(body: unknown): ContentsQuery | string {
  const b = body as { query?: unknown; variables?: unknown } | undefined
  if (typeof b?.query !== 'string')
    return 'A query attribute must be specified and must be a string.'
  const vars = (b.variables ?? {}) as Record<string, unknown>
  if (typeof vars !== 'object' || Array.isArray(vars)) return 'Variables must be an object'
  const q = b.query.replace(/\s+/g, ' ').trim()
  const whole =
    /^query ?\(([^)]*)\) ?\{ ?repository\(owner: \$owner, name: \$repo\) ?\{(.*)\} ?\}$/.exec(q)
  if (!whole) return `Parse error: this test server answers only the file-contents query`
  const declared = new Set<string>()
  for (const def of whole[1]!.split(',')) {
    const d = /^ ?\$(\w+): String! ?$/.exec(def)
    if (!d || declared.has(d[1]!)) return `Parse error on variable definition "${def.trim()}"`
    declared.add(d[1]!)
  }
  const lookups: { alias: string; expression: string }[] = []
  const used = new Set(['owner', 'repo'])
  const field = /^ ?(\w+): object\(expression: \$(\w+)\) ?\{ ?\.\.\. ?on Blob ?\{([\w ]+)\} ?\} ?/
  let rest = whole[2]!
  while (rest.trim() !== '') {
    const f = field.exec(rest)
    if (!f) return `Parse error near "${rest.slice(0, 40)}"`
    const [, alias, variable, fields] = f
    for (const name of fields!.trim().split(' ')) {
      if (!BLOB_FIELDS.has(name)) return `Field '${name}' doesn't exist on type 'Blob'`
    }
    if (lookups.some(l => l.alias === alias)) return `Field '${alias}' has an argument conflict`
    if (!declared.has(variable!))
      return `Variable $${variable} is used by anonymous query but not declared`
    const value = vars[variable!]
    if (typeof value !== 'string' || !/^[0-9a-f]{40}:./s.test(value)) {
      return `Variable $${variable} of type String! was provided invalid value`
    }
    used.add(variable!)
    lookups.push({ alias: alias!, expression: value })
    rest = rest.slice(f[0].length)
  }
  if (lookups.length === 0) return 'Parse error: no lookups'
  for (const d of declared) {
    if (!used.has(d)) return `Variable $${d} is declared by anonymous query but not used`
  }
  for (const name of Object.keys(vars)) {
    if (!declared.has(name)) return `Variable $${name} is not declared by anonymous query`
  }
  if (typeof vars.owner !== 'string' || typeof vars.repo !== 'string') {
    return 'Variable $owner of type String! was provided invalid value'
  }
  return { owner: vars.owner, repo: vars.repo, lookups }
}

/**
 * A Blob as this server's GitHub shows it. Its id is Git's (SHA-1 of `blob <size>\0` + bytes);
 * `text` is null for binary, cut at `textLimit` bytes, without a byte-order mark, and Latin-1
 * when the bytes are not UTF-8 — the ways GraphQL text can differ from the file.
 */
function blobJson(content: string | Uint8Array, textLimit: number): Record<string, unknown> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
  const oid = createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex')
  const isBinary = bytes.includes(0)
  const isTruncated = !isBinary && bytes.byteLength > textLimit
  let text: string | null = null
  if (!isBinary) {
    const shown = bytes.subarray(0, isTruncated ? textLimit : bytes.byteLength)
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(shown) // drops a BOM
    } catch {
      text = shown.toString('latin1')
    }
  }
  return { oid, byteSize: bytes.byteLength, isBinary, isTruncated, text }
}

/** Why GitHub would refuse one review comment, in its words; undefined when it is fine. */
function checkComment(
  c: Record<string, unknown>,
  hunksOf: Map<string, Hunk[]>
): string | undefined {
  if (typeof c.body !== 'string' || c.body === '') return 'Body can\u2019t be blank'
  if (c.body.length > 65536) return 'Body is too long (maximum is 65536 characters)'
  if (c.position !== undefined) return 'Position is not supported by this test server; use line'
  const hunks = typeof c.path === 'string' ? hunksOf.get(c.path) : undefined
  if (!hunks) return 'Path could not be resolved'
  if ((c.side ?? 'RIGHT') !== 'RIGHT') return 'Line could not be resolved'
  const line = c.line
  if (typeof line !== 'number' || !Number.isInteger(line)) return 'Line could not be resolved'
  const hunk = hunks.find(h => h.start <= line && line <= h.end)
  if (!hunk) return 'Line could not be resolved'
  if (c.start_line !== undefined) {
    const start = c.start_line
    if ((c.start_side ?? c.side ?? 'RIGHT') !== 'RIGHT') return 'Start line could not be resolved'
    if (typeof start !== 'number' || !Number.isInteger(start))
      return 'Start line could not be resolved'
    if (start >= line) return 'Start line must precede the end line'
    if (start < hunk.start) return 'Start line could not be resolved'
  }
  return undefined
}

/** GitHub joins several validation messages into one sentence. */
function joinErrors(errors: readonly string[]): string {
  if (errors.length <= 1) return errors[0] ?? ''
  return `${errors.slice(0, -1).join(', ')}, and ${errors.at(-1)}`
}

function reviewJson(review: StoredReview): Record<string, unknown> {
  return {
    id: review.id,
    state: review.state,
    body: review.body,
    commit_id: review.commit_id,
    user: review.user,
    pull_request_url: `https://api.github.com/repos/${review.owner}/${review.repo}/pulls/${review.pull_number}`
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, request: RecordedRequest, status: number, body: unknown): void {
  request.status = status
  res.statusCode = status
  if (body === undefined) {
    res.end()
    return
  }
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.end(JSON.stringify(body))
}

function sendRaw(
  res: ServerResponse,
  request: RecordedRequest,
  content: string | Uint8Array
): void {
  request.status = 200
  res.statusCode = 200
  res.setHeader('content-type', 'application/vnd.github.raw')
  res.end(typeof content === 'string' ? Buffer.from(content, 'utf8') : content)
}

/**
 * GitHub's rate-limit answers: a secondary limit says so in its message and gives `retry-after`;
 * a primary one has no requests left until `x-ratelimit-reset` (epoch seconds).
 */
function rateLimited(res: ServerResponse, request: RecordedRequest, answer: RateLimitAnswer): void {
  if (answer.kind === 'secondary') {
    res.setHeader('retry-after', String(answer.after))
    return send(res, request, answer.status ?? 403, {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: `${DOCS}/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
      status: String(answer.status ?? 403)
    })
  }
  res.setHeader('x-ratelimit-limit', '5000')
  res.setHeader('x-ratelimit-remaining', '0')
  res.setHeader('x-ratelimit-reset', String(Math.ceil(Date.now() / 1000 + answer.after)))
  send(res, request, answer.status ?? 403, {
    message: 'API rate limit exceeded for installation ID 1.',
    documentation_url: `${DOCS}/using-the-rest-api/rate-limits-for-the-rest-api`,
    status: String(answer.status ?? 403)
  })
}

/** GitHub's answer to an integration that may not do what it asked. */
function forbidden(res: ServerResponse, request: RecordedRequest): void {
  send(res, request, 403, {
    message: 'Resource not accessible by integration',
    documentation_url: DOCS,
    status: '403'
  })
}

/** The entries of a directory as GitHub's contents API lists them (files with their blob SHA). */
function directoryListing(
  files: Record<string, string | Uint8Array>,
  dir: string
): Record<string, unknown>[] {
  const prefix = dir === '' ? '' : `${dir.replace(/\/$/, '')}/`
  const entries = new Map<string, Record<string, unknown>>()
  for (const [path, content] of Object.entries(files)) {
    if (!path.startsWith(prefix)) continue
    const rest = path.slice(prefix.length)
    const slash = rest.indexOf('/')
    const name = slash < 0 ? rest : rest.slice(0, slash)
    if (entries.has(name)) continue
    const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content)
    entries.set(
      name,
      slash < 0
        ? {
            type: 'file',
            name,
            path: `${prefix}${name}`,
            sha: createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex'),
            size: bytes.length
          }
        : { type: 'dir', name, path: `${prefix}${name}`, sha: '0'.repeat(40), size: 0 }
    )
  }
  return [...entries.values()].sort((a, b) => String(a.name).localeCompare(String(b.name)))
}

function notFound(res: ServerResponse, request: RecordedRequest): void {
  send(res, request, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
}

function unprocessable(res: ServerResponse, request: RecordedRequest, errors: string[]): void {
  send(res, request, 422, {
    message: 'Unprocessable Entity',
    errors,
    documentation_url: `${DOCS}/pulls/reviews#create-a-review-for-a-pull-request`,
    status: '422'
  })
}

/** One page of `items` with GitHub's Link header (per_page default 30, at most 100). */
function sendPage(
  res: ServerResponse,
  request: RecordedRequest,
  url: URL,
  items: readonly unknown[]
): void {
  const perPage = Math.min(100, Math.max(1, Number(request.query.per_page ?? 30) || 30))
  const page = Math.max(1, Number(request.query.page ?? 1) || 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const link = (p: number, rel: string): string => {
    const next = new URL(url.toString())
    next.host = res.req.headers.host ?? next.host
    next.searchParams.set('per_page', String(perPage))
    next.searchParams.set('page', String(p))
    return `<${next.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
  if (links.length > 0) res.setHeader('link', links.join(', '))
  send(res, request, 200, items.slice((page - 1) * perPage, page * perPage))
}
