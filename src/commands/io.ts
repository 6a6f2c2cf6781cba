import type { ParserFiles } from '../io/terraform-parser.js'

/** Where a command writes, and what it loads; cli.ts binds it to the process, tests to buffers. */
export interface Io {
  out(text: string): void
  err(text: string): void
  /**
   * The Terraform parser's WebAssembly files; default the copies next to the bundle. Code run
   * from src/ (tests, benchmarks) passes the installed packages' files.
   */
  readonly parserFiles?: ParserFiles
}

/** A command takes its arguments (after its name) and returns the exit code. */
export type Command = (args: readonly string[], io: Io) => Promise<number>

/** Exit codes of the command line. */
export const EXIT = { ok: 0, unused: 1, usage: 2, bug: 3 } as const
