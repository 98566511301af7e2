/**
 * Duplicate rows as typed columns: the rows the second pass reads again, grouped by their exact
 * identity (split, video, label, start, end), and the groups the gate reports. A string and an
 * object per row (the identity as text, its place) cost ~150 bytes a row, which a file repeated
 * whole (`cat a.csv a.csv`) paid for every row; here a row costs 33 bytes and a group 8.
 */
import { hashIdentity } from '../model.js'

/** Groups of rows, each in file order; the groups in the order of their first rows. */
export interface RowGroups {
  count: number
  /** Group g's rows are entries starts[g] to starts[g + 1] - 1 of `files` and `lines`. */
  starts: Uint32Array
  /** Each row's file (the accumulator's index) and line. */
  files: Int32Array
  lines: Float64Array
}

/** No groups. */
export const NO_GROUPS: RowGroups = Object.freeze({
  count: 0,
  starts: new Uint32Array(1),
  files: new Int32Array(0),
  lines: new Float64Array(0)
})

/** Rows with one (split, video, label, start, end). */
export interface DuplicateGroups extends RowGroups {
  /** What group g's rows are, independent of where they are: the findings' fingerprint. */
  identity(group: number): string
}

const EMPTY = -1

/** Names of the ids an identity holds, to make its text (`identity`). */
export interface IdentityNames {
  videoKeys: readonly string[]
  labels: readonly string[]
}

/**
 * Rows added in reading order, grouped by identity as they come: a group per distinct identity,
 * numbered in the order of its first row, through an open-addressing table of group ids keyed by
 * a hash of the identity (rows with one hash are compared field by field, so only equal rows
 * share a group).
 */
export class IdentityGroups {
  private count = 0
  private file: Int32Array
  private line: Float64Array
  private split: Uint8Array
  private video: Int32Array
  private label: Int32Array
  private start: Float64Array
  private end: Float64Array
  /** Each row's group. */
  private group: Int32Array
  /** Each group's first row and size. */
  private firstRow = new Int32Array(64)
  private size = new Int32Array(64)
  private groups = 0
  private slots: Int32Array
  private scratch = new Float64Array(1)
  private words = new Uint32Array(this.scratch.buffer)

  /** `expected`: how many rows will probably be added (the columns grow past it if need be). */
  constructor(expected: number) {
    const rows = Math.max(64, expected)
    this.file = new Int32Array(rows)
    this.line = new Float64Array(rows)
    this.split = new Uint8Array(rows)
    this.video = new Int32Array(rows)
    this.label = new Int32Array(rows)
    this.start = new Float64Array(rows)
    this.end = new Float64Array(rows)
    this.group = new Int32Array(rows)
    let slots = 256
    while (slots < rows * 2) slots *= 2
    this.slots = new Int32Array(slots).fill(EMPTY)
  }

  add(
    file: number,
    line: number,
    split: number,
    video: number,
    label: number,
    start: number,
    end: number
  ): void {
    if (this.count === this.file.length) this.growRows()
    const row = this.count++
    this.file[row] = file
    this.line[row] = line
    this.split[row] = split
    this.video[row] = video
    this.label[row] = label
    this.start[row] = start
    this.end[row] = end
    const mask = this.slots.length - 1
    for (let slot = this.hash(row) & mask; ; slot = (slot + 1) & mask) {
      const group = this.slots[slot]!
      if (group === EMPTY) {
        this.slots[slot] = this.newGroup(row)
        break
      }
      if (this.same(row, this.firstRow[group]!)) {
        this.group[row] = group
        this.size[group]!++
        break
      }
    }
  }

  /**
   * The groups of more than one row, in the order of their first rows, each row in the order added,
   * without the rows `excluded` names; `extra` (groups kept from elsewhere, in the order of their
   * first rows) merged in, an extra group first where two begin on one line.
   */
  duplicates(
    names: IdentityNames,
    extra: DuplicateGroups | null,
    excluded: ((file: number, line: number) => boolean) | null
  ): DuplicateGroups {
    const skip = new Uint8Array(this.count)
    const size = this.size.slice(0, this.groups)
    if (excluded)
      for (let row = 0; row < this.count; row++)
        if (excluded(this.file[row]!, this.line[row]!)) {
          skip[row] = 1
          size[this.group[row]!]!--
        }
    const kept = new Int32Array(this.groups).fill(EMPTY) // a group's index in the result
    let groups = 0
    let rows = 0
    for (let g = 0; g < this.groups; g++) {
      if (size[g]! < 2) continue
      kept[g] = groups++
      rows += size[g]!
    }
    const starts = new Uint32Array(groups + 1)
    for (let g = 0; g < this.groups; g++) if (kept[g] !== EMPTY) starts[kept[g]! + 1] = size[g]!
    for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!
    const at = starts.slice(0, groups)
    const files = new Int32Array(rows)
    const lines = new Float64Array(rows)
    const firstOf = new Int32Array(groups)
    for (let row = 0; row < this.count; row++) {
      const g = kept[this.group[row]!]!
      if (g === EMPTY || skip[row] === 1) continue
      if (at[g] === starts[g]) firstOf[g] = row
      files[at[g]!] = this.file[row]!
      lines[at[g]!++] = this.line[row]!
    }
    const identity = (g: number): string => {
      const row = firstOf[g]!
      const named = [
        String(this.split[row]),
        names.videoKeys[this.video[row]!],
        names.labels[this.label[row]!],
        String(this.start[row]),
        String(this.end[row])
      ]
      return hashIdentity(named.join('\u0000')).toString(36)
    }
    const confirmed = { count: groups, starts, files, lines, identity }
    return extra ? mergeGroups(extra, confirmed) : confirmed
  }

  private newGroup(row: number): number {
    if (this.groups === this.firstRow.length) {
      this.firstRow = grown(this.firstRow)
      this.size = grown(this.size)
    }
    const group = this.groups++
    this.firstRow[group] = row
    this.size[group] = 1
    this.group[row] = group
    if (this.groups * 2 > this.slots.length) this.growSlots()
    return group
  }

  private same(a: number, b: number): boolean {
    return (
      this.video[a] === this.video[b] &&
      this.label[a] === this.label[b] &&
      this.start[a] === this.start[b] &&
      this.end[a] === this.end[b] &&
      this.split[a] === this.split[b]
    )
  }

  private hash(row: number): number {
    let h = Math.imul(this.video[row]! ^ 0x9e3779b9, 0x85ebca6b) ^ this.split[row]!
    h = Math.imul(h ^ this.label[row]!, 0xc2b2ae35)
    h = this.mixNumber(h, this.start[row]!)
    h = this.mixNumber(h, this.end[row]!)
    h ^= h >>> 16
    return Math.imul(h, 0x85ebca6b) ^ (h >>> 13)
  }

  private mixNumber(h: number, value: number): number {
    this.scratch[0] = value
    h = Math.imul(h ^ this.words[0]!, 0xcc9e2d51)
    h = (h << 15) | (h >>> 17)
    return Math.imul(h ^ this.words[1]!, 0x1b873593)
  }

  private growRows(): void {
    this.file = grown(this.file)
    this.line = grown(this.line)
    this.split = grown(this.split)
    this.video = grown(this.video)
    this.label = grown(this.label)
    this.start = grown(this.start)
    this.end = grown(this.end)
    this.group = grown(this.group)
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY)
    const mask = this.slots.length - 1
    for (let g = 0; g < this.groups; g++) {
      let slot = this.hash(this.firstRow[g]!) & mask
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask
      this.slots[slot] = g
    }
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(column: T): T {
  const next = new (column.constructor as new (n: number) => T)(column.length * 2)
  next.set(column)
  return next
}

/** Two lists of groups as one, in the order of their first rows (`a`'s first on a tie). */
function mergeGroups(a: DuplicateGroups, b: DuplicateGroups): DuplicateGroups {
  const count = a.count + b.count
  const starts = new Uint32Array(count + 1)
  const files = new Int32Array(a.files.length + b.files.length)
  const lines = new Float64Array(files.length)
  const from: { list: DuplicateGroups; group: number }[] = []
  let i = 0
  let j = 0
  const before = (x: DuplicateGroups, g: number, y: DuplicateGroups, h: number): boolean => {
    const p = x.starts[g]!
    const q = y.starts[h]!
    return x.files[p]! < y.files[q]! || (x.files[p] === y.files[q] && x.lines[p]! <= y.lines[q]!)
  }
  while (i < a.count || j < b.count) {
    const takeA = j >= b.count || (i < a.count && before(a, i, b, j))
    const list = takeA ? a : b
    const group = takeA ? i++ : j++
    const n = from.length
    const s = list.starts[group]!
    const e = list.starts[group + 1]!
    files.set(list.files.subarray(s, e), starts[n])
    lines.set(list.lines.subarray(s, e), starts[n])
    starts[n + 1] = starts[n]! + e - s
    from.push({ list, group })
  }
  return {
    count,
    starts,
    files,
    lines,
    identity: g => from[g]!.list.identity(from[g]!.group)
  }
}
