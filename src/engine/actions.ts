/**
 * IAM action names and the `*` / `?` pattern language over them.
 *
 * Names compare case-insensitively, so everything here works on lower-cased text; callers keep the
 * author's or the catalog's casing for display. Matching never backtracks across stars: a pattern
 * is cut at its stars into segments that are placed leftmost, one after the other, which is
 * correct for `*` and `?` and costs O(|name| · |segment|) at worst.
 */
import { lowerBoundNear } from './sorted.js'

/**
 * Lower-cases a name or pattern the way every comparison in the engine does: A-Z only. Action
 * names are ASCII; Unicode case mapping would make the engine equate strings IAM may well keep
 * apart (the Kelvin sign lower-cases to `k`, so `s3:\u212Aey*` would "match" `s3:KeyX` and could
 * be replaced by entries IAM reads as wider), and can change a string's length (`İ`).
 */
export function fold(text: string): string {
  return NON_ASCII.test(text)
    ? text.replace(/[A-Z]+/g, run => run.toLowerCase())
    : text.toLowerCase()
}

const NON_ASCII = /[\u0080-\uffff]/

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?')
}

/** The text before the first wildcard (`s3:Get` for `s3:Get*`, `` for `*`). */
export function literalPrefix(pattern: string): string {
  const star = pattern.indexOf('*')
  const question = pattern.indexOf('?')
  const cut = Math.min(star < 0 ? pattern.length : star, question < 0 ? pattern.length : question)
  return pattern.slice(0, cut)
}

/** Splits `service:Action` at its first colon; a name without one has an empty action part. */
export function splitName(name: string): { service: string; action: string } {
  const colon = name.indexOf(':')
  if (colon < 0) return { service: name, action: '' }
  return { service: name.slice(0, colon), action: name.slice(colon + 1) }
}

/**
 * Where the CamelCase words of a name end: after `service:`, then after every word of the action.
 * A new word starts at an uppercase letter that follows a lowercase letter or a digit, and at the
 * last uppercase letter of an uppercase run when a lowercase letter follows; digits stay with the
 * word before them (`GetBucketCORS` = Get|Bucket|CORS, `ListMFADevices` = List|MFA|Devices,
 * `AssignIpv6Addresses` = Assign|Ipv6|Addresses). The name's length is always the last entry.
 */
export function wordBoundaries(name: string): number[] {
  const ends: number[] = []
  const colon = name.indexOf(':')
  const start = colon < 0 ? 0 : colon + 1
  if (colon >= 0) ends.push(start)
  for (let i = start + 1; i < name.length; i++) if (startsWord(name, i)) ends.push(i)
  if (ends[ends.length - 1] !== name.length) ends.push(name.length)
  return ends
}

/**
 * The first entry of `wordBoundaries(name)` after `depth` (the name's length if none), found by
 * scanning one word rather than listing them all: the trie asks it once per name and level.
 */
export function wordEndAfter(name: string, depth: number): number {
  const colon = name.indexOf(':')
  const start = colon < 0 ? 0 : colon + 1
  if (colon >= 0 && start > depth) return start
  for (let i = Math.max(depth + 1, start + 1); i < name.length; i++) {
    if (startsWord(name, i)) return i
  }
  return name.length
}

/**
 * The last entry of `wordBoundaries(name)` below the name's length (0 if none): where its last
 * word starts. Scans back from the end, one word rather than the whole name.
 */
export function lastWordStart(name: string): number {
  const colon = name.indexOf(':')
  const start = colon < 0 ? 0 : colon + 1
  for (let i = name.length - 1; i > start; i--) if (startsWord(name, i)) return i
  return colon >= 0 && start < name.length ? start : 0
}

/**
 * Whether a new word starts at `i`, a position after the first letter of the action: an
 * uppercase letter after a lowercase one or a digit, or the last of an uppercase run before a
 * lowercase letter. On character codes, without calls: the trie asks it about most letters of
 * every used name.
 */
function startsWord(name: string, i: number): boolean {
  const here = name.charCodeAt(i)
  if (here < 65 || here > 90) return false
  const prev = name.charCodeAt(i - 1)
  if ((prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57)) return true
  if (prev < 65 || prev > 90) return false
  // Not read past the end: that answers NaN, and V8 throws away the optimized code of the
  // function that reads out of bounds (and of the trie's walk it was inlined into) and compiles
  // it again, in the middle of the first call.
  if (i + 1 >= name.length) return false
  const next = name.charCodeAt(i + 1)
  return next >= 97 && next <= 122
}

/** The CamelCase words of an action name without its service (`GetBucketCORS` -> Get, Bucket, CORS). */
export function splitWords(action: string): string[] {
  const words: string[] = []
  let from = 0
  for (const end of wordBoundaries(action)) {
    if (end > from) words.push(action.slice(from, end))
    from = end
  }
  return words
}

/** A compiled, case-insensitive `*` / `?` pattern. */
export class Glob {
  readonly text: string
  /** The folded pattern. */
  readonly folded: string
  private readonly segments: string[]
  private readonly starred: boolean

  constructor(pattern: string) {
    this.text = pattern
    this.folded = fold(pattern)
    this.segments = this.folded.split('*')
    this.starred = this.segments.length > 1
  }

  /** Whether the pattern matches the whole of an already folded name. */
  test(foldedName: string): boolean {
    const segs = this.segments
    if (!this.starred) return segmentAt(segs[0] ?? '', foldedName, 0, true)
    const first = segs[0] ?? ''
    const last = segs[segs.length - 1] ?? ''
    if (foldedName.length < first.length + last.length) return false
    if (!segmentAt(first, foldedName, 0, false)) return false
    const end = foldedName.length - last.length
    if (!segmentAt(last, foldedName, end, false)) return false
    let at = first.length
    for (let i = 1; i < segs.length - 1; i++) {
      const seg = segs[i] ?? ''
      const found = findSegment(seg, foldedName, at, end)
      if (found < 0) return false
      at = found + seg.length
    }
    return true
  }
}

function segmentAt(seg: string, name: string, at: number, whole: boolean): boolean {
  if (whole && name.length !== seg.length) return false
  if (at + seg.length > name.length) return false
  for (let i = 0; i < seg.length; i++) {
    const c = seg.charCodeAt(i)
    if (c !== 63 /* ? */ && c !== name.charCodeAt(at + i)) return false
  }
  return true
}

/** Leftmost place at or after `from` where `seg` fits wholly before `limit`, or -1. */
function findSegment(seg: string, name: string, from: number, limit: number): number {
  if (!seg.includes('?')) {
    const found = name.indexOf(seg, from)
    return found >= 0 && found + seg.length <= limit ? found : -1
  }
  for (let at = from; at + seg.length <= limit; at++) {
    if (segmentAt(seg, name, at, false)) return at
  }
  return -1
}

/** Matches a pattern against a name, both in any casing. */
export function matches(pattern: string, name: string): boolean {
  return new Glob(pattern).test(fold(name))
}

/** `lit*` (one or more trailing stars, no other wildcard): the pattern's literal prefix, else null. */
export function trailingStarPrefix(folded: string): string | null {
  let end = folded.length
  while (end > 0 && folded.charCodeAt(end - 1) === 42 /* * */) end--
  if (end === folded.length) return null
  const lit = folded.slice(0, end)
  return hasWildcard(lit) ? null : lit
}

/**
 * Whether every string `inner` matches is also matched by `outer` (both folded), for all strings
 * and not only known actions. Exact for a literal `inner` and for `lit*`, the only shapes the
 * engine creates, and for any `inner` when `outer` is `lit*`. For other shapes it is sound but may
 * answer false where inclusion holds: it then treats `inner`'s wildcards as symbols that only
 * `outer`'s wildcards can consume.
 */
export function patternContains(outer: string, inner: string): boolean {
  return containedIn(outer)(inner)
}

/**
 * `inner => patternContains(outer, inner)`, with what depends on `outer` alone worked out once:
 * the checks ask it about every entry of a refinement, thousands for `*`, against a few originals.
 */
export function containedIn(outer: string): (inner: string) => boolean {
  // `lit*` matches exactly the strings that start with lit. Every string `inner` matches starts
  // with inner's literal prefix P; when P does not start with lit, either P leaves lit somewhere,
  // or P is shorter and inner's next symbol, a wildcard, can put another character where lit goes
  // on. So this is exact for every shape of `inner` (and `*` contains everything).
  const outerLit = trailingStarPrefix(outer)
  if (outerLit !== null) {
    return inner => inner === outer || literalPrefix(inner).startsWith(outerLit)
  }
  let glob: Glob | undefined
  return inner => {
    if (outer === inner) return true
    if (!hasWildcard(inner)) return (glob ??= new Glob(outer)).test(inner)
    const lit = trailingStarPrefix(inner)
    if (lit !== null) return coversEveryExtension(outer, lit)
    return symbolicMatch(outer, inner)
  }
}

/**
 * Whether `outer` matches `lit` followed by any string. Simulates `outer` as a set of positions
 * over `lit`; afterwards a string of fresh characters of any length n must still be accepted,
 * which only wildcard-only remainders can do: a remainder of q `?` with a star accepts n >= q,
 * without one exactly n = q. So every n must be reached by one of the remainders.
 */
function coversEveryExtension(outer: string, lit: string): boolean {
  const m = outer.length
  let states = closure(outer, new Set([0]))
  for (let i = 0; i < lit.length && states.size > 0; i++) {
    const c = lit.charCodeAt(i)
    const next = new Set<number>()
    for (const pos of states) {
      if (pos >= m) continue
      const p = outer.charCodeAt(pos)
      if (p === 42) next.add(pos)
      else if (p === 63 || p === c) next.add(pos + 1)
    }
    states = closure(outer, next)
  }
  let starredFrom = Infinity
  const exact = new Set<number>()
  for (const pos of states) {
    const rest = outer.slice(pos)
    if (/[^*?]/.test(rest)) continue
    const questions = rest.replace(/\*/g, '').length
    if (rest.includes('*')) starredFrom = Math.min(starredFrom, questions)
    else exact.add(questions)
  }
  if (starredFrom === Infinity) return false
  for (let n = 0; n < starredFrom; n++) if (!exact.has(n)) return false
  return true
}

function closure(pattern: string, states: Set<number>): Set<number> {
  const out = new Set<number>()
  for (let pos of states) {
    out.add(pos)
    while (pos < pattern.length && pattern.charCodeAt(pos) === 42) out.add(++pos)
  }
  return out
}

/** Sound inclusion test for general shapes: `outer` must match `inner` read as symbols. */
function symbolicMatch(outer: string, inner: string): boolean {
  const n = inner.length
  // reach[j]: outer's prefix so far can consume inner[0..j)
  let reach = new Array<boolean>(n + 1).fill(false)
  reach[0] = true
  for (let i = 0; i < outer.length; i++) {
    const p = outer.charAt(i)
    const next = new Array<boolean>(n + 1).fill(false)
    if (p === '*') {
      let on = false
      for (let j = 0; j <= n; j++) {
        on = on || (reach[j] ?? false)
        next[j] = on
      }
    } else {
      for (let j = 0; j < n; j++) {
        if (!reach[j]) continue
        const s = inner.charAt(j)
        // inner's `*` is consumed only by a star; its `?` only by `?` or a star
        if (s === '*') continue
        if (p === '?' || (s !== '?' && p === s)) next[j + 1] = true
      }
    }
    reach = next
  }
  return reach[n] ?? false
}

/**
 * A set of patterns that answers "is this name allowed" and "is this pattern covered" without
 * trying every pattern: literals in a map, the `lit` of `lit*` patterns in a sorted list, the rest
 * one by one. Counts let a caller ask about an entry while excluding that entry itself.
 */
export class PatternIndex {
  private readonly exact = new Map<string, number>()
  /** How many times each `lit` of a `lit*` was added. */
  private readonly prefixCounts = new Map<string, number>()
  /** The distinct `lit`s, sorted by code unit; built on first use. */
  private sortedPrefixes: string[] | undefined
  private readonly others: Glob[] = []
  /** Where the last search of the sorted prefixes ended (a hint only: src/engine/sorted.ts). */
  private near = 0
  /** How many patterns were added. */
  private size = 0

  constructor(patterns: Iterable<string> = []) {
    for (const p of patterns) this.add(p)
  }

  add(pattern: string): void {
    this.size++
    const folded = fold(pattern)
    if (!hasWildcard(folded)) {
      this.exact.set(folded, (this.exact.get(folded) ?? 0) + 1)
      return
    }
    const lit = trailingStarPrefix(folded)
    if (lit === null) {
      this.others.push(new Glob(folded))
      return
    }
    this.prefixCounts.set(lit, (this.prefixCounts.get(lit) ?? 0) + 1)
    this.sortedPrefixes = undefined
  }

  /** Whether some pattern matches the folded name. */
  allows(foldedName: string): boolean {
    if (this.exact.has(foldedName)) return true
    if (this.hasPrefixOf(foldedName, foldedName.length)) return true
    return this.others.some(g => g.test(foldedName))
  }

  /**
   * Whether the patterns, less one copy of `self` when given, match everything `pattern` matches.
   * `pattern` and `self` are folded.
   */
  covers(pattern: string, self?: string): boolean {
    if (this.size === 0) return false
    const less = self === pattern ? 1 : 0
    if (!hasWildcard(pattern)) {
      if ((this.exact.get(pattern) ?? 0) - less > 0) return true
      if (this.hasPrefixOf(pattern, pattern.length)) return true
      return this.others.some(g => g.test(pattern))
    }
    const lit = trailingStarPrefix(pattern)
    if (lit !== null) {
      if ((this.prefixCounts.get(lit) ?? 0) - less > 0) return true
      if (this.hasPrefixOf(lit, lit.length - 1)) return true
    } else {
      const prefix = literalPrefix(pattern)
      if (this.hasPrefixOf(prefix, prefix.length)) return true
      // An equal general pattern covers it too, unless it is the copy being excluded.
      let equal = -less
      for (const g of this.others) if (g.folded === pattern) equal++
      if (equal > 0) return true
    }
    return this.others.some(g => g.folded !== pattern && patternContains(g.folded, pattern))
  }

  /**
   * Whether a stored `lit*` has a `lit` that is a prefix of `text` no longer than `maxLength`.
   * Every stored prefix of t lies between it and t in sorted order, so it is also a prefix of t's
   * predecessor P: when P is not itself a prefix of t, the answer is the same for t cut to its
   * common prefix with P, which is shorter. Usually one or two searches, each started where the
   * last one ended (callers ask in sorted order).
   */
  private hasPrefixOf(text: string, maxLength: number): boolean {
    if (this.prefixCounts.size === 0 || maxLength < 0) return false
    const sorted = (this.sortedPrefixes ??= [...this.prefixCounts.keys()].sort())
    let t = text.length > maxLength ? text.slice(0, maxLength) : text
    // The first search starts where the caller's last one ended; a shorter t sorts before t, so
    // each further search starts where the one before it ended.
    let near = this.near
    for (let first = true; ; first = false) {
      // The last stored string <= t: t itself when stored, else the one before where t would go.
      const lower = (near = lowerBoundNear(sorted, t, near))
      if (first) this.near = lower
      const at = sorted[lower] === t ? lower : lower - 1
      if (at < 0) return false
      const p = sorted[at] as string
      if (t.startsWith(p)) return true
      let common = 0
      while (
        common < p.length &&
        common < t.length &&
        p.charCodeAt(common) === t.charCodeAt(common)
      )
        common++
      t = t.slice(0, common)
    }
  }
}

/**
 * For each of a list of folded patterns, whether the others (all of the list less one copy of that
 * pattern) match everything it matches: `new PatternIndex(patterns).covers(p, p)` for every p, in
 * one sorted sweep rather than a search per pattern.
 *
 * Literals and `lit*` patterns are put in order of their literal part (a `lit*` before anything
 * else with the same literal part). A stack holds the literal parts of the `lit*` patterns seen so
 * far that are prefixes of the current one, each a prefix of the next: a string that does not
 * start with one, nothing after it in sorted order does either. So the shortest, at the bottom,
 * says whether some `lit*` covers the current pattern; equal patterns come next to each other.
 * Other shapes (rare: `*Tagging`, `?`) are compared one by one as PatternIndex does.
 */
export function coveredByOthers(patterns: readonly string[]): boolean[] {
  const covered = new Array<boolean>(patterns.length).fill(false)
  // kind 0: `lit*` (key lit); 1: a literal (key itself); 2: any other shape (key its literal prefix).
  // maxLength: how long a covering `lit` may be (a `lit*` is covered only by a shorter one).
  const items: { key: string; kind: number; maxLength: number; index: number }[] = []
  const general: Glob[] = []
  patterns.forEach((pattern, index) => {
    if (!hasWildcard(pattern)) {
      items.push({ key: pattern, kind: 1, maxLength: pattern.length, index })
      return
    }
    const lit = trailingStarPrefix(pattern)
    if (lit !== null) {
      items.push({ key: lit, kind: 0, maxLength: lit.length - 1, index })
      return
    }
    general.push(new Glob(pattern))
    const prefix = literalPrefix(pattern)
    items.push({ key: prefix, kind: 2, maxLength: prefix.length, index })
  })
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.kind - b.kind))
  const stack: string[] = []
  let previous: (typeof items)[number] | undefined
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as (typeof items)[number]
    if (previous && item.kind !== 2 && previous.kind === item.kind && previous.key === item.key) {
      covered[item.index] = covered[previous.index] = true
    }
    previous = item
    while (stack.length > 0 && !item.key.startsWith(stack[stack.length - 1] as string)) stack.pop()
    if (stack.length > 0 && (stack[0] as string).length <= item.maxLength)
      covered[item.index] = true
    if (item.kind === 0 && stack[stack.length - 1] !== item.key) stack.push(item.key)
  }
  if (general.length === 0) return covered
  patterns.forEach((pattern, i) => {
    if (covered[i]) return
    if (!hasWildcard(pattern)) {
      covered[i] = general.some(g => g.test(pattern))
      return
    }
    const equal = general.filter(g => g.folded === pattern).length
    covered[i] =
      equal > (trailingStarPrefix(pattern) === null ? 1 : 0) ||
      general.some(g => g.folded !== pattern && patternContains(g.folded, pattern))
  })
  return covered
}

/** Case-insensitive order of names, by folded code units (not locale). */
export function compareNames(a: string, b: string): number {
  return compareFolded(fold(a), a, fold(b), b)
}

/** A name beside its fold, so that sorting and comparing do not fold it again and again. */
export interface FoldedName {
  readonly name: string
  readonly folded: string
}

/** `compareNames` on names folded beforehand. */
export function compareFoldedNames(a: FoldedName, b: FoldedName): number {
  return compareFolded(a.folded, a.name, b.folded, b.name)
}

function compareFolded(fa: string, a: string, fb: string, b: string): number {
  return fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0
}
