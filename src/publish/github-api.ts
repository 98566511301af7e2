/**
 * The narrow view of the GitHub REST API the action uses: `request(route, params)`. Every call
 * module takes a `GitHubApi`, so unit tests hand in a plain object and the action hands in
 * @actions/github's octokit wrapped with retries and timeouts (`createGitHubApi`).
 */
import { getOctokit } from '@actions/github'
import { classifyFailure, withRetry, type RetryOptions } from './retry.js'

export interface ApiResponse<T = unknown> {
  status: number
  headers: Record<string, string | number | undefined>
  data: T
}

export interface GitHubApi {
  request(route: string, params?: Record<string, unknown>): Promise<ApiResponse>
}

/** Where a pull request's comments live: the issues API addresses a PR by its number. */
export interface PullRequestTarget {
  owner: string
  repo: string
  number: number
}

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

/** The HTTP status of a failed request; null for failures that never got a response. */
export function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : null
}

/** Response headers of a failed request (lower-case names), empty when there was no response. */
export function headersOf(error: unknown): Record<string, string | number | undefined> {
  const headers = (error as { response?: { headers?: unknown } } | null)?.response?.headers
  return typeof headers === 'object' && headers !== null ? (headers as Record<string, string>) : {}
}

/** Whether a response was a failed request with this status. */
export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  const status = statusOf(error)
  return status !== null && statuses.includes(status)
}

/** The first line of an error's message, without octokit's documentation link. */
export function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return (text.split('\n')[0] ?? '').replace(/\s+-\s+https:\/\/docs\.github\.com\S*$/, '').trim()
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
