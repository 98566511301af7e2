/**
 * The class-share chart without a browser: which classes it shows and why, its axis, its labels,
 * the note when there is no chart, the Unicode share bars and the "changed most" table.
 * report-chart-mermaid.test.ts draws the charts with real Mermaid.
 */
import { describe, expect, it } from '@jest/globals'
import type { DatasetReport, Finding, SplitSummary } from '../src/model.js'
import { columnBars, rowBar } from '../src/report/bars.js'
import { classChart, roundAxisMax, shortfalls, type ClassChart } from '../src/report/chart.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { chartLabels, chartText } from '../src/report/mermaid.js'
import { changedClasses, classRows, shareCell, shareSplits } from '../src/report/sections.js'
import { renderText } from '../src/report/text.js'
import { loadReport } from './fixtures/reports/fixtures.js'
import { chartCategories, mermaidCharts } from './fixtures/reports/mermaid-lines.js'

function summary(counts: Record<string, number>): SplitSummary {
  const classes: SplitSummary['classes'] = {}
  let segments = 0
  for (const [name, n] of Object.entries(counts)) {
    classes[name] = { segments: n, videos: n, seconds: null }
    segments += n
  }
  return { segments, videos: segments, unlabeledVideos: 0, classes }
}

function dataset(
  splits: DatasetReport['splits'],
  findings: Finding[] = [],
  delta: DatasetReport['delta'] = null
): DatasetReport {
  const base = loadReport('ucf101-passing').datasets[0] as DatasetReport
  return { ...base, splits, findings, delta }
}

function chartOf(data: DatasetReport): ClassChart {
  const outcome = classChart(data)
  if (outcome === null || !('chart' in outcome)) throw new Error('no chart')
  return outcome.chart
}

const perClass = (
  rule: 'min-per-class' | 'recommended-per-class',
  name: string,
  have: number,
  need: number
): Finding => ({
  rule,
  severity: rule === 'min-per-class' ? 'error' : 'warning',
  message: `class "${name}" has ${have} videos in all splits; at least ${need} are required. Add ${need - have} more.`,
  file: null,
  line: null,
  split: null,
  class: name,
  measure: have
})

describe('classChart', () => {
  it('shows every class of a small dataset as shares, largest TRAIN share first', () => {
    const chart = chartOf(
      dataset({ TRAIN: summary({ a: 30, b: 60, c: 10 }), TEST: summary({ a: 10, b: 10 }) })
    )
    expect(chart.splits).toEqual(['TRAIN', 'TEST'])
    expect(chart.classes.map(row => row.name)).toEqual(['b', 'a', 'c'])
    expect(chart.classes[0]?.shares).toEqual([0.6, 0.5])
    expect(chart.classCount).toBe(3)
    expect(chart.axisMax).toBe(0.6)
    expect(chart.missing).toEqual([{ name: 'c', splits: ['TEST'] }])
    expect(chart.largestDifferences[0]?.name).toBe('a')
  })

  it('picks the classes to look at from 400: missing, rarest with threshold, largest shifts', () => {
    const train: Record<string, number> = {}
    const test: Record<string, number> = {}
    for (let i = 0; i < 400; i++) {
      const name = `class ${String(i).padStart(3, '0')}`
      train[name] = 50
      test[name] = 95
    }
    train['class 007'] = 10 // rarest
    test['class 100'] = 300 // shifted towards TEST
    test['class 200'] = 5 // shifted away
    delete test['class 300'] // missing from TEST
    delete train['class 301'] // only in TEST
    const findings = [perClass('min-per-class', 'class 007', 10, 20)]
    const chart = chartOf(dataset({ TRAIN: summary(train), TEST: summary(test) }, findings))
    const names = chart.classes.map(row => row.name)
    expect(names).toHaveLength(20)
    expect(chart.classCount).toBe(400)
    expect(names).toEqual(
      expect.arrayContaining(['class 007', 'class 100', 'class 200', 'class 300', 'class 301'])
    )
    expect(chart.rare).toEqual([
      {
        name: 'class 007',
        shortfall: { rule: 'min-per-class', have: 10, need: 20, unit: 'videos' }
      }
    ])
    const first = chart.classes.map(row => row.shares[0] ?? 0)
    expect(first).toEqual([...first].sort((a, b) => b - a))
    expect(chart.axisMax).toBeGreaterThanOrEqual(
      Math.max(...chart.classes.flatMap(row => row.shares))
    )
  })

  it('gives a one-line note instead of a chart when only one split has labelled segments', () => {
    const outcome = classChart(dataset({ TRAIN: summary({ a: 3, b: 4 }) }))
    expect(outcome).toEqual({
      note: 'No class-share chart: it compares TRAIN, VALIDATION and TEST, and only TRAIN has labelled segments.'
    })
    expect(classChart(dataset({}))).toBeNull()
    const markdown = renderMarkdown(
      { ...loadReport('ucf101-passing'), datasets: [dataset({ TRAIN: summary({ a: 3, b: 4 }) })] },
      { commentKey: 'dataset-gate' }
    )
    expect(markdown).toContain(
      '\nNo class-share chart: it compares TRAIN, VALIDATION and TEST, and only TRAIN'
    )
    expect(mermaidCharts(markdown)).toEqual([])
  })

  it('charts VALIDATION against TEST when there is no TRAIN split', () => {
    const chart = chartOf(
      dataset({ VALIDATION: summary({ a: 5, b: 5 }), TEST: summary({ a: 9, b: 10 }) })
    )
    expect(chart.splits).toEqual(['VALIDATION', 'TEST'])
  })

  it('compares TRAIN, VALIDATION and TEST, not the handful of UNASSIGNED rows', () => {
    const data = dataset({
      TRAIN: summary({ a: 50, b: 50 }),
      TEST: summary({ a: 10, b: 10 }),
      UNASSIGNED: summary({ a: 3 })
    })
    expect(shareSplits(data)).toEqual(['TRAIN', 'TEST'])
    expect(shareSplits(dataset({ UNASSIGNED: summary({ a: 3 }) }))).toEqual(['UNASSIGNED'])
  })

  it('reads the threshold and count of per-class findings', () => {
    const found = shortfalls(
      dataset({}, [
        perClass('recommended-per-class', 'x', 29, 200),
        {
          ...perClass('recommended-per-class', 'y', 0, 0),
          message:
            'class "y" has 1,234 segments in TRAIN; a good model wants 1,000 with more than 50 classes.',
          measure: undefined as unknown as number
        }
      ])
    )
    expect(found.get('x')).toEqual({
      rule: 'recommended-per-class',
      have: 29,
      need: 200,
      unit: 'videos'
    })
    expect(found.get('y')).toEqual({
      rule: 'recommended-per-class',
      have: 1234,
      need: 1000,
      unit: 'segments'
    })
  })
})

describe('roundAxisMax', () => {
  it('rounds up to a value whose ticks do not overlap, never past 100%', () => {
    expect(roundAxisMax(0.316)).toBe(0.4)
    expect(roundAxisMax(0.265)).toBe(0.3)
    expect(roundAxisMax(0.0026)).toBe(0.004)
    expect(roundAxisMax(0.0031)).toBe(0.004)
    expect(roundAxisMax(0.14)).toBe(0.15)
    expect(roundAxisMax(1)).toBe(1)
    expect(roundAxisMax(0)).toBe(0.01)
  })
})

describe('chart labels', () => {
  it('keeps NFC text, combining marks and scripts, and replaces only what breaks Mermaid', () => {
    expect(chartText('Cafe\u0301')).toBe('Café')
    expect(chartText('पढ़ाई')).toBe('पढ़ाई'.normalize('NFC'))
    expect(chartText('日本語 😀')).toBe('日本語 😀')
    expect(chartText("a'b [x] (y) & z; 100% {}")).toBe("a'b [x] (y) & z; 100% {}")
    expect(chartText('a"b')).toBe('a”b')
    expect(chartText('<img src=x>')).toBe('‹img src=x>')
    expect(chartText('%%{init: {}}%%')).toBe('％％{init: {}}％％')
    expect(chartText('x #quot; y &#60;')).toBe('x ＃quot; y &＃60;')
    expect(chartText('ﬂ°°34¶ß')).toBe('fl°°34¶ss')
    expect(chartText('##[add-mask]x')).toBe('#＃[add-mask]x')
    expect(chartText('  dog ')).toBe('␠␠dog␠')
    expect(chartText('a\u202eb\nc')).toBe('a‹U+202E›b\\nc')
    expect(chartText('')).toBe('(empty)')
  })

  it('cuts long labels, in the middle when the ends coincide, and numbers what is still equal', () => {
    const labels = chartLabels([
      'passing American football (in game)',
      'passing American football (not in game)',
      'Café',
      'Cafe\u0301',
      'a"b',
      'a”b',
      'dog',
      'dog (2)'
    ])
    expect(labels).toEqual([
      'passing Americ…all (in game)',
      'passing Americ…(not in game)',
      'Café',
      'Café (2)',
      'a”b',
      'a”b (2)',
      'dog',
      'dog (2)'
    ])
    expect(new Set(labels).size).toBe(labels.length)
    expect(chartLabels(['x'.repeat(40)])).toEqual(['x'.repeat(27) + '…'])
    expect(chartLabels(['a  b', 'a b'])).toEqual(['a  b', 'a b (2)'])
    expect(chartLabels(['e\u0301', 'é', 'é (2)'])).toEqual(['é', 'é (2)', 'é (2) (2)'])
  })
})

describe('Unicode bars', () => {
  it('draws one column bar per split and a bar in eighths', () => {
    expect(columnBars([0.316, 0.205, 0], 0.316)).toBe('█▅·')
    expect(columnBars([0.0001], 0.5)).toBe('▁')
    expect(rowBar(39, 39)).toBe('████████')
    expect(rowBar(2, 39)).toBe('▍')
    expect(rowBar(0, 39)).toBe('')
  })

  it('adds a share column to the per-class tables of the comment and the terminal', () => {
    const report = loadReport('kitchen-failing')
    const data = report.datasets[0] as DatasetReport
    const chop = classRows(data)[0]!
    expect(shareCell(chop, shareSplits(data), 0.265)).toBe('▇▇█ 22.4% · 24.0% · 26.5%')
    expect(renderMarkdown(report, { commentKey: 'k' })).toContain(
      '| chop | 840 (+39) / 271 (+9) | 96 / 34 | 150 / 52 |   | 1,086 | ▇▇█ 22.4% · 24.0% · 26.5% |'
    )
    expect(renderText(report)).toMatch(
      /\n {2}chop +840 \(\+39\) \/ 271 \(\+9\) .* 1,086 {2}▇▇█ 22\.4% · 24\.0% · 26\.5%\n/
    )
  })
})

describe('classes this change altered most', () => {
  it('orders classes by segments added and removed, with signed per-split changes', () => {
    const report = loadReport('kitchen-failing')
    const { classes, total } = changedClasses(report.datasets[0] as DatasetReport, 10)
    expect(classes.map(row => [row.name, row.moved])).toEqual([
      ['chop', 39],
      ['Chop', 24],
      ['crack_egg', 18],
      ['sear', 17],
      ['wipe_counter', 2]
    ])
    expect(total).toBe(5)
    const markdown = renderMarkdown(report, { commentKey: 'k' })
    expect(markdown).toContain('**Classes this change altered most**')
    expect(markdown).toContain('| chop | +39 (801 → 840) |   | ████████ 39 |')
    expect(markdown).toContain('| sear | removed (14) | removed (3) | ███▌ 17 |')
    expect(renderText(report)).toContain(
      '    Chop                  new: 24                 ████▉ 24'
    )
  })

  it('stays visible when the comment drops the per-class table to fit', () => {
    const markdown = renderMarkdown(loadReport('kitchen-failing'), {
      commentKey: 'k',
      maxChars: 6000
    })
    expect(markdown).toContain('left out to fit')
    expect(markdown).toContain('| chop | +39 (801 → 840) |')
  })

  it('charts at most 20 labels, the same ones the comment writes', () => {
    const markdown = renderMarkdown(loadReport('ucf101-passing'), { commentKey: 'k' })
    const [chart] = mermaidCharts(markdown)
    expect(chartCategories(chart as string).length).toBe(20)
  })
})
