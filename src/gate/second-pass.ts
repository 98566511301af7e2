/**
 * What needs the rows again after the first pass (confirmed duplicates, segment-level multi-label
 * facts), in one more read of the files that need it.
 */
import { DatasetAccumulator } from '../analyze/accumulator.js'
import { VideoFlags } from '../analyze/compact.js'
import {
  IdentityGroups,
  type DuplicateGroups,
  type RowGroups
} from '../analyze/duplicate-groups.js'
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
  accumulator.pairs.forEach(video => labelCounts[video]!++)
  const multi = new VideoFlags(videos)
  for (let video = 0; video < videos; video++) if (labelCounts[video]! > 1) multi.add(video)
  return multi
}

interface SecondPassNeeds {
  /**
   * Duplicate candidates from the first pass (rows sharing hash and video tag), made when asked:
   * then only the second pass holds them and can let go of them before it groups the rows read.
   */
  candidates: () => RowGroups
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
): Promise<{ duplicates: DuplicateGroups | null; multi: MultiLabelMeasure | null }> {
  const runs = needs.multiVideos === null ? null : accumulator.segmentRuns()
  const split = needs.multiVideos && splitMeasured(needs.multiVideos, runs, needs.completeFirstPass)
  const multi = split ? split.scattered : null
  const wantMulti = multi !== null && multi.size > 0
  const scattered = wantMulti ? { videos: multi, runs } : null
  const read = await readAgain(source, plan, accumulator, needs, scattered)
  if (read === null) return { duplicates: null, multi: split ? split.measured : null }
  const { collector, unconfirmed } = read
  // The candidates and their lines are let go of before the rows read are grouped: in a file
  // repeated whole they are tens of megabytes.
  collector.release()
  const duplicates = confirmDuplicates(accumulator, unconfirmed, collector)
  return { duplicates, multi: split ? measureMultiLabel(collector.segments, split.measured) : null }
}

/**
 * The rows the second pass needs, read again: null when none is needed. Returns the collector and
 * the candidate groups the reading could not confirm.
 */
async function readAgain(
  source: FileSource,
  plan: DatasetPlan,
  accumulator: DatasetAccumulator,
  needs: SecondPassNeeds,
  scattered: { videos: VideoFlags; runs: SegmentRuns | null } | null
): Promise<{ collector: SecondPassCollector; unconfirmed: DuplicateGroups | null } | null> {
  const candidates = needs.candidates()
  if (scattered === null && candidates.count === 0) {
    accumulator.releaseRows()
    return null
  }
  const collector = new SecondPassCollector(accumulator, candidates, scattered?.videos ?? null)
  collector.runs = scattered?.runs ?? null
  const multiLines =
    scattered && needs.completeFirstPass ? accumulator.linesOfVideos(scattered.videos) : null
  accumulator.releaseRows() // candidates and lines are taken: the row columns are not needed any more
  const confirmed = await rereadFiles(source, plan, collector, multiLines, needs.checkpoints)
  return { collector, unconfirmed: unconfirmedGroups(candidates, confirmed, accumulator.files) }
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
  /** The rows on candidate lines, grouped by their exact identity. */
  readonly identities: IdentityGroups
  /** Per first-pass file: the candidate lines, ascending, each once. */
  candidateLines: Uint32Array[]
  /** The accumulator's index of the file being read, -1 when the first pass did not read it. */
  private file = -1
  /** Where the rows being read stand in the file's candidate lines (rows come in line order). */
  private nextCandidate = 0

  constructor(
    readonly accumulator: DatasetAccumulator,
    candidates: RowGroups,
    private multi: VideoFlags | null
  ) {
    this.candidateLines = candidateLinesByFile(candidates, accumulator.files.length)
    this.identities = new IdentityGroups(candidates.files.length)
  }

  /** Lets go of the candidate lines once the rows are read. */
  release(): void {
    this.candidateLines = []
  }

  get readFile(): number {
    return this.file
  }

  /** The first-pass file the next rows are from (-1 when the first pass did not read it). */
  set readFile(file: number) {
    this.file = file
    this.nextCandidate = 0
  }

  private isCandidate(line: number): boolean {
    if (this.file === -1) return false
    const lines = this.candidateLines[this.file]!
    while (this.nextCandidate < lines.length && lines[this.nextCandidate]! < line)
      this.nextCandidate++
    return this.nextCandidate < lines.length && lines[this.nextCandidate] === line
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
    const candidate = this.isCandidate(line)
    if (!inMulti && !candidate) return
    const labelId = this.accumulator.labelId(label)
    const s = parseSeconds(start)
    const e = isInf(end) ? { ok: true as const, value: Infinity } : parseSeconds(end)
    if (labelId === undefined || !s.ok || !e.ok || s.value >= e.value) return
    if (inMulti) this.addSegment(video, labelId, s.value, e.value)
    if (candidate) this.identities.add(this.file, line, split, video, labelId, s.value, e.value)
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
    if (!collector.wantsMulti && (own === null || own.length === 0)) continue
    const info = await source.stat(file.path)
    if (!('size' in info) || info.size === 0) continue
    // Lines to read: all of them for the multi-label facts after an incomplete first pass.
    let lines: Uint32Array | null = null
    if (own !== null && (!collector.wantsMulti || multiLines)) {
      lines = multiLines ? mergeLines(own, multiLines[collector.readFile]!) : own
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

/** The candidate groups with a row in a file that could not be read again, or null. */
function unconfirmedGroups(
  candidates: RowGroups,
  confirmed: Set<number>,
  files: readonly string[]
): DuplicateGroups | null {
  const kept: number[] = []
  for (let g = 0; g < candidates.count; g++) {
    for (let m = candidates.starts[g]!; m < candidates.starts[g + 1]!; m++) {
      if (confirmed.has(candidates.files[m]!)) continue
      kept.push(g)
      break
    }
  }
  return kept.length > 0 ? pickGroups(candidates, kept, files) : null
}

/**
 * Confirmed duplicates: rows with one exact identity. Candidates in a file that could not be read
 * again keep their first-pass grouping (same hash and video tag): `unconfirmed`.
 */
function confirmDuplicates(
  accumulator: DatasetAccumulator,
  unconfirmed: DuplicateGroups | null,
  collector: SecondPassCollector
): DuplicateGroups {
  const trusted = new Set<string>()
  if (unconfirmed)
    for (let m = 0; m < unconfirmed.files.length; m++)
      trusted.add(`${unconfirmed.files[m]}:${unconfirmed.lines[m]}`)
  return collector.identities.duplicates(
    { videoKeys: accumulator.videoKeys, labels: accumulator.labels },
    unconfirmed,
    trusted.size > 0 ? (file, line) => trusted.has(`${file}:${line}`) : null
  )
}

/** The groups `kept` of `groups` (ascending), named by their first row's file. */
function pickGroups(groups: RowGroups, kept: number[], files: readonly string[]): DuplicateGroups {
  const starts = new Uint32Array(kept.length + 1)
  const members = kept.reduce((n, g) => n + groups.starts[g + 1]! - groups.starts[g]!, 0)
  const picked = { files: new Int32Array(members), lines: new Uint32Array(members) }
  kept.forEach((g, i) => {
    const from = groups.starts[g]!
    const to = groups.starts[g + 1]!
    picked.files.set(groups.files.subarray(from, to), starts[i])
    picked.lines.set(groups.lines.subarray(from, to), starts[i])
    starts[i + 1] = starts[i]! + to - from
  })
  return {
    count: kept.length,
    starts,
    ...picked,
    identity: g => `unconfirmed:${files[picked.files[starts[g]!]!]}`
  }
}

/** Per file, the lines of the candidates in it, ascending, each once. */
function candidateLinesByFile(candidates: RowGroups, files: number): Uint32Array[] {
  const counts = new Uint32Array(files)
  for (let m = 0; m < candidates.files.length; m++) counts[candidates.files[m]!]!++
  const lines = Array.from(counts, n => new Uint32Array(n))
  const at = new Uint32Array(files)
  for (let m = 0; m < candidates.files.length; m++) {
    const file = candidates.files[m]!
    lines[file]![at[file]!++] = candidates.lines[m]!
  }
  return lines.map(list => {
    list.sort()
    let n = 0
    for (let i = 0; i < list.length; i++)
      if (n === 0 || list[i] !== list[n - 1]) list[n++] = list[i]!
    return list.subarray(0, n)
  })
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
