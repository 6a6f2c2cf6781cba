import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  IAMClient,
  type ServiceLastAccessed
} from '@aws-sdk/client-iam'
import { ConfigurationError } from '../engine/errors.js'
import { mapConcurrent } from '../io/live-catalog.js'
import {
  awsClientConfig,
  call,
  paginate,
  type AwsClientOptions,
  type FindingJson
} from './access-analyzer.js'
import { parseFindingObjects, type FindingsSource } from './source.js'

/** A service or tracked action not used for this many days is unused (input `unused-days`). */
export const DEFAULT_UNUSED_DAYS = 90

/** An IAM client from the default chain; AWS_ENDPOINT_URL_IAM is honoured by the SDK itself. */
export function createIamClient(options: AwsClientOptions = {}): IAMClient {
  return new IAMClient(awsClientConfig(options))
}

export interface LastAccessedOptions {
  readonly unusedDays?: number
  /** The end of the window; defaults to the present. */
  readonly now?: Date
  /** How long to wait for IAM's report job before giving up. */
  readonly timeoutMs?: number
  /** The first wait between polls; it grows by half each time, up to 5 s. */
  readonly pollDelayMs?: number
  readonly log?: (line: string) => void
}

/** One principal's report, as IAM returned it once the job completed. */
export interface LastAccessedReport {
  readonly principal: string
  readonly jobCreationDate?: Date
  readonly jobCompletionDate?: Date
  readonly services: readonly ServiceLastAccessed[]
}

const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/.+$/

/**
 * Unused access from IAM's free last-accessed data, for accounts without an unused-access
 * analyzer: one GetFindingV2-shaped UnusedPermission finding per principal with something unused.
 */
export async function lastAccessedFindings(
  client: IAMClient,
  principals: readonly string[],
  options: LastAccessedOptions = {}
): Promise<FindingJson[]> {
  const unusedDays = options.unusedDays ?? DEFAULT_UNUSED_DAYS
  if (!Number.isInteger(unusedDays) || unusedDays < 1) {
    throw new ConfigurationError(
      `unused-days must be a whole number of days, 1 or more; got ${unusedDays}`
    )
  }
  for (const arn of principals) {
    if (!PRINCIPAL_ARN.test(arn)) {
      throw new ConfigurationError(
        `"${arn}" is not the ARN of an IAM role or user (arn:aws:iam::123456789012:role/Name)`
      )
    }
  }
  const log = options.log ?? (() => undefined)
  const now = options.now ?? new Date()
  const reports = await mapConcurrent([...new Set(principals)], 4, arn =>
    readLastAccessedReport(client, arn, options)
  )
  const findings: FindingJson[] = []
  for (const report of reports) {
    const finding = unusedFromLastAccessed(report, { unusedDays, now })
    if (finding) findings.push(finding)
    else
      log(
        `${report.principal}: every service and tracked action was used within ${unusedDays} days`
      )
  }
  return findings
}

/** IAM's last-accessed data as a findings source (command line `--last-accessed`). */
export function lastAccessedSource(
  client: IAMClient,
  principals: readonly string[],
  options: LastAccessedOptions = {}
): FindingsSource {
  return {
    description: `IAM last-accessed data of ${principals.join(', ')}`,
    async load() {
      const findings = await lastAccessedFindings(client, principals, options)
      return [parseFindingObjects(findings, 'IAM last-accessed data')]
    }
  }
}

/** Starts IAM's ACTION_LEVEL report job for one principal, waits for it, and reads every page. */
export async function readLastAccessedReport(
  client: IAMClient,
  principal: string,
  options: LastAccessedOptions = {}
): Promise<LastAccessedReport> {
  const { JobId: jobId } = await call('GenerateServiceLastAccessedDetails', () =>
    client.send(
      new GenerateServiceLastAccessedDetailsCommand({ Arn: principal, Granularity: 'ACTION_LEVEL' })
    )
  )
  if (!jobId) throw new ConfigurationError(`IAM started no last-accessed job for ${principal}`)
  const timeoutMs = options.timeoutMs ?? 60_000
  const deadline = Date.now() + timeoutMs
  let delay = options.pollDelayMs ?? 1_000
  for (;;) {
    const first = await call('GetServiceLastAccessedDetails', () =>
      client.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId }))
    )
    if (first.JobStatus === 'FAILED') {
      throw new ConfigurationError(
        `IAM's last-accessed report for ${principal} failed: ${first.Error?.Message ?? 'no reason given'}` +
          (first.Error?.Code ? ` (${first.Error.Code})` : '')
      )
    }
    if (first.JobStatus === 'COMPLETED') {
      const services = [...(first.ServicesLastAccessed ?? [])]
      if (first.IsTruncated && first.Marker) {
        const firstMarker = first.Marker
        await paginate('GetServiceLastAccessedDetails', async marker => {
          const page = await call('GetServiceLastAccessedDetails', () =>
            client.send(
              new GetServiceLastAccessedDetailsCommand({
                JobId: jobId,
                Marker: marker ?? firstMarker
              })
            )
          )
          services.push(...(page.ServicesLastAccessed ?? []))
          return page.IsTruncated ? page.Marker : undefined
        })
      }
      return {
        principal,
        services,
        ...(first.JobCreationDate ? { jobCreationDate: first.JobCreationDate } : {}),
        ...(first.JobCompletionDate ? { jobCompletionDate: first.JobCompletionDate } : {})
      }
    }
    if (Date.now() + delay > deadline) {
      throw new ConfigurationError(
        `IAM's last-accessed report for ${principal} did not finish within ${timeoutMs / 1000} s; try again later`
      )
    }
    await new Promise(resolve => setTimeout(resolve, delay))
    delay = Math.min(delay * 1.5, 5_000)
  }
}

/**
 * The unused access a report shows, in the shape of a GetFindingV2 UnusedPermission finding. A
 * service without an authentication inside the window is unused as a whole; inside a used service,
 * only a tracked action without an access inside the window is unused — IAM does not track every
 * action, and an untracked one may well be in use.
 */
export function unusedFromLastAccessed(
  report: LastAccessedReport,
  { unusedDays, now }: { unusedDays: number; now: Date }
): FindingJson | undefined {
  const cutoff = now.getTime() - unusedDays * 86_400_000
  const unusedSince = (date: Date | undefined) => date === undefined || date.getTime() < cutoff
  const details: Record<string, unknown>[] = []
  for (const service of report.services) {
    const namespace = service.ServiceNamespace
    if (!namespace) continue
    if (unusedSince(service.LastAuthenticated)) {
      details.push({
        unusedPermissionDetails: {
          serviceNamespace: namespace,
          ...(service.LastAuthenticated
            ? { lastAccessed: service.LastAuthenticated.toISOString() }
            : {})
        }
      })
      continue
    }
    const actions: Record<string, unknown>[] = []
    for (const tracked of service.TrackedActionsLastAccessed ?? []) {
      const name = actionName(tracked.ActionName, namespace)
      if (name === undefined || !unusedSince(tracked.LastAccessedTime)) continue
      actions.push({
        action: name,
        ...(tracked.LastAccessedTime
          ? { lastAccessed: tracked.LastAccessedTime.toISOString() }
          : {})
      })
    }
    if (actions.length > 0) {
      details.push({
        unusedPermissionDetails: {
          serviceNamespace: namespace,
          actions,
          lastAccessed: (service.LastAuthenticated as Date).toISOString()
        }
      })
    }
  }
  if (details.length === 0) return undefined
  const parts = report.principal.split(':')
  const analyzed = (report.jobCompletionDate ?? now).toISOString()
  return {
    id: `last-accessed:${report.principal}`,
    analyzedAt: analyzed,
    createdAt: (report.jobCreationDate ?? now).toISOString(),
    updatedAt: analyzed,
    resource: report.principal,
    resourceType: parts[5]?.startsWith('user/') ? 'AWS::IAM::User' : 'AWS::IAM::Role',
    resourceOwnerAccount: parts[4] ?? '',
    status: 'ACTIVE',
    findingType: 'UnusedPermission',
    findingDetails: details
  }
}

/** A tracked action's name without its service prefix; one of another service is not ours. */
function actionName(raw: string | undefined, namespace: string): string | undefined {
  if (!raw) return undefined
  const colon = raw.indexOf(':')
  if (colon < 0) return raw
  return raw.slice(0, colon).toLowerCase() === namespace.toLowerCase()
    ? raw.slice(colon + 1)
    : undefined
}
