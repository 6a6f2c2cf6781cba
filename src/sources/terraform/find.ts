import type { Quota } from '../../engine/model.js'
import { QUOTAS } from '../../engine/refine.js'
import { noteAt, pointerOf, type Path } from '../document/nodes.js'
import { scanDocument } from '../document/scan.js'
import { LineIndex } from '../document/tree.js'
import type { ScannedFile } from '../format.js'
import type {
  PolicyKind,
  PolicyLocation,
  SourceNote,
  SourceRange,
  StatementLocation
} from '../model.js'
import { attachmentsOf, documentQuota } from './attach.js'
import {
  attribute,
  blocks,
  isBlock,
  type HclBlock,
  type HclBody,
  type HclExpr,
  type HclFile,
  type HclObjectElem
} from './hcl.js'
import { STATEMENT_MODULES } from './registry.js'
import { quoteSource, type TerraformContext } from './module.js'

/**
 * The finders of Terraform policies in one file: the `policy` of `aws_iam_policy`,
 * `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy` and an `aws_iam_role`'s
 * `inline_policy` blocks, given as `jsonencode({...})` or a heredoc of JSON; the statement blocks of
 * `data "aws_iam_policy_document"`. Each policy carries what its renderer needs to edit it. What
 * is not a literal is noted as unchecked, with its place, and never guessed.
 */

/** The key of the placeholder that stands for an expression that is not a literal. */
export const NON_LITERAL = 'terraform-expression'

export type EditModel =
  | {
      readonly kind: 'jsonencode'
      readonly object: HclExpr & { kind: 'object' }
    }
  | {
      readonly kind: 'heredoc'
      readonly heredoc: HclExpr & { kind: 'heredoc' }
      readonly inner: ScannedFile
      readonly innerLocation: PolicyLocation
      /** The inner document's statements, for the ones shown to the engine as placeholders. */
      readonly rawStatements: readonly unknown[]
    }
  | {
      readonly kind: 'module-statements'
      /** Each statement object, and the map entry that holds it (for a map). */
      readonly statements: readonly {
        readonly object: HclExpr & { kind: 'object' }
        readonly entry?: HclObjectElem
      }[]
      readonly container: HclExpr & { kind: 'object' | 'tuple' }
    }
  | {
      readonly kind: 'document'
      readonly block: HclBlock
      /** Each statement: its block (`statement` or `dynamic "statement"`) and the body it reads. */
      readonly statements: readonly { readonly block: HclBlock; readonly body: HclBody }[]
    }

export interface TerraformPolicy {
  readonly location: PolicyLocation
  readonly edit: EditModel
}

export interface FindOptions {
  /** The file as reports show it. */
  readonly file: string
  /** The file relative to the repository root, to find its module. */
  readonly path: string
  readonly context: TerraformContext
  /** Attachments are not needed to prove an edit: leave them out. */
  readonly attach: boolean
}

interface Ctx extends FindOptions {
  readonly hcl: HclFile
  readonly lines: LineIndex
  readonly policies: TerraformPolicy[]
  readonly notes: SourceNote[]
}

const POLICY_RESOURCES: Record<string, { kind: PolicyKind; quota: Quota }> = {
  aws_iam_policy: { kind: 'tf-policy', quota: QUOTAS.managed },
  aws_iam_role_policy: { kind: 'tf-role-policy', quota: QUOTAS.role },
  aws_iam_user_policy: { kind: 'tf-user-policy', quota: QUOTAS.user },
  aws_iam_group_policy: { kind: 'tf-group-policy', quota: QUOTAS.group }
}

export function findTerraform(
  hcl: HclFile,
  options: FindOptions
): { policies: TerraformPolicy[]; notes: SourceNote[] } {
  const ctx: Ctx = {
    ...options,
    hcl,
    lines: new LineIndex(hcl.text),
    policies: [],
    notes: []
  }
  for (const item of hcl.body.items) {
    if (!isBlock(item)) continue
    const [type, name] = item.labels
    if (type === undefined || name === undefined) continue
    if (item.type === 'resource') {
      const known = POLICY_RESOURCES[type]
      if (known) {
        const policy = attribute(item.body, 'policy')
        if (policy) {
          policyValue(ctx, policy.value, [type, name, 'policy'], known.kind, {
            quota: known.quota,
            resource: { logicalId: name, type },
            policyName: literalName(item.body),
            owner: item
          })
        }
      } else if (type === 'aws_iam_role') {
        blocks(item.body, 'inline_policy').forEach((inline, i) => {
          const policy = attribute(inline.body, 'policy')
          if (!policy) return
          policyValue(
            ctx,
            policy.value,
            [type, name, 'inline_policy', i, 'policy'],
            'tf-role-inline',
            {
              quota: QUOTAS.role,
              resource: { logicalId: name, type },
              policyName: literalName(inline.body),
              owner: item
            }
          )
        })
      }
    } else if (item.type === 'data' && type === 'aws_iam_policy_document') {
      policyDocument(ctx, item, name)
    }
  }
  for (const item of hcl.body.items) {
    if (isBlock(item) && item.type === 'module' && item.labels[0] !== undefined) {
      moduleStatements(ctx, item, item.labels[0])
    }
  }
  return { policies: ctx.policies, notes: ctx.notes }
}

interface Extras {
  readonly quota: Quota
  readonly resource: { logicalId: string; type: string }
  readonly policyName: string | undefined
  /** The resource block the policy belongs to. */
  readonly owner: HclBlock
}

function literalName(body: HclBody): string | undefined {
  const name = attribute(body, 'name')?.value
  return name?.kind === 'string' ? name.value : undefined
}

function source(ctx: Ctx, expr: { start: number; end: number }): string {
  return quoteSource(ctx.hcl.text.slice(expr.start, expr.end))
}

/**
 * Where a statement's actions are: a list of literal strings is editable; any other expression is
 * noted as not refinable and the statement kept as it is.
 */
function statementLocation(
  ctx: Ctx,
  index: number,
  range: SourceRange,
  actions: HclExpr | undefined,
  path: Path
): StatementLocation {
  if (!actions) return { index, range }
  const actionRange = ctx.lines.range(actions.start, actions.end)
  if (actions.kind === 'tuple' && actions.items.every(a => a.kind === 'string')) {
    return { index, range, action: { range: actionRange, form: 'list' } }
  }
  const why = `actions is ${source(ctx, actions)}, not a list of literal strings`
  noteAt(ctx, actions.start, path, `${why}; not refinable`, true)
  return { index, range, action: { range: actionRange, form: 'other' }, notEditable: why }
}

// ---------------------------------------------------------------- policy = ...

function policyValue(ctx: Ctx, expr: HclExpr, path: Path, kind: PolicyKind, extras: Extras): void {
  if (expr.kind === 'call' && expr.name === 'jsonencode') {
    const arg = expr.args[0]
    if (arg?.kind === 'object') return jsonencodePolicy(ctx, arg, path, kind, extras)
    noteAt(
      ctx,
      expr.start,
      path,
      `the policy is jsonencode(${arg ? source(ctx, arg) : ''}), not a literal document; not refinable`,
      true
    )
    return
  }
  if (expr.kind === 'heredoc') return heredocPolicy(ctx, expr, path, kind, extras)
  if (expr.kind === 'reference') {
    const [root, type, name, attr] = expr.parts
    if (
      root === 'data' &&
      type === 'aws_iam_policy_document' &&
      name !== undefined &&
      (attr === 'json' || attr === 'minified_json') &&
      expr.parts.length === 4
    ) {
      const module = ctx.context.module(folder(ctx.path))
      if (module.data.has(`aws_iam_policy_document.${name}`)) return // refined in its own block
      noteAt(
        ctx,
        expr.start,
        path,
        `the policy is data.aws_iam_policy_document.${name}, which no file of this module defines; not refinable`,
        true
      )
      return
    }
  }
  if (expr.kind === 'call' && (expr.name === 'file' || expr.name === 'templatefile')) {
    noteAt(
      ctx,
      expr.start,
      path,
      `the policy is read from ${source(ctx, expr)}: that file is refined where it is, mapped to this resource`,
      false
    )
    return
  }
  noteAt(
    ctx,
    expr.start,
    path,
    `the policy is given by ${source(ctx, expr)}, not a literal document; not refinable`,
    true
  )
}

function location(
  ctx: Ctx,
  path: Path,
  kind: PolicyKind,
  extras: Extras,
  range: { start: number; end: number },
  document: unknown,
  statements: StatementLocation[],
  statementForm: 'list' | 'object',
  notEditable: string[]
): PolicyLocation {
  const attachments = ctx.attach
    ? attachmentsOf(ctx.context, ctx.path, { kind, owner: extras.owner, resource: extras.resource })
    : []
  return {
    file: ctx.file,
    syntax: 'hcl',
    path,
    pointer: pointerOf(path),
    kind,
    resource: extras.resource,
    ...(extras.policyName !== undefined ? { policyName: extras.policyName } : {}),
    range: ctx.lines.range(range.start, range.end),
    document,
    statementForm,
    statements,
    quota: extras.quota,
    attachments,
    notEditable
  }
}

// ---------------------------------------------------------------- jsonencode({...})

function jsonencodePolicy(
  ctx: Ctx,
  object: HclExpr & { kind: 'object' },
  path: Path,
  kind: PolicyKind,
  extras: Extras
): void {
  const statementElem = object.elems.find(e => e.key === 'Statement')
  if (!statementElem) {
    noteAt(ctx, object.start, path, 'the policy document has no Statement; not refined', false)
    return
  }
  const st = statementElem.value
  if (st.kind !== 'tuple' && st.kind !== 'object') {
    noteAt(
      ctx,
      st.start,
      [...path, 'Statement'],
      `Statement is given by ${source(ctx, st)}, not a literal list; not refinable`,
      true
    )
    return
  }
  const items = st.kind === 'tuple' ? st.items : [st]
  if (
    items.some(
      i =>
        i.kind === 'object' && i.elems.some(e => e.key === 'Principal' || e.key === 'NotPrincipal')
    )
  ) {
    noteAt(
      ctx,
      object.start,
      path,
      'its statements name a Principal: a resource or trust policy, never refined',
      false
    )
    return
  }
  const statements = items.map((item, index): StatementLocation => {
    const range = ctx.lines.range(item.start, item.end)
    if (item.kind !== 'object') {
      noteAt(
        ctx,
        item.start,
        [...path, 'Statement', index],
        `statement #${index + 1} is given by ${source(ctx, item)}, not a literal; not refinable`,
        true
      )
      return { index, range, notEditable: 'the statement is not a literal object' }
    }
    const action = item.elems.find(e => e.key === 'Action')?.value
    if (!action) return { index, range }
    const actionRange = ctx.lines.range(action.start, action.end)
    if (action.kind === 'string')
      return { index, range, action: { range: actionRange, form: 'string' } }
    if (action.kind === 'tuple' && action.items.every(a => a.kind === 'string')) {
      return { index, range, action: { range: actionRange, form: 'list' } }
    }
    const why = `Action is ${source(ctx, action)}, not a list of literal strings`
    noteAt(
      ctx,
      action.start,
      [...path, 'Statement', index, 'Action'],
      `${why}; not refinable`,
      true
    )
    return { index, range, action: { range: actionRange, form: 'other' }, notEditable: why }
  })
  ctx.policies.push({
    location: location(
      ctx,
      path,
      kind,
      extras,
      object,
      toPlain(ctx.hcl.text, object),
      statements,
      st.kind === 'tuple' ? 'list' : 'object',
      []
    ),
    edit: { kind: 'jsonencode', object }
  })
}

/** The value Terraform's jsonencode would give, with each non-literal as a placeholder. */
export function toPlain(text: string, expr: HclExpr): unknown {
  switch (expr.kind) {
    case 'string':
      return expr.value
    case 'number':
    case 'bool':
      return expr.value
    case 'null':
      return null
    case 'tuple':
      return expr.items.map(i => toPlain(text, i))
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const e of expr.elems) {
        const key = e.key ?? text.slice(e.keyStart, e.keyEnd)
        Object.defineProperty(out, key, {
          value: toPlain(text, e.value),
          enumerable: true,
          writable: true,
          configurable: true
        })
      }
      return out
    }
    default:
      return { [NON_LITERAL]: text.slice(expr.start, expr.end) }
  }
}

// ---------------------------------------------------------------- heredoc JSON

const TEMPLATE = /\$\{|%\{/

function heredocPolicy(
  ctx: Ctx,
  heredoc: HclExpr & { kind: 'heredoc' },
  path: Path,
  kind: PolicyKind,
  extras: Extras
): void {
  const content = ctx.hcl.text.slice(heredoc.contentStart, heredoc.contentEnd)
  const inner = scanDocument(content, ctx.file)
  const innerLocation = inner.scan.policies.find(p => p.path.length === 0)
  if (inner.scan.status !== 'policies' || !innerLocation) {
    const why =
      inner.scan.status === 'malformed'
        ? `the heredoc is not plain JSON (${inner.scan.message ?? 'it does not parse'}: an interpolation outside a string?)`
        : (inner.scan.notes[0]?.message ?? 'the heredoc holds no policy document')
    const unchecked = inner.scan.status !== 'policies' || inner.scan.notes.length === 0
    noteAt(ctx, heredoc.start, path, `${why}; not refinable`, unchecked && !/Principal/.test(why))
    return
  }
  const shift = heredoc.contentStart
  const doc = innerLocation.document as { Statement?: unknown }
  const rawStatements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]
  const shown = rawStatements.map(s => s)
  const statements = innerLocation.statements.map((s, i): StatementLocation => {
    const moved = {
      ...s,
      range: ctx.lines.range(s.range.start + shift, s.range.end + shift),
      ...(s.action
        ? {
            action: {
              ...s.action,
              range: ctx.lines.range(s.action.range.start + shift, s.action.range.end + shift)
            }
          }
        : {})
    }
    const action = (rawStatements[i] as { Action?: unknown } | undefined)?.Action
    const entries = typeof action === 'string' ? [action] : Array.isArray(action) ? action : []
    const templated = entries.find(e => typeof e === 'string' && TEMPLATE.test(e)) as
      string | undefined
    if (templated === undefined) return moved
    const why = `Action ${JSON.stringify(templated)} is a template, not a literal`
    noteAt(
      ctx,
      (s.action?.range.start ?? s.range.start) + shift,
      [...path, 'Statement', i, 'Action'],
      `${why}; not refinable`,
      true
    )
    shown[i] = {
      ...(rawStatements[i] as object),
      Action: { [NON_LITERAL]: JSON.stringify(action) }
    }
    return { ...moved, notEditable: why }
  })
  const document = Array.isArray(doc.Statement)
    ? { ...doc, Statement: shown }
    : { ...doc, Statement: shown[0] }
  ctx.policies.push({
    location: location(
      ctx,
      path,
      kind,
      extras,
      heredoc,
      document,
      statements,
      innerLocation.statementForm,
      [...innerLocation.notEditable]
    ),
    edit: { kind: 'heredoc', heredoc, inner, innerLocation, rawStatements }
  })
}

// ---------------------------------------------------------------- aws_iam_policy_document

function policyDocument(ctx: Ctx, block: HclBlock, name: string): void {
  const path: Path = ['data', 'aws_iam_policy_document', name]
  const found: { block: HclBlock; body: HclBody }[] = []
  for (const item of block.body.items) {
    if (!isBlock(item)) continue
    if (item.type === 'statement') found.push({ block: item, body: item.body })
    else if (item.type === 'dynamic' && item.labels[0] === 'statement') {
      const content = blocks(item.body, 'content')[0]
      if (content) found.push({ block: item, body: content.body })
    }
  }
  for (const key of [
    'source_policy_documents',
    'override_policy_documents',
    'source_json',
    'override_json'
  ]) {
    const attr = attribute(block.body, key)
    if (!attr) continue
    const items = attr.value.kind === 'tuple' ? attr.value.items : [attr.value]
    for (const item of items) {
      if (
        item.kind === 'reference' &&
        item.parts[0] === 'data' &&
        item.parts[1] === 'aws_iam_policy_document'
      )
        continue
      noteAt(
        ctx,
        item.start,
        [...path, key],
        `${key} holds ${source(ctx, item)}: the merged policy has statements that are not refinable here`,
        true
      )
    }
  }
  if (found.length === 0) return
  if (
    found.some(
      f => blocks(f.body, 'principals').length > 0 || blocks(f.body, 'not_principals').length > 0
    )
  ) {
    noteAt(
      ctx,
      block.start,
      path,
      'its statements name principals: a resource or trust policy, never refined',
      false
    )
    return
  }
  const statements: StatementLocation[] = []
  const plain: Record<string, unknown>[] = []
  found.forEach((f, index) => {
    const spath = [...path, f.block.type === 'dynamic' ? 'dynamic' : 'statement', index]
    const range = ctx.lines.range(f.block.start, f.block.end)
    const statement: Record<string, unknown> = {}
    const sid = attribute(f.body, 'sid')?.value
    if (sid) statement.Sid = toPlain(ctx.hcl.text, sid)
    const effect = attribute(f.body, 'effect')?.value
    statement.Effect = effect ? toPlain(ctx.hcl.text, effect) : 'Allow'
    const actions = attribute(f.body, 'actions')?.value
    const notActions = attribute(f.body, 'not_actions')?.value
    if (actions) statement.Action = toPlain(ctx.hcl.text, actions)
    const location = statementLocation(ctx, index, range, actions, [...spath, 'actions'])
    if (notActions) statement.NotAction = toPlain(ctx.hcl.text, notActions)
    if (effect && effect.kind !== 'string' && actions) {
      noteAt(
        ctx,
        effect.start,
        [...spath, 'effect'],
        `effect is ${source(ctx, effect)}, not a literal; not refinable`,
        true
      )
    }
    for (const [key, field] of [
      ['resources', 'Resource'],
      ['not_resources', 'NotResource']
    ] as const) {
      const value = attribute(f.body, key)?.value
      if (value) statement[field] = toPlain(ctx.hcl.text, value)
    }
    const conditions = blocks(f.body, 'condition').map(c => toPlainBody(ctx.hcl.text, c.body))
    if (conditions.length > 0) statement.Condition = conditions
    if (f.block.type === 'dynamic') {
      const forEach = attribute(f.block.body, 'for_each')?.value
      statement[NON_LITERAL] =
        `dynamic statement for each of ${forEach ? ctx.hcl.text.slice(forEach.start, forEach.end) : '?'}`
    }
    statements.push(location)
    plain.push(statement)
  })
  const version = attribute(block.body, 'version')?.value
  const document = {
    Version: version ? toPlain(ctx.hcl.text, version) : '2012-10-17',
    Statement: plain
  }
  ctx.policies.push({
    location: location(
      ctx,
      path,
      'tf-policy-document',
      {
        quota: ctx.attach ? documentQuota(ctx.context, ctx.path, name) : QUOTAS.managed,
        resource: { logicalId: name, type: 'aws_iam_policy_document' },
        policyName: undefined,
        owner: block
      },
      block,
      document,
      statements,
      'list',
      []
    ),
    edit: { kind: 'document', block, statements: found }
  })
}

// ---------------------------------------------------------------- module inputs

/** Statement objects given to a registry module (registry.ts) that makes the role itself. */
function moduleStatements(ctx: Ctx, block: HclBlock, name: string): void {
  const sourceAttr = attribute(block.body, 'source')?.value
  if (sourceAttr?.kind !== 'string') return
  const shape = STATEMENT_MODULES.find(m => m.source.test(sourceAttr.value))
  if (!shape) return
  const input = attribute(block.body, shape.statements)
  if (!input) return
  const path: Path = ['module', name, shape.statements]
  const enabled = attribute(block.body, shape.enabledBy.input)?.value
  if (enabled && enabled.kind !== 'bool') {
    noteAt(
      ctx,
      enabled.start,
      ['module', name, shape.enabledBy.input],
      `${shape.enabledBy.input} is ${source(ctx, enabled)}: whether the statements apply is not known; not refinable`,
      true
    )
    return
  }
  if (!(enabled ? enabled.value : shape.enabledBy.default)) return
  const container = input.value
  if (container.kind !== 'object' && container.kind !== 'tuple') {
    noteAt(
      ctx,
      container.start,
      path,
      `${shape.statements} is ${source(ctx, container)}, not literal statement objects; not refinable`,
      true
    )
    return
  }
  const found: { object: HclExpr & { kind: 'object' }; entry?: HclObjectElem }[] = []
  const items =
    container.kind === 'object'
      ? container.elems.map(e => ({ value: e.value, entry: e }))
      : container.items.map(value => ({ value, entry: undefined }))
  for (const { value, entry } of items) {
    if (value.kind !== 'object') {
      noteAt(
        ctx,
        value.start,
        path,
        `a statement is ${source(ctx, value)}, not a literal object; not refinable`,
        true
      )
      return
    }
    found.push({ object: value, ...(entry ? { entry } : {}) })
  }
  if (
    found.some(f => f.object.elems.some(e => e.key === 'principals' || e.key === 'not_principals'))
  ) {
    noteAt(
      ctx,
      container.start,
      path,
      'its statements name principals: not an identity policy, never refined',
      false
    )
    return
  }
  const statements: StatementLocation[] = []
  const plain = found.map((f, index) => {
    const range = ctx.lines.range((f.entry ?? f.object).start, f.object.end)
    const get = (key: string) => f.object.elems.find(e => e.key === key)?.value
    const statement: Record<string, unknown> = {}
    const sid = get('sid')
    // the modules take a statement's map key as its Sid when it has none
    if (sid) statement.Sid = toPlain(ctx.hcl.text, sid)
    else if (f.entry?.key !== undefined) statement.Sid = f.entry.key
    const effect = get('effect')
    statement.Effect = effect ? toPlain(ctx.hcl.text, effect) : 'Allow'
    const actions = get('actions')
    if (actions) statement.Action = toPlain(ctx.hcl.text, actions)
    const where = statementLocation(ctx, index, range, actions, [
      ...path,
      f.entry?.key ?? index,
      'actions'
    ])
    const notActions = get('not_actions')
    if (notActions) statement.NotAction = toPlain(ctx.hcl.text, notActions)
    const resources = get('resources')
    if (resources) statement.Resource = toPlain(ctx.hcl.text, resources)
    statements.push(where)
    return statement
  })
  ctx.policies.push({
    location: location(
      ctx,
      path,
      'tf-module-statements',
      {
        quota: shape.quota,
        resource: { logicalId: name, type: 'module' },
        policyName: undefined,
        owner: block
      },
      container,
      { Version: '2012-10-17', Statement: plain },
      statements,
      'list',
      []
    ),
    edit: { kind: 'module-statements', statements: found, container }
  })
}

function toPlainBody(text: string, body: HclBody): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const item of body.items) {
    if (isBlock(item)) continue
    Object.defineProperty(out, item.name, {
      value: toPlain(text, item.value),
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  return out
}

function folder(path: string): string {
  const i = path.lastIndexOf('/')
  return i < 0 ? '' : path.slice(0, i)
}
