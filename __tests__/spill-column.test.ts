/**
 * The duplicate search's columns past their first blocks live in a spill file: the values read
 * back are the ones pushed, in order, for every way blocks, parts and the spill line up; a spill
 * that cannot open or write keeps the values in memory; files are closed, their own and the ones
 * a part handed over, and never left in the temporary folder. The candidates found are the same
 * whether the rows were spilled or not.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RowFingerprints } from '../src/analyze/row-fingerprints.js'
import {
  Spill,
  SpillColumn,
  residentPieces,
  spillingInto,
  type SpillFiles
} from '../src/analyze/spill-column.js'
import { temporarySpillFiles } from '../src/gate/spill-files.js'

const BLOCK = 1 << 16

/** The real files, counting what is done to them. */
function counted(files: SpillFiles = temporarySpillFiles) {
  const open = new Set<number>()
  const counts = { opened: 0, written: 0, read: 0, closed: 0 }
  const wrapped: SpillFiles = {
    open() {
      const fd = files.open()
      if (fd !== null) {
        counts.opened++
        open.add(fd)
      }
      return fd
    },
    write(fd, bytes, position) {
      counts.written++
      return files.write(fd, bytes, position)
    },
    read(fd, into, position) {
      counts.read++
      files.read(fd, into, position)
    },
    close(fd) {
      counts.closed++
      open.delete(fd)
      files.close(fd)
    }
  }
  return { files: wrapped, counts, open }
}

function values(column: SpillColumn<Uint32Array>): number[] {
  const out: number[] = []
  let expectedFirst = 0
  column.forEachBlock((block, first) => {
    expect(first).toBe(expectedFirst)
    expectedFirst += block.length
    for (const value of block) out.push(value)
  })
  return out
}

function filled(spill: Spill | null, count: number, from: number, limit = BLOCK) {
  const column = new SpillColumn(Uint32Array, spill, limit)
  const pushed: number[] = []
  for (let k = 0; k < count; k++) {
    const value = (from + k * 2654435761) >>> 0
    column.push(value)
    pushed.push(value)
  }
  return { column, pushed }
}

/** The first index where the two differ (-1: the same); cheaper than toEqual on 200,000 values. */
function firstDifference(got: number[], expected: number[]): number {
  if (got.length !== expected.length) return Math.min(got.length, expected.length)
  for (let k = 0; k < got.length; k++) if (got[k] !== expected[k]) return k
  return -1
}

describe('SpillColumn', () => {
  const sizes = [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 17]

  it.each(sizes)('gives back %i values in order, spilled after the first block', count => {
    const { files, counts, open } = counted()
    const spill = new Spill(files)
    const { column, pushed } = filled(spill, count, 1)
    expect(column.length).toBe(count)
    expect(firstDifference(values(column), pushed)).toBe(-1)
    // The first block stays in memory; every full block after it is written (the last, partly
    // filled one is still in memory).
    expect(counts.written).toBe(Math.max(0, Math.ceil(count / BLOCK) - 2))
    spill.close()
    expect(open.size).toBe(0)
  })

  it('keeps no block in memory when it may keep none', () => {
    const { files, counts } = counted()
    const { column, pushed } = filled(new Spill(files), 6 * BLOCK + 3, 3, 0)
    const part = column.exportPart() // writes the last block, sealed where it ends
    expect(residentPieces(part)).toEqual([])
    expect(counts.written).toBe(7)
    const back = new SpillColumn(Uint32Array, new Spill(files), 0)
    back.absorb(part)
    expect(firstDifference(values(back), pushed)).toBe(-1)
  })

  it.each(sizes.flatMap(main => sizes.map(part => [main, part])))(
    '%i values, then a part of %i spilled into a file given to it: one column, pushing on after it',
    (mainCount, partCount) => {
      const { files, open } = counted()
      const mainSpill = new Spill(files)
      const main = filled(mainSpill, mainCount, 1)
      const partFile = mainSpill.fileForPart()!
      const partSpill = new Spill(spillingInto(partFile, files))
      const part = filled(partSpill, partCount, 7)
      const exported = part.column.exportPart()
      // Through a structured clone, as a part crosses from a worker thread.
      main.column.absorb(structuredClone(exported))
      main.column.push(42)
      const expected = [...main.pushed, ...part.pushed, 42]
      expect(main.column.length).toBe(expected.length)
      expect(firstDifference(values(main.column), expected)).toBe(-1)
      partSpill.close() // a file given to it: closes nothing
      expect(open.has(partFile)).toBe(true)
      mainSpill.close()
      expect(open.size).toBe(0)
    }
  )

  it('keeps every value in memory when no file can be made, or a write fails', () => {
    const noFolder = counted({ ...temporarySpillFiles, open: () => null })
    const a = filled(new Spill(noFolder.files), 4 * BLOCK + 5, 1)
    expect(firstDifference(values(a.column), a.pushed)).toBe(-1)
    expect(noFolder.counts.written).toBe(0)

    let writes = 0
    const fullDisk = counted({
      ...temporarySpillFiles,
      write: (fd, bytes, position) => ++writes < 2 && temporarySpillFiles.write(fd, bytes, position)
    })
    const spill = new Spill(fullDisk.files)
    const b = filled(spill, 5 * BLOCK + 5, 2)
    expect(firstDifference(values(b.column), b.pushed)).toBe(-1)
    // One block written, the second write failed, and none tried after it.
    expect(writes).toBe(2)
    spill.close()
    expect(fullDisk.open.size).toBe(0)
  })

  it('leaves no file in the temporary folder, open or closed', () => {
    const folder = mkdtempSync(join(tmpdir(), 'spill-folder-'))
    const before = process.env.TMPDIR
    process.env.TMPDIR = folder
    try {
      const spill = new Spill(temporarySpillFiles)
      const { column, pushed } = filled(spill, 4 * BLOCK, 9)
      expect(readdirSync(folder)).toEqual([])
      expect(firstDifference(values(column), pushed)).toBe(-1)
      spill.close()
      expect(readdirSync(folder)).toEqual([])
    } finally {
      if (before === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = before
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

describe('RowFingerprints, spilled', () => {
  /** Rows of 3 files with repeats: every 97th row again later, some of them in another split. */
  function fill(target: RowFingerprints, from: number, to: number, begin: (k: number) => boolean) {
    for (let k = from; k < to; k++) {
      if (begin(k)) target.beginFile()
      const original = k % 97 === 0 && k > 1000 ? k - 1000 : k
      const split = k % 194 === 0 && k > 1000 ? 1 : 0
      target.add(split, (original * 40503) >>> 0, original % 13, original % 50, 60, k + 2)
    }
  }

  it('finds the same duplicate candidates as in memory, read whole or in two parts', () => {
    const rows = 5 * BLOCK + 321
    const begin = (k: number) => k === 0 || k === 2 * BLOCK || k === 4 * BLOCK
    const inMemory = new RowFingerprints(null)
    fill(inMemory, 0, rows, begin)
    const expected = inMemory.duplicateCandidates()
    expect(expected.count).toBeGreaterThan(1000)

    const { files, open } = counted()
    const whole = new RowFingerprints(files, BLOCK)
    fill(whole, 0, rows, begin)
    expect(whole.duplicateCandidates()).toEqual(expected)

    // The first 3 blocks and a bit here, the rest in a part (its first file continues ours).
    const cut = 3 * BLOCK + 100
    const own = new RowFingerprints(files, BLOCK)
    fill(own, 0, cut, begin)
    const part = new RowFingerprints(spillingInto(own.spillFileForPart()!, files), BLOCK)
    fill(part, cut, rows, k => k === cut || (k !== cut && begin(k)))
    own.absorb(structuredClone(part.exportPart()), 1)
    expect(own.duplicateCandidates()).toEqual(expected)

    whole.release()
    own.release()
    part.release() // its file was given to it: closes nothing more
    expect(open.size).toBe(0)
  })
})
