/**
 * A large dataset read in two parts at once: the main thread reads its files up to a line break
 * at 52% of their bytes (SPLIT_SHARE) while a worker (dataset-part.ts) reads from there to the end
 * (the rest of that file, then the files after it). Where the main thread's reading reaches that
 * point, it takes the worker's part and absorbs it, in order, into its own accumulator and
 * findings.
 *
 * The report is the one a reading in one piece gives, byte for byte, or the part is not used and
 * the main thread reads on by itself: when the split point turns out not to be a record boundary
 * (a quoted line break before it), when a `"` before it would have changed how the part was read,
 * when either reading stopped (a byte problem, a syntax error), was refused or hit a row limit,
 * when both parts' labels pass max-distinct-labels, when the files were not begun as foreseen, or
 * when the worker failed.
 */
import { open } from 'node:fs/promises'
import { shiftPartLines } from '../analyze/accumulator-part.js'
import { shiftFindingPartLines } from '../judge/findings.js'
import type { FileSummary } from '../model.js'
import type { PlannedFile } from '../read/dataset-plan.js'
import type { RowReader } from '../read/formats.js'
import type {
  DatasetPartRequest,
  DatasetPartResult,
  DatasetSplit,
  PartSettings
} from './part-types.js'
import type { FirstPass } from './read-data-file.js'

/**
 * Where the worker's part starts, as a share of the bytes: a little past the middle, because the
 * worker starts later (unless the CLI started it first thing, cli-early.ts) and reads more slowly
 * while both run; measured on the benchmark's files (the CLI), the two finish closest together
 * here, and the time fell from 0.55 (where they did before the part stopped counting the lines
 * before it) to 0.52 and rose again below.
 */
export const SPLIT_SHARE = 0.52

/** Starts the worker on the rest of the dataset, or null when it is read in one piece. */
export async function splitDataset(
  pass: FirstPass,
  files: PlannedFile[]
): Promise<DatasetSplit | null> {
  const { parallel, partSettings } = pass
  const root = pass.source.workingTreeRoot?.()
  if (!parallel || !partSettings || root === undefined || files.length === 0) return null
  const plan = await foresee(pass, files)
  const total = plan.reduce((sum, file) => sum + file.size, 0)
  if (total < parallel.minBytes) return null
  const at = await splitPointOf(pass, files, plan, total * SPLIT_SHARE)
  if (at === null) return null
  const { index, startByte } = at
  const request = partRequest(pass, files, plan, at, { ...partSettings, root })
  const bytesLeft = request.budget.bytes
  const worker = parallel.read(request)
  // The floors' thread starts where the first of the two readings ends: a core is free from then
  // on, and the thread takes ~50 ms to start (their inputs are final once the part is taken).
  void worker.result.then(() => parallel.prepareNoiseFloors?.(total))
  let taken: DatasetPartResult | null = null
  const expectedFiles = [...request.filePaths, ...(request.first ? [request.first.file.path] : [])]

  /** Takes the part if it continues the main thread's reading exactly. */
  const take = async (first: FirstCheck | null): Promise<boolean> => {
    parallel.prepareNoiseFloors?.(total) // unless the part was posted first
    const part = await worker.result
    if (!part || !part.complete || !sameList(pass.accumulator.files, expectedFiles)) return false
    if (pass.budget.bytes !== bytesLeft) return false
    if (first && (!part.first || !continues(part.first, first))) return false
    const firstRows = first ? first.reader.rows + part.first!.rows : 0
    const wholeRows = rowsWithinLimits(part.files, pass.budget.rows - firstRows, pass)
    if (wholeRows === null || !labelsWithinLimit(part, pass)) return false
    if (first) shiftFirstFileLines(part, request.filePaths.length, first.boundary.lines)
    pass.accumulator.absorb(part.accumulator)
    pass.sink.absorb(part.findings)
    for (const [path, checkpoints] of part.checkpoints) pass.checkpoints.set(path, checkpoints)
    if (first) first.reader.rows += part.first!.rows
    pass.budget.rows -= wholeRows
    taken = part
    return true
  }

  return {
    inside: startByte > 0 ? index : -1,
    before: startByte > 0 ? -1 : index,
    point: (reader, limits) => ({
      byte: startByte,
      decide: async boundary => {
        if (boundary !== null && !limits.rowsLimited() && !reader.fatal)
          return take({ reader, boundary, maxRows: limits.maxRows })
        worker.cancel() // not a place to split: no need to wait for the worker
        return false
      }
    }),
    takeBefore: () => take(null),
    firstRead: () => {
      const first = taken?.first
      return first ? { ...first.read, bytes: startByte + first.read.bytes } : null
    },
    firstCheckpoints: () => taken?.first?.checkpoints ?? null,
    wholeFiles: () => taken?.files.filter(f => f !== null) ?? null,
    done: () => {
      if (taken === null) worker.cancel()
    }
  }
}

/** What the worker is asked to read: the files from split point `at` on. */
function partRequest(
  pass: FirstPass,
  files: PlannedFile[],
  plan: ForeseenFile[],
  at: { index: number; startByte: number },
  settings: PartSettings & { root: string }
): DatasetPartRequest {
  const { index, startByte } = at
  const begun = files.slice(0, index).filter((_, i) => plan[i]!.begun)
  const limits = pass.settings['resource-limit'].options
  return {
    ...settings,
    filePaths: [...pass.accumulator.files, ...begun.map(f => f.path)],
    // An upper bound on its rows (the file's own limit is known once the files before it are
    // read): the taking checks the rows against it.
    first:
      startByte > 0
        ? {
            file: files[index]!,
            startByte,
            maxRows: Math.min(limits['max-rows'], pass.budget.rows)
          }
        : null,
    files: files.slice(startByte > 0 ? index + 1 : index),
    budget: {
      // max-dataset-bytes left for the part's whole files: after the file it starts inside of.
      bytes: plan[index]!.bytesBefore - (startByte > 0 ? plan[index]!.size : 0),
      rows: pass.budget.rows
    },
    maxLineBytes: limits['max-line-bytes'],
    spillFile: pass.accumulator.spillFileForPart()
  }
}

interface FirstCheck {
  reader: RowReader
  boundary: { lines: number; quotesSeen: boolean }
  maxRows: number
}

/** Whether the part of the file continues the main thread's reading of it exactly. */
function continues(part: NonNullable<DatasetPartResult['first']>, main: FirstCheck): boolean {
  const { reader, boundary } = main
  return (
    // A stop (a byte problem, a syntax error, a long line) falls, and the lines before it are
    // read, depending on where reading began.
    part.read.stop === null &&
    !(boundary.quotesSeen && part.read.quoteStateMattered) &&
    !part.rowsLimited &&
    reader.rows + part.rows <= main.maxRows &&
    // A file without data rows gets a finding after its reading; none must follow the part's.
    reader.rows + part.rows > 0 &&
    part.fatal === null &&
    part.format === reader.format
  )
}

/**
 * Numbers the lines of the file the part started inside of as one reading does: the part counted
 * them from its start byte, after `linesBefore` lines (the main thread's, at the split point).
 */
function shiftFirstFileLines(part: DatasetPartResult, file: number, linesBefore: number): void {
  const first = part.first!
  shiftPartLines(part.accumulator, file, linesBefore)
  shiftFindingPartLines(part.findings, part.accumulator.files[file]!, linesBefore)
  first.read = { ...first.read, lines: first.read.lines + linesBefore }
  first.checkpoints.lines = first.checkpoints.lines.map(line => line + linesBefore)
}

/**
 * The rows of the whole files read by the part, when one reading would have read them all too:
 * none past max-rows or what is left of max-dataset-rows (`left` before the first); else null.
 */
function rowsWithinLimits(
  files: (FileSummary | null)[],
  left: number,
  pass: FirstPass
): number | null {
  const fileLimit = pass.settings['resource-limit'].options['max-rows']
  let rows = 0
  for (const file of files) {
    if (file === null) continue
    if (file.rows > Math.min(fileLimit, left - rows)) return null
    rows += file.rows
  }
  return rows
}

/** Whether the labels here and the part's new ones stay within max-distinct-labels. */
function labelsWithinLimit(part: DatasetPartResult, pass: FirstPass): boolean {
  const max = pass.settings['resource-limit'].options['max-distinct-labels']
  let labels = pass.accumulator.labels.length
  for (const label of part.accumulator.labels.labels)
    if (pass.accumulator.labelId(label) === undefined && ++labels > max) return false
  return true
}

interface ForeseenFile {
  /** Bytes read from it (0 when it will be refused or is empty). */
  size: number
  /** It will be begun in the accumulator (read, not refused, not empty). */
  begun: boolean
  /** What is left of max-dataset-bytes before its checks. */
  bytesBefore: number
}

/** Which files the first pass will read, and the byte budget before each, as readDataFile checks. */
async function foresee(pass: FirstPass, files: PlannedFile[]): Promise<ForeseenFile[]> {
  const maxFileBytes = pass.settings['resource-limit'].options['max-file-bytes']
  let budget = pass.budget.bytes
  const foreseen: ForeseenFile[] = []
  for (const file of files) {
    const info = await pass.source.stat(file.path)
    const size = 'size' in info ? info.size : -1
    const read = size >= 0 && size <= maxFileBytes && size <= budget
    foreseen.push({ size: read ? size : 0, begun: read && size > 0, bytesBefore: budget })
    if (read) budget -= size
  }
  return foreseen
}

/**
 * The file in which the part starts and its start byte (just after a line break at or after the
 * target), or a file the part reads from its start (start byte 0); null when there is none.
 */
async function splitPointOf(
  pass: FirstPass,
  files: PlannedFile[],
  plan: ForeseenFile[],
  target: number
): Promise<{ index: number; startByte: number } | null> {
  let before = 0
  for (let index = 0; index < files.length; index++) {
    const { size, begun } = plan[index]!
    if (before + size > target && begun) {
      const path = pass.source.localPath?.(files[index]!.path) ?? null
      const startByte = path === null ? null : await lineBreakAfter(path, target - before, size)
      if (startByte !== null) return { index, startByte }
      // No line break there: the part starts with the next file that will be read.
      const next = plan.findIndex((file, i) => i > index && file.begun)
      return next === -1 ? null : { index: next, startByte: 0 }
    }
    before += size
  }
  return null
}

/** The offset just after the first line break at or after `offset`, or null. */
async function lineBreakAfter(path: string, offset: number, size: number): Promise<number | null> {
  const from = Math.floor(offset)
  const handle = await open(path, 'r').catch(() => null)
  if (handle === null) return null
  try {
    const window = Buffer.alloc(Math.min(1 << 16, size - from))
    const { bytesRead } = await handle.read(window, 0, window.length, from)
    const at = window.subarray(0, bytesRead).indexOf(10)
    return at === -1 || from + at + 1 >= size ? null : from + at + 1
  } catch {
    return null
  } finally {
    await handle.close()
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}
