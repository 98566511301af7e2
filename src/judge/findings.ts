/**
 * Collects findings for one dataset: applies the configured severity (or drops the finding when
 * the rule is off) and caps repeats per rule. A rule past the cap ends with one finding that says
 * how many were left out (`omitted`); the left-out findings are still counted, by severity, and,
 * when a base is compared, remembered by identity so `fail-on: new` can tell whether they are new.
 *
 * Also the one order and the one count of findings that every output uses.
 */
import {
  hashIdentity,
  identityOf,
  type Finding,
  type RuleId,
  type Severity,
  type SeverityCounts,
  type SeveritySetting,
  type Split
} from '../model.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { formatCount, showInvisible } from '../display.js'

export interface FindingInput {
  message: string
  file?: string | null
  line?: number | null
  split?: Split | null
  class?: string | null
  fingerprint?: string
  /** The measured value the finding is about (see Finding.measure). */
  measure?: number
  /**
   * A severity for this outcome of the rule when it differs from the rule's default (blank lines,
   * too many decimals: lower; an imbalance past the error ratio, a repeated unlabeled row: higher).
   * With the rule at its default severity the outcome's severity applies as is; a severity the
   * configuration sets is a ceiling: it lowers an outcome, never raises it.
   */
  severity?: Severity
}

const RANK: Record<SeveritySetting, number> = { error: 3, warning: 2, notice: 1, off: 0 }

interface OmittedGroup {
  rule: RuleId
  severity: Severity
  count: number
}

/** Identities (hashed) and severities of the findings the cap left out. */
export interface OmittedIdentities {
  hashes: number[]
  rules: RuleId[]
  severities: Severity[]
}

/** What a worker's sink collected, as plain data for the main thread's (`absorb`). */
export interface FindingPart {
  findings: Finding[]
  omitted: OmittedGroup[]
  identities: OmittedIdentities | null
}

/**
 * Adds `by` to the lines of the part's findings in `file` (see shiftPartLines in
 * analyze/accumulator-part.ts). Only the `line` field moves: the messages that name a line are a
 * header's (only ever a file's first line, which the main thread reads) and a stop's (a part that
 * stopped is not taken).
 */
export function shiftFindingPartLines(part: FindingPart, file: string, by: number): void {
  for (const finding of part.findings)
    if (finding.file === file && finding.line !== null) finding.line += by
}

export class FindingSink {
  readonly findings: Finding[] = []
  private perRule = new Map<RuleId, number>()
  /** Left-out findings by rule and severity (a rule's outcomes may differ in severity). */
  private omittedGroups = new Map<string, OmittedGroup>()
  /** The same groups by rule, then severity: counting one more builds no key. */
  private groupsByRule = new Map<RuleId, Partial<Record<Severity, OmittedGroup>>>()
  /** Findings left out by the cap, by severity: they still count toward the verdict. */
  readonly omittedBySeverity: SeverityCounts = { error: 0, warning: 0, notice: 0 }
  /** Filled only when asked (a base is compared): 8 bytes and a severity per left-out finding. */
  readonly omittedIdentities: OmittedIdentities | null

  constructor(
    private settings: RuleSettings,
    private maxPerRule: number,
    options: { rememberOmitted?: boolean } = {}
  ) {
    this.omittedIdentities = options.rememberOmitted
      ? { hashes: [], rules: [], severities: [] }
      : null
  }

  enabled(rule: RuleId): boolean {
    return this.settings[rule].severity !== 'off'
  }

  /**
   * True when a finding of `rule` would only be counted: the rule is past its cap and left-out
   * findings are not remembered (no base). Its words need not be built: `countOmitted` counts it.
   */
  countsOnly(rule: RuleId): boolean {
    return this.omittedIdentities === null && (this.perRule.get(rule) ?? 0) >= this.maxPerRule
  }

  /**
   * Counts a finding of `rule` that `countsOnly` said would be left out, as `add` would count it;
   * `outcome` is the severity its input would carry (FindingInput.severity).
   */
  countOmitted(rule: RuleId, outcome: Severity | undefined): void {
    const severity = this.severityOf(rule, outcome)
    if (severity !== null) this.countLeftOut(rule, severity)
  }

  /** The severity a finding of `rule` gets, null when the rule is off. */
  private severityOf(rule: RuleId, outcome: Severity | undefined): Severity | null {
    const setting = this.settings[rule]
    const configured = setting.severity
    if (configured === 'off') return null
    // An outcome's own severity (blank line: warning; imbalance past the error ratio: error)
    // applies unless the configuration set the rule's severity, which then caps it.
    if (outcome && (!setting.explicit || RANK[outcome] < RANK[configured])) return outcome
    return configured
  }

  private countLeftOut(rule: RuleId, severity: Severity, count = 1): void {
    let groups = this.groupsByRule.get(rule)
    if (!groups) this.groupsByRule.set(rule, (groups = {}))
    let group = groups[severity]
    if (!group) {
      group = { rule, severity, count: 0 }
      groups[severity] = group
      this.omittedGroups.set(`${rule}\u0000${severity}`, group)
    }
    group.count += count
    this.omittedBySeverity[severity] += count
  }

  /**
   * Adds the finding `build` makes, with the outcome's severity `outcome` (FindingInput.severity),
   * or only counts it when `countsOnly` says it would be left out: for rules that can fire once
   * per class, per video or per row, whose words past the cap are never read.
   */
  addBuilt(
    rule: RuleId,
    outcome: Severity | undefined,
    build: () => Omit<FindingInput, 'severity'>
  ): void {
    if (this.countsOnly(rule)) this.countOmitted(rule, outcome)
    else this.add(rule, outcome ? { ...build(), severity: outcome } : build())
  }

  add(rule: RuleId, input: FindingInput): void {
    const severity = this.severityOf(rule, input.severity)
    if (severity === null) return
    const listed = this.perRule.get(rule) ?? 0
    if (listed >= this.maxPerRule) {
      this.countLeftOut(rule, severity)
      if (this.omittedIdentities) {
        this.omittedIdentities.hashes.push(hashIdentity(identityOf({ rule, ...input })))
        this.omittedIdentities.rules.push(rule)
        this.omittedIdentities.severities.push(severity)
      }
      return
    }
    this.perRule.set(rule, listed + 1)
    this.findings.push({
      rule,
      severity,
      // A label or path quoted in a message must not reorder or hide text (README: <U+202E>).
      message: showInvisible(input.message),
      file: input.file ?? null,
      line: input.line ?? null,
      split: input.split ?? null,
      class: input.class ?? null,
      ...(input.fingerprint !== undefined ? { fingerprint: input.fingerprint } : {}),
      ...(input.measure !== undefined ? { measure: input.measure } : {})
    })
  }

  exportPart(): FindingPart {
    return {
      findings: this.findings,
      omitted: [...this.omittedGroups.values()],
      identities: this.omittedIdentities
    }
  }

  /**
   * Adds what a worker's sink (same settings) collected from rows after every finding here, as if
   * they had been added here: its listed findings fill each rule up to the cap, the rest and its
   * left-out ones are counted (and remembered, with a base).
   */
  absorb(part: FindingPart): void {
    for (const finding of part.findings) {
      const listed = this.perRule.get(finding.rule) ?? 0
      if (listed < this.maxPerRule) {
        this.perRule.set(finding.rule, listed + 1)
        this.findings.push(finding)
        continue
      }
      this.countLeftOut(finding.rule, finding.severity)
      this.omittedIdentities?.hashes.push(hashIdentity(identityOf(finding)))
      this.omittedIdentities?.rules.push(finding.rule)
      this.omittedIdentities?.severities.push(finding.severity)
    }
    for (const group of part.omitted) this.countLeftOut(group.rule, group.severity, group.count)
    const mine = this.omittedIdentities
    const theirs = part.identities
    if (mine && theirs) {
      // One by one: spreading a long list into push() overflows the call stack.
      for (let i = 0; i < theirs.hashes.length; i++) {
        mine.hashes.push(theirs.hashes[i]!)
        mine.rules.push(theirs.rules[i]!)
        mine.severities.push(theirs.severities[i]!)
      }
    }
  }

  /** Appends the "N more" findings; call once, after the last `add`. */
  finish(): Finding[] {
    for (const group of this.omittedGroups.values())
      this.findings.push(omittedFinding(group.rule, group.severity, group.count, this.maxPerRule))
    this.omittedGroups.clear()
    this.groupsByRule.clear()
    return this.findings
  }
}

/** The finding that stands for `count` left-out findings of `rule`. */
export function omittedFinding(
  rule: RuleId,
  severity: Severity,
  count: number,
  maxPerRule: number
): Finding {
  return {
    rule,
    severity,
    message: `${formatCount(count)} more ${rule} finding${count === 1 ? '' : 's'} not listed (max-findings-per-rule is ${formatCount(maxPerRule)}).`,
    file: null,
    line: null,
    split: null,
    class: null,
    fingerprint: `${rule}:omitted:${severity}`,
    omitted: count
  }
}

/**
 * The cap of max-findings-per-rule over a finished list (the change rules' findings): the first
 * ones of each rule are kept, the rest stand behind one "N more" finding per rule and severity,
 * as the sink does while findings stream in.
 */
export function capFindings(findings: Finding[], max: number): Finding[] {
  const kept: Finding[] = []
  const perRule = new Map<RuleId, number>()
  const omitted = new Map<string, { rule: RuleId; severity: Severity; count: number }>()
  for (const finding of findings) {
    const count = perRule.get(finding.rule) ?? 0
    if (count < max) {
      kept.push({ ...finding, message: showInvisible(finding.message) })
      perRule.set(finding.rule, count + 1)
      continue
    }
    const group = `${finding.rule}\u0000${finding.severity}`
    const entry = omitted.get(group) ?? { rule: finding.rule, severity: finding.severity, count: 0 }
    entry.count++
    omitted.set(group, entry)
  }
  for (const entry of omitted.values())
    kept.push(omittedFinding(entry.rule, entry.severity, entry.count, max))
  return kept
}
