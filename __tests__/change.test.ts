import { describe, expect, it } from '@jest/globals'
import { compareSnapshots } from '../src/judge/change.js'
import { markNewFindings } from '../src/judge/new-findings.js'
import { defaultRuleSettings, type RuleSettings } from '../src/rules/catalogue.js'
import {
  SPLITS,
  type DatasetReport,
  type DatasetSnapshot,
  type Finding,
  type Split,
  type SplitDistance
} from '../src/model.js'

/** A video: key, its splits, its labels (one row per label and split). */
type VideoRow = [key: string, splits: Split[], labels: string[]]

interface SnapshotOptions {
  frozen?: Partial<Record<Split, [row: string, file: string, line: number][]>>
  distances?: Partial<SplitDistance>[]
  imbalanceRatio?: number | null
}

/** Builds a snapshot whose report counts agree with its videos (segments = rows). */
function snapshot(videos: VideoRow[], options: SnapshotOptions = {}): DatasetSnapshot {
  const splits: DatasetReport['splits'] = {}
  const map: DatasetSnapshot['videos'] = new Map()
  for (const [key, inSplits, labels] of videos) {
    let mask = 0
    for (const split of inSplits) {
      mask |= 1 << SPLITS.indexOf(split)
      const summary = (splits[split] ??= {
        segments: 0,
        videos: 0,
        unlabeledVideos: 0,
        classes: {}
      })
      summary.videos++
      for (const label of labels) {
        summary.segments++
        const c = (summary.classes[label] ??= { segments: 0, videos: 0, seconds: null })
        c.segments++
        c.videos++
      }
    }
    map.set(key, { splits: mask, labels: [...labels].sort() })
  }
  const classes = new Set(videos.flatMap(v => v[2]))
  const report: DatasetReport = {
    name: 'd',
    files: [],
    splits,
    metrics: {
      classCount: classes.size,
      imbalanceRatio: options.imbalanceRatio ?? null,
      splitDistance: (options.distances ?? []).map(d => ({
        a: 'TRAIN',
        b: 'TEST',
        jsDistance: 0,
        lInf: 0,
        chiSquareP: 1,
        chiSquare: 0,
        degreesOfFreedom: 1,
        noiseFloor: 0,
        topShifts: [],
        ...d
      })),
      leakedVideos: 0,
      leakedGroups: 0,
      multiLabelVideoShare: 0,
      multiLabelSegmentShare: 0,
      overlappingMultiLabelVideos: 0,
      confounders: [],
      totalVideos: map.size,
      totalSegments: 0
    },
    leaks: { videos: [], groups: [] },
    findings: [],
    counts: { error: 0, warning: 0, notice: 0 },
    delta: null
  }
  const frozenRows: DatasetSnapshot['frozenRows'] = new Map()
  for (const [split, rows] of Object.entries(options.frozen ?? {})) {
    frozenRows.set(split as Split, new Map(rows.map(([row, file, line]) => [row, { file, line }])))
  }
  return { name: 'd', report, videos: map, frozenRows }
}

function settingsWith(change: (s: RuleSettings) => void): RuleSettings {
  const settings = defaultRuleSettings()
  change(settings)
  return settings
}

/** `n` videos of one class in one split: gs://b/<prefix><i>.mp4 */
function many(prefix: string, n: number, split: Split, label: string): VideoRow[] {
  return Array.from(
    { length: n },
    (_, i) => [`gs://b/${prefix}${i}.mp4`, [split], [label]] as VideoRow
  )
}

const defaults = defaultRuleSettings()

describe('compareSnapshots: delta', () => {
  it('counts added, removed, moved and relabeled videos and pairs class counts by split', () => {
    const base = snapshot([
      ['gs://b/a.mp4', ['TRAIN'], ['cat']],
      ['gs://b/b.mp4', ['TEST'], ['dog']],
      ['gs://b/c.mp4', ['TRAIN'], ['dog']],
      ['gs://b/gone.mp4', ['TRAIN'], ['cat']]
    ])
    const head = snapshot([
      ['gs://b/a.mp4', ['TRAIN'], ['dog']],
      ['gs://b/b.mp4', ['VALIDATION'], ['dog']],
      ['gs://b/c.mp4', ['TRAIN'], ['dog']],
      ['gs://b/new.mp4', ['TEST'], ['bird']]
    ])
    const { delta } = compareSnapshots(base, head, defaults, 'main')
    expect(delta.baseRef).toBe('main')
    expect(delta.addedVideos).toBe(1)
    expect(delta.removedVideos).toBe(1)
    expect(delta.movedVideos).toEqual([{ key: 'gs://b/b.mp4', from: ['TEST'], to: ['VALIDATION'] }])
    expect(delta.relabeledVideos).toEqual([{ key: 'gs://b/a.mp4', from: ['cat'], to: ['dog'] }])
    expect(
      delta.classes.map(
        c => `${c.class}/${c.split}:${c.base?.segments ?? '-'}>${c.head?.segments ?? '-'}`
      )
    ).toEqual([
      'bird/TEST:->1',
      'cat/TRAIN:2>-',
      'dog/TRAIN:1>2',
      'dog/VALIDATION:->1',
      'dog/TEST:1>-'
    ])
  })

  it('treats a dataset absent on the base as all added, with no change findings', () => {
    const head = snapshot([
      ['gs://b/a.mp4', ['TRAIN'], ['cat']],
      ['gs://b/b.mp4', ['TEST'], ['cat']]
    ])
    const { delta, findings } = compareSnapshots(null, head, defaults, 'base 1234567')
    expect(delta.addedVideos).toBe(2)
    expect(delta.removedVideos).toBe(0)
    expect(delta.classes.every(c => c.base === null)).toBe(true)
    expect(findings).toEqual([])
  })

  it('reports nothing for identical snapshots', () => {
    const rows: VideoRow[] = [...many('t', 12, 'TRAIN', 'cat'), ...many('s', 12, 'TEST', 'dog')]
    const { delta, findings } = compareSnapshots(snapshot(rows), snapshot(rows), defaults, 'main')
    expect(findings).toEqual([])
    expect(delta.movedVideos).toEqual([])
    expect(delta.relabeledVideos).toEqual([])
    expect(delta.addedVideos + delta.removedVideos).toBe(0)
  })
})

describe('compareSnapshots: split-move', () => {
  it('is an error for TEST -> TRAIN and a warning for other moves', () => {
    const base = snapshot([
      ['gs://b/t.mp4', ['TEST'], ['cat']],
      ['gs://b/v.mp4', ['VALIDATION'], ['cat']],
      ['gs://b/x.mp4', ['TRAIN'], ['dog']]
    ])
    const head = snapshot([
      ['gs://b/t.mp4', ['TRAIN'], ['cat']],
      ['gs://b/v.mp4', ['TRAIN'], ['cat']],
      ['gs://b/x.mp4', ['TEST'], ['dog']]
    ])
    const { findings } = compareSnapshots(base, head, defaults, 'main')
    const moves = findings.filter(f => f.rule === 'split-move')
    expect(moves.map(f => [f.severity, f.split, f.class])).toEqual([
      ['error', 'TRAIN', 'cat'],
      ['warning', 'TRAIN', 'cat'],
      ['warning', 'TEST', 'dog']
    ])
    expect(moves[0]!.message).toContain('gs://b/t.mp4 moved from TEST to TRAIN since main')
    expect(moves[0]!.fingerprint).toBe('split-move|gs://b/t.mp4|TEST>TRAIN')
  })

  it('counts a test video that is now in TEST and TRAIN as a move into TRAIN', () => {
    const base = snapshot([['gs://b/t.mp4', ['TEST'], ['cat']]])
    const head = snapshot([['gs://b/t.mp4', ['TRAIN', 'TEST'], ['cat']]])
    const [finding] = compareSnapshots(base, head, defaults, 'main').findings
    expect(finding).toMatchObject({ rule: 'split-move', severity: 'error' })
    expect(finding!.message).toContain('from TEST to TRAIN + TEST')
  })

  it('honours the test-to-train option and the rule severity', () => {
    const base = snapshot([
      ['gs://b/t.mp4', ['TEST'], ['cat']],
      ['gs://b/x.mp4', ['TRAIN'], ['dog']]
    ])
    const head = snapshot([
      ['gs://b/t.mp4', ['TRAIN'], ['cat']],
      ['gs://b/x.mp4', ['TEST'], ['dog']]
    ])
    const relaxed = settingsWith(s => {
      s['split-move'].options['test-to-train'] = 'off'
      s['split-move'].severity = 'notice'
    })
    expect(compareSnapshots(base, head, relaxed, 'main').findings.map(f => f.severity)).toEqual([
      'notice'
    ])
    const off = settingsWith(s => (s['split-move'].severity = 'off'))
    expect(compareSnapshots(base, head, off, 'main').findings).toEqual([])
  })
})

describe('compareSnapshots: frozen-split', () => {
  const base = snapshot([], {
    frozen: {
      TEST: [
        ['gs://b/a.mp4\u0000cat\u00000\u0000inf', 'data/test.csv', 1],
        ['gs://b/b.mp4\u0000dog\u00000\u0000inf', 'data/test.csv', 2]
      ]
    }
  })
  const head = snapshot([], {
    frozen: {
      TEST: [
        ['gs://b/a.mp4\u0000cat\u00000\u0000inf', 'data/test.csv', 1],
        ['gs://b/b.mp4\u0000bird\u00000\u0000inf', 'data/test.csv', 2],
        ['gs://b/c.mp4\u0000dog\u00000\u0000inf', 'data/test.csv', 3]
      ]
    }
  })

  it('is off by default', () => {
    expect(compareSnapshots(base, head, defaults, 'main').findings).toEqual([])
  })

  it('reports added rows at their head line and removed rows by their base line', () => {
    const on = settingsWith(s => (s['frozen-split'].severity = 'error'))
    const findings = compareSnapshots(base, head, on, 'main').findings
    expect(findings.map(f => [f.severity, f.file, f.line, f.split])).toEqual([
      ['error', 'data/test.csv', 2, 'TEST'],
      ['error', 'data/test.csv', 3, 'TEST'],
      ['error', 'data/test.csv', null, 'TEST']
    ])
    expect(findings[0]!.message).toContain(
      '"gs://b/b.mp4, bird, 0, inf" was added to the frozen TEST split'
    )
    expect(findings[2]!.message).toContain(
      'removed from the frozen TEST split (data/test.csv:2 on main)'
    )
  })

  it('only watches the configured splits', () => {
    const trainOnly = settingsWith(s => {
      s['frozen-split'].severity = 'error'
      s['frozen-split'].options.splits = ['TRAIN']
    })
    expect(compareSnapshots(base, head, trainOnly, 'main').findings).toEqual([])
  })
})

describe('compareSnapshots: class-regression', () => {
  it('fires when a class falls below min-per-class it met on the base', () => {
    const base = snapshot([...many('c', 10, 'TRAIN', 'cat'), ...many('d', 10, 'TRAIN', 'dog')])
    const head = snapshot([...many('c', 9, 'TRAIN', 'cat'), ...many('d', 10, 'TRAIN', 'dog')])
    const findings = compareSnapshots(base, head, defaults, 'main').findings
    const minimum = findings.filter(f => f.fingerprint === 'class-regression|min-per-class|cat')
    expect(minimum).toHaveLength(1)
    expect(minimum[0]).toMatchObject({ severity: 'warning', class: 'cat', split: null })
    expect(minimum[0]!.message).toBe(
      'Class "cat" drops from 10 to 9 videos (all splits), below the minimum of 10 it met on main. Restore the removed examples or add new ones.'
    )
  })

  it('does not fire for a class that was already below, or was removed entirely', () => {
    const base = snapshot([...many('c', 5, 'TRAIN', 'cat'), ...many('d', 12, 'TRAIN', 'dog')])
    const head = snapshot([...many('c', 4, 'TRAIN', 'cat')])
    const findings = compareSnapshots(base, head, defaults, 'main').findings
    expect(findings.filter(f => f.rule === 'class-regression')).toEqual([])
  })

  it('uses per-class thresholds and skips checks whose rule is off', () => {
    const base = snapshot([...many('c', 5, 'TRAIN', 'cat')])
    const head = snapshot([...many('c', 4, 'TRAIN', 'cat')])
    const perClass = settingsWith(s => (s['min-per-class'].options.classes = { cat: 5 }))
    expect(compareSnapshots(base, head, perClass, 'main').findings.map(f => f.fingerprint)).toEqual(
      ['class-regression|min-per-class|cat']
    )
    const minimumOff = settingsWith(s => {
      s['min-per-class'].options.classes = { cat: 5 }
      s['min-per-class'].severity = 'off'
    })
    expect(compareSnapshots(base, head, minimumOff, 'main').findings).toEqual([])
    const ruleOff = settingsWith(s => {
      s['min-per-class'].options.classes = { cat: 5 }
      s['class-regression'].severity = 'error'
    })
    expect(compareSnapshots(base, head, ruleOff, 'main').findings.map(f => f.severity)).toEqual([
      'error'
    ])
  })

  it('fires when a class falls below the recommended TRAIN count, with how many it needs', () => {
    const settings = settingsWith(s => (s['recommended-per-class'].options.min = 20))
    const base = snapshot([...many('c', 20, 'TRAIN', 'cat'), ...many('t', 3, 'TEST', 'cat')])
    const head = snapshot([...many('c', 17, 'TRAIN', 'cat'), ...many('t', 6, 'TEST', 'cat')])
    const findings = compareSnapshots(base, head, settings, 'main').findings
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'class-regression',
        split: 'TRAIN',
        class: 'cat',
        message: expect.stringContaining(
          'drops from 20 to 17 TRAIN segments, below the recommended 20'
        ) as unknown
      })
    ])
    expect(findings[0]!.message).toContain('needs 3 more')
  })

  it('fires when a split distance gets worse past both the threshold and the noise floor', () => {
    const rows = many('c', 12, 'TRAIN', 'cat')
    const worse = compareSnapshots(
      snapshot(rows, { distances: [{ jsDistance: 0.05 }] }),
      snapshot(rows, { distances: [{ jsDistance: 0.2, noiseFloor: 0.1 }] }),
      defaults,
      'main'
    ).findings
    expect(worse.map(f => [f.fingerprint, f.split])).toEqual([
      ['class-regression|split-distribution|TRAIN|TEST', 'TEST']
    ])
    expect(worse[0]!.message).toContain('0.050 on main, 0.200 now, past the threshold 0.100')

    const withinNoise = compareSnapshots(
      snapshot(rows, { distances: [{ jsDistance: 0.05 }] }),
      snapshot(rows, { distances: [{ jsDistance: 0.2, noiseFloor: 0.3 }] }),
      defaults,
      'main'
    ).findings
    expect(withinNoise).toEqual([])

    const better = compareSnapshots(
      snapshot(rows, { distances: [{ jsDistance: 0.3 }] }),
      snapshot(rows, { distances: [{ jsDistance: 0.2 }] }),
      defaults,
      'main'
    ).findings
    expect(better).toEqual([])
  })

  it('fires when the imbalance ratio gets worse and is past the warning ratio', () => {
    const rows = many('c', 12, 'TRAIN', 'cat')
    const run = (before: number | null, after: number | null) =>
      compareSnapshots(
        snapshot(rows, { imbalanceRatio: before }),
        snapshot(rows, { imbalanceRatio: after }),
        defaults,
        'main'
      ).findings.map(f => f.message)
    expect(run(8, 12)).toEqual([
      'The class imbalance grows from 8.0x on main to 12.0x, past the warning ratio of 10.0x (most to least frequent class, segments). Add examples to the smallest classes rather than to the largest.'
    ])
    expect(run(50, 150)[0]).toContain('past the error ratio of 100x')
    expect(run(5, 9)).toEqual([])
    expect(run(20, 15)).toEqual([])
    expect(run(null, 15)).toEqual([])
  })
})

describe('markNewFindings', () => {
  const finding = (over: Partial<Finding>): Finding => ({
    rule: 'video-leakage',
    severity: 'error',
    message: 'm',
    file: null,
    line: null,
    split: null,
    class: null,
    ...over
  })

  it('matches by fingerprint regardless of message and line', () => {
    const head = [
      finding({ fingerprint: 'a', message: 'line 12', line: 12 }),
      finding({ fingerprint: 'b' })
    ]
    const base = [finding({ fingerprint: 'a', message: 'line 3', line: 3 })]
    expect(markNewFindings(head, base).map(f => f.onBase)).toEqual([true, false])
  })

  it('falls back to rule, file, split, class and the message without its numbers', () => {
    const head = [
      finding({ rule: 'class-imbalance', message: 'ratio 12.5x, limit 10x' }),
      finding({ rule: 'class-imbalance', message: 'ratio 12.5x, limit 10x', class: 'cat' }),
      finding({
        rule: 'row-shape',
        file: 'a.csv',
        line: 40,
        message: 'line 40: 3 fields, expected 4'
      }),
      finding({
        rule: 'row-shape',
        file: 'b.csv',
        line: 40,
        message: 'line 40: 3 fields, expected 4'
      })
    ]
    const base = [
      finding({ rule: 'class-imbalance', message: 'ratio 11.0x, limit 10x' }),
      finding({
        rule: 'row-shape',
        file: 'a.csv',
        line: 38,
        message: 'line 38: 3 fields, expected 4'
      })
    ]
    expect(markNewFindings(head, base).map(f => f.onBase)).toEqual([true, false, true, false])
  })

  it('marks everything new against an empty base', () => {
    expect(
      markNewFindings([finding({}), finding({ fingerprint: 'x' })], []).map(f => f.onBase)
    ).toEqual([false, false])
  })
})
