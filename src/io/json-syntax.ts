/**
 * Where strict JSON text first goes wrong, found with jsonc-parser: loaded only once JSON.parse
 * has refused a text. It imports nothing else, so that `refine`, bundled on its own
 * (docs/adr/0022-bundle-layout.md), can leave it in a chunk that valid input never loads.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser'

/** The first syntax error of `body`: 1-based line and column, and what is wrong. */
export interface JsonSyntaxProblem {
  readonly line: number
  readonly column: number
  readonly reason: string
}

/** The first syntax error of text JSON.parse refused, or undefined if jsonc-parser finds none. */
export function firstJsonSyntaxError(body: string): JsonSyntaxProblem | undefined {
  const errors: ParseError[] = []
  parseJsonc(body, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]
  if (!first) return undefined
  return {
    ...lineAndColumn(body, first.offset),
    reason: printParseErrorCode(first.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
  }
}

/** 1-based line and column of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}
