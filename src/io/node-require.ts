import { createRequire } from 'node:module'

/**
 * `require` for Node's built-in modules. The command line's start-up path takes node:fs and
 * node:util with it rather than with an ES import, which builds a facade that reads every export
 * (src/io/files.ts and src/commands/options.ts say what that loads, and what it cost). In the
 * CommonJS files of dist/ it is Node's own `require`, in the ES module chunks the one esbuild's
 * banner makes (scripts/esbuild-node.mjs), run from the sources one made here: making one
 * (createRequire, and the file URL it needs) cost 0.3 ms of a start on Node 24 and 1 ms on Node 20.
 */
export const nodeRequire: NodeJS.Require =
  typeof require === 'function' ? require : createRequire(import.meta.url)
