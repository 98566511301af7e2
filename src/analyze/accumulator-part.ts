/**
 * The accumulator's state as plain data: what a worker thread read of a dataset, to be absorbed by
 * the main thread's accumulator (DatasetAccumulator.exportPart and absorb).
 */
import type { FormatId, Split } from '../model.js'
import type { RunsPart } from './intervals.js'
import type { LabelPart } from './labels.js'
import type { FingerprintPart } from './row-fingerprints.js'
import type { VideoPart } from './videos.js'

/** An unlabeled `URI,,,` row: its video, file index, line and split code. */
export interface UnlabeledRow {
  video: number
  file: number
  line: number
  split: number
}

/**
 * What one worker read of a dataset, as plain data that crosses to the main thread: everything the
 * accumulator keeps, by the worker's own video and label ids (`absorb` maps them).
 */
export interface AccumulatorPart {
  /** The part's files: the ones it shares with the accumulator it goes to, then its own. */
  files: string[]
  formats: FormatId[]
  videos: VideoPart
  labels: LabelPart
  uriProblems: [string, string][]
  /** Per (label, split) cell: segments, seconds (in microseconds), seconds unknown. */
  segments: Float64Array
  seconds: Float64Array
  secondsUnknown: Uint8Array
  /** The (video, label) pairs' keys and split masks. */
  pairKeys: Float64Array
  pairMasks: Uint8Array
  fingerprints: FingerprintPart | null
  runs: RunsPart | null
  unlabeled: UnlabeledRow[]
  frozenRows: [Split, [string, { file: number; line: number }][]][]
  rows: number
  labeledRows: number
}
