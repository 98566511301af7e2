/**
 * The GitHub Action: inputs and event in, the gate run, then the report published as outputs, a
 * JSON file, the job summary, annotations and one sticky PR comment.
 *
 * With `sarif-file` or `code-scanning: upload`, the findings also go out as SARIF: to a file, and to
 * GitHub code scanning, where they outlive the annotation cap and the run.
 *
 * The step's exit status follows the data alone: it fails when the gate fails, or when the gate
 * cannot run as configured (a bad input, an unparsable configuration, a PR too large to scope, a
 * workspace that does not hold the pull request's commit). Trouble publishing (a read-only token on
 * a fork, a deleted PR, a rate limit, a report path the action refuses) is a warning.
 *
 * Everything the pull request controls is untrusted: its files, its links, its configuration. It
 * is judged by the base's configuration and cannot redirect the report file.
 */
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { ConfigError } from './config/load.js'
import { runGate } from './gate.js'
import type { GateRequest } from './gate/request.js'
import { threadReading } from './gate/part-thread.js'
import type { GateReport } from './model.js'
import { emitAnnotations, planAnnotations } from './publish/annotations.js'
import { uploadSarif, uploadTarget, writeSarifFile } from './publish/code-scanning.js'
import { CheckoutError, verifyCheckout, type CheckedOut } from './publish/checkout.js'
import {
  EventError,
  readRunContext,
  type PullRequestInfo,
  type RunContext
} from './publish/event.js'
import { loadActionConfig } from './publish/gate-config.js'
import { createGitHubApi } from './publish/github-api.js'
import { type GitHubApi, type PullRequestTarget } from './publish/api.js'
import { getInputs, InputError, type ActionInputs } from './publish/inputs.js'
import { setOutputs } from './publish/outputs.js'
import { listPullRequestFiles, TooManyFilesError } from './publish/pull-request-files.js'
import { describeCommentFailure, publishStickyComment } from './publish/sticky-comment.js'
import { writeReportFile } from './publish/report-file.js'
import { writeJobSummary } from './publish/summary.js'
import { postSuggestionReview } from './publish/review-suggestions.js'
import { suggestRepairs, type RepairSuggestions } from './repair/suggest.js'
import { ensureCommitAvailable, GitRevisionSource } from './read/git-source.js'
import { WorkingTreeSource } from './read/source.js'
import { renderMarkdown } from './report/markdown.js'
import { renderSarif, type SarifDocument } from './report/sarif.js'
import type { GateConfig } from './config/schema.js'
import { closeStorage, openStorage, type StorageRun } from './storage/run.js'
import { formatCount } from './display.js'

/** Errors that mean "the gate cannot run as configured": their message is the whole story. */
const EXPECTED_ERRORS = [InputError, ConfigError, EventError, TooManyFilesError, CheckoutError]

export async function run(): Promise<void> {
  try {
    const inputs = getInputs()
    const context = readRunContext()
    const notes: string[] = []
    const startedAt = new Date()
    // Before anything is judged or published: the workspace must hold the commit reported on.
    let checkedOut: CheckedOut | null = null
    if (context.pullRequest) {
      checkedOut = await verifyCheckout(context, context.pullRequest)
      notes.push(...checkoutNotes(checkedOut, context.pullRequest))
    }
    const api = context.pullRequest ? apiFor(inputs, notes) : null
    const { report, suggestions } = await gate(inputs, context, api, notes)
    await publish(report, inputs, context, api, { checkedOut, startedAt, suggestions })
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
): Promise<{ report: GateReport; suggestions: RepairSuggestions | null }> {
  const pr = context.pullRequest
  const head = new WorkingTreeSource(context.workspace)

  let changedFiles: Set<string> | undefined
  if (pr && inputs.changedOnly && api) {
    changedFiles = await changedFilesOf(api, targetOf(context, pr), pr, notes)
  }

  // On a pull request the base is read even without `compare-base`: its configuration judges.
  const base = pr ? await baseSource(context, pr, inputs.compareBase, notes) : null
  const loaded = await loadActionConfig({
    path: inputs.config,
    head,
    base,
    pullRequest: pr !== null
  })

  if (inputs.paths.length === 0) logDefaultDiscovery()
  const request: GateRequest = {
    source: head,
    config: loaded.config,
    paths: inputs.paths,
    failOn: inputs.failOn,
    parallel: threadReading(process.env)
  }
  if (changedFiles) request.changedFiles = changedFiles
  if (base && pr && inputs.compareBase) request.base = { ref: baseRefLabel(pr), source: base }
  const failOn = inputs.failOn ?? loaded.config.failOn
  if (failOn === 'new' && !request.base) notes.push(failOnNewWithoutBase(context, inputs))
  const storage = await storageFor(inputs, loaded.config, base, request.paths)
  request.storage = storage
  const report = await runGate(request)
  if (storage) {
    await closeStorage(storage)
    for (const note of storage.notes) core.notice(note)
    notes.push(...storage.notes)
  }
  if (loaded.fromBase) report.configFromBase = true
  report.notes.push(...notes, ...loaded.notes)
  return { report, suggestions: pr ? await suggestionsFor(request, report) : null }
}

/** What `fix` and `resplit` would change (repair/): never fails the run, never changes the verdict. */
async function suggestionsFor(
  request: GateRequest,
  report: GateReport
): Promise<RepairSuggestions | null> {
  try {
    return await suggestRepairs(request.source, request.config, report, request.paths)
  } catch (error) {
    core.warning(`Could not work out the suggested fixes: ${(error as Error).message}`)
    return null
  }
}

/**
 * Cloud Storage verification as the configuration and the `verify-uris` / `probe-durations` inputs
 * ask (the inputs win); on a pull request `changed` skips the videos the base already lists.
 */
function storageFor(
  inputs: ActionInputs,
  config: GateConfig,
  base: GitRevisionSource | null,
  paths: string[]
): Promise<StorageRun | null> {
  const settings = { ...config.storage }
  if (inputs.verifyUris) settings.verify = inputs.verifyUris
  if (inputs.probeDurations !== undefined)
    settings.durations = inputs.probeDurations ? 'probe' : 'off'
  if (settings.durations === 'probe' && settings.verify === 'off') settings.verify = 'changed'
  return openStorage(settings, { base: base ? { source: base, paths } : null })
}

/**
 * No `paths`: the engine's own discovery (`paths: []`, DEFAULT_MANIFEST_GLOBS in
 * read/dataset-plan.ts), so the action and the CLI gate the same files.
 */
function logDefaultDiscovery(): void {
  core.info(
    'Input `paths` is empty: gating the configured datasets, or without any, every CSV and JSON Lines manifest.'
  )
}

/** What the comment should say about the commit judged, when it is not the head itself. */
function checkoutNotes(checkedOut: CheckedOut, pr: PullRequestInfo): string[] {
  if (checkedOut.kind === 'head') return []
  const into = pr.baseRef ? ` into ${pr.baseRef}` : ''
  return [
    `Checked the merge commit ${checkedOut.sha.slice(0, 7)} (this pull request's head ${pr.headSha.slice(0, 7)} merged${into}), which \`actions/checkout\` checks out for pull_request events.`
  ]
}

/**
 * `fail-on: new` fails only findings absent on the base; without a base every finding is new, so
 * every error fails the gate. Said as a warning and in the comment, so the stricter verdict is not
 * a surprise.
 */
function failOnNewWithoutBase(context: RunContext, inputs: ActionInputs): string {
  const message = `\`fail-on: new\` needs the base to tell new findings from old ones, but ${whyNoBase(context, inputs)}; every error fails the gate, as with \`fail-on: error\`.`
  core.warning(message)
  return message
}

function whyNoBase(context: RunContext, inputs: ActionInputs): string {
  if (!context.pullRequest) return `this ${context.eventName || 'run'} event is not a pull request`
  if (!inputs.compareBase) return '`compare-base` is false'
  return 'the base commit could not be read'
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
  compareBase: boolean,
  notes: string[]
): Promise<GitRevisionSource | null> {
  const availability = await ensureCommitAvailable(context.workspace, pr.baseSha)
  if (availability.available) {
    if (availability.fetched) core.info(`Fetched the base commit ${pr.baseSha.slice(0, 7)}.`)
    return new GitRevisionSource(context.workspace, pr.baseSha)
  }
  const consequence = compareBase
    ? ', so there is no comparison with the base: no deltas, change rules or `fail-on: new` distinction.'
    : '.'
  const message = `The base commit ${pr.baseSha.slice(0, 7)} could not be read (${availability.reason})${consequence}`
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
  api: GitHubApi | null,
  run: {
    checkedOut: CheckedOut | null
    startedAt: Date
    suggestions: RepairSuggestions | null
  }
): Promise<void> {
  const pr = context.pullRequest
  // Before the JSON report and the comment, so they can say what GitHub's limits left out of it.
  const sarif = sarifOf(report, inputs, context)
  // Never throws: a refused or failed path is a warning, and the verdict is still published.
  const written = await writeReportFile(JSON.stringify(report, null, 2) + '\n', {
    input: inputs.reportFile,
    workspace: context.workspace,
    tempDir: context.tempDir ?? tmpdir(),
    commentKey: inputs.commentKey
  })
  for (const warning of written.warnings) core.warning(warning)
  const sarifPath = sarif ? await sarifFile(sarif, inputs, context) : ''
  setOutputs(report, written.path ?? '', sarifPath)
  if (written.path !== null) core.info(`JSON report: ${written.path}`)

  const markdown = {
    commentKey: inputs.commentKey,
    headSha: pr?.headSha,
    runUrl: context.runUrl,
    suggestedFixes: run.suggestions?.datasets
  }
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

  if (pr && api && inputs.suggestions && run.suggestions)
    await review(api, inputs, targetOf(context, pr), pr.headSha, run.suggestions)

  if (sarif && inputs.codeScanning === 'upload') {
    await uploadToCodeScanning(sarif, inputs, context, api, run)
  }

  if (inputs.annotations) emitAnnotations(planAnnotations(report))
}

/**
 * The SARIF, when a file or an upload asks for it. Findings past GitHub's limits (25,000 results,
 * 10 MB gzipped) are left out, least severe first; a note in the report says how many.
 */
function sarifOf(
  report: GateReport,
  inputs: ActionInputs,
  context: RunContext
): SarifDocument | null {
  if (inputs.sarifFile === undefined && inputs.codeScanning !== 'upload') return null
  const sarif = renderSarif(report, {
    category: inputs.commentKey,
    ...(context.actionHome ? { home: context.actionHome } : {})
  })
  if (sarif.omitted > 0) {
    const n = formatCount(sarif.omitted)
    const note = `${n} finding${sarif.omitted === 1 ? ' was' : 's were'} left out of the SARIF for code scanning, which accepts ${formatCount(sarif.results)} of them within GitHub's limits (25,000 results and 10 MB gzipped per upload); the least severe went first. The JSON report lists every finding.`
    core.warning(note)
    report.notes.push(note)
  }
  return sarif
}

/** Writes the `sarif-file` input's path; returns the path written, or '' (warned). */
async function sarifFile(
  sarif: SarifDocument,
  inputs: ActionInputs,
  context: RunContext
): Promise<string> {
  if (inputs.sarifFile === undefined) return ''
  const written = await writeSarifFile(sarif.text, {
    input: inputs.sarifFile,
    workspace: context.workspace,
    tempDir: context.tempDir ?? tmpdir(),
    commentKey: inputs.commentKey
  })
  for (const warning of written.warnings) core.warning(warning)
  if (written.path !== null) core.info(`SARIF: ${written.path}`)
  return written.path ?? ''
}

/** Never throws and never changes the verdict: a refusal is a notice, a failure a warning. */
async function uploadToCodeScanning(
  sarif: SarifDocument,
  inputs: ActionInputs,
  context: RunContext,
  prApi: GitHubApi | null,
  run: { checkedOut: CheckedOut | null; startedAt: Date }
): Promise<void> {
  const api = prApi ?? (inputs.githubToken ? createGitHubApi(inputs.githubToken) : null)
  if (!api) {
    core.notice(
      'The SARIF was not uploaded to code scanning: input `github-token` is empty (secrets are not passed to pull requests from forks).'
    )
    return
  }
  const target = uploadTarget(context, run.checkedOut)
  if ('problem' in target) {
    core.warning(`The SARIF was not uploaded to code scanning: ${target.problem}.`)
    return
  }
  const outcome = await uploadSarif(api, target, sarif.gzipped, {
    workspace: context.workspace,
    startedAt: run.startedAt
  })
  if (outcome.kind === 'uploaded')
    core.info(
      `Uploaded ${sarif.results} result(s) to code scanning for ${target.ref} at ${target.commitSha.slice(0, 7)} (category ${inputs.commentKey}${outcome.id ? `; upload id ${outcome.id}` : ''}).`
    )
  else if (outcome.kind === 'forbidden') core.notice(outcome.message)
  else core.warning(outcome.message)
}

/** The row repairs on changed lines as one review of `suggestion` blocks; a refusal is a notice. */
async function review(
  api: GitHubApi,
  inputs: ActionInputs,
  target: PullRequestTarget,
  headSha: string,
  suggestions: RepairSuggestions
): Promise<void> {
  const key = inputs.commentKey
  const outcome = await postSuggestionReview(api, target, {
    headSha,
    key,
    lines: suggestions.lines
  })
  if (outcome.kind === 'posted')
    core.info(`Suggested ${outcome.comments} row repair(s) in review ${outcome.id ?? ''}.`)
  else if (outcome.kind === 'nothing') core.info(`No suggestion review: ${outcome.reason}.`)
  else if (outcome.kind === 'forbidden') core.notice(outcome.message)
  else core.warning(outcome.message)
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
