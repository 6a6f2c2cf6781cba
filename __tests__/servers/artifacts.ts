import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback GitHub REST API for workflow artifacts: list by name (repository or run), and the
 * zip download answering 302 to a second server standing for blob storage, as github.com does.
 */

export interface FakeArtifact {
  id: number
  name: string
  owner?: string
  repo?: string
  runId: number
  createdAt: string
  expired?: boolean
  zip: Uint8Array
}

export interface ArtifactsState {
  artifacts: FakeArtifact[]
  /** Answers by path prefix, e.g. {'/repos/o/r/actions/artifacts': 403}. */
  statusFor: Map<string, number>
  /** Ignore the `name` query parameter (to prove the client checks the name itself). */
  ignoreName: boolean
  requests: { path: string; query: URLSearchParams; authorization?: string }[]
  blobRequests: { path: string; authorization?: string }[]
}

export interface ArtifactsServer {
  url: string
  blobUrl: string
  state: ArtifactsState
  close(): Promise<void>
}

export const OWNER = 'octo'
export const REPO = 'app'

export async function startArtifacts(init: Partial<ArtifactsState> = {}): Promise<ArtifactsServer> {
  const state: ArtifactsState = {
    artifacts: [],
    statusFor: new Map(),
    ignoreName: false,
    requests: [],
    blobRequests: [],
    ...init
  }

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

  const api: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    state.requests.push({ path: url.pathname, query: url.searchParams, ...auth(req) })
    for (const [prefix, status] of state.statusFor) {
      if (url.pathname.startsWith(prefix)) {
        return json(res, status, {
          message:
            status === 404
              ? 'Not Found'
              : status === 410
                ? 'Artifact has expired'
                : 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/actions/artifacts'
        })
      }
    }
    const list = /^\/repos\/([^/]+)\/([^/]+)\/actions\/(?:runs\/(\d+)\/)?artifacts$/.exec(
      url.pathname
    )
    if (list) {
      const [, owner, repo, run] = list
      const name = url.searchParams.get('name')
      const perPage = Number(url.searchParams.get('per_page') ?? 30)
      const page = Number(url.searchParams.get('page') ?? 1)
      const matching = state.artifacts.filter(
        a =>
          (a.owner ?? OWNER) === owner &&
          (a.repo ?? REPO) === repo &&
          (run === undefined || a.runId === Number(run)) &&
          (state.ignoreName || name === null || a.name === name)
      )
      return json(res, 200, {
        total_count: matching.length,
        artifacts: matching.slice((page - 1) * perPage, page * perPage).map(a => ({
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
          workflow_run: { id: a.runId, head_branch: 'main', head_sha: 'abc' }
        }))
      })
    }
    const download = /^\/repos\/[^/]+\/[^/]+\/actions\/artifacts\/(\d+)\/zip$/.exec(url.pathname)
    if (download) {
      res.writeHead(302, { location: `${blobUrl}/blob/${download[1]}?sig=short-lived` })
      return res.end()
    }
    json(res, 404, { message: 'Not Found' })
  })
  await listen(api)
  return {
    url: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
    blobUrl,
    state,
    close: async () => {
      await new Promise(resolve => api.close(resolve))
      await new Promise(resolve => blob.close(resolve))
    }
  }
}

function auth(req: IncomingMessage): { authorization?: string } {
  return req.headers.authorization === undefined ? {} : { authorization: req.headers.authorization }
}

function listen(server: Server): Promise<void> {
  return new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}
