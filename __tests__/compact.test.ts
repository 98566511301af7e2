/**
 * Compact containers: key ids by hash, video flags, and the rows of given videos in the duplicate
 * search's columns, kept in memory or spilled to a file.
 */
import { describe, expect, it } from '@jest/globals'
import { VideoFlags, stringHash32 } from '../src/analyze/compact.js'
import { KeyIds } from '../src/analyze/key-ids.js'
import { TextColumn } from '../src/analyze/text-column.js'
import { RowFingerprints } from '../src/analyze/row-fingerprints.js'
import { temporarySpillFiles } from '../src/gate/spill-files.js'

const BLOCK = 1 << 16

/** Fingerprints kept in memory, and spilled to a file after their first block. */
const storages = [
  ['in memory', () => new RowFingerprints(null)],
  ['spilled', () => new RowFingerprints(temporarySpillFiles, BLOCK)]
] as const

describe('KeyIds', () => {
  it('finds every key after growing, tells apart keys with one hash, and misses absent ones', () => {
    const keys = new TextColumn()
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
    // An entry of another column (a part's keys) is found by its bytes and hash.
    const other = new TextColumn()
    for (const key of ['same-hash-b', 'same-hash-c', 'gs://b/v/clip_42.mp4']) other.push(key)
    expect(table.findEntry(other, 0, 12345)).toBe(b)
    expect(table.findEntry(other, 1, 12345)).toBe(-1)
    expect(table.findEntry(other, 2, stringHash32('gs://b/v/clip_42.mp4'))).toBe(42)
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

  it.each(storages)(
    'gives every file the lines of the wanted videos, across blocks, runs and files (%s)',
    (_, make) => {
      for (const [seed, count, files] of [
        [1, 10, 1],
        [2, 3 * BLOCK + 123, 3],
        [3, BLOCK, 2],
        [4, 2 * BLOCK + 1, 5]
      ] as const) {
        const list = rows(seed, count, files)
        const fingerprints = make()
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
    }
  )

  it.each(storages)(
    'reads the same after absorbing a part read by another thread (%s)',
    (_, make) => {
      const list = rows(5, 2 * BLOCK + 777, 2)
      const lines: number[] = []
      const whole = make()
      fill(whole, list, lines)
      // The same rows: the first 40% here, the rest in a part whose first file continues ours.
      const cut = Math.floor(list.length * 0.4)
      const own = make()
      fill(own, list.slice(0, cut), [])
      const part = make()
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
    }
  )
})
