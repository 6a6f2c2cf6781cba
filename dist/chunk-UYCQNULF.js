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
  const counter = new TotalsCounter();
  for (const f of files) counter.add(f);
  return counter.totals();
}
var TotalsCounter = class {
  counts = {
    files: 0,
    policies: 0,
    withUnused: 0,
    fixed: 0,
    unusedPolicies: 0,
    notEditable: 0,
    unmapped: 0,
    invalid: 0,
    errors: 0,
    malformedFiles: 0,
    skippedFiles: 0,
    remaining: 0,
    unchecked: 0
  };
  unusedActions = /* @__PURE__ */ new Set();
  add(file) {
    const c = this.counts;
    if (file.status === "policies") c.files++;
    else if (file.status === "malformed") c.malformedFiles++;
    else c.skippedFiles++;
    c.unchecked += uncheckedItems([file]).length;
    for (const p of file.policies) {
      c.policies++;
      if (p.status === "fixed") c.fixed++;
      else if (p.status === "unused-policy") c.unusedPolicies++;
      else if (p.status === "not-editable") c.notEditable++;
      else if (p.status === "unmapped") c.unmapped++;
      else if (p.status === "invalid") c.invalid++;
      else if (p.status === "error") c.errors++;
      if (!hasUnused(p.status)) continue;
      c.withUnused++;
      if (p.status === "fixed") continue;
      c.remaining++;
      for (const a of p.unusedActions) this.unusedActions.add(a.toLowerCase());
    }
  }
  totals() {
    const c = this.counts;
    return {
      files: c.files,
      policies: c.policies,
      withUnused: c.withUnused,
      fixed: c.fixed,
      unusedPolicies: c.unusedPolicies,
      notEditable: c.notEditable,
      unmapped: c.unmapped,
      invalid: c.invalid,
      errors: c.errors,
      malformedFiles: c.malformedFiles,
      skippedFiles: c.skippedFiles,
      unusedActions: this.unusedActions.size,
      remaining: c.remaining,
      unchecked: c.unchecked
    };
  }
};
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
  TotalsCounter,
  buildReport
};
