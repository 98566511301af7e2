/**
 * A unified diff (`diff -u` style, 3 lines of context) of an edited file, from what the edit kept:
 * every kept line knows its old number, so no line matching is needed.
 */
import { showInvisible } from '../display.js'
import type { EditedFile } from './text-edits.js'

type Op = { kind: ' ' | '-' | '+'; text: string; old: number; new: number }

export function unifiedDiff(file: EditedFile, context = 3): string {
  const ops = operations(file)
  const changedAt = ops.flatMap((op, i) => (op.kind === ' ' ? [] : [i]))
  if (changedAt.length === 0) return ''
  let out = `--- a/${file.path}\n+++ b/${file.path}\n`
  let i = 0
  while (i < changedAt.length) {
    const from = Math.max(0, changedAt[i]! - context)
    let to = Math.min(ops.length, changedAt[i]! + context + 1)
    while (i + 1 < changedAt.length && changedAt[i + 1]! - context <= to) {
      i++
      to = Math.min(ops.length, changedAt[i]! + context + 1)
    }
    i++
    out += hunk(ops.slice(from, to))
  }
  return out
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

function operations(file: EditedFile): Op[] {
  const ops: Op[] = []
  let oldAt = 1
  let newAt = 1
  const flushRemovedUpTo = (line: number) => {
    while (oldAt < line) {
      ops.push({ kind: '-', text: file.before.lines[oldAt - 1]!, old: oldAt, new: newAt })
      oldAt++
    }
  }
  file.after.lines.forEach((text, i) => {
    const origin = file.origin[i]!
    if (origin === null) {
      ops.push({ kind: '+', text, old: oldAt, new: newAt++ })
      return
    }
    flushRemovedUpTo(origin)
    const old = file.before.lines[origin - 1]!
    const sameEnding = file.before.endings[origin - 1] === file.after.endings[i]
    if (old === text && sameEnding) ops.push({ kind: ' ', text, old: oldAt++, new: newAt++ })
    else {
      ops.push({ kind: '-', text: old, old: oldAt++, new: newAt })
      ops.push({ kind: '+', text, old: oldAt, new: newAt++ })
    }
  })
  flushRemovedUpTo(file.before.lines.length + 1)
  return ops
}
