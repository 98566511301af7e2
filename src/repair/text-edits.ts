/**
 * Line edits of one file that keep every byte they do not touch: the BOM, each line's own ending
 * (LF, CRLF or none on the last line), quoting, order, and bytes that are not valid UTF-8. A file
 * is its bytes; its lines are found as they are needed, in order (`LineCursor`), so a repair of a
 * large file holds no string per line. An edit replaces a line's text (its ending kept), deletes a
 * line (with its ending) or appends lines at the end.
 */

const LF = 10
const CR = 13

/** A file's bytes, read as lines split at LF (a CR before the LF belongs to the ending). */
export class FileText {
  /** Where line 1 starts: after a UTF-8 byte order mark, when the file has one. */
  readonly textStart: number
  private counted: { lines: number; crlf: number; lf: number } | null = null

  constructor(readonly bytes: Buffer) {
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    this.textStart = bom ? 3 : 0
  }

  /** A cursor at the start of the file. */
  cursor(): LineCursor {
    return new LineCursor(this)
  }

  /** How many lines the file has (a last line without an ending counts; an empty file has 0). */
  get lineCount(): number {
    return this.count().lines
  }

  /** The ending most lines use (LF for a file without any). */
  commonEnding(): string {
    const { crlf, lf } = this.count()
    return crlf > lf ? '\r\n' : '\n'
  }

  /** Whether the last line ends without a line break. */
  lastLineOpen(): boolean {
    const { bytes } = this
    return bytes.length > this.textStart && bytes[bytes.length - 1] !== LF
  }

  private count(): { lines: number; crlf: number; lf: number } {
    if (this.counted) return this.counted
    const { bytes } = this
    let lines = 0
    let crlf = 0
    for (let lf = bytes.indexOf(LF, this.textStart); lf !== -1; lf = bytes.indexOf(LF, lf + 1)) {
      lines++
      if (lf > this.textStart && bytes[lf - 1] === CR) crlf++
    }
    if (this.lastLineOpen()) lines++
    this.counted = { lines, crlf, lf: lines - crlf - (this.lastLineOpen() ? 1 : 0) }
    return this.counted
  }
}

/**
 * Reads a file's lines forward: `text(n)` for the same or a later line than the last asked. Lines
 * are decoded one at a time, so only the lines asked for become strings.
 */
export class LineCursor {
  private line = 1
  private start: number
  private bytes: Buffer

  constructor(file: FileText) {
    this.bytes = file.bytes
    this.start = file.textStart
  }

  /** Line `line`'s text without its ending (1-based), or undefined past the last line. */
  text(line: number): string | undefined {
    const span = this.span(line)
    return span ? this.bytes.toString('utf8', span.start, span.textEnd) : undefined
  }

  /**
   * Where line `line` is in the bytes: its start, where its text ends (before a CR LF or LF) and
   * where the next line starts; null past the last line.
   */
  span(line: number): { start: number; textEnd: number; next: number } | null {
    if (line < this.line) throw new Error(`LineCursor: line ${line} after line ${this.line}`)
    const { bytes } = this
    while (this.line < line && this.start < bytes.length) {
      const lf = bytes.indexOf(LF, this.start)
      this.start = lf === -1 ? bytes.length : lf + 1
      this.line++
    }
    if (this.line < line || this.start >= bytes.length) return null
    const { start } = this
    const lf = bytes.indexOf(LF, start)
    if (lf === -1) return { start, textEnd: bytes.length, next: bytes.length }
    return { start, textEnd: lf > start && bytes[lf - 1] === CR ? lf - 1 : lf, next: lf + 1 }
  }
}

/** What happens to one line (1-based) of a file. */
export type LineEdit = { line: number; replace: string } | { line: number; remove: true }

export interface FileEdits {
  path: string
  edits: LineEdit[]
  /** Lines added at the end (texts without endings). */
  append: string[]
}

/** A file and what an edit changes in it; the edited text is made when written (`editedBytes`). */
export interface EditedFile {
  path: string
  before: FileText
  /** The changed lines, ascending, each with its new text or null when the line goes. */
  lines: number[]
  texts: (string | null)[]
  /** Lines added at the end, and the ending they get (the file's usual one). */
  append: string[]
  eol: string
}

/**
 * The file after its edits; a line edited twice keeps the last replacement (a removal wins). A
 * replacement equal to the line, and an edit of a line the file does not have, change nothing.
 */
export function applyEdits(before: FileText, edits: FileEdits): EditedFile {
  const wanted = new Map<number, string | null>()
  for (const edit of edits.edits) {
    if ('remove' in edit) wanted.set(edit.line, null)
    else if (wanted.get(edit.line) !== null) wanted.set(edit.line, edit.replace)
  }
  const lines: number[] = []
  const texts: (string | null)[] = []
  const cursor = before.cursor()
  for (const line of [...wanted.keys()].sort((a, b) => a - b)) {
    const old = cursor.text(line)
    const text = wanted.get(line)!
    if (old === undefined || old === text) continue
    lines.push(line)
    texts.push(text)
  }
  const eol = edits.append.length > 0 ? before.commonEnding() : '\n'
  return { path: edits.path, before, lines, texts, append: edits.append, eol }
}

export function changed(file: EditedFile): boolean {
  return file.lines.length > 0 || file.append.length > 0
}

/**
 * The edited file's bytes: the stretches between edited lines copied as they are, each replaced
 * line written with its own ending, removed lines left out, appended lines at the end.
 */
export function editedBytes(file: EditedFile): Buffer {
  const { bytes } = file.before
  const cursor = file.before.cursor()
  const parts: Buffer[] = []
  let copied = 0 // bytes before this offset are written (or skipped)
  file.lines.forEach((line, i) => {
    // applyEdits kept only lines the file has.
    const { start, textEnd, next } = cursor.span(line)!
    parts.push(bytes.subarray(copied, start))
    const text = file.texts[i]!
    if (text !== null) parts.push(Buffer.from(text, 'utf8'), bytes.subarray(textEnd, next))
    copied = next
  })
  parts.push(bytes.subarray(copied))
  if (endingAdded(file)) parts.push(Buffer.from(file.eol))
  if (file.append.length > 0)
    parts.push(Buffer.from(file.append.map(text => text + file.eol).join(''), 'utf8'))
  return Buffer.concat(parts)
}

/**
 * Whether the edit gives the file's last line a line break: it has none, it stays, and lines are
 * appended after it.
 */
export function endingAdded(file: EditedFile): boolean {
  if (file.append.length === 0 || !file.before.lastLineOpen()) return false
  const last = file.before.lineCount
  return keptLastLine(file) === last && last > 0
}

/** The last line the edit keeps (0 when it removes them all). */
export function keptLastLine(file: EditedFile): number {
  let line = file.before.lineCount
  // The edited lines are ascending: removals at the end take the last lines one by one.
  for (let i = file.lines.length - 1; i >= 0 && file.lines[i] === line; i--) {
    if (file.texts[i] !== null) break
    line--
  }
  return line
}
