/**
 * One dataset through a repair: its rows read, the plan made, the edited files. The shells
 * (cli-repair.ts, main.ts) call these; writing files and printing is theirs.
 */
import { resolveRuleSettings, type GateConfig } from '../config/schema.js'
import type { Finding, Split } from '../model.js'
import type { DatasetPlan } from '../read/dataset-plan.js'
import type { FileSource } from '../read/source.js'
import { loadDataset, RowTable } from './dataset-rows.js'
import { LabelCounts, planFixes, type FixPlan } from './fix.js'
import { planResplit, type ResplitPlan } from './resplit.js'
import { writeAssignment } from './resplit-edits.js'
import type { EditedFile } from './text-edits.js'

/**
 * Why a repair leaves a dataset alone, from the gate's findings on it: a resource limit stopped the
 * gate's reading, so the rows past it were never judged (a repeat's first copy, a unit's rows in
 * another split could be there) and a repair would load a file the limits keep out of memory.
 * Null when the gate read the dataset whole.
 */
export function notReadWhole(findings: readonly Finding[]): string | null {
  const stop = findings.find(f => f.rule === 'resource-limit')
  return stop ? `the gate did not read it whole (${stop.message})` : null
}

export async function fixDataset(
  source: FileSource,
  plan: DatasetPlan,
  findings: readonly Finding[]
): Promise<FixPlan> {
  const counted = new LabelCounts()
  const data = await loadDataset(source, plan, counted.visit)
  return planFixes(data, counted, findings, plan.spec)
}

export interface ResplitRequest {
  shares: Partial<Record<Split, number>>
  /** Splits named by `--keep`; the configuration's frozen splits are added. */
  keep: Split[]
  allowDrop: boolean
  seed: number
}

export interface ResplitResult extends ResplitPlan {
  /** The splits kept as they are. */
  kept: Split[]
  files: EditedFile[]
}

export async function resplitDataset(
  source: FileSource,
  plan: DatasetPlan,
  config: GateConfig,
  request: ResplitRequest
): Promise<ResplitResult> {
  const settings = resolveRuleSettings(config, plan.spec ?? undefined)
  const frozen = settings['frozen-split']
  const kept = [
    ...new Set([...request.keep, ...(frozen.severity !== 'off' ? frozen.options.splits : [])])
  ]
  const distribution = settings['split-distribution']
  const rows = new RowTable(plan.spec?.videoKey ?? 'uri')
  const data = await loadDataset(source, plan, rows.add)
  const result = planResplit(rows, {
    groupPattern: plan.spec?.groupPattern,
    shares: request.shares,
    keep: kept,
    seed: request.seed,
    maxJsDistance:
      distribution.severity === 'off' ? Infinity : distribution.options['max-js-distance'],
    noiseQuantile: distribution.options['noise-quantile']
  })
  const removed = result.moves.filter(move => move.to === null)
  if (removed.length > 0 && !request.allowDrop && result.unmet === null) {
    const segments = removed.reduce((sum, move) => sum + move.segments, 0)
    result.unmet = `no unit in two splits while ${kept.join(', ')} stays as it is: ${segments} segment${segments === 1 ? '' : 's'} of ${removed.length} unit${removed.length === 1 ? '' : 's'} leaking into it must be removed from the other splits; rerun with --allow-drop`
  }
  const files =
    result.moves.length > 0 ? writeAssignment(data.files, rows, result.rowSplit, plan.spec) : []
  return { ...result, kept, files }
}
