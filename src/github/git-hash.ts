/**
 * Git's object ids, computed here so that a sweep knows the tree it would commit before it writes
 * anything: when that tree is the one the pull request's branch already holds, a re-run writes
 * nothing. Pure: hashing is computation, not I/O.
 */
import { createHash } from 'node:crypto'

/** The hash of a repository's objects: SHA-1 ids have 40 hex digits, SHA-256 ids 64. */
export type GitHashAlgorithm = 'sha1' | 'sha256'

/** The algorithm whose ids are `id`'s length, or undefined for an id that is neither. */
export function algorithmOf(id: string): GitHashAlgorithm | undefined {
  if (/^[0-9a-f]{40}$/i.test(id)) return 'sha1'
  if (/^[0-9a-f]{64}$/i.test(id)) return 'sha256'
  return undefined
}

/** Git's id of a blob: the hash of `blob <size>\0` and the bytes. */
export function blobId(bytes: Uint8Array, algorithm: GitHashAlgorithm = 'sha1'): string {
  return createHash(algorithm).update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex')
}

/** The blob id of a text as a file holds it (UTF-8, every character kept). */
export function textBlobId(text: string, algorithm: GitHashAlgorithm = 'sha1'): string {
  return blobId(Buffer.from(text, 'utf8'), algorithm)
}

/** One entry of a tree, as the Git Data API lists it (`mode` with its leading zero for trees). */
export interface TreeEntry {
  /** The entry's name in its folder (no `/`). */
  readonly path: string
  /** `100644`, `100755`, `040000`, `120000` or `160000`. */
  readonly mode: string
  readonly type: 'blob' | 'tree' | 'commit'
  readonly sha: string
}

/**
 * Git's id of a tree: entries sorted as Git sorts them (by name bytes, a folder compared as if its
 * name ended in `/`), each written as `<mode> <name>\0<raw id>` with the folder mode `40000`.
 */
export function treeId(
  entries: readonly TreeEntry[],
  algorithm: GitHashAlgorithm = 'sha1'
): string {
  const sorted = [...entries].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)))
  const parts: Buffer[] = []
  for (const e of sorted) {
    const mode = e.mode.replace(/^0+/, '')
    parts.push(Buffer.from(`${mode} ${e.path}\0`, 'utf8'), Buffer.from(e.sha, 'hex'))
  }
  const body = Buffer.concat(parts)
  return createHash(algorithm).update(`tree ${body.byteLength}\0`).update(body).digest('hex')
}

function sortKey(e: TreeEntry): Buffer {
  return Buffer.from(e.type === 'tree' ? `${e.path}/` : e.path, 'utf8')
}

/** Reads one folder's entries by its tree id (GET /git/trees/{sha}, not recursive). */
export type TreeReader = (sha: string) => Promise<readonly TreeEntry[]>

/** A file the sweep changes: its path in the repository and the id of its new blob. */
export interface ChangedBlob {
  readonly path: string
  readonly sha: string
}

/** What the base tree holds at a changed path: the blob the change replaces. */
export interface BaseBlob {
  readonly path: string
  /** Absent when the base has no regular file there (missing, a folder, a link, a submodule). */
  readonly entry?: TreeEntry
}

/**
 * The tree that `base` becomes when each changed path gets its new blob (same mode), computed the
 * way Git computes it, reading only the folders on the changed paths. Also returns what the base
 * held at each path, so the caller can check that the change was made from those very bytes.
 * Only existing regular files are replaced: a path the base does not hold as one is reported in
 * `base` without an entry and left out of the new tree.
 */
export async function replaceBlobs(
  baseTree: string,
  changes: readonly ChangedBlob[],
  readTree: TreeReader
): Promise<{ readonly tree: string; readonly base: readonly BaseBlob[] }> {
  const algorithm = algorithmOf(baseTree) ?? 'sha1'
  const cache = new Map<string, Promise<readonly TreeEntry[]>>()
  const read = (sha: string): Promise<readonly TreeEntry[]> => {
    let hit = cache.get(sha)
    if (!hit) {
      hit = readTree(sha)
      cache.set(sha, hit)
    }
    return hit
  }
  const base: BaseBlob[] = []
  /** New blob ids by folder path ('' = root) and name. */
  const byFolder = new Map<string, Map<string, string>>()
  for (const change of changes) {
    const entry = await entryAt(baseTree, change.path, read)
    const regular =
      entry && entry.type === 'blob' && (entry.mode === '100644' || entry.mode === '100755')
    base.push(regular ? { path: change.path, entry } : { path: change.path })
    if (!regular) continue
    const cut = change.path.lastIndexOf('/')
    const folder = cut < 0 ? '' : change.path.slice(0, cut)
    const name = change.path.slice(cut + 1)
    let names = byFolder.get(folder)
    if (!names) byFolder.set(folder, (names = new Map()))
    names.set(name, change.sha)
  }
  const rebuild = async (sha: string, folder: string): Promise<string> => {
    const entries = await read(sha)
    const prefix = folder === '' ? '' : `${folder}/`
    const blobs = byFolder.get(folder)
    const next = await Promise.all(
      entries.map(async e => {
        if (e.type === 'blob' && blobs?.has(e.path)) return { ...e, sha: blobs.get(e.path)! }
        if (e.type === 'tree' && touches(`${prefix}${e.path}`)) {
          return { ...e, sha: await rebuild(e.sha, `${prefix}${e.path}`) }
        }
        return e
      })
    )
    return treeId(next, algorithm)
  }
  const touches = (folder: string): boolean =>
    [...byFolder.keys()].some(f => f === folder || f.startsWith(`${folder}/`))
  return { tree: byFolder.size === 0 ? baseTree : await rebuild(baseTree, ''), base }
}

/** The entry at `path` under the tree `root`, reading one folder per path segment. */
async function entryAt(
  root: string,
  path: string,
  read: TreeReader
): Promise<TreeEntry | undefined> {
  const segments = path.split('/')
  let tree = root
  for (let i = 0; i < segments.length; i++) {
    const entry = (await read(tree)).find(e => e.path === segments[i])
    if (!entry) return undefined
    if (i === segments.length - 1) return entry
    if (entry.type !== 'tree') return undefined
    tree = entry.sha
  }
  return undefined
}
