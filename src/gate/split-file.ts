/**
 * A large file read in two halves at once: the main thread reads up to a line break near the
 * middle while a worker (file-part.ts) reads from there to the end; at the line break the main
 * thread takes the worker's part and absorbs it, in order, into its own accumulator and findings.
 *
 * The result is the one reading in one piece gives, byte for byte, or the part is not used and
 * the main thread reads on by itself: when the split point turns out not to be a record boundary
 * (a quoted line break before it), when a `"` before it would have changed how the part was read,
 * when either reading stopped (a byte problem, a syntax error) or was refused, when the rows would
 * pass a row limit, or when the worker failed.
 */
import { open } from 'node:fs/promises'
import type { RowReader } from '../read/formats.js'
import type { PlannedFile } from '../read/dataset-plan.js'
import type { ReadResult, SplitPoint } from '../read/text.js'
import type { DatasetAccumulator } from '../analyze/accumulator.js'
import type { FindingSink } from '../judge/findings.js'
import type { FileSource } from '../read/source.js'
import type { FilePartRequest, FilePartResult } from './file-part.js'
import type { ParallelReading } from './request.js'

/** The part of the request that is the same for every file of a dataset. */
export type PartSettings = Pick<
  FilePartRequest,
  'spec' | 'settings' | 'maxFindingsPerRule' | 'rememberOmitted' | 'durations' | 'frozen'
>

/** What of the first pass a split uses (read-data-file.ts's FirstPass). */
export interface SplitContext {
  source: FileSource
  accumulator: DatasetAccumulator
  sink: FindingSink
  parallel: ParallelReading | null
  partSettings: PartSettings | null
}

export interface FileSplit {
  point: SplitPoint
  /** After the reading: the part's reading when it was taken (the file's end), else null. */
  taken(): ReadResult | null
  /** Stops the worker if its part was not taken. */
  done(): void
}

/** Starts the worker on the second half of `file`, or null when the file is read in one piece. */
export async function splitFile(
  pass: SplitContext,
  file: PlannedFile,
  size: number,
  reader: RowReader,
  limits: { maxRows: number; maxLineBytes: number; rowsLimited: () => boolean }
): Promise<FileSplit | null> {
  const { parallel } = pass
  if (!parallel || !pass.partSettings || size < parallel.minBytes) return null
  const localPath = pass.source.localPath?.(file.path) ?? null
  if (localPath === null) return null
  const startByte = await lineBreakAfterSplitShare(localPath, size)
  if (startByte === null) return null
  const worker = parallel.read({
    ...pass.partSettings,
    localPath,
    file,
    filePaths: [...pass.accumulator.files],
    startByte,
    maxRows: limits.maxRows,
    maxLineBytes: limits.maxLineBytes
  })
  let taken: ReadResult | null = null
  const decide: SplitPoint['decide'] = async boundary => {
    if (boundary === null || limits.rowsLimited() || reader.fatal) return false
    const part = await worker.result
    if (!part || !fits(part, boundary, reader, limits.maxRows)) return false
    pass.accumulator.absorb(part.accumulator)
    pass.sink.absorb(part.findings)
    reader.rows += part.rows
    taken = { ...part.read, bytes: startByte + part.read.bytes }
    return true
  }
  return {
    point: { byte: startByte, decide },
    taken: () => taken,
    done: () => {
      if (taken === null) worker.cancel()
    }
  }
}

/** Whether the part continues the main thread's reading exactly. */
function fits(
  part: FilePartResult,
  boundary: { lines: number; quotesSeen: boolean },
  reader: RowReader,
  maxRows: number
): boolean {
  return (
    part.startLine === boundary.lines &&
    // A part that stopped (a byte problem, a syntax error, a long line) is read by the main thread
    // instead: where a stop falls and which lines before it are read depends on where reading began.
    part.read.stop === null &&
    !(boundary.quotesSeen && part.read.quoteStateMattered) &&
    !part.rowsLimited &&
    reader.rows + part.rows <= maxRows &&
    part.fatal === null &&
    part.format === reader.format
  )
}

/**
 * Where the worker's part starts, as a share of the file: past the middle, because the worker
 * starts later (its thread, and a count of the lines before its part) and reads its part more
 * slowly while both run; measured on the benchmark's files, the two finish closest together here.
 */
const SPLIT_SHARE = 0.55

/** The offset just after the first line break at or after SPLIT_SHARE of the file, or null. */
async function lineBreakAfterSplitShare(path: string, size: number): Promise<number | null> {
  const middle = Math.floor(size * SPLIT_SHARE)
  const handle = await open(path, 'r')
  try {
    const window = Buffer.alloc(Math.min(1 << 16, size - middle))
    const { bytesRead } = await handle.read(window, 0, window.length, middle)
    const at = window.subarray(0, bytesRead).indexOf(10)
    return at === -1 || middle + at + 1 >= size ? null : middle + at + 1
  } catch {
    return null
  } finally {
    await handle.close()
  }
}
