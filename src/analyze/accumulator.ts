/**
 * The hot loop: one `addRow` call per labeled or unlabeled row of a dataset. It checks the row
 * rules that need only the row, and keeps the compact state the dataset rules need afterwards:
 * counts per (class, split), which splits each video and group appear in, which labels each video
 * carries, and 6 bytes per row for duplicate detection and the multi-label pass.
 *
 * Problems are reported as data (read/problems.ts); which values are acceptable, and the words for
 * every problem, are the judge's (`ValueRules`; judge/row-problems.ts). Per-value work (URI checks,
 * key normalization, group extraction, label checks) runs once per distinct URI or label.
 */
import { SPLITS, type FormatId, type Split } from '../model.js'
import type { RowProblemSink } from '../read/problems.js'
import { DenseFloat64, DenseInt32, DenseUint8, detach } from './compact.js'
import { LABEL_LIMIT, PairMasks } from './pair-masks.js'
import type { AccumulatorPart, UnlabeledRow } from './accumulator-part.js'
import { SegmentRuns } from './intervals.js'
import { SegmentTimes } from './segment-times.js'
import type { TextColumn } from './text-column.js'
import { LabelRegistry } from './labels.js'
import { NO_GROUPS, type RowGroups } from './duplicate-groups.js'
import { RowFingerprints, type Location } from './row-fingerprints.js'
import type { SpillFiles } from './spill-column.js'
import type { LabelProfile, ValueRules } from './value-rules.js'
import { VideoRegistry, type GroupCoverage, type LeakRecord } from './videos.js'

export type { AccumulatorPart, GroupCoverage, LabelProfile, LeakRecord, Location, ValueRules }

export interface AccumulatorOptions {
  videoKey: 'uri' | 'id'
  /** True for discovered (unconfigured) datasets: the video key kind may follow the header. */
  inferVideoKey: boolean
  /** Extracts the source group from a normalized video key, or null. */
  groupOf: ((key: string) => string | null) | null
  durations: Map<string, number> | null
  /** Label checking profile for this dataset (resolved from `auto`). */
  labelProfile: LabelProfile
  rules: ValueRules
  /** Splits whose row keys are kept for the frozen-split change rule (base comparison only). */
  frozenSplits: Split[]
  /** A worker's accumulator: keeps what `exportPart` needs to be absorbed in order. */
  part?: boolean
  /** Where the duplicate search's row columns spill past their first blocks (none: memory). */
  spillFiles?: SpillFiles | null
}

export class DatasetAccumulator {
  readonly files: string[] = []
  /** The format each file (by index) is read as: messages write times in its notation. */
  private formats: FormatId[] = []

  private videos: VideoRegistry
  readonly videoKeys: TextColumn
  readonly videoSplits: DenseUint8
  readonly videoLeaks: Map<number, LeakRecord>
  // groups (source video, camera, subject...)
  readonly groupKeys: string[]
  readonly groupSplits: DenseUint8
  readonly groupLeaks: Map<number, LeakRecord>
  /** Raw spellings that fail the URI (or id) check, with the reason. Usually empty. */
  private uriProblems = new Map<string, string>()

  private labelRegistry: LabelRegistry
  readonly labels: string[]
  readonly labelFirst: Location[]
  private labelProblems: (string | null)[]
  private labelProfile: LabelProfile

  // counts, indexed label * 4 + split
  readonly segments = new DenseFloat64()
  /**
   * Labeled seconds in whole microseconds: sums of integers are exact in any order, so a dataset
   * read in parts sums to the same seconds as one reading.
   */
  readonly seconds = new DenseFloat64()
  readonly secondsUnknown = new DenseUint8()
  /** (video, label) -> mask of splits where the video carries the label. */
  readonly pairs = new PairMasks()
  /** Per video, its previous row's label * 4 + split (-1: none yet). */
  private lastPair = new DenseInt32(256, -1)

  /** Null when the duplicate-row rule is off: rows are then not fingerprinted. */
  private fingerprints: RowFingerprints | null
  /** Null when the multi-label rule is off: its segment facts are then not measured. */
  private runs: SegmentRuns | null

  // unlabeled `URI,,,` rows
  readonly unlabeled: UnlabeledRow[] = []

  readonly frozenRows = new Map<Split, Map<string, { file: number; line: number }>>()

  labeledRows = 0
  rows = 0

  /** The previous row's video spelling and video. */
  private lastUri: string | null = null
  private lastVideo = -1

  private checkVideos: boolean
  /** The time checks of labeled rows. */
  private times: SegmentTimes

  constructor(
    private problems: RowProblemSink,
    private options: AccumulatorOptions
  ) {
    this.labelProfile = options.labelProfile
    this.checkVideos = problems.enabled('uri-invalid')
    this.labelRegistry = new LabelRegistry(
      options.rules,
      problems.enabled('label-invalid'),
      () => this.labelProfile
    )
    this.labels = this.labelRegistry.labels
    this.labelFirst = this.labelRegistry.first
    this.labelProblems = this.labelRegistry.problems
    this.fingerprints = problems.enabled('duplicate-row')
      ? new RowFingerprints(options.spillFiles ?? null)
      : null
    this.runs = problems.enabled('multi-label') ? new SegmentRuns(options.part === true) : null
    // Shares `options`: a video key kind changed by `columnsDetected` applies to new videos.
    this.videos = new VideoRegistry(options, options.part === true)
    this.videoKeys = this.videos.keys
    this.videoSplits = this.videos.splits
    this.videoLeaks = this.videos.leaks
    this.groupKeys = this.videos.groupKeys
    this.groupSplits = this.videos.groupSplits
    this.groupLeaks = this.videos.groupLeaks
    for (const split of options.frozenSplits) this.frozenRows.set(split, new Map())
    this.times = new SegmentTimes(
      problems,
      options.rules,
      { files: this.files, formats: this.formats, videoKeys: this.videoKeys },
      this.videos,
      this.labelRegistry.hashes,
      this.fingerprints,
      this.runs
    )
  }

  /**
   * Column-mapped manifests (research datasets) use the relaxed label profile when it is `auto`,
   * and, when the dataset was discovered rather than configured, an id-like video column
   * (`youtube_id`, `video_id`) names videos by id instead of gs:// URI.
   */
  columnsDetected(videoColumn: string): void {
    if (this.rows > 0) return
    if (this.options.rules.relaxLabelsForColumns) this.labelProfile = 'relaxed'
    if (this.options.inferVideoKey && /(^|_)id$/i.test(videoColumn)) this.options.videoKey = 'id'
  }

  formatDetected(file: number, format: FormatId): void {
    this.formats[file] = format
  }

  /** How the group pattern covered the videos; null without a group pattern. */
  groupCoverage(): GroupCoverage | null {
    return this.videos.coverage()
  }

  beginFile(path: string): number {
    this.files.push(path)
    this.formats.push('vertex-csv')
    this.fingerprints?.beginFile()
    return this.files.length - 1
  }

  /**
   * One row. `split` is a code from SPLIT_CODE; label/start/end are the raw field texts ('' when
   * absent). Field-count and split-value problems are the reader's; everything else is here.
   */
  addRow(
    file: number,
    line: number,
    split: number,
    uri: string,
    label: string,
    start: string,
    end: string
  ): void {
    this.rows++
    // Rows of a video usually come together: the last row's spelling is compared first.
    let video = this.lastVideo
    if (uri !== this.lastUri) {
      video = this.videos.find(uri)
      if (video === -1) video = this.registerVideo(uri, file, line)
      this.lastUri = uri // a slice of the current chunk at most: it pins no more than that
      this.lastVideo = video
    }
    const videoProblem = this.uriProblems.size > 0 ? this.uriProblems.get(uri) : undefined
    if (videoProblem) {
      this.problems.report({
        code: 'video.invalid',
        file: this.files[file]!,
        line,
        split: SPLITS[split]!,
        uri,
        reason: videoProblem
      })
    }
    this.videos.markSplit(video, split, file, line)

    if (label.length === 0) {
      if (start.length === 0 && end.length === 0) {
        this.unlabeled.push({ video, file, line, split })
        return
      }
      this.problems.report({
        code: 'label.missing',
        file: this.files[file]!,
        line,
        split: SPLITS[split]!,
        format: this.formats[file]!,
        uri,
        start,
        end
      })
      return
    }
    this.addLabeled(file, line, split, video, uri, label, start, end)
  }

  /** A labeled row (its video known): counts, the (video, label) pair, times and seconds. */
  private addLabeled(
    file: number,
    line: number,
    split: number,
    video: number,
    uri: string,
    label: string,
    start: string,
    end: string
  ): void {
    let labelId = this.sameLabelAsBefore(video, label)
    if (labelId === -1) {
      labelId = this.labelRegistry.get(label) ?? this.labelRegistry.register(label, file, line)
    }
    const labelProblem = this.labelProblems[labelId]
    if (labelProblem) {
      this.problems.report({
        code: 'label.invalid',
        file: this.files[file]!,
        line,
        split: SPLITS[split]!,
        uri,
        label,
        reason: labelProblem
      })
    }
    this.labeledRows++
    const cell = labelId * 4 + split
    this.segments.ensure(cell)
    this.segments.data[cell]!++

    if (labelId < LABEL_LIMIT) {
      const pairCode = labelId * 4 + split
      if (this.lastPair.data[video] !== pairCode) {
        this.lastPair.data[video] = pairCode
        this.pairs.or(video, labelId, 1 << split)
      }
    }

    const micros = this.times.check(file, line, split, video, label, labelId, start, end)
    this.seconds.ensure(cell)
    this.secondsUnknown.ensure(cell)
    if (micros === null) this.secondsUnknown.data[cell] = 1
    else this.seconds.data[cell]! += micros

    const frozen = this.frozenRows.size > 0 ? this.frozenRows.get(SPLITS[split]!) : undefined
    if (frozen) {
      const rowKey = `${this.videoKeys.at(video)}\u0000${label}\u0000${start}\u0000${end}`
      if (!frozen.has(rowKey)) frozen.set(rowKey, { file, line })
    }
  }

  /** The label of the video's previous row (from `lastPair`) when it is `label`, else -1. */
  private sameLabelAsBefore(video: number, label: string): number {
    const pairCode = this.lastPair.data[video]!
    if (pairCode < 0) return -1
    const previous = pairCode >> 2
    return this.labels[previous] === label ? previous : -1
  }

  private registerVideo(raw: string, file: number, line: number): number {
    const uri = detach(raw) // kept as a key: must not pin the chunk it was read from
    // Problems belong to a spelling: `gs://b/a.mp4 ` is flagged, `gs://b/a.mp4` is not, yet both
    // name one video.
    if (this.checkVideos) {
      const problem = this.options.rules.videoProblem(uri, this.options.videoKey)
      if (problem) this.uriProblems.set(uri, problem)
    }
    const video = this.videos.register(uri, file, line)
    this.lastPair.ensure(video)
    this.pairs.ensure(video)
    return video
  }

  labelId(label: string): number | undefined {
    return this.labelRegistry.get(label)
  }

  videoId(uri: string): number | undefined {
    return this.videos.idOf(uri)
  }

  /**
   * Groups of rows with the same (split, video, label, start, end), possibly with a few others
   * (see RowFingerprints.duplicateCandidates); empty when the duplicate-row rule is off.
   */
  duplicateCandidates(): RowGroups {
    return this.fingerprints?.duplicateCandidates() ?? NO_GROUPS
  }

  /**
   * Per file (by index), the ascending lines of the fingerprinted rows whose video tag is the tag of
   * one of `videos`: all the rows of those videos, and a few others. The multi-label pass reads
   * only those lines. Null when rows are not fingerprinted (the duplicate-row rule is off).
   */
  linesOfVideos(videos: Iterable<number>): Uint32Array[] | null {
    const hashes = this.videos.hashes.data
    const videoHashes = [...videos].map(video => hashes[video]!)
    return this.fingerprints?.linesOfVideos(videoHashes, this.files.length) ?? null
  }

  /**
   * The multi-label facts measured during the first pass (analyze/intervals.ts), once every row
   * was added; null when the multi-label rule is off.
   */
  segmentRuns(): SegmentRuns | null {
    this.runs?.end()
    return this.runs
  }

  /** Where a video first appears: the index of its file in `files`, and the line. */
  firstPlaceOf(video: number): { file: number; line: number } {
    return this.videos.firstPlace(video)
  }

  /** A spill file for the duplicate search's rows of a part another thread reads, or null. */
  spillFileForPart(): number | null {
    return this.fingerprints?.spillFileForPart() ?? null
  }

  /**
   * Frees the per-row columns once `duplicateCandidates` and `linesOfVideos` have used them, so a
   * later pass over the files does not add to their memory. Both return nothing afterwards.
   */
  releaseRows(): void {
    this.lastUri = null
    this.fingerprints?.release()
  }

  /** Labels that probably name one class two ways. */
  findLabelVariants(): { canonical: string; labels: number[] }[] {
    return this.labelRegistry.variants()
  }

  /** What this (a worker's) accumulator read, to be absorbed by the main thread's. */
  exportPart(): AccumulatorPart {
    this.runs?.end()
    const cells = this.labels.length * 4
    return {
      files: this.files,
      formats: this.formats,
      videos: this.videos.exportPart(),
      labels: this.labelRegistry.exportPart(),
      uriProblems: [...this.uriProblems],
      segments: this.segments.data.slice(0, cells),
      seconds: this.seconds.data.slice(0, cells),
      secondsUnknown: this.secondsUnknown.data.slice(0, cells),
      pairs: this.pairs.exportPart(),
      fingerprints: this.fingerprints?.exportPart() ?? null,
      runs: this.runs?.exportPart() ?? null,
      unlabeled: this.unlabeled,
      frozenRows: [...this.frozenRows].map(([split, rows]) => [split, [...rows]]),
      rows: this.rows,
      labeledRows: this.labeledRows
    }
  }

  /**
   * Adds what a worker read of the rows right after these (the rest of the file begun last, then
   * whole files, with the same settings), as if this accumulator had read them itself: the same
   * ids, counts, first places, leaks, row fingerprints and multi-label facts (see each part's
   * `absorb`). The part's files up to this one's count are this one's.
   */
  absorb(part: AccumulatorPart): void {
    const shared = this.files.length
    for (let file = shared; file < part.files.length; file++) {
      this.files.push(part.files[file]!)
      this.formats.push(part.formats[file]!)
    }
    const videoIds = this.videos.absorb(part.videos)
    if (this.videoKeys.length > 0) {
      this.lastPair.ensure(this.videoKeys.length - 1)
      this.pairs.ensure(this.videoKeys.length - 1)
    }
    const labelIds = this.labelRegistry.absorb(part.labels)
    for (const [raw, problem] of part.uriProblems)
      if (!this.uriProblems.has(raw)) this.uriProblems.set(raw, problem)
    for (let cell = 0; cell < part.segments.length; cell++) {
      if (part.segments[cell] === 0) continue
      const here = labelIds[cell >> 2]! * 4 + (cell & 3)
      this.segments.ensure(here)
      this.seconds.ensure(here)
      this.secondsUnknown.ensure(here)
      this.segments.data[here]! += part.segments[cell]!
      this.seconds.data[here]! += part.seconds[cell]!
      this.secondsUnknown.data[here]! |= part.secondsUnknown[cell]!
    }
    this.pairs.absorb(part.pairs, videoIds, labelIds)
    if (part.fingerprints) this.fingerprints?.absorb(part.fingerprints, shared)
    if (part.runs) this.runs?.absorb(part.runs, videoIds, labelIds)
    for (const row of part.unlabeled) this.unlabeled.push({ ...row, video: videoIds[row.video]! })
    for (const [split, rows] of part.frozenRows) {
      const kept = this.frozenRows.get(split)!
      for (const [key, where] of rows) if (!kept.has(key)) kept.set(key, where)
    }
    this.rows += part.rows
    this.labeledRows += part.labeledRows
  }
}
