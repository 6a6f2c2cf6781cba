import { isRecord } from '../engine/catalog.js'
import type {
  PrincipalRecommendation,
  RecommendedAction,
  RecommendedStep
} from '../engine/recommendation.js'

/**
 * Reads a `GetFindingRecommendation` response — as `aws accessanalyzer get-finding-recommendation`
 * prints it, or as `iam-refine findings export` writes it next to a finding (`findingRecommendation`)
 * — into the engine's model. Everything here arrives in a file or an artifact a pull request may
 * have written, so every field is checked and bounded; a malformed one is an error naming the file
 * and the JSON path. Unknown fields are ignored (AWS may add some); known ones must be well formed.
 */

/** The key under which `findings export` writes a finding's recommendation (docs/adr/0017-agreement-with-access-analyzer.md). */
export const RECOMMENDATION_KEY = 'findingRecommendation'

/**
 * A role has at most 20 managed policies and inline policies that fit 10,240 characters, and AWS
 * gives at most two steps per policy; a thousand leaves ample room and bounds a hostile file.
 */
export const MAX_RECOMMENDED_STEPS = 1_000

/** IAM's API takes policy documents of at most 131,072 characters; no recommendation is longer. */
export const MAX_RECOMMENDED_POLICY_CHARS = 131_072

/**
 * An IAM policy nests about five levels (Statement, a statement, Condition, an operator, a key's
 * list); deeper text is refused before JSON.parse recurses into it.
 */
export const MAX_POLICY_NESTING = 32

/** A policy ARN is at most 2,048 characters (IAM's `arnType`), and so is any id AWS gives. */
export const MAX_POLICY_ID_CHARS = 2_048

/** AWS's error codes are short identifiers and its messages a sentence; longer is not AWS's. */
const MAX_ERROR_CODE_CHARS = 256
const MAX_ERROR_MESSAGE_CHARS = 2_048

const STATUSES = ['SUCCEEDED', 'IN_PROGRESS', 'FAILED'] as const
const ACTIONS: readonly RecommendedAction[] = ['CREATE_POLICY', 'DETACH_POLICY']
const RECOMMENDATION_TYPE = 'UnusedPermissionRecommendation'
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/
const ACTION_PATTERN = /^(\*|[A-Za-z0-9-]{1,64}:[A-Za-z0-9*?_-]{1,192})$/
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

export type Fail = (path: string, what: string) => never

/**
 * Whether a value is a `GetFindingRecommendation` response rather than a finding: it names a
 * resource and carries the recommendation's own fields, and no `findingType`.
 */
export function isRecommendationResponse(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    !('findingType' in value) &&
    'resourceArn' in value &&
    ('recommendationType' in value || 'recommendedSteps' in value)
  )
}

/**
 * One response at `path`. `resource`, when given, is the finding's principal, which the response
 * must name. `source` says where it came from in messages (a finding id, a file).
 */
export function readRecommendation(
  value: unknown,
  path: string,
  fail: Fail,
  source: string,
  resource?: string
): PrincipalRecommendation {
  const at = (key: string) => (path ? `${path}.${key}` : key)
  if (!isRecord(value)) return fail(path, 'a GetFindingRecommendation response must be an object')
  const principal = value.resourceArn
  if (typeof principal !== 'string' || !PRINCIPAL_ARN.test(principal)) {
    return fail(at('resourceArn'), 'must be the ARN of the role or user the recommendation is for')
  }
  if (resource !== undefined && principal !== resource) {
    return fail(at('resourceArn'), `is ${principal}, not the finding's resource ${resource}`)
  }
  if (value.recommendationType !== RECOMMENDATION_TYPE) {
    return fail(at('recommendationType'), `must be "${RECOMMENDATION_TYPE}"`)
  }
  const status = value.status
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
    return fail(at('status'), `must be one of ${STATUSES.join(', ')}`)
  }
  const startedAt = timestamp(value.startedAt, at('startedAt'), fail, true) as string
  const completedAt = timestamp(value.completedAt, at('completedAt'), fail, false)
  if (value.nextToken !== undefined && value.nextToken !== null) {
    return fail(
      at('nextToken'),
      'is set, so this is one page of the recommendation: save the whole response (without --max-items or --no-paginate)'
    )
  }
  const error = readError(value.error, at('error'), fail)
  const steps = readSteps(value.recommendedSteps, at('recommendedSteps'), fail)
  if (status === 'IN_PROGRESS') {
    return {
      principal,
      status: 'unavailable',
      reason: `IAM Access Analyzer was still generating the recommendation (started ${startedAt})`,
      source
    }
  }
  if (status === 'FAILED') {
    return {
      principal,
      status: 'unavailable',
      reason:
        'IAM Access Analyzer could not generate the recommendation' +
        (error ? ` (${error.code}: ${error.message})` : ''),
      source
    }
  }
  return {
    principal,
    status: 'available',
    steps,
    startedAt,
    ...(completedAt === undefined ? {} : { completedAt }),
    source
  }
}

function readError(
  value: unknown,
  path: string,
  fail: Fail
): { code: string; message: string } | undefined {
  if (value === undefined || value === null) return undefined
  if (!isRecord(value)) return fail(path, 'must be {"code": "...", "message": "..."}')
  const code = boundedText(value.code, `${path}.code`, MAX_ERROR_CODE_CHARS, fail)
  const message = boundedText(value.message, `${path}.message`, MAX_ERROR_MESSAGE_CHARS, fail)
  return { code, message }
}

function readSteps(value: unknown, path: string, fail: Fail): RecommendedStep[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) return fail(path, 'must be a list')
  if (value.length > MAX_RECOMMENDED_STEPS) {
    return fail(path, `holds ${value.length} steps, more than ${MAX_RECOMMENDED_STEPS}`)
  }
  return value.map((item, i) => {
    const at = `${path}[${i}]`
    if (!isRecord(item)) return fail(at, 'a recommended step must be an object')
    const keys = Object.keys(item)
    // A union: exactly one member. Another member is a kind of step iam-refine does not know.
    if (keys.length !== 1 || !isRecord(item.unusedPermissionsRecommendedStep)) {
      return fail(at, 'must hold exactly one "unusedPermissionsRecommendedStep"')
    }
    return readStep(
      item.unusedPermissionsRecommendedStep,
      `${at}.unusedPermissionsRecommendedStep`,
      fail
    )
  })
}

function readStep(step: Record<string, unknown>, path: string, fail: Fail): RecommendedStep {
  const action = step.recommendedAction
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
    return fail(`${path}.recommendedAction`, `must be ${ACTIONS.join(' or ')}`)
  }
  const id =
    step.existingPolicyId === undefined || step.existingPolicyId === null
      ? undefined
      : boundedText(step.existingPolicyId, `${path}.existingPolicyId`, MAX_POLICY_ID_CHARS, fail)
  const updated = timestamp(step.policyUpdatedAt, `${path}.policyUpdatedAt`, fail, false)
  const out: { -readonly [K in keyof RecommendedStep]: RecommendedStep[K] } = {
    action: action as RecommendedAction
  }
  if (id !== undefined) out.existingPolicyId = id
  if (updated !== undefined) out.policyUpdatedAt = updated
  if (action === 'DETACH_POLICY') {
    if (id === undefined) return fail(path, 'a DETACH_POLICY step must name its existingPolicyId')
    return out
  }
  if (typeof step.recommendedPolicy !== 'string') {
    return fail(
      `${path}.recommendedPolicy`,
      'a CREATE_POLICY step must hold the policy as a JSON string'
    )
  }
  out.recommendedPolicy = readPolicy(step.recommendedPolicy, `${path}.recommendedPolicy`, fail)
  return out
}

/** The recommended policy: JSON text, bounded, an identity policy whose actions are action names. */
function readPolicy(text: string, path: string, fail: Fail): Record<string, unknown> {
  if (text.length > MAX_RECOMMENDED_POLICY_CHARS) {
    return fail(
      path,
      `is ${text.length} characters, over the ${MAX_RECOMMENDED_POLICY_CHARS}-character limit`
    )
  }
  if (nesting(text) > MAX_POLICY_NESTING) {
    return fail(path, `nests deeper than ${MAX_POLICY_NESTING} levels; not a policy`)
  }
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    return fail(path, 'is not valid JSON')
  }
  if (!isRecord(document)) return fail(path, 'must be a policy document (a JSON object)')
  const statement = document.Statement
  const statements = Array.isArray(statement)
    ? statement
    : isRecord(statement)
      ? [statement]
      : undefined
  if (statements === undefined) return fail(path, 'has no "Statement" list or object')
  statements.forEach((s, i) => {
    const at = `${path}: Statement[${i}]`
    if (!isRecord(s)) return fail(at, 'must be an object')
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
      return fail(`${at}.Effect`, 'must be Allow or Deny')
    if (!('Action' in s) && !('NotAction' in s)) return fail(at, 'has neither Action nor NotAction')
    for (const key of ['Action', 'NotAction'] as const) {
      if (!(key in s)) continue
      const value = s[key]
      const entries = typeof value === 'string' ? [value] : value
      if (!Array.isArray(entries))
        return fail(`${at}.${key}`, 'must be a string or a list of strings')
      entries.forEach((entry, j) => {
        if (typeof entry !== 'string' || !ACTION_PATTERN.test(entry)) {
          fail(`${at}.${key}[${j}]`, 'is not an action name or pattern such as "s3:Get*"')
        }
      })
    }
    return undefined
  })
  return document
}

/** The deepest nesting of brackets outside strings, in one pass. */
function nesting(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92 /* \ */) i++
      else if (c === 34 /* " */) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 /* { */ || c === 91 /* [ */) deepest = Math.max(deepest, ++depth)
    else if (c === 125 /* } */ || c === 93 /* ] */) depth--
  }
  return deepest
}

function timestamp(
  value: unknown,
  path: string,
  fail: Fail,
  required: boolean
): string | undefined {
  if (value === undefined || value === null) {
    return required ? fail(path, 'must be a time stamp such as "2024-06-10T08:00:00Z"') : undefined
  }
  if (typeof value !== 'string' || !TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) {
    return fail(path, 'must be a time stamp such as "2024-06-10T08:00:00Z"')
  }
  return value
}

function boundedText(value: unknown, path: string, max: number, fail: Fail): string {
  if (typeof value !== 'string' || value === '') return fail(path, 'must be a non-empty string')
  if (value.length > max) return fail(path, `is ${value.length} characters, more than ${max}`)
  if (CONTROL.test(value)) return fail(path, 'holds control characters')
  return value
}
