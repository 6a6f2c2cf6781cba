import { readFileSync } from 'node:fs'

/**
 * yaml's build that the bundles hold (scripts/esbuild-node.mjs, yamlWithoutHooks): its exports'
 * `default`, read from its package.json the same way, so that the tests run the parser dist/ does.
 */
const yamlManifest = new URL('./node_modules/yaml/package.json', import.meta.url)
const yamlEntry = JSON.parse(readFileSync(yamlManifest, 'utf8')).exports['.'].default

/** Jest in ESM mode; ts-jest only strips types (type-checking is `npm run typecheck`). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^yaml$': `<rootDir>/node_modules/yaml/${yamlEntry.replace(/^\.\//, '')}`
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 60000
}
