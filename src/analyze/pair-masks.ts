/**
 * Which splits each video carries each label in: a mask of splits per (video, label) pair.
 *
 * A video's pairs are a short list in a shared pool of 32-bit entries (label * 16 + mask), its
 * room doubled as it fills (1, 2, 4, 8, 16 entries; a list's old room is reused by the next list
 * of that size); a video with more than 16 labels moves its pairs to an open-addressing table.
 * An open-addressing table of every pair cost 21 bytes a pair where this costs 5 to 9, and it
 * doubled while the old table was still held: at 6.4 M AVA-style rows (900,000 pairs, 3.5 labels
 * a video) the two threads' tables were 19 MB of the peak memory. Looking a pair up scans the
 * video's list, which is short, and most rows skip it (DatasetAccumulator's `lastPair`).
 */
import { DenseInt32, DenseUint8, IntKeyMap } from './compact.js'

/** Labels beyond this many are not tracked per video (max-classes has long fired by then). */
export const LABEL_LIMIT = 1 << 20
/** A pair's key in the table of videos with many labels: video * PAIR_STRIDE + label. */
const PAIR_STRIDE = LABEL_LIMIT

const LIST_MAX = 16
/** `counts` of a video whose pairs are in the table. */
const IN_TABLE = 255
const BLOCK_SHIFT = 16
const BLOCK_SIZE = 1 << BLOCK_SHIFT

/** A map's pairs as plain data, moved from a worker (its own storage: not to be used after). */
export interface PairsPart {
  starts: Int32Array
  counts: Uint8Array
  blocks: Uint32Array[]
  tableKeys: Float64Array
  tableMasks: Uint8Array
}

/** log2 of a list's room (1, 2, 4, 8 or 16 entries). */
function roomClass(room: number): number {
  return 31 - Math.clz32(room)
}

type PairVisitor = (video: number, label: number, mask: number) => void

/** Visits the pairs of a map's (or a part's) lists and of its table of videos with many labels. */
function visitPairs(pairs: PairsPart, videos: number, visit: PairVisitor): void {
  const { starts, counts, blocks, tableKeys, tableMasks } = pairs
  for (let video = 0; video < videos; video++) {
    const n = counts[video] ?? 0
    if (n === 0 || n === IN_TABLE) continue
    const at = starts[video]!
    const block = blocks[at >>> BLOCK_SHIFT]!
    const from = at & (BLOCK_SIZE - 1)
    for (let i = from; i < from + n; i++) visit(video, block[i]! >>> 4, block[i]! & 15)
  }
  for (let slot = 0; slot < tableKeys.length; slot++) {
    const key = tableKeys[slot]!
    if (key < 0) continue // an empty slot
    const video = Math.floor(key / PAIR_STRIDE)
    visit(video, key - video * PAIR_STRIDE, tableMasks[slot]!)
  }
}

export class PairMasks {
  /** Per video: where its list starts in the pool, and how many pairs it has. */
  private starts = new DenseInt32(256, -1)
  private counts = new DenseUint8()
  private blocks: Uint32Array[] = []
  /** Next free entry of the last block. */
  private end = BLOCK_SIZE
  /** Rooms given back, by size class: reused before the pool grows. */
  private free: number[][] = [[], [], [], [], []]
  private table: IntKeyMap | null = null
  size = 0

  /** Makes room for videos up to `video`. */
  ensure(video: number): void {
    this.starts.ensure(video)
    this.counts.ensure(video)
  }

  /** ORs `bits` into the pair's mask; returns the mask before (0 when the pair is new). */
  or(video: number, label: number, bits: number): number {
    const n = this.counts.data[video]!
    if (n === IN_TABLE) return this.orInTable(video * PAIR_STRIDE + label, bits)
    const at = this.starts.data[video]!
    if (n > 0) {
      const block = this.blocks[at >>> BLOCK_SHIFT]!
      const from = at & (BLOCK_SIZE - 1)
      for (let i = from; i < from + n; i++) {
        const entry = block[i]!
        if (entry >>> 4 === label) {
          block[i] = entry | bits
          return entry & 15
        }
      }
    }
    this.size++
    if (n === LIST_MAX) {
      this.moveToTable(video, at, n)
      this.orInTable(video * PAIR_STRIDE + label, bits)
      return 0
    }
    // A full list (its room is a power of two, filled) moves to one twice as large.
    const start = n === 0 || (n & (n - 1)) === 0 ? this.move(video, at, n) : at
    const index = start + n
    this.blocks[index >>> BLOCK_SHIFT]![index & (BLOCK_SIZE - 1)] = label * 16 + bits
    this.counts.data[video] = n + 1
    return 0
  }

  private orInTable(key: number, bits: number): number {
    this.table ??= new IntKeyMap(1024)
    return this.table.or(key, bits)
  }

  /** Moves a video's list of `n` (its room) to a room of 2n (1 when empty); returns its start. */
  private move(video: number, at: number, n: number): number {
    const start = this.room(n === 0 ? 1 : 2 * n)
    if (n > 0) {
      const from = this.blocks[at >>> BLOCK_SHIFT]!
      const offset = at & (BLOCK_SIZE - 1)
      this.blocks[start >>> BLOCK_SHIFT]!.set(
        from.subarray(offset, offset + n),
        start & (BLOCK_SIZE - 1)
      )
      this.free[roomClass(n)]!.push(at)
    }
    this.starts.data[video] = start
    return start
  }

  /** A room of `size` entries within one block. */
  private room(size: number): number {
    const reused = this.free[roomClass(size)]!.pop()
    if (reused !== undefined) return reused
    if (this.end + size > BLOCK_SIZE) {
      this.blocks.push(new Uint32Array(BLOCK_SIZE))
      this.end = 0
    }
    const start = (this.blocks.length - 1) * BLOCK_SIZE + this.end
    this.end += size
    return start
  }

  private moveToTable(video: number, at: number, n: number): void {
    const block = this.blocks[at >>> BLOCK_SHIFT]!
    const from = at & (BLOCK_SIZE - 1)
    for (let i = from; i < from + n; i++)
      this.orInTable(video * PAIR_STRIDE + (block[i]! >>> 4), block[i]! & 15)
    this.free[roomClass(n)]!.push(at)
    this.counts.data[video] = IN_TABLE
  }

  /** Every pair and its mask, each once. */
  forEach(visit: PairVisitor): void {
    visitPairs(this.storage(), this.counts.data.length, visit)
  }

  /**
   * The pairs for another thread's `absorb`, in this map's own storage (moved, not copied: the
   * map is not to be used after it has been moved).
   */
  exportPart(): PairsPart {
    return this.storage()
  }

  private storage(): PairsPart {
    const table = this.table?.slots() ?? { keys: new Float64Array(0), values: new Uint8Array(0) }
    return {
      starts: this.starts.data,
      counts: this.counts.data,
      blocks: this.blocks,
      tableKeys: table.keys,
      tableMasks: table.values
    }
  }

  /**
   * Adds a part's pairs, its videos and labels renamed to this map's ids by `videoIds` and
   * `labelIds` (labels from LABEL_LIMIT on are not tracked).
   */
  absorb(part: PairsPart, videoIds: Int32Array, labelIds: ArrayLike<number>): void {
    visitPairs(part, videoIds.length, (local, localLabel, mask) => {
      const label = labelIds[localLabel]!
      if (label < LABEL_LIMIT) this.or(videoIds[local]!, label, mask)
    })
  }
}
