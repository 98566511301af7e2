/**
 * csv-parse for the part of a file from the first line the fast path cannot read exactly (see
 * text.ts). Line numbers are counted here, from the raw text of each record.
 */
import { parse, type Parser } from 'csv-parse'
import type { RecordVisitor, TextStop } from './records.js'
import { CR, LF, countNewlines, longLine } from './text-fast-path.js'

export class SlowPath {
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
        this.stop =
          error.code === 'CSV_MAX_RECORD_SIZE'
            ? longLine(this.line, maxLineBytes)
            : { kind: 'syntax', line: this.line, message: explainCsvError(error) }
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
    if (c === LF) count++
    else if (c === CR) {
      count++
      if (raw.charCodeAt(i + 1) === LF) i++
    }
  }
  return count
}

function explainCsvError(error: Error & { code?: string }): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field starting on this line is never closed (unterminated quote); the rest of the file was not read. Close the quote or remove it.'
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside an unquoted field. Quote the whole field and double the inner quote ("a ""b"" c").'
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by other characters instead of a comma or line end. Double quotes inside quoted fields ("").'
    default:
      return `the CSV cannot be parsed (${error.message.split('\n')[0]}).`
  }
}
