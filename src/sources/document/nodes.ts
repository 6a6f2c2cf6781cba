import type { Quota } from '../../engine/model.js'
import type {
  Attachment,
  PolicyKind,
  PolicyLocation,
  SourceNote,
  StatementLocation
} from '../model.js'
import {
  LineIndex,
  MAX_NESTING,
  toValue,
  valueBudget,
  type SourceNode,
  type SourceTree
} from './tree.js'

/**
 * What the JSON, CloudFormation and Serverless finders share over the one JSON/YAML tree: walking
 * it by keys, turning a policy node into a PolicyLocation, and noting what is left alone.
 */

export type Path = readonly (string | number)[]

/** What a finder collects while it walks one file's tree. */
export interface FindContext {
  readonly tree: SourceTree
  readonly file: string
  readonly lines: LineIndex
  readonly budget: { left: number }
  readonly policies: PolicyLocation[]
  readonly notes: SourceNote[]
}

export function findContext(tree: SourceTree, file: string): FindContext {
  return {
    tree,
    file,
    lines: new LineIndex(tree.text),
    budget: valueBudget(tree.text),
    policies: [],
    notes: []
  }
}

export { MAX_NESTING }

export interface PolicyExtras {
  readonly quota: Quota
  readonly attachments: readonly Attachment[]
  readonly resource?: { logicalId: string; type: string }
  readonly policyName?: string | undefined
}

/** Adds the policy document at `node` (a mapping with `Statement`), or a note saying why not. */
export function addPolicy(
  ctx: FindContext,
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

function statementLocation(ctx: FindContext, item: SourceNode, index: number): StatementLocation {
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

/** How an intrinsic function or other non-literal value reads in a message. */
export function describeIntrinsic(node: SourceNode): string {
  if (node.tag) return node.tag
  if (node.kind === 'map' && node.pairs.length === 1) return node.pairs[0]?.key ?? 'a value'
  if (node.kind === 'alias') return `the alias *${node.name}`
  return 'a value that is not a literal'
}

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

/** A plain string scalar (no tag), else undefined. */
export function literal(node: SourceNode | undefined): string | undefined {
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

export function note(ctx: FindContext, node: SourceNode, path: Path, message: string): void {
  const { line, column } = ctx.lines.position(node.start)
  ctx.notes.push({ file: ctx.file, line, column, pointer: pointerOf(path), message })
}
