/**
 * What `resplit` moves: units, each a source group (the dataset's `group-pattern`) or a video, with
 * its rows, its labeled segments per class and where its rows are now.
 */
import { RE2JS } from 're2js'
import { SPLITS, type Split } from '../model.js'
import type { DatasetRow } from './dataset-rows.js'
import { groupOf } from '../analyze/group-of.js'

export const SPLIT_COUNT = SPLITS.length

export interface Unit {
  key: string
  kind: 'group' | 'video'
  rows: number[]
  /** Rows per split code as the input has them. */
  original: Int32Array
  /** Labeled segments: class ids and counts (parallel arrays), and their total. */
  classes: Int32Array
  counts: Int32Array
  segments: number
  /** Labeled segments per split code as the input has them. */
  originalSegments: Int32Array
}

export interface Units {
  units: Unit[]
  classNames: string[]
  /** Split code of each row as the input has it. */
  rowSplit: Uint8Array
}

export function splitCode(split: Split): number {
  return SPLITS.indexOf(split)
}

export function buildUnits(rows: readonly DatasetRow[], groupPattern: string | undefined): Units {
  const pattern = groupPattern !== undefined ? RE2JS.compile(groupPattern) : null
  const groupCache = new Map<string, string | null>()
  const byKey = new Map<string, { kind: Unit['kind']; rows: number[] }>()
  const classIds = new Map<string, number>()
  const classNames: string[] = []
  const rowSplit = new Uint8Array(rows.length)
  rows.forEach((row, i) => {
    rowSplit[i] = splitCode(row.split)
    let group: string | null = null
    if (pattern) {
      if (!groupCache.has(row.video)) groupCache.set(row.video, groupOf(pattern, row.video))
      group = groupCache.get(row.video)!
    }
    const key = group !== null ? `g\u0000${group}` : `v\u0000${row.video}`
    let unit = byKey.get(key)
    if (!unit) byKey.set(key, (unit = { kind: group !== null ? 'group' : 'video', rows: [] }))
    unit.rows.push(i)
    if (row.label !== '' && !classIds.has(row.label)) {
      classIds.set(row.label, classNames.length)
      classNames.push(row.label)
    }
  })
  const units: Unit[] = []
  for (const [key, unit] of byKey) {
    const original = new Int32Array(SPLIT_COUNT)
    const originalSegments = new Int32Array(SPLIT_COUNT)
    const perClass = new Map<number, number>()
    for (const i of unit.rows) {
      original[rowSplit[i]!]!++
      const label = rows[i]!.label
      if (label === '') continue
      originalSegments[rowSplit[i]!]!++
      const id = classIds.get(label)!
      perClass.set(id, (perClass.get(id) ?? 0) + 1)
    }
    const ids = [...perClass.keys()].sort((a, b) => a - b)
    units.push({
      key: key.slice(2),
      kind: unit.kind,
      rows: unit.rows,
      original,
      classes: Int32Array.from(ids),
      counts: Int32Array.from(ids.map(id => perClass.get(id)!)),
      segments: ids.reduce((sum, id) => sum + perClass.get(id)!, 0),
      originalSegments
    })
  }
  return { units, classNames, rowSplit }
}
