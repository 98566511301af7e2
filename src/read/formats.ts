/**
 * Turns the records of one file into rows for the accumulator, per format (see the README's
 * "Input formats"). The format is detected from the first record unless the configuration names it;
 * field-count, header and split-value problems are reported here, everything else by the accumulator.
 */
import { SPLITS, type FormatId, type Split } from '../model.js'
import type { ColumnMap } from '../config/schema.js'
import type { FindingSink } from '../judge/findings.js'
import { SPLIT_CODE } from '../analyze/accumulator.js'
import { textHash } from '../analyze/compact.js'
import {
  DEFAULT_SPLIT_VALUES,
  VERTEX_ML_USE,
  clip,
  isInf,
  parseIndexSplit,
  parseSeconds,
  parseVertexSplit,
  plural
} from '../analyze/values.js'
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
  /** The format a file is read as, once known: messages give that format's advice. */
  formatDetected?(file: number, format: FormatId): void
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

/** Google's CSV columns in order, without and with ML_USE (role names of HEADER_ALIASES). */
const GOOGLE_LAYOUTS: (keyof ColumnMap)[][] = [
  ['video', 'label', 'start', 'end'],
  ['split', 'video', 'label', 'start', 'end']
]

/**
 * A header row naming Google's own columns in Google's order ([ML_USE,]VIDEO_URI,LABEL,START,END),
 * e.g. `ml_use,video_uri,label,start,end`. Google's imports take no header, so when its rows hold
 * gs:// URIs (or the configuration names a Google format) the file is that format with a header
 * row to delete, and is checked as that format (AutoML labels, ML_USE values). An id-named video
 * column (`youtube_id`) marks a research manifest (Kinetics): those stay column-mapped.
 */
export function isGoogleHeader(fields: string[]): boolean {
  const layout = GOOGLE_LAYOUTS.find(roles => roles.length === fields.length)
  if (!layout) return false
  const names = fields.map(f => f.trim().toLowerCase())
  if (ID_COLUMN.test(names[layout.indexOf('video')]!)) return false
  return layout.every((role, i) => HEADER_ALIASES[role].includes(names[i]!))
}

/** Video column names that hold ids rather than URIs (see DatasetAccumulator.columnsDetected). */
const ID_COLUMN = /(^|_)id$/

/** Named as plan.ts names them in its note on files it cannot recognise. */
const OTHER_DELIMITERS: [char: string, name: string][] = [
  [';', '";" (semicolon)'],
  ['\t', 'a tab'],
  ['|', '"|" (pipe)']
]

/**
 * The delimiter a one-field row seems to use instead of commas (the one it holds most of), named
 * for a message, or null. Runs only for a row-shape finding.
 */
export function otherDelimiter(text: string): string | null {
  let best: string | null = null
  let bestCount = 0
  for (const [char, name] of OTHER_DELIMITERS) {
    const count = text.split(char).length - 1
    if (count > bestCount) {
      best = name
      bestCount = count
    }
  }
  return best
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
  /** A header row on a Google format (which takes none): reported, then skipped like a header. */
  let headerRow = false

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
        if (reader.format === 'columns' || headerRow) return // the header is not a row
      }
      reader.rows++
      handle(fields, line)
    }
  }

  const shape = (line: number, fields: string[], expected: string): void => {
    const delimiter = fields.length === 1 ? otherDelimiter(fields[0]!) : null
    const advice = delimiter
      ? `The row seems to use ${delimiter} as its delimiter; Google's import formats need commas. Save the file as comma-separated.`
      : 'Check for unquoted commas or missing fields.'
    sink.add('row-shape', {
      message: `expected ${expected}, found ${plural(fields.length, 'field')}. ${advice}`,
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
    // A header naming Google's columns in Google's order may head a Google file (import would
    // fail on it) or a research manifest that happens to use those names: its first row decides.
    if (reader.format === 'columns' && context.format === 'auto' && isGoogleHeader(first)) {
      headerRow = true
      return (fields, at) => {
        const google =
          fields.length === first.length &&
          fields[first.length === 5 ? 1 : 0]!.trim().startsWith('gs://')
        handle = google
          ? googleHeaderFile('vertex-csv', first, line)
          : handlerFor('columns', first, line)
        handle?.(fields, at)
      }
    }
    if (
      (reader.format === 'vertex-csv' || (reader.format === 'automl-rows' && first.length === 4)) &&
      isGoogleHeader(first)
    ) {
      headerRow = true
      return googleHeaderFile(reader.format, first, line)
    }
    return handlerFor(reader.format, first, line)
  }

  /** A Google format file whose first line is a header: reported once, then read as that format. */
  function googleHeaderFile(
    format: 'vertex-csv' | 'automl-rows',
    header: string[],
    line: number
  ): ((fields: string[], line: number) => void) | null {
    sink.add('row-shape', {
      severity: 'warning',
      message: `line ${line} is a header row (${clip(header.join(','), 80)}); ${format === 'vertex-csv' ? 'Vertex AI' : 'AutoML'} import does not take a header and would read it as a data row. Delete it.`,
      file: path,
      line,
      fingerprint: `row-shape:header:${path}`
    })
    return handlerFor(format, header, line)
  }

  function handlerFor(
    format: FormatId,
    first: string[],
    line: number
  ): ((fields: string[], line: number) => void) | null {
    reader.format = format
    accumulator.formatDetected?.(fileIndex, format)
    switch (format) {
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
          if (!split) return badSplit(at, fields[0]!, VERTEX_ML_USE)
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
      if (!split) return badSplit(line, String(mlUse), VERTEX_ML_USE)
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
      const start = jsonTime(a.startTime, '0')
      const end = jsonTime(a.endTime, 'inf')
      if (label.length > 0) {
        checkTimeNotation('startTime', a.startTime, start, line, code, label, uri)
        checkTimeNotation('endTime', a.endTime, end, line, code, label, uri)
      }
      accumulator.addRow(fileIndex, line, code, uri, label, start, end)
    }
  }

  /**
   * A JSON Lines time that holds a usable number of seconds but not in Vertex's notation (`0`,
   * `"12.5"`, `"inf"`): the import wants a Duration string. The value still counts (the accumulator
   * reads it); a time that is no number at all is the accumulator's to report.
   */
  function checkTimeNotation(
    field: 'startTime' | 'endTime',
    raw: unknown,
    read: string,
    line: number,
    code: number,
    label: string,
    uri: string
  ): void {
    if (raw === undefined || raw === null) return
    if (typeof raw === 'string' && (raw === 'Infinity' || DURATION.test(raw))) return
    // An end-of-video START is wrong in any notation: the accumulator says so.
    if (isInf(read) ? field === 'startTime' : !parseSeconds(read).ok) return
    const shown = typeof raw === 'string' ? `"${clip(raw)}"` : String(raw)
    const problem =
      typeof raw === 'number'
        ? 'is a JSON number'
        : isInf(read)
          ? `is the CSV spelling of the end of the video; write "Infinity" or leave ${field} out`
          : 'has no s unit'
    sink.add('segment-invalid', {
      message: `${field} ${shown} ${problem}. Write times as strings with an s unit, e.g. "12.5s".`,
      file: path,
      line,
      split: SPLITS[code]!,
      class: label,
      fingerprint: `segment-invalid:${textHash(uri + ',' + label + ',' + field + ',' + String(raw))}:notation`
    })
  }

  return reader
}

/** A protobuf Duration in JSON as Vertex writes segment times: seconds with an `s` unit. */
const DURATION = /^\d+(\.\d+)?s$/

/**
 * "12.5s" -> "12.5"; absent -> the default; "Infinity" -> "inf"; anything else passes through, for
 * the accumulator to read or report (a notation it can read is reported by checkTimeNotation).
 */
function jsonTime(value: unknown, absent: string): string {
  if (value === undefined || value === null) return absent
  if (typeof value !== 'string') return String(value)
  if (value === 'Infinity' || value === 'inf') return 'inf'
  return DURATION.test(value) ? value.slice(0, -1) : value
}
