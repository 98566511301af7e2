/**
 * The job summary (GITHUB_STEP_SUMMARY): the full report, every detail the comment had to leave
 * out, within the 1 MiB a step's summary may hold (`renderMarkdown` with `full: true` keeps to it).
 */
import * as core from '@actions/core'
import type { GateReport } from '../model.js'
import { renderMarkdown } from '../report/markdown.js'

export interface SummaryOptions {
  commentKey: string
  headSha?: string
  runUrl?: string
}

/** False when the runner offers no job summary (GITHUB_STEP_SUMMARY unset, e.g. a local run). */
export async function writeJobSummary(
  report: GateReport,
  options: SummaryOptions
): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false
  const body = renderMarkdown(report, { ...options, full: true })
  await core.summary.addRaw(body, true).write({ overwrite: false })
  return true
}
