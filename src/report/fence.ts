/**
 * Markdown code fences that hold any text. A fence made of backticks ends at the first line
 * holding a run of backticks at least as long, so the fence must be longer than every run inside.
 */

/** The longest run of backticks in `text`. */
function longestBacktickRun(text: string): number {
  let longest = 0
  let run = 0
  for (const ch of text) {
    run = ch === '`' ? run + 1 : 0
    if (run > longest) longest = run
  }
  return longest
}

/** A backtick fence no line of `text` can close: at least three, one more than any run in it. */
export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(text) + 1))
}

/**
 * A fenced block with `info` (`suggestion`, `json`, …) around `content`, the text between the
 * fences: empty, or lines each ending in a line break (as `suggestionContent` gives it). Other text
 * gets a final line break.
 */
export function fenced(content: string, info = ''): string {
  const fence = fenceFor(content)
  const body = content === '' || content.endsWith('\n') ? content : `${content}\n`
  return `${fence}${info}\n${body}${fence}`
}

/**
 * The text between the fences of the first ```` ```suggestion ```` block of a comment, as
 * `fenced` wrote it; undefined when there is none. The end-to-end tests read posted comments back
 * with it.
 */
export function extractSuggestion(markdown: string): string | undefined {
  const open = /^(`{3,})suggestion[^\S\n]*\n/m.exec(markdown)
  if (!open) return undefined
  const fence = open[1]!
  const from = open.index + open[0].length
  // The closing fence: a line of at least as many backticks and nothing else.
  const close = new RegExp(`^${fence}\`*[^\\S\\n]*$`, 'm')
  const rest = markdown.slice(from)
  const end = close.exec(rest)
  if (!end) return undefined
  return rest.slice(0, end.index)
}
