// How every bundle of the project is built: the action, the command line, benchmarks and the
// docs generator all run on Node as ESM with their dependencies inside.
import { build } from 'esbuild'

/** Bundles `entry` into the single ESM file `outfile` for Node 20 and later. */
export function bundleForNode(entry, outfile) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // jsonc-parser's UMD entry breaks in a bundle; its ESM entry does not.
    mainFields: ['module', 'main'],
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); ESM has none unless we make one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
    }
  })
}
