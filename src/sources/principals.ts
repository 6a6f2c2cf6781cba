import { globMatcher, type IamRefineConfig } from './config.js'
import type { Attachment, PolicyLocation } from './model.js'

export interface PrincipalContext {
  /** The policy's file, relative to the repository root, with `/` separators. */
  readonly file: string
  readonly config: IamRefineConfig
  /** The principal ARNs the loaded findings hold. */
  readonly known: readonly string[]
  /** Principals named on the command line, for policies nothing else maps. */
  readonly fallback?: readonly string[]
}

export type PrincipalSource = 'config' | 'template' | 'file-name' | 'command-line'

export type PrincipalMapping =
  | {
      readonly mapped: true
      /**
       * The principals the policy belongs to: ARNs, or `role/NAME` / `user/NAME` for a named
       * principal no finding mentions (it counts as using everything). Several = a shared policy.
       */
      readonly principals: readonly string[]
      readonly via: PrincipalSource
      readonly notes: readonly string[]
    }
  | { readonly mapped: false; readonly reason: string }

/**
 * The principals a policy belongs to, in the order of DESIGN §2: the configuration's first
 * matching entry; the roles or users the template attaches it to; a file or folder named like a
 * role or user the findings hold; then `--principal`. Nothing is guessed: otherwise unmapped.
 */
export function mapPrincipals(location: PolicyLocation, ctx: PrincipalContext): PrincipalMapping {
  for (const entry of ctx.config.principals) {
    if (globMatcher(entry.files)(ctx.file)) {
      return { mapped: true, principals: entry.principals, via: 'config', notes: [] }
    }
  }
  let reason: string | undefined
  if (location.attachments.length > 0) {
    const resolved = resolveAttachments(location.attachments, ctx)
    if (resolved.ok)
      return {
        mapped: true,
        principals: resolved.principals,
        via: 'template',
        notes: resolved.notes
      }
    reason = resolved.reason
  } else if (location.kind !== 'json-policy') {
    reason = 'the template attaches it to no role or user'
  } else {
    const byName = principalsNamedLike(ctx.file, ctx.known)
    if (byName.length > 0) return { mapped: true, principals: byName, via: 'file-name', notes: [] }
    reason =
      'no configuration entry matches it, and no role or user in the findings is named like its file or folder'
  }
  if (ctx.fallback && ctx.fallback.length > 0) {
    return { mapped: true, principals: ctx.fallback, via: 'command-line', notes: [] }
  }
  return { mapped: false, reason }
}

type Resolved = { ok: true; principals: string[]; notes: string[] } | { ok: false; reason: string }

function resolveAttachments(attachments: readonly Attachment[], ctx: PrincipalContext): Resolved {
  const principals: string[] = []
  const notes: string[] = []
  const stack = ctx.config.stacks.find(s => globMatcher([s.template])(ctx.file))?.name
  for (const a of attachments) {
    const label = describe(a)
    if (a.type === 'group') {
      return {
        ok: false,
        reason: `it is attached to ${label}: findings are about roles and users, so map the file in the configuration's principals`
      }
    }
    if (a.unresolved)
      return {
        ok: false,
        reason: `${a.unresolved}; map the file in the configuration's principals`
      }
    let pattern: RegExp
    let fallback: string
    const kind = a.type
    if (a.name !== undefined) {
      pattern = new RegExp(`:${kind}${pathPattern(a.path)}${escape(a.name)}$`, 'i')
      fallback = `${kind}${a.path ?? '/'}${a.name}`
    } else if (a.logicalId !== undefined) {
      if (stack === undefined) {
        return {
          ok: false,
          reason: `${label} has a name CloudFormation generates (${'<stack>'}-${a.logicalId}-<suffix>): name this template's stack in the configuration's stacks`
        }
      }
      pattern = new RegExp(
        `:${kind}${pathPattern(a.path)}${escape(stack)}-${escape(a.logicalId)}-[A-Za-z0-9]+$`
      )
      fallback = `${kind}/${stack}-${a.logicalId}-*`
    } else {
      return { ok: false, reason: `${label} has no name` }
    }
    const key = (a.name ?? `${stack}-${a.logicalId}`).toLowerCase()
    const matches = candidates(ctx.known, key).filter(arn => pattern.test(arn))
    if (matches.length > 0) principals.push(...matches)
    else {
      principals.push(fallback)
      notes.push(`no finding for ${fallback}: it counts as using everything it is allowed`)
    }
  }
  return { ok: true, principals: [...new Set(principals)], notes }
}

function describe(a: Attachment): string {
  if (a.samFunction) return `the role SAM creates for ${a.samFunction}`
  if (a.name !== undefined) return `${a.type} ${a.name}`
  if (a.logicalId !== undefined) return `${a.type} ${a.logicalId}`
  return `a ${a.type}`
}

function pathPattern(path: string | undefined): string {
  if (path === undefined) return '/(?:[^/]+/)*'
  return escape(path.endsWith('/') ? path : `${path}/`)
}

/** Roles or users in the findings named like the file (without extensions), then each folder. */
export function principalsNamedLike(file: string, known: readonly string[]): string[] {
  const parts = file.split('/').filter(p => p !== '' && p !== '.')
  const base = parts.pop()
  const names = [base?.split('.')[0] ?? '', ...parts.reverse()].filter(n => n !== '')
  for (const name of names) {
    const pattern = new RegExp(`:(role|user)/(?:[^/]+/)*${escape(name)}$`, 'i')
    const matches = candidates(known, name.toLowerCase()).filter(arn => pattern.test(arn))
    if (matches.length > 0) return matches
  }
  return []
}

const indexes = new WeakMap<readonly string[], Map<string, string[]>>()

/**
 * The ARNs whose name (after the last `/`) is `name`, or `name` and a `-suffix`: an index built
 * once per list of known principals, so that mapping stays cheap with thousands of them.
 */
function candidates(known: readonly string[], name: string): string[] {
  let index = indexes.get(known)
  if (!index) {
    index = new Map()
    const add = (key: string, arn: string): void => {
      const list = index?.get(key)
      if (list) list.push(arn)
      else index?.set(key, [arn])
    }
    for (const arn of known) {
      const last = arn.slice(arn.lastIndexOf('/') + 1).toLowerCase()
      add(last, arn)
      const dash = last.lastIndexOf('-')
      if (dash > 0) add(`${last.slice(0, dash)}-*`, arn)
    }
    indexes.set(known, index)
  }
  return [...(index.get(name) ?? []), ...(index.get(`${name}-*`) ?? [])]
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
