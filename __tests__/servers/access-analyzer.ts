import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback IAM Access Analyzer speaking restJson1 as @aws-sdk/client-accessanalyzer does (paths,
 * methods and field names from its serializers; errors as a status, an `x-amzn-errortype` header
 * and a JSON body with `message`). It holds analyzers and findings and records every request.
 */

export interface FakeFinding {
  id: string
  resource: string
  findingType: string
  status: string
  /** Every detail; served `detailsPerPage` at a time. */
  findingDetails: Record<string, unknown>[]
  resourceType?: string
  analyzedAt?: string
  createdAt?: string
  updatedAt?: string
}

export interface FakeAnalyzer {
  arn: string
  name: string
  type: string
  status: string
  /** As ListAnalyzers returns it: `{unusedAccess: {unusedAccessAge, analysisRule}}`. */
  configuration?: Record<string, unknown>
}

export type CheckResult = { result: 'PASS' | 'FAIL'; message?: string; reasons?: unknown[] }

/** One `unusedPermissionsRecommendedStep`, as the service serializes it. */
export interface FakeStep {
  recommendedAction: 'CREATE_POLICY' | 'DETACH_POLICY'
  recommendedPolicy?: string
  existingPolicyId?: string
  policyUpdatedAt?: string
}

/** What GenerateFindingRecommendation will make of a finding. */
export interface FakeOutcome {
  /** SUCCEEDED with these steps (the default: no steps). */
  steps?: FakeStep[]
  /** FAILED with this error instead. */
  error?: { code: string; message: string }
  /** GetFindingRecommendation answers IN_PROGRESS this many times first (default 1). */
  pollsInProgress?: number
}

/** A recommendation the service holds for a finding. */
export interface FakeRecommendation {
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED'
  resourceArn: string
  steps: FakeStep[]
  error?: { code: string; message: string }
  startedAt: string
  completedAt?: string
  /** IN_PROGRESS answers left before it completes with `outcome`. */
  pollsLeft: number
  outcome: FakeOutcome
}

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  body: Record<string, unknown> | undefined
  headers: IncomingMessage['headers']
}

export interface AccessAnalyzerState {
  analyzers: FakeAnalyzer[]
  findings: FakeFinding[]
  /** ListFindingsV2 page size. */
  findingsPerPage: number
  detailsPerPage: number
  analyzersPerPage: number
  /** The service ignores the status filter (to prove the client drops archived findings). */
  ignoreStatusFilter: boolean
  /** Operations to throttle: the first `count` calls answer ThrottlingException. */
  throttle: Partial<Record<string, number>>
  /** Operations that answer AccessDeniedException. */
  deny: Set<string>
  /** Operations that answer another error. */
  errors: Partial<Record<string, { status: number; type: string; message: string }>>
  checkNoNewAccess: (body: Record<string, unknown>) => CheckResult
  checkAccessNotGranted: (body: Record<string, unknown>) => CheckResult
  /** Recommendations already generated, by finding id. */
  recommendations: Record<string, FakeRecommendation>
  /** What generating a finding's recommendation produces, by finding id. */
  outcomes: Record<string, FakeOutcome>
  /** GetFindingRecommendation steps per page, at most (the request's maxResults may lower it). */
  stepsPerPage: number
  requests: RecordedRequest[]
}

export interface AccessAnalyzerServer {
  url: string
  state: AccessAnalyzerState
  /** Requests of one operation, in order. */
  calls(operation: string): RecordedRequest[]
  /** Back to the state a new server starts with (for a beforeEach). */
  reset(): void
  close(): Promise<void>
}

/** What a new server holds: one active account analyzer, no findings, every check PASS. */
function initialState(): AccessAnalyzerState {
  return {
    analyzers: [
      { arn: ANALYZER_ARN, name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE' }
    ],
    findings: [],
    findingsPerPage: 100,
    detailsPerPage: 100,
    analyzersPerPage: 100,
    ignoreStatusFilter: false,
    throttle: {},
    deny: new Set(),
    errors: {},
    checkNoNewAccess: () => ({ result: 'PASS', message: 'The policy does not grant new access.' }),
    checkAccessNotGranted: () => ({ result: 'PASS', message: 'The policy does not grant access.' }),
    recommendations: {},
    outcomes: {},
    stepsPerPage: 100,
    requests: []
  }
}

export const ANALYZER_ARN = 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/unused'

export async function startAccessAnalyzer(
  init: Partial<AccessAnalyzerState> = {}
): Promise<AccessAnalyzerServer> {
  const state: AccessAnalyzerState = { ...initialState(), ...init }
  const operationOf = new WeakMap<RecordedRequest, string>()

  const server: Server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', chunk => (raw += chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        body,
        headers: req.headers
      }
      state.requests.push(recorded)
      const operation = route(req.method ?? '', url.pathname)
      operationOf.set(recorded, operation ?? 'unknown')
      if (!operation) return send(res, 404, { message: `no route ${req.method} ${url.pathname}` })
      if (state.deny.has(operation)) {
        return error(
          res,
          403,
          'AccessDeniedException',
          `User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: ${operation}`
        )
      }
      const failure = state.errors[operation]
      if (failure) return error(res, failure.status, failure.type, failure.message)
      const left = state.throttle[operation] ?? 0
      if (left > 0) {
        state.throttle[operation] = left - 1
        return error(res, 429, 'ThrottlingException', 'Rate exceeded')
      }
      handle(operation, url, body, res)
    })
  })

  function handle(
    operation: string,
    url: URL,
    body: Record<string, unknown> | undefined,
    res: ServerResponse
  ): void {
    switch (operation) {
      case 'ListAnalyzers': {
        const type = url.searchParams.get('type')
        const all = state.analyzers.filter(a => !type || a.type === type)
        const { page, nextToken } = slice(
          all,
          url.searchParams.get('nextToken'),
          state.analyzersPerPage
        )
        return send(res, 200, {
          analyzers: page.map(a => ({ ...a, createdAt: '2026-01-01T00:00:00Z' })),
          ...(nextToken ? { nextToken } : {})
        })
      }
      case 'ListFindingsV2': {
        if (!state.analyzers.some(a => a.arn === body?.analyzerArn)) {
          return error(
            res,
            404,
            'ResourceNotFoundException',
            `Analyzer ${String(body?.analyzerArn)} not found`
          )
        }
        const filter = (body?.filter ?? {}) as Record<string, { eq?: string[] }>
        const matching = state.findings.filter(f => {
          for (const [key, criterion] of Object.entries(filter)) {
            if (key === 'status' && state.ignoreStatusFilter) continue
            const value = (f as unknown as Record<string, unknown>)[key]
            if (criterion.eq && !criterion.eq.includes(String(value))) return false
          }
          return true
        })
        const { page, nextToken } = slice(
          matching,
          (body?.nextToken as string | undefined) ?? null,
          state.findingsPerPage
        )
        return send(res, 200, {
          findings: page.map(f => summary(f)),
          ...(nextToken ? { nextToken } : {})
        })
      }
      case 'GetFindingV2': {
        const id = decodeURIComponent(url.pathname.slice('/findingv2/'.length))
        const finding = state.findings.find(f => f.id === id)
        if (!finding) return error(res, 404, 'ResourceNotFoundException', `Finding ${id} not found`)
        const { page, nextToken } = slice(
          finding.findingDetails,
          url.searchParams.get('nextToken'),
          state.detailsPerPage
        )
        return send(res, 200, {
          ...summary(finding),
          findingDetails: page,
          ...(nextToken ? { nextToken } : {})
        })
      }
      case 'GenerateFindingRecommendation': {
        const id = decodeURIComponent(url.pathname.slice('/recommendation/'.length))
        const invalid = validateRecommendationRequest(url, id, false)
        if (invalid) return validation(res, invalid.message, invalid.field)
        const finding = state.findings.find(f => f.id === id)
        if (!finding || finding.findingType !== 'UnusedPermission') {
          return validation(
            res,
            finding
              ? 'Recommendations are only supported for UnusedPermission findings.'
              : `Finding ${id} does not exist.`,
            'id'
          )
        }
        const outcome = state.outcomes[id] ?? {}
        state.recommendations[id] = {
          status: 'IN_PROGRESS',
          resourceArn: finding.resource,
          steps: [],
          startedAt: '2026-10-02T09:00:00Z',
          pollsLeft: outcome.pollsInProgress ?? 1,
          outcome
        }
        return send(res, 200, {})
      }
      case 'GetFindingRecommendation': {
        const id = decodeURIComponent(url.pathname.slice('/recommendation/'.length))
        const invalid = validateRecommendationRequest(url, id, true)
        if (invalid) return validation(res, invalid.message, invalid.field)
        const recommendation = state.recommendations[id]
        if (!recommendation) {
          return error(
            res,
            404,
            'ResourceNotFoundException',
            `Recommendation for finding ${id} not found`
          )
        }
        if (recommendation.status === 'IN_PROGRESS') {
          if (recommendation.pollsLeft > 0) recommendation.pollsLeft--
          else complete(recommendation)
        }
        const base = {
          startedAt: recommendation.startedAt,
          resourceArn: recommendation.resourceArn,
          recommendationType: 'UnusedPermissionRecommendation',
          status: recommendation.status,
          ...(recommendation.completedAt ? { completedAt: recommendation.completedAt } : {}),
          ...(recommendation.error ? { error: recommendation.error } : {})
        }
        if (recommendation.status !== 'SUCCEEDED') return send(res, 200, base)
        const size = Math.min(state.stepsPerPage, Number(url.searchParams.get('maxResults') ?? 100))
        const token = url.searchParams.get('nextToken')
        if (token !== null && !/^page-\d+$/.test(token)) {
          return validation(res, 'Invalid pagination token.', 'nextToken')
        }
        const { page, nextToken } = slice(recommendation.steps, token, size)
        return send(res, 200, {
          ...base,
          recommendedSteps: page.map(step => ({ unusedPermissionsRecommendedStep: step })),
          ...(nextToken ? { nextToken } : {})
        })
      }
      case 'CheckNoNewAccess':
        return send(res, 200, state.checkNoNewAccess(body ?? {}))
      case 'CheckAccessNotGranted':
        return send(res, 200, state.checkAccessNotGranted(body ?? {}))
    }
  }

  /** What the service checks on both recommendation calls, as AWS's model constrains them. */
  function validateRecommendationRequest(
    url: URL,
    id: string,
    paged: boolean
  ): { message: string; field: string } | undefined {
    const analyzerArn = url.searchParams.get('analyzerArn')
    if (
      analyzerArn === null ||
      !/^[^:]*:[^:]*:[^:]*:[^:]*:[^:]*:analyzer\/.{1,255}$/.test(analyzerArn)
    ) {
      return { message: 'Invalid analyzer ARN.', field: 'analyzerArn' }
    }
    if (!state.analyzers.some(a => a.arn === analyzerArn)) {
      return { message: `Analyzer ${analyzerArn} does not exist.`, field: 'analyzerArn' }
    }
    if (id.length < 1 || id.length > 2048) return { message: 'Invalid id.', field: 'id' }
    if (paged) {
      const max = url.searchParams.get('maxResults')
      if (max !== null && !(/^\d+$/.test(max) && Number(max) >= 1 && Number(max) <= 1000)) {
        return { message: 'maxResults must be between 1 and 1000.', field: 'maxResults' }
      }
    }
    return undefined
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    calls: operation => state.requests.filter(r => operationOf.get(r) === operation),
    reset: () => void Object.assign(state, initialState()),
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}

function complete(recommendation: FakeRecommendation): void {
  const { outcome } = recommendation
  recommendation.completedAt = '2026-10-02T09:00:20Z'
  if (outcome.error) {
    recommendation.status = 'FAILED'
    recommendation.error = outcome.error
  } else {
    recommendation.status = 'SUCCEEDED'
    recommendation.steps = outcome.steps ?? []
  }
}

/** A recommendation as the service holds it once generated (for a test's initial state). */
export function succeeded(resourceArn: string, steps: FakeStep[]): FakeRecommendation {
  return {
    status: 'SUCCEEDED',
    resourceArn,
    steps,
    startedAt: '2026-10-01T09:00:00Z',
    completedAt: '2026-10-01T09:00:18Z',
    pollsLeft: 0,
    outcome: { steps }
  }
}

function route(method: string, path: string): string | undefined {
  if (method === 'GET' && path === '/analyzer') return 'ListAnalyzers'
  if (method === 'POST' && path === '/findingv2') return 'ListFindingsV2'
  if (method === 'GET' && path.startsWith('/findingv2/')) return 'GetFindingV2'
  if (method === 'POST' && path.startsWith('/recommendation/'))
    return 'GenerateFindingRecommendation'
  if (method === 'GET' && path.startsWith('/recommendation/')) return 'GetFindingRecommendation'
  if (method === 'POST' && path === '/policy/check-no-new-access') return 'CheckNoNewAccess'
  if (method === 'POST' && path === '/policy/check-access-not-granted')
    return 'CheckAccessNotGranted'
  return undefined
}

function summary(f: FakeFinding): Record<string, unknown> {
  return {
    id: f.id,
    resource: f.resource,
    resourceType:
      f.resourceType ?? (f.resource.includes(':user/') ? 'AWS::IAM::User' : 'AWS::IAM::Role'),
    resourceOwnerAccount: f.resource.split(':')[4],
    status: f.status,
    findingType: f.findingType,
    analyzedAt: f.analyzedAt ?? '2026-10-01T12:00:00Z',
    createdAt: f.createdAt ?? '2026-09-01T12:00:00Z',
    updatedAt: f.updatedAt ?? '2026-10-01T12:00:00Z'
  }
}

/** Pages by offset; the token is opaque to the client. */
function slice<T>(all: readonly T[], token: string | null, size: number) {
  const start = token ? Number(token.slice('page-'.length)) : 0
  const page = all.slice(start, start + size)
  const next = start + size < all.length ? `page-${start + size}` : undefined
  return { page, nextToken: next }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}

function error(res: ServerResponse, status: number, type: string, message: string): void {
  const text = JSON.stringify({ message })
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-errortype': type,
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}

/** A ValidationException as Access Analyzer sends it: `reason` and the failing field. */
function validation(res: ServerResponse, message: string, field: string): void {
  const text = JSON.stringify({
    message,
    reason: 'fieldValidationFailed',
    fieldList: [{ name: field, message }]
  })
  res.writeHead(400, {
    'content-type': 'application/json',
    'x-amzn-errortype': 'ValidationException',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}

/** The variables AWS tests set: dummy credentials, a region, no instance metadata, no profile files. */
export const AWS_TEST_ENV: Record<string, string | undefined> = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: undefined,
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: undefined,
  AWS_PROFILE: undefined,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_ROLE_ARN: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined
}

/** Sets (or, for undefined, unsets) environment variables; returns what puts them back. */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved = new Map<string, string | undefined>()
  for (const [name, value] of Object.entries(vars)) {
    saved.set(name, process.env[name])
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}
