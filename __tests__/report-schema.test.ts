import { describe, expect, it } from '@jest/globals'
import { gateReportSchema, renderJson } from '../src/report/schema.js'
import { FIXTURES, hostileLarge, loadReport } from './fixtures/reports/fixtures.js'

describe('gateReportSchema', () => {
  for (const name of FIXTURES) {
    it(`accepts the ${name} fixture and round-trips it through renderJson`, () => {
      const report = loadReport(name)
      const json = renderJson(report)
      expect(json.endsWith('}\n')).toBe(true)
      expect(json).toContain('\n  "schemaVersion": 1,\n')
      expect(gateReportSchema.parse(JSON.parse(json))).toEqual(report)
    })
  }

  it('keeps class names that are also Object.prototype keys as data', () => {
    const report = gateReportSchema.parse(JSON.parse(renderJson(loadReport('hostile'))))
    const classes = report.datasets[0]?.splits.TRAIN?.classes ?? {}
    expect(Object.hasOwn(classes, '__proto__')).toBe(true)
    expect(Object.hasOwn(classes, 'constructor')).toBe(true)
    expect(Object.getPrototypeOf(classes)).toBe(Object.prototype)
  })

  it('accepts the large report', () => {
    expect(gateReportSchema.safeParse(hostileLarge()).success).toBe(true)
  })

  it('names the class whose counts are wrong', () => {
    const report = JSON.parse(renderJson(loadReport('kitchen-failing')))
    report.datasets[0].splits.TRAIN.classes.chop.videos = -1
    const result = gateReportSchema.safeParse(report)
    expect(result.error?.issues[0]?.path).toEqual([
      'datasets',
      0,
      'splits',
      'TRAIN',
      'classes',
      'chop',
      'videos'
    ])
  })

  it('rejects another schema version, an unknown rule, a missing field and an extra field', () => {
    const report = JSON.parse(renderJson(loadReport('kitchen-failing')))
    expect(gateReportSchema.safeParse({ ...report, schemaVersion: 2 }).success).toBe(false)
    const unknownRule = structuredClone(report)
    unknownRule.datasets[0].findings[0].rule = 'no-such-rule'
    expect(gateReportSchema.safeParse(unknownRule).success).toBe(false)
    const missing = structuredClone(report)
    delete missing.datasets[0].metrics.totalVideos
    expect(gateReportSchema.safeParse(missing).success).toBe(false)
    expect(gateReportSchema.safeParse({ ...report, extra: true }).success).toBe(false)
    const badShare = structuredClone(report)
    badShare.datasets[0].metrics.splitDistance[0].jsDistance = 1.5
    expect(gateReportSchema.safeParse(badShare).success).toBe(false)
  })
})
