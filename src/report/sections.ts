/**
 * The renderer-neutral view of a report: what goes in each table, in which order. The Markdown
 * and text reports both read these, so a comment and a terminal agree on every number.
 */
import { SPLITS } from '../model.js'
import { formatCount } from './format.js'
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

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

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

  const rows: ClassRow[] = []
  for (const name of names) {
    const cells = new Map<Split, ClassCell>()
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
    rows.push({ name, cells, totalSegments })
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

export interface ChartBar {
  name: string
  train: number
  test: number | null
}

/** The classes with the most TRAIN segments, with their TEST segments when there is a TEST split. */
export function chartBars(dataset: DatasetReport, count: number): ChartBar[] {
  const train = dataset.splits.TRAIN
  if (train === undefined) return []
  const test = dataset.splits.TEST
  return Object.entries(train.classes)
    .map(([name, counts]) => ({
      name,
      train: counts.segments,
      test: test === undefined ? null : (ownCounts(test.classes, name)?.segments ?? 0)
    }))
    .sort((a, b) => b.train - a.train || compareText(a.name, b.name))
    .slice(0, count)
}

/** A leak's places in split order. */
export function leakPlaces(leak: Leak): SplitLocation[] {
  return [...leak.places].sort((a, b) => SPLITS.indexOf(a.split) - SPLITS.indexOf(b.split))
}
