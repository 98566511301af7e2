/**
 * The bundled action (dist/index.js) run exactly as the runner runs it: `node dist/index.js` with
 * the inputs as INPUT_<NAME> variables (defaults from action.yml, like the runner fills them in),
 * a real-shaped pull_request payload, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, a workspace that is
 * a shallow clone of a small dataset repository (as actions/checkout leaves it), and the GitHub API
 * played by a local fake server.
 *
 * Skipped, with a message, when dist/index.js has not been built (`npm run bundle`).
 * Set UPDATE_GOLDEN=1 to rewrite __tests__/golden/comment-e2e.md after an intended change.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { FakeGitHub } from './helpers/fake-github.js'
import { git, write } from './fixtures/hostile/action-run.js'

const ROOT = join(import.meta.dirname, '..')
const BUNDLE = join(process.env.DATASET_GATE_DIST || join(ROOT, 'dist'), 'index.js')
const GOLDEN = join(ROOT, '__tests__', 'golden', 'comment-e2e.md')
const TOKEN = 'ghs_e2eFakeToken0000000000000000000000'
const REPOSITORY = 'octo-org/videos'

// ---------------------------------------------------------------------------------------------
// The dataset: an AutoML index with TRAIN and TEST files, two classes.
// ---------------------------------------------------------------------------------------------

const rows = (prefix: string, label: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `gs://demo-bucket/videos/${prefix}_${String(i + 1).padStart(2, '0')}.mp4,${label},0,4.5`
  )

const INDEX = 'TRAIN,gs://demo-bucket/data/train.csv\nTEST,gs://demo-bucket/data/test.csv\n'
const BASE_TRAIN = [...rows('cat', 'cat', 12), ...rows('dog', 'dog', 12)]
const BASE_TEST = [...rows('cat_t', 'cat', 3), ...rows('dog_t', 'dog', 3)]
const CONFIG = 'fail-on: error\nrules:\n  recommended-per-class: { min: 10 }\n'
/** The pull request: moves a test video into TRAIN and adds a segment that ends before it starts. */
const HEAD_TRAIN = [
  ...BASE_TRAIN,
  'gs://demo-bucket/videos/cat_t_01.mp4,cat,0,4.5',
  'gs://demo-bucket/videos/dog_13.mp4,dog,7.5,2.0'
]
const HEAD_TEST = BASE_TEST.slice(1)
const BAD_LINE = HEAD_TRAIN.length

interface Repo {
  origin: string
  baseSha: string
  headSha: string
}

function makeOrigin(dir: string, headFiles: Record<string, string>): Repo {
  const origin = join(dir, 'origin')
  mkdirSync(origin, { recursive: true })
  git(origin, 'init', '-q', '-b', 'main')
  write(origin, 'data/index.csv', INDEX)
  write(origin, 'data/train.csv', BASE_TRAIN.join('\n') + '\n')
  write(origin, 'data/test.csv', BASE_TEST.join('\n') + '\n')
  write(origin, '.github/dataset-gate.yml', CONFIG)
  write(origin, 'README.md', '# videos\n')
  git(origin, 'add', '-A')
  git(origin, 'commit', '-q', '-m', 'Base dataset')
  const baseSha = git(origin, 'rev-parse', 'HEAD')
  git(origin, 'checkout', '-q', '-b', 'more-kayaking')
  for (const [path, text] of Object.entries(headFiles)) write(origin, path, text)
  git(origin, 'commit', '-q', '-am', 'Move a clip and add one')
  const headSha = git(origin, 'rev-parse', 'HEAD')
  return { origin, baseSha, headSha }
}

const PR_FILES = {
  'data/train.csv': HEAD_TRAIN.join('\n') + '\n',
  'data/test.csv': HEAD_TEST.join('\n') + '\n'
}

// ---------------------------------------------------------------------------------------------
// Running the bundle like the runner
// ---------------------------------------------------------------------------------------------

/** INPUT_<NAME> as the runner names it: upper case, spaces to underscores, hyphens kept. */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Every input with a default in action.yml, as the runner passes them, then the test's own. */
function inputsEnv(overrides: Record<string, string>): Record<string, string> {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const env: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs)) {
    const value = input.default === '${{ github.token }}' ? TOKEN : (input.default ?? '')
    env[inputVariable(name)] = value
  }
  for (const [name, value] of Object.entries(overrides)) env[inputVariable(name)] = value
  return env
}

interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

interface Workspace {
  dir: string
  workspace: string
  repo: Repo
  eventPath: string
}

/** A fresh shallow clone of the PR head, as actions/checkout makes it, and its event payload. */
function checkout(dir: string, repo: Repo): Workspace {
  const workspace = join(dir, `ws-${Math.random().toString(36).slice(2)}`)
  git(
    dir,
    'clone',
    '-q',
    '--depth=1',
    '--branch',
    'more-kayaking',
    `file://${repo.origin}`,
    workspace
  )
  const payload = JSON.parse(
    readFileSync(join(ROOT, '__tests__', 'fixtures', 'events', 'pull_request.json'), 'utf8')
  )
  payload.pull_request.head.sha = repo.headSha
  payload.pull_request.base.sha = repo.baseSha
  payload.pull_request.changed_files = Object.keys(PR_FILES).length
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(payload, null, 2))
  return { dir, workspace, repo, eventPath }
}

async function runAction(
  ws: Workspace,
  api: FakeGitHub,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<RunResult> {
  const runDir = mkdtempSync(join(ws.dir, 'run-'))
  const outputFile = join(runDir, 'output')
  const summaryFile = join(runDir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const fullEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: ws.eventPath,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    GITHUB_SHA: ws.repo.headSha,
    GITHUB_WORKSPACE: ws.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runDir,
    ...inputsEnv(inputs),
    ...env
  }
  const child = spawn(process.execPath, [BUNDLE], { cwd: ws.workspace, env: fullEnv })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8')
  }
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIMITER\nvalue\nDELIMITER\n`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!
  return outputs
}

function commentWrites(api: FakeGitHub) {
  return {
    posts: api.requestsTo('POST', /\/issues\/7\/comments$/).length,
    patches: api.requestsTo('PATCH', /\/issues\/comments\/\d+$/).length
  }
}

/** The comment with the commit SHAs replaced by placeholders (they depend on git's objects only). */
function normalized(body: string, repo: Repo): string {
  return body
    .replaceAll(repo.headSha, '<head-sha>')
    .replaceAll(repo.baseSha, '<base-sha>')
    .replaceAll(repo.headSha.slice(0, 7), '<head>')
    .replaceAll(repo.baseSha.slice(0, 7), '<base>')
}

// ---------------------------------------------------------------------------------------------

const bundled = existsSync(BUNDLE)
if (!bundled) {
  console.warn(
    'action-e2e: dist/index.js is missing; run `npm run bundle` to test the bundled action.'
  )
}

;(bundled ? describe : describe.skip)(
  'the bundled action (dist/index.js) on a pull request',
  () => {
    let dir: string
    let repo: Repo
    let ws: Workspace
    let api: FakeGitHub

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'action-e2e-'))
      repo = makeOrigin(dir, PR_FILES)
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    beforeEach(async () => {
      ws = checkout(dir, repo)
      api = await new FakeGitHub().start()
      api.prHead = repo.headSha
      api.prFiles = Object.keys(PR_FILES).map(filename => ({ filename, status: 'modified' }))
    })
    afterEach(() => api.stop())

    it('gates the touched dataset against the fetched base, comments once, then updates that comment', async () => {
      const first = await runAction(ws, api)
      expect(first.stderr).toBe('')
      expect(first.code).toBe(1)
      expect(first.stdout).toContain('::error::Dataset gate failed: ')
      expect(first.stdout).not.toMatch(/^\s+at /m)

      // One comment, created by the Actions token's identity, recording the head it describes.
      expect(api.comments).toHaveLength(1)
      const [comment] = api.comments
      expect(comment!.user.login).toBe('github-actions[bot]')
      expect(
        comment!.body.startsWith(`<!-- dataset-gate:dataset-gate head=${repo.headSha} -->`)
      ).toBe(true)
      expect(api.requests.every(r => r.authorization === `token ${TOKEN}`)).toBe(true)
      const body = normalized(comment!.body, repo)
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(dirname(GOLDEN), { recursive: true })
        writeFileSync(GOLDEN, body)
      }
      expect(body).toBe(readFileSync(GOLDEN, 'utf8'))

      // Outputs, JSON report (with the base comparison), job summary, annotations.
      expect(first.outputs).toMatchObject({ passed: 'false', datasets: '1' })
      expect(Number(first.outputs.errors)).toBeGreaterThanOrEqual(2)
      const report = JSON.parse(readFileSync(first.outputs['report-file']!, 'utf8'))
      expect(first.outputs['report-file']).toMatch(/dataset-gate-report\.json$/)
      expect(report.schemaVersion).toBe(1)
      const dataset = report.datasets[0]
      expect(dataset.delta.movedVideos).toEqual([
        { key: 'gs://demo-bucket/videos/cat_t_01.mp4', from: ['TEST'], to: ['TRAIN'] }
      ])
      expect(dataset.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: 'split-move', severity: 'error', onBase: false }),
          expect.objectContaining({
            rule: 'segment-invalid',
            file: 'data/train.csv',
            line: BAD_LINE
          })
        ])
      )
      expect(first.summary).toContain(`<!-- dataset-gate:dataset-gate head=${repo.headSha} -->`)
      expect(first.summary).toContain('Dataset gate failed')
      expect(first.stdout).toMatch(
        new RegExp(
          `^::error title=dataset-gate%3A segment-invalid,file=data/train.csv,line=${BAD_LINE}::`,
          'm'
        )
      )
      expect(first.stdout).toContain('::error title=dataset-gate%3A split-move::')
      expect(first.stdout).toContain(`Fetched the base commit ${repo.baseSha.slice(0, 7)}.`)

      // A re-run with the same result leaves the comment alone.
      const again = await runAction(ws, api)
      expect(again.code).toBe(1)
      expect(commentWrites(api)).toEqual({ posts: 1, patches: 0 })
      expect(again.stdout).toContain(`Pull request comment unchanged: #${comment!.id}.`)

      // A different result for the same head is written into the same comment.
      comment!.body = comment!.body.replace('failed', 'was stale')
      const third = await runAction(ws, api)
      expect(third.code).toBe(1)
      expect(commentWrites(api)).toEqual({ posts: 1, patches: 1 })
      expect(api.comments).toHaveLength(1)
      expect(normalized(api.comments[0]!.body, repo)).toBe(body)
    })

    it('lists the PR files and retries through 5xx answers', async () => {
      api.faults.push(
        { method: 'GET', path: /\/pulls\/7\/files$/, status: 502 },
        { method: 'GET', path: /\/issues\/7\/comments$/, status: 503, times: 2 }
      )
      const result = await runAction(ws, api)
      expect(result.code).toBe(1)
      expect(api.requestsTo('GET', /\/pulls\/7\/files$/)).toHaveLength(2)
      expect(api.requestsTo('GET', /\/issues\/7\/comments$/)).toHaveLength(3)
      expect(result.stdout).toMatch(/failed \(HTTP 502: Server Error\); retry 1 of 3 in \d\.\d s/)
      expect(api.comments).toHaveLength(1)
    })

    it('creates no second comment when a POST fails after it was carried out', async () => {
      api.faults.push({
        method: 'POST',
        path: /\/issues\/7\/comments$/,
        status: 502,
        afterHandling: true
      })
      const result = await runAction(ws, api)
      expect(result.code).toBe(1)
      expect(api.comments).toHaveLength(1)
      expect(commentWrites(api).posts).toBe(1)
      expect(result.stdout).toContain('Pull request comment created')
    })

    it('on a fork (read-only token) warns about the permission and keeps the verdict', async () => {
      api.readOnly = true
      const result = await runAction(ws, api)
      expect(result.code).toBe(1)
      expect(result.stdout).toContain(
        '::warning::Could not write the pull request comment (HTTP 403: Resource not accessible by integration). The workflow must grant the token `pull-requests: write`'
      )
      expect(result.stdout).toContain('::error::Dataset gate failed: ')
      expect(commentWrites(api).posts).toBe(1)
      expect(api.comments).toHaveLength(0)

      const passing = await runAction(ws, api, { 'fail-on': 'never' })
      expect(passing.code).toBe(0)
      expect(passing.outputs.passed).toBe('true')
      expect(passing.stdout).toContain(
        '::warning::Could not write the pull request comment (HTTP 403'
      )
    })

    it('leaves the comment to a newer run once the pull request has moved on', async () => {
      const newer = 'c'.repeat(40)
      const existing = api.addComment(
        `<!-- dataset-gate:dataset-gate head=${newer} -->\n\nnewer result`
      )
      api.prHead = newer
      const result = await runAction(ws, api)
      expect(result.code).toBe(1)
      expect(existing.body).toBe(`<!-- dataset-gate:dataset-gate head=${newer} -->\n\nnewer result`)
      expect(commentWrites(api)).toEqual({ posts: 0, patches: 0 })
      expect(result.stdout).toContain(
        `the pull request has moved on to ccccccc since this run's ${repo.headSha.slice(0, 7)}`
      )
    })

    it('warns and carries on when the pull request is gone', async () => {
      api.prHead = null
      const result = await runAction(ws, api)
      expect(result.code).toBe(1)
      expect(result.stdout).toContain(
        "::warning::Could not list the pull request's files (HTTP 404: Not Found)."
      )
      expect(result.stdout).toContain(
        '::warning::Could not write the pull request comment (HTTP 404'
      )
    })

    it('fails with a one-line message for a bad input, and gates nothing', async () => {
      const result = await runAction(ws, api, { 'fail-on': 'errors' })
      expect(result.code).toBe(1)
      expect(result.stdout.trim()).toBe(
        '::error::Input `fail-on` must be one of error, warning, never, new (got "errors").'
      )
      expect(api.requests).toHaveLength(0)
      expect(result.outputs).toEqual({})
    })

    it('judges a PR that relaxes the configuration by the base configuration', async () => {
      const relaxed = mkdtempSync(join(dir, 'relaxed-'))
      const relaxing = makeOrigin(relaxed, {
        ...PR_FILES,
        '.github/dataset-gate.yml': 'fail-on: never\n'
      })
      const relaxedWs = checkout(relaxed, relaxing)
      api.prHead = relaxing.headSha
      api.prFiles.push({ filename: '.github/dataset-gate.yml', status: 'modified' })
      const result = await runAction(relaxedWs, api)
      expect(result.code).toBe(1)
      expect(api.comments[0]!.body).toContain(
        'Configuration read from the base branch because this change edits it.'
      )
      expect(JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8')).configFromBase).toBe(
        true
      )
    })

    it('fails with the configuration error when the configuration cannot be parsed', async () => {
      write(ws.workspace, '.github/dataset-gate.yml', 'fail-on: sometimes\n')
      const result = await runAction(ws, api, { 'changed-only': 'false', 'compare-base': 'false' })
      expect(result.code).toBe(1)
      expect(result.stdout).toMatch(/^::error::\.github\/dataset-gate\.yml:1: fail-on: /m)
      expect(result.stdout).not.toMatch(/^\s+at /m)
      expect(api.comments).toHaveLength(0)
    })

    it('on a push gates everything, writes the summary and outputs, and calls no API', async () => {
      const result = await runAction(
        ws,
        api,
        {},
        {
          GITHUB_EVENT_NAME: 'push',
          GITHUB_EVENT_PATH: join(ROOT, '__tests__', 'fixtures', 'events', 'push.json')
        }
      )
      expect(result.code).toBe(1)
      expect(api.requests).toHaveLength(0)
      expect(result.summary).toContain('Dataset gate failed')
      expect(result.outputs).toMatchObject({ passed: 'false', datasets: '1' })
      expect(result.stdout).toContain(
        'No pull request comment: the push event is not a pull request.'
      )
    })
  }
)

if (!bundled) {
  describe('the bundled action (dist/index.js)', () => {
    it.skip('is skipped: dist/index.js is missing, run `npm run bundle` first', () => undefined)
  })
}
