import { fold, patternContains, trailingStarPrefix, wordBoundaries } from './actions.js'
import { anyStartsWith, prefixRange, type Universe } from './universe.js'

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
  const trie = buildTrie(root, m, universe)
  const inR = new Set(r)
  const isSubPattern = subPatternTest(entry, root)
  const out: string[] = []
  const emitAction = (folded: string): void => {
    out.push(universe.displayOf(folded))
  }

  const visit = (node: TrieNode): void => {
    if (!anyStartsWith(r, node.prefix)) {
      const [lo, hi] = prefixRange(m, node.prefix)
      if (hi - lo === 1) return emitAction(m[lo] as string)
      if (isSubPattern(node.prefix)) {
        out.push(`${node.display}*`)
        return
      }
    }
    if (node.isAction && !inR.has(node.prefix)) emitAction(node.prefix)
    for (const child of node.children.values()) visit(child)
  }

  if (trie.isAction && !inR.has(root)) emitAction(root)
  for (const child of trie.children.values()) visit(child)
  return out
}

interface TrieNode {
  /** The folded string from the start of the name to the end of this node's word. */
  readonly prefix: string
  /** The same in the catalog's casing. */
  readonly display: string
  isAction: boolean
  readonly children: Map<string, TrieNode>
}

/** e's literal prefix, folded: the text before its first wildcard. */
export function rootPrefix(entry: string): string {
  const folded = fold(entry)
  const cut = folded.search(/[*?]/)
  return cut < 0 ? folded : folded.slice(0, cut)
}

function buildTrie(root: string, m: readonly string[], universe: Universe): TrieNode {
  const top: TrieNode = { prefix: root, display: root, isAction: false, children: new Map() }
  for (const name of m) {
    const display = universe.displayOf(name)
    if (name === root) top.isAction = true
    let node = top
    for (const end of wordBoundaries(display)) {
      if (end <= root.length) continue
      const prefix = name.slice(0, end)
      let child = node.children.get(prefix)
      if (!child) {
        child = { prefix, display: display.slice(0, end), isAction: false, children: new Map() }
        node.children.set(prefix, child)
      }
      node = child
    }
    node.isAction = true
  }
  return top
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
