/**
 * Memory stays flat on huge but valid files: the bundled CLI gates a ~50 MB and a ~200 MB Vertex
 * CSV (the same 20,000 videos and 50 classes, four times the rows) and its peak resident memory
 * (`process.resourceUsage().maxRSS`, recorded at exit by a preloaded script) grows by far less than
 * the file: what is kept per row is a fingerprint and a line number, a few bytes.
 *
 * The files are generated at test time in a temporary folder (about 12 s in all). Skipped when
 * dist/cli.js is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GateReport } from '../src/model.js'
import { CLI_BUNDLE, bundleBuilt, runNode } from './fixtures/hostile/bundle.js'

const built = bundleBuilt(CLI_BUNDLE, 'robust-memory')
const describeBundle = built ? describe : describe.skip

const VIDEOS = 20_000
const CLASSES = 50
const MB = 1_000_000

/** A valid Vertex CSV of about `megabytes` MB; each video in one split, every segment distinct. */
function generate(path: string, megabytes: number): { bytes: number; rows: number } {
  const fd = openSync(path, 'w')
  let bytes = 0
  let rows = 0
  try {
    while (bytes < megabytes * MB) {
      const lines: string[] = []
      for (let k = 0; k < 10_000; k++, rows++) {
        const video = rows % VIDEOS
        const split = Math.floor(video / CLASSES) % 5 === 0 ? 'test' : 'training'
        const label = `class_${String(video % CLASSES).padStart(2, '0')}`
        const start = Math.floor(rows / VIDEOS) * 2
        lines.push(
          `${split},gs://bench-bucket/v/video_${String(video).padStart(6, '0')}.mp4,${label},${start},${start + 1.5}\n`
        )
      }
      const chunk = lines.join('')
      writeSync(fd, chunk)
      bytes += Buffer.byteLength(chunk)
    }
  } finally {
    closeSync(fd)
  }
  return { bytes, rows }
}

interface Measured {
  bytes: number
  rows: number
  peakRss: number
  ms: number
  report: GateReport
}

let dir: string
let preload: string

async function measure(megabytes: number): Promise<Measured> {
  const repo = join(dir, `${megabytes}mb`)
  mkdirSync(repo)
  const { bytes, rows } = generate(join(repo, 'big.csv'), megabytes)
  const rssFile = join(dir, `${megabytes}.rss`)
  const run = await runNode(CLI_BUNDLE, ['check', '--format', 'json'], {
    cwd: repo,
    timeoutMs: 120_000,
    env: { NODE_OPTIONS: `--require ${preload}`, RSS_OUT: rssFile }
  })
  expect(run.timedOut).toBe(false)
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  rmSync(join(repo, 'big.csv'))
  const peakRss = Number(readFileSync(rssFile, 'utf8')) * 1024
  return { bytes, rows, peakRss, ms: run.ms, report: JSON.parse(run.stdout) as GateReport }
}

describeBundle('memory on huge valid files (bundled CLI)', () => {
  let small: Measured
  let large: Measured

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dataset-gate-memory-'))
    preload = join(dir, 'peak-rss.cjs')
    writeFileSync(
      preload,
      "process.on('exit', () => require('fs').writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)))\n"
    )
    small = await measure(50)
    large = await measure(200)
  }, 240_000)
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('reads every row of both files and passes them', () => {
    for (const run of [small, large]) {
      const [dataset] = run.report.datasets
      expect(dataset!.files[0]!.rows).toBe(run.rows)
      expect(dataset!.metrics.totalSegments).toBe(run.rows)
      expect(dataset!.metrics.totalVideos).toBe(VIDEOS)
      expect(run.report.passed).toBe(true)
    }
  })

  it('grows peak memory by a few bytes per row, far less than the file grows', () => {
    const fileGrowth = large.bytes - small.bytes
    const rssGrowth = large.peakRss - small.peakRss
    const perRow = rssGrowth / (large.rows - small.rows)
    console.info(
      `peak RSS ${(small.peakRss / MB).toFixed(0)} MB for ${(small.bytes / MB).toFixed(0)} MB ` +
        `(${small.ms} ms), ${(large.peakRss / MB).toFixed(0)} MB for ${(large.bytes / MB).toFixed(0)} MB ` +
        `(${large.ms} ms): ${(rssGrowth / MB).toFixed(1)} MB more for ${(fileGrowth / MB).toFixed(0)} MB ` +
        `more file, ${perRow.toFixed(1)} bytes per extra row`
    )
    expect(rssGrowth).toBeLessThan(0.35 * fileGrowth)
    expect(perRow).toBeLessThan(40)
  })
})

if (!built) {
  describe('memory on huge valid files (bundled CLI)', () => {
    it.skip('is skipped: dist/cli.js is missing, run `node scripts/build.mjs dist` first', () => {})
  })
}
