/**
 * The terminal report (`--format text`): the same sections as the PR comment, as aligned plain
 * text. Dataset strings only need their control and hidden characters made visible, so a label
 * cannot send escape sequences to the terminal.
 */
import {
  sortFindings,
  SPLITS,
  type DatasetReport,
  type Finding,
  type GateReport,
  type Severity,
  type SplitDistance
} from '../model.js'
import { escapeTerminal, truncate } from './escape.js'
import {
  formatBytes,
  formatChange,
  formatCount,
  formatPercent,
  formatPoints,
  formatPValue,
  formatRatio,
  plural
} from './format.js'
import {
  changeBar,
  changeCell,
  changedClasses,
  classRows,
  classSplits,
  findingPlace,
  keepEnds,
  largestShare,
  leakKinds,
  leakPlaces,
  newFindingsSummary,
  nothingRead,
  shareCell,
  shareSplits,
  splitOverview,
  totalFindings,
  type ClassCell,
  type ClassRow
} from './sections.js'

export interface TextOptions {
  /** ANSI colors for severities and the verdict. Default false. */
  color?: boolean
  /** Findings listed per dataset, worst first. Default: all. */
  maxFindings?: number
  /** Per-class rows per dataset (the most and the least frequent classes). Default 30. */
  maxClasses?: number
}

const NAME_MAX = 60
const LIST_MAX = 50
/** Rows of the "classes this change altered most" table. */
const CHANGED_CLASSES = 10

type Style = 'bold' | 'red' | 'yellow' | 'cyan' | 'green' | 'dim'
const ANSI: Record<Style, [string, string]> = {
  bold: ['\u001b[1m', '\u001b[22m'],
  red: ['\u001b[31m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  cyan: ['\u001b[36m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m']
}
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', notice: 'cyan' }

type Paint = (style: Style, value: string) => string

/** Terminal columns a string takes: wide East Asian characters count 2, combining marks 0. */
export function displayWidth(value: string): number {
  let width = 0
  for (const char of value) {
    const codePoint = char.codePointAt(0) ?? 0
    if (/\p{M}/u.test(char)) continue
    const wide =
      (codePoint >= 0x1100 && codePoint <= 0x115f) ||
      (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
      (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
      (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
      (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
      (codePoint >= 0xff00 && codePoint <= 0xff60) ||
      (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
      (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
      (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
      (codePoint >= 0x20000 && codePoint <= 0x3fffd)
    width += wide ? 2 : 1
  }
  return width
}

function clean(value: string, max = NAME_MAX): string {
  return escapeTerminal(truncate(value, max))
}

/** Columns padded to the widest cell; `right` columns are right-aligned (numbers). */
function alignedTable(
  headers: string[],
  right: boolean[],
  rows: string[][],
  indent = '  '
): string[] {
  const widths = headers.map((header, column) =>
    Math.max(displayWidth(header), ...rows.map(row => displayWidth(row[column] ?? '')))
  )
  const line = (cells: string[]) =>
    (
      indent +
      cells
        .map((cell, column) => {
          const padding = ' '.repeat((widths[column] ?? 0) - displayWidth(cell))
          return right[column] === true ? padding + cell : cell + padding
        })
        .join('  ')
    ).trimEnd()
  return [line(headers), ...rows.map(line)]
}

function findingLine(finding: Finding, paint: Paint): string {
  const place = findingPlace(finding)
  const where =
    typeof place === 'string'
      ? place === ''
        ? ''
        : `${clean(place)}: `
      : `${clean(place.file, 200)}${place.line === null ? '' : `:${place.line}`}: `
  const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity)
  const onBase = finding.onBase === true ? paint('dim', ' (also on base)') : ''
  return `  ${where}${severity} ${clean(finding.rule)}: ${clean(finding.message, 1000)}${onBase}`
}

function classCell(cell: ClassCell | undefined): string {
  if (cell === undefined) return ''
  if (cell.added) return `${formatCount(cell.segments)} / ${formatCount(cell.videos)} (new)`
  const change = (value: number | null) =>
    value === null || value === 0 ? '' : ` (${formatChange(value)})`
  return (
    `${formatCount(cell.segments)}${change(cell.segmentChange)} / ` +
    `${formatCount(cell.videos)}${change(cell.videoChange)}`
  )
}

/** The sections of one dataset share these: the options, the painter and the `clean` cut. */
interface Sink {
  options: TextOptions
  paint: Paint
}

function renderFiles(dataset: DatasetReport): string[] {
  if (dataset.files.length === 0) return []
  const files = dataset.files.slice(0, LIST_MAX)
  const lines = [
    'Files:',
    ...alignedTable(
      ['file', 'format', 'split', 'rows', 'size'],
      [false, false, false, true, true],
      files.map(file => [
        clean(file.path, 200),
        clean(file.format),
        clean(file.split ?? '-'),
        formatCount(file.rows),
        formatBytes(file.bytes)
      ])
    )
  ]
  if (files.length < dataset.files.length) {
    lines.push(`  … and ${plural(dataset.files.length - files.length, 'more file')}`)
  }
  return [...lines, '']
}

function renderSplits(dataset: DatasetReport): string[] {
  const splits = splitOverview(dataset)
  if (splits.length === 0) return ['Splits:', '  no rows were read', '']
  return [
    'Splits:',
    ...alignedTable(
      ['split', 'segments', 'videos', 'classes', 'share of videos', 'unlabeled videos'],
      [false, true, true, true, true, true],
      splits.map(row => [
        row.split,
        formatCount(row.segments),
        formatCount(row.videos),
        formatCount(row.classes),
        formatPercent(row.videoShare),
        formatCount(row.unlabeledVideos)
      ])
    ),
    ''
  ]
}

function renderFindings(dataset: DatasetReport, { options, paint }: Sink): string[] {
  const lines = [`Findings (${formatCount(totalFindings(dataset.counts))}):`]
  if (dataset.findings.length === 0) lines.push('  none')
  const sorted = sortFindings(dataset.findings)
  const kept = sorted.slice(0, options.maxFindings ?? Infinity)
  for (const finding of kept) lines.push(findingLine(finding, paint))
  if (kept.length < sorted.length) {
    lines.push(`  … and ${plural(sorted.length - kept.length, 'more finding')} (see --format json)`)
  }
  return [...lines, '']
}

/** Per class: segments / videos per split, the total, and a share bar per split. */
function renderClasses(dataset: DatasetReport, { options }: Sink): string[] {
  const rows = classRows(dataset)
  if (rows.length === 0) return []
  const columns = classSplits(dataset)
  const shared = shareSplits(dataset)
  const scale = largestShare(rows)
  const { head, tail, omitted } = keepEnds(rows, options.maxClasses ?? 30)
  const line = (row: ClassRow) => [
    clean(row.name),
    ...columns.map(split => classCell(row.cells.get(split))),
    formatCount(row.totalSegments),
    ...(shared.length > 0 ? [shareCell(row, shared, scale)] : [])
  ]
  const body = head.map(line)
  if (omitted > 0) body.push([`… ${plural(omitted, 'more class', 'more classes')}`])
  body.push(...tail.map(line))
  const against = dataset.delta === null ? '' : `, change against ${clean(dataset.delta.baseRef)}`
  const share =
    shared.length > 0 ? `; share of each split's labelled segments: ${shared.join(' · ')}` : ''
  return [
    `Classes (${formatCount(rows.length)}; segments / videos${against}${share}):`,
    ...alignedTable(
      ['class', ...columns, 'total', ...(shared.length > 0 ? ['share'] : [])],
      [false, ...columns.map(() => true), true, false],
      body
    ),
    ''
  ]
}

function renderDistances(dataset: DatasetReport): string[] {
  const distances = dataset.metrics.splitDistance
  if (distances.length === 0) return []
  const shifts = (distance: SplitDistance) =>
    distance.topShifts
      .slice(0, 3)
      .map(
        shift => `${clean(shift.class, 30)} ${formatPercent(shift.a)} -> ${formatPercent(shift.b)}`
      )
      .join('; ')
  return [
    'Split distributions:',
    ...alignedTable(
      ['pair', 'JS distance', 'noise floor', 'L∞', 'χ² p-value', 'largest shifts'],
      [false, true, true, true, true, false],
      distances.map(distance => [
        `${clean(distance.a)} / ${clean(distance.b)}`,
        distance.jsDistance.toFixed(3),
        distance.noiseFloor.toFixed(3),
        formatPoints(distance.lInf),
        formatPValue(distance.chiSquareP),
        shifts(distance)
      ])
    ),
    ''
  ]
}

function renderConfounders(dataset: DatasetReport): string[] {
  const confounders = dataset.metrics.confounders
  if (confounders.length === 0) return []
  const lines = ['Metadata that predicts the label:']
  for (const confounder of confounders.slice(0, LIST_MAX)) {
    const hints = confounder.givesAway
      .slice(0, 3)
      .map(
        hint =>
          `${clean(hint.value, 30)} -> ${clean(hint.class, 30)} (${formatPercent(hint.share, 0)})`
      )
      .join('; ')
    lines.push(
      `  ${clean(confounder.attribute)}: Cramér's V ${confounder.cramersV.toFixed(2)}; ${hints}`
    )
  }
  return [...lines, '']
}

function renderLeaks(dataset: DatasetReport, { paint }: Sink): string[] {
  const lines: string[] = []
  for (const { leaks, total, what } of leakKinds(dataset)) {
    lines.push(paint('red', `Leakage: ${plural(total, what)} in more than one split:`))
    for (const leak of leaks.slice(0, LIST_MAX)) {
      const places = leakPlaces(leak)
        .map(place => `${clean(place.split)} (${clean(place.file, 200)}:${place.line})`)
        .join(', ')
      lines.push(`  ${clean(leak.key, 200)}: ${places}`)
    }
    if (total > Math.min(leaks.length, LIST_MAX)) {
      lines.push(`  … and ${formatCount(total - Math.min(leaks.length, LIST_MAX))} more`)
    }
    lines.push('')
  }
  return lines
}

/** The classes the change altered most: signed changes per split and a bar of the total. */
function renderChangedClasses(dataset: DatasetReport): string[] {
  const { classes, total } = changedClasses(dataset, CHANGED_CLASSES)
  if (classes.length === 0) return ['  no class changed its segment count']
  const splits = SPLITS.filter(split => classes.some(row => row.changes.has(split)))
  const scale = classes[0]?.moved ?? 0
  const lines = [
    '  Classes this change altered most (segments added and removed):',
    ...alignedTable(
      ['class', ...splits, 'segments changed'],
      [false, ...splits.map(() => true), false],
      classes.map(row => [
        clean(row.name),
        ...splits.map(split => changeCell(row.changes.get(split))),
        `${changeBar(row.moved, scale)} ${formatCount(row.moved)}`
      ]),
      '    '
    )
  ]
  if (classes.length < total) {
    lines.push(`    … and ${formatCount(total - classes.length)} more changed (see Classes)`)
  }
  return lines
}

function renderDelta(dataset: DatasetReport): string[] {
  const delta = dataset.delta
  if (delta === null) return []
  const lines = [
    `Changes against ${clean(delta.baseRef)}: ${plural(delta.addedVideos, 'video')} added, ` +
      `${formatCount(delta.removedVideos)} removed, ${formatCount(delta.movedVideos.length)} moved, ` +
      `${formatCount(delta.relabeledVideos.length)} relabeled`,
    ...renderChangedClasses(dataset)
  ]
  for (const video of delta.movedVideos.slice(0, LIST_MAX)) {
    const from = video.from.map(split => clean(split)).join('+') || 'none'
    const to = video.to.map(split => clean(split)).join('+') || 'none'
    lines.push(`  moved ${clean(video.key, 200)}: ${from} -> ${to}`)
  }
  const labels = (names: string[]) => names.map(name => clean(name)).join(', ') || 'no label'
  for (const video of delta.relabeledVideos.slice(0, LIST_MAX)) {
    lines.push(`  relabeled ${clean(video.key, 200)}: ${labels(video.from)} -> ${labels(video.to)}`)
  }
  const listed =
    Math.min(delta.movedVideos.length, LIST_MAX) + Math.min(delta.relabeledVideos.length, LIST_MAX)
  const total = delta.movedVideos.length + delta.relabeledVideos.length
  if (listed < total) lines.push(`  … and ${formatCount(total - listed)} more (see --format json)`)
  return [...lines, '']
}

function renderDataset(dataset: DatasetReport, sink: Sink): string[] {
  const { counts, metrics } = dataset
  const tally =
    `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
    `${plural(counts.notice, 'notice')}`
  const heading = sink.paint('bold', `Dataset ${clean(dataset.name)}`)
  if (nothingRead(dataset)) {
    // A refused path or an unreadable dataset: what it has to say is its findings.
    return [
      heading,
      `  nothing was read; ${tally}`,
      ...sortFindings(dataset.findings).map(finding => findingLine(finding, sink.paint)),
      ''
    ]
  }
  return [
    heading,
    `  ${plural(metrics.classCount, 'class', 'classes')}, ${plural(metrics.totalVideos, 'video')}, ` +
      `${plural(metrics.totalSegments, 'segment')}, imbalance ${formatRatio(metrics.imbalanceRatio)}; ` +
      tally,
    '',
    ...renderFiles(dataset),
    ...renderSplits(dataset),
    ...renderFindings(dataset, sink),
    ...renderClasses(dataset, sink),
    ...renderDistances(dataset),
    ...renderConfounders(dataset),
    ...renderLeaks(dataset, sink),
    ...renderDelta(dataset)
  ]
}

/** The report for a terminal; ends with a newline. */
export function renderText(report: GateReport, options: TextOptions = {}): string {
  const paint: Paint = (style, value) =>
    options.color === true ? ANSI[style][0] + value + ANSI[style][1] : value
  const verdict = report.passed ? paint('green', 'PASSED') : paint('red', 'FAILED')
  const counts = report.counts
  const fresh = newFindingsSummary(report)
  const lines = [
    paint('bold', `Dataset gate ${verdict}`) +
      `: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
      `${plural(counts.notice, 'notice')}${fresh === null ? '' : ` (${fresh})`} in ` +
      `${plural(report.datasets.length, 'dataset')} (fail-on ${clean(report.failOn)})`
  ]
  if (report.configFromBase === true) {
    lines.push('Configuration read from the base branch because this change edits it.')
  }
  for (const note of report.notes) lines.push(`note: ${clean(note, 1000)}`)
  lines.push('')
  if (report.datasets.length === 0) lines.push('No dataset files were checked.', '')
  for (const dataset of report.datasets) lines.push(...renderDataset(dataset, { options, paint }))
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines.join('\n') + '\n'
}
