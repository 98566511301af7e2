/**
 * The worker thread that analyzes the base side of a comparison (dist/base-worker.js; see
 * gate/base-part.ts) and posts the result back. Apart from worker.js, which reads parts of a
 * dataset: that one stays small, since it is loaded for every large dataset.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { analyzeBaseDatasets } from './gate/base-part.js'
import type { BaseJob } from './gate/part-types.js'
import { keepYoungGenerationSmallInWorker } from './young-generation.js'

keepYoungGenerationSmallInWorker()
parentPort!.postMessage(await analyzeBaseDatasets(workerData as BaseJob))
