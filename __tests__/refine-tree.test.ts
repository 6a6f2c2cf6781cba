/**
 * refineTree, the one core of `check --fix` and the sweep: what it walks, what it leaves out, how
 * it names files, and that it writes nothing.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseCatalog } from '../src/engine/catalog.js'
import { loadFindingsFiles } from '../src/findings/load.js'
import { refineTree } from '../src/io/refine-tree.js'
import { globMatcher, parseConfig } from '../src/sources/config.js'
import { filesOf } from './helpers/action-run.js'

const repo = '__tests__/fixtures/repo'

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
