/**
 * Glob matching (`npm run bench globs`): the linear matcher of src/sources/glob.ts against
 * picomatch (the backtracking RegExp it replaced, kept as the tests' oracle), on the globs of a
 * typical configuration and on pathological ones: `*a*a…*b` against a long run of `a`s, which a
 * backtracking RegExp tries in O(n^k) ways. picomatch runs only where it ends in a few seconds.
 */
import picomatch from 'picomatch'
import { compileGlobs, MAX_GLOB_LENGTH, MAX_GLOBS } from '../../src/sources/glob.js'

/** Microseconds per call of `match(path)`, repeated until at least `budgetMs` have passed. */
function timePerMatch(match: (path: string) => boolean, path: string, budgetMs = 200): number {
  let calls = 0
  const started = performance.now()
  let elapsed: number
  do {
    match(path)
    calls++
    elapsed = performance.now() - started
  } while (elapsed < budgetMs)
  return (elapsed * 1000) / calls
}

const us = (n: number): string =>
  n >= 1e6
    ? `${(n / 1e6).toFixed(1)} s`
    : n >= 1e3
      ? `${(n / 1e3).toFixed(1)} ms`
      : `${n.toFixed(1)} µs`

console.log('| globs | path | linear | picomatch | agree |')
console.log('| --- | --- | --- | --- | --- |')

const typical = [
  'iam/roles/app/*.json',
  'legacy/**',
  'cfn/{app,network}.{yaml,yml}',
  '**/*.template',
  'sam/[a-z]*/template.yaml'
]
for (const path of ['iam/roles/app/AppRole.json', 'services/orders/sam/api/template.yaml']) {
  const ours = compileGlobs(typical, 'bench')
  const theirs = picomatch(typical, { dot: true })
  console.log(
    `| ${typical.length} typical | ${path} | ${us(timePerMatch(ours, path))} | ` +
      `${us(timePerMatch(theirs, path))} | ${ours(path) === theirs(path)} |`
  )
}

// picomatch is run only for these (stars, length) pairs; beyond them it takes minutes or more
// (3 stars against 1,000 characters took 45 s when measured for ADR 0018.)
const picomatchFeasible = new Set(['3:100', '4:100', '5:100'])
for (const [stars, length] of [
  [3, 100],
  [4, 100],
  [5, 100],
  [3, 1000],
  [8, 1000],
  [64, 1000],
  [127, 4096]
] as const) {
  const glob = `${'*a'.repeat(stars)}*b`
  const path = 'a'.repeat(length)
  const ours = compileGlobs([glob], 'bench')
  let theirs = 'not run'
  if (picomatchFeasible.has(`${stars}:${length}`)) {
    const match = picomatch(glob, { dot: true })
    const started = performance.now()
    match(path)
    theirs = us((performance.now() - started) * 1000)
  }
  console.log(
    `| \`*a\` × ${stars} + \`*b\` (${glob.length} chars) | ${length} × a | ` +
      `${us(timePerMatch(ours, path))} | ${theirs} | result ${ours(path)} |`
  )
}

// The worst a configuration within the limits can ask: MAX_GLOBS globs of MAX_GLOB_LENGTH, every
// state live on every character, against a 100-character and a 1,000-character path.
const widest = Array.from({ length: MAX_GLOBS }, (_, i) =>
  `${'*a'.repeat(MAX_GLOB_LENGTH / 2 - 2)}*${String.fromCharCode(98 + (i % 20))}`.slice(
    0,
    MAX_GLOB_LENGTH
  )
)
for (const length of [100, 1000]) {
  const ours = compileGlobs(widest, 'bench')
  const path = 'a'.repeat(length)
  console.log(
    `| ${MAX_GLOBS} × \`*a*a…\` (${MAX_GLOB_LENGTH} chars each, the limits) | ${length} × a | ` +
      `${us(timePerMatch(ours, path, 500))} | not run | result ${ours(path)} |`
  )
}
