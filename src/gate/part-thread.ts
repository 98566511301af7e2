/**
 * The worker threads that read the rest of a large dataset (dataset-part.ts, dist/worker.js), the
 * base side of a comparison (base-part.ts, dist/base-worker.js) and compute a large dataset's
 * noise floors (noise-floors.ts, dist/floor-worker.js), for the shells to put in
 * GateRequest.parallel. The workers are bundles beside the running one; run from sources (tests,
 * tsx) there are none, and everything is read in the main thread.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Worker } from 'node:worker_threads'
import type { ParallelReading, ThreadWork } from './request.js'
import { workerArgv } from '../young-generation.js'

/** The bundled workers' file names, beside dist/index.js and dist/cli.js. */
const WORKER_FILES = { part: 'worker.js', base: 'base-worker.js', floors: 'floor-worker.js' }
/** Below this size a second thread costs about what it saves (its start, reading the head twice). */
const DEFAULT_SPLIT_BYTES = 16 << 20
/**
 * From this size on, the main thread collects its heap once after the first pass. Measured on the
 * benchmark's files (alternating fresh processes): at 403 MB (AVA-shaped) the peak fell from
 * 211-220 to 195-203 MB and at 405 MB (interleaved) from 193-203 to 175 MB, for ~1% more time; at
 * 101 MB the peak did not move and the collection cost 1-2% of the time.
 */
const COLLECT_AFTER_BYTES = 256 << 20
/**
 * The workers' young generations. A reader's garbage is short-lived field text: measured on the
 * benchmark's files, 2, 4, 8 and 16 MB read as fast and 4 MB kept the least. The floors are
 * arithmetic over a few typed arrays: 1 MB computes them as fast and keeps 5 to 10 MB less at the
 * peak of a 6.4 M-row dataset, where they run beside the duplicate search.
 */
const READER_YOUNG_MB = 4
const FLOORS_YOUNG_MB = 1

/**
 * Parallel reading when it can help: a second core, the bundled workers beside this module, and
 * not turned off. Env: DATASET_GATE_THREADS=1 reads everything in the main thread;
 * DATASET_GATE_SPLIT_BYTES sets the smallest dataset that is split (default 16 MiB).
 */
export function threadReading(
  env: NodeJS.ProcessEnv,
  folder = dirname(fileURLToPath(import.meta.url))
): ParallelReading | null {
  if (env.DATASET_GATE_THREADS === '1' || availableParallelism() < 2) return null
  const partWorker = join(folder, WORKER_FILES.part)
  const baseWorker = join(folder, WORKER_FILES.base)
  const floorWorker = join(folder, WORKER_FILES.floors)
  if (![partWorker, baseWorker, floorWorker].every(file => existsSync(file))) return null
  const configured = Number(env.DATASET_GATE_SPLIT_BYTES)
  const minBytes = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_SPLIT_BYTES
  return {
    minBytes,
    read: request => startWorker(partWorker, request, READER_YOUNG_MB),
    analyzeBase: job => startWorker(baseWorker, job, READER_YOUNG_MB),
    noiseFloors: jobs => startWorker(floorWorker, jobs, FLOORS_YOUNG_MB),
    collectGarbage: { afterBytes: COLLECT_AFTER_BYTES, collect: collectGarbage }
  }
}

let gc: (() => void) | null | undefined

/**
 * A full collection of this thread's heap (nothing when V8 will not run one). Node shows V8's `gc`
 * only to a program started with --expose-gc; set at run time, the flag gives it to the next new
 * context, which is all this needs (the flag is cleared again at once).
 */
export function collectGarbage(): void {
  const own: unknown = (globalThis as { gc?: unknown }).gc // started with --expose-gc
  if (gc === undefined && typeof own === 'function') gc = own as () => void
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      const found: unknown = runInNewContext('gc')
      gc = typeof found === 'function' ? (found as () => void) : null
    } catch {
      gc = null
    } finally {
      setFlagsFromString('--no-expose-gc')
    }
  }
  gc?.()
}

/** Starts a worker thread on `job`; any failure of it (it threw, ran out of memory, was stopped)
 * gives null: the main thread then does the work itself. */
function startWorker<Result>(
  workerFile: string,
  job: unknown,
  youngMb: number
): ThreadWork<Result> {
  // A small young generation (see READER_YOUNG_MB): Node's default, tens of megabytes, would add
  // as much to the peak memory for no speed.
  const worker = new Worker(workerFile, {
    workerData: job,
    argv: workerArgv(),
    resourceLimits: { maxYoungGenerationSizeMb: youngMb }
  })
  const result = new Promise<Result | null>(resolve => {
    worker.once('message', (value: Result | null) => {
      resolve(value)
      void worker.terminate()
    })
    worker.once('error', () => resolve(null))
    worker.once('exit', () => resolve(null))
  })
  return { result, cancel: () => void worker.terminate() }
}
