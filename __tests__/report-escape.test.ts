import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import {
  escapeCode,
  escapeMarkdown,
  escapeTerminal,
  truncate,
  visibleForm
} from '../src/report/escape.js'

function render(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  })
}

/** The paragraph micromark makes of a single line, without the `<p>` wrapper. */
function inline(markdown: string): string {
  return render(markdown).replace(/^<p>|<\/p>\n?$/g, '')
}

describe('escapeMarkdown', () => {
  it('leaves plain labels, paths and snake_case alone', () => {
    expect(escapeMarkdown('ApplyEyeMakeup')).toBe('ApplyEyeMakeup')
    expect(escapeMarkdown('playing_guitar_2')).toBe('playing_guitar_2')
    expect(escapeMarkdown('data/ucf101/train.csv')).toBe('data/ucf101/train.csv')
    expect(escapeMarkdown('riding a bike, fast')).toBe('riding a bike, fast')
  })

  it('turns HTML into text', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe(
      '&lt;img src=x onerror=alert&#40;1&#41;&gt;'
    )
    expect(escapeMarkdown('</details>')).toBe('&lt;/details&gt;')
    expect(escapeMarkdown('<!-- dataset-gate:k head=evil -->')).not.toContain('<!--')
    expect(escapeMarkdown('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;')
    expect(inline(escapeMarkdown('<img src=x>'))).toBe('&lt;img src=x&gt;')
  })

  it('disarms images, links, autolinks, emphasis, code and tables', () => {
    for (const hostile of [
      '![](https://evil/beacon.png)',
      '[x](javascript:alert(1))',
      '<https://evil.example>',
      'https://evil.example/x',
      'www.evil.com',
      'mail@evil.com',
      '**bold** _em_ ~~strike~~ `code`',
      '| a | b |',
      '[^1]',
      '$x^2$'
    ]) {
      const html = inline(escapeMarkdown(hostile))
      expect(html).not.toMatch(/<(a|img|strong|em|del|code|sup|section)\b/)
    }
    expect(escapeMarkdown('| pipes |')).toBe('&#124; pipes &#124;')
  })

  it('breaks mentions, issue references and URLs with a zero-width space', () => {
    expect(escapeMarkdown('@octocat')).toBe('&#64;&#8203;octocat')
    expect(escapeMarkdown('#123')).toBe('&#35;&#8203;123')
    expect(escapeMarkdown('http://x')).toBe('http&#58;&#8203;//x')
    expect(escapeMarkdown('WWW.x.org')).toBe('WWW&#8203;&#46;x.org')
    expect(inline(escapeMarkdown('@octocat #1'))).toBe('@\u200boctocat #\u200b1')
  })

  it('breaks GH-123 issue references, in any case, wherever they are', () => {
    expect(escapeMarkdown('GH-123')).toBe('GH-&#8203;123')
    expect(escapeMarkdown('fixes gh-7 and Gh-8')).toBe('fixes gh-&#8203;7 and Gh-&#8203;8')
    expect(escapeMarkdown('data/GH-42 owner/repo#7/rows.csv')).toBe(
      'data/GH-&#8203;42 owner/repo&#35;&#8203;7/rows.csv'
    )
    // only before a digit and not inside a word, as GitHub matches it: other hyphens stay
    expect(escapeMarkdown('GH-x gh- a-1 high-5 2GH-3')).toBe('GH-x gh- a-1 high-5 2GH-3')
    expect(escapeMarkdown('(GH-1) _GH-2 GH-3.')).toBe(
      '&#40;GH-&#8203;1&#41; &#95;GH-&#8203;2 GH-&#8203;3.'
    )
    expect(inline(escapeMarkdown('see GH-123'))).toBe('see GH-\u200b123')
    expect(escapeCode('GH-9')).toBe('<code>GH-&#8203;9</code>')
    const table = render(`| x |\n| --- |\n| ${escapeMarkdown('GH-1|GH-2')} |\n`)
    expect(table).toContain('<td>GH-\u200b1|GH-\u200b2</td>')
  })

  it('leaves no reference, mention or GH- link GitHub would match in the rendered text', () => {
    const piece = fc.constantFrom('GH-', 'gh-', 'g', 'H', '-', '#', '@', '1', '23', ' ', 'a/b', '_')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), pieces => {
        const text = inline(escapeMarkdown(pieces.join('')))
        // GitHub wants GH- at a word boundary; not after a letter or digit is a superset of that
        expect(text).not.toMatch(/(?<![A-Za-z0-9])gh-\d|#\d|@[A-Za-z0-9]/i)
      }),
      { numRuns: 500 }
    )
  })

  it('neutralizes block syntax at the start of a line', () => {
    expect(escapeMarkdown('- item')).toBe('&#45; item')
    expect(escapeMarkdown('+ item')).toBe('&#43; item')
    expect(escapeMarkdown('===')).toBe('&#61;==')
    expect(escapeMarkdown('12. ordered')).toBe('12&#46; ordered')
    expect(escapeMarkdown('# heading')).toBe('&#35;&#8203; heading')
    expect(escapeMarkdown('> quote')).toBe('&gt; quote')
    expect(escapeMarkdown('a-b.c')).toBe('a-b.c')
    for (const hostile of ['- item', '1. one', '# h', '> q', '    code', '***', '===', '```']) {
      expect(render(`${escapeMarkdown(hostile)}\n`)).toMatch(/^<p>[^<]*<\/p>\n$/)
    }
  })

  it('shows line breaks, controls and invisible characters', () => {
    expect(escapeMarkdown('a\nb\r\tc')).toBe('a&#92;nb&#92;r&#92;tc')
    expect(escapeMarkdown('abc\u202edef')).toBe('abc&lt;U+202E&gt;def')
    expect(escapeMarkdown('a\u200db\u200bc\ufeff')).toBe(
      'a&lt;U+200D&gt;b&lt;U+200B&gt;c&lt;U+FEFF&gt;'
    )
    expect(escapeMarkdown('\u001b[31m')).toBe('&lt;U+001B&gt;&#91;31m')
    expect(escapeMarkdown('x\ud800y')).toBe('x\ufffdy')
    expect(escapeMarkdown('tag\u{e0041}')).toBe('tag&lt;U+E0041&gt;')
    expect(escapeMarkdown('😀 日本')).toBe('😀 日本')
    expect(escapeMarkdown(' dog  ')).toBe('␠dog␠␠')
  })

  it('never lets a raw special character through, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), text => {
        const escaped = escapeMarkdown(text)
        // only our own references use & and ;, and no raw syntax character remains
        expect(escaped.replace(/&(#\d+|amp|lt|gt|quot);/g, '')).not.toMatch(
          /[&<>"'\\`*[\]()!|~$^:#@{}\n\r\t\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/
        )
        expect(escaped).not.toMatch(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
        )
      }),
      { numRuns: 500 }
    )
  })
})

describe('escapeCode', () => {
  it('is an HTML code element that holds pipes inside a table', () => {
    expect(escapeCode('a|b`c')).toBe('<code>a&#124;b&#96;c</code>')
    const html = render(`| x |\n| --- |\n| ${escapeCode('a|b')} |\n`)
    expect(html).toContain('<td><code>a|b</code></td>')
  })
})

describe('escapeTerminal', () => {
  it('shows escape sequences and hidden characters instead of sending them', () => {
    expect(escapeTerminal('\u001b[2J\u001b]0;title\u0007red')).toBe(
      '<U+001B>[2J<U+001B>]0;title<U+0007>red'
    )
    expect(escapeTerminal('a\nb\u009bc\u202e')).toBe('a\\nb<U+009B>c<U+202E>')
    expect(escapeTerminal('plain <b> text')).toBe('plain <b> text')
  })
})

describe('truncate and visibleForm', () => {
  it('cuts between code points and marks the cut', () => {
    expect(truncate('abcdef', 4)).toBe('abc…')
    expect(truncate('😀😀😀', 2)).toBe('😀…')
    expect(truncate('😀😀', 2)).toBe('😀😀')
  })

  it('names hidden characters', () => {
    expect(visibleForm('a')).toBeNull()
    expect(visibleForm('\n')).toBe('\\n')
    expect(visibleForm('\u2066')).toBe('<U+2066>')
    expect(visibleForm('\udc00')).toBe('\ufffd')
  })
})
