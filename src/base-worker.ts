/**
 * The worker thread that analyzes the base side of a comparison (dist/base-worker.js; see
 * gate/base-part.ts) and posts the result back. Apart from worker.js, which reads parts of a
 * dataset: that one stays small, since it is loaded for every large dataset.
 */
import { once } from 'node:events'
import { parentPort } from 'node:worker_threads'
import { analyzeBaseDatasets } from './gate/base-part.js'
import type { BaseJob } from './gate/part-types.js'
import { keepYoungGenerationSmallInWorker } from './young-generation.js'

keepYoungGenerationSmallInWorker()
const [job] = (await once(parentPort!, 'message')) as [BaseJob] // the job is the first message
parentPort!.postMessage(await analyzeBaseDatasets(job))
