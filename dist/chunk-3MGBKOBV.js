import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseOptions
} from "./chunk-MRP5RKTU.js";
import {
  EXIT
} from "./chunk-WVAMR6CT.js";
import {
  parseFindings,
  readJsonFile
} from "./chunk-X7BF223F.js";
import {
  QUOTAS,
  describeRefinement,
  refinePolicy
} from "./chunk-VXH57YIK.js";
import {
  combineFindings,
  selectPrincipals
} from "./chunk-KQJYSLP4.js";
import {
  parseCatalog
} from "./chunk-LF3BJJ7O.js";
import {
  ConfigurationError
} from "./chunk-7VWP2DJO.js";

// src/findings/load.ts
async function loadFindingsFiles(paths) {
  const parsed = [];
  for (const path of paths)
    parsed.push(parseFindings(await readJsonFile(path, "findings file"), path));
  return combineFindings(parsed);
}

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
  if (file === void 0) return (await import("./bundled-catalog-GKMFA3J2.js")).bundledCatalog();
  return parseCatalog(await readJsonFile(file, "catalog"), file);
}

export {
  loadFindingsFiles,
  REFINE_USAGE,
  refineCommand,
  loadCatalog
};
