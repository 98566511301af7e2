/**
 * The bundled CLI reads a large dataset with a real worker thread (dist/worker.js): the same report
 * as with threads turned off, byte for byte; a worker that fails leaves the main thread to read
 * on. The copy of the bundle here gets a worker.js that marks that it ran before it loads the real
 * one, so the test knows a thread read the part. Skipped, with a message, when dist/ is not built.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleBuilt, CLI_BUNDLE, DIST, runNode } from './fixtures/hostile/bundle.js'
import { git, makeWorkspace, runAction, type ActionRun } from './fixtures/hostile/action-run.js'
import { FakeGitHub } from './helpers/fake-github.js'
import { WORKER_KEEP_ARG } from '../src/young-generation.js'
// @ts-expect-error: a plain ES module script without types
import { generate, generateAva } from '../scripts/bench-generate.mjs'

const built =
  bundleBuilt(CLI_BUNDLE, 'split-thread') &&
  existsSync(join(DIST, 'worker.js')) &&
  existsSync(join(DIST, 'base-worker.js')) &&
  existsSync(join(DIST, 'floor-worker.js'))
const cores = availableParallelism()
const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** A copy of the bundle whose worker `name` runs `before` first, then the real worker. */
function bundleWithWorker(before: string, name = 'worker.js', dir = copyOfBundle()): string {
  copyFileSync(join(DIST, name), join(dir, `real-${name}`))
  writeFileSync(join(dir, name), `${before}\nawait import('./real-${name}')\n`)
  return dir
}

function copyOfBundle(): string {
  const dir = temporary('gate-split-bundle-')
  for (const file of readdirSync(DIST)) copyFileSync(join(DIST, file), join(dir, file))
  return dir
}

/** A worker prelude that appends `name` to the file `marker`. */
function marking(marker: string, name: string): string {
  return `import { appendFileSync } from 'node:fs'\nappendFileSync(${JSON.stringify(marker)}, '${name}\\n')`
}

/** An AVA-shaped manifest as text. */
function avaText(rows: number, seed: number): string {
  const file = join(temporary('gate-split-text-'), 'rows.csv')
  generateAva(rows, file, seed)
  return readFileSync(file, 'utf8')
}

async function check(
  bundle: string,
  root: string,
  env: Record<string, string>,
  extra: string[] = []
) {
  const run = await runNode(
    join(bundle, 'cli.js'),
    ['check', 'data', '--format', 'json', '--fail-on', 'never', ...extra],
    {
      cwd: root,
      env,
      timeoutMs: 120_000
    }
  )
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return run.stdout
}

const suite = built && cores >= 2 ? describe : describe.skip
if (!(cores >= 2)) {
  it.skip(`split-thread: ${cores} core(s) here; parallel reading needs two`, () => {})
}

suite('a dataset read with a worker thread', () => {
  it('gives the report threads turned off give, and the worker ran', async () => {
    const root = temporary('gate-split-data-')
    mkdirSync(join(root, 'data'))
    generateAva(40_000, join(root, 'data', 'rows.csv'), 11)
    const marker = join(root, 'worker-ran')
    const bundle = bundleWithWorker(marking(marker, 'ran'))
    const threaded = await check(bundle, root, { DATASET_GATE_SPLIT_BYTES: '1024' })
    expect(readFileSync(marker, 'utf8')).toBe('ran\n')
    const single = await check(bundle, root, { DATASET_GATE_THREADS: '1' })
    expect(threaded).toBe(single)
    expect(JSON.parse(threaded).datasets[0].files[0].rows).toBe(40_000)
  })

  it('analyzes the base of a comparison in the worker, with the report threads turned off give', async () => {
    const root = temporary('gate-split-base-')
    mkdirSync(join(root, 'data'))
    generateAva(15_000, join(root, 'data', 'rows.csv'), 13)
    git(root, 'init', '-q', '-b', 'main')
    git(root, 'add', '-A')
    git(root, 'commit', '-q', '-m', 'base')
    generateAva(16_000, join(root, 'data', 'rows.csv'), 14)
    const marker = join(root, 'worker-ran')
    const bundle = bundleWithWorker(marking(marker, 'ran'), 'base-worker.js')
    const threaded = await check(bundle, root, {}, ['--base', 'main'])
    expect(readFileSync(marker, 'utf8')).toBe('ran\n')
    const single = await check(bundle, root, { DATASET_GATE_THREADS: '1' }, ['--base', 'main'])
    expect(threaded).toBe(single)
    expect(JSON.parse(threaded).baseRef).toBeDefined()
    // The head is then read in one piece: the CLI starts no reader for a file it names.
    const partMarker = join(root, 'part-ran')
    const both = bundleWithWorker(marking(partMarker, 'ran'), 'worker.js', bundle)
    const named = await runNode(
      join(both, 'cli.js'),
      ['check', 'data/rows.csv', '--base', 'main', '--format', 'json', '--fail-on', 'never'],
      { cwd: root, env: { DATASET_GATE_SPLIT_BYTES: '1024' }, timeoutMs: 60_000 }
    )
    expect(named.code).toBe(0)
    expect(existsSync(partMarker)).toBe(false)
  })

  it('computes the noise floors of 400 classes in a worker, with the same report', async () => {
    const root = temporary('gate-split-floors-')
    mkdirSync(join(root, 'data'))
    generate(30_000, join(root, 'data', 'rows.csv'), 15)
    const marker = join(root, 'worker-ran')
    const bundle = bundleWithWorker(marking(marker, 'ran'), 'floor-worker.js')
    const env = { DATASET_GATE_SPLIT_BYTES: '1024' }
    const threaded = await check(bundle, root, env)
    expect(readFileSync(marker, 'utf8')).toBe('ran\n')
    const single = await check(bundle, root, { DATASET_GATE_THREADS: '1' })
    expect(threaded).toBe(single)
    expect(JSON.parse(threaded).datasets[0].metrics.splitDistance.length).toBeGreaterThan(0)
    const failing = bundleWithWorker(`throw new Error('the worker broke')`, 'floor-worker.js')
    expect(await check(failing, root, env)).toBe(single)
  })

  it('tells each worker to keep the young generation small, as the main thread does', async () => {
    const root = temporary('gate-split-young-')
    mkdirSync(join(root, 'data'))
    generate(30_000, join(root, 'data', 'rows.csv'), 16)
    const marker = join(root, 'worker-argv')
    const told = (name: string) =>
      `import { appendFileSync } from 'node:fs'\nappendFileSync(${JSON.stringify(marker)}, '${name} ' + process.argv.includes(${JSON.stringify(WORKER_KEEP_ARG)}) + '\\n')`
    const bundle = bundleWithWorker(
      told('part'),
      'worker.js',
      bundleWithWorker(told('floors'), 'floor-worker.js')
    )
    await check(bundle, root, { DATASET_GATE_SPLIT_BYTES: '1024' })
    expect(readFileSync(marker, 'utf8').split('\n').sort()).toEqual([
      '',
      'floors true',
      'part true'
    ])
    // A young-generation flag of the user's own: the main thread and the workers leave it alone.
    rmSync(marker)
    await check(bundle, root, {
      DATASET_GATE_SPLIT_BYTES: '1024',
      NODE_OPTIONS: '--max-semi-space-size=8'
    })
    expect(readFileSync(marker, 'utf8').split('\n').sort()).toEqual([
      '',
      'floors false',
      'part false'
    ])
  })

  it('starts the reader first thing when `check` names a large file; unused, it never holds the process', async () => {
    const root = temporary('gate-split-early-')
    mkdirSync(join(root, 'data'))
    generateAva(20_000, join(root, 'data', 'rows.csv'), 17)
    // Three classes: cheap floors, so the floors' thread started at the split point goes unused.
    const few = Array.from(
      { length: 3000 },
      (_, i) => `TRAINING,gs://b/v${i % 90}.mp4,c${i % 3},0,1`
    )
    writeFileSync(join(root, 'data', 'few.csv'), few.join('\n') + '\n')
    const marker = join(root, 'worker-ran')
    const bundle = bundleWithWorker(marking(marker, 'ran'))
    const cli = (args: string[], env: Record<string, string>) =>
      runNode(join(bundle, 'cli.js'), ['check', ...args], { cwd: root, env, timeoutMs: 60_000 })
    const json = ['--format', 'json', '--fail-on', 'never']
    const env = { DATASET_GATE_SPLIT_BYTES: '1024' }
    for (const file of ['data/rows.csv', 'data/few.csv']) {
      rmSync(marker, { force: true })
      const threaded = await cli([file, ...json], env)
      expect(threaded.timedOut).toBe(false)
      expect(threaded.code).toBe(0)
      expect(readFileSync(marker, 'utf8')).toBe('ran\n')
      const single = await cli([file, ...json], { DATASET_GATE_THREADS: '1' })
      expect(threaded.stdout).toBe(single.stdout)
    }
    // An early thread that fails: the main thread reads on by itself.
    const failing = bundleWithWorker(`throw new Error('the worker broke')`)
    const failed = await runNode(join(failing, 'cli.js'), ['check', 'data/rows.csv', ...json], {
      cwd: root,
      env,
      timeoutMs: 60_000
    })
    const alone = await cli(['data/rows.csv', ...json], { DATASET_GATE_THREADS: '1' })
    expect(failed.code).toBe(0)
    expect(failed.stdout).toBe(alone.stdout)
    // Started, then not used: a usage error, a configuration that cannot be read.
    for (const args of [
      ['--format', 'nope'],
      ['--config', 'missing.yml']
    ]) {
      const stopped = await cli(['data/rows.csv', ...args], env)
      expect(stopped.timedOut).toBe(false)
      expect(stopped.code).toBe(2)
      expect(stopped.ms).toBeLessThan(10_000)
    }
  })

  // Linux only: the writes are told apart by the file each descriptor names in /proc/self/fd.
  const onLinux = process.platform === 'linux' ? it : it.skip
  onLinux(
    "spills both threads' duplicate-search rows to files it leaves none of, with the report kept in memory gives",
    async () => {
      const root = temporary('gate-split-spill-')
      mkdirSync(join(root, 'data'))
      // 700,000 rows: each thread reads more than the 262,144 rows a column keeps in memory.
      generate(700_000, join(root, 'data', 'rows.csv'), 18)
      const marker = join(root, 'spill-writes')
      const counting = (thread: string) =>
        [
          "import fs from 'node:fs'",
          'const write = fs.writeSync',
          'fs.writeSync = function (fd, ...rest) {',
          '  const written = write.call(this, fd, ...rest)',
          "  let name = ''",
          "  try { name = fs.readlinkSync('/proc/self/fd/' + fd) } catch {}",
          `  if (name.includes('.spill')) fs.appendFileSync(${JSON.stringify(marker)}, '${thread} ' + written + '\\n')`,
          '  return written',
          '}'
        ].join('\n')
      const bundle = bundleWithWorker(
        counting('worker'),
        'worker.js',
        bundleWithWorker(counting('main'), 'cli.js')
      )
      const spillFolder = temporary('gate-spill-folder-')
      const bytesBy = (): Record<string, number> => {
        const bytes: Record<string, number> = {}
        for (const line of readFileSync(marker, 'utf8').trim().split('\n')) {
          const [thread, count] = line.split(' ')
          bytes[thread!] = (bytes[thread!] ?? 0) + Number(count)
        }
        rmSync(marker)
        return bytes
      }
      const threaded = await check(bundle, root, { TMPDIR: spillFolder })
      const written = bytesBy()
      // At least a block of 65,536 rows at 6 bytes a row from each thread.
      expect(written.main).toBeGreaterThanOrEqual(6 * 65_536)
      expect(written.worker).toBeGreaterThanOrEqual(6 * 65_536)
      expect(readdirSync(spillFolder)).toEqual([])
      const single = await check(bundle, root, { TMPDIR: spillFolder, DATASET_GATE_THREADS: '1' })
      expect(bytesBy().worker).toBeUndefined()
      // No temporary folder to write in: every row in memory, and the same report.
      const inMemory = await check(bundle, root, { TMPDIR: join(root, 'no-such-folder') })
      expect(existsSync(marker)).toBe(false)
      expect(threaded).toBe(inMemory)
      expect(single).toBe(inMemory)
      const report = JSON.parse(threaded) as { datasets: { findings: { rule: string }[] }[] }
      expect(report.datasets[0]!.findings.some(f => f.rule === 'duplicate-row')).toBe(true)
    }
  )

  it('reads on by itself when the worker fails', async () => {
    const root = temporary('gate-split-data-')
    mkdirSync(join(root, 'data'))
    generateAva(20_000, join(root, 'data', 'rows.csv'), 12)
    const bundle = bundleWithWorker(`throw new Error('the worker broke')`)
    const failed = await check(bundle, root, { DATASET_GATE_SPLIT_BYTES: '1024' })
    const single = await check(bundle, root, { DATASET_GATE_THREADS: '1' })
    expect(failed).toBe(single)
  })
})

suite('the action with worker threads', () => {
  it('publishes on a pull request what it publishes with threads turned off', async () => {
    const api = await new FakeGitHub().start()
    try {
      const ws = makeWorkspace(
        { 'data/rows.csv': avaText(12_000, 31) },
        { 'data/rows.csv': avaText(13_000, 32) }
      )
      made.push(ws.dir)
      api.prHead = ws.headSha
      api.prFiles = ws.changed.map(filename => ({ filename, status: 'modified' }))
      const marker = join(ws.dir, 'workers-ran')
      const bundle = bundleWithWorker(
        marking(marker, 'part'),
        'worker.js',
        bundleWithWorker(marking(marker, 'base'), 'base-worker.js')
      )
      const published = async (env: Record<string, string>, inputs: Record<string, string>) => {
        const run: ActionRun = await runAction(ws, api.url, {
          bundle: join(bundle, 'index.js'),
          env: { DATASET_GATE_SPLIT_BYTES: '1024', ...env },
          inputs: { 'report-file': 'gate-report.json', ...inputs }
        })
        expect(run.stderr).toBe('')
        const report = readFileSync(run.outputs['report-file']!, 'utf8')
        return {
          code: run.code,
          outputs: run.outputs,
          summary: run.summary,
          report,
          comment: api.comments.at(-1)?.body
        }
      }
      // With the base: the base side in base-worker.js.
      const threaded = await published({}, {})
      expect(readFileSync(marker, 'utf8')).toBe('base\n')
      expect(await published({ DATASET_GATE_THREADS: '1' }, {})).toEqual(threaded)
      // Without it: the head split with worker.js.
      const split = await published({}, { 'compare-base': 'false' })
      expect(readFileSync(marker, 'utf8')).toBe('base\npart\n')
      expect(await published({ DATASET_GATE_THREADS: '1' }, { 'compare-base': 'false' })).toEqual(
        split
      )
    } finally {
      api.stop()
    }
  })
})
