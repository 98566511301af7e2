/**
 * Compact containers for per-row and per-video state. At millions of rows, JS objects and string
 * sets cost tens of bytes per entry; these keep numbers in typed arrays so memory grows by a few
 * bytes per row (see the benchmark in the README).
 */

/**
 * Sorts `values` ascending in place: an LSD radix sort in two passes of 16 bits, through `scratch`
 * (at least as long). Many times faster than TypedArray#sort on millions of values.
 */
export function radixSortUint32(values: Uint32Array, scratch: Uint32Array): void {
  const n = values.length
  if (n < 1 << 12) {
    values.sort() // too few for the 64 Ki-entry count tables to pay off
    return
  }
  const counts = new Uint32Array(1 << 16)
  for (let i = 0; i < n; i++) counts[values[i]! & 0xffff]!++
  let sum = 0
  for (let b = 0; b < counts.length; b++) {
    const count = counts[b]!
    counts[b] = sum
    sum += count
  }
  for (let i = 0; i < n; i++) {
    const value = values[i]!
    scratch[counts[value & 0xffff]!++] = value
  }
  counts.fill(0)
  for (let i = 0; i < n; i++) counts[scratch[i]! >>> 16]!++
  sum = 0
  for (let b = 0; b < counts.length; b++) {
    const count = counts[b]!
    counts[b] = sum
    sum += count
  }
  for (let i = 0; i < n; i++) {
    const value = scratch[i]!
    values[counts[value >>> 16]!++] = value
  }
}

/**
 * The line of each row (by ordinal), stored as runs: consecutive rows on consecutive lines share
 * one entry, so a clean file costs a few entries instead of 4 bytes per row. Rows must be pushed
 * in order; a skipped line or a new file starts a new run.
 */
export class LineIndex {
  private runStart: number[] = []
  private runOffset: number[] = []
  length = 0
  push(line: number): void {
    const runs = this.runOffset.length
    if (runs === 0 || this.runOffset[runs - 1]! !== line - this.length) {
      this.runStart.push(this.length)
      this.runOffset.push(line - this.length)
    }
    this.length++
  }
  get(ordinal: number): number {
    return ordinal + this.runOffset[lastAtMost(this.runStart, ordinal)]!
  }
  /** The runs as plain data, for `append` on another index. */
  runs(): { starts: number[]; offsets: number[]; length: number } {
    return { starts: this.runStart, offsets: this.runOffset, length: this.length }
  }
  /** Appends the lines of another index's `runs()`, in order: a run at a time. */
  append(other: { starts: number[]; offsets: number[]; length: number }): void {
    for (let run = 0; run < other.starts.length; run++) {
      const start = other.starts[run]!
      const count = (run + 1 < other.starts.length ? other.starts[run + 1]! : other.length) - start
      if (count === 0) continue
      this.push(start + other.offsets[run]!) // starts a run, or continues the last one
      this.length += count - 1 // the rest of the run: consecutive lines, the same offset
    }
  }
}

/** The index of the last entry of ascending `sorted` that is at most `value` (0 when none is). */
export function lastAtMost(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (sorted[mid]! <= value) low = mid
    else high = mid - 1
  }
  return low
}

/**
 * A typed column with room for `index` (twice as long, or doubled until it has), holding
 * `column`'s values first.
 */
export function grown<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(
  column: T,
  index = column.length
): T {
  let size = Math.max(column.length, 1)
  while (size <= index) size *= 2
  const next = new (column.constructor as new (length: number) => T)(size)
  next.set(column)
  return next
}

/**
 * A list of 32-bit values pushed four at a time (places: id, split, file, line), in one typed array
 * that doubles: a JS number array of them cost twice the memory, and a worker's copy of it went
 * through the structured clone value by value where a typed array is moved whole.
 */
export class QuadList {
  private data = new Uint32Array(64)
  length = 0
  push(a: number, b: number, c: number, d: number): void {
    if (this.length + 4 > this.data.length) this.data = grown(this.data, this.length + 3)
    const { data } = this
    data[this.length] = a
    data[this.length + 1] = b
    data[this.length + 2] = c
    data[this.length + 3] = d
    this.length += 4
  }
  /** The values: a view of the list's storage, which is not to be used afterwards. */
  values(): Uint32Array {
    return this.data.subarray(0, this.length)
  }
}

/** A Float64 array indexed by a dense id that grows on write. */
export class DenseFloat64 {
  data: Float64Array
  constructor(
    capacity = 256,
    private fill = 0
  ) {
    this.data = new Float64Array(capacity)
    if (fill !== 0) this.data.fill(fill)
  }
  ensure(index: number): void {
    if (index < this.data.length) return
    const filled = this.data.length
    this.data = grown(this.data, index)
    if (this.fill !== 0) this.data.fill(this.fill, filled)
  }
}

/**
 * A set of video ids in a byte per video: a `Set<number>` costs about 25 bytes an entry (6 MB for
 * the 256,000 multi-label videos of the benchmark's 6.4 M-row AVA-style file).
 */
export class VideoFlags {
  private flags: Uint8Array
  size = 0
  /** `videos`: how many videos the dataset has (ids 0 to videos - 1). */
  constructor(readonly videos: number) {
    this.flags = new Uint8Array(videos)
  }
  add(video: number): void {
    if (this.flags[video] === 1) return
    this.flags[video] = 1
    this.size++
  }
  has(video: number): boolean {
    return this.flags[video] === 1
  }
  /** The ids, ascending. */
  *[Symbol.iterator](): IterableIterator<number> {
    const flags = this.flags
    for (let video = 0; video < flags.length; video++) if (flags[video] === 1) yield video
  }
}

/** Same as DenseFloat64 for small integers (bit masks, flags). */
export class DenseUint8 {
  data: Uint8Array
  constructor(capacity = 256) {
    this.data = new Uint8Array(capacity)
  }
  ensure(index: number): void {
    if (index >= this.data.length) this.data = grown(this.data, index)
  }
}

export class DenseInt32 {
  data: Int32Array
  constructor(
    capacity = 256,
    private fill = -1
  ) {
    this.data = new Int32Array(capacity).fill(fill)
  }
  ensure(index: number): void {
    if (index < this.data.length) return
    const filled = this.data.length
    this.data = grown(this.data, index)
    this.data.fill(this.fill, filled)
  }
}

const EMPTY = -1

/**
 * Open-addressing map from a non-negative integer key (< 2^53) to a small integer value (bit masks).
 * Used for (video, label) pairs: one entry per pair instead of a JS object per pair.
 */
export class IntKeyMap {
  private keys: Float64Array
  private values: Uint8Array
  private mask: number
  size = 0

  constructor(capacity = 1024) {
    let size = 16
    while (size < capacity * 2) size *= 2
    this.keys = new Float64Array(size).fill(EMPTY)
    this.values = new Uint8Array(size)
    this.mask = size - 1
  }

  private slot(key: number): number {
    const low = key >>> 0
    const high = (key / 4294967296) >>> 0
    let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
    let index = h & this.mask
    const keys = this.keys
    while (keys[index] !== EMPTY && keys[index] !== key) index = (index + 1) & this.mask
    return index
  }

  get(key: number): number | undefined {
    const index = this.slot(key)
    return this.keys[index] === EMPTY ? undefined : this.values[index]
  }

  /** ORs `bits` into the key's value; returns the value before (0 when the key is new). */
  or(key: number, bits: number): number {
    const index = this.slot(key)
    if (this.keys[index] === EMPTY) {
      this.keys[index] = key
      this.values[index] = bits
      if (++this.size * 2 > this.keys.length) this.grow()
      return 0
    }
    const before = this.values[index]!
    this.values[index] = before | bits
    return before
  }

  /**
   * The table's own slots (a negative key marks an empty one), for a worker to move to the main
   * thread without a copy; the map is not to be used afterwards.
   */
  slots(): { keys: Float64Array; values: Uint8Array } {
    return { keys: this.keys, values: this.values }
  }

  forEach(visit: (key: number, value: number) => void): void {
    const keys = this.keys
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) visit(keys[i]!, this.values[i]!)
  }

  private grow(): void {
    const oldKeys = this.keys
    const oldValues = this.values
    this.keys = new Float64Array(oldKeys.length * 2).fill(EMPTY)
    this.values = new Uint8Array(oldKeys.length * 2)
    this.mask = this.keys.length - 1
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] === EMPTY) continue
      const index = this.slot(oldKeys[i]!)
      this.keys[index] = oldKeys[i]!
      this.values[index] = oldValues[i]!
    }
  }
}

const scratch = new Float64Array(1)
const scratchWords = new Uint32Array(scratch.buffer)

/** Two independent 32-bit hashes of a row's identity (the accumulator keeps the first). */
export function rowFingerprint(
  split: number,
  video: number,
  label: number,
  start: number,
  end: number,
  out: Uint32Array
): void {
  let a = 0x2545f491 ^ split
  let b = 0x9e3779b9 ^ Math.imul(split, 0x27d4eb2d)
  a = mix(a, video)
  b = mix(b ^ 0x68e31da4, video)
  a = mix(a, label)
  b = mix(b, label ^ 0x1b873593)
  scratch[0] = start
  a = mix(mix(a, scratchWords[0]!), scratchWords[1]!)
  b = mix(mix(b, scratchWords[1]!), scratchWords[0]! ^ 0x85ebca6b)
  scratch[0] = end
  a = mix(mix(a, scratchWords[0]!), scratchWords[1]!)
  b = mix(mix(b, scratchWords[1]!), scratchWords[0]! ^ 0xcc9e2d51)
  out[0] = finalize(a)
  out[1] = finalize(b)
}

function mix(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, 0x1b873593)
  h ^= k
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}

function finalize(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * A copy of `text` that does not keep alive the larger string it was cut from. V8 stores a
 * substring of 13 or more characters as a slice of its parent, so a field kept as a Map key (a
 * video URI, a label) would pin the whole chunk it was read from, and memory would grow with the
 * file instead of with the number of distinct values. A JSON round trip makes a fresh flat string
 * (48 bytes for a 32-character URI; a slice of a copy would take 88).
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string)
}

/** FNV-1a over a string, as 8 hex digits: stable identities for findings across revisions. */
export function textHash(text: string): string {
  return stringHash32(text).toString(16).padStart(8, '0')
}

/** FNV-1a over a string, as an unsigned 32-bit number. */
export function stringHash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
