import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'

const worldModules = [
  {
    group: ['@actions/*', '@octokit/*', '@aws-sdk/*'],
    message: 'Pure modules talk to no service.'
  },
  {
    group: [
      'fs',
      'node:fs',
      'fs/*',
      'node:fs/*',
      'node:process',
      'node:child_process',
      'node:http',
      'node:https'
    ],
    message: 'Pure modules do no I/O.'
  }
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'build/**',
      '.bench/**',
      '.scratch/**',
      'src/engine/catalog-data.ts'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        AbortController: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly'
      }
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    // Injected into the command line's CommonJS bundles (scripts/esbuild-node.mjs), where it runs.
    files: ['scripts/import-meta.js'],
    languageOptions: { globals: { require: 'readonly', __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: [
      'src/engine/**/*.ts',
      'src/sources/**/*.ts',
      'src/findings/parse.ts',
      'src/findings/parse-recommendation.ts',
      'src/report/**/*.ts',
      'src/github/hunks.ts',
      'src/github/placement.ts',
      'src/github/trusted-run.ts',
      'src/github/git-hash.ts'
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: worldModules }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Pure modules do not read the process.' }
      ]
    }
  }
)
