/**
 * Escaping for strings that come from a dataset (labels, URIs, file names, messages quoting them)
 * before they go into the PR comment, the job summary, a Mermaid chart or a terminal.
 *
 * Markdown output uses HTML character references only, never backslash escapes: a reference works
 * the same in a table cell, in a list item and inside raw HTML such as `<summary>`, where Markdown
 * backslash escapes are not processed.
 *
 * GitHub turns `@name`, `#123` and bare URLs into links *after* rendering the Markdown, on the
 * decoded text, so a character reference alone does not stop them. A zero-width space (U+200B,
 * written as `&#8203;`) after `@` and `#`, and inside `http://` and `www.`, does.
 */

/** Written after `@`, `#` and `http:`, before the dot of `www.`, so GitHub's linkers do not match. */
const LINK_BREAK = '&#8203;'

/** ASCII characters with a meaning in HTML or in GFM inline syntax, and what they become. */
const MARKDOWN_REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '{': '&#123;',
  '}': '&#125;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '!': '&#33;',
  '|': '&#124;',
  '~': '&#126;',
  $: '&#36;',
  '^': '&#94;',
  ':': '&#58;',
  '#': '&#35;' + LINK_BREAK,
  '@': '&#64;' + LINK_BREAK
}

/** Characters that only start a block (list item, setext underline) at the beginning of a line. */
const LINE_START_REFERENCES: Record<string, string> = {
  '-': '&#45;',
  '+': '&#43;',
  '=': '&#61;'
}

const ESCAPES: Record<number, string> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' }

/**
 * Characters a reader cannot see or that reorder what they see: controls (C0, DEL, C1), format
 * characters (bidi overrides and isolates, zero-width space/joiners, BOM, soft hyphen, tags),
 * line/paragraph separators and the Hangul fillers that render blank.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u034f\u115f\u1160\u3164\uffa0]/u

function unicodeName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * How a hidden character is shown: `\n`, `\r`, `\t`, `<U+202E>`; a lone surrogate becomes U+FFFD.
 * Returns null for a character that is shown as itself.
 */
export function visibleForm(char: string): string | null {
  const codePoint = char.codePointAt(0) ?? 0
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return '\ufffd'
  const escape = ESCAPES[codePoint]
  if (escape !== undefined) return escape
  if (HIDDEN.test(char)) return `<${unicodeName(codePoint)}>`
  return null
}

/**
 * Shorten to at most `max` code points, ending in `…` when cut. Cuts between code points, never
 * inside a surrogate pair; apply before escaping so no character reference is cut in half.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const chars = Array.from(text)
  if (chars.length <= max) return text
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…'
}

/** Shows leading and trailing spaces (`dog ` and `dog` are two labels) as `␠`. */
function markOuterSpaces(chars: string[]): string[] {
  let start = 0
  while (start < chars.length && chars[start] === ' ') chars[start++] = '␠'
  for (let end = chars.length - 1; end >= start && chars[end] === ' '; end--) chars[end] = '␠'
  return chars
}

function isAsciiAlphanumeric(char: string | undefined): boolean {
  return char !== undefined && /^[A-Za-z0-9]$/.test(char)
}

/**
 * Make text from a CSV inert in GitHub Markdown and HTML: no tags, comments, entities, emphasis,
 * code, links, images, autolinks, tables pipes, mentions, issue references, line breaks or hidden
 * characters. The result renders as the original text (hidden characters shown as `<U+202E>`,
 * `\n`) and is safe in a table cell, a list item, a heading and inside `<summary>`.
 */
export function escapeMarkdown(text: string): string {
  const chars = markOuterSpaces(Array.from(text))
  let out = ''
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string
    const visible = visibleForm(char)
    if (visible !== null) {
      out += escapeMarkdown(visible)
      continue
    }
    if (char === '_' && isAsciiAlphanumeric(chars[i - 1]) && isAsciiAlphanumeric(chars[i + 1])) {
      // snake_case: an underscore between letters or digits can neither open nor close emphasis
      out += char
    } else if (
      char === ':' &&
      /(?:https?|ftp)$/i.test(chars.slice(Math.max(0, i - 5), i).join(''))
    ) {
      out += '&#58;' + LINK_BREAK
    } else if (char === '.' && /^www$/i.test(chars.slice(Math.max(0, i - 3), i).join(''))) {
      out += LINK_BREAK + '&#46;'
    } else if (char === '.' && i <= 9 && /^\d+$/.test(chars.slice(0, i).join(''))) {
      // `1.` at the start of a line would begin an ordered list
      out += '&#46;'
    } else if (i === 0 && LINE_START_REFERENCES[char] !== undefined) {
      out += LINE_START_REFERENCES[char]
    } else {
      out += MARKDOWN_REFERENCES[char] ?? char
    }
  }
  return out
}

/**
 * Untrusted text shown as code: an HTML `<code>` element around `escapeMarkdown(text)`, because a
 * Markdown code span cannot hold a `|` inside a table cell nor be used inside raw HTML.
 */
export function escapeCode(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`
}

/**
 * A category label for a Mermaid chart, to put between double quotes: letters, digits, spaces and
 * `_ . - / +` are kept, anything else (quotes, brackets, `#`, `%`, `<`, backticks, hidden
 * characters) becomes `?`, and the result is cut to `max` code points. Never empty.
 */
export function escapeMermaid(text: string, max = 24): string {
  const cleaned = Array.from(text, char => (/^[\p{L}\p{N} _./+-]$/u.test(char) ? char : '?'))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim()
  return truncate(cleaned, max) || '?'
}

/**
 * For a terminal: control characters (ESC sequences, carriage returns, C1 controls) and hidden
 * characters are replaced by their visible form, so a label cannot move the cursor, recolor or
 * clear the screen, or reorder the line.
 */
export function escapeTerminal(text: string): string {
  let out = ''
  for (const char of text) out += visibleForm(char) ?? char
  return out
}
