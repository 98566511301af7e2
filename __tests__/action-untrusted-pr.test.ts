/**
 * A pull request cannot steer the gate, and no verdict is silent: the bundled action
 * (dist/index.js), run as the runner runs it, against workspaces whose pull request tries to
 *
 * - redirect the JSON report (`report-file`) through a symbolic link, out of the workspace, or into
 *   a folder it replaced with a file;
 * - relax its own gate through a `.github` link, with `compare-base: false`;
 * - be judged on a checkout that is not its head (`pull_request_target` with the default checkout);
 *
 * and against inputs that used to gate nothing without saying so: a `paths` glob with a comma in
 * braces, the default `paths` with a configured JSON Lines dataset, `fail-on: new` without a base.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeGitHub } from './helpers/fake-github.js'
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

const built = bundleBuilt(ACTION_BUNDLE, 'action-untrusted-pr')
const describeBundle = built ? describe : describe.skip

// ---------------------------------------------------------------------------------------------
// Datasets: a clean Vertex CSV, and the same with a segment that ends before it starts (an error).

const row = (i: number) => {
  const label = i % 2 === 0 ? 'cat' : 'dog'
  return `${i % 5 === 0 ? 'test' : 'training'},gs://bucket/v/${label}_${i}.mp4,${label},0,1`
}
const CLEAN = Array.from({ length: 40 }, (_, i) => row(i)).join('\n') + '\n'
const BROKEN = CLEAN + 'training,gs://bucket/v/cat_bad.mp4,cat,5,1\n'
const STRICT = 'fail-on: error\nrules:\n  recommended-per-class: { min: 5 }\n'
const RELAXED = 'fail-on: never\n'

const jsonLine = (i: number) =>
  JSON.stringify({
    videoGcsUri: `gs://bucket/j/${i % 2 === 0 ? 'cat' : 'dog'}_${i}.mp4`,
    timeSegmentAnnotations: [
      { displayName: i % 2 === 0 ? 'cat' : 'dog', startTime: '0s', endTime: '1s' }
    ],
    dataItemResourceLabels: {
      'aiplatform.googleapis.com/ml_use': i % 5 === 0 ? 'test' : 'training'
    }
  })
const JSONL = Array.from({ length: 40 }, (_, i) => jsonLine(i)).join('\n') + '\n'

const PUSH = {
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: join(ROOT, '__tests__', 'fixtures', 'events', 'push.json')
}

// ---------------------------------------------------------------------------------------------

const scratch: string[] = []
let api: FakeGitHub

beforeEach(async () => {
  api = await new FakeGitHub().start()
})
afterEach(() => api.stop())
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

/** A pull request workspace checked out at its head; the fake API knows its head and files. */
function pullRequest(base: FileTree, head: FileTree): Workspace {
  const ws = makeWorkspace(base, head)
  scratch.push(ws.dir)
  api.prHead = ws.headSha
  api.prFiles = ws.changed.map(filename => ({ filename, status: 'modified' }))
  return ws
}

/** The same run with another event payload (`changes` applied to its pull_request). */
function withEvent(ws: Workspace, changes: { base?: { sha: string } }): Workspace {
  const payload = JSON.parse(readFileSync(ws.eventPath, 'utf8'))
  Object.assign(payload.pull_request.base, changes.base)
  const eventPath = join(ws.dir, `event-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(eventPath, JSON.stringify(payload))
  return { ...ws, eventPath }
}

/** Our one comment, with the HTML entities the Markdown renderer escapes to turned back. */
function ourComment(): string {
  expect(api.comments).toHaveLength(1)
  return api.comments[0]!.body.replace(/&#8203;/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
}

function reportOf(run: ActionRun): { notes: string[]; configFromBase?: boolean } {
  return JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'))
}

/** Everything a run publishes: the verdict, the outputs, the summary and (on a PR) the comment. */
function expectPublished(run: ActionRun, passed: boolean, options: { comment?: boolean } = {}) {
  expect(run.timedOut).toBe(false)
  expect(run.stderr).toBe('')
  expect(run.stdout).not.toMatch(STACK_LINE)
  expect(run.code).toBe(passed ? 0 : 1)
  expect(run.outputs.passed).toBe(String(passed))
  expect(run.outputs.datasets).toBe('1')
  expect(run.summary).toContain(passed ? 'Dataset gate passed' : 'Dataset gate failed')
  if (options.comment !== false)
    expect(ourComment()).toContain(passed ? 'Dataset gate passed' : 'Dataset gate failed')
}

describeBundle('report-file: the pull request cannot redirect the report', () => {
  let outside: string
  let victim: string

  beforeEach(() => {
    outside = mkdtempSync(join(tmpdir(), 'report-victim-'))
    scratch.push(outside)
    victim = join(outside, 'victim.txt')
    writeFileSync(victim, 'precious\n')
  })

  it('does not write through a symbolic link named like the report', async () => {
    const ws = pullRequest(
      { 'data/clips.csv': CLEAN },
      { 'data/clips.csv': BROKEN, 'gate-report.json': { link: victim } }
    )
    const run = await runAction(ws, api.url, { inputs: { 'report-file': 'gate-report.json' } })
    expect(readFileSync(victim, 'utf8')).toBe('precious\n')
    expect(warnings(run)).toContainEqual(
      expect.stringMatching(
        /^Input `report-file` "gate-report\.json": .*gate-report\.json is a symbolic link, and the report is not written through links; the JSON report is written to .*dataset-gate-report\.json instead\.$/
      )
    )
    expect(run.outputs['report-file']).toMatch(/\/run-[^/]+\/dataset-gate-report\.json$/)
    expect(reportOf(run)).toMatchObject({ passed: false })
    expectPublished(run, false)
  })

  it('does not write through a linked folder, outside the workspace, or into a replaced folder', async () => {
    const ws = pullRequest(
      { 'data/clips.csv': CLEAN, 'reports/.keep': '' },
      {
        'data/clips.csv': BROKEN,
        reports: 'a plain file where the folder was\n',
        out: { link: outside }
      }
    )
    const inputs = [
      'reports/gate.json',
      'out/victim.txt',
      '../escape.json',
      join(outside, 'r.json')
    ]
    for (const input of inputs) {
      api.comments = []
      const run = await runAction(ws, api.url, { inputs: { 'report-file': input } })
      expect(warnings(run)).toContainEqual(
        expect.stringContaining(`Input \`report-file\` ${JSON.stringify(input)}: `)
      )
      expect(run.outputs['report-file']).toMatch(/dataset-gate-report\.json$/)
      expect(reportOf(run)).toMatchObject({ passed: false })
      expectPublished(run, false)
    }
    expect(readdirSync(outside)).toEqual(['victim.txt'])
    expect(readFileSync(victim, 'utf8')).toBe('precious\n')
    expect(readdirSync(ws.dir)).not.toContain('escape.json')
  })

  it('writes a plain path inside the workspace and names it in the output', async () => {
    const ws = pullRequest({ 'data/clips.csv': CLEAN }, { 'data/clips.csv': BROKEN })
    const run = await runAction(ws, api.url, { inputs: { 'report-file': 'out/gate.json' } })
    expect(warnings(run)).toEqual([])
    expect(run.outputs['report-file']).toBe(join(ws.workspace, 'out', 'gate.json'))
    expect(reportOf(run)).toMatchObject({ passed: false })
    expectPublished(run, false)
  })
})

describeBundle('configuration: a pull request is judged by the base configuration', () => {
  it('through a `.github` link to a relaxed copy, with compare-base: false', async () => {
    const ws = pullRequest(
      { '.github/dataset-gate.yml': STRICT, 'data/clips.csv': CLEAN },
      {
        'relaxed/dataset-gate.yml': RELAXED,
        '.github': { link: 'relaxed' },
        'data/clips.csv': BROKEN
      }
    )
    // The file list names `.github` (now a link), not `.github/dataset-gate.yml`.
    expect(api.prFiles.map(f => f.filename)).not.toContain('.github/dataset-gate.yml')
    const run = await runAction(ws, api.url, { inputs: { 'compare-base': 'false' } })
    expectPublished(run, false)
    expect(reportOf(run).configFromBase).toBe(true)
    expect(ourComment()).toContain(
      'Configuration read from the base branch because this change edits it.'
    )
  })

  it('a gated manifest swapped for a link to unchecked data fails; it is not a deletion', async () => {
    const ws = pullRequest(
      { 'data/clips.csv': CLEAN },
      { 'staging/clips.txt': BROKEN, 'data/clips.csv': { link: '../staging/clips.txt' } }
    )
    const run = await runAction(ws, api.url, { inputs: { 'fail-on': 'new' } })
    expectPublished(run, false)
    expect(ourComment()).toContain('(1 new against main@')
    expect(ourComment()).toContain(
      'data/clips.csv cannot be gated: a symbolic link to staging/clips.txt; links are not followed'
    )
    expect(ourComment()).not.toContain('deleted')
  })

  it('still fails on a head configuration that does not parse', async () => {
    const ws = pullRequest(
      { '.github/dataset-gate.yml': STRICT, 'data/clips.csv': CLEAN },
      { '.github/dataset-gate.yml': 'fail-on: sometimes\n', 'data/clips.csv': CLEAN }
    )
    const run = await runAction(ws, api.url, { inputs: { 'compare-base': 'false' } })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^::error::\.github\/dataset-gate\.yml:1: fail-on: /m)
    expect(api.comments).toHaveLength(0)
  })

  it("says in the comment when the base cannot be read and the change's own configuration judged", async () => {
    const ws = pullRequest(
      { '.github/dataset-gate.yml': STRICT, 'data/clips.csv': CLEAN },
      { '.github/dataset-gate.yml': RELAXED, 'data/clips.csv': BROKEN }
    )
    const unreadable = withEvent(ws, { base: { sha: 'e'.repeat(40) } })
    const run = await runAction(unreadable, api.url, { inputs: { 'compare-base': 'false' } })
    expectPublished(run, true)
    expect(warnings(run)).toContainEqual(
      expect.stringMatching(/^The base commit eeeeeee could not be read \(.*\)\.$/)
    )
    expect(ourComment()).toContain(
      'The base commit could not be read, so .github/dataset-gate.yml was read from this change itself'
    )
  })
})

describeBundle('checkout: the workspace must hold the commit the run reports on', () => {
  const files = () =>
    pullRequest(
      { 'data/clips.csv': CLEAN },
      { 'data/clips.csv': CLEAN.replace('cat_2', 'cat_two') }
    )

  it('refuses pull_request_target with the default checkout (the base), and posts nothing', async () => {
    const ws = files()
    git(ws.workspace, 'checkout', '-q', ws.baseSha)
    const run = await runAction(ws, api.url, {
      env: { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_SHA: ws.baseSha }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).not.toMatch(STACK_LINE)
    const error = run.stdout.split('\n').find(line => line.startsWith('::error::'))!
    expect(error).toContain(`checked out at ${ws.baseSha}`)
    expect(error).toContain(`reports on the pull request's head ${ws.headSha}`)
    expect(error).toContain('- uses: actions/checkout@v4')
    expect(error).toContain('ref: ${{ github.event.pull_request.head.sha }}')
    expect(run.stdout).not.toContain('Dataset gate passed')
    expect(api.requests).toHaveLength(0)
    expect(api.comments).toHaveLength(0)
    expect(run.outputs).toEqual({})
  })

  it('accepts pull_request_target with the head checked out', async () => {
    const ws = files()
    const run = await runAction(ws, api.url, {
      env: { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_SHA: ws.baseSha }
    })
    expectPublished(run, true)
    expect(ourComment()).toContain(`head=${ws.headSha}`)
  })

  it('accepts the test merge commit of a pull_request run, and says it was judged', async () => {
    const ws = files()
    git(ws.workspace, 'checkout', '-q', '--detach', ws.baseSha)
    git(ws.workspace, 'merge', '-q', '--no-ff', '-m', 'Merge head into base', ws.headSha)
    const merge = git(ws.workspace, 'rev-parse', 'HEAD')
    const run = await runAction(ws, api.url, { env: { GITHUB_SHA: merge } })
    expectPublished(run, true)
    expect(ourComment()).toContain(
      `Checked the merge commit ${merge.slice(0, 7)} (this pull request's head ${ws.headSha.slice(0, 7)} merged into main)`
    )
    // Under pull_request_target the same checkout is not the head: refused.
    const target = await runAction(ws, api.url, {
      env: { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_SHA: merge }
    })
    expect(target.code).toBe(1)
    expect(target.stdout).toContain(`::error::The workspace is checked out at ${merge}`)
  })

  it('refuses a pull_request checkout of another commit, and a workspace that is not a git checkout', async () => {
    const ws = files()
    git(ws.workspace, 'checkout', '-q', ws.baseSha)
    const other = await runAction(ws, api.url)
    expect(other.code).toBe(1)
    expect(other.stdout).toContain(
      `::error::The workspace is checked out at ${ws.baseSha}, but this pull_request run reports on the pull request's head ${ws.headSha} or its merge commit ${ws.headSha}.`
    )

    const plain = join(ws.dir, 'plain')
    mkdirSync(join(plain, 'data'), { recursive: true })
    writeFileSync(join(plain, 'data', 'clips.csv'), CLEAN)
    const notGit = await runAction({ ...ws, workspace: plain }, api.url)
    expect(notGit.code).toBe(1)
    expect(notGit.stdout).toMatch(/^::error::The workspace .*plain is not a git checkout \(/m)
    expect(notGit.stdout).not.toMatch(STACK_LINE)
    expect(api.comments).toHaveLength(0)
  })
})

describeBundle('paths: the files gated are the files meant', () => {
  it('keeps a comma inside braces in one glob', async () => {
    const ws = pullRequest(
      { 'data/a/clips.csv': BROKEN, 'data/b/clips.jsonl': JSONL },
      { 'README.md': 'docs\n' }
    )
    const run = await runAction(ws, api.url, {
      inputs: { paths: 'data/**/*.{csv,jsonl}' },
      env: PUSH
    })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ passed: 'false', datasets: '2' })
  })

  it('by default gates a configured JSON Lines dataset, like the CLI', async () => {
    const ws = pullRequest(
      {
        '.github/dataset-gate.yml':
          'rules:\n  recommended-per-class: { min: 5 }\ndatasets:\n  - name: clips\n    files: [data/clips.jsonl]\n',
        'data/clips.jsonl': JSONL
      },
      { 'README.md': 'docs\n' }
    )
    const run = await runAction(ws, api.url, { env: PUSH })
    expectPublished(run, true, { comment: false })
    expect(run.summary).toContain('clips')
  })
})

describeBundle('fail-on: new without a base is said, and fails every error', () => {
  it('on a push event', async () => {
    const ws = pullRequest({ 'data/clips.csv': BROKEN }, { 'README.md': 'docs\n' })
    const run = await runAction(ws, api.url, { inputs: { 'fail-on': 'new' }, env: PUSH })
    expectPublished(run, false, { comment: false })
    const message =
      '`fail-on: new` needs the base to tell new findings from old ones, but this push event is not a pull request; every error fails the gate, as with `fail-on: error`.'
    expect(warnings(run)).toContain(message)
    expect(reportOf(run).notes).toContain(message)
    expect(run.summary).toContain('every error fails the gate')
  })

  it('on a pull request with compare-base: false, set by the configuration', async () => {
    const ws = pullRequest(
      { '.github/dataset-gate.yml': 'fail-on: new\n', 'data/clips.csv': BROKEN },
      { 'data/clips.csv': BROKEN + 'training,gs://bucket/v/dog_new.mp4,dog,0,1\n' }
    )
    const run = await runAction(ws, api.url, { inputs: { 'compare-base': 'false' } })
    expectPublished(run, false)
    expect(ourComment()).toContain(
      '`fail-on: new` needs the base to tell new findings from old ones, but `compare-base` is false'
    )
  })
})

if (!built) {
  describe('a pull request cannot steer the bundled action', () => {
    it.skip('is skipped: dist/index.js is missing, run `node scripts/build.mjs dist` first', () => {})
  })
}
