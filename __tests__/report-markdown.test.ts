import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import type { DatasetReport, Finding, GateReport, RuleId, Split } from '../src/model.js'
import { SPLITS, countFindings } from '../src/model.js'
import { RULE_IDS } from '../src/model.js'
import {
  COMMENT_MAX_CHARS,
  renderMarkdown,
  SUMMARY_MAX_BYTES,
  utf8Length
} from '../src/report/markdown.js'
import { commentMarker, hasMarker, parseMarker } from '../src/comment-marker.js'
import { gateReportSchema } from '../src/report/schema.js'
import { expectGolden, FIXTURES, hostileLarge, loadReport } from './fixtures/reports/fixtures.js'
import {
  chartCategories,
  expectMermaidClean,
  mermaidCharts,
  withoutCharts
} from './fixtures/reports/mermaid-lines.js'

const KEY = 'dataset-gate'
const SHA = '3f1c2e9a7b6d5c4e3f2a1b0c9d8e7f6a5b4c3d2e'
const RUN_URL = 'https://github.com/acme/datasets/actions/runs/123456789'

/** How GitHub renders a comment: GFM, raw HTML allowed (GitHub sanitizes it afterwards). */
function render(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  })
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1
}

/** The text a reader sees: tags removed, character references decoded (raw HTML keeps them). */
function visibleText(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
  return html
    .replace(/<pre>[^]*?<\/pre>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) {
        return String.fromCodePoint(parseInt(body.slice(2), 16))
      }
      if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10))
      return named[body] ?? entity
    })
}

/** Everything a rendered comment must never contain, whatever the dataset says. */
function expectSafe(markdown: string, allowedHrefs: string[] = []): void {
  // the marker, once, on the first line, and no other HTML comment
  expect(count(markdown, '<!-- dataset-gate:')).toBe(1)
  expect(count(markdown, '<!--')).toBe(1)
  expect(markdown.startsWith(`<!-- dataset-gate:${KEY} `)).toBe(true)
  // nothing dangerous or invisible survives in the source (a Mermaid block is code: GitHub
  // neither links nor parses HTML in it, and its labels are checked by expectMermaidClean)
  expect(withoutCharts(markdown)).not.toMatch(/<img|<script|<a |javascript:/i)
  expect(markdown).not.toMatch(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/
  )
  expect(markdown).not.toMatch(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
  )

  const html = render(markdown)
  expect(html).not.toMatch(/<img/i)
  const hrefs = [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map(match => match[1])
  for (const href of hrefs) expect(allowedHrefs).toContain(href)
  expect(html).not.toMatch(/(?:href|src)="\s*javascript:/i)
  // our <details> are balanced and nothing from a CSV opened or closed one
  const opened = markdown.split('\n').filter(line => line.startsWith('<details>')).length
  expect(count(html, '<details>')).toBe(opened)
  expect(count(html, '</details>')).toBe(opened)
  expect(count(html, '<summary>')).toBe(opened)

  const text = visibleText(html)
  // GitHub links @mentions, #refs and bare URLs after rendering, on the decoded text
  expect(text).not.toMatch(/(^|[^\w])@[a-z0-9]/i)
  expect(text).not.toMatch(/#\d/)
  expect(text).not.toMatch(/(?:https?|ftp):\/\//i)
  expect(text).not.toMatch(/\bwww\./i)
  expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200c-\u200f\ufeff\u0000-\u0008\u001b]/)

  // only our own Mermaid statements, with labels Mermaid takes as written
  expectMermaidClean(markdown)

  expectTablesWellFormed(markdown, html)
}

/** Every row of every table has as many cells as its header, in the source and in the HTML. */
function expectTablesWellFormed(markdown: string, html: string): void {
  const lines = markdown.split('\n')
  let columns: number | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (!line.startsWith('|')) {
      columns = null
      continue
    }
    const cells = count(line, '|') - 1
    if (columns === null) {
      columns = cells
      expect(lines[i + 1]).toMatch(/^\|(?: (?:---|--:) \|)+$/)
    } else expect({ line, cells }).toEqual({ line, cells: columns })
  }
  for (const table of html.split('<table>').slice(1)) {
    const body = table.slice(0, table.indexOf('</table>'))
    const header = body.slice(0, body.indexOf('</thead>')).split(/<th[ >]/).length - 1
    expect(header).toBeGreaterThan(0)
    for (const row of body.split('<tr>').slice(2)) {
      expect(row.split(/<td[ >]/).length - 1).toBe(header)
    }
  }
}

describe('renderMarkdown on the fixture reports', () => {
  for (const name of FIXTURES) {
    it(`renders ${name} like the golden file`, () => {
      const markdown = renderMarkdown(loadReport(name), {
        commentKey: KEY,
        headSha: SHA,
        runUrl: RUN_URL
      })
      expect(markdown.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS)
      expectSafe(markdown, [RUN_URL])
      expectGolden(`${name}.md`, markdown)
    })
  }

  it('degrades the large hostile report to fit the comment limit', () => {
    const markdown = renderMarkdown(hostileLarge(), { commentKey: KEY, headSha: SHA })
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS)
    expect(markdown).toContain('more findings (see the job summary or the JSON report)')
    expectSafe(markdown)
    expectGolden('hostile-large.md', markdown)
  })

  it('keeps the large hostile report within 3,000 characters', () => {
    const markdown = renderMarkdown(hostileLarge(), { commentKey: KEY, maxChars: 3000 })
    expect(markdown.length).toBeLessThanOrEqual(3000)
    // The five worst (dataset-level) findings fit; the rest are counted, not dropped silently.
    expect(markdown).toContain(
      '… and 19,995 more findings (see the job summary or the JSON report).'
    )
    expectSafe(markdown)
  })

  it('keeps the worst findings when it drops the other sections', () => {
    const markdown = renderMarkdown(loadReport('kitchen-failing'), {
      commentKey: KEY,
      maxChars: 3000
    })
    expect(markdown.length).toBeLessThanOrEqual(3000)
    expect(markdown).toContain('| ❌ error | `group-leakage` | dataset |')
    expect(markdown).toContain('… and 17 more findings (see the job summary or the JSON report).')
    expectSafe(markdown)
  })

  it('cuts at a line with a visible notice when even the least detail does not fit', () => {
    const small = loadReport('hostile')
    const many = { ...small, datasets: Array.from({ length: 40 }, () => small.datasets).flat() }
    const markdown = renderMarkdown(many, { commentKey: KEY, maxChars: 3000 })
    expect(markdown.length).toBeLessThanOrEqual(3000)
    expect(markdown).toMatch(/\n\n> \[!WARNING\]\n> This report was cut to fit .*\n$/)
    expectSafe(markdown)
  })

  it('lists too many datasets as one table, failing ones first, so a cut drops the quiet ones', () => {
    const small = loadReport('hostile')
    const clean = (i: number): DatasetReport => ({
      ...small.datasets[0]!,
      name: `data/day-${String(i).padStart(4, '0')}.csv`,
      findings: [],
      counts: { error: 0, warning: 0, notice: 0 }
    })
    const failing = {
      ...small.datasets[0]!,
      name: 'data/zz-last-by-name.csv'
    }
    const many: GateReport = {
      ...small,
      datasets: [...Array.from({ length: 2500 }, (_, i) => clean(i)), failing]
    }
    const markdown = renderMarkdown(many, { commentKey: KEY })
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS)
    expect(markdown).toContain('### 2,501 datasets, the worst first')
    const rows = markdown.split('\n').filter(line => /^\| (❌|⚠️|ℹ️|✅) /.test(line))
    const errors = failing.counts.error
    expect(rows[0]).toMatch(
      new RegExp(
        `^\\| ❌ data/zz-last-by-name\\.csv \\| ${errors} \\| \\d+ \\| \\d+ \\| \`[a-z-]+\` `
      )
    )
    expect(rows[1]).toBe('| ✅ data/day-0000.csv | 0 | 0 | 0 |   |')
    expect(markdown).toMatch(/\n\n> \[!WARNING\]\n> This report was cut to fit .*\n$/)
    expectSafe(markdown)
    // Datasets that fit as sections, even with no detail left, are shown as sections.
    const few = renderMarkdown({ ...many, datasets: many.datasets.slice(-40) }, { commentKey: KEY })
    expect(few).not.toContain('the worst first')
  })

  it('says a dataset has findings when none of them fit, not "1 more"', () => {
    const small = loadReport('hostile')
    const many = { ...small, datasets: Array.from({ length: 40 }, () => small.datasets).flat() }
    const markdown = renderMarkdown(many, { commentKey: KEY, maxChars: 20000 })
    expect(markdown).not.toMatch(/… and \d[\d,]* more findings? \(/)
    expect(markdown).toMatch(
      /\n\d[\d,]* findings? not shown here \(see the job summary or the JSON report\)\.\n/
    )
  })

  it('fits the job summary in 1 MiB of UTF-8 with full detail when it can', () => {
    const kitchen = renderMarkdown(loadReport('kitchen-failing'), { commentKey: KEY, full: true })
    expect(kitchen).toBe(renderMarkdown(loadReport('kitchen-failing'), { commentKey: KEY }))
    const large = renderMarkdown(hostileLarge(), { commentKey: KEY, full: true })
    expect(utf8Length(large)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(large.length).toBeGreaterThan(COMMENT_MAX_CHARS)
    expect(large).not.toContain('the job summary or')
    expectSafe(large)
  })

  it('shows a failing verdict, the counts, the base-config note and the notes', () => {
    const markdown = renderMarkdown(loadReport('kitchen-failing'), { commentKey: KEY })
    const lines = markdown.split('\n')
    expect(lines[0]).toBe('<!-- dataset-gate:dataset-gate head=none -->')
    expect(lines[1]).toBe('## ❌ Dataset gate failed')
    expect(markdown).toContain('**10 errors, 10 warnings, 2 notices** in 1 dataset')
    expect(markdown).toContain(
      'Configuration read from the base branch because this change edits it.'
    )
    expect(markdown).toContain(
      'No file matches the configured pattern data/kitchen/extra/&#42;.csv.'
    )
  })

  it('lists findings worst first, errors before warnings before notices', () => {
    const markdown = renderMarkdown(loadReport('kitchen-failing'), { commentKey: KEY })
    const severities = markdown
      .split('\n')
      .filter(line => /^\| (❌|⚠️|ℹ️) /.test(line))
      .map(line => line.split(' ')[2])
    const rank = { error: 0, warning: 1, notice: 2 } as Record<string, number>
    const ranks = severities.map(severity => rank[severity as string])
    expect(ranks).toEqual([...ranks].sort())
    expect(ranks).toHaveLength(22)
  })

  it('shows per-class changes against the base, including a class the change removed', () => {
    const markdown = renderMarkdown(loadReport('kitchen-failing'), { commentKey: KEY })
    expect(markdown).toContain('| chop | 840 (+39) / 271 (+9) |')
    expect(markdown).toContain('| Chop | 24 / 8 (new) |')
    expect(markdown).toContain('| sear | 0 (-14) / 0 (-5) |   | 0 (-3) / 0 (-1) |   | 0 |')
  })

  it('draws each split\'s class shares, from 0, with named series and "K of N classes"', () => {
    const markdown = renderMarkdown(loadReport('ucf101-passing'), { commentKey: KEY })
    const [chart] = mermaidCharts(markdown)
    expect(chart).toMatch(/^ {2}title "20 of 101 classes: share of each split \(%\)"$/m)
    expect(chart).toMatch(/^ {2}y-axis "% of the split's labelled segments" 0 --> \d/m)
    expect(chart).toMatch(/^ {2}bar "TRAIN" \[/m)
    expect(chart).toMatch(/^ {2}line "TEST" \[/m)
    expect(chartCategories(chart as string)).toHaveLength(20)
    expect(markdown).toContain('for 20 of 101 classes: those whose shares differ most between')
  })

  it('keeps the chart at every level down to the most compact, and says so when it cannot', () => {
    const report = loadReport('kitchen-failing')
    for (const maxChars of [COMMENT_MAX_CHARS, 12000, 6000, 4000]) {
      const markdown = renderMarkdown(report, { commentKey: KEY, maxChars })
      expect({ maxChars, charts: mermaidCharts(markdown).length }).toEqual({ maxChars, charts: 1 })
    }
    const large = renderMarkdown(hostileLarge(), { commentKey: KEY })
    expect(mermaidCharts(large)).toHaveLength(2)
    const tiny = renderMarkdown(hostileLarge(), { commentKey: KEY, maxChars: 3000 })
    expect(tiny).toContain('Chart left out to fit.')
  })

  it('records the head SHA in the marker and renders the run link', () => {
    const markdown = renderMarkdown(loadReport('ucf101-passing'), {
      commentKey: 'data-gate.v2',
      headSha: SHA.toUpperCase(),
      runUrl: RUN_URL
    })
    expect(parseMarker(markdown, 'data-gate.v2')).toBe(SHA)
    expect(markdown).toContain(`[workflow run](${RUN_URL})`)
    const hostile = renderMarkdown(loadReport('ucf101-passing'), {
      commentKey: KEY,
      runUrl: 'javascript:alert(1)//https://x'
    })
    expect(hostile).not.toContain('workflow run')
  })

  it('escapes the title', () => {
    const markdown = renderMarkdown(loadReport('ucf101-passing'), {
      commentKey: KEY,
      title: '<img src=x> @octocat'
    })
    expect(markdown.split('\n')[1]).toBe('## ✅ &lt;img src=x&gt; &#64;&#8203;octocat passed')
  })

  it('rejects a budget too small for the verdict and an invalid comment key', () => {
    const report = loadReport('ucf101-passing')
    expect(() => renderMarkdown(report, { commentKey: KEY, maxChars: 500 })).toThrow(RangeError)
    expect(() => renderMarkdown(report, { commentKey: 'x -->' })).toThrow(/comment-key/)
    expect(() => renderMarkdown(report, { commentKey: KEY, headSha: 'evil' })).toThrow(/head SHA/)
  })

  it('says so when there is no dataset', () => {
    const report: GateReport = {
      schemaVersion: 1,
      passed: true,
      failOn: 'error',
      counts: { error: 0, warning: 0, notice: 0 },
      datasets: [],
      notes: []
    }
    const markdown = renderMarkdown(report, { commentKey: KEY })
    expect(markdown).toContain('No dataset files were checked.')
    expectSafe(markdown)
  })
})

describe('comment marker', () => {
  it('round-trips the head SHA, or none', () => {
    expect(commentMarker(KEY, SHA)).toBe(`<!-- dataset-gate:dataset-gate head=${SHA} -->`)
    expect(parseMarker(commentMarker(KEY, SHA) + '\nbody', KEY)).toBe(SHA)
    expect(parseMarker(commentMarker(KEY) + '\nbody', KEY)).toBeNull()
    expect(hasMarker(commentMarker(KEY) + '\nbody', KEY)).toBe(true)
  })

  it('matches only its own key, at the start of the body', () => {
    const body = commentMarker('dataset-gate-2', SHA) + '\r\nbody'
    expect(hasMarker(body, 'dataset-gate-2')).toBe(true)
    expect(hasMarker(body, KEY)).toBe(false)
    expect(hasMarker(`quoted:\n${commentMarker(KEY, SHA)}`, KEY)).toBe(false)
    expect(parseMarker('<!-- dataset-gate:dataset-gate head=evil -->', KEY)).toBeNull()
    expect(hasMarker('<!-- dataset-gateXdataset-gate head=none -->', 'dataset.gate')).toBe(false)
  })
})

/** Labels and messages from characters and fragments that each break something if not escaped. */
const hostileText = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      '0',
      ' ',
      '_',
      '<',
      '>',
      '&',
      '|',
      '`',
      '```',
      '*',
      '[',
      ']',
      '(',
      ')',
      '!',
      '#',
      '@',
      ':',
      '\\',
      '\n',
      '\r',
      '\t',
      '\u0000',
      '\u001b',
      '\u202e',
      '\u200d',
      '\ufeff',
      '\ud800',
      '😀',
      '日本',
      '<!--',
      '-->',
      '</details>',
      '<details>',
      'http://',
      'www.',
      'javascript:',
      '![](x)',
      '@octocat',
      '#123',
      '%%'
    ),
    { maxLength: 40 }
  )
  .map(parts => parts.join(''))

const splitArb = fc.constantFrom<Split>(...SPLITS)
const countArb = fc.nat({ max: 100000 })

const findingArb: fc.Arbitrary<Finding> = fc.record({
  rule: fc.constantFrom<RuleId>(...RULE_IDS),
  severity: fc.constantFrom('error' as const, 'warning' as const, 'notice' as const),
  message: hostileText,
  file: fc.option(hostileText, { nil: null }),
  line: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: null }),
  split: fc.option(splitArb, { nil: null }),
  class: fc.option(hostileText, { nil: null })
})

const datasetArb: fc.Arbitrary<DatasetReport> = fc
  .record({
    name: hostileText,
    labels: fc.uniqueArray(hostileText, { maxLength: 150 }),
    splits: fc.subarray([...SPLITS]),
    findings: fc.array(findingArb, { maxLength: 400 }),
    leaks: fc.array(fc.tuple(hostileText, hostileText), { maxLength: 30 }),
    seed: countArb,
    withDelta: fc.boolean()
  })
  .map(({ name, labels, splits, findings, leaks, seed, withDelta }) => {
    const summaries: DatasetReport['splits'] = {}
    for (const [s, split] of splits.entries()) {
      const classes: Record<string, { segments: number; videos: number; seconds: null }> = {}
      labels.forEach((label, i) => {
        const segments = ((i + 1) * (seed + s * 31 + 7)) % 5000
        classes[label] = { segments, videos: Math.ceil(segments / 2), seconds: null }
      })
      summaries[split] = { segments: seed, videos: seed, unlabeledVideos: seed % 3, classes }
    }
    return {
      name,
      files: leaks.map(([path]) => ({
        path,
        format: 'vertex-csv' as const,
        rows: seed,
        split: null,
        bytes: seed * 40
      })),
      splits: summaries,
      metrics: {
        classCount: labels.length,
        imbalanceRatio: labels.length > 0 ? 1 + (seed % 300) : null,
        splitDistance:
          splits.length > 1
            ? [
                {
                  a: splits[0] as Split,
                  b: splits[1] as Split,
                  jsDistance: (seed % 1000) / 1000,
                  lInf: (seed % 100) / 100,
                  chiSquareP: 1 / (seed + 1),
                  chiSquare: seed,
                  degreesOfFreedom: labels.length,
                  noiseFloor: 0.05,
                  topShifts: labels.slice(0, 5).map(label => ({ class: label, a: 0.1, b: 0.2 }))
                }
              ]
            : [],
        leakedVideos: leaks.length,
        leakedGroups: 0,
        multiLabelVideoShare: 0,
        multiLabelSegmentShare: 0,
        overlappingMultiLabelVideos: 0,
        confounders: [],
        totalVideos: seed,
        totalSegments: seed
      },
      leaks: {
        videos: leaks.map(([key, file], i) => ({
          key,
          places: [
            { split: 'TRAIN' as const, file, line: i + 1 },
            { split: 'TEST' as const, file: key, line: i + 2 }
          ]
        })),
        groups: []
      },
      findings,
      counts: countFindings(findings),
      delta: withDelta
        ? {
            baseRef: name,
            classes: labels.slice(0, 20).map((label, i) => ({
              class: label,
              split: 'TRAIN' as const,
              base: i % 2 === 0 ? { segments: i, videos: i, seconds: null } : null,
              head: i % 3 === 0 ? null : { segments: i * 2, videos: i, seconds: null }
            })),
            addedVideos: seed,
            removedVideos: seed % 7,
            movedVideos: leaks.map(([key]) => ({
              key,
              from: ['TEST' as const],
              to: ['TRAIN' as const]
            })),
            relabeledVideos: leaks.map(([key, label]) => ({ key, from: [label], to: [key, label] }))
          }
        : null
    }
  })

const reportArb: fc.Arbitrary<GateReport> = fc
  .record({
    datasets: fc.array(datasetArb, { maxLength: 3 }),
    notes: fc.array(hostileText, { maxLength: 5 }),
    passed: fc.boolean(),
    failOn: fc.constantFrom('error' as const, 'warning' as const, 'never' as const, 'new' as const),
    configFromBase: fc.option(fc.boolean(), { nil: undefined })
  })
  .map(({ datasets, notes, passed, failOn, configFromBase }) => {
    const counts = { error: 0, warning: 0, notice: 0 }
    for (const finding of datasets.flatMap(dataset => dataset.findings)) counts[finding.severity]++
    const report: GateReport = { schemaVersion: 1, passed, failOn, counts, datasets, notes }
    if (configFromBase !== undefined) report.configFromBase = configFromBase
    return report
  })

describe('renderMarkdown on random hostile reports', () => {
  it('generates reports the schema accepts', () => {
    fc.assert(
      fc.property(reportArb, report => {
        expect(gateReportSchema.safeParse(report).success).toBe(true)
      }),
      { numRuns: 20 }
    )
  })

  it('always fits maxChars and carries the marker exactly once', () => {
    fc.assert(
      fc.property(
        reportArb,
        fc.constantFrom(1000, 3000, 8000, COMMENT_MAX_CHARS),
        (report, maxChars) => {
          const markdown = renderMarkdown(report, { commentKey: KEY, headSha: SHA, maxChars })
          expect(markdown.length).toBeLessThanOrEqual(maxChars)
          expect(count(markdown, '<!--')).toBe(1)
          expect(parseMarker(markdown, KEY)).toBe(SHA)
          const lines = markdown.split('\n')
          const opened = lines.filter(line => line.startsWith('<details>')).length
          expect(lines.filter(line => line === '</details>')).toHaveLength(opened)
          expect(lines.filter(line => line.startsWith('```')).length % 2).toBe(0)
        }
      ),
      { numRuns: 150 }
    )
  })

  it('renders safely in GFM', () => {
    fc.assert(
      fc.property(reportArb, report => {
        expectSafe(renderMarkdown(report, { commentKey: KEY, maxChars: 20000 }))
      }),
      { numRuns: 40 }
    )
  })
})
