/**
 * GET /repos/{owner}/{repo}/pulls/{pull_number}/files, every page. GitHub lists at most 3000 files
 * of a pull request; past that the list is silently incomplete, so the gate refuses to guess which
 * datasets are touched and says how to gate them all instead.
 */
import { z } from 'zod'
import { describeApiError } from './github-api.js'
import { type GitHubApi, type PullRequestTarget } from './api.js'

/** The most files the API lists for one pull request. */
export const PR_FILES_API_CAP = 3000
const PER_PAGE = 100

const fileSchema = z.object({ filename: z.string(), previous_filename: z.string().optional() })

export class TooManyFilesError extends Error {
  constructor(count: number | null) {
    super(
      `This pull request changes ${count ?? `${PR_FILES_API_CAP} or more`} files, and GitHub's API lists at most ${PR_FILES_API_CAP} files of a pull request, so the gate cannot tell which datasets it touches. Set \`changed-only: false\` to gate every dataset.`
    )
    this.name = 'TooManyFilesError'
  }
}

/**
 * Every path the pull request touches: added, modified, removed, and both names of a rename (moving
 * a file out of a dataset touches that dataset too).
 * @param expectedCount the payload's `changed_files`, when the event carries it
 */
export async function listPullRequestFiles(
  api: GitHubApi,
  target: PullRequestTarget,
  expectedCount: number | null = null
): Promise<Set<string>> {
  if (expectedCount !== null && expectedCount > PR_FILES_API_CAP)
    throw new TooManyFilesError(expectedCount)
  const files = new Set<string>()
  let listed = 0
  for (let page = 1; page <= PR_FILES_API_CAP / PER_PAGE; page++) {
    let data: unknown
    try {
      ;({ data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
        owner: target.owner,
        repo: target.repo,
        pull_number: target.number,
        per_page: PER_PAGE,
        page
      }))
    } catch (error) {
      throw new Error(
        describeApiError(error, "list the pull request's files", 'pull-requests: read'),
        {
          cause: error
        }
      )
    }
    const entries = z.array(fileSchema).parse(data)
    for (const entry of entries) {
      files.add(entry.filename)
      if (entry.previous_filename !== undefined) files.add(entry.previous_filename)
    }
    listed += entries.length
    if (entries.length < PER_PAGE) break
  }
  if (listed >= PR_FILES_API_CAP && (expectedCount === null || expectedCount > listed)) {
    throw new TooManyFilesError(expectedCount)
  }
  return files
}
