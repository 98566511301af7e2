/**
 * What the pull request is offered: per dataset, the re-split `resplit` would make when leakage
 * or split-distribution fires and the count of row repairs `fix` would make (the comment's
 * "Suggested fix" section), and each repaired line with its replacement (the review's
 * `suggestion` blocks). Plain data; the shell (main.ts) renders and posts it.
 */
import type { GateConfig } from '../config/schema.js'
import type { GateReport, RuleId } from '../model.js'
import type { DatasetPlan } from '../read/dataset-plan.js'
import { planDatasets } from '../read/plan.js'
import type { FileSource } from '../read/source.js'
import { fixDataset, notReadWhole, resplitDataset, type ResplitResult } from './run.js'
import type { Repair } from './fix.js'

/** One line's repair: its text after every repair of the line, or null when the line goes. */
export interface LineSuggestion {
  path: string
  line: number
  before: string
  replacement: string | null
  rules: RuleId[]
  what: string[]
}

export interface DatasetSuggestion {
  dataset: string
  resplit: {
    moves: ResplitResult['moves']
    segmentsMoved: number
    after: ResplitResult['after']
    unmet: string | null
    command: string[]
  } | null
  rows: { count: number; byRule: Record<string, number>; command: string[] } | null
}

export interface RepairSuggestions {
  datasets: DatasetSuggestion[]
  lines: LineSuggestion[]
}

const SPLIT_RULES: ReadonlySet<RuleId> = new Set([
  'video-leakage',
  'group-leakage',
  'split-distribution'
])

export async function suggestRepairs(
  source: FileSource,
  config: GateConfig,
  report: GateReport,
  paths: string[]
): Promise<RepairSuggestions> {
  const plan = await planDatasets(source, config, paths, 'head')
  const result: RepairSuggestions = { datasets: [], lines: [] }
  for (const dataset of plan.datasets) {
    const reported = report.datasets.find(d => d.name === dataset.name)
    if (!reported || dataset.refused || dataset.files.length === 0) continue
    if (notReadWhole(reported.findings) !== null) continue
    const path = dataset.index ?? dataset.files[0]!.path
    const fix = await fixDataset(source, dataset, reported.findings)
    const rows =
      fix.repairs.length === 0
        ? null
        : {
            count: fix.repairs.length,
            byRule: countRules(fix.repairs),
            command: ['fix', path, '--write']
          }
    result.lines.push(...lineSuggestions(fix.repairs))
    const leaks = reported.findings.some(f => SPLIT_RULES.has(f.rule))
    const resplit = leaks ? await resplitOf(source, dataset, config, path) : null
    if (rows || resplit) result.datasets.push({ dataset: dataset.name, resplit, rows })
  }
  return result
}

async function resplitOf(
  source: FileSource,
  dataset: DatasetPlan,
  config: GateConfig,
  path: string
): Promise<DatasetSuggestion['resplit']> {
  const request = { shares: {}, keep: [], allowDrop: false, seed: 1 }
  const result = await resplitDataset(source, dataset, config, request)
  const drops = result.moves.some(move => move.to === null)
  return {
    moves: result.moves,
    segmentsMoved: result.segmentsMoved,
    after: result.after,
    unmet: result.unmet,
    command: ['resplit', path, ...(drops ? ['--allow-drop'] : []), '--write']
  }
}

function countRules(repairs: readonly Repair[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const repair of repairs) counts[repair.rule] = (counts[repair.rule] ?? 0) + 1
  return counts
}

/** One suggestion per repaired line, in file and line order. */
export function lineSuggestions(repairs: readonly Repair[]): LineSuggestion[] {
  const byLine = new Map<string, LineSuggestion>()
  for (const repair of repairs) {
    const key = `${repair.file}\u0000${repair.line}`
    let suggestion = byLine.get(key)
    if (!suggestion) {
      suggestion = {
        path: repair.file,
        line: repair.line,
        before: repair.before,
        replacement: repair.after,
        rules: [],
        what: []
      }
      byLine.set(key, suggestion)
    }
    if (repair.after === null) suggestion.replacement = null
    if (!suggestion.rules.includes(repair.rule)) suggestion.rules.push(repair.rule)
    suggestion.what.push(repair.what)
  }
  return [...byLine.values()]
}
