import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CheckAccessNotGranted$,
  CheckNoNewAccess$,
  _ep0,
  _mw0,
  command,
  describeAwsError
} from "./chunk-DA5RBJWS.mjs";
import "./chunk-M2GNFQXR.mjs";
import "./chunk-SUY63WVC.mjs";
import "./chunk-2FUNREKX.mjs";
import "./chunk-2CWEX36R.mjs";
import "./chunk-KKAK7Q5Q.mjs";
import "./chunk-OYMLWL2Y.mjs";
import "./chunk-3LSRESYA.mjs";
import "./chunk-ZYU4R6PG.mjs";
import "./chunk-MBW5WFYS.mjs";
import {
  fold,
  isRecord,
  matches
} from "./chunk-EDNVQGKR.mjs";
import "./chunk-ZS2NZTCM.mjs";
import "./chunk-SYRML5ZZ.mjs";
import "./chunk-NNKK245H.mjs";

// node_modules/@aws-sdk/client-accessanalyzer/dist-es/commands/CheckAccessNotGrantedCommand.js
var CheckAccessNotGrantedCommand = class extends command(_ep0, _mw0, "CheckAccessNotGranted", CheckAccessNotGranted$) {
};

// node_modules/@aws-sdk/client-accessanalyzer/dist-es/commands/CheckNoNewAccessCommand.js
var CheckNoNewAccessCommand = class extends command(_ep0, _mw0, "CheckNoNewAccess", CheckNoNewAccess$) {
};

// src/findings/verify.ts
var ACTIONS_PER_CHECK = 100;
var UNCHECKABLE = /* @__PURE__ */ new Set([
  "ValidationException",
  "InvalidParameterException",
  "UnprocessableEntityException"
]);
async function verifyWithAws(client, originalDoc, refinedDoc, removedActions) {
  if (statementsOf(refinedDoc).length === 0) return { ok: true };
  const refined = JSON.stringify(refinedDoc);
  const noNew = await check(
    "CheckNoNewAccess",
    () => client.send(
      new CheckNoNewAccessCommand({
        newPolicyDocument: refined,
        existingPolicyDocument: JSON.stringify(originalDoc),
        policyType: "IDENTITY_POLICY"
      })
    )
  );
  if (!noNew.ok) return noNew;
  const actions = [...new Set(removedActions)].sort();
  for (let i = 0; i < actions.length; i += ACTIONS_PER_CHECK) {
    const batch = actions.slice(i, i + ACTIONS_PER_CHECK);
    const notGranted = await check(
      "CheckAccessNotGranted",
      () => client.send(
        new CheckAccessNotGrantedCommand({
          policyDocument: refined,
          access: [{ actions: batch }],
          policyType: "IDENTITY_POLICY"
        })
      )
    );
    if (!notGranted.ok) {
      return notGranted.defect ? { ...notGranted, reason: `${notGranted.reason} (checked: ${batch.join(", ")})` } : notGranted;
    }
  }
  return { ok: true };
}
function awsRefinementVerifier(client) {
  return async (originalDoc, refinement) => {
    if (!refinement.changed) return { ok: true };
    return verifyWithAws(client, originalDoc, refinement.document, actionsToProve(refinement));
  };
}
function actionsToProve(refinement) {
  const removed = /* @__PURE__ */ new Map();
  for (const statement of refinement.statements) {
    for (const change of statement.changes) {
      for (const action of change.unused) removed.set(fold(action), action);
    }
  }
  const allows = statementsOf(refinement.document).filter(
    (s) => isRecord(s) && s.Effect === "Allow"
  );
  const out = [];
  for (const action of removed.values()) {
    if (!allows.some((s) => grants(s, action))) out.push(action);
  }
  return out.sort();
}
function grants(statement, action) {
  const list = (value) => typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
  if ("Action" in statement) return list(statement.Action).some((p) => matches(p, action));
  if ("NotAction" in statement) return !list(statement.NotAction).some((p) => matches(p, action));
  return false;
}
function statementsOf(document) {
  if (!isRecord(document)) return [];
  const s = document.Statement;
  return Array.isArray(s) ? s : isRecord(s) ? [s] : [];
}
async function check(operation, send) {
  let answer;
  try {
    answer = await send();
  } catch (error) {
    const name = error.name ?? "";
    if (UNCHECKABLE.has(name)) {
      return {
        ok: false,
        defect: false,
        reason: `AWS could not check the policy with ${operation}: ${error.message}`
      };
    }
    throw describeAwsError(error, operation);
  }
  if (answer.result === "PASS") return { ok: true };
  const reasons = (answer.reasons ?? []).map((r) => {
    const where = r.statementId !== void 0 ? `statement ${r.statementId}` : r.statementIndex !== void 0 ? `statement ${r.statementIndex}` : void 0;
    return [where, r.description].filter(Boolean).join(": ");
  }).filter(Boolean);
  return {
    ok: false,
    defect: answer.result === "FAIL",
    reason: `${operation} answered ${answer.result ?? "nothing"}` + (answer.message ? `: ${answer.message}` : "") + (reasons.length ? ` (${reasons.join("; ")})` : "")
  };
}
export {
  ACTIONS_PER_CHECK,
  actionsToProve,
  awsRefinementVerifier,
  verifyWithAws
};
