/**
 * The videos of a dataset and the groups (source video, camera, subject...) they belong to: an id
 * per video key, the splits each video and group appear in, and where one crosses splits (leaks).
 */
import { SPLITS, type Split } from '../model.js'
import { normalizeVideoKey } from '../read/fields.js'
import { DenseFloat64, DenseInt32, DenseUint8, QuadList, stringHash32 } from './compact.js'
import { KeyIds } from './key-ids.js'
import { TextColumn, type TextColumnPart } from './text-column.js'

export interface LeakRecord {
  key: string
  places: { split: Split; file: number; line: number }[]
}

/** How a group pattern covered the videos: `ungrouped` of them matched no group. */
export interface GroupCoverage {
  videos: number
  ungrouped: number
  /** The first video key that matched no group, for the message. */
  example: string | null
}

/**
 * A registry's videos as plain data (a worker's part of a dataset): the keys in the order they
 * first appear, their first places, first splits and raw spellings, the first row of a video in
 * each of its other splits, and every first row of a group in a split, in row order, as
 * (id, split, file, line) quadruples.
 */
export interface VideoPart {
  keys: TextColumnPart
  /** Each key's stringHash32: the main thread finds the part's videos among its own by them. */
  hashes: Int32Array
  firstFile: Int32Array
  firstLine: Int32Array
  spelledAsKey: Uint8Array
  /** The split of each video's first row (at its first place). */
  firstSplit: Uint8Array
  raw: [string, number][]
  /**
   * The first row of a video in each split after its first one. With the first places they are
   * its first rows in every split, in row order when merged by place (`absorb`): most videos are
   * in one split, and a quadruple per video cost 16 bytes (2 MB at 6.4 M AVA-style rows).
   */
  laterSplits: Uint32Array
  groupKeys: string[]
  groupSplitFirsts: Uint32Array
}

export interface VideoOptions {
  videoKey: 'uri' | 'id'
  /** Extracts the source group from a normalized video key, or null. */
  groupOf: ((key: string) => string | null) | null
  durations: Map<string, number> | null
}

/**
 * Slots of the cache of recent videos. With 64 videos' rows interleaved (the benchmark's file),
 * 256 slots missed 11% of rows, 7 points of them videos pushing each other out, and each miss
 * compares the key in full; 1,024 miss only a video's first row (3.8%). A slot costs a key's copy.
 */
const RECENT_SLOTS = 1024

/**
 * A slot for a video spelling from its length and the characters before its last four (where
 * `.../clip_01234.mp4` differs from its neighbours) without reading the whole text.
 */
function recentSlot(raw: string): number {
  const n = raw.length
  return (
    (n * 7 + raw.charCodeAt(n - 5) * 31 + raw.charCodeAt(n - 6) * 17 + raw.charCodeAt(n - 7)) &
    (RECENT_SLOTS - 1)
  )
}

export class VideoRegistry {
  /** Video ids by key (set in the constructor: it reads `keys` and `hashes`). */
  private byKey: KeyIds
  /**
   * Raw spellings that differ from their video's key (` gs://b/a.mp4`, `gs://b//a.mp4`). A raw
   * spelling that is the key itself, the usual case, is found through `byKey` and marked in
   * `spelledAsKey` instead: one Map entry per video, not two.
   */
  private byRaw = new Map<string, number>()
  private spelledAsKey = new DenseUint8()
  /**
   * The videos found lately, by a cheap hash of their spelling (`recentSlot`): rows of a few dozen
   * videos interleaved find theirs here without hashing the whole text for `byKey`. The keys kept
   * are decoded from the registry's keys, so the cache pins no chunk of the file.
   */
  private recentKey: (string | null)[] = new Array<string | null>(RECENT_SLOTS).fill(null)
  private recentVideo = new Int32Array(RECENT_SLOTS)
  readonly keys = new TextColumn()
  readonly splits = new DenseUint8()
  private firstFile = new DenseInt32()
  private firstLine = new DenseInt32()
  private durationOf = new DenseFloat64(256, NaN)
  private groupOfVideo = new DenseInt32()
  /** A hash of each key: the same in every part of a dataset read in parallel, unlike the id. */
  readonly hashes = new DenseInt32(256, 0)
  readonly leaks = new Map<number, LeakRecord>()

  readonly groupKeys: string[] = []
  private groupByKey = new Map<string, number>()
  readonly groupSplits = new DenseUint8()
  private groupFirst: { split: Split; file: number; line: number }[] = []
  readonly groupLeaks = new Map<number, LeakRecord>()
  /** Videos the group pattern gave no group (counted once per video, when it is registered). */
  private ungrouped = 0
  private ungroupedExample: string | null = null
  /** Kept only in a worker (`exportPart`): see VideoPart. */
  private firstSplit: DenseUint8 | null = null
  private laterSplits: QuadList | null = null
  private groupSplitFirsts: QuadList | null = null

  constructor(
    private options: VideoOptions,
    trackFirsts = false
  ) {
    this.byKey = new KeyIds(this.keys, this.hashes)
    if (trackFirsts) {
      this.firstSplit = new DenseUint8()
      this.laterSplits = new QuadList()
      this.groupSplitFirsts = new QuadList()
    }
  }

  /** Where a video first appears: the accumulator's file index and the line. */
  firstPlace(video: number): { file: number; line: number } {
    return { file: this.firstFile.data[video]!, line: this.firstLine.data[video]! }
  }

  /** The video a raw spelling names, or -1 when the spelling is new. Runs on every row. */
  find(raw: string): number {
    const slot = recentSlot(raw)
    if (this.recentKey[slot] === raw) return this.recentVideo[slot]!
    const video = this.byKey.find(raw)
    // A spelling other than its key is not cached: the cache keeps only the registry's keys.
    if (video === -1 || this.spelledAsKey.data[video] !== 1) return this.byRaw.get(raw) ?? -1
    this.remember(slot, this.keys.at(video)!, video)
    return video
  }

  private remember(slot: number, key: string, video: number): void {
    this.recentKey[slot] = key
    this.recentVideo[slot] = video
  }

  /**
   * The video of a new spelling (detached from its chunk), registering the video if it is new. A
   * spelling that is its key goes in the cache: the video's next rows find it there.
   */
  register(uri: string, file: number, line: number): number {
    const key = normalizeVideoKey(uri, this.options.videoKey)
    const hash = stringHash32(key)
    let video = this.byKey.find(key, hash)
    if (video === -1) {
      this.keys.push(key)
      video = this.add(hash, file, line, key)
    }
    if (key === uri) {
      this.spelledAsKey.data[video] = 1
      this.remember(recentSlot(key), key, video)
    } else this.byRaw.set(uri, video)
    return video
  }

  /** Registers the video whose key was pushed last; `key`: its text, when the caller has it. */
  private add(hash: number, file: number, line: number, key?: string): number {
    const video = this.keys.length - 1
    this.splits.ensure(video)
    this.firstFile.ensure(video)
    this.firstLine.ensure(video)
    this.spelledAsKey.ensure(video)
    this.firstSplit?.ensure(video)
    this.hashes.ensure(video)
    this.hashes.data[video] = hash
    this.byKey.add(video)
    this.firstFile.data[video] = file
    this.firstLine.data[video] = line
    const { durations, groupOf } = this.options
    if (!durations && !groupOf) return video
    key ??= this.keys.at(video)!
    if (durations) {
      this.durationOf.ensure(video)
      const duration = durations.get(key)
      if (duration !== undefined) this.durationOf.data[video] = duration
    }
    if (groupOf) {
      this.groupOfVideo.ensure(video)
      const group = groupOf(key)
      if (group === null) {
        // Counted so a pattern that matches nothing (or only some videos) is said, not silent.
        this.ungrouped++
        this.ungroupedExample ??= key
      } else this.groupOfVideo.data[video] = this.groupId(group)
    }
    return video
  }

  private groupId(group: string): number {
    let id = this.groupByKey.get(group)
    if (id === undefined) {
      id = this.groupKeys.length
      this.groupKeys.push(group)
      this.groupByKey.set(group, id)
      this.groupSplits.ensure(id)
    }
    return id
  }

  /** The video's duration from the durations file, NaN when unknown. */
  duration(video: number): number {
    // Without a durations file the per-video column is never grown.
    return this.options.durations ? this.durationOf.data[video]! : NaN
  }

  /** The video of a spelling seen before (the second pass), by spelling or by key. */
  idOf(uri: string): number | undefined {
    const video = this.find(uri)
    if (video !== -1) return video
    const byKey = this.byKey.find(normalizeVideoKey(uri, this.options.videoKey))
    return byKey === -1 ? undefined : byKey
  }

  coverage(): GroupCoverage | null {
    if (!this.options.groupOf) return null
    return { videos: this.keys.length, ungrouped: this.ungrouped, example: this.ungroupedExample }
  }

  /** Records that the video (and its group) has a row in `split`; a second split is a leak. */
  markSplit(video: number, split: number, file: number, line: number): void {
    if (this.splits.data[video]! & (1 << split)) return
    this.markVideoSplit(video, split, file, line)
    const group = this.options.groupOf ? this.groupOfVideo.data[video]! : -1
    if (group >= 0) this.markGroupSplit(group, 1 << split, split, file, line)
  }

  private markVideoSplit(video: number, split: number, file: number, line: number): void {
    const bit = 1 << split
    const before = this.splits.data[video]!
    if (before & bit) return
    this.splits.data[video] = before | bit
    if (before === 0) {
      if (this.firstSplit) this.firstSplit.data[video] = split
    } else {
      this.laterSplits?.push(video, split, file, line)
      let leak = this.leaks.get(video)
      if (!leak) {
        const first = {
          split: SPLITS[firstBit(before)]!,
          file: this.firstFile.data[video]!,
          line: this.firstLine.data[video]!
        }
        leak = { key: this.keys.at(video)!, places: [first] }
        this.leaks.set(video, leak)
      }
      leak.places.push({ split: SPLITS[split]!, file, line })
    }
  }

  private markGroupSplit(
    group: number,
    bit: number,
    split: number,
    file: number,
    line: number
  ): void {
    const before = this.groupSplits.data[group]!
    if (before & bit) return
    this.groupSplits.data[group] = before | bit
    this.groupSplitFirsts?.push(group, split, file, line)
    if (before === 0) {
      this.groupFirst[group] = { split: SPLITS[split]!, file, line }
      return
    }
    let leak = this.groupLeaks.get(group)
    if (!leak) {
      leak = { key: this.groupKeys[group]!, places: [this.groupFirst[group]!] }
      this.groupLeaks.set(group, leak)
    }
    leak.places.push({ split: SPLITS[split]!, file, line })
  }

  exportPart(): VideoPart {
    const count = this.keys.length
    return {
      // Views, not copies: the part is exported last, when a copy would add to the peak memory.
      keys: this.keys.exportPart(),
      hashes: this.hashes.data.subarray(0, count),
      firstFile: this.firstFile.data.subarray(0, count),
      firstLine: this.firstLine.data.subarray(0, count),
      spelledAsKey: this.spelledAsKey.data.subarray(0, count),
      raw: [...this.byRaw],
      firstSplit: this.firstSplit?.data.subarray(0, count) ?? new Uint8Array(0),
      laterSplits: this.laterSplits?.values() ?? new Uint32Array(0),
      groupKeys: this.groupKeys,
      groupSplitFirsts: this.groupSplitFirsts?.values() ?? new Uint32Array(0)
    }
  }

  /**
   * Adds a part read after everything here: its new videos in its order, then its first rows per
   * split in row order, so ids, first places and leaks come out as one reading in order gives.
   * Returns the id here of each of the part's videos.
   */
  absorb(part: VideoPart): Int32Array {
    const keys = new TextColumn(part.keys)
    const ids = new Int32Array(keys.length)
    for (let local = 0; local < keys.length; local++) {
      const hash = part.hashes[local]!
      let video = this.byKey.findEntry(keys, local, hash)
      if (video === -1) {
        this.keys.pushFrom(keys, local)
        video = this.add(hash, part.firstFile[local]!, part.firstLine[local]!)
      }
      if (part.spelledAsKey[local] === 1) this.spelledAsKey.data[video] = 1
      ids[local] = video
    }
    for (const [raw, local] of part.raw) if (!this.byRaw.has(raw)) this.byRaw.set(raw, ids[local]!)
    // Every first row of a part's video in a split, in row order: its first place, and its first
    // rows in later splits, merged by place (a row is one video's: places never tie).
    const later = part.laterSplits
    let next = 0
    for (let local = 0; local <= ids.length; local++) {
      const file = local < ids.length ? part.firstFile[local]! : Infinity
      const line = local < ids.length ? part.firstLine[local]! : Infinity
      for (; next < later.length; next += 4) {
        const laterFile = later[next + 2]!
        if (laterFile > file || (laterFile === file && later[next + 3]! > line)) break
        this.markVideoSplit(ids[later[next]!]!, later[next + 1]!, laterFile, later[next + 3]!)
      }
      if (local < ids.length) this.markVideoSplit(ids[local]!, part.firstSplit[local]!, file, line)
    }
    const groupFirsts = part.groupSplitFirsts
    for (let i = 0; i < groupFirsts.length; i += 4) {
      const group = this.groupByKey.get(part.groupKeys[groupFirsts[i]!]!)!
      const split = groupFirsts[i + 1]!
      this.markGroupSplit(group, 1 << split, split, groupFirsts[i + 2]!, groupFirsts[i + 3]!)
    }
    return ids
  }
}

/**
 * Adds `by` to the lines of file `file` in a part (its first places, its first rows per split): a
 * worker counts the lines of the file it starts inside of from its start byte, and the main thread
 * knows how many come before only once its own reading gets there.
 */
export function shiftVideoPartLines(part: VideoPart, file: number, by: number): void {
  for (let local = 0; local < part.firstFile.length; local++)
    if (part.firstFile[local] === file) part.firstLine[local]! += by
  shiftPlaces(part.laterSplits, file, by)
  shiftPlaces(part.groupSplitFirsts, file, by)
}

/** Shifts the lines of `file` in a flat list of (id, split, file, line) places. */
function shiftPlaces(places: Uint32Array, file: number, by: number): void {
  for (let i = 0; i < places.length; i += 4) if (places[i + 2] === file) places[i + 3]! += by
}

function firstBit(mask: number): number {
  for (let i = 0; i < 8; i++) if (mask & (1 << i)) return i
  return 0
}
