/**
 * Something the user can fix: a malformed file, a bad flag or input, a missing permission.
 * The message is shown as it is, so it names the file, the input or the permission.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

/**
 * A broken engine guarantee. This is a bug in iam-refine, never the user's fault; nothing computed
 * by the failing call may be shown as a suggestion.
 */
export class InvariantError extends Error {
  override name = 'InvariantError'
  constructor(message: string) {
    super(
      `iam-refine broke one of its own guarantees, so it suggests nothing: ${message}. ` +
        'This is a bug; please report it with the policy and findings that caused it.'
    )
  }
}

/**
 * A named limit was reached (src/engine/limits.ts): the input is too large to refine or to
 * suggest within bounds. Not the user's mistake to fix in a configuration, not a bug: reported
 * with what was too large, and counted by the gate.
 */
export class LimitError extends Error {
  override name = 'LimitError'
  constructor(
    message: string,
    /** `check`: nothing could be said about the policy; `suggest`: it has unused permissions,
     * but the refinement is too large to be a change anyone would deploy. */
    readonly kind: 'check' | 'suggest'
  ) {
    super(message)
  }
}
