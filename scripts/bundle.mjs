// Bundles the action (dist/index.js) and the command line (dist/cli.js) with esbuild, and copies
// the Terraform parser's two WebAssembly files next to them (src/io/terraform-parser.ts loads
// them from there). CI rebuilds and diffs dist/, so the output must depend on the sources alone.
import { bundleForNode } from './esbuild-node.mjs'
import { copyFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const entries = [
  ['src/cli.ts', 'dist/cli.js'],
  ['src/index.ts', 'dist/index.js']
].filter(([from]) => existsSync(from))

for (const [from, to] of entries) await bundleForNode(from, to)

// The names must match RUNTIME_WASM and GRAMMAR_WASM in src/io/terraform-parser.ts.
const require = createRequire(import.meta.url)
const wasm = [
  [require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'dist/web-tree-sitter.wasm'],
  [
    require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'),
    'dist/tree-sitter-terraform.wasm'
  ]
]
for (const [from, to] of wasm) copyFileSync(from, to)
