#!/usr/bin/env node
import { runCli } from './commands/run.js'
import { fdWriter } from './io/fd-writer.js'
import { neutralizeCommands } from './report/log-line.js'

// The command line's only contact with the process: arguments in, text and an exit code out. Its
// output often lands in a CI log, so no line of it may start a workflow command. It writes to the
// descriptors directly (src/io/fd-writer.ts).
const stdout = fdWriter(1)
const stderr = fdWriter(2)
process.exitCode = await runCli(process.argv.slice(2), {
  out: text => stdout(neutralizeCommands(text)),
  err: text => stderr(neutralizeCommands(text))
})
