/**
 * Findings as workflow annotations on the offending CSV lines. GitHub shows at most 10 errors, 10
 * warnings and 10 notices per step, so the most useful ones go first:
 *
 * 1. by severity, and within one severity findings new in this pull request before ones already on
 *    the base;
 * 2. then round-robin over rules (in the report's order), so 500 rows of one broken column cannot
 *    hide the one leaked test video.
 *
 * One slot of each kind is left for the action itself (`setFailed` is an error annotation, a
 * permission problem a warning); the notice slot carries "N more findings" when some were left out.
 */
import * as core from '@actions/core'
import type { AnnotationProperties } from '@actions/core'
import { SEVERITIES, type Finding, type GateReport, type Severity } from '../model.js'

/** What GitHub displays per step and kind. */
export const ANNOTATIONS_PER_KIND = 10

export interface Annotation {
  severity: Severity
  message: string
  properties: AnnotationProperties
}

export interface AnnotationPlan {
  annotations: Annotation[]
  /** Findings not annotated; the closing notice (in `annotations`) names them. */
  omitted: number
}

export function planAnnotations(
  report: GateReport,
  perKind = ANNOTATIONS_PER_KIND - 1
): AnnotationPlan {
  const named = report.datasets.length > 1
  const all = report.datasets.flatMap(d =>
    d.findings.map(finding => ({ finding, dataset: d.name }))
  )
  const annotations: Annotation[] = []
  let omitted = 0
  for (const severity of SEVERITIES) {
    const ofSeverity = all.filter(e => e.finding.severity === severity)
    const ordered = [
      ...roundRobinByRule(ofSeverity.filter(e => e.finding.onBase !== true)),
      ...roundRobinByRule(ofSeverity.filter(e => e.finding.onBase === true))
    ]
    const kept = ordered.slice(0, perKind)
    omitted += ordered.length - kept.length
    for (const { finding, dataset } of kept) {
      annotations.push(toAnnotation(finding, named ? dataset : null))
    }
  }
  // The report lists at most `max-findings-per-rule` findings per rule; its counts have them all.
  const total = report.counts.error + report.counts.warning + report.counts.notice
  omitted = Math.max(omitted, total - annotations.length)
  if (omitted > 0) {
    annotations.push({
      severity: 'notice',
      message: `${omitted} more finding${omitted === 1 ? ' is' : 's are'} not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} per kind and step); the job summary and the JSON report list every finding.`,
      properties: { title: 'dataset-gate' }
    })
  }
  return { annotations, omitted }
}

function roundRobinByRule<T extends { finding: Finding }>(entries: T[]): T[] {
  const byRule = new Map<string, T[]>()
  for (const entry of entries) {
    const queue = byRule.get(entry.finding.rule)
    if (queue) queue.push(entry)
    else byRule.set(entry.finding.rule, [entry])
  }
  const queues = [...byRule.values()]
  const ordered: T[] = []
  for (let round = 0; ordered.length < entries.length; round++) {
    for (const queue of queues) if (round < queue.length) ordered.push(queue[round]!)
  }
  return ordered
}

function toAnnotation(finding: Finding, dataset: string | null): Annotation {
  const properties: AnnotationProperties = {
    title: `dataset-gate: ${finding.rule}${finding.onBase === true ? ' (also on base)' : ''}`
  }
  if (finding.file !== null) properties.file = finding.file
  if (finding.file !== null && finding.line !== null) properties.startLine = finding.line
  return {
    severity: finding.severity,
    message: dataset === null ? finding.message : `[${dataset}] ${finding.message}`,
    properties
  }
}

export function emitAnnotations(
  plan: AnnotationPlan,
  sink: Pick<typeof core, Severity> = core
): void {
  for (const annotation of plan.annotations)
    sink[annotation.severity](annotation.message, annotation.properties)
}
