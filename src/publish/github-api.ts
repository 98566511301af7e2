/**
 * The narrow view of the GitHub REST API the action uses: `request(route, params)`. Every call
 * module takes a `GitHubApi`, so unit tests hand in a plain object and the action hands in
 * @actions/github's octokit wrapped with retries and timeouts (`createGitHubApi`).
 */
import { getOctokit } from '@actions/github'
import { classifyFailure, withRetry, type RetryOptions } from './retry.js'
import { shortMessage, statusOf, type ApiResponse, type GitHubApi } from './api.js'

/** The API at GITHUB_API_URL (GitHub Enterprise Server included), authenticated with `token`. */
export function createGitHubApi(token: string, options: RetryOptions = {}): GitHubApi {
  const octokit = getOctokit(token, { log: quietLog })
  const plain: GitHubApi = {
    request: (route, params) => octokit.request(route, params) as Promise<ApiResponse>
  }
  return withRetry(plain, options)
}

/** Octokit's own warnings (deprecations) would go to stdout as plain lines; keep them in debug. */
const quietLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined
}

/**
 * One line a person can act on: what failed, the HTTP status, and for a 403 the permission the
 * workflow must grant (`permissions:` in the workflow file).
 */
export function describeApiError(error: unknown, doing: string, permission: string): string {
  const status = statusOf(error)
  const detail = `${status !== null ? `HTTP ${status}: ` : ''}${shortMessage(error)}`
  // A 403 rate limit is not a missing permission: do not send people to their `permissions:`.
  if (classifyFailure(error) === 'rate-limit') {
    return `Could not ${doing} (${detail}). The token is rate-limited by GitHub; no permission is missing.`
  }
  if (status === 403 || status === 401) {
    return `Could not ${doing} (${detail}). The workflow must grant the token \`${permission}\` (under \`permissions:\`). Pull requests from forks get a read-only token; see the README.`
  }
  return `Could not ${doing} (${detail}).`
}
