/**
 * Reading only some lines of a file again: a visitor that wants its first record (format detection,
 * a header) and the listed lines, so the reader skips every other line unsplit.
 */
import type { RecordVisitor } from './records.js'
import type { Checkpoints } from './text.js'

/** Bytes `start` up to `end` of a file, whose first line is line `startLine + 1`. */
export interface Stretch {
  start: number
  end: number
  startLine: number
}

/**
 * The stretches of a file (`size` bytes) that hold `lines` (ascending), each from the checkpoint
 * before its first line to the checkpoint after its last, overlapping ones joined; the first starts
 * at the file's beginning, so the reader still sees the file's first record. Null when they would
 * cover most of the file: reading it whole is then as quick.
 */
export function stretchesOf(
  lines: Uint32Array,
  checkpoints: Checkpoints,
  size: number
): Stretch[] | null {
  const { lines: after, bytes } = checkpoints
  const first: Stretch = { start: 0, end: bytes.length > 0 ? bytes[0]! : size, startLine: 0 }
  const stretches = [first]
  for (const line of lines) {
    // The last checkpoint before the line (its line ended before `line`), and the next one.
    let lo = 0
    let hi = after.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (after[mid]! < line) lo = mid + 1
      else hi = mid
    }
    const start = lo === 0 ? 0 : bytes[lo - 1]!
    const end = lo < bytes.length ? bytes[lo]! : size
    const last = stretches[stretches.length - 1]!
    if (start <= last.end) last.end = Math.max(last.end, end)
    else stretches.push({ start, end, startLine: after[lo - 1]! })
  }
  const covered = stretches.reduce((sum, stretch) => sum + stretch.end - stretch.start, 0)
  return covered * 2 > size ? null : stretches
}

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
  /** The first line from `line` on that is wanted (every line until the first record). */
  const nextWanted = (line: number): number => {
    if (!started) return line
    while (next < lines.length && lines[next]! < line) next++
    return next < lines.length ? lines[next]! : Infinity
  }
  return {
    record(fields, line) {
      started = true
      reader.record(fields, line)
    },
    blank(line) {
      reader.blank(line)
    },
    wants(line) {
      return nextWanted(line) === line
    },
    nextWanted
  }
}
