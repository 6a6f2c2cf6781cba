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

// src/report/json-report.ts
var UNCHECKED = /* @__PURE__ */ new Set(["unmapped", "unchecked", "invalid", "error"]);
function uncheckedItems(files) {
  const out = [];
  for (const f of files) {
    if (f.status !== "policies") {
      out.push({
        file: f.file,
        ...f.line !== void 0 ? { line: f.line } : {},
        reason: `${f.status === "malformed" ? "malformed" : "not read"}: it ${f.message ?? "could not be read"}`
      });
      continue;
    }
    for (const p of f.policies) {
      const at = { file: f.file, line: p.range.startLine, pointer: p.pointer };
      if (UNCHECKED.has(p.status)) {
        out.push({ ...at, reason: `${p.status}: ${p.reason ?? "not checked"}` });
        continue;
      }
      for (const s of p.statements) {
        if (s.unreadable) {
          const label = s.sid !== void 0 ? `Statement "${s.sid}"` : `Statement #${s.index + 1}`;
          out.push({
            ...at,
            line: s.range.startLine,
            reason: `${label} ${s.note ?? "cannot be read"}`
          });
        }
      }
    }
    for (const n of f.notes) {
      if (n.unchecked)
        out.push({ file: f.file, line: n.line, pointer: n.pointer, reason: n.message });
    }
  }
  return out;
}
var WITH_UNUSED = /* @__PURE__ */ new Set([
  "refined",
  "fixed",
  "unused-policy",
  "not-editable"
]);
function hasUnused(status) {
  return WITH_UNUSED.has(status);
}
function computeTotals(files) {
  const policies = files.flatMap((f) => f.policies);
  const count = (s) => policies.filter((p) => p.status === s).length;
  const remaining = policies.filter((p) => hasUnused(p.status) && p.status !== "fixed");
  return {
    files: files.filter((f) => f.status === "policies").length,
    policies: policies.length,
    withUnused: policies.filter((p) => hasUnused(p.status)).length,
    fixed: count("fixed"),
    unusedPolicies: count("unused-policy"),
    notEditable: count("not-editable"),
    unmapped: count("unmapped"),
    invalid: count("invalid"),
    errors: count("error"),
    malformedFiles: files.filter((f) => f.status === "malformed").length,
    skippedFiles: files.filter((f) => f.status === "skipped").length,
    unusedActions: new Set(remaining.flatMap((p) => p.unusedActions.map((a) => a.toLowerCase()))).size,
    remaining: remaining.length,
    unchecked: uncheckedItems(files).length
  };
}
function buildReport(files, meta) {
  return {
    version: 1,
    tool: "iam-refine",
    catalog: meta.catalog,
    fixed: meta.fixed,
    files,
    notes: meta.notes,
    totals: computeTotals(files)
  };
}

export {
  visible,
  code,
  text,
  uncheckedItems,
  hasUnused,
  buildReport
};
