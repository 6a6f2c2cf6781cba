import type { PolicyRefinement, StatementResult } from '../../engine/model.js'
import { answerBeforeEditing, editSafely, EditRefusal, planEntries, type Op } from '../edit-plan.js'
import type { RenderedEdit, RenderResult } from '../format.js'
import type { PolicyLocation } from '../model.js'
import { applyEdits, type TextEdit } from '../text-edit.js'
import type { TerraformPolicy } from './find.js'
import { hclString, isBlock, type HclBody, type HclExpr, type HclFile } from './hcl.js'

/**
 * Edits of Terraform policies in the file's own style — an entry goes with its comma and its
 * line, a wildcard becomes several entries in the list's indentation, a removed statement block
 * goes with its lines, comments on other lines stay — and their proof, once for all the edits of
 * a file: the edited file is parsed again by tree-sitter (no ERROR or MISSING node), each policy
 * found again must be exactly the engine's refinement, and the rest of the file must read back as
 * it was.
 */

/** Finds the policies of an edited text again (without mapping them), or why it cannot. */
export type Refind = (
  text: string
) =>
  | { readonly ok: true; readonly hcl: HclFile; readonly policies: readonly TerraformPolicy[] }
  | { readonly ok: false; readonly message: string }

interface Ctx {
  readonly text: string
  readonly eol: string
  readonly edits: RenderedEdit[]
}

/** A policy's edits, each inside its lines; `verifyTerraformEdits` proves them. */
export function renderTerraform(
  hcl: HclFile,
  policy: TerraformPolicy,
  refinement: PolicyRefinement
): RenderResult {
  const { location } = policy
  const before = answerBeforeEditing(location, refinement)
  if (before) return before
  return editSafely(() => {
    const edits = buildEdits(hcl, policy, refinement)
    const region = regionOf(hcl.text, location)
    if (edits.some(e => e.start < region.start || e.end > region.end)) {
      throw new EditRefusal('an edit falls outside the policy')
    }
    return { edits }
  })
}

/** The edits of several policies of one file, proven together; the reason when they fail. */
export function verifyTerraformEdits(
  hcl: HclFile,
  changes: readonly { location: PolicyLocation; document: unknown }[],
  edits: readonly TextEdit[],
  refind: Refind
): string | undefined {
  return editSafely(() => verify(hcl, changes, edits, refind))?.refused
}

// ---------------------------------------------------------------- building

function buildEdits(
  hcl: HclFile,
  policy: TerraformPolicy,
  refinement: PolicyRefinement
): RenderedEdit[] {
  const ctx: Ctx = { text: hcl.text, eol: hcl.eol, edits: [] }
  const edit = policy.edit
  if (edit.kind === 'heredoc') {
    // The JSON inside goes through the JSON renderer, with the engine's placeholders for
    // templated statements (never changed) put back to what the JSON holds.
    const doc = refinement.document as { Statement?: unknown }
    const refined = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]
    const kept: unknown[] = []
    let k = 0
    for (const result of refinement.statements) {
      if (result.status === 'removed') continue
      const statement = refined[k++]
      kept.push(result.status === 'refined' ? statement : edit.rawStatements[result.index])
    }
    const restored = Array.isArray(doc.Statement) ? kept : kept[0]
    const document = { ...doc, Statement: restored }
    const inner = edit.inner.render(edit.innerLocation, { ...refinement, document })
    if ('refused' in inner)
      throw new EditRefusal(inner.refused.replace(/^cannot edit safely: /, ''))
    // Proven as JSON too, on its own: the file's proof sees templated statements only as the
    // engine's placeholders.
    const problem = edit.inner.prove([{ location: edit.innerLocation, document }], inner.edits)
    if (problem !== undefined) throw new EditRefusal(problem.replace(/^cannot edit safely: /, ''))
    const shift = edit.heredoc.contentStart
    return inner.edits.map(e => ({ ...e, start: e.start + shift, end: e.end + shift }))
  }
  const refinedDoc = refinement.document as { Statement?: unknown }
  const refinedStatements = Array.isArray(refinedDoc.Statement)
    ? refinedDoc.Statement
    : [refinedDoc.Statement]
  const removed: number[] = []
  let k = 0
  for (const result of refinement.statements) {
    if (result.status !== 'removed' && result.status !== 'refined') {
      k++
      continue
    }
    const where = policy.location.statements[result.index]
    if (where?.notEditable) throw new EditRefusal(where.notEditable)
    if (result.status === 'removed') {
      removed.push(result.index)
      continue
    }
    const refined = (refinedStatements[k++] as { Action?: unknown } | undefined)?.Action
    if (edit.kind === 'jsonencode') jsonencodeAction(ctx, edit.object, result, refined)
    else {
      const actions =
        edit.kind === 'module-statements'
          ? edit.statements[result.index]?.object.elems.find(e => e.key === 'actions')?.value
          : actionsOf(edit.statements[result.index]?.body)
      if (actions?.kind !== 'tuple')
        throw new EditRefusal(`statement #${result.index + 1} has no actions list`)
      tupleEdits(ctx, actions, planEntries(result), result.index)
    }
  }
  if (removed.length > 0) {
    if (edit.kind === 'jsonencode') {
      const statement = edit.object.elems.find(e => e.key === 'Statement')?.value
      if (statement?.kind !== 'tuple') throw new EditRefusal('Statement is one object')
      const ops: Op[] = statement.items.map((_, i) =>
        removed.includes(i) ? { kind: 'delete' } : { kind: 'keep' }
      )
      tupleEdits(ctx, statement, ops, i => i)
    } else if (edit.kind === 'module-statements' && edit.container.kind === 'tuple') {
      const ops: Op[] = edit.container.items.map((_, i) =>
        removed.includes(i) ? { kind: 'delete' } : { kind: 'keep' }
      )
      tupleEdits(ctx, edit.container, ops, i => i)
    } else {
      const ranges = removed.map(i => {
        const statement = edit.statements[i]
        const block =
          statement && 'entry' in statement
            ? statement.entry
            : statement && 'block' in statement
              ? statement.block
              : undefined
        if (!block) throw new EditRefusal(`statement #${i + 1} is not where it was found`)
        return { ...blockLines(ctx.text, block), statement: i }
      })
      // neighbouring blocks may both claim the blank line between them: delete their union
      ranges.sort((a, b) => a.start - b.start)
      const merged: typeof ranges = []
      for (const r of ranges) {
        const last = merged[merged.length - 1]
        if (last && r.start <= last.end) last.end = Math.max(last.end, r.end)
        else merged.push({ ...r })
      }
      for (const r of merged) push(ctx, r.statement, r.start, r.end, '')
    }
  }
  return ctx.edits
}

function actionsOf(body: HclBody | undefined): HclExpr | undefined {
  for (const item of body?.items ?? [])
    if (!isBlock(item) && item.name === 'actions') return item.value
  return undefined
}

function jsonencodeAction(
  ctx: Ctx,
  object: HclExpr & { kind: 'object' },
  result: StatementResult,
  refined: unknown
): void {
  const statement = object.elems.find(e => e.key === 'Statement')?.value
  const item = statement?.kind === 'tuple' ? statement.items[result.index] : statement
  const action =
    item?.kind === 'object' ? item.elems.find(e => e.key === 'Action')?.value : undefined
  if (!action) throw new EditRefusal(`statement #${result.index + 1} has no Action`)
  if (action.kind === 'string') {
    if (typeof refined === 'string')
      push(ctx, result.index, action.start, action.end, hclString(refined))
    else if (Array.isArray(refined)) {
      push(
        ctx,
        result.index,
        action.start,
        action.end,
        `[${refined.map(v => hclString(String(v))).join(', ')}]`
      )
    } else throw new EditRefusal('the refined Action is neither a string nor a list')
    return
  }
  if (action.kind !== 'tuple') throw new EditRefusal('Action is neither a string nor a list')
  tupleEdits(ctx, action, planEntries(result), result.index)
}

function push(ctx: Ctx, statement: number, start: number, end: number, text: string): void {
  ctx.edits.push({ start, end, text, statement })
}

// ---------------------------------------------------------------- tuples

function tupleEdits(
  ctx: Ctx,
  tuple: HclExpr & { kind: 'tuple' },
  ops: readonly Op[],
  statementOf: number | ((item: number) => number)
): void {
  const of = typeof statementOf === 'number' ? () => statementOf : statementOf
  if (ops.length !== tuple.items.length) throw new EditRefusal('the list changed its length')
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as Op
    const item = tuple.items[i] as HclExpr
    if (op.kind === 'replace') {
      const sep = separator(ctx, tuple, i)
      push(ctx, of(i), item.start, item.end, op.by.map(hclString).join(sep))
    } else if (op.kind === 'delete') {
      let j = i
      while (j + 1 < ops.length && (ops[j + 1] as Op).kind === 'delete') j++
      deleteRun(ctx, tuple, i, j, of(i))
      i = j
    }
  }
}

function separator(ctx: Ctx, tuple: HclExpr & { kind: 'tuple' }, i: number): string {
  const item = tuple.items[i] as HclExpr
  if (onOwnLines(ctx.text, item)) {
    return `,${ctx.eol}${ctx.text.slice(lineStart(ctx.text, item.start), item.start)}`
  }
  const [a, b] = tuple.items
  if (a && b) {
    const m = /^[ \t]*,([ \t]*)$/.exec(ctx.text.slice(a.end, b.start))
    if (m) return `,${m[1]}`
  }
  return ', '
}

function deleteRun(
  ctx: Ctx,
  tuple: HclExpr & { kind: 'tuple' },
  a: number,
  b: number,
  statement: number
): void {
  const items = tuple.items
  const first = items[a] as HclExpr
  const last = items[b] as HclExpr
  const next = items[b + 1]
  const prev = items[a - 1]
  let own = true
  for (let i = a; i <= b; i++) own &&= onOwnLines(ctx.text, items[i] as HclExpr)
  if (own) {
    for (let i = a; i <= b; i++) {
      const item = items[i] as HclExpr
      push(
        ctx,
        statement,
        lineStart(ctx.text, item.start),
        trailing(ctx.text, item.end).lineEnd,
        ''
      )
    }
    if (!next && prev && !trailing(ctx.text, last.end).comma) {
      // the new last entry loses its comma, as the removed one had none
      const t = trailing(ctx.text, prev.end)
      if (t.comma) push(ctx, statement, t.commaAt, t.commaAt + 1, '')
    }
    return
  }
  let start: number
  let end: number
  if (next) [start, end] = [first.start, next.start]
  else if (prev) [start, end] = [prev.end, last.end]
  else [start, end] = [first.start, last.end]
  if (hasComment(ctx.text, start, end))
    throw new EditRefusal('a comment inside the list would be lost')
  push(ctx, statement, start, end, '')
}

/** A statement block goes with its lines; a comment on a line of its own above it stays. */
function blockLines(
  text: string,
  block: { start: number; end: number }
): { start: number; end: number } {
  const from = lineStart(text, block.start)
  if (!/^[ \t]*$/.test(text.slice(from, block.start)))
    throw new EditRefusal('a statement block shares its first line')
  const t = trailing(text, block.end)
  if (!t.ownLine || t.comma) throw new EditRefusal('a statement block shares its last line')
  let to = t.lineEnd
  let start = from
  // the blank line that set the block apart goes with it: no two blank lines in a row, none
  // before the closing brace
  const blankBefore = from > 0 && /^[ \t]*\r?\n$/.test(text.slice(lineStart(text, from - 1), from))
  const after = /^[ \t]*\r?\n/.exec(text.slice(to))
  if (after && blankBefore) to += after[0].length
  else if (blankBefore && /^[ \t]*\}/.test(text.slice(to))) start = lineStart(text, from - 1)
  return { start, end: to }
}

/** An item alone on its line(s): indentation before it; a comma and a comment at most after. */
function onOwnLines(text: string, item: { start: number; end: number }): boolean {
  return (
    /^[ \t]*$/.test(text.slice(lineStart(text, item.start), item.start)) &&
    trailing(text, item.end).ownLine
  )
}

function trailing(
  text: string,
  from: number
): { ownLine: boolean; comma: boolean; commaAt: number; lineEnd: number } {
  let i = from
  while (text[i] === ' ' || text[i] === '\t') i++
  const comma = text[i] === ','
  const commaAt = i
  if (comma) i++
  while (text[i] === ' ' || text[i] === '\t') i++
  if (text[i] === '#' || text.startsWith('//', i)) {
    const e = text.indexOf('\n', i)
    i = e < 0 ? text.length : e
    if (text[i - 1] === '\r') i--
  }
  if (text[i] === '\r') i++
  if (text[i] === '\n') return { ownLine: true, comma, commaAt, lineEnd: i + 1 }
  return { ownLine: false, comma, commaAt, lineEnd: i }
}

function hasComment(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text[i]
    if (c === '"') {
      for (i++; i < end && text[i] !== '"'; i++) if (text[i] === '\\') i++
    } else if (c === '#' || (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) return true
  }
  return false
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset
  const e = text.indexOf('\n', offset)
  return e < 0 ? text.length : e + 1
}

/** The lines a policy's edits may touch: from the start of its first line past its last. */
function regionOf(text: string, location: PolicyLocation): { start: number; end: number } {
  return {
    start: lineStart(text, location.range.start),
    end: lineEndAfter(text, location.range.end)
  }
}

// ---------------------------------------------------------------- the proof

function verify(
  hcl: HclFile,
  changes: readonly { location: PolicyLocation; document: unknown }[],
  edits: readonly TextEdit[],
  refind: Refind
): void {
  let next: string
  try {
    next = applyEdits(hcl.text, edits)
  } catch {
    throw new EditRefusal('the edits overlap')
  }
  const again = refind(next)
  if (!again.ok) throw new EditRefusal(`the edited file would not parse (${again.message})`)
  const before = new Map<number, unknown>()
  const after = new Map<number, unknown>()
  for (const { location, document } of changes) {
    const found = again.policies.find(p => p.location.pointer === location.pointer)
    if (!found) throw new EditRefusal('the edited policy is no longer found')
    if (JSON.stringify(found.location.document) !== JSON.stringify(document)) {
      throw new EditRefusal('the edited policy would not equal the refinement')
    }
    before.set(maskKey(location), document)
    after.set(maskKey(found.location), document)
  }
  const a = JSON.stringify(plainBody(hcl.text, hcl.body, before))
  const b = JSON.stringify(plainBody(again.hcl.text, again.hcl.body, after))
  if (a !== b)
    throw new EditRefusal('the edits would change something outside the refined statements')
}

function maskKey(location: PolicyLocation): number {
  return location.range.start
}

/**
 * The file's value — every attribute and block, literals as values, other expressions as their
 * source text — with each refined policy replaced by its document.
 */
function plainBody(text: string, body: HclBody, masks: ReadonlyMap<number, unknown>): unknown[] {
  return body.items.map(item => {
    if (masks.has(item.start) && isBlock(item)) return { policy: masks.get(item.start) }
    if (isBlock(item)) return ['block', item.type, item.labels, plainBody(text, item.body, masks)]
    return ['attr', item.name, plainExpr(text, item.value, masks)]
  })
}

function plainExpr(text: string, expr: HclExpr, masks: ReadonlyMap<number, unknown>): unknown {
  if (
    masks.has(expr.start) &&
    (expr.kind === 'object' || expr.kind === 'tuple' || expr.kind === 'heredoc')
  ) {
    return { policy: masks.get(expr.start) }
  }
  switch (expr.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return [expr.kind, expr.value]
    case 'null':
      return ['null']
    case 'tuple':
      return ['tuple', expr.items.map(i => plainExpr(text, i, masks))]
    case 'object':
      return [
        'object',
        expr.elems.map(e => [
          e.key ?? text.slice(e.keyStart, e.keyEnd),
          plainExpr(text, e.value, masks)
        ])
      ]
    case 'call':
      return ['call', expr.name, expr.args.map(a => plainExpr(text, a, masks))]
    case 'heredoc':
      return ['heredoc', expr.strip, text.slice(expr.contentStart, expr.contentEnd)]
    default:
      return [expr.kind, text.slice(expr.start, expr.end)]
  }
}
