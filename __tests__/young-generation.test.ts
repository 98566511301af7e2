/**
 * The main thread's young generation stays at its first size (src/young-generation.ts). The
 * choice is tested with a recording setter; the effect with the bundled CLI, whose largest young
 * generation a preloaded script records: a few megabytes, against what V8 grows it to when the
 * user's own flag leaves it alone. Workers are told by an argument (split-thread.test.ts checks
 * they get it). Skipped, with a message, when dist/ is not built.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  WORKER_KEEP_ARG,
  keepYoungGenerationSmall,
  keepYoungGenerationSmallInWorker,
  scavengeAloneOnFewCores,
  workerArgv
} from '../src/young-generation.js'
import { bundleBuilt, CLI_BUNDLE, runNode } from './fixtures/hostile/bundle.js'
// @ts-expect-error: a plain ES module script without types
import { generateAva } from '../scripts/bench-generate.mjs'

const MiB = 1 << 20

describe('choosing to keep the young generation small', () => {
  it('sets the growth factor to 1 and tells the workers, unless the user chose a flag', () => {
    const set: string[] = []
    const record = (flags: string) => void set.push(flags)
    expect(keepYoungGenerationSmall({}, [], record)).toBe(true)
    expect(set).toEqual(['--semi-space-growth-factor=1'])
    expect(workerArgv()).toEqual([WORKER_KEEP_ARG])

    for (const [env, execArgv] of [
      [{ NODE_OPTIONS: '--max-semi-space-size=64' }, []],
      [{ NODE_OPTIONS: '--require x.cjs' }, ['--semi_space_growth_factor=4']]
    ] as const) {
      set.length = 0
      expect(keepYoungGenerationSmall(env, execArgv, record)).toBe(false)
      expect(set).toEqual([])
      expect(workerArgv()).toEqual([])
    }
  })

  it('a worker sets the factor again only when told to', () => {
    const set: string[] = []
    const record = (flags: string) => void set.push(flags)
    keepYoungGenerationSmallInWorker(['node', 'worker.js'], record)
    expect(set).toEqual([])
    keepYoungGenerationSmallInWorker(['node', 'worker.js', WORKER_KEEP_ARG], record)
    expect(set).toEqual(['--semi-space-growth-factor=1'])
  })
})

describe('scavenging on one thread when cores are few', () => {
  it('turns parallel scavenges off on two cores or fewer, unless the user chose a GC flag', () => {
    const set: string[] = []
    const record = (flags: string) => void set.push(flags)
    expect(scavengeAloneOnFewCores({}, [], 2, record)).toBe(true)
    expect(scavengeAloneOnFewCores({}, [], 1, record)).toBe(true)
    expect(set).toEqual(['--no-parallel-scavenge', '--no-parallel-scavenge'])
    set.length = 0
    expect(scavengeAloneOnFewCores({}, [], 4, record)).toBe(false)
    for (const execArgv of [
      ['--parallel-scavenge'],
      ['--single_threaded_gc'],
      ['--no-parallel_scavenge']
    ])
      expect(scavengeAloneOnFewCores({}, execArgv, 2, record)).toBe(false)
    expect(scavengeAloneOnFewCores({ NODE_OPTIONS: '--single-threaded-gc' }, [], 2, record)).toBe(
      false
    )
    expect(set).toEqual([])
  })
})

const built = bundleBuilt(CLI_BUNDLE, 'young-generation')
const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** Records the main thread's largest young generation (V8's new space) into NEW_SPACE_OUT. */
const PRELOAD = `const { isMainThread } = require('node:worker_threads')
if (isMainThread) {
  const v8 = require('node:v8')
  let largest = 0
  const sample = () => {
    for (const space of v8.getHeapSpaceStatistics())
      if (space.space_name === 'new_space') largest = Math.max(largest, space.space_size)
  }
  setInterval(sample, 5).unref()
  process.on('exit', () => {
    sample()
    require('node:fs').writeFileSync(process.env.NEW_SPACE_OUT, String(largest))
  })
}
`

;(built ? describe : describe.skip)('the bundled CLI on 400,000 rows', () => {
  it('keeps its young generation a fraction of what V8 grows it to, with the same report', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gate-young-'))
    made.push(root)
    mkdirSync(join(root, 'data'))
    generateAva(400_000, join(root, 'data', 'rows.csv'), 21)
    const preload = join(root, 'young.cjs')
    writeFileSync(preload, PRELOAD)
    const out = join(root, 'new-space')
    const run = async (nodeOptions: string) => {
      const result = await runNode(
        CLI_BUNDLE,
        ['check', 'data', '--format', 'json', '--fail-on', 'never'],
        {
          cwd: root,
          // One thread: a worker's start is a moment when V8 may grow it (see split-thread).
          env: {
            DATASET_GATE_THREADS: '1',
            NEW_SPACE_OUT: out,
            NODE_OPTIONS: `${nodeOptions} --require ${preload}`
          },
          timeoutMs: 120_000
        }
      )
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      return { report: result.stdout, newSpace: Number(readFileSync(out, 'utf8')) }
    }
    const kept = await run('')
    // A flag of the user's own: the gate leaves V8's growth alone.
    const grown = await run('--max-semi-space-size=16')
    expect(kept.report).toBe(grown.report)
    expect(kept.newSpace).toBeGreaterThan(0)
    expect(kept.newSpace).toBeLessThanOrEqual(4 * MiB)
    expect(grown.newSpace).toBeGreaterThanOrEqual(4 * kept.newSpace)
  }, 120_000)
})

/** Records every flag the program gives V8 at run time into FLAGS_OUT. */
const FLAGS_PRELOAD = `const v8 = require('node:v8')
const set = v8.setFlagsFromString
const flags = []
v8.setFlagsFromString = text => {
  flags.push(text)
  return set(text)
}
process.on('exit', () => require('node:fs').writeFileSync(process.env.FLAGS_OUT, JSON.stringify(flags)))
`

;(built ? describe : describe.skip)('the bundled CLI at start', () => {
  it('keeps the young generation small, and scavenges on one thread when this machine has two cores or fewer', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gate-flags-'))
    made.push(root)
    const preload = join(root, 'flags.cjs')
    writeFileSync(preload, FLAGS_PRELOAD)
    const out = join(root, 'flags.json')
    const result = await runNode(CLI_BUNDLE, ['--version'], {
      cwd: root,
      env: { FLAGS_OUT: out, NODE_OPTIONS: `--require ${preload}` }
    })
    expect(result.code).toBe(0)
    const flags = JSON.parse(readFileSync(out, 'utf8')) as string[]
    expect(flags).toContain('--semi-space-growth-factor=1')
    expect(flags.includes('--no-parallel-scavenge')).toBe(availableParallelism() <= 2)
  })
})
