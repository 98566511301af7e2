/**
 * Streams a file's bytes into records without ever holding more than one chunk and one partial
 * line in memory. Two paths:
 *
 * - The fast path (text-fast-path.ts) splits lines and commas by hand. It is exact for CSV as long
 *   as no `"` has been seen, which is the common case for AutoML and Vertex manifests.
 * - From the first line it cannot read exactly, the rest of the file goes through csv-parse
 *   (text-slow-path.ts), which handles quoted fields, escaped quotes and line breaks inside quotes.
 *
 * Byte-level problems (NUL bytes, invalid UTF-8, UTF-16, a Git LFS pointer, an over-long line)
 * stop the file with a `TextStop` that names the line, so the other files are still read.
 */
import { isAscii, isUtf8 } from 'node:buffer'
import { FastPath, LF, MARK_BYTES, countNewlines, type LineMarks } from './text-fast-path.js'
import { SlowPath } from './text-slow-path.js'
import type { RecordVisitor, TextStop } from './records.js'

export interface ReadOptions {
  /** `csv`: fields split by commas (with quoting); `lines`: each line is one field (JSON Lines). */
  mode: 'csv' | 'lines'
  maxLineBytes: number
  onChunk?: (bytesRead: number) => void
  /**
   * The chunks start mid-file, right after line `startLine` (a worker's part of a file): lines are
   * numbered from there, the checks of a file's first bytes are skipped and a U+FEFF is data.
   */
  startLine?: number
  /** Where the file may be split between this reader and a worker (see `SplitPoint`). */
  split?: SplitPoint
  /**
   * Filled with places a later reading may start at (see `Checkpoints`); `byteOffset` is where
   * the chunks start in the file (a worker's part), so the bytes recorded are the file's.
   */
  checkpoints?: Checkpoints
  byteOffset?: number
}

/**
 * Record boundaries: after line `lines[k]` ends, the next record starts at byte `bytes[k]` of the
 * file. Recorded at the start of each chunk piece (64 KiB) and about every 16 KiB inside it
 * (`LineMarks`) while the file has been pure ASCII with no `"` so far, where every line break ends
 * a record and a character is a byte; the second pass starts there to read a few lines without
 * scanning the whole file (gate/second-pass.ts).
 */
export interface Checkpoints {
  lines: number[]
  bytes: number[]
}

/**
 * A byte offset just after a line break where the file may be split. Once the reader has read up
 * to it, it asks `decide` whether to stop there: with the line count and whether a `"` was seen
 * when everything so far was read as whole lines (every line break ended a record), else with
 * null. On true the reader ends there (`handedOff`); on false it reads on as if never asked.
 */
export interface SplitPoint {
  byte: number
  decide: (boundary: { lines: number; quotesSeen: boolean } | null) => Promise<boolean>
}

export interface ReadResult {
  stop: TextStop | null
  /** Lines seen, counting the last one even without a trailing newline. */
  lines: number
  bytes: number
  /** The reader stopped at the split point: the rest of the file is someone else's. */
  handedOff?: boolean
  /** See FastPath.quoteStateMattered. */
  quoteStateMattered?: boolean
}

const LFS_POINTER = 'version https://git-lfs.github.com/spec/'

export async function readRecords(
  chunks: AsyncIterable<Buffer>,
  visitor: RecordVisitor,
  options: ReadOptions
): Promise<ReadResult> {
  return new RecordReader(visitor, options).read(chunks)
}

/** One file's read: the chunks decoded, then read by the fast path or, from a point, csv-parse. */
class RecordReader {
  private fast: FastPath
  private slow: SlowPath | null = null
  private text: ChunkText
  private bytes = 0
  private split: SplitPoint | null
  /** The checkpoints noted inside pieces, when checkpoints are asked for. */
  private marks: LineMarks | null

  constructor(
    private visitor: RecordVisitor,
    private options: ReadOptions
  ) {
    this.fast = new FastPath(visitor, options.maxLineBytes, options.mode)
    this.fast.lines = options.startLine ?? 0
    this.text = new ChunkText(options.startLine !== undefined)
    this.split = options.split ?? null
    const checkpoints = options.checkpoints
    this.marks = checkpoints ? { ...checkpoints, base: 0, nextByte: MARK_BYTES } : null
  }

  async read(chunks: AsyncIterable<Buffer>): Promise<ReadResult> {
    let first = this.options.startLine === undefined
    for await (const chunk of asciiPieces(chunks)) {
      for (let rest = chunk; rest.length > 0;) {
        // A chunk that crosses the split point is read in two pieces, to ask there; only a clean
        // one (whole UTF-8 characters, no NUL), whose lines are read the same whole or cut: a byte
        // problem drops the lines of the piece it is in, so cutting would read lines one reading
        // does not.
        const room = this.split ? this.split.byte - this.bytes : Infinity
        const cut = rest.length > room && room > 0 && rest.indexOf(0) === -1 && isUtf8(rest)
        const piece = cut ? rest.subarray(0, room) : rest
        rest = rest.subarray(piece.length)
        this.bytes += piece.length
        this.options.onChunk?.(this.bytes)
        if (this.options.checkpoints && !first) this.checkpoint(this.bytes - piece.length)
        const problem = first ? sniffStart(piece) : null
        first = false
        const stop = problem ?? (await this.chunk(piece))
        if (stop) return this.stopAt(stop)
        if (this.split && this.bytes >= this.split.byte && (await this.handOff(this.split)))
          return { stop: null, lines: this.fast.lines, bytes: this.bytes, handedOff: true }
      }
    }
    return this.end()
  }

  /** The record boundary before the piece that starts at `pieceStart`, when it is known. */
  private checkpoint(pieceStart: number): void {
    if (this.slow !== null || this.fast.quotesSeen || !this.text.ascii) return
    const { lines, bytes } = this.options.checkpoints!
    const byte = this.carryStart(pieceStart)
    lines.push(this.fast.lines)
    bytes.push(byte)
    this.marks!.nextByte = byte + MARK_BYTES
  }

  /** The marks for the fast path's reading of `piece`: while every character is a byte. */
  private marksFor(piece: Buffer): LineMarks | null {
    const marks = this.marks
    if (marks === null || !this.text.ascii || this.fast.quotesSeen) return null
    marks.base = this.carryStart(this.bytes - piece.length)
    return marks
  }

  /** The file byte where the fast path's text for the piece at `pieceStart` begins (its carry). */
  private carryStart(pieceStart: number): number {
    return (this.options.byteOffset ?? 0) + pieceStart - this.fast.carry.length
  }

  /** At the split point: whether to stop here (asked once). */
  private async handOff(split: SplitPoint): Promise<boolean> {
    this.split = null
    const whole = this.bytes === split.byte && this.slow === null && this.fast.carry.length === 0
    return split.decide(whole ? { lines: this.fast.lines, quotesSeen: this.fast.quotesSeen } : null)
  }

  private async chunk(chunk: Buffer): Promise<TextStop | null> {
    const nul = chunk.indexOf(0)
    if (nul !== -1) {
      return {
        kind: 'syntax',
        line: lineAt(chunk, nul, this.linesBefore()),
        message:
          'the file contains NUL bytes: it is binary or UTF-16, not a UTF-8 CSV. Export it as UTF-8 text.'
      }
    }
    const text = this.text.decode(chunk, this.bytes)
    if (text === null) {
      return {
        kind: 'syntax',
        line: lineAt(chunk, firstInvalidUtf8(chunk), this.linesBefore()),
        message: 'the file is not valid UTF-8 (an invalid byte sequence). Re-save it as UTF-8.'
      }
    }
    if (this.slow) return this.slow.feed(text)
    this.fast.marks = this.marksFor(chunk)
    return this.take(this.fast.feed(text))
  }

  /** What the fast path gave back: a stop, text for the slow path, or nothing. */
  private async take(result: TextStop | string | null): Promise<TextStop | null> {
    if (result === null || typeof result !== 'string') return result
    this.slow = new SlowPath(this.visitor, this.fast.lines + 1, this.options.maxLineBytes)
    return this.slow.feed(result)
  }

  /** Lines ended before the current chunk. */
  private linesBefore(): number {
    return this.slow ? this.slow.linesFed() : this.fast.lines + countNewlines(this.fast.carry)
  }

  private async end(): Promise<ReadResult> {
    this.fast.marks = null // the last line is read from text the marks' base does not describe
    const rest = this.text.end()
    if (rest === null) {
      return this.stopAt({
        kind: 'syntax',
        line: this.fast.lines + 1 + countNewlines(this.fast.carry),
        message: 'the file ends in the middle of a UTF-8 character. Re-save it as UTF-8.'
      })
    }
    if (!this.slow) {
      const stop = await this.take(this.fast.finish(rest))
      if (stop) return this.stopAt(stop)
      if (!this.slow) return this.result(null, this.fast.lines)
    } else {
      const stop = await this.slow.feed(rest)
      if (stop) return this.stopAt(stop)
    }
    const stop = await this.slow.finish()
    if (stop) return this.stopAt(stop)
    return this.result(null, this.slow.linesSeen())
  }

  private stopAt(stop: TextStop): ReadResult {
    this.slow?.abandon()
    return this.result(stop, Math.max(this.fast.lines, stop.line))
  }

  private result(stop: TextStop | null, lines: number): ReadResult {
    const result: ReadResult = { stop, lines, bytes: this.bytes }
    if (this.fast.quoteStateMattered) result.quoteStateMattered = true
    return result
  }
}

/**
 * Chunks as text. ASCII chunks (the usual manifest) skip the UTF-8 decoder: latin1 gives the same
 * text much faster. From the first other chunk on, the decoder handles everything (BOM, characters
 * split across chunks).
 */
class ChunkText {
  private decoder: InstanceType<typeof TextDecoder>
  /** True while every chunk so far was pure ASCII, so the decoder holds no partial character. */
  private asciiSoFar = true

  /** Every chunk so far was pure ASCII: a character of the text is a byte of the file. */
  get ascii(): boolean {
    return this.asciiSoFar
  }

  /** `midFile`: the text starts inside a file, where a U+FEFF is data, not a BOM. */
  constructor(private midFile: boolean) {
    this.decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: midFile })
  }

  /** The chunk's text, or null when it is not valid UTF-8. `bytes` counts this chunk too. */
  decode(chunk: Buffer, bytes: number): string | null {
    try {
      if (this.asciiSoFar && isAscii(chunk)) return chunk.toString('latin1')
      // The decoder drops a BOM at the start of what it is given; past the file's first chunk
      // (read as ASCII, so without a BOM) a U+FEFF is data and must be kept.
      if (this.asciiSoFar && (bytes > chunk.length || this.midFile))
        this.decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
      this.asciiSoFar = false
      return this.decoder.decode(chunk, { stream: true })
    } catch {
      return null
    }
  }

  /** What the decoder still holds, or null when the file ends inside a character. */
  end(): string | null {
    try {
      return this.decoder.decode()
    } catch {
      return null
    }
  }
}

const PIECE = 1 << 16

/**
 * ASCII chunks cut into pieces of 64 KiB, so the strings made from them stay below V8's
 * large-object size: they die young instead of being promoted with every chunk and piling up (tens
 * of megabytes, more for larger datasets) until a full collection. Only while every chunk so far
 * was ASCII (the decoder holds nothing) and for chunks without NUL bytes (those stop the file
 * before any of their lines is read); other chunks pass whole.
 */
async function* asciiPieces(chunks: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let ascii = true
  for await (const chunk of chunks) {
    ascii = ascii && isAscii(chunk)
    if (!ascii || chunk.length <= PIECE || chunk.indexOf(0) !== -1) yield chunk
    else for (let at = 0; at < chunk.length; at += PIECE) yield chunk.subarray(at, at + PIECE)
  }
}

function sniffStart(chunk: Buffer): TextStop | null {
  if (
    chunk.length >= 2 &&
    ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
  ) {
    return { kind: 'syntax', line: 1, message: 'the file is UTF-16 encoded. Save it as UTF-8.' }
  }
  const head = chunk.subarray(0, 64).toString('latin1')
  if (head.startsWith(LFS_POINTER)) {
    return {
      kind: 'syntax',
      line: 1,
      message:
        'the file is a Git LFS pointer, not the data. Fetch the LFS objects (git lfs pull, or `lfs: true` in actions/checkout).'
    }
  }
  return null
}

/** 1-based line of byte `offset` in `chunk`, given how many lines ended before the chunk. */
function lineAt(chunk: Buffer, offset: number, linesBefore: number): number {
  let count = 0
  for (let i = chunk.indexOf(LF); i !== -1 && i < offset; i = chunk.indexOf(LF, i + 1)) count++
  return linesBefore + count + 1
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    let need: number
    if (b < 0x80) need = 0
    else if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) need = 2
    else if (b >= 0xf0 && b <= 0xf4) need = 3
    else return i
    if (i + need >= bytes.length && need > 0)
      return i + need >= bytes.length ? Math.min(i, bytes.length - 1) : i
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    i += need + 1
  }
  return Math.max(0, bytes.length - 1)
}
