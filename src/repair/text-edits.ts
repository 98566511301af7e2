/**
 * Line edits of one file that keep every byte they do not touch: the BOM, each line's own ending
 * (LF, CRLF or none on the last line), quoting and order. A file is its lines; an edit replaces a
 * line's text (its ending kept), deletes a line (with its ending) or appends lines at the end.
 */

export interface FileText {
  /** U+FEFF when the file starts with a byte order mark, else empty. */
  bom: string
  /** Each line's text without its ending; index 0 is line 1. */
  lines: string[]
  /** Each line's ending: '\n', '\r\n' or '' (the last line without one). */
  endings: string[]
}

export function splitLines(bytes: Buffer): FileText {
  let text = bytes.toString('utf8')
  let bom = ''
  if (text.charCodeAt(0) === 0xfeff) {
    bom = '\ufeff'
    text = text.slice(1)
  }
  const lines: string[] = []
  const endings: string[] = []
  let at = 0
  while (at < text.length) {
    const lf = text.indexOf('\n', at)
    if (lf === -1) {
      lines.push(text.slice(at))
      endings.push('')
      break
    }
    const cr = lf > at && text.charCodeAt(lf - 1) === 13
    lines.push(text.slice(at, cr ? lf - 1 : lf))
    endings.push(cr ? '\r\n' : '\n')
    at = lf + 1
  }
  return { bom, lines, endings }
}

/** What happens to one line (1-based) of a file. */
export type LineEdit = { line: number; replace: string } | { line: number; remove: true }

export interface FileEdits {
  path: string
  edits: LineEdit[]
  /** Lines added at the end (texts without endings). */
  append: string[]
}

export interface EditedFile {
  path: string
  before: FileText
  after: FileText
  /** Old line number (1-based) of each line of `after`, null for an appended line. */
  origin: (number | null)[]
}

/** The file after its edits; a line edited twice keeps the last replacement (a removal wins). */
export function applyEdits(before: FileText, edits: FileEdits): EditedFile {
  const replaced = new Map<number, string>()
  const removed = new Set<number>()
  for (const edit of edits.edits) {
    if ('remove' in edit) removed.add(edit.line)
    else replaced.set(edit.line, edit.replace)
  }
  const after: FileText = { bom: before.bom, lines: [], endings: [] }
  const origin: (number | null)[] = []
  before.lines.forEach((text, i) => {
    const line = i + 1
    if (removed.has(line)) return
    after.lines.push(replaced.get(line) ?? text)
    after.endings.push(before.endings[i]!)
    origin.push(line)
  })
  if (edits.append.length > 0) {
    const eol = commonEnding(before)
    const last = after.lines.length - 1
    if (last >= 0 && after.endings[last] === '') after.endings[last] = eol
    for (const text of edits.append) {
      after.lines.push(text)
      after.endings.push(eol)
      origin.push(null)
    }
  }
  return { path: edits.path, before, after, origin }
}

/** The ending most lines use (LF for a file without any). */
export function commonEnding(file: FileText): string {
  let crlf = 0
  let lf = 0
  for (const ending of file.endings) {
    if (ending === '\r\n') crlf++
    else if (ending === '\n') lf++
  }
  return crlf > lf ? '\r\n' : '\n'
}

export function joinLines(file: FileText): string {
  let text = file.bom
  for (let i = 0; i < file.lines.length; i++) text += file.lines[i]! + file.endings[i]!
  return text
}

export function changed(file: EditedFile): boolean {
  return joinLines(file.before) !== joinLines(file.after)
}
