/** Jest in ESM mode; ts-jest only strips types (type-checking is `npm run typecheck`). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The build of yaml the bundles hold (scripts/esbuild-node.mjs, yamlWithoutHooks), so that the
    // tests run the same parser as dist/.
    '^yaml$': '<rootDir>/node_modules/yaml/browser/dist/index.js'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 60000
}
