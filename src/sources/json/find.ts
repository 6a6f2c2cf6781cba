import { QUOTAS } from '../../engine/refine.js'
import { addPolicy, MAX_NESTING, pair, type FindContext, type Path } from '../document/nodes.js'
import type { MapNode, SourceNode } from '../document/tree.js'

/**
 * Plain policy documents in JSON or YAML: the whole file, or documents nested anywhere in it (a
 * bundle of policies keyed by name, a list of them).
 */
export function findDocuments(
  ctx: FindContext,
  node: SourceNode,
  path: Path = [],
  depth = 0
): void {
  if (depth > MAX_NESTING) return
  if (node.kind === 'map') {
    if (looksLikeDocument(node, path.length === 0)) {
      addPolicy(ctx, node, path, 'json-policy', { quota: QUOTAS.managed, attachments: [] })
      return
    }
    for (const p of node.pairs) findDocuments(ctx, p.value, [...path, p.key], depth + 1)
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => findDocuments(ctx, item, [...path, i], depth + 1))
  }
}

/** `{"Statement": ...}` with a Version, or whose statements have an Effect. */
function looksLikeDocument(node: MapNode, isRoot: boolean): boolean {
  const statement = pair(node, 'Statement')
  if (!statement || (statement.kind !== 'seq' && statement.kind !== 'map')) return false
  if (pair(node, 'Version') || isRoot) return true
  const items = statement.kind === 'seq' ? statement.items : [statement]
  return items.some(s => s.kind === 'map' && pair(s, 'Effect') !== undefined)
}
