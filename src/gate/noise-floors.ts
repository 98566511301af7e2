/**
 * The split distances' noise floors of a large dataset, computed in another thread while the main
 * thread confirms duplicates and reads the second pass. A floor is a permutation test (about 100 ms
 * at 400 classes) whose inputs, the per-class segment counts of each split, are final once the
 * first pass ends. The judge looks each floor up by its inputs (`KnownFloors`) and computes any it
 * does not find, so a floor computed ahead can only save time, never change a number.
 */
import type { DatasetAccumulator } from '../analyze/accumulator.js'
import { splitDistanceFloorJobs } from '../analyze/metrics.js'
import { floorJobDraws, floorJobKey, type KnownFloors } from '../analyze/stats/permutation-floor.js'
import { splitsBeforeTally } from '../analyze/tally.js'
import type { RuleSettings } from '../rules/catalogue.js'
import type { ParallelReading } from './request.js'

/**
 * Below this many hypergeometric draws (about 25 ms in the main thread) a thread costs about what
 * it saves.
 */
const MIN_THREAD_DRAWS = 100_000

export interface NoiseFloorsAhead {
  /** The floors computed, or null when the thread failed (the judge then computes them). */
  known(): Promise<KnownFloors | null>
  cancel(): void
}

/**
 * Starts the floors in a worker when it can pay off: threads are on, the dataset was large enough
 * to be read in two parts (so the main thread has work to overlap), and the floors are costly.
 */
export function startNoiseFloors(
  parallel: ParallelReading | null,
  accumulator: DatasetAccumulator,
  settings: RuleSettings,
  bytesRead: number
): NoiseFloorsAhead | null {
  if (!parallel || bytesRead < parallel.minBytes) return null
  const quantile = settings['split-distribution'].options['noise-quantile']
  const jobs = splitDistanceFloorJobs(splitsBeforeTally(accumulator), quantile)
  const draws = jobs.reduce((sum, job) => sum + floorJobDraws(job), 0)
  if (draws < MIN_THREAD_DRAWS) return null
  const work = parallel.noiseFloors(jobs)
  return {
    async known() {
      const floors = await work.result
      if (!floors || floors.length !== jobs.length) return null
      return new Map(jobs.map((job, i) => [floorJobKey(job), floors[i]!]))
    },
    cancel: () => work.cancel()
  }
}
