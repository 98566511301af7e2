/**
 * The accumulator's state as plain data: what a worker thread read of a dataset, to be absorbed by
 * the main thread's accumulator (DatasetAccumulator.exportPart and absorb).
 */
import type { FormatId, Split } from '../model.js'
import type { RunsPart } from './intervals.js'
import type { LabelPart } from './labels.js'
import type { PairsPart } from './pair-masks.js'
import { shiftFingerprintPartLines, type FingerprintPart } from './row-fingerprints.js'
import { shiftVideoPartLines, type VideoPart } from './videos.js'

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
  /** The (video, label) pairs and their split masks. */
  pairs: PairsPart
  fingerprints: FingerprintPart | null
  runs: RunsPart | null
  unlabeled: UnlabeledRow[]
  frozenRows: [Split, [string, { file: number; line: number }][]][]
  rows: number
  labeledRows: number
}

/**
 * Adds `by` to every line of file `file` (by its index in `part.files`) that the part keeps: the
 * worker that reads a file from a byte in its middle counts that file's lines from there, and the
 * main thread, which learns how many lines come before only when its reading reaches that byte,
 * shifts them before `absorb`. Counting them in the worker would cost it a read of everything
 * before its start (~40 ms per 50 MB) before it could begin.
 */
export function shiftPartLines(part: AccumulatorPart, file: number, by: number): void {
  shiftVideoPartLines(part.videos, file, by)
  if (part.fingerprints) shiftFingerprintPartLines(part.fingerprints, file, by)
  const places: { file: number; line: number }[] = [...part.labels.first, ...part.unlabeled]
  for (const [, rows] of part.frozenRows) for (const [, place] of rows) places.push(place)
  for (const place of places) if (place.file === file) place.line += by
}
