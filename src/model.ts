/**
 * The plain data that flows through the pipeline read -> analyze -> judge -> report -> publish.
 * Nothing here imports a library: every stage can be tested with literals of these types.
 * The JSON report (schemaVersion 1, see the README) is exactly `GateReport`.
 */

/** Fixed order used for tables, bit masks (bit i = SPLITS[i]) and sorting. */
export const SPLITS = ['TRAIN', 'VALIDATION', 'TEST', 'UNASSIGNED'] as const
export type Split = (typeof SPLITS)[number]

export const SEVERITIES = ['error', 'warning', 'notice'] as const
export type Severity = (typeof SEVERITIES)[number]
export type SeveritySetting = Severity | 'off'

/** What fails the gate: errors, warnings too, nothing, or only findings absent on the base. */
export const FAIL_ON_LEVELS = ['error', 'warning', 'never', 'new'] as const
export type FailOn = (typeof FAIL_ON_LEVELS)[number]

export const FORMAT_IDS = [
  'automl-index',
  'automl-rows',
  'vertex-csv',
  'vertex-jsonl',
  'columns'
] as const
export type FormatId = (typeof FORMAT_IDS)[number]

/** Every rule id, in catalogue order (the rule catalogue defines each one). */
export const RULE_IDS = [
  // row rules
  'csv-syntax',
  'row-shape',
  'uri-invalid',
  'label-missing',
  'label-invalid',
  'label-variant',
  'segment-invalid',
  'split-invalid',
  'duplicate-row',
  'unlabeled-video',
  'file-size',
  'uri-missing',
  // dataset rules
  'min-classes',
  'max-classes',
  'min-per-class',
  'recommended-per-class',
  'class-imbalance',
  'split-missing-class',
  'split-distribution',
  'split-ratio',
  'video-leakage',
  'group-leakage',
  'few-videos',
  'multi-label',
  'metadata-confounder',
  // change rules (a pull request against its base)
  'split-move',
  'frozen-split',
  'class-regression',
  // the gate's own limits and input problems that are not a row of a dataset
  'input-error',
  'resource-limit'
] as const
export type RuleId = (typeof RULE_IDS)[number]

export interface Finding {
  rule: RuleId
  severity: Severity
  /** One or two sentences: what is wrong, then what to do. Plain text, never pre-escaped. */
  message: string
  /** Repository-relative path, null for dataset-level findings. */
  file: string | null
  /** 1-based line in `file`, null for dataset-level findings. */
  line: number | null
  split: Split | null
  class: string | null
  /**
   * Identity of the finding across revisions, independent of line numbers (row findings hash the
   * row's content), so `fail-on: new` can tell an old finding from a new one.
   */
  fingerprint?: string
  /** True when the same finding exists on the base revision (only set when a base was compared). */
  onBase?: boolean
  /**
   * The measured value a dataset-level finding is about (the imbalance ratio, a class's count, a
   * Jensen-Shannon distance, ...), so `fail-on: new` can tell a finding the change made worse from
   * one it left alone. Which direction is worse is decided per rule in judge/change.ts.
   */
  measure?: number
  /**
   * Set only on the last finding of a rule that hit max-findings-per-rule: how many more findings
   * of the rule were left out. That finding stands for them and is not counted itself; the counts
   * include the findings it stands for.
   */
  omitted?: number
}

export interface ClassCounts {
  /** Labeled rows. */
  segments: number
  /** Distinct normalized video keys carrying the label. */
  videos: number
  /** Sum of END - START; null when any segment's length is unknown (`inf` without a known duration). */
  seconds: number | null
}

export interface SplitSummary {
  segments: number
  videos: number
  /** Rows of the form `URI,,,` (whole video unlabeled). */
  unlabeledVideos: number
  classes: Record<string, ClassCounts>
}

export interface FileSummary {
  path: string
  format: FormatId
  /** Data records read (header and blank lines excluded). */
  rows: number
  /** The split every row of this file gets (AutoML rows files referenced from an index), else null. */
  split: Split | null
  bytes: number
}

export interface SplitDistance {
  a: Split
  b: Split
  /** Jensen-Shannon distance, log base 2, in [0, 1]. */
  jsDistance: number
  /** Largest absolute difference of per-class shares, as a fraction. */
  lInf: number
  /** Chi-square test of homogeneity p-value (no continuity correction). */
  chiSquareP: number
  chiSquare: number
  degreesOfFreedom: number
  /** The JS distance that sampling noise alone reaches with 99% probability for these sample sizes. */
  noiseFloor: number
  /** Classes whose share moved most, largest first (up to 5). */
  topShifts: { class: string; a: number; b: number }[]
}

export interface SplitLocation {
  split: Split
  file: string
  line: number
}

export interface Leak {
  /** The normalized video key, or the group name for group leakage. */
  key: string
  /** Every split it appears in, with the first place it appears there. */
  places: SplitLocation[]
}

export interface Confounder {
  attribute: string
  cramersV: number
  /** Attribute values that (almost) only occur with one class: "value -> class". */
  givesAway: { value: string; class: string; share: number }[]
}

export interface DatasetMetrics {
  classCount: number
  imbalanceRatio: number | null
  splitDistance: SplitDistance[]
  leakedVideos: number
  leakedGroups: number
  multiLabelVideoShare: number
  multiLabelSegmentShare: number
  /** Videos with two segments of different labels that overlap in time. */
  overlappingMultiLabelVideos: number
  confounders: Confounder[]
  totalVideos: number
  totalSegments: number
}

export interface ClassDelta {
  class: string
  split: Split
  base: ClassCounts | null
  head: ClassCounts | null
}

export interface DatasetDelta {
  baseRef: string
  classes: ClassDelta[]
  addedVideos: number
  removedVideos: number
  movedVideos: { key: string; from: Split[]; to: Split[] }[]
  relabeledVideos: { key: string; from: string[]; to: string[] }[]
}

export interface DatasetReport {
  name: string
  files: FileSummary[]
  splits: Partial<Record<Split, SplitSummary>>
  metrics: DatasetMetrics
  leaks: { videos: Leak[]; groups: Leak[] }
  findings: Finding[]
  /** Findings per severity, those left out by max-findings-per-rule included. */
  counts: SeverityCounts
  /** Of `counts`, the findings absent on the base; only when a base was compared. */
  newCounts?: SeverityCounts
  delta: DatasetDelta | null
}

export interface SeverityCounts {
  error: number
  warning: number
  notice: number
}

export interface GateReport {
  schemaVersion: 1
  passed: boolean
  failOn: FailOn
  /** The sum of the datasets' counts: the verdict, the headline and the exit status use these. */
  counts: SeverityCounts
  /** Of `counts`, the findings absent on the base; only when a base was compared. */
  newCounts?: SeverityCounts
  /** The revision compared with, when one was read. */
  baseRef?: string
  datasets: DatasetReport[]
  /** Problems that are not part of one dataset (a configured file that matches nothing, ...). */
  notes: string[]
  /** Set when the configuration was read from the base revision because the change edits it. */
  configFromBase?: boolean
}

/** What the change rules need of one side (base or head) of a pull request, per dataset. */
export interface DatasetSnapshot {
  name: string
  report: DatasetReport
  /** Normalized video key -> bit mask of splits (bit i = SPLITS[i]) and its sorted labels. */
  videos: Map<string, { splits: number; labels: string[] }>
  /** For splits listed by `frozen-split`: row key (video, label, start, end) -> where it is. */
  frozenRows: Map<Split, Map<string, { file: string; line: number }>>
}

// ---------------------------------------------------------------------------------------------
// One count and one order of findings, for every output
// ---------------------------------------------------------------------------------------------

/** Findings per severity: listed ones plus those each "N more" finding stands for. */
export function countFindings(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 }
  for (const finding of findings) counts[finding.severity] += finding.omitted ?? 1
  return counts
}

export function addCounts(into: SeverityCounts, add: SeverityCounts): SeverityCounts {
  into.error += add.error
  into.warning += add.warning
  into.notice += add.notice
  return into
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

/** Code-point order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The one order of findings, for the JSON report, the comment, the terminal and annotations:
 * worst first (severity), findings new in this change before those already on the base,
 * dataset-level findings before row findings, then file, line, rule and message; each "N more"
 * finding last, as the list's final word on its rule.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(a.omitted !== undefined) - Number(b.omitted !== undefined) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    Number(a.onBase === true) - Number(b.onBase === true) ||
    Number(a.file !== null) - Number(b.file !== null) ||
    compareText(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  )
}

/** A sorted copy. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings)
}

/**
 * What makes two findings on two revisions the same finding: the fingerprint (which never holds
 * a line number), else the rule, place and message with its numbers blanked.
 */
export function identityOf(finding: {
  rule: RuleId
  fingerprint?: string
  file?: string | null
  split?: Split | null
  class?: string | null
  message: string
}): string {
  if (finding.fingerprint !== undefined && finding.fingerprint !== '')
    return `fp\u0000${finding.fingerprint}`
  return [
    'fb',
    finding.rule,
    finding.file ?? '',
    finding.split ?? '',
    finding.class ?? '',
    finding.message.replace(/\d+/g, '#')
  ].join('\u0000')
}

/** A 53-bit hash (cyrb53): a million left-out findings collide with odds of about 1 in 10^4. */
export function hashIdentity(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
