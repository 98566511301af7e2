/**
 * The step's outputs. The JSON report file they name (report-file.ts) carries every finding; the
 * comment and the annotations are summaries of it.
 */
import * as core from '@actions/core'
import type { GateReport } from '../model.js'

/**
 * @param reportFile where the JSON report went; empty when it could not be written at all
 * @param sarifFile where the SARIF went; empty when none was asked for or it could not be written
 */
export function setOutputs(report: GateReport, reportFile: string, sarifFile = ''): void {
  core.setOutput('passed', String(report.passed))
  core.setOutput('errors', String(report.counts.error))
  core.setOutput('warnings', String(report.counts.warning))
  core.setOutput('report-file', reportFile)
  core.setOutput('datasets', String(report.datasets.length))
  core.setOutput('sarif-file', sarifFile)
}
