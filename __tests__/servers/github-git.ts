/**
 * The Git Data API and the pull-request writes of the strict loopback GitHub server
 * (`./github.ts` mounts it): repositories with a default branch, refs, blobs, trees, commits,
 * pulls (list by `head`, create, update, close), labels and branch deletion, in GitHub's shapes
 * and with GitHub's refusals:
 *
 * - object ids are Git's, computed here by serializing each object as Git does (independently of
 *   src/github/git-hash.ts, so that the client's own hashing is checked, not echoed);
 * - `GET /git/ref/{ref}` is exact (404 for a prefix), and 409 "Git Repository is empty." in an
 *   empty repository;
 * - `POST /git/refs` 422 "Reference already exists"; `PATCH /git/refs/{ref}` 422 "Update is not a
 *   fast forward" unless `force`, 422 "Reference does not exist"; a protected branch refuses with
 *   GitHub's rule-violation 422; `DELETE /git/refs/{ref}` 204;
 * - blobs in `utf-8` or `base64`; trees with `base_tree`, nested paths and `sha: null` deletion,
 *   `sha` and `content` never both; commits whose author is the token's identity are signed by
 *   GitHub (`verification.verified`), commits given another author are not;
 * - a pull request needs an existing head branch with commits the base lacks, one open pull
 *   request per head and base, a body of at most 65,536 characters; "GitHub Actions is not
 *   permitted to create or approve pull requests" (403) when the repository forbids it.
 */
import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { RecordedRequest } from './github.js'

export interface GitIdentity {
  readonly name: string
  readonly email: string
  readonly date: string
}

export type GitObject =
  | { readonly type: 'blob'; readonly bytes: Buffer }
  | { readonly type: 'tree'; readonly entries: readonly GitTreeEntry[] }
  | {
      readonly type: 'commit'
      readonly tree: string
      readonly parents: readonly string[]
      readonly message: string
      readonly author: GitIdentity
      readonly committer: GitIdentity
      readonly verified: boolean
    }

export interface GitTreeEntry {
  readonly name: string
  /** As Git writes it: `100644`, `100755`, `40000`, `120000`, `160000`. */
  readonly mode: string
  readonly sha: string
}

export interface GitRepository {
  readonly owner: string
  readonly name: string
  readonly id: number
  defaultBranch: string
  /** `refs/heads/main` -> commit id. */
  readonly refs: Map<string, string>
  /** Branches a ruleset protects: updates and deletions are refused. */
  readonly protected: Set<string>
  /** The repository setting "Allow GitHub Actions to create and approve pull requests". */
  actionsMayOpenPullRequests: boolean
  readonly labels: Set<string>
}

export interface GitPull {
  readonly owner: string
  readonly repo: string
  readonly number: number
  title: string
  body: string
  state: 'open' | 'closed'
  merged: boolean
  readonly headRef: string
  readonly baseRef: string
  readonly user: { login: string; type: string }
  readonly labels: string[]
  readonly createdAt: string
  updatedAt: string
}

/** What the routes need from the server around them. */
export interface GitServerContext {
  readonly login: string
  readonly now: () => string
  /** The next issue or pull-request number of a repository. */
  readonly nextNumber: (owner: string, repo: string) => number
  /** Makes a pull request known to the review and issue-comment routes. */
  readonly registerPull: (pull: GitPull) => void
}

const DOCS = 'https://docs.github.com/rest'
/** GitHub's limit on a pull request's body. */
const MAX_BODY = 65_536
const MODES: Record<string, 'blob' | 'tree' | 'commit'> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit'
}

/** The repositories and objects of the server, with helpers for tests to set scenes up. */
export class GitState {
  readonly repositories = new Map<string, GitRepository>()
  readonly objects = new Map<string, GitObject>()
  readonly pulls: GitPull[] = []
  private nextRepositoryId = 5000

  repository(owner: string, name: string): GitRepository | undefined {
    return this.repositories.get(`${owner}/${name}`.toLowerCase())
  }

  /** A repository whose default branch holds `files` in one commit (none: an empty repository). */
  seed(
    owner: string,
    name: string,
    files: Record<string, string | Uint8Array> | undefined,
    options: { defaultBranch?: string; executable?: readonly string[] } = {}
  ): string | undefined {
    const repository: GitRepository = {
      owner,
      name,
      id: this.nextRepositoryId++,
      defaultBranch: options.defaultBranch ?? 'main',
      refs: new Map(),
      protected: new Set(),
      actionsMayOpenPullRequests: true,
      labels: new Set()
    }
    this.repositories.set(`${owner}/${name}`.toLowerCase(), repository)
    if (!files) return undefined
    const tree = this.writeFiles(undefined, files, new Set(options.executable ?? []))
    const sha = this.writeCommit(tree, [], 'Initial commit', person('Dana Developer'), false)
    repository.refs.set(`refs/heads/${repository.defaultBranch}`, sha)
    return sha
  }

  /**
   * A push by someone other than the token: a commit on `branch` (created from the default
   * branch when missing) that changes `files` (`null` deletes one), unsigned.
   */
  push(
    owner: string,
    name: string,
    branch: string,
    files: Record<string, string | Uint8Array | null>,
    message = 'A change by a person',
    who = 'Dana Developer'
  ): string {
    const repository = this.mustRepository(owner, name)
    const ref = `refs/heads/${branch}`
    const parent =
      repository.refs.get(ref) ?? repository.refs.get(`refs/heads/${repository.defaultBranch}`)
    const parentCommit = parent === undefined ? undefined : this.commit(parent)
    const tree = this.writeFiles(parentCommit?.tree, files, new Set())
    const sha = this.writeCommit(tree, parent ? [parent] : [], message, person(who), false)
    repository.refs.set(ref, sha)
    return sha
  }

  /** Every file of a commit or branch, by path. */
  files(owner: string, name: string, refOrSha: string): Map<string, Buffer> {
    const repository = this.mustRepository(owner, name)
    const sha = repository.refs.get(`refs/heads/${refOrSha}`) ?? refOrSha
    const out = new Map<string, Buffer>()
    const walk = (tree: string, prefix: string): void => {
      const object = this.objects.get(tree)
      if (object?.type !== 'tree') throw new Error(`no tree ${tree}`)
      for (const e of object.entries) {
        if (e.mode === '40000') walk(e.sha, `${prefix}${e.name}/`)
        else {
          const blob = this.objects.get(e.sha)
          if (blob?.type === 'blob') out.set(`${prefix}${e.name}`, blob.bytes)
        }
      }
    }
    walk(this.commit(sha).tree, '')
    return out
  }

  branch(owner: string, name: string, branch: string): string | undefined {
    return this.mustRepository(owner, name).refs.get(`refs/heads/${branch}`)
  }

  commit(sha: string): Extract<GitObject, { type: 'commit' }> {
    const object = this.objects.get(sha)
    if (object?.type !== 'commit') throw new Error(`no commit ${sha}`)
    return object
  }

  mustRepository(owner: string, name: string): GitRepository {
    const repository = this.repository(owner, name)
    if (!repository) throw new Error(`no repository ${owner}/${name}`)
    return repository
  }

  write(object: GitObject): string {
    const sha = objectId(object)
    this.objects.set(sha, object)
    return sha
  }

  writeCommit(
    tree: string,
    parents: readonly string[],
    message: string,
    author: GitIdentity,
    verified: boolean,
    committer: GitIdentity = author
  ): string {
    return this.write({ type: 'commit', tree, parents, message, author, committer, verified })
  }

  /** `base` (a tree id, or none) with `files` written at their paths (`null` deletes). */
  writeFiles(
    base: string | undefined,
    files: Record<string, string | Uint8Array | null>,
    executable: ReadonlySet<string>
  ): string {
    const changes = Object.entries(files).map(([path, content]) => ({
      path,
      entry:
        content === null
          ? null
          : {
              mode: executable.has(path) ? '100755' : '100644',
              sha: this.write({ type: 'blob', bytes: toBuffer(content) })
            }
    }))
    const tree = this.applyToTree(base, changes)
    if (tree === undefined) return this.write({ type: 'tree', entries: [] })
    return tree
  }

  /**
   * `base` with each change applied (`entry: null` deletes the path); throws a message for a
   * deletion of a path that is not there. Undefined when the result is empty below the root.
   */
  applyToTree(
    base: string | undefined,
    changes: readonly { path: string; entry: { mode: string; sha: string } | null }[]
  ): string | undefined {
    const entries = new Map<string, GitTreeEntry>()
    if (base !== undefined) {
      const object = this.objects.get(base)
      if (object?.type !== 'tree') throw new Error(`no tree ${base}`)
      for (const e of object.entries) entries.set(e.name, e)
    }
    const nested = new Map<
      string,
      { path: string; entry: { mode: string; sha: string } | null }[]
    >()
    for (const change of changes) {
      const cut = change.path.indexOf('/')
      if (cut < 0) {
        if (change.entry === null) {
          if (!entries.has(change.path)) throw new Error(`${change.path} does not exist`)
          entries.delete(change.path)
        } else {
          entries.set(change.path, { name: change.path, ...change.entry })
        }
        continue
      }
      const head = change.path.slice(0, cut)
      const list = nested.get(head) ?? []
      list.push({ path: change.path.slice(cut + 1), entry: change.entry })
      nested.set(head, list)
    }
    for (const [name, list] of nested) {
      const existing = entries.get(name)
      const below = this.applyToTree(existing?.mode === '40000' ? existing.sha : undefined, list)
      if (below === undefined) entries.delete(name)
      else entries.set(name, { name, mode: '40000', sha: below })
    }
    if (entries.size === 0) return undefined
    return this.write({ type: 'tree', entries: [...entries.values()] })
  }

  /** Whether `ancestor` is `sha` or reachable from it through parents. */
  reaches(sha: string, ancestor: string): boolean {
    const seen = new Set<string>()
    const stack = [sha]
    while (stack.length > 0) {
      const next = stack.pop()!
      if (next === ancestor) return true
      if (seen.has(next)) continue
      seen.add(next)
      const object = this.objects.get(next)
      if (object?.type === 'commit') stack.push(...object.parents)
    }
    return false
  }
}

function person(name: string): GitIdentity {
  return {
    name,
    email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
    date: '2026-11-30T12:00:00Z'
  }
}

function toBuffer(content: string | Uint8Array): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
}

/** Git's serialization of an object and its SHA-1 id. */
function objectId(object: GitObject): string {
  let body: Buffer
  if (object.type === 'blob') body = object.bytes
  else if (object.type === 'tree') {
    // Git orders entries by name, a folder as if its name ended in "/".
    const key = (e: GitTreeEntry): string => (e.mode === '40000' ? `${e.name}/` : e.name)
    const sorted = [...object.entries].sort((a, b) =>
      Buffer.compare(Buffer.from(key(a)), Buffer.from(key(b)))
    )
    body = Buffer.concat(
      sorted.flatMap(e => [Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')])
    )
  } else {
    const stamp = (who: GitIdentity): string =>
      `${who.name} <${who.email}> ${Math.floor(Date.parse(who.date) / 1000)} +0000`
    body = Buffer.from(
      [
        `tree ${object.tree}`,
        ...object.parents.map(p => `parent ${p}`),
        `author ${stamp(object.author)}`,
        `committer ${stamp(object.committer)}`,
        '',
        object.message
      ].join('\n')
    )
  }
  return createHash('sha1').update(`${object.type} ${body.byteLength}\0`).update(body).digest('hex')
}

/** The token's identity on commits it makes without naming an author. */
function tokenAuthor(login: string, date: string): GitIdentity {
  return { name: login, email: `41898282+${login}@users.noreply.github.com`, date }
}

const WEB_FLOW: Omit<GitIdentity, 'date'> = { name: 'GitHub', email: 'noreply@github.com' }

/**
 * Answers the Git Data and pull-request routes; false when `rest` (the path after
 * `/repos/{owner}/{repo}/`) is not one of them.
 */
export function handleGitRoute(
  git: GitState,
  context: GitServerContext,
  request: RecordedRequest,
  res: ServerResponse,
  owner: string,
  repo: string,
  rest: string
): boolean {
  const method = request.method
  const body = (request.body ?? {}) as Record<string, unknown>
  const repository = git.repository(owner, repo)
  const base = `http://127.0.0.1/repos/${owner}/${repo}`
  let r: RegExpExecArray | null

  if (rest === '' && method === 'GET') {
    if (!repository) return notFound(res, request)
    return send(res, request, 200, {
      id: repository.id,
      name: repository.name,
      full_name: `${repository.owner}/${repository.name}`,
      owner: { login: repository.owner, type: 'Organization' },
      private: true,
      html_url: `https://github.com/${repository.owner}/${repository.name}`,
      default_branch: repository.defaultBranch
    })
  }
  const isGit = rest.startsWith('git/')
  const isPulls = /^pulls(\/\d+)?$/.test(rest) || /^issues\/\d+\/labels$/.test(rest)
  // A repository not seeded here is one of the review fixtures: ./github.ts answers for it.
  if ((!isGit && !isPulls) || !repository) return false
  const empty = repository.refs.size === 0

  const refJson = (ref: string, sha: string): Record<string, unknown> => ({
    ref,
    node_id: Buffer.from(`ref:${ref}`).toString('base64'),
    url: `${base}/git/refs/${ref.slice('refs/'.length)}`,
    object: { type: 'commit', sha, url: `${base}/git/commits/${sha}` }
  })

  if ((r = /^git\/ref\/(.+)$/.exec(rest)) && method === 'GET') {
    if (empty) return conflict(res, request, 'Git Repository is empty.')
    const ref = `refs/${decodeURIComponent(r[1]!)}`
    const sha = repository.refs.get(ref)
    if (sha === undefined) return notFound(res, request, 'git/refs#get-a-reference')
    return send(res, request, 200, refJson(ref, sha))
  }
  if (rest === 'git/refs' && method === 'POST') {
    const ref = body.ref
    const sha = body.sha
    if (typeof ref !== 'string' || typeof sha !== 'string') {
      return invalid(res, request, 'Invalid request.\n\n"ref", "sha" weren\'t supplied.')
    }
    if (!/^refs\/[^/]+\/.+/.test(ref)) {
      return invalid(
        res,
        request,
        'Reference name must start with refs/ and have at least two slashes.'
      )
    }
    if (repository.refs.has(ref)) return invalid(res, request, 'Reference already exists')
    if (git.objects.get(sha)?.type !== 'commit')
      return invalid(res, request, 'Object does not exist')
    repository.refs.set(ref, sha)
    return send(res, request, 201, refJson(ref, sha))
  }
  if ((r = /^git\/refs\/(.+)$/.exec(rest)) && (method === 'PATCH' || method === 'DELETE')) {
    const ref = `refs/${decodeURIComponent(r[1]!)}`
    if (empty) return conflict(res, request, 'Git Repository is empty.')
    const current = repository.refs.get(ref)
    if (current === undefined) return invalid(res, request, 'Reference does not exist')
    if (repository.protected.has(ref.slice('refs/heads/'.length))) {
      return invalid(
        res,
        request,
        'Repository rule violations found\n\nCannot update this protected ref.\n\n'
      )
    }
    if (method === 'DELETE') {
      repository.refs.delete(ref)
      return send(res, request, 204, undefined)
    }
    const sha = body.sha
    if (typeof sha !== 'string')
      return invalid(res, request, 'Invalid request.\n\n"sha" wasn\'t supplied.')
    if (git.objects.get(sha)?.type !== 'commit')
      return invalid(res, request, 'Object does not exist')
    if (body.force !== true && !git.reaches(sha, current)) {
      return invalid(res, request, 'Update is not a fast forward')
    }
    repository.refs.set(ref, sha)
    for (const pull of git.pulls) {
      if (pull.owner === owner && pull.repo === repo && `refs/heads/${pull.headRef}` === ref) {
        pull.updatedAt = context.now()
      }
    }
    return send(res, request, 200, refJson(ref, sha))
  }
  if (rest === 'git/blobs' && method === 'POST') {
    if (empty) return conflict(res, request, 'Git Repository is empty.')
    const content = body.content
    const encoding = body.encoding ?? 'utf-8'
    if (typeof content !== 'string') {
      return invalid(res, request, 'Invalid request.\n\n"content" wasn\'t supplied.')
    }
    if (encoding !== 'utf-8' && encoding !== 'base64') {
      return invalid(
        res,
        request,
        `encoding must be one of utf-8 or base64; got ${String(encoding)}`
      )
    }
    if (encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(content.replace(/\s/g, ''))) {
      return invalid(res, request, 'content is not valid Base64')
    }
    const bytes =
      encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8')
    const sha = git.write({ type: 'blob', bytes })
    return send(res, request, 201, { sha, url: `${base}/git/blobs/${sha}` })
  }
  if ((r = /^git\/blobs\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
    const object = git.objects.get(r[1]!)
    if (object?.type !== 'blob') return false // the contents fixtures' blobs answer in ./github.ts
    if ((request.headers.accept ?? '').includes('raw')) {
      request.status = 200
      res.statusCode = 200
      res.setHeader('content-type', 'application/vnd.github.raw')
      res.end(object.bytes)
      return true
    }
    return send(res, request, 200, {
      sha: r[1],
      node_id: Buffer.from(`blob:${r[1]}`).toString('base64'),
      size: object.bytes.byteLength,
      url: `${base}/git/blobs/${r[1]}`,
      content: object.bytes.toString('base64'),
      encoding: 'base64'
    })
  }
  if (rest === 'git/trees' && method === 'POST') {
    if (empty) return conflict(res, request, 'Git Repository is empty.')
    return createTree(git, request, res, base)
  }
  if ((r = /^git\/trees\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
    const object = git.objects.get(r[1]!)
    if (object?.type !== 'tree') return notFound(res, request, 'git/trees#get-a-tree')
    const recursive = request.query.recursive !== undefined
    return send(res, request, 200, {
      sha: r[1],
      url: `${base}/git/trees/${r[1]}`,
      tree: treeListing(git, r[1]!, '', recursive, base),
      truncated: false
    })
  }
  if (rest === 'git/commits' && method === 'POST') {
    if (empty) return conflict(res, request, 'Git Repository is empty.')
    const message = body.message
    const tree = body.tree
    const parents = body.parents ?? []
    if (typeof message !== 'string' || typeof tree !== 'string') {
      return invalid(res, request, 'Invalid request.\n\n"message", "tree" weren\'t supplied.')
    }
    if (git.objects.get(tree)?.type !== 'tree')
      return invalid(res, request, 'Tree SHA does not exist')
    if (
      !Array.isArray(parents) ||
      parents.some(p => git.objects.get(String(p))?.type !== 'commit')
    ) {
      return invalid(res, request, 'Parent SHA does not exist or is not a commit object')
    }
    const date = context.now()
    const given = body.author as { name?: unknown; email?: unknown; date?: unknown } | undefined
    const author: GitIdentity =
      given && typeof given.name === 'string' && typeof given.email === 'string'
        ? {
            name: given.name,
            email: given.email,
            date: typeof given.date === 'string' ? given.date : date
          }
        : tokenAuthor(context.login, date)
    // GitHub signs what it commits in the token's own name; a commit in another's name is not.
    const signed = given === undefined && body.committer === undefined
    const committer = signed ? { ...WEB_FLOW, date } : author
    const sha = git.writeCommit(tree, parents.map(String), message, author, signed, committer)
    return send(res, request, 201, commitJson(git, sha, base))
  }
  if ((r = /^git\/commits\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
    if (git.objects.get(r[1]!)?.type !== 'commit')
      return notFound(res, request, 'git/commits#get-a-commit-object')
    return send(res, request, 200, commitJson(git, r[1]!, base))
  }
  if (isGit) return false

  const pullJson = (p: GitPull): Record<string, unknown> => {
    const headSha = repository.refs.get(`refs/heads/${p.headRef}`) ?? null
    return {
      number: p.number,
      state: p.state,
      title: p.title,
      body: p.body,
      user: p.user,
      draft: false,
      merged_at: p.merged ? p.updatedAt : null,
      labels: p.labels.map(name => ({ name })),
      html_url: `https://github.com/${owner}/${repo}/pull/${p.number}`,
      url: `${base}/pulls/${p.number}`,
      head: {
        ref: p.headRef,
        label: `${owner}:${p.headRef}`,
        sha: headSha,
        repo: { full_name: `${owner}/${repo}`, id: repository.id }
      },
      base: {
        ref: p.baseRef,
        label: `${owner}:${p.baseRef}`,
        sha: repository.refs.get(`refs/heads/${p.baseRef}`) ?? null,
        repo: { full_name: `${owner}/${repo}`, id: repository.id }
      },
      created_at: p.createdAt,
      updated_at: p.updatedAt
    }
  }
  const ours = git.pulls.filter(p => p.owner === owner && p.repo === repo)

  if (rest === 'pulls' && method === 'GET') {
    const state = request.query.state ?? 'open'
    if (!['open', 'closed', 'all'].includes(state)) {
      return invalid(res, request, `state must be one of open, closed, all`)
    }
    const head = request.query.head
    let list = ours.filter(p => state === 'all' || p.state === state)
    if (head !== undefined) {
      // `user:ref-name`; GitHub ignores a head without the owner.
      const colon = head.indexOf(':')
      if (colon > 0) {
        const headOwner = head.slice(0, colon)
        const headRef = head.slice(colon + 1)
        list = list.filter(
          p => headOwner.toLowerCase() === owner.toLowerCase() && p.headRef === headRef
        )
      }
    }
    if (request.query.base !== undefined) list = list.filter(p => p.baseRef === request.query.base)
    list = [...list].sort((a, b) => b.number - a.number)
    if ((request.query.direction ?? 'desc') === 'asc') list.reverse()
    return sendList(res, request, list.map(pullJson))
  }
  if (rest === 'pulls' && method === 'POST') {
    if (!repository.actionsMayOpenPullRequests && context.login === 'github-actions[bot]') {
      return send(res, request, 403, {
        message: 'GitHub Actions is not permitted to create or approve pull requests.',
        documentation_url: `${DOCS}/pulls/pulls#create-a-pull-request`,
        status: '403'
      })
    }
    const { title, head, base: baseRef } = body as Record<string, unknown>
    const text = body.body === undefined ? '' : body.body
    if (typeof title !== 'string' || title.trim() === '')
      return validation(res, request, [
        { resource: 'PullRequest', field: 'title', code: 'missing_field' }
      ])
    if (typeof head !== 'string')
      return validation(res, request, [
        { resource: 'PullRequest', field: 'head', code: 'missing_field' }
      ])
    if (typeof baseRef !== 'string')
      return validation(res, request, [
        { resource: 'PullRequest', field: 'base', code: 'missing_field' }
      ])
    if (typeof text !== 'string' || text.length > MAX_BODY) {
      return validation(res, request, [
        {
          resource: 'Issue',
          field: 'body',
          code: 'custom',
          message: `body is too long (maximum is ${MAX_BODY} characters)`
        }
      ])
    }
    const headRef = head.includes(':') ? head.slice(head.indexOf(':') + 1) : head
    const headSha = repository.refs.get(`refs/heads/${headRef}`)
    const baseSha = repository.refs.get(`refs/heads/${baseRef}`)
    if (headSha === undefined)
      return validation(res, request, [{ resource: 'PullRequest', field: 'head', code: 'invalid' }])
    if (baseSha === undefined)
      return validation(res, request, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }])
    if (ours.some(p => p.state === 'open' && p.headRef === headRef && p.baseRef === baseRef)) {
      return validation(res, request, [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${owner}:${headRef}.`
        }
      ])
    }
    if (git.reaches(baseSha, headSha)) {
      return validation(res, request, [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `No commits between ${baseRef} and ${headRef}`
        }
      ])
    }
    const pull: GitPull = {
      owner,
      repo,
      number: context.nextNumber(owner, repo),
      title,
      body: text,
      state: 'open',
      merged: false,
      headRef,
      baseRef,
      user: { login: context.login, type: 'Bot' },
      labels: [],
      createdAt: context.now(),
      updatedAt: context.now()
    }
    git.pulls.push(pull)
    context.registerPull(pull)
    return send(res, request, 201, pullJson(pull))
  }
  if ((r = /^pulls\/(\d+)$/.exec(rest)) && (method === 'PATCH' || method === 'GET')) {
    const pull = ours.find(p => p.number === Number(r![1]))
    if (!pull) return false // a review fixture's pull request answers in ./github.ts
    if (method === 'GET') return send(res, request, 200, pullJson(pull))
    const { title, state } = body as Record<string, unknown>
    const text = body.body
    if (title !== undefined && (typeof title !== 'string' || title.trim() === '')) {
      return validation(res, request, [
        { resource: 'PullRequest', field: 'title', code: 'missing_field' }
      ])
    }
    if (text !== undefined && (typeof text !== 'string' || text.length > MAX_BODY)) {
      return validation(res, request, [
        {
          resource: 'Issue',
          field: 'body',
          code: 'custom',
          message: `body is too long (maximum is ${MAX_BODY} characters)`
        }
      ])
    }
    if (state !== undefined && state !== 'open' && state !== 'closed') {
      return validation(res, request, [
        { resource: 'PullRequest', field: 'state', code: 'invalid' }
      ])
    }
    if (typeof title === 'string') pull.title = title
    if (typeof text === 'string') pull.body = text
    if (state === 'open' || state === 'closed') pull.state = state
    pull.updatedAt = context.now()
    return send(res, request, 200, pullJson(pull))
  }
  if ((r = /^issues\/(\d+)\/labels$/.exec(rest)) && method === 'POST') {
    const pull = ours.find(p => p.number === Number(r![1]))
    if (!pull) return notFound(res, request)
    const labels = body.labels
    if (!Array.isArray(labels) || labels.some(l => typeof l !== 'string' || l.trim() === '')) {
      return validation(res, request, [{ resource: 'Label', field: 'name', code: 'invalid' }])
    }
    // Labels the repository lacks are created, as GitHub does.
    for (const l of labels as string[]) {
      repository.labels.add(l)
      if (!pull.labels.includes(l)) pull.labels.push(l)
    }
    return send(
      res,
      request,
      200,
      pull.labels.map(name => ({ name, color: 'ededed' }))
    )
  }
  return false
}

function createTree(
  git: GitState,
  request: RecordedRequest,
  res: ServerResponse,
  base: string
): true {
  const body = (request.body ?? {}) as { tree?: unknown; base_tree?: unknown }
  if (!Array.isArray(body.tree))
    return invalid(res, request, 'Invalid request.\n\n"tree" wasn\'t supplied.')
  const baseTree = body.base_tree
  if (
    baseTree !== undefined &&
    (typeof baseTree !== 'string' || git.objects.get(baseTree)?.type !== 'tree')
  ) {
    return invalid(res, request, 'base_tree is not a valid tree oid')
  }
  const changes: { path: string; entry: { mode: string; sha: string } | null }[] = []
  for (const raw of body.tree as Record<string, unknown>[]) {
    const { path, mode, type, sha, content } = raw
    if (
      typeof path !== 'string' ||
      path === '' ||
      path.startsWith('/') ||
      path.endsWith('/') ||
      path.split('/').some(s => s === '' || s === '.' || s === '..')
    ) {
      return invalid(res, request, `tree.path ${JSON.stringify(path)} is invalid`)
    }
    if (typeof mode !== 'string' || MODES[mode] === undefined) {
      return invalid(
        res,
        request,
        `tree.mode must be one of 100644, 100755, 040000, 160000, 120000`
      )
    }
    if (type !== MODES[mode])
      return invalid(res, request, `tree.type ${String(type)} does not match mode ${mode}`)
    if (sha !== undefined && content !== undefined) {
      return invalid(res, request, 'tree.sha and tree.content cannot both be given')
    }
    if (sha === null) {
      changes.push({ path, entry: null })
      continue
    }
    let id: string
    if (typeof content === 'string') {
      if (type !== 'blob') return invalid(res, request, 'tree.content is only for blobs')
      id = git.write({ type: 'blob', bytes: Buffer.from(content, 'utf8') })
    } else if (typeof sha === 'string') {
      const object = git.objects.get(sha)
      if (type !== 'commit' && object?.type !== type) {
        return invalid(res, request, `tree.sha ${sha} is not a valid ${String(type)}`)
      }
      id = sha
    } else {
      return invalid(res, request, 'tree.sha or tree.content must be given')
    }
    changes.push({ path, entry: { mode: mode === '040000' ? '40000' : mode, sha: id } })
  }
  let tree: string | undefined
  try {
    tree = git.applyToTree(typeof baseTree === 'string' ? baseTree : undefined, changes)
  } catch (error) {
    return invalid(res, request, `GitRPC::BadObjectState: ${(error as Error).message}`)
  }
  const sha = tree ?? git.write({ type: 'tree', entries: [] })
  return send(res, request, 201, {
    sha,
    url: `${base}/git/trees/${sha}`,
    tree: treeListing(git, sha, '', false, base),
    truncated: false
  })
}

function treeListing(
  git: GitState,
  sha: string,
  prefix: string,
  recursive: boolean,
  base: string
): Record<string, unknown>[] {
  const object = git.objects.get(sha)
  if (object?.type !== 'tree') return []
  const out: Record<string, unknown>[] = []
  for (const e of object.entries) {
    const isTree = e.mode === '40000'
    const blob = git.objects.get(e.sha)
    out.push({
      path: `${prefix}${e.name}`,
      mode: isTree ? '040000' : e.mode,
      type: isTree ? 'tree' : e.mode === '160000' ? 'commit' : 'blob',
      sha: e.sha,
      ...(blob?.type === 'blob' ? { size: blob.bytes.byteLength } : {}),
      url: `${base}/git/${isTree ? 'trees' : 'blobs'}/${e.sha}`
    })
    if (isTree && recursive) out.push(...treeListing(git, e.sha, `${prefix}${e.name}/`, true, base))
  }
  return out
}

function commitJson(git: GitState, sha: string, base: string): Record<string, unknown> {
  const c = git.commit(sha)
  return {
    sha,
    node_id: Buffer.from(`commit:${sha}`).toString('base64'),
    url: `${base}/git/commits/${sha}`,
    html_url: `https://github.com/commit/${sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: `${base}/git/trees/${c.tree}` },
    parents: c.parents.map(p => ({
      sha: p,
      url: `${base}/git/commits/${p}`,
      html_url: `https://github.com/commit/${p}`
    })),
    verification: c.verified
      ? {
          verified: true,
          reason: 'valid',
          signature: '-----BEGIN PGP SIGNATURE-----\n…\n-----END PGP SIGNATURE-----',
          payload: 'tree …',
          verified_at: c.committer.date
        }
      : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
  }
}

function send(res: ServerResponse, request: RecordedRequest, status: number, body: unknown): true {
  request.status = status
  res.statusCode = status
  if (body === undefined) {
    res.end()
    return true
  }
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.end(JSON.stringify(body))
  return true
}

/** At most 100 per page is all a sweep lists; a longer list would need Link headers. */
function sendList(res: ServerResponse, request: RecordedRequest, items: unknown[]): true {
  const perPage = Math.min(100, Math.max(1, Number(request.query.per_page ?? 30) || 30))
  return send(res, request, 200, items.slice(0, perPage))
}

function notFound(res: ServerResponse, request: RecordedRequest, doc = ''): true {
  return send(res, request, 404, {
    message: 'Not Found',
    documentation_url: `${DOCS}/${doc}`,
    status: '404'
  })
}

function conflict(res: ServerResponse, request: RecordedRequest, message: string): true {
  return send(res, request, 409, { message, documentation_url: `${DOCS}/git`, status: '409' })
}

function invalid(res: ServerResponse, request: RecordedRequest, message: string): true {
  return send(res, request, 422, { message, documentation_url: `${DOCS}/git`, status: '422' })
}

function validation(
  res: ServerResponse,
  request: RecordedRequest,
  errors: Record<string, unknown>[]
): true {
  return send(res, request, 422, {
    message: 'Validation Failed',
    errors,
    documentation_url: `${DOCS}/pulls/pulls`,
    status: '422'
  })
}
