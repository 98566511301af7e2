/**
 * The comment's collapsed **Suggested fix** section: what `dataset-gate resplit` would move when
 * leakage or split-distribution fires (counts, the first units, the metrics after, the exact
 * command) and how many row repairs `dataset-gate fix` has. The shell computes the plans
 * (repair/); this renders them. Unit names and paths come from the data and are escaped.
 */
import type { Split } from '../model.js'
import { escapeTerminal } from './escape.js'
import { formatPercent, plural } from './format.js'
import { code, details, table, text } from './markdown-blocks.js'

export interface SuggestedMetrics {
  leakedVideos: number
  leakedGroups: number
  splitShares: Partial<Record<Split, number>>
  splitDistance: { a: Split; b: Split; jsDistance: number; noiseFloor: number }[]
}

export interface SuggestedResplit {
  moves: {
    unit: string
    kind: 'group' | 'video'
    from: Split
    to: Split | null
    segments: number
  }[]
  segmentsMoved: number
  after: SuggestedMetrics
  /** The constraint no assignment meets, or null. */
  unmet: string | null
  /** The command's arguments after `dataset-gate` (paths as the repository names them). */
  command: string[]
}

export interface SuggestedFix {
  dataset: string
  resplit: SuggestedResplit | null
  /** Row repairs `fix` makes: how many, per rule, and the command. */
  rows: { count: number; byRule: Record<string, number>; command: string[] } | null
}

/** Units listed in the section; the command's output lists them all. */
const UNITS_SHOWN = 10

export function renderSuggestedFixes(fixes: readonly SuggestedFix[] | undefined): string[] {
  const lines: string[] = []
  for (const fix of fixes ?? []) {
    if (fix.resplit === null && (fix.rows === null || fix.rows.count === 0)) continue
    lines.push(...details(`<b>Suggested fix</b>: ${summaryOf(fix)}`, contentOf(fix)))
  }
  return lines
}

function summaryOf(fix: SuggestedFix): string {
  const parts: string[] = []
  const resplit = fix.resplit
  if (resplit && resplit.unmet === null)
    parts.push(
      `move ${plural(resplit.segmentsMoved, 'segment')} of ${plural(resplit.moves.length, 'unit')}`
    )
  else if (resplit) parts.push('no re-split meets every constraint')
  if (fix.rows && fix.rows.count > 0) parts.push(plural(fix.rows.count, 'row repair'))
  return `${text(fix.dataset)}: ${parts.join('; ')}`
}

function contentOf(fix: SuggestedFix): string[] {
  const lines: string[] = []
  if (fix.resplit) lines.push(...resplitContent(fix.resplit))
  if (fix.rows && fix.rows.count > 0) {
    const rules = Object.entries(fix.rows.byRule)
      .map(([rule, n]) => `${code(rule)} ${n}`)
      .join(', ')
    lines.push(
      `\`dataset-gate fix\` repairs ${plural(fix.rows.count, 'row problem')} with one correct answer (${rules}):`,
      '',
      ...commandBlock(fix.rows.command)
    )
  }
  return lines
}

function resplitContent(resplit: SuggestedResplit): string[] {
  if (resplit.unmet !== null)
    return [
      `\`dataset-gate resplit\` finds no assignment that meets every constraint: ${text(resplit.unmet, 300)}.`,
      ''
    ]
  const rows = resplit.moves
    .slice(0, UNITS_SHOWN)
    .map(m => [code(m.unit), m.kind, m.from, m.to ?? 'removed', String(m.segments)])
  const lines = [
    `\`dataset-gate resplit\` moves ${plural(resplit.segmentsMoved, 'segment')} in ${plural(resplit.moves.length, 'whole unit')} (source groups or videos) so that no unit is in two splits and the split shares and class distributions stay as configured:`,
    '',
    ...table(['unit', 'kind', 'from', 'to', 'segments'], [false, false, false, false, true], rows)
  ]
  if (resplit.moves.length > UNITS_SHOWN)
    lines.push('', `… and ${plural(resplit.moves.length - UNITS_SHOWN, 'more unit')}.`)
  lines.push('', `After: ${metricsText(resplit.after)}.`, '', ...commandBlock(resplit.command))
  return lines
}

function metricsText(m: SuggestedMetrics): string {
  const shares = Object.entries(m.splitShares)
    .map(([split, share]) => `${split} ${formatPercent(share)}`)
    .join(', ')
  const distances = m.splitDistance.map(
    d =>
      `JS distance ${d.a}–${d.b} ${d.jsDistance.toFixed(3)} (noise floor ${d.noiseFloor.toFixed(3)})`
  )
  return [
    `${plural(m.leakedVideos, 'leaked video')}, ${plural(m.leakedGroups, 'leaked group')}`,
    shares,
    ...distances
  ]
    .filter(part => part !== '')
    .join('; ')
}

/** The command in a fenced block: arguments quoted for a POSIX shell, the fence longer than any run of backticks inside. */
export function commandBlock(args: readonly string[]): string[] {
  const command = ['dataset-gate', ...args.map(shellWord)].join(' ')
  const longest = Math.max(0, ...(command.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [`${fence}sh`, command, fence, '']
}

function shellWord(arg: string): string {
  const shown = escapeTerminal(arg).replace(/[\r\n\u2028\u2029]/g, ' ')
  return /^[\w./=:@%+-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`
}
