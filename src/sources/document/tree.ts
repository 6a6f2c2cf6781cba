import {
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError
} from 'jsonc-parser'
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Schema,
  type Alias,
  type Document,
  type Node as YamlNode,
  type Scalar,
  type Tags
} from 'yaml'
import type { SourceRange } from '../model.js'

/**
 * One syntax-neutral tree over a JSON or YAML file, with the source range of every node, so that
 * the finders walk one shape and the edit renderer knows where each value sits in the text.
 */
export type Syntax = 'json' | 'yaml'

interface NodeBase {
  /** The value's range in the text (UTF-16 offsets); a YAML tag or anchor comes before `start`. */
  readonly start: number
  readonly end: number
  /** A YAML tag (`!Ref`, `!If`, ...). */
  readonly tag?: string
  /** A YAML anchor (`&name`) on this node. */
  readonly anchor?: string
}

export interface MapNode extends NodeBase {
  readonly kind: 'map'
  readonly flow: boolean
  readonly pairs: readonly PairNode[]
  /** A key appears twice (JSON; YAML rejects it while parsing). */
  readonly duplicateKeys: boolean
}

export interface PairNode {
  readonly key: string
  readonly keyStart: number
  readonly keyEnd: number
  readonly value: SourceNode
}

export interface SeqNode extends NodeBase {
  readonly kind: 'seq'
  readonly flow: boolean
  readonly items: readonly SourceNode[]
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block'

export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar'
  readonly value: string | number | boolean | null
  readonly style: ScalarStyle
}

export interface AliasNode extends NodeBase {
  readonly kind: 'alias'
  readonly name: string
  /** The anchored node, filled in after the whole tree is built. */
  target: SourceNode | undefined
}

export type SourceNode = MapNode | SeqNode | ScalarNode | AliasNode

export interface SourceTree {
  readonly syntax: Syntax
  readonly text: string
  readonly root: SourceNode
  /** `\r\n` when the file's first line ends so, else `\n`. */
  readonly eol: string
  /** Whether the tree has any YAML anchor or alias (rare in templates; edits avoid them). */
  readonly usesAliases: boolean
}

export type ParseOutcome =
  | { readonly ok: true; readonly tree: SourceTree }
  | {
      readonly ok: false
      readonly message: string
      readonly offset: number
      /**
       * The text is valid YAML but holds a node that is not read (TypedNode): whether it holds a
       * policy cannot be told, so it is reported as malformed even when it does not look like one.
       */
      readonly wellFormed?: true
    }

/** Deeper nesting than this is refused before parsing: both parsers recurse, and yaml can abort. */
export const MAX_NESTING = 200

const INTRINSICS = [
  'Ref',
  'Sub',
  'GetAtt',
  'If',
  'Join',
  'Select',
  'Split',
  'FindInMap',
  'Base64',
  'Cidr',
  'ImportValue',
  'GetAZs',
  'Equals',
  'And',
  'Or',
  'Not',
  'Condition',
  'Transform',
  'ToJsonString',
  'Length'
]

/** CloudFormation's short forms, in scalar, sequence and mapping form; the tag stays on the node. */
const CFN_TAGS: Tags = INTRINSICS.flatMap(name => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const },
  { tag: `!${name}`, collection: 'map' as const }
])

/**
 * The options every YAML file is parsed with. yaml builds a schema for each document it parses,
 * and with CFN_TAGS that costs more than parsing a small template (it merges the tag lists with
 * quadratic concatenation and lookups): a check of 5,000 files spent about 2% of its time there.
 * So the schema these options would build is built once (CFN_SCHEMA) and shared. yaml may add a
 * known tag such as `!!binary` to a document's schema as it meets one; `parseYaml` takes such
 * additions off again when the document is done, so each document starts from the same schema,
 * as with a schema of its own. A file with a directive line (`%YAML 1.1`, `%TAG`) takes yaml's own
 * path, which chooses the schema from the directive.
 */
const YAML_OPTIONS = {
  version: '1.2',
  customTags: CFN_TAGS,
  prettyErrors: false,
  uniqueKeys: true
} as const
/** The schema `parseDocument` builds for YAML_OPTIONS (YAML 1.2's core schema). */
const CFN_SCHEMA = new Schema({ ...YAML_OPTIONS, resolveKnownTags: true, schema: 'core' })
/** How many tags the shared schema holds (tests: a parse must leave it as it was). */
export function sharedSchemaTags(): number {
  return CFN_SCHEMA.tags.length
}
/** A line starting with `%` is a directive (or a syntax error yaml reports). */
const DIRECTIVE_LINE = /(?:^|\n)%/

/** The syntax a file's text is in, by content: JSON starts with `{` or `[`. */
export function detectSyntax(text: string): Syntax {
  const m = /^[\ufeff\s]*(\S)/.exec(text)
  return m && (m[1] === '{' || m[1] === '[') ? 'json' : 'yaml'
}

export function parseSource(text: string, syntax: Syntax = detectSyntax(text)): ParseOutcome {
  const depth = nestingDepth(text, syntax, MAX_NESTING)
  if (depth > MAX_NESTING) {
    return {
      ok: false,
      message: `is nested more than ${MAX_NESTING} levels deep; not read`,
      offset: 0
    }
  }
  return syntax === 'json' ? parseJson(text) : parseYaml(text)
}

function eolOf(text: string): string {
  const i = text.indexOf('\n')
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n'
}

// ---------------------------------------------------------------- JSON (comments tolerated)

function parseJson(text: string): ParseOutcome {
  // A byte-order mark becomes a space so that offsets stay those of the file.
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text
  const errors: ParseError[] = []
  const root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false })
  const first = errors[0]
  if (first || !root) {
    const what = first ? describeJsonError(printParseErrorCode(first.error)) : 'empty'
    return { ok: false, message: `is not valid JSON (${what})`, offset: first?.offset ?? 0 }
  }
  return {
    ok: true,
    tree: { syntax: 'json', text, root: fromJson(root), eol: eolOf(text), usesAliases: false }
  }
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

function fromJson(node: JsonNode): SourceNode {
  const start = node.offset
  const end = node.offset + node.length
  switch (node.type) {
    case 'object': {
      const seen = new Set<string>()
      let duplicateKeys = false
      const pairs: PairNode[] = []
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? []
        if (!k || !v) continue
        const key = String(k.value)
        if (seen.has(key)) duplicateKeys = true
        seen.add(key)
        pairs.push({ key, keyStart: k.offset, keyEnd: k.offset + k.length, value: fromJson(v) })
      }
      return { kind: 'map', flow: true, pairs, duplicateKeys, start, end }
    }
    case 'array':
      return { kind: 'seq', flow: true, items: (node.children ?? []).map(fromJson), start, end }
    default:
      return {
        kind: 'scalar',
        value: node.value as string | number | boolean | null,
        style: 'double',
        start,
        end
      }
  }
}

// ---------------------------------------------------------------- YAML

function parseYaml(text: string): ParseOutcome {
  if (DIRECTIVE_LINE.test(text)) return parseYamlWith(text, YAML_OPTIONS)
  const tags = CFN_SCHEMA.tags.length
  try {
    return parseYamlWith(text, { ...YAML_OPTIONS, schema: CFN_SCHEMA })
  } finally {
    CFN_SCHEMA.tags.length = tags
  }
}

function parseYamlWith(
  text: string,
  options: typeof YAML_OPTIONS & { schema?: Schema }
): ParseOutcome {
  let doc: Document.Parsed
  try {
    doc = parseDocument(text, options)
  } catch (error) {
    return { ok: false, message: `is not valid YAML (${(error as Error).message})`, offset: 0 }
  }
  const first = doc.errors[0]
  if (first) {
    const message = first.message.split('\n')[0] ?? 'syntax error'
    return {
      ok: false,
      message: `is not valid YAML (${message.replace(/ at line \d+, column \d+:?$/, '')})`,
      offset: first.pos[0]
    }
  }
  const built = new Map<YamlNode, SourceNode>()
  const aliases: { node: AliasNode; yaml: Alias }[] = []
  const convert = (node: unknown, fallback: number): SourceNode => {
    if (isAlias(node)) {
      const [start, end] = node.range ?? [fallback, fallback]
      const a: AliasNode = { kind: 'alias', name: node.source, target: undefined, start, end }
      aliases.push({ node: a, yaml: node })
      return a
    }
    if (isMap(node)) {
      const [start, rawEnd] = node.range ?? [fallback, fallback]
      const end = trimEnd(text, start, rawEnd)
      const pairs: PairNode[] = []
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null
        const keyRange = k?.range ?? [start, start]
        const key = isScalar(k) ? keyOf(k) : k === null ? '' : '[complex key]'
        const value =
          pair.value === null || pair.value === undefined
            ? emptyScalar(keyRange[1])
            : convert(pair.value, keyRange[1])
        pairs.push({ key, keyStart: keyRange[0], keyEnd: keyRange[1], value })
      }
      const out: MapNode = {
        kind: 'map',
        flow: Boolean(node.flow),
        pairs,
        duplicateKeys: false,
        start,
        end,
        ...props(node)
      }
      built.set(node, out)
      return out
    }
    if (isSeq(node)) {
      const [start, rawEnd] = node.range ?? [fallback, fallback]
      const end = trimEnd(text, start, rawEnd)
      const out: SeqNode = {
        kind: 'seq',
        flow: Boolean(node.flow),
        items: node.items.map(i => convert(i, start)),
        start,
        end,
        ...props(node)
      }
      built.set(node, out)
      return out
    }
    if (isScalar(node)) {
      const s = node as Scalar
      const [start, end] = s.range ?? [fallback, fallback]
      const tagged = props(s) // before the value: a refused tag names the node best
      const out: ScalarNode = {
        kind: 'scalar',
        value: primitiveOf(s),
        style: scalarStyle(s.type),
        start,
        end,
        ...tagged
      }
      built.set(s, out)
      return out
    }
    return emptyScalar(fallback)
  }
  let root: SourceNode
  try {
    root = convert(doc.contents, 0)
  } catch (error) {
    if (!(error instanceof TypedNode)) throw error
    return { ok: false, message: error.message, offset: error.offset, wellFormed: true }
  }
  for (const { node, yaml } of aliases) {
    const target = yaml.resolve(doc)
    node.target = target ? built.get(target as YamlNode) : undefined
  }
  return {
    ok: true,
    tree: { syntax: 'yaml', text, root, eol: eolOf(text), usesAliases: aliases.length > 0 }
  }
}

/**
 * A node yaml read as a YAML type beyond text, numbers, booleans, null, lists and mappings: a
 * `!!binary` scalar is bytes, `!!timestamp` a Date, `!!set`, `!!omap` and `!!pairs` collections
 * of their own, a merge key (`<<` under `%YAML 1.1`) a symbol, and a `%TAG` directive can turn
 * `!If` into a tag that is no CloudFormation short form. What such a node means to CloudFormation
 * is not ours to guess, and its text is not what it says: `!!binary Kg==` is `*`. Read as text it
 * would make a policy say something other than what it allows, so the file is not read, and it
 * is reported whether or not it looks like a policy (`wellFormed`).
 */
class TypedNode extends Error {
  constructor(
    what: string,
    readonly offset: number
  ) {
    super(
      `holds ${what} (only YAML's core types are read: text, numbers, booleans, null, lists, ` +
        'mappings); not read'
    )
  }
}

/** The tags of YAML's core schema, which only say what the node already is. */
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map(t => `tag:yaml.org,2002:${t}`)
)

/** Refuses (TypedNode) a node whose tag is neither a short form (`!Ref`) nor a core one. */
function checkTag(node: { tag?: string; range?: readonly number[] | null }): void {
  const tag = node.tag
  if (tag === undefined || tag.startsWith('!') || CORE_TAGS.has(tag)) return
  const short = tag.replace(/^tag:yaml\.org,2002:/, '!!')
  throw new TypedNode(
    `a ${short === tag ? `node tagged ${tag}` : `${short} value`}`,
    node.range?.[0] ?? 0
  )
}

/**
 * A scalar's value, which must be text, a number, a boolean or null (TypedNode otherwise): what
 * is left once its tag is checked, a date or a merge key that `%YAML 1.1` reads without a tag.
 */
function primitiveOf(node: Scalar): string | number | boolean | null {
  const value = node.value
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null
  ) {
    return value
  }
  const what =
    value instanceof Date
      ? 'a timestamp'
      : typeof value === 'symbol'
        ? 'a merge key (<<)'
        : 'a typed value'
  throw new TypedNode(what, node.range?.[0] ?? 0)
}

/** A mapping key as text (TypedNode for a typed one; keys do not go through `props`). */
function keyOf(node: Scalar): string {
  checkTag(node)
  return String(primitiveOf(node))
}

/** A block collection's range ends after its last line break; the node ends before it. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end
  while (e > start && /\s/.test(text[e - 1] as string)) e--
  return e
}

function props(node: { tag?: string; anchor?: string; range?: readonly number[] | null }): {
  tag?: string
  anchor?: string
} {
  checkTag(node)
  const out: { tag?: string; anchor?: string } = {}
  if (node.tag && node.tag.startsWith('!') && !node.tag.startsWith('!!')) out.tag = node.tag
  if (node.anchor) out.anchor = node.anchor
  return out
}

function emptyScalar(at: number): ScalarNode {
  return { kind: 'scalar', value: null, style: 'plain', start: at, end: at }
}

function scalarStyle(type: Scalar['type']): ScalarStyle {
  if (type === 'QUOTE_SINGLE') return 'single'
  if (type === 'QUOTE_DOUBLE') return 'double'
  if (type === 'BLOCK_FOLDED' || type === 'BLOCK_LITERAL') return 'block'
  return 'plain'
}

// ---------------------------------------------------------------- plain values

/** Thrown when a value would expand beyond reason (a YAML alias bomb) or loop on itself. */
export class ExpansionError extends Error {
  override name = 'ExpansionError'
}

/**
 * The plain value of a node, as CloudFormation reads it: short forms become their long forms
 * (`!Ref X` is `{"Ref": "X"}`), aliases are followed. `budget.left` bounds the nodes produced, so an
 * alias bomb fails fast; `__proto__` stays an ordinary own key.
 */
export function toValue(node: SourceNode, budget: { left: number }, depth = 0): unknown {
  if (--budget.left < 0) {
    throw new ExpansionError('expands to too many values (a YAML alias bomb?); not read')
  }
  if (depth > MAX_NESTING * 4) throw new ExpansionError('refers to itself through an alias')
  let value: unknown
  switch (node.kind) {
    case 'alias':
      return node.target ? toValue(node.target, budget, depth + 1) : null
    case 'scalar':
      value = node.value
      break
    case 'seq':
      value = node.items.map(i => toValue(i, budget, depth + 1))
      break
    case 'map': {
      const obj: Record<string, unknown> = {}
      for (const p of node.pairs) {
        const v = toValue(p.value, budget, depth + 1)
        if (p.key === '__proto__') {
          Object.defineProperty(obj, p.key, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true
          })
        } else obj[p.key] = v
      }
      value = obj
      break
    }
  }
  return node.tag ? intrinsicValue(node.tag, value) : value
}

/** A budget proportional to the text: without aliases a file cannot hold more nodes than chars. */
export function valueBudget(text: string): { left: number } {
  return { left: text.length + 10_000 }
}

function intrinsicValue(tag: string, value: unknown): unknown {
  const name = tag.slice(1)
  if (!INTRINSICS.includes(name)) return value
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.')
    value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)]
  }
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`
  return { [key]: value }
}

// ---------------------------------------------------------------- nesting pre-check

/**
 * An upper estimate of a text's nesting depth, computed in one pass without recursion, so that
 * 100,000-deep input is refused before a recursive parser sees it. Stops counting past `limit`.
 */
export function nestingDepth(text: string, syntax: Syntax, limit: number): number {
  return syntax === 'json' ? jsonDepth(text, limit) : yamlDepth(text, limit)
}

function jsonDepth(text: string, limit: number): number {
  let depth = 0
  let max = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      // a string: skip to its closing quote
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i)
        if (d === 92) i++
        else if (d === 34 || d === 10) break
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const e = text.indexOf('\n', i)
      i = e < 0 ? n : e
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2)
      i = e < 0 ? n : e + 1
    } else if (c === 123 || c === 91) {
      if (++depth > max) {
        max = depth
        if (max > limit) return max
      }
    } else if ((c === 125 || c === 93) && depth > 0) depth--
  }
  return max
}

function yamlDepth(text: string, limit: number): number {
  const indents: number[] = []
  let flow = 0
  let max = 0
  let quote = 0 // the open quote char of a scalar running across lines
  let lineStart = 0
  const n = text.length
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = n
    let i = lineStart
    if (quote === 0 && flow === 0) {
      while (i < lineEnd && text.charCodeAt(i) === 32) i++
      const first = text.charCodeAt(i)
      if (i < lineEnd && first !== 35 && first !== 13) {
        const indent = i - lineStart
        while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent)
          indents.pop()
        indents.push(indent)
        // compact nesting on one line: `- - - x`, `? - x`
        let compact = 0
        while (
          i + 1 < lineEnd &&
          (text.charCodeAt(i) === 45 || text.charCodeAt(i) === 63) &&
          (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)
        ) {
          compact++
          i += 2
          while (i < lineEnd && text.charCodeAt(i) === 32) i++
        }
        max = Math.max(max, indents.length + compact)
        if (max > limit) return max
      }
    }
    for (; i < lineEnd; i++) {
      const c = text.charCodeAt(i)
      if (quote !== 0) {
        if (quote === 34 && c === 92) i++
        else if (c === quote) {
          if (quote === 39 && text.charCodeAt(i + 1) === 39) i++
          else quote = 0
        }
        continue
      }
      const prev = i === lineStart ? 32 : text.charCodeAt(i - 1)
      const atToken =
        prev === 32 || prev === 9 || prev === 44 || prev === 91 || prev === 123 || prev === 58
      if (c === 35 && (prev === 32 || prev === 9 || i === lineStart)) break
      if ((c === 34 || c === 39) && atToken) quote = c
      else if ((c === 91 || c === 123) && (atToken || flow > 0)) {
        flow++
        if (indents.length + flow > max) {
          max = indents.length + flow
          if (max > limit) return max
        }
      } else if ((c === 93 || c === 125) && flow > 0) flow--
    }
    lineStart = lineEnd + 1
  }
  return max
}

// ---------------------------------------------------------------- positions

/** 1-based line and column (UTF-16 code units) of offsets, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0]
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1)
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((this.starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 }
  }

  /** Offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    return offset - this.position(offset).column + 1
  }

  /** The offsets `start`..`end` with their lines and columns. */
  range(start: number, end: number): SourceRange {
    const s = this.position(start)
    const e = this.position(end)
    return {
      start,
      end,
      startLine: s.line,
      startColumn: s.column,
      endLine: e.line,
      endColumn: e.column
    }
  }
}
