/**
 * GET /user: who the token writes comments as, so the sticky comment is only ever looked up among
 * our own comments (never someone else's that happens to carry the marker).
 *
 * A personal access token answers with its user. The workflow's GITHUB_TOKEN (an installation token)
 * gets 403 "Resource not accessible by integration" (401/404 on some servers): its comments are
 * written by `github-actions[bot]`, so that is who we are. A GitHub App's own installation token
 * also lands here; its comments are authored by `<app-slug>[bot]` and are not recognized, so such a
 * setup gets a new comment per run (documented limitation; use the default token or a PAT).
 */
import { z } from 'zod'
import { hasStatus, type GitHubApi } from './api.js'

export interface Identity {
  login: string
  /** `User` for a personal token, `Bot` for the Actions token. */
  type: string
}

export const ACTIONS_BOT: Identity = { login: 'github-actions[bot]', type: 'Bot' }

const userSchema = z.object({ login: z.string(), type: z.string().default('User') })

/** Other failures (5xx after retries) throw: guessing wrong would create a second comment. */
export async function resolveIdentity(api: GitHubApi): Promise<Identity> {
  try {
    const { data } = await api.request('GET /user')
    return userSchema.parse(data)
  } catch (error) {
    if (hasStatus(error, 401, 403, 404)) return ACTIONS_BOT
    throw error
  }
}

export function isAuthoredBy(
  author: { login?: string; type?: string } | null | undefined,
  self: Identity
): boolean {
  if (!author?.login) return false
  return (
    author.login.toLowerCase() === self.login.toLowerCase() &&
    (author.type ?? self.type) === self.type
  )
}
