/**
 * The class-share chart, renderer-neutral: which classes a reviewer must look at and each split's
 * share of them. Shares, not counts, so that an 80/20 split still compares class by class; the
 * classes are chosen for what they say (the largest share differences, the rarest, the missing),
 * never by count alone, which for balanced data is alphabetical order.
 */
import { compareText, type DatasetReport, type Finding, type Split } from '../model.js'
import { labelledSegments, shareSplits } from './sections.js'

/** Categories of one chart: small enough to read and to keep at every detail level. */
export const CHART_CLASSES = 20
/** Of the chart's classes, at most this many are chosen for being missing, and for being rare. */
const MISSING_QUOTA = 5
const RARE_QUOTA = 5

export type PerClassRule = 'min-per-class' | 'recommended-per-class'

/** A class below a per-class threshold, as its finding states it. */
export interface Shortfall {
  rule: PerClassRule
  /** The class's count (the finding's measure); null when the finding carries none. */
  have: number | null
  /** The threshold; null when it cannot be read from the finding. */
  need: number | null
  /** 'videos' or 'segments' when the finding says which. */
  unit: string | null
}

export interface ChartClass {
  name: string
  /** Share of each chart split's labelled segments (fractions), in `ClassChart.splits` order. */
  shares: number[]
}

export interface ClassChart {
  /** The series: the first is drawn as bars, the others as lines. */
  splits: Split[]
  /** Top to bottom: largest share of the first split first. */
  classes: ChartClass[]
  /** Classes in the chart's splits (N of "K of N classes"). */
  classCount: number
  /** The share axis runs from 0 to this fraction, a round number at or above every share. */
  axisMax: number
  /** Shown classes whose shares differ most between splits, largest difference first (≤ 3). */
  largestDifferences: ChartClass[]
  /** Shown classes below a per-class threshold, rarest first, with the finding's threshold. */
  rare: { name: string; shortfall: Shortfall }[]
  /** Shown classes absent from a chart split that another has, with those splits. */
  missing: { name: string; splits: Split[] }[]
}

/** No chart, and why, in one sentence; null when there is nothing to chart or say. */
export type ChartOutcome = { chart: ClassChart } | { note: string } | null

/**
 * The threshold a `min-per-class` / `recommended-per-class` finding states. The finding has no
 * field for it, so it is read from the message the judge writes ("has 4 videos in all splits; at
 * least 10 are required", "a good model wants 200"); a `threshold` field, when the report carries
 * one, wins, and so does the finding's `measure` for the count.
 */
function shortfallOf(finding: Finding, rule: PerClassRule): Shortfall {
  const number = (text: string | undefined) => {
    const value = text === undefined ? NaN : Number(text.replace(/,/g, ''))
    return Number.isFinite(value) ? value : null
  }
  const field = 'threshold' in finding ? finding.threshold : undefined
  const stated = /(?:at least|wants) ([\d,]+)|([\d,]+) are recommended/.exec(finding.message)
  const counted = /\bhas ([\d,]+) (video|segment)s?\b/.exec(finding.message)
  return {
    rule,
    have: finding.measure ?? number(counted?.[1]),
    need: typeof field === 'number' ? field : number(stated?.[1] ?? stated?.[2]),
    unit: counted?.[2] === undefined ? null : `${counted[2]}s`
  }
}

/** Per class, the per-class finding that matters most: below the hard minimum before the advice. */
export function shortfalls(dataset: DatasetReport): Map<string, Shortfall> {
  const found = new Map<string, Shortfall>()
  for (const rule of ['min-per-class', 'recommended-per-class'] as const) {
    for (const finding of dataset.findings) {
      if (finding.rule !== rule || finding.class === null || found.has(finding.class)) continue
      found.set(finding.class, shortfallOf(finding, rule))
    }
  }
  return found
}

/** Round maxima for the share axis, per power of ten. */
const AXIS_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]
/**
 * Below 1%, the maxima for which Mermaid's ticks (d3's "nice" steps, about ten of them) are at
 * most 11 labels: 0.25, 0.3 or 0.6 would give 13 to 16 labels such as "0.02" that overlap.
 */
const SMALL_AXIS_STEPS = [1, 1.5, 2, 4, 5, 8, 10]

/** The smallest round percentage (as a fraction) at or above `value`; at most 100%. */
export function roundAxisMax(value: number): number {
  if (!(value > 0)) return 0.01
  const percent = value * 100
  const power = 10 ** Math.floor(Math.log10(percent))
  for (const step of percent < 1 ? SMALL_AXIS_STEPS : AXIS_STEPS) {
    const candidate = Number((step * power).toPrecision(6))
    if (candidate >= percent - 1e-9) return Math.min(candidate, 100) / 100
  }
  return 1
}

function spread(shares: readonly number[]): number {
  return Math.max(...shares) - Math.min(...shares)
}

function absentFrom(splits: readonly Split[], shares: readonly number[]): Split[] {
  if (!shares.some(share => share > 0)) return []
  return splits.filter((_, i) => (shares[i] ?? 0) === 0)
}

function rarity(a: Shortfall, b: Shortfall): number {
  const rank = (s: Shortfall) => (s.rule === 'min-per-class' ? 0 : 1)
  return rank(a) - rank(b) || (a.have ?? Infinity) - (b.have ?? Infinity)
}

/**
 * Up to `max` classes in order of what a reviewer must see: a few missing from a split, a few of
 * the rarest, then the largest share differences, then the other missing and rare classes.
 */
function chooseClasses(
  all: ChartClass[],
  splits: readonly Split[],
  below: Map<string, Shortfall>,
  max: number
): ChartClass[] {
  if (all.length <= max) return all
  const byName = (a: ChartClass, b: ChartClass) => compareText(a.name, b.name)
  const missing = all
    .filter(row => absentFrom(splits, row.shares).length > 0)
    .sort((a, b) => Math.max(...b.shares) - Math.max(...a.shares) || byName(a, b))
  const rare = all
    .filter(row => below.has(row.name))
    .sort((a, b) => rarity(below.get(a.name)!, below.get(b.name)!) || byName(a, b))
  const shifted = [...all].sort((a, b) => spread(b.shares) - spread(a.shares) || byName(a, b))
  const chosen = new Set<ChartClass>()
  const order = [
    ...missing.slice(0, MISSING_QUOTA),
    ...rare.slice(0, RARE_QUOTA),
    ...shifted,
    ...missing,
    ...rare
  ]
  for (const row of order) {
    if (chosen.size >= max) break
    chosen.add(row)
  }
  return [...chosen]
}

/**
 * The chart of a dataset: each split's class shares for the chosen classes, or a note saying why
 * there is none (fewer than two splits with labelled segments).
 */
export function classChart(dataset: DatasetReport, max = CHART_CLASSES): ChartOutcome {
  const splits = shareSplits(dataset)
  if (splits.length === 0) {
    if (Object.keys(dataset.splits).length === 0) return null
    return { note: 'No class-share chart: no split has a labelled segment.' }
  }
  if (splits.length === 1) {
    return {
      note:
        `No class-share chart: it compares TRAIN, VALIDATION and TEST, and only ${splits[0]} ` +
        'has labelled segments.'
    }
  }
  const totals = splits.map(split => labelledSegments(dataset, split))
  const names = new Set<string>()
  for (const split of splits)
    for (const name of Object.keys(dataset.splits[split]?.classes ?? {})) names.add(name)
  const all: ChartClass[] = [...names].map(name => ({
    name,
    shares: splits.map((split, i) => {
      const classes = dataset.splits[split]?.classes
      const segments =
        classes !== undefined && Object.hasOwn(classes, name) ? (classes[name]?.segments ?? 0) : 0
      return segments / (totals[i] as number)
    })
  }))
  const below = shortfalls(dataset)
  const classes = chooseClasses(all, splits, below, max).sort(
    (a, b) => (b.shares[0] ?? 0) - (a.shares[0] ?? 0) || compareText(a.name, b.name)
  )
  let largest = 0
  for (const row of classes) largest = Math.max(largest, ...row.shares)
  const largestDifferences = [...classes]
    .filter(row => spread(row.shares) > 0)
    .sort((a, b) => spread(b.shares) - spread(a.shares) || compareText(a.name, b.name))
    .slice(0, 3)
  const rare = classes
    .filter(row => below.has(row.name))
    .map(row => ({ name: row.name, shortfall: below.get(row.name)! }))
    .sort((a, b) => rarity(a.shortfall, b.shortfall) || compareText(a.name, b.name))
  const missing = classes
    .map(row => ({ name: row.name, splits: absentFrom(splits, row.shares) }))
    .filter(row => row.splits.length > 0)
  return {
    chart: {
      splits,
      classes,
      classCount: all.length,
      axisMax: roundAxisMax(largest),
      largestDifferences,
      rare,
      missing
    }
  }
}
