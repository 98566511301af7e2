/**
 * Telling an AutoML index from a rows file (or neither) from a file's first records, without
 * reading the whole file, and saying why a file fits no format.
 */
import { clip } from '../display.js'
import type { FormatId } from '../model.js'
import { detectFormat } from './formats.js'
import type { FileSource } from './source.js'
import { readRecords } from './text.js'

export const JSON_LINES = /\.(jsonl|ndjson)$/i

type Sniffed = { kind: 'index' | 'rows' | 'jsonl' } | { kind: 'unknown'; why: string }

/** Records looked at to recognise a file: one broken first line must not hide a manifest. */
const SNIFF_RECORDS = 20

/**
 * Tells an index from a rows file from its first records, without reading the whole file. The
 * first record decides when it is recognisable; otherwise the format most of the next records
 * have (a comment or a broken line above the data becomes a row-shape finding when read).
 */
export async function sniff(source: FileSource, path: string): Promise<Sniffed> {
  if (JSON_LINES.test(path)) return { kind: 'jsonl' }
  const info = await source.stat(path)
  if (!('size' in info)) return { kind: 'rows' } // reading it will report the problem
  const records: string[][] = []
  const iterator = source.open(path)[Symbol.asyncIterator]()
  const firstChunks = {
    async *[Symbol.asyncIterator]() {
      const { value, done } = await iterator.next()
      if (done) return
      const window = (value as Buffer).subarray(0, 64 * 1024)
      // Whole lines only: a first line cut by the window is not the first record (a 10 MB line
      // would sniff as a 2-field record and the file be skipped); the full read reports it.
      yield window.length >= info.size ? window : window.subarray(0, window.lastIndexOf(10) + 1)
    }
  }
  const result = await readRecords(
    firstChunks,
    {
      record(fields) {
        if (records.length < SNIFF_RECORDS) records.push(fields)
      },
      blank() {}
    },
    { mode: 'csv', maxLineBytes: 64 * 1024 }
  )
  await iterator.return?.()
  if (result.stop && result.stop.kind === 'syntax') return { kind: 'rows' } // reading it reports the syntax problem
  if (records.length === 0) return { kind: 'rows' } // empty file: reported when read
  const votes = new Map<FormatId, number>()
  for (const [i, fields] of records.entries()) {
    const format = detectFormat(fields, null)
    if (format === null) continue
    if (i === 0) return { kind: format === 'automl-index' ? 'index' : 'rows' }
    votes.set(format, (votes.get(format) ?? 0) + 1)
  }
  const [best] = [...votes].sort((a, b) => b[1] - a[1])
  if (best && best[1] * 2 >= records.length - 1)
    return { kind: best[0] === 'automl-index' ? 'index' : 'rows' }
  return { kind: 'unknown', why: describeUnknown(records) }
}

/** Why the first records fit no format: the field count, and the delimiter they seem to use. */
function describeUnknown(records: string[][]): string {
  const first = records[0]!
  const delimiter = guessDelimiter(records.map(fields => fields.join(',')))
  const counts = [...new Set(records.map(r => r.length))].sort((a, b) => a - b)
  const shape = `its first ${records.length === 1 ? 'row has' : `${records.length} rows have`} ${counts.join(' or ')} comma-separated field${counts.length === 1 && counts[0] === 1 ? '' : 's'}`
  if (delimiter)
    return delimiter.decimalComma
      ? `${shape}; it seems to use ${delimiter.name} as the delimiter and ${DECIMAL_COMMA}, and Google's formats use commas between fields and points in numbers`
      : `${shape}; it seems to use ${delimiter.name} as the delimiter, and Google's formats use commas`
  return `${shape}, first "${clip(first.join(','), 40)}"; AutoML and Vertex AI rows have 2, 4 or 5 fields, and a headered file needs a video and a label column`
}

/** Delimiters people use instead of commas, named as messages name them. */
export const OTHER_DELIMITERS: [char: string, name: string][] = [
  [';', '";" (semicolon)'],
  ['\t', 'a tab'],
  ['|', '"|" (pipe)']
]

/** How a message names numbers written with a decimal comma, which Google's formats do not read. */
export const DECIMAL_COMMA = 'decimal commas (1,5 for 1.5)'

/** A field that is a number with a decimal comma: `1,5`, `12,25`. */
export function isDecimalComma(field: string): boolean {
  return /^\s*-?\d+,\d+\s*$/.test(field)
}

/** Another delimiter a row is written with, and whether its numbers have decimal commas. */
export interface OtherDelimiter {
  name: string
  decimalComma: boolean
}

/**
 * The delimiter every line has the same non-zero number of, when commas are not it. A line may
 * hold commas only as decimal commas (the semicolon-separated files of locales that write 1,5):
 * those are said too, as times must be written 1.5.
 */
function guessDelimiter(lines: string[]): OtherDelimiter | null {
  if (lines.length === 0) return null
  for (const [char, name] of OTHER_DELIMITERS) {
    const fields = lines.map(line => line.split(char))
    const count = fields[0]!.length
    if (count < 2 || fields.some(f => f.length !== count)) continue
    const commas = fields.flat().filter(field => field.includes(','))
    if (commas.every(isDecimalComma)) return { name, decimalComma: commas.length > 0 }
  }
  return null
}
