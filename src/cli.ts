#!/usr/bin/env node
import { runCli } from './commands/run.js'
import { neutralizeCommands } from './report/log-line.js'

// The command line's only contact with the process: arguments in, text and an exit code out. Its
// output often lands in a CI log, so no line of it may start a workflow command.
process.exitCode = await runCli(process.argv.slice(2), {
  out: text => void process.stdout.write(neutralizeCommands(text)),
  err: text => void process.stderr.write(neutralizeCommands(text))
})
