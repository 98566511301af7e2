/**
 * What a run of the gate is asked to do: the files, the configuration, the paths named, and the
 * base to compare with. The shells build it; runGate and its stages read it.
 */
import type { FailOn } from '../model.js'
import type { GateConfig } from '../config/schema.js'
import type { FileSource } from '../read/source.js'
import type { StorageRun } from '../storage/run.js'
import type { AnalyzedDataset } from './analyzed.js'
import type { BaseJob, DatasetPartRequest, DatasetPartResult } from './part-types.js'
import type { FloorJob } from '../analyze/stats/permutation-floor.js'

export interface Progress {
  /** Called now and then while a file is read; `bytesRead`/`bytesTotal` are for that file. */
  (event: { file: string; bytesRead: number; bytesTotal: number }): void
}

/** Work running in another thread: its result (null when the thread failed), or stop it. */
export interface ThreadWork<Result> {
  result: Promise<Result | null>
  cancel(): void
}

/**
 * Work another thread (gate/part-thread.ts) does while the main thread reads: the rest of a large
 * dataset (gate/split-dataset.ts), the base side of a comparison (gate/base-part.ts), and the
 * noise floors of a large dataset's split distances during its second pass (gate/noise-floors.ts). The
 * shells set it up; without it everything is read in the main thread.
 */
export interface ParallelReading {
  /** Datasets of at least this many bytes (in the files read) are split in two. */
  minBytes: number
  read(request: DatasetPartRequest): ThreadWork<DatasetPartResult>
  analyzeBase(job: BaseJob): ThreadWork<AnalyzedDataset[]>
  /** The split distances' noise floors (gate/noise-floors.ts), in the jobs' order. */
  noiseFloors(jobs: FloorJob[]): ThreadWork<number[]>
  /**
   * Starts the thread of the next `noiseFloors` before its jobs are known, for a dataset of
   * `bytes`: split-dataset.ts asks where the first pass reaches the split point, so the thread
   * starts while the part is absorbed (the floors' inputs are final then), not after.
   */
  prepareNoiseFloors?(bytes: number): void
  /** Stops the threads started ahead that were not used (analyze-dataset.ts, per dataset). */
  stopIdle?(): void
  /**
   * One full garbage collection of this thread's heap after the first pass of a dataset of at
   * least `afterBytes` (gate/analyze-dataset.ts); absent when the shell cannot run one.
   */
  collectGarbage?: { afterBytes: number; collect(): void }
}

export interface GateRequest {
  source: FileSource
  config: GateConfig
  /**
   * Files, folders or globs to consider (CLI PATH arguments, the action's `paths` input).
   * Empty: the configuration's datasets, else every CSV under the root.
   */
  paths: string[]
  /** Overrides the configuration's `fail-on`. */
  failOn?: FailOn
  /**
   * When set (a pull request with `changed-only`), only datasets with at least one file in this
   * set are gated; an index counts as touched when any file it references is.
   */
  changedFiles?: ReadonlySet<string>
  /** The same datasets at another revision: enables deltas, change rules and `fail-on: new`. */
  base?: { ref: string; source: FileSource }
  progress?: Progress
  /**
   * Cloud Storage verification (`storage:` in the configuration), opened by the shell with
   * storage/run.ts's openStorage; unset or null: the URIs are not looked up.
   */
  storage?: StorageRun | null
  /** Large working-tree datasets are read in two parts at once; unset: in one piece. */
  parallel?: ParallelReading | null
}
