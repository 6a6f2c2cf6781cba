import { literal, nodeAt } from '../document/nodes.js'
import type { SourceNode } from '../document/tree.js'

/**
 * Serverless Framework variables (`${self:provider.stage}`, `${opt:stage, 'dev'}`) in the values
 * that name a role, resolved as far as the file alone allows: `self:` reads the file, `opt:`,
 * `env:` and the like take their written default (the deployment's own options are not known),
 * `sls:stage` and `aws:region` are the stage and region. Anything else (`file(...)`, `ssm:`, `cf:`)
 * is unresolvable, and says which variable it was.
 */

/** Variables nested or referring to each other deeper than this are unresolvable (a loop). */
const MAX_VARIABLE_DEPTH = 10

/** A value that grows past this while resolving is refused: names are short, a loop is not. */
const MAX_RESOLVED_LENGTH = 1000

/**
 * Variables resolved for one value at most: a file can make each variable name many others (a
 * fan-out that stays short, so the length bound never trips), which would grow exponentially.
 */
const MAX_VARIABLE_STEPS = 1000

interface Steps {
  left: number
}

export type Resolved = { ok: true; value: string } | { ok: false; reason: string }

export interface VariableScope {
  readonly root: SourceNode
  /** `sls:stage`, `aws:region`: the stage and region once known. */
  readonly stage?: string
  readonly region?: string
}

/** A string value with its variables resolved, or why it cannot be. */
export function resolveValue(
  node: SourceNode | undefined,
  scope: VariableScope,
  depth = 0,
  steps: Steps = { left: MAX_VARIABLE_STEPS }
): Resolved | undefined {
  if (!node) return undefined
  const text = literal(node)
  if (text === undefined) {
    if (node.kind === 'scalar' && node.value !== null && !node.tag) {
      return { ok: true, value: String(node.value) }
    }
    return { ok: false, reason: 'is not a plain string' }
  }
  return resolveText(text, scope, depth, steps)
}

export function resolveText(
  text: string,
  scope: VariableScope,
  depth: number,
  steps: Steps = { left: MAX_VARIABLE_STEPS }
): Resolved {
  if (--steps.left < 0) {
    return { ok: false, reason: `refers to more than ${MAX_VARIABLE_STEPS} variables` }
  }
  if (depth > MAX_VARIABLE_DEPTH) {
    return {
      ok: false,
      reason: `variables nest or refer to each other more than ${MAX_VARIABLE_DEPTH} deep`
    }
  }
  let out = ''
  let i = 0
  while (i < text.length) {
    const start = text.indexOf('${', i)
    if (start < 0) {
      out += text.slice(i)
      break
    }
    out += text.slice(i, start)
    const end = closingBrace(text, start + 2)
    if (end < 0) return { ok: false, reason: `${text} has an unclosed \${` }
    const inner = resolveVariable(text.slice(start + 2, end), scope, depth + 1, steps)
    if (!inner.ok) return inner
    out += inner.value
    if (out.length > MAX_RESOLVED_LENGTH) {
      return { ok: false, reason: `resolves to more than ${MAX_RESOLVED_LENGTH} characters` }
    }
    i = end + 1
  }
  return { ok: true, value: out }
}

/** The offset of the `}` that closes a `${` whose content starts at `from`; -1 if none. */
function closingBrace(text: string, from: number): number {
  let depth = 0
  let quote = ''
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '{') depth++
    else if (c === '}') {
      if (depth === 0) return i
      depth--
    }
  }
  return -1
}

/** The comma that separates a variable from its default, outside nested `${...}` and quotes. */
function splitDefault(body: string): [string, string | undefined] {
  let depth = 0
  let quote = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '{') depth++
    else if (c === '}') depth--
    else if (c === ',' && depth === 0) return [body.slice(0, i).trim(), body.slice(i + 1).trim()]
  }
  return [body.trim(), undefined]
}

function resolveVariable(
  body: string,
  scope: VariableScope,
  depth: number,
  steps: Steps
): Resolved {
  const [reference, fallback] = splitDefault(body)
  const own = resolveReference(reference, scope, depth, steps)
  if (own.ok || fallback === undefined) return own
  return resolveFallback(fallback, scope, depth, steps)
}

function resolveFallback(
  fallback: string,
  scope: VariableScope,
  depth: number,
  steps: Steps
): Resolved {
  const quoted = /^(['"])(.*)\1$/s.exec(fallback)
  if (quoted) return resolveText(quoted[2] as string, scope, depth, steps)
  if (fallback.startsWith('${')) return resolveText(fallback, scope, depth, steps)
  // the older form, a source without braces: `${opt:stage, self:provider.stage}`
  if (/^[a-z]+:/i.test(fallback)) return resolveVariable(fallback, scope, depth + 1, steps)
  return { ok: true, value: fallback }
}

function resolveReference(
  reference: string,
  scope: VariableScope,
  depth: number,
  steps: Steps
): Resolved {
  const unresolvable = (why: string): Resolved => ({ ok: false, reason: `\${${reference}} ${why}` })
  const colon = reference.indexOf(':')
  const source = colon < 0 ? reference : reference.slice(0, colon)
  const address = colon < 0 ? '' : reference.slice(colon + 1).trim()
  switch (source) {
    case 'self': {
      const path = address.split('.').filter(p => p !== '')
      const node = path.length === 0 ? scope.root : nodeAt(scope.root, path)
      if (!node) return unresolvable('names nothing in this file')
      const value = resolveValue(node, scope, depth, steps)
      if (!value) return unresolvable('names nothing in this file')
      return value.ok ? value : unresolvable(value.reason)
    }
    case 'sls':
      if (address === 'stage' && scope.stage !== undefined) return { ok: true, value: scope.stage }
      return unresolvable('is known only when the service is deployed')
    case 'aws':
      if (address === 'region' && scope.region !== undefined)
        return { ok: true, value: scope.region }
      return unresolvable('is known only when the service is deployed')
    case 'opt':
    case 'env':
      return unresolvable('is given when the service is deployed, and has no default here')
    default:
      return unresolvable('cannot be resolved from this file')
  }
}
