/**
 * Per labeled row with valid times: a 32-bit hash of its (split, video, label, start, end), a
 * 16-bit tag of its video (the low 16 bits of its key's hash) and its line (stored as runs): 6 bytes
 * a row, past the first quarter million rows in a spill file rather than in memory
 * (spill-column.ts). Videos and labels enter by the hashes of their texts, not by their ids, so
 * the rows of a part of the dataset read in parallel (`exportPart`) hash as they would in one
 * reading.
 * Rows sharing hash and tag are duplicate candidates, confirmed by the engine on a second read
 * (see `duplicateCandidates`); the tags let that read pick the rows of given videos.
 */
import { grown, LineIndex, lastAtMost, radixSortUint32, rowFingerprint } from './compact.js'
import { Spill, SpillColumn, type ColumnPart, type SpillFiles } from './spill-column.js'

import { NO_GROUPS, type RowGroups } from './duplicate-groups.js'

/** A row of a file, by the file's index in the accumulator. */
export interface Location {
  file: number
  line: number
}

/** The rows of a part, in order, and the row at which each of its files starts. */
export interface FingerprintPart {
  hashes: ColumnPart<Uint32Array>
  tags: ColumnPart<Uint16Array>
  lines: ReturnType<LineIndex['runs']>
  fileStarts: number[]
}

/**
 * Appends to `buffer` at `n` the values of `block` whose top 3 bits are `part`; returns the new
 * count. A function of its own, called per block, so it runs optimized from the first blocks on
 * (the loop inlined in `repeatedHashes` ran unoptimized for longer: ~10 ms at 1.6 M rows).
 */
function keepPart(block: Uint32Array, part: number, buffer: Uint32Array, n: number): number {
  for (let k = 0; k < block.length; k++) {
    // Branch-free: store every value, keep it (n + 1) only when it is in this part.
    const value = block[k]!
    buffer[n] = value
    n += (((value >>> 29) ^ part) - 1) >>> 31
  }
  return n
}

/** Counts `block`'s values by their top 3 bits into `parts`. */
function countParts(block: Uint32Array, parts: Float64Array): void {
  for (let k = 0; k < block.length; k++) parts[block[k]! >>> 29]!++
}

/**
 * Each value that occurs more than once in ascending `sorted`, once, ascending (gathered in
 * `scratch`, at least as long as `sorted`).
 */
function repeatedIn(sorted: Uint32Array, scratch: Uint32Array): Uint32Array {
  let n = 0
  for (let k = 1; k < sorted.length; k++)
    if (sorted[k] === sorted[k - 1] && (k === 1 || sorted[k - 1] !== sorted[k - 2]))
      scratch[n++] = sorted[k]!
  return scratch.slice(0, n)
}

/** Typed columns of the candidate rows: ordinals and their hashes' indexes, grown on demand. */
class CandidateColumns {
  n = 0
  ordinals = new Uint32Array(1024)
  hashIndexes = new Uint32Array(1024)
  push(ordinal: number, hashIndex: number): void {
    if (this.n === this.ordinals.length) {
      this.ordinals = grown(this.ordinals)
      this.hashIndexes = grown(this.hashIndexes)
    }
    this.ordinals[this.n] = ordinal
    this.hashIndexes[this.n++] = hashIndex
  }
}

/**
 * Adds to `rows` the ordinal (the block's first is `first`) of each of `block`'s values that is in
 * ascending `repeated`, with that value's index there; `maybe` flags the low 16 bits of those
 * values, ruling most rows out without a search, and `bucket[b]` is where the values with top 16
 * bits b begin in `repeated` (a search of a few entries instead of all: in a file repeated whole
 * every row is searched for among millions).
 */
function rowsOfBlock(
  block: Uint32Array,
  first: number,
  maybe: Uint8Array,
  repeated: Uint32Array,
  bucket: Uint32Array,
  rows: CandidateColumns
): void {
  for (let k = 0; k < block.length; k++) {
    const value = block[k]!
    if (maybe[value & 0xffff] === 0) continue
    const top = value >>> 16
    let lo = bucket[top]!
    let hi = bucket[top + 1]!
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (repeated[mid]! < value) lo = mid + 1
      else hi = mid
    }
    if (lo < repeated.length && repeated[lo] === value) rows.push(first + k, lo)
  }
}

/** Where the values with each top 16 bits begin in ascending `values` (one more entry: the end). */
function bucketsOf(values: Uint32Array): Uint32Array {
  const bucket = new Uint32Array((1 << 16) + 1)
  for (let i = 0; i < values.length; i++) bucket[(values[i]! >>> 16) + 1]!++
  for (let b = 0; b < 1 << 16; b++) bucket[b + 1]! += bucket[b]!
  return bucket
}

/** How many of `block`'s video tags are flagged in `wanted`. */
function countTagged(block: Uint16Array, wanted: Uint8Array): number {
  let n = 0
  for (let k = 0; k < block.length; k++) n += wanted[block[k]!]!
  return n
}

/**
 * Writes into `rows` from `n` the ordinals (the block's first is `first`) of `block`'s rows whose
 * tag is flagged in `wanted`; returns the new count.
 */
function taggedRows(
  block: Uint16Array,
  first: number,
  wanted: Uint8Array,
  rows: Uint32Array,
  n: number
): number {
  for (let k = 0; k < block.length; k++) if (wanted[block[k]!] === 1) rows[n++] = first + k
  return n
}

/**
 * Adds `by` to the lines of file `file` in a part (see shiftVideoPartLines). The part's rows before
 * that file's are none (its files before it were the main thread's), so they are the rows up to
 * the next file's start; the runs of consecutive lines shift whole.
 */
export function shiftFingerprintPartLines(part: FingerprintPart, file: number, by: number): void {
  const { starts, offsets, length } = part.lines
  const end = file + 1 < part.fileStarts.length ? part.fileStarts[file + 1]! : length
  for (let run = 0; run < starts.length && starts[run]! < end; run++) offsets[run]! += by
}

export class RowFingerprints {
  /** Row ordinal at which each file starts. */
  private fileStarts: number[] = []
  private spill: Spill | null
  private rowHash: SpillColumn<Uint32Array>
  private rowTag: SpillColumn<Uint16Array>
  private lines = new LineIndex()
  private scratch = new Uint32Array(2)

  /** `spillFiles`: where rows past the first few blocks go (null: all kept in memory). */
  constructor(spillFiles: SpillFiles | null, residentLimit?: number) {
    this.spill = spillFiles ? new Spill(spillFiles) : null
    this.rowHash = new SpillColumn(Uint32Array, this.spill, residentLimit)
    this.rowTag = new SpillColumn(Uint16Array, this.spill, residentLimit)
  }

  beginFile(): void {
    this.fileStarts.push(this.lines.length)
  }

  /** `videoHash` and `labelHash`: the hashes of the video key and the label text. */
  add(
    split: number,
    videoHash: number,
    labelHash: number,
    start: number,
    end: number,
    line: number
  ): void {
    rowFingerprint(split, videoHash, labelHash, start, end, this.scratch)
    this.rowHash.push(this.scratch[0]!)
    this.rowTag.push(videoHash & 0xffff)
    this.lines.push(line)
  }

  exportPart(): FingerprintPart {
    return {
      hashes: this.rowHash.exportPart(),
      tags: this.rowTag.exportPart(),
      lines: this.lines.runs(),
      fileStarts: this.fileStarts
    }
  }

  /**
   * Appends a part's rows after these: its rows up to its file `files` continue the file begun
   * last here, the rest are in its files from index `files` on, which begin here. The part's
   * blocks become these columns' (the part is not to be used afterwards); the blocks it spilled
   * are in a file opened here (`spillFileForPart`).
   */
  absorb(part: FingerprintPart, files: number): void {
    const base = this.lines.length
    for (let file = files; file < part.fileStarts.length; file++)
      this.fileStarts.push(base + part.fileStarts[file]!)
    this.rowHash.absorb(part.hashes)
    this.rowTag.absorb(part.tags)
    this.lines.append(part.lines)
  }

  /** A spill file for a part another thread reads (null: the part keeps its rows in memory). */
  spillFileForPart(): number | null {
    return this.spill?.fileForPart() ?? null
  }

  fileOf(ordinal: number): number {
    return lastAtMost(this.fileStarts, ordinal)
  }

  /**
   * Groups of rows sharing hash and video tag: every set of rows with the same (split, video,
   * label, start, end) is inside one, and a group of different rows turns up about once in 15 runs
   * at 6.4 million rows, so the engine reads the candidates' lines again to confirm them. Members
   * and groups are in row order. Typed columns throughout: in a file repeated whole every row is
   * a candidate.
   */
  duplicateCandidates(): RowGroups {
    if (this.lines.length < 2) return NO_GROUPS
    const repeated = this.repeatedHashes()
    if (repeated.length === 0) return NO_GROUPS
    const { ordinals, hashIndexes } = this.rowsWithHashes(repeated)
    // The candidates by hash (a counting sort, so each hash's rows stay in row order), then each
    // hash's rows split by video tag; a group is a run of two or more rows with one tag.
    const byHash = new Uint32Array(repeated.length + 1)
    for (let i = 0; i < hashIndexes.length; i++) byHash[hashIndexes[i]! + 1]!++
    for (let h = 0; h < repeated.length; h++) byHash[h + 1]! += byHash[h]!
    const order = new Uint32Array(ordinals.length) // candidate indexes, grouped by hash
    const next = byHash.slice(0, repeated.length)
    for (let i = 0; i < hashIndexes.length; i++) order[next[hashIndexes[i]!]!++] = i
    const groupOf = new Int32Array(ordinals.length).fill(-1)
    // At most one group per two candidates.
    const groupStart = new Uint32Array((ordinals.length >> 1) + 1)
    const groupEnd = new Uint32Array(groupStart.length)
    let count = 0
    // Each candidate's video tag, read in row order (the tag blocks in sequence) rather than
    // through `order` (a jump per candidate, in a file repeated whole millions of them).
    const tag = new Uint16Array(ordinals.length)
    let i = 0 // the ordinals ascend: each block holds the next run of them
    this.rowTag.forEachBlock((block, first) => {
      for (const end = first + block.length; i < ordinals.length && ordinals[i]! < end; i++)
        tag[i] = block[ordinals[i]! - first]!
    })
    for (let h = 0; h < repeated.length; h++) {
      const from = byHash[h]!
      const to = byHash[h + 1]!
      let uniform = true
      for (let k = from + 1; k < to && uniform; k++) uniform = tag[order[k]!] === tag[order[from]!]
      if (!uniform) {
        const bucket = Array.from(order.subarray(from, to))
        bucket.sort((a, b) => tag[a]! - tag[b]! || a - b)
        order.set(bucket, from)
      }
      for (let k = from; k < to;) {
        const t = tag[order[k]!]
        let end = k + 1
        while (end < to && tag[order[end]!] === t) end++
        if (end - k > 1) {
          for (let m = k; m < end; m++) groupOf[order[m]!] = count
          groupStart[count] = k
          groupEnd[count++] = end
        }
        k = end
      }
    }
    // The groups in the order of their first rows: walking the candidates in row order meets
    // each group's first row before its others.
    let members = 0
    for (let g = 0; g < count; g++) members += groupEnd[g]! - groupStart[g]!
    const starts = new Uint32Array(count + 1)
    const files = new Int32Array(members)
    const lines = new Uint32Array(members)
    let placed = 0
    for (let i = 0, n = 0; i < ordinals.length; i++) {
      const g = groupOf[i]!
      if (g === -1 || order[groupStart[g]!] !== i) continue
      for (let m = groupStart[g]!; m < groupEnd[g]!; m++) {
        const ordinal = ordinals[order[m]!]!
        files[placed] = this.fileOf(ordinal)
        lines[placed++] = this.lines.get(ordinal)
      }
      starts[++n] = placed
    }
    return { count, starts, files, lines }
  }

  /**
   * The hashes that occur more than once, ascending. Radix-sorting the hashes, an eighth at a time
   * (by their top 3 bits), finds them with copies of 1 byte per row.
   */
  private repeatedHashes(): Uint32Array {
    const hashes = this.rowHash
    const parts = new Float64Array(8)
    hashes.forEachBlock(block => countParts(block, parts))
    const buffer = new Uint32Array(Math.max(...parts) + 1)
    const scratch = new Uint32Array(buffer.length)
    const repeated: Uint32Array[] = []
    for (let part = 0; part < 8; part++) {
      let n = 0
      hashes.forEachBlock(block => {
        n = keepPart(block, part, buffer, n)
      })
      const sorted = buffer.subarray(0, n)
      radixSortUint32(sorted, scratch)
      repeated.push(repeatedIn(sorted, scratch))
    }
    const all = new Uint32Array(repeated.reduce((n, part) => n + part.length, 0))
    let at = 0
    for (const part of repeated) {
      all.set(part, at)
      at += part.length
    }
    return all
  }

  /** The rows whose hash is one of `repeated`: their ordinals (ascending) and hashes' indexes. */
  private rowsWithHashes(repeated: Uint32Array): {
    ordinals: Uint32Array
    hashIndexes: Uint32Array
  } {
    // A flag per low 16 bits of the repeated hashes rules most rows out without a search.
    const maybe = new Uint8Array(1 << 16)
    for (const value of repeated) maybe[value & 0xffff] = 1
    const found = new CandidateColumns()
    const bucket = bucketsOf(repeated)
    this.rowHash.forEachBlock((block, first) =>
      rowsOfBlock(block, first, maybe, repeated, bucket, found)
    )
    return {
      ordinals: found.ordinals.subarray(0, found.n),
      hashIndexes: found.hashIndexes.subarray(0, found.n)
    }
  }

  /**
   * Per file (by index), the ascending lines of the rows whose video tag is one of `videoHashes`'
   * tags: all the rows of those videos, and a few others.
   */
  linesOfVideos(videoHashes: Iterable<number>, files: number): Uint32Array[] {
    const wanted = new Uint8Array(1 << 16)
    for (const hash of videoHashes) wanted[hash & 0xffff] = 1
    // The tag blocks and the line runs are walked in order, the files' lines as views of one
    // array: looking each row up (its block, then a search of the runs) took ~20 ms at 1.6 M rows.
    let count = 0
    this.rowTag.forEachBlock(block => {
      count += countTagged(block, wanted)
    })
    const lines = new Uint32Array(count)
    let n = 0
    this.rowTag.forEachBlock((block, first) => {
      n = taggedRows(block, first, wanted, lines, n)
    })
    const { starts, offsets } = this.lines.runs()
    const result: Uint32Array[] = []
    for (let file = 0, i = 0, run = 0; file < files; file++) {
      const end = file + 1 < files ? this.fileStarts[file + 1]! : this.lines.length
      const begin = i
      for (; i < n && lines[i]! < end; i++) {
        const ordinal = lines[i]!
        while (run + 1 < starts.length && starts[run + 1]! <= ordinal) run++
        lines[i] = ordinal + offsets[run]! // the row's line, in place of its ordinal
      }
      result.push(lines.subarray(begin, i))
    }
    return result
  }

  /**
   * Frees the columns and closes the spill files; `duplicateCandidates` and `linesOfVideos` return
   * nothing afterwards.
   */
  release(): void {
    this.spill?.close()
    this.rowHash = new SpillColumn(Uint32Array, null)
    this.rowTag = new SpillColumn(Uint16Array, null)
    this.lines = new LineIndex()
    this.fileStarts = this.fileStarts.map(() => 0)
  }
}
