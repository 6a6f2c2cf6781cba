import type { PolicyRefinement, StatementResult } from '../../engine/model.js'
import type { ProvenChange, RenderedEdit, RenderResult } from '../format.js'
import type { PolicyLocation } from '../model.js'
import {
  answerBeforeEditing,
  editSafely,
  EditRefusal as Refusal,
  KEEP,
  planEntries,
  type Op
} from '../edit-plan.js'
import { applyEdits, type TextEdit } from '../text-edit.js'
import { nodeAt, pair, pointerOf } from './nodes.js'
import {
  parseSource,
  toValue,
  valueBudget,
  type MapNode,
  type ScalarStyle,
  type SeqNode,
  type SourceNode,
  type SourceTree
} from './tree.js'

/** Finds the policies of a parsed file again, as the format that found them first does. */
export type Refind = (tree: SourceTree, file: string) => { policies: readonly PolicyLocation[] }

/**
 * The smallest text edits that turn a policy into its refinement, in the file's own style: a
 * removed statement or entry goes with its line (or its comma) and nothing else, a replaced entry
 * is rewritten in place, a string `Action` that becomes several entries becomes a list. Every
 * edit lies within the policy's lines. `verifyFileEdits` is their proof (the file re-parsed once
 * for all its policies' edits): until it passes, they are not suggested.
 */
export function renderEdits(
  text: string,
  location: PolicyLocation,
  refinement: PolicyRefinement,
  parsedTree?: SourceTree
): RenderResult {
  const before = answerBeforeEditing(location, refinement)
  if (before) return before
  if (location.syntax === 'hcl') return { refused: 'not a JSON or YAML policy' }
  const tree = treeOf(text, location.syntax, parsedTree)
  if ('refused' in tree) return tree
  return editSafely(() => {
    const edits = buildEdits(tree, location, refinement)
    checkInsidePolicy(tree, location, edits)
    return { edits }
  })
}

/**
 * The proof of edits for one or several policies of a file, applied together: the edited text
 * parses, each policy is found again at its place and equals its refined document, and the rest
 * of the file's value is as it was. The reason when they fail.
 */
export function verifyFileEdits(
  text: string,
  syntax: SourceTree['syntax'],
  changes: readonly ProvenChange[],
  edits: readonly TextEdit[],
  refind: Refind,
  parsedTree?: SourceTree
): string | undefined {
  const tree = treeOf(text, syntax, parsedTree)
  if ('refused' in tree) return tree.refused
  return editSafely(() => verifyAll(tree, changes, edits, refind))?.refused
}

function treeOf(
  text: string,
  syntax: SourceTree['syntax'],
  tree: SourceTree | undefined
): SourceTree | { refused: string } {
  if (tree && tree.text === text && tree.syntax === syntax) return tree
  const parsed = parseSource(text, syntax)
  return parsed.ok ? parsed.tree : { refused: `the file does not parse (${parsed.message})` }
}

// ---------------------------------------------------------------- building

interface Ctx {
  readonly tree: SourceTree
  readonly text: string
  readonly edits: RenderedEdit[]
}

function buildEdits(
  tree: SourceTree,
  location: PolicyLocation,
  refinement: PolicyRefinement
): RenderedEdit[] {
  const ctx: Ctx = { tree, text: tree.text, edits: [] }
  const { statementNode, actionNode } = statementsAt(tree, location)
  const items: readonly SourceNode[] =
    statementNode.kind === 'seq' ? statementNode.items : [statementNode]
  const removed: number[] = []
  const refinedDoc = refinement.document as { Statement?: unknown }
  const refinedStatements = Array.isArray(refinedDoc.Statement)
    ? refinedDoc.Statement
    : [refinedDoc.Statement]
  let k = 0
  for (const result of refinement.statements) {
    if (result.status !== 'removed' && result.status !== 'refined') {
      k++
      continue
    }
    const where = location.statements[result.index]
    if (where?.notEditable) throw new Refusal(where.notEditable)
    if (result.status === 'removed') {
      removed.push(result.index)
      continue
    }
    const item = items[result.index]
    const refined = refinedStatements[k++] as { Action?: unknown } | undefined
    if (item?.kind !== 'map' || refined === undefined) {
      throw new Refusal(`statement #${result.index + 1} is not where it was found`)
    }
    actionEdits(ctx, item, result, refined.Action, actionNode)
  }
  if (removed.length > 0) {
    if (statementNode.kind !== 'seq') throw new Refusal('Statement is one object')
    const ops: Op[] = items.map((_, i) => (removed.includes(i) ? { kind: 'delete' } : KEEP))
    listEdits(ctx, statementNode, ops, i => i)
  }
  return ctx.edits
}

/**
 * The statements a location's edits work on, by its form: the document's `Statement`, a list of
 * statements, one statement (a `Fn::If` branch); for an `Action` branch, its statement and the
 * branch's value, which stands for the statement's `Action`.
 */
function statementsAt(
  tree: SourceTree,
  location: PolicyLocation
): { statementNode: SourceNode; actionNode?: SourceNode } {
  const node = nodeAt(tree.root, location.path)
  const gone = (): never => {
    throw new Refusal('the policy is no longer where it was found')
  }
  switch (location.form ?? 'document') {
    case 'document': {
      if (node?.kind !== 'map') return gone()
      const statementNode = pair(node, 'Statement')
      if (!statementNode) throw new Refusal('the policy has no Statement')
      return { statementNode }
    }
    case 'statements':
    case 'statement':
      return node ? { statementNode: node } : gone()
    case 'action': {
      const statement = location.statementPath && nodeAt(tree.root, location.statementPath)
      return node && statement ? { statementNode: statement, actionNode: node } : gone()
    }
  }
}

/**
 * The value that stands at a location's path in the file once its document is `document`: the
 * document itself, or the part of it the location's form holds.
 */
export function valueAtPath(location: PolicyLocation, document: unknown): unknown {
  const statement = (document as { Statement?: unknown }).Statement
  switch (location.form ?? 'document') {
    case 'document':
      return document
    case 'statements':
    case 'statement':
      return statement
    case 'action':
      return (statement as { Action?: unknown }).Action
  }
}

function actionEdits(
  ctx: Ctx,
  statement: MapNode,
  result: StatementResult,
  action: unknown,
  branch: SourceNode | undefined
): void {
  const node = branch ?? pair(statement, 'Action')
  if (!node) throw new Refusal(`statement #${result.index + 1} has no Action`)
  const index = result.index
  if (node.kind === 'scalar' && typeof node.value === 'string' && !node.tag) {
    if (typeof action === 'string') {
      push(ctx, index, node.start, node.end, scalarText(ctx, action, node.style, inFlow(statement)))
      return
    }
    if (!Array.isArray(action))
      throw new Refusal('the refined Action is neither a string nor a list')
    if (branch) {
      // inside `Fn::If [C, a, b]`: a flow list in the branch's place
      const texts = action.map(v => scalarText(ctx, String(v), node.style, true))
      push(ctx, index, node.start, node.end, `[${texts.join(', ')}]`)
      return
    }
    stringToList(ctx, statement, node, action as string[], index)
    return
  }
  if (node.kind !== 'seq' || node.tag) throw new Refusal('Action is neither a string nor a list')
  const ops = planEntries(result)
  listEdits(ctx, node, ops, () => index)
}

function push(ctx: Ctx, statement: number, start: number, end: number, text: string): void {
  ctx.edits.push({ start, end, text, statement })
}

// ---------------------------------------------------------------- lists

function listEdits(
  ctx: Ctx,
  seq: SeqNode,
  ops: readonly Op[],
  statementOf: (item: number) => number
): void {
  if (ops.length !== seq.items.length) throw new Refusal('the list changed its length')
  const block = ctx.tree.syntax === 'yaml' && !seq.flow
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as Op
    if (op.kind === 'replace') {
      const item = seq.items[i] as SourceNode
      const style = item.kind === 'scalar' ? item.style : 'plain'
      const texts = op.by.map(v => scalarText(ctx, v, style, !block))
      const sep = block ? blockSeparator(ctx, item) : flowSeparator(ctx, seq, i)
      push(ctx, statementOf(i), item.start, item.end, texts.join(sep))
    } else if (op.kind === 'delete') {
      let j = i
      while (j + 1 < ops.length && (ops[j + 1] as Op).kind === 'delete') j++
      if (block) deleteBlockRun(ctx, seq, i, j, statementOf(i))
      else deleteFlowRun(ctx, seq, i, j, statementOf(i))
      i = j
    }
  }
}

function deleteBlockRun(ctx: Ctx, seq: SeqNode, a: number, b: number, statement: number): void {
  const ranges: [number, number][] = []
  for (let i = a; i <= b; i++) {
    const item = seq.items[i] as SourceNode
    ranges.push([lineStart(ctx.text, dashOf(ctx, item)), lineEndAfter(ctx.text, item.end)])
  }
  deleteLines(ctx, statement, ranges)
}

/**
 * Deletes whole-line ranges, merging touching ones: each entry goes with its own lines, and the
 * comment lines between entries stay.
 */
function deleteLines(ctx: Ctx, statement: number, ranges: readonly [number, number][]): void {
  const merged: [number, number][] = []
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1]
    if (last && last[1] === start) last[1] = end
    else merged.push([start, end])
  }
  for (const range of merged) {
    if (range[1] === ctx.text.length && !ctx.text.endsWith('\n') && range[0] > 0) {
      // keep a file that ends without a newline ending so: take the line break before instead
      range[0] -= ctx.text[range[0] - 2] === '\r' ? 2 : 1
    }
    push(ctx, statement, range[0], range[1], '')
  }
}

function deleteFlowRun(ctx: Ctx, seq: SeqNode, a: number, b: number, statement: number): void {
  const items = seq.items
  const first = items[a] as SourceNode
  const last = items[b] as SourceNode
  const next = items[b + 1]
  const prev = items[a - 1]
  let ownLines = true
  for (let i = a; i <= b; i++) ownLines &&= onOwnLines(ctx, items[i] as SourceNode)
  if (ownLines) {
    const ranges: [number, number][] = []
    for (let i = a; i <= b; i++) {
      const item = items[i] as SourceNode
      ranges.push([lineStart(ctx.text, item.start), skipTrailing(ctx, item.end).lineEnd])
    }
    deleteLines(ctx, statement, ranges)
    const afterLast = skipTrailing(ctx, last.end)
    if (!next && prev && !afterLast.comma) {
      // the new last entry must lose its comma
      const comma = commaAfter(ctx.text, prev.end)
      if (comma < 0) throw new Refusal('cannot find the comma after an entry')
      push(ctx, statement, comma, comma + 1, '')
    }
    return
  }
  let start: number
  let end: number
  if (next) [start, end] = [first.start, next.start]
  else if (prev) [start, end] = [prev.end, last.end]
  else [start, end] = [first.start, last.end]
  if (hasComment(ctx, start, end)) throw new Refusal('a comment inside the list would be lost')
  push(ctx, statement, start, end, '')
}

function stringToList(
  ctx: Ctx,
  statement: MapNode,
  node: SourceNode & { kind: 'scalar' },
  entries: readonly string[],
  index: number
): void {
  const flow = ctx.tree.syntax === 'json' || inFlow(statement)
  const texts = entries.map(v => scalarText(ctx, v, node.style, flow))
  const key = statement.pairs.find(p => p.key === 'Action')
  if (!key) throw new Refusal('Action has no key')
  if (flow) {
    // a compact file (`"Action":"s3:*"`) gets a compact list
    const sep = ctx.text[node.start - 1] === ':' ? ',' : ', '
    push(ctx, index, node.start, node.end, flowList(ctx, statement, key.keyStart, texts, sep))
    return
  }
  const keyColumn = key.keyStart - lineStart(ctx.text, key.keyStart)
  const indent = ' '.repeat(keyColumn + sequenceOffset(ctx))
  let start = node.start
  while (start > key.keyEnd && (ctx.text[start - 1] === ' ' || ctx.text[start - 1] === '\t')) {
    start--
  }
  if (ctx.text[start - 1] !== ':') throw new Refusal('Action is not on its key’s line')
  const eol = ctx.tree.eol
  push(ctx, index, start, node.end, texts.map(t => `${eol}${indent}- ${t}`).join(''))
}

/** A new flow list short enough for one line is written on the line of a compact statement. */
const MAX_INLINE_LIST = 120

/**
 * A new flow list (JSON, or flow YAML) in the file's layout: one entry per line, indented one
 * step below the `Action` key, when the key starts its line (pretty-printed files) or the list
 * would be long; on one line in a compact statement (`{"Action": "s3:*", ...}`) when it is short.
 */
function flowList(
  ctx: Ctx,
  statement: MapNode,
  keyStart: number,
  texts: readonly string[],
  inlineSeparator: string
): string {
  const keyLine = lineStart(ctx.text, keyStart)
  const keyIndent = /^[ \t]*/.exec(ctx.text.slice(keyLine, keyStart))?.[0] ?? ''
  const ownLine = keyIndent.length === keyStart - keyLine
  const inline = `[${texts.join(inlineSeparator)}]`
  if (!ownLine && inline.length <= MAX_INLINE_LIST) return inline
  const statementLine = lineStart(ctx.text, statement.start)
  const outer = /^[ \t]*/.exec(ctx.text.slice(statementLine))?.[0] ?? ''
  const step =
    ownLine && statementLine !== keyLine && keyIndent.length > outer.length
      ? keyIndent.slice(outer.length)
      : '  '
  const eol = ctx.tree.eol
  // YAML wants every line of a flow list indented past the block it sits in: the key's line
  const closing = ctx.tree.syntax === 'yaml' && !ownLine ? `${keyIndent}${step}` : keyIndent
  return `[${texts.map(t => `${eol}${keyIndent}${step}${t}`).join(',')}${eol}${closing}]`
}

/** How far this file indents a block list below its key: `- ` under the key, or 2 further. */
function sequenceOffset(ctx: Ctx): number {
  let found: number | undefined
  const visit = (node: SourceNode, depth: number): void => {
    if (found !== undefined || depth > 64) return
    if (node.kind === 'map' && !node.flow) {
      for (const p of node.pairs) {
        const v = p.value
        if (v.kind === 'seq' && !v.flow && v.items.length > 0) {
          const dash = ctx.text.lastIndexOf('-', (v.items[0] as SourceNode).start)
          const keyColumn = p.keyStart - lineStart(ctx.text, p.keyStart)
          const dashColumn = dash - lineStart(ctx.text, dash)
          if (dash >= 0 && dashColumn >= keyColumn) {
            found = dashColumn - keyColumn
            return
          }
        }
        visit(v, depth + 1)
      }
    } else if (node.kind === 'seq') node.items.forEach(i => visit(i, depth + 1))
  }
  visit(ctx.tree.root, 0)
  return found ?? 2
}

function blockSeparator(ctx: Ctx, item: SourceNode): string {
  const dash = dashOf(ctx, item)
  return `${ctx.tree.eol}${ctx.text.slice(lineStart(ctx.text, dash), dash)}- `
}

function flowSeparator(ctx: Ctx, seq: SeqNode, i: number): string {
  const item = seq.items[i] as SourceNode
  if (onOwnLines(ctx, item)) {
    return `,${ctx.tree.eol}${ctx.text.slice(lineStart(ctx.text, item.start), item.start)}`
  }
  const [a, b] = seq.items
  if (a && b) {
    const between = ctx.text.slice(a.end, b.start)
    const m = /^[ \t]*,([ \t]*)$/.exec(between)
    if (m) return `,${m[1]}`
  }
  return ', '
}

/** The `-` of a block list entry, which must start its line (after indentation). */
function dashOf(ctx: Ctx, item: SourceNode): number {
  let i = item.start - 1
  while (i >= 0 && /\s/.test(ctx.text[i] as string)) i--
  if (ctx.text[i] !== '-') throw new Refusal('a list entry has properties or a comment before it')
  const start = lineStart(ctx.text, i)
  if (!/^[ \t]*$/.test(ctx.text.slice(start, i))) {
    throw new Refusal('a list entry shares its line with another')
  }
  return i
}

/** An item alone on its line(s): only indentation before it, only a comma and a comment after. */
function onOwnLines(ctx: Ctx, item: SourceNode): boolean {
  const before = ctx.text.slice(lineStart(ctx.text, item.start), item.start)
  if (!/^[ \t]*$/.test(before)) return false
  return skipTrailing(ctx, item.end).ownLine
}

function skipTrailing(
  ctx: Ctx,
  from: number
): { ownLine: boolean; comma: boolean; lineEnd: number } {
  const text = ctx.text
  let i = from
  while (text[i] === ' ' || text[i] === '\t') i++
  const comma = text[i] === ','
  if (comma) i++
  while (text[i] === ' ' || text[i] === '\t') i++
  const json = ctx.tree.syntax === 'json'
  if ((json && text.startsWith('//', i)) || (!json && text[i] === '#' && i > from)) {
    const e = text.indexOf('\n', i)
    i = e < 0 ? text.length : e
  }
  if (text[i] === '\r') i++
  if (text[i] === '\n') return { ownLine: true, comma, lineEnd: i + 1 }
  return { ownLine: false, comma, lineEnd: i }
}

function commaAfter(text: string, from: number): number {
  let i = from
  while (i < text.length && /\s/.test(text[i] as string)) i++
  return text[i] === ',' ? i : -1
}

/** Whether a range of list syntax (between entries) holds a comment. */
function hasComment(ctx: Ctx, start: number, end: number): boolean {
  const text = ctx.text
  const json = ctx.tree.syntax === 'json'
  for (let i = start; i < end; i++) {
    const c = text[i]
    if (c === '"' || (!json && c === "'")) {
      for (i++; i < end && text[i] !== c; i++) if (c === '"' && text[i] === '\\') i++
    } else if (json && c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return true
    else if (!json && c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) return true
  }
  return false
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/** The start of the line after the one `offset` ends (or `offset` if it already starts a line). */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset
  const e = text.indexOf('\n', offset)
  return e < 0 ? text.length : e + 1
}

/** Whether a YAML mapping sits inside a flow collection (where lists must be `[...]`). */
function inFlow(node: MapNode): boolean {
  return node.flow
}

// ---------------------------------------------------------------- scalars

const PLAIN_SAFE = /^[A-Za-z][A-Za-z0-9-]*:[A-Za-z0-9*?_.-]+$/

/** An entry in the file's quoting: JSON strings, or YAML in the style of its neighbour. */
function scalarText(ctx: Ctx, value: string, style: ScalarStyle, flow: boolean): string {
  if (ctx.tree.syntax === 'json' || style === 'double') return JSON.stringify(value)
  if (style === 'plain' && PLAIN_SAFE.test(value) && !(flow && /[,[\]{}]/.test(value))) return value
  return `'${value.replace(/'/g, "''")}'`
}

// ---------------------------------------------------------------- verification

/** Every edit of a policy lies within its lines: the proof then speaks about that policy alone. */
function checkInsidePolicy(
  tree: SourceTree,
  location: PolicyLocation,
  edits: readonly RenderedEdit[]
): void {
  const doc = nodeAt(tree.root, location.path)
  if (!doc) throw new Refusal('the policy is no longer where it was found')
  const from = lineStart(tree.text, doc.start)
  const to = lineEndAfter(tree.text, doc.end)
  if (edits.some(e => e.start < from || e.end > to)) {
    throw new Refusal('an edit falls outside the policy')
  }
}

function verifyAll(
  tree: SourceTree,
  changes: readonly ProvenChange[],
  edits: readonly TextEdit[],
  refind: Refind
): void {
  let next: string
  try {
    next = applyEdits(tree.text, edits)
  } catch {
    throw new Refusal('the edits overlap')
  }
  const reparsed = parseSource(next, tree.syntax)
  if (!reparsed.ok) throw new Refusal(`the edited file would not parse (${reparsed.message})`)
  const found = refind(reparsed.tree, changes[0]?.location.file ?? '')
  let expected = toValue(tree.root, valueBudget(tree.text))
  // outer policies first, so that a branch inside one is replaced after it, at its new place
  const ordered = [...changes].sort((a, b) => a.location.path.length - b.location.path.length)
  for (const change of ordered) {
    const { location, document } = change
    const path = movedPath(location.path, ordered)
    const again = found.policies.find(p => p.pointer === pointerOf(path))
    if (!again) throw new Refusal('the edited policy is no longer found')
    // A policy holding another changed one (a Fn::If branch inside it) reads back with that
    // change too: the whole file's value below proves both.
    const holdsAnother = changes.some(
      other => other.location !== location && isInside(other.location.path, location.path)
    )
    if (!holdsAnother && JSON.stringify(again.document) !== JSON.stringify(document)) {
      throw new Refusal('the edited policy would not equal the refinement')
    }
    expected = replaceAt(expected, path, valueAtPath(location, document))
  }
  const actual = toValue(reparsed.tree.root, valueBudget(next))
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Refusal('the edits would change something outside the refined statements')
  }
}

/**
 * Where a path leads once the policies around it have lost statements: a `Fn::If` branch in the
 * third statement is in the second when the first is removed.
 */
function movedPath(
  path: readonly (string | number)[],
  changes: readonly ProvenChange[]
): (string | number)[] {
  const moved = [...path]
  for (const outer of changes) {
    const removed = outer.removed ?? []
    if (removed.length === 0 || !isInside(path, outer.location.path)) continue
    const list =
      (outer.location.form ?? 'document') === 'document'
        ? [...outer.location.path, 'Statement']
        : outer.location.path
    if (!list.every((step, i) => path[i] === step)) continue
    const index = path[list.length]
    if (typeof index !== 'number') continue
    moved[list.length] = index - removed.filter(r => r < index).length
  }
  return moved
}

function isInside(
  path: readonly (string | number)[],
  outer: readonly (string | number)[]
): boolean {
  return path.length > outer.length && outer.every((step, i) => path[i] === step)
}

function replaceAt(
  value: unknown,
  path: readonly (string | number)[],
  replacement: unknown
): unknown {
  if (path.length === 0) return replacement
  const [step, ...rest] = path
  if (Array.isArray(value) && typeof step === 'number') {
    const copy = [...value]
    copy[step] = replaceAt(copy[step], rest, replacement)
    return copy
  }
  if (value !== null && typeof value === 'object' && typeof step === 'string') {
    const copy: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      const next = k === step ? replaceAt(v, rest, replacement) : v
      Object.defineProperty(copy, k, {
        value: next,
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
    return copy
  }
  throw new Refusal('the policy path does not lead to the policy')
}
