/**
 * Collects findings for one dataset: applies the configured severity (or drops the finding when
 * the rule is off) and caps repeats per rule. A rule past the cap ends with one finding that says
 * how many were left out (`omitted`); the left-out findings are still counted, by severity, and,
 * when a base is compared, remembered by identity so `fail-on: new` can tell whether they are new.
 *
 * Also the one order and the one count of findings that every output uses.
 */
import type { Finding, RuleId, Severity, SeverityCounts, SeveritySetting, Split } from '../model.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { showInvisible } from '../analyze/values.js'

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

/** Identities (hashed) and severities of the findings the cap left out. */
export interface OmittedIdentities {
  hashes: number[]
  rules: RuleId[]
  severities: Severity[]
}

export class FindingSink {
  readonly findings: Finding[] = []
  private perRule = new Map<RuleId, number>()
  /** Left-out findings by rule and severity (a rule's outcomes may differ in severity). */
  private omittedGroups = new Map<string, { rule: RuleId; severity: Severity; count: number }>()
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
    const listed = this.perRule.get(rule) ?? 0
    if (listed >= this.maxPerRule) {
      const key = `${rule}\u0000${severity}`
      const group = this.omittedGroups.get(key)
      if (group) group.count++
      else this.omittedGroups.set(key, { rule, severity, count: 1 })
      this.omittedBySeverity[severity]++
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

  /** Appends the "N more" findings; call once, after the last `add`. */
  finish(): Finding[] {
    for (const group of this.omittedGroups.values())
      this.findings.push(omittedFinding(group.rule, group.severity, group.count, this.maxPerRule))
    this.omittedGroups.clear()
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
    message: `${count.toLocaleString('en-US')} more ${rule} finding${count === 1 ? '' : 's'} not listed (max-findings-per-rule is ${maxPerRule.toLocaleString('en-US')}).`,
    file: null,
    line: null,
    split: null,
    class: null,
    fingerprint: `${rule}:omitted:${severity}`,
    omitted: count
  }
}

/**
 * What makes two findings on two revisions the same finding: the fingerprint (which never holds
 * a line number), else the rule, place and message with its numbers blanked.
 */
export function identityOf(finding: {
  rule: RuleId
  fingerprint?: string
  file?: string | null
  split?: Split | null
  class?: string | null
  message: string
}): string {
  if (finding.fingerprint !== undefined && finding.fingerprint !== '')
    return `fp\u0000${finding.fingerprint}`
  return [
    'fb',
    finding.rule,
    finding.file ?? '',
    finding.split ?? '',
    finding.class ?? '',
    finding.message.replace(/\d+/g, '#')
  ].join('\u0000')
}

/** A 53-bit hash (cyrb53): a million left-out findings collide with odds of about 1 in 10^4. */
export function hashIdentity(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** Findings per severity: listed ones plus those each "N more" finding stands for. */
export function countFindings(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 }
  for (const finding of findings) counts[finding.severity] += finding.omitted ?? 1
  return counts
}

export function addCounts(into: SeverityCounts, add: SeverityCounts): SeverityCounts {
  into.error += add.error
  into.warning += add.warning
  into.notice += add.notice
  return into
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The one order of findings, for the JSON report, the comment, the terminal and annotations:
 * worst first (severity), findings new in this change before those already on the base,
 * dataset-level findings before row findings, then file, line, rule and message; each "N more"
 * finding last, as the list's final word on its rule.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(a.omitted !== undefined) - Number(b.omitted !== undefined) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    Number(a.onBase === true) - Number(b.onBase === true) ||
    Number(a.file !== null) - Number(b.file !== null) ||
    compareText(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  )
}

/** A sorted copy. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings)
}
