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
import { INVISIBLE } from '../display.js'
import { isInf, parseSeconds } from '../read/fields.js'
import type { RowProblem, RowProblemSink, SegmentAt } from '../read/problems.js'
import { DenseFloat64, DenseUint8, IntKeyMap, detach } from './compact.js'
import { SegmentRuns } from './intervals.js'
import { RowFingerprints, type Location } from './row-fingerprints.js'
import type { LabelProfile, ValueRules } from './value-rules.js'
import { VideoRegistry, type GroupCoverage, type LeakRecord } from './videos.js'

export type { GroupCoverage, LabelProfile, LeakRecord, Location, ValueRules }

/** Labels beyond this many are not tracked per video (max-classes has long fired by then). */
const LABEL_LIMIT = 1 << 20
const PAIR_STRIDE = LABEL_LIMIT

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
}

/** Segment problems that carry nothing but the segment. */
type PlainSegmentCode =
  | 'segment.no-times'
  | 'segment.missing-time'
  | 'segment.start-at-end'
  | 'segment.end-not-positive'
  | 'segment.end-before-start'

export class DatasetAccumulator {
  readonly files: string[] = []
  /** The format each file (by index) is read as: messages write times in its notation. */
  private formats: FormatId[] = []

  private videos: VideoRegistry
  readonly videoKeys: string[]
  readonly videoSplits: DenseUint8
  readonly videoLeaks: Map<number, LeakRecord>
  // groups (source video, camera, subject...)
  readonly groupKeys: string[]
  readonly groupSplits: DenseUint8
  readonly groupLeaks: Map<number, LeakRecord>
  /** Raw spellings that fail the URI (or id) check, with the reason. Usually empty. */
  private uriProblems = new Map<string, string>()

  // labels
  private labelByText = new Map<string, number>()
  readonly labels: string[] = []
  readonly labelFirst: Location[] = []
  private labelProblems: (string | null)[] = []
  private labelProfile: LabelProfile

  // counts, indexed label * 4 + split
  readonly segments = new DenseFloat64()
  readonly seconds = new DenseFloat64()
  readonly secondsUnknown = new DenseUint8()
  /** (video, label) -> mask of splits where the video carries the label. */
  readonly pairs = new IntKeyMap(4096)
  private lastPair = new DenseFloat64(256, -1)

  /** Null when the duplicate-row rule is off: rows are then not fingerprinted. */
  private fingerprints: RowFingerprints | null
  /** Null when the multi-label rule is off: its segment facts are then not measured. */
  private runs: SegmentRuns | null

  // unlabeled `URI,,,` rows
  readonly unlabeled: { video: number; file: number; line: number; split: number }[] = []

  readonly frozenRows = new Map<Split, Map<string, { file: number; line: number }>>()

  labeledRows = 0
  rows = 0

  /** The previous row's video spelling and video. */
  private lastUri: string | null = null
  private lastVideo = -1

  // The labeled row being read, for its time checks: set per row, never allocated.
  private rowFile = 0
  private rowLine = 0
  private rowSplit = 0
  private rowVideo = 0
  private rowLabel = ''
  private rowStart = ''
  private rowEnd = ''

  private checkVideos: boolean
  private checkLabels: boolean

  constructor(
    private problems: RowProblemSink,
    private options: AccumulatorOptions
  ) {
    this.labelProfile = options.labelProfile
    this.checkVideos = problems.enabled('uri-invalid')
    this.checkLabels = problems.enabled('label-invalid')
    this.fingerprints = problems.enabled('duplicate-row') ? new RowFingerprints() : null
    this.runs = problems.enabled('multi-label') ? new SegmentRuns() : null
    // Shares `options`: a video key kind changed by `columnsDetected` applies to new videos.
    this.videos = new VideoRegistry(options)
    this.videoKeys = this.videos.keys
    this.videoSplits = this.videos.splits
    this.videoLeaks = this.videos.leaks
    this.groupKeys = this.videos.groupKeys
    this.groupSplits = this.videos.groupSplits
    this.groupLeaks = this.videos.groupLeaks
    for (const split of options.frozenSplits) this.frozenRows.set(split, new Map())
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
      labelId = this.labelByText.get(label) ?? this.registerLabel(label, file, line)
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
      const pairKey = video * PAIR_STRIDE + labelId
      const pairCode = pairKey * 4 + split
      if (this.lastPair.data[video] !== pairCode) {
        this.lastPair.data[video] = pairCode
        this.pairs.or(pairKey, 1 << split)
      }
    }

    this.rowFile = file
    this.rowLine = line
    this.rowSplit = split
    this.rowVideo = video
    this.rowLabel = label
    this.rowStart = start
    this.rowEnd = end
    const seconds = this.segmentSeconds(labelId)
    this.seconds.ensure(cell)
    this.secondsUnknown.ensure(cell)
    if (seconds === null) this.secondsUnknown.data[cell] = 1
    else this.seconds.data[cell]! += seconds

    const frozen = this.frozenRows.size > 0 ? this.frozenRows.get(SPLITS[split]!) : undefined
    if (frozen) {
      const rowKey = `${this.videoKeys[video]}\u0000${label}\u0000${start}\u0000${end}`
      if (!frozen.has(rowKey)) frozen.set(rowKey, { file, line })
    }
  }

  /** The label of the video's previous row (from `lastPair`) when it is `label`, else -1. */
  private sameLabelAsBefore(video: number, label: string): number {
    const pairCode = this.lastPair.data[video]!
    if (pairCode < 0) return -1
    const previous = Math.floor(pairCode / 4) - video * PAIR_STRIDE
    return this.labels[previous] === label ? previous : -1
  }

  /**
   * Checks the current row's START/END; returns the labeled length in seconds, or null when it is
   * unknown (an end-of-video segment without a duration) or the times are invalid (reported).
   */
  private segmentSeconds(labelId: number): number | null {
    const start = this.rowStart
    const end = this.rowEnd
    if (start.length === 0 && end.length === 0) return this.segmentProblem('segment.no-times')
    // One time present, the other missing: a broken segment (rules.md: START or END missing).
    if (start.length === 0 || end.length === 0) return this.segmentProblem('segment.missing-time')
    if (isInf(start)) return this.segmentProblem('segment.start-at-end')
    const startValue = parseSeconds(start)
    if (!startValue.ok) {
      const reason = startValue.reason
      return this.report({ ...this.segmentAt(), code: 'segment.start-unreadable', reason })
    }
    const endValue = isInf(end) ? null : parseSeconds(end)
    if (endValue && !endValue.ok) {
      const reason = endValue.reason
      return this.report({ ...this.segmentAt(), code: 'segment.end-unreadable', reason })
    }
    const { maxDecimals, durationTolerance } = this.options.rules
    const decimals = Math.max(startValue.decimals, endValue ? endValue.decimals : 0)
    if (decimals > maxDecimals)
      this.report({ ...this.segmentAt(), code: 'segment.decimals', decimals, maxDecimals })
    const s = startValue.value
    const e = endValue ? endValue.value : Infinity
    if (e <= 0) return this.segmentProblem('segment.end-not-positive')
    if (s >= e) return this.segmentProblem('segment.end-before-start')
    const duration = this.videos.duration(this.rowVideo)
    if (!Number.isNaN(duration)) {
      if (e !== Infinity && e > duration + durationTolerance)
        this.report({ ...this.segmentAt(), code: 'segment.end-beyond-duration', duration })
      else if (s >= duration + durationTolerance)
        this.report({ ...this.segmentAt(), code: 'segment.start-beyond-duration', duration })
    }
    this.fingerprints?.add(this.rowSplit, this.rowVideo, labelId, s, e, this.rowLine)
    this.runs?.add(this.rowVideo, labelId, s, e)
    if (e === Infinity) return Number.isNaN(duration) ? null : Math.max(0, duration - s)
    return e - s
  }

  /** The current row as the place of a segment problem (built only for a problem). */
  private segmentAt(): SegmentAt {
    return {
      file: this.files[this.rowFile]!,
      line: this.rowLine,
      split: SPLITS[this.rowSplit]!,
      format: this.formats[this.rowFile]!,
      video: this.videoKeys[this.rowVideo]!,
      label: this.rowLabel,
      start: this.rowStart,
      end: this.rowEnd
    }
  }

  private segmentProblem(code: PlainSegmentCode): null {
    return this.report({ ...this.segmentAt(), code })
  }

  private report(problem: RowProblem): null {
    this.problems.report(problem)
    return null
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
    return video
  }

  private registerLabel(raw: string, file: number, line: number): number {
    const label = detach(raw) // kept as a key: must not pin the chunk it was read from
    const id = this.labels.length
    this.labels.push(label)
    this.labelByText.set(label, id)
    this.labelFirst.push({ file, line })
    const { rules } = this.options
    this.labelProblems.push(this.checkLabels ? rules.labelProblem(label, this.labelProfile) : null)
    return id
  }

  labelId(label: string): number | undefined {
    return this.labelByText.get(label)
  }

  videoId(uri: string): number | undefined {
    return this.videos.idOf(uri)
  }

  /**
   * Groups of rows with the same (split, video, label, start, end), possibly with a few others
   * (see RowFingerprints.duplicateCandidates); empty when the duplicate-row rule is off.
   */
  duplicateCandidates(): Location[][] {
    return this.fingerprints?.duplicateCandidates() ?? []
  }

  /**
   * Per file (by index), the ascending lines of the fingerprinted rows whose video tag is the tag of
   * one of `videos`: all the rows of those videos, and a few others. The multi-label pass reads
   * only those lines. Null when rows are not fingerprinted (the duplicate-row rule is off).
   */
  linesOfVideos(videos: Set<number>): Uint32Array[] | null {
    return this.fingerprints?.linesOfVideos(videos, this.files.length) ?? null
  }

  /**
   * The multi-label facts measured during the first pass (analyze/intervals.ts), once every row
   * was added; null when the multi-label rule is off.
   */
  segmentRuns(): SegmentRuns | null {
    this.runs?.end()
    return this.runs
  }

  /**
   * Frees the per-row columns once `duplicateCandidates` and `linesOfVideos` have used them, so a
   * later pass over the files does not add to their memory. Both return nothing afterwards.
   */
  /** Where a video first appears: the index of its file in `files`, and the line. */
  firstPlaceOf(video: number): { file: number; line: number } {
    return this.videos.firstPlace(video)
  }

  releaseRows(): void {
    this.lastUri = null
    this.fingerprints?.release()
  }

  /** Labels that probably name one class two ways. */
  findLabelVariants(): { canonical: string; labels: number[] }[] {
    const byCanonical = new Map<string, number[]>()
    for (let id = 0; id < this.labels.length; id++) {
      const canonical = canonicalLabel(this.labels[id]!)
      const members = byCanonical.get(canonical)
      if (members) members.push(id)
      else byCanonical.set(canonical, [id])
    }
    return [...byCanonical]
      .filter(([, members]) => members.length > 1)
      .map(([canonical, labels]) => ({ canonical, labels }))
  }

  static pairVideo(key: number): number {
    return Math.floor(key / PAIR_STRIDE)
  }

  static pairLabel(key: number): number {
    return key - Math.floor(key / PAIR_STRIDE) * PAIR_STRIDE
  }
}

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g')

/** The form two labels share when they are probably the same class written two ways. */
export function canonicalLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(INVISIBLE_ALL, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_')
}
