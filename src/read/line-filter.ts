/**
 * Reading only some lines of a file again: a visitor that wants its first record (format detection,
 * a header) and the listed lines, so the reader skips every other line unsplit.
 */
import type { RecordVisitor } from './records.js'

/** The union of two ascending line lists, ascending. */
export function mergeLines(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length === 0) return b
  const out = new Uint32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!
    if (n === 0 || out[n - 1] !== next) out[n++] = next
  }
  return out.subarray(0, n)
}

/** `reader`, wanting only its first record (format detection, a header) and `lines` (ascending). */
export function onlyLines(reader: RecordVisitor, lines: Uint32Array): RecordVisitor {
  let started = false
  let next = 0
  return {
    record(fields, line) {
      started = true
      reader.record(fields, line)
    },
    blank(line) {
      reader.blank(line)
    },
    wants(line) {
      if (!started) return true
      while (next < lines.length && lines[next]! < line) next++
      return next < lines.length && lines[next] === line
    }
  }
}
