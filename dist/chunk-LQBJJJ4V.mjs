import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/report/markdown.ts
var MAX_SHOWN_CHARACTERS = 300;
var INVISIBLE = (
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/gu
);
var LINE_BREAK = /\r\n|\r|\n/g;
var BREAK = "\u200B";
function visible(value, max = MAX_SHOWN_CHARACTERS) {
  let shown = value;
  let cut = 0;
  const chars = [...value];
  if (chars.length > max) {
    shown = chars.slice(0, max).join("");
    cut = chars.length - max;
  }
  shown = shown.replace(LINE_BREAK, "\u23CE").replace(INVISIBLE, (c) => `\u27E8U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}\u27E9`);
  return cut > 0 ? `${shown}\u2026 (${cut} more characters)` : shown;
}
function code(value, max = MAX_SHOWN_CHARACTERS) {
  const shown = visible(value, max);
  if (shown === "") return "(empty)";
  let longest = 0;
  let run = 0;
  for (const ch of shown) {
    run = ch === "`" ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(shown) && !/^ +$/.test(shown) ? " " : "";
  return `${fence}${pad}${shown}${pad}${fence}`;
}
var PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
function text(value, max = MAX_SHOWN_CHARACTERS) {
  return visible(value, max).replace(/[@#]/g, (c) => `${c}${BREAK}`).replace(/:(?=\/\/|[a-z0-9_+-]+:)/g, `:${BREAK}`).replace(/\b(www)\./gi, `$1${BREAK}.`).replace(/\b(GH)-(?=\d)/gi, `$1${BREAK}-`).replace(PUNCTUATION, (c) => `\\${c}`);
}

export {
  visible,
  code,
  text
};
