/**
 * The worker thread that computes a large dataset's split-distance noise floors
 * (dist/floor-worker.js; see gate/noise-floors.ts) and posts them back, in the jobs' order.
 */
import { once } from 'node:events'
import { parentPort } from 'node:worker_threads'
import { jobFloor, type FloorJob } from './analyze/stats/permutation-floor.js'
import { keepYoungGenerationSmallInWorker } from './young-generation.js'

keepYoungGenerationSmallInWorker()
// The jobs are the first message: the thread is started before they are known (part-thread.ts).
const [jobs] = (await once(parentPort!, 'message')) as [FloorJob[]]
parentPort!.postMessage(jobs.map(jobFloor))
