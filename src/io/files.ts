import { ConfigurationError } from '../engine/errors.js'
import { jsonSyntaxError, MAX_FILE_BYTES, parseJsonText } from './json-text.js'
import { nodeRequire } from './node-require.js'

// The synchronous calls, taken with require. `refine` reads three small files and nothing else
// runs meanwhile, so the thread pool's round trips buy nothing. And an ES import of node:fs or
// node:fs/promises builds a facade that reads every export: its `promises` getter loads
// fs/promises, which loads readline, the REPL's history, os and the watchers (ten internal modules
// and four bindings that `refine` never uses). Measured with the same-run benchmark on Node 24,
// 40 runs: `refine` of the worked example 63 -> 57 ms at the minimum, with bare node at 29 ms.
const { readFileSync, statSync } = nodeRequire('node:fs') as typeof import('node:fs')

/** Reads a UTF-8 text file, with a clear message for a missing, oversized or unreadable one. */
export async function readTextFile(path: string, what: string): Promise<string> {
  let size: number
  try {
    const info = statSync(path)
    if (!info.isFile()) throw new ConfigurationError(`${path}: the ${what} is not a file`)
    size = info.size
  } catch (error) {
    if (error instanceof ConfigurationError) throw error
    throw new ConfigurationError(`${path}: cannot read the ${what} (${describeFsError(error)})`)
  }
  if (size > MAX_FILE_BYTES) {
    throw new ConfigurationError(
      `${path}: the ${what} is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`
    )
  }
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigurationError(`${path}: cannot read the ${what} (${describeFsError(error)})`)
  }
}

/**
 * Reads and parses a strict JSON file. The parser that locates a syntax error is imported only
 * when there is one: valid files, which are nearly all, never load it (src/io/json-syntax.ts).
 */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  const parsed = parseJsonText(await readTextFile(path, what), path)
  if ('value' in parsed) return parsed.value
  throw jsonSyntaxError(
    path,
    (await import('./json-syntax.js')).firstJsonSyntaxError(parsed.refused)
  )
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES') return 'permission denied'
  if (code === 'EISDIR') return 'it is a folder'
  return code ?? String(error)
}
