import { fold, patternContains, trailingStarPrefix, wordEndAfter } from './actions.js'
import { prefixRange, type Universe } from './universe.js'

/**
 * G(e), the least general generalization of a wildcard entry `e`: the shortest entries that allow
 * every action of M (universe ∩ L(e)) outside R (M ∩ U) and no action of R. Both lists are folded
 * and sorted. Entries come back in the catalog's casing, sorted case-insensitively by the caller.
 *
 * A trie over M whose edges are CamelCase words, rooted at e's literal prefix. Safety is a matter
 * of strings: a node is unsafe when an action of R starts with its prefix, since `prefix*` would
 * match it even when the trie puts that action on another branch (`lex:GetBot` and `GetBots`).
 */
export function generalize(
  entry: string,
  m: readonly string[],
  r: readonly string[],
  universe: Universe
): string[] {
  const root = rootPrefix(entry)
  const inR = new Set(r)
  const isSubPattern = subPatternTest(entry, root)
  const out: string[] = []
  const emitAction = (folded: string): void => {
    out.push(universe.displayOf(folded))
  }
  // unusedBefore[i]: how many of m[0..i) are in R. The names of M that start with a prefix are one
  // range of M, and R ⊆ M, so "does an action of R start with this prefix" (safety) and "are all
  // of them in R" are two subtractions once the range is known.
  const unusedBefore = new Uint32Array(m.length + 1)
  m.forEach((name, i) => {
    unusedBefore[i + 1] = (unusedBefore[i] as number) + (inR.has(name) ? 1 : 0)
  })

  // The trie is built lazily, one level at a time, and a node whose names are all in R is never
  // expanded: it can emit nothing (every node below it is unsafe and every action there is in R).
  // For `*` with most services wholly unused, this skips most of the catalog. A node's range lies
  // inside its parent's, so its binary searches stay small.
  const visit = (node: TrieNode, parentLo: number, parentHi: number): void => {
    const [lo, hi] = prefixRange(m, node.prefix, parentLo, parentHi)
    const unused = (unusedBefore[hi] as number) - (unusedBefore[lo] as number)
    if (unused === 0) {
      if (hi - lo === 1) return emitAction(m[lo] as string)
      if (isSubPattern(node.prefix)) {
        out.push(`${node.display}*`)
        return
      }
    } else if (unused === hi - lo) return
    const { isAction, children } = expand(node, m, universe)
    if (isAction && !inR.has(node.prefix)) emitAction(node.prefix)
    for (const child of children) visit(child, lo, hi)
  }

  const top = expand({ prefix: root, display: root, members: m.map((_, i) => i) }, m, universe)
  if (top.isAction && !inR.has(root)) emitAction(root)
  for (const child of top.children) visit(child, 0, m.length)
  return out
}

interface TrieNode {
  /** The folded string from the start of the name to the end of this node's word. */
  readonly prefix: string
  /** The same in the catalog's casing. */
  readonly display: string
  /** Indices into M of the names whose path runs through this node, in M's order. */
  readonly members: readonly number[]
}

/**
 * A node's children, one per next CamelCase word of its names, in M's order, and whether the node
 * is itself an action. Words come from the catalog's casing; a name is the action of the node its
 * last word ends at.
 */
function expand(
  node: TrieNode,
  m: readonly string[],
  universe: Universe
): { isAction: boolean; children: TrieNode[] } {
  const depth = node.prefix.length
  let isAction = false
  const children = new Map<
    string,
    { prefix: string; display: string; members: number[]; displayEnds: boolean }
  >()
  for (const i of node.members) {
    const name = m[i] as string
    if (name.length === depth) {
      isAction = true
      continue
    }
    const display = universe.displayOf(name)
    const end = wordEndAfter(display, depth)
    const prefix = name.slice(0, end)
    const child = children.get(prefix)
    if (!child) {
      const displayEnds = end === name.length
      children.set(prefix, { prefix, display: display.slice(0, end), members: [i], displayEnds })
      continue
    }
    child.members.push(i)
    // A node's text comes from a name that goes on below it when there is one: the catalog has
    // both apigateway:GET and apigateway:GetPortal, and `apigateway:Get*` reads as the wildcard.
    if (child.displayEnds && end < name.length) {
      child.display = display.slice(0, end)
      child.displayEnds = false
    }
  }
  return { isAction, children: [...children.values()] }
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
