import {
  attribute,
  blocks,
  isBlock,
  parseHcl,
  type HclBlock,
  type HclExpr,
  type HclFile,
  type HclParseOutcome,
  type HclParser
} from './hcl.js'

/**
 * A Terraform module is a folder: a policy in one file is attached to a role in another, named by
 * a variable whose value is in a third. `TerraformContext` holds the Terraform files the edge
 * could read (the command line from disk, the action from the pull request's head), parses each
 * once, and indexes each folder on demand. It is pure: it reads nothing but what it was given.
 */

/** At most this many names a template may stand for (count, for_each, several .tfvars). */
export const MAX_CANDIDATES = 32
/** How deep variables, locals and module inputs may refer to one another before giving up. */
const MAX_RESOLVE_DEPTH = 12

/** Whether a path is a Terraform file: configuration, JSON configuration or variable values. */
export function isTerraformPath(path: string): boolean {
  return /\.(tf|tfvars)$/i.test(path) || /\.tf\.json$/i.test(path)
}

export interface ModuleBlock {
  readonly file: string
  readonly block: HclBlock
}

export interface ModuleIndex {
  readonly folder: string
  /** `aws_iam_role.app` -> its block. */
  readonly resources: ReadonlyMap<string, ModuleBlock>
  /** `aws_iam_policy_document.app` -> its block. */
  readonly data: ReadonlyMap<string, ModuleBlock>
  readonly locals: ReadonlyMap<string, { readonly file: string; readonly expr: HclExpr }>
  /** Each variable's default. */
  readonly defaults: ReadonlyMap<string, { readonly file: string; readonly expr: HclExpr }>
  /** Values from the folder's `.tfvars` files: one map per file. */
  readonly tfvars: readonly {
    readonly file: string
    readonly values: ReadonlyMap<string, HclExpr>
  }[]
  /** Every `module` block of the folder. */
  readonly calls: readonly ModuleBlock[]
  /** Files of the folder that do not parse (named in notes). */
  readonly broken: readonly string[]
  /** Texts by file, for messages. */
  readonly texts: ReadonlyMap<string, string>
}

export class TerraformContext {
  private readonly parsed = new Map<string, { text: string; outcome: HclParseOutcome }>()
  private readonly modules = new Map<string, ModuleIndex>()
  private callersIndex: Map<string, ModuleBlock[]> | undefined

  /**
   * @param files every Terraform file the edge could read, by path relative to the repository
   *   root (`/` separators)
   */
  constructor(
    readonly parser: HclParser,
    readonly files: ReadonlyMap<string, string>
  ) {}

  /** The parse of one text (cached by path while the text is the same). */
  parse(path: string, text: string): HclParseOutcome {
    const hit = this.parsed.get(path)
    if (hit && hit.text === text) return hit.outcome
    const outcome = parseHcl(this.parser, text)
    this.parsed.set(path, { text, outcome })
    return outcome
  }

  /** The module (folder) a file belongs to. */
  module(folder: string): ModuleIndex {
    let index = this.modules.get(folder)
    if (!index) {
      index = this.index(folder)
      this.modules.set(folder, index)
    }
    return index
  }

  /** The `module` blocks of other folders whose local `source` is this folder. */
  callers(folder: string): readonly ModuleBlock[] {
    if (!this.callersIndex) {
      this.callersIndex = new Map()
      const folders = new Set([...this.files.keys()].map(folderOf))
      for (const f of folders) {
        for (const call of this.module(f).calls) {
          const source = attribute(call.block.body, 'source')?.value
          if (source?.kind !== 'string' || !/^\.\.?(\/|$)/.test(source.value)) continue
          const target = joinPath(f, source.value)
          const list = this.callersIndex.get(target) ?? []
          list.push(call)
          this.callersIndex.set(target, list)
        }
      }
    }
    return this.callersIndex.get(folder) ?? []
  }

  private index(folder: string): ModuleIndex {
    const resources = new Map<string, ModuleBlock>()
    const data = new Map<string, ModuleBlock>()
    const locals = new Map<string, { file: string; expr: HclExpr }>()
    const defaults = new Map<string, { file: string; expr: HclExpr }>()
    const tfvars: { file: string; values: Map<string, HclExpr> }[] = []
    const calls: ModuleBlock[] = []
    const broken: string[] = []
    const texts = new Map<string, string>()
    const paths = [...this.files.keys()].filter(p => folderOf(p) === folder).sort()
    for (const path of paths) {
      if (/\.tf\.json$/i.test(path)) continue
      const text = this.files.get(path) as string
      texts.set(path, text)
      const outcome = this.parse(path, text)
      if (!outcome.ok) {
        broken.push(path)
        continue
      }
      if (/\.tfvars$/i.test(path)) {
        const values = new Map<string, HclExpr>()
        for (const item of outcome.file.body.items)
          if (!isBlock(item)) values.set(item.name, item.value)
        tfvars.push({ file: path, values })
        continue
      }
      indexFile(path, outcome.file, { resources, data, locals, defaults, calls })
    }
    return { folder, resources, data, locals, defaults, tfvars, calls, broken, texts }
  }
}

function indexFile(
  path: string,
  file: HclFile,
  into: {
    resources: Map<string, ModuleBlock>
    data: Map<string, ModuleBlock>
    locals: Map<string, { file: string; expr: HclExpr }>
    defaults: Map<string, { file: string; expr: HclExpr }>
    calls: ModuleBlock[]
  }
): void {
  for (const item of file.body.items) {
    if (!isBlock(item)) continue
    const [a, b] = item.labels
    if (item.type === 'resource' && a !== undefined && b !== undefined) {
      into.resources.set(`${a}.${b}`, { file: path, block: item })
    } else if (item.type === 'data' && a !== undefined && b !== undefined) {
      into.data.set(`${a}.${b}`, { file: path, block: item })
    } else if (item.type === 'locals') {
      for (const local of item.body.items) {
        if (!isBlock(local)) into.locals.set(local.name, { file: path, expr: local.value })
      }
    } else if (item.type === 'variable' && a !== undefined) {
      const d = attribute(item.body, 'default')
      if (d) into.defaults.set(a, { file: path, expr: d.value })
    } else if (item.type === 'module' && a !== undefined) {
      into.calls.push({ file: path, block: item })
    }
  }
}

export function folderOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i < 0 ? '' : path.slice(0, i)
}

/** `a/b` joined with `../c` is `a/c`; never above the repository root. */
export function joinPath(folder: string, relative: string): string {
  const parts = folder === '' ? [] : folder.split('/')
  for (const step of relative.split('/')) {
    if (step === '' || step === '.') continue
    if (step === '..') parts.pop()
    else parts.push(step)
  }
  return parts.join('/')
}

// ---------------------------------------------------------------- resolving strings

/** Where an expression is evaluated: a module, one resource instance, a module call's inputs. */
export interface Scope {
  readonly context: TerraformContext
  readonly module: ModuleIndex
  /** `count.index`, `each.key`, `each.value` of the instance being resolved. */
  readonly instance?: { readonly index?: number; readonly key?: string; readonly value?: string }
  /** The inputs of the module call that instantiates this module, evaluated in the caller. */
  readonly inputs?: { readonly call: ModuleBlock; readonly scope: Scope }
}

/** How a set of strings was resolved: only literals, or through variables/a module call. */
export type Resolution =
  | {
      readonly ok: true
      readonly values: readonly string[]
      readonly through: 'literal' | 'variables' | 'module'
    }
  | { readonly ok: false; readonly reason: string }

const THROUGH_RANK = { literal: 0, variables: 1, module: 2 } as const

function merge(a: Resolution & { ok: true }, b: Resolution & { ok: true }): Resolution {
  const values = [...new Set([...a.values, ...b.values])]
  if (values.length > MAX_CANDIDATES) {
    return { ok: false, reason: `it stands for more than ${MAX_CANDIDATES} names` }
  }
  return {
    ok: true,
    values,
    through: THROUGH_RANK[a.through] >= THROUGH_RANK[b.through] ? a.through : b.through
  }
}

/**
 * The strings an expression can have: a literal; a template of literals, `var.*`, `local.*`,
 * `count.index`, `each.key` / `each.value`; a variable from the module call's input, the folder's
 * `.tfvars` files or its default (each `.tfvars` file is a deployment: all of them count).
 * Anything else is unresolved, with the reason — never guessed.
 */
export function resolveStrings(expr: HclExpr, scope: Scope, depth = 0): Resolution {
  if (depth > MAX_RESOLVE_DEPTH) return { ok: false, reason: 'its value refers too deep' }
  switch (expr.kind) {
    case 'string':
      return { ok: true, values: [expr.value], through: 'literal' }
    case 'number':
      return { ok: true, values: [String(expr.value)], through: 'literal' }
    case 'template': {
      let acc: Resolution = { ok: true, values: [''], through: 'literal' }
      for (const part of expr.parts) {
        const next: Resolution =
          'text' in part
            ? { ok: true, values: [part.text], through: 'literal' }
            : resolveStrings(part.expr, scope, depth + 1)
        if (!next.ok) return next
        if (!acc.ok) return acc
        const values: string[] = []
        for (const a of acc.values) for (const b of next.values) values.push(a + b)
        if (values.length > MAX_CANDIDATES) {
          return { ok: false, reason: `it stands for more than ${MAX_CANDIDATES} names` }
        }
        acc = {
          ok: true,
          values,
          through:
            THROUGH_RANK[acc.through] >= THROUGH_RANK[next.through] ? acc.through : next.through
        }
      }
      return acc
    }
    case 'reference':
      return resolveReference(expr.parts, scope, depth)
    default:
      return { ok: false, reason: `it is given by ${describeKind(expr)}` }
  }
}

function resolveReference(parts: readonly string[], scope: Scope, depth: number): Resolution {
  const [root, name, ...rest] = parts
  const shown = parts.join('.').replace(/\.\[/g, '[')
  if (rest.length > 0 || name === undefined) return { ok: false, reason: `it is given by ${shown}` }
  if (root === 'count' && name === 'index' && scope.instance?.index !== undefined) {
    return { ok: true, values: [String(scope.instance.index)], through: 'variables' }
  }
  if (root === 'each' && name === 'key' && scope.instance?.key !== undefined) {
    return { ok: true, values: [scope.instance.key], through: 'variables' }
  }
  if (root === 'each' && name === 'value' && scope.instance?.value !== undefined) {
    return { ok: true, values: [scope.instance.value], through: 'variables' }
  }
  if (root === 'local') {
    const local = scope.module.locals.get(name)
    if (!local) return { ok: false, reason: `local.${name} is not defined in this module` }
    const r = resolveStrings(local.expr, { ...scope, instance: undefined } as Scope, depth + 1)
    return r.ok ? { ...r, through: r.through === 'literal' ? 'variables' : r.through } : r
  }
  if (root === 'var') return resolveVariable(name, scope, depth)
  return { ok: false, reason: `it is given by ${shown}` }
}

function resolveVariable(name: string, scope: Scope, depth: number): Resolution {
  const base = { context: scope.context, module: scope.module } as Scope
  if (scope.inputs) {
    const input = attribute(scope.inputs.call.block.body, name)
    if (input) {
      const r = resolveStrings(input.value, scope.inputs.scope, depth + 1)
      return r.ok ? { ...r, through: 'module' } : r
    }
  }
  let acc: Resolution | undefined
  const add = (r: Resolution): Resolution | undefined => {
    if (!r.ok) return r
    acc = acc?.ok ? merge(acc, r) : r
    return acc.ok ? undefined : acc
  }
  for (const vars of scope.module.tfvars) {
    const value = vars.values.get(name)
    if (!value) continue
    const failed = add(resolveStrings(value, base, depth + 1))
    if (failed) return failed
  }
  if (!acc) {
    const d = scope.module.defaults.get(name)
    if (!d) {
      return {
        ok: false,
        reason: `var.${name} has no default and no .tfvars file of the folder sets it`
      }
    }
    const failed = add(resolveStrings(d.expr, base, depth + 1))
    if (failed) return failed
  }
  const found = acc as Resolution | undefined
  if (!found?.ok) return found ?? { ok: false, reason: `var.${name} has no value` }
  return { ...found, through: found.through === 'module' ? 'module' : 'variables' }
}

/**
 * The instances of a resource with `count` or `for_each`, each with its `count.index` or
 * `each.key` / `each.value`; one instance without either. Unresolved when the set is not literal.
 */
export function instancesOf(
  block: HclBlock,
  scope: Scope
): { ok: true; instances: NonNullable<Scope['instance']>[] } | { ok: false; reason: string } {
  const count = attribute(block.body, 'count')?.value
  const forEach = attribute(block.body, 'for_each')?.value
  if (count) {
    const n = resolveStrings(count, scope)
    const value = n.ok && n.values.length === 1 ? Number(n.values[0]) : NaN
    if (!Number.isInteger(value) || value < 0 || value > MAX_CANDIDATES) {
      return { ok: false, reason: 'its count is not a small literal number' }
    }
    return { ok: true, instances: Array.from({ length: value }, (_, index) => ({ index })) }
  }
  if (forEach) {
    const set = literalCollection(forEach, scope)
    if (!set) return { ok: false, reason: 'its for_each is not a literal set or map' }
    return { ok: true, instances: set }
  }
  return { ok: true, instances: [{}] }
}

function literalCollection(
  expr: HclExpr,
  scope: Scope,
  depth = 0
): { key: string; value?: string }[] | undefined {
  if (depth > MAX_RESOLVE_DEPTH) return undefined
  if (expr.kind === 'call' && (expr.name === 'toset' || expr.name === 'tomap') && expr.args[0]) {
    return literalCollection(expr.args[0], scope, depth + 1)
  }
  if (expr.kind === 'reference') {
    const [root, name, ...rest] = expr.parts
    if (rest.length > 0 || name === undefined) return undefined
    const target =
      root === 'local'
        ? scope.module.locals.get(name)?.expr
        : root === 'var' && scope.module.tfvars.length === 0
          ? scope.module.defaults.get(name)?.expr
          : undefined
    return target ? literalCollection(target, scope, depth + 1) : undefined
  }
  if (expr.kind === 'tuple') {
    const out: { key: string; value: string }[] = []
    for (const item of expr.items) {
      if (item.kind !== 'string') return undefined
      out.push({ key: item.value, value: item.value })
    }
    return out.length <= MAX_CANDIDATES ? out : undefined
  }
  if (expr.kind === 'object') {
    const out: { key: string; value?: string }[] = []
    for (const e of expr.elems) {
      if (e.key === undefined) return undefined
      out.push({ key: e.key, ...(e.value.kind === 'string' ? { value: e.value.value } : {}) })
    }
    return out.length <= MAX_CANDIDATES ? out : undefined
  }
  return undefined
}

/** How a non-literal expression reads in a message when its text is not at hand. */
export function describeKind(expr: HclExpr): string {
  if (expr.kind === 'call') return `${expr.name}(…)`
  if (expr.kind === 'reference') return expr.parts.join('.').replace(/\.\[/g, '[')
  return 'an expression that is not a literal'
}

export function quoteSource(source: string): string {
  const flat = source.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat
}

/** The scopes a module is evaluated in: once per local module call of it, else as a root module. */
export function scopesOf(context: TerraformContext, folder: string, depth = 0): Scope[] {
  const module = context.module(folder)
  const callers = depth > MAX_RESOLVE_DEPTH ? [] : context.callers(folder)
  if (callers.length === 0) return [{ context, module }]
  const scopes: Scope[] = []
  for (const call of callers) {
    for (const scope of scopesOf(context, folderOf(call.file), depth + 1)) {
      scopes.push({ context, module, inputs: { call, scope } })
    }
  }
  return scopes.slice(0, MAX_CANDIDATES)
}

export { blocks }
