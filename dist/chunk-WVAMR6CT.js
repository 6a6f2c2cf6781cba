import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/commands/io.ts
var EXIT = { ok: 0, unused: 1, usage: 2, bug: 3 };

export {
  EXIT
};
