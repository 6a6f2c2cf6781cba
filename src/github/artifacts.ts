import { ConfigurationError } from '../engine/errors.js'
import type { ReadClient } from './client.js'
import { apiError } from './workflow-runs.js'

export interface ArtifactInfo {
  readonly id: number
  readonly name: string
  readonly sizeInBytes: number
  readonly createdAt: string
  /** The run that uploaded it, as the artifact says. */
  readonly runId?: number
}

/** An artifact larger than this is not downloaded: findings are small. */
export const MAX_ARTIFACT_BYTES = 50 * 1024 * 1024
const PER_PAGE = 100
/** A run uploads a handful of artifacts; more pages than this are not a findings export. */
const MAX_PAGES = 10

/**
 * The unexpired artifact named `name` that run `runId` uploaded (GET
 * /repos/{o}/{r}/actions/runs/{id}/artifacts), or how many of that name had expired.
 */
export async function findRunArtifact(
  client: ReadClient,
  query: {
    readonly owner: string
    readonly repo: string
    readonly runId: number
    readonly name: string
  }
): Promise<{ readonly artifact?: ArtifactInfo; readonly expired: number }> {
  let expired = 0
  const found: ArtifactInfo[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    let data: { total_count: number; artifacts: RawArtifact[] }
    try {
      const response = await client.rest.actions.listWorkflowRunArtifacts({
        owner: query.owner,
        repo: query.repo,
        run_id: query.runId,
        name: query.name,
        per_page: PER_PAGE,
        page
      })
      data = response.data as { total_count: number; artifacts: RawArtifact[] }
    } catch (error) {
      throw apiError(
        error,
        `list the artifacts of run ${query.runId} in ${query.owner}/${query.repo}`,
        'findings-artifact-repository'
      )
    }
    for (const a of data.artifacts) {
      // The filters are the API's; a server that ignores them must not hand us another artifact.
      if (a.name !== query.name) continue
      if (a.workflow_run?.id != null && a.workflow_run.id !== query.runId) continue
      if (a.expired) expired++
      else found.push(info(a))
    }
    if (data.artifacts.length < PER_PAGE || page * PER_PAGE >= data.total_count) break
  }
  const newest = found.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id
  )[0]
  return newest ? { artifact: newest, expired } : { expired }
}

/** How many other artifacts of the name an error message explains at most. */
export const EXPLAINED_ARTIFACTS = 5

/**
 * The newest unexpired artifacts named `name` in the repository, from any run: never read as
 * findings, only listed to say why each was not used.
 */
export async function recentArtifacts(
  client: ReadClient,
  query: { readonly owner: string; readonly repo: string; readonly name: string }
): Promise<ArtifactInfo[]> {
  try {
    const response = await client.rest.actions.listArtifactsForRepo({
      owner: query.owner,
      repo: query.repo,
      name: query.name,
      per_page: EXPLAINED_ARTIFACTS * 2
    })
    return (response.data.artifacts as RawArtifact[])
      .filter(a => a.name === query.name && !a.expired)
      .map(info)
      .slice(0, EXPLAINED_ARTIFACTS)
  } catch {
    return [] // only an explanation: its absence must not hide the real error
  }
}

function info(a: RawArtifact): ArtifactInfo {
  return {
    id: a.id,
    name: a.name,
    sizeInBytes: a.size_in_bytes,
    createdAt: a.created_at ?? '',
    ...(a.workflow_run?.id == null ? {} : { runId: a.workflow_run.id })
  }
}

/** The artifact's zip. GitHub answers with a redirect to blob storage, which fetch follows. */
export async function downloadArtifactZip(
  client: ReadClient,
  query: { readonly owner: string; readonly repo: string },
  artifact: ArtifactInfo
): Promise<Uint8Array> {
  if (artifact.sizeInBytes > MAX_ARTIFACT_BYTES) {
    throw new ConfigurationError(
      `artifact "${artifact.name}" is ${artifact.sizeInBytes} bytes, over the ${MAX_ARTIFACT_BYTES}-byte limit for findings`
    )
  }
  let data: unknown
  try {
    const response = await client.rest.actions.downloadArtifact({
      owner: query.owner,
      repo: query.repo,
      artifact_id: artifact.id,
      archive_format: 'zip'
    })
    data = response.data
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 404 || status === 410) {
      throw new ConfigurationError(
        `artifact "${artifact.name}" (id ${artifact.id}) in ${query.owner}/${query.repo} is gone ` +
          `(HTTP ${status}): it expired or was deleted; check its retention`
      )
    }
    if (status === 403) {
      throw new ConfigurationError(
        `the token may not download artifact "${artifact.name}" from ${query.owner}/${query.repo} ` +
          '(HTTP 403): give the workflow `permissions: actions: read`'
      )
    }
    throw new ConfigurationError(
      `downloading artifact "${artifact.name}" from ${query.owner}/${query.repo} failed: ${describe(error)}`
    )
  }
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : data instanceof Uint8Array
        ? data
        : undefined
  if (!bytes) {
    throw new ConfigurationError(
      `downloading artifact "${artifact.name}" gave no zip archive (got ${typeof data})`
    )
  }
  if (bytes.byteLength > MAX_ARTIFACT_BYTES) {
    throw new ConfigurationError(
      `artifact "${artifact.name}" is over the ${MAX_ARTIFACT_BYTES}-byte limit for findings`
    )
  }
  return bytes
}

interface RawArtifact {
  id: number
  name: string
  size_in_bytes: number
  expired: boolean
  created_at?: string | null
  workflow_run?: { id?: number | null } | null
}

function describe(error: unknown): string {
  const status = (error as { status?: number }).status
  const message = (error as Error)?.message ?? String(error)
  return status === undefined ? message : `HTTP ${status}: ${message}`
}
