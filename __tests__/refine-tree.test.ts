/**
 * refineTree, the one core of `check --fix` and the sweep: what it walks, what it leaves out, how
 * it names files, and that it writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCatalog } from '../src/engine/catalog.js'
import { ConfigurationError } from '../src/engine/errors.js'
import { loadFindingsFiles } from '../src/findings/load.js'
import {
  autoWorkers,
  MAX_WORKERS,
  MIN_FILES_FOR_WORKERS,
  MIN_FILES_FOR_WORKERS_ON_TWO_CORES,
  READ_AHEAD,
  refineTree,
  refineTreeFiles
} from '../src/io/refine-tree.js'
import { inOrder } from '../src/io/walk.js'
import { EMPTY_CONFIG, globMatcher, parseConfig } from '../src/sources/config.js'
import { filesOf } from './helpers/action-run.js'

const repo = '__tests__/fixtures/repo'

let temp: string
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'iam-refine-tree-'))
})
afterAll(() => rmSync(temp, { recursive: true, force: true }))

async function tree(extra: Partial<Parameters<typeof refineTree>[0]> = {}) {
  return refineTree({
    paths: [`${repo}/input`],
    root: `${repo}/input`,
    config: parseConfig(readFileSync(`${repo}/input/.github/iam-refine.yml`, 'utf8'), 'c.yml'),
    catalog: parseCatalog(JSON.parse(readFileSync(`${repo}/catalog.json`, 'utf8')), 'catalog.json'),
    findings: await loadFindingsFiles([`${repo}/findings.json`]),
    ...extra
  })
}

describe('refineTree', () => {
  it('gives the fixed text of every file check --fix changes, writing nothing', async () => {
    const before = filesOf(`${repo}/input`)
    const result = await tree()
    const fixed = result.files.filter(f => f.fixedText !== undefined)
    expect(fixed.map(f => f.rel).sort()).toEqual(
      [...filesOf(`${repo}/expected`)]
        .filter(([p, b]) => !b.equals(before.get(p)!))
        .map(([p]) => p)
        .sort()
    )
    for (const f of fixed) {
      expect(f.fixedText).toBe(readFileSync(`${repo}/expected/${f.rel}`, 'utf8'))
    }
    expect(filesOf(`${repo}/input`)).toEqual(before)
    // The configuration's ignore-files hold: legacy/ is not walked.
    expect(result.files.some(f => f.rel.startsWith('legacy/'))).toBe(false)
  })

  it('names files by the walked path, or by their path in the repository; include limits them', async () => {
    const walked = await tree()
    expect(walked.files[0]!.report!.file.startsWith(`${repo}/input/`)).toBe(true)
    const relative = await tree({ relativeNames: true, include: globMatcher(['policies/**']) })
    expect(relative.files.map(f => f.report?.file).sort()).toEqual(
      relative.files.map(f => f.rel).sort()
    )
    expect(relative.files.length).toBeGreaterThan(1)
    expect(relative.files.every(f => f.rel.startsWith('policies/'))).toBe(true)
  })
})

describe('refineTree one file at a time', () => {
  const policy = (action: string) =>
    `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "${action}", "Resource": "*"}]}\n`
  const options = async (dir: string) => ({
    paths: [dir],
    root: dir,
    config: EMPTY_CONFIG,
    catalog: parseCatalog(JSON.parse(readFileSync(`${repo}/catalog.json`, 'utf8')), 'catalog.json'),
    findings: await loadFindingsFiles([`${repo}/findings.json`])
  })

  it('gives the files too large to read first, then the others in walk order, as refineTree holds them', async () => {
    const dir = join(temp, 'order')
    mkdirSync(dir)
    writeFileSync(join(dir, 'a.json'), policy('s3:GetObject'))
    writeFileSync(join(dir, 'b.json'), `{"Statement": [], "pad": "${'x'.repeat(5 * 1024 * 1024)}"}`)
    writeFileSync(join(dir, 'c.json'), policy('s3:PutObject'))
    writeFileSync(join(dir, 'd.json'), Buffer.from([0x7b, 0, 0x7d])) // binary in a folder: left out
    writeFileSync(join(dir, 'e.json'), `{"Statement": [], "pad": "${'y'.repeat(5 * 1024 * 1024)}"}`)
    writeFileSync(join(dir, 'f.json'), policy('s3:ListBucket'))
    const given: string[] = []
    for await (const f of refineTreeFiles(await options(dir)))
      given.push(`${f.rel} ${f.report?.status}`)
    expect(given).toEqual([
      'b.json skipped',
      'e.json skipped',
      'a.json policies',
      'c.json policies',
      'f.json policies'
    ])
    const held = await refineTree(await options(dir))
    expect(held.files.map(f => `${f.rel} ${f.report?.status}`)).toEqual(given)
  })

  it(`reads at most ${READ_AHEAD} files ahead of the one it gives, and names a file it cannot read`, async () => {
    const dir = join(temp, 'ahead')
    mkdirSync(dir)
    const names = Array.from(
      { length: READ_AHEAD * 3 },
      (_, i) => `p${String(i).padStart(3, '0')}.json`
    )
    for (const name of names) writeFileSync(join(dir, name), policy('s3:GetObject'))
    const files = refineTreeFiles(await options(dir))
    const first = await files.next()
    expect(first.value?.rel).toBe(names[0])
    // A file beyond the read-ahead, gone after the walk: read only when its turn comes.
    const late = names[READ_AHEAD * 2] as string
    unlinkSync(join(dir, late))
    const given: string[] = [first.value!.rel]
    let failure: unknown
    try {
      for await (const f of files) given.push(f.rel)
    } catch (error) {
      failure = error
    }
    expect(given).toEqual(names.slice(0, READ_AHEAD * 2))
    expect(failure).toBeInstanceOf(ConfigurationError)
    expect((failure as Error).message).toBe(`${dir}/${late}: cannot read the file (no such file)`)
  })
})

describe('inOrder: work done ahead, results in order', () => {
  const settle = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

  it('keeps at most the bound in flight and gives each result in the items’ order', async () => {
    let inFlight = 0
    let most = 0
    const items = Array.from({ length: 30 }, (_, i) => i)
    const got: number[] = []
    for await (const { item, result } of inOrder(
      items,
      async i => {
        most = Math.max(most, ++inFlight)
        await settle((i * 7) % 5) // later items often finish first
        inFlight--
        return i * 10
      },
      4
    )) {
      expect(result).toBe(item * 10)
      got.push(item)
    }
    expect(got).toEqual(items)
    expect(most).toBe(4)
  })

  it('raises a failure at its turn, after the results before it, and leaves none unhandled', async () => {
    const unhandled: unknown[] = []
    const hear = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', hear)
    try {
      const got: number[] = []
      let failure: unknown
      try {
        for await (const { item } of inOrder(
          [0, 1, 2, 3, 4, 5],
          async i => {
            // items 2 and 4 fail at once, before 0 and 1 are done
            if (i === 2 || i === 4) throw new Error(`item ${i}`)
            await settle(20)
            return i
          },
          6
        )) {
          got.push(item)
        }
      } catch (error) {
        failure = error
      }
      await settle(30)
      expect(got).toEqual([0, 1])
      expect((failure as Error).message).toBe('item 2')
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', hear)
    }
  })
})

describe('how many workers check starts by itself', () => {
  it('none on one core or for few files, from 4,000 files on 2 cores, one per core up to 4 from 3', () => {
    expect(autoWorkers(100_000, 1)).toBe(0)
    expect(autoWorkers(MIN_FILES_FOR_WORKERS - 1, 8)).toBe(0)
    expect(autoWorkers(MIN_FILES_FOR_WORKERS, 3)).toBe(3)
    expect(autoWorkers(MIN_FILES_FOR_WORKERS, 16)).toBe(MAX_WORKERS)
    expect(autoWorkers(MIN_FILES_FOR_WORKERS_ON_TWO_CORES - 1, 2)).toBe(0)
    expect(autoWorkers(MIN_FILES_FOR_WORKERS_ON_TWO_CORES, 2)).toBe(2)
  })
})
