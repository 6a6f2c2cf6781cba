import { ConfigurationError } from '../engine/errors.js'

/**
 * Globs over repository-relative paths (`/` separators), matched in time linear in the path:
 * O(path length × glob length), whatever the glob. A glob is compiled into a Thompson automaton
 * (states with one character test, or a list of ε moves) and the path is run through the set of
 * states it can be in, each state visited at most once per character. Nothing backtracks, so
 * `*a*a*a*a*a*b` against a long name costs microseconds, where a backtracking regular expression
 * (picomatch's) takes seconds (ADR 0018).
 *
 * The syntax our documentation promises, with dot files matched like any other:
 * - `*` any run of characters within a segment (also none); `?` one character, never `/`;
 * - `**` as a whole segment: any number of segments (`a/**\/b` matches `a/b` and `a/x/y/b`;
 *   `a/**` everything under `a`, `**` every path); elsewhere (`a**b`) it is a `*`;
 * - `[abc]`, `[a-z]`, `[!a]` or `[^a]`: one character of the set (or not), never `/`;
 * - `{a,b}`, nested too: either alternative; braces without a comma are literal text;
 * - `\x`: the character x itself; a leading `./` (or `././`) is dropped.
 * Refused with a sentence: a leading `!` (negation), extended globs such as `+(a|b)`, POSIX
 * classes such as `[[:alpha:]]`, brace ranges such as `{1..3}`, and globs over the limits below.
 */

/** Matches a repository-relative path. */
export type PathMatcher = (path: string) => boolean

/**
 * The longest glob accepted, in characters. A glob is a path with a few wildcards; the bound keeps
 * a glob's automaton small, and with it the cost of each match (path length × glob length).
 */
export const MAX_GLOB_LENGTH = 256

/**
 * The most globs one list may hold (`paths`, `ignore-files`, a principal's `files`, `findings`).
 * Every path is run against every glob of a list, so the bound caps a match at MAX_GLOBS ×
 * MAX_GLOB_LENGTH steps per character of the path: about 50 µs for a 100-character path even
 * when every state stays live (`npm run bench globs`).
 */
export const MAX_GLOBS = 100

/** Whether `text` uses glob syntax, as opposed to naming one path. */
export function isGlob(text: string): boolean {
  return /[*?[\]{}!]/.test(text)
}

/** Why `glob` is refused, in a phrase that follows the glob in a message; undefined when fine. */
export function globProblem(glob: string): string | undefined {
  try {
    parse(glob)
    return undefined
  } catch (error) {
    if (error instanceof GlobSyntaxError) return error.message
    throw error
  }
}

/**
 * One matcher for a list of globs (a path matches when any glob does); an empty list matches
 * nothing. `key` names where the globs came from (`Input paths`, `ignore-files[2]`) in the
 * ConfigurationError a bad glob or list gets.
 */
export function compileGlobs(globs: readonly string[], key: string): PathMatcher {
  const problem = listProblem(globs)
  if (problem) throw new ConfigurationError(`${key}: ${problem}`)
  if (globs.length === 0) return () => false
  const parsed = globs.map(glob => {
    try {
      return parse(glob)
    } catch (error) {
      if (error instanceof GlobSyntaxError) {
        throw new ConfigurationError(`${key}: "${glob}" ${error.message}`)
      }
      throw error
    }
  })
  const automaton = build(parsed)
  return path => run(automaton, path)
}

/** Why a list of globs is refused (too many); undefined when fine. */
export function listProblem(globs: readonly string[]): string | undefined {
  return globs.length > MAX_GLOBS
    ? `${globs.length} globs, over the limit of ${MAX_GLOBS} in one list`
    : undefined
}

const cache = new Map<string, PathMatcher>()
/** Compiled lists kept per run; a run has a handful. The bound only guards a long-lived caller. */
const MAX_CACHED_LISTS = 10_000

/** `compileGlobs` for globs already checked (the configuration's), cached by content. */
export function globMatcher(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false
  const key = globs.join('\u0000')
  let matcher = cache.get(key)
  if (!matcher) {
    matcher = compileGlobs(globs, 'glob')
    if (cache.size >= MAX_CACHED_LISTS) cache.clear()
    cache.set(key, matcher)
  }
  return matcher
}

/**
 * Which of several lists of globs (already checked) a path matches first: the index of the first
 * list any of whose globs matches, or undefined. Built once per set of lists, so that a
 * configuration naming every file of a large repository (a `stacks` entry per template) costs one
 * lookup per path instead of one match per entry: a glob without wildcards names one path and
 * goes into a table by that path; only the lists with real wildcards are run, in order, and only
 * those before the first list whose plain path matched.
 */
export function firstMatching(
  lists: readonly (readonly string[])[]
): (path: string) => number | undefined {
  const exact = new Map<string, number>()
  const wild: { readonly index: number; readonly matches: PathMatcher }[] = []
  lists.forEach((globs, index) => {
    const patterns: string[] = []
    for (const glob of globs) {
      const path = plainPath(glob)
      if (path === undefined) patterns.push(glob)
      else if (!exact.has(path)) exact.set(path, index)
    }
    if (patterns.length > 0) wild.push({ index, matches: globMatcher(patterns) })
  })
  return path => {
    const plain = exact.get(path)
    for (const { index, matches } of wild) {
      if (plain !== undefined && index > plain) break
      if (matches(path)) return index
    }
    return plain
  }
}

/**
 * The one path a glob matches when it holds no syntax (no `*`, `?`, `[`, `{` or `\`): its text
 * after a leading `./`, as `parse` reads it; undefined for a glob with syntax.
 */
function plainPath(glob: string): string | undefined {
  return /[*?[{\\]/.test(glob) ? undefined : glob.replace(/^(\.\/)+/, '')
}

class GlobSyntaxError extends Error {}

/** A test of one character (a code point); a class never accepts `/`. */
type CharTest =
  | { readonly kind: 'literal'; readonly code: number }
  | { readonly kind: 'not-slash' }
  | { readonly kind: 'any' }
  | { readonly kind: 'class'; readonly ranges: readonly number[]; readonly negated: boolean }

const SLASH = 0x2f
const notSlash: CharTest = { kind: 'not-slash' }
const anything: CharTest = { kind: 'any' }
const slash: CharTest = { kind: 'literal', code: SLASH }

/** A piece of a parsed glob. */
type Piece =
  | { readonly kind: 'test'; readonly test: CharTest }
  /** Any run of characters the test accepts (`*`: not `/`). */
  | { readonly kind: 'repeat'; readonly test: CharTest }
  /** Zero or more whole segments, each with its `/` (`**` followed by `/`). */
  | { readonly kind: 'segments' }
  | { readonly kind: 'either'; readonly options: readonly Piece[][] }

function parse(glob: string): Piece[] {
  if (glob === '') throw new GlobSyntaxError('is empty')
  if (glob.length > MAX_GLOB_LENGTH) {
    throw new GlobSyntaxError(
      `is ${glob.length} characters long, over the limit of ${MAX_GLOB_LENGTH}`
    )
  }
  if (glob.startsWith('!')) {
    throw new GlobSyntaxError(
      'starts with "!": negated globs are not supported; list what to match instead'
    )
  }
  const text = glob.replace(/^(\.\/)+/, '')
  return new Parser(Array.from(text)).parseAll()
}

/** A recursive-descent parser over the glob's characters (code points). */
class Parser {
  private at = 0
  constructor(private readonly chars: readonly string[]) {}

  parseAll(): Piece[] {
    return this.parseSequence(false)
  }

  /** Pieces up to the end, or in braces up to a `,` or `}` of this level. */
  private parseSequence(inBraces: boolean): Piece[] {
    const out: Piece[] = []
    const chars = this.chars
    while (this.at < chars.length) {
      const c = chars[this.at]!
      if (inBraces && (c === ',' || c === '}')) break
      if (c === '\\') {
        const escaped = chars[this.at + 1]
        if (escaped === undefined) throw new GlobSyntaxError('ends with a lone backslash')
        out.push(literal(escaped))
        this.at += 2
      } else if (c === '*') {
        this.parseStars(out)
      } else if (c === '?') {
        this.refuseExtglob()
        out.push({ kind: 'test', test: notSlash })
        this.at++
      } else if (c === '[') {
        out.push(this.parseClass())
      } else if (c === '{') {
        out.push(...this.parseBraces())
      } else {
        if ('+@!'.includes(c)) this.refuseExtglob()
        out.push(literal(c))
        this.at++
      }
    }
    return out
  }

  private parseStars(out: Piece[]): void {
    const chars = this.chars
    const from = this.at
    while (chars[this.at] === '*') this.at++
    const run = this.at - from
    if (chars[this.at] === '(') {
      throw new GlobSyntaxError(
        `uses the extended glob "*(": not supported; use {a,b} for alternatives`
      )
    }
    const wholeSegment =
      run === 2 && // `***` is a `*`, as picomatch reads it
      (from === 0 || chars[from - 1] === '/') &&
      (this.at === chars.length || chars[this.at] === '/')
    if (!wholeSegment) {
      out.push({ kind: 'repeat', test: notSlash })
      return
    }
    if (chars[this.at] === '/') {
      this.at++ // `**/` takes its slash: `a/**/b` matches `a/b`
      out.push({ kind: 'segments' })
    } else {
      // A final `**`: anything, `/` too. After a `/` it is everything under that folder (`a/**`
      // matches `a/b/c`, not the file `a`); after `**/` the two are one (`a/**/**` is `a/**`).
      while (out.at(-1)?.kind === 'segments') out.pop()
      out.push({ kind: 'repeat', test: anything })
    }
  }

  private refuseExtglob(): void {
    const c = this.chars[this.at]!
    if (this.chars[this.at + 1] === '(') {
      throw new GlobSyntaxError(
        `uses the extended glob "${c}(": not supported; use {a,b} for alternatives`
      )
    }
  }

  /** `[...]`; an unclosed `[` is a literal `[`, as picomatch reads it. */
  private parseClass(): Piece {
    const chars = this.chars
    let i = this.at + 1
    const negated = chars[i] === '!' || chars[i] === '^'
    if (negated) i++
    const ranges: [number, number][] = []
    let first = true
    for (; i < chars.length; i++) {
      let c = chars[i]!
      if (c === ']' && !first) break
      first = false
      if (c === '[' && chars[i + 1] === ':') {
        throw new GlobSyntaxError(
          'uses a POSIX character class such as [[:alpha:]]: not supported; use a range such as [a-z]'
        )
      }
      if (c === '\\' && i + 1 < chars.length) c = chars[++i]!
      let low = c.codePointAt(0)!
      let high = low
      if (chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2] !== ']') {
        let end = chars[i + 2]!
        i += 2
        if (end === '\\' && i + 1 < chars.length) end = chars[++i]!
        high = end.codePointAt(0)!
        if (high < low) [low, high] = [high, low]
      }
      ranges.push([low, high])
    }
    if (i >= chars.length) {
      this.at++
      return literal('[')
    }
    this.at = i + 1
    return { kind: 'test', test: { kind: 'class', ranges: ranges.flat(), negated } }
  }

  /**
   * `{a,b}`. Braces with no comma at their level are literal text around what they hold, and a
   * `{` never closed is a literal `{`, as picomatch reads them.
   */
  private parseBraces(): Piece[] {
    const close = this.matchingBrace(this.at)
    if (close === undefined) {
      this.at++
      return [literal('{')]
    }
    this.at++
    if (!this.hasTopLevelComma(this.at - 1, close)) {
      const inside = this.chars.slice(this.at, close).join('')
      if (/^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(\.\.-?\d+)?$/.test(inside)) {
        throw new GlobSyntaxError(
          `uses the brace range "{${inside}}": not supported; list the alternatives, e.g. {1,2,3}`
        )
      }
      const held = this.parseSequence(true)
      this.at++ // the `}`
      return [literal('{'), ...held, literal('}')]
    }
    const options: Piece[][] = []
    for (;;) {
      options.push(this.parseSequence(true))
      const c = this.chars[this.at]
      this.at++
      if (c === '}') break
    }
    return [{ kind: 'either', options }]
  }

  private matchingBrace(open: number): number | undefined {
    let depth = 0
    for (let i = open; i < this.chars.length; i++) {
      const c = this.chars[i]
      if (c === '\\') i++
      else if (c === '[') i = this.classEnd(i)
      else if (c === '{') depth++
      else if (c === '}' && --depth === 0) return i
    }
    return undefined
  }

  private hasTopLevelComma(open: number, close: number): boolean {
    let depth = 0
    for (let i = open + 1; i < close; i++) {
      const c = this.chars[i]
      if (c === '\\') i++
      else if (c === '[') i = this.classEnd(i)
      else if (c === '{') depth++
      else if (c === '}') depth--
      else if (c === ',' && depth === 0) return true
    }
    return false
  }

  /** Where a class opened at `open` ends (its `]`), or `open` itself when it never closes. */
  private classEnd(open: number): number {
    let i = open + 1
    if (this.chars[i] === '!' || this.chars[i] === '^') i++
    for (let first = true; i < this.chars.length; i++, first = false) {
      const c = this.chars[i]
      if (c === '\\') i++
      else if (c === ']' && !first) return i
    }
    return open
  }
}

function literal(char: string): Piece {
  return { kind: 'test', test: { kind: 'literal', code: char.codePointAt(0)! } }
}

/**
 * The automaton of a list of globs, as flat arrays. State i either tests one character
 * (`tests[i]`) and moves to `next[i]`, or moves without reading to each of `moves[i]` (an ε state).
 * State 0 accepts. `closure[i]` lists the testing states and the accepting state that state i
 * reaches without reading, computed once, so a step of the run is one pass over the live states.
 */
interface Automaton {
  /** What state i tests (one of the TEST_ kinds); 0 for an ε state and the accepting one. */
  readonly kind: Uint8Array
  /** The literal's code point, or the index of the class in `classes`. */
  readonly argument: Int32Array
  readonly classes: readonly (CharTest & { kind: 'class' })[]
  readonly next: Int32Array
  readonly closure: readonly Int32Array[]
  readonly start: number
  /** Scratch for `run`: the live states, the next ones, and at which step each was last added. */
  readonly live: Int32Array
  readonly following: Int32Array
  readonly addedAt: Int32Array
  /** The steps of every run so far, so that `addedAt` never needs clearing. */
  steps: number
}

const ACCEPT = 0
const TEST_LITERAL = 1
const TEST_NOT_SLASH = 2
const TEST_ANY = 3
const TEST_CLASS = 4

/** Thompson's construction, right to left: each piece is built in front of what follows it. */
function build(globs: readonly Piece[][]): Automaton {
  const tests: (CharTest | undefined)[] = [undefined]
  const next: number[] = [-1]
  const moves: (readonly number[])[] = [[]]
  const state = (test: CharTest | undefined, to: number, eps: readonly number[] = []): number => {
    tests.push(test)
    next.push(to)
    moves.push(eps)
    return tests.length - 1
  }
  /** An ε state whose moves may lead back to itself. */
  const loop = (targets: (self: number) => readonly number[]): number => {
    const self = state(undefined, -1)
    moves[self] = targets(self)
    return self
  }
  const sequence = (list: readonly Piece[], after: number): number => {
    let at = after
    for (let i = list.length - 1; i >= 0; i--) at = piece(list[i]!, at)
    return at
  }
  const piece = (p: Piece, after: number): number => {
    switch (p.kind) {
      case 'test':
        return state(p.test, after)
      case 'repeat':
        // L: read one more (and come back to L), or go on.
        return loop(self => [state(p.test, self), after])
      case 'segments':
        // L: go on, or read a non-empty segment and its `/` and come back to L.
        return loop(self => {
          const end = state(slash, self)
          const more = state(undefined, -1)
          const first = state(notSlash, more)
          moves[more] = [first, end]
          return [first, after]
        })
      case 'either':
        return state(
          undefined,
          -1,
          p.options.map(option => sequence(option, after))
        )
    }
  }
  const start = state(
    undefined,
    -1,
    globs.map(pieces => sequence(pieces, ACCEPT))
  )
  const closure: Int32Array[] = []
  const mark = new Int32Array(tests.length).fill(-1)
  for (let s = 0; s < tests.length; s++) {
    const reached: number[] = []
    const stack = [s]
    while (stack.length > 0) {
      const t = stack.pop()!
      if (mark[t] === s) continue
      mark[t] = s
      if (tests[t] !== undefined || t === ACCEPT) reached.push(t)
      else stack.push(...moves[t]!)
    }
    closure.push(Int32Array.from(reached))
  }
  const kind = new Uint8Array(tests.length)
  const argument = new Int32Array(tests.length)
  const classes: (CharTest & { kind: 'class' })[] = []
  tests.forEach((test, i) => {
    if (test === undefined) return
    if (test.kind === 'literal') {
      kind[i] = TEST_LITERAL
      argument[i] = test.code
    } else if (test.kind === 'not-slash') kind[i] = TEST_NOT_SLASH
    else if (test.kind === 'any') kind[i] = TEST_ANY
    else {
      kind[i] = TEST_CLASS
      argument[i] = classes.push(test) - 1
    }
  })
  return {
    kind,
    argument,
    classes,
    next: Int32Array.from(next),
    closure,
    start,
    live: new Int32Array(tests.length),
    following: new Int32Array(tests.length),
    addedAt: new Int32Array(tests.length).fill(-1),
    steps: 0
  }
}

function inClass(test: CharTest & { kind: 'class' }, c: number): boolean {
  if (c === SLASH) return false
  const { ranges } = test
  let inside = false
  for (let i = 0; i < ranges.length && !inside; i += 2) {
    inside = ranges[i]! <= c && c <= ranges[i + 1]!
  }
  return inside !== test.negated
}

/**
 * Runs the path through the automaton: the set of live states, each added at most once per
 * character, so the cost is at most (path length × states), whatever the globs.
 */
function run(automaton: Automaton, path: string): boolean {
  const { kind, argument, classes, next, closure, addedAt } = automaton
  let live = automaton.live
  let following = automaton.following
  if (automaton.steps > 2 ** 30) {
    addedAt.fill(-1)
    automaton.steps = 0
  }
  let count = 0
  for (const s of closure[automaton.start]!) live[count++] = s
  for (const char of path) {
    const step = automaton.steps++
    const c = char.codePointAt(0)!
    let added = 0
    for (let i = 0; i < count; i++) {
      const s = live[i]!
      const test = kind[s]!
      const pass =
        test === TEST_NOT_SLASH
          ? c !== SLASH
          : test === TEST_LITERAL
            ? c === argument[s]
            : test === TEST_ANY || (test === TEST_CLASS && inClass(classes[argument[s]!]!, c))
      if (!pass) continue
      const reached = closure[next[s]!]!
      for (let j = 0; j < reached.length; j++) {
        const t = reached[j]!
        if (addedAt[t] === step) continue
        addedAt[t] = step
        following[added++] = t
      }
    }
    if (added === 0) return false
    ;[live, following] = [following, live]
    count = added
  }
  for (let i = 0; i < count; i++) if (live[i] === ACCEPT) return true
  return false
}
