/**
 * Interval facts of multi-label videos: segments whose exact span carries another label, and
 * whether two different labels overlap in time, measured in one sorted pass over a video's
 * segments (`measureSegments`).
 *
 * `SegmentRuns` measures them during the first pass for every video whose rows are close together
 * in the files (grouped by video, or a few hundred videos interleaved): it keeps the segments of
 * the videos seen lately, each in a window closed when the video has not been seen for a while. A
 * video whose rows come back after its window closed is "scattered": its facts need all its
 * segments, which the second pass collects (gate/second-pass.ts).
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

/** Empty storage for `size` segments. */
export function segmentColumns(size: number): SegmentColumns {
  return {
    labels: new Int32Array(size),
    starts: new Float64Array(size),
    ends: new Float64Array(size),
    count: 0
  }
}

/** The segments in storage twice as large. */
export function grownSegments(run: SegmentColumns): SegmentColumns {
  const bigger = segmentColumns(run.labels.length * 2)
  bigger.labels.set(run.labels)
  bigger.starts.set(run.starts)
  bigger.ends.set(run.ends)
  bigger.count = run.count
  return bigger
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
/**
 * Segments kept at most, in all open windows together (1.3 MB): a longer window's video is
 * measured by the second pass, and windows are closed oldest first to stay under it.
 */
const RUN_LIMIT = 1 << 16
/**
 * Videos with an open window at most. Rows of a few dozen videos interleaved (a manifest written
 * as clips finish processing) keep every video's rows within a window: measured here, the second
 * pass does not read the whole file again for them.
 */
const OPEN_WINDOWS = 256
/** The open windows' table: 512 entries, twice as many as windows, so probes stay short. */
const TABLE_BITS = 9
const TABLE_SIZE = 1 << TABLE_BITS
const TABLE_MASK = TABLE_SIZE - 1
/** A video's first entry in the table (Fibonacci hashing: consecutive ids spread out). */
function home(video: number): number {
  return Math.imul(video, 0x9e3779b1) >>> (32 - TABLE_BITS)
}
/** A free window keeps storage for this many segments at most (all of them: 1 MB). */
const KEPT_CAPACITY = 256

/**
 * The first pass's side of the multi-label facts. Each video's segments are kept in a window from
 * its first row while it keeps coming back; a window is closed, and its video measured (when it
 * has more than one label), when OPEN_WINDOWS other videos have been seen since its last row, or
 * to keep RUN_LIMIT, or at the end. A video with rows after its window closed, or with more than
 * RUN_LIMIT segments, is marked scattered: the second pass measures it from all its rows.
 * Memory: the open windows' segments (at most RUN_LIMIT), and 10 bytes per video.
 */
export class SegmentRuns {
  /** The video of the previous segment and its window's slot (-1: not kept). */
  private video = -1
  private slot = -1
  private runsOf = new DenseUint8()
  /** Valid segments per video: the second pass sizes a scattered video's storage with it. */
  private counts = new DenseInt32(256, 0)
  private shared = new DenseInt32(256, 0)
  private overlaps = new DenseUint8()
  /** The open windows' slots by video (video + 1 and slot; 0: empty), in open addressing. */
  private tableVideo = new Int32Array(TABLE_SIZE)
  private tableSlot = new Int32Array(TABLE_SIZE)
  /** Per slot: its video (-1: free), segments, whether they have two labels, and the LRU links. */
  private slotVideo = new Int32Array(OPEN_WINDOWS).fill(-1)
  private windows: (SegmentColumns | undefined)[] = []
  private mixed = new Uint8Array(OPEN_WINDOWS)
  private newer = new Int32Array(OPEN_WINDOWS).fill(-1)
  private older = new Int32Array(OPEN_WINDOWS).fill(-1)
  private newest = -1
  private oldest = -1
  private free: number[] = []
  /** Segments in the open windows. */
  private kept = 0
  /** The first video of a worker's part, while its window may still be kept (RunsPart.first). */
  private firstVideo = -1
  private first: RunsPart['first'] = null

  constructor(private keepFirstRun = false) {
    for (let slot = OPEN_WINDOWS - 1; slot >= 0; slot--) this.free.push(slot)
  }

  add(video: number, label: number, start: number, end: number): void {
    if (video !== this.video) this.switchTo(video)
    this.counts.data[video]!++
    if (this.slot !== -1) this.push(this.slot, video, label, start, end)
  }

  /** Makes `video` the current one: its open window, a new one, or none (it is scattered). */
  private switchTo(video: number): void {
    this.video = -1
    this.slot = -1
    this.runsOf.ensure(video)
    this.counts.ensure(video)
    let slot = this.slotOf(video)
    if (slot !== -1) this.touch(slot)
    else {
      if (this.keepFirstRun && this.firstVideo === -1) this.firstVideo = video
      const runs = this.runsOf.data[video]!
      // Back after its window closed: what was measured does not hold for the whole video.
      this.runsOf.data[video] = runs === NEVER ? ONE_RUN : SCATTERED
      if (runs === NEVER) slot = this.open(video)
    }
    this.video = video
    this.slot = slot
  }

  /** Adds a segment to the window in `slot` (of `video`). */
  private push(slot: number, video: number, label: number, start: number, end: number): void {
    let run = this.windows[slot]!
    const n = run.count
    if (n === RUN_LIMIT) {
      // A very long window is left to the second pass: the kept segments stay few.
      this.runsOf.data[video] = SCATTERED
      this.release(slot)
      return
    }
    while (this.kept >= RUN_LIMIT && this.oldest !== slot) this.close(this.oldest)
    if (n === run.labels.length) run = this.windows[slot] = grownSegments(run)
    if (n > 0 && label !== run.labels[0]) this.mixed[slot] = 1
    run.labels[n] = label
    run.starts[n] = start
    run.ends[n] = end
    run.count = n + 1
    this.kept++
  }

  /** A window for `video`, closing the least recently used one when all are open. */
  private open(video: number): number {
    if (this.free.length === 0) this.close(this.oldest)
    const slot = this.free.pop()!
    this.windows[slot] ??= segmentColumns(32)
    this.slotVideo[slot] = video
    let at = home(video)
    while (this.tableVideo[at] !== 0) at = (at + 1) & TABLE_MASK
    this.tableVideo[at] = video + 1
    this.tableSlot[at] = slot
    this.mixed[slot] = 0
    this.link(slot)
    return slot
  }

  /** Measures the window's video (when it has two labels) and frees the window. */
  private close(slot: number): void {
    const video = this.slotVideo[slot]!
    const run = this.windows[slot]!
    if (video === this.firstVideo) {
      this.firstVideo = -2 // kept once: only the part's first window can continue the rows before
      this.first = { video, segments: copyRun(run) }
    }
    if (this.mixed[slot] === 1) {
      const facts = measureSegments(run)
      this.shared.ensure(video)
      this.overlaps.ensure(video)
      this.shared.data[video] = facts.shared
      this.overlaps.data[video] = facts.overlap ? 1 : 0
    }
    this.release(slot)
  }

  /** Frees the window in `slot` without measuring it. */
  private release(slot: number): void {
    const video = this.slotVideo[slot]!
    if (video === this.firstVideo) this.firstVideo = -2 // its window was not kept whole
    const run = this.windows[slot]!
    this.kept -= run.count
    run.count = 0
    // A window grown for a long video does not stay that large once free.
    if (run.labels.length > KEPT_CAPACITY) this.windows[slot] = undefined
    this.forget(video)
    this.slotVideo[slot] = -1
    this.unlink(slot)
    this.free.push(slot)
    if (slot === this.slot) {
      this.slot = -1
      this.video = -1 // the video's next segment finds it scattered or closed
    }
  }

  /** The slot of the video's open window, or -1. */
  private slotOf(video: number): number {
    for (let at = home(video); ; at = (at + 1) & TABLE_MASK) {
      const entry = this.tableVideo[at]!
      if (entry === 0) return -1
      if (entry === video + 1) return this.tableSlot[at]!
    }
  }

  /** Removes the video's entry, moving back the entries after it that it kept from home. */
  private forget(video: number): void {
    let at = home(video)
    while (this.tableVideo[at] !== video + 1) at = (at + 1) & TABLE_MASK
    for (let next = (at + 1) & TABLE_MASK; this.tableVideo[next] !== 0;) {
      const wanted = home(this.tableVideo[next]! - 1)
      // The entry at `next` may move to `at` unless its home lies cyclically in (at, next].
      const stays = at < next ? wanted > at && wanted <= next : wanted > at || wanted <= next
      if (!stays) {
        this.tableVideo[at] = this.tableVideo[next]!
        this.tableSlot[at] = this.tableSlot[next]!
        at = next
      }
      next = (next + 1) & TABLE_MASK
    }
    this.tableVideo[at] = 0
  }

  private link(slot: number): void {
    this.older[slot] = this.newest
    this.newer[slot] = -1
    if (this.newest !== -1) this.newer[this.newest] = slot
    this.newest = slot
    if (this.oldest === -1) this.oldest = slot
  }

  private unlink(slot: number): void {
    const older = this.older[slot]!
    const newer = this.newer[slot]!
    if (older !== -1) this.newer[older] = newer
    else this.oldest = newer
    if (newer !== -1) this.older[newer] = older
    else this.newest = older
  }

  /** Marks the window in `slot` as the most recently used. */
  private touch(slot: number): void {
    if (slot === this.newest) return
    this.unlink(slot)
    this.link(slot)
  }

  /** Measures every open window; call once more after the last segment. */
  end(): void {
    while (this.oldest !== -1) this.close(this.oldest)
    this.video = -1
    this.slot = -1
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

  /**
   * The part's first video, when its window continues an open window here (all of the video's
   * rows on both sides are then in the two), or -1.
   */
  private continueRun(part: RunsPart, videoIds: Int32Array, labelIds: Int32Array): number {
    const first = part.first
    if (!first) return -1
    const video = videoIds[first.video]!
    const slot = this.slotOf(video)
    if (slot === -1) return -1
    this.counts.data[video]! += part.counts[first.video]!
    if (part.runs[first.video] !== ONE_RUN) {
      this.runsOf.data[video] = SCATTERED // it comes back later in the part
      this.release(slot)
      return first.video
    }
    const { labels, starts, ends, count } = first.segments
    for (let i = 0; i < count && this.slotVideo[slot] === video; i++)
      this.push(slot, video, labelIds[labels[i]!]!, starts[i]!, ends[i]!)
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
