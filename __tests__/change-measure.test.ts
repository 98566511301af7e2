/**
 * `fail-on: new` compares what a dataset-level finding measures: a finding that is on the base but
 * that the change made worse (a higher imbalance ratio, a class with fewer examples, a larger
 * Jensen-Shannon distance, ...) is new, and its message says from what to what.
 */
import { describe, expect, it } from '@jest/globals'
import { MEASURES, markNewFindings } from '../src/judge/new-findings.js'
import { judgeDataset } from '../src/judge/dataset-rules.js'
import type { DatasetTally } from '../src/analyze/tally.js'
import { FindingSink } from '../src/judge/findings.js'
import { RULES, defaultRuleSettings } from '../src/rules/catalogue.js'
import type { Finding, RuleId, SplitSummary } from '../src/model.js'

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'class-imbalance',
  severity: 'error',
  message: 'the most frequent class has 8.0x the segments of the least frequent.',
  file: null,
  line: null,
  split: null,
  class: null,
  fingerprint: 'class-imbalance',
  ...over
})

/** onBase and the message of one head finding marked against one base finding. */
function mark(base: Partial<Finding>, head: Partial<Finding>, baseRef?: string) {
  const [marked] = markNewFindings([finding(head)], [finding(base)], baseRef)
  return { onBase: marked!.onBase, message: marked!.message }
}

describe('markNewFindings with measures', () => {
  it('marks a class imbalance the change made worse as new, and says by how much', () => {
    expect(mark({ measure: 8 }, { measure: 12, message: 'm.' }, 'main')).toEqual({
      onBase: false,
      message: 'm. Worse than on main: imbalance ratio from 8.0x to 12.0x.'
    })
  })

  it('keeps an imbalance that stayed the same or improved as old, message untouched', () => {
    expect(mark({ measure: 12 }, { measure: 12, message: 'm.' })).toEqual({
      onBase: true,
      message: 'm.'
    })
    expect(mark({ measure: 12 }, { measure: 8, message: 'm.' })).toEqual({
      onBase: true,
      message: 'm.'
    })
  })

  it('treats fewer examples of a class as worse for min-per-class', () => {
    const rule = { rule: 'min-per-class' as const, fingerprint: 'min-per-class:cat', class: 'cat' }
    expect(mark({ ...rule, measure: 40 }, { ...rule, measure: 3, message: 'm.' }, 'main')).toEqual({
      onBase: false,
      message: 'm. Worse than on main: examples from 40 to 3.'
    })
    expect(mark({ ...rule, measure: 3 }, { ...rule, measure: 40 }).onBase).toBe(true)
  })

  it('names the base "the base" when no ref is given', () => {
    expect(mark({ measure: 8 }, { measure: 9, message: 'm.' }).message).toBe(
      'm. Worse than on the base: imbalance ratio from 8.0x to 9.0x.'
    )
  })

  it('shows invisible characters of the base ref in the note', () => {
    expect(mark({ measure: 8 }, { measure: 9, message: 'm.' }, 'ma\u202ein').message).toBe(
      'm. Worse than on ma<U+202E>in: imbalance ratio from 8.0x to 9.0x.'
    )
  })

  const cases: [RuleId, better: number, worse: number, note: string][] = [
    ['min-classes', 3, 2, 'classes from 3 to 2'],
    ['max-classes', 1001, 1200, 'classes from 1001 to 1200'],
    ['min-per-class', 9, 4, 'examples from 9 to 4'],
    ['recommended-per-class', 90, 40, 'examples from 90 to 40'],
    ['few-videos', 8, 5, 'videos from 8 to 5'],
    ['class-imbalance', 150, 400, 'imbalance ratio from 150x to 400x'],
    ['split-distribution', 0.2, 0.35, 'Jensen-Shannon distance from 0.200 to 0.350'],
    [
      'split-ratio',
      0.02,
      0.05,
      'distance from the accepted TEST share from 2.0 percentage points to 5.0 percentage points'
    ],
    ['video-leakage', 2, 3, 'splits from 2 to 3'],
    ['group-leakage', 2, 4, 'splits from 2 to 4'],
    ['metadata-confounder', 0.55, 0.71, "Cramér's V from 0.55 to 0.71"]
  ]

  it.each(cases)(
    '%s: worse is new with a note, better or equal is old',
    (rule, good, bad, note) => {
      const same = { rule, fingerprint: `${rule}:x` }
      expect(
        mark({ ...same, measure: good }, { ...same, measure: bad, message: 'm.' }, 'main')
      ).toEqual({ onBase: false, message: `m. Worse than on main: ${note}.` })
      expect(mark({ ...same, measure: bad }, { ...same, measure: good }).onBase).toBe(true)
      expect(mark({ ...same, measure: bad }, { ...same, measure: bad }).onBase).toBe(true)
    }
  )

  it('decides a direction for every measured rule, and only for dataset rules', () => {
    expect(Object.keys(MEASURES).sort()).toEqual(cases.map(c => c[0]).sort())
    for (const rule of Object.keys(MEASURES) as RuleId[]) expect(RULES[rule].kind).toBe('dataset')
  })

  it('falls back to identity when either side has no usable measure', () => {
    expect(mark({}, { measure: 50 }).onBase).toBe(true)
    expect(mark({ measure: 5 }, {}).onBase).toBe(true)
    expect(mark({ measure: NaN }, { measure: 50 }).onBase).toBe(true)
    expect(mark({ measure: 5 }, { measure: Infinity }).onBase).toBe(true)
  })

  it('ignores rounding noise', () => {
    expect(mark({ measure: 0.1 + 0.2 }, { measure: 0.3 }).onBase).toBe(true)
    expect(mark({ measure: 12 }, { measure: 12 * (1 + 1e-12) }).onBase).toBe(true)
  })

  it('compares measures only for rules whose direction is known', () => {
    const rule = {
      rule: 'split-missing-class' as const,
      fingerprint: 'split-missing-class:TEST:cat'
    }
    expect(mark({ ...rule, measure: 1 }, { ...rule, measure: 9 }).onBase).toBe(true)
  })

  it('leaves an unmatched finding new and its message as it was', () => {
    const [marked] = markNewFindings(
      [finding({ fingerprint: 'min-per-class:dog', rule: 'min-per-class', measure: 1 })],
      [finding({ fingerprint: 'min-per-class:cat', rule: 'min-per-class', measure: 50 })],
      'main'
    )
    expect([marked!.onBase, marked!.message]).toEqual([false, finding({}).message])
  })

  it('compares each head finding with the base finding of the same identity', () => {
    const head = [
      finding({ rule: 'min-per-class', fingerprint: 'min-per-class:a', measure: 5 }),
      finding({ rule: 'min-per-class', fingerprint: 'min-per-class:b', measure: 5 })
    ]
    const base = [
      finding({ rule: 'min-per-class', fingerprint: 'min-per-class:b', measure: 9 }),
      finding({ rule: 'min-per-class', fingerprint: 'min-per-class:a', measure: 2 })
    ]
    expect(markNewFindings(head, base).map(f => f.onBase)).toEqual([true, false])
  })
})

/**
 * The measures come from judge/dataset-rules.ts. A tally and thresholds under which every measured
 * rule fires: two classes (a: 105 videos, b: 60), TRAIN and TEST far apart, one leaked video and
 * group, and a camera attribute that gives the class away.
 */
describe('the dataset rules set the measure MEASURES expects', () => {
  const summary = (a: number, b: number): SplitSummary => ({
    segments: a + b,
    videos: a + b,
    unlabeledVideos: 0,
    classes: {
      a: { segments: a, videos: a, seconds: null },
      b: { segments: b, videos: b, seconds: null }
    }
  })
  const leak = {
    key: 'gs://b/x.mp4',
    places: [
      { split: 'TRAIN' as const, file: 'd.csv', line: 2 },
      { split: 'TEST' as const, file: 'd.csv', line: 3 }
    ]
  }
  const tally: DatasetTally = {
    splits: { TRAIN: summary(100, 10), TEST: summary(5, 50) },
    classTotals: new Map([
      ['a', { segments: 105, videos: 105 }],
      ['b', { segments: 60, videos: 60 }]
    ]),
    totalVideos: 165,
    totalSegments: 165,
    videoLeaks: [leak],
    groupLeaks: [{ ...leak, key: 'group-1' }],
    groupPatternConfigured: true,
    labeledVideos: 165,
    multiLabelVideos: 0,
    multiLabelSegments: null,
    overlappingVideos: null,
    metadata: new Map([
      [
        'camera',
        new Map([
          ['c1', new Map([['a', 105]])],
          ['c2', new Map([['b', 60]])]
        ])
      ]
    ]),
    metadataVideos: 165
  }
  const settings = defaultRuleSettings()
  settings['min-classes'].options.min = 5
  settings['max-classes'].options.max = 1
  settings['min-per-class'].options.min = 1000
  settings['recommended-per-class'].options.min = 5000
  settings['class-imbalance'].options.warning = 1.2
  settings['split-distribution'].options['max-js-distance'] = 0
  settings['split-ratio'].options['min-test-share'] = 0.5
  settings['few-videos'].options['min-videos'] = 10_000
  settings['few-videos'].options['min-videos-per-class'] = 1000
  settings['metadata-confounder'].options['min-videos'] = 1
  settings['metadata-confounder'].options['max-cramers-v'] = 0.1
  for (const rule of Object.keys(MEASURES) as RuleId[]) settings[rule].severity = 'warning'

  const sink = new FindingSink(settings, 1000)
  judgeDataset(tally, settings, sink)
  const findings = sink.finish()
  const measureOf = (fingerprint: string) =>
    findings.find(f => f.fingerprint === fingerprint)?.measure

  it('on every finding of a measured rule', () => {
    const fired = new Set(findings.map(f => f.rule))
    for (const rule of Object.keys(MEASURES))
      expect([rule, fired.has(rule as RuleId)]).toEqual([rule, true])
    for (const finding of findings.filter(f => f.rule in MEASURES))
      expect([finding.fingerprint, Number.isFinite(finding.measure)]).toEqual([
        finding.fingerprint,
        true
      ])
  })

  it('with the value each rule is about', () => {
    expect(measureOf('min-classes')).toBe(2)
    expect(measureOf('max-classes')).toBe(2)
    expect(measureOf('min-per-class:b')).toBe(60)
    expect(measureOf('recommended-per-class:b')).toBe(10)
    expect(measureOf('class-imbalance')).toBeCloseTo(105 / 60, 9)
    expect(measureOf('split-distribution:TEST')).toBeGreaterThan(0.3)
    expect(measureOf('split-ratio')).toBeCloseTo(0.5 - 55 / 165, 9)
    expect(measureOf('video-leakage:gs://b/x.mp4')).toBe(2)
    expect(measureOf('group-leakage:group-1')).toBe(2)
    expect(measureOf('few-videos:dataset')).toBe(165)
    expect(measureOf('few-videos:b')).toBe(60)
    expect(measureOf('metadata-confounder:camera')).toBeCloseTo(1, 9)
  })
})
