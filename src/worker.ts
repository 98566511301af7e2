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

/** The buffers of the part's typed arrays, each once: moved to the main thread, not copied. */
function buffersOf(part: DatasetPartResult): ArrayBuffer[] {
  const { fingerprints, videos, pairs, runs, segments, seconds, secondsUnknown } = part.accumulator
  const { keys } = videos
  const arrays: ArrayBufferView[] = [
    ...(fingerprints ? residentPieces(fingerprints.hashes) : []),
    ...(fingerprints ? residentPieces(fingerprints.tags) : []),
    segments,
    seconds,
    secondsUnknown,
    videos.firstFile,
    videos.firstLine,
    videos.spelledAsKey,
    ...keys.blocks,
    keys.ends,
    videos.hashes,
    videos.firstSplit,
    videos.laterSplits,
    videos.groupSplitFirsts,
    pairs.starts,
    pairs.counts,
    ...pairs.blocks,
    pairs.tableKeys,
    pairs.tableMasks,
    ...(runs ? [runs.runs, runs.counts, runs.shared, runs.overlaps] : [])
  ]
  const buffers = arrays.map(array => array.buffer)
  return [...new Set(buffers.filter(buffer => buffer instanceof ArrayBuffer))]
}

keepYoungGenerationSmallInWorker()
// The request is the first message: the thread may be started before it is known (part-thread.ts).
const [request] = (await once(parentPort!, 'message')) as [DatasetPartRequest]
const part = await readDatasetPart(request)
// The part is exported: the accumulator's tables (pairs, key ids, registries) are garbage. Freed
// now, they are not held beside the copy of the part the message is written into.
collectGarbage()
parentPort!.postMessage(part, part ? buffersOf(part) : [])
