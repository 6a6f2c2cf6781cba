import { readdir } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { compileGlobs, isGlob } from '../sources/glob.js'

/**
 * The files that paths or globs name, relative to `root` unless absolute. A plain path is kept as
 * it is (a missing one fails later with its own message); a glob is matched against the files
 * under `root`, skipping `.git` and `node_modules`. `key` names the globs' origin in the message
 * a bad glob gets (`Input findings`).
 */
export async function expandGlobs(
  patterns: readonly string[],
  root: string,
  key: string
): Promise<string[]> {
  const out: string[] = []
  const globs: string[] = []
  for (const p of patterns) {
    if (isGlob(p)) globs.push(p)
    else out.push(isAbsolute(p) ? p : join(root, p))
  }
  if (globs.length > 0) {
    const match = compileGlobs(globs, key)
    const entries = await readdir(root, { recursive: true, withFileTypes: true })
    const found: string[] = []
    for (const entry of entries) {
      if (!entry.isFile()) continue
      const full = join(entry.parentPath ?? entry.path, entry.name)
      const rel = relative(root, full).split(sep).join('/')
      if (rel.startsWith('.git/') || rel.includes('node_modules/')) continue
      if (match(rel)) found.push(full)
    }
    out.push(...found.sort())
  }
  return [...new Set(out)]
}
