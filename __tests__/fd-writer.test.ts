/**
 * src/io/fd-writer.ts, which the command line writes its stdout and stderr with: every byte
 * arrives, in order, through a pipe whose reader is slow (also a non-blocking one, where the
 * writes meet EAGAIN) and into a file; a reader that leaves (EPIPE) ends the output without a
 * crash or a stack trace, and stderr still works after it; any other failure is kept, for the
 * command line to report (__tests__/bundle.e2e.test.ts runs that through dist/cli.js).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { fdWriter } from '../src/io/fd-writer.js'
// @ts-expect-error: the bundling script is plain JavaScript without types
import { bundleForNode } from '../scripts/esbuild-node.mjs'

let temp: string
let child: string
beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'iam-refine-fd-writer-'))
  child = join(temp, 'child.js')
  await (bundleForNode as (entry: string, out: string) => Promise<unknown>)(
    '__tests__/helpers/fd-writer-child.ts',
    child
  )
}, 30_000)
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** What the child writes for `count`. */
const expected = (count: number): string =>
  Array.from({ length: count }, (_, i) => `line ${i} ${'é€𝄞'.repeat(i % 7)}\n`).join('')

interface Run {
  code: number | null
  out: string
  err: string
}

/**
 * Runs the child with its stdout a pipe read in pauses of `pauseMs` after each chunk, or closed
 * after the first chunk (`leave`).
 */
function run(count: number, mode: string, read: { pauseMs: number } | 'leave'): Promise<Run> {
  const c = spawn(process.execPath, [child, String(count), mode], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const chunks: Buffer[] = []
  let err = ''
  c.stderr.on('data', d => (err += d))
  c.stdout.on('data', (d: Buffer) => {
    chunks.push(d)
    if (read === 'leave') c.stdout.destroy()
    else {
      c.stdout.pause()
      setTimeout(() => c.stdout.resume(), read.pauseMs)
    }
  })
  return new Promise(done =>
    c.on('close', code => done({ code, out: Buffer.concat(chunks).toString('utf8'), err }))
  )
}

// Each line is 8 to 70 bytes: 40,000 of them are ~1.5 MB, many times what a pipe buffers.
const LINES = 40_000

describe('fdWriter', () => {
  it('writes everything, in order, through a pipe whose reader keeps pausing', async () => {
    const r = await run(LINES, 'blocking', { pauseMs: 2 })
    expect(r).toEqual({ code: 0, out: expected(LINES), err: 'nonblocking=false\ndone\n' })
  }, 60_000)

  it('also when the descriptor is non-blocking and the writes meet EAGAIN', async () => {
    const r = await run(LINES, 'nonblocking', { pauseMs: 2 })
    expect(r).toEqual({ code: 0, out: expected(LINES), err: 'nonblocking=true\ndone\n' })
  }, 60_000)

  it('stops quietly when the reader leaves (EPIPE): no crash, no stack trace, stderr still written', async () => {
    const r = await run(LINES, 'blocking', 'leave')
    expect(r.code).toBe(0)
    expect(r.err).toBe('nonblocking=false\ndone\n')
    // Control: the reader did get the start of the output before it left.
    expect(r.out.length).toBeGreaterThan(0)
    expect(expected(LINES).startsWith(r.out)).toBe(true)
    expect(r.out.length).toBeLessThan(expected(LINES).length)
  }, 60_000)

  it('any texts written one after another arrive as their concatenation (a file)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 20 }), texts => {
        const file = join(temp, 'out.txt')
        const fd = openSync(file, 'w')
        try {
          const writer = fdWriter(fd)
          for (const t of texts) writer.write(t)
          expect(writer.failure).toBeUndefined()
        } finally {
          closeSync(fd)
        }
        expect(readFileSync(file, 'utf8')).toBe(texts.join(''))
      }),
      { numRuns: 200 }
    )
  })

  it('keeps the first failure (a full disk, a descriptor not open for writing) and writes nothing after it', () => {
    const full = openSync('/dev/full', 'w')
    try {
      const writer = fdWriter(full)
      writer.write('x')
      expect(writer.failure).toBe('ENOSPC')
      writer.write('y')
      expect(writer.failure).toBe('ENOSPC')
    } finally {
      closeSync(full)
    }
    const file = join(temp, 'read-only.txt')
    closeSync(openSync(file, 'w'))
    const fd = openSync(file, 'r')
    try {
      const writer = fdWriter(fd)
      writer.write('x')
      expect(writer.failure).toBe('EBADF')
    } finally {
      closeSync(fd)
    }
    // Control: a descriptor open for writing has no failure.
    const ok = openSync(file, 'w')
    try {
      const writer = fdWriter(ok)
      writer.write('x')
      expect(writer.failure).toBeUndefined()
    } finally {
      closeSync(ok)
    }
    expect(readFileSync(file, 'utf8')).toBe('x')
  })
})
