/**
 * The renderer-neutral view of a report: what goes in each table, in which order. The Markdown
 * and text reports both read these, so a comment and a terminal agree on every number.
 */
import { compareText, SPLITS } from '../model.js'
import { columnBars, rowBar } from './bars.js'
import { formatChange, formatCount, formatPercent, shareDigits } from './format.js'
import type {
  ClassCounts,
  DatasetReport,
  Finding,
  GateReport,
  Leak,
  SeverityCounts,
  Split,
  SplitLocation
} from '../model.js'

/** Every finding a dataset has, those left out of the list included. */
export function totalFindings(counts: SeverityCounts): number {
  return counts.error + counts.warning + counts.notice
}

/** "2 new against main@1a2b3c4" when a base was read, else null (nothing is new without a base). */
export function newFindingsSummary(report: GateReport): string | null {
  if (report.newCounts === undefined) return null
  const fresh = totalFindings(report.newCounts)
  return `${formatCount(fresh)} new against ${report.baseRef ?? 'the base'}`
}

/** A dataset with no file read and no row: a refused path, or files that could not be read. */
export function nothingRead(dataset: DatasetReport): boolean {
  return dataset.files.length === 0 && dataset.metrics.totalSegments === 0
}

/** Where a finding applies: `file:line`, or the split and class of a dataset finding. */
export function findingPlace(finding: Finding): { file: string; line: number | null } | string {
  if (finding.file !== null) return { file: finding.file, line: finding.line }
  return [finding.split, finding.class === null ? null : `class ${finding.class}`]
    .filter(part => part !== null)
    .join(' · ')
}

export function presentSplits(dataset: DatasetReport): Split[] {
  return SPLITS.filter(split => dataset.splits[split] !== undefined)
}

export interface SplitRow {
  split: Split
  segments: number
  videos: number
  unlabeledVideos: number
  classes: number
  /** This split's videos over the videos of all splits (a leaked video counts in each). */
  videoShare: number
}

export function splitOverview(dataset: DatasetReport): SplitRow[] {
  const splits = presentSplits(dataset)
  let allVideos = 0
  for (const split of splits) allVideos += dataset.splits[split]?.videos ?? 0
  return splits.map(split => {
    const summary = dataset.splits[split]
    const videos = summary?.videos ?? 0
    return {
      split,
      segments: summary?.segments ?? 0,
      videos,
      unlabeledVideos: summary?.unlabeledVideos ?? 0,
      classes: summary === undefined ? 0 : Object.keys(summary.classes).length,
      videoShare: allVideos === 0 ? 0 : videos / allVideos
    }
  })
}

export interface ClassCell {
  segments: number
  videos: number
  /** Change against the base; null when no base was compared or nothing changed. */
  segmentChange: number | null
  videoChange: number | null
  /** The class is in this split on the head and was not on the base. */
  added: boolean
}

export interface ClassRow {
  name: string
  cells: Map<Split, ClassCell>
  totalSegments: number
  /** The class's share of each split's labelled segments (fractions), for `shareSplits` only. */
  shares: Map<Split, number>
}

/** Labelled segments of a split: the sum over its classes (a multi-label segment counts once per label). */
export function labelledSegments(dataset: DatasetReport, split: Split): number {
  let total = 0
  for (const counts of Object.values(dataset.splits[split]?.classes ?? {})) total += counts.segments
  return total
}

/**
 * Splits whose class shares are compared (the chart, the share columns): TRAIN, VALIDATION and
 * TEST with at least one labelled segment. UNASSIGNED counts only when no other split has rows:
 * AutoML deals its rows out 80/10/10, so its own shares are not what trains or tests a model (and
 * a handful of unassigned rows would set the scale of every bar).
 */
export function shareSplits(dataset: DatasetReport): Split[] {
  const assigned = SPLITS.filter(
    split => split !== 'UNASSIGNED' && labelledSegments(dataset, split) > 0
  )
  if (assigned.length > 0) return assigned
  return labelledSegments(dataset, 'UNASSIGNED') > 0 ? ['UNASSIGNED'] : []
}

/** Splits that get a column in the per-class table: present now, or changed by the delta. */
export function classSplits(dataset: DatasetReport): Split[] {
  const changed = new Set(dataset.delta?.classes.map(change => change.split) ?? [])
  return SPLITS.filter(split => dataset.splits[split] !== undefined || changed.has(split))
}

function ownCounts(
  classes: Record<string, ClassCounts> | undefined,
  name: string
): ClassCounts | null {
  return classes !== undefined && Object.hasOwn(classes, name) ? (classes[name] ?? null) : null
}

/**
 * One row per class (classes the change removed included), most segments first. Cells carry the
 * change against the base from `delta.classes`.
 */
export function classRows(dataset: DatasetReport): ClassRow[] {
  const changes = new Map<string, { base: ClassCounts | null; head: ClassCounts | null }>()
  for (const change of dataset.delta?.classes ?? []) {
    changes.set(`${change.split}\u0000${change.class}`, change)
  }
  const names = new Set<string>()
  for (const split of SPLITS) {
    for (const name of Object.keys(dataset.splits[split]?.classes ?? {})) names.add(name)
  }
  for (const change of dataset.delta?.classes ?? []) names.add(change.class)

  const totals = new Map(
    shareSplits(dataset).map(split => [split, labelledSegments(dataset, split)])
  )
  const rows: ClassRow[] = []
  for (const name of names) {
    const cells = new Map<Split, ClassCell>()
    const shares = new Map<Split, number>()
    for (const [split, total] of totals) {
      shares.set(split, (ownCounts(dataset.splits[split]?.classes, name)?.segments ?? 0) / total)
    }
    let totalSegments = 0
    for (const split of SPLITS) {
      const head = ownCounts(dataset.splits[split]?.classes, name)
      const change = changes.get(`${split}\u0000${name}`)
      if (head === null && change === undefined) continue
      const now = head ?? change?.head ?? null
      const before = change === undefined ? undefined : change.base
      const segments = now?.segments ?? 0
      const videos = now?.videos ?? 0
      totalSegments += segments
      cells.set(split, {
        segments,
        videos,
        segmentChange: before === undefined ? null : segments - (before?.segments ?? 0),
        videoChange: before === undefined ? null : videos - (before?.videos ?? 0),
        added: before === null && now !== null
      })
    }
    rows.push({ name, cells, totalSegments, shares })
  }
  return rows.sort((a, b) => b.totalSegments - a.totalSegments || compareText(a.name, b.name))
}

/**
 * At most `max` rows: the first half and the last half of the list (the most and the least
 * frequent classes are the interesting ones), and how many were left out between them.
 */
export function keepEnds<T>(
  rows: readonly T[],
  max: number
): { head: T[]; tail: T[]; omitted: number } {
  if (rows.length <= max) return { head: [...rows], tail: [], omitted: 0 }
  const headCount = Math.ceil(max / 2)
  const tailCount = max - headCount
  return {
    head: rows.slice(0, headCount),
    tail: tailCount === 0 ? [] : rows.slice(rows.length - tailCount),
    omitted: rows.length - max
  }
}

/** The largest share of any class in any split: the scale of the share bars of one table. */
export function largestShare(rows: readonly ClassRow[]): number {
  let max = 0
  for (const row of rows) for (const share of row.shares.values()) max = Math.max(max, share)
  return max
}

/**
 * The share column of the per-class tables: one column bar per split (scaled to the largest share
 * in the table, `·` for none), then the shares: `▄█ 16.7% · 30.8%` (two decimals when every
 * share is below 2%, as with hundreds of classes: `▇█ 0.25% · 0.26%`).
 */
export function shareCell(row: ClassRow, splits: readonly Split[], max: number): string {
  const shares = splits.map(split => row.shares.get(split) ?? 0)
  const digits = shareDigits(max)
  return `${columnBars(shares, max)} ${shares.map(share => formatPercent(share, digits)).join(' · ')}`
}

/** One class as the change left it: per split, segments on the base and on the head. */
export interface ChangedClass {
  name: string
  changes: Map<Split, { base: number | null; head: number | null }>
  /** Segments added plus segments removed, over all splits. */
  moved: number
}

/**
 * The classes whose segment counts the change altered most (segments added plus removed over all
 * splits), largest first; at most `max`, and how many changed in all.
 */
export function changedClasses(
  dataset: DatasetReport,
  max: number
): { classes: ChangedClass[]; total: number } {
  const byName = new Map<string, ChangedClass>()
  for (const change of dataset.delta?.classes ?? []) {
    let entry = byName.get(change.class)
    if (entry === undefined) {
      entry = { name: change.class, changes: new Map(), moved: 0 }
      byName.set(change.class, entry)
    }
    const base = change.base?.segments ?? null
    const head = change.head?.segments ?? null
    entry.changes.set(change.split, { base, head })
    entry.moved += Math.abs((head ?? 0) - (base ?? 0))
  }
  const all = [...byName.values()].filter(entry => entry.moved > 0)
  all.sort((a, b) => b.moved - a.moved || compareText(a.name, b.name))
  return { classes: all.slice(0, max), total: all.length }
}

/** A changed-classes cell: `+39 (801 → 840)`, `new: 24`, `removed (14)`; empty when unchanged. */
export function changeCell(
  change: { base: number | null; head: number | null } | undefined
): string {
  if (change === undefined) return ''
  const { base, head } = change
  if (base === null) return `new: ${formatCount(head ?? 0)}`
  if (head === null) return `removed (${formatCount(base)})`
  if (head === base) return ''
  return `${formatChange(head - base)} (${formatCount(base)} → ${formatCount(head)})`
}

/** The bar of a changed class: segments added plus removed, scaled to the largest change shown. */
export function changeBar(moved: number, max: number): string {
  return rowBar(moved, max)
}

/** A leak's places in split order. */
export function leakPlaces(leak: Leak): SplitLocation[] {
  return [...leak.places].sort((a, b) => SPLITS.indexOf(a.split) - SPLITS.indexOf(b.split))
}

/** Leaked videos and leaked groups, each with its count (the list may be shorter than the count). */
export function leakKinds(
  dataset: DatasetReport
): { leaks: Leak[]; total: number; what: 'video' | 'group' }[] {
  return [
    { leaks: dataset.leaks.videos, count: dataset.metrics.leakedVideos, what: 'video' as const },
    { leaks: dataset.leaks.groups, count: dataset.metrics.leakedGroups, what: 'group' as const }
  ]
    .map(({ leaks, count, what }) => ({ leaks, total: Math.max(count, leaks.length), what }))
    .filter(kind => kind.total > 0)
}
