#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

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

// src/commands/io.ts
var EXIT = { ok: 0, unused: 1, usage: 2, bug: 3 };

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
  refine: async () => (await import("./refine.js")).main,
  check: async () => (await import("./check.js")).main,
  findings: async () => (await import("./findings.js")).main
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
import { createRequire } from "node:module";
var { writeSync } = createRequire(import.meta.url)("node:fs");
var RETRY_AFTER_MS = 1;
function fdWriter(fd) {
  let gone = false;
  return (text) => {
    if (gone) return;
    const bytes = Buffer.from(text, "utf8");
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(fd, bytes, offset);
      } catch (error) {
        const code = error.code;
        if (code === "EAGAIN") sleep(RETRY_AFTER_MS);
        else if (code === "EPIPE") {
          gone = true;
          return;
        } else throw error;
      }
    }
  };
}
var pause = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms) {
  Atomics.wait(pause, 0, 0, ms);
}

// src/report/log-line.ts
var COMMAND_START = /^(\s*)(:|#)(?=:|#\[)/gm;
function neutralizeCommands(text) {
  return text.replace(COMMAND_START, "$1$2\u200B");
}

// src/cli.ts
var stdout = fdWriter(1);
var stderr = fdWriter(2);
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => stdout(neutralizeCommands(text)),
  err: (text) => stderr(neutralizeCommands(text))
});
