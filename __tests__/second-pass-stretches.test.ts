/**
 * The second pass reads only the stretches of a file that hold the lines it needs, starting at
 * record boundaries the first pass noted (read/text.ts `Checkpoints`): the checkpoints are real
 * record boundaries and are not noted where they might not be (after a `"`, after non-ASCII
 * text); the stretches cover every needed line; and a gate that reads stretches confirms the same
 * duplicates as one that reads the whole file again, reading a small part of it.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runGate } from '../src/gate.js'
import type { GateReport } from '../src/model.js'
import { defaultConfig } from '../src/config/schema.js'
import { stretchesOf } from '../src/read/line-filter.js'
import { reusedChunks, type RangeReader } from '../src/read/file-chunks.js'
import { WorkingTreeSource } from '../src/read/source.js'
import { readRecords, type Checkpoints } from '../src/read/text.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

function temporary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gate-stretches-'))
  made.push(dir)
  return dir
}

/**
 * A Vertex CSV of `rows` distinct rows, one label per video, with the rows listed in `repeats`
 * written twice.
 */
function manifest(rows: number, repeats: number[] = []): string {
  const lines: string[] = []
  for (let k = 0; k < rows; k++) {
    const video = k % 997
    const line = `training,gs://b/v/clip_${String(video).padStart(4, '0')}.mp4,class_${video % 7},${k},${k + 0.5}`
    lines.push(line)
    if (repeats.includes(k)) lines.push(line)
  }
  return lines.join('\n') + '\n'
}

/**
 * The checkpoints a reading of `text` notes; `from`: a worker's part, read from that byte (just
 * after a line break) with the lines before it counted, as dataset-part.ts reads one.
 */
async function checkpointsOf(
  text: string,
  options: { chunk?: number; from?: number } = {}
): Promise<Checkpoints> {
  const path = join(temporary(), 'rows.csv')
  writeFileSync(path, text)
  const checkpoints: Checkpoints = { lines: [], bytes: [] }
  const from = options.from ?? 0
  const part = from > 0 ? { startLine: countLines(text.slice(0, from)), byteOffset: from } : {}
  await readRecords(
    reusedChunks(path, { start: from }, { chunkBytes: options.chunk }),
    { record() {}, blank() {} },
    { mode: 'csv', maxLineBytes: 1 << 20, checkpoints, ...part }
  )
  return checkpoints
}

function countLines(text: string): number {
  return text.split('\n').length - 1
}

/** Each checkpoint's byte follows a line break, with `lines[k]` line breaks before it. */
function expectRecordBoundaries(text: string, { lines, bytes }: Checkpoints): void {
  const data = Buffer.from(text)
  const wrong = lines.filter(
    (line, k) => data[bytes[k]! - 1] !== 10 || countLines(text.slice(0, bytes[k])) !== line
  )
  expect(wrong).toEqual([])
}

describe('checkpoints', () => {
  it('are record boundaries: each byte follows the line break that ends its line', async () => {
    const text = manifest(40_000)
    const { lines, bytes } = await checkpointsOf(text, { chunk: 100_000 })
    // About every 16 KiB (MARK_BYTES), in order: a line of this file is under 80 bytes.
    const gaps = bytes.slice(1).map((byte, k) => byte - bytes[k]!)
    expect(Math.min(...gaps)).toBeGreaterThan(0)
    expect(Math.max(bytes[0]!, ...gaps)).toBeLessThanOrEqual(16_384 + 80)
    expect(text.length - bytes[bytes.length - 1]!).toBeLessThanOrEqual(16_384 + 80)
    expectRecordBoundaries(text, { lines, bytes })
  })

  it("in a worker's part are the file's record boundaries, in the file's bytes and lines", async () => {
    const text = manifest(40_000)
    const from = text.indexOf('\n', text.length / 2) + 1
    const part = await checkpointsOf(text, { chunk: 100_000, from })
    expect(part.bytes[0]).toBe(from)
    expect(part.lines.length).toBeGreaterThan((text.length - from) / 17_000)
    expectRecordBoundaries(text, part)
  })

  it('stop after a quote or a non-ASCII byte, where a line break may not end a record', async () => {
    const plain = manifest(20_000)
    const half = plain.indexOf('\n', plain.length / 2) + 1
    for (const odd of ['training,"gs://b/v/q.mp4",a,0,1\n', 'training,gs://b/v/é.mp4,a,0,1\n']) {
      const text = plain.slice(0, half) + odd + plain.slice(half)
      const { bytes } = await checkpointsOf(text, { chunk: 100_000 })
      expect(bytes.length).toBeGreaterThan(0)
      expect(Math.max(...bytes)).toBeLessThanOrEqual(half + odd.length + 100_000)
      const all = await checkpointsOf(plain, { chunk: 100_000 })
      expect(all.bytes.length).toBeGreaterThan(bytes.length)
    }
  })
})

describe('stretchesOf', () => {
  const marks: Checkpoints = { lines: [100, 200, 300, 400], bytes: [1000, 2000, 3000, 4000] }
  it('starts at the file, reads from the checkpoint before each line to the one after', () => {
    expect(stretchesOf(Uint32Array.of(250), marks, 100_000)).toEqual([
      { start: 0, end: 1000, startLine: 0 },
      { start: 2000, end: 3000, startLine: 200 }
    ])
    // Line 200 ends at checkpoint 200, line 201 starts there: one stretch from checkpoint 100
    // to checkpoint 300, joined with the first, which ends where it starts.
    expect(stretchesOf(Uint32Array.of(200, 201), marks, 100_000)).toEqual([
      { start: 0, end: 3000, startLine: 0 }
    ])
    expect(stretchesOf(Uint32Array.of(201), marks, 100_000)).toEqual([
      { start: 0, end: 1000, startLine: 0 },
      { start: 2000, end: 3000, startLine: 200 }
    ])
    expect(stretchesOf(Uint32Array.of(50, 350), marks, 100_000)).toEqual([
      { start: 0, end: 1000, startLine: 0 },
      { start: 3000, end: 4000, startLine: 300 }
    ])
    // After the last checkpoint: to the end of the file.
    const tenths: Checkpoints = {
      lines: [100, 200, 300, 400, 500, 600, 700, 800, 900],
      bytes: [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]
    }
    expect(stretchesOf(Uint32Array.of(950), tenths, 10_000)).toEqual([
      { start: 0, end: 1000, startLine: 0 },
      { start: 9000, end: 10_000, startLine: 900 }
    ])
  })

  it('gives up when the stretches would cover most of the file', () => {
    expect(stretchesOf(Uint32Array.of(150, 250, 350, 450), marks, 5000)).toBeNull()
    expect(stretchesOf(Uint32Array.of(1), { lines: [], bytes: [] }, 5000)).toBeNull()
  })
})

/** A working tree that counts the bytes read whole and by range. */
class CountingSource extends WorkingTreeSource {
  whole = 0
  ranged = 0
  openings = 0
  constructor(
    root: string,
    private ranges: boolean
  ) {
    super(root)
    if (!ranges) this.openRanges = undefined as never
  }
  override async *openTransient(path: string): AsyncIterable<Buffer> {
    for await (const chunk of super.openTransient(path)) {
      this.whole += chunk.length
      yield chunk
    }
  }
  override openRanges(path: string): RangeReader {
    const ranges = super.openRanges(path)
    const count = (bytes: number) => (this.ranged += bytes)
    this.openings++
    return {
      async *range(start, end) {
        for await (const chunk of ranges.range(start, end)) {
          count(chunk.length)
          yield chunk
        }
      },
      close: () => ranges.close()
    }
  }
}

/** The gate on `text` (as data/rows.csv) with ranged reads and without: reports and bytes read. */
async function gateBothWays(text: string) {
  const root = temporary()
  mkdirSync(join(root, 'data'))
  writeFileSync(join(root, 'data', 'rows.csv'), text)
  const size = readFileSync(join(root, 'data', 'rows.csv')).length
  const gate = async (ranges: boolean) => {
    const source = new CountingSource(root, ranges)
    const report = await runGate({ source, config: defaultConfig(), paths: ['data'] })
    return { source, report }
  }
  return { size, stretched: await gate(true), whole: await gate(false) }
}

function duplicateLines(report: GateReport): (number | null)[] {
  return report.datasets[0]!.findings.filter(f => f.rule === 'duplicate-row').map(f => f.line)
}

describe('the second pass on a large file with a few duplicates', () => {
  it('reads only their stretches and confirms the same duplicates as a whole reading', async () => {
    const { size, stretched, whole } = await gateBothWays(manifest(120_000, [10, 60_000, 119_000]))
    expect(stretched.report).toEqual(whole.report)
    expect(duplicateLines(stretched.report)).toEqual([12, 60_003, 119_004])
    // The whole reading reads the file twice; the stretched one once, and a little more.
    expect(whole.source.whole).toBe(2 * size)
    expect(stretched.source.whole).toBe(size)
    expect(stretched.source.ranged).toBeGreaterThan(0)
    // Around each needed line, about 16 KiB either side (the checkpoints are that close).
    expect(stretched.source.ranged).toBeLessThan(size / 30)
    expect(stretched.source.openings).toBe(1) // every stretch through one opening of the file
  })

  it('reads the file whole when its first record lies past the first stretch', async () => {
    // 100,000 blank lines first: the first record is past the first checkpoint.
    const text = '\n'.repeat(100_000) + manifest(60_000, [59_000])
    const { size, stretched, whole } = await gateBothWays(text)
    expect(stretched.report).toEqual(whole.report)
    expect(duplicateLines(stretched.report)).toEqual([159_002])
    expect(stretched.source.whole).toBe(2 * size)
  })

  it('numbers lines as a whole reading does across CRLF and lone CR line ends', async () => {
    // CRLF throughout, and every 5,000th line ended by a lone CR (old Mac style): the reader
    // counts those as lines of their own, and a stretch starting at a checkpoint must too.
    const lines = manifest(120_000, [30_000, 90_000]).split('\n')
    const text = lines.map((line, k) => (k % 5000 === 4999 ? `${line}\r` : `${line}\r\n`))
    const { size, stretched, whole } = await gateBothWays(text.join(''))
    expect(stretched.report).toEqual(whole.report)
    expect(duplicateLines(stretched.report)).toEqual([30_002, 90_003])
    expect(stretched.source.ranged).toBeGreaterThan(0)
    expect(stretched.source.ranged).toBeLessThan(size / 10)
  })
})
