/**
 * Duplicate rows in typed columns (src/analyze/duplicate-groups.ts): rows grouped by their exact
 * identity in the order of their first rows, rows another grouping keeps left out, and groups
 * kept from elsewhere merged in by their first rows.
 */
import { describe, expect, it } from '@jest/globals'
import { IdentityGroups, type DuplicateGroups } from '../src/analyze/duplicate-groups.js'
import { hashIdentity } from '../src/model.js'

const names = { videoKeys: ['gs://b/a.mp4', 'gs://b/b.mp4'], labels: ['cat', 'dog'] }

function placesOf(groups: DuplicateGroups): string[][] {
  return Array.from({ length: groups.count }, (_, g) => {
    const places: string[] = []
    for (let m = groups.starts[g]!; m < groups.starts[g + 1]!; m++)
      places.push(`${groups.files[m]}:${groups.lines[m]}`)
    return places
  })
}

/** file, line, split, video, label, start, end */
type Row = [number, number, number, number, number, number, number]

function grouped(rows: Row[]): IdentityGroups {
  const groups = new IdentityGroups(2) // smaller than the rows: the columns and table must grow
  for (const row of rows) groups.add(...row)
  return groups
}

const rows: Row[] = [
  [0, 1, 0, 0, 0, 1, 2],
  [0, 2, 0, 1, 1, 0, 5],
  [0, 3, 0, 0, 0, 1, 2], // repeats line 1
  [0, 4, 0, 0, 0, 1, 2.0000001], // not line 1: the end differs in its last bits
  [0, 4, 1, 0, 0, 1, 2], // not line 1: another split
  [0, 5, 0, 1, 1, 0, 5], // repeats line 2
  [1, 1, 0, 1, 1, 0, 5], // repeats line 2, in the next file
  [1, 2, 0, 0, 1, 1, 2], // not line 1: another label
  [1, 3, 0, 1, 0, 1, 2] // not line 1: another video
]

describe('IdentityGroups', () => {
  it('groups equal rows only, in the order of their first rows, and names each group by its content', () => {
    const groups = grouped(rows).duplicates(names, null, null)
    expect(placesOf(groups)).toEqual([
      ['0:1', '0:3'],
      ['0:2', '0:5', '1:1']
    ])
    const expected = (...parts: (string | number)[]) =>
      hashIdentity(parts.map(String).join('\u0000')).toString(36)
    expect(groups.identity(0)).toBe(expected(0, 'gs://b/a.mp4', 'cat', 1, 2))
    expect(groups.identity(1)).toBe(expected(0, 'gs://b/b.mp4', 'dog', 0, 5))
  })

  it('leaves out the rows it is told to, and a group left with one row', () => {
    const groups = grouped(rows).duplicates(names, null, (file, line) => file === 0 && line === 3)
    expect(placesOf(groups)).toEqual([['0:2', '0:5', '1:1']])
    expect(groups.identity(0)).toBe(grouped(rows).duplicates(names, null, null).identity(1))
  })

  it('merges groups kept from elsewhere by their first rows, theirs first on one line', () => {
    const extra: DuplicateGroups = {
      count: 2,
      starts: Uint32Array.from([0, 2, 4]),
      files: Int32Array.from([0, 0, 2, 2]),
      lines: Uint32Array.from([2, 9, 1, 2]),
      identity: g => `kept:${g}`
    }
    const groups = grouped(rows).duplicates(names, extra, null)
    expect(placesOf(groups)).toEqual([
      ['0:1', '0:3'],
      ['0:2', '0:9'],
      ['0:2', '0:5', '1:1'],
      ['2:1', '2:2']
    ])
    expect([1, 3].map(g => groups.identity(g))).toEqual(['kept:0', 'kept:1'])
  })

  it('tells apart thousands of rows that differ in one video, label or time only (their slots meet)', () => {
    for (const field of [3, 4, 5, 6]) {
      const many: Row[] = Array.from({ length: 3000 }, (_, i) => {
        const row: Row = [0, i + 1, 0, 0, 0, 1, 2]
        row[field] = field === 5 || field === 6 ? 1 + i / 1024 : i
        return row
      })
      many.push([0, 9999, ...many[1234]!.slice(2)] as Row)
      const groups = grouped(many).duplicates(names, null, null)
      expect(placesOf(groups)).toEqual([['0:1235', '0:9999']])
    }
  })

  it('has no groups without repeats', () => {
    expect(grouped(rows.slice(0, 2)).duplicates(names, null, null).count).toBe(0)
    expect(new IdentityGroups(0).duplicates(names, null, null).count).toBe(0)
  })
})
