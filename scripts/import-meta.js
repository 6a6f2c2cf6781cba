// Injected into the command line's CommonJS files (scripts/esbuild-node.mjs): what the sources'
// `import.meta` stands for there. Its URL is worked out only when something reads it, and on the
// command line's path nothing does (src/io/node-require.ts uses Node's own require there).
export const importMeta = {
  get url() {
    return require('node:url').pathToFileURL(__filename).href
  }
}
