/**
 * The one comment per pull request and `comment-key`: found by its hidden marker among the token's
 * own comments, edited in place, left alone when nothing changed, and never overwritten by a run
 * for an older commit.
 *
 * - `always`: create the comment, or update it.
 * - `on-failure`: create it only when the gate failed; when it passes, an existing comment is still
 *   updated to the passing result (a stale red comment on a green pull request would mislead), but
 *   no new comment is created.
 * - Newer-run protection: when the existing comment records a different head SHA than ours, the
 *   pull request's current head is fetched; unless it is still our commit, a newer push exists and
 *   its run owns the comment, so this run leaves it alone.
 * - One run never creates two comments: a POST that fails without a clear answer (5xx, timeout)
 *   is followed by a fresh look for our comment before the one repeat.
 */
import { createComment } from './create-comment.js'
import { findStickyComment, type StickyComment } from './find-comment.js'
import { describeApiError } from './github-api.js'
import { shortMessage, statusOf, type GitHubApi, type PullRequestTarget } from './api.js'
import { resolveIdentity, type Identity } from './identity.js'
import { getPullRequestHead } from './pull-request-head.js'
import { classifyFailure } from './retry.js'
import { updateComment } from './update-comment.js'

export type CommentMode = 'always' | 'on-failure'

export interface StickyCommentRequest {
  target: PullRequestTarget
  key: string
  /** The head commit this run judged (lower-case hex). */
  headSha: string
  body: string
  mode: CommentMode
  passed: boolean
}

export type CommentOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; id: number }
  | { action: 'skipped'; reason: string }

export async function publishStickyComment(
  api: GitHubApi,
  request: StickyCommentRequest
): Promise<CommentOutcome> {
  const self = await resolveIdentity(api)
  const existing = await findStickyComment(api, request.target, request.key, self)

  if (existing === null) {
    if (request.mode === 'on-failure' && request.passed) {
      return {
        action: 'skipped',
        reason: 'the gate passed and `comment: on-failure` only creates a comment for a failure'
      }
    }
    return createOnce(api, request, self)
  }

  if (existing.body === request.body) return { action: 'unchanged', id: existing.id }
  const newer = await newerRunOwns(api, request, existing)
  if (newer !== null) return { action: 'skipped', reason: newer }
  await updateComment(api, request.target, existing.id, request.body)
  return { action: 'updated', id: existing.id }
}

/** Why this run must not write, or null when it is the latest run for the pull request. */
async function newerRunOwns(
  api: GitHubApi,
  request: StickyCommentRequest,
  existing: StickyComment
): Promise<string | null> {
  const ours = request.headSha.toLowerCase()
  if (existing.recordedHead === null || existing.recordedHead.toLowerCase() === ours) return null
  const current = await getPullRequestHead(api, request.target)
  if (current === ours) return null
  return `the pull request has moved on to ${current.slice(0, 7)} since this run's ${ours.slice(0, 7)}; the comment is left to the newer run`
}

async function createOnce(
  api: GitHubApi,
  request: StickyCommentRequest,
  self: Identity
): Promise<CommentOutcome> {
  try {
    return { action: 'created', id: await createComment(api, request.target, request.body) }
  } catch (error) {
    // 4xx are definite answers; only a failure that may have hidden a success is looked into.
    if (classifyFailure(error) !== 'server') throw error
    const landed = await findStickyComment(api, request.target, request.key, self)
    if (landed !== null) {
      if (landed.body !== request.body)
        await updateComment(api, request.target, landed.id, request.body)
      return { action: 'created', id: landed.id }
    }
    return { action: 'created', id: await createComment(api, request.target, request.body) }
  }
}

/** A warning for a comment that could not be written; the gate's verdict does not depend on it. */
export function describeCommentFailure(error: unknown): string {
  const status = statusOf(error)
  if (status === 404) {
    return `Could not write the pull request comment (HTTP 404: ${shortMessage(error)}): the pull request or the comment no longer exists, or the token cannot see the repository.`
  }
  if (status === 422) {
    return `GitHub refused the pull request comment (HTTP 422: ${shortMessage(error)}): the body may be too long, or the conversation is locked.`
  }
  return describeApiError(error, 'write the pull request comment', 'pull-requests: write')
}
