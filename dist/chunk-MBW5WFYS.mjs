import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_FILE_BYTES,
  isRecord,
  jsonSyntaxError,
  parseJsonText
} from "./chunk-EDNVQGKR.mjs";
import {
  ConfigurationError
} from "./chunk-SYRML5ZZ.mjs";
import {
  __require
} from "./chunk-NNKK245H.mjs";

// src/findings/parse-recommendation.ts
var RECOMMENDATION_KEY = "findingRecommendation";
var MAX_RECOMMENDED_STEPS = 1e3;
var MAX_RECOMMENDED_POLICY_CHARS = 131072;
var MAX_POLICY_NESTING = 32;
var MAX_POLICY_ID_CHARS = 2048;
var MAX_ERROR_CODE_CHARS = 256;
var MAX_ERROR_MESSAGE_CHARS = 2048;
var STATUSES = ["SUCCEEDED", "IN_PROGRESS", "FAILED"];
var ACTIONS = ["CREATE_POLICY", "DETACH_POLICY"];
var RECOMMENDATION_TYPE = "UnusedPermissionRecommendation";
var PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/;
var TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;
var ACTION_PATTERN = /^(\*|[A-Za-z0-9-]{1,64}:[A-Za-z0-9*?_-]{1,192})$/;
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
function isRecommendationResponse(value) {
  return isRecord(value) && !("findingType" in value) && "resourceArn" in value && ("recommendationType" in value || "recommendedSteps" in value);
}
function readRecommendation(value, path, fail, source, resource) {
  const at = (key) => path ? `${path}.${key}` : key;
  if (!isRecord(value)) return fail(path, "a GetFindingRecommendation response must be an object");
  const principal = value.resourceArn;
  if (typeof principal !== "string" || !PRINCIPAL_ARN.test(principal)) {
    return fail(at("resourceArn"), "must be the ARN of the role or user the recommendation is for");
  }
  if (resource !== void 0 && principal !== resource) {
    return fail(at("resourceArn"), `is ${principal}, not the finding's resource ${resource}`);
  }
  if (value.recommendationType !== RECOMMENDATION_TYPE) {
    return fail(at("recommendationType"), `must be "${RECOMMENDATION_TYPE}"`);
  }
  const status = value.status;
  if (typeof status !== "string" || !STATUSES.includes(status)) {
    return fail(at("status"), `must be one of ${STATUSES.join(", ")}`);
  }
  const startedAt = timestamp(value.startedAt, at("startedAt"), fail, true);
  const completedAt = timestamp(value.completedAt, at("completedAt"), fail, false);
  if (value.nextToken !== void 0 && value.nextToken !== null) {
    return fail(
      at("nextToken"),
      "is set, so this is one page of the recommendation: save the whole response (without --max-items or --no-paginate)"
    );
  }
  const error = readError(value.error, at("error"), fail);
  const steps = readSteps(value.recommendedSteps, at("recommendedSteps"), fail);
  if (status === "IN_PROGRESS") {
    return {
      principal,
      status: "unavailable",
      reason: `IAM Access Analyzer was still generating the recommendation (started ${startedAt})`,
      source
    };
  }
  if (status === "FAILED") {
    return {
      principal,
      status: "unavailable",
      reason: "IAM Access Analyzer could not generate the recommendation" + (error ? ` (${error.code}: ${error.message})` : ""),
      source
    };
  }
  return {
    principal,
    status: "available",
    steps,
    startedAt,
    ...completedAt === void 0 ? {} : { completedAt },
    source
  };
}
function readError(value, path, fail) {
  if (value === void 0 || value === null) return void 0;
  if (!isRecord(value)) return fail(path, 'must be {"code": "...", "message": "..."}');
  const code = boundedText(value.code, `${path}.code`, MAX_ERROR_CODE_CHARS, fail);
  const message = boundedText(value.message, `${path}.message`, MAX_ERROR_MESSAGE_CHARS, fail);
  return { code, message };
}
function readSteps(value, path, fail) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) return fail(path, "must be a list");
  if (value.length > MAX_RECOMMENDED_STEPS) {
    return fail(path, `holds ${value.length} steps, more than ${MAX_RECOMMENDED_STEPS}`);
  }
  return value.map((item, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(item)) return fail(at, "a recommended step must be an object");
    const keys = Object.keys(item);
    if (keys.length !== 1 || !isRecord(item.unusedPermissionsRecommendedStep)) {
      return fail(at, 'must hold exactly one "unusedPermissionsRecommendedStep"');
    }
    return readStep(
      item.unusedPermissionsRecommendedStep,
      `${at}.unusedPermissionsRecommendedStep`,
      fail
    );
  });
}
function readStep(step, path, fail) {
  const action = step.recommendedAction;
  if (typeof action !== "string" || !ACTIONS.includes(action)) {
    return fail(`${path}.recommendedAction`, `must be ${ACTIONS.join(" or ")}`);
  }
  const id = step.existingPolicyId === void 0 || step.existingPolicyId === null ? void 0 : boundedText(step.existingPolicyId, `${path}.existingPolicyId`, MAX_POLICY_ID_CHARS, fail);
  const updated = timestamp(step.policyUpdatedAt, `${path}.policyUpdatedAt`, fail, false);
  const out = {
    action
  };
  if (id !== void 0) out.existingPolicyId = id;
  if (updated !== void 0) out.policyUpdatedAt = updated;
  if (action === "DETACH_POLICY") {
    if (id === void 0) return fail(path, "a DETACH_POLICY step must name its existingPolicyId");
    return out;
  }
  if (typeof step.recommendedPolicy !== "string") {
    return fail(
      `${path}.recommendedPolicy`,
      "a CREATE_POLICY step must hold the policy as a JSON string"
    );
  }
  out.recommendedPolicy = readPolicy(step.recommendedPolicy, `${path}.recommendedPolicy`, fail);
  return out;
}
function readPolicy(text, path, fail) {
  if (text.length > MAX_RECOMMENDED_POLICY_CHARS) {
    return fail(
      path,
      `is ${text.length} characters, over the ${MAX_RECOMMENDED_POLICY_CHARS}-character limit`
    );
  }
  if (nesting(text) > MAX_POLICY_NESTING) {
    return fail(path, `nests deeper than ${MAX_POLICY_NESTING} levels; not a policy`);
  }
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    return fail(path, "is not valid JSON");
  }
  if (!isRecord(document)) return fail(path, "must be a policy document (a JSON object)");
  const statement = document.Statement;
  const statements = Array.isArray(statement) ? statement : isRecord(statement) ? [statement] : void 0;
  if (statements === void 0) return fail(path, 'has no "Statement" list or object');
  statements.forEach((s, i) => {
    const at = `${path}: Statement[${i}]`;
    if (!isRecord(s)) return fail(at, "must be an object");
    if (s.Effect !== "Allow" && s.Effect !== "Deny")
      return fail(`${at}.Effect`, "must be Allow or Deny");
    if (!("Action" in s) && !("NotAction" in s)) return fail(at, "has neither Action nor NotAction");
    for (const key of ["Action", "NotAction"]) {
      if (!(key in s)) continue;
      const value = s[key];
      const entries = typeof value === "string" ? [value] : value;
      if (!Array.isArray(entries))
        return fail(`${at}.${key}`, "must be a string or a list of strings");
      entries.forEach((entry, j) => {
        if (typeof entry !== "string" || !ACTION_PATTERN.test(entry)) {
          fail(`${at}.${key}[${j}]`, 'is not an action name or pattern such as "s3:Get*"');
        }
      });
    }
    return void 0;
  });
  return document;
}
function nesting(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) deepest = Math.max(deepest, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}
function timestamp(value, path, fail, required) {
  if (value === void 0 || value === null) {
    return required ? fail(path, 'must be a time stamp such as "2024-06-10T08:00:00Z"') : void 0;
  }
  if (typeof value !== "string" || !TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) {
    return fail(path, 'must be a time stamp such as "2024-06-10T08:00:00Z"');
  }
  return value;
}
function boundedText(value, path, max, fail) {
  if (typeof value !== "string" || value === "") return fail(path, "must be a non-empty string");
  if (value.length > max) return fail(path, `is ${value.length} characters, more than ${max}`);
  if (CONTROL.test(value)) return fail(path, "holds control characters");
  return value;
}

// src/findings/parse.ts
var SERVICE = /^[a-z0-9-]{1,64}$/i;
var ACTION = /^[A-Za-z0-9_-]{1,128}$/;
var FINDING_FIELDS = {
  /** Access Analyzer finding ids are UUIDs; last-accessed exports use `last-accessed:<ARN>`. */
  id: /^[A-Za-z0-9][\w.:/+=,@-]{0,700}$/,
  /** An IAM role or user: optional path of printable ASCII, then a name (IAM's own rules). */
  resource: /^arn:aws[a-z-]{0,16}:iam::\d{12}:(role|user)\/(?:[\x21-\x7e]{0,510}\/)?[\w+=,.@-]{1,128}$/,
  /** ISO 8601 as Access Analyzer writes it. */
  date: /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  account: /^\d{12}$/
};
var FINDING_TYPES = /* @__PURE__ */ new Set([
  "UnusedPermission",
  "UnusedIAMRole",
  "UnusedIAMUserAccessKey",
  "UnusedIAMUserPassword",
  "ExternalAccess",
  "InternalAccess"
]);
var STATUSES2 = /* @__PURE__ */ new Set(["ACTIVE", "ARCHIVED", "RESOLVED"]);
function parseFindings(value, file, origin = {}) {
  const parsed = parseFindingsOf(value, file);
  const analyzerArn = origin.analyzerArn;
  if (analyzerArn === void 0) return parsed;
  return {
    ...parsed,
    principals: parsed.principals.map((p) => ({ ...p, analyzers: [analyzerArn] }))
  };
}
function parseFindingsOf(value, file) {
  const fail = (path, what) => {
    throw new ConfigurationError(`${file}: ${path ? `${path}: ` : ""}${what}`);
  };
  if (isRecommendationResponse(value)) {
    return {
      principals: [],
      notes: [],
      covered: [],
      coveredAccounts: [],
      recommendations: [readRecommendation(value, "", fail, file)]
    };
  }
  if (isRecord(value) && Array.isArray(value.findings)) {
    const parsed = readFindingList(value.findings, "findings", file, fail);
    return {
      ...parsed,
      covered: [...parsed.covered, ...readPrincipals(value.coveredPrincipals, fail)],
      coveredAccounts: readAccounts(value.coveredAccounts, fail)
    };
  }
  if (isRecord(value)) return readFindingList([value], "", file, fail, true);
  if (!Array.isArray(value)) {
    return fail(
      "",
      "expected a GetFindingV2 finding, a list of them, or a per-principal list of services"
    );
  }
  if (value.length === 0) {
    return {
      principals: [],
      notes: [`${file}: holds no findings`],
      covered: [],
      coveredAccounts: []
    };
  }
  const first = value[0];
  if (isRecord(first) && "serviceNamespace" in first && !("findingType" in first)) {
    const services = value.map((s, i) => readService(s, `[${i}]`, fail, false));
    return {
      principals: [{ principal: "", wholePrincipal: false, services, sources: [file] }],
      notes: [],
      covered: [],
      coveredAccounts: []
    };
  }
  return readFindingList(value, "", file, fail);
}
function readPrincipals(value, fail) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) return fail("coveredPrincipals", "must be a list of role or user ARNs");
  return value.map(
    (a, i) => typeof a === "string" && FINDING_FIELDS.resource.test(a) ? a : fail(`coveredPrincipals[${i}]`, "must be the ARN of an IAM role or user")
  );
}
function readAccounts(value, fail) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) return fail("coveredAccounts", "must be a list of account ids");
  return value.map(
    (a, i) => typeof a === "string" && FINDING_FIELDS.account.test(a) ? a : fail(`coveredAccounts[${i}]`, "must be a 12-digit account id")
  );
}
function readFindingList(list, base, file, fail, single = false) {
  const principals = [];
  const notes = [];
  const covered = [];
  const recommendations = [];
  list.forEach((finding, i) => {
    const path = single ? base : `${base}[${i}]`;
    if (!isRecord(finding)) return fail(path, "a finding must be an object");
    const type = finding.findingType;
    const resource = finding.resource;
    const status = finding.status;
    if (typeof type !== "string") {
      return fail(
        path,
        'has no "findingType"; expected a GetFindingV2 response (aws accessanalyzer get-finding-v2)'
      );
    }
    if (!FINDING_TYPES.has(type)) {
      return fail(`${path}.findingType`, `is not one of Access Analyzer's finding types`);
    }
    if (typeof resource !== "string" || !FINDING_FIELDS.resource.test(resource)) {
      return fail(`${path}.resource`, "must be the ARN of an IAM role or user");
    }
    if (finding.id !== void 0 && (typeof finding.id !== "string" || !FINDING_FIELDS.id.test(finding.id))) {
      return fail(`${path}.id`, "must be a finding id (a UUID, or last-accessed:<ARN>)");
    }
    if (typeof status !== "string" || !STATUSES2.has(status)) {
      return fail(`${path}.status`, "must be ACTIVE, ARCHIVED or RESOLVED");
    }
    for (const key of ["analyzedAt", "updatedAt", "createdAt"]) {
      readDate(finding[key], `${path}.${key}`, fail);
    }
    covered.push(resource);
    const id = typeof finding.id === "string" ? finding.id : `${file}${path}`;
    if (status !== "ACTIVE") {
      notes.push(`${file}: finding ${id} for ${resource} is ${status}, not ACTIVE; not applied`);
      return;
    }
    const since = firstString(finding.analyzedAt, finding.updatedAt, finding.createdAt);
    const details = finding.findingDetails;
    if (type === "UnusedIAMUserAccessKey" || type === "UnusedIAMUserPassword") {
      notes.push(
        `${file}: finding ${id} (${type}) for ${resource} is about credentials, not policies; not applied`
      );
      return;
    }
    if (type !== "UnusedPermission" && type !== "UnusedIAMRole") {
      notes.push(`${file}: finding ${id} has type ${type}, which iam-refine does not apply`);
      return;
    }
    if (!Array.isArray(details)) {
      return fail(
        path,
        'has no "findingDetails" list; a ListFindingsV2 summary is not enough, export each finding with get-finding-v2 or `iam-refine findings export`'
      );
    }
    if (type === "UnusedIAMRole") {
      const role = details.find((d) => isRecord(d) && isRecord(d.unusedIamRoleDetails));
      const lastAccessed = isRecord(role) && isRecord(role.unusedIamRoleDetails) ? readDate(role.unusedIamRoleDetails.lastAccessed, `${path}.findingDetails`, fail) : void 0;
      principals.push(
        withOptional(
          { principal: resource, wholePrincipal: true, services: [], sources: [id] },
          since,
          lastAccessed
        )
      );
      return;
    }
    const services = details.map((d, j) => {
      const at = `${path}.findingDetails[${j}]`;
      if (!isRecord(d) || !isRecord(d.unusedPermissionDetails)) {
        return fail(at, 'must hold "unusedPermissionDetails"');
      }
      return readService(d.unusedPermissionDetails, `${at}.unusedPermissionDetails`, fail, true);
    });
    principals.push(
      withOptional(
        { principal: resource, wholePrincipal: false, services, sources: [id] },
        since,
        void 0
      )
    );
    const recommendation = finding[RECOMMENDATION_KEY];
    if (recommendation !== void 0 && recommendation !== null) {
      const at = path ? `${path}.${RECOMMENDATION_KEY}` : RECOMMENDATION_KEY;
      recommendations.push(readRecommendation(recommendation, at, fail, `finding ${id}`, resource));
    }
  });
  return recommendations.length > 0 ? { principals, notes, covered, coveredAccounts: [], recommendations } : { principals, notes, covered, coveredAccounts: [] };
}
function readService(value, path, fail, objectsOnly) {
  if (!isRecord(value)) return fail(path, 'must be an object with "serviceNamespace"');
  const service = value.serviceNamespace;
  if (typeof service !== "string" || !SERVICE.test(service)) {
    return fail(path, '"serviceNamespace" must be a service prefix such as "s3"');
  }
  const lastAccessed = readDate(value.lastAccessed, `${path}.lastAccessed`, fail);
  const base = lastAccessed ? { service, lastAccessed } : { service };
  if (value.actions === void 0 || value.actions === null) return base;
  if (!Array.isArray(value.actions)) return fail(`${path}.actions`, "must be a list");
  const actions = value.actions.map((a, i) => {
    const at = `${path}.actions[${i}]`;
    const raw = isRecord(a) ? a.action : objectsOnly ? void 0 : a;
    if (typeof raw !== "string")
      return fail(at, objectsOnly ? 'must be {"action": "..."}' : "must be an action name");
    const name = stripService(raw, service, at, fail);
    const last = isRecord(a) ? readDate(a.lastAccessed, `${at}.lastAccessed`, fail) : void 0;
    return last ? { action: name, lastAccessed: last } : { action: name };
  });
  return { ...base, actions };
}
function stripService(raw, service, path, fail) {
  const colon = raw.indexOf(":");
  const action = colon < 0 ? raw : raw.slice(colon + 1);
  if (colon >= 0 && raw.slice(0, colon).toLowerCase() !== service.toLowerCase()) {
    return fail(path, `"${raw}" is not an action of the service "${service}"`);
  }
  if (!ACTION.test(action)) return fail(path, `"${raw}" is not an action name`);
  return action;
}
function readDate(value, path, fail) {
  if (value === void 0 || value === null || value === "") return void 0;
  if (typeof value !== "string" || !FINDING_FIELDS.date.test(value)) {
    return fail(path, "must be an ISO 8601 date such as 2024-05-01T00:00:00Z");
  }
  return value;
}
function firstString(...values) {
  for (const v of values) if (typeof v === "string" && v !== "") return v;
  return void 0;
}
function withOptional(base, since, lastAccessed) {
  return {
    ...base,
    ...since === void 0 ? {} : { since },
    ...lastAccessed === void 0 ? {} : { lastAccessed }
  };
}

// src/io/node-require.ts
import { createRequire } from "node:module";
var nodeRequire = typeof __require === "function" ? __require : createRequire(import.meta.url);

// src/io/files.ts
var { readFileSync, statSync } = nodeRequire("node:fs");
async function readTextFile(path, what) {
  let size;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new ConfigurationError(`${path}: the ${what} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`${path}: cannot read the ${what} (${describeFsError(error)})`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ConfigurationError(
      `${path}: the ${what} is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`
    );
  }
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(`${path}: cannot read the ${what} (${describeFsError(error)})`);
  }
}
async function readJsonFile(path, what) {
  const parsed = parseJsonText(await readTextFile(path, what), path);
  if ("value" in parsed) return parsed.value;
  throw jsonSyntaxError(
    path,
    (await import("./json-syntax.mjs")).firstJsonSyntaxError(parsed.refused)
  );
}
function describeFsError(error) {
  const code = error.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  return code ?? String(error);
}

export {
  RECOMMENDATION_KEY,
  readRecommendation,
  parseFindings,
  nodeRequire,
  readJsonFile
};
