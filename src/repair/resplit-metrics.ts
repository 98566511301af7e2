/**
 * The measurements `resplit` reports before and after: leaked videos and groups, each split's
 * share of labeled segments, and the distance of each split's class distribution to TRAIN with its
 * noise floor, measured as the gate measures them (analyze/stats).
 */
import { compareText, SPLITS, type Split } from '../model.js'
import { jsDistance } from '../analyze/stats/divergence.js'
import { jsPermutationFloor } from '../analyze/stats/permutation-floor.js'
import type { RowTable } from './dataset-rows.js'
import type { Units } from './units.js'

export interface AssignmentMetrics {
  leakedVideos: number
  leakedGroups: number
  splitShares: Partial<Record<Split, number>>
  splitDistance: { a: Split; b: Split; jsDistance: number; noiseFloor: number }[]
}

/** `rowSplit`: each row's split code, -1 for a removed row. */
export function measureAssignment(
  rows: RowTable,
  built: Units,
  rowSplit: ArrayLike<number>,
  options: { noiseQuantile: number }
): AssignmentMetrics {
  const videoSplits = new Uint8Array(rows.videos.values.length)
  for (let i = 0; i < rows.length; i++) {
    const s = rowSplit[i]!
    if (s >= 0) videoSplits[rows.video[i]!]! |= 1 << s
  }
  let leakedVideos = 0
  for (const mask of videoSplits) if ((mask & (mask - 1)) !== 0) leakedVideos++
  let leakedGroups = 0
  for (const unit of built.units) {
    if (unit.kind !== 'group') continue
    let mask = 0
    for (const i of unit.rows) if (rowSplit[i]! >= 0) mask |= 1 << rowSplit[i]!
    if ((mask & (mask - 1)) !== 0) leakedGroups++
  }
  const classes = built.classNames.length
  const counts = SPLITS.map(() => new Array<number>(classes).fill(0))
  let total = 0
  for (let i = 0; i < rows.length; i++) {
    const s = rowSplit[i]!
    const label = rows.label[i]!
    if (s < 0 || label === -1) continue
    counts[s]![label]!++
    total++
  }
  const sizes = counts.map(c => c.reduce((sum, n) => sum + n, 0))
  const splitShares: Partial<Record<Split, number>> = {}
  SPLITS.forEach((split, s) => {
    if (sizes[s]! > 0) splitShares[split] = sizes[s]! / total
  })
  return {
    leakedVideos,
    leakedGroups,
    splitShares,
    splitDistance: distances(built, counts, sizes, options)
  }
}

function distances(
  built: Units,
  counts: number[][],
  sizes: number[],
  options: { noiseQuantile: number }
): AssignmentMetrics['splitDistance'] {
  // The gate's class order (names in code-point order): the noise floor's draws follow it.
  const order = built.classNames
    .map((name, i) => ({ name, i }))
    .sort((x, y) => compareText(x.name, y.name))
  const result: AssignmentMetrics['splitDistance'] = []
  if (sizes[0] === 0) return result
  for (const s of [2, 1]) {
    if (sizes[s] === 0) continue
    const used = order.filter(c => counts[0]![c.i]! + counts[s]![c.i]! > 0)
    const a = used.map(c => counts[0]![c.i]!)
    const b = used.map(c => counts[s]![c.i]!)
    result.push({
      a: 'TRAIN',
      b: SPLITS[s]!,
      jsDistance: jsDistance(a, b),
      noiseFloor: jsPermutationFloor(a, b, { quantile: options.noiseQuantile })
    })
  }
  return result
}
