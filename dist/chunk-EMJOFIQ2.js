import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  namedActions
} from "./chunk-A75KXUUH.js";
import {
  Glob,
  PatternIndex,
  compareNames,
  fold,
  hasWildcard,
  literalPrefix,
  patternContains,
  splitName,
  trailingStarPrefix,
  wordBoundaries,
  wordEndAfter
} from "./chunk-A4MNSLML.js";
import {
  isRecord
} from "./chunk-NBSQKTAP.js";
import {
  ConfigurationError,
  InvariantError,
  LimitError
} from "./chunk-7VWP2DJO.js";

// src/engine/policy.ts
function readStatements(document) {
  if (!isRecord(document)) throw new ConfigurationError("a policy document must be a JSON object");
  const s = document.Statement;
  if (Array.isArray(s)) return { statements: s, single: false };
  if (isRecord(s)) return { statements: [s], single: true };
  throw new ConfigurationError('the policy has no "Statement" list or object');
}
function actionEntries(statement) {
  if (!isRecord(statement)) return void 0;
  const a = statement.Action;
  if (typeof a === "string") return [a];
  if (Array.isArray(a) && a.every((x) => typeof x === "string")) return a;
  return void 0;
}
function policySize(document) {
  return JSON.stringify(document).length;
}

// src/engine/universe.ts
var catalogIndexes = /* @__PURE__ */ new WeakMap();
function indexCatalog(catalog) {
  let index = catalogIndexes.get(catalog);
  if (index) return index;
  const display = /* @__PURE__ */ new Map();
  for (const [service, actions] of catalog.services) {
    for (const action of actions) {
      const name = `${service}:${action}`;
      display.set(fold(name), name);
    }
  }
  const names = [...display.keys()].sort();
  index = { display, names, services: byService(names) };
  catalogIndexes.set(catalog, index);
  return index;
}
function byService(sortedNames) {
  const services = /* @__PURE__ */ new Map();
  for (const name of sortedNames) {
    const service = splitName(name).service;
    let list = services.get(service);
    if (!list) services.set(service, list = []);
    list.push(name);
  }
  return services;
}
var Universe = class {
  /** Folded names, sorted by code unit. */
  names;
  base;
  /** Names outside the catalog, with the casing they were first given. */
  extra;
  services;
  /** Catalog names win the casing; then findings, then the policy's own text. */
  constructor(catalog, ...extra) {
    const base = indexCatalog(catalog);
    const added = /* @__PURE__ */ new Map();
    for (const names of extra) {
      for (const name of names) {
        const folded = fold(name);
        if (!base.display.has(folded) && !added.has(folded) && isActionName(name))
          added.set(folded, name);
      }
    }
    this.base = base;
    this.extra = added;
    if (added.size === 0) {
      this.names = base.names;
      this.services = base.services;
    } else {
      this.names = mergeSorted(base.names, [...added.keys()].sort());
      const services = new Map(base.services);
      for (const [service, names] of byService([...added.keys()].sort())) {
        services.set(service, mergeSorted(base.services.get(service) ?? [], names));
      }
      this.services = services;
    }
  }
  has(folded) {
    return this.base.display.has(folded) || this.extra.has(folded);
  }
  /** Whether the catalog itself names a folded action (not only the findings or a policy). */
  inCatalog(folded) {
    return this.base.display.has(folded);
  }
  /** The casing to show for a folded name of the universe. */
  displayOf(folded) {
    return this.base.display.get(folded) ?? this.extra.get(folded) ?? folded;
  }
  /** Folded names of a service, sorted. */
  serviceNames(service) {
    return this.services.get(fold(service)) ?? [];
  }
  /** Folded names that `pattern` matches, sorted. Only the range of its literal prefix is scanned. */
  matching(pattern) {
    const glob = new Glob(pattern);
    const prefix = fold(literalPrefix(pattern));
    const [lo, hi] = prefixRange(this.names, prefix);
    if (trailingStarPrefix(glob.folded) !== null) return this.names.slice(lo, hi);
    const out = [];
    for (let i = lo; i < hi; i++) {
      const name = this.names[i];
      if (glob.test(name)) out.push(name);
    }
    return out;
  }
};
function mergeSorted(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push(a[i] < b[j] ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
function isActionName(name) {
  return /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(name);
}
function prefixRange(sorted, prefix, from = 0, to = sorted.length) {
  const lo = lowerBound(sorted, prefix, from, to);
  const hi = prefix === "" ? to : lowerBound(sorted, prefix + "\uFFFF", lo, to);
  return [lo, hi];
}
function lowerBound(sorted, key, from = 0, to = sorted.length) {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function anyStartsWith(sorted, prefix) {
  const at = lowerBound(sorted, prefix);
  return at < sorted.length && sorted[at].startsWith(prefix);
}

// src/engine/trie.ts
function generalize(entry, m, r, universe) {
  const root = rootPrefix(entry);
  const inR = new Set(r);
  const isSubPattern = subPatternTest(entry, root);
  const out = [];
  const emitAction = (folded) => {
    out.push(universe.displayOf(folded));
  };
  const unusedBefore = new Uint32Array(m.length + 1);
  m.forEach((name, i) => {
    unusedBefore[i + 1] = unusedBefore[i] + (inR.has(name) ? 1 : 0);
  });
  const visit = (node, parentLo, parentHi) => {
    const [lo, hi] = prefixRange(m, node.prefix, parentLo, parentHi);
    const unused = unusedBefore[hi] - unusedBefore[lo];
    if (unused === 0) {
      if (hi - lo === 1) return emitAction(m[lo]);
      if (isSubPattern(node.prefix)) {
        out.push(`${node.display}*`);
        return;
      }
    } else if (unused === hi - lo) return;
    const { isAction, children } = expand(node, m, universe);
    if (isAction && !inR.has(node.prefix)) emitAction(node.prefix);
    for (const child of children) visit(child, lo, hi);
  };
  const top = expand({ prefix: root, display: root, members: m.map((_, i) => i) }, m, universe);
  if (top.isAction && !inR.has(root)) emitAction(root);
  for (const child of top.children) visit(child, 0, m.length);
  return out;
}
function expand(node, m, universe) {
  const depth = node.prefix.length;
  let isAction = false;
  const children = /* @__PURE__ */ new Map();
  for (const i of node.members) {
    const name = m[i];
    if (name.length === depth) {
      isAction = true;
      continue;
    }
    const display = universe.displayOf(name);
    const end = wordEndAfter(display, depth);
    const prefix = name.slice(0, end);
    const child = children.get(prefix);
    if (!child) {
      const displayEnds = end === name.length;
      children.set(prefix, { prefix, display: display.slice(0, end), members: [i], displayEnds });
      continue;
    }
    child.members.push(i);
    if (child.displayEnds && end < name.length) {
      child.display = display.slice(0, end);
      child.displayEnds = false;
    }
  }
  return { isAction, children: [...children.values()] };
}
function rootPrefix(entry) {
  const folded = fold(entry);
  const cut = folded.search(/[*?]/);
  return cut < 0 ? folded : folded.slice(0, cut);
}
function subPatternTest(entry, root) {
  const folded = fold(entry);
  if (trailingStarPrefix(folded) === root) return () => true;
  const cache = /* @__PURE__ */ new Map();
  return (prefix) => {
    let known = cache.get(prefix);
    if (known === void 0) {
      known = patternContains(folded, `${prefix}*`);
      cache.set(prefix, known);
    }
    return known;
  };
}

// src/engine/invariants.ts
function verifyRefinement(original, result, context, refineAgain) {
  const before = readStatements(original).statements;
  const after = readStatements(result.document).statements;
  if (!sameExceptKey(original, result.document, "Statement"))
    throw new InvariantError("a key of the policy other than Statement changed");
  if (result.statements.length !== before.length || result.statements.some((s, i) => s.index !== i))
    throw new InvariantError("the result does not account for every statement of the policy");
  let at = 0;
  for (const s of result.statements) {
    const source = before[s.index];
    if (s.status === "removed" || s.status === "refined") {
      if (!sameEntries(actionEntries(source), s.before))
        fail(s, "the entries checked are not the original Action");
    }
    if (s.status === "removed") {
      if (s.after.length > 0) fail(s, "a removed statement reports entries");
      checkStatement(s, context);
      continue;
    }
    const refined = after[at++];
    if (s.status === "refined") {
      if (!sameExceptKey(source, refined, "Action")) {
        fail(s, "a key other than Action changed");
      }
      if (!sameEntries(actionEntries(refined), s.after))
        fail(s, "the refined Action is not the entries checked");
      checkStatement(s, context);
    } else if (refined !== source) {
      fail(s, "a statement the engine did not refine was changed");
    }
  }
  if (at !== after.length)
    throw new InvariantError("the refined policy has statements the original lacks");
  const again = refineAgain(result.document);
  if (again.changed || JSON.stringify(again.document) !== JSON.stringify(result.document)) {
    throw new InvariantError(
      "refining the refined policy with the same findings changed it (guarantee 5)"
    );
  }
}
function checkStatement(s, context) {
  const { universe, unused } = context;
  const beforeFolded = s.before.map(fold);
  for (const entry of s.after) {
    const f = fold(entry);
    if (!beforeFolded.some((o) => patternContains(o, f))) {
      fail(s, `"${entry}" allows strings no original entry allows (guarantee 1)`);
    }
  }
  const refined = new PatternIndex(s.after);
  const allowedBefore = expand2(s.before, universe);
  const allowedAfter = expand2(s.after, universe);
  for (const name of allowedBefore) {
    const isUnused = unused.has(name);
    const allowed = allowedAfter.has(name) || !universe.has(name) && refined.allows(name);
    if (isUnused && allowed)
      fail(s, `the unused ${universe.displayOf(name)} is still allowed (guarantee 2)`);
    if (!isUnused && !allowed)
      fail(s, `the used ${universe.displayOf(name)} is no longer allowed (guarantee 3)`);
  }
  const originals = new Set(beforeFolded);
  for (const entry of s.after) {
    const f = fold(entry);
    if (originals.has(f)) continue;
    if (refined.covers(f, f))
      fail(s, `the new "${entry}" is covered by another entry (guarantee 4)`);
  }
  for (const change of s.changes) {
    if (change.kind !== "replaced") continue;
    const wildcards = change.by.filter((entry) => entry.endsWith("*"));
    if (wildcards.length === 0) continue;
    const root = rootPrefix(change.entry);
    const r = universe.matching(change.entry).filter((a) => unused.has(a));
    const isSubPattern = subPatternTest(change.entry, root);
    for (const entry of wildcards) checkMaximal(s, entry, root, r, isSubPattern);
  }
}
function expand2(entries, universe) {
  const names = /* @__PURE__ */ new Set();
  for (const entry of entries) {
    if (hasWildcard(entry)) for (const name of universe.matching(entry)) names.add(name);
    else names.add(fold(entry));
  }
  return names;
}
function checkMaximal(s, wildcard, root, r, isSubPattern) {
  const prefix = wildcard.slice(0, -1);
  const bounds = wordBoundaries(prefix).filter((b) => b < prefix.length);
  const previous = bounds.length > 0 ? bounds[bounds.length - 1] : 0;
  const parent = previous > root.length ? fold(prefix.slice(0, previous)) : root;
  if (!anyStartsWith(r, parent) && isSubPattern(parent)) {
    fail(s, `"${wildcard}" is not maximal: "${parent}*" would also be safe (guarantee 4)`);
  }
}
function sameExceptKey(a, b, key) {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return false;
  const strip = (o) => JSON.stringify(Object.entries(o).map(([k, v]) => k === key ? [k] : [k, v]));
  return strip(a) === strip(b);
}
function sameEntries(a, b) {
  return a !== void 0 && a.length === b.length && a.every((e, i) => e === b[i]);
}
function fail(s, what) {
  throw new InvariantError(`statement ${s.sid ? `"${s.sid}"` : `#${s.index + 1}`}: ${what}`);
}

// src/engine/limits.ts
var MAX_MATCHED_ACTIONS_PER_FILE = 5e5;
var MAX_ENTRIES_PER_POLICY = 2e3;
var MAX_STATEMENTS_PER_FILE = 5e3;
var MAX_SECONDS_PER_FILE = 30;

// src/engine/unused-set.ts
var UnusedSet = class _UnusedSet {
  /** Every action is unused (each principal has an `UnusedIAMRole` finding). */
  all;
  actions;
  keep;
  keepCount;
  constructor(all, actions, keep) {
    this.all = all;
    this.actions = actions;
    this.keep = new PatternIndex(keep);
    this.keepCount = keep.length;
  }
  /**
   * `principals` are the findings of each principal the policy belongs to; a principal without a
   * finding uses everything (pass `usesEverything(arn)`), and no principal means nothing is unused.
   */
  static resolve(principals, universe, keepActions = []) {
    if (principals.length === 0) return new _UnusedSet(false, /* @__PURE__ */ new Set(), keepActions);
    let all = true;
    let actions;
    for (const p of principals) {
      if (p.wholePrincipal) continue;
      const own = unusedOf(p, universe);
      actions = actions ? new Set([...actions].filter((a) => own.has(a))) : own;
      all = false;
    }
    return new _UnusedSet(all, actions ?? /* @__PURE__ */ new Set(), keepActions);
  }
  /** Whether a folded action name is unused. */
  has(folded) {
    if (this.keepCount > 0 && this.keep.allows(folded)) return false;
    return this.all || this.actions.has(folded);
  }
  /** Folded unused names, when the set is not `all`. */
  list() {
    return [...this.actions].filter((a) => this.has(a)).sort();
  }
};
function unusedOf(p, universe) {
  const out = /* @__PURE__ */ new Set();
  for (const s of p.services) {
    if (s.actions === void 0) {
      for (const name of universe.serviceNames(s.service)) out.add(name);
    } else {
      for (const a of s.actions) out.add(fold(`${s.service}:${a.action}`));
    }
  }
  return out;
}

// src/engine/refine.ts
var QUOTAS = {
  managed: { kind: "managed policy", limit: 6144 },
  role: { kind: "inline policies of a role", limit: 10240 },
  user: { kind: "inline policies of a user", limit: 2048 },
  group: { kind: "inline policies of a group", limit: 5120 }
};
function newWorkBudget() {
  return { matchedActions: MAX_MATCHED_ACTIONS_PER_FILE };
}
function refinePolicy(document, options) {
  const { statements } = readStatements(document);
  const context = buildContext(statements, options);
  const result = refineWithContext(document, context, options.quota);
  verifyRefinement(
    document,
    result,
    context,
    (d) => refineWithContext(d, context, options.quota)
  );
  return result;
}
function buildContext(statements, options) {
  const literals = [];
  for (const s of statements) {
    for (const entry of actionEntries(s) ?? []) if (!hasWildcard(entry)) literals.push(entry);
  }
  const keep = options.keepActions ?? [];
  const universe = new Universe(
    options.catalog,
    namedActions(options.principals),
    literals,
    keep.filter((k) => !hasWildcard(k))
  );
  return {
    universe,
    unused: UnusedSet.resolve(options.principals, universe, keep),
    budget: options.budget ?? newWorkBudget()
  };
}
function refineWithContext(document, context, quota) {
  const { statements, single } = readStatements(document);
  const results = [];
  const kept = [];
  const warnings = [];
  let emitted = 0;
  statements.forEach((statement, index) => {
    const { result, refined } = refineStatement(statement, index, context);
    results.push(result);
    if (refined !== null) kept.push(refined);
    if (result.note) warnings.push(`Statement ${label(result)}: ${result.note}`);
    if (result.status === "refined") emitted += result.after.length;
    if (emitted > MAX_ENTRIES_PER_POLICY) {
      throw new LimitError(
        `too large to suggest: the refinement would have more than ${MAX_ENTRIES_PER_POLICY} Action entries, more than any IAM policy quota holds; detach the policy, or rewrite it with fewer, narrower wildcards`,
        "suggest"
      );
    }
  });
  const changed = results.some((r) => r.status === "refined" || r.status === "removed");
  let refinedDoc = document;
  if (changed) {
    const nextStatement = single && kept.length === 1 ? kept[0] : kept;
    refinedDoc = { ...document, Statement: nextStatement };
  }
  const unusedPolicy = kept.length === 0;
  if (unusedPolicy) {
    warnings.push(
      "No statement is left: the policy is unused. Detach or delete it rather than keep it empty."
    );
  }
  const before = policySize(document);
  const after = policySize(refinedDoc);
  const overQuota = quota !== void 0 && after > quota.limit;
  if (overQuota) {
    warnings.push(
      `The refined policy is ${after} characters without white space, over the ${quota.limit}-character quota for ${quota.kind}.`
    );
  }
  return {
    document: refinedDoc,
    changed,
    unusedPolicy,
    unusedPrincipal: context.unused.all,
    statements: results,
    warnings,
    size: quota ? { before, after, quota } : { before, after },
    overQuota
  };
}
function label(r) {
  return r.sid ? `"${r.sid}"` : `#${r.index + 1}`;
}
function refineStatement(statement, index, context) {
  const notRefined = (note, before = [], unreadable = false) => ({
    result: {
      index,
      ...sidOf(statement),
      status: "not-refined",
      note,
      ...unreadable ? { unreadable } : {},
      before,
      after: before,
      changes: []
    },
    refined: statement
  });
  if (!isRecord(statement)) return notRefined("is not an object; left as it is", [], true);
  if (statement.Effect === "Deny") {
    return notRefined(
      "is a Deny, never narrowed: a narrower Deny would widen access",
      actionEntries(statement)
    );
  }
  if (statement.Effect !== "Allow")
    return notRefined("has no Effect of Allow or Deny; left as it is", [], true);
  if ("NotAction" in statement) {
    return notRefined("uses NotAction, which iam-refine does not refine (nor does Access Analyzer)");
  }
  if (!("Action" in statement)) return notRefined("has no Action; left as it is");
  const entries = actionEntries(statement);
  if (entries === void 0) {
    return notRefined(
      "has an Action that is not a string or a list of strings; left as it is",
      [],
      true
    );
  }
  const { universe, unused } = context;
  const slots = [];
  const changes = [];
  for (const entry of entries) {
    const folded = fold(entry);
    if (!hasWildcard(entry)) {
      if (unused.has(folded)) {
        changes.push({ kind: "removed", entry, unused: [universe.displayOf(folded)] });
        slots.push({ entry, out: [], isNew: false });
      } else slots.push({ entry, out: [entry], isNew: false });
      continue;
    }
    const m = universe.matching(entry);
    if (context.budget && (context.budget.matchedActions -= m.length) < 0) {
      throw new LimitError(
        `too large to check: the wildcards of this file match more than ${MAX_MATCHED_ACTIONS_PER_FILE} actions together; split the file or narrow its wildcards`,
        "check"
      );
    }
    const r = m.filter((a) => unused.has(a));
    const removesAll = r.length === m.length && (r.length > 0 || unused.all);
    if (r.length === 0 && !removesAll) {
      slots.push({ entry, out: [entry], isNew: false });
    } else if (removesAll) {
      changes.push({ kind: "removed", entry, unused: r.map((a) => universe.displayOf(a)) });
      slots.push({ entry, out: [], isNew: false });
    } else {
      const replacement = generalize(entry, m, r, universe).sort(compareNames);
      changes.push({
        kind: "replaced",
        entry,
        by: replacement,
        unused: r.map((a) => universe.displayOf(a)),
        matched: m.length
      });
      slots.push({ entry, out: replacement, isNew: true });
    }
  }
  if (changes.length === 0) {
    return {
      result: {
        index,
        ...sidOf(statement),
        status: "unchanged",
        before: entries,
        after: entries,
        changes
      },
      refined: statement
    };
  }
  const after = dropCovered(slots);
  const finalChanges = changes.map(
    (c) => c.kind === "replaced" ? { ...c, by: c.by.filter((e) => after.survivors.has(e)) } : c
  );
  const result = (status) => ({
    index,
    ...sidOf(statement),
    status,
    before: entries,
    after: after.entries,
    changes: finalChanges
  });
  if (after.entries.length === 0) return { result: result("removed"), refined: null };
  const action = typeof statement.Action === "string" && after.entries.length === 1 ? after.entries[0] : after.entries;
  return { result: result("refined"), refined: { ...statement, Action: action } };
}
function dropCovered(slots) {
  const keptIndex = new PatternIndex(slots.filter((s) => !s.isNew).flatMap((s) => s.out));
  const seen = /* @__PURE__ */ new Set();
  const fresh = [];
  for (const s of slots) {
    if (!s.isNew) continue;
    for (const e of s.out) {
      const f = fold(e);
      if (seen.has(f) || keptIndex.covers(f)) continue;
      seen.add(f);
      fresh.push(e);
    }
  }
  const freshIndex = new PatternIndex(fresh);
  const survivors = new Set(fresh.filter((e) => !freshIndex.covers(fold(e), fold(e))));
  const entries = [];
  const placed = /* @__PURE__ */ new Set();
  for (const s of slots) {
    for (const e of s.out) {
      if (!s.isNew) entries.push(e);
      else if (survivors.has(e) && !placed.has(fold(e))) {
        placed.add(fold(e));
        entries.push(e);
      }
    }
  }
  return { entries, survivors };
}
function sidOf(statement) {
  return isRecord(statement) && typeof statement.Sid === "string" ? { sid: statement.Sid } : {};
}

// src/report/reasons.ts
var LISTED = 8;
var LISTED_REPLACEMENTS = 16;
var plain = (name) => name;
function describeChange(change, name = plain) {
  const entry = name(change.entry);
  if (change.kind === "removed") {
    if (change.unused.length === 0) return `removed ${entry}: the principal is not used at all`;
    if (change.unused.length === 1 && change.unused[0]?.toLowerCase() === change.entry.toLowerCase()) {
      return `removed ${entry}: unused`;
    }
    return `removed ${entry}: every action it allows is unused (${listNames(change.unused, name)})`;
  }
  const by = change.by.length > 0 ? listNames(change.by, name, LISTED_REPLACEMENTS) : "nothing new (other entries already allow the rest)";
  return `replaced ${entry} by ${by}: ${change.unused.length} of the ${change.matched} actions it allows are unused (${listNames(change.unused, name)}); no unused action starts with a new wildcard's prefix, and every used action is still allowed`;
}
function listNames(names, name = plain, listed = LISTED) {
  if (names.length <= listed) return names.map(name).join(", ");
  return `${names.slice(0, listed).map(name).join(", ")} and ${names.length - listed} more`;
}
function statementLabel(s) {
  return s.sid ? `Statement "${s.sid}"` : `Statement #${s.index + 1}`;
}
function describeRefinement(result) {
  const lines = [];
  for (const s of result.statements) {
    for (const c of s.changes) lines.push(`${statementLabel(s)}: ${describeChange(c)}`);
    if (s.status === "removed") lines.push(`${statementLabel(s)}: removed, no action is left`);
  }
  return lines;
}

export {
  readStatements,
  Universe,
  MAX_STATEMENTS_PER_FILE,
  MAX_SECONDS_PER_FILE,
  UnusedSet,
  QUOTAS,
  newWorkBudget,
  refinePolicy,
  describeChange,
  listNames,
  statementLabel,
  describeRefinement
};
