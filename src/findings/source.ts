import type { PrincipalRecommendation } from '../engine/recommendation.js'
import { readJsonFile } from '../io/files.js'
import { parseFindings, type FindingsOrigin, type ParsedFindings } from './parse.js'
import { combineFindings, type LoadedFindings } from './select.js'

/**
 * Where findings come from: files, a workflow artifact, Access Analyzer or IAM's last-accessed
 * data. Every source yields the same model, so the rest of a run does not care which it was.
 */
export interface FindingsSource {
  /** For messages: "findings files a.json, b.json", "Access Analyzer arn:...". */
  readonly description: string
  load(): Promise<ParsedFindings[]>
  /**
   * IAM Access Analyzer's recommendations for these principals, read on demand (after `load`).
   * Only a live source has this; files carry theirs in what `load` returns.
   */
  recommend?(principals: readonly string[]): Promise<PrincipalRecommendation[]>
}

/** Findings files in any form of DESIGN §2 (`--findings`, input `findings`). */
export function filesSource(paths: readonly string[]): FindingsSource {
  return {
    description: `findings files ${paths.join(', ')}`,
    async load() {
      const parsed: ParsedFindings[] = []
      for (const path of paths) {
        parsed.push(parseFindings(await readJsonFile(path, 'findings file'), path))
      }
      return parsed
    }
  }
}

/**
 * Findings that arrive as GetFindingV2-shaped JSON objects (exported from AWS or synthesized from
 * last-accessed data): they go through the same parser as a file, so there is one normalisation.
 */
export function parseFindingObjects(
  findings: readonly Record<string, unknown>[],
  label: string,
  origin: FindingsOrigin = {}
): ParsedFindings {
  return parseFindings([...findings], label, origin)
}

/** Loads every source, in order, and merges what they say per principal. */
export async function loadFindingsSources(
  sources: readonly FindingsSource[]
): Promise<LoadedFindings> {
  const parsed: ParsedFindings[] = []
  for (const source of sources) parsed.push(...(await source.load()))
  return combineFindings(parsed)
}
