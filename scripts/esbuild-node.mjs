// How every bundle of the project is built: the action, the command line, benchmarks and the
// docs generator all run on Node as ESM with their dependencies inside.
import { build } from 'esbuild'
import { relative } from 'node:path'

/**
 * Packages whose modules only define things: importing one runs nothing we rely on, so esbuild may
 * leave out those a bundle never uses. `@actions/core` imports `@actions/http-client` for its OIDC
 * client alone (`getIDToken`, which we never call), and the HTTP client loads undici (~770 KB,
 * ~30 ms to evaluate): without this every start of the action paid for it. Where a bundle does use
 * the client (`@actions/github`'s Octokit, on the pull-request path), it is kept as before.
 */
const SIDE_EFFECT_FREE = /^@actions\/http-client(\/|$)/

/** Marks the imports of SIDE_EFFECT_FREE packages as removable when unused. */
const sideEffectFree = {
  name: 'side-effect-free',
  setup(build) {
    build.onResolve({ filter: SIDE_EFFECT_FREE }, async args => {
      if (args.pluginData === sideEffectFree) return undefined
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: sideEffectFree
      })
      return resolved.errors.length > 0 ? resolved : { ...resolved, sideEffects: false }
    })
  }
}

const NODE_ESM = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // jsonc-parser's UMD entry breaks in a bundle; its ESM entry does not.
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [sideEffectFree],
  // Bundled CommonJS dependencies call require(); ESM has none unless we make one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
  }
}

/** Bundles `entry` into the single ESM file `outfile` for Node 20 and later (scripts, benchmarks). */
export function bundleForNode(entry, outfile) {
  return build({ ...NODE_ESM, entryPoints: [entry], outfile })
}

/**
 * Leaves the imports `siblings` names to files of another build in the same folder:
 * `{ 'src/commands/run.ts': { './refine.js': './refine.js' } }` keeps `import('./refine.js')` of
 * run.ts as it is, addressed to dist/refine.js, instead of bundling the module it names.
 */
function siblingBundles(siblings) {
  const specifiers = [...new Set(Object.values(siblings).flatMap(Object.keys))]
  const escaped = specifiers.map(s => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  return {
    name: 'sibling-bundles',
    setup(build) {
      if (specifiers.length === 0) return
      build.onResolve({ filter: new RegExp(`^(${escaped.join('|')})$`) }, args => {
        const to = siblings[relative(process.cwd(), args.importer)]?.[args.path]
        return to === undefined ? undefined : { path: to, external: true }
      })
    }
  }
}

/**
 * Bundles `entries` (`{ name: source }`) into `outdir` as `name.js` files that share chunks: code
 * reached only through a dynamic `import()` goes into a chunk loaded when that import runs. Chunk
 * names are the name of the module they start from and a hash of their content, so the same
 * sources give the same files. `siblings` names imports left to another build's files
 * (`siblingBundles`). Nothing is written: the result's `outputFiles` are the files.
 */
export function bundleSplitForNode(entries, outdir, siblings = {}) {
  return build({
    ...NODE_ESM,
    plugins: [...NODE_ESM.plugins, siblingBundles(siblings)],
    entryPoints: entries,
    outdir,
    splitting: true,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    write: false,
    metafile: true
  })
}
