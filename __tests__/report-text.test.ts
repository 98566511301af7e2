import { describe, expect, it } from '@jest/globals'
import { displayWidth, renderText } from '../src/report/text.js'
import { expectGolden, FIXTURES, hostileLarge, loadReport } from './fixtures/reports/fixtures.js'

describe('renderText', () => {
  for (const name of FIXTURES) {
    it(`renders ${name} like the golden file`, () => {
      expectGolden(`${name}.txt`, renderText(loadReport(name)))
    })
  }

  it('sends no control or invisible character to the terminal', () => {
    for (const report of [loadReport('hostile'), hostileLarge()]) {
      const text = renderText(report, { color: false })
      expect(text).not.toMatch(
        /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/
      )
    }
  })

  it('colors only with color: true, and only with its own escape sequences', () => {
    const report = loadReport('kitchen-failing')
    const colored = renderText(report, { color: true })
    expect(colored).toContain('\u001b[31merror\u001b[39m')
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(renderText(report))
    expect(
      renderText(loadReport('hostile'), { color: true }).replace(/\u001b\[\d+m/g, '')
    ).not.toContain('\u001b')
  })

  it('writes findings as file:line: severity rule: message, dataset findings without a place', () => {
    const text = renderText(loadReport('kitchen-failing'))
    expect(text).toContain(
      '  data/kitchen/val.csv:44: error segment-invalid: END 3.5 is before START 9.25.\n'
    )
    expect(text).toContain('  error group-leakage: Group session04')
    expect(text).toContain('  class wipe_counter: error min-per-class: ')
    expect(
      text.startsWith('Dataset gate FAILED: 10 errors, 10 warnings, 2 notices in 1 dataset')
    ).toBe(true)
  })

  it('aligns table columns, counting wide characters twice', () => {
    const text = renderText(loadReport('ucf101-passing'))
    const table = text.split('\n').filter(line => /^ {2}(split|TRAIN|TEST) {2}/.test(line))
    expect(table).toEqual([
      '  split  segments  videos  classes  share of videos  unlabeled videos',
      '  TRAIN     9,537   9,537      101            71.6%                 0',
      '  TEST      3,783   3,783      101            28.4%                 0'
    ])
    expect(displayWidth('日本語ab')).toBe(8)
    expect(displayWidth('e\u0301')).toBe(1)
  })

  it('caps the per-class table and the findings when asked', () => {
    const text = renderText(hostileLarge(), { maxFindings: 10, maxClasses: 6 })
    expect(text).toContain('  … and 19,990 more findings (see --format json)')
    expect(text).toContain('… 4,997 more classes')
  })
})
