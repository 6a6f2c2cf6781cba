import type { PolicyRefinement } from '../engine/model.js'
import { mayHoldPolicies } from './candidates.js'
import { scanDocument, type ScanOptions } from './document/scan.js'
import type { FileScan, PolicyLocation, StatementInclude } from './model.js'
import { isServerlessFile } from './serverless/find.js'
import { isTerraformPath, type TerraformContext } from './terraform/module.js'
import { readByTerraform, scanTerraform } from './terraform/scan.js'
import type { TextEdit } from './text-edit.js'

/** A text edit and the statement (index in the original `Statement` list) it belongs to. */
export interface RenderedEdit extends TextEdit {
  readonly statement: number
}

export type RenderResult =
  { readonly edits: readonly RenderedEdit[] } | { readonly refused: string }

/**
 * One file as a format read it: the policies it found, and how to edit them. Every format is a
 * room of src/sources with the same shape — a finder over its own tree, a renderer of edits in
 * the file's style, and a proof that re-parses the edited text — so that the shared steps
 * (principal mapping, the engine, the report) never look inside a format.
 */
export interface ScannedFile {
  readonly scan: FileScan
  /**
   * The smallest edits that turn `location` into `refinement.document`, each inside the policy's
   * lines, or the reason there are none. Not yet proven: `prove` re-parses the file once for the
   * edits of all its policies (`proveFileEdits` in src/sources/scan.ts).
   */
  render(location: PolicyLocation, refinement: PolicyRefinement): RenderResult
  /**
   * The proof of edits of one or several policies applied together: the edited file parses, each
   * policy reads back as exactly its refined document, and everything else reads back as it was.
   * The reason when they fail.
   */
  prove(changes: readonly ProvenChange[], edits: readonly TextEdit[]): string | undefined
}

/** One policy's change for the proof: its refined document, and the statements it removes. */
export interface ProvenChange {
  readonly location: PolicyLocation
  readonly document: unknown
  /** Indexes (in its `Statement` list) of the statements the refinement removes. */
  readonly removed?: readonly number[]
}

/**
 * What a format may need beyond the file's own text, gathered by the edge: its path in the
 * repository, the Serverless includes that name it, and for Terraform the parser and the other
 * files of the repository (a module is a folder, and local modules call one another). The shared
 * steps pass it through without looking inside.
 */
export interface FormatContext extends ScanOptions {
  readonly terraform?: TerraformContext
}

/** What a file of no format iam-refine reads is said to be. */
export const NOT_A_FORMAT =
  'is not in a format iam-refine reads (JSON policies, CloudFormation and SAM templates in JSON or YAML, serverless.yml, Terraform)'

/**
 * Finds the policies of one file's text, whatever its format (detected by name and content). A
 * file that fails to parse and whose name is not one of a format iam-refine reads (a `.ts` file
 * named on the command line) is said to be of no format read, not malformed.
 */
export function scanFile(text: string, file: string, context: FormatContext = {}): ScannedFile {
  if (isTerraformPath(file)) {
    if (!context.terraform) {
      const scan: FileScan = {
        file,
        status: 'skipped',
        message: 'is a Terraform file, and the Terraform parser was not loaded',
        policies: [],
        notes: []
      }
      return { scan, render: () => ({ refused: 'not read' }), prove: () => 'not read' }
    }
    return scanTerraform(text, file, context.path ?? file, context.terraform)
  }
  const scanned = scanDocument(text, file, context)
  if (scanned.scan.status === 'malformed' && !mayHoldPolicies(file)) {
    return {
      ...scanned,
      scan: { file, status: 'skipped', message: NOT_A_FORMAT, policies: [], notes: [] }
    }
  }
  return context.terraform
    ? readByTerraform(scanned, context.path ?? file, context.terraform)
    : scanned
}

/** The policies of a file, without the means to edit them (for tests and reports). */
export function findPolicies(text: string, file: string, context: FormatContext = {}): FileScan {
  return scanFile(text, file, context).scan
}

/**
 * The Serverless `${file(...)}` includes that a set of files' service files make, by the included
 * file's repository path: what the edge passes each included file it refines
 * (`FileInput.included`). Files are `{path, text}` with repository-relative paths.
 */
export function collectIncludes(
  files: readonly { readonly path: string; readonly text: string }[]
): Map<string, StatementInclude[]> {
  const byFile = new Map<string, StatementInclude[]>()
  for (const { path, text } of files) {
    if (!isServerlessFile(path)) continue
    for (const include of findPolicies(text, path, { path }).includes ?? []) {
      const list = byFile.get(include.file) ?? []
      list.push(include)
      byFile.set(include.file, list)
    }
  }
  return byFile
}
