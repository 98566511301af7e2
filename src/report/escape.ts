/**
 * Escaping for strings that come from a dataset (labels, URIs, file names, messages quoting them)
 * before they go into the PR comment, the job summary, a Mermaid chart or a terminal.
 *
 * Markdown output uses HTML character references only, never backslash escapes: a reference works
 * the same in a table cell, in a list item and inside raw HTML such as `<summary>`, where Markdown
 * backslash escapes are not processed.
 *
 * GitHub turns `@name`, `#123`, `owner/repo#123`, `GH-123` and bare URLs into links *after*
 * rendering the Markdown, on the decoded text, so a character reference alone does not stop them. A
 * zero-width space (U+200B, written as `&#8203;`) after `@`, `#` and the `-` of `GH-` (any case,
 * before a digit, not inside a word), and inside `http://` and `www.`, does. Commit SHAs are left alone: GitHub only
 * links one that names a commit of the repository itself, and breaking every hex run would mangle
 * the hashes that video keys are often made of.
 */

/**
 * Written after `@`, `#`, `http:` and `GH-`, before the dot of `www.`, so GitHub's linkers do not
 * match.
 */
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
 * line/paragraph separators, the Hangul fillers that render blank, and lone surrogates.
 */
const HIDDEN = '\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\u034f\\u115f\\u1160\\u3164\\uffa0\\ud800-\\udfff'
const HIDDEN_CHARS = new RegExp(`[${HIDDEN}]`, 'gu')
const HIDDEN_CHAR = new RegExp(`^[${HIDDEN}]$`, 'u')

/**
 * Everything `escapeMarkdown` rewrites: a block marker at the start, `1.` at the start, a URL
 * scheme, `www.`, `GH-` before a digit, hidden characters and the ASCII characters of
 * MARKDOWN_REFERENCES.
 */
const MARKDOWN_TOKENS = new RegExp(
  `^[-+=]|^\\d{1,9}\\.|(?:https?|ftp):|www\\.|(?<![A-Za-z0-9])gh-(?=\\d)|[${HIDDEN}]|[&<>"'\\\\\`*_{}[\\]()!|~$^:#@]`,
  'giu'
)

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
  if (HIDDEN_CHAR.test(char)) return `<${unicodeName(codePoint)}>`
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

function isAsciiAlphanumeric(char: string | undefined): boolean {
  return char !== undefined && /^[A-Za-z0-9]$/.test(char)
}

function escapeToken(token: string, offset: number, text: string): string {
  if (token.length > 1 && !/^[\ud800-\udbff][\udc00-\udfff]$/.test(token)) {
    // a URL scheme, `www.`, `GH-` before a digit, or `1.` at the start
    if (token.endsWith(':')) return token.slice(0, -1) + '&#58;' + LINK_BREAK
    if (/^www\.$/i.test(token)) return token.slice(0, 3) + LINK_BREAK + '&#46;'
    if (/^gh-$/i.test(token)) return token + LINK_BREAK
    return token.slice(0, -1) + '&#46;'
  }
  if (offset === 0 && LINE_START_REFERENCES[token] !== undefined) {
    return LINE_START_REFERENCES[token]
  }
  if (
    token === '_' &&
    isAsciiAlphanumeric(text[offset - 1]) &&
    isAsciiAlphanumeric(text[offset + 1])
  ) {
    // snake_case: an underscore between letters or digits can neither open nor close emphasis
    return token
  }
  const reference = MARKDOWN_REFERENCES[token]
  if (reference !== undefined) return reference
  const visible = visibleForm(token) ?? token
  return visible.replace(/[<>\\]/g, char => MARKDOWN_REFERENCES[char] ?? char)
}

/**
 * Make text from a CSV inert in GitHub Markdown and HTML: no tags, comments, entities, emphasis,
 * code, links, images, autolinks, table pipes, mentions, issue references, line breaks or hidden
 * characters. The result renders as the original text (hidden characters shown as `<U+202E>`,
 * `\n`, leading and trailing spaces as `␠`, since `dog ` and `dog` are two labels) and is safe in
 * a table cell, a list item, a heading and inside `<summary>`.
 */
export function escapeMarkdown(text: string): string {
  const spaced = text.replace(/^ +| +$/g, spaces => '␠'.repeat(spaces.length))
  return spaced.replace(MARKDOWN_TOKENS, escapeToken)
}

/**
 * Untrusted text shown as code: an HTML `<code>` element around `escapeMarkdown(text)`, because a
 * Markdown code span cannot hold a `|` inside a table cell nor be used inside raw HTML.
 */
export function escapeCode(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`
}

/**
 * For a terminal: control characters (ESC sequences, carriage returns, C1 controls) and hidden
 * characters are replaced by their visible form, so a label cannot move the cursor, recolor or
 * clear the screen, or reorder the line.
 */
export function escapeTerminal(text: string): string {
  return text.replace(HIDDEN_CHARS, char => visibleForm(char) ?? char)
}
