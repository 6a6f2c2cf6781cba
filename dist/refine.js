"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/commands/refine.ts
var refine_exports = {};
__export(refine_exports, {
  REFINE_USAGE: () => REFINE_USAGE,
  loadCatalog: () => loadCatalog,
  main: () => main,
  refineCommand: () => refineCommand
});
module.exports = __toCommonJS(refine_exports);

// scripts/import-meta.js
var importMeta = {
  get url() {
    return require("node:url").pathToFileURL(__filename).href;
  }
};

// src/engine/sorted.ts
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
var GALLOP_PROBES = 5;
function lowerBoundNear(sorted, key, near, from = 0, to = sorted.length) {
  const at = Math.min(Math.max(near, from), to);
  let step = 1;
  if (at < to && sorted[at] < key) {
    let lo = at + 1;
    let probe2 = lo;
    for (let n = 0; n < GALLOP_PROBES; n++) {
      if (probe2 >= to || !(sorted[probe2] < key)) {
        return lowerBound(sorted, key, lo, Math.min(probe2, to));
      }
      lo = probe2 + 1;
      probe2 = lo + step;
      step *= 2;
    }
    return lowerBound(sorted, key, lo, to);
  }
  let hi = at;
  let probe = hi - 1;
  for (let n = 0; n < GALLOP_PROBES; n++) {
    if (probe <= from || sorted[probe] < key) {
      return lowerBound(sorted, key, Math.max(probe, from), hi);
    }
    hi = probe;
    probe = hi - step;
    step *= 2;
  }
  return lowerBound(sorted, key, from, hi);
}
function prefixRange(sorted, prefix, from = 0, to = sorted.length, near = from) {
  const lo = lowerBoundNear(sorted, prefix, near, from, to);
  if (prefix === "") return [lo, to];
  let known = lo;
  let probe = lo;
  let step = 1;
  while (probe < to && sorted[probe].startsWith(prefix)) {
    known = probe + 1;
    probe = known + step;
    step *= 2;
  }
  let hi = Math.min(probe, to);
  while (known < hi) {
    const mid = known + hi >>> 1;
    if (sorted[mid].startsWith(prefix)) known = mid + 1;
    else hi = mid;
  }
  return [lo, known];
}

// src/engine/actions.ts
function fold(text) {
  return NON_ASCII.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text.toLowerCase();
}
var NON_ASCII = /[\u0080-\uffff]/;
function hasWildcard(pattern) {
  return pattern.includes("*") || pattern.includes("?");
}
function literalPrefix(pattern) {
  const star = pattern.indexOf("*");
  const question = pattern.indexOf("?");
  const cut = Math.min(star < 0 ? pattern.length : star, question < 0 ? pattern.length : question);
  return pattern.slice(0, cut);
}
function wordEndAfter(name, depth) {
  const colon = name.indexOf(":");
  const start = colon < 0 ? 0 : colon + 1;
  if (colon >= 0 && start > depth) return start;
  for (let i = Math.max(depth + 1, start + 1); i < name.length; i++) {
    if (startsWord(name, i)) return i;
  }
  return name.length;
}
function lastWordStart(name) {
  const colon = name.indexOf(":");
  const start = colon < 0 ? 0 : colon + 1;
  for (let i = name.length - 1; i > start; i--) if (startsWord(name, i)) return i;
  return colon >= 0 && start < name.length ? start : 0;
}
function startsWord(name, i) {
  const here = name.charCodeAt(i);
  if (here < 65 || here > 90) return false;
  const prev = name.charCodeAt(i - 1);
  if (prev >= 97 && prev <= 122 || prev >= 48 && prev <= 57) return true;
  if (prev < 65 || prev > 90) return false;
  if (i + 1 >= name.length) return false;
  const next = name.charCodeAt(i + 1);
  return next >= 97 && next <= 122;
}
var Glob = class {
  text;
  /** The folded pattern. */
  folded;
  segments;
  starred;
  constructor(pattern) {
    this.text = pattern;
    this.folded = fold(pattern);
    this.segments = this.folded.split("*");
    this.starred = this.segments.length > 1;
  }
  /** Whether the pattern matches the whole of an already folded name. */
  test(foldedName) {
    const segs = this.segments;
    if (!this.starred) return segmentAt(segs[0] ?? "", foldedName, 0, true);
    const first = segs[0] ?? "";
    const last = segs[segs.length - 1] ?? "";
    if (foldedName.length < first.length + last.length) return false;
    if (!segmentAt(first, foldedName, 0, false)) return false;
    const end = foldedName.length - last.length;
    if (!segmentAt(last, foldedName, end, false)) return false;
    let at = first.length;
    for (let i = 1; i < segs.length - 1; i++) {
      const seg = segs[i] ?? "";
      const found = findSegment(seg, foldedName, at, end);
      if (found < 0) return false;
      at = found + seg.length;
    }
    return true;
  }
};
function segmentAt(seg, name, at, whole) {
  if (whole && name.length !== seg.length) return false;
  if (at + seg.length > name.length) return false;
  for (let i = 0; i < seg.length; i++) {
    const c = seg.charCodeAt(i);
    if (c !== 63 && c !== name.charCodeAt(at + i)) return false;
  }
  return true;
}
function findSegment(seg, name, from, limit) {
  if (!seg.includes("?")) {
    const found = name.indexOf(seg, from);
    return found >= 0 && found + seg.length <= limit ? found : -1;
  }
  for (let at = from; at + seg.length <= limit; at++) {
    if (segmentAt(seg, name, at, false)) return at;
  }
  return -1;
}
function trailingStarPrefix(folded) {
  let end = folded.length;
  while (end > 0 && folded.charCodeAt(end - 1) === 42) end--;
  if (end === folded.length) return null;
  const lit = folded.slice(0, end);
  return hasWildcard(lit) ? null : lit;
}
function patternContains(outer, inner) {
  return containedIn(outer)(inner);
}
function containedIn(outer) {
  const outerLit = trailingStarPrefix(outer);
  if (outerLit !== null) {
    return (inner) => inner === outer || literalPrefix(inner).startsWith(outerLit);
  }
  let glob;
  return (inner) => {
    if (outer === inner) return true;
    if (!hasWildcard(inner)) return (glob ??= new Glob(outer)).test(inner);
    const lit = trailingStarPrefix(inner);
    if (lit !== null) return coversEveryExtension(outer, lit);
    return symbolicMatch(outer, inner);
  };
}
function coversEveryExtension(outer, lit) {
  const m = outer.length;
  let states = closure(outer, /* @__PURE__ */ new Set([0]));
  for (let i = 0; i < lit.length && states.size > 0; i++) {
    const c = lit.charCodeAt(i);
    const next = /* @__PURE__ */ new Set();
    for (const pos of states) {
      if (pos >= m) continue;
      const p = outer.charCodeAt(pos);
      if (p === 42) next.add(pos);
      else if (p === 63 || p === c) next.add(pos + 1);
    }
    states = closure(outer, next);
  }
  let starredFrom = Infinity;
  const exact = /* @__PURE__ */ new Set();
  for (const pos of states) {
    const rest = outer.slice(pos);
    if (/[^*?]/.test(rest)) continue;
    const questions = rest.replace(/\*/g, "").length;
    if (rest.includes("*")) starredFrom = Math.min(starredFrom, questions);
    else exact.add(questions);
  }
  if (starredFrom === Infinity) return false;
  for (let n = 0; n < starredFrom; n++) if (!exact.has(n)) return false;
  return true;
}
function closure(pattern, states) {
  const out = /* @__PURE__ */ new Set();
  for (let pos of states) {
    out.add(pos);
    while (pos < pattern.length && pattern.charCodeAt(pos) === 42) out.add(++pos);
  }
  return out;
}
function symbolicMatch(outer, inner) {
  const n = inner.length;
  let reach = new Array(n + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i < outer.length; i++) {
    const p = outer.charAt(i);
    const next = new Array(n + 1).fill(false);
    if (p === "*") {
      let on = false;
      for (let j = 0; j <= n; j++) {
        on = on || (reach[j] ?? false);
        next[j] = on;
      }
    } else {
      for (let j = 0; j < n; j++) {
        if (!reach[j]) continue;
        const s = inner.charAt(j);
        if (s === "*") continue;
        if (p === "?" || s !== "?" && p === s) next[j + 1] = true;
      }
    }
    reach = next;
  }
  return reach[n] ?? false;
}
var PatternIndex = class {
  exact = /* @__PURE__ */ new Map();
  /** How many times each `lit` of a `lit*` was added. */
  prefixCounts = /* @__PURE__ */ new Map();
  /** The distinct `lit`s, sorted by code unit; built on first use. */
  sortedPrefixes;
  others = [];
  /** Where the last search of the sorted prefixes ended (a hint only: src/engine/sorted.ts). */
  near = 0;
  /** How many patterns were added. */
  size = 0;
  constructor(patterns = []) {
    for (const p of patterns) this.add(p);
  }
  add(pattern) {
    this.size++;
    const folded = fold(pattern);
    if (!hasWildcard(folded)) {
      this.exact.set(folded, (this.exact.get(folded) ?? 0) + 1);
      return;
    }
    const lit = trailingStarPrefix(folded);
    if (lit === null) {
      this.others.push(new Glob(folded));
      return;
    }
    this.prefixCounts.set(lit, (this.prefixCounts.get(lit) ?? 0) + 1);
    this.sortedPrefixes = void 0;
  }
  /** Whether some pattern matches the folded name. */
  allows(foldedName) {
    if (this.exact.has(foldedName)) return true;
    if (this.hasPrefixOf(foldedName, foldedName.length)) return true;
    return this.others.some((g) => g.test(foldedName));
  }
  /**
   * Whether the patterns, less one copy of `self` when given, match everything `pattern` matches.
   * `pattern` and `self` are folded.
   */
  covers(pattern, self) {
    if (this.size === 0) return false;
    const less = self === pattern ? 1 : 0;
    if (!hasWildcard(pattern)) {
      if ((this.exact.get(pattern) ?? 0) - less > 0) return true;
      if (this.hasPrefixOf(pattern, pattern.length)) return true;
      return this.others.some((g) => g.test(pattern));
    }
    const lit = trailingStarPrefix(pattern);
    if (lit !== null) {
      if ((this.prefixCounts.get(lit) ?? 0) - less > 0) return true;
      if (this.hasPrefixOf(lit, lit.length - 1)) return true;
    } else {
      const prefix = literalPrefix(pattern);
      if (this.hasPrefixOf(prefix, prefix.length)) return true;
      let equal = -less;
      for (const g of this.others) if (g.folded === pattern) equal++;
      if (equal > 0) return true;
    }
    return this.others.some((g) => g.folded !== pattern && patternContains(g.folded, pattern));
  }
  /**
   * Whether a stored `lit*` has a `lit` that is a prefix of `text` no longer than `maxLength`.
   * Every stored prefix of t lies between it and t in sorted order, so it is also a prefix of t's
   * predecessor P: when P is not itself a prefix of t, the answer is the same for t cut to its
   * common prefix with P, which is shorter. Usually one or two searches, each started where the
   * last one ended (callers ask in sorted order).
   */
  hasPrefixOf(text, maxLength) {
    if (this.prefixCounts.size === 0 || maxLength < 0) return false;
    const sorted = this.sortedPrefixes ??= [...this.prefixCounts.keys()].sort();
    let t = text.length > maxLength ? text.slice(0, maxLength) : text;
    let near = this.near;
    for (let first = true; ; first = false) {
      const lower = near = lowerBoundNear(sorted, t, near);
      if (first) this.near = lower;
      const at = sorted[lower] === t ? lower : lower - 1;
      if (at < 0) return false;
      const p = sorted[at];
      if (t.startsWith(p)) return true;
      let common = 0;
      while (common < p.length && common < t.length && p.charCodeAt(common) === t.charCodeAt(common))
        common++;
      t = t.slice(0, common);
    }
  }
};
function coveredByOthers(patterns) {
  const covered = new Array(patterns.length).fill(false);
  const items = [];
  const general = [];
  patterns.forEach((pattern, index) => {
    if (!hasWildcard(pattern)) {
      items.push({ key: pattern, kind: 1, maxLength: pattern.length, index });
      return;
    }
    const lit = trailingStarPrefix(pattern);
    if (lit !== null) {
      items.push({ key: lit, kind: 0, maxLength: lit.length - 1, index });
      return;
    }
    general.push(new Glob(pattern));
    const prefix = literalPrefix(pattern);
    items.push({ key: prefix, kind: 2, maxLength: prefix.length, index });
  });
  items.sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : a.kind - b.kind);
  const stack = [];
  let previous;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (previous && item.kind !== 2 && previous.kind === item.kind && previous.key === item.key) {
      covered[item.index] = covered[previous.index] = true;
    }
    previous = item;
    while (stack.length > 0 && !item.key.startsWith(stack[stack.length - 1])) stack.pop();
    if (stack.length > 0 && stack[0].length <= item.maxLength)
      covered[item.index] = true;
    if (item.kind === 0 && stack[stack.length - 1] !== item.key) stack.push(item.key);
  }
  if (general.length === 0) return covered;
  patterns.forEach((pattern, i) => {
    if (covered[i]) return;
    if (!hasWildcard(pattern)) {
      covered[i] = general.some((g) => g.test(pattern));
      return;
    }
    const equal = general.filter((g) => g.folded === pattern).length;
    covered[i] = equal > (trailingStarPrefix(pattern) === null ? 1 : 0) || general.some((g) => g.folded !== pattern && patternContains(g.folded, pattern));
  });
  return covered;
}
function compareFoldedNames(a, b) {
  return compareFolded(a.folded, a.name, b.folded, b.name);
}
function compareFolded(fa, a, fb, b) {
  return fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

// src/engine/errors.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
};
var InvariantError = class extends Error {
  name = "InvariantError";
  constructor(message) {
    super(
      `iam-refine broke one of its own guarantees, so it suggests nothing: ${message}. This is a bug; please report it with the policy and findings that caused it.`
    );
  }
};
var LimitError = class extends Error {
  constructor(message, kind) {
    super(message);
    this.kind = kind;
  }
  kind;
  name = "LimitError";
};

// src/engine/catalog.ts
var indexes = /* @__PURE__ */ new WeakMap();
var indexBuilders = /* @__PURE__ */ new WeakMap();
function catalogIndex(catalog) {
  let index = indexes.get(catalog);
  if (!index) {
    index = indexBuilders.get(catalog)?.() ?? indexServices(catalog.services);
    indexes.set(catalog, index);
  }
  return index;
}
function indexCatalogWith(catalog, build) {
  indexBuilders.set(catalog, build);
}
function indexServices(services) {
  const byFolded = /* @__PURE__ */ new Map();
  for (const [service, actions] of services) {
    for (const action of actions) {
      const name = `${service}:${action}`;
      byFolded.set(fold(name), name);
    }
  }
  const names = [...byFolded.keys()].sort();
  return { names, display: names.map((name) => byFolded.get(name)) };
}
function servicesOf(index) {
  const byService = /* @__PURE__ */ new Map();
  index.names.forEach((name, i) => {
    const colon = name.indexOf(":");
    const service = name.slice(0, colon);
    let actions = byService.get(service);
    if (!actions) byService.set(service, actions = []);
    actions.push(index.display[i].slice(colon + 1));
  });
  return new Map([...byService].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
function parseCatalog(value, file) {
  if (!isRecord(value))
    throw new ConfigurationError(`${file}: a catalog is a JSON object of service prefixes`);
  let body = value;
  let updatedAt;
  if ("services" in value) {
    if (!isRecord(value.services)) {
      throw new ConfigurationError(`${file}: "services" must be an object of service prefixes`);
    }
    if (value.updatedAt !== void 0 && typeof value.updatedAt !== "string") {
      throw new ConfigurationError(`${file}: "updatedAt" must be a date string`);
    }
    body = value.services;
    updatedAt = value.updatedAt;
  }
  const services = /* @__PURE__ */ new Map();
  for (const [service, actions] of Object.entries(body)) {
    if (!/^[a-z0-9-]+$/i.test(service)) {
      throw new ConfigurationError(`${file}: "${service}" is not a service prefix`);
    }
    if (!Array.isArray(actions) || actions.some((a) => typeof a !== "string" || !/^[A-Za-z0-9_-]+$/.test(a))) {
      throw new ConfigurationError(
        `${file}: "${service}" must list action names without wildcards, e.g. ["GetObject"]`
      );
    }
    services.set(service.toLowerCase(), [
      ...services.get(service.toLowerCase()) ?? [],
      ...actions
    ]);
  }
  if (services.size === 0) throw new ConfigurationError(`${file}: the catalog names no service`);
  return updatedAt === void 0 ? { source: file, services } : { source: file, updatedAt, services };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/engine/generated-catalog.ts
var built = [];
function generatedCatalog(data) {
  const json = data.BUNDLED_CATALOG_JSON;
  const known = built.find((b) => b.json === json);
  if (known) return known.catalog;
  let services;
  const catalog = {
    source: data.BUNDLED_CATALOG_SOURCE,
    updatedAt: data.BUNDLED_CATALOG_UPDATED_AT,
    get services() {
      return services ??= servicesOf(catalogIndex(catalog));
    }
  };
  indexCatalogWith(catalog, () => indexOf(json));
  built.push({ json, catalog });
  return catalog;
}
function indexOf(json) {
  return {
    names: JSON.parse(json.toLowerCase()),
    display: JSON.parse(json)
  };
}

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

// src/engine/trie.ts
function generalize(entry, match, universe, unused) {
  const view = trieView(match, universe, unused);
  const root = rootPrefix(entry);
  const isSubPattern = subPatternTest(entry, root);
  const out = [];
  const emitAt = (k) => {
    out.push({ name: view.display[k], folded: view.names[k] });
  };
  const visit = (node, parentLo, parentHi, near) => {
    const range = prefixRange(view.names, node.prefix, parentLo, parentHi, near);
    const lo = range[0];
    const hi = range[1];
    const unusedHere = view.unusedIn(lo, hi);
    if (unusedHere === 0) {
      if (hi - lo === 1) {
        emitAt(lo);
        return hi;
      }
      if (isSubPattern(node.prefix)) {
        out.push({ name: `${node.display}*`, folded: `${node.prefix}*` });
        return hi;
      }
    } else if (unusedHere === hi - lo) return hi;
    const { action, children: children2 } = expand(node, view);
    if (action >= 0) emitAt(action);
    let next2 = lo;
    for (let c = 0; c < children2.length; c++) next2 = visit(children2[c], lo, hi, next2);
    return hi;
  };
  const members = view.used;
  const top = expand({ prefix: root, display: root, members }, view);
  if (top.action >= 0) emitAt(top.action);
  let next = view.lo;
  const { children } = top;
  for (let c = 0; c < children.length; c++)
    next = visit(children[c], view.lo, view.hi, next);
  return out;
}
function trieView(match, universe, unused) {
  const only = match.only;
  if (!only) {
    return {
      names: universe.names,
      display: universe.display,
      lo: match.lo,
      hi: match.hi,
      used: unused.usedIn(match.lo, match.hi),
      unusedIn: (lo, hi) => unused.countIn(lo, hi)
    };
  }
  const before = new Uint32Array(only.length + 1);
  const used = [];
  only.forEach((position, k) => {
    const isUnused = unused.at(position);
    before[k + 1] = before[k] + (isUnused ? 1 : 0);
    if (!isUnused) used.push(k);
  });
  return {
    names: only.map((position) => universe.names[position]),
    display: only.map((position) => universe.display[position]),
    lo: 0,
    hi: only.length,
    used,
    unusedIn: (lo, hi) => before[hi] - before[lo]
  };
}
var NONE = "\uFFFF";
function expand(node, view) {
  const depth = node.prefix.length;
  let action = -1;
  const children = /* @__PURE__ */ new Map();
  let last;
  let same = NONE;
  const { members } = node;
  for (let m = 0; m < members.length; m++) {
    const k = members[m];
    const name = view.names[k];
    if (name.length === depth) {
      action = k;
      continue;
    }
    const display = view.display[k];
    let end;
    let child;
    if (last !== void 0 && display.startsWith(same)) {
      end = last.prefix.length;
      child = last;
    } else {
      end = wordEndAfter(display, depth);
      child = last !== void 0 && last.prefix.length === end && name.startsWith(last.prefix) ? last : children.get(name.slice(0, end));
      const colon = display.indexOf(":");
      same = colon >= 0 && colon < end && end + 2 <= display.length ? display.slice(0, end + 2) : NONE;
    }
    if (!child) {
      const prefix = name.slice(0, end);
      const displayEnds = end === name.length;
      child = { prefix, display: display.slice(0, end), members: [k], displayEnds };
      children.set(prefix, child);
      last = child;
      continue;
    }
    last = child;
    child.members.push(k);
    if (child.displayEnds && end < name.length) {
      child.display = display.slice(0, end);
      child.displayEnds = false;
    }
  }
  return { action, children: [...children.values()] };
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
  const same = again.document === result.document || JSON.stringify(again.document) === JSON.stringify(result.document);
  if (again.changed || !same) {
    throw new InvariantError(
      "refining the refined policy with the same findings changed it (guarantee 5)"
    );
  }
}
function checkStatement(s, context) {
  const { universe, unused } = context;
  const beforeFolded = s.before.map(fold);
  const afterFolded = s.after.map(fold);
  const originals = beforeFolded.map(containedIn);
  s.after.forEach((entry, i) => {
    const f = afterFolded[i];
    if (!originals.some((inside) => inside(f))) {
      fail(s, `"${entry}" allows strings no original entry allows (guarantee 1)`);
    }
  });
  let refined;
  const allowedAfter = positionsOf(s.after, afterFolded, universe);
  s.before.forEach((entry, i) => {
    const folded = beforeFolded[i];
    if (!hasWildcard(entry)) {
      const at = universe.indexOf(folded);
      if (at >= 0) checkRange(s, at, at + 1, allowedAfter, context);
      else {
        const isUnused = unused.has(folded);
        const allowed = (refined ??= new PatternIndex(s.after)).allows(folded);
        if (isUnused && allowed) fail(s, `the unused ${folded} is still allowed (guarantee 2)`);
        if (!isUnused && !allowed) fail(s, `the used ${folded} is no longer allowed (guarantee 3)`);
      }
      return;
    }
    const m = universe.matchFolded(folded);
    if (m.only) for (const at of m.only) checkRange(s, at, at + 1, allowedAfter, context);
    else checkRange(s, m.lo, m.hi, allowedAfter, context);
  });
  const originalFolded = new Set(beforeFolded);
  const originalEntries = new Set(s.before);
  const replacing = /* @__PURE__ */ new Set();
  for (const change of s.changes) {
    if (!originalEntries.has(change.entry))
      fail(s, `the report changes "${change.entry}", which is not an original entry`);
    if (change.kind === "replaced")
      for (let i = 0; i < change.by.length; i++) replacing.add(change.by[i]);
  }
  const output = new Set(s.after);
  const covered = coveredByOthers(afterFolded);
  replacing.forEach((entry) => {
    if (!output.has(entry)) fail(s, `the reported replacement "${entry}" is not in the Action`);
  });
  s.after.forEach((entry, i) => {
    const f = afterFolded[i];
    if (originalFolded.has(f)) return;
    if (!replacing.has(entry))
      fail(s, `the new "${entry}" is not reported as replacing an original entry`);
    if (covered[i]) fail(s, `the new "${entry}" is covered by another entry (guarantee 4)`);
  });
  for (const change of s.changes) {
    if (change.kind !== "replaced") continue;
    const wildcards = change.by.filter((entry) => entry.endsWith("*"));
    if (wildcards.length === 0) continue;
    const root = rootPrefix(change.entry);
    const unusedStartingWith = unusedPrefixTest(universe.match(change.entry), context);
    const isSubPattern = subPatternTest(change.entry, root);
    for (let i = 0; i < wildcards.length; i++) {
      checkMaximal(s, wildcards[i], root, unusedStartingWith, isSubPattern);
    }
  }
}
function positionsOf(entries, folded, universe) {
  const intervals = [];
  entries.forEach((entry, i) => {
    if (!hasWildcard(entry)) {
      const at = universe.indexOf(folded[i]);
      if (at >= 0) intervals.push([at, at + 1]);
      return;
    }
    const m = universe.matchFolded(folded[i]);
    if (m.only) for (const at of m.only) intervals.push([at, at + 1]);
    else if (m.hi > m.lo) intervals.push([m.lo, m.hi]);
  });
  intervals.sort((a, b) => a[0] - b[0]);
  const starts = [];
  const ends = [];
  for (let k = 0; k < intervals.length; k++) {
    const interval = intervals[k];
    const lo = interval[0];
    const hi = interval[1];
    const last = ends.length - 1;
    if (last >= 0 && lo <= ends[last]) ends[last] = Math.max(ends[last], hi);
    else {
      starts.push(lo);
      ends.push(hi);
    }
  }
  return { starts, ends };
}
function checkRange(s, lo, hi, after, { universe, unused }) {
  const { starts, ends } = after;
  let i = 0;
  let top = ends.length;
  while (i < top) {
    const mid = i + top >>> 1;
    if (ends[mid] <= lo) i = mid + 1;
    else top = mid;
  }
  let at = lo;
  while (at < hi) {
    const inside = i < starts.length && starts[i] <= at;
    const next = inside ? ends[i++] : i < starts.length ? starts[i] : hi;
    const end = Math.min(hi, next);
    const unusedHere = unused.countIn(at, end);
    if (inside && unusedHere > 0) {
      while (!unused.at(at)) at++;
      fail(s, `the unused ${universe.display[at]} is still allowed (guarantee 2)`);
    }
    if (!inside && unusedHere < end - at) {
      while (unused.at(at)) at++;
      fail(s, `the used ${universe.display[at]} is no longer allowed (guarantee 3)`);
    }
    at = end;
  }
}
function unusedPrefixTest(m, { universe, unused }) {
  const r = m.only?.filter((at) => unused.at(at));
  const known = /* @__PURE__ */ new Map();
  const test = (prefix) => {
    if (!r) {
      const range2 = universe.range(prefix, m.lo, m.hi);
      return unused.countIn(range2[0], range2[1]) > 0;
    }
    const range = universe.range(prefix);
    const lo = range[0];
    const hi = range[1];
    let a = 0;
    let b = r.length;
    while (a < b) {
      const mid = a + b >>> 1;
      if (r[mid] < lo) a = mid + 1;
      else b = mid;
    }
    return a < r.length && r[a] < hi;
  };
  return (prefix) => {
    let answer = known.get(prefix);
    if (answer === void 0) known.set(prefix, answer = test(prefix));
    return answer;
  };
}
function checkMaximal(s, wildcard, root, unusedStartingWith, isSubPattern) {
  const prefix = wildcard.slice(0, -1);
  const previous = lastWordStart(prefix);
  const parent = previous > root.length ? fold(prefix.slice(0, previous)) : root;
  if (!unusedStartingWith(parent) && isSubPattern(parent)) {
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

// src/engine/universe.ts
function matchSize(match) {
  return match.only ? match.only.length : match.hi - match.lo;
}
var Universe = class {
  /** Folded names, sorted by code unit, no two alike. */
  names;
  /** `display[i]` is `names[i]` in the casing shown: the catalog's, else the first one given. */
  display;
  /** The catalog's own folded names (the universe's when nothing was added). */
  catalogNames;
  matches = /* @__PURE__ */ new Map();
  /**
   * The positions of the catalog names the constructor was given, by their text as given (the
   * findings' actions, which U then looks up again). Empty when names were added, which moves
   * the catalog's names to other positions.
   */
  given;
  /**
   * Where the last search ended. Questions come mostly in sorted order (a finding's actions, a
   * refinement's entries), so the next search starts there (src/engine/sorted.ts); it never
   * changes an answer.
   */
  near = 0;
  /** Catalog names win the casing; then findings, then the policy's own text. */
  constructor(catalog, ...extra) {
    const base = catalogIndex(catalog);
    const added = /* @__PURE__ */ new Map();
    const given = /* @__PURE__ */ new Map();
    let near = 0;
    for (const names2 of extra) {
      for (let i2 = 0; i2 < names2.length; i2++) {
        const name = names2[i2];
        if (given.has(name)) continue;
        const folded = fold(name);
        near = lowerBoundNear(base.names, folded, near);
        const inCatalog = base.names[near] === folded;
        given.set(name, inCatalog ? near : -1);
        if (!inCatalog && !added.has(folded) && isActionName(name)) added.set(folded, name);
      }
    }
    this.catalogNames = base.names;
    if (added.size === 0) {
      this.names = base.names;
      this.display = base.display;
      this.given = given;
      return;
    }
    this.given = /* @__PURE__ */ new Map();
    const names = [];
    const display = [];
    const more = [...added.keys()].sort();
    let i = 0;
    for (const folded of more) {
      const at = lowerBoundNear(base.names, folded, i, i);
      for (; i < at; i++) {
        names.push(base.names[i]);
        display.push(base.display[i]);
      }
      names.push(folded);
      display.push(added.get(folded));
    }
    for (; i < base.names.length; i++) {
      names.push(base.names[i]);
      display.push(base.display[i]);
    }
    this.names = names;
    this.display = display;
  }
  get size() {
    return this.names.length;
  }
  /** The position of a folded name, or -1 when the universe lacks it. */
  indexOf(folded) {
    const at = this.near = lowerBoundNear(this.names, folded, this.near);
    return this.names[at] === folded ? at : -1;
  }
  /** The position of a name in any casing, or -1: `indexOf(fold(name))`. */
  positionOf(name) {
    const at = this.given.get(name);
    return at !== void 0 && at >= 0 ? at : this.indexOf(fold(name));
  }
  has(folded) {
    return this.indexOf(folded) >= 0;
  }
  /** Whether the catalog itself names a folded action (not only the findings or a policy). */
  inCatalog(folded) {
    return this.catalogNames[lowerBoundNear(this.catalogNames, folded, this.near)] === folded;
  }
  /** The casing to show for a folded name of the universe. */
  displayOf(folded) {
    const at = this.indexOf(folded);
    return at < 0 ? folded : this.display[at];
  }
  /** The positions of the names that start with a folded prefix, searched within [from, to). */
  range(prefix, from = 0, to = this.names.length) {
    const range = prefixRange(this.names, prefix, from, to, this.near);
    this.near = range[0];
    return range;
  }
  /** The positions of a service's names (`service` in any casing). */
  serviceRange(service) {
    const folded = fold(service);
    if (folded.includes(":")) return [0, 0];
    return this.range(`${folded}:`);
  }
  /**
   * The names a pattern matches. Only the range of its literal prefix is looked at. A match is a
   * function of the folded pattern and the universe alone, so it is kept per pattern: the
   * refinement, its proof and the second refinement for idempotence ask about the same entries.
   */
  match(pattern) {
    return this.matchFolded(fold(pattern));
  }
  /** `match` of a pattern already folded. */
  matchFolded(folded) {
    let match = this.matches.get(folded);
    if (!match) {
      match = this.findMatch(folded);
      this.matches.set(folded, match);
    }
    return match;
  }
  findMatch(folded) {
    const range = this.range(literalPrefix(folded));
    const lo = range[0];
    const hi = range[1];
    if (trailingStarPrefix(folded) !== null) return { lo, hi };
    const glob = new Glob(folded);
    const only = [];
    for (let i = lo; i < hi; i++) if (glob.test(this.names[i])) only.push(i);
    return { lo, hi, only };
  }
  /** Folded names that `pattern` matches, sorted. */
  matching(pattern) {
    const match = this.match(pattern);
    if (!match.only) return this.names.slice(match.lo, match.hi);
    return Array.from(match.only, (i) => this.names[i]);
  }
};
function isActionName(name) {
  return /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(name);
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

// src/engine/unused-set.ts
var UnusedSet = class _UnusedSet {
  /** Every action is unused (each principal has an `UnusedIAMRole` finding). */
  all;
  universe;
  starts;
  ends;
  /** `before[j]`: how many positions the intervals before the j-th hold. */
  before;
  /** Unused names the universe cannot hold (not well-formed `service:Action` names), folded. */
  outside;
  keep;
  keepCount;
  /** Where the last search of the intervals ended. */
  near = 0;
  constructor(universe, all, unused, outside, keep) {
    this.universe = universe;
    this.all = all;
    this.outside = outside;
    this.keep = new PatternIndex(keep);
    this.keepCount = keep.length;
    const kept = [];
    for (const pattern of keep) {
      const m = universe.match(pattern);
      if (m.only) for (const i of m.only) kept.push([i, i + 1]);
      else kept.push([m.lo, m.hi]);
    }
    const { starts, ends } = subtract(unused, merge(kept));
    this.starts = starts;
    this.ends = ends;
    const before = [0];
    starts.forEach((start, j) => before.push(before[j] + ends[j] - start));
    this.before = before;
  }
  /**
   * `principals` are the findings of each principal the policy belongs to; a principal without a
   * finding uses everything (pass `usesEverything(arn)`), and no principal means nothing is unused.
   */
  static resolve(principals, universe, keepActions = []) {
    const none = { starts: [], ends: [] };
    if (principals.length === 0) return new _UnusedSet(universe, false, none, /* @__PURE__ */ new Set(), keepActions);
    let all = true;
    let unused;
    let outside;
    for (const p of principals) {
      if (p.wholePrincipal) continue;
      all = false;
      const own = unusedOf(p, universe);
      if (unused === void 0 || outside === void 0) {
        unused = own.unused;
        outside = own.outside;
      } else {
        unused = intersect(unused, own.unused);
        outside = new Set([...outside].filter((a) => own.outside.has(a)));
      }
    }
    if (all) unused = { starts: [0], ends: [universe.size] };
    return new _UnusedSet(universe, all, unused ?? none, outside ?? /* @__PURE__ */ new Set(), keepActions);
  }
  /** Whether a folded action name is unused. */
  has(folded) {
    const at = this.universe.indexOf(folded);
    if (at >= 0) return this.at(at);
    if (this.keepCount > 0 && this.keep.allows(folded)) return false;
    return this.all || this.outside.has(folded);
  }
  /** Whether the universe's name at a position is unused. */
  at(position) {
    const j = this.intervalsBefore(position + 1) - 1;
    return j >= 0 && position < this.ends[j];
  }
  /** How many universe names of [lo, hi) are unused. */
  countIn(lo, hi) {
    return this.unusedBelow(hi) - this.unusedBelow(lo);
  }
  /** How many names of a match are unused. */
  countOf(match) {
    if (!match.only) return this.countIn(match.lo, match.hi);
    let n = 0;
    for (const i of match.only) if (this.at(i)) n++;
    return n;
  }
  /** The positions of [lo, hi) whose names are used, ascending: the gaps between intervals. */
  usedIn(lo, hi) {
    const used = [];
    let j = this.intervalsBefore(lo + 1) - 1;
    if (j < 0 || this.ends[j] <= lo) j++;
    let at = lo;
    while (at < hi) {
      const start = j < this.starts.length ? this.starts[j] : hi;
      if (start <= at) {
        at = this.ends[j++];
        continue;
      }
      const end = Math.min(start, hi);
      for (; at < end; at++) used.push(at);
    }
    return used;
  }
  /** The unused names of a match (its R), in the universe's order and casing. */
  namesOf(match) {
    const { display } = this.universe;
    if (match.only) return match.only.filter((i) => this.at(i)).map((i) => display[i]);
    const runs = [];
    for (let j = this.intervalsBefore(match.lo + 1) - 1; j < this.starts.length; j++) {
      if (j < 0) continue;
      const from = Math.max(this.starts[j], match.lo);
      const to = Math.min(this.ends[j], match.hi);
      if (from >= match.hi) break;
      if (from < to) runs.push(display.slice(from, to));
    }
    return runs.length === 1 ? runs[0] : [].concat(...runs);
  }
  /**
   * How many intervals start before `position`. The trie and the checks ask about positions in
   * ascending order, mostly near the last one, so the search gallops from the last answer a few
   * places before it bisects (as src/engine/sorted.ts does for names); the hint never changes
   * the answer.
   */
  intervalsBefore(position) {
    const starts = this.starts;
    const n = starts.length;
    const near = Math.min(this.near, n);
    let lo = 0;
    let hi = n;
    let step = 1;
    if (near < n && starts[near] < position) {
      lo = near + 1;
      for (let probe = lo, k = 0; k < GALLOP_PROBES; k++) {
        if (probe >= n || !(starts[probe] < position)) {
          hi = Math.min(probe, n);
          break;
        }
        lo = probe + 1;
        probe = lo + step;
        step *= 2;
      }
    } else {
      hi = near;
      for (let probe = hi - 1, k = 0; k < GALLOP_PROBES; k++) {
        if (probe <= 0 || starts[probe] < position) {
          lo = Math.max(probe, 0);
          break;
        }
        hi = probe;
        probe = hi - step;
        step *= 2;
      }
    }
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (starts[mid] < position) lo = mid + 1;
      else hi = mid;
    }
    this.near = lo;
    return lo;
  }
  /** How many unused positions lie below `position`. */
  unusedBelow(position) {
    const j = this.intervalsBefore(position);
    if (j === 0) return 0;
    const overshoot = Math.max(0, this.ends[j - 1] - position);
    return this.before[j] - overshoot;
  }
};
function unusedOf(p, universe) {
  const outside = /* @__PURE__ */ new Set();
  const intervals = [];
  for (let i = 0; i < p.services.length; i++) {
    const s = p.services[i];
    if (s.actions === void 0) {
      intervals.push(universe.serviceRange(s.service));
      continue;
    }
    for (let j = 0; j < s.actions.length; j++) {
      const name = `${s.service}:${s.actions[j].action}`;
      const at = universe.positionOf(name);
      if (at >= 0) intervals.push([at, at + 1]);
      else outside.add(fold(name));
    }
  }
  return { unused: merge(intervals), outside };
}
function merge(intervals) {
  intervals.sort((a, b) => a[0] - b[0]);
  const starts = [];
  const ends = [];
  for (let k = 0; k < intervals.length; k++) {
    const interval = intervals[k];
    const lo = interval[0];
    const hi = interval[1];
    if (hi <= lo) continue;
    const last = ends.length - 1;
    if (last >= 0 && lo <= ends[last]) ends[last] = Math.max(ends[last], hi);
    else {
      starts.push(lo);
      ends.push(hi);
    }
  }
  return { starts, ends };
}
function intersect(a, b) {
  const starts = [];
  const ends = [];
  let i = 0;
  let j = 0;
  while (i < a.starts.length && j < b.starts.length) {
    const lo = Math.max(a.starts[i], b.starts[j]);
    const hi = Math.min(a.ends[i], b.ends[j]);
    if (lo < hi) {
      starts.push(lo);
      ends.push(hi);
    }
    if (a.ends[i] < b.ends[j]) i++;
    else j++;
  }
  return { starts, ends };
}
function subtract(a, b) {
  if (b.starts.length === 0) return a;
  const starts = [];
  const ends = [];
  let j = 0;
  a.starts.forEach((start, i) => {
    let lo = start;
    const hi = a.ends[i];
    while (j < b.starts.length && b.ends[j] <= lo) j++;
    let k = j;
    while (lo < hi && k < b.starts.length && b.starts[k] < hi) {
      if (b.starts[k] > lo) {
        starts.push(lo);
        ends.push(b.starts[k]);
      }
      lo = Math.max(lo, b.ends[k]);
      k++;
    }
    if (lo < hi) {
      starts.push(lo);
      ends.push(hi);
    }
  });
  return { starts, ends };
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
  const after = changed ? policySize(refinedDoc) : before;
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
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e];
    const folded = fold(entry);
    if (!hasWildcard(entry)) {
      if (unused.has(folded)) {
        changes.push({ kind: "removed", entry, unused: [universe.displayOf(folded)] });
        slots.push({ out: [], isNew: false });
      } else slots.push({ out: [{ name: entry, folded }], isNew: false });
      continue;
    }
    const m = universe.matchFolded(folded);
    const matched = matchSize(m);
    if (context.budget && (context.budget.matchedActions -= matched) < 0) {
      throw new LimitError(
        `too large to check: the wildcards of this file match more than ${MAX_MATCHED_ACTIONS_PER_FILE} actions together; split the file or narrow its wildcards`,
        "check"
      );
    }
    const unusedCount = unused.countOf(m);
    const removesAll = unusedCount === matched && (unusedCount > 0 || unused.all);
    if (unusedCount === 0 && !removesAll) {
      slots.push({ out: [{ name: entry, folded }], isNew: false });
    } else if (removesAll) {
      changes.push({ kind: "removed", entry, unused: unused.namesOf(m) });
      slots.push({ out: [], isNew: false });
    } else {
      const replacement = generalize(entry, m, universe, unused).sort(compareFoldedNames);
      changes.push({
        kind: "replaced",
        entry,
        by: replacement.map((r) => r.name),
        unused: unused.namesOf(m),
        matched
      });
      slots.push({ out: replacement, isNew: true });
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
  const keptIndex = new PatternIndex(
    slots.filter((s) => !s.isNew).flatMap((s) => s.out.map((o) => o.folded))
  );
  const seen = /* @__PURE__ */ new Set();
  const fresh = [];
  for (const s of slots) {
    if (!s.isNew) continue;
    for (let i = 0; i < s.out.length; i++) {
      const e = s.out[i];
      if (seen.has(e.folded) || keptIndex.covers(e.folded)) continue;
      seen.add(e.folded);
      fresh.push(e);
    }
  }
  const covered = coveredByOthers(fresh.map((e) => e.folded));
  const survivors = new Set(fresh.filter((_, i) => !covered[i]).map((e) => e.name));
  const entries = [];
  const placed = /* @__PURE__ */ new Set();
  for (const s of slots) {
    for (let i = 0; i < s.out.length; i++) {
      const { name } = s.out[i];
      if (!s.isNew) entries.push(name);
      else if (survivors.has(name) && !placed.has(name)) {
        placed.add(name);
        entries.push(name);
      }
    }
  }
  return { entries, survivors };
}
function sidOf(statement) {
  return isRecord(statement) && typeof statement.Sid === "string" ? { sid: statement.Sid } : {};
}

// src/io/json-text.ts
var MAX_FILE_BYTES = 5 * 1024 * 1024;
function parseJsonText(text, file) {
  if (text.includes("\0"))
    throw new ConfigurationError(`${file}: is binary (it holds NUL bytes), not JSON`);
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  try {
    return { value: JSON.parse(body) };
  } catch {
    return { refused: body };
  }
}
function jsonSyntaxError(file, problem) {
  if (!problem) return new ConfigurationError(`${file}: is not valid JSON`);
  return new ConfigurationError(
    `${file}:${problem.line}:${problem.column}: is not valid JSON (${problem.reason})`
  );
}

// src/io/node-require.ts
var import_node_module = require("node:module");
var nodeRequire = typeof require === "function" ? require : (0, import_node_module.createRequire)(importMeta.url);

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
function readRecommendation(value, path, fail2, source, resource) {
  const at = (key) => path ? `${path}.${key}` : key;
  if (!isRecord(value)) return fail2(path, "a GetFindingRecommendation response must be an object");
  const principal = value.resourceArn;
  if (typeof principal !== "string" || !PRINCIPAL_ARN.test(principal)) {
    return fail2(at("resourceArn"), "must be the ARN of the role or user the recommendation is for");
  }
  if (resource !== void 0 && principal !== resource) {
    return fail2(at("resourceArn"), `is ${principal}, not the finding's resource ${resource}`);
  }
  if (value.recommendationType !== RECOMMENDATION_TYPE) {
    return fail2(at("recommendationType"), `must be "${RECOMMENDATION_TYPE}"`);
  }
  const status = value.status;
  if (typeof status !== "string" || !STATUSES.includes(status)) {
    return fail2(at("status"), `must be one of ${STATUSES.join(", ")}`);
  }
  const startedAt = timestamp(value.startedAt, at("startedAt"), fail2, true);
  const completedAt = timestamp(value.completedAt, at("completedAt"), fail2, false);
  if (value.nextToken !== void 0 && value.nextToken !== null) {
    return fail2(
      at("nextToken"),
      "is set, so this is one page of the recommendation: save the whole response (without --max-items or --no-paginate)"
    );
  }
  const error = readError(value.error, at("error"), fail2);
  const steps = readSteps(value.recommendedSteps, at("recommendedSteps"), fail2);
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
function readError(value, path, fail2) {
  if (value === void 0 || value === null) return void 0;
  if (!isRecord(value)) return fail2(path, 'must be {"code": "...", "message": "..."}');
  const code = boundedText(value.code, `${path}.code`, MAX_ERROR_CODE_CHARS, fail2);
  const message = boundedText(value.message, `${path}.message`, MAX_ERROR_MESSAGE_CHARS, fail2);
  return { code, message };
}
function readSteps(value, path, fail2) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) return fail2(path, "must be a list");
  if (value.length > MAX_RECOMMENDED_STEPS) {
    return fail2(path, `holds ${value.length} steps, more than ${MAX_RECOMMENDED_STEPS}`);
  }
  return value.map((item, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(item)) return fail2(at, "a recommended step must be an object");
    const keys = Object.keys(item);
    if (keys.length !== 1 || !isRecord(item.unusedPermissionsRecommendedStep)) {
      return fail2(at, 'must hold exactly one "unusedPermissionsRecommendedStep"');
    }
    return readStep(
      item.unusedPermissionsRecommendedStep,
      `${at}.unusedPermissionsRecommendedStep`,
      fail2
    );
  });
}
function readStep(step, path, fail2) {
  const action = step.recommendedAction;
  if (typeof action !== "string" || !ACTIONS.includes(action)) {
    return fail2(`${path}.recommendedAction`, `must be ${ACTIONS.join(" or ")}`);
  }
  const id = step.existingPolicyId === void 0 || step.existingPolicyId === null ? void 0 : boundedText(step.existingPolicyId, `${path}.existingPolicyId`, MAX_POLICY_ID_CHARS, fail2);
  const updated = timestamp(step.policyUpdatedAt, `${path}.policyUpdatedAt`, fail2, false);
  const out = {
    action
  };
  if (id !== void 0) out.existingPolicyId = id;
  if (updated !== void 0) out.policyUpdatedAt = updated;
  if (action === "DETACH_POLICY") {
    if (id === void 0) return fail2(path, "a DETACH_POLICY step must name its existingPolicyId");
    return out;
  }
  if (typeof step.recommendedPolicy !== "string") {
    return fail2(
      `${path}.recommendedPolicy`,
      "a CREATE_POLICY step must hold the policy as a JSON string"
    );
  }
  out.recommendedPolicy = readPolicy(step.recommendedPolicy, `${path}.recommendedPolicy`, fail2);
  return out;
}
function readPolicy(text, path, fail2) {
  if (text.length > MAX_RECOMMENDED_POLICY_CHARS) {
    return fail2(
      path,
      `is ${text.length} characters, over the ${MAX_RECOMMENDED_POLICY_CHARS}-character limit`
    );
  }
  if (nesting(text) > MAX_POLICY_NESTING) {
    return fail2(path, `nests deeper than ${MAX_POLICY_NESTING} levels; not a policy`);
  }
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    return fail2(path, "is not valid JSON");
  }
  if (!isRecord(document)) return fail2(path, "must be a policy document (a JSON object)");
  const statement = document.Statement;
  const statements = Array.isArray(statement) ? statement : isRecord(statement) ? [statement] : void 0;
  if (statements === void 0) return fail2(path, 'has no "Statement" list or object');
  statements.forEach((s, i) => {
    const at = `${path}: Statement[${i}]`;
    if (!isRecord(s)) return fail2(at, "must be an object");
    if (s.Effect !== "Allow" && s.Effect !== "Deny")
      return fail2(`${at}.Effect`, "must be Allow or Deny");
    if (!("Action" in s) && !("NotAction" in s)) return fail2(at, "has neither Action nor NotAction");
    for (const key of ["Action", "NotAction"]) {
      if (!(key in s)) continue;
      const value = s[key];
      const entries = typeof value === "string" ? [value] : value;
      if (!Array.isArray(entries))
        return fail2(`${at}.${key}`, "must be a string or a list of strings");
      entries.forEach((entry, j) => {
        if (typeof entry !== "string" || !ACTION_PATTERN.test(entry)) {
          fail2(`${at}.${key}[${j}]`, 'is not an action name or pattern such as "s3:Get*"');
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
function timestamp(value, path, fail2, required) {
  if (value === void 0 || value === null) {
    return required ? fail2(path, 'must be a time stamp such as "2024-06-10T08:00:00Z"') : void 0;
  }
  if (typeof value !== "string" || !TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) {
    return fail2(path, 'must be a time stamp such as "2024-06-10T08:00:00Z"');
  }
  return value;
}
function boundedText(value, path, max, fail2) {
  if (typeof value !== "string" || value === "") return fail2(path, "must be a non-empty string");
  if (value.length > max) return fail2(path, `is ${value.length} characters, more than ${max}`);
  if (CONTROL.test(value)) return fail2(path, "holds control characters");
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
  const fail2 = (path, what) => {
    throw new ConfigurationError(`${file}: ${path ? `${path}: ` : ""}${what}`);
  };
  if (isRecommendationResponse(value)) {
    return {
      principals: [],
      notes: [],
      covered: [],
      coveredAccounts: [],
      recommendations: [readRecommendation(value, "", fail2, file)]
    };
  }
  if (isRecord(value) && Array.isArray(value.findings)) {
    const parsed = readFindingList(value.findings, "findings", file, fail2);
    return {
      ...parsed,
      covered: [...parsed.covered, ...readPrincipals(value.coveredPrincipals, fail2)],
      coveredAccounts: readAccounts(value.coveredAccounts, fail2)
    };
  }
  if (isRecord(value)) return readFindingList([value], "", file, fail2, true);
  if (!Array.isArray(value)) {
    return fail2(
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
    const services = value.map((s, i) => readService(s, `[${i}]`, fail2, false));
    return {
      principals: [{ principal: "", wholePrincipal: false, services, sources: [file] }],
      notes: [],
      covered: [],
      coveredAccounts: []
    };
  }
  return readFindingList(value, "", file, fail2);
}
function readPrincipals(value, fail2) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) return fail2("coveredPrincipals", "must be a list of role or user ARNs");
  return value.map(
    (a, i) => typeof a === "string" && FINDING_FIELDS.resource.test(a) ? a : fail2(`coveredPrincipals[${i}]`, "must be the ARN of an IAM role or user")
  );
}
function readAccounts(value, fail2) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) return fail2("coveredAccounts", "must be a list of account ids");
  return value.map(
    (a, i) => typeof a === "string" && FINDING_FIELDS.account.test(a) ? a : fail2(`coveredAccounts[${i}]`, "must be a 12-digit account id")
  );
}
function readFindingList(list, base, file, fail2, single = false) {
  const principals = [];
  const notes = [];
  const covered = [];
  const recommendations = [];
  list.forEach((finding, i) => {
    const path = single ? base : `${base}[${i}]`;
    if (!isRecord(finding)) return fail2(path, "a finding must be an object");
    const type = finding.findingType;
    const resource = finding.resource;
    const status = finding.status;
    if (typeof type !== "string") {
      return fail2(
        path,
        'has no "findingType"; expected a GetFindingV2 response (aws accessanalyzer get-finding-v2)'
      );
    }
    if (!FINDING_TYPES.has(type)) {
      return fail2(`${path}.findingType`, `is not one of Access Analyzer's finding types`);
    }
    if (typeof resource !== "string" || !FINDING_FIELDS.resource.test(resource)) {
      return fail2(`${path}.resource`, "must be the ARN of an IAM role or user");
    }
    if (finding.id !== void 0 && (typeof finding.id !== "string" || !FINDING_FIELDS.id.test(finding.id))) {
      return fail2(`${path}.id`, "must be a finding id (a UUID, or last-accessed:<ARN>)");
    }
    if (typeof status !== "string" || !STATUSES2.has(status)) {
      return fail2(`${path}.status`, "must be ACTIVE, ARCHIVED or RESOLVED");
    }
    for (const key of ["analyzedAt", "updatedAt", "createdAt"]) {
      readDate(finding[key], `${path}.${key}`, fail2);
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
      return fail2(
        path,
        'has no "findingDetails" list; a ListFindingsV2 summary is not enough, export each finding with get-finding-v2 or `iam-refine findings export`'
      );
    }
    if (type === "UnusedIAMRole") {
      const role = details.find((d) => isRecord(d) && isRecord(d.unusedIamRoleDetails));
      const lastAccessed = isRecord(role) && isRecord(role.unusedIamRoleDetails) ? readDate(role.unusedIamRoleDetails.lastAccessed, `${path}.findingDetails`, fail2) : void 0;
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
        return fail2(at, 'must hold "unusedPermissionDetails"');
      }
      return readService(d.unusedPermissionDetails, `${at}.unusedPermissionDetails`, fail2, true);
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
      recommendations.push(readRecommendation(recommendation, at, fail2, `finding ${id}`, resource));
    }
  });
  return recommendations.length > 0 ? { principals, notes, covered, coveredAccounts: [], recommendations } : { principals, notes, covered, coveredAccounts: [] };
}
function readService(value, path, fail2, objectsOnly) {
  if (!isRecord(value)) return fail2(path, 'must be an object with "serviceNamespace"');
  const service = value.serviceNamespace;
  if (typeof service !== "string" || !SERVICE.test(service)) {
    return fail2(path, '"serviceNamespace" must be a service prefix such as "s3"');
  }
  const lastAccessed = readDate(value.lastAccessed, `${path}.lastAccessed`, fail2);
  const base = lastAccessed ? { service, lastAccessed } : { service };
  if (value.actions === void 0 || value.actions === null) return base;
  if (!Array.isArray(value.actions)) return fail2(`${path}.actions`, "must be a list");
  const actions = value.actions.map((a, i) => {
    const at = `${path}.actions[${i}]`;
    const raw = isRecord(a) ? a.action : objectsOnly ? void 0 : a;
    if (typeof raw !== "string")
      return fail2(at, objectsOnly ? 'must be {"action": "..."}' : "must be an action name");
    const name = stripService(raw, service, at, fail2);
    const last = isRecord(a) ? readDate(a.lastAccessed, `${at}.lastAccessed`, fail2) : void 0;
    return last ? { action: name, lastAccessed: last } : { action: name };
  });
  return { ...base, actions };
}
function stripService(raw, service, path, fail2) {
  const colon = raw.indexOf(":");
  const action = colon < 0 ? raw : raw.slice(colon + 1);
  if (colon >= 0 && raw.slice(0, colon).toLowerCase() !== service.toLowerCase()) {
    return fail2(path, `"${raw}" is not an action of the service "${service}"`);
  }
  if (!ACTION.test(action)) return fail2(path, `"${raw}" is not an action name`);
  return action;
}
function readDate(value, path, fail2) {
  if (value === void 0 || value === null || value === "") return void 0;
  if (typeof value !== "string" || !FINDING_FIELDS.date.test(value)) {
    return fail2(path, "must be an ISO 8601 date such as 2024-05-01T00:00:00Z");
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

// src/findings/load.ts
async function loadFindingsFiles(paths) {
  const parsed = [];
  for (const path of paths)
    parsed.push(parseFindings(await readJsonFile(path, "findings file"), path));
  return combineFindings(parsed);
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

// src/commands/io.ts
var EXIT = { ok: 0, unused: 1, usage: 2, bug: 3 };

// src/commands/options.ts
var { parseArgs } = nodeRequire("node:util");
function parseOptions(args, options, usage) {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true
    });
    return { values, positionals };
  } catch (error) {
    throw new ConfigurationError(`${error.message.split("\n")[0]}
${usage}`);
  }
}

// src/commands/guard.ts
function guarded(command) {
  return async (args, io) => {
    try {
      return await command(args, io);
    } catch (error) {
      return reportFailure(error, io);
    }
  };
}
function reportFailure(error, io) {
  if (error instanceof ConfigurationError) {
    io.err(`iam-refine: ${error.message}
`);
    return EXIT.usage;
  }
  if (error instanceof InvariantError) {
    io.err(`iam-refine: ${error.message}
`);
    return EXIT.bug;
  }
  io.err(
    `iam-refine: unexpected error: ${error?.message ?? String(error)}. This is a bug; please report it.
`
  );
  return EXIT.bug;
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
  if (file === void 0) return generatedCatalog(await import("./catalog-data.mjs"));
  return parseCatalog(await readJsonFile(file, "catalog"), file);
}
var main = guarded(refineCommand);
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  REFINE_USAGE,
  loadCatalog,
  main,
  refineCommand
});
