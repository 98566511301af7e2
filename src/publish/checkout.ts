/**
 * The commit in the workspace must be the one the run reports on. The gate reads the working tree
 * and stamps its comment with the pull request's head; under `pull_request_target`, a plain
 * `actions/checkout` checks out the base branch, so without this check the base's data would be
 * judged and the head announced as "passed".
 *
 * Accepted: HEAD is the pull request's head commit, or (for `pull_request` only) GITHUB_SHA, the test
 * merge commit `refs/pull/N/merge` that `actions/checkout` checks out by default for that event.
 */
import { execFile } from 'node:child_process'
import type { PullRequestInfo, RunContext } from './event.js'

/** The workspace does not hold the commit the run would report on; the message says what to do. */
export class CheckoutError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CheckoutError'
  }
}

export type CheckedOut = { kind: 'head' } | { kind: 'merge'; sha: string }

const CHECKOUT_STEP = [
  '- uses: actions/checkout@v4',
  '  with:',
  '    ref: ${{ github.event.pull_request.head.sha }}'
].join('\n')

/**
 * What the workspace holds: the PR head, or the test merge commit (pull_request only). Throws a
 * CheckoutError naming both commits and the checkout step to use otherwise.
 */
export async function verifyCheckout(
  context: RunContext,
  pr: PullRequestInfo
): Promise<CheckedOut> {
  const head = await checkedOutCommit(context.workspace)
  if (head === pr.headSha) return { kind: 'head' }
  const mergeCommit = context.sha.toLowerCase()
  if (context.eventName === 'pull_request' && mergeCommit !== '' && head === mergeCommit)
    return { kind: 'merge', sha: head }
  const accepted =
    context.eventName === 'pull_request'
      ? `the pull request's head ${pr.headSha} or its merge commit ${mergeCommit || '(GITHUB_SHA is not set)'}`
      : `the pull request's head ${pr.headSha}`
  throw new CheckoutError(
    `The workspace is checked out at ${head}, but this ${context.eventName} run reports on ${accepted}. ` +
      `The gate judges the files in the workspace, so it would judge the wrong commit; nothing was gated. ` +
      `Check out the pull request's head before this step:\n${CHECKOUT_STEP}`
  )
}

/** `git rev-parse --verify HEAD` in the workspace, lower-case. */
async function checkedOutCommit(workspace: string): Promise<string> {
  const result = await revParseHead(workspace)
  if ('sha' in result) return result.sha
  throw new CheckoutError(
    `The workspace ${workspace} is not a git checkout (${result.problem}). A pull request run needs the ` +
      `pull request's files and history; add this step before the gate:\n${CHECKOUT_STEP}`
  )
}

function revParseHead(cwd: string): Promise<{ sha: string } | { problem: string }> {
  return new Promise(resolve => {
    execFile(
      'git',
      ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'],
      // Never wait for a prompt; a repository with no commit answers at once.
      { cwd, timeout: 30_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        const sha = String(stdout).trim().toLowerCase()
        if (!error && /^[0-9a-f]{40,64}$/.test(sha)) return resolve({ sha })
        const code = (error as NodeJS.ErrnoException | null)?.code
        const reason =
          String(stderr).trim().split('\n')[0] ||
          (typeof code === 'string' ? `git could not be run: ${code}` : 'no commit is checked out')
        resolve({ problem: reason })
      }
    )
  })
}
