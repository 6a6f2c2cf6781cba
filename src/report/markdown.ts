/**
 * Markdown that outside text cannot shape. Every value that comes from a pull request, a findings
 * file or an artifact — a Sid, a file name, a logical ID, a finding's ARN or date, a message that
 * quotes one — reaches a comment, the job summary or a pull-request body only through `code` or
 * `text`, so that it reads as what it is and never as a link, an image, a mention, HTML, a
 * heading, a list or a second suggestion block. (docs/adr/0011-markdown-pull-requests-cannot-shape.md)
 *
 * Neither function lets a line break through: outside text stays inside the line our template
 * gives it, so it can never start a block (a fence, a heading, an HTML block).
 */

/** Longer values are cut (with how much was cut): a 60 KB Sid must not crowd out the suggestion. */
export const MAX_SHOWN_CHARACTERS = 300

/**
 * Characters shown as `⟨U+XXXX⟩`: C0/C1 controls, zero-width and bidirectional-override
 * characters (a reviewer must see a right-to-left override in a name, "Trojan Source"), line and
 * paragraph separators, the byte-order mark.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/gu

const LINE_BREAK = /\r\n|\r|\n/g

/** A zero-width space: splits `@name`, `#12`, `https://`, `www.` and `:emoji:` for GitHub's filters. */
const BREAK = '\u200b'

/** What a reader should see of `value`: line breaks as ⏎, invisible characters named, long text cut. */
export function visible(value: string, max = MAX_SHOWN_CHARACTERS): string {
  let shown = value
  let cut = 0
  const chars = [...value]
  if (chars.length > max) {
    shown = chars.slice(0, max).join('')
    cut = chars.length - max
  }
  shown = shown
    .replace(LINE_BREAK, '⏎')
    .replace(INVISIBLE, c => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`)
  return cut > 0 ? `${shown}… (${cut} more characters)` : shown
}

/**
 * An inline code span holding `value` literally: its backtick fence is longer than any backtick
 * run inside, and a space pads content that starts or ends with a backtick or a space (CommonMark
 * strips one from each side, unless the content is all spaces). Nothing inside a code span is a link, a mention, an emoji or HTML.
 * In a table cell, the caller escapes `|` as tables require (`cell` in src/report/summary.ts).
 */
export function code(value: string, max = MAX_SHOWN_CHARACTERS): string {
  const shown = visible(value, max)
  if (shown === '') return '(empty)'
  let longest = 0
  let run = 0
  for (const ch of shown) {
    run = ch === '`' ? run + 1 : 0
    if (run > longest) longest = run
  }
  const fence = '`'.repeat(longest + 1)
  const pad = /^[` ]|[` ]$/.test(shown) && !/^ +$/.test(shown) ? ' ' : ''
  return `${fence}${pad}${shown}${pad}${fence}`
}

/** Every ASCII punctuation character, which CommonMark lets a backslash escape. */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g

/**
 * Plain text: GitHub's own text filters disarmed with a zero-width space (`@` mentions, `#123`
 * references (and `GH-12`), `scheme://` and `www.` autolinks, `:emoji:` shortcodes, whose custom ones render
 * as images), then every ASCII punctuation character backslash-escaped, so that no emphasis,
 * link, image, HTML, entity, heading, list or table syntax survives.
 */
export function text(value: string, max = MAX_SHOWN_CHARACTERS): string {
  return visible(value, max)
    .replace(/[@#]/g, c => `${c}${BREAK}`)
    .replace(/:(?=\/\/|[a-z0-9_+-]+:)/g, `:${BREAK}`)
    .replace(/\b(www)\./gi, `$1${BREAK}.`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${BREAK}-`)
    .replace(PUNCTUATION, c => `\\${c}`)
}
