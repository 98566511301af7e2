/**
 * The narrow view of the GitHub REST API the action uses, `request(route, params)`, and how to
 * read a failed request. Every call module takes a `GitHubApi`, so unit tests hand in a plain
 * object; github-api.ts makes the real one (octokit with retries and timeouts).
 */

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
