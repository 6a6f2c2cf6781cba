/**
 * Turns text edits of a head file into GitHub `suggestion` blocks.
 *
 * A suggestion replaces whole lines: accepting it replaces the content of lines `startLine` to
 * `endLine` by the block's text, keeping the line break after `endLine`; an empty block deletes
 * the lines, line breaks included. The block's text goes in as written, so its inner line breaks
 * are the file's own: a CRLF file gets `\r\n` between the lines of a block, and the line break
 * kept after `endLine` is untouched. (See docs/adr/0005-review-comments.md for why.)
 *
 * Each edit is widened to the fewest whole lines it touches; edits whose line ranges overlap or
 * touch become one suggestion. A suggestion is inline only when all its lines sit in one hunk of
 * the diff; the others keep their full text for the summary.
 */
import type { TextEdit } from '../sources/text-edit.js'
import { hunkContaining, type Hunk } from './hunks.js'

/** Why a suggestion cannot be posted on the diff. */
export type NotInlineReason = 'outside-diff' | 'line-endings'

export interface Suggestion {
  /** First and last replaced line of the head file, 1-based, inclusive. */
  readonly startLine: number
  readonly endLine: number
  /** The head text of those lines, each with its line break. */
  readonly original: string
  /** Their text after the edits, line breaks included; empty when the lines go away. */
  readonly replacement: string
  /** The text between the suggestion block's fences (see `suggestionContent`). */
  readonly content: string
  /** Indexes of the edits (into the array given) this suggestion carries. */
  readonly edits: readonly number[]
  readonly inline: boolean
  /** Set when `inline` is false. */
  readonly reason?: NotInlineReason
}

/** Where each line starts, and where its content ends (before `\n` or `\r\n`). */
export interface Lines {
  readonly text: string
  readonly starts: readonly number[]
}

export function lineIndex(text: string): Lines {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1)
  }
  return { text, starts }
}

/** The 1-based line holding `offset`; the end of the text belongs to the last line. */
export function lineOf(lines: Lines, offset: number): number {
  let lo = 0
  let hi = lines.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((lines.starts[mid] ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return lo + 1
}

/** Offset where line `line` starts; one past the last line gives the text's length. */
function lineStart(lines: Lines, line: number): number {
  return line > lines.starts.length ? lines.text.length : (lines.starts[line - 1] ?? 0)
}

/** The line break that ends `line`: `\r\n`, `\n`, or nothing on an unterminated last line. */
function lineBreak(lines: Lines, line: number): string {
  const end = lineStart(lines, line + 1)
  if (lines.text[end - 1] !== '\n') return ''
  return lines.text[end - 2] === '\r' ? '\r\n' : '\n'
}

/** The lines one edit touches, before any merging. */
function touchedLines(lines: Lines, edit: TextEdit): { start: number; end: number } {
  const start = lineOf(lines, edit.start)
  // A pure insertion touches the line it lands on; otherwise the last replaced character decides,
  // so an edit that stops right after a line break does not reach into the next line.
  const end = edit.end > edit.start ? lineOf(lines, edit.end - 1) : start
  return { start, end: Math.max(start, end) }
}

/**
 * The same edit without the whole lines it keeps at either end, so that an edit rewriting a whole
 * `Action` list to drop one entry touches only that entry's line. Trimming by whole lines (not by
 * characters) matters: removing `"b",` between `"a",` and `"c"` trimmed by characters could keep
 * the start of the next line in the edit and reach over two lines.
 */
export function trimEdit(text: string, edit: TextEdit): TextEdit {
  if (edit.end < edit.start || edit.start < 0 || edit.end > text.length) return edit
  const old = text.slice(edit.start, edit.end)
  const neu = edit.text
  if (old === neu) return { start: edit.start, end: edit.start, text: '' }
  let same = 0
  let head = 0
  while (same < old.length && same < neu.length && old[same] === neu[same]) {
    same++
    if (old[same - 1] === '\n') head = same
  }
  const atLineStart = edit.start === 0 || text[edit.start - 1] === '\n'
  const room = Math.min(old.length, neu.length) - head
  let tail = 0
  for (let q = 1; q <= room; q++) {
    if (old[old.length - q] !== neu[neu.length - q]) break
    const i = old.length - q
    const j = neu.length - q
    const oldStart = i === 0 ? atLineStart : old[i - 1] === '\n'
    const newStart = j === 0 ? atLineStart : neu[j - 1] === '\n'
    if (oldStart && newStart) tail = q
  }
  return {
    start: edit.start + head,
    end: edit.end - tail,
    text: neu.slice(head, neu.length - tail)
  }
}

/**
 * The text between a suggestion block's fences for `replacement` (the new text of lines whose
 * last one ends in `lineBreakAfter`): empty to delete the lines, else one line of text per line,
 * each ending in `\n`, so that one empty line and no line at all stay apart.
 */
export function suggestionContent(replacement: string, lineBreakAfter: string): string {
  if (replacement === '') return ''
  const body = lineBreakAfter === '' ? replacement : replacement.slice(0, -lineBreakAfter.length)
  return `${body}\n`
}

/**
 * The suggestions that carry `edits` (non-overlapping TextEdits of `headText`). Every edit that
 * changes something ends up in exactly one suggestion, so replacing each suggestion's lines by
 * its `replacement` gives `applyEdits(headText, edits)`; for the inline ones, `applySuggestions`
 * (GitHub's way) gives the same text.
 */
export function placeSuggestions(
  headText: string,
  edits: readonly TextEdit[],
  hunks: readonly Hunk[]
): Suggestion[] {
  const lines = lineIndex(headText)
  const lastLine = lines.starts.length
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  sorted.forEach((edit, i) => {
    const before = sorted[i - 1]
    if (edit.start < 0 || edit.end < edit.start || edit.end > headText.length) {
      throw new RangeError(`out-of-range edit at ${edit.start}-${edit.end}`)
    }
    if (before && edit.start < before.end) {
      throw new RangeError(`overlapping edits at ${before.start}-${before.end} and ${edit.start}`)
    }
  })
  // Trimming keeps each edit inside its original range, so the original order stays right, also
  // for insertions that end up at the same offset.
  const order = edits
    .map((original, index) => ({ original, index }))
    .sort((a, b) => a.original.start - b.original.start || a.original.end - b.original.end)
    .map(({ original, index }) => {
      const edit = trimEdit(headText, original)
      return { edit, index, ...touchedLines(lines, edit) }
    })
    .filter(e => e.edit.start !== e.edit.end || e.edit.text !== '')
  const out: Suggestion[] = []
  let next = 0
  while (next < order.length) {
    const first = order[next]!
    const group = [first]
    const start = first.start
    let end = first.end
    next++
    for (;;) {
      while (next < order.length && order[next]!.start <= end + 1) {
        end = Math.max(end, order[next]!.end)
        group.push(order[next]!)
        next++
      }
      const replacement = replace(lines, start, end, group)
      const after = lineBreak(lines, end)
      // The block keeps the line break after `end`, so the new text must end with that same
      // break (or vanish). When an edit removes or changes it, the next line joins the suggestion.
      if (replacement === '' || after === '' || replacement.endsWith(after)) {
        if (after !== '' || !replacement.endsWith('\n')) {
          out.push(suggestion(lines, start, end, replacement, after, group, hunks))
          break
        }
      }
      if (end < lastLine) {
        end++
        continue
      }
      // Only reachable at the end of the file (text added after an unterminated last line ending
      // in a line break): nothing a block can say, so the summary carries it.
      out.push({
        ...suggestion(lines, start, end, replacement, after, group, hunks),
        inline: false,
        reason: 'line-endings'
      })
      break
    }
  }
  return out
}

function replace(
  lines: Lines,
  start: number,
  end: number,
  group: readonly { edit: TextEdit }[]
): string {
  const from = lineStart(lines, start)
  const to = lineStart(lines, end + 1)
  let out = ''
  let at = from
  for (const { edit } of group) {
    out += lines.text.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + lines.text.slice(at, to)
}

function suggestion(
  lines: Lines,
  start: number,
  end: number,
  replacement: string,
  after: string,
  group: readonly { index: number }[],
  hunks: readonly Hunk[]
): Suggestion {
  const content = suggestionContent(replacement, after)
  const base = {
    startLine: start,
    endLine: end,
    original: lines.text.slice(lineStart(lines, start), lineStart(lines, end + 1)),
    replacement,
    content,
    edits: group.map(g => g.index).sort((a, b) => a - b)
  }
  // A lone carriage return would read as a line break in the comment's Markdown.
  if (/\r(?!\n)/.test(content.slice(0, -1)))
    return { ...base, inline: false, reason: 'line-endings' }
  if (!hunkContaining(hunks, start, end)) return { ...base, inline: false, reason: 'outside-diff' }
  return { ...base, inline: true }
}

/** A suggestion as a review comment holds it: its line range and its block's text. */
export interface PostedSuggestion {
  readonly startLine: number
  readonly endLine: number
  /** The text between the block's fences: empty, or lines each ending in `\n`. */
  readonly content: string
}

/**
 * What accepting `suggestions` on GitHub does to `headText` (our model of it, see the top of this
 * file). The end-to-end tests use it to check that posted suggestions give the refinement.
 */
export function applySuggestions(
  headText: string,
  suggestions: readonly PostedSuggestion[]
): string {
  const lines = lineIndex(headText)
  const sorted = [...suggestions].sort((a, b) => a.startLine - b.startLine)
  let out = ''
  let at = 0
  for (const s of sorted) {
    const from = lineStart(lines, s.startLine)
    if (from < at || s.endLine < s.startLine || s.endLine > lines.starts.length) {
      throw new RangeError(
        `overlapping or out-of-range suggestion at lines ${s.startLine}-${s.endLine}`
      )
    }
    const after = lineBreak(lines, s.endLine)
    out += headText.slice(at, from) + (s.content === '' ? '' : s.content.slice(0, -1) + after)
    at = lineStart(lines, s.endLine + 1)
  }
  return out + headText.slice(at)
}
