/**
 * The linear glob matcher agrees with picomatch (`{dot: true}`, what the action used before) on
 * ordinary globs: generated from `*`, `**` segments, `?`, classes, braces and literal characters,
 * against generated paths and against paths drawn from the glob itself, so that matches are as
 * common as misses. Left out on purpose, where we differ by decision (ADR 0018): `[!…]` (a
 * negated class for us, a set holding `!` for picomatch), `/` inside a class, a `**` that is not
 * a whole segment at the start of a glob or at the edge of a brace alternative (picomatch reads
 * `{,**}` or `a/**{,}` as a globstar; for us a globstar is a whole segment of the text), `..`
 * inside braces (picomatch reads `{..,x}` as a broken range) and `.*` inside braces (where
 * picomatch's `*` must match something: `{x.*,b}` misses `x.`), braces right after a globstar
 * segment (where an empty alternative makes picomatch drop a `/`: it matches `a` to the glob
 * a, slash, globstar, slash, `{,x}*`), a segment of three or more
 * stars only (for us `***` is `*`; picomatch reads it as `*` in `a/***` but as a globstar after
 * one: a, slash, globstar, slash, `***` matches `a`, though a, slash, globstar, slash, `*` does
 * not), the segment `*.*` (which picomatch's `*.*` does not match to `a.`, though `x*.*` matches `x.`), `X/**` against the path `X` itself (picomatch says yes
 * when X is literal and no when it has a wildcard; we say no: `X/**` is what is under X), and
 * paths with empty, `.` or `..` segments.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import picomatch from 'picomatch'
import { compileGlobs, firstMatching } from '../src/sources/glob.js'

/** A parsed glob, kept as a tree so that paths can be drawn from it. */
type Atom =
  | { kind: 'char'; char: string }
  | { kind: 'star' }
  | { kind: 'one' }
  | { kind: 'class'; text: string; sample: string[] }
  | { kind: 'either'; options: Atom[][] }
type Segment = { kind: 'globstar' } | { kind: 'atoms'; atoms: Atom[] }

const CHARS = ['a', 'b', 'c', '.', '-', '_', 'x']

const char = fc.constantFrom(...CHARS).map((c): Atom => ({ kind: 'char', char: c }))
const klass = fc.constantFrom<Atom>(
  { kind: 'class', text: '[ab]', sample: ['a', 'b'] },
  { kind: 'class', text: '[a-c]', sample: ['a', 'b', 'c'] },
  { kind: 'class', text: '[^b]', sample: ['a', 'c', '.'] },
  { kind: 'class', text: '[.x]', sample: ['.', 'x'] }
)
const simpleAtom: fc.Arbitrary<Atom> = fc.oneof(
  { arbitrary: char, weight: 5 },
  { arbitrary: fc.constant<Atom>({ kind: 'star' }), weight: 2 },
  { arbitrary: fc.constant<Atom>({ kind: 'one' }), weight: 1 },
  { arbitrary: klass, weight: 1 }
)
const either: fc.Arbitrary<Atom> = fc
  .array(fc.array(simpleAtom, { maxLength: 3 }), { minLength: 2, maxLength: 3 })
  .map(options => ({ kind: 'either', options }))
const atom = fc.oneof({ arbitrary: simpleAtom, weight: 6 }, { arbitrary: either, weight: 1 })
const segment: fc.Arbitrary<Segment> = fc.oneof(
  { arbitrary: fc.constant<Segment>({ kind: 'globstar' }), weight: 1 },
  {
    arbitrary: fc.array(atom, { minLength: 1, maxLength: 4 }).map(atoms => ({
      kind: 'atoms' as const,
      atoms
    })),
    weight: 4
  }
)
const globTree = fc.array(segment, { minLength: 1, maxLength: 4 })

function renderAtoms(atoms: readonly Atom[]): string {
  return atoms
    .map(a =>
      a.kind === 'char'
        ? a.char
        : a.kind === 'star'
          ? '*'
          : a.kind === 'one'
            ? '?'
            : a.kind === 'class'
              ? a.text
              : `{${a.options.map(renderAtoms).join(',')}}`
    )
    .join('')
}
const render = (tree: readonly Segment[]): string =>
  tree.map(s => (s.kind === 'globstar' ? '**' : renderAtoms(s.atoms))).join('/')

/** A path the glob is likely to match: each piece filled in at random. */
function draw(tree: readonly Segment[], rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const fill = (atoms: readonly Atom[]): string =>
    atoms
      .map(a =>
        a.kind === 'char'
          ? a.char
          : a.kind === 'star'
            ? Array.from({ length: Math.floor(rand() * 3) }, () => pick(CHARS)).join('')
            : a.kind === 'one'
              ? pick(CHARS)
              : a.kind === 'class'
                ? pick(a.sample)
                : fill(pick(a.options))
      )
      .join('')
  const parts: string[] = []
  for (const s of tree) {
    if (s.kind === 'globstar') {
      for (let n = Math.floor(rand() * 3); n > 0; n--) parts.push(`${pick(CHARS)}${pick(CHARS)}`)
    } else parts.push(fill(s.atoms))
  }
  return parts.join('/')
}

const pathSegment = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 4 })
  .map(cs => cs.join(''))
  .filter(s => s !== '.' && s !== '..')
const randomPath = fc.array(pathSegment, { minLength: 1, maxLength: 5 }).map(p => p.join('/'))

/** A real file path: no empty, `.` or `..` segment (what GitHub and a walk give). */
const isFilePath = (path: string): boolean =>
  path !== '' && path.split('/').every(s => s !== '' && s !== '.' && s !== '..')

/** Globs where picomatch and we differ by decision (see the header). */
const ordinary = (glob: string): boolean =>
  !/^\*\*[^/]/.test(glob) &&
  !/[{},]\*\*|\*\*[{},]/.test(glob) &&
  !/\{[^}]*\.[.*]/.test(glob) &&
  !glob.includes('**/{') &&
  !/(^|\/)\*\.\*($|\/)/.test(glob) &&
  !/(^|\/)\*{3,}($|\/)/.test(glob)

/** `X/**` (or `X/**\/**`) against X itself, the other decided difference. */
const folderItself = (globs: readonly string[], path: string): boolean =>
  globs.some(g => {
    const folder = g.replace(/(\/\*\*)+$/, '')
    return folder !== g && compileGlobs([folder || '**'], 'test')(path)
  })

const picomatchSays = (globs: string[], path: string): boolean =>
  picomatch(globs, { dot: true })(path)

describe('the linear glob matcher', () => {
  it('agrees with picomatch on generated globs and paths', () => {
    fc.assert(
      fc.property(
        globTree,
        fc.oneof(
          randomPath,
          fc.integer().map(seed => seed)
        ),
        (tree, pathOrSeed) => {
          const glob = render(tree)
          fc.pre(ordinary(glob))
          let path: string
          if (typeof pathOrSeed === 'string') path = pathOrSeed
          else {
            let state = pathOrSeed >>> 0
            const rand = (): number => {
              state = (state * 1664525 + 1013904223) >>> 0
              return state / 2 ** 32
            }
            path = draw(tree, rand)
          }
          fc.pre(isFilePath(path) && !folderItself([glob], path))
          const ours = compileGlobs([glob], 'test')(path)
          expect({ glob, path, matches: ours }).toEqual({
            glob,
            path,
            matches: picomatchSays([glob], path)
          })
        }
      ),
      { numRuns: 3000 }
    )
  })

  it('agrees with picomatch on lists of globs', () => {
    fc.assert(
      fc.property(fc.array(globTree, { minLength: 1, maxLength: 4 }), randomPath, (trees, path) => {
        const globs = trees.map(render)
        fc.pre(globs.every(ordinary) && !folderItself(globs, path))
        const ours = compileGlobs(globs, 'test')(path)
        expect({ globs, path, matches: ours }).toEqual({
          globs,
          path,
          matches: picomatchSays(globs, path)
        })
      }),
      { numRuns: 1000 }
    )
  })

  it('draws matching paths often enough for the agreement to mean something', () => {
    // A control on the generator: if drawn paths rarely matched, "agrees" would mostly mean "both
    // say no".
    let matched = 0
    fc.assert(
      fc.property(globTree, fc.integer(), (tree, seed) => {
        let state = seed >>> 0
        const rand = (): number => {
          state = (state * 1664525 + 1013904223) >>> 0
          return state / 2 ** 32
        }
        const path = draw(tree, rand)
        if (isFilePath(path) && compileGlobs([render(tree)], 'test')(path)) matched++
      }),
      { numRuns: 500 }
    )
    expect(matched).toBeGreaterThan(250)
  })
})

describe("the first matching list (the configuration's principals and stacks)", () => {
  // Plain paths, some written with `./` or an escape, so that the table of plain paths meets
  // the globs that also match them, before and after them in the list.
  const plain = fc.constantFrom('a/b', './a/b', 'a/bc', 'x.y', 'a/b/c', 'a/\\b', 'ab')
  const globList = fc.array(
    fc.oneof({ arbitrary: plain, weight: 2 }, { arbitrary: globTree.map(render), weight: 2 }),
    { minLength: 1, maxLength: 3 }
  )
  const path = fc.oneof(fc.constantFrom('a/b', 'a/bc', 'x.y', 'a/b/c', 'ab', 'b'), randomPath)

  it('is the index of the first list any of whose globs matches, as matching each in order says', () => {
    let found = 0
    fc.assert(
      fc.property(
        fc.array(globList, { maxLength: 8 }),
        fc.array(path, { minLength: 1 }),
        (lists, paths) => {
          const first = firstMatching(lists)
          for (const p of paths) {
            const expected = lists.findIndex(globs => compileGlobs(globs, 'test')(p))
            const index = first(p)
            if (index !== undefined) found++
            expect({ lists, p, index }).toEqual({
              lists,
              p,
              index: expected < 0 ? undefined : expected
            })
          }
        }
      ),
      { numRuns: 2000 }
    )
    // a control: the property is about matches, not only about misses
    expect(found).toBeGreaterThan(1000)
  })
})
