/**
 * Faults of the GitHub API do not change the verdict. The bundled action (dist/index.js) runs as
 * the runner runs it, against the fake GitHub server, with faults injected by the server (status
 * codes and rate-limit headers) or by a proxy in front of it (connection resets, a server that never
 * answers, before or after carrying a request out). For every fault:
 *
 * - the exit status, `passed`, `errors` and `warnings` are those of the same run without the fault;
 * - retries are bounded (no route is called more than 4 times per use) and the run finishes;
 * - one run never leaves two comments of ours;
 * - what happened is said: a `::warning::` when the comment could not be written, a retry line when
 *   a retry recovered;
 * - the job summary and any comment are inert HTML (the dataset carries hostile labels and file
 *   names), with the marker once.
 *
 * A comment by someone else that carries our marker is never taken for ours.
 *
 * A server that never answers is cut short with DATASET_GATE_HTTP_TIMEOUT_MS (an undocumented
 * override of the 30 s per-try timeout). Scenarios run a few at a time to keep the suite fast; the
 * retry backoff (1 s, 2 s, 4 s) is real.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rmSync } from 'node:fs'
import { FakeGitHub, type FakeUser } from './helpers/fake-github.js'
import { ACTION_BUNDLE, STACK_LINE, bundleBuilt } from './fixtures/hostile/bundle.js'
import { FaultProxy } from './fixtures/hostile/fault-proxy.js'
import {
  RUN_URL,
  makeWorkspace,
  runAction,
  warnings,
  type ActionRun,
  type Workspace
} from './fixtures/hostile/action-run.js'
import { expectInert } from './fixtures/hostile/html.js'
import { HOSTILE } from './fixtures/hostile/strings.js'

const built = bundleBuilt(ACTION_BUNDLE, 'robust-api-faults')
const describeBundle = built ? describe : describe.skip

const BOT: FakeUser = { login: 'github-actions[bot]', type: 'Bot' }
const MALLORY: FakeUser = { login: 'mallory', type: 'User' }
const PAT_USER: FakeUser = { login: 'gate-bot', type: 'User' }
const TIMEOUT_ENV = { DATASET_GATE_HTTP_TIMEOUT_MS: '2000' }

const COMMENTS = /\/issues\/7\/comments$/
const FILES = /\/pulls\/7\/files$/
const EDIT = /\/issues\/comments\/\d+$/

// ---------------------------------------------------------------------------------------------
// The repository: a Vertex CSV that the pull request extends with hostile labels, and two files
// with hostile names.

const q = (text: string) => `"${text.replace(/"/g, '""')}"`
const clean = Array.from({ length: 30 }, (_, i) => {
  const label = i % 2 === 0 ? 'cat' : 'dog'
  return `${i % 5 === 0 ? 'test' : 'training'},gs://bucket/v/${label}_${i}.mp4,${label},0,1`
})
const BASE = {
  '.github/dataset-gate.yml': 'rules:\n  recommended-per-class: { min: 5 }\n',
  'data/clips.csv': clean.join('\n') + '\n'
}
const HEAD = {
  'data/clips.csv':
    [
      ...clean,
      ...HOSTILE.map((label, i) => `training,${q(`gs://bucket/h/${i}.mp4`)},${q(label)},0,1`),
      `test,${q('gs://bucket/v/cat_1.mp4')},cat,0,1`
    ].join('\n') + '\n',
  'data/<img src=x>.csv': `training,gs://bucket/x.mp4,${q('<img src=x>')},0,1\n`,
  'data/[x](javascript:alert(1)).csv': `training,gs://bucket/y.mp4,${q('@octocat #1')},0,1\n`
}

// ---------------------------------------------------------------------------------------------

interface Stage {
  ws: Workspace
  api: FakeGitHub
  proxy: FaultProxy
}

interface Scenario {
  name: string
  /** Compare with the run of the passing configuration (fail-on: never) instead of the failing. */
  passing?: boolean
  /** The identity `GET /user` answers with; default: the Actions token (403, writes as the bot). */
  user?: FakeUser
  setup?: (stage: Stage) => void
  env?: Record<string, string>
  /** Runs the action (default: once) and returns the run to check. */
  play?: (stage: Stage, run: () => Promise<ActionRun>) => Promise<ActionRun>
  check: (run: ActionRun, stage: Stage) => void
}

const now = () => Math.floor(Date.now() / 1000)

const SCENARIOS: Scenario[] = [
  {
    name: 'no fault (the failing baseline)',
    check: (run, { api }) => {
      expect(run.code).toBe(1)
      expect(ours(api)).toHaveLength(1)
      expect(warnings(run)).toEqual([])
    }
  },
  {
    name: 'no fault (the passing baseline, fail-on: never)',
    passing: true,
    check: run => expect(run.code).toBe(0)
  },
  {
    name: '500 once on GET /user: retried',
    setup: ({ api }) => api.faults.push({ method: 'GET', path: /^\/user$/, status: 500 }),
    check: (run, { api }) => {
      expect(run.stdout).toMatch(/GET \/user failed \(HTTP 500: Server Error\); retry 1 of 3/)
      expect(api.requestsTo('GET', /^\/user$/)).toHaveLength(2)
      expect(ours(api)).toHaveLength(1)
    }
  },
  {
    name: '502 on every comment listing: 4 tries, then a warning',
    setup: ({ api }) => api.faults.push({ method: 'GET', path: COMMENTS, status: 502, times: 100 }),
    check: (run, { api }) => {
      expect(api.requestsTo('GET', COMMENTS)).toHaveLength(4)
      expect(run.stdout.match(/; retry \d of 3 in/g)).toHaveLength(3)
      expect(warnings(run)).toContainEqual(
        expect.stringMatching(
          /^Could not write the pull request comment \(HTTP 502: Server Error\)/
        )
      )
      expect(api.comments).toHaveLength(0)
    }
  },
  {
    name: '503 on a POST that was not carried out: looked up again, created once',
    setup: ({ api }) => api.faults.push({ method: 'POST', path: COMMENTS, status: 503 }),
    check: (run, { api }) => {
      expect(api.requestsTo('POST', COMMENTS)).toHaveLength(2)
      expect(ours(api)).toHaveLength(1)
      expect(run.stdout).toContain('Pull request comment created')
    }
  },
  {
    name: '503 on a POST that was carried out: the comment that landed is reused',
    setup: ({ api }) =>
      api.faults.push({ method: 'POST', path: COMMENTS, status: 503, afterHandling: true }),
    check: (_run, { api }) => {
      expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1)
      expect(ours(api)).toHaveLength(1)
    }
  },
  {
    name: 'timeout: listing the files hangs once, then answers',
    env: TIMEOUT_ENV,
    setup: ({ proxy }) => proxy.rules.push({ method: 'GET', path: FILES, fault: 'hang' }),
    check: (run, { api, proxy }) => {
      expect(proxy.faultsOf('hang')).toBe(1)
      expect(run.stdout).toMatch(/pulls\/7\/files failed \(timed out after 2 s\); retry 1 of 3/)
      expect(api.requestsTo('GET', FILES)).toHaveLength(1)
      expect(ours(api)).toHaveLength(1)
    }
  },
  {
    name: 'timeout: the server never answers GET /user, 4 tries then a warning',
    env: TIMEOUT_ENV,
    setup: ({ proxy }) =>
      proxy.rules.push({ method: 'GET', path: /^\/user$/, fault: 'hang', times: 100 }),
    check: (run, { api, proxy }) => {
      expect(proxy.faultsOf('hang')).toBe(4)
      expect(warnings(run)).toContainEqual(
        expect.stringMatching(/^Could not write the pull request comment \(timed out after 2 s\)/)
      )
      expect(api.comments).toHaveLength(0)
    }
  },
  {
    name: 'timeout after a POST was carried out: the comment that landed is reused',
    env: TIMEOUT_ENV,
    setup: ({ proxy }) => proxy.rules.push({ method: 'POST', path: COMMENTS, fault: 'hang-after' }),
    check: (run, { api }) => {
      expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1)
      expect(ours(api)).toHaveLength(1)
      expect(run.stdout).toContain('Pull request comment created')
    }
  },
  {
    name: 'timeout on a POST that never arrived: looked up again, created once',
    env: TIMEOUT_ENV,
    setup: ({ proxy }) => proxy.rules.push({ method: 'POST', path: COMMENTS, fault: 'hang' }),
    check: (_run, { api, proxy }) => {
      expect(proxy.faultsOf('hang')).toBe(1)
      expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1)
      expect(ours(api)).toHaveLength(1)
    }
  },
  {
    name: 'connection reset while listing the files: retried',
    setup: ({ proxy }) => proxy.rules.push({ method: 'GET', path: FILES, fault: 'reset' }),
    check: (run, { api }) => {
      expect(run.stdout).toMatch(/pulls\/7\/files failed \([^)]*\); retry 1 of 3/)
      expect(api.requestsTo('GET', FILES)).toHaveLength(1)
      expect(ours(api)).toHaveLength(1)
    }
  },
  {
    name: 'connection reset after a POST was carried out: the comment that landed is reused',
    setup: ({ proxy }) =>
      proxy.rules.push({ method: 'POST', path: COMMENTS, fault: 'reset-after' }),
    check: (_run, { api, proxy }) => {
      expect(proxy.faultsOf('reset-after')).toBe(1)
      expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1)
      expect(ours(api)).toHaveLength(1)
    }
  },
  {
    name: 'connection reset after an edit was carried out: the edit is repeated, not duplicated',
    setup: ({ api, proxy, ws }) => {
      api.addComment(`<!-- dataset-gate:dataset-gate head=${ws.headSha} -->\n\nstale`, BOT)
      proxy.rules.push({ method: 'PATCH', path: EDIT, fault: 'reset-after' })
    },
    check: (run, { api }) => {
      expect(api.requestsTo('PATCH', EDIT)).toHaveLength(2)
      expect(api.requestsTo('POST', COMMENTS)).toHaveLength(0)
      expect(ours(api)).toHaveLength(1)
      expect(ours(api)[0]!.body).not.toContain('stale')
      expect(run.stdout).toContain('Pull request comment updated')
    }
  },
  {
    name: '403 for a read-only token (a fork): a warning that names the permission',
    setup: ({ api }) => (api.readOnly = true),
    check: (run, { api }) => {
      expect(warnings(run)).toContainEqual(
        expect.stringMatching(
          /^Could not write the pull request comment \(HTTP 403: Resource not accessible by integration\)\. The workflow must grant the token `pull-requests: write`/
        )
      )
      expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1)
      expect(api.comments).toHaveLength(0)
    }
  },
  {
    name: '429 with retry-after: 1 on the POST: waited for, then created once',
    setup: ({ api }) =>
      api.faults.push({
        method: 'POST',
        path: COMMENTS,
        status: 429,
        headers: { 'retry-after': '1' },
        message: 'You have exceeded a secondary rate limit.'
      }),
    check: (run, { api }) => {
      expect(run.stdout).toMatch(/failed \(HTTP 429: [^)]*\); retry 1 of 3 in 1\.0 s/)
      expect(api.requestsTo('POST', COMMENTS)).toHaveLength(2)
      expect(ours(api)).toHaveLength(1)
    }
  },
  {
    name: '403 rate limit with retry-after: 1 on the listing: waited for, then carried on',
    setup: ({ api }) =>
      api.faults.push({
        method: 'GET',
        path: COMMENTS,
        status: 403,
        headers: { 'retry-after': '1' },
        message: 'You have exceeded a secondary rate limit.'
      }),
    check: (run, { api }) => {
      expect(run.stdout).toMatch(/failed \(HTTP 403: [^)]*\); retry 1 of 3 in 1\.0 s/)
      expect(ours(api)).toHaveLength(1)
    }
  },
  {
    name: '403 rate limit resetting in an hour: not waited for, a warning says so',
    setup: ({ api }) =>
      api.faults.push({
        method: 'GET',
        path: COMMENTS,
        status: 403,
        times: 100,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now() + 3600) },
        message: 'API rate limit exceeded for installation ID 1.'
      }),
    check: (run, { api }) => {
      expect(api.requestsTo('GET', COMMENTS)).toHaveLength(1)
      expect(warnings(run)).toContainEqual(
        expect.stringMatching(
          /^Could not write the pull request comment \(HTTP 403: API rate limit exceeded .*not waiting that long\)\)\. The token is rate-limited by GitHub; no permission is missing\.$/
        )
      )
      expect(warnings(run)).not.toContainEqual(expect.stringMatching(/must grant|permissions:/))
      expect(api.comments).toHaveLength(0)
    }
  },
  {
    name: '404 for a deleted pull request: warnings, every dataset gated',
    setup: ({ api }) => (api.prHead = null),
    check: (run, { api }) => {
      expect(warnings(run)).toContainEqual(
        expect.stringMatching(/^Could not list the pull request's files \(HTTP 404: Not Found\)/)
      )
      expect(warnings(run)).toContainEqual(
        expect.stringMatching(/^Could not write the pull request comment \(HTTP 404/)
      )
      expect(api.comments).toHaveLength(0)
    }
  },
  {
    name: '422 body too long: a warning, no retry',
    setup: ({ api }) =>
      api.faults.push({
        method: 'POST',
        path: COMMENTS,
        status: 422,
        message: 'Validation Failed: body is too long (maximum is 65536 characters)'
      }),
    check: (run, { api }) => {
      expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1)
      expect(warnings(run)).toContainEqual(
        expect.stringMatching(
          /^GitHub refused the pull request comment \(HTTP 422: Validation Failed: body is too long/
        )
      )
      expect(api.comments).toHaveLength(0)
    }
  },
  {
    name: 'a passing gate stays passing through faults (500 on the files, 422 on the POST)',
    passing: true,
    setup: ({ api }) => {
      api.faults.push({ method: 'GET', path: FILES, status: 500 })
      api.faults.push({ method: 'POST', path: COMMENTS, status: 422, message: 'Validation Failed' })
    },
    check: (run, { api }) => {
      expect(run.code).toBe(0)
      expect(warnings(run)).toContainEqual(expect.stringMatching(/HTTP 422/))
      expect(api.comments).toHaveLength(0)
    }
  },
  {
    name: "someone else's comment with our marker is not edited; ours is created beside it",
    setup: ({ api, ws }) => {
      api.addComment(
        `<!-- dataset-gate:dataset-gate head=${ws.headSha} -->\n\nlooks official`,
        MALLORY
      )
    },
    play: async (_stage, run) => {
      await run()
      return run() // the second run finds and keeps its own comment
    },
    check: (run, { api }) => {
      expect(api.comments).toHaveLength(2)
      expect(api.comments[0]!.body).toContain('looks official')
      expect(api.comments[0]!.user).toEqual(MALLORY)
      expect(
        api.requestsTo('PATCH', new RegExp(`/issues/comments/${api.comments[0]!.id}$`))
      ).toEqual([])
      expect(ours(api)).toHaveLength(1)
      expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1)
      expect(run.stdout).toContain(`Pull request comment unchanged: #${ours(api)[0]!.id}.`)
    }
  },
  {
    name: 'with a personal token, a bot comment carrying our marker is not ours',
    user: PAT_USER,
    setup: ({ api, ws }) => {
      api.addComment(`<!-- dataset-gate:dataset-gate head=${ws.headSha} -->\n\nforged`, BOT)
    },
    check: (_run, { api }) => {
      expect(api.comments).toHaveLength(2)
      expect(api.comments[0]!.body).toContain('forged')
      expect(api.comments[1]!.user).toEqual(PAT_USER)
      expect(api.requestsTo('PATCH', EDIT)).toEqual([])
    }
  }
]

// ---------------------------------------------------------------------------------------------

let ws: Workspace
const results = new Map<string, { run: ActionRun; stage: Stage }>()

/** Comments written by the identity the run used. */
function ours(api: FakeGitHub) {
  const self = api.user ?? BOT
  return api.comments.filter(c => c.user.login === self.login && c.user.type === self.type)
}

async function play(scenario: Scenario): Promise<void> {
  const api = await new FakeGitHub().start()
  const proxy = await new FaultProxy(api.url).start()
  const stage: Stage = { ws, api, proxy }
  try {
    api.prHead = ws.headSha
    api.prFiles = ws.changed.map(filename => ({ filename, status: 'modified' }))
    if (scenario.user) api.user = scenario.user
    scenario.setup?.(stage)
    const once = () =>
      runAction(ws, proxy.url, {
        inputs: scenario.passing ? { 'fail-on': 'never' } : {},
        env: scenario.env ?? {}
      })
    const run = await (scenario.play ? scenario.play(stage, once) : once())
    results.set(scenario.name, { run, stage })
  } finally {
    await proxy.stop()
    await api.stop()
  }
}

/** Runs the scenarios a few at a time: most of their time is spent waiting (backoff, timeouts). */
async function playAll(scenarios: Scenario[], concurrency: number): Promise<void> {
  const queue = [...scenarios]
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await play(next)
    })
  )
}

describeBundle('GitHub API faults against the bundled action', () => {
  beforeAll(async () => {
    ws = makeWorkspace(BASE, HEAD)
    await playAll(SCENARIOS, 4)
  }, 300_000)
  afterAll(() => {
    if (ws) rmSync(ws.dir, { recursive: true, force: true })
  })

  it.each(SCENARIOS.map(s => [s.name, s] as const))('%s', (_name, scenario) => {
    const { run, stage } = results.get(scenario.name)!
    const baseline = results.get(
      scenario.passing
        ? 'no fault (the passing baseline, fail-on: never)'
        : 'no fault (the failing baseline)'
    )!.run

    // The verdict follows the data alone.
    expect(run.timedOut).toBe(false)
    expect(run.code).toBe(baseline.code)
    for (const output of ['passed', 'errors', 'warnings', 'datasets'])
      expect(run.outputs[output]).toBe(baseline.outputs[output])
    expect(run.outputs.passed).toBe(scenario.passing ? 'true' : 'false')
    expect(run.stdout).not.toMatch(STACK_LINE)
    expect(run.stderr).toBe('')

    // Bounded: no route called more than 4 times for one use (the comment list: two uses).
    const perRoute = new Map<string, number>()
    for (const r of stage.proxy.log)
      perRoute.set(`${r.method} ${r.path}`, (perRoute.get(`${r.method} ${r.path}`) ?? 0) + 1)
    for (const [route, count] of perRoute)
      expect([route, count <= (scenario.play ? 16 : 8)]).toEqual([route, true])

    // Never two comments of ours; every comment and the job summary are inert.
    expect(ours(stage.api).length).toBeLessThanOrEqual(1)
    for (const comment of ours(stage.api)) expectInert(comment.body, { runUrl: RUN_URL })
    expectInert(run.summary.trimEnd(), { runUrl: RUN_URL })
    expect(run.summary).toContain(`<!-- dataset-gate:dataset-gate head=${ws.headSha} -->`)

    scenario.check(run, stage)
  })
})

if (!built) {
  describe('GitHub API faults against the bundled action', () => {
    it.skip('is skipped: dist/index.js is missing, run `node scripts/build.mjs dist` first', () => {})
  })
}
