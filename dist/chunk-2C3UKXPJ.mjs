import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-SYRML5ZZ.mjs";

// src/engine/recommendation.ts
function mergeRecommendations(items) {
  const byPrincipal = /* @__PURE__ */ new Map();
  for (const item of items) {
    const seen = byPrincipal.get(item.principal);
    if (!seen || preferred(item, seen)) byPrincipal.set(item.principal, item);
  }
  return byPrincipal;
}
function preferred(a, b) {
  if (a.status !== b.status) return a.status === "available";
  if (a.status !== "available" || b.status !== "available") return false;
  return (a.completedAt ?? a.startedAt) > (b.completedAt ?? b.startedAt);
}

// src/engine/unused.ts
function usesEverything(principal) {
  return { principal, wholePrincipal: false, services: [], sources: [] };
}
function mergeUnused(items) {
  const byPrincipal = /* @__PURE__ */ new Map();
  for (const item of items) {
    const key = item.principal;
    const seen = byPrincipal.get(key);
    if (!seen) {
      byPrincipal.set(key, item);
      continue;
    }
    byPrincipal.set(key, {
      principal: key,
      wholePrincipal: seen.wholePrincipal || item.wholePrincipal,
      services: [...seen.services, ...item.services],
      since: laterOf(seen.since, item.since),
      lastAccessed: laterOf(seen.lastAccessed, item.lastAccessed),
      sources: [...seen.sources, ...item.sources],
      ...seen.analyzers || item.analyzers ? { analyzers: [.../* @__PURE__ */ new Set([...seen.analyzers ?? [], ...item.analyzers ?? []])] } : {}
    });
  }
  return [...byPrincipal.values()];
}
function laterOf(a, b) {
  if (a === void 0) return b;
  if (b === void 0) return a;
  return a > b ? a : b;
}
function namedActions(items) {
  const out = [];
  for (const item of items) {
    for (let i = 0; i < item.services.length; i++) {
      const s = item.services[i];
      const actions = s.actions ?? [];
      for (let j = 0; j < actions.length; j++) {
        out.push(`${s.service}:${actions[j].action}`);
      }
    }
  }
  return out;
}

// src/findings/select.ts
function combineFindings(parsed) {
  const merged = mergeUnused(parsed.flatMap((p) => p.principals));
  const known = /* @__PURE__ */ new Map();
  for (const arn of [...merged.map((p) => p.principal), ...parsed.flatMap((p) => p.covered)]) {
    if (arn !== "" && !known.has(arn.toLowerCase())) known.set(arn.toLowerCase(), arn);
  }
  return {
    byPrincipal: new Map(merged.map((p) => [p.principal, p])),
    notes: parsed.flatMap((p) => p.notes),
    covered: new Set(known.keys()),
    known: [...known.values()],
    coveredAccounts: new Set(parsed.flatMap((p) => p.coveredAccounts)),
    recommendations: mergeRecommendations(parsed.flatMap((p) => p.recommendations ?? []))
  };
}
function isCovered(findings, arn) {
  if (findings.covered.has(arn.toLowerCase())) return true;
  const account = /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1];
  return account !== void 0 && findings.coveredAccounts.has(account);
}
function selectPrincipals(findings, named) {
  const anonymous = findings.byPrincipal.get("");
  const known = [...findings.byPrincipal.keys()].filter((k) => k !== "");
  const warnings = [];
  if (named.length === 0) {
    if (known.length > 1 || known.length === 1 && anonymous) {
      throw new ConfigurationError(
        `the findings are about several principals (${[...known, ...anonymous ? ["a per-principal list"] : []].join(", ")}); choose one with --principal ARN`
      );
    }
    const only = known.length === 1 ? findings.byPrincipal.get(known[0]) : anonymous;
    if (!only) warnings.push("the findings report nothing unused; the policy stays as it is");
    return { principals: only ? [only] : [], warnings };
  }
  if (anonymous && named.length > 1) {
    throw new ConfigurationError(
      "a per-principal findings list names no principal, so it cannot be applied to several --principal values"
    );
  }
  const principals = named.map((arn) => {
    const own = findings.byPrincipal.get(arn);
    if (own && anonymous)
      return mergeUnused([own, { ...anonymous, principal: arn }])[0];
    if (own) return own;
    if (anonymous) return { ...anonymous, principal: arn };
    warnings.push(
      `no finding for ${arn} in the findings: it counts as using everything it is allowed`
    );
    return usesEverything(arn);
  });
  return { principals, warnings };
}

export {
  usesEverything,
  namedActions,
  combineFindings,
  isCovered,
  selectPrincipals
};
