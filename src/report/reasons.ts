import type { EntryChange, PolicyRefinement, StatementResult } from '../engine/model.js'

/** How many unused actions a reason lists before it says "and N more". */
const LISTED = 8

/** How many new entries a reason lists; the JSON report keeps them all. */
const LISTED_REPLACEMENTS = 16

/** How a name (an entry, an action) is written: as it is, or as Markdown code in a comment. */
export type NameFormat = (name: string) => string

const plain: NameFormat = name => name

/**
 * One line per change of a statement, for the terminal and for comments. Every name in it comes
 * from a policy or a finding, so `name` writes it (comments pass `code`); the rest is our text.
 */
export function describeChange(change: EntryChange, name: NameFormat = plain): string {
  const entry = name(change.entry)
  if (change.kind === 'removed') {
    if (change.unused.length === 0) return `removed ${entry}: the principal is not used at all`
    if (
      change.unused.length === 1 &&
      change.unused[0]?.toLowerCase() === change.entry.toLowerCase()
    ) {
      return `removed ${entry}: unused`
    }
    return `removed ${entry}: every action it allows is unused (${listNames(change.unused, name)})`
  }
  const by =
    change.by.length > 0
      ? listNames(change.by, name, LISTED_REPLACEMENTS)
      : 'nothing new (other entries already allow the rest)'
  return (
    `replaced ${entry} by ${by}: ${change.unused.length} of the ${change.matched} actions it allows ` +
    `are unused (${listNames(change.unused, name)}); no unused action starts with a new wildcard's prefix, ` +
    'and every used action is still allowed'
  )
}

export function listNames(
  names: readonly string[],
  name: NameFormat = plain,
  listed: number = LISTED
): string {
  if (names.length <= listed) return names.map(name).join(', ')
  return `${names.slice(0, listed).map(name).join(', ')} and ${names.length - listed} more`
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
