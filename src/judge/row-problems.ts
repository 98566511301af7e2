/**
 * The judge's side of row problems: `RowProblemReporter` takes what the readers and the
 * accumulator found wrong with a row (read/problems.ts), decides its rule and severity, and words
 * it as a finding (row-wording.ts, segment-wording.ts).
 */
import type { RuleId, Severity } from '../model.js'
import type { ProblemOf, RowProblem, RowProblemCode, RowProblemSink } from '../read/problems.js'
import type { RuleSettings } from '../rules/catalogue.js'
import type { FindingInput, FindingSink } from './findings.js'
import {
  notARow,
  wordBlank,
  wordFieldCount,
  wordHeader,
  wordInvalidLabel,
  wordInvalidVideo,
  wordUndocumentedSplit,
  wordUnknownSplit,
  wordValidationSplit
} from './row-wording.js'
import {
  wordBeyondDuration,
  wordDecimals,
  wordEndBeforeStart,
  wordEndNotPositive,
  wordMissingTime,
  wordNoTimes,
  wordNotation,
  wordStartAtEnd,
  wordUnlabeled,
  wordUnreadable
} from './segment-wording.js'

export { otherDelimiter } from './row-wording.js'

/** A code whose words give no severity of their own (the rule's applies). */
const NONE = 'none'

export class RowProblemReporter implements RowProblemSink {
  private blankLine: 'error' | 'warning' | 'notice' | 'off'
  /** Per problem code, the severity its words gave (a code's outcome always has the same one). */
  private outcomes = new Map<RowProblemCode, Severity | typeof NONE>()

  constructor(
    private sink: FindingSink,
    settings: RuleSettings
  ) {
    this.blankLine = settings['row-shape'].options['blank-line-severity']
  }

  enabled(rule: RuleId): boolean {
    return this.sink.enabled(rule)
  }

  report(problem: RowProblem): void {
    const { code } = problem
    const [rule, word] = WORDING[code] as [RuleId, (problem: RowProblem) => FindingInput]
    if (!this.sink.enabled(rule)) return
    if (code === 'row.blank' && this.blankLine === 'off') return
    // Past the rule's cap (and with no base to compare), a finding is only counted: nothing is
    // worded. Its severity is the one this code's words gave before (fixed per code).
    const outcome = this.outcomes.get(code)
    if (outcome !== undefined && this.sink.countsOnly(rule)) {
      this.sink.countOmitted(rule, outcome === NONE ? undefined : outcome)
      return
    }
    const finding = word(problem)
    if (code === 'row.blank') finding.severity = this.blankLine as Severity
    this.outcomes.set(code, finding.severity ?? NONE)
    this.sink.add(rule, finding)
  }
}

/** Each problem's rule and words. */
const WORDING: {
  [Code in RowProblemCode]: [RuleId, (problem: ProblemOf<Code>) => FindingInput]
} = {
  'row.blank': ['row-shape', wordBlank],
  'row.header': ['row-shape', wordHeader],
  'row.field-count': ['row-shape', wordFieldCount],
  'json.invalid': [
    'row-shape',
    p => notARow(p, 'not a valid JSON object; each line of a JSON Lines file must be one object.')
  ],
  'json.not-object': ['row-shape', p => notARow(p, 'expected a JSON object with videoGcsUri.')],
  'json.no-uri': ['row-shape', p => notARow(p, 'the object has no string "videoGcsUri".')],
  'json.segments-not-list': [
    'row-shape',
    p => notARow(p, '"timeSegmentAnnotations" must be a list.')
  ],
  'split.unknown': ['split-invalid', wordUnknownSplit],
  'split.validation': ['split-invalid', wordValidationSplit],
  'split.undocumented': ['split-invalid', wordUndocumentedSplit],
  'video.invalid': ['uri-invalid', wordInvalidVideo],
  'label.invalid': ['label-invalid', wordInvalidLabel],
  'label.missing': ['label-missing', wordUnlabeled],
  'segment.notation': ['segment-invalid', wordNotation],
  'segment.no-times': ['label-missing', wordNoTimes],
  'segment.missing-time': ['segment-invalid', wordMissingTime],
  'segment.start-at-end': ['segment-invalid', wordStartAtEnd],
  'segment.start-unreadable': ['segment-invalid', wordUnreadable],
  'segment.end-unreadable': ['segment-invalid', wordUnreadable],
  'segment.decimals': ['segment-invalid', wordDecimals],
  'segment.end-not-positive': ['segment-invalid', wordEndNotPositive],
  'segment.end-before-start': ['segment-invalid', wordEndBeforeStart],
  'segment.end-beyond-duration': ['segment-invalid', wordBeyondDuration],
  'segment.start-beyond-duration': ['segment-invalid', wordBeyondDuration]
}
