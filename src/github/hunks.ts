/**
 * The lines of a pull request's diff a review comment may sit on. GitHub accepts a comment on the
 * RIGHT side only on a line of one hunk (an added or a context line), and a multi-line comment
 * only when both of its ends lie in the same hunk; these are those ranges, read from the `patch`
 * text `pulls.listFiles` returns.
 */

/** The RIGHT-side (head) lines of one hunk, 1-based and inclusive. */
export interface Hunk {
  readonly start: number
  readonly end: number
}

const HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/**
 * The hunks of a unified-diff `patch`, in order. Hunks without head lines (a pure deletion at the
 * top of a file) are left out, since nothing on the RIGHT side can be commented there. The counts
 * in each header decide where a hunk ends, so a context line whose leading space was lost, and a
 * `\ No newline at end of file` line, do not shift the numbering.
 */
export function parseHunks(patch: string): Hunk[] {
  const hunks: Hunk[] = []
  const lines = patch.split('\n')
  let i = 0
  while (i < lines.length) {
    const header = HEADER.exec(lines[i] ?? '')
    i++
    if (!header) continue
    let oldLeft = header[2] === undefined ? 1 : Number(header[2])
    let newLeft = header[4] === undefined ? 1 : Number(header[4])
    const first = Number(header[3])
    let right = 0
    while (i < lines.length && (oldLeft > 0 || newLeft > 0)) {
      const line = lines[i] ?? ''
      if (HEADER.test(line)) break
      i++
      const mark = line[0]
      if (mark === '\\') continue
      if (mark === '+') {
        newLeft--
        right++
      } else if (mark === '-') {
        oldLeft--
      } else {
        // A context line (' '), or an empty line that stood for one.
        oldLeft--
        newLeft--
        right++
      }
    }
    if (right > 0) hunks.push({ start: first, end: first + right - 1 })
  }
  return hunks
}

/** The hunk holding every line from `start` to `end`, if one does. */
export function hunkContaining(
  hunks: readonly Hunk[],
  start: number,
  end: number
): Hunk | undefined {
  return hunks.find(h => h.start <= start && end <= h.end)
}
