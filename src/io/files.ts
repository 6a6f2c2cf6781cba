import { readFile, stat } from 'node:fs/promises'
import { ConfigurationError } from '../engine/errors.js'
import { MAX_FILE_BYTES, parseJsonText } from './json-text.js'

/** Reads a UTF-8 text file, with a clear message for a missing, oversized or unreadable one. */
export async function readTextFile(path: string, what: string): Promise<string> {
  let size: number
  try {
    const info = await stat(path)
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
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigurationError(`${path}: cannot read the ${what} (${describeFsError(error)})`)
  }
}

export async function readJsonFile(path: string, what: string): Promise<unknown> {
  return parseJsonText(await readTextFile(path, what), path)
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES') return 'permission denied'
  if (code === 'EISDIR') return 'it is a folder'
  return code ?? String(error)
}
