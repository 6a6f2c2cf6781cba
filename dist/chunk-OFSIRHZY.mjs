import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parse,
  printParseErrorCode
} from "./chunk-GO6UHQG7.mjs";

// src/io/json-syntax.ts
function firstJsonSyntaxError(body) {
  const errors = [];
  parse(body, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return void 0;
  return {
    ...lineAndColumn(body, first.offset),
    reason: printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()
  };
}
function lineAndColumn(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export {
  firstJsonSyntaxError
};
