import type { PolicyRefinement } from '../../engine/model.js'
import { findInTemplate, isTemplate } from '../cloudformation/find.js'
import type { RenderResult, ScannedFile } from '../format.js'
import { findDocuments } from '../json/find.js'
import type { FileScan, PolicyLocation, SourceNote } from '../model.js'
import type { TextEdit } from '../text-edit.js'
import { findContext } from './nodes.js'
import { renderEdits, verifyFileEdits } from './render.js'
import {
  ExpansionError,
  LineIndex,
  detectSyntax,
  parseSource,
  type MapNode,
  type SourceTree
} from './tree.js'

/**
 * JSON and YAML files: parsed once into the shared tree, then read by the finder their content
 * calls for — a CloudFormation or SAM template, else plain policy documents.
 */
export function scanDocument(text: string, file: string): ScannedFile {
  const { scan, tree } = scanText(text, file)
  return {
    scan,
    render: (location: PolicyLocation, refinement: PolicyRefinement): RenderResult =>
      renderEdits(text, location, refinement, findInTree, tree),
    verifyAll: (
      changes: readonly { location: PolicyLocation; document: unknown }[],
      edits: readonly TextEdit[]
    ) => verifyFileEdits(text, tree?.syntax ?? 'json', changes, edits, findInTree, tree)
  }
}

function scanText(text: string, file: string): { scan: FileScan; tree?: SourceTree } {
  const empty = { file, policies: [], notes: [] }
  if (text.includes('\u0000')) {
    return {
      scan: { ...empty, status: 'skipped', message: 'is binary (it holds NUL bytes); not read' }
    }
  }
  // Every policy has a Statement: a cheap test that spares parsing most files of a repository. A
  // key can also be spelled with escapes (`"Statem\u0065nt"`), so a file with a backslash is read.
  if (!text.includes('Statement') && !text.includes('\\')) {
    return { scan: { ...empty, status: 'none' } }
  }
  let syntax = detectSyntax(text)
  let parsed = parseSource(text, syntax)
  if (!parsed.ok && syntax === 'json') {
    // YAML in flow style also starts with `{`: read it as YAML before calling it malformed
    const yaml = parseSource(text, 'yaml')
    if (yaml.ok) [parsed, syntax] = [yaml, 'yaml']
  }
  if (!parsed.ok) {
    if (!looksLikePolicy(text)) return { scan: { ...empty, status: 'none' } }
    const { line, column } = new LineIndex(text).position(parsed.offset)
    const status = parsed.message.includes('nested more than') ? 'skipped' : 'malformed'
    return { scan: { ...empty, status, syntax, message: parsed.message, line, column } }
  }
  try {
    const found = findInTree(parsed.tree, file)
    if (found.policies.length === 0 && found.notes.length === 0 && !found.template) {
      return { scan: { ...empty, status: 'none', syntax } }
    }
    return { scan: { file, status: 'policies', syntax, ...found }, tree: parsed.tree }
  } catch (error) {
    if (error instanceof ExpansionError) {
      return { scan: { ...empty, status: 'skipped', syntax, message: error.message } }
    }
    throw error
  }
}

/** Whether a text that failed to parse was meant as a policy or a template, so it is reported. */
export function looksLikePolicy(text: string): boolean {
  const escaped = /\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}/.test(text)
  return (
    (/\bStatement\b/.test(text) || escaped) &&
    (/\bEffect\b/.test(text) ||
      /AWS::/.test(text) ||
      /AWSTemplateFormatVersion/.test(text) ||
      escaped)
  )
}

/** The policies of a parsed JSON or YAML file, by the finder its content calls for. */
export function findInTree(
  tree: SourceTree,
  file: string
): { policies: PolicyLocation[]; notes: SourceNote[]; template: boolean } {
  const ctx = findContext(tree, file)
  const template = isTemplate(tree.root)
  if (template) findInTemplate(ctx, tree.root as MapNode)
  else findDocuments(ctx, tree.root)
  return { policies: ctx.policies, notes: ctx.notes, template }
}
