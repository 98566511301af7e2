/**
 * The second half of a large file, read by a worker while the main thread reads the first half
 * (see read-data-file.ts): the same reader and accumulator as the main thread's, started at a line
 * break in the middle of the file, their state handed back as plain data to be absorbed in order.
 *
 * Pure of threads: `readFilePart` runs wherever it is called (in a worker thread through
 * worker.ts, or in the test's own thread), so what a part reads is tested without one.
 */
import { createReadStream } from 'node:fs'
import type { AccumulatorPart } from '../analyze/accumulator.js'
import type { DatasetSpec } from '../config/schema.js'
import { FindingSink, type FindingPart } from '../judge/findings.js'
import { RowProblemReporter } from '../judge/row-problems.js'
import type { FormatId } from '../model.js'
import type { PlannedFile } from '../read/dataset-plan.js'
import { createFileReader, recordMode, type RowSink } from '../read/formats.js'
import type { RowProblemSink } from '../read/problems.js'
import { readRecords, type ReadResult } from '../read/text.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { RE2JS } from 're2js'
import { createAccumulator } from './dataset-accumulator.js'

/** Everything a worker needs to read a part as the main thread would: plain data only. */
export interface FilePartRequest {
  /** The file on disk (a working-tree file the main thread already checked). */
  localPath: string
  file: PlannedFile
  /** The dataset's files so far, this one last: the part's file index is the same as the main's. */
  filePaths: string[]
  spec: DatasetSpec | null
  settings: RuleSettings
  maxFindingsPerRule: number
  rememberOmitted: boolean
  durations: Map<string, number> | null
  frozen: boolean
  /** The part starts at this byte, just after a line break. */
  startByte: number
  /** Rows the part may read before the file's or the dataset's row limit is reached. */
  maxRows: number
  maxLineBytes: number
}

export interface FilePartResult {
  /** Lines before the part: the main thread's reading must have ended on the same line. */
  startLine: number
  accumulator: AccumulatorPart
  findings: FindingPart
  rows: number
  fatal: string | null
  format: FormatId | null
  read: ReadResult
  /** The part has more rows than `maxRows`: the main thread reads on instead. */
  rowsLimited: boolean
}

/** Records read to set up the reader (format, header) as the main thread's: the file's first two. */
const PRIMING_RECORDS = 2
const PRIMING_BYTES = 1 << 16

/** Reads the part; null when it cannot start the way the main thread's reading would. */
export async function readFilePart(request: FilePartRequest): Promise<FilePartResult | null> {
  const { settings, file } = request
  const head = await scanHead(request.localPath, request.startByte)
  if (head === null) return null
  const sink = new FindingSink(settings, request.maxFindingsPerRule, {
    rememberOmitted: request.rememberOmitted
  })
  const groupPattern =
    request.spec?.groupPattern !== undefined ? RE2JS.compile(request.spec.groupPattern) : null
  const accumulator = createAccumulator(request.spec, settings, sink, {
    durations: request.durations,
    groupPattern,
    frozen: request.frozen,
    part: true
  })
  for (const path of request.filePaths) accumulator.beginFile(path)
  const fileIndex = request.filePaths.length - 1
  // Rows and problems pass only once the file's first records have set the reader up.
  let open = false
  const rows: RowSink = {
    addRow(fileAt, line, split, uri, label, start, end) {
      if (open) accumulator.addRow(fileAt, line, split, uri, label, start, end)
    },
    columnsDetected: column => accumulator.columnsDetected(column),
    formatDetected: (fileAt, format) => accumulator.formatDetected(fileAt, format)
  }
  const reporter = new RowProblemReporter(sink, settings)
  const problems: RowProblemSink = {
    enabled: rule => reporter.enabled(rule),
    report: problem => {
      if (open) reporter.report(problem)
    }
  }
  const reader = createFileReader(file, request.spec, fileIndex, rows, problems)
  const mode = recordMode(file.format)
  let primed = 0
  await readRecords(
    oneChunk(head.text),
    {
      record(fields, line) {
        if (primed++ < PRIMING_RECORDS) reader.record(fields, line)
      },
      blank() {}
    },
    { mode, maxLineBytes: request.maxLineBytes }
  )
  reader.rows = 0
  open = true

  let rowsLimited = false
  const read = await readRecords(
    createReadStream(request.localPath, { start: request.startByte, highWaterMark: 1 << 20 }),
    {
      record(fields, line) {
        if (rowsLimited) return
        if (reader.rows >= request.maxRows) rowsLimited = true
        else reader.record(fields, line)
      },
      blank: line => reader.blank(line)
    },
    { mode, maxLineBytes: request.maxLineBytes, startLine: head.lines }
  )
  return {
    startLine: head.lines,
    accumulator: accumulator.exportPart(),
    findings: sink.exportPart(),
    rows: reader.rows,
    fatal: reader.fatal,
    format: reader.format,
    read,
    rowsLimited
  }
}

/**
 * The line breaks before `startByte`, and the file's first complete lines (up to 64 KiB) for
 * setting the reader up; null when the first 64 KiB hold no line break.
 */
async function scanHead(
  path: string,
  startByte: number
): Promise<{ lines: number; text: Buffer } | null> {
  let lines = 0
  let text: Buffer | null = null
  const stream = createReadStream(path, { start: 0, end: startByte - 1, highWaterMark: 1 << 20 })
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (text === null) {
      const window = chunk.subarray(0, PRIMING_BYTES)
      const last = window.lastIndexOf(10)
      if (last === -1) return null
      text = Buffer.from(window.subarray(0, last + 1))
    }
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++
  }
  return text === null ? null : { lines, text }
}

async function* oneChunk(buffer: Buffer): AsyncIterable<Buffer> {
  yield buffer
}
