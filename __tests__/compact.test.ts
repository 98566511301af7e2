/**
 * Compact containers. Block columns joined without a second copy: `adopt` gives the same values
 * as pushing them one by one, for every way the two columns' blocks can line up, and keeps the
 * given blocks as the column's storage; blocks of another shape are copied instead. Key ids by
 * hash, and video flags.
 */
import { describe, expect, it } from '@jest/globals'
import { BlockUint16, BlockUint32, VideoFlags, stringHash32 } from '../src/analyze/compact.js'
import { KeyIds } from '../src/analyze/key-ids.js'
import { RowFingerprints } from '../src/analyze/row-fingerprints.js'

const BLOCK = 1 << 16

function column(count: number, from: number): BlockUint32 {
  const values = new BlockUint32()
  for (let k = 0; k < count; k++) values.push((from + k * 2654435761) >>> 0)
  return values
}

function values(column: BlockUint32 | BlockUint16): number[] {
  return column.blocks().flatMap(block => Array.from(block))
}

/** The first index where the two differ (-1: the same); cheaper than toEqual on 200,000 values. */
function firstDifference(got: number[], expected: number[]): number {
  if (got.length !== expected.length) return Math.min(got.length, expected.length)
  for (let k = 0; k < got.length; k++) if (got[k] !== expected[k]) return k
  return -1
}

describe('BlockUint32.adopt', () => {
  const sizes = [0, 1, 1000, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK + 17]
  it.each(sizes.flatMap(main => sizes.map(part => [main, part])))(
    '%i values, then a part of %i: the values of one column, in order',
    (mainCount, partCount) => {
      const main = column(mainCount, 1)
      const part = column(partCount, 7)
      const expected = [...values(main), ...values(part)]
      main.adopt(part.blocks())
      expect(main.length).toBe(mainCount + partCount)
      expect(firstDifference(values(main), expected)).toBe(-1)
      for (const index of [0, mainCount - 1, mainCount, expected.length - 1].filter(i => i >= 0))
        if (index < expected.length) expect(main.get(index)).toBe(expected[index])
      // Pushing on goes on after the part's last value.
      main.push(42)
      expect(main.get(expected.length)).toBe(42)
      expect(main.length).toBe(expected.length + 1)
    }
  )

  it("keeps the part's blocks as its storage instead of copying them", () => {
    const main = column(1000, 1)
    const part = column(3 * BLOCK + 5, 3)
    const given = part.blocks()
    main.adopt(given)
    const buffers = new Set(given.map(block => block.buffer))
    const own = main.blocks().map(block => block.buffer)
    // The first block is the main column's; the rest are the part's, moved down in place.
    expect(own.slice(1).every(buffer => buffers.has(buffer))).toBe(true)
    expect(own.length).toBe(4)
  })

  it('adopts blocks whole when the column ends on a block boundary', () => {
    const main = column(BLOCK, 1)
    const part = column(BLOCK + 3, 5)
    const given = part.blocks()
    const expected = [...values(main), ...values(part)]
    main.adopt(given)
    expect(main.blocks()[1]!.buffer).toBe(given[0]!.buffer)
    expect(firstDifference(values(main), expected)).toBe(-1)
  })

  it('copies blocks of another shape: a short block before the last, a small buffer', () => {
    const main = column(10, 1)
    const odd = [Uint32Array.of(1, 2, 3), Uint32Array.of(4, 5)]
    main.adopt(odd)
    expect(values(main).slice(10)).toEqual([1, 2, 3, 4, 5])
    main.adopt([Uint32Array.of(6)])
    expect(values(main).slice(10)).toEqual([1, 2, 3, 4, 5, 6])
    expect(main.length).toBe(16)
    expect(odd[0]).toEqual(Uint32Array.of(1, 2, 3)) // copied from, not changed
  })
})

describe('BlockUint16.adopt', () => {
  it('lines a part up with its blocks as the 32-bit column does', () => {
    const main = new BlockUint16()
    const part = new BlockUint16()
    for (let k = 0; k < BLOCK + 100; k++) main.push(k & 0xffff)
    for (let k = 0; k < 2 * BLOCK + 3; k++) part.push((k * 7) & 0xffff)
    const expected = [...values(main), ...values(part)]
    main.adopt(part.blocks())
    expect(firstDifference(values(main), expected)).toBe(-1)
    expect(main.get(BLOCK + 100)).toBe(0)
    expect(main.get(expected.length - 1)).toBe(expected[expected.length - 1])
  })
})

describe('KeyIds', () => {
  it('finds every key after growing, tells apart keys with one hash, and misses absent ones', () => {
    const keys: string[] = []
    const hashes = { data: new Int32Array(5000) }
    const table = new KeyIds(keys, hashes)
    const add = (key: string, hash = stringHash32(key)) => {
      const id = keys.length
      keys.push(key)
      hashes.data[id] = hash
      table.add(id)
      return id
    }
    for (let k = 0; k < 3000; k++) add(`gs://b/v/clip_${k}.mp4`)
    // Two keys given one hash: the key decides.
    const a = add('same-hash-a', 12345)
    const b = add('same-hash-b', 12345)
    for (let k = 0; k < 3000; k += 7) expect(table.find(`gs://b/v/clip_${k}.mp4`)).toBe(k)
    expect(table.find('same-hash-a', 12345)).toBe(a)
    expect(table.find('same-hash-b', 12345)).toBe(b)
    expect(table.find('same-hash-c', 12345)).toBe(-1)
    expect(table.find('gs://b/v/clip_3000.mp4')).toBe(-1)
    // A hash given as unsigned or signed finds the same id.
    const high = add('high-bit', 0xfffffff0)
    expect(table.find('high-bit', 0xfffffff0)).toBe(high)
    expect(table.find('high-bit', 0xfffffff0 | 0)).toBe(high)
  })
})

describe('VideoFlags', () => {
  it('counts each video once and walks them in ascending order', () => {
    const flags = new VideoFlags(10)
    for (const video of [7, 2, 7, 9, 0]) flags.add(video)
    expect(flags.size).toBe(4)
    expect([...flags]).toEqual([0, 2, 7, 9])
    expect(flags.has(2)).toBe(true)
    expect(flags.has(3)).toBe(false)
  })
})

describe('RowFingerprints.linesOfVideos', () => {
  /** Rows over `files` files with gaps in their lines (rows without times are not kept). */
  function rows(seed: number, count: number, files: number) {
    let state = seed
    const random = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0
      return state / 2 ** 32
    }
    const perFile = Math.ceil(count / files)
    return Array.from({ length: count }, (_, k) => ({
      file: Math.floor(k / perFile),
      // Lines run on within a file, with a gap now and then (a run of the line index ends there).
      gap: random() < 0.1 ? 1 + Math.floor(random() * 5) : 0,
      videoHash: (random() * 2 ** 32) >>> 0
    }))
  }

  function fill(target: RowFingerprints, list: ReturnType<typeof rows>, lines: number[]): void {
    let file = -1
    let line = 0
    for (const row of list) {
      while (file < row.file) {
        target.beginFile()
        file++
        line = 0
      }
      line += 1 + row.gap
      lines.push(line)
      target.add(0, row.videoHash, 7, 0, 1, line)
    }
  }

  /** Per file, the lines of the rows whose video tag is a wanted one: one row at a time. */
  function expected(
    list: ReturnType<typeof rows>,
    lines: number[],
    wanted: Set<number>,
    files: number
  ) {
    const tags = new Set([...wanted].map(hash => hash & 0xffff))
    return Array.from({ length: files }, (_, file) =>
      list.flatMap((row, k) =>
        row.file === file && tags.has(row.videoHash & 0xffff) ? [lines[k]!] : []
      )
    )
  }

  it('gives every file the lines of the wanted videos, across blocks, runs and files', () => {
    for (const [seed, count, files] of [
      [1, 10, 1],
      [2, 3 * BLOCK + 123, 3],
      [3, BLOCK, 2],
      [4, 2 * BLOCK + 1, 5]
    ] as const) {
      const list = rows(seed, count, files)
      const fingerprints = new RowFingerprints()
      const lines: number[] = []
      fill(fingerprints, list, lines)
      // A third of the videos, and all of them.
      const some = new Set(list.filter((_, k) => k % 3 === 0).map(row => row.videoHash))
      const all = new Set(list.map(row => row.videoHash))
      for (const wanted of [some, all, new Set<number>()]) {
        const found = fingerprints.linesOfVideos(wanted, files).map(part => Array.from(part))
        expect(found).toEqual(expected(list, lines, wanted, files))
      }
    }
  })

  it('reads the same after absorbing a part read by another thread', () => {
    const list = rows(5, 2 * BLOCK + 777, 2)
    const lines: number[] = []
    const whole = new RowFingerprints()
    fill(whole, list, lines)
    // The same rows: the first 40% here, the rest in a part whose first file continues ours.
    const cut = Math.floor(list.length * 0.4)
    const own = new RowFingerprints()
    fill(own, list.slice(0, cut), [])
    const part = new RowFingerprints()
    part.beginFile()
    for (let k = cut; k < list.length; k++) {
      if (k > cut && list[k]!.file !== list[k - 1]!.file) part.beginFile()
      part.add(0, list[k]!.videoHash, 7, 0, 1, lines[k]!)
    }
    own.absorb(part.exportPart(), 1)
    const wanted = new Set(list.filter((_, k) => k % 5 === 0).map(row => row.videoHash))
    expect(own.linesOfVideos(wanted, 2).map(p => Array.from(p))).toEqual(
      expected(list, lines, wanted, 2)
    )
    expect(whole.linesOfVideos(wanted, 2).map(p => Array.from(p))).toEqual(
      expected(list, lines, wanted, 2)
    )
  })
})
