/**
 * The worker thread that reads the rest of a large dataset (dataset-part.ts), for the shells to
 * put in GateRequest.parallel. The worker is the bundle's worker.js beside the running bundle; run
 * from sources (tests, tsx) there is none and files are read in one piece.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { DatasetPartRequest, DatasetPartResult } from './part-types.js'
import type { ParallelReading } from './request.js'

/** The bundled worker's file name, beside dist/index.js and dist/cli.js. */
const WORKER_FILE = 'worker.js'
/** Below this size a second thread costs about what it saves (its start, reading the head twice). */
export const DEFAULT_SPLIT_BYTES = 16 << 20
const WORKER_YOUNG_MB = 8

/**
 * Parallel reading when it can help: a second core, the bundled worker beside this module, and
 * not turned off. Env: DATASET_GATE_THREADS=1 reads every file in one piece;
 * DATASET_GATE_SPLIT_BYTES sets the smallest file that is split (default 16 MiB).
 */
export function threadReading(
  env: NodeJS.ProcessEnv,
  workerFile = join(dirname(fileURLToPath(import.meta.url)), WORKER_FILE)
): ParallelReading | null {
  if (env.DATASET_GATE_THREADS === '1' || availableParallelism() < 2) return null
  if (!existsSync(workerFile)) return null
  const configured = Number(env.DATASET_GATE_SPLIT_BYTES)
  const minBytes = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_SPLIT_BYTES
  return { minBytes, read: request => startWorker(workerFile, request) }
}

function startWorker(
  workerFile: string,
  request: DatasetPartRequest
): { result: Promise<DatasetPartResult | null>; cancel(): void } {
  // A small young generation: the worker's garbage is short-lived field text, and the default
  // (tens of megabytes) would add as much to the peak memory for little speed.
  const worker = new Worker(workerFile, {
    workerData: request,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB }
  })
  // Any failure of the worker (it threw, ran out of memory, was stopped) means no part: the main
  // thread then reads the rest of the file itself.
  const result = new Promise<DatasetPartResult | null>(resolve => {
    worker.once('message', (part: DatasetPartResult | null) => {
      resolve(part)
      void worker.terminate()
    })
    worker.once('error', () => resolve(null))
    worker.once('exit', () => resolve(null))
  })
  return { result, cancel: () => void worker.terminate() }
}
