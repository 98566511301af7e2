/**
 * What a comparison with the base needs of one side: each video's splits and labels, and the rows
 * of frozen splits.
 */
import { DatasetAccumulator } from './accumulator.js'
import type { DatasetReport, DatasetSnapshot } from '../model.js'

export function buildSnapshot(
  name: string,
  report: DatasetReport,
  accumulator: DatasetAccumulator
): DatasetSnapshot {
  const videos = new Map<string, { splits: number; labels: string[] }>()
  const keys = accumulator.videoKeys.toArray()
  for (let video = 0; video < keys.length; video++) {
    videos.set(keys[video]!, {
      splits: accumulator.videoSplits.data[video]!,
      labels: []
    })
  }
  accumulator.pairs.forEach((video, label) => {
    const entry = videos.get(keys[video]!)!
    entry.labels.push(accumulator.labels[label]!)
  })
  for (const entry of videos.values()) entry.labels.sort()
  const frozenRows: DatasetSnapshot['frozenRows'] = new Map()
  for (const [split, rows] of accumulator.frozenRows) {
    frozenRows.set(
      split,
      new Map(
        [...rows].map(([key, where]) => [
          key,
          { file: accumulator.files[where.file]!, line: where.line }
        ])
      )
    )
  }
  return { name, report, videos, frozenRows }
}
