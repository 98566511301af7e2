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
 *   past its threshold (judge/class-regression.ts).
 *
 * judge/new-findings.ts then tells old findings from new ones for `fail-on: new`.
 */
import {
  SPLITS,
  compareText,
  type ClassDelta,
  type DatasetDelta,
  type DatasetSnapshot,
  type Finding,
  type SeveritySetting
} from '../model.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { findClassRegressions } from './class-regression.js'
import { sameLabels, splitList, splitsOf } from './change-text.js'

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
