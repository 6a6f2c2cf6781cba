import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

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
  uncheckedItems,
  hasUnused,
  TotalsCounter,
  buildReport
};
