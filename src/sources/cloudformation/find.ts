import type { Quota } from '../../engine/model.js'
import { QUOTAS } from '../../engine/refine.js'
import type { Attachment, ConditionBranch, PolicyKind } from '../model.js'
import {
  addPolicy,
  describeIntrinsic,
  forEachBranch,
  intrinsicName,
  literal,
  nodeAt,
  note,
  pair,
  type FindContext,
  type Path
} from '../document/nodes.js'
import type { MapNode, SourceNode } from '../document/tree.js'

/**
 * CloudFormation and SAM templates: the IAM resources' policies (inline, attached, managed) and
 * the inline statements of SAM functions, each with the principals the template attaches it to.
 */

/** Whether a parsed tree is a CloudFormation or SAM template. */
export function isTemplate(root: SourceNode): boolean {
  if (root.kind !== 'map') return false
  if (pair(root, 'AWSTemplateFormatVersion')) return true
  const resources = pair(root, 'Resources')
  if (resources?.kind !== 'map') return false
  return resources.pairs.some(p => {
    const type = p.value.kind === 'map' ? literal(pair(p.value, 'Type')) : undefined
    return type !== undefined && /^(AWS|Alexa|Custom)::/.test(type)
  })
}

// ---------------------------------------------------------------- CloudFormation and SAM

const INLINE_KINDS: Record<
  string,
  { kind: PolicyKind; type: Attachment['type']; nameKey: string; quota: Quota }
> = {
  'AWS::IAM::Role': {
    kind: 'cfn-role-inline',
    type: 'role',
    nameKey: 'RoleName',
    quota: QUOTAS.role
  },
  'AWS::IAM::User': {
    kind: 'cfn-user-inline',
    type: 'user',
    nameKey: 'UserName',
    quota: QUOTAS.user
  },
  'AWS::IAM::Group': {
    kind: 'cfn-group-inline',
    type: 'group',
    nameKey: 'GroupName',
    quota: QUOTAS.group
  }
}

const SINGLE_ATTACHED: Record<
  string,
  { kind: PolicyKind; type: Attachment['type']; key: string; quota: Quota }
> = {
  'AWS::IAM::RolePolicy': {
    kind: 'cfn-role-policy',
    type: 'role',
    key: 'RoleName',
    quota: QUOTAS.role
  },
  'AWS::IAM::UserPolicy': {
    kind: 'cfn-user-policy',
    type: 'user',
    key: 'UserName',
    quota: QUOTAS.user
  },
  'AWS::IAM::GroupPolicy': {
    kind: 'cfn-group-policy',
    type: 'group',
    key: 'GroupName',
    quota: QUOTAS.group
  }
}

const ATTACHMENT_LISTS: readonly [string, Attachment['type'], Quota][] = [
  ['Roles', 'role', QUOTAS.role],
  ['Users', 'user', QUOTAS.user],
  ['Groups', 'group', QUOTAS.group]
]

/**
 * The IAM policies of a template's `Resources`. `root` is the template, or the part of a file
 * that holds `Resources` (a Serverless Framework `resources` section) at `prefix`.
 */
export function findInTemplate(ctx: FindContext, root: MapNode, prefix: Path = []): void {
  const resources = pair(root, 'Resources')
  if (resources?.kind !== 'map') return
  const globalPolicies = at(root, ['Globals', 'Function', 'Policies'])
  if (globalPolicies) {
    note(
      ctx,
      globalPolicies.node,
      [...prefix, ...globalPolicies.path],
      'SAM Globals Policies apply to every function; not refined',
      true
    )
  }
  for (const r of resources.pairs) {
    if (r.value.kind !== 'map') continue
    const type = literal(pair(r.value, 'Type'))
    const props = pair(r.value, 'Properties')
    if (type === undefined || props?.kind !== 'map') continue
    const base: Path = [...prefix, 'Resources', r.key, 'Properties']
    const resource = { logicalId: r.key, type }
    const inline = INLINE_KINDS[type]
    if (inline) {
      const self: Attachment = {
        type: inline.type,
        logicalId: r.key,
        ...nameOf(props, inline.nameKey),
        ...pathOf(props)
      }
      managedPolicyNotes(ctx, props, base)
      const policies = pair(props, 'Policies')
      if (!policies) continue
      forEachBranch(ctx, policies, [...base, 'Policies'], [], (list, listPath, branches) => {
        if (list.kind !== 'seq' || list.tag) {
          note(
            ctx,
            list,
            listPath,
            `Policies is given by ${describeIntrinsic(list)}, not a literal list; not checked`,
            true
          )
          return
        }
        list.items.forEach((entry, i) => {
          forEachBranch(ctx, entry, [...listPath, i], branches, (item, itemPath, taken) => {
            if (item.kind !== 'map' || item.tag || intrinsicName(item) !== undefined) {
              note(
                ctx,
                item,
                itemPath,
                `this Policies entry is given by ${describeIntrinsic(item)}, not a literal; not checked`,
                true
              )
              return
            }
            const doc = pair(item, 'PolicyDocument')
            if (!doc) return
            addPolicy(ctx, doc, [...itemPath, 'PolicyDocument'], inline.kind, {
              quota: inline.quota,
              attachments: [self],
              resource,
              policyName: literalName(pair(item, 'PolicyName')),
              branches: taken
            })
          })
        })
      })
      continue
    }
    if (type === 'AWS::IAM::Policy' || type === 'AWS::IAM::ManagedPolicy') {
      const doc = pair(props, 'PolicyDocument')
      if (!doc) continue
      const attachments: Attachment[] = []
      let quota: Quota = type === 'AWS::IAM::ManagedPolicy' ? QUOTAS.managed : QUOTAS.role
      let first = true
      for (const [key, kind, q] of ATTACHMENT_LISTS) {
        const list = pair(props, key)
        if (!list) continue
        attachments.push(...attachmentsOf(resources, list, kind))
        if (type === 'AWS::IAM::Policy' && (first || q.limit < quota.limit)) quota = q
        first = false
      }
      addPolicy(
        ctx,
        doc,
        [...base, 'PolicyDocument'],
        type === 'AWS::IAM::Policy' ? 'cfn-policy' : 'cfn-managed-policy',
        {
          quota,
          attachments,
          resource,
          policyName: literalName(
            pair(props, type === 'AWS::IAM::Policy' ? 'PolicyName' : 'ManagedPolicyName')
          )
        }
      )
      continue
    }
    const single = SINGLE_ATTACHED[type]
    if (single) {
      const doc = pair(props, 'PolicyDocument')
      if (!doc) continue
      const target = pair(props, single.key)
      addPolicy(ctx, doc, [...base, 'PolicyDocument'], single.kind, {
        quota: single.quota,
        attachments: target ? [attachmentOf(resources, target, single.type)] : [],
        resource,
        policyName: literalName(pair(props, 'PolicyName'))
      })
      continue
    }
    const sam = SAM_RESOURCES[type]
    if (sam) findInSamResource(ctx, r.key, sam, props, base)
  }
}

/** SAM resources whose `Policies` become the inline policies of a role SAM generates. */
const SAM_RESOURCES: Record<string, { kind: PolicyKind; what: string }> = {
  'AWS::Serverless::Function': { kind: 'sam-function', what: 'function' },
  'AWS::Serverless::StateMachine': { kind: 'sam-state-machine', what: 'state machine' }
}

/** A role's `ManagedPolicyArns`, each listed once: attached by name, its content lives elsewhere. */
function managedPolicyNotes(ctx: FindContext, props: MapNode, base: Path): void {
  const arns = pair(props, 'ManagedPolicyArns')
  if (!arns) return
  const path = [...base, 'ManagedPolicyArns']
  if (arns.kind !== 'seq' || arns.tag) {
    note(
      ctx,
      arns,
      path,
      `ManagedPolicyArns (${describeIntrinsic(arns)}): managed policies attached by ARN, not refinable here`
    )
    return
  }
  arns.items.forEach((item, i) => {
    const arn = literal(item)
    note(
      ctx,
      item,
      [...path, i],
      `managed policy ${arn ?? `given by ${describeIntrinsic(item)}`}: attached by ARN, its statements live in the managed policy; not refinable here`
    )
  })
}

function findInSamResource(
  ctx: FindContext,
  logicalId: string,
  sam: { kind: PolicyKind; what: string },
  props: MapNode,
  base: Path
): void {
  const policies = pair(props, 'Policies')
  if (!policies) return
  const path = [...base, 'Policies']
  if (pair(props, 'Role')) {
    note(ctx, policies, path, `${logicalId} has a Role, so SAM ignores its Policies; not refined`)
    return
  }
  const role: Attachment = { type: 'role', logicalId: `${logicalId}Role`, samResource: logicalId }
  const resource = {
    logicalId,
    type: sam.what === 'function' ? 'AWS::Serverless::Function' : 'AWS::Serverless::StateMachine'
  }
  const entry = (node: SourceNode, p: Path, branches: readonly ConditionBranch[]): void => {
    if (node.kind === 'alias') {
      note(ctx, node, p, `this Policies entry is the YAML alias *${node.name}; not checked`, true)
    } else if (node.kind === 'scalar' && !node.tag) {
      note(
        ctx,
        node,
        p,
        `managed policy ${String(node.value)}: attached by name, its statements live in the managed policy; not refinable here`
      )
    } else if (node.tag || intrinsicName(node) !== undefined) {
      note(
        ctx,
        node,
        p,
        `this Policies entry is given by ${describeIntrinsic(node)}, not a literal; not checked`,
        true
      )
    } else if (node.kind === 'map' && pair(node, 'Statement')) {
      addPolicy(ctx, node, p, sam.kind, {
        quota: QUOTAS.role,
        attachments: [role],
        resource,
        branches
      })
    } else if (node.kind === 'map') {
      const name = node.pairs[0]?.key ?? 'entry'
      note(
        ctx,
        node,
        p,
        `SAM policy template ${name}: SAM expands it to statements of its own; not refinable here`
      )
    }
  }
  forEachBranch(ctx, policies, path, [], (value, at, branches) => {
    if (value.kind === 'seq' && !value.tag) {
      value.items.forEach((item, i) => forEachBranch(ctx, item, [...at, i], branches, entry))
    } else entry(value, at, branches)
  })
}

function attachmentsOf(
  resources: MapNode,
  list: SourceNode,
  type: Attachment['type']
): Attachment[] {
  if (list.kind !== 'seq' || list.tag) {
    return [{ type, unresolved: `the ${type} list is given by an intrinsic function` }]
  }
  return list.items.map(item => attachmentOf(resources, item, type))
}

/** A principal a policy names: a literal name, or a `Ref` to a resource of the same template. */
function attachmentOf(resources: MapNode, node: SourceNode, type: Attachment['type']): Attachment {
  const name = literalName(node)
  if (name !== undefined) return { type, name }
  const ref = refOf(node)
  if (ref === undefined) {
    return { type, unresolved: `a ${type} is given by ${describeIntrinsic(node)}` }
  }
  const target = pair(resources, ref)
  if (target?.kind === 'map') {
    const props = pair(target, 'Properties')
    const nameKey = type === 'role' ? 'RoleName' : type === 'user' ? 'UserName' : 'GroupName'
    return {
      type,
      logicalId: ref,
      ...(props?.kind === 'map' ? { ...nameOf(props, nameKey), ...pathOf(props) } : {})
    }
  }
  // SAM generates `<Function>Role` for a function (or state machine) without a Role.
  const fn = ref.endsWith('Role') ? pair(resources, ref.slice(0, -4)) : undefined
  const fnType = fn?.kind === 'map' ? literal(pair(fn, 'Type')) : undefined
  if (fnType !== undefined && SAM_RESOURCES[fnType]) {
    return { type, logicalId: ref, samResource: ref.slice(0, -4) }
  }
  return {
    type,
    unresolved: `a ${type} is given by Ref ${ref}, which is not a resource of the template`
  }
}

function nameOf(props: MapNode, key: string): { name?: string; unresolved?: string } {
  const node = pair(props, key)
  if (!node) return {}
  const name = literalName(node)
  return name !== undefined
    ? { name }
    : { unresolved: `${key} is given by ${describeIntrinsic(node)}` }
}

function pathOf(props: MapNode): { path?: string } {
  const path = literalName(pair(props, 'Path'))
  return path !== undefined ? { path } : {}
}

function refOf(node: SourceNode): string | undefined {
  if (node.kind === 'scalar' && node.tag === '!Ref' && typeof node.value === 'string')
    return node.value
  if (node.kind === 'map' && !node.tag && node.pairs.length === 1 && node.pairs[0]?.key === 'Ref') {
    return literal(node.pairs[0].value)
  }
  return undefined
}

function at(root: SourceNode, path: Path): { node: SourceNode; path: Path } | undefined {
  const node = nodeAt(root, path)
  return node ? { node, path } : undefined
}

/**
 * A name CloudFormation computes to a constant: a plain string, `!Sub` / `Fn::Sub` of a string
 * with no variable (`${!x}` is the literal `${x}`), or `!Join` / `Fn::Join` of such names. A name
 * that needs a parameter, a pseudo parameter or another resource is undefined: unresolved, never
 * guessed. Without this, `RoleName: !Sub AppRole` would leave the policy unmapped.
 */
export function literalName(node: SourceNode | undefined, depth = 0): string | undefined {
  if (node === undefined || depth > 16) return undefined
  const plain = literal(node)
  if (plain !== undefined) return plain
  const fn = intrinsic(node)
  if (fn?.name === 'Sub') {
    let template = fn.args
    if (template?.kind === 'seq') {
      const [text, vars] = template.items
      if (template.items.length !== 2 || vars?.kind !== 'map' || vars.pairs.length > 0) {
        return undefined
      }
      template = text
    }
    const text = literal(template)
    if (text === undefined || /\$\{(?!!)/.test(text)) return undefined
    return text.replace(/\$\{!/g, '${')
  }
  if (fn?.name === 'Join' && fn.args?.kind === 'seq' && fn.args.items.length === 2) {
    const [delimiter, list] = fn.args.items
    const d = literal(delimiter)
    if (d === undefined || list?.kind !== 'seq' || list.tag) return undefined
    const parts = list.items.map(item => literalName(item, depth + 1))
    return parts.every(p => p !== undefined) ? parts.join(d) : undefined
  }
  return undefined
}

/** `!Name args` or `{"Fn::Name": args}`: the function's name and its argument node. */
function intrinsic(node: SourceNode): { name: string; args: SourceNode | undefined } | undefined {
  if (node.tag?.startsWith('!')) {
    const untagged = { ...node, tag: undefined } as SourceNode
    return { name: node.tag.slice(1), args: untagged }
  }
  if (node.kind === 'map' && node.pairs.length === 1 && node.pairs[0]!.key.startsWith('Fn::')) {
    return { name: node.pairs[0]!.key.slice(4), args: node.pairs[0]!.value }
  }
  return undefined
}
