/**
 * The rest of a large dataset, read by a worker while the main thread reads its start (see
 * split-dataset.ts): from a line break inside one file to its end, then the files after it whole,
 * with the same readers, checks and accumulator as the main thread's; the state is handed back as
 * plain data to be absorbed in order.
 *
 * Pure of threads: `readDatasetPart` runs wherever it is called (in a worker thread through
 * worker.ts, or in the test's own thread), so what a part reads is tested without one.
 */
import { open } from 'node:fs/promises'
import type { DatasetAccumulator } from '../analyze/accumulator.js'
import { FindingSink } from '../judge/findings.js'
import { RowProblemReporter } from '../judge/row-problems.js'
import { createFileReader, recordMode, type RowSink } from '../read/formats.js'
import { reusedChunks } from '../read/file-chunks.js'
import type { RowProblemSink } from '../read/problems.js'
import { WorkingTreeSource } from '../read/source.js'
import { readRecords, type Checkpoints } from '../read/text.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { RE2JS } from 're2js'
import { createAccumulator } from './dataset-accumulator.js'
import type { DatasetPartRequest, DatasetPartResult, FirstFilePart } from './part-types.js'
import { readDataFile, startFirstPass } from './read-data-file.js'

/** Records read to set up the reader (format, header) as the main thread's: the file's first two. */
const PRIMING_RECORDS = 2
const PRIMING_BYTES = 1 << 16

/** Reads the part; null when it cannot start the way the main thread's reading would. */
export async function readDatasetPart(
  request: DatasetPartRequest
): Promise<DatasetPartResult | null> {
  const { settings } = request
  const source = new WorkingTreeSource(request.root)
  const sink = new FindingSink(settings, request.maxFindingsPerRule, {
    rememberOmitted: request.snapshot
  })
  const groupPattern =
    request.spec?.groupPattern !== undefined ? RE2JS.compile(request.spec.groupPattern) : null
  const accumulator = createAccumulator(request.spec, settings, sink, {
    durations: request.durations,
    groupPattern,
    frozen: request.snapshot,
    part: true,
    spillFile: request.spillFile
  })
  for (const path of request.filePaths) accumulator.beginFile(path)
  let first: FirstFilePart | null = null
  if (request.first) {
    first = await readRestOfFile(request, source, accumulator, sink, settings)
    if (first === null) return null
  }
  const pass = startFirstPass({
    source,
    spec: request.spec,
    settings,
    sink,
    accumulator,
    progress: undefined,
    parallel: null,
    partSettings: null
  })
  pass.budget = { ...request.budget }
  const files = []
  for (const file of request.files) files.push(await readDataFile(pass, file))
  return {
    accumulator: accumulator.exportPart(),
    findings: sink.exportPart(),
    first,
    files,
    checkpoints: [...pass.checkpoints],
    complete: pass.complete
  }
}

/** The file the part starts inside of, from its start byte; null when that cannot be done. */
async function readRestOfFile(
  request: DatasetPartRequest,
  source: WorkingTreeSource,
  accumulator: DatasetAccumulator,
  sink: FindingSink,
  settings: RuleSettings
): Promise<FirstFilePart | null> {
  const { file, startByte, maxRows } = request.first!
  const localPath = source.localPath(file.path)
  if (localPath === null) return null
  const head = await readHead(localPath, startByte)
  if (head === null) return null
  const fileIndex = accumulator.beginFile(file.path)
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
  const priming = {
    record(fields: string[], line: number) {
      if (primed++ < PRIMING_RECORDS) reader.record(fields, line)
    },
    blank() {}
  }
  await readRecords(oneChunk(head), priming, { mode, maxLineBytes: request.maxLineBytes })
  reader.rows = 0
  open = true

  // A row or label limit reached: the main thread reads on instead, to stop where one reading does.
  let rowsLimited = false
  const maxLabels = settings['resource-limit'].options['max-distinct-labels']
  const checkpoints: Checkpoints = { lines: [], bytes: [] }
  // Lines are counted from the start byte (FirstFilePart): the lines before it are not counted.
  const read = await readRecords(
    reusedChunks(localPath, { start: startByte }),
    {
      record(fields, line) {
        if (rowsLimited) return
        if (reader.rows >= maxRows) rowsLimited = true
        else reader.record(fields, line)
        if (accumulator.labels.length > maxLabels) rowsLimited = true
      },
      blank: line => reader.blank(line)
    },
    {
      mode,
      maxLineBytes: request.maxLineBytes,
      startLine: 0,
      checkpoints,
      byteOffset: startByte
    }
  )
  const { fatal, format } = reader
  return { rows: reader.rows, fatal, format, read, checkpoints, rowsLimited }
}

/**
 * The file's first complete lines before `startByte` (up to 64 KiB), for setting the reader up;
 * null when they hold no line break.
 */
async function readHead(path: string, startByte: number): Promise<Buffer | null> {
  const handle = await open(path, 'r').catch(() => null)
  if (handle === null) return null
  try {
    const window = Buffer.alloc(Math.min(PRIMING_BYTES, startByte))
    const { bytesRead } = await handle.read(window, 0, window.length, 0)
    const last = window.subarray(0, bytesRead).lastIndexOf(10)
    return last === -1 ? null : window.subarray(0, last + 1)
  } catch {
    return null
  } finally {
    await handle.close()
  }
}

async function* oneChunk(buffer: Buffer): AsyncIterable<Buffer> {
  yield buffer
}
