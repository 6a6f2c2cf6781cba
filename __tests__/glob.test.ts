/**
 * Globs without backtracking (issue 9): the pathological globs that took picomatch seconds to
 * minutes give their answer at once (timed in `npm run bench globs`, only the results are
 * asserted here), the syntax is the documented one, and globs the matcher refuses or that pass
 * the limits are clear errors naming where they came from: the configuration's file, line and
 * key, or the action's input.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../src/engine/errors.js'
import { readInputs } from '../src/inputs.js'
import { expandGlobs } from '../src/io/globs.js'
import { parseConfig } from '../src/sources/config.js'
import { compileGlobs, globProblem, MAX_GLOB_LENGTH, MAX_GLOBS } from '../src/sources/glob.js'
import { cli } from './helpers/cli.js'

const matches = (glob: string, path: string): boolean => compileGlobs([glob], 'test')(path)

describe('pathological globs', () => {
  // `*a*a…*b`: a backtracking RegExp tries every way to place the stars, O(n^k); picomatch took
  // 13.8 s for five stars against 100 characters, 45 s for three against 1,000.
  it.each([
    [5, 100],
    [8, 1000],
    [60, 4000],
    [(MAX_GLOB_LENGTH - 2) / 2, 4096]
  ])('answers `*a` × %d + `*b` against %d × a', (stars, length) => {
    const glob = `${'*a'.repeat(stars)}*b`
    expect(glob.length).toBeLessThanOrEqual(MAX_GLOB_LENGTH)
    expect(matches(glob, 'a'.repeat(length))).toBe(false)
    // Controls: the same glob matches once the name has its `b`, and not when it has too few a's.
    expect(matches(glob, `${'a'.repeat(length)}b`)).toBe(true)
    expect(matches(glob, `${'a'.repeat(stars - 1)}b`)).toBe(false)
  })

  it('answers nested braces, globstars and question marks against long paths', () => {
    const deep = Array.from({ length: 300 }, (_, i) => `d${i % 7}`).join('/')
    expect(matches('**/**/**/**/**/**/x.json', `${deep}/x.json`)).toBe(true)
    expect(matches('**/**/**/**/**/**/x.json', `${deep}/y.json`)).toBe(false)
    expect(matches(`{${'{a,'.repeat(40)}b${'}'.repeat(40)},c}*`, 'b'.repeat(3000))).toBe(true)
    // An `a` exactly 200 characters before the end: the classic automaton that has no small DFA.
    expect(matches(`*a${'?'.repeat(199)}`, 'ab'.repeat(2000))).toBe(true)
    expect(matches(`*a${'?'.repeat(200)}`, 'ab'.repeat(2000))).toBe(false)
    expect(matches(`*a${'?'.repeat(199)}`, 'b'.repeat(4000))).toBe(false)
  })
})

describe('glob syntax', () => {
  it.each([
    ['iam/roles/app/*.json', 'iam/roles/app/AppRole.json', true],
    ['iam/roles/app/*.json', 'iam/roles/app/sub/AppRole.json', false],
    ['legacy/**', 'legacy/a/b/c.json', true],
    ['legacy/**', 'legacy', false], // what is under legacy/, not a file named legacy
    ['**', '.github/iam-refine.yml', true],
    ['**/*.json', 'top.json', true],
    ['**/*.json', '.hidden/dir/.file.json', true], // dot files like any other
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a**b', 'ax/yb', false], // `**` inside a segment is a `*`
    ['?.json', 'a.json', true],
    ['?.json', 'ab.json', false],
    ['a?b', 'a/b', false],
    ['[a-c]x', 'bx', true],
    ['[!a-c]x', 'dx', true],
    ['[^a-c]x', 'bx', false],
    ['a[/]b', 'a/b', false], // a class never matches `/`
    ['[]a]', ']', true],
    ['cfn/{app,net/{a,b}}.yaml', 'cfn/net/b.yaml', true],
    ['cfn/{app,net/{a,b}}.yaml', 'cfn/net.yaml', false],
    ['x{,.bak}', 'x.bak', true],
    ['{a}', '{a}', true], // braces without a comma are text
    ['{a,b', '{a,b', true], // as is a brace never closed
    ['[ab', '[ab', true],
    ['\\*.json', '*.json', true],
    ['\\*.json', 'a.json', false],
    ['./iam/*.json', 'iam/a.json', true],
    ['policies/role (old)|v2.json', 'policies/role (old)|v2.json', true],
    ['ポリシー/*.json', 'ポリシー/政策.json', true],
    ['?', '😀', true] // one character, not one UTF-16 unit
  ])('%s against %s: %s', (glob, path, expected) => {
    expect(matches(glob, path)).toBe(expected)
  })

  it('matches a path when any glob of the list does; an empty list matches nothing', () => {
    const list = compileGlobs(['legacy/**', '*.json'], 'test')
    expect(list('legacy/x.yaml')).toBe(true)
    expect(list('top.json')).toBe(true)
    expect(list('iam/a.yaml')).toBe(false)
    expect(compileGlobs([], 'test')('anything')).toBe(false)
  })

  it.each([
    ['!legacy/**', 'starts with "!": negated globs are not supported'],
    ['+(a|b).json', 'uses the extended glob "+(": not supported'],
    ['x/@(a).json', 'uses the extended glob "@(": not supported'],
    ['x/!(a).json', 'uses the extended glob "!(": not supported'],
    ['*(a)', 'uses the extended glob "*(": not supported'],
    ['?(a)', 'uses the extended glob "?(": not supported'],
    ['[[:alpha:]]*', 'uses a POSIX character class such as [[:alpha:]]: not supported'],
    ['file{1..3}.json', 'uses the brace range "{1..3}": not supported'],
    ['a\\', 'ends with a lone backslash'],
    ['', 'is empty'],
    [
      'x'.repeat(MAX_GLOB_LENGTH + 1),
      `is ${MAX_GLOB_LENGTH + 1} characters long, over the limit of ${MAX_GLOB_LENGTH}`
    ]
  ])('refuses %j: %s', (glob, problem) => {
    expect(globProblem(glob)).toContain(problem)
    expect(() => compileGlobs([glob], 'Input paths')).toThrow(ConfigurationError)
    expect(() => compileGlobs([glob], 'Input paths')).toThrow(`Input paths: "${glob}" ${problem}`)
  })

  it(`accepts ${MAX_GLOBS} globs in a list and refuses one more`, () => {
    const globs = Array.from({ length: MAX_GLOBS }, (_, i) => `dir${i}/**`)
    expect(compileGlobs(globs, 'test')(`dir${MAX_GLOBS - 1}/x`)).toBe(true)
    expect(() => compileGlobs([...globs, 'one/more'], 'Input paths')).toThrow(
      `Input paths: ${MAX_GLOBS + 1} globs, over the limit of ${MAX_GLOBS} in one list`
    )
  })
})

describe('where globs come from', () => {
  it('names the file, line and key of a refused glob in the configuration', () => {
    const cases: [string, string][] = [
      ['ignore-files:\n  - legacy/**\n  - "!keep/**"\n', 'c.yml:3: ignore-files[1]: "!keep/**"'],
      [
        'principals:\n  - files: ["a/*.json", "+(b).json"]\n    principal: arn:aws:iam::123456789012:role/A\n',
        'c.yml:2: principals[0].files[1]: "+(b).json" uses the extended glob'
      ],
      [
        'principals:\n  - files: "{1..9}.json"\n    principal: arn:aws:iam::123456789012:role/A\n',
        'c.yml:2: principals[0].files: "{1..9}.json" uses the brace range'
      ],
      [
        `stacks:\n  - template: ${'t'.repeat(MAX_GLOB_LENGTH + 1)}\n    name: app\n`,
        `c.yml:2: stacks[0].template: "${'t'.repeat(MAX_GLOB_LENGTH + 1)}" is ${MAX_GLOB_LENGTH + 1} characters long`
      ],
      [
        `ignore-files: [${Array.from({ length: MAX_GLOBS + 1 }, (_, i) => `d${i}`).join(', ')}]\n`,
        `c.yml:1: ignore-files: ${MAX_GLOBS + 1} globs, over the limit of ${MAX_GLOBS} in one list`
      ]
    ]
    for (const [text, message] of cases) {
      expect(() => parseConfig(text, 'c.yml')).toThrow(ConfigurationError)
      expect(() => parseConfig(text, 'c.yml')).toThrow(message)
    }
  })

  it('names the action input of a refused glob, before any work', () => {
    const read = (values: Record<string, string>) =>
      readInputs(name => ({ 'github-token': 'ghs_x', ...values })[name] ?? '')
    expect(() => read({ paths: 'iam/**\n!iam/legacy/**' })).toThrow(
      'Input paths: "!iam/legacy/**" starts with "!"'
    )
    expect(() => read({ findings: 'findings/@(a|b)*.json' })).toThrow(
      'Input findings: "findings/@(a|b)*.json" uses the extended glob "@("'
    )
    // Controls: ordinary globs and plain paths pass.
    expect(
      read({ paths: 'iam/**, cfn/*.{yaml,yml}', findings: 'f.json, findings/*.json' })
    ).toMatchObject({
      paths: ['iam/**', 'cfn/*.{yaml,yml}'],
      findings: ['f.json', 'findings/*.json']
    })
  })
})

describe('the pathological glob in a repository', () => {
  let dir: string
  const longName = `${'a'.repeat(200)}.json`
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'iam-refine-globs-'))
    mkdirSync(join(dir, '.github'))
    mkdirSync(join(dir, 'policies'))
    writeFileSync(
      join(dir, 'policies', longName),
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]
      })
    )
    writeFileSync(join(dir, 'findings.json'), '[]')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const check = (ignore: string) => {
    writeFileSync(join(dir, '.github/iam-refine.yml'), `ignore-files: ['${ignore}']\n`)
    return cli(
      'check',
      dir,
      '--findings',
      join(dir, 'findings.json'),
      '--format',
      'json',
      '--principal',
      'arn:aws:iam::123456789012:role/App',
      '--fail-on',
      'never'
    )
  }

  it('checks the file the pathological ignore-files glob does not match, and ignores it when an honest glob does', async () => {
    const attack = await check(`${'*a'.repeat(40)}*b`)
    expect(attack.code).toBe(0) // not a configuration error (2)
    const files = (run: { out: string }) =>
      (JSON.parse(run.out) as { files: { file: string }[] }).files.map(f => f.file)
    expect(files(attack)).toEqual([expect.stringContaining(longName)])
    const honest = await check('policies/*.json')
    expect(honest.code).toBe(0)
    expect(files(honest)).toEqual([])
  })

  it('expands the findings input glob with the same matcher', async () => {
    const found = await expandGlobs(['**/f*.json'], dir, 'Input findings')
    expect(found.map(f => f.slice(dir.length + 1))).toEqual(['findings.json'])
    await expect(expandGlobs(['!x'], dir, 'Input findings')).rejects.toThrow(
      'Input findings: "!x" starts with "!"'
    )
    expect(readFileSync(join(dir, 'findings.json'), 'utf8')).toBe('[]')
  })
})
