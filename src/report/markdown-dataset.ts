/**
 * One dataset of the Markdown report, one function per section: files, splits, findings, the
 * class-share chart, per-class counts, split distances, confounders, leakage and the changes
 * against the base.
 */
import { sortFindings, type DatasetReport, type Finding, type Severity } from '../model.js'
import {
  formatBytes,
  formatCount,
  formatPercent,
  formatPoints,
  formatPValue,
  formatRatio,
  plural
} from './format.js'
import {
  findingPlace,
  leakKinds,
  leakPlaces,
  nothingRead,
  splitOverview,
  totalFindings
} from './sections.js'
import {
  code,
  datasetIcon,
  details,
  list,
  memo,
  MESSAGE_MAX,
  omittedLine,
  PATH_MAX,
  ruleCell,
  severityCounts,
  table,
  text,
  VISIBLE_FINDINGS,
  type Context
} from './markdown-blocks.js'
import { renderChart, renderClasses, renderDelta } from './markdown-classes.js'

const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' }

function renderFiles(dataset: DatasetReport, context: Context): string[] {
  if (dataset.files.length === 0 || context.detail.items === 0) return []
  const kept = dataset.files.slice(0, context.detail.items)
  const rows = kept.map(file => [
    text(file.path, PATH_MAX),
    text(file.format),
    text(file.split ?? ''),
    formatCount(file.rows),
    formatBytes(file.bytes)
  ])
  const content = table(
    ['file', 'format', 'split', 'rows', 'size'],
    [false, false, false, true, true],
    rows
  )
  if (kept.length < dataset.files.length) {
    content.push('', omittedLine(dataset.files.length - kept.length, 'file', context))
  }
  return details(plural(dataset.files.length, 'file'), content)
}

function renderSplits(dataset: DatasetReport): string[] {
  const rows = splitOverview(dataset)
  if (rows.length === 0) return ['No rows were read.', '']
  const unlabeled = rows.some(row => row.unlabeledVideos > 0)
  const headers = ['split', 'segments', 'videos', 'classes', 'share of videos']
  if (unlabeled) headers.push('unlabeled videos')
  const body = rows.map(row => {
    const cells = [
      row.split,
      formatCount(row.segments),
      formatCount(row.videos),
      formatCount(row.classes),
      formatPercent(row.videoShare)
    ]
    if (unlabeled) cells.push(formatCount(row.unlabeledVideos))
    return cells
  })
  return [...table(headers, [false, true, true, true, true, true], body), '']
}

function findingRow(finding: Finding): string[] {
  const place = findingPlace(finding)
  const where =
    typeof place === 'string'
      ? text(place || 'dataset')
      : `${text(place.file, PATH_MAX)}${place.line === null ? '' : `:${place.line}`}`
  const onBase = finding.onBase === true ? ' <sub>(also on base)</sub>' : ''
  return [
    `${SEVERITY_ICON[finding.severity]} ${finding.severity}`,
    ruleCell(finding.rule),
    where,
    text(finding.message, MESSAGE_MAX) + onBase
  ]
}

function renderFindings(dataset: DatasetReport, context: Context): string[] {
  const lines = [`#### Findings (${formatCount(totalFindings(dataset.counts))})`, '']
  if (dataset.findings.length === 0) return [...lines, 'No findings.', '']
  const sorted = memo(context.cache.sortedFindings, dataset, () => sortFindings(dataset.findings))
  const kept = sorted.slice(0, context.detail.findings)
  const cells = (finding: Finding) => memo(context.cache.findingCells, finding, findingRow)
  const headers = ['severity', 'rule', 'where', 'message']
  const align = [false, false, false, false]
  const visible = kept.slice(0, VISIBLE_FINDINGS)
  const collapsed = kept.slice(VISIBLE_FINDINGS)
  if (visible.length > 0) lines.push(...table(headers, align, visible.map(cells)), '')
  if (collapsed.length > 0) {
    const summary = `${plural(collapsed.length, 'more finding')}`
    lines.push(...details(summary, table(headers, align, collapsed.map(cells))))
  }
  if (kept.length === 0) {
    lines.push(`${plural(sorted.length, 'finding')} not shown here (see ${context.elsewhere}).`, '')
  } else if (kept.length < sorted.length) {
    lines.push(omittedLine(sorted.length - kept.length, 'finding', context), '')
  }
  return lines
}

function renderDistances(dataset: DatasetReport, context: Context): string[] {
  const distances = dataset.metrics.splitDistance
  if (distances.length === 0 || !context.detail.distances) return []
  const headers = ['pair', 'JS distance', 'noise floor', 'L∞', 'χ² p-value']
  if (context.detail.shifts) headers.push('largest shifts')
  const rows = distances.map(distance => {
    const cells = [
      `${text(distance.a)} ↔ ${text(distance.b)}`,
      distance.jsDistance.toFixed(3),
      distance.noiseFloor.toFixed(3),
      formatPoints(distance.lInf),
      formatPValue(distance.chiSquareP)
    ]
    if (context.detail.shifts) {
      cells.push(
        distance.topShifts
          .slice(0, 3)
          .map(
            shift =>
              `${text(shift.class, 40)} ${formatPercent(shift.a)} → ${formatPercent(shift.b)}`
          )
          .join('; ')
      )
    }
    return cells
  })
  return [
    '#### Split distributions',
    '',
    ...table(
      headers,
      headers.map((_, i) => i > 0 && i < 5),
      rows
    ),
    '',
    '<sub>Jensen-Shannon distance (log 2) of the class shares; the noise floor is the distance that ' +
      'random re-splits of the same segments stay under (99.9% of the time by default); L∞ is the ' +
      'largest per-class share difference.</sub>',
    ''
  ]
}

function renderConfounders(dataset: DatasetReport, context: Context): string[] {
  const confounders = dataset.metrics.confounders
  if (confounders.length === 0 || !context.detail.distances || context.detail.items === 0) return []
  const kept = confounders.slice(0, context.detail.items)
  const rows = kept.map(confounder => [
    text(confounder.attribute),
    confounder.cramersV.toFixed(2),
    confounder.givesAway
      .slice(0, 3)
      .map(
        hint =>
          `${text(hint.value, 40)} → ${text(hint.class, 40)} (${formatPercent(hint.share, 0)})`
      )
      .join('; ')
  ])
  const lines = [
    '#### Metadata that predicts the label',
    '',
    ...table(['attribute', 'Cramér’s V', 'gives away'], [false, true, false], rows),
    ''
  ]
  if (kept.length < confounders.length) {
    lines.push(omittedLine(confounders.length - kept.length, 'attribute', context), '')
  }
  return lines
}

function renderLeaks(dataset: DatasetReport, context: Context): string[] {
  const lines: string[] = []
  for (const { leaks, total, what } of leakKinds(dataset)) {
    const heading = `${plural(total, what)} in more than one split`
    if (context.detail.items === 0) {
      lines.push(`**${heading}** (listed in ${context.elsewhere}).`, '')
      continue
    }
    const items = leaks.slice(0, context.detail.items).map(
      leak =>
        `${code(leak.key, PATH_MAX)}: ` +
        leakPlaces(leak)
          .map(place => `${text(place.split)} (${text(place.file, PATH_MAX)}:${place.line})`)
          .join(', ')
    )
    lines.push(...list(heading, items, total, what, context))
  }
  return lines.length === 0 ? [] : ['#### Leakage', '', ...lines]
}

/**
 * A dataset's heading and summary, then its sections; the compact rendering keeps the findings
 * and the chart (small: at most 20 classes), which stay at every level of detail.
 */
export function renderDataset(dataset: DatasetReport, context: Context): string[] {
  const counts = dataset.counts
  const metrics = dataset.metrics
  const summary = nothingRead(dataset)
    ? `nothing was read · ${severityCounts(counts)}`
    : `${plural(metrics.classCount, 'class', 'classes')} · ${plural(metrics.totalVideos, 'video')} · ` +
      `${plural(metrics.totalSegments, 'segment')} · imbalance ${formatRatio(metrics.imbalanceRatio)} · ` +
      `${severityCounts(counts)}`
  const lines = [`### ${datasetIcon(counts)} ${text(dataset.name)}`, '', summary, '']
  if (nothingRead(dataset)) return [...lines, ...renderFindings(dataset, context)]
  if (context.detail.compact) {
    return [...lines, ...renderFindings(dataset, context), ...renderChart(dataset, context)]
  }
  return [
    ...lines,
    ...renderFiles(dataset, context),
    ...renderSplits(dataset),
    ...renderFindings(dataset, context),
    ...renderChart(dataset, context),
    ...renderClasses(dataset, context),
    ...renderDistances(dataset, context),
    ...renderConfounders(dataset, context),
    ...renderLeaks(dataset, context),
    ...renderDelta(dataset, context)
  ]
}
