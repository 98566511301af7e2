/**
 * Row problems as plain data. The readers (read/) and the accumulator (analyze/) say what is wrong
 * with a row through `RowProblemSink` and build no message: judge/row-problems.ts implements the
 * sink, decides each problem's rule and severity and words it. Nothing here is built for a good
 * row: problems are made only on bad ones.
 */
import type { FormatId, RuleId, Split } from '../model.js'

/** Where a problem is: a line of a file. */
interface At {
  file: string
  line: number
}

/** A problem of a row whose split is known. */
interface InSplit extends At {
  split: Split
}

/** A problem of a labeled segment: the row's video (its key), label and raw time texts. */
export interface SegmentAt extends InSplit {
  /** How the file writes times: CSV columns hold seconds, JSON Lines fields Duration strings. */
  format: FormatId
  video: string
  label: string
  start: string
  end: string
}

/** The Google formats' fixed layouts, for a field count that is off. */
export type RowLayout = 'automl-rows' | 'vertex-csv' | 'header'

export type RowProblem =
  | (At & { code: 'row.blank' })
  /** A header row heading a Google format, which takes none: `header` is the row's text. */
  | (At & { code: 'row.header'; format: 'vertex-csv' | 'automl-rows'; header: string })
  /** `text` is the row's fields joined by commas; `expected` the header's width for `header`. */
  | (At & {
      code: 'row.field-count'
      layout: RowLayout
      expected: number
      found: number
      text: string
    })
  /** A JSON Lines line that is not a usable object; `text` is the line. */
  | (At & {
      code: 'json.invalid' | 'json.not-object' | 'json.no-uri' | 'json.segments-not-list'
      text: string
    })
  /** A split value that names no split; `allowed` are the values that do. */
  | (At & { code: 'split.unknown'; value: string; allowed: readonly string[] })
  /** An ML_USE spelling Vertex AI does not document, counted in `split` (see read/splits.ts). */
  | (At & { code: 'split.undocumented'; value: string; split: Split; allowed: readonly string[] })
  /** ML_USE `validation`: documented, but not used for video classification. */
  | (At & { code: 'split.validation'; value: string })
  /**
   * A JSON Lines time that holds seconds, but not as a Duration string: a JSON number, the CSV
   * spelling of the end of the video, or a string without the `s` unit. `raw` is String(value).
   */
  | (InSplit & {
      code: 'segment.notation'
      uri: string
      label: string
      field: 'startTime' | 'endTime'
      raw: string
      notation: 'number' | 'csv-inf' | 'no-unit'
    })
  /** `reason` is the judge's own, from `ValueRules.videoProblem` (checked once per spelling). */
  | (InSplit & { code: 'video.invalid'; uri: string; reason: string })
  /** `reason` is the judge's own, from `ValueRules.labelProblem` (checked once per label). */
  | (InSplit & { code: 'label.invalid'; uri: string; label: string; reason: string })
  /** Times without a label. */
  | (InSplit & { code: 'label.missing'; format: FormatId; uri: string; start: string; end: string })
  | (SegmentAt & {
      code:
        | 'segment.no-times'
        | 'segment.missing-time'
        | 'segment.start-at-end'
        | 'segment.end-not-positive'
        | 'segment.end-before-start'
    })
  /** `reason` is the seconds parser's (read/fields.ts). */
  | (SegmentAt & { code: 'segment.start-unreadable' | 'segment.end-unreadable'; reason: string })
  | (SegmentAt & { code: 'segment.decimals'; decimals: number; maxDecimals: number })
  | (SegmentAt & {
      code: 'segment.end-beyond-duration' | 'segment.start-beyond-duration'
      duration: number
    })

export type RowProblemCode = RowProblem['code']

export interface RowProblemSink {
  report(problem: RowProblem): void
  /** False when the rule is off: work done only for its findings can be skipped. */
  enabled(rule: RuleId): boolean
}

/** A sink for a pass whose problems were reported already (the engine's second pass). */
export const ignoreRowProblems: RowProblemSink = {
  report() {},
  enabled: () => false
}

/** The problem of one code, e.g. `ProblemOf<'segment.decimals'>`. */
export type ProblemOf<Code extends RowProblemCode> = RowProblem & { code: Code }
