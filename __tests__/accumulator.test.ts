/**
 * The accumulator (src/analyze/accumulator.ts) on its own: rows in, counts, leaks, duplicate
 * candidates and row problems (plain data, read/problems.ts) out. The value rules are fakes that
 * count their calls, so the tests also show that each distinct value is checked once.
 */
import type { RowGroups } from '../src/analyze/duplicate-groups.js'
import { describe, expect, it } from '@jest/globals'
import {
  DatasetAccumulator,
  type AccumulatorOptions,
  type ValueRules
} from '../src/analyze/accumulator.js'
import { LabelRegistry } from '../src/analyze/labels.js'
import { VideoRegistry } from '../src/analyze/videos.js'
import type { RowProblem } from '../src/read/problems.js'
import type { RuleId } from '../src/model.js'

/** Row groups as lists of places, to compare. */
function groupsOf(groups: RowGroups): { file: number; line: number }[][] {
  return Array.from({ length: groups.count }, (_, g) => {
    const places: { file: number; line: number }[] = []
    for (let m = groups.starts[g]!; m < groups.starts[g + 1]!; m++)
      places.push({ file: groups.files[m]!, line: groups.lines[m]! })
    return places
  })
}

const TRAIN = 0
const VALIDATION = 1
const TEST = 2
const UNASSIGNED = 3

function setup(options: Partial<AccumulatorOptions> = {}, off: RuleId[] = []) {
  const problems: RowProblem[] = []
  const checked = { videos: [] as string[], labels: [] as string[] }
  const rules: ValueRules = {
    videoProblem: (raw, kind) => {
      checked.videos.push(raw)
      return raw.startsWith('gs://') || kind === 'id' ? null : 'not a gs:// URI'
    },
    labelProblem: (label, profile) => {
      checked.labels.push(`${profile}:${label}`)
      return label.includes(' ') && profile === 'automl' ? 'has a space' : null
    },
    maxDecimals: 6,
    durationTolerance: 0.5,
    relaxLabelsForColumns: true
  }
  const accumulator = new DatasetAccumulator(
    { report: problem => problems.push(problem), enabled: rule => !off.includes(rule) },
    {
      videoKey: 'uri',
      inferVideoKey: false,
      groupOf: null,
      durations: null,
      labelProfile: 'automl',
      rules,
      frozenSplits: [],
      ...options
    }
  )
  const file = accumulator.beginFile('data/a.csv')
  let line = 0
  const add = (split: number, uri: string, label: string, start = '0', end = '1') =>
    accumulator.addRow(file, ++line, split, uri, label, start, end)
  return { accumulator, problems, checked, add }
}

describe('counts', () => {
  it('counts segments and seconds per (class, split), and unlabeled rows apart', () => {
    const { accumulator, add } = setup()
    add(TRAIN, 'gs://b/1.mp4', 'dog', '0', '1.5')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '2', '3')
    add(TEST, 'gs://b/2.mp4', 'cat', '0', 'inf')
    add(TEST, 'gs://b/3.mp4', '', '', '')
    expect(accumulator.rows).toBe(4)
    expect(accumulator.labeledRows).toBe(3)
    expect(accumulator.labels).toEqual(['dog', 'cat'])
    const dog = accumulator.labelId('dog')! * 4
    const cat = accumulator.labelId('cat')! * 4
    expect(accumulator.segments.data[dog + TRAIN]).toBe(2)
    // Seconds are kept in whole microseconds (exact sums in any order).
    expect(accumulator.seconds.data[dog + TRAIN]).toBe(2.5e6)
    // An end-of-video segment without a durations file has an unknown length.
    expect(accumulator.secondsUnknown.data[cat + TEST]).toBe(1)
    expect(accumulator.unlabeled).toEqual([{ video: 2, file: 0, line: 4, split: TEST }])
    expect(accumulator.videoKeys.toArray()).toEqual([
      'gs://b/1.mp4',
      'gs://b/2.mp4',
      'gs://b/3.mp4'
    ])
  })

  it('one video in two splits is a leak, with both places', () => {
    const { accumulator, add } = setup()
    add(TRAIN, 'gs://b/1.mp4', 'dog')
    add(TEST, ' gs://b//1.mp4', 'dog')
    expect(accumulator.videoKeys.toArray()).toEqual(['gs://b/1.mp4'])
    expect([...accumulator.videoLeaks.values()]).toEqual([
      {
        key: 'gs://b/1.mp4',
        places: [
          { split: 'TRAIN', file: 0, line: 1 },
          { split: 'TEST', file: 0, line: 2 }
        ]
      }
    ])
    expect(accumulator.videoId(' gs://b//1.mp4')).toBe(0)
    expect(accumulator.videoId('gs://b/%31.mp4')).toBe(0)
  })

  it('groups videos by the group pattern and says how many matched none', () => {
    const { accumulator, add } = setup({
      groupOf: key => /\/(cam\d)_/.exec(key)?.[1] ?? null
    })
    add(TRAIN, 'gs://b/cam1_a.mp4', 'dog')
    add(TEST, 'gs://b/cam1_b.mp4', 'dog')
    add(TEST, 'gs://b/other.mp4', 'dog')
    expect(accumulator.groupKeys).toEqual(['cam1'])
    expect(accumulator.groupLeaks.get(0)!.places.map(p => p.split)).toEqual(['TRAIN', 'TEST'])
    expect(accumulator.groupCoverage()).toEqual({
      videos: 3,
      ungrouped: 1,
      example: 'gs://b/other.mp4'
    })
  })
})

describe('row problems', () => {
  it('segment times: each problem once, with the segment as written', () => {
    const { problems, add } = setup()
    add(TRAIN, 'gs://b/1.mp4', 'dog', '', '')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '', '2')
    add(TRAIN, 'gs://b/1.mp4', 'dog', 'inf', 'inf')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '1:30', '2')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '1', '-2')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '0', '0')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '5', '2')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '0.1234567', '2')
    add(TRAIN, 'gs://b/1.mp4', '', '0', '2')
    expect(problems.map(p => `${p.line} ${p.code}`)).toEqual([
      '1 segment.no-times',
      '2 segment.missing-time',
      '3 segment.start-at-end',
      '4 segment.start-unreadable',
      '5 segment.end-unreadable',
      '6 segment.end-not-positive',
      '7 segment.end-before-start',
      '8 segment.decimals',
      '9 label.missing'
    ])
    expect(problems[3]).toEqual({
      code: 'segment.start-unreadable',
      file: 'data/a.csv',
      line: 4,
      split: 'TRAIN',
      format: 'vertex-csv',
      video: 'gs://b/1.mp4',
      label: 'dog',
      start: '1:30',
      end: '2',
      reason: '"1:30" is in HH:MM:SS form; write seconds (e.g. 90.5)'
    })
    expect(problems[7]).toMatchObject({ decimals: 7, maxDecimals: 6 })
  })

  it('times past the video duration, within the tolerance or not', () => {
    const { accumulator, problems, add } = setup({ durations: new Map([['gs://b/1.mp4', 10]]) })
    add(TRAIN, 'gs://b/1.mp4', 'dog', '0', '10.5')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '0', '11')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '10.5', 'inf')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '4', 'inf')
    expect(problems.map(p => `${p.line} ${p.code}`)).toEqual([
      '2 segment.end-beyond-duration',
      '3 segment.start-beyond-duration'
    ])
    expect(problems[0]).toMatchObject({ duration: 10, end: '11' })
    // The end-of-video segment at line 4 lasts the rest of the video; line 3 lasts nothing.
    const cell = accumulator.labelId('dog')! * 4 + TRAIN
    expect(accumulator.seconds.data[cell]).toBe((10.5 + 11 + 0 + 6) * 1e6)
  })

  it('checks each video spelling and label once, and reports them on every row', () => {
    const { problems, checked, add } = setup()
    add(TRAIN, 'http://x/1.mp4', 'big dog')
    add(TRAIN, 'http://x/1.mp4', 'big dog')
    add(TRAIN, 'gs://b/2.mp4', 'dog')
    expect(checked.videos).toEqual(['http://x/1.mp4', 'gs://b/2.mp4'])
    expect(checked.labels).toEqual(['automl:big dog', 'automl:dog'])
    expect(problems.map(p => `${p.line} ${p.code}`)).toEqual([
      '1 video.invalid',
      '1 label.invalid',
      '2 video.invalid',
      '2 label.invalid'
    ])
    expect(problems[0]).toEqual({
      code: 'video.invalid',
      file: 'data/a.csv',
      line: 1,
      split: 'TRAIN',
      uri: 'http://x/1.mp4',
      reason: 'not a gs:// URI'
    })
  })

  it('rules that are off are not checked', () => {
    const { problems, checked, add } = setup({}, ['uri-invalid', 'label-invalid'])
    add(TRAIN, 'http://x/1.mp4', 'big dog')
    expect(checked).toEqual({ videos: [], labels: [] })
    expect(problems).toEqual([])
  })

  it('JSON Lines files get their notation in segment problems', () => {
    const { accumulator, problems } = setup()
    const jsonl = accumulator.beginFile('data/b.jsonl')
    accumulator.formatDetected(jsonl, 'vertex-jsonl')
    accumulator.addRow(jsonl, 1, UNASSIGNED, 'gs://b/1.mp4', 'dog', '5', '2')
    expect(problems).toMatchObject([
      { code: 'segment.end-before-start', file: 'data/b.jsonl', format: 'vertex-jsonl' }
    ])
  })
})

describe('column-mapped manifests', () => {
  it('relax the label profile and, when discovered, read an id column as video ids', () => {
    const { accumulator, checked, problems, add } = setup({ inferVideoKey: true })
    accumulator.columnsDetected('youtube_id')
    add(VALIDATION, '--07WQ2iBlw', 'big dog')
    expect(checked.labels).toEqual(['relaxed:big dog'])
    expect(problems).toEqual([])
    expect(accumulator.videoKeys.toArray()).toEqual(['--07WQ2iBlw'])
  })
})

describe('duplicate candidates', () => {
  it('groups repeated rows in row order, and keeps nothing when duplicate-row is off', () => {
    const { accumulator, add } = setup()
    add(TRAIN, 'gs://b/1.mp4', 'dog', '0', '1')
    add(TRAIN, 'gs://b/2.mp4', 'dog', '0', '1')
    add(TRAIN, 'gs://b/1.mp4', 'dog', '0', '1.0')
    add(TEST, 'gs://b/1.mp4', 'dog', '0', '1')
    expect(groupsOf(accumulator.duplicateCandidates())).toEqual([
      [
        { file: 0, line: 1 },
        { file: 0, line: 3 }
      ]
    ])
    expect(accumulator.linesOfVideos(new Set([1]))!.map(lines => [...lines])).toEqual([[2]])
    accumulator.releaseRows()
    expect(groupsOf(accumulator.duplicateCandidates())).toEqual([])

    const off = setup({}, ['duplicate-row'])
    off.add(TRAIN, 'gs://b/1.mp4', 'dog')
    off.add(TRAIN, 'gs://b/1.mp4', 'dog')
    expect(groupsOf(off.accumulator.duplicateCandidates())).toEqual([])
    expect(off.accumulator.linesOfVideos(new Set([0]))).toBeNull()
  })
})

describe('label variants', () => {
  it('labels that differ by case, separators or invisible characters', () => {
    const { accumulator, add } = setup()
    add(TRAIN, 'gs://b/1.mp4', 'Big_Dog')
    add(TRAIN, 'gs://b/2.mp4', 'big-dog\u200b')
    add(TRAIN, 'gs://b/3.mp4', 'cat')
    expect(accumulator.findLabelVariants()).toEqual([{ canonical: 'big_dog', labels: [0, 1] }])
  })
})

describe('finding a video by its spelling', () => {
  const options = { videoKey: 'uri' as const, groupOf: null, durations: null }

  it('tells apart spellings that share the recent-video slot, in any order', () => {
    // Same length and the same characters before the last four: the same slot in the cache of
    // recent videos, so each lookup replaces the other's entry.
    const spellings = Array.from(
      { length: 40 },
      (_, i) => `gs://b/${String(i).padStart(3, '0')}/clip_7.mp4`
    )
    const videos = new VideoRegistry(options)
    const ids = spellings.map((uri, line) => videos.register(uri, 0, line + 1))
    expect(new Set(ids).size).toBe(spellings.length)
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < spellings.length; i++) {
        const k = (i * 7 + round) % spellings.length
        // A fresh string each time, as a reader slices it from a new chunk.
        expect(videos.find(` ${spellings[k]!}`.slice(1))).toBe(ids[k])
      }
    }
    expect(videos.find('gs://b/999/clip_7.mp4')).toBe(-1)
  })

  it('finds a spelling that differs from its key, and a short one', () => {
    const videos = new VideoRegistry(options)
    const key = videos.register('gs://b/a.mp4', 0, 1)
    const other = videos.register(' gs://b/a.mp4', 0, 2)
    const short = videos.register('a', 0, 3)
    expect(other).toBe(key)
    for (let i = 0; i < 3; i++) {
      expect(videos.find('gs://b/a.mp4')).toBe(key)
      expect(videos.find(' gs://b/a.mp4')).toBe(key)
      expect(videos.find('a')).toBe(short)
      expect(videos.find('b')).toBe(-1)
      expect(videos.find('')).toBe(-1)
    }
  })
})

describe('finding a label by its text', () => {
  it('tells apart labels that share a recent-label slot (length and last three characters)', () => {
    const registry = new LabelRegistry(
      { labelProblem: () => null } as unknown as ValueRules,
      false,
      () => 'automl'
    )
    // Same length, same last three characters: one slot. Then short ones, and the empty text.
    const texts = ['a_xyz', 'b_xyz', 'c_xyz', 'x', 'xy', '']
    const ids = texts.map((text, k) => registry.register(`${text}`, 0, k + 1))
    for (let round = 0; round < 3; round++) {
      for (const [k, text] of texts.entries()) {
        // A copy, as a row's label is a new string each time.
        expect(registry.get(text.split('').join(''))).toBe(ids[k])
      }
    }
    // Unknown texts in a slot that holds a known label.
    expect(registry.get('d_xyz')).toBeUndefined()
    expect(registry.get('A_xyz')).toBeUndefined()
    expect(registry.get('b_xyz')).toBe(ids[1])
  })

  it('counts every row of alternating labels under the right label', () => {
    const { accumulator, add } = setup()
    const labels = Array.from(
      { length: 500 },
      (_, k) => `class_${k % 7}_${String(k).padStart(3, '0')}`
    )
    for (let k = 0; k < 5000; k++)
      add(TRAIN, `gs://b/${k % 13}.mp4`, labels[(k * 37) % labels.length]!)
    const perLabel = new Map<string, number>()
    for (let k = 0; k < 5000; k++) {
      const label = labels[(k * 37) % labels.length]!
      perLabel.set(label, (perLabel.get(label) ?? 0) + 1)
    }
    for (const [id, label] of accumulator.labels.entries())
      expect(accumulator.segments.data[id * 4 + TRAIN]).toBe(perLabel.get(label))
    expect(accumulator.labels.length).toBe(labels.length)
  })
})
