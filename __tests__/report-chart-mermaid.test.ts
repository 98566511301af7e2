/**
 * The class-share chart drawn by real Mermaid 11 (the pinned dev dependency; github.com draws
 * with 11.x) in a headless Chromium: every chart the Markdown renderer writes for the fixture
 * reports and for random hostile labels parses, and the charts of the example, a 100-class, the
 * Kinetics-400 and a hostile-label dataset render without error, with the value axis from 0, a
 * legend naming the splits, and category labels that are drawn exactly as written (unique, NFC,
 * scripts intact). PNGs go to a temporary folder; `npm run chart-preview` keeps them for a person.
 *
 * Skipped, saying why, when no Chromium is installed (CI installs the Debian package).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type { DatasetReport, GateReport } from '../src/model.js'
import { formatCount } from '../src/report/format.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { chartLabels } from '../src/report/mermaid.js'
import { hostileLarge, FIXTURES, loadReport } from './fixtures/reports/fixtures.js'
import {
  CHART_DATASETS,
  chartDataset,
  cleanChartDatasets,
  HOSTILE_LABELS,
  KINETICS_PATH,
  type ChartDatasetName
} from './fixtures/reports/chart-datasets.js'
import {
  chartCategories,
  expectChartClean,
  mermaidCharts
} from './fixtures/reports/mermaid-lines.js'
import {
  findChromium,
  MermaidBrowser,
  MERMAID_VERSION
} from './fixtures/reports/mermaid-browser.js'

const KEY = 'dataset-gate'
const chromium = findChromium()
const skipReason = 'no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)'
if (chromium === null) console.warn(`report-chart-mermaid: skipped, ${skipReason}`)
const describeDrawn =
  chromium === null
    ? (name: string, fn: () => void) => describe.skip(`${name} [skipped: ${skipReason}]`, fn)
    : describe

/** A report whose one dataset has these labels in TRAIN and TEST, with made-up counts. */
function reportWithLabels(labels: string[]): GateReport {
  const report = loadReport('hostile')
  const base = report.datasets[0] as DatasetReport
  const split = (offset: number) => {
    const classes: Record<string, { segments: number; videos: number; seconds: null }> = {}
    labels.forEach((label, i) => {
      classes[label] = { segments: ((i * 13 + offset) % 40) + 1, videos: 1, seconds: null }
    })
    return { segments: 1, videos: 1, unlabeledVideos: 0, classes }
  }
  const dataset: DatasetReport = { ...base, splits: { TRAIN: split(0), TEST: split(7) } }
  return { ...report, datasets: [dataset] }
}

const hostileLabel = fc
  .array(
    fc.constantFrom(
      'a',
      ' ',
      '"',
      "'",
      '<',
      '>',
      '&',
      '#',
      ';',
      '%',
      '%%',
      '{',
      '}',
      '[',
      ']',
      '`',
      '\\',
      '\n',
      '\u202e',
      '\u200d',
      'e\u0301',
      'ढ़',
      '😀',
      '日本',
      '#quot;',
      '&amp;',
      '-->',
      '---',
      'ﬂ°',
      '##[',
      '¶ß',
      'init:',
      'x'.repeat(30)
    ),
    { maxLength: 12 }
  )
  .map(parts => parts.join(''))

describeDrawn(`Mermaid ${MERMAID_VERSION} in Chromium`, () => {
  let browser: MermaidBrowser
  const out = mkdtempSync(join(tmpdir(), 'dataset-gate-chart-test-'))

  beforeAll(async () => {
    browser = await MermaidBrowser.open(chromium as string)
  }, 60000)

  afterAll(async () => {
    await browser?.close()
    await cleanChartDatasets()
    rmSync(out, { recursive: true, force: true })
  })

  it('parses every chart written for the fixture reports and for random hostile labels', async () => {
    const reports: GateReport[] = [...FIXTURES.map(name => loadReport(name)), hostileLarge()]
    for (const labels of fc.sample(fc.uniqueArray(hostileLabel, { minLength: 1, maxLength: 30 }), {
      numRuns: 25,
      seed: 12
    })) {
      reports.push(reportWithLabels(labels))
    }
    let charts = 0
    for (const report of reports) {
      for (const maxChars of [65536, 8000]) {
        for (const chart of mermaidCharts(renderMarkdown(report, { commentKey: KEY, maxChars }))) {
          expectChartClean(chart)
          expect(await browser.parse(chart)).toBeNull()
          charts++
        }
      }
    }
    expect(charts).toBeGreaterThan(50)
  })

  it('draws hostile labels exactly as written, one category each', async () => {
    for (const labels of fc.sample(fc.uniqueArray(hostileLabel, { minLength: 2, maxLength: 20 }), {
      numRuns: 8,
      seed: 7
    })) {
      const [chart] = mermaidCharts(renderMarkdown(reportWithLabels(labels), { commentKey: KEY }))
      const drawn = await browser.draw(chart as string)
      expect(drawn.error).toBeNull()
      expect(drawn.categories).toEqual(chartCategories(chart as string))
      expect(drawn.bars).toBe(labels.length)
    }
  })

  const drawnCharts = new Map<ChartDatasetName, { chart: string; report: GateReport }>()

  for (const name of CHART_DATASETS) {
    it(`renders the ${name} dataset's chart to PNG: no error, axis from 0, labels unique and intact`, async () => {
      const report = await chartDataset(name)
      if (report === null) {
        console.warn(`report-chart-mermaid: ${name} skipped, ${KINETICS_PATH} is absent`)
        return
      }
      const markdown = renderMarkdown(report, { commentKey: KEY })
      expect(markdown.length).toBeLessThanOrEqual(65536)
      const charts = mermaidCharts(markdown)
      expect(charts).toHaveLength(1)
      const chart = charts[0] as string
      drawnCharts.set(name, { chart, report })
      const png = join(out, `${name}.png`)
      const drawn = await browser.draw(chart, png)
      expect(drawn.error).toBeNull()
      expect(statSync(png).size).toBeGreaterThan(5000)
      expect(drawn.ticks[0]).toBe('0')
      const written = chartCategories(chart)
      expect(drawn.categories).toEqual(written)
      expect(new Set(drawn.categories).size).toBe(drawn.categories.length)
      expect(drawn.categories.length).toBeGreaterThan(1)
      expect(drawn.categories.length).toBeLessThanOrEqual(20)
      expect(drawn.bars).toBe(written.length)
      expect(drawn.legend).toEqual(['TRAIN', 'TEST'])
      const classes = (report.datasets[0] as DatasetReport).metrics.classCount
      expect(drawn.title).toBe(
        `${written.length} of ${formatCount(classes)} classes: share of each split (%)`
      )
    }, 60000)
  }

  it("shows the example dataset's rarest class and its largest shift", () => {
    const example = drawnCharts.get('example')
    if (example === undefined) throw new Error('the example chart was not drawn')
    const dataset = example.report.datasets[0] as DatasetReport
    const shift = dataset.metrics.splitDistance[0]?.topShifts[0]?.class as string
    const counts = Object.entries(dataset.splits.TRAIN?.classes ?? {}).sort(
      (a, b) => a[1].segments - b[1].segments
    )
    const rarest = counts[0]?.[0] as string
    expect(chartCategories(example.chart)).toEqual(expect.arrayContaining([shift, rarest]))
  })

  it('keeps NFD "Café", Devanagari and both long Kinetics-like labels apart and intact', () => {
    const hostile = drawnCharts.get('hostile')
    if (hostile === undefined) throw new Error('the hostile chart was not drawn')
    const categories = chartCategories(hostile.chart)
    expect(categories).toEqual(expect.arrayContaining(['Café', 'Café (2)']))
    expect(categories).toContain('नमस्ते दुनिया'.normalize('NFC'))
    expect(categories).toContain('पढ़ाई'.normalize('NFC'))
    expect(categories).toContain('a”b')
    expect(categories).toContain("a'b")
    const football = categories.filter(label => label.startsWith('passing Americ'))
    expect(new Set(football).size).toBe(2)
    expect(chartLabels([...HOSTILE_LABELS])).toEqual(expect.arrayContaining(categories))
  })
})
