/**
 * An independent, brute-force reading of DESIGN.md §1, for the engine's tests. Nothing here imports
 * src/engine: matching is a textbook dynamic program, pattern inclusion an exact subset
 * construction over all strings, word splitting a regular expression, and the refinement a
 * straightforward transcription of the design's rules with linear scans instead of sorted ranges.
 * It is slow and simple on purpose; the engine must agree with it.
 */

/** IAM names compare case-insensitively; the engine folds A-Z only (see ADR 0003). */
export function lower(s: string): string {
  let folded = lowered.get(s)
  if (folded === undefined) {
    folded = s.replace(/[A-Z]/g, c => c.toLowerCase())
    if (lowered.size > 100_000) lowered.clear()
    lowered.set(s, folded)
  }
  return folded
}
const lowered = new Map<string, string>()

/** A folded pattern, and its literal text when it is a literal or a literal followed by stars. */
interface Shape {
  folded: string
  kind: 'literal' | 'prefix' | 'general'
  lit: string
}
const shapes = new Map<string, Shape>()
function shapeOf(pattern: string): Shape {
  let shape = shapes.get(pattern)
  if (shape === undefined) {
    const folded = lower(pattern)
    const stars = /^([^*?]*)\*+$/.exec(folded)
    shape = !/[*?]/.test(folded)
      ? { folded, kind: 'literal', lit: folded }
      : stars
        ? { folded, kind: 'prefix', lit: stars[1] as string }
        : { folded, kind: 'general', lit: '' }
    if (shapes.size > 100_000) shapes.clear()
    shapes.set(pattern, shape)
  }
  return shape
}

/** Whether a `*`/`?` pattern matches the whole name, case-insensitively (dynamic programming). */
export function oracleMatch(pattern: string, name: string): boolean {
  const shape = shapeOf(pattern)
  const s = lower(name)
  // Two shapes need no table: a literal, and a literal followed by stars.
  if (shape.kind === 'literal') return shape.folded === s
  if (shape.kind === 'prefix') return s.startsWith(shape.lit)
  const p = shape.folded
  // ok[j]: p[0..i) matches s[0..j)
  let ok = new Uint8Array(s.length + 1)
  let next = new Uint8Array(s.length + 1)
  ok[0] = 1
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    next.fill(0)
    for (let j = 0; j <= s.length; j++) {
      if (c === '*') next[j] = ok[j] || (j > 0 && next[j - 1]) ? 1 : 0
      else if (j > 0) next[j] = ok[j - 1] && (c === '?' || c === s[j - 1]) ? 1 : 0
    }
    ;[ok, next] = [next, ok]
  }
  return ok[s.length] === 1
}

/** The states of a pattern's automaton reachable without reading, from `states`. */
function close(p: string, states: Iterable<number>): number[] {
  const out = new Set<number>()
  for (let q of states) {
    out.add(q)
    while (p[q] === '*') out.add(++q)
  }
  return [...out].sort((a, b) => a - b)
}

function step(p: string, states: number[], c: string): number[] {
  const next: number[] = []
  for (const q of states) {
    if (q >= p.length) continue
    if (p[q] === '*') next.push(q)
    else if (p[q] === '?' || p[q] === c) next.push(q + 1)
  }
  return close(p, next)
}

/**
 * Whether every string `inner` matches is matched by `outer`, over ALL strings: a depth-first
 * search for a string `inner` accepts and `outer` rejects, following one run of `inner` against
 * the set of `outer`'s states, over the letters the patterns name plus one letter neither names
 * (which stands for every other letter).
 */
export function oracleIncludes(outer: string, inner: string): boolean {
  const o = shapeOf(outer)
  const i = shapeOf(inner)
  // Shapes with an obvious answer: a literal is included iff matched; a literal includes no
  // pattern with a wildcard (there are infinitely many letters); `a*` includes `b*` iff b starts
  // with a.
  if (i.kind === 'literal') return oracleMatch(o.folded, i.folded)
  if (o.kind === 'literal') return false
  if (o.kind === 'prefix' && i.kind === 'prefix') return i.lit.startsWith(o.lit)
  const key = `${o.folded}\u0000${i.folded}`
  let known = includesCache.get(key)
  if (known === undefined) {
    if (includesCache.size > 200_000) includesCache.clear()
    known = includesBySearch(o.folded, i.folded)
    includesCache.set(key, known)
  }
  return known
}

const includesCache = new Map<string, boolean>()

function includesBySearch(o: string, i: string): boolean {
  const letters = new Set<string>(['\u0001'])
  for (const c of o + i) if (c !== '*' && c !== '?') letters.add(c)
  const seen = new Set<string>()
  const stack: [number, number[]][] = [[0, close(o, [0])]]
  while (stack.length > 0) {
    const [q, states] = stack.pop() as [number, number[]]
    const key = `${q}|${states.join(',')}`
    if (seen.has(key)) continue
    seen.add(key)
    if (q === i.length) {
      if (!states.includes(o.length)) return false
      continue
    }
    const c = i[q] as string
    if (c === '*') {
      stack.push([q + 1, states])
      for (const l of letters) stack.push([q, step(o, states, l)])
    } else if (c === '?') {
      for (const l of letters) stack.push([q + 1, step(o, states, l)])
    } else stack.push([q + 1, step(o, states, c)])
  }
  return true
}

/** Every string over `alphabet` of length at most `max`. */
export function allStrings(alphabet: string, max: number): string[] {
  const out = ['']
  let layer = ['']
  for (let n = 1; n <= max; n++) {
    layer = layer.flatMap(s => [...alphabet].map(c => s + c))
    out.push(...layer)
  }
  return out
}

/** The CamelCase words of an action name, by the design's rule, as one regular expression. */
export function oracleWords(action: string): string[] {
  return action.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(w => w !== '')
}

/** The ends of the word prefixes of `service:Action`: after `service:`, then after each word. */
function wordEnds(name: string): number[] {
  const colon = name.indexOf(':')
  const ends: number[] = []
  let at = colon + 1
  if (colon >= 0) ends.push(at)
  for (const w of oracleWords(name.slice(at))) ends.push((at += w.length))
  return ends
}

export interface OraclePrincipal {
  whole: boolean
  services: { service: string; actions?: string[] }[]
}

export interface OracleInput {
  catalog: Record<string, string[]>
  principals: OraclePrincipal[]
  keep?: string[]
}

const ACTION_NAME = /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/
const hasWild = (s: string): boolean => /[*?]/.test(s)

/** The universe: folded name -> display name (catalog casing first, then findings, then policy). */
export function oracleUniverse(policy: unknown, input: OracleInput): Map<string, string> {
  const display = new Map<string, string>()
  const add = (name: string, check: boolean): void => {
    if (check && !ACTION_NAME.test(name)) return
    if (!display.has(lower(name))) display.set(lower(name), name)
  }
  for (const [service, actions] of Object.entries(input.catalog)) {
    for (const a of actions) add(`${service}:${a}`, false)
  }
  for (const p of input.principals) {
    for (const s of p.services) for (const a of s.actions ?? []) add(`${s.service}:${a}`, true)
  }
  for (const s of statementsOf(policy)) {
    for (const e of actionList(s) ?? []) if (!hasWild(e)) add(e, true)
  }
  for (const k of input.keep ?? []) if (!hasWild(k)) add(k, true)
  return display
}

export function statementsOf(policy: unknown): unknown[] {
  const s = (policy as { Statement?: unknown }).Statement
  return Array.isArray(s) ? s : [s]
}

export function actionList(statement: unknown): string[] | undefined {
  if (typeof statement !== 'object' || statement === null) return undefined
  const a = (statement as { Action?: unknown }).Action
  if (typeof a === 'string') return [a]
  if (Array.isArray(a) && a.every(x => typeof x === 'string')) return a
  return undefined
}

/** U as a predicate over folded names, and whether U is everything. */
export function oracleUnused(
  universe: Map<string, string>,
  input: OracleInput
): { isUnused: (folded: string) => boolean; all: boolean } {
  const kept = (n: string): boolean => (input.keep ?? []).some(k => oracleMatch(k, n))
  const sets: Set<string>[] = []
  for (const p of input.principals) {
    if (p.whole) continue
    const own = new Set<string>()
    for (const s of p.services) {
      if (s.actions === undefined) {
        for (const n of universe.keys()) if (n.split(':')[0] === lower(s.service)) own.add(n)
      } else for (const a of s.actions) own.add(lower(`${s.service}:${a}`))
    }
    sets.push(own)
  }
  const all = input.principals.length > 0 && sets.length === 0
  const none = input.principals.length === 0
  return {
    all,
    isUnused: n => !none && !kept(n) && (all || sets.every(s => s.has(n)))
  }
}

interface Node {
  prefix: string
  display: string
  displayEnds?: boolean
  isAction: boolean
  children: Node[]
}

/** G(e), read off the design's text: a word trie over M rooted at e's literal prefix. */
export function oracleGeneralize(
  e: string,
  m: string[],
  r: string[],
  universe: Map<string, string>
): string[] {
  const root = lower(e.split(/[*?]/)[0] as string)
  const top: Node = { prefix: root, display: root, isAction: false, children: [] }
  for (const name of [...m].sort()) {
    const display = universe.get(name) as string
    let node = top
    if (name === root) node.isAction = true
    for (const end of wordEnds(display)) {
      if (end <= root.length) continue
      const prefix = name.slice(0, end)
      let child = node.children.find(c => c.prefix === prefix)
      if (!child) {
        child = {
          prefix,
          display: display.slice(0, end),
          displayEnds: end === name.length,
          isAction: false,
          children: []
        }
        node.children.push(child)
      } else if (child.displayEnds && end < name.length) {
        // The design leaves the spelling open; the engine takes it from a name that goes on
        // below the node when there is one (ADR 0003).
        child.display = display.slice(0, end)
        child.displayEnds = false
      }
      node = child
    }
    node.isAction = true
  }
  const out: string[] = []
  const visit = (node: Node): void => {
    if (!r.some(a => a.startsWith(node.prefix))) {
      const under = m.filter(a => a.startsWith(node.prefix))
      if (under.length === 1) return void out.push(universe.get(under[0] as string) as string)
      if (oracleIncludes(e, `${node.prefix}*`)) return void out.push(`${node.display}*`)
    }
    if (node.isAction && !r.includes(node.prefix)) out.push(universe.get(node.prefix) as string)
    node.children.forEach(visit)
  }
  if (top.isAction && !r.includes(root)) out.push(universe.get(root) as string)
  top.children.forEach(visit)
  return out
}

const byFold = (a: string, b: string): number =>
  lower(a) < lower(b) ? -1 : lower(a) > lower(b) ? 1 : a < b ? -1 : a > b ? 1 : 0

export interface OracleStatement {
  status: 'unchanged' | 'refined' | 'removed' | 'not-refined'
  after: string[]
  /** The refined statement, or undefined when removed. */
  statement: unknown
}

/** The design's per-statement rules, with every set computed by scanning the universe. */
export function oracleRefineStatement(
  statement: unknown,
  universe: Map<string, string>,
  unused: { isUnused: (folded: string) => boolean; all: boolean }
): OracleStatement {
  const same = (status: OracleStatement['status']): OracleStatement => ({
    status,
    after: actionList(statement) ?? [],
    statement
  })
  if (typeof statement !== 'object' || statement === null || Array.isArray(statement))
    return same('not-refined')
  const s = statement as Record<string, unknown>
  if (s.Effect !== 'Allow' || 'NotAction' in s || !('Action' in s)) return same('not-refined')
  const entries = actionList(s)
  if (entries === undefined) return same('not-refined')
  const names = [...universe.keys()]
  const slots: { out: string[]; isNew: boolean }[] = []
  let changed = false
  for (const e of entries) {
    if (!hasWild(e)) {
      const gone = unused.isUnused(lower(e))
      changed ||= gone
      slots.push({ out: gone ? [] : [e], isNew: false })
      continue
    }
    const m = names.filter(n => oracleMatch(e, n)).sort()
    const r = m.filter(unused.isUnused)
    if (r.length === 0 && !(m.length === 0 && unused.all)) {
      slots.push({ out: [e], isNew: false })
    } else if (r.length === m.length) {
      changed = true
      slots.push({ out: [], isNew: false })
    } else {
      changed = true
      slots.push({ out: oracleGeneralize(e, m, r, universe).sort(byFold), isNew: true })
    }
  }
  if (!changed) return same('unchanged')
  const kept = slots.filter(x => !x.isNew).flatMap(x => x.out)
  const fresh: string[] = []
  for (const x of slots.filter(x => x.isNew)) {
    for (const n of x.out) {
      if (fresh.some(f => lower(f) === lower(n))) continue
      if (kept.some(k => oracleIncludes(k, n))) continue
      fresh.push(n)
    }
  }
  const survivors = fresh.filter(
    n => !fresh.some(o => lower(o) !== lower(n) && oracleIncludes(o, n))
  )
  const after: string[] = []
  for (const x of slots) {
    for (const n of x.out) {
      if (!x.isNew) after.push(n)
      else if (survivors.includes(n) && !after.some(a => lower(a) === lower(n))) after.push(n)
    }
  }
  if (after.length === 0) return { status: 'removed', after, statement: undefined }
  const Action = typeof s.Action === 'string' && after.length === 1 ? after[0] : after
  return { status: 'refined', after, statement: { ...s, Action } }
}

/** The refined document the design asks for, or the original when nothing changed. */
export function oracleRefine(
  policy: Record<string, unknown>,
  input: OracleInput
): { document: Record<string, unknown>; statements: OracleStatement[]; changed: boolean } {
  const universe = oracleUniverse(policy, input)
  const unused = oracleUnused(universe, input)
  const statements = statementsOf(policy).map(s => oracleRefineStatement(s, universe, unused))
  const changed = statements.some(s => s.status === 'refined' || s.status === 'removed')
  if (!changed) return { document: policy, statements, changed }
  const kept = statements.filter(s => s.status !== 'removed').map(s => s.statement)
  const single = !Array.isArray(policy.Statement)
  return {
    document: { ...policy, Statement: single && kept.length === 1 ? kept[0] : kept },
    statements,
    changed
  }
}
