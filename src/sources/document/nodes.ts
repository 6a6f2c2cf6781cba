import type { Quota } from '../../engine/model.js'
import type {
  Attachment,
  ConditionBranch,
  LocationForm,
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
  type MapNode,
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
  /** The `Fn::If` branches already taken on the way to the node. */
  readonly branches?: readonly ConditionBranch[]
}

/** Nested `Fn::If` deeper than this is reported, not expanded: each level doubles the locations. */
export const MAX_CONDITION_DEPTH = 4

/**
 * Adds the policy document at `node` (a mapping with `Statement`), or a note saying why not. A
 * `Fn::If` around the document, or around its `Statement` list, gives one location per literal
 * branch.
 */
export function addPolicy(
  ctx: FindContext,
  node: SourceNode,
  path: Path,
  kind: PolicyKind,
  extras: PolicyExtras
): void {
  forEachBranch(ctx, node, path, extras.branches ?? [], (branch, at, branches) =>
    addDocument(ctx, branch, at, kind, { ...extras, branches })
  )
}

/**
 * Adds a list of statements that a framework wraps in a policy document of its own (Serverless
 * `iamRoleStatements`), or a note saying why not.
 */
export function addStatementList(
  ctx: FindContext,
  node: SourceNode,
  path: Path,
  kind: PolicyKind,
  extras: PolicyExtras,
  version: unknown = '2012-10-17'
): void {
  forEachBranch(ctx, node, path, extras.branches ?? [], (branch, at, branches) => {
    const notEditable: string[] = []
    let list = branch
    if (list.kind === 'alias') {
      notEditable.push(`the statements are the YAML alias *${list.name}`)
      if (!list.target) return
      list = list.target
    }
    if (list.tag || (list.kind !== 'seq' && list.kind !== 'map')) {
      note(
        ctx,
        branch,
        at,
        `the statements are given by ${describeIntrinsic(list)}, not a literal list; not checked`,
        true
      )
      return
    }
    pushLocation(ctx, {
      statementNode: list,
      rangeNode: list,
      path: at,
      statementsPath: at,
      form: 'statements',
      document: { Version: version, Statement: toValue(list, ctx.budget) },
      kind,
      extras: { ...extras, branches },
      notEditable
    })
  })
}

function addDocument(
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
      doc.tag || doc.kind === 'alias'
        ? `the policy document is given by ${describeIntrinsic(doc)}, not a literal; not checked`
        : 'the policy document is not a mapping; not refined',
      doc.tag !== undefined
    )
    return
  }
  const statement = pair(doc, 'Statement')
  if (!statement) {
    const intrinsic = intrinsicName(doc)
    if (intrinsic !== undefined) {
      note(
        ctx,
        doc,
        path,
        `the policy document is given by ${intrinsic}, not a literal; not checked`,
        true
      )
    } else note(ctx, doc, path, 'the policy document has no Statement; not refined')
    return
  }
  if (ifOf(statement)) {
    const version = pair(doc, 'Version')
    addStatementList(
      ctx,
      statement,
      [...path, 'Statement'],
      kind,
      extras,
      version ? toValue(version, ctx.budget) : undefined
    )
    return
  }
  if (statement.tag || (statement.kind !== 'seq' && statement.kind !== 'map')) {
    note(
      ctx,
      statement,
      [...path, 'Statement'],
      statement.tag
        ? `Statement is given by ${statement.tag}, not a literal list; not checked`
        : 'Statement is not a list or a mapping; not refined',
      statement.tag !== undefined
    )
    return
  }
  pushLocation(ctx, {
    statementNode: statement,
    rangeNode: doc,
    path,
    statementsPath: [...path, 'Statement'],
    form: 'document',
    document: toValue(doc, ctx.budget),
    kind,
    extras,
    notEditable
  })
}

interface LocationParts {
  /** The `Statement` value: a list, or one statement. */
  readonly statementNode: SourceNode & { kind: 'seq' | 'map' }
  /** The node the location's range covers (the document, the list, the statement, the Action). */
  readonly rangeNode: SourceNode
  readonly path: Path
  /** The path of `statementNode`. */
  readonly statementsPath: Path
  readonly form: LocationForm
  readonly statementPath?: Path
  readonly document: unknown
  readonly kind: PolicyKind
  readonly extras: PolicyExtras
  readonly notEditable: string[]
  /** The statement locations, when the form builds them itself (`action`). */
  readonly statements?: StatementLocation[]
}

function pushLocation(ctx: FindContext, parts: LocationParts): void {
  const { statementNode, extras, notEditable } = parts
  const items = statementNode.kind === 'seq' ? statementNode.items : [statementNode]
  const statementPaths = items.map((_, i) =>
    statementNode.kind === 'seq' ? [...parts.statementsPath, i] : parts.statementsPath
  )
  if (items.some(s => s.kind === 'map' && (pair(s, 'Principal') || pair(s, 'NotPrincipal')))) {
    note(
      ctx,
      parts.rangeNode,
      parts.path,
      'its statements name a Principal: a resource or trust policy, never refined'
    )
    return
  }
  if (ctx.tree.usesAliases && usesAnchors(parts.rangeNode)) {
    notEditable.push('it uses YAML anchors or aliases')
  }
  if (
    (parts.rangeNode.kind === 'map' && parts.rangeNode.duplicateKeys) ||
    items.some(s => s.kind === 'map' && s.duplicateKeys)
  ) {
    notEditable.push('a key appears twice')
  }
  const statements =
    parts.statements ?? items.map((item, index) => statementLocation(ctx, item, index))
  const branches = extras.branches ?? []
  ctx.policies.push({
    file: ctx.file,
    syntax: ctx.tree.syntax,
    path: parts.path,
    pointer: pointerOf(parts.path),
    ...(parts.form !== 'document' ? { form: parts.form } : {}),
    ...(parts.statementPath ? { statementPath: parts.statementPath } : {}),
    ...(branches.length > 0 ? { branches } : {}),
    kind: parts.kind,
    ...(extras.resource ? { resource: extras.resource } : {}),
    ...(extras.policyName !== undefined ? { policyName: extras.policyName } : {}),
    range: ctx.lines.range(parts.rangeNode.start, parts.rangeNode.end),
    document: parts.document,
    statementForm: statementNode.kind === 'seq' ? 'list' : 'object',
    statements,
    quota: extras.quota,
    attachments: extras.attachments,
    notEditable
  })
  if (parts.form === 'action') return
  // A statement, or a statement's Action, given by Fn::If: each literal branch on its own.
  const version = (parts.document as { Version?: unknown }).Version
  items.forEach((item, index) => {
    const at = statementPaths[index] as Path
    if (ifOf(item)) {
      forEachBranch(ctx, item, at, branches, (branch, p, taken) => {
        if (branch.kind !== 'map' || branch.tag) {
          note(
            ctx,
            branch,
            p,
            `this branch of Fn::If is given by ${describeIntrinsic(branch)}, not a literal statement; not checked`,
            true
          )
          return
        }
        pushLocation(ctx, {
          statementNode: branch,
          rangeNode: branch,
          path: p,
          statementsPath: p,
          form: 'statement',
          document: { ...versionOf(version), Statement: toValue(branch, ctx.budget) },
          kind: parts.kind,
          extras: { ...extras, branches: taken },
          notEditable: [...notEditable]
        })
      })
    } else if (item.kind === 'map') addActionBranches(ctx, item, at, parts, version)
  })
}

function addActionBranches(
  ctx: FindContext,
  statement: MapNode,
  at: Path,
  parts: LocationParts,
  version: unknown
): void {
  const action = pair(statement, 'Action')
  if (!action || !ifOf(action)) return
  forEachBranch(ctx, action, [...at, 'Action'], parts.extras.branches ?? [], (branch, p, taken) => {
    const form = actionForm(branch)
    if (form === 'other') {
      note(
        ctx,
        branch,
        p,
        `this branch of Fn::If is given by ${describeIntrinsic(branch)}, not a literal Action; not checked`,
        true
      )
      return
    }
    const value = toValue(statement, ctx.budget) as Record<string, unknown>
    pushLocation(ctx, {
      statementNode: statement,
      rangeNode: branch,
      path: p,
      statementsPath: at,
      form: 'action',
      statementPath: at,
      document: {
        ...versionOf(version),
        Statement: { ...value, Action: toValue(branch, ctx.budget) }
      },
      kind: parts.kind,
      extras: { ...parts.extras, branches: taken },
      notEditable: [...parts.notEditable],
      statements: [
        {
          index: 0,
          range: ctx.lines.range(statement.start, statement.end),
          action: { range: ctx.lines.range(branch.start, branch.end), form }
        }
      ]
    })
  })
}

function versionOf(version: unknown): { Version?: unknown } {
  return version === undefined ? {} : { Version: version }
}

function actionForm(node: SourceNode): 'string' | 'list' | 'other' {
  if (node.tag || node.kind === 'alias') return 'other'
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.style !== 'block') {
    return 'string'
  }
  if (node.kind === 'seq') return 'list'
  return 'other'
}

function statementLocation(ctx: FindContext, item: SourceNode, index: number): StatementLocation {
  const range = ctx.lines.range(item.start, item.end)
  const condition = ifOf(item)
  if (condition) {
    return {
      index,
      range,
      notEditable: `the statement is a Fn::If on ${condition.condition}: each branch is refined as its own location`,
      branched: true
    }
  }
  const action = item.kind === 'map' ? pair(item, 'Action') : undefined
  if (!action) return { index, range }
  const actionRange = ctx.lines.range(action.start, action.end)
  let notEditable: string | undefined
  let form: 'string' | 'list' | 'other' = 'other'
  const actionIf = ifOf(action)
  if (actionIf) {
    notEditable = `Action is a Fn::If on ${actionIf.condition}: each branch is refined as its own location`
  } else if (action.kind === 'alias') notEditable = `Action is the YAML alias *${action.name}`
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
    ...(notEditable ? { notEditable } : {}),
    ...(actionIf ? { branched: true } : {})
  }
}

// ---------------------------------------------------------------- Fn::If

/** A `Fn::If` (`!If [C, A, B]` or `{"Fn::If": [C, A, B]}`): its condition and two values. */
export interface Condition {
  readonly condition: string
  readonly values: readonly [SourceNode, SourceNode]
}

/** The `Fn::If` a node is, when it is one of the well-formed shape; `false` for a malformed one. */
export function ifOf(node: SourceNode | undefined): Condition | false | undefined {
  let list: SourceNode | undefined
  if (node?.tag === '!If') {
    if (node.kind !== 'seq') return false
    list = node
  } else if (node?.kind === 'map' && !node.tag && node.pairs.length === 1) {
    const only = node.pairs[0]
    if (only?.key !== 'Fn::If') return undefined
    if (only.value.kind !== 'seq' || only.value.tag) return false
    list = only.value
  }
  if (list?.kind !== 'seq') return undefined
  if (list.items.length !== 3) return false
  const [condition, whenTrue, whenFalse] = list.items as [SourceNode, SourceNode, SourceNode]
  const name = literal(condition)
  if (name === undefined) return false
  return { condition: name, values: [whenTrue, whenFalse] }
}

/** `!Ref AWS::NoValue`: the property is absent in that branch. */
export function isNoValue(node: SourceNode): boolean {
  if (node.kind === 'scalar' && node.tag === '!Ref') return node.value === 'AWS::NoValue'
  return (
    node.kind === 'map' &&
    !node.tag &&
    node.pairs.length === 1 &&
    node.pairs[0]?.key === 'Ref' &&
    literal(node.pairs[0].value) === 'AWS::NoValue'
  )
}

/**
 * Calls `visit` with the node, or, when it is a `Fn::If`, with each branch that is not
 * `AWS::NoValue` (nested ones too), the path through `"Fn::If", 1|2` and the branches taken.
 */
export function forEachBranch(
  ctx: FindContext,
  node: SourceNode,
  path: Path,
  branches: readonly ConditionBranch[],
  visit: (node: SourceNode, path: Path, branches: readonly ConditionBranch[]) => void
): void {
  const condition = ifOf(node)
  if (condition === undefined) {
    visit(node, path, branches)
    return
  }
  if (condition === false) {
    note(
      ctx,
      node,
      path,
      'Fn::If is not [condition, value if true, value if false]; not checked',
      true
    )
    return
  }
  if (branches.length >= MAX_CONDITION_DEPTH) {
    note(
      ctx,
      node,
      path,
      `Fn::If nested more than ${MAX_CONDITION_DEPTH} levels deep; not checked`,
      true
    )
    return
  }
  condition.values.forEach((value, i) => {
    if (isNoValue(value)) return
    visit(
      value,
      [...path, 'Fn::If', i + 1],
      [...branches, { condition: condition.condition, value: i === 0 }]
    )
  })
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

/** `Ref` or `Fn::...` when a mapping is the long form of an intrinsic function. */
export function intrinsicName(node: SourceNode): string | undefined {
  if (node.kind !== 'map' || node.tag || node.pairs.length !== 1) return undefined
  const key = node.pairs[0]?.key ?? ''
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : undefined
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
    // a short-form `!If [...]` is its own long form's value: `"Fn::If", 1` passes through it
    if (step === 'Fn::If' && node?.tag === '!If') continue
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

/** Notes something left alone; `unchecked` when it may grant access that was not checked. */
export function note(
  ctx: FindContext,
  node: SourceNode,
  path: Path,
  message: string,
  unchecked = false
): void {
  noteAt(ctx, node.start, path, message, unchecked)
}

/** `note` at an offset of the file's text: every format's finder words its notes this way. */
export function noteAt(
  ctx: Pick<FindContext, 'file' | 'lines' | 'notes'>,
  at: number,
  path: Path,
  message: string,
  unchecked: boolean
): void {
  const { line, column } = ctx.lines.position(at)
  ctx.notes.push({
    file: ctx.file,
    line,
    column,
    pointer: pointerOf(path),
    message,
    ...(unchecked ? { unchecked: true } : {})
  })
}
