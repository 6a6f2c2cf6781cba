import type { EntryChange, PolicyRefinement, StatementResult } from '../engine/model.js'

/** How many unused actions a reason lists before it says "and N more". */
const LISTED = 8

/** One line per change of a statement, for the terminal and for comments. */
export function describeChange(change: EntryChange): string {
  if (change.kind === 'removed') {
    if (change.unused.length === 0)
      return `removed ${change.entry}: the principal is not used at all`
    if (
      change.unused.length === 1 &&
      change.unused[0]?.toLowerCase() === change.entry.toLowerCase()
    ) {
      return `removed ${change.entry}: unused`
    }
    return `removed ${change.entry}: every action it allows is unused (${listNames(change.unused)})`
  }
  const by =
    change.by.length > 0
      ? change.by.join(', ')
      : 'nothing new (other entries already allow the rest)'
  return (
    `replaced ${change.entry} by ${by}: ${change.unused.length} of the ${change.matched} actions it allows ` +
    `are unused (${listNames(change.unused)}); no unused action starts with a new wildcard's prefix, ` +
    'and every used action is still allowed'
  )
}

export function listNames(names: readonly string[]): string {
  if (names.length <= LISTED) return names.join(', ')
  return `${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more`
}

export function statementLabel(s: StatementResult): string {
  return s.sid ? `Statement "${s.sid}"` : `Statement #${s.index + 1}`
}

/** The reasons for a whole refinement, one line each. */
export function describeRefinement(result: PolicyRefinement): string[] {
  const lines: string[] = []
  for (const s of result.statements) {
    for (const c of s.changes) lines.push(`${statementLabel(s)}: ${describeChange(c)}`)
    if (s.status === 'removed') lines.push(`${statementLabel(s)}: removed, no action is left`)
  }
  return lines
}
