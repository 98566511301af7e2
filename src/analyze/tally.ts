/**
 * The accumulator's per-row state reduced to what the dataset rules judge: counts per split and
 * class, leaks, multi-label facts and the metadata contingency tables.
 */
import { DatasetAccumulator } from './accumulator.js'
import type { MultiLabelMeasure } from './intervals.js'
import { SPLITS, type Leak, type Split, type SplitSummary } from '../model.js'
import type { VideoMetadata } from '../read/side-files.js'

export interface DatasetTally {
  splits: Partial<Record<Split, SplitSummary>>
  /** Per class over all splits. */
  classTotals: Map<string, { segments: number; videos: number }>
  totalVideos: number
  totalSegments: number
  videoLeaks: Leak[]
  groupLeaks: Leak[]
  groupPatternConfigured: boolean
  /**
   * How many of the videos the group pattern put in no group, with an example key; absent or null
   * without a group pattern.
   */
  groupCoverage?: { ungrouped: number; example: string | null } | null
  labeledVideos: number
  multiLabelVideos: number
  /** Labeled rows whose (video, start, end) carries more than one label; null when not measured. */
  multiLabelSegments: number | null
  overlappingVideos: number | null
  /** attribute -> value -> class -> videos, from the metadata file. */
  metadata: Map<string, Map<string, Map<string, number>>> | null
  metadataVideos: number
}

type ClassTotals = DatasetTally['classTotals']

export function buildTally(
  accumulator: DatasetAccumulator,
  groupPatternConfigured: boolean,
  multi: MultiLabelMeasure | null,
  metadata: VideoMetadata | null
): DatasetTally {
  const classTotals: ClassTotals = new Map()
  const pairs = countPairs(accumulator, classTotals)
  const { splits, totalSegments } = summarizeSplits(accumulator, pairs.classVideos, classTotals)
  const table = metadata ? metadataTable(accumulator, metadata) : null
  return {
    splits,
    classTotals,
    totalVideos: accumulator.videoKeys.length,
    totalSegments,
    videoLeaks: [...accumulator.videoLeaks.values()].map(leak => locate(accumulator, leak)),
    groupLeaks: [...accumulator.groupLeaks.values()].map(leak => locate(accumulator, leak)),
    groupPatternConfigured,
    groupCoverage: accumulator.groupCoverage(),
    labeledVideos: pairs.labeledVideos,
    multiLabelVideos: pairs.multiLabelVideos,
    multiLabelSegments: multi ? multi.segments : null,
    overlappingVideos: multi ? multi.overlappingVideos : null,
    metadata: table?.table ?? null,
    metadataVideos: table?.videos ?? 0
  }
}

/**
 * The splits as the tally will have them, without the videos per class (all 0): their per-class
 * segment counts are final after the first pass, so the split distances' inputs are known then.
 */
export function splitsBeforeTally(
  accumulator: DatasetAccumulator
): Partial<Record<Split, SplitSummary>> {
  const noVideos = new Float64Array(accumulator.labels.length * 4)
  return summarizeSplits(accumulator, noVideos, new Map()).splits
}

/**
 * One walk over the (video, label) pairs: videos per class and split, videos per class, and how
 * many videos carry one label or more.
 */
function countPairs(
  accumulator: DatasetAccumulator,
  classTotals: ClassTotals
): { classVideos: Float64Array; labeledVideos: number; multiLabelVideos: number } {
  const labels = accumulator.labels
  const classVideos = new Float64Array(labels.length * 4)
  // A counter per video, not a Map entry: this runs while all per-row state is still held.
  const labelsPerVideo = new Uint32Array(accumulator.videoKeys.length)
  accumulator.pairs.forEach((video, label, mask) => {
    for (let split = 0; split < 4; split++)
      if (mask & (1 << split)) classVideos[label * 4 + split]!++
    labelsPerVideo[video]!++
    const totals = classTotals.get(labels[label]!)
    if (totals) totals.videos++
    else classTotals.set(labels[label]!, { segments: 0, videos: 1 })
  })
  let labeledVideos = 0
  let multiLabelVideos = 0
  for (const count of labelsPerVideo) {
    if (count > 0) labeledVideos++
    if (count > 1) multiLabelVideos++
  }
  return { classVideos, labeledVideos, multiLabelVideos }
}

/** Each split's segments, videos, unlabeled videos and per-class counts; adds class segments. */
function summarizeSplits(
  accumulator: DatasetAccumulator,
  classVideos: Float64Array,
  classTotals: ClassTotals
): { splits: Partial<Record<Split, SplitSummary>>; totalSegments: number } {
  const labels = accumulator.labels
  const { videos: splitVideos, unlabeled: splitUnlabeled } = videosPerSplit(accumulator)
  const splits: Partial<Record<Split, SplitSummary>> = {}
  let totalSegments = 0
  for (let split = 0; split < 4; split++) {
    // No prototype: a label is any string, `__proto__` and `constructor` included.
    const classes: SplitSummary['classes'] = Object.create(null)
    let segments = 0
    for (let label = 0; label < labels.length; label++) {
      const cell = label * 4 + split
      const count = accumulator.segments.data[cell] ?? 0
      if (count === 0) continue
      segments += count
      const unknown = (accumulator.secondsUnknown.data[cell] ?? 0) === 1
      classes[labels[label]!] = {
        segments: count,
        videos: classVideos[cell]!,
        // Kept in whole microseconds (analyze/segment-times.ts).
        seconds: unknown ? null : (accumulator.seconds.data[cell] ?? 0) / 1e6
      }
      const totals = classTotals.get(labels[label]!)
      if (totals) totals.segments += count
      else classTotals.set(labels[label]!, { segments: count, videos: 0 })
    }
    totalSegments += segments
    if (splitVideos[split]! > 0) {
      splits[SPLITS[split]!] = {
        segments,
        videos: splitVideos[split]!,
        unlabeledVideos: splitUnlabeled[split]!,
        classes: sortedClasses(classes)
      }
    }
  }
  return { splits, totalSegments }
}

/** Videos per split (a leaked video counts in each) and unlabeled videos per split. */
function videosPerSplit(accumulator: DatasetAccumulator): {
  videos: Float64Array
  unlabeled: Float64Array
} {
  const videos = new Float64Array(4)
  const unlabeled = new Float64Array(4)
  for (let video = 0; video < accumulator.videoKeys.length; video++) {
    const mask = accumulator.videoSplits.data[video]!
    for (let split = 0; split < 4; split++) if (mask & (1 << split)) videos[split]!++
  }
  const seen = new Set<string>()
  for (const row of accumulator.unlabeled) {
    const key = `${row.video}:${row.split}`
    if (seen.has(key)) continue
    seen.add(key)
    unlabeled[row.split]!++
  }
  return { videos, unlabeled }
}

/** attribute -> value -> class -> videos, over the videos the metadata file describes. */
function metadataTable(
  accumulator: DatasetAccumulator,
  metadata: VideoMetadata
): { table: NonNullable<DatasetTally['metadata']>; videos: number } | null {
  if (metadata.attributes.length === 0) return null
  const labels = accumulator.labels
  const table: NonNullable<DatasetTally['metadata']> = new Map(
    metadata.attributes.map(a => [a, new Map()])
  )
  const counted = new Set<number>()
  accumulator.pairs.forEach((video, labelId) => {
    const values = metadata.byVideo.get(accumulator.videoKeys.at(video)!)
    if (!values) return
    counted.add(video)
    const label = labels[labelId]!
    metadata.attributes.forEach((attribute, i) => {
      const value = values[i] ?? ''
      if (value === '') return
      const byValue = table.get(attribute)!
      let byClass = byValue.get(value)
      if (!byClass) byValue.set(value, (byClass = new Map()))
      byClass.set(label, (byClass.get(label) ?? 0) + 1)
    })
  })
  return { table, videos: counted.size }
}

function locate(
  accumulator: DatasetAccumulator,
  leak: { key: string; places: { split: Split; file: number; line: number }[] }
): Leak {
  return {
    key: leak.key,
    places: leak.places.map(p => ({
      split: p.split,
      file: accumulator.files[p.file]!,
      line: p.line
    }))
  }
}

function sortedClasses(classes: SplitSummary['classes']): SplitSummary['classes'] {
  const sorted: SplitSummary['classes'] = Object.create(null)
  for (const name of Object.keys(classes).sort()) sorted[name] = classes[name]!
  return sorted
}
