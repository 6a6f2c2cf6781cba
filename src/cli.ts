#!/usr/bin/env node
import { runCli } from './commands/run.js'
import { fdWriter } from './io/fd-writer.js'
import { neutralizeCommands } from './report/log-line.js'

// The command line's only contact with the process: arguments in, text and an exit code out. Its
// output often lands in a CI log, so no line of it may start a workflow command. It writes to the
// descriptors directly (src/io/fd-writer.ts). No top-level await: dist/cli.js is CommonJS
// (docs/adr/0022-bundle-layout.md).
const stdout = fdWriter(1)
const stderr = fdWriter(2)
void runCli(process.argv.slice(2), {
  out: text => stdout(neutralizeCommands(text)),
  err: text => stderr(neutralizeCommands(text))
}).then(code => {
  process.exitCode = code
})
