// How every bundle of the project is built: the action, the command line, benchmarks and the
// docs generator all run on Node with their dependencies inside, as ES modules, except the command
// line's dispatcher and `refine`, which are CommonJS (docs/adr/0022-bundle-layout.md).
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository, which the importers a map of siblings names are relative to. */
const ROOT = fileURLToPath(new URL('..', import.meta.url))

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

/**
 * yaml's build for Node reads `process.env.LOG_TOKENS` for every token it parses, a debugging hook
 * that prints each token to stdout when set (and `LOG_STREAM` per top-level token). Node reads the
 * environment through a C++ call, about 280 ns each time: in a CPU profile of a 5,000-file `check`
 * run in process, the function that reads it had the largest self time, 7.8% of the whole. With
 * the variable set, the tokens would also be mixed into our own stdout, the JSON and SARIF reports
 * included. The package's other build (its exports' `default`, for environments without Node's
 * `process`) is the same code as ES modules, without the hooks; it decodes a `!!binary` scalar
 * with `atob`, which rejects what is not base64, where Buffer skipped it
 * (src/sources/document/tree.ts reads no such scalar either way). That build is the one we bundle,
 * and the one the tests run (jest.config.js). Only the package's main entry is mapped: nothing
 * imports `yaml/util`, which would bring the Node build back. ADR 22 has the measurements.
 */
const yamlWithoutHooks = {
  name: 'yaml-without-hooks',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, async args => {
      const manifest = await build.resolve('yaml/package.json', {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir
      })
      if (manifest.errors.length > 0) return manifest
      const entry = JSON.parse(readFileSync(manifest.path, 'utf8')).exports?.['.']?.default
      if (typeof entry !== 'string') {
        throw new Error(
          `${manifest.path}: no "default" entry in exports["."]; see yamlWithoutHooks`
        )
      }
      return { path: join(dirname(manifest.path), entry) }
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
  plugins: [sideEffectFree, yamlWithoutHooks],
  // Bundled CommonJS dependencies call require(); ESM has none unless we make one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
  }
}

/** Bundles `entry` into the single ESM file `outfile` for Node 20 and later (scripts, benchmarks). */
export function bundleForNode(entry, outfile) {
  return build({ ...NODE_ESM, entryPoints: [entry], outfile })
}

/** A filter that matches exactly the specifiers a map of siblings names, if it names any. */
function specifierFilter(siblings) {
  const specifiers = [...new Set(Object.values(siblings).flatMap(Object.keys))]
  if (specifiers.length === 0) return undefined
  const escaped = specifiers.map(s => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  return new RegExp(`^(${escaped.join('|')})$`)
}

/**
 * Leaves the imports `siblings` names to files of another build in the same folder:
 * `{ 'src/commands/run.ts': { './refine.js': './refine.js' } }` keeps `import('./refine.js')` of
 * run.ts as it is, addressed to dist/refine.js, instead of bundling the module it names.
 */
function siblingBundles(siblings) {
  return {
    name: 'sibling-bundles',
    setup(build) {
      onSiblings(build, siblings, to => ({ path: to, external: true }))
    }
  }
}

/** Resolves each import a map of siblings names (by importer and specifier) with `resolve`. */
function onSiblings(build, siblings, resolve) {
  const filter = specifierFilter(siblings)
  if (!filter) return
  build.onResolve({ filter }, args => {
    const to = siblings[relative(ROOT, args.importer)]?.[args.path]
    return to === undefined ? undefined : resolve(to)
  })
}

/**
 * The CommonJS form, for the command line's own files (docs/adr/0022-bundle-layout.md): the sources
 * are ES modules, whose `import.meta` becomes scripts/import-meta.js's object (`url`: this file's
 * URL), and CommonJS has its own `require`, so no banner makes one.
 */
const NODE_CJS = {
  ...NODE_ESM,
  format: 'cjs',
  banner: {},
  inject: [fileURLToPath(new URL('import-meta.js', import.meta.url))],
  define: { 'import.meta': 'importMeta' }
}

/**
 * `import()`s of CommonJS files of another build, made `require()`s: `{ 'src/commands/run.ts':
 * { './refine.js': './refine.js' } }`. esbuild would keep an `import()` of a file it leaves out
 * as it is, and Node would load the ES module loader to run it; a module of this build that
 * requires the file is imported instead, and esbuild turns that into a `require()` call.
 */
function requiredSiblings(siblings) {
  return {
    name: 'required-siblings',
    setup(build) {
      // The one-line module's own require is the other build's file, left as it is.
      build.onResolve({ filter: /.*/, namespace: 'required-sibling' }, args => ({
        path: args.path,
        external: true
      }))
      onSiblings(build, siblings, to => ({ path: to, namespace: 'required-sibling' }))
      build.onLoad({ filter: /.*/, namespace: 'required-sibling' }, args => ({
        contents: `module.exports = require(${JSON.stringify(args.path)})`,
        loader: 'js',
        resolveDir: ROOT
      }))
    }
  }
}

/**
 * Bundles `entries` into `outdir` as CommonJS `name.js` files, one each, without chunks (the
 * command line's dispatcher and `refine`). `siblings` names `import()`s left to another build's
 * ES module files (`siblingBundles`), `required` those of its CommonJS files (`requiredSiblings`).
 */
export function bundleCjsForNode(entries, outdir, siblings = {}, required = {}) {
  return build({
    ...NODE_CJS,
    plugins: [...NODE_ESM.plugins, siblingBundles(siblings), requiredSiblings(required)],
    entryPoints: entries,
    outdir,
    entryNames: '[name]',
    write: false,
    metafile: true
  })
}

/**
 * Bundles `entries` (`{ name: source }`) into `outdir` as `name.js` files that share chunks: code
 * reached only through a dynamic `import()` goes into a chunk loaded when that import runs. Chunk
 * names are the name of the module they start from and a hash of their content, so the same
 * sources give the same files. `extension` is the files' (`.mjs`: dist/ is CommonJS).
 * Nothing is written: the result's `outputFiles` are the files.
 */
export function bundleSplitForNode(entries, outdir, extension) {
  return build({
    ...NODE_ESM,
    outExtension: { '.js': extension },
    entryPoints: entries,
    outdir,
    splitting: true,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    write: false,
    metafile: true
  })
}
