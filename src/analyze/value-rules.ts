/**
 * What the accumulator asks of the judge about values: whether a video spelling or a label is
 * acceptable, and the thresholds of the time checks. Declared here, where it is used, so analyze/
 * does not import judge/; judge/value-checks.ts (`valueRules`) implements it from the rule settings.
 */

export type LabelProfile = 'automl' | 'relaxed'

/** What the dataset's rules accept. A reason it returns is relayed in a problem as is. */
export interface ValueRules {
  /** Why a video's spelling cannot be imported (`uri`) or used as an id (`id`), or null. */
  videoProblem(raw: string, kind: 'uri' | 'id'): string | null
  /** Why a label is refused under a label profile, or null. */
  labelProblem(label: string, profile: LabelProfile): string | null
  /** Decimals a time may have before the import rounds it. */
  maxDecimals: number
  /** Seconds a segment may reach past its video's duration (durations file). */
  durationTolerance: number
  /** The label profile follows the format (`auto`): column-mapped manifests get `relaxed`. */
  relaxLabelsForColumns: boolean
}
