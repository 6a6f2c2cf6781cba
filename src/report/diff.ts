import type { TextEdit } from '../sources/text-edit.js'

/**
 * A unified diff (`--- a/file`, `+++ b/file`, hunks with `context` lines around each change) of a
 * text and its edits. Built from the edits themselves, so it costs the size of the change, not of
 * the file, and shows exactly the lines the edits touch.
 */
export function unifiedDiff(
  file: string,
  before: string,
  edits: readonly TextEdit[],
  context = 3
): string {
  if (edits.length === 0) return ''
  const oldLines = splitLines(before)
  const starts = lineStarts(before)
  const lineOf = (offset: number): number => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  // Blocks of whole old lines that the edits touch, and their new text.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const blocks: { first: number; last: number; edits: TextEdit[] }[] = []
  for (const e of sorted) {
    const first = lineOf(e.start)
    const last = e.end > e.start ? lineOf(e.end - 1) : first
    const prev = blocks[blocks.length - 1]
    // Changes on touching lines form one block: its old lines, then its new ones.
    if (prev && first <= prev.last + 1) {
      prev.last = Math.max(prev.last, last)
      prev.edits.push(e)
    } else blocks.push({ first, last, edits: [e] })
  }
  const changes = blocks.map(b => {
    const from = starts[b.first] as number
    const to = b.last + 1 < starts.length ? (starts[b.last + 1] as number) : before.length
    let text = ''
    let at = from
    for (const e of b.edits) {
      text += before.slice(at, e.start) + e.text
      at = e.end
    }
    text += before.slice(at, to)
    return { first: b.first, last: b.last, added: splitLines(text) }
  })
  // Hunks: changes whose context windows touch are shown together.
  const out = [`--- a/${file}`, `+++ b/${file}`]
  let shift = 0 // new line number minus old line number before the current change
  let i = 0
  while (i < changes.length) {
    let j = i
    while (
      j + 1 < changes.length &&
      (changes[j + 1]?.first as number) - (changes[j]?.last as number) - 1 <= 2 * context
    ) {
      j++
    }
    const first = changes[i] as (typeof changes)[number]
    const last = changes[j] as (typeof changes)[number]
    const start = Math.max(0, first.first - context)
    const end = Math.min(oldLines.length - 1, last.last + context)
    const body: string[] = []
    let oldCount = 0
    let newCount = 0
    let line = start
    const hunkShift = shift
    for (let k = i; k <= j; k++) {
      const c = changes[k] as (typeof changes)[number]
      for (; line < c.first; line++) {
        body.push(` ${oldLines[line] as string}`)
        oldCount++
        newCount++
      }
      for (let l = c.first; l <= c.last; l++) body.push(`-${oldLines[l] as string}`)
      for (const a of c.added) body.push(`+${a}`)
      oldCount += c.last - c.first + 1
      newCount += c.added.length
      shift += c.added.length - (c.last - c.first + 1)
      line = c.last + 1
    }
    for (; line <= end; line++) {
      body.push(` ${oldLines[line] as string}`)
      oldCount++
      newCount++
    }
    const oldStart = oldCount === 0 ? start : start + 1
    const newStart = newCount === 0 ? start + hunkShift : start + hunkShift + 1
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...body)
    i = j + 1
  }
  return `${out.map(markMissingNewline).join('\n')}\n`
}

const NO_NEWLINE = '\u0000'

/** Lines without their line ending; a last line without one is marked for the diff. */
function splitLines(text: string): string[] {
  if (text === '') return []
  const parts = text.split('\n')
  const complete = parts[parts.length - 1] === ''
  if (complete) parts.pop()
  const lines = parts.map(p => (p.endsWith('\r') ? p.slice(0, -1) : p))
  if (!complete) lines[lines.length - 1] += NO_NEWLINE
  return lines
}

function markMissingNewline(line: string): string {
  return line.endsWith(NO_NEWLINE) ? `${line.slice(0, -1)}\n\\ No newline at end of file` : line
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1)
  }
  return starts
}
