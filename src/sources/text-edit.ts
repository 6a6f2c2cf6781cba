/** Replace `source.slice(start, end)` by `text`; offsets are UTF-16 code units of the file. */
export interface TextEdit {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Applies non-overlapping edits; everything outside them stays byte-for-byte. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  let out = ''
  let at = 0
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > source.length) {
      throw new RangeError(`overlapping or out-of-range edit at ${edit.start}-${edit.end}`)
    }
    out += source.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + source.slice(at)
}
