/**
 * GET /repos/{owner}/{repo}/pulls/{pull_number}: the commit the pull request points at now, to
 * tell whether a run is still the latest one for its pull request.
 */
import { z } from 'zod'
import type { GitHubApi, PullRequestTarget } from './api.js'

const pullSchema = z.object({ head: z.object({ sha: z.string() }) })

export async function getPullRequestHead(
  api: GitHubApi,
  target: PullRequestTarget
): Promise<string> {
  const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.number
  })
  return pullSchema.parse(data).head.sha.toLowerCase()
}
