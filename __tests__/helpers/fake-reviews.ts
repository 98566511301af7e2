/**
 * Pull-request reviews for the fake GitHub API (fake-github.ts): `GET`/`POST
 * /repos/{o}/{r}/pulls/{n}/reviews` and `GET .../pulls/{n}/comments` (review comments). Request
 * bodies are checked against GitHub's OpenAPI description of the operation (vendored in
 * fixtures/github-openapi/pulls-reviews.json by extract.mjs), and so is every object the
 * fake answers with. As on GitHub, a review comment must be on a line of the pull request's diff
 * (422 otherwise).
 */
import { Ajv } from 'ajv'
import addFormatsPlugin from 'ajv-formats'
import { readFileSync } from 'node:fs'

interface Operation {
  path: string
  method: string
  operation: {
    requestBody?: { content: { 'application/json': { schema: object } } }
    responses: Record<string, { content?: { 'application/json': { schema: object } } }>
  }
}

const VENDORED = JSON.parse(
  readFileSync(new URL('../fixtures/github-openapi/pulls-reviews.json', import.meta.url), 'utf8')
) as { operations: Operation[] }

function operation(method: string, suffix: string): Operation['operation'] {
  return VENDORED.operations.find(o => o.method === method && o.path.endsWith(suffix))!.operation
}

const ajv = new Ajv({ allErrors: true, strict: false })
;(addFormatsPlugin as unknown as (ajv: Ajv) => void)(ajv)
const createReview = operation('POST', '/reviews')
const validateCreateBody = ajv.compile(createReview.requestBody!.content['application/json'].schema)
const validateReview = ajv.compile(
  createReview.responses['200']!.content!['application/json'].schema
)
const validateCommentList = ajv.compile(
  operation('GET', '/comments').responses['200']!.content!['application/json'].schema
)
const validateReviewList = ajv.compile(
  operation('GET', '/reviews').responses['200']!.content!['application/json'].schema
)

export function createReviewBodyErrors(body: unknown): string | null {
  return validateCreateBody(body) ? null : ajv.errorsText(validateCreateBody.errors)
}

export interface ReviewUser {
  login: string
  type: 'User' | 'Bot'
}

export interface FakeReviewComment {
  id: number
  reviewId: number
  path: string
  line: number
  body: string
  commitId: string
  user: ReviewUser
}

export interface FakeReview {
  id: number
  body: string
  commitId: string
  event: string
  user: ReviewUser
  comments: FakeReviewComment[]
}

/** New-side line numbers of a unified diff's `+` and context lines (where GitHub allows a comment). */
export function diffLines(patch: string): Set<number> {
  const lines = new Set<number>()
  let line = 0
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text)
    if (hunk) line = Number(hunk[1])
    else if (text.startsWith('+') || text.startsWith(' ')) lines.add(line++)
  }
  return lines
}

export class FakeReviews {
  readonly reviews: FakeReview[] = []
  readonly invalidRequests: { path: string; body: unknown; errors: string }[] = []

  constructor(
    private base: () => string,
    private nextId: () => number
  ) {}

  get comments(): FakeReviewComment[] {
    return this.reviews.flatMap(review => review.comments)
  }

  /** `POST .../pulls/{n}/reviews`. */
  create(
    path: string,
    body: unknown,
    user: ReviewUser,
    files: { filename: string; patch?: string }[]
  ): [number, unknown] {
    const errors = createReviewBodyErrors(body)
    if (errors !== null) {
      this.invalidRequests.push({ path, body, errors })
      return [422, { message: `Invalid request. ${errors}` }]
    }
    const fields = body as {
      commit_id?: string
      body?: string
      event?: string
      comments?: { path: string; line?: number; body: string }[]
    }
    for (const comment of fields.comments ?? []) {
      const file = files.find(f => f.filename === comment.path)
      if (!file?.patch || comment.line === undefined || !diffLines(file.patch).has(comment.line)) {
        const errors = `${comment.path}:${comment.line}: Pull request review thread line must be part of the diff`
        this.invalidRequests.push({ path, body, errors })
        return [422, { message: `Unprocessable Entity: ${errors}` }]
      }
    }
    const id = this.nextId()
    const review: FakeReview = {
      id,
      body: fields.body ?? '',
      commitId: fields.commit_id ?? '',
      event: fields.event ?? 'PENDING',
      user,
      comments: []
    }
    for (const comment of fields.comments ?? [])
      review.comments.push({
        id: this.nextId(),
        reviewId: id,
        path: comment.path,
        line: comment.line!,
        body: comment.body,
        commitId: review.commitId,
        user
      })
    this.reviews.push(review)
    const answer = this.reviewJson(path, review)
    if (!validateReview(answer))
      throw new Error(
        `the fake answers an invalid review: ${ajv.errorsText(validateReview.errors)}`
      )
    return [200, answer]
  }

  listReviews(path: string): unknown[] {
    const list = this.reviews.map(review => this.reviewJson(path, review))
    if (!validateReviewList(list))
      throw new Error(`invalid review list: ${ajv.errorsText(validateReviewList.errors)}`)
    return list
  }

  listComments(path: string): unknown[] {
    const list = this.comments.map(comment => this.commentJson(path, comment))
    if (!validateCommentList(list))
      throw new Error(`invalid comment list: ${ajv.errorsText(validateCommentList.errors)}`)
    return list
  }

  private reviewJson(path: string, review: FakeReview): unknown {
    const pr = `${this.base()}${path.replace(/\/reviews$/, '')}`
    return {
      id: review.id,
      node_id: `PRR_${review.id}`,
      user: this.userJson(review.user),
      body: review.body,
      state: review.event === 'COMMENT' ? 'COMMENTED' : review.event,
      commit_id: review.commitId,
      html_url: `${pr}#pullrequestreview-${review.id}`,
      pull_request_url: pr,
      _links: {
        html: { href: `${pr}#pullrequestreview-${review.id}` },
        pull_request: { href: pr }
      },
      author_association: 'NONE'
    }
  }

  private commentJson(path: string, comment: FakeReviewComment): unknown {
    const pr = `${this.base()}${path.replace(/\/comments$/, '')}`
    const url = `${this.base()}/repos/o/r/pulls/comments/${comment.id}`
    return {
      url,
      id: comment.id,
      node_id: `PRRC_${comment.id}`,
      pull_request_review_id: comment.reviewId,
      diff_hunk: '@@',
      path: comment.path,
      line: comment.line,
      side: 'RIGHT',
      commit_id: comment.commitId,
      original_commit_id: comment.commitId,
      user: this.userJson(comment.user),
      body: comment.body,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      html_url: `${pr}#discussion_r${comment.id}`,
      pull_request_url: pr,
      author_association: 'NONE',
      _links: {
        self: { href: url },
        html: { href: `${pr}#discussion_r${comment.id}` },
        pull_request: { href: pr }
      }
    }
  }

  private userJson(user: ReviewUser) {
    const url = `${this.base()}/users/${encodeURIComponent(user.login)}`
    return {
      login: user.login,
      id: 41898282,
      node_id: 'MDM6Qm90NDE4OTgyODI=',
      avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
      gravatar_id: '',
      url,
      html_url: url,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: user.type,
      site_admin: false
    }
  }
}
