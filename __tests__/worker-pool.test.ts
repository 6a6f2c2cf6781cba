/**
 * src/io/worker-pool.ts with real worker threads: a worker bundled from
 * __tests__/helpers/pool-worker.ts answers through the pool's protocol. Results come back for the
 * tasks they answer; an error a task throws comes back as the same class with the same message
 * (what the command line prints and its exit code depend on it); a worker that exits or throws
 * outside a task fails the tasks it held with a message, and later ones at once: nothing hangs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ConfigurationError, InvariantError } from '../src/engine/errors.js'
import { WorkerPool } from '../src/io/worker-pool.js'
import type { PoolTask } from './helpers/pool-worker.js'
// @ts-expect-error: the bundling script is plain JavaScript without types
import { bundleForNode } from '../scripts/esbuild-node.mjs'

let temp: string
let entry: URL
beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'iam-refine-pool-'))
  const file = join(temp, 'pool-worker.js')
  await (bundleForNode as (entry: string, out: string) => Promise<unknown>)(
    '__tests__/helpers/pool-worker.ts',
    file
  )
  entry = pathToFileURL(file)
}, 30_000)
afterAll(() => rmSync(temp, { recursive: true, force: true }))

async function withPool<T>(
  start: unknown,
  size: number,
  use: (pool: WorkerPool<PoolTask, unknown>) => Promise<T>
): Promise<T> {
  const pool = new WorkerPool<PoolTask, unknown>(entry, start, size)
  try {
    return await use(pool)
  } finally {
    await pool.close()
  }
}

/** What a promise settles to, as data. */
const settled = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    value => ({ value }),
    (error: unknown) => ({
      error: (error as Error).constructor.name,
      message: (error as Error).message
    })
  )

describe('WorkerPool', () => {
  it('answers every task with its own result, the start data given once to each worker', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`)
    const results = await withPool({ prefix: '>' }, 3, pool =>
      Promise.all(words.map(echo => pool.run({ echo })))
    )
    expect(results).toEqual(words.map(w => `>${w}`))
  }, 30_000)

  it('gives back a thrown error as the same class with the same message; the worker goes on', async () => {
    const outcomes = await withPool({ prefix: '' }, 1, pool =>
      Promise.all(
        [
          pool.run({ configuration: 'a.json: cannot read the file (permission denied)' }),
          pool.run({ invariant: 'the refined policy widens s3:GetObject' }),
          pool.run({ type: 'x is not a function' }),
          pool.run({ notCloneable: true }),
          pool.run({ echo: 'still here' })
        ].map(settled)
      )
    )
    // the control: the same errors thrown in this thread
    const invariant = new InvariantError('the refined policy widens s3:GetObject')
    expect(outcomes).toEqual([
      {
        error: 'ConfigurationError',
        message: new ConfigurationError('a.json: cannot read the file (permission denied)').message
      },
      { error: 'InvariantError', message: invariant.message },
      { error: 'Error', message: 'x is not a function' },
      { error: 'Error', message: expect.stringMatching(/could not be cloned/) },
      { value: 'still here' }
    ])
    expect(invariant.message).toMatch(/^iam-refine broke one of its own guarantees/)
  }, 30_000)

  it('a start that fails is the answer of every task, with its class', async () => {
    const outcomes = await withPool({ prefix: '', failStart: 'catalog.json: not JSON' }, 1, pool =>
      Promise.all([pool.run({ echo: 'a' }), pool.run({ echo: 'b' })].map(settled))
    )
    expect(outcomes).toEqual([
      { error: 'ConfigurationError', message: 'catalog.json: not JSON' },
      { error: 'ConfigurationError', message: 'catalog.json: not JSON' }
    ])
  }, 30_000)

  it('a worker that exits fails the tasks it held, and every later one, with a message', async () => {
    const outcomes = await withPool({ prefix: '' }, 1, async pool => {
      const held = [pool.run({ exit: 7 }), pool.run({ echo: 'queued behind' })].map(settled)
      const first = await Promise.all(held)
      return [...first, await settled(pool.run({ echo: 'after' }))]
    })
    const stopped = {
      error: 'Error',
      message: 'a worker thread refining files stopped (exit code 7)'
    }
    expect(outcomes).toEqual([stopped, stopped, stopped])
  }, 30_000)

  it('an error thrown outside any task ends the worker and fails what it held', async () => {
    const outcomes = await withPool({ prefix: '' }, 1, pool =>
      Promise.all([pool.run({ uncaught: 'out of band' }), pool.run({ echo: 'b' })].map(settled))
    )
    const failed = { error: 'Error', message: 'a worker thread refining files failed: out of band' }
    expect(outcomes).toEqual([failed, failed])
  }, 30_000)

  it('a worker module that cannot load fails the tasks, not hangs', async () => {
    const pool = new WorkerPool<PoolTask, unknown>(new URL('missing.js', entry), {}, 2)
    try {
      const outcomes = await Promise.all(
        [pool.run({ echo: 'a' }), pool.run({ echo: 'b' })].map(settled)
      )
      for (const o of outcomes) {
        expect(o).toEqual({
          error: 'Error',
          message: expect.stringMatching(
            /^a worker thread refining files failed: Cannot find module/
          )
        })
      }
    } finally {
      await pool.close()
    }
  }, 30_000)
})
