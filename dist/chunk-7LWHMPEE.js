import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/report/log-line.ts
var MAX_LOG_LINE = 4e3;
var COMMAND_START = /^(\s*)(:|#)(?=:|#\[)/gm;
function logLine(message) {
  let line = message.replace(/\r\n|\r|\n|\u2028|\u2029/g, " \u23CE ");
  if (line.length > MAX_LOG_LINE) {
    line = `${line.slice(0, MAX_LOG_LINE)}\u2026 (${line.length - MAX_LOG_LINE} more characters)`;
  }
  return neutralizeCommands(line);
}
function neutralizeCommands(text) {
  return text.replace(COMMAND_START, "$1$2\u200B");
}

export {
  logLine,
  neutralizeCommands
};
