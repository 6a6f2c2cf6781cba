#!/usr/bin/env node
import { EXIT } from './commands/io.js'
import { runCli } from './commands/run.js'
import { fdWriter } from './io/fd-writer.js'
import { neutralizeCommands } from './report/log-line.js'

// The command line's only contact with the process: arguments in, text and an exit code out. Its
// output often lands in a CI log, so no line of it may start a workflow command. It writes to the
// descriptors directly (src/io/fd-writer.ts). No top-level await: dist/cli.js is CommonJS
// (docs/adr/0022-bundle-layout.md).
const stdout = fdWriter(1)
const stderr = fdWriter(2)
runCli(process.argv.slice(2), {
  out: text => stdout.write(neutralizeCommands(text)),
  err: text => stderr.write(neutralizeCommands(text))
}).then(
  code => finish(code),
  // runCli ends every failure of a command; this would be one of its own.
  (error: unknown) => {
    stderr.write(
      `iam-refine: unexpected error: ${String(error)}. This is a bug; please report it.\n`
    )
    finish(EXIT.bug)
  }
)

/**
 * Output that could not be written fails the run: a result nobody could read is not a pass. The
 * exit code is at least 2 (what the user can fix: the disk, the descriptor), 3 stays 3.
 */
function finish(code: number): void {
  if (stdout.failure !== undefined)
    stderr.write(
      `iam-refine: the output could not be written (${stdout.failure}): it is incomplete\n`
    )
  const failed = stdout.failure ?? stderr.failure
  process.exitCode = failed === undefined ? code : Math.max(code, EXIT.usage)
}
