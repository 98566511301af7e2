/**
 * What planning decides, as plain data: which files form each dataset, and the problems found on
 * the way. Shared by the planner, the engine and the shells.
 */
import type { FormatId, RuleId, Severity, Split } from '../model.js'
import type { DatasetSpec } from '../config/schema.js'

export interface PlannedFile {
  path: string
  split: Split | null
  format: FormatId | 'auto'
  /** The index line that referenced it. */
  from: { file: string; line: number } | null
}

export interface PlanProblem {
  rule: RuleId
  message: string
  file: string | null
  line: number | null
  severity?: Severity
}

export interface DatasetPlan {
  name: string
  spec: DatasetSpec | null
  index: string | null
  files: PlannedFile[]
  metadata: string | null
  durations: string | null
  problems: PlanProblem[]
  /** A named path that could not be gated: the dataset carries only its input-error. */
  refused?: boolean
}

export interface Plan {
  datasets: DatasetPlan[]
  notes: string[]
  /**
   * Manifest-named files that were looked at and not gated, with the reason: the engine checks
   * them against the base (a file the base gated must not vanish from the gate by a disguise).
   */
  unrecognized: Map<string, string>
}

/**
 * What the gate discovers when no path is named, in the CLI and the action alike (the action's
 * `paths` input defaults to these): CSV and JSON Lines (.jsonl, .ndjson) manifests anywhere under
 * the root. The extensions match in any case (`d.CSV` is a manifest too: a rename must not hide a
 * dataset).
 */
export const DEFAULT_MANIFEST_GLOBS = [
  '**/*.[cC][sS][vV]',
  '**/*.[jJ][sS][oO][nN][lL]',
  '**/*.[nN][dD][jJ][sS][oO][nN]'
]

/** Which side of a comparison is planned: the base only plans what exists, silently. */
export type PlanSide = 'head' | 'base'

/** A dataset that stands for a named path the gate could not gate: one input-error, no rows. */
export function refusal(
  name: string,
  file: string | null,
  message: string,
  severity: Severity = 'error'
): DatasetPlan {
  return {
    name,
    spec: null,
    index: null,
    files: [],
    metadata: null,
    durations: null,
    problems: [{ rule: 'input-error', message, file, line: null, severity }],
    refused: true
  }
}

/** Every repository file a dataset depends on: a change to any of them touches the dataset. */
export function datasetFiles(plan: DatasetPlan): string[] {
  return [
    ...(plan.index ? [plan.index] : []),
    ...plan.files.map(f => f.path),
    ...(plan.metadata ? [plan.metadata] : []),
    ...(plan.durations ? [plan.durations] : [])
  ]
}
