/**
 * The building blocks of the Markdown report: how much detail a rendering keeps, escaped text and
 * code, GFM tables, `<details>` and lists. Every string that comes from a dataset goes through
 * `text` or `code` (`escapeMarkdown`, `escapeCode`); everything else is our own text.
 */
import type { DatasetReport, Finding } from '../model.js'
import { escapeCode, escapeMarkdown, truncate } from './escape.js'
import { plural } from './format.js'
import type { ChartOutcome } from './chart.js'
import type { ClassRow } from './sections.js'

/** How much of each section a rendering keeps. */
export interface Detail {
  /** Findings rows per dataset, worst first. */
  findings: number
  /** Per-class rows per dataset (0 leaves the table out). */
  classes: number
  /** Items of each list: files, leaks, moved and relabeled videos, notes, confounders. */
  items: number
  /** The class-share chart: false only at the last-resort levels, below the most compact one. */
  chart: boolean
  /** The "largest shifts" column of the distance table. */
  shifts: boolean
  /** The split distance and confounder tables. */
  distances: boolean
  /** Only the heading, counts, findings and chart of each dataset. */
  compact: boolean
}

/** Findings shown before the rest go into a `<details>`. */
export const VISIBLE_FINDINGS = 20
/** Lists and per-class tables longer than this are collapsed. */
export const COLLAPSE_AFTER = 10
export const MESSAGE_MAX = 400
export const PATH_MAX = 160
export const NAME_MAX = 80

/** Work shared by the renderings at each level of detail of one `renderMarkdown` call. */
export interface Cache {
  sortedFindings: Map<DatasetReport, Finding[]>
  findingCells: Map<Finding, string[]>
  classRows: Map<DatasetReport, ClassRow[]>
  charts: Map<DatasetReport, ChartOutcome>
}

export function memo<K, V>(map: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = make(key)
    map.set(key, value)
  }
  return value
}

export interface Context {
  detail: Detail
  /** Where the reader finds what this rendering leaves out. */
  elsewhere: string
  cache: Cache
}

export function text(value: string, max = NAME_MAX): string {
  return escapeMarkdown(truncate(value, max))
}

export function code(value: string, max = NAME_MAX): string {
  return escapeCode(truncate(value, max))
}

/** A GFM table; `alignRight[i]` right-aligns column i (numbers). Cells must be escaped already. */
export function table(headers: string[], alignRight: boolean[], rows: string[][]): string[] {
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

export function details(summary: string, content: string[]): string[] {
  return [`<details><summary>${summary}</summary>`, '', ...content, '', '</details>', '']
}

/** A rule id as a table cell: in code, and escaped when it is not one of ours. */
export function ruleCell(rule: string): string {
  return /^[a-z0-9-]+$/.test(rule) ? `\`${rule}\`` : code(rule)
}

/** A dataset's icon by its worst finding: errors fail, warnings warn, notices alone pass. */
export function datasetIcon(counts: { error: number; warning: number }): string {
  return counts.error > 0 ? '❌' : counts.warning > 0 ? '⚠️' : '✅'
}

export function severityCounts(counts: { error: number; warning: number; notice: number }): string {
  return [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    plural(counts.notice, 'notice')
  ].join(', ')
}

export function omittedLine(
  count: number,
  what: string,
  context: Context,
  whatPlural = what + 's'
): string {
  return `… and ${plural(count, `more ${what}`, `more ${whatPlural}`)} (see ${context.elsewhere}).`
}

export function list(
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
