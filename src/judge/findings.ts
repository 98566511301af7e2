/**
 * Collects findings for one dataset: applies the configured severity (or drops the finding when
 * the rule is off) and caps repeats per rule, ending with one finding that says how many were left out.
 */
import type { Finding, RuleId, Severity, SeveritySetting, Split } from '../model.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { showInvisible } from '../analyze/values.js'

export interface FindingInput {
  message: string
  file?: string | null
  line?: number | null
  split?: Split | null
  class?: string | null
  fingerprint?: string
  /**
   * A severity for this outcome of the rule when it differs from the rule's default (blank lines,
   * too many decimals: lower; an imbalance past the error ratio, a repeated unlabeled row: higher).
   * With the rule at its default severity the outcome's severity applies as is; a severity the
   * configuration sets is a ceiling: it lowers an outcome, never raises it.
   */
  severity?: Severity
}

const RANK: Record<SeveritySetting, number> = { error: 3, warning: 2, notice: 1, off: 0 }

export class FindingSink {
  readonly findings: Finding[] = []
  private perRule = new Map<RuleId, number>()
  private omitted = new Map<RuleId, number>()
  /** Findings left out by the cap, by severity: they still count toward the verdict. */
  readonly omittedBySeverity: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }

  constructor(
    private settings: RuleSettings,
    private maxPerRule: number
  ) {}

  enabled(rule: RuleId): boolean {
    return this.settings[rule].severity !== 'off'
  }

  add(rule: RuleId, input: FindingInput): void {
    const setting = this.settings[rule]
    const configured = setting.severity
    if (configured === 'off') return
    let severity: Severity = configured
    // An outcome's own severity (blank line: warning; imbalance past the error ratio: error)
    // applies unless the configuration set the rule's severity, which then caps it.
    if (input.severity && (!setting.explicit || RANK[input.severity] < RANK[configured])) {
      severity = input.severity
    }
    const count = this.perRule.get(rule) ?? 0
    if (count >= this.maxPerRule) {
      this.omitted.set(rule, (this.omitted.get(rule) ?? 0) + 1)
      this.omittedBySeverity[severity]++
      return
    }
    this.perRule.set(rule, count + 1)
    this.findings.push({
      rule,
      severity,
      // A label or path quoted in a message must not reorder or hide text (README: <U+202E>).
      message: showInvisible(input.message),
      file: input.file ?? null,
      line: input.line ?? null,
      split: input.split ?? null,
      class: input.class ?? null,
      ...(input.fingerprint !== undefined ? { fingerprint: input.fingerprint } : {})
    })
  }

  /** Appends the "N more" findings; call once, after the last `add`. */
  finish(): Finding[] {
    for (const [rule, count] of this.omitted) {
      const shown = this.findings.find(f => f.rule === rule)
      this.findings.push({
        rule,
        severity: shown?.severity ?? 'notice',
        message: `${count} more ${rule} finding${count === 1 ? '' : 's'} not listed (max-findings-per-rule is ${this.maxPerRule}).`,
        file: null,
        line: null,
        split: null,
        class: null,
        fingerprint: `${rule}:omitted`
      })
    }
    this.omitted.clear()
    return this.findings
  }
}
