/**
 * What a worker's part carries in compact form: its video keys packed as UTF-8 (every string back
 * as itself, or not packed at all when it could not come back), its first places per split in a
 * typed list, and its (video, label) pairs kept in short lists per video (a table for videos with
 * many labels) and joined to this thread's in its ids.
 */
import { describe, expect, it } from '@jest/globals'
import { QuadList } from '../src/analyze/compact.js'
import { LABEL_LIMIT, PairMasks } from '../src/analyze/pair-masks.js'
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
  /** A reference: the masks by "video label" in a Map. */
  function reference() {
    const masks = new Map<string, number>()
    return {
      or(video: number, label: number, bits: number): number {
        const key = `${video} ${label}`
        const before = masks.get(key) ?? 0
        masks.set(key, before | bits)
        return before
      },
      entries: (): string[] => [...masks].map(([key, mask]) => `${key} ${mask}`).sort()
    }
  }

  const entries = (pairs: PairMasks): string[] => {
    const all: string[] = []
    pairs.forEach((video, label, mask) => all.push(`${video} ${label} ${mask}`))
    return all.sort()
  }

  /** Random rows: most videos with a few labels, some with dozens (their pairs go to the table). */
  function rows(seed: number, count: number, videos: number) {
    let state = seed
    const random = (n: number): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0
      return Math.floor((state / 2 ** 32) * n)
    }
    return Array.from({ length: count }, () => {
      const video = random(videos)
      const labels = video % 50 === 0 ? 40 : 1 + (video % 6)
      return { video, label: (video * 7 + random(labels)) % 500, bits: 1 << random(4) }
    })
  }

  it('keeps the mask of every pair, in lists that grow and in the table', () => {
    const pairs = new PairMasks()
    const expected = reference()
    for (const row of rows(3, 200_000, 30_000)) {
      pairs.ensure(row.video)
      expect(pairs.or(row.video, row.label, row.bits)).toBe(
        expected.or(row.video, row.label, row.bits)
      )
    }
    expect(entries(pairs)).toEqual(expected.entries())
    expect(pairs.size).toBe(expected.entries().length)
  })

  it("absorbs another map's pairs in its ids, skipping labels past the limit, and goes on", () => {
    const list = rows(5, 60_000, 4000)
    const main = new PairMasks()
    const expected = reference()
    for (const row of list.slice(0, 30_000)) {
      main.ensure(row.video)
      main.or(row.video, row.label, row.bits)
      expected.or(row.video, row.label, row.bits)
    }
    // The part's videos and labels are numbered its own way: here, video v is 3999 - v.
    const part = new PairMasks()
    const videoIds = Int32Array.from({ length: 4000 }, (_, v) => 3999 - v)
    const labelIds = Array.from({ length: 500 }, (_, l) => (l === 13 ? LABEL_LIMIT : l))
    for (const row of list.slice(30_000)) {
      part.ensure(row.video)
      part.or(row.video, row.label, row.bits)
      if (row.label !== 13) expected.or(3999 - row.video, row.label, row.bits)
    }
    main.ensure(3999)
    main.absorb(structuredClone(part.exportPart()), videoIds, labelIds)
    expect(entries(main)).toEqual(expected.entries())
    // Rows after the part find its pairs.
    for (const row of list.slice(0, 5000)) {
      expect(main.or(row.video, row.label, 8)).toBe(expected.or(row.video, row.label, 8))
    }
    expect(entries(main)).toEqual(expected.entries())
  })
})
