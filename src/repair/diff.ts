/**
 * A unified diff (`diff -u` style, 3 lines of context) of an edited file, from the edit itself:
 * the changed lines are known, so no line matching is needed, and only the lines of the hunks are
 * read (a diff of a large file with a few repairs costs the repairs, not the file).
 */
import { showInvisible } from '../display.js'
import { endingAdded, keptLastLine, type EditedFile, type LineCursor } from './text-edits.js'

type Op = { kind: ' ' | '-' | '+'; text: string; old: number; new: number }

/**
 * The diff's operations are those of a walk over the whole file: per kept line a context op (or a
 * removal and an addition when it changed), per removed line a removal, the appended lines after
 * the last kept line, and removed lines after that last. Only the changes are listed, each with
 * its position in that walk (`index`); the context between them is derived where a hunk needs it.
 */
interface Change {
  index: number
  op: Op
}

export function unifiedDiff(file: EditedFile, context = 3): string {
  const { changes, length } = changesOf(file)
  if (changes.length === 0) return ''
  const cursor = file.before.cursor()
  let out = `--- a/${file.path}\n+++ b/${file.path}\n`
  let i = 0
  while (i < changes.length) {
    const first = i
    const from = Math.max(0, changes[i]!.index - context)
    let to = Math.min(length, changes[i]!.index + context + 1)
    while (i + 1 < changes.length && changes[i + 1]!.index - context <= to) {
      i++
      to = Math.min(length, changes[i]!.index + context + 1)
    }
    i++
    out += hunk(opsBetween(changes, first, from, to, cursor))
  }
  return out
}

/** The ops with indexes from `from` to `to` (exclusive), changes[first] the first change among them. */
function opsBetween(
  changes: Change[],
  first: number,
  from: number,
  to: number,
  cursor: LineCursor
): Op[] {
  const ops: Op[] = []
  // Where the walk stands just after the change before `from` (or at the start).
  let { old, added } = first > 0 ? after(changes[first - 1]!.op) : { old: 1, added: 1 }
  const at = first > 0 ? changes[first - 1]!.index + 1 : 0
  old += from - at
  added += from - at
  let next = first
  for (let index = from; index < to; index++) {
    const change = changes[next]
    if (change && change.index === index) {
      ops.push(change.op)
      ;({ old, added } = after(change.op))
      next++
    } else {
      ops.push({ kind: ' ', text: cursor.text(old)!, old: old++, new: added++ })
    }
  }
  return ops
}

/** The old and new line numbers of the op that follows `op` in the walk. */
function after(op: Op): { old: number; added: number } {
  return {
    old: op.kind === '+' ? op.old : op.old + 1,
    added: op.kind === '-' ? op.new : op.new + 1
  }
}

/** The file's changes in walk order, and how many ops the whole walk has. */
function changesOf(file: EditedFile): { changes: Change[]; length: number } {
  const lineCount = file.before.lineCount
  const lastKept = keptLastLine(file)
  const cursor = file.before.cursor()
  const changes: Change[] = []
  const trailing: { line: number; text: string }[] = []
  let extra = 0 // ops beyond one per line so far (a changed kept line has two)
  let added = 0 // lines of the new file so far, minus the old lines passed
  const replace = (line: number, old: string, text: string) => {
    const at = line - 1 + extra
    changes.push({ index: at, op: { kind: '-', text: old, old: line, new: line + added } })
    changes.push({ index: at + 1, op: { kind: '+', text, old: line + 1, new: line + added } })
    extra++
  }
  for (let i = 0; i < file.lines.length; i++) {
    const line = file.lines[i]!
    const text = file.texts[i]!
    const old = cursor.text(line)!
    if (text !== null) replace(line, old, text)
    else if (line > lastKept) trailing.push({ line, text: old })
    else {
      changes.push({
        index: line - 1 + extra,
        op: { kind: '-', text: old, old: line, new: line + added }
      })
      added--
    }
  }
  // With lines appended, a last line without a break gets one: shown as changed (unless its text
  // changed too, and it already is).
  if (endingAdded(file) && file.lines[file.lines.length - 1] !== lineCount) {
    const old = cursor.text(lineCount)!
    replace(lineCount, old, old)
  }
  // Appended lines follow the last kept line's ops; then the removed lines after it.
  let index = lastKept + extra
  let newLine = lastKept + added + 1
  for (const text of file.append) {
    changes.push({ index: index++, op: { kind: '+', text, old: lastKept + 1, new: newLine++ } })
  }
  for (const { line, text } of trailing) {
    changes.push({ index: index++, op: { kind: '-', text, old: line, new: newLine } })
  }
  return { changes, length: lineCount + extra + file.append.length }
}

function hunk(ops: Op[]): string {
  const oldLines = ops.filter(op => op.kind !== '+')
  const newLines = ops.filter(op => op.kind !== '-')
  const oldStart = oldLines[0]?.old ?? ops[0]!.old
  const newStart = newLines[0]?.new ?? ops[0]!.new
  let out = `@@ -${oldStart},${oldLines.length} +${newStart},${newLines.length} @@\n`
  for (const op of ops) out += `${op.kind}${printable(op.text)}\n`
  return out
}

/**
 * A diff is read in a terminal: control and invisible characters are shown (`<U+FEFF>`), not sent
 * or hidden; a tab stays a tab.
 */
function printable(text: string): string {
  return text.split('\t').map(showInvisible).join('\t')
}
