// Injected into the command line's CommonJS files (scripts/esbuild-node.mjs): the URL the sources'
// `import.meta.url` stands for there.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href
