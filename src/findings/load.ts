import { readJsonFile } from '../io/files.js'
import { parseFindings } from './parse.js'
import { combineFindings, type LoadedFindings } from './select.js'

/** Reads and merges findings files (any form of DESIGN §2). */
export async function loadFindingsFiles(paths: readonly string[]): Promise<LoadedFindings> {
  const parsed = []
  for (const path of paths)
    parsed.push(parseFindings(await readJsonFile(path, 'findings file'), path))
  return combineFindings(parsed)
}
