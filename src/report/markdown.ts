/**
 * The PR comment (and job summary, and the CLI's `--format markdown`): one pure function from a
 * report to the exact Markdown body. Every string that comes from a dataset goes through
 * `escapeMarkdown`, `escapeCode` (markdown-blocks.ts) or the chart's label writer (mermaid.ts);
 * everything else here is our own text. The sections of one dataset are in markdown-dataset.ts
 * and markdown-classes.ts.
 *
 * GitHub refuses a comment over 65,536 characters, so the body is rendered at decreasing levels of
 * detail until it fits, and as a last resort cut at a line with a visible notice.
 */
import type { GateReport } from '../model.js'
import { commentMarker } from '../comment-marker.js'
import { plural } from './format.js'
import { newFindingsSummary } from './sections.js'
import {
  MESSAGE_MAX,
  severityCounts,
  text,
  type Cache,
  type Context,
  type Detail
} from './markdown-blocks.js'
import { renderDataset } from './markdown-dataset.js'
import { renderOverview } from './markdown-overview.js'
import { renderSuggestedFixes, type SuggestedFix } from './markdown-suggestions.js'

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
  /** What `resplit` and `fix` would change, per dataset: the collapsed "Suggested fix" sections. */
  suggestedFixes?: readonly SuggestedFix[]
}

/** GitHub's limit for an issue or pull request comment body. */
export const COMMENT_MAX_CHARS = 65536
/** GitHub's limit for one step's job summary, in bytes. */
export const SUMMARY_MAX_BYTES = 1024 * 1024
/** Below this budget not even the verdict fits; `renderMarkdown` throws a RangeError. */
export const MIN_MAX_CHARS = 1000

const RUN_URL_PATTERN = /^https:\/\/[A-Za-z0-9._~:/?#@!$+,;=%-]+$/

/** How much of each section a rendering keeps. */

function level(
  findings: number,
  classes: number,
  items: number,
  flags: Partial<Pick<Detail, 'chart' | 'shifts' | 'distances' | 'compact'>> = {}
): Detail {
  const defaults = { chart: true, shifts: true, distances: true, compact: false }
  return { findings, classes, items, ...defaults, ...flags }
}

/**
 * First per-class rows, then findings: the verdict and worst findings go last. The class-share
 * chart (at most 20 classes, about 1.5 KB) stays down to the most compact level; only the two
 * last-resort levels after it, for budgets of a few KB, trade it for the worst findings.
 */
const DETAIL_LEVELS: readonly Detail[] = [
  level(Infinity, Infinity, Infinity),
  level(Infinity, 100, 100),
  level(Infinity, 30, 50),
  level(500, 30, 50),
  level(200, 20, 25),
  level(100, 20, 20),
  level(50, 10, 10, { shifts: false }),
  level(20, 0, 5, { shifts: false }),
  level(10, 0, 3, { shifts: false, distances: false }),
  level(5, 0, 0, { shifts: false, distances: false }),
  level(5, 0, 0, { shifts: false, distances: false, compact: true }),
  level(0, 0, 0, { shifts: false, distances: false, compact: true }),
  level(5, 0, 0, { chart: false, shifts: false, distances: false, compact: true }),
  level(0, 0, 0, { chart: false, shifts: false, distances: false, compact: true })
]

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

function renderFooter(options: MarkdownOptions): string[] {
  const parts = ['dataset-gate']
  if (options.headSha !== undefined) parts.push(`head ${options.headSha.slice(0, 7).toLowerCase()}`)
  if (options.runUrl !== undefined && RUN_URL_PATTERN.test(options.runUrl)) {
    parts.push(`[workflow run](${options.runUrl})`)
  }
  return [`<sub>${parts.join(' · ')}</sub>`, '']
}

/** Where the details left out of this rendering are. */
function elsewhere(options: MarkdownOptions): string {
  return options.full === true ? 'the JSON report' : 'the job summary or the JSON report'
}

/**
 * The body at one level of detail, or null as soon as its dataset sections no longer `fit`: a
 * report of thousands of datasets is not rendered whole at every level only to be found too long.
 */
function renderBody(
  report: GateReport,
  options: MarkdownOptions,
  detail: Detail,
  marker: string,
  cache: Cache,
  fits: (lines: readonly string[]) => boolean
): string | null {
  const context: Context = { detail, elsewhere: elsewhere(options), cache }
  const lines = [marker, ...renderVerdict(report, options, detail)]
  for (const dataset of report.datasets) {
    const section = renderDataset(dataset, context)
    if (!fits(section)) return null
    lines.push(...section)
  }
  lines.push(...renderSuggestedFixes(options.suggestedFixes))
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
  const cache: Cache = {
    sortedFindings: new Map(),
    findingCells: new Map(),
    classRows: new Map(),
    charts: new Map()
  }
  for (const detail of DETAIL_LEVELS) {
    let size = 0
    const fits = (lines: readonly string[]): boolean => {
      for (const line of lines) size += measure(line) + 1
      return size <= limit
    }
    const body = renderBody(report, options, detail, marker, cache, fits)
    if (body !== null && measure(body) <= limit) return body
  }
  // Too many datasets for a section each: one table, the worst first, cut if it must be.
  const last = DETAIL_LEVELS[DETAIL_LEVELS.length - 1]!
  const overview = [
    marker,
    ...renderVerdict(report, options, last),
    ...renderOverview(report.datasets, elsewhere(options)),
    ...renderFooter(options)
  ].join('\n')
  return measure(overview) <= limit ? overview : cutToFit(overview, limit, measure, full)
}
