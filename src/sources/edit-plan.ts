import type { EntryChange, StatementResult } from '../engine/model.js'

/** Why an edit is refused; the renderers catch it and report the policy without a fix. */
export class EditRefusal extends Error {}

/** What becomes of one original entry of a list, in every format's renderer. */
export type Op = { kind: 'keep' } | { kind: 'delete' } | { kind: 'replace'; by: readonly string[] }
export const KEEP: Op = { kind: 'keep' }

/**
 * What becomes of each original entry. An entry's fate depends on its text alone, so a change is
 * found by the entry it names; new entries already placed by an earlier replacement are not
 * repeated (as the engine does). The plan must give exactly the engine's `after`.
 */
export function planEntries(result: StatementResult): Op[] {
  const byEntry = new Map<string, EntryChange>()
  for (const c of result.changes) byEntry.set(c.entry, c)
  const placed = new Set<string>()
  const planned: string[] = []
  const ops = result.before.map((entry): Op => {
    const change = byEntry.get(entry)
    if (!change) {
      planned.push(entry)
      return KEEP
    }
    if (change.kind === 'removed') return { kind: 'delete' }
    const by = change.by.filter(e => {
      const f = e.toLowerCase()
      if (placed.has(f)) return false
      placed.add(f)
      return true
    })
    planned.push(...by)
    return by.length === 0 ? { kind: 'delete' } : { kind: 'replace', by }
  })
  if (planned.length !== result.after.length || planned.some((e, i) => e !== result.after[i])) {
    throw new EditRefusal('the refined entries do not follow from the changes')
  }
  return ops
}
