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
