import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  namedActions
} from "./chunk-KQJYSLP4.js";
import {
  GALLOP_PROBES,
  Glob,
  PatternIndex,
  catalogIndex,
  compareFoldedNames,
  containedIn,
  coveredByOthers,
  fold,
  hasWildcard,
  isRecord,
  lastWordStart,
  literalPrefix,
  lowerBoundNear,
  patternContains,
  prefixRange,
  trailingStarPrefix,
  wordEndAfter
} from "./chunk-LF3BJJ7O.js";
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
var MAX_STATEMENTS_PER_FILE = 5e3;
var MAX_SECONDS_PER_FILE = 30;

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
  MAX_STATEMENTS_PER_FILE,
  MAX_SECONDS_PER_FILE,
  Universe,
  UnusedSet,
  QUOTAS,
  newWorkBudget,
  refinePolicy,
  describeChange,
  listNames,
  statementLabel,
  describeRefinement
};
