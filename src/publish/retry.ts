/**
 * Retries with backoff and a timeout for every GitHub request, bounded in tries and in time.
 *
 * - Rate limits (429, or 403 with `x-ratelimit-remaining: 0`, `retry-after` or a "rate limit"
 *   message) are retried for every method: GitHub refused the request without acting on it. The
 *   wait is what the server asks for (`retry-after`, else `x-ratelimit-reset`), else the backoff;
 *   a wait longer than `maxDelayMs` is not waited for (a primary limit can last an hour).
 * - 5xx, timeouts and dropped connections are retried only for methods that are safe to repeat
 *   (GET, HEAD, PUT, PATCH, DELETE). A POST may have succeeded before the failure, so repeating
 *   it blindly could create a second comment: the caller decides (see `createStickyComment`).
 * - Anything else (401, 403 for permissions, 404, 422) fails at once.
 */
import * as core from '@actions/core'
import { headersOf, shortMessage, statusOf, type GitHubApi } from './api.js'

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number
  /** Backoff before the first retry; doubles each retry, with +-25% jitter. */
  baseDelayMs?: number
  /** Longest single wait, a server-requested one included. */
  maxDelayMs?: number
  /** All waits of one request together. */
  maxTotalWaitMs?: number
  /** One try's timeout. */
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  random?: () => number
  log?: (message: string) => void
}

export const RETRY_DEFAULTS = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxTotalWaitMs: 120_000,
  timeoutMs: 30_000
} as const

const REPEATABLE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'])

export type FailureKind = 'rate-limit' | 'server' | 'final'

/** How a failed request may be retried. `transport` failures (no response) count as `server`. */
export function classifyFailure(error: unknown): FailureKind {
  const status = statusOf(error)
  if (status === 429) return 'rate-limit'
  if (status === 403) {
    const headers = headersOf(error)
    const limited =
      String(headers['x-ratelimit-remaining']) === '0' ||
      headers['retry-after'] !== undefined ||
      /rate limit/i.test(shortMessage(error))
    return limited ? 'rate-limit' : 'final'
  }
  if (status === null || status >= 500) return 'server'
  return 'final'
}

/** The wait the server asks for, in ms, or null when it names none. */
export function requestedWait(error: unknown, now: number): number | null {
  const headers = headersOf(error)
  const retryAfter = headers['retry-after']
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
    const date = Date.parse(String(retryAfter))
    if (Number.isFinite(date)) return Math.max(0, date - now)
  }
  const reset = Number(headers['x-ratelimit-reset'])
  if (String(headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset)) {
    // One second past the reset: the server's clock and ours are never quite equal.
    return Math.max(0, reset * 1000 - now + 1000)
  }
  return null
}

export function withRetry(api: GitHubApi, options: RetryOptions = {}): GitHubApi {
  const settings = { ...RETRY_DEFAULTS, ...timeoutFromEnvironment(), ...options }
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const log = options.log ?? core.info

  return {
    async request(route, params = {}) {
      const method = (route.split(' ')[0] ?? 'GET').toUpperCase()
      let waited = 0
      for (let attempt = 1; ; attempt++) {
        let error: unknown
        try {
          return await requestWithTimeout(api, route, params, settings.timeoutMs)
        } catch (caught) {
          error = caught
        }
        const kind = classifyFailure(error)
        const repeatable =
          kind === 'rate-limit' || (kind === 'server' && REPEATABLE_METHODS.has(method))
        if (!repeatable || attempt >= settings.attempts) throw error
        const backoff = settings.baseDelayMs * 2 ** (attempt - 1) * (0.75 + random() / 2)
        const wait = Math.ceil(requestedWait(error, now()) ?? backoff)
        if (wait > settings.maxDelayMs || waited + wait > settings.maxTotalWaitMs) {
          throw withMessage(
            error,
            `${shortMessage(error)} (GitHub asks to wait ${Math.ceil(wait / 1000)} s; not waiting that long)`
          )
        }
        const status = statusOf(error)
        log(
          `${route.replace(/\{[^}]+\}/g, m => String(params[m.slice(1, -1)] ?? m))} failed (${status !== null ? `HTTP ${status}: ` : ''}${shortMessage(error)}); retry ${attempt} of ${settings.attempts - 1} in ${(wait / 1000).toFixed(1)} s`
        )
        await sleep(wait)
        waited += wait
      }
    }
  }
}

/**
 * Undocumented: `DATASET_GATE_HTTP_TIMEOUT_MS` shortens one try's timeout, so end-to-end tests of
 * a server that never answers do not wait 30 s per try.
 */
function timeoutFromEnvironment(): { timeoutMs?: number } {
  const value = Number(process.env.DATASET_GATE_HTTP_TIMEOUT_MS)
  return Number.isInteger(value) && value > 0 ? { timeoutMs: value } : {}
}

/** One try, aborted after `timeoutMs`; a timeout surfaces as a transport failure (no status). */
async function requestWithTimeout(
  api: GitHubApi,
  route: string,
  params: Record<string, unknown>,
  timeoutMs: number
) {
  const controller = new AbortController()
  const request = {
    ...(params.request as Record<string, unknown> | undefined),
    signal: controller.signal
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Reject before aborting, so the race settles with this error rather than the abort's.
      reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s`))
      controller.abort()
    }, timeoutMs)
  })
  try {
    // The race covers an implementation that ignores the signal; the abort frees the socket.
    return await Promise.race([api.request(route, { ...params, request }), timeout])
  } finally {
    clearTimeout(timer)
  }
}

function withMessage(error: unknown, message: string): Error {
  const copy = new Error(message)
  return Object.assign(copy, {
    status: statusOf(error) ?? undefined,
    response: (error as { response?: unknown } | null)?.response
  })
}
