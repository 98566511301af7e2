/**
 * `class-regression`: a class that met the `min-per-class` / `recommended-per-class` threshold on
 * the base and no longer does, or a split distance / imbalance ratio that got worse and is now past
 * its threshold. A check is skipped when the rule it regresses is off.
 */
import {
  SPLITS,
  compareText,
  type DatasetSnapshot,
  type Finding,
  type Severity,
  type Split,
  type SplitDistance
} from '../model.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { fixed, ratio } from './change-text.js'

// ---------------------------------------------------------------------------------------------
// class-regression
// ---------------------------------------------------------------------------------------------

export function findClassRegressions(
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

/** Classes that met their threshold on the base and are below it now. */
function crossedBelow(
  head: DatasetSnapshot,
  before: Map<string, number>,
  now: Map<string, number>,
  thresholdOf: (name: string) => number
): { name: string; was: number; is: number; threshold: number }[] {
  const crossed = []
  for (const name of headClasses(head)) {
    const threshold = thresholdOf(name)
    const was = before.get(name) ?? 0
    const is = now.get(name) ?? 0
    if (was >= threshold && is < threshold) crossed.push({ name, was, is, threshold })
  }
  return crossed
}

/** A `class-regression` finding: dataset-level, with the split and class it is about. */
function regression(
  severity: Severity,
  message: string,
  fingerprint: string,
  where: { split?: Split; class?: string } = {}
): Finding {
  return {
    rule: 'class-regression',
    severity,
    message,
    file: null,
    line: null,
    split: where.split ?? null,
    class: where.class ?? null,
    fingerprint
  }
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
  const crossed = crossedBelow(
    head,
    countPerClass(base, unit),
    countPerClass(head, unit),
    name => classes[name] ?? min
  )
  return crossed.map(({ name, was, is, threshold }) =>
    regression(
      severity,
      `Class "${name}" drops from ${was} to ${is} ${unit} (all splits), below the minimum of ${threshold} it met on ${baseRef}. Restore the removed examples or add new ones.`,
      `class-regression|min-per-class|${name}`,
      { class: name }
    )
  )
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
  const crossed = crossedBelow(
    head,
    countInSplit(base, options.split, options.unit),
    countInSplit(head, options.split, options.unit),
    name => options.classes[name] ?? defaultBar
  )
  return crossed.map(({ name, was, is, threshold }) =>
    regression(
      severity,
      `Class "${name}" drops from ${was} to ${is} ${options.split} ${options.unit}, below the recommended ${threshold} it met on ${baseRef}. It needs ${threshold - is} more for a good model.`,
      `class-regression|recommended-per-class|${options.split}|${name}`,
      { split: options.split, class: name }
    )
  )
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
    findings.push(
      regression(
        severity,
        `The ${now.b} label distribution moves further from ${now.a}: Jensen-Shannon distance ${fixed(before.jsDistance)} on ${baseRef}, ${fixed(now.jsDistance)} now, past the threshold ${fixed(threshold)} and the sampling-noise floor ${fixed(now.noiseFloor)}. Rebalance the changed split, e.g. by a stratified split.`,
        `class-regression|split-distribution|${now.a}|${now.b}`,
        { split: now.b }
      )
    )
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
    regression(
      severity,
      `The class imbalance grows from ${ratio(before)} on ${baseRef} to ${ratio(now)}, past the ${now > error ? 'error' : 'warning'} ratio of ${ratio(limit)} (most to least frequent class, ${imbalance.options.unit}). Add examples to the smallest classes rather than to the largest.`,
      'class-regression|class-imbalance'
    )
  ]
}
