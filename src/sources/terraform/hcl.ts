import type { Node, Parser } from 'web-tree-sitter'

/**
 * A small tree over one Terraform (HCL native syntax) file, with the source range of every node,
 * built from tree-sitter's concrete syntax tree and then detached from it (tree-sitter's trees
 * live in WebAssembly memory and are freed at once). The finders walk this tree; the renderer
 * reads its ranges. Offsets are UTF-16 code units of the text, as web-tree-sitter gives them.
 */

/** The parser the edge initialises (src/io/terraform-parser.ts) and passes in. */
export type HclParser = Pick<Parser, 'parse'>

interface Ranged {
  readonly start: number
  readonly end: number
}

export type HclExpr =
  /** A quoted string without interpolation or directive; `value` is unescaped. */
  | (Ranged & { readonly kind: 'string'; readonly value: string })
  /** A quoted string with `${…}` or `%{…}`: literal chunks and the interpolated expressions. */
  | (Ranged & { readonly kind: 'template'; readonly parts: readonly TemplatePart[] })
  /** `<<EOF` / `<<-EOF`: the raw lines between the markers (`contentStart`..`contentEnd`). */
  | (Ranged & {
      readonly kind: 'heredoc'
      readonly strip: boolean
      readonly contentStart: number
      readonly contentEnd: number
    })
  | (Ranged & { readonly kind: 'number'; readonly value: number })
  | (Ranged & { readonly kind: 'bool'; readonly value: boolean })
  | (Ranged & { readonly kind: 'null' })
  | (Ranged & { readonly kind: 'tuple'; readonly items: readonly HclExpr[] })
  | (Ranged & { readonly kind: 'object'; readonly elems: readonly HclObjectElem[] })
  /**
   * A traversal of names (`var.env`, `data.aws_iam_policy_document.x.json`); an index step is
   * kept as `[…]` with its literal key, or `[*]` when it is not a literal.
   */
  | (Ranged & { readonly kind: 'reference'; readonly parts: readonly string[] })
  | (Ranged & { readonly kind: 'call'; readonly name: string; readonly args: readonly HclExpr[] })
  /** Anything else: operators, conditionals, `for` expressions, splats. */
  | (Ranged & { readonly kind: 'other' })

export type TemplatePart = { readonly text: string } | { readonly expr: HclExpr }

export interface HclObjectElem extends Ranged {
  /** The key as written: an identifier or a literal string; undefined for an expression key. */
  readonly key: string | undefined
  readonly keyStart: number
  readonly keyEnd: number
  readonly value: HclExpr
}

export interface HclAttribute extends Ranged {
  readonly name: string
  readonly nameStart: number
  readonly value: HclExpr
}

export interface HclBlock extends Ranged {
  readonly type: string
  readonly labels: readonly string[]
  readonly body: HclBody
}

export interface HclBody {
  /** Attributes and blocks in source order. */
  readonly items: readonly (HclAttribute | HclBlock)[]
}

export interface HclFile {
  readonly text: string
  readonly body: HclBody
  /** `\r\n` when the file's first line ends so, else `\n`. */
  readonly eol: string
}

export type HclParseOutcome =
  | { readonly ok: true; readonly file: HclFile }
  | { readonly ok: false; readonly message: string; readonly offset: number }

/** Deeper nesting than this is refused: the conversion recurses. */
export const MAX_HCL_DEPTH = 200

export function isBlock(item: HclAttribute | HclBlock): item is HclBlock {
  return 'body' in item
}

export function attribute(body: HclBody, name: string): HclAttribute | undefined {
  let found: HclAttribute | undefined
  for (const item of body.items) if (!isBlock(item) && item.name === name) found = item
  return found
}

export function blocks(body: HclBody, type: string): HclBlock[] {
  return body.items.filter((i): i is HclBlock => isBlock(i) && i.type === type)
}

/**
 * Parses Terraform text. A file tree-sitter marks with an ERROR or MISSING node is refused with
 * the position of the first one: Terraform would refuse it too, and an edit could not be proven.
 */
export function parseHcl(parser: HclParser, text: string): HclParseOutcome {
  const tree = parser.parse(text)
  if (!tree) return { ok: false, message: 'could not be parsed', offset: 0 }
  try {
    const root = tree.rootNode
    if (root.hasError) {
      const bad = firstError(root)
      return {
        ok: false,
        message: bad?.isMissing
          ? `is not valid Terraform (a ${bad.type} is missing)`
          : 'is not valid Terraform (a syntax error)',
        offset: bad?.startIndex ?? 0
      }
    }
    const converter = new Converter(text)
    const bodyNode = root.namedChildren.find(c => c?.type === 'body')
    const body = bodyNode ? converter.body(bodyNode, 0) : { items: [] }
    return { ok: true, file: { text, body, eol: eolOf(text) } }
  } catch (error) {
    if (error instanceof DepthError) {
      return {
        ok: false,
        message: `is nested more than ${MAX_HCL_DEPTH} levels deep; not read`,
        offset: 0
      }
    }
    throw error
  } finally {
    tree.delete()
  }
}

function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing)) return firstError(child) ?? child
  }
  return undefined
}

function eolOf(text: string): string {
  const i = text.indexOf('\n')
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n'
}

class DepthError extends Error {}

class Converter {
  constructor(private readonly text: string) {}

  body(node: Node, depth: number): HclBody {
    const items: (HclAttribute | HclBlock)[] = []
    for (const child of node.namedChildren) {
      if (!child) continue
      if (child.type === 'attribute') items.push(this.attribute(child, depth))
      else if (child.type === 'block') items.push(this.block(child, depth))
    }
    return { items }
  }

  private attribute(node: Node, depth: number): HclAttribute {
    const [name, value] = node.namedChildren.filter(c => c?.type !== 'comment') as Node[]
    return {
      name: name?.text ?? '',
      nameStart: name?.startIndex ?? node.startIndex,
      value: value ? this.expression(value, depth + 1) : this.other(node),
      start: node.startIndex,
      end: node.endIndex
    }
  }

  private block(node: Node, depth: number): HclBlock {
    if (depth > MAX_HCL_DEPTH) throw new DepthError()
    let type = ''
    const labels: string[] = []
    let body: HclBody = { items: [] }
    for (const child of node.namedChildren) {
      if (!child) continue
      if (child.type === 'identifier') {
        if (type === '') type = child.text
        else labels.push(child.text)
      } else if (child.type === 'string_lit') labels.push(this.stringValue(child))
      else if (child.type === 'body') body = this.body(child, depth + 1)
    }
    return { type, labels, body, start: node.startIndex, end: node.endIndex }
  }

  /** An `expression` node, or one of the nodes it wraps. */
  expression(node: Node, depth: number): HclExpr {
    if (depth > MAX_HCL_DEPTH) throw new DepthError()
    if (node.type !== 'expression') return this.term(node, depth)
    const parts = node.namedChildren.filter(c => c && c.type !== 'comment') as Node[]
    const [head, ...rest] = parts
    if (!head) return this.other(node)
    if (rest.length === 0) {
      // `( expr )` keeps its parentheses as anonymous children
      return node.childCount > 1
        ? this.wrapRange(this.expression(head, depth + 1), node)
        : this.term(head, depth + 1)
    }
    if (head.type !== 'variable_expr') return this.other(node)
    const names = [head.text]
    for (const step of rest) {
      if (step.type === 'get_attr') {
        const id = step.namedChildren.find(c => c?.type === 'identifier')
        if (!id) return this.other(node)
        names.push(id.text)
      } else if (
        step.type === 'index' ||
        step.type === 'new_index' ||
        step.type === 'legacy_index'
      ) {
        const inner = step.type === 'index' ? step.namedChildren[0] : step
        const key = inner?.namedChildren.find(c => c?.type === 'expression')
        const legacy = inner?.type === 'legacy_index' ? Number(inner.text.replace(/^\./, '')) : NaN
        if (Number.isInteger(legacy)) {
          names.push(`[${legacy}]`)
          continue
        }
        const value = key ? this.expression(key, depth + 1) : undefined
        names.push(
          value?.kind === 'string' || value?.kind === 'number' ? `[${String(value.value)}]` : '[*]'
        )
      } else return this.other(node)
    }
    return { kind: 'reference', parts: names, start: node.startIndex, end: node.endIndex }
  }

  private wrapRange(expr: HclExpr, node: Node): HclExpr {
    return expr.kind === 'other'
      ? { kind: 'other', start: node.startIndex, end: node.endIndex }
      : expr
  }

  private term(node: Node, depth: number): HclExpr {
    const start = node.startIndex
    const end = node.endIndex
    switch (node.type) {
      case 'literal_value':
      case 'collection_value':
      case 'template_expr': {
        const inner = node.namedChildren.find(c => c && c.type !== 'comment')
        return inner ? this.term(inner, depth + 1) : this.other(node)
      }
      case 'string_lit':
        return { kind: 'string', value: this.stringValue(node), start, end }
      case 'numeric_lit': {
        const value = Number(node.text)
        return Number.isFinite(value) ? { kind: 'number', value, start, end } : this.other(node)
      }
      case 'bool_lit':
        return { kind: 'bool', value: node.text === 'true', start, end }
      case 'null_lit':
        return { kind: 'null', start, end }
      case 'quoted_template':
        return this.template(node, depth)
      case 'heredoc_template':
        return this.heredoc(node)
      case 'tuple': {
        const items = node.namedChildren
          .filter((c): c is Node => c?.type === 'expression')
          .map(c => this.expression(c, depth + 1))
        return { kind: 'tuple', items, start, end }
      }
      case 'object': {
        const elems: HclObjectElem[] = []
        for (const c of node.namedChildren) {
          if (c?.type !== 'object_elem') continue
          const key = c.childForFieldName('key')
          const val = c.childForFieldName('val')
          if (!key || !val) continue
          const k = this.expression(key, depth + 1)
          elems.push({
            key:
              k.kind === 'string'
                ? k.value
                : k.kind === 'reference' && k.parts.length === 1
                  ? k.parts[0]
                  : undefined,
            keyStart: key.startIndex,
            keyEnd: key.endIndex,
            value: this.expression(val, depth + 1),
            start: c.startIndex,
            end: c.endIndex
          })
        }
        return { kind: 'object', elems, start, end }
      }
      case 'variable_expr':
        return { kind: 'reference', parts: [node.text], start, end }
      case 'function_call': {
        const name = node.namedChildren.find(c => c?.type === 'identifier')?.text ?? ''
        const argsNode = node.namedChildren.find(c => c?.type === 'function_arguments')
        const args = (argsNode?.namedChildren ?? [])
          .filter((c): c is Node => c?.type === 'expression')
          .map(c => this.expression(c, depth + 1))
        const expanded = argsNode?.namedChildren.some(c => c?.type === 'ellipsis') ?? false
        return expanded ? this.other(node) : { kind: 'call', name, args, start, end }
      }
      case 'expression':
        return this.expression(node, depth + 1)
      default:
        return this.other(node)
    }
  }

  private template(node: Node, depth: number): HclExpr {
    const parts: TemplatePart[] = []
    for (const c of node.namedChildren) {
      if (!c) continue
      if (c.type === 'template_literal') parts.push({ text: unescapeHcl(c.text) })
      else if (c.type === 'template_interpolation') {
        const e = c.namedChildren.find(x => x?.type === 'expression')
        if (!e || c.namedChildren.some(x => x?.type === 'strip_marker')) return this.other(node)
        parts.push({ expr: this.expression(e, depth + 1) })
      } else if (c.type === 'template_directive') return this.other(node)
    }
    return { kind: 'template', parts, start: node.startIndex, end: node.endIndex }
  }

  private heredoc(node: Node): HclExpr {
    const open = node.namedChildren.find(c => c?.type === 'heredoc_identifier')
    const strip = node.namedChildren.find(c => c?.type === 'heredoc_start')?.text === '<<-'
    const close = node.namedChildren.filter(c => c?.type === 'heredoc_identifier').pop()
    if (!open || !close || open === close) return this.other(node)
    const text = this.text
    let contentStart = text.indexOf('\n', open.endIndex)
    contentStart = contentStart < 0 ? open.endIndex : contentStart + 1
    const contentEnd = text.lastIndexOf('\n', close.startIndex - 1) + 1
    return {
      kind: 'heredoc',
      strip,
      contentStart,
      contentEnd: Math.max(contentStart, contentEnd),
      start: node.startIndex,
      end: node.endIndex
    }
  }

  private stringValue(node: Node): string {
    const lit = node.namedChildren.find(c => c?.type === 'template_literal')
    return lit ? unescapeHcl(lit.text) : ''
  }

  private other(node: Node): HclExpr {
    return { kind: 'other', start: node.startIndex, end: node.endIndex }
  }
}

/** HCL's string escapes, and `$${` / `%%{` for a literal `${` / `%{`. */
export function unescapeHcl(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw
  return raw.replace(
    /\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))|\$\$\{|%%\{/gs,
    (match, u4: string | undefined, u8: string | undefined, c: string | undefined) => {
      if (match === '$${') return '${'
      if (match === '%%{') return '%{'
      if (u4 !== undefined) return String.fromCharCode(parseInt(u4, 16))
      if (u8 !== undefined) return String.fromCodePoint(parseInt(u8, 16))
      switch (c) {
        case 'n':
          return '\n'
        case 'r':
          return '\r'
        case 't':
          return '\t'
        default:
          return c ?? ''
      }
    }
  )
}

/** A literal string as Terraform writes it: quoted, with `"`, `\`, `${` and `%{` escaped. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '$${')
    .replace(/%\{/g, '%%{')
  return `"${escaped}"`
}
