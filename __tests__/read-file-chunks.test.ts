/**
 * reusedChunks and fileRanges: a file's bytes read into reused buffers again and again, either the
 * next chunk while the reader works on the current one (two buffers, the thread pool) or each chunk
 * when it is asked for (one buffer, the reading thread), read/file-chunks.ts. The record readers
 * take each chunk as text before asking for the next, so they see the same bytes as from fresh
 * buffers, without a megabyte of garbage per chunk.
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { closeSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs'
import { mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileRanges, readsAhead, reusedChunks } from '../src/read/file-chunks.js'
import { WorkingTreeSource, transientChunks } from '../src/read/source.js'
import { readRecords } from '../src/read/text.js'

const folders: string[] = []
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true })
})

async function fileWith(bytes: Buffer): Promise<{ folder: string; path: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'chunks-'))
  folders.push(folder)
  const path = join(folder, 'rows.csv')
  await writeFile(path, bytes)
  return { folder, path }
}

/** Every chunk copied as it comes (a chunk is only valid until the next one is asked for). */
async function collect(chunks: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; sizes: number[] }> {
  const copies: Buffer[] = []
  for await (const chunk of chunks) copies.push(Buffer.from(chunk))
  return { bytes: Buffer.concat(copies), sizes: copies.map(c => c.length) }
}

const content = Buffer.from(
  Array.from({ length: 1000 }, (_, i) => `gs://b/v${i}.mp4,cat,1,2\n`).join('')
)

describe.each([
  ['reading ahead', true],
  ['reading in turn', false]
])('reusedChunks, %s', (_, readAhead) => {
  const size = (chunkBytes: number) => ({ chunkBytes, readAhead })

  it('gives the whole file in chunks of at most the buffer size', async () => {
    const { path } = await fileWith(content)
    const { bytes, sizes } = await collect(reusedChunks(path, {}, size(4096)))
    expect(bytes.equals(content)).toBe(true)
    expect(Math.max(...sizes)).toBe(4096)
    expect(sizes.length).toBe(Math.ceil(content.length / 4096))
  })

  it('reads its buffers again and again: two reading ahead, one in turn', async () => {
    const { path } = await fileWith(content)
    const buffers = new Set<ArrayBufferLike>()
    let chunks = 0
    for await (const chunk of reusedChunks(path, {}, size(4096))) {
      buffers.add(chunk.buffer)
      chunks++
    }
    expect(chunks).toBeGreaterThan(4)
    expect(buffers.size).toBe(readAhead ? 2 : 1)
  })

  it('throws a failed read to the reader (a folder cannot be read)', async () => {
    const { folder } = await fileWith(content)
    const ranges = fileRanges(folder, size(4096))
    try {
      await expect(collect(ranges.range(0, 100))).rejects.toThrow(/EISDIR/)
    } finally {
      await ranges.close()
    }
  })

  it('reads a range: from start, up to but not including end', async () => {
    const { path } = await fileWith(content)
    for (const [start, end] of [
      [0, 1],
      [100, 5000],
      [4096, 8192],
      [content.length - 10, content.length],
      [3000, undefined],
      [undefined, 4097]
    ] as const) {
      const { bytes } = await collect(reusedChunks(path, { start, end }, size(4096)))
      expect(bytes.equals(content.subarray(start ?? 0, end ?? content.length))).toBe(true)
    }
  })

  it('reads many ranges through one opening, in chunks no larger than the buffer', async () => {
    const { path } = await fileWith(content)
    const ranges = fileRanges(path, size(4096))
    try {
      // Short ones first, so the buffer grows, then ones past its size and to the end.
      for (const [start, end] of [
        [10, 20],
        [500, 1700],
        [0, 3000],
        [100, 9000],
        [content.length - 5, Infinity],
        [7, 8]
      ] as const) {
        const { bytes, sizes } = await collect(ranges.range(start, end))
        expect(bytes.equals(content.subarray(start, Math.min(end, content.length)))).toBe(true)
        expect(Math.max(...sizes)).toBeLessThanOrEqual(4096)
      }
    } finally {
      await ranges.close()
    }
    await ranges.close() // closing twice is closing once
    await fileRanges(path).close() // never opened: nothing to close
  })

  it('gives nothing for an empty file or an empty range, and stops at the end of a file', async () => {
    const empty = await fileWith(Buffer.alloc(0))
    expect((await collect(reusedChunks(empty.path))).sizes).toEqual([])
    const { path } = await fileWith(content)
    expect((await collect(reusedChunks(path, { start: 10, end: 10 }))).sizes).toEqual([])
    const past = await collect(
      reusedChunks(path, { start: 0, end: content.length + 100 }, size(4096))
    )
    expect(past.bytes.equals(content)).toBe(true)
  })

  // Open descriptors are counted in /proc/self/fd, which Linux has (CI's machine); elsewhere the
  // count is not available and the test is skipped.
  const fdFolder = '/proc/self/fd'
  const itOnLinux = existsSync(fdFolder) ? it : it.skip
  itOnLinux(
    'closes the file when the reader stops early, and when it reads to the end',
    async () => {
      const { path } = await fileWith(content)
      const open = (): number => readdirSync(fdFolder).length
      const before = open()
      const iterator = reusedChunks(path, {}, size(1024))[Symbol.asyncIterator]()
      await iterator.next()
      expect(open()).toBe(before + 1)
      await iterator.return?.()
      expect(open()).toBe(before)
      await collect(reusedChunks(path, {}, size(1024)))
      expect(open()).toBe(before)
    }
  )
})

/** FileHandle.prototype.read, watched or replaced for one test (Node does not export the class). */
async function fileHandleReads(path: string): Promise<{ read: FileHandle['read'] }> {
  const handle = await open(path, 'r')
  const prototype = Object.getPrototypeOf(handle) as { read: FileHandle['read'] }
  await handle.close()
  return prototype
}

describe('reading ahead', () => {
  it('asks for the next chunk before handing out the current one', async () => {
    const { path } = await fileWith(content)
    const prototype = await fileHandleReads(path)
    const spy = jest.spyOn(prototype, 'read')
    try {
      const iterator = reusedChunks(path, {}, { chunkBytes: 4096, readAhead: true })[
        Symbol.asyncIterator
      ]()
      const first = await iterator.next()
      expect(first.value?.length).toBe(4096)
      // The reader still holds the first chunk; the second is already being read into the other buffer.
      expect(spy).toHaveBeenCalledTimes(2)
      const second = await iterator.next()
      expect(Buffer.from(second.value!).equals(content.subarray(4096, 8192))).toBe(true)
      expect(spy).toHaveBeenCalledTimes(3)
      await iterator.return?.()
    } finally {
      spy.mockRestore()
    }
  })

  /** Replaces FileHandle reads for one test: `replace(n, read)` decides the n-th (1-based). */
  async function withReads(
    path: string,
    replace: (
      n: number,
      read: () => ReturnType<FileHandle['read']>
    ) => ReturnType<FileHandle['read']>,
    body: () => Promise<void>
  ): Promise<void> {
    const prototype = await fileHandleReads(path)
    const real = prototype.read as (...args: unknown[]) => ReturnType<FileHandle['read']>
    let reads = 0
    const spy = jest.spyOn(prototype, 'read').mockImplementation(function (
      this: FileHandle,
      ...args: unknown[]
    ) {
      return replace(++reads, () => real.apply(this, args))
    } as FileHandle['read'])
    try {
      await body()
    } finally {
      spy.mockRestore()
    }
  }

  it('waits for a read left in flight when the reader stops early, before the buffer is reused', async () => {
    const { path } = await fileWith(content)
    let landed = false
    const late = async (read: () => ReturnType<FileHandle['read']>) => {
      await new Promise(resolve => setTimeout(resolve, 30))
      const result = await read()
      landed = true
      return result
    }
    await withReads(
      path,
      (n, read) => (n === 2 ? late(read) : read()),
      async () => {
        const ranges = fileRanges(path, { chunkBytes: 4096, readAhead: true })
        try {
          for await (const chunk of ranges.range(0, Infinity)) {
            expect(chunk.length).toBe(4096)
            break // the second chunk is being read into the other buffer
          }
          expect(landed).toBe(true)
          const { bytes } = await collect(ranges.range(1000, 20000))
          expect(bytes.equals(content.subarray(1000, 20000))).toBe(true)
        } finally {
          await ranges.close()
        }
      }
    )
  })

  it('throws a failed read-ahead to the reader when it asks for that chunk, never as unhandled', async () => {
    const { path } = await fileWith(content)
    // A rejection without a handler when the microtasks run out is reported as unhandled (and
    // ends the process by default): the reader must attach one as soon as it starts the read.
    let handlers: { mock: { calls: unknown[] } } | null = null
    await withReads(
      path,
      (n, read) => {
        if (n !== 2) return read()
        const failure = Promise.reject(new Error('EIO: the disk went away'))
        handlers = jest.spyOn(failure, 'then')
        return failure
      },
      async () => {
        const iterator = reusedChunks(path, {}, { chunkBytes: 4096, readAhead: true })[
          Symbol.asyncIterator
        ]()
        expect((await iterator.next()).value?.length).toBe(4096)
        expect(handlers!.mock.calls.length).toBeGreaterThan(0)
        await expect(iterator.next()).rejects.toThrow('EIO: the disk went away')
      }
    )
  })
})

describe('reading in turn', () => {
  it('reads a chunk only when the reader asks for it', async () => {
    const { path } = await fileWith(content)
    const iterator = reusedChunks(path, {}, { chunkBytes: 4096, readAhead: false })[
      Symbol.asyncIterator
    ]()
    expect((await iterator.next()).value?.length).toBe(4096)
    // Changed after the first chunk was handed out: a chunk read ahead would hold the old bytes.
    const changed = Buffer.alloc(4096, 'x')
    const fd = openSync(path, 'r+')
    writeSync(fd, changed, 0, changed.length, 4096)
    closeSync(fd)
    const second = await iterator.next()
    expect(Buffer.from(second.value!).equals(changed)).toBe(true)
    await iterator.return?.()
  })

  it('gives the event loop a turn before each chunk, as a read in the thread pool does', async () => {
    const { path } = await fileWith(content)
    const iterator = reusedChunks(path, {}, { chunkBytes: 256, readAhead: false })[
      Symbol.asyncIterator
    ]()
    expect((await iterator.next()).done).toBe(false) // the file is open: no more waiting for it
    let turns = 0
    const turn = (): void => {
      turns++
      immediate = setImmediate(turn)
    }
    let immediate = setImmediate(turn)
    let read = 1
    try {
      while (!(await iterator.next()).done) {
        read++
        expect(turns).toBeGreaterThanOrEqual(read - 1)
      }
    } finally {
      clearImmediate(immediate)
    }
    expect(read).toBeGreaterThan(64)
  })

  it('is chosen on two cores or fewer; more cores read ahead', () => {
    expect([1, 2, 3, 4, 64].map(readsAhead)).toEqual([false, false, true, true, true])
  })
})

describe('the record reader on reused chunks', () => {
  async function records(chunks: AsyncIterable<Buffer>): Promise<string[]> {
    const seen: string[] = []
    const result = await readRecords(
      chunks,
      {
        record: (fields, line) => seen.push(`${line}:${JSON.stringify(fields)}`),
        blank: line => seen.push(`${line}:blank`)
      },
      { mode: 'csv', maxLineBytes: 1 << 20 }
    )
    seen.push(`stop ${JSON.stringify(result.stop)} lines ${result.lines}`)
    return seen
  }
  async function* whole(bytes: Buffer): AsyncIterable<Buffer> {
    yield bytes
  }

  // Odd chunk sizes cut lines, quoted fields, quoted line breaks (the csv-parse path) and UTF-8
  // characters (the decoder) anywhere: a reader that kept a chunk's bytes past the next chunk
  // (whose read-ahead fills the chunk's buffer again) would see them overwritten.
  it('reads what one whole buffer reads, with chunks cut anywhere', async () => {
    const lines = [
      'gs://b/a.mp4,walk,0,1.5',
      '"gs://b/quoted, comma.mp4",run,1,2',
      '',
      'gs://b/café.mp4,naïve label,0,inf',
      'gs://b/c.mp4,"two\nlines",0,1',
      ...Array.from({ length: 200 }, (_, i) => `gs://b/v${i}.mp4,class ${i % 7},${i},${i + 1}`)
    ]
    const bytes = Buffer.from(lines.join('\n') + '\n')
    const { path } = await fileWith(bytes)
    const expected = await records(whole(bytes))
    expect(expected.some(r => r.includes('two\\nlines'))).toBe(true)
    for (const chunkBytes of [1, 2, 3, 7, 64, 1000]) {
      for (const readAhead of [true, false]) {
        expect(await records(reusedChunks(path, {}, { chunkBytes, readAhead }))).toEqual(expected)
      }
    }
  })
})

describe('transientChunks', () => {
  it('reads a working-tree file through its reused buffers, other sources through open()', async () => {
    const { folder } = await fileWith(content)
    const source = new WorkingTreeSource(folder)
    const { bytes } = await collect(transientChunks(source, 'rows.csv'))
    expect(bytes.equals(content)).toBe(true)
    const opened: string[] = []
    const plain = {
      label: 'memory',
      stat: async () => ({ size: 3 }),
      async *open(path: string) {
        opened.push(path)
        yield Buffer.from('a,b')
      },
      list: async () => []
    }
    expect((await collect(transientChunks(plain, 'x.csv'))).bytes.toString()).toBe('a,b')
    expect(opened).toEqual(['x.csv'])
  })

  it('refuses a path outside the repository', () => {
    const source = new WorkingTreeSource(tmpdir())
    expect(() => source.openTransient('../etc/passwd')).toThrow(/outside the repository/)
  })
})
