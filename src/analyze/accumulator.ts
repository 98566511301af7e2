/**
 * The hot loop: one `addRow` call per labeled or unlabeled row of a dataset. It checks the row
 * rules that need only the row, and keeps the compact state the dataset rules need afterwards:
 * counts per (class, split), which splits each video and group appear in, which labels each video
 * carries, and 6 bytes per row for duplicate detection and the multi-label pass.
 *
 * Per-value work (URI checks, key normalization, group extraction, label checks) runs once per
 * distinct URI or label, not per row.
 */
import { SPLITS, type FormatId, type Split } from '../model.js'
import type { RuleSettings } from '../rules/catalogue.js'
import type { FindingSink } from '../judge/findings.js'
import {
  BlockUint16,
  BlockUint32,
  DenseFloat64,
  DenseInt32,
  DenseUint8,
  IntKeyMap,
  LineIndex,
  detach,
  radixSortUint32,
  rowFingerprint,
  textHash
} from './compact.js'
import {
  canonicalLabel,
  checkVideoId,
  checkVideoUri,
  describeBadDuration,
  isInf,
  labelChecker,
  normalizeVideoKey,
  parseSeconds,
  plural,
  type LabelChecker
} from './values.js'

/** Split codes are indexes into SPLITS. */
export const SPLIT_CODE: Record<Split, number> = { TRAIN: 0, VALIDATION: 1, TEST: 2, UNASSIGNED: 3 }
/** Labels beyond this many are not tracked per video (max-classes has long fired by then). */
const LABEL_LIMIT = 1 << 20
const PAIR_STRIDE = LABEL_LIMIT

export interface Location {
  file: number
  line: number
}

export interface AccumulatorOptions {
  videoKey: 'uri' | 'id'
  /** True for discovered (unconfigured) datasets: the video key kind may follow the header. */
  inferVideoKey: boolean
  /** Extracts the source group from a normalized video key, or null. */
  groupOf: ((key: string) => string | null) | null
  durations: Map<string, number> | null
  /** Label checking profile for this dataset (resolved from `auto`). */
  labelProfile: 'automl' | 'relaxed'
  labelMatch: ((label: string) => boolean) | null
  /** Splits whose row keys are kept for the frozen-split change rule (base comparison only). */
  frozenSplits: Split[]
}

/** How a group pattern covered the videos: `ungrouped` of them matched no group. */
export interface GroupCoverage {
  videos: number
  ungrouped: number
  /** The first video key that matched no group, for the message. */
  example: string | null
}

/**
 * How segment times are written and named in a file's format, so a message gives that format's
 * advice: CSV columns hold plain seconds (`12.5`), JSON Lines fields hold Duration strings (`"12.5s"`).
 */
interface TimeNotation {
  start: string
  end: string
  /** A time as the file writes it, from the seconds text the reader passed on. */
  show(seconds: string): string
  /** `show`, quoted as the file writes it. */
  quote(seconds: string): string
  /** Why an unreadable time is unreadable, in this notation's terms. */
  reason(text: string, parsed: { reason: string }): string
  advice: string
  endAdvice: string
  /** What to do with a segment that has times but no label. */
  unlabeled: string
}

const CSV_TIMES: TimeNotation = {
  start: 'START',
  end: 'END',
  show: seconds => seconds,
  quote: seconds => `"${seconds}"`,
  reason: (_text, parsed) => parsed.reason,
  advice: 'Write seconds from the start of the video, e.g. 12.5.',
  endAdvice: 'Write seconds from the start of the video, or inf for its end.',
  unlabeled:
    'the row has times but no label. Add the label, or write the row as URI,,, to mark the whole video unlabeled.'
}

const JSONL_TIMES: TimeNotation = {
  start: 'startTime',
  end: 'endTime',
  show: seconds => (isInf(seconds) ? '"Infinity"' : `"${seconds}s"`),
  quote: seconds => JSONL_TIMES.show(seconds),
  reason: text => describeBadDuration(text),
  advice: 'Write times as strings with an s unit, e.g. "12.5s".',
  endAdvice:
    'Write times as strings with an s unit, e.g. "12.5s", or leave endTime out for the end of the video.',
  unlabeled:
    'the time segment has no displayName. Add the label, or leave timeSegmentAnnotations out to mark the whole video unlabeled.'
}

export interface LeakRecord {
  key: string
  places: { split: Split; file: number; line: number }[]
}

export class DatasetAccumulator {
  readonly files: string[] = []
  /** Row ordinal (among fingerprinted rows) at which each file starts. */
  private fileStarts: number[] = []

  // videos
  private videoByKey = new Map<string, number>()
  /**
   * Raw spellings that differ from their video's key (` gs://b/a.mp4`, `gs://b//a.mp4`). A raw
   * spelling that is the key itself, the usual case, is found through `videoByKey` and marked in
   * `spelledAsKey` instead: one Map entry per video, not two.
   */
  private videoByRaw = new Map<string, number>()
  private spelledAsKey = new DenseUint8()
  readonly videoKeys: string[] = []
  /** Raw spellings that fail the URI (or id) check, with the reason. Usually empty. */
  private uriProblems = new Map<string, string>()
  readonly videoSplits = new DenseUint8()
  private videoFirstFile = new DenseInt32()
  private videoFirstLine = new DenseInt32()
  private videoDuration = new DenseFloat64(256, NaN)
  private videoGroup = new DenseInt32()
  readonly videoLeaks = new Map<number, LeakRecord>()

  // groups (source video, camera, subject...)
  readonly groupKeys: string[] = []
  private groupByKey = new Map<string, number>()
  readonly groupSplits = new DenseUint8()
  private groupFirst: { split: Split; file: number; line: number }[] = []
  readonly groupLeaks = new Map<number, LeakRecord>()
  /** Videos the group pattern gave no group (counted once per video, when it is registered). */
  private ungroupedVideos = 0
  private ungroupedExample: string | null = null

  // labels
  private labelByText = new Map<string, number>()
  readonly labels: string[] = []
  readonly labelFirst: Location[] = []
  private labelProblems: (string | null)[] = []
  private checkLabel: LabelChecker

  // counts, indexed label * 4 + split
  readonly segments = new DenseFloat64()
  readonly seconds = new DenseFloat64()
  readonly secondsUnknown = new DenseUint8()
  /** (video, label) -> mask of splits where the video carries the label. */
  readonly pairs = new IntKeyMap(4096)
  private lastPair = new DenseFloat64(256, -1)

  // Per labeled row with valid times: a 32-bit hash of its (split, video, label, start, end), a
  // 16-bit tag of its video (the id's low 16 bits) and its line (stored as runs): 6 bytes a row.
  // Rows sharing hash and tag are duplicate candidates, confirmed by the engine on a second read
  // (see `duplicateCandidates`); the tags let that read pick the rows of given videos.
  private rowHash = new BlockUint32()
  private rowTag = new BlockUint16()
  private fingerprintLine = new LineIndex()
  private fingerprintScratch = new Uint32Array(2)

  // unlabeled `URI,,,` rows
  readonly unlabeled: { video: number; file: number; line: number; split: number }[] = []

  readonly frozenRows = new Map<Split, Map<string, { file: number; line: number }>>()

  /** Files (by index) in JSON Lines: their messages speak of startTime/endTime and "12.5s". */
  private jsonlFiles = new Set<number>()

  labeledRows = 0
  rows = 0

  private uriExtensions: readonly string[]

  constructor(
    private settings: RuleSettings,
    private sink: FindingSink,
    private options: AccumulatorOptions
  ) {
    this.uriExtensions = settings['uri-invalid'].options.extensions
    this.checkLabel = labelChecker(
      options.labelProfile,
      options.labelMatch,
      settings['label-invalid'].options.pattern ?? ''
    )
    for (const split of options.frozenSplits) this.frozenRows.set(split, new Map())
  }

  /**
   * Column-mapped manifests (research datasets) use the relaxed label profile when it is `auto`,
   * and, when the dataset was discovered rather than configured, an id-like video column
   * (`youtube_id`, `video_id`) names videos by id instead of gs:// URI.
   */
  columnsDetected(videoColumn: string): void {
    if (this.rows > 0) return
    const pattern = this.settings['label-invalid'].options.pattern ?? ''
    if (this.settings['label-invalid'].options.profile === 'auto') {
      this.checkLabel = labelChecker('relaxed', this.options.labelMatch, pattern)
    }
    if (this.options.inferVideoKey && /(^|_)id$/i.test(videoColumn)) this.options.videoKey = 'id'
  }

  formatDetected(file: number, format: FormatId): void {
    if (format === 'vertex-jsonl') this.jsonlFiles.add(file)
  }

  /** Consulted only when a finding is written, never per row. */
  private notation(file: number): TimeNotation {
    return this.jsonlFiles.has(file) ? JSONL_TIMES : CSV_TIMES
  }

  /** How the group pattern covered the videos; null without a group pattern. */
  groupCoverage(): GroupCoverage | null {
    if (!this.options.groupOf) return null
    return {
      videos: this.videoKeys.length,
      ungrouped: this.ungroupedVideos,
      example: this.ungroupedExample
    }
  }

  beginFile(path: string): number {
    this.files.push(path)
    this.fileStarts.push(this.fingerprintLine.length)
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
    let video = this.videoByKey.get(uri)
    if (video === undefined || this.spelledAsKey.data[video] !== 1) {
      video = this.videoByRaw.get(uri)
      if (video === undefined) video = this.registerVideo(uri, file, line)
    }
    const videoProblem = this.uriProblems.size > 0 ? this.uriProblems.get(uri) : undefined
    if (videoProblem) {
      this.sink.add('uri-invalid', {
        message: videoProblem,
        file: this.files[file],
        line,
        split: SPLITS[split]!,
        fingerprint: `uri-invalid:${textHash(uri)}`
      })
    }
    this.markSplit(video, split, file, line)

    if (label.length === 0) {
      if (start.length === 0 && end.length === 0) {
        this.unlabeled.push({ video, file, line, split })
        return
      }
      this.sink.add('label-missing', {
        message: this.notation(file).unlabeled,
        file: this.files[file],
        line,
        split: SPLITS[split]!,
        fingerprint: `label-missing:${textHash(uri + ',' + start + ',' + end)}`
      })
      return
    }

    let labelId = this.labelByText.get(label)
    if (labelId === undefined) labelId = this.registerLabel(label, file, line)
    const labelProblem = this.labelProblems[labelId]
    if (labelProblem) {
      this.sink.add('label-invalid', {
        message: labelProblem,
        file: this.files[file],
        line,
        split: SPLITS[split]!,
        class: label,
        fingerprint: `label-invalid:${textHash(uri + ',' + label)}`
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

    // times
    const seconds = this.checkTimes(video, labelId, label, start, end, file, line, split)
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

  /** Where a row finding points (built only for a finding: the row checks run on every row). */
  private place(file: number, line: number, split: number, label: string) {
    return { file: this.files[file], line, split: SPLITS[split]!, class: label }
  }

  private segmentFingerprint(video: number, label: string, start: string, end: string): string {
    return `segment-invalid:${textHash(this.videoKeys[video] + ',' + label + ',' + start + ',' + end)}`
  }

  /** Validates START/END; returns the labeled length in seconds, or null when unknown/invalid. */
  private checkTimes(
    video: number,
    labelId: number,
    label: string,
    start: string,
    end: string,
    file: number,
    line: number,
    split: number
  ): number | null {
    if (start.length === 0 && end.length === 0) {
      this.sink.add('label-missing', {
        ...this.place(file, line, split, label),
        message:
          'the row has a label but no START and END. Give both times in seconds (0,inf for the whole video).',
        fingerprint: `label-missing:${textHash(this.videoKeys[video] + ',' + label + ',' + start + ',' + end)}`
      })
      return null
    }
    // One time present, the other missing: a broken segment (rules.md: START or END missing).
    if (start.length === 0 || end.length === 0) {
      this.sink.add('segment-invalid', {
        ...this.place(file, line, split, label),
        message: `the segment has no ${start.length === 0 ? 'START' : 'END'}. Give both times in seconds (0,inf for the whole video).`,
        fingerprint: `segment-invalid:${textHash(this.videoKeys[video] + ',' + label + ',' + start + ',' + end)}`
      })
      return null
    }
    if (isInf(start)) {
      const n = this.notation(file)
      this.sink.add('segment-invalid', {
        ...this.place(file, line, split, label),
        message: `${n.start} is ${n.quote(start)}; ${n.quote(start)} (the end of the video) is only valid as ${n.end}.`,
        fingerprint: this.segmentFingerprint(video, label, start, end)
      })
      return null
    }
    const startValue = parseSeconds(start)
    if (!startValue.ok) {
      const n = this.notation(file)
      this.sink.add('segment-invalid', {
        ...this.place(file, line, split, label),
        message: `${n.start} ${n.reason(start, startValue)}. ${n.advice}`,
        fingerprint: this.segmentFingerprint(video, label, start, end)
      })
      return null
    }
    const endIsInf = isInf(end)
    const endValue = endIsInf ? null : parseSeconds(end)
    if (endValue && !endValue.ok) {
      const n = this.notation(file)
      this.sink.add('segment-invalid', {
        ...this.place(file, line, split, label),
        message: `${n.end} ${n.reason(end, endValue)}. ${n.endAdvice}`,
        fingerprint: this.segmentFingerprint(video, label, start, end)
      })
      return null
    }
    const maxDecimals = this.settings['segment-invalid'].options['max-decimals']
    const decimals = Math.max(startValue.decimals, endValue ? endValue.decimals : 0)
    if (decimals > maxDecimals) {
      this.sink.add('segment-invalid', {
        ...this.place(file, line, split, label),
        severity: 'warning',
        message: `a time has ${plural(decimals, 'decimal')}; AutoML keeps microseconds (${plural(maxDecimals, 'decimal')}) and rounds the rest.`,
        fingerprint: this.segmentFingerprint(video, label, start, end) + ':decimals'
      })
    }
    const s = startValue.value
    const e = endValue ? endValue.value : Infinity
    if (e <= 0) {
      const n = this.notation(file)
      this.sink.add('segment-invalid', {
        ...this.place(file, line, split, label),
        message: `${n.end} ${n.show(end)} must be greater than 0.`,
        fingerprint: this.segmentFingerprint(video, label, start, end)
      })
      return null
    }
    if (s >= e) {
      const n = this.notation(file)
      this.sink.add('segment-invalid', {
        ...this.place(file, line, split, label),
        message: `the segment ends (${n.show(end)}) before or where it starts (${n.show(start)}); ${n.start} must be less than ${n.end}.`,
        fingerprint: this.segmentFingerprint(video, label, start, end)
      })
      return null
    }
    // Without a durations file (or a group pattern) the per-video column is never grown.
    const duration = this.options.durations ? this.videoDuration.data[video]! : NaN
    if (!Number.isNaN(duration)) {
      const tolerance = this.settings['segment-invalid'].options.tolerance
      if (e !== Infinity && e > duration + tolerance) {
        const n = this.notation(file)
        this.sink.add('segment-invalid', {
          ...this.place(file, line, split, label),
          message: `${n.end} ${n.show(end)} is beyond the video's duration of ${duration} s (from the durations file).`,
          fingerprint: this.segmentFingerprint(video, label, start, end)
        })
      } else if (s >= duration + tolerance) {
        const n = this.notation(file)
        this.sink.add('segment-invalid', {
          ...this.place(file, line, split, label),
          message: `${n.start} ${n.show(start)} is at or beyond the video's duration of ${duration} s (from the durations file).`,
          fingerprint: this.segmentFingerprint(video, label, start, end)
        })
      }
    }
    this.recordFingerprint(split, video, labelId, s, e, line)
    if (e === Infinity) return Number.isNaN(duration) ? null : Math.max(0, duration - s)
    return e - s
  }

  private recordFingerprint(
    split: number,
    video: number,
    label: number,
    start: number,
    end: number,
    line: number
  ): void {
    if (this.settings['duplicate-row'].severity === 'off') return
    rowFingerprint(split, video, label, start, end, this.fingerprintScratch)
    this.rowHash.push(this.fingerprintScratch[0]!)
    this.rowTag.push(video & 0xffff)
    this.fingerprintLine.push(line)
  }

  private registerVideo(raw: string, file: number, line: number): number {
    const uri = detach(raw) // kept as a key: must not pin the chunk it was read from
    const kind = this.options.videoKey
    const problem = kind === 'uri' ? checkVideoUri(uri, this.uriExtensions) : checkVideoId(uri)
    // Problems belong to a spelling: `gs://b/a.mp4 ` is flagged, `gs://b/a.mp4` is not, yet both
    // name one video.
    if (problem) this.uriProblems.set(uri, problem)
    const key = normalizeVideoKey(uri, kind)
    let video = this.videoByKey.get(key)
    if (video === undefined) {
      video = this.videoKeys.length
      this.videoKeys.push(key)
      this.videoByKey.set(key, video)
      this.videoSplits.ensure(video)
      this.videoFirstFile.ensure(video)
      this.videoFirstLine.ensure(video)
      if (this.options.durations) this.videoDuration.ensure(video)
      if (this.options.groupOf) this.videoGroup.ensure(video)
      this.lastPair.ensure(video)
      this.spelledAsKey.ensure(video)
      this.videoFirstFile.data[video] = file
      this.videoFirstLine.data[video] = line
      const duration = this.options.durations?.get(key)
      if (duration !== undefined) this.videoDuration.data[video] = duration
      const group = this.options.groupOf?.(key)
      if (group === null) {
        // Counted so a pattern that matches nothing (or only some videos) is said, not silent.
        this.ungroupedVideos++
        this.ungroupedExample ??= key
      } else if (group !== undefined) {
        let groupId = this.groupByKey.get(group)
        if (groupId === undefined) {
          groupId = this.groupKeys.length
          this.groupKeys.push(group)
          this.groupByKey.set(group, groupId)
          this.groupSplits.ensure(groupId)
        }
        this.videoGroup.data[video] = groupId
      }
    }
    if (key === uri) this.spelledAsKey.data[video] = 1
    else this.videoByRaw.set(uri, video)
    return video
  }

  private markSplit(video: number, split: number, file: number, line: number): void {
    const bit = 1 << split
    const before = this.videoSplits.data[video]!
    if (before & bit) return
    this.videoSplits.data[video] = before | bit
    if (before !== 0) {
      let leak = this.videoLeaks.get(video)
      if (!leak) {
        leak = {
          key: this.videoKeys[video]!,
          places: [
            {
              split: SPLITS[firstBit(before)]!,
              file: this.videoFirstFile.data[video]!,
              line: this.videoFirstLine.data[video]!
            }
          ]
        }
        this.videoLeaks.set(video, leak)
      }
      leak.places.push({ split: SPLITS[split]!, file, line })
    }
    const group = this.options.groupOf ? this.videoGroup.data[video]! : -1
    if (group >= 0) {
      const groupBefore = this.groupSplits.data[group]!
      if (groupBefore & bit) return
      this.groupSplits.data[group] = groupBefore | bit
      if (groupBefore === 0) {
        this.groupFirst[group] = { split: SPLITS[split]!, file, line }
      } else {
        let leak = this.groupLeaks.get(group)
        if (!leak) {
          leak = { key: this.groupKeys[group]!, places: [this.groupFirst[group]!] }
          this.groupLeaks.set(group, leak)
        }
        leak.places.push({ split: SPLITS[split]!, file, line })
      }
    }
  }

  private registerLabel(raw: string, file: number, line: number): number {
    const label = detach(raw) // kept as a key: must not pin the chunk it was read from
    const id = this.labels.length
    this.labels.push(label)
    this.labelByText.set(label, id)
    this.labelFirst.push({ file, line })
    this.labelProblems.push(
      this.settings['label-invalid'].severity === 'off' ? null : this.checkLabel(label)
    )
    return id
  }

  labelId(label: string): number | undefined {
    return this.labelByText.get(label)
  }

  videoId(uri: string): number | undefined {
    const video = this.videoByKey.get(uri)
    if (video !== undefined && this.spelledAsKey.data[video] === 1) return video
    return (
      this.videoByRaw.get(uri) ?? this.videoByKey.get(normalizeVideoKey(uri, this.options.videoKey))
    )
  }

  fileOfFingerprint(ordinal: number): number {
    let low = 0
    let high = this.fileStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.fileStarts[mid]! <= ordinal) low = mid
      else high = mid - 1
    }
    return low
  }

  /**
   * Groups of rows sharing hash and video tag: every set of rows with the same (split, video,
   * label, start, end) is inside one, and a group of different rows turns up about once in 15 runs
   * at 6.4 million rows, so the engine reads the candidates' lines again to confirm them. Members
   * and groups are in row order. Radix-sorting the hashes, an eighth at a time (by their top 3
   * bits), finds the repeated ones with copies of 1 byte per row.
   */
  duplicateCandidates(): Location[][] {
    const count = this.fingerprintLine.length
    if (count < 2) return []
    const hash = this.rowHash
    const tag = this.rowTag
    const blocks = hash.blocks()
    const parts = new Float64Array(8)
    for (const block of blocks) for (let k = 0; k < block.length; k++) parts[block[k]! >>> 29]!++
    const buffer = new Uint32Array(Math.max(...parts) + 1)
    const scratch = new Uint32Array(buffer.length)
    const repeated: number[] = []
    for (let part = 0; part < 8; part++) {
      let n = 0
      for (const block of blocks) {
        for (let k = 0; k < block.length; k++) {
          // Branch-free: store every value, keep it (n + 1) only when it is in this part.
          const value = block[k]!
          buffer[n] = value
          n += (((value >>> 29) ^ part) - 1) >>> 31
        }
      }
      const sorted = buffer.subarray(0, n)
      radixSortUint32(sorted, scratch)
      for (let k = 1; k < n; k++) {
        const value = sorted[k]!
        if (value === sorted[k - 1] && value !== repeated[repeated.length - 1]) repeated.push(value)
      }
    }
    if (repeated.length === 0) return []
    // A flag per low 16 bits of the repeated hashes rules most rows out without a search.
    const maybe = new Uint8Array(1 << 16)
    for (const value of repeated) maybe[value & 0xffff] = 1
    const candidates: number[] = []
    for (let b = 0, ordinal = 0; b < blocks.length; b++) {
      const block = blocks[b]!
      for (let k = 0; k < block.length; k++, ordinal++) {
        const value = block[k]!
        if (maybe[value & 0xffff] === 0) continue
        let lo = 0
        let hi = repeated.length - 1
        while (lo < hi) {
          const mid = (lo + hi) >> 1
          if (repeated[mid]! < value) lo = mid + 1
          else hi = mid
        }
        if (repeated[lo] === value) candidates.push(ordinal)
      }
    }
    candidates.sort((a, b) => hash.get(a) - hash.get(b) || tag.get(a) - tag.get(b) || a - b)
    const groups: number[][] = []
    for (let i = 0; i < candidates.length;) {
      const a = candidates[i]!
      let j = i + 1
      while (
        j < candidates.length &&
        hash.get(candidates[j]!) === hash.get(a) &&
        tag.get(candidates[j]!) === tag.get(a)
      )
        j++
      if (j - i > 1) groups.push(candidates.slice(i, j))
      i = j
    }
    groups.sort((x, y) => x[0]! - y[0]!)
    return groups.map(group =>
      group.map(ordinal => ({
        file: this.fileOfFingerprint(ordinal),
        line: this.fingerprintLine.get(ordinal)
      }))
    )
  }

  /**
   * Per file (by index), the ascending lines of the fingerprinted rows whose video tag is the tag of
   * one of `videos`: all the rows of those videos, and a few others. The multi-label pass reads
   * only those lines. Null when rows are not fingerprinted (the duplicate-row rule is off).
   */
  linesOfVideos(videos: Set<number>): Uint32Array[] | null {
    if (this.settings['duplicate-row'].severity === 'off') return null
    const count = this.fingerprintLine.length
    const wanted = new Uint8Array(1 << 16)
    for (const video of videos) wanted[video & 0xffff] = 1
    const result: Uint32Array[] = []
    for (let file = 0; file < this.files.length; file++) {
      const end = file + 1 < this.files.length ? this.fileStarts[file + 1]! : count
      let size = 0
      for (let k = this.fileStarts[file]!; k < end; k++) size += wanted[this.rowTag.get(k)]!
      const lines = new Uint32Array(size)
      for (let k = this.fileStarts[file]!, n = 0; k < end; k++)
        if (wanted[this.rowTag.get(k)] === 1) lines[n++] = this.fingerprintLine.get(k)
      result.push(lines)
    }
    return result
  }

  /**
   * Frees the per-row columns once `duplicateCandidates` and `linesOfVideos` have used them, so a
   * later pass over the files does not add to their memory. Both return nothing afterwards.
   */
  releaseRows(): void {
    this.rowHash = new BlockUint32()
    this.rowTag = new BlockUint16()
    this.fingerprintLine = new LineIndex()
    this.fileStarts = this.fileStarts.map(() => 0)
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

  /** Video ids carrying more than one label, with their labels. */
  labelsByVideo(): Map<number, number[]> {
    const result = new Map<number, number[]>()
    this.pairs.forEach(key => {
      const video = Math.floor(key / PAIR_STRIDE)
      const label = key - video * PAIR_STRIDE
      const list = result.get(video)
      if (list) list.push(label)
      else result.set(video, [label])
    })
    return result
  }

  static pairVideo(key: number): number {
    return Math.floor(key / PAIR_STRIDE)
  }

  static pairLabel(key: number): number {
    return key - Math.floor(key / PAIR_STRIDE) * PAIR_STRIDE
  }
}

function firstBit(mask: number): number {
  for (let i = 0; i < 8; i++) if (mask & (1 << i)) return i
  return 0
}
