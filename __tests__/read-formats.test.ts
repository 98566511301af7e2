/**
 * The format readers (src/read/formats.ts and src/read/formats/*) on their own: records in, rows
 * and row problems (plain data, read/problems.ts) out, without the engine or the judge.
 */
import { describe, expect, it } from '@jest/globals'
import {
  createRowReader,
  detectFormat,
  inferColumns,
  type FileContext
} from '../src/read/formats.js'
import type { RowProblem } from '../src/read/problems.js'
import type { FormatId } from '../src/model.js'

interface Row {
  line: number
  split: number
  uri: string
  label: string
  start: string
  end: string
}

/** Feeds `records` (already split into fields) to a reader; collects rows, problems and hooks. */
function read(records: (string[] | null)[], context: Partial<FileContext> = {}) {
  const rows: Row[] = []
  const problems: RowProblem[] = []
  const formats: FormatId[] = []
  const videoColumns: string[] = []
  const reader = createRowReader({
    path: 'data/a.csv',
    fileIndex: 0,
    fixedSplit: null,
    format: 'auto',
    accumulator: {
      addRow: (_file, line, split, uri, label, start, end) =>
        rows.push({ line, split, uri, label, start, end }),
      formatDetected: (_file, format) => formats.push(format),
      columnsDetected: column => videoColumns.push(column)
    },
    problems: { report: problem => problems.push(problem), enabled: () => true },
    ...context
  })
  records.forEach((fields, i) => (fields ? reader.record(fields, i + 1) : reader.blank(i + 1)))
  return { reader, rows, problems, formats, videoColumns }
}

const csv = (...lines: string[]): string[][] => lines.map(line => line.split(','))
const codes = (problems: RowProblem[]): string[] => problems.map(p => `${p.line} ${p.code}`)

describe('AutoML rows', () => {
  it('gives every row the fixed split and reports a row with another field count', () => {
    const { reader, rows, problems } = read(
      csv('gs://b/1.mp4,dog,0,1', 'gs://b/2.mp4;cat;0;1', 'gs://b/3.mp4,cat,0,inf'),
      { fixedSplit: 'TEST', format: 'automl-rows' }
    )
    expect(reader.format).toBe('automl-rows')
    expect(reader.rows).toBe(3)
    expect(rows.map(r => [r.line, r.split, r.label, r.end])).toEqual([
      [1, 2, 'dog', '1'],
      [3, 2, 'cat', 'inf']
    ])
    expect(problems).toEqual([
      {
        code: 'row.field-count',
        file: 'data/a.csv',
        line: 2,
        layout: 'automl-rows',
        expected: 4,
        found: 1,
        text: 'gs://b/2.mp4;cat;0;1'
      }
    ])
  })

  it('refuses an AutoML index listed as a rows file', () => {
    const { reader, rows } = read(csv('TRAIN,gs://b/train.csv', 'TEST,gs://b/test.csv'), {
      fixedSplit: 'TRAIN',
      format: 'automl-rows'
    })
    expect(reader.fatal).toMatch(/an index cannot reference another index/)
    expect(rows).toEqual([])
  })
})

describe('Vertex AI CSV', () => {
  it('reads ML_USE, counts undocumented spellings where meant and drops unknown values', () => {
    const { reader, rows, problems } = read(
      csv(
        'training,gs://b/1.mp4,dog,0,1',
        'TEST,gs://b/2.mp4,dog,0,1',
        'validation,gs://b/3.mp4,cat,0,1',
        'train,gs://b/4.mp4,cat,0,1',
        'holdout,gs://b/5.mp4,cat,0,1',
        'gs://b/6.mp4,cat,0,1',
        'a,b,c'
      )
    )
    expect(reader.format).toBe('vertex-csv')
    expect(rows.map(r => [r.line, r.split])).toEqual([
      [1, 0],
      [2, 2],
      [3, 1],
      [4, 0],
      [6, 3]
    ])
    expect(codes(problems)).toEqual([
      '3 split.validation',
      '4 split.undocumented',
      '5 split.unknown',
      '7 row.field-count'
    ])
    expect(problems[1]).toMatchObject({
      value: 'train',
      split: 'TRAIN',
      allowed: ['training', 'test']
    })
    expect(problems[2]).toMatchObject({ value: 'holdout', allowed: ['training', 'test'] })
    expect(problems[3]).toMatchObject({ layout: 'vertex-csv', expected: 5, found: 3 })
  })

  it('reads every ML_USE spelling as a row on its own would be read, past the spellings it keeps', () => {
    // Spellings interleaved so rows rarely repeat the last one: 3 documented, 3 undocumented, 40
    // unknown (more than the reader keeps), each row compared with the same row read alone.
    const spellings = ['training', 'test', 'TRAINING', 'train', 'Test', 'validation']
    for (let k = 0; k < 40; k++) spellings.push(`split_${k}`)
    const lines = Array.from(
      { length: 600 },
      (_, k) => `${spellings[(k * 7) % spellings.length]},gs://b/${k}.mp4,dog,0,1`
    )
    const together = read(csv(...lines))
    const alone = lines.map(line => read(csv(line)))
    expect(together.rows.map(r => r.split)).toEqual(
      alone.flatMap(one => one.rows.map(r => r.split))
    )
    const problemsAlone = alone.flatMap((one, k) =>
      one.problems.map(problem => ({ ...problem, line: k + 1 }))
    )
    expect(together.problems).toEqual(problemsAlone)
    expect(together.problems.length).toBeGreaterThan(400)
  })

  it('reports a header row naming Google columns once and does not count it as a row', () => {
    const { reader, rows, problems, formats } = read(
      csv('ml_use,video_uri,label,start,end', 'training,gs://b/1.mp4,dog,0,1')
    )
    expect(reader.rows).toBe(1)
    expect(formats).toEqual(['vertex-csv'])
    expect(rows).toHaveLength(1)
    expect(problems).toEqual([
      {
        code: 'row.header',
        file: 'data/a.csv',
        line: 1,
        format: 'vertex-csv',
        header: 'ml_use,video_uri,label,start,end'
      }
    ])
  })

  it('a blank line is reported as such', () => {
    const { problems } = read([['gs://b/1.mp4', 'dog', '0', '1'], null])
    expect(problems).toEqual([{ code: 'row.blank', file: 'data/a.csv', line: 2 }])
  })
})

describe('column-mapped manifests', () => {
  it('reads the columns a known header names, mapping split values', () => {
    const { reader, rows, problems, videoColumns } = read(
      csv('youtube_id,label,time_start,time_end,split', 'abc,run,1,2,train', 'def,jump,0,5,val')
    )
    expect(reader.format).toBe('columns')
    expect(reader.rows).toBe(2)
    expect(videoColumns).toEqual(['youtube_id'])
    expect(rows).toEqual([
      { line: 2, split: 0, uri: 'abc', label: 'run', start: '1', end: '2' },
      { line: 3, split: 1, uri: 'def', label: 'jump', start: '0', end: '5' }
    ])
    expect(problems).toEqual([])
  })

  it('without time columns every row labels its whole video; unknown split values are reported', () => {
    const { rows, problems } = read(
      csv('video,label,subset', 'v1,run,test', 'v2,run,holdout', 'v3,run')
    )
    expect(rows).toEqual([{ line: 2, split: 2, uri: 'v1', label: 'run', start: '0', end: 'inf' }])
    expect(codes(problems)).toEqual(['3 split.unknown', '4 row.field-count'])
    expect(problems[0]).toMatchObject({ value: 'holdout' })
    expect(problems[0]).toMatchObject({ allowed: expect.arrayContaining(['validation']) })
    expect(problems[1]).toMatchObject({ layout: 'header', expected: 3, found: 2 })
  })

  it('configured split values replace the defaults', () => {
    const { rows, problems } = read(
      csv('video,label,fold', 'v1,run,A', 'v2,run,B', 'v3,run,train'),
      {
        splitValues: { a: 'TRAIN', b: 'TEST' }
      }
    )
    expect(rows.map(r => r.split)).toEqual([0, 2])
    expect(problems).toMatchObject([{ code: 'split.unknown', value: 'train', allowed: ['a', 'b'] }])
  })

  it('a header without the configured columns stops the file', () => {
    const noLabel = read(csv('video,name', 'v1,run'), {
      format: 'columns',
      columns: { video: 'video', label: 'class' }
    })
    expect(noLabel.reader.fatal).toBe(
      'line 1: the header (video,name) has no label column "class". Fix the header or the dataset\'s columns map.'
    )
    const noEnd = read(csv('video,label,start', 'v1,run,0'), {
      format: 'columns',
      columns: { video: 'video', label: 'label', end: 'stop' }
    })
    expect(noEnd.reader.fatal).toMatch(/has no column "stop" \(end\)/)
    expect(noEnd.rows).toEqual([])
  })

  it('a Google header over id rows stays column-mapped', () => {
    const { reader, rows, problems } = read(csv('video_uri,label,start,end', 'abc,run,0,1'))
    expect(reader.format).toBe('columns')
    expect(rows).toHaveLength(1)
    expect(problems).toEqual([])
  })
})

describe('Vertex AI JSON Lines', () => {
  const jsonl = (...items: unknown[]): string[][] =>
    items.map(item => [typeof item === 'string' ? item : JSON.stringify(item)])
  const options = { path: 'data/a.jsonl', format: 'vertex-jsonl' as const }

  it('one row per annotation, Duration strings as seconds, no annotations as an unlabeled row', () => {
    const { rows, problems } = read(
      jsonl(
        {
          videoGcsUri: 'gs://b/1.mp4',
          dataItemResourceLabels: { 'aiplatform.googleapis.com/ml_use': 'test' },
          timeSegmentAnnotations: [
            { displayName: 'run', startTime: '1.5s', endTime: '2s' },
            { displayName: 'jump', endTime: 'Infinity' }
          ]
        },
        { videoGcsUri: 'gs://b/2.mp4' }
      ),
      options
    )
    expect(rows).toEqual([
      { line: 1, split: 2, uri: 'gs://b/1.mp4', label: 'run', start: '1.5', end: '2' },
      { line: 1, split: 2, uri: 'gs://b/1.mp4', label: 'jump', start: '0', end: 'inf' },
      { line: 2, split: 3, uri: 'gs://b/2.mp4', label: '', start: '', end: '' }
    ])
    expect(problems).toEqual([])
  })

  it('times in CSV notation are reported and still counted', () => {
    const { rows, problems } = read(
      jsonl({
        videoGcsUri: 'gs://b/1.mp4',
        timeSegmentAnnotations: [
          { displayName: 'run', startTime: 0, endTime: 'inf' },
          { displayName: 'run', startTime: '1', endTime: 'x' }
        ]
      }),
      options
    )
    expect(rows.map(r => [r.start, r.end])).toEqual([
      ['0', 'inf'],
      ['1', 'x']
    ])
    expect(
      problems.map(p => (p.code === 'segment.notation' ? [p.field, p.raw, p.notation] : p.code))
    ).toEqual([
      ['startTime', '0', 'number'],
      ['endTime', 'inf', 'csv-inf'],
      ['startTime', '1', 'no-unit']
    ])
    expect(problems[0]).toMatchObject({
      file: 'data/a.jsonl',
      line: 1,
      split: 'UNASSIGNED',
      uri: 'gs://b/1.mp4',
      label: 'run'
    })
  })

  it('lines that are not usable objects are reported by what is wrong', () => {
    const { rows, problems } = read(
      jsonl(
        '{not json',
        [1, 2],
        { video: 'gs://b/1.mp4' },
        { videoGcsUri: 'gs://b/1.mp4', timeSegmentAnnotations: {} },
        {
          videoGcsUri: 'gs://b/1.mp4',
          dataItemResourceLabels: { 'aiplatform.googleapis.com/ml_use': 5 }
        }
      ),
      options
    )
    expect(rows).toEqual([])
    expect(codes(problems)).toEqual([
      '1 json.invalid',
      '2 json.not-object',
      '3 json.no-uri',
      '4 json.segments-not-list',
      '5 split.unknown'
    ])
    expect(problems[0]).toMatchObject({ text: '{not json' })
    expect(problems[4]).toMatchObject({ value: '5' })
  })
})

describe('format detection', () => {
  it('detects each format from its first record', () => {
    expect(detectFormat(['TRAIN', 'gs://b/train.csv'], null)).toBe('automl-index')
    expect(detectFormat(['training', 'gs://b/1.mp4', 'dog', '0', '1'], null)).toBe('vertex-csv')
    expect(detectFormat(['gs://b/1.mp4', 'dog', '0', '1'], null)).toBe('vertex-csv')
    expect(detectFormat(['gs://b/1.mp4', 'dog', '0', '1'], 'TRAIN')).toBe('automl-rows')
    expect(detectFormat(['video', 'class'], null)).toBe('columns')
    expect(detectFormat(['a', 'b', 'c'], null)).toBeNull()
  })

  it('infers the columns of a known header', () => {
    expect(inferColumns([' YouTube_ID ', 'label', 'time_start', 'time_end', 'split'])).toEqual({
      video: 'YouTube_ID',
      label: 'label',
      start: 'time_start',
      end: 'time_end',
      split: 'split'
    })
    expect(inferColumns(['video', 'duration'])).toBeNull()
  })
})
