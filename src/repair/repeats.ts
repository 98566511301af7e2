/**
 * Finds the rows that may repeat an earlier one, from a 32-bit hash of each row's identity: 4
 * bytes a row for the hashes, 8 for an open-addressing table of their first rows and 1 for a flag,
 * where a Map of the identities themselves took about 150 bytes a row. A flagged row shares its
 * hash with another; whether it repeats one is then decided by comparing the identities of the
 * flagged rows only (fix.ts), so two rows that merely share a hash are never called repeats.
 */
import { stringHash32 } from '../analyze/compact.js'
import { spreadHash } from '../analyze/key-ids.js'

const EMPTY = -1

export class RepeatFinder {
  private hashes: Uint32Array
  private slots: Int32Array
  private mask: number
  private flags: Uint8Array
  private count = 0
  /** Whether any two rows share a hash. */
  found = false

  /** `capacity`: the most rows that will be added. */
  constructor(capacity: number) {
    let size = 16
    while (size < capacity * 2) size *= 2
    this.hashes = new Uint32Array(Math.max(capacity, 1))
    this.flags = new Uint8Array(Math.max(capacity, 1))
    this.slots = new Int32Array(size).fill(EMPTY)
    this.mask = size - 1
  }

  /** Adds the next row (ordinals count from 0 in the order rows are added). */
  add(identity: string): void {
    const hash = stringHash32(identity)
    const ordinal = this.count++
    this.hashes[ordinal] = hash
    const { slots, mask, hashes } = this
    for (let slot = spreadHash(hash) & mask; ; slot = (slot + 1) & mask) {
      const other = slots[slot]!
      if (other === EMPTY) {
        slots[slot] = ordinal
        return
      }
      if (hashes[other] === hash) {
        this.flags[other] = 1
        this.flags[ordinal] = 1
        this.found = true
        return
      }
    }
  }

  flagged(ordinal: number): boolean {
    return this.flags[ordinal] === 1
  }
}
