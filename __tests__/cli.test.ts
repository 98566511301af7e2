/**
 * The command line (contract.md, "Command line"): exit status, the three output formats, --output,
 * --fail-on and the one-line error messages. Successful runs call `main()` in this process with
 * stdout and stderr captured (fast); the error cases spawn the real program through tsx, so the exit
 * status and the absence of a stack trace are what a user would see.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { main } from '../src/cli.js'
import { gateReportSchema } from '../src/report/schema.js'
import type { GateReport } from '../src/model.js'
import { PROJECT_ROOT, cleanRepos, makeRepo, vertexRows } from './helpers/datasets.js'

afterAll(cleanRepos)

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs `main(argv)` in this process with `cwd` as the current folder, capturing its output. */
async function runInProcess(argv: string[], cwd = PROJECT_ROOT): Promise<Run> {
  const previousCwd = process.cwd()
  const listeners = process.stdout.listeners('error')
  const write = { out: process.stdout.write, err: process.stderr.write }
  let stdout = ''
  let stderr = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString()
    return true
  }) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString()
    return true
  }) as typeof process.stderr.write
  try {
    process.chdir(cwd)
    const code = await main(argv)
    return { code, stdout, stderr }
  } finally {
    process.stdout.write = write.out
    process.stderr.write = write.err
    process.chdir(previousCwd)
    // main() adds an EPIPE handler per call; drop ours so repeated calls do not pile up listeners
    for (const listener of process.stdout.listeners('error'))
      if (!listeners.includes(listener))
        process.stdout.off('error', listener as (...args: unknown[]) => void)
  }
}

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx')
const CLI = join(PROJECT_ROOT, 'src', 'cli.ts')

/** Runs the program as a user would: a separate process, `cwd` as its current folder. */
function runProgram(argv: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...argv], {
      cwd,
      env: { ...process.env, NODE_OPTIONS: '', NODE_NO_WARNINGS: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

const EXAMPLE = 'examples/automl'
const HEALTHY = vertexRows({
  training: { run: 220, jump: 220 },
  test: { run: 60, jump: 60 }
})

describe('check on the shipped example', () => {
  it('exits 1 and prints the findings', async () => {
    const run = await runInProcess(['check', EXAMPLE])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/FAILED/)
    expect(run.stdout).toContain('video-leakage')
    expect(run.stdout).toContain('examples/automl/test.csv:39')
    expect(run.stdout).toContain('segment-invalid')
  })

  it('--format json is the schemaVersion 1 report with the contract’s fields', async () => {
    const run = await runInProcess(['check', EXAMPLE, '--format', 'json'])
    expect(run.code).toBe(1)
    const json = JSON.parse(run.stdout) as GateReport
    const parsed = gateReportSchema.safeParse(json)
    expect(parsed.success ? [] : parsed.error.issues).toEqual([])
    expect(json).toMatchObject({ schemaVersion: 1, passed: false, failOn: 'error' })
    expect(Object.keys(json.counts).sort()).toEqual(['error', 'notice', 'warning'])
    expect(json.datasets).toHaveLength(1)
    const d = json.datasets[0]!
    expect(d.name).toBe('examples/automl/index.csv')
    expect(d.files.map(f => [f.path, f.format, f.split])).toEqual([
      ['examples/automl/train.csv', 'automl-rows', 'TRAIN'],
      ['examples/automl/test.csv', 'automl-rows', 'TEST']
    ])
    for (const split of ['TRAIN', 'TEST'] as const) {
      const summary = d.splits[split]!
      expect(summary).toEqual(
        expect.objectContaining({
          segments: expect.any(Number),
          videos: expect.any(Number),
          classes: expect.any(Object)
        })
      )
      for (const counts of Object.values(summary.classes))
        expect(Object.keys(counts).sort()).toEqual(['seconds', 'segments', 'videos'])
    }
    expect(d.metrics).toEqual(
      expect.objectContaining({
        classCount: 6,
        imbalanceRatio: expect.any(Number),
        leakedVideos: 1,
        leakedGroups: 0,
        multiLabelVideoShare: expect.any(Number),
        confounders: []
      })
    )
    expect(d.metrics.splitDistance[0]).toEqual(
      expect.objectContaining({
        a: 'TRAIN',
        b: 'TEST',
        jsDistance: expect.any(Number),
        lInf: expect.any(Number),
        chiSquareP: expect.any(Number)
      })
    )
    expect(d.delta).toBeNull()
    for (const f of d.findings) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['rule', 'severity', 'message', 'file', 'line', 'split', 'class'])
      )
      // row findings carry a repository-relative file and a 1-based line; dataset findings neither
      if (f.line !== null) expect(f.file).toMatch(/^examples\/automl\//)
    }
    const leak = d.findings.find(f => f.rule === 'video-leakage')!
    expect([leak.file, leak.line, leak.split]).toEqual(['examples/automl/test.csv', 39, 'TEST'])
    // the counts agree with the findings
    for (const severity of ['error', 'warning', 'notice'] as const)
      expect(json.counts[severity]).toBe(d.findings.filter(f => f.severity === severity).length)
  })

  it('--format markdown starts with the hidden marker', async () => {
    const run = await runInProcess(['check', EXAMPLE, '--format', 'markdown'])
    expect(run.code).toBe(1)
    expect(run.stdout.startsWith('<!-- dataset-gate:dataset-gate head=none -->')).toBe(true)
    expect(run.stdout).toContain('video-leakage')
    const keyed = await runInProcess([
      'check',
      EXAMPLE,
      '--format',
      'markdown',
      '--comment-key',
      'nightly'
    ])
    expect(keyed.stdout.startsWith('<!-- dataset-gate:nightly head=none -->')).toBe(true)
  })

  it('--output FILE also writes the JSON report', async () => {
    const folder = await makeRepo({})
    const output = join(folder, 'report.json')
    const run = await runInProcess(['check', EXAMPLE, '--output', output])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/FAILED/) // stdout keeps the text format
    const written = JSON.parse(readFileSync(output, 'utf8')) as GateReport
    expect(gateReportSchema.safeParse(written).success).toBe(true)
    expect(written.passed).toBe(false)
    const json = await runInProcess(['check', EXAMPLE, '--format', 'json'])
    expect(written).toEqual(JSON.parse(json.stdout))
  })

  it('--fail-on never exits 0 with the same findings; --fail-on warning fails', async () => {
    const never = await runInProcess(['check', EXAMPLE, '--fail-on', 'never', '--format', 'json'])
    expect(never.code).toBe(0)
    const report = JSON.parse(never.stdout) as GateReport
    expect([report.passed, report.failOn]).toEqual([true, 'never'])
    expect(report.counts.error).toBeGreaterThan(0)
  })
})

describe('check in a folder of its own', () => {
  it('without PATH gates every manifest under the current folder and exits 0 when it passes', async () => {
    const root = await makeRepo({ 'data/v.csv': HEALTHY })
    const run = await runInProcess(['check', '--format', 'json'], root)
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as GateReport
    expect(report.datasets.map(d => d.name)).toEqual(['data/v.csv'])
  })

  it('--fail-on warning turns warnings into a failure', async () => {
    const root = await makeRepo({
      'v.csv': vertexRows({ training: { run: 220, jump: 220 }, test: { run: 220, jump: 220 } })
    })
    expect((await runInProcess(['check'], root)).code).toBe(0)
    expect((await runInProcess(['check', '--fail-on', 'warning'], root)).code).toBe(1)
  })

  it('reads .github/dataset-gate.yml when present, and --config FILE otherwise', async () => {
    const root = await makeRepo({
      'v.csv': vertexRows({ training: { run: 220 }, test: { run: 60 } }), // one class: an error
      '.github/dataset-gate.yml': 'fail-on: never\n',
      'strict.yml': 'fail-on: error\n'
    })
    expect((await runInProcess(['check'], root)).code).toBe(0)
    expect((await runInProcess(['check', '--config', 'strict.yml'], root)).code).toBe(1)
  })
})

describe('usage, configuration and I/O errors', () => {
  const cases: [name: string, argv: string[], message: RegExp][] = [
    ['an unknown flag', ['check', '--bogus'], /--bogus/],
    [
      'a bad --format',
      ['check', '--format', 'xml'],
      /--format must be one of text, markdown, json/
    ],
    ['a bad --fail-on', ['check', '--fail-on', 'sometimes'], /--fail-on must be one of/],
    ['a missing command', [], /missing command/],
    ['an unknown command', ['lint'], /unknown command "lint"/],
    [
      'an unknown configuration key',
      ['check', '--config', 'unknown-key.yml'],
      /unknown-key\.yml:2: .*unknown key "fial-on".*did you mean "fail-on"/
    ],
    [
      'a configuration that is not YAML',
      ['check', '--config', 'bad-yaml.yml'],
      /bad-yaml\.yml:\d+:/
    ],
    [
      'a configuration file that does not exist',
      ['check', '--config', 'absent.yml'],
      /absent\.yml: cannot read the configuration \(it, or the folder it is in, does not exist\)$/
    ],
    ['a nonexistent PATH', ['check', 'no/such/folder'], /no\/such\/folder: does not exist/],
    [
      'a missing absolute PATH',
      ['check', '/no/such/file.csv'],
      /\/no\/such\/file\.csv: does not exist/
    ],
    ['--fail-on new without --base', ['check', '--fail-on', 'new'], /--fail-on new needs --base/],
    [
      'an --output in a folder that does not exist (said before the run)',
      ['check', 'v.csv', '--output', 'no/such/folder/report.json'],
      /^dataset-gate: --output no\/such\/folder\/report\.json: the folder .*no\/such\/folder does not exist$/
    ],
    [
      'an --output that cannot be written',
      ['check', 'v.csv', '--output', '.'],
      /^dataset-gate: --output \.: cannot write the report \(it is a folder\)$/
    ],
    [
      'an --output that is the file being checked (said before the run)',
      ['check', 'v.csv', '--output', './v.csv'],
      /^dataset-gate: --output \.\/v\.csv would overwrite v\.csv, a file named to be checked; write the report to another file$/
    ],
    [
      'an --output that links to the file being checked',
      ['check', 'v.csv', '--output', 'alias.json'],
      /would overwrite v\.csv, a file named to be checked/
    ],
    [
      'an --output that is a file a folder PATH finds',
      ['check', '.', '--output', 'v.csv'],
      /^dataset-gate: --output v\.csv would overwrite v\.csv, a file of the dataset v\.csv; write/
    ],
    [
      'an --output that is the configuration file',
      ['check', 'v.csv', '--config', 'ok.yml', '--output', 'ok.yml'],
      /would overwrite the configuration file; write the report to another file$/
    ]
  ]
  let root = ''

  beforeAll(async () => {
    root = await makeRepo({
      'v.csv': HEALTHY,
      'ok.yml': 'rules: {}\n',
      'unknown-key.yml': 'rules: {}\nfial-on: never\n',
      'bad-yaml.yml': 'rules:\n  min-classes: [\n'
    })
    symlinkSync('v.csv', join(root, 'alias.json'))
  })

  afterAll(() => {
    // No refused --output touched the file it named.
    expect(readFileSync(join(root, 'v.csv'), 'utf8')).toBe(HEALTHY)
    expect(readFileSync(join(root, 'ok.yml'), 'utf8')).toBe('rules: {}\n')
  })

  function expectOneLineError(run: Run, message: RegExp): void {
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const lines = run.stderr.split('\n').filter(line => line.length > 0)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^dataset-gate: /)
    expect(lines[0]).toMatch(message)
    expect(run.stderr).not.toMatch(/^\s{4}at /m)
  }

  it.each(cases)(
    '%s exits 2 with one line on stderr and no stack trace',
    async (_name, argv, message) => {
      expectOneLineError(await runInProcess(argv, root), message)
    }
  )

  it('--debug adds the stack trace of an I/O error', async () => {
    const run = await runInProcess(['check', 'v.csv', '--output', '.', '--debug'], root)
    expect(run.code).toBe(2)
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines[0]).toBe('dataset-gate: --output .: cannot write the report (it is a folder)')
    expect(lines.length).toBeGreaterThan(2)
    expect(lines[1]).toMatch(/^Error: EISDIR/)
    expect(lines[2]).toMatch(/^\s+at /)
  })
})

describe('the program itself, spawned through tsx', () => {
  // tsx start-up costs seconds per process, so a sample runs once, in parallel.
  const runs: Record<'example' | 'flag' | 'config', Run> = {} as never

  beforeAll(async () => {
    expect(existsSync(TSX)).toBe(true)
    const root = await makeRepo({ 'v.csv': HEALTHY, 'unknown-key.yml': 'fial-on: never\n' })
    const [example, flag, config] = await Promise.all([
      runProgram(['check', EXAMPLE, '--format', 'json'], PROJECT_ROOT),
      runProgram(['check', '--bogus'], root),
      runProgram(['check', '--config', 'unknown-key.yml'], root)
    ])
    Object.assign(runs, { example, flag, config })
  }, 60_000)

  it('exits with the gate’s status and prints the JSON report, nothing on stderr', () => {
    const run = runs.example
    expect(run.code).toBe(1)
    expect(gateReportSchema.safeParse(JSON.parse(run.stdout)).success).toBe(true)
    expect(run.stderr).toBe('') // no progress output on a pipe
  })

  it('a usage error and a configuration error exit 2 with one line and no stack trace', () => {
    for (const [run, message] of [
      [runs.flag, /--bogus/],
      [runs.config, /unknown key "fial-on"/]
    ] as const) {
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(run.stderr).toMatch(/^dataset-gate: /)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(/^\s{4}at /m)
    }
  })
})
