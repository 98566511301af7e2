/**
 * A list of strings kept as bytes in blocks of 64 KiB and where each ends: a dataset's video keys.
 * A key held as a JS string costs about 60 bytes besides its characters (its header, rounding, the
 * array's slot) and is one more object for the collector to trace; here it costs its characters
 * and 4 bytes. At 6.4 M AVA-style rows (256,000 keys of ~33 characters) that is 9 MB rather than
 * 17 MB in the main thread, and a worker's part moves its arrays to the main thread instead of
 * packing its strings into a copy while it still holds them. Blocks, not one array doubled as it
 * fills: a doubled array is a copy held beside the old one until it is collected, and joining a
 * part to the main thread's keys would double 8 MB into 16.
 *
 * A string whose code units are all below 256 (every ASCII key) takes a byte a code unit (Latin-1);
 * any other takes two (UTF-16LE), so every string, a lone surrogate included, comes back as itself.
 * The top bit of an entry's end says which.
 *
 * Offsets are in a space where block b holds [b * BLOCK_SIZE, (b + 1) * BLOCK_SIZE). An entry that
 * does not fit in the rest of the current block starts at the next block, so none straddles two,
 * and one longer than a block has a larger array of its own, spanning as many blocks of the space
 * (the blocks after its first are empty); an empty entry takes no room. An entry's start is
 * therefore its predecessor's end when both lie in one block or it is empty, else the start of the
 * block after the predecessor's end (`startOf`).
 */

import { grown } from './compact.js'

/** A column as plain data: what crosses between threads (its arrays are moved, not copied). */
export interface TextColumnPart {
  blocks: Uint8Array[]
  ends: Uint32Array
}

/** What a reader of keys needs: arrays satisfy it too (tests, small lists). */
export interface TextList {
  readonly length: number
  at(index: number): string | undefined
}

const BLOCK_SHIFT = 16
const BLOCK_SIZE = 1 << BLOCK_SHIFT
const WIDE = 0x80000000
const OFFSET = 0x7fffffff
const NO_BYTES: Uint8Array = new Uint8Array(0)

export class TextColumn implements TextList {
  private blocks: Uint8Array[]
  private ends: Uint32Array
  private count: number
  /** Where the next entry starts, if it fits in the block. */
  private used: number
  /** The last entry `locate` found: its block, where it starts there, its bytes. */
  private spotBytes: Uint8Array = NO_BYTES
  private spotAt = 0
  private spotSize = 0

  constructor(part?: TextColumnPart) {
    this.blocks = part?.blocks ?? []
    this.ends = part?.ends ?? new Uint32Array(256)
    this.count = part?.ends.length ?? 0
    this.used = this.count === 0 ? 0 : this.ends[this.count - 1]! & OFFSET
  }

  get length(): number {
    return this.count
  }

  push(text: string): void {
    let wide = false
    for (let i = 0; i < text.length && !wide; i++) wide = text.charCodeAt(i) > 0xff
    const size = wide ? text.length * 2 : text.length
    const start = this.place(size)
    const bytes = this.blocks[start >>> BLOCK_SHIFT]!
    let at = start & (BLOCK_SIZE - 1)
    if (wide) {
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i)
        bytes[at++] = unit & 0xff
        bytes[at++] = unit >>> 8
      }
    } else for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i)
    this.close(start + size, wide)
  }

  /** Appends entry `index` of `other` (a part's keys), byte for byte. */
  pushFrom(other: TextColumn, index: number): void {
    other.locate(index)
    const { spotBytes: source, spotAt: from, spotSize: size } = other
    const start = this.place(size)
    // Copied byte by byte: a view per key (`subarray`) is an object per key, and joining a part
    // of 123,000 new keys made 10 MB of them for the collector.
    const target = this.blocks[start >>> BLOCK_SHIFT]!
    const at = start & (BLOCK_SIZE - 1)
    for (let k = 0; k < size; k++) target[at + k] = source[from + k]!
    this.close(start + size, (other.ends[index]! & WIDE) !== 0)
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined
    this.locate(index)
    const { spotBytes, spotAt, spotSize } = this
    // Node's Buffer decodes both encodings natively, and a view of the bytes copies nothing.
    const view = Buffer.from(spotBytes.buffer, spotBytes.byteOffset + spotAt, spotSize)
    return view.toString(this.ends[index]! & WIDE ? 'utf16le' : 'latin1')
  }

  /** Every entry as a string, in order. */
  toArray(): string[] {
    return Array.from({ length: this.count }, (_, index) => this.at(index)!)
  }

  /** Whether entry `index` is `text`, compared without building a string. */
  equals(index: number, text: string): boolean {
    this.locate(index)
    const { spotBytes: bytes, spotAt: from, spotSize: size } = this
    if (this.ends[index]! & WIDE) {
      if (size !== text.length * 2) return false
      for (let i = 0, at = from; i < text.length; i++, at += 2)
        if ((bytes[at]! | (bytes[at + 1]! << 8)) !== text.charCodeAt(i)) return false
      return true
    }
    if (size !== text.length) return false
    // From the end: keys of one dataset share their beginnings (the bucket, the folder).
    for (let i = text.length - 1; i >= 0; i--)
      if (bytes[from + i] !== text.charCodeAt(i)) return false
    return true
  }

  /** Whether entry `index` is entry `otherIndex` of `other`. */
  same(index: number, other: TextColumn, otherIndex: number): boolean {
    // The same string is stored the same way in both: by whether a code unit passes 0xff.
    if ((this.ends[index]! & WIDE) !== (other.ends[otherIndex]! & WIDE)) return false
    this.locate(index)
    const { spotBytes: bytes, spotAt: at, spotSize: size } = this
    other.locate(otherIndex)
    const { spotBytes: otherBytes, spotAt: otherAt } = other
    if (other.spotSize !== size) return false
    for (let k = size - 1; k >= 0; k--) if (bytes[at + k] !== otherBytes[otherAt + k]) return false
    return true
  }

  /**
   * The blocks as they are and the ends as a view, not copies: a part exports them last, when a
   * copy would add to the peak memory. The column is not to be added to afterwards.
   */
  exportPart(): TextColumnPart {
    return { blocks: this.blocks, ends: this.ends.subarray(0, this.count) }
  }

  /**
   * Sets `spotBytes`, `spotAt` and `spotSize` to entry `index`'s place: fields, not a view or an
   * object, since keys are compared and copied one by one in the hundreds of thousands.
   */
  private locate(index: number): void {
    const start = this.startOf(index)
    this.spotSize = (this.ends[index]! & OFFSET) - start
    // An empty entry may lie past the last block, or in a long entry's later blocks: no bytes.
    const empty = this.spotSize === 0
    this.spotBytes = empty ? NO_BYTES : this.blocks[start >>> BLOCK_SHIFT]!
    this.spotAt = empty ? 0 : start & (BLOCK_SIZE - 1)
  }

  private startOf(index: number): number {
    const end = this.ends[index]! & OFFSET
    const before = index === 0 ? 0 : this.ends[index - 1]! & OFFSET
    if (before >>> BLOCK_SHIFT === (end - 1) >>> BLOCK_SHIFT || before === end) return before
    return blockAfter(before)
  }

  /** Where an entry of `size` bytes starts: in the current block if it fits, else a new one. */
  private place(size: number): number {
    if (size === 0) return this.used // in no block: an empty entry reads no bytes
    // The block `used` is in takes the entry when it is a block of its own (not a later part of a
    // long entry's array, nor one not made yet) with room for it.
    const fits =
      this.blocks[this.used >>> BLOCK_SHIFT]?.length === BLOCK_SIZE &&
      (this.used & (BLOCK_SIZE - 1)) + size <= BLOCK_SIZE
    const start = fits ? this.used : blockAfter(this.used)
    const spans = Math.max(1, Math.ceil(size / BLOCK_SIZE))
    if (start + spans * BLOCK_SIZE > OFFSET) {
      throw new RangeError(
        'more than 2 GiB of distinct video keys: split the dataset into smaller ones'
      )
    }
    if (!fits) {
      // The next block of the space (`used` is in the last one there is, or at its end).
      this.blocks.push(new Uint8Array(spans * BLOCK_SIZE))
      for (let b = 1; b < spans; b++) this.blocks.push(new Uint8Array(0))
    }
    return start
  }

  private close(end: number, wide: boolean): void {
    if (this.count === this.ends.length) this.ends = grown(this.ends)
    this.ends[this.count++] = end | (wide ? WIDE : 0)
    this.used = end
  }
}

/** The start of the block after the one `offset` is in (`offset` itself when it starts one). */
function blockAfter(offset: number): number {
  return Math.ceil(offset / BLOCK_SIZE) * BLOCK_SIZE
}
