/**
 * What a worker's part carries in compact form: its video keys as one block of bytes (every string
 * back as itself, a lone surrogate too), its first places per split in a
 * typed list, and its (video, label) pairs kept in short lists per video (a table for videos with
 * many labels) and joined to this thread's in its ids.
 */
import { describe, expect, it } from '@jest/globals'
import { QuadList } from '../src/analyze/compact.js'
import { LABEL_LIMIT, PairMasks } from '../src/analyze/pair-masks.js'
import { TextColumn } from '../src/analyze/text-column.js'

describe('TextColumn', () => {
  const list = [
    'gs://bucket/videos/clip_000001.mp4',
    '',
    'gs://b/vid\u00e9o \u00e9t\u00e9.mp4', // Latin-1: a byte a code unit
    'gs://b/\u52d5\u753b/\u30af\u30ea\u30c3\u30d7.mp4',
    'gs://b/\uD83C\uDFAC take 2.mp4',
    'gs://b/\uD83C.mp4', // a lone surrogate, which UTF-8 could not carry
    'gs://b/\uDC00x.mp4',
    'tab\there\u0000nul\u00ff',
    ...Array.from({ length: 5000 }, (_, i) => `gs://b/v/${i}.mp4`)
  ]

  it('gives back every string as it was, after growing and through a structured clone', () => {
    const column = new TextColumn()
    for (const text of list) column.push(text)
    expect(column.length).toBe(list.length)
    expect(column.toArray()).toEqual(list)
    // As a worker's part crosses to the main thread.
    const back = new TextColumn(structuredClone(column.exportPart()))
    expect(back.toArray()).toEqual(list)
    expect(back.at(-1)).toBeUndefined()
    expect(back.at(list.length)).toBeUndefined()
    // A byte a code unit for Latin-1 keys, two for the others: these 84,083 bytes fill a block and
    // begin a second.
    expect(column.exportPart().blocks.length).toBe(2)
  })

  it('places entries in 64 KiB blocks: none straddles two, longer ones have their own', () => {
    const block = 1 << 16
    let seed = 7
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed % n
    }
    // Lengths that end a block exactly, fall a byte short or over, span blocks, or are empty.
    const lengths = [block, 0, block - 1, 1, 0, block + 1, 3 * block + 5, 0, 2 * block, 17]
    for (let i = 0; i < 3000; i++) lengths.push(random(5) === 0 ? random(3 * block) : random(200))
    const texts = lengths.map((length, i) => {
      const unit = i % 3 === 0 ? 0x4e00 + (i % 50) : 0x61 + (i % 26) // two bytes a unit, or one
      return String.fromCharCode(unit).repeat(length >> (i % 3 === 0 ? 1 : 0))
    })
    const column = new TextColumn()
    for (const text of texts) column.push(text)
    const back = new TextColumn(structuredClone(column.exportPart()))
    expect(back.toArray()).toEqual(texts)
    texts.forEach((text, i) => expect(back.equals(i, text)).toBe(true))
    const copied = new TextColumn()
    for (let i = texts.length - 1; i >= 0; i--) copied.pushFrom(back, i)
    expect(copied.toArray()).toEqual([...texts].reverse())
    texts.forEach((_, i) => expect(copied.same(texts.length - 1 - i, column, i)).toBe(true))
    const { blocks } = column.exportPart()
    expect(blocks.every(bytes => bytes.length % block === 0)).toBe(true)
  })

  it('compares entries with strings and with other columns without telling close ones alike', () => {
    const column = new TextColumn()
    for (const text of list) column.push(text)
    list.forEach((text, i) => expect(column.equals(i, text)).toBe(true))
    expect(column.equals(0, 'gs://bucket/videos/clip_000002.mp4')).toBe(false)
    expect(column.equals(0, 'gs://bucket/videos/clip_000001.mp')).toBe(false)
    expect(column.equals(1, 'x')).toBe(false)
    // A text one code unit short is not the entry.
    expect(column.equals(2, 'gs://b/vid\u00e9o \u00e9t\u00e9.mp')).toBe(false)
    expect(column.equals(5, 'gs://b/\uD83D.mp4')).toBe(false)
    const other = new TextColumn()
    for (const text of ['gs://b/\uD83C.mp4', 'gs://b/v/7.mp4', 'gs://b/v/8.mp5', ''])
      other.push(text)
    expect(column.same(5, other, 0)).toBe(true)
    expect(column.same(list.indexOf('gs://b/v/7.mp4'), other, 1)).toBe(true)
    expect(column.same(list.indexOf('gs://b/v/8.mp4'), other, 2)).toBe(false)
    expect(column.same(1, other, 3)).toBe(true)
    expect(column.same(5, other, 1)).toBe(false)
    // An entry copied from another column reads back the same.
    other.pushFrom(column, 4)
    other.pushFrom(column, 2)
    expect(other.at(4)).toBe(list[4])
    expect(other.at(5)).toBe(list[2])
    expect(other.same(4, column, 4)).toBe(true)
  })

  it('holds an empty list, and grows from an empty part', () => {
    const empty = new TextColumn(structuredClone(new TextColumn().exportPart()))
    expect(empty.length).toBe(0)
    expect(empty.toArray()).toEqual([])
    empty.push('gs://b/a.mp4')
    expect(empty.toArray()).toEqual(['gs://b/a.mp4'])
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
