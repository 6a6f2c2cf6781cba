import type { PolicyRefinement } from '../engine/model.js'
import { scanDocument } from './document/scan.js'
import type { FileScan, PolicyLocation } from './model.js'
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
   * The smallest edits that turn `location` into `refinement.document`, already proven: applied
   * and re-parsed, the file holds exactly the refinement and nothing else changed. Otherwise the
   * reason they are refused.
   */
  render(location: PolicyLocation, refinement: PolicyRefinement): RenderResult
  /** Proves the edits of several policies applied together; the reason when they fail. */
  verifyAll(
    changes: readonly { location: PolicyLocation; document: unknown }[],
    edits: readonly TextEdit[]
  ): string | undefined
}

/**
 * What a format may need beyond the file's own text, gathered by the edge: for Terraform, the
 * parser and the other files of the repository (a module is a folder, and local modules call one
 * another). The shared steps pass it through without looking inside.
 */
export interface FormatContext {
  /** The file relative to the repository root (`/` separators); default the file as given. */
  readonly path?: string
  readonly terraform?: TerraformContext
}

/** Finds the policies of one file's text, whatever its format (detected by name and content). */
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
      return { scan, render: () => ({ refused: 'not read' }), verifyAll: () => 'not read' }
    }
    return scanTerraform(text, file, context.path ?? file, context.terraform)
  }
  const scanned = scanDocument(text, file)
  return context.terraform
    ? readByTerraform(scanned, context.path ?? file, context.terraform)
    : scanned
}

/** The policies of a file, without the means to edit them (for tests and reports). */
export function findPolicies(text: string, file: string, context: FormatContext = {}): FileScan {
  return scanFile(text, file, context).scan
}
