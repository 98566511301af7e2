/**
 * Row repairs offered on the pull request as one review whose comments hold GitHub `suggestion`
 * blocks (one click commits the repaired line). Only lines the pull request adds or changes (a
 * review comment must be on the diff), at most 25 a run, and never a second suggestion where one
 * of ours already is: each comment carries a hidden marker naming the line's repair, and the
 * review comments already on the pull request are read first, so re-runs and pushes do not pile
 * up reviews. Never throws: a read-only token (a fork) or any failure is a notice or a warning.
 *
 * GET /repos/{o}/{r}/pulls/{n}/files (patches), GET .../pulls/{n}/comments, POST .../pulls/{n}/reviews.
 */
import { hashIdentity } from '../model.js'
import { escapeMarkdown } from '../report/escape.js'
import { hasStatus, type GitHubApi, type PullRequestTarget } from './api.js'
import { describeApiError } from './github-api.js'

export interface SuggestedLine {
  path: string
  line: number
  before: string
  /** The line's text after the repair; null deletes the line. */
  replacement: string | null
  rules: string[]
  what: string[]
}

export const MAX_SUGGESTIONS = 25
const PER_PAGE = 100
const MAX_PAGES = 30

export type ReviewOutcome =
  | { kind: 'posted'; id: number | null; comments: number; skipped: number }
  | { kind: 'nothing'; reason: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'failed'; message: string }

export async function postSuggestionReview(
  api: GitHubApi,
  target: PullRequestTarget,
  options: { headSha: string; key: string; lines: readonly SuggestedLine[] }
): Promise<ReviewOutcome> {
  if (options.lines.length === 0) return { kind: 'nothing', reason: 'no row repair to suggest' }
  try {
    const inDiff = await addedLines(api, target)
    const existing = await ourMarkers(api, target, options.key)
    const fresh = options.lines.filter(
      s => inDiff.get(s.path)?.has(s.line) === true && !existing.has(markerOf(options.key, s))
    )
    if (fresh.length === 0)
      return { kind: 'nothing', reason: 'every repair is outside the diff or already suggested' }
    const chosen = fresh.slice(0, MAX_SUGGESTIONS)
    const { data } = await api.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.number,
      commit_id: options.headSha,
      event: 'COMMENT',
      body: reviewBody(chosen.length, fresh.length),
      comments: chosen.map(s => ({
        path: s.path,
        line: s.line,
        side: 'RIGHT',
        body: suggestionComment(options.key, s)
      }))
    })
    const id = (data as { id?: unknown } | null)?.id
    return {
      kind: 'posted',
      id: typeof id === 'number' ? id : null,
      comments: chosen.length,
      skipped: fresh.length - chosen.length
    }
  } catch (error) {
    const message = describeApiError(
      error,
      'post the suggested row repairs as a review',
      'pull-requests: write'
    )
    return hasStatus(error, 401, 403)
      ? {
          kind: 'forbidden',
          message: `${message} The comment's "Suggested fix" section lists the repairs instead.`
        }
      : { kind: 'failed', message }
  }
}

function reviewBody(posted: number, total: number): string {
  const more = total > posted ? ` (${total - posted} more in \`dataset-gate fix\`)` : ''
  return `dataset-gate suggests ${posted} mechanical row repair${posted === 1 ? '' : 's'} on lines this pull request changes${more}. Each has exactly one correct answer; commit it with one click, or run \`dataset-gate fix --write\`.`
}

/** The hidden marker of one line's repair: the same line repaired the same way is the same suggestion. */
export function markerOf(key: string, s: SuggestedLine): string {
  const hash = hashIdentity(`${s.path}\u0000${s.before}\u0000${s.replacement ?? '\u0000deleted'}`)
  return `<!-- dataset-gate-suggestion:${key}:${hash.toString(36)} -->`
}

/** The review comment: marker, what changes (escaped), and the `suggestion` block. */
export function suggestionComment(key: string, s: SuggestedLine): string {
  const what = s.what.map(w => `- ${escapeMarkdown(w)}`).join('\n')
  const rules = s.rules.map(r => `\`${r}\``).join(', ')
  const content = s.replacement ?? ''
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const block =
    s.replacement === null
      ? `${fence}suggestion\n${fence}`
      : `${fence}suggestion\n${content}\n${fence}`
  return `${markerOf(key, s)}\n**dataset-gate** ${rules}${s.replacement === null ? ' (delete the line)' : ''}:\n${what}\n\n${block}\n`
}

/** Right-side line numbers each file's patch adds or changes. Files without a patch (too large) have none. */
async function addedLines(
  api: GitHubApi,
  target: PullRequestTarget
): Promise<Map<string, Set<number>>> {
  const result = new Map<string, Set<number>>()
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.number,
      per_page: PER_PAGE,
      page
    })
    const files = Array.isArray(data) ? (data as { filename?: unknown; patch?: unknown }[]) : []
    for (const file of files)
      if (typeof file.filename === 'string' && typeof file.patch === 'string')
        result.set(file.filename, patchAdditions(file.patch))
    if (files.length < PER_PAGE) break
  }
  return result
}

/** The new-side line numbers of a unified diff's `+` lines. */
export function patchAdditions(patch: string): Set<number> {
  const added = new Set<number>()
  let line = 0
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text)
    if (hunk) line = Number(hunk[1])
    else if (text.startsWith('+')) added.add(line++)
    else if (text.startsWith(' ') || text === '') line++
  }
  return added
}

/** Markers of the suggestions already on the pull request (review comments holding ours). */
async function ourMarkers(
  api: GitHubApi,
  target: PullRequestTarget,
  key: string
): Promise<Set<string>> {
  const markers = new Set<string>()
  const pattern = new RegExp(
    `<!-- dataset-gate-suggestion:${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[0-9a-z]+ -->`,
    'g'
  )
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.number,
      per_page: PER_PAGE,
      page
    })
    const comments = Array.isArray(data) ? (data as { body?: unknown }[]) : []
    for (const comment of comments)
      if (typeof comment.body === 'string')
        for (const m of comment.body.matchAll(pattern)) markers.add(m[0])
    if (comments.length < PER_PAGE) break
  }
  return markers
}
