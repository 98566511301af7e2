/**
 * The report as SARIF 2.1.0 for GitHub code scanning: one run, one result per listed finding.
 *
 * - Every result has a location, because code scanning drops results without one: row findings at
 *   their file and line, dataset-level findings at the dataset's main file (its index, else its first
 *   file), line 1. URIs are relative to the repository root (`%SRCROOT%`), percent-encoded.
 * - `partialFingerprints` hash the rule, the file and the finding's own fingerprint (which the engine
 *   builds from what the finding is about, never from a line number), so an alert keeps its identity
 *   when rows above it move and is closed when the problem is fixed.
 * - Messages carry dataset text (labels, URIs, paths): brackets, backslashes and braces are escaped
 *   so a label such as `[x](1)` or `{0}` is neither an embedded link nor a placeholder.
 * - GitHub's limits: at most 25,000 results per run (the most severe are kept; the rest are counted
 *   in the run's properties), at most 10 MB gzipped, at most 1,000 locations per result (we write 1).
 */
import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Log, Notification, Result, Run } from 'sarif'
import type { DatasetReport, Finding, GateReport, Severity } from '../model.js'
import { identityOf } from '../model.js'
import { RULE_INDEX, SARIF_LEVEL, TOOL_VERSION, toolDriver } from './sarif-rules.js'

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

/** What code scanning accepts in one upload (GitHub's documented limits). */
export const CODE_SCANNING_LIMITS = {
  resultsPerRun: 25_000,
  /** The gzipped SARIF; 10 MB, counted in decimal megabytes to stay on the safe side. */
  gzippedBytes: 10 * 1000 * 1000,
  locationsPerResult: 1_000
} as const

/** The `partialFingerprints` key: our identity of a finding, versioned with its recipe. */
export const FINGERPRINT_KEY = 'datasetGateFinding/v1'

/** Where relative URIs are rooted: the repository (the CLI's root, the action's workspace). */
export const SOURCE_ROOT = '%SRCROOT%'

export interface SarifOptions {
  /** `runs[0].automationDetails.id` starts with it: code scanning's category (the comment key). */
  category: string
  toolVersion?: string
  /** The action's repository URL (informationUri, and helpUri = its README's rule section). */
  home?: string
  /** Limits, lowered by tests. */
  maxResults?: number
  maxGzippedBytes?: number
}

export interface SarifDocument {
  log: Log
  /** The serialized log, as written to a file or uploaded. */
  text: string
  /** `text` gzipped, for the code-scanning upload. */
  gzipped: Buffer
  /** Results in the run. */
  results: number
  /** Listed findings left out to stay within GitHub's limits (the least severe). */
  omitted: number
  omittedBySeverity: Record<Severity, number>
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

interface Entry {
  finding: Finding
  dataset: DatasetReport
  result: Result
}

export function renderSarif(report: GateReport, options: SarifOptions): SarifDocument {
  const maxResults = Math.min(
    options.maxResults ?? CODE_SCANNING_LIMITS.resultsPerRun,
    CODE_SCANNING_LIMITS.resultsPerRun
  )
  const maxGzipped = options.maxGzippedBytes ?? CODE_SCANNING_LIMITS.gzippedBytes
  const entries = resultsOf(report)
  // Most severe first, then findings new in this change; otherwise the report's own order.
  const ordered = entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.entry.finding.severity] - SEVERITY_ORDER[b.entry.finding.severity] ||
        Number(a.entry.finding.onBase === true) - Number(b.entry.finding.onBase === true) ||
        a.index - b.index
    )
    .map(({ entry }) => entry)

  let kept = Math.min(ordered.length, maxResults)
  for (;;) {
    const log = buildLog(report, options, ordered, kept)
    const text = JSON.stringify(log, null, 2) + '\n'
    const gzipped = gzipSync(text)
    if (gzipped.length <= maxGzipped || kept === 0) {
      const omittedBySeverity: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
      for (const entry of ordered.slice(kept)) omittedBySeverity[entry.finding.severity]++
      return {
        log,
        text,
        gzipped,
        results: kept,
        omitted: ordered.length - kept,
        omittedBySeverity
      }
    }
    // Shrink in proportion to the overshoot, with a margin, so it fits in one or two more tries.
    kept = Math.min(kept - 1, Math.floor((kept * maxGzipped * 0.9) / gzipped.length))
    kept = Math.max(0, kept)
  }
}

function buildLog(report: GateReport, options: SarifOptions, ordered: Entry[], kept: number): Log {
  const left = ordered.slice(kept)
  const leftBySeverity = { error: 0, warning: 0, note: 0 }
  for (const entry of left) leftBySeverity[SARIF_LEVEL[entry.finding.severity]]++
  const run: Run = {
    tool: { driver: toolDriver(options.toolVersion ?? TOOL_VERSION, options.home) },
    // "category/": everything before the last slash is the category, so runs of one gate (one
    // comment key) replace each other and several gates in one repository keep their own alerts.
    automationDetails: { id: `${options.category}/` },
    originalUriBaseIds: {
      [SOURCE_ROOT]: {
        description: { text: 'The root of the repository the dataset files are in.' }
      }
    },
    columnKind: 'unicodeCodePoints',
    invocations: [
      {
        executionSuccessful: true,
        ...(report.notes.length > 0
          ? { toolExecutionNotifications: report.notes.map(noteNotification) }
          : {})
      }
    ],
    results: ordered.slice(0, kept).map(entry => entry.result),
    properties: {
      passed: report.passed,
      failOn: report.failOn,
      /** All findings of the gate, those max-findings-per-rule left out of the report included. */
      findings: { ...report.counts },
      /** Listed findings left out of this run to stay within GitHub's limits. */
      resultsOmitted: left.length,
      resultsOmittedByLevel: leftBySeverity,
      datasets: report.datasets.map(d => d.name)
    }
  }
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }
}

function noteNotification(note: string): Notification {
  return { level: 'note', message: { text: escapeSarifText(note) } }
}

/** One result per listed finding, in the report's order, with fingerprints unique in the run. */
function resultsOf(report: GateReport): Entry[] {
  const seen = new Map<string, number>()
  const entries: Entry[] = []
  for (const dataset of report.datasets) {
    const mainFile = mainFileOf(dataset)
    for (const finding of dataset.findings) {
      const file = repositoryPath(finding.file) ?? mainFile
      const line =
        finding.file !== null && finding.line !== null && finding.line > 0 ? finding.line : 1
      let fingerprint = fingerprintOf(finding, file)
      // Two findings with one identity (the same content twice in a file): number the repeats
      // in the report's order, as GitHub's own fingerprinting does.
      const count = (seen.get(fingerprint) ?? 0) + 1
      seen.set(fingerprint, count)
      if (count > 1) fingerprint = `${fingerprint}:${count}`
      const result: Result = {
        ruleId: finding.rule,
        ruleIndex: RULE_INDEX.get(finding.rule) ?? -1,
        level: SARIF_LEVEL[finding.severity],
        message: { text: escapeSarifText(finding.message) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeUriPath(file), uriBaseId: SOURCE_ROOT },
              region: { startLine: line }
            }
          }
        ].slice(0, CODE_SCANNING_LIMITS.locationsPerResult),
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
        properties: {
          dataset: dataset.name,
          ...(finding.split !== null ? { split: finding.split } : {}),
          ...(finding.class !== null ? { class: finding.class } : {}),
          ...(finding.onBase !== undefined ? { onBase: finding.onBase } : {}),
          ...(finding.omitted !== undefined ? { omitted: finding.omitted } : {}),
          ...(finding.file === null ? { scope: 'dataset' } : {})
        }
      }
      entries.push({ finding, dataset, result })
    }
  }
  return entries
}

/**
 * What a finding is about, as a hex digest: the rule, the file it is reported in and the engine's
 * fingerprint (else the identity `fail-on: new` uses: rule, place and message without numbers).
 * Never the line.
 */
export function fingerprintOf(finding: Finding, file: string): string {
  const identity =
    finding.fingerprint !== undefined && finding.fingerprint !== ''
      ? finding.fingerprint
      : identityOf(finding)
  return createHash('sha256')
    .update(`${finding.rule}\u0000${file}\u0000${identity}`)
    .digest('hex')
    .slice(0, 32)
}

/**
 * The file that stands for a dataset: its AutoML index or manifest (datasets found on disk are
 * named by that path), else its first file. Code scanning needs a file to show an alert on.
 */
export function mainFileOf(dataset: DatasetReport): string {
  // A configured dataset has a name of its own; its index, when the report carries it, stands first.
  const index = (dataset as DatasetReport & { index?: unknown }).index
  if (typeof index === 'string' && repositoryPath(index) !== null) return repositoryPath(index)!
  const named = repositoryPath(dataset.name)
  if (named !== null && /\.(csv|jsonl|ndjson)$/i.test(named)) return named
  const first = dataset.files.map(f => repositoryPath(f.path)).find(p => p !== null)
  return first ?? named ?? safeRelative(dataset.name)
}

/** A path relative to the repository root, or null for one that is absolute or leaves it. */
function repositoryPath(path: string | null): string | null {
  // The engine's paths use `/`; a backslash is part of a file name on POSIX.
  if (path === null || path === '' || path.includes('\0')) return null
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return null
  const normalized = posix.normalize(path).replace(/^\.\//, '')
  if (normalized === '.' || normalized === '..' || normalized.startsWith('../')) return null
  return normalized
}

/** A last resort for a name that is not a repository path: relative, never leaving the root. */
function safeRelative(name: string): string {
  const parts = name.split('/').filter(part => part !== '' && part !== '.' && part !== '..')
  return parts.length > 0 ? parts.join('/') : 'dataset'
}

/** A repository path as a relative URI reference: each segment percent-encoded. */
export function encodeUriPath(path: string): string {
  return path
    .split('/')
    .map(segment => encodeURIComponent(segment))
    .join('/')
}

/**
 * Plain SARIF message text from text that may hold dataset values: `\`, `[` and `]` get a
 * backslash (no embedded link can form), `{` and `}` are doubled (no placeholder can form), per
 * SARIF 2.1.0 §3.11.5 and §3.11.6.
 */
export function escapeSarifText(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&').replace(/[{}]/g, '$&$&')
}
