/** POST /repos/{owner}/{repo}/issues/{issue_number}/comments. Not retried on 5xx (see retry.ts). */
import { z } from 'zod'
import type { GitHubApi, PullRequestTarget } from './api.js'

export async function createComment(
  api: GitHubApi,
  target: PullRequestTarget,
  body: string
): Promise<number> {
  const { data } = await api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.number,
    body
  })
  return z.object({ id: z.number() }).parse(data).id
}
