/**
 * "No silent verdicts" (issue 9): values the importer would refuse are findings, a group pattern
 * that matches nothing is said, and messages name the fix in the file's own format. Each case runs
 * the whole engine on files in a temporary repository, except the message helpers and the dataset
 * rule that reads the group pattern's coverage, which are also checked directly.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanRepos, findingsOf, gateFiles, only, rowFindings, where } from './helpers/datasets.js'
import type { Finding } from '../src/model.js'
import { formatCount, plural } from '../src/display.js'
import { parseVertexSplit } from '../src/read/splits.js'
import { checkVideoUri } from '../src/judge/value-checks.js'
import { otherDelimiter } from '../src/judge/row-problems.js'
import { judgeDataset } from '../src/judge/dataset-rules.js'
import type { DatasetTally } from '../src/analyze/tally.js'
import { FindingSink } from '../src/judge/findings.js'
import { resolveRuleSettings } from '../src/config/schema.js'
import { configFrom } from './helpers/datasets.js'

afterAll(cleanRepos)

const lines = (...rows: string[]): string => rows.join('\n') + '\n'

function one(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1)
  return findings[0]!
}

describe('Vertex ML_USE values the import refuses', () => {
  it('train, TRAIN, validate, eval and unassigned are errors that name the value and the fix', async () => {
    const report = await gateFiles({
      'v.csv': lines(
        'training,gs://bucket/v/1.mp4,dog,0,1',
        'train,gs://bucket/v/2.mp4,dog,0,1',
        'TRAIN,gs://bucket/v/3.mp4,cat,0,1',
        'validate,gs://bucket/v/4.mp4,dog,0,1',
        'eval,gs://bucket/v/5.mp4,cat,0,1',
        'unassigned,gs://bucket/v/6.mp4,cat,0,1',
        'Test,gs://bucket/v/7.mp4,dog,0,1'
      )
    })
    const found = findingsOf(report, 'split-invalid')
    expect(where(found)).toEqual([
      'v.csv:2 error split-invalid',
      'v.csv:3 error split-invalid',
      'v.csv:4 error split-invalid',
      'v.csv:5 error split-invalid',
      'v.csv:6 error split-invalid'
    ])
    const byLine = (line: number) => found.find(f => f.line === line)!.message
    expect(byLine(2)).toBe(
      'ML_USE "train" is not a value Vertex AI accepts (training, test, any case); did you mean training? The row is counted in TRAIN.'
    )
    expect(byLine(3)).toMatch(/^ML_USE "TRAIN" .*did you mean training\?/)
    expect(byLine(4)).toMatch(/did you mean validation\? .*use training or test/)
    expect(byLine(5)).toMatch(/did you mean test\? The row is counted in TEST/)
    expect(byLine(6)).toMatch(/leave ML_USE out \(4 fields\)/)
    expect(report.passed).toBe(false)
    // Counted where they were meant to go, so the rest of the analysis describes the dataset.
    const d = only(report)
    expect(d.splits.TRAIN!.segments).toBe(3)
    expect(d.splits.VALIDATION!.segments).toBe(1)
    expect(d.splits.TEST!.segments).toBe(2)
    expect(d.splits.UNASSIGNED!.segments).toBe(1)
  })

  it('the same values in JSON Lines ml_use are errors too', async () => {
    const item = (n: number, mlUse: string) =>
      JSON.stringify({
        videoGcsUri: `gs://demo/${n}.mp4`,
        timeSegmentAnnotations: [{ displayName: 'run', startTime: '0s', endTime: '1s' }],
        dataItemResourceLabels: { 'aiplatform.googleapis.com/ml_use': mlUse }
      })
    const report = await gateFiles({ 'v.jsonl': lines(item(1, 'train'), item(2, 'training')) })
    const f = one(findingsOf(report, 'split-invalid'))
    expect([f.line, f.severity]).toEqual([1, 'error'])
    expect(f.message).toMatch(/did you mean training\?/)
    expect(only(report).splits.TRAIN!.segments).toBe(2)
  })

  it('documented values stay quiet in any case; unrelated values are still not counted', () => {
    for (const value of ['training', 'TRAINING', ' Test ', 'test'])
      expect(parseVertexSplit(value)!.spelling).toBe('documented')
    expect(parseVertexSplit('validation')!.spelling).toBe('validation')
    // A byte-order mark at the start of a line (two files joined) is trimmed by JavaScript only.
    expect(parseVertexSplit('\ufefftraining')).toEqual({ split: 'TRAIN', spelling: 'undocumented' })
    expect(parseVertexSplit('test\u200b')).toBeNull() // not trimmed: names no split
    expect(parseVertexSplit('holdout')).toBeNull()
    expect(parseVertexSplit('__proto__')).toBeNull()
  })
})

describe('JSON Lines times without the s unit', () => {
  const item = (annotation: Record<string, unknown>, n = 1) =>
    JSON.stringify({
      videoGcsUri: `gs://demo/${n}.mp4`,
      timeSegmentAnnotations: [{ displayName: 'run', ...annotation }]
    })

  it('"0", 1, "12.5" and "inf" are errors with JSON Lines advice; their segments still count', async () => {
    const report = await gateFiles({
      'v.jsonl': lines(
        item({ startTime: '0', endTime: '2s' }, 1),
        item({ startTime: 1, endTime: '3s' }, 2),
        item({ startTime: '1s', endTime: '12.5' }, 3),
        item({ startTime: '1s', endTime: 'inf' }, 4),
        item({ startTime: '1.5s', endTime: 'Infinity' }, 5),
        item({}, 6)
      )
    })
    const found = findingsOf(report, 'segment-invalid')
    expect(where(found)).toEqual([
      'v.jsonl:1 error segment-invalid',
      'v.jsonl:2 error segment-invalid',
      'v.jsonl:3 error segment-invalid',
      'v.jsonl:4 error segment-invalid'
    ])
    expect(found.map(f => f.message)).toEqual([
      'startTime "0" has no s unit. Write times as strings with an s unit, e.g. "12.5s".',
      'startTime 1 is a JSON number. Write times as strings with an s unit, e.g. "12.5s".',
      'endTime "12.5" has no s unit. Write times as strings with an s unit, e.g. "12.5s".',
      'endTime "inf" is the CSV spelling of the end of the video; write "Infinity" or leave endTime out. Write times as strings with an s unit, e.g. "12.5s".'
    ])
    expect(found.every(f => f.class === 'run' && f.split === 'UNASSIGNED')).toBe(true)
    const run = only(report).splits.UNASSIGNED!.classes.run!
    expect(run.segments).toBe(6)
    expect(run.seconds).toBeNull() // inf without a known duration
    expect(report.passed).toBe(false)
  })

  it('an unreadable time gets one finding, in startTime/endTime terms and with "12.5s" advice', async () => {
    const report = await gateFiles({
      'v.jsonl': lines(
        item({ startTime: 'abc', endTime: '2s' }, 1),
        item({ startTime: '5s', endTime: '1s' }, 2),
        item({ startTime: '-1s', endTime: '2s' }, 3),
        item({ startTime: '0s', endTime: '0s' }, 4),
        item({ startTime: 'Infinity' }, 5),
        item({ startTime: 'inf' }, 6)
      )
    })
    const found = findingsOf(report, 'segment-invalid')
    expect(found.map(f => [f.line, f.message])).toEqual([
      [
        1,
        'startTime "abc" is not a duration like "12.5s". Write times as strings with an s unit, e.g. "12.5s".'
      ],
      [
        2,
        'the segment ends ("1s") before or where it starts ("5s"); startTime must be less than endTime.'
      ],
      [3, 'startTime "-1s" is negative. Write times as strings with an s unit, e.g. "12.5s".'],
      [4, 'endTime "0s" must be greater than 0.'],
      [5, 'startTime is "Infinity"; "Infinity" (the end of the video) is only valid as endTime.'],
      [6, 'startTime is "Infinity"; "Infinity" (the end of the video) is only valid as endTime.']
    ])
  })

  it('an annotation without displayName says how JSON Lines marks a video unlabeled', async () => {
    const report = await gateFiles({
      'v.jsonl': lines(
        JSON.stringify({
          videoGcsUri: 'gs://demo/1.mp4',
          timeSegmentAnnotations: [{ startTime: '0s', endTime: '1s' }]
        })
      )
    })
    expect(one(findingsOf(report, 'label-missing')).message).toMatch(
      /no displayName.*leave timeSegmentAnnotations out/
    )
  })

  it('CSV keeps its own advice: plain seconds', async () => {
    const report = await gateFiles({ 'a.csv': lines('gs://bucket/v/1.mp4,run,abc,2') })
    expect(one(findingsOf(report, 'segment-invalid')).message).toBe(
      'START "abc" is not a number of seconds. Write seconds from the start of the video, e.g. 12.5.'
    )
  })
})

describe('a Vertex CSV with a header row', () => {
  const rows = (header: string) =>
    lines(
      header,
      'training,gs://bucket/v/1.mp4,air drumming,0,1',
      'train,gs://bucket/v/2.mp4,run,0,1',
      'test,gs://bucket/v/3.mp4,run,0,1'
    )

  it('is a row-shape warning at line 1 and is checked like the headerless file', async () => {
    const headered = await gateFiles({ 'v.csv': rows('ml_use,video_uri,label,start,end') })
    const header = one(findingsOf(headered, 'row-shape'))
    expect([header.file, header.line, header.severity]).toEqual(['v.csv', 1, 'warning'])
    expect(header.message).toBe(
      'line 1 is a header row (ml_use,video_uri,label,start,end); Vertex AI import does not take a header and would read it as a data row. Delete it.'
    )
    const d = only(headered)
    expect(d.files[0]).toMatchObject({ format: 'vertex-csv', rows: 3 })

    // The same rows without the header: the same row findings but for the header itself.
    const plain = await gateFiles({
      'v.csv': rows('ml_use,video_uri,label,start,end').split('\n').slice(1).join('\n')
    })
    const shifted = rowFindings(plain).map(f => `${f.line! + 1} ${f.severity} ${f.rule}`)
    const rest = rowFindings(headered)
      .filter(f => f.rule !== 'row-shape')
      .map(f => `${f.line} ${f.severity} ${f.rule}`)
    expect(rest.sort()).toEqual(shifted.sort())
    // AutoML's label pattern (no spaces) and Vertex's ML_USE values, not the relaxed column rules
    expect(where(findingsOf(headered, 'label-invalid'))).toEqual(['v.csv:2 error label-invalid'])
    expect(where(findingsOf(headered, 'split-invalid'))).toEqual(['v.csv:3 error split-invalid'])
  })

  it('without ML_USE too, and whatever alias names the columns', async () => {
    const report = await gateFiles({
      'a.csv': lines('Video_URI,Label,Start,End', 'gs://bucket/v/1.mp4,run,0,1'),
      'b.csv': lines('split,gcs_uri,class,start_time,end_time', 'test,gs://bucket/v/2.mp4,run,0,1')
    })
    for (const d of report.datasets) {
      expect(d.files[0]).toMatchObject({ format: 'vertex-csv', rows: 1 })
      expect(where(findingsOf(d, 'row-shape'))).toEqual([`${d.name}:1 warning row-shape`])
    }
  })

  it('a configured vertex-csv or AutoML rows file with a header is warned the same way', async () => {
    const report = await gateFiles(
      {
        'v.csv': lines('video_uri,label,start,end', 'gs://bucket/v/1.mp4,run,0,1'),
        'index.csv': 'TRAIN,train.csv\nTEST,test.csv\n',
        'train.csv': lines('video_uri,label,start,end', 'gs://bucket/v/2.mp4,run,0,1'),
        'test.csv': lines('gs://bucket/v/3.mp4,run,0,1')
      },
      {
        config: [
          'datasets:',
          '  - name: v',
          '    files: [v.csv]',
          '    format: vertex-csv',
          '  - name: automl',
          '    index: index.csv',
          ''
        ].join('\n')
      }
    )
    const messages = findingsOf(report, 'row-shape').map(f => `${f.file}:${f.line} ${f.message}`)
    expect(messages).toHaveLength(2)
    expect(messages).toContainEqual(expect.stringMatching(/^v\.csv:1 .*Vertex AI import/))
    expect(messages).toContainEqual(expect.stringMatching(/^train\.csv:1 .*AutoML import/))
    expect(findingsOf(report, 'uri-invalid')).toEqual([])
    expect(findingsOf(report, 'segment-invalid')).toEqual([])
  })

  it('research manifests stay column-mapped: Kinetics order, id columns, or no gs:// URIs', async () => {
    const report = await gateFiles({
      'kinetics.csv': lines(
        'label,youtube_id,time_start,time_end,split',
        '"air drumming",--07WQ2iBlw,1,11,train'
      ),
      'ids.csv': lines('youtube_id,label,start,end', '--07WQ2iBlw,air drumming,1,11'),
      'local.csv': lines('split,video,label,start,end', 'train,clips/a.mp4,air drumming,1,11')
    })
    for (const d of report.datasets) {
      expect(d.files[0]!.format).toBe('columns')
      expect(findingsOf(d, 'row-shape')).toEqual([])
      expect(findingsOf(d, 'label-invalid')).toEqual([]) // relaxed profile
      expect(findingsOf(d, 'split-invalid')).toEqual([])
    }
  })
})

describe('a group pattern that matches no video', () => {
  const files = {
    'idx.csv': 'TRAIN,train.csv\nTEST,test.csv\n',
    'train.csv': lines(
      'gs://bucket/ucf/v_Run_g01_c01.avi,Run,0,inf',
      'gs://bucket/ucf/v_Run_g02_c01.avi,Run,0,inf',
      'gs://bucket/ucf/other.avi,Jump,0,inf'
    ),
    'test.csv': lines('gs://bucket/ucf/v_Run_g01_c02.avi,Run,0,inf')
  }
  const withPattern = (pattern: string) =>
    `datasets:\n  - name: g\n    index: idx.csv\n    group-pattern: '${pattern}'\n`

  it('is a warning naming the number of videos and an example key', async () => {
    const report = await gateFiles(files, { config: withPattern('clip_(\\d+)') })
    const f = one(findingsOf(report, 'group-leakage'))
    expect([f.severity, f.file, f.line]).toEqual(['warning', null, null])
    expect(f.message).toMatch(
      /^the group pattern matched none of the 4 videos \(e\.g\. video "gs:\/\/bucket\/ucf\/v_Run_g01_c01\.avi"\), so group leakage was not checked\. Fix group-pattern for this dataset in \.github\/dataset-gate\.yml/
    )
  })

  it('matching only some videos is a notice with the count; matching all says nothing', async () => {
    const partial = await gateFiles(files, { config: withPattern('v_(\\w+_g\\d+)_c\\d+') })
    const found = findingsOf(partial, 'group-leakage')
    expect(found.map(f => f.severity).sort()).toEqual(['error', 'notice'])
    expect(found.find(f => f.severity === 'notice')!.message).toBe(
      'the group pattern matched 3 of the 4 videos; 1 video (e.g. video "gs://bucket/ucf/other.avi") is in no group and only checked for video leakage. Extend group-pattern if they belong to groups too.'
    )
    const all = await gateFiles(files, { config: withPattern('ucf/(\\w+?)(_c\\d+)?\\.avi') })
    expect(findingsOf(all, 'group-leakage').filter(f => f.severity !== 'error')).toEqual([])
  })

  it('the dataset rule reads the coverage from the tally', () => {
    const settings = resolveRuleSettings(configFrom(undefined))
    const judge = (coverage: DatasetTally['groupCoverage'], configured = true) => {
      const sink = new FindingSink(settings, 100)
      judgeDataset(
        { ...EMPTY_TALLY, groupPatternConfigured: configured, groupCoverage: coverage },
        settings,
        sink
      )
      return sink.finish().filter(f => f.rule === 'group-leakage')
    }
    expect(judge({ ungrouped: 1200, example: 'x' }).map(f => [f.severity, f.message])).toEqual([
      [
        'warning',
        expect.stringMatching(
          /^the group pattern matched none of the 1,200 videos \(e\.g\. video "x"\)/
        )
      ]
    ])
    expect(judge({ ungrouped: 1, example: 'x' })[0]!.message).toMatch(
      /^the group pattern matched 1,199 of the 1,200 videos; 1 video \(e\.g\. video "x"\) is in no group/
    )
    expect(judge({ ungrouped: 0, example: null })).toEqual([])
    expect(judge(null)).toEqual([])
    expect(judge({ ungrouped: 1200, example: 'x' }, false)).toEqual([])
  })
})

const EMPTY_TALLY: DatasetTally = {
  splits: {},
  classTotals: new Map([
    ['a', { segments: 600, videos: 600 }],
    ['b', { segments: 600, videos: 600 }]
  ]),
  totalVideos: 1200,
  totalSegments: 1200,
  videoLeaks: [],
  groupLeaks: [],
  groupPatternConfigured: false,
  labeledVideos: 1200,
  multiLabelVideos: 0,
  multiLabelSegments: null,
  overlappingVideos: null,
  metadata: null,
  metadataVideos: 0
}

describe('messages', () => {
  it('counts agree with their noun and carry thousands separators', () => {
    expect(plural(1, 'segment')).toBe('1 segment')
    expect(plural(2, 'segment')).toBe('2 segments')
    expect(plural(0, 'class')).toBe('0 classes')
    expect(plural(1234567, 'video')).toBe('1,234,567 videos')
    expect(plural(2, 'more class', 'more classes')).toBe('2 more classes')
    expect(formatCount(-1234.5)).toBe('-1,234.5')
    expect(formatCount(999)).toBe('999')
  })

  it('a class with one TEST segment and no TRAIN reads "1 segment"', async () => {
    const report = await gateFiles({
      'v.csv': lines(
        'training,gs://bucket/v/1.mp4,run,0,1',
        'test,gs://bucket/v/2.mp4,run,0,1',
        'test,gs://bucket/v/3.mp4,swim,0,1'
      )
    })
    const f = findingsOf(report, 'split-missing-class').find(x => x.class === 'swim')!
    expect(f.message).toMatch(/^class "swim" has 1 segment in TEST but none in TRAIN/)
  })

  it('a row of one field names the delimiter it seems to use', async () => {
    const config = 'datasets:\n  - name: d\n    files: ["*.csv"]\n    format: vertex-csv\n'
    const report = await gateFiles(
      {
        'semi.csv': lines('gs://bucket/v/1.mp4;run;0;1'),
        'tab.csv': lines('gs://bucket/v/2.mp4\trun\t0\t1'),
        'pipe.csv': lines('gs://bucket/v/3.mp4|run|0|1'),
        'decimal.csv': lines('gs://bucket/v/5.mp4;run;0;1,5'),
        'two.csv': lines('gs://bucket/v/6.mp4,run;walk'),
        'plain.csv': lines('gs://bucket/v/4.mp4')
      },
      { config }
    )
    const byFile = Object.fromEntries(findingsOf(report, 'row-shape').map(f => [f.file, f.message]))
    expect(byFile['semi.csv']).toBe(
      'expected 4 or 5 fields ([ML_USE,]VIDEO_URI,LABEL,START,END), found 1 field. The row seems to use ";" (semicolon) as its delimiter; Google\'s import formats need commas. Save the file as comma-separated.'
    )
    expect(byFile['tab.csv']).toMatch(/seems to use a tab as its delimiter/)
    expect(byFile['pipe.csv']).toMatch(/seems to use "\|" \(pipe\) as its delimiter/)
    expect(byFile['plain.csv']).toMatch(/found 1 field\. Check for unquoted commas/)
    // One decimal comma splits the row in two: the delimiter and the decimal comma are both said.
    expect(byFile['decimal.csv']).toBe(
      'expected 4 or 5 fields ([ML_USE,]VIDEO_URI,LABEL,START,END), found 2 fields. The row seems to use ";" (semicolon) as its delimiter and decimal commas (1,5 for 1.5); Google\'s import formats need commas between fields and points in numbers. Save the file as comma-separated with decimal points.'
    )
    // Two fields and one semicolon: too little to guess from.
    expect(byFile['two.csv']).toMatch(/found 2 fields\. Check for unquoted commas/)
    expect(otherDelimiter('a;b|c;d')).toBe('";" (semicolon)')
    expect(otherDelimiter('abc')).toBeNull()
  })

  it('a bare video id as URI names the video-key setting', async () => {
    const report = await gateFiles({
      'a.csv': lines('--07WQ2iBlw,run,0,1', 'gs://bucket/v/1.mp4,run,0,1', 'clips/a.mp4,run,0,1')
    })
    const found = findingsOf(report, 'uri-invalid')
    expect(where(found)).toEqual(['a.csv:1 error uri-invalid', 'a.csv:3 error uri-invalid'])
    expect(found[0]!.message).toBe(
      'the video URI must be a Cloud Storage URI of the form gs://bucket/object; "--07WQ2iBlw" looks like a video id. If this dataset names its videos by id (e.g. YouTube ids), set `video-key: id` for this dataset in .github/dataset-gate.yml.'
    )
    expect(found[1]!.message).not.toMatch(/video-key/)
    expect(checkVideoUri('s3://bucket/a.mp4', ['.mp4'])).not.toMatch(/video-key/)
  })
})
