import { QUOTAS } from '../../engine/refine.js'
import {
  addPolicy,
  literal,
  MAX_NESTING,
  note,
  pair,
  type FindContext,
  type Path
} from '../document/nodes.js'
import type { MapNode, SourceNode } from '../document/tree.js'

/**
 * Plain policy documents in JSON or YAML: the whole file, or documents nested anywhere in it (a
 * bundle of policies keyed by name, a list of them). Statements outside any document (a list a
 * Serverless service includes with `${file(...)}`, read alone) may grant access that nothing here
 * can attribute: the first is noted as unchecked, so that a change to them cannot pass unseen.
 */
export function findDocuments(ctx: FindContext, node: SourceNode): void {
  const loose = { noted: false }
  walk(ctx, node, [], 0, loose)
}

function walk(
  ctx: FindContext,
  node: SourceNode,
  path: Path,
  depth: number,
  loose: { noted: boolean }
): void {
  if (depth > MAX_NESTING) return
  if (node.kind === 'map') {
    if (looksLikeDocument(node, path.length === 0)) {
      addPolicy(ctx, node, path, 'json-policy', { quota: QUOTAS.managed, attachments: [] })
      return
    }
    if (!loose.noted && looksLikeStatement(node)) {
      loose.noted = true
      note(
        ctx,
        node,
        path,
        'holds IAM statements outside any policy document (statements a serverless.yml includes?): not checked alone; check them with the file that includes them',
        true
      )
      return
    }
    for (const p of node.pairs) walk(ctx, p.value, [...path, p.key], depth + 1, loose)
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => walk(ctx, item, [...path, i], depth + 1, loose))
  }
}

/** An identity-policy statement: an Effect of Allow or Deny and an Action, no Principal. */
function looksLikeStatement(node: MapNode): boolean {
  const effect = literal(pair(node, 'Effect'))
  return (
    (effect === 'Allow' || effect === 'Deny') &&
    (pair(node, 'Action') !== undefined || pair(node, 'NotAction') !== undefined) &&
    pair(node, 'Principal') === undefined &&
    pair(node, 'NotPrincipal') === undefined
  )
}

/** `{"Statement": ...}` with a Version, or whose statements have an Effect. */
function looksLikeDocument(node: MapNode, isRoot: boolean): boolean {
  const statement = pair(node, 'Statement')
  if (!statement || (statement.kind !== 'seq' && statement.kind !== 'map')) return false
  if (pair(node, 'Version') || isRoot) return true
  const items = statement.kind === 'seq' ? statement.items : [statement]
  return items.some(s => s.kind === 'map' && pair(s, 'Effect') !== undefined)
}
