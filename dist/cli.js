#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
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

// scripts/import-meta.js
var importMeta;
var init_import_meta = __esm({
  "scripts/import-meta.js"() {
    "use strict";
    importMeta = {
      get url() {
        return require("node:url").pathToFileURL(__filename).href;
      }
    };
  }
});

// required-sibling:./refine.js
var require_refine = __commonJS({
  "required-sibling:./refine.js"(exports2, module2) {
    init_import_meta();
    module2.exports = require("./refine.js");
  }
});

// src/cli.ts
init_import_meta();

// src/commands/io.ts
init_import_meta();
var EXIT = { ok: 0, unused: 1, usage: 2, bug: 3 };

// src/commands/run.ts
init_import_meta();

// src/commands/guard.ts
init_import_meta();

// src/engine/errors.ts
init_import_meta();
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

// src/commands/guard.ts
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

// src/commands/run.ts
var USAGE = `usage: iam-refine <command> [options]

commands:
  refine POLICY.json --findings FILE... [--principal ARN]... [--catalog FILE]
      print the least-privilege refinement of one policy document
  check [PATH...] --findings FILE... [--config FILE] [--catalog FILE] [--fix]
        [--format text|json|sarif|markdown] [--link-base URL] [--principal ARN]...
        [--verify-with-aws] [--fail-on unused-or-unchecked|unused|never]
      find the policies in JSON files, CloudFormation/SAM templates and Terraform, refine them
      and show the change as a diff (or JSON, SARIF, or the body of the sweep's pull request);
      --fix writes it
  findings export [--analyzer-arn ARN] [--principal ARN]... [--out FILE]
                  [--last-accessed ARN... [--unused-days N]]
      write the active unused-access findings from AWS as a findings file

exit codes: 0 done, 1 unused permissions remain (check), 2 usage or configuration error,
            3 an internal guarantee failed (a bug: nothing was suggested)`;
var COMMANDS = {
  refine: async () => (await Promise.resolve().then(() => __toESM(require_refine(), 1))).main,
  check: async () => (await import("./check.mjs")).main,
  findings: async () => (await import("./findings.mjs")).main
};
async function runCli(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.out(`${USAGE}
`);
    return name === void 0 ? EXIT.usage : EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : void 0;
  if (!load) {
    io.err(`iam-refine: unknown command "${name}"
${USAGE}
`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${USAGE}
`);
    return EXIT.ok;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

// src/io/fd-writer.ts
init_import_meta();

// src/io/node-require.ts
init_import_meta();
var import_node_module = require("node:module");
var nodeRequire = typeof require === "function" ? require : (0, import_node_module.createRequire)(importMeta.url);

// src/io/fd-writer.ts
var { writeSync } = nodeRequire("node:fs");
var RETRY_AFTER_MS = 1;
function fdWriter(fd) {
  let gone = false;
  let failure;
  return {
    get failure() {
      return failure;
    },
    write(text) {
      if (gone || failure !== void 0) return;
      const bytes = Buffer.from(text, "utf8");
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += writeSync(fd, bytes, offset);
        } catch (error) {
          const code = error.code;
          if (code === "EAGAIN") sleep(RETRY_AFTER_MS);
          else {
            if (code === "EPIPE") gone = true;
            else failure = code ?? String(error);
            return;
          }
        }
      }
    }
  };
}
var pause = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms) {
  Atomics.wait(pause, 0, 0, ms);
}

// src/report/log-line.ts
init_import_meta();
var COMMAND_START = /^(\s*)(:|#)(?=:|#\[)/gm;
function neutralizeCommands(text) {
  return text.replace(COMMAND_START, "$1$2\u200B");
}

// src/cli.ts
var stdout = fdWriter(1);
var stderr = fdWriter(2);
runCli(process.argv.slice(2), {
  out: (text) => stdout.write(neutralizeCommands(text)),
  err: (text) => stderr.write(neutralizeCommands(text))
}).then(
  (code) => finish(code),
  // runCli ends every failure of a command; this would be one of its own.
  (error) => {
    stderr.write(
      `iam-refine: unexpected error: ${String(error)}. This is a bug; please report it.
`
    );
    finish(EXIT.bug);
  }
);
function finish(code) {
  if (stdout.failure !== void 0)
    stderr.write(
      `iam-refine: the output could not be written (${stdout.failure}): it is incomplete
`
    );
  const failed = stdout.failure ?? stderr.failure;
  process.exitCode = failed === void 0 ? code : Math.max(code, EXIT.usage);
}
