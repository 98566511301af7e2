/**
 * Row rules (rules.md, "Row rules") and the input formats (formats.md) through the whole engine:
 * files on disk in a temporary repository, `runGate`, and assertions on the findings' rule, file,
 * line and severity. Each rule has a case that makes it fire and one that keeps it quiet.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  addSymlink,
  cleanRepos,
  dataset,
  findingsOf,
  gate,
  gateFiles,
  makeRepo,
  only,
  rowFindings,
  where
} from './helpers/datasets.js'
import type { Finding, GateReport } from '../src/model.js'
import { readRecords } from '../src/read/text.js'

afterAll(cleanRepos)

const FIXTURES = new URL('./fixtures/csv/', import.meta.url)
const fixture = (name: string): Buffer => readFileSync(new URL(name, FIXTURES))

/** A valid AutoML rows line for video `n` of `label`. */
const row = (n: number | string, label = 'dog', start = '0', end = '1'): string =>
  `gs://bucket/v/${n}.mp4,${label},${start},${end}`
const lines = (...rows: string[]): string => rows.join('\n') + '\n'
const clipText = (text: string): string =>
  text.length > 20 ? `${text.slice(0, 12)}…(${text.length} chars)` : text

/** Gates one standalone rows file `a.csv` (Vertex CSV without ML_USE: every row UNASSIGNED). */
async function gateRows(text: string | Buffer, config?: string): Promise<GateReport> {
  return gateFiles({ 'a.csv': text }, config === undefined ? {} : { config })
}

function one(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1)
  return findings[0]!
}

describe('valid input keeps every row rule quiet', () => {
  it('AutoML index + rows with labels, fractions, inf and several rows per video', async () => {
    const report = await gateFiles({
      'data/index.csv': 'TRAIN,gs://b/m/train.csv\nTEST,gs://b/m/test.csv\n',
      'data/train.csv': lines(
        row(1, 'dog', '0', '1.5'),
        row(1, 'dog', '2', '3.123456'),
        row(2, 'cat', '0', 'inf'),
        row(3, 'cat', '0.5', 'INF'),
        'gs://my-bucket.example.com/a/b/c.MOV,Dog_2,0,10',
        'gs://bucket/x.mpeg4,cat,1,2',
        'gs://bucket/x.avi,cat,1,2'
      ),
      'data/test.csv': lines(row(10, 'dog'), row(11, 'cat'))
    })
    expect(rowFindings(report)).toEqual([])
    const d = only(report)
    expect(d.files.map(f => [f.path, f.format, f.rows, f.split])).toEqual([
      ['data/train.csv', 'automl-rows', 7, 'TRAIN'],
      ['data/test.csv', 'automl-rows', 2, 'TEST']
    ])
    expect(d.splits.TRAIN!.segments).toBe(7)
    expect(d.splits.TEST!.classes.dog).toEqual({ segments: 1, videos: 1, seconds: 1 })
  })
})

describe('csv-syntax', () => {
  it('an unterminated quote names its line; the file stops there and other files are read', async () => {
    const report = await gateFiles({
      'index.csv': 'TRAIN,a.csv\nTEST,b.csv\n',
      'a.csv': lines(row(1), 'gs://bucket/v/2.mp4,"dog,0,1', row(3)),
      'b.csv': lines(row(4, 'cat'), row(5, 'dog'))
    })
    const f = one(findingsOf(report, 'csv-syntax'))
    expect([f.file, f.line, f.severity]).toEqual(['a.csv', 2, 'error'])
    expect(f.message).toMatch(/unterminated quote/)
    const d = only(report)
    expect(d.files.find(x => x.path === 'b.csv')!.rows).toBe(2)
    expect(d.splits.TEST!.segments).toBe(2)
    expect(d.splits.TRAIN!.segments).toBe(1)
  })

  it('NUL bytes (binary) are reported at their line', async () => {
    const report = await gateFiles({
      'a.csv': Buffer.from(lines(row(1), row(2), 'gs://bucket/v/3.mp4,d\0og,0,1')),
      'b.csv': lines(row(1, 'cat'))
    })
    const f = one(findingsOf(report, 'csv-syntax'))
    expect([f.file, f.line, f.severity]).toEqual(['a.csv', 3, 'error'])
    expect(f.message).toMatch(/NUL/)
    expect(dataset(report, 'b.csv').files[0]!.rows).toBe(1)
  })

  it('invalid UTF-8 is reported at its line', async () => {
    const bad = Buffer.concat([
      Buffer.from(lines(row(1)) + 'gs://bucket/v/2.mp4,d'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('og,0,1\n')
    ])
    const report = await gateFiles({ 'a.csv': bad, 'b.csv': lines(row(1, 'cat')) })
    const f = one(findingsOf(report, 'csv-syntax'))
    expect([f.file, f.line, f.severity]).toEqual(['a.csv', 2, 'error'])
    expect(f.message).toMatch(/UTF-8/)
    expect(dataset(report, 'b.csv').files[0]!.rows).toBe(1)
  })

  it('a Git LFS pointer says how to fetch the data', async () => {
    const pointer =
      'version https://git-lfs.github.com/spec/v1\n' +
      'oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n'
    const report = await gateFiles({
      'index.csv': 'TRAIN,a.csv\nTEST,b.csv\n',
      'a.csv': pointer,
      'b.csv': lines(row(1, 'cat'))
    })
    const f = one(findingsOf(report, 'csv-syntax'))
    expect([f.file, f.line, f.severity]).toEqual(['a.csv', 1, 'error'])
    expect(f.message).toMatch(/LFS/)
    expect(f.message).toMatch(/git lfs pull|lfs: true/)
    expect(only(report).splits.TEST!.segments).toBe(1)
  })

  it('a UTF-16 file (BOM) is refused at line 1', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines(row(1)), 'utf16le')])
    const report = await gateFiles({ 'a.csv': utf16, 'b.csv': lines(row(1, 'cat')) })
    const f = one(findingsOf(report, 'csv-syntax'))
    expect([f.file, f.line, f.severity]).toEqual(['a.csv', 1, 'error'])
    expect(f.message).toMatch(/UTF-16/)
    expect(dataset(report, 'b.csv').files[0]!.rows).toBe(1)
  })

  it('quoted fields with commas, line breaks and escaped quotes parse, and later line numbers stay exact', async () => {
    const report = await gateRows(fixture('quoted.csv'))
    expect(findingsOf(report, 'csv-syntax')).toEqual([])
    expect(findingsOf(report, 'row-shape')).toEqual([])
    expect(where(findingsOf(report, 'label-invalid'))).toEqual([
      'a.csv:3 error label-invalid', // "jump, high": a comma inside a quoted field
      'a.csv:4 error label-invalid', // "two\nline\nlabel" spans lines 4-6
      'a.csv:7 error label-invalid' // "say ""hi""" -> say "hi"
    ])
    const labels = findingsOf(report, 'label-invalid').map(f => f.class)
    expect(labels).toEqual(['jump, high', 'two\nline\nlabel', 'say "hi"'])
    // the row after the three-line field is on line 8
    expect(where(findingsOf(report, 'segment-invalid'))).toEqual(['a.csv:8 error segment-invalid'])
    const d = only(report)
    expect(d.files[0]!.rows).toBe(6)
    expect(d.splits.TRAIN!.classes.cartwheel!.segments).toBe(3)
  })

  it('a UTF-8 BOM and CRLF line ends are read transparently, blank line numbered right', async () => {
    const report = await gateRows(fixture('crlf-bom.csv'))
    expect(findingsOf(report, 'csv-syntax')).toEqual([])
    expect(findingsOf(report, 'uri-invalid')).toEqual([]) // the BOM is not part of the first URI
    expect(where(rowFindings(report))).toEqual([
      'a.csv:2 error segment-invalid',
      'a.csv:3 warning row-shape'
    ])
    expect(Object.keys(only(report).splits.UNASSIGNED!.classes)).toEqual(['run', 'walk'])
  })

  describe('past the first 1 MiB read chunk', () => {
    // 1300 lines of ~1 KB (long object names): the problem sits in the second chunk the reader gets.
    const long = 'x'.repeat(1000)
    const many = (quotedFirst: boolean): string[] =>
      Array.from({ length: 1300 }, (_, i) =>
        i === 0 && quotedFirst ? `"gs://bucket/v/${long}.mp4",dog,0,1` : row(`${long}/${i}`)
      )
    const tail = (...parts: (string | number[])[]): Buffer =>
      Buffer.concat(parts.map(p => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))))

    it.each([
      ['plain', false],
      ['quoted (csv-parse)', true]
    ])('%s: NUL and invalid UTF-8 lines are exact', async (_name, quoted) => {
      const head = lines(...many(quoted))
      const nul = await gateRows(tail(head, 'gs://bucket/v/x.mp4,d', [0], 'g,0,1\n'))
      expect(where(findingsOf(nul, 'csv-syntax'))).toEqual(['a.csv:1301 error csv-syntax'])
      const utf8 = await gateRows(tail(head, 'gs://bucket/v/x.mp4,d', [0xff], 'g,0,1\n'))
      expect(where(findingsOf(utf8, 'csv-syntax'))).toEqual(['a.csv:1301 error csv-syntax'])
    })

    it('the reader counts lines from the bytes, not from records csv-parse has yet to emit', async () => {
      // Chunks that end right after a line break, with a pause between them as a slow disk gives.
      const read = async (...parts: (string | number[])[]) => {
        const chunks = {
          async *[Symbol.asyncIterator]() {
            for (const part of parts) {
              await new Promise(resolve => setTimeout(resolve, 5))
              yield Buffer.from(part as string)
            }
          }
        }
        const seen: number[] = []
        const result = await readRecords(
          chunks,
          { record: (_fields, line) => void seen.push(line), blank: () => {} },
          { mode: 'csv', maxLineBytes: 1 << 20 }
        )
        return { stop: result.stop, lines: result.lines, seen }
      }
      const nul = await read('"a",b\nc,d\ne,f\n', 'g,h\ni,\0j\n')
      expect(nul.stop).toMatchObject({ kind: 'syntax', line: 5 })
      const utf8 = await read('"a",b\nc,d\ne,f\n', 'g,h\ni,', [0xff], 'j\n')
      expect(utf8.stop).toMatchObject({ kind: 'syntax', line: 5 })
      const whole = await read('"a",b\nc,"d\nd"\n', 'e,f\ng,h')
      expect(whole).toEqual({ stop: null, lines: 5, seen: [1, 2, 4, 5] })
    })

    it('a multi-line quoted field far into the file keeps later line numbers exact', async () => {
      const rows = many(true)
      rows[1100] = '"gs://bucket/v/m.mp4","a\nb\nc",0,1' // lines 1101-1103
      rows[1250] = row('late', 'dog', '9', '1') // line 1253
      const report = await gateRows(lines(...rows))
      expect(where(findingsOf(report, 'label-invalid'))).toEqual(['a.csv:1101 error label-invalid'])
      expect(where(findingsOf(report, 'segment-invalid'))).toEqual([
        'a.csv:1253 error segment-invalid'
      ])
      expect(only(report).files[0]!.rows).toBe(1300)
    })
  })

  it('stays quiet on a plain valid file', async () => {
    const report = await gateRows(lines(row(1), row(2, 'cat')))
    expect(findingsOf(report, 'csv-syntax')).toEqual([])
  })
})

describe('row-shape', () => {
  it('flags a wrong field count in rows files and indexes', async () => {
    const report = await gateFiles({
      'index.csv': 'TRAIN,a.csv\nTEST,b.csv,extra\nTEST,c.csv\n',
      'a.csv': lines(row(1), 'gs://bucket/v/2.mp4,dog,0', row(3), 'gs://bucket/v/4.mp4,dog,0,1,2'),
      'c.csv': lines(row(5, 'cat'))
    })
    expect(where(findingsOf(report, 'row-shape'))).toEqual([
      'a.csv:2 error row-shape',
      'a.csv:4 error row-shape',
      'index.csv:2 error row-shape'
    ])
    expect(findingsOf(report, 'row-shape')[0]!.message).toMatch(/expected 4 fields/)
  })

  it('a blank line is a warning with its line number', async () => {
    const report = await gateRows(lines(row(1), '', row(2)))
    const f = one(findingsOf(report, 'row-shape'))
    expect([f.file, f.line, f.severity]).toEqual(['a.csv', 2, 'warning'])
    expect(f.message).toMatch(/blank line/)
  })

  it('a 0-byte file and a blank-lines-only file are findings', async () => {
    const report = await gateFiles({ 'empty.csv': '', 'blank.csv': '\n\n\n' })
    const empty = one(findingsOf(dataset(report, 'empty.csv'), 'row-shape'))
    expect([empty.file, empty.line, empty.severity]).toEqual(['empty.csv', 1, 'error'])
    expect(empty.message).toMatch(/empty/)
    const blank = findingsOf(dataset(report, 'blank.csv'), 'row-shape')
    expect(blank.some(f => f.severity === 'error' && /no data rows/.test(f.message))).toBe(true)
    expect(blank.filter(f => f.severity === 'warning').map(f => f.line)).toEqual([1, 2, 3])
    expect(report.passed).toBe(false)
  })

  it('stays quiet on rows with 4 fields and on a Vertex file mixing 4 and 5 fields', async () => {
    const report = await gateRows(lines(row(1), 'test,gs://bucket/v/2.mp4,cat,0,1'))
    expect(findingsOf(report, 'row-shape')).toEqual([])
  })
})

describe('uri-invalid', () => {
  const cases: [string, RegExp][] = [
    ['s3://bucket/a.mp4', /gs:\/\/bucket\/object/],
    ['https://storage.googleapis.com/bucket/a.mp4', /gs:\/\/bucket\/object/],
    ['gs://ab/a.mp4', /3 to 63/], // too short
    ['gs://Bucket/a.mp4', /lowercase/],
    ['gs://-bucket/a.mp4', /starting and ending/],
    ['gs://goog-videos/a.mp4', /goog/],
    ['gs://192.168.1.1/a.mp4', /IP address/],
    [`gs://${'a'.repeat(64)}/a.mp4`, /63|over-long/],
    ['gs://bucket/', /not a video object/], // empty object
    ['gs://bucket', /not a video object/],
    ['gs://bucket/folder/', /not a video object/],
    ['gs://bucket/a.mkv', /unsupported video container "\.mkv"/],
    ['gs://bucket/noextension', /unsupported video container "\(none\)"/],
    ['gs://bucket/a b.mp4', /whitespace/],
    [' gs://bucket/a.mp4', /whitespace/],
    ['gs://bucket/a\t.mp4', /whitespace|control/],
    ['gs://bucket/a\u0007.mp4', /control/],
    ['gs://bucket/a\u200b.mp4', /invisible/]
  ]

  it.each(cases)('%j fires with the row line', async (bad, message) => {
    const report = await gateRows(lines(row(1), `${bad},dog,0,1`, row(3)))
    const f = one(findingsOf(report, 'uri-invalid'))
    expect([f.file, f.line, f.severity, f.split]).toEqual(['a.csv', 2, 'error', 'UNASSIGNED'])
    expect(f.message).toMatch(message)
  })

  it('accepts the four containers in any case, dotted buckets and deep objects', async () => {
    const report = await gateRows(
      lines(
        'gs://bucket/a.mov,dog,0,1',
        'gs://bucket/b.MPEG4,dog,0,1',
        'gs://bucket/c.Mp4,dog,0,1',
        'gs://my_bucket-1.example.com/x/y/z.AVI,dog,0,1',
        'gs://bucket/a%20b.mp4,dog,0,1'
      )
    )
    expect(findingsOf(report, 'uri-invalid')).toEqual([])
  })

  it('the container list is configurable', async () => {
    const config = 'rules:\n  uri-invalid: { extensions: [.mkv, .webm] }\n'
    const report = await gateRows(
      lines('gs://bucket/a.mkv,dog,0,1', 'gs://bucket/b.mp4,dog,0,1'),
      config
    )
    expect(where(findingsOf(report, 'uri-invalid'))).toEqual(['a.csv:2 error uri-invalid'])
  })

  it('every row of a bad URI is flagged, not only the first', async () => {
    const report = await gateRows(lines('gs://bucket/a.mkv,dog,0,1', 'gs://bucket/a.mkv,cat,0,1'))
    expect(where(findingsOf(report, 'uri-invalid'))).toEqual([
      'a.csv:1 error uri-invalid',
      'a.csv:2 error uri-invalid'
    ])
  })
})

describe('label-missing', () => {
  it('fires on times without a label and on a label without times', async () => {
    const report = await gateRows(
      lines(row(1), 'gs://bucket/v/2.mp4,,0,5', 'gs://bucket/v/3.mp4,dog,,', row(4))
    )
    expect(where(findingsOf(report, 'label-missing'))).toEqual([
      'a.csv:2 error label-missing',
      'a.csv:3 error label-missing'
    ])
    const [noLabel, noTimes] = findingsOf(report, 'label-missing')
    expect(noLabel!.message).toMatch(/times but no label/)
    expect(noTimes!.message).toMatch(/label but no START and END/)
    expect(noTimes!.class).toBe('dog')
  })

  it('an unlabeled URI,,, row is not label-missing', async () => {
    const report = await gateRows(lines(row(1), 'gs://bucket/v/2.mp4,,,'))
    expect(findingsOf(report, 'label-missing')).toEqual([])
  })
})

describe('label-invalid', () => {
  it("fires on commas and on labels outside AutoML's pattern", async () => {
    const report = await gateRows(
      lines(
        row(1, 'Dog_1'),
        row(2, '"a,b"'),
        row(3, '1dog'),
        row(4, 'a'.repeat(33)),
        row(5, 'cat-x'),
        row(6, 'air drumming'),
        row(7, 'a'.repeat(32))
      )
    )
    expect(where(findingsOf(report, 'label-invalid'))).toEqual([
      'a.csv:2 error label-invalid',
      'a.csv:3 error label-invalid',
      'a.csv:4 error label-invalid',
      'a.csv:5 error label-invalid',
      'a.csv:6 error label-invalid'
    ])
    expect(findingsOf(report, 'label-invalid')[0]!.message).toMatch(/comma/)
    expect(findingsOf(report, 'label-invalid')[0]!.class).toBe('a,b')
  })

  it('every row carrying a bad label is reported', async () => {
    const report = await gateRows(lines(row(1, '1dog'), row(2, 'cat'), row(3, '1dog')))
    expect(findingsOf(report, 'label-invalid').map(f => f.line)).toEqual([1, 3])
  })

  it('column-mapped manifests use the relaxed profile: spaces allowed, commas and padding not', async () => {
    const report = await gateFiles({
      'k.csv': lines(
        'label,video_uri,start,end',
        '"air drumming",gs://bucket/v/1.mp4,0,10',
        'abseiling,gs://bucket/v/2.mp4,0,10',
        '"a,b",gs://bucket/v/3.mp4,0,10',
        '" padded",gs://bucket/v/4.mp4,0,10'
      )
    })
    expect(only(report).files[0]!.format).toBe('columns')
    expect(where(findingsOf(report, 'label-invalid'))).toEqual([
      'k.csv:4 error label-invalid',
      'k.csv:5 error label-invalid'
    ])
    expect(findingsOf(report, 'label-invalid')[1]!.message).toMatch(/whitespace/)
  })

  it('the relaxed profile can be chosen for AutoML files too', async () => {
    const config = 'rules:\n  label-invalid: { profile: relaxed }\n'
    const report = await gateRows(
      lines(row(1, 'air drumming'), row(2, '1dog'), row(3, '"x,y"')),
      config
    )
    expect(where(findingsOf(report, 'label-invalid'))).toEqual(['a.csv:3 error label-invalid'])
  })

  it('a custom pattern from the configuration replaces AutoML’s', async () => {
    const config = 'rules:\n  label-invalid: { pattern: "^[a-z]+(-[0-9])?$" }\n'
    const report = await gateRows(lines(row(1, 'dog-1'), row(2, 'Cat'), row(3, 'bird')), config)
    const f = one(findingsOf(report, 'label-invalid'))
    expect([f.line, f.class]).toEqual([2, 'Cat'])
    expect(f.message).toContain('^[a-z]+(-[0-9])?$')
  })
})

describe('label-variant', () => {
  it('`Dog` beside `dog ` is one class written two ways (warning at the rarer spelling)', async () => {
    const report = await gateRows(
      lines(row(1, 'dog '), row(2, 'Dog'), row(3, 'Dog'), row(4, 'cat'))
    )
    const f = one(findingsOf(report, 'label-variant'))
    expect([f.file, f.line, f.severity, f.class]).toEqual(['a.csv', 1, 'warning', 'dog '])
    expect(f.message).toContain('"Dog"')
  })

  it('a zero-width character makes a variant and is shown in the message', async () => {
    const report = await gateRows(lines(row(1, 'dog'), row(2, 'dog'), row(3, 'do\u200bg')))
    const f = one(findingsOf(report, 'label-variant'))
    expect([f.line, f.severity]).toEqual([3, 'warning'])
    expect(f.message).toContain('<U+200B>')
  })

  it('spaces, underscores and hyphens are one separator', async () => {
    const report = await gateRows(
      lines(row(1, 'long_jump'), row(2, 'long_jump'), row(3, 'Long-Jump'))
    )
    expect(findingsOf(report, 'label-variant').map(f => f.class)).toEqual(['Long-Jump'])
  })

  it('stays quiet on distinct labels', async () => {
    const report = await gateRows(lines(row(1, 'dog'), row(2, 'dogs'), row(3, 'cat')))
    expect(findingsOf(report, 'label-variant')).toEqual([])
  })
})

describe('segment-invalid', () => {
  const bad: [start: string, end: string, message: RegExp][] = [
    ['', '5', /no START/],
    ['0', '', /no END/],
    ['abc', '5', /not a number/],
    ['-1', '5', /negative/],
    ['-0', '5', /negative/],
    ['inf', 'inf', /only valid as END/],
    ['5', '5', /START must be less than END/],
    ['6', '5', /START must be less than END/],
    ['0', '0', /greater than 0/],
    ['00:00:01', '5', /HH:MM:SS/],
    ['0', '1:30', /HH:MM:SS/],
    ['0', '12s', /unit suffix/],
    ['0', 'Infinity', /not a number/],
    ['NaN', '5', /not a number/],
    ['0', '1e309', /not a number/],
    ['0', '1e3', /not a number/],
    ['0x10', '20', /not a number/],
    ['0', ' 5', /whitespace/],
    ['+1', '5', /not a number/],
    ['0', `1${'0'.repeat(400)}`, /too large/] // 1e400 written out
  ]

  it.each(
    bad.map(
      ([start, end, message]) => [clipText(start), clipText(end), start, end, message] as const
    )
  )('START %j END %j is an error', async (_shownStart, _shownEnd, start, end, message) => {
    const report = await gateRows(lines(row(1), row(2, 'dog', start, end), row(3)))
    const f = one(findingsOf(report, 'segment-invalid'))
    expect([f.file, f.line, f.severity, f.class]).toEqual(['a.csv', 2, 'error', 'dog'])
    expect(f.message).toMatch(message)
    expect(findingsOf(report, 'label-missing')).toEqual([])
  })

  it('more than 6 decimals is a warning; 6 are fine', async () => {
    const report = await gateRows(
      lines(
        row(1, 'dog', '0', '1.123456'),
        row(2, 'dog', '0.1234567', '2'),
        row(3, 'dog', '0', '3.5')
      )
    )
    const f = one(findingsOf(report, 'segment-invalid'))
    expect([f.line, f.severity]).toEqual([2, 'warning'])
    expect(f.message).toMatch(/7 decimals/)
  })

  it('END beyond the known duration is an error; the tolerance allows a margin', async () => {
    const files = {
      'rows.csv': lines(
        'gs://bucket/a.mp4,dog,0,10', // exactly the duration: fine
        'gs://bucket/a.mp4,dog,0,10.5', // beyond
        'gs://bucket/a.mp4,dog,11,inf', // START beyond
        'gs://bucket/b.mp4,dog,0,99', // no duration known: fine
        'gs://bucket/c%20d.mp4,dog,0,21' // duration given for the same video written another way
      ),
      'durations.csv': 'video,seconds\ngs://bucket/a.mp4,10\ngs://bucket//c d.mp4,20\n'
    }
    const config = (extra = ''): string =>
      `datasets:\n  - name: d\n    files: [rows.csv]\n    durations: durations.csv\n${extra}`
    const strict = await gateFiles(files, { config: config() })
    expect(where(findingsOf(strict, 'segment-invalid'))).toEqual([
      'rows.csv:2 error segment-invalid',
      'rows.csv:3 error segment-invalid',
      'rows.csv:5 error segment-invalid'
    ])
    expect(findingsOf(strict, 'segment-invalid')[0]!.message).toMatch(
      /beyond the video's duration of 10/
    )
    expect(findingsOf(strict, 'input-error')).toEqual([]) // the header row of durations.csv is allowed
    // `inf` becomes known seconds once the duration is known
    const tolerant = await gateFiles(files, {
      config: config('    rules:\n      segment-invalid: { tolerance: 1 }\n')
    })
    expect(where(findingsOf(tolerant, 'segment-invalid'))).toEqual([
      'rows.csv:3 error segment-invalid' // START 11 >= 10 + 1
    ])
  })

  it('stays quiet on valid times, `inf` in any case, and 0 as START', async () => {
    const report = await gateRows(
      lines(
        row(1, 'dog', '0', 'inf'),
        row(2, 'dog', '0', 'INF'),
        row(3, 'dog', '0.5', '1.25'),
        row(4, 'dog', '10', '3600')
      )
    )
    expect(findingsOf(report, 'segment-invalid')).toEqual([])
  })
})

describe('split-invalid', () => {
  it('VALIDATE in a legacy index is an error at the index line', async () => {
    const report = await gateFiles({
      'index.csv': 'TRAIN,a.csv\nVALIDATE,b.csv\nTEST,c.csv\nEVAL,c.csv\n',
      'a.csv': lines(row(1)),
      'b.csv': lines(row(2)),
      'c.csv': lines(row(3))
    })
    expect(where(findingsOf(report, 'split-invalid'))).toEqual([
      'index.csv:2 error split-invalid',
      'index.csv:4 error split-invalid'
    ])
    expect(findingsOf(report, 'split-invalid')[0]!.message).toMatch(/VALIDATE/)
  })

  it('a byte-order mark before a legacy index ML_USE is an error; the file is still read', async () => {
    const report = await gateFiles({
      'index.csv': 'TRAIN,a.csv\n\ufeffTEST,c.csv\n',
      'a.csv': lines(row(1)),
      'c.csv': lines(row(3))
    })
    const found = findingsOf(report, 'split-invalid')
    expect(where(found)).toEqual(['index.csv:2 error split-invalid'])
    expect(found[0]!.message).toBe(
      'ML_USE "<U+FEFF>TEST" has an invisible character around TEST; write TEST alone'
    )
    expect(only(report).splits.TEST!.segments).toBe(1)
  })

  it('Vertex `validation` is a warning; an unknown ML_USE is an error and the row is not counted', async () => {
    const report = await gateRows(
      lines(
        'training,gs://bucket/v/1.mp4,dog,0,1',
        'validation,gs://bucket/v/2.mp4,dog,0,1',
        'holdout,gs://bucket/v/3.mp4,dog,0,1',
        'TEST,gs://bucket/v/4.mp4,dog,0,1'
      )
    )
    expect(where(findingsOf(report, 'split-invalid'))).toEqual([
      'a.csv:2 warning split-invalid',
      'a.csv:3 error split-invalid'
    ])
    const d = only(report)
    expect(d.splits.VALIDATION!.segments).toBe(1)
    expect(d.splits.TRAIN!.segments + d.splits.TEST!.segments + d.splits.VALIDATION!.segments).toBe(
      3
    )
  })

  it('an unknown split value in a column-mapped manifest is an error', async () => {
    const report = await gateFiles({
      'm.csv': lines(
        'video_uri,label,split',
        'gs://bucket/v/1.mp4,dog,train',
        'gs://bucket/v/2.mp4,dog,holdout',
        'gs://bucket/v/3.mp4,dog,TEST'
      )
    })
    expect(where(findingsOf(report, 'split-invalid'))).toEqual(['m.csv:3 error split-invalid'])
  })

  it('stays quiet on training/test and TRAIN/TEST/UNASSIGNED', async () => {
    const report = await gateFiles({
      'index.csv': 'TRAIN,a.csv\nTEST,b.csv\nUNASSIGNED,c.csv\n',
      'a.csv': lines(row(1)),
      'b.csv': lines(row(2)),
      'c.csv': lines(row(3)),
      'v.csv': lines('training,gs://bucket/v/1.mp4,dog,0,1', 'Test,gs://bucket/v/2.mp4,dog,0,1')
    })
    expect(findingsOf(report, 'split-invalid')).toEqual([])
  })
})

describe('duplicate-row', () => {
  it('the same (split, video, label, start, end) in two files names both lines', async () => {
    const report = await gateFiles({
      'index.csv': 'TRAIN,a.csv\nTRAIN,b.csv\nTEST,c.csv\n',
      'a.csv': lines(row(1), row(2), row(3)),
      'b.csv': lines(row(9, 'cat'), row(2), row(2, 'dog', '0', '1.0')),
      'c.csv': lines(row(20))
    })
    const found = findingsOf(report, 'duplicate-row')
    expect(where(found)).toEqual(['b.csv:2 warning duplicate-row', 'b.csv:3 warning duplicate-row'])
    expect(found[0]!.message).toContain('a.csv:2')
  })

  it('different split, label or times are not duplicates', async () => {
    const report = await gateFiles({
      'index.csv': 'TRAIN,a.csv\nTEST,b.csv\n',
      'a.csv': lines(row(1), row(1, 'cat'), row(1, 'dog', '0', '2')),
      'b.csv': lines(row(1))
    })
    expect(findingsOf(report, 'duplicate-row')).toEqual([])
  })
})

describe('unlabeled-video', () => {
  it('a lone URI,,, row is a notice; repeated or also labeled it is a warning', async () => {
    const report = await gateRows(
      lines(
        row(1),
        'gs://bucket/u/1.mp4,,,',
        'gs://bucket/u/2.mp4,,,',
        'gs://bucket/u/2.mp4,,,',
        'gs://bucket/v/1.mp4,,,'
      )
    )
    expect(where(findingsOf(report, 'unlabeled-video'))).toEqual([
      'a.csv:2 notice unlabeled-video',
      'a.csv:3 warning unlabeled-video',
      'a.csv:4 warning unlabeled-video',
      'a.csv:5 warning unlabeled-video'
    ])
    expect(only(report).splits.UNASSIGNED!.unlabeledVideos).toBe(3)
  })

  it('stays quiet without URI,,, rows', async () => {
    const report = await gateRows(lines(row(1), row(2)))
    expect(findingsOf(report, 'unlabeled-video')).toEqual([])
  })
})

describe('file-size', () => {
  it('fires over the configured max-bytes, quiet under it', async () => {
    const text = lines(row(1), row(2))
    const over = await gateRows(text, `rules:\n  file-size: { max-bytes: ${text.length - 1} }\n`)
    const f = one(findingsOf(over, 'file-size'))
    expect([f.file, f.severity]).toEqual(['a.csv', 'warning'])
    const under = await gateRows(text, `rules:\n  file-size: { max-bytes: ${text.length} }\n`)
    expect(findingsOf(under, 'file-size')).toEqual([])
    expect(findingsOf(await gateRows(text), 'file-size')).toEqual([])
  })
})

describe('formats', () => {
  it('AutoML index: gs:// prefix map, same-folder fallback and plain relative paths', async () => {
    const config =
      'datasets:\n  - name: d\n    index: data/index.csv\n    gcs-prefix-map: { "gs://my-bucket/data/": "datasets/", "gs://my-bucket/": "other/" }\n'
    const report = await gateFiles(
      {
        'data/index.csv': lines(
          'TRAIN,gs://my-bucket/data/a/train.csv', // longest prefix -> datasets/a/train.csv
          'TEST,gs://elsewhere/some/where/test.csv', // no prefix -> data/test.csv
          'UNASSIGNED,sub/more.csv' // relative to the index
        ),
        'datasets/a/train.csv': lines(row(1)),
        'data/test.csv': lines(row(2)),
        'data/sub/more.csv': lines(row(3))
      },
      { config }
    )
    const d = only(report)
    expect(d.files.map(f => [f.path, f.split])).toEqual([
      ['datasets/a/train.csv', 'TRAIN'],
      ['data/test.csv', 'TEST'],
      ['data/sub/more.csv', 'UNASSIGNED']
    ])
    expect(rowFindings(report)).toEqual([])
  })

  it('refuses index references that leave the repository or cannot be used, and reads the rest', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'dataset-gate-outside-'))
    try {
      writeFileSync(join(outside, 'x.csv'), lines(row(99)))
      const root = await makeRepo({
        'sub/index.csv': lines(
          'TRAIN,gs://bucket/m/train.csv', // 1: fine
          'TEST,../../outside.csv', // 2: climbs out
          `TEST,${join(outside, 'x.csv')}`, // 3: absolute
          'TEST,link.csv', // 4: symlink out of the repo
          'TEST,index.csv', // 5: itself
          'TEST,missing.csv', // 6: missing
          'TEST,nested.csv', // 7: another index
          'TEST,test.csv' // 8: fine
        ),
        'sub/train.csv': lines(row(1), row(2, 'cat')),
        'sub/test.csv': lines(row(3), row(4, 'cat')),
        'sub/nested.csv': 'TRAIN,train.csv\nTEST,test.csv\n'
      })
      await addSymlink(root, 'sub/link.csv', join(outside, 'x.csv'))
      const report = await gate(root, {
        config: 'datasets:\n  - name: d\n    index: sub/index.csv\n'
      })
      const d = only(report)
      const inputErrors = findingsOf(d, 'input-error')
      expect(where(inputErrors)).toEqual([
        'sub/index.csv:2 error input-error',
        'sub/index.csv:3 error input-error',
        'sub/index.csv:4 error input-error',
        'sub/index.csv:5 error input-error',
        'sub/index.csv:6 error input-error',
        'sub/nested.csv:1 error input-error'
      ])
      const message = (line: number, file = 'sub/index.csv') =>
        inputErrors.find(f => f.file === file && f.line === line)!.message
      expect(message(2)).toMatch(/outside the repository/)
      expect(message(3)).toMatch(/absolute path/)
      expect(message(4)).toMatch(/symbolic link leads outside/)
      expect(message(5)).toMatch(/lists itself/)
      expect(message(6)).toMatch(/does not exist/)
      expect(message(1, 'sub/nested.csv')).toMatch(/index/)
      expect(message(1, 'sub/nested.csv')).toContain('sub/index.csv:7')
      // the nested index is not misread as rows
      expect(findingsOf(d, 'row-shape')).toEqual([])
      // nothing outside the repository was read, the good files were
      expect(d.splits.TRAIN!.segments).toBe(2)
      expect(d.splits.TEST!.segments).toBe(2)
      expect(JSON.stringify(report)).not.toContain('gs://bucket/v/99.mp4')
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('Vertex CSV with ML_USE on every row, on some rows, and on none', async () => {
    const report = await gateFiles({
      'all.csv': lines('training,gs://bucket/v/1.mp4,dog,0,1', 'test,gs://bucket/v/2.mp4,dog,0,1'),
      'some.csv': lines('gs://bucket/v/1.mp4,dog,0,1', 'TRAINING,gs://bucket/v/2.mp4,dog,0,1'),
      'none.csv': lines(row(1), row(2))
    })
    const splits = (name: string) =>
      Object.fromEntries(
        Object.entries(dataset(report, name).splits).map(([split, s]) => [split, s.segments])
      )
    expect(splits('all.csv')).toEqual({ TRAIN: 1, TEST: 1 })
    expect(splits('some.csv')).toEqual({ TRAIN: 1, UNASSIGNED: 1 })
    expect(splits('none.csv')).toEqual({ UNASSIGNED: 2 })
    for (const d of report.datasets) expect(d.files[0]!.format).toBe('vertex-csv')
    expect(rowFindings(report)).toEqual([])
  })

  it('Vertex JSON Lines: segments, defaults, ml_use and bad lines', async () => {
    const item = (uri: string, annotations?: unknown[], mlUse?: string) =>
      JSON.stringify({
        videoGcsUri: uri,
        ...(annotations ? { timeSegmentAnnotations: annotations } : {}),
        ...(mlUse ? { dataItemResourceLabels: { 'aiplatform.googleapis.com/ml_use': mlUse } } : {})
      })
    const report = await gateFiles({
      'v.jsonl': lines(
        item(
          'gs://demo/video1.mp4',
          [{ displayName: 'cartwheel', startTime: '1.0s', endTime: '12.0s' }],
          'training'
        ),
        item(
          'gs://demo/video2.mp4',
          [
            { displayName: 'jump' },
            { displayName: 'cartwheel', startTime: '2s', endTime: 'Infinity' }
          ],
          'test'
        ),
        item('gs://demo/video3.mp4'),
        '{not json',
        item(
          'gs://demo/video4.mp4',
          [{ displayName: 'jump', startTime: '5s', endTime: '1s' }],
          'validation'
        ),
        '[1,2]'
      )
    })
    const d = only(report)
    expect(d.files[0]).toMatchObject({ path: 'v.jsonl', format: 'vertex-jsonl', rows: 6 })
    expect(d.splits.TRAIN!.classes).toEqual({ cartwheel: { segments: 1, videos: 1, seconds: 11 } })
    expect(d.splits.TEST!.classes.jump).toEqual({ segments: 1, videos: 1, seconds: null })
    expect(d.splits.TEST!.classes.cartwheel!.segments).toBe(1)
    expect(where(rowFindings(report))).toEqual([
      'v.jsonl:3 notice unlabeled-video',
      'v.jsonl:4 error row-shape',
      'v.jsonl:5 error segment-invalid',
      'v.jsonl:5 warning split-invalid',
      'v.jsonl:6 error row-shape'
    ])
  })

  it('a headered CSV through a configured column map with its own split values', async () => {
    const config = [
      'datasets:',
      '  - name: clips',
      '    files: [manifests/*.csv]',
      '    format: columns',
      '    columns: { video: clip, label: action, start: from, end: to, split: fold }',
      '    split-values: { tr: TRAIN, te: TEST }',
      ''
    ].join('\n')
    const report = await gateFiles(
      {
        'manifests/clips.csv': lines(
          'action,clip,from,to,fold,notes',
          '"high jump",gs://bucket/v/1.mp4,0,5,tr,"a, b"',
          'run,gs://bucket/v/2.mp4,1.5,3,TE,',
          'run,gs://bucket/v/3.mp4,1.5,3,dev,',
          'run,gs://bucket/v/4.mp4,1.5'
        )
      },
      { config }
    )
    const d = only(report)
    expect(d.files[0]).toMatchObject({ format: 'columns', rows: 4 })
    expect(d.splits.TRAIN!.classes['high jump']).toEqual({ segments: 1, videos: 1, seconds: 5 })
    expect(d.splits.TEST!.classes.run).toEqual({ segments: 1, videos: 1, seconds: 1.5 })
    expect(where(rowFindings(report))).toEqual([
      'manifests/clips.csv:4 error split-invalid',
      'manifests/clips.csv:5 error row-shape'
    ])
  })

  it('a column map naming a header that is missing is an input error for that file', async () => {
    const config =
      'datasets:\n  - name: d\n    files: [m.csv]\n    columns: { video: clip, label: action }\n'
    const report = await gateFiles({ 'm.csv': lines('video,label', row(1)) }, { config })
    const f = one(findingsOf(report, 'input-error'))
    expect([f.file, f.line]).toEqual(['m.csv', 1])
    expect(f.message).toMatch(/video column "clip"/)
  })
})

describe('max-findings-per-rule', () => {
  it('caps the listed findings with an "N more" finding; counts and verdict include the rest', async () => {
    const bad = Array.from({ length: 10 }, (_, i) => row(i, 'dog', '5', '1'))
    const report = await gateRows(
      lines(...bad, row(100, '1x'), row(101, '2x')),
      'max-findings-per-rule: 3\n'
    )
    const d = only(report)
    const segment = d.findings.filter(f => f.rule === 'segment-invalid')
    expect(segment).toHaveLength(4)
    expect(segment.slice(0, 3).map(f => f.line)).toEqual([1, 2, 3])
    const more = segment.find(f => f.omitted !== undefined)!
    expect(more.message).toMatch(/^7 more segment-invalid findings not listed/)
    expect([more.file, more.line, more.severity]).toEqual([null, null, 'error'])
    // 10 segment errors + 2 label errors + min-classes (1 class): every omitted finding counts
    const listedErrors = d.findings.filter(
      f => f.severity === 'error' && f.omitted === undefined
    ).length
    expect(report.counts.error).toBe(listedErrors + 7)
    expect(findingsOf(report, 'label-invalid')).toHaveLength(2)
    expect(report.passed).toBe(false)
  })

  it('omitted errors still fail the gate when every listed finding is a warning', async () => {
    const valid = [
      ...Array.from({ length: 10 }, (_, i) => row(i, 'dog')),
      ...Array.from({ length: 10 }, (_, i) => row(`c${i}`, 'cat'))
    ]
    const bad = [
      row(1, 'dog', '0', '1.1234567'), // warning (listed)
      row(2, 'dog', '0', '1.1234567'), // warning (listed)
      row(3, 'dog', '5', '1'), // errors (omitted)
      row(4, 'dog', '5', '1'),
      row(5, 'dog', '5', '1')
    ]
    const report = await gateRows(lines(...valid, ...bad), 'max-findings-per-rule: 2\n')
    const listed = only(report).findings
    expect(listed.filter(f => f.severity === 'error' && f.omitted === undefined)).toEqual([])
    expect(findingsOf(report, 'segment-invalid').map(f => f.severity)).toEqual([
      'warning',
      'warning'
    ])
    expect(report.counts.error).toBe(3)
    expect(report.passed).toBe(false)
  })
})
