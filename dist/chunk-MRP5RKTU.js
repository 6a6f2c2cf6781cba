import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-7VWP2DJO.js";

// src/commands/options.ts
import { createRequire } from "node:module";
var { parseArgs } = createRequire(import.meta.url)("node:util");
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

export {
  parseOptions
};
