import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

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
function splitName(name) {
  const colon = name.indexOf(":");
  if (colon < 0) return { service: name, action: "" };
  return { service: name.slice(0, colon), action: name.slice(colon + 1) };
}
function wordBoundaries(name) {
  const ends = [];
  const colon = name.indexOf(":");
  const start = colon < 0 ? 0 : colon + 1;
  if (colon >= 0) ends.push(start);
  for (let i = start + 1; i < name.length; i++) if (startsWord(name, i)) ends.push(i);
  if (ends[ends.length - 1] !== name.length) ends.push(name.length);
  return ends;
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
function startsWord(name, i) {
  const here = name.charAt(i);
  if (!isUpper(here)) return false;
  const prev = name.charAt(i - 1);
  return isLower(prev) || isDigit(prev) || isUpper(prev) && isLower(name.charAt(i + 1));
}
function isUpper(c) {
  return c >= "A" && c <= "Z";
}
function isLower(c) {
  return c >= "a" && c <= "z";
}
function isDigit(c) {
  return c >= "0" && c <= "9";
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
  if (outer === inner) return true;
  if (!hasWildcard(inner)) return new Glob(outer).test(inner);
  const lit = trailingStarPrefix(inner);
  if (lit !== null) return coversEveryExtension(outer, lit);
  return symbolicMatch(outer, inner);
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
  constructor(patterns = []) {
    for (const p of patterns) this.add(p);
  }
  add(pattern) {
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
   * common prefix with P, which is shorter. Usually one or two binary searches.
   */
  hasPrefixOf(text, maxLength) {
    if (this.prefixCounts.size === 0 || maxLength < 0) return false;
    const sorted = this.sortedPrefixes ??= [...this.prefixCounts.keys()].sort();
    let t = text.length > maxLength ? text.slice(0, maxLength) : text;
    for (; ; ) {
      const at = upperBound(sorted, t) - 1;
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
function upperBound(sorted, key) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function compareNames(a, b) {
  const fa = fold(a);
  const fb = fold(b);
  return fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

export {
  fold,
  hasWildcard,
  literalPrefix,
  splitName,
  wordBoundaries,
  wordEndAfter,
  Glob,
  matches,
  trailingStarPrefix,
  patternContains,
  PatternIndex,
  compareNames
};
