#!/usr/bin/env node
import { runCli } from './commands/run.js'

// The command line's only contact with the process: arguments in, text and an exit code out.
process.exitCode = await runCli(process.argv.slice(2), {
  out: text => void process.stdout.write(text),
  err: text => void process.stderr.write(text)
})
