import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { hunkContaining, parseHunks } from '../src/github/hunks.js'

const fixture = readFileSync('__tests__/fixtures/github/policy.patch', 'utf8')

describe('parseHunks', () => {
  it('reads the RIGHT-side lines of each hunk of a listFiles patch', () => {
    expect(parseHunks(fixture)).toEqual([
      { start: 6, end: 14 },
      { start: 16, end: 21 }
    ])
  })

  it('counts added and context lines, not removed ones', () => {
    const patch = ['@@ -1,4 +1,3 @@', ' a', '-b', '-c', '+B', ' d'].join('\n')
    expect(parseHunks(patch)).toEqual([{ start: 1, end: 3 }])
  })

  it('ignores "\\ No newline at end of file" on either side', () => {
    const patch = ['@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+b', '+'].join(
      '\n'
    )
    expect(parseHunks(patch)).toEqual([{ start: 1, end: 2 }])
  })

  it('takes a header without counts as one line', () => {
    expect(parseHunks('@@ -1 +1 @@\n-a\n+b')).toEqual([{ start: 1, end: 1 }])
  })

  it('leaves out hunks that only delete', () => {
    const patch = ['@@ -1,2 +0,0 @@', '-a', '-b'].join('\n')
    expect(parseHunks(patch)).toEqual([])
  })

  it('reads a new file as one hunk', () => {
    const patch = ['@@ -0,0 +1,3 @@', '+a', '+b', '+c'].join('\n')
    expect(parseHunks(patch)).toEqual([{ start: 1, end: 3 }])
  })

  it('takes an empty line inside a hunk as a context line whose space was lost', () => {
    const patch = ['@@ -10,3 +12,3 @@ fn', ' a', '', ' c', '@@ -20,1 +22,2 @@', ' x', '+y'].join(
      '\n'
    )
    expect(parseHunks(patch)).toEqual([
      { start: 12, end: 14 },
      { start: 22, end: 23 }
    ])
  })

  it('does not read lines past the counts of the header as part of the hunk', () => {
    const patch = ['@@ -1,1 +1,1 @@', '-a', '+b', '', ''].join('\n')
    expect(parseHunks(patch)).toEqual([{ start: 1, end: 1 }])
  })

  it('finds nothing in an empty or a binary patch', () => {
    expect(parseHunks('')).toEqual([])
    expect(parseHunks('Binary files differ')).toEqual([])
  })
})

describe('hunkContaining', () => {
  const hunks = parseHunks(fixture)
  it('needs both ends in the same hunk', () => {
    expect(hunkContaining(hunks, 8, 10)).toEqual({ start: 6, end: 14 })
    expect(hunkContaining(hunks, 14, 16)).toBeUndefined()
    expect(hunkContaining(hunks, 15, 15)).toBeUndefined()
    expect(hunkContaining(hunks, 21, 21)).toEqual({ start: 16, end: 21 })
    expect(hunkContaining(hunks, 21, 22)).toBeUndefined()
  })
})
