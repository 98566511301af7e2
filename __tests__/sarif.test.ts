/**
 * The SARIF writer (src/report/sarif.ts) on real gate reports: the example dataset and a corpus of
 * hostile labels, URIs and file names validate against the SARIF 2.1.0 schema, every finding is one
 * result with a location and partial fingerprints, dataset text cannot form an embedded link or a
 * placeholder, fingerprints survive a row inserted at the top, and GitHub's limits hold.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { gunzipSync } from 'node:zlib'
import type { Result } from 'sarif'
import type { DatasetReport, Finding, GateReport, Severity } from '../src/model.js'
import {
  CODE_SCANNING_LIMITS,
  FINGERPRINT_KEY,
  encodeUriPath,
  escapeSarifText,
  mainFileOf,
  renderSarif
} from '../src/report/sarif.js'
import { RULES } from '../src/rules/catalogue.js'
import { PROJECT_ROOT, cleanRepos, gate, gateFiles } from './helpers/datasets.js'
import { readSarifText, sarifSchemaErrors } from './helpers/sarif-validate.js'
import { HOSTILE } from './fixtures/hostile/strings.js'
import { emptyReport } from '../src/gate/analyze-dataset.js'

afterAll(cleanRepos)

const allFindings = (report: GateReport) =>
  report.datasets.flatMap(d => d.findings.map(finding => ({ finding, dataset: d.name })))

function resultsOf(report: GateReport, category = 'dataset-gate') {
  const sarif = renderSarif(report, { category })
  expect(sarifSchemaErrors(sarif.log)).toBeNull()
  return { sarif, results: sarif.log.runs[0]!.results! }
}

function uriOf(result: Result): string {
  return result.locations![0]!.physicalLocation!.artifactLocation!.uri!
}

function lineOf(result: Result): number {
  return result.locations![0]!.physicalLocation!.region!.startLine!
}

function fingerprint(result: Result): string {
  return result.partialFingerprints![FINGERPRINT_KEY]!
}

describe('the example dataset (examples/automl)', () => {
  let report: GateReport
  beforeAll(async () => {
    report = await gate(PROJECT_ROOT, { paths: ['examples/automl'] })
  })

  it('validates against the SARIF 2.1.0 schema, one run, the tool and every catalogue rule', () => {
    const { sarif } = resultsOf(report)
    expect(sarif.log.version).toBe('2.1.0')
    expect(sarif.log.runs).toHaveLength(1)
    const driver = sarif.log.runs[0]!.tool.driver
    expect(driver.name).toBe('dataset-gate')
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(driver.rules!.map(r => r.id)).toEqual(Object.keys(RULES))
    expect(sarif.log.runs[0]!.automationDetails!.id).toBe('dataset-gate/')
    // The text is the log, and the gzipped bytes are the text.
    expect(JSON.parse(sarif.text)).toEqual(sarif.log)
    expect(gunzipSync(sarif.gzipped).toString('utf8')).toBe(sarif.text)
  })

  it('has one result per finding, each with its rule, level, location and fingerprint', () => {
    const { sarif, results } = resultsOf(report)
    const findings = allFindings(report)
    expect(findings.length).toBeGreaterThan(10)
    expect(results).toHaveLength(findings.length)
    expect(sarif.omitted).toBe(0)
    const rules = sarif.log.runs[0]!.tool.driver.rules!
    const level: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'note' }
    // Results are the findings, most severe first; each finding appears exactly once.
    const expected = findings.map(({ finding }) => `${finding.rule}|${finding.severity}`).sort()
    expect(
      results.map(r => `${r.ruleId}|${r.level === 'note' ? 'notice' : r.level}`).sort()
    ).toEqual(expected)
    const order = results.map(r => ['error', 'warning', 'note'].indexOf(r.level!))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    for (const result of results) {
      expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId)
      expect(result.locations).toHaveLength(1)
      expect(result.locations![0]!.physicalLocation!.artifactLocation!.uriBaseId).toBe('%SRCROOT%')
      expect(uriOf(result)).toMatch(/^examples\/automl\/(index|train|test)\.csv$/)
      expect(lineOf(result)).toBeGreaterThanOrEqual(1)
      expect(fingerprint(result)).toMatch(/^[0-9a-f]{32}(:\d+)?$/)
    }
    expect(new Set(results.map(fingerprint)).size).toBe(results.length)
    // Row findings keep their file and line; dataset findings sit on the index, line 1.
    for (const { finding } of findings) {
      const match = results.filter(
        r => r.ruleId === finding.rule && r.level === level[finding.severity]
      )
      if (finding.file !== null && finding.line !== null)
        expect(match.map(r => `${uriOf(r)}:${lineOf(r)}`)).toContain(
          `${finding.file}:${finding.line}`
        )
      else
        expect(match.map(r => `${uriOf(r)}:${lineOf(r)}`)).toContain('examples/automl/index.csv:1')
    }
  })

  it('describes every rule: descriptions, default level, Markdown help with the default and the fix', () => {
    const { sarif } = resultsOf(report)
    for (const rule of sarif.log.runs[0]!.tool.driver.rules!) {
      const entry = RULES[rule.id as keyof typeof RULES]
      expect(rule.shortDescription!.text.length).toBeGreaterThan(5)
      expect(rule.fullDescription!.text).toBe(entry.summary)
      expect(rule.defaultConfiguration!.level).toBe(
        entry.severity === 'off' ? 'none' : entry.severity === 'notice' ? 'note' : entry.severity
      )
      expect(rule.help!.markdown).toContain(`Default severity: **${entry.severity}`)
      expect(rule.help!.markdown).toContain('**How to fix:**')
      expect(rule.help!.markdown).toContain(`rules.${rule.id}`)
      expect(rule.helpUri).toBeUndefined() // the CLI does not know where the action lives
      expect(rule.help!.markdown).toContain("rule catalogue in dataset-gate's README")
    }
  })

  it("links the rules to the action's README when the run knows where it lives", () => {
    const home = 'https://github.com/octo-org/dataset-gate'
    const sarif = renderSarif(report, { category: 'dataset-gate', home })
    expect(sarifSchemaErrors(sarif.log)).toBeNull()
    const driver = sarif.log.runs[0]!.tool.driver
    expect(driver.informationUri).toBe(home)
    for (const rule of driver.rules!) {
      expect(rule.helpUri).toBe(`${home}#rules`)
      expect(rule.help!.markdown).toContain(`[rule catalogue](${home}#rules)`)
    }
  })
})

describe('hostile labels, URIs and file names', () => {
  const q = (text: string) => `"${text.replace(/"/g, '""')}"`
  const FILE_NAMES = [
    'data/<img src=x>.csv',
    'data/[x](javascript:alert(1)).csv',
    'data/{0} and {{1}}.csv',
    'data/back\\slash #1 ?q=1 %41.csv',
    'data/@octocat #123.csv',
    'data/ünïcødé 😀.csv'
  ]
  const EXTRA = ['[x](1)', '{0}', '\\[y](sarif:/runs/0/results/1)', 'a\\', '}{']
  let report: GateReport

  beforeAll(async () => {
    const rows: string[] = []
    ;[...HOSTILE, ...EXTRA].forEach((label, i) => {
      for (let k = 0; k < 3; k++) rows.push(`training,gs://bucket/v/${i}_${k}.mp4,${q(label)},0,1`)
      rows.push(`test,gs://bucket/t/${i}.mp4,${q(label)},0,1`)
      rows.push(`training,${q(`gs://bucket/${label}.mp4`)},cat,0,1`, `test,${q(label)},cat,0,1`)
    })
    const files: Record<string, string> = { 'data/hostile.csv': rows.join('\n') + '\n' }
    FILE_NAMES.forEach((name, i) => {
      files[name] = `training,gs://bucket/f/${i}.mp4,${q(EXTRA[i % EXTRA.length]!)},0,5\n`
    })
    report = await gateFiles(files, { config: 'max-findings-per-rule: 5000\n' })
  })

  it('validate against the schema (artifact URIs are URI references)', () => {
    const { results } = resultsOf(report)
    expect(results).toHaveLength(allFindings(report).length)
    for (const name of FILE_NAMES) expect(results.map(uriOf)).toContain(encodeUriPath(name))
    for (const result of results) expect(decodeURIComponent(uriOf(result))).not.toMatch(/^\.\.|^\//)
  })

  it('carry dataset text as text: no embedded link, no placeholder, the message intact', () => {
    const { results } = resultsOf(report)
    const messages = new Set(allFindings(report).map(({ finding }) => finding.message))
    let withBrackets = 0
    for (const result of results) {
      const shown = readSarifText(result.message.text!)
      expect(messages.has(shown)).toBe(true)
      if (/[[\]{}]/.test(shown)) withBrackets++
    }
    expect(withBrackets).toBeGreaterThan(3)
  })

  it('the schema check itself refuses what code scanning would: a bad URI, a result without a message', () => {
    const { sarif } = resultsOf(report)
    const log = JSON.parse(sarif.text)
    log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'data/a b[1].csv'
    expect(sarifSchemaErrors(log)).toMatch(/uri-reference/)
    delete log.runs[0].results[0].message
    expect(sarifSchemaErrors(log)).toMatch(/message/)
  })

  it('escapeSarifText round-trips any text', () => {
    for (const text of [...HOSTILE, ...EXTRA, '\\\\[', '[]()', '{{}}', 'plain'])
      expect(readSarifText(escapeSarifText(text))).toBe(text)
  })
})

describe('fingerprints', () => {
  const ROWS = [
    'gs://bucket/v/cat_01.mp4,cat,0,4',
    'gs://bucket/v/cat_02.mp4,cat,0,4',
    'gs://bucket/v/cat_03.mp4,cat,5,2', // segment-invalid
    'gs://bucket/v/cat_04.mkv,cat,0,4', // uri-invalid
    'gs://bucket/v/cat_01.mp4,cat,0,4', // duplicate-row
    'gs://bucket/v/dog_01.mp4,Dog,0,4', // label-variant
    'gs://bucket/v/leak_01.mp4,cat,0,3', // video-leakage with test.csv
    ...Array.from({ length: 12 }, (_, i) => `gs://bucket/v/dog_${i + 10}.mp4,dog,0,4`),
    'gs://bucket/v/unl_01.mp4,,,'
  ]
  const TEST = [
    'gs://bucket/t/cat_t1.mp4,cat,0,4',
    'gs://bucket/v/leak_01.mp4,cat,0,3',
    'gs://bucket/t/d.mp4,dog,0,1'
  ]
  const INDEX = 'TRAIN,gs://bucket/data/train.csv\nTEST,gs://bucket/data/test.csv\n'
  const TOP = 'gs://bucket/v/new_top.mp4,dog,0,4'

  const fingerprints = async (train: string[]) => {
    const report = await gateFiles({
      'data/index.csv': INDEX,
      'data/train.csv': train.join('\n') + '\n',
      'data/test.csv': TEST.join('\n') + '\n'
    })
    const { results } = resultsOf(report)
    return new Map(results.map(r => [fingerprint(r), `${r.ruleId} ${uriOf(r)}:${lineOf(r)}`]))
  }

  it('do not change when a row is inserted at the top of a rows file', async () => {
    const before = await fingerprints(ROWS)
    const after = await fingerprints([TOP, ...ROWS])
    const rules = [...before.values()].map(v => v.split(' ')[0])
    for (const rule of ['segment-invalid', 'uri-invalid', 'duplicate-row', 'label-variant'])
      expect(rules).toContain(rule)
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
    // The same alerts, one line further down: what moved is the place, not the identity.
    let moved = 0
    for (const [key, where] of before) {
      const [rule, place] = where.split(' ')
      const [file, line] = place!.split(':')
      const now = after.get(key)!.split(' ')[1]!
      if (file === 'data/train.csv' && rule !== 'video-leakage') {
        expect(now).toBe(`${file}:${Number(line) + 1}`)
        moved++
      }
    }
    expect(moved).toBeGreaterThanOrEqual(4)
  })

  it('tell findings apart: a fixed row closes exactly its own alert', async () => {
    const before = await fingerprints(ROWS)
    const fixed = ROWS.map(row => row.replace('cat,5,2', 'cat,2,5'))
    const after = await fingerprints(fixed)
    const gone = [...before.keys()].filter(key => !after.has(key))
    expect(gone.map(key => before.get(key)!.split(' ')[0])).toEqual(['segment-invalid'])
  })
})

describe("GitHub's limits", () => {
  const finding = (severity: Severity, i: number): Finding => ({
    rule:
      severity === 'error'
        ? 'segment-invalid'
        : severity === 'warning'
          ? 'duplicate-row'
          : 'unlabeled-video',
    severity,
    message: `row ${i} has a problem [${i}](x) {${i}}`,
    file: `data/part_${i % 7}.csv`,
    line: i + 1,
    split: 'TRAIN',
    class: null,
    fingerprint: `${severity}:${i}`
  })
  const synthetic = (counts: Record<Severity, number>): GateReport => {
    const findings: Finding[] = []
    // Least severe first, so keeping the most severe is the writer's doing, not the input's order.
    for (const severity of ['notice', 'warning', 'error'] as const)
      for (let i = 0; i < counts[severity]; i++) findings.push(finding(severity, i))
    return {
      schemaVersion: 1,
      passed: false,
      failOn: 'error',
      counts,
      datasets: [emptyReport('data/big.csv', findings)],
      notes: ['a note with [a link](1) and {0}']
    } as GateReport
  }

  it('keep at most 25,000 results, the most severe, and count the rest in the run', () => {
    const report = synthetic({ error: 6_000, warning: 20_000, notice: 9_000 })
    const { sarif, results } = resultsOf(report)
    expect(results).toHaveLength(CODE_SCANNING_LIMITS.resultsPerRun)
    expect(results.filter(r => r.level === 'error')).toHaveLength(6_000)
    expect(results.filter(r => r.level === 'warning')).toHaveLength(19_000)
    expect(results.filter(r => r.level === 'note')).toHaveLength(0)
    expect(sarif.omitted).toBe(10_000)
    expect(sarif.omittedBySeverity).toEqual({ error: 0, warning: 1_000, notice: 9_000 })
    expect(sarif.log.runs[0]!.properties).toMatchObject({
      resultsOmitted: 10_000,
      resultsOmittedByLevel: { error: 0, warning: 1_000, note: 9_000 }
    })
    expect(sarif.gzipped.length).toBeLessThanOrEqual(CODE_SCANNING_LIMITS.gzippedBytes)
    for (const result of results)
      expect(result.locations!.length).toBeLessThanOrEqual(CODE_SCANNING_LIMITS.locationsPerResult)
  })

  it('stay within the gzipped size, dropping the least severe results first', () => {
    const report = synthetic({ error: 300, warning: 3_000, notice: 0 })
    const full = renderSarif(report, { category: 'k' })
    const limit = Math.floor(full.gzipped.length / 3)
    const cut = renderSarif(report, { category: 'k', maxGzippedBytes: limit })
    expect(sarifSchemaErrors(cut.log)).toBeNull()
    expect(cut.gzipped.length).toBeLessThanOrEqual(limit)
    expect(cut.results).toBeGreaterThan(300)
    expect(cut.results + cut.omitted).toBe(3_300)
    expect(cut.log.runs[0]!.results!.filter(r => r.level === 'error')).toHaveLength(300)
    expect(cut.omittedBySeverity.error).toBe(0)
  })

  it('name the category after the comment key', () => {
    const { sarif } = resultsOf(synthetic({ error: 1, warning: 0, notice: 0 }), 'kinetics.gate')
    expect(sarif.log.runs[0]!.automationDetails!.id).toBe('kinetics.gate/')
    const notes = sarif.log.runs[0]!.invocations![0]!.toolExecutionNotifications!
    expect(readSarifText(notes[0]!.message.text!)).toBe('a note with [a link](1) and {0}')
  })
})

describe('where a dataset-level finding is shown', () => {
  const dataset = (name: string, files: string[], extra: object = {}) =>
    ({ name, files: files.map(path => ({ path })), ...extra }) as unknown as DatasetReport

  it('is the dataset file: its index or manifest, else its first file, never outside the root', () => {
    expect(mainFileOf(dataset('data/index.csv', ['data/train.csv']))).toBe('data/index.csv')
    expect(mainFileOf(dataset('data/clips.jsonl', []))).toBe('data/clips.jsonl')
    expect(mainFileOf(dataset('kinetics', ['data/k/train.csv', 'data/k/test.csv']))).toBe(
      'data/k/train.csv'
    )
    expect(
      mainFileOf(dataset('kinetics', ['data/k/train.csv'], { index: 'data/k/index.csv' }))
    ).toBe('data/k/index.csv')
    expect(mainFileOf(dataset('../outside/x.csv', []))).toBe('outside/x.csv')
    expect(mainFileOf(dataset('/abs/x.csv', ['../y.csv']))).toBe('abs/x.csv')
  })
})
