import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser'
import { ConfigurationError } from '../engine/errors.js'

/** Files larger than this are reported and skipped rather than read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024

/**
 * Parses strict JSON text, turning a syntax error into a message with the file, line and column.
 * `__proto__` keys stay plain data: JSON.parse never assigns prototypes.
 */
export function parseJsonText(text: string, file: string): unknown {
  if (text.includes('\u0000'))
    throw new ConfigurationError(`${file}: is binary (it holds NUL bytes), not JSON`)
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return JSON.parse(body)
  } catch {
    const errors: ParseError[] = []
    parseJsonc(body, errors, { disallowComments: true, allowTrailingComma: false })
    const first = errors[0]
    if (!first) throw new ConfigurationError(`${file}: is not valid JSON`)
    const { line, column } = lineAndColumn(body, first.offset)
    throw new ConfigurationError(
      `${file}:${line}:${column}: is not valid JSON (${describeParseError(printParseErrorCode(first.error))})`
    )
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
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

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}
