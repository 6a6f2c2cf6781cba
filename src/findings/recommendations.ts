import {
  GenerateFindingRecommendationCommand,
  GetFindingRecommendationCommand,
  type AccessAnalyzerClient,
  type GetFindingRecommendationCommandOutput
} from '@aws-sdk/client-accessanalyzer'
import { ConfigurationError } from '../engine/errors.js'
import type { PrincipalRecommendation } from '../engine/recommendation.js'
import { mapConcurrent } from '../io/live-catalog.js'
import {
  accessAnalyzerSource,
  describeAwsError,
  paginate,
  toJson,
  type AccessAnalyzerOptions,
  type AwsOperation,
  type ExportedFindings
} from './access-analyzer.js'
import { readRecommendation, RECOMMENDATION_KEY } from './parse-recommendation.js'
import type { FindingsSource } from './source.js'

/**
 * IAM Access Analyzer's own recommendation for unused-permission findings: read it
 * (GetFindingRecommendation, every page of its steps), start it where there is none
 * (GenerateFindingRecommendation) and wait for it, within bounds. A recommendation that cannot be
 * had — still in progress at the time limit, FAILED, throttled, denied — is "unavailable" with the
 * reason: the findings and the refinements never depend on it.
 */

/**
 * How long a run waits for recommendations, all findings together. AWS generates one in about 20
 * seconds; three minutes covers a queue of them, and a job step must not hang on an extra.
 */
export const RECOMMENDATIONS_TIME_LIMIT_MS = 180_000

/** The first wait before polling a recommendation in progress; doubled each time... */
export const POLL_FIRST_DELAY_MS = 1_000
/** ...up to this, so that a slow one is asked about every few seconds, not hammered or forgotten. */
export const POLL_MAX_DELAY_MS = 8_000

/** GetFindingRecommendation's largest page (its `maxResults` range is 1 to 1,000). */
export const STEPS_PER_PAGE = 1_000

/** Findings whose recommendations are read at once: AWS's request rate, not the network, limits it. */
export const RECOMMENDATION_CONCURRENCY = 4

export interface RecommendationRequest {
  /** The unused-permission finding's id. */
  readonly id: string
  /** Its principal (the finding's `resource`). */
  readonly resource: string
}

export interface FetchedRecommendation {
  readonly recommendation: PrincipalRecommendation
  /**
   * The response as `aws accessanalyzer get-finding-recommendation` prints it (dates as ISO
   * strings, pages merged), when AWS gave one: what `findings export` writes next to the finding.
   */
  readonly response?: Record<string, unknown>
}

export interface RecommendationOptions {
  readonly log?: (line: string) => void
  /** Overrides RECOMMENDATIONS_TIME_LIMIT_MS. */
  readonly timeLimitMs?: number
}

/** The recommendation of each finding, in order, within one overall time limit. */
export async function fetchRecommendations(
  client: AccessAnalyzerClient,
  analyzerArn: string,
  requests: readonly RecommendationRequest[],
  options: RecommendationOptions = {}
): Promise<FetchedRecommendation[]> {
  const log = options.log ?? (() => undefined)
  const deadline = Date.now() + (options.timeLimitMs ?? RECOMMENDATIONS_TIME_LIMIT_MS)
  const fetched = await mapConcurrent(requests, RECOMMENDATION_CONCURRENCY, request =>
    fetchRecommendation(client, analyzerArn, request, deadline)
  )
  const available = fetched.filter(f => f.recommendation.status === 'available').length
  for (const f of fetched) {
    if (f.recommendation.status === 'unavailable') {
      log(`no recommendation for ${f.recommendation.principal}: ${f.recommendation.reason}`)
    }
  }
  if (requests.length > 0) {
    log(`${available} of ${requests.length} IAM Access Analyzer recommendation(s) read`)
  }
  return fetched
}

async function fetchRecommendation(
  client: AccessAnalyzerClient,
  analyzerArn: string,
  request: RecommendationRequest,
  deadline: number
): Promise<FetchedRecommendation> {
  const { id, resource } = request
  const unavailable = (reason: string): FetchedRecommendation => ({
    recommendation: { principal: resource, status: 'unavailable', reason, source: `finding ${id}` }
  })
  try {
    let first = await getFirstPage(client, analyzerArn, id)
    let generated = false
    // None yet, or an earlier attempt failed: start one (once), then wait for it.
    if (first === undefined || first.status === 'FAILED') {
      await send('GenerateFindingRecommendation', () =>
        client.send(new GenerateFindingRecommendationCommand({ analyzerArn, id }))
      )
      generated = true
      first = await getFirstPage(client, analyzerArn, id)
    }
    let delay = POLL_FIRST_DELAY_MS
    // Right after GenerateFindingRecommendation the service may not list it yet: wait for it too.
    while (
      (first === undefined ? generated : first.status === 'IN_PROGRESS') &&
      Date.now() + delay <= deadline
    ) {
      await sleep(delay)
      delay = Math.min(delay * 2, POLL_MAX_DELAY_MS)
      first = await getFirstPage(client, analyzerArn, id)
    }
    if (first === undefined) {
      return unavailable(
        generated
          ? 'IAM Access Analyzer started the recommendation but did not find it afterwards'
          : 'IAM Access Analyzer has no recommendation for the finding'
      )
    }
    const steps: unknown[] = [...(first.recommendedSteps ?? [])]
    if (first.status === 'SUCCEEDED' && first.nextToken) {
      let token: string | undefined = first.nextToken
      await paginate('GetFindingRecommendation', async () => {
        const page = await getPage(client, analyzerArn, id, token)
        if (page === undefined)
          throw new ConfigurationError('the recommendation disappeared between two pages')
        steps.push(...(page.recommendedSteps ?? []))
        token = page.nextToken
        return token
      })
    }
    const response = toJson({
      startedAt: first.startedAt,
      completedAt: first.completedAt,
      error: first.error,
      resourceArn: first.resourceArn,
      recommendedSteps: steps,
      recommendationType: first.recommendationType,
      status: first.status
    }) as Record<string, unknown>
    const recommendation = readRecommendation(
      response,
      '',
      (path, what) => {
        throw new ConfigurationError(
          `GetFindingRecommendation answered for finding ${id}: ${path}: ${what}`
        )
      },
      `finding ${id}`,
      resource
    )
    if (recommendation.status === 'unavailable' && first.status === 'IN_PROGRESS') {
      return {
        recommendation: {
          ...recommendation,
          reason: `${recommendation.reason}, still in progress at the time limit`
        },
        response
      }
    }
    return { recommendation, response }
  } catch (error) {
    return unavailable(error instanceof ConfigurationError ? error.message : String(error))
  }
}

/** The first page, or undefined when the finding has no recommendation yet. */
function getFirstPage(
  client: AccessAnalyzerClient,
  analyzerArn: string,
  id: string
): Promise<GetFindingRecommendationCommandOutput | undefined> {
  return getPage(client, analyzerArn, id, undefined)
}

async function getPage(
  client: AccessAnalyzerClient,
  analyzerArn: string,
  id: string,
  nextToken: string | undefined
): Promise<GetFindingRecommendationCommandOutput | undefined> {
  try {
    return await client.send(
      new GetFindingRecommendationCommand({
        analyzerArn,
        id,
        maxResults: STEPS_PER_PAGE,
        ...(nextToken ? { nextToken } : {})
      })
    )
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined
    throw describe(error, 'GetFindingRecommendation')
  }
}

async function send<T>(operation: AwsOperation, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw describe(error, operation)
  }
}

/** Throttling and denial as the sentence the verdict shows ("unavailable: …"). */
function describe(error: unknown, operation: AwsOperation): ConfigurationError {
  const name = (error as { name?: string }).name
  if (name === 'ThrottlingException') {
    return new ConfigurationError(
      `IAM Access Analyzer kept throttling ${operation}; the recommendation is unavailable for this run`,
      { cause: error }
    )
  }
  return describeAwsError(error, operation)
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

/**
 * `findings export`: each UnusedPermission finding gets its recommendation next to it, as
 * `findingRecommendation` (the response AWS gave, whatever its status); a finding for which AWS
 * gave none (throttled, denied) goes without, and the log says why.
 */
export async function attachRecommendations(
  client: AccessAnalyzerClient,
  exported: ExportedFindings,
  options: RecommendationOptions = {}
): Promise<ExportedFindings> {
  const requests = exported.findings
    .filter(
      f =>
        f.findingType === 'UnusedPermission' &&
        typeof f.id === 'string' &&
        typeof f.resource === 'string'
    )
    .map(f => ({ id: f.id as string, resource: f.resource as string }))
  const fetched = await fetchRecommendations(client, exported.analyzerArn, requests, options)
  const byId = new Map(requests.map((r, i) => [r.id, fetched[i]?.response]))
  return {
    ...exported,
    findings: exported.findings.map(f => {
      const response = byId.get(String(f.id))
      return response ? { ...f, [RECOMMENDATION_KEY]: response } : f
    })
  }
}

/**
 * The live findings source (input `analyzer-arn`) that also reads recommendations, on demand and
 * only for the principals a run asks about (`recommend`): generating one per finding of a whole
 * account on every pull request would be slow and wasteful.
 */
export function recommendingAccessAnalyzerSource(
  client: AccessAnalyzerClient,
  options: AccessAnalyzerOptions & RecommendationOptions
): FindingsSource {
  const source = accessAnalyzerSource(client, options)
  let requests: RecommendationRequest[] = []
  return {
    description: source.description,
    async load() {
      const parsed = await source.load()
      // A live finding's `sources` is its id; UnusedIAMRole findings have no recommendation.
      requests = parsed.flatMap(p =>
        p.principals
          .filter(u => !u.wholePrincipal)
          .flatMap(u => u.sources.map(id => ({ id, resource: u.principal })))
      )
      return parsed
    },
    async recommend(principals) {
      const wanted = new Set(principals)
      const mine = requests.filter(r => wanted.has(r.resource))
      const analyzerArn = options.analyzerArn
      if (mine.length === 0 || analyzerArn === undefined) return []
      const fetched = await fetchRecommendations(client, analyzerArn, mine, options)
      return fetched.map(f => f.recommendation)
    }
  }
}
