/**
 * One dataset through a repair: its rows read, the plan made, the edited files. The shells
 * (cli-repair.ts, main.ts) call these; writing files and printing is theirs.
 */
import { resolveRuleSettings, type GateConfig } from '../config/schema.js'
import type { Finding, Split } from '../model.js'
import type { DatasetPlan } from '../read/dataset-plan.js'
import type { FileSource } from '../read/source.js'
import { readDatasetRows } from './dataset-rows.js'
import { planFixes, type FixPlan } from './fix.js'
import { planResplit, type ResplitPlan } from './resplit.js'
import { writeAssignment } from './resplit-edits.js'
import type { EditedFile } from './text-edits.js'

export async function fixDataset(
  source: FileSource,
  plan: DatasetPlan,
  findings: readonly Finding[]
): Promise<FixPlan> {
  const data = await readDatasetRows(source, plan)
  return planFixes(data, findings, plan.spec)
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
  const data = await readDatasetRows(source, plan)
  const result = planResplit(data.rows, {
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
  const files = result.moves.length > 0 ? writeAssignment(data, result.rowSplit, plan.spec) : []
  return { ...result, kept, files }
}
