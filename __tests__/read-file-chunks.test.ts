/**
 * reusedChunks and fileRanges: a file's bytes read into one buffer again and again (read/file-chunks.ts). The
 * record readers take each chunk as text before asking for the next, so they see the same bytes as
 * from fresh buffers, without a megabyte of garbage per chunk.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileRanges, reusedChunks } from '../src/read/file-chunks.js'
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

describe('reusedChunks', () => {
  it('gives the whole file in chunks of at most the buffer size', async () => {
    const { path } = await fileWith(content)
    const { bytes, sizes } = await collect(reusedChunks(path, {}, 4096))
    expect(bytes.equals(content)).toBe(true)
    expect(Math.max(...sizes)).toBe(4096)
    expect(sizes.length).toBe(Math.ceil(content.length / 4096))
  })

  it('reads one buffer again: every chunk is a view of the same memory', async () => {
    const { path } = await fileWith(content)
    const buffers = new Set<ArrayBufferLike>()
    for await (const chunk of reusedChunks(path, {}, 4096)) buffers.add(chunk.buffer)
    expect(buffers.size).toBe(1)
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
      const { bytes } = await collect(reusedChunks(path, { start, end }, 4096))
      expect(bytes.equals(content.subarray(start ?? 0, end ?? content.length))).toBe(true)
    }
  })

  it('reads many ranges through one opening, in chunks no larger than the buffer', async () => {
    const { path } = await fileWith(content)
    const ranges = fileRanges(path, 4096)
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
    const past = await collect(reusedChunks(path, { start: 0, end: content.length + 100 }, 4096))
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
      const iterator = reusedChunks(path, {}, 1024)[Symbol.asyncIterator]()
      await iterator.next()
      expect(open()).toBe(before + 1)
      await iterator.return?.()
      expect(open()).toBe(before)
      await collect(reusedChunks(path, {}, 1024))
      expect(open()).toBe(before)
    }
  )
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
  // characters (the decoder) anywhere: a reader that kept a chunk past the next read would see
  // bytes overwritten.
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
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      expect(await records(reusedChunks(path, {}, size))).toEqual(expected)
    }
  })
})

describe('transientChunks', () => {
  it('reads a working-tree file through one reused buffer, other sources through open()', async () => {
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
