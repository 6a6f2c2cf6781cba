// Injected into the command line's CommonJS files (scripts/esbuild-node.mjs): what the sources'
// `import.meta` stands for there. Its URL is worked out only when something reads it
// (src/io/node-require.ts no longer does there); it cost 0.1 ms on Node 24 and 0.4 ms on Node 20.
export const importMeta = {
  get url() {
    return require('node:url').pathToFileURL(__filename).href
  }
}
