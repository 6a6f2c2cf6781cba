import {
  fold,
  patternContains,
  trailingStarPrefix,
  wordEndAfter,
  type FoldedName
} from './actions.js'
import { prefixRange } from './sorted.js'
import type { Match, Universe } from './universe.js'
import type { UnusedSet } from './unused-set.js'

/**
 * G(e), the least general generalization of a wildcard entry `e`: the shortest entries that allow
 * every action of M (universe ∩ L(e), `match`) outside R (M ∩ U) and no action of R. Entries come
 * back in the catalog's casing beside their fold, sorted case-insensitively by the caller.
 *
 * A trie over M whose edges are CamelCase words, rooted at e's literal prefix. Safety is a matter
 * of strings: a node is unsafe when an action of R starts with its prefix, since `prefix*` would
 * match it even when the trie puts that action on another branch (`lex:GetBot` and `GetBots`).
 */
export function generalize(
  entry: string,
  match: Match,
  universe: Universe,
  unused: UnusedSet
): FoldedName[] {
  const view = trieView(match, universe, unused)
  const root = rootPrefix(entry)
  const isSubPattern = subPatternTest(entry, root)
  // Each entry with its fold, which the walk knows: the names' own, or a node's prefix.
  const out: FoldedName[] = []
  const emitAt = (k: number): void => {
    out.push({ name: view.display[k] as string, folded: view.names[k] as string })
  }

  // The names of M that start with a prefix are one range of M, and R ⊆ M, so "does an action of
  // R start with this prefix" (safety) and "are all of them in R" are two subtractions once the
  // range is known. The trie is built lazily, one level at a time, and a node whose names are all
  // in R is never expanded: it can emit nothing (every node below it is unsafe and every action
  // there is in R). For `*` with most services wholly unused, this skips most of the catalog. A
  // node's range lies inside its parent's, so its binary searches stay small.
  // Siblings come in sorted order, so each range is searched from where the one before ended.
  const visit = (node: TrieNode, parentLo: number, parentHi: number, near: number): number => {
    const range = prefixRange(view.names, node.prefix, parentLo, parentHi, near)
    const lo = range[0]
    const hi = range[1]
    const unusedHere = view.unusedIn(lo, hi)
    if (unusedHere === 0) {
      if (hi - lo === 1) {
        emitAt(lo)
        return hi
      }
      if (isSubPattern(node.prefix)) {
        out.push({ name: `${node.display}*`, folded: `${node.prefix}*` })
        return hi
      }
    } else if (unusedHere === hi - lo) return hi
    const { action, children } = expand(node, view)
    if (action >= 0) emitAt(action)
    let next = lo
    for (let c = 0; c < children.length; c++) next = visit(children[c] as TrieNode, lo, hi, next)
    return hi
  }

  // A node's members are only the *used* names whose words run through it. An unused name emits
  // nothing (no action of R is emitted, and every node on its path has it in range, so none there
  // is safe), and a node's text is only used when its whole range is used, so leaving unused
  // names out changes no output, and the trie's cost follows the used names, not M.
  const members = view.used
  const top = expand({ prefix: root, display: root, members }, view)
  if (top.action >= 0) emitAt(top.action)
  let next = view.lo
  const { children } = top
  for (let c = 0; c < children.length; c++)
    next = visit(children[c] as TrieNode, view.lo, view.hi, next)
  return out
}

/**
 * M as the trie reads it: folded names sorted, M being [lo, hi) of them, with their casing, the
 * positions of the used ones, and how many of a range are unused. For a `lit*` entry M is a range
 * of the universe itself; for other shapes its names are copied out once.
 */
interface TrieView {
  readonly names: readonly string[]
  readonly display: readonly string[]
  readonly lo: number
  readonly hi: number
  readonly used: readonly number[]
  unusedIn(lo: number, hi: number): number
}

function trieView(match: Match, universe: Universe, unused: UnusedSet): TrieView {
  const only = match.only
  if (!only) {
    return {
      names: universe.names,
      display: universe.display,
      lo: match.lo,
      hi: match.hi,
      used: unused.usedIn(match.lo, match.hi),
      unusedIn: (lo, hi) => unused.countIn(lo, hi)
    }
  }
  const before = new Uint32Array(only.length + 1)
  const used: number[] = []
  only.forEach((position, k) => {
    const isUnused = unused.at(position)
    before[k + 1] = (before[k] as number) + (isUnused ? 1 : 0)
    if (!isUnused) used.push(k)
  })
  return {
    names: only.map(position => universe.names[position] as string),
    display: only.map(position => universe.display[position] as string),
    lo: 0,
    hi: only.length,
    used,
    unusedIn: (lo, hi) => (before[hi] as number) - (before[lo] as number)
  }
}

/** A text no name starts with. */
const NONE = '\uffff'

interface TrieNode {
  /** The folded string from the start of the name to the end of this node's word. */
  readonly prefix: string
  /** The same in the catalog's casing. */
  readonly display: string
  /** Positions in the view of the used names whose path runs through this node, in M's order. */
  readonly members: readonly number[]
}

/**
 * A node's children, one per next CamelCase word of its members, in M's order, and the member
 * that is the node's own action (-1 if none). Words come from the catalog's casing; a name is the
 * action of the node its last word ends at.
 */
function expand(node: TrieNode, view: TrieView): { action: number; children: TrieNode[] } {
  const depth = node.prefix.length
  let action = -1
  type Child = { prefix: string; display: string; members: number[]; displayEnds: boolean }
  const children = new Map<string, Child>()
  let last: Child | undefined
  // Sorted names that share a word come together, so most members join the child of the member
  // before them. Where a word ends depends only on the letters up to one past its end (a word
  // starts at an uppercase letter, by the letters either side of it), so a member whose text
  // starts with the previous member's word and the two letters after it ends its word there too,
  // without scanning it again.
  let same = NONE
  const { members } = node
  for (let m = 0; m < members.length; m++) {
    const k = members[m] as number
    const name = view.names[k] as string
    if (name.length === depth) {
      action = k
      continue
    }
    const display = view.display[k] as string
    let end: number
    let child: Child | undefined
    if (last !== undefined && display.startsWith(same)) {
      end = last.prefix.length
      child = last
    } else {
      end = wordEndAfter(display, depth)
      child =
        last !== undefined && last.prefix.length === end && name.startsWith(last.prefix)
          ? last
          : children.get(name.slice(0, end))
      // (The name's colon must lie in that text too: it decides where the first word starts.)
      const colon = display.indexOf(':')
      same =
        colon >= 0 && colon < end && end + 2 <= display.length ? display.slice(0, end + 2) : NONE
    }
    if (!child) {
      const prefix = name.slice(0, end)
      const displayEnds = end === name.length
      child = { prefix, display: display.slice(0, end), members: [k], displayEnds }
      children.set(prefix, child)
      last = child
      continue
    }
    last = child
    child.members.push(k)
    // A node's text comes from a name that goes on below it when there is one: the catalog has
    // both apigateway:GET and apigateway:GetPortal, and `apigateway:Get*` reads as the wildcard.
    if (child.displayEnds && end < name.length) {
      child.display = display.slice(0, end)
      child.displayEnds = false
    }
  }
  return { action, children: [...children.values()] }
}

/** e's literal prefix, folded: the text before its first wildcard. */
export function rootPrefix(entry: string): string {
  const folded = fold(entry)
  const cut = folded.search(/[*?]/)
  return cut < 0 ? folded : folded.slice(0, cut)
}

/**
 * Whether `prefix*` allows nothing `entry` does not: always true for `lit*` entries (every node
 * extends the root), decided exactly for infix, `?` and suffix patterns such as `*Tagging`.
 */
export function subPatternTest(entry: string, root: string): (prefix: string) => boolean {
  const folded = fold(entry)
  if (trailingStarPrefix(folded) === root) return () => true
  const cache = new Map<string, boolean>()
  return prefix => {
    let known = cache.get(prefix)
    if (known === undefined) {
      known = patternContains(folded, `${prefix}*`)
      cache.set(prefix, known)
    }
    return known
  }
}
