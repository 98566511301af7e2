/**
 * Dataset rules (rules.md, "Dataset rules") and the verdict through the whole engine. Most cases
 * start from a healthy Vertex CSV (three classes, 220 TRAIN and 60 TEST videos each) and change
 * one thing, so a rule is seen firing on exactly what it is about and staying quiet otherwise.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import {
  cleanRepos,
  dataset,
  findingsOf,
  gateFiles,
  only,
  rulesOf,
  seeded,
  shuffle,
  vertexRows
} from './helpers/datasets.js'
import type { DatasetReport, GateReport } from '../src/model.js'
import { ConfigError, parseConfig } from '../src/config/load.js'

afterAll(cleanRepos)

type Counts = Record<string, number>

/** One Vertex CSV `v.csv` with one video per row: `training` and `test` counts per class. */
async function gateSplits(
  training: Counts,
  test: Counts = {},
  config?: string
): Promise<GateReport> {
  return gateFiles(
    { 'v.csv': vertexRows({ training, test }) },
    config === undefined ? {} : { config }
  )
}

/** Rows without ML_USE: everything UNASSIGNED. */
async function gateUnassigned(perClass: Counts, config?: string): Promise<GateReport> {
  const rows = Object.entries(perClass).flatMap(([label, n]) =>
    Array.from({ length: n }, (_, i) => `gs://bucket/u/${label}/${i}.mp4,${label},0,inf`)
  )
  return gateFiles({ 'u.csv': rows.join('\n') + '\n' }, config === undefined ? {} : { config })
}

const HEALTHY_TRAIN: Counts = { run: 220, jump: 220, swim: 220 }
const HEALTHY_TEST: Counts = { run: 60, jump: 60, swim: 60 }

function classesOf(findings: { class: string | null }[]): (string | null)[] {
  return findings.map(f => f.class)
}

describe('a healthy dataset', () => {
  it('raises nothing but the multi-label notice, and its metrics are right', async () => {
    const report = await gateSplits(HEALTHY_TRAIN, HEALTHY_TEST)
    expect(rulesOf(report)).toEqual(['multi-label'])
    expect(report.passed).toBe(true)
    expect(report.counts).toEqual({ error: 0, warning: 0, notice: 1 })
    const d = only(report)
    expect(d.metrics).toMatchObject({
      classCount: 3,
      imbalanceRatio: 1,
      leakedVideos: 0,
      leakedGroups: 0,
      totalVideos: 840,
      totalSegments: 840,
      multiLabelVideoShare: 0
    })
    expect(d.metrics.splitDistance).toHaveLength(1)
    expect(d.metrics.splitDistance[0]).toMatchObject({
      a: 'TRAIN',
      b: 'TEST',
      jsDistance: 0,
      lInf: 0
    })
    expect(d.splits.TRAIN!.classes.run).toEqual({ segments: 220, videos: 220, seconds: null })
  })
})

describe('min-classes', () => {
  it('one class is an error', async () => {
    const report = await gateSplits({ run: 220 }, { run: 60 })
    const [f, ...rest] = findingsOf(report, 'min-classes')
    expect(rest).toEqual([])
    expect([f!.severity, f!.file, f!.line]).toEqual(['error', null, null])
    expect(f!.message).toMatch(/has 1 class; a classifier needs at least 2/)
  })

  it('no class at all reads "0 classes"', async () => {
    const report = await gateFiles({ 'u.csv': 'gs://bucket/a.mp4,,,\n' })
    expect(findingsOf(report, 'min-classes')[0]!.message).toMatch(/has 0 classes;/)
  })

  it('the minimum is configurable; quiet at or above it', async () => {
    const config = 'rules:\n  min-classes: { min: 4 }\n'
    expect(
      findingsOf(await gateSplits(HEALTHY_TRAIN, HEALTHY_TEST, config), 'min-classes')
    ).toHaveLength(1)
    expect(findingsOf(await gateSplits(HEALTHY_TRAIN, HEALTHY_TEST), 'min-classes')).toEqual([])
  })
})

describe('max-classes', () => {
  const classes = (n: number): Counts =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, 1]))

  it('more than 1000 labels is an error; 1000 is fine', async () => {
    const over = await gateUnassigned(classes(1001))
    const f = findingsOf(over, 'max-classes')
    expect(f).toHaveLength(1)
    expect(f[0]!.severity).toBe('error')
    expect(f[0]!.message).toMatch(
      /1,001 classes; at most 1,000 are accepted\. Merge or drop 1 class\./
    )
    expect(findingsOf(await gateUnassigned(classes(1000)), 'max-classes')).toEqual([])
  })

  it('the maximum is configurable', async () => {
    const report = await gateUnassigned(classes(4), 'rules:\n  max-classes: { max: 3 }\n')
    expect(findingsOf(report, 'max-classes')).toHaveLength(1)
  })
})

describe('min-per-class', () => {
  it('a class below 10 videos (all splits together) is an error that says how many to add', async () => {
    const report = await gateSplits({ ...HEALTHY_TRAIN, rare: 6 }, { ...HEALTHY_TEST, rare: 3 })
    const found = findingsOf(report, 'min-per-class')
    expect(classesOf(found)).toEqual(['rare'])
    expect(found[0]!.severity).toBe('error')
    expect(found[0]!.message).toMatch(
      /"rare" has 9 videos in all splits; at least 10 are required. Add 1 more/
    )
  })

  it('counts videos, not segments: one video with many segments is still one', async () => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => `gs://bucket/a/${i}.mp4,a,0,inf`),
      ...Array.from({ length: 30 }, (_, i) => `gs://bucket/b/long.mp4,b,${i},${i + 1}`)
    ]
    const report = await gateFiles({ 'u.csv': rows.join('\n') + '\n' })
    const found = findingsOf(report, 'min-per-class')
    expect(classesOf(found)).toEqual(['b'])
    expect(found[0]!.message).toMatch(/has 1 video in all splits/)
  })

  it('quiet at exactly 10 videos', async () => {
    const report = await gateSplits({ ...HEALTHY_TRAIN, rare: 7 }, { ...HEALTHY_TEST, rare: 3 })
    expect(findingsOf(report, 'min-per-class')).toEqual([])
  })

  it('per-class overrides lower or raise the minimum for the named class only', async () => {
    const config = 'rules:\n  min-per-class: { classes: { rare: 3, run: 500 } }\n'
    const report = await gateSplits(
      { ...HEALTHY_TRAIN, rare: 2, odd: 2 },
      { ...HEALTHY_TEST, rare: 1, odd: 1 },
      config
    )
    expect(classesOf(findingsOf(report, 'min-per-class')).sort()).toEqual(['odd', 'run'])
    const run = findingsOf(report, 'min-per-class').find(f => f.class === 'run')!
    expect(run.message).toMatch(
      /has 280 videos in all splits; at least 500 are required. Add 220 more/
    )
  })
})

describe('recommended-per-class', () => {
  it('a TRAIN class under 200 segments is a warning that says how many more it needs', async () => {
    const report = await gateSplits({ ...HEALTHY_TRAIN, jump: 199 }, HEALTHY_TEST)
    const found = findingsOf(report, 'recommended-per-class')
    expect(classesOf(found)).toEqual(['jump'])
    expect([found[0]!.severity, found[0]!.split]).toEqual(['warning', 'TRAIN'])
    expect(found[0]!.message).toMatch(
      /has 199 segments in TRAIN; a good model wants 200\. Add about 1 more/
    )
  })

  it('quiet at 200', async () => {
    const report = await gateSplits({ ...HEALTHY_TRAIN, jump: 200 }, HEALTHY_TEST)
    expect(findingsOf(report, 'recommended-per-class')).toEqual([])
  })

  it('wants 1000 when the dataset has more than 50 classes', async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`c${i}`, 300]))
    const fiftyOne = { ...fifty, c50: 300 }
    const at50 = await gateSplits(fifty)
    expect(findingsOf(at50, 'recommended-per-class')).toEqual([])
    const at51 = await gateSplits(fiftyOne)
    const found = findingsOf(at51, 'recommended-per-class')
    expect(found).toHaveLength(51)
    expect(found[0]!.message).toMatch(
      /has 300 segments in TRAIN; a good model wants 1,000 with more than 50 classes\. Add about 700 more/
    )
  })

  it('per-class overrides', async () => {
    const config = 'rules:\n  recommended-per-class: { classes: { rare: 50, run: 250 } }\n'
    const report = await gateSplits(
      { ...HEALTHY_TRAIN, rare: 60 },
      { ...HEALTHY_TEST, rare: 15 },
      config
    )
    const found = findingsOf(report, 'recommended-per-class')
    expect(classesOf(found)).toEqual(['run'])
    expect(found[0]!.message).toMatch(/wants 250\. Add about 30 more/)
  })

  it('with only UNASSIGNED rows it expects 80% of them in TRAIN', async () => {
    const report = await gateUnassigned({ a: 250, b: 240 })
    const found = findingsOf(report, 'recommended-per-class')
    expect(classesOf(found)).toEqual(['b']) // 0.8 * 240 = 192 < 200; 0.8 * 250 = 200
    expect(found[0]!.message).toMatch(/192 segments expected in TRAIN \(80% of UNASSIGNED\)/)
  })
})

describe('class-imbalance', () => {
  it('over 10x is a warning with the ratio and both classes', async () => {
    const report = await gateUnassigned({ big: 1100, small: 100 })
    const found = findingsOf(report, 'class-imbalance')
    expect(found).toHaveLength(1)
    expect(found[0]!.severity).toBe('warning')
    expect(found[0]!.message).toMatch(
      /class "big" has 11\.0x the segments of the least frequent class "small" \(1,100 vs 100\)/
    )
    expect(only(report).metrics.imbalanceRatio).toBe(11)
  })

  it('over 100x is an error', async () => {
    const report = await gateUnassigned({ big: 1010, small: 10 })
    const found = findingsOf(report, 'class-imbalance')
    expect(found.map(f => f.severity)).toEqual(['error'])
    expect(found[0]!.message).toMatch(/101\.0x/)
    expect(report.passed).toBe(false)
  })

  it('quiet at exactly 10x; thresholds are configurable', async () => {
    const at10 = await gateUnassigned({ big: 1000, small: 100 })
    expect(findingsOf(at10, 'class-imbalance')).toEqual([])
    expect(only(at10).metrics.imbalanceRatio).toBe(10)
    const strict = await gateUnassigned(
      { big: 1000, small: 100 },
      'rules:\n  class-imbalance: { warning: 2, error: 5 }\n'
    )
    expect(findingsOf(strict, 'class-imbalance').map(f => f.severity)).toEqual(['error'])
  })

  it('counts segments over all splits', async () => {
    const report = await gateSplits({ a: 300, b: 20 }, { a: 30, b: 10 })
    expect(only(report).metrics.imbalanceRatio).toBe(11)
    expect(findingsOf(report, 'class-imbalance')).toHaveLength(1)
  })
})

describe('split-missing-class', () => {
  it('a TEST class without TRAIN examples is an error; a TRAIN class without TEST is a warning', async () => {
    const report = await gateSplits(
      { ...HEALTHY_TRAIN, only_train: 220 },
      { ...HEALTHY_TEST, only_test: 60 }
    )
    const found = findingsOf(report, 'split-missing-class')
    expect(found.map(f => [f.class, f.split, f.severity])).toEqual([
      ['only_test', 'TEST', 'error'],
      ['only_train', 'TEST', 'warning']
    ])
    expect(found[0]!.message).toMatch(/cannot be learned/)
    expect(found[1]!.message).toMatch(/cannot be evaluated/)
  })

  it('a VALIDATION class without TRAIN examples is an error too', async () => {
    const report = await gateFiles({
      'v.csv':
        vertexRows({ training: HEALTHY_TRAIN, test: HEALTHY_TEST }) +
        'validation,gs://bucket/val/1.mp4,new_class,0,inf\n'
    })
    const found = findingsOf(report, 'split-missing-class')
    expect(found.map(f => [f.class, f.split, f.severity])).toEqual([
      ['new_class', 'VALIDATION', 'error']
    ])
  })

  it('quiet when every class is on both sides', async () => {
    const report = await gateSplits(HEALTHY_TRAIN, HEALTHY_TEST)
    expect(findingsOf(report, 'split-missing-class')).toEqual([])
  })
})

describe('split-ratio', () => {
  it('a TEST share of videos outside 10%-40% is a warning', async () => {
    const large = await gateSplits(HEALTHY_TRAIN, HEALTHY_TRAIN)
    const f = findingsOf(large, 'split-ratio')
    expect(f).toHaveLength(1)
    expect([f[0]!.severity, f[0]!.split]).toEqual(['warning', 'TEST'])
    expect(f[0]!.message).toMatch(/TEST holds 50\.0% of the videos \(660 of 1,320\)/)
    const small = await gateSplits(HEALTHY_TRAIN, { run: 10, jump: 10, swim: 10 })
    expect(findingsOf(small, 'split-ratio')[0]!.message).toMatch(/4\.3% .*too small|cannot measure/)
  })

  it('quiet inside the range; the range is configurable', async () => {
    expect(findingsOf(await gateSplits(HEALTHY_TRAIN, HEALTHY_TEST), 'split-ratio')).toEqual([])
    const config = 'rules:\n  split-ratio: { min-test-share: 0.25, max-test-share: 0.3 }\n'
    expect(
      findingsOf(await gateSplits(HEALTHY_TRAIN, HEALTHY_TEST, config), 'split-ratio')
    ).toHaveLength(1)
  })
})

describe('split-distribution', () => {
  /** A population of `size` items over `classes` classes with uneven weights. */
  function population(random: () => number, classes: number, size: number): string[] {
    const weights = Array.from({ length: classes }, () => 0.2 + random())
    const total = weights.reduce((a, b) => a + b, 0)
    return Array.from({ length: size }, () => {
      let r = random() * total
      let c = 0
      while (c < classes - 1 && r > weights[c]!) r -= weights[c++]!
      return `class_${c}`
    })
  }

  function splitRows(train: string[], test: string[]): string {
    return (
      [
        ...train.map((label, i) => `training,gs://bucket/tr/${i}.mp4,${label},0,inf`),
        ...test.map((label, i) => `test,gs://bucket/te/${i}.mp4,${label},0,inf`)
      ].join('\n') + '\n'
    )
  }

  it('stays quiet on random splits of one population, even with a tiny TEST split', async () => {
    const seen: { seed: number; classes: number; test: number; distance: number; floor: number }[] =
      []
    for (let seed = 1; seed <= 12; seed++) {
      const random = seeded(seed * 7919)
      const classes = 5 + Math.floor(random() * 16) // 5..20
      const testSize = 10 + Math.floor(random() * 21) // 10..30
      const items = shuffle(population(random, classes, 120 + Math.floor(random() * 200)), random)
      const report = await gateFiles({
        'v.csv': splitRows(items.slice(testSize), items.slice(0, testSize))
      })
      const d = only(report)
      const pair = d.metrics.splitDistance[0]!
      seen.push({
        seed,
        classes,
        test: testSize,
        distance: pair.jsDistance,
        floor: pair.noiseFloor
      })
      expect(findingsOf(report, 'split-distribution')).toEqual([])
    }
    // the raw distance of such tiny splits is far above 0.1: only the noise floor keeps them quiet
    expect(seen.filter(s => s.distance > 0.1).length).toBeGreaterThan(6)
    for (const s of seen) expect(s.floor).toBeGreaterThan(0)
  })

  it('stays quiet on a stratified split with a tiny TEST split', async () => {
    const train: Counts = {}
    const test: Counts = {}
    for (let i = 0; i < 20; i++) {
      train[`c${i}`] = 9
      test[`c${i}`] = 1
    }
    const report = await gateSplits(train, test)
    expect(findingsOf(report, 'split-distribution')).toEqual([])
  })

  it('fires on a genuinely shifted split and names the classes that moved', async () => {
    const report = await gateSplits(
      { a: 200, b: 200, c: 200, d: 200, e: 200 },
      { a: 120, b: 120, c: 4, d: 4, e: 2 }
    )
    const found = findingsOf(report, 'split-distribution')
    expect(found).toHaveLength(1)
    const f = found[0]!
    expect([f.severity, f.split]).toEqual(['warning', 'TEST'])
    expect(f.message).toMatch(/Jensen-Shannon distance 0\.\d{3} is above the threshold 0\.1/)
    expect(f.message).toMatch(/sampling noise/)
    expect(f.message).toContain('"a" 20.0% in TRAIN vs 48.0% in TEST')
    expect(f.message).toContain('"b" 20.0% in TRAIN vs 48.0% in TEST')
    const pair = only(report).metrics.splitDistance[0]!
    expect(pair.jsDistance).toBeGreaterThan(pair.noiseFloor)
    expect(pair.lInf).toBeCloseTo(0.28, 10)
    expect(pair.chiSquareP).toBeLessThan(1e-10)
    expect(
      pair.topShifts
        .slice(0, 2)
        .map(s => s.class)
        .sort()
    ).toEqual(['a', 'b'])
  })

  it('compares VALIDATION with TRAIN too', async () => {
    const rows =
      vertexRows({ training: { a: 200, b: 200, c: 200 }, test: { a: 50, b: 50, c: 50 } }) +
      Array.from(
        { length: 60 },
        (_, i) => `validation,gs://bucket/val/${i}.mp4,${i < 55 ? 'a' : 'b'},0,inf`
      ).join('\n') +
      '\n'
    const report = await gateFiles({ 'v.csv': rows })
    const found = findingsOf(report, 'split-distribution')
    expect(found.map(f => f.split)).toEqual(['VALIDATION'])
    expect(only(report).metrics.splitDistance.map(p => `${p.a}/${p.b}`)).toEqual([
      'TRAIN/TEST',
      'TRAIN/VALIDATION'
    ])
  })

  it('the threshold is configurable', async () => {
    const shifted = [
      { a: 200, b: 200, c: 200, d: 200, e: 200 },
      { a: 120, b: 120, c: 4, d: 4, e: 2 }
    ] as const
    const report = await gateSplits(
      shifted[0],
      shifted[1],
      'rules:\n  split-distribution: { max-js-distance: 0.9 }\n'
    )
    expect(findingsOf(report, 'split-distribution')).toEqual([])
  })
})

describe('video-leakage', () => {
  it('the same video in TRAIN and TEST is an error that lists both places', async () => {
    const report = await gateFiles({
      'index.csv': 'TRAIN,train.csv\nTEST,test.csv\n',
      'train.csv': 'gs://bucket/a.mp4,run,0,5\ngs://bucket/b.mp4,run,0,5\n',
      'test.csv': 'gs://bucket/c.mp4,run,0,5\ngs://bucket/a.mp4,run,5,10\n'
    })
    const found = findingsOf(report, 'video-leakage')
    expect(found).toHaveLength(1)
    const f = found[0]!
    expect([f.file, f.line, f.split, f.severity]).toEqual(['test.csv', 2, 'TEST', 'error'])
    expect(f.message).toContain('"gs://bucket/a.mp4"')
    expect(f.message).toContain('TRAIN (train.csv:1)')
    expect(f.message).toContain('TEST (test.csv:2)')
    const d = only(report)
    expect(d.metrics.leakedVideos).toBe(1)
    expect(d.leaks.videos).toEqual([
      {
        key: 'gs://bucket/a.mp4',
        places: [
          { split: 'TRAIN', file: 'train.csv', line: 1 },
          { split: 'TEST', file: 'test.csv', line: 2 }
        ]
      }
    ])
  })

  it('UNASSIGNED beside TEST leaks (UNASSIGNED may land in training)', async () => {
    const report = await gateFiles({
      'index.csv': 'TEST,test.csv\nUNASSIGNED,pool.csv\n',
      'test.csv': 'gs://bucket/a.mp4,run,0,5\n',
      'pool.csv': 'gs://bucket/a.mp4,run,5,9\ngs://bucket/b.mp4,run,0,5\n'
    })
    const found = findingsOf(report, 'video-leakage')
    expect(found.map(f => [f.file, f.line, f.split])).toEqual([['pool.csv', 1, 'UNASSIGNED']])
    expect(found[0]!.message).toContain('TEST (test.csv:1), UNASSIGNED (pool.csv:1)')
  })

  it('one video written two ways (%20 vs a space, doubled slash) is one video', async () => {
    const report = await gateFiles({
      'index.csv': 'TRAIN,train.csv\nTEST,test.csv\n',
      'train.csv': 'gs://bkt/a%20b.mp4,run,0,5\n',
      'test.csv': 'gs://bkt//a b.mp4,run,5,10\n'
    })
    const d = only(report)
    expect(d.metrics.totalVideos).toBe(1)
    expect(d.leaks.videos.map(l => l.key)).toEqual(['gs://bkt/a b.mp4'])
    expect(findingsOf(report, 'video-leakage')).toHaveLength(1)
  })

  it('quiet when each video stays in one split, however many segments it has', async () => {
    const report = await gateFiles({
      'index.csv': 'TRAIN,train.csv\nTEST,test.csv\n',
      'train.csv':
        'gs://bucket/a.mp4,run,0,5\ngs://bucket/a.mp4,run,5,10\ngs://bucket/a.mp4,jump,10,15\n',
      'test.csv': 'gs://bucket/b.mp4,run,0,5\ngs://bucket/b.mp4,jump,5,9\n'
    })
    expect(findingsOf(report, 'video-leakage')).toEqual([])
    expect(only(report).metrics.leakedVideos).toBe(0)
  })
})

describe('group-leakage', () => {
  const files = {
    'idx.csv': 'TRAIN,train.csv\nTEST,test.csv\n',
    'train.csv':
      [
        'gs://bucket/ucf/v_Run_g01_c01.avi,Run,0,inf',
        'gs://bucket/ucf/v_Run_g02_c01.avi,Run,0,inf',
        'gs://bucket/ucf/v_Jump_g01_c01.avi,Jump,0,inf'
      ].join('\n') + '\n',
    'test.csv':
      [
        'gs://bucket/ucf/v_Run_g03_c01.avi,Run,0,inf',
        'gs://bucket/ucf/v_Run_g01_c02.avi,Run,0,inf', // same group as train line 1
        'gs://bucket/ucf/v_Jump_g03_c01.avi,Jump,0,inf'
      ].join('\n') + '\n'
  }
  const withPattern = (pattern: string) =>
    `datasets:\n  - name: g\n    index: idx.csv\n    group-pattern: '${pattern}'\n`

  it('only runs with a group pattern', async () => {
    const report = await gateFiles(files)
    expect(findingsOf(report, 'group-leakage')).toEqual([])
    expect(only(report).leaks.groups).toEqual([])
  })

  it('a source group in two splits is an error naming the group and both places', async () => {
    const report = await gateFiles(files, { config: withPattern('v_(\\w+_g\\d+)_c\\d+') })
    const found = findingsOf(report, 'group-leakage')
    expect(found).toHaveLength(1)
    const f = found[0]!
    expect([f.file, f.line, f.split, f.severity]).toEqual(['test.csv', 2, 'TEST', 'error'])
    expect(f.message).toContain('"Run_g01"')
    expect(f.message).toContain('TRAIN (train.csv:1), TEST (test.csv:2)')
    expect(only(report).metrics.leakedGroups).toBe(1)
    expect(findingsOf(report, 'video-leakage')).toEqual([])
  })

  it('a capture named "group" wins over the first capture', async () => {
    // capture 1 is the class (Run and Jump would both leak); the named group is the bare gNN:
    // g01 is in both splits, g02 only in TRAIN, g03 only in TEST
    const report = await gateFiles(files, {
      config: withPattern('v_(\\w+)_(?P<group>g\\d+)_c\\d+')
    })
    expect(only(report).leaks.groups.map(g => g.key)).toEqual(['g01'])
    const found = findingsOf(report, 'group-leakage')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('"g01"')
  })

  it('quiet when the groups are disjoint', async () => {
    const report = await gateFiles(
      {
        ...files,
        'test.csv':
          'gs://bucket/ucf/v_Run_g03_c01.avi,Run,0,inf\ngs://bucket/ucf/v_Jump_g03_c01.avi,Jump,0,inf\n'
      },
      { config: withPattern('v_(\\w+_g\\d+)_c\\d+') }
    )
    expect(findingsOf(report, 'group-leakage')).toEqual([])
  })
})

describe('few-videos', () => {
  it('a class from fewer than 3 videos is a warning even with many segments', async () => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => `gs://bucket/a/${i}.mp4,a,0,inf`),
      ...Array.from({ length: 40 }, (_, i) => `gs://bucket/b/${i % 2}.mp4,b,${i},${i + 1}`)
    ]
    const report = await gateFiles({ 'u.csv': rows.join('\n') + '\n' })
    const found = findingsOf(report, 'few-videos')
    expect(classesOf(found)).toEqual(['b'])
    expect(found[0]!.severity).toBe('warning')
    expect(found[0]!.message).toMatch(/"b" comes from 2 videos \(40 segments\)/)
  })

  it('a dataset with fewer than 10 videos is a warning', async () => {
    const rows = Array.from(
      { length: 9 },
      (_, i) => `gs://bucket/x/${i}.mp4,${i % 3 === 0 ? 'a' : 'b'},0,inf`
    )
    const report = await gateFiles({ 'u.csv': rows.join('\n') + '\n' })
    const dataset = findingsOf(report, 'few-videos').filter(f => f.class === null)
    expect(dataset).toHaveLength(1)
    expect(dataset[0]!.message).toMatch(/only 9 videos/)
  })

  it('quiet with 3 videos per class and 10 videos in all', async () => {
    const rows = Array.from(
      { length: 10 },
      (_, i) => `gs://bucket/x/${i}.mp4,${i < 3 ? 'a' : 'b'},0,inf`
    )
    const report = await gateFiles({ 'u.csv': rows.join('\n') + '\n' })
    expect(findingsOf(report, 'few-videos')).toEqual([])
  })
})

describe('multi-label', () => {
  it('reports the shares of multi-label videos and segments and overlapping segments', async () => {
    const report = await gateFiles({
      'u.csv':
        [
          'gs://bucket/1.mp4,a,0,10',
          'gs://bucket/1.mp4,b,5,15', // overlaps a
          'gs://bucket/2.mp4,a,0,10',
          'gs://bucket/2.mp4,b,0,10', // same span
          'gs://bucket/3.mp4,a,0,10',
          'gs://bucket/3.mp4,b,10,20', // touching, END is exclusive: no overlap
          'gs://bucket/4.mp4,a,0,5'
        ].join('\n') + '\n'
    })
    const found = findingsOf(report, 'multi-label')
    expect(found).toHaveLength(1)
    expect(found[0]!.severity).toBe('notice')
    expect(found[0]!.message).toMatch(/75\.0% of videos carry more than one label/)
    expect(found[0]!.message).toMatch(/28\.6% of segments share their time span/)
    expect(found[0]!.message).toMatch(/2 videos have overlapping segments with different labels/)
    expect(found[0]!.message).toMatch(/multi-label model/)
    const m = only(report).metrics
    expect(m.multiLabelVideoShare).toBe(0.75)
    expect(m.multiLabelSegmentShare).toBeCloseTo(2 / 7, 10)
    expect(m.overlappingMultiLabelVideos).toBe(2)
  })

  it('recommends a multi-class setup when most videos carry one label', async () => {
    const single = findingsOf(await gateSplits(HEALTHY_TRAIN, HEALTHY_TEST), 'multi-label')
    expect(single).toHaveLength(1)
    expect(single[0]!.message).toMatch(/every video carries a single label/)
    expect(single[0]!.message).toMatch(/multi-class model/)
    const few = await gateFiles({
      'u.csv':
        [
          'gs://bucket/1.mp4,a,0,10',
          'gs://bucket/1.mp4,b,20,30',
          'gs://bucket/2.mp4,a,0,10',
          'gs://bucket/3.mp4,b,0,10',
          'gs://bucket/4.mp4,a,0,10'
        ].join('\n') + '\n'
    })
    const f = findingsOf(few, 'multi-label')[0]!
    expect(f.message).toMatch(/^25\.0% of videos carry more than one label/)
    expect(f.message).toMatch(/multi-class model/)
    expect(only(few).metrics.overlappingMultiLabelVideos).toBe(0)
  })
})

describe('metadata-confounder', () => {
  function metadataFiles(seed: number) {
    const random = seeded(seed)
    const rows: string[] = []
    const meta = ['video,camera,weather,clip_id']
    const camera: Record<string, string> = { run: 'cam_a', jump: 'cam_b', swim: 'cam_c' }
    for (const label of ['run', 'jump', 'swim']) {
      for (let i = 0; i < 20; i++) {
        const video = `gs://bucket/${label}/${i}.mp4`
        rows.push(`${video},${label},0,inf`)
        meta.push(`${video},${camera[label]},${random() < 0.5 ? 'sunny' : 'rain'},id_${label}_${i}`)
      }
    }
    return { 'rows.csv': rows.join('\n') + '\n', 'meta.csv': meta.join('\n') + '\n' }
  }
  const config = 'datasets:\n  - name: m\n    files: [rows.csv]\n    metadata: meta.csv\n'

  it("an attribute tied to the label fires with Cramér's V and value -> class; others stay quiet", async () => {
    const report = await gateFiles(metadataFiles(3), { config })
    const found = findingsOf(report, 'metadata-confounder')
    expect(found).toHaveLength(1)
    const f = found[0]!
    expect(f.severity).toBe('warning')
    expect(f.message).toMatch(/attribute "camera" predicts the label \(Cramér's V 1\.00 > 0\.5\)/)
    expect(f.message).toContain('"cam_a" goes with class "run"')
    const confounders = only(report).metrics.confounders
    expect(confounders.map(c => c.attribute)).toEqual(['camera', 'weather'])
    expect(confounders[0]!.cramersV).toBeCloseTo(1, 10)
    expect(confounders[0]!.givesAway).toContainEqual({ value: 'cam_b', class: 'jump', share: 1 })
    expect(confounders[1]!.cramersV).toBeLessThan(0.5)
    // clip_id (one value per video) is an identifier: not measured
    expect(confounders.find(c => c.attribute === 'clip_id')).toBeUndefined()
  })

  it('only runs with a metadata file, and needs enough videos', async () => {
    const files = metadataFiles(3)
    const without = await gateFiles(files, {
      config: 'datasets:\n  - name: m\n    files: [rows.csv]\n'
    })
    expect(findingsOf(without, 'metadata-confounder')).toEqual([])
    expect(only(without).metrics.confounders).toEqual([])
    const few = await gateFiles(files, {
      config: config + '    rules:\n      metadata-confounder: { min-videos: 100 }\n'
    })
    expect(findingsOf(few, 'metadata-confounder')).toEqual([])
  })
})

describe('verdict and configuration', () => {
  /** Only warnings: a 50% TEST split. */
  const warningsOnly = () => gateSplits(HEALTHY_TRAIN, HEALTHY_TRAIN)
  /** An error: a class below the hard minimum. */
  const withError = () => gateSplits({ ...HEALTHY_TRAIN, rare: 3 }, { ...HEALTHY_TEST, rare: 1 })

  it('fail-on error passes warnings and fails errors', async () => {
    const warnings = await warningsOnly()
    expect(warnings.counts.error).toBe(0)
    expect(warnings.counts.warning).toBeGreaterThan(0)
    expect([warnings.passed, warnings.failOn]).toEqual([true, 'error'])
    expect((await withError()).passed).toBe(false)
  })

  it('fail-on warning fails on warnings; fail-on never always passes', async () => {
    const files = { 'v.csv': vertexRows({ training: HEALTHY_TRAIN, test: HEALTHY_TRAIN }) }
    const byConfig = await gateFiles(files, { config: 'fail-on: warning\n' })
    expect([byConfig.passed, byConfig.failOn]).toEqual([false, 'warning'])
    const byRequest = await gateFiles(files, { failOn: 'warning' })
    expect(byRequest.passed).toBe(false)
    const errorFiles = {
      'v.csv': vertexRows({ training: { ...HEALTHY_TRAIN, rare: 3 }, test: HEALTHY_TEST })
    }
    const never = await gateFiles(errorFiles, { config: 'fail-on: never\n' })
    expect(never.counts.error).toBeGreaterThan(0)
    expect([never.passed, never.failOn]).toEqual([true, 'never'])
    // the request overrides the configuration
    const overridden = await gateFiles(errorFiles, { config: 'fail-on: never\n', failOn: 'error' })
    expect(overridden.passed).toBe(false)
  })

  it('notices alone never fail the gate, even with fail-on warning', async () => {
    const report = await gateFiles(
      { 'v.csv': vertexRows({ training: HEALTHY_TRAIN, test: HEALTHY_TEST }) },
      { failOn: 'warning' }
    )
    expect(report.counts).toEqual({ error: 0, warning: 0, notice: 1 })
    expect(report.passed).toBe(true)
  })

  it("a dataset's rules override the top-level rules for that dataset only", async () => {
    const rows = vertexRows({
      training: { ...HEALTHY_TRAIN, rare: 6 },
      test: { ...HEALTHY_TEST, rare: 2 }
    })
    const config = [
      'rules:',
      '  min-per-class: { min: 5, classes: { run: 1000 } }',
      'datasets:',
      '  - name: plain',
      '    files: [a.csv]',
      '  - name: strict',
      '    files: [b.csv]',
      '    rules:',
      '      min-per-class: { min: 20, classes: { jump: 1000 } }',
      '      few-videos: { severity: off }',
      ''
    ].join('\n')
    const report = await gateFiles({ 'a.csv': rows, 'b.csv': rows }, { config })
    const plain = dataset(report, 'plain')
    const strict = dataset(report, 'strict')
    // plain: top level only (rare has 8 >= 5; run needs 1000)
    expect(classesOf(findingsOf(plain, 'min-per-class'))).toEqual(['run'])
    // strict: its own min 20 (rare fails), per-class maps merged (run and jump need 1000)
    expect(classesOf(findingsOf(strict, 'min-per-class'))).toEqual(['jump', 'rare', 'run'])
    expect(findingsOf(strict, 'few-videos')).toEqual([])
  })

  it('severity off silences a rule; a severity can be raised', async () => {
    const config = [
      'rules:',
      '  split-ratio: { severity: error }',
      '  multi-label: { severity: off }',
      '  min-per-class: { severity: off }',
      ''
    ].join('\n')
    const report = await gateSplits(
      { ...HEALTHY_TRAIN, rare: 3 },
      { ...HEALTHY_TRAIN, rare: 1 },
      config
    )
    expect(findingsOf(report, 'min-per-class')).toEqual([])
    expect(findingsOf(report, 'multi-label')).toEqual([])
    expect(findingsOf(report, 'split-ratio').map(f => f.severity)).toEqual(['error'])
    const d: DatasetReport = only(report)
    expect(d.findings.every(f => f.rule !== 'min-per-class')).toBe(true)
  })

  it('severity off on a row rule drops its findings from the counts', async () => {
    const rows =
      vertexRows({ training: HEALTHY_TRAIN, test: HEALTHY_TEST }) +
      'training,gs://bucket/x.mkv,run,0,1\n'
    const loud = await gateFiles({ 'v.csv': rows })
    expect(loud.passed).toBe(false)
    const quiet = await gateFiles(
      { 'v.csv': rows },
      { config: 'rules:\n  uri-invalid: { severity: off }\n' }
    )
    expect(findingsOf(quiet, 'uri-invalid')).toEqual([])
    expect(quiet.counts.error).toBe(0)
    expect(quiet.passed).toBe(true)
  })
})

describe('configuration errors name the file, line and key', () => {
  const cases: [yaml: string, message: RegExp][] = [
    [
      'rules:\n  min-per-clas: { min: 3 }\n',
      /^x\.yml:2: rules\.min-per-clas: unknown key "min-per-clas" \(did you mean "min-per-class"\?\)$/
    ],
    [
      'rules:\n  min-per-class: { severity: fatal }\n',
      /^x\.yml:2: rules\.min-per-class\.severity: /
    ],
    ['rules:\n  min-per-class: { mni: 3 }\n', /unknown key "mni" \(did you mean "min"\?\)/],
    [
      'datasets:\n  - name: a\n    files: [x.csv]\n    colums: {}\n',
      /^x\.yml:4: datasets\[0\]\.colums: unknown key/
    ],
    [
      'datasets:\n  - name: a\n    files: [x.csv]\n    group-pattern: "(a)\\\\1"\n',
      /group-pattern: not a supported regular expression.*RE2/
    ],
    [
      'rules:\n  label-invalid: { pattern: "(?=x)" }\n',
      /rules\.label-invalid\.pattern: not a supported regular expression/
    ],
    [
      'datasets:\n  - name: a\n    files: [x.csv]\n    index: y.csv\n',
      /exactly one of `files`.*or `index`/
    ],
    [
      'datasets:\n  - name: a\n    files: [x.csv]\n  - name: a\n    files: [y.csv]\n',
      /dataset names must be unique/
    ],
    [
      'datasets:\n  - name: a\n    files: [x.csv]\n    format: columns\n',
      /`format: columns` needs a `columns` map/
    ],
    ['fail-on: sometimes\n', /^x\.yml:1: fail-on: /],
    ['a: 1\na: 2\n', /^x\.yml:2: .*unique/],
    ['rules:\n  min-classes: [\n', /^x\.yml:\d+: /]
  ]

  it.each(cases)('%j', (yaml, message) => {
    let thrown: unknown = null
    try {
      parseConfig(yaml, 'x.yml')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ConfigError)
    expect((thrown as Error).message).toMatch(message)
    expect((thrown as Error).message).not.toContain('\n')
  })

  it('an empty file is the defaults', () => {
    const config = parseConfig('', 'x.yml')
    expect([config.failOn, config.datasets, config.maxFindingsPerRule]).toEqual([
      'error',
      null,
      1000
    ])
  })
})
