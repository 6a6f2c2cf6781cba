import { QUOTAS } from '../engine/refine.js'
import type { Quota } from '../engine/model.js'
import type {
  Attachment,
  FileScan,
  PolicyKind,
  PolicyLocation,
  SourceNote,
  StatementLocation
} from './model.js'
import {
  ExpansionError,
  LineIndex,
  MAX_NESTING,
  detectSyntax,
  parseSource,
  toValue,
  valueBudget,
  type MapNode,
  type SourceNode,
  type SourceTree
} from './tree.js'

type Path = readonly (string | number)[]

/**
 * Finds the identity policies in one file's text, detecting by content: a policy document (the
 * whole file or nested), or a CloudFormation / SAM template's IAM resources. A file that is neither
 * is `none`; one that looks like a policy or template but does not parse is `malformed`.
 */
export function findPolicies(text: string, file: string): FileScan {
  return scanText(text, file).scan
}

/** `findPolicies`, with the parsed tree too, so that rendering edits need not parse again. */
export function scanText(text: string, file: string): { scan: FileScan; tree?: SourceTree } {
  const empty = { file, policies: [], notes: [] }
  if (text.includes('\u0000')) {
    return {
      scan: { ...empty, status: 'skipped', message: 'is binary (it holds NUL bytes); not read' }
    }
  }
  // Every policy has a Statement: a cheap test that spares parsing most files of a repository.
  if (!text.includes('Statement')) return { scan: { ...empty, status: 'none' } }
  let syntax = detectSyntax(text)
  let parsed = parseSource(text, syntax)
  if (!parsed.ok && syntax === 'json') {
    // YAML in flow style also starts with `{`: read it as YAML before calling it malformed
    const yaml = parseSource(text, 'yaml')
    if (yaml.ok) [parsed, syntax] = [yaml, 'yaml']
  }
  if (!parsed.ok) {
    if (!looksLikePolicy(text)) return { scan: { ...empty, status: 'none' } }
    const { line, column } = new LineIndex(text).position(parsed.offset)
    const status = parsed.message.includes('nested more than') ? 'skipped' : 'malformed'
    return { scan: { ...empty, status, syntax, message: parsed.message, line, column } }
  }
  try {
    const found = findInTree(parsed.tree, file)
    if (found.policies.length === 0 && found.notes.length === 0 && !found.template) {
      return { scan: { ...empty, status: 'none', syntax } }
    }
    return { scan: { file, status: 'policies', syntax, ...found }, tree: parsed.tree }
  } catch (error) {
    if (error instanceof ExpansionError) {
      return { scan: { ...empty, status: 'skipped', syntax, message: error.message } }
    }
    throw error
  }
}

/** Whether a text that failed to parse was meant as a policy or a template, so it is reported. */
export function looksLikePolicy(text: string): boolean {
  return (
    /\bStatement\b/.test(text) &&
    (/\bEffect\b/.test(text) || /AWS::/.test(text) || /AWSTemplateFormatVersion/.test(text))
  )
}

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

export function findInTree(
  tree: SourceTree,
  file: string
): { policies: PolicyLocation[]; notes: SourceNote[]; template: boolean } {
  const ctx: Context = {
    tree,
    file,
    lines: new LineIndex(tree.text),
    budget: valueBudget(tree.text),
    policies: [],
    notes: []
  }
  const template = isTemplate(tree.root)
  if (template) findInTemplate(ctx, tree.root as MapNode)
  else findDocuments(ctx, tree.root, [], 0)
  return { policies: ctx.policies, notes: ctx.notes, template }
}

interface Context {
  readonly tree: SourceTree
  readonly file: string
  readonly lines: LineIndex
  readonly budget: { left: number }
  readonly policies: PolicyLocation[]
  readonly notes: SourceNote[]
}

// ---------------------------------------------------------------- plain policy documents

function findDocuments(ctx: Context, node: SourceNode, path: Path, depth: number): void {
  if (depth > MAX_NESTING) return
  if (node.kind === 'map') {
    if (looksLikeDocument(node, path.length === 0)) {
      addPolicy(ctx, node, path, 'json-policy', { quota: QUOTAS.managed, attachments: [] })
      return
    }
    for (const p of node.pairs) findDocuments(ctx, p.value, [...path, p.key], depth + 1)
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => findDocuments(ctx, item, [...path, i], depth + 1))
  }
}

/** `{"Statement": ...}` with a Version, or whose statements have an Effect. */
function looksLikeDocument(node: MapNode, isRoot: boolean): boolean {
  const statement = pair(node, 'Statement')
  if (!statement || (statement.kind !== 'seq' && statement.kind !== 'map')) return false
  if (pair(node, 'Version') || isRoot) return true
  const items = statement.kind === 'seq' ? statement.items : [statement]
  return items.some(s => s.kind === 'map' && pair(s, 'Effect') !== undefined)
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

function findInTemplate(ctx: Context, root: MapNode): void {
  const resources = pair(root, 'Resources')
  if (resources?.kind !== 'map') return
  const globalPolicies = at(root, ['Globals', 'Function', 'Policies'])
  if (globalPolicies) {
    note(
      ctx,
      globalPolicies.node,
      globalPolicies.path,
      'SAM Globals Policies apply to every function; not refined'
    )
  }
  for (const r of resources.pairs) {
    if (r.value.kind !== 'map') continue
    const type = literal(pair(r.value, 'Type'))
    const props = pair(r.value, 'Properties')
    if (type === undefined || props?.kind !== 'map') continue
    const base: Path = ['Resources', r.key, 'Properties']
    const resource = { logicalId: r.key, type }
    const inline = INLINE_KINDS[type]
    if (inline) {
      const self: Attachment = {
        type: inline.type,
        logicalId: r.key,
        ...nameOf(props, inline.nameKey),
        ...pathOf(props)
      }
      const policies = pair(props, 'Policies')
      if (!policies) continue
      if (policies.kind !== 'seq' || policies.tag) {
        note(ctx, policies, [...base, 'Policies'], 'Policies is not a plain list; not refined')
        continue
      }
      policies.items.forEach((item, i) => {
        const itemPath = [...base, 'Policies', i]
        if (item.kind !== 'map' || item.tag) {
          note(ctx, item, itemPath, 'this Policies entry is not a plain mapping; not refined')
          return
        }
        const doc = pair(item, 'PolicyDocument')
        if (!doc) return
        addPolicy(ctx, doc, [...itemPath, 'PolicyDocument'], inline.kind, {
          quota: inline.quota,
          attachments: [self],
          resource,
          policyName: literal(pair(item, 'PolicyName'))
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
          policyName: literal(
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
        policyName: literal(pair(props, 'PolicyName'))
      })
      continue
    }
    if (type === 'AWS::Serverless::Function') findInFunction(ctx, r.key, props, base)
  }
}

function findInFunction(ctx: Context, fn: string, props: MapNode, base: Path): void {
  const policies = pair(props, 'Policies')
  if (!policies) return
  const path = [...base, 'Policies']
  if (pair(props, 'Role')) {
    note(ctx, policies, path, `${fn} has a Role, so SAM ignores its Policies; not refined`)
    return
  }
  const role: Attachment = { type: 'role', logicalId: `${fn}Role`, samFunction: fn }
  const entry = (node: SourceNode, p: Path): void => {
    if (node.tag || node.kind === 'alias') {
      note(ctx, node, p, 'this Policies entry is an intrinsic function or alias; left alone')
    } else if (node.kind === 'scalar') {
      note(ctx, node, p, `managed policy ${String(node.value)}: left alone`)
    } else if (node.kind === 'map' && pair(node, 'Statement')) {
      addPolicy(ctx, node, p, 'sam-function', {
        quota: QUOTAS.role,
        attachments: [role],
        resource: { logicalId: fn, type: 'AWS::Serverless::Function' }
      })
    } else if (node.kind === 'map') {
      const name = node.pairs[0]?.key ?? 'entry'
      note(ctx, node, p, `SAM policy template ${name}: left alone`)
    }
  }
  if (policies.kind === 'seq' && !policies.tag) {
    policies.items.forEach((item, i) => entry(item, [...path, i]))
  } else entry(policies, path)
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
  const name = literal(node)
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
  // SAM generates `<Function>Role` for a function without a Role.
  const fn = ref.endsWith('Role') ? pair(resources, ref.slice(0, -4)) : undefined
  if (fn?.kind === 'map' && literal(pair(fn, 'Type')) === 'AWS::Serverless::Function') {
    return { type, logicalId: ref, samFunction: ref.slice(0, -4) }
  }
  return {
    type,
    unresolved: `a ${type} is given by Ref ${ref}, which is not a resource of the template`
  }
}

function nameOf(props: MapNode, key: string): { name?: string; unresolved?: string } {
  const node = pair(props, key)
  if (!node) return {}
  const name = literal(node)
  return name !== undefined
    ? { name }
    : { unresolved: `${key} is given by ${describeIntrinsic(node)}` }
}

function pathOf(props: MapNode): { path?: string } {
  const path = literal(pair(props, 'Path'))
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

function describeIntrinsic(node: SourceNode): string {
  if (node.tag) return node.tag
  if (node.kind === 'map' && node.pairs.length === 1) return node.pairs[0]?.key ?? 'a value'
  if (node.kind === 'alias') return `the alias *${node.name}`
  return 'a value that is not a literal'
}

// ---------------------------------------------------------------- one policy

interface PolicyExtras {
  readonly quota: Quota
  readonly attachments: readonly Attachment[]
  readonly resource?: { logicalId: string; type: string }
  readonly policyName?: string | undefined
}

function addPolicy(
  ctx: Context,
  node: SourceNode,
  path: Path,
  kind: PolicyKind,
  extras: PolicyExtras
): void {
  const notEditable: string[] = []
  let doc = node
  if (doc.kind === 'alias') {
    notEditable.push(`the policy is the YAML alias *${doc.name}`)
    if (!doc.target) return
    doc = doc.target
  }
  if (doc.kind !== 'map' || doc.tag) {
    note(
      ctx,
      node,
      path,
      `the policy document is ${doc.tag ? `given by ${doc.tag}` : 'not a mapping'}; not refined`
    )
    return
  }
  const statement = pair(doc, 'Statement')
  if (!statement) {
    note(ctx, doc, path, 'the policy document has no Statement; not refined')
    return
  }
  if (statement.tag || (statement.kind !== 'seq' && statement.kind !== 'map')) {
    note(
      ctx,
      statement,
      [...path, 'Statement'],
      `Statement is ${statement.tag ? `given by ${statement.tag}` : 'not a list or a mapping'}; not refined`
    )
    return
  }
  const items = statement.kind === 'seq' ? statement.items : [statement]
  if (items.some(s => s.kind === 'map' && (pair(s, 'Principal') || pair(s, 'NotPrincipal')))) {
    note(
      ctx,
      doc,
      path,
      'its statements name a Principal: a resource or trust policy, never refined'
    )
    return
  }
  if (ctx.tree.usesAliases && usesAnchors(doc)) {
    notEditable.push('it uses YAML anchors or aliases')
  }
  if (doc.duplicateKeys || items.some(s => s.kind === 'map' && s.duplicateKeys)) {
    notEditable.push('a key appears twice')
  }
  const statements: StatementLocation[] = items.map((item, index) =>
    statementLocation(ctx, item, index)
  )
  ctx.policies.push({
    file: ctx.file,
    syntax: ctx.tree.syntax,
    path,
    pointer: pointerOf(path),
    kind,
    ...(extras.resource ? { resource: extras.resource } : {}),
    ...(extras.policyName !== undefined ? { policyName: extras.policyName } : {}),
    range: ctx.lines.range(doc.start, doc.end),
    document: toValue(doc, ctx.budget),
    statementForm: statement.kind === 'seq' ? 'list' : 'object',
    statements,
    quota: extras.quota,
    attachments: extras.attachments,
    notEditable
  })
}

function statementLocation(ctx: Context, item: SourceNode, index: number): StatementLocation {
  const range = ctx.lines.range(item.start, item.end)
  const action = item.kind === 'map' ? pair(item, 'Action') : undefined
  if (!action) return { index, range }
  const actionRange = ctx.lines.range(action.start, action.end)
  let notEditable: string | undefined
  let form: 'string' | 'list' | 'other' = 'other'
  if (action.kind === 'alias') notEditable = `Action is the YAML alias *${action.name}`
  else if (action.tag) notEditable = `Action is given by the intrinsic function ${action.tag}`
  else if (action.kind === 'map') notEditable = `Action is given by ${describeIntrinsic(action)}`
  else if (action.kind === 'scalar' && action.style === 'block')
    notEditable = 'Action is a block scalar'
  else if (action.kind === 'scalar' && typeof action.value === 'string') form = 'string'
  else if (action.kind === 'seq') form = 'list'
  return {
    index,
    range,
    action: { range: actionRange, form },
    ...(notEditable ? { notEditable } : {})
  }
}

function usesAnchors(node: SourceNode): boolean {
  if (node.kind === 'alias' || node.anchor) return true
  if (node.kind === 'map') return node.pairs.some(p => usesAnchors(p.value))
  if (node.kind === 'seq') return node.items.some(usesAnchors)
  return false
}

// ---------------------------------------------------------------- helpers

/** The value of a key of a mapping (the last one, as parsers keep). */
export function pair(node: SourceNode | undefined, key: string): SourceNode | undefined {
  if (node?.kind !== 'map') return undefined
  let found: SourceNode | undefined
  for (const p of node.pairs) if (p.key === key) found = p.value
  return found
}

/** The node at a path of keys and indexes. */
export function nodeAt(root: SourceNode, path: Path): SourceNode | undefined {
  let node: SourceNode | undefined = root
  for (const step of path) {
    if (node?.kind === 'alias') node = node.target
    if (typeof step === 'number') node = node?.kind === 'seq' ? node.items[step] : undefined
    else node = pair(node, step)
    if (!node) return undefined
  }
  return node
}

function at(root: SourceNode, path: Path): { node: SourceNode; path: Path } | undefined {
  const node = nodeAt(root, path)
  return node ? { node, path } : undefined
}

/** A plain string scalar (no tag), else undefined. */
function literal(node: SourceNode | undefined): string | undefined {
  return node?.kind === 'scalar' && !node.tag && typeof node.value === 'string'
    ? node.value
    : undefined
}

export function pointerOf(path: Path): string {
  let out = ''
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) out += out === '' ? step : `.${step}`
    else out += `[${JSON.stringify(step)}]`
  }
  return out
}

function note(ctx: Context, node: SourceNode, path: Path, message: string): void {
  const { line, column } = ctx.lines.position(node.start)
  ctx.notes.push({ file: ctx.file, line, column, pointer: pointerOf(path), message })
}
