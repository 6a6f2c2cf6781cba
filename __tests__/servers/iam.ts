import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback IAM speaking the query protocol as @aws-sdk/client-iam does: a form-encoded POST with
 * `Action` and `Version`, an XML `<ActionResponse><ActionResult>` answer with lists as `<member>`
 * elements, and errors as `<ErrorResponse><Error><Code>`. Only the last-accessed calls are served.
 */

export interface FakeTrackedAction {
  ActionName: string
  LastAccessedTime?: string
}

export interface FakeService {
  ServiceNamespace: string
  ServiceName?: string
  LastAuthenticated?: string
  TrackedActionsLastAccessed?: FakeTrackedAction[]
}

export interface IamState {
  /** What each principal's report holds. */
  reports: Map<string, FakeService[]>
  /** GetServiceLastAccessedDetails answers IN_PROGRESS this many times per job first. */
  pollsBeforeDone: number
  /** Principals whose job fails, with IAM's message. */
  failing: Map<string, string>
  servicesPerPage: number
  deny: Set<string>
  throttle: Partial<Record<string, number>>
  requests: { action: string; params: URLSearchParams; at: number }[]
}

export interface IamServer {
  url: string
  state: IamState
  calls(action: string): { action: string; params: URLSearchParams; at: number }[]
  close(): Promise<void>
}

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/'

export async function startIam(init: Partial<IamState> = {}): Promise<IamServer> {
  const state: IamState = {
    reports: new Map(),
    pollsBeforeDone: 0,
    failing: new Map(),
    servicesPerPage: 100,
    deny: new Set(),
    throttle: {},
    requests: [],
    ...init
  }
  const jobs = new Map<string, { arn: string; polls: number }>()

  const server: Server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', chunk => (raw += chunk))
    req.on('end', () => {
      const params = new URLSearchParams(raw)
      const action = params.get('Action') ?? ''
      state.requests.push({ action, params, at: Date.now() })
      if (req.method !== 'POST' || params.get('Version') !== '2010-05-08') {
        return fail(res, 400, 'InvalidAction', `not a query-protocol request: ${req.method} ${raw}`)
      }
      if (state.deny.has(action)) {
        return fail(
          res,
          403,
          'AccessDenied',
          `User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: iam:${action}`
        )
      }
      const left = state.throttle[action] ?? 0
      if (left > 0) {
        state.throttle[action] = left - 1
        return fail(res, 400, 'Throttling', 'Rate exceeded')
      }
      if (action === 'GenerateServiceLastAccessedDetails') {
        const arn = params.get('Arn') ?? ''
        if (params.get('Granularity') !== 'ACTION_LEVEL') {
          return fail(res, 400, 'InvalidInput', 'expected ACTION_LEVEL granularity')
        }
        if (!state.reports.has(arn) && !state.failing.has(arn)) {
          return fail(
            res,
            404,
            'NoSuchEntity',
            `The role with name ${arn.split('/').pop()} cannot be found.`
          )
        }
        const jobId = `job-${jobs.size + 1}`
        jobs.set(jobId, { arn, polls: 0 })
        return ok(res, action, `<JobId>${jobId}</JobId>`)
      }
      if (action === 'GetServiceLastAccessedDetails') {
        const job = jobs.get(params.get('JobId') ?? '')
        if (!job) return fail(res, 404, 'NoSuchEntity', 'no such job')
        const dates =
          '<JobType>ACTION_LEVEL</JobType><JobCreationDate>2026-11-01T00:00:00Z</JobCreationDate>'
        if (job.polls++ < state.pollsBeforeDone) {
          return ok(
            res,
            action,
            `<JobStatus>IN_PROGRESS</JobStatus>${dates}<ServicesLastAccessed/>`
          )
        }
        const failure = state.failing.get(job.arn)
        if (failure !== undefined) {
          return ok(
            res,
            action,
            `<JobStatus>FAILED</JobStatus>${dates}<JobCompletionDate>2026-11-01T00:00:05Z</JobCompletionDate>` +
              `<ServicesLastAccessed/><Error><Message>${xml(failure)}</Message><Code>InternalFailure</Code></Error>`
          )
        }
        const services = state.reports.get(job.arn) ?? []
        const marker = params.get('Marker')
        const start = marker ? Number(marker.slice('m-'.length)) : 0
        const page = services.slice(start, start + state.servicesPerPage)
        const more = start + state.servicesPerPage < services.length
        return ok(
          res,
          action,
          `<JobStatus>COMPLETED</JobStatus>${dates}<JobCompletionDate>2026-11-01T00:00:05Z</JobCompletionDate>` +
            `<IsTruncated>${more}</IsTruncated>` +
            (more ? `<Marker>m-${start + state.servicesPerPage}</Marker>` : '') +
            `<ServicesLastAccessed>${page.map(serviceXml).join('')}</ServicesLastAccessed>`
        )
      }
      return fail(res, 400, 'InvalidAction', `unsupported action ${action}`)
    })
  })

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    calls: action => state.requests.filter(r => r.action === action),
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}

function serviceXml(s: FakeService): string {
  const tracked = s.TrackedActionsLastAccessed
  return (
    '<member>' +
    `<ServiceName>${xml(s.ServiceName ?? s.ServiceNamespace)}</ServiceName>` +
    `<ServiceNamespace>${xml(s.ServiceNamespace)}</ServiceNamespace>` +
    (s.LastAuthenticated
      ? `<LastAuthenticated>${s.LastAuthenticated}</LastAuthenticated>` +
        '<LastAuthenticatedRegion>us-east-1</LastAuthenticatedRegion>'
      : '') +
    `<TotalAuthenticatedEntities>${s.LastAuthenticated ? 1 : 0}</TotalAuthenticatedEntities>` +
    (tracked
      ? '<TrackedActionsLastAccessed>' +
        tracked
          .map(
            a =>
              `<member><ActionName>${xml(a.ActionName)}</ActionName>` +
              (a.LastAccessedTime
                ? `<LastAccessedTime>${a.LastAccessedTime}</LastAccessedTime><LastAccessedRegion>us-east-1</LastAccessedRegion>`
                : '') +
              '</member>'
          )
          .join('') +
        '</TrackedActionsLastAccessed>'
      : '') +
    '</member>'
  )
}

function ok(res: ServerResponse, action: string, result: string): void {
  send(
    res,
    200,
    `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></${action}Response>`
  )
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  send(
    res,
    status,
    `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${xml(message)}</Message></Error><RequestId>7a62c49f-EXAMPLE</RequestId></ErrorResponse>`
  )
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
