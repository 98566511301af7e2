/**
 * The hot loop: one `addRow` call per labeled or unlabeled row of a dataset. It checks the row
 * rules that need only the row, and keeps the compact state the dataset rules need afterwards:
 * counts per (class, split), which splits each video and group appear in, which labels each video
 * carries, and a 64-bit fingerprint per row for duplicate detection.
 *
 * Per-value work (URI checks, key normalization, group extraction, label checks) runs once per
 * distinct URI or label, not per row.
 */
import { SPLITS, type Split } from '../model.js'
import type { RuleSettings } from '../rules/catalogue.js'
import type { FindingSink } from '../judge/findings.js'
import {
  BlockUint32,
  DenseFloat64,
  DenseInt32,
  DenseUint8,
  IntKeyMap,
  LineIndex,
  detach,
  rowFingerprint,
  textHash
} from './compact.js'
import {
  canonicalLabel,
  checkVideoId,
  checkVideoUri,
  isInf,
  labelChecker,
  normalizeVideoKey,
  parseSeconds,
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

export interface LeakRecord {
  key: string
  places: { split: Split; file: number; line: number }[]
}

export class DatasetAccumulator {
  readonly files: string[] = []
  /** Row ordinal (among fingerprinted rows) at which each file starts. */
  private fileStarts: number[] = []

  // videos
  private videoByRaw = new Map<string, number>()
  private videoByKey = new Map<string, number>()
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

  // duplicates: one 64-bit fingerprint and line per labeled row with valid times
  private fingerprintLow = new BlockUint32()
  private fingerprintHigh = new BlockUint32()
  private fingerprintLine = new LineIndex()
  /** The video of each fingerprinted row, when multi-label runs: see `linesOfVideos`. */
  private fingerprintVideo = new BlockUint32()
  private trackRowVideos: boolean
  private fingerprintScratch = new Uint32Array(2)

  // unlabeled `URI,,,` rows
  readonly unlabeled: { video: number; file: number; line: number; split: number }[] = []

  readonly frozenRows = new Map<Split, Map<string, { file: number; line: number }>>()

  labeledRows = 0
  rows = 0

  private uriExtensions: readonly string[]

  constructor(
    private settings: RuleSettings,
    private sink: FindingSink,
    private options: AccumulatorOptions
  ) {
    this.uriExtensions = settings['uri-invalid'].options.extensions
    this.trackRowVideos = settings['multi-label'].severity !== 'off'
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
    let video = this.videoByRaw.get(uri)
    if (video === undefined) video = this.registerVideo(uri, file, line)
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
        message:
          'the row has times but no label. Add the label, or write the row as URI,,, to mark the whole video unlabeled.',
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
    const where = { file: this.files[file], line, split: SPLITS[split]!, class: label }
    if (start.length === 0 && end.length === 0) {
      this.sink.add('label-missing', {
        ...where,
        message:
          'the row has a label but no START and END. Give both times in seconds (0,inf for the whole video).',
        fingerprint: `label-missing:${textHash(this.videoKeys[video] + ',' + label + ',' + start + ',' + end)}`
      })
      return null
    }
    // One time present, the other missing: a broken segment (rules.md: START or END missing).
    if (start.length === 0 || end.length === 0) {
      this.sink.add('segment-invalid', {
        ...where,
        message: `the segment has no ${start.length === 0 ? 'START' : 'END'}. Give both times in seconds (0,inf for the whole video).`,
        fingerprint: `segment-invalid:${textHash(this.videoKeys[video] + ',' + label + ',' + start + ',' + end)}`
      })
      return null
    }
    // Findings are rare: their fingerprint (a hash of the row) is only computed for one.
    const fingerprint = (): string =>
      `segment-invalid:${textHash(this.videoKeys[video] + ',' + label + ',' + start + ',' + end)}`
    if (isInf(start)) {
      this.sink.add('segment-invalid', {
        ...where,
        message: 'START is "inf"; inf is only valid as END (the end of the video).',
        fingerprint: fingerprint()
      })
      return null
    }
    const startValue = parseSeconds(start)
    if (!startValue.ok) {
      this.sink.add('segment-invalid', {
        ...where,
        message: `START ${startValue.reason}. Write seconds from the start of the video, e.g. 12.5.`,
        fingerprint: fingerprint()
      })
      return null
    }
    const endIsInf = isInf(end)
    const endValue = endIsInf ? null : parseSeconds(end)
    if (endValue && !endValue.ok) {
      this.sink.add('segment-invalid', {
        ...where,
        message: `END ${endValue.reason}. Write seconds from the start of the video, or inf for its end.`,
        fingerprint: fingerprint()
      })
      return null
    }
    const maxDecimals = this.settings['segment-invalid'].options['max-decimals']
    const decimals = Math.max(startValue.decimals, endValue ? endValue.decimals : 0)
    if (decimals > maxDecimals) {
      this.sink.add('segment-invalid', {
        ...where,
        severity: 'warning',
        message: `a time has ${decimals} decimals; AutoML keeps microseconds (${maxDecimals} decimals) and rounds the rest.`,
        fingerprint: fingerprint() + ':decimals'
      })
    }
    const s = startValue.value
    const e = endValue ? endValue.value : Infinity
    if (e <= 0) {
      this.sink.add('segment-invalid', {
        ...where,
        message: `END ${end} must be greater than 0.`,
        fingerprint: fingerprint()
      })
      return null
    }
    if (s >= e) {
      this.sink.add('segment-invalid', {
        ...where,
        message: `the segment ends (${end}) before or where it starts (${start}); START must be less than END.`,
        fingerprint: fingerprint()
      })
      return null
    }
    const duration = this.videoDuration.data[video]!
    if (!Number.isNaN(duration)) {
      const tolerance = this.settings['segment-invalid'].options.tolerance
      if (e !== Infinity && e > duration + tolerance) {
        this.sink.add('segment-invalid', {
          ...where,
          message: `END ${end} is beyond the video's duration of ${duration} s (from the durations file).`,
          fingerprint: fingerprint()
        })
      } else if (s >= duration + tolerance) {
        this.sink.add('segment-invalid', {
          ...where,
          message: `START ${start} is at or beyond the video's duration of ${duration} s (from the durations file).`,
          fingerprint: fingerprint()
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
    this.fingerprintLow.push(this.fingerprintScratch[0]!)
    this.fingerprintHigh.push(this.fingerprintScratch[1]!)
    this.fingerprintLine.push(line)
    if (this.trackRowVideos) this.fingerprintVideo.push(video)
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
      this.videoDuration.ensure(video)
      this.videoGroup.ensure(video)
      this.lastPair.ensure(video)
      this.videoFirstFile.data[video] = file
      this.videoFirstLine.data[video] = line
      const duration = this.options.durations?.get(key)
      if (duration !== undefined) this.videoDuration.data[video] = duration
      const group = this.options.groupOf?.(key)
      if (group !== null && group !== undefined) {
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
    this.videoByRaw.set(uri, video)
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
    const group = this.videoGroup.data[video]!
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
   * Rows whose (split, video, label, start, end) repeats. Sorting a copy of the fingerprints' high words
   * keeps the memory at 4 bytes per row instead of a hash set's 24 or more.
   */
  findDuplicates(): { first: Location; repeats: Location[] }[] {
    const count = this.fingerprintLine.length
    if (count < 2) return []
    const low = this.fingerprintLow
    const high = this.fingerprintHigh
    // Rows can only repeat where their high words repeat. A native numeric sort of a copy of the
    // high words finds those (few) values; only the rows carrying one are sorted by comparator.
    const sorted = high.toArray().sort()
    const repeatedHighs: number[] = []
    for (let k = 1; k < count; k++) {
      const value = sorted[k]!
      if (value === sorted[k - 1] && value !== repeatedHighs[repeatedHighs.length - 1])
        repeatedHighs.push(value)
    }
    if (repeatedHighs.length === 0) return []
    const candidates: number[] = []
    for (let k = 0; k < count; k++) {
      const value = high.get(k)
      let lo = 0
      let hi = repeatedHighs.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (repeatedHighs[mid]! < value) lo = mid + 1
        else hi = mid
      }
      if (repeatedHighs[lo] === value) candidates.push(k)
    }
    const order = Uint32Array.from(candidates)
    order.sort((a, b) => high.get(a) - high.get(b) || low.get(a) - low.get(b) || a - b)
    const groups: { first: Location; repeats: Location[] }[] = []
    const total = order.length
    let i = 0
    while (i < total) {
      let j = i + 1
      const a = order[i]!
      while (j < total && high.get(order[j]!) === high.get(a) && low.get(order[j]!) === low.get(a))
        j++
      if (j - i > 1) {
        const locate = (ordinal: number): Location => ({
          file: this.fileOfFingerprint(ordinal),
          line: this.fingerprintLine.get(ordinal)
        })
        const members = Array.from(order.subarray(i, j)).sort((x, y) => x - y)
        groups.push({ first: locate(members[0]!), repeats: members.slice(1).map(locate) })
      }
      i = j
    }
    return groups.sort((x, y) => x.first.file - y.first.file || x.first.line - y.first.line)
  }

  /**
   * Per file (by index), the ascending lines of the fingerprinted rows whose video is in `videos`:
   * the multi-label pass reads only those. Null when rows were not tracked per video (the
   * duplicate-row or multi-label rule is off).
   */
  linesOfVideos(videos: Set<number>): Uint32Array[] | null {
    const count = this.fingerprintLine.length
    if (this.fingerprintVideo.length !== count) return null
    const wanted = new Uint8Array(this.videoKeys.length)
    for (const video of videos) if (video < wanted.length) wanted[video] = 1
    const result: Uint32Array[] = []
    for (let file = 0; file < this.files.length; file++) {
      const end = file + 1 < this.files.length ? this.fileStarts[file + 1]! : count
      const lines: number[] = []
      for (let k = this.fileStarts[file]!; k < end; k++)
        if (wanted[this.fingerprintVideo.get(k)] === 1) lines.push(this.fingerprintLine.get(k))
      result.push(Uint32Array.from(lines))
    }
    return result
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
