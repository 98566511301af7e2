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

/** This module's folder: in the bundle, dist/, where the workers are. */
const HERE = dirname(fileURLToPath(import.meta.url))
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
 * DATASET_GATE_SPLIT_BYTES sets the smallest dataset that is split (default 16 MiB). `early`: the
 * threads the shell started before it loaded the rest (`startEarly`), used first.
 */
export function threadReading(
  env: NodeJS.ProcessEnv,
  folder = HERE,
  early: EarlyThreads | null = null
): ParallelReading | null {
  const files = workerFiles(env, folder)
  if (files === null) return null
  const minBytes = splitBytes(env)
  const reader = early?.reader ?? new Spare(files.part, READER_YOUNG_MB)
  const floors = new Spare(files.floors, FLOORS_YOUNG_MB)
  return {
    minBytes,
    read: request => assign(reader.take(), request),
    analyzeBase: job => assign(launch(files.base, READER_YOUNG_MB), job),
    noiseFloors: jobs => assign(floors.take(), jobs),
    // Not from the size on which the main thread collects after the first pass: the thread's heap
    // would add to the peak that collection lowers (measured at 6.4 M rows: 7-9 MB more).
    prepareNoiseFloors: bytes => {
      if (bytes < COLLECT_AFTER_BYTES) floors.start()
    },
    stopIdle: () => {
      reader.stop()
      floors.stop()
    },
    collectGarbage: { afterBytes: COLLECT_AFTER_BYTES, collect: collectGarbage }
  }
}

/** The smallest dataset read in two parts: DATASET_GATE_SPLIT_BYTES, else 16 MiB. */
export function splitBytes(env: NodeJS.ProcessEnv): number {
  const configured = Number(env.DATASET_GATE_SPLIT_BYTES)
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_SPLIT_BYTES
}

/** Threads a shell started first thing, before it knew what they will be given. */
export interface EarlyThreads {
  reader: Spare
}

/**
 * Starts the thread that reads the rest of a large dataset at once, for `threadReading` to use:
 * a thread takes 50-80 ms to start (its bundle compiled and run) when the main thread is busy, so
 * started before the shell loads its own modules it is ready when the first pass begins. Null
 * where threads are not used.
 */
export function startEarly(env: NodeJS.ProcessEnv, folder = HERE): EarlyThreads | null {
  const files = workerFiles(env, folder)
  if (files === null) return null
  const reader = new Spare(files.part, READER_YOUNG_MB)
  reader.start()
  return { reader }
}

/** The workers' files, or null when threads are not to be used (see `threadReading`). */
function workerFiles(env: NodeJS.ProcessEnv, folder: string): typeof WORKER_FILES | null {
  if (env.DATASET_GATE_THREADS === '1' || availableParallelism() < 2) return null
  const files = {
    part: join(folder, WORKER_FILES.part),
    base: join(folder, WORKER_FILES.base),
    floors: join(folder, WORKER_FILES.floors)
  }
  return Object.values(files).every(file => existsSync(file)) ? files : null
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

/** A worker thread on `file`; it waits for its job, its first message (see the worker entries). */
function launch(file: string, youngMb: number): Worker {
  // A small young generation (see READER_YOUNG_MB): Node's default, tens of megabytes, would add
  // as much to the peak memory for no speed.
  const worker = new Worker(file, {
    argv: workerArgv(),
    resourceLimits: { maxYoungGenerationSizeMb: youngMb }
  })
  worker.on('error', () => {}) // it then exits: `assign` and `Spare` see the exit
  return worker
}

/**
 * Gives a started worker its job. Any failure of it (it threw, ran out of memory, was stopped,
 * had exited) gives null: the main thread then does the work itself.
 */
function assign<Result>(worker: Worker, job: unknown): ThreadWork<Result> {
  const result = new Promise<Result | null>(resolve => {
    worker.once('message', (value: Result | null) => {
      resolve(value)
      void worker.terminate()
    })
    worker.once('exit', () => resolve(null))
  })
  worker.postMessage(job)
  return { result, cancel: () => void worker.terminate() }
}

/**
 * A worker of one kind started ahead of its job (`start`), handed out by `take` (a new one when
 * none was started or it has exited). While it waits it does not keep the process alive.
 */
class Spare {
  private worker: Worker | null = null

  constructor(
    private readonly file: string,
    private readonly youngMb: number
  ) {}

  start(): void {
    if (this.worker !== null) return
    const worker = launch(this.file, this.youngMb)
    worker.unref()
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = null
    })
    this.worker = worker
  }

  take(): Worker {
    const worker = this.worker ?? launch(this.file, this.youngMb)
    this.worker = null
    worker.ref()
    return worker
  }

  stop(): void {
    void this.worker?.terminate()
    this.worker = null
  }
}
