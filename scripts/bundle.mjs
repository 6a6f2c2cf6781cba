// Bundles the action (dist/index.js) and the command line (dist/cli.js) with esbuild into ESM that
// shares chunks, and copies the Terraform parser's two WebAssembly files next to them
// (src/io/terraform-parser.ts loads them from there). The AWS SDK, Octokit and the Terraform
// grammar sit in chunks that load only on the paths that use them (docs/adr/0022-bundle-layout.md).
// CI rebuilds and diffs dist/, so the output depends on the sources alone: every file in dist/ that
// this build did not write (a chunk of an older build) is removed.
import { bundleSplitForNode } from './esbuild-node.mjs'
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join, relative, resolve } from 'node:path'

const OUT = 'dist'
// refine-worker.js is the module `check`'s worker threads run; src/io/refine-tree.ts finds it
// next to the chunk that starts them (the folder is flat).
const ENTRIES = {
  cli: 'src/cli.ts',
  index: 'src/index.ts',
  'refine-worker': 'src/io/refine-worker.ts'
}
const result = await bundleSplitForNode(ENTRIES, OUT)

// esbuild writes a chunk for every import() it meets, also one in code it then leaves out (the AWS
// SDK's browser user-agent parser, bowser): only the files an entry can reach are kept.
const reachable = new Set()
const reach = path => {
  if (reachable.has(path)) return
  reachable.add(path)
  for (const i of result.metafile.outputs[path].imports) if (!i.external) reach(i.path)
}
for (const [path, output] of Object.entries(result.metafile.outputs)) {
  if (Object.values(ENTRIES).includes(output.entryPoint)) reach(path)
}
const outputFiles = result.outputFiles.filter(f => reachable.has(relative('.', f.path)))

// The names must match RUNTIME_WASM and GRAMMAR_WASM in src/io/terraform-parser.ts.
const require = createRequire(import.meta.url)
const wasm = [
  require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
  require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')
]

const written = new Set([
  ...outputFiles.map(f => relative(resolve(OUT), f.path)),
  ...wasm.map(f => basename(f))
])
mkdirSync(OUT, { recursive: true })
for (const entry of readdirSync(OUT)) {
  if (!written.has(entry)) rmSync(join(OUT, entry), { recursive: true, force: true })
}
for (const file of outputFiles) {
  writeFileSync(file.path, file.contents)
  // An entry with a hashbang (dist/cli.js, the package's bin) runs as a program.
  chmodSync(file.path, file.text.startsWith('#!') ? 0o755 : 0o644)
}
for (const from of wasm) copyFileSync(from, join(OUT, basename(from)))
