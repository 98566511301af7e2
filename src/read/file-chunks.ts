/**
 * A local file's bytes as chunks read into one buffer, again and again. A chunk is valid only until
 * the next one is asked for: for readers that turn each chunk into text (or count it) at once.
 *
 * Why not `createReadStream`: it allocates a fresh 1 MiB buffer per chunk. Those are garbage a
 * moment later, but they live outside the JavaScript heap, so they pile up until a collection, and
 * the allocator keeps the freed megabytes instead of returning them: tens of megabytes of peak
 * memory on a large dataset (measured: 250 MB -> 215 MB at 6.4 million rows).
 */
import { open, type FileHandle } from 'node:fs/promises'

const CHUNK_BYTES = 1 << 20

/**
 * Ranges of one local file through one handle and one reused buffer: a chunk is valid only until
 * the next one is asked for. For reading many short stretches of a file (the second pass) without
 * opening it, or allocating a buffer, for each.
 */
export interface RangeReader {
  /** Bytes `start` up to, not including, `end` (Infinity: the end of the file). */
  range(start: number, end: number): AsyncIterable<Buffer>
  close(): Promise<void>
}

export function fileRanges(path: string, chunkBytes = CHUNK_BYTES): RangeReader {
  let handle: Promise<FileHandle> | null = null
  let buffer = Buffer.alloc(0)
  return {
    async *range(start, end) {
      handle ??= open(path, 'r')
      const file = await handle
      // As large as the range needs, up to a chunk: a short stretch does not take a megabyte.
      const size = Math.min(chunkBytes, end - start)
      if (buffer.length < size)
        buffer = Buffer.allocUnsafeSlow(Math.min(chunkBytes, Math.max(size, buffer.length * 2)))
      for (let position = start; position < end;) {
        const want = Math.min(buffer.length, end - position)
        const { bytesRead } = await file.read(buffer, 0, want, position)
        if (bytesRead === 0) return
        position += bytesRead
        yield buffer.subarray(0, bytesRead)
      }
    },
    async close() {
      const opened = handle
      handle = null
      if (opened) await opened.then(file => file.close()).catch(() => undefined)
    }
  }
}

/** From byte `start` (default 0) up to, not including, byte `end` (default: the end of the file). */
export async function* reusedChunks(
  path: string,
  range: { start?: number; end?: number } = {},
  chunkBytes = CHUNK_BYTES
): AsyncIterable<Buffer> {
  const reader = fileRanges(path, chunkBytes)
  try {
    yield* reader.range(range.start ?? 0, range.end ?? Infinity)
  } finally {
    await reader.close()
  }
}
