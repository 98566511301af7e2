/**
 * Hostile CSVs through the bundled CLI (`node dist/cli.js check --format json`) in a throwaway
 * repository, as a user would run it. Every case sits beside a healthy dataset and must:
 *
 * - end within a timeout with exit status 0 or 1 (2 is for configuration and usage errors, never
 *   for data), with no stack trace on stderr;
 * - yield the expected finding with its file and line (or a stated outcome, such as a file read
 *   correctly despite its shape);
 * - leave the healthy dataset reported as usual;
 * - produce a report that matches the JSON report schema.
 *
 * Large inputs (a 10 MB line) are generated at test time into the temporary repository.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gateReportSchema } from '../src/report/schema.js'
import type { DatasetReport, GateReport, RuleId } from '../src/model.js'
import { addFiles, addSymlink, cleanRepos, makeRepo, vertexRows } from './helpers/datasets.js'
import { CLI_BUNDLE, STACK_LINE, bundleBuilt, runCli } from './fixtures/hostile/bundle.js'

const built = bundleBuilt(CLI_BUNDLE, 'robust-hostile-cli')
const describeBundle = built ? describe : describe.skip

afterAll(cleanRepos)

/** A file outside every test repository, for symbolic links and `../` paths to point at. */
const OUTSIDE_DIR = mkdtempSync(join(tmpdir(), 'dataset-gate-outside-'))
const OUTSIDE_FILE = join(OUTSIDE_DIR, 'secret.csv')
writeFileSync(OUTSIDE_FILE, 'gs://bucket/secret/1.mp4,secret,0,1\n')
afterAll(() => rmSync(OUTSIDE_DIR, { recursive: true, force: true }))

/** The dataset that must keep reporting as usual next to every hostile file. */
const HEALTHY_PATH = 'good/healthy.csv'
const HEALTHY = vertexRows({ training: { run: 30, jump: 30 }, test: { run: 8, jump: 8 } })
const HEALTHY_ROWS = 76

const MB = 1024 * 1024

/** An AutoML rows line that passes every row rule. */
const row = (n: number, label = n % 2 === 0 ? 'cat' : 'dog', start = '0', end = '1') =>
  `gs://bucket/h/${n}.mp4,${label},${start},${end}`

interface ExpectedFinding {
  rule: RuleId
  file: string
  line: number | null
  message?: RegExp
}

interface HostileCase {
  name: string
  files: Record<string, string | Buffer>
  /** Symbolic links: path in the repository -> target. */
  links?: Record<string, string>
  expected: ExpectedFinding[]
  /** More checks on the report (the healthy dataset is checked for every case). */
  check?: (report: GateReport) => void
}

const longLine = (bytes: number) => `gs://bucket/h/long.mp4,${'a'.repeat(bytes)},0,1`

const CASES: HostileCase[] = [
  {
    name: 'an unterminated quote',
    files: { 'data/unterminated.csv': `${row(1)}\n"${row(2)}\n${row(3)}\n${row(4)}\n` },
    expected: [
      { rule: 'csv-syntax', file: 'data/unterminated.csv', line: 2, message: /unterminated quote/ }
    ],
    check: report => expect(dataset(report, 'data/unterminated.csv').files[0]!.rows).toBe(1)
  },
  {
    name: 'mixed line endings (LF, CRLF, lone CR, none at the end)',
    files: {
      'data/mixed.csv': `${row(1)}\r\n${row(2)}\n${row(3)}\r${row(4, 'cat', '5', '1')}\r\n${row(5)}`
    },
    expected: [{ rule: 'segment-invalid', file: 'data/mixed.csv', line: 4, message: /before/ }],
    check: report => {
      const d = dataset(report, 'data/mixed.csv')
      expect(d.files[0]!.rows).toBe(5)
      expect(rules(d)).not.toContain('csv-syntax')
      expect(rules(d)).not.toContain('row-shape')
    }
  },
  {
    name: 'mixed line endings after a quoted field (the csv-parse path)',
    files: {
      'data/mixed-quoted.csv': `"gs://bucket/h/1.mp4",cat,0,1\r\n${row(2)}\r${row(3)}\n"gs://bucket/h/4.mp4","multi\nline",0,1\r\n${row(6, 'dog', '9', '2')}\n`
    },
    expected: [
      { rule: 'label-invalid', file: 'data/mixed-quoted.csv', line: 4 },
      { rule: 'segment-invalid', file: 'data/mixed-quoted.csv', line: 6, message: /before/ }
    ],
    check: report => expect(dataset(report, 'data/mixed-quoted.csv').files[0]!.rows).toBe(5)
  },
  {
    name: 'a UTF-16 LE file with a byte-order mark',
    files: { 'data/utf16le.csv': Buffer.from(`\ufeff${row(1)}\n${row(2)}\n`, 'utf16le') },
    expected: [{ rule: 'csv-syntax', file: 'data/utf16le.csv', line: 1, message: /UTF-16/ }]
  },
  {
    name: 'a UTF-16 BE file with a byte-order mark',
    files: {
      'data/utf16be.csv': Buffer.from(`\ufeff${row(1)}\n${row(2)}\n`, 'utf16le').swap16()
    },
    expected: [{ rule: 'csv-syntax', file: 'data/utf16be.csv', line: 1, message: /UTF-16/ }]
  },
  {
    name: 'a UTF-16 file without a byte-order mark',
    files: { 'data/utf16-nobom.csv': Buffer.from(`${row(1)}\n${row(2)}\n`, 'utf16le') },
    expected: [{ rule: 'csv-syntax', file: 'data/utf16-nobom.csv', line: 1, message: /NUL/ }]
  },
  {
    name: 'NUL bytes on line 3',
    files: {
      'data/nul.csv': `${row(1)}\n${row(2)}\ngs://bucket/h/3\u0000.mp4,cat,0,1\n${row(4)}\n`
    },
    expected: [{ rule: 'csv-syntax', file: 'data/nul.csv', line: 3, message: /NUL bytes/ }]
  },
  {
    name: 'invalid UTF-8 on line 2',
    files: {
      'data/latin1.csv': Buffer.concat([
        Buffer.from(`${row(1)}\ngs://bucket/h/2.mp4,caf`),
        Buffer.from([0xe9]),
        Buffer.from(`,0,1\n${row(3)}\n`)
      ])
    },
    expected: [{ rule: 'csv-syntax', file: 'data/latin1.csv', line: 2, message: /UTF-8/ }]
  },
  {
    name: 'a Git LFS pointer instead of the data',
    files: {
      'data/lfs.csv':
        'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n'
    },
    expected: [{ rule: 'csv-syntax', file: 'data/lfs.csv', line: 1, message: /LFS/ }]
  },
  {
    name: 'a 10 MB single line without a line break',
    files: { 'data/one-line.csv': longLine(10 * MB) },
    expected: [
      { rule: 'resource-limit', file: 'data/one-line.csv', line: 1, message: /max-line-bytes/ }
    ]
  },
  {
    name: 'a 10 MB line in the middle of a file',
    files: { 'data/long-middle.csv': `${row(1)}\n${row(2)}\n${longLine(10 * MB)}\n${row(4)}\n` },
    expected: [
      { rule: 'resource-limit', file: 'data/long-middle.csv', line: 3, message: /max-line-bytes/ }
    ]
  },
  {
    name: 'a 10 MB quoted field (the csv-parse path)',
    files: {
      'data/long-quoted.csv': `${row(1)}\ngs://bucket/h/2.mp4,"${'b'.repeat(10 * MB)}",0,1\n${row(3)}\n`
    },
    expected: [
      { rule: 'resource-limit', file: 'data/long-quoted.csv', line: 2, message: /max-line-bytes/ }
    ]
  },
  {
    name: 'a 0-byte file',
    files: { 'data/empty.csv': '' },
    expected: [{ rule: 'row-shape', file: 'data/empty.csv', line: 1, message: /empty/ }]
  },
  {
    name: 'a file of only blank lines',
    files: { 'data/blank.csv': '\n\n\r\n\n' },
    expected: [
      { rule: 'row-shape', file: 'data/blank.csv', line: 4, message: /no data rows/ },
      { rule: 'row-shape', file: 'data/blank.csv', line: 1, message: /blank line/ },
      { rule: 'row-shape', file: 'data/blank.csv', line: 3, message: /blank line/ }
    ]
  },
  {
    name: 'thousands of columns in a known header layout',
    files: {
      'data/wide.csv': [
        ['label', 'video_uri', 'split', ...Array.from({ length: 3000 }, (_, i) => `x${i}`)],
        ...Array.from({ length: 24 }, (_, i) => [
          i % 2 === 0 ? 'cat' : 'dog',
          `gs://bucket/wide/${i}.mp4`,
          i % 4 === 3 ? 'test' : 'train',
          ...Array.from({ length: 3000 }, () => '1')
        ])
      ]
        .map(fields => fields.join(','))
        .join('\n')
    },
    expected: [],
    check: report => {
      const d = dataset(report, 'data/wide.csv')
      expect(d.files[0]).toMatchObject({ format: 'columns', rows: 24 })
      expect(d.metrics.totalSegments).toBe(24)
      expect(rules(d)).not.toContain('row-shape')
    }
  },
  {
    name: 'thousands of columns in an unknown layout: skipped with a note that names the file',
    files: {
      'data/unknown.csv': Array.from({ length: 3 }, (_, r) =>
        Array.from({ length: 4000 }, (_, i) => `r${r}c${i}`).join(',')
      ).join('\n')
    },
    expected: [],
    check: report => {
      expect(report.datasets.map(d => d.name)).not.toContain('data/unknown.csv')
      expect(report.notes).toContainEqual(
        expect.stringMatching(
          /^(case\d+\/)?data\/unknown\.csv: not recognized as a dataset manifest/
        )
      )
    }
  },
  {
    name: 'a row with 5000 fields',
    files: {
      'data/wide-row.csv': `${row(1)}\n${Array.from({ length: 5000 }, (_, i) => `f${i}`).join(',')}\n${row(3)}\n`
    },
    expected: [
      { rule: 'row-shape', file: 'data/wide-row.csv', line: 2, message: /found 5,000 fields/ }
    ]
  },
  {
    name: 'labels with zero-width and bidirectional-override characters',
    files: {
      'data/invisible.csv': [
        row(1, 'cat'),
        row(2, 'c\u200bat'),
        row(3, '\u202ecat'),
        row(4, 'cat\u2066'),
        row(5, 'dog'),
        row(6, 'd\u200dog')
      ].join('\n')
    },
    expected: [
      { rule: 'label-invalid', file: 'data/invisible.csv', line: 2, message: /<U\+200B>/ },
      { rule: 'label-invalid', file: 'data/invisible.csv', line: 3, message: /<U\+202E>/ },
      { rule: 'label-invalid', file: 'data/invisible.csv', line: 4, message: /<U\+2066>/ },
      { rule: 'label-invalid', file: 'data/invisible.csv', line: 6, message: /<U\+200D>/ },
      { rule: 'label-variant', file: 'data/invisible.csv', line: 2, message: /<U\+200B>/ },
      { rule: 'label-variant', file: 'data/invisible.csv', line: 3, message: /<U\+202E>/ },
      { rule: 'label-variant', file: 'data/invisible.csv', line: 4, message: /<U\+2066>/ },
      { rule: 'label-variant', file: 'data/invisible.csv', line: 6, message: /<U\+200D>/ }
    ],
    check: report => {
      // Never merged: every spelling stays its own class, counted once.
      const classes = Object.keys(dataset(report, 'data/invisible.csv').splits.UNASSIGNED!.classes)
      expect(classes.sort()).toEqual(
        ['cat', 'c\u200bat', '\u202ecat', 'cat\u2066', 'dog', 'd\u200dog'].sort()
      )
    }
  },
  {
    name: 'times like Infinity, NaN, 1e309, -0, 0x10 and a 400-digit number',
    files: {
      'data/numbers.csv': [
        row(1, 'cat', 'Infinity', '5'),
        row(2, 'cat', '0', 'Infinity'),
        row(3, 'cat', 'NaN', '5'),
        row(4, 'cat', '0', '1e309'),
        row(5, 'cat', '-0', '5'),
        row(6, 'cat', '0x10', '20'),
        row(7, 'cat', '0', `1${'0'.repeat(400)}`),
        row(8, 'cat', 'inf', '5'),
        row(9, 'cat', '+1', '5'),
        row(10, 'cat', '0', 'inf')
      ].join('\n')
    },
    expected: [1, 2, 3, 4, 5, 6, 7, 8, 9].map(line => ({
      rule: 'segment-invalid' as const,
      file: 'data/numbers.csv',
      line
    })),
    check: report => {
      const d = dataset(report, 'data/numbers.csv')
      // Every row is labeled, so every row counts as a segment; the valid `0,inf` adds no finding.
      expect(d.metrics.totalSegments).toBe(10)
      expect(d.findings.some(f => f.rule === 'segment-invalid' && f.line === 10)).toBe(false)
    }
  },
  {
    name: 'an index that lists itself',
    files: {
      'idx/index.csv': 'TRAIN,gs://b/m/index.csv\nTEST,gs://b/m/test.csv\n',
      'idx/test.csv': `${row(1)}\n`
    },
    expected: [{ rule: 'input-error', file: 'idx/index.csv', line: 1, message: /lists itself/ }]
  },
  {
    name: 'an index that lists another index',
    files: {
      'idx/index.csv': 'TRAIN,gs://b/m/other.csv\nTEST,gs://b/m/test.csv\n',
      'idx/other.csv': 'TRAIN,gs://b/m/test.csv\n',
      'idx/test.csv': `${row(1)}\n`
    },
    expected: [
      {
        rule: 'input-error',
        file: 'idx/other.csv',
        line: 1,
        message: /cannot reference another index \(listed in (case\d+\/)?idx\/index\.csv:1\)/
      }
    ]
  },
  {
    name: 'an index that lists a missing file',
    files: {
      'idx/index.csv': 'TRAIN,gs://b/m/train.csv\nTEST,gs://b/m/missing.csv\n',
      'idx/train.csv': `${row(1)}\n`
    },
    expected: [{ rule: 'input-error', file: 'idx/index.csv', line: 2, message: /does not exist/ }]
  },
  {
    name: 'an index that lists absolute paths',
    files: {
      'idx/index.csv': `TRAIN,${OUTSIDE_FILE}\nTEST,C:\\data\\test.csv\nTRAIN,gs://b/m/train.csv\n`,
      'idx/train.csv': `${row(1)}\n`
    },
    expected: [
      { rule: 'input-error', file: 'idx/index.csv', line: 1, message: /absolute path/ },
      { rule: 'input-error', file: 'idx/index.csv', line: 2, message: /absolute path/ }
    ],
    check: report => expect(JSON.stringify(report)).not.toContain('gs://bucket/secret')
  },
  {
    name: 'an index that climbs out of the repository with ../',
    files: {
      'idx/index.csv': 'TRAIN,../../../../../../../../outside.csv\nTEST,gs://b/m/test.csv\n',
      'idx/test.csv': `${row(1)}\n`
    },
    expected: [
      { rule: 'input-error', file: 'idx/index.csv', line: 1, message: /outside the repository/ }
    ]
  },
  {
    name: 'an index that lists a symbolic link leaving the repository',
    files: {
      'idx/index.csv': 'TRAIN,link.csv\nTEST,linked-dir/secret.csv\nTRAIN,gs://b/m/train.csv\n',
      'idx/train.csv': `${row(1)}\n`
    },
    links: { 'idx/link.csv': OUTSIDE_FILE, 'idx/linked-dir': OUTSIDE_DIR },
    expected: [
      {
        rule: 'input-error',
        file: 'idx/index.csv',
        line: 1,
        message: /symbolic link leads outside the repository/
      },
      { rule: 'input-error', file: 'idx/index.csv', line: 2, message: /outside the repository/ }
    ],
    check: report => expect(JSON.stringify(report)).not.toContain('gs://bucket/secret')
  }
]

function dataset(report: GateReport, name: string): DatasetReport {
  const found = report.datasets.find(d => d.name === name)
  if (!found) throw new Error(`no dataset ${name} in ${report.datasets.map(d => d.name)}`)
  return found
}

function rules(d: DatasetReport): RuleId[] {
  return d.findings.map(f => f.rule)
}

/** Hidden characters a message must never carry raw (they are shown as <U+XXXX>). */
const RAW_HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/

async function repoWith(files: Record<string, string | Buffer>, links: Record<string, string>) {
  const root = await makeRepo({ [HEALTHY_PATH]: HEALTHY })
  await addFiles(root, files)
  for (const [path, target] of Object.entries(links)) await addSymlink(root, path, target)
  return root
}

/** Runs the CLI and checks what holds for every hostile input; returns the parsed report. */
async function gateHostile(root: string): Promise<GateReport> {
  const run = await runCli(root, ['check', '--format', 'json'], 60_000)
  expect(run.timedOut).toBe(false)
  expect(run.ms).toBeLessThan(30_000)
  expect(run.stderr).not.toMatch(STACK_LINE)
  expect(run.stderr).toBe('')
  expect([0, 1]).toContain(run.code)
  const report = JSON.parse(run.stdout) as GateReport
  const parsed = gateReportSchema.safeParse(report)
  expect(parsed.error?.issues ?? []).toEqual([])
  expect(run.code).toBe(report.passed ? 0 : 1)

  const healthy = dataset(report, HEALTHY_PATH)
  expect(healthy.files).toEqual([expect.objectContaining({ rows: HEALTHY_ROWS })])
  expect(healthy.findings.filter(f => f.severity === 'error')).toEqual([])
  expect(healthy.metrics.totalSegments).toBe(HEALTHY_ROWS)

  for (const d of report.datasets) {
    for (const f of d.findings) expect(f.message).not.toMatch(RAW_HIDDEN)
  }
  return report
}

function expectFindings(report: GateReport, expected: ExpectedFinding[], prefix = ''): void {
  const all = report.datasets.flatMap(d => d.findings)
  for (const want of expected) {
    const file = prefix + want.file
    const match = all.find(
      f =>
        f.rule === want.rule &&
        f.file === file &&
        f.line === want.line &&
        (want.message === undefined || want.message.test(f.message))
    )
    if (!match) {
      const near = all
        .filter(f => f.file === file)
        .map(f => `${f.rule} ${f.file}:${f.line} ${f.message}`)
      throw new Error(
        `expected ${want.rule} at ${file}:${want.line} ${want.message ?? ''}; found:\n${near.join('\n')}`
      )
    }
  }
}

describeBundle('hostile CSVs through the bundled CLI', () => {
  it.each(CASES.map(c => [c.name, c] as const))(
    '%s: a finding with file and line, exit 0/1, the healthy dataset still reported',
    async (_name, hostile) => {
      const root = await repoWith(hostile.files, hostile.links ?? {})
      const report = await gateHostile(root)
      expectFindings(report, hostile.expected)
      hostile.check?.(report)
    },
    60_000
  )

  it('all of them in one repository: every finding, every dataset, one run', async () => {
    const files: Record<string, string | Buffer> = {}
    const links: Record<string, string> = {}
    CASES.forEach((hostile, i) => {
      for (const [path, content] of Object.entries(hostile.files))
        files[`case${i}/${path}`] = content
      for (const [path, target] of Object.entries(hostile.links ?? {}))
        links[`case${i}/${path}`] = target
    })
    const root = await repoWith(files, links)
    const report = await gateHostile(root)
    expect(report.passed).toBe(false)
    CASES.forEach((hostile, i) => expectFindings(report, hostile.expected, `case${i}/`))
  }, 90_000)
})

if (!built) {
  describe('hostile CSVs through the bundled CLI', () => {
    it.skip('is skipped: dist/cli.js is missing, run `node scripts/build.mjs dist` first', () => {})
  })
}
