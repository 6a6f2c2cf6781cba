import type { Universe } from './universe.js'
import type { UnusedSet } from './unused-set.js'

export interface Quota {
  readonly kind: string
  readonly limit: number
}

/** What happened to one entry of a statement's `Action`. */
export type EntryChange =
  | {
      readonly kind: 'removed'
      readonly entry: string
      /** The unused actions it allowed (catalog casing); empty for a whole-principal finding. */
      readonly unused: readonly string[]
    }
  | {
      readonly kind: 'replaced'
      readonly entry: string
      /** Its replacement, in its place; entries another entry already covers are left out. */
      readonly by: readonly string[]
      readonly unused: readonly string[]
      /** How many universe actions the entry allowed, used and unused. */
      readonly matched: number
    }

export type StatementStatus = 'unchanged' | 'refined' | 'removed' | 'not-refined'

export interface StatementResult {
  readonly index: number
  readonly sid?: string
  readonly status: StatementStatus
  /** Why a statement was not refined (Deny, NotAction, an odd shape). */
  readonly note?: string
  /**
   * What the statement allows cannot be read (its Effect or Action is not a literal, it is not an
   * object): unlike a Deny or a NotAction, nothing about its use can be said.
   */
  readonly unreadable?: boolean
  /** The `Action` entries before and after (empty after when removed). */
  readonly before: readonly string[]
  readonly after: readonly string[]
  readonly changes: readonly EntryChange[]
}

export interface PolicyRefinement {
  /** The refined document: untouched parts are the original values, key order kept. */
  readonly document: Record<string, unknown>
  readonly changed: boolean
  /** No statement is left: detach or delete the policy instead. */
  readonly unusedPolicy: boolean
  /** Every principal is wholly unused (`UnusedIAMRole`). */
  readonly unusedPrincipal: boolean
  readonly statements: readonly StatementResult[]
  readonly warnings: readonly string[]
  readonly size: { readonly before: number; readonly after: number; readonly quota?: Quota }
  /** The refined policy is larger than its quota allows. */
  readonly overQuota: boolean
}

/** The per-policy context the engine and its checks share. */
export interface RefineContext {
  readonly universe: Universe
  readonly unused: UnusedSet
  /** What is left of a file's work budget (src/engine/limits.ts), shared by its policies. */
  readonly budget?: WorkBudget
}

/** A file's work budget: the universe actions its wildcard entries may still match. */
export interface WorkBudget {
  matchedActions: number
}
