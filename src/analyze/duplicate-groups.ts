/**
 * Duplicate rows as typed columns: the rows the second pass reads again, grouped by their exact
 * identity (split, video, label, start, end), and the groups the gate reports. A string and an
 * object per row (the identity as text, its place) cost ~150 bytes a row, which a file repeated
 * whole (`cat a.csv a.csv`) paid for every row; here a row costs 8 bytes and a group 36, plus a
 * table slot or two.
 */
import { hashIdentity } from '../model.js'
import { grown, rowFingerprint } from './compact.js'
import type { TextList } from './text-column.js'

/** Groups of rows, each in file order; the groups in the order of their first rows. */
export interface RowGroups {
  count: number
  /** Group g's rows are entries starts[g] to starts[g + 1] - 1 of `files` and `lines`. */
  starts: Uint32Array
  /** Each row's file (the accumulator's index) and line. */
  files: Int32Array
  lines: Uint32Array
}

/** No groups. */
export const NO_GROUPS: RowGroups = Object.freeze({
  count: 0,
  starts: new Uint32Array(1),
  files: new Int32Array(0),
  lines: new Uint32Array(0)
})

/** Rows with one (split, video, label, start, end). */
export interface DuplicateGroups extends RowGroups {
  /** What group g's rows are, independent of where they are: the findings' fingerprint. */
  identity(group: number): string
}

const EMPTY = -1
/** Numbers per group identity in IdentityGroups. */
const IDENTITY = 4

/** Names of the ids an identity holds, to make its text (`identity`). */
export interface IdentityNames {
  videoKeys: TextList
  labels: readonly string[]
}

/**
 * Rows added in reading order, grouped by identity as they come: a group per distinct identity,
 * numbered in the order of its first row, through an open-addressing table of group ids keyed by
 * a hash of the identity (a row whose slot meets a group is compared with it field by field, so
 * only equal rows share a group). A row keeps its line and group (8 bytes; its file is known from
 * where each file's rows begin), a group its identity and size (36 bytes). A group's identity is
 * four adjacent numbers, so comparing a row with it reads one place in memory, not five arrays:
 * in a file repeated whole that comparison is made for every row.
 */
export class IdentityGroups {
  private count = 0
  private line: Uint32Array
  /** Each row's group. */
  private group: Int32Array
  /** The first row of each file's rows, and that file: rows come a file at a time. */
  private fileStarts: number[] = []
  private fileOfRun: number[] = []
  private groups = 0
  /** Each group's identity: video * 4 + split, label, start, end (IDENTITY numbers a group). */
  private identities: Float64Array
  private size: Int32Array
  private slots: Int32Array
  private hashes = new Uint32Array(2)

  /** `expected`: how many rows will probably be added (the columns grow past it if need be). */
  constructor(expected: number) {
    const rows = Math.max(64, expected)
    this.line = new Uint32Array(rows)
    this.group = new Int32Array(rows)
    // Repeats come at least in pairs: half as many groups as rows is the usual most.
    const groups = Math.max(64, rows >> 1)
    this.identities = new Float64Array(groups * IDENTITY)
    this.size = new Int32Array(groups)
    let slots = 256
    while (slots < groups * 2) slots *= 2
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
    if (this.count === this.line.length) {
      this.line = grown(this.line)
      this.group = grown(this.group)
    }
    const row = this.count++
    const runs = this.fileOfRun.length
    if (runs === 0 || this.fileOfRun[runs - 1] !== file) {
      this.fileStarts.push(row)
      this.fileOfRun.push(file)
    }
    this.line[row] = line
    const kind = video * 4 + split
    const ids = this.identities
    const mask = this.slots.length - 1
    for (let slot = this.hash(kind, label, start, end) & mask; ; slot = (slot + 1) & mask) {
      const group = this.slots[slot]!
      if (group === EMPTY) {
        this.slots[slot] = this.newGroup(row, kind, label, start, end)
        return
      }
      const at = group * IDENTITY
      if (
        ids[at] === kind &&
        ids[at + 1] === label &&
        ids[at + 2] === start &&
        ids[at + 3] === end
      ) {
        this.group[row] = group
        this.size[group]!++
        return
      }
    }
  }

  /**
   * The groups of more than one row, in the order of their first rows, each row in the order added,
   * without the rows `excluded` names; `extra` (groups kept from elsewhere, in the order of their
   * first rows) merged in, an extra group first where two begin on one line. Called once, after
   * the last row: the rows' columns are let go of.
   */
  duplicates(
    names: IdentityNames,
    extra: DuplicateGroups | null,
    excluded: ((file: number, line: number) => boolean) | null
  ): DuplicateGroups {
    const fileOf = this.fileOfRows()
    const skip = excluded ? new Uint8Array(this.count) : null
    const size = this.size.slice(0, this.groups)
    if (skip)
      for (let row = 0; row < this.count; row++)
        if (excluded!(fileOf[row]!, this.line[row]!)) {
          skip[row] = 1
          size[this.group[row]!]!--
        }
    const kept = new Int32Array(this.groups).fill(EMPTY) // a group's index in the result
    const keptGroup = new Int32Array(this.groups) // the other way
    let groups = 0
    let rows = 0
    for (let g = 0; g < this.groups; g++) {
      if (size[g]! < 2) continue
      kept[g] = groups
      keptGroup[groups++] = g
      rows += size[g]!
    }
    const starts = new Uint32Array(groups + 1)
    for (let g = 0; g < groups; g++) starts[g + 1] = starts[g]! + size[keptGroup[g]!]!
    const at = starts.slice(0, groups)
    const files = new Int32Array(rows)
    const lines = new Uint32Array(rows)
    for (let row = 0; row < this.count; row++) {
      const g = kept[this.group[row]!]!
      if (g === EMPTY || skip?.[row] === 1) continue
      files[at[g]!] = fileOf[row]!
      lines[at[g]!++] = this.line[row]!
    }
    const identity = (g: number): string => {
      const at = keptGroup[g]! * IDENTITY
      const kind = this.identities[at]!
      const named = [
        String(kind % 4),
        names.videoKeys.at(Math.floor(kind / 4)),
        names.labels[this.identities[at + 1]!],
        String(this.identities[at + 2]),
        String(this.identities[at + 3])
      ]
      return hashIdentity(named.join('\u0000')).toString(36)
    }
    this.line = new Uint32Array(0)
    this.group = new Int32Array(0)
    this.slots = new Int32Array(0)
    const confirmed = { count: groups, starts, files, lines, identity }
    return extra ? mergeGroups(extra, confirmed) : confirmed
  }

  /** Each row's file, from the runs. */
  private fileOfRows(): Int32Array {
    const files = new Int32Array(this.count)
    for (let run = 0; run < this.fileStarts.length; run++) {
      const end = run + 1 < this.fileStarts.length ? this.fileStarts[run + 1]! : this.count
      files.fill(this.fileOfRun[run]!, this.fileStarts[run]!, end)
    }
    return files
  }

  private newGroup(row: number, kind: number, label: number, start: number, end: number): number {
    if (this.groups === this.size.length) {
      this.identities = grown(this.identities)
      this.size = grown(this.size)
    }
    const group = this.groups++
    const at = group * IDENTITY
    this.identities[at] = kind
    this.identities[at + 1] = label
    this.identities[at + 2] = start
    this.identities[at + 3] = end
    this.size[group] = 1
    this.group[row] = group
    if (this.groups * 2 > this.slots.length) this.growSlots()
    return group
  }

  /** `kind`: video * 4 + split. The hash a row's duplicate fingerprint has, of the ids. */
  private hash(kind: number, label: number, start: number, end: number): number {
    rowFingerprint(kind % 4, Math.floor(kind / 4), label, start, end, this.hashes)
    return this.hashes[0]!
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY)
    const mask = this.slots.length - 1
    const ids = this.identities
    for (let g = 0; g < this.groups; g++) {
      const at = g * IDENTITY
      let slot = this.hash(ids[at]!, ids[at + 1]!, ids[at + 2]!, ids[at + 3]!) & mask
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask
      this.slots[slot] = g
    }
  }
}

/** Two lists of groups as one, in the order of their first rows (`a`'s first on a tie). */
function mergeGroups(a: DuplicateGroups, b: DuplicateGroups): DuplicateGroups {
  const count = a.count + b.count
  const starts = new Uint32Array(count + 1)
  const files = new Int32Array(a.files.length + b.files.length)
  const lines = new Uint32Array(files.length)
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
