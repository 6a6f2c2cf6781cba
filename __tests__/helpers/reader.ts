/**
 * What a reader of a comment sees: the Markdown rendered as GitHub does (markdown-it with HTML and
 * bare-URL links, as the guard parses it), tags dropped, entities decoded, the zero-width spaces
 * that disarm mentions and autolinks removed. Tests assert on this, not on the escaped source.
 */
import MarkdownIt, { type Token } from 'markdown-it'

const md = new MarkdownIt('default', { html: true, linkify: true })

export function readerSees(markdown: string): string {
  return md
    .render(markdown)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200b/g, '')
}

/** Every token of a body as markdown-it parses it, nested inline tokens included, in order. */
export function markdownTokens(markdown: string): Token[] {
  const out: Token[] = []
  const walk = (list: readonly Token[]): void => {
    for (const t of list) {
      out.push(t)
      if (t.children) walk(t.children)
    }
  }
  walk(md.parse(markdown, {}))
  return out
}
