import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  FAIL_ON,
  gateFailure,
  readConfigFile,
  sarifResults,
  toSarif,
  unifiedDiff
} from "./chunk-LBY47CHX.mjs";
import {
  TotalsCounter,
  hasUnused
} from "./chunk-OGRZKBIY.mjs";
import {
  EMPTY_CONFIG,
  NOT_A_FORMAT,
  QUOTAS,
  agreementDetails,
  agreementLine,
  describeRefinement,
  mayHoldPolicies,
  refinePolicy,
  refineTreeFiles,
  writeFileAtomically
} from "./chunk-SYRK4TRT.mjs";
import "./chunk-LQBJJJ4V.mjs";
import {
  EXIT,
  guarded,
  parseOptions
} from "./chunk-RBDZV54H.mjs";
import {
  parseFindings,
  readJsonFile
} from "./chunk-MBW5WFYS.mjs";
import {
  combineFindings,
  selectPrincipals
} from "./chunk-2C3UKXPJ.mjs";
import {
  generatedCatalog,
  parseCatalog
} from "./chunk-EDNVQGKR.mjs";
import "./chunk-ZS2NZTCM.mjs";
import "./chunk-GO6UHQG7.mjs";
import {
  ConfigurationError
} from "./chunk-SYRML5ZZ.mjs";
import "./chunk-NNKK245H.mjs";

// src/commands/check.ts
import { access, lstat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

// src/findings/load.ts
async function loadFindingsFiles(paths) {
  const parsed = [];
  for (const path of paths)
    parsed.push(parseFindings(await readJsonFile(path, "findings file"), path));
  return combineFindings(parsed);
}

// src/report/json-stream.ts
var INDENT = "  ";
function jsonAt(value, depth) {
  return JSON.stringify(value, null, 2).replace(/\n/g, `
${INDENT.repeat(depth)}`);
}
function members(object, depth) {
  return Object.entries(object).filter(([, value]) => value !== void 0).map(([key, value]) => `${INDENT.repeat(depth)}${JSON.stringify(key)}: ${jsonAt(value, depth)}`);
}
var StreamedArray = class {
  constructor(depth) {
    this.depth = depth;
  }
  depth;
  written = 0;
  item(value) {
    const separator = this.written++ === 0 ? "" : ",";
    return `${separator}
${INDENT.repeat(this.depth)}${jsonAt(value, this.depth)}`;
  }
  close() {
    return this.written === 0 ? "]" : `
${INDENT.repeat(this.depth - 1)}]`;
  }
};
var JsonReportStream = class {
  constructor(meta) {
    this.meta = meta;
  }
  meta;
  files = new StreamedArray(2);
  /** Everything before the first file report. */
  begin() {
    const head = {
      version: 1,
      tool: "iam-refine",
      catalog: this.meta.catalog,
      fixed: this.meta.fixed
    };
    return `{
${members(head, 1).map((m) => `${m},
`).join("")}${INDENT}"files": [`;
  }
  file(report) {
    return this.files.item(report);
  }
  /** The rest, once the totals of every file are known; the line break the command prints. */
  end(totals) {
    const tail = members({ notes: this.meta.notes, totals }, 1);
    return `${this.files.close()},
${tail.join(",\n")}
}
`;
  }
};
var SarifStream = class {
  constructor(toolVersion) {
    this.toolVersion = toolVersion;
  }
  toolVersion;
  results = new StreamedArray(4);
  /** Everything before the first result: the log of no file, up to its `results`. */
  begin() {
    const empty = toSarif({ files: [] }, this.toolVersion);
    const { results: _results, ...run } = empty.runs[0];
    const head = members({ $schema: empty.$schema, version: empty.version }, 1);
    return `{
${head.map((m) => `${m},
`).join("")}${INDENT}"runs": [
${INDENT.repeat(2)}{
${members(run, 3).map((m) => `${m},
`).join("")}${INDENT.repeat(3)}"results": [`;
  }
  file(report) {
    return sarifResults(report).map((r) => this.results.item(r)).join("");
  }
  /** The rest; the line break the command prints. */
  end() {
    return `${this.results.close()}
${INDENT.repeat(2)}}
${INDENT}]
}
`;
  }
};

// src/commands/refine.ts
var REFINE_USAGE = "usage: iam-refine refine POLICY.json --findings FILE... [--principal ARN]... [--catalog FILE]";
var refineCommand = async (args, io) => {
  const { values, positionals } = parseOptions(
    args,
    {
      findings: { type: "string", multiple: true },
      principal: { type: "string", multiple: true },
      catalog: { type: "string" }
    },
    REFINE_USAGE
  );
  const findingsFiles = [
    ...values.findings ?? [],
    ...positionals.slice(1)
  ];
  if (positionals.length === 0)
    throw new ConfigurationError(`name the policy file
${REFINE_USAGE}`);
  if (findingsFiles.length === 0)
    throw new ConfigurationError(`name at least one --findings file
${REFINE_USAGE}`);
  const policyFile = positionals[0];
  const policy = await readJsonFile(policyFile, "policy");
  const catalog = await loadCatalog(values.catalog);
  const findings = await loadFindingsFiles(findingsFiles);
  const { principals, warnings } = selectPrincipals(
    findings,
    values.principal ?? []
  );
  let result;
  try {
    result = refinePolicy(policy, { catalog, principals, quota: QUOTAS.managed });
  } catch (error) {
    if (error instanceof ConfigurationError)
      throw new ConfigurationError(`${policyFile}: ${error.message}`);
    throw error;
  }
  io.out(`${JSON.stringify(result.document, null, 2)}
`);
  for (const line of [
    ...findings.notes,
    ...warnings,
    ...describeRefinement(result),
    ...result.warnings
  ]) {
    io.err(`${line}
`);
  }
  return EXIT.ok;
};
async function loadCatalog(file) {
  if (file === void 0) return generatedCatalog(await import("./catalog-data.mjs"));
  return parseCatalog(await readJsonFile(file, "catalog"), file);
}
var main = guarded(refineCommand);

// src/commands/check.ts
var CHECK_USAGE = "usage: iam-refine check [PATH...] --findings FILE... [--config FILE] [--catalog FILE] [--fix]\n                        [--format text|json|sarif|markdown] [--link-base URL]\n                        [--principal ARN]... [--verify-with-aws]\n                        [--fail-on unused-or-unchecked|unused|never] [--require-aws-agreement]";
var FORMATS = ["text", "json", "sarif", "markdown"];
var WORKERS_ENV = "IAM_REFINE_WORKERS";
var MAX_FORCED_WORKERS = 16;
function workersOf(value) {
  if (value === void 0 || value === "") return "auto";
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > MAX_FORCED_WORKERS) {
    throw new ConfigurationError(
      `${WORKERS_ENV} must be a whole number from 0 to ${MAX_FORCED_WORKERS}, not "${value}"`
    );
  }
  return n;
}
var DEFAULT_CONFIG = join(".github", "iam-refine.yml");
var checkCommand = async (args, io) => {
  const { values, positionals } = parseOptions(
    args,
    {
      findings: { type: "string", multiple: true },
      config: { type: "string" },
      catalog: { type: "string" },
      fix: { type: "boolean" },
      format: { type: "string" },
      "link-base": { type: "string" },
      principal: { type: "string", multiple: true },
      "verify-with-aws": { type: "boolean" },
      "fail-on": { type: "string" },
      "require-aws-agreement": { type: "boolean" }
    },
    CHECK_USAGE
  );
  const failOn = values["fail-on"] ?? "unused-or-unchecked";
  if (!FAIL_ON.includes(failOn)) {
    throw new ConfigurationError(
      `--fail-on must be ${FAIL_ON.join(", ")}, not "${failOn}"
${CHECK_USAGE}`
    );
  }
  const format = values.format ?? "text";
  if (!FORMATS.includes(format)) {
    throw new ConfigurationError(
      `--format must be text, json, sarif or markdown, not "${format}"
${CHECK_USAGE}`
    );
  }
  const linkBase = values["link-base"];
  if (linkBase !== void 0 && (format !== "markdown" || !/^https?:\/\/\S+$/.test(linkBase))) {
    throw new ConfigurationError(
      `--link-base takes an http(s) address and goes with --format markdown
${CHECK_USAGE}`
    );
  }
  const findingsFiles = values.findings ?? [];
  if (findingsFiles.length === 0) {
    throw new ConfigurationError(`name at least one --findings file
${CHECK_USAGE}`);
  }
  const fix = values.fix === true;
  const fallback = values.principal ?? [];
  const paths = positionals.length > 0 ? positionals : ["."];
  const { config, root } = await loadConfig(values.config, paths);
  const catalog = await loadCatalog(values.catalog);
  const findings = await loadFindingsFiles(findingsFiles);
  if (findings.byPrincipal.has("") && fallback.length === 0) {
    throw new ConfigurationError(
      "a per-principal findings list names no principal: say whose it is with --principal ARN"
    );
  }
  const recommendations = findings.recommendations ?? /* @__PURE__ */ new Map();
  const requireAgreement = values["require-aws-agreement"] === true;
  if (requireAgreement && recommendations.size === 0) {
    throw new ConfigurationError(
      "--require-aws-agreement needs IAM Access Analyzer recommendations: give findings written by `iam-refine findings export`, or a saved `aws accessanalyzer get-finding-recommendation` response, with --findings"
    );
  }
  const prove = values["verify-with-aws"] === true ? (await import("./verify-ISUK4LSN.mjs")).awsRefinementVerifier(
    (await import("./access-analyzer-FHEHVSHS.mjs")).createAccessAnalyzerClient()
  ) : void 0;
  const files = refineTreeFiles({
    paths,
    root,
    config,
    catalog,
    findings,
    fallbackPrincipals: fallback,
    ...recommendations.size > 0 ? { agreement: { recommendations, required: requireAgreement } } : {},
    ...prove ? { prove } : {},
    ...io.parserFiles ? { parserFiles: io.parserFiles } : {},
    workers: workersOf(process.env[WORKERS_ENV]),
    onWithheld: (file, p, reason) => io.err(`${file}: ${p.location.pointer || "policy"}: ${reason}
`)
  });
  const totals = new TotalsCounter();
  const swept = [];
  const json = format === "json" ? new JsonReportStream({
    catalog: {
      source: catalog.source,
      ...catalog.updatedAt ? { updatedAt: catalog.updatedAt } : {}
    },
    fixed: fix,
    notes: findings.notes
  }) : void 0;
  const sarif = format === "sarif" ? new SarifStream() : void 0;
  const text = format === "text";
  if (json) io.out(json.begin());
  if (sarif) io.out(sarif.begin());
  let namedProblems = 0;
  let defects = 0;
  for await (const file of files) {
    defects += file.defects;
    if (!file.report) {
      if (text) {
        io.out(
          mayHoldPolicies(file.path) ? `${file.path}: holds no policy iam-refine reads
` : `${file.path}: skipped: it ${NOT_A_FORMAT}
`
        );
      }
      namedProblems++;
      continue;
    }
    let report2 = file.report;
    if (file.explicit && report2.status !== "policies") namedProblems++;
    const diff = text && file.text !== void 0 && report2.edits.length > 0 ? unifiedDiff(file.path, file.text, report2.edits) : "";
    if (fix && file.fixedText !== void 0) {
      await writeFileAtomically(file.path, file.fixedText);
      report2 = markFixed(report2);
    }
    totals.add(report2);
    if (json) io.out(json.file(report2));
    else if (sarif) io.out(sarif.file(report2));
    else if (text) {
      const section = fileSection(report2, diff);
      if (section !== "") io.out(`${section}
`);
    } else swept.push({ path: file.rel, report: report2 });
  }
  const report = { totals: totals.totals() };
  for (const note of findings.notes) io.err(`${note}
`);
  if (json) io.out(json.end(report.totals));
  else if (sarif) io.out(sarif.end());
  else if (text) io.out(`${summary(report.totals)}
`);
  else {
    const { renderSweepBody } = await import("./sweep-body-7H7HBC7Z.mjs");
    io.out(
      renderSweepBody({
        files: swept,
        findings: findings.byPrincipal,
        verifiedWithAws: prove !== void 0,
        ...linkBase === void 0 ? {} : { linkBase }
      })
    );
  }
  if (report.totals.errors > 0 || defects > 0) return EXIT.bug;
  if (namedProblems > 0) {
    io.err(
      `iam-refine: ${namedProblems} of the files named on the command line could not be checked (see above)
`
    );
    return EXIT.usage;
  }
  return gateFailure(report, failOn, "--fail-on") === void 0 ? EXIT.ok : EXIT.unused;
};
async function loadConfig(file, paths) {
  if (file !== void 0) {
    return {
      config: await readConfigFile({ file, root: ".", optional: false, label: file }),
      root: rootOf(file)
    };
  }
  const only = paths.length === 1 ? paths[0] : void 0;
  const candidates = only !== void 0 ? [join(only, DEFAULT_CONFIG), DEFAULT_CONFIG] : [DEFAULT_CONFIG];
  for (const candidate of candidates) {
    if (await present(candidate)) {
      const root = rootOf(candidate);
      const config = await readConfigFile({
        file: candidate,
        root: ".",
        within: root,
        optional: false,
        label: candidate
      });
      return { config, root };
    }
  }
  return { config: EMPTY_CONFIG, root: only !== void 0 && await isFolder(only) ? only : "." };
}
function rootOf(configFile) {
  const dir = dirname(configFile);
  return basename(dir) === ".github" ? dirname(dir) : dir;
}
async function present(path) {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
async function exists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
async function isFolder(path) {
  return exists(join(path, "."));
}
function markFixed(report) {
  return {
    ...report,
    policies: report.policies.map(
      (p) => p.status === "refined" ? { ...p, status: "fixed" } : p
    )
  };
}
function fileSection(file, diff) {
  const out = [];
  if (diff !== "") out.push(diff.trimEnd());
  if (file.status !== "policies") {
    const at = file.line !== void 0 ? `:${file.line}:${file.column ?? 1}` : "";
    const what = file.status === "malformed" ? "malformed, skipped" : "skipped";
    out.push(`${file.file}${at}: ${what}: it ${file.message ?? "could not be read"}`);
    return out.join("\n");
  }
  for (const p of file.policies) out.push(...policyLines(file.file, p));
  for (const n of file.notes) {
    const mark = n.unchecked ? "not checked: " : "";
    out.push(`${n.file}:${n.line}: ${n.pointer ? `${n.pointer}: ` : ""}${mark}${n.message}`);
  }
  return out.join("\n");
}
function policyLines(file, p) {
  const branch = p.branches && p.branches.length > 0 ? ` (when ${p.branches.map((b) => `${b.condition} is ${b.value}`).join(" and ")})` : "";
  const where = `${file}:${p.range.startLine}: ${p.pointer ? `${p.pointer}${branch}: ` : ""}`;
  const whose = p.principals.length > 0 ? ` (${p.principals.join(", ")})` : "";
  switch (p.status) {
    case "unmapped":
      return [`${where}not refined, no principal: ${p.reason ?? ""}`];
    case "invalid":
      return [`${where}not a policy the engine can read: ${p.reason ?? ""}`];
    case "error":
      return [`${where}${p.reason ?? "an internal guarantee failed"}`];
    case "unchecked":
      return [`${where}not checked${whose}: ${p.reason ?? ""}`];
    default:
  }
  const lines = [];
  if (p.status !== "unchanged") {
    lines.push(
      p.status === "unused-policy" ? `${where}every action is unused${whose}: ${p.reason ?? "detach the policy or delete it"}` : p.status === "not-editable" ? `${where}unused permissions${whose}, reported without a fix: ${p.reason ?? ""}` : `${where}${p.status === "fixed" ? "fixed" : "unused permissions"}${whose}`
    );
  }
  const notRefined = [];
  for (const s of p.statements) {
    const label = s.sid !== void 0 ? `Statement "${s.sid}"` : `Statement #${s.index + 1}`;
    if (hasUnused(p.status)) for (const r of s.reasons) lines.push(`  ${label}: ${r}`);
    if (s.status === "not-refined" && s.note !== void 0 && !s.note.startsWith("is a Deny")) {
      notRefined.push(`  ${label}: ${s.unreadable ? "not checked" : "not refined"}: ${s.note}`);
    }
  }
  if (notRefined.length > 0 && lines.length === 0) lines.push(`${where}found${whose}`);
  lines.push(...notRefined);
  if (p.awsAgreement) {
    lines.push(`  IAM Access Analyzer: ${agreementLine(p.awsAgreement)}`);
    const details = agreementDetails(p.awsAgreement);
    if (details.length > 2) for (const d of details) lines.push(`    ${d}`);
  }
  for (const w of p.warnings) lines.push(`  note: ${w}`);
  if (lines.length > 0 && p.status === "unchanged" && notRefined.length === 0) return [];
  return lines;
}
function summary(t) {
  const parts = [
    `${t.policies} ${t.policies === 1 ? "policy" : "policies"} in ${t.files} ${t.files === 1 ? "file" : "files"}`
  ];
  parts.push(`${t.withUnused} with unused permissions${t.fixed > 0 ? ` (${t.fixed} fixed)` : ""}`);
  if (t.unusedPolicies > 0) parts.push(`${t.unusedPolicies} wholly unused`);
  if (t.notEditable > 0) parts.push(`${t.notEditable} without a fix`);
  if (t.unmapped > 0) parts.push(`${t.unmapped} unmapped`);
  if (t.invalid > 0) parts.push(`${t.invalid} not readable as a policy`);
  if (t.malformedFiles > 0)
    parts.push(`${t.malformedFiles} malformed ${t.malformedFiles === 1 ? "file" : "files"}`);
  if (t.skippedFiles > 0)
    parts.push(`${t.skippedFiles} skipped ${t.skippedFiles === 1 ? "file" : "files"}`);
  if (t.unchecked > 0) parts.push(`${t.unchecked} not checked`);
  return `iam-refine: ${parts.join(", ")}`;
}
var main2 = guarded(checkCommand);
export {
  CHECK_USAGE,
  WORKERS_ENV,
  checkCommand,
  main2 as main
};
