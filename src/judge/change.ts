/**
 * The change rules: what a pull request does to a dataset, judged by comparing the snapshot of the
 * head with the snapshot of the base (rules.md, "Change rules"). Pure: two snapshots and the
 * dataset's settings in, the delta and the findings out.
 *
 * - `split-move`: a video whose set of splits differs between base and head. A video that was in
 *   TEST and now is in TRAIN gets the `test-to-train` severity (error by default): it inflates the
 *   evaluation silently.
 * - `frozen-split` (off by default): any row added to or removed from a configured split. A
 *   relabeled row is a removal plus an addition, because the label is part of the row key.
 * - `class-regression`: a class that met the `min-per-class` / `recommended-per-class` threshold on
 *   the base and no longer does, or a split distance / imbalance ratio that got worse and is now
 *   past its threshold. A check is skipped when the rule it regresses is off.
 *
 * `markNewFindings` then tells old findings from new ones for `fail-on: new`: the same finding
 * on the base is old, unless its measured value (an imbalance ratio, a class count, ...) got worse.
 */
import {
  SPLITS,
  type ClassDelta,
  type DatasetDelta,
  type DatasetSnapshot,
  type Finding,
  type RuleId,
  type Severity,
  type SeveritySetting,
  type Split,
  type SplitDistance
} from '../model.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { identityOf } from './findings.js'
import { showInvisible } from '../analyze/values.js'

export interface ChangeResult {
  delta: DatasetDelta
  findings: Finding[]
}

export function compareSnapshots(
  base: DatasetSnapshot | null,
  head: DatasetSnapshot,
  settings: RuleSettings,
  baseRef: string
): ChangeResult {
  const delta = describeDelta(base, head, baseRef)
  if (base === null) return { delta, findings: [] }
  const findings = [
    ...findSplitMoves(delta, base, settings, baseRef),
    ...findFrozenSplitChanges(base, head, settings, baseRef),
    ...findClassRegressions(base, head, settings, baseRef)
  ]
  return { delta, findings }
}

// ---------------------------------------------------------------------------------------------
// Delta
// ---------------------------------------------------------------------------------------------

function describeDelta(
  base: DatasetSnapshot | null,
  head: DatasetSnapshot,
  baseRef: string
): DatasetDelta {
  const baseVideos = base?.videos ?? new Map<string, { splits: number; labels: string[] }>()
  let addedVideos = 0
  const movedVideos: DatasetDelta['movedVideos'] = []
  const relabeledVideos: DatasetDelta['relabeledVideos'] = []
  for (const [key, now] of head.videos) {
    const before = baseVideos.get(key)
    if (before === undefined) {
      addedVideos++
      continue
    }
    if (before.splits !== now.splits) {
      movedVideos.push({ key, from: splitsOf(before.splits), to: splitsOf(now.splits) })
    }
    if (!sameLabels(before.labels, now.labels)) {
      relabeledVideos.push({ key, from: before.labels, to: now.labels })
    }
  }
  let removedVideos = 0
  for (const key of baseVideos.keys()) if (!head.videos.has(key)) removedVideos++
  movedVideos.sort((a, b) => compareText(a.key, b.key))
  relabeledVideos.sort((a, b) => compareText(a.key, b.key))

  return {
    baseRef,
    classes: describeClassDeltas(base, head),
    addedVideos,
    removedVideos,
    movedVideos,
    relabeledVideos
  }
}

/** One entry per (class, split) present on either side, sorted by class, then split order. */
function describeClassDeltas(base: DatasetSnapshot | null, head: DatasetSnapshot): ClassDelta[] {
  const deltas: ClassDelta[] = []
  for (const split of SPLITS) {
    const before = base?.report.splits[split]?.classes ?? {}
    const now = head.report.splits[split]?.classes ?? {}
    // Own keys only: a class named `constructor` must not find Object's.
    const own = (classes: typeof now, name: string) =>
      Object.hasOwn(classes, name) ? (classes[name] ?? null) : null
    for (const name of new Set([...Object.keys(before), ...Object.keys(now)])) {
      deltas.push({ class: name, split, base: own(before, name), head: own(now, name) })
    }
  }
  return deltas.sort(
    (a, b) => compareText(a.class, b.class) || SPLITS.indexOf(a.split) - SPLITS.indexOf(b.split)
  )
}

// ---------------------------------------------------------------------------------------------
// split-move
// ---------------------------------------------------------------------------------------------

function findSplitMoves(
  delta: DatasetDelta,
  base: DatasetSnapshot,
  settings: RuleSettings,
  baseRef: string
): Finding[] {
  const rule = settings['split-move']
  if (rule.severity === 'off') return []
  const findings: Finding[] = []
  for (const move of delta.movedVideos) {
    const intoTrainFromTest =
      move.from.includes('TEST') && !move.from.includes('TRAIN') && move.to.includes('TRAIN')
    const severity: SeveritySetting = intoTrainFromTest
      ? rule.options['test-to-train']
      : rule.severity
    if (severity === 'off') continue
    const labels = base.videos.get(move.key)?.labels ?? []
    const consequence = intoTrainFromTest
      ? 'A video the model was evaluated on is now trained on, so test scores will look better than they are. Move it back, or retire it from TEST in a separate, deliberate change.'
      : 'Check that the move is intended; moving videos between splits makes results incomparable with earlier runs.'
    findings.push({
      rule: 'split-move',
      severity,
      message: `Video ${move.key} moved from ${splitList(move.from)} to ${splitList(move.to)} since ${baseRef}. ${consequence}`,
      file: null,
      line: null,
      split: move.to[0] ?? null,
      class: labels.length === 1 ? labels[0]! : null,
      fingerprint: `split-move|${move.key}|${move.from.join('+')}>${move.to.join('+')}`
    })
  }
  return findings
}

// ---------------------------------------------------------------------------------------------
// frozen-split
// ---------------------------------------------------------------------------------------------

function findFrozenSplitChanges(
  base: DatasetSnapshot,
  head: DatasetSnapshot,
  settings: RuleSettings,
  baseRef: string
): Finding[] {
  const rule = settings['frozen-split']
  if (rule.severity === 'off') return []
  const severity = rule.severity
  const findings: Finding[] = []
  for (const split of rule.options.splits) {
    const before = base.frozenRows.get(split) ?? new Map<string, { file: string; line: number }>()
    const now = head.frozenRows.get(split) ?? new Map<string, { file: string; line: number }>()
    const changes: Finding[] = []
    for (const [row, place] of now) {
      if (before.has(row)) continue
      changes.push({
        rule: 'frozen-split',
        severity,
        message: `Row ${describeRow(row)} was added to the frozen ${split} split (not on ${baseRef}). ${FROZEN_ADVICE}`,
        file: place.file,
        line: place.line,
        split,
        class: null,
        fingerprint: `frozen-split|added|${split}|${row}`
      })
    }
    for (const [row, place] of before) {
      if (now.has(row)) continue
      // The row is gone from the head, so there is no head line to point at: name the base line.
      changes.push({
        rule: 'frozen-split',
        severity,
        message: `Row ${describeRow(row)} was removed from the frozen ${split} split (${place.file}:${place.line} on ${baseRef}). ${FROZEN_ADVICE}`,
        file: place.file,
        line: null,
        split,
        class: null,
        fingerprint: `frozen-split|removed|${split}|${row}`
      })
    }
    changes.sort(
      (a, b) =>
        compareText(a.file ?? '', b.file ?? '') ||
        (a.line ?? Infinity) - (b.line ?? Infinity) ||
        compareText(a.message, b.message)
    )
    findings.push(...changes)
  }
  return findings
}

const FROZEN_ADVICE =
  'Frozen splits must stay identical so results stay comparable; a relabel shows as one removal and one addition. Revert the change, or unfreeze the split on purpose in the configuration.'

/** Row keys are opaque to this module; show them readably whatever separator the reader chose. */
function describeRow(row: string): string {
  return `"${row.replace(/[\u0000-\u001f]+/g, ', ')}"`
}

// ---------------------------------------------------------------------------------------------
// class-regression
// ---------------------------------------------------------------------------------------------

function findClassRegressions(
  base: DatasetSnapshot,
  head: DatasetSnapshot,
  settings: RuleSettings,
  baseRef: string
): Finding[] {
  const rule = settings['class-regression']
  if (rule.severity === 'off') return []
  const severity = rule.severity
  return [
    ...minimumRegressions(base, head, settings, severity, baseRef),
    ...recommendedRegressions(base, head, settings, severity, baseRef),
    ...distanceRegressions(base, head, settings, severity, baseRef),
    ...imbalanceRegressions(base, head, settings, severity, baseRef)
  ]
}

type Unit = 'videos' | 'segments'

/** Per-class totals over every split: distinct videos (a leaked video counts once) or segments. */
function countPerClass(snapshot: DatasetSnapshot, unit: Unit): Map<string, number> {
  const counts = new Map<string, number>()
  if (unit === 'videos') {
    for (const { labels } of snapshot.videos.values()) {
      for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1)
    }
    return counts
  }
  for (const split of SPLITS) {
    for (const [name, c] of Object.entries(snapshot.report.splits[split]?.classes ?? {})) {
      counts.set(name, (counts.get(name) ?? 0) + c.segments)
    }
  }
  return counts
}

function countInSplit(snapshot: DatasetSnapshot, split: Split, unit: Unit): Map<string, number> {
  const classes = snapshot.report.splits[split]?.classes ?? {}
  return new Map(Object.entries(classes).map(([name, c]) => [name, c[unit]]))
}

/** Every class the head still has (a class removed on purpose is not a regression). */
function headClasses(head: DatasetSnapshot): string[] {
  const names = new Set<string>()
  for (const split of SPLITS) {
    for (const name of Object.keys(head.report.splits[split]?.classes ?? {})) names.add(name)
  }
  return [...names].sort(compareText)
}

function minimumRegressions(
  base: DatasetSnapshot,
  head: DatasetSnapshot,
  settings: RuleSettings,
  severity: Severity,
  baseRef: string
): Finding[] {
  const minimum = settings['min-per-class']
  if (minimum.severity === 'off') return []
  const { unit, min, classes } = minimum.options
  const before = countPerClass(base, unit)
  const now = countPerClass(head, unit)
  const findings: Finding[] = []
  for (const name of headClasses(head)) {
    const threshold = classes[name] ?? min
    const was = before.get(name) ?? 0
    const is = now.get(name) ?? 0
    if (was >= threshold && is < threshold) {
      findings.push({
        rule: 'class-regression',
        severity,
        message: `Class "${name}" drops from ${was} to ${is} ${unit} (all splits), below the minimum of ${threshold} it met on ${baseRef}. Restore the removed examples or add new ones.`,
        file: null,
        line: null,
        split: null,
        class: name,
        fingerprint: `class-regression|min-per-class|${name}`
      })
    }
  }
  return findings
}

function recommendedRegressions(
  base: DatasetSnapshot,
  head: DatasetSnapshot,
  settings: RuleSettings,
  severity: Severity,
  baseRef: string
): Finding[] {
  const recommended = settings['recommended-per-class']
  if (recommended.severity === 'off') return []
  const options = recommended.options
  // The head's bar for both sides: a class "regresses" when it met the bar it is judged by now and
  // no longer does, not when the dataset grew past `many-classes` and raised the bar for everyone.
  const defaultBar =
    head.report.metrics.classCount > options['many-classes']
      ? options['min-many-classes']
      : options.min
  const before = countInSplit(base, options.split, options.unit)
  const now = countInSplit(head, options.split, options.unit)
  const findings: Finding[] = []
  for (const name of headClasses(head)) {
    const threshold = options.classes[name] ?? defaultBar
    const was = before.get(name) ?? 0
    const is = now.get(name) ?? 0
    if (was >= threshold && is < threshold) {
      findings.push({
        rule: 'class-regression',
        severity,
        message: `Class "${name}" drops from ${was} to ${is} ${options.split} ${options.unit}, below the recommended ${threshold} it met on ${baseRef}. It needs ${threshold - is} more for a good model.`,
        file: null,
        line: null,
        split: options.split,
        class: name,
        fingerprint: `class-regression|recommended-per-class|${options.split}|${name}`
      })
    }
  }
  return findings
}

function distanceRegressions(
  base: DatasetSnapshot,
  head: DatasetSnapshot,
  settings: RuleSettings,
  severity: Severity,
  baseRef: string
): Finding[] {
  const distribution = settings['split-distribution']
  if (distribution.severity === 'off') return []
  const threshold = distribution.options['max-js-distance']
  const findings: Finding[] = []
  for (const now of head.report.metrics.splitDistance) {
    const before = base.report.metrics.splitDistance.find(d => d.a === now.a && d.b === now.b)
    if (before === undefined || !(now.jsDistance > before.jsDistance)) continue
    if (!pastDistanceThreshold(now, threshold)) continue
    findings.push({
      rule: 'class-regression',
      severity,
      message: `The ${now.b} label distribution moves further from ${now.a}: Jensen-Shannon distance ${fixed(before.jsDistance)} on ${baseRef}, ${fixed(now.jsDistance)} now, past the threshold ${fixed(threshold)} and the sampling-noise floor ${fixed(now.noiseFloor)}. Rebalance the changed split, e.g. by a stratified split.`,
      file: null,
      line: null,
      split: now.b,
      class: null,
      fingerprint: `class-regression|split-distribution|${now.a}|${now.b}`
    })
  }
  return findings
}

/** The same gate as the `split-distribution` rule: past the threshold and past sampling noise. */
function pastDistanceThreshold(distance: SplitDistance, threshold: number): boolean {
  const floor = Number.isFinite(distance.noiseFloor) ? distance.noiseFloor : 0
  return distance.jsDistance > threshold && distance.jsDistance > floor
}

function imbalanceRegressions(
  base: DatasetSnapshot,
  head: DatasetSnapshot,
  settings: RuleSettings,
  severity: Severity,
  baseRef: string
): Finding[] {
  const imbalance = settings['class-imbalance']
  if (imbalance.severity === 'off') return []
  const before = base.report.metrics.imbalanceRatio
  const now = head.report.metrics.imbalanceRatio
  if (before === null || now === null || !(now > before)) return []
  const { warning, error } = imbalance.options
  const limit = now > error ? error : warning
  if (!(now > limit)) return []
  return [
    {
      rule: 'class-regression',
      severity,
      message: `The class imbalance grows from ${ratio(before)} on ${baseRef} to ${ratio(now)}, past the ${now > error ? 'error' : 'warning'} ratio of ${ratio(limit)} (most to least frequent class, ${imbalance.options.unit}). Add examples to the smallest classes rather than to the largest.`,
      file: null,
      line: null,
      split: null,
      class: null,
      fingerprint: 'class-regression|class-imbalance'
    }
  ]
}

// ---------------------------------------------------------------------------------------------
// fail-on: new
// ---------------------------------------------------------------------------------------------

/** Which way a rule's `measure` gets worse, and how to name and show it in the note. */
interface MeasureKind {
  worse: 'higher' | 'lower'
  name: string
  show: (value: number) => string
}

const count = (value: number) => String(value)
const points = (value: number) => `${(value * 100).toFixed(1)} percentage points`

/**
 * The dataset-level rules whose findings carry a `measure` (set by judge/dataset-rules.ts), and
 * which direction is worse. A rule not listed here is matched by identity alone: its findings
 * either measure nothing (`split-missing-class`, `multi-label`: advice, not a degree of badness)
 * or are one finding per row, file or video, where a new problem already has a new fingerprint.
 *
 * - `min-classes`, `min-per-class`, `recommended-per-class`, `few-videos`: a count below a
 *   minimum (classes, a class's examples, videos); fewer is worse.
 * - `max-classes`: a count above a maximum; more is worse.
 * - `class-imbalance`: most / least frequent class; higher is worse.
 * - `split-distribution`: the Jensen-Shannon distance of a split from TRAIN; higher is worse.
 * - `split-ratio`: how far the TEST share is outside the accepted range (a fraction, 0 inside);
 *   further is worse, on either side of the range.
 * - `video-leakage`, `group-leakage`: the number of splits one video or group is in; more is worse.
 * - `metadata-confounder`: Cramér's V of the attribute with the label; higher is worse.
 */
export const MEASURES: Partial<Record<RuleId, MeasureKind>> = {
  'min-classes': { worse: 'lower', name: 'classes', show: count },
  'max-classes': { worse: 'higher', name: 'classes', show: count },
  'min-per-class': { worse: 'lower', name: 'examples', show: count },
  'recommended-per-class': { worse: 'lower', name: 'examples', show: count },
  'few-videos': { worse: 'lower', name: 'videos', show: count },
  'class-imbalance': { worse: 'higher', name: 'imbalance ratio', show: ratio },
  'split-distribution': { worse: 'higher', name: 'Jensen-Shannon distance', show: fixed },
  'split-ratio': { worse: 'higher', name: 'distance from the accepted TEST share', show: points },
  'video-leakage': { worse: 'higher', name: 'splits', show: count },
  'group-leakage': { worse: 'higher', name: 'splits', show: count },
  'metadata-confounder': { worse: 'higher', name: "Cramér's V", show: v => v.toFixed(2) }
}

/**
 * Differences smaller than this (relative) are rounding, not a change: both sides are computed by
 * the same code, but a ratio or distance of equal counts may still differ in the last bits.
 */
const SAME_WITHIN = 1e-9

/**
 * Sets `onBase` on every head finding: true when the base has the same finding and the change did
 * not make it worse. Findings are matched by `identityOf` (findings.ts, the identity the cap also
 * remembers left-out findings by): the fingerprint, else rule, file, split, class and the message
 * with its numbers blanked (counts and line numbers shift between revisions). A matched finding whose rule is in MEASURES and whose `measure` is worse on
 * the head than on the base is new (a class the change takes from 40 to 3 examples is a regression
 * even though it was already below the minimum), and its message says by how much.
 * Returns `head` (mutated) for chaining.
 */
export function markNewFindings(
  head: Finding[],
  base: readonly Finding[],
  baseRef = 'the base'
): Finding[] {
  const onBase = new Map<string, Finding>()
  for (const finding of base) {
    const identity = identityOf(finding)
    if (!onBase.has(identity)) onBase.set(identity, finding)
  }
  for (const finding of head) {
    const before = onBase.get(identityOf(finding))
    const worse = before === undefined ? null : worsening(before, finding, baseRef)
    finding.onBase = before !== undefined && worse === null
    if (worse !== null) finding.message = `${finding.message} ${worse}`
  }
  return head
}

/**
 * A note saying how `now` is worse than `before` by its rule's measure, or null when it is not
 * worse or either side has no measure.
 */
function worsening(before: Finding, now: Finding, baseRef: string): string | null {
  const kind = MEASURES[now.rule]
  const was = before.measure
  const is = now.measure
  if (kind === undefined || was === undefined || is === undefined) return null
  if (!Number.isFinite(was) || !Number.isFinite(is)) return null
  const change = kind.worse === 'higher' ? is - was : was - is
  if (!(change > SAME_WITHIN * Math.max(1, Math.abs(was), Math.abs(is)))) return null
  // The ref is user input: like every finding message, the note shows invisible characters.
  return `Worse than on ${showInvisible(baseRef)}: ${kind.name} from ${kind.show(was)} to ${kind.show(is)}.`
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function splitsOf(mask: number): Split[] {
  return SPLITS.filter((_, i) => (mask & (1 << i)) !== 0)
}

function splitList(splits: Split[]): string {
  return splits.length === 0 ? '(no split)' : splits.join(' + ')
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i])
}

/** Code-point order: deterministic on every runner, unlike locale-aware comparison. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function fixed(value: number): string {
  return value.toFixed(3)
}

function ratio(value: number): string {
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}x`
}
