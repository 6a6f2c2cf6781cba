import { isRecord } from '../engine/catalog.js'
import { ConfigurationError } from '../engine/errors.js'
import type { PrincipalRecommendation } from '../engine/recommendation.js'
import type { PrincipalUnused, UnusedAction, UnusedService } from '../engine/unused.js'
import {
  isRecommendationResponse,
  readRecommendation,
  RECOMMENDATION_KEY
} from './parse-recommendation.js'

/** What one findings file holds, in the engine's model. */
export interface ParsedFindings {
  /**
   * Unused access per principal. A per-principal list (the second form) has the empty principal
   * `''`: the caller assigns it from `--principal` or the configuration.
   */
  readonly principals: PrincipalUnused[]
  /** Findings read but not applied, and why (archived, other finding types). */
  readonly notes: string[]
  /**
   * Principals the analyzer has looked at: every one a finding of any status or type names. A
   * principal none names was perhaps never analyzed, so its policies count as unchecked.
   */
  readonly covered: string[]
  /**
   * Accounts whose every role and user the analyzer covers (an account analyzer's own account,
   * as `iam-refine findings export` records it): a principal there without a finding uses
   * everything it is allowed.
   */
  readonly coveredAccounts: string[]
  /**
   * IAM Access Analyzer's own recommendations: a saved `GetFindingRecommendation` response, or the
   * `findingRecommendation` that `iam-refine findings export` writes next to a finding.
   */
  readonly recommendations?: readonly PrincipalRecommendation[]
}

const SERVICE = /^[a-z0-9-]{1,64}$/i
const ACTION = /^[A-Za-z0-9_-]{1,128}$/

/**
 * The shapes a findings file's fields must have. A findings file may come from a pull request or
 * an artifact, and its fields reach comments and logs: anything else is refused with the path.
 */
export const FINDING_FIELDS = {
  /** Access Analyzer finding ids are UUIDs; last-accessed exports use `last-accessed:<ARN>`. */
  id: /^[A-Za-z0-9][\w.:/+=,@-]{0,700}$/,
  /** An IAM role or user: optional path of printable ASCII, then a name (IAM's own rules). */
  resource:
    /^arn:aws[a-z-]{0,16}:iam::\d{12}:(role|user)\/(?:[\x21-\x7e]{0,510}\/)?[\w+=,.@-]{1,128}$/,
  /** ISO 8601 as Access Analyzer writes it. */
  date: /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  account: /^\d{12}$/
} as const

/** Access Analyzer's finding types (FindingType) and statuses (FindingStatus). */
const FINDING_TYPES = new Set([
  'UnusedPermission',
  'UnusedIAMRole',
  'UnusedIAMUserAccessKey',
  'UnusedIAMUserPassword',
  'ExternalAccess',
  'InternalAccess'
])
const STATUSES = new Set(['ACTIVE', 'ARCHIVED', 'RESOLVED'])

/** What a source knows about where its findings come from, beyond the findings themselves. */
export interface FindingsOrigin {
  /** The analyzer the findings were read from (live Access Analyzer). */
  readonly analyzerArn?: string
}

/**
 * Reads a findings file's parsed JSON, detecting its form by shape: a `GetFindingV2` response, an
 * array of them, `{"findings": [...]}` of them, or the per-principal list
 * `[{"serviceNamespace": "s3", "actions": [...]}]` — or a `GetFindingRecommendation` response as
 * `aws accessanalyzer get-finding-recommendation` prints it, which belongs to the principal its
 * `resourceArn` names. Errors name `file` and the JSON path.
 */
export function parseFindings(
  value: unknown,
  file: string,
  origin: FindingsOrigin = {}
): ParsedFindings {
  const parsed = parseFindingsOf(value, file)
  const analyzerArn = origin.analyzerArn
  if (analyzerArn === undefined) return parsed
  return {
    ...parsed,
    principals: parsed.principals.map(p => ({ ...p, analyzers: [analyzerArn] }))
  }
}

function parseFindingsOf(value: unknown, file: string): ParsedFindings {
  const fail = (path: string, what: string): never => {
    throw new ConfigurationError(`${file}: ${path ? `${path}: ` : ''}${what}`)
  }
  if (isRecommendationResponse(value)) {
    return {
      principals: [],
      notes: [],
      covered: [],
      coveredAccounts: [],
      recommendations: [readRecommendation(value, '', fail, file)]
    }
  }
  if (isRecord(value) && Array.isArray(value.findings)) {
    const parsed = readFindingList(value.findings, 'findings', file, fail)
    return {
      ...parsed,
      covered: [...parsed.covered, ...readPrincipals(value.coveredPrincipals, fail)],
      coveredAccounts: readAccounts(value.coveredAccounts, fail)
    }
  }
  if (isRecord(value)) return readFindingList([value], '', file, fail, true)
  if (!Array.isArray(value)) {
    return fail(
      '',
      'expected a GetFindingV2 finding, a list of them, or a per-principal list of services'
    )
  }
  if (value.length === 0) {
    return {
      principals: [],
      notes: [`${file}: holds no findings`],
      covered: [],
      coveredAccounts: []
    }
  }
  const first = value[0]
  if (isRecord(first) && 'serviceNamespace' in first && !('findingType' in first)) {
    const services = value.map((s, i) => readService(s, `[${i}]`, fail, false))
    return {
      principals: [{ principal: '', wholePrincipal: false, services, sources: [file] }],
      notes: [],
      covered: [],
      coveredAccounts: []
    }
  }
  return readFindingList(value, '', file, fail)
}

function readPrincipals(value: unknown, fail: Fail): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) return fail('coveredPrincipals', 'must be a list of role or user ARNs')
  return value.map((a, i) =>
    typeof a === 'string' && FINDING_FIELDS.resource.test(a)
      ? a
      : fail(`coveredPrincipals[${i}]`, 'must be the ARN of an IAM role or user')
  )
}

function readAccounts(value: unknown, fail: Fail): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) return fail('coveredAccounts', 'must be a list of account ids')
  return value.map((a, i) =>
    typeof a === 'string' && FINDING_FIELDS.account.test(a)
      ? a
      : fail(`coveredAccounts[${i}]`, 'must be a 12-digit account id')
  )
}

type Fail = (path: string, what: string) => never

function readFindingList(
  list: unknown[],
  base: string,
  file: string,
  fail: Fail,
  single = false
): ParsedFindings {
  const principals: PrincipalUnused[] = []
  const notes: string[] = []
  const covered: string[] = []
  const recommendations: PrincipalRecommendation[] = []
  list.forEach((finding, i) => {
    const path = single ? base : `${base}[${i}]`
    if (!isRecord(finding)) return fail(path, 'a finding must be an object')
    const type = finding.findingType
    const resource = finding.resource
    const status = finding.status
    if (typeof type !== 'string') {
      return fail(
        path,
        'has no "findingType"; expected a GetFindingV2 response (aws accessanalyzer get-finding-v2)'
      )
    }
    if (!FINDING_TYPES.has(type)) {
      return fail(`${path}.findingType`, `is not one of Access Analyzer's finding types`)
    }
    if (typeof resource !== 'string' || !FINDING_FIELDS.resource.test(resource)) {
      return fail(`${path}.resource`, 'must be the ARN of an IAM role or user')
    }
    if (
      finding.id !== undefined &&
      (typeof finding.id !== 'string' || !FINDING_FIELDS.id.test(finding.id))
    ) {
      return fail(`${path}.id`, 'must be a finding id (a UUID, or last-accessed:<ARN>)')
    }
    if (typeof status !== 'string' || !STATUSES.has(status)) {
      return fail(`${path}.status`, 'must be ACTIVE, ARCHIVED or RESOLVED')
    }
    for (const key of ['analyzedAt', 'updatedAt', 'createdAt'] as const) {
      readDate(finding[key], `${path}.${key}`, fail)
    }
    covered.push(resource)
    const id = typeof finding.id === 'string' ? finding.id : `${file}${path}`
    if (status !== 'ACTIVE') {
      notes.push(`${file}: finding ${id} for ${resource} is ${status}, not ACTIVE; not applied`)
      return
    }
    const since = firstString(finding.analyzedAt, finding.updatedAt, finding.createdAt)
    const details = finding.findingDetails
    if (type === 'UnusedIAMUserAccessKey' || type === 'UnusedIAMUserPassword') {
      notes.push(
        `${file}: finding ${id} (${type}) for ${resource} is about credentials, not policies; not applied`
      )
      return
    }
    if (type !== 'UnusedPermission' && type !== 'UnusedIAMRole') {
      // External and internal access findings are about resource policies, not identities.
      notes.push(`${file}: finding ${id} has type ${type}, which iam-refine does not apply`)
      return
    }
    if (!Array.isArray(details)) {
      return fail(
        path,
        'has no "findingDetails" list; a ListFindingsV2 summary is not enough, export each finding with get-finding-v2 or `iam-refine findings export`'
      )
    }
    if (type === 'UnusedIAMRole') {
      const role = details.find(d => isRecord(d) && isRecord(d.unusedIamRoleDetails))
      const lastAccessed =
        isRecord(role) && isRecord(role.unusedIamRoleDetails)
          ? readDate(role.unusedIamRoleDetails.lastAccessed, `${path}.findingDetails`, fail)
          : undefined
      principals.push(
        withOptional(
          { principal: resource, wholePrincipal: true, services: [], sources: [id] },
          since,
          lastAccessed
        )
      )
      return
    }
    const services = details.map((d, j) => {
      const at = `${path}.findingDetails[${j}]`
      if (!isRecord(d) || !isRecord(d.unusedPermissionDetails)) {
        return fail(at, 'must hold "unusedPermissionDetails"')
      }
      return readService(d.unusedPermissionDetails, `${at}.unusedPermissionDetails`, fail, true)
    })
    principals.push(
      withOptional(
        { principal: resource, wholePrincipal: false, services, sources: [id] },
        since,
        undefined
      )
    )
    const recommendation = finding[RECOMMENDATION_KEY]
    if (recommendation !== undefined && recommendation !== null) {
      const at = path ? `${path}.${RECOMMENDATION_KEY}` : RECOMMENDATION_KEY
      recommendations.push(readRecommendation(recommendation, at, fail, `finding ${id}`, resource))
    }
  })
  return recommendations.length > 0
    ? { principals, notes, covered, coveredAccounts: [], recommendations }
    : { principals, notes, covered, coveredAccounts: [] }
}

function readService(
  value: unknown,
  path: string,
  fail: Fail,
  objectsOnly: boolean
): UnusedService {
  if (!isRecord(value)) return fail(path, 'must be an object with "serviceNamespace"')
  const service = value.serviceNamespace
  if (typeof service !== 'string' || !SERVICE.test(service)) {
    return fail(path, '"serviceNamespace" must be a service prefix such as "s3"')
  }
  const lastAccessed = readDate(value.lastAccessed, `${path}.lastAccessed`, fail)
  const base: UnusedService = lastAccessed ? { service, lastAccessed } : { service }
  if (value.actions === undefined || value.actions === null) return base
  if (!Array.isArray(value.actions)) return fail(`${path}.actions`, 'must be a list')
  const actions = value.actions.map((a, i): UnusedAction => {
    const at = `${path}.actions[${i}]`
    const raw = isRecord(a) ? a.action : objectsOnly ? undefined : a
    if (typeof raw !== 'string')
      return fail(at, objectsOnly ? 'must be {"action": "..."}' : 'must be an action name')
    const name = stripService(raw, service, at, fail)
    const last = isRecord(a) ? readDate(a.lastAccessed, `${at}.lastAccessed`, fail) : undefined
    return last ? { action: name, lastAccessed: last } : { action: name }
  })
  return { ...base, actions }
}

function stripService(raw: string, service: string, path: string, fail: Fail): string {
  const colon = raw.indexOf(':')
  const action = colon < 0 ? raw : raw.slice(colon + 1)
  if (colon >= 0 && raw.slice(0, colon).toLowerCase() !== service.toLowerCase()) {
    return fail(path, `"${raw}" is not an action of the service "${service}"`)
  }
  if (!ACTION.test(action)) return fail(path, `"${raw}" is not an action name`)
  return action
}

/** An optional ISO 8601 date; anything else that is there is refused. */
function readDate(value: unknown, path: string, fail: Fail): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string' || !FINDING_FIELDS.date.test(value)) {
    return fail(path, 'must be an ISO 8601 date such as 2024-05-01T00:00:00Z')
  }
  return value
}

function firstString(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v !== '') return v
  return undefined
}

function withOptional(
  base: PrincipalUnused,
  since: string | undefined,
  lastAccessed: string | undefined
): PrincipalUnused {
  return {
    ...base,
    ...(since === undefined ? {} : { since }),
    ...(lastAccessed === undefined ? {} : { lastAccessed })
  }
}
