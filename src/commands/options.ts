import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ConfigurationError } from '../engine/errors.js'

// Apart from io.ts, which the dispatcher loads for every run: importing node:util costs a few
// milliseconds of every start on Node 24, and `--help` parses no options
// (docs/adr/0022-bundle-layout.md).

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
