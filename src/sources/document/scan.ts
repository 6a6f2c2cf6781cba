import type { PolicyRefinement } from '../../engine/model.js'
import { findInTemplate, isTemplate } from '../cloudformation/find.js'
import type { ProvenChange, RenderResult, ScannedFile } from '../format.js'
import { findDocuments } from '../json/find.js'
import type { FileScan, PolicyLocation, SourceNote, StatementInclude } from '../model.js'
import { findIncluded, findInServerless, isServerlessFile } from '../serverless/find.js'
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
export function scanDocument(text: string, file: string, options: ScanOptions = {}): ScannedFile {
  const { scan, tree } = scanText(text, file, options)
  const refind = (t: SourceTree, f: string): { policies: readonly PolicyLocation[] } =>
    findInTree(t, f, options)
  return {
    scan,
    render: (location: PolicyLocation, refinement: PolicyRefinement): RenderResult =>
      renderEdits(text, location, refinement, tree),
    prove: (changes: readonly ProvenChange[], edits: readonly TextEdit[]) =>
      verifyFileEdits(text, tree?.syntax ?? 'json', changes, edits, refind, tree)
  }
}

/** What a file's name and the other files say about it, beyond its text. */
export interface ScanOptions {
  /** The file's path relative to the repository root, for the includes it names. */
  readonly path?: string
  /** The includes of other files (Serverless `${file(...)}`) that name this file. */
  readonly included?: readonly StatementInclude[]
}

/**
 * Words without which a file holds nothing a finder reports: every policy has a `Statement`, a
 * Serverless service names `iamRoleStatements` or `statements`, a statement has an `Effect` (a
 * list of them a service includes stands alone), and a template may grant access by
 * SAM policy templates or managed policies alone. A cheap test that spares parsing most files;
 * a key can also be spelled with escapes (`"Statem\u0065nt"`), so a file with a backslash is read.
 */
const POLICY_WORDS = ['Statement', 'statements', 'Effect', 'AWS::Serverless', 'ManagedPolicyArns']
/**
 * What else can hide those words from a search of the text: a `!!binary` value (base64; written
 * under another handle, `!b!binary`, or verbatim, the word is still there) and a directive line,
 * which can rename the tags. Such a file is read, and its typed nodes make it reported.
 */
const MAY_HIDE_WORDS = /binary|^%/m

function scanText(
  text: string,
  file: string,
  options: ScanOptions
): { scan: FileScan; tree?: SourceTree } {
  const empty = { file, policies: [], notes: [] }
  if (text.includes('\u0000')) {
    return {
      scan: { ...empty, status: 'skipped', message: 'is binary (it holds NUL bytes); not read' }
    }
  }
  const included = (options.included ?? []).length > 0
  if (
    !included &&
    !POLICY_WORDS.some(w => text.includes(w)) &&
    !text.includes('\\') &&
    !MAY_HIDE_WORDS.test(text)
  ) {
    return { scan: { ...empty, status: 'none' } }
  }
  let syntax = detectSyntax(text)
  let parsed = parseSource(text, syntax)
  if (!parsed.ok && syntax === 'json') {
    // YAML in flow style also starts with `{`: read it as YAML before calling it malformed
    const yaml = parseSource(text, 'yaml')
    if (yaml.ok || yaml.wellFormed) [parsed, syntax] = [yaml, 'yaml']
  }
  if (!parsed.ok) {
    if (!included && !parsed.wellFormed && !looksLikePolicy(text) && !isServerlessFile(file)) {
      return { scan: { ...empty, status: 'none' } }
    }
    const { line, column } = new LineIndex(text).position(parsed.offset)
    const status = parsed.message.includes('nested more than') ? 'skipped' : 'malformed'
    return { scan: { ...empty, status, syntax, message: parsed.message, line, column } }
  }
  try {
    const found = findInTree(parsed.tree, file, options)
    if (found.policies.length === 0 && found.notes.length === 0 && !found.template) {
      return { scan: { ...empty, status: 'none', syntax } }
    }
    const { includes, ...rest } = found
    return {
      scan: {
        file,
        status: 'policies',
        syntax,
        ...rest,
        ...(includes.length > 0 ? { includes } : {})
      },
      tree: parsed.tree
    }
  } catch (error) {
    if (error instanceof ExpansionError) {
      return { scan: { ...empty, status: 'skipped', syntax, message: error.message } }
    }
    throw error
  }
}

/** Whether a text that failed to parse was meant as a policy or a template, so it is reported. */
export function looksLikePolicy(text: string): boolean {
  // JSON's and YAML's escapes that can spell a letter of a key, and YAML's escaped line break,
  // which joins the two halves of a word in a double-quoted string
  const escaped = /\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\U[0-9a-fA-F]{8}|\\\r?\n/.test(text)
  // a template may grant access by managed policies or SAM's policy templates alone
  return (
    (/\bStatement\b|ManagedPolicyArns|AWS::Serverless/.test(text) || escaped) &&
    (/\bEffect\b/.test(text) ||
      /AWS::/.test(text) ||
      /AWSTemplateFormatVersion/.test(text) ||
      escaped)
  )
}

/**
 * The policies of a parsed JSON or YAML file, by the finder its name and content call for: the
 * statements other files include from it, a Serverless service file, a CloudFormation or SAM
 * template, else plain policy documents.
 */
export function findInTree(
  tree: SourceTree,
  file: string,
  options: ScanOptions = {}
): {
  policies: PolicyLocation[]
  notes: SourceNote[]
  template: boolean
  includes: StatementInclude[]
} {
  const ctx = findContext(tree, file)
  const included = options.included ?? []
  let includes: StatementInclude[] = []
  let template = false
  if (included.length > 0) {
    for (const include of included) findIncluded(ctx, tree.root, include)
  } else if (isServerlessFile(file) && tree.root.kind === 'map') {
    includes = findInServerless(ctx, tree.root, options.path ?? file)
    template = true
  } else {
    template = isTemplate(tree.root)
    if (template) findInTemplate(ctx, tree.root as MapNode)
    else findDocuments(ctx, tree.root)
  }
  return { policies: ctx.policies, notes: ctx.notes, template, includes }
}
