import { ConfigurationError } from '../engine/errors.js'
import type { JsonSyntaxProblem } from './json-syntax.js'

/** Files larger than this are reported and skipped rather than read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024

/**
 * Strict JSON text parsed, or the text JSON.parse refused (without its byte order mark), for the
 * caller to locate the error with src/io/json-syntax.ts and report it with `jsonSyntaxError`. The
 * locating parser is a module of its own so that a caller may import it only when it is needed.
 * A text with NUL bytes is refused as binary. `__proto__` keys stay plain data: JSON.parse never
 * assigns prototypes.
 */
export function parseJsonText(
  text: string,
  file: string
): { readonly value: unknown } | { readonly refused: string } {
  if (text.includes('\u0000'))
    throw new ConfigurationError(`${file}: is binary (it holds NUL bytes), not JSON`)
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return { value: JSON.parse(body) as unknown }
  } catch {
    return { refused: body }
  }
}

/** The message for text JSON.parse refused, at the first error jsonc-parser found in it. */
export function jsonSyntaxError(
  file: string,
  problem: JsonSyntaxProblem | undefined
): ConfigurationError {
  if (!problem) return new ConfigurationError(`${file}: is not valid JSON`)
  return new ConfigurationError(
    `${file}:${problem.line}:${problem.column}: is not valid JSON (${problem.reason})`
  )
}
