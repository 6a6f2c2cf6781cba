import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  catalog_data_exports
} from "./chunk-ZS2NZTCM.mjs";
import {
  ConfigurationError
} from "./chunk-SYRML5ZZ.mjs";

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
function matches(pattern, name) {
  return new Glob(pattern).test(fold(name));
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

// src/engine/bundled-catalog.ts
function bundledCatalog() {
  return generatedCatalog(catalog_data_exports);
}

export {
  MAX_FILE_BYTES,
  parseJsonText,
  jsonSyntaxError,
  GALLOP_PROBES,
  lowerBoundNear,
  prefixRange,
  fold,
  hasWildcard,
  literalPrefix,
  wordEndAfter,
  lastWordStart,
  Glob,
  matches,
  trailingStarPrefix,
  patternContains,
  containedIn,
  PatternIndex,
  coveredByOthers,
  compareFoldedNames,
  catalogIndex,
  parseCatalog,
  isRecord,
  generatedCatalog,
  bundledCatalog
};
