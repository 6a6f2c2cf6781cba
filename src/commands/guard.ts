import { ConfigurationError, InvariantError } from '../engine/errors.js'
import { EXIT, type Command, type Io } from './io.js'

/**
 * `command` with its failures turned into an exit code and one message on stderr: a
 * ConfigurationError is the user's to fix (2), an InvariantError or anything else is a bug (3).
 *
 * Each command module exports its command guarded (`main`), so that the classes tested here are
 * the classes its own code throws: `refine` is bundled on its own (docs/adr/0022-bundle-layout.md),
 * and a class from another bundle is another class, which `instanceof` would not recognize.
 */
export function guarded(command: Command): Command {
  return async (args, io) => {
    try {
      return await command(args, io)
    } catch (error) {
      return reportFailure(error, io)
    }
  }
}

/** Writes the message for a command's failure and returns its exit code. */
export function reportFailure(error: unknown, io: Io): number {
  if (error instanceof ConfigurationError) {
    io.err(`iam-refine: ${error.message}\n`)
    return EXIT.usage
  }
  if (error instanceof InvariantError) {
    io.err(`iam-refine: ${error.message}\n`)
    return EXIT.bug
  }
  io.err(
    `iam-refine: unexpected error: ${(error as Error)?.message ?? String(error)}. This is a bug; please report it.\n`
  )
  return EXIT.bug
}
