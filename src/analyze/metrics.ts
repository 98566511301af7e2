/**
 * The dataset's measurements that rules compare with thresholds: the imbalance ratio, the split
 * distances (JS distance, its noise floor, L-infinity, chi-square) and the metadata confounders
 * (Cramér's V). Computed here; judge/ only decides what the numbers mean.
 */
import {
  compareText,
  type Confounder,
  type Split,
  type SplitDistance,
  type SplitSummary
} from '../model.js'
import { chiSquareHomogeneity, cramersV } from './stats/contingency.js'
import { jsDistance, lInfinity } from './stats/divergence.js'
import {
  floorJobKey,
  jobFloor,
  type FloorJob,
  type KnownFloors
} from './stats/permutation-floor.js'
import type { DatasetTally } from './tally.js'

export interface Imbalance {
  ratio: number
  most: { name: string; n: number }
  least: { name: string; n: number }
}

/** Most over least frequent class (classes with none left out); null with fewer than 2 classes. */
export function measureImbalance(
  tally: DatasetTally,
  classes: readonly string[],
  unit: 'segments' | 'videos'
): Imbalance | null {
  const counted = classes
    .map(name => ({ name, n: tally.classTotals.get(name)![unit] }))
    .filter(c => c.n > 0)
  if (counted.length < 2) return null
  let most = counted[0]!
  let least = counted[0]!
  for (const c of counted) {
    if (c.n > most.n) most = c
    if (c.n < least.n) least = c
  }
  return { ratio: most.n / least.n, most, least }
}

/** The splits measured against TRAIN: TEST and VALIDATION, where both have segments. */
export function splitDistancePairs(
  splits: Partial<Record<Split, SplitSummary>>
): { train: SplitSummary; other: SplitSummary; otherName: 'TEST' | 'VALIDATION' }[] {
  const train = splits.TRAIN
  if (!train || train.segments === 0) return []
  const pairs = []
  for (const otherName of ['TEST', 'VALIDATION'] as const) {
    const other = splits[otherName]
    if (other && other.segments > 0) pairs.push({ train, other, otherName })
  }
  return pairs
}

/** The classes either split has (sorted) and their segment counts in each. */
function classCounts(
  train: SplitSummary,
  other: SplitSummary
): { names: string[]; a: number[]; b: number[] } {
  const names = [...new Set([...Object.keys(train.classes), ...Object.keys(other.classes)])].sort(
    compareText
  )
  const a = names.map(n => train.classes[n]?.segments ?? 0)
  const b = names.map(n => other.classes[n]?.segments ?? 0)
  return { names, a, b }
}

/** The noise floors `measureSplitDistance` will compute for these splits (to compute them ahead). */
export function splitDistanceFloorJobs(
  splits: Partial<Record<Split, SplitSummary>>,
  noiseQuantile: number
): FloorJob[] {
  return splitDistancePairs(splits).map(({ train, other }) => {
    const { a, b } = classCounts(train, other)
    return { a, b, quantile: noiseQuantile }
  })
}

/**
 * TRAIN against another split, over the segment counts of the classes either has. The noise floor
 * is taken from `known` when it was computed ahead (the same counts and quantile give the same
 * floor), else computed here.
 */
export function measureSplitDistance(
  train: SplitSummary,
  other: SplitSummary,
  otherName: Split,
  noiseQuantile: number,
  known: KnownFloors | null = null
): SplitDistance {
  const { names, a, b } = classCounts(train, other)
  const job: FloorJob = { a, b, quantile: noiseQuantile }
  const chi = chiSquareHomogeneity(a, b)
  const topShifts = names
    .map((name, i) => ({ class: name, a: a[i]! / train.segments, b: b[i]! / other.segments }))
    .sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b) || compareText(x.class, y.class))
    .slice(0, 5)
  return {
    a: 'TRAIN',
    b: otherName,
    jsDistance: jsDistance(a, b),
    lInf: lInfinity(a, b),
    chiSquareP: chi.pValue,
    chiSquare: chi.statistic,
    degreesOfFreedom: chi.degreesOfFreedom,
    noiseFloor: known?.get(floorJobKey(job)) ?? jobFloor(job),
    topShifts
  }
}

/**
 * How well one metadata attribute predicts the label: Cramér's V of its value x class table, and
 * the values that (almost) only occur with one class (at least 5 videos, 80% one class).
 */
export function measureConfounder(
  attribute: string,
  byValue: Map<string, Map<string, number>>
): Confounder {
  const values = [...byValue.keys()].sort(compareText)
  const classes = [...new Set(values.flatMap(v => [...byValue.get(v)!.keys()]))].sort(compareText)
  const table = values.map(v => classes.map(c => byValue.get(v)!.get(c) ?? 0))
  const v = cramersV(table)
  const givesAway: Confounder['givesAway'] = []
  values.forEach((value, i) => {
    const row = table[i]!
    const total = row.reduce((s, x) => s + x, 0)
    let best = 0
    for (let j = 1; j < row.length; j++) if (row[j]! > row[best]!) best = j
    const share = total > 0 ? row[best]! / total : 0
    if (total >= 5 && share >= 0.8) givesAway.push({ value, class: classes[best]!, share })
  })
  givesAway.sort((x, y) => y.share - x.share || compareText(x.value, y.value))
  return { attribute, cramersV: Number.isFinite(v) ? v : 0, givesAway: givesAway.slice(0, 5) }
}
