/**
 * Cloud Storage verification against the stand-in JSON API (fixtures/storage/fake-gcs.ts) on
 * 127.0.0.1: STORAGE_EMULATOR_HOST points the official client at it, so no Google host is asked.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyzeDataset } from '../src/gate/analyze-dataset.js'
import { uriVerifier } from '../src/gate/verify-uris.js'
import { defaultConfig, type StorageSettings } from '../src/config/schema.js'
import { planDatasets } from '../src/read/plan.js'
import { WorkingTreeSource } from '../src/read/source.js'
import {
  openStorage,
  closeStorage,
  NO_CREDENTIALS_NOTE,
  type StorageRun
} from '../src/storage/run.js'
import { detectCredentials } from '../src/storage/credentials.js'
import type { Finding } from '../src/model.js'
import { FakeGcs } from './fixtures/storage/fake-gcs.js'
import { hasFfmpeg, makeVideos, type FixtureVideo } from './fixtures/storage/videos.js'

const fake = new FakeGcs()
const dirs: string[] = []
const savedEmulator = process.env.STORAGE_EMULATOR_HOST

beforeAll(async () => {
  process.env.STORAGE_EMULATOR_HOST = await fake.start()
})

afterAll(async () => {
  // The client asked only what the stand-in implements.
  expect(fake.refused).toEqual([])
  await fake.stop()
  if (savedEmulator === undefined) delete process.env.STORAGE_EMULATOR_HOST
  else process.env.STORAGE_EMULATOR_HOST = savedEmulator
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gate-storage-'))
  dirs.push(dir)
  return dir
}

const SETTINGS: StorageSettings = {
  verify: 'all',
  durations: 'off',
  concurrency: 8,
  budgetSeconds: 60
}

/** Gates `rows` (an AutoML rows CSV) with storage verification; returns findings and notes. */
async function gate(
  rows: string[],
  settings: Partial<StorageSettings> = {},
  open: Parameters<typeof openStorage>[1] = {}
): Promise<{ findings: Finding[]; notes: string[]; run: StorageRun | null }> {
  const dir = tempDir()
  writeFileSync(join(dir, 'train.csv'), rows.join('\n') + '\n')
  const source = new WorkingTreeSource(dir)
  const config = defaultConfig()
  config.storage = { ...SETTINGS, ...settings }
  const run = await openStorage(config.storage, {
    cachePath: join(dir, 'cache', 'durations.json'),
    requestTimeoutMs: 500,
    backoffMs: 10,
    ...open
  })
  const plan = await planDatasets(source, config, [], 'head')
  const findings: Finding[] = []
  const notes: string[] = [...(run?.notes ?? [])]
  for (const dataset of plan.datasets) {
    const result = await analyzeDataset(source, dataset, config, {
      snapshot: false,
      verifyUris: uriVerifier(run)
    })
    findings.push(...result.report.findings)
    notes.push(...result.notes)
  }
  if (run) await closeStorage(run)
  return { findings, notes, run }
}

const of = (findings: Finding[], rule: string) =>
  findings
    .filter(f => f.rule === rule)
    .map(f => ({ line: f.line, severity: f.severity, message: f.message }))

describe('uri-missing', () => {
  const rows = [
    'gs://data-bucket/videos/a.mp4,run,0,1',
    'gs://data-bucket/videos/gone.mp4,walk,0,1',
    'gs://locked-bucket/videos/locked.mp4,run,0,1',
    'gs://data-bucket/videos/empty.mp4,walk,0,1',
    'gs://data-bucket/videos/a.mp4,walk,1,2'
  ]

  test('one missing, one forbidden and one empty object: three findings, gone once fixed', async () => {
    const payload = { data: Buffer.alloc(100), contentType: 'video/mp4' }
    fake.put('gs://data-bucket/videos/a.mp4', payload)
    fake.put('gs://locked-bucket/videos/locked.mp4', payload)
    fake.put('gs://data-bucket/videos/empty.mp4', { data: Buffer.alloc(0) })
    fake.forbidden.add('gs://locked-bucket')
    const before = await gate(rows)
    expect(of(before.findings, 'uri-missing')).toEqual([
      {
        line: 2,
        severity: 'error',
        message:
          'gs://data-bucket/videos/gone.mp4 does not exist (404). Upload the video, or fix the URI.'
      },
      {
        line: 3,
        severity: 'error',
        message: expect.stringContaining(
          "access denied for this identity (403). The import's service agent needs roles/storage.objectViewer"
        )
      },
      {
        line: 4,
        severity: 'error',
        message: expect.stringContaining('gs://data-bucket/videos/empty.mp4 is empty (0 bytes)')
      }
    ])
    expect(fake.refused).toEqual([])

    fake.put('gs://data-bucket/videos/gone.mp4', payload)
    fake.forbidden.delete('gs://locked-bucket')
    fake.put('gs://data-bucket/videos/empty.mp4', payload)
    expect(of((await gate(rows)).findings, 'uri-missing')).toEqual([])
  })

  test('a content type that is not video and a missing bucket', async () => {
    fake.put('gs://data-bucket/docs/readme.mp4', {
      data: Buffer.alloc(10),
      contentType: 'text/plain'
    })
    const { findings } = await gate([
      'gs://data-bucket/docs/readme.mp4,run,0,1',
      'gs://no-such-bucket/v/x.mp4,walk,0,1'
    ])
    const messages = of(findings, 'uri-missing').map(f => f.message)
    expect(messages[0]).toContain('has the content type "text/plain", not a video')
    expect(messages[1]).toContain('the bucket "no-such-bucket" does not exist (404)')
  })

  test('an object listed but not readable (an object ACL) is found out by the probe', async () => {
    fake.put('gs://acl-bucket/v/a.mp4', { data: Buffer.alloc(100) })
    fake.put('gs://acl-bucket/v/b.mp4', { data: Buffer.alloc(100) })
    fake.forbidden.add('gs://acl-bucket/v/b.mp4')
    const rows = ['gs://acl-bucket/v/a.mp4,run,0,1', 'gs://acl-bucket/v/b.mp4,walk,0,1']
    expect(of((await gate(rows)).findings, 'uri-missing')).toEqual([])
    const probed = await gate(rows, { durations: 'probe' }, { cachePath: null })
    expect(of(probed.findings, 'uri-missing')).toEqual([
      {
        line: 2,
        severity: 'error',
        message: expect.stringContaining('access denied for this identity (403)')
      }
    ])
  })

  test('faults (429, 503, a stalled connection) change no finding', async () => {
    fake.put('gs://fault-bucket/v/a.mp4', { data: Buffer.alloc(10) })
    fake.put('gs://fault-bucket/w/b.mp4', { data: Buffer.alloc(0) })
    const faultRows = [
      'gs://fault-bucket/v/a.mp4,run,0,1',
      'gs://fault-bucket/w/b.mp4,walk,0,1',
      'gs://fault-bucket/x/c.mp4,walk,0,1'
    ]
    const clean = of((await gate(faultRows)).findings, 'uri-missing')
    fake.faults.set('gs://fault-bucket/v/a.mp4', [429, 503])
    fake.faults.set('gs://fault-bucket/w/b.mp4', ['stall'])
    fake.faults.set('gs://fault-bucket/x/c.mp4', [503, 'stall', 429])
    const faulty = of((await gate(faultRows)).findings, 'uri-missing')
    expect(faulty).toEqual(clean)
    expect(clean.map(f => f.line)).toEqual([2, 3])
  })

  test('the time budget is honoured: the rest is a "not verified" warning', async () => {
    fake.put('gs://slow-bucket/v/a.mp4', { data: Buffer.alloc(10) })
    fake.faults.set('gs://slow-bucket/v/a.mp4', Array(50).fill('stall'))
    const started = Date.now()
    const { findings } = await gate(
      ['gs://slow-bucket/v/a.mp4,run,0,1'],
      { budgetSeconds: 1 },
      { requestTimeoutMs: 5000 }
    )
    expect(Date.now() - started).toBeLessThan(4000)
    expect(of(findings, 'uri-missing')).toEqual([
      {
        line: 1,
        severity: 'warning',
        message: expect.stringMatching(
          /^1 video URI was not verified \(.*\), the first gs:\/\/slow-bucket\/v\/a.mp4/
        )
      }
    ])
  })

  test('60,000 URIs under one prefix: at most 70 requests', async () => {
    const rows: string[] = []
    for (let i = 0; i < 60_000; i++) {
      const name = `big/${String(i).padStart(6, '0')}.mp4`
      if (i !== 12_345) fake.put(`gs://bulk-bucket/${name}`, { size: 1000 })
      rows.push(`gs://bulk-bucket/${name},${i % 2 ? 'run' : 'walk'},0,1`)
    }
    const start = fake.requests.length
    const { findings } = await gate(rows)
    const requests = fake.requests.length - start
    console.log(`60,000 URIs under one prefix: ${requests} requests`)
    expect(requests).toBeLessThanOrEqual(70)
    expect(of(findings, 'uri-missing')).toEqual([
      {
        line: 12_346,
        severity: 'error',
        message:
          'gs://bulk-bucket/big/012345.mp4 does not exist (404). Upload the video, or fix the URI.'
      }
    ])
  })
})

describe('verify: changed', () => {
  test('only the URIs the base does not list are looked up', async () => {
    const baseDir = tempDir()
    writeFileSync(join(baseDir, 'train.csv'), 'gs://data-bucket/old/gone-long-ago.mp4,run,0,1\n')
    const base = { source: new WorkingTreeSource(baseDir), paths: [] }
    const rows = [
      'gs://data-bucket/old/gone-long-ago.mp4,run,0,1',
      'gs://data-bucket/new/gone-now.mp4,walk,0,1'
    ]
    const changed = await gate(rows, { verify: 'changed' }, { base })
    expect(of(changed.findings, 'uri-missing').map(f => f.line)).toEqual([2])
    const all = await gate(rows, { verify: 'all' }, { base })
    expect(of(all.findings, 'uri-missing').map(f => f.line)).toEqual([1, 2])
  })
})

describe('without credentials', () => {
  test('one notice, the same findings as without verification', async () => {
    const env = { HOME: tempDir(), METADATA_SERVER_DETECTION: 'none' }
    expect(detectCredentials(env, env.HOME)).toBeNull()
    const rows = [
      'gs://data-bucket/videos/nowhere.mp4,run,0,1',
      'gs://data-bucket/videos/nowhere2.mp4,walk,0,1'
    ]
    const started = Date.now()
    const skipped = await gate(rows, {}, { env })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(skipped.notes).toEqual([NO_CREDENTIALS_NOTE])
    const off = await gate(rows, { verify: 'off' })
    expect(skipped.findings).toEqual(off.findings)
  })
})

const ffmpeg = hasFfmpeg()
if (!ffmpeg) console.warn('ffmpeg/ffprobe not installed: the duration probe tests are skipped')

describe('durations: probe', () => {
  let videos: FixtureVideo[] = []
  beforeAll(() => {
    if (!ffmpeg) return
    const dir = tempDir()
    mkdirSync(join(dir, 'v'))
    videos = makeVideos(join(dir, 'v'))
    for (const video of videos)
      fake.put(`gs://video-bucket/clips/${video.name}`, {
        data: video.data,
        contentType: video.contentType,
        generation: '7'
      })
  })

  ;(ffmpeg ? test : test.skip)(
    "durations equal ffprobe's to 0.01 s, each probe under 1 MB",
    async () => {
      const rows = videos.map(v => `gs://video-bucket/clips/${v.name},run,0,0.5`)
      const { run } = await gate(rows, { durations: 'probe' }, { cachePath: null })
      for (const video of videos) {
        const uri = `gs://video-bucket/clips/${video.name}`
        const probed = run!.durations.get(uri)
        console.log(
          `${video.name}: ${video.data.length} bytes, ffprobe ${video.seconds} s, probed ${probed} s, read ${fake.bytesServed.get(uri)} bytes`
        )
        expect(Math.abs(probed! - video.seconds)).toBeLessThanOrEqual(0.01)
        expect(fake.bytesServed.get(uri)!).toBeLessThan(1024 * 1024)
      }
      const last = videos.find(v => v.name === 'moov-last.mp4')!
      expect(last.data.length).toBeGreaterThan(64 * 1024)
    }
  )

  ;(ffmpeg ? test : test.skip)(
    'faults while reading headers change no duration; the cache saves the reads',
    async () => {
      const rows = videos.map(v => `gs://video-bucket/clips/${v.name},run,0,0.5`)
      const cachePath = join(tempDir(), 'durations.json')
      fake.faults.set('gs://video-bucket/clips/moov-last.mp4', [429, 'stall', 503])
      fake.faults.set('gs://video-bucket/clips/clip.avi', ['stall'])
      const first = await gate(rows, { durations: 'probe' }, { cachePath })
      for (const video of videos)
        expect(
          Math.abs(
            first.run!.durations.get(`gs://video-bucket/clips/${video.name}`)! - video.seconds
          )
        ).toBeLessThanOrEqual(0.01)
      const media = () => fake.requests.filter(r => r.url.includes('alt=media')).length
      const mediaBefore = media()
      const second = await gate(rows, { durations: 'probe' }, { cachePath })
      expect(media()).toBe(mediaBefore)
      expect(second.run!.durations).toEqual(first.run!.durations)
      // A new upload is a new generation: probed again.
      const clip = videos.find(v => v.name === 'clip.mov')!
      fake.put('gs://video-bucket/clips/clip.mov', {
        data: clip.data,
        contentType: clip.contentType,
        generation: '8'
      })
      await gate(rows, { durations: 'probe' }, { cachePath })
      expect(media()).toBe(mediaBefore + 1)
    }
  )

  ;(ffmpeg ? test : test.skip)(
    "a segment past a video's real length is reported, one inside is not",
    async () => {
      const video = videos.find(v => v.name === 'moov-last.mp4')!
      const uri = `gs://video-bucket/clips/${video.name}`
      const rows = [
        `${uri},run,0,${(video.seconds - 1).toFixed(2)}`,
        `${uri},walk,1,${(video.seconds + 2).toFixed(2)}`
      ]
      const probed = await gate(rows, { durations: 'probe' })
      const segments = of(probed.findings, 'segment-invalid')
      expect(segments.map(f => f.line)).toEqual([2])

      // The same as a durations file gives.
      const dir = tempDir()
      writeFileSync(join(dir, 'train.csv'), rows.join('\n') + '\n')
      writeFileSync(join(dir, 'durations.csv'), `${uri},${video.seconds}\n`)
      const config = defaultConfig()
      const source = new WorkingTreeSource(dir)
      const { parseConfig } = await import('../src/config/load.js')
      const withFile = parseConfig(
        'datasets:\n  - name: d\n    files: [train.csv]\n    durations: durations.csv\n',
        'gate.yml'
      )
      const plan = await planDatasets(source, withFile, [], 'head')
      const result = await analyzeDataset(source, plan.datasets[0]!, withFile, { snapshot: false })
      expect(of(result.report.findings, 'segment-invalid')).toEqual(segments)
      void config
    }
  )
})
