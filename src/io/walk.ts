import { chmod, lstat, readdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import { ConfigurationError } from '../engine/errors.js'
import { mayHoldPolicies } from '../sources/candidates.js'
import { MAX_FILE_BYTES } from './json-text.js'

// The candidate files a walk finds are read with the synchronous calls (readCandidateText,
// sizeRefusal). A read through the thread pool costs the main thread more than the read itself:
// measured on the benchmark's 6,000 files, `fs/promises` took two to three times the CPU of the
// callback forms, and those, with `check`'s two worker threads refining, still spent about 1 s of
// the main thread's 6 s in `open`, `fstat`, `read` and `close` (plus the pool's threads, on the
// same two cores), against about 0.1 s for the same files read synchronously. The files are small
// (MAX_FILE_BYTES) and local (a checkout), so a read blocks for microseconds; nothing else waits
// on this thread meanwhile but the workers' messages, which queue.

/** Folders a walk never enters. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules'])

// A walk reads the files that may hold policies; files named explicitly are read whatever their
// extension.

export interface WalkedFile {
  /** The path to open, as given or joined to what was given (`/` separators). */
  readonly path: string
  /** The path relative to the repository root, `/` separators, for configuration globs. */
  readonly rel: string
  /** Named on the command line rather than found in a folder. */
  readonly explicit: boolean
}

/**
 * The files under `paths` (files or folders), in a stable order, skipping `.git`, `node_modules`,
 * symbolic links met inside folders, and what `ignore` rejects. A path that does not exist is a
 * usage error.
 */
export async function walkFiles(
  paths: readonly string[],
  root: string,
  ignore: (rel: string) => boolean
): Promise<WalkedFile[]> {
  const out: WalkedFile[] = []
  const seen = new Set<string>()
  const add = (path: string, explicit: boolean): void => {
    const rel = toPosix(relative(root, path)) || basename(path)
    if (seen.has(rel) || ignore(rel)) return
    seen.add(rel)
    out.push({ path: toPosix(path), rel, explicit })
  }
  for (const given of paths) {
    let info
    try {
      info = await stat(given)
    } catch {
      throw new ConfigurationError(`${given}: no such file or folder`)
    }
    if (info.isFile()) {
      add(given, true)
      continue
    }
    if (!info.isDirectory()) continue
    const stack = [given]
    while (stack.length > 0) {
      const dir = stack.pop() as string
      let entries
      try {
        entries = await readdir(dir, { withFileTypes: true })
      } catch (error) {
        throw new ConfigurationError(`${dir}: cannot list the folder (${describe(error)})`)
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      const dirs: string[] = []
      for (const e of entries) {
        const path = join(dir, e.name)
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(e.name) && !ignore(`${toPosix(relative(root, path))}/`)) {
            dirs.push(path)
          }
        } else if (e.isFile() && mayHoldPolicies(e.name)) add(path, false)
      }
      stack.push(...dirs.reverse())
    }
  }
  return out
}

export type ReadOutcome =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'too-large' | 'binary'; readonly message: string }

/**
 * A candidate file's text, or why it is not read: larger than the limit, or binary (NUL bytes or
 * text that is not UTF-8, which could not be written back byte for byte).
 */
export async function readCandidate(path: string): Promise<ReadOutcome> {
  return (await sizeRefusal(path)) ?? readCandidateText(path)
}

/**
 * `readCandidate` for a file whose size `sizeRefusal` already found within the limit: read
 * without asking for its size again (a file that grew since is still refused, once read).
 */
export async function readCandidateText(path: string): Promise<ReadOutcome> {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    throw new ConfigurationError(`${path}: cannot read the file (${describe(error)})`)
  }
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length)
  if (bytes.includes(0)) {
    return { ok: false, reason: 'binary', message: 'is binary (it holds NUL bytes); not read' }
  }
  try {
    // The byte-order mark is kept: the fix writes the text back, and every other byte must stay.
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    }
  } catch {
    return { ok: false, reason: 'binary', message: 'is not UTF-8 text; not read' }
  }
}

/** Why a candidate file is not read for its size alone (it is too large); undefined when fine. */
export async function sizeRefusal(
  path: string
): Promise<(ReadOutcome & { readonly ok: false }) | undefined> {
  let size: number
  try {
    size = statSync(path).size
  } catch (error) {
    throw new ConfigurationError(`${path}: cannot read the file (${describe(error)})`)
  }
  return size <= MAX_FILE_BYTES ? undefined : tooLarge(size)
}

function tooLarge(size: number): ReadOutcome & { readonly ok: false } {
  return {
    ok: false,
    reason: 'too-large',
    message: `is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit; not read`
  }
}

/**
 * `work` applied to every item, at most `inFlight` at a time, the results given in the items'
 * order as each is ready: the consumer works on one while the next ones are read. A failure is
 * raised when its turn comes, as if the items were read one after another.
 */
export async function* inOrder<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  inFlight: number
): AsyncGenerator<{ readonly item: T; readonly result: R }> {
  type Settled = { ok: true; value: R } | { ok: false; error: unknown }
  const started: Promise<Settled>[] = []
  const start = (item: T): Promise<Settled> =>
    work(item).then(
      value => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error })
    )
  let next = 0
  for (let i = 0; i < items.length; i++) {
    while (next < items.length && next - i < inFlight) started.push(start(items[next++] as T))
    const settled = await (started.shift() as Promise<Settled>)
    if (!settled.ok) throw settled.error
    yield { item: items[i] as T, result: settled.value }
  }
}

/**
 * Replaces a file's content atomically: a temporary file beside it, with the same mode, renamed
 * over it. A symbolic link named on the command line is followed, not replaced.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const target = await realpath(path)
  const mode = (await lstat(target)).mode & 0o7777
  const temp = join(dirname(target), `.${basename(target)}.iam-refine-${process.pid}-${Date.now()}`)
  try {
    await writeFile(temp, text, { mode, flag: 'wx' })
    await chmod(temp, mode)
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw new ConfigurationError(`${path}: cannot write the fix (${describe(error)})`)
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return code ?? String(error)
}
