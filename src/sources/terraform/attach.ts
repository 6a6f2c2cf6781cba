import type { Quota } from '../../engine/model.js'
import { QUOTAS } from '../../engine/refine.js'
import type { Attachment, PolicyKind, PrincipalSource } from '../model.js'
import { attribute, blocks, type HclBlock, type HclExpr } from './hcl.js'
import { STATEMENT_MODULES } from './registry.js'
import {
  folderOf,
  instancesOf,
  joinPath,
  resolveStrings,
  scopesOf,
  type ModuleBlock,
  type ModuleIndex,
  type Resolution,
  type Scope,
  type TerraformContext
} from './module.js'

/**
 * Which roles and users a Terraform policy reaches, by the links of its module: the resource that
 * holds it (`aws_iam_role_policy.role`, an `aws_iam_role`'s own `inline_policy`), the attachment
 * resources that name `aws_iam_policy.X.arn`, `managed_policy_arns`, and for a policy document,
 * every policy that uses its `.json` (also through another document's `source_policy_documents`
 * or `override_policy_documents`). Names come from literals, `name_prefix`, or templates of the
 * module's variables, locals and `.tfvars`, and through local module calls' inputs.
 */

/**
 * How deep policy documents may merge into one another (source/override documents) before the
 * search stops: each document is followed once, so this only bounds the recursion's depth.
 */
const MAX_DOCUMENT_CHAIN = 64

interface Holder {
  readonly kind: PolicyKind
  readonly owner: HclBlock
  readonly resource: { readonly logicalId: string; readonly type: string }
}

export function attachmentsOf(
  context: TerraformContext,
  path: string,
  holder: Holder
): Attachment[] {
  const folder = folderOf(path)
  const module = context.module(folder)
  const scopes = scopesOf(context, folder)
  const out = collect(module, scopes, holder, 0)
  if (out.length === 0) {
    const what =
      holder.kind === 'tf-policy-document'
        ? `data.aws_iam_policy_document.${holder.resource.logicalId}`
        : `${holder.resource.type}.${holder.resource.logicalId}`
    return [
      {
        type: 'role',
        unresolved:
          holder.kind === 'tf-policy-document'
            ? `no IAM policy of this module uses ${what}.json`
            : `nothing in this module attaches ${what} to a role or user`
      }
    ]
  }
  return out
}

function collect(
  module: ModuleIndex,
  scopes: readonly Scope[],
  holder: Holder,
  depth: number
): Attachment[] {
  const self = `${holder.resource.type}.${holder.resource.logicalId}`
  const body = holder.owner.body
  switch (holder.kind) {
    case 'tf-role-policy':
      return principalsOf(module, scopes, attribute(body, 'role')?.value, 'role', self)
    case 'tf-user-policy':
      return principalsOf(module, scopes, attribute(body, 'user')?.value, 'user', self)
    case 'tf-group-policy':
      return principalsOf(module, scopes, attribute(body, 'group')?.value, 'group', self)
    case 'tf-role-inline':
      return namedResource(module, scopes, holder.owner, 'role', `inline_policy of ${self}`)
    case 'tf-policy':
      return managedPolicyUsers(module, scopes, holder.resource.logicalId)
    case 'tf-policy-document':
      return documentUsers(module, scopes, holder.resource.logicalId, depth, new Map())
    case 'tf-module-statements':
      return moduleRole(scopes, holder.owner)
    default:
      return []
  }
}

/**
 * The resources that use `data.aws_iam_policy_document.NAME.json` as their policy. `done` holds
 * each document's answer once computed (and marks the ones being computed), so documents that
 * merge one another in a cycle or a wide lattice cost one pass each.
 */
function documentUsers(
  module: ModuleIndex,
  scopes: readonly Scope[],
  name: string,
  depth: number,
  done: Map<string, Attachment[] | 'pending'>
): Attachment[] {
  const known = done.get(name)
  if (known === 'pending') return [] // a cycle: the document is already being followed
  if (known) return known
  if (depth > MAX_DOCUMENT_CHAIN)
    return [{ type: 'role', unresolved: 'policy documents merge into one another too deeply' }]
  done.set(name, 'pending')
  const out: Attachment[] = []
  for (const [address, r] of module.resources) {
    const [type, logicalId] = address.split('.') as [string, string]
    const resource = { type, logicalId }
    const holders: { kind: PolicyKind; expr: HclExpr | undefined }[] = []
    if (type === 'aws_iam_policy')
      holders.push({ kind: 'tf-policy', expr: attribute(r.block.body, 'policy')?.value })
    else if (type === 'aws_iam_role_policy')
      holders.push({ kind: 'tf-role-policy', expr: attribute(r.block.body, 'policy')?.value })
    else if (type === 'aws_iam_user_policy')
      holders.push({ kind: 'tf-user-policy', expr: attribute(r.block.body, 'policy')?.value })
    else if (type === 'aws_iam_group_policy')
      holders.push({ kind: 'tf-group-policy', expr: attribute(r.block.body, 'policy')?.value })
    else if (type === 'aws_iam_role') {
      for (const inline of blocks(r.block.body, 'inline_policy')) {
        holders.push({ kind: 'tf-role-inline', expr: attribute(inline.body, 'policy')?.value })
      }
    }
    for (const h of holders) {
      if (!h.expr || !usesDocument(h.expr, name)) continue
      out.push(
        ...collect(module, scopes, { kind: h.kind, owner: r.block, resource }, depth + 1).map(
          a => ({
            ...a,
            via: joinVia(`data.aws_iam_policy_document.${name}.json in ${address}`, a.via)
          })
        )
      )
    }
  }
  for (const [address, d] of module.data) {
    if (!address.startsWith('aws_iam_policy_document.')) continue
    const other = address.slice('aws_iam_policy_document.'.length)
    for (const key of ['source_policy_documents', 'override_policy_documents']) {
      const list = attribute(d.block.body, key)?.value
      const items = list?.kind === 'tuple' ? list.items : list ? [list] : []
      if (!items.some(i => usesDocument(i, name))) continue
      const merged = documentUsers(module, scopes, other, depth + 1, done)
      out.push(
        ...merged.map(a => ({
          ...a,
          via: joinVia(`merged into data.aws_iam_policy_document.${other} through ${key}`, a.via)
        }))
      )
    }
  }
  for (const call of module.calls) {
    for (const item of call.block.body.items) {
      if ('body' in item || !usesDocument(item.value, name)) continue
      out.push({
        type: 'role',
        unresolved: `data.aws_iam_policy_document.${name}.json is passed to module.${call.block.labels[0] ?? ''} (input ${item.name}), whose roles are not followed`
      })
    }
  }
  // the same principal reached along several paths counts once (its first path is kept)
  const unique = new Map<string, Attachment>()
  for (const a of out) {
    const key = JSON.stringify([a.type, a.name, a.namePrefix, a.path, a.account, a.unresolved])
    if (!unique.has(key)) unique.set(key, a)
  }
  const result = [...unique.values()]
  done.set(name, result)
  return result
}

function usesDocument(expr: HclExpr, name: string): boolean {
  return (
    expr.kind === 'reference' &&
    expr.parts.length === 4 &&
    expr.parts[0] === 'data' &&
    expr.parts[1] === 'aws_iam_policy_document' &&
    expr.parts[2] === name &&
    (expr.parts[3] === 'json' || expr.parts[3] === 'minified_json')
  )
}

/** The role a registry module (registry.ts) makes, named by the module call's inputs. */
function moduleRole(scopes: readonly Scope[], call: HclBlock): Attachment[] {
  const source = attribute(call.body, 'source')?.value
  const shape = STATEMENT_MODULES.find(
    m => source?.kind === 'string' && m.source.test(source.value)
  )
  const via = `module.${call.labels[0] ?? ''}`
  if (!shape) return []
  const nameInput = shape.roleName
    .map(n => attribute(call.body, n)?.value)
    .find(e => e !== undefined)
  if (!nameInput) {
    return [
      {
        type: 'role',
        unresolved: `${via} has no ${shape.roleName.join(' or ')}: the role's name is not known`,
        via
      }
    ]
  }
  const prefixFlag = shape.usePrefix
    ? attribute(call.body, shape.usePrefix.input)?.value
    : undefined
  if (prefixFlag && prefixFlag.kind !== 'bool') {
    return [{ type: 'role', unresolved: `${via}: ${shape.usePrefix?.input} is not a literal`, via }]
  }
  const prefix = shape.usePrefix && (prefixFlag ? prefixFlag.value : shape.usePrefix.default)
  const pathInput = attribute(call.body, shape.path)?.value
  const iamPath = pathInput?.kind === 'string' ? pathInput.value : undefined
  const results = scopes.map(s => resolveStrings(nameInput, s))
  const named = fromNames(results, 'role', via, iamPath, prefix ? 'prefix' : undefined)
  return prefix
    ? named.map(a =>
        a.namePrefix !== undefined
          ? { ...a, namePrefix: `${a.namePrefix}${shape.usePrefix?.suffix ?? ''}` }
          : a
      )
    : named
}

/** The smallest quota among the policies a document is used as (managed when unused). */
export function documentQuota(context: TerraformContext, path: string, name: string): Quota {
  const module = context.module(folderOf(path))
  let quota: Quota | undefined
  const consider = (q: Quota): void => {
    if (!quota || q.limit < quota.limit) quota = q
  }
  for (const [address, r] of module.resources) {
    const type = address.split('.')[0]
    const exprs =
      type === 'aws_iam_role'
        ? blocks(r.block.body, 'inline_policy').map(b => attribute(b.body, 'policy')?.value)
        : [attribute(r.block.body, 'policy')?.value]
    if (!exprs.some(e => e && usesDocument(e, name))) continue
    if (type === 'aws_iam_policy') consider(QUOTAS.managed)
    else if (type === 'aws_iam_user_policy') consider(QUOTAS.user)
    else if (type === 'aws_iam_group_policy') consider(QUOTAS.group)
    else consider(QUOTAS.role)
  }
  return quota ?? QUOTAS.managed
}

/** The principals an `aws_iam_policy` reaches through attachments and `managed_policy_arns`. */
function managedPolicyUsers(
  module: ModuleIndex,
  scopes: readonly Scope[],
  name: string
): Attachment[] {
  const out: Attachment[] = []
  const isThis = (e: HclExpr | undefined): boolean =>
    e?.kind === 'reference' &&
    e.parts[0] === 'aws_iam_policy' &&
    e.parts[1] === name &&
    (e.parts[e.parts.length - 1] === 'arn' || e.parts[e.parts.length - 1] === 'id')
  const listHas = (e: HclExpr | undefined): boolean =>
    e?.kind === 'tuple' ? e.items.some(isThis) : isThis(e)
  for (const [address, r] of module.resources) {
    const [type] = address.split('.')
    const body = r.block.body
    const via = address
    if (type === 'aws_iam_role_policy_attachment' && isThis(attribute(body, 'policy_arn')?.value)) {
      out.push(...principalsOf(module, scopes, attribute(body, 'role')?.value, 'role', via))
    } else if (
      type === 'aws_iam_user_policy_attachment' &&
      isThis(attribute(body, 'policy_arn')?.value)
    ) {
      out.push(...principalsOf(module, scopes, attribute(body, 'user')?.value, 'user', via))
    } else if (
      type === 'aws_iam_group_policy_attachment' &&
      isThis(attribute(body, 'policy_arn')?.value)
    ) {
      out.push(...principalsOf(module, scopes, attribute(body, 'group')?.value, 'group', via))
    } else if (
      type === 'aws_iam_policy_attachment' &&
      isThis(attribute(body, 'policy_arn')?.value)
    ) {
      for (const [key, kind] of [
        ['roles', 'role'],
        ['users', 'user'],
        ['groups', 'group']
      ] as const) {
        const list = attribute(body, key)?.value
        if (!list) continue
        if (list.kind !== 'tuple') {
          out.push({ type: kind, unresolved: `the ${key} of ${via} are not a literal list`, via })
          continue
        }
        for (const item of list.items) out.push(...principalsOf(module, scopes, item, kind, via))
      }
    } else if (type === 'aws_iam_role' && listHas(attribute(body, 'managed_policy_arns')?.value)) {
      out.push(
        ...namedResource(module, scopes, r.block, 'role', `managed_policy_arns of ${address}`)
      )
    } else if (
      type === 'aws_iam_role_policy_attachments_exclusive' &&
      listHas(attribute(body, 'policy_arns')?.value)
    ) {
      out.push(...principalsOf(module, scopes, attribute(body, 'role_name')?.value, 'role', via))
    }
  }
  return out
}

const RESOURCE_TYPE = {
  role: 'aws_iam_role',
  user: 'aws_iam_user',
  group: 'aws_iam_group'
} as const

/**
 * The principals an expression names: `aws_iam_role.X.name` (or `.id`, `.arn`, `.unique_id`, of
 * one or all instances) is the role resource X of the module; a literal or template is a name or
 * an ARN.
 */
function principalsOf(
  module: ModuleIndex,
  scopes: readonly Scope[],
  expr: HclExpr | undefined,
  type: Attachment['type'],
  via: string
): Attachment[] {
  if (!expr) return [{ type, unresolved: `${via} names no ${type}`, via }]
  if (expr.kind === 'reference' && expr.parts[0] === RESOURCE_TYPE[type]) {
    const name = expr.parts[1]
    const target =
      name !== undefined ? module.resources.get(`${RESOURCE_TYPE[type]}.${name}`) : undefined
    if (!target) {
      return [
        {
          type,
          unresolved: `${via} names ${expr.parts.join('.')}, which is not in this module`,
          via
        }
      ]
    }
    return namedResource(module, scopes, target.block, type, via)
  }
  return fromNames(
    scopes.map(s => resolveStrings(expr, s)),
    type,
    via,
    undefined
  )
}

/** A role, user or group resource of the module: its `name`, or its `name_prefix`, per instance. */
function namedResource(
  module: ModuleIndex,
  scopes: readonly Scope[],
  block: HclBlock,
  type: Attachment['type'],
  via: string
): Attachment[] {
  const address = `${block.labels[0] ?? ''}.${block.labels[1] ?? ''}`
  const link = via === address ? via : `${via} -> ${address}`
  const name = attribute(block.body, 'name')?.value
  const prefix = attribute(block.body, 'name_prefix')?.value
  const pathExpr = attribute(block.body, 'path')?.value
  const iamPath = pathExpr?.kind === 'string' ? pathExpr.value : undefined
  if (!name && !prefix) {
    return [
      {
        type,
        unresolved: `${address} has no name: Terraform generates one (terraform-<26 characters>)`,
        via: link
      }
    ]
  }
  const results: Resolution[] = []
  for (const scope of scopes) {
    const instances = instancesOf(block, scope)
    if (!instances.ok) return [{ type, unresolved: `${address}: ${instances.reason}`, via: link }]
    for (const instance of instances.instances) {
      results.push(resolveStrings((name ?? prefix) as HclExpr, { ...scope, instance }))
    }
  }
  return fromNames(results, type, link, iamPath, name ? undefined : 'prefix')
}

function fromNames(
  results: readonly Resolution[],
  type: Attachment['type'],
  via: string,
  iamPath: string | undefined,
  prefix?: 'prefix'
): Attachment[] {
  const out: Attachment[] = []
  const seen = new Set<string>()
  for (const r of results) {
    if (!r.ok)
      return [{ type, unresolved: `the ${type} name cannot be resolved: ${r.reason}`, via }]
    const source: PrincipalSource = prefix
      ? 'terraform-name-prefix'
      : r.through === 'literal'
        ? 'terraform-name'
        : r.through === 'module'
          ? 'terraform-module'
          : 'terraform-variables'
    for (const value of r.values) {
      const arn = /^arn:aws[a-z-]*:iam::(\d{12}):(role|user|group)(\/(?:[^/]+\/)*)([^/]+)$/.exec(
        value
      )
      const name = arn ? (arn[4] as string) : value
      const path = arn ? arn[3] : iamPath
      const key = `${path ?? ''}${name}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({
        type,
        ...(prefix ? { namePrefix: name } : { name }),
        ...(path !== undefined ? { path } : {}),
        ...(arn ? { account: arn[1] } : {}),
        source,
        via
      })
    }
  }
  return out
}

function joinVia(step: string, rest: string | undefined): string {
  return rest ? `${step} -> ${rest}` : step
}

export type { ModuleBlock }

// ---------------------------------------------------------------- file() and templatefile()

const HOLDER_KINDS: Record<string, PolicyKind> = {
  aws_iam_policy: 'tf-policy',
  aws_iam_role_policy: 'tf-role-policy',
  aws_iam_user_policy: 'tf-user-policy',
  aws_iam_group_policy: 'tf-group-policy'
}

const HOLDER_QUOTAS: Record<string, Quota> = {
  'tf-policy': QUOTAS.managed,
  'tf-role-policy': QUOTAS.role,
  'tf-user-policy': QUOTAS.user,
  'tf-group-policy': QUOTAS.group,
  'tf-role-inline': QUOTAS.role
}

/** A policy a Terraform resource reads from a repository file with `file()` or `templatefile()`. */
export interface FileReferrer {
  /** The module folder of the resource. */
  readonly folder: string
  readonly holder: Holder
  readonly quota: Quota
  /** `templatefile`: `${…}` in the file are Terraform's to fill. */
  readonly template: boolean
  /** `aws_iam_role_policy.app.policy`, for messages. */
  readonly where: string
}

const referrerIndexes = new WeakMap<TerraformContext, Map<string, FileReferrer[]>>()

/** The Terraform resources whose `policy` is `file()` or `templatefile()` of `path`. */
export function fileReferrers(context: TerraformContext, path: string): readonly FileReferrer[] {
  let index = referrerIndexes.get(context)
  if (!index) {
    index = new Map()
    const folders = new Set([...context.files.keys()].map(folderOf))
    for (const folder of folders) {
      for (const [address, r] of context.module(folder).resources) {
        const [type, logicalId] = address.split('.') as [string, string]
        const resource = { type, logicalId }
        const policies: { kind: PolicyKind; expr: HclExpr | undefined; where: string }[] = []
        const kind = HOLDER_KINDS[type]
        if (kind) {
          policies.push({
            kind,
            expr: attribute(r.block.body, 'policy')?.value,
            where: `${address}.policy`
          })
        } else if (type === 'aws_iam_role') {
          blocks(r.block.body, 'inline_policy').forEach((b, i) =>
            policies.push({
              kind: 'tf-role-inline',
              expr: attribute(b.body, 'policy')?.value,
              where: `${address}.inline_policy[${i}].policy`
            })
          )
        }
        for (const p of policies) {
          const target = p.expr ? fileTarget(p.expr, folder) : undefined
          if (!target) continue
          const list = index.get(target.path) ?? []
          list.push({
            folder,
            holder: { kind: p.kind, owner: r.block, resource },
            quota: HOLDER_QUOTAS[p.kind] ?? QUOTAS.managed,
            template: target.template,
            where: p.where
          })
          index.set(target.path, list)
        }
      }
    }
    referrerIndexes.set(context, index)
  }
  return index.get(path) ?? []
}

/** The repository path `file("${path.module}/x.json")` reads (a literal is relative to the module). */
function fileTarget(
  expr: HclExpr,
  folder: string
): { path: string; template: boolean } | undefined {
  if (expr.kind !== 'call' || (expr.name !== 'file' && expr.name !== 'templatefile'))
    return undefined
  const arg = expr.args[0]
  let relative: string | undefined
  if (arg?.kind === 'string') relative = arg.value
  else if (arg?.kind === 'template') {
    relative = ''
    for (const part of arg.parts) {
      if ('text' in part) relative += part.text
      else if (
        part.expr.kind === 'reference' &&
        part.expr.parts.length === 2 &&
        part.expr.parts[0] === 'path' &&
        part.expr.parts[1] === 'module' &&
        relative === ''
      ) {
        relative = '.'
      } else return undefined
    }
  }
  if (relative === undefined || relative.startsWith('/')) return undefined
  return { path: joinPath(folder, relative), template: expr.name === 'templatefile' }
}

/** The principals of a policy file a Terraform resource reads, as for a policy written inline. */
export function attachmentsOfReferrer(
  context: TerraformContext,
  referrer: FileReferrer
): Attachment[] {
  const scopes = scopesOf(context, referrer.folder)
  const out = collect(context.module(referrer.folder), scopes, referrer.holder, 0)
  const via = `${referrer.where} reads this file`
  return (
    out.length > 0
      ? out
      : [
          {
            type: 'role' as const,
            unresolved: `nothing in that module attaches ${referrer.holder.resource.type}.${referrer.holder.resource.logicalId} to a role or user`
          }
        ]
  ).map(a => ({ ...a, via: a.via ? `${via} -> ${a.via}` : via }))
}
