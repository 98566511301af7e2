/**
 * What the run is about, from the runner's environment: the event, the repository, the workspace
 * and, for a pull request, its number and the base and head commits. Read from the environment
 * passed in (not from module state), so a test can describe any run.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'

/** Events whose payload carries the pull request the gate comments on. */
export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'] as const

export interface PullRequestInfo {
  number: number
  /**
   * The pull request's head, which the comment's marker records. The workspace holds it, or for
   * `pull_request` the test merge commit GITHUB_SHA points at (checked in checkout.ts).
   */
  headSha: string
  baseSha: string
  /** Branch name of the base, for messages ("main"). */
  baseRef: string
  /** `changed_files` from the payload, when present. */
  changedFiles: number | null
}

export interface RunContext {
  eventName: string
  owner: string
  repo: string
  workspace: string
  /** GITHUB_SHA: what was checked out (for pushes, the commit judged). */
  sha: string
  pullRequest: PullRequestInfo | null
  /** Link to this workflow run, when the environment names one. */
  runUrl: string | undefined
  /**
   * The action's own repository page (GITHUB_ACTION_REPOSITORY; the repository itself for a local
   * `uses: ./`): where its README, and so the rule catalogue, lives.
   */
  actionHome: string | undefined
  tempDir: string | undefined
}

const pullRequestSchema = z.object({
  number: z.number().int().positive(),
  changed_files: z.number().int().nonnegative().optional(),
  head: z.object({ sha: z.string().regex(/^[0-9a-f]{40,64}$/i) }),
  base: z.object({ sha: z.string().regex(/^[0-9a-f]{40,64}$/i), ref: z.string().default('') })
})

export class EventError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EventError'
  }
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  let pullRequest: PullRequestInfo | null = null
  if ((PULL_REQUEST_EVENTS as readonly string[]).includes(eventName)) {
    pullRequest = readPullRequest(env.GITHUB_EVENT_PATH, eventName)
  }
  const runId = env.GITHUB_RUN_ID
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  return {
    eventName,
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    sha: env.GITHUB_SHA ?? '',
    pullRequest,
    runUrl: runId && owner && repo ? `${server}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    actionHome: actionHome(server, env.GITHUB_ACTION_REPOSITORY || env.GITHUB_REPOSITORY),
    tempDir: env.RUNNER_TEMP || undefined
  }
}

function readPullRequest(eventPath: string | undefined, eventName: string): PullRequestInfo {
  if (!eventPath)
    throw new EventError(`GITHUB_EVENT_PATH is not set, so the ${eventName} event cannot be read.`)
  let payload: unknown
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'))
  } catch (error) {
    throw new EventError(`Cannot read the event payload ${eventPath}: ${(error as Error).message}`)
  }
  const parsed = pullRequestSchema.safeParse(
    (payload as { pull_request?: unknown } | null)?.pull_request
  )
  if (!parsed.success) {
    throw new EventError(
      `The ${eventName} event payload has no usable \`pull_request\` (number, head.sha, base.sha).`
    )
  }
  const pr = parsed.data
  return {
    number: pr.number,
    headSha: pr.head.sha.toLowerCase(),
    baseSha: pr.base.sha.toLowerCase(),
    baseRef: pr.base.ref,
    changedFiles: pr.changed_files ?? null
  }
}

function actionHome(server: string, repository: string | undefined): string | undefined {
  return repository && /^[\w.-]+\/[\w.-]+$/.test(repository) ? `${server}/${repository}` : undefined
}
