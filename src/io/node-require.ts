import { createRequire } from 'node:module'

/**
 * `require` for Node's built-in modules. The command line's start-up path takes node:fs and
 * node:util with it rather than with an ES import, which builds a facade that reads every export
 * (src/io/files.ts and src/commands/options.ts say what that loads, and what it cost).
 *
 * In dist/'s CommonJS files (cli.js, refine.js) this is Node's own `require`; in its ES module
 * chunks esbuild's `__require`, which calls the `require` the chunk's banner makes
 * (scripts/esbuild-node.mjs: every ES module build has that banner); run from the sources, as the
 * tests do, `require` is undefined and one is made here. Making one there too (createRequire and
 * the file URL it takes) cost 0.3 ms of a start on Node 24 and 1 ms on Node 20, timed in a fresh
 * process.
 */
export const nodeRequire: NodeJS.Require =
  typeof require === 'function' ? require : createRequire(import.meta.url)
