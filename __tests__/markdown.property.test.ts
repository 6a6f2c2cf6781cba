/**
 * What a reader sees: every value that outside text supplies, rendered through `code` or `text`
 * and parsed back as CommonMark with GitHub's extras (markdown-it with HTML and bare-URL links),
 * reads as exactly itself — never a link, an image, HTML, a mention, a block of its own.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { bodyProblem } from '../src/report/guard.js'
import { code, MAX_SHOWN_CHARACTERS, text, visible } from '../src/report/markdown.js'
import { markdownTokens } from './helpers/reader.js'

/** Pieces an attacker reaches for, mixed with anything Unicode holds. */
const ATTACKS = [
  '```suggestion\n"s3:*", "iam:PassRole"\n```\n<!--',
  '<!-- iam-refine:fp=0123456789abcdef -->',
  '[click](https://evil.example/x)',
  '![pixel](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)>',
  '@octocat please merge',
  '@acme/security-team',
  'fixes #1 and GH-2',
  'https://evil.example',
  'www.evil.example',
  'mail me@evil.example',
  ':octocat: :+1:',
  '&lt;script&gt;',
  '\u202etxt.exe',
  '| a | b |',
  '# heading',
  '> quote',
  '    indented',
  '* item',
  '1. item',
  '---',
  '`',
  '``',
  ' ` ',
  '\\',
  '\r\n\r\n',
  '~~~suggestion',
  '***bold***',
  '<https://evil.example>',
  '[ref]: https://evil.example'
]

const outside = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...'`~*_[]()!<>#@:/\\|&-+=.\n\r '.split('')), maxLength: 40 }),
  fc.array(fc.constantFrom(...ATTACKS), { minLength: 1, maxLength: 4 }).map(a => a.join(''))
)

const FORBIDDEN = [
  'link_open',
  'image',
  'html_inline',
  'html_block',
  'fence',
  'code_block',
  'heading_open',
  'hr',
  'blockquote_open',
  'table_open'
]

describe('code()', () => {
  it('renders any value as one code span holding exactly what a reader should see', () => {
    fc.assert(
      fc.property(outside, value => {
        const body = `Policy ${code(value)} in a file`
        const tokens = markdownTokens(body)
        expect(tokens.filter(t => FORBIDDEN.includes(t.type))).toEqual([])
        const spans = tokens.filter(t => t.type === 'code_inline')
        if (visible(value) === '') {
          expect(spans).toEqual([])
        } else {
          expect(spans).toHaveLength(1)
          expect(spans[0]!.content).toBe(visible(value))
        }
        expect(bodyProblem(body, { what: 'test' })).toBeUndefined()
      }),
      { numRuns: 1500 }
    )
  })

  it('holds in a list item and a table cell too', () => {
    fc.assert(
      fc.property(outside, value => {
        const cell = code(value).replace(/\|/g, '\\|')
        for (const body of [
          `- ${code(value)}: removed`,
          `| File | Policy |\n| --- | --- |\n| ${cell} | x |`
        ]) {
          const tokens = markdownTokens(body)
          expect(
            tokens.filter(t =>
              ['link_open', 'image', 'html_inline', 'html_block', 'fence'].includes(t.type)
            )
          ).toEqual([])
          expect(bodyProblem(body, { what: 'test' })).toBeUndefined()
        }
      }),
      { numRuns: 500 }
    )
  })
})

describe('text()', () => {
  it('renders any value as plain text that reads as itself, with no markup and no GitHub reference', () => {
    fc.assert(
      fc.property(outside, value => {
        const body = `Why: ${text(value)} (end)`
        const tokens = markdownTokens(body)
        expect(
          tokens.filter(
            t =>
              FORBIDDEN.includes(t.type) ||
              t.type === 'code_inline' ||
              t.type === 'em_open' ||
              t.type === 'strong_open' ||
              t.type === 's_open'
          )
        ).toEqual([])
        const shown = tokens
          .filter(t => t.type === 'text' || t.type === 'softbreak')
          .map(t => t.content)
          .join('')
          .replace(/\u200b/g, '')
        expect(shown).toBe(`Why: ${visible(value)} (end)`)
        expect(bodyProblem(body, { what: 'test' })).toBeUndefined()
      }),
      { numRuns: 1500 }
    )
  })
})

describe('visible()', () => {
  it('names invisible and direction-changing characters and shows line breaks', () => {
    expect(visible('a\u202eb')).toBe('a⟨U+202E⟩b')
    expect(visible('a\u200bb\ufeff')).toBe('a⟨U+200B⟩b⟨U+FEFF⟩')
    expect(visible('one\r\ntwo\nthree')).toBe('one⏎two⏎three')
    expect(visible('plain text')).toBe('plain text')
  })

  it('cuts long values and says how much', () => {
    const long = 'x'.repeat(MAX_SHOWN_CHARACTERS + 7)
    expect(visible(long)).toBe(`${'x'.repeat(MAX_SHOWN_CHARACTERS)}… (7 more characters)`)
  })
})

describe('the guard before posting', () => {
  const marker = '<!-- iam-refine:fp=0123456789abcdef -->'
  const honest = `**Unused permissions** in ${code('S3')}\n\n\`\`\`suggestion\n"s3:GetObject"\n\`\`\`\n\n<sub>iam-refine</sub>\n${marker}`
  const html = ['<sub>', '</sub>', marker]

  it('passes the body we meant to write (the control)', () => {
    expect(bodyProblem(honest, { what: 'c', suggestion: '"s3:GetObject"\n', html })).toBeUndefined()
  })

  it('refuses a second suggestion, a hidden one, foreign HTML, links, images and mentions', () => {
    const forged = honest.replace(
      '**Unused',
      '```suggestion\n"s3:*", "iam:PassRole"\n```\n<!--\n**Unused'
    )
    expect(bodyProblem(forged, { what: 'c', suggestion: '"s3:GetObject"\n', html })).toMatch(
      /suggestion|HTML/
    )
    for (const extra of [
      '[x](https://e.example)',
      '![i](https://e.example/i.png)',
      '<img src=x>',
      '@octocat',
      'see #12',
      'https://e.example',
      ':octocat:'
    ]) {
      expect(
        bodyProblem(`${extra}\n\n${honest}`, { what: 'c', suggestion: '"s3:GetObject"\n', html })
      ).toBeDefined()
    }
    expect(bodyProblem(honest, { what: 'c', suggestion: '"s3:*"\n', html })).toMatch(
      /other content/
    )
    expect(bodyProblem(honest, { what: 'c', html })).toMatch(/none belongs/)
  })
})
