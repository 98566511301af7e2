/**
 * The videos of a dataset and the groups (source video, camera, subject...) they belong to: an id
 * per video key, the splits each video and group appear in, and where one crosses splits (leaks).
 */
import { SPLITS, type Split } from '../model.js'
import { normalizeVideoKey } from '../read/fields.js'
import { DenseFloat64, DenseInt32, DenseUint8 } from './compact.js'

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

export interface VideoOptions {
  videoKey: 'uri' | 'id'
  /** Extracts the source group from a normalized video key, or null. */
  groupOf: ((key: string) => string | null) | null
  durations: Map<string, number> | null
}

export class VideoRegistry {
  private byKey = new Map<string, number>()
  /**
   * Raw spellings that differ from their video's key (` gs://b/a.mp4`, `gs://b//a.mp4`). A raw
   * spelling that is the key itself, the usual case, is found through `byKey` and marked in
   * `spelledAsKey` instead: one Map entry per video, not two.
   */
  private byRaw = new Map<string, number>()
  private spelledAsKey = new DenseUint8()
  readonly keys: string[] = []
  readonly splits = new DenseUint8()
  private firstFile = new DenseInt32()
  private firstLine = new DenseInt32()
  private durationOf = new DenseFloat64(256, NaN)
  private groupOfVideo = new DenseInt32()
  readonly leaks = new Map<number, LeakRecord>()

  readonly groupKeys: string[] = []
  private groupByKey = new Map<string, number>()
  readonly groupSplits = new DenseUint8()
  private groupFirst: { split: Split; file: number; line: number }[] = []
  readonly groupLeaks = new Map<number, LeakRecord>()
  /** Videos the group pattern gave no group (counted once per video, when it is registered). */
  private ungrouped = 0
  private ungroupedExample: string | null = null

  constructor(private options: VideoOptions) {}

  /** Where a video first appears: the accumulator's file index and the line. */
  firstPlace(video: number): { file: number; line: number } {
    return { file: this.firstFile.data[video]!, line: this.firstLine.data[video]! }
  }

  /** The video a raw spelling names, or -1 when the spelling is new. Runs on every row. */
  find(raw: string): number {
    let video = this.byKey.get(raw)
    if (video === undefined || this.spelledAsKey.data[video] !== 1) {
      video = this.byRaw.get(raw)
      if (video === undefined) return -1
    }
    return video
  }

  /** The video of a new spelling (detached from its chunk), registering the video if it is new. */
  register(uri: string, file: number, line: number): number {
    const key = normalizeVideoKey(uri, this.options.videoKey)
    let video = this.byKey.get(key)
    if (video === undefined) video = this.add(key, file, line)
    if (key === uri) this.spelledAsKey.data[video] = 1
    else this.byRaw.set(uri, video)
    return video
  }

  private add(key: string, file: number, line: number): number {
    const video = this.keys.length
    this.keys.push(key)
    this.byKey.set(key, video)
    this.splits.ensure(video)
    this.firstFile.ensure(video)
    this.firstLine.ensure(video)
    this.spelledAsKey.ensure(video)
    this.firstFile.data[video] = file
    this.firstLine.data[video] = line
    const { durations, groupOf } = this.options
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
    return this.byKey.get(normalizeVideoKey(uri, this.options.videoKey))
  }

  coverage(): GroupCoverage | null {
    if (!this.options.groupOf) return null
    return { videos: this.keys.length, ungrouped: this.ungrouped, example: this.ungroupedExample }
  }

  /** Records that the video (and its group) has a row in `split`; a second split is a leak. */
  markSplit(video: number, split: number, file: number, line: number): void {
    const bit = 1 << split
    const before = this.splits.data[video]!
    if (before & bit) return
    this.splits.data[video] = before | bit
    if (before !== 0) {
      let leak = this.leaks.get(video)
      if (!leak) {
        const first = {
          split: SPLITS[firstBit(before)]!,
          file: this.firstFile.data[video]!,
          line: this.firstLine.data[video]!
        }
        leak = { key: this.keys[video]!, places: [first] }
        this.leaks.set(video, leak)
      }
      leak.places.push({ split: SPLITS[split]!, file, line })
    }
    const group = this.options.groupOf ? this.groupOfVideo.data[video]! : -1
    if (group >= 0) this.markGroupSplit(group, bit, split, file, line)
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
}

function firstBit(mask: number): number {
  for (let i = 0; i < 8; i++) if (mask & (1 << i)) return i
  return 0
}
