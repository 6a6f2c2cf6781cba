import { constants } from 'node:fs'
import { lstat, open, realpath } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { ConfigurationError } from '../engine/errors.js'
import { EMPTY_CONFIG, parseConfig, type IamRefineConfig } from '../sources/config.js'

/**
 * The largest configuration file read. A configuration maps files to principals with globs and
 * ARNs: a thousand entries fit in well under 256 KiB; what is larger is not a configuration
 * (`/dev/zero` behind a symbolic link was once read for ~600 MiB).
 */
export const MAX_CONFIG_BYTES = 256 * 1024

export interface ConfigFileRequest {
  /** The path as the user gave it; relative to `root`. */
  readonly file: string
  /** The folder a relative `file` is under (the workspace, or the current folder). */
  readonly root: string
  /**
   * When set, the file's real path (every symbolic link resolved) must lie inside this folder's
   * real path: the workspace, for the action; the repository, for a configuration the command
   * line finds by itself.
   */
  readonly within?: string
  /** A missing file is the empty configuration (the default path); otherwise it is an error. */
  readonly optional: boolean
  /** How messages name the file: `Input config: .github/iam-refine.yml`. */
  readonly label: string
}

/**
 * Reads and parses the configuration, refusing what is not a regular UTF-8 file of at most
 * MAX_CONFIG_BYTES inside `within`. A configuration that exists but cannot be read is an error
 * with a sentence, never the empty configuration; only a missing optional file is.
 *
 * The checked real path is opened without following a link (so a link swapped in after the check
 * is refused) and without blocking (so a FIFO cannot hang the run); type and size are checked on
 * the open file, and at most one byte over the limit is read.
 */
export async function readConfigFile(request: ConfigFileRequest): Promise<IamRefineConfig> {
  const { label } = request
  const fail = (why: string): never => {
    throw new ConfigurationError(`${label}: ${why}`)
  }
  const path = isAbsolute(request.file) ? request.file : join(request.root, request.file)
  let real: string
  try {
    real = await realpath(path)
  } catch (error) {
    if (code(error) !== 'ENOENT') return fail(`cannot be read (${describe(error)})`)
    if (await isLink(path)) return fail('is a symbolic link to nothing')
    if (request.optional) return EMPTY_CONFIG
    return fail('no such file')
  }
  if (request.within !== undefined) {
    const inside = await realpath(request.within)
    const rel = relative(inside, real)
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      fail('resolves to a file outside the workspace; the configuration must be a file in it')
    }
  }
  let text: string
  let handle
  try {
    handle = await open(
      real,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
    )
  } catch (error) {
    return fail(`cannot be read (${describe(error)})`)
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) fail(`is ${kindOf(info)}, not a regular file`)
    if (info.size > MAX_CONFIG_BYTES) {
      fail(`is ${info.size} bytes, over the ${MAX_CONFIG_BYTES}-byte limit for a configuration`)
    }
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1)
    let size = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, size, buffer.length - size, size)
      if (bytesRead === 0) break
      size += bytesRead
      if (size > MAX_CONFIG_BYTES) {
        fail(`grew over the ${MAX_CONFIG_BYTES}-byte limit for a configuration while being read`)
      }
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, size))
    } catch {
      return fail('is not UTF-8 text')
    }
  } catch (error) {
    if (error instanceof ConfigurationError) throw error
    return fail(`cannot be read (${describe(error)})`)
  } finally {
    await handle.close()
  }
  return parseConfig(text, request.file)
}

async function isLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink()
  } catch {
    return false
  }
}

function kindOf(info: {
  isDirectory(): boolean
  isFIFO(): boolean
  isCharacterDevice(): boolean
  isBlockDevice(): boolean
  isSocket(): boolean
}): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a named pipe (FIFO)'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  if (info.isSocket()) return 'a socket'
  return 'not a file'
}

function code(error: unknown): string | undefined {
  return (error as { code?: string }).code
}

function describe(error: unknown): string {
  const c = code(error)
  if (c === 'EACCES' || c === 'EPERM') return 'permission denied'
  if (c === 'ELOOP') return 'a loop of symbolic links'
  if (c === 'ENOTDIR') return 'a folder on its path is a file'
  return c ?? String(error)
}
