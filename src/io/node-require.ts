import { createRequire } from 'node:module'

/**
 * `require` for Node's built-in modules, made once. The command line's start-up path takes
 * node:fs and node:util with it rather than with an ES import, which builds a facade that reads
 * every export (src/io/files.ts and src/commands/options.ts say what that loads, and what it cost).
 */
export const nodeRequire = createRequire(import.meta.url)
