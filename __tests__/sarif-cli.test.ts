/**
 * `--format sarif` through the bundled CLI (dist/cli.js), as a user or a workflow step runs it:
 * the example dataset, `--output`, and a large generated manifest (1.6 million rows by default, the
 * benchmark's Kinetics-like file; DATASET_GATE_SARIF_ROWS sets another size) whose SARIF must
 * validate and respect GitHub's limits when the configuration lists every finding.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Log, Result } from 'sarif'
import { FINGERPRINT_KEY } from '../src/report/sarif.js'
import {
  CLI_BUNDLE,
  ROOT,
  STACK_LINE,
  bundleBuilt,
  runCli,
  runNode
} from './fixtures/hostile/bundle.js'
import { runnerCommands } from './helpers/runner-commands.js'
import { addSymlink, cleanRepos, makeRepo } from './helpers/datasets.js'
import { readSarifText, sarifSchemaErrors } from './helpers/sarif-validate.js'
import { HOSTILE } from './fixtures/hostile/strings.js'

const built = bundleBuilt(CLI_BUNDLE, 'sarif-cli')
const describeBundle = built ? describe : describe.skip

const scratch = mkdtempSync(join(tmpdir(), 'dataset-gate-sarif-cli-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
afterAll(cleanRepos)

function parseSarif(text: string): Log {
  const log = JSON.parse(text) as Log
  expect(sarifSchemaErrors(log)).toBeNull()
  return log
}

const results = (log: Log): Result[] => log.runs[0]!.results!

describeBundle('dataset-gate check examples/automl --format sarif', () => {
  it('prints valid SARIF with one located, fingerprinted result per finding', async () => {
    const sarif = await runCli(ROOT, ['check', 'examples/automl', '--format', 'sarif'])
    const json = await runCli(ROOT, ['check', 'examples/automl', '--format', 'json'])
    expect(sarif.code).toBe(1)
    expect(sarif.stderr).toBe('')
    const report = JSON.parse(json.stdout) as { datasets: { findings: unknown[] }[] }
    const findings = report.datasets.flatMap(d => d.findings)
    const log = parseSarif(sarif.stdout)
    expect(results(log)).toHaveLength(findings.length)
    for (const result of results(log)) {
      const location = result.locations![0]!.physicalLocation!
      expect(location.artifactLocation!.uri).toMatch(/^examples\/automl\/\w+\.csv$/)
      expect(location.artifactLocation!.uriBaseId).toBe('%SRCROOT%')
      expect(location.region!.startLine).toBeGreaterThanOrEqual(1)
      expect(result.partialFingerprints![FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}/)
    }
  })

  it('writes the SARIF to --output FILE; other formats still write the JSON report there', async () => {
    const sarifFile = join(scratch, 'gate.sarif')
    const run = await runCli(ROOT, [
      'check',
      'examples/automl',
      '--format',
      'sarif',
      '--output',
      sarifFile,
      '--comment-key',
      'automl'
    ])
    expect(run.code).toBe(1)
    const written = readFileSync(sarifFile, 'utf8')
    expect(written).toBe(run.stdout)
    expect(parseSarif(written).runs[0]!.automationDetails!.id).toBe('automl/')

    const jsonFile = join(scratch, 'report.json')
    const text = await runCli(ROOT, ['check', 'examples/automl', '--output', jsonFile])
    expect(text.code).toBe(1)
    expect(JSON.parse(readFileSync(jsonFile, 'utf8'))).toMatchObject({ schemaVersion: 1 })
  })
})

describeBundle('hostile files (the robust-hostile-cli corpus)', () => {
  const row = (n: number, label = n % 2 === 0 ? 'cat' : 'dog') =>
    `gs://bucket/h/${n}.mp4,${label},0,1`
  const q = (text: string) => `"${text.replace(/"/g, '""')}"`

  it('give valid SARIF whose every result stays inside the repository and shows its text as text', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'dataset-gate-sarif-outside-'))
    writeFileSync(join(outside, 'secret.csv'), `${row(1)}\n`)
    const root = await makeRepo({
      'data/unterminated.csv': `${row(1)}\n"${row(2)}\n${row(3)}\n`,
      'data/utf16le.csv': Buffer.from(`\ufeff${row(1)}\n${row(2)}\n`, 'utf16le'),
      'data/nul.csv': `${row(1)}\ngs://bucket/h/3\u0000.mp4,cat,0,1\n`,
      'data/latin1.csv': Buffer.concat([
        Buffer.from(`${row(1)}\ngs://b/2.mp4,caf`),
        Buffer.from([0xe9]),
        Buffer.from(',0,1\n')
      ]),
      'data/lfs.csv': 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n',
      'data/long.csv': `${row(1)}\ngs://bucket/h/2.mp4,${'a'.repeat(2 * 1024 * 1024)},0,1\n`,
      'data/empty.csv': '',
      'data/index.csv': 'TRAIN,gs://bucket/../../etc/passwd.csv\nTEST,/etc/hosts.csv\n',
      'data/hostile.csv':
        HOSTILE.map((label, i) => `training,gs://bucket/v/${i}.mp4,${q(label)},0,1`).join('\n') +
        '\n',
      'data/[x](1) {0}.csv': `${row(1, '[x](javascript:alert(1))')}\n`,
      'data/runner.csv': ['##[error]fake', '::add-mask::secret', '##[set-output name=x;]y']
        .map((label, i) => `training,gs://bucket/r/${i}.mp4,${q(label)},0,1`)
        .join('\n')
    })
    await addSymlink(root, 'data/link.csv', join(outside, 'secret.csv'))
    const run = await runCli(root, ['check', '--format', 'sarif'], 60_000)
    expect(run.timedOut).toBe(false)
    expect([0, 1]).toContain(run.code)
    expect(run.stderr).not.toMatch(STACK_LINE)
    const log = parseSarif(run.stdout)
    const all = results(log)
    for (const rule of ['csv-syntax', 'resource-limit', 'input-error', 'label-invalid'])
      expect(all.map(r => r.ruleId)).toContain(rule)
    for (const result of all) {
      const uri = decodeURIComponent(result.locations![0]!.physicalLocation!.artifactLocation!.uri!)
      expect(uri).not.toMatch(/^(\/|\.\.\/)|\/\.\.\//)
      expect(uri).not.toContain('secret')
      expect(() => readSarifText(result.message.text!)).not.toThrow()
    }
    expect(all.map(r => r.locations![0]!.physicalLocation!.artifactLocation!.uri)).toContain(
      'data/%5Bx%5D(1)%20%7B0%7D.csv'
    )

    // Inside GitHub Actions stdout is the runner's log: the same SARIF value, and no command runs.
    const inActions = await runNode(CLI_BUNDLE, ['check', '--format', 'sarif'], {
      cwd: root,
      env: { GITHUB_ACTIONS: 'true' }
    })
    rmSync(outside, { recursive: true, force: true })
    expect(runnerCommands(inActions.stdout).executed).toEqual([])
    expect(JSON.parse(inActions.stdout)).toEqual(log)
  })
})

const ROWS = Number(process.env.DATASET_GATE_SARIF_ROWS) || 1_600_000

describeBundle(`a generated manifest of ${ROWS.toLocaleString('en-US')} rows`, () => {
  const manifest = join(scratch, 'big', 'clips.csv')
  beforeAll(() => {
    mkdirSync(join(scratch, 'big'))
    execFileSync(
      process.execPath,
      [join(ROOT, 'scripts', 'bench-generate.mjs'), String(ROWS), manifest],
      {
        stdio: 'ignore'
      }
    )
    writeFileSync(join(scratch, 'big', 'all.yml'), 'max-findings-per-rule: 1000000\n')
  }, 120_000)

  it('gives valid SARIF', async () => {
    const run = await runCli(
      join(scratch, 'big'),
      ['check', 'clips.csv', '--format', 'sarif'],
      120_000
    )
    expect(run.timedOut).toBe(false)
    expect(run.stderr).not.toMatch(STACK_LINE)
    const log = parseSarif(run.stdout)
    expect(results(log).length).toBeGreaterThan(0)
    expect(log.runs[0]!.properties).toMatchObject({ resultsOmitted: 0 })
  }, 180_000)

  it('keeps the 25,000 most severe results within 10 MB gzipped when every finding is listed', async () => {
    const out = join(scratch, 'big', 'all.sarif')
    const run = await runCli(
      join(scratch, 'big'),
      ['check', 'clips.csv', '--config', 'all.yml', '--format', 'sarif', '--output', out],
      120_000
    )
    expect(run.timedOut).toBe(false)
    const text = readFileSync(out, 'utf8')
    const log = parseSarif(text)
    const all = results(log)
    const properties = log.runs[0]!.properties as {
      findings: { error: number; warning: number; notice: number }
      resultsOmitted: number
    }
    const listed =
      properties.findings.error + properties.findings.warning + properties.findings.notice
    if (listed <= 25_000) {
      expect(all).toHaveLength(listed)
      return
    }
    expect(all).toHaveLength(25_000)
    expect(properties.resultsOmitted).toBe(listed - 25_000)
    expect(run.stderr).toMatch(/findings left out of the SARIF/)
    const levels = all.map(r => ['error', 'warning', 'note'].indexOf(r.level!))
    expect(levels).toEqual([...levels].sort((a, b) => a - b))
    expect(all.filter(r => r.level === 'error')).toHaveLength(properties.findings.error)
    expect(gzipSync(text).length).toBeLessThanOrEqual(10_000_000)
    expect(new Set(all.map(r => r.partialFingerprints![FINGERPRINT_KEY])).size).toBe(all.length)
  }, 180_000)
})
