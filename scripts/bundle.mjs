// Bundles the action (dist/index.js) and the command line (dist/cli.js) with esbuild: the command
// line's dispatcher and `refine` as CommonJS files, the rest as ES module files and chunks
// (.mjs), and copies the Terraform parser's two WebAssembly files next to them
// (src/io/terraform-parser.ts loads them from there). The AWS SDK, Octokit and the Terraform
// grammar sit in chunks that load only on the paths that use them (docs/adr/0022-bundle-layout.md).
// CI rebuilds and diffs dist/, so the output depends on the sources alone: every file in dist/ that
// this build did not write (a chunk of an older build) is removed.
import { bundleCjsForNode, bundleSplitForNode } from './esbuild-node.mjs'
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join, relative, resolve } from 'node:path'

const OUT = 'dist'

// Three esbuild runs into one flat folder (docs/adr/0022-bundle-layout.md). dist/ is CommonJS
// (dist/package.json), because Node starts a CommonJS program without its ES module loader:
// - the dispatcher, cli.js, alone: it imports no other file, and requires or imports each
//   command's file by name;
// - `refine`, refine.js, alone: the command people run by hand loads two files, not twelve, and
//   never the ES module loader, unless it needs the bundled catalog's data (catalog-data.mjs) or
//   has a syntax error to locate (json-syntax.mjs);
// - everything else as ES modules (.mjs) sharing chunks: the action, check's worker module,
//   `check` and `findings`, and the two modules refine.js imports, as entries of their own so
//   that refine.js can name them. index.js and refine-worker.js, the names action.yml and
//   src/io/refine-tree.ts give, are two lines that import the modules.
// refine.js and check.mjs hold copies of the engine: a class of one is not a class of the other,
// so each command ends its own failures (src/commands/guard.ts).
const ESM_ENTRIES = {
  index: 'src/index.ts',
  'refine-worker': 'src/io/refine-worker.ts',
  check: 'src/commands/check.ts',
  findings: 'src/commands/findings.ts',
  'catalog-data': 'src/engine/catalog-data.ts',
  'json-syntax': 'src/io/json-syntax.ts'
}
const results = await Promise.all([
  bundleCjsForNode(
    { cli: 'src/cli.ts' },
    OUT,
    { 'src/commands/run.ts': { './check.js': './check.mjs', './findings.js': './findings.mjs' } },
    { 'src/commands/run.ts': { './refine.js': './refine.js' } }
  ),
  bundleCjsForNode({ refine: 'src/commands/refine.ts' }, OUT, {
    'src/commands/refine.ts': { '../engine/catalog-data.js': './catalog-data.mjs' },
    'src/io/files.ts': { './json-syntax.js': './json-syntax.mjs' }
  }),
  bundleSplitForNode(ESM_ENTRIES, OUT, '.mjs')
])
/** Written beside the builds: what makes dist/ CommonJS, and the two entries that import ESM. */
const SMALL_FILES = {
  'package.json': '{ "type": "commonjs" }\n',
  'index.js': [
    '// The action (action.yml runs dist/index.js), an ES module.',
    'import("./index.mjs")',
    ''
  ].join('\n'),
  'refine-worker.js': [
    "// check's worker threads (src/io/refine-tree.ts starts dist/refine-worker.js), an ES module.",
    'import("./refine-worker.mjs")',
    ''
  ].join('\n')
}

// Every build's files by their path, and the files each imports, another build's included.
const outputs = new Map()
const files = new Map()
for (const result of results) {
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    const imports = output.imports.map(i =>
      i.external ? (i.path.startsWith('./') ? join(OUT, i.path) : undefined) : i.path
    )
    outputs.set(path, imports.filter(Boolean))
  }
  for (const file of result.outputFiles) {
    const path = relative('.', file.path)
    const other = files.get(path)
    // Chunk names hash their content: two builds may write one file only if it is the same.
    if (other && Buffer.compare(other.contents, file.contents) !== 0)
      throw new Error(`two builds wrote different ${path}`)
    files.set(path, file)
  }
}

// esbuild writes a chunk for every import() it meets, also one in code it then leaves out (the AWS
// SDK's browser user-agent parser, bowser): only the files an entry can reach are kept.
const reachable = new Set()
const reach = path => {
  if (reachable.has(path)) return
  const imports = outputs.get(path)
  if (!imports) throw new Error(`${path} is imported but no build wrote it`)
  reachable.add(path)
  for (const i of imports) reach(i)
}
reach(join(OUT, 'cli.js'))
reach(join(OUT, 'index.mjs'))
reach(join(OUT, 'refine-worker.mjs'))
const outputFiles = [...files.values()].filter(f => reachable.has(relative('.', f.path)))

// The names must match RUNTIME_WASM and GRAMMAR_WASM in src/io/terraform-parser.ts.
const require = createRequire(import.meta.url)
const wasm = [
  require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
  require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')
]

const written = new Set([
  ...outputFiles.map(f => relative(resolve(OUT), f.path)),
  ...Object.keys(SMALL_FILES),
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
for (const [name, text] of Object.entries(SMALL_FILES)) {
  writeFileSync(join(OUT, name), text)
  chmodSync(join(OUT, name), 0o644)
}
for (const from of wasm) copyFileSync(from, join(OUT, basename(from)))
