/**
 * Ids of distinct keys, found by the keys' 32-bit hashes (`stringHash32`) in an open-addressing
 * table of 4 bytes a slot: a `Map<string, number>` costs about 28 bytes an entry (7 MB for the
 * 256,000 videos of the benchmark's 6.4 M-row AVA-style file, where this table takes 2 MB). The
 * owner keeps each id's key (in a TextColumn) and hash; a slot holds the id, and a probe compares
 * the hash, then the key itself, so two keys with one hash are still told apart.
 */
import { stringHash32 } from './compact.js'
import type { TextColumn } from './text-column.js'

const EMPTY = -1

export class KeyIds {
  private slots = new Int32Array(1024).fill(EMPTY)
  private mask = 1023
  private count = 0
  /** Where the probe for a hash is: the hash and the next slot to look at. */
  private probeHash = 0
  private probeSlot = 0

  constructor(
    private keys: TextColumn,
    /** Each id's `stringHash32`, as a signed 32-bit value (an Int32Array's). */
    private hashes: { readonly data: Int32Array }
  ) {}

  /** The id of `key`, or -1. `hash`: its stringHash32, when the caller has it. */
  find(key: string, hash: number = stringHash32(key)): number {
    for (let id = this.firstWithHash(hash); id !== EMPTY; id = this.nextWithHash())
      if (this.keys.equals(id, key)) return id
    return -1
  }

  /** The id of entry `index` of `other` (another part's keys; `hash`: its stringHash32), or -1. */
  findEntry(other: TextColumn, index: number, hash: number): number {
    for (let id = this.firstWithHash(hash); id !== EMPTY; id = this.nextWithHash())
      if (this.keys.same(id, other, index)) return id
    return -1
  }

  /** The first id in the table with `hash` (signed or not), or -1; `nextWithHash` the others. */
  private firstWithHash(hash: number): number {
    this.probeHash = hash | 0
    this.probeSlot = spreadHash(this.probeHash) & this.mask
    return this.nextWithHash()
  }

  private nextWithHash(): number {
    const { slots, mask, probeHash } = this
    const hashes = this.hashes.data
    for (let slot = this.probeSlot; ; slot = (slot + 1) & mask) {
      const id = slots[slot]!
      if (id === EMPTY) return EMPTY
      if (hashes[id] === probeHash) {
        this.probeSlot = (slot + 1) & mask
        return id
      }
    }
  }

  /** Adds an id whose key is not in the table yet (its hash already in `hashes`). */
  add(id: number): void {
    // At most three quarters full: a probe is then ~2.5 slots for a key found, ~8 for a new one,
    // and lookups are few (the recent-video cache answers most rows); half full cost 1 MB more
    // at 6.4 M AVA-style rows (133,000 videos in the main thread: 2^19 slots, not 2^18).
    if (++this.count * 4 > this.slots.length * 3) this.grow()
    this.place(id)
  }

  private place(id: number): void {
    const { slots, mask } = this
    let slot = spreadHash(this.hashes.data[id]!) & mask
    while (slots[slot] !== EMPTY) slot = (slot + 1) & mask
    slots[slot] = id
  }

  private grow(): void {
    const old = this.slots
    this.slots = new Int32Array(old.length * 2).fill(EMPTY)
    this.mask = this.slots.length - 1
    for (const id of old) if (id !== EMPTY) this.place(id)
  }
}

/**
 * Mixes a 32-bit hash's bits so that its low bits, an open-addressing table's slot, depend on all
 * of them (FNV's low bits depend little on a key's last characters).
 */
export function spreadHash(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  h ^= h >>> 13
  return h
}
