/**
 * The durations and metadata side files obey the dataset's resource limits like data files do:
 * `max-file-bytes` (not read at all), `max-rows` (reading stops, the rest of the file is not even
 * read from disk), `max-line-bytes`; and the metadata kept per video is bounded (attribute columns,
 * distinct values per attribute). Files are generated in a temporary folder.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  MAX_ATTRIBUTES,
  MAX_ATTRIBUTE_VALUES,
  readDurations,
  readMetadata,
  type SideFileLimits
} from '../src/read/side-files.js'
import { WorkingTreeSource, type FileSource } from '../src/read/source.js'
import { cleanRepos, findingsOf, gate, makeRepo, only, where } from './helpers/datasets.js'

let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dataset-gate-side-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** The working tree, counting the files opened and the bytes handed out. */
class CountingSource implements FileSource {
  readonly label = 'counting'
  opened = 0
  bytesRead = 0
  private inner = new WorkingTreeSource(root)

  stat(path: string) {
    return this.inner.stat(path)
  }

  async *open(path: string): AsyncIterable<Buffer> {
    this.opened++
    for await (const chunk of this.inner.open(path)) {
      this.bytesRead += chunk.length
      yield chunk
    }
  }

  list(globs: string[], exclude: string[]) {
    return this.inner.list(globs, exclude)
  }
}

const LIMITS: SideFileLimits = { maxBytes: 1e9, maxRows: 1e8, maxLineBytes: 1 << 20 }
const limits = (over: Partial<SideFileLimits>): SideFileLimits => ({ ...LIMITS, ...over })

async function write(name: string, lines: string[]): Promise<{ path: string; bytes: number }> {
  const text = lines.join('\n') + '\n'
  await writeFile(join(root, name), text)
  return { path: name, bytes: Buffer.byteLength(text) }
}

const video = (i: number) => `gs://b/v/video_${String(i).padStart(7, '0')}.mp4`
const durationRows = (n: number) => Array.from({ length: n }, (_, i) => `${video(i)},${10 + i}`)

describe('max-file-bytes', () => {
  it('does not read a durations file over the limit, and says so', async () => {
    const { path, bytes } = await write('big-durations.csv', durationRows(1000))
    const source = new CountingSource()
    const side = await readDurations(source, path, 'uri', limits({ maxBytes: bytes - 1 }))
    expect(side.data.size).toBe(0)
    expect(source.opened).toBe(0)
    expect(side.problems).toEqual([
      {
        rule: 'resource-limit',
        message: `the durations file is ${bytes} bytes, over the max-file-bytes limit of ${bytes - 1}; it was not read. Shrink the file or raise the limit.`,
        file: path,
        line: null
      }
    ])
  })

  it('does not read a metadata file over the limit', async () => {
    const { path, bytes } = await write('big-metadata.csv', ['video,camera', ...durationRows(1000)])
    const source = new CountingSource()
    const side = await readMetadata(source, path, 'uri', limits({ maxBytes: bytes - 1 }))
    expect(side.data).toEqual({ attributes: [], byVideo: new Map() })
    expect(source.opened).toBe(0)
    expect(side.problems.map(p => [p.rule, p.line])).toEqual([['resource-limit', null]])
    expect(side.problems[0]!.message).toContain('the metadata file is')
  })

  it('reads a file exactly at the limit', async () => {
    const { path, bytes } = await write('exact.csv', durationRows(10))
    const side = await readDurations(new CountingSource(), path, 'uri', limits({ maxBytes: bytes }))
    expect(side.data.size).toBe(10)
    expect(side.problems).toEqual([])
  })

  it('still reports a missing file as unreadable', async () => {
    const side = await readMetadata(new CountingSource(), 'missing.csv', 'uri', LIMITS)
    expect(side.problems.map(p => p.rule)).toEqual(['input-error'])
  })
})

describe('max-rows', () => {
  it('stops a durations file at the limit, without reading the rest from disk', async () => {
    // about 6 MB: six 1 MiB chunks, of which reading should stop after the first
    const { path, bytes } = await write('long-durations.csv', [
      'video,seconds',
      ...durationRows(200_000)
    ])
    const source = new CountingSource()
    const side = await readDurations(source, path, 'uri', limits({ maxRows: 100 }))
    expect(side.data.size).toBe(100)
    expect(side.data.get(video(99))).toBe(109)
    expect(side.data.has(video(100))).toBe(false)
    expect(side.problems).toEqual([
      {
        rule: 'resource-limit',
        message:
          'more than 100 rows (max-rows); the rest of the file was not read. Shrink the file or raise the limit.',
        file: path,
        line: 102 // the header, 100 rows, then the first row over the limit
      }
    ])
    expect(bytes).toBeGreaterThan(5_000_000)
    expect(source.bytesRead).toBeLessThanOrEqual(2 * (1 << 20))
  })

  it('stops a metadata file at the limit; the header is not a row', async () => {
    const { path } = await write('long-metadata.csv', [
      'video,camera',
      ...Array.from({ length: 50_000 }, (_, i) => `${video(i)},cam${i % 3}`)
    ])
    const source = new CountingSource()
    const side = await readMetadata(source, path, 'uri', limits({ maxRows: 10 }))
    expect(side.data.attributes).toEqual(['camera'])
    expect(side.data.byVideo.size).toBe(10)
    expect(side.problems.map(p => [p.rule, p.line])).toEqual([['resource-limit', 12]])
  })

  it('is not reached by a file with exactly max-rows data rows', async () => {
    const durations = await write('three.csv', ['video,seconds', ...durationRows(3)])
    const metadata = await write('three-meta.csv', ['video,camera', ...durationRows(3)])
    const source = new CountingSource()
    const a = await readDurations(source, durations.path, 'uri', limits({ maxRows: 3 }))
    const b = await readMetadata(source, metadata.path, 'uri', limits({ maxRows: 3 }))
    expect([a.data.size, a.problems]).toEqual([3, []])
    expect([b.data.byVideo.size, b.problems]).toEqual([3, []])
  })
})

describe('max-line-bytes', () => {
  it('stops at an over-long line as a resource limit, not a CSV syntax error', async () => {
    const { path } = await write('long-line.csv', [
      `${video(0)},1`,
      `${video(1)},${'9'.repeat(5000)}`,
      `${video(2)},3`
    ])
    const side = await readDurations(
      new CountingSource(),
      path,
      'uri',
      limits({ maxLineBytes: 1000 })
    )
    expect(side.data.size).toBe(1)
    expect(side.problems.map(p => [p.rule, p.line])).toEqual([['resource-limit', 2]])
  })
})

describe('metadata kept per video', () => {
  it('drops an attribute with too many distinct values and keeps the others', async () => {
    const n = MAX_ATTRIBUTE_VALUES + 500
    const { path } = await write('serials.csv', [
      'video,camera,serial,place',
      ...Array.from({ length: n }, (_, i) => `${video(i)},cam${i % 3},SN${i},p${i % 7}`)
    ])
    const side = await readMetadata(new CountingSource(), path, 'uri', LIMITS)
    expect(side.data.attributes).toEqual(['camera', 'place'])
    expect(side.data.byVideo.size).toBe(n)
    expect(side.data.byVideo.get(video(0))).toEqual(['cam0', 'p0'])
    expect(side.data.byVideo.get(video(n - 1))).toEqual([`cam${(n - 1) % 3}`, `p${(n - 1) % 7}`])
    const distinct = new Set([...side.data.byVideo.values()].flat())
    expect(distinct.size).toBe(3 + 7)
    expect(side.problems).toEqual([
      {
        rule: 'resource-limit',
        severity: 'notice',
        message: `metadata attribute "serial" has more than ${MAX_ATTRIBUTE_VALUES} distinct values, like an identifier; its values are not kept and it is not measured as a confounder.`,
        file: path,
        line: MAX_ATTRIBUTE_VALUES + 2 // the header, then the first value over the limit
      }
    ])
  })

  it('keeps an attribute with exactly the maximum of distinct values', async () => {
    const { path } = await write('at-cap.csv', [
      'video,serial',
      ...Array.from({ length: MAX_ATTRIBUTE_VALUES }, (_, i) => `${video(i)},SN${i}`),
      `${video(MAX_ATTRIBUTE_VALUES)},SN0`,
      `${video(MAX_ATTRIBUTE_VALUES + 1)},`
    ])
    const side = await readMetadata(new CountingSource(), path, 'uri', LIMITS)
    expect(side.data.attributes).toEqual(['serial'])
    expect(side.problems).toEqual([])
  })

  it('reads at most MAX_ATTRIBUTES attribute columns', async () => {
    const width = MAX_ATTRIBUTES + 50
    const header = ['video', ...Array.from({ length: width }, (_, i) => `a${i}`)]
    const row = [video(0), ...Array.from({ length: width }, (_, i) => `v${i}`)]
    const { path } = await write('wide.csv', [header.join(','), row.join(',')])
    const side = await readMetadata(new CountingSource(), path, 'uri', LIMITS)
    expect(side.data.attributes).toHaveLength(MAX_ATTRIBUTES)
    expect(side.data.attributes.at(-1)).toBe(`a${MAX_ATTRIBUTES - 1}`)
    expect(side.data.byVideo.get(video(0))).toHaveLength(MAX_ATTRIBUTES)
    expect(side.problems.map(p => [p.rule, p.severity, p.line])).toEqual([
      ['resource-limit', 'notice', 1]
    ])
  })

  it('keeps the first row of a repeated video even after many problems', async () => {
    const { path } = await write('repeats.csv', [
      'video,camera',
      ...Array.from({ length: 80 }, (_, i) => `${video(i)},bad,extra`),
      `${video(0)},first`,
      `${video(0)},second`
    ])
    const side = await readMetadata(new CountingSource(), path, 'uri', LIMITS)
    expect(side.data.byVideo.get(video(0))).toEqual(['first'])
    expect(side.problems).toHaveLength(50)
  })
})

describe('durations rows', () => {
  it('skips a header, reports bad rows and keys videos like the manifests', async () => {
    const { path } = await write('durations.csv', [
      'video,duration',
      'gs://b//x.mp4,12.5',
      'gs://b/y.mp4',
      'gs://b/z.mp4,-1'
    ])
    const side = await readDurations(new CountingSource(), path, 'uri', LIMITS)
    expect([...side.data]).toEqual([['gs://b/x.mp4', 12.5]])
    expect(side.problems.map(p => [p.rule, p.severity, p.line])).toEqual([
      ['input-error', 'warning', 3],
      ['input-error', 'warning', 4]
    ])
  })
})

describe('through the gate', () => {
  afterAll(cleanRepos)

  /** A dataset with a durations and a metadata file of `rows` videos, gated with `limits`. */
  async function gateWith(limitsYaml: string, rows: number) {
    const videos = Array.from({ length: rows }, (_, i) => video(i))
    const root = await makeRepo({
      'rows.csv': videos.map((v, i) => `TRAIN,${v},${i % 2 ? 'cat' : 'dog'},0,1`).join('\n') + '\n',
      'durations.csv': ['video,seconds', ...videos.map(v => `${v},10`)].join('\n') + '\n',
      'metadata.csv': ['video,camera', ...videos.map((v, i) => `${v},c${i % 2}`)].join('\n') + '\n'
    })
    const config = [
      'datasets:',
      '  - name: d',
      '    files: [rows.csv]',
      '    durations: durations.csv',
      '    metadata: metadata.csv',
      'rules:',
      `  resource-limit: { ${limitsYaml} }`,
      ''
    ].join('\n')
    return only(await gate(root, { config }))
  }

  it('applies max-rows from the configuration to both side files', async () => {
    const dataset = await gateWith('max-rows: 30', 20)
    expect(findingsOf(dataset, 'resource-limit')).toEqual([])
    const limited = await gateWith('max-rows: 10', 20)
    expect(where(findingsOf(limited, 'resource-limit'))).toEqual([
      'durations.csv:12 error resource-limit',
      'metadata.csv:12 error resource-limit',
      'rows.csv:11 error resource-limit'
    ])
  })

  it('applies max-file-bytes from the configuration to both side files', async () => {
    const limited = await gateWith('max-file-bytes: 600', 20)
    const sideFiles = findingsOf(limited, 'resource-limit').filter(f => f.file !== 'rows.csv')
    expect(sideFiles.map(f => [f.file, f.line, /it was not read/.test(f.message)])).toEqual([
      ['durations.csv', null, true],
      ['metadata.csv', null, true]
    ])
  })
})
