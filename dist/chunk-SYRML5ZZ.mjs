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
var LimitError = class extends Error {
  constructor(message, kind) {
    super(message);
    this.kind = kind;
  }
  kind;
  name = "LimitError";
};

export {
  ConfigurationError,
  InvariantError,
  LimitError
};
