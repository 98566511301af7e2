/**
 * The configuration cannot hang or crash the gate, and the resource limits it sets are enforced,
 * through the bundled CLI as a user runs it:
 *
 * - catastrophic-backtracking patterns (`(a+)+$`) as `group-pattern` and `label-invalid.pattern` on
 *   long `aaaa…b` inputs finish quickly, because user patterns run on RE2;
 * - constructs RE2 cannot run (backreferences, lookaround), absurd thresholds (negative, 1e12,
 *   strings, NaN) and unknown keys stop the gate with exit status 2 and one line naming the key;
 * - `resource-limit` (`max-file-bytes`, `max-rows`, `max-line-bytes`) gives a finding with the file
 *   (and line) when exceeded, and the other datasets are still read;
 * - the configuration file itself is bounded: over 64 KiB, over 10,000 keys or nested over 64
 *   levels it is refused at once, and a file at those limits (duplicate keys included) is checked
 *   in well under a second; a 1 MiB file of 156,650 keys used to take 269 s before its error.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import {
  ConfigError,
  MAX_CONFIG_BYTES,
  MAX_CONFIG_KEYS,
  parseConfig,
  readConfigFile
} from '../src/config/load.js'
import type { GateReport } from '../src/model.js'
import { addFiles, cleanRepos, makeRepo, vertexRows } from './helpers/datasets.js'
import { CLI_BUNDLE, STACK_LINE, bundleBuilt, runCli } from './fixtures/hostile/bundle.js'

const built = bundleBuilt(CLI_BUNDLE, 'robust-config-limits')
const describeBundle = built ? describe : describe.skip

afterAll(cleanRepos)

const CONFIG = '.github/dataset-gate.yml'
const HEALTHY = vertexRows({ training: { run: 30, jump: 30 }, test: { run: 8, jump: 8 } })

async function repoWith(config: string, files: Record<string, string> = {}): Promise<string> {
  const root = await makeRepo({ 'good/healthy.csv': HEALTHY, [CONFIG]: config })
  await addFiles(root, files)
  return root
}

async function gateJson(root: string, timeoutMs = 30_000) {
  const run = await runCli(root, ['check', '--format', 'json'], timeoutMs)
  expect(run.timedOut).toBe(false)
  expect(run.stderr).toBe('')
  expect([0, 1]).toContain(run.code)
  return { run, report: JSON.parse(run.stdout) as GateReport }
}

/** Parses `text`, expecting a configuration error; returns it and how long it took. */
function timedConfigError(text: string): { message: string; ms: number } {
  const started = performance.now()
  try {
    parseConfig(text, CONFIG)
  } catch (error) {
    const ms = performance.now() - started
    expect(error).toBeInstanceOf(ConfigError)
    return { message: (error as Error).message, ms }
  }
  throw new Error('expected a configuration error')
}

/** `count` distinct keys: `k0`, `k1`, …, one per line under `parent:`, indented. */
function manyKeys(parent: string, count: number, from = 0): string {
  const lines = Array.from({ length: count }, (_, i) => `  k${from + i}: 1`)
  return `${parent}:\n${lines.join('\n')}\n`
}

// Every key under one map is the worst case for a duplicate check that compares pairs of keys.
// The generous 2 s bound still fails a quadratic check on the 1 MiB file (269 s measured).
const FAST_MS = 2000

describe('configuration size and key limits', () => {
  it('a 1 MiB file of 156,650 keys is refused by its size, at once', () => {
    let text = manyKeys('rulez', 156_650)
    text = text.slice(0, 1024 * 1024 - 1) + '\n'
    const { message, ms } = timedConfigError(text)
    expect(message).toBe(
      `${CONFIG}: the configuration is ${Buffer.byteLength(text)} bytes, over the limit of 65536 bytes (64 KiB); a configuration needs a few KiB at most`
    )
    expect(ms).toBeLessThan(FAST_MS)
  })

  it('the size limit counts bytes, not characters', () => {
    const comment = `# ${'é'.repeat(MAX_CONFIG_BYTES / 2)}\n`
    expect(comment.length).toBeLessThan(MAX_CONFIG_BYTES)
    expect(timedConfigError(comment).message).toMatch(/over the limit of 65536 bytes/)
  })

  it('a file just under 64 KiB with thousands of keys in one map fails fast on the unknown key', () => {
    let count = 0
    while (manyKeys('rulez', count + 100).length < MAX_CONFIG_BYTES - 100) count += 100
    const text = manyKeys('rulez', count)
    expect(count).toBeGreaterThan(5000)
    const { message, ms } = timedConfigError(text)
    expect(message).toMatch(/^\.github\/dataset-gate\.yml:1: rulez: unknown key "rulez"/)
    expect(ms).toBeLessThan(FAST_MS)
  })

  it('a duplicate key at the end of thousands is found fast, with its line and the first', () => {
    const count = 5000
    const text = manyKeys('rulez', count) + '  k17: 2\n'
    const { message, ms } = timedConfigError(text)
    expect(message).toBe(
      `${CONFIG}:${count + 2}: rulez.k17: duplicate key "k17" (first on line 19); map keys must be unique`
    )
    expect(ms).toBeLessThan(FAST_MS)
  })

  it('a duplicate key inside a dataset names its path and line', () => {
    const text = [
      'datasets:',
      '  - name: a',
      '    files: [a.csv]',
      '    rules:',
      '      min-classes: { min: 2 }',
      '      min-classes: { min: 3 }'
    ].join('\n')
    expect(timedConfigError(text).message).toBe(
      `${CONFIG}:6: datasets[0].rules.min-classes: duplicate key "min-classes" (first on line 5); map keys must be unique`
    )
  })

  it('more than 10,000 keys in a file under 64 KiB is refused at the first key past the limit', () => {
    // `{a, b, …}` is a map of null values: two bytes a key, keys repeating across maps.
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('')
    const maps = Math.ceil((MAX_CONFIG_KEYS + 1) / letters.length)
    const lines = Array.from({ length: maps }, () => `  - {${letters.join(', ')}}`)
    const text = `rulez:\n${lines.join('\n')}\n`
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_CONFIG_BYTES)
    const past = Math.floor(MAX_CONFIG_KEYS / letters.length) + 2
    const { message, ms } = timedConfigError(text)
    expect(message).toBe(
      `${CONFIG}:${past}: more than 10000 keys in the configuration; a configuration needs a few hundred at most`
    )
    expect(ms).toBeLessThan(FAST_MS)
  })

  it('nesting deeper than 64 levels is refused instead of walked', () => {
    const text = `rules: ${'['.repeat(100)}${']'.repeat(100)}\n`
    const { message, ms } = timedConfigError(text)
    expect(message).toBe(
      `${CONFIG}:1: nested more than 64 levels deep; the configuration needs six at most`
    )
    expect(ms).toBeLessThan(FAST_MS)
  })

  it('nesting too deep for the YAML parser is still one configuration error, fast', () => {
    const text = `rules: ${'['.repeat(30_000)}${']'.repeat(30_000)}\n`
    const { message, ms } = timedConfigError(text)
    expect(message).toMatch(/^\.github\/dataset-gate\.yml:1: /)
    expect(ms).toBeLessThan(FAST_MS)
  })

  it('reading a configuration file stops at the limit and names the file', async () => {
    const root = await makeRepo({
      'big.yml': `# ${'x'.repeat(2 * MAX_CONFIG_BYTES)}\n`,
      'fits.yml': 'fail-on: never\n',
      'folder/keep': ''
    })
    const big = join(root, 'big.yml')
    expect(() => readConfigFile(big)).toThrow(
      new ConfigError(
        `${big}: the configuration is ${2 * MAX_CONFIG_BYTES + 3} bytes, over the limit of 65536 bytes (64 KiB); a configuration needs a few KiB at most`
      )
    )
    expect(readConfigFile(join(root, 'fits.yml'))).toBe('fail-on: never\n')
    const folder = join(root, 'folder')
    expect(() => readConfigFile(folder)).toThrow(
      new ConfigError(`${folder}: the configuration is not a regular file`)
    )
    // An endless device would never finish a plain read.
    expect(() => readConfigFile('/dev/zero')).toThrow(/not a regular file/)
    const missing = join(root, 'missing.yml')
    expect(() => readConfigFile(missing)).toThrow(
      new ConfigError(
        `${missing}: cannot read the configuration (it, or the folder it is in, does not exist)`
      )
    )
  })

  it('a real configuration is far inside every limit', () => {
    const text = [
      'fail-on: error',
      'rules:',
      '  class-imbalance: { warning: 10, error: 100 }',
      '  recommended-per-class: { min: 200, min-many-classes: 1000, classes: { rare_class: 50 } }',
      'datasets:',
      ...Array.from({ length: 50 }, (_, i) =>
        [
          `  - name: set-${i}`,
          `    files: ['data/${i}/*.csv']`,
          "    group-pattern: 'v_(\\w+_g\\d+)_c\\d+'",
          '    rules:',
          '      split-ratio: { min-test-share: 0.2, max-test-share: 0.3 }'
        ].join('\n')
      )
    ].join('\n')
    expect(parseConfig(text, CONFIG).datasets).toHaveLength(50)
  })
})

describeBundle('regular expressions from the configuration run on RE2', () => {
  const LONG = 60_000

  it('`(a+)+$` as group-pattern and label pattern on long aaaa…b values finishes fast', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) =>
        `${i % 3 === 0 ? 'test' : 'training'},gs://bucket/${'a'.repeat(LONG + i)}b.mp4,${'a'.repeat(LONG)}${i % 2 === 0 ? 'b' : ''},0,1`
    )
    const config = [
      'datasets:',
      '  - name: evil',
      '    files: [data/evil.csv]',
      "    group-pattern: '(a+)+$'",
      '    rules:',
      "      label-invalid: { pattern: '(a+)+$' }",
      '  - name: healthy',
      '    files: [good/healthy.csv]'
    ].join('\n')
    const root = await repoWith(config, { 'data/evil.csv': rows.join('\n') + '\n' })
    const { run, report } = await gateJson(root, 30_000)
    // A backtracking engine needs longer than the age of the universe for one of these values.
    expect(run.ms).toBeLessThan(20_000)
    const evil = report.datasets.find(d => d.name === 'evil')!
    expect(evil.metrics.totalSegments).toBe(12)
    // `aaaa…b` does not match `(a+)+$`, `aaaa…a` does: exactly the six labels ending in b fail.
    const invalid = evil.findings.filter(f => f.rule === 'label-invalid').map(f => f.line)
    expect(invalid).toEqual([1, 3, 5, 7, 9, 11])
    expect(report.datasets.find(d => d.name === 'healthy')!.metrics.totalSegments).toBe(76)
  }, 40_000)
})

describeBundle('configuration errors: exit status 2 and one line naming the key', () => {
  const dataset = (extra: string) =>
    `datasets:\n  - name: d\n    files: [good/healthy.csv]\n${extra}`
  const CASES: [name: string, config: string, message: RegExp][] = [
    [
      'a backreference in group-pattern',
      dataset("    group-pattern: '(a)\\1'\n"),
      /datasets\[0\]\.group-pattern: not a supported regular expression .*no backreferences or lookaround/
    ],
    [
      'lookahead in label-invalid.pattern',
      "rules:\n  label-invalid: { pattern: '^(?=cat)' }\n",
      /rules\.label-invalid\.pattern: not a supported regular expression/
    ],
    [
      "a backreference in a dataset's own label pattern",
      dataset("    rules:\n      label-invalid: { pattern: '(x)\\1' }\n"),
      /datasets\[0\]\.rules\.label-invalid\.pattern: not a supported regular expression/
    ],
    [
      'a negative threshold',
      'rules:\n  min-per-class: { min: -1 }\n',
      /:2: rules\.min-per-class\.min: Too small/
    ],
    [
      'a threshold of 1e12',
      'rules:\n  few-videos: { min-videos: 1e12 }\n',
      /few-videos\.min-videos: Too big/
    ],
    [
      'a threshold given as a string',
      'rules:\n  class-imbalance: { warning: "ten" }\n',
      /rules\.class-imbalance\.warning: .*expected number, received string/
    ],
    ['a NaN threshold', 'rules:\n  min-per-class: { min: .nan }\n', /min-per-class\.min: .*NaN/],
    [
      'an infinite threshold',
      'rules:\n  split-distribution: { max-js-distance: .inf }\n',
      /split-distribution\.max-js-distance/
    ],
    [
      'a share above 1',
      'rules:\n  split-ratio: { max-test-share: 7 }\n',
      /split-ratio\.max-test-share: Too big/
    ],
    [
      'an imbalance ratio below 1',
      'rules:\n  class-imbalance: { error: 0.5 }\n',
      /class-imbalance\.error: Too small/
    ],
    [
      'a negative per-class threshold',
      'rules:\n  min-per-class: { classes: { dog: -5 } }\n',
      /min-per-class\.classes\.dog: Too small/
    ],
    [
      'a negative resource limit',
      'rules:\n  resource-limit: { max-rows: -5 }\n',
      /resource-limit\.max-rows: Too small/
    ],
    [
      'a resource limit given as a string',
      "rules:\n  resource-limit: { max-line-bytes: '1 MiB' }\n",
      /resource-limit\.max-line-bytes: .*received string/
    ],
    [
      'max-findings-per-rule of 0',
      'max-findings-per-rule: 0\n',
      /max-findings-per-rule: Too small/
    ],
    [
      'an unknown severity',
      'rules:\n  min-per-class: { severity: fatal }\n',
      /rules\.min-per-class\.severity: Invalid option/
    ],
    [
      'an unknown top-level key',
      'rulez: {}\n',
      /:1: rulez: unknown key "rulez" \(did you mean "rules"\?\)/
    ],
    [
      'an unknown rule option',
      'rules:\n  class-imbalance: { warnng: 3 }\n',
      /:2: rules\.class-imbalance\.warnng: unknown key "warnng" \(did you mean "warning"\?\)/
    ],
    [
      'an unknown rule',
      'rules:\n  no-such-rule: { severity: error }\n',
      /:2: rules\.no-such-rule: unknown key "no-such-rule"/
    ],
    [
      'an unknown dataset key',
      dataset('    colums: { video: v, label: l }\n'),
      /:4: datasets\[0\]\.colums: unknown key "colums" \(did you mean "columns"\?\)/
    ],
    ['an unknown fail-on', 'fail-on: sometimes\n', /:1: fail-on: Invalid option/],
    [
      'a duplicate key',
      'rules:\n  min-classes: { min: 2 }\n  min-classes: { min: 3 }\n',
      /:3: rules\.min-classes: duplicate key "min-classes" \(first on line 2\)/
    ],
    [
      'a configuration over 64 KiB',
      `# ${'x'.repeat(70_000)}\nrules: {}\n`,
      /: the configuration is 70013 bytes, over the limit of 65536 bytes \(64 KiB\)/
    ],
    [
      'a warning ratio above the error ratio',
      'rules:\n  class-imbalance: { warning: 200, error: 100 }\n',
      /:2: rules\.class-imbalance\.error: warning 200 .* is above error 100/
    ],
    [
      "a dataset's minimum TEST share above the inherited maximum",
      'rules:\n  split-ratio: { max-test-share: 0.3 }\n' +
        dataset('    rules:\n      split-ratio: { min-test-share: 0.35 }\n'),
      /:7: datasets\[0\]\.rules\.split-ratio\.min-test-share: min-test-share 0\.35 is above max-test-share 0\.3 \(rules\.split-ratio\.max-test-share, line 2\)/
    ]
  ]

  it.each(CASES)('%s', async (_name, config, message) => {
    const root = await repoWith(config)
    const run = await runCli(root, ['check', '--format', 'json'])
    expect(run.timedOut).toBe(false)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).not.toMatch(STACK_LINE)
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^dataset-gate: \.github\/dataset-gate\.yml/)
    expect(lines[0]).toMatch(message)
  })

  it('the documented default max-file-bytes (4 GiB) can be written out', async () => {
    const root = await repoWith('rules:\n  resource-limit: { max-file-bytes: 4294967296 }\n')
    await gateJson(root)
  })
})

describeBundle('resource limits from the configuration', () => {
  const rows = (n: number, prefix: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `${i % 4 === 0 ? 'test' : 'training'},gs://bucket/${prefix}/${i}.mp4,${i % 2 ? 'cat' : 'dog'},0,1`
    )
  const datasets = (limits: string) =>
    [
      'datasets:',
      '  - name: limited',
      '    files: [data/limited.csv]',
      '    rules:',
      `      resource-limit: { ${limits} }`,
      '  - name: healthy',
      '    files: [good/healthy.csv]'
    ].join('\n')

  async function limited(limits: string, content: string) {
    const root = await repoWith(datasets(limits), { 'data/limited.csv': content })
    const { run, report } = await gateJson(root)
    expect(run.code).toBe(1)
    const healthy = report.datasets.find(d => d.name === 'healthy')!
    expect(healthy.metrics.totalSegments).toBe(76)
    expect(healthy.findings.filter(f => f.rule === 'resource-limit')).toEqual([])
    const dataset = report.datasets.find(d => d.name === 'limited')!
    return { dataset, findings: dataset.findings.filter(f => f.rule === 'resource-limit') }
  }

  it('max-file-bytes: the file is not read and the finding names it', async () => {
    const content = rows(100, 'big').join('\n') + '\n'
    const { dataset, findings } = await limited('max-file-bytes: 1000', content)
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'data/limited.csv',
        line: null,
        message: expect.stringMatching(
          new RegExp(
            `data/limited\\.csv is ${Buffer.byteLength(content)} bytes, over the max-file-bytes limit of 1000`
          )
        )
      })
    ])
    expect(dataset.metrics.totalSegments).toBe(0)
  })

  it('max-rows: reading stops at the first row past the limit, on its line', async () => {
    const { dataset, findings } = await limited('max-rows: 10', rows(50, 'many').join('\n'))
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'data/limited.csv',
        line: 11,
        message: expect.stringMatching(/more than 10 rows \(max-rows\)/)
      })
    ])
    expect(dataset.files[0]!.rows).toBe(10)
    expect(dataset.metrics.totalSegments).toBe(10)
  })

  it('max-line-bytes: a longer line stops the file on its line', async () => {
    const lines = rows(8, 'wide')
    lines[4] = `training,gs://bucket/wide/${'w'.repeat(300)}.mp4,cat,0,1`
    const { dataset, findings } = await limited('max-line-bytes: 200', lines.join('\n') + '\n')
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'data/limited.csv',
        line: 5,
        message: expect.stringMatching(
          /the record on line 5 is longer than 200 bytes \(resource-limit max-line-bytes\)/
        )
      })
    ])
    expect(dataset.files[0]!.rows).toBe(4)
  })
})

if (!built) {
  describe('configuration and resource limits through the bundled CLI', () => {
    it.skip('is skipped: dist/cli.js is missing, run `node scripts/build.mjs dist` first', () => {})
  })
}
