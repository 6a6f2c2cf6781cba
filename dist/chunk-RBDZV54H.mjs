import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  nodeRequire
} from "./chunk-MBW5WFYS.mjs";
import {
  ConfigurationError,
  InvariantError
} from "./chunk-SYRML5ZZ.mjs";

// src/commands/io.ts
var EXIT = { ok: 0, unused: 1, usage: 2, bug: 3 };

// src/commands/options.ts
var { parseArgs } = nodeRequire("node:util");
function parseOptions(args, options, usage) {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true
    });
    return { values, positionals };
  } catch (error) {
    throw new ConfigurationError(`${error.message.split("\n")[0]}
${usage}`);
  }
}

// src/commands/guard.ts
function guarded(command) {
  return async (args, io) => {
    try {
      return await command(args, io);
    } catch (error) {
      return reportFailure(error, io);
    }
  };
}
function reportFailure(error, io) {
  if (error instanceof ConfigurationError) {
    io.err(`iam-refine: ${error.message}
`);
    return EXIT.usage;
  }
  if (error instanceof InvariantError) {
    io.err(`iam-refine: ${error.message}
`);
    return EXIT.bug;
  }
  io.err(
    `iam-refine: unexpected error: ${error?.message ?? String(error)}. This is a bug; please report it.
`
  );
  return EXIT.bug;
}

export {
  EXIT,
  parseOptions,
  guarded
};
