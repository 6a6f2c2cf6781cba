import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  LEFT_ALONE_MARKER,
  fenced,
  guardBody,
  isSweepCommit,
  renderClosingComment,
  renderCommitMessage,
  renderLeftAloneComment,
  renderSweepBody,
  renderSweepSummary
} from "./chunk-X3MQBB7E.mjs";
import {
  FAIL_ON,
  gateFailure,
  readConfigFile,
  toSarif,
  unifiedDiff
} from "./chunk-LBY47CHX.mjs";
import {
  buildReport,
  hasUnused,
  uncheckedItems
} from "./chunk-OGRZKBIY.mjs";
import {
  EMPTY_CONFIG,
  TerraformContext,
  agreementCell,
  agreementDetails,
  agreementMarkdown,
  collectIncludes,
  compileGlobs,
  describeChange,
  folderOf,
  globMatcher,
  isGlob,
  isTerraformPath,
  joinPath,
  listNames,
  mayHoldPolicies,
  refineFile,
  refineTree,
  statementLabel,
  withAwsAgreement,
  withAwsProof,
  withholdDisagreements
} from "./chunk-SYRK4TRT.mjs";
import {
  code,
  text
} from "./chunk-LQBJJJ4V.mjs";
import {
  filesSource,
  loadFindingsSources
} from "./chunk-JPLLETMU.mjs";
import {
  catalogFromInput
} from "./chunk-ZYU4R6PG.mjs";
import {
  parseFindings
} from "./chunk-MBW5WFYS.mjs";
import "./chunk-2C3UKXPJ.mjs";
import {
  MAX_FILE_BYTES,
  jsonSyntaxError,
  parseJsonText
} from "./chunk-EDNVQGKR.mjs";
import "./chunk-ZS2NZTCM.mjs";
import {
  firstJsonSyntaxError
} from "./chunk-OFSIRHZY.mjs";
import "./chunk-GO6UHQG7.mjs";
import {
  ConfigurationError,
  InvariantError
} from "./chunk-SYRML5ZZ.mjs";
import "./chunk-NNKK245H.mjs";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties2, message2) {
  const cmd = new Command(command, properties2, message2);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties2, message2) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties2;
    this.message = message2;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message2) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message2)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a2) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text2, addEOL = false) {
    this._buffer += text2;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code2, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code2), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell2) => {
        if (typeof cell2 === "string") {
          return this.wrap("td", cell2);
        }
        const { header, data, colspan, rowspan } = cell2;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text2, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text2);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text2, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text2, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text2, href) {
    const element = this.wrap("a", text2, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message2) {
  process.exitCode = ExitCode.Failure;
  error(message2);
}
function debug(message2) {
  issueCommand("debug", {}, message2);
}
function error(message2, properties2 = {}) {
  issueCommand("error", toCommandProperties(properties2), message2 instanceof Error ? message2.toString() : message2);
}
function warning(message2, properties2 = {}) {
  issueCommand("warning", toCommandProperties(properties2), message2 instanceof Error ? message2.toString() : message2);
}
function notice(message2, properties2 = {}) {
  issueCommand("notice", toCommandProperties(properties2), message2 instanceof Error ? message2.toString() : message2);
}
function info(message2) {
  process.stdout.write(message2 + os4.EOL);
}

// src/main.ts
import { mkdir as mkdir2, readFile, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute as isAbsolute2, join as join2, relative as relative2, sep as sep2 } from "node:path";

// node_modules/fflate/esm/index.mjs
import { createRequire } from "module";
var require2 = createRequire("/");
var _a;
var Worker;
var isMarkedAsUntransferable;
try {
  _a = require2("worker_threads"), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable;
} catch (e) {
}
var u8 = Uint8Array;
var u16 = Uint16Array;
var i32 = Int32Array;
var fleb = new u8([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
  /* unused */
  0,
  0,
  /* impossible */
  0
]);
var fdeb = new u8([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
  /* unused */
  0,
  0
]);
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var freb = function(eb, start) {
  var b = new u16(31);
  for (var i2 = 0; i2 < 31; ++i2) {
    b[i2] = start += 1 << eb[i2 - 1];
  }
  var r = new i32(b[30]);
  for (var i2 = 1; i2 < 30; ++i2) {
    for (var j = b[i2]; j < b[i2 + 1]; ++j) {
      r[j] = j - b[i2] << 5 | i2;
    }
  }
  return { b, r };
};
var _a = freb(fleb, 2);
var fl = _a.b;
var revfl = _a.r;
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0);
var fd = _b.b;
var revfd = _b.r;
var rev = new u16(32768);
for (i = 0; i < 32768; ++i) {
  x = (i & 43690) >> 1 | (i & 21845) << 1;
  x = (x & 52428) >> 2 | (x & 13107) << 2;
  x = (x & 61680) >> 4 | (x & 3855) << 4;
  rev[i] = ((x & 65280) >> 8 | (x & 255) << 8) >> 1;
}
var x;
var i;
var hMap = (function(cd, mb, r) {
  var s = cd.length;
  var i2 = 0;
  var l = new u16(mb);
  for (; i2 < s; ++i2) {
    if (cd[i2])
      ++l[cd[i2] - 1];
  }
  var le = new u16(mb);
  for (i2 = 1; i2 < mb; ++i2) {
    le[i2] = le[i2 - 1] + l[i2 - 1] << 1;
  }
  var co;
  if (r) {
    co = new u16(1 << mb);
    var rvb = 15 - mb;
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        var sv = i2 << 4 | cd[i2];
        var r_1 = mb - cd[i2];
        var v = le[cd[i2] - 1]++ << r_1;
        for (var m = v | (1 << r_1) - 1; v <= m; ++v) {
          co[rev[v] >> rvb] = sv;
        }
      }
    }
  } else {
    co = new u16(s);
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        co[i2] = rev[le[cd[i2] - 1]++] >> 15 - cd[i2];
      }
    }
  }
  return co;
});
var flt = new u8(288);
for (i = 0; i < 144; ++i)
  flt[i] = 8;
var i;
for (i = 144; i < 256; ++i)
  flt[i] = 9;
var i;
for (i = 256; i < 280; ++i)
  flt[i] = 7;
var i;
for (i = 280; i < 288; ++i)
  flt[i] = 8;
var i;
var fdt = new u8(32);
for (i = 0; i < 32; ++i)
  fdt[i] = 5;
var i;
var flrm = /* @__PURE__ */ hMap(flt, 9, 1);
var fdrm = /* @__PURE__ */ hMap(fdt, 5, 1);
var max = function(a) {
  var m = a[0];
  for (var i2 = 1; i2 < a.length; ++i2) {
    if (a[i2] > m)
      m = a[i2];
  }
  return m;
};
var bits = function(d, p, m) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8) >> (p & 7) & m;
};
var bits16 = function(d, p) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7);
};
var shft = function(p) {
  return (p + 7) / 8 | 0;
};
var slc = function(v, s, e) {
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  return new u8(v.subarray(s, e));
};
var ec = [
  "unexpected EOF",
  "invalid block type",
  "invalid length/literal",
  "invalid distance",
  "stream finished",
  "no stream handler",
  ,
  // determined by compression function
  "no callback",
  "invalid UTF-8 data",
  "extra field too long",
  "date not in range 1980-2099",
  "filename too long",
  "stream finishing",
  "invalid zip data"
  // determined by unknown compression method
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var inflt = function(dat, st, buf, dict) {
  var sl = dat.length, dl = dict ? dict.length : 0;
  if (!sl || st.f && !st.l)
    return buf || new u8(0);
  var noBuf = !buf;
  var resize = noBuf || st.i != 2;
  var noSt = st.i;
  if (noBuf)
    buf = new u8(sl * 3);
  var cbuf = function(l2) {
    var bl = buf.length;
    if (l2 > bl) {
      var nbuf = new u8(Math.max(bl * 2, l2));
      nbuf.set(buf);
      buf = nbuf;
    }
  };
  var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
  var tbts = sl * 8;
  do {
    if (!lm) {
      final = bits(dat, pos, 1);
      var type = bits(dat, pos + 1, 3);
      pos += 3;
      if (!type) {
        var s = shft(pos) + 4, l = dat[s - 4] | dat[s - 3] << 8, t = s + l;
        if (t > sl) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + l);
        buf.set(dat.subarray(s, t), bt);
        st.b = bt += l, st.p = pos = t * 8, st.f = final;
        continue;
      } else if (type == 1)
        lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
      else if (type == 2) {
        var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
        var tl = hLit + bits(dat, pos + 5, 31) + 1;
        pos += 14;
        var ldt = new u8(tl);
        var clt = new u8(19);
        for (var i2 = 0; i2 < hcLen; ++i2) {
          clt[clim[i2]] = bits(dat, pos + i2 * 3, 7);
        }
        pos += hcLen * 3;
        var clb = max(clt), clbmsk = (1 << clb) - 1;
        var clm = hMap(clt, clb, 1);
        for (var i2 = 0; i2 < tl; ) {
          var r = clm[bits(dat, pos, clbmsk)];
          pos += r & 15;
          var s = r >> 4;
          if (s < 16) {
            ldt[i2++] = s;
          } else {
            var c = 0, n = 0;
            if (s == 16)
              n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i2 - 1];
            else if (s == 17)
              n = 3 + bits(dat, pos, 7), pos += 3;
            else if (s == 18)
              n = 11 + bits(dat, pos, 127), pos += 7;
            while (n--)
              ldt[i2++] = c;
          }
        }
        var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
        lbt = max(lt);
        dbt = max(dt);
        lm = hMap(lt, lbt, 1);
        dm = hMap(dt, dbt, 1);
      } else
        err(1);
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
    }
    if (resize)
      cbuf(bt + 131072);
    var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
    var lpos = pos;
    for (; ; lpos = pos) {
      var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
      pos += c & 15;
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
      if (!c)
        err(2);
      if (sym < 256)
        buf[bt++] = sym;
      else if (sym == 256) {
        lpos = pos, lm = null;
        break;
      } else {
        var add = sym - 254;
        if (sym > 264) {
          var i2 = sym - 257, b = fleb[i2];
          add = bits(dat, pos, (1 << b) - 1) + fl[i2];
          pos += b;
        }
        var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
        if (!d)
          err(3);
        pos += d & 15;
        var dt = fd[dsym];
        if (dsym > 3) {
          var b = fdeb[dsym];
          dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
        }
        if (pos > tbts) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + 131072);
        var end = bt + add;
        if (bt < dt) {
          var shift = dl - dt, dend = Math.min(dt, end);
          if (shift + bt < 0)
            err(3);
          for (; bt < dend; ++bt)
            buf[bt] = dict[shift + bt];
        }
        for (; bt < end; ++bt)
          buf[bt] = buf[bt - dt];
      }
    }
    st.l = lm, st.p = lpos, st.b = bt, st.f = final;
    if (lm)
      final = 1, st.m = lbt, st.d = dm, st.n = dbt;
  } while (!final);
  return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
var et = /* @__PURE__ */ new u8(0);
var Inflate = /* @__PURE__ */ (function() {
  function Inflate2(opts, cb) {
    if (typeof opts == "function")
      cb = opts, opts = {};
    this.ondata = cb;
    var dict = opts && opts.dictionary && opts.dictionary.subarray(-32768);
    this.s = { i: 0, b: dict ? dict.length : 0 };
    this.o = new u8(32768);
    this.p = new u8(0);
    if (dict)
      this.o.set(dict);
  }
  Inflate2.prototype.e = function(c) {
    if (!this.ondata)
      err(5);
    if (this.d)
      err(4);
    if (!this.p.length)
      this.p = c;
    else if (c.length) {
      var n = new u8(this.p.length + c.length);
      n.set(this.p), n.set(c, this.p.length), this.p = n;
    }
  };
  Inflate2.prototype.c = function(final) {
    this.s.i = +(this.d = final || false);
    var bts = this.s.b;
    var dt = inflt(this.p, this.s, this.o);
    this.ondata(slc(dt, bts, this.s.b), this.d);
    this.o = slc(dt, this.s.b - 32768), this.s.b = this.o.length;
    this.p = slc(this.p, this.s.p / 8 | 0), this.s.p &= 7;
  };
  Inflate2.prototype.push = function(chunk, final) {
    this.e(chunk), this.c(final);
  };
  return Inflate2;
})();
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et, { stream: true });
  tds = 1;
} catch (e) {
}

// src/github/trusted-run.ts
var TRUSTED_EVENTS = ["schedule", "push", "workflow_dispatch"];
function whyUntrusted(run2, source) {
  if (run2.repository.id !== source.repositoryId) {
    return `it belongs to ${run2.repository.fullName}, not ${source.fullName}`;
  }
  if (run2.headRepository === null || run2.headRepository.id !== run2.repository.id) {
    return `it ran code from ${run2.headRepository ? `the fork ${run2.headRepository.fullName}` : "another repository"}`;
  }
  if (run2.workflowId !== source.workflowId) {
    return `it is a run of ${run2.path}, not of ${source.workflowPath}`;
  }
  if (!TRUSTED_EVENTS.includes(run2.event)) {
    return `it was started by ${run2.event}, not by ${TRUSTED_EVENTS.join(", ")}`;
  }
  if (run2.headBranch !== source.defaultBranch) {
    return `it ran on ${run2.headBranch === null ? "no branch" : `the branch ${run2.headBranch}`}, not on the default branch ${source.defaultBranch}`;
  }
  if (run2.status !== "completed") return `it has not finished (${run2.status ?? "no status"})`;
  if (run2.conclusion !== "success") return `it concluded ${run2.conclusion ?? "with no conclusion"}`;
  return void 0;
}

// src/github/workflow-runs.ts
async function trustedSource(client, owner, repo, workflow) {
  let repository;
  try {
    repository = (await client.rest.repos.get({ owner, repo })).data;
  } catch (error2) {
    throw apiError(error2, `read the repository ${owner}/${repo}`, "findings-artifact-repository");
  }
  let found;
  try {
    found = (await client.rest.actions.getWorkflow({
      owner,
      repo,
      workflow_id: /^\d+$/.test(workflow) ? Number(workflow) : workflow
    })).data;
  } catch (error2) {
    if (error2.status === 404) {
      throw new ConfigurationError(
        `no workflow "${workflow}" in ${owner}/${repo} (HTTP 404): set findings-artifact-workflow to the file name (or id) of the workflow that uploads the findings artifact`
      );
    }
    throw apiError(
      error2,
      `read the workflow ${workflow} of ${owner}/${repo}`,
      "findings-artifact-workflow"
    );
  }
  const id = Number(repository.id);
  const branch = repository.default_branch;
  const workflowId = Number(found.id);
  if (!Number.isSafeInteger(id) || typeof branch !== "string" || !Number.isSafeInteger(workflowId)) {
    throw new ConfigurationError(
      `GitHub described ${owner}/${repo} or its workflow ${workflow} without an id or default branch`
    );
  }
  return {
    repositoryId: id,
    fullName: typeof repository.full_name === "string" ? repository.full_name : `${owner}/${repo}`,
    defaultBranch: branch,
    workflowId,
    workflowPath: typeof found.path === "string" ? found.path : workflow
  };
}
var RUNS_PER_EVENT = 20;
async function candidateRuns(client, owner, repo, source) {
  const runs = /* @__PURE__ */ new Map();
  for (const event of TRUSTED_EVENTS) {
    let data;
    try {
      data = (await client.rest.actions.listWorkflowRuns({
        owner,
        repo,
        workflow_id: source.workflowId,
        branch: source.defaultBranch,
        event,
        status: "success",
        per_page: RUNS_PER_EVENT,
        page: 1
      })).data;
    } catch (error2) {
      throw apiError(
        error2,
        `list the runs of ${source.workflowPath} in ${owner}/${repo}`,
        "findings-artifact-workflow"
      );
    }
    const listed2 = Array.isArray(data.workflow_runs) ? data.workflow_runs : [];
    for (const raw of listed2) {
      const run2 = readRun(raw);
      if (run2) runs.set(run2.id, run2);
    }
  }
  return [...runs.values()].sort(newestFirst);
}
async function getRun(client, owner, repo, runId) {
  let raw;
  try {
    raw = (await client.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data;
  } catch (error2) {
    if (error2.status === 404) {
      throw new ConfigurationError(
        `no workflow run ${runId} in ${owner}/${repo} (HTTP 404): check findings-artifact-run-id`
      );
    }
    throw apiError(error2, `read run ${runId} of ${owner}/${repo}`, "findings-artifact-run-id");
  }
  const run2 = readRun(raw);
  if (!run2)
    throw new ConfigurationError(
      `GitHub described run ${runId} of ${owner}/${repo} without its id, event or repositories`
    );
  return run2;
}
function newestFirst(a, b) {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id;
}
function readRun(raw) {
  const r = raw;
  if (!r || typeof r !== "object") return void 0;
  const id = Number(r.id);
  const workflowId = Number(r.workflow_id);
  const repository = readRepository(r.repository);
  if (!Number.isSafeInteger(id) || !Number.isSafeInteger(workflowId) || !repository)
    return void 0;
  if (typeof r.event !== "string") return void 0;
  return {
    id,
    workflowId,
    path: typeof r.path === "string" ? r.path : "",
    event: r.event,
    status: typeof r.status === "string" ? r.status : null,
    conclusion: typeof r.conclusion === "string" ? r.conclusion : null,
    headBranch: typeof r.head_branch === "string" ? r.head_branch : null,
    createdAt: typeof r.created_at === "string" ? r.created_at : "",
    repository,
    headRepository: readRepository(r.head_repository) ?? null
  };
}
function readRepository(raw) {
  const r = raw;
  const id = Number(r?.id);
  if (!Number.isSafeInteger(id)) return void 0;
  return { id, fullName: typeof r?.full_name === "string" ? r.full_name : `repository ${id}` };
}
function apiError(error2, what, input) {
  const status = error2.status;
  if (status === 403 || status === 401) {
    return new ConfigurationError(
      `the token may not ${what} (HTTP ${status}): give the workflow \`permissions: actions: read\` (for another repository, a token with access to it)`
    );
  }
  if (status === 404) {
    return new ConfigurationError(
      `cannot ${what} (HTTP 404): check ${input}, and that the token can read that repository`
    );
  }
  const message2 = error2?.message ?? String(error2);
  return new ConfigurationError(
    `could not ${what}: ${status === void 0 ? message2 : `HTTP ${status}: ${message2}`}`
  );
}

// src/github/artifacts.ts
var MAX_ARTIFACT_BYTES = 50 * 1024 * 1024;
var PER_PAGE = 100;
var MAX_PAGES = 10;
async function findRunArtifact(client, query) {
  let expired = 0;
  const found = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    let data;
    try {
      const response = await client.rest.actions.listWorkflowRunArtifacts({
        owner: query.owner,
        repo: query.repo,
        run_id: query.runId,
        name: query.name,
        per_page: PER_PAGE,
        page
      });
      data = response.data;
    } catch (error2) {
      throw apiError(
        error2,
        `list the artifacts of run ${query.runId} in ${query.owner}/${query.repo}`,
        "findings-artifact-repository"
      );
    }
    for (const a of data.artifacts) {
      if (a.name !== query.name) continue;
      if (a.workflow_run?.id != null && a.workflow_run.id !== query.runId) continue;
      if (a.expired) expired++;
      else found.push(info2(a));
    }
    if (data.artifacts.length < PER_PAGE || page * PER_PAGE >= data.total_count) break;
  }
  const newest = found.sort(
    (a, b) => a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id
  )[0];
  return newest ? { artifact: newest, expired } : { expired };
}
var EXPLAINED_ARTIFACTS = 5;
async function recentArtifacts(client, query) {
  try {
    const response = await client.rest.actions.listArtifactsForRepo({
      owner: query.owner,
      repo: query.repo,
      name: query.name,
      per_page: EXPLAINED_ARTIFACTS * 2
    });
    return response.data.artifacts.filter((a) => a.name === query.name && !a.expired).map(info2).slice(0, EXPLAINED_ARTIFACTS);
  } catch {
    return [];
  }
}
function info2(a) {
  return {
    id: a.id,
    name: a.name,
    sizeInBytes: a.size_in_bytes,
    createdAt: a.created_at ?? "",
    ...a.workflow_run?.id == null ? {} : { runId: a.workflow_run.id }
  };
}
async function downloadArtifactZip(client, query, artifact) {
  if (artifact.sizeInBytes > MAX_ARTIFACT_BYTES) {
    throw new ConfigurationError(
      `artifact "${artifact.name}" is ${artifact.sizeInBytes} bytes, over the ${MAX_ARTIFACT_BYTES}-byte limit for findings`
    );
  }
  let data;
  try {
    const response = await client.rest.actions.downloadArtifact({
      owner: query.owner,
      repo: query.repo,
      artifact_id: artifact.id,
      archive_format: "zip"
    });
    data = response.data;
  } catch (error2) {
    const status = error2.status;
    if (status === 404 || status === 410) {
      throw new ConfigurationError(
        `artifact "${artifact.name}" (id ${artifact.id}) in ${query.owner}/${query.repo} is gone (HTTP ${status}): it expired or was deleted; check its retention`
      );
    }
    if (status === 403) {
      throw new ConfigurationError(
        `the token may not download artifact "${artifact.name}" from ${query.owner}/${query.repo} (HTTP 403): give the workflow \`permissions: actions: read\``
      );
    }
    throw new ConfigurationError(
      `downloading artifact "${artifact.name}" from ${query.owner}/${query.repo} failed: ${describe(error2)}`
    );
  }
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : void 0;
  if (!bytes) {
    throw new ConfigurationError(
      `downloading artifact "${artifact.name}" gave no zip archive (got ${typeof data})`
    );
  }
  if (bytes.byteLength > MAX_ARTIFACT_BYTES) {
    throw new ConfigurationError(
      `artifact "${artifact.name}" is over the ${MAX_ARTIFACT_BYTES}-byte limit for findings`
    );
  }
  return bytes;
}
function describe(error2) {
  const status = error2.status;
  const message2 = error2?.message ?? String(error2);
  return status === void 0 ? message2 : `HTTP ${status}: ${message2}`;
}

// src/findings/artifact.ts
var ZIP_LIMITS = {
  entries: 1e3,
  entryBytes: MAX_FILE_BYTES,
  totalBytes: 50 * 1024 * 1024
};
var REFUSALS_SHOWN = 8;
async function loadArtifactFindings(client, request, log = () => void 0) {
  const { owner, repo } = repositoryOf(request);
  const source = await trustedSource(client, owner, repo, request.workflow);
  const { run: run2, artifact } = request.runId === void 0 ? await newestTrustedArtifact(client, owner, repo, request.name, source) : await namedRunArtifact(client, owner, repo, request.name, request.runId, source);
  log(
    `reading artifact "${artifact.name}" (id ${artifact.id}, ${artifact.createdAt}) of run ${run2.id} (${run2.event} on ${run2.headBranch}, ${run2.createdAt}) of ${source.workflowPath} in ${owner}/${repo}`
  );
  const zip = await downloadArtifactZip(client, { owner, repo }, artifact);
  return readFindingsZip(zip, `artifact ${artifact.name}`);
}
async function newestTrustedArtifact(client, owner, repo, name, source) {
  const refused = [];
  const looked = /* @__PURE__ */ new Set();
  for (const run2 of await candidateRuns(client, owner, repo, source)) {
    looked.add(run2.id);
    const why = whyUntrusted(run2, source);
    if (why) {
      refused.push(`run ${run2.id}: ${why}`);
      continue;
    }
    const { artifact, expired } = await findRunArtifact(client, {
      owner,
      repo,
      runId: run2.id,
      name
    });
    if (artifact) return { run: run2, artifact };
    refused.push(
      `run ${run2.id} (${run2.event}, ${run2.createdAt}): ${expired > 0 ? "its artifact has expired" : "it uploaded no artifact of that name"}`
    );
  }
  for (const other of await recentArtifacts(client, { owner, repo, name })) {
    if (other.runId === void 0 || looked.has(other.runId)) continue;
    looked.add(other.runId);
    let why;
    try {
      why = whyUntrusted(await getRun(client, owner, repo, other.runId), source);
    } catch {
      why = "its run cannot be read";
    }
    refused.push(
      `artifact ${other.id} of run ${other.runId}: ${why ?? "not among the newest trusted runs"}`
    );
  }
  throw new ConfigurationError(
    `no trusted artifact "${name}" in ${owner}/${repo}: findings are read only from a successful ${TRUSTED_EVENTS.join(", ")} run of ${source.workflowPath} (input findings-artifact-workflow) on the default branch ${source.defaultBranch} of ${owner}/${repo} itself, not a fork` + (refused.length === 0 ? `, and it has no such run: run that workflow on ${source.defaultBranch}` : `; refused: ${listed(refused)}`)
  );
}
async function namedRunArtifact(client, owner, repo, name, runId, source) {
  const run2 = await getRun(client, owner, repo, runId);
  const why = whyUntrusted(run2, source);
  if (why) {
    throw new ConfigurationError(
      `findings-artifact-run-id ${runId} is not a trusted run for artifact "${name}": ${why}; findings are read only from a successful ${TRUSTED_EVENTS.join(", ")} run of ${source.workflowPath} on the default branch ${source.defaultBranch} of ${owner}/${repo} itself`
    );
  }
  const { artifact, expired } = await findRunArtifact(client, { owner, repo, runId, name });
  if (artifact) return { run: run2, artifact };
  throw new ConfigurationError(
    expired > 0 ? `the artifact "${name}" of run ${runId} in ${owner}/${repo} has expired: run ${source.workflowPath} again, or raise its retention-days` : `run ${runId} of ${source.workflowPath} in ${owner}/${repo} uploaded no artifact named "${name}": check the name (input findings-artifact)`
  );
}
function listed(reasons) {
  const shown = reasons.slice(0, REFUSALS_SHOWN).join("; ");
  const more = reasons.length - REFUSALS_SHOWN;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}
function artifactSource(client, request, log) {
  return {
    description: `artifact "${request.name}"`,
    load: () => loadArtifactFindings(client, request, log)
  };
}
function readFindingsZip(zip, label) {
  const entries = unzipEntries(zip, label, (name) => name.toLowerCase().endsWith(".json"));
  if (entries.length === 0) {
    throw new ConfigurationError(
      `${label} holds no .json file: upload the output of \`iam-refine findings export\``
    );
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return entries.map(({ name, data }) => {
    const file = `${label}/${name}`;
    let text2;
    try {
      text2 = decoder.decode(data);
    } catch {
      throw new ConfigurationError(`${file}: is not UTF-8 text`);
    }
    const parsed = parseJsonText(text2, file);
    if (!("value" in parsed)) throw jsonSyntaxError(file, firstJsonSyntaxError(parsed.refused));
    return parseFindings(parsed.value, file);
  });
}
function unzipEntries(zip, label, wanted) {
  const bad = (why) => {
    throw new ConfigurationError(`${label} is not a usable zip archive: ${why}`);
  };
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u162 = (at2) => at2 + 2 <= zip.length ? view.getUint16(at2, true) : bad("truncated");
  const u32 = (at2) => at2 + 4 <= zip.length ? view.getUint32(at2, true) : bad("truncated");
  let eocd = -1;
  for (let at2 = zip.length - 22; at2 >= Math.max(0, zip.length - 22 - 65535); at2--) {
    if (view.getUint32(at2, true) === 101010256) {
      eocd = at2;
      break;
    }
  }
  if (eocd < 0) bad("no end of central directory");
  const count3 = u162(eocd + 10);
  const directoryAt = u32(eocd + 16);
  if (count3 === 65535 || directoryAt === 4294967295) bad("ZIP64 archives are not supported");
  if (count3 > ZIP_LIMITS.entries) bad(`${count3} entries, over the limit of ${ZIP_LIMITS.entries}`);
  const names = new TextDecoder("utf-8");
  const selected = [];
  let total = 0;
  let at = directoryAt;
  for (let i2 = 0; i2 < count3; i2++) {
    if (u32(at) !== 33639248) bad("a broken central directory");
    const flags = u162(at + 8);
    const method = u162(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u162(at + 28);
    const next = at + 46 + nameLength + u162(at + 30) + u162(at + 32);
    const localAt = u32(at + 42);
    if (at + 46 + nameLength > zip.length) bad("truncated");
    const name = names.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at = next;
    checkEntryName(name, bad);
    if (name.endsWith("/") || !wanted(name)) continue;
    if (flags & 1) bad(`${name} is encrypted`);
    if (method !== 0 && method !== 8) {
      bad(`${name} uses compression method ${method}; only stored and deflate are read`);
    }
    if (size > ZIP_LIMITS.entryBytes) {
      bad(`${name} unpacks to ${size} bytes, over the ${ZIP_LIMITS.entryBytes}-byte limit`);
    }
    total += size;
    if (total > ZIP_LIMITS.totalBytes) {
      bad(`its files unpack to more than ${ZIP_LIMITS.totalBytes} bytes`);
    }
    selected.push({ name, method, compressedSize, size, localAt });
  }
  const out = [];
  for (const { name, method, compressedSize, size, localAt } of selected) {
    if (u32(localAt) !== 67324752) bad(`${name} has no local header`);
    const dataAt = localAt + 30 + u162(localAt + 26) + u162(localAt + 28);
    if (dataAt + compressedSize > zip.length) bad(`${name} is truncated`);
    const compressed = zip.subarray(dataAt, dataAt + compressedSize);
    if (method === 0 && compressedSize !== size) bad(`${name} has inconsistent sizes`);
    const data = method === 0 ? compressed : inflateBounded(compressed, size, name, bad);
    out.push({ name, data });
  }
  return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function checkEntryName(name, bad) {
  if (name === "" || name.includes("\\") || name.includes("\0") || name.startsWith("/") || /^[a-zA-Z]:/.test(name) || name.split("/").some((part) => part === "..")) {
    bad(`the entry name "${name}" points outside the archive`);
  }
}
function inflateBounded(compressed, declared, name, bad) {
  const out = new Uint8Array(declared);
  let produced = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (overflow || produced + chunk.length > declared) {
      overflow = true;
      return;
    }
    out.set(chunk, produced);
    produced += chunk.length;
  });
  const step = 4096;
  try {
    if (compressed.length === 0) inflater.push(compressed, true);
    for (let i2 = 0; i2 < compressed.length && !overflow; i2 += step) {
      inflater.push(compressed.subarray(i2, i2 + step), i2 + step >= compressed.length);
    }
  } catch (error2) {
    bad(`${name} does not inflate (${error2.message})`);
  }
  if (overflow) bad(`${name} unpacks to more than the ${declared} bytes it declares`);
  if (produced !== declared)
    bad(`${name} unpacks to ${produced} bytes, not the ${declared} it declares`);
  return out;
}
function repositoryOf(request) {
  if (request.repository === void 0 || request.repository === "") {
    return { owner: request.owner, repo: request.repo };
  }
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(request.repository.trim());
  if (!match) {
    throw new ConfigurationError(
      `findings-artifact-repository must be "owner/repo"; got "${request.repository}"`
    );
  }
  return { owner: match[1], repo: match[2] };
}

// src/github/write-refused.ts
var WriteRefusedError = class extends ConfigurationError {
  constructor(message2, status) {
    super(message2);
    this.status = status;
  }
  status;
  name = "WriteRefusedError";
};
function statusOf(error2) {
  const status = error2?.status;
  return typeof status === "number" ? status : void 0;
}
function githubMessage(error2) {
  const data = error2?.response?.data;
  const parts = [];
  if (typeof data?.message === "string") parts.push(data.message.replace(/\s+/g, " ").trim());
  if (Array.isArray(data?.errors)) {
    for (const e of data.errors) {
      if (typeof e === "string") parts.push(e);
      else if (e && typeof e === "object") {
        const { message: message2, field, code: code2 } = e;
        if (typeof message2 === "string") parts.push(message2);
        else if (typeof field === "string") parts.push(`${field} ${String(code2 ?? "invalid")}`);
      }
    }
  }
  if (parts.length > 0) return parts.join(": ");
  return error2?.message ?? String(error2);
}
function isRateLimit(error2) {
  const status = statusOf(error2);
  if (status !== 403 && status !== 429) return false;
  const headers = error2?.response?.headers;
  return headers?.["x-ratelimit-remaining"] === "0" || /rate limit/i.test(githubMessage(error2));
}
function rateLimitError(error2, what) {
  return new ConfigurationError(
    `GitHub's rate limit stopped ${what} (HTTP ${statusOf(error2)}: ${githubMessage(error2)}), after waiting as long as GitHub asked, twice: run the job again later.`
  );
}
function refusal(error2, what, permission, branch) {
  const status = statusOf(error2);
  const said = githubMessage(error2);
  if (isRateLimit(error2)) throw rateLimitError(error2, `iam-refine before it could ${what}`);
  if (status === 403) {
    if (/not permitted to create or approve pull requests/i.test(said)) {
      throw new WriteRefusedError(
        `GitHub refused to ${what} (HTTP 403: ${said}): allow it in the repository's Settings \u2192 Actions \u2192 General \u2192 "Allow GitHub Actions to create and approve pull requests", or give the step a GitHub App token (actions/create-github-app-token, see the README).`,
        status
      );
    }
    throw new WriteRefusedError(
      `GitHub refused to ${what} (HTTP 403: ${said}): the token needs \`${permission}\` (give the workflow \`permissions: ${permission}\`).`,
      status
    );
  }
  if (status === 422 || status === 409) {
    const rule = /rule|protect/i.test(said);
    throw new WriteRefusedError(
      `GitHub refused to ${what} (HTTP ${status}: ${said})` + (rule && branch ? `: a branch protection rule or ruleset covers ${branch}; let this token push to it, or choose another \`sweep-branch\`.` : "."),
      status
    );
  }
  throw error2;
}
function readRefusal(error2, what) {
  const status = statusOf(error2);
  if (isRateLimit(error2)) throw rateLimitError(error2, `reading ${what}`);
  if (status === 403 || status === 404 || status === 401) {
    throw new ConfigurationError(
      `GitHub answered ${status} when reading ${what} (${githubMessage(error2)}): the token needs \`contents: read\` and \`pull-requests: read\` on this repository.`
    );
  }
  throw error2;
}

// src/github/changed-files.ts
var MAX_LISTED_FILES = 3e3;
async function getChangedFiles(client, pr, paths = []) {
  const match = paths.length === 0 ? () => true : compileGlobs(paths, "Input paths");
  let listed2;
  try {
    listed2 = await client.paginate(client.rest.pulls.listFiles, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.pullNumber,
      per_page: 100
    });
  } catch (error2) {
    throw readError(error2, `the files of pull request #${pr.pullNumber}`);
  }
  const files = [];
  const changedPaths = /* @__PURE__ */ new Set();
  for (const f of listed2) {
    changedPaths.add(f.filename);
    if (f.previous_filename) changedPaths.add(f.previous_filename);
    if (f.status === "removed" || !match(f.filename)) continue;
    files.push({
      path: f.filename,
      status: f.status,
      sha: f.sha ?? "",
      ...f.patch === void 0 || f.patch === null ? {} : { patch: f.patch },
      ...f.previous_filename ? { previousPath: f.previous_filename } : {}
    });
  }
  return {
    files,
    listed: listed2.length,
    changedPaths: [...changedPaths],
    capped: listed2.length >= MAX_LISTED_FILES
  };
}
function readError(error2, what) {
  const status = error2.status;
  if (isRateLimit(error2)) return rateLimitError(error2, `reading ${what}`);
  if (status === 403 || status === 404) {
    return new ConfigurationError(
      `GitHub answered ${status} when reading ${what}: the token needs \`pull-requests: read\` and \`contents: read\` on this repository.`
    );
  }
  return error2 instanceof Error ? error2 : new Error(String(error2));
}

// src/github/git-hash.ts
import { createHash } from "node:crypto";
function algorithmOf(id) {
  if (/^[0-9a-f]{40}$/i.test(id)) return "sha1";
  if (/^[0-9a-f]{64}$/i.test(id)) return "sha256";
  return void 0;
}
function blobId(bytes, algorithm = "sha1") {
  return createHash(algorithm).update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}
function textBlobId(text2, algorithm = "sha1") {
  return blobId(Buffer.from(text2, "utf8"), algorithm);
}
function treeId(entries, algorithm = "sha1") {
  const sorted = [...entries].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  const parts = [];
  for (const e of sorted) {
    const mode = e.mode.replace(/^0+/, "");
    parts.push(Buffer.from(`${mode} ${e.path}\0`, "utf8"), Buffer.from(e.sha, "hex"));
  }
  const body = Buffer.concat(parts);
  return createHash(algorithm).update(`tree ${body.byteLength}\0`).update(body).digest("hex");
}
function sortKey(e) {
  return Buffer.from(e.type === "tree" ? `${e.path}/` : e.path, "utf8");
}
async function replaceBlobs(baseTree, changes, readTree) {
  const algorithm = algorithmOf(baseTree) ?? "sha1";
  const cache = /* @__PURE__ */ new Map();
  const read = (sha) => {
    let hit = cache.get(sha);
    if (!hit) {
      hit = readTree(sha);
      cache.set(sha, hit);
    }
    return hit;
  };
  const base = [];
  const byFolder = /* @__PURE__ */ new Map();
  for (const change of changes) {
    const entry = await entryAt(baseTree, change.path, read);
    const regular = entry && entry.type === "blob" && (entry.mode === "100644" || entry.mode === "100755");
    base.push(regular ? { path: change.path, entry } : { path: change.path });
    if (!regular) continue;
    const cut = change.path.lastIndexOf("/");
    const folder = cut < 0 ? "" : change.path.slice(0, cut);
    const name = change.path.slice(cut + 1);
    let names = byFolder.get(folder);
    if (!names) byFolder.set(folder, names = /* @__PURE__ */ new Map());
    names.set(name, change.sha);
  }
  const rebuild = async (sha, folder) => {
    const entries = await read(sha);
    const prefix = folder === "" ? "" : `${folder}/`;
    const blobs = byFolder.get(folder);
    const next = await Promise.all(
      entries.map(async (e) => {
        if (e.type === "blob" && blobs?.has(e.path)) return { ...e, sha: blobs.get(e.path) };
        if (e.type === "tree" && touches(`${prefix}${e.path}`)) {
          return { ...e, sha: await rebuild(e.sha, `${prefix}${e.path}`) };
        }
        return e;
      })
    );
    return treeId(next, algorithm);
  };
  const touches = (folder) => [...byFolder.keys()].some((f) => f === folder || f.startsWith(`${folder}/`));
  return { tree: byFolder.size === 0 ? baseTree : await rebuild(baseTree, ""), base };
}
async function entryAt(root, path, read) {
  const segments = path.split("/");
  let tree = root;
  for (let i2 = 0; i2 < segments.length; i2++) {
    const entry = (await read(tree)).find((e) => e.path === segments[i2]);
    if (!entry) return void 0;
    if (i2 === segments.length - 1) return entry;
    if (entry.type !== "tree") return void 0;
    tree = entry.sha;
  }
  return void 0;
}

// src/github/file-content.ts
var MAX_FILE_BYTES2 = 5 * 1024 * 1024;
async function getFileContent(client, repo, path, ref, blobSha) {
  let bytes;
  try {
    bytes = await rawContent(client, repo, path, ref);
  } catch (error2) {
    const status = error2.status;
    if (status === 403 && tooLarge(error2) && blobSha) {
      try {
        bytes = await rawBlob(client, repo, blobSha);
      } catch (blobError) {
        if (tooLarge(blobError)) return { kind: "skipped", reason: "larger than GitHub serves" };
        throw readError(blobError, `${path} at ${ref}`);
      }
    } else if (status === 403 && tooLarge(error2)) {
      return { kind: "skipped", reason: "larger than GitHub serves" };
    } else if (status === 404) {
      return { kind: "skipped", reason: `not found at ${ref}` };
    } else {
      throw readError(error2, `${path} at ${ref}`);
    }
  }
  return fileContentOf(bytes);
}
function fileContentOf(bytes) {
  if (bytes.byteLength > MAX_FILE_BYTES2) {
    return { kind: "skipped", reason: `larger than ${MAX_FILE_BYTES2 / 1024 / 1024} MB` };
  }
  try {
    return {
      kind: "text",
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes)
    };
  } catch {
    return { kind: "skipped", reason: "not UTF-8 text" };
  }
}
async function rawContent(client, repo, path, ref) {
  return readRawBody(
    client,
    (request) => client.rest.repos.getContent({
      owner: repo.owner,
      repo: repo.repo,
      path,
      ref,
      mediaType: { format: "raw" },
      request
    })
  );
}
async function rawBlob(client, repo, sha) {
  return readRawBody(
    client,
    (request) => client.rest.git.getBlob({
      owner: repo.owner,
      repo: repo.repo,
      file_sha: sha,
      mediaType: { format: "raw" },
      request
    })
  );
}
async function readRawBody(client, send) {
  const clientFetch = client.request.endpoint.DEFAULTS.request?.fetch ?? globalThis.fetch;
  let received;
  await send({
    fetch: async (url, init) => {
      received = void 0;
      const response = await clientFetch(url, init);
      if (response.status < 200 || response.status >= 300) return response;
      received = await readAtMost(response.body, MAX_FILE_BYTES2 + 1);
      return new Response(null, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      });
    }
  });
  if (!received) throw new Error("GitHub returned no file content");
  return received;
}
async function readAtMost(body, limit) {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks = [];
  let size = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= limit) {
      await reader.cancel("larger than iam-refine reads").catch(() => void 0);
      break;
    }
  }
  const out = new Uint8Array(Math.min(size, limit));
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, out.byteLength - at);
    out.set(part, at);
    at += part.byteLength;
    if (at === out.byteLength) break;
  }
  return out;
}
function tooLarge(error2) {
  const e = error2;
  const text2 = `${e.message ?? ""} ${JSON.stringify(e.response?.data ?? "")}`;
  return e.status === 413 || /too.?large/i.test(text2);
}
var CONTENT_BATCH_SIZE = 50;
async function getFileContents(client, repo, files, ref, options = {}) {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? CONTENT_BATCH_SIZE));
  const unique2 = [...new Map(files.map((f) => [f.path, f])).values()];
  const out = options.localBlobs ? await readLocalBlobs(options.localBlobs, unique2, options.log) : /* @__PURE__ */ new Map();
  const remote = unique2.filter((f) => !out.has(f.path));
  const graphql = { usable: true };
  for (let from = 0; from < remote.length; from += batchSize) {
    const batch = remote.slice(from, from + batchSize);
    const read = graphql.usable ? await readBatch(client, repo, batch, ref, graphql, options.log) : /* @__PURE__ */ new Map();
    const rest = [];
    for (const file of batch) {
      const text2 = read.get(file.path);
      if (text2 === void 0) rest.push(file);
      else out.set(file.path, { kind: "text", text: text2 });
    }
    const fallback = await Promise.all(
      rest.map((f) => getFileContent(client, repo, f.path, ref, f.blobSha || void 0))
    );
    rest.forEach((f, i2) => out.set(f.path, fallback[i2]));
  }
  return out;
}
async function readLocalBlobs(read, files, log) {
  const out = /* @__PURE__ */ new Map();
  const asked = files.filter((f) => f.blobSha && algorithmOf(f.blobSha));
  if (asked.length === 0) return out;
  let got;
  try {
    got = await read(asked.map((f) => f.blobSha.toLowerCase()));
  } catch (error2) {
    got = { blobs: /* @__PURE__ */ new Map(), failure: String(error2?.message ?? error2) };
  }
  let mismatched = 0;
  for (const f of asked) {
    const id = f.blobSha.toLowerCase();
    const bytes = got.blobs.get(id);
    if (!bytes) continue;
    if (blobId(bytes, algorithmOf(id)) !== id) {
      mismatched++;
      continue;
    }
    out.set(f.path, fileContentOf(bytes));
  }
  const rest = files.length - out.size;
  log?.(
    `Read ${out.size} of ${files.length} files from the checkout's Git objects` + (rest > 0 ? `, ${rest} through the API` : "") + (mismatched > 0 ? ` (${mismatched} with bytes that are not their blob's)` : "") + (got.failure ? ` (${got.failure})` : "") + "."
  );
  return out;
}
var BLOB_FIELDS = "oid byteSize isBinary isTruncated text";
function contentsQuery(count3) {
  const defs = Array.from({ length: count3 }, (_, i2) => `$e${i2}: String!`).join(", ");
  const fields = Array.from(
    { length: count3 },
    (_, i2) => `    f${i2}: object(expression: $e${i2}) { ... on Blob { ${BLOB_FIELDS} } }`
  );
  return [
    `query($owner: String!, $repo: String!, ${defs}) {`,
    "  repository(owner: $owner, name: $repo) {",
    ...fields,
    "  }",
    "}"
  ].join("\n");
}
async function readBatch(client, repo, batch, ref, graphql, log) {
  const variables = { owner: repo.owner, repo: repo.repo };
  batch.forEach((f, i2) => variables[`e${i2}`] = `${ref}:${f.path}`);
  let data;
  const failed = /* @__PURE__ */ new Set();
  try {
    data = await client.graphql(contentsQuery(batch.length), {
      ...variables,
      request: { retries: 0 }
    });
  } catch (error2) {
    const e = error2;
    const aliases = Array.isArray(e.errors) ? e.errors.map(errorAlias) : [];
    if (e.data && aliases.length > 0 && aliases.every((a) => a !== void 0)) {
      data = e.data;
      for (const a of aliases) failed.add(a);
    } else {
      if (e.status === 401 || e.status === 403 || e.status === 404) graphql.usable = false;
      log?.(
        `Reading ${batch.length} files in one GraphQL query failed (${String(e.message ?? error2)}); reading them one by one.`
      );
      return /* @__PURE__ */ new Map();
    }
  }
  const repository = data?.repository;
  const texts = /* @__PURE__ */ new Map();
  batch.forEach((f, i2) => {
    if (failed.has(`f${i2}`)) return;
    const text2 = verifiedText(repository?.[`f${i2}`]);
    if (text2 !== void 0) texts.set(f.path, text2);
  });
  return texts;
}
function errorAlias(error2) {
  const path = error2?.path;
  if (!Array.isArray(path) || path[0] !== "repository") return void 0;
  const alias = path[1];
  return typeof alias === "string" && /^f\d+$/.test(alias) ? alias : void 0;
}
function verifiedText(blob) {
  if (!blob || typeof blob.text !== "string" || blob.isBinary !== false) return void 0;
  if (blob.isTruncated !== false || typeof blob.byteSize !== "number") return void 0;
  if (blob.byteSize > MAX_FILE_BYTES2 || typeof blob.oid !== "string") return void 0;
  const bytes = Buffer.from(blob.text, "utf8");
  if (bytes.byteLength !== blob.byteSize) return void 0;
  const algorithm = algorithmOf(blob.oid);
  if (!algorithm || blobId(bytes, algorithm) !== blob.oid.toLowerCase()) return void 0;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return void 0;
  }
}

// src/github/folder-files.ts
async function listFolderFiles(client, repo, folder, ref) {
  let data;
  try {
    const response = await client.rest.repos.getContent({
      owner: repo.owner,
      repo: repo.repo,
      path: folder,
      ref
    });
    data = response.data;
  } catch (error2) {
    if (error2.status === 404) return [];
    throw readError(error2, `the folder ${folder || "/"} at ${ref}`);
  }
  if (!Array.isArray(data)) return [];
  const files = [];
  for (const entry of data) {
    if (entry.type === "file" && typeof entry.path === "string") {
      files.push({ path: entry.path, sha: typeof entry.sha === "string" ? entry.sha : "" });
    }
  }
  return files;
}

// src/github/hunks.ts
var HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
function parseHunks(patch) {
  const hunks = [];
  const lines = patch.split("\n");
  let i2 = 0;
  while (i2 < lines.length) {
    const header = HEADER.exec(lines[i2] ?? "");
    i2++;
    if (!header) continue;
    let oldLeft = header[2] === void 0 ? 1 : Number(header[2]);
    let newLeft = header[4] === void 0 ? 1 : Number(header[4]);
    const first = Number(header[3]);
    let right = 0;
    while (i2 < lines.length && (oldLeft > 0 || newLeft > 0)) {
      const line = lines[i2] ?? "";
      if (HEADER.test(line)) break;
      i2++;
      const mark = line[0];
      if (mark === "\\") continue;
      if (mark === "+") {
        newLeft--;
        right++;
      } else if (mark === "-") {
        oldLeft--;
      } else {
        oldLeft--;
        newLeft--;
        right++;
      }
    }
    if (right > 0) hunks.push({ start: first, end: first + right - 1 });
  }
  return hunks;
}
function hunkContaining(hunks, start, end) {
  return hunks.find((h) => h.start <= start && end <= h.end);
}

// src/github/placement.ts
function lineIndex(text2) {
  const starts = [0];
  for (let i2 = text2.indexOf("\n"); i2 !== -1 && i2 + 1 < text2.length; i2 = text2.indexOf("\n", i2 + 1)) {
    starts.push(i2 + 1);
  }
  return { text: text2, starts };
}
function lineOf(lines, offset) {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if ((lines.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
function lineStart(lines, line) {
  return line > lines.starts.length ? lines.text.length : lines.starts[line - 1] ?? 0;
}
function lineBreak(lines, line) {
  const end = lineStart(lines, line + 1);
  if (lines.text[end - 1] !== "\n") return "";
  return lines.text[end - 2] === "\r" ? "\r\n" : "\n";
}
function touchedLines(lines, edit) {
  const start = lineOf(lines, edit.start);
  const end = edit.end > edit.start ? lineOf(lines, edit.end - 1) : start;
  return { start, end: Math.max(start, end) };
}
function trimEdit(text2, edit) {
  if (edit.end < edit.start || edit.start < 0 || edit.end > text2.length) return edit;
  const old = text2.slice(edit.start, edit.end);
  const neu = edit.text;
  if (old === neu) return { start: edit.start, end: edit.start, text: "" };
  let same = 0;
  let head = 0;
  while (same < old.length && same < neu.length && old[same] === neu[same]) {
    same++;
    if (old[same - 1] === "\n") head = same;
  }
  const atLineStart = edit.start === 0 || text2[edit.start - 1] === "\n";
  const room = Math.min(old.length, neu.length) - head;
  let tail = 0;
  for (let q = 1; q <= room; q++) {
    if (old[old.length - q] !== neu[neu.length - q]) break;
    const i2 = old.length - q;
    const j = neu.length - q;
    const oldStart = i2 === 0 ? atLineStart : old[i2 - 1] === "\n";
    const newStart = j === 0 ? atLineStart : neu[j - 1] === "\n";
    if (oldStart && newStart) tail = q;
  }
  return {
    start: edit.start + head,
    end: edit.end - tail,
    text: neu.slice(head, neu.length - tail)
  };
}
function suggestionContent(replacement, lineBreakAfter) {
  if (replacement === "") return "";
  const body = lineBreakAfter === "" ? replacement : replacement.slice(0, -lineBreakAfter.length);
  return `${body}
`;
}
function placeSuggestions(headText, edits, hunks) {
  const lines = lineIndex(headText);
  const lastLine = lines.starts.length;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  sorted.forEach((edit, i2) => {
    const before = sorted[i2 - 1];
    if (edit.start < 0 || edit.end < edit.start || edit.end > headText.length) {
      throw new RangeError(`out-of-range edit at ${edit.start}-${edit.end}`);
    }
    if (before && edit.start < before.end) {
      throw new RangeError(`overlapping edits at ${before.start}-${before.end} and ${edit.start}`);
    }
  });
  const order = edits.map((original, index) => ({ original, index })).sort((a, b) => a.original.start - b.original.start || a.original.end - b.original.end).map(({ original, index }) => {
    const edit = trimEdit(headText, original);
    return { edit, index, ...touchedLines(lines, edit) };
  }).filter((e) => e.edit.start !== e.edit.end || e.edit.text !== "");
  const out = [];
  let next = 0;
  while (next < order.length) {
    const first = order[next];
    const group = [first];
    const start = first.start;
    let end = first.end;
    next++;
    for (; ; ) {
      while (next < order.length && order[next].start <= end + 1) {
        end = Math.max(end, order[next].end);
        group.push(order[next]);
        next++;
      }
      const replacement = replace(lines, start, end, group);
      const after = lineBreak(lines, end);
      if (replacement === "" || after === "" || replacement.endsWith(after)) {
        if (after !== "" || !replacement.endsWith("\n")) {
          out.push(suggestion(lines, start, end, replacement, after, group, hunks));
          break;
        }
      }
      if (end < lastLine) {
        end++;
        continue;
      }
      out.push({
        ...suggestion(lines, start, end, replacement, after, group, hunks),
        inline: false,
        reason: "line-endings"
      });
      break;
    }
  }
  return out;
}
function replace(lines, start, end, group) {
  const from = lineStart(lines, start);
  const to = lineStart(lines, end + 1);
  let out = "";
  let at = from;
  for (const { edit } of group) {
    out += lines.text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + lines.text.slice(at, to);
}
function suggestion(lines, start, end, replacement, after, group, hunks) {
  const content = suggestionContent(replacement, after);
  const base = {
    startLine: start,
    endLine: end,
    original: lines.text.slice(lineStart(lines, start), lineStart(lines, end + 1)),
    replacement,
    content,
    edits: group.map((g) => g.index).sort((a, b) => a - b)
  };
  if (/\r(?!\n)/.test(content.slice(0, -1)))
    return { ...base, inline: false, reason: "line-endings" };
  if (!hunkContaining(hunks, start, end)) return { ...base, inline: false, reason: "outside-diff" };
  return { ...base, inline: true };
}

// src/report/fingerprint.ts
var LENGTH = 16;
function fingerprint(parts, hash) {
  const text2 = JSON.stringify([parts.file, parts.policy, parts.statement, parts.suggestion]);
  return hash(text2).slice(0, LENGTH);
}
var MARKER = /<!-- iam-refine:fp=([0-9a-f]+)( outdated)? -->/;
function fingerprintMarker(fp) {
  return `<!-- iam-refine:fp=${fp} -->`;
}
function outdatedMarker(fp) {
  return `<!-- iam-refine:fp=${fp} outdated -->`;
}
function readMarker(body) {
  const m = MARKER.exec(body);
  return m ? { fingerprint: m[1], outdated: m[2] !== void 0 } : void 0;
}
var SUMMARY_MARKER = "<!-- iam-refine:summary -->";

// src/report/comment.ts
var MAX_COMMENT_LENGTH = 65e3;
var LISTED = 12;
function commentHtml(marker) {
  return ["<sub>", "</sub>", marker];
}
function buildReviewItems(files, hash) {
  return files.flatMap((file) => fileItems(file, hash));
}
function fileItems(file, hash) {
  const hunks = file.patch === void 0 ? [] : parseHunks(file.patch);
  const items = [];
  const edits = [];
  for (const policy of file.policies) {
    if (policy.refinement.unusedPolicy || policy.refinement.unusedPrincipal) {
      items.push(unusedPolicyItem(file, policy, hunks, hash));
    } else if (policy.refinement.changed) {
      for (const edit of policy.edits) edits.push({ edit, policy });
    }
  }
  const placed = placeSuggestions(
    file.headText,
    edits.map((e) => e.edit),
    hunks
  );
  for (const suggestion2 of placed) {
    const carried = suggestion2.edits.map((i2) => edits[i2]);
    items.push(suggestionItem(file, suggestion2, carried, hash));
  }
  return items.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
}
function coveredStatements(carried) {
  const byPolicy = /* @__PURE__ */ new Map();
  for (const { edit, policy } of carried) {
    const seen = byPolicy.get(policy);
    if (edit.statement === void 0 || seen === "all") byPolicy.set(policy, "all");
    else byPolicy.set(policy, (seen ?? /* @__PURE__ */ new Set()).add(edit.statement));
  }
  return [...byPolicy].map(([policy, which2]) => ({
    policy,
    statements: policy.refinement.statements.filter(
      (s) => s.status !== "unchanged" && (which2 === "all" || which2.has(s.index))
    )
  }));
}
function suggestionItem(file, suggestion2, carried, hash) {
  const covered = coveredStatements(carried);
  const principals = unique(covered.flatMap((c) => c.policy.principals));
  const changes = covered.flatMap(
    (c) => c.statements.flatMap((s) => s.changes.map((change) => ({ s, change })))
  );
  const unusedActions = uniqueNames(changes.flatMap(({ change }) => change.unused));
  const policyPaths = covered.map((c) => c.policy.policyPath);
  const statementLabels = covered.flatMap(
    (c) => c.statements.map((s) => (covered.length > 1 ? `${c.policy.policyPath} ` : "") + statementLabel(s))
  );
  const statementMarkdown = covered.flatMap(
    (c) => c.statements.map(
      (s) => (covered.length > 1 ? `${code(c.policy.policyPath)} ` : "") + statementMarkdownLabel(s)
    )
  );
  const fp = fingerprint(
    {
      file: file.path,
      policy: policyPaths.join(" + "),
      statement: statementLabels.join(", "),
      suggestion: suggestion2.replacement
    },
    hash
  );
  const reasons = covered.flatMap(
    (c) => c.statements.flatMap((s) => [
      ...s.changes.map(
        (change) => `${statementMarkdownLabel(s)}: ${describeChange(change, (name) => code(name))}`
      ),
      ...s.status === "removed" ? [`${statementMarkdownLabel(s)}: removed, no action is left`] : []
    ])
  );
  const who = principalList(principals);
  const title = unusedActions.length > 0 ? `${who} has not used ${count(unusedActions.length, "action")} of ${statementLabels.join(", ")}` : `${statementLabels.join(", ") || "Policy"}: refined`;
  const marker = fingerprintMarker(fp);
  const body = [
    `**Unused permissions** in ${statementMarkdown.join(", ") || policyIn(policyPaths, file.path)}`,
    "",
    unusedLine(principals, unusedActions),
    ...actionList(principals, unusedActions),
    "",
    "Why this change is safe:",
    ...reasons.map((r) => `- ${r}`),
    "",
    ...agreementLines(covered.map((c) => c.policy)),
    fenced(suggestion2.content, "suggestion"),
    "",
    `<sub>iam-refine \xB7 ${policyIn(policyPaths, file.path)}</sub>`,
    marker
  ].join("\n");
  const placement = body.length > MAX_COMMENT_LENGTH ? "too-long" : suggestion2.inline ? "inline" : file.patch === void 0 ? "no-patch" : suggestion2.reason ?? "outside-diff";
  if (placement !== "too-long") {
    guardBody(body, {
      what: `the review comment on ${file.path} line ${suggestion2.endLine}`,
      suggestion: suggestion2.content,
      html: commentHtml(marker)
    });
  }
  return {
    kind: "suggestion",
    path: file.path,
    startLine: suggestion2.startLine,
    endLine: suggestion2.endLine,
    fingerprint: fp,
    placement,
    body: placement === "too-long" ? "" : body,
    suggestion: suggestion2,
    policies: policyPaths,
    principals: principals.map((p) => p.principal),
    unusedActions,
    title,
    importance: unusedActions.length
  };
}
function unusedPolicyItem(file, policy, hunks, hash) {
  const r = policy.refinement;
  const offset = policy.offset ?? Math.min(...policy.edits.map((e) => e.start), file.headText.length);
  const line = lineOf(lineIndex(file.headText), Math.max(0, Math.min(offset, file.headText.length)));
  const who = principalNames(policy.principals);
  const plainWho = principalList(policy.principals);
  const advice = r.unusedPrincipal ? "delete-principal" : "detach-or-delete";
  const fp = fingerprint(
    { file: file.path, policy: policy.policyPath, statement: "*", suggestion: advice },
    hash
  );
  const unusedActions = uniqueNames(
    r.statements.flatMap((s) => s.changes.flatMap((c) => c.unused))
  );
  const lead = r.unusedPrincipal ? `IAM Access Analyzer reports ${who} as not used at all${lastUsed(policy.principals)}${asOf(policy.principals)}.` : `${who} has used none of the actions this policy allows${asOf(policy.principals)}.`;
  const advise = r.unusedPrincipal ? `Rather than emptying ${policyIn([policy.policyPath], file.path)}, consider deleting the unused principal; at least detach and delete this policy.` : `Rather than an empty policy, detach ${policyIn([policy.policyPath], file.path)} and delete it.`;
  const marker = fingerprintMarker(fp);
  const body = [
    `**Unused policy**: ${policyIn([policy.policyPath], file.path)}`,
    "",
    lead,
    ...unusedActions.length > 0 ? ["", ...actionList(policy.principals, unusedActions)] : [],
    "",
    advise,
    "",
    ...agreementLines([policy]),
    `<sub>iam-refine \xB7 ${code(file.path)}</sub>`,
    marker
  ].join("\n");
  guardBody(body, {
    what: `the review comment on ${file.path} line ${line}`,
    html: commentHtml(marker)
  });
  const inHunk = hunks.some((h) => h.start <= line && line <= h.end);
  return {
    kind: "unused-policy",
    path: file.path,
    startLine: line,
    endLine: line,
    fingerprint: fp,
    placement: inHunk ? "inline" : file.patch === void 0 ? "no-patch" : "outside-diff",
    body,
    policies: [policy.policyPath],
    principals: policy.principals.map((p) => p.principal),
    unusedActions,
    title: r.unusedPrincipal ? `${plainWho} is not used at all: delete it, or detach and delete ${policy.policyPath || file.path}` : `${policy.policyPath || file.path} is wholly unused by ${plainWho}: detach and delete it`,
    // Above any single suggestion: the largest reduction there is.
    importance: 1e6 + unusedActions.length
  };
}
function agreementLines(policies) {
  const judged = policies.filter((p) => p.awsAgreement !== void 0);
  return judged.flatMap((p) => [
    (judged.length > 1 || policies.length > 1 ? `${code(p.policyPath)}: ` : "") + agreementMarkdown(p.awsAgreement),
    ""
  ]);
}
function principalNames(principals) {
  return joinNames(principals.map((p) => p.principal ? code(shortName(p.principal)) : ""));
}
function principalList(principals) {
  return joinNames(principals.map((p) => p.principal ? shortName(p.principal) : ""));
}
function joinNames(names) {
  const known = names.filter((n) => n !== "");
  if (known.length === 0) return "the principal";
  if (known.length === 1) return known[0];
  return `${known.slice(0, -1).join(", ")} and ${known.at(-1)}`;
}
function statementMarkdownLabel(s) {
  return s.sid ? `Statement ${code(s.sid)}` : `Statement ${s.index + 1}`;
}
function shortName(arn) {
  const m = /^arn:[^:]+:iam::\d*:(role|user|group)\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m ? m[2] : arn;
}
function unusedLine(principals, unused) {
  const arns = principals.map((p) => p.principal).filter((a) => a !== "");
  const who = arns.length === 0 ? "The principal" : arns.length === 1 ? code(arns[0]) : `None of ${arns.map((a) => code(a)).join(", ")}`;
  const verb = arns.length > 1 ? "used" : "has not used";
  if (unused.length === 0) {
    return `IAM Access Analyzer reports these entries unused by ${principalNames(principals)}${asOf(principals)}.`;
  }
  return `${who} ${verb} ${count(unused.length, "action")} this change removes (IAM Access Analyzer${asOf(principals, ", unused as of")}):`;
}
function actionList(principals, unused) {
  const lines = unused.slice(0, LISTED).map((action) => `- ${code(action)}: ${text(lastAccess(principals, action))}`);
  if (unused.length > LISTED) lines.push(`- and ${unused.length - LISTED} more`);
  return lines;
}
function lastAccess(principals, action) {
  const [service = "", name = ""] = action.toLowerCase().split(":");
  let latest;
  for (const p of principals) {
    for (const s of p.services) {
      if (s.service.toLowerCase() !== service) continue;
      const hit = s.actions?.find((a) => {
        const n = a.action.toLowerCase();
        return n === name || n === `${service}:${name}`;
      });
      const when = s.actions ? hit?.lastAccessed : s.lastAccessed;
      if (when !== void 0 && (latest === void 0 || when > latest)) latest = when;
    }
  }
  return latest === void 0 ? "not used in the tracking period" : `last used ${day(latest)}`;
}
function lastUsed(principals) {
  const dates = principals.map((p) => p.lastAccessed).filter((d) => d !== void 0);
  if (dates.length === 0) return "";
  return ` (last used ${day(dates.sort().at(-1))})`;
}
function asOf(principals, words = ", as of") {
  const dates = principals.map((p) => p.since).filter((d) => d !== void 0);
  if (dates.length === 0) return "";
  return `${words} ${day(dates.sort().at(-1))}`;
}
function day(iso) {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : "an unrecognised date";
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
function unique(items) {
  return [...new Set(items)];
}
function uniqueNames(names) {
  const seen = /* @__PURE__ */ new Map();
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()];
}
function policyIn(policyPaths, path) {
  const named = policyPaths.filter((p) => p !== "");
  if (named.length === 0) return code(path);
  return `policy ${named.map((n) => code(n)).join(", ")} in ${code(path)}`;
}

// src/report/summary.ts
var MAX_NOTE_CHARACTERS = 2e3;
var WHY = {
  "outside-diff": "outside the lines this pull request changes",
  "no-patch": "GitHub shows no diff for this file (too large)",
  "line-endings": "a suggestion block cannot express this change of line breaks",
  "too-long": "longer than a review comment may be",
  "over-max-comments": "beyond `max-comments`",
  rejected: "GitHub refused the comment",
  "not-verified": "not posted after GitHub refused the review",
  "read-only": "the token cannot write to this pull request"
};
function renderSummary(input) {
  const out = ["## iam-refine: unused IAM permissions", ""];
  const policies = input.files.flatMap((f) => f.policies.map((p) => ({ file: f, policy: p })));
  const refined = policies.filter(
    ({ policy }) => policy.refinement.changed || policy.refinement.unusedPolicy
  );
  const posted = input.delivered.filter((d) => d.delivery.kind === "posted").length;
  const existing = input.delivered.filter((d) => d.delivery.kind === "existing").length;
  const summaryOnly = input.delivered.filter((d) => d.delivery.kind === "summary");
  for (const w of input.warnings ?? []) {
    out.push("> [!WARNING]", `> ${text(w, MAX_NOTE_CHARACTERS)}`, "");
  }
  if (input.readOnly) {
    out.push(
      "> [!WARNING]",
      "> The token cannot write to this pull request (a pull request from a fork?), so nothing was posted on it: every suggestion is below.",
      ""
    );
  }
  const unchecked = input.unchecked ?? [];
  if (policies.length === 0 && unchecked.length === 0) {
    out.push("No IAM policy in the changed files.");
  } else if (refined.length === 0) {
    out.push(`${count2(policies.length, "policy", "policies")} checked: nothing unused.`);
  } else {
    out.push(
      `Unused actions in ${refined.length} of ${count2(policies.length, "policy", "policies")}` + (input.headSha ? ` at ${input.headSha.slice(0, 7)}` : "") + `: ${count2(posted + existing, "review comment")} on the diff, ${count2(summaryOnly.length, "suggestion")} only here.`
    );
  }
  out.push("");
  if (policies.length > 0) {
    const judged = policies.some(({ policy }) => policy.awsAgreement !== void 0);
    out.push(
      `| File | Policy | Principal | Unused actions | Result |${judged ? " IAM Access Analyzer |" : ""} Where |`,
      `| --- | --- | --- | --- | --- |${judged ? " --- |" : ""} --- |`
    );
    for (const { file, policy } of policies) {
      const r = policy.refinement;
      const unused = uniqueNames2(r.statements.flatMap((s) => s.changes.flatMap((c) => c.unused)));
      const result = r.unusedPolicy ? r.unusedPrincipal ? "principal unused: delete it" : "wholly unused: detach and delete" : r.changed && policy.refused !== void 0 ? `not suggested: ${policy.refused}` : r.changed ? `refined (${count2(r.statements.filter((s) => s.status === "refined" || s.status === "removed").length, "statement")})` : "nothing unused";
      const where = placesOf(input.delivered, file.path, policy.policyPath);
      out.push(
        `| ${cell(code(file.path))} | ${cell(policy.policyPath === "" ? "(the file)" : code(policy.policyPath))} | ${cell(principalNames(policy.principals))} | ${cell(unused.length === 0 ? "\u2014" : `${unused.length}: ${listNames(unused, (name) => code(name))}`)} | ${cell(text(result + (r.overQuota ? "; still over its size quota" : ""), MAX_NOTE_CHARACTERS))} | ` + (judged ? `${cell(policy.awsAgreement ? agreementCell(policy.awsAgreement, true) : "\u2014")} | ` : "") + `${cell(where)} |`
      );
    }
    out.push("");
  }
  if (summaryOnly.length > 0) {
    out.push("### Suggestions not on the diff", "");
    for (const { item, delivery } of summaryOnly) {
      const why = delivery.kind === "summary" ? WHY[delivery.why] : "";
      const lines = item.startLine === item.endLine ? `line ${item.startLine}` : `lines ${item.startLine}\u2013${item.endLine}`;
      out.push(`#### ${code(item.path)} ${lines}`, "", `${text(item.title)} (${why}).`, "");
      if (item.suggestion) {
        if (item.suggestion.content === "") out.push(`Delete ${lines}.`, "");
        else out.push(`Replace ${lines} with:`, "", fenced(item.suggestion.content, ""), "");
      } else {
        out.push(item.body.replace(/<!--[^>]*-->/g, "").trim(), "");
      }
    }
  }
  if (unchecked.length > 0) {
    out.push(
      "### Not checked",
      "",
      `${count2(unchecked.length, "policy or file", "policies or files")} in the changed files could not be checked; the default gate (\`fail-on: unused-or-unchecked\`) fails until each is readable and mapped:`,
      "",
      ...unchecked.map(
        (u) => `- ${code(u.file)}${u.line !== void 0 ? ` line ${u.line}` : ""}${u.pointer ? ` (${code(u.pointer)})` : ""}: ${text(u.reason, MAX_NOTE_CHARACTERS)}`
      ),
      ""
    );
  }
  const notes = [...input.notes ?? []];
  for (const { file, policy } of policies) {
    for (const w of policy.refinement.warnings)
      notes.push(`${file.path} (${policy.policyPath}): ${w}`);
  }
  if (notes.length > 0) {
    out.push("### Notes", "", ...notes.map((n) => `- ${text(n, MAX_NOTE_CHARACTERS)}`), "");
  }
  return out.join("\n");
}
function placesOf(delivered, path, policyPath) {
  const mine = delivered.filter((d) => d.item.path === path && d.item.policies.includes(policyPath));
  if (mine.length === 0) return "\u2014";
  const onDiff = mine.filter((d) => d.delivery.kind !== "summary").length;
  const parts = [];
  if (onDiff > 0) parts.push(`${onDiff} on the diff`);
  if (mine.length - onDiff > 0) parts.push(`${mine.length - onDiff} in the summary`);
  return parts.join(", ");
}
function cell(text2) {
  return text2.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function count2(n, noun, plural = `${noun}s`) {
  return `${n} ${n === 1 ? noun : plural}`;
}
function uniqueNames2(names) {
  const seen = /* @__PURE__ */ new Map();
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()];
}
var SUMMARY_HTML = ["<sub>", "</sub>"];
function cutMarkdown(markdown, limit, note, measure = (t) => t.length) {
  if (measure(markdown) <= limit) return markdown;
  let room = limit - measure(note) - 16;
  let head = markdown.slice(0, Math.max(0, room));
  while (measure(head) > room && head.length > 0)
    head = head.slice(0, Math.floor(head.length * 0.9));
  room = head.length;
  const section = head.lastIndexOf("\n#");
  const cut = section > room / 2 ? section : Math.max(0, head.lastIndexOf("\n"));
  let kept = head.slice(0, cut);
  const fence = openFence(kept);
  if (fence !== void 0) kept += `
${fence}`;
  return `${kept}

${note}`;
}
function openFence(markdown) {
  let open2;
  for (const line of markdown.split("\n")) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!m) continue;
    const run2 = m[1];
    if (open2 === void 0) open2 = run2;
    else if (run2[0] === open2[0] && run2.length >= open2.length && line.trim() === run2)
      open2 = void 0;
  }
  return open2;
}

// src/github/identity.ts
async function getTokenLogin(client, logger) {
  try {
    const data = await client.graphql(
      "query { viewer { login } }",
      { request: { retries: 0 } }
    );
    if (typeof data.viewer?.login === "string" && data.viewer.login !== "") return data.viewer.login;
  } catch {
  }
  try {
    const { data } = await client.rest.users.getAuthenticated();
    if (typeof data.login === "string" && data.login !== "") return data.login;
  } catch {
  }
  logger.warning(
    "Could not learn which account the token belongs to (GraphQL viewer and GET /user both failed): no earlier comment is treated as ours, so earlier suggestions are not updated or marked outdated."
  );
  return void 0;
}
function isOurs(author, login) {
  return login !== void 0 && typeof author === "string" && author.toLowerCase() === login.toLowerCase();
}

// src/github/review-comments.ts
import { createHash as createHash2 } from "node:crypto";
var sha256Hex = (text2) => createHash2("sha256").update(text2, "utf8").digest("hex");
async function listOurReviewComments(client, pr, login) {
  let comments;
  try {
    comments = await client.paginate(client.rest.pulls.listReviewComments, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.pullNumber,
      per_page: 100
    });
  } catch (error2) {
    throw readError(error2, `the review comments of pull request #${pr.pullNumber}`);
  }
  const ours = [];
  for (const c of comments) {
    if (!isOurs(c.user?.login, login)) continue;
    const marker = readMarker(c.body ?? "");
    if (!marker) continue;
    ours.push({
      id: c.id,
      fingerprint: marker.fingerprint,
      markedOutdated: marker.outdated,
      onDiff: c.line !== null && c.line !== void 0,
      path: c.path,
      body: c.body
    });
  }
  return ours;
}
function outdatedBody(body, fingerprint2, headSha, why) {
  const previous = body.replace(/<!-- iam-refine:fp=[^>]*-->/g, "").replace(/^(`{3,})suggestion[^\S\n]*$/gm, "$1").trimEnd();
  const open2 = "<details><summary>What it said</summary>";
  const marker = outdatedMarker(fingerprint2);
  const out = [
    `~~This iam-refine comment no longer applies~~ (outdated at ${headSha.slice(0, 7)}: ${why}).`,
    "",
    open2,
    "",
    previous,
    "",
    "</details>",
    "",
    marker
  ].join("\n");
  guardBody(out, {
    what: "an outdated review comment",
    html: [open2, "</details>", "<sub>", "</sub>", marker]
  });
  return out;
}
async function markOutdated(client, pr, comment, headSha, why) {
  await client.rest.pulls.updateReviewComment({
    owner: pr.owner,
    repo: pr.repo,
    comment_id: comment.id,
    body: outdatedBody(comment.body, comment.fingerprint, headSha, why)
  });
}

// src/github/summary-comment.ts
var MAX_BODY = 65536;
async function findSummary(client, pr, login) {
  const ask = { owner: pr.owner, repo: pr.repo, per_page: 100 };
  const [comments, reviews] = await Promise.all([
    client.paginate(client.rest.issues.listComments, { ...ask, issue_number: pr.pullNumber }).catch((error2) => {
      throw readError(error2, `the comments of pull request #${pr.pullNumber}`);
    }),
    client.paginate(client.rest.pulls.listReviews, { ...ask, pull_number: pr.pullNumber }).catch((error2) => {
      throw readError(error2, `the reviews of pull request #${pr.pullNumber}`);
    })
  ]);
  const ours = (c) => isOurs(c.user?.login, login) && (c.body ?? "").includes(SUMMARY_MARKER);
  const comment = comments.find(ours);
  if (comment) return { kind: "comment", id: comment.id, body: comment.body ?? "" };
  const review = reviews.find(ours);
  if (review) return { kind: "review", id: review.id, body: review.body ?? "" };
  return void 0;
}
async function updateSummary(client, pr, place, body) {
  if (place.body === body) return "unchanged";
  if (place.kind === "review") {
    await client.rest.pulls.updateReview({
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.pullNumber,
      review_id: place.id,
      body
    });
  } else {
    await client.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: place.id,
      body
    });
  }
  return "updated";
}
async function createSummaryComment(client, pr, body) {
  const created = await client.rest.issues.createComment({
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.pullNumber,
    body
  });
  return created.data.id;
}
function summaryBody(markdown) {
  const head = `${SUMMARY_MARKER}
`;
  const body = head + cutMarkdown(
    markdown,
    MAX_BODY - head.length,
    "\u2026 cut here: the full report is in the job summary of this run."
  );
  guardBody(body, { what: "the summary comment", html: [SUMMARY_MARKER, ...SUMMARY_HTML] });
  return body;
}

// src/github/review.ts
async function reviewPullRequest(clients, target, files, options) {
  const items = buildReviewItems(files, options.hash ?? sha256Hex);
  const login = options.login ?? await getTokenLogin(clients.read, options.logger);
  const [ours, found] = await Promise.all([
    listOurReviewComments(clients.read, target, login),
    findSummary(clients.read, target, login)
  ]);
  const summaryOf = (ro, delivered) => renderSummary({
    files,
    delivered,
    headSha: target.headSha,
    notes: options.notes ?? [],
    warnings: options.warnings ?? [],
    unchecked: options.unchecked ?? [],
    readOnly: ro
  });
  const outcome = await publishReview(clients, target, items, {
    ...options,
    login,
    ours,
    ...found ? {} : { summaryBody: (delivered) => summaryBody(summaryOf(false, delivered)) }
  });
  let readOnly = outcome.readOnly;
  let summary3 = summaryOf(readOnly, outcome.delivered);
  let summaryComment;
  let summaryPlace;
  if (outcome.carriesSummary) {
    summaryComment = "created";
    summaryPlace = "review";
  } else if (!readOnly) {
    try {
      const body = summaryBody(summary3);
      if (found) {
        summaryComment = await updateSummary(clients.write, target, found, body);
        summaryPlace = found.kind;
      } else if (items.length > 0) {
        await createSummaryComment(clients.write, target, body);
        summaryComment = "created";
        summaryPlace = "comment";
      } else {
        summaryComment = "skipped";
      }
    } catch (error2) {
      if (!isForbidden(error2)) throw error2;
      readOnly = true;
      summary3 = summaryOf(true, outcome.delivered);
    }
  }
  if (readOnly) annotate(options.logger, items);
  return {
    ...outcome,
    readOnly,
    items,
    summary: summary3,
    ...summaryComment ? { summaryComment } : {},
    ...summaryPlace ? { summaryPlace } : {}
  };
}
async function publishReview(clients, target, items, options) {
  const { logger } = options;
  const ours = options.ours ?? await listOurReviewComments(clients.read, target, options.login);
  const live = /* @__PURE__ */ new Map();
  for (const c of ours) {
    if (!c.markedOutdated && c.onDiff && !live.has(c.fingerprint)) live.set(c.fingerprint, c);
  }
  const delivery = /* @__PURE__ */ new Map();
  const candidates = [];
  for (const item of items) {
    if (live.has(item.fingerprint)) delivery.set(item, { kind: "existing" });
    else if (item.placement !== "inline") delivery.set(item, summary2(item.placement));
    else candidates.push(item);
  }
  const existing = [...delivery.values()].filter((d) => d.kind === "existing").length;
  const slots = Math.max(0, options.maxComments - existing);
  const ranked = [...candidates].sort((a, b) => b.importance - a.importance);
  const chosen = new Set(ranked.slice(0, slots));
  for (const item of ranked.slice(slots)) delivery.set(item, summary2("over-max-comments"));
  const toPost = candidates.filter((i2) => chosen.has(i2));
  const deliveredWith = (refused) => items.map((item) => {
    const bad = refused.get(item);
    return {
      item,
      delivery: bad ? summary2(bad) : delivery.get(item) ?? { kind: "posted" }
    };
  });
  const carried = options.summaryBody;
  const body = (refused, posted) => carried ? carried(deliveredWith(refused)) : reviewBody(posted);
  let reviewId;
  let readOnly = false;
  try {
    if (toPost.length > 0) {
      const posted = await postIsolating(clients.write, target, toPost, options, body);
      reviewId = posted.reviewId;
      for (const item of toPost) {
        const bad = posted.refused.get(item);
        delivery.set(item, bad ? summary2(bad) : { kind: "posted" });
      }
      if (posted.refused.size > 0) {
        logger.warning(
          `GitHub refused ${posted.refused.size} of ${toPost.length} review comments; they are in the summary.`
        );
      }
    }
  } catch (error2) {
    if (!isForbidden(error2)) throw error2;
    readOnly = true;
    logger.warning(
      "The token cannot write to this pull request (403; a pull request from a fork?): the suggestions are in the job summary and in annotations."
    );
    for (const item of toPost) delivery.set(item, summary2("read-only"));
  }
  let outdated = 0;
  let refusedEdits = 0;
  if (!readOnly) {
    const current = new Set(items.map((i2) => i2.fingerprint));
    const kept = new Set([...live.values()].filter((c) => current.has(c.fingerprint)).map((c) => c.id));
    for (const c of ours) {
      if (c.markedOutdated || kept.has(c.id)) continue;
      const why = !current.has(c.fingerprint) ? "the policy or its findings changed" : c.onDiff ? "a newer comment says the same" : "the lines it was on changed";
      try {
        await markOutdated(clients.write, target, c, target.headSha, why);
        outdated++;
      } catch (error2) {
        if (!isForbidden(error2)) throw error2;
        refusedEdits++;
      }
    }
  }
  if (outdated > 0) logger.info(`Marked ${outdated} earlier review comments outdated.`);
  if (refusedEdits > 0) {
    logger.warning(
      `GitHub refused (403) to edit ${refusedEdits} earlier review ${refusedEdits === 1 ? "comment" : "comments"} that no longer apply: resolve them by hand.`
    );
  }
  return {
    delivered: items.map((item) => ({ item, delivery: delivery.get(item) })),
    ...reviewId === void 0 ? {} : { reviewId },
    outdated,
    readOnly,
    carriesSummary: reviewId !== void 0 && carried !== void 0
  };
}
function summary2(why) {
  return { kind: "summary", why };
}
async function postIsolating(client, target, items, options, bodyFor) {
  const refused = /* @__PURE__ */ new Map();
  const body = bodyFor(refused, items.length);
  let event = options.event;
  try {
    const id = await createReview(client, target, items, event, body);
    return { reviewId: id, refused };
  } catch (error2) {
    if (!isUnprocessable(error2)) throw error2;
    if (event === "REQUEST_CHANGES" && /own pull request/i.test(message(error2))) {
      options.logger.warning(
        "GitHub does not let the token request changes on its own pull request; commenting instead."
      );
      event = "COMMENT";
      try {
        const id = await createReview(client, target, items, event, body);
        return { reviewId: id, refused };
      } catch (again) {
        if (!isUnprocessable(again)) throw again;
      }
    }
    options.logger.info(
      `GitHub refused the review (${message(error2)}); finding the comments it refuses.`
    );
  }
  let budget = options.maxIsolationCalls ?? 40;
  let stuck = false;
  const accepts = async (group) => {
    if (stuck || budget <= 0) return void 0;
    budget--;
    let id;
    try {
      id = await createReview(client, target, group, void 0, void 0);
    } catch (error2) {
      if (!isUnprocessable(error2)) throw error2;
      if (/pending review/i.test(message(error2))) stuck = true;
      return stuck ? void 0 : false;
    }
    budget--;
    try {
      await client.rest.pulls.deletePendingReview({
        owner: target.owner,
        repo: target.repo,
        pull_number: target.pullNumber,
        review_id: id
      });
    } catch {
      stuck = true;
    }
    return true;
  };
  const isolate = async (group) => {
    if (group.length === 1) {
      refused.set(group[0], "rejected");
      return;
    }
    const half = Math.ceil(group.length / 2);
    const first = group.slice(0, half);
    const second = group.slice(half);
    const ok = await accepts(first);
    if (ok === void 0) {
      for (const item of group) if (!refused.has(item)) refused.set(item, "not-verified");
      return;
    }
    if (!ok) await isolate(first);
    const secondOk = ok ? false : await accepts(second);
    if (secondOk === void 0) {
      for (const item of second) refused.set(item, "not-verified");
    } else if (!secondOk) {
      await isolate(second);
    }
  };
  await isolate(items);
  const good = items.filter((i2) => !refused.has(i2));
  if (good.length === 0) return { refused };
  try {
    const id = await createReview(client, target, good, event, bodyFor(refused, good.length));
    return { reviewId: id, refused };
  } catch (error2) {
    if (!isUnprocessable(error2)) throw error2;
    for (const item of good) refused.set(item, "not-verified");
    return { refused };
  }
}
async function createReview(client, target, items, event, body) {
  const response = await client.rest.pulls.createReview({
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    commit_id: target.headSha,
    ...event === void 0 ? {} : { event },
    ...body === void 0 ? {} : { body },
    comments: items.map(reviewComment)
  });
  return response.data.id;
}
function reviewComment(item) {
  return {
    path: item.path,
    body: item.body,
    line: item.endLine,
    side: "RIGHT",
    ...item.startLine < item.endLine ? { start_line: item.startLine, start_side: "RIGHT" } : {}
  };
}
function reviewBody(n) {
  return `iam-refine suggests removing permissions IAM Access Analyzer reports unused (${n} ${n === 1 ? "comment" : "comments"}). Its summary on this pull request lists every policy.`;
}
function annotate(logger, items, limit = 10) {
  const ranked = [...items].sort((a, b) => b.importance - a.importance);
  for (const item of ranked.slice(0, limit)) {
    logger.warning(item.title, {
      title: item.kind === "unused-policy" ? "Unused IAM policy" : "Unused IAM permissions",
      file: item.path,
      startLine: item.startLine,
      endLine: item.endLine
    });
  }
  if (ranked.length > limit) {
    logger.notice(
      `${ranked.length - limit} more unused-permission findings are in the job summary.`
    );
  }
}
function isForbidden(error2) {
  if (isRateLimit(error2)) throw rateLimitError(error2, "iam-refine before it could write the review");
  return error2.status === 403;
}
function isUnprocessable(error2) {
  return error2.status === 422;
}
function message(error2) {
  const data = error2.response?.data;
  if (data && Array.isArray(data.errors)) return data.errors.map(String).join("; ");
  return error2.message;
}

// src/inputs.ts
var INPUT = {
  githubToken: "github-token",
  findings: "findings",
  findingsArtifact: "findings-artifact",
  findingsArtifactRunId: "findings-artifact-run-id",
  findingsArtifactRepository: "findings-artifact-repository",
  findingsArtifactWorkflow: "findings-artifact-workflow",
  analyzerArn: "analyzer-arn",
  paths: "paths",
  config: "config",
  catalog: "catalog",
  failOn: "fail-on",
  reviewEvent: "review-event",
  maxComments: "max-comments",
  verifyWithAws: "verify-with-aws",
  allowWorkspaceOnPullRequestTarget: "allow-workspace-on-pull-request-target",
  requireAwsAgreement: "require-aws-agreement",
  mode: "mode",
  sweepBranch: "sweep-branch",
  sweepTitle: "sweep-title",
  sweepLabels: "sweep-labels",
  sweepForcePush: "sweep-force-push"
};
var OUTPUT = {
  unusedActions: "unused-actions",
  policiesRefined: "policies-refined",
  report: "report",
  sarif: "sarif",
  pullRequestNumber: "pull-request-number",
  pullRequestUrl: "pull-request-url",
  operation: "operation"
};
var DEFAULTS = {
  config: ".github/iam-refine.yml",
  failOn: "unused-or-unchecked",
  reviewEvent: "COMMENT",
  maxComments: 30,
  /** The export workflow of examples/workflows/. */
  findingsArtifactWorkflow: "iam-refine-export-findings.yml",
  mode: "auto",
  sweepBranch: "iam-refine/least-privilege",
  sweepTitle: "iam-refine: remove unused IAM permissions",
  sweepLabels: ["security", "iam-refine"]
};
var MODES = ["auto", "review", "sweep"];
function readInputs(source = (name) => getInput(name)) {
  const get = (name) => source(name).trim();
  const githubToken = get(INPUT.githubToken);
  if (githubToken === "") {
    throw new ConfigurationError(
      `Input ${INPUT.githubToken} is empty: pass a token, e.g. \${{ github.token }}.`
    );
  }
  const artifactName = get(INPUT.findingsArtifact);
  const runId = get(INPUT.findingsArtifactRunId);
  const repository = get(INPUT.findingsArtifactRepository);
  const workflow = get(INPUT.findingsArtifactWorkflow);
  if (artifactName === "" && (runId !== "" || repository !== "")) {
    const given = runId !== "" ? INPUT.findingsArtifactRunId : INPUT.findingsArtifactRepository;
    throw new ConfigurationError(
      `Input ${given} needs ${INPUT.findingsArtifact} (the artifact's name).`
    );
  }
  const analyzerArn = get(INPUT.analyzerArn);
  if (analyzerArn !== "" && !/^arn:aws[a-z-]*:access-analyzer:[a-z0-9-]+:\d{12}:analyzer\/.+$/.test(analyzerArn)) {
    throw new ConfigurationError(
      `Input ${INPUT.analyzerArn} is not an analyzer ARN (arn:aws:access-analyzer:REGION:ACCOUNT:analyzer/NAME): ${analyzerArn}`
    );
  }
  return {
    githubToken,
    findings: checkedGlobs(INPUT.findings, list(get(INPUT.findings)), isGlob),
    ...artifactName === "" ? {} : {
      findingsArtifact: {
        name: artifactName,
        workflow: workflowName(workflow || DEFAULTS.findingsArtifactWorkflow),
        ...runId === "" ? {} : { runId: positiveInteger(INPUT.findingsArtifactRunId, runId) },
        ...repository === "" ? {} : { repository: ownerAndName(repository) }
      }
    },
    ...analyzerArn === "" ? {} : { analyzerArn },
    paths: checkedGlobs(INPUT.paths, list(get(INPUT.paths)), () => true),
    config: get(INPUT.config) || DEFAULTS.config,
    catalog: catalogChoice(get(INPUT.catalog)),
    failOn: oneOf(INPUT.failOn, get(INPUT.failOn) || DEFAULTS.failOn, FAIL_ON, false),
    reviewEvent: oneOf(
      INPUT.reviewEvent,
      get(INPUT.reviewEvent) || DEFAULTS.reviewEvent,
      ["COMMENT", "REQUEST_CHANGES"],
      true
    ),
    maxComments: get(INPUT.maxComments) === "" ? DEFAULTS.maxComments : positiveInteger(INPUT.maxComments, get(INPUT.maxComments)),
    verifyWithAws: boolean(INPUT.verifyWithAws, get(INPUT.verifyWithAws)),
    allowWorkspaceOnPullRequestTarget: boolean(
      INPUT.allowWorkspaceOnPullRequestTarget,
      get(INPUT.allowWorkspaceOnPullRequestTarget)
    ),
    requireAwsAgreement: boolean(INPUT.requireAwsAgreement, get(INPUT.requireAwsAgreement)),
    mode: oneOf(INPUT.mode, get(INPUT.mode) || DEFAULTS.mode, MODES, false),
    sweepBranch: branchName(get(INPUT.sweepBranch) || DEFAULTS.sweepBranch),
    sweepTitle: sweepTitle(get(INPUT.sweepTitle) || DEFAULTS.sweepTitle),
    sweepLabels: get(INPUT.sweepLabels) === "" ? [...DEFAULTS.sweepLabels] : labels(get(INPUT.sweepLabels)),
    sweepForcePush: boolean(INPUT.sweepForcePush, get(INPUT.sweepForcePush))
  };
}
function resolveMode(mode, event) {
  const pullRequestEvent = event !== void 0 && event.startsWith("pull_request");
  if (mode === "review") return { kind: "review" };
  if (mode === "sweep") {
    if (!pullRequestEvent) return { kind: "sweep" };
    throw new ConfigurationError(
      `Input ${INPUT.mode} is sweep, but this is a ${event} event: a sweep commits to a branch of the default branch from a checkout of it, so it runs on schedule, workflow_dispatch or push, never on a pull request.`
    );
  }
  if (pullRequestEvent) return { kind: "review" };
  if (event === "schedule" || event === "workflow_dispatch") return { kind: "sweep" };
  return {
    kind: "none",
    message: `iam-refine did nothing on this ${event ?? "unnamed"} event: with ${INPUT.mode}: auto it reviews pull_request events and sweeps the repository on schedule and workflow_dispatch; set ${INPUT.mode}: review or ${INPUT.mode}: sweep to choose.`
  };
}
var MAX_BRANCH_NAME_LENGTH = 200;
function branchName(value) {
  const bad = value.length > MAX_BRANCH_NAME_LENGTH || value.startsWith("refs/") || value.startsWith("-") || value.startsWith("/") || value.endsWith("/") || value.endsWith(".") || value.endsWith(".lock") || value.includes("..") || value.includes("//") || value.includes("@{") || value.split("/").some((part) => part.startsWith(".") || part.endsWith(".lock")) || // eslint-disable-next-line no-control-regex -- control characters are refused by Git
  /[\x00-\x20\x7f~^:?*[\\]/.test(value);
  if (bad) {
    throw new ConfigurationError(
      `Input ${INPUT.sweepBranch} is not a branch name Git accepts: "${value}" (no spaces, ~ ^ : ? * [ \\, "..", "@{", or a part that starts with "." or ends with ".lock").`
    );
  }
  return value;
}
var MAX_TITLE_LENGTH = 256;
function sweepTitle(value) {
  if (value.length > MAX_TITLE_LENGTH || /[\r\n]/.test(value)) {
    throw new ConfigurationError(
      `Input ${INPUT.sweepTitle} must be one line of at most ${MAX_TITLE_LENGTH} characters.`
    );
  }
  return value;
}
var MAX_LABEL_LENGTH = 50;
function labels(value) {
  const names = list(value);
  for (const name of names) {
    if (name.length > MAX_LABEL_LENGTH) {
      throw new ConfigurationError(
        `Input ${INPUT.sweepLabels}: "${name}" is longer than GitHub's ${MAX_LABEL_LENGTH} characters for a label.`
      );
    }
  }
  return names;
}
function list(value) {
  const entries = [];
  for (const line of value.split("\n")) {
    let depth = 0;
    let from = 0;
    for (let i2 = 0; i2 < line.length; i2++) {
      const c = line[i2];
      if (c === "\\") i2++;
      else if (c === "{") depth++;
      else if (c === "}") depth = Math.max(0, depth - 1);
      else if (c === "," && depth === 0) {
        entries.push(line.slice(from, i2));
        from = i2 + 1;
      }
    }
    entries.push(line.slice(from));
  }
  return entries.map((v) => v.trim()).filter((v) => v !== "" && !v.startsWith("#"));
}
function checkedGlobs(name, entries, isGlobEntry) {
  compileGlobs(entries.filter(isGlobEntry), `Input ${name}`);
  return entries;
}
function catalogChoice(value) {
  if (value === "" || value.toLowerCase() === "bundled") return { kind: "bundled" };
  if (value.toLowerCase() === "live") return { kind: "live" };
  return { kind: "file", path: value };
}
function oneOf(name, value, allowed, upperCase) {
  const normal = upperCase ? value.toUpperCase() : value.toLowerCase();
  const hit = allowed.find((a) => a === normal);
  if (hit === void 0) {
    throw new ConfigurationError(
      `Input ${name} must be one of ${allowed.join(", ")}; got "${value}".`
    );
  }
  return hit;
}
function positiveInteger(name, value) {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ConfigurationError(`Input ${name} must be a positive whole number; got "${value}".`);
  }
  return n;
}
function boolean(name, value) {
  if (value === "") return false;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new ConfigurationError(`Input ${name} must be true or false; got "${value}".`);
}
function workflowName(value) {
  if (/^\d+$/.test(value) || /^[A-Za-z0-9._-]+\.ya?ml$/.test(value)) return value;
  throw new ConfigurationError(
    `Input ${INPUT.findingsArtifactWorkflow} must be a workflow file name such as ${DEFAULTS.findingsArtifactWorkflow} (without .github/workflows/) or a workflow id; got "${value}".`
  );
}
function ownerAndName(value) {
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(value);
  if (!m) {
    throw new ConfigurationError(
      `Input ${INPUT.findingsArtifactRepository} must be owner/name; got "${value}".`
    );
  }
  return { owner: m[1], repo: m[2] };
}

// src/io/git-objects.ts
import { spawn } from "node:child_process";
import { realpath } from "node:fs/promises";
import { dirname } from "node:path";
var GIT_BATCH_TIMEOUT_MS = 2e4;
var MAX_HEADER_BYTES = 256;
var MAX_STDERR_CHARACTERS = 500;
var OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
async function readGitBlobs(folder, ids, maxBytes, timeoutMs = GIT_BATCH_TIMEOUT_MS) {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => OBJECT_ID.test(id));
  const blobs = /* @__PURE__ */ new Map();
  if (wanted.length === 0) return { blobs };
  let root;
  try {
    root = await realpath(folder);
  } catch (error2) {
    return { blobs, failure: `${folder} cannot be read (${error2.message})` };
  }
  return new Promise((resolve) => {
    const parser = new BatchParser(wanted, maxBytes, blobs);
    let stderr = "";
    let settled = false;
    const finish = (failure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(failure === void 0 ? { blobs } : { blobs, failure });
    };
    const child = spawn("git", ["--no-replace-objects", "cat-file", "--batch"], {
      cwd: root,
      env: gitEnvironment(root),
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish(`git cat-file took longer than ${timeoutMs / 1e3} s`);
    }, timeoutMs);
    child.on("error", (error2) => finish(`git could not be run (${error2.message})`));
    child.stdin.on("error", () => void 0);
    child.stdout.on("data", (chunk) => {
      if (settled) return;
      const problem = parser.push(chunk);
      if (problem !== void 0) {
        child.kill("SIGKILL");
        finish(`git cat-file answered what it was not asked (${problem})`);
      }
    });
    child.stderr.on("data", (chunk) => {
      if (stderr.length < MAX_STDERR_CHARACTERS) stderr += chunk.toString("utf8");
    });
    child.on("close", (code2, signal) => {
      if (code2 === 0 && parser.done()) return finish();
      const said = stderr.replace(/\s+/g, " ").trim().slice(0, MAX_STDERR_CHARACTERS);
      finish(
        code2 === 0 ? "git cat-file stopped before it answered every object" : `git cat-file ${signal ? `was stopped (${signal})` : `exited with ${code2}`}${said ? `: ${said}` : ""}`
      );
    });
    child.stdin.end(wanted.map((id) => `${id}
`).join(""));
  });
}
function gitEnvironment(root) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toUpperCase().startsWith("GIT_")) env[key] = value;
  }
  env.GIT_CEILING_DIRECTORIES = dirname(root);
  env.GIT_NO_LAZY_FETCH = "1";
  env.GIT_TERMINAL_PROMPT = "0";
  return env;
}
var BatchParser = class {
  constructor(ids, maxBytes, out) {
    this.ids = ids;
    this.maxBytes = maxBytes;
    this.out = out;
  }
  ids;
  maxBytes;
  out;
  next = 0;
  header = [];
  headerBytes = 0;
  object;
  done() {
    return this.next === this.ids.length && this.object === void 0 && this.headerBytes === 0;
  }
  /** Takes the next piece of output; a sentence when it is not what was asked. */
  push(chunk) {
    let rest = chunk;
    while (rest.length > 0) {
      if (this.object) {
        const o = this.object;
        const take = Math.min(o.left, rest.length);
        o.chunks?.push(rest.subarray(0, take));
        o.left -= take;
        rest = rest.subarray(take);
        if (o.left > 0) continue;
        const whole = o.chunks ? Buffer.concat(o.chunks) : void 0;
        if (whole && whole[o.size] !== 10) return `no line feed after ${o.id}`;
        if (whole) this.out.set(o.id, whole.subarray(0, o.size));
        this.object = void 0;
        continue;
      }
      const end = rest.indexOf(10);
      if (end < 0) {
        this.header.push(rest);
        this.headerBytes += rest.length;
        return this.headerBytes > MAX_HEADER_BYTES ? "a header line that does not end" : void 0;
      }
      const line = Buffer.concat([...this.header, rest.subarray(0, end)]).toString("latin1");
      this.header = [];
      this.headerBytes = 0;
      rest = rest.subarray(end + 1);
      const problem = this.begin(line);
      if (problem !== void 0) return problem;
    }
    return void 0;
  }
  begin(line) {
    const id = this.ids[this.next];
    if (id === void 0) return "more objects than were asked";
    this.next++;
    if (line === `${id} missing`) return void 0;
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(line);
    if (!m || m[1] !== id) return `"${line.slice(0, 80)}" for ${id}`;
    const size = Number(m[3]);
    const keep = m[2] === "blob" && size <= this.maxBytes;
    this.object = { id, size, left: size + 1, chunks: keep ? [] : void 0 };
    return void 0;
  }
};

// src/io/globs.ts
import { readdir as readdir2 } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
async function expandGlobs(patterns, root, key) {
  const out = [];
  const globs = [];
  for (const p of patterns) {
    if (isGlob(p)) globs.push(p);
    else out.push(isAbsolute(p) ? p : join(root, p));
  }
  if (globs.length > 0) {
    const match = compileGlobs(globs, key);
    const entries = await readdir2(root, { recursive: true, withFileTypes: true });
    const found = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const full = join(entry.parentPath ?? entry.path, entry.name);
      const rel = relative(root, full).split(sep).join("/");
      if (rel.startsWith(".git/") || rel.includes("node_modules/")) continue;
      if (match(rel)) found.push(full);
    }
    out.push(...found.sort());
  }
  return [...new Set(out)];
}

// src/report/log-line.ts
var MAX_LOG_LINE = 4e3;
var COMMAND_START = /^(\s*)(:|#)(?=:|#\[)/gm;
function logLine(message2) {
  let line = message2.replace(/\r\n|\r|\n|\u2028|\u2029/g, " \u23CE ");
  if (line.length > MAX_LOG_LINE) {
    line = `${line.slice(0, MAX_LOG_LINE)}\u2026 (${line.length - MAX_LOG_LINE} more characters)`;
  }
  return neutralizeCommands(line);
}
function neutralizeCommands(text2) {
  return text2.replace(COMMAND_START, "$1$2\u200B");
}

// src/logger.ts
function actionsLogger() {
  return {
    debug: (message2) => debug(logLine(message2)),
    info: (message2) => info(logLine(message2)),
    warning: (message2, target) => warning(logLine(message2), properties(target)),
    error: (message2, target) => error(logLine(message2), properties(target)),
    notice: (message2, target) => notice(logLine(message2), properties(target))
  };
}
function properties(target) {
  if (!target) return {};
  return {
    title: target.title,
    file: target.file,
    startLine: target.startLine,
    endLine: target.endLine
  };
}

// src/github/git-commits.ts
async function getCommit(client, repo, sha) {
  try {
    const response = await client.rest.git.getCommit({ ...repo, commit_sha: sha });
    return commitOf(response.data);
  } catch (error2) {
    return readRefusal(error2, `commit ${sha} of ${repo.owner}/${repo.repo}`);
  }
}
async function createCommit(client, repo, commit, branch) {
  try {
    const response = await client.rest.git.createCommit({
      ...repo,
      message: commit.message,
      tree: commit.tree,
      parents: [...commit.parents]
    });
    return commitOf(response.data);
  } catch (error2) {
    return refusal(error2, `create the commit for ${branch}`, "contents: write", branch);
  }
}
function commitOf(data) {
  return {
    sha: data.sha,
    tree: data.tree.sha,
    parents: data.parents.map((p) => p.sha),
    message: data.message,
    author: { name: data.author.name ?? "", email: data.author.email ?? "" },
    committer: { name: data.committer.name ?? "", email: data.committer.email ?? "" },
    verified: data.verification?.verified === true
  };
}

// src/github/git-refs.ts
async function getBranchHead(client, repo, branch) {
  try {
    const response = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return response.data.object.sha;
  } catch (error2) {
    const status = statusOf(error2);
    if (status === 404) return void 0;
    if (status === 409) {
      throw new ConfigurationError(
        `${repo.owner}/${repo.repo} is empty (${githubMessage(error2)}): there is nothing to sweep.`
      );
    }
    return readRefusal(error2, `the branch ${branch} of ${repo.owner}/${repo.repo}`);
  }
}
async function createBranch(client, repo, branch, sha) {
  try {
    await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha });
    return "created";
  } catch (error2) {
    if (statusOf(error2) === 422 && /already exists/i.test(githubMessage(error2))) return "exists";
    return refusal(error2, `create the branch ${branch}`, "contents: write", branch);
  }
}
async function moveBranch(client, repo, branch, sha, force) {
  try {
    await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force });
  } catch (error2) {
    refusal(error2, `update the branch ${branch}`, "contents: write", branch);
  }
}
async function deleteBranch(client, repo, branch) {
  try {
    await client.rest.git.deleteRef({ ...repo, ref: `heads/${branch}` });
  } catch (error2) {
    if (statusOf(error2) === 422 && /does not exist/i.test(githubMessage(error2))) return;
    refusal(error2, `delete the branch ${branch}`, "contents: write", branch);
  }
}

// src/github/git-trees.ts
async function getTree(client, repo, sha) {
  let data;
  try {
    data = (await client.rest.git.getTree({ ...repo, tree_sha: sha })).data;
  } catch (error2) {
    return readRefusal(error2, `tree ${sha} of ${repo.owner}/${repo.repo}`);
  }
  if (data.truncated) {
    throw new ConfigurationError(
      `GitHub lists folder ${sha} of ${repo.owner}/${repo.repo} only in part: a folder that large cannot be swept`
    );
  }
  return data.tree.map((e) => ({
    path: e.path,
    mode: e.mode,
    type: e.type,
    sha: e.sha
  }));
}
async function createTree(client, repo, baseTree, files, branch) {
  try {
    const response = await client.rest.git.createTree({
      ...repo,
      base_tree: baseTree,
      tree: files.map((f) => ({
        path: f.path,
        mode: f.mode,
        type: "blob",
        content: f.content
      }))
    });
    return response.data.sha;
  } catch (error2) {
    return refusal(error2, `create the tree for ${branch}`, "contents: write", branch);
  }
}

// src/github/issue-comments.ts
async function listIssueComments(client, repo, number) {
  try {
    const comments = await client.paginate(client.rest.issues.listComments, {
      ...repo,
      issue_number: number,
      per_page: 100
    });
    return comments.map((c) => ({ id: c.id, author: c.user?.login ?? "", body: c.body ?? "" }));
  } catch (error2) {
    return readRefusal(error2, `the comments of pull request #${number}`);
  }
}
async function createIssueComment(client, repo, number, body) {
  try {
    await client.rest.issues.createComment({ ...repo, issue_number: number, body });
  } catch (error2) {
    refusal(error2, `comment on pull request #${number}`, "pull-requests: write");
  }
}

// src/github/pull-requests.ts
var PULLS_LISTED = 10;
async function listBranchPullRequests(client, repo, branch, base) {
  let data;
  try {
    data = (await client.rest.pulls.list({
      ...repo,
      head: `${repo.owner}:${branch}`,
      base,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: PULLS_LISTED
    })).data;
  } catch (error2) {
    return readRefusal(error2, `the pull requests of ${repo.owner}/${repo.repo}`);
  }
  return data.filter((p) => p.head.ref === branch && p.base.ref === base).map(pullRequestOf);
}
async function createPullRequest(client, repo, pull) {
  try {
    const response = await client.rest.pulls.create({
      ...repo,
      title: pull.title,
      body: pull.body,
      head: pull.head,
      base: pull.base,
      maintainer_can_modify: true
    });
    return pullRequestOf(response.data);
  } catch (error2) {
    return refusal(error2, `open the pull request from ${pull.head}`, "pull-requests: write");
  }
}
async function updatePullRequest(client, repo, number, change) {
  try {
    await client.rest.pulls.update({ ...repo, pull_number: number, ...change });
  } catch (error2) {
    refusal(
      error2,
      change.state === "closed" ? `close pull request #${number}` : `update pull request #${number}`,
      "pull-requests: write"
    );
  }
}
async function addLabels(client, repo, number, labels2) {
  if (labels2.length === 0) return;
  try {
    await client.rest.issues.addLabels({ ...repo, issue_number: number, labels: [...labels2] });
  } catch (error2) {
    refusal(error2, `label pull request #${number}`, "pull-requests: write");
  }
}
function pullRequestOf(p) {
  return {
    number: p.number,
    url: p.html_url,
    state: p.state === "open" ? "open" : "closed",
    merged: Boolean(p.merged_at),
    title: p.title,
    body: p.body ?? "",
    author: p.user?.login ?? "",
    headSha: p.head.sha ?? void 0,
    baseRef: p.base.ref
  };
}

// src/github/repository.ts
async function getDefaultBranch(client, repo) {
  try {
    const response = await client.rest.repos.get({ owner: repo.owner, repo: repo.repo });
    return response.data.default_branch;
  } catch (error2) {
    return readRefusal(error2, `the repository ${repo.owner}/${repo.repo}`);
  }
}

// src/github/sweep.ts
async function publishSweep(clients, request) {
  const progress = { stale: [], notes: [] };
  try {
    return await sweep(clients, request, progress);
  } catch (error2) {
    if (!(error2 instanceof WriteRefusedError)) throw error2;
    return {
      operation: progress.operation ?? "none",
      ...progress.pullRequest ? { pullRequest: progress.pullRequest } : {},
      ...progress.commit ? { commit: progress.commit } : {},
      ...progress.defaultBranch ? { defaultBranch: progress.defaultBranch } : {},
      stale: progress.stale,
      notes: progress.notes,
      refused: error2.message
    };
  }
}
async function sweep(clients, request, progress) {
  const { repository: repo, branch, texts, logger } = request;
  const defaultBranch = await getDefaultBranch(clients.read, repo);
  progress.defaultBranch = defaultBranch;
  if (branch === defaultBranch) {
    throw new WriteRefusedError(
      `sweep-branch is ${branch}, the default branch: a sweep proposes its change on a branch of its own.`,
      0
    );
  }
  const baseSha = await getBranchHead(clients.read, repo, defaultBranch);
  if (baseSha === void 0) {
    throw new WriteRefusedError(`the default branch ${defaultBranch} has no commit to sweep.`, 0);
  }
  const base = await getCommit(clients.read, repo, baseSha);
  const algorithm = algorithmOf(base.tree) ?? "sha1";
  const cache = /* @__PURE__ */ new Map();
  const readTree = (sha) => {
    let hit = cache.get(sha);
    if (!hit) cache.set(sha, hit = getTree(clients.read, repo, sha));
    return hit;
  };
  const planned = request.changes.map((c) => ({ ...c, sha: textBlobId(c.fixed, algorithm) }));
  const probe = await replaceBlobs(base.tree, planned, readTree);
  const modes = /* @__PURE__ */ new Map();
  const kept = planned.filter((c, i2) => {
    const entry = probe.base[i2]?.entry;
    if (entry && entry.sha === textBlobId(c.original, algorithm)) {
      modes.set(c.path, entry.mode);
      return true;
    }
    progress.stale.push(c.path);
    return false;
  });
  if (progress.stale.length > 0) {
    progress.notes.push(
      `${progress.stale.length} changed ${progress.stale.length === 1 ? "file differs" : "files differ"} from ${defaultBranch} at ${baseSha.slice(0, 7)} in the workspace, so ${progress.stale.length === 1 ? "it is" : "they are"} left out of this run: check out the default branch before the sweep.`
    );
  }
  const tree = kept.length === planned.length ? probe.tree : (await replaceBlobs(base.tree, kept, readTree)).tree;
  const branchHead = await getBranchHead(clients.read, repo, branch);
  const head = branchHead === void 0 ? void 0 : await getCommit(clients.read, repo, branchHead);
  const ours = head === void 0 || request.isOurCommit(head);
  const pulls = await listBranchPullRequests(clients.read, repo, branch, defaultBranch);
  const anyOpen = pulls.find((p) => p.state === "open");
  const login = anyOpen ? await request.login() : void 0;
  const open2 = anyOpen && isOurs(anyOpen.author, login) ? anyOpen : void 0;
  if (anyOpen) progress.pullRequest = { number: anyOpen.number, url: anyOpen.url };
  if (anyOpen && !open2) {
    progress.notes.push(
      `pull request #${anyOpen.number} from ${branch} was opened by ${anyOpen.author || "someone else"}, not by this token: the sweep keeps the branch current but leaves its text alone.`
    );
  }
  const done = (operation, extra = {}) => ({
    operation,
    ...progress.pullRequest ? { pullRequest: progress.pullRequest } : {},
    ...progress.commit ? { commit: progress.commit } : {},
    defaultBranch,
    stale: progress.stale,
    notes: progress.notes,
    ...extra
  });
  if (head && !ours && !request.forcePush) {
    const note = `someone else pushed to ${branch} (commit ${head.sha.slice(0, 7)} by ${head.author.name}), so the sweep leaves the branch and its pull request alone; delete the branch, or set sweep-force-push: true, to let the sweep rebuild it.`;
    progress.notes.push(note);
    logger.warning(`iam-refine: ${note}`);
    if (open2 && login !== void 0) {
      await commentOnce(
        clients,
        repo,
        open2.number,
        login,
        texts.leftAloneMarker,
        texts.leftAlone(head)
      );
    }
    return done(anyOpen ? "unchanged" : "none");
  }
  if (head && !ours) {
    progress.notes.push(
      `someone else pushed to ${branch} (commit ${head.sha.slice(0, 7)} by ${head.author.name}); sweep-force-push is set, so the sweep rebuilt the branch without that commit.`
    );
  }
  if (kept.length === 0) {
    if (open2) {
      await createIssueComment(clients.write, repo, open2.number, texts.closing());
      await updatePullRequest(clients.write, repo, open2.number, { state: "closed" });
      progress.operation = "closed";
    }
    if (branchHead !== void 0) await deleteBranch(clients.write, repo, branch);
    logger.info(
      open2 ? `iam-refine: nothing is left to change; closed pull request #${open2.number} and deleted ${branch}.` : "iam-refine: nothing to change in the repository."
    );
    return done(open2 ? "closed" : "none");
  }
  let commit;
  let wrote = false;
  if (head && ours && head.parents.length === 1 && head.parents[0] === baseSha && head.tree === tree) {
    commit = head.sha;
  } else {
    let made = base.tree;
    for (const batch of treeBatches(kept)) {
      made = await createTree(
        clients.write,
        repo,
        made,
        batch.map((c) => ({ path: c.path, mode: modes.get(c.path) ?? "100644", content: c.fixed })),
        branch
      );
    }
    if (made !== tree) {
      logger.warning(
        `iam-refine: GitHub made tree ${made} where ${tree} was computed; the commit uses GitHub's. This is a bug; please report it.`
      );
    }
    const created2 = await createCommit(
      clients.write,
      repo,
      { message: texts.commitMessage(made), tree: made, parents: [baseSha] },
      branch
    );
    commit = created2.sha;
    if (branchHead === void 0) {
      if (await createBranch(clients.write, repo, branch, commit) === "exists") {
        progress.notes.push(
          `${branch} appeared while this run prepared its commit; nothing was overwritten, and the next run decides again.`
        );
        return done("none");
      }
    } else {
      if (await getBranchHead(clients.read, repo, branch) !== branchHead) {
        progress.notes.push(
          `${branch} moved while this run prepared its commit; nothing was overwritten, and the next run decides again.`
        );
        return done(anyOpen ? "unchanged" : "none");
      }
      await moveBranch(clients.write, repo, branch, commit, true);
    }
    wrote = true;
  }
  progress.commit = commit;
  const body = texts.body(commit, progress.stale);
  if (open2) {
    if (open2.body !== body) {
      await updatePullRequest(clients.write, repo, open2.number, { body });
      wrote = true;
    }
    return done(wrote ? "updated" : "unchanged", { commit });
  }
  if (anyOpen) return done(wrote ? "updated" : "unchanged", { commit });
  const closed = pulls.find((p) => p.state === "closed" && !p.merged && p.headSha === commit);
  if (closed && !wrote) {
    progress.notes.push(
      `pull request #${closed.number} proposed these very changes and was closed without merging; the sweep proposes again when the changes differ.`
    );
    return done("unchanged", { commit });
  }
  const created = await createPullRequest(clients.write, repo, {
    title: request.title,
    body,
    head: branch,
    base: defaultBranch
  });
  progress.pullRequest = { number: created.number, url: created.url };
  progress.operation = "created";
  try {
    await addLabels(clients.write, repo, created.number, request.labels);
  } catch (error2) {
    if (!(error2 instanceof WriteRefusedError)) throw error2;
    logger.warning(`iam-refine: ${error2.message}`);
  }
  logger.info(`iam-refine: opened pull request #${created.number} from ${branch}.`);
  return done("created", { commit });
}
var MAX_TREE_REQUEST_BYTES = 8 * 1024 * 1024;
function treeBatches(changes) {
  const batches = [];
  let size = 0;
  for (const c of changes) {
    const bytes = Buffer.byteLength(c.fixed, "utf8");
    const last = batches.at(-1);
    if (!last || size + bytes > MAX_TREE_REQUEST_BYTES) {
      batches.push([c]);
      size = bytes;
    } else {
      last.push(c);
      size += bytes;
    }
  }
  return batches;
}
async function commentOnce(clients, repo, number, login, marker, body) {
  const comments = await listIssueComments(clients.read, repo, number);
  if (comments.some((c) => isOurs(c.author, login) && c.body.includes(marker))) return;
  await createIssueComment(clients.write, repo, number, body);
}

// src/sweep-mode.ts
async function sweepWorkspace(options) {
  const { logger } = options;
  const [owner, repo] = options.repository.split("/");
  if (!owner || !repo) {
    throw new ConfigurationError(
      `GITHUB_REPOSITORY is "${options.repository}", not owner/name: a sweep needs the repository it runs in.`
    );
  }
  const include = options.paths.length === 0 ? void 0 : globMatcher(options.paths);
  const tree = await refineTree({
    paths: [options.workspace],
    root: options.workspace,
    config: options.config,
    catalog: options.catalog,
    findings: options.findings,
    relativeNames: true,
    ...include ? { include } : {},
    ...options.agreement ? { agreement: options.agreement } : {},
    ...options.prove ? { prove: options.prove } : {},
    ...options.parserFiles ? { parserFiles: options.parserFiles } : {},
    onWithheld: (file, p, reason, defect) => {
      const where = `${file}: ${p.location.pointer || "policy"}: ${reason}`;
      if (defect) logger.error(where);
      else logger.warning(where);
    }
  });
  const reported = tree.files.flatMap((f) => f.report ? [{ ...f, report: f.report }] : []);
  const files = reported.map((f) => ({ path: f.rel, report: f.report }));
  const changes = reported.flatMap(
    (f) => f.text !== void 0 && f.fixedText !== void 0 ? [{ path: f.rel, original: f.text, fixed: f.fixedText }] : []
  );
  const input = {
    files,
    findings: options.findings.byPrincipal,
    verifiedWithAws: options.prove !== void 0
  };
  const linkBase = (commit) => `${options.serverUrl.replace(/\/+$/, "")}/${owner}/${repo}/blob/${commit}`;
  const request = {
    repository: { owner, repo },
    branch: options.branch,
    title: options.title,
    labels: options.labels,
    forcePush: options.forcePush,
    changes,
    texts: {
      commitMessage: (tree2) => renderCommitMessage(input, tree2),
      body: (commit, stale) => renderSweepBody({ ...input, stale, ...commit ? { linkBase: linkBase(commit) } : {} }),
      closing: () => renderClosingComment({ ...input, branch: options.branch }),
      leftAlone: (commit) => renderLeftAloneComment({
        branch: options.branch,
        commit: commit.sha,
        author: commit.author.name
      }),
      leftAloneMarker: LEFT_ALONE_MARKER
    },
    isOurCommit: isSweepCommit,
    login: () => getTokenLogin(options.clients.read, logger),
    logger
  };
  let sweep2;
  try {
    sweep2 = await publishSweep(options.clients, request);
  } catch (error2) {
    if (!(error2 instanceof ConfigurationError)) throw error2;
    sweep2 = { operation: "none", stale: [], notes: [], refused: error2.message };
  }
  for (const note of sweep2.notes) logger.info(`iam-refine: ${note}`);
  logger.info(
    `iam-refine sweep: ${changes.length} ${changes.length === 1 ? "file" : "files"} to change; ${outcomeSentence(sweep2, options.branch).replace(/`/g, "")} (operation ${sweep2.operation}).`
  );
  const report = buildReport(
    files.map((f) => f.report),
    {
      catalog: {
        source: options.catalog.source,
        ...options.catalog.updatedAt ? { updatedAt: options.catalog.updatedAt } : {}
      },
      fixed: false,
      notes: [...options.findings.notes, ...sweep2.notes, ...sweep2.refused ? [sweep2.refused] : []]
    }
  );
  const summary3 = renderSweepSummary({
    ...input,
    stale: sweep2.stale,
    ...sweep2.commit ? { linkBase: linkBase(sweep2.commit) } : {},
    outcome: {
      sentence: outcomeSentence(sweep2, options.branch),
      ...sweep2.pullRequest ? { url: sweep2.pullRequest.url, number: sweep2.pullRequest.number } : {}
    },
    notes: sweep2.notes,
    ...sweep2.refused !== void 0 ? { refused: sweep2.refused } : {},
    diffs: reported.flatMap(
      (f) => f.text !== void 0 && f.report.edits.length > 0 ? [{ path: f.rel, diff: unifiedDiff(f.rel, f.text, f.report.edits) }] : []
    )
  });
  return { report, summary: summary3, sweep: sweep2 };
}
function outcomeSentence(sweep2, branch) {
  if (sweep2.refused !== void 0) {
    return sweep2.pullRequest ? "GitHub refused a write, so the pull request may not show all of the change below" : "GitHub refused a write, so no pull request shows the change below";
  }
  switch (sweep2.operation) {
    case "created":
      return `Opened a pull request from ${code(branch)}`;
    case "updated":
      return "Brought the pull request up to date";
    case "unchanged":
      return "The pull request already shows this change: nothing was written";
    case "closed":
      return "Nothing is left to change: closed the pull request and deleted its branch";
    case "none":
      return "Nothing was proposed";
  }
}

// src/main.ts
async function run(world = {
  env: process.env,
  logger: actionsLogger(),
  readInput: (name) => getInput(name)
}) {
  const { logger } = world;
  try {
    const inputs = readInputs(world.readInput);
    const mode = resolveMode(inputs.mode, world.env.GITHUB_EVENT_NAME);
    if (mode.kind === "none") {
      logger.notice(mode.message);
      return;
    }
    if (mode.kind === "sweep") {
      await publishOutputs(await sweepRepository(inputs, world), inputs, world);
      return;
    }
    const pr = await readPullRequest(world.env);
    if (!pr) {
      logger.notice(
        "iam-refine reviews pull requests; this event has none, so there is nothing to do."
      );
      return;
    }
    const outcome = await reviewPullRequestPolicies(inputs, pr, world);
    await publishOutputs(outcome, inputs, world);
  } catch (error2) {
    if (error2 instanceof ConfigurationError || error2 instanceof InvariantError) {
      setFailed(error2.message);
      return;
    }
    setFailed(
      `iam-refine stopped on an unexpected error: ${error2?.message ?? String(error2)}. This is a bug; please report it.`
    );
  }
}
async function gitHubClients(inputs, world) {
  const { createGitHubClients } = await import("./client-UWC4TNQA.mjs");
  return createGitHubClients(inputs.githubToken, world.logger, world.env.GITHUB_API_URL);
}
async function awsVerifier() {
  const { awsRefinementVerifier } = await import("./verify-ISUK4LSN.mjs");
  const { createAccessAnalyzerClient } = await import("./access-analyzer-FHEHVSHS.mjs");
  return awsRefinementVerifier(createAccessAnalyzerClient());
}
async function sweepRepository(inputs, world) {
  const { logger, env } = world;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const clients = await gitHubClients(inputs, world);
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner = "", repo = ""] = repository.split("/");
  const config = await readConfig(inputs.config, workspace);
  const catalog = await loadCatalog(inputs, workspace, logger, true);
  const { findings, sources } = await loadFindings(
    inputs,
    { owner, repo },
    clients.read,
    workspace,
    logger,
    { trustWorkspace: true, changedPaths: /* @__PURE__ */ new Set() }
  );
  for (const note of findings.notes) logger.info(note);
  const compare = awsComparison(inputs, findings, sources);
  const { report, summary: summary3, sweep: sweep2 } = await sweepWorkspace({
    clients,
    repository,
    serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
    workspace,
    config,
    catalog,
    findings,
    paths: inputs.paths,
    ...compare ? {
      agreement: {
        recommendationsFor: (policies) => recommendationsFor(policies, findings, sources),
        required: inputs.requireAwsAgreement
      }
    } : {},
    ...inputs.verifyWithAws ? { prove: await awsVerifier() } : {},
    ...world.parserFiles ? { parserFiles: world.parserFiles } : {},
    branch: inputs.sweepBranch,
    title: inputs.sweepTitle,
    labels: inputs.sweepLabels,
    forcePush: inputs.sweepForcePush,
    logger
  });
  return { report, summary: summary3, sweep: sweep2 };
}
async function reviewPullRequestPolicies(inputs, pr, world) {
  const { logger, env } = world;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const clients = await gitHubClients(inputs, world);
  const localBlobs = (ids) => readGitBlobs(workspace, ids, MAX_FILE_BYTES2);
  const notes = [];
  const warnings = [];
  const trustWorkspace = env.GITHUB_EVENT_NAME !== "pull_request_target" || inputs.allowWorkspaceOnPullRequestTarget;
  if (env.GITHUB_EVENT_NAME === "pull_request_target") {
    const warning2 = trustWorkspace ? `This workflow runs on pull_request_target: a write token, with the pull request's code at hand. ${INPUT.allowWorkspaceOnPullRequestTarget} is true, so the configuration, findings files and catalog file are read from the workspace: make sure it is a checkout of the base branch.` : `This workflow runs on pull_request_target: a write token, with the pull request's code at hand. The configuration, findings files and catalog file are not read from the workspace here (set ${INPUT.allowWorkspaceOnPullRequestTarget}: true only if the workspace is a checkout of the base branch); prefer the pull_request event.`;
    logger.warning(warning2);
    warnings.push(warning2);
  }
  const changed = await getChangedFiles(clients.read, pr, inputs.paths);
  const config = trustWorkspace ? await readConfig(inputs.config, workspace) : withoutWorkspace(EMPTY_CONFIG, `${INPUT.config} ${inputs.config}`, notes);
  const catalog = await loadCatalog(inputs, workspace, logger, trustWorkspace);
  const { findings, sources } = await loadFindings(inputs, pr, clients.read, workspace, logger, {
    trustWorkspace,
    changedPaths: new Set(changed.changedPaths)
  });
  for (const note of findings.notes) logger.info(note);
  const compareWithAws = awsComparison(inputs, findings, sources);
  const verify = inputs.verifyWithAws ? await awsVerifier() : void 0;
  if (changed.capped) {
    notes.push(
      `GitHub lists at most 3,000 files of a pull request and this one reached that: files beyond them were not checked.`
    );
  }
  const ignored = globMatcher(config.ignoreFiles);
  const reports = [];
  const reviewFiles = [];
  const candidates = changed.files.filter((f) => !ignored(f.path) && mayHoldPolicies(f.path));
  const contents = await getFileContents(
    clients.read,
    pr,
    candidates.map((f) => ({ path: f.path, blobSha: f.sha })),
    pr.headSha,
    { log: (message2) => logger.info(message2), localBlobs }
  );
  const texts = /* @__PURE__ */ new Map();
  for (const [path, content] of contents) if (content.kind === "text") texts.set(path, content.text);
  const terraform = await readTerraformModules(clients.read, pr, candidates, texts, {
    world,
    notes,
    localBlobs
  });
  const included = collectIncludes([...texts].map(([path, text2]) => ({ path, text: text2 })));
  const scanned = [...candidates, ...terraform.referenced];
  const refined = [];
  for (const file of scanned) {
    const content = terraform.referenced.includes(file) ? { kind: "text", text: texts.get(file.path) ?? "" } : contents.get(file.path) ?? { kind: "skipped", reason: "not read" };
    if (content.kind === "skipped") {
      reports.push(unreadFile(file.path, content.reason));
      continue;
    }
    const includes = included.get(file.path);
    const outcome = refineFile(
      {
        file: file.path,
        path: file.path,
        text: content.text,
        ...includes ? { included: includes } : {}
      },
      { catalog, findings, config, clock: () => performance.now(), formats: terraform.formats }
    );
    refined.push({ file, text: content.text, outcome });
  }
  const recommendations = compareWithAws ? await recommendationsFor(
    refined.flatMap((r) => r.outcome.policies ?? []),
    findings,
    sources
  ) : void 0;
  for (const { file, text: text2, outcome: refinedOutcome } of refined) {
    let outcome = refinedOutcome;
    if (recommendations) {
      outcome = withAwsAgreement(outcome, file.path, { catalog, config, recommendations });
      if (inputs.requireAwsAgreement) {
        outcome = withholdDisagreements(text2, outcome, (a) => agreementDetails(a).join("; "));
      }
    }
    if (verify) {
      outcome = await withAwsProof(text2, outcome, verify, (p, reason, defect) => {
        const where = `${file.path}: ${p.location.pointer || "policy"}: ${reason}`;
        if (defect) logger.error(where);
        else logger.warning(where);
      });
    }
    if (!outcome.report) continue;
    reports.push(outcome.report);
    const reviewable = (outcome.policies ?? []).flatMap((p) => reviewPolicy(p));
    if (reviewable.length > 0) reviewFiles.push(reviewFile(file, text2, reviewable));
  }
  const report = buildReport(reports, {
    catalog: {
      source: catalog.source,
      ...catalog.updatedAt ? { updatedAt: catalog.updatedAt } : {}
    },
    fixed: false,
    notes: [...warnings, ...findings.notes, ...notes]
  });
  const unchecked = uncheckedItems(report.files);
  for (const u of unchecked.slice(0, MAX_LOGGED_UNCHECKED)) {
    logger.info(`not checked: ${u.file}${u.line !== void 0 ? `:${u.line}` : ""}: ${u.reason}`);
  }
  if (unchecked.length > MAX_LOGGED_UNCHECKED) {
    logger.info(`not checked: ${unchecked.length - MAX_LOGGED_UNCHECKED} more, in the job summary`);
  }
  const review = await reviewPullRequest(clients, pr, reviewFiles, {
    event: inputs.reviewEvent,
    maxComments: inputs.maxComments,
    logger,
    notes,
    warnings,
    unchecked
  });
  return { report, summary: review.summary };
}
var MAX_TERRAFORM_MODULE_FILES = 500;
async function readTerraformModules(client, pr, candidates, texts, run2) {
  const changed = candidates.filter((f) => isTerraformPath(f.path));
  if (changed.length === 0) return { formats: {}, referenced: [] };
  const { bundledParserFiles, loadTerraformParser } = await import("./terraform-parser-F4LOU7FT.mjs");
  const { world, notes, localBlobs } = run2;
  const parser = await loadTerraformParser(world.parserFiles ?? bundledParserFiles());
  const read = /* @__PURE__ */ new Set();
  const others = /* @__PURE__ */ new Map();
  let budget = MAX_TERRAFORM_MODULE_FILES;
  const readFolders = async (folders2) => {
    const wanted = [];
    listing: for (const folder of folders2) {
      if (read.has(folder)) continue;
      read.add(folder);
      for (const f of await listFolderFiles(client, pr, folder, pr.headSha)) {
        if (!isTerraformPath(f.path) || texts.has(f.path) || others.has(f.path)) continue;
        if (budget-- <= 0) {
          notes.push(
            `${folder}: more than ${MAX_TERRAFORM_MODULE_FILES} Terraform files around the changed ones; the rest were not read`
          );
          break listing;
        }
        wanted.push({ path: f.path, blobSha: f.sha });
      }
    }
    const got = await getFileContents(client, pr, wanted, pr.headSha, {
      log: (message2) => world.logger.info(message2),
      localBlobs
    });
    for (const [path, content] of got) if (content.kind === "text") others.set(path, content.text);
  };
  const folders = new Set(changed.map((f) => folderOf(f.path)));
  await readFolders(folders);
  const all = () => {
    const map = new Map(others);
    for (const f of changed) {
      const text2 = texts.get(f.path);
      if (text2 !== void 0) map.set(f.path, text2);
    }
    return map;
  };
  const first = new TerraformContext(parser, all());
  const sources = /* @__PURE__ */ new Set();
  for (const folder of folders) {
    for (const call of first.module(folder).calls) {
      const source = call.block.body.items.find((i2) => !("body" in i2) && i2.name === "source");
      const value = source && !("body" in source) ? source.value : void 0;
      if (value?.kind === "string" && /^\.\.?(\/|$)/.test(value.value)) {
        sources.add(joinPath(folder, value.value));
      }
    }
  }
  await readFolders(sources);
  const context = new TerraformContext(parser, all());
  const referenced = [];
  const seen = new Set(candidates.map((f) => f.path));
  for (const f of changed) {
    const text2 = texts.get(f.path) ?? "";
    const module = context.module(folderOf(f.path));
    for (const m of text2.matchAll(
      /data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.(?:minified_)?json/g
    )) {
      const holder = module.data.get(`aws_iam_policy_document.${m[1] ?? ""}`)?.file;
      if (holder === void 0 || seen.has(holder)) continue;
      seen.add(holder);
      texts.set(holder, others.get(holder) ?? "");
      referenced.push({ path: holder, status: "unchanged", sha: "" });
    }
  }
  return { formats: { terraform: context }, referenced };
}
var MAX_LOGGED_UNCHECKED = 100;
function unreadFile(path, reason) {
  return {
    file: path,
    status: "skipped",
    message: `was not read (${reason})`,
    policies: [],
    notes: [],
    edits: []
  };
}
function withoutWorkspace(config, what, notes) {
  notes.push(
    `${what} was not read: on pull_request_target the workspace may hold the pull request's files`
  );
  return config;
}
function reviewPolicy(p) {
  if (!p.refinement || !hasUnused(p.report.status)) return [];
  return [
    {
      policyPath: p.location.pointer,
      principals: p.principals,
      refinement: p.refinement,
      edits: p.edits,
      offset: p.location.range.start,
      ...p.report.status === "not-editable" && p.report.reason ? { refused: p.report.reason } : {},
      ...p.report.awsAgreement ? { awsAgreement: p.report.awsAgreement } : {}
    }
  ];
}
function awsComparison(inputs, findings, sources) {
  const compare = (findings.recommendations?.size ?? 0) > 0 || sources.some((s) => s.recommend !== void 0);
  if (inputs.requireAwsAgreement && !compare) {
    throw new ConfigurationError(
      `Input ${INPUT.requireAwsAgreement} needs IAM Access Analyzer recommendations: give ${INPUT.analyzerArn}, or findings written by \`iam-refine findings export\` (${INPUT.findings}, ${INPUT.findingsArtifact}).`
    );
  }
  return compare;
}
async function recommendationsFor(policies, findings, sources) {
  const carried = findings.recommendations ?? /* @__PURE__ */ new Map();
  const wanted = /* @__PURE__ */ new Set();
  for (const p of policies) {
    if (!p.refinement || !(p.refinement.changed || p.refinement.unusedPolicy)) continue;
    for (const u of p.principals)
      if (!u.wholePrincipal && !carried.has(u.principal)) wanted.add(u.principal);
  }
  if (wanted.size === 0) return carried;
  const all = new Map(carried);
  for (const source of sources) {
    if (!source.recommend) continue;
    for (const r of await source.recommend([...wanted]))
      if (!all.has(r.principal)) all.set(r.principal, r);
  }
  return all;
}
function reviewFile(file, headText, policies) {
  return {
    path: file.path,
    headText,
    ...file.patch === void 0 ? {} : { patch: file.patch },
    policies
  };
}
async function publishOutputs(outcome, inputs, world) {
  const { report } = outcome;
  const dir = join2(world.env.RUNNER_TEMP ?? tmpdir(), "iam-refine");
  await mkdir2(dir, { recursive: true });
  const reportPath = join2(dir, "report.json");
  const sarifPath = join2(dir, "iam-refine.sarif");
  await writeFile2(reportPath, `${JSON.stringify(report, null, 2)}
`);
  await writeFile2(sarifPath, `${JSON.stringify(toSarif(report), null, 2)}
`);
  const refined = report.files.flatMap((f) => f.policies).filter((p) => hasUnused(p.status));
  setOutput(OUTPUT.unusedActions, String(report.totals.unusedActions));
  setOutput(OUTPUT.policiesRefined, String(refined.length));
  setOutput(OUTPUT.report, reportPath);
  setOutput(OUTPUT.sarif, sarifPath);
  if (world.env.GITHUB_STEP_SUMMARY) {
    await summary.addRaw(jobSummary(outcome.summary)).write();
  }
  const { sweep: sweep2 } = outcome;
  if (sweep2) {
    setOutput(OUTPUT.operation, sweep2.operation);
    setOutput(
      OUTPUT.pullRequestNumber,
      sweep2.pullRequest ? String(sweep2.pullRequest.number) : ""
    );
    setOutput(OUTPUT.pullRequestUrl, sweep2.pullRequest?.url ?? "");
  }
  const failure = sweep2 ? sweep2.refused ?? gateFailure(report, "never", INPUT.failOn) : gateFailure(report, inputs.failOn, INPUT.failOn);
  if (failure !== void 0) setFailed(failure);
  else {
    world.logger.info(
      `iam-refine: ${refined.length} of ${report.totals.policies} policies have unused permissions.`
    );
  }
}
var MAX_JOB_SUMMARY_BYTES = 1e6;
function jobSummary(markdown) {
  return cutMarkdown(
    markdown,
    MAX_JOB_SUMMARY_BYTES,
    "\u2026 cut here to stay under GitHub's 1 MiB limit for a job summary: the full report is in the `report` output (JSON).",
    (text2) => Buffer.byteLength(text2, "utf8")
  );
}
async function readPullRequest(env) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path)
    throw new ConfigurationError(
      "GITHUB_EVENT_PATH is not set: iam-refine runs as a step of a GitHub Actions job."
    );
  let event;
  try {
    event = JSON.parse(await readFile(path, "utf8"));
  } catch (error2) {
    throw new ConfigurationError(
      `cannot read the event payload ${path}: ${error2.message}`
    );
  }
  const pull = event.pull_request;
  if (!pull) return void 0;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const repository = event.repository;
  const o = typeof repository?.owner?.login === "string" ? repository.owner.login : owner;
  const r = typeof repository?.name === "string" ? repository.name : repo;
  if (!o || !r || typeof pull.number !== "number" || typeof pull.head?.sha !== "string") {
    throw new ConfigurationError(
      "the pull request event lacks its number, head commit or repository"
    );
  }
  return { owner: o, repo: r, pullNumber: pull.number, headSha: pull.head.sha };
}
async function readConfig(file, workspace) {
  return readConfigFile({
    file,
    root: workspace,
    within: workspace,
    optional: file === DEFAULTS.config,
    label: `Input ${INPUT.config}: ${file}`
  });
}
async function loadCatalog(inputs, workspace, logger, trustWorkspace) {
  const choice = inputs.catalog;
  if (choice.kind === "file" && !trustWorkspace) {
    logger.warning(
      `${INPUT.catalog}: ${choice.path} is not read on pull_request_target (the workspace may hold the pull request's files); the bundled catalog is used.`
    );
    return catalogFromInput(void 0, { warn: (message2) => logger.warning(message2) });
  }
  const value = choice.kind === "live" ? "live" : choice.kind === "file" ? isAbsolute2(choice.path) ? choice.path : join2(workspace, choice.path) : void 0;
  return catalogFromInput(value, { warn: (message2) => logger.warning(message2) });
}
async function loadFindings(inputs, pr, client, workspace, logger, trust) {
  const sources = [];
  if (inputs.findings.length > 0) {
    if (!trust.trustWorkspace) {
      throw new ConfigurationError(
        `Input ${INPUT.findings}: findings files are not read on pull_request_target, where the workspace may hold the pull request's files; use ${INPUT.findingsArtifact} or ${INPUT.analyzerArn} (or ${INPUT.allowWorkspaceOnPullRequestTarget}: true with a checkout of the base branch).`
      );
    }
    const matched = await expandGlobs(inputs.findings, workspace, `Input ${INPUT.findings}`);
    const files = matched.filter((path) => {
      const rel = relative2(workspace, path).split(sep2).join("/");
      if (!trust.changedPaths.has(rel)) return true;
      logger.warning(
        `${rel} is a findings file this pull request changes: it is not read (findings a pull request writes are not trusted; change findings in a pull request of their own).`
      );
      return false;
    });
    if (matched.length === 0) {
      throw new ConfigurationError(
        `Input ${INPUT.findings}: no file matches ${inputs.findings.join(", ")}`
      );
    }
    if (files.length > 0) sources.push(filesSource(files));
  }
  if (inputs.findingsArtifact) {
    const a = inputs.findingsArtifact;
    sources.push(
      artifactSource(
        client,
        {
          owner: pr.owner,
          repo: pr.repo,
          name: a.name,
          workflow: a.workflow,
          ...a.runId === void 0 ? {} : { runId: a.runId },
          ...a.repository ? { repository: `${a.repository.owner}/${a.repository.repo}` } : {}
        },
        (line) => logger.info(line)
      )
    );
  }
  if (inputs.analyzerArn) {
    const { recommendingAccessAnalyzerSource } = await import("./recommendations-A52NBME5.mjs");
    const { createAccessAnalyzerClient } = await import("./access-analyzer-FHEHVSHS.mjs");
    sources.push(
      recommendingAccessAnalyzerSource(createAccessAnalyzerClient(), {
        analyzerArn: inputs.analyzerArn,
        log: (line) => logger.info(line)
      })
    );
  }
  if (sources.length === 0) {
    throw new ConfigurationError(
      `No findings: give ${INPUT.findings} (files), ${INPUT.findingsArtifact} (a workflow artifact) or ${INPUT.analyzerArn} (live from AWS).`
    );
  }
  const findings = await loadFindingsSources(sources);
  if (findings.byPrincipal.has("")) {
    throw new ConfigurationError(
      "a per-principal findings list names no principal; map it in the configuration file or use GetFindingV2 findings (iam-refine findings export)"
    );
  }
  return { findings, sources };
}

// src/index.ts
await run();
