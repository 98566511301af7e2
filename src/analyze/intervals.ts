/**
 * Interval facts of multi-label videos: segments whose exact span carries another label, and
 * whether two different labels overlap in time, measured in one sorted pass over a video's
 * segments (`measureSegments`).
 *
 * `SegmentRuns` measures them during the first pass for every video whose rows are together in
 * the files (the usual manifest, grouped by video): it keeps only the segments of the current run
 * of rows of one video. A video whose rows come back after other videos' rows is "scattered": its
 * facts need all its segments, which the second pass collects (gate/second-pass.ts).
 */
import { DenseInt32, DenseUint8 } from './compact.js'

/** Segment-level multi-label facts of a dataset. */
export interface MultiLabelMeasure {
  segments: number
  overlappingVideos: number
}

/** The segments of one video as parallel columns; `count` of them are used. */
export interface SegmentColumns {
  labels: Int32Array
  starts: Float64Array
  ends: Float64Array
  count: number
}

/** What `measureSegments` finds in one video's segments. */
export interface VideoFacts {
  /** Segments whose exact span (start, end) also carries another label. */
  shared: number
  /** Two segments with different labels overlap in time. */
  overlap: boolean
}

let order = new Uint32Array(64)
const INSERTION_SORT_MAX = 64

/**
 * One video's facts. The segments are sorted by (start, end, label) once; one scan then counts the
 * segments of every span that carries more than one label, and, keeping the two furthest ends of
 * different labels seen so far, finds a segment that starts before a segment of another label ends.
 */
export function measureSegments(segments: SegmentColumns): VideoFacts {
  const { labels, starts, ends, count } = segments
  if (order.length < count) order = new Uint32Array(Math.max(count, order.length * 2))
  const sorted = order.subarray(0, count)
  for (let i = 0; i < count; i++) sorted[i] = i
  const before = (a: number, b: number): number =>
    compare(starts[a]!, starts[b]!) || compare(ends[a]!, ends[b]!) || labels[a]! - labels[b]!
  if (count > INSERTION_SORT_MAX) sorted.sort(before)
  else {
    // A video's segments are usually listed by time: insertion sort is then about one pass.
    for (let i = 1; i < count; i++) {
      const k = sorted[i]!
      let j = i - 1
      for (; j >= 0 && before(sorted[j]!, k) > 0; j--) sorted[j + 1] = sorted[j]!
      sorted[j + 1] = k
    }
  }
  let shared = 0
  let overlap = false
  // The furthest end so far (`bestEnd`, of label `bestLabel`), and the furthest end of any other label.
  let bestLabel = -1
  let bestEnd = -Infinity
  let otherEnd = -Infinity
  for (let i = 0; i < count;) {
    const first = sorted[i]!
    const start = starts[first]!
    const end = ends[first]!
    let spanLabels = 1
    let j = i
    for (; j < count; j++) {
      const k = sorted[j]!
      if (j > i) {
        if (starts[k] !== start || ends[k] !== end) break
        if (labels[k] !== labels[sorted[j - 1]!]) spanLabels++
      }
      const label = labels[k]!
      const segmentEnd = ends[k]!
      if (!overlap && (label === bestLabel ? otherEnd : bestEnd) > start) overlap = true
      if (label === bestLabel) {
        if (segmentEnd > bestEnd) bestEnd = segmentEnd
      } else if (segmentEnd > bestEnd) {
        otherEnd = bestEnd
        bestLabel = label
        bestEnd = segmentEnd
      } else if (segmentEnd > otherEnd) otherEnd = segmentEnd
    }
    if (spanLabels > 1) shared += j - i
    i = j
  }
  return { shared, overlap }
}

function copyRun(run: SegmentColumns): SegmentColumns {
  const { count } = run
  return {
    labels: run.labels.slice(0, count),
    starts: run.starts.slice(0, count),
    ends: run.ends.slice(0, count),
    count
  }
}

function compare(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A first pass's per-video run facts as plain data (a worker's part of a dataset), by its ids. */
export interface RunsPart {
  runs: Uint8Array
  counts: Int32Array
  shared: Int32Array
  overlaps: Uint8Array
  /** The part's first run, kept whole: it may continue the run the rows before it ended with. */
  first: { video: number; segments: SegmentColumns } | null
}

const NEVER = 0
const ONE_RUN = 1
const SCATTERED = 2
/** Segments of one run kept at most (1.3 MB); a longer run's video is measured by the second pass. */
const RUN_LIMIT = 1 << 16

/**
 * The first pass's side of the multi-label facts: segments are added in row order; each run of
 * consecutive segments of one video is measured when it ends (when it has more than one label),
 * and a video with a second run (or a run of more than RUN_LIMIT segments) is marked scattered.
 * Memory: the current run's segments, and 10 bytes per video.
 */
export class SegmentRuns {
  private video = -1
  /** The current run is measured when it ends (false for a scattered video). */
  private collecting = false
  private mixed = false
  private run: SegmentColumns = {
    labels: new Int32Array(64),
    starts: new Float64Array(64),
    ends: new Float64Array(64),
    count: 0
  }
  private runsOf = new DenseUint8()
  /** Valid segments per video: the second pass sizes a scattered video's storage with it. */
  private counts = new DenseInt32(256, 0)
  private shared = new DenseInt32(256, 0)
  private overlaps = new DenseUint8()
  /** Kept only in a worker's part (see RunsPart.first). */
  private first: RunsPart['first'] = null

  constructor(private keepFirstRun = false) {}

  add(video: number, label: number, start: number, end: number): void {
    if (video !== this.video) this.begin(video)
    this.counts.data[video]!++
    if (this.collecting) this.push(video, label, start, end)
  }

  /** Adds a segment to the current run (of `video`). */
  private push(video: number, label: number, start: number, end: number): void {
    const run = this.run
    const n = run.count
    if (n === RUN_LIMIT) {
      // A very long run is left to the second pass: the run buffer stays small.
      this.runsOf.data[video] = SCATTERED
      this.collecting = false
      return
    }
    if (n === run.labels.length) this.growRun()
    if (n > 0 && label !== run.labels[0]) this.mixed = true
    run.labels[n] = label
    run.starts[n] = start
    run.ends[n] = end
    run.count = n + 1
  }

  private begin(video: number): void {
    this.end()
    this.video = video
    this.runsOf.ensure(video)
    this.counts.ensure(video)
    const runs = this.runsOf.data[video]!
    this.runsOf.data[video] = runs === NEVER ? ONE_RUN : SCATTERED
    // A second run: the first run's facts do not hold for the whole video, which the second pass
    // measures instead.
    this.collecting = runs === NEVER
  }

  /** Measures the current run; call once more after the last segment. */
  end(): void {
    if (this.keepFirstRun && this.video !== -1) {
      this.keepFirstRun = false
      if (this.collecting) this.first = { video: this.video, segments: copyRun(this.run) }
    }
    if (this.collecting && this.mixed) {
      const facts = measureSegments(this.run)
      this.shared.ensure(this.video)
      this.overlaps.ensure(this.video)
      this.shared.data[this.video] = facts.shared
      this.overlaps.data[this.video] = facts.overlap ? 1 : 0
    }
    this.run.count = 0
    this.mixed = false
    this.collecting = false
    this.video = -1 // a later segment starts a new run (a second one for its video)
  }

  private growRun(): void {
    const { labels, starts, ends, count } = this.run
    const size = labels.length * 2
    this.run = {
      labels: new Int32Array(size),
      starts: new Float64Array(size),
      ends: new Float64Array(size),
      count
    }
    this.run.labels.set(labels)
    this.run.starts.set(starts)
    this.run.ends.set(ends)
  }

  /** Call after `end`. */
  exportPart(): RunsPart {
    return {
      runs: this.runsOf.data,
      counts: this.counts.data,
      shared: this.shared.data,
      overlaps: this.overlaps.data,
      first: this.first
    }
  }

  /**
   * Adds a part read right after these rows, its video `local` being video `videoIds[local]` here
   * (labels likewise). When the part's first run is of the video whose run these rows ended with,
   * the two are one run, as in one reading; any other video with rows on both sides had two runs:
   * it is scattered (the second pass measures it). Ends the run.
   */
  absorb(part: RunsPart, videoIds: Int32Array, labelIds: Int32Array): void {
    const continued = this.continueRun(part, videoIds, labelIds)
    this.end()
    for (let local = 0; local < videoIds.length && local < part.runs.length; local++) {
      if (local === continued) continue
      const runs = part.runs[local]!
      if (runs === NEVER) continue
      const video = videoIds[local]!
      this.runsOf.ensure(video)
      this.counts.ensure(video)
      this.counts.data[video]! += part.counts[local] ?? 0
      const before = this.runsOf.data[video]!
      this.runsOf.data[video] = before === NEVER ? runs : SCATTERED
      if (before === NEVER && runs === ONE_RUN && local < part.shared.length) {
        this.shared.ensure(video)
        this.overlaps.ensure(video)
        this.shared.data[video] = part.shared[local]!
        this.overlaps.data[video] = part.overlaps[local] ?? 0
      }
    }
  }

  /** The part's video whose first run continued the current one, or -1. */
  private continueRun(part: RunsPart, videoIds: Int32Array, labelIds: Int32Array): number {
    const first = part.first
    if (!first || this.video === -1 || videoIds[first.video] !== this.video) return -1
    const video = this.video
    this.counts.data[video]! += part.counts[first.video]!
    if (part.runs[first.video] !== ONE_RUN) {
      this.runsOf.data[video] = SCATTERED // it comes back later in the part
      this.collecting = false
    }
    const { labels, starts, ends, count } = first.segments
    for (let i = 0; i < count && this.collecting; i++)
      this.push(video, labelIds[labels[i]!]!, starts[i]!, ends[i]!)
    return first.video
  }

  /** True when every segment of the video was in one run (its facts are measured). */
  measured(video: number): boolean {
    return video < this.runsOf.data.length && this.runsOf.data[video] === ONE_RUN
  }

  /** The facts of a measured video (zero for a video whose one run had one label). */
  factsOf(video: number): VideoFacts {
    if (video >= this.shared.data.length) return { shared: 0, overlap: false }
    return { shared: this.shared.data[video]!, overlap: this.overlaps.data[video] === 1 }
  }

  segmentsOf(video: number): number {
    return video < this.counts.data.length ? this.counts.data[video]! : 0
  }
}
