/**
 * What crosses between the main thread and the worker that reads the rest of a dataset (see
 * split-dataset.ts and dataset-part.ts): plain data only, as structured clone carries it; and
 * the split as the first pass sees it (DatasetSplit).
 */
import type { AccumulatorPart } from '../analyze/accumulator.js'
import type { DatasetSpec, GateConfig } from '../config/schema.js'
import type { FindingPart } from '../judge/findings.js'
import type { FileSummary, FormatId } from '../model.js'
import type { DatasetPlan, PlannedFile } from '../read/dataset-plan.js'
import type { RowReader } from '../read/formats.js'
import type { Checkpoints, ReadResult, SplitPoint } from '../read/text.js'
import type { RuleSettings } from '../rules/catalogue.js'

/** The base side of a comparison, analyzed by a worker while the main thread reads the head. */
export interface BaseJob {
  /** The repository and revision of the base (a GitRevisionSource). */
  root: string
  revision: string
  config: GateConfig
  /** The base datasets whose head datasets have the same names, analyzed in this order. */
  plans: DatasetPlan[]
}

/** What the worker needs to set up its accumulator and findings as the main thread's. */
export interface PartSettings {
  spec: DatasetSpec | null
  settings: RuleSettings
  maxFindingsPerRule: number
  durations: Map<string, number> | null
  /** A base is compared: left-out findings are remembered and frozen splits' rows kept. */
  snapshot: boolean
}

export interface DatasetPartRequest extends PartSettings {
  /** The working tree's folder: the worker reads it through its own WorkingTreeSource. */
  root: string
  /** The accumulator's files before the part, as the main thread will have begun them. */
  filePaths: string[]
  /** The file the part starts inside of, from `startByte` (just after a line break), or null. */
  first: { file: PlannedFile; startByte: number; maxRows: number } | null
  /** The files after it, read whole as the main thread would (checks, limits, endings). */
  files: PlannedFile[]
  /** What is left of max-dataset-bytes and max-dataset-rows for `files`. */
  budget: { bytes: number; rows: number }
  maxLineBytes: number
  /**
   * A file for the part's duplicate-search rows past its first blocks, opened by the main thread
   * and closed by it (a file the worker opened would close when the worker ends); null: memory.
   */
  spillFile: number | null
}

/**
 * The part of the file it started inside of. Its lines, here and in the part's accumulator and
 * findings, are counted from the start byte (the first line after it is line 1): the main thread
 * adds the lines before it when it takes the part (shiftPartLines).
 */
export interface FirstFilePart {
  rows: number
  fatal: string | null
  format: FormatId | null
  read: ReadResult
  /** Where a later reading may start, from the part's start on (the file's bytes). */
  checkpoints: Checkpoints
  /** More rows than `maxRows`, or labels than max-distinct-labels: the main thread reads on. */
  rowsLimited: boolean
}

export interface DatasetPartResult {
  accumulator: AccumulatorPart
  findings: FindingPart
  first: FirstFilePart | null
  /** Per whole file, its summary (null when it was not read), as readDataFile returns it. */
  files: (FileSummary | null)[]
  /** The whole files' checkpoints, by path. */
  checkpoints: [string, Checkpoints][]
  /** False when a whole file stopped, was refused or hit a limit. */
  complete: boolean
}

/** A dataset split between the main thread and a worker, as the first pass uses it. */
export interface DatasetSplit {
  /** The index (in the plan's files) of the file the part starts inside of, or -1. */
  inside: number
  /** The index of the first file the part reads whole when it starts at a file's beginning, or -1. */
  before: number
  /** For the file it starts inside of: where that file's reading asks whether to stop. */
  point(reader: RowReader, limits: { maxRows: number; rowsLimited: () => boolean }): SplitPoint
  /** At the file boundary: takes the part when it continues the reading exactly. */
  takeBefore(): Promise<boolean>
  /** The part's reading of the file it started inside of, once taken. */
  firstRead(): ReadResult | null
  /** That reading's checkpoints, once taken. */
  firstCheckpoints(): Checkpoints | null
  /** Once taken: the summaries of the files it read whole (null: not taken). */
  wholeFiles(): FileSummary[] | null
  /** Stops the worker if its part was not taken. */
  done(): void
}
