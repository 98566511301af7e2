/**
 * GET /repos/{owner}/{repo}/issues/{issue_number}/comments, every page: the sticky comment is the
 * oldest one that starts with this key's hidden marker AND was written by the token's own identity.
 */
import { z } from 'zod'
import { hasMarker, parseMarker } from '../comment-marker.js'
import type { GitHubApi, PullRequestTarget } from './api.js'
import { isAuthoredBy, type Identity } from './identity.js'

export interface StickyComment {
  id: number
  body: string
  /** The head SHA the comment describes (from its marker), null when it records none. */
  recordedHead: string | null
}

const PER_PAGE = 100
/** 10,000 comments: far beyond any real pull request, and a bound on the calls. */
const MAX_PAGES = 100

const commentSchema = z.object({
  id: z.number(),
  body: z.string().nullish(),
  user: z.object({ login: z.string(), type: z.string().optional() }).nullish()
})

export async function findStickyComment(
  api: GitHubApi,
  target: PullRequestTarget,
  key: string,
  self: Identity
): Promise<StickyComment | null> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.number,
      per_page: PER_PAGE,
      page
    })
    const comments = z.array(commentSchema).parse(data)
    for (const comment of comments) {
      const body = comment.body ?? ''
      if (isAuthoredBy(comment.user, self) && hasMarker(body, key)) {
        return { id: comment.id, body, recordedHead: parseMarker(body, key) }
      }
    }
    if (comments.length < PER_PAGE) break
  }
  return null
}
