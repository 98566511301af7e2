/**
 * What needs the rows again after the first pass (confirmed duplicates, segment-level multi-label
 * facts), in one more read of the files that need it.
 */
import { DatasetAccumulator, type Location } from '../analyze/accumulator.js'
import { VideoFlags } from '../analyze/compact.js'
import {
  grownSegments,
  measureSegments,
  segmentColumns,
  type MultiLabelMeasure,
  type SegmentColumns,
  type SegmentRuns
} from '../analyze/intervals.js'
import { isInf, parseSeconds } from '../read/fields.js'
import { ignoreRowProblems } from '../read/problems.js'
import { hashIdentity } from '../model.js'
import type { DuplicateGroup } from '../judge/row-aggregates.js'
import { createFileReader, recordMode, type RowSink } from '../read/formats.js'
import { mergeLines, onlyLines, stretchesOf, type Stretch } from '../read/line-filter.js'
import type { DatasetPlan, PlannedFile } from '../read/dataset-plan.js'
import { transientChunks, type FileSource } from '../read/source.js'
import type { RecordVisitor } from '../read/records.js'
import { readRecords, type Checkpoints } from '../read/text.js'

/** Videos carrying more than one label (counters per video: a list each would cost ~200 bytes). */
export function multiLabelVideos(accumulator: DatasetAccumulator): VideoFlags {
  const videos = accumulator.videoKeys.length
  const labelCounts = new Uint32Array(videos)
  accumulator.pairs.forEach(key => labelCounts[DatasetAccumulator.pairVideo(key)]!++)
  const multi = new VideoFlags(videos)
  for (let video = 0; video < videos; video++) if (labelCounts[video]! > 1) multi.add(video)
  return multi
}

interface SecondPassNeeds {
  /** Duplicate candidates from the first pass (rows sharing hash and video tag). */
  candidates: Location[][]
  /** Multi-label videos, or null when the multi-label rule is off. */
  multiVideos: VideoFlags | null
  completeFirstPass: boolean
  /** Per file, where the first pass says a reading may start (`Checkpoints`). */
  checkpoints: Map<string, Checkpoints>
}

/**
 * What needs the rows again after the first pass, in one more read of the files:
 *
 * - Duplicate candidates are confirmed: the rows on their lines are parsed again and grouped by
 *   their exact (split, video, label, start, end). Only the candidates' files are read.
 * - Segment-level multi-label facts need every segment of a multi-label video. The first pass
 *   measured them for every video whose rows are close together (analyze/intervals.ts); the others
 *   ("scattered", or all of them after an incomplete first pass) are read again here, into
 *   storage sized once by the first pass's count of their segments.
 *
 * When the first pass read every file to its end, the lines needed (the candidates', and those of
 * the rows tagged like a multi-label video) are known, and every other line is skipped unsplit.
 */
export async function secondPass(
  source: FileSource,
  plan: DatasetPlan,
  accumulator: DatasetAccumulator,
  needs: SecondPassNeeds
): Promise<{ duplicates: DuplicateGroup[]; multi: MultiLabelMeasure | null }> {
  const runs = needs.multiVideos === null ? null : accumulator.segmentRuns()
  const split = needs.multiVideos && splitMeasured(needs.multiVideos, runs, needs.completeFirstPass)
  const multi = split ? split.scattered : null
  const wantMulti = multi !== null && multi.size > 0
  if (!wantMulti && needs.candidates.length === 0) {
    accumulator.releaseRows()
    return { duplicates: [], multi: split ? split.measured : null }
  }
  const collector = new SecondPassCollector(accumulator, needs.candidates, wantMulti ? multi : null)
  collector.runs = runs
  const multiLines = wantMulti && needs.completeFirstPass ? accumulator.linesOfVideos(multi) : null
  accumulator.releaseRows() // candidates and lines are taken: the row columns are not needed any more
  const confirmed = await rereadFiles(source, plan, collector, multiLines, needs.checkpoints)
  const duplicates = confirmDuplicates(accumulator, needs.candidates, collector, confirmed)
  return { duplicates, multi: split ? measureMultiLabel(collector.segments, split.measured) : null }
}

/**
 * The multi-label videos the first pass measured (their facts, summed) and the others, which the
 * second pass reads again: those whose rows are scattered, or all after an incomplete first pass.
 */
function splitMeasured(
  multi: VideoFlags,
  runs: SegmentRuns | null,
  complete: boolean
): { measured: MultiLabelMeasure; scattered: VideoFlags } {
  const measured: MultiLabelMeasure = { segments: 0, overlappingVideos: 0 }
  if (runs === null || !complete) return { measured, scattered: multi }
  const scattered = new VideoFlags(multi.videos)
  for (const video of multi) {
    if (!runs.measured(video)) {
      scattered.add(video)
      continue
    }
    const facts = runs.factsOf(video)
    measured.segments += facts.shared
    if (facts.overlap) measured.overlappingVideos++
  }
  return { measured, scattered }
}

/**
 * Collects, from the rows read again, the exact identity of each duplicate candidate and every
 * segment of the multi-label videos.
 */
class SecondPassCollector implements RowSink {
  /** Video -> its segments, in storage sized by the first pass's count. */
  readonly segments = new Map<number, SegmentColumns>()
  /** The first pass's segment counts per video (null when it did not measure). */
  runs: SegmentRuns | null = null
  /** Exact row identity (numeric ids) -> the candidate rows that have it. */
  readonly rowsByIdentity = new Map<string, Location[]>()
  /** Per first-pass file: the candidate lines. */
  readonly candidateLines: Set<number>[]
  /** The accumulator's index of the file being read, -1 when the first pass did not read it. */
  readFile = -1

  constructor(
    readonly accumulator: DatasetAccumulator,
    candidates: Location[][],
    private multi: VideoFlags | null
  ) {
    this.candidateLines = accumulator.files.map(() => new Set<number>())
    for (const group of candidates)
      for (const row of group) this.candidateLines[row.file]!.add(row.line)
  }

  get wantsMulti(): boolean {
    return this.multi !== null
  }

  private addSegment(video: number, label: number, start: number, end: number): void {
    let list = this.segments.get(video)
    if (!list) {
      list = segmentColumns(Math.max(1, this.runs?.segmentsOf(video) ?? 16))
      this.segments.set(video, list)
    } else if (list.count === list.labels.length) {
      // More segments than the first pass counted (it did not read every row): grow.
      this.segments.set(video, (list = grownSegments(list)))
    }
    const n = list.count++
    list.labels[n] = label
    list.starts[n] = start
    list.ends[n] = end
  }

  addRow(
    _file: number,
    line: number,
    split: number,
    uri: string,
    label: string,
    start: string,
    end: string
  ): void {
    if (label.length === 0) return
    const video = this.accumulator.videoId(uri)
    if (video === undefined) return
    const inMulti = this.multi !== null && this.multi.has(video)
    const candidate = this.readFile !== -1 && this.candidateLines[this.readFile]!.has(line)
    if (!inMulti && !candidate) return
    const labelId = this.accumulator.labelId(label)
    const s = parseSeconds(start)
    const e = isInf(end) ? { ok: true as const, value: Infinity } : parseSeconds(end)
    if (labelId === undefined || !s.ok || !e.ok || s.value >= e.value) return
    if (inMulti) this.addSegment(video, labelId, s.value, e.value)
    if (candidate) {
      const identity = `${split}:${video}:${labelId}:${s.value}:${e.value}`
      const rows = this.rowsByIdentity.get(identity)
      if (rows) rows.push({ file: this.readFile, line })
      else this.rowsByIdentity.set(identity, [{ file: this.readFile, line }])
    }
  }
}

/**
 * Reads again the files that hold candidates (or every file, for the multi-label facts), only
 * the lines needed when they are known. Returns the first-pass files whose candidates were read.
 */
async function rereadFiles(
  source: FileSource,
  plan: DatasetPlan,
  collector: SecondPassCollector,
  multiLines: Uint32Array[] | null,
  checkpoints: Map<string, Checkpoints>
): Promise<Set<number>> {
  const { candidateLines } = collector
  const firstPassFiles = collector.accumulator.files
  const confirmed = new Set<number>()
  let next = 0 // plan files in order; the first pass read a subsequence of them
  for (const [index, file] of plan.files.entries()) {
    collector.readFile = -1
    if (next < firstPassFiles.length && firstPassFiles[next] === file.path)
      collector.readFile = next++
    const own = collector.readFile !== -1 ? candidateLines[collector.readFile]! : null
    if (!collector.wantsMulti && (own === null || own.size === 0)) continue
    const info = await source.stat(file.path)
    if (!('size' in info) || info.size === 0) continue
    // Lines to read: all of them for the multi-label facts after an incomplete first pass.
    let lines: Uint32Array | null = null
    if (own !== null && (!collector.wantsMulti || multiLines)) {
      const sorted = Uint32Array.from(own).sort()
      lines = multiLines ? mergeLines(sorted, multiLines[collector.readFile]!) : sorted
    }
    const reader = createFileReader(file, plan.spec, index, collector, ignoreRowProblems)
    const marks = checkpoints.get(file.path)
    const stretches =
      lines && marks && source.openRanges ? stretchesOf(lines, marks, info.size) : null
    if (lines && stretches) await readStretches(source, file, reader, lines, stretches)
    else {
      const visitor = lines ? onlyLines(reader, lines) : reader
      await readRecords(transientChunks(source, file.path), visitor, recordOptions(file))
    }
    if (collector.readFile !== -1) confirmed.add(collector.readFile)
  }
  return confirmed
}

function recordOptions(file: PlannedFile): { mode: 'csv' | 'lines'; maxLineBytes: number } {
  return { mode: recordMode(file.format), maxLineBytes: 1 << 24 }
}

/**
 * A few lines of a file: only the stretches that hold them, the first from the file's start so
 * the reader sees the file's first record (format, header). A file whose first record lies past
 * that first stretch (a long run of blank lines) is read whole instead: a later line must not be
 * taken for it.
 */
async function readStretches(
  source: FileSource,
  file: PlannedFile,
  reader: RecordVisitor,
  lines: Uint32Array,
  stretches: Stretch[]
): Promise<void> {
  let firstSeen = false
  const seeing: RecordVisitor = {
    record(fields, line) {
      firstSeen = true
      reader.record(fields, line)
    },
    blank: line => reader.blank(line)
  }
  const visitor = onlyLines(seeing, lines)
  const options = recordOptions(file)
  const ranges = source.openRanges!(file.path)
  try {
    for (const { start, end, startLine } of stretches) {
      if (start > 0 && !firstSeen) {
        await readRecords(transientChunks(source, file.path), visitor, options)
        return
      }
      const chunks = ranges.range(start, end)
      await readRecords(chunks, visitor, start === 0 ? options : { ...options, startLine })
    }
  } finally {
    await ranges.close()
  }
}

/**
 * Confirmed duplicates: rows with one exact identity. Candidates in a file that could not be read
 * again keep their first-pass grouping (same hash and video tag).
 */
function confirmDuplicates(
  accumulator: DatasetAccumulator,
  candidates: Location[][],
  collector: SecondPassCollector,
  confirmed: Set<number>
): DuplicateGroup[] {
  // The numeric identity made of names, hashed: the same on the base and the head.
  const stableIdentity = (identity: string): string => {
    const [split, video, label, start, end] = identity.split(':')
    const named = [
      split,
      accumulator.videoKeys[Number(video)],
      accumulator.labels[Number(label)],
      start,
      end
    ]
    return hashIdentity(named.join('\u0000')).toString(36)
  }
  const duplicates: DuplicateGroup[] = []
  const trusted = new Set<string>()
  for (const group of candidates) {
    if (group.every(row => confirmed.has(row.file))) continue
    duplicates.push({ rows: group, identity: `unconfirmed:${accumulator.files[group[0]!.file]}` })
    for (const row of group) trusted.add(`${row.file}:${row.line}`)
  }
  for (const [identity, rows] of collector.rowsByIdentity) {
    const left = trusted.size > 0 ? rows.filter(r => !trusted.has(`${r.file}:${r.line}`)) : rows
    if (left.length > 1) duplicates.push({ rows: left, identity: stableIdentity(identity) })
  }
  return duplicates.sort(
    (x, y) => x.rows[0]!.file - y.rows[0]!.file || x.rows[0]!.line - y.rows[0]!.line
  )
}

/** The facts of the videos read again, added to those the first pass measured. */
function measureMultiLabel(
  segments: Map<number, SegmentColumns>,
  measured: MultiLabelMeasure
): MultiLabelMeasure {
  let multiSegments = measured.segments
  let overlappingVideos = measured.overlappingVideos
  for (const list of segments.values()) {
    const facts = measureSegments(list)
    multiSegments += facts.shared
    if (facts.overlap) overlappingVideos++
  }
  return { segments: multiSegments, overlappingVideos }
}
