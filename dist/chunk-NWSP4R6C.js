import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-7VWP2DJO.js";

// src/io/json-text.ts
var MAX_FILE_BYTES = 5 * 1024 * 1024;
function parseJsonText(text, file) {
  if (text.includes("\0"))
    throw new ConfigurationError(`${file}: is binary (it holds NUL bytes), not JSON`);
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  try {
    return { value: JSON.parse(body) };
  } catch {
    return { refused: body };
  }
}
function jsonSyntaxError(file, problem) {
  if (!problem) return new ConfigurationError(`${file}: is not valid JSON`);
  return new ConfigurationError(
    `${file}:${problem.line}:${problem.column}: is not valid JSON (${problem.reason})`
  );
}

export {
  MAX_FILE_BYTES,
  parseJsonText,
  jsonSyntaxError
};
