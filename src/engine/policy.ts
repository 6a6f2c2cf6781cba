import { isRecord } from './catalog.js'
import { ConfigurationError } from './errors.js'

/** The `Statement` of a policy document as a list; a malformed document is a ConfigurationError. */
export function readStatements(document: unknown): { statements: unknown[]; single: boolean } {
  if (!isRecord(document)) throw new ConfigurationError('a policy document must be a JSON object')
  const s = document.Statement
  if (Array.isArray(s)) return { statements: s, single: false }
  if (isRecord(s)) return { statements: [s], single: true }
  throw new ConfigurationError('the policy has no "Statement" list or object')
}

/** A statement's `Action` entries, or undefined when it has none usable. */
export function actionEntries(statement: unknown): string[] | undefined {
  if (!isRecord(statement)) return undefined
  const a = statement.Action
  if (typeof a === 'string') return [a]
  if (Array.isArray(a) && a.every(x => typeof x === 'string')) return a as string[]
  return undefined
}

/** IAM counts a policy's size without white space. */
export function policySize(document: unknown): number {
  return JSON.stringify(document).length
}
