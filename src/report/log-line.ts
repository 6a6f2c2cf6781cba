/**
 * Text for a CI log, where a line that starts with `::` (or the older `##[`) is a workflow command
 * — `::add-mask::`, `::stop-commands::`, `::error::` — and a line break inside a message starts a
 * new line. A finding's id, a file name or a Sid can only ever be read as text.
 */

/** Longer messages are cut: a log line is for reading, the JSON report keeps everything. */
export const MAX_LOG_LINE = 4_000

const COMMAND_START = /^(\s*)(:|#)(?=:|#\[)/gm

/**
 * One log line: line breaks become ` ⏎ `, and a line that would start with `::` or `##[` gets a
 * zero-width space after its first character, which the runner does not read as a command.
 */
export function logLine(message: string): string {
  let line = message.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ⏎ ')
  if (line.length > MAX_LOG_LINE) {
    line = `${line.slice(0, MAX_LOG_LINE)}… (${line.length - MAX_LOG_LINE} more characters)`
  }
  return neutralizeCommands(line)
}

/** Text of several lines (the command line's output), each kept from starting a command. */
export function neutralizeCommands(text: string): string {
  return text.replace(COMMAND_START, '$1$2\u200b')
}
