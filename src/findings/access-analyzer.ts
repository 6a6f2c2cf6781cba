import {
  AccessAnalyzerClient,
  GetFindingV2Command,
  ListAnalyzersCommand,
  ListFindingsV2Command,
  type AccessAnalyzerClientConfig,
  type FindingSummaryV2,
  type GetFindingV2CommandOutput
} from '@aws-sdk/client-accessanalyzer'
import { ConfigurationError } from '../engine/errors.js'
import { mapConcurrent } from '../io/live-catalog.js'
import { parseFindings } from './parse.js'
import type { FindingsSource } from './source.js'

/** Attempts per AWS call, the first included: the SDK's standard retry strategy, bounded. */
export const AWS_MAX_ATTEMPTS = 5

/** How the AWS clients are built; everything else comes from the default provider chain. */
export interface AwsClientOptions {
  /** Overrides AWS_REGION and the shared config file. */
  readonly region?: string
  readonly maxAttempts?: number
  /** Replaces the standard strategy; tests pass one with millisecond delays. */
  readonly retryStrategy?: AccessAnalyzerClientConfig['retryStrategy']
}

/**
 * An Access Analyzer client from the default credential and region chain (OIDC credentials in a
 * workflow, a profile or keys on a workstation). AWS_ENDPOINT_URL_ACCESSANALYZER is honoured by the
 * SDK itself.
 */
export function createAccessAnalyzerClient(options: AwsClientOptions = {}): AccessAnalyzerClient {
  return new AccessAnalyzerClient(awsClientConfig(options))
}

/** The client configuration both AWS clients share. */
export function awsClientConfig(
  options: AwsClientOptions
): Pick<AccessAnalyzerClientConfig, 'maxAttempts' | 'retryMode' | 'region' | 'retryStrategy'> {
  return {
    maxAttempts: options.maxAttempts ?? AWS_MAX_ATTEMPTS,
    retryMode: 'standard',
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.retryStrategy === undefined ? {} : { retryStrategy: options.retryStrategy })
  }
}

/** The IAM action each call needs (ListFindingsV2 and GetFindingV2 use the V1 actions' names). */
export const PERMISSIONS = {
  ListAnalyzers: 'access-analyzer:ListAnalyzers',
  ListFindingsV2: 'access-analyzer:ListFindings',
  GetFindingV2: 'access-analyzer:GetFinding',
  CheckNoNewAccess: 'access-analyzer:CheckNoNewAccess',
  CheckAccessNotGranted: 'access-analyzer:CheckAccessNotGranted',
  GenerateFindingRecommendation: 'access-analyzer:GenerateFindingRecommendation',
  GetFindingRecommendation: 'access-analyzer:GetFindingRecommendation',
  GenerateServiceLastAccessedDetails: 'iam:GenerateServiceLastAccessedDetails',
  GetServiceLastAccessedDetails: 'iam:GetServiceLastAccessedDetails'
} as const

export type AwsOperation = keyof typeof PERMISSIONS

/** A finding as `aws accessanalyzer get-finding-v2` prints it, with every detail page merged. */
export type FindingJson = Record<string, unknown>

export interface AccessAnalyzerOptions {
  /** Without one, the account's (then the organization's) active unused-access analyzer. */
  readonly analyzerArn?: string
  /** Only the findings about these principals (role and user ARNs). */
  readonly resources?: readonly string[]
  /** Progress and the reasons findings were dropped, one line each. */
  readonly log?: (line: string) => void
  /** GetFindingV2 calls in flight at once. */
  readonly concurrency?: number
}

export interface ExportedFindings {
  readonly analyzerArn: string
  /** Active unused-access findings, GetFindingV2-shaped, dates as ISO 8601 strings. */
  readonly findings: FindingJson[]
  /**
   * Accounts the analyzer covers whole: an account analyzer's own account, when it excludes
   * nothing and the export was not limited to some principals. A principal there without a
   * finding uses everything it is allowed.
   */
  readonly coveredAccounts: string[]
  /** Principals the export asked about (`--principal`): covered, with or without a finding. */
  readonly coveredPrincipals: string[]
}

/** What `iam-refine findings export` writes: the findings file's `{"findings": [...]}` form. */
export function exportedFindingsFile(exported: ExportedFindings): Record<string, unknown> {
  return {
    analyzerArn: exported.analyzerArn,
    coveredAccounts: exported.coveredAccounts,
    ...(exported.coveredPrincipals.length > 0
      ? { coveredPrincipals: exported.coveredPrincipals }
      : {}),
    findings: exported.findings
  }
}

const FINDING_TYPES = ['UnusedPermission', 'UnusedIAMRole']
/** Access Analyzer accepts at most 20 values in one filter criterion. */
const RESOURCES_PER_FILTER = 20
/** A guard against a service that keeps returning pages (or the same token) forever. */
const MAX_PAGES = 10_000

/**
 * Reads every active UnusedPermission and UnusedIAMRole finding of an unused-access analyzer, each
 * with all its detail pages, in the shape `--findings` reads (DESIGN §2, the first form).
 */
export async function exportUnusedAccessFindings(
  client: AccessAnalyzerClient,
  options: AccessAnalyzerOptions = {}
): Promise<ExportedFindings> {
  const log = options.log ?? (() => undefined)
  const analyzerArn = options.analyzerArn ?? (await findUnusedAccessAnalyzer(client, log))
  const summaries = await listActiveFindings(client, analyzerArn, options.resources, log)
  const fetched = await mapConcurrent(summaries, options.concurrency ?? 4, summary =>
    getFullFinding(client, analyzerArn, summary.id as string, log)
  )
  const findings: FindingJson[] = []
  for (const finding of fetched) {
    if (finding === undefined) continue
    if (finding.status !== 'ACTIVE') {
      log(`finding ${String(finding.id)} is ${String(finding.status)}, not ACTIVE; left out`)
      continue
    }
    findings.push(finding)
  }
  log(`${findings.length} active unused-access finding(s) from ${analyzerArn}`)
  const coveredAccounts =
    options.resources === undefined ? await accountsCovered(client, analyzerArn, log) : []
  return {
    analyzerArn,
    findings,
    coveredAccounts,
    coveredPrincipals: [...(options.resources ?? [])]
  }
}

/**
 * The account an unused-access analyzer covers whole: its own, for an account analyzer whose
 * analysis rule excludes no account and no tagged resource. An organization analyzer's accounts,
 * or an analyzer with exclusions, are not claimed: their principals without a finding stay
 * unchecked unless the findings file lists them.
 */
async function accountsCovered(
  client: AccessAnalyzerClient,
  analyzerArn: string,
  log: (line: string) => void
): Promise<string[]> {
  let covered: string[] = []
  await paginate('ListAnalyzers', async nextToken => {
    const page = await call('ListAnalyzers', () =>
      client.send(
        new ListAnalyzersCommand({
          type: 'ACCOUNT_UNUSED_ACCESS',
          ...(nextToken ? { nextToken } : {})
        })
      )
    )
    for (const analyzer of page.analyzers ?? []) {
      if (analyzer.arn !== analyzerArn) continue
      const exclusions = analyzer.configuration?.unusedAccess?.analysisRule?.exclusions ?? []
      const account = /^arn:[^:]+:access-analyzer:[^:]*:(\d{12}):/.exec(analyzerArn)?.[1]
      if (exclusions.length > 0) {
        log(`${analyzerArn} excludes some principals: no account is recorded as covered whole`)
      } else if (account) covered = [account]
    }
    return page.nextToken
  })
  return covered
}

/** Findings from Access Analyzer as a findings source (input `analyzer-arn`). */
export function accessAnalyzerSource(
  client: AccessAnalyzerClient,
  options: AccessAnalyzerOptions = {}
): FindingsSource {
  return {
    description: `Access Analyzer ${options.analyzerArn ?? '(the unused-access analyzer of the account)'}`,
    async load() {
      const exported = await exportUnusedAccessFindings(client, options)
      return [
        parseFindings(exportedFindingsFile(exported), `Access Analyzer ${exported.analyzerArn}`, {
          analyzerArn: exported.analyzerArn
        })
      ]
    }
  }
}

/** The active unused-access analyzer: the account's first, else the organization's. */
export async function findUnusedAccessAnalyzer(
  client: AccessAnalyzerClient,
  log: (line: string) => void = () => undefined
): Promise<string> {
  for (const type of ['ACCOUNT_UNUSED_ACCESS', 'ORGANIZATION_UNUSED_ACCESS'] as const) {
    const active: string[] = []
    await paginate('ListAnalyzers', async nextToken => {
      const page = await call('ListAnalyzers', () =>
        client.send(new ListAnalyzersCommand({ type, ...(nextToken ? { nextToken } : {}) }))
      )
      for (const analyzer of page.analyzers ?? []) {
        if (analyzer.status === 'ACTIVE' && analyzer.arn) active.push(analyzer.arn)
      }
      return page.nextToken
    })
    const chosen = active[0]
    if (chosen !== undefined) {
      log(
        active.length > 1
          ? `using the unused-access analyzer ${chosen} (of ${active.length}; choose another with --analyzer-arn)`
          : `using the unused-access analyzer ${chosen}`
      )
      return chosen
    }
  }
  const region = await regionOf(client)
  throw new ConfigurationError(
    `no active unused-access analyzer in ${region}: create one (IAM Access Analyzer, type ` +
      '"unused access") or name one with --analyzer-arn (input analyzer-arn)'
  )
}

async function listActiveFindings(
  client: AccessAnalyzerClient,
  analyzerArn: string,
  resources: readonly string[] | undefined,
  log: (line: string) => void
): Promise<FindingSummaryV2[]> {
  const batches: (readonly string[] | undefined)[] = []
  if (resources === undefined) batches.push(undefined)
  else {
    for (let i = 0; i < resources.length; i += RESOURCES_PER_FILTER) {
      batches.push(resources.slice(i, i + RESOURCES_PER_FILTER))
    }
  }
  const out: FindingSummaryV2[] = []
  const seen = new Set<string>()
  for (const batch of batches) {
    const filter = {
      findingType: { eq: FINDING_TYPES },
      status: { eq: ['ACTIVE'] },
      ...(batch ? { resource: { eq: [...batch] } } : {})
    }
    await paginate('ListFindingsV2', async nextToken => {
      const page = await call('ListFindingsV2', () =>
        client.send(
          new ListFindingsV2Command({
            analyzerArn,
            filter,
            ...(nextToken ? { nextToken } : {})
          })
        )
      )
      for (const summary of page.findings ?? []) {
        if (!summary.id || seen.has(summary.id)) continue
        // The filter asked for these already; a finding archived meanwhile is still dropped.
        if (summary.status !== 'ACTIVE') {
          log(`finding ${summary.id} is ${String(summary.status)}, not ACTIVE; left out`)
          continue
        }
        if (!FINDING_TYPES.includes(String(summary.findingType))) continue
        seen.add(summary.id)
        out.push(summary)
      }
      return page.nextToken
    })
  }
  return out
}

async function getFullFinding(
  client: AccessAnalyzerClient,
  analyzerArn: string,
  id: string,
  log: (line: string) => void
): Promise<FindingJson | undefined> {
  let first: GetFindingV2CommandOutput | undefined
  const details: unknown[] = []
  try {
    await paginate('GetFindingV2', async nextToken => {
      const page = await call('GetFindingV2', () =>
        client.send(
          new GetFindingV2Command({ analyzerArn, id, ...(nextToken ? { nextToken } : {}) })
        )
      )
      first ??= page
      details.push(...(page.findingDetails ?? []))
      return page.nextToken
    })
  } catch (error) {
    // Resolved and deleted between the list and the read: nothing left to apply.
    if ((error as { cause?: { name?: string } }).cause?.name === 'ResourceNotFoundException') {
      log(`finding ${id} no longer exists; left out`)
      return undefined
    }
    throw error
  }
  const f = first as GetFindingV2CommandOutput
  return withoutUndefined({
    id: f.id ?? id,
    analyzedAt: f.analyzedAt,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    resource: f.resource,
    resourceType: f.resourceType,
    resourceOwnerAccount: f.resourceOwnerAccount,
    status: f.status,
    findingType: f.findingType,
    error: f.error,
    findingDetails: details.map(toJson)
  })
}

/** Follows `nextToken` until it is absent, refusing a token that repeats. */
export async function paginate(
  operation: AwsOperation,
  fetchPage: (nextToken: string | undefined) => Promise<string | undefined>
): Promise<void> {
  const tokens = new Set<string>()
  let token: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    token = await fetchPage(token)
    if (!token) return
    if (tokens.has(token)) {
      throw new ConfigurationError(
        `${operation} returned the page token "${token}" twice; the service or endpoint is misbehaving`
      )
    }
    tokens.add(token)
  }
  throw new ConfigurationError(`${operation} returned more than ${MAX_PAGES} pages; stopped`)
}

/** Runs one AWS call, turning its failure into a sentence about what to fix. */
export async function call<T>(operation: AwsOperation, send: () => Promise<T>): Promise<T> {
  try {
    return await send()
  } catch (error) {
    throw describeAwsError(error, operation)
  }
}

const CREDENTIAL_REJECTED = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'IncompleteSignature'
])
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation'])
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'])

/**
 * What went wrong with an AWS call, as something the user can act on: the missing permission, the
 * missing credentials or region, an unreachable endpoint. The original error is kept as `cause`.
 */
export function describeAwsError(error: unknown, operation: AwsOperation): ConfigurationError {
  if (error instanceof ConfigurationError) return error
  const e = (error ?? {}) as {
    name?: string
    message?: string
    code?: string
    $metadata?: { httpStatusCode?: number; attempts?: number }
  }
  const name = e.name ?? 'Error'
  const message = e.message ?? String(error)
  const service = operation.endsWith('LastAccessedDetails') ? 'IAM' : 'Access Analyzer'
  const permission = PERMISSIONS[operation]
  let sentence: string
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    sentence =
      `no AWS credentials were found for ${service} ${operation}: configure them (in a workflow, ` +
      'aws-actions/configure-aws-credentials with OIDC and `permissions: id-token: write`; ' +
      'locally, AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)'
  } else if (/region is missing/i.test(message)) {
    sentence = `no AWS region is set for ${service} ${operation}: set AWS_REGION (or the profile's region)`
  } else if (CREDENTIAL_REJECTED.has(name)) {
    sentence = `AWS rejected the credentials for ${service} ${operation} (${name}: ${message}); check or refresh them`
  } else if (DENIED.has(name) || e.$metadata?.httpStatusCode === 403) {
    sentence =
      `${service} denied ${operation}: the AWS credentials need the IAM permission ${permission} ` +
      `(${message})`
  } else if (name === 'ResourceNotFoundException' || name.startsWith('NoSuchEntity')) {
    sentence = `${service} ${operation}: not found (${message}); check the ARN and the region`
  } else if (name === 'ValidationException' || name.startsWith('InvalidInput')) {
    sentence = `${service} ${operation} rejected the request: ${message}`
  } else if (name === 'ThrottlingException' || name === 'Throttling') {
    sentence = `${service} kept throttling ${operation} after ${e.$metadata?.attempts ?? 'several'} attempts; try again later`
  } else if ((e.code && NETWORK.has(e.code)) || name === 'TimeoutError') {
    sentence = `could not reach ${service} for ${operation} (${e.code ?? name}); check the network and any AWS_ENDPOINT_URL_* setting`
  } else {
    sentence = `${service} ${operation} failed (${name}: ${message})`
  }
  return new ConfigurationError(sentence, { cause: error })
}

async function regionOf(client: AccessAnalyzerClient): Promise<string> {
  try {
    return `region ${await client.config.region()}`
  } catch {
    return 'the configured region'
  }
}

/** SDK output to plain JSON: dates as ISO strings, union members the SDK does not know kept. */
export function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(toJson)
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    if (key === '$metadata' || v === undefined) continue
    if (key === '$unknown' && Array.isArray(v) && typeof v[0] === 'string') {
      out[v[0]] = toJson(v[1])
      continue
    }
    out[key] = toJson(v)
  }
  return out
}

function withoutUndefined(record: Record<string, unknown>): FindingJson {
  return toJson(record) as FindingJson
}
