// Bundles the action (dist/index.js) and the command line (dist/cli.js) with esbuild.
// CI rebuilds and diffs dist/, so the output must depend on the sources alone.
import { build } from 'esbuild'
import { existsSync } from 'node:fs'

const entries = [
  ['src/cli.ts', 'dist/cli.js'],
  ['src/index.ts', 'dist/index.js']
].filter(([from]) => existsSync(from))

for (const [from, to] of entries) {
  await build({
    entryPoints: [from],
    outfile: to,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); ESM has none unless we make one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
    }
  })
}
