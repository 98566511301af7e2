/**
 * The worker thread that computes a large dataset's split-distance noise floors
 * (dist/floor-worker.js; see gate/noise-floors.ts) and posts them back, in the jobs' order.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { jobFloor, type FloorJob } from './analyze/stats/permutation-floor.js'
import { keepYoungGenerationSmallInWorker } from './young-generation.js'

keepYoungGenerationSmallInWorker()
const jobs = workerData as FloorJob[]
parentPort!.postMessage(jobs.map(jobFloor))
