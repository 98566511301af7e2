/**
 * The worker thread that reads the rest of a large dataset (dist/worker.js; see
 * gate/dataset-part.ts) and posts it back, its typed arrays moved rather than copied.
 */
import { once } from 'node:events'
import { parentPort } from 'node:worker_threads'
import { residentPieces } from './analyze/spill-column.js'
import { readDatasetPart } from './gate/dataset-part.js'
import { collectGarbage } from './gate/part-thread.js'
import type { DatasetPartRequest, DatasetPartResult } from './gate/part-types.js'
import { keepYoungGenerationSmallInWorker } from './young-generation.js'

function buffersOf(part: DatasetPartResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  const add = (array: ArrayBufferView): void => {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer)
  }
  const { accumulator } = part
  const { fingerprints } = accumulator
  if (fingerprints) {
    for (const block of residentPieces(fingerprints.hashes)) add(block)
    for (const block of residentPieces(fingerprints.tags)) add(block)
  }
  add(accumulator.segments)
  add(accumulator.seconds)
  add(accumulator.secondsUnknown)
  add(accumulator.videos.firstFile)
  add(accumulator.videos.firstLine)
  add(accumulator.videos.spelledAsKey)
  const { keys } = accumulator.videos
  if (!Array.isArray(keys)) {
    add(keys.bytes)
    add(keys.ends)
  }
  add(accumulator.videos.splitFirsts)
  add(accumulator.videos.groupSplitFirsts)
  const { pairs } = accumulator
  for (const array of [pairs.starts, pairs.counts, ...pairs.blocks, pairs.tableKeys]) add(array)
  add(pairs.tableMasks)
  if (accumulator.runs) {
    const { runs, counts, shared, overlaps } = accumulator.runs
    for (const array of [runs, counts, shared, overlaps]) add(array)
  }
  return [...buffers]
}

keepYoungGenerationSmallInWorker()
// The request is the first message: the thread may be started before it is known (part-thread.ts).
const [request] = (await once(parentPort!, 'message')) as [DatasetPartRequest]
const part = await readDatasetPart(request)
// The part is exported: the accumulator's tables (pairs, key ids, registries) are garbage. Freed
// now, they are not held beside the copy of the part the message is written into.
collectGarbage()
parentPort!.postMessage(part, part ? buffersOf(part) : [])
