/**
 * The fast path of `readRecords` (text.ts): splits lines and commas by hand, which is exact for
 * CSV as long as no `"` has been seen, the common case for AutoML and Vertex manifests (no quoting
 * needed). Simple quoted fields are read here too; a line only csv-parse can read exactly hands
 * the rest of the file to the slow path (text-slow-path.ts).
 */
import type { RecordVisitor, TextStop } from './records.js'

export const LF = 10
export const CR = 13
export const QUOTE = 34
export const COMMA = 44

/** Line starts noted as the fast path reads: `checkpoints` gets one every MARK_BYTES or so. */
export interface LineMarks {
  lines: number[]
  bytes: number[]
  /** The file byte at which the text being read starts (characters are bytes: ASCII). */
  base: number
  /** The next line start at or past this file byte is noted. */
  nextByte: number
}

/**
 * Bytes between two noted line starts: the second pass reads about twice this around each line
 * it needs (gate/second-pass.ts), and a mark costs 16 bytes or more (0.4 MB for a 400 MB file;
 * at 8 KiB the benchmark's 6.4 M-row peak grew by a measurable 2 MB).
 */
export const MARK_BYTES = 1 << 14

export class FastPath {
  /** Lines emitted so far. */
  lines = 0
  /** The text after the last complete line, waiting for the rest of its line. */
  carry = ''
  /** A `"` was seen (csv mode): from then on, lines the fast path cannot read exactly go to csv-parse. */
  quotesSeen = false
  /**
   * A line was read differently than it would have been had a `"` been seen before it (a lone CR,
   * a line near the length limit). A reading that starts mid-file (a worker's part) is the same as
   * the reading from the start only when this stayed false or no `"` was seen before the part.
   */
  quoteStateMattered = false
  /** While set, line starts are noted in it (the reader sets it for ASCII text; see LineMarks). */
  marks: LineMarks | null = null
  private csv: boolean
  private skipping: boolean
  /** The visitor says which line it wants next: unwanted lines are passed over in a run. */
  private skipsAhead: boolean

  constructor(
    private visitor: RecordVisitor,
    private maxLineBytes: number,
    mode: 'csv' | 'lines'
  ) {
    this.csv = mode === 'csv'
    this.skipping = visitor.wants !== undefined
    this.skipsAhead = this.skipping && visitor.nextWanted !== undefined
  }

  /**
   * Reads the complete lines of `carry + text` and keeps the rest. Returns a stop, the text from
   * the first line csv-parse must read (to be handed to the slow path with the rest of the file),
   * or null.
   */
  feed(text: string): TextStop | string | null {
    const data = this.carry.length === 0 ? text : this.carry + text
    const lastNewline = data.lastIndexOf('\n')
    if (lastNewline === -1) {
      this.carry = data
    } else {
      const result = this.emitLines(data, lastNewline + 1)
      if (typeof result !== 'number') return result
      if (result !== -1) return this.handOver(data.slice(result))
      this.carry = data.slice(lastNewline + 1)
    }
    if (this.carry.length > this.maxLineBytes) {
      // csv-parse reports an over-long line of a file with quotes, as it reads its other lines.
      if (this.csv && (this.quotesSeen || this.carry.includes('"')))
        return this.handOver(this.carry)
      if (this.csv) this.quoteStateMattered = true
      return longLine(this.lines + 1, this.maxLineBytes)
    }
    return null
  }

  /** Reads the last line (without a line break), as `feed` does. */
  finish(rest: string): TextStop | string | null {
    const carry = this.carry + rest
    this.carry = carry
    if (carry.length === 0) return null
    const result = this.emitLines(carry + '\n', carry.length + 1)
    if (typeof result !== 'number') return result
    return result === -1 ? null : this.handOver(carry.slice(result))
  }

  private handOver(text: string): string {
    this.carry = ''
    return text
  }

  /**
   * Emits every complete line of `data` in [0, end); `end` is just past a '\n'. Returns a stop, or
   * the offset of the first line that only csv-parse can read exactly (a quoted field that spans
   * lines or is followed by text, a quote inside an unquoted field, and, once a quote was seen, a
   * line near the length limit or with a lone CR), or -1 when all lines were emitted. Simple
   * quoted fields, such as `"gs://b/a,b.mp4"` or `"say ""hi"" twice"`, are read here.
   */
  private emitLines(data: string, end: number): TextStop | number {
    const { visitor, csv, skipping, maxLineBytes } = this
    let start = 0
    let cr = data.indexOf('\r') // the first CR at or after `start` once updated, or -1
    let quote = csv ? data.indexOf('"') : -1 // the same for quotes
    while (start < end) {
      if (cr !== -1 && cr < start) cr = data.indexOf('\r', start)
      if (quote !== -1 && quote < start) quote = data.indexOf('"', start)
      const marks = this.marks
      if (marks !== null && marks.base + start >= marks.nextByte) this.mark(marks, start)
      else if (this.skipsAhead && marks === null) {
        // Stops before the line holding the next CR or quote: `cr` and `quote` stay ahead of it.
        start = this.passUnwanted(
          data,
          start,
          Math.min(cr === -1 ? end : cr, quote === -1 ? end : quote)
        )
        if (start >= end) break
      }
      const newline = data.indexOf('\n', start)
      let lineEnd = newline
      if (lineEnd > start && data.charCodeAt(lineEnd - 1) === CR) lineEnd--
      const hasQuote = quote !== -1 && quote < lineEnd
      const plain = cr === -1 || cr >= lineEnd // no old-Mac line end inside
      if (hasQuote || this.quotesSeen) {
        this.quotesSeen = true
        // csv-parse measures lines in bytes (up to 3 per character here): it decides near the limit.
        if ((lineEnd - start) * 3 > maxLineBytes || !plain) return start
        if (hasQuote) {
          const fields = quotedFields(data, start, lineEnd)
          if (fields === null) return start
          this.lines++
          if (!skipping || visitor.wants!(this.lines)) visitor.record(fields, this.lines)
          start = newline + 1
          continue
        }
      } else if (csv && (!plain || (lineEnd - start) * 3 > maxLineBytes)) {
        this.quoteStateMattered = true
      }
      if (lineEnd - start > maxLineBytes) return longLine(this.lines + 1, maxLineBytes)
      if (plain) {
        // The usual line: fields are cut from `data` directly, without making the line first.
        const line = ++this.lines
        if (skipping && !visitor.wants!(line)) {
          // not needed: neither split nor reported
        } else if (lineEnd === start) visitor.blank(line)
        else
          visitor.record(
            csv ? splitFields(data, start, lineEnd) : [data.slice(start, lineEnd)],
            line
          )
      } else {
        this.emitCrLines(data.slice(start, lineEnd)) // old Mac line ends mixed in
      }
      start = newline + 1
    }
    return -1
  }

  /**
   * Passes over the lines from `start` that the visitor does not want, up to the first that holds
   * `stop` (a CR or a quote: those lines go the usual way, as do lines near the length limit), and
   * returns where the next line starts. They are the lines the usual way would skip unsplit.
   */
  private passUnwanted(data: string, start: number, stop: number): number {
    const wanted = this.visitor.nextWanted!(this.lines + 1)
    const { maxLineBytes } = this
    while (this.lines + 1 < wanted) {
      const newline = data.indexOf('\n', start)
      if (newline === -1 || newline >= stop || (newline - start) * 3 > maxLineBytes) break
      this.lines++
      start = newline + 1
    }
    return start
  }

  /** Notes the line starting at `start`, when no `"` was seen: then no line break was quoted. */
  private mark(marks: LineMarks, start: number): void {
    if (this.quotesSeen) {
      this.marks = null
      return
    }
    const byte = marks.base + start
    marks.lines.push(this.lines)
    marks.bytes.push(byte)
    marks.nextByte = byte + MARK_BYTES
  }

  private emitCrLines(text: string): void {
    for (const part of text.split('\r')) {
      const line = ++this.lines
      if (part.length === 0) this.visitor.blank(line)
      else this.visitor.record(this.csv ? part.split(',') : [part], line)
    }
  }
}

/**
 * The stop at a record longer than max-line-bytes, the same from both paths: which one meets it
 * can depend on where a chunk ends (a quote later in the line hands it to csv-parse).
 */
export function longLine(line: number, max: number): TextStop {
  return {
    kind: 'limit',
    line,
    message: `the record on line ${line} is longer than ${max} bytes (resource-limit max-line-bytes); the rest of the file was not read. Check the line endings and quotes, or raise the limit.`
  }
}

export function countNewlines(text: string): number {
  let count = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++
  return count
}

/**
 * `data.slice(start, end).split(',')`, without making the line string first. Up to five fields
 * (every AutoML and Vertex row) the array is built at its final size.
 */
export function splitFields(data: string, start: number, end: number): string[] {
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
export function quotedFields(data: string, start: number, end: number): string[] | null {
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
        if (close + 1 < end && data.charCodeAt(close + 1) === QUOTE) {
          value += '"' // a doubled quote
          from = close + 2
          continue
        }
        at = close + 1
        break
      }
      fields.push(value)
      if (at === end) return fields
      if (data.charCodeAt(at) !== COMMA) return null // text after the closing quote
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
