/**
 * A local file's bytes as chunks read into reused buffers, again and again. A chunk is valid only
 * until the next one is asked for: for readers that turn each chunk into text (or count it) at
 * once.
 *
 * Why not `createReadStream`: it allocates a fresh buffer per chunk. Those are garbage a moment
 * later, but they live outside the JavaScript heap, so they pile up until a collection, and the
 * allocator keeps the freed megabytes instead of returning them: tens of megabytes of peak memory
 * on a large dataset (measured with 1 MiB chunks: 250 MB -> 215 MB at 6.4 million rows).
 */
import { readSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { availableParallelism } from 'node:os'

/**
 * 512 KiB: with the read-ahead, as fast as 1 MiB (the read is hidden either way), and measured
 * with alternating fresh processes, a few megabytes less at the peak: AVA-shaped 6.4 M rows
 * 196-212 -> 192-199 MB, 1.6 M rows 2-5 MB less.
 */
const CHUNK_BYTES = 1 << 19

/**
 * Whether to read the next chunk in the thread pool while the reader works on the current one.
 * It pays where a core is free for the pool's thread. On two cores a large dataset is read by two
 * threads at once and the second pass runs beside the noise floors, so the pool's thread waits for
 * a core while the reader waits for it: there a chunk is read in the reading thread when it is
 * asked for. Measured with alternating fresh processes on 2 cores: 1-3% less time and a few MB
 * less at the peak (one buffer, no pool thread); one thread alone: within 1%.
 */
export function readsAhead(cores: number): boolean {
  return cores > 2
}
const READS_AHEAD = readsAhead(availableParallelism())

export interface ChunkOptions {
  /** The buffers' size (default 512 KiB). */
  chunkBytes?: number
  /** Read the next chunk while the current one is worked on (default: on more than two cores). */
  readAhead?: boolean
}

/**
 * Ranges of one local file through one handle and reused buffers: a chunk is valid only until the
 * next one is asked for. For reading many short stretches of a file (the second pass) without
 * opening it, or allocating a buffer, for each.
 */
export interface RangeReader {
  /** Bytes `start` up to, not including, `end` (Infinity: the end of the file). */
  range(start: number, end: number): AsyncIterable<Buffer>
  close(): Promise<void>
}

/**
 * Reading ahead, the next chunk is read while the reader works on the current one (into the other
 * buffer): a read from the page cache keeps the thread pool about half a millisecond per MiB, which
 * the reading thread would otherwise spend waiting (measured: ~70 ms of a 1.1 s gate run over a
 * 100 MB file that the second pass reads again). Otherwise one buffer is read when asked for.
 */
export function fileRanges(path: string, options: ChunkOptions = {}): RangeReader {
  const { chunkBytes = CHUNK_BYTES, readAhead = READS_AHEAD } = options
  let handle: Promise<FileHandle> | null = null
  const buffers = readAhead ? [Buffer.alloc(0), Buffer.alloc(0)] : [Buffer.alloc(0)]
  return {
    async *range(start, end) {
      handle ??= open(path, 'r')
      const file = await handle
      // As large as the range needs, up to a chunk: a short stretch does not take a whole chunk.
      const size = Math.min(chunkBytes, end - start)
      for (const [i, buffer] of buffers.entries()) {
        if (buffer.length < size)
          buffers[i] = Buffer.allocUnsafeSlow(
            Math.min(chunkBytes, Math.max(size, buffer.length * 2))
          )
      }
      if (readAhead) yield* readingAhead(file, buffers, start, end)
      else yield* readInTurn(file.fd, buffers[0]!, start, end)
    },
    async close() {
      const opened = handle
      handle = null
      if (opened) await opened.then(file => file.close()).catch(() => undefined)
    }
  }
}

/** Each chunk read into one buffer while the reader works on the chunk in the other. */
async function* readingAhead(
  file: FileHandle,
  buffers: Buffer[],
  start: number,
  end: number
): AsyncIterable<Buffer> {
  let next = 0 // the buffer the pending read fills
  const readAt = (at: number): Promise<{ bytesRead: number }> | null => {
    if (at >= end) return null
    const buffer = buffers[next]!
    const read = file.read(buffer, 0, Math.min(buffer.length, end - at), at)
    // Awaited below, after the current chunk is read: a failure must not count as unhandled
    // meanwhile (it is thrown to the reader when it gets there).
    read.catch(() => undefined)
    return read
  }
  let position = start
  let pending = readAt(position)
  try {
    while (pending !== null) {
      const { bytesRead } = await pending
      pending = null
      if (bytesRead === 0) return
      const chunk = buffers[next]!.subarray(0, bytesRead)
      position += bytesRead
      next ^= 1
      pending = readAt(position)
      yield chunk
    }
  } finally {
    // A reader that stops early leaves a read in flight: it must land before the buffer is used
    // again or the file is closed.
    if (pending !== null) await pending.catch(() => undefined)
  }
}

/**
 * Each chunk read in this thread when the reader asks for it, into one buffer. The event loop still
 * gets a turn before each chunk, as with a read in the thread pool: an await of a settled promise
 * alone would hold timers, messages from other threads and V8's own tasks for the whole file
 * (measured on Node 24 with a turn every 16 chunks: 4 runs of 23 peaked 30-35 MB higher; with a
 * turn per chunk, none of 16, the highest 12 MB above the median).
 */
async function* readInTurn(
  fd: number,
  buffer: Buffer,
  start: number,
  end: number
): AsyncIterable<Buffer> {
  for (let position = start; position < end;) {
    await new Promise(resolve => setImmediate(resolve))
    const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position)
    if (bytesRead === 0) return
    position += bytesRead
    yield buffer.subarray(0, bytesRead)
  }
}

/** From byte `start` (default 0) up to, not including, byte `end` (default: the end of the file). */
export async function* reusedChunks(
  path: string,
  range: { start?: number; end?: number } = {},
  options: ChunkOptions = {}
): AsyncIterable<Buffer> {
  const reader = fileRanges(path, options)
  try {
    yield* reader.range(range.start ?? 0, range.end ?? Infinity)
  } finally {
    await reader.close()
  }
}
