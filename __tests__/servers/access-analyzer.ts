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
      case 'CheckNoNewAccess':
        return send(res, 200, state.checkNoNewAccess(body ?? {}))
      case 'CheckAccessNotGranted':
        return send(res, 200, state.checkAccessNotGranted(body ?? {}))
    }
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

function route(method: string, path: string): string | undefined {
  if (method === 'GET' && path === '/analyzer') return 'ListAnalyzers'
  if (method === 'POST' && path === '/findingv2') return 'ListFindingsV2'
  if (method === 'GET' && path.startsWith('/findingv2/')) return 'GetFindingV2'
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
