/** PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}: the same body twice is harmless. */
import type { GitHubApi, PullRequestTarget } from './api.js'

export async function updateComment(
  api: GitHubApi,
  target: Omit<PullRequestTarget, 'number'>,
  commentId: number,
  body: string
): Promise<void> {
  await api.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
    owner: target.owner,
    repo: target.repo,
    comment_id: commentId,
    body
  })
}
