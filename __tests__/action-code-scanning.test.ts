/**
 * `code-scanning: upload` and `sarif-file` in the bundled action (dist/index.js), run as the
 * runner runs it against the fake GitHub API, which checks every upload against GitHub's OpenAPI
 * description of `POST /repos/{owner}/{repo}/code-scanning/sarifs`:
 *
 * - one valid upload, gzip + base64 SARIF 2.1.0, filed under the commit and ref GitHub's own
 *   uploader would use (the head with refs/pull/N/head, the test merge commit with
 *   refs/pull/N/merge, GITHUB_SHA with GITHUB_REF on a push), category = the comment key;
 * - a read-only token (a fork's pull request, no `security-events: write`): one refused request,
 *   not retried, a notice naming the permission, and the verdict of the data alone;
 * - the SARIF file written with the report file's safe writer.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { Log } from 'sarif'
import { getInputs, InputError } from '../src/publish/inputs.js'
import { FakeGitHub, UPLOAD_SARIF_OPERATION, uploadBodyErrors } from './helpers/fake-github.js'
import { sarifSchemaErrors } from './helpers/sarif-validate.js'
import { ACTION_BUNDLE, ROOT, STACK_LINE, bundleBuilt } from './fixtures/hostile/bundle.js'
import {
  git,
  makeWorkspace,
  runAction,
  warnings,
  type ActionRun,
  type FileTree,
  type Workspace
} from './fixtures/hostile/action-run.js'

const built = bundleBuilt(ACTION_BUNDLE, 'action-code-scanning')
const describeBundle = built ? describe : describe.skip

const row = (i: number) => {
  const label = i % 2 === 0 ? 'cat' : 'dog'
  return `${i % 5 === 0 ? 'test' : 'training'},gs://bucket/v/${label}_${i}.mp4,${label},0,1`
}
const CLEAN = Array.from({ length: 40 }, (_, i) => row(i)).join('\n') + '\n'
/** A clean change: one more clean row. */
const CLEAN_MORE = CLEAN + row(41) + '\n'
const BROKEN = CLEAN + 'training,gs://bucket/v/cat_bad.mp4,cat,5,1\ntraining,"[x](1) {0}",cat,0,1\n'
const CONFIG = 'fail-on: error\nrules:\n  recommended-per-class: { min: 5 }\n'

const UPLOAD_PATH = /^\/repos\/octo-org\/videos\/code-scanning\/sarifs$/

const scratch: string[] = []
let api: FakeGitHub

beforeEach(async () => {
  api = await new FakeGitHub().start()
})
afterEach(() => api.stop())
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

function pullRequest(base: FileTree, head: FileTree): Workspace {
  const ws = makeWorkspace(base, head)
  scratch.push(ws.dir)
  api.prHead = ws.headSha
  api.prFiles = ws.changed.map(filename => ({ filename, status: 'modified' }))
  return ws
}

/** The action's own `::notice::` lines (not the annotations on findings, which carry properties). */
function notices(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter(line => line.startsWith('::notice::'))
    .map(line => line.slice('::notice::'.length).replace(/%0A/g, '\n').replace(/%25/g, '%'))
}

function expectVerdict(run: ActionRun, passed: boolean) {
  expect(run.timedOut).toBe(false)
  expect(run.stderr).toBe('')
  expect(run.stdout).not.toMatch(STACK_LINE)
  expect(run.code).toBe(passed ? 0 : 1)
  expect(run.outputs.passed).toBe(String(passed))
}

function reportOf(run: ActionRun): { datasets: { findings: unknown[] }[] } {
  return JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'))
}

/** The one accepted upload, checked against the OpenAPI description and the SARIF schema. */
function theUpload() {
  expect(api.invalidRequests).toEqual([])
  expect(api.requestsTo('POST', UPLOAD_PATH)).toHaveLength(1)
  expect(api.sarifUploads).toHaveLength(1)
  const upload = api.sarifUploads[0]!
  expect(uploadBodyErrors(upload.body)).toBeNull()
  const log = upload.sarif as Log
  expect(sarifSchemaErrors(log)).toBeNull()
  return { upload, log }
}

describeBundle('code-scanning: upload', () => {
  it('sends one valid upload for the pull request head, and writes the same SARIF to sarif-file', async () => {
    const ws = pullRequest(
      { 'data/clips.csv': CLEAN, '.github/dataset-gate.yml': CONFIG },
      { 'data/clips.csv': BROKEN }
    )
    const run = await runAction(ws, api.url, {
      inputs: { 'code-scanning': 'upload', 'sarif-file': 'reports/gate.sarif' }
    })
    expectVerdict(run, false)
    const { upload, log } = theUpload()
    expect(upload.body).toMatchObject({
      commit_sha: ws.headSha,
      ref: 'refs/pull/7/head',
      tool_name: 'dataset-gate'
    })
    expect(upload.body.checkout_uri).toMatch(/^file:\/\/\//)
    // gzip + base64 of exactly the file the step wrote.
    expect(run.outputs['sarif-file']).toBe(join(ws.workspace, 'reports', 'gate.sarif'))
    const written = readFileSync(run.outputs['sarif-file']!, 'utf8')
    expect(gunzipSync(Buffer.from(String(upload.body.sarif), 'base64')).toString('utf8')).toBe(
      written
    )
    expect(log.runs).toHaveLength(1)
    expect(log.runs[0]!.automationDetails!.id).toBe('dataset-gate/')
    const findings = reportOf(run).datasets.flatMap(d => d.findings)
    expect(log.runs[0]!.results).toHaveLength(findings.length)
    expect(log.runs[0]!.results!.map(r => r.ruleId)).toEqual(
      expect.arrayContaining(['segment-invalid', 'uri-invalid'])
    )
    expect(run.stdout).toMatch(/Uploaded \d+ result\(s\) to code scanning for refs\/pull\/7\/head/)
    expect(notices(run)).toEqual([])
    // The comment is published as before.
    expect(api.comments).toHaveLength(1)
  })

  it('files the test merge commit under refs/pull/N/merge, with the comment key as category', async () => {
    const ws = pullRequest(
      { 'data/clips.csv': CLEAN, '.github/dataset-gate.yml': CONFIG },
      { 'data/clips.csv': BROKEN }
    )
    // What actions/checkout leaves for pull_request: the merge of the head into the base.
    git(ws.workspace, 'checkout', '-q', '--detach', ws.baseSha)
    git(ws.workspace, 'merge', '-q', '--no-ff', '--no-edit', ws.headSha)
    const merge = git(ws.workspace, 'rev-parse', 'HEAD')
    const run = await runAction(ws, api.url, {
      inputs: { 'code-scanning': 'upload', 'comment-key': 'kinetics' },
      env: { GITHUB_SHA: merge, GITHUB_REF: 'refs/pull/7/merge' }
    })
    expectVerdict(run, false)
    const { upload, log } = theUpload()
    expect(upload.body).toMatchObject({ commit_sha: merge, ref: 'refs/pull/7/merge' })
    expect(log.runs[0]!.automationDetails!.id).toBe('kinetics/')
    expect(run.outputs['sarif-file']).toBe('')
  })

  it('files a push under GITHUB_REF and GITHUB_SHA', async () => {
    const ws = pullRequest({ 'data/clips.csv': CLEAN }, { 'data/clips.csv': BROKEN })
    const run = await runAction(ws, api.url, {
      inputs: { 'code-scanning': 'upload' },
      env: {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: join(ROOT, '__tests__', 'fixtures', 'events', 'push.json'),
        GITHUB_REF: 'refs/heads/main'
      }
    })
    expectVerdict(run, false)
    const { upload } = theUpload()
    expect(upload.body).toMatchObject({ commit_sha: ws.headSha, ref: 'refs/heads/main' })
  })

  it('tries again after a server error: the upload is idempotent', async () => {
    const ws = pullRequest({ 'data/clips.csv': CLEAN }, { 'data/clips.csv': CLEAN_MORE })
    api.faults.push({ method: 'POST', path: UPLOAD_PATH, status: 502 })
    const run = await runAction(ws, api.url, { inputs: { 'code-scanning': 'upload' } })
    expectVerdict(run, true)
    expect(api.requestsTo('POST', UPLOAD_PATH)).toHaveLength(2)
    expect(api.sarifUploads).toHaveLength(1)
    expect(warnings(run)).toEqual([])
  })
})

describeBundle('a token that may not upload', () => {
  it.each([
    ['passes', CLEAN_MORE, true],
    ['fails', BROKEN, false]
  ])(
    'sends nothing that is accepted, is not retried, says which permission, and the gate still %s',
    async (_, head, passed) => {
      const ws = pullRequest(
        { 'data/clips.csv': CLEAN, '.github/dataset-gate.yml': CONFIG },
        { 'data/clips.csv': head }
      )
      api.readOnly = true
      const run = await runAction(ws, api.url, {
        inputs: { 'code-scanning': 'upload', 'sarif-file': 'gate.sarif' }
      })
      expectVerdict(run, passed)
      // One request, refused with 403 and not repeated; nothing uploaded.
      expect(api.requestsTo('POST', UPLOAD_PATH)).toHaveLength(1)
      expect(api.sarifUploads).toHaveLength(0)
      expect(notices(run)).toEqual([
        expect.stringMatching(
          /^The SARIF was not uploaded to code scanning \(HTTP 403: Resource not accessible by integration\)\. The workflow must grant the token `security-events: write`.*The verdict does not depend on it\.$/
        )
      ])
      expect(warnings(run).join('\n')).not.toMatch(/code scanning/)
      // The file is still written for another step (upload-sarif, an artifact).
      expect(
        sarifSchemaErrors(JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')))
      ).toBeNull()
    }
  )
})

describeBundle('code-scanning: off (the default)', () => {
  it('sends no upload and writes no SARIF', async () => {
    const ws = pullRequest({ 'data/clips.csv': CLEAN }, { 'data/clips.csv': BROKEN })
    const run = await runAction(ws, api.url)
    expectVerdict(run, false)
    expect(api.requestsTo('POST', /code-scanning/)).toHaveLength(0)
    expect(run.outputs['sarif-file']).toBe('')
  })
})

describeBundle('sarif-file: the pull request cannot redirect the SARIF', () => {
  it('does not write through a symbolic link; the SARIF goes to RUNNER_TEMP with a warning', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'sarif-victim-'))
    scratch.push(outside)
    const victim = join(outside, 'victim.txt')
    writeFileSync(victim, 'precious\n')
    const ws = pullRequest(
      { 'data/clips.csv': CLEAN },
      { 'data/clips.csv': BROKEN, 'gate.sarif': { link: victim } }
    )
    const run = await runAction(ws, api.url, { inputs: { 'sarif-file': 'gate.sarif' } })
    expectVerdict(run, false)
    expect(readFileSync(victim, 'utf8')).toBe('precious\n')
    expect(warnings(run)).toContainEqual(
      expect.stringMatching(
        /^Input `sarif-file` "gate\.sarif": .*gate\.sarif is a symbolic link, and the report is not written through links; the SARIF is written to .*dataset-gate\.sarif instead\.$/
      )
    )
    expect(run.outputs['sarif-file']).toMatch(/\/run-[^/]+\/dataset-gate\.sarif$/)
    expect(
      sarifSchemaErrors(JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')))
    ).toBeNull()
  })
})

describe("the fake API's check of upload requests", () => {
  it("follows GitHub's OpenAPI description of the endpoint", () => {
    expect(UPLOAD_SARIF_OPERATION.path).toBe('/repos/{owner}/{repo}/code-scanning/sarifs')
    expect(UPLOAD_SARIF_OPERATION.method).toBe('POST')
    const valid = { commit_sha: 'a'.repeat(40), ref: 'refs/heads/main', sarif: 'H4sI' }
    expect(uploadBodyErrors(valid)).toBeNull()
    expect(uploadBodyErrors({ ...valid, ref: 'main' })).toMatch(/ref/)
    expect(uploadBodyErrors({ ...valid, commit_sha: 'abc' })).toMatch(/commit_sha/)
    expect(uploadBodyErrors({ ...valid, category: 'x' })).toMatch(/additional/)
    expect(uploadBodyErrors({ ref: valid.ref, sarif: valid.sarif })).toMatch(/commit_sha/)
  })
})

describe('the inputs', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? ''

  it('default to no SARIF file and no upload', () => {
    expect(getInputs(read({}))).toMatchObject({ sarifFile: undefined, codeScanning: 'off' })
    expect(
      getInputs(read({ 'sarif-file': 'out/gate.sarif', 'code-scanning': 'upload' }))
    ).toMatchObject({ sarifFile: 'out/gate.sarif', codeScanning: 'upload' })
  })

  it('refuse a code-scanning value other than upload or off, naming the input', () => {
    expect(() => getInputs(read({ 'code-scanning': 'true' }))).toThrow(InputError)
    expect(() => getInputs(read({ 'code-scanning': 'true' }))).toThrow(
      'Input `code-scanning` must be one of upload, off (got "true").'
    )
  })
})
