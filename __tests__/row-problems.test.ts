/**
 * The judge's words for row problems (src/judge/row-problems.ts): rule, severity, message and
 * fingerprint of the finding each problem becomes. The engine tests check the messages in context.
 */
import { describe, expect, it } from '@jest/globals'
import { FindingSink } from '../src/judge/findings.js'
import { RowProblemReporter } from '../src/judge/row-problems.js'
import { defaultRuleSettings } from '../src/rules/catalogue.js'
import type { RowProblem } from '../src/read/problems.js'

function findingsOf(problems: RowProblem[], blank?: 'off' | 'notice') {
  const settings = defaultRuleSettings()
  if (blank) settings['row-shape'].options['blank-line-severity'] = blank
  const sink = new FindingSink(settings, 100)
  const reporter = new RowProblemReporter(sink, settings)
  for (const problem of problems) reporter.report(problem)
  return sink.finish()
}

const at = { file: 'a.csv', line: 3 }
const segment = {
  ...at,
  split: 'TRAIN' as const,
  format: 'vertex-csv' as const,
  video: 'gs://b/1.mp4',
  label: 'dog',
  start: '5',
  end: '2'
}

describe('row problems as findings', () => {
  it('blank lines take the configured blank-line severity, or are not reported', () => {
    expect(findingsOf([{ code: 'row.blank', ...at }], 'notice')).toMatchObject([
      { rule: 'row-shape', severity: 'notice', fingerprint: 'row-shape:blank:a.csv' }
    ])
    expect(findingsOf([{ code: 'row.blank', ...at }], 'off')).toEqual([])
  })

  it('a one-field row gets the delimiter it seems to use', () => {
    const [finding] = findingsOf([
      { code: 'row.field-count', ...at, layout: 'vertex-csv', expected: 5, found: 1, text: 'a;b;c' }
    ])
    expect(finding!.message).toBe(
      'expected 4 or 5 fields ([ML_USE,]VIDEO_URI,LABEL,START,END), found 1 field. The row seems to use ";" (semicolon) as its delimiter; Google\'s import formats need commas. Save the file as comma-separated.'
    )
  })

  it('segment times are worded in the notation of the file', () => {
    const csv = findingsOf([{ code: 'segment.end-before-start', ...segment }])
    const jsonl = findingsOf([
      { code: 'segment.end-before-start', ...segment, format: 'vertex-jsonl' }
    ])
    expect(csv[0]).toMatchObject({
      rule: 'segment-invalid',
      severity: 'error',
      split: 'TRAIN',
      class: 'dog',
      message: 'the segment ends (2) before or where it starts (5); START must be less than END.'
    })
    expect(jsonl[0]!.message).toBe(
      'the segment ends ("2s") before or where it starts ("5s"); startTime must be less than endTime.'
    )
    expect(csv[0]!.fingerprint).toBe(jsonl[0]!.fingerprint)
  })

  it('too many decimals is a warning with its own identity', () => {
    const [finding] = findingsOf([
      { code: 'segment.decimals', ...segment, decimals: 7, maxDecimals: 6 }
    ])
    expect(finding).toMatchObject({ severity: 'warning' })
    expect(finding!.message).toBe(
      'a time has 7 decimals; AutoML keeps microseconds (6 decimals) and rounds the rest.'
    )
    expect(finding!.fingerprint).toMatch(/^segment-invalid:[0-9a-f]{8}:decimals$/)
  })

  it('an undocumented ML_USE names what was meant and where the row counts', () => {
    const [finding] = findingsOf([
      {
        code: 'split.undocumented',
        ...at,
        value: 'eval',
        split: 'TEST',
        allowed: ['training', 'test']
      }
    ])
    expect(finding).toMatchObject({
      rule: 'split-invalid',
      severity: 'error',
      split: null,
      fingerprint: 'split-invalid:eval',
      message:
        'ML_USE "eval" is not a value Vertex AI accepts (training, test, any case); did you mean test? The row is counted in TEST.'
    })
  })
})
