import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseHunks } from '../src/github/hunks.js'
import {
  applySuggestions,
  placeSuggestions,
  trimEdit,
  type Suggestion
} from '../src/github/placement.js'
import { applyEdits, type TextEdit } from '../src/sources/text-edit.js'

const head = readFileSync('__tests__/fixtures/github/policy-head.json', 'utf8')
const hunks = parseHunks(readFileSync('__tests__/fixtures/github/policy.patch', 'utf8'))
const everywhere = [{ start: 1, end: 10_000 }]

/** An edit replacing the first occurrence of `from` (after `after`, if given) by `to`. */
function edit(text: string, from: string, to: string, after = ''): TextEdit {
  const start = text.indexOf(from, after ? text.indexOf(after) : 0)
  if (start < 0) throw new Error(`no ${from}`)
  return { start, end: start + from.length, text: to }
}

function line(text: string, n: number): string {
  return text.split('\n')[n - 1] ?? ''
}

function only(list: Suggestion[]): Suggestion {
  expect(list).toHaveLength(1)
  return list[0]!
}

describe('placeSuggestions: the fewest whole lines', () => {
  it('deletes one list entry as a one-line suggestion with an empty block', () => {
    const e = edit(head, '        "s3:PutObject",\n', '')
    const s = only(placeSuggestions(head, [e], hunks))
    expect(s).toMatchObject({ startLine: 9, endLine: 9, content: '', inline: true, edits: [0] })
    expect(applySuggestions(head, [s])).toBe(applyEdits(head, [e]))
  })

  it('removes the last entry with the comma before it over two lines', () => {
    const e = edit(head, ',\n        "s3:DeleteObject"', '')
    const s = only(placeSuggestions(head, [e], hunks))
    expect(s).toMatchObject({ startLine: 9, endLine: 10, inline: true })
    expect(s.content).toBe('        "s3:PutObject"\n')
    expect(applySuggestions(head, [s])).toBe(applyEdits(head, [e]))
  })

  it('rewrites a single value on its own line', () => {
    const e = edit(head, '"lambda:*"', '"lambda:GetFunction"')
    const s = only(placeSuggestions(head, [e], hunks))
    expect(s).toMatchObject({ startLine: 17, endLine: 17, inline: true })
    expect(s.content).toBe(line(head, 17).replace('lambda:*', 'lambda:GetFunction') + '\n')
  })

  it('narrows an edit that rewrites a whole list to the lines that change', () => {
    const from = head.slice(
      head.indexOf('[\n        "s3:Get'),
      head.indexOf(']', head.indexOf('"s3:Get')) + 1
    )
    const to = from.replace('        "s3:PutObject",\n', '')
    const e = edit(head, from, to)
    const s = only(placeSuggestions(head, [e], hunks))
    expect(s).toMatchObject({ startLine: 9, endLine: 9, content: '' })
    expect(trimEdit(head, e).text).toBe('')
  })

  it('turns a string Action into a list over one line that becomes several', () => {
    const e = edit(
      head,
      '"lambda:*"',
      '[\n        "lambda:GetFunction",\n        "lambda:ListFunctions"\n      ]'
    )
    const s = only(placeSuggestions(head, [e], hunks))
    expect(s).toMatchObject({ startLine: 17, endLine: 17, inline: true })
    expect(s.content.split('\n')).toHaveLength(5)
    expect(applySuggestions(head, [s])).toBe(applyEdits(head, [e]))
  })

  it('merges edits on the same or touching lines and keeps apart the others', () => {
    const edits = [
      edit(head, '        "s3:PutObject",\n', ''),
      edit(head, '"s3:DeleteObject"', '"s3:DeleteObjectTagging"'),
      edit(head, '"lambda:*"', '"lambda:Get*"')
    ]
    const placed = placeSuggestions(head, edits, hunks)
    expect(placed.map(s => [s.startLine, s.endLine, s.edits])).toEqual([
      [9, 10, [0, 1]],
      [17, 17, [2]]
    ])
    expect(applySuggestions(head, placed)).toBe(applyEdits(head, edits))
  })

  it('places a pure insertion on the line it lands on', () => {
    const at = head.indexOf('        "s3:GetObject"')
    const e = { start: at, end: at, text: '        "s3:GetObjectAcl",\n' }
    const s = only(placeSuggestions(head, [e], hunks))
    expect(s).toMatchObject({ startLine: 8, endLine: 8 })
    expect(s.content).toBe('        "s3:GetObjectAcl",\n        "s3:GetObject",\n')
    expect(applySuggestions(head, [s])).toBe(applyEdits(head, [e]))
  })

  it('joins the next line when an edit removes a line break', () => {
    const text = 'a\nb\nc\n'
    const e = { start: 1, end: 2, text: '' }
    const s = only(placeSuggestions(text, [e], everywhere))
    expect(s).toMatchObject({ startLine: 1, endLine: 2, content: 'ab\n' })
    expect(applySuggestions(text, [s])).toBe('ab\nc\n')
  })

  it('keeps a last line without a line break as it is', () => {
    const text = 'a\nb'
    const e = { start: 2, end: 3, text: 'B' }
    const s = only(placeSuggestions(text, [e], everywhere))
    expect(s).toMatchObject({ startLine: 2, endLine: 2, content: 'B\n', inline: true })
    expect(applySuggestions(text, [s])).toBe('a\nB')
  })

  it('sends to the summary what a block cannot say (a line break added after the last line)', () => {
    const text = 'a\nb'
    const e = { start: 3, end: 3, text: '\n' }
    const s = only(placeSuggestions(text, [e], everywhere))
    expect(s).toMatchObject({ inline: false, reason: 'line-endings', replacement: 'b\n' })
  })

  it('keeps one empty line apart from no line at all', () => {
    const text = 'a\nb\nc\n'
    const s = only(placeSuggestions(text, [{ start: 0, end: 3, text: '' }], everywhere))
    expect(s).toMatchObject({ startLine: 1, endLine: 2, content: '\n', replacement: '\n' })
    expect(applySuggestions(text, [s])).toBe('\nc\n')
  })

  it('drops edits that change nothing', () => {
    expect(placeSuggestions('abc\n', [{ start: 1, end: 2, text: 'b' }], everywhere)).toEqual([])
  })

  it('rejects overlapping edits', () => {
    const edits = [
      { start: 0, end: 3, text: 'x' },
      { start: 2, end: 4, text: 'y' }
    ]
    expect(() => placeSuggestions('abcdef', edits, everywhere)).toThrow(RangeError)
  })
})

describe('placeSuggestions: inline only inside one hunk', () => {
  it('sends a suggestion outside the diff to the summary with its full text', () => {
    // Line 15 ("Sid": "Functions") lies between the two hunks.
    const e = edit(head, '"Functions"', '"Lambda"')
    const s = only(placeSuggestions(head, [e], hunks))
    expect(s).toMatchObject({ startLine: 15, endLine: 15, inline: false, reason: 'outside-diff' })
    expect(s.replacement).toBe(line(head, 15).replace('Functions', 'Lambda') + '\n')
  })

  it('does not place a range that spans two hunks', () => {
    const e = edit(
      head,
      '    },\n    {\n      "Sid": "Functions",\n      "Effect"',
      '    },\n    {\n      "Effect"'
    )
    const s = only(placeSuggestions(head, [e], hunks))
    expect(s).toMatchObject({ startLine: 15, endLine: 15, reason: 'outside-diff' })
    const wide = {
      start: head.indexOf('"s3:DeleteObject"'),
      end: head.indexOf('"lambda:*"'),
      text: ''
    }
    expect(only(placeSuggestions(head, [wide], hunks))).toMatchObject({
      startLine: 10,
      endLine: 17,
      inline: false
    })
  })

  it('places nothing inline in a file without a patch', () => {
    const e = edit(head, '"lambda:*"', '"lambda:Get*"')
    expect(only(placeSuggestions(head, [e], []))).toMatchObject({ inline: false })
  })
})

describe('placeSuggestions: CRLF files', () => {
  const crlf = head.replace(/\n/g, '\r\n')

  it('keeps CRLF inside a block and the line break after it', () => {
    const e = edit(
      crlf,
      '"lambda:*"',
      '[\r\n        "lambda:Get*",\r\n        "lambda:List*"\r\n      ]'
    )
    const s = only(placeSuggestions(crlf, [e], hunks))
    expect(s.content).toBe(
      '      "Action": [\r\n        "lambda:Get*",\r\n        "lambda:List*"\r\n      ],\n'
    )
    expect(applySuggestions(crlf, [s])).toBe(applyEdits(crlf, [e]))
  })

  it('deletes a CRLF line with an empty block', () => {
    const e = edit(crlf, '        "s3:PutObject",\r\n', '')
    const s = only(placeSuggestions(crlf, [e], hunks))
    expect(s).toMatchObject({ startLine: 9, endLine: 9, content: '' })
    expect(applySuggestions(crlf, [s])).toBe(applyEdits(crlf, [e]))
  })

  it('widens a suggestion when an edit leaves a bare LF where a CRLF was', () => {
    const text = 'a\r\nb\r\nc\r\n'
    const e = { start: 1, end: 3, text: '\n' }
    const s = only(placeSuggestions(text, [e], everywhere))
    expect(s).toMatchObject({ startLine: 1, endLine: 2 })
    expect(applySuggestions(text, [s])).toBe(applyEdits(text, [e]))
  })

  it('sends a lone carriage return to the summary', () => {
    const text = 'a\nb\n'
    const s = only(placeSuggestions(text, [{ start: 0, end: 1, text: 'x\ry' }], everywhere))
    expect(s).toMatchObject({ inline: false, reason: 'line-endings' })
  })
})

describe('applySuggestions', () => {
  it('rejects overlapping suggestions', () => {
    expect(() =>
      applySuggestions('a\nb\nc\n', [
        { startLine: 1, endLine: 2, content: 'x\n' },
        { startLine: 2, endLine: 3, content: 'y\n' }
      ])
    ).toThrow(RangeError)
  })
})
