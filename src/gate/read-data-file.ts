/**
 * The first pass over one data file: checks it can and may be read (existence, size limits, the
 * dataset's budget), then streams its records through the format's reader into the accumulator.
 */
import { DatasetAccumulator } from '../analyze/accumulator.js'
import type { GateRequest } from './request.js'
import { FindingSink } from '../judge/findings.js'
import { RowProblemReporter } from '../judge/row-problems.js'
import type { FileSummary } from '../model.js'
import { formatCount } from '../display.js'
import { createFileReader, recordMode, type RowReader } from '../read/formats.js'
import type { DatasetSpec } from '../config/schema.js'
import type { PlannedFile } from '../read/dataset-plan.js'
import { transientChunks, type FileSource } from '../read/source.js'
import { readRecords, type Checkpoints, type ReadResult } from '../read/text.js'
import type { RuleSettings } from '../rules/catalogue.js'
import type { DatasetSplit, PartSettings } from './part-types.js'
import type { ParallelReading } from './request.js'

/** What every file of one dataset's first pass shares. */
export interface FirstPass {
  source: FileSource
  spec: DatasetSpec | null
  settings: RuleSettings
  sink: FindingSink
  accumulator: DatasetAccumulator
  progress: GateRequest['progress']
  /** Cleared when a file was not read to its end (the multi-label pass then reads everything). */
  complete: boolean
  /** What is left of the dataset's max-dataset-bytes and max-dataset-rows. */
  budget: { bytes: number; rows: number }
  /** Reads the rest of a large dataset in another thread; null: in one piece. */
  parallel: ParallelReading | null
  /** What that thread needs to read as this one does (null without `parallel`). */
  partSettings: PartSettings | null
  /** Per file read: where a later reading may start (the second pass's short reads). */
  checkpoints: Map<string, Checkpoints>
}

export function startFirstPass(
  fields: Omit<FirstPass, 'complete' | 'budget' | 'checkpoints'>
): FirstPass {
  const limits = fields.settings['resource-limit'].options
  return {
    ...fields,
    checkpoints: new Map(),
    complete: true,
    budget: { bytes: limits['max-dataset-bytes'], rows: limits['max-dataset-rows'] }
  }
}

/**
 * Reads one file; null when it was not read at all (the findings say why). With `split`, a worker
 * reads the rest of the dataset from a point in this file, which this reading may stop at.
 */
export async function readDataFile(
  pass: FirstPass,
  file: PlannedFile,
  split: DatasetSplit | null = null
): Promise<FileSummary | null> {
  // Past max-distinct-labels (said where reading stopped), no more of the dataset is read.
  const maxLabels = pass.settings['resource-limit'].options['max-distinct-labels']
  if (pass.accumulator.labels.length > maxLabels) {
    pass.sink.add('resource-limit', {
      message: `${file.path} was not read: the dataset already has more than ${formatCount(maxLabels)} distinct labels (max-distinct-labels).`,
      file: file.path,
      line: null,
      fingerprint: `resource-limit:labels:${file.path}`
    })
    return null
  }
  const size = await checkBeforeReading(pass, file)
  if (size === null) return null
  if (size === 0) {
    pass.sink.add('row-shape', {
      message: 'the file is empty; a manifest needs at least one row.',
      file: file.path,
      line: 1,
      fingerprint: `row-shape:empty:${file.path}`
    })
    return summary(file, null, 0, 0)
  }
  const reader = createFileReader(
    file,
    pass.spec,
    pass.accumulator.beginFile(file.path),
    pass.accumulator,
    new RowProblemReporter(pass.sink, pass.settings)
  )
  const { result, rowsLimited } = await readRows(pass, file, reader, size, split)
  pass.budget.rows -= reader.rows
  if (result.stop || rowsLimited || reader.fatal) pass.complete = false
  reportEnding(pass.sink, file, reader, result, rowsLimited)
  return summary(file, reader.format, reader.rows, size)
}

/** The file's size when it may be read, else null with a finding that says why not. */
async function checkBeforeReading(pass: FirstPass, file: PlannedFile): Promise<number | null> {
  const { sink } = pass
  const info = await pass.source.stat(file.path)
  if (!('size' in info)) {
    sink.add('input-error', {
      message: `${file.path} cannot be read: ${info.problem}${listedAt(file)}.${file.from && /does not exist/.test(info.problem) ? PREFIX_MAP_HINT : ''}`,
      file: file.from?.file ?? file.path,
      line: file.from?.line ?? null,
      fingerprint: `input-error:${file.path}`
    })
    return null
  }
  const limits = pass.settings['resource-limit'].options
  const refusal =
    info.size > limits['max-file-bytes']
      ? `${file.path} is ${info.size} bytes, over the max-file-bytes limit of ${limits['max-file-bytes']}; it was not read. Split the file or raise the limit.`
      : info.size > pass.budget.bytes
        ? `${file.path} (${info.size} bytes) would take the dataset past its max-dataset-bytes limit of ${limits['max-dataset-bytes']}; it was not read. Split the dataset or raise the limit.`
        : null
  if (refusal !== null) {
    sink.add('resource-limit', {
      message: refusal,
      file: file.path,
      line: null,
      fingerprint: `resource-limit:${file.path}`
    })
    pass.complete = false
    return null
  }
  pass.budget.bytes -= info.size
  const maxBytes = pass.settings['file-size'].options['max-bytes']
  if (info.size > maxBytes) {
    sink.add('file-size', {
      message: `${file.path} is ${formatBytes(info.size)}; AutoML imports CSV files of at most ${formatBytes(maxBytes)}. Split it into several files.`,
      file: file.path,
      line: null,
      fingerprint: `file-size:${file.path}`
    })
  }
  return info.size
}

/** Streams the records into the reader, stopping at the file's or the dataset's row limit. */
async function readRows(
  pass: FirstPass,
  file: PlannedFile,
  reader: RowReader,
  size: number,
  split: DatasetSplit | null
): Promise<{ result: ReadResult; rowsLimited: boolean }> {
  const limits = pass.settings['resource-limit'].options
  const fileLimit = limits['max-rows']
  const maxRows = Math.min(fileLimit, pass.budget.rows)
  const maxLabels = limits['max-distinct-labels']
  const labels = pass.accumulator.labels
  // Stopped by a limit: the row limits before a row, the label limit after the row past it.
  let rowsLimited = false
  const limitedReader = {
    record(fields: string[], line: number) {
      if (rowsLimited) return
      if (reader.rows >= maxRows) {
        rowsLimited = true
        pass.sink.add('resource-limit', {
          message:
            maxRows === fileLimit
              ? `more than ${fileLimit} rows (max-rows); the rest of the file was not read. Split the file or raise the limit.`
              : `the dataset reached its max-dataset-rows limit of ${limits['max-dataset-rows']} here; the rest of the file was not read. Split the dataset or raise the limit.`,
          file: file.path,
          line,
          fingerprint: `resource-limit:rows:${file.path}`
        })
        return
      }
      reader.record(fields, line)
      if (labels.length > maxLabels) {
        rowsLimited = true
        pass.sink.add('resource-limit', {
          message: `more than ${formatCount(maxLabels)} distinct labels (max-distinct-labels); the rest of the dataset was not read. Check that the label column holds the class, or raise the limit.`,
          file: file.path,
          line,
          fingerprint: 'resource-limit:labels'
        })
      }
    },
    blank(line: number) {
      reader.blank(line)
    }
  }
  const { progress } = pass
  const maxLineBytes = limits['max-line-bytes']
  const point = split?.point(reader, { maxRows, rowsLimited: () => rowsLimited })
  const checkpoints: Checkpoints = { lines: [], bytes: [] }
  const read = await readRecords(transientChunks(pass.source, file.path), limitedReader, {
    mode: recordMode(file.format),
    maxLineBytes,
    onChunk: progress
      ? bytesRead => progress({ file: file.path, bytesRead, bytesTotal: size })
      : undefined,
    ...(point ? { split: point } : {}),
    checkpoints
  })
  // Taken at the split point: the file's end is where the other thread's reading ended, and its
  // later checkpoints are the other thread's.
  const result = read.handedOff ? split!.firstRead()! : read
  const rest = read.handedOff ? split!.firstCheckpoints() : null
  pass.checkpoints.set(file.path, {
    lines: checkpoints.lines.concat(rest?.lines ?? []),
    bytes: checkpoints.bytes.concat(rest?.bytes ?? [])
  })
  return { result, rowsLimited }
}

/** A stop (syntax, a limit), a file the reader refused, or a file without data rows. */
function reportEnding(
  sink: FindingSink,
  file: PlannedFile,
  reader: RowReader,
  result: ReadResult,
  /** Stopped by a row limit: no rows read is that limit's doing, not an empty file. */
  rowsLimited: boolean
): void {
  if (result.stop) {
    sink.add(result.stop.kind === 'syntax' ? 'csv-syntax' : 'resource-limit', {
      message: result.stop.message,
      file: file.path,
      line: result.stop.line,
      fingerprint: `${result.stop.kind}:${file.path}`
    })
  }
  if (reader.fatal) {
    sink.add('input-error', {
      message: `${reader.fatal}${listedAt(file)}`,
      file: file.path,
      line: 1,
      fingerprint: `input-error:fatal:${file.path}`
    })
  } else if (reader.rows === 0 && !result.stop && !rowsLimited) {
    sink.add('row-shape', {
      message: 'the file has no data rows.',
      file: file.path,
      line: Math.max(1, result.lines),
      fingerprint: `row-shape:norows:${file.path}`
    })
  }
}

/** An index row whose file is missing usually names a gs:// object kept elsewhere in the repository. */
const PREFIX_MAP_HINT =
  ' If the index names gs:// objects that the repository keeps in another folder, map them with gcs-prefix-map in .github/dataset-gate.yml.'

function listedAt(file: PlannedFile): string {
  return file.from ? ` (listed in ${file.from.file}:${file.from.line})` : ''
}

function summary(
  file: PlannedFile,
  detected: FileSummary['format'] | null,
  rows: number,
  bytes: number
): FileSummary {
  return {
    path: file.path,
    format: detected ?? (file.format === 'auto' ? 'vertex-csv' : file.format),
    rows,
    split: file.split,
    bytes
  }
}

/** Decimal units, as Google states its import limits ("100 MB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`
  return `${bytes} bytes`
}
