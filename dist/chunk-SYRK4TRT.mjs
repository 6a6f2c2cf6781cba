import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  code,
  text
} from "./chunk-LQBJJJ4V.mjs";
import {
  isCovered,
  namedActions,
  usesEverything
} from "./chunk-2C3UKXPJ.mjs";
import {
  GALLOP_PROBES,
  Glob,
  MAX_FILE_BYTES,
  PatternIndex,
  bundledCatalog,
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
} from "./chunk-EDNVQGKR.mjs";
import {
  parseTree,
  printParseErrorCode
} from "./chunk-GO6UHQG7.mjs";
import {
  ConfigurationError,
  InvariantError,
  LimitError
} from "./chunk-SYRML5ZZ.mjs";

// src/report/agreement.ts
var LISTED = 6;
var REASONS_IN_LINE = 2;
var PLAIN = { name: (value) => value, prose: (value) => value, number: (n) => `#${n}` };
var MARKDOWN = {
  name: (value) => code(value),
  prose: (value) => text(value),
  number: (n) => String(n)
};
function agreementLine(agreement) {
  return line(agreement, PLAIN);
}
function agreementMarkdown(agreement) {
  return line(agreement, MARKDOWN);
}
function agreementCell(agreement, markdown) {
  const style = markdown ? MARKDOWN : PLAIN;
  if (agreement.verdict === "agrees") return "agrees";
  const first = firstExplanation(agreement, style);
  return `${agreement.verdict}${first ? `: ${first}` : ""}`;
}
function agreementDetails(agreement) {
  const several = agreement.principals.length > 1;
  return agreement.principals.flatMap((p) => {
    const who = several ? `for ${shortName(p.principal)}: ` : "";
    if (p.verdict === "unavailable")
      return [`${who}no recommendation to compare with: ${p.unavailable ?? ""}`];
    if (p.verdict === "agrees") return [`${who}agrees${matched(p, PLAIN)}`];
    return p.reasons.map((r) => `${who}${describeReason(r, p, PLAIN)}`);
  });
}
function line(agreement, style) {
  const several = agreement.principals.length > 1;
  const forWhom = several ? ` for ${agreement.principals.map((p) => style.name(shortName(p.principal))).join(" and ")}` : "";
  if (agreement.verdict === "agrees") {
    return `Matches IAM Access Analyzer's recommendation for this policy${forWhom}.`;
  }
  if (agreement.verdict === "unavailable") {
    return `No IAM Access Analyzer recommendation to compare with: ${firstExplanation(agreement, style)}.`;
  }
  const all = agreement.principals.flatMap(
    (p) => p.verdict === "differs" ? p.reasons.map(
      (r) => (several ? `for ${style.name(shortName(p.principal))}, ` : "") + describeReason(r, p, style)
    ) : []
  );
  const shown = all.slice(0, REASONS_IN_LINE).join("; ");
  const more = all.length > REASONS_IN_LINE ? ` (and ${all.length - REASONS_IN_LINE} more)` : "";
  return `Differs from IAM Access Analyzer's recommendation for this policy: ${shown}${more}.`;
}
function firstExplanation(agreement, style) {
  for (const p of agreement.principals) {
    if (agreement.verdict === "differs" && p.verdict === "differs" && p.reasons[0]) {
      return describeReason(p.reasons[0], p, style);
    }
    if (agreement.verdict === "unavailable" && p.verdict === "unavailable") {
      return style.prose(p.unavailable ?? "none");
    }
  }
  return agreement.principals.length === 0 ? "the policy belongs to no principal" : "";
}
function matched(p, style) {
  if (p.matchedBy === "id" && p.existingPolicyId)
    return ` (the step for ${style.name(p.existingPolicyId)})`;
  if (p.matchedBy === "content") return " (the recommended policy that lines up with this one)";
  return "";
}
function describeReason(r, p, style = PLAIN) {
  const where = r.statement ? statement(r.statement, style) : "the policy";
  const names = list(r.actions ?? [], style);
  switch (r.kind) {
    case "aws-catalog":
      return `${where}: the recommendation does not allow ${names}, which the findings do not report unused: actions newer than the catalog AWS refined with`;
    case "our-catalog":
      return `${where}: the recommendation allows ${names}, which iam-refine's catalog does not know`;
    case "removes-used":
      return `${where}: the recommendation removes ${names}, which the findings do not report unused`;
    case "keeps-unused":
      return `${where}: the recommendation still allows ${names}, which the findings report unused` + (p.completedAt ? ` (the recommendation dates from ${day(p.completedAt)})` : "");
    case "shared":
      return `${where}: iam-refine keeps ${names} for ${list((r.usedBy ?? []).map(shortName), style)}, who share this policy; AWS's recommendation is for ${style.name(shortName(p.principal))} alone`;
    case "keep-actions":
      return `${where}: iam-refine keeps ${names} (keep-actions in the configuration)`;
    case "not-refined-by-us":
      return `${where} ${r.note ?? "is left as it is by iam-refine"}; the recommendation changes it` + (r.actions && r.actions.length > 0 ? ` (it no longer allows ${names})` : "");
    case "not-refined-by-aws":
      return `the recommendation leaves ${where} as it is; iam-refine removes ${names}`;
    case "written-differently":
      return `${where}: the same actions under the catalog, written differently (iam-refine: ${list(r.ours ?? [], style, Infinity) || "removed"}; the recommendation: ${list(r.aws ?? [], style, Infinity) || "removed"})`;
    case "detached":
      return "the recommendation detaches the policy; iam-refine keeps part of it";
    case "unaligned":
      return `statement ${style.number((r.recommendedStatement ?? 0) + 1)} of the recommendation lines up with no statement of this policy` + (r.actions && r.actions.length > 0 ? ` (it allows ${names}, which this version does not: the recommendation is for the deployed policy)` : "");
  }
}
function statement(ref, style) {
  return ref.sid !== void 0 ? `Statement ${style.name(ref.sid)}` : `Statement ${style.number(ref.index + 1)}`;
}
function list(names, style, max = LISTED) {
  const shown = names.slice(0, max).map(style.name).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
function shortName(arn) {
  const m = /^arn:[^:]+:iam::\d*:(?:role|user|group)\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m ? m[1] : arn;
}
function day(iso) {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso;
}

// node_modules/yaml/browser/dist/nodes/identity.js
var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
function isCollection(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case MAP:
      case SEQ:
        return true;
    }
  return false;
}
function isNode(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case ALIAS:
      case MAP:
      case SCALAR:
      case SEQ:
        return true;
    }
  return false;
}
var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

// node_modules/yaml/browser/dist/visit.js
var BREAK = /* @__PURE__ */ Symbol("break visit");
var SKIP = /* @__PURE__ */ Symbol("skip children");
var REMOVE = /* @__PURE__ */ Symbol("remove node");
function visit(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    visit_(null, node, visitor_, Object.freeze([]));
}
visit.BREAK = BREAK;
visit.SKIP = SKIP;
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
  const ctrl = callVisitor(key, node, visitor, path);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path, ctrl);
    return visit_(key, ctrl, visitor, path);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path = Object.freeze(path.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = visit_(i, node.items[i], visitor, path);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path = Object.freeze(path.concat(node));
      const ck = visit_("key", node.key, visitor, path);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = visit_("value", node.value, visitor, path);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
async function visitAsync(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    await visitAsync_(null, node, visitor_, Object.freeze([]));
}
visitAsync.BREAK = BREAK;
visitAsync.SKIP = SKIP;
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
  const ctrl = await callVisitor(key, node, visitor, path);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path, ctrl);
    return visitAsync_(key, ctrl, visitor, path);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path = Object.freeze(path.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = await visitAsync_(i, node.items[i], visitor, path);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path = Object.freeze(path.concat(node));
      const ck = await visitAsync_("key", node.key, visitor, path);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = await visitAsync_("value", node.value, visitor, path);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
function initVisitor(visitor) {
  if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
    return Object.assign({
      Alias: visitor.Node,
      Map: visitor.Node,
      Scalar: visitor.Node,
      Seq: visitor.Node
    }, visitor.Value && {
      Map: visitor.Value,
      Scalar: visitor.Value,
      Seq: visitor.Value
    }, visitor.Collection && {
      Map: visitor.Collection,
      Seq: visitor.Collection
    }, visitor);
  }
  return visitor;
}
function callVisitor(key, node, visitor, path) {
  if (typeof visitor === "function")
    return visitor(key, node, path);
  if (isMap(node))
    return visitor.Map?.(key, node, path);
  if (isSeq(node))
    return visitor.Seq?.(key, node, path);
  if (isPair(node))
    return visitor.Pair?.(key, node, path);
  if (isScalar(node))
    return visitor.Scalar?.(key, node, path);
  if (isAlias(node))
    return visitor.Alias?.(key, node, path);
  return void 0;
}
function replaceNode(key, path, node) {
  const parent = path[path.length - 1];
  if (isCollection(parent)) {
    parent.items[key] = node;
  } else if (isPair(parent)) {
    if (key === "key")
      parent.key = node;
    else
      parent.value = node;
  } else if (isDocument(parent)) {
    parent.contents = node;
  } else {
    const pt = isAlias(parent) ? "alias" : "scalar";
    throw new Error(`Cannot replace node with ${pt} parent`);
  }
}

// node_modules/yaml/browser/dist/doc/directives.js
var escapeChars = {
  "!": "%21",
  ",": "%2C",
  "[": "%5B",
  "]": "%5D",
  "{": "%7B",
  "}": "%7D"
};
var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
var Directives = class _Directives {
  constructor(yaml, tags) {
    this.docStart = null;
    this.docEnd = false;
    this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
    this.tags = Object.assign({}, _Directives.defaultTags, tags);
  }
  clone() {
    const copy = new _Directives(this.yaml, this.tags);
    copy.docStart = this.docStart;
    return copy;
  }
  /**
   * During parsing, get a Directives instance for the current document and
   * update the stream state according to the current version's spec.
   */
  atDocument() {
    const res = new _Directives(this.yaml, this.tags);
    switch (this.yaml.version) {
      case "1.1":
        this.atNextDocument = true;
        break;
      case "1.2":
        this.atNextDocument = false;
        this.yaml = {
          explicit: _Directives.defaultYaml.explicit,
          version: "1.2"
        };
        this.tags = Object.assign({}, _Directives.defaultTags);
        break;
    }
    return res;
  }
  /**
   * @param onError - May be called even if the action was successful
   * @returns `true` on success
   */
  add(line2, onError) {
    if (this.atNextDocument) {
      this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
      this.tags = Object.assign({}, _Directives.defaultTags);
      this.atNextDocument = false;
    }
    const parts = line2.trim().split(/[ \t]+/);
    const name = parts.shift();
    switch (name) {
      case "%TAG": {
        if (parts.length !== 2) {
          onError(0, "%TAG directive should contain exactly two parts");
          if (parts.length < 2)
            return false;
        }
        const [handle, prefix] = parts;
        this.tags[handle] = prefix;
        return true;
      }
      case "%YAML": {
        this.yaml.explicit = true;
        if (parts.length !== 1) {
          onError(0, "%YAML directive should contain exactly one part");
          return false;
        }
        const [version] = parts;
        if (version === "1.1" || version === "1.2") {
          this.yaml.version = version;
          return true;
        } else {
          const isValid = /^\d+\.\d+$/.test(version);
          onError(6, `Unsupported YAML version ${version}`, isValid);
          return false;
        }
      }
      default:
        onError(0, `Unknown directive ${name}`, true);
        return false;
    }
  }
  /**
   * Resolves a tag, matching handles to those defined in %TAG directives.
   *
   * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
   *   `'!local'` tag, or `null` if unresolvable.
   */
  tagName(source2, onError) {
    if (source2 === "!")
      return "!";
    if (source2[0] !== "!") {
      onError(`Not a valid tag: ${source2}`);
      return null;
    }
    if (source2[1] === "<") {
      const verbatim = source2.slice(2, -1);
      if (verbatim === "!" || verbatim === "!!") {
        onError(`Verbatim tags aren't resolved, so ${source2} is invalid.`);
        return null;
      }
      if (source2[source2.length - 1] !== ">")
        onError("Verbatim tags must end with a >");
      return verbatim;
    }
    const [, handle, suffix] = source2.match(/^(.*!)([^!]*)$/s);
    if (!suffix)
      onError(`The ${source2} tag has no suffix`);
    const prefix = this.tags[handle];
    if (prefix) {
      try {
        return prefix + decodeURIComponent(suffix);
      } catch (error) {
        onError(String(error));
        return null;
      }
    }
    if (handle === "!")
      return source2;
    onError(`Could not resolve tag: ${source2}`);
    return null;
  }
  /**
   * Given a fully resolved tag, returns its printable string form,
   * taking into account current tag prefixes and defaults.
   */
  tagString(tag) {
    for (const [handle, prefix] of Object.entries(this.tags)) {
      if (tag.startsWith(prefix))
        return handle + escapeTagName(tag.substring(prefix.length));
    }
    return tag[0] === "!" ? tag : `!<${tag}>`;
  }
  toString(doc) {
    const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
    const tagEntries = Object.entries(this.tags);
    let tagNames;
    if (doc && tagEntries.length > 0 && isNode(doc.contents)) {
      const tags = {};
      visit(doc.contents, (_key, node) => {
        if (isNode(node) && node.tag)
          tags[node.tag] = true;
      });
      tagNames = Object.keys(tags);
    } else
      tagNames = [];
    for (const [handle, prefix] of tagEntries) {
      if (handle === "!!" && prefix === "tag:yaml.org,2002:")
        continue;
      if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
        lines.push(`%TAG ${handle} ${prefix}`);
    }
    return lines.join("\n");
  }
};
Directives.defaultYaml = { explicit: false, version: "1.2" };
Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };

// node_modules/yaml/browser/dist/doc/anchors.js
function anchorIsValid(anchor) {
  if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
    const sa = JSON.stringify(anchor);
    const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
    throw new Error(msg);
  }
  return true;
}
function anchorNames(root) {
  const anchors = /* @__PURE__ */ new Set();
  visit(root, {
    Value(_key, node) {
      if (node.anchor)
        anchors.add(node.anchor);
    }
  });
  return anchors;
}
function findNewAnchor(prefix, exclude) {
  for (let i = 1; true; ++i) {
    const name = `${prefix}${i}`;
    if (!exclude.has(name))
      return name;
  }
}
function createNodeAnchors(doc, prefix) {
  const aliasObjects = [];
  const sourceObjects = /* @__PURE__ */ new Map();
  let prevAnchors = null;
  return {
    onAnchor: (source2) => {
      aliasObjects.push(source2);
      prevAnchors ?? (prevAnchors = anchorNames(doc));
      const anchor = findNewAnchor(prefix, prevAnchors);
      prevAnchors.add(anchor);
      return anchor;
    },
    /**
     * With circular references, the source node is only resolved after all
     * of its child nodes are. This is why anchors are set only after all of
     * the nodes have been created.
     */
    setAnchors: () => {
      for (const source2 of aliasObjects) {
        const ref = sourceObjects.get(source2);
        if (typeof ref === "object" && ref.anchor && (isScalar(ref.node) || isCollection(ref.node))) {
          ref.node.anchor = ref.anchor;
        } else {
          const error = new Error("Failed to resolve repeated object (this should not happen)");
          error.source = source2;
          throw error;
        }
      }
    },
    sourceObjects
  };
}

// node_modules/yaml/browser/dist/doc/applyReviver.js
function applyReviver(reviver, obj, key, val) {
  if (val && typeof val === "object") {
    if (Array.isArray(val)) {
      for (let i = 0, len = val.length; i < len; ++i) {
        const v0 = val[i];
        const v1 = applyReviver(reviver, val, String(i), v0);
        if (v1 === void 0)
          delete val[i];
        else if (v1 !== v0)
          val[i] = v1;
      }
    } else if (val instanceof Map) {
      for (const k of Array.from(val.keys())) {
        const v0 = val.get(k);
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          val.delete(k);
        else if (v1 !== v0)
          val.set(k, v1);
      }
    } else if (val instanceof Set) {
      for (const v0 of Array.from(val)) {
        const v1 = applyReviver(reviver, val, v0, v0);
        if (v1 === void 0)
          val.delete(v0);
        else if (v1 !== v0) {
          val.delete(v0);
          val.add(v1);
        }
      }
    } else {
      for (const [k, v0] of Object.entries(val)) {
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          delete val[k];
        else if (v1 !== v0)
          val[k] = v1;
      }
    }
  }
  return reviver.call(obj, key, val);
}

// node_modules/yaml/browser/dist/nodes/toJS.js
function toJS(value, arg, ctx) {
  if (Array.isArray(value))
    return value.map((v, i) => toJS(v, String(i), ctx));
  if (value && typeof value.toJSON === "function") {
    if (!ctx || !hasAnchor(value))
      return value.toJSON(arg, ctx);
    const data = { aliasCount: 0, count: 1, res: void 0 };
    ctx.anchors.set(value, data);
    ctx.onCreate = (res2) => {
      data.res = res2;
      delete ctx.onCreate;
    };
    const res = value.toJSON(arg, ctx);
    if (ctx.onCreate)
      ctx.onCreate(res);
    return res;
  }
  if (typeof value === "bigint" && !ctx?.keep)
    return Number(value);
  return value;
}

// node_modules/yaml/browser/dist/nodes/Node.js
var NodeBase = class {
  constructor(type) {
    Object.defineProperty(this, NODE_TYPE, { value: type });
  }
  /** Create a copy of this node.  */
  clone() {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** A plain JavaScript representation of this node. */
  toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    if (!isDocument(doc))
      throw new TypeError("A document argument is required");
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc,
      keep: true,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this, "", ctx);
    if (typeof onAnchor === "function")
      for (const { count, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
};

// node_modules/yaml/browser/dist/nodes/Alias.js
var Alias = class extends NodeBase {
  constructor(source2) {
    super(ALIAS);
    this.source = source2;
    Object.defineProperty(this, "tag", {
      set() {
        throw new Error("Alias nodes cannot have tags");
      }
    });
  }
  /**
   * Resolve the value of this alias within `doc`, finding the last
   * instance of the `source` anchor before this node.
   */
  resolve(doc, ctx) {
    if (ctx?.maxAliasCount === 0)
      throw new ReferenceError("Alias resolution is disabled");
    let nodes;
    if (ctx?.aliasResolveCache) {
      nodes = ctx.aliasResolveCache;
    } else {
      nodes = [];
      visit(doc, {
        Node: (_key, node) => {
          if (isAlias(node) || hasAnchor(node))
            nodes.push(node);
        }
      });
      if (ctx)
        ctx.aliasResolveCache = nodes;
    }
    let found = void 0;
    for (const node of nodes) {
      if (node === this)
        break;
      if (node.anchor === this.source)
        found = node;
    }
    if (found && ctx) {
      const { anchors, doc: doc2, maxAliasCount } = ctx;
      let data = anchors.get(found);
      if (!data) {
        toJS(found, null, ctx);
        data = anchors.get(found);
      }
      if (data?.res === void 0) {
        const msg = "This should not happen: Alias anchor was not resolved?";
        throw new ReferenceError(msg);
      }
      if (maxAliasCount >= 0) {
        data.count += 1;
        if (data.aliasCount === 0)
          data.aliasCount = getAliasCount(doc2, found, anchors);
        if (data.count * data.aliasCount > maxAliasCount) {
          const msg = "Excessive alias count indicates a resource exhaustion attack";
          throw new ReferenceError(msg);
        }
      }
    }
    return found;
  }
  toJSON(_arg, ctx) {
    if (!ctx)
      return { source: this.source };
    const source2 = this.resolve(ctx.doc, ctx);
    if (!source2) {
      const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
      throw new ReferenceError(msg);
    }
    return ctx.anchors.get(source2).res;
  }
  toString(ctx, _onComment, _onChompKeep) {
    const src = `*${this.source}`;
    if (ctx) {
      anchorIsValid(this.source);
      if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
        const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
        throw new Error(msg);
      }
      if (ctx.implicitKey)
        return `${src} `;
    }
    return src;
  }
};
function getAliasCount(doc, node, anchors) {
  if (isAlias(node)) {
    const source2 = node.resolve(doc);
    const anchor = anchors && source2 && anchors.get(source2);
    return anchor ? anchor.count * anchor.aliasCount : 0;
  } else if (isCollection(node)) {
    let count = 0;
    for (const item of node.items) {
      const c = getAliasCount(doc, item, anchors);
      if (c > count)
        count = c;
    }
    return count;
  } else if (isPair(node)) {
    const kc = getAliasCount(doc, node.key, anchors);
    const vc = getAliasCount(doc, node.value, anchors);
    return Math.max(kc, vc);
  }
  return 1;
}

// node_modules/yaml/browser/dist/nodes/Scalar.js
var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
var Scalar = class extends NodeBase {
  constructor(value) {
    super(SCALAR);
    this.value = value;
  }
  toJSON(arg, ctx) {
    return ctx?.keep ? this.value : toJS(this.value, arg, ctx);
  }
  toString() {
    return String(this.value);
  }
};
Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
Scalar.PLAIN = "PLAIN";
Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";

// node_modules/yaml/browser/dist/doc/createNode.js
var defaultTagPrefix = "tag:yaml.org,2002:";
function findTagObject(value, tagName, tags) {
  if (tagName) {
    const match = tags.filter((t) => t.tag === tagName);
    const tagObj = match.find((t) => !t.format) ?? match[0];
    if (!tagObj)
      throw new Error(`Tag ${tagName} not found`);
    return tagObj;
  }
  return tags.find((t) => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
  if (isDocument(value))
    value = value.contents;
  if (isNode(value))
    return value;
  if (isPair(value)) {
    const map2 = ctx.schema[MAP].createNode?.(ctx.schema, null, ctx);
    map2.items.push(value);
    return map2;
  }
  if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
    value = value.valueOf();
  }
  const { aliasDuplicateObjects, onAnchor, onTagObj, schema: schema4, sourceObjects } = ctx;
  let ref = void 0;
  if (aliasDuplicateObjects && value && typeof value === "object") {
    ref = sourceObjects.get(value);
    if (ref) {
      ref.anchor ?? (ref.anchor = onAnchor(value));
      return new Alias(ref.anchor);
    } else {
      ref = { anchor: null, node: null };
      sourceObjects.set(value, ref);
    }
  }
  if (tagName?.startsWith("!!"))
    tagName = defaultTagPrefix + tagName.slice(2);
  let tagObj = findTagObject(value, tagName, schema4.tags);
  if (!tagObj) {
    if (value && typeof value.toJSON === "function") {
      value = value.toJSON();
    }
    if (!value || typeof value !== "object") {
      const node2 = new Scalar(value);
      if (ref)
        ref.node = node2;
      return node2;
    }
    tagObj = value instanceof Map ? schema4[MAP] : Symbol.iterator in Object(value) ? schema4[SEQ] : schema4[MAP];
  }
  if (onTagObj) {
    onTagObj(tagObj);
    delete ctx.onTagObj;
  }
  const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar(value);
  if (tagName)
    node.tag = tagName;
  else if (!tagObj.default)
    node.tag = tagObj.tag;
  if (ref)
    ref.node = node;
  return node;
}

// node_modules/yaml/browser/dist/nodes/Collection.js
function collectionFromPath(schema4, path, value) {
  let v = value;
  for (let i = path.length - 1; i >= 0; --i) {
    const k = path[i];
    if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
      const a = [];
      a[k] = v;
      v = a;
    } else {
      v = /* @__PURE__ */ new Map([[k, v]]);
    }
  }
  return createNode(v, void 0, {
    aliasDuplicateObjects: false,
    keepUndefined: false,
    onAnchor: () => {
      throw new Error("This should not happen, please report a bug.");
    },
    schema: schema4,
    sourceObjects: /* @__PURE__ */ new Map()
  });
}
var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
var Collection = class extends NodeBase {
  constructor(type, schema4) {
    super(type);
    Object.defineProperty(this, "schema", {
      value: schema4,
      configurable: true,
      enumerable: false,
      writable: true
    });
  }
  /**
   * Create a copy of this collection.
   *
   * @param schema - If defined, overwrites the original's schema
   */
  clone(schema4) {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (schema4)
      copy.schema = schema4;
    copy.items = copy.items.map((it) => isNode(it) || isPair(it) ? it.clone(schema4) : it);
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /**
   * Adds a value to the collection. For `!!map` and `!!omap` the value must
   * be a Pair instance or a `{ key, value }` object, which may not have a key
   * that already exists in the map.
   */
  addIn(path, value) {
    if (isEmptyPath(path))
      this.add(value);
    else {
      const [key, ...rest] = path;
      const node = this.get(key, true);
      if (isCollection(node))
        node.addIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
  /**
   * Removes a value from the collection.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path) {
    const [key, ...rest] = path;
    if (rest.length === 0)
      return this.delete(key);
    const node = this.get(key, true);
    if (isCollection(node))
      return node.deleteIn(rest);
    else
      throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path, keepScalar) {
    const [key, ...rest] = path;
    const node = this.get(key, true);
    if (rest.length === 0)
      return !keepScalar && isScalar(node) ? node.value : node;
    else
      return isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
  }
  hasAllNullValues(allowScalar) {
    return this.items.every((node) => {
      if (!isPair(node))
        return false;
      const n = node.value;
      return n == null || allowScalar && isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
    });
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   */
  hasIn(path) {
    const [key, ...rest] = path;
    if (rest.length === 0)
      return this.has(key);
    const node = this.get(key, true);
    return isCollection(node) ? node.hasIn(rest) : false;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path, value) {
    const [key, ...rest] = path;
    if (rest.length === 0) {
      this.set(key, value);
    } else {
      const node = this.get(key, true);
      if (isCollection(node))
        node.setIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyComment.js
var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
function indentComment(comment, indent) {
  if (/^\n+$/.test(comment))
    return comment.substring(1);
  return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;

// node_modules/yaml/browser/dist/stringify/foldFlowLines.js
var FOLD_FLOW = "flow";
var FOLD_BLOCK = "block";
var FOLD_QUOTED = "quoted";
function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
  if (!lineWidth || lineWidth < 0)
    return text2;
  if (lineWidth < minContentWidth)
    minContentWidth = 0;
  const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
  if (text2.length <= endStep)
    return text2;
  const folds = [];
  const escapedFolds = {};
  let end = lineWidth - indent.length;
  if (typeof indentAtStart === "number") {
    if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
      folds.push(0);
    else
      end = lineWidth - indentAtStart;
  }
  let split = void 0;
  let prev = void 0;
  let overflow = false;
  let i = -1;
  let escStart = -1;
  let escEnd = -1;
  if (mode === FOLD_BLOCK) {
    i = consumeMoreIndentedLines(text2, i, indent.length);
    if (i !== -1)
      end = i + endStep;
  }
  for (let ch; ch = text2[i += 1]; ) {
    if (mode === FOLD_QUOTED && ch === "\\") {
      escStart = i;
      switch (text2[i + 1]) {
        case "x":
          i += 3;
          break;
        case "u":
          i += 5;
          break;
        case "U":
          i += 9;
          break;
        default:
          i += 1;
      }
      escEnd = i;
    }
    if (ch === "\n") {
      if (mode === FOLD_BLOCK)
        i = consumeMoreIndentedLines(text2, i, indent.length);
      end = i + indent.length + endStep;
      split = void 0;
    } else {
      if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
        const next = text2[i + 1];
        if (next && next !== " " && next !== "\n" && next !== "	")
          split = i;
      }
      if (i >= end) {
        if (split) {
          folds.push(split);
          end = split + endStep;
          split = void 0;
        } else if (mode === FOLD_QUOTED) {
          while (prev === " " || prev === "	") {
            prev = ch;
            ch = text2[i += 1];
            overflow = true;
          }
          const j = i > escEnd + 1 ? i - 2 : escStart - 1;
          if (escapedFolds[j])
            return text2;
          folds.push(j);
          escapedFolds[j] = true;
          end = j + endStep;
          split = void 0;
        } else {
          overflow = true;
        }
      }
    }
    prev = ch;
  }
  if (overflow && onOverflow)
    onOverflow();
  if (folds.length === 0)
    return text2;
  if (onFold)
    onFold();
  let res = text2.slice(0, folds[0]);
  for (let i2 = 0; i2 < folds.length; ++i2) {
    const fold2 = folds[i2];
    const end2 = folds[i2 + 1] || text2.length;
    if (fold2 === 0)
      res = `
${indent}${text2.slice(0, end2)}`;
    else {
      if (mode === FOLD_QUOTED && escapedFolds[fold2])
        res += `${text2[fold2]}\\`;
      res += `
${indent}${text2.slice(fold2 + 1, end2)}`;
    }
  }
  return res;
}
function consumeMoreIndentedLines(text2, i, indent) {
  let end = i;
  let start = i + 1;
  let ch = text2[start];
  while (ch === " " || ch === "	") {
    if (i < start + indent) {
      ch = text2[++i];
    } else {
      do {
        ch = text2[++i];
      } while (ch && ch !== "\n");
      end = i;
      start = i + 1;
      ch = text2[start];
    }
  }
  return end;
}

// node_modules/yaml/browser/dist/stringify/stringifyString.js
var getFoldOptions = (ctx, isBlock3) => ({
  indentAtStart: isBlock3 ? ctx.indent.length : ctx.indentAtStart,
  lineWidth: ctx.options.lineWidth,
  minContentWidth: ctx.options.minContentWidth
});
var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
  if (!lineWidth || lineWidth < 0)
    return false;
  const limit = lineWidth - indentLength;
  const strLen = str.length;
  if (strLen <= limit)
    return false;
  for (let i = 0, start = 0; i < strLen; ++i) {
    if (str[i] === "\n") {
      if (i - start > limit)
        return true;
      start = i + 1;
      if (strLen - start <= limit)
        return false;
    }
  }
  return true;
}
function doubleQuotedString(value, ctx) {
  const json = JSON.stringify(value);
  if (ctx.options.doubleQuotedAsJSON)
    return json;
  const { implicitKey } = ctx;
  const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  let str = "";
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
      str += json.slice(start, i) + "\\ ";
      i += 1;
      start = i;
      ch = "\\";
    }
    if (ch === "\\")
      switch (json[i + 1]) {
        case "u":
          {
            str += json.slice(start, i);
            const code2 = json.substr(i + 2, 4);
            switch (code2) {
              case "0000":
                str += "\\0";
                break;
              case "0007":
                str += "\\a";
                break;
              case "000b":
                str += "\\v";
                break;
              case "001b":
                str += "\\e";
                break;
              case "0085":
                str += "\\N";
                break;
              case "00a0":
                str += "\\_";
                break;
              case "2028":
                str += "\\L";
                break;
              case "2029":
                str += "\\P";
                break;
              default:
                if (code2.substr(0, 2) === "00")
                  str += "\\x" + code2.substr(2);
                else
                  str += json.substr(i, 6);
            }
            i += 5;
            start = i + 1;
          }
          break;
        case "n":
          if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
            i += 1;
          } else {
            str += json.slice(start, i) + "\n\n";
            while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
              str += "\n";
              i += 2;
            }
            str += indent;
            if (json[i + 2] === " ")
              str += "\\";
            i += 1;
            start = i + 1;
          }
          break;
        default:
          i += 1;
      }
  }
  str = start ? str + json.slice(start) : json;
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
  if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
    return doubleQuotedString(value, ctx);
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
  return ctx.implicitKey ? res : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
  const { singleQuote } = ctx.options;
  let qs;
  if (singleQuote === false)
    qs = doubleQuotedString;
  else {
    const hasDouble = value.includes('"');
    const hasSingle = value.includes("'");
    if (hasDouble && !hasSingle)
      qs = singleQuotedString;
    else if (hasSingle && !hasDouble)
      qs = doubleQuotedString;
    else
      qs = singleQuote ? singleQuotedString : doubleQuotedString;
  }
  return qs(value, ctx);
}
var blockEndNewlines;
try {
  blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
} catch {
  blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
  const { blockQuote, commentString, lineWidth } = ctx.options;
  if (!blockQuote || /\n[\t ]+$/.test(value)) {
    return quotedString(value, ctx);
  }
  const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
  const literal3 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.BLOCK_FOLDED ? false : type === Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
  if (!value)
    return literal3 ? "|\n" : ">\n";
  let chomp;
  let endStart;
  for (endStart = value.length; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== "\n" && ch !== "	" && ch !== " ")
      break;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf("\n");
  if (endNlPos === -1) {
    chomp = "-";
  } else if (value === end || endNlPos !== end.length - 1) {
    chomp = "+";
    if (onChompKeep)
      onChompKeep();
  } else {
    chomp = "";
  }
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === "\n")
      end = end.slice(0, -1);
    end = end.replace(blockEndNewlines, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd;
  let startNlPos = -1;
  for (startEnd = 0; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === " ")
      startWithSpace = true;
    else if (ch === "\n")
      startNlPos = startEnd;
    else
      break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const indentSize = indent ? "2" : "1";
  let header = (startWithSpace ? indentSize : "") + chomp;
  if (comment) {
    header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
    if (onComment)
      onComment();
  }
  if (!literal3) {
    const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
    let literalFallback = false;
    const foldOptions = getFoldOptions(ctx, true);
    if (blockQuote !== "folded" && type !== Scalar.BLOCK_FOLDED) {
      foldOptions.onOverflow = () => {
        literalFallback = true;
      };
    }
    const body = foldFlowLines(`${start}${foldedValue}${end}`, indent, FOLD_BLOCK, foldOptions);
    if (!literalFallback)
      return `>${header}
${indent}${body}`;
  }
  value = value.replace(/\n+/g, `$&${indent}`);
  return `|${header}
${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
  const { type, value } = item;
  const { actualString, implicitKey, indent, indentStep, inFlow: inFlow2 } = ctx;
  if (implicitKey && value.includes("\n") || inFlow2 && /[[\]{},]/.test(value)) {
    return quotedString(value, ctx);
  }
  if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
    return implicitKey || inFlow2 || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
  }
  if (!implicitKey && !inFlow2 && type !== Scalar.PLAIN && value.includes("\n")) {
    return blockString(item, ctx, onComment, onChompKeep);
  }
  if (containsDocumentMarker(value)) {
    if (indent === "") {
      ctx.forceBlockIndent = true;
      return blockString(item, ctx, onComment, onChompKeep);
    } else if (implicitKey && indent === indentStep) {
      return quotedString(value, ctx);
    }
  }
  const str = value.replace(/\n+/g, `$&
${indent}`);
  if (actualString) {
    const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
    const { compat, tags } = ctx.doc.schema;
    if (tags.some(test) || compat?.some(test))
      return quotedString(value, ctx);
  }
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
  const { implicitKey, inFlow: inFlow2 } = ctx;
  const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
  let { type } = item;
  if (type !== Scalar.QUOTE_DOUBLE) {
    if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
      type = Scalar.QUOTE_DOUBLE;
  }
  const _stringify = (_type) => {
    switch (_type) {
      case Scalar.BLOCK_FOLDED:
      case Scalar.BLOCK_LITERAL:
        return implicitKey || inFlow2 ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
      case Scalar.QUOTE_DOUBLE:
        return doubleQuotedString(ss.value, ctx);
      case Scalar.QUOTE_SINGLE:
        return singleQuotedString(ss.value, ctx);
      case Scalar.PLAIN:
        return plainString(ss, ctx, onComment, onChompKeep);
      default:
        return null;
    }
  };
  let res = _stringify(type);
  if (res === null) {
    const { defaultKeyType, defaultStringType } = ctx.options;
    const t = implicitKey && defaultKeyType || defaultStringType;
    res = _stringify(t);
    if (res === null)
      throw new Error(`Unsupported default string type ${t}`);
  }
  return res;
}

// node_modules/yaml/browser/dist/stringify/stringify.js
function createStringifyContext(doc, options) {
  const opt = Object.assign({
    blockQuote: true,
    commentString: stringifyComment,
    defaultKeyType: null,
    defaultStringType: "PLAIN",
    directives: null,
    doubleQuotedAsJSON: false,
    doubleQuotedMinMultiLineLength: 40,
    falseStr: "false",
    flowCollectionPadding: true,
    indentSeq: true,
    lineWidth: 80,
    minContentWidth: 20,
    nullStr: "null",
    simpleKeys: false,
    singleQuote: null,
    trailingComma: false,
    trueStr: "true",
    verifyAliasOrder: true
  }, doc.schema.toStringOptions, options);
  let inFlow2;
  switch (opt.collectionStyle) {
    case "block":
      inFlow2 = false;
      break;
    case "flow":
      inFlow2 = true;
      break;
    default:
      inFlow2 = null;
  }
  return {
    anchors: /* @__PURE__ */ new Set(),
    doc,
    flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
    indent: "",
    indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
    inFlow: inFlow2,
    options: opt
  };
}
function getTagObject(tags, item) {
  if (item.tag) {
    const match = tags.filter((t) => t.tag === item.tag);
    if (match.length > 0)
      return match.find((t) => t.format === item.format) ?? match[0];
  }
  let tagObj = void 0;
  let obj;
  if (isScalar(item)) {
    obj = item.value;
    let match = tags.filter((t) => t.identify?.(obj));
    if (match.length > 1) {
      const testMatch = match.filter((t) => t.test);
      if (testMatch.length > 0)
        match = testMatch;
    }
    tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
  } else {
    obj = item;
    tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
  }
  if (!tagObj) {
    const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
    throw new Error(`Tag not resolved for ${name} value`);
  }
  return tagObj;
}
function stringifyProps(node, tagObj, { anchors, doc }) {
  if (!doc.directives)
    return "";
  const props2 = [];
  const anchor = (isScalar(node) || isCollection(node)) && node.anchor;
  if (anchor && anchorIsValid(anchor)) {
    anchors.add(anchor);
    props2.push(`&${anchor}`);
  }
  const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
  if (tag)
    props2.push(doc.directives.tagString(tag));
  return props2.join(" ");
}
function stringify(item, ctx, onComment, onChompKeep) {
  if (isPair(item))
    return item.toString(ctx, onComment, onChompKeep);
  if (isAlias(item)) {
    if (ctx.doc.directives)
      return item.toString(ctx);
    if (ctx.resolvedAliases?.has(item)) {
      throw new TypeError(`Cannot stringify circular structure without alias nodes`);
    } else {
      if (ctx.resolvedAliases)
        ctx.resolvedAliases.add(item);
      else
        ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
      item = item.resolve(ctx.doc);
    }
  }
  let tagObj = void 0;
  const node = isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
  tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
  const props2 = stringifyProps(node, tagObj, ctx);
  if (props2.length > 0)
    ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props2.length + 1;
  const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : isScalar(node) ? stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
  if (!props2)
    return str;
  return isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props2} ${str}` : `${props2}
${ctx.indent}${str}`;
}

// node_modules/yaml/browser/dist/stringify/stringifyPair.js
function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
  const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
  let keyComment = isNode(key) && key.comment || null;
  if (simpleKeys) {
    if (keyComment) {
      throw new Error("With simple keys, key nodes cannot have comments");
    }
    if (isCollection(key) || !isNode(key) && typeof key === "object") {
      const msg = "With simple keys, collection cannot be used as a key value";
      throw new Error(msg);
    }
  }
  let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || isCollection(key) || (isScalar(key) ? key.type === Scalar.BLOCK_FOLDED || key.type === Scalar.BLOCK_LITERAL : typeof key === "object"));
  ctx = Object.assign({}, ctx, {
    allNullValues: false,
    implicitKey: !explicitKey && (simpleKeys || !allNullValues),
    indent: indent + indentStep
  });
  let keyCommentDone = false;
  let chompKeep = false;
  let str = stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
  if (!explicitKey && !ctx.inFlow && str.length > 1024) {
    if (simpleKeys)
      throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
    explicitKey = true;
  }
  if (ctx.inFlow) {
    if (allNullValues || value == null) {
      if (keyCommentDone && onComment)
        onComment();
      return str === "" ? "?" : explicitKey ? `? ${str}` : str;
    }
  } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
    str = `? ${str}`;
    if (keyComment && !keyCommentDone) {
      str += lineComment(str, ctx.indent, commentString(keyComment));
    } else if (chompKeep && onChompKeep)
      onChompKeep();
    return str;
  }
  if (keyCommentDone)
    keyComment = null;
  if (explicitKey) {
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
    str = `? ${str}
${indent}:`;
  } else {
    str = `${str}:`;
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
  }
  let vsb, vcb, valueComment;
  if (isNode(value)) {
    vsb = !!value.spaceBefore;
    vcb = value.commentBefore;
    valueComment = value.comment;
  } else {
    vsb = false;
    vcb = null;
    valueComment = null;
    if (value && typeof value === "object")
      value = doc.createNode(value);
  }
  ctx.implicitKey = false;
  if (!explicitKey && !keyComment && isScalar(value))
    ctx.indentAtStart = str.length + 1;
  chompKeep = false;
  if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && isSeq(value) && !value.flow && !value.tag && !value.anchor) {
    ctx.indent = ctx.indent.substring(2);
  }
  let valueCommentDone = false;
  const valueStr = stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
  let ws = " ";
  if (keyComment || vsb || vcb) {
    ws = vsb ? "\n" : "";
    if (vcb) {
      const cs = commentString(vcb);
      ws += `
${indentComment(cs, ctx.indent)}`;
    }
    if (valueStr === "" && !ctx.inFlow) {
      if (ws === "\n" && valueComment)
        ws = "\n\n";
    } else {
      ws += `
${ctx.indent}`;
    }
  } else if (!explicitKey && isCollection(value)) {
    const vs0 = valueStr[0];
    const nl0 = valueStr.indexOf("\n");
    const hasNewline = nl0 !== -1;
    const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
    if (hasNewline || !flow) {
      let hasPropsLine = false;
      if (hasNewline && (vs0 === "&" || vs0 === "!")) {
        let sp0 = valueStr.indexOf(" ");
        if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
          sp0 = valueStr.indexOf(" ", sp0 + 1);
        }
        if (sp0 === -1 || nl0 < sp0)
          hasPropsLine = true;
      }
      if (!hasPropsLine)
        ws = `
${ctx.indent}`;
    }
  } else if (valueStr === "" || valueStr[0] === "\n") {
    ws = "";
  }
  str += ws + valueStr;
  if (ctx.inFlow) {
    if (valueCommentDone && onComment)
      onComment();
  } else if (valueComment && !valueCommentDone) {
    str += lineComment(str, ctx.indent, commentString(valueComment));
  } else if (chompKeep && onChompKeep) {
    onChompKeep();
  }
  return str;
}

// node_modules/yaml/browser/dist/log.js
function warn(logLevel, warning) {
  if (logLevel === "debug" || logLevel === "warn") {
    console.warn(warning);
  }
}

// node_modules/yaml/browser/dist/schema/yaml-1.1/merge.js
var MERGE_KEY = "<<";
var merge = {
  identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
  default: "key",
  tag: "tag:yaml.org,2002:merge",
  test: /^<<$/,
  resolve: () => Object.assign(new Scalar(Symbol(MERGE_KEY)), {
    addToJSMap: addMergeToJSMap
  }),
  stringify: () => MERGE_KEY
};
var isMergeKey = (ctx, key) => (merge.identify(key) || isScalar(key) && (!key.type || key.type === Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map2, value) {
  const source2 = resolveAliasValue(ctx, value);
  if (isSeq(source2))
    for (const it of source2.items)
      mergeValue(ctx, map2, it);
  else if (Array.isArray(source2))
    for (const it of source2)
      mergeValue(ctx, map2, it);
  else
    mergeValue(ctx, map2, source2);
}
function mergeValue(ctx, map2, value) {
  const source2 = resolveAliasValue(ctx, value);
  if (!isMap(source2))
    throw new Error("Merge sources must be maps or map aliases");
  const srcMap = source2.toJSON(null, ctx, Map);
  for (const [key, value2] of srcMap) {
    if (map2 instanceof Map) {
      if (!map2.has(key))
        map2.set(key, value2);
    } else if (map2 instanceof Set) {
      map2.add(key);
    } else if (!Object.prototype.hasOwnProperty.call(map2, key)) {
      Object.defineProperty(map2, key, {
        value: value2,
        writable: true,
        enumerable: true,
        configurable: true
      });
    }
  }
  return map2;
}
function resolveAliasValue(ctx, value) {
  return ctx && isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

// node_modules/yaml/browser/dist/nodes/addPairToJSMap.js
function addPairToJSMap(ctx, map2, { key, value }) {
  if (isNode(key) && key.addToJSMap)
    key.addToJSMap(ctx, map2, value);
  else if (isMergeKey(ctx, key))
    addMergeToJSMap(ctx, map2, value);
  else {
    const jsKey = toJS(key, "", ctx);
    if (map2 instanceof Map) {
      map2.set(jsKey, toJS(value, jsKey, ctx));
    } else if (map2 instanceof Set) {
      map2.add(jsKey);
    } else {
      const stringKey = stringifyKey(key, jsKey, ctx);
      const jsValue = toJS(value, stringKey, ctx);
      if (stringKey in map2)
        Object.defineProperty(map2, stringKey, {
          value: jsValue,
          writable: true,
          enumerable: true,
          configurable: true
        });
      else
        map2[stringKey] = jsValue;
    }
  }
  return map2;
}
function stringifyKey(key, jsKey, ctx) {
  if (jsKey === null)
    return "";
  if (typeof jsKey !== "object")
    return String(jsKey);
  if (isNode(key) && ctx?.doc) {
    const strCtx = createStringifyContext(ctx.doc, {});
    strCtx.anchors = /* @__PURE__ */ new Set();
    for (const node of ctx.anchors.keys())
      strCtx.anchors.add(node.anchor);
    strCtx.inFlow = true;
    strCtx.inStringifyKey = true;
    const strKey = key.toString(strCtx);
    if (!ctx.mapKeyWarned) {
      let jsonStr = JSON.stringify(strKey);
      if (jsonStr.length > 40)
        jsonStr = jsonStr.substring(0, 36) + '..."';
      warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
      ctx.mapKeyWarned = true;
    }
    return strKey;
  }
  return JSON.stringify(jsKey);
}

// node_modules/yaml/browser/dist/nodes/Pair.js
function createPair(key, value, ctx) {
  const k = createNode(key, void 0, ctx);
  const v = createNode(value, void 0, ctx);
  return new Pair(k, v);
}
var Pair = class _Pair {
  constructor(key, value = null) {
    Object.defineProperty(this, NODE_TYPE, { value: PAIR });
    this.key = key;
    this.value = value;
  }
  clone(schema4) {
    let { key, value } = this;
    if (isNode(key))
      key = key.clone(schema4);
    if (isNode(value))
      value = value.clone(schema4);
    return new _Pair(key, value);
  }
  toJSON(_, ctx) {
    const pair2 = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    return addPairToJSMap(ctx, pair2, this);
  }
  toString(ctx, onComment, onChompKeep) {
    return ctx?.doc ? stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyCollection.js
function stringifyCollection(collection, ctx, options) {
  const flow = ctx.inFlow ?? collection.flow;
  const stringify4 = flow ? stringifyFlowCollection : stringifyBlockCollection;
  return stringify4(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
  const { indent, options: { commentString } } = ctx;
  const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
  let chompKeep = false;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment2 = null;
    if (isNode(item)) {
      if (!chompKeep && item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
      if (item.comment)
        comment2 = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (!chompKeep && ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
      }
    }
    chompKeep = false;
    let str2 = stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
    if (comment2)
      str2 += lineComment(str2, itemIndent, commentString(comment2));
    if (chompKeep && comment2)
      chompKeep = false;
    lines.push(blockItemPrefix + str2);
  }
  let str;
  if (lines.length === 0) {
    str = flowChars.start + flowChars.end;
  } else {
    str = lines[0];
    for (let i = 1; i < lines.length; ++i) {
      const line2 = lines[i];
      str += line2 ? `
${indent}${line2}` : "\n";
    }
  }
  if (comment) {
    str += "\n" + indentComment(commentString(comment), indent);
    if (onComment)
      onComment();
  } else if (chompKeep && onChompKeep)
    onChompKeep();
  return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
  const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
  itemIndent += indentStep;
  const itemCtx = Object.assign({}, ctx, {
    indent: itemIndent,
    inFlow: true,
    type: null
  });
  let reqNewline = false;
  let linesAtValue = 0;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment = null;
    if (isNode(item)) {
      if (item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, false);
      if (item.comment)
        comment = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, false);
        if (ik.comment)
          reqNewline = true;
      }
      const iv = isNode(item.value) ? item.value : null;
      if (iv) {
        if (iv.comment)
          comment = iv.comment;
        if (iv.commentBefore)
          reqNewline = true;
      } else if (item.value == null && ik?.comment) {
        comment = ik.comment;
      }
    }
    if (comment)
      reqNewline = true;
    let str = stringify(item, itemCtx, () => comment = null);
    reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
    if (i < items.length - 1) {
      str += ",";
    } else if (ctx.options.trailingComma) {
      if (ctx.options.lineWidth > 0) {
        reqNewline || (reqNewline = lines.reduce((sum, line2) => sum + line2.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
      }
      if (reqNewline) {
        str += ",";
      }
    }
    if (comment)
      str += lineComment(str, itemIndent, commentString(comment));
    lines.push(str);
    linesAtValue = lines.length;
  }
  const { start, end } = flowChars;
  if (lines.length === 0) {
    return start + end;
  } else {
    if (!reqNewline) {
      const len = lines.reduce((sum, line2) => sum + line2.length + 2, 2);
      reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
    }
    if (reqNewline) {
      let str = start;
      for (const line2 of lines)
        str += line2 ? `
${indentStep}${indent}${line2}` : "\n";
      return `${str}
${indent}${end}`;
    } else {
      return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
    }
  }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
  if (comment && chompKeep)
    comment = comment.replace(/^\n+/, "");
  if (comment) {
    const ic = indentComment(commentString(comment), indent);
    lines.push(ic.trimStart());
  }
}

// node_modules/yaml/browser/dist/nodes/YAMLMap.js
function findPair(items, key) {
  const k = isScalar(key) ? key.value : key;
  for (const it of items) {
    if (isPair(it)) {
      if (it.key === key || it.key === k)
        return it;
      if (isScalar(it.key) && it.key.value === k)
        return it;
    }
  }
  return void 0;
}
var YAMLMap = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:map";
  }
  constructor(schema4) {
    super(MAP, schema4);
    this.items = [];
  }
  /**
   * A generic collection parsing method that can be extended
   * to other node classes that inherit from YAMLMap
   */
  static from(schema4, obj, ctx) {
    const { keepUndefined, replacer } = ctx;
    const map2 = new this(schema4);
    const add = (key, value) => {
      if (typeof replacer === "function")
        value = replacer.call(obj, key, value);
      else if (Array.isArray(replacer) && !replacer.includes(key))
        return;
      if (value !== void 0 || keepUndefined)
        map2.items.push(createPair(key, value, ctx));
    };
    if (obj instanceof Map) {
      for (const [key, value] of obj)
        add(key, value);
    } else if (obj && typeof obj === "object") {
      for (const key of Object.keys(obj))
        add(key, obj[key]);
    }
    if (typeof schema4.sortMapEntries === "function") {
      map2.items.sort(schema4.sortMapEntries);
    }
    return map2;
  }
  /**
   * Adds a value to the collection.
   *
   * @param overwrite - If not set `true`, using a key that is already in the
   *   collection will throw. Otherwise, overwrites the previous value.
   */
  add(pair2, overwrite) {
    let _pair;
    if (isPair(pair2))
      _pair = pair2;
    else if (!pair2 || typeof pair2 !== "object" || !("key" in pair2)) {
      _pair = new Pair(pair2, pair2?.value);
    } else
      _pair = new Pair(pair2.key, pair2.value);
    const prev = findPair(this.items, _pair.key);
    const sortEntries = this.schema?.sortMapEntries;
    if (prev) {
      if (!overwrite)
        throw new Error(`Key ${_pair.key} already set`);
      if (isScalar(prev.value) && isScalarValue(_pair.value))
        prev.value.value = _pair.value;
      else
        prev.value = _pair.value;
    } else if (sortEntries) {
      const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
      if (i === -1)
        this.items.push(_pair);
      else
        this.items.splice(i, 0, _pair);
    } else {
      this.items.push(_pair);
    }
  }
  delete(key) {
    const it = findPair(this.items, key);
    if (!it)
      return false;
    const del = this.items.splice(this.items.indexOf(it), 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const it = findPair(this.items, key);
    const node = it?.value;
    return (!keepScalar && isScalar(node) ? node.value : node) ?? void 0;
  }
  has(key) {
    return !!findPair(this.items, key);
  }
  set(key, value) {
    this.add(new Pair(key, value), true);
  }
  /**
   * @param ctx - Conversion context, originally set in Document#toJS()
   * @param {Class} Type - If set, forces the returned collection type
   * @returns Instance of Type, Map, or Object
   */
  toJSON(_, ctx, Type) {
    const map2 = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const item of this.items)
      addPairToJSMap(ctx, map2, item);
    return map2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    for (const item of this.items) {
      if (!isPair(item))
        throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
    }
    if (!ctx.allNullValues && this.hasAllNullValues(false))
      ctx = Object.assign({}, ctx, { allNullValues: true });
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "",
      flowChars: { start: "{", end: "}" },
      itemIndent: ctx.indent || "",
      onChompKeep,
      onComment
    });
  }
};

// node_modules/yaml/browser/dist/schema/common/map.js
var map = {
  collection: "map",
  default: true,
  nodeClass: YAMLMap,
  tag: "tag:yaml.org,2002:map",
  resolve(map2, onError) {
    if (!isMap(map2))
      onError("Expected a mapping for this tag");
    return map2;
  },
  createNode: (schema4, obj, ctx) => YAMLMap.from(schema4, obj, ctx)
};

// node_modules/yaml/browser/dist/nodes/YAMLSeq.js
var YAMLSeq = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:seq";
  }
  constructor(schema4) {
    super(SEQ, schema4);
    this.items = [];
  }
  add(value) {
    this.items.push(value);
  }
  /**
   * Removes a value from the collection.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   *
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return false;
    const del = this.items.splice(idx, 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return void 0;
    const it = this.items[idx];
    return !keepScalar && isScalar(it) ? it.value : it;
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   */
  has(key) {
    const idx = asItemIndex(key);
    return typeof idx === "number" && idx < this.items.length;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   *
   * If `key` does not contain a representation of an integer, this will throw.
   * It may be wrapped in a `Scalar`.
   */
  set(key, value) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      throw new Error(`Expected a valid index, not ${key}.`);
    const prev = this.items[idx];
    if (isScalar(prev) && isScalarValue(value))
      prev.value = value;
    else
      this.items[idx] = value;
  }
  toJSON(_, ctx) {
    const seq2 = [];
    if (ctx?.onCreate)
      ctx.onCreate(seq2);
    let i = 0;
    for (const item of this.items)
      seq2.push(toJS(item, String(i++), ctx));
    return seq2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "- ",
      flowChars: { start: "[", end: "]" },
      itemIndent: (ctx.indent || "") + "  ",
      onChompKeep,
      onComment
    });
  }
  static from(schema4, obj, ctx) {
    const { replacer } = ctx;
    const seq2 = new this(schema4);
    if (obj && Symbol.iterator in Object(obj)) {
      let i = 0;
      for (let it of obj) {
        if (typeof replacer === "function") {
          const key = obj instanceof Set ? it : String(i++);
          it = replacer.call(obj, key, it);
        }
        seq2.items.push(createNode(it, void 0, ctx));
      }
    }
    return seq2;
  }
};
function asItemIndex(key) {
  let idx = isScalar(key) ? key.value : key;
  if (idx && typeof idx === "string")
    idx = Number(idx);
  return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
}

// node_modules/yaml/browser/dist/schema/common/seq.js
var seq = {
  collection: "seq",
  default: true,
  nodeClass: YAMLSeq,
  tag: "tag:yaml.org,2002:seq",
  resolve(seq2, onError) {
    if (!isSeq(seq2))
      onError("Expected a sequence for this tag");
    return seq2;
  },
  createNode: (schema4, obj, ctx) => YAMLSeq.from(schema4, obj, ctx)
};

// node_modules/yaml/browser/dist/schema/common/string.js
var string = {
  identify: (value) => typeof value === "string",
  default: true,
  tag: "tag:yaml.org,2002:str",
  resolve: (str) => str,
  stringify(item, ctx, onComment, onChompKeep) {
    ctx = Object.assign({ actualString: true }, ctx);
    return stringifyString(item, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/common/null.js
var nullTag = {
  identify: (value) => value == null,
  createNode: () => new Scalar(null),
  default: true,
  tag: "tag:yaml.org,2002:null",
  test: /^(?:~|[Nn]ull|NULL)?$/,
  resolve: () => new Scalar(null),
  stringify: ({ source: source2 }, ctx) => typeof source2 === "string" && nullTag.test.test(source2) ? source2 : ctx.options.nullStr
};

// node_modules/yaml/browser/dist/schema/core/bool.js
var boolTag = {
  identify: (value) => typeof value === "boolean",
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  resolve: (str) => new Scalar(str[0] === "t" || str[0] === "T"),
  stringify({ source: source2, value }, ctx) {
    if (source2 && boolTag.test.test(source2)) {
      const sv = source2[0] === "t" || source2[0] === "T";
      if (value === sv)
        return source2;
    }
    return value ? ctx.options.trueStr : ctx.options.falseStr;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyNumber.js
function stringifyNumber({ format, minFractionDigits, tag, value }) {
  if (typeof value === "bigint")
    return String(value);
  const num = typeof value === "number" ? value : Number(value);
  if (!isFinite(num))
    return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
  let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
    let i = n.indexOf(".");
    if (i < 0) {
      i = n.length;
      n += ".";
    }
    let d = minFractionDigits - (n.length - i - 1);
    while (d-- > 0)
      n += "0";
  }
  return n;
}

// node_modules/yaml/browser/dist/schema/core/float.js
var floatNaN = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str));
    const dot = str.indexOf(".");
    if (dot !== -1 && str[str.length - 1] === "0")
      node.minFractionDigits = str.length - dot - 1;
    return node;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/core/int.js
var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
function intStringify(node, radix, prefix) {
  const { value } = node;
  if (intIdentify(value) && value >= 0)
    return prefix + value.toString(radix);
  return stringifyNumber(node);
}
var intOct = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^0o[0-7]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
  stringify: (node) => intStringify(node, 8, "0o")
};
var int = {
  identify: intIdentify,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^0x[0-9a-fA-F]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
  stringify: (node) => intStringify(node, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/core/schema.js
var schema = [
  map,
  seq,
  string,
  nullTag,
  boolTag,
  intOct,
  int,
  intHex,
  floatNaN,
  floatExp,
  float
];

// node_modules/yaml/browser/dist/schema/json/schema.js
function intIdentify2(value) {
  return typeof value === "bigint" || Number.isInteger(value);
}
var stringifyJSON = ({ value }) => JSON.stringify(value);
var jsonScalars = [
  {
    identify: (value) => typeof value === "string",
    default: true,
    tag: "tag:yaml.org,2002:str",
    resolve: (str) => str,
    stringify: stringifyJSON
  },
  {
    identify: (value) => value == null,
    createNode: () => new Scalar(null),
    default: true,
    tag: "tag:yaml.org,2002:null",
    test: /^null$/,
    resolve: () => null,
    stringify: stringifyJSON
  },
  {
    identify: (value) => typeof value === "boolean",
    default: true,
    tag: "tag:yaml.org,2002:bool",
    test: /^true$|^false$/,
    resolve: (str) => str === "true",
    stringify: stringifyJSON
  },
  {
    identify: intIdentify2,
    default: true,
    tag: "tag:yaml.org,2002:int",
    test: /^-?(?:0|[1-9][0-9]*)$/,
    resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
    stringify: ({ value }) => intIdentify2(value) ? value.toString() : JSON.stringify(value)
  },
  {
    identify: (value) => typeof value === "number",
    default: true,
    tag: "tag:yaml.org,2002:float",
    test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
    resolve: (str) => parseFloat(str),
    stringify: stringifyJSON
  }
];
var jsonError = {
  default: true,
  tag: "",
  test: /^/,
  resolve(str, onError) {
    onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
    return str;
  }
};
var schema2 = [map, seq].concat(jsonScalars, jsonError);

// node_modules/yaml/browser/dist/schema/yaml-1.1/binary.js
var binary = {
  identify: (value) => value instanceof Uint8Array,
  // Buffer inherits from Uint8Array
  default: false,
  tag: "tag:yaml.org,2002:binary",
  /**
   * Returns a Buffer in node and an Uint8Array in browsers
   *
   * To use the resulting buffer as an image, you'll want to do something like:
   *
   *   const blob = new Blob([buffer], { type: 'image/jpeg' })
   *   document.querySelector('#photo').src = URL.createObjectURL(blob)
   */
  resolve(src, onError) {
    if (typeof atob === "function") {
      const str = atob(src.replace(/[\n\r]/g, ""));
      const buffer = new Uint8Array(str.length);
      for (let i = 0; i < str.length; ++i)
        buffer[i] = str.charCodeAt(i);
      return buffer;
    } else {
      onError("This environment does not support reading binary tags; either Buffer or atob is required");
      return src;
    }
  },
  stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
    if (!value)
      return "";
    const buf = value;
    let str;
    if (typeof btoa === "function") {
      let s = "";
      for (let i = 0; i < buf.length; ++i)
        s += String.fromCharCode(buf[i]);
      str = btoa(s);
    } else {
      throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
    }
    type ?? (type = Scalar.BLOCK_LITERAL);
    if (type !== Scalar.QUOTE_DOUBLE) {
      const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
      const n = Math.ceil(str.length / lineWidth);
      const lines = new Array(n);
      for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
        lines[i] = str.substr(o, lineWidth);
      }
      str = lines.join(type === Scalar.BLOCK_LITERAL ? "\n" : " ");
    }
    return stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/pairs.js
function resolvePairs(seq2, onError) {
  if (isSeq(seq2)) {
    for (let i = 0; i < seq2.items.length; ++i) {
      let item = seq2.items[i];
      if (isPair(item))
        continue;
      else if (isMap(item)) {
        if (item.items.length > 1)
          onError("Each pair must have its own sequence indicator");
        const pair2 = item.items[0] || new Pair(new Scalar(null));
        if (item.commentBefore)
          pair2.key.commentBefore = pair2.key.commentBefore ? `${item.commentBefore}
${pair2.key.commentBefore}` : item.commentBefore;
        if (item.comment) {
          const cn = pair2.value ?? pair2.key;
          cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
        }
        item = pair2;
      }
      seq2.items[i] = isPair(item) ? item : new Pair(item);
    }
  } else
    onError("Expected a sequence for this tag");
  return seq2;
}
function createPairs(schema4, iterable, ctx) {
  const { replacer } = ctx;
  const pairs2 = new YAMLSeq(schema4);
  pairs2.tag = "tag:yaml.org,2002:pairs";
  let i = 0;
  if (iterable && Symbol.iterator in Object(iterable))
    for (let it of iterable) {
      if (typeof replacer === "function")
        it = replacer.call(iterable, String(i++), it);
      let key, value;
      if (Array.isArray(it)) {
        if (it.length === 2) {
          key = it[0];
          value = it[1];
        } else
          throw new TypeError(`Expected [key, value] tuple: ${it}`);
      } else if (it && it instanceof Object) {
        const keys = Object.keys(it);
        if (keys.length === 1) {
          key = keys[0];
          value = it[key];
        } else {
          throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
        }
      } else {
        key = it;
      }
      pairs2.items.push(createPair(key, value, ctx));
    }
  return pairs2;
}
var pairs = {
  collection: "seq",
  default: false,
  tag: "tag:yaml.org,2002:pairs",
  resolve: resolvePairs,
  createNode: createPairs
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/omap.js
var YAMLOMap = class _YAMLOMap extends YAMLSeq {
  constructor() {
    super();
    this.add = YAMLMap.prototype.add.bind(this);
    this.delete = YAMLMap.prototype.delete.bind(this);
    this.get = YAMLMap.prototype.get.bind(this);
    this.has = YAMLMap.prototype.has.bind(this);
    this.set = YAMLMap.prototype.set.bind(this);
    this.tag = _YAMLOMap.tag;
  }
  /**
   * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
   * but TypeScript won't allow widening the signature of a child method.
   */
  toJSON(_, ctx) {
    if (!ctx)
      return super.toJSON(_);
    const map2 = /* @__PURE__ */ new Map();
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const pair2 of this.items) {
      let key, value;
      if (isPair(pair2)) {
        key = toJS(pair2.key, "", ctx);
        value = toJS(pair2.value, key, ctx);
      } else {
        key = toJS(pair2, "", ctx);
      }
      if (map2.has(key))
        throw new Error("Ordered maps must not include duplicate keys");
      map2.set(key, value);
    }
    return map2;
  }
  static from(schema4, iterable, ctx) {
    const pairs2 = createPairs(schema4, iterable, ctx);
    const omap2 = new this();
    omap2.items = pairs2.items;
    return omap2;
  }
};
YAMLOMap.tag = "tag:yaml.org,2002:omap";
var omap = {
  collection: "seq",
  identify: (value) => value instanceof Map,
  nodeClass: YAMLOMap,
  default: false,
  tag: "tag:yaml.org,2002:omap",
  resolve(seq2, onError) {
    const pairs2 = resolvePairs(seq2, onError);
    const seenKeys = [];
    for (const { key } of pairs2.items) {
      if (isScalar(key)) {
        if (seenKeys.includes(key.value)) {
          onError(`Ordered maps must not include duplicate keys: ${key.value}`);
        } else {
          seenKeys.push(key.value);
        }
      }
    }
    return Object.assign(new YAMLOMap(), pairs2);
  },
  createNode: (schema4, iterable, ctx) => YAMLOMap.from(schema4, iterable, ctx)
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/bool.js
function boolStringify({ value, source: source2 }, ctx) {
  const boolObj = value ? trueTag : falseTag;
  if (source2 && boolObj.test.test(source2))
    return source2;
  return value ? ctx.options.trueStr : ctx.options.falseStr;
}
var trueTag = {
  identify: (value) => value === true,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  resolve: () => new Scalar(true),
  stringify: boolStringify
};
var falseTag = {
  identify: (value) => value === false,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  resolve: () => new Scalar(false),
  stringify: boolStringify
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/float.js
var floatNaN2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str.replace(/_/g, "")),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str.replace(/_/g, "")));
    const dot = str.indexOf(".");
    if (dot !== -1) {
      const f = str.substring(dot + 1).replace(/_/g, "");
      if (f[f.length - 1] === "0")
        node.minFractionDigits = f.length;
    }
    return node;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/int.js
var intIdentify3 = (value) => typeof value === "bigint" || Number.isInteger(value);
function intResolve2(str, offset, radix, { intAsBigInt }) {
  const sign = str[0];
  if (sign === "-" || sign === "+")
    offset += 1;
  str = str.substring(offset).replace(/_/g, "");
  if (intAsBigInt) {
    switch (radix) {
      case 2:
        str = `0b${str}`;
        break;
      case 8:
        str = `0o${str}`;
        break;
      case 16:
        str = `0x${str}`;
        break;
    }
    const n2 = BigInt(str);
    return sign === "-" ? BigInt(-1) * n2 : n2;
  }
  const n = parseInt(str, radix);
  return sign === "-" ? -1 * n : n;
}
function intStringify2(node, radix, prefix) {
  const { value } = node;
  if (intIdentify3(value)) {
    const str = value.toString(radix);
    return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
  }
  return stringifyNumber(node);
}
var intBin = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "BIN",
  test: /^[-+]?0b[0-1_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 2, opt),
  stringify: (node) => intStringify2(node, 2, "0b")
};
var intOct2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^[-+]?0[0-7_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 1, 8, opt),
  stringify: (node) => intStringify2(node, 8, "0")
};
var int2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9][0-9_]*$/,
  resolve: (str, _onError, opt) => intResolve2(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^[-+]?0x[0-9a-fA-F_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 16, opt),
  stringify: (node) => intStringify2(node, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/set.js
var YAMLSet = class _YAMLSet extends YAMLMap {
  constructor(schema4) {
    super(schema4);
    this.tag = _YAMLSet.tag;
  }
  add(key) {
    let pair2;
    if (isPair(key))
      pair2 = key;
    else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
      pair2 = new Pair(key.key, null);
    else
      pair2 = new Pair(key, null);
    const prev = findPair(this.items, pair2.key);
    if (!prev)
      this.items.push(pair2);
  }
  /**
   * If `keepPair` is `true`, returns the Pair matching `key`.
   * Otherwise, returns the value of that Pair's key.
   */
  get(key, keepPair) {
    const pair2 = findPair(this.items, key);
    return !keepPair && isPair(pair2) ? isScalar(pair2.key) ? pair2.key.value : pair2.key : pair2;
  }
  set(key, value) {
    if (typeof value !== "boolean")
      throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
    const prev = findPair(this.items, key);
    if (prev && !value) {
      this.items.splice(this.items.indexOf(prev), 1);
    } else if (!prev && value) {
      this.items.push(new Pair(key));
    }
  }
  toJSON(_, ctx) {
    return super.toJSON(_, ctx, Set);
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    if (this.hasAllNullValues(true))
      return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
    else
      throw new Error("Set items must all have null values");
  }
  static from(schema4, iterable, ctx) {
    const { replacer } = ctx;
    const set2 = new this(schema4);
    if (iterable && Symbol.iterator in Object(iterable))
      for (let value of iterable) {
        if (typeof replacer === "function")
          value = replacer.call(iterable, value, value);
        set2.items.push(createPair(value, null, ctx));
      }
    return set2;
  }
};
YAMLSet.tag = "tag:yaml.org,2002:set";
var set = {
  collection: "map",
  identify: (value) => value instanceof Set,
  nodeClass: YAMLSet,
  default: false,
  tag: "tag:yaml.org,2002:set",
  createNode: (schema4, iterable, ctx) => YAMLSet.from(schema4, iterable, ctx),
  resolve(map2, onError) {
    if (isMap(map2)) {
      if (map2.hasAllNullValues(true))
        return Object.assign(new YAMLSet(), map2);
      else
        onError("Set items must all have null values");
    } else
      onError("Expected a mapping for this tag");
    return map2;
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/timestamp.js
function parseSexagesimal(str, asBigInt) {
  const sign = str[0];
  const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
  const num = (n) => asBigInt ? BigInt(n) : Number(n);
  const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
  return sign === "-" ? num(-1) * res : res;
}
function stringifySexagesimal(node) {
  let { value } = node;
  let num = (n) => n;
  if (typeof value === "bigint")
    num = (n) => BigInt(n);
  else if (isNaN(value) || !isFinite(value))
    return stringifyNumber(node);
  let sign = "";
  if (value < 0) {
    sign = "-";
    value *= num(-1);
  }
  const _60 = num(60);
  const parts = [value % _60];
  if (value < 60) {
    parts.unshift(0);
  } else {
    value = (value - parts[0]) / _60;
    parts.unshift(value % _60);
    if (value >= 60) {
      value = (value - parts[0]) / _60;
      parts.unshift(value);
    }
  }
  return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
}
var intTime = {
  identify: (value) => typeof value === "bigint" || Number.isInteger(value),
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
  stringify: stringifySexagesimal
};
var floatTime = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  resolve: (str) => parseSexagesimal(str, false),
  stringify: stringifySexagesimal
};
var timestamp = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: "tag:yaml.org,2002:timestamp",
  // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
  // may be omitted altogether, resulting in a date format. In such a case, the time part is
  // assumed to be 00:00:00Z (start of day, UTC).
  test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
  resolve(str) {
    const match = str.match(timestamp.test);
    if (!match)
      throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
    const [, year, month, day2, hour, minute, second] = match.map(Number);
    const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
    let date = Date.UTC(year, month - 1, day2, hour || 0, minute || 0, second || 0, millisec);
    const tz = match[8];
    if (tz && tz !== "Z") {
      let d = parseSexagesimal(tz, false);
      if (Math.abs(d) < 30)
        d *= 60;
      date -= 6e4 * d;
    }
    return new Date(date);
  },
  stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/schema.js
var schema3 = [
  map,
  seq,
  string,
  nullTag,
  trueTag,
  falseTag,
  intBin,
  intOct2,
  int2,
  intHex2,
  floatNaN2,
  floatExp2,
  float2,
  binary,
  merge,
  omap,
  pairs,
  set,
  intTime,
  floatTime,
  timestamp
];

// node_modules/yaml/browser/dist/schema/tags.js
var schemas = /* @__PURE__ */ new Map([
  ["core", schema],
  ["failsafe", [map, seq, string]],
  ["json", schema2],
  ["yaml11", schema3],
  ["yaml-1.1", schema3]
]);
var tagsByName = {
  binary,
  bool: boolTag,
  float,
  floatExp,
  floatNaN,
  floatTime,
  int,
  intHex,
  intOct,
  intTime,
  map,
  merge,
  null: nullTag,
  omap,
  pairs,
  seq,
  set,
  timestamp
};
var coreKnownTags = {
  "tag:yaml.org,2002:binary": binary,
  "tag:yaml.org,2002:merge": merge,
  "tag:yaml.org,2002:omap": omap,
  "tag:yaml.org,2002:pairs": pairs,
  "tag:yaml.org,2002:set": set,
  "tag:yaml.org,2002:timestamp": timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
  const schemaTags = schemas.get(schemaName);
  if (schemaTags && !customTags) {
    return addMergeTag && !schemaTags.includes(merge) ? schemaTags.concat(merge) : schemaTags.slice();
  }
  let tags = schemaTags;
  if (!tags) {
    if (Array.isArray(customTags))
      tags = [];
    else {
      const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
    }
  }
  if (Array.isArray(customTags)) {
    for (const tag of customTags)
      tags = tags.concat(tag);
  } else if (typeof customTags === "function") {
    tags = customTags(tags.slice());
  }
  if (addMergeTag)
    tags = tags.concat(merge);
  return tags.reduce((tags2, tag) => {
    const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
    if (!tagObj) {
      const tagName = JSON.stringify(tag);
      const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
    }
    if (!tags2.includes(tagObj))
      tags2.push(tagObj);
    return tags2;
  }, []);
}

// node_modules/yaml/browser/dist/schema/Schema.js
var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
var Schema = class _Schema {
  constructor({ compat, customTags, merge: merge4, resolveKnownTags, schema: schema4, sortMapEntries, toStringDefaults }) {
    this.compat = Array.isArray(compat) ? getTags(compat, "compat") : compat ? getTags(null, compat) : null;
    this.name = typeof schema4 === "string" && schema4 || "core";
    this.knownTags = resolveKnownTags ? coreKnownTags : {};
    this.tags = getTags(customTags, this.name, merge4);
    this.toStringOptions = toStringDefaults ?? null;
    Object.defineProperty(this, MAP, { value: map });
    Object.defineProperty(this, SCALAR, { value: string });
    Object.defineProperty(this, SEQ, { value: seq });
    this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
  }
  clone() {
    const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
    copy.tags = this.tags.slice();
    return copy;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyDocument.js
function stringifyDocument(doc, options) {
  const lines = [];
  let hasDirectives = options.directives === true;
  if (options.directives !== false && doc.directives) {
    const dir = doc.directives.toString(doc);
    if (dir) {
      lines.push(dir);
      hasDirectives = true;
    } else if (doc.directives.docStart)
      hasDirectives = true;
  }
  if (hasDirectives)
    lines.push("---");
  const ctx = createStringifyContext(doc, options);
  const { commentString } = ctx.options;
  if (doc.commentBefore) {
    if (lines.length !== 1)
      lines.unshift("");
    const cs = commentString(doc.commentBefore);
    lines.unshift(indentComment(cs, ""));
  }
  let chompKeep = false;
  let contentComment = null;
  if (doc.contents) {
    if (isNode(doc.contents)) {
      if (doc.contents.spaceBefore && hasDirectives)
        lines.push("");
      if (doc.contents.commentBefore) {
        const cs = commentString(doc.contents.commentBefore);
        lines.push(indentComment(cs, ""));
      }
      ctx.forceBlockIndent = !!doc.comment;
      contentComment = doc.contents.comment;
    }
    const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
    let body = stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
    if (contentComment)
      body += lineComment(body, "", commentString(contentComment));
    if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
      lines[lines.length - 1] = `--- ${body}`;
    } else
      lines.push(body);
  } else {
    lines.push(stringify(doc.contents, ctx));
  }
  if (doc.directives?.docEnd) {
    if (doc.comment) {
      const cs = commentString(doc.comment);
      if (cs.includes("\n")) {
        lines.push("...");
        lines.push(indentComment(cs, ""));
      } else {
        lines.push(`... ${cs}`);
      }
    } else {
      lines.push("...");
    }
  } else {
    let dc = doc.comment;
    if (dc && chompKeep)
      dc = dc.replace(/^\n+/, "");
    if (dc) {
      if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
        lines.push("");
      lines.push(indentComment(commentString(dc), ""));
    }
  }
  return lines.join("\n") + "\n";
}

// node_modules/yaml/browser/dist/doc/Document.js
var Document = class _Document {
  constructor(value, replacer, options) {
    this.commentBefore = null;
    this.comment = null;
    this.errors = [];
    this.warnings = [];
    Object.defineProperty(this, NODE_TYPE, { value: DOC });
    let _replacer = null;
    if (typeof replacer === "function" || Array.isArray(replacer)) {
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const opt = Object.assign({
      intAsBigInt: false,
      keepSourceTokens: false,
      logLevel: "warn",
      prettyErrors: true,
      strict: true,
      stringKeys: false,
      uniqueKeys: true,
      version: "1.2"
    }, options);
    this.options = opt;
    let { version } = opt;
    if (options?._directives) {
      this.directives = options._directives.atDocument();
      if (this.directives.yaml.explicit)
        version = this.directives.yaml.version;
    } else
      this.directives = new Directives({ version });
    this.setSchema(version, options);
    this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
  }
  /**
   * Create a deep copy of this Document and its contents.
   *
   * Custom Node values that inherit from `Object` still refer to their original instances.
   */
  clone() {
    const copy = Object.create(_Document.prototype, {
      [NODE_TYPE]: { value: DOC }
    });
    copy.commentBefore = this.commentBefore;
    copy.comment = this.comment;
    copy.errors = this.errors.slice();
    copy.warnings = this.warnings.slice();
    copy.options = Object.assign({}, this.options);
    if (this.directives)
      copy.directives = this.directives.clone();
    copy.schema = this.schema.clone();
    copy.contents = isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** Adds a value to the document. */
  add(value) {
    if (assertCollection(this.contents))
      this.contents.add(value);
  }
  /** Adds a value to the document. */
  addIn(path, value) {
    if (assertCollection(this.contents))
      this.contents.addIn(path, value);
  }
  /**
   * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
   *
   * If `node` already has an anchor, `name` is ignored.
   * Otherwise, the `node.anchor` value will be set to `name`,
   * or if an anchor with that name is already present in the document,
   * `name` will be used as a prefix for a new unique anchor.
   * If `name` is undefined, the generated anchor will use 'a' as a prefix.
   */
  createAlias(node, name) {
    if (!node.anchor) {
      const prev = anchorNames(this);
      node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      !name || prev.has(name) ? findNewAnchor(name || "a", prev) : name;
    }
    return new Alias(node.anchor);
  }
  createNode(value, replacer, options) {
    let _replacer = void 0;
    if (typeof replacer === "function") {
      value = replacer.call({ "": value }, "", value);
      _replacer = replacer;
    } else if (Array.isArray(replacer)) {
      const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
      const asStr = replacer.filter(keyToStr).map(String);
      if (asStr.length > 0)
        replacer = replacer.concat(asStr);
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
    const { onAnchor, setAnchors, sourceObjects } = createNodeAnchors(
      this,
      // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      anchorPrefix || "a"
    );
    const ctx = {
      aliasDuplicateObjects: aliasDuplicateObjects ?? true,
      keepUndefined: keepUndefined ?? false,
      onAnchor,
      onTagObj,
      replacer: _replacer,
      schema: this.schema,
      sourceObjects
    };
    const node = createNode(value, tag, ctx);
    if (flow && isCollection(node))
      node.flow = true;
    setAnchors();
    return node;
  }
  /**
   * Convert a key and a value into a `Pair` using the current schema,
   * recursively wrapping all values as `Scalar` or `Collection` nodes.
   */
  createPair(key, value, options = {}) {
    const k = this.createNode(key, null, options);
    const v = this.createNode(value, null, options);
    return new Pair(k, v);
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    return assertCollection(this.contents) ? this.contents.delete(key) : false;
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path) {
    if (isEmptyPath(path)) {
      if (this.contents == null)
        return false;
      this.contents = null;
      return true;
    }
    return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  get(key, keepScalar) {
    return isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
  }
  /**
   * Returns item at `path`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path, keepScalar) {
    if (isEmptyPath(path))
      return !keepScalar && isScalar(this.contents) ? this.contents.value : this.contents;
    return isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
  }
  /**
   * Checks if the document includes a value with the key `key`.
   */
  has(key) {
    return isCollection(this.contents) ? this.contents.has(key) : false;
  }
  /**
   * Checks if the document includes a value at `path`.
   */
  hasIn(path) {
    if (isEmptyPath(path))
      return this.contents !== void 0;
    return isCollection(this.contents) ? this.contents.hasIn(path) : false;
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  set(key, value) {
    if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, [key], value);
    } else if (assertCollection(this.contents)) {
      this.contents.set(key, value);
    }
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path, value) {
    if (isEmptyPath(path)) {
      this.contents = value;
    } else if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, Array.from(path), value);
    } else if (assertCollection(this.contents)) {
      this.contents.setIn(path, value);
    }
  }
  /**
   * Change the YAML version and schema used by the document.
   * A `null` version disables support for directives, explicit tags, anchors, and aliases.
   * It also requires the `schema` option to be given as a `Schema` instance value.
   *
   * Overrides all previously set schema options.
   */
  setSchema(version, options = {}) {
    if (typeof version === "number")
      version = String(version);
    let opt;
    switch (version) {
      case "1.1":
        if (this.directives)
          this.directives.yaml.version = "1.1";
        else
          this.directives = new Directives({ version: "1.1" });
        opt = { resolveKnownTags: false, schema: "yaml-1.1" };
        break;
      case "1.2":
      case "next":
        if (this.directives)
          this.directives.yaml.version = version;
        else
          this.directives = new Directives({ version });
        opt = { resolveKnownTags: true, schema: "core" };
        break;
      case null:
        if (this.directives)
          delete this.directives;
        opt = null;
        break;
      default: {
        const sv = JSON.stringify(version);
        throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
      }
    }
    if (options.schema instanceof Object)
      this.schema = options.schema;
    else if (opt)
      this.schema = new Schema(Object.assign(opt, options));
    else
      throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
  }
  // json & jsonArg are only used from toJSON()
  toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc: this,
      keep: !json,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this.contents, jsonArg ?? "", ctx);
    if (typeof onAnchor === "function")
      for (const { count, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
  /**
   * A JSON representation of the document `contents`.
   *
   * @param jsonArg Used by `JSON.stringify` to indicate the array index or
   *   property name.
   */
  toJSON(jsonArg, onAnchor) {
    return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
  }
  /** A YAML representation of the document. */
  toString(options = {}) {
    if (this.errors.length > 0)
      throw new Error("Document with errors cannot be stringified");
    if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
      const s = JSON.stringify(options.indent);
      throw new Error(`"indent" option must be a positive integer, not ${s}`);
    }
    return stringifyDocument(this, options);
  }
};
function assertCollection(contents) {
  if (isCollection(contents))
    return true;
  throw new Error("Expected a YAML collection as document contents");
}

// node_modules/yaml/browser/dist/errors.js
var YAMLError = class extends Error {
  constructor(name, pos, code2, message) {
    super();
    this.name = name;
    this.code = code2;
    this.message = message;
    this.pos = pos;
  }
};
var YAMLParseError = class extends YAMLError {
  constructor(pos, code2, message) {
    super("YAMLParseError", pos, code2, message);
  }
};
var YAMLWarning = class extends YAMLError {
  constructor(pos, code2, message) {
    super("YAMLWarning", pos, code2, message);
  }
};
var prettifyError = (src, lc) => (error) => {
  if (error.pos[0] === -1)
    return;
  error.linePos = error.pos.map((pos) => lc.linePos(pos));
  const { line: line2, col } = error.linePos[0];
  error.message += ` at line ${line2}, column ${col}`;
  let ci = col - 1;
  let lineStr = src.substring(lc.lineStarts[line2 - 1], lc.lineStarts[line2]).replace(/[\n\r]+$/, "");
  if (ci >= 60 && lineStr.length > 80) {
    const trimStart = Math.min(ci - 39, lineStr.length - 79);
    lineStr = "\u2026" + lineStr.substring(trimStart);
    ci -= trimStart - 1;
  }
  if (lineStr.length > 80)
    lineStr = lineStr.substring(0, 79) + "\u2026";
  if (line2 > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
    let prev = src.substring(lc.lineStarts[line2 - 2], lc.lineStarts[line2 - 1]);
    if (prev.length > 80)
      prev = prev.substring(0, 79) + "\u2026\n";
    lineStr = prev + lineStr;
  }
  if (/[^ ]/.test(lineStr)) {
    let count = 1;
    const end = error.linePos[1];
    if (end?.line === line2 && end.col > col) {
      count = Math.max(1, Math.min(end.col - col, 80 - ci));
    }
    const pointer = " ".repeat(ci) + "^".repeat(count);
    error.message += `:

${lineStr}
${pointer}
`;
  }
};

// node_modules/yaml/browser/dist/compose/resolve-props.js
function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
  let spaceBefore = false;
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let comment = "";
  let commentSep = "";
  let hasNewline = false;
  let reqSpace = false;
  let tab = null;
  let anchor = null;
  let tag = null;
  let newlineAfterProp = null;
  let comma = null;
  let found = null;
  let start = null;
  for (const token of tokens) {
    if (reqSpace) {
      if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
        onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      reqSpace = false;
    }
    if (tab) {
      if (atNewline && token.type !== "comment" && token.type !== "newline") {
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      }
      tab = null;
    }
    switch (token.type) {
      case "space":
        if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
          tab = token;
        }
        hasSpace = true;
        break;
      case "comment": {
        if (!hasSpace)
          onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
        const cb = token.source.substring(1) || " ";
        if (!comment)
          comment = cb;
        else
          comment += commentSep + cb;
        commentSep = "";
        atNewline = false;
        break;
      }
      case "newline":
        if (atNewline) {
          if (comment)
            comment += token.source;
          else if (!found || indicator !== "seq-item-ind")
            spaceBefore = true;
        } else
          commentSep += token.source;
        atNewline = true;
        hasNewline = true;
        if (anchor || tag)
          newlineAfterProp = token;
        hasSpace = true;
        break;
      case "anchor":
        if (anchor)
          onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
        if (token.source.endsWith(":"))
          onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
        anchor = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      case "tag": {
        if (tag)
          onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
        tag = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      }
      case indicator:
        if (anchor || tag)
          onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
        if (found)
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
        found = token;
        atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
        hasSpace = false;
        break;
      case "comma":
        if (flow) {
          if (comma)
            onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
          comma = token;
          atNewline = false;
          hasSpace = false;
          break;
        }
      // else fallthrough
      default:
        onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
        atNewline = false;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
    onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
  }
  if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
    onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
  return {
    comma,
    found,
    spaceBefore,
    comment,
    hasNewline,
    anchor,
    tag,
    newlineAfterProp,
    end,
    start: start ?? end
  };
}

// node_modules/yaml/browser/dist/compose/util-contains-newline.js
function containsNewline(key) {
  if (!key)
    return null;
  switch (key.type) {
    case "alias":
    case "scalar":
    case "double-quoted-scalar":
    case "single-quoted-scalar":
      if (key.source.includes("\n"))
        return true;
      if (key.end) {
        for (const st of key.end)
          if (st.type === "newline")
            return true;
      }
      return false;
    case "flow-collection":
      for (const it of key.items) {
        for (const st of it.start)
          if (st.type === "newline")
            return true;
        if (it.sep) {
          for (const st of it.sep)
            if (st.type === "newline")
              return true;
        }
        if (containsNewline(it.key) || containsNewline(it.value))
          return true;
      }
      return false;
    default:
      return true;
  }
}

// node_modules/yaml/browser/dist/compose/util-flow-indent-check.js
function flowIndentCheck(indent, fc, onError) {
  if (fc?.type === "flow-collection") {
    const end = fc.end[0];
    if (end.indent === indent && (end.source === "]" || end.source === "}") && containsNewline(fc)) {
      const msg = "Flow end indicator should be more indented than parent";
      onError(end, "BAD_INDENT", msg, true);
    }
  }
}

// node_modules/yaml/browser/dist/compose/util-map-includes.js
function mapIncludes(ctx, items, search) {
  const { uniqueKeys } = ctx.options;
  if (uniqueKeys === false)
    return false;
  const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || isScalar(a) && isScalar(b) && a.value === b.value;
  return items.some((pair2) => isEqual(pair2.key, search));
}

// node_modules/yaml/browser/dist/compose/resolve-block-map.js
var startColMsg = "All mapping items must start at the same column";
function resolveBlockMap({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bm, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLMap;
  const map2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  let offset = bm.offset;
  let commentEnd = null;
  for (const collItem of bm.items) {
    const { start, key, sep: sep2, value } = collItem;
    const keyProps = resolveProps(start, {
      indicator: "explicit-key-ind",
      next: key ?? sep2?.[0],
      offset,
      onError,
      parentIndent: bm.indent,
      startOnNewline: true
    });
    const implicitKey = !keyProps.found;
    if (implicitKey) {
      if (key) {
        if (key.type === "block-seq")
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
        else if ("indent" in key && key.indent !== bm.indent)
          onError(offset, "BAD_INDENT", startColMsg);
      }
      if (!keyProps.anchor && !keyProps.tag && !sep2) {
        commentEnd = keyProps.end;
        if (keyProps.comment) {
          if (map2.comment)
            map2.comment += "\n" + keyProps.comment;
          else
            map2.comment = keyProps.comment;
        }
        continue;
      }
      if (keyProps.newlineAfterProp || containsNewline(key)) {
        onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
      }
    } else if (keyProps.found?.indent !== bm.indent) {
      onError(offset, "BAD_INDENT", startColMsg);
    }
    ctx.atKey = true;
    const keyStart = keyProps.end;
    const keyNode = key ? composeNode2(ctx, key, keyProps, onError) : composeEmptyNode2(ctx, keyStart, start, null, keyProps, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bm.indent, key, onError);
    ctx.atKey = false;
    if (mapIncludes(ctx, map2.items, keyNode))
      onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
    const valueProps = resolveProps(sep2 ?? [], {
      indicator: "map-value-ind",
      next: value,
      offset: keyNode.range[2],
      onError,
      parentIndent: bm.indent,
      startOnNewline: !key || key.type === "block-scalar"
    });
    offset = valueProps.end;
    if (valueProps.found) {
      if (implicitKey) {
        if (value?.type === "block-map" && !valueProps.hasNewline)
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
        if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
          onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : composeEmptyNode2(ctx, offset, sep2, null, valueProps, onError);
      if (ctx.schema.compat)
        flowIndentCheck(bm.indent, value, onError);
      offset = valueNode.range[2];
      const pair2 = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair2.srcToken = collItem;
      map2.items.push(pair2);
    } else {
      if (implicitKey)
        onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
      if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair2 = new Pair(keyNode);
      if (ctx.options.keepSourceTokens)
        pair2.srcToken = collItem;
      map2.items.push(pair2);
    }
  }
  if (commentEnd && commentEnd < offset)
    onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
  map2.range = [bm.offset, offset, commentEnd ?? offset];
  return map2;
}

// node_modules/yaml/browser/dist/compose/resolve-block-seq.js
function resolveBlockSeq({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bs, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLSeq;
  const seq2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = bs.offset;
  let commentEnd = null;
  for (const { start, value } of bs.items) {
    const props2 = resolveProps(start, {
      indicator: "seq-item-ind",
      next: value,
      offset,
      onError,
      parentIndent: bs.indent,
      startOnNewline: true
    });
    if (!props2.found) {
      if (props2.anchor || props2.tag || value) {
        if (value?.type === "block-seq")
          onError(props2.end, "BAD_INDENT", "All sequence items must start at the same column");
        else
          onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
      } else {
        commentEnd = props2.end;
        if (props2.comment)
          seq2.comment = props2.comment;
        continue;
      }
    }
    const node = value ? composeNode2(ctx, value, props2, onError) : composeEmptyNode2(ctx, props2.end, start, null, props2, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bs.indent, value, onError);
    offset = node.range[2];
    seq2.items.push(node);
  }
  seq2.range = [bs.offset, offset, commentEnd ?? offset];
  return seq2;
}

// node_modules/yaml/browser/dist/compose/resolve-end.js
function resolveEnd(end, offset, reqSpace, onError) {
  let comment = "";
  if (end) {
    let hasSpace = false;
    let sep2 = "";
    for (const token of end) {
      const { source: source2, type } = token;
      switch (type) {
        case "space":
          hasSpace = true;
          break;
        case "comment": {
          if (reqSpace && !hasSpace)
            onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
          const cb = source2.substring(1) || " ";
          if (!comment)
            comment = cb;
          else
            comment += sep2 + cb;
          sep2 = "";
          break;
        }
        case "newline":
          if (comment)
            sep2 += source2;
          hasSpace = true;
          break;
        default:
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
      }
      offset += source2.length;
    }
  }
  return { comment, offset };
}

// node_modules/yaml/browser/dist/compose/resolve-flow-collection.js
var blockMsg = "Block collections are not allowed within flow collections";
var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
function resolveFlowCollection({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, fc, onError, tag) {
  const isMap2 = fc.start.source === "{";
  const fcName = isMap2 ? "flow map" : "flow sequence";
  const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap : YAMLSeq);
  const coll = new NodeClass(ctx.schema);
  coll.flow = true;
  const atRoot = ctx.atRoot;
  if (atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = fc.offset + fc.start.source.length;
  for (let i = 0; i < fc.items.length; ++i) {
    const collItem = fc.items[i];
    const { start, key, sep: sep2, value } = collItem;
    const props2 = resolveProps(start, {
      flow: fcName,
      indicator: "explicit-key-ind",
      next: key ?? sep2?.[0],
      offset,
      onError,
      parentIndent: fc.indent,
      startOnNewline: false
    });
    if (!props2.found) {
      if (!props2.anchor && !props2.tag && !sep2 && !value) {
        if (i === 0 && props2.comma)
          onError(props2.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        else if (i < fc.items.length - 1)
          onError(props2.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
        if (props2.comment) {
          if (coll.comment)
            coll.comment += "\n" + props2.comment;
          else
            coll.comment = props2.comment;
        }
        offset = props2.end;
        continue;
      }
      if (!isMap2 && ctx.options.strict && containsNewline(key))
        onError(
          key,
          // checked by containsNewline()
          "MULTILINE_IMPLICIT_KEY",
          "Implicit keys of flow sequence pairs need to be on a single line"
        );
    }
    if (i === 0) {
      if (props2.comma)
        onError(props2.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
    } else {
      if (!props2.comma)
        onError(props2.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
      if (props2.comment) {
        let prevItemComment = "";
        loop: for (const st of start) {
          switch (st.type) {
            case "comma":
            case "space":
              break;
            case "comment":
              prevItemComment = st.source.substring(1);
              break loop;
            default:
              break loop;
          }
        }
        if (prevItemComment) {
          let prev = coll.items[coll.items.length - 1];
          if (isPair(prev))
            prev = prev.value ?? prev.key;
          if (prev.comment)
            prev.comment += "\n" + prevItemComment;
          else
            prev.comment = prevItemComment;
          props2.comment = props2.comment.substring(prevItemComment.length + 1);
        }
      }
    }
    if (!isMap2 && !sep2 && !props2.found) {
      const valueNode = value ? composeNode2(ctx, value, props2, onError) : composeEmptyNode2(ctx, props2.end, sep2, null, props2, onError);
      coll.items.push(valueNode);
      offset = valueNode.range[2];
      if (isBlock(value))
        onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
    } else {
      ctx.atKey = true;
      const keyStart = props2.end;
      const keyNode = key ? composeNode2(ctx, key, props2, onError) : composeEmptyNode2(ctx, keyStart, start, null, props2, onError);
      if (isBlock(key))
        onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
      ctx.atKey = false;
      const valueProps = resolveProps(sep2 ?? [], {
        flow: fcName,
        indicator: "map-value-ind",
        next: value,
        offset: keyNode.range[2],
        onError,
        parentIndent: fc.indent,
        startOnNewline: false
      });
      if (valueProps.found) {
        if (!isMap2 && !props2.found && ctx.options.strict) {
          if (sep2)
            for (const st of sep2) {
              if (st === valueProps.found)
                break;
              if (st.type === "newline") {
                onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                break;
              }
            }
          if (props2.start < valueProps.found.offset - 1024)
            onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
        }
      } else if (value) {
        if ("source" in value && value.source?.[0] === ":")
          onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
        else
          onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode2(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
      if (valueNode) {
        if (isBlock(value))
          onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
      } else if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair2 = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair2.srcToken = collItem;
      if (isMap2) {
        const map2 = coll;
        if (mapIncludes(ctx, map2.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        map2.items.push(pair2);
      } else {
        const map2 = new YAMLMap(ctx.schema);
        map2.flow = true;
        map2.items.push(pair2);
        const endRange = (valueNode ?? keyNode).range;
        map2.range = [keyNode.range[0], endRange[1], endRange[2]];
        coll.items.push(map2);
      }
      offset = valueNode ? valueNode.range[2] : valueProps.end;
    }
  }
  const expectedEnd = isMap2 ? "}" : "]";
  const [ce, ...ee] = fc.end;
  let cePos = offset;
  if (ce?.source === expectedEnd)
    cePos = ce.offset + ce.source.length;
  else {
    const name = fcName[0].toUpperCase() + fcName.substring(1);
    const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
    onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
    if (ce && ce.source.length !== 1)
      ee.unshift(ce);
  }
  if (ee.length > 0) {
    const end = resolveEnd(ee, cePos, ctx.options.strict, onError);
    if (end.comment) {
      if (coll.comment)
        coll.comment += "\n" + end.comment;
      else
        coll.comment = end.comment;
    }
    coll.range = [fc.offset, cePos, end.offset];
  } else {
    coll.range = [fc.offset, cePos, cePos];
  }
  return coll;
}

// node_modules/yaml/browser/dist/compose/compose-collection.js
function resolveCollection(CN2, ctx, token, onError, tagName, tag) {
  const coll = token.type === "block-map" ? resolveBlockMap(CN2, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq(CN2, ctx, token, onError, tag) : resolveFlowCollection(CN2, ctx, token, onError, tag);
  const Coll = coll.constructor;
  if (tagName === "!" || tagName === Coll.tagName) {
    coll.tag = Coll.tagName;
    return coll;
  }
  if (tagName)
    coll.tag = tagName;
  return coll;
}
function composeCollection(CN2, ctx, token, props2, onError) {
  const tagToken = props2.tag;
  const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
  if (token.type === "block-seq") {
    const { anchor, newlineAfterProp: nl } = props2;
    const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
    if (lastProp && (!nl || nl.offset < lastProp.offset)) {
      const message = "Missing newline after block sequence props";
      onError(lastProp, "MISSING_CHAR", message);
    }
  }
  const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
  if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.tagName && expType === "seq") {
    return resolveCollection(CN2, ctx, token, onError, tagName);
  }
  let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
  if (!tag) {
    const kt = ctx.schema.knownTags[tagName];
    if (kt?.collection === expType) {
      ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
      tag = kt;
    } else {
      if (kt) {
        onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
      } else {
        onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
      }
      return resolveCollection(CN2, ctx, token, onError, tagName);
    }
  }
  const coll = resolveCollection(CN2, ctx, token, onError, tagName, tag);
  const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
  const node = isNode(res) ? res : new Scalar(res);
  node.range = coll.range;
  node.tag = tagName;
  if (tag?.format)
    node.format = tag.format;
  return node;
}

// node_modules/yaml/browser/dist/compose/resolve-block-scalar.js
function resolveBlockScalar(ctx, scalar, onError) {
  const start = scalar.offset;
  const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
  if (!header)
    return { value: "", type: null, comment: "", range: [start, start, start] };
  const type = header.mode === ">" ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
  const lines = scalar.source ? splitLines(scalar.source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i][1];
    if (content === "" || content === "\r")
      chompStart = i;
    else
      break;
  }
  if (chompStart === 0) {
    const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
    let end2 = start + header.length;
    if (scalar.source)
      end2 += scalar.source.length;
    return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
  }
  let trimIndent = scalar.indent + header.indent;
  let offset = scalar.offset + header.length;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content === "" || content === "\r") {
      if (header.indent === 0 && indent.length > trimIndent)
        trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) {
        const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
        onError(offset + indent.length, "MISSING_CHAR", message);
      }
      if (header.indent === 0)
        trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0 && !ctx.atRoot) {
        const message = "Block scalar values in collections must be indented";
        onError(offset, "BAD_INDENT", message);
      }
      break;
    }
    offset += indent.length + content.length + 1;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i][0].length > trimIndent)
      chompStart = i + 1;
  }
  let value = "";
  let sep2 = "";
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i)
    value += lines[i][0].slice(trimIndent) + "\n";
  for (let i = contentStart; i < chompStart; ++i) {
    let [indent, content] = lines[i];
    offset += indent.length + content.length + 1;
    const crlf = content[content.length - 1] === "\r";
    if (crlf)
      content = content.slice(0, -1);
    if (content && indent.length < trimIndent) {
      const src = header.indent ? "explicit indentation indicator" : "first line";
      const message = `Block scalar lines must not be less indented than their ${src}`;
      onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
      indent = "";
    }
    if (type === Scalar.BLOCK_LITERAL) {
      value += sep2 + indent.slice(trimIndent) + content;
      sep2 = "\n";
    } else if (indent.length > trimIndent || content[0] === "	") {
      if (sep2 === " ")
        sep2 = "\n";
      else if (!prevMoreIndented && sep2 === "\n")
        sep2 = "\n\n";
      value += sep2 + indent.slice(trimIndent) + content;
      sep2 = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep2 === "\n")
        value += "\n";
      else
        sep2 = "\n";
    } else {
      value += sep2 + content;
      sep2 = " ";
      prevMoreIndented = false;
    }
  }
  switch (header.chomp) {
    case "-":
      break;
    case "+":
      for (let i = chompStart; i < lines.length; ++i)
        value += "\n" + lines[i][0].slice(trimIndent);
      if (value[value.length - 1] !== "\n")
        value += "\n";
      break;
    default:
      value += "\n";
  }
  const end = start + header.length + scalar.source.length;
  return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props: props2 }, strict, onError) {
  if (props2[0].type !== "block-scalar-header") {
    onError(props2[0], "IMPOSSIBLE", "Block scalar header not found");
    return null;
  }
  const { source: source2 } = props2[0];
  const mode = source2[0];
  let indent = 0;
  let chomp = "";
  let error = -1;
  for (let i = 1; i < source2.length; ++i) {
    const ch = source2[i];
    if (!chomp && (ch === "-" || ch === "+"))
      chomp = ch;
    else {
      const n = Number(ch);
      if (!indent && n)
        indent = n;
      else if (error === -1)
        error = offset + i;
    }
  }
  if (error !== -1)
    onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source2}`);
  let hasSpace = false;
  let comment = "";
  let length = source2.length;
  for (let i = 1; i < props2.length; ++i) {
    const token = props2[i];
    switch (token.type) {
      case "space":
        hasSpace = true;
      // fallthrough
      case "newline":
        length += token.source.length;
        break;
      case "comment":
        if (strict && !hasSpace) {
          const message = "Comments must be separated from other tokens by white space characters";
          onError(token, "MISSING_CHAR", message);
        }
        length += token.source.length;
        comment = token.source.substring(1);
        break;
      case "error":
        onError(token, "UNEXPECTED_TOKEN", token.message);
        length += token.source.length;
        break;
      /* istanbul ignore next should not happen */
      default: {
        const message = `Unexpected token in block scalar header: ${token.type}`;
        onError(token, "UNEXPECTED_TOKEN", message);
        const ts = token.source;
        if (ts && typeof ts === "string")
          length += ts.length;
      }
    }
  }
  return { mode, indent, chomp, comment, length };
}
function splitLines(source2) {
  const split = source2.split(/\n( *)/);
  const first = split[0];
  const m = first.match(/^( *)/);
  const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
  const lines = [line0];
  for (let i = 1; i < split.length; i += 2)
    lines.push([split[i], split[i + 1]]);
  return lines;
}

// node_modules/yaml/browser/dist/compose/resolve-flow-scalar.js
function resolveFlowScalar(scalar, strict, onError) {
  const { offset, type, source: source2, end } = scalar;
  let _type;
  let value;
  const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
  switch (type) {
    case "scalar":
      _type = Scalar.PLAIN;
      value = plainValue(source2, _onError);
      break;
    case "single-quoted-scalar":
      _type = Scalar.QUOTE_SINGLE;
      value = singleQuotedValue(source2, _onError);
      break;
    case "double-quoted-scalar":
      _type = Scalar.QUOTE_DOUBLE;
      value = doubleQuotedValue(source2, _onError);
      break;
    /* istanbul ignore next should not happen */
    default:
      onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
      return {
        value: "",
        type: null,
        comment: "",
        range: [offset, offset + source2.length, offset + source2.length]
      };
  }
  const valueEnd = offset + source2.length;
  const re = resolveEnd(end, valueEnd, strict, onError);
  return {
    value,
    type: _type,
    comment: re.comment,
    range: [offset, valueEnd, re.offset]
  };
}
function plainValue(source2, onError) {
  let badChar = "";
  switch (source2[0]) {
    /* istanbul ignore next should not happen */
    case "	":
      badChar = "a tab character";
      break;
    case ",":
      badChar = "flow indicator character ,";
      break;
    case "%":
      badChar = "directive indicator character %";
      break;
    case "|":
    case ">": {
      badChar = `block scalar indicator ${source2[0]}`;
      break;
    }
    case "@":
    case "`": {
      badChar = `reserved character ${source2[0]}`;
      break;
    }
  }
  if (badChar)
    onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
  return unfoldLines(source2);
}
function singleQuotedValue(source2, onError) {
  if (source2[source2.length - 1] !== "'" || source2.length === 1)
    onError(source2.length, "MISSING_CHAR", "Missing closing 'quote");
  return unfoldLines(source2.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source2) {
  const line2 = /(.*?)\r?\n/sy;
  let match = line2.exec(source2);
  if (!match)
    return source2;
  let trimEnd2, trimBoth;
  try {
    trimEnd2 = new RegExp("(?<![ 	])[ 	]+$");
    trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
  } catch {
    trimEnd2 = /[ \t]+$/;
    trimBoth = /^[ \t]+|[ \t]+$/g;
  }
  let res = match[1].replace(trimEnd2, "");
  let sep2 = " ";
  let pos = line2.lastIndex;
  while (match = line2.exec(source2)) {
    const lm = match[1].replace(trimBoth, "");
    if (lm === "") {
      if (sep2 === "\n")
        res += sep2;
      else
        sep2 = "\n";
    } else {
      res += sep2 + lm;
      sep2 = " ";
    }
    pos = line2.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source2);
  return res + sep2 + (match?.[1] ?? "");
}
function doubleQuotedValue(source2, onError) {
  let res = "";
  for (let i = 1; i < source2.length - 1; ++i) {
    const ch = source2[i];
    if (ch === "\r" && source2[i + 1] === "\n")
      continue;
    if (ch === "\n") {
      const { fold: fold2, offset } = foldNewline(source2, i);
      res += fold2;
      i = offset;
    } else if (ch === "\\") {
      let next = source2[++i];
      const cc = escapeCodes[next];
      if (cc)
        res += cc;
      else if (next === "\n") {
        next = source2[i + 1];
        while (next === " " || next === "	")
          next = source2[++i + 1];
      } else if (next === "\r" && source2[i + 1] === "\n") {
        next = source2[++i + 1];
        while (next === " " || next === "	")
          next = source2[++i + 1];
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        res += parseCharCode(source2, i + 1, length, onError);
        i += length;
      } else {
        const raw = source2.substr(i - 1, 2);
        onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        res += raw;
      }
    } else if (ch === " " || ch === "	") {
      const wsStart = i;
      let next = source2[i + 1];
      while (next === " " || next === "	")
        next = source2[++i + 1];
      if (next !== "\n" && !(next === "\r" && source2[i + 2] === "\n"))
        res += i > wsStart ? source2.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  if (source2[source2.length - 1] !== '"' || source2.length === 1)
    onError(source2.length, "MISSING_CHAR", 'Missing closing "quote');
  return res;
}
function foldNewline(source2, offset) {
  let fold2 = "";
  let ch = source2[offset + 1];
  while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
    if (ch === "\r" && source2[offset + 2] !== "\n")
      break;
    if (ch === "\n")
      fold2 += "\n";
    offset += 1;
    ch = source2[offset + 1];
  }
  if (!fold2)
    fold2 = " ";
  return { fold: fold2, offset };
}
var escapeCodes = {
  "0": "\0",
  // null character
  a: "\x07",
  // bell character
  b: "\b",
  // backspace
  e: "\x1B",
  // escape character
  f: "\f",
  // form feed
  n: "\n",
  // line feed
  r: "\r",
  // carriage return
  t: "	",
  // horizontal tab
  v: "\v",
  // vertical tab
  N: "\x85",
  // Unicode next line
  _: "\xA0",
  // Unicode non-breaking space
  L: "\u2028",
  // Unicode line separator
  P: "\u2029",
  // Unicode paragraph separator
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "	": "	"
};
function parseCharCode(source2, offset, length, onError) {
  const cc = source2.substr(offset, length);
  const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
  const code2 = ok ? parseInt(cc, 16) : NaN;
  try {
    return String.fromCodePoint(code2);
  } catch {
    const raw = source2.substr(offset - 2, length + 2);
    onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
    return raw;
  }
}

// node_modules/yaml/browser/dist/compose/compose-scalar.js
function composeScalar(ctx, token, tagToken, onError) {
  const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar(ctx, token, onError) : resolveFlowScalar(token, ctx.options.strict, onError);
  const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
  let tag;
  if (ctx.options.stringKeys && ctx.atKey) {
    tag = ctx.schema[SCALAR];
  } else if (tagName)
    tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
  else if (token.type === "scalar")
    tag = findScalarTagByTest(ctx, value, token, onError);
  else
    tag = ctx.schema[SCALAR];
  let scalar;
  try {
    const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
    scalar = isScalar(res) ? res : new Scalar(res);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
    scalar = new Scalar(value);
  }
  scalar.range = range;
  scalar.source = value;
  if (type)
    scalar.type = type;
  if (tagName)
    scalar.tag = tagName;
  if (tag.format)
    scalar.format = tag.format;
  if (comment)
    scalar.comment = comment;
  return scalar;
}
function findScalarTagByName(schema4, value, tagName, tagToken, onError) {
  if (tagName === "!")
    return schema4[SCALAR];
  const matchWithTest = [];
  for (const tag of schema4.tags) {
    if (!tag.collection && tag.tag === tagName) {
      if (tag.default && tag.test)
        matchWithTest.push(tag);
      else
        return tag;
    }
  }
  for (const tag of matchWithTest)
    if (tag.test?.test(value))
      return tag;
  const kt = schema4.knownTags[tagName];
  if (kt && !kt.collection) {
    schema4.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
    return kt;
  }
  onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
  return schema4[SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema: schema4 }, value, token, onError) {
  const tag = schema4.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema4[SCALAR];
  if (schema4.compat) {
    const compat = schema4.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema4[SCALAR];
    if (tag.tag !== compat.tag) {
      const ts = directives.tagString(tag.tag);
      const cs = directives.tagString(compat.tag);
      const msg = `Value may be parsed as either ${ts} or ${cs}`;
      onError(token, "TAG_RESOLVE_FAILED", msg, true);
    }
  }
  return tag;
}

// node_modules/yaml/browser/dist/compose/util-empty-scalar-position.js
function emptyScalarPosition(offset, before, pos) {
  if (before) {
    pos ?? (pos = before.length);
    for (let i = pos - 1; i >= 0; --i) {
      let st = before[i];
      switch (st.type) {
        case "space":
        case "comment":
        case "newline":
          offset -= st.source.length;
          continue;
      }
      st = before[++i];
      while (st?.type === "space") {
        offset += st.source.length;
        st = before[++i];
      }
      break;
    }
  }
  return offset;
}

// node_modules/yaml/browser/dist/compose/compose-node.js
var CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props2, onError) {
  const atKey = ctx.atKey;
  const { spaceBefore, comment, anchor, tag } = props2;
  let node;
  let isSrcToken = true;
  switch (token.type) {
    case "alias":
      node = composeAlias(ctx, token, onError);
      if (anchor || tag)
        onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
      break;
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "block-scalar":
      node = composeScalar(ctx, token, tag, onError);
      if (anchor)
        node.anchor = anchor.source.substring(1);
      break;
    case "block-map":
    case "block-seq":
    case "flow-collection":
      try {
        node = composeCollection(CN, ctx, token, props2, onError);
        if (anchor)
          node.anchor = anchor.source.substring(1);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        onError(token, "RESOURCE_EXHAUSTION", message);
      }
      break;
    default: {
      const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
      onError(token, "UNEXPECTED_TOKEN", message);
      isSrcToken = false;
    }
  }
  node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props2, onError));
  if (anchor && node.anchor === "")
    onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  if (atKey && ctx.options.stringKeys && (!isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
    const msg = "With stringKeys, all keys must be strings";
    onError(tag ?? token, "NON_STRING_KEY", msg);
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    if (token.type === "scalar" && token.source === "")
      node.comment = comment;
    else
      node.commentBefore = comment;
  }
  if (ctx.options.keepSourceTokens && isSrcToken)
    node.srcToken = token;
  return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
  const token = {
    type: "scalar",
    offset: emptyScalarPosition(offset, before, pos),
    indent: -1,
    source: ""
  };
  const node = composeScalar(ctx, token, tag, onError);
  if (anchor) {
    node.anchor = anchor.source.substring(1);
    if (node.anchor === "")
      onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    node.comment = comment;
    node.range[2] = end;
  }
  return node;
}
function composeAlias({ options }, { offset, source: source2, end }, onError) {
  const alias = new Alias(source2.substring(1));
  if (alias.source === "")
    onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
  if (alias.source.endsWith(":"))
    onError(offset + source2.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
  const valueEnd = offset + source2.length;
  const re = resolveEnd(end, valueEnd, options.strict, onError);
  alias.range = [offset, valueEnd, re.offset];
  if (re.comment)
    alias.comment = re.comment;
  return alias;
}

// node_modules/yaml/browser/dist/compose/compose-doc.js
function composeDoc(options, directives, { offset, start, value, end }, onError) {
  const opts = Object.assign({ _directives: directives }, options);
  const doc = new Document(void 0, opts);
  const ctx = {
    atKey: false,
    atRoot: true,
    directives: doc.directives,
    options: doc.options,
    schema: doc.schema
  };
  const props2 = resolveProps(start, {
    indicator: "doc-start",
    next: value ?? end?.[0],
    offset,
    onError,
    parentIndent: 0,
    startOnNewline: true
  });
  if (props2.found) {
    doc.directives.docStart = true;
    if (value && (value.type === "block-map" || value.type === "block-seq") && !props2.hasNewline)
      onError(props2.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
  }
  doc.contents = value ? composeNode(ctx, value, props2, onError) : composeEmptyNode(ctx, props2.end, start, null, props2, onError);
  const contentEnd = doc.contents.range[2];
  const re = resolveEnd(end, contentEnd, false, onError);
  if (re.comment)
    doc.comment = re.comment;
  doc.range = [offset, contentEnd, re.offset];
  return doc;
}

// node_modules/yaml/browser/dist/compose/composer.js
function getErrorPos(src) {
  if (typeof src === "number")
    return [src, src + 1];
  if (Array.isArray(src))
    return src.length === 2 ? src : [src[0], src[1]];
  const { offset, source: source2 } = src;
  return [offset, offset + (typeof source2 === "string" ? source2.length : 1)];
}
function parsePrelude(prelude) {
  let comment = "";
  let atComment = false;
  let afterEmptyLine = false;
  for (let i = 0; i < prelude.length; ++i) {
    const source2 = prelude[i];
    switch (source2[0]) {
      case "#":
        comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source2.substring(1) || " ");
        atComment = true;
        afterEmptyLine = false;
        break;
      case "%":
        if (prelude[i + 1]?.[0] !== "#")
          i += 1;
        atComment = false;
        break;
      default:
        if (!atComment)
          afterEmptyLine = true;
        atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}
var Composer = class {
  constructor(options = {}) {
    this.doc = null;
    this.atDirectives = false;
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
    this.onError = (source2, code2, message, warning) => {
      const pos = getErrorPos(source2);
      if (warning)
        this.warnings.push(new YAMLWarning(pos, code2, message));
      else
        this.errors.push(new YAMLParseError(pos, code2, message));
    };
    this.directives = new Directives({ version: options.version || "1.2" });
    this.options = options;
  }
  decorate(doc, afterDoc) {
    const { comment, afterEmptyLine } = parsePrelude(this.prelude);
    if (comment) {
      const dc = doc.contents;
      if (afterDoc) {
        doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
      } else if (afterEmptyLine || doc.directives.docStart || !dc) {
        doc.commentBefore = comment;
      } else if (isCollection(dc) && !dc.flow && dc.items.length > 0) {
        let it = dc.items[0];
        if (isPair(it))
          it = it.key;
        const cb = it.commentBefore;
        it.commentBefore = cb ? `${comment}
${cb}` : comment;
      } else {
        const cb = dc.commentBefore;
        dc.commentBefore = cb ? `${comment}
${cb}` : comment;
      }
    }
    if (afterDoc) {
      for (let i = 0; i < this.errors.length; ++i)
        doc.errors.push(this.errors[i]);
      for (let i = 0; i < this.warnings.length; ++i)
        doc.warnings.push(this.warnings[i]);
    } else {
      doc.errors = this.errors;
      doc.warnings = this.warnings;
    }
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
  }
  /**
   * Current stream status information.
   *
   * Mostly useful at the end of input for an empty stream.
   */
  streamInfo() {
    return {
      comment: parsePrelude(this.prelude).comment,
      directives: this.directives,
      errors: this.errors,
      warnings: this.warnings
    };
  }
  /**
   * Compose tokens into documents.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *compose(tokens, forceDoc = false, endOffset = -1) {
    for (const token of tokens)
      yield* this.next(token);
    yield* this.end(forceDoc, endOffset);
  }
  /** Advance the composer by one CST token. */
  *next(token) {
    switch (token.type) {
      case "directive":
        this.directives.add(token.source, (offset, message, warning) => {
          const pos = getErrorPos(token);
          pos[0] += offset;
          this.onError(pos, "BAD_DIRECTIVE", message, warning);
        });
        this.prelude.push(token.source);
        this.atDirectives = true;
        break;
      case "document": {
        const doc = composeDoc(this.options, this.directives, token, this.onError);
        if (this.atDirectives && !doc.directives.docStart)
          this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
        this.decorate(doc, false);
        if (this.doc)
          yield this.doc;
        this.doc = doc;
        this.atDirectives = false;
        break;
      }
      case "byte-order-mark":
      case "space":
        break;
      case "comment":
      case "newline":
        this.prelude.push(token.source);
        break;
      case "error": {
        const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
        const error = new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
        if (this.atDirectives || !this.doc)
          this.errors.push(error);
        else
          this.doc.errors.push(error);
        break;
      }
      case "doc-end": {
        if (!this.doc) {
          const msg = "Unexpected doc-end without preceding document";
          this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
          break;
        }
        this.doc.directives.docEnd = true;
        const end = resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
        this.decorate(this.doc, true);
        if (end.comment) {
          const dc = this.doc.comment;
          this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
        }
        this.doc.range[2] = end.offset;
        break;
      }
      default:
        this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
    }
  }
  /**
   * Call at end of input to yield any remaining document.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *end(forceDoc = false, endOffset = -1) {
    if (this.doc) {
      this.decorate(this.doc, true);
      yield this.doc;
      this.doc = null;
    } else if (forceDoc) {
      const opts = Object.assign({ _directives: this.directives }, this.options);
      const doc = new Document(void 0, opts);
      if (this.atDirectives)
        this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
      doc.range = [0, endOffset, endOffset];
      this.decorate(doc, false);
      yield doc;
    }
  }
};

// node_modules/yaml/browser/dist/parse/cst-visit.js
var BREAK2 = /* @__PURE__ */ Symbol("break visit");
var SKIP2 = /* @__PURE__ */ Symbol("skip children");
var REMOVE2 = /* @__PURE__ */ Symbol("remove item");
function visit2(cst, visitor) {
  if ("type" in cst && cst.type === "document")
    cst = { start: cst.start, value: cst.value };
  _visit(Object.freeze([]), cst, visitor);
}
visit2.BREAK = BREAK2;
visit2.SKIP = SKIP2;
visit2.REMOVE = REMOVE2;
visit2.itemAtPath = (cst, path) => {
  let item = cst;
  for (const [field, index] of path) {
    const tok = item?.[field];
    if (tok && "items" in tok) {
      item = tok.items[index];
    } else
      return void 0;
  }
  return item;
};
visit2.parentCollection = (cst, path) => {
  const parent = visit2.itemAtPath(cst, path.slice(0, -1));
  const field = path[path.length - 1][0];
  const coll = parent?.[field];
  if (coll && "items" in coll)
    return coll;
  throw new Error("Parent collection not found");
};
function _visit(path, item, visitor) {
  let ctrl = visitor(item, path);
  if (typeof ctrl === "symbol")
    return ctrl;
  for (const field of ["key", "value"]) {
    const token = item[field];
    if (token && "items" in token) {
      for (let i = 0; i < token.items.length; ++i) {
        const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK2)
          return BREAK2;
        else if (ci === REMOVE2) {
          token.items.splice(i, 1);
          i -= 1;
        }
      }
      if (typeof ctrl === "function" && field === "key")
        ctrl = ctrl(item, path);
    }
  }
  return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
}

// node_modules/yaml/browser/dist/parse/cst.js
var BOM = "\uFEFF";
var DOCUMENT = "";
var FLOW_END = "";
var SCALAR2 = "";
function tokenType(source2) {
  switch (source2) {
    case BOM:
      return "byte-order-mark";
    case DOCUMENT:
      return "doc-mode";
    case FLOW_END:
      return "flow-error-end";
    case SCALAR2:
      return "scalar";
    case "---":
      return "doc-start";
    case "...":
      return "doc-end";
    case "":
    case "\n":
    case "\r\n":
      return "newline";
    case "-":
      return "seq-item-ind";
    case "?":
      return "explicit-key-ind";
    case ":":
      return "map-value-ind";
    case "{":
      return "flow-map-start";
    case "}":
      return "flow-map-end";
    case "[":
      return "flow-seq-start";
    case "]":
      return "flow-seq-end";
    case ",":
      return "comma";
  }
  switch (source2[0]) {
    case " ":
    case "	":
      return "space";
    case "#":
      return "comment";
    case "%":
      return "directive-line";
    case "*":
      return "alias";
    case "&":
      return "anchor";
    case "!":
      return "tag";
    case "'":
      return "single-quoted-scalar";
    case '"':
      return "double-quoted-scalar";
    case "|":
    case ">":
      return "block-scalar-header";
  }
  return null;
}

// node_modules/yaml/browser/dist/parse/lexer.js
function isEmpty(ch) {
  switch (ch) {
    case void 0:
    case " ":
    case "\n":
    case "\r":
    case "	":
      return true;
    default:
      return false;
  }
}
var hexDigits = new Set("0123456789ABCDEFabcdef");
var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
var flowIndicatorChars = new Set(",[]{}");
var invalidAnchorChars = new Set(" ,[]{}\n\r	");
var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
var Lexer = class {
  constructor() {
    this.atEnd = false;
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    this.buffer = "";
    this.flowKey = false;
    this.flowLevel = 0;
    this.indentNext = 0;
    this.indentValue = 0;
    this.lineEndPos = null;
    this.next = null;
    this.pos = 0;
  }
  /**
   * Generate YAML tokens from the `source` string. If `incomplete`,
   * a part of the last line may be left as a buffer for the next call.
   *
   * @returns A generator of lexical tokens
   */
  *lex(source2, incomplete = false) {
    if (source2) {
      if (typeof source2 !== "string")
        throw TypeError("source is not a string");
      this.buffer = this.buffer ? this.buffer + source2 : source2;
      this.lineEndPos = null;
    }
    this.atEnd = !incomplete;
    let next = this.next ?? "stream";
    while (next && (incomplete || this.hasChars(1)))
      next = yield* this.parseNext(next);
  }
  atLineEnd() {
    let i = this.pos;
    let ch = this.buffer[i];
    while (ch === " " || ch === "	")
      ch = this.buffer[++i];
    if (!ch || ch === "#" || ch === "\n")
      return true;
    if (ch === "\r")
      return this.buffer[i + 1] === "\n";
    return false;
  }
  charAt(n) {
    return this.buffer[this.pos + n];
  }
  continueScalar(offset) {
    let ch = this.buffer[offset];
    if (this.indentNext > 0) {
      let indent = 0;
      while (ch === " ")
        ch = this.buffer[++indent + offset];
      if (ch === "\r") {
        const next = this.buffer[indent + offset + 1];
        if (next === "\n" || !next && !this.atEnd)
          return offset + indent + 1;
      }
      return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
    }
    if (ch === "-" || ch === ".") {
      const dt = this.buffer.substr(offset, 3);
      if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
        return -1;
    }
    return offset;
  }
  getLine() {
    let end = this.lineEndPos;
    if (typeof end !== "number" || end !== -1 && end < this.pos) {
      end = this.buffer.indexOf("\n", this.pos);
      this.lineEndPos = end;
    }
    if (end === -1)
      return this.atEnd ? this.buffer.substring(this.pos) : null;
    if (this.buffer[end - 1] === "\r")
      end -= 1;
    return this.buffer.substring(this.pos, end);
  }
  hasChars(n) {
    return this.pos + n <= this.buffer.length;
  }
  setNext(state) {
    this.buffer = this.buffer.substring(this.pos);
    this.pos = 0;
    this.lineEndPos = null;
    this.next = state;
    return null;
  }
  peek(n) {
    return this.buffer.substr(this.pos, n);
  }
  *parseNext(next) {
    switch (next) {
      case "stream":
        return yield* this.parseStream();
      case "line-start":
        return yield* this.parseLineStart();
      case "block-start":
        return yield* this.parseBlockStart();
      case "doc":
        return yield* this.parseDocument();
      case "flow":
        return yield* this.parseFlowCollection();
      case "quoted-scalar":
        return yield* this.parseQuotedScalar();
      case "block-scalar":
        return yield* this.parseBlockScalar();
      case "plain-scalar":
        return yield* this.parsePlainScalar();
    }
  }
  *parseStream() {
    let line2 = this.getLine();
    if (line2 === null)
      return this.setNext("stream");
    if (line2[0] === BOM) {
      yield* this.pushCount(1);
      line2 = line2.substring(1);
    }
    if (line2[0] === "%") {
      let dirEnd = line2.length;
      let cs = line2.indexOf("#");
      while (cs !== -1) {
        const ch = line2[cs - 1];
        if (ch === " " || ch === "	") {
          dirEnd = cs - 1;
          break;
        } else {
          cs = line2.indexOf("#", cs + 1);
        }
      }
      while (true) {
        const ch = line2[dirEnd - 1];
        if (ch === " " || ch === "	")
          dirEnd -= 1;
        else
          break;
      }
      const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
      yield* this.pushCount(line2.length - n);
      this.pushNewline();
      return "stream";
    }
    if (this.atLineEnd()) {
      const sp = yield* this.pushSpaces(true);
      yield* this.pushCount(line2.length - sp);
      yield* this.pushNewline();
      return "stream";
    }
    yield DOCUMENT;
    return yield* this.parseLineStart();
  }
  *parseLineStart() {
    const ch = this.charAt(0);
    if (!ch && !this.atEnd)
      return this.setNext("line-start");
    if (ch === "-" || ch === ".") {
      if (!this.atEnd && !this.hasChars(4))
        return this.setNext("line-start");
      const s = this.peek(3);
      if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
        yield* this.pushCount(3);
        this.indentValue = 0;
        this.indentNext = 0;
        return s === "---" ? "doc" : "stream";
      }
    }
    this.indentValue = yield* this.pushSpaces(false);
    if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
      this.indentNext = this.indentValue;
    return yield* this.parseBlockStart();
  }
  *parseBlockStart() {
    const [ch0, ch1] = this.peek(2);
    if (!ch1 && !this.atEnd)
      return this.setNext("block-start");
    if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
      const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
      this.indentNext = this.indentValue + 1;
      this.indentValue += n;
      return "block-start";
    }
    return "doc";
  }
  *parseDocument() {
    yield* this.pushSpaces(true);
    const line2 = this.getLine();
    if (line2 === null)
      return this.setNext("doc");
    let n = yield* this.pushIndicators();
    switch (line2[n]) {
      case "#":
        yield* this.pushCount(line2.length - n);
      // fallthrough
      case void 0:
        yield* this.pushNewline();
        return yield* this.parseLineStart();
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel = 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        return "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "doc";
      case '"':
      case "'":
        return yield* this.parseQuotedScalar();
      case "|":
      case ">":
        n += yield* this.parseBlockScalarHeader();
        n += yield* this.pushSpaces(true);
        yield* this.pushCount(line2.length - n);
        yield* this.pushNewline();
        return yield* this.parseBlockScalar();
      default:
        return yield* this.parsePlainScalar();
    }
  }
  *parseFlowCollection() {
    let nl, sp;
    let indent = -1;
    do {
      nl = yield* this.pushNewline();
      if (nl > 0) {
        sp = yield* this.pushSpaces(false);
        this.indentValue = indent = sp;
      } else {
        sp = 0;
      }
      sp += yield* this.pushSpaces(true);
    } while (nl + sp > 0);
    const line2 = this.getLine();
    if (line2 === null)
      return this.setNext("flow");
    if (indent !== -1 && indent < this.indentNext && line2[0] !== "#" || indent === 0 && (line2.startsWith("---") || line2.startsWith("...")) && isEmpty(line2[3])) {
      const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line2[0] === "]" || line2[0] === "}");
      if (!atFlowEndMarker) {
        this.flowLevel = 0;
        yield FLOW_END;
        return yield* this.parseLineStart();
      }
    }
    let n = 0;
    while (line2[n] === ",") {
      n += yield* this.pushCount(1);
      n += yield* this.pushSpaces(true);
      this.flowKey = false;
    }
    n += yield* this.pushIndicators();
    switch (line2[n]) {
      case void 0:
        return "flow";
      case "#":
        yield* this.pushCount(line2.length - n);
        return "flow";
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel += 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        this.flowKey = true;
        this.flowLevel -= 1;
        return this.flowLevel ? "flow" : "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "flow";
      case '"':
      case "'":
        this.flowKey = true;
        return yield* this.parseQuotedScalar();
      case ":": {
        const next = this.charAt(1);
        if (this.flowKey || isEmpty(next) || next === ",") {
          this.flowKey = false;
          yield* this.pushCount(1);
          yield* this.pushSpaces(true);
          return "flow";
        }
      }
      // fallthrough
      default:
        this.flowKey = false;
        return yield* this.parsePlainScalar();
    }
  }
  *parseQuotedScalar() {
    const quote = this.charAt(0);
    let end = this.buffer.indexOf(quote, this.pos + 1);
    if (quote === "'") {
      while (end !== -1 && this.buffer[end + 1] === "'")
        end = this.buffer.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (this.buffer[end - 1 - n] === "\\")
          n += 1;
        if (n % 2 === 0)
          break;
        end = this.buffer.indexOf('"', end + 1);
      }
    }
    const qb = this.buffer.substring(0, end);
    let nl = qb.indexOf("\n", this.pos);
    if (nl !== -1) {
      while (nl !== -1) {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = qb.indexOf("\n", cs);
      }
      if (nl !== -1) {
        end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
      }
    }
    if (end === -1) {
      if (!this.atEnd)
        return this.setNext("quoted-scalar");
      end = this.buffer.length;
    }
    yield* this.pushToIndex(end + 1, false);
    return this.flowLevel ? "flow" : "doc";
  }
  *parseBlockScalarHeader() {
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    let i = this.pos;
    while (true) {
      const ch = this.buffer[++i];
      if (ch === "+")
        this.blockScalarKeep = true;
      else if (ch > "0" && ch <= "9")
        this.blockScalarIndent = Number(ch) - 1;
      else if (ch !== "-")
        break;
    }
    return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
  }
  *parseBlockScalar() {
    let nl = this.pos - 1;
    let indent = 0;
    let ch;
    loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
      switch (ch) {
        case " ":
          indent += 1;
          break;
        case "\n":
          nl = i2;
          indent = 0;
          break;
        case "\r": {
          const next = this.buffer[i2 + 1];
          if (!next && !this.atEnd)
            return this.setNext("block-scalar");
          if (next === "\n")
            break;
        }
        // fallthrough
        default:
          break loop;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("block-scalar");
    if (indent >= this.indentNext) {
      if (this.blockScalarIndent === -1)
        this.indentNext = indent;
      else {
        this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      }
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = this.buffer.indexOf("\n", cs);
      } while (nl !== -1);
      if (nl === -1) {
        if (!this.atEnd)
          return this.setNext("block-scalar");
        nl = this.buffer.length;
      }
    }
    let i = nl + 1;
    ch = this.buffer[i];
    while (ch === " ")
      ch = this.buffer[++i];
    if (ch === "	") {
      while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
        ch = this.buffer[++i];
      nl = i - 1;
    } else if (!this.blockScalarKeep) {
      do {
        let i2 = nl - 1;
        let ch2 = this.buffer[i2];
        if (ch2 === "\r")
          ch2 = this.buffer[--i2];
        const lastChar = i2;
        while (ch2 === " ")
          ch2 = this.buffer[--i2];
        if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
          nl = i2;
        else
          break;
      } while (true);
    }
    yield SCALAR2;
    yield* this.pushToIndex(nl + 1, true);
    return yield* this.parseLineStart();
  }
  *parsePlainScalar() {
    const inFlow2 = this.flowLevel > 0;
    let end = this.pos - 1;
    let i = this.pos - 1;
    let ch;
    while (ch = this.buffer[++i]) {
      if (ch === ":") {
        const next = this.buffer[i + 1];
        if (isEmpty(next) || inFlow2 && flowIndicatorChars.has(next))
          break;
        end = i;
      } else if (isEmpty(ch)) {
        let next = this.buffer[i + 1];
        if (ch === "\r") {
          if (next === "\n") {
            i += 1;
            ch = "\n";
            next = this.buffer[i + 1];
          } else
            end = i;
        }
        if (next === "#" || inFlow2 && flowIndicatorChars.has(next))
          break;
        if (ch === "\n") {
          const cs = this.continueScalar(i + 1);
          if (cs === -1)
            break;
          i = Math.max(i, cs - 2);
        }
      } else {
        if (inFlow2 && flowIndicatorChars.has(ch))
          break;
        end = i;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("plain-scalar");
    yield SCALAR2;
    yield* this.pushToIndex(end + 1, true);
    return inFlow2 ? "flow" : "doc";
  }
  *pushCount(n) {
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos += n;
      return n;
    }
    return 0;
  }
  *pushToIndex(i, allowEmpty) {
    const s = this.buffer.slice(this.pos, i);
    if (s) {
      yield s;
      this.pos += s.length;
      return s.length;
    } else if (allowEmpty)
      yield "";
    return 0;
  }
  *pushIndicators() {
    let n = 0;
    loop: while (true) {
      switch (this.charAt(0)) {
        case "!":
          n += yield* this.pushTag();
          n += yield* this.pushSpaces(true);
          continue loop;
        case "&":
          n += yield* this.pushUntil(isNotAnchorChar);
          n += yield* this.pushSpaces(true);
          continue loop;
        case "-":
        // this is an error
        case "?":
        // this is an error outside flow collections
        case ":": {
          const inFlow2 = this.flowLevel > 0;
          const ch1 = this.charAt(1);
          if (isEmpty(ch1) || inFlow2 && flowIndicatorChars.has(ch1)) {
            if (!inFlow2)
              this.indentNext = this.indentValue + 1;
            else if (this.flowKey)
              this.flowKey = false;
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            continue loop;
          }
        }
      }
      break loop;
    }
    return n;
  }
  *pushTag() {
    if (this.charAt(1) === "<") {
      let i = this.pos + 2;
      let ch = this.buffer[i];
      while (!isEmpty(ch) && ch !== ">")
        ch = this.buffer[++i];
      return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
    } else {
      let i = this.pos + 1;
      let ch = this.buffer[i];
      while (ch) {
        if (tagChars.has(ch))
          ch = this.buffer[++i];
        else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
          ch = this.buffer[i += 3];
        } else
          break;
      }
      return yield* this.pushToIndex(i, false);
    }
  }
  *pushNewline() {
    const ch = this.buffer[this.pos];
    if (ch === "\n")
      return yield* this.pushCount(1);
    else if (ch === "\r" && this.charAt(1) === "\n")
      return yield* this.pushCount(2);
    else
      return 0;
  }
  *pushSpaces(allowTabs) {
    let i = this.pos - 1;
    let ch;
    do {
      ch = this.buffer[++i];
    } while (ch === " " || allowTabs && ch === "	");
    const n = i - this.pos;
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos = i;
    }
    return n;
  }
  *pushUntil(test) {
    let i = this.pos;
    let ch = this.buffer[i];
    while (!test(ch))
      ch = this.buffer[++i];
    return yield* this.pushToIndex(i, false);
  }
};

// node_modules/yaml/browser/dist/parse/line-counter.js
var LineCounter = class {
  constructor() {
    this.lineStarts = [];
    this.addNewLine = (offset) => this.lineStarts.push(offset);
    this.linePos = (offset) => {
      let low = 0;
      let high = this.lineStarts.length;
      while (low < high) {
        const mid = low + high >> 1;
        if (this.lineStarts[mid] < offset)
          low = mid + 1;
        else
          high = mid;
      }
      if (this.lineStarts[low] === offset)
        return { line: low + 1, col: 1 };
      if (low === 0)
        return { line: 0, col: offset };
      const start = this.lineStarts[low - 1];
      return { line: low, col: offset - start + 1 };
    };
  }
};

// node_modules/yaml/browser/dist/parse/parser.js
function includesToken(list2, type) {
  for (let i = 0; i < list2.length; ++i)
    if (list2[i].type === type)
      return true;
  return false;
}
function findNonEmptyIndex(list2) {
  for (let i = 0; i < list2.length; ++i) {
    switch (list2[i].type) {
      case "space":
      case "comment":
      case "newline":
        break;
      default:
        return i;
    }
  }
  return -1;
}
function isFlowToken(token) {
  switch (token?.type) {
    case "alias":
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "flow-collection":
      return true;
    default:
      return false;
  }
}
function getPrevProps(parent) {
  switch (parent.type) {
    case "document":
      return parent.start;
    case "block-map": {
      const it = parent.items[parent.items.length - 1];
      return it.sep ?? it.start;
    }
    case "block-seq":
      return parent.items[parent.items.length - 1].start;
    /* istanbul ignore next should not happen */
    default:
      return [];
  }
}
function getFirstKeyStartProps(prev) {
  if (prev.length === 0)
    return [];
  let i = prev.length;
  loop: while (--i >= 0) {
    switch (prev[i].type) {
      case "doc-start":
      case "explicit-key-ind":
      case "map-value-ind":
      case "seq-item-ind":
      case "newline":
        break loop;
    }
  }
  while (prev[++i]?.type === "space") {
  }
  return prev.splice(i, prev.length);
}
function arrayPushArray(target, source2) {
  if (source2.length < 1e5)
    Array.prototype.push.apply(target, source2);
  else
    for (let i = 0; i < source2.length; ++i)
      target.push(source2[i]);
}
function fixFlowSeqItems(fc) {
  if (fc.start.type === "flow-seq-start") {
    for (const it of fc.items) {
      if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
        if (it.key)
          it.value = it.key;
        delete it.key;
        if (isFlowToken(it.value)) {
          if (it.value.end)
            arrayPushArray(it.value.end, it.sep);
          else
            it.value.end = it.sep;
        } else
          arrayPushArray(it.start, it.sep);
        delete it.sep;
      }
    }
  }
}
var Parser = class {
  /**
   * @param onNewLine - If defined, called separately with the start position of
   *   each new line (in `parse()`, including the start of input).
   */
  constructor(onNewLine) {
    this.atNewLine = true;
    this.atScalar = false;
    this.indent = 0;
    this.offset = 0;
    this.onKeyLine = false;
    this.stack = [];
    this.source = "";
    this.type = "";
    this.lexer = new Lexer();
    this.onNewLine = onNewLine;
  }
  /**
   * Parse `source` as a YAML stream.
   * If `incomplete`, a part of the last line may be left as a buffer for the next call.
   *
   * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
   *
   * @returns A generator of tokens representing each directive, document, and other structure.
   */
  *parse(source2, incomplete = false) {
    if (this.onNewLine && this.offset === 0)
      this.onNewLine(0);
    for (const lexeme of this.lexer.lex(source2, incomplete))
      yield* this.next(lexeme);
    if (!incomplete)
      yield* this.end();
  }
  /**
   * Advance the parser by the `source` of one lexical token.
   */
  *next(source2) {
    this.source = source2;
    if (this.atScalar) {
      this.atScalar = false;
      yield* this.step();
      this.offset += source2.length;
      return;
    }
    const type = tokenType(source2);
    if (!type) {
      const message = `Not a YAML token: ${source2}`;
      yield* this.pop({ type: "error", offset: this.offset, message, source: source2 });
      this.offset += source2.length;
    } else if (type === "scalar") {
      this.atNewLine = false;
      this.atScalar = true;
      this.type = "scalar";
    } else {
      this.type = type;
      yield* this.step();
      switch (type) {
        case "newline":
          this.atNewLine = true;
          this.indent = 0;
          if (this.onNewLine)
            this.onNewLine(this.offset + source2.length);
          break;
        case "space":
          if (this.atNewLine && source2[0] === " ")
            this.indent += source2.length;
          break;
        case "explicit-key-ind":
        case "map-value-ind":
        case "seq-item-ind":
          if (this.atNewLine)
            this.indent += source2.length;
          break;
        case "doc-mode":
        case "flow-error-end":
          return;
        default:
          this.atNewLine = false;
      }
      this.offset += source2.length;
    }
  }
  /** Call at end of input to push out any remaining constructions */
  *end() {
    while (this.stack.length > 0)
      yield* this.pop();
  }
  get sourceToken() {
    const st = {
      type: this.type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
    return st;
  }
  *step() {
    const top = this.peek(1);
    if (this.type === "doc-end" && top?.type !== "doc-end") {
      while (this.stack.length > 0)
        yield* this.pop();
      this.stack.push({
        type: "doc-end",
        offset: this.offset,
        source: this.source
      });
      return;
    }
    if (!top)
      return yield* this.stream();
    switch (top.type) {
      case "document":
        return yield* this.document(top);
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return yield* this.scalar(top);
      case "block-scalar":
        return yield* this.blockScalar(top);
      case "block-map":
        return yield* this.blockMap(top);
      case "block-seq":
        return yield* this.blockSequence(top);
      case "flow-collection":
        return yield* this.flowCollection(top);
      case "doc-end":
        return yield* this.documentEnd(top);
    }
    yield* this.pop();
  }
  peek(n) {
    return this.stack[this.stack.length - n];
  }
  *pop(error) {
    const token = error ?? this.stack.pop();
    if (!token) {
      const message = "Tried to pop an empty stack";
      yield { type: "error", offset: this.offset, source: "", message };
    } else if (this.stack.length === 0) {
      yield token;
    } else {
      const top = this.peek(1);
      if (token.type === "block-scalar") {
        token.indent = "indent" in top ? top.indent : 0;
      } else if (token.type === "flow-collection" && top.type === "document") {
        token.indent = 0;
      }
      if (token.type === "flow-collection")
        fixFlowSeqItems(token);
      switch (top.type) {
        case "document":
          top.value = token;
          break;
        case "block-scalar":
          top.props.push(token);
          break;
        case "block-map": {
          const it = top.items[top.items.length - 1];
          if (it.value) {
            top.items.push({ start: [], key: token, sep: [] });
            this.onKeyLine = true;
            return;
          } else if (it.sep) {
            it.value = token;
          } else {
            Object.assign(it, { key: token, sep: [] });
            this.onKeyLine = !it.explicitKey;
            return;
          }
          break;
        }
        case "block-seq": {
          const it = top.items[top.items.length - 1];
          if (it.value)
            top.items.push({ start: [], value: token });
          else
            it.value = token;
          break;
        }
        case "flow-collection": {
          const it = top.items[top.items.length - 1];
          if (!it || it.value)
            top.items.push({ start: [], key: token, sep: [] });
          else if (it.sep)
            it.value = token;
          else
            Object.assign(it, { key: token, sep: [] });
          return;
        }
        /* istanbul ignore next should not happen */
        default:
          yield* this.pop();
          yield* this.pop(token);
      }
      if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
        const last = token.items[token.items.length - 1];
        if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
          if (top.type === "document")
            top.end = last.start;
          else
            top.items.push({ start: last.start });
          token.items.splice(-1, 1);
        }
      }
    }
  }
  *stream() {
    switch (this.type) {
      case "directive-line":
        yield { type: "directive", offset: this.offset, source: this.source };
        return;
      case "byte-order-mark":
      case "space":
      case "comment":
      case "newline":
        yield this.sourceToken;
        return;
      case "doc-mode":
      case "doc-start": {
        const doc = {
          type: "document",
          offset: this.offset,
          start: []
        };
        if (this.type === "doc-start")
          doc.start.push(this.sourceToken);
        this.stack.push(doc);
        return;
      }
    }
    yield {
      type: "error",
      offset: this.offset,
      message: `Unexpected ${this.type} token in YAML stream`,
      source: this.source
    };
  }
  *document(doc) {
    if (doc.value)
      return yield* this.lineEnd(doc);
    switch (this.type) {
      case "doc-start": {
        if (findNonEmptyIndex(doc.start) !== -1) {
          yield* this.pop();
          yield* this.step();
        } else
          doc.start.push(this.sourceToken);
        return;
      }
      case "anchor":
      case "tag":
      case "space":
      case "comment":
      case "newline":
        doc.start.push(this.sourceToken);
        return;
    }
    const bv = this.startBlockValue(doc);
    if (bv)
      this.stack.push(bv);
    else {
      yield {
        type: "error",
        offset: this.offset,
        message: `Unexpected ${this.type} token in YAML document`,
        source: this.source
      };
    }
  }
  *scalar(scalar) {
    if (this.type === "map-value-ind") {
      const prev = getPrevProps(this.peek(2));
      const start = getFirstKeyStartProps(prev);
      let sep2;
      if (scalar.end) {
        sep2 = scalar.end;
        sep2.push(this.sourceToken);
        delete scalar.end;
      } else
        sep2 = [this.sourceToken];
      const map2 = {
        type: "block-map",
        offset: scalar.offset,
        indent: scalar.indent,
        items: [{ start, key: scalar, sep: sep2 }]
      };
      this.onKeyLine = true;
      this.stack[this.stack.length - 1] = map2;
    } else
      yield* this.lineEnd(scalar);
  }
  *blockScalar(scalar) {
    switch (this.type) {
      case "space":
      case "comment":
      case "newline":
        scalar.props.push(this.sourceToken);
        return;
      case "scalar":
        scalar.source = this.source;
        this.atNewLine = true;
        this.indent = 0;
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        yield* this.pop();
        break;
      /* istanbul ignore next should not happen */
      default:
        yield* this.pop();
        yield* this.step();
    }
  }
  *blockMap(map2) {
    const it = map2.items[map2.items.length - 1];
    switch (this.type) {
      case "newline":
        this.onKeyLine = false;
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          it.start.push(this.sourceToken);
        }
        return;
      case "space":
      case "comment":
        if (it.value) {
          map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          if (this.atIndentedComment(it.start, map2.indent)) {
            const prev = map2.items[map2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              map2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
    }
    if (this.indent >= map2.indent) {
      const atMapIndent = !this.onKeyLine && this.indent === map2.indent;
      const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
      let start = [];
      if (atNextItem && it.sep && !it.value) {
        const nl = [];
        for (let i = 0; i < it.sep.length; ++i) {
          const st = it.sep[i];
          switch (st.type) {
            case "newline":
              nl.push(i);
              break;
            case "space":
              break;
            case "comment":
              if (st.indent > map2.indent)
                nl.length = 0;
              break;
            default:
              nl.length = 0;
          }
        }
        if (nl.length >= 2)
          start = it.sep.splice(nl[1]);
      }
      switch (this.type) {
        case "anchor":
        case "tag":
          if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start });
            this.onKeyLine = true;
          } else if (it.sep) {
            it.sep.push(this.sourceToken);
          } else {
            it.start.push(this.sourceToken);
          }
          return;
        case "explicit-key-ind":
          if (!it.sep && !it.explicitKey) {
            it.start.push(this.sourceToken);
            it.explicitKey = true;
          } else if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start, explicitKey: true });
          } else {
            this.stack.push({
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken], explicitKey: true }]
            });
          }
          this.onKeyLine = true;
          return;
        case "map-value-ind":
          if (it.explicitKey) {
            if (!it.sep) {
              if (includesToken(it.start, "newline")) {
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              } else {
                const start2 = getFirstKeyStartProps(it.start);
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                });
              }
            } else if (it.value) {
              map2.items.push({ start: [], key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start, key: null, sep: [this.sourceToken] }]
              });
            } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
              const start2 = getFirstKeyStartProps(it.start);
              const key = it.key;
              const sep2 = it.sep;
              sep2.push(this.sourceToken);
              delete it.key;
              delete it.sep;
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: start2, key, sep: sep2 }]
              });
            } else if (start.length > 0) {
              it.sep = it.sep.concat(start, this.sourceToken);
            } else {
              it.sep.push(this.sourceToken);
            }
          } else {
            if (!it.sep) {
              Object.assign(it, { key: null, sep: [this.sourceToken] });
            } else if (it.value || atNextItem) {
              map2.items.push({ start, key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: [], key: null, sep: [this.sourceToken] }]
              });
            } else {
              it.sep.push(this.sourceToken);
            }
          }
          this.onKeyLine = true;
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs = this.flowScalar(this.type);
          if (atNextItem || it.value) {
            map2.items.push({ start, key: fs, sep: [] });
            this.onKeyLine = true;
          } else if (it.sep) {
            this.stack.push(fs);
          } else {
            Object.assign(it, { key: fs, sep: [] });
            this.onKeyLine = true;
          }
          return;
        }
        default: {
          const bv = this.startBlockValue(map2);
          if (bv) {
            if (bv.type === "block-seq") {
              if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                yield* this.pop({
                  type: "error",
                  offset: this.offset,
                  message: "Unexpected block-seq-ind on same line with key",
                  source: this.source
                });
                return;
              }
            } else if (atMapIndent) {
              map2.items.push({ start });
            }
            this.stack.push(bv);
            return;
          }
        }
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *blockSequence(seq2) {
    const it = seq2.items[seq2.items.length - 1];
    switch (this.type) {
      case "newline":
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            seq2.items.push({ start: [this.sourceToken] });
        } else
          it.start.push(this.sourceToken);
        return;
      case "space":
      case "comment":
        if (it.value)
          seq2.items.push({ start: [this.sourceToken] });
        else {
          if (this.atIndentedComment(it.start, seq2.indent)) {
            const prev = seq2.items[seq2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              seq2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
      case "anchor":
      case "tag":
        if (it.value || this.indent <= seq2.indent)
          break;
        it.start.push(this.sourceToken);
        return;
      case "seq-item-ind":
        if (this.indent !== seq2.indent)
          break;
        if (it.value || includesToken(it.start, "seq-item-ind"))
          seq2.items.push({ start: [this.sourceToken] });
        else
          it.start.push(this.sourceToken);
        return;
    }
    if (this.indent > seq2.indent) {
      const bv = this.startBlockValue(seq2);
      if (bv) {
        this.stack.push(bv);
        return;
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *flowCollection(fc) {
    const it = fc.items[fc.items.length - 1];
    if (this.type === "flow-error-end") {
      let top;
      do {
        yield* this.pop();
        top = this.peek(1);
      } while (top?.type === "flow-collection");
    } else if (fc.end.length === 0) {
      switch (this.type) {
        case "comma":
        case "explicit-key-ind":
          if (!it || it.sep)
            fc.items.push({ start: [this.sourceToken] });
          else
            it.start.push(this.sourceToken);
          return;
        case "map-value-ind":
          if (!it || it.value)
            fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            Object.assign(it, { key: null, sep: [this.sourceToken] });
          return;
        case "space":
        case "comment":
        case "newline":
        case "anchor":
        case "tag":
          if (!it || it.value)
            fc.items.push({ start: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            it.start.push(this.sourceToken);
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs = this.flowScalar(this.type);
          if (!it || it.value)
            fc.items.push({ start: [], key: fs, sep: [] });
          else if (it.sep)
            this.stack.push(fs);
          else
            Object.assign(it, { key: fs, sep: [] });
          return;
        }
        case "flow-map-end":
        case "flow-seq-end":
          fc.end.push(this.sourceToken);
          return;
      }
      const bv = this.startBlockValue(fc);
      if (bv)
        this.stack.push(bv);
      else {
        yield* this.pop();
        yield* this.step();
      }
    } else {
      const parent = this.peek(2);
      if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
        yield* this.pop();
        yield* this.step();
      } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        fixFlowSeqItems(fc);
        const sep2 = fc.end.splice(1, fc.end.length);
        sep2.push(this.sourceToken);
        const map2 = {
          type: "block-map",
          offset: fc.offset,
          indent: fc.indent,
          items: [{ start, key: fc, sep: sep2 }]
        };
        this.onKeyLine = true;
        this.stack[this.stack.length - 1] = map2;
      } else {
        yield* this.lineEnd(fc);
      }
    }
  }
  flowScalar(type) {
    if (this.onNewLine) {
      let nl = this.source.indexOf("\n") + 1;
      while (nl !== 0) {
        this.onNewLine(this.offset + nl);
        nl = this.source.indexOf("\n", nl) + 1;
      }
    }
    return {
      type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
  }
  startBlockValue(parent) {
    switch (this.type) {
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return this.flowScalar(this.type);
      case "block-scalar-header":
        return {
          type: "block-scalar",
          offset: this.offset,
          indent: this.indent,
          props: [this.sourceToken],
          source: ""
        };
      case "flow-map-start":
      case "flow-seq-start":
        return {
          type: "flow-collection",
          offset: this.offset,
          indent: this.indent,
          start: this.sourceToken,
          items: [],
          end: []
        };
      case "seq-item-ind":
        return {
          type: "block-seq",
          offset: this.offset,
          indent: this.indent,
          items: [{ start: [this.sourceToken] }]
        };
      case "explicit-key-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        start.push(this.sourceToken);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, explicitKey: true }]
        };
      }
      case "map-value-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, key: null, sep: [this.sourceToken] }]
        };
      }
    }
    return null;
  }
  atIndentedComment(start, indent) {
    if (this.type !== "comment")
      return false;
    if (this.indent <= indent)
      return false;
    return start.every((st) => st.type === "newline" || st.type === "space");
  }
  *documentEnd(docEnd) {
    if (this.type !== "doc-mode") {
      if (docEnd.end)
        docEnd.end.push(this.sourceToken);
      else
        docEnd.end = [this.sourceToken];
      if (this.type === "newline")
        yield* this.pop();
    }
  }
  *lineEnd(token) {
    switch (this.type) {
      case "comma":
      case "doc-start":
      case "doc-end":
      case "flow-seq-end":
      case "flow-map-end":
      case "map-value-ind":
        yield* this.pop();
        yield* this.step();
        break;
      case "newline":
        this.onKeyLine = false;
      // fallthrough
      case "space":
      case "comment":
      default:
        if (token.end)
          token.end.push(this.sourceToken);
        else
          token.end = [this.sourceToken];
        if (this.type === "newline")
          yield* this.pop();
    }
  }
};

// node_modules/yaml/browser/dist/public-api.js
function parseOptions(options) {
  const prettyErrors = options.prettyErrors !== false;
  const lineCounter = options.lineCounter || prettyErrors && new LineCounter() || null;
  return { lineCounter, prettyErrors };
}
function parseDocument(source2, options = {}) {
  const { lineCounter, prettyErrors } = parseOptions(options);
  const parser = new Parser(lineCounter?.addNewLine);
  const composer = new Composer(options);
  let doc = null;
  for (const _doc of composer.compose(parser.parse(source2), true, source2.length)) {
    if (!doc)
      doc = _doc;
    else if (doc.options.logLevel !== "silent") {
      doc.errors.push(new YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  if (prettyErrors && lineCounter) {
    doc.errors.forEach(prettifyError(source2, lineCounter));
    doc.warnings.forEach(prettifyError(source2, lineCounter));
  }
  return doc;
}

// src/sources/document/tree.ts
var MAX_NESTING = 200;
var INTRINSICS = [
  "Ref",
  "Sub",
  "GetAtt",
  "If",
  "Join",
  "Select",
  "Split",
  "FindInMap",
  "Base64",
  "Cidr",
  "ImportValue",
  "GetAZs",
  "Equals",
  "And",
  "Or",
  "Not",
  "Condition",
  "Transform",
  "ToJsonString",
  "Length"
];
var CFN_TAGS = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value) => value },
  { tag: `!${name}`, collection: "seq" },
  { tag: `!${name}`, collection: "map" }
]);
var YAML_OPTIONS = {
  version: "1.2",
  customTags: CFN_TAGS,
  prettyErrors: false,
  uniqueKeys: true
};
var CFN_SCHEMA = new Schema({ ...YAML_OPTIONS, resolveKnownTags: true, schema: "core" });
var DIRECTIVE_LINE = /(?:^|\n)%/;
function detectSyntax(text2) {
  const m = /^[\ufeff\s]*(\S)/.exec(text2);
  return m && (m[1] === "{" || m[1] === "[") ? "json" : "yaml";
}
function parseSource(text2, syntax = detectSyntax(text2)) {
  const depth = nestingDepth(text2, syntax, MAX_NESTING);
  if (depth > MAX_NESTING) {
    return {
      ok: false,
      message: `is nested more than ${MAX_NESTING} levels deep; not read`,
      offset: 0
    };
  }
  return syntax === "json" ? parseJson(text2) : parseYaml(text2);
}
function eolOf(text2) {
  const i = text2.indexOf("\n");
  return i > 0 && text2.charCodeAt(i - 1) === 13 ? "\r\n" : "\n";
}
function parseJson(text2) {
  const body = text2.charCodeAt(0) === 65279 ? ` ${text2.slice(1)}` : text2;
  const errors = [];
  const root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first || !root) {
    const what = first ? describeJsonError(printParseErrorCode(first.error)) : "empty";
    return { ok: false, message: `is not valid JSON (${what})`, offset: first?.offset ?? 0 };
  }
  return {
    ok: true,
    tree: { syntax: "json", text: text2, root: fromJson(root), eol: eolOf(text2), usesAliases: false }
  };
}
function describeJsonError(code2) {
  return code2.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
function fromJson(node) {
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case "object": {
      const seen = /* @__PURE__ */ new Set();
      let duplicateKeys = false;
      const pairs2 = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const key = String(k.value);
        if (seen.has(key)) duplicateKeys = true;
        seen.add(key);
        pairs2.push({ key, keyStart: k.offset, keyEnd: k.offset + k.length, value: fromJson(v) });
      }
      return { kind: "map", flow: true, pairs: pairs2, duplicateKeys, start, end };
    }
    case "array":
      return { kind: "seq", flow: true, items: (node.children ?? []).map(fromJson), start, end };
    default:
      return {
        kind: "scalar",
        value: node.value,
        style: "double",
        start,
        end
      };
  }
}
function parseYaml(text2) {
  if (DIRECTIVE_LINE.test(text2)) return parseYamlWith(text2, YAML_OPTIONS);
  const tags = CFN_SCHEMA.tags.length;
  try {
    return parseYamlWith(text2, { ...YAML_OPTIONS, schema: CFN_SCHEMA });
  } finally {
    CFN_SCHEMA.tags.length = tags;
  }
}
function parseYamlWith(text2, options) {
  let doc;
  try {
    doc = parseDocument(text2, options);
  } catch (error) {
    return { ok: false, message: `is not valid YAML (${error.message})`, offset: 0 };
  }
  const first = doc.errors[0];
  if (first) {
    const message = first.message.split("\n")[0] ?? "syntax error";
    return {
      ok: false,
      message: `is not valid YAML (${message.replace(/ at line \d+, column \d+:?$/, "")})`,
      offset: first.pos[0]
    };
  }
  const built = /* @__PURE__ */ new Map();
  const aliases = [];
  const convert = (node, fallback) => {
    if (isAlias(node)) {
      const [start, end] = node.range ?? [fallback, fallback];
      const a = { kind: "alias", name: node.source, target: void 0, start, end };
      aliases.push({ node: a, yaml: node });
      return a;
    }
    if (isMap(node)) {
      const [start, rawEnd] = node.range ?? [fallback, fallback];
      const end = trimEnd(text2, start, rawEnd);
      const pairs2 = [];
      for (const pair2 of node.items) {
        const k = pair2.key;
        const keyRange = k?.range ?? [start, start];
        const key = isScalar(k) ? keyOf(k) : k === null ? "" : "[complex key]";
        const value = pair2.value === null || pair2.value === void 0 ? emptyScalar(keyRange[1]) : convert(pair2.value, keyRange[1]);
        pairs2.push({ key, keyStart: keyRange[0], keyEnd: keyRange[1], value });
      }
      const out = {
        kind: "map",
        flow: Boolean(node.flow),
        pairs: pairs2,
        duplicateKeys: false,
        start,
        end,
        ...props(node)
      };
      built.set(node, out);
      return out;
    }
    if (isSeq(node)) {
      const [start, rawEnd] = node.range ?? [fallback, fallback];
      const end = trimEnd(text2, start, rawEnd);
      const out = {
        kind: "seq",
        flow: Boolean(node.flow),
        items: node.items.map((i) => convert(i, start)),
        start,
        end,
        ...props(node)
      };
      built.set(node, out);
      return out;
    }
    if (isScalar(node)) {
      const s = node;
      const [start, end] = s.range ?? [fallback, fallback];
      const tagged = props(s);
      const out = {
        kind: "scalar",
        value: primitiveOf(s),
        style: scalarStyle(s.type),
        start,
        end,
        ...tagged
      };
      built.set(s, out);
      return out;
    }
    return emptyScalar(fallback);
  };
  let root;
  try {
    root = convert(doc.contents, 0);
  } catch (error) {
    if (!(error instanceof TypedNode)) throw error;
    return { ok: false, message: error.message, offset: error.offset, wellFormed: true };
  }
  for (const { node, yaml } of aliases) {
    const target = yaml.resolve(doc);
    node.target = target ? built.get(target) : void 0;
  }
  return {
    ok: true,
    tree: { syntax: "yaml", text: text2, root, eol: eolOf(text2), usesAliases: aliases.length > 0 }
  };
}
var TypedNode = class extends Error {
  constructor(what, offset) {
    super(
      `holds ${what} (only YAML's core types are read: text, numbers, booleans, null, lists, mappings); not read`
    );
    this.offset = offset;
  }
  offset;
};
var CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "seq", "map"].map((t) => `tag:yaml.org,2002:${t}`)
);
function checkTag(node) {
  const tag = node.tag;
  if (tag === void 0 || tag.startsWith("!") || CORE_TAGS.has(tag)) return;
  const short = tag.replace(/^tag:yaml\.org,2002:/, "!!");
  throw new TypedNode(
    `a ${short === tag ? `node tagged ${tag}` : `${short} value`}`,
    node.range?.[0] ?? 0
  );
}
function primitiveOf(node) {
  const value = node.value;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null) {
    return value;
  }
  const what = value instanceof Date ? "a timestamp" : typeof value === "symbol" ? "a merge key (<<)" : "a typed value";
  throw new TypedNode(what, node.range?.[0] ?? 0);
}
function keyOf(node) {
  checkTag(node);
  return String(primitiveOf(node));
}
function trimEnd(text2, start, end) {
  let e = end;
  while (e > start && /\s/.test(text2[e - 1])) e--;
  return e;
}
function props(node) {
  checkTag(node);
  const out = {};
  if (node.tag && node.tag.startsWith("!") && !node.tag.startsWith("!!")) out.tag = node.tag;
  if (node.anchor) out.anchor = node.anchor;
  return out;
}
function emptyScalar(at2) {
  return { kind: "scalar", value: null, style: "plain", start: at2, end: at2 };
}
function scalarStyle(type) {
  if (type === "QUOTE_SINGLE") return "single";
  if (type === "QUOTE_DOUBLE") return "double";
  if (type === "BLOCK_FOLDED" || type === "BLOCK_LITERAL") return "block";
  return "plain";
}
var ExpansionError = class extends Error {
  name = "ExpansionError";
};
function toValue(node, budget, depth = 0) {
  if (--budget.left < 0) {
    throw new ExpansionError("expands to too many values (a YAML alias bomb?); not read");
  }
  if (depth > MAX_NESTING * 4) throw new ExpansionError("refers to itself through an alias");
  let value;
  switch (node.kind) {
    case "alias":
      return node.target ? toValue(node.target, budget, depth + 1) : null;
    case "scalar":
      value = node.value;
      break;
    case "seq":
      value = node.items.map((i) => toValue(i, budget, depth + 1));
      break;
    case "map": {
      const obj = {};
      for (const p of node.pairs) {
        const v = toValue(p.value, budget, depth + 1);
        if (p.key === "__proto__") {
          Object.defineProperty(obj, p.key, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true
          });
        } else obj[p.key] = v;
      }
      value = obj;
      break;
    }
  }
  return node.tag ? intrinsicValue(node.tag, value) : value;
}
function valueBudget(text2) {
  return { left: text2.length + 1e4 };
}
function intrinsicValue(tag, value) {
  const name = tag.slice(1);
  if (!INTRINSICS.includes(name)) return value;
  if (name === "GetAtt" && typeof value === "string") {
    const dot = value.indexOf(".");
    value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
  }
  const key = name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
  return { [key]: value };
}
function nestingDepth(text2, syntax, limit) {
  return syntax === "json" ? jsonDepth(text2, limit) : yamlDepth(text2, limit);
}
function jsonDepth(text2, limit) {
  let depth = 0;
  let max = 0;
  const n = text2.length;
  for (let i = 0; i < n; i++) {
    const c = text2.charCodeAt(i);
    if (c === 34) {
      for (i++; i < n; i++) {
        const d = text2.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10) break;
      }
    } else if (c === 47 && text2.charCodeAt(i + 1) === 47) {
      const e = text2.indexOf("\n", i);
      i = e < 0 ? n : e;
    } else if (c === 47 && text2.charCodeAt(i + 1) === 42) {
      const e = text2.indexOf("*/", i + 2);
      i = e < 0 ? n : e + 1;
    } else if (c === 123 || c === 91) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if ((c === 125 || c === 93) && depth > 0) depth--;
  }
  return max;
}
function yamlDepth(text2, limit) {
  const indents = [];
  let flow = 0;
  let max = 0;
  let quote = 0;
  let lineStart3 = 0;
  const n = text2.length;
  while (lineStart3 <= n) {
    let lineEnd = text2.indexOf("\n", lineStart3);
    if (lineEnd < 0) lineEnd = n;
    let i = lineStart3;
    if (quote === 0 && flow === 0) {
      while (i < lineEnd && text2.charCodeAt(i) === 32) i++;
      const first = text2.charCodeAt(i);
      if (i < lineEnd && first !== 35 && first !== 13) {
        const indent = i - lineStart3;
        while (indents.length > 0 && indents[indents.length - 1] >= indent)
          indents.pop();
        indents.push(indent);
        let compact = 0;
        while (i + 1 < lineEnd && (text2.charCodeAt(i) === 45 || text2.charCodeAt(i) === 63) && (text2.charCodeAt(i + 1) === 32 || text2.charCodeAt(i + 1) === 9)) {
          compact++;
          i += 2;
          while (i < lineEnd && text2.charCodeAt(i) === 32) i++;
        }
        max = Math.max(max, indents.length + compact);
        if (max > limit) return max;
      }
    }
    for (; i < lineEnd; i++) {
      const c = text2.charCodeAt(i);
      if (quote !== 0) {
        if (quote === 34 && c === 92) i++;
        else if (c === quote) {
          if (quote === 39 && text2.charCodeAt(i + 1) === 39) i++;
          else quote = 0;
        }
        continue;
      }
      const prev = i === lineStart3 ? 32 : text2.charCodeAt(i - 1);
      const atToken = prev === 32 || prev === 9 || prev === 44 || prev === 91 || prev === 123 || prev === 58;
      if (c === 35 && (prev === 32 || prev === 9 || i === lineStart3)) break;
      if ((c === 34 || c === 39) && atToken) quote = c;
      else if ((c === 91 || c === 123) && (atToken || flow > 0)) {
        flow++;
        if (indents.length + flow > max) {
          max = indents.length + flow;
          if (max > limit) return max;
        }
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
    lineStart3 = lineEnd + 1;
  }
  return max;
}
var LineIndex = class {
  constructor(text2) {
    this.text = text2;
    for (let i = text2.indexOf("\n"); i >= 0; i = text2.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  text;
  starts = [0];
  position(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  /** Offset where the line holding `offset` starts. */
  lineStart(offset) {
    return offset - this.position(offset).column + 1;
  }
  /** The offsets `start`..`end` with their lines and columns. */
  range(start, end) {
    const s = this.position(start);
    const e = this.position(end);
    return {
      start,
      end,
      startLine: s.line,
      startColumn: s.column,
      endLine: e.line,
      endColumn: e.column
    };
  }
};

// src/sources/glob.ts
var MAX_GLOB_LENGTH = 256;
var MAX_GLOBS = 100;
function isGlob(text2) {
  return /[*?[\]{}!]/.test(text2);
}
function globProblem(glob) {
  try {
    parse2(glob);
    return void 0;
  } catch (error) {
    if (error instanceof GlobSyntaxError) return error.message;
    throw error;
  }
}
function compileGlobs(globs, key) {
  const problem = listProblem(globs);
  if (problem) throw new ConfigurationError(`${key}: ${problem}`);
  if (globs.length === 0) return () => false;
  const parsed = globs.map((glob) => {
    try {
      return parse2(glob);
    } catch (error) {
      if (error instanceof GlobSyntaxError) {
        throw new ConfigurationError(`${key}: "${glob}" ${error.message}`);
      }
      throw error;
    }
  });
  const automaton = build(parsed);
  return (path) => run(automaton, path);
}
function listProblem(globs) {
  return globs.length > MAX_GLOBS ? `${globs.length} globs, over the limit of ${MAX_GLOBS} in one list` : void 0;
}
var cache = /* @__PURE__ */ new Map();
var MAX_CACHED_LISTS = 1e4;
function globMatcher(globs) {
  if (globs.length === 0) return () => false;
  const key = globs.join("\0");
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = compileGlobs(globs, "glob");
    if (cache.size >= MAX_CACHED_LISTS) cache.clear();
    cache.set(key, matcher);
  }
  return matcher;
}
function firstMatching(lists) {
  const exact = /* @__PURE__ */ new Map();
  const wild = [];
  lists.forEach((globs, index) => {
    const patterns = [];
    for (const glob of globs) {
      const path = plainPath(glob);
      if (path === void 0) patterns.push(glob);
      else if (!exact.has(path)) exact.set(path, index);
    }
    if (patterns.length > 0) wild.push({ index, matches: globMatcher(patterns) });
  });
  return (path) => {
    const plain2 = exact.get(path);
    for (const { index, matches } of wild) {
      if (plain2 !== void 0 && index > plain2) break;
      if (matches(path)) return index;
    }
    return plain2;
  };
}
function plainPath(glob) {
  return /[*?[{\\]/.test(glob) ? void 0 : glob.replace(/^(\.\/)+/, "");
}
var GlobSyntaxError = class extends Error {
};
var SLASH = 47;
var notSlash = { kind: "not-slash" };
var anything = { kind: "any" };
var slash = { kind: "literal", code: SLASH };
function parse2(glob) {
  if (glob === "") throw new GlobSyntaxError("is empty");
  if (glob.length > MAX_GLOB_LENGTH) {
    throw new GlobSyntaxError(
      `is ${glob.length} characters long, over the limit of ${MAX_GLOB_LENGTH}`
    );
  }
  if (glob.startsWith("!")) {
    throw new GlobSyntaxError(
      'starts with "!": negated globs are not supported; list what to match instead'
    );
  }
  const text2 = glob.replace(/^(\.\/)+/, "");
  return new Parser2(Array.from(text2)).parseAll();
}
var Parser2 = class {
  constructor(chars) {
    this.chars = chars;
  }
  chars;
  at = 0;
  parseAll() {
    return this.parseSequence(false);
  }
  /** Pieces up to the end, or in braces up to a `,` or `}` of this level. */
  parseSequence(inBraces) {
    const out = [];
    const chars = this.chars;
    while (this.at < chars.length) {
      const c = chars[this.at];
      if (inBraces && (c === "," || c === "}")) break;
      if (c === "\\") {
        const escaped = chars[this.at + 1];
        if (escaped === void 0) throw new GlobSyntaxError("ends with a lone backslash");
        out.push(literal(escaped));
        this.at += 2;
      } else if (c === "*") {
        this.parseStars(out);
      } else if (c === "?") {
        this.refuseExtglob();
        out.push({ kind: "test", test: notSlash });
        this.at++;
      } else if (c === "[") {
        out.push(this.parseClass());
      } else if (c === "{") {
        out.push(...this.parseBraces());
      } else {
        if ("+@!".includes(c)) this.refuseExtglob();
        out.push(literal(c));
        this.at++;
      }
    }
    return out;
  }
  parseStars(out) {
    const chars = this.chars;
    const from = this.at;
    while (chars[this.at] === "*") this.at++;
    const run2 = this.at - from;
    if (chars[this.at] === "(") {
      throw new GlobSyntaxError(
        `uses the extended glob "*(": not supported; use {a,b} for alternatives`
      );
    }
    const wholeSegment = run2 === 2 && // `***` is a `*`, as picomatch reads it
    (from === 0 || chars[from - 1] === "/") && (this.at === chars.length || chars[this.at] === "/");
    if (!wholeSegment) {
      out.push({ kind: "repeat", test: notSlash });
      return;
    }
    if (chars[this.at] === "/") {
      this.at++;
      out.push({ kind: "segments" });
    } else {
      while (out.at(-1)?.kind === "segments") out.pop();
      out.push({ kind: "repeat", test: anything });
    }
  }
  refuseExtglob() {
    const c = this.chars[this.at];
    if (this.chars[this.at + 1] === "(") {
      throw new GlobSyntaxError(
        `uses the extended glob "${c}(": not supported; use {a,b} for alternatives`
      );
    }
  }
  /** `[...]`; an unclosed `[` is a literal `[`, as picomatch reads it. */
  parseClass() {
    const chars = this.chars;
    let i = this.at + 1;
    const negated = chars[i] === "!" || chars[i] === "^";
    if (negated) i++;
    const ranges = [];
    let first = true;
    for (; i < chars.length; i++) {
      let c = chars[i];
      if (c === "]" && !first) break;
      first = false;
      if (c === "[" && chars[i + 1] === ":") {
        throw new GlobSyntaxError(
          "uses a POSIX character class such as [[:alpha:]]: not supported; use a range such as [a-z]"
        );
      }
      if (c === "\\" && i + 1 < chars.length) c = chars[++i];
      let low = c.codePointAt(0);
      let high = low;
      if (chars[i + 1] === "-" && i + 2 < chars.length && chars[i + 2] !== "]") {
        let end = chars[i + 2];
        i += 2;
        if (end === "\\" && i + 1 < chars.length) end = chars[++i];
        high = end.codePointAt(0);
        if (high < low) [low, high] = [high, low];
      }
      ranges.push([low, high]);
    }
    if (i >= chars.length) {
      this.at++;
      return literal("[");
    }
    this.at = i + 1;
    return { kind: "test", test: { kind: "class", ranges: ranges.flat(), negated } };
  }
  /**
   * `{a,b}`. Braces with no comma at their level are literal text around what they hold, and a
   * `{` never closed is a literal `{`, as picomatch reads them.
   */
  parseBraces() {
    const close = this.matchingBrace(this.at);
    if (close === void 0) {
      this.at++;
      return [literal("{")];
    }
    this.at++;
    if (!this.hasTopLevelComma(this.at - 1, close)) {
      const inside = this.chars.slice(this.at, close).join("");
      if (/^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(\.\.-?\d+)?$/.test(inside)) {
        throw new GlobSyntaxError(
          `uses the brace range "{${inside}}": not supported; list the alternatives, e.g. {1,2,3}`
        );
      }
      const held = this.parseSequence(true);
      this.at++;
      return [literal("{"), ...held, literal("}")];
    }
    const options = [];
    for (; ; ) {
      options.push(this.parseSequence(true));
      const c = this.chars[this.at];
      this.at++;
      if (c === "}") break;
    }
    return [{ kind: "either", options }];
  }
  matchingBrace(open) {
    let depth = 0;
    for (let i = open; i < this.chars.length; i++) {
      const c = this.chars[i];
      if (c === "\\") i++;
      else if (c === "[") i = this.classEnd(i);
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) return i;
    }
    return void 0;
  }
  hasTopLevelComma(open, close) {
    let depth = 0;
    for (let i = open + 1; i < close; i++) {
      const c = this.chars[i];
      if (c === "\\") i++;
      else if (c === "[") i = this.classEnd(i);
      else if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === "," && depth === 0) return true;
    }
    return false;
  }
  /** Where a class opened at `open` ends (its `]`), or `open` itself when it never closes. */
  classEnd(open) {
    let i = open + 1;
    if (this.chars[i] === "!" || this.chars[i] === "^") i++;
    for (let first = true; i < this.chars.length; i++, first = false) {
      const c = this.chars[i];
      if (c === "\\") i++;
      else if (c === "]" && !first) return i;
    }
    return open;
  }
};
function literal(char) {
  return { kind: "test", test: { kind: "literal", code: char.codePointAt(0) } };
}
var ACCEPT = 0;
var TEST_LITERAL = 1;
var TEST_NOT_SLASH = 2;
var TEST_ANY = 3;
var TEST_CLASS = 4;
function build(globs) {
  const tests = [void 0];
  const next = [-1];
  const moves = [[]];
  const state = (test, to, eps = []) => {
    tests.push(test);
    next.push(to);
    moves.push(eps);
    return tests.length - 1;
  };
  const loop = (targets) => {
    const self = state(void 0, -1);
    moves[self] = targets(self);
    return self;
  };
  const sequence = (list2, after) => {
    let at2 = after;
    for (let i = list2.length - 1; i >= 0; i--) at2 = piece(list2[i], at2);
    return at2;
  };
  const piece = (p, after) => {
    switch (p.kind) {
      case "test":
        return state(p.test, after);
      case "repeat":
        return loop((self) => [state(p.test, self), after]);
      case "segments":
        return loop((self) => {
          const end = state(slash, self);
          const more = state(void 0, -1);
          const first = state(notSlash, more);
          moves[more] = [first, end];
          return [first, after];
        });
      case "either":
        return state(
          void 0,
          -1,
          p.options.map((option) => sequence(option, after))
        );
    }
  };
  const start = state(
    void 0,
    -1,
    globs.map((pieces) => sequence(pieces, ACCEPT))
  );
  const closure = [];
  const mark = new Int32Array(tests.length).fill(-1);
  for (let s = 0; s < tests.length; s++) {
    const reached = [];
    const stack = [s];
    while (stack.length > 0) {
      const t = stack.pop();
      if (mark[t] === s) continue;
      mark[t] = s;
      if (tests[t] !== void 0 || t === ACCEPT) reached.push(t);
      else stack.push(...moves[t]);
    }
    closure.push(Int32Array.from(reached));
  }
  const kind = new Uint8Array(tests.length);
  const argument = new Int32Array(tests.length);
  const classes = [];
  tests.forEach((test, i) => {
    if (test === void 0) return;
    if (test.kind === "literal") {
      kind[i] = TEST_LITERAL;
      argument[i] = test.code;
    } else if (test.kind === "not-slash") kind[i] = TEST_NOT_SLASH;
    else if (test.kind === "any") kind[i] = TEST_ANY;
    else {
      kind[i] = TEST_CLASS;
      argument[i] = classes.push(test) - 1;
    }
  });
  return {
    kind,
    argument,
    classes,
    next: Int32Array.from(next),
    closure,
    start,
    live: new Int32Array(tests.length),
    following: new Int32Array(tests.length),
    addedAt: new Int32Array(tests.length).fill(-1),
    steps: 0
  };
}
function inClass(test, c) {
  if (c === SLASH) return false;
  const { ranges } = test;
  let inside = false;
  for (let i = 0; i < ranges.length && !inside; i += 2) {
    inside = ranges[i] <= c && c <= ranges[i + 1];
  }
  return inside !== test.negated;
}
function run(automaton, path) {
  const { kind, argument, classes, next, closure, addedAt } = automaton;
  let live = automaton.live;
  let following = automaton.following;
  if (automaton.steps > 2 ** 30) {
    addedAt.fill(-1);
    automaton.steps = 0;
  }
  let count = 0;
  for (const s of closure[automaton.start]) live[count++] = s;
  for (const char of path) {
    const step = automaton.steps++;
    const c = char.codePointAt(0);
    let added = 0;
    for (let i = 0; i < count; i++) {
      const s = live[i];
      const test = kind[s];
      const pass = test === TEST_NOT_SLASH ? c !== SLASH : test === TEST_LITERAL ? c === argument[s] : test === TEST_ANY || test === TEST_CLASS && inClass(classes[argument[s]], c);
      if (!pass) continue;
      const reached = closure[next[s]];
      for (let j = 0; j < reached.length; j++) {
        const t = reached[j];
        if (addedAt[t] === step) continue;
        addedAt[t] = step;
        following[added++] = t;
      }
    }
    if (added === 0) return false;
    [live, following] = [following, live];
    count = added;
  }
  for (let i = 0; i < count; i++) if (live[i] === ACCEPT) return true;
  return false;
}

// src/sources/config.ts
var EMPTY_CONFIG = {
  principals: [],
  stacks: [],
  keepActions: [],
  ignoreFiles: []
};
var principalIndexes = /* @__PURE__ */ new WeakMap();
var stackIndexes = /* @__PURE__ */ new WeakMap();
function principalEntryFor(config, path) {
  return entryFor(config.principals, principalIndexes, (e) => e.files, path);
}
function stackFor(config, path) {
  return entryFor(config.stacks, stackIndexes, (e) => [e.template], path);
}
function entryFor(entries, indexes2, globsOf, path) {
  if (entries.length === 0) return void 0;
  let index = indexes2.get(entries);
  if (!index) {
    index = firstMatching(entries.map(globsOf));
    indexes2.set(entries, index);
  }
  const found = index(path);
  return found === void 0 ? void 0 : entries[found];
}
var PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/;
var STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
var ACTION_PATTERN = /^([a-z0-9-]+:[A-Za-z0-9*?]+|\*)$/i;
var ACCOUNT = /^\d{12}$/;
function parseConfig(text2, file) {
  const lines = new LineIndex(text2);
  const fail2 = (node, key, what) => {
    const range = node?.range ?? [0, 0, 0];
    const { line: line2 } = lines.position(range[0]);
    throw new ConfigurationError(`${file}:${line2}: ${key}: ${what}`);
  };
  if (text2.includes("\0")) throw new ConfigurationError(`${file}: is binary, not YAML`);
  const doc = parseDocument(text2, { version: "1.2", prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const { line: line2, column } = lines.position(error.pos[0]);
    const message = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    throw new ConfigurationError(`${file}:${line2}:${column}: is not valid YAML (${message})`);
  }
  const root = doc.contents;
  if (root === null || isScalar(root) && root.value === null) return { ...EMPTY_CONFIG, file };
  if (!isMap(root)) return fail2(root, "configuration", "must be a mapping");
  const config = {
    file,
    principals: [],
    stacks: [],
    keepActions: [],
    ignoreFiles: []
  };
  for (const pair2 of root.items) {
    const key = isScalar(pair2.key) ? String(pair2.key.value) : "";
    const value = pair2.value;
    switch (key) {
      case "principals":
        listOf(value, key, fail2).forEach((item, i) => {
          config.principals.push(readPrincipal(item, `principals[${i}]`, fail2, lines));
        });
        break;
      case "stacks":
        listOf(value, key, fail2).forEach((item, i) => {
          config.stacks.push(readStack(item, `stacks[${i}]`, fail2));
        });
        break;
      case "keep-actions":
        config.keepActions = strings(value, key, fail2);
        config.keepActions.forEach((a, i) => {
          if (!ACTION_PATTERN.test(a)) {
            fail2(listItem(value, i), `${key}[${i}]`, `"${a}" is not an action such as iam:PassRole`);
          }
        });
        break;
      case "account":
        config.account = accountValue(value, key, fail2);
        break;
      case "ignore-files":
        config.ignoreFiles = strings(value, key, fail2);
        checkGlobList(config.ignoreFiles, value, key, fail2);
        config.ignoreFiles.forEach((g, i) => checkGlob(g, listItem(value, i), `${key}[${i}]`, fail2));
        break;
      default:
        fail2(
          pair2.key,
          key || "key",
          "unknown key; expected principals, stacks, account, keep-actions or ignore-files"
        );
    }
  }
  return config;
}
function readPrincipal(item, key, fail2, lines) {
  if (!isMap(item)) return fail2(item, key, "must be a mapping with files and principal");
  let files;
  let principals;
  for (const pair2 of item.items) {
    const k = isScalar(pair2.key) ? String(pair2.key.value) : "";
    if (k === "files") {
      files = stringOrList(pair2.value, `${key}.files`, fail2);
      checkGlobList(files, pair2.value, `${key}.files`, fail2);
      files.forEach(
        (g, i) => checkGlob(
          g,
          listItem(pair2.value, i),
          `${key}.files${isSeq(pair2.value) ? `[${i}]` : ""}`,
          fail2
        )
      );
    } else if (k === "principal") {
      principals = stringOrList(pair2.value, `${key}.principal`, fail2);
      for (const arn of principals) {
        if (!PRINCIPAL_ARN.test(arn)) {
          fail2(
            pair2.value,
            `${key}.principal`,
            `"${arn}" is not a role or user ARN (arn:aws:iam::123456789012:role/Name)`
          );
        }
      }
    } else fail2(pair2.key, `${key}.${k}`, "unknown key; expected files and principal");
  }
  if (!files) return fail2(item, key, "needs files (a glob or a list of globs)");
  if (!principals) return fail2(item, key, "needs principal (an ARN or a list of ARNs)");
  const range = item.range ?? [0, 0, 0];
  return { files, principals, line: lines.position(range[0]).line };
}
function readStack(item, key, fail2) {
  if (!isMap(item)) return fail2(item, key, "must be a mapping with template and name");
  let template;
  let name;
  let account;
  for (const pair2 of item.items) {
    const k = isScalar(pair2.key) ? String(pair2.key.value) : "";
    if (k === "template") {
      template = stringValue(pair2.value, `${key}.template`, fail2);
      checkGlob(template, pair2.value, `${key}.template`, fail2);
    } else if (k === "name") {
      name = stringValue(pair2.value, `${key}.name`, fail2);
      if (!STACK_NAME.test(name)) {
        fail2(pair2.value, `${key}.name`, `"${name}" is not a CloudFormation stack name`);
      }
    } else if (k === "account") {
      account = accountValue(pair2.value, `${key}.account`, fail2);
    } else fail2(pair2.key, `${key}.${k}`, "unknown key; expected template, name and account");
  }
  if (template === void 0) return fail2(item, key, "needs template (a path or glob)");
  if (name === void 0) return fail2(item, key, "needs name (the stack name)");
  return { template, name, ...account === void 0 ? {} : { account } };
}
function accountValue(value, key, fail2) {
  if (isScalar(value) && typeof value.value === "number") {
    return fail2(value, key, 'quote the account id ("012345678901"), or YAML reads it as a number');
  }
  const account = stringValue(value, key, fail2);
  if (!ACCOUNT.test(account)) fail2(value, key, `"${account}" is not a 12-digit AWS account id`);
  return account;
}
function listOf(value, key, fail2) {
  if (!isSeq(value)) return fail2(value, key, "must be a list");
  return value.items;
}
function listItem(value, i) {
  return isSeq(value) ? value.items[i] ?? value : value;
}
function strings(value, key, fail2) {
  return listOf(value, key, fail2).map((item, i) => stringValue(item, `${key}[${i}]`, fail2));
}
function stringOrList(value, key, fail2) {
  if (isSeq(value)) {
    const list2 = strings(value, key, fail2);
    if (list2.length === 0) fail2(value, key, "must not be empty");
    return list2;
  }
  return [stringValue(value, key, fail2)];
}
function stringValue(value, key, fail2) {
  if (!isScalar(value) || typeof value.value !== "string" || value.value === "") {
    return fail2(value, key, "must be a non-empty string");
  }
  return value.value;
}
function checkGlob(glob, node, key, fail2) {
  const problem = globProblem(glob);
  if (problem) fail2(node, key, `"${glob}" ${problem}`);
}
function checkGlobList(globs, node, key, fail2) {
  const problem = listProblem(globs);
  if (problem) fail2(node, key, problem);
}

// src/sources/candidates.ts
var CANDIDATE = /\.(json|jsonc|ya?ml|template|tf|tfvars)$/i;
function mayHoldPolicies(path) {
  return CANDIDATE.test(path);
}

// src/engine/policy.ts
function readStatements(document) {
  if (!isRecord(document)) throw new ConfigurationError("a policy document must be a JSON object");
  const s = document.Statement;
  if (Array.isArray(s)) return { statements: s, single: false };
  if (isRecord(s)) return { statements: [s], single: true };
  throw new ConfigurationError('the policy has no "Statement" list or object');
}
function actionEntries(statement2) {
  if (!isRecord(statement2)) return void 0;
  const a = statement2.Action;
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
  const visit3 = (node, parentLo, parentHi, near) => {
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
    for (let c = 0; c < children2.length; c++) next2 = visit3(children2[c], lo, hi, next2);
    return hi;
  };
  const members = view.used;
  const top = expand({ prefix: root, display: root, members }, view);
  if (top.action >= 0) emitAt(top.action);
  let next = view.lo;
  const { children } = top;
  for (let c = 0; c < children.length; c++)
    next = visit3(children[c], view.lo, view.hi, next);
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
    const display2 = view.display[k];
    let end;
    let child;
    if (last !== void 0 && display2.startsWith(same)) {
      end = last.prefix.length;
      child = last;
    } else {
      end = wordEndAfter(display2, depth);
      child = last !== void 0 && last.prefix.length === end && name.startsWith(last.prefix) ? last : children.get(name.slice(0, end));
      const colon = display2.indexOf(":");
      same = colon >= 0 && colon < end && end + 2 <= display2.length ? display2.slice(0, end + 2) : NONE;
    }
    if (!child) {
      const prefix = name.slice(0, end);
      const displayEnds = end === name.length;
      child = { prefix, display: display2.slice(0, end), members: [k], displayEnds };
      children.set(prefix, child);
      last = child;
      continue;
    }
    last = child;
    child.members.push(k);
    if (child.displayEnds && end < name.length) {
      child.display = display2.slice(0, end);
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
  const cache2 = /* @__PURE__ */ new Map();
  return (prefix) => {
    let known = cache2.get(prefix);
    if (known === void 0) {
      known = patternContains(folded, `${prefix}*`);
      cache2.set(prefix, known);
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
  let at2 = 0;
  for (const s of result.statements) {
    const source2 = before[s.index];
    if (s.status === "removed" || s.status === "refined") {
      if (!sameEntries(actionEntries(source2), s.before))
        fail(s, "the entries checked are not the original Action");
    }
    if (s.status === "removed") {
      if (s.after.length > 0) fail(s, "a removed statement reports entries");
      checkStatement(s, context);
      continue;
    }
    const refined = after[at2++];
    if (s.status === "refined") {
      if (!sameExceptKey(source2, refined, "Action")) {
        fail(s, "a key other than Action changed");
      }
      if (!sameEntries(actionEntries(refined), s.after))
        fail(s, "the refined Action is not the entries checked");
      checkStatement(s, context);
    } else if (refined !== source2) {
      fail(s, "a statement the engine did not refine was changed");
    }
  }
  if (at2 !== after.length)
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
      const at2 = universe.indexOf(folded);
      if (at2 >= 0) checkRange(s, at2, at2 + 1, allowedAfter, context);
      else {
        const isUnused = unused.has(folded);
        const allowed = (refined ??= new PatternIndex(s.after)).allows(folded);
        if (isUnused && allowed) fail(s, `the unused ${folded} is still allowed (guarantee 2)`);
        if (!isUnused && !allowed) fail(s, `the used ${folded} is no longer allowed (guarantee 3)`);
      }
      return;
    }
    const m = universe.matchFolded(folded);
    if (m.only) for (const at2 of m.only) checkRange(s, at2, at2 + 1, allowedAfter, context);
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
      const at2 = universe.indexOf(folded[i]);
      if (at2 >= 0) intervals.push([at2, at2 + 1]);
      return;
    }
    const m = universe.matchFolded(folded[i]);
    if (m.only) for (const at2 of m.only) intervals.push([at2, at2 + 1]);
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
  let at2 = lo;
  while (at2 < hi) {
    const inside = i < starts.length && starts[i] <= at2;
    const next = inside ? ends[i++] : i < starts.length ? starts[i] : hi;
    const end = Math.min(hi, next);
    const unusedHere = unused.countIn(at2, end);
    if (inside && unusedHere > 0) {
      while (!unused.at(at2)) at2++;
      fail(s, `the unused ${universe.display[at2]} is still allowed (guarantee 2)`);
    }
    if (!inside && unusedHere < end - at2) {
      while (unused.at(at2)) at2++;
      fail(s, `the used ${universe.display[at2]} is no longer allowed (guarantee 3)`);
    }
    at2 = end;
  }
}
function unusedPrefixTest(m, { universe, unused }) {
  const r = m.only?.filter((at2) => unused.at(at2));
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
    const display2 = [];
    const more = [...added.keys()].sort();
    let i = 0;
    for (const folded of more) {
      const at2 = lowerBoundNear(base.names, folded, i, i);
      for (; i < at2; i++) {
        names.push(base.names[i]);
        display2.push(base.display[i]);
      }
      names.push(folded);
      display2.push(added.get(folded));
    }
    for (; i < base.names.length; i++) {
      names.push(base.names[i]);
      display2.push(base.display[i]);
    }
    this.names = names;
    this.display = display2;
  }
  get size() {
    return this.names.length;
  }
  /** The position of a folded name, or -1 when the universe lacks it. */
  indexOf(folded) {
    const at2 = this.near = lowerBoundNear(this.names, folded, this.near);
    return this.names[at2] === folded ? at2 : -1;
  }
  /** The position of a name in any casing, or -1: `indexOf(fold(name))`. */
  positionOf(name) {
    const at2 = this.given.get(name);
    return at2 !== void 0 && at2 >= 0 ? at2 : this.indexOf(fold(name));
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
    const at2 = this.indexOf(folded);
    return at2 < 0 ? folded : this.display[at2];
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
    const { starts, ends } = subtract(unused, merge2(kept));
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
    const at2 = this.universe.indexOf(folded);
    if (at2 >= 0) return this.at(at2);
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
    let at2 = lo;
    while (at2 < hi) {
      const start = j < this.starts.length ? this.starts[j] : hi;
      if (start <= at2) {
        at2 = this.ends[j++];
        continue;
      }
      const end = Math.min(start, hi);
      for (; at2 < end; at2++) used.push(at2);
    }
    return used;
  }
  /** The unused names of a match (its R), in the universe's order and casing. */
  namesOf(match) {
    const { display: display2 } = this.universe;
    if (match.only) return match.only.filter((i) => this.at(i)).map((i) => display2[i]);
    const runs = [];
    for (let j = this.intervalsBefore(match.lo + 1) - 1; j < this.starts.length; j++) {
      if (j < 0) continue;
      const from = Math.max(this.starts[j], match.lo);
      const to = Math.min(this.ends[j], match.hi);
      if (from >= match.hi) break;
      if (from < to) runs.push(display2.slice(from, to));
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
      const at2 = universe.positionOf(name);
      if (at2 >= 0) intervals.push([at2, at2 + 1]);
      else outside.add(fold(name));
    }
  }
  return { unused: merge2(intervals), outside };
}
function merge2(intervals) {
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
  const { statements: statements2 } = readStatements(document);
  const context = buildContext(statements2, options);
  const result = refineWithContext(document, context, options.quota);
  verifyRefinement(
    document,
    result,
    context,
    (d) => refineWithContext(d, context, options.quota)
  );
  return result;
}
function buildContext(statements2, options) {
  const literals = [];
  for (const s of statements2) {
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
  const { statements: statements2, single } = readStatements(document);
  const results = [];
  const kept = [];
  const warnings = [];
  let emitted = 0;
  statements2.forEach((statement2, index) => {
    const { result, refined } = refineStatement(statement2, index, context);
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
function refineStatement(statement2, index, context) {
  const notRefined = (note2, before = [], unreadable = false) => ({
    result: {
      index,
      ...sidOf(statement2),
      status: "not-refined",
      note: note2,
      ...unreadable ? { unreadable } : {},
      before,
      after: before,
      changes: []
    },
    refined: statement2
  });
  if (!isRecord(statement2)) return notRefined("is not an object; left as it is", [], true);
  if (statement2.Effect === "Deny") {
    return notRefined(
      "is a Deny, never narrowed: a narrower Deny would widen access",
      actionEntries(statement2)
    );
  }
  if (statement2.Effect !== "Allow")
    return notRefined("has no Effect of Allow or Deny; left as it is", [], true);
  if ("NotAction" in statement2) {
    return notRefined("uses NotAction, which iam-refine does not refine (nor does Access Analyzer)");
  }
  if (!("Action" in statement2)) return notRefined("has no Action; left as it is");
  const entries = actionEntries(statement2);
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
    const matched2 = matchSize(m);
    if (context.budget && (context.budget.matchedActions -= matched2) < 0) {
      throw new LimitError(
        `too large to check: the wildcards of this file match more than ${MAX_MATCHED_ACTIONS_PER_FILE} actions together; split the file or narrow its wildcards`,
        "check"
      );
    }
    const unusedCount = unused.countOf(m);
    const removesAll = unusedCount === matched2 && (unusedCount > 0 || unused.all);
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
        matched: matched2
      });
      slots.push({ out: replacement, isNew: true });
    }
  }
  if (changes.length === 0) {
    return {
      result: {
        index,
        ...sidOf(statement2),
        status: "unchanged",
        before: entries,
        after: entries,
        changes
      },
      refined: statement2
    };
  }
  const after = dropCovered(slots);
  const finalChanges = changes.map(
    (c) => c.kind === "replaced" ? { ...c, by: c.by.filter((e) => after.survivors.has(e)) } : c
  );
  const result = (status) => ({
    index,
    ...sidOf(statement2),
    status,
    before: entries,
    after: after.entries,
    changes: finalChanges
  });
  if (after.entries.length === 0) return { result: result("removed"), refined: null };
  const action = typeof statement2.Action === "string" && after.entries.length === 1 ? after.entries[0] : after.entries;
  return { result: result("refined"), refined: { ...statement2, Action: action } };
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
function sidOf(statement2) {
  return isRecord(statement2) && typeof statement2.Sid === "string" ? { sid: statement2.Sid } : {};
}

// src/sources/document/nodes.ts
function findContext(tree, file) {
  return {
    tree,
    file,
    lines: new LineIndex(tree.text),
    budget: valueBudget(tree.text),
    policies: [],
    notes: []
  };
}
var MAX_CONDITION_DEPTH = 4;
function addPolicy(ctx, node, path, kind, extras) {
  forEachBranch(
    ctx,
    node,
    path,
    extras.branches ?? [],
    (branch, at2, branches) => addDocument(ctx, branch, at2, kind, { ...extras, branches })
  );
}
function addStatementList(ctx, node, path, kind, extras, version = "2012-10-17") {
  forEachBranch(ctx, node, path, extras.branches ?? [], (branch, at2, branches) => {
    const notEditable = [];
    let list2 = branch;
    if (list2.kind === "alias") {
      notEditable.push(`the statements are the YAML alias *${list2.name}`);
      if (!list2.target) return;
      list2 = list2.target;
    }
    if (list2.tag || list2.kind !== "seq" && list2.kind !== "map") {
      note(
        ctx,
        branch,
        at2,
        `the statements are given by ${describeIntrinsic(list2)}, not a literal list; not checked`,
        true
      );
      return;
    }
    pushLocation(ctx, {
      statementNode: list2,
      rangeNode: list2,
      path: at2,
      statementsPath: at2,
      form: "statements",
      document: { Version: version, Statement: toValue(list2, ctx.budget) },
      kind,
      extras: { ...extras, branches },
      notEditable
    });
  });
}
function addDocument(ctx, node, path, kind, extras) {
  const notEditable = [];
  let doc = node;
  if (doc.kind === "alias") {
    notEditable.push(`the policy is the YAML alias *${doc.name}`);
    if (!doc.target) return;
    doc = doc.target;
  }
  if (doc.kind !== "map" || doc.tag) {
    note(
      ctx,
      node,
      path,
      doc.tag || doc.kind === "alias" ? `the policy document is given by ${describeIntrinsic(doc)}, not a literal; not checked` : "the policy document is not a mapping; not refined",
      doc.tag !== void 0
    );
    return;
  }
  const statement2 = pair(doc, "Statement");
  if (!statement2) {
    const intrinsic2 = intrinsicName(doc);
    if (intrinsic2 !== void 0) {
      note(
        ctx,
        doc,
        path,
        `the policy document is given by ${intrinsic2}, not a literal; not checked`,
        true
      );
    } else note(ctx, doc, path, "the policy document has no Statement; not refined");
    return;
  }
  if (ifOf(statement2)) {
    const version = pair(doc, "Version");
    addStatementList(
      ctx,
      statement2,
      [...path, "Statement"],
      kind,
      extras,
      version ? toValue(version, ctx.budget) : void 0
    );
    return;
  }
  if (statement2.tag || statement2.kind !== "seq" && statement2.kind !== "map") {
    note(
      ctx,
      statement2,
      [...path, "Statement"],
      statement2.tag ? `Statement is given by ${statement2.tag}, not a literal list; not checked` : "Statement is not a list or a mapping; not refined",
      statement2.tag !== void 0
    );
    return;
  }
  pushLocation(ctx, {
    statementNode: statement2,
    rangeNode: doc,
    path,
    statementsPath: [...path, "Statement"],
    form: "document",
    document: toValue(doc, ctx.budget),
    kind,
    extras,
    notEditable
  });
}
function pushLocation(ctx, parts) {
  const { statementNode, extras, notEditable } = parts;
  const items = statementNode.kind === "seq" ? statementNode.items : [statementNode];
  const statementPaths = items.map(
    (_, i) => statementNode.kind === "seq" ? [...parts.statementsPath, i] : parts.statementsPath
  );
  if (items.some((s) => s.kind === "map" && (pair(s, "Principal") || pair(s, "NotPrincipal")))) {
    note(
      ctx,
      parts.rangeNode,
      parts.path,
      "its statements name a Principal: a resource or trust policy, never refined"
    );
    return;
  }
  if (ctx.tree.usesAliases && usesAnchors(parts.rangeNode)) {
    notEditable.push("it uses YAML anchors or aliases");
  }
  if (parts.rangeNode.kind === "map" && parts.rangeNode.duplicateKeys || items.some((s) => s.kind === "map" && s.duplicateKeys)) {
    notEditable.push("a key appears twice");
  }
  const statements2 = parts.statements ?? items.map((item, index) => statementLocation(ctx, item, index));
  const branches = extras.branches ?? [];
  ctx.policies.push({
    file: ctx.file,
    syntax: ctx.tree.syntax,
    path: parts.path,
    pointer: pointerOf(parts.path),
    ...parts.form !== "document" ? { form: parts.form } : {},
    ...parts.statementPath ? { statementPath: parts.statementPath } : {},
    ...branches.length > 0 ? { branches } : {},
    kind: parts.kind,
    ...extras.resource ? { resource: extras.resource } : {},
    ...extras.policyName !== void 0 ? { policyName: extras.policyName } : {},
    range: ctx.lines.range(parts.rangeNode.start, parts.rangeNode.end),
    document: parts.document,
    statementForm: statementNode.kind === "seq" ? "list" : "object",
    statements: statements2,
    quota: extras.quota,
    attachments: extras.attachments,
    notEditable
  });
  if (parts.form === "action") return;
  const version = parts.document.Version;
  items.forEach((item, index) => {
    const at2 = statementPaths[index];
    if (ifOf(item)) {
      forEachBranch(ctx, item, at2, branches, (branch, p, taken) => {
        if (branch.kind !== "map" || branch.tag) {
          note(
            ctx,
            branch,
            p,
            `this branch of Fn::If is given by ${describeIntrinsic(branch)}, not a literal statement; not checked`,
            true
          );
          return;
        }
        pushLocation(ctx, {
          statementNode: branch,
          rangeNode: branch,
          path: p,
          statementsPath: p,
          form: "statement",
          document: { ...versionOf(version), Statement: toValue(branch, ctx.budget) },
          kind: parts.kind,
          extras: { ...extras, branches: taken },
          notEditable: [...notEditable]
        });
      });
    } else if (item.kind === "map") addActionBranches(ctx, item, at2, parts, version);
  });
}
function addActionBranches(ctx, statement2, at2, parts, version) {
  const action = pair(statement2, "Action");
  if (!action || !ifOf(action)) return;
  forEachBranch(ctx, action, [...at2, "Action"], parts.extras.branches ?? [], (branch, p, taken) => {
    const form = actionForm(branch);
    if (form === "other") {
      note(
        ctx,
        branch,
        p,
        `this branch of Fn::If is given by ${describeIntrinsic(branch)}, not a literal Action; not checked`,
        true
      );
      return;
    }
    const value = toValue(statement2, ctx.budget);
    pushLocation(ctx, {
      statementNode: statement2,
      rangeNode: branch,
      path: p,
      statementsPath: at2,
      form: "action",
      statementPath: at2,
      document: {
        ...versionOf(version),
        Statement: { ...value, Action: toValue(branch, ctx.budget) }
      },
      kind: parts.kind,
      extras: { ...parts.extras, branches: taken },
      notEditable: [...parts.notEditable],
      statements: [
        {
          index: 0,
          range: ctx.lines.range(statement2.start, statement2.end),
          action: { range: ctx.lines.range(branch.start, branch.end), form }
        }
      ]
    });
  });
}
function versionOf(version) {
  return version === void 0 ? {} : { Version: version };
}
function actionForm(node) {
  if (node.tag || node.kind === "alias") return "other";
  if (node.kind === "scalar" && typeof node.value === "string" && node.style !== "block") {
    return "string";
  }
  if (node.kind === "seq") return "list";
  return "other";
}
function statementLocation(ctx, item, index) {
  const range = ctx.lines.range(item.start, item.end);
  const condition = ifOf(item);
  if (condition) {
    return {
      index,
      range,
      notEditable: `the statement is a Fn::If on ${condition.condition}: each branch is refined as its own location`,
      branched: true
    };
  }
  const action = item.kind === "map" ? pair(item, "Action") : void 0;
  if (!action) return { index, range };
  const actionRange = ctx.lines.range(action.start, action.end);
  let notEditable;
  let form = "other";
  const actionIf = ifOf(action);
  if (actionIf) {
    notEditable = `Action is a Fn::If on ${actionIf.condition}: each branch is refined as its own location`;
  } else if (action.kind === "alias") notEditable = `Action is the YAML alias *${action.name}`;
  else if (action.tag) notEditable = `Action is given by the intrinsic function ${action.tag}`;
  else if (action.kind === "map") notEditable = `Action is given by ${describeIntrinsic(action)}`;
  else if (action.kind === "scalar" && action.style === "block")
    notEditable = "Action is a block scalar";
  else if (action.kind === "scalar" && typeof action.value === "string") form = "string";
  else if (action.kind === "seq") form = "list";
  return {
    index,
    range,
    action: { range: actionRange, form },
    ...notEditable ? { notEditable } : {},
    ...actionIf ? { branched: true } : {}
  };
}
function ifOf(node) {
  let list2;
  if (node?.tag === "!If") {
    if (node.kind !== "seq") return false;
    list2 = node;
  } else if (node?.kind === "map" && !node.tag && node.pairs.length === 1) {
    const only = node.pairs[0];
    if (only?.key !== "Fn::If") return void 0;
    if (only.value.kind !== "seq" || only.value.tag) return false;
    list2 = only.value;
  }
  if (list2?.kind !== "seq") return void 0;
  if (list2.items.length !== 3) return false;
  const [condition, whenTrue, whenFalse] = list2.items;
  const name = literal2(condition);
  if (name === void 0) return false;
  return { condition: name, values: [whenTrue, whenFalse] };
}
function isNoValue(node) {
  if (node.kind === "scalar" && node.tag === "!Ref") return node.value === "AWS::NoValue";
  return node.kind === "map" && !node.tag && node.pairs.length === 1 && node.pairs[0]?.key === "Ref" && literal2(node.pairs[0].value) === "AWS::NoValue";
}
function forEachBranch(ctx, node, path, branches, visit3) {
  const condition = ifOf(node);
  if (condition === void 0) {
    visit3(node, path, branches);
    return;
  }
  if (condition === false) {
    note(
      ctx,
      node,
      path,
      "Fn::If is not [condition, value if true, value if false]; not checked",
      true
    );
    return;
  }
  if (branches.length >= MAX_CONDITION_DEPTH) {
    note(
      ctx,
      node,
      path,
      `Fn::If nested more than ${MAX_CONDITION_DEPTH} levels deep; not checked`,
      true
    );
    return;
  }
  condition.values.forEach((value, i) => {
    if (isNoValue(value)) return;
    visit3(
      value,
      [...path, "Fn::If", i + 1],
      [...branches, { condition: condition.condition, value: i === 0 }]
    );
  });
}
function usesAnchors(node) {
  if (node.kind === "alias" || node.anchor) return true;
  if (node.kind === "map") return node.pairs.some((p) => usesAnchors(p.value));
  if (node.kind === "seq") return node.items.some(usesAnchors);
  return false;
}
function describeIntrinsic(node) {
  if (node.tag) return node.tag;
  if (node.kind === "map" && node.pairs.length === 1) return node.pairs[0]?.key ?? "a value";
  if (node.kind === "alias") return `the alias *${node.name}`;
  return "a value that is not a literal";
}
function intrinsicName(node) {
  if (node.kind !== "map" || node.tag || node.pairs.length !== 1) return void 0;
  const key = node.pairs[0]?.key ?? "";
  return key === "Ref" || key === "Condition" || key.startsWith("Fn::") ? key : void 0;
}
function pair(node, key) {
  if (node?.kind !== "map") return void 0;
  let found;
  for (const p of node.pairs) if (p.key === key) found = p.value;
  return found;
}
function nodeAt(root, path) {
  let node = root;
  for (const step of path) {
    if (node?.kind === "alias") node = node.target;
    if (step === "Fn::If" && node?.tag === "!If") continue;
    if (typeof step === "number") node = node?.kind === "seq" ? node.items[step] : void 0;
    else node = pair(node, step);
    if (!node) return void 0;
  }
  return node;
}
function literal2(node) {
  return node?.kind === "scalar" && !node.tag && typeof node.value === "string" ? node.value : void 0;
}
function pointerOf(path) {
  let out = "";
  for (const step of path) {
    if (typeof step === "number") out += `[${step}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) out += out === "" ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}
function note(ctx, node, path, message, unchecked = false) {
  noteAt(ctx, node.start, path, message, unchecked);
}
function noteAt(ctx, at2, path, message, unchecked) {
  const { line: line2, column } = ctx.lines.position(at2);
  ctx.notes.push({
    file: ctx.file,
    line: line2,
    column,
    pointer: pointerOf(path),
    message,
    ...unchecked ? { unchecked: true } : {}
  });
}

// src/sources/cloudformation/find.ts
function isTemplate(root) {
  if (root.kind !== "map") return false;
  if (pair(root, "AWSTemplateFormatVersion")) return true;
  const resources = pair(root, "Resources");
  if (resources?.kind !== "map") return false;
  return resources.pairs.some((p) => {
    const type = p.value.kind === "map" ? literal2(pair(p.value, "Type")) : void 0;
    return type !== void 0 && /^(AWS|Alexa|Custom)::/.test(type);
  });
}
var INLINE_KINDS = {
  "AWS::IAM::Role": {
    kind: "cfn-role-inline",
    type: "role",
    nameKey: "RoleName",
    quota: QUOTAS.role
  },
  "AWS::IAM::User": {
    kind: "cfn-user-inline",
    type: "user",
    nameKey: "UserName",
    quota: QUOTAS.user
  },
  "AWS::IAM::Group": {
    kind: "cfn-group-inline",
    type: "group",
    nameKey: "GroupName",
    quota: QUOTAS.group
  }
};
var SINGLE_ATTACHED = {
  "AWS::IAM::RolePolicy": {
    kind: "cfn-role-policy",
    type: "role",
    key: "RoleName",
    quota: QUOTAS.role
  },
  "AWS::IAM::UserPolicy": {
    kind: "cfn-user-policy",
    type: "user",
    key: "UserName",
    quota: QUOTAS.user
  },
  "AWS::IAM::GroupPolicy": {
    kind: "cfn-group-policy",
    type: "group",
    key: "GroupName",
    quota: QUOTAS.group
  }
};
var ATTACHMENT_LISTS = [
  ["Roles", "role", QUOTAS.role],
  ["Users", "user", QUOTAS.user],
  ["Groups", "group", QUOTAS.group]
];
function findInTemplate(ctx, root, prefix = []) {
  const resources = pair(root, "Resources");
  if (resources?.kind !== "map") return;
  const globalPolicies = at(root, ["Globals", "Function", "Policies"]);
  if (globalPolicies) {
    note(
      ctx,
      globalPolicies.node,
      [...prefix, ...globalPolicies.path],
      "SAM Globals Policies apply to every function; not refined",
      true
    );
  }
  for (const r of resources.pairs) {
    if (r.value.kind !== "map") continue;
    const type = literal2(pair(r.value, "Type"));
    const props2 = pair(r.value, "Properties");
    if (type === void 0 || props2?.kind !== "map") continue;
    const base = [...prefix, "Resources", r.key, "Properties"];
    const resource = { logicalId: r.key, type };
    const inline = INLINE_KINDS[type];
    if (inline) {
      const self = {
        type: inline.type,
        logicalId: r.key,
        ...nameOf(props2, inline.nameKey),
        ...pathOf(props2)
      };
      managedPolicyNotes(ctx, props2, base);
      const policies = pair(props2, "Policies");
      if (!policies) continue;
      forEachBranch(ctx, policies, [...base, "Policies"], [], (list2, listPath, branches) => {
        if (list2.kind !== "seq" || list2.tag) {
          note(
            ctx,
            list2,
            listPath,
            `Policies is given by ${describeIntrinsic(list2)}, not a literal list; not checked`,
            true
          );
          return;
        }
        list2.items.forEach((entry, i) => {
          forEachBranch(ctx, entry, [...listPath, i], branches, (item, itemPath, taken) => {
            if (item.kind !== "map" || item.tag || intrinsicName(item) !== void 0) {
              note(
                ctx,
                item,
                itemPath,
                `this Policies entry is given by ${describeIntrinsic(item)}, not a literal; not checked`,
                true
              );
              return;
            }
            const doc = pair(item, "PolicyDocument");
            if (!doc) return;
            addPolicy(ctx, doc, [...itemPath, "PolicyDocument"], inline.kind, {
              quota: inline.quota,
              attachments: [self],
              resource,
              policyName: literalName(pair(item, "PolicyName")),
              branches: taken
            });
          });
        });
      });
      continue;
    }
    if (type === "AWS::IAM::Policy" || type === "AWS::IAM::ManagedPolicy") {
      const doc = pair(props2, "PolicyDocument");
      if (!doc) continue;
      const attachments = [];
      let quota = type === "AWS::IAM::ManagedPolicy" ? QUOTAS.managed : QUOTAS.role;
      let first = true;
      for (const [key, kind, q] of ATTACHMENT_LISTS) {
        const list2 = pair(props2, key);
        if (!list2) continue;
        attachments.push(...attachmentsOf(resources, list2, kind));
        if (type === "AWS::IAM::Policy" && (first || q.limit < quota.limit)) quota = q;
        first = false;
      }
      addPolicy(
        ctx,
        doc,
        [...base, "PolicyDocument"],
        type === "AWS::IAM::Policy" ? "cfn-policy" : "cfn-managed-policy",
        {
          quota,
          attachments,
          resource,
          policyName: literalName(
            pair(props2, type === "AWS::IAM::Policy" ? "PolicyName" : "ManagedPolicyName")
          )
        }
      );
      continue;
    }
    const single = SINGLE_ATTACHED[type];
    if (single) {
      const doc = pair(props2, "PolicyDocument");
      if (!doc) continue;
      const target = pair(props2, single.key);
      addPolicy(ctx, doc, [...base, "PolicyDocument"], single.kind, {
        quota: single.quota,
        attachments: target ? [attachmentOf(resources, target, single.type)] : [],
        resource,
        policyName: literalName(pair(props2, "PolicyName"))
      });
      continue;
    }
    const sam = SAM_RESOURCES[type];
    if (sam) findInSamResource(ctx, r.key, sam, props2, base);
  }
}
var SAM_RESOURCES = {
  "AWS::Serverless::Function": { kind: "sam-function", what: "function" },
  "AWS::Serverless::StateMachine": { kind: "sam-state-machine", what: "state machine" }
};
function managedPolicyNotes(ctx, props2, base) {
  const arns = pair(props2, "ManagedPolicyArns");
  if (!arns) return;
  const path = [...base, "ManagedPolicyArns"];
  if (arns.kind !== "seq" || arns.tag) {
    note(
      ctx,
      arns,
      path,
      `ManagedPolicyArns (${describeIntrinsic(arns)}): managed policies attached by ARN, not refinable here`
    );
    return;
  }
  arns.items.forEach((item, i) => {
    const arn = literal2(item);
    note(
      ctx,
      item,
      [...path, i],
      `managed policy ${arn ?? `given by ${describeIntrinsic(item)}`}: attached by ARN, its statements live in the managed policy; not refinable here`
    );
  });
}
function findInSamResource(ctx, logicalId, sam, props2, base) {
  const policies = pair(props2, "Policies");
  if (!policies) return;
  const path = [...base, "Policies"];
  if (pair(props2, "Role")) {
    note(ctx, policies, path, `${logicalId} has a Role, so SAM ignores its Policies; not refined`);
    return;
  }
  const role = { type: "role", logicalId: `${logicalId}Role`, samResource: logicalId };
  const resource = {
    logicalId,
    type: sam.what === "function" ? "AWS::Serverless::Function" : "AWS::Serverless::StateMachine"
  };
  const entry = (node, p, branches) => {
    if (node.kind === "alias") {
      note(ctx, node, p, `this Policies entry is the YAML alias *${node.name}; not checked`, true);
    } else if (node.kind === "scalar" && !node.tag) {
      note(
        ctx,
        node,
        p,
        `managed policy ${String(node.value)}: attached by name, its statements live in the managed policy; not refinable here`
      );
    } else if (node.tag || intrinsicName(node) !== void 0) {
      note(
        ctx,
        node,
        p,
        `this Policies entry is given by ${describeIntrinsic(node)}, not a literal; not checked`,
        true
      );
    } else if (node.kind === "map" && pair(node, "Statement")) {
      addPolicy(ctx, node, p, sam.kind, {
        quota: QUOTAS.role,
        attachments: [role],
        resource,
        branches
      });
    } else if (node.kind === "map") {
      const name = node.pairs[0]?.key ?? "entry";
      note(
        ctx,
        node,
        p,
        `SAM policy template ${name}: SAM expands it to statements of its own; not refinable here`
      );
    }
  };
  forEachBranch(ctx, policies, path, [], (value, at2, branches) => {
    if (value.kind === "seq" && !value.tag) {
      value.items.forEach((item, i) => forEachBranch(ctx, item, [...at2, i], branches, entry));
    } else entry(value, at2, branches);
  });
}
function attachmentsOf(resources, list2, type) {
  if (list2.kind !== "seq" || list2.tag) {
    return [{ type, unresolved: `the ${type} list is given by an intrinsic function` }];
  }
  return list2.items.map((item) => attachmentOf(resources, item, type));
}
function attachmentOf(resources, node, type) {
  const name = literalName(node);
  if (name !== void 0) return { type, name };
  const ref = refOf(node);
  if (ref === void 0) {
    return { type, unresolved: `a ${type} is given by ${describeIntrinsic(node)}` };
  }
  const target = pair(resources, ref);
  if (target?.kind === "map") {
    const props2 = pair(target, "Properties");
    const nameKey = type === "role" ? "RoleName" : type === "user" ? "UserName" : "GroupName";
    return {
      type,
      logicalId: ref,
      ...props2?.kind === "map" ? { ...nameOf(props2, nameKey), ...pathOf(props2) } : {}
    };
  }
  const fn = ref.endsWith("Role") ? pair(resources, ref.slice(0, -4)) : void 0;
  const fnType = fn?.kind === "map" ? literal2(pair(fn, "Type")) : void 0;
  if (fnType !== void 0 && SAM_RESOURCES[fnType]) {
    return { type, logicalId: ref, samResource: ref.slice(0, -4) };
  }
  return {
    type,
    unresolved: `a ${type} is given by Ref ${ref}, which is not a resource of the template`
  };
}
function nameOf(props2, key) {
  const node = pair(props2, key);
  if (!node) return {};
  const name = literalName(node);
  return name !== void 0 ? { name } : { unresolved: `${key} is given by ${describeIntrinsic(node)}` };
}
function pathOf(props2) {
  const path = literalName(pair(props2, "Path"));
  return path !== void 0 ? { path } : {};
}
function refOf(node) {
  if (node.kind === "scalar" && node.tag === "!Ref" && typeof node.value === "string")
    return node.value;
  if (node.kind === "map" && !node.tag && node.pairs.length === 1 && node.pairs[0]?.key === "Ref") {
    return literal2(node.pairs[0].value);
  }
  return void 0;
}
function at(root, path) {
  const node = nodeAt(root, path);
  return node ? { node, path } : void 0;
}
function literalName(node, depth = 0) {
  if (node === void 0 || depth > 16) return void 0;
  const plain2 = literal2(node);
  if (plain2 !== void 0) return plain2;
  const fn = intrinsic(node);
  if (fn?.name === "Sub") {
    let template = fn.args;
    if (template?.kind === "seq") {
      const [text3, vars] = template.items;
      if (template.items.length !== 2 || vars?.kind !== "map" || vars.pairs.length > 0) {
        return void 0;
      }
      template = text3;
    }
    const text2 = literal2(template);
    if (text2 === void 0 || /\$\{(?!!)/.test(text2)) return void 0;
    return text2.replace(/\$\{!/g, "${");
  }
  if (fn?.name === "Join" && fn.args?.kind === "seq" && fn.args.items.length === 2) {
    const [delimiter, list2] = fn.args.items;
    const d = literal2(delimiter);
    if (d === void 0 || list2?.kind !== "seq" || list2.tag) return void 0;
    const parts = list2.items.map((item) => literalName(item, depth + 1));
    return parts.every((p) => p !== void 0) ? parts.join(d) : void 0;
  }
  return void 0;
}
function intrinsic(node) {
  if (node.tag?.startsWith("!")) {
    const untagged = { ...node, tag: void 0 };
    return { name: node.tag.slice(1), args: untagged };
  }
  if (node.kind === "map" && node.pairs.length === 1 && node.pairs[0].key.startsWith("Fn::")) {
    return { name: node.pairs[0].key.slice(4), args: node.pairs[0].value };
  }
  return void 0;
}

// src/sources/json/find.ts
function findDocuments(ctx, node) {
  const loose = { noted: false };
  walk(ctx, node, [], 0, loose);
}
function walk(ctx, node, path, depth, loose) {
  if (depth > MAX_NESTING) return;
  if (node.kind === "map") {
    if (looksLikeDocument(node, path.length === 0)) {
      addPolicy(ctx, node, path, "json-policy", { quota: QUOTAS.managed, attachments: [] });
      return;
    }
    if (!loose.noted && looksLikeStatement(node)) {
      loose.noted = true;
      note(
        ctx,
        node,
        path,
        "holds IAM statements outside any policy document (statements a serverless.yml includes?): not checked alone; check them with the file that includes them",
        true
      );
      return;
    }
    for (const p of node.pairs) walk(ctx, p.value, [...path, p.key], depth + 1, loose);
  } else if (node.kind === "seq") {
    node.items.forEach((item, i) => walk(ctx, item, [...path, i], depth + 1, loose));
  }
}
function looksLikeStatement(node) {
  const effect = literal2(pair(node, "Effect"));
  return (effect === "Allow" || effect === "Deny") && (pair(node, "Action") !== void 0 || pair(node, "NotAction") !== void 0) && pair(node, "Principal") === void 0 && pair(node, "NotPrincipal") === void 0;
}
function looksLikeDocument(node, isRoot) {
  const statement2 = pair(node, "Statement");
  if (!statement2 || statement2.kind !== "seq" && statement2.kind !== "map") return false;
  if (pair(node, "Version") || isRoot) return true;
  const items = statement2.kind === "seq" ? statement2.items : [statement2];
  return items.some((s) => s.kind === "map" && pair(s, "Effect") !== void 0);
}

// src/sources/serverless/variables.ts
var MAX_VARIABLE_DEPTH = 10;
var MAX_RESOLVED_LENGTH = 1e3;
var MAX_VARIABLE_STEPS = 1e3;
function resolveValue(node, scope, depth = 0, steps = { left: MAX_VARIABLE_STEPS }) {
  if (!node) return void 0;
  const text2 = literal2(node);
  if (text2 === void 0) {
    if (node.kind === "scalar" && node.value !== null && !node.tag) {
      return { ok: true, value: String(node.value) };
    }
    return { ok: false, reason: "is not a plain string" };
  }
  return resolveText(text2, scope, depth, steps);
}
function resolveText(text2, scope, depth, steps = { left: MAX_VARIABLE_STEPS }) {
  if (--steps.left < 0) {
    return { ok: false, reason: `refers to more than ${MAX_VARIABLE_STEPS} variables` };
  }
  if (depth > MAX_VARIABLE_DEPTH) {
    return {
      ok: false,
      reason: `variables nest or refer to each other more than ${MAX_VARIABLE_DEPTH} deep`
    };
  }
  let out = "";
  let i = 0;
  while (i < text2.length) {
    const start = text2.indexOf("${", i);
    if (start < 0) {
      out += text2.slice(i);
      break;
    }
    out += text2.slice(i, start);
    const end = closingBrace(text2, start + 2);
    if (end < 0) return { ok: false, reason: `${text2} has an unclosed \${` };
    const inner = resolveVariable(text2.slice(start + 2, end), scope, depth + 1, steps);
    if (!inner.ok) return inner;
    out += inner.value;
    if (out.length > MAX_RESOLVED_LENGTH) {
      return { ok: false, reason: `resolves to more than ${MAX_RESOLVED_LENGTH} characters` };
    }
    i = end + 1;
  }
  return { ok: true, value: out };
}
function closingBrace(text2, from) {
  let depth = 0;
  let quote = "";
  for (let i = from; i < text2.length; i++) {
    const c = text2[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "{") depth++;
    else if (c === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
function splitDefault(body) {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === "," && depth === 0) return [body.slice(0, i).trim(), body.slice(i + 1).trim()];
  }
  return [body.trim(), void 0];
}
function resolveVariable(body, scope, depth, steps) {
  const [reference, fallback] = splitDefault(body);
  const own = resolveReference(reference, scope, depth, steps);
  if (own.ok || fallback === void 0) return own;
  return resolveFallback(fallback, scope, depth, steps);
}
function resolveFallback(fallback, scope, depth, steps) {
  const quoted = /^(['"])(.*)\1$/s.exec(fallback);
  if (quoted) return resolveText(quoted[2], scope, depth, steps);
  if (fallback.startsWith("${")) return resolveText(fallback, scope, depth, steps);
  if (/^[a-z]+:/i.test(fallback)) return resolveVariable(fallback, scope, depth + 1, steps);
  return { ok: true, value: fallback };
}
function resolveReference(reference, scope, depth, steps) {
  const unresolvable = (why) => ({ ok: false, reason: `\${${reference}} ${why}` });
  const colon = reference.indexOf(":");
  const source2 = colon < 0 ? reference : reference.slice(0, colon);
  const address = colon < 0 ? "" : reference.slice(colon + 1).trim();
  switch (source2) {
    case "self": {
      const path = address.split(".").filter((p) => p !== "");
      const node = path.length === 0 ? scope.root : nodeAt(scope.root, path);
      if (!node) return unresolvable("names nothing in this file");
      const value = resolveValue(node, scope, depth, steps);
      if (!value) return unresolvable("names nothing in this file");
      return value.ok ? value : unresolvable(value.reason);
    }
    case "sls":
      if (address === "stage" && scope.stage !== void 0) return { ok: true, value: scope.stage };
      return unresolvable("is known only when the service is deployed");
    case "aws":
      if (address === "region" && scope.region !== void 0)
        return { ok: true, value: scope.region };
      return unresolvable("is known only when the service is deployed");
    case "opt":
    case "env":
      return unresolvable("is given when the service is deployed, and has no default here");
    default:
      return unresolvable("cannot be resolved from this file");
  }
}

// src/sources/serverless/find.ts
function isServerlessFile(file) {
  return /(^|\/)serverless\.ya?ml$/i.test(file);
}
var DEFAULT_STAGE = "dev";
var DEFAULT_REGION = "us-east-1";
var MAX_ROLE_NAME = 64;
var PLUGIN = "serverless-iam-roles-per-function";
function findInServerless(ctx, root, repositoryPath) {
  const includes = [];
  const provider = pair(root, "provider");
  const functions = pair(root, "functions");
  const resources = pair(root, "resources");
  const base = { root };
  const stage = resolveValue(pair(provider, "stage"), base) ?? { ok: true, value: DEFAULT_STAGE };
  const region = resolveValue(pair(provider, "region"), base) ?? { ok: true, value: DEFAULT_REGION };
  const scope = {
    root,
    ...stage.ok ? { stage: stage.value } : {},
    ...region.ok ? { region: region.value } : {}
  };
  if (resources?.kind === "map") {
    const first = ctx.policies.length;
    findInTemplate(ctx, resources, ["resources"]);
    for (let i = first; i < ctx.policies.length; i++) {
      const location2 = ctx.policies[i];
      ctx.policies[i] = {
        ...location2,
        attachments: location2.attachments.map((a) => resolveAttachment(a, scope))
      };
    }
  }
  const serviceNode = pair(root, "service");
  const service = resolveValue(
    serviceNode?.kind === "map" ? pair(serviceNode, "name") : serviceNode,
    scope
  ) ?? {
    ok: false,
    reason: "the file names no service"
  };
  const iamRole = nodeAt(root, ["provider", "iam", "role"]);
  const perFunctionMode = literal2(pair(iamRole, "mode")) === "perFunction";
  const existingRole = (iamRole && iamRole.kind !== "map" ? iamRole : void 0) ?? pair(provider, "role");
  const customInherit = nodeAt(root, ["custom", PLUGIN, "defaultInherit"]);
  const defaultInherit = customInherit?.kind === "scalar" ? customInherit.value === true : perFunctionMode;
  const fnEntries = functions?.kind === "map" ? functions.pairs : [];
  const ownRole = (fn) => !pair(fn, "role") && (perFunctionMode || pair(fn, "iamRoleStatements") !== void 0 || nodeAt(fn, ["iam", "role", "statements"]) !== void 0 || hasItems(nodeAt(fn, ["iam", "role", "managedPolicies"])));
  const sharedUsers = fnEntries.filter((f) => !pair(f.value, "role") && !ownRole(f.value));
  const sharedExists = existingRole === void 0 && !perFunctionMode && fnEntries.some((f) => !pair(f.value, "role"));
  const named = (what, name, derivation, path) => name.ok ? { type: "role", name: name.value, derivation, ...path !== void 0 ? { path } : {} } : { type: "role", unresolved: `${what}: ${name.reason}` };
  const rolePath = literal2(pair(iamRole, "path"));
  const sharedName = pair(iamRole, "name") ? resolveValue(pair(iamRole, "name"), scope) : joinParts([service, stage, region, { ok: true, value: "lambdaRole" }]);
  const serviceLabel = service.ok ? service.value : "the service";
  const shared = {
    attachment: named(
      "the shared role of the service",
      sharedName,
      `the role the Serverless Framework creates for the functions of ${serviceLabel} (${sharedName.ok ? sharedName.value : "its name"}), used by ${sharedUsers.length === fnEntries.length && fnEntries.length > 0 ? `every function (${fnEntries.map((f) => f.key).join(", ")})` : sharedUsers.length > 0 ? `the functions ${sharedUsers.map((f) => f.key).join(", ")}` : "no function"}: refined with that role's findings`,
      rolePath
    )
  };
  const functionRole = (fnName, fn) => {
    const explicit = nodeAt(fn, ["iam", "role", "name"]) ?? pair(fn, "iamRoleStatementsName");
    if (explicit) {
      return {
        attachment: named(
          `the role of function ${fnName}`,
          resolveValue(explicit, scope),
          `the role the Serverless Framework creates for function ${fnName}, named in the file`
        )
      };
    }
    if (pair(iamRole, "name")) {
      return {
        attachment: {
          type: "role",
          unresolved: `function ${fnName}: the framework cannot name a per-function role when provider.iam.role.name is set (it stops the deployment); name it with iam.role.name`
        }
      };
    }
    const name = functionRoleName(service, stage, fnName, region);
    return {
      attachment: named(
        `the role of function ${fnName}`,
        name,
        `the role the Serverless Framework creates for function ${fnName} (${name.ok ? name.value : "its name"})`,
        literal2(nodeAt(fn, ["iam", "role", "path"])) ?? rolePath
      )
    };
  };
  const providerStatements = [];
  const newShape = nodeAt(root, ["provider", "iam", "role", "statements"]);
  if (newShape && iamRole?.kind === "map") {
    providerStatements.push({ node: newShape, path: ["provider", "iam", "role", "statements"] });
  }
  const legacy = pair(provider, "iamRoleStatements");
  if (legacy) providerStatements.push({ node: legacy, path: ["provider", "iamRoleStatements"] });
  const inheriting = fnEntries.filter((f) => {
    if (!ownRole(f.value)) return false;
    const flag = nodeAt(f.value, ["iam", "inheritStatements"]) ?? pair(f.value, "iamRoleStatementsInherit");
    return flag?.kind === "scalar" ? flag.value === true : defaultInherit;
  });
  for (const { node, path } of providerStatements) {
    if (existingRole) {
      note(
        ctx,
        node,
        path,
        `provider ${pair(provider, "role") ? "role" : "iam.role"} names an existing role, so the framework ignores these statements; not refined`
      );
      continue;
    }
    const attachments = [
      ...sharedExists ? [shared.attachment] : [],
      ...inheriting.map((f) => functionRole(f.key, f.value).attachment)
    ];
    if (attachments.length === 0) {
      note(ctx, node, path, "no function uses the role these statements are for; not refined");
      continue;
    }
    statements(ctx, node, path, "serverless-provider", attachments, repositoryPath, scope, includes);
  }
  managedPolicies(ctx, nodeAt(root, ["provider", "iam", "role", "managedPolicies"]), [
    "provider",
    "iam",
    "role",
    "managedPolicies"
  ]);
  managedPolicies(ctx, pair(provider, "iamManagedPolicies"), ["provider", "iamManagedPolicies"]);
  for (const f of fnEntries) {
    const fnPath = ["functions", f.key];
    const own = [
      {
        node: nodeAt(f.value, ["iam", "role", "statements"]),
        path: [...fnPath, "iam", "role", "statements"]
      },
      { node: pair(f.value, "iamRoleStatements"), path: [...fnPath, "iamRoleStatements"] }
    ];
    managedPolicies(ctx, nodeAt(f.value, ["iam", "role", "managedPolicies"]), [
      ...fnPath,
      "iam",
      "role",
      "managedPolicies"
    ]);
    for (const { node, path } of own) {
      if (!node) continue;
      if (pair(f.value, "role")) {
        note(
          ctx,
          node,
          path,
          `function ${f.key} has a role, so these statements are not used; not refined`
        );
        continue;
      }
      const role = functionRole(f.key, f.value);
      statements(
        ctx,
        node,
        path,
        "serverless-function",
        [role.attachment],
        repositoryPath,
        scope,
        includes
      );
    }
  }
  return includes;
}
function resolveAttachment(a, scope) {
  if (a.name === void 0 || !a.name.includes("${")) return a;
  const resolved = resolveText(a.name, scope, 0);
  const { name: _name, ...rest } = a;
  return resolved.ok ? { ...a, name: resolved.value } : { ...rest, unresolved: `the ${a.type} name ${a.name}: ${resolved.reason}` };
}
function functionRoleName(service, stage, fn, region) {
  const parts = [service, stage, { ok: true, value: fn }, region];
  const bare = joinParts(parts);
  if (!bare.ok) return bare;
  const full = `${bare.value}-lambdaRole`;
  if (full.length <= MAX_ROLE_NAME) return { ok: true, value: full };
  if (bare.value.length <= MAX_ROLE_NAME) return bare;
  return {
    ok: false,
    reason: `the generated name ${bare.value} is over ${MAX_ROLE_NAME} characters, so the framework refuses to deploy it`
  };
}
function joinParts(parts) {
  const values = [];
  for (const p of parts) {
    if (!p.ok) return p;
    values.push(p.value);
  }
  return { ok: true, value: values.join("-") };
}
function hasItems(node) {
  return node?.kind === "seq" && node.items.length > 0;
}
function managedPolicies(ctx, node, path) {
  if (!node) return;
  const items = node.kind === "seq" ? node.items : [node];
  items.forEach((item, i) => {
    const name = literal2(item) ?? `given by ${describeIntrinsic(item)}`;
    note(
      ctx,
      item,
      node.kind === "seq" ? [...path, i] : path,
      `managed policy ${name}: attached by ARN, its statements live in the managed policy; not refinable here`
    );
  });
}
var FILE_VARIABLE = /^\$\{file\(([^()]+)\)(?::([^}]*))?\}$/;
function statements(ctx, node, path, kind, attachments, repositoryPath, scope, includes) {
  const quota = QUOTAS.role;
  const include = (value, at2, holds) => {
    const text2 = literal2(value);
    if (text2 === void 0 || !text2.includes("${")) return false;
    const m = FILE_VARIABLE.exec(text2.trim());
    if (!m) {
      note(
        ctx,
        value,
        at2,
        `the statements are given by the variable ${text2}, which iam-refine does not resolve; not checked`,
        true
      );
      return true;
    }
    const target = resolveText(m[1].trim(), scope, 0);
    const file = target.ok ? includedPath(repositoryPath, target.value) : void 0;
    if (!target.ok || file === void 0) {
      note(
        ctx,
        value,
        at2,
        target.ok ? `the statements are included from ${target.value}, which is outside the repository; not checked` : `the statements are included from a file whose name cannot be resolved (${target.reason}); not checked`,
        true
      );
      return true;
    }
    const { line: line2 } = ctx.lines.position(value.start);
    includes.push({
      file,
      selector: (m[2] ?? "").split(".").map((s) => s.trim()).filter((s) => s !== ""),
      holds,
      kind,
      quota,
      attachments,
      from: { file: ctx.file, line: line2, pointer: pointerOf(at2) }
    });
    note(
      ctx,
      value,
      at2,
      `the statements are included from ${file}, refined where that file is read`
    );
    return true;
  };
  if (include(node, path, "list")) return;
  if (node.kind === "seq" && !node.tag) {
    const literalItems = node.items.filter((item, i) => !include(item, [...path, i], "entry"));
    if (literalItems.length === 0 && node.items.length > 0) return;
    if (literalItems.length !== node.items.length) {
      note(
        ctx,
        node,
        path,
        "the list mixes included and written statements: the written ones are refined without the included ones"
      );
    }
  }
  addStatementList(ctx, node, path, kind, { quota, attachments });
}
function includedPath(including, target) {
  if (target.startsWith("/") || /^[A-Za-z]:/.test(target) || target.includes("\\")) return void 0;
  const parts = including.split("/").slice(0, -1);
  for (const part of target.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return void 0;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length > 0 ? parts.join("/") : void 0;
}
function findIncluded(ctx, root, include) {
  const node = include.selector.length === 0 ? root : nodeAt(root, include.selector);
  if (!node) {
    note(
      ctx,
      root,
      [],
      `${include.from.file}:${include.from.line} includes ${include.selector.join(".") || "this file"}, which it does not hold; not checked`,
      true
    );
    return;
  }
  addStatementList(ctx, node, include.selector, include.kind, {
    quota: include.quota,
    attachments: include.attachments
  });
}

// src/sources/edit-plan.ts
var EditRefusal = class extends Error {
};
function answerBeforeEditing(location2, refinement) {
  if (!refinement.changed) return { edits: [] };
  if (refinement.unusedPolicy) {
    return {
      refused: "no statement is left: detach or delete the policy rather than keep an empty one"
    };
  }
  if (location2.notEditable.length > 0) return { refused: location2.notEditable.join("; ") };
  return void 0;
}
function editSafely(work) {
  try {
    return work();
  } catch (error) {
    if (error instanceof EditRefusal) return { refused: `cannot edit safely: ${error.message}` };
    throw error;
  }
}
var KEEP = { kind: "keep" };
function planEntries(result) {
  const byEntry = /* @__PURE__ */ new Map();
  for (const c of result.changes) byEntry.set(c.entry, c);
  const placed = /* @__PURE__ */ new Set();
  const planned = [];
  const ops = result.before.map((entry) => {
    const change = byEntry.get(entry);
    if (!change) {
      planned.push(entry);
      return KEEP;
    }
    if (change.kind === "removed") return { kind: "delete" };
    const by = change.by.filter((e) => {
      const f = e.toLowerCase();
      if (placed.has(f)) return false;
      placed.add(f);
      return true;
    });
    planned.push(...by);
    return by.length === 0 ? { kind: "delete" } : { kind: "replace", by };
  });
  if (planned.length !== result.after.length || planned.some((e, i) => e !== result.after[i])) {
    throw new EditRefusal("the refined entries do not follow from the changes");
  }
  return ops;
}

// src/sources/text-edit.ts
function applyEdits(source2, edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at2 = 0;
  for (const edit of sorted) {
    if (edit.start < at2 || edit.end < edit.start || edit.end > source2.length) {
      throw new RangeError(`overlapping or out-of-range edit at ${edit.start}-${edit.end}`);
    }
    out += source2.slice(at2, edit.start) + edit.text;
    at2 = edit.end;
  }
  return out + source2.slice(at2);
}

// src/sources/document/render.ts
function renderEdits(text2, location2, refinement, parsedTree) {
  const before = answerBeforeEditing(location2, refinement);
  if (before) return before;
  if (location2.syntax === "hcl") return { refused: "not a JSON or YAML policy" };
  const tree = treeOf(text2, location2.syntax, parsedTree);
  if ("refused" in tree) return tree;
  return editSafely(() => {
    const edits = buildEdits(tree, location2, refinement);
    checkInsidePolicy(tree, location2, edits);
    return { edits };
  });
}
function verifyFileEdits(text2, syntax, changes, edits, refind, parsedTree) {
  const tree = treeOf(text2, syntax, parsedTree);
  if ("refused" in tree) return tree.refused;
  return editSafely(() => verifyAll(tree, changes, edits, refind))?.refused;
}
function treeOf(text2, syntax, tree) {
  if (tree && tree.text === text2 && tree.syntax === syntax) return tree;
  const parsed = parseSource(text2, syntax);
  return parsed.ok ? parsed.tree : { refused: `the file does not parse (${parsed.message})` };
}
function buildEdits(tree, location2, refinement) {
  const ctx = { tree, text: tree.text, edits: [] };
  const { statementNode, actionNode } = statementsAt(tree, location2);
  const items = statementNode.kind === "seq" ? statementNode.items : [statementNode];
  const removed = [];
  const refinedDoc = refinement.document;
  const refinedStatements = Array.isArray(refinedDoc.Statement) ? refinedDoc.Statement : [refinedDoc.Statement];
  let k = 0;
  for (const result of refinement.statements) {
    if (result.status !== "removed" && result.status !== "refined") {
      k++;
      continue;
    }
    const where = location2.statements[result.index];
    if (where?.notEditable) throw new EditRefusal(where.notEditable);
    if (result.status === "removed") {
      removed.push(result.index);
      continue;
    }
    const item = items[result.index];
    const refined = refinedStatements[k++];
    if (item?.kind !== "map" || refined === void 0) {
      throw new EditRefusal(`statement #${result.index + 1} is not where it was found`);
    }
    actionEdits(ctx, item, result, refined.Action, actionNode);
  }
  if (removed.length > 0) {
    if (statementNode.kind !== "seq") throw new EditRefusal("Statement is one object");
    const ops = items.map((_, i) => removed.includes(i) ? { kind: "delete" } : KEEP);
    listEdits(ctx, statementNode, ops, (i) => i);
  }
  return ctx.edits;
}
function statementsAt(tree, location2) {
  const node = nodeAt(tree.root, location2.path);
  const gone = () => {
    throw new EditRefusal("the policy is no longer where it was found");
  };
  switch (location2.form ?? "document") {
    case "document": {
      if (node?.kind !== "map") return gone();
      const statementNode = pair(node, "Statement");
      if (!statementNode) throw new EditRefusal("the policy has no Statement");
      return { statementNode };
    }
    case "statements":
    case "statement":
      return node ? { statementNode: node } : gone();
    case "action": {
      const statement2 = location2.statementPath && nodeAt(tree.root, location2.statementPath);
      return node && statement2 ? { statementNode: statement2, actionNode: node } : gone();
    }
  }
}
function valueAtPath(location2, document) {
  const statement2 = document.Statement;
  switch (location2.form ?? "document") {
    case "document":
      return document;
    case "statements":
    case "statement":
      return statement2;
    case "action":
      return statement2.Action;
  }
}
function actionEdits(ctx, statement2, result, action, branch) {
  const node = branch ?? pair(statement2, "Action");
  if (!node) throw new EditRefusal(`statement #${result.index + 1} has no Action`);
  const index = result.index;
  if (node.kind === "scalar" && typeof node.value === "string" && !node.tag) {
    if (typeof action === "string") {
      push(ctx, index, node.start, node.end, scalarText(ctx, action, node.style, inFlow(statement2)));
      return;
    }
    if (!Array.isArray(action))
      throw new EditRefusal("the refined Action is neither a string nor a list");
    if (branch) {
      const texts = action.map((v) => scalarText(ctx, String(v), node.style, true));
      push(ctx, index, node.start, node.end, `[${texts.join(", ")}]`);
      return;
    }
    stringToList(ctx, statement2, node, action, index);
    return;
  }
  if (node.kind !== "seq" || node.tag) throw new EditRefusal("Action is neither a string nor a list");
  const ops = planEntries(result);
  listEdits(ctx, node, ops, () => index);
}
function push(ctx, statement2, start, end, text2) {
  ctx.edits.push({ start, end, text: text2, statement: statement2 });
}
function listEdits(ctx, seq2, ops, statementOf) {
  if (ops.length !== seq2.items.length) throw new EditRefusal("the list changed its length");
  const block = ctx.tree.syntax === "yaml" && !seq2.flow;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.kind === "replace") {
      const item = seq2.items[i];
      const style = item.kind === "scalar" ? item.style : "plain";
      const texts = op.by.map((v) => scalarText(ctx, v, style, !block));
      const sep2 = block ? blockSeparator(ctx, item) : flowSeparator(ctx, seq2, i);
      push(ctx, statementOf(i), item.start, item.end, texts.join(sep2));
    } else if (op.kind === "delete") {
      let j = i;
      while (j + 1 < ops.length && ops[j + 1].kind === "delete") j++;
      if (block) deleteBlockRun(ctx, seq2, i, j, statementOf(i));
      else deleteFlowRun(ctx, seq2, i, j, statementOf(i));
      i = j;
    }
  }
}
function deleteBlockRun(ctx, seq2, a, b, statement2) {
  const ranges = [];
  for (let i = a; i <= b; i++) {
    const item = seq2.items[i];
    ranges.push([lineStart(ctx.text, dashOf(ctx, item)), lineEndAfter(ctx.text, item.end)]);
  }
  deleteLines(ctx, statement2, ranges);
}
function deleteLines(ctx, statement2, ranges) {
  const merged = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && last[1] === start) last[1] = end;
    else merged.push([start, end]);
  }
  for (const range of merged) {
    if (range[1] === ctx.text.length && !ctx.text.endsWith("\n") && range[0] > 0) {
      range[0] -= ctx.text[range[0] - 2] === "\r" ? 2 : 1;
    }
    push(ctx, statement2, range[0], range[1], "");
  }
}
function deleteFlowRun(ctx, seq2, a, b, statement2) {
  const items = seq2.items;
  const first = items[a];
  const last = items[b];
  const next = items[b + 1];
  const prev = items[a - 1];
  let ownLines = true;
  for (let i = a; i <= b; i++) ownLines &&= onOwnLines(ctx, items[i]);
  if (ownLines) {
    const ranges = [];
    for (let i = a; i <= b; i++) {
      const item = items[i];
      ranges.push([lineStart(ctx.text, item.start), skipTrailing(ctx, item.end).lineEnd]);
    }
    deleteLines(ctx, statement2, ranges);
    const afterLast = skipTrailing(ctx, last.end);
    if (!next && prev && !afterLast.comma) {
      const comma = commaAfter(ctx.text, prev.end);
      if (comma < 0) throw new EditRefusal("cannot find the comma after an entry");
      push(ctx, statement2, comma, comma + 1, "");
    }
    return;
  }
  let start;
  let end;
  if (next) [start, end] = [first.start, next.start];
  else if (prev) [start, end] = [prev.end, last.end];
  else [start, end] = [first.start, last.end];
  if (hasComment(ctx, start, end)) throw new EditRefusal("a comment inside the list would be lost");
  push(ctx, statement2, start, end, "");
}
function stringToList(ctx, statement2, node, entries, index) {
  const flow = ctx.tree.syntax === "json" || inFlow(statement2);
  const texts = entries.map((v) => scalarText(ctx, v, node.style, flow));
  const key = statement2.pairs.find((p) => p.key === "Action");
  if (!key) throw new EditRefusal("Action has no key");
  if (flow) {
    const sep2 = ctx.text[node.start - 1] === ":" ? "," : ", ";
    push(ctx, index, node.start, node.end, flowList(ctx, statement2, key.keyStart, texts, sep2));
    return;
  }
  const keyColumn = key.keyStart - lineStart(ctx.text, key.keyStart);
  const indent = " ".repeat(keyColumn + sequenceOffset(ctx));
  let start = node.start;
  while (start > key.keyEnd && (ctx.text[start - 1] === " " || ctx.text[start - 1] === "	")) {
    start--;
  }
  if (ctx.text[start - 1] !== ":") throw new EditRefusal("Action is not on its key\u2019s line");
  const eol = ctx.tree.eol;
  push(ctx, index, start, node.end, texts.map((t) => `${eol}${indent}- ${t}`).join(""));
}
var MAX_INLINE_LIST = 120;
function flowList(ctx, statement2, keyStart, texts, inlineSeparator) {
  const keyLine = lineStart(ctx.text, keyStart);
  const keyIndent = /^[ \t]*/.exec(ctx.text.slice(keyLine, keyStart))?.[0] ?? "";
  const ownLine = keyIndent.length === keyStart - keyLine;
  const inline = `[${texts.join(inlineSeparator)}]`;
  if (!ownLine && inline.length <= MAX_INLINE_LIST) return inline;
  const statementLine = lineStart(ctx.text, statement2.start);
  const outer = /^[ \t]*/.exec(ctx.text.slice(statementLine))?.[0] ?? "";
  const step = ownLine && statementLine !== keyLine && keyIndent.length > outer.length ? keyIndent.slice(outer.length) : "  ";
  const eol = ctx.tree.eol;
  const closing = ctx.tree.syntax === "yaml" && !ownLine ? `${keyIndent}${step}` : keyIndent;
  return `[${texts.map((t) => `${eol}${keyIndent}${step}${t}`).join(",")}${eol}${closing}]`;
}
function sequenceOffset(ctx) {
  let found;
  const visit3 = (node, depth) => {
    if (found !== void 0 || depth > 64) return;
    if (node.kind === "map" && !node.flow) {
      for (const p of node.pairs) {
        const v = p.value;
        if (v.kind === "seq" && !v.flow && v.items.length > 0) {
          const dash = ctx.text.lastIndexOf("-", v.items[0].start);
          const keyColumn = p.keyStart - lineStart(ctx.text, p.keyStart);
          const dashColumn = dash - lineStart(ctx.text, dash);
          if (dash >= 0 && dashColumn >= keyColumn) {
            found = dashColumn - keyColumn;
            return;
          }
        }
        visit3(v, depth + 1);
      }
    } else if (node.kind === "seq") node.items.forEach((i) => visit3(i, depth + 1));
  };
  visit3(ctx.tree.root, 0);
  return found ?? 2;
}
function blockSeparator(ctx, item) {
  const dash = dashOf(ctx, item);
  return `${ctx.tree.eol}${ctx.text.slice(lineStart(ctx.text, dash), dash)}- `;
}
function flowSeparator(ctx, seq2, i) {
  const item = seq2.items[i];
  if (onOwnLines(ctx, item)) {
    return `,${ctx.tree.eol}${ctx.text.slice(lineStart(ctx.text, item.start), item.start)}`;
  }
  const [a, b] = seq2.items;
  if (a && b) {
    const between = ctx.text.slice(a.end, b.start);
    const m = /^[ \t]*,([ \t]*)$/.exec(between);
    if (m) return `,${m[1]}`;
  }
  return ", ";
}
function dashOf(ctx, item) {
  let i = item.start - 1;
  while (i >= 0 && /\s/.test(ctx.text[i])) i--;
  if (ctx.text[i] !== "-") throw new EditRefusal("a list entry has properties or a comment before it");
  const start = lineStart(ctx.text, i);
  if (!/^[ \t]*$/.test(ctx.text.slice(start, i))) {
    throw new EditRefusal("a list entry shares its line with another");
  }
  return i;
}
function onOwnLines(ctx, item) {
  const before = ctx.text.slice(lineStart(ctx.text, item.start), item.start);
  if (!/^[ \t]*$/.test(before)) return false;
  return skipTrailing(ctx, item.end).ownLine;
}
function skipTrailing(ctx, from) {
  const text2 = ctx.text;
  let i = from;
  while (text2[i] === " " || text2[i] === "	") i++;
  const comma = text2[i] === ",";
  if (comma) i++;
  while (text2[i] === " " || text2[i] === "	") i++;
  const json = ctx.tree.syntax === "json";
  if (json && text2.startsWith("//", i) || !json && text2[i] === "#" && i > from) {
    const e = text2.indexOf("\n", i);
    i = e < 0 ? text2.length : e;
  }
  if (text2[i] === "\r") i++;
  if (text2[i] === "\n") return { ownLine: true, comma, lineEnd: i + 1 };
  return { ownLine: false, comma, lineEnd: i };
}
function commaAfter(text2, from) {
  let i = from;
  while (i < text2.length && /\s/.test(text2[i])) i++;
  return text2[i] === "," ? i : -1;
}
function hasComment(ctx, start, end) {
  const text2 = ctx.text;
  const json = ctx.tree.syntax === "json";
  for (let i = start; i < end; i++) {
    const c = text2[i];
    if (c === '"' || !json && c === "'") {
      for (i++; i < end && text2[i] !== c; i++) if (c === '"' && text2[i] === "\\") i++;
    } else if (json && c === "/" && (text2[i + 1] === "/" || text2[i + 1] === "*")) return true;
    else if (!json && c === "#" && (i === 0 || /\s/.test(text2[i - 1]))) return true;
  }
  return false;
}
function lineStart(text2, offset) {
  return text2.lastIndexOf("\n", offset - 1) + 1;
}
function lineEndAfter(text2, offset) {
  if (offset > 0 && text2[offset - 1] === "\n") return offset;
  const e = text2.indexOf("\n", offset);
  return e < 0 ? text2.length : e + 1;
}
function inFlow(node) {
  return node.flow;
}
var PLAIN_SAFE = /^[A-Za-z][A-Za-z0-9-]*:[A-Za-z0-9*?_.-]+$/;
function scalarText(ctx, value, style, flow) {
  if (ctx.tree.syntax === "json" || style === "double") return JSON.stringify(value);
  if (style === "plain" && PLAIN_SAFE.test(value) && !(flow && /[,[\]{}]/.test(value))) return value;
  return `'${value.replace(/'/g, "''")}'`;
}
function checkInsidePolicy(tree, location2, edits) {
  const doc = nodeAt(tree.root, location2.path);
  if (!doc) throw new EditRefusal("the policy is no longer where it was found");
  const from = lineStart(tree.text, doc.start);
  const to = lineEndAfter(tree.text, doc.end);
  if (edits.some((e) => e.start < from || e.end > to)) {
    throw new EditRefusal("an edit falls outside the policy");
  }
}
function verifyAll(tree, changes, edits, refind) {
  let next;
  try {
    next = applyEdits(tree.text, edits);
  } catch {
    throw new EditRefusal("the edits overlap");
  }
  const reparsed = parseSource(next, tree.syntax);
  if (!reparsed.ok) throw new EditRefusal(`the edited file would not parse (${reparsed.message})`);
  const found = refind(reparsed.tree, changes[0]?.location.file ?? "");
  let expected = toValue(tree.root, valueBudget(tree.text));
  const ordered = [...changes].sort((a, b) => a.location.path.length - b.location.path.length);
  for (const change of ordered) {
    const { location: location2, document } = change;
    const path = movedPath(location2.path, ordered);
    const again = found.policies.find((p) => p.pointer === pointerOf(path));
    if (!again) throw new EditRefusal("the edited policy is no longer found");
    const holdsAnother = changes.some(
      (other) => other.location !== location2 && isInside(other.location.path, location2.path)
    );
    if (!holdsAnother && JSON.stringify(again.document) !== JSON.stringify(document)) {
      throw new EditRefusal("the edited policy would not equal the refinement");
    }
    expected = replaceAt(expected, path, valueAtPath(location2, document));
  }
  const actual = toValue(reparsed.tree.root, valueBudget(next));
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new EditRefusal("the edits would change something outside the refined statements");
  }
}
function movedPath(path, changes) {
  const moved = [...path];
  for (const outer of changes) {
    const removed = outer.removed ?? [];
    if (removed.length === 0 || !isInside(path, outer.location.path)) continue;
    const list2 = (outer.location.form ?? "document") === "document" ? [...outer.location.path, "Statement"] : outer.location.path;
    if (!list2.every((step, i) => path[i] === step)) continue;
    const index = path[list2.length];
    if (typeof index !== "number") continue;
    moved[list2.length] = index - removed.filter((r) => r < index).length;
  }
  return moved;
}
function isInside(path, outer) {
  return path.length > outer.length && outer.every((step, i) => path[i] === step);
}
function replaceAt(value, path, replacement) {
  if (path.length === 0) return replacement;
  const [step, ...rest] = path;
  if (Array.isArray(value) && typeof step === "number") {
    const copy = [...value];
    copy[step] = replaceAt(copy[step], rest, replacement);
    return copy;
  }
  if (value !== null && typeof value === "object" && typeof step === "string") {
    const copy = {};
    for (const [k, v] of Object.entries(value)) {
      const next = k === step ? replaceAt(v, rest, replacement) : v;
      Object.defineProperty(copy, k, {
        value: next,
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
    return copy;
  }
  throw new EditRefusal("the policy path does not lead to the policy");
}

// src/sources/document/scan.ts
function scanDocument(text2, file, options = {}) {
  const { scan, tree } = scanText(text2, file, options);
  const refind = (t, f) => findInTree(t, f, options);
  return {
    scan,
    render: (location2, refinement) => renderEdits(text2, location2, refinement, tree),
    prove: (changes, edits) => verifyFileEdits(text2, tree?.syntax ?? "json", changes, edits, refind, tree)
  };
}
var POLICY_WORDS = ["Statement", "statements", "Effect", "AWS::Serverless", "ManagedPolicyArns"];
var MAY_HIDE_WORDS = /binary|^%/m;
function scanText(text2, file, options) {
  const empty = { file, policies: [], notes: [] };
  if (text2.includes("\0")) {
    return {
      scan: { ...empty, status: "skipped", message: "is binary (it holds NUL bytes); not read" }
    };
  }
  const included = (options.included ?? []).length > 0;
  if (!included && !POLICY_WORDS.some((w) => text2.includes(w)) && !text2.includes("\\") && !MAY_HIDE_WORDS.test(text2)) {
    return { scan: { ...empty, status: "none" } };
  }
  let syntax = detectSyntax(text2);
  let parsed = parseSource(text2, syntax);
  if (!parsed.ok && syntax === "json") {
    const yaml = parseSource(text2, "yaml");
    if (yaml.ok || yaml.wellFormed) [parsed, syntax] = [yaml, "yaml"];
  }
  if (!parsed.ok) {
    if (!included && !parsed.wellFormed && !looksLikePolicy(text2) && !isServerlessFile(file)) {
      return { scan: { ...empty, status: "none" } };
    }
    const { line: line2, column } = new LineIndex(text2).position(parsed.offset);
    const status = parsed.message.includes("nested more than") ? "skipped" : "malformed";
    return { scan: { ...empty, status, syntax, message: parsed.message, line: line2, column } };
  }
  try {
    const found = findInTree(parsed.tree, file, options);
    if (found.policies.length === 0 && found.notes.length === 0 && !found.template) {
      return { scan: { ...empty, status: "none", syntax } };
    }
    const { includes, ...rest } = found;
    return {
      scan: {
        file,
        status: "policies",
        syntax,
        ...rest,
        ...includes.length > 0 ? { includes } : {}
      },
      tree: parsed.tree
    };
  } catch (error) {
    if (error instanceof ExpansionError) {
      return { scan: { ...empty, status: "skipped", syntax, message: error.message } };
    }
    throw error;
  }
}
function looksLikePolicy(text2) {
  const escaped = /\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\U[0-9a-fA-F]{8}|\\\r?\n/.test(text2);
  return (/\bStatement\b|ManagedPolicyArns|AWS::Serverless/.test(text2) || escaped) && (/\bEffect\b/.test(text2) || /AWS::/.test(text2) || /AWSTemplateFormatVersion/.test(text2) || escaped);
}
function findInTree(tree, file, options = {}) {
  const ctx = findContext(tree, file);
  const included = options.included ?? [];
  let includes = [];
  let template = false;
  if (included.length > 0) {
    for (const include of included) findIncluded(ctx, tree.root, include);
  } else if (isServerlessFile(file) && tree.root.kind === "map") {
    includes = findInServerless(ctx, tree.root, options.path ?? file);
    template = true;
  } else {
    template = isTemplate(tree.root);
    if (template) findInTemplate(ctx, tree.root);
    else findDocuments(ctx, tree.root);
  }
  return { policies: ctx.policies, notes: ctx.notes, template, includes };
}

// src/sources/terraform/hcl.ts
var MAX_HCL_DEPTH = 200;
function isBlock2(item) {
  return "body" in item;
}
function attribute(body, name) {
  let found;
  for (const item of body.items) if (!isBlock2(item) && item.name === name) found = item;
  return found;
}
function blocks(body, type) {
  return body.items.filter((i) => isBlock2(i) && i.type === type);
}
function parseHcl(parser, text2) {
  const tree = parser.parse(text2);
  if (!tree) return { ok: false, message: "could not be parsed", offset: 0 };
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      return {
        ok: false,
        message: bad?.isMissing ? `is not valid Terraform (a ${bad.type} is missing)` : "is not valid Terraform (a syntax error)",
        offset: bad?.startIndex ?? 0
      };
    }
    const converter = new Converter(text2);
    const bodyNode = root.namedChildren.find((c) => c?.type === "body");
    const body = bodyNode ? converter.body(bodyNode, 0) : { items: [] };
    return { ok: true, file: { text: text2, body, eol: eolOf2(text2) } };
  } catch (error) {
    if (error instanceof DepthError) {
      return {
        ok: false,
        message: `is nested more than ${MAX_HCL_DEPTH} levels deep; not read`,
        offset: 0
      };
    }
    throw error;
  } finally {
    tree.delete();
  }
}
function firstError(node) {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing)) return firstError(child) ?? child;
  }
  return void 0;
}
function eolOf2(text2) {
  const i = text2.indexOf("\n");
  return i > 0 && text2.charCodeAt(i - 1) === 13 ? "\r\n" : "\n";
}
var DepthError = class extends Error {
};
var Converter = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
  body(node, depth) {
    const items = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "attribute") items.push(this.attribute(child, depth));
      else if (child.type === "block") items.push(this.block(child, depth));
    }
    return { items };
  }
  attribute(node, depth) {
    const [name, value] = node.namedChildren.filter((c) => c?.type !== "comment");
    return {
      name: name?.text ?? "",
      nameStart: name?.startIndex ?? node.startIndex,
      value: value ? this.expression(value, depth + 1) : this.other(node),
      start: node.startIndex,
      end: node.endIndex
    };
  }
  block(node, depth) {
    if (depth > MAX_HCL_DEPTH) throw new DepthError();
    let type = "";
    const labels = [];
    let body = { items: [] };
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "identifier") {
        if (type === "") type = child.text;
        else labels.push(child.text);
      } else if (child.type === "string_lit") labels.push(this.stringValue(child));
      else if (child.type === "body") body = this.body(child, depth + 1);
    }
    return { type, labels, body, start: node.startIndex, end: node.endIndex };
  }
  /** An `expression` node, or one of the nodes it wraps. */
  expression(node, depth) {
    if (depth > MAX_HCL_DEPTH) throw new DepthError();
    if (node.type !== "expression") return this.term(node, depth);
    const parts = node.namedChildren.filter((c) => c && c.type !== "comment");
    const [head, ...rest] = parts;
    if (!head) return this.other(node);
    if (rest.length === 0) {
      return node.childCount > 1 ? this.wrapRange(this.expression(head, depth + 1), node) : this.term(head, depth + 1);
    }
    if (head.type !== "variable_expr") return this.other(node);
    const names = [head.text];
    for (const step of rest) {
      if (step.type === "get_attr") {
        const id = step.namedChildren.find((c) => c?.type === "identifier");
        if (!id) return this.other(node);
        names.push(id.text);
      } else if (step.type === "index" || step.type === "new_index" || step.type === "legacy_index") {
        const inner = step.type === "index" ? step.namedChildren[0] : step;
        const key = inner?.namedChildren.find((c) => c?.type === "expression");
        const legacy = inner?.type === "legacy_index" ? Number(inner.text.replace(/^\./, "")) : NaN;
        if (Number.isInteger(legacy)) {
          names.push(`[${legacy}]`);
          continue;
        }
        const value = key ? this.expression(key, depth + 1) : void 0;
        names.push(
          value?.kind === "string" || value?.kind === "number" ? `[${String(value.value)}]` : "[*]"
        );
      } else return this.other(node);
    }
    return { kind: "reference", parts: names, start: node.startIndex, end: node.endIndex };
  }
  wrapRange(expr, node) {
    return expr.kind === "other" ? { kind: "other", start: node.startIndex, end: node.endIndex } : expr;
  }
  term(node, depth) {
    const start = node.startIndex;
    const end = node.endIndex;
    switch (node.type) {
      case "literal_value":
      case "collection_value":
      case "template_expr": {
        const inner = node.namedChildren.find((c) => c && c.type !== "comment");
        return inner ? this.term(inner, depth + 1) : this.other(node);
      }
      case "string_lit":
        return { kind: "string", value: this.stringValue(node), start, end };
      case "numeric_lit": {
        const value = Number(node.text);
        return Number.isFinite(value) ? { kind: "number", value, start, end } : this.other(node);
      }
      case "bool_lit":
        return { kind: "bool", value: node.text === "true", start, end };
      case "null_lit":
        return { kind: "null", start, end };
      case "quoted_template":
        return this.template(node, depth);
      case "heredoc_template":
        return this.heredoc(node);
      case "tuple": {
        const items = node.namedChildren.filter((c) => c?.type === "expression").map((c) => this.expression(c, depth + 1));
        return { kind: "tuple", items, start, end };
      }
      case "object": {
        const elems = [];
        for (const c of node.namedChildren) {
          if (c?.type !== "object_elem") continue;
          const key = c.childForFieldName("key");
          const val = c.childForFieldName("val");
          if (!key || !val) continue;
          const k = this.expression(key, depth + 1);
          elems.push({
            key: k.kind === "string" ? k.value : k.kind === "reference" && k.parts.length === 1 ? k.parts[0] : void 0,
            keyStart: key.startIndex,
            keyEnd: key.endIndex,
            value: this.expression(val, depth + 1),
            start: c.startIndex,
            end: c.endIndex
          });
        }
        return { kind: "object", elems, start, end };
      }
      case "variable_expr":
        return { kind: "reference", parts: [node.text], start, end };
      case "function_call": {
        const name = node.namedChildren.find((c) => c?.type === "identifier")?.text ?? "";
        const argsNode = node.namedChildren.find((c) => c?.type === "function_arguments");
        const args = (argsNode?.namedChildren ?? []).filter((c) => c?.type === "expression").map((c) => this.expression(c, depth + 1));
        const expanded = argsNode?.namedChildren.some((c) => c?.type === "ellipsis") ?? false;
        return expanded ? this.other(node) : { kind: "call", name, args, start, end };
      }
      case "expression":
        return this.expression(node, depth + 1);
      default:
        return this.other(node);
    }
  }
  template(node, depth) {
    const parts = [];
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === "template_literal") parts.push({ text: unescapeHcl(c.text) });
      else if (c.type === "template_interpolation") {
        const e = c.namedChildren.find((x) => x?.type === "expression");
        if (!e || c.namedChildren.some((x) => x?.type === "strip_marker")) return this.other(node);
        parts.push({ expr: this.expression(e, depth + 1) });
      } else if (c.type === "template_directive") return this.other(node);
    }
    return { kind: "template", parts, start: node.startIndex, end: node.endIndex };
  }
  heredoc(node) {
    const open = node.namedChildren.find((c) => c?.type === "heredoc_identifier");
    const strip = node.namedChildren.find((c) => c?.type === "heredoc_start")?.text === "<<-";
    const close = node.namedChildren.filter((c) => c?.type === "heredoc_identifier").pop();
    if (!open || !close || open === close) return this.other(node);
    const text2 = this.text;
    let contentStart = text2.indexOf("\n", open.endIndex);
    contentStart = contentStart < 0 ? open.endIndex : contentStart + 1;
    const contentEnd = text2.lastIndexOf("\n", close.startIndex - 1) + 1;
    return {
      kind: "heredoc",
      strip,
      contentStart,
      contentEnd: Math.max(contentStart, contentEnd),
      start: node.startIndex,
      end: node.endIndex
    };
  }
  stringValue(node) {
    const lit = node.namedChildren.find((c) => c?.type === "template_literal");
    return lit ? unescapeHcl(lit.text) : "";
  }
  other(node) {
    return { kind: "other", start: node.startIndex, end: node.endIndex };
  }
};
function unescapeHcl(raw) {
  if (!raw.includes("\\") && !raw.includes("$${") && !raw.includes("%%{")) return raw;
  return raw.replace(
    /\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))|\$\$\{|%%\{/gs,
    (match, u4, u8, c) => {
      if (match === "$${") return "${";
      if (match === "%%{") return "%{";
      if (u4 !== void 0) return String.fromCharCode(parseInt(u4, 16));
      if (u8 !== void 0) return String.fromCodePoint(parseInt(u8, 16));
      switch (c) {
        case "n":
          return "\n";
        case "r":
          return "\r";
        case "t":
          return "	";
        default:
          return c ?? "";
      }
    }
  );
}
function hclString(value) {
  const escaped = value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t").replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
  return `"${escaped}"`;
}

// src/sources/terraform/module.ts
var MAX_CANDIDATES = 32;
var MAX_RESOLVE_DEPTH = 12;
function isTerraformPath(path) {
  return /\.(tf|tfvars)$/i.test(path) || /\.tf\.json$/i.test(path);
}
var TerraformContext = class {
  /**
   * @param files every Terraform file the edge could read, by path relative to the repository
   *   root (`/` separators)
   */
  constructor(parser, files) {
    this.parser = parser;
    this.files = files;
  }
  parser;
  files;
  parsed = /* @__PURE__ */ new Map();
  modules = /* @__PURE__ */ new Map();
  callersIndex;
  /** The parse of one text (cached by path while the text is the same). */
  parse(path, text2) {
    const hit = this.parsed.get(path);
    if (hit && hit.text === text2) return hit.outcome;
    const outcome = parseHcl(this.parser, text2);
    this.parsed.set(path, { text: text2, outcome });
    return outcome;
  }
  /** The module (folder) a file belongs to. */
  module(folder2) {
    let index = this.modules.get(folder2);
    if (!index) {
      index = this.index(folder2);
      this.modules.set(folder2, index);
    }
    return index;
  }
  /** The `module` blocks of other folders whose local `source` is this folder. */
  callers(folder2) {
    if (!this.callersIndex) {
      this.callersIndex = /* @__PURE__ */ new Map();
      const folders = new Set([...this.files.keys()].map(folderOf));
      for (const f of folders) {
        for (const call of this.module(f).calls) {
          const source2 = attribute(call.block.body, "source")?.value;
          if (source2?.kind !== "string" || !/^\.\.?(\/|$)/.test(source2.value)) continue;
          const target = joinPath(f, source2.value);
          const list2 = this.callersIndex.get(target) ?? [];
          list2.push(call);
          this.callersIndex.set(target, list2);
        }
      }
    }
    return this.callersIndex.get(folder2) ?? [];
  }
  index(folder2) {
    const resources = /* @__PURE__ */ new Map();
    const data = /* @__PURE__ */ new Map();
    const locals = /* @__PURE__ */ new Map();
    const defaults = /* @__PURE__ */ new Map();
    const tfvars = [];
    const calls = [];
    const broken = [];
    const texts = /* @__PURE__ */ new Map();
    const paths = [...this.files.keys()].filter((p) => folderOf(p) === folder2).sort();
    for (const path of paths) {
      if (/\.tf\.json$/i.test(path)) continue;
      const text2 = this.files.get(path);
      texts.set(path, text2);
      const outcome = this.parse(path, text2);
      if (!outcome.ok) {
        broken.push(path);
        continue;
      }
      if (/\.tfvars$/i.test(path)) {
        const values = /* @__PURE__ */ new Map();
        for (const item of outcome.file.body.items)
          if (!isBlock2(item)) values.set(item.name, item.value);
        tfvars.push({ file: path, values });
        continue;
      }
      indexFile(path, outcome.file, { resources, data, locals, defaults, calls });
    }
    return { folder: folder2, resources, data, locals, defaults, tfvars, calls, broken, texts };
  }
};
function indexFile(path, file, into) {
  for (const item of file.body.items) {
    if (!isBlock2(item)) continue;
    const [a, b] = item.labels;
    if (item.type === "resource" && a !== void 0 && b !== void 0) {
      into.resources.set(`${a}.${b}`, { file: path, block: item });
    } else if (item.type === "data" && a !== void 0 && b !== void 0) {
      into.data.set(`${a}.${b}`, { file: path, block: item });
    } else if (item.type === "locals") {
      for (const local of item.body.items) {
        if (!isBlock2(local)) into.locals.set(local.name, { file: path, expr: local.value });
      }
    } else if (item.type === "variable" && a !== void 0) {
      const d = attribute(item.body, "default");
      if (d) into.defaults.set(a, { file: path, expr: d.value });
    } else if (item.type === "module" && a !== void 0) {
      into.calls.push({ file: path, block: item });
    }
  }
}
function folderOf(path) {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}
function joinPath(folder2, relative2) {
  const parts = folder2 === "" ? [] : folder2.split("/");
  for (const step of relative2.split("/")) {
    if (step === "" || step === ".") continue;
    if (step === "..") parts.pop();
    else parts.push(step);
  }
  return parts.join("/");
}
var THROUGH_RANK = { literal: 0, variables: 1, module: 2 };
function merge3(a, b) {
  const values = [.../* @__PURE__ */ new Set([...a.values, ...b.values])];
  if (values.length > MAX_CANDIDATES) {
    return { ok: false, reason: `it stands for more than ${MAX_CANDIDATES} names` };
  }
  return {
    ok: true,
    values,
    through: THROUGH_RANK[a.through] >= THROUGH_RANK[b.through] ? a.through : b.through
  };
}
function resolveStrings(expr, scope, depth = 0) {
  if (depth > MAX_RESOLVE_DEPTH) return { ok: false, reason: "its value refers too deep" };
  switch (expr.kind) {
    case "string":
      return { ok: true, values: [expr.value], through: "literal" };
    case "number":
      return { ok: true, values: [String(expr.value)], through: "literal" };
    case "template": {
      let acc = { ok: true, values: [""], through: "literal" };
      for (const part of expr.parts) {
        const next = "text" in part ? { ok: true, values: [part.text], through: "literal" } : resolveStrings(part.expr, scope, depth + 1);
        if (!next.ok) return next;
        if (!acc.ok) return acc;
        const values = [];
        for (const a of acc.values) for (const b of next.values) values.push(a + b);
        if (values.length > MAX_CANDIDATES) {
          return { ok: false, reason: `it stands for more than ${MAX_CANDIDATES} names` };
        }
        acc = {
          ok: true,
          values,
          through: THROUGH_RANK[acc.through] >= THROUGH_RANK[next.through] ? acc.through : next.through
        };
      }
      return acc;
    }
    case "reference":
      return resolveReference2(expr.parts, scope, depth);
    default:
      return { ok: false, reason: `it is given by ${describeKind(expr)}` };
  }
}
function resolveReference2(parts, scope, depth) {
  const [root, name, ...rest] = parts;
  const shown = parts.join(".").replace(/\.\[/g, "[");
  if (rest.length > 0 || name === void 0) return { ok: false, reason: `it is given by ${shown}` };
  if (root === "count" && name === "index" && scope.instance?.index !== void 0) {
    return { ok: true, values: [String(scope.instance.index)], through: "variables" };
  }
  if (root === "each" && name === "key" && scope.instance?.key !== void 0) {
    return { ok: true, values: [scope.instance.key], through: "variables" };
  }
  if (root === "each" && name === "value" && scope.instance?.value !== void 0) {
    return { ok: true, values: [scope.instance.value], through: "variables" };
  }
  if (root === "local") {
    const local = scope.module.locals.get(name);
    if (!local) return { ok: false, reason: `local.${name} is not defined in this module` };
    const r = resolveStrings(local.expr, { ...scope, instance: void 0 }, depth + 1);
    return r.ok ? { ...r, through: r.through === "literal" ? "variables" : r.through } : r;
  }
  if (root === "var") return resolveVariable2(name, scope, depth);
  return { ok: false, reason: `it is given by ${shown}` };
}
function resolveVariable2(name, scope, depth) {
  const base = { context: scope.context, module: scope.module };
  if (scope.inputs) {
    const input = attribute(scope.inputs.call.block.body, name);
    if (input) {
      const r = resolveStrings(input.value, scope.inputs.scope, depth + 1);
      return r.ok ? { ...r, through: "module" } : r;
    }
  }
  let acc;
  const add = (r) => {
    if (!r.ok) return r;
    acc = acc?.ok ? merge3(acc, r) : r;
    return acc.ok ? void 0 : acc;
  };
  for (const vars of scope.module.tfvars) {
    const value = vars.values.get(name);
    if (!value) continue;
    const failed = add(resolveStrings(value, base, depth + 1));
    if (failed) return failed;
  }
  if (!acc) {
    const d = scope.module.defaults.get(name);
    if (!d) {
      return {
        ok: false,
        reason: `var.${name} has no default and no .tfvars file of the folder sets it`
      };
    }
    const failed = add(resolveStrings(d.expr, base, depth + 1));
    if (failed) return failed;
  }
  const found = acc;
  if (!found?.ok) return found ?? { ok: false, reason: `var.${name} has no value` };
  return { ...found, through: found.through === "module" ? "module" : "variables" };
}
function instancesOf(block, scope) {
  const count = attribute(block.body, "count")?.value;
  const forEach = attribute(block.body, "for_each")?.value;
  if (count) {
    const n = resolveStrings(count, scope);
    const value = n.ok && n.values.length === 1 ? Number(n.values[0]) : NaN;
    if (!Number.isInteger(value) || value < 0 || value > MAX_CANDIDATES) {
      return { ok: false, reason: "its count is not a small literal number" };
    }
    return { ok: true, instances: Array.from({ length: value }, (_, index) => ({ index })) };
  }
  if (forEach) {
    const set2 = literalCollection(forEach, scope);
    if (!set2) return { ok: false, reason: "its for_each is not a literal set or map" };
    return { ok: true, instances: set2 };
  }
  return { ok: true, instances: [{}] };
}
function literalCollection(expr, scope, depth = 0) {
  if (depth > MAX_RESOLVE_DEPTH) return void 0;
  if (expr.kind === "call" && (expr.name === "toset" || expr.name === "tomap") && expr.args[0]) {
    return literalCollection(expr.args[0], scope, depth + 1);
  }
  if (expr.kind === "reference") {
    const [root, name, ...rest] = expr.parts;
    if (rest.length > 0 || name === void 0) return void 0;
    const target = root === "local" ? scope.module.locals.get(name)?.expr : root === "var" && scope.module.tfvars.length === 0 ? scope.module.defaults.get(name)?.expr : void 0;
    return target ? literalCollection(target, scope, depth + 1) : void 0;
  }
  if (expr.kind === "tuple") {
    const out = [];
    for (const item of expr.items) {
      if (item.kind !== "string") return void 0;
      out.push({ key: item.value, value: item.value });
    }
    return out.length <= MAX_CANDIDATES ? out : void 0;
  }
  if (expr.kind === "object") {
    const out = [];
    for (const e of expr.elems) {
      if (e.key === void 0) return void 0;
      out.push({ key: e.key, ...e.value.kind === "string" ? { value: e.value.value } : {} });
    }
    return out.length <= MAX_CANDIDATES ? out : void 0;
  }
  return void 0;
}
function describeKind(expr) {
  if (expr.kind === "call") return `${expr.name}(\u2026)`;
  if (expr.kind === "reference") return expr.parts.join(".").replace(/\.\[/g, "[");
  return "an expression that is not a literal";
}
function quoteSource(source2) {
  const flat = source2.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}\u2026` : flat;
}
function scopesOf(context, folder2, depth = 0) {
  const module = context.module(folder2);
  const callers = depth > MAX_RESOLVE_DEPTH ? [] : context.callers(folder2);
  if (callers.length === 0) return [{ context, module }];
  const scopes = [];
  for (const call of callers) {
    for (const scope of scopesOf(context, folderOf(call.file), depth + 1)) {
      scopes.push({ context, module, inputs: { call, scope } });
    }
  }
  return scopes.slice(0, MAX_CANDIDATES);
}

// src/sources/terraform/registry.ts
var STATEMENT_MODULES = [
  {
    // terraform-aws-iam v6 modules/iam-role: an inline policy from `inline_policy_permissions`
    // when `create_inline_policy`; the role is `name_prefix = "${var.name}-"` unless
    // `use_name_prefix = false`.
    source: /^(registry\.terraform\.io\/)?terraform-aws-modules\/iam\/aws\/\/modules\/iam-role$/,
    statements: "inline_policy_permissions",
    enabledBy: { input: "create_inline_policy", default: false },
    roleName: ["name"],
    usePrefix: { input: "use_name_prefix", default: true, suffix: "-" },
    path: "path",
    quota: QUOTAS.role
  },
  {
    // terraform-aws-lambda: `policy_statements` become a policy attached to the function's role
    // when `attach_policy_statements`; the role is `role_name`, else the function's name.
    source: /^(registry\.terraform\.io\/)?terraform-aws-modules\/lambda\/aws$/,
    statements: "policy_statements",
    enabledBy: { input: "attach_policy_statements", default: false },
    roleName: ["role_name", "function_name"],
    path: "role_path",
    quota: QUOTAS.managed
  }
];

// src/sources/terraform/attach.ts
var MAX_DOCUMENT_CHAIN = 64;
function attachmentsOf2(context, path, holder) {
  const folder2 = folderOf(path);
  const module = context.module(folder2);
  const scopes = scopesOf(context, folder2);
  const out = collect(module, scopes, holder, 0);
  if (out.length === 0) {
    const what = holder.kind === "tf-policy-document" ? `data.aws_iam_policy_document.${holder.resource.logicalId}` : `${holder.resource.type}.${holder.resource.logicalId}`;
    return [
      {
        type: "role",
        unresolved: holder.kind === "tf-policy-document" ? `no IAM policy of this module uses ${what}.json` : `nothing in this module attaches ${what} to a role or user`
      }
    ];
  }
  return out;
}
function collect(module, scopes, holder, depth) {
  const self = `${holder.resource.type}.${holder.resource.logicalId}`;
  const body = holder.owner.body;
  switch (holder.kind) {
    case "tf-role-policy":
      return principalsOf(module, scopes, attribute(body, "role")?.value, "role", self);
    case "tf-user-policy":
      return principalsOf(module, scopes, attribute(body, "user")?.value, "user", self);
    case "tf-group-policy":
      return principalsOf(module, scopes, attribute(body, "group")?.value, "group", self);
    case "tf-role-inline":
      return namedResource(module, scopes, holder.owner, "role", `inline_policy of ${self}`);
    case "tf-policy":
      return managedPolicyUsers(module, scopes, holder.resource.logicalId);
    case "tf-policy-document":
      return documentUsers(module, scopes, holder.resource.logicalId, depth, /* @__PURE__ */ new Map());
    case "tf-module-statements":
      return moduleRole(scopes, holder.owner);
    default:
      return [];
  }
}
function documentUsers(module, scopes, name, depth, done) {
  const known = done.get(name);
  if (known === "pending") return [];
  if (known) return known;
  if (depth > MAX_DOCUMENT_CHAIN)
    return [{ type: "role", unresolved: "policy documents merge into one another too deeply" }];
  done.set(name, "pending");
  const out = [];
  for (const [address, r] of module.resources) {
    const [type, logicalId] = address.split(".");
    const resource = { type, logicalId };
    const holders = [];
    if (type === "aws_iam_policy")
      holders.push({ kind: "tf-policy", expr: attribute(r.block.body, "policy")?.value });
    else if (type === "aws_iam_role_policy")
      holders.push({ kind: "tf-role-policy", expr: attribute(r.block.body, "policy")?.value });
    else if (type === "aws_iam_user_policy")
      holders.push({ kind: "tf-user-policy", expr: attribute(r.block.body, "policy")?.value });
    else if (type === "aws_iam_group_policy")
      holders.push({ kind: "tf-group-policy", expr: attribute(r.block.body, "policy")?.value });
    else if (type === "aws_iam_role") {
      for (const inline of blocks(r.block.body, "inline_policy")) {
        holders.push({ kind: "tf-role-inline", expr: attribute(inline.body, "policy")?.value });
      }
    }
    for (const h of holders) {
      if (!h.expr || !usesDocument(h.expr, name)) continue;
      out.push(
        ...collect(module, scopes, { kind: h.kind, owner: r.block, resource }, depth + 1).map(
          (a) => ({
            ...a,
            via: joinVia(`data.aws_iam_policy_document.${name}.json in ${address}`, a.via)
          })
        )
      );
    }
  }
  for (const [address, d] of module.data) {
    if (!address.startsWith("aws_iam_policy_document.")) continue;
    const other = address.slice("aws_iam_policy_document.".length);
    for (const key of ["source_policy_documents", "override_policy_documents"]) {
      const list2 = attribute(d.block.body, key)?.value;
      const items = list2?.kind === "tuple" ? list2.items : list2 ? [list2] : [];
      if (!items.some((i) => usesDocument(i, name))) continue;
      const merged = documentUsers(module, scopes, other, depth + 1, done);
      out.push(
        ...merged.map((a) => ({
          ...a,
          via: joinVia(`merged into data.aws_iam_policy_document.${other} through ${key}`, a.via)
        }))
      );
    }
  }
  for (const call of module.calls) {
    for (const item of call.block.body.items) {
      if ("body" in item || !usesDocument(item.value, name)) continue;
      out.push({
        type: "role",
        unresolved: `data.aws_iam_policy_document.${name}.json is passed to module.${call.block.labels[0] ?? ""} (input ${item.name}), whose roles are not followed`
      });
    }
  }
  const unique2 = /* @__PURE__ */ new Map();
  for (const a of out) {
    const key = JSON.stringify([a.type, a.name, a.namePrefix, a.path, a.account, a.unresolved]);
    if (!unique2.has(key)) unique2.set(key, a);
  }
  const result = [...unique2.values()];
  done.set(name, result);
  return result;
}
function usesDocument(expr, name) {
  return expr.kind === "reference" && expr.parts.length === 4 && expr.parts[0] === "data" && expr.parts[1] === "aws_iam_policy_document" && expr.parts[2] === name && (expr.parts[3] === "json" || expr.parts[3] === "minified_json");
}
function moduleRole(scopes, call) {
  const source2 = attribute(call.body, "source")?.value;
  const shape = STATEMENT_MODULES.find(
    (m) => source2?.kind === "string" && m.source.test(source2.value)
  );
  const via = `module.${call.labels[0] ?? ""}`;
  if (!shape) return [];
  const nameInput = shape.roleName.map((n) => attribute(call.body, n)?.value).find((e) => e !== void 0);
  if (!nameInput) {
    return [
      {
        type: "role",
        unresolved: `${via} has no ${shape.roleName.join(" or ")}: the role's name is not known`,
        via
      }
    ];
  }
  const prefixFlag = shape.usePrefix ? attribute(call.body, shape.usePrefix.input)?.value : void 0;
  if (prefixFlag && prefixFlag.kind !== "bool") {
    return [{ type: "role", unresolved: `${via}: ${shape.usePrefix?.input} is not a literal`, via }];
  }
  const prefix = shape.usePrefix && (prefixFlag ? prefixFlag.value : shape.usePrefix.default);
  const pathInput = attribute(call.body, shape.path)?.value;
  const iamPath = pathInput?.kind === "string" ? pathInput.value : void 0;
  const results = scopes.map((s) => resolveStrings(nameInput, s));
  const named = fromNames(results, "role", via, iamPath, prefix ? "prefix" : void 0);
  return prefix ? named.map(
    (a) => a.namePrefix !== void 0 ? { ...a, namePrefix: `${a.namePrefix}${shape.usePrefix?.suffix ?? ""}` } : a
  ) : named;
}
function documentQuota(context, path, name) {
  const module = context.module(folderOf(path));
  let quota;
  const consider = (q) => {
    if (!quota || q.limit < quota.limit) quota = q;
  };
  for (const [address, r] of module.resources) {
    const type = address.split(".")[0];
    const exprs = type === "aws_iam_role" ? blocks(r.block.body, "inline_policy").map((b) => attribute(b.body, "policy")?.value) : [attribute(r.block.body, "policy")?.value];
    if (!exprs.some((e) => e && usesDocument(e, name))) continue;
    if (type === "aws_iam_policy") consider(QUOTAS.managed);
    else if (type === "aws_iam_user_policy") consider(QUOTAS.user);
    else if (type === "aws_iam_group_policy") consider(QUOTAS.group);
    else consider(QUOTAS.role);
  }
  return quota ?? QUOTAS.managed;
}
function managedPolicyUsers(module, scopes, name) {
  const out = [];
  const isThis = (e) => e?.kind === "reference" && e.parts[0] === "aws_iam_policy" && e.parts[1] === name && (e.parts[e.parts.length - 1] === "arn" || e.parts[e.parts.length - 1] === "id");
  const listHas = (e) => e?.kind === "tuple" ? e.items.some(isThis) : isThis(e);
  for (const [address, r] of module.resources) {
    const [type] = address.split(".");
    const body = r.block.body;
    const via = address;
    if (type === "aws_iam_role_policy_attachment" && isThis(attribute(body, "policy_arn")?.value)) {
      out.push(...principalsOf(module, scopes, attribute(body, "role")?.value, "role", via));
    } else if (type === "aws_iam_user_policy_attachment" && isThis(attribute(body, "policy_arn")?.value)) {
      out.push(...principalsOf(module, scopes, attribute(body, "user")?.value, "user", via));
    } else if (type === "aws_iam_group_policy_attachment" && isThis(attribute(body, "policy_arn")?.value)) {
      out.push(...principalsOf(module, scopes, attribute(body, "group")?.value, "group", via));
    } else if (type === "aws_iam_policy_attachment" && isThis(attribute(body, "policy_arn")?.value)) {
      for (const [key, kind] of [
        ["roles", "role"],
        ["users", "user"],
        ["groups", "group"]
      ]) {
        const list2 = attribute(body, key)?.value;
        if (!list2) continue;
        if (list2.kind !== "tuple") {
          out.push({ type: kind, unresolved: `the ${key} of ${via} are not a literal list`, via });
          continue;
        }
        for (const item of list2.items) out.push(...principalsOf(module, scopes, item, kind, via));
      }
    } else if (type === "aws_iam_role" && listHas(attribute(body, "managed_policy_arns")?.value)) {
      out.push(
        ...namedResource(module, scopes, r.block, "role", `managed_policy_arns of ${address}`)
      );
    } else if (type === "aws_iam_role_policy_attachments_exclusive" && listHas(attribute(body, "policy_arns")?.value)) {
      out.push(...principalsOf(module, scopes, attribute(body, "role_name")?.value, "role", via));
    }
  }
  return out;
}
var RESOURCE_TYPE = {
  role: "aws_iam_role",
  user: "aws_iam_user",
  group: "aws_iam_group"
};
function principalsOf(module, scopes, expr, type, via) {
  if (!expr) return [{ type, unresolved: `${via} names no ${type}`, via }];
  if (expr.kind === "reference" && expr.parts[0] === RESOURCE_TYPE[type]) {
    const name = expr.parts[1];
    const target = name !== void 0 ? module.resources.get(`${RESOURCE_TYPE[type]}.${name}`) : void 0;
    if (!target) {
      return [
        {
          type,
          unresolved: `${via} names ${expr.parts.join(".")}, which is not in this module`,
          via
        }
      ];
    }
    return namedResource(module, scopes, target.block, type, via);
  }
  return fromNames(
    scopes.map((s) => resolveStrings(expr, s)),
    type,
    via,
    void 0
  );
}
function namedResource(module, scopes, block, type, via) {
  const address = `${block.labels[0] ?? ""}.${block.labels[1] ?? ""}`;
  const link = via === address ? via : `${via} -> ${address}`;
  const name = attribute(block.body, "name")?.value;
  const prefix = attribute(block.body, "name_prefix")?.value;
  const pathExpr = attribute(block.body, "path")?.value;
  const iamPath = pathExpr?.kind === "string" ? pathExpr.value : void 0;
  if (!name && !prefix) {
    return [
      {
        type,
        unresolved: `${address} has no name: Terraform generates one (terraform-<26 characters>)`,
        via: link
      }
    ];
  }
  const results = [];
  for (const scope of scopes) {
    const instances = instancesOf(block, scope);
    if (!instances.ok) return [{ type, unresolved: `${address}: ${instances.reason}`, via: link }];
    for (const instance of instances.instances) {
      results.push(resolveStrings(name ?? prefix, { ...scope, instance }));
    }
  }
  return fromNames(results, type, link, iamPath, name ? void 0 : "prefix");
}
function fromNames(results, type, via, iamPath, prefix) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const r of results) {
    if (!r.ok)
      return [{ type, unresolved: `the ${type} name cannot be resolved: ${r.reason}`, via }];
    const source2 = prefix ? "terraform-name-prefix" : r.through === "literal" ? "terraform-name" : r.through === "module" ? "terraform-module" : "terraform-variables";
    for (const value of r.values) {
      const arn = /^arn:aws[a-z-]*:iam::(\d{12}):(role|user|group)(\/(?:[^/]+\/)*)([^/]+)$/.exec(
        value
      );
      const name = arn ? arn[4] : value;
      const path = arn ? arn[3] : iamPath;
      const key = `${path ?? ""}${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        type,
        ...prefix ? { namePrefix: name } : { name },
        ...path !== void 0 ? { path } : {},
        ...arn ? { account: arn[1] } : {},
        source: source2,
        via
      });
    }
  }
  return out;
}
function joinVia(step, rest) {
  return rest ? `${step} -> ${rest}` : step;
}
var HOLDER_KINDS = {
  aws_iam_policy: "tf-policy",
  aws_iam_role_policy: "tf-role-policy",
  aws_iam_user_policy: "tf-user-policy",
  aws_iam_group_policy: "tf-group-policy"
};
var HOLDER_QUOTAS = {
  "tf-policy": QUOTAS.managed,
  "tf-role-policy": QUOTAS.role,
  "tf-user-policy": QUOTAS.user,
  "tf-group-policy": QUOTAS.group,
  "tf-role-inline": QUOTAS.role
};
var referrerIndexes = /* @__PURE__ */ new WeakMap();
function fileReferrers(context, path) {
  let index = referrerIndexes.get(context);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    const folders = new Set([...context.files.keys()].map(folderOf));
    for (const folder2 of folders) {
      for (const [address, r] of context.module(folder2).resources) {
        const [type, logicalId] = address.split(".");
        const resource = { type, logicalId };
        const policies = [];
        const kind = HOLDER_KINDS[type];
        if (kind) {
          policies.push({
            kind,
            expr: attribute(r.block.body, "policy")?.value,
            where: `${address}.policy`
          });
        } else if (type === "aws_iam_role") {
          blocks(r.block.body, "inline_policy").forEach(
            (b, i) => policies.push({
              kind: "tf-role-inline",
              expr: attribute(b.body, "policy")?.value,
              where: `${address}.inline_policy[${i}].policy`
            })
          );
        }
        for (const p of policies) {
          const target = p.expr ? fileTarget(p.expr, folder2) : void 0;
          if (!target) continue;
          const list2 = index.get(target.path) ?? [];
          list2.push({
            folder: folder2,
            holder: { kind: p.kind, owner: r.block, resource },
            quota: HOLDER_QUOTAS[p.kind] ?? QUOTAS.managed,
            template: target.template,
            where: p.where
          });
          index.set(target.path, list2);
        }
      }
    }
    referrerIndexes.set(context, index);
  }
  return index.get(path) ?? [];
}
function fileTarget(expr, folder2) {
  if (expr.kind !== "call" || expr.name !== "file" && expr.name !== "templatefile")
    return void 0;
  const arg = expr.args[0];
  let relative2;
  if (arg?.kind === "string") relative2 = arg.value;
  else if (arg?.kind === "template") {
    relative2 = "";
    for (const part of arg.parts) {
      if ("text" in part) relative2 += part.text;
      else if (part.expr.kind === "reference" && part.expr.parts.length === 2 && part.expr.parts[0] === "path" && part.expr.parts[1] === "module" && relative2 === "") {
        relative2 = ".";
      } else return void 0;
    }
  }
  if (relative2 === void 0 || relative2.startsWith("/")) return void 0;
  return { path: joinPath(folder2, relative2), template: expr.name === "templatefile" };
}
function attachmentsOfReferrer(context, referrer) {
  const scopes = scopesOf(context, referrer.folder);
  const out = collect(context.module(referrer.folder), scopes, referrer.holder, 0);
  const via = `${referrer.where} reads this file`;
  return (out.length > 0 ? out : [
    {
      type: "role",
      unresolved: `nothing in that module attaches ${referrer.holder.resource.type}.${referrer.holder.resource.logicalId} to a role or user`
    }
  ]).map((a) => ({ ...a, via: a.via ? `${via} -> ${a.via}` : via }));
}

// src/sources/terraform/find.ts
var NON_LITERAL = "terraform-expression";
var POLICY_RESOURCES = {
  aws_iam_policy: { kind: "tf-policy", quota: QUOTAS.managed },
  aws_iam_role_policy: { kind: "tf-role-policy", quota: QUOTAS.role },
  aws_iam_user_policy: { kind: "tf-user-policy", quota: QUOTAS.user },
  aws_iam_group_policy: { kind: "tf-group-policy", quota: QUOTAS.group }
};
function findTerraform(hcl, options) {
  const ctx = {
    ...options,
    hcl,
    lines: new LineIndex(hcl.text),
    policies: [],
    notes: []
  };
  for (const item of hcl.body.items) {
    if (!isBlock2(item)) continue;
    const [type, name] = item.labels;
    if (type === void 0 || name === void 0) continue;
    if (item.type === "resource") {
      const known = POLICY_RESOURCES[type];
      if (known) {
        const policy = attribute(item.body, "policy");
        if (policy) {
          policyValue(ctx, policy.value, [type, name, "policy"], known.kind, {
            quota: known.quota,
            resource: { logicalId: name, type },
            policyName: literalName2(item.body),
            owner: item
          });
        }
      } else if (type === "aws_iam_role") {
        blocks(item.body, "inline_policy").forEach((inline, i) => {
          const policy = attribute(inline.body, "policy");
          if (!policy) return;
          policyValue(
            ctx,
            policy.value,
            [type, name, "inline_policy", i, "policy"],
            "tf-role-inline",
            {
              quota: QUOTAS.role,
              resource: { logicalId: name, type },
              policyName: literalName2(inline.body),
              owner: item
            }
          );
        });
      }
    } else if (item.type === "data" && type === "aws_iam_policy_document") {
      policyDocument(ctx, item, name);
    }
  }
  for (const item of hcl.body.items) {
    if (isBlock2(item) && item.type === "module" && item.labels[0] !== void 0) {
      moduleStatements(ctx, item, item.labels[0]);
    }
  }
  return { policies: ctx.policies, notes: ctx.notes };
}
function literalName2(body) {
  const name = attribute(body, "name")?.value;
  return name?.kind === "string" ? name.value : void 0;
}
function source(ctx, expr) {
  return quoteSource(ctx.hcl.text.slice(expr.start, expr.end));
}
function statementLocation2(ctx, index, range, actions, path) {
  if (!actions) return { index, range };
  const actionRange = ctx.lines.range(actions.start, actions.end);
  if (actions.kind === "tuple" && actions.items.every((a) => a.kind === "string")) {
    return { index, range, action: { range: actionRange, form: "list" } };
  }
  const why = `actions is ${source(ctx, actions)}, not a list of literal strings`;
  noteAt(ctx, actions.start, path, `${why}; not refinable`, true);
  return { index, range, action: { range: actionRange, form: "other" }, notEditable: why };
}
function policyValue(ctx, expr, path, kind, extras) {
  if (expr.kind === "call" && expr.name === "jsonencode") {
    const arg = expr.args[0];
    if (arg?.kind === "object") return jsonencodePolicy(ctx, arg, path, kind, extras);
    noteAt(
      ctx,
      expr.start,
      path,
      `the policy is jsonencode(${arg ? source(ctx, arg) : ""}), not a literal document; not refinable`,
      true
    );
    return;
  }
  if (expr.kind === "heredoc") return heredocPolicy(ctx, expr, path, kind, extras);
  if (expr.kind === "reference") {
    const [root, type, name, attr] = expr.parts;
    if (root === "data" && type === "aws_iam_policy_document" && name !== void 0 && (attr === "json" || attr === "minified_json") && expr.parts.length === 4) {
      const module = ctx.context.module(folder(ctx.path));
      if (module.data.has(`aws_iam_policy_document.${name}`)) return;
      noteAt(
        ctx,
        expr.start,
        path,
        `the policy is data.aws_iam_policy_document.${name}, which no file of this module defines; not refinable`,
        true
      );
      return;
    }
  }
  if (expr.kind === "call" && (expr.name === "file" || expr.name === "templatefile")) {
    noteAt(
      ctx,
      expr.start,
      path,
      `the policy is read from ${source(ctx, expr)}: that file is refined where it is, mapped to this resource`,
      false
    );
    return;
  }
  noteAt(
    ctx,
    expr.start,
    path,
    `the policy is given by ${source(ctx, expr)}, not a literal document; not refinable`,
    true
  );
}
function location(ctx, path, kind, extras, range, document, statements2, statementForm, notEditable) {
  const attachments = ctx.attach ? attachmentsOf2(ctx.context, ctx.path, { kind, owner: extras.owner, resource: extras.resource }) : [];
  return {
    file: ctx.file,
    syntax: "hcl",
    path,
    pointer: pointerOf(path),
    kind,
    resource: extras.resource,
    ...extras.policyName !== void 0 ? { policyName: extras.policyName } : {},
    range: ctx.lines.range(range.start, range.end),
    document,
    statementForm,
    statements: statements2,
    quota: extras.quota,
    attachments,
    notEditable
  };
}
function jsonencodePolicy(ctx, object, path, kind, extras) {
  const statementElem = object.elems.find((e) => e.key === "Statement");
  if (!statementElem) {
    noteAt(ctx, object.start, path, "the policy document has no Statement; not refined", false);
    return;
  }
  const st = statementElem.value;
  if (st.kind !== "tuple" && st.kind !== "object") {
    noteAt(
      ctx,
      st.start,
      [...path, "Statement"],
      `Statement is given by ${source(ctx, st)}, not a literal list; not refinable`,
      true
    );
    return;
  }
  const items = st.kind === "tuple" ? st.items : [st];
  if (items.some(
    (i) => i.kind === "object" && i.elems.some((e) => e.key === "Principal" || e.key === "NotPrincipal")
  )) {
    noteAt(
      ctx,
      object.start,
      path,
      "its statements name a Principal: a resource or trust policy, never refined",
      false
    );
    return;
  }
  const statements2 = items.map((item, index) => {
    const range = ctx.lines.range(item.start, item.end);
    if (item.kind !== "object") {
      noteAt(
        ctx,
        item.start,
        [...path, "Statement", index],
        `statement #${index + 1} is given by ${source(ctx, item)}, not a literal; not refinable`,
        true
      );
      return { index, range, notEditable: "the statement is not a literal object" };
    }
    const action = item.elems.find((e) => e.key === "Action")?.value;
    if (!action) return { index, range };
    const actionRange = ctx.lines.range(action.start, action.end);
    if (action.kind === "string")
      return { index, range, action: { range: actionRange, form: "string" } };
    if (action.kind === "tuple" && action.items.every((a) => a.kind === "string")) {
      return { index, range, action: { range: actionRange, form: "list" } };
    }
    const why = `Action is ${source(ctx, action)}, not a list of literal strings`;
    noteAt(
      ctx,
      action.start,
      [...path, "Statement", index, "Action"],
      `${why}; not refinable`,
      true
    );
    return { index, range, action: { range: actionRange, form: "other" }, notEditable: why };
  });
  ctx.policies.push({
    location: location(
      ctx,
      path,
      kind,
      extras,
      object,
      toPlain(ctx.hcl.text, object),
      statements2,
      st.kind === "tuple" ? "list" : "object",
      []
    ),
    edit: { kind: "jsonencode", object }
  });
}
function toPlain(text2, expr) {
  switch (expr.kind) {
    case "string":
      return expr.value;
    case "number":
    case "bool":
      return expr.value;
    case "null":
      return null;
    case "tuple":
      return expr.items.map((i) => toPlain(text2, i));
    case "object": {
      const out = {};
      for (const e of expr.elems) {
        const key = e.key ?? text2.slice(e.keyStart, e.keyEnd);
        Object.defineProperty(out, key, {
          value: toPlain(text2, e.value),
          enumerable: true,
          writable: true,
          configurable: true
        });
      }
      return out;
    }
    default:
      return { [NON_LITERAL]: text2.slice(expr.start, expr.end) };
  }
}
var TEMPLATE = /\$\{|%\{/;
function heredocPolicy(ctx, heredoc, path, kind, extras) {
  const content = ctx.hcl.text.slice(heredoc.contentStart, heredoc.contentEnd);
  const inner = scanDocument(content, ctx.file);
  const innerLocation = inner.scan.policies.find((p) => p.path.length === 0);
  if (inner.scan.status !== "policies" || !innerLocation) {
    const why = inner.scan.status === "malformed" ? `the heredoc is not plain JSON (${inner.scan.message ?? "it does not parse"}: an interpolation outside a string?)` : inner.scan.notes[0]?.message ?? "the heredoc holds no policy document";
    const unchecked = inner.scan.status !== "policies" || inner.scan.notes.length === 0;
    noteAt(ctx, heredoc.start, path, `${why}; not refinable`, unchecked && !/Principal/.test(why));
    return;
  }
  const shift = heredoc.contentStart;
  const doc = innerLocation.document;
  const rawStatements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const shown = rawStatements.map((s) => s);
  const statements2 = innerLocation.statements.map((s, i) => {
    const moved = {
      ...s,
      range: ctx.lines.range(s.range.start + shift, s.range.end + shift),
      ...s.action ? {
        action: {
          ...s.action,
          range: ctx.lines.range(s.action.range.start + shift, s.action.range.end + shift)
        }
      } : {}
    };
    const action = rawStatements[i]?.Action;
    const entries = typeof action === "string" ? [action] : Array.isArray(action) ? action : [];
    const templated = entries.find((e) => typeof e === "string" && TEMPLATE.test(e));
    if (templated === void 0) return moved;
    const why = `Action ${JSON.stringify(templated)} is a template, not a literal`;
    noteAt(
      ctx,
      (s.action?.range.start ?? s.range.start) + shift,
      [...path, "Statement", i, "Action"],
      `${why}; not refinable`,
      true
    );
    shown[i] = {
      ...rawStatements[i],
      Action: { [NON_LITERAL]: JSON.stringify(action) }
    };
    return { ...moved, notEditable: why };
  });
  const document = Array.isArray(doc.Statement) ? { ...doc, Statement: shown } : { ...doc, Statement: shown[0] };
  ctx.policies.push({
    location: location(
      ctx,
      path,
      kind,
      extras,
      heredoc,
      document,
      statements2,
      innerLocation.statementForm,
      [...innerLocation.notEditable]
    ),
    edit: { kind: "heredoc", heredoc, inner, innerLocation, rawStatements }
  });
}
function policyDocument(ctx, block, name) {
  const path = ["data", "aws_iam_policy_document", name];
  const found = [];
  for (const item of block.body.items) {
    if (!isBlock2(item)) continue;
    if (item.type === "statement") found.push({ block: item, body: item.body });
    else if (item.type === "dynamic" && item.labels[0] === "statement") {
      const content = blocks(item.body, "content")[0];
      if (content) found.push({ block: item, body: content.body });
    }
  }
  for (const key of [
    "source_policy_documents",
    "override_policy_documents",
    "source_json",
    "override_json"
  ]) {
    const attr = attribute(block.body, key);
    if (!attr) continue;
    const items = attr.value.kind === "tuple" ? attr.value.items : [attr.value];
    for (const item of items) {
      if (item.kind === "reference" && item.parts[0] === "data" && item.parts[1] === "aws_iam_policy_document")
        continue;
      noteAt(
        ctx,
        item.start,
        [...path, key],
        `${key} holds ${source(ctx, item)}: the merged policy has statements that are not refinable here`,
        true
      );
    }
  }
  if (found.length === 0) return;
  if (found.some(
    (f) => blocks(f.body, "principals").length > 0 || blocks(f.body, "not_principals").length > 0
  )) {
    noteAt(
      ctx,
      block.start,
      path,
      "its statements name principals: a resource or trust policy, never refined",
      false
    );
    return;
  }
  const statements2 = [];
  const plain2 = [];
  found.forEach((f, index) => {
    const spath = [...path, f.block.type === "dynamic" ? "dynamic" : "statement", index];
    const range = ctx.lines.range(f.block.start, f.block.end);
    const statement2 = {};
    const sid = attribute(f.body, "sid")?.value;
    if (sid) statement2.Sid = toPlain(ctx.hcl.text, sid);
    const effect = attribute(f.body, "effect")?.value;
    statement2.Effect = effect ? toPlain(ctx.hcl.text, effect) : "Allow";
    const actions = attribute(f.body, "actions")?.value;
    const notActions = attribute(f.body, "not_actions")?.value;
    if (actions) statement2.Action = toPlain(ctx.hcl.text, actions);
    const location2 = statementLocation2(ctx, index, range, actions, [...spath, "actions"]);
    if (notActions) statement2.NotAction = toPlain(ctx.hcl.text, notActions);
    if (effect && effect.kind !== "string" && actions) {
      noteAt(
        ctx,
        effect.start,
        [...spath, "effect"],
        `effect is ${source(ctx, effect)}, not a literal; not refinable`,
        true
      );
    }
    for (const [key, field] of [
      ["resources", "Resource"],
      ["not_resources", "NotResource"]
    ]) {
      const value = attribute(f.body, key)?.value;
      if (value) statement2[field] = toPlain(ctx.hcl.text, value);
    }
    const conditions = blocks(f.body, "condition").map((c) => toPlainBody(ctx.hcl.text, c.body));
    if (conditions.length > 0) statement2.Condition = conditions;
    if (f.block.type === "dynamic") {
      const forEach = attribute(f.block.body, "for_each")?.value;
      statement2[NON_LITERAL] = `dynamic statement for each of ${forEach ? ctx.hcl.text.slice(forEach.start, forEach.end) : "?"}`;
    }
    statements2.push(location2);
    plain2.push(statement2);
  });
  const version = attribute(block.body, "version")?.value;
  const document = {
    Version: version ? toPlain(ctx.hcl.text, version) : "2012-10-17",
    Statement: plain2
  };
  ctx.policies.push({
    location: location(
      ctx,
      path,
      "tf-policy-document",
      {
        quota: ctx.attach ? documentQuota(ctx.context, ctx.path, name) : QUOTAS.managed,
        resource: { logicalId: name, type: "aws_iam_policy_document" },
        policyName: void 0,
        owner: block
      },
      block,
      document,
      statements2,
      "list",
      []
    ),
    edit: { kind: "document", block, statements: found }
  });
}
function moduleStatements(ctx, block, name) {
  const sourceAttr = attribute(block.body, "source")?.value;
  if (sourceAttr?.kind !== "string") return;
  const shape = STATEMENT_MODULES.find((m) => m.source.test(sourceAttr.value));
  if (!shape) return;
  const input = attribute(block.body, shape.statements);
  if (!input) return;
  const path = ["module", name, shape.statements];
  const enabled = attribute(block.body, shape.enabledBy.input)?.value;
  if (enabled && enabled.kind !== "bool") {
    noteAt(
      ctx,
      enabled.start,
      ["module", name, shape.enabledBy.input],
      `${shape.enabledBy.input} is ${source(ctx, enabled)}: whether the statements apply is not known; not refinable`,
      true
    );
    return;
  }
  if (!(enabled ? enabled.value : shape.enabledBy.default)) return;
  const container = input.value;
  if (container.kind !== "object" && container.kind !== "tuple") {
    noteAt(
      ctx,
      container.start,
      path,
      `${shape.statements} is ${source(ctx, container)}, not literal statement objects; not refinable`,
      true
    );
    return;
  }
  const found = [];
  const items = container.kind === "object" ? container.elems.map((e) => ({ value: e.value, entry: e })) : container.items.map((value) => ({ value, entry: void 0 }));
  for (const { value, entry } of items) {
    if (value.kind !== "object") {
      noteAt(
        ctx,
        value.start,
        path,
        `a statement is ${source(ctx, value)}, not a literal object; not refinable`,
        true
      );
      return;
    }
    found.push({ object: value, ...entry ? { entry } : {} });
  }
  if (found.some((f) => f.object.elems.some((e) => e.key === "principals" || e.key === "not_principals"))) {
    noteAt(
      ctx,
      container.start,
      path,
      "its statements name principals: not an identity policy, never refined",
      false
    );
    return;
  }
  const statements2 = [];
  const plain2 = found.map((f, index) => {
    const range = ctx.lines.range((f.entry ?? f.object).start, f.object.end);
    const get = (key) => f.object.elems.find((e) => e.key === key)?.value;
    const statement2 = {};
    const sid = get("sid");
    if (sid) statement2.Sid = toPlain(ctx.hcl.text, sid);
    else if (f.entry?.key !== void 0) statement2.Sid = f.entry.key;
    const effect = get("effect");
    statement2.Effect = effect ? toPlain(ctx.hcl.text, effect) : "Allow";
    const actions = get("actions");
    if (actions) statement2.Action = toPlain(ctx.hcl.text, actions);
    const where = statementLocation2(ctx, index, range, actions, [
      ...path,
      f.entry?.key ?? index,
      "actions"
    ]);
    const notActions = get("not_actions");
    if (notActions) statement2.NotAction = toPlain(ctx.hcl.text, notActions);
    const resources = get("resources");
    if (resources) statement2.Resource = toPlain(ctx.hcl.text, resources);
    statements2.push(where);
    return statement2;
  });
  ctx.policies.push({
    location: location(
      ctx,
      path,
      "tf-module-statements",
      {
        quota: shape.quota,
        resource: { logicalId: name, type: "module" },
        policyName: void 0,
        owner: block
      },
      container,
      { Version: "2012-10-17", Statement: plain2 },
      statements2,
      "list",
      []
    ),
    edit: { kind: "module-statements", statements: found, container }
  });
}
function toPlainBody(text2, body) {
  const out = {};
  for (const item of body.items) {
    if (isBlock2(item)) continue;
    Object.defineProperty(out, item.name, {
      value: toPlain(text2, item.value),
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return out;
}
function folder(path) {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

// src/sources/terraform/render.ts
function renderTerraform(hcl, policy, refinement) {
  const { location: location2 } = policy;
  const before = answerBeforeEditing(location2, refinement);
  if (before) return before;
  return editSafely(() => {
    const edits = buildEdits2(hcl, policy, refinement);
    const region = regionOf(hcl.text, location2);
    if (edits.some((e) => e.start < region.start || e.end > region.end)) {
      throw new EditRefusal("an edit falls outside the policy");
    }
    return { edits };
  });
}
function verifyTerraformEdits(hcl, changes, edits, refind) {
  return editSafely(() => verify(hcl, changes, edits, refind))?.refused;
}
function buildEdits2(hcl, policy, refinement) {
  const ctx = { text: hcl.text, eol: hcl.eol, edits: [] };
  const edit = policy.edit;
  if (edit.kind === "heredoc") {
    const doc = refinement.document;
    const refined = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    const kept = [];
    let k2 = 0;
    for (const result of refinement.statements) {
      if (result.status === "removed") continue;
      const statement2 = refined[k2++];
      kept.push(result.status === "refined" ? statement2 : edit.rawStatements[result.index]);
    }
    const restored = Array.isArray(doc.Statement) ? kept : kept[0];
    const document = { ...doc, Statement: restored };
    const inner = edit.inner.render(edit.innerLocation, { ...refinement, document });
    if ("refused" in inner)
      throw new EditRefusal(inner.refused.replace(/^cannot edit safely: /, ""));
    const problem = edit.inner.prove([{ location: edit.innerLocation, document }], inner.edits);
    if (problem !== void 0) throw new EditRefusal(problem.replace(/^cannot edit safely: /, ""));
    const shift = edit.heredoc.contentStart;
    return inner.edits.map((e) => ({ ...e, start: e.start + shift, end: e.end + shift }));
  }
  const refinedDoc = refinement.document;
  const refinedStatements = Array.isArray(refinedDoc.Statement) ? refinedDoc.Statement : [refinedDoc.Statement];
  const removed = [];
  let k = 0;
  for (const result of refinement.statements) {
    if (result.status !== "removed" && result.status !== "refined") {
      k++;
      continue;
    }
    const where = policy.location.statements[result.index];
    if (where?.notEditable) throw new EditRefusal(where.notEditable);
    if (result.status === "removed") {
      removed.push(result.index);
      continue;
    }
    const refined = refinedStatements[k++]?.Action;
    if (edit.kind === "jsonencode") jsonencodeAction(ctx, edit.object, result, refined);
    else {
      const actions = edit.kind === "module-statements" ? edit.statements[result.index]?.object.elems.find((e) => e.key === "actions")?.value : actionsOf(edit.statements[result.index]?.body);
      if (actions?.kind !== "tuple")
        throw new EditRefusal(`statement #${result.index + 1} has no actions list`);
      tupleEdits(ctx, actions, planEntries(result), result.index);
    }
  }
  if (removed.length > 0) {
    if (edit.kind === "jsonencode") {
      const statement2 = edit.object.elems.find((e) => e.key === "Statement")?.value;
      if (statement2?.kind !== "tuple") throw new EditRefusal("Statement is one object");
      const ops = statement2.items.map(
        (_, i) => removed.includes(i) ? { kind: "delete" } : { kind: "keep" }
      );
      tupleEdits(ctx, statement2, ops, (i) => i);
    } else if (edit.kind === "module-statements" && edit.container.kind === "tuple") {
      const ops = edit.container.items.map(
        (_, i) => removed.includes(i) ? { kind: "delete" } : { kind: "keep" }
      );
      tupleEdits(ctx, edit.container, ops, (i) => i);
    } else {
      const ranges = removed.map((i) => {
        const statement2 = edit.statements[i];
        const block = statement2 && "entry" in statement2 ? statement2.entry : statement2 && "block" in statement2 ? statement2.block : void 0;
        if (!block) throw new EditRefusal(`statement #${i + 1} is not where it was found`);
        return { ...blockLines(ctx.text, block), statement: i };
      });
      ranges.sort((a, b) => a.start - b.start);
      const merged = [];
      for (const r of ranges) {
        const last = merged[merged.length - 1];
        if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
        else merged.push({ ...r });
      }
      for (const r of merged) push2(ctx, r.statement, r.start, r.end, "");
    }
  }
  return ctx.edits;
}
function actionsOf(body) {
  for (const item of body?.items ?? [])
    if (!isBlock2(item) && item.name === "actions") return item.value;
  return void 0;
}
function jsonencodeAction(ctx, object, result, refined) {
  const statement2 = object.elems.find((e) => e.key === "Statement")?.value;
  const item = statement2?.kind === "tuple" ? statement2.items[result.index] : statement2;
  const action = item?.kind === "object" ? item.elems.find((e) => e.key === "Action")?.value : void 0;
  if (!action) throw new EditRefusal(`statement #${result.index + 1} has no Action`);
  if (action.kind === "string") {
    if (typeof refined === "string")
      push2(ctx, result.index, action.start, action.end, hclString(refined));
    else if (Array.isArray(refined)) {
      push2(
        ctx,
        result.index,
        action.start,
        action.end,
        `[${refined.map((v) => hclString(String(v))).join(", ")}]`
      );
    } else throw new EditRefusal("the refined Action is neither a string nor a list");
    return;
  }
  if (action.kind !== "tuple") throw new EditRefusal("Action is neither a string nor a list");
  tupleEdits(ctx, action, planEntries(result), result.index);
}
function push2(ctx, statement2, start, end, text2) {
  ctx.edits.push({ start, end, text: text2, statement: statement2 });
}
function tupleEdits(ctx, tuple, ops, statementOf) {
  const of = typeof statementOf === "number" ? () => statementOf : statementOf;
  if (ops.length !== tuple.items.length) throw new EditRefusal("the list changed its length");
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    const item = tuple.items[i];
    if (op.kind === "replace") {
      const sep2 = separator(ctx, tuple, i);
      push2(ctx, of(i), item.start, item.end, op.by.map(hclString).join(sep2));
    } else if (op.kind === "delete") {
      let j = i;
      while (j + 1 < ops.length && ops[j + 1].kind === "delete") j++;
      deleteRun(ctx, tuple, i, j, of(i));
      i = j;
    }
  }
}
function separator(ctx, tuple, i) {
  const item = tuple.items[i];
  if (onOwnLines2(ctx.text, item)) {
    return `,${ctx.eol}${ctx.text.slice(lineStart2(ctx.text, item.start), item.start)}`;
  }
  const [a, b] = tuple.items;
  if (a && b) {
    const m = /^[ \t]*,([ \t]*)$/.exec(ctx.text.slice(a.end, b.start));
    if (m) return `,${m[1]}`;
  }
  return ", ";
}
function deleteRun(ctx, tuple, a, b, statement2) {
  const items = tuple.items;
  const first = items[a];
  const last = items[b];
  const next = items[b + 1];
  const prev = items[a - 1];
  let own = true;
  for (let i = a; i <= b; i++) own &&= onOwnLines2(ctx.text, items[i]);
  if (own) {
    for (let i = a; i <= b; i++) {
      const item = items[i];
      push2(
        ctx,
        statement2,
        lineStart2(ctx.text, item.start),
        trailing(ctx.text, item.end).lineEnd,
        ""
      );
    }
    if (!next && prev && !trailing(ctx.text, last.end).comma) {
      const t = trailing(ctx.text, prev.end);
      if (t.comma) push2(ctx, statement2, t.commaAt, t.commaAt + 1, "");
    }
    return;
  }
  let start;
  let end;
  if (next) [start, end] = [first.start, next.start];
  else if (prev) [start, end] = [prev.end, last.end];
  else [start, end] = [first.start, last.end];
  if (hasComment2(ctx.text, start, end))
    throw new EditRefusal("a comment inside the list would be lost");
  push2(ctx, statement2, start, end, "");
}
function blockLines(text2, block) {
  const from = lineStart2(text2, block.start);
  if (!/^[ \t]*$/.test(text2.slice(from, block.start)))
    throw new EditRefusal("a statement block shares its first line");
  const t = trailing(text2, block.end);
  if (!t.ownLine || t.comma) throw new EditRefusal("a statement block shares its last line");
  let to = t.lineEnd;
  let start = from;
  const blankBefore = from > 0 && /^[ \t]*\r?\n$/.test(text2.slice(lineStart2(text2, from - 1), from));
  const after = /^[ \t]*\r?\n/.exec(text2.slice(to));
  if (after && blankBefore) to += after[0].length;
  else if (blankBefore && /^[ \t]*\}/.test(text2.slice(to))) start = lineStart2(text2, from - 1);
  return { start, end: to };
}
function onOwnLines2(text2, item) {
  return /^[ \t]*$/.test(text2.slice(lineStart2(text2, item.start), item.start)) && trailing(text2, item.end).ownLine;
}
function trailing(text2, from) {
  let i = from;
  while (text2[i] === " " || text2[i] === "	") i++;
  const comma = text2[i] === ",";
  const commaAt = i;
  if (comma) i++;
  while (text2[i] === " " || text2[i] === "	") i++;
  if (text2[i] === "#" || text2.startsWith("//", i)) {
    const e = text2.indexOf("\n", i);
    i = e < 0 ? text2.length : e;
    if (text2[i - 1] === "\r") i--;
  }
  if (text2[i] === "\r") i++;
  if (text2[i] === "\n") return { ownLine: true, comma, commaAt, lineEnd: i + 1 };
  return { ownLine: false, comma, commaAt, lineEnd: i };
}
function hasComment2(text2, start, end) {
  for (let i = start; i < end; i++) {
    const c = text2[i];
    if (c === '"') {
      for (i++; i < end && text2[i] !== '"'; i++) if (text2[i] === "\\") i++;
    } else if (c === "#" || c === "/" && (text2[i + 1] === "/" || text2[i + 1] === "*")) return true;
  }
  return false;
}
function lineStart2(text2, offset) {
  return text2.lastIndexOf("\n", offset - 1) + 1;
}
function lineEndAfter2(text2, offset) {
  if (offset > 0 && text2[offset - 1] === "\n") return offset;
  const e = text2.indexOf("\n", offset);
  return e < 0 ? text2.length : e + 1;
}
function regionOf(text2, location2) {
  return {
    start: lineStart2(text2, location2.range.start),
    end: lineEndAfter2(text2, location2.range.end)
  };
}
function verify(hcl, changes, edits, refind) {
  let next;
  try {
    next = applyEdits(hcl.text, edits);
  } catch {
    throw new EditRefusal("the edits overlap");
  }
  const again = refind(next);
  if (!again.ok) throw new EditRefusal(`the edited file would not parse (${again.message})`);
  const before = /* @__PURE__ */ new Map();
  const after = /* @__PURE__ */ new Map();
  for (const { location: location2, document } of changes) {
    const found = again.policies.find((p) => p.location.pointer === location2.pointer);
    if (!found) throw new EditRefusal("the edited policy is no longer found");
    if (JSON.stringify(found.location.document) !== JSON.stringify(document)) {
      throw new EditRefusal("the edited policy would not equal the refinement");
    }
    before.set(maskKey(location2), document);
    after.set(maskKey(found.location), document);
  }
  const a = JSON.stringify(plainBody(hcl.text, hcl.body, before));
  const b = JSON.stringify(plainBody(again.hcl.text, again.hcl.body, after));
  if (a !== b)
    throw new EditRefusal("the edits would change something outside the refined statements");
}
function maskKey(location2) {
  return location2.range.start;
}
function plainBody(text2, body, masks) {
  return body.items.map((item) => {
    if (masks.has(item.start) && isBlock2(item)) return { policy: masks.get(item.start) };
    if (isBlock2(item)) return ["block", item.type, item.labels, plainBody(text2, item.body, masks)];
    return ["attr", item.name, plainExpr(text2, item.value, masks)];
  });
}
function plainExpr(text2, expr, masks) {
  if (masks.has(expr.start) && (expr.kind === "object" || expr.kind === "tuple" || expr.kind === "heredoc")) {
    return { policy: masks.get(expr.start) };
  }
  switch (expr.kind) {
    case "string":
    case "number":
    case "bool":
      return [expr.kind, expr.value];
    case "null":
      return ["null"];
    case "tuple":
      return ["tuple", expr.items.map((i) => plainExpr(text2, i, masks))];
    case "object":
      return [
        "object",
        expr.elems.map((e) => [
          e.key ?? text2.slice(e.keyStart, e.keyEnd),
          plainExpr(text2, e.value, masks)
        ])
      ];
    case "call":
      return ["call", expr.name, expr.args.map((a) => plainExpr(text2, a, masks))];
    case "heredoc":
      return ["heredoc", expr.strip, text2.slice(expr.contentStart, expr.contentEnd)];
    default:
      return [expr.kind, text2.slice(expr.start, expr.end)];
  }
}

// src/sources/terraform/scan.ts
function scanTerraform(text2, file, path, context) {
  const empty = { file, policies: [], notes: [] };
  const none = (scan2) => ({
    scan: scan2,
    render: () => ({ refused: "not a policy" }),
    prove: () => "not a policy"
  });
  const mentionsIam = /aws_iam_|"Statement"|\bStatement\b/.test(text2);
  if (/\.tfvars$/i.test(file)) return none({ ...empty, status: "none" });
  if (/\.tf\.json$/i.test(file)) {
    return none(
      mentionsIam ? {
        ...empty,
        status: "skipped",
        syntax: "json",
        message: "is Terraform in JSON syntax, which iam-refine does not read: its IAM policies are not checked"
      } : { ...empty, status: "none" }
    );
  }
  if (text2.includes("\0")) {
    return none({
      ...empty,
      status: "skipped",
      message: "is binary (it holds NUL bytes); not read"
    });
  }
  const parsed = context.parse(path, text2);
  if (!parsed.ok) {
    if (!mentionsIam) return none({ ...empty, status: "none" });
    const { line: line2, column } = new LineIndex(text2).position(parsed.offset);
    const status = parsed.message.includes("nested more than") ? "skipped" : "malformed";
    return none({ ...empty, status, syntax: "hcl", message: parsed.message, line: line2, column });
  }
  const hcl = parsed.file;
  const found = findTerraform(hcl, { file, path, context, attach: true });
  const scan = found.policies.length === 0 && found.notes.length === 0 ? { ...empty, status: "none", syntax: "hcl" } : {
    file,
    status: "policies",
    syntax: "hcl",
    policies: found.policies.map((p) => p.location),
    notes: found.notes
  };
  const byPointer = new Map(
    found.policies.map((p) => [p.location.pointer, p])
  );
  const refind = (edited) => {
    const again = parseHcl(context.parser, edited);
    if (!again.ok) return { ok: false, message: again.message };
    const policies = findTerraform(again.file, { file, path, context, attach: false }).policies;
    return { ok: true, hcl: again.file, policies };
  };
  return {
    scan,
    render: (location2, refinement) => {
      const policy = byPointer.get(location2.pointer);
      if (!policy) return { refused: "the policy is no longer where it was found" };
      return renderTerraform(hcl, policy, refinement);
    },
    prove: (changes, edits) => verifyTerraformEdits(hcl, changes, edits, refind)
  };
}
function readByTerraform(scanned, path, context) {
  const referrers = fileReferrers(context, path);
  const { scan } = scanned;
  if (referrers.length === 0 || scan.status !== "policies") return scanned;
  const whole = scan.policies.find((p) => p.path.length === 0);
  if (!whole) return scanned;
  const templated = referrers.some((r) => r.template) && /\$\{|%\{/.test(JSON.stringify(actionsOf2(whole.document)));
  if (templated) {
    return {
      ...scanned,
      scan: {
        ...scan,
        policies: scan.policies.filter((p) => p !== whole),
        notes: [
          ...scan.notes,
          {
            file: scan.file,
            line: whole.range.startLine,
            column: whole.range.startColumn,
            pointer: "",
            message: `${referrers[0]?.where ?? "a templatefile"} fills this template, and its actions hold \${\u2026}: not refinable`,
            unchecked: true
          }
        ]
      }
    };
  }
  const attachments = referrers.flatMap((r) => attachmentsOfReferrer(context, r));
  const quota = referrers.reduce((q, r) => r.quota.limit < q.limit ? r.quota : q, whole.quota);
  const mapped = { ...whole, attachments, quota };
  return {
    ...scanned,
    scan: { ...scan, policies: scan.policies.map((p) => p === whole ? mapped : p) }
  };
}
function actionsOf2(document) {
  const statement2 = document?.Statement;
  const list2 = Array.isArray(statement2) ? statement2 : [statement2];
  return list2.map((s) => s?.Action);
}

// src/sources/format.ts
var NOT_A_FORMAT = "is not in a format iam-refine reads (JSON policies, CloudFormation and SAM templates in JSON or YAML, serverless.yml, Terraform)";
function scanFile(text2, file, context = {}) {
  if (isTerraformPath(file)) {
    if (!context.terraform) {
      const scan = {
        file,
        status: "skipped",
        message: "is a Terraform file, and the Terraform parser was not loaded",
        policies: [],
        notes: []
      };
      return { scan, render: () => ({ refused: "not read" }), prove: () => "not read" };
    }
    return scanTerraform(text2, file, context.path ?? file, context.terraform);
  }
  const scanned = scanDocument(text2, file, context);
  if (scanned.scan.status === "malformed" && !mayHoldPolicies(file)) {
    return {
      ...scanned,
      scan: { file, status: "skipped", message: NOT_A_FORMAT, policies: [], notes: [] }
    };
  }
  return context.terraform ? readByTerraform(scanned, context.path ?? file, context.terraform) : scanned;
}
function findPolicies(text2, file, context = {}) {
  return scanFile(text2, file, context).scan;
}
function collectIncludes(files) {
  const byFile = /* @__PURE__ */ new Map();
  for (const { path, text: text2 } of files) {
    if (!isServerlessFile(path)) continue;
    for (const include of findPolicies(text2, path, { path }).includes ?? []) {
      const list2 = byFile.get(include.file) ?? [];
      list2.push(include);
      byFile.set(include.file, list2);
    }
  }
  return byFile;
}

// src/io/walk.ts
import { chmod, lstat, readdir, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set([".git", "node_modules"]);
async function walkFiles(paths, root, ignore) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (path, explicit) => {
    const rel = toPosix(relative(root, path)) || basename(path);
    if (seen.has(rel) || ignore(rel)) return;
    seen.add(rel);
    out.push({ path: toPosix(path), rel, explicit });
  };
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch {
      throw new ConfigurationError(`${given}: no such file or folder`);
    }
    if (info.isFile()) {
      add(given, true);
      continue;
    }
    if (!info.isDirectory()) continue;
    const stack = [given];
    while (stack.length > 0) {
      const dir = stack.pop();
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        throw new ConfigurationError(`${dir}: cannot list the folder (${describe(error)})`);
      }
      entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      const dirs = [];
      for (const e of entries) {
        const path = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(e.name) && !ignore(`${toPosix(relative(root, path))}/`)) {
            dirs.push(path);
          }
        } else if (e.isFile() && mayHoldPolicies(e.name)) add(path, false);
      }
      stack.push(...dirs.reverse());
    }
  }
  return out;
}
async function readCandidate(path) {
  return await sizeRefusal(path) ?? readCandidateText(path);
}
async function readCandidateText(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ConfigurationError(`${path}: cannot read the file (${describe(error)})`);
  }
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
  if (bytes.includes(0)) {
    return { ok: false, reason: "binary", message: "is binary (it holds NUL bytes); not read" };
  }
  try {
    return {
      ok: true,
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes)
    };
  } catch {
    return { ok: false, reason: "binary", message: "is not UTF-8 text; not read" };
  }
}
async function sizeRefusal(path) {
  let size;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new ConfigurationError(`${path}: cannot read the file (${describe(error)})`);
  }
  return size <= MAX_FILE_BYTES ? void 0 : tooLarge(size);
}
function tooLarge(size) {
  return {
    ok: false,
    reason: "too-large",
    message: `is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit; not read`
  };
}
async function* inOrder(items, work, inFlight) {
  const started = [];
  const start = (item) => work(item).then(
    (value) => ({ ok: true, value }),
    (error) => ({ ok: false, error })
  );
  let next = 0;
  for (let i = 0; i < items.length; i++) {
    while (next < items.length && next - i < inFlight) started.push(start(items[next++]));
    const settled = await started.shift();
    if (!settled.ok) throw settled.error;
    yield { item: items[i], result: settled.value };
  }
}
async function writeFileAtomically(path, text2) {
  const target = await realpath(path);
  const mode = (await lstat(target)).mode & 4095;
  const temp = join(dirname(target), `.${basename(target)}.iam-refine-${process.pid}-${Date.now()}`);
  try {
    await writeFile(temp, text2, { mode, flag: "wx" });
    await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => void 0);
    throw new ConfigurationError(`${path}: cannot write the fix (${describe(error)})`);
  }
}
function toPosix(path) {
  return sep === "/" ? path : path.split(sep).join("/");
}
function describe(error) {
  const code2 = error.code;
  if (code2 === "ENOENT") return "no such file";
  if (code2 === "EACCES" || code2 === "EPERM") return "permission denied";
  return code2 ?? String(error);
}

// src/io/worker-pool.ts
import { parentPort, Worker, workerData } from "node:worker_threads";
var WorkerPool = class {
  workers;
  nextId = 0;
  constructor(entry, startData, size) {
    this.workers = Array.from({ length: size }, () => new PoolWorker(entry, startData));
  }
  run(task) {
    const worker = this.workers.reduce((a, b) => b.pending.size < a.pending.size ? b : a);
    return worker.run(this.nextId++, task);
  }
  /** Stops every worker; tasks still held fail (nobody waits for them any more). */
  async close() {
    await Promise.all(this.workers.map((w) => w.stop()));
  }
};
var PoolWorker = class {
  pending = /* @__PURE__ */ new Map();
  worker;
  /** Why the worker is gone, once it is: later tasks fail with it at once. */
  gone;
  constructor(entry, startData) {
    this.worker = new Worker(entry, { workerData: startData });
    this.worker.on("message", (answer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (answer.ok) waiting.resolve(answer.result);
      else waiting.reject(revive(answer.error));
    });
    this.worker.on("error", (error) => this.fail(`failed: ${error.message}`));
    this.worker.on("exit", (code2) => this.fail(`stopped (exit code ${code2})`));
  }
  run(id, task) {
    if (this.gone) return Promise.reject(this.gone);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, task });
    });
  }
  async stop() {
    this.gone ??= new Error("the worker threads were stopped");
    await this.worker.terminate();
  }
  fail(what) {
    this.gone ??= new Error(`a worker thread refining files ${what}`);
    for (const waiting of this.pending.values()) waiting.reject(this.gone);
    this.pending.clear();
  }
};
function revive(thrown) {
  if (thrown.name === "ConfigurationError") return new ConfigurationError(thrown.message);
  if (thrown.name === "InvariantError") {
    return Object.assign(new InvariantError(""), { message: thrown.message });
  }
  return Object.assign(new Error(thrown.message), { name: thrown.name });
}
function serveTasks(start) {
  const port = parentPort;
  if (!port) throw new Error("serveTasks runs in a worker thread");
  let chain = Promise.resolve();
  const handler = start(workerData);
  handler.catch(() => void 0);
  port.on("message", ({ id, task }) => {
    chain = chain.then(async () => {
      try {
        port.postMessage({ id, ok: true, result: await (await handler)(task) });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        port.postMessage({
          id,
          ok: false,
          error: { name: e.name, message: e.message }
        });
      }
    });
  });
}

// src/io/refine-tree.ts
import { lstat as lstat2 } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { posix } from "node:path";
import { performance } from "node:perf_hooks";

// src/engine/agreement.ts
var MAX_COMPARED_STATEMENTS = 500;
function compareWithRecommendation(input) {
  const principals = input.principals.map((p) => comparePrincipal(input, p));
  const verdict = principals.some((p) => p.verdict === "differs") ? "differs" : principals.length === 0 || principals.some((p) => p.verdict === "unavailable") ? "unavailable" : "agrees";
  return { verdict, principals };
}
function unavailable(principal, why) {
  return { principal, verdict: "unavailable", reasons: [], unavailable: why };
}
function comparePrincipal(input, p) {
  const who = p.principal || "the principal";
  if (p.wholePrincipal) {
    return unavailable(
      p.principal,
      `${who} is unused as a whole (UnusedIAMRole); IAM Access Analyzer recommends policies only for unused-permission findings`
    );
  }
  const recommendation = input.recommendations.get(p.principal);
  if (!recommendation)
    return unavailable(p.principal, `the findings hold no recommendation for ${who}`);
  if (recommendation.status === "unavailable")
    return unavailable(p.principal, recommendation.reason);
  const found = findStep(recommendation.steps, input);
  if ("unavailable" in found) return unavailable(p.principal, found.unavailable);
  const statements2 = readStatements(input.document).statements;
  const recommended = found.create ? readStatements(found.create.recommendedPolicy).statements : [];
  if (statements2.length > MAX_COMPARED_STATEMENTS || recommended.length > MAX_COMPARED_STATEMENTS) {
    return unavailable(
      p.principal,
      `the policy or the recommendation has more than ${MAX_COMPARED_STATEMENTS} statements; not compared`
    );
  }
  const reasons = compareStatements(input, p, statements2, recommended, found.create === void 0);
  const existingPolicyId = found.create?.existingPolicyId ?? found.detachId;
  return {
    principal: p.principal,
    verdict: reasons.length === 0 ? "agrees" : "differs",
    matchedBy: found.matchedBy,
    ...existingPolicyId === void 0 ? {} : { existingPolicyId },
    ...found.create === void 0 ? { detach: true } : {},
    ...recommendation.completedAt === void 0 ? {} : { completedAt: recommendation.completedAt },
    reasons
  };
}
function findStep(steps, input) {
  const names = new Set(input.policyNames.map(fold));
  const prefixes = (input.generatedNamePrefixes ?? []).map(fold);
  const namesThisPolicy = (id) => {
    const name = fold(policyNameOf(id));
    return names.has(name) || prefixes.some((prefix) => name.startsWith(prefix));
  };
  const byId = steps.filter(
    (s) => s.existingPolicyId !== void 0 && namesThisPolicy(s.existingPolicyId)
  );
  if (byId.length > 0) {
    const creates = byId.filter((s) => s.action === "CREATE_POLICY");
    if (creates.length > 1) {
      return {
        unavailable: `the recommendation has ${creates.length} CREATE_POLICY steps for this policy`
      };
    }
    const detach = byId.find((s) => s.action === "DETACH_POLICY");
    return {
      ...creates[0] ? { create: creates[0] } : {},
      ...detach?.existingPolicyId ? { detachId: detach.existingPolicyId } : {},
      matchedBy: "id"
    };
  }
  const original = readStatements(input.document).statements;
  const candidates2 = steps.filter((s) => {
    if (s.action !== "CREATE_POLICY" || s.recommendedPolicy === void 0) return false;
    const recommended = readStatements(s.recommendedPolicy).statements;
    if (recommended.length === 0 || recommended.length > MAX_COMPARED_STATEMENTS) return false;
    return align(original, recommended, new Expander(comparisonUniverse(input, recommended))).complete;
  });
  if (candidates2.length === 1)
    return { create: candidates2[0], matchedBy: "content" };
  const ids = steps.map((s) => s.existingPolicyId).filter((id) => id !== void 0);
  if (candidates2.length > 1) {
    return {
      unavailable: `${candidates2.length} of the recommended policies could be this one by content (${unique(ids).join(", ")}); give the policy its name (PolicyName, ManagedPolicyName) so that it matches by name`
    };
  }
  if (steps.length === 0) return { unavailable: "the recommendation has no steps" };
  return {
    unavailable: `no step of the recommendation is about this policy (they name ${unique(ids).join(", ") || "no policy"})`
  };
}
function policyNameOf(id) {
  const m = /^arn:aws[a-z-]*:iam::(?:\d{12}|aws):policy\/(?:.*\/)?([^/]+)$/.exec(id);
  return m ? m[1] : id;
}
function compareStatements(input, p, original, recommended, detached) {
  const universe = comparisonUniverse(input, recommended);
  const expander = new Expander(universe);
  const allowed = (statement2) => expander.allowed(statement2);
  const keep = input.keepActions ?? [];
  const own = UnusedSet.resolve([p], universe);
  const everyone = input.principals.map((q) => ({
    principal: q.principal,
    unused: UnusedSet.resolve([q], universe)
  }));
  const keepIndex = new PatternIndex(keep);
  const alignment = align(original, recommended, expander).pairs;
  const ours = ourStatements(input.refinement, original.length);
  const reasons = [];
  const matched2 = new Set(alignment.filter((j) => j !== void 0));
  const explained = /* @__PURE__ */ new Set();
  recommended.forEach((r, j) => {
    if (matched2.has(j)) return;
    const best = original.findIndex(
      (o, i) => alignment[i] === void 0 && skeleton(o) === skeleton(r)
    );
    if (best >= 0) explained.add(best);
    const extra = best >= 0 ? [...allowed(r)].filter((a) => !allowed(original[best]).has(a)) : [];
    reasons.push({
      kind: "unaligned",
      recommendedStatement: j,
      ...extra.length > 0 ? { actions: display(extra, universe) } : {}
    });
  });
  original.forEach((o, i) => {
    if (explained.has(i)) return;
    const j = alignment[i];
    const mine = { statement: ours[i] ?? null };
    const theirs = {
      statement: j === void 0 ? null : recommended[j]
    };
    const ref = statementRef(o, i);
    const kept = canonical(mine.statement) === canonical(o);
    const theirsKept = canonical(theirs.statement) === canonical(o);
    if (!isAllowWithActions(o)) {
      if (canonical(mine.statement) !== canonical(theirs.statement)) {
        reasons.push({ kind: "not-refined-by-us", statement: ref, note: notRefinedNote(o) });
      }
      return;
    }
    const a = allowed(mine.statement);
    const b = allowed(theirs.statement);
    const onlyOurs = [...a].filter((x) => !b.has(x)).sort();
    const onlyAws = [...b].filter((x) => !a.has(x)).sort();
    if (onlyOurs.length === 0 && onlyAws.length === 0) {
      if (mine.statement === null !== (theirs.statement === null) || !sameEntries2(mine.statement, theirs.statement)) {
        reasons.push({
          kind: "written-differently",
          statement: ref,
          ours: entriesOf(mine.statement),
          aws: entriesOf(theirs.statement)
        });
      }
      return;
    }
    if (kept && !theirsKept && isNotAction(o)) {
      reasons.push({
        kind: "not-refined-by-us",
        statement: ref,
        note: notRefinedNote(o),
        actions: display(onlyOurs, universe)
      });
      return;
    }
    if (theirsKept && !kept && !detached) {
      reasons.push({
        kind: "not-refined-by-aws",
        statement: ref,
        actions: display(onlyAws, universe)
      });
      return;
    }
    const groups = /* @__PURE__ */ new Map();
    const usedBy = /* @__PURE__ */ new Set();
    const add = (kind, name) => {
      const list2 = groups.get(kind) ?? [];
      list2.push(name);
      groups.set(kind, list2);
    };
    const named = new Set(
      entriesOf(o, "Action").filter((e) => !hasWildcard(e)).map(fold)
    );
    for (const x of onlyOurs) {
      if (keep.length > 0 && keepIndex.allows(x)) add("keep-actions", x);
      else if (own.has(x)) {
        add("shared", x);
        for (const q of everyone) if (!q.unused.has(x)) usedBy.add(q.principal);
      } else if (universe.inCatalog(x) && !named.has(x)) add("aws-catalog", x);
      else add("removes-used", x);
    }
    for (const x of onlyAws) {
      if (own.has(x) || everyone.every((q) => q.unused.has(x))) add("keeps-unused", x);
      else add("our-catalog", x);
    }
    for (const [kind, names] of groups) {
      reasons.push({
        kind,
        statement: ref,
        actions: display(names, universe),
        ...kind === "shared" ? { usedBy: [...usedBy].sort() } : {}
      });
    }
  });
  if (detached) {
    const keptActions = ours.some((s) => s !== null);
    if (keptActions) {
      reasons.unshift({ kind: "detached" });
    }
  }
  return reasons;
}
function ourStatements(refinement, count) {
  const refined = readStatements(refinement.document).statements;
  const out = new Array(count).fill(null);
  let at2 = 0;
  for (const s of refinement.statements) {
    if (s.status === "removed") continue;
    const statement2 = refined[at2++];
    out[s.index] = isRecord(statement2) ? statement2 : null;
  }
  return out;
}
function align(original, recommended, expander) {
  const n = original.length;
  const m = recommended.length;
  const originalSkeletons = original.map(skeleton);
  const recommendedSkeletons = recommended.map(skeleton);
  const fit = (i2, j2) => {
    if (originalSkeletons[i2] !== recommendedSkeletons[j2]) return 0;
    const inside = expander.allowed(original[i2]);
    for (const x of expander.allowed(recommended[j2])) if (!inside.has(x)) return 0;
    if (entriesVerbatim(recommended[j2], original[i2])) return 3;
    return entriesInside(recommended[j2], original[i2]) ? 2 : 1;
  };
  const fits = Array.from({ length: n }, (_, i2) => Array.from({ length: m }, (_2, j2) => fit(i2, j2)));
  const weight = (f) => f === 0 ? 0 : 2 * m + 1 + (f - 1);
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const at2 = (i2, j2) => best[i2][j2];
  for (let i2 = n - 1; i2 >= 0; i2--) {
    for (let j2 = m - 1; j2 >= 0; j2--) {
      const skip = Math.max(at2(i2 + 1, j2), at2(i2, j2 + 1));
      const f = fits[i2][j2];
      best[i2][j2] = f > 0 ? Math.max(skip, weight(f) + at2(i2 + 1, j2 + 1)) : skip;
    }
  }
  const pairs2 = new Array(n).fill(void 0);
  let i = 0;
  let j = 0;
  let matched2 = 0;
  while (i < n && j < m) {
    const f = fits[i][j];
    if (f > 0 && at2(i, j) === weight(f) + at2(i + 1, j + 1)) {
      pairs2[i++] = j++;
      matched2++;
    } else if (at2(i + 1, j) >= at2(i, j + 1)) i++;
    else j++;
  }
  return { pairs: pairs2, complete: matched2 === m };
}
function entriesVerbatim(inner, outer) {
  const has = (statement2, key) => new Set(entriesOf(statement2, key).map(fold));
  const action = has(outer, "Action");
  const notAction = has(inner, "NotAction");
  return entriesOf(inner, "Action").every((e) => action.has(fold(e))) && entriesOf(outer, "NotAction").every((e) => notAction.has(fold(e)));
}
function entriesInside(inner, outer) {
  const action = new PatternIndex(entriesOf(outer, "Action"));
  const notAction = new PatternIndex(entriesOf(inner, "NotAction"));
  return entriesOf(inner, "Action").every((e) => action.covers(fold(e))) && entriesOf(outer, "NotAction").every((e) => notAction.covers(fold(e)));
}
function comparisonUniverse(input, recommended) {
  const literals = [];
  for (const s of [...readStatements(input.document).statements, ...recommended]) {
    for (const entry of [...entriesOf(s, "Action"), ...entriesOf(s, "NotAction")]) {
      if (!hasWildcard(entry)) literals.push(entry);
    }
  }
  const keep = (input.keepActions ?? []).filter((k) => !hasWildcard(k));
  return new Universe(input.catalog, namedActions(input.principals), literals, keep);
}
var Expander = class {
  constructor(universe) {
    this.universe = universe;
  }
  universe;
  cache = /* @__PURE__ */ new Map();
  allowed(statement2) {
    const cached = this.cache.get(statement2);
    if (cached) return cached;
    let out = /* @__PURE__ */ new Set();
    if (isRecord(statement2) && statement2.Effect === "Allow") {
      if ("Action" in statement2) out = expand2(entriesOf(statement2, "Action"), this.universe);
      else if ("NotAction" in statement2) {
        const excluded = expand2(entriesOf(statement2, "NotAction"), this.universe);
        out = new Set(this.universe.names.filter((name) => !excluded.has(name)));
      }
    }
    this.cache.set(statement2, out);
    return out;
  }
};
function expand2(entries, universe) {
  const names = /* @__PURE__ */ new Set();
  for (const entry of entries) {
    if (hasWildcard(entry)) for (const name of universe.matching(entry)) names.add(name);
    else names.add(fold(entry));
  }
  return names;
}
function entriesOf(statement2, key = "Action") {
  if (!isRecord(statement2)) return [];
  const value = statement2[key];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string");
  return [];
}
function sameEntries2(a, b) {
  if (a === null || b === null) return a === b;
  for (const key of ["Action", "NotAction"]) {
    if (key in a !== key in b) return false;
    const x = entriesOf(a, key).map(fold);
    const y = entriesOf(b, key).map(fold);
    const xs = new Set(x);
    const ys = new Set(y);
    if (xs.size === ys.size && [...xs].every((e) => ys.has(e))) continue;
    const inside = (from, to) => {
      const index = new PatternIndex(to);
      return from.every((e) => index.covers(e));
    };
    if (!inside(x, y) || !inside(y, x)) return false;
  }
  return true;
}
function isAllowWithActions(statement2) {
  if (!isRecord(statement2) || statement2.Effect !== "Allow") return false;
  const key = "Action" in statement2 ? "Action" : "NotAction" in statement2 ? "NotAction" : void 0;
  if (key === void 0) return false;
  const value = statement2[key];
  return typeof value === "string" || Array.isArray(value) && value.every((v) => typeof v === "string");
}
function isNotAction(statement2) {
  return isRecord(statement2) && "NotAction" in statement2 && !("Action" in statement2);
}
function notRefinedNote(statement2) {
  if (!isRecord(statement2)) return "is not an object";
  if (statement2.Effect === "Deny") return "is a Deny, which iam-refine never narrows";
  if (isNotAction(statement2)) return "uses NotAction, which iam-refine does not refine";
  return "has a shape iam-refine leaves as it is";
}
function skeleton(statement2) {
  if (!isRecord(statement2)) return canonical(statement2);
  const rest = {};
  for (const [k, v] of Object.entries(statement2)) {
    if (k !== "Action" && k !== "NotAction") rest[k] = v;
  }
  rest["#form"] = "NotAction" in statement2 ? "NotAction" : "Action";
  return canonical(rest);
}
function canonical(value) {
  if (value === void 0) return "undefined";
  if (Array.isArray(value)) {
    if (value.length === 1) return canonical(value[0]);
    return `[${value.map(canonical).join(",")}]`;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
function statementRef(statement2, index) {
  return isRecord(statement2) && typeof statement2.Sid === "string" ? { index, sid: statement2.Sid } : { index };
}
function display(folded, universe) {
  return [...folded].sort().map((name) => universe.displayOf(name));
}
function unique(items) {
  return [...new Set(items)];
}

// src/sources/proof.ts
async function withAwsProof(text2, outcome, prove, onWithheld) {
  if (!outcome.report || !outcome.policies) return outcome;
  const reasons = /* @__PURE__ */ new Map();
  for (const p of outcome.policies) {
    if (p.report.status !== "refined" || !p.refinement) continue;
    const verdict = await prove(p.location.document, p.refinement);
    if (verdict.ok) continue;
    const reason = verdict.defect ? `IAM Access Analyzer did not confirm the refinement (${verdict.reason}), so it is withheld; this is a defect of iam-refine, please report it` : `IAM Access Analyzer could not check the refinement (${verdict.reason}), so it is withheld`;
    onWithheld(p, reason, verdict.defect);
    reasons.set(p, reason);
  }
  return withholdPolicies(text2, outcome, (p) => reasons.get(p));
}
function withholdPolicies(text2, outcome, reasonFor) {
  const report = outcome.report;
  if (!report || !outcome.policies) return outcome;
  const withheld = /* @__PURE__ */ new Set();
  for (const p of outcome.policies) {
    if (p.report.status === "refined" && reasonFor(p) !== void 0) withheld.add(p);
  }
  if (withheld.size === 0) return outcome;
  const kept = outcome.policies.filter((p) => p.report.status === "refined" && !withheld.has(p));
  const problem = kept.length === 0 ? void 0 : outcome.prove ? outcome.prove(kept) : "the edits left could not be proven again";
  const dropped = /* @__PURE__ */ new Set();
  const policies = outcome.policies.map((p) => {
    const reason = withheld.has(p) ? reasonFor(p) : kept.includes(p) ? problem : void 0;
    if (reason === void 0) return p;
    for (const e of p.report.edits) dropped.add(`${e.start}:${e.end}`);
    return {
      ...p,
      edits: [],
      report: { ...p.report, status: "not-editable", reason, edits: [] }
    };
  });
  const edits = report.edits.filter((e) => !dropped.has(`${e.start}:${e.end}`));
  const next = { ...report, policies: policies.map((p) => p.report), edits };
  return {
    report: next,
    policies,
    ...edits.length > 0 ? { fixedText: applyEdits(text2, edits) } : {},
    ...outcome.prove ? { prove: outcome.prove } : {}
  };
}

// src/sources/agreement.ts
function withAwsAgreement(outcome, path, options) {
  const report = outcome.report;
  if (!report || !outcome.policies) return outcome;
  let changed = false;
  const policies = outcome.policies.map((p) => {
    const agreement = agreementOf(p, path, options);
    if (!agreement) return p;
    changed = true;
    return { ...p, report: { ...p.report, awsAgreement: agreement } };
  });
  if (!changed) return outcome;
  const next = { ...report, policies: policies.map((p) => p.report) };
  return { ...outcome, report: next, policies };
}
function agreementOf(p, path, options) {
  const r = p.refinement;
  if (!r || !(r.changed || r.unusedPolicy)) return void 0;
  return compareWithRecommendation({
    catalog: options.catalog,
    document: p.location.document,
    refinement: r,
    principals: p.principals,
    keepActions: options.config.keepActions,
    policyNames: policyNames(p.location),
    generatedNamePrefixes: generatedPrefixes(p.location, path, options.config),
    recommendations: options.recommendations
  });
}
function policyNames(location2) {
  const names = [];
  if (location2.policyName !== void 0) names.push(location2.policyName);
  if (location2.kind === "json-policy" && location2.path.length === 0) {
    const base = location2.file.split(/[\\/]/).pop() ?? "";
    const name = base.split(".")[0] ?? "";
    if (name !== "") names.push(name);
  }
  return names;
}
function generatedPrefixes(location2, path, config) {
  if (location2.kind !== "cfn-managed-policy" || location2.policyName !== void 0 || !location2.resource) {
    return [];
  }
  const stack = stackFor(config, path)?.name;
  return stack === void 0 ? [] : [`${stack}-${location2.resource.logicalId}-`];
}
function withholdDisagreements(text2, outcome, describe3) {
  return withholdPolicies(text2, outcome, (p) => {
    const agreement = p.report.awsAgreement;
    if (agreement?.verdict !== "differs") return void 0;
    return `it differs from IAM Access Analyzer's recommendation and require-aws-agreement is set (${describe3(agreement)})`;
  });
}

// src/report/reasons.ts
var LISTED2 = 8;
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
function listNames(names, name = plain, listed = LISTED2) {
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

// src/sources/principals.ts
function mapPrincipals(location2, ctx) {
  const entry = principalEntryFor(ctx.config, ctx.file);
  if (entry) return mappedTo(entry.principals, "config", [], ctx);
  let reason;
  if (location2.attachments.length > 0) {
    const resolved = resolveAttachments(location2.attachments, ctx);
    if (resolved.ok) {
      return mappedTo(
        resolved.principals,
        attachmentSource(location2.attachments),
        resolved.notes,
        ctx
      );
    }
    if (resolved.ambiguous) return { mapped: false, reason: resolved.reason, ambiguous: true };
    reason = resolved.reason;
  } else if (location2.kind !== "json-policy") {
    reason = "the template attaches it to no role or user";
  } else {
    const byName = principalsNamedLike(ctx.file, ctx.known, accountFor(ctx));
    if (byName.kind === "found") return mappedTo(byName.principals, "file-name", [], ctx);
    if (byName.kind === "ambiguous") {
      return { mapped: false, reason: byName.reason, ambiguous: true };
    }
    reason = "no configuration entry matches it, and no role or user in the findings is named like its file or folder";
  }
  if (ctx.fallback && ctx.fallback.length > 0) {
    return mappedTo(ctx.fallback, "command-line", [], ctx);
  }
  return { mapped: false, reason };
}
function mappedTo(principals, via, notes, ctx) {
  const unique2 = [...new Set(principals)];
  return {
    mapped: true,
    principals: unique2,
    via,
    notes,
    uncovered: unique2.filter((p) => !ctx.covered(p))
  };
}
function resolveAttachments(attachments, ctx) {
  const principals = [];
  const notes = [];
  const stackEntry = stackFor(ctx.config, ctx.file);
  const stack = stackEntry?.name;
  for (const a of attachments) {
    const label2 = describe2(a);
    if (a.type === "group") {
      return {
        ok: false,
        reason: `it is attached to ${label2}: findings are about roles and users, so map the file in the configuration's principals`
      };
    }
    if (a.unresolved)
      return {
        ok: false,
        reason: `${a.unresolved}${a.via ? ` (through ${a.via})` : ""}; map the file in the configuration's principals`
      };
    const kind = a.type;
    if (a.via) notes.push(`mapped through ${a.via}`);
    if (a.namePrefix !== void 0) {
      const prefixed = new RegExp(
        `:${kind}${pathPattern(a.path)}${escape(a.namePrefix)}\\d{18}[0-9a-f]{8}$`,
        "i"
      );
      const account2 = a.account ?? accountFor(ctx);
      const matches = namedWithPrefix(ctx.known, a.namePrefix.toLowerCase()).filter(
        (arn2) => prefixed.test(arn2) && (account2 === void 0 || accountOf(arn2) === account2)
      );
      const accounts2 = [...new Set(matches.map(accountOf))];
      if (accounts2.length > 1) {
        return {
          ok: false,
          ambiguous: true,
          reason: `${label2} names roles in ${accounts2.length} accounts the findings cover (${accounts2.join(", ")}): say which account in the configuration`
        };
      }
      if (matches.length === 0) {
        return {
          ok: false,
          reason: `no finding names a ${kind} ${a.namePrefix}<26 characters> (${label2}): map the file in the configuration's principals`
        };
      }
      principals.push(...matches);
      continue;
    }
    let pattern;
    let name;
    let key;
    if (a.name !== void 0) {
      pattern = { kinds: [kind], path: a.path, tail: a.name, caseless: true };
      name = `${a.path ?? "/"}${a.name}`;
      key = a.name.toLowerCase();
    } else if (a.logicalId !== void 0) {
      if (stack === void 0) {
        return {
          ok: false,
          reason: `${label2} has a name CloudFormation generates (${"<stack>"}-${a.logicalId}-<suffix>): name this template's stack in the configuration's stacks`
        };
      }
      pattern = {
        kinds: [kind],
        path: a.path,
        tail: `${stack}-${a.logicalId}-`,
        caseless: false,
        generatedSuffix: true
      };
      name = `/${stack}-${a.logicalId}-*`;
      key = `${stack}-${a.logicalId}`.toLowerCase();
    } else {
      return { ok: false, reason: `${label2} has no name` };
    }
    if (a.derivation !== void 0) notes.push(a.derivation);
    const account = a.account ?? stackEntry?.account ?? accountFor(ctx);
    const inAccount = candidates(ctx.known, key).filter(
      (arn2) => matchesPrincipal(arn2, pattern) && (account === void 0 || accountOf(arn2) === account)
    );
    const accounts = [...new Set(inAccount.map(accountOf))];
    if (accounts.length > 1) {
      return {
        ok: false,
        ambiguous: true,
        reason: `${label2} is a name held in ${accounts.length} accounts the findings cover (${accounts.join(", ")}): say which account in the configuration (account, or the stack's account)`
      };
    }
    if (inAccount.length > 0) {
      principals.push(...inAccount);
      continue;
    }
    if (account === void 0 || a.name === void 0) {
      return {
        ok: false,
        reason: `no finding names ${label2}, and no account is named for it: map the file in the configuration's principals or name the account`
      };
    }
    const arn = `arn:aws:iam::${account}:${kind}${name}`;
    principals.push(arn);
    notes.push(`no finding names ${arn}`);
  }
  return { ok: true, principals: [...new Set(principals)], notes: [...new Set(notes)] };
}
var SOURCE_ORDER = [
  "terraform-name",
  "terraform-name-prefix",
  "terraform-variables",
  "terraform-module"
];
function attachmentSource(attachments) {
  let rank = -1;
  for (const a of attachments) {
    rank = Math.max(rank, a.source ? SOURCE_ORDER.indexOf(a.source) : -1);
  }
  return SOURCE_ORDER[rank] ?? "template";
}
function accountFor(ctx) {
  if (ctx.config.account !== void 0) return ctx.config.account;
  return indexOf(ctx.known).onlyAccount;
}
function accountOf(arn) {
  return /^arn:[^:]*:iam::(\d{12}):/.exec(arn)?.[1] ?? "";
}
function describe2(a) {
  if (a.samResource) return `the role SAM creates for ${a.samResource}`;
  if (a.name !== void 0) return `${a.type} ${a.name}`;
  if (a.namePrefix !== void 0) return `${a.type} with name_prefix ${a.namePrefix}`;
  if (a.logicalId !== void 0) return `${a.type} ${a.logicalId}`;
  return `a ${a.type}`;
}
function pathPattern(path) {
  if (path === void 0) return "/(?:[^/]+/)*";
  return escape(path.endsWith("/") ? path : `${path}/`);
}
function principalsNamedLike(file, known, account) {
  const parts = file.split("/").filter((p) => p !== "" && p !== ".");
  const base = parts.pop();
  const names = [base?.split(".")[0] ?? "", ...parts.reverse()].filter((n) => n !== "");
  for (const name of names) {
    const named = candidates(known, name.toLowerCase());
    const pattern = { kinds: ["role", "user"], tail: name, caseless: true };
    const matches = named.filter(
      (arn) => matchesPrincipal(arn, pattern) && (account === void 0 || accountOf(arn) === account)
    );
    if (matches.length === 0) continue;
    const accounts = [...new Set(matches.map(accountOf))];
    if (accounts.length > 1) {
      return {
        kind: "ambiguous",
        reason: `${name} names principals in ${accounts.length} accounts the findings cover (${accounts.join(", ")}): map the file in the configuration's principals, or name the account`
      };
    }
    return { kind: "found", principals: matches };
  }
  return { kind: "none" };
}
var indexes = /* @__PURE__ */ new WeakMap();
function indexOf(known) {
  let index = indexes.get(known);
  if (index) return index;
  const byName = /* @__PURE__ */ new Map();
  const add = (key, arn) => {
    const list2 = byName.get(key);
    if (list2) list2.push(arn);
    else byName.set(key, [arn]);
  };
  const sorted = [];
  const accounts = /* @__PURE__ */ new Set();
  for (const arn of known) {
    const last = arn.slice(arn.lastIndexOf("/") + 1).toLowerCase();
    add(last, arn);
    const dash = last.lastIndexOf("-");
    if (dash > 0) add(`${last.slice(0, dash)}-*`, arn);
    sorted.push({ name: last, arn });
    accounts.add(accountOf(arn));
  }
  sorted.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  index = { byName, sorted, onlyAccount: accounts.size === 1 ? [...accounts][0] : void 0 };
  indexes.set(known, index);
  return index;
}
function candidates(known, name) {
  const { byName } = indexOf(known);
  return [...byName.get(name) ?? [], ...byName.get(`${name}-*`) ?? []];
}
function namedWithPrefix(known, prefix) {
  if (prefix.includes("/")) return known;
  const { sorted } = indexOf(known);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (sorted[mid].name < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < sorted.length && sorted[i].name.startsWith(prefix); i++) {
    out.push(sorted[i].arn);
  }
  return out;
}
function matchesPrincipal(arn, pattern) {
  const { path, caseless } = pattern;
  if (caseless && !isAscii(arn + pattern.tail + (path ?? ""))) {
    return principalRegExp(pattern).test(arn);
  }
  const text2 = caseless ? arn.toLowerCase() : arn;
  const tail = caseless ? pattern.tail.toLowerCase() : pattern.tail;
  if (!pattern.generatedSuffix) return endsWithPrincipal(text2, text2.length, tail, pattern);
  let run2 = text2.length;
  while (run2 > 0 && isAsciiAlphanumeric(text2.charCodeAt(run2 - 1))) run2--;
  for (let end = run2; end < text2.length; end++) {
    if (endsWithPrincipal(text2, end, tail, pattern)) return true;
  }
  return false;
}
function endsWithPrincipal(text2, end, tail, { kinds, path, caseless }) {
  if (end < tail.length || !text2.startsWith(tail, end - tail.length)) return false;
  const before = text2.slice(0, end - tail.length);
  for (const kind of kinds) {
    if (path !== void 0) {
      const folder2 = path.endsWith("/") ? path : `${path}/`;
      if (before.endsWith(`:${kind}${caseless ? folder2.toLowerCase() : folder2}`)) return true;
      continue;
    }
    const lead = `:${kind}/`;
    for (let i = before.indexOf(lead); i >= 0; i = before.indexOf(lead, i + 1)) {
      const rest = before.slice(i + lead.length);
      if (rest === "" || rest.endsWith("/") && !rest.startsWith("/") && !rest.includes("//")) {
        return true;
      }
    }
  }
  return false;
}
function principalRegExp(pattern) {
  const kinds = pattern.kinds.map(escape).join("|");
  const suffix = pattern.generatedSuffix ? "[A-Za-z0-9]+" : "";
  return new RegExp(
    `:(?:${kinds})${pathPattern(pattern.path)}${escape(pattern.tail)}${suffix}$`,
    pattern.caseless ? "i" : ""
  );
}
function isAscii(s) {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
function isAsciiAlphanumeric(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// src/sources/scan.ts
function refineFile(input, options) {
  const scan = () => scanFile(input.text, input.file, {
    ...options.formats,
    path: input.path,
    ...input.included ? { included: input.included } : {}
  });
  return refineScan(input, scan(), options, scan);
}
function refineScan(input, scanned, options, rescan = () => scanned) {
  const { scan } = scanned;
  if (scan.status === "none") return { report: void 0 };
  if (scan.status !== "policies") {
    return {
      report: {
        file: input.file,
        status: scan.status,
        ...scan.message !== void 0 ? { message: scan.message } : {},
        ...scan.line !== void 0 ? { line: scan.line, column: scan.column } : {},
        policies: [],
        notes: [],
        edits: []
      }
    };
  }
  const statements2 = scan.policies.reduce((n, p) => n + p.statements.length, 0);
  if (statements2 > MAX_STATEMENTS_PER_FILE) {
    return {
      report: {
        file: input.file,
        status: "skipped",
        message: `holds ${statements2} statements, over the limit of ${MAX_STATEMENTS_PER_FILE} for one file; not checked`,
        policies: [],
        notes: scan.notes,
        edits: []
      }
    };
  }
  const lines = new LineIndex(input.text);
  const budget = newWorkBudget();
  const started = options.clock?.();
  const refined = scan.policies.map((location2) => {
    if (started !== void 0 && options.clock() - started > MAX_SECONDS_PER_FILE * 1e3) {
      return {
        done: uncheckedDraft(
          location2,
          `not checked: the file took more than ${MAX_SECONDS_PER_FILE} s to refine`
        )
      };
    }
    const mapping = mapPrincipals(location2, {
      file: input.path,
      config: options.config,
      known: options.findings.known,
      covered: (arn) => isCovered(options.findings, arn) || isFallback(arn, options),
      ...options.fallbackPrincipals ? { fallback: options.fallbackPrincipals } : {}
    });
    return refineLocation(location2, mapping, options, budget);
  });
  const drafts = refined.map(
    (r, i) => finishLocation(scanned, r, otherInlineSize(refined, i), lines)
  );
  const fileEdits = proveFileEdits(scanned, drafts);
  const sorted = [...fileEdits].sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    report: {
      file: input.file,
      status: "policies",
      policies: drafts.map((d) => d.report),
      notes: scan.notes,
      edits: sorted.map((e) => reportEdit(e, lines))
    },
    ...sorted.length > 0 ? { fixedText: applyEdits(input.text, sorted) } : {},
    policies: drafts.map(
      (d) => d.report.status === "not-editable" && d.edits.length > 0 ? { ...d, edits: [] } : d
    ),
    prove: proverOf(rescan)
  };
}
function proverOf(rescan) {
  return (policies) => rescan().prove(
    policies.map(provenChange),
    policies.flatMap((p) => p.edits)
  );
}
function proveFileEdits(scanned, drafts) {
  const prove = (set2) => scanned.prove(
    set2.map(provenChange),
    set2.flatMap((d) => d.edits)
  );
  const editing = drafts.filter((d) => d.report.status === "refined");
  if (editing.length === 0) return [];
  const problem = prove(editing);
  if (problem === void 0) return editing.flatMap((d) => d.edits);
  if (editing.length === 1) {
    refuse(editing[0], problem);
    return [];
  }
  const passed = [];
  for (const d of editing) {
    const alone = prove([d]);
    if (alone === void 0) passed.push(d);
    else refuse(d, alone);
  }
  const together = passed.length === editing.length ? problem : passed.length > 1 ? prove(passed) : void 0;
  if (together === void 0) return passed.flatMap((d) => d.edits);
  for (const d of passed) {
    d.report = { ...d.report, status: "not-editable", reason: together, edits: [] };
  }
  return [];
}
function refuse(draft, reason) {
  const { status: _status, edits: _edits, ...common } = draft.report;
  draft.report = { ...common, status: "not-editable", reason, edits: [] };
}
function provenChange(p) {
  return {
    location: p.location,
    document: p.refinement?.document,
    removed: (p.refinement?.statements ?? []).filter((s) => s.status === "removed").map((s) => s.index)
  };
}
function reportBase(location2) {
  return {
    pointer: location2.pointer,
    path: location2.path,
    kind: location2.kind,
    ...location2.branches ? { branches: location2.branches } : {},
    ...location2.resource ? { resource: location2.resource } : {},
    ...location2.policyName !== void 0 ? { policyName: location2.policyName } : {},
    range: location2.range
  };
}
function uncheckedDraft(location2, reason) {
  return {
    location: location2,
    principals: [],
    edits: [],
    report: {
      ...reportBase(location2),
      principals: [],
      statements: [],
      edits: [],
      unusedActions: [],
      status: "unchecked",
      reason,
      warnings: []
    }
  };
}
function refineLocation(location2, mapping, options, budget) {
  const base = reportBase(location2);
  const empty = { statements: [], edits: [], unusedActions: [] };
  if (!mapping.mapped) {
    return {
      done: {
        location: location2,
        principals: [],
        edits: [],
        report: {
          ...base,
          ...empty,
          principals: [],
          status: "unmapped",
          reason: mapping.reason,
          ...mapping.ambiguous ? { ambiguous: true } : {},
          warnings: []
        }
      }
    };
  }
  const mapped = {
    ...base,
    principals: mapping.principals,
    principalSource: mapping.via
  };
  const answered = (principals2, status, reason) => ({
    done: {
      location: location2,
      principals: principals2,
      edits: [],
      report: { ...mapped, ...empty, status, reason, warnings: [...mapping.notes] }
    }
  });
  if (mapping.uncovered.length > 0) {
    const one = mapping.uncovered.length === 1;
    return answered(
      [],
      "unchecked",
      `the findings say nothing about ${mapping.uncovered.join(", ")}: no finding names ${one ? "it" : "them"} and the analyzer's coverage of ${one ? "its account" : "their accounts"} is not recorded, so whether it uses everything or was never analyzed cannot be told`
    );
  }
  const principals = mapping.principals.map((p) => unusedOf2(p, options));
  let refinement;
  try {
    refinement = refinePolicy(location2.document, {
      catalog: options.catalog,
      principals,
      keepActions: options.config.keepActions,
      quota: location2.quota,
      budget
    });
  } catch (error) {
    if (error instanceof LimitError) {
      return answered(
        principals,
        error.kind === "check" ? "unchecked" : "not-editable",
        error.message
      );
    }
    if (error instanceof ConfigurationError || error instanceof InvariantError) {
      return answered(
        principals,
        error instanceof InvariantError ? "error" : "invalid",
        error.message
      );
    }
    throw error;
  }
  return { location: location2, mapped, notes: mapping.notes, principals, refinement };
}
function otherInlineSize(all, index) {
  const self = all[index];
  if (!self || "done" in self || self.location.quota.kind === QUOTAS.managed.kind) return 0;
  const key = principalKey(self.location);
  if (key === void 0) return 0;
  let size = 0;
  all.forEach((other, i) => {
    if (i === index || "done" in other || other.location.branches) return;
    if (other.location.quota.kind !== self.location.quota.kind) return;
    if (principalKey(other.location) !== key) return;
    const [a, b] = [self.location.path, other.location.path];
    const nested = (x, y) => x.length <= y.length && x.every((step, j) => y[j] === step);
    if (nested(a, b) || nested(b, a)) return;
    size += other.refinement.size.after;
  });
  return size;
}
function principalKey(location2) {
  if (location2.attachments.length === 0) return void 0;
  return location2.attachments.map((a) => `${a.type}:${a.logicalId ?? ""}:${a.name ?? ""}:${a.unresolved ?? ""}`).sort().join("|");
}
function finishLocation(scanned, refined, others, lines) {
  if ("done" in refined) return refined.done;
  const { location: location2, mapped, principals, refinement } = refined;
  const statements2 = statementReports(location2, refinement);
  const unusedActions = [
    ...new Set(refinement.statements.flatMap((s) => s.changes.flatMap((c) => c.unused)))
  ];
  const statementNotes = refinement.statements.flatMap((s) => s.note ? [`: ${s.note}`] : []);
  const quota = location2.quota;
  const { before, after } = refinement.size;
  const total = after + others;
  const overQuota = total > quota.limit && after > before;
  const common = {
    ...mapped,
    statements: statements2,
    unusedActions,
    warnings: [
      ...refined.notes,
      // statement notes are the statements' own; the quota is said below, with its options
      ...refinement.warnings.filter(
        (w) => !statementNotes.some((n) => w.endsWith(n)) && !w.includes("-character quota for")
      )
    ],
    size: { before, after, quota, ...others > 0 ? { others } : {} },
    overQuota: total > quota.limit,
    unusedPrincipal: refinement.unusedPrincipal
  };
  const draft = (report, edits2 = []) => ({
    location: location2,
    principals,
    refinement,
    edits: edits2,
    report
  });
  if (!refinement.changed) return draft({ ...common, status: "unchanged", edits: [] });
  if (refinement.unusedPolicy) {
    return draft({
      ...common,
      status: "unused-policy",
      reason: unusedReason(location2),
      edits: []
    });
  }
  if (overQuota) {
    return draft({
      ...common,
      status: "not-editable",
      reason: overQuotaReason(refined, others),
      edits: []
    });
  }
  const rendered = scanned.render(location2, refinement);
  if ("refused" in rendered) {
    return draft({ ...common, status: "not-editable", reason: rendered.refused, edits: [] });
  }
  const edits = [...rendered.edits];
  return draft({ ...common, status: "refined", edits: edits.map((e) => reportEdit(e, lines)) }, edits);
}
function unusedReason(location2) {
  switch (location2.form ?? "document") {
    case "statement":
    case "action":
      return "no action is left in this branch of Fn::If: replace the branch by !Ref AWS::NoValue, or delete the statement";
    case "statements":
      return location2.branches ? "no statement is left in this branch of Fn::If: replace the branch by !Ref AWS::NoValue" : "no statement is left: delete the statements (the role keeps its other policies)";
    default:
      return location2.branches ? "no statement is left in this branch of Fn::If: replace the branch by !Ref AWS::NoValue, or detach or delete the policy" : "no statement is left: detach the policy from its principals or delete it";
  }
}
function overQuotaReason(refined, others) {
  const { before, after } = refined.refinement.size;
  const quota = refined.location.quota;
  const withOthers = others > 0 ? `, ${after + others} with the principal's other inline policies in this file` : "";
  return `the refinement would be ${after} characters without white space (the policy is ${before} now)${withOthers}, over IAM's ${quota.limit}-character quota for ${quota.kind}, so it could not be deployed and no fix is suggested: ` + (quota.kind === QUOTAS.managed.kind ? "split the policy into several, " : "split the policy into several, move it to a managed policy, ") + "or accept the listed unused actions with keep-actions in the configuration";
}
function isFallback(arn, options) {
  return options.findings.byPrincipal.has("") && (options.fallbackPrincipals?.includes(arn) ?? false);
}
function unusedOf2(principal, options) {
  const own = options.findings.byPrincipal.get(principal);
  if (own) return own;
  const anonymous = options.findings.byPrincipal.get("");
  if (anonymous && options.fallbackPrincipals?.includes(principal)) {
    return { ...anonymous, principal };
  }
  return usesEverything(principal);
}
function statementReports(location2, refinement) {
  return refinement.statements.map((s) => {
    const where = location2.statements[s.index];
    const reasons = s.changes.map((c) => describeChange(c));
    if (s.status === "removed") reasons.push("the statement is removed: no action is left");
    const note2 = where?.notEditable ?? s.note;
    return {
      index: s.index,
      ...s.sid !== void 0 ? { sid: s.sid } : {},
      status: s.status,
      ...note2 !== void 0 ? { note: note2 } : {},
      // what the engine cannot read is unchecked, unless a Fn::If's branches are checked apart
      ...s.unreadable && !where?.branched ? { unreadable: true } : {},
      before: s.before,
      after: s.after,
      changes: s.changes,
      reasons,
      range: where?.range ?? location2.range,
      ...where?.action ? { actionRange: where.action.range } : {}
    };
  });
}
function reportEdit(e, lines) {
  return {
    start: e.start,
    end: e.end,
    text: e.text,
    statement: e.statement,
    range: lines.range(e.start, e.end)
  };
}

// src/io/refine-tree.ts
var READ_AHEAD = 16;
var MIN_FILES_FOR_WORKERS = 300;
var MAX_WORKERS = 4;
var MIN_CORES_FOR_WORKERS = 2;
var MIN_FILES_FOR_WORKERS_ON_TWO_CORES = 4e3;
function autoWorkers(files, cores) {
  if (cores < MIN_CORES_FOR_WORKERS || files < MIN_FILES_FOR_WORKERS) return 0;
  if (cores === 2 && files < MIN_FILES_FOR_WORKERS_ON_TWO_CORES) return 0;
  return Math.min(cores, MAX_WORKERS);
}
var WORKER_ENTRY = new URL("./refine-worker.js", import.meta.url);
async function refineTree(options) {
  const files = [];
  let defects = 0;
  for await (const file of refineTreeFiles(options)) {
    files.push(file);
    defects += file.defects;
  }
  return { files, defects };
}
async function* refineTreeFiles(options) {
  const ignored = globMatcher(options.config.ignoreFiles);
  const include = options.include ?? (() => true);
  const walked = (await walkFiles(options.paths, options.root, (rel) => ignored(rel))).filter(
    (f) => include(f.rel)
  );
  const included = await includedFiles(walked, ignored);
  const name = (file) => options.relativeNames ? file.rel : file.path;
  const unread = (file, message) => ({
    path: file.path,
    rel: file.rel,
    explicit: file.explicit,
    report: {
      file: name(file),
      status: "skipped",
      message,
      policies: [],
      notes: [],
      edits: []
    },
    defects: 0
  });
  const early = /* @__PURE__ */ new Map();
  const later = [];
  for await (const { item: file, result } of inOrder(
    [...walked, ...included.extra],
    (file2) => file2.explicit || isTerraformPath(file2.rel) ? readCandidate(file2.path) : sizeRefusal(file2.path),
    READ_AHEAD
  )) {
    if (result?.ok === true) {
      early.set(file, result.text);
      later.push(file);
    } else if (result === void 0) later.push(file);
    else if (result.reason === "too-large" || file.explicit) yield unread(file, result.message);
  }
  const terraformFiles = new Map(
    [...early].filter(([file]) => isTerraformPath(file.rel)).map(([file, text2]) => [file.rel, text2])
  );
  const parserFiles = terraformFiles.size > 0 ? await resolvedParserFiles(options) : void 0;
  const formats = await terraformContext(terraformFiles, parserFiles);
  const refineOptions = {
    catalog: options.catalog,
    findings: options.findings,
    config: options.config,
    // The time bound of one file (src/sources/scan.ts) runs on the process's monotonic clock.
    clock: () => performance.now(),
    formats,
    ...options.fallbackPrincipals ? { fallbackPrincipals: options.fallbackPrincipals } : {}
  };
  const inputOf = (file, text2) => {
    const includes = included.byFile.get(file.rel);
    return { file: name(file), path: file.rel, text: text2, ...includes ? { included: includes } : {} };
  };
  const workers = poolSize(later.length, options);
  const pool = workers > 0 ? new WorkerPool(
    WORKER_ENTRY,
    workerStart(options, terraformFiles, parserFiles),
    workers
  ) : void 0;
  async function* refined() {
    for await (const { item: file, result } of inOrder(
      later,
      async (file2) => {
        const text2 = early.get(file2);
        const read = text2 !== void 0 ? { ok: true, text: text2 } : await readCandidateText(file2.path);
        return pool && read.ok ? { read, refined: await pool.run(inputOf(file2, read.text)) } : { read };
      },
      READ_AHEAD
    )) {
      const { read, refined: refined2 } = result;
      if (read.ok && refined2) {
        const done = treeFile(file, read.text, refined2, 0);
        if (done) yield done;
      } else if (read.ok) {
        yield {
          file,
          text: read.text,
          outcome: refineFile(inputOf(file, read.text), refineOptions)
        };
      } else if (read.reason === "too-large" || file.explicit) yield unread(file, read.message);
    }
  }
  try {
    yield* agreedFiles(refined(), options);
  } finally {
    await pool?.close();
  }
}
async function* agreedFiles(refined, options) {
  const agreement = options.agreement;
  if (agreement && "recommendationsFor" in agreement) {
    const all = [];
    for await (const r of refined) all.push(r);
    const recommendations = await agreement.recommendationsFor(
      all.flatMap((r) => "outcome" in r ? r.outcome.policies ?? [] : [])
    );
    for (const r of all) {
      const done = "outcome" in r ? await finish(r, options, recommendations) : r;
      if (done) yield done;
    }
    return;
  }
  for await (const r of refined) {
    const done = "outcome" in r ? await finish(r, options, agreement?.recommendations) : r;
    if (done) yield done;
  }
}
async function finish({ file, text: text2, outcome: refinedOutcome }, options, recommendations) {
  const name = options.relativeNames ? file.rel : file.path;
  let outcome = withAgreement(refinedOutcome, file.rel, text2, options, {
    ...recommendations ? { recommendations } : {},
    required: options.agreement?.required === true
  });
  let defects = 0;
  if (options.prove && outcome.report) {
    outcome = await withAwsProof(text2, outcome, options.prove, (p, reason, defect) => {
      if (defect) defects++;
      options.onWithheld?.(name, p, reason, defect);
    });
  }
  return treeFile(file, text2, outcome, defects);
}
function withAgreement(outcome, rel, text2, options, agreement) {
  const recommendations = agreement.recommendations;
  if (!outcome.report || !recommendations) return outcome;
  const agreed = withAwsAgreement(outcome, rel, {
    catalog: options.catalog,
    config: options.config,
    recommendations
  });
  return agreement.required ? withholdDisagreements(text2, agreed, (a) => agreementDetails(a).join("; ")) : agreed;
}
function treeFile(file, text2, outcome, defects) {
  const at2 = { path: file.path, rel: file.rel, explicit: file.explicit, text: text2 };
  if (!outcome.report) return file.explicit ? { ...at2, defects } : void 0;
  return {
    ...at2,
    report: outcome.report,
    ...outcome.fixedText !== void 0 ? { fixedText: outcome.fixedText } : {},
    defects
  };
}
function poolSize(files, options) {
  const wanted = options.workers ?? 0;
  if (wanted === 0 || options.prove) return 0;
  if (options.agreement && "recommendationsFor" in options.agreement) return 0;
  if (wanted !== "auto") return wanted;
  return autoWorkers(files, availableParallelism());
}
function workerStart(options, terraformFiles, parserFiles) {
  const agreement = options.agreement;
  return {
    ...options.catalog === bundledCatalog() ? {} : { catalog: options.catalog },
    findings: options.findings,
    config: options.config,
    ...options.fallbackPrincipals ? { fallbackPrincipals: options.fallbackPrincipals } : {},
    ...agreement && "recommendations" in agreement ? { recommendations: agreement.recommendations } : {},
    requireAgreement: agreement?.required === true,
    ...parserFiles ? { terraform: { files: terraformFiles, parserFiles } } : {}
  };
}
async function workerRefiner(start) {
  const catalog = start.catalog ?? bundledCatalog();
  const options = {
    catalog,
    findings: start.findings,
    config: start.config,
    clock: () => performance.now(),
    formats: await terraformContext(
      start.terraform?.files ?? /* @__PURE__ */ new Map(),
      start.terraform?.parserFiles
    ),
    ...start.fallbackPrincipals ? { fallbackPrincipals: start.fallbackPrincipals } : {}
  };
  const agreement = {
    ...start.recommendations ? { recommendations: start.recommendations } : {},
    required: start.requireAgreement
  };
  return (input) => {
    const outcome = withAgreement(
      refineFile(input, options),
      input.path,
      input.text,
      options,
      agreement
    );
    return {
      report: outcome.report,
      ...outcome.fixedText !== void 0 ? { fixedText: outcome.fixedText } : {}
    };
  };
}
async function includedFiles(walked, ignored) {
  const services = [];
  const onDiskOf = /* @__PURE__ */ new Map();
  for (const file of walked) {
    if (!isServerlessFile(file.rel)) continue;
    const read = await readCandidate(file.path);
    if (!read.ok) continue;
    services.push({ path: file.rel, text: read.text });
    onDiskOf.set(file.rel, file.path);
  }
  const byFile = collectIncludes(services);
  const inWalk = new Set(walked.map((f) => f.rel));
  const extra = [];
  for (const [rel, includes] of byFile) {
    if (inWalk.has(rel) || ignored(rel)) continue;
    const from = includes[0]?.from.file ?? "";
    const dir = posix.dirname(from);
    const path = posix.join(
      posix.dirname(onDiskOf.get(from) ?? from),
      posix.relative(dir === "." ? "" : dir, rel)
    );
    if (!await isRegularFile(path)) continue;
    extra.push({ path, rel, explicit: false });
  }
  return { byFile, extra };
}
async function resolvedParserFiles(options) {
  return options.parserFiles ?? (await import("./terraform-parser-F4LOU7FT.mjs")).bundledParserFiles();
}
async function terraformContext(files, parserFiles) {
  if (files.size === 0 || !parserFiles) return {};
  const { loadTerraformParser } = await import("./terraform-parser-F4LOU7FT.mjs");
  return { terraform: new TerraformContext(await loadTerraformParser(parserFiles), files) };
}
async function isRegularFile(path) {
  try {
    return (await lstat2(path)).isFile();
  } catch {
    return false;
  }
}

export {
  isGlob,
  compileGlobs,
  globMatcher,
  agreementLine,
  agreementMarkdown,
  agreementCell,
  agreementDetails,
  describeChange,
  listNames,
  statementLabel,
  describeRefinement,
  EMPTY_CONFIG,
  parseConfig,
  withAwsProof,
  withAwsAgreement,
  withholdDisagreements,
  mayHoldPolicies,
  QUOTAS,
  refinePolicy,
  isTerraformPath,
  TerraformContext,
  folderOf,
  joinPath,
  NOT_A_FORMAT,
  collectIncludes,
  refineFile,
  writeFileAtomically,
  serveTasks,
  refineTree,
  refineTreeFiles,
  workerRefiner
};
