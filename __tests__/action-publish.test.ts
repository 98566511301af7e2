/**
 * The action's GitHub calls and publishing policy, against fake API objects (no network).
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GitHubApi } from '../src/publish/api.js'
import { describeApiError } from '../src/publish/github-api.js'
import { getInputs, InputError, splitPathList } from '../src/publish/inputs.js'
import { classifyFailure, requestedWait, withRetry } from '../src/publish/retry.js'
import { listPullRequestFiles, TooManyFilesError } from '../src/publish/pull-request-files.js'
import { ACTIONS_BOT, resolveIdentity } from '../src/publish/identity.js'
import { findStickyComment } from '../src/publish/find-comment.js'
import { describeCommentFailure, publishStickyComment } from '../src/publish/sticky-comment.js'
import { planAnnotations } from '../src/publish/annotations.js'
import { readRunContext, EventError } from '../src/publish/event.js'
import { commentMarker } from '../src/comment-marker.js'
import type { DatasetReport, Finding, GateReport } from '../src/model.js'

// ---------------------------------------------------------------------------------------------
// A scripted API: one handler per route; a handler returns the response data or throws.
// ---------------------------------------------------------------------------------------------

type Handler = (params: Record<string, unknown>) => unknown

function fakeApi(routes: Record<string, Handler>) {
  const calls: { route: string; params: Record<string, unknown> }[] = []
  const api: GitHubApi & { calls: typeof calls; count(route: string): number } = {
    calls,
    count: route => calls.filter(c => c.route === route).length,
    async request(route, params = {}) {
      calls.push({ route, params })
      const handler = routes[route]
      if (!handler) throw httpError(404, `no route ${route}`)
      return { status: 200, headers: {}, data: await handler(params) }
    }
  }
  return api
}

function httpError(
  status: number | null,
  message = 'failed',
  headers: Record<string, string> = {}
) {
  return Object.assign(new Error(message), status === null ? {} : { status, response: { headers } })
}

/** Answers from a list in turn; the last entry repeats. Errors in the list are thrown. */
function sequence(...answers: unknown[]): Handler {
  let i = 0
  return () => {
    const answer = answers[Math.min(i++, answers.length - 1)]
    if (answer instanceof Error) throw answer
    return answer
  }
}

const noSleep = { sleep: async () => undefined, random: () => 0.5, log: () => undefined }

const OWNER = { owner: 'octo', repo: 'videos', number: 7 }
const HEAD = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const ROUTES = {
  user: 'GET /user',
  comments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  create: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  update: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  pull: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  files: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'
}

// ---------------------------------------------------------------------------------------------

describe('getInputs', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? ''

  it('applies the defaults of action.yml when inputs are empty', () => {
    expect(getInputs(read({}))).toEqual({
      paths: [],
      config: '.github/dataset-gate.yml',
      changedOnly: true,
      failOn: undefined,
      comment: 'always',
      commentKey: 'dataset-gate',
      annotations: true,
      compareBase: true,
      reportFile: undefined,
      sarifFile: undefined,
      codeScanning: 'off',
      suggestions: true,
      // Unset: the configuration's storage settings apply.
      verifyUris: undefined,
      probeDurations: undefined,
      githubToken: ''
    })
  })

  it('splits paths on newlines and commas and parses YAML booleans', () => {
    const inputs = getInputs(
      read({
        paths: 'data/a/*.csv, data/b/*.csv\n\n  data/c.csv  ',
        'changed-only': 'False',
        annotations: 'FALSE',
        'compare-base': 'true',
        'fail-on': 'new',
        comment: 'on-failure',
        'comment-key': 'kinetics.gate',
        config: './cfg/gate.yml',
        'report-file': 'out/report.json',
        'github-token': 'ghs_x'
      })
    )
    expect(inputs).toMatchObject({
      paths: ['data/a/*.csv', 'data/b/*.csv', 'data/c.csv'],
      changedOnly: false,
      annotations: false,
      compareBase: true,
      failOn: 'new',
      comment: 'on-failure',
      commentKey: 'kinetics.gate',
      config: 'cfg/gate.yml',
      reportFile: 'out/report.json'
    })
  })

  it('keeps commas inside braces and brackets: they belong to the glob', () => {
    expect(getInputs(read({ paths: 'data/**/*.{csv,jsonl}' })).paths).toEqual([
      'data/**/*.{csv,jsonl}'
    ])
    expect(splitPathList('a/*.{csv,jsonl}, b/[a,b]*.csv,c.csv\r\n{x,y}/{p,{q,r}}.csv')).toEqual([
      'a/*.{csv,jsonl}',
      'b/[a,b]*.csv',
      'c.csv',
      '{x,y}/{p,{q,r}}.csv'
    ])
    // A brace left open ends with its line; a stray closer does not swallow later commas.
    expect(splitPathList('a/{b,c\nd.csv, e.csv')).toEqual(['a/{b,c', 'd.csv', 'e.csv'])
    expect(splitPathList('a}.csv,b.csv')).toEqual(['a}.csv', 'b.csv'])
    expect(splitPathList(' ,\n\n , ')).toEqual([])
  })

  it.each([
    [
      { 'fail-on': 'errors' },
      'Input `fail-on` must be one of error, warning, never, new (got "errors").'
    ],
    [
      { comment: 'sometimes' },
      'Input `comment` must be one of always, on-failure, never (got "sometimes").'
    ],
    [{ 'changed-only': 'yes' }, 'Input `changed-only` must be true or false (got "yes").'],
    [
      { config: '../other/gate.yml' },
      'Input `config` must be a path inside the repository (got "../other/gate.yml").'
    ],
    [{ 'comment-key': 'a b' }, 'Input `comment-key` must be up to 100 letters']
  ])('refuses %j with one line naming the input', (values, message) => {
    expect(() => getInputs(read(values))).toThrow(InputError)
    expect(() => getInputs(read(values))).toThrow(message)
  })
})

describe('withRetry', () => {
  it('retries a GET after a 5xx with exponential backoff', async () => {
    const waits: number[] = []
    const api = fakeApi({
      [ROUTES.user]: sequence(httpError(502), httpError(503), { login: 'me' })
    })
    const retrying = withRetry(api, { ...noSleep, sleep: async ms => void waits.push(ms) })
    await expect(retrying.request(ROUTES.user)).resolves.toMatchObject({ data: { login: 'me' } })
    expect(api.count(ROUTES.user)).toBe(3)
    expect(waits).toEqual([1000, 2000])
  })

  it('gives up after the configured number of tries', async () => {
    const api = fakeApi({ [ROUTES.user]: sequence(httpError(500, 'boom')) })
    await expect(withRetry(api, noSleep).request(ROUTES.user)).rejects.toThrow('boom')
    expect(api.count(ROUTES.user)).toBe(4)
  })

  it('does not repeat a POST after a 5xx (it may have succeeded)', async () => {
    const api = fakeApi({ [ROUTES.create]: sequence(httpError(502)) })
    await expect(
      withRetry(api, noSleep).request(ROUTES.create, { body: 'x' })
    ).rejects.toMatchObject({ status: 502 })
    expect(api.count(ROUTES.create)).toBe(1)
  })

  it('repeats any method after a rate limit, waiting as long as the server asks', async () => {
    const waits: number[] = []
    const api = fakeApi({
      [ROUTES.create]: sequence(httpError(429, 'slow down', { 'retry-after': '3' }), { id: 1 })
    })
    const retrying = withRetry(api, { ...noSleep, sleep: async ms => void waits.push(ms) })
    await expect(retrying.request(ROUTES.create, { body: 'x' })).resolves.toMatchObject({
      data: { id: 1 }
    })
    expect(waits).toEqual([3000])
  })

  it('honours x-ratelimit-reset on a 403 rate limit, and does not retry a permission 403', async () => {
    const now = 1_700_000_000_000
    const limited = httpError(403, 'API rate limit exceeded', {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(now / 1000 + 5)
    })
    expect(classifyFailure(limited)).toBe('rate-limit')
    expect(requestedWait(limited, now)).toBe(6000)
    expect(classifyFailure(httpError(403, 'Resource not accessible by integration'))).toBe('final')
    expect(classifyFailure(httpError(403, 'You have exceeded a secondary rate limit'))).toBe(
      'rate-limit'
    )
    expect(classifyFailure(httpError(null, 'socket hang up'))).toBe('server')
    expect(classifyFailure(httpError(404))).toBe('final')

    const api = fakeApi({
      [ROUTES.update]: sequence(httpError(403, 'Resource not accessible by integration'))
    })
    await expect(withRetry(api, noSleep).request(ROUTES.update)).rejects.toMatchObject({
      status: 403
    })
    expect(api.count(ROUTES.update)).toBe(1)
  })

  it('does not wait for a rate limit that resets later than it is willing to wait', async () => {
    const now = Date.now()
    const api = fakeApi({
      [ROUTES.user]: sequence(
        httpError(403, 'API rate limit exceeded', {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(now / 1000) + 3600)
        })
      )
    })
    await expect(
      withRetry(api, { ...noSleep, now: () => now }).request(ROUTES.user)
    ).rejects.toThrow(
      /API rate limit exceeded \(GitHub asks to wait 36\d\d s; not waiting that long\)/
    )
    expect(api.count(ROUTES.user)).toBe(1)
  })

  it('times out a hanging request and retries it when the method is safe to repeat', async () => {
    let calls = 0
    const api: GitHubApi = {
      request: (_route, params) => {
        calls++
        if (calls === 1) {
          const signal = (params?.request as { signal: AbortSignal }).signal
          return new Promise((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error('aborted')))
          )
        }
        return Promise.resolve({ status: 200, headers: {}, data: 'ok' })
      }
    }
    const result = await withRetry(api, { ...noSleep, timeoutMs: 20 }).request(ROUTES.user)
    expect(result.data).toBe('ok')
    expect(calls).toBe(2)

    const hanging: GitHubApi = { request: () => new Promise(() => undefined) }
    await expect(
      withRetry(hanging, { ...noSleep, timeoutMs: 20 }).request(ROUTES.create)
    ).rejects.toThrow('timed out after 0 s')
  })
})

describe('listPullRequestFiles', () => {
  const files = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => ({ filename: `data/f${from + i}.csv`, status: 'modified' }))

  it('reads every page and keeps both names of a rename', async () => {
    const pages = [
      files(100),
      files(100, 100),
      [...files(49, 200), { filename: 'new/x.csv', previous_filename: 'old/x.csv' }]
    ]
    const api = fakeApi({ [ROUTES.files]: params => pages[(params.page as number) - 1] ?? [] })
    const listed = await listPullRequestFiles(api, OWNER, 250)
    expect(listed.size).toBe(251)
    expect(listed.has('old/x.csv') && listed.has('new/x.csv') && listed.has('data/f248.csv')).toBe(
      true
    )
    expect(api.calls.map(c => c.params.page)).toEqual([1, 2, 3])
    expect(api.calls[0]!.params).toMatchObject({
      owner: 'octo',
      repo: 'videos',
      pull_number: 7,
      per_page: 100
    })
  })

  it('fails clearly past the API cap of 3000 files', async () => {
    const api = fakeApi({ [ROUTES.files]: () => files(100) })
    await expect(listPullRequestFiles(api, OWNER, 3001)).rejects.toThrow(TooManyFilesError)
    expect(api.calls).toHaveLength(0)
    await expect(listPullRequestFiles(api, OWNER, null)).rejects.toThrow(
      /GitHub's API lists at most 3000 files .* Set `changed-only: false` to gate every dataset\./
    )
    expect(api.calls).toHaveLength(30)
    await expect(
      listPullRequestFiles(fakeApi({ [ROUTES.files]: () => files(100) }), OWNER, 3000)
    ).resolves.toHaveProperty('size', 100)
  })

  it('names the permission a 403 lacks', async () => {
    const api = fakeApi({
      [ROUTES.files]: sequence(httpError(403, 'Resource not accessible by integration'))
    })
    await expect(listPullRequestFiles(api, OWNER)).rejects.toThrow(
      "Could not list the pull request's files (HTTP 403: Resource not accessible by integration). The workflow must grant the token `pull-requests: read`"
    )
  })
})

describe('resolveIdentity', () => {
  it('is the token user for a personal access token', async () => {
    const api = fakeApi({ [ROUTES.user]: () => ({ login: 'octocat', type: 'User', id: 1 }) })
    await expect(resolveIdentity(api)).resolves.toEqual({ login: 'octocat', type: 'User' })
  })

  it('is github-actions[bot] when GET /user is refused (the Actions token)', async () => {
    const api = fakeApi({
      [ROUTES.user]: sequence(httpError(403, 'Resource not accessible by integration'))
    })
    await expect(resolveIdentity(api)).resolves.toEqual(ACTIONS_BOT)
  })

  it('does not guess on other failures', async () => {
    const api = fakeApi({ [ROUTES.user]: sequence(httpError(500)) })
    await expect(resolveIdentity(api)).rejects.toMatchObject({ status: 500 })
  })
})

// ---------------------------------------------------------------------------------------------
// The sticky comment
// ---------------------------------------------------------------------------------------------

interface StoredComment {
  id: number
  body: string
  user: { login: string; type: string }
}

/** A comment store behind the API, like the real one: listing, creating, editing, PR head. */
function commentStore(
  initial: StoredComment[] = [],
  options: { user?: { login: string; type: string }; prHead?: string } = {}
) {
  const comments = [...initial]
  let nextId = 500
  const self = options.user ?? ACTIONS_BOT
  const api = fakeApi({
    [ROUTES.user]: () => {
      if (!options.user) throw httpError(403, 'Resource not accessible by integration')
      return options.user
    },
    [ROUTES.comments]: params => {
      const page = params.page as number
      return comments.slice((page - 1) * 100, page * 100)
    },
    [ROUTES.create]: params => {
      const comment = { id: nextId++, body: params.body as string, user: self }
      comments.push(comment)
      return comment
    },
    [ROUTES.update]: params => {
      const comment = comments.find(c => c.id === params.comment_id)!
      comment.body = params.body as string
      return comment
    },
    [ROUTES.pull]: () => ({ head: { sha: options.prHead ?? HEAD } })
  })
  return { api, comments }
}

const KEY = 'dataset-gate'
const body = (sha: string, text: string) => `${commentMarker(KEY, sha)}\n\n${text}`
const request = (over: Partial<Parameters<typeof publishStickyComment>[1]> = {}) => ({
  target: OWNER,
  key: KEY,
  headSha: HEAD,
  body: body(HEAD, 'result'),
  mode: 'always' as const,
  passed: false,
  ...over
})
const human = { login: 'octocat', type: 'User' }

describe('findStickyComment', () => {
  it('matches the marker and our own identity only, across pages', async () => {
    const filler = Array.from({ length: 150 }, (_, i) => ({
      id: i + 1,
      body: `chatter ${i}`,
      user: human
    }))
    const { api } = commentStore([
      ...filler,
      { id: 900, body: body(OTHER, 'copied by a person'), user: human },
      { id: 901, body: `${commentMarker('other-key', OTHER)}\n\nanother gate`, user: ACTIONS_BOT },
      { id: 904, body: `Quoting:\n${body(OTHER, 'not at the start')}`, user: ACTIONS_BOT },
      { id: 902, body: body(OTHER, 'ours'), user: ACTIONS_BOT },
      { id: 903, body: body(HEAD, 'a duplicate from a race'), user: ACTIONS_BOT }
    ])
    await expect(findStickyComment(api, OWNER, KEY, ACTIONS_BOT)).resolves.toEqual({
      id: 902,
      body: body(OTHER, 'ours'),
      recordedHead: OTHER
    })
    expect(api.count(ROUTES.comments)).toBe(2)
    await expect(
      findStickyComment(api, OWNER, KEY, { login: 'someone', type: 'User' })
    ).resolves.toBeNull()
  })
})

describe('publishStickyComment', () => {
  it('creates the comment when there is none', async () => {
    const { api, comments } = commentStore([{ id: 1, body: 'LGTM', user: human }])
    await expect(publishStickyComment(api, request())).resolves.toEqual({
      action: 'created',
      id: 500
    })
    expect(comments.map(c => c.id)).toEqual([1, 500])
  })

  it('updates our comment in place, and skips the edit when nothing changed', async () => {
    const { api, comments } = commentStore([
      { id: 3, body: body(HEAD, 'old result'), user: ACTIONS_BOT }
    ])
    await expect(publishStickyComment(api, request())).resolves.toEqual({
      action: 'updated',
      id: 3
    })
    expect(comments[0]!.body).toBe(body(HEAD, 'result'))
    await expect(publishStickyComment(api, request())).resolves.toEqual({
      action: 'unchanged',
      id: 3
    })
    expect(api.count(ROUTES.update)).toBe(1)
    expect(api.count(ROUTES.create)).toBe(0)
    expect(api.count(ROUTES.pull)).toBe(0)
  })

  it('finds comments of a personal access token by its login', async () => {
    const { api, comments } = commentStore([{ id: 3, body: body(HEAD, 'old'), user: human }], {
      user: human
    })
    await expect(publishStickyComment(api, request())).resolves.toEqual({
      action: 'updated',
      id: 3
    })
    expect(comments).toHaveLength(1)
  })

  it('leaves the comment to a newer run when the pull request has moved on', async () => {
    const newer = 'c'.repeat(40)
    const { api, comments } = commentStore(
      [{ id: 3, body: body(newer, 'newer result'), user: ACTIONS_BOT }],
      {
        prHead: newer
      }
    )
    const outcome = await publishStickyComment(api, request())
    expect(outcome).toEqual({
      action: 'skipped',
      reason:
        "the pull request has moved on to ccccccc since this run's aaaaaaa; the comment is left to the newer run"
    })
    expect(comments[0]!.body).toBe(body(newer, 'newer result'))
  })

  it('overwrites a comment about an older commit when this run is for the current head', async () => {
    const { api } = commentStore(
      [{ id: 3, body: body(OTHER, 'older result'), user: ACTIONS_BOT }],
      { prHead: HEAD }
    )
    await expect(publishStickyComment(api, request())).resolves.toEqual({
      action: 'updated',
      id: 3
    })
    expect(api.count(ROUTES.pull)).toBe(1)
  })

  it('on-failure: no new comment for a pass, but an existing one is brought up to date', async () => {
    const none = commentStore()
    await expect(
      publishStickyComment(none.api, request({ mode: 'on-failure', passed: true }))
    ).resolves.toMatchObject({
      action: 'skipped'
    })
    expect(none.comments).toHaveLength(0)
    await expect(
      publishStickyComment(none.api, request({ mode: 'on-failure', passed: false }))
    ).resolves.toMatchObject({
      action: 'created'
    })

    const existing = commentStore([{ id: 3, body: body(HEAD, 'failed before'), user: ACTIONS_BOT }])
    await expect(
      publishStickyComment(
        existing.api,
        request({ mode: 'on-failure', passed: true, body: body(HEAD, 'passes now') })
      )
    ).resolves.toEqual({ action: 'updated', id: 3 })
    expect(existing.comments[0]!.body).toContain('passes now')
  })

  it('does not create a second comment when a POST that failed had in fact landed', async () => {
    const store = commentStore()
    const create = store.api.request.bind(store.api)
    let posts = 0
    const api: GitHubApi = {
      async request(route, params) {
        const response = await create(route, params)
        if (route === ROUTES.create && posts++ === 0) throw httpError(502, 'Bad Gateway')
        return response
      }
    }
    await expect(publishStickyComment(api, request())).resolves.toEqual({
      action: 'created',
      id: 500
    })
    expect(store.comments).toHaveLength(1)
    expect(posts).toBe(1)
  })

  it('posts once more when a failed POST did not land, and never a third time', async () => {
    const store = commentStore()
    const api = fakeApi({
      [ROUTES.user]: sequence(httpError(403)),
      [ROUTES.comments]: () => store.comments,
      [ROUTES.create]: sequence(httpError(null, 'socket hang up'), { id: 77 }, { id: 78 })
    })
    await expect(publishStickyComment(api, request())).resolves.toEqual({
      action: 'created',
      id: 77
    })
    expect(api.count(ROUTES.create)).toBe(2)

    const failing = fakeApi({
      [ROUTES.user]: sequence(httpError(403)),
      [ROUTES.comments]: () => [],
      [ROUTES.create]: sequence(httpError(503))
    })
    await expect(publishStickyComment(failing, request())).rejects.toMatchObject({ status: 503 })
    expect(failing.count(ROUTES.create)).toBe(2)
  })

  it('does not retry a refused POST, and explains the refusal', async () => {
    const api = fakeApi({
      [ROUTES.user]: sequence(httpError(403)),
      [ROUTES.comments]: () => [],
      [ROUTES.create]: sequence(httpError(403, 'Resource not accessible by integration'))
    })
    const error = await publishStickyComment(api, request()).catch((e: unknown) => e)
    expect(api.count(ROUTES.create)).toBe(1)
    expect(describeCommentFailure(error)).toBe(
      'Could not write the pull request comment (HTTP 403: Resource not accessible by integration). The workflow must grant the token `pull-requests: write` (under `permissions:`). Pull requests from forks get a read-only token; see the README.'
    )
    expect(describeCommentFailure(httpError(404, 'Not Found'))).toContain('no longer exists')
    expect(describeCommentFailure(httpError(422, 'Validation Failed'))).toContain('may be too long')
    expect(
      describeApiError(httpError(500, 'oops - https://docs.github.com/rest'), 'do it', 'x: y')
    ).toBe('Could not do it (HTTP 500: oops).')
  })
})

// ---------------------------------------------------------------------------------------------
// Annotations, outputs, event
// ---------------------------------------------------------------------------------------------

function finding(over: Partial<Finding>): Finding {
  return {
    rule: 'row-shape',
    severity: 'error',
    message: 'm',
    file: 'a.csv',
    line: 1,
    split: null,
    class: null,
    ...over
  }
}

function reportOf(datasets: { name: string; findings: Finding[] }[]): GateReport {
  return {
    schemaVersion: 1,
    passed: false,
    failOn: 'error',
    counts: { error: 0, warning: 0, notice: 0 },
    notes: [],
    datasets: datasets.map(d => ({ ...d, findings: d.findings }) as unknown as DatasetReport)
  }
}

describe('planAnnotations', () => {
  it('puts new findings first, alternates rules, keeps one slot per kind, and counts the rest', () => {
    const rows = Array.from({ length: 20 }, (_, i) =>
      finding({ line: i + 1, message: `row ${i + 1}` })
    )
    const leak = finding({ rule: 'video-leakage', file: null, line: null, message: 'leak' })
    const old = finding({
      rule: 'min-per-class',
      file: null,
      line: null,
      message: 'old',
      onBase: true
    })
    const warnings = [
      finding({ severity: 'warning', rule: 'duplicate-row', line: 3, message: 'dup' })
    ]
    const plan = planAnnotations(
      reportOf([{ name: 'd', findings: [old, ...rows, leak, ...warnings] }])
    )
    const errors = plan.annotations.filter(a => a.severity === 'error')
    expect(errors).toHaveLength(9)
    expect(errors.map(a => a.message)).toEqual([
      'row 1',
      'leak',
      'row 2',
      'row 3',
      'row 4',
      'row 5',
      'row 6',
      'row 7',
      'row 8'
    ])
    expect(errors[0]!.properties).toEqual({
      title: 'dataset-gate: row-shape',
      file: 'a.csv',
      startLine: 1
    })
    expect(errors[1]!.properties).toEqual({ title: 'dataset-gate: video-leakage' })
    expect(plan.omitted).toBe(13)
    expect(plan.annotations.at(-1)).toEqual({
      severity: 'notice',
      message:
        '13 more findings are not annotated (GitHub shows 10 per kind and step); the job summary and the JSON report list every finding.',
      properties: { title: 'dataset-gate' }
    })
    expect(plan.annotations.filter(a => a.severity === 'warning').map(a => a.message)).toEqual([
      'dup'
    ])
  })

  it('counts findings the report left out (max-findings-per-rule) among those not annotated', () => {
    const report = reportOf([{ name: 'd', findings: [finding({})] }])
    report.counts = { error: 5000, warning: 0, notice: 0 }
    const plan = planAnnotations(report)
    expect(plan.omitted).toBe(4999)
    expect(plan.annotations.at(-1)!.message).toMatch(/^4999 more findings are not annotated/)
  })

  it('names the dataset when there are several, and marks findings already on the base', () => {
    const plan = planAnnotations(
      reportOf([
        { name: 'ucf', findings: [finding({ onBase: true })] },
        { name: 'k400', findings: [] }
      ])
    )
    expect(plan).toEqual({
      annotations: [
        {
          severity: 'error',
          message: '[ucf] m',
          properties: {
            title: 'dataset-gate: row-shape (also on base)',
            file: 'a.csv',
            startLine: 1
          }
        }
      ],
      omitted: 0
    })
  })
})

describe('readRunContext', () => {
  const events = join(import.meta.dirname, 'fixtures', 'events')

  it('reads the pull request from a pull_request payload', () => {
    const context = readRunContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(events, 'pull_request.json'),
      GITHUB_REPOSITORY: 'octo-org/videos',
      GITHUB_WORKSPACE: '/ws',
      GITHUB_RUN_ID: '42',
      RUNNER_TEMP: '/tmp/r'
    })
    expect(context).toEqual({
      eventName: 'pull_request',
      owner: 'octo-org',
      repo: 'videos',
      workspace: '/ws',
      sha: '',
      pullRequest: {
        number: 7,
        headSha: '2222222222222222222222222222222222222222',
        baseSha: '1111111111111111111111111111111111111111',
        baseRef: 'main',
        changedFiles: 2
      },
      runUrl: 'https://github.com/octo-org/videos/actions/runs/42',
      // GITHUB_ACTION_REPOSITORY unset (a local `uses: ./`): the repository itself.
      actionHome: 'https://github.com/octo-org/videos',
      tempDir: '/tmp/r'
    })
  })

  it('has no pull request on a push, and refuses a pull_request payload without one', () => {
    const push = readRunContext({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: join(events, 'push.json'),
      GITHUB_REPOSITORY: 'octo-org/videos'
    })
    expect(push.pullRequest).toBeNull()
    const dir = mkdtempSync(join(tmpdir(), 'event-'))
    writeFileSync(join(dir, 'e.json'), readFileSync(join(events, 'push.json')))
    expect(() =>
      readRunContext({
        GITHUB_EVENT_NAME: 'pull_request_target',
        GITHUB_EVENT_PATH: join(dir, 'e.json')
      })
    ).toThrow(EventError)
  })
})
