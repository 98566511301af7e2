/**
 * A local stand-in for the parts of the GitHub REST API the action calls, for end-to-end tests of
 * the bundle: an in-memory comment store, a pull request's file list and head, `GET /user`, a log
 * of every request, and injectable failures (status codes, rate-limit headers, slow responses).
 * Listens on 127.0.0.1 only.
 *
 * Code-scanning uploads (`POST .../code-scanning/sarifs`) are checked against GitHub's own OpenAPI
 * description of that endpoint (vendored in fixtures/github-openapi/): a body it does not describe
 * is refused with 422 and kept in `invalidRequests`; an accepted upload keeps its decoded SARIF.
 */
import { Ajv } from 'ajv'
import addFormatsPlugin from 'ajv-formats'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { FakeReviews } from './fake-reviews.js'

/** GitHub's OpenAPI description of one operation, as extract.mjs vendors it. */
interface VendoredOperation {
  source: string
  path: string
  method: string
  operation: {
    requestBody: { content: { 'application/json': { schema: object } } }
    responses: Record<string, { content?: { 'application/json': { schema: object } } }>
  }
}

export const UPLOAD_SARIF_OPERATION = JSON.parse(
  readFileSync(
    new URL('../fixtures/github-openapi/code-scanning-upload-sarif.json', import.meta.url),
    'utf8'
  )
) as VendoredOperation

// OpenAPI 3.0 schema objects are JSON Schema plus a few keywords (`example`, `nullable`).
const ajv = new Ajv({ allErrors: true, strict: false })
;(addFormatsPlugin as unknown as (ajv: Ajv) => void)(ajv)
const validateUploadBody = ajv.compile(
  UPLOAD_SARIF_OPERATION.operation.requestBody.content['application/json'].schema
)
const validateUploadReceipt = ajv.compile(
  UPLOAD_SARIF_OPERATION.operation.responses['202']!.content!['application/json'].schema
)

/** Why a body does not match the operation's request schema, or null when it does. */
export function uploadBodyErrors(body: unknown): string | null {
  return validateUploadBody(body) ? null : ajv.errorsText(validateUploadBody.errors)
}

export interface SarifUpload {
  id: string
  owner: string
  repo: string
  body: Record<string, unknown>
  /** The `sarif` field, base64-decoded, gunzipped and parsed. */
  sarif: unknown
}

export interface FakeUser {
  login: string
  type: 'User' | 'Bot'
}

export interface FakeComment {
  id: number
  body: string
  user: FakeUser
}

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  authorization: string | undefined
}

export interface Fault {
  method?: string
  /** Matches the request path (without the query). */
  path?: RegExp
  /** How many matching requests fail; default 1. */
  times?: number
  status?: number
  headers?: Record<string, string>
  message?: string
  /** Hold the response this long first (a slow or hanging server). */
  delayMs?: number
  /** Carry out the request, then answer with the failure (a success the client never hears of). */
  afterHandling?: boolean
}

const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', type: 'Bot' }

export class FakeGitHub {
  url = ''
  readonly requests: RecordedRequest[] = []
  comments: FakeComment[] = []
  /** Files of the pull request, as `GET .../pulls/{n}/files` lists them. */
  prFiles: { filename: string; status: string; previous_filename?: string; patch?: string }[] = []
  /** The pull request's current head SHA; null answers 404 (a deleted pull request). */
  prHead: string | null = null
  /** What `GET /user` answers; null behaves like the Actions token (403, writes as the bot). */
  user: FakeUser | null = null
  /** A read-only token: writing comments and uploading SARIF answer 403. */
  readOnly = false
  /** Accepted code-scanning uploads. */
  readonly sarifUploads: SarifUpload[] = []
  /** Requests refused because their body does not match GitHub's OpenAPI description. */
  readonly invalidRequests: { path: string; body: unknown; errors: string }[] = []
  readonly faults: Fault[] = []
  private server: Server | null = null
  private nextId = 1000
  /** Pull-request reviews and their comments (fake-reviews.ts). */
  readonly reviews = new FakeReviews(
    () => this.url,
    () => this.nextId++
  )
  private pending = new Set<NodeJS.Timeout>()

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    this.url = `http://127.0.0.1:${port}`
    return this
  }

  async stop(): Promise<void> {
    for (const timer of this.pending) clearTimeout(timer)
    this.pending.clear()
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server!.close(() => resolve()))
    this.server = null
  }

  /** A comment by someone else (or by us, from an earlier run). */
  addComment(body: string, user: FakeUser = ACTIONS_BOT): FakeComment {
    const comment = { id: this.nextId++, body, user }
    this.comments.push(comment)
    return comment
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter(r => r.method === method && path.test(r.path))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    let body: unknown
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = text
    }
    const method = req.method ?? 'GET'
    this.requests.push({
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      authorization: req.headers.authorization
    })

    const fault = this.takeFault(method, url.pathname)
    if (fault?.delayMs) await this.wait(fault.delayMs)
    if (fault && !fault.afterHandling) return this.fail(res, fault)
    const [status, data, headers] = this.route(method, url, body)
    if (fault) return this.fail(res, fault)
    this.send(res, status, data, headers)
  }

  private takeFault(method: string, path: string): Fault | null {
    const index = this.faults.findIndex(
      f =>
        (f.method === undefined || f.method === method) &&
        (f.path === undefined || f.path.test(path))
    )
    if (index < 0) return null
    const fault = this.faults[index]!
    const left = (fault.times ?? 1) - 1
    if (left <= 0) this.faults.splice(index, 1)
    else fault.times = left
    return fault
  }

  private wait(ms: number): Promise<void> {
    return new Promise(resolve => {
      const timer = setTimeout(() => {
        this.pending.delete(timer)
        resolve()
      }, ms)
      this.pending.add(timer)
    })
  }

  private fail(res: ServerResponse, fault: Fault): void {
    if (res.destroyed) return
    this.send(
      res,
      fault.status ?? 502,
      { message: fault.message ?? 'Server Error' },
      fault.headers ?? {}
    )
  }

  private send(
    res: ServerResponse,
    status: number,
    data: unknown,
    headers: Record<string, string> = {}
  ): void {
    if (res.destroyed) return
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(JSON.stringify(data))
  }

  private route(
    method: string,
    url: URL,
    body: unknown
  ): [number, unknown, Record<string, string>?] {
    const path = url.pathname
    let m: RegExpMatchArray | null
    if (method === 'GET' && path === '/user') {
      if (this.user === null) return [403, { message: 'Resource not accessible by integration' }]
      return [200, this.user]
    }
    if ((m = path.match(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/)) && method === 'GET') {
      if (this.prHead === null) return [404, { message: 'Not Found' }]
      return [200, { number: Number(m[1]), state: 'open', head: { sha: this.prHead } }]
    }
    if (/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/.test(path) && method === 'GET') {
      if (this.prHead === null) return [404, { message: 'Not Found' }]
      return this.page(url, this.prFiles.slice(0, 3000))
    }
    if (/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path)) {
      if (this.prHead === null) return [404, { message: 'Not Found' }]
      if (method === 'GET') return this.page(url, this.comments)
      if (method === 'POST') {
        if (this.readOnly) return [403, { message: 'Resource not accessible by integration' }]
        const text = String((body as { body?: unknown } | null)?.body ?? '')
        if (text.length > 65536)
          return [
            422,
            { message: 'Validation Failed: body is too long (maximum is 65536 characters)' }
          ]
        return [201, this.addComment(text, this.user ?? ACTIONS_BOT)]
      }
    }
    if (/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/(reviews|comments)$/.test(path))
      return this.reviewRoute(method, url, body)
    if ((m = path.match(/^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs$/)) && method === 'POST')
      return this.uploadSarif(path, m[1]!, m[2]!, body)
    if (
      (m = path.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/)) &&
      method === 'PATCH'
    ) {
      if (this.readOnly) return [403, { message: 'Resource not accessible by integration' }]
      const comment = this.comments.find(c => c.id === Number(m![1]))
      if (!comment) return [404, { message: 'Not Found' }]
      comment.body = String((body as { body?: unknown } | null)?.body ?? '')
      return [200, comment]
    }
    return [404, { message: `Not Found: ${method} ${path}` }]
  }

  /** Reviews and review comments of the pull request (fake-reviews.ts). */
  private reviewRoute(
    method: string,
    url: URL,
    body: unknown
  ): [number, unknown, Record<string, string>?] {
    const path = url.pathname
    if (this.prHead === null) return [404, { message: 'Not Found' }]
    if (method === 'GET' && path.endsWith('/reviews'))
      return this.page(url, this.reviews.listReviews(path))
    if (method === 'GET') return this.page(url, this.reviews.listComments(path))
    if (method !== 'POST' || !path.endsWith('/reviews'))
      return [404, { message: `Not Found: ${method} ${path}` }]
    if (this.readOnly) return [403, { message: 'Resource not accessible by integration' }]
    return this.reviews.create(path, body, this.user ?? ACTIONS_BOT, this.prFiles)
  }

  /** `POST /repos/{owner}/{repo}/code-scanning/sarifs`, as GitHub answers it. */
  private uploadSarif(
    path: string,
    owner: string,
    repo: string,
    body: unknown
  ): [number, unknown, Record<string, string>?] {
    if (this.readOnly) return [403, { message: 'Resource not accessible by integration' }]
    const errors = uploadBodyErrors(body)
    if (errors !== null) {
      this.invalidRequests.push({ path, body, errors })
      return [422, { message: `Invalid request. ${errors}` }]
    }
    const fields = body as Record<string, unknown>
    let sarif: unknown
    try {
      sarif = JSON.parse(gunzipSync(Buffer.from(String(fields.sarif), 'base64')).toString('utf8'))
    } catch (error) {
      this.invalidRequests.push({ path, body, errors: `sarif: ${(error as Error).message}` })
      return [400, { message: 'Bad Request: the sarif field is not gzipped, base64-encoded JSON' }]
    }
    const id = `47177e22-5596-11eb-80a1-${String(this.sarifUploads.length + 1).padStart(12, '0')}`
    this.sarifUploads.push({ id, owner, repo, body: fields, sarif })
    const receipt = { id, url: `${this.url}/repos/${owner}/${repo}/code-scanning/sarifs/${id}` }
    if (!validateUploadReceipt(receipt)) throw new Error('the fake answers an invalid receipt')
    return [202, receipt]
  }

  /** GitHub-style pagination: `per_page` and `page`, with a `Link` header to the next page. */
  private page(url: URL, items: unknown[]): [number, unknown, Record<string, string>] {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
    const page = Number(url.searchParams.get('page') ?? 1)
    const slice = items.slice((page - 1) * perPage, page * perPage)
    const headers: Record<string, string> = {}
    if (page * perPage < items.length) {
      const next = new URL(url)
      next.searchParams.set('page', String(page + 1))
      headers.link = `<${this.url}${next.pathname}${next.search}>; rel="next"`
    }
    return [200, slice, headers]
  }
}
