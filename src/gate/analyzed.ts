/** One dataset analyzed: what runGate and the comparison with the base take from analyzeDataset. */
import type { OmittedIdentities } from '../judge/findings.js'
import type { DatasetReport, DatasetSnapshot } from '../model.js'
import type { DatasetPlan } from '../read/dataset-plan.js'

export interface AnalyzedDataset {
  report: DatasetReport
  snapshot: DatasetSnapshot | null
  notes: string[]
  /** Hashed identities of the findings the cap left out, by rule and severity (with a base only). */
  omitted: OmittedIdentities | null
  plan: DatasetPlan
}
