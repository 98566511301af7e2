/**
 * The GitHub Action: inputs and event in, the gate run, then the report published as outputs, a
 * JSON file, the job summary, annotations and one sticky PR comment.
 *
 * The step's exit status follows the data alone: it fails when the gate fails, or when the gate
 * cannot run as configured (a bad input, an unparsable configuration, a PR too large to scope).
 * Trouble publishing (a read-only token on a fork, a deleted PR, a rate limit) is a warning.
 */
import * as core from '@actions/core'
import { ConfigError } from './config/load.js'
import { runGate, type GateRequest } from './gate.js'
import type { GateReport } from './model.js'
import { emitAnnotations, planAnnotations } from './publish/annotations.js'
import {
  EventError,
  readRunContext,
  type PullRequestInfo,
  type RunContext
} from './publish/event.js'
import { loadActionConfig } from './publish/gate-config.js'
import { createGitHubApi, type GitHubApi, type PullRequestTarget } from './publish/github-api.js'
import { getInputs, InputError, type ActionInputs } from './publish/inputs.js'
import { reportFilePath, setOutputs, writeReportFile } from './publish/outputs.js'
import { listPullRequestFiles, TooManyFilesError } from './publish/pull-request-files.js'
import { describeCommentFailure, publishStickyComment } from './publish/sticky-comment.js'
import { writeJobSummary } from './publish/summary.js'
import { ensureCommitAvailable, GitRevisionSource } from './read/git-source.js'
import { WorkingTreeSource } from './read/source.js'
import { renderMarkdown } from './report/markdown.js'

/** Errors that mean "the gate cannot run as configured": their message is the whole story. */
const EXPECTED_ERRORS = [InputError, ConfigError, EventError, TooManyFilesError]

export async function run(): Promise<void> {
  try {
    const inputs = getInputs()
    const context = readRunContext()
    const notes: string[] = []
    const api = context.pullRequest ? apiFor(inputs, notes) : null
    const report = await gate(inputs, context, api, notes)
    await publish(report, inputs, context, api)
    const tally = `${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.notice} notice(s) in ${report.datasets.length} dataset(s); fail-on: ${report.failOn}`
    if (report.passed) core.info(`Dataset gate passed: ${tally}.`)
    else core.setFailed(`Dataset gate failed: ${tally}.`)
  } catch (error) {
    if (
      !EXPECTED_ERRORS.some(type => error instanceof type) &&
      error instanceof Error &&
      error.stack
    ) {
      core.debug(error.stack)
    }
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

/** `notes` (things the comment should mention about this run) end up in `report.notes`. */
async function gate(
  inputs: ActionInputs,
  context: RunContext,
  api: GitHubApi | null,
  notes: string[]
): Promise<GateReport> {
  const pr = context.pullRequest
  const head = new WorkingTreeSource(context.workspace)

  let changedFiles: Set<string> | undefined
  if (pr && inputs.changedOnly && api) {
    changedFiles = await changedFilesOf(api, targetOf(context, pr), pr, notes)
  }

  const configChanged = changedFiles ? changedFiles.has(inputs.config) : null
  const base =
    pr && (inputs.compareBase || configChanged !== false)
      ? await baseSource(context, pr, notes)
      : null
  const loaded = await loadActionConfig({
    path: inputs.config,
    head,
    base,
    changedByPullRequest: configChanged
  })

  const request: GateRequest = {
    source: head,
    config: loaded.config,
    paths: inputs.paths,
    failOn: inputs.failOn
  }
  if (changedFiles) request.changedFiles = changedFiles
  if (base && pr && inputs.compareBase) request.base = { ref: baseRefLabel(pr), source: base }
  const report = await runGate(request)
  if (loaded.fromBase) report.configFromBase = true
  report.notes.push(...notes, ...loaded.notes)
  return report
}

/** The API for a pull request run, or null (with a note) when there is no token to use. */
function apiFor(inputs: ActionInputs, notes: string[]): GitHubApi | null {
  if (inputs.githubToken) return createGitHubApi(inputs.githubToken)
  const message =
    'Input `github-token` is empty (secrets are not passed to pull requests from forks), so every dataset is gated and no comment is written.'
  core.warning(message)
  notes.push(message)
  return null
}

async function changedFilesOf(
  api: GitHubApi,
  target: PullRequestTarget,
  pr: PullRequestInfo,
  notes: string[]
): Promise<Set<string> | undefined> {
  try {
    return await listPullRequestFiles(api, target, pr.changedFiles)
  } catch (error) {
    if (error instanceof TooManyFilesError) throw error
    const message = `${(error as Error).message} Every dataset is gated instead.`
    core.warning(message)
    notes.push(message)
    return undefined
  }
}

async function baseSource(
  context: RunContext,
  pr: PullRequestInfo,
  notes: string[]
): Promise<GitRevisionSource | null> {
  const availability = await ensureCommitAvailable(context.workspace, pr.baseSha)
  if (availability.available) {
    if (availability.fetched) core.info(`Fetched the base commit ${pr.baseSha.slice(0, 7)}.`)
    return new GitRevisionSource(context.workspace, pr.baseSha)
  }
  const message = `The base commit ${pr.baseSha.slice(0, 7)} could not be read (${availability.reason}), so there is no comparison with the base: no deltas, change rules or \`fail-on: new\` distinction.`
  core.warning(message)
  notes.push(message)
  return null
}

function baseRefLabel(pr: PullRequestInfo): string {
  const short = pr.baseSha.slice(0, 7)
  return pr.baseRef ? `${pr.baseRef}@${short}` : short
}

function targetOf(context: RunContext, pr: PullRequestInfo): PullRequestTarget {
  return { owner: context.owner, repo: context.repo, number: pr.number }
}

async function publish(
  report: GateReport,
  inputs: ActionInputs,
  context: RunContext,
  api: GitHubApi | null
): Promise<void> {
  const pr = context.pullRequest
  const reportFile = reportFilePath(
    inputs.reportFile,
    context.workspace,
    context.tempDir,
    inputs.commentKey
  )
  await writeReportFile(report, reportFile)
  setOutputs(report, reportFile)
  core.info(`JSON report: ${reportFile}`)

  const markdown = { commentKey: inputs.commentKey, headSha: pr?.headSha, runUrl: context.runUrl }
  try {
    if (!(await writeJobSummary(report, markdown)))
      core.info('No job summary: GITHUB_STEP_SUMMARY is not set.')
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }

  if (pr && api && inputs.comment !== 'never') {
    await comment(api, report, inputs, targetOf(context, pr), pr, markdown)
  } else if (!pr) {
    core.info(
      `No pull request comment: the ${context.eventName || 'current'} event is not a pull request.`
    )
  }

  if (inputs.annotations) emitAnnotations(planAnnotations(report))
}

async function comment(
  api: GitHubApi,
  report: GateReport,
  inputs: ActionInputs,
  target: PullRequestTarget,
  pr: PullRequestInfo,
  markdown: Parameters<typeof renderMarkdown>[1]
): Promise<void> {
  try {
    const outcome = await publishStickyComment(api, {
      target,
      key: inputs.commentKey,
      headSha: pr.headSha,
      body: renderMarkdown(report, markdown),
      mode: inputs.comment === 'on-failure' ? 'on-failure' : 'always',
      passed: report.passed
    })
    if (outcome.action === 'skipped')
      core.info(`Pull request comment not written: ${outcome.reason}.`)
    else core.info(`Pull request comment ${outcome.action}: #${outcome.id}.`)
  } catch (error) {
    core.warning(describeCommentFailure(error))
  }
}
