/**
 * The class sections of a dataset in the Markdown report: the class-share chart (Mermaid) with a
 * caption saying why each class is in it, the per-class table with a Unicode share column, and
 * the changes against the base led by the classes the change altered most.
 */
import type { DatasetReport, Split } from '../model.js'
import { classChart, type ClassChart, type Shortfall } from './chart.js'
import { formatChange, formatCount, formatPercent, plural, shareDigits } from './format.js'
import {
  changeBar,
  changeCell,
  changedClasses,
  classRows,
  classSplits,
  keepEnds,
  largestShare,
  shareCell,
  shareSplits,
  type ClassCell,
  type ClassRow
} from './sections.js'
import { mermaidChart } from './mermaid.js'
import {
  code,
  COLLAPSE_AFTER,
  details,
  list,
  memo,
  PATH_MAX,
  table,
  text,
  type Context
} from './markdown-blocks.js'
import { SPLITS } from '../model.js'

/** Rows of the "classes this change altered most" table: small, so it is never folded away. */
const CHANGED_CLASSES = 10
/** Classes named per line of the chart's caption. */
const CAPTION_NAMES = 3

function classCell(cell: ClassCell | undefined): string {
  if (cell === undefined) return ''
  const change = (value: number | null) =>
    value === null || value === 0 ? '' : ` (${formatChange(value)})`
  const added = cell.added ? ' (new)' : ''
  return (
    `${formatCount(cell.segments)}${cell.added ? '' : change(cell.segmentChange)} / ` +
    `${formatCount(cell.videos)}${cell.added ? '' : change(cell.videoChange)}${added}`
  )
}

export function renderClasses(dataset: DatasetReport, context: Context): string[] {
  const rows = memo(context.cache.classRows, dataset, classRows)
  if (rows.length === 0) return []
  if (context.detail.classes === 0) {
    return [
      `Per-class counts (${plural(rows.length, 'class', 'classes')}) left out to fit; see ${context.elsewhere}.`,
      ''
    ]
  }
  const splits = classSplits(dataset)
  const shared = shareSplits(dataset)
  const scale = largestShare(rows)
  const { head, tail, omitted } = keepEnds(rows, context.detail.classes)
  const line = (row: ClassRow) => [
    text(row.name),
    ...splits.map(split => classCell(row.cells.get(split))),
    formatCount(row.totalSegments),
    ...(shared.length > 0 ? [shareCell(row, shared, scale)] : [])
  ]
  const body = head.map(line)
  if (omitted > 0) {
    body.push([
      `… ${plural(omitted, 'more class', 'more classes')} …`,
      ...splits.map(() => ''),
      '',
      ...(shared.length > 0 ? [''] : [])
    ])
  }
  body.push(...tail.map(line))
  const legend =
    'Segments / videos per split' +
    (dataset.delta === null ? '' : `, with the change against ${code(dataset.delta.baseRef)}`) +
    '; most segments first.' +
    (shared.length > 0
      ? ` Share: the class's share of each split's labelled segments (${shared.join(' · ')}), ` +
        'one bar per split, scaled to the largest share in the table.'
      : '')
  const headers = ['class', ...splits, 'total segments', ...(shared.length > 0 ? ['share'] : [])]
  const content = [
    legend,
    '',
    ...table(headers, [false, ...splits.map(() => true), true, false], body)
  ]
  const summary = `Per-class counts (${plural(rows.length, 'class', 'classes')})`
  if (rows.length > COLLAPSE_AFTER) return details(summary, content)
  return [`#### ${summary}`, '', ...content, '']
}

function shares(chart: ClassChart, values: readonly number[]): string {
  const digits = shareDigits(chart.axisMax)
  return chart.splits
    .map((split, i) => `${split} ${formatPercent(values[i] ?? 0, digits)}`)
    .join(' · ')
}

function shortfallText(shortfall: Shortfall): string {
  const unit = shortfall.unit === null ? '' : ` ${shortfall.unit}`
  const { have, need } = shortfall
  const amount =
    have !== null && need !== null
      ? `${formatCount(have)} of ${formatCount(need)}${unit}, `
      : need !== null
        ? `needs ${formatCount(need)}${unit}, `
        : have !== null
          ? `${formatCount(have)}${unit}, `
          : ''
  return `${amount}\`${shortfall.rule}\``
}

function names<T extends { name: string }>(items: T[], describe: (item: T) => string): string {
  const shown = items.slice(0, CAPTION_NAMES).map(item => `${text(item.name)} (${describe(item)})`)
  const more = items.length - shown.length
  return shown.join('; ') + (more > 0 ? `; and ${formatCount(more)} more` : '')
}

/** What the chart shows and why each class is in it: differences, shortfalls, absences. */
function chartCaption(chart: ClassChart): string[] {
  const [bars, ...lines] = chart.splits
  const which =
    chart.classes.length === chart.classCount
      ? chart.classCount === 1
        ? 'its one class'
        : chart.classCount === 2
          ? 'both classes'
          : `all ${plural(chart.classCount, 'class', 'classes')}`
      : `${formatCount(chart.classes.length)} of ${formatCount(chart.classCount)} classes: ` +
        'those whose shares differ most between splits, the rarest, and any missing from a split'
  const caption = [
    `Each split's share of its labelled segments, per class (${bars} as bars, ` +
      `${lines.join(' and ')} as ${lines.length === 1 ? 'a line' : 'lines'}; the axis starts ` +
      `at 0), for ${which}.`,
    ''
  ]
  if (chart.largestDifferences.length > 0) {
    caption.push(
      `- Largest differences: ${names(chart.largestDifferences, row => shares(chart, row.shares))}.`
    )
  }
  if (chart.rare.length > 0) {
    caption.push(
      `- Below a per-class threshold: ${names(chart.rare, row => shortfallText(row.shortfall))}.`
    )
  }
  for (const split of SPLITS) {
    const absent = chart.missing.filter(row => row.splits.includes(split))
    if (absent.length > 0) {
      const shown = absent.slice(0, CAPTION_NAMES * 2).map(row => text(row.name))
      const more = absent.length - shown.length
      caption.push(
        `- Missing from ${split}: ${shown.join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}.`
      )
    }
  }
  return [...caption, '']
}

/**
 * The class-share chart and its caption, or one line saying why there is none. Small (at most 20
 * classes), so it is kept down to the most compact level of detail.
 */
export function renderChart(dataset: DatasetReport, context: Context): string[] {
  const outcome = memo(context.cache.charts, dataset, classChart)
  if (outcome === null) return []
  if ('note' in outcome) return [outcome.note, '']
  if (!context.detail.chart) return ['Chart left out to fit.', '']
  return [
    '#### Class shares by split',
    '',
    ...mermaidChart(outcome.chart),
    '',
    ...chartCaption(outcome.chart)
  ]
}

function splitList(splits: Split[]): string {
  return splits.length === 0 ? 'none' : splits.map(split => text(split)).join(' + ')
}

/** The classes the change altered most, with signed per-split changes and a bar of the total. */
function renderChangedClasses(dataset: DatasetReport): string[] {
  const { classes, total } = changedClasses(dataset, CHANGED_CLASSES)
  if (classes.length === 0) return ['No class changed its segment count.', '']
  const splits = SPLITS.filter(split => classes.some(row => row.changes.has(split)))
  const scale = classes[0]?.moved ?? 0
  const rows = classes.map(row => [
    text(row.name),
    ...splits.map(split => changeCell(row.changes.get(split))),
    `${changeBar(row.moved, scale)} ${formatCount(row.moved)}`
  ])
  const lines = [
    `**Classes this change altered most** (segments added and removed, per split and in all)`,
    '',
    ...table(
      ['class', ...splits, 'segments changed'],
      [false, ...splits.map(() => true), false],
      rows
    ),
    ''
  ]
  if (classes.length < total) {
    lines.push(
      `… and ${plural(total - classes.length, 'more changed class', 'more changed classes')} ` +
        '(in the per-class counts).',
      ''
    )
  }
  return lines
}

export function renderDelta(dataset: DatasetReport, context: Context): string[] {
  const delta = dataset.delta
  if (delta === null) return []
  const lines = [
    `#### Changes against ${code(delta.baseRef)}`,
    '',
    `${plural(delta.addedVideos, 'video')} added, ${formatCount(delta.removedVideos)} removed, ` +
      `${formatCount(delta.movedVideos.length)} moved to another split, ` +
      `${formatCount(delta.relabeledVideos.length)} relabeled.`,
    '',
    ...renderChangedClasses(dataset)
  ]
  if (context.detail.items === 0) return lines
  const moved = delta.movedVideos
    .slice(0, context.detail.items)
    .map(video => `${code(video.key, PATH_MAX)}: ${splitList(video.from)} → ${splitList(video.to)}`)
  if (moved.length > 0) {
    const heading = plural(delta.movedVideos.length, 'moved video')
    lines.push(...list(heading, moved, delta.movedVideos.length, 'moved video', context))
  }
  const labels = (names: string[]) =>
    names.length === 0 ? 'no label' : names.map(name => text(name)).join(', ')
  const relabeled = delta.relabeledVideos
    .slice(0, context.detail.items)
    .map(video => `${code(video.key, PATH_MAX)}: ${labels(video.from)} → ${labels(video.to)}`)
  if (relabeled.length > 0) {
    lines.push(
      ...list(
        plural(delta.relabeledVideos.length, 'relabeled video'),
        relabeled,
        delta.relabeledVideos.length,
        'relabeled video',
        context
      )
    )
  }
  return lines
}
