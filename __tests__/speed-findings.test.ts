/**
 * Findings past the per-rule cap are only counted (judge/findings.ts, judge/row-problems.ts): the
 * words are not built. The counts, the "N more" findings and the verdict must be those of the
 * full path, which a comparison with a base still takes (it remembers each left-out identity).
 */
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../src/config/load.js'
import { resolveRuleSettings } from '../src/config/schema.js'
import { FindingSink } from '../src/judge/findings.js'
import { RowProblemReporter } from '../src/judge/row-problems.js'
import type { RowProblem } from '../src/read/problems.js'

const at = { file: 'a.csv', split: 'TRAIN' as const }
const segment = {
  ...at,
  format: 'vertex-csv' as const,
  video: 'gs://b/v.mp4',
  label: 'run',
  start: '5',
  end: '1'
}

/** One problem of every code, the n-th of its kind (lines and values vary). */
function problems(n: number): RowProblem[] {
  const line = 10 + n
  return [
    { code: 'row.blank', file: 'a.csv', line },
    { code: 'row.header', file: 'a.csv', line, format: 'vertex-csv', header: 'ml_use,uri' },
    {
      code: 'row.field-count',
      file: 'a.csv',
      line,
      layout: 'vertex-csv',
      expected: 5,
      found: 1,
      text: `x;${n}`
    },
    { code: 'json.invalid', file: 'a.jsonl', line, text: `{${n}` },
    { code: 'split.unknown', file: 'a.csv', line, value: `v${n}`, allowed: ['training'] },
    { code: 'split.validation', file: 'a.csv', line, value: 'validation' },
    {
      code: 'split.undocumented',
      file: 'a.csv',
      line,
      value: 'train',
      split: 'TRAIN',
      allowed: ['training', 'test']
    },
    { code: 'video.invalid', ...at, line, uri: `v${n}.mkv`, reason: 'unsupported container' },
    { code: 'label.invalid', ...at, line, uri: 'gs://b/v.mp4', label: `l ${n}`, reason: 'bad' },
    {
      code: 'label.missing',
      ...at,
      line,
      format: 'vertex-csv',
      uri: 'gs://b/v.mp4',
      start: '1',
      end: '2'
    },
    {
      code: 'segment.notation',
      ...at,
      line,
      uri: 'gs://b/v.mp4',
      label: 'run',
      field: 'startTime',
      raw: `${n}`,
      notation: 'number'
    },
    { code: 'segment.no-times', ...segment, line },
    { code: 'segment.end-before-start', ...segment, line, start: `${n + 5}` },
    { code: 'segment.decimals', ...segment, line, decimals: 9, maxDecimals: 6 },
    { code: 'segment.start-unreadable', ...segment, line, reason: 'is not a number' },
    { code: 'segment.end-beyond-duration', ...segment, line, duration: 3 }
  ]
}

function run(configText: string, remember: boolean) {
  const config = parseConfig(configText, 'dataset-gate.yml')
  const settings = resolveRuleSettings(config, undefined)
  const sink = new FindingSink(settings, 2, { rememberOmitted: remember })
  const reporter = new RowProblemReporter(sink, settings)
  for (let n = 0; n < 7; n++) for (const problem of problems(n)) reporter.report(problem)
  return { findings: sink.finish(), omitted: { ...sink.omittedBySeverity } }
}

describe('findings past the cap', () => {
  const configs = [
    '{}',
    // Severities the configuration sets cap the outcomes' own; blank lines have their own option.
    'rules:\n  split-invalid:\n    severity: notice\n  segment-invalid:\n    severity: warning\n  row-shape:\n    blank-line-severity: notice\n',
    'rules:\n  row-shape:\n    blank-line-severity: "off"\n  label-missing:\n    severity: "off"\n'
  ]
  for (const config of configs) {
    it(`are counted as the full path counts them (${config.replace(/\n/g, ' ')})`, () => {
      const fast = run(config, false)
      const full = run(config, true)
      expect(fast).toEqual(full)
      expect(fast.findings.some(f => f.omitted !== undefined)).toBe(true)
    })
  }
})

describe('findings built only when listed (FindingSink.addBuilt)', () => {
  /** Five findings of each of two outcomes (the rule's severity and a lower one), cap 2. */
  function fill(sink: FindingSink, built: { count: number }, through: 'add' | 'addBuilt') {
    for (let n = 0; n < 10; n++) {
      const outcome = n % 2 === 0 ? undefined : ('notice' as const)
      const input = () => {
        built.count++
        return { class: `c${n}`, message: `class c${n} is short`, fingerprint: `few:${n}` }
      }
      if (through === 'addBuilt') sink.addBuilt('few-videos', outcome, input)
      else sink.add('few-videos', outcome ? { ...input(), severity: outcome } : input())
    }
  }

  for (const remember of [false, true]) {
    it(`gives what add gives${remember ? ', remembering every left-out identity' : ''}`, () => {
      const settings = resolveRuleSettings(parseConfig('{}', 'dataset-gate.yml'), undefined)
      const outcomes = (['add', 'addBuilt'] as const).map(through => {
        const sink = new FindingSink(settings, 2, { rememberOmitted: remember })
        const built = { count: 0 }
        fill(sink, built, through)
        const findings = sink.finish()
        return { findings, omitted: sink.omittedIdentities, built: built.count }
      })
      expect(outcomes[1]!.findings).toEqual(outcomes[0]!.findings)
      expect(outcomes[1]!.omitted).toEqual(outcomes[0]!.omitted)
      expect(outcomes[1]!.findings.map(f => f.severity)).toContain('notice')
      // Without a base, only the two listed findings are built; with one, all ten.
      expect(outcomes[1]!.built).toBe(remember ? 10 : 2)
    })
  }
})
