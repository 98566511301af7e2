/**
 * What `resplit` moves: units, each a source group (the dataset's `group-pattern`) or a video, with
 * its rows, its labeled segments per class and where its rows are now.
 */
import { RE2JS } from 're2js'
import { SPLITS, type Split } from '../model.js'
import type { RowTable } from './dataset-rows.js'
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

export function buildUnits(rows: RowTable, groupPattern: string | undefined): Units {
  const pattern = groupPattern !== undefined ? RE2JS.compile(groupPattern) : null
  const groupOfVideo = pattern ? rows.videos.values.map(video => groupOf(pattern, video)) : null
  const byKey = new Map<string, { key: string; kind: Unit['kind']; rows: number[] }>()
  // Each video's unit, found once per video rather than by a key built per row.
  const unitOfVideo: { rows: number[] }[] = []
  const rowSplit = rows.split.slice(0, rows.length)
  for (let i = 0; i < rows.length; i++) {
    const video = rows.video[i]!
    let unit = unitOfVideo[video]
    if (!unit) {
      const group = groupOfVideo ? groupOfVideo[video]! : null
      const key = group !== null ? `g\u0000${group}` : `v\u0000${rows.videos.values[video]!}`
      let found = byKey.get(key)
      if (!found) {
        found = { key: key.slice(2), kind: group !== null ? 'group' : 'video', rows: [] }
        byKey.set(key, found)
      }
      unit = unitOfVideo[video] = found
    }
    unit.rows.push(i)
  }
  const units: Unit[] = []
  for (const unit of byKey.values()) {
    const original = new Int32Array(SPLIT_COUNT)
    const originalSegments = new Int32Array(SPLIT_COUNT)
    const perClass = new Map<number, number>()
    for (const i of unit.rows) {
      original[rowSplit[i]!]!++
      const id = rows.label[i]!
      if (id === -1) continue
      originalSegments[rowSplit[i]!]!++
      perClass.set(id, (perClass.get(id) ?? 0) + 1)
    }
    const ids = [...perClass.keys()].sort((a, b) => a - b)
    units.push({
      key: unit.key,
      kind: unit.kind,
      rows: unit.rows,
      original,
      classes: Int32Array.from(ids),
      counts: Int32Array.from(ids.map(id => perClass.get(id)!)),
      segments: ids.reduce((sum, id) => sum + perClass.get(id)!, 0),
      originalSegments
    })
  }
  return { units, classNames: rows.labels.values, rowSplit }
}
