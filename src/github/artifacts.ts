import { ConfigurationError } from '../engine/errors.js'
import type { GitHubClient } from './client.js'

/** Which artifact to read: the newest unexpired one of that name, in a repository or one run. */
export interface ArtifactQuery {
  readonly owner: string
  readonly repo: string
  readonly name: string
  /** Only the artifacts of this workflow run (input `findings-artifact-run-id`). */
  readonly runId?: number
}

export interface ArtifactInfo {
  readonly id: number
  readonly name: string
  readonly sizeInBytes: number
  readonly createdAt: string
  readonly runId?: number
}

/** An artifact larger than this is not downloaded: findings files are small. */
export const MAX_ARTIFACT_BYTES = 50 * 1024 * 1024
const PER_PAGE = 100
const MAX_PAGES = 10

/** The newest unexpired artifact named `query.name`; a sentence about what to check when none. */
export async function findArtifact(
  client: GitHubClient,
  query: ArtifactQuery
): Promise<ArtifactInfo> {
  const where = `${query.owner}/${query.repo}${query.runId === undefined ? '' : ` (run ${query.runId})`}`
  const found: ArtifactInfo[] = []
  let expired = 0
  for (let page = 1; page <= MAX_PAGES; page++) {
    let data: { total_count: number; artifacts: RawArtifact[] }
    try {
      const response =
        query.runId === undefined
          ? await client.rest.actions.listArtifactsForRepo({
              owner: query.owner,
              repo: query.repo,
              name: query.name,
              per_page: PER_PAGE,
              page
            })
          : await client.rest.actions.listWorkflowRunArtifacts({
              owner: query.owner,
              repo: query.repo,
              run_id: query.runId,
              name: query.name,
              per_page: PER_PAGE,
              page
            })
      data = response.data as { total_count: number; artifacts: RawArtifact[] }
    } catch (error) {
      throw describeListError(error, where)
    }
    for (const a of data.artifacts) {
      // The name filter is the API's; a server that ignores it must not hand us another artifact.
      if (a.name !== query.name) continue
      if (a.expired) {
        expired++
        continue
      }
      found.push({
        id: a.id,
        name: a.name,
        sizeInBytes: a.size_in_bytes,
        createdAt: a.created_at ?? '',
        ...(a.workflow_run?.id == null ? {} : { runId: a.workflow_run.id })
      })
    }
    if (data.artifacts.length < PER_PAGE || page * PER_PAGE >= data.total_count) break
  }
  const newest = found.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id
  )[0]
  if (newest) return newest
  throw new ConfigurationError(
    expired > 0
      ? `every artifact named "${query.name}" in ${where} has expired (${expired} found): run the ` +
          'workflow that uploads it again, or raise its retention-days'
      : `no artifact named "${query.name}" in ${where}: check the name (input findings-artifact), ` +
          'that the workflow that uploads it has run, and its retention'
  )
}

/** The artifact's zip. GitHub answers with a redirect to blob storage, which fetch follows. */
export async function downloadArtifactZip(
  client: GitHubClient,
  query: Pick<ArtifactQuery, 'owner' | 'repo'>,
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

function describeListError(error: unknown, where: string): ConfigurationError {
  const status = (error as { status?: number }).status
  if (status === 404) {
    return new ConfigurationError(
      `cannot list the artifacts of ${where} (HTTP 404): check the repository (input ` +
        'findings-artifact-repository) and the run id, and that the token can read that repository ' +
        'with `actions: read`'
    )
  }
  if (status === 403 || status === 401) {
    return new ConfigurationError(
      `the token may not list the artifacts of ${where} (HTTP ${status}): give the workflow ` +
        '`permissions: actions: read` (for another repository, a token with access to it)'
    )
  }
  return new ConfigurationError(`listing the artifacts of ${where} failed: ${describe(error)}`)
}

function describe(error: unknown): string {
  const status = (error as { status?: number }).status
  const message = (error as Error)?.message ?? String(error)
  return status === undefined ? message : `HTTP ${status}: ${message}`
}
