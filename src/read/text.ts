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
import { isAscii } from 'node:buffer'
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
  /**
   * Optional: false for a line the visitor does not need, which is then skipped without being
   * split or reported (not even as blank). Asked in line order, and only on the fast path: lines
   * read by csv-parse or holding a lone CR are always reported.
   */
  wants?(line: number): boolean
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
  let decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  let carry = ''
  let linesDone = 0
  let bytes = 0
  let first = true
  let slow = null as SlowPath | null // (assigned in toSlowPath too)
  /** True while every chunk so far was pure ASCII, so the decoder holds no partial character. */
  let asciiSoFar = true
  /** A `"` was seen (csv mode): from then on, lines the fast path cannot read exactly go to csv-parse. */
  let quotesSeen = false

  const emitLine = (text: string): void => {
    linesDone++
    if (text.length === 0) visitor.blank(linesDone)
    else visitor.record(options.mode === 'csv' ? text.split(',') : [text], linesDone)
  }

  /**
   * Emits every complete line of `data` in [0, end); `end` is just past a '\n'. Returns a stop, or
   * the offset of the first line that only csv-parse can read exactly (a quoted field that spans
   * lines or is followed by text, a quote inside an unquoted field, and, once a quote was seen, a
   * line near the length limit or with a lone CR), or -1 when all lines were emitted. Simple quoted fields, such as
   * `"gs://b/a,b.mp4"` or `"say ""hi"" twice"`, are read here.
   */
  const emitLines = (data: string, end: number): TextStop | number => {
    let start = 0
    const csv = options.mode === 'csv'
    const skipping = visitor.wants !== undefined
    let cr = data.indexOf('\r') // the first CR at or after `start` once updated, or -1
    let quote = csv ? data.indexOf('"') : -1 // the same for quotes
    while (start < end) {
      const newline = data.indexOf('\n', start)
      let lineEnd = newline
      if (lineEnd > start && data.charCodeAt(lineEnd - 1) === 13) lineEnd--
      if (cr !== -1 && cr < start) cr = data.indexOf('\r', start)
      if (quote !== -1 && quote < start) quote = data.indexOf('"', start)
      const hasQuote = quote !== -1 && quote < lineEnd
      const plain = cr === -1 || cr >= lineEnd // no old-Mac line end inside
      if (hasQuote || quotesSeen) {
        quotesSeen = true
        // csv-parse measures lines in bytes (up to 3 per character here): it decides near the limit.
        if ((lineEnd - start) * 3 > options.maxLineBytes || !plain) return start
        if (hasQuote) {
          const fields = quotedFields(data, start, lineEnd)
          if (fields === null) return start
          linesDone++
          if (!skipping || visitor.wants!(linesDone)) visitor.record(fields, linesDone)
          start = newline + 1
          continue
        }
      }
      if (lineEnd - start > options.maxLineBytes)
        return longLine(linesDone + 1, options.maxLineBytes)
      if (plain) {
        // The usual line: fields are cut from `data` directly, without making the line first.
        linesDone++
        if (skipping && !visitor.wants!(linesDone)) {
          // not needed: neither split nor reported
        } else if (lineEnd === start) visitor.blank(linesDone)
        else
          visitor.record(
            csv ? splitFields(data, start, lineEnd) : [data.slice(start, lineEnd)],
            linesDone
          )
      } else {
        const text = data.slice(start, lineEnd)
        for (const part of text.split('\r')) emitLine(part) // old Mac line ends mixed in
      }
      start = newline + 1
    }
    return -1
  }

  /** Hands the rest of the file, from `text`, to csv-parse. */
  const toSlowPath = async (text: string): Promise<TextStop | null> => {
    carry = ''
    slow = new SlowPath(visitor, linesDone + 1, options.maxLineBytes)
    return slow.feed(text)
  }

  const stopAt = (stop: TextStop): ReadResult => {
    slow?.abandon()
    return { stop, lines: Math.max(linesDone, stop.line), bytes }
  }

  for await (const chunk of asciiPieces(chunks)) {
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
        line: lineAt(chunk, nul, slow ? slow.linesFed() : linesDone + countNewlines(carry)),
        message:
          'the file contains NUL bytes: it is binary or UTF-16, not a UTF-8 CSV. Export it as UTF-8 text.'
      })
    }
    let text: string
    try {
      // ASCII chunks (the usual manifest) skip the UTF-8 decoder: latin1 gives the same text much
      // faster. From the first other chunk on, the decoder handles everything (BOM, split characters).
      if (asciiSoFar && isAscii(chunk)) text = chunk.toString('latin1')
      else {
        // The decoder drops a BOM at the start of what it is given; past the file's first chunk
        // (read as ASCII, so without a BOM) a U+FEFF is data and must be kept.
        if (asciiSoFar && bytes > chunk.length)
          decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
        asciiSoFar = false
        text = decoder.decode(chunk, { stream: true })
      }
    } catch {
      const at = firstInvalidUtf8(chunk)
      return stopAt({
        kind: 'syntax',
        line: lineAt(chunk, at, slow ? slow.linesFed() : linesDone + countNewlines(carry)),
        message: 'the file is not valid UTF-8 (an invalid byte sequence). Re-save it as UTF-8.'
      })
    }
    if (slow) {
      const stop = await slow.feed(text)
      if (stop) return stopAt(stop)
      continue
    }
    const data = carry.length === 0 ? text : carry + text
    const lastNewline = data.lastIndexOf('\n')
    if (lastNewline === -1) {
      carry = data
    } else {
      const result = emitLines(data, lastNewline + 1)
      if (typeof result !== 'number') return stopAt(result)
      if (result !== -1) {
        const stop = await toSlowPath(data.slice(result))
        if (stop) return stopAt(stop)
        continue
      }
      carry = data.slice(lastNewline + 1)
    }
    if (carry.length > options.maxLineBytes) {
      // csv-parse reports an over-long line of a file with quotes, as it reads its other lines.
      if (options.mode === 'csv' && (quotesSeen || carry.includes('"'))) {
        const stop = await toSlowPath(carry)
        if (stop) return stopAt(stop)
        continue
      }
      return stopAt(longLine(linesDone + 1, options.maxLineBytes))
    }
  }

  try {
    const rest = decoder.decode()
    if (slow) {
      const stop = (await slow.feed(rest)) ?? (await slow.finish())
      if (stop) return stopAt(stop)
      return { stop: null, lines: slow.linesSeen(), bytes }
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
    const result = emitLines(carry + '\n', carry.length + 1)
    if (typeof result !== 'number') return stopAt(result)
    if (result !== -1) {
      const stop = (await toSlowPath(carry.slice(result))) ?? (await slow!.finish())
      if (stop) return stopAt(stop)
      return { stop: null, lines: slow!.linesSeen(), bytes }
    }
  }
  return { stop: null, lines: linesDone, bytes }
}

/**
 * `data.slice(start, end).split(',')`, without making the line string first. Up to five fields
 * (every AutoML and Vertex row) the array is built at its final size.
 */
function splitFields(data: string, start: number, end: number): string[] {
  const a = data.indexOf(',', start)
  if (a === -1 || a >= end) return [data.slice(start, end)]
  const b = data.indexOf(',', a + 1)
  if (b === -1 || b >= end) return [data.slice(start, a), data.slice(a + 1, end)]
  const c = data.indexOf(',', b + 1)
  if (c === -1 || c >= end)
    return [data.slice(start, a), data.slice(a + 1, b), data.slice(b + 1, end)]
  const d = data.indexOf(',', c + 1)
  if (d === -1 || d >= end)
    return [
      data.slice(start, a),
      data.slice(a + 1, b),
      data.slice(b + 1, c),
      data.slice(c + 1, end)
    ]
  const e = data.indexOf(',', d + 1)
  const last = e === -1 || e >= end ? end : e
  const fields = [
    data.slice(start, a),
    data.slice(a + 1, b),
    data.slice(b + 1, c),
    data.slice(c + 1, d),
    data.slice(d + 1, last)
  ]
  if (last === end) return fields
  let from = last + 1
  for (let comma = data.indexOf(',', from); comma !== -1 && comma < end;) {
    fields.push(data.slice(from, comma))
    from = comma + 1
    comma = data.indexOf(',', from)
  }
  fields.push(data.slice(from, end))
  return fields
}

/**
 * The fields of a line with quotes when csv-parse would read it the same way without a doubt:
 * every quoted field closes on this line and is followed by a comma or the line's end, and no
 * unquoted field holds a quote. Otherwise null (the caller hands the line to csv-parse).
 */
function quotedFields(data: string, start: number, end: number): string[] | null {
  const fields: string[] = []
  let at = start
  let quote = data.indexOf('"', start) // the first quote at or after `at` once updated, or -1
  for (;;) {
    if (quote !== -1 && quote < at) quote = data.indexOf('"', at)
    if (quote === at && at < end) {
      let value = ''
      let from = at + 1
      for (;;) {
        const close = data.indexOf('"', from)
        if (close === -1 || close >= end) return null // the field goes on past this line
        value = value.length === 0 ? data.slice(from, close) : value + data.slice(from, close)
        if (close + 1 < end && data.charCodeAt(close + 1) === 34) {
          value += '"' // a doubled quote
          from = close + 2
          continue
        }
        at = close + 1
        break
      }
      fields.push(value)
      if (at === end) return fields
      if (data.charCodeAt(at) !== 44) return null // text after the closing quote
      at++
    } else {
      const comma = data.indexOf(',', at)
      const fieldEnd = comma === -1 || comma >= end ? end : comma
      if (quote !== -1 && quote < fieldEnd) return null // a quote inside an unquoted field
      fields.push(data.slice(at, fieldEnd))
      if (fieldEnd === end) return fields
      at = fieldEnd + 1
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

  private fedNewlines = 0
  private endsInLine = false

  constructor(
    private visitor: RecordVisitor,
    private firstLine: number,
    maxLineBytes: number
  ) {
    this.line = firstLine
    this.parser = parse({
      raw: true,
      relax_column_count: true,
      // A stray quote inside an unquoted field (`37"N`) is kept as text, as the fast path and most
      // CSV tools do, instead of abandoning the rest of the file; unclosed quotes still stop it.
      relax_quotes: true,
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

  /**
   * Lines ended by the text fed so far. Counted from the text, not from parsed records: the
   * parser emits records asynchronously, so its count can lag behind what was fed.
   */
  linesFed(): number {
    return this.firstLine - 1 + this.fedNewlines
  }

  /** Lines seen, counting a last line without a line break. */
  linesSeen(): number {
    return this.linesFed() + (this.endsInLine ? 1 : 0)
  }

  async feed(text: string): Promise<TextStop | null> {
    if (this.stop) return this.stop
    if (text.length > 0) {
      this.fedNewlines += countNewlines(text)
      this.endsInLine = !text.endsWith('\n')
    }
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
