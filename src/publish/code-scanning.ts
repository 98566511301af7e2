/**
 * GitHub code scanning: the SARIF written to the `sarif-file` path, and uploaded through
 * `POST /repos/{owner}/{repo}/code-scanning/sarifs` when `code-scanning: upload`.
 *
 * The file goes through the report file's safe writer (inside the workspace or RUNNER_TEMP, never
 * through a symbolic link; a refused path falls back to RUNNER_TEMP with a warning). The upload
 * pairs the commit and the ref the way GitHub's own uploader does: the commit checked out, with
 * `refs/pull/N/merge` (the test merge commit) or `refs/pull/N/head` (the head itself) on a pull
 * request, and GITHUB_SHA with GITHUB_REF otherwise. A token that may not upload (no
 * `security-events: write`, a fork's read-only token, code scanning not enabled) answers 403: that
 * is a notice naming the permission, never retried, and the verdict does not change.
 */
import type { operations } from '@octokit/openapi-types'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { CheckedOut } from './checkout.js'
import type { RunContext } from './event.js'
import { classifyFailure } from './retry.js'
import { shortMessage, statusOf, type GitHubApi } from './api.js'
import { writeOutputFile } from './report-file.js'

export const UPLOAD_SARIF_ROUTE = 'POST /repos/{owner}/{repo}/code-scanning/sarifs'

/** The request body, as GitHub's OpenAPI description types it. */
export type UploadSarifBody =
  operations['code-scanning/upload-sarif']['requestBody']['content']['application/json']

export const CODE_SCANNING_PERMISSION = 'security-events: write'

// ---------------------------------------------------------------------------------------------
// The SARIF file

export interface SarifFileRequest {
  /** The `sarif-file` input, relative to the workspace. */
  input: string
  workspace: string
  /** RUNNER_TEMP, or the OS temp folder outside a runner. */
  tempDir: string
  commentKey: string
}

export interface SarifFileOutcome {
  /** Where the SARIF was written; null when even the fallback failed. */
  path: string | null
  warnings: string[]
}

/** `<temp>/dataset-gate[-<comment-key>].sarif`: two gates in one job keep their own file. */
export function defaultSarifPath(tempDir: string, commentKey: string): string {
  return join(
    tempDir,
    commentKey === 'dataset-gate' ? 'dataset-gate.sarif' : `dataset-gate-${commentKey}.sarif`
  )
}

/** Never throws: a refused or failed path is a warning, and the SARIF goes to RUNNER_TEMP. */
export function writeSarifFile(
  content: string,
  request: SarifFileRequest
): Promise<SarifFileOutcome> {
  return writeOutputFile(content, request, {
    input: 'sarif-file',
    what: 'the SARIF',
    fallback: defaultSarifPath(request.tempDir, request.commentKey)
  })
}

// ---------------------------------------------------------------------------------------------
// The upload

export interface UploadTarget {
  owner: string
  repo: string
  commitSha: string
  ref: string
}

/**
 * The commit and ref an upload is filed under, or why there is none. On a pull request the commit
 * is what the workspace holds (checkout.ts verified it): the merge commit goes with
 * `refs/pull/N/merge`, the head with `refs/pull/N/head`, so the alerts show on the pull request
 * and never on the base branch (which GITHUB_REF names under `pull_request_target`).
 */
export function uploadTarget(
  context: RunContext,
  checkedOut: CheckedOut | null,
  env: NodeJS.ProcessEnv = process.env
): UploadTarget | { problem: string } {
  const { owner, repo } = context
  if (!owner || !repo) return { problem: 'GITHUB_REPOSITORY is not set' }
  const pr = context.pullRequest
  if (pr && checkedOut) {
    return checkedOut.kind === 'merge'
      ? { owner, repo, commitSha: checkedOut.sha, ref: `refs/pull/${pr.number}/merge` }
      : { owner, repo, commitSha: pr.headSha, ref: `refs/pull/${pr.number}/head` }
  }
  const ref = env.GITHUB_REF ?? ''
  const sha = context.sha
  if (!/^refs\/(heads|tags|pull)\/./.test(ref))
    return {
      problem: `GITHUB_REF ${ref ? JSON.stringify(ref) : 'is not set'}${ref ? ' is not a branch, tag or pull request ref' : ''}`
    }
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(sha))
    return { problem: `GITHUB_SHA ${sha ? JSON.stringify(sha) : 'is not set'}` }
  return { owner, repo, commitSha: sha.toLowerCase(), ref }
}

export type UploadOutcome =
  | { kind: 'uploaded'; id: string }
  /** The token may not upload: a notice, not a warning (a fork's pull request is expected to). */
  | { kind: 'forbidden'; message: string }
  | { kind: 'failed'; message: string }

export interface UploadOptions {
  /** The workspace, sent as `checkout_uri` so GitHub can relate absolute paths to it. */
  workspace?: string
  startedAt?: Date
  /** Tries in all when GitHub answers 5xx or the connection drops; default 3. */
  attempts?: number
  sleep?: (ms: number) => Promise<void>
}

/**
 * Sends the gzipped SARIF. Repeating an upload is safe (a later analysis of the same commit, ref
 * and category replaces the earlier one), so server errors are tried again here, which the generic
 * retry does not do for a POST.
 */
export async function uploadSarif(
  api: GitHubApi,
  target: UploadTarget,
  gzipped: Buffer,
  options: UploadOptions = {}
): Promise<UploadOutcome> {
  const body: UploadSarifBody = {
    commit_sha: target.commitSha,
    ref: target.ref,
    sarif: gzipped.toString('base64'),
    tool_name: 'dataset-gate',
    ...(options.workspace
      ? { checkout_uri: pathToFileURL(options.workspace).href.replace(/\/?$/, '/') }
      : {}),
    ...(options.startedAt
      ? { started_at: options.startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z') }
      : {})
  }
  const attempts = options.attempts ?? 3
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await api.request(UPLOAD_SARIF_ROUTE, {
        owner: target.owner,
        repo: target.repo,
        ...body
      })
      const id = (response.data as { id?: unknown } | null)?.id
      return { kind: 'uploaded', id: typeof id === 'string' ? id : '' }
    } catch (error) {
      if (classifyFailure(error) === 'server' && attempt < attempts) {
        await sleep(2000 * 2 ** (attempt - 1))
        continue
      }
      return describeUploadFailure(error)
    }
  }
}

export function describeUploadFailure(error: unknown): UploadOutcome {
  const status = statusOf(error)
  const detail = `${status !== null ? `HTTP ${status}: ` : ''}${shortMessage(error)}`
  if ((status === 403 || status === 401) && classifyFailure(error) !== 'rate-limit') {
    return {
      kind: 'forbidden',
      message:
        `The SARIF was not uploaded to code scanning (${detail}). The workflow must grant the token ` +
        `\`${CODE_SCANNING_PERMISSION}\` (under \`permissions:\`), and code scanning must be enabled for ` +
        `the repository; pull requests from forks get a read-only token. The verdict does not depend on it.`
    }
  }
  if (status === 413)
    return {
      kind: 'failed',
      message: `The SARIF was not uploaded to code scanning (${detail}): GitHub found it too large.`
    }
  return {
    kind: 'failed',
    message: `The SARIF was not uploaded to code scanning (${detail}). The verdict does not depend on it.`
  }
}
