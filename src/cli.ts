#!/usr/bin/env node
import module from 'node:module'
import { runCli } from './commands/run.js'
import { neutralizeCommands } from './report/log-line.js'

// Node 22.1+ keeps V8's compiled code of the chunks each command loads (under os.tmpdir()), so a
// second run need not compile them again; Node 20 has no compile cache.
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()

// The command line's only contact with the process: arguments in, text and an exit code out. Its
// output often lands in a CI log, so no line of it may start a workflow command.
process.exitCode = await runCli(process.argv.slice(2), {
  out: text => void process.stdout.write(neutralizeCommands(text)),
  err: text => void process.stderr.write(neutralizeCommands(text))
})
