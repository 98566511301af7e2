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
import { git } from './fixtures/hostile/action-run.js'
// @ts-expect-error: a plain ES module script without types
import { generateAva } from '../scripts/bench-generate.mjs'

const built =
  bundleBuilt(CLI_BUNDLE, 'split-thread') &&
  existsSync(join(DIST, 'worker.js')) &&
  existsSync(join(DIST, 'base-worker.js'))
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
function bundleWithWorker(before: string, name = 'worker.js'): string {
  const dir = temporary('gate-split-bundle-')
  for (const file of readdirSync(DIST)) copyFileSync(join(DIST, file), join(dir, file))
  copyFileSync(join(DIST, name), join(dir, `real-${name}`))
  writeFileSync(join(dir, name), `${before}\nawait import('./real-${name}')\n`)
  return dir
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
    const bundle = bundleWithWorker(
      `import { appendFileSync } from 'node:fs'\nappendFileSync(${JSON.stringify(marker)}, 'ran\\n')`
    )
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
    const bundle = bundleWithWorker(
      `import { appendFileSync } from 'node:fs'\nappendFileSync(${JSON.stringify(marker)}, 'ran\\n')`,
      'base-worker.js'
    )
    const threaded = await check(bundle, root, {}, ['--base', 'main'])
    expect(readFileSync(marker, 'utf8')).toBe('ran\n')
    const single = await check(bundle, root, { DATASET_GATE_THREADS: '1' }, ['--base', 'main'])
    expect(threaded).toBe(single)
    expect(JSON.parse(threaded).baseRef).toBeDefined()
  })

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
