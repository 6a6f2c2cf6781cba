import type { Quota } from '../../engine/model.js'
import { QUOTAS } from '../../engine/refine.js'
import { findInTemplate } from '../cloudformation/find.js'
import {
  addStatementList,
  describeIntrinsic,
  literal,
  nodeAt,
  note,
  pair,
  pointerOf,
  type FindContext,
  type Path
} from '../document/nodes.js'
import type { MapNode, SourceNode } from '../document/tree.js'
import type { Attachment, PolicyKind, PolicyLocation, StatementInclude } from '../model.js'
import { resolveText, resolveValue, type Resolved, type VariableScope } from './variables.js'

/**
 * Serverless Framework service files (`serverless.yml`): the statements of the role the framework
 * creates for the service's functions (`provider.iam.role.statements`, the older
 * `provider.iamRoleStatements`), those of per-function roles (`functions.<fn>.iamRoleStatements`
 * or `iam.role.statements`, from the serverless-iam-roles-per-function plugin or the framework's
 * own per-function mode), and the CloudFormation `resources.Resources`. Role names follow the
 * framework's naming (docs/adr/0015-serverless-and-conditions.md cites the code).
 */

/** Whether a file is a Serverless Framework service file, by its name. */
export function isServerlessFile(file: string): boolean {
  return /(^|\/)serverless\.ya?ml$/i.test(file)
}

/** The framework's defaults when `provider.stage` and `provider.region` are not given. */
const DEFAULT_STAGE = 'dev'
const DEFAULT_REGION = 'us-east-1'

/** IAM's limit on a role name; the framework shortens a per-function name to fit, or refuses. */
const MAX_ROLE_NAME = 64

const PLUGIN = 'serverless-iam-roles-per-function'

interface RoleTarget {
  readonly attachment: Attachment
}

export function findInServerless(
  ctx: FindContext,
  root: MapNode,
  repositoryPath: string
): StatementInclude[] {
  const includes: StatementInclude[] = []
  const provider = pair(root, 'provider')
  const functions = pair(root, 'functions')
  const resources = pair(root, 'resources')

  const base: VariableScope = { root }
  const stage = resolveValue(pair(provider, 'stage'), base) ?? { ok: true, value: DEFAULT_STAGE }
  const region = resolveValue(pair(provider, 'region'), base) ?? { ok: true, value: DEFAULT_REGION }
  const scope: VariableScope = {
    root,
    ...(stage.ok ? { stage: stage.value } : {}),
    ...(region.ok ? { region: region.value } : {})
  }
  if (resources?.kind === 'map') {
    // the framework resolves its variables in the CloudFormation it merges in, names too
    const first = ctx.policies.length
    findInTemplate(ctx, resources, ['resources'])
    for (let i = first; i < ctx.policies.length; i++) {
      const location = ctx.policies[i] as PolicyLocation
      ctx.policies[i] = {
        ...location,
        attachments: location.attachments.map(a => resolveAttachment(a, scope))
      }
    }
  }
  const serviceNode = pair(root, 'service')
  const service = resolveValue(
    serviceNode?.kind === 'map' ? pair(serviceNode, 'name') : serviceNode,
    scope
  ) ?? {
    ok: false,
    reason: 'the file names no service'
  }

  const iamRole = nodeAt(root, ['provider', 'iam', 'role'])
  const perFunctionMode = literal(pair(iamRole, 'mode')) === 'perFunction'
  // A role given by name, ARN or intrinsic: the framework creates none and ignores the statements.
  const existingRole =
    (iamRole && iamRole.kind !== 'map' ? iamRole : undefined) ?? pair(provider, 'role')
  const customInherit = nodeAt(root, ['custom', PLUGIN, 'defaultInherit'])
  const defaultInherit =
    customInherit?.kind === 'scalar' ? customInherit.value === true : perFunctionMode

  const fnEntries = functions?.kind === 'map' ? functions.pairs : []
  const ownRole = (fn: SourceNode): boolean =>
    !pair(fn, 'role') &&
    (perFunctionMode ||
      pair(fn, 'iamRoleStatements') !== undefined ||
      nodeAt(fn, ['iam', 'role', 'statements']) !== undefined ||
      hasItems(nodeAt(fn, ['iam', 'role', 'managedPolicies'])))
  const sharedUsers = fnEntries.filter(f => !pair(f.value, 'role') && !ownRole(f.value))
  const sharedExists =
    existingRole === undefined && !perFunctionMode && fnEntries.some(f => !pair(f.value, 'role'))

  const named = (what: string, name: Resolved, derivation: string, path?: string): Attachment =>
    name.ok
      ? { type: 'role', name: name.value, derivation, ...(path !== undefined ? { path } : {}) }
      : { type: 'role', unresolved: `${what}: ${name.reason}` }

  const rolePath = literal(pair(iamRole, 'path'))
  const sharedName: Resolved = pair(iamRole, 'name')
    ? (resolveValue(pair(iamRole, 'name'), scope) as Resolved)
    : joinParts([service, stage, region, { ok: true, value: 'lambdaRole' }])
  const serviceLabel = service.ok ? service.value : 'the service'
  const shared: RoleTarget = {
    attachment: named(
      'the shared role of the service',
      sharedName,
      `the role the Serverless Framework creates for the functions of ${serviceLabel} (${
        sharedName.ok ? sharedName.value : 'its name'
      }), used by ${
        sharedUsers.length === fnEntries.length && fnEntries.length > 0
          ? `every function (${fnEntries.map(f => f.key).join(', ')})`
          : sharedUsers.length > 0
            ? `the functions ${sharedUsers.map(f => f.key).join(', ')}`
            : 'no function'
      }: refined with that role's findings`,
      rolePath
    )
  }

  const functionRole = (fnName: string, fn: SourceNode): RoleTarget => {
    const explicit = nodeAt(fn, ['iam', 'role', 'name']) ?? pair(fn, 'iamRoleStatementsName')
    if (explicit) {
      return {
        attachment: named(
          `the role of function ${fnName}`,
          resolveValue(explicit, scope) as Resolved,
          `the role the Serverless Framework creates for function ${fnName}, named in the file`
        )
      }
    }
    if (pair(iamRole, 'name')) {
      return {
        attachment: {
          type: 'role',
          unresolved: `function ${fnName}: the framework cannot name a per-function role when provider.iam.role.name is set (it stops the deployment); name it with iam.role.name`
        }
      }
    }
    const name = functionRoleName(service, stage, fnName, region)
    return {
      attachment: named(
        `the role of function ${fnName}`,
        name,
        `the role the Serverless Framework creates for function ${fnName} (${name.ok ? name.value : 'its name'})`,
        literal(nodeAt(fn, ['iam', 'role', 'path'])) ?? rolePath
      )
    }
  }

  // provider statements: the shared role, and every per-function role that inherits them
  const providerStatements: { node: SourceNode; path: Path }[] = []
  const newShape = nodeAt(root, ['provider', 'iam', 'role', 'statements'])
  if (newShape && iamRole?.kind === 'map') {
    providerStatements.push({ node: newShape, path: ['provider', 'iam', 'role', 'statements'] })
  }
  const legacy = pair(provider, 'iamRoleStatements')
  if (legacy) providerStatements.push({ node: legacy, path: ['provider', 'iamRoleStatements'] })
  const inheriting = fnEntries.filter(f => {
    if (!ownRole(f.value)) return false
    const flag =
      nodeAt(f.value, ['iam', 'inheritStatements']) ?? pair(f.value, 'iamRoleStatementsInherit')
    return flag?.kind === 'scalar' ? flag.value === true : defaultInherit
  })
  for (const { node, path } of providerStatements) {
    if (existingRole) {
      note(
        ctx,
        node,
        path,
        `provider ${pair(provider, 'role') ? 'role' : 'iam.role'} names an existing role, so the framework ignores these statements; not refined`
      )
      continue
    }
    const attachments = [
      ...(sharedExists ? [shared.attachment] : []),
      ...inheriting.map(f => functionRole(f.key, f.value).attachment)
    ]
    if (attachments.length === 0) {
      note(ctx, node, path, 'no function uses the role these statements are for; not refined')
      continue
    }
    statements(ctx, node, path, 'serverless-provider', attachments, repositoryPath, scope, includes)
  }
  managedPolicies(ctx, nodeAt(root, ['provider', 'iam', 'role', 'managedPolicies']), [
    'provider',
    'iam',
    'role',
    'managedPolicies'
  ])
  managedPolicies(ctx, pair(provider, 'iamManagedPolicies'), ['provider', 'iamManagedPolicies'])

  for (const f of fnEntries) {
    const fnPath: Path = ['functions', f.key]
    const own = [
      {
        node: nodeAt(f.value, ['iam', 'role', 'statements']),
        path: [...fnPath, 'iam', 'role', 'statements']
      },
      { node: pair(f.value, 'iamRoleStatements'), path: [...fnPath, 'iamRoleStatements'] }
    ]
    managedPolicies(ctx, nodeAt(f.value, ['iam', 'role', 'managedPolicies']), [
      ...fnPath,
      'iam',
      'role',
      'managedPolicies'
    ])
    for (const { node, path } of own) {
      if (!node) continue
      if (pair(f.value, 'role')) {
        note(
          ctx,
          node,
          path,
          `function ${f.key} has a role, so these statements are not used; not refined`
        )
        continue
      }
      const role = functionRole(f.key, f.value)
      statements(
        ctx,
        node,
        path,
        'serverless-function',
        [role.attachment],
        repositoryPath,
        scope,
        includes
      )
    }
  }
  return includes
}

function resolveAttachment(a: Attachment, scope: VariableScope): Attachment {
  if (a.name === undefined || !a.name.includes('${')) return a
  const resolved = resolveText(a.name, scope, 0)
  const { name: _name, ...rest } = a
  return resolved.ok
    ? { ...a, name: resolved.value }
    : { ...rest, unresolved: `the ${a.type} name ${a.name}: ${resolved.reason}` }
}

/** `{service}-{stage}-{fn}-{region}-lambdaRole`, without `-lambdaRole` past 64 characters. */
function functionRoleName(
  service: Resolved,
  stage: Resolved,
  fn: string,
  region: Resolved
): Resolved {
  const parts = [service, stage, { ok: true, value: fn } as Resolved, region]
  const bare = joinParts(parts)
  if (!bare.ok) return bare
  const full = `${bare.value}-lambdaRole`
  if (full.length <= MAX_ROLE_NAME) return { ok: true, value: full }
  if (bare.value.length <= MAX_ROLE_NAME) return bare
  return {
    ok: false,
    reason: `the generated name ${bare.value} is over ${MAX_ROLE_NAME} characters, so the framework refuses to deploy it`
  }
}

function joinParts(parts: readonly Resolved[]): Resolved {
  const values: string[] = []
  for (const p of parts) {
    if (!p.ok) return p
    values.push(p.value)
  }
  return { ok: true, value: values.join('-') }
}

function hasItems(node: SourceNode | undefined): boolean {
  return node?.kind === 'seq' && node.items.length > 0
}

function managedPolicies(ctx: FindContext, node: SourceNode | undefined, path: Path): void {
  if (!node) return
  const items = node.kind === 'seq' ? node.items : [node]
  items.forEach((item, i) => {
    const name = literal(item) ?? `given by ${describeIntrinsic(item)}`
    note(
      ctx,
      item,
      node.kind === 'seq' ? [...path, i] : path,
      `managed policy ${name}: attached by ARN, its statements live in the managed policy; not refinable here`
    )
  })
}

const FILE_VARIABLE = /^\$\{file\(([^()]+)\)(?::([^}]*))?\}$/

/** A statement list, whose value or entries may be `${file(...)}` includes. */
function statements(
  ctx: FindContext,
  node: SourceNode,
  path: Path,
  kind: PolicyKind,
  attachments: readonly Attachment[],
  repositoryPath: string,
  scope: VariableScope,
  includes: StatementInclude[]
): void {
  const quota: Quota = QUOTAS.role
  const include = (value: SourceNode, at: Path, holds: 'list' | 'entry'): boolean => {
    const text = literal(value)
    if (text === undefined || !text.includes('${')) return false
    const m = FILE_VARIABLE.exec(text.trim())
    if (!m) {
      note(
        ctx,
        value,
        at,
        `the statements are given by the variable ${text}, which iam-refine does not resolve; not checked`,
        true
      )
      return true
    }
    const target = resolveText((m[1] as string).trim(), scope, 0)
    const file = target.ok ? includedPath(repositoryPath, target.value) : undefined
    if (!target.ok || file === undefined) {
      note(
        ctx,
        value,
        at,
        target.ok
          ? `the statements are included from ${target.value}, which is outside the repository; not checked`
          : `the statements are included from a file whose name cannot be resolved (${target.reason}); not checked`,
        true
      )
      return true
    }
    const { line } = ctx.lines.position(value.start)
    includes.push({
      file,
      selector: (m[2] ?? '')
        .split('.')
        .map(s => s.trim())
        .filter(s => s !== ''),
      holds,
      kind,
      quota,
      attachments,
      from: { file: ctx.file, line, pointer: pointerOf(at) }
    })
    note(
      ctx,
      value,
      at,
      `the statements are included from ${file}, refined where that file is read`
    )
    return true
  }
  if (include(node, path, 'list')) return
  if (node.kind === 'seq' && !node.tag) {
    const literalItems = node.items.filter((item, i) => !include(item, [...path, i], 'entry'))
    if (literalItems.length === 0 && node.items.length > 0) return
    if (literalItems.length !== node.items.length) {
      note(
        ctx,
        node,
        path,
        'the list mixes included and written statements: the written ones are refined without the included ones'
      )
    }
  }
  addStatementList(ctx, node, path, kind, { quota, attachments })
}

/**
 * A `${file(...)}` path relative to the including file, as a repository path; undefined when it
 * leaves the repository (absolute, or `..` above the root).
 */
export function includedPath(including: string, target: string): string | undefined {
  if (target.startsWith('/') || /^[A-Za-z]:/.test(target) || target.includes('\\')) return undefined
  const parts = including.split('/').slice(0, -1)
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
    } else parts.push(part)
  }
  return parts.length > 0 ? parts.join('/') : undefined
}

/**
 * The statements another file's `${file(...)}` brings in: the part the include's selector names,
 * refined for the including file's roles.
 */
export function findIncluded(ctx: FindContext, root: SourceNode, include: StatementInclude): void {
  const node = include.selector.length === 0 ? root : nodeAt(root, include.selector)
  if (!node) {
    note(
      ctx,
      root,
      [],
      `${include.from.file}:${include.from.line} includes ${include.selector.join('.') || 'this file'}, which it does not hold; not checked`,
      true
    )
    return
  }
  addStatementList(ctx, node, include.selector, include.kind, {
    quota: include.quota,
    attachments: include.attachments
  })
}
