/**
 * Streams a file's bytes into records without ever holding more than one chunk and one partial
 * line in memory. Two paths:
 *
 * - The fast path splits lines and commas by hand. It is exact for CSV as long as no `"` has been
 *   seen, which is the common case for AutoML and Vertex manifests (no quoting needed).
 * - From the first line that contains a `"`, the rest of the file goes through csv-parse, which
 *   handles quoted fields, escaped quotes and line breaks inside quotes.
 *
 * Byte-level problems (NUL bytes, invalid UTF-8, UTF-16, a Git LFS pointer, an over-long line)
 * stop the file with a `TextStop` that names the line, so the other files are still read.
 */
import { parse, type Parser } from 'csv-parse'

export interface TextStop {
  kind: 'syntax' | 'limit'
  line: number
  message: string
}

export interface RecordVisitor {
  /** A data line split into fields. `line` is the 1-based line the record starts on. */
  record(fields: string[], line: number): void
  blank(line: number): void
}

export interface ReadOptions {
  /** `csv`: fields split by commas (with quoting); `lines`: each line is one field (JSON Lines). */
  mode: 'csv' | 'lines'
  maxLineBytes: number
  onChunk?: (bytesRead: number) => void
}

export interface ReadResult {
  stop: TextStop | null
  /** Lines seen, counting the last one even without a trailing newline. */
  lines: number
  bytes: number
}

const LFS_POINTER = 'version https://git-lfs.github.com/spec/'

export async function readRecords(
  chunks: AsyncIterable<Buffer>,
  visitor: RecordVisitor,
  options: ReadOptions
): Promise<ReadResult> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  let carry = ''
  let linesDone = 0
  let bytes = 0
  let first = true
  let slow: SlowPath | null = null

  const emitLine = (text: string): void => {
    linesDone++
    if (text.length === 0) visitor.blank(linesDone)
    else visitor.record(options.mode === 'csv' ? text.split(',') : [text], linesDone)
  }

  /** Emits every complete line of `data` in [0, end); `end` is just past a '\n'. */
  const emitLines = (data: string, end: number): TextStop | null => {
    let start = 0
    while (start < end) {
      const newline = data.indexOf('\n', start)
      let lineEnd = newline
      if (lineEnd > start && data.charCodeAt(lineEnd - 1) === 13) lineEnd--
      if (lineEnd - start > options.maxLineBytes)
        return longLine(linesDone + 1, options.maxLineBytes)
      const text = data.slice(start, lineEnd)
      if (text.indexOf('\r') === -1) emitLine(text)
      else for (const part of text.split('\r')) emitLine(part) // old Mac line ends mixed in
      start = newline + 1
    }
    return null
  }

  const stopAt = (stop: TextStop): ReadResult => {
    slow?.abandon()
    return { stop, lines: Math.max(linesDone, stop.line), bytes }
  }

  for await (const chunk of chunks) {
    bytes += chunk.length
    options.onChunk?.(bytes)
    if (first) {
      first = false
      const problem = sniffStart(chunk)
      if (problem) return stopAt(problem)
    }
    const nul = chunk.indexOf(0)
    if (nul !== -1) {
      return stopAt({
        kind: 'syntax',
        line: lineAt(chunk, nul, slow ? slow.nextLine() : linesDone + countNewlines(carry)),
        message:
          'the file contains NUL bytes: it is binary or UTF-16, not a UTF-8 CSV. Export it as UTF-8 text.'
      })
    }
    let text: string
    try {
      text = decoder.decode(chunk, { stream: true })
    } catch {
      const at = firstInvalidUtf8(chunk)
      return stopAt({
        kind: 'syntax',
        line: lineAt(chunk, at, slow ? slow.nextLine() : linesDone + countNewlines(carry)),
        message: 'the file is not valid UTF-8 (an invalid byte sequence). Re-save it as UTF-8.'
      })
    }
    if (slow) {
      const stop = await slow.feed(text)
      if (stop) return stopAt(stop)
      continue
    }
    const data = carry.length === 0 ? text : carry + text
    if (options.mode === 'csv') {
      const quote = data.indexOf('"')
      if (quote !== -1) {
        const lineStart = data.lastIndexOf('\n', quote) + 1
        const stop = emitLines(data, lineStart)
        if (stop) return stopAt(stop)
        carry = ''
        slow = new SlowPath(visitor, linesDone + 1, options.maxLineBytes)
        const slowStop = await slow.feed(data.slice(lineStart))
        if (slowStop) return stopAt(slowStop)
        continue
      }
    }
    const lastNewline = data.lastIndexOf('\n')
    if (lastNewline === -1) {
      carry = data
    } else {
      const stop = emitLines(data, lastNewline + 1)
      if (stop) return stopAt(stop)
      carry = data.slice(lastNewline + 1)
    }
    if (carry.length > options.maxLineBytes)
      return stopAt(longLine(linesDone + 1, options.maxLineBytes))
  }

  try {
    const rest = decoder.decode()
    if (slow) {
      const stop = (await slow.feed(rest)) ?? (await slow.finish())
      if (stop) return stopAt(stop)
      return { stop: null, lines: slow.nextLine() - 1, bytes }
    }
    carry += rest
  } catch {
    return stopAt({
      kind: 'syntax',
      line: linesDone + 1 + countNewlines(carry),
      message: 'the file ends in the middle of a UTF-8 character. Re-save it as UTF-8.'
    })
  }
  if (carry.length > 0) {
    const stop = emitLines(carry + '\n', carry.length + 1)
    if (stop) return stopAt(stop)
  }
  return { stop: null, lines: linesDone, bytes }
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

function longLine(line: number, max: number): TextStop {
  return {
    kind: 'limit',
    line,
    message: `line ${line} is longer than ${max} bytes (resource-limit max-line-bytes); the rest of the file was not read. Check the line endings or raise the limit.`
  }
}

function countNewlines(text: string): number {
  let count = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++
  return count
}

/** 1-based line of byte `offset` in `chunk`, given how many lines ended before the chunk. */
function lineAt(chunk: Buffer, offset: number, linesBefore: number): number {
  let count = 0
  for (let i = chunk.indexOf(10); i !== -1 && i < offset; i = chunk.indexOf(10, i + 1)) count++
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

/** csv-parse for the part of a file from its first quote on. Line numbers are counted here. */
class SlowPath {
  private parser: Parser
  private line: number
  private stop: TextStop | null = null
  private done: Promise<void>

  constructor(
    private visitor: RecordVisitor,
    firstLine: number,
    maxLineBytes: number
  ) {
    this.line = firstLine
    this.parser = parse({
      raw: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: maxLineBytes,
      bom: false
    })
    this.parser.on('data', ({ record, raw }: { record: string[]; raw: string }) => {
      const start = this.line
      this.line += countLineBreaks(raw)
      if (record.length === 1 && record[0] === '' && raw.trim() === '') this.visitor.blank(start)
      else this.visitor.record(record, start)
    })
    this.done = new Promise(resolve => {
      this.parser.on('error', (error: Error & { code?: string }) => {
        this.stop = {
          kind: error.code === 'CSV_MAX_RECORD_SIZE' ? 'limit' : 'syntax',
          line: this.line,
          message: explainCsvError(error, maxLineBytes)
        }
        resolve()
      })
      this.parser.on('end', () => resolve())
    })
  }

  nextLine(): number {
    return this.line - 1
  }

  async feed(text: string): Promise<TextStop | null> {
    if (this.stop) return this.stop
    if (text.length > 0 && !this.parser.write(text)) {
      await new Promise<void>(resolve => {
        const settle = () => resolve()
        this.parser.once('drain', settle)
        this.parser.once('error', settle)
      })
    }
    return this.stop
  }

  async finish(): Promise<TextStop | null> {
    if (!this.stop) this.parser.end()
    await this.done
    return this.stop
  }

  abandon(): void {
    this.parser.removeAllListeners('data')
    this.parser.on('error', () => {})
    this.parser.destroy()
  }
}

function countLineBreaks(raw: string): number {
  let count = 0
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c === 10) count++
    else if (c === 13) {
      count++
      if (raw.charCodeAt(i + 1) === 10) i++
    }
  }
  return count
}

function explainCsvError(error: Error & { code?: string }, maxLineBytes: number): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field starting on this line is never closed (unterminated quote); the rest of the file was not read. Close the quote or remove it.'
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside an unquoted field. Quote the whole field and double the inner quote ("a ""b"" c").'
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by other characters instead of a comma or line end. Double quotes inside quoted fields ("").'
    case 'CSV_MAX_RECORD_SIZE':
      return `a record is longer than ${maxLineBytes} bytes (resource-limit max-line-bytes); the rest of the file was not read.`
    default:
      return `the CSV cannot be parsed (${error.message.split('\n')[0]}).`
  }
}
