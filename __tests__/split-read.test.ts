/**
 * A large dataset read in two parts at once (gate/split-dataset.ts, gate/dataset-part.ts) gives
 * the report that reading it in one piece gives, byte for byte, and the part is not used where it
 * could differ. The worker's part is read in this thread here (readDatasetPart is pure of
 * threads); the real worker thread runs in split-thread.test.ts through the bundle.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { copyFile, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { runGate } from '../src/gate.js'
import { resolveRuleSettings } from '../src/config/schema.js'
import { analyzeBaseDatasets } from '../src/gate/base-part.js'
import { readDatasetPart } from '../src/gate/dataset-part.js'
import { SPLIT_SHARE } from '../src/gate/split-dataset.js'
import { GitRevisionSource } from '../src/read/git-source.js'
import { git } from './fixtures/hostile/action-run.js'
import type { ParallelReading } from '../src/gate/request.js'
import { collectGarbage } from '../src/gate/part-thread.js'
import { floorJobKey, jobFloor, type FloorJob } from '../src/analyze/stats/permutation-floor.js'
import { WorkingTreeSource } from '../src/read/source.js'
import type { GateReport } from '../src/model.js'
// @ts-expect-error: a plain ES module script without types
import { generate, generateAva } from '../scripts/bench-generate.mjs'
import {
  SHARED_DATASETS,
  cleanRepos,
  configFrom,
  itWithShared,
  makeRepo
} from './helpers/datasets.js'

afterAll(cleanRepos)

interface Outcome {
  report: string
  /** Parts started, and taken (absorbed at the split point). */
  parts: number
  taken: number
}

/** In this thread: the part is read at once, as a worker would, and kept or cancelled. */
function inThread(
  fail = false,
  floorsOf: (jobs: FloorJob[]) => number[] | null = jobs => jobs.map(jobFloor)
): ParallelReading & { parts: number; cancelled: number; bases: number; floorJobs: FloorJob[][] } {
  const reading = {
    floorJobs: [] as FloorJob[][],
    noiseFloors(jobs: FloorJob[]) {
      reading.floorJobs.push(jobs)
      const floors = fail ? null : floorsOf(structuredClone(jobs))
      return { result: Promise.resolve(structuredClone(floors)), cancel: () => {} }
    },
    minBytes: 1,
    parts: 0,
    cancelled: 0,
    read(request: Parameters<ParallelReading['read']>[0]) {
      reading.parts++
      // Through a structured clone, as a part crosses from a worker thread.
      const result = fail
        ? Promise.resolve(null)
        : readDatasetPart(structuredClone(request)).then(part => structuredClone(part))
      // Cancelling twice is cancelling once (a worker is terminated once).
      let cancelled = false
      const cancel = () => {
        if (!cancelled) reading.cancelled++
        cancelled = true
      }
      return { result, cancel }
    },
    bases: 0,
    analyzeBase(job: Parameters<ParallelReading['analyzeBase']>[0]) {
      reading.bases++
      const result = fail
        ? Promise.resolve(null)
        : analyzeBaseDatasets(structuredClone(job)).then(analyzed => structuredClone(analyzed))
      return { result, cancel: () => {} }
    }
  }
  return reading
}

async function run(
  root: string,
  options: { config?: string; base?: string; parallel?: ParallelReading } = {}
): Promise<GateReport> {
  return runGate({
    source: new WorkingTreeSource(root),
    config: configFrom(options.config),
    paths: [],
    ...(options.base ? { base: { ref: 'base', source: new WorkingTreeSource(options.base) } } : {}),
    ...(options.parallel ? { parallel: options.parallel } : {})
  })
}

/** The report read in one piece and read in two halves; the halves' report must be the same. */
async function both(
  root: string,
  options: { config?: string; base?: string; fail?: boolean } = {}
): Promise<Outcome & { whole: string }> {
  const whole = JSON.stringify(await run(root, options), null, 1)
  const parallel = inThread(options.fail)
  const report = JSON.stringify(await run(root, { ...options, parallel }), null, 1)
  return { whole, report, parts: parallel.parts, taken: parallel.parts - parallel.cancelled }
}

/** The two readings gave one report, with `parts` parts started and `taken` of them taken. */
function expectSame(
  outcome: Outcome & { whole: string },
  counts: { parts: number; taken: number }
) {
  expect({ parts: outcome.parts, taken: outcome.taken }).toEqual(counts)
  expect(outcome.report).toBe(outcome.whole)
}

/** Where split-dataset.ts splits a one-file dataset: just after the first line break at its share. */
function splitByte(bytes: Buffer): number {
  return bytes.indexOf(10, Math.floor(bytes.length * SPLIT_SHARE)) + 1
}

async function generated(shape: 'current' | 'ava', rows: number, seed = 7): Promise<string> {
  const root = await makeRepo({ 'data/.keep': '' })
  ;(shape === 'ava' ? generateAva : generate)(rows, join(root, 'data', 'rows.csv'), seed)
  return root
}

describe('a file read in two halves', () => {
  it('gives the same report on interleaved videos (the benchmark shape)', async () => {
    const root = await generated('current', 20_000)
    const outcome = await both(root)
    expectSame(outcome, { parts: 1, taken: 1 })
  })

  it('gives the same report on AVA-shaped rows: runs of one video across the split, leaks, capped findings', async () => {
    const root = await generated('ava', 30_000)
    const config = 'max-findings-per-rule: 25\n'
    const outcome = await both(root, { config })
    expectSame(outcome, { parts: 1, taken: 1 })
    const report = JSON.parse(outcome.report) as GateReport
    const omitted = report.datasets[0]!.findings.filter(f => f.omitted !== undefined)
    expect(omitted.length).toBeGreaterThan(0)
    expect(report.datasets[0]!.metrics.leakedVideos).toBeGreaterThan(0)
  })

  it('gives the same report against a base (new findings, frozen rows, omitted identities)', async () => {
    const head = await generated('ava', 20_000, 7)
    const base = await generated('ava', 20_000, 8)
    const config = 'max-findings-per-rule: 10\nfail-on: new\n'
    const outcome = await both(head, { config, base })
    expectSame(outcome, { parts: 1, taken: 1 })
  })

  it('finds duplicates, leaks and group leaks whose rows are on both sides of the split', async () => {
    const lines: string[] = []
    for (let i = 0; i < 400; i++) {
      const source = `g${i % 40}`
      lines.push(`TRAINING,gs://b/${source}_c${i}.mp4,class_${i % 7},0,${1 + (i % 5)}`)
    }
    // The same rows again after the split: duplicates; some videos now in TEST: leaks.
    for (let i = 0; i < 400; i++) {
      const source = `g${i % 40}`
      const split = i % 9 === 0 ? 'TEST' : 'TRAINING'
      lines.push(`${split},gs://b/${source}_c${i}.mp4,class_${i % 7},0,${1 + (i % 5)}`)
    }
    const root = await makeRepo({ 'data/rows.csv': lines.join('\n') + '\n' })
    const config = [
      'datasets:',
      '  - name: rows',
      '    files: [data/rows.csv]',
      "    group-pattern: 'gs://b/(g\\d+)_'",
      ''
    ].join('\n')
    const outcome = await both(root, { config })
    expectSame(outcome, { parts: 1, taken: 1 })
    const d = (JSON.parse(outcome.report) as GateReport).datasets[0]!
    expect(d.findings.some(f => f.rule === 'duplicate-row')).toBe(true)
    expect(d.metrics.leakedVideos).toBeGreaterThan(0)
    expect(d.metrics.leakedGroups).toBeGreaterThan(0)
  })

  it('keeps video keys in any script across the split: Latin-1, CJK, emoji, long keys', async () => {
    const names = [
      'vid\u00e9o_\u00e9t\u00e9',
      '\u52d5\u753b',
      'take_\u{1F3AC}',
      'x'.repeat(70_000),
      'plain'
    ]
    const lines: string[] = []
    for (let i = 0; i < 600; i++) {
      // The second half moves some of the first half's videos to TEST (leaks named by their keys)
      // and brings 30 new ones, whose keys the part hands over, in both splits.
      const video = i < 300 || i % 7 === 0 ? i % 50 : 50 + (i % 30)
      const split = i >= 300 && Math.floor(i / 30) % 2 === 0 ? 'TEST' : 'TRAINING'
      const name = names[video % names.length]!
      lines.push(`${split},gs://bkt/${name}_${video}.mp4,class_${i % 4},0,${1 + (i % 3)}`)
    }
    const root = await makeRepo({ 'data/rows.csv': lines.join('\n') + '\n' })
    const outcome = await both(root)
    expectSame(outcome, { parts: 1, taken: 1 })
    const report = JSON.parse(outcome.report) as GateReport
    const leaks = report.datasets[0]!.findings.filter(f => f.rule === 'video-leakage')
    expect(leaks.some(f => f.message.includes('\u52d5\u753b_'))).toBe(true)
    expect(leaks.some(f => f.message.includes('take_\u{1F3AC}_'))).toBe(true)
    expect(report.datasets[0]!.metrics.totalVideos).toBe(80)
    expect(report.datasets[0]!.findings.some(f => f.message.includes('take_\u{1F3AC}_77'))).toBe(
      true
    )
  })

  it('numbers the lines after the split point as one reading does (the part counts from its start)', async () => {
    // After the split point: a label's first spelling variant, unlabeled videos and rows added to
    // the frozen TEST split; their findings name lines the part counted.
    const before = Array.from(
      { length: 600 },
      (_, i) => `TRAINING,gs://b/v${i % 37}.mp4,class_${i % 5},0,${1 + (i % 3)}`
    )
    const after = (variant: boolean) =>
      Array.from({ length: 600 }, (_, i) =>
        i < 150
          ? `TRAINING,gs://b/v${i % 37}.mp4,class_${i % 5},0,1`
          : i % 50 === 7
            ? `TRAINING,gs://b/u${i}.mp4,,,`
            : i % 40 === 3
              ? `TEST,gs://b/t${i}.mp4,class_${i % 5},0,1`
              : `TRAINING,gs://b/v${i % 37}.mp4,${variant && i % 60 === 11 ? 'Class-1' : `class_${i % 5}`},0,1`
      )
    const file = (lines: string[]) => lines.join('\n') + '\n'
    const head = await makeRepo({ 'data/rows.csv': file([...before, ...after(true)]) })
    const base = await makeRepo({
      'data/rows.csv': file([...before, ...after(false).filter(line => !line.startsWith('TEST'))])
    })
    const config = 'rules:\n  frozen-split: { severity: error, splits: [TEST] }\n'
    const headBytes = await readFile(join(head, 'data/rows.csv'))
    const splitLine = headBytes.subarray(0, splitByte(headBytes)).toString().split('\n').length
    expect(splitLine).toBeLessThan(750) // the variant, unlabeled and TEST rows from 751 on
    const outcome = await both(head, { config, base })
    expectSame(outcome, { parts: 1, taken: 1 })
    const findings = (JSON.parse(outcome.report) as GateReport).datasets[0]!.findings
    const lineOf = (rule: string) => findings.find(f => f.rule === rule)?.line ?? 0
    for (const rule of ['label-variant', 'unlabeled-video', 'frozen-split'])
      expect(lineOf(rule)).toBeGreaterThan(splitLine)

    // The part itself counts from its start byte: the lines before it are the main thread's.
    const bytes = headBytes
    const startByte = splitByte(bytes)
    const linesBefore = bytes.subarray(0, startByte).toString().split('\n').length - 1
    const plan = { path: 'data/rows.csv', split: null, format: 'auto' as const, from: null }
    const part = await readDatasetPart({
      root: head,
      spec: null,
      settings: resolveRuleSettings(configFrom(config)),
      maxFindingsPerRule: 100,
      durations: null,
      snapshot: false,
      filePaths: [],
      first: { file: plan, startByte, maxRows: 1e9 },
      files: [],
      budget: { bytes: 1e12, rows: 1e9 },
      maxLineBytes: 1 << 20,
      spillFile: null
    })
    const total = bytes.toString().split('\n').length - 1
    expect(part!.first!.read.lines).toBe(total - linesBefore)
  })

  it('reads the files after the split point whole, with their own checks, limits and endings', async () => {
    const rows = (n: number, split: string, from = 0) =>
      Array.from(
        { length: n },
        (_, i) => `${split},gs://b/v${(from + i) % 97}.mp4,c${(from + i) % 6},0,${1 + (i % 3)}`
      ).join('\n') + '\n'
    const root = await makeRepo({
      'data/a.csv': rows(3000, 'TRAINING'),
      'data/b.csv': rows(500, 'TEST', 40),
      'data/c.csv': '',
      'data/d.csv': '\n\n',
      'data/e.csv': 'ML_USE,VIDEO_URI,LABEL,START,END\n' + rows(400, 'TRAINING', 7),
      'data/f.csv': rows(900, 'TEST', 3)
    })
    const config = (extra: string) =>
      ['datasets:', '  - name: rows', '    files: [data/*.csv]', extra, ''].join('\n')
    const outcome = await both(root, { config: config('') })
    expectSame(outcome, { parts: 1, taken: 1 })
    // The dataset's row budget runs out in a later file: one reading stops there, so the part
    // is not used.
    const limited = await both(root, {
      config: config('    rules:\n      resource-limit:\n        max-dataset-rows: 4500')
    })
    expect(limited.taken).toBe(0)
    expect(limited.report).toBe(limited.whole)
    expect(limited.report).toContain('max-dataset-rows')
    // A later file over the byte budget is refused the same way by both.
    const bytes = await both(root, {
      config: config('    rules:\n      resource-limit:\n        max-dataset-bytes: 140000')
    })
    expect(bytes.report).toBe(bytes.whole)
    expect(bytes.report).toContain('max-dataset-bytes')
  })

  it('stops at max-distinct-labels where one reading stops, on either side of the split point', async () => {
    // 2,000 rows of 8 classes, with a new label on every row from row `from` on (a wrong column).
    // Two such files: the split point is early in the second.
    const rows = (from: number, file: string) =>
      Array.from(
        { length: 2000 },
        (_, i) => `TRAINING,gs://b/v${i % 97}.mp4,${i < from ? `c${i % 8}` : `${file}${i}`},0,1`
      ).join('\n') + '\n'
    const config = (max: number) =>
      [
        'datasets:',
        '  - name: rows',
        '    files: [data/*.csv]',
        '    rules:',
        `      resource-limit: { max-distinct-labels: ${max} }`,
        ''
      ].join('\n')
    const cases: [a: number, b: number, max: number, stop: [string, number] | null][] = [
      // Past the limit in the first file (the main thread's): the second is not read.
      [100, 2000, 50, ['data/a.csv', 143]],
      // Past it in the worker's part: not taken, the main thread reads on and stops there.
      [2000, 500, 50, ['data/b.csv', 543]],
      // Past it only with both parts' labels (18 and 18, 28 in all): not taken either.
      [1990, 1990, 20, ['data/b.csv', 1993]],
      // Within it: taken.
      [1990, 1990, 100, null]
    ]
    for (const [a, b, max, stop] of cases) {
      const root = await makeRepo({ 'data/a.csv': rows(a, 'a'), 'data/b.csv': rows(b, 'b') })
      const outcome = await both(root, { config: config(max) })
      expect(outcome.report).toBe(outcome.whole)
      expect([a, b, max, outcome.parts, outcome.taken]).toEqual([a, b, max, 1, stop ? 0 : 1])
      const findings = (JSON.parse(outcome.report) as GateReport).datasets[0]!.findings
      const limits = findings.filter(f => f.rule === 'resource-limit')
      const refused = stop?.[0] === 'data/a.csv' ? [['data/b.csv', null]] : []
      expect(limits.map(f => [f.file, f.line])).toEqual(stop ? [stop, ...refused] : [])
      if (stop) expect(limits[0]!.message).toMatch(`more than ${max} distinct labels`)
    }
  })

  it('starts the part at a file when the split point has no line break after it', async () => {
    const small = (n: number) =>
      Array.from({ length: n }, (_, i) => `TRAINING,gs://b/v${i % 50}.mp4,c${i % 4},0,1`).join(
        '\n'
      ) + '\n'
    // The split point falls inside a file of one long line without a break: the part starts at
    // the next file instead.
    const root = await makeRepo({
      'data/a.csv': small(100),
      'data/b.csv': 'TRAINING,gs://b/' + 'x'.repeat(9000) + '.mp4,c1,0,1',
      'data/c.csv': small(200)
    })
    const config = 'datasets:\n  - name: rows\n    files: [data/*.csv]\n'
    const outcome = await both(root, { config })
    expectSame(outcome, { parts: 1, taken: 1 })
  })

  it('reads JSON Lines and a headed, column-mapped CSV the same way', async () => {
    const jsonl: string[] = []
    const columns = ['label,youtube_id,time_start,time_end,split']
    for (let i = 0; i < 3000; i++) {
      jsonl.push(
        JSON.stringify({
          videoGcsUri: `gs://b/v${i % 300}.mp4`,
          timeSegmentAnnotations: [
            { displayName: `c${i % 11}`, startTime: '0s', endTime: `${1 + (i % 4)}s` }
          ],
          dataItemResourceLabels: { 'aiplatform.googleapis.com/ml_use': 'training' }
        })
      )
      columns.push(
        `"label ${i % 13}",yt${i % 500},${i % 7},${(i % 7) + 10},${i % 5 ? 'train' : 'val'}`
      )
    }
    const root = await makeRepo({
      'data/rows.jsonl': jsonl.join('\n') + '\n',
      'kinetics/k.csv': columns.join('\n') + '\n'
    })
    const config = [
      'datasets:',
      '  - name: vertex',
      '    files: [data/rows.jsonl]',
      '    format: vertex-jsonl',
      '  - name: kinetics',
      '    files: [kinetics/k.csv]',
      '    format: columns',
      '    columns: { video: youtube_id, label: label, start: time_start, end: time_end, split: split }',
      '    split-values: { train: TRAIN, val: VALIDATION }',
      '    video-key: id',
      ''
    ].join('\n')
    const outcome = await both(root, { config })
    expectSame(outcome, { parts: 2, taken: 2 })
  })

  it('keeps a U+FEFF that starts the second half as data, and stops where one reading stops', async () => {
    const lines: string[] = []
    for (let i = 0; i < 2000; i++) lines.push(`TRAINING,gs://b/v${i % 150}.mp4,c${i % 5},0,1`)
    const text = Buffer.from(lines.join('\n') + '\n')
    const at = splitByte(text)
    const withFeff = Buffer.concat([text.subarray(0, at), Buffer.from('\uFEFF'), text.subarray(at)])
    const broken = Buffer.concat([
      text.subarray(0, at),
      Buffer.from('TRAINING,gs://b/v1.mp4,c1,0,1\n'),
      Buffer.from([0xc3, 0x28, 0x0a]), // invalid UTF-8 in the second half
      text.subarray(at)
    ])
    const root = await makeRepo({ 'data/rows.csv': withFeff })
    const outcome = await both(root)
    expectSame(outcome, { parts: 1, taken: 1 })
    // A stop in the second half: which lines are read before it depends on where reading began,
    // so the main thread reads on by itself.
    const brokenRoot = await makeRepo({ 'data/rows.csv': broken })
    const stopped = await both(brokenRoot)
    expectSame(stopped, { parts: 1, taken: 0 })
    expect(stopped.report).toContain('not valid UTF-8')
  })

  it('is not used where it could differ: a quoted line break, a lone CR after quotes, a row limit, a failed worker', async () => {
    const lines: string[] = []
    for (let i = 0; i < 2000; i++) lines.push(`TRAINING,gs://b/v${i % 150}.mp4,c${i % 5},0,1`)
    const plain = Buffer.from(lines.join('\n') + '\n')
    const at = splitByte(plain)
    const head = plain.subarray(0, at).toString()
    const tail = plain.subarray(at).toString()
    // A quoted label with a line break before the split: the split byte is inside no record only by luck.
    const quotedBreak = 'TRAINING,gs://b/q.mp4,"two\nlines",0,1\n' + head + tail
    // A simple quoted field before the split, a lone CR after it: one reading hands that line to
    // csv-parse, a reading that starts at the split would not.
    const loneCr =
      'TRAINING,gs://b/q.mp4,"quoted",0,1\n' +
      head +
      'TRAINING,gs://b/cr.mp4,c1,0,1\rTEST,gs://b/cr2.mp4,c2,0,1\n' +
      tail
    for (const content of [quotedBreak, loneCr]) {
      const root = await makeRepo({ 'data/rows.csv': content })
      const outcome = await both(root)
      expect(outcome.parts).toBe(1)
      expect(outcome.taken).toBe(0)
      expect(outcome.report).toBe(outcome.whole)
    }
    const root = await makeRepo({ 'data/rows.csv': plain })
    const limited = await both(root, { config: 'rules:\n  resource-limit:\n    max-rows: 1500\n' })
    expectSame(limited, { parts: 1, taken: 0 })
    expect(limited.report).toContain('max-rows')
    const failed = await both(root, { fail: true })
    expectSame(failed, { parts: 1, taken: 0 })
  })
})

describe('noise floors computed in the other thread during the second pass', () => {
  const distances = (report: GateReport) => report.datasets[0]!.metrics.splitDistance

  it('are the floors the judge asks for, and the report is the one the main thread alone gives', async () => {
    const root = await generated('current', 20_000) // 400 classes: 400,000 draws per floor
    const whole = await run(root)
    const prepared: { bytes: number; jobsSent: number }[] = []
    const parallel = inThread()
    const report = await run(root, {
      parallel: {
        ...parallel,
        read: request => parallel.read(request),
        noiseFloors: jobs => parallel.noiseFloors(jobs),
        prepareNoiseFloors: bytes => prepared.push({ bytes, jobsSent: parallel.floorJobs.length })
      }
    })
    expect(JSON.stringify(report)).toBe(JSON.stringify(whole))
    expect(parallel.floorJobs).toHaveLength(1)
    // The floors' thread is asked to start (by the part's posting, then again at the split point)
    // with the dataset's size, before its jobs are known.
    const size = (await stat(join(root, 'data', 'rows.csv'))).size
    expect(prepared).toEqual([
      { bytes: size, jobsSent: 0 },
      { bytes: size, jobsSent: 0 }
    ])
    expect(parallel.floorJobs[0]!.map(floorJobKey)).toHaveLength(distances(whole).length)

    // Floors the judge could only have taken from the other thread: each job's own number.
    const marked = inThread(false, jobs => jobs.map((_, i) => 0.25 + i / 8))
    const taken = distances(await run(root, { parallel: marked }))
    expect(taken.map(d => d.noiseFloor)).toEqual(taken.map((_, i) => 0.25 + i / 8))
    expect(taken.map(d => d.noiseFloor)).not.toEqual(distances(whole).map(d => d.noiseFloor))
  })

  it('are computed in the main thread when the other thread fails or gives something else', async () => {
    const root = await generated('current', 20_000)
    const whole = JSON.stringify(await run(root))
    for (const floorsOf of [() => null, () => [0.5]]) {
      const parallel = inThread(false, floorsOf)
      expect(JSON.stringify(await run(root, { parallel }))).toBe(whole)
      expect(parallel.floorJobs).toHaveLength(1)
    }
  })

  it('are not sent to another thread when they are cheap or the dataset is small', async () => {
    const few = await makeRepo({
      'rows.csv': Array.from(
        { length: 400 },
        (_, i) => `${i % 4 === 0 ? 'test' : 'training'},gs://b/v${i}.mp4,c${i % 3},0,1`
      ).join('\n')
    })
    const parallel = inThread()
    await run(few, { parallel })
    expect(parallel.floorJobs).toHaveLength(0)

    const root = await generated('current', 20_000)
    const small = { ...inThread(), minBytes: 1 << 30 }
    await run(root, { parallel: small })
    expect(small.floorJobs).toHaveLength(0)
  })
})

describe('one full collection after the first pass of a large dataset', () => {
  it('is asked for once per dataset of at least its size, after the part was taken', async () => {
    const root = await generated('current', 20_000)
    const size = (await stat(join(root, 'data', 'rows.csv'))).size
    const whole = JSON.stringify(await run(root))
    const asked: number[] = []
    const collecting = (afterBytes: number) => {
      const parallel = inThread()
      const collect = () => {
        asked.push(parallel.parts - parallel.cancelled) // parts taken by then
        collectGarbage() // the real collection: the run goes on unharmed
      }
      return { ...parallel, collectGarbage: { afterBytes, collect } }
    }
    expect(JSON.stringify(await run(root, { parallel: collecting(size) }))).toBe(whole)
    expect(asked).toEqual([1])
    await run(root, { parallel: collecting(size + 1) })
    expect(asked).toEqual([1])
  })

  it('frees garbage, without leaving `gc` to later contexts', () => {
    // 300,000 objects made and dropped: nothing refers to them once this returns.
    const before = (() => {
      const garbage = Array.from({ length: 300_000 }, (_, index) => ({
        index,
        text: `row ${index}`
      }))
      expect(garbage.length).toBe(300_000)
      return process.memoryUsage().heapUsed
    })()
    collectGarbage()
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(10 << 20)
    expect(runInNewContext('typeof gc')).toBe('undefined')
  })
})

describe('the base side of a comparison analyzed in the other thread', () => {
  it('gives the report the main thread alone gives, and reads the head in one piece', async () => {
    const root = await generated('ava', 8_000, 21)
    git(root, 'init', '-q', '-b', 'main')
    git(root, 'add', '-A')
    git(root, 'commit', '-q', '-m', 'base')
    generateAva(9_000, join(root, 'data', 'rows.csv'), 22)
    const request = {
      source: new WorkingTreeSource(root),
      config: configFrom('max-findings-per-rule: 20\nfail-on: new\n'),
      paths: [],
      base: { ref: 'main', source: new GitRevisionSource(root, 'HEAD') }
    }
    const alone = JSON.stringify(await runGate(request), null, 1)
    const parallel = inThread()
    const threaded = JSON.stringify(await runGate({ ...request, parallel }), null, 1)
    expect(parallel.bases).toBe(1)
    expect(parallel.parts).toBe(0)
    expect(threaded).toBe(alone)
    // A worker that fails leaves the base to the main thread.
    const failing = inThread(true)
    expect(JSON.stringify(await runGate({ ...request, parallel: failing }), null, 1)).toBe(alone)
    expect(failing.bases).toBe(1)
  })
})

describe('real manifests read in two halves', () => {
  const itKinetics = itWithShared(it, ['kinetics400', 'cvdf', 'test.csv'])
  itKinetics('Kinetics-400 CVDF test.csv and val.csv give the same report', async () => {
    const root = await makeRepo({ 'kinetics/.keep': '' })
    for (const name of ['test.csv', 'val.csv']) {
      await copyFile(
        join(SHARED_DATASETS, 'kinetics400', 'cvdf', name),
        join(root, 'kinetics', name)
      )
    }
    const config = [
      'datasets:',
      '  - name: kinetics400',
      '    files: [kinetics/*.csv]',
      '    format: columns',
      '    columns: { video: youtube_id, label: label, start: time_start, end: time_end, split: split }',
      '    split-values: { train: TRAIN, val: VALIDATION, validate: VALIDATION, test: TEST }',
      '    video-key: id',
      ''
    ].join('\n')
    const outcome = await both(root, { config })
    expectSame(outcome, { parts: 1, taken: 1 })
    expect((await stat(join(root, 'kinetics', 'test.csv'))).size).toBeGreaterThan(1e6)
    expect((await readFile(join(root, 'kinetics', 'test.csv'), 'utf8')).includes('"')).toBe(true)
  })
})
