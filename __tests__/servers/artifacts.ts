import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ExtraRoute } from './github.js'

/**
 * A loopback GitHub REST API for where findings artifacts come from, as strict as github.com on
 * what iam-refine reads:
 *
 * - `GET /repos/{o}/{r}` (id, default branch), `GET …/actions/workflows/{id or file name}`;
 * - `GET …/actions/workflows/{id}/runs` with GitHub's `branch`, `event` and `status` filters
 *   (`status` takes a status or a conclusion), newest first, `per_page` (at most 100) and `page`;
 * - `GET …/actions/runs/{id}` and `GET …/actions/runs/{id}/artifacts` (`name`, pages);
 * - `GET …/actions/artifacts` (`name`, newest first), and the zip download answering 302 to a
 *   second server standing for blob storage, as github.com does;
 * - runs carry `repository` and `head_repository` (a fork's for a pull request from a fork),
 *   `event`, `head_branch`, `status`, `conclusion`; unknown repositories, workflows and runs, or a
 *   run asked for in another repository, answer 404 with GitHub's error body.
 *
 * It runs standalone (`url`) or as an extra route of the GitHub server (`route`), so that
 * dist/index.js can be replayed against both at once.
 */

export interface FakeRepository {
  id: number
  owner: string
  name: string
  defaultBranch: string
  fork?: boolean
}

export interface FakeWorkflow {
  id: number
  owner: string
  repo: string
  /** `.github/workflows/<file>`; the file name is also how the API finds it. */
  path: string
  name: string
}

export interface FakeRun {
  id: number
  /** The repository the run belongs to; default OWNER/REPO. */
  owner?: string
  repo?: string
  workflowId: number
  event: string
  headBranch: string
  /** Whose code it ran; default the run's own repository (a fork's for a fork's pull request). */
  headOwner?: string
  headRepo?: string
  status?: 'completed' | 'in_progress' | 'queued'
  conclusion?: 'success' | 'failure' | 'cancelled' | null
  createdAt: string
}

export interface FakeArtifact {
  id: number
  name: string
  /** The run that uploaded it: the artifact belongs to that run's repository. */
  runId: number
  createdAt: string
  expired?: boolean
  zip: Uint8Array
}

export interface ArtifactsState {
  repositories: FakeRepository[]
  workflows: FakeWorkflow[]
  runs: FakeRun[]
  artifacts: FakeArtifact[]
  /** Answers by path prefix, e.g. {'/repos/o/r/actions/artifacts': 403}. */
  statusFor: Map<string, number>
  /**
   * Ignore the `name`, `branch`, `event` and `status` query parameters (an older or broken
   * server), to prove the client checks every property itself.
   */
  ignoreFilters: boolean
  requests: { path: string; query: URLSearchParams; authorization?: string }[]
  blobRequests: { path: string; authorization?: string }[]
}

export interface ArtifactsServer {
  url: string
  blobUrl: string
  state: ArtifactsState
  /** The same API as an extra route of the GitHub server (`startGitHubServer({extraRoutes})`). */
  route: ExtraRoute
  /** Puts the state back to its start (the repositories and workflow below, nothing else). */
  reset(): void
  close(): Promise<void>
}

export const OWNER = 'octo'
export const REPO = 'app'
export const REPOSITORY_ID = 1
export const FORK_OWNER = 'mallory'
export const WORKFLOW_ID = 10
export const WORKFLOW_FILE = 'iam-refine-export-findings.yml'

/** The repository, a fork of it, and the export workflow: where every test starts. */
export function initialState(): ArtifactsState {
  return {
    repositories: [
      { id: REPOSITORY_ID, owner: OWNER, name: REPO, defaultBranch: 'main' },
      { id: 2, owner: FORK_OWNER, name: REPO, defaultBranch: 'main', fork: true }
    ],
    workflows: [
      {
        id: WORKFLOW_ID,
        owner: OWNER,
        repo: REPO,
        path: `.github/workflows/${WORKFLOW_FILE}`,
        name: 'iam-refine findings'
      },
      { id: 11, owner: OWNER, repo: REPO, path: '.github/workflows/ci.yml', name: 'CI' }
    ],
    runs: [],
    artifacts: [],
    statusFor: new Map(),
    ignoreFilters: false,
    requests: [],
    blobRequests: []
  }
}

const DOCS = 'https://docs.github.com/rest/actions'

export async function startArtifacts(init: Partial<ArtifactsState> = {}): Promise<ArtifactsServer> {
  const state: ArtifactsState = { ...initialState(), ...init }

  const blob: Server = createServer((req, res) => {
    state.blobRequests.push({ path: req.url ?? '', ...auth(req) })
    const id = Number(/^\/blob\/(\d+)/.exec(req.url ?? '')?.[1])
    const artifact = state.artifacts.find(a => a.id === id)
    if (!artifact) return json(res, 404, { message: 'BlobNotFound' })
    res.writeHead(200, {
      'content-type': 'application/zip',
      'content-length': artifact.zip.byteLength
    })
    res.end(Buffer.from(artifact.zip))
  })
  await listen(blob)
  const blobUrl = `http://127.0.0.1:${(blob.address() as AddressInfo).port}`

  /** Answers `url` when it is one of ours; false to let another route answer. */
  function answer(
    method: string,
    url: URL,
    authorization: string | undefined,
    res: ServerResponse
  ): boolean {
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname)
    if (!m || method !== 'GET') return false
    const [, owner, repo, rest = ''] = m as unknown as [string, string, string, string?]
    const ours =
      rest === '' ||
      /^\/actions\/(workflows\/[^/]+(\/runs)?|runs\/\d+(\/artifacts)?|artifacts(\/\d+\/zip)?)$/.test(
        rest
      )
    if (!ours) return false
    state.requests.push({
      path: url.pathname,
      query: url.searchParams,
      ...(authorization === undefined ? {} : { authorization })
    })
    for (const [prefix, status] of state.statusFor) {
      if (url.pathname.startsWith(prefix)) {
        json(res, status, {
          message:
            status === 404
              ? 'Not Found'
              : status === 410
                ? 'Artifact has expired'
                : 'Resource not accessible by integration',
          documentation_url: DOCS,
          status: String(status)
        })
        return true
      }
    }
    const repository = state.repositories.find(r => r.owner === owner && r.name === repo)
    if (!repository) return notFound(res)
    const q = url.searchParams
    const filter = (name: string): string | null => (state.ignoreFilters ? null : q.get(name))
    let r: RegExpExecArray | null

    if (rest === '') return ok(res, repositoryJson(repository, url))
    if ((r = /^\/actions\/workflows\/([^/]+)(\/runs)?$/.exec(rest))) {
      const key = decodeURIComponent(r[1]!)
      const workflow = state.workflows.find(
        w =>
          w.owner === owner &&
          w.repo === repo &&
          (String(w.id) === key || w.path.split('/').at(-1) === key)
      )
      if (!workflow) return notFound(res)
      if (!r[2]) return ok(res, workflowJson(workflow, url))
      const branch = filter('branch')
      const event = filter('event')
      const status = filter('status')
      const runs = runsOf(repository)
        .filter(run => run.workflowId === workflow.id)
        .filter(run => branch === null || run.headBranch === branch)
        .filter(run => event === null || run.event === event)
        .filter(
          run =>
            status === null ||
            (run.status ?? 'completed') === status ||
            conclusionOf(run) === status
        )
      const page = paged(runs, q)
      return ok(res, {
        total_count: runs.length,
        workflow_runs: page.map(run => runJson(run, url))
      })
    }
    if ((r = /^\/actions\/runs\/(\d+)(\/artifacts)?$/.exec(rest))) {
      const run = runsOf(repository).find(x => x.id === Number(r![1]))
      if (!run) return notFound(res)
      if (!r[2]) return ok(res, runJson(run, url))
      const name = filter('name')
      const list = newest(state.artifacts.filter(a => a.runId === run.id)).filter(
        a => name === null || a.name === name
      )
      return ok(res, {
        total_count: list.length,
        artifacts: paged(list, q).map(a => artifactJson(a, url))
      })
    }
    if (rest === '/actions/artifacts') {
      const name = filter('name')
      const runIds = new Set(runsOf(repository).map(run => run.id))
      const list = newest(state.artifacts.filter(a => runIds.has(a.runId))).filter(
        a => name === null || a.name === name
      )
      return ok(res, {
        total_count: list.length,
        artifacts: paged(list, q).map(a => artifactJson(a, url))
      })
    }
    if ((r = /^\/actions\/artifacts\/(\d+)\/zip$/.exec(rest))) {
      const runIds = new Set(runsOf(repository).map(run => run.id))
      const artifact = state.artifacts.find(a => a.id === Number(r![1]) && runIds.has(a.runId))
      if (!artifact) return notFound(res)
      if (artifact.expired) {
        json(res, 410, { message: 'Artifact has expired', documentation_url: DOCS, status: '410' })
        return true
      }
      res.writeHead(302, { location: `${blobUrl}/blob/${artifact.id}?sig=short-lived` })
      res.end()
      return true
    }
    return notFound(res)
  }

  function runsOf(repository: FakeRepository): FakeRun[] {
    return state.runs.filter(
      run => (run.owner ?? OWNER) === repository.owner && (run.repo ?? REPO) === repository.name
    )
  }

  function repositoryOf(owner: string, name: string): FakeRepository {
    const found = state.repositories.find(r => r.owner === owner && r.name === name)
    if (!found) throw new Error(`the test state names no repository ${owner}/${name}`)
    return found
  }

  function repositoryJson(r: FakeRepository, url: URL): Record<string, unknown> {
    return {
      id: r.id,
      node_id: `R_${r.id}`,
      name: r.name,
      full_name: `${r.owner}/${r.name}`,
      owner: { login: r.owner, id: 1000 + r.id, type: 'Organization' },
      private: false,
      fork: r.fork ?? false,
      html_url: `https://github.com/${r.owner}/${r.name}`,
      url: `${url.origin}/repos/${r.owner}/${r.name}`,
      default_branch: r.defaultBranch
    }
  }

  function workflowJson(w: FakeWorkflow, url: URL): Record<string, unknown> {
    return {
      id: w.id,
      node_id: `W_${w.id}`,
      name: w.name,
      path: w.path,
      state: 'active',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      url: `${url.origin}/repos/${w.owner}/${w.repo}/actions/workflows/${w.id}`,
      html_url: `https://github.com/${w.owner}/${w.repo}/blob/main/${w.path}`,
      badge_url: `https://github.com/${w.owner}/${w.repo}/workflows/${encodeURIComponent(w.name)}/badge.svg`
    }
  }

  function runJson(run: FakeRun, url: URL): Record<string, unknown> {
    const owner = run.owner ?? OWNER
    const repo = run.repo ?? REPO
    const repository = repositoryOf(owner, repo)
    const head = repositoryOf(run.headOwner ?? owner, run.headRepo ?? repo)
    const workflow = state.workflows.find(w => w.id === run.workflowId)
    const base = `${url.origin}/repos/${owner}/${repo}/actions/runs/${run.id}`
    const minimal = (r: FakeRepository) => ({
      id: r.id,
      node_id: `R_${r.id}`,
      name: r.name,
      full_name: `${r.owner}/${r.name}`,
      owner: { login: r.owner, id: 1000 + r.id, type: 'Organization' },
      private: false,
      fork: r.fork ?? false,
      html_url: `https://github.com/${r.owner}/${r.name}`
    })
    return {
      id: run.id,
      name: workflow?.name ?? 'workflow',
      node_id: `WFR_${run.id}`,
      head_branch: run.headBranch,
      head_sha: 'a'.repeat(40),
      path: workflow?.path ?? '.github/workflows/unknown.yml',
      display_title: `run ${run.id}`,
      run_number: run.id,
      event: run.event,
      status: run.status ?? 'completed',
      conclusion: conclusionOf(run),
      workflow_id: run.workflowId,
      check_suite_id: 5000 + run.id,
      url: base,
      html_url: `https://github.com/${owner}/${repo}/actions/runs/${run.id}`,
      pull_requests: [],
      created_at: run.createdAt,
      updated_at: run.createdAt,
      run_attempt: 1,
      run_started_at: run.createdAt,
      jobs_url: `${base}/jobs`,
      logs_url: `${base}/logs`,
      check_suite_url: `${url.origin}/repos/${owner}/${repo}/check-suites/${5000 + run.id}`,
      artifacts_url: `${base}/artifacts`,
      cancel_url: `${base}/cancel`,
      rerun_url: `${base}/rerun`,
      workflow_url: `${url.origin}/repos/${owner}/${repo}/actions/workflows/${run.workflowId}`,
      head_commit: null,
      repository: minimal(repository),
      head_repository: minimal(head),
      head_repository_id: head.id
    }
  }

  function artifactJson(a: FakeArtifact, url: URL): Record<string, unknown> {
    const run = state.runs.find(x => x.id === a.runId)!
    const owner = run.owner ?? OWNER
    const repo = run.repo ?? REPO
    return {
      id: a.id,
      node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
      name: a.name,
      size_in_bytes: a.zip.byteLength,
      url: `${url.origin}/repos/${owner}/${repo}/actions/artifacts/${a.id}`,
      archive_download_url: `${url.origin}/repos/${owner}/${repo}/actions/artifacts/${a.id}/zip`,
      expired: a.expired ?? false,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      expires_at: '2027-01-01T00:00:00Z',
      workflow_run: {
        id: run.id,
        repository_id: repositoryOf(owner, repo).id,
        head_repository_id: repositoryOf(run.headOwner ?? owner, run.headRepo ?? repo).id,
        head_branch: run.headBranch,
        head_sha: 'a'.repeat(40)
      }
    }
  }

  const api: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    if (!answer(req.method ?? 'GET', url, req.headers.authorization, res)) notFound(res)
  })
  await listen(api)

  const route: ExtraRoute = (request, res) => {
    const host = res.req.headers.host ?? '127.0.0.1'
    const url = new URL(request.path, `http://${host}`)
    for (const [k, v] of Object.entries(request.query)) url.searchParams.set(k, v)
    return answer(request.method, url, request.headers.authorization, res)
  }

  return {
    url: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
    blobUrl,
    state,
    route,
    reset() {
      Object.assign(state, initialState())
    },
    close: async () => {
      await new Promise(resolve => api.close(resolve))
      await new Promise(resolve => blob.close(resolve))
    }
  }
}

function conclusionOf(run: FakeRun): string | null {
  if ((run.status ?? 'completed') !== 'completed') return null
  return run.conclusion === undefined ? 'success' : run.conclusion
}

function newest(list: FakeArtifact[]): FakeArtifact[] {
  return [...list].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id
  )
}

/** One page of `items`: `per_page` (default 30, at most 100) and `page` (from 1), as GitHub. */
function paged<T>(items: readonly T[], q: URLSearchParams): T[] {
  const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 30) || 30))
  const page = Math.max(1, Number(q.get('page') ?? 1) || 1)
  return items.slice((page - 1) * perPage, page * perPage)
}

function auth(req: IncomingMessage): { authorization?: string } {
  return req.headers.authorization === undefined ? {} : { authorization: req.headers.authorization }
}

function listen(server: Server): Promise<void> {
  return new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
}

function ok(res: ServerResponse, body: unknown): true {
  json(res, 200, body)
  return true
}

function notFound(res: ServerResponse): true {
  json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
  return true
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}
