/**
 * Settings that used to do nothing, or the opposite of what they say:
 *
 * - `recommended-per-class: { min: N }` holds at every class count; before, above 50 classes the
 *   rule silently switched to `min-many-classes` (default 1000). Setting both keeps both.
 * - contradictory thresholds (a warning ratio above the error ratio, a minimum TEST share above the
 *   maximum, more classes required than allowed) are configuration errors naming the file, the
 *   line of the key to fix and both values, also when a dataset's override contradicts an
 *   inherited value.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { ConfigError, parseConfig } from '../src/config/load.js'
import { resolveRuleSettings } from '../src/config/schema.js'
import { THRESHOLD_ORDERS } from '../src/rules/catalogue.js'
import { cleanRepos, findingsOf, gateFiles, vertexRows } from './helpers/datasets.js'

afterAll(cleanRepos)

const SOURCE = '.github/dataset-gate.yml'

function parseError(yaml: string): string {
  try {
    parseConfig(yaml, SOURCE)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error(`expected a configuration error for:\n${yaml}`)
}

function recommended(yaml: string, dataset?: string) {
  const config = parseConfig(yaml, SOURCE)
  const spec = config.datasets?.find(d => d.name === dataset)
  const { min, 'min-many-classes': minMany } = resolveRuleSettings(config, spec)[
    'recommended-per-class'
  ].options
  return { min, minMany }
}

describe('recommended-per-class: one `min` holds at every class count', () => {
  it('resolves `min-many-classes` to the configured `min` when only `min` is set', () => {
    expect(recommended('rules:\n  recommended-per-class: { min: 30 }\n')).toEqual({
      min: 30,
      minMany: 30
    })
  })

  it('keeps both when both are set, and the defaults when neither is', () => {
    expect(
      recommended('rules:\n  recommended-per-class: { min: 30, min-many-classes: 80 }\n')
    ).toEqual({ min: 30, minMany: 80 })
    expect(recommended('')).toEqual({ min: 200, minMany: 1000 })
    expect(recommended('rules:\n  recommended-per-class: { min-many-classes: 80 }\n')).toEqual({
      min: 200,
      minMany: 80
    })
  })

  it('an inherited `min-many-classes` stays when a dataset overrides only `min`', () => {
    const yaml = [
      'rules:',
      '  recommended-per-class: { min: 30, min-many-classes: 80 }',
      'datasets:',
      '  - name: own-min',
      '    files: [a.csv]',
      '    rules:',
      '      recommended-per-class: { min: 5 }',
      '  - name: inherits',
      '    files: [b.csv]'
    ].join('\n')
    expect(recommended(yaml, 'own-min')).toEqual({ min: 5, minMany: 80 })
    expect(recommended(yaml, 'inherits')).toEqual({ min: 30, minMany: 80 })
  })

  it('a top-level `min` alone also holds for a dataset that overrides nothing', () => {
    const yaml = [
      'rules:',
      '  recommended-per-class: { min: 30 }',
      'datasets:',
      '  - name: d',
      '    files: [a.csv]'
    ].join('\n')
    expect(recommended(yaml, 'd')).toEqual({ min: 30, minMany: 30 })
  })

  // 60 classes (more than the 50 of `many-classes`), 8 TRAIN segments each, one class with 3.
  const CLASSES = Array.from({ length: 60 }, (_, i) => `class_${i}`)
  const MANY_CLASSES = vertexRows({
    training: Object.fromEntries(CLASSES.map((name, i) => [name, i === 0 ? 3 : 8])),
    test: Object.fromEntries(CLASSES.map(name => [name, 2]))
  })

  it('through the gate: `min: 5` above 50 classes flags only the class below 5', async () => {
    const report = await gateFiles(
      { 'data/many.csv': MANY_CLASSES },
      { config: 'rules:\n  recommended-per-class: { min: 5 }\n' }
    )
    const findings = findingsOf(report, 'recommended-per-class')
    expect(findings.map(f => f.class)).toEqual(['class_0'])
    expect(findings[0]!.message).toMatch(/has 3 segments in TRAIN; a good model wants 5\b/)
  })

  it('through the gate: with both set, the many-classes minimum applies above 50 classes', async () => {
    const report = await gateFiles(
      { 'data/many.csv': MANY_CLASSES },
      { config: 'rules:\n  recommended-per-class: { min: 5, min-many-classes: 10 }\n' }
    )
    expect(findingsOf(report, 'recommended-per-class')).toHaveLength(60)
  })
})

describe('contradictory thresholds are configuration errors', () => {
  const CASES: [name: string, yaml: string, message: RegExp][] = [
    [
      'a class-imbalance warning ratio above the error ratio',
      'rules:\n  class-imbalance: { warning: 200, error: 100 }\n',
      /^\.github\/dataset-gate\.yml:2: rules\.class-imbalance\.error: warning 200 \(rules\.class-imbalance\.warning, line 2\) is above error 100: the warning ratio must not be above the error ratio\. Lower warning or raise error\.$/
    ],
    [
      'a warning ratio above the default error ratio',
      'rules:\n  class-imbalance:\n    warning: 200\n',
      /^\.github\/dataset-gate\.yml:3: rules\.class-imbalance\.warning: warning 200 is above error 100 \(the default\)/
    ],
    [
      'a minimum TEST share above the maximum',
      'rules:\n  split-ratio:\n    min-test-share: 0.5\n    max-test-share: 0.3\n',
      /^\.github\/dataset-gate\.yml:4: rules\.split-ratio\.max-test-share: min-test-share 0\.5 \(rules\.split-ratio\.min-test-share, line 3\) is above max-test-share 0\.3: no TEST share could be inside the range\./
    ],
    [
      'a minimum TEST share above the default maximum',
      'rules:\n  split-ratio: { min-test-share: 0.6 }\n',
      /:2: rules\.split-ratio\.min-test-share: min-test-share 0\.6 is above max-test-share 0\.4 \(the default\)/
    ],
    [
      'more classes required than allowed',
      'rules:\n  min-classes: { min: 20 }\n  max-classes: { max: 10 }\n',
      /:3: rules\.max-classes\.max: min-classes\.min 20 \(rules\.min-classes\.min, line 2\) is above max-classes\.max 10: no dataset could have enough classes without having too many\. Lower min-classes\.min or raise max-classes\.max\./
    ],
    [
      "a dataset's override that contradicts an inherited value",
      [
        'rules:',
        '  class-imbalance: { warning: 20, error: 50 }',
        'datasets:',
        '  - name: ok',
        '    files: [a.csv]',
        '  - name: strict',
        '    files: [b.csv]',
        '    rules:',
        '      class-imbalance:',
        '        error: 15'
      ].join('\n'),
      /^\.github\/dataset-gate\.yml:10: datasets\[1\]\.rules\.class-imbalance\.error: warning 20 \(rules\.class-imbalance\.warning, line 2\) is above error 15/
    ],
    [
      "a dataset's override against the default",
      'datasets:\n  - name: d\n    files: [a.csv]\n    rules:\n      split-ratio: { max-test-share: 0.05 }\n',
      /:5: datasets\[0\]\.rules\.split-ratio\.max-test-share: min-test-share 0\.1 \(the default\) is above max-test-share 0\.05/
    ]
  ]

  it.each(CASES)('%s', (_name, yaml, message) => {
    const error = parseError(yaml)
    expect(error).toMatch(message)
    expect(error).not.toContain('\n')
  })

  it('equal bounds are allowed, and so is a contradiction in a rule that is off', () => {
    expect(() =>
      parseConfig('rules:\n  class-imbalance: { warning: 50, error: 50 }\n', SOURCE)
    ).not.toThrow()
    expect(() =>
      parseConfig(
        'rules:\n  min-classes: { min: 2000 }\n  max-classes: { severity: off, max: 1000 }\n',
        SOURCE
      )
    ).not.toThrow()
  })

  it('a contradiction at the top level is an error even when every dataset overrides it', () => {
    const yaml = [
      'rules:',
      '  class-imbalance: { warning: 200 }',
      'datasets:',
      '  - name: d',
      '    files: [a.csv]',
      '    rules:',
      '      class-imbalance: { error: 500 }'
    ].join('\n')
    expect(parseError(yaml)).toMatch(/:2: rules\.class-imbalance\.warning: warning 200 is above/)
  })

  it('every ordered pair names options that exist, with defaults in order', () => {
    const defaults = resolveRuleSettings(parseConfig('', SOURCE))
    for (const { lower, upper } of THRESHOLD_ORDERS) {
      const value = (ref: typeof lower) =>
        (defaults[ref.rule].options as Record<string, unknown>)[ref.option]
      expect(typeof value(lower)).toBe('number')
      expect(typeof value(upper)).toBe('number')
      expect(value(lower) as number).toBeLessThanOrEqual(value(upper) as number)
    }
  })
})
