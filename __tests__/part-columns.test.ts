/**
 * What a worker's part carries in compact form: its video keys packed as UTF-8 (every string back
 * as itself, or not packed at all when it could not come back), its first places per split in a
 * typed list, and its (video, label) pairs joined to this thread's without growing the table.
 */
import { describe, expect, it } from '@jest/globals'
import { QuadList } from '../src/analyze/compact.js'
import { PairMasks } from '../src/analyze/pair-masks.js'
import { packStrings, unpackStrings } from '../src/analyze/packed-strings.js'

describe('packStrings', () => {
  it('gives back every string as it was: empty, ASCII, accented, CJK, emoji, controls', () => {
    const list = [
      'gs://bucket/videos/clip_000001.mp4',
      '',
      'gs://b/vidéo été.mp4',
      'gs://b/動画/クリップ.mp4',
      'gs://b/🎬 take 2.mp4',
      'tab\there\u0000nul',
      ...Array.from({ length: 5000 }, (_, i) => `gs://b/v/${i}.mp4`)
    ]
    const packed = packStrings(list)!
    expect(packed.ends.length).toBe(list.length)
    // Through a structured clone, as the part crosses from a worker thread.
    const back = unpackStrings(structuredClone(packed))
    expect(back).toEqual(list)
    expect(packed.bytes.byteLength).toBe(Buffer.byteLength(list.join(''), 'utf8'))
  })

  it('does not pack a list with a lone surrogate, which UTF-8 would replace', () => {
    expect(packStrings(['gs://b/a.mp4', 'gs://b/\uD83C.mp4'])).toBeNull()
    expect(packStrings(['gs://b/\uDC00x.mp4'])).toBeNull()
    expect(packStrings(['gs://b/\uD83C\uDFAC.mp4'])).not.toBeNull() // a whole pair is fine
  })

  it('packs an empty list', () => {
    expect(unpackStrings(packStrings([])!)).toEqual([])
  })
})

describe('QuadList', () => {
  it('keeps every four values in order as it grows', () => {
    const list = new QuadList()
    const expected: number[] = []
    for (let i = 0; i < 10_000; i++) {
      const quad = [i, i % 4, i % 7, 0xfffffff0 + (i % 15)]
      list.push(quad[0]!, quad[1]!, quad[2]!, quad[3]!)
      expected.push(...quad)
    }
    expect(list.length).toBe(40_000)
    expect(Array.from(list.values())).toEqual(expected)
  })
})

describe('PairMasks', () => {
  const entries = (pairs: PairMasks): [number, number][] => {
    const all: [number, number][] = []
    pairs.forEach((key, mask) => all.push([key, mask]))
    return all.sort((a, b) => a[0] - b[0])
  }

  it("ORs a part's pairs into the ones here and keeps the new ones once", () => {
    const pairs = new PairMasks()
    for (let key = 0; key < 3000; key++) pairs.or(key * 3, 1)
    // The part: every other key here (a mask bit more), and keys new here.
    const keys = Float64Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? i * 3 : 2 ** 40 + i))
    const masks = Uint8Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? 4 : 2))
    pairs.absorb(keys, masks)
    expect(pairs.size).toBe(3000 + 1500)
    const expected: [number, number][] = []
    for (let key = 0; key < 3000; key++) expected.push([key * 3, key % 2 === 0 ? 5 : 1])
    for (let i = 1; i < 3000; i += 2) expected.push([2 ** 40 + i, 2])
    expect(entries(pairs)).toEqual(expected.sort((a, b) => a[0] - b[0]))
  })

  it("takes another map's slots, empty ones skipped, as that map's pairs", () => {
    const worker = new PairMasks()
    for (let key = 0; key < 5000; key++) worker.or(2 ** 30 + key * 7, 1 << (key % 4))
    const expected = entries(worker)
    const slots = worker.exportSlots()
    expect(slots.keys.length).toBeGreaterThan(5000) // a table's slots, some of them empty
    const main = new PairMasks()
    main.absorb(slots.keys, slots.masks)
    expect(main.size).toBe(5000)
    expect(entries(main)).toEqual(expected)
  })

  it("folds a part's new pairs into the table when a pair is added after it", () => {
    const pairs = new PairMasks()
    pairs.or(1, 1)
    pairs.absorb(Float64Array.of(7, 9), Uint8Array.of(2, 8))
    // A row after the part: its pair is one of the part's, so it must not be added twice.
    expect(pairs.or(7, 1)).toBe(2)
    expect(pairs.or(11, 4)).toBe(0)
    expect(pairs.size).toBe(4)
    expect(entries(pairs)).toEqual([
      [1, 1],
      [7, 3],
      [9, 8],
      [11, 4]
    ])
  })
})
