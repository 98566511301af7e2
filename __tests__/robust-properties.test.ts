/**
 * Property-based tests of the whole engine (runGate) on generated and mutated datasets:
 *
 * 1. Random and mutated CSVs (NUL and invalid UTF-8 bytes, stray quotes and line ends, cut and
 *    doubled ranges, a UTF-16 start, any chunk size) never make runGate throw; the report matches
 *    its schema, and every finding that names a line names one that exists in its file
 *    (1 <= line <= the file's lines, counted as the reader counts them: LF, CRLF, lone CR).
 * 2. Class counts add up. In a Vertex CSV file, a row counts as a segment of its class exactly when
 *    it has the shape (4 fields, or 5 with an ML_USE that names a split) and a non-empty label,
 *    whatever else is wrong with it (README: "Rows with a label count as segments of their class,
 *    even when another rule flags them"). So for every split and class, the report's segment count
 *    equals the number of such rows, computed here from the generated rows; the per-class counts add
 *    up to the split's segments and those to `totalSegments`.
 * 3. The rendered comment stays within its size limit (any `maxChars` from the minimum up, and 1 MiB
 *    of UTF-8 for the job summary) and carries the hidden marker exactly once, at the start.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { runGate } from '../src/gate.js'
import { parseConfig } from '../src/config/load.js'
import { defaultConfig } from '../src/config/schema.js'
import { parseVertexSplit } from '../src/read/splits.js'
import { gateReportSchema, renderJson } from '../src/report/schema.js'
import {
  COMMENT_MAX_CHARS,
  MIN_MAX_CHARS,
  renderMarkdown,
  utf8Length
} from '../src/report/markdown.js'
import { renderText } from '../src/report/text.js'
import { SPLITS, type GateReport } from '../src/model.js'
import { MemorySource } from './fixtures/hostile/memory-source.js'
import { countBreaks, expectedOf, type GeneratedCsv } from './fixtures/hostile/csv-gen.js'

// ---------------------------------------------------------------------------------------------
// Generators

const ML_USE = [
  'training',
  'test',
  'validation',
  'TRAIN',
  ' Test ',
  'train',
  '',
  'bogus',
  'VALIDATE'
]
const URIS = [
  'gs://bucket/v/1.mp4',
  'gs://bucket/v/2.mp4',
  'gs://bucket/v/3.avi',
  'gs://bucket//v/1.mp4',
  'gs://bucket/v/a%20b.mp4',
  'gs://bucket/v/a b.mp4',
  'gs://goog-x/v.mp4',
  'http://example.com/v.mp4',
  'gs://bucket/v/<img src=x>.mp4',
  '',
  'gs://bucket/v/\u202eevil.mp4'
]
const LABELS = [
  'cat',
  'dog',
  'Cat',
  'cat ',
  'c\u200bat',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'a,b',
  '',
  '<img src=x>',
  '@octocat',
  '#123',
  'x'.repeat(40),
  '</details>',
  '<!-- dataset-gate:dataset-gate head=abcdef0 -->'
]
const TIMES = [
  '0',
  '1',
  '1.5',
  '2',
  '10',
  'inf',
  '-1',
  'abc',
  '',
  '1e3',
  '0.1234567',
  'Infinity',
  '5'
]

const pick = <T>(values: T[]) => fc.constantFrom(...values)

const vertexFieldsArb: fc.Arbitrary<string[]> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(pick(ML_USE), pick(URIS), pick(LABELS), pick(TIMES), pick(TIMES))
  },
  { weight: 3, arbitrary: fc.tuple(pick(URIS), pick(LABELS), pick(TIMES), pick(TIMES)) },
  { weight: 1, arbitrary: fc.array(pick([...LABELS, ...TIMES]), { minLength: 1, maxLength: 7 }) }
)

/** A Vertex-like CSV (rows of the pools above), quoted where needed and sometimes where not. */
const vertexCsvArb: fc.Arbitrary<GeneratedCsv> = fc
  .record({
    rows: fc.array(
      fc.record({
        fields: vertexFieldsArb,
        quote: fc.boolean(),
        end: fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\n', '\r\n', '\r')
      }),
      { minLength: 1, maxLength: 40 }
    ),
    bom: fc.boolean(),
    finalEnd: fc.boolean()
  })
  .map(({ rows, bom, finalEnd }) => ({
    rows: rows.map(({ fields, quote, end }) => ({
      fields,
      quoted: fields.map(field => quote || /[,\r\n]/.test(field) || field.startsWith('"')),
      end
    })),
    bom,
    finalEnd
  }))

type Mutation =
  | { kind: 'insert'; at: number; byte: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'utf16' }

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    byte: fc.constantFrom(0x00, 0x22, 0x2c, 0x0a, 0x0d, 0xff, 0xc3, 0xe9, 0xef, 0x80)
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 30 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 60 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('utf16' as const) })
)

function mutate(bytes: Buffer, mutations: Mutation[]): Buffer {
  let out = bytes
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : ('at' in m ? m.at : 0) % (out.length + 1)
    switch (m.kind) {
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), Buffer.from([m.byte]), out.subarray(at)])
        break
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)])
        break
      case 'repeat':
        out = Buffer.concat([out.subarray(0, at + m.length), out.subarray(at)])
        break
      case 'truncate':
        out = out.subarray(0, at)
        break
      case 'utf16':
        out = Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(out.toString('latin1'), 'utf16le')
        ])
        break
    }
  }
  return out
}

const CONFIGS = [
  null,
  'fail-on: warning\n',
  'datasets:\n  - name: all\n    files: ["data/*.csv"]\n    format: vertex-csv\n',
  'datasets:\n  - name: rows\n    files: ["data/*.csv"]\n    format: automl-rows\n    durations: data/durations.csv\n',
  'datasets:\n  - name: idx\n    index: data/index.csv\n    group-pattern: "v/(\\\\w+)"\nmax-findings-per-rule: 3\n',
  'datasets:\n  - name: cols\n    files: ["data/*.csv"]\n    format: columns\n    columns: { video: video, label: label, split: split }\n'
]

/** A repository of a few manifests, some of them mutated, read in chunks of a chosen size. */
const repoArb = fc.record({
  a: vertexCsvArb,
  b: vertexCsvArb,
  header: fc.boolean(),
  index: fc.boolean(),
  mutations: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'index'), mutationArb), { maxLength: 4 }),
  config: fc.constantFrom(...CONFIGS),
  chunkBytes: fc.constantFrom(1, 3, 16, 256, 1 << 20),
  maxChars: fc.integer({ min: MIN_MAX_CHARS, max: COMMENT_MAX_CHARS + 5000 })
})

interface Repo {
  files: Map<string, Buffer>
  config: string | null
  chunkBytes: number
}

function buildRepo(input: RepoInput): Repo {
  const files = new Map<string, Buffer>()
  const texts: Record<string, string> = {
    a: (input.header ? 'split,video,label,start,end\n' : '') + expectedOf(input.a).text,
    b: expectedOf(input.b).text,
    index: 'TRAIN,gs://b/m/a.csv\nTEST,gs://b/m/b.csv\nUNASSIGNED,gs://b/m/missing.csv\n'
  }
  const bytes: Record<string, Buffer> = {}
  for (const [name, text] of Object.entries(texts)) bytes[name] = Buffer.from(text, 'utf8')
  for (const [target, mutation] of input.mutations)
    bytes[target] = mutate(bytes[target]!, [mutation])
  files.set('data/a.csv', bytes.a!)
  files.set('data/b.csv', bytes.b!)
  if (input.index) files.set('data/index.csv', bytes.index!)
  files.set('data/durations.csv', Buffer.from('gs://bucket/v/1.mp4,3\ngs://bucket/v/2.mp4,abc\n'))
  return { files, config: input.config, chunkBytes: input.chunkBytes }
}

type RepoInput = {
  a: GeneratedCsv
  b: GeneratedCsv
  header: boolean
  index: boolean
  mutations: [string, Mutation][]
  config: string | null
  chunkBytes: number
  maxChars: number
}

async function gateRepo(repo: Repo): Promise<GateReport> {
  return runGate({
    source: new MemorySource(repo.files, repo.chunkBytes),
    config: repo.config === null ? defaultConfig() : parseConfig(repo.config, 'dataset-gate.yml'),
    paths: []
  })
}

/** Lines of a file as the reader counts them; at least 1 (an empty file's finding is on line 1). */
function lineCount(bytes: Buffer): number {
  const text = bytes.toString('latin1')
  const open = text.length > 0 && !/[\r\n]$/.test(text) ? 1 : 0
  return Math.max(1, countBreaks(text) + open)
}

const MARKER = '<!-- dataset-gate:'

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1
}

function expectRenderedWithinLimits(report: GateReport, maxChars: number): void {
  const comment = renderMarkdown(report, { commentKey: 'dataset-gate', maxChars })
  expect(comment.length).toBeLessThanOrEqual(maxChars)
  expect(comment.startsWith(`${MARKER}dataset-gate head=none -->`)).toBe(true)
  expect(occurrences(comment, MARKER)).toBe(1)
  expect(occurrences(comment, '<!--')).toBe(1)
  const summary = renderMarkdown(report, { commentKey: 'dataset-gate', full: true })
  expect(utf8Length(summary)).toBeLessThanOrEqual(1024 * 1024)
  expect(occurrences(summary, MARKER)).toBe(1)
}

// ---------------------------------------------------------------------------------------------

describe('runGate on random and mutated datasets', () => {
  it('never throws, matches the schema, names only existing lines, renders within limits', async () => {
    await fc.assert(
      fc.asyncProperty(repoArb, async input => {
        const repo = buildRepo(input)
        const report = await gateRepo(repo)
        expect(gateReportSchema.safeParse(JSON.parse(renderJson(report))).error?.issues).toBe(
          undefined
        )
        for (const finding of report.datasets.flatMap(d => d.findings)) {
          if (finding.line === null) continue
          expect(finding.line).toBeGreaterThanOrEqual(1)
          const bytes = repo.files.get(finding.file ?? '')
          if (!bytes)
            throw new Error(`finding on line ${finding.line} of unknown file ${finding.file}`)
          if (finding.line > lineCount(bytes)) {
            throw new Error(
              `${finding.rule} names ${finding.file}:${finding.line}, past its ${lineCount(bytes)} lines`
            )
          }
        }
        expectRenderedWithinLimits(report, input.maxChars)
        expect(() => renderText(report, { color: false })).not.toThrow()
      }),
      { numRuns: 250 }
    )
  }, 120_000)
})

describe('class counts add up', () => {
  const CONFIG = 'datasets:\n  - name: d\n    files: ["data/*.csv"]\n    format: vertex-csv\n'

  /** Segments per split and class by the rule in the header comment, from the generated rows. */
  function expectedCounts(csvs: GeneratedCsv[]): Map<string, number> {
    const counts = new Map<string, number>()
    for (const csv of csvs) {
      for (const { fields } of expectedOf(csv).records) {
        let split: string
        let label: string
        if (fields.length === 4) {
          split = 'UNASSIGNED'
          label = fields[1]!
        } else if (fields.length === 5) {
          const parsed = parseVertexSplit(fields[0]!)
          if (!parsed) continue
          split = parsed.split
          label = fields[2]!
        } else continue
        if (label === '') continue
        const key = `${split}\u0000${label}`
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
    }
    return counts
  }

  it('segments per split and class equal the labeled rows of a valid shape and split', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(vertexCsvArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(1, 7, 1 << 20),
        async (csvs, chunkBytes) => {
          const files = new Map(
            csvs.map((csv, i) => [`data/f${i}.csv`, Buffer.from(expectedOf(csv).text, 'utf8')])
          )
          const report = await gateRepo({ files, config: CONFIG, chunkBytes })
          const [dataset] = report.datasets
          const expected = expectedCounts(csvs)
          const seen = new Map<string, number>()
          let total = 0
          for (const split of SPLITS) {
            const summary = dataset!.splits[split]
            if (!summary) continue
            let sum = 0
            for (const name of Object.keys(summary.classes)) {
              const segments = summary.classes[name]!.segments
              seen.set(`${split}\u0000${name}`, segments)
              sum += segments
            }
            expect(sum).toBe(summary.segments)
            total += summary.segments
          }
          expect(total).toBe(dataset!.metrics.totalSegments)
          expect(new Map([...seen].sort())).toEqual(new Map([...expected].sort()))
          // Every class is counted once whatever its name, `__proto__` and `constructor` included.
          const labels = new Set([...expected.keys()].map(key => key.split('\u0000')[1]))
          expect(dataset!.metrics.classCount).toBe(labels.size)
        }
      ),
      { numRuns: 250 }
    )
  }, 120_000)
})

describe('the rendered comment on large reports', () => {
  it('fits any size budget and keeps one marker, with hundreds of hostile findings', async () => {
    const rows: string[] = []
    for (let i = 0; i < 600; i++) {
      const label = LABELS[i % LABELS.length]!.replace(/,/g, ';')
      rows.push(
        `${ML_USE[i % ML_USE.length]},${URIS[i % URIS.length]},${label},${TIMES[i % TIMES.length]},${TIMES[(i * 7) % TIMES.length]}`
      )
    }
    const report = await gateRepo({
      files: new Map([
        ['data/a.csv', Buffer.from(rows.join('\n'))],
        ['data/b.csv', Buffer.from(rows.slice(0, 300).reverse().join('\r\n'))]
      ]),
      config: 'max-findings-per-rule: 100000\n',
      chunkBytes: 1 << 20
    })
    expect(report.datasets.flatMap(d => d.findings).length).toBeGreaterThan(500)
    await fc.assert(
      fc.property(fc.integer({ min: MIN_MAX_CHARS, max: 200_000 }), maxChars =>
        expectRenderedWithinLimits(report, maxChars)
      ),
      { numRuns: 60 }
    )
    expect(() =>
      renderMarkdown(report, { commentKey: 'dataset-gate', maxChars: MIN_MAX_CHARS - 1 })
    ).toThrow(RangeError)
  }, 60_000)
})
