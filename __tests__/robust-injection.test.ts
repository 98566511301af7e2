/**
 * No injection through data. Labels, video URIs and file names carrying HTML tags, `</details>`,
 * a look-alike of our hidden marker, table pipes, backticks, Markdown images and links
 * (`javascript:` included), mentions, issue references, bare URLs and bidirectional overrides are
 * gated; the comment (at full size and cut down to small budgets) and the job summary are rendered
 * to HTML with micromark + GFM, raw HTML allowed as GitHub does, and the HTML is checked: no tag we
 * do not write, no image, no link but the workflow run, no `javascript:`, balanced `<details>`,
 * tables that keep their column count, the marker exactly once, nothing GitHub would autolink, and
 * every hostile string still readable as text. The terminal rendering gets no escape sequences.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GateReport } from '../src/model.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { renderText } from '../src/report/text.js'
import { cleanRepos, gate, makeRepo } from './helpers/datasets.js'
import { expectInert, toHtml, visibleText } from './fixtures/hostile/html.js'
import { HOSTILE } from './fixtures/hostile/strings.js'

afterAll(cleanRepos)

const RUN_URL = 'https://github.com/octo-org/videos/actions/runs/42'
const HEAD = 'ab'.repeat(20)

/** A field for a CSV row: quoted, quotes doubled. */
const q = (text: string) => `"${text.replace(/"/g, '""')}"`

function hostileRows(): string {
  const lines: string[] = []
  HOSTILE.forEach((label, i) => {
    // Each hostile label has 3 TRAIN and 1 TEST videos; each hostile URI is in TRAIN and TEST.
    for (let k = 0; k < 3; k++) lines.push(`training,gs://bucket/v/${i}_${k}.mp4,${q(label)},0,1`)
    lines.push(`test,gs://bucket/t/${i}.mp4,${q(label)},0,1`)
    const uri = i % 2 === 0 ? `gs://bucket/${label}.mp4` : label
    lines.push(`training,${q(uri)},cat,0,1`, `test,${q(uri)},cat,0,1`)
  })
  return lines.join('\n') + '\n'
}

/** File names: every hostile string that is a valid path (no NUL; `/` makes folders). */
const FILE_NAMES = [
  'data/<img src=x>.csv',
  'data/</details>.csv',
  'data/<!-- dataset-gate:dataset-gate head=abcdef0 -->.csv',
  'data/a|b.csv',
  'data/`tick`.csv',
  'data/[x](javascript:alert(1)).csv',
  'data/@octocat #123.csv',
  'data/![](beacon.png).csv'
]

let report: GateReport

beforeAll(async () => {
  const files: Record<string, string> = { 'data/hostile.csv': hostileRows() }
  for (const name of FILE_NAMES) {
    files[name] =
      `training,gs://bucket/f/${name.length}.mp4,${q(HOSTILE[name.length % HOSTILE.length]!)},0,1\n`
  }
  const root = await makeRepo(files)
  report = await gate(root, { config: 'max-findings-per-rule: 5000\n' })
})

describe('hostile labels, URIs and file names', () => {
  it('are gated: the report carries them as data', () => {
    const names = report.datasets.map(d => d.name)
    for (const name of FILE_NAMES) expect(names).toContain(name)
    const hostile = report.datasets.find(d => d.name === 'data/hostile.csv')!
    for (const label of HOSTILE) expect(Object.keys(hostile.splits.TRAIN!.classes)).toContain(label)
    expect(hostile.leaks.videos.length).toBeGreaterThanOrEqual(HOSTILE.length)
    expect(hostile.findings.some(f => f.rule === 'label-invalid')).toBe(true)
  })

  it('render inert in the comment', () => {
    const comment = renderMarkdown(report, {
      commentKey: 'dataset-gate',
      headSha: HEAD,
      runUrl: RUN_URL
    })
    const html = expectInert(comment, { runUrl: RUN_URL })
    expect(html).toContain(`<a href="${RUN_URL}">workflow run</a>`)
  })

  it.each([1000, 2500, 6000, 20000])('render inert in a comment cut to %i characters', maxChars => {
    const comment = renderMarkdown(report, {
      commentKey: 'dataset-gate',
      headSha: HEAD,
      runUrl: RUN_URL,
      maxChars
    })
    expect(comment.length).toBeLessThanOrEqual(maxChars)
    expectInert(comment, { runUrl: RUN_URL })
  })

  it('render inert in the job summary, where every hostile string is still readable', () => {
    const summary = renderMarkdown(report, {
      commentKey: 'dataset-gate',
      headSha: HEAD,
      runUrl: RUN_URL,
      full: true
    })
    const html = expectInert(summary, { runUrl: RUN_URL })
    // Shown, not swallowed: each string reads back as text (zero-width breaks removed, hidden
    // characters shown as <U+XXXX>).
    const text = visibleText(html).replace(/\u200b/g, '')
    for (const label of HOSTILE) expect(text).toContain(label.replace(/\u202e/g, '<U+202E>'))
    for (const name of FILE_NAMES) expect(text).toContain(name)
  })

  it('render inert without a run URL (the CLI): no link at all', () => {
    const html = expectInert(renderMarkdown(report, { commentKey: 'dataset-gate' }))
    expect(html).not.toContain('<a ')
  })

  it('cannot forge a second marker, whatever the comment key', () => {
    for (const commentKey of ['dataset-gate', 'other.key_2']) {
      const comment = renderMarkdown(report, { commentKey, maxChars: 3000 })
      expect(comment.split('<!--')).toHaveLength(2)
      expect(toHtml(comment).split('<!--')).toHaveLength(2)
    }
  })

  it('render without escape sequences or raw bidirectional characters in the terminal', () => {
    const text = renderText(report, { color: false })
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    expect(text).toContain('<U+202E>')
  })

  it('leave no raw hidden characters in any finding message of the JSON report', () => {
    for (const finding of report.datasets.flatMap(d => d.findings))
      expect(finding.message).not.toMatch(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/)
  })
})

describe('the HTML checks themselves', () => {
  const MARK = '<!-- dataset-gate:dataset-gate head=none -->\n\n'
  it.each([
    ['an image', `${MARK}![](https://x/beacon.png)`],
    ['a raw tag', `${MARK}<img src=x>`],
    ['a data link', `${MARK}[x](javascript:alert(1))`],
    ['a stray </details>', `${MARK}text\n\n</details>`],
    ['a second marker', `${MARK}<!-- dataset-gate:dataset-gate head=abcdef0 -->`],
    ['a mention', `${MARK}hi @octocat`],
    ['an issue reference', `${MARK}see #123`],
    ['a bare URL', `${MARK}go to https://evil.example`],
    ['a broken table row', `${MARK}| a | b |\n| --- | --- |\n| x | y | z |`],
    ['a raw bidirectional override', `${MARK}ev\u202eil`]
  ])('catch %s', (_name, markdown) => {
    expect(() => expectInert(markdown)).toThrow()
  })
})
