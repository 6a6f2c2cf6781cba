import type { EntryChange, PolicyRefinement, StatementResult } from '../engine/model.js'
import type { RenderResult } from './format.js'
import type { PolicyLocation } from './model.js'

/** Why an edit is refused; the renderers catch it and report the policy without a fix. */
export class EditRefusal extends Error {}

/** A policy left without a fix, and why. */
export interface Refused {
  readonly refused: string
}

/**
 * What every renderer answers before it builds an edit: nothing to edit when the refinement
 * changes nothing, a refusal when no statement would be left or the finder marked the policy as
 * not editable; undefined when the renderer should go on.
 */
export function answerBeforeEditing(
  location: PolicyLocation,
  refinement: PolicyRefinement
): RenderResult | undefined {
  if (!refinement.changed) return { edits: [] }
  if (refinement.unusedPolicy) {
    return {
      refused: 'no statement is left: detach or delete the policy rather than keep an empty one'
    }
  }
  if (location.notEditable.length > 0) return { refused: location.notEditable.join('; ') }
  return undefined
}

/**
 * `work`'s result, or the refusal it raised as an `EditRefusal`, worded as every renderer and
 * proof words it. Any other error is a bug and goes on up.
 */
export function editSafely<T>(work: () => T): T | Refused {
  try {
    return work()
  } catch (error) {
    if (error instanceof EditRefusal) return { refused: `cannot edit safely: ${error.message}` }
    throw error
  }
}

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
