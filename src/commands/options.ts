import type { ParseArgsConfig } from 'node:util'
import { ConfigurationError } from '../engine/errors.js'
import { nodeRequire } from '../io/node-require.js'

// Apart from io.ts, which the dispatcher loads for every run, and node:util taken with require:
// an ES import of a built-in module builds a facade that reads every export, and node:util's
// exports load internal modules of their own. Measured with hyperfine on Node 24, 40 runs:
// `import 'node:util'` 24.7 ms against 21.5 for an empty module, the same through require 22.4;
// `refine` of the worked example 41.2 -> 39.5 ms. `--help` parses no options
// (docs/adr/0022-bundle-layout.md).
const { parseArgs } = nodeRequire('node:util') as typeof import('node:util')

/** node:util's parseArgs, with its errors turned into usage messages. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
  usage: string
): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true
    })
    return { values: values as Record<string, unknown>, positionals }
  } catch (error) {
    throw new ConfigurationError(`${(error as Error).message.split('\n')[0]}\n${usage}`)
  }
}
