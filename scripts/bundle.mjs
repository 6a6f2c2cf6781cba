// Bundles the action (dist/index.js) and the command line (dist/cli.js) with esbuild.
// CI rebuilds and diffs dist/, so the output must depend on the sources alone.
import { bundleForNode } from './esbuild-node.mjs'
import { existsSync } from 'node:fs'

const entries = [
  ['src/cli.ts', 'dist/cli.js'],
  ['src/index.ts', 'dist/index.js']
].filter(([from]) => existsSync(from))

for (const [from, to] of entries) await bundleForNode(from, to)
