import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Hunk } from '../src/github/hunks.js'
import { applySuggestions, placeSuggestions, type Suggestion } from '../src/github/placement.js'
import { applyEdits, type TextEdit } from '../src/sources/text-edit.js'

/** Replaces whole lines by each suggestion's `replacement`: an implementation apart from src/. */
function replaceLines(text: string, suggestions: readonly Suggestion[]): string {
  const lines: string[] = text.match(/[^\n]*\n|[^\n]+$/g) ?? []
  if (lines.length === 0) lines.push('')
  const out: string[] = []
  let line = 1
  for (const s of [...suggestions].sort((a, b) => a.startLine - b.startLine)) {
    while (line < s.startLine) out.push(lines[line++ - 1] ?? '')
    expect(lines.slice(s.startLine - 1, s.endLine).join('')).toBe(s.original)
    out.push(s.replacement)
    line = s.endLine + 1
  }
  while (line <= lines.length) out.push(lines[line++ - 1] ?? '')
  return out.join('')
}

const words = fc.constantFrom('a', 'bb', ' ', '"s3:Get*",', '`', '```', '{', '}', '')

/** A file: lines of words, with LF, CRLF or both, with or without a final line break. */
const file = fc
  .record({
    lines: fc.array(fc.array(words, { maxLength: 4 }), { minLength: 0, maxLength: 14 }),
    ending: fc.constantFrom('\n', '\r\n', 'mixed'),
    final: fc.boolean()
  })
  .chain(({ lines, ending, final }) =>
    fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length }).map(crs => {
      const breaks = crs.map(cr => (ending === 'mixed' ? (cr ? '\r\n' : '\n') : ending))
      const text = lines
        .map((w, i) => w.join('') + (i < lines.length - 1 || final ? breaks[i] : ''))
        .join('')
      return { text, eol: ending === '\r\n' ? '\r\n' : '\n' }
    })
  )

/** Non-overlapping edits of `text`, inserting words and line breaks. */
function editsOf(text: string, eol: string): fc.Arbitrary<TextEdit[]> {
  const piece = fc.oneof(words, fc.constant(eol), fc.constant('\n'))
  return fc
    .uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 8 })
    .chain(points => {
      const sorted = [...points].sort((a, b) => a - b)
      const pairs: [number, number][] = []
      for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i]!, sorted[i + 1]!])
      if (sorted.length % 2 === 1) pairs.push([sorted.at(-1)!, sorted.at(-1)!])
      return fc.tuple(
        ...pairs.map(([start, end]) =>
          fc.array(piece, { maxLength: 4 }).map(p => ({ start, end, text: p.join('') }))
        )
      )
    })
}

/** Sorted, disjoint hunks over lines 1..lineCount. */
function hunksOf(lineCount: number): fc.Arbitrary<Hunk[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, lineCount) }), { maxLength: 6 })
    .map(points => {
      const sorted = [...points].sort((a, b) => a - b)
      const hunks: Hunk[] = []
      for (let i = 0; i + 1 < sorted.length; i += 2)
        hunks.push({ start: sorted[i]!, end: sorted[i + 1]! })
      return hunks
    })
}

const cases = file.chain(({ text, eol }) =>
  fc.record({
    text: fc.constant(text),
    edits: editsOf(text, eol),
    hunks: hunksOf(text.split('\n').length)
  })
)

describe('placeSuggestions (property)', () => {
  it('inline suggestions applied the GitHub way plus the summary ones give applyEdits exactly', () => {
    fc.assert(
      fc.property(cases, ({ text, edits, hunks }) => {
        const placed = placeSuggestions(text, edits, hunks)
        const expected = applyEdits(text, edits)
        // Every suggestion's whole-line replacement together: exactly the edits.
        expect(replaceLines(text, placed)).toBe(expected)
        // GitHub's way of applying a block gives the same lines as the replacement.
        const inline = placed.filter(s => s.inline)
        expect(applySuggestions(text, inline)).toBe(replaceLines(text, inline))
        for (const s of placed) {
          if (s.inline || s.reason === 'outside-diff')
            expect(applySuggestions(text, [s])).toBe(replaceLines(text, [s]))
        }
      }),
      { numRuns: 3000 }
    )
  })

  it('is inline exactly when one hunk holds the whole range, and never overlaps or touches', () => {
    fc.assert(
      fc.property(cases, ({ text, edits, hunks }) => {
        const placed = placeSuggestions(text, edits, hunks)
        for (const s of placed) {
          const inHunk = hunks.some(h => h.start <= s.startLine && s.endLine <= h.end)
          if (s.reason !== 'line-endings') expect(s.inline).toBe(inHunk)
          expect(s.startLine).toBeLessThanOrEqual(s.endLine)
        }
        for (let i = 1; i < placed.length; i++) {
          expect(placed[i]!.startLine).toBeGreaterThan(placed[i - 1]!.endLine + 1)
        }
        const carried = placed.flatMap(s => s.edits)
        expect(new Set(carried).size).toBe(carried.length)
      }),
      { numRuns: 2000 }
    )
  })

  it('puts everything of an LF file inline when the diff covers it, except a new final break', () => {
    fc.assert(
      fc.property(
        file
          .filter(f => !f.text.includes('\r'))
          .chain(({ text }) => fc.tuple(fc.constant(text), editsOf(text, '\n'))),
        ([text, edits]) => {
          const placed = placeSuggestions(text, edits, [{ start: 1, end: text.split('\n').length }])
          for (const s of placed) if (!s.inline) expect(s.reason).toBe('line-endings')
        }
      ),
      { numRuns: 1000 }
    )
  })
})
