/**
 * The CLI's storage flags: --verify-uris and --probe-durations, against the stand-in JSON API on
 * 127.0.0.1, and without credentials (one notice, the same verdict).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../src/cli.js'
import { NO_CREDENTIALS_NOTE } from '../src/storage/run.js'
import type { GateReport } from '../src/model.js'
import { FakeGcs } from './fixtures/storage/fake-gcs.js'

const fake = new FakeGcs()
const cwd = process.cwd()
const saved = { ...process.env }
let dir = ''

beforeAll(async () => {
  // The real path: the gate refuses paths reached through a symbolic link.
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'gate-storage-cli-')))
  writeFileSync(
    join(dir, 'train.csv'),
    ['gs://cli-bucket/v/here.mp4,run,0,1', 'gs://cli-bucket/v/gone.mp4,walk,0,1'].join('\n') + '\n'
  )
  fake.put('gs://cli-bucket/v/here.mp4', { data: Buffer.alloc(10) })
  // No credentials anywhere the detection looks, and no metadata server probe.
  process.env.HOME = dir
  process.env.DATASET_GATE_CACHE_DIR = join(dir, 'cache')
  delete process.env.GOOGLE_APPLICATION_CREDENTIALS
  delete process.env.CLOUDSDK_CONFIG
  process.env.METADATA_SERVER_DETECTION = 'none'
})

afterAll(async () => {
  await fake.stop()
  process.env = saved
  rmSync(dir, { recursive: true, force: true })
})

async function check(args: string[]): Promise<{ code: number; report: GateReport }> {
  const output = join(dir, 'report.json')
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    // From inside the folder: the CLI gates the working folder's manifests.
    process.chdir(dir)
    const code = await main(['check', '--format', 'json', '--output', output, ...args])
    return { code, report: JSON.parse(readFileSync(output, 'utf8')) as GateReport }
  } finally {
    process.chdir(cwd)
    write.mockRestore()
  }
}

const uriMissing = (report: GateReport) =>
  report.datasets.flatMap(d => d.findings).filter(f => f.rule === 'uri-missing')

describe('dataset-gate check --verify-uris', () => {
  test('a bad value is a usage error', async () => {
    const error = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      expect(await main(['check', dir, '--verify-uris', 'some'])).toBe(2)
      expect(String(error.mock.calls[0]![0])).toContain('--verify-uris must be changed or all')
    } finally {
      error.mockRestore()
    }
  })

  test('without credentials: one notice, the same verdict', async () => {
    delete process.env.STORAGE_EMULATOR_HOST
    const plain = await check([])
    const skipped = await check(['--verify-uris', 'all', '--probe-durations'])
    expect(skipped.code).toBe(plain.code)
    expect(skipped.report.notes.filter(n => n === NO_CREDENTIALS_NOTE)).toHaveLength(1)
    expect(skipped.report.datasets).toEqual(plain.report.datasets)
    expect(plain.report.datasets[0]!.files.map(f => f.rows)).toEqual([2])
  })

  test('with the emulator: the missing object is a finding', async () => {
    process.env.STORAGE_EMULATOR_HOST = await fake.start()
    const { code, report } = await check(['--verify-uris', 'all'])
    expect(code).toBe(1)
    expect(uriMissing(report).map(f => [f.line, f.message])).toEqual([
      [2, 'gs://cli-bucket/v/gone.mp4 does not exist (404). Upload the video, or fix the URI.']
    ])
    expect(fake.refused).toEqual([])
  })
})

describe('settings', () => {
  test('the storage key of the configuration', async () => {
    const { parseConfig, ConfigError } = await import('../src/config/load.js')
    const { defaultConfig } = await import('../src/config/schema.js')
    expect(defaultConfig().storage).toEqual({
      verify: 'off',
      durations: 'off',
      concurrency: 16,
      budgetSeconds: 300
    })
    const config = parseConfig(
      'storage:\n  verify: changed\n  durations: probe\n  concurrency: 4\n  budget-seconds: 60\n',
      'gate.yml'
    )
    expect(config.storage).toEqual({
      verify: 'changed',
      durations: 'probe',
      concurrency: 4,
      budgetSeconds: 60
    })
    expect(() => parseConfig('storage:\n  verify: sometimes\n', 'gate.yml')).toThrow(ConfigError)
    expect(() => parseConfig('storage:\n  verfy: all\n', 'gate.yml')).toThrow(ConfigError)
  })

  test('the action inputs verify-uris and probe-durations', async () => {
    const { getInputs, InputError } = await import('../src/publish/inputs.js')
    const read = (values: Record<string, string>) => (name: string) => values[name] ?? ''
    expect(getInputs(read({}))).toMatchObject({ verifyUris: undefined, probeDurations: undefined })
    expect(getInputs(read({ 'verify-uris': 'all', 'probe-durations': 'true' }))).toMatchObject({
      verifyUris: 'all',
      probeDurations: true
    })
    expect(() => getInputs(read({ 'verify-uris': 'yes' }))).toThrow(InputError)
    expect(() => getInputs(read({ 'probe-durations': 'probe' }))).toThrow(InputError)
  })
})
