import { Inflate } from 'fflate'
import { ConfigurationError } from '../engine/errors.js'
import {
  downloadArtifactZip,
  findRunArtifact,
  recentArtifacts,
  type ArtifactInfo
} from '../github/artifacts.js'
import type { ReadClient } from '../github/client.js'
import {
  TRUSTED_EVENTS,
  whyUntrusted,
  type TrustedSource,
  type WorkflowRun
} from '../github/trusted-run.js'
import { candidateRuns, getRun, trustedSource } from '../github/workflow-runs.js'
import { firstJsonSyntaxError } from '../io/json-syntax.js'
import { jsonSyntaxError, MAX_FILE_BYTES, parseJsonText } from '../io/json-text.js'
import { parseFindings, type ParsedFindings } from './parse.js'
import type { FindingsSource } from './source.js'

/**
 * The action inputs `findings-artifact`, `findings-artifact-workflow`, `findings-artifact-run-id`
 * and `findings-artifact-repository`.
 */
export interface ArtifactRequest {
  /** The repository the run belongs to (github.context.repo). */
  readonly owner: string
  readonly repo: string
  /** The artifact's name. */
  readonly name: string
  /** The workflow whose runs may upload it: a file name or an id. */
  readonly workflow: string
  readonly runId?: number
  /** `owner/repo` to read from instead of the current repository. */
  readonly repository?: string
}

/** Limits on what an artifact may unpack to: findings are small, a zip bomb is not. */
export const ZIP_LIMITS = {
  entries: 1_000,
  entryBytes: MAX_FILE_BYTES,
  totalBytes: 50 * 1024 * 1024
} as const

/** How many refused runs and artifacts a failure lists, so that a flood of them stays readable. */
export const REFUSALS_SHOWN = 8

/**
 * Downloads the findings artifact of the newest trusted run (ADR 20) — or of the run the request
 * names, checked the same way — and parses every `.json` file in it as findings (any form of
 * DESIGN §2). A trusted run is one of the named workflow, in the repository itself (not a fork),
 * started by schedule, push or workflow_dispatch on the default branch, concluded success. When
 * none has the artifact, the error names the artifact, the workflow and why each candidate was
 * refused.
 */
export async function loadArtifactFindings(
  client: ReadClient,
  request: ArtifactRequest,
  log: (line: string) => void = () => undefined
): Promise<ParsedFindings[]> {
  const { owner, repo } = repositoryOf(request)
  const source = await trustedSource(client, owner, repo, request.workflow)
  const { run, artifact } =
    request.runId === undefined
      ? await newestTrustedArtifact(client, owner, repo, request.name, source)
      : await namedRunArtifact(client, owner, repo, request.name, request.runId, source)
  log(
    `reading artifact "${artifact.name}" (id ${artifact.id}, ${artifact.createdAt}) of run ${run.id} ` +
      `(${run.event} on ${run.headBranch}, ${run.createdAt}) of ${source.workflowPath} in ${owner}/${repo}`
  )
  const zip = await downloadArtifactZip(client, { owner, repo }, artifact)
  return readFindingsZip(zip, `artifact ${artifact.name}`)
}

interface RunArtifact {
  readonly run: WorkflowRun
  readonly artifact: ArtifactInfo
}

async function newestTrustedArtifact(
  client: ReadClient,
  owner: string,
  repo: string,
  name: string,
  source: TrustedSource
): Promise<RunArtifact> {
  const refused: string[] = []
  const looked = new Set<number>()
  for (const run of await candidateRuns(client, owner, repo, source)) {
    looked.add(run.id)
    const why = whyUntrusted(run, source)
    if (why) {
      refused.push(`run ${run.id}: ${why}`)
      continue
    }
    const { artifact, expired } = await findRunArtifact(client, {
      owner,
      repo,
      runId: run.id,
      name
    })
    if (artifact) return { run, artifact }
    refused.push(
      `run ${run.id} (${run.event}, ${run.createdAt}): ${expired > 0 ? 'its artifact has expired' : 'it uploaded no artifact of that name'}`
    )
  }
  // Nothing qualifies. Say why the artifacts of that name that do exist were not used: the old
  // rule (the newest of any run) would have taken one of them.
  for (const other of await recentArtifacts(client, { owner, repo, name })) {
    if (other.runId === undefined || looked.has(other.runId)) continue
    looked.add(other.runId)
    let why: string | undefined
    try {
      why = whyUntrusted(await getRun(client, owner, repo, other.runId), source)
    } catch {
      why = 'its run cannot be read'
    }
    refused.push(
      `artifact ${other.id} of run ${other.runId}: ${why ?? 'not among the newest trusted runs'}`
    )
  }
  throw new ConfigurationError(
    `no trusted artifact "${name}" in ${owner}/${repo}: findings are read only from a successful ` +
      `${TRUSTED_EVENTS.join(', ')} run of ${source.workflowPath} (input findings-artifact-workflow) ` +
      `on the default branch ${source.defaultBranch} of ${owner}/${repo} itself, not a fork` +
      (refused.length === 0
        ? `, and it has no such run: run that workflow on ${source.defaultBranch}`
        : `; refused: ${listed(refused)}`)
  )
}

async function namedRunArtifact(
  client: ReadClient,
  owner: string,
  repo: string,
  name: string,
  runId: number,
  source: TrustedSource
): Promise<RunArtifact> {
  const run = await getRun(client, owner, repo, runId)
  const why = whyUntrusted(run, source)
  if (why) {
    throw new ConfigurationError(
      `findings-artifact-run-id ${runId} is not a trusted run for artifact "${name}": ${why}; ` +
        `findings are read only from a successful ${TRUSTED_EVENTS.join(', ')} run of ` +
        `${source.workflowPath} on the default branch ${source.defaultBranch} of ${owner}/${repo} itself`
    )
  }
  const { artifact, expired } = await findRunArtifact(client, { owner, repo, runId, name })
  if (artifact) return { run, artifact }
  throw new ConfigurationError(
    expired > 0
      ? `the artifact "${name}" of run ${runId} in ${owner}/${repo} has expired: run ` +
          `${source.workflowPath} again, or raise its retention-days`
      : `run ${runId} of ${source.workflowPath} in ${owner}/${repo} uploaded no artifact named "${name}": check the name (input findings-artifact)`
  )
}

function listed(reasons: readonly string[]): string {
  const shown = reasons.slice(0, REFUSALS_SHOWN).join('; ')
  const more = reasons.length - REFUSALS_SHOWN
  return more > 0 ? `${shown}; and ${more} more` : shown
}

/** Findings from a workflow artifact, as a findings source. */
export function artifactSource(
  client: ReadClient,
  request: ArtifactRequest,
  log?: (line: string) => void
): FindingsSource {
  return {
    description: `artifact "${request.name}"`,
    load: () => loadArtifactFindings(client, request, log)
  }
}

/** Parses every `.json` file of a zip archive as findings; `label` prefixes the file names. */
export function readFindingsZip(zip: Uint8Array, label: string): ParsedFindings[] {
  const entries = unzipEntries(zip, label, name => name.toLowerCase().endsWith('.json'))
  if (entries.length === 0) {
    throw new ConfigurationError(
      `${label} holds no .json file: upload the output of \`iam-refine findings export\``
    )
  }
  const decoder = new TextDecoder('utf-8', { fatal: true })
  return entries.map(({ name, data }) => {
    const file = `${label}/${name}`
    let text: string
    try {
      text = decoder.decode(data)
    } catch {
      throw new ConfigurationError(`${file}: is not UTF-8 text`)
    }
    const parsed = parseJsonText(text, file)
    if (!('value' in parsed)) throw jsonSyntaxError(file, firstJsonSyntaxError(parsed.refused))
    return parseFindings(parsed.value, file)
  })
}

interface ZipEntry {
  readonly name: string
  readonly data: Uint8Array
}

/**
 * The files of a zip archive that `wanted` selects, sorted by name. The central directory is read
 * here so that sizes are checked before anything is inflated, and inflation (fflate) is streamed
 * and stopped as soon as an entry produces more than it declared or than the limits allow.
 */
export function unzipEntries(
  zip: Uint8Array,
  label: string,
  wanted: (name: string) => boolean
): ZipEntry[] {
  const bad = (why: string): never => {
    throw new ConfigurationError(`${label} is not a usable zip archive: ${why}`)
  }
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const u16 = (at: number) => (at + 2 <= zip.length ? view.getUint16(at, true) : bad('truncated'))
  const u32 = (at: number) => (at + 4 <= zip.length ? view.getUint32(at, true) : bad('truncated'))

  let eocd = -1
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      eocd = at
      break
    }
  }
  if (eocd < 0) bad('no end of central directory')
  const count = u16(eocd + 10)
  const directoryAt = u32(eocd + 16)
  if (count === 0xffff || directoryAt === 0xffffffff) bad('ZIP64 archives are not supported')
  if (count > ZIP_LIMITS.entries) bad(`${count} entries, over the limit of ${ZIP_LIMITS.entries}`)

  // First the whole directory: names, methods and declared sizes, before inflating anything.
  const names = new TextDecoder('utf-8')
  const selected: {
    name: string
    method: number
    compressedSize: number
    size: number
    localAt: number
  }[] = []
  let total = 0
  let at = directoryAt
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) bad('a broken central directory')
    const flags = u16(at + 8)
    const method = u16(at + 10)
    const compressedSize = u32(at + 20)
    const size = u32(at + 24)
    const nameLength = u16(at + 28)
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32)
    const localAt = u32(at + 42)
    if (at + 46 + nameLength > zip.length) bad('truncated')
    const name = names.decode(zip.subarray(at + 46, at + 46 + nameLength))
    at = next
    checkEntryName(name, bad)
    if (name.endsWith('/') || !wanted(name)) continue
    if (flags & 1) bad(`${name} is encrypted`)
    if (method !== 0 && method !== 8) {
      bad(`${name} uses compression method ${method}; only stored and deflate are read`)
    }
    if (size > ZIP_LIMITS.entryBytes) {
      bad(`${name} unpacks to ${size} bytes, over the ${ZIP_LIMITS.entryBytes}-byte limit`)
    }
    total += size
    if (total > ZIP_LIMITS.totalBytes) {
      bad(`its files unpack to more than ${ZIP_LIMITS.totalBytes} bytes`)
    }
    selected.push({ name, method, compressedSize, size, localAt })
  }

  const out: ZipEntry[] = []
  for (const { name, method, compressedSize, size, localAt } of selected) {
    if (u32(localAt) !== 0x04034b50) bad(`${name} has no local header`)
    const dataAt = localAt + 30 + u16(localAt + 26) + u16(localAt + 28)
    if (dataAt + compressedSize > zip.length) bad(`${name} is truncated`)
    const compressed = zip.subarray(dataAt, dataAt + compressedSize)
    if (method === 0 && compressedSize !== size) bad(`${name} has inconsistent sizes`)
    const data = method === 0 ? compressed : inflateBounded(compressed, size, name, bad)
    out.push({ name, data })
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** Names that would escape a folder if written out are refused, even though we never write. */
function checkEntryName(name: string, bad: (why: string) => never): void {
  if (
    name === '' ||
    name.includes('\\') ||
    name.includes('\u0000') ||
    name.startsWith('/') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some(part => part === '..')
  ) {
    bad(`the entry name "${name}" points outside the archive`)
  }
}

/** Inflates in small steps, stopping once the output passes the size the entry declared. */
function inflateBounded(
  compressed: Uint8Array,
  declared: number,
  name: string,
  bad: (why: string) => never
): Uint8Array {
  const out = new Uint8Array(declared)
  let produced = 0
  let overflow = false
  const inflater = new Inflate(chunk => {
    if (overflow || produced + chunk.length > declared) {
      overflow = true
      return
    }
    out.set(chunk, produced)
    produced += chunk.length
  })
  const step = 4096
  try {
    if (compressed.length === 0) inflater.push(compressed, true)
    for (let i = 0; i < compressed.length && !overflow; i += step) {
      inflater.push(compressed.subarray(i, i + step), i + step >= compressed.length)
    }
  } catch (error) {
    bad(`${name} does not inflate (${(error as Error).message})`)
  }
  if (overflow) bad(`${name} unpacks to more than the ${declared} bytes it declares`)
  if (produced !== declared)
    bad(`${name} unpacks to ${produced} bytes, not the ${declared} it declares`)
  return out
}

function repositoryOf(request: ArtifactRequest): { owner: string; repo: string } {
  if (request.repository === undefined || request.repository === '') {
    return { owner: request.owner, repo: request.repo }
  }
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(request.repository.trim())
  if (!match) {
    throw new ConfigurationError(
      `findings-artifact-repository must be "owner/repo"; got "${request.repository}"`
    )
  }
  return { owner: match[1] as string, repo: match[2] as string }
}
