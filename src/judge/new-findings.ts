/**
 * `fail-on: new`: tells old findings from new ones. The same finding on the base is old, unless
 * its measured value (an imbalance ratio, a class count, ...) got worse in the change.
 */
import { identityOf, type Finding, type RuleId } from '../model.js'
import { showInvisible } from '../display.js'
import { fixed, ratio } from './change-text.js'

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
