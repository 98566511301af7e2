/**
 * A local file's bytes as chunks read into one buffer, again and again. A chunk is valid only until
 * the next one is asked for: for readers that turn each chunk into text (or count it) at once.
 *
 * Why not `createReadStream`: it allocates a fresh 1 MiB buffer per chunk. Those are garbage a
 * moment later, but they live outside the JavaScript heap, so they pile up until a collection, and
 * the allocator keeps the freed megabytes instead of returning them: tens of megabytes of peak
 * memory on a large dataset (measured: 250 MB -> 215 MB at 6.4 million rows).
 */
import { open } from 'node:fs/promises'

const CHUNK_BYTES = 1 << 20

/** From byte `start` (default 0) up to, not including, byte `end` (default: the end of the file). */
export async function* reusedChunks(
  path: string,
  range: { start?: number; end?: number } = {},
  chunkBytes = CHUNK_BYTES
): AsyncIterable<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.allocUnsafeSlow(chunkBytes)
    let position = range.start ?? 0
    const end = range.end ?? Infinity
    while (position < end) {
      const want = Math.min(buffer.length, end - position)
      const { bytesRead } = await handle.read(buffer, 0, want, position)
      if (bytesRead === 0) return
      position += bytesRead
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}
