/**
 * Which splits each video carries each label in: (video, label) pair key -> mask of splits.
 *
 * The pairs this thread reads go into an open-addressing table (IntKeyMap). A part read by another
 * thread brings its pairs as two compact columns; the ones this table already has are OR-ed in,
 * the rest stay in the part's columns instead of going into the table. Putting them in made the
 * table double while the old one was still held: the largest allocation of a dataset read in two
 * threads (9.4 MB old and 18.9 MB new at 6.4 M AVA-style rows, 900,000 pairs). A pair added after
 * a part folds the part's pairs into the table first, so a key is never in both.
 */
import { IntKeyMap } from './compact.js'

export class PairMasks {
  private table = new IntKeyMap(4096)
  private partKeys: Float64Array[] = []
  private partMasks: Uint8Array[] = []
  private inParts = 0

  get size(): number {
    return this.table.size + this.inParts
  }

  /** ORs `bits` into the pair's mask; returns the mask before (0 when the pair is new). */
  or(key: number, bits: number): number {
    if (this.inParts > 0) this.fold()
    return this.table.or(key, bits)
  }

  /**
   * The pairs for another thread's `absorb`, as slots: a negative key marks an empty one. A map
   * that has absorbed no part gives its table's own arrays, moved rather than copied (the worker's
   * export is at its peak memory); the map is not to be used afterwards.
   */
  exportSlots(): { keys: Float64Array; masks: Uint8Array } {
    if (this.inParts > 0) this.fold()
    const { keys, values } = this.table.slots()
    return { keys, masks: values }
  }

  /**
   * Adds a part's pairs, keyed in this thread's ids, each key once; slots with a negative key are
   * empty. The arrays are the caller's to give up: they are written over.
   */
  absorb(keys: Float64Array, masks: Uint8Array): void {
    if (this.inParts > 0) this.fold()
    let kept = 0
    for (let pair = 0; pair < keys.length; pair++) {
      const key = keys[pair]!
      if (key < 0 || this.table.orIfPresent(key, masks[pair]!)) continue
      keys[kept] = key
      masks[kept++] = masks[pair]!
    }
    if (kept === 0) return
    // Copies of the pairs kept: the given arrays may be a table's slots, mostly empty.
    this.partKeys.push(keys.slice(0, kept))
    this.partMasks.push(masks.slice(0, kept))
    this.inParts += kept
  }

  /** Every pair and its mask, each once (in no order a result may depend on). */
  forEach(visit: (key: number, mask: number) => void): void {
    this.table.forEach(visit)
    this.partKeys.forEach((keys, part) => {
      const masks = this.partMasks[part]!
      for (let pair = 0; pair < keys.length; pair++) visit(keys[pair]!, masks[pair]!)
    })
  }

  private fold(): void {
    const keys = this.partKeys
    const masks = this.partMasks
    this.partKeys = []
    this.partMasks = []
    this.inParts = 0
    keys.forEach((part, p) => {
      for (let pair = 0; pair < part.length; pair++) this.table.or(part[pair]!, masks[p]![pair]!)
    })
  }
}
