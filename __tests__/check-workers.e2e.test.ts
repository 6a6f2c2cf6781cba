/**
 * `check` with its files refined in worker threads (src/io/refine-tree.ts, docs/adr/0025) prints
 * exactly what it prints refining them in process: the same stdout, stderr and exit code, byte
 * for byte and in the same order, and `--fix` writes the same files. The bundled command line
 * runs from a copy of dist/ (the workers run dist/refine-worker.js); IAM_REFINE_WORKERS forces the
 * pool on inputs too small for it (0: in process). Run `npm run bundle` first.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { autoWorkers, MIN_FILES_FOR_WORKERS } from '../src/io/refine-tree.js'
import { writePolicyRepo } from '../scripts/bench/lib/policy-repo.js'
import { runNode, type ProcessRun } from './helpers/node-process.js'

const fixtures = join(process.cwd(), '__tests__/fixtures')

/** The fixture folders the mixed repositories are drawn from, with their findings. */
const SOURCES = [
  { name: 'repo', dir: join(fixtures, 'repo') },
  { name: 'tf', dir: join(fixtures, 'terraform') },
  { name: 'sls', dir: join(fixtures, 'forms/serverless-includes') },
  { name: 'forms', dir: join(fixtures, 'forms/cfn-conditions') }
]

let root: string
let dist: string
/** dist/ without the workers' module: a run that starts workers fails, one in process does not. */
let distWithoutWorker: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'iam-refine-workers-'))
  dist = join(root, 'dist')
  cpSync('dist', dist, { recursive: true })
  distWithoutWorker = join(root, 'dist-without-worker')
  cpSync('dist', distWithoutWorker, { recursive: true })
  rmSync(join(distWithoutWorker, 'refine-worker.js'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** `node <dist>/cli.js check ...args` with IAM_REFINE_WORKERS set to `workers` (unset: undefined). */
function check(
  workers: number | string | undefined,
  args: readonly string[],
  from = dist
): Promise<ProcessRun> {
  return runNode([join(from, 'cli.js'), 'check', ...args], {
    env: {
      PATH: process.env.PATH,
      NO_COLOR: '1',
      ...(workers === undefined ? {} : { IAM_REFINE_WORKERS: String(workers) })
    },
    cwd: root
  })
}

function filesUnder(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter(e => e.isFile())
      .map(e => {
        const path = join(e.parentPath, e.name)
        return [relative(dir, path), readFileSync(path, 'latin1')] as const
      })
  )
}

/** Every file of the fixtures' inputs, by its path in a mixed repository (`<source>/<path>`). */
function fixtureFiles(): { readonly path: string; readonly text: string }[] {
  return SOURCES.flatMap(({ name, dir }) =>
    [...filesUnder(join(dir, 'input'))].map(([path, text]) => ({ path: `${name}/${path}`, text }))
  )
}

const findingsArgs = SOURCES.flatMap(({ dir }) => ['--findings', join(dir, 'findings.json')])

describe('check in worker threads', () => {
  it('prints and fixes the fixture repositories as in process, in every format', async () => {
    const repo = join(root, 'fixtures')
    for (const { name, dir } of SOURCES)
      cpSync(join(dir, 'input'), join(repo, name), { recursive: true })
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const args = [repo, ...findingsArgs, '--format', format]
      const inProcess = await check(0, args)
      expect(inProcess.out.length).toBeGreaterThan(1000)
      expect({ format, ...(await check(2, args)) }).toEqual({ format, ...inProcess })
    }
    // --fix: the same output and the same files written
    const copies = [0, 2].map(workers => {
      const copy = join(root, `fix-${workers}`)
      cpSync(repo, copy, { recursive: true })
      return copy
    })
    const runs = await Promise.all(
      copies.map((copy, i) => check(i === 0 ? 0 : 2, [copy, ...findingsArgs, '--fix']))
    )
    expect(runs[1]?.out.split(copies[1] as string).join('<repo>')).toEqual(
      runs[0]?.out.split(copies[0] as string).join('<repo>')
    )
    expect(runs[0]?.out).toMatch(/\(\d+ fixed\)/)
    expect(filesUnder(copies[1] as string)).toEqual(filesUnder(copies[0] as string))
    expect(filesUnder(copies[0] as string)).not.toEqual(filesUnder(repo))
  }, 60_000)

  it('a generated repository large enough for workers: the same output, and workers did run', async () => {
    const repo = join(root, 'generated')
    const size = MIN_FILES_FOR_WORKERS + 50
    const { findingsFiles } = writePolicyRepo(repo, size, join(root, 'generated-findings'))
    const args = [repo, ...findingsFiles.flatMap(f => ['--findings', f]), '--format', 'json']
    const inProcess = await check(0, args)
    expect(inProcess.code).toBe(1)
    expect(await check(undefined, args)).toEqual(inProcess)
    // Without the workers' module, a run that would start workers fails (so the one above did,
    // where this machine's cores start workers for it) and one too small for them does not.
    const without = await check(undefined, args, distWithoutWorker)
    if (autoWorkers(size, availableParallelism()) > 0) {
      expect(without.code).toBe(3)
      expect(without.err).toMatch(
        /^iam-refine: unexpected error: a worker thread refining files failed: Cannot find module .*refine-worker\.js/
      )
    } else expect(without).toEqual(inProcess)
    const small = [join(repo, 'policies'), ...args.slice(1)]
    const smallRun = await check(undefined, small, distWithoutWorker)
    expect(smallRun.code).toBe(1)
    expect(smallRun).toEqual(await check(0, small))
  }, 60_000)

  it('compares with IAM Access Analyzer and withholds what differs as in process', async () => {
    const article = join(fixtures, 'article')
    const args = [
      join(article, 'policy.json'),
      '--findings',
      join(article, 'finding-getfindingv2.json'),
      '--findings',
      join(article, 'recommendation.json'),
      '--principal',
      'arn:aws:iam::123456789012:role/MyRole'
    ]
    // the bundled catalog: the refinement differs from AWS's, and is withheld when required
    for (const more of [
      [],
      ['--require-aws-agreement'],
      ['--format', 'json', '--require-aws-agreement']
    ]) {
      const inProcess = await check(0, [...args, ...more])
      expect(inProcess.out).toContain('IAM Access Analyzer')
      expect({ more, ...(await check(2, [...args, ...more])) }).toEqual({ more, ...inProcess })
    }
  }, 30_000)

  it('a worker that cannot start ends the run with a message, not a hang or a pass', async () => {
    const repo = join(root, 'fixtures-broken-pool')
    cpSync(join(fixtures, 'repo', 'input'), repo, { recursive: true })
    const run = await check(2, [repo, ...findingsArgs], distWithoutWorker)
    expect(run.code).toBe(3)
    expect(run.err).toMatch(/a worker thread refining files failed: Cannot find module/)
    expect(run.out).not.toMatch(/^iam-refine: \d+ polic/m)
  }, 30_000)

  it('IAM_REFINE_WORKERS that is not a small whole number is a usage error', async () => {
    const repo = join(fixtures, 'repo', 'input')
    for (const value of ['two', '-1', '1.5', '99']) {
      const run = await check(value, [repo, ...findingsArgs])
      expect({ value, code: run.code, err: run.err }).toEqual({
        value,
        code: 2,
        err: `iam-refine: IAM_REFINE_WORKERS must be a whole number from 0 to 16, not "${value}"\n`
      })
    }
  }, 30_000)

  it('property: any mix of the fixtures, some files cut short, prints the same with workers', async () => {
    const files = fixtureFiles()
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(files, { minLength: 1 }),
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 3 }),
        fc.constantFrom('text', 'json', 'sarif'),
        fc.integer({ min: 1, max: 3 }),
        async (chosen, cuts, format, workers) => {
          const repo = join(root, `mixed-${n++}`)
          const texts = chosen.map(f => f.text)
          // a file cut short: malformed JSON or YAML, a policy without its end
          for (const [which, at] of cuts) {
            const i = which % texts.length
            texts[i] = (texts[i] as string).slice(0, Math.floor((texts[i] as string).length * at))
          }
          chosen.forEach((f, i) => {
            mkdirSync(join(repo, f.path, '..'), { recursive: true })
            writeFileSync(join(repo, f.path), texts[i] as string, 'latin1')
          })
          const args = [repo, ...findingsArgs, '--format', format]
          const inProcess = await check(0, args)
          expect(await check(workers, args)).toEqual(inProcess)
        }
      ),
      { numRuns: 4 }
    )
  }, 90_000)
})
