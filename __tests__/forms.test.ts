import { describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Report } from '../src/report/json-report.js'
import { cli } from './helpers/cli.js'
import { filesUnder, scratchFolder } from './helpers/scratch.js'

// One folder per form of policy (__tests__/fixtures/forms/README.md): input/ is a small
// repository, expected/ the same after `check --fix`, expected-report.json what the JSON report
// says of every policy and note (where, which branch, whose, what became of it).
const forms = join(process.cwd(), '__tests__/fixtures/forms')
const cases = readdirSync(forms, { withFileTypes: true })
  .filter(e => e.isDirectory())
  .map(e => e.name)
  .sort()

/** Set UPDATE_FORMS=1 to rewrite expected/ and expected-report.json (then read every change). */
const update = process.env.UPDATE_FORMS === '1'

const scratch = scratchFolder('forms')

function summarize(report: Report, root: string): unknown {
  return report.files.map(f => ({
    file: relative(root, f.file),
    status: f.status,
    policies: f.policies.map(p => ({
      pointer: p.pointer,
      ...(p.branches ? { branches: p.branches } : {}),
      kind: p.kind,
      status: p.status,
      principals: p.principals,
      ...(p.reason !== undefined ? { reason: p.reason } : {}),
      unusedActions: p.unusedActions,
      notRefined: p.statements.filter(s => s.status === 'not-refined').map(s => s.note)
    })),
    notes: f.notes.map(n => ({
      line: n.line,
      pointer: n.pointer,
      message: n.message,
      ...(n.unchecked ? { unchecked: true } : {})
    }))
  }))
}

describe.each(cases)('the %s forms', name => {
  const dir = join(forms, name)
  const catalog = existsSync(join(dir, 'catalog.json'))
    ? join(dir, 'catalog.json')
    : join(process.cwd(), '__tests__/fixtures/repo/catalog.json')
  const run = (repo: string, ...args: string[]) =>
    cli('check', repo, ...args, '--findings', join(dir, 'findings.json'), '--catalog', catalog)

  it('are found, mapped and refined as expected-report.json says', async () => {
    const repo = join(scratch.path, `${name}-report`)
    cpSync(join(dir, 'input'), repo, { recursive: true })
    const result = await run(repo, '--format', 'json')
    expect(result.err).toBe('')
    const summary = summarize(JSON.parse(result.out) as Report, repo)
    if (update)
      writeFileSync(join(dir, 'expected-report.json'), `${JSON.stringify(summary, null, 2)}\n`)
    expect(summary).toEqual(JSON.parse(readFileSync(join(dir, 'expected-report.json'), 'utf8')))
  })

  it('--fix writes exactly expected/, and a second run finds nothing to fix', async () => {
    const repo = join(scratch.path, `${name}-fix`)
    cpSync(join(dir, 'input'), repo, { recursive: true })
    await run(repo, '--fix')
    const expected = join(dir, 'expected')
    if (update) {
      rmSync(expected, { recursive: true, force: true })
      cpSync(repo, expected, { recursive: true })
    }
    expect(filesUnder(repo)).toEqual(filesUnder(expected))
    for (const file of filesUnder(expected)) {
      expect({ file, text: readFileSync(join(repo, file), 'utf8') }).toEqual({
        file,
        text: readFileSync(join(expected, file), 'utf8')
      })
    }
    const again = JSON.parse((await run(repo, '--format', 'json')).out) as Report
    expect(again.files.flatMap(f => f.edits)).toEqual([])
  })
})
