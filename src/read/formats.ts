/**
 * Turns the records of one file into rows for the accumulator, per format (see the README's
 * "Input formats"). The format is detected from the first record unless the configuration names it;
 * field-count, header and split-value problems are reported here, everything else by the accumulator.
 */
import type { FormatId, Split } from '../model.js'
import type { ColumnMap } from '../config/schema.js'
import type { FindingSink } from '../judge/findings.js'
import { SPLIT_CODE } from '../analyze/accumulator.js'
import { textHash } from '../analyze/compact.js'
import { DEFAULT_SPLIT_VALUES, clip, parseIndexSplit, parseVertexSplit } from '../analyze/values.js'
import type { RecordVisitor } from './text.js'

/** Where rows go: the accumulator, or a lighter collector on a second pass. */
export interface RowSink {
  addRow(
    file: number,
    line: number,
    split: number,
    uri: string,
    label: string,
    start: string,
    end: string
  ): void
  /** Column-mapped research manifests get the relaxed label profile when it is `auto`. */
  columnsDetected?(videoColumn: string): void
}

export interface FileContext {
  path: string
  fileIndex: number
  /** The split every row gets (AutoML rows files listed in an index). */
  fixedSplit: Split | null
  format: FormatId | 'auto'
  columns?: ColumnMap
  splitValues?: Record<string, Split>
  accumulator: RowSink
  sink: FindingSink
  blankLineSeverity: 'error' | 'warning' | 'notice' | 'off'
}

export interface RowReader extends RecordVisitor {
  /** The detected or configured format; null until the first record. */
  format: FormatId | null
  rows: number
  /** Set when the file cannot be read as rows at all (an index where rows were expected, a bad header). */
  fatal: string | null
}

/** Known header names for research manifests, so e.g. Kinetics CSVs are read without configuration. */
const HEADER_ALIASES: Record<keyof ColumnMap, string[]> = {
  video: [
    'video_uri',
    'videouri',
    'uri',
    'gcs_uri',
    'video',
    'path',
    'video_path',
    'youtube_id',
    'video_id',
    'id',
    'filename'
  ],
  label: ['label', 'class', 'class_name', 'category', 'display_name', 'displayname'],
  start: ['start', 'time_start', 'start_time', 'start_sec', 'segment_start', 'starttime'],
  end: ['end', 'time_end', 'end_time', 'end_sec', 'segment_end', 'endtime'],
  split: ['split', 'ml_use', 'subset', 'set', 'fold']
}

export function detectFormat(first: string[], fixedSplit: Split | null): FormatId | null {
  if (first.length === 2 && parseIndexSplit(first[0]!) && /\.csv$/i.test(first[1]!.trim()))
    return 'automl-index'
  if (first.length === 5 && parseVertexSplit(first[0]!)) return 'vertex-csv'
  if (inferColumns(first)) return 'columns'
  if (fixedSplit !== null) return 'automl-rows'
  return first.length === 4 || first.length === 5 ? 'vertex-csv' : null
}

/** A column map from a header row of known names, or null when the row is not such a header. */
export function inferColumns(header: string[]): ColumnMap | null {
  const names = header.map(h => h.trim().toLowerCase())
  const find = (role: keyof ColumnMap): string | undefined => {
    for (const alias of HEADER_ALIASES[role]) {
      const index = names.indexOf(alias)
      if (index !== -1) return header[index]!.trim()
    }
    return undefined
  }
  const video = find('video')
  const label = find('label')
  if (!video || !label) return null
  const map: ColumnMap = { video, label }
  const start = find('start')
  const end = find('end')
  const split = find('split')
  if (start) map.start = start
  if (end) map.end = end
  if (split) map.split = split
  return map
}

export function createRowReader(context: FileContext): RowReader {
  const { accumulator, sink, path, fileIndex } = context
  const fixedCode = SPLIT_CODE[context.fixedSplit ?? 'UNASSIGNED']
  let handle: ((fields: string[], line: number) => void) | null = null

  const reader: RowReader = {
    format: context.format === 'auto' ? null : context.format,
    rows: 0,
    fatal: null,
    blank(line) {
      if (context.blankLineSeverity === 'off') return
      sink.add('row-shape', {
        severity: context.blankLineSeverity,
        message: 'blank line; AutoML rejects files with blank lines. Delete it.',
        file: path,
        line,
        fingerprint: `row-shape:blank:${path}`
      })
    },
    record(fields, line) {
      if (reader.fatal) return
      if (!handle) {
        handle = start(fields, line)
        if (!handle) return
        if (reader.format === 'columns') return // the header is not a row
      }
      reader.rows++
      handle(fields, line)
    }
  }

  const shape = (line: number, fields: string[], expected: string): void => {
    sink.add('row-shape', {
      message: `expected ${expected}, found ${fields.length} field${fields.length === 1 ? '' : 's'}. Check for unquoted commas or missing fields.`,
      file: path,
      line,
      fingerprint: `row-shape:${textHash(fields.join(','))}`
    })
  }

  const badSplit = (line: number, value: string, allowed: string): void => {
    sink.add('split-invalid', {
      message: `split value "${clip(value)}" is not one of ${allowed}; the row is not counted.`,
      file: path,
      line,
      fingerprint: `split-invalid:${textHash(value)}`
    })
  }

  // parseVertexSplit is pure and a file uses a handful of ML_USE spellings: parse each once.
  const vertexSplits = new Map<string, ReturnType<typeof parseVertexSplit>>()
  const vertexSplit = (text: string): ReturnType<typeof parseVertexSplit> => {
    let split = vertexSplits.get(text)
    if (split === undefined) {
      split = parseVertexSplit(text)
      if (vertexSplits.size < 64) vertexSplits.set(text, split)
    }
    return split
  }

  function start(first: string[], line: number): ((fields: string[], line: number) => void) | null {
    const detected = detectFormat(first, context.fixedSplit)
    const format = reader.format ?? detected
    // Files listed in an index are planned as `automl-rows`; an index among them must still be
    // refused as one, not read as rows with the wrong field count.
    if (
      format === 'automl-index' ||
      (format === 'automl-rows' && context.fixedSplit !== null && detected === 'automl-index')
    ) {
      reader.fatal =
        'this file is an AutoML index (ML_USE,PATH), but it is listed as a rows file; an index cannot reference another index'
      return null
    }
    reader.format = format ?? (context.fixedSplit ? 'automl-rows' : 'vertex-csv')
    switch (reader.format) {
      case 'automl-rows':
        return (fields, at) => {
          if (fields.length !== 4) return shape(at, fields, '4 fields (VIDEO_URI,LABEL,START,END)')
          accumulator.addRow(
            fileIndex,
            at,
            fixedCode,
            fields[0]!,
            fields[1]!,
            fields[2]!,
            fields[3]!
          )
        }
      case 'vertex-csv':
        return (fields, at) => {
          if (fields.length === 4) {
            accumulator.addRow(
              fileIndex,
              at,
              fixedCode,
              fields[0]!,
              fields[1]!,
              fields[2]!,
              fields[3]!
            )
            return
          }
          if (fields.length !== 5)
            return shape(at, fields, '4 or 5 fields ([ML_USE,]VIDEO_URI,LABEL,START,END)')
          const split = vertexSplit(fields[0]!)
          if (!split) return badSplit(at, fields[0]!, 'training, test')
          if (split.problem)
            sink.add('split-invalid', {
              message: split.problem,
              file: path,
              line: at,
              severity: split.severity,
              fingerprint: `split-invalid:${fields[0]}`
            })
          accumulator.addRow(
            fileIndex,
            at,
            SPLIT_CODE[split.split],
            fields[1]!,
            fields[2]!,
            fields[3]!,
            fields[4]!
          )
        }
      case 'columns':
        return columnsHandler(first, line)
      case 'vertex-jsonl':
        return (fields, at) => jsonLine(fields.join(','), at)
    }
    return null
  }

  function columnsHandler(
    header: string[],
    line: number
  ): ((fields: string[], line: number) => void) | null {
    const map = context.columns ?? inferColumns(header)
    const names = header.map(h => h.trim())
    const indexOf = (name: string | undefined): number =>
      name === undefined ? -1 : names.findIndex(n => n.toLowerCase() === name.toLowerCase())
    const video = indexOf(map?.video)
    const label = indexOf(map?.label)
    if (!map || video === -1 || label === -1) {
      reader.fatal = `line ${line}: the header (${clip(names.join(','), 120)}) has no ${video === -1 ? `video column "${map?.video ?? 'video'}"` : `label column "${map?.label ?? 'label'}"`}. Fix the header or the dataset's columns map.`
      return null
    }
    const missing = (['start', 'end', 'split'] as const).filter(
      role => map[role] !== undefined && indexOf(map[role]) === -1
    )
    if (missing.length > 0) {
      reader.fatal = `line ${line}: the header has no column "${map[missing[0]!]}" (${missing[0]}). Fix the header or the dataset's columns map.`
      return null
    }
    accumulator.columnsDetected?.(map.video)
    const start = indexOf(map.start)
    const end = indexOf(map.end)
    const split = indexOf(map.split)
    const values = new Map<string, number>()
    for (const [text, name] of Object.entries(context.splitValues ?? DEFAULT_SPLIT_VALUES))
      values.set(text.toLowerCase(), SPLIT_CODE[name])
    const allowed = [...values.keys()].join(', ')
    const width = names.length
    return (fields, at) => {
      if (fields.length !== width) return shape(at, fields, `${width} fields like the header`)
      let code = fixedCode
      if (split !== -1) {
        const value = fields[split]!
        const mapped = values.get(value) ?? values.get(value.trim().toLowerCase())
        if (mapped === undefined) return badSplit(at, value, allowed)
        code = mapped
      }
      // Without time columns every row labels its whole video.
      accumulator.addRow(
        fileIndex,
        at,
        code,
        fields[video]!,
        fields[label]!,
        start === -1 ? '0' : fields[start]!,
        end === -1 ? 'inf' : fields[end]!
      )
    }
  }

  function jsonLine(text: string, line: number): void {
    let item: unknown
    try {
      item = JSON.parse(text)
    } catch {
      sink.add('row-shape', {
        message: 'not a valid JSON object; each line of a JSON Lines file must be one object.',
        file: path,
        line,
        fingerprint: `row-shape:${textHash(text)}`
      })
      return
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      sink.add('row-shape', {
        message: 'expected a JSON object with videoGcsUri.',
        file: path,
        line,
        fingerprint: `row-shape:${textHash(text)}`
      })
      return
    }
    const record = item as Record<string, unknown>
    const uri = record.videoGcsUri
    if (typeof uri !== 'string') {
      sink.add('row-shape', {
        message: 'the object has no string "videoGcsUri".',
        file: path,
        line,
        fingerprint: `row-shape:${textHash(text)}`
      })
      return
    }
    let code = fixedCode
    const resourceLabels = record.dataItemResourceLabels
    const mlUse =
      typeof resourceLabels === 'object' && resourceLabels !== null
        ? (resourceLabels as Record<string, unknown>)['aiplatform.googleapis.com/ml_use']
        : undefined
    if (mlUse !== undefined) {
      const split = typeof mlUse === 'string' ? parseVertexSplit(mlUse) : null
      if (!split) return badSplit(line, String(mlUse), 'training, test')
      if (split.problem)
        sink.add('split-invalid', {
          message: split.problem,
          file: path,
          line,
          severity: split.severity,
          fingerprint: `split-invalid:${String(mlUse)}`
        })
      code = SPLIT_CODE[split.split]
    }
    const annotations = record.timeSegmentAnnotations
    if (annotations === undefined || (Array.isArray(annotations) && annotations.length === 0)) {
      accumulator.addRow(fileIndex, line, code, uri, '', '', '')
      return
    }
    if (!Array.isArray(annotations)) {
      sink.add('row-shape', {
        message: '"timeSegmentAnnotations" must be a list.',
        file: path,
        line,
        fingerprint: `row-shape:${textHash(text)}`
      })
      return
    }
    for (const annotation of annotations) {
      const a = (typeof annotation === 'object' && annotation !== null ? annotation : {}) as Record<
        string,
        unknown
      >
      const label = typeof a.displayName === 'string' ? a.displayName : ''
      accumulator.addRow(
        fileIndex,
        line,
        code,
        uri,
        label,
        jsonTime(a.startTime, '0'),
        jsonTime(a.endTime, 'inf')
      )
    }
  }

  return reader
}

/** "12.5s" -> "12.5"; absent -> the default; "Infinity" -> "inf"; anything else passes through to be reported. */
function jsonTime(value: unknown, absent: string): string {
  if (value === undefined || value === null) return absent
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 ? String(value) : String(value)
  if (typeof value !== 'string') return String(value)
  if (value === 'Infinity' || value === 'inf') return 'inf'
  return /^\d+(\.\d+)?s$/.test(value) ? value.slice(0, -1) : value
}
