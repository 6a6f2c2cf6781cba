import { isRecord } from '../engine/catalog.js'
import { ConfigurationError } from '../engine/errors.js'
import type { PrincipalUnused, UnusedAction, UnusedService } from '../engine/unused.js'

/** What one findings file holds, in the engine's model. */
export interface ParsedFindings {
  /**
   * Unused access per principal. A per-principal list (the second form) has the empty principal
   * `''`: the caller assigns it from `--principal` or the configuration.
   */
  readonly principals: PrincipalUnused[]
  /** Findings read but not applied, and why (archived, other finding types). */
  readonly notes: string[]
}

const SERVICE = /^[a-z0-9-]+$/i
const ACTION = /^[A-Za-z0-9_-]+$/

/**
 * Reads a findings file's parsed JSON, detecting its form by shape: a `GetFindingV2` response, an
 * array of them, `{"findings": [...]}` of them, or the per-principal list
 * `[{"serviceNamespace": "s3", "actions": [...]}]`. Errors name `file` and the JSON path.
 */
export function parseFindings(value: unknown, file: string): ParsedFindings {
  const fail = (path: string, what: string): never => {
    throw new ConfigurationError(`${file}: ${path ? `${path}: ` : ''}${what}`)
  }
  if (isRecord(value) && Array.isArray(value.findings)) {
    return readFindingList(value.findings, 'findings', file, fail)
  }
  if (isRecord(value)) return readFindingList([value], '', file, fail, true)
  if (!Array.isArray(value)) {
    return fail(
      '',
      'expected a GetFindingV2 finding, a list of them, or a per-principal list of services'
    )
  }
  if (value.length === 0) return { principals: [], notes: [`${file}: holds no findings`] }
  const first = value[0]
  if (isRecord(first) && 'serviceNamespace' in first && !('findingType' in first)) {
    const services = value.map((s, i) => readService(s, `[${i}]`, fail, false))
    return {
      principals: [{ principal: '', wholePrincipal: false, services, sources: [file] }],
      notes: []
    }
  }
  return readFindingList(value, '', file, fail)
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
    if (typeof resource !== 'string' || !resource.startsWith('arn:')) {
      return fail(path, '"resource" must be the ARN of the role or user')
    }
    const id = typeof finding.id === 'string' ? finding.id : `${file}${path}`
    if (status !== 'ACTIVE') {
      notes.push(
        `${file}: finding ${id} for ${resource} is ${String(status ?? 'without a status')}, not ACTIVE; not applied`
      )
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
          ? optionalDate(role.unusedIamRoleDetails.lastAccessed)
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
  })
  return { principals, notes }
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
  const lastAccessed = optionalDate(value.lastAccessed)
  const base: UnusedService = lastAccessed ? { service, lastAccessed } : { service }
  if (value.actions === undefined || value.actions === null) return base
  if (!Array.isArray(value.actions)) return fail(`${path}.actions`, 'must be a list')
  const actions = value.actions.map((a, i): UnusedAction => {
    const at = `${path}.actions[${i}]`
    const raw = isRecord(a) ? a.action : objectsOnly ? undefined : a
    if (typeof raw !== 'string')
      return fail(at, objectsOnly ? 'must be {"action": "..."}' : 'must be an action name')
    const name = stripService(raw, service, at, fail)
    const last = isRecord(a) ? optionalDate(a.lastAccessed) : undefined
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

function optionalDate(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
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
