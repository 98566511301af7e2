/**
 * The PR comment (and job summary, and the CLI's `--format markdown`): one pure function from a
 * report to the exact Markdown body. Every string that comes from a dataset goes through
 * `escapeMarkdown`, `escapeCode` or `escapeMermaid`; everything else here is our own text.
 *
 * GitHub refuses a comment over 65,536 characters, so the body is rendered at decreasing levels of
 * detail until it fits, and as a last resort cut at a line with a visible notice.
 */
import type { DatasetReport, Finding, GateReport, Severity, Split } from '../model.js'
import { escapeCode, escapeMarkdown, escapeMermaid, truncate } from './escape.js'
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
  chartBars,
  classRows,
  classSplits,
  findingPlace,
  keepEnds,
  leakPlaces,
  splitOverview,
  newFindingsSummary,
  nothingRead,
  totalFindings
} from './sections.js'
import { sortFindings } from '../judge/findings.js'
import type { ClassCell, ClassRow } from './sections.js'

export interface MarkdownOptions {
  /** Namespaces the hidden marker (the action's `comment-key`): letters, digits, `.`, `_`, `-`. */
  commentKey: string
  /** The head commit the report describes, recorded in the marker. */
  headSha?: string
  /** Size budget in UTF-16 code units (at most GitHub's character count). Default 65,536. */
  maxChars?: number
  /** First words of the heading. Default "Dataset gate". */
  title?: string
  /** Link to the workflow run (https only). */
  runUrl?: string
  /** The job summary: every detail, within the 1 MiB (UTF-8 bytes) a step summary may hold. */
  full?: boolean
}

/** GitHub's limit for an issue or pull request comment body. */
export const COMMENT_MAX_CHARS = 65536
/** GitHub's limit for one step's job summary, in bytes. */
export const SUMMARY_MAX_BYTES = 1024 * 1024
/** Below this budget not even the verdict fits; `renderMarkdown` throws a RangeError. */
export const MIN_MAX_CHARS = 1000

const MARKER_PREFIX = '<!-- dataset-gate:'
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const SHA_PATTERN = /^[0-9a-f]{7,64}$/i
const RUN_URL_PATTERN = /^https:\/\/[A-Za-z0-9._~:/?#@!$+,;=%-]+$/

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new Error(
      `comment-key ${JSON.stringify(key)} is not valid: use up to 100 letters, digits, '.', '_' or '-'`
    )
  }
}

/**
 * The hidden first line of the comment: `<!-- dataset-gate:<key> head=<sha or none> -->`. Dataset
 * text can never produce it, because escaping turns every `<` into `&lt;`.
 */
export function commentMarker(key: string, headSha?: string): string {
  checkKey(key)
  if (headSha !== undefined && !SHA_PATTERN.test(headSha)) {
    throw new Error(`head SHA ${JSON.stringify(headSha)} is not a hexadecimal commit id`)
  }
  return `${MARKER_PREFIX}${key} head=${headSha?.toLowerCase() ?? 'none'} -->`
}

function markerPattern(key: string): RegExp {
  checkKey(key)
  const quoted = key.replace(/[.]/g, '\\.')
  return new RegExp(`^\\uFEFF?\\s*<!-- dataset-gate:${quoted} head=([0-9a-f]{7,64}|none) -->`)
}

/** Whether a comment body starts with this key's marker (whatever head it records). */
export function hasMarker(body: string, key: string): boolean {
  return markerPattern(key).test(body)
}

/**
 * The head SHA recorded in a comment that starts with this key's marker; null when the body has
 * no such marker or it records no head.
 */
export function parseMarker(body: string, key: string): string | null {
  const sha = markerPattern(key).exec(body)?.[1]
  return sha === undefined || sha === 'none' ? null : sha
}

/** How much of each section a rendering keeps. */
interface Detail {
  /** Findings rows per dataset, worst first. */
  findings: number
  /** Per-class rows per dataset (0 leaves the table out). */
  classes: number
  /** Items of each list: files, leaks, moved and relabeled videos, notes, confounders. */
  items: number
  chart: boolean
  /** The "largest shifts" column of the distance table. */
  shifts: boolean
  /** The split distance and confounder tables. */
  distances: boolean
  /** Only the heading, counts and findings of each dataset. */
  compact: boolean
}

function level(
  findings: number,
  classes: number,
  items: number,
  flags: Partial<Pick<Detail, 'chart' | 'shifts' | 'distances' | 'compact'>> = {}
): Detail {
  return {
    findings,
    classes,
    items,
    chart: false,
    shifts: true,
    distances: true,
    compact: false,
    ...flags
  }
}

/** First per-class rows, then the chart, then findings: the verdict and worst findings go last. */
const DETAIL_LEVELS: readonly Detail[] = [
  level(Infinity, Infinity, Infinity, { chart: true }),
  level(Infinity, 100, 100, { chart: true }),
  level(Infinity, 30, 50),
  level(500, 30, 50),
  level(200, 20, 25),
  level(100, 20, 20),
  level(50, 10, 10, { shifts: false }),
  level(20, 0, 5, { shifts: false }),
  level(10, 0, 3, { shifts: false, distances: false }),
  level(5, 0, 0, { shifts: false, distances: false }),
  level(5, 0, 0, { shifts: false, distances: false, compact: true }),
  level(0, 0, 0, { shifts: false, distances: false, compact: true })
]

/** Findings shown before the rest go into a `<details>`. */
const VISIBLE_FINDINGS = 20
/** Lists and per-class tables longer than this are collapsed. */
const COLLAPSE_AFTER = 10
const CHART_BARS = 20
const MESSAGE_MAX = 400
const PATH_MAX = 160
const NAME_MAX = 80

const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' }

const FAIL_ON_TEXT: Record<GateReport['failOn'], string> = {
  error: 'errors fail the gate',
  warning: 'errors and warnings fail the gate',
  never: 'findings never fail the gate',
  new: 'only findings that are not on the base branch fail the gate'
}

function failOnText(failOn: GateReport['failOn']): string {
  if (!Object.hasOwn(FAIL_ON_TEXT, failOn)) return `fail-on ${text(failOn)}.`
  return `fail-on \`${failOn}\`: ${FAIL_ON_TEXT[failOn]}.`
}

/** Work shared by the renderings at each level of detail of one `renderMarkdown` call. */
interface Cache {
  sortedFindings: Map<DatasetReport, Finding[]>
  findingCells: Map<Finding, string[]>
  classRows: Map<DatasetReport, ClassRow[]>
}

function memo<K, V>(map: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = make(key)
    map.set(key, value)
  }
  return value
}

interface Context {
  detail: Detail
  /** Where the reader finds what this rendering leaves out. */
  elsewhere: string
  cache: Cache
}

function text(value: string, max = NAME_MAX): string {
  return escapeMarkdown(truncate(value, max))
}

function code(value: string, max = NAME_MAX): string {
  return escapeCode(truncate(value, max))
}

/** A GFM table; `alignRight[i]` right-aligns column i (numbers). Cells must be escaped already. */
function table(headers: string[], alignRight: boolean[], rows: string[][]): string[] {
  const line = (cells: string[]) => {
    if (cells.length !== headers.length) throw new Error('table row and header differ in length')
    return `| ${cells.map(cell => cell || ' ').join(' | ')} |`
  }
  return [
    line(headers),
    `|${headers.map((_, i) => (alignRight[i] === true ? ' --: ' : ' --- ')).join('|')}|`,
    ...rows.map(line)
  ]
}

function details(summary: string, content: string[]): string[] {
  return [`<details><summary>${summary}</summary>`, '', ...content, '', '</details>', '']
}

function severityCounts(counts: { error: number; warning: number; notice: number }): string {
  return [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    plural(counts.notice, 'notice')
  ].join(', ')
}

function omittedLine(
  count: number,
  what: string,
  context: Context,
  whatPlural = what + 's'
): string {
  return `… and ${plural(count, `more ${what}`, `more ${whatPlural}`)} (see ${context.elsewhere}).`
}

function renderVerdict(report: GateReport, options: MarkdownOptions, detail: Detail): string[] {
  const title = text(options.title ?? 'Dataset gate', 100)
  const fresh = newFindingsSummary(report)
  const lines = [
    `## ${report.passed ? '✅' : '❌'} ${title} ${report.passed ? 'passed' : 'failed'}`,
    '',
    `**${severityCounts(report.counts)}**${fresh === null ? '' : ` (${text(fresh, 100)})`} in ` +
      `${plural(report.datasets.length, 'dataset')} · ${failOnText(report.failOn)}`,
    ''
  ]
  if (report.configFromBase === true) {
    lines.push(
      '> [!NOTE]',
      '> Configuration read from the base branch because this change edits it.',
      ''
    )
  }
  if (report.notes.length > 0) {
    const kept = report.notes.slice(0, detail.items)
    for (const note of kept) lines.push(`- ${text(note, MESSAGE_MAX)}`)
    if (kept.length < report.notes.length) {
      lines.push(`- … and ${plural(report.notes.length - kept.length, 'more note')}.`)
    }
    lines.push('')
  }
  if (report.datasets.length === 0) lines.push('No dataset files were checked.', '')
  return lines
}

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
  const rule = /^[a-z0-9-]+$/.test(finding.rule) ? `\`${finding.rule}\`` : code(finding.rule)
  const onBase = finding.onBase === true ? ' <sub>(also on base)</sub>' : ''
  return [
    `${SEVERITY_ICON[finding.severity]} ${finding.severity}`,
    rule,
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
  if (kept.length < sorted.length) {
    lines.push(omittedLine(sorted.length - kept.length, 'finding', context), '')
  }
  return lines
}

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

function renderClasses(dataset: DatasetReport, context: Context): string[] {
  const rows = memo(context.cache.classRows, dataset, classRows)
  if (rows.length === 0) return []
  if (context.detail.classes === 0) {
    return [
      `Per-class counts (${plural(rows.length, 'class', 'classes')}) left out to fit; see ${context.elsewhere}.`,
      ''
    ]
  }
  const splits = classSplits(dataset)
  const { head, tail, omitted } = keepEnds(rows, context.detail.classes)
  const line = (row: ClassRow) => [
    text(row.name),
    ...splits.map(split => classCell(row.cells.get(split))),
    formatCount(row.totalSegments)
  ]
  const body = head.map(line)
  if (omitted > 0) {
    body.push([`… ${plural(omitted, 'more class', 'more classes')} …`, ...splits.map(() => ''), ''])
  }
  body.push(...tail.map(line))
  const legend =
    'Segments / videos per split' +
    (dataset.delta === null ? '' : `, with the change against ${code(dataset.delta.baseRef)}`) +
    '; most segments first.'
  const content = [
    legend,
    '',
    ...table(['class', ...splits, 'total segments'], [false, ...splits.map(() => true), true], body)
  ]
  const summary = `Per-class counts (${plural(rows.length, 'class', 'classes')})`
  if (rows.length > COLLAPSE_AFTER) return details(summary, content)
  return [`#### ${summary}`, '', ...content, '']
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

function list(
  heading: string,
  items: string[],
  total: number,
  what: string,
  context: Context
): string[] {
  const content = items.map(item => `- ${item}`)
  if (items.length < total) content.push('', omittedLine(total - items.length, what, context))
  if (total > COLLAPSE_AFTER) return details(heading, content)
  return [`**${heading}**`, '', ...content, '']
}

function renderLeaks(dataset: DatasetReport, context: Context): string[] {
  const lines: string[] = []
  const kinds = [
    { leaks: dataset.leaks.videos, count: dataset.metrics.leakedVideos, what: 'video' },
    { leaks: dataset.leaks.groups, count: dataset.metrics.leakedGroups, what: 'group' }
  ]
  for (const { leaks, count, what } of kinds) {
    const total = Math.max(count, leaks.length)
    if (total === 0) continue
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

function splitList(splits: Split[]): string {
  return splits.length === 0 ? 'none' : splits.map(split => text(split)).join(' + ')
}

function renderDelta(dataset: DatasetReport, context: Context): string[] {
  const delta = dataset.delta
  if (delta === null) return []
  const lines = [
    `#### Changes against ${code(delta.baseRef)}`,
    '',
    `${plural(delta.addedVideos, 'video')} added, ${formatCount(delta.removedVideos)} removed, ` +
      `${formatCount(delta.movedVideos.length)} moved to another split, ` +
      `${formatCount(delta.relabeledVideos.length)} relabeled.`,
    ''
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

function renderChart(dataset: DatasetReport): string[] {
  const bars = chartBars(dataset, CHART_BARS)
  if (bars.length < 2) return []
  const withTest = bars.some(bar => bar.test !== null)
  const title = `Top ${bars.length} classes by TRAIN segments${withTest ? ' (bars: TRAIN, line: TEST)' : ''}`
  const lines = [
    '```mermaid',
    'xychart-beta horizontal',
    `  title "${title}"`,
    `  x-axis [${bars.map(bar => `"${escapeMermaid(bar.name)}"`).join(', ')}]`,
    '  y-axis "segments"',
    `  bar [${bars.map(bar => bar.train).join(', ')}]`
  ]
  if (withTest) lines.push(`  line [${bars.map(bar => bar.test ?? 0).join(', ')}]`)
  lines.push('```', '')
  return lines
}

function renderDataset(dataset: DatasetReport, context: Context): string[] {
  const counts = dataset.counts
  const icon = counts.error > 0 ? '❌' : counts.warning > 0 ? '⚠️' : '✅'
  const metrics = dataset.metrics
  const summary = nothingRead(dataset)
    ? `nothing was read · ${severityCounts(counts)}`
    : `${plural(metrics.classCount, 'class', 'classes')} · ${plural(metrics.totalVideos, 'video')} · ` +
      `${plural(metrics.totalSegments, 'segment')} · imbalance ${formatRatio(metrics.imbalanceRatio)} · ` +
      `${severityCounts(counts)}`
  const lines = [`### ${icon} ${text(dataset.name)}`, '', summary, '']
  if (context.detail.compact || nothingRead(dataset))
    return [...lines, ...renderFindings(dataset, context)]
  lines.push(...renderFiles(dataset, context))
  lines.push(...renderSplits(dataset))
  lines.push(...renderFindings(dataset, context))
  lines.push(...renderClasses(dataset, context))
  lines.push(...renderDistances(dataset, context))
  lines.push(...renderConfounders(dataset, context))
  lines.push(...renderLeaks(dataset, context))
  lines.push(...renderDelta(dataset, context))
  if (context.detail.chart) lines.push(...renderChart(dataset))
  return lines
}

function renderFooter(options: MarkdownOptions): string[] {
  const parts = ['dataset-gate']
  if (options.headSha !== undefined) parts.push(`head ${options.headSha.slice(0, 7).toLowerCase()}`)
  if (options.runUrl !== undefined && RUN_URL_PATTERN.test(options.runUrl)) {
    parts.push(`[workflow run](${options.runUrl})`)
  }
  return [`<sub>${parts.join(' · ')}</sub>`, '']
}

function renderBody(
  report: GateReport,
  options: MarkdownOptions,
  detail: Detail,
  marker: string,
  cache: Cache
): string {
  const context: Context = {
    detail,
    elsewhere: options.full === true ? 'the JSON report' : 'the job summary or the JSON report',
    cache
  }
  const lines = [marker, ...renderVerdict(report, options, detail)]
  for (const dataset of report.datasets) lines.push(...renderDataset(dataset, context))
  lines.push(...renderFooter(options))
  return lines.join('\n')
}

/** UTF-8 length without allocating, for the job summary's byte limit. */
export function utf8Length(value: string): number {
  let bytes = 0
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/**
 * Cut at a line so that, with the `<details>` left open closed again and the notice appended, the
 * body fits. Never inside the Mermaid block or between a table's header and delimiter row; the
 * marker (the first line) is always kept.
 */
function cutToFit(
  body: string,
  limit: number,
  measure: (value: string) => number,
  full: boolean
): string {
  const notice = full
    ? '> This summary was cut to fit the 1 MiB limit of a job summary; the JSON report has every finding.'
    : '> This report was cut to fit the size limit of a GitHub comment; the job summary and the ' +
      'JSON report have every finding.'
  const closing = (details: number) =>
    '\n\n</details>'.repeat(details) + '\n\n> [!WARNING]\n' + notice + '\n'
  const lines = body.split('\n')
  let size = 0
  let openDetails = 0
  let inFence = false
  let best = { count: 1, openDetails: 0 }
  for (let count = 0; count < lines.length; count++) {
    const line = lines[count] as string
    size += measure(line) + (count === 0 ? 0 : 1)
    if (line.startsWith('```')) inFence = !inFence
    else if (!inFence && line.startsWith('<details>')) openDetails++
    else if (!inFence && line.startsWith('</details>')) openDetails--
    const headerOnly = /^\| (---|--:) \|/.test(lines[count + 1] ?? '')
    // no early exit: closing a <details> can make a longer prefix fit again
    if (count > 0 && !inFence && !headerOnly && size + measure(closing(openDetails)) <= limit) {
      best = { count: count + 1, openDetails }
    }
  }
  const cut = lines.slice(0, best.count).join('\n') + closing(best.openDetails)
  if (measure(cut) <= limit) return cut
  return lines[0] + '\n\n' + '(Report cut to fit the size limit.)\n'
}

/**
 * The exact PR comment body for a report: hidden marker line, verdict, then per dataset the split
 * overview, findings, per-class counts, split distances, leakage, changes against the base and a
 * Mermaid chart. Never longer than `maxChars` (or 1 MiB of UTF-8 with `full`), and the marker
 * appears exactly once.
 */
export function renderMarkdown(report: GateReport, options: MarkdownOptions): string {
  const marker = commentMarker(options.commentKey, options.headSha)
  const full = options.full === true
  const limit = full ? SUMMARY_MAX_BYTES : (options.maxChars ?? COMMENT_MAX_CHARS)
  if (!Number.isFinite(limit) || limit < MIN_MAX_CHARS) {
    throw new RangeError(`maxChars must be at least ${MIN_MAX_CHARS}, got ${limit}`)
  }
  const measure = full ? utf8Length : (value: string) => value.length
  const cache: Cache = { sortedFindings: new Map(), findingCells: new Map(), classRows: new Map() }
  let body = ''
  for (const detail of DETAIL_LEVELS) {
    body = renderBody(report, options, detail, marker, cache)
    if (measure(body) <= limit) return body
  }
  return cutToFit(body, limit, measure, full)
}
