import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  EMPTY_CONFIG,
  agreementLine,
  parseConfig
} from "./chunk-SYRK4TRT.mjs";
import {
  visible
} from "./chunk-LQBJJJ4V.mjs";
import {
  ConfigurationError
} from "./chunk-SYRML5ZZ.mjs";

// src/report/gate.ts
var FAIL_ON = ["unused-or-unchecked", "unused", "never"];
function gateFailure(report, failOn, option) {
  const { errors, remaining, unusedActions, unchecked } = report.totals;
  if (errors > 0) {
    return "An internal guarantee of iam-refine failed for a policy; nothing was suggested for it. This is a bug; please report it.";
  }
  if (failOn === "never") return void 0;
  const reasons = [];
  if (remaining > 0) {
    reasons.push(
      `${remaining} ${remaining === 1 ? "policy" : "policies"} ${remaining === 1 ? "keeps" : "keep"} ${unusedActions} unused ${unusedActions === 1 ? "action" : "actions"}`
    );
  }
  if (failOn === "unused-or-unchecked" && unchecked > 0) {
    reasons.push(
      `${unchecked} ${unchecked === 1 ? "policy or file" : "policies or files"} could not be checked`
    );
  }
  if (reasons.length === 0) return void 0;
  return `${reasons.join("; ")}: see the report (${option}: ${failOn}; \`never\` only reports).`;
}

// src/io/config-file.ts
import { constants } from "node:fs";
import { lstat, open, realpath } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
var MAX_CONFIG_BYTES = 256 * 1024;
async function readConfigFile(request) {
  const { label } = request;
  const fail = (why) => {
    throw new ConfigurationError(`${label}: ${why}`);
  };
  const path = isAbsolute(request.file) ? request.file : join(request.root, request.file);
  let real;
  try {
    real = await realpath(path);
  } catch (error) {
    if (code(error) !== "ENOENT") return fail(`cannot be read (${describe(error)})`);
    if (await isLink(path)) return fail("is a symbolic link to nothing");
    if (request.optional) return EMPTY_CONFIG;
    return fail("no such file");
  }
  if (request.within !== void 0) {
    const inside = await realpath(request.within);
    const rel = relative(inside, real);
    if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      fail("resolves to a file outside the workspace; the configuration must be a file in it");
    }
  }
  let text;
  let handle;
  try {
    handle = await open(
      real,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
    );
  } catch (error) {
    return fail(`cannot be read (${describe(error)})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) fail(`is ${kindOf(info)}, not a regular file`);
    if (info.size > MAX_CONFIG_BYTES) {
      fail(`is ${info.size} bytes, over the ${MAX_CONFIG_BYTES}-byte limit for a configuration`);
    }
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let size = 0;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, size, buffer.length - size, size);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > MAX_CONFIG_BYTES) {
        fail(`grew over the ${MAX_CONFIG_BYTES}-byte limit for a configuration while being read`);
      }
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(0, size));
    } catch {
      return fail("is not UTF-8 text");
    }
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    return fail(`cannot be read (${describe(error)})`);
  } finally {
    await handle.close();
  }
  return parseConfig(text, request.file);
}
async function isLink(path) {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}
function kindOf(info) {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isSocket()) return "a socket";
  return "not a file";
}
function code(error) {
  return error.code;
}
function describe(error) {
  const c = code(error);
  if (c === "EACCES" || c === "EPERM") return "permission denied";
  if (c === "ELOOP") return "a loop of symbolic links";
  if (c === "ENOTDIR") return "a folder on its path is a file";
  return c ?? String(error);
}

// src/report/diff.ts
function unifiedDiff(file, before, edits, context = 3) {
  if (edits.length === 0) return "";
  const oldLines = splitLines(before);
  const starts = lineStarts(before);
  const lineOf = (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const blocks = [];
  for (const e of sorted) {
    const first = lineOf(e.start);
    const last = e.end > e.start ? lineOf(e.end - 1) : first;
    const prev = blocks[blocks.length - 1];
    if (prev && first <= prev.last + 1) {
      prev.last = Math.max(prev.last, last);
      prev.edits.push(e);
    } else blocks.push({ first, last, edits: [e] });
  }
  const changes = blocks.map((b) => {
    const from = starts[b.first];
    const to = b.last + 1 < starts.length ? starts[b.last + 1] : before.length;
    let text = "";
    let at = from;
    for (const e of b.edits) {
      text += before.slice(at, e.start) + e.text;
      at = e.end;
    }
    text += before.slice(at, to);
    return { first: b.first, last: b.last, added: splitLines(text) };
  });
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let shift = 0;
  let i = 0;
  while (i < changes.length) {
    let j = i;
    while (j + 1 < changes.length && changes[j + 1]?.first - changes[j]?.last - 1 <= 2 * context) {
      j++;
    }
    const first = changes[i];
    const last = changes[j];
    const start = Math.max(0, first.first - context);
    const end = Math.min(oldLines.length - 1, last.last + context);
    const body = [];
    let oldCount = 0;
    let newCount = 0;
    let line = start;
    const hunkShift = shift;
    for (let k = i; k <= j; k++) {
      const c = changes[k];
      for (; line < c.first; line++) {
        body.push(` ${oldLines[line]}`);
        oldCount++;
        newCount++;
      }
      for (let l = c.first; l <= c.last; l++) body.push(`-${oldLines[l]}`);
      for (const a of c.added) body.push(`+${a}`);
      oldCount += c.last - c.first + 1;
      newCount += c.added.length;
      shift += c.added.length - (c.last - c.first + 1);
      line = c.last + 1;
    }
    for (; line <= end; line++) {
      body.push(` ${oldLines[line]}`);
      oldCount++;
      newCount++;
    }
    const oldStart = oldCount === 0 ? start : start + 1;
    const newStart = newCount === 0 ? start + hunkShift : start + hunkShift + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...body);
    i = j + 1;
  }
  return `${out.map(markMissingNewline).join("\n")}
`;
}
var NO_NEWLINE = "\0";
function splitLines(text) {
  if (text === "") return [];
  const parts = text.split("\n");
  const complete = parts[parts.length - 1] === "";
  if (complete) parts.pop();
  const lines = parts.map((p) => p.endsWith("\r") ? p.slice(0, -1) : p);
  if (!complete) lines[lines.length - 1] += NO_NEWLINE;
  return lines;
}
function markMissingNewline(line) {
  return line.endsWith(NO_NEWLINE) ? `${line.slice(0, -1)}
\\ No newline at end of file` : line;
}
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0 && i + 1 < text.length; i = text.indexOf("\n", i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

// src/report/sarif.ts
var MAX_MESSAGE_CHARACTERS = 4e3;
function sarifText(message) {
  return visible(message, MAX_MESSAGE_CHARACTERS).replace(/[\\[\]]/g, (c) => `\\${c}`);
}
var RULES = [
  rule(
    "unused-actions",
    "UnusedActions",
    "warning",
    "A statement allows actions its principal has not used",
    "IAM Access Analyzer reports actions that the role or user this policy belongs to has not used. The fix removes them, or replaces a wildcard by narrower ones that exclude them and keep every used action."
  ),
  rule(
    "unused-statement",
    "UnusedStatement",
    "warning",
    "A statement allows only unused actions",
    "Every action the statement allows is unused; the fix removes the statement."
  ),
  rule(
    "unused-policy",
    "UnusedPolicy",
    "warning",
    "A policy allows only unused actions",
    "No statement of the policy is used: detach the policy from its principals or delete it rather than keep an empty policy."
  ),
  rule(
    "unmapped-policy",
    "UnmappedPolicy",
    "note",
    "A policy could not be matched to a role or user",
    "Add the file to the principals of .github/iam-refine.yml, or name the stack of a template in its stacks, so that iam-refine knows whose findings apply."
  ),
  rule(
    "unreadable-file",
    "UnreadableFile",
    "note",
    "A policy or template file could not be read",
    "The file looks like an IAM policy or a CloudFormation template but is malformed, too large or too deeply nested."
  )
];
function rule(id, name, level, short, full) {
  return {
    id,
    name,
    shortDescription: { text: short },
    fullDescription: { text: full },
    defaultConfiguration: { level },
    help: { text: full }
  };
}
function toSarif(report, toolVersion) {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "iam-refine",
            ...toolVersion ? { version: toolVersion } : {},
            rules: RULES
          }
        },
        results: report.files.flatMap(sarifResults)
      }
    ]
  };
}
function sarifResults(file) {
  const uri = toUri(file.file);
  if (file.status !== "policies") {
    const line = file.line ?? 1;
    const column = file.column ?? 1;
    return [
      result("unreadable-file", `${file.file} ${file.message ?? "could not be read"}`, uri, {
        startLine: line,
        startColumn: column,
        endLine: line,
        endColumn: column
      })
    ];
  }
  const results = [];
  for (const policy of file.policies) {
    const agreement = policy.awsAgreement;
    const properties = agreement ? { awsAgreement: agreement.verdict, awsAgreementSummary: agreementLine(agreement) } : void 0;
    for (const r of policyResults(policy, uri)) results.push(properties ? { ...r, properties } : r);
  }
  return results;
}
function policyResults(policy, uri) {
  const where = policy.pointer ? ` (${policy.pointer})` : "";
  const whose = policy.principals.length > 0 ? ` for ${policy.principals.join(" and ")}` : "";
  if (policy.status === "unmapped") {
    return [
      result(
        "unmapped-policy",
        `Policy${where} is not refined: ${policy.reason ?? "no principal"}`,
        uri,
        region(policy.range)
      )
    ];
  }
  if (policy.status === "unused-policy") {
    return [
      result(
        "unused-policy",
        `Policy${where} allows only unused actions${whose}: ${policy.reason ?? ""}`,
        uri,
        region(policy.range)
      )
    ];
  }
  if (policy.status !== "refined" && policy.status !== "fixed" && policy.status !== "not-editable") {
    return [];
  }
  const out = [];
  for (const s of policy.statements) {
    if (s.status !== "refined" && s.status !== "removed") continue;
    const removed = s.status === "removed";
    const label = s.sid !== void 0 ? `Statement "${s.sid}"` : `Statement #${s.index + 1}`;
    let text = `${label}${where}${whose}: ${s.reasons.join("; ")}`;
    if (policy.status === "not-editable") text += ` (no fix: ${policy.reason ?? "not editable"})`;
    const edits = policy.status === "refined" ? policy.edits.filter((e) => e.statement === s.index) : [];
    out.push(
      result(
        removed ? "unused-statement" : "unused-actions",
        text,
        uri,
        region(removed ? s.range : s.actionRange ?? s.range),
        edits.length > 0 ? fixOf(s, edits, uri) : void 0
      )
    );
  }
  return out;
}
function fixOf(s, edits, uri) {
  return [
    {
      description: {
        text: s.status === "removed" ? "Remove the unused statement" : "Remove the unused actions"
      },
      artifactChanges: [
        {
          artifactLocation: { uri },
          replacements: edits.map((e) => ({
            deletedRegion: region(e.range),
            insertedContent: { text: e.text }
          }))
        }
      ]
    }
  ];
}
function result(id, text, uri, where, fixes) {
  const ruleIndex = RULES.findIndex((r) => r.id === id);
  return {
    ruleId: id,
    ruleIndex,
    level: RULES[ruleIndex]?.defaultConfiguration.level ?? "warning",
    message: { text: sarifText(text) },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: where } }],
    ...fixes ? { fixes } : {}
  };
}
function region(r) {
  return {
    startLine: r.startLine,
    startColumn: r.startColumn,
    endLine: r.endLine,
    endColumn: r.endColumn
  };
}
function toUri(file) {
  return file.replace(/\\/g, "/").replace(/^\.\//, "").split("/").map(encodeURIComponent).join("/");
}

export {
  FAIL_ON,
  gateFailure,
  readConfigFile,
  toSarif,
  sarifResults,
  unifiedDiff
};
