/**
 * The step's outputs and the JSON report file, which carries every finding (the comment and the
 * annotations are summaries of it).
 */
import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import type { GateReport } from '../model.js'

/**
 * Where the report goes: the `report-file` input (relative to the workspace), else
 * `<RUNNER_TEMP or the OS temp dir>/dataset-gate-report[-<comment-key>].json`, so two gates in one job
 * do not overwrite each other's report.
 */
export function reportFilePath(
  input: string | undefined,
  workspace: string,
  tempDir: string | undefined,
  commentKey: string
): string {
  if (input !== undefined) return isAbsolute(input) ? input : resolve(workspace, input)
  const name =
    commentKey === 'dataset-gate'
      ? 'dataset-gate-report.json'
      : `dataset-gate-report-${commentKey}.json`
  return join(tempDir ?? tmpdir(), name)
}

export async function writeReportFile(report: GateReport, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, JSON.stringify(report, null, 2) + '\n')
}

export function setOutputs(report: GateReport, reportFile: string): void {
  core.setOutput('passed', String(report.passed))
  core.setOutput('errors', String(report.counts.error))
  core.setOutput('warnings', String(report.counts.warning))
  core.setOutput('report-file', reportFile)
  core.setOutput('datasets', String(report.datasets.length))
}
