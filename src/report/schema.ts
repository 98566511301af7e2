/**
 * The JSON report (schemaVersion 1) as a zod schema, for tests and for programs that read the
 * report. It matches `GateReport` in `model.ts` field for field; the type checks at the bottom fail
 * to compile when the two drift apart. Objects are strict, so a field the model does not declare
 * is an error rather than silently dropped.
 */
import { z } from 'zod'
import {
  FAIL_ON_LEVELS,
  FORMAT_IDS,
  RULE_IDS,
  SEVERITIES,
  SPLITS,
  type GateReport
} from '../model.js'

const count = z.number().int().min(0)
const fraction = z.number().min(0).max(1)
const split = z.enum(SPLITS)
const severity = z.enum(SEVERITIES)
const ruleId = z.enum(RULE_IDS)

const finding = z.strictObject({
  rule: ruleId,
  severity,
  message: z.string(),
  file: z.string().nullable(),
  line: z.number().int().min(1).nullable(),
  split: split.nullable(),
  class: z.string().nullable(),
  fingerprint: z.string().optional(),
  onBase: z.boolean().optional(),
  omitted: count.optional(),
  measure: z.number().optional()
})

const severityCounts = z.strictObject({ error: count, warning: count, notice: count })

const classCounts = z.strictObject({
  segments: count,
  videos: count,
  seconds: z.number().min(0).nullable()
})

/**
 * Class counts by class name. Not `z.record`: zod rebuilds a record key by key and silently drops
 * a key named `__proto__`, and a label is data that may be any string. This validates every entry
 * and returns the object as it came.
 */
const classesByName = z
  .custom<Record<string, z.output<typeof classCounts>>>(
    value => typeof value === 'object' && value !== null && !Array.isArray(value),
    'expected an object of class counts by class name'
  )
  .superRefine((classes, context) => {
    for (const [name, counts] of Object.entries(classes)) {
      const result = classCounts.safeParse(counts)
      for (const issue of result.error?.issues ?? []) {
        context.addIssue({ code: 'custom', message: issue.message, path: [name, ...issue.path] })
      }
    }
  })

const splitSummary = z.strictObject({
  segments: count,
  videos: count,
  unlabeledVideos: count,
  classes: classesByName
})

const fileSummary = z.strictObject({
  path: z.string(),
  format: z.enum(FORMAT_IDS),
  rows: count,
  split: split.nullable(),
  bytes: count
})

const splitDistance = z.strictObject({
  a: split,
  b: split,
  jsDistance: fraction,
  lInf: fraction,
  chiSquareP: fraction,
  chiSquare: z.number().min(0),
  degreesOfFreedom: count,
  noiseFloor: fraction,
  topShifts: z.array(z.strictObject({ class: z.string(), a: fraction, b: fraction }))
})

const splitLocation = z.strictObject({ split, file: z.string(), line: z.number().int().min(1) })

const leak = z.strictObject({ key: z.string(), places: z.array(splitLocation) })

const confounder = z.strictObject({
  attribute: z.string(),
  cramersV: fraction,
  givesAway: z.array(z.strictObject({ value: z.string(), class: z.string(), share: fraction }))
})

const metrics = z.strictObject({
  classCount: count,
  imbalanceRatio: z.number().min(1).nullable(),
  splitDistance: z.array(splitDistance),
  leakedVideos: count,
  leakedGroups: count,
  multiLabelVideoShare: fraction,
  multiLabelSegmentShare: fraction,
  overlappingMultiLabelVideos: count,
  confounders: z.array(confounder),
  totalVideos: count,
  totalSegments: count
})

const classDelta = z.strictObject({
  class: z.string(),
  split,
  base: classCounts.nullable(),
  head: classCounts.nullable()
})

const delta = z.strictObject({
  baseRef: z.string(),
  classes: z.array(classDelta),
  addedVideos: count,
  removedVideos: count,
  movedVideos: z.array(
    z.strictObject({ key: z.string(), from: z.array(split), to: z.array(split) })
  ),
  relabeledVideos: z.array(
    z.strictObject({ key: z.string(), from: z.array(z.string()), to: z.array(z.string()) })
  )
})

const dataset = z.strictObject({
  name: z.string(),
  files: z.array(fileSummary),
  splits: z.strictObject({
    TRAIN: splitSummary.optional(),
    VALIDATION: splitSummary.optional(),
    TEST: splitSummary.optional(),
    UNASSIGNED: splitSummary.optional()
  }),
  metrics,
  leaks: z.strictObject({ videos: z.array(leak), groups: z.array(leak) }),
  findings: z.array(finding),
  counts: severityCounts,
  newCounts: severityCounts.optional(),
  delta: delta.nullable()
})

export const gateReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  passed: z.boolean(),
  failOn: z.enum(FAIL_ON_LEVELS),
  counts: severityCounts,
  newCounts: severityCounts.optional(),
  baseRef: z.string().optional(),
  datasets: z.array(dataset),
  notes: z.array(z.string()),
  configFromBase: z.boolean().optional()
})

/** The JSON report as written to `--output` / `report-file`: 2-space indent, trailing newline. */
export function renderJson(report: GateReport): string {
  return JSON.stringify(report, null, 2) + '\n'
}

// Compile-time proof that the schema and the model describe the same shape.
type Parsed = z.output<typeof gateReportSchema>
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesModel: Same<Parsed, GateReport> = true
void schemaMatchesModel
