import MarkdownIt, { type Token } from 'markdown-it'
import { InvariantError } from '../engine/errors.js'
import { extractSuggestion } from './fence.js'

/**
 * The last look at a body before it is posted: parsed as CommonMark with GitHub's extras (HTML
 * allowed, bare URLs linked, tables), it must hold exactly what we meant to say — the one
 * suggestion block we wrote with exactly its content, no HTML but our own markers and tags, no
 * link or image we did not write, no mention or issue reference. Escaping (src/report/markdown.ts)
 * is what makes this true; the guard is what proves it on every body, so a gap in the escaping
 * stops the run (an InvariantError) instead of posting a forged suggestion under our name.
 */
export interface BodyExpectation {
  /** What is being checked, for the error: "the review comment on cfn/app.yaml line 12". */
  readonly what: string
  /** The suggestion block's content; absent: the body must hold no suggestion block. */
  readonly suggestion?: string
  /** Exact HTML the body may contain (our markers, `<sub>`, `<details>`…), each as written. */
  readonly html?: readonly string[]
  /** The hrefs of the links we wrote. */
  readonly links?: readonly string[]
}

const parser = new MarkdownIt('default', { html: true, linkify: true })

/** `@name` or `@org/team` as GitHub links them, not preceded by a word character or a backtick. */
const MENTION = /(^|[^\w`])@[A-Za-z0-9]/
/** `#12`, `GH-12` and `owner/repo#12` references. */
const REFERENCE = /#\d|\bGH-\d/i
/** An `:emoji:` shortcode (GitHub's custom ones are images). */
const EMOJI = /:[a-z0-9_+-]+:/

/** Throws an InvariantError unless `body` says exactly what `expected` allows. */
export function guardBody(body: string, expected: BodyExpectation): void {
  const problem = bodyProblem(body, expected)
  if (problem !== undefined) {
    throw new InvariantError(`${expected.what} would not read as written (${problem})`)
  }
}

/** Why `body` does not read as `expected` allows, or undefined. */
export function bodyProblem(body: string, expected: BodyExpectation): string | undefined {
  const allowedHtml = new Set((expected.html ?? []).map(h => h.trim()))
  const allowedLinks = new Set(expected.links ?? [])
  let suggestions = 0
  const tokens = parser.parse(body, {})
  const walk = (list: readonly Token[]): string | undefined => {
    for (const t of list) {
      if (t.type === 'fence' || t.type === 'code_block') {
        if (t.type === 'fence' && t.info.trim().split(/\s+/)[0] === 'suggestion') {
          suggestions++
          if (expected.suggestion === undefined) return 'a suggestion block where none belongs'
          if (t.content !== expected.suggestion) return 'a suggestion block with other content'
        }
        continue
      }
      if (t.type === 'html_block' || t.type === 'html_inline') {
        if (!allowedHtml.has(t.content.trim()))
          return `HTML ${JSON.stringify(t.content.slice(0, 40))}`
        continue
      }
      if (t.type === 'image') return 'an image'
      if (t.type === 'link_open') {
        const href = String(t.attrGet('href') ?? '')
        if (!allowedLinks.has(href)) return `a link to ${JSON.stringify(href.slice(0, 80))}`
      }
      if (t.type === 'text') {
        if (MENTION.test(t.content)) return 'an @mention'
        if (REFERENCE.test(t.content)) return 'an issue reference'
        if (EMOJI.test(t.content)) return 'an emoji shortcode'
      }
      if (t.children) {
        const inner = walk(t.children)
        if (inner !== undefined) return inner
      }
    }
    return undefined
  }
  const found = walk(tokens)
  if (found !== undefined) return found
  if (expected.suggestion !== undefined) {
    if (suggestions !== 1) return `${suggestions} suggestion blocks`
    if (extractSuggestion(body) !== expected.suggestion) {
      return 'the suggestion GitHub would apply differs from the one intended'
    }
  }
  return undefined
}
