/**
 * runGate: plan the datasets, analyze each (read -> accumulate -> judge), compare with the base when
 * asked, and decide the verdict. One bad file becomes findings on its dataset; it never stops the
 * other files or datasets.
 */
import { RE2JS } from 're2js'
import {
  SPLITS,
  type DatasetReport,
  type DatasetSnapshot,
  type FailOn,
  type Finding,
  type GateReport,
  type Leak,
  type RuleId,
  type Severity,
  type SeverityCounts,
  type Split,
  type SplitSummary
} from './model.js'
import type { GateRequest } from './gate.js'
import { resolveRuleSettings, type GateConfig } from './config/schema.js'
import type { RuleSettings } from './rules/catalogue.js'
import { DatasetAccumulator, type Location } from './analyze/accumulator.js'
import { parseSeconds, isInf, clip, showInvisible, visible } from './analyze/values.js'
import {
  FindingSink,
  addCounts,
  compareFindings,
  countFindings,
  hashIdentity,
  identityOf,
  omittedFinding,
  type OmittedIdentities
} from './judge/findings.js'
import { judgeDataset, type DatasetTally } from './judge/dataset-rules.js'
import { compareSnapshots, markNewFindings } from './judge/change.js'
import {
  planDatasets,
  datasetFiles,
  type Plan,
  type DatasetPlan,
  type PlannedFile,
  type PlanProblem
} from './read/plan.js'
import { createRowReader, type RowSink } from './read/formats.js'
import { readRecords, type RecordVisitor } from './read/text.js'
import { readDurations, readMetadata, type VideoMetadata } from './read/side-files.js'
import type { FileSource } from './read/source.js'

export async function runGate(request: GateRequest): Promise<GateReport> {
  const { source, config } = request
  const failOn: FailOn = request.failOn ?? config.failOn
  const plan = await planDatasets(source, config, request.paths, 'head')
  const notes = plan.notes
  let plans = plan.datasets
  if (request.changedFiles) {
    const changed = request.changedFiles
    // A refusal without a file (a paths entry that matched nothing) is about the workflow, not
    // the change, and stays; a refused file counts like a dataset file.
    plans = plans.filter(p =>
      p.refused
        ? p.problems.every(problem => problem.file === null || changed.has(problem.file))
        : datasetFiles(p).some(file => changed.has(file))
    )
  }

  const analyzed: AnalyzedDataset[] = []
  for (const datasetPlan of plans) {
    const result = await analyzeDataset(source, datasetPlan, config, {
      snapshot: request.base !== undefined,
      progress: request.progress
    })
    analyzed.push(result)
    for (const note of result.notes) notes.push(`${result.report.name}: ${note}`)
  }

  const datasets = analyzed.map(a => a.report)
  if (request.base) {
    datasets.push(...(await compareWithBase(request, plan, analyzed, notes)))
  }

  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 }
  let newCounts: SeverityCounts | undefined
  for (const dataset of datasets) {
    dataset.findings.sort(compareFindings)
    addCounts(counts, dataset.counts)
    if (dataset.newCounts)
      addCounts((newCounts ??= { error: 0, warning: 0, notice: 0 }), dataset.newCounts)
  }
  if (request.base) newCounts ??= { error: 0, warning: 0, notice: 0 }
  const report: GateReport = {
    schemaVersion: 1,
    passed: verdict(failOn, counts, newCounts),
    failOn,
    counts,
    ...(newCounts ? { newCounts, baseRef: request.base!.ref } : {}),
    datasets,
    notes
  }
  return report
}

interface AnalyzedDataset {
  report: DatasetReport
  snapshot: DatasetSnapshot | null
  notes: string[]
  /** Hashed identities of the findings the cap left out, by rule and severity (with a base only). */
  omitted: OmittedIdentities | null
  plan: DatasetPlan
}

/**
 * The base side of a comparison. Each head dataset is compared with the base dataset of the same
 * name, else with a base dataset that vanished from the head and shares most of its videos (a
 * rename). Returns reports for what the change made the gate stop gating: a file the base gated
 * that the head no longer recognises (an error: a disguise must not skip the gate) and a dataset
 * whose files were all deleted (a warning).
 */
async function compareWithBase(
  request: GateRequest,
  headPlan: Plan,
  analyzed: AnalyzedDataset[],
  notes: string[]
): Promise<DatasetReport[]> {
  const base = request.base!
  const { config } = request
  let basePlan: Plan
  try {
    basePlan = await planDatasets(base.source, config, request.paths, 'base')
  } catch (error) {
    notes.push(
      `The datasets at ${base.ref} could not be listed (${(error as Error).message}); there is no comparison with the base.`
    )
    return []
  }
  const baseDatasets = basePlan.datasets.filter(p => !p.refused)
  const baseByName = new Map(baseDatasets.map(p => [p.name, p]))
  const headNames = new Set(headPlan.datasets.map(p => p.name))
  const gatedOnHead = new Set<string>()
  for (const p of headPlan.datasets)
    if (!p.refused) datasetFiles(p).forEach(f => gatedOnHead.add(f))

  // Base datasets the head no longer has: renamed, deleted, or disguised.
  const extra: DatasetReport[] = []
  const vanished: VanishedDataset[] = []
  for (const basePlanned of baseDatasets) {
    if (headNames.has(basePlanned.name)) continue
    const files = datasetFiles(basePlanned)
    if (request.changedFiles && !files.some(f => request.changedFiles!.has(f))) continue
    const disguised: string[] = []
    for (const file of files) {
      if (gatedOnHead.has(file)) continue
      if ('size' in (await request.source.stat(file))) disguised.push(file)
    }
    if (disguised.length > 0) {
      extra.push(
        refusedReport(
          config,
          basePlanned.name,
          disguised.map(file => ({
            file,
            message: `${file} was gated at ${base.ref}, and this change would take it out of the gate unseen: ${headPlan.unrecognized.get(file) ?? 'it is no longer part of any dataset'}. Fix the file so it reads as a manifest again, or delete it if the dataset is meant to go.`
          }))
        )
      )
      continue
    }
    vanished.push({ plan: basePlanned, result: null, matched: false })
  }

  for (const head of analyzed) {
    const { report } = head
    if (head.plan.refused) continue
    const settings = resolveRuleSettings(
      config,
      config.datasets?.find(d => d.name === report.name)
    )
    const basePlanned = baseByName.get(report.name)
    let baseResult: AnalyzedDataset | null = null
    if (basePlanned) {
      baseResult = await analyzeDataset(base.source, basePlanned, config, { snapshot: true })
    } else {
      const match = await findRenamedBase(base.source, config, head, vanished)
      if (match) {
        baseResult = match.result
        notes.push(
          `${report.name}: compared with ${match.plan.name} at ${base.ref}, which this change renamed (${formatShare(match.share)} of its videos are the same).`
        )
      } else {
        notes.push(
          `${report.name}: no dataset at ${base.ref} has its files (looked up: ${datasetFiles(head.plan).slice(0, 5).join(', ')}${datasetFiles(head.plan).length > 5 ? ', …' : ''}), so every video counts as added.`
        )
      }
    }
    const change = compareSnapshots(
      baseResult?.snapshot ?? null,
      head.snapshot!,
      settings,
      base.ref
    )
    report.delta = change.delta
    report.findings.push(...capChangeFindings(change.findings, config.maxFindingsPerRule))
    markAgainstBase(report, head.omitted, baseResult, base.ref)
  }

  for (const gone of vanished) {
    if (gone.matched) continue
    const files = datasetFiles(gone.plan)
    extra.push(
      refusedReport(config, gone.plan.name, [
        {
          file: null,
          severity: 'warning',
          message: `the dataset ${gone.plan.name} (gated at ${base.ref}) is not in this change: ${files.length === 1 ? 'its file was' : 'its files were'} deleted (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}). If it was moved, the gate did not find it by its videos.`
        }
      ])
    )
  }
  for (const report of extra) report.newCounts = { ...report.counts }
  return extra
}

/** A base dataset that is not on the head under its name: renamed, or deleted. */
interface VanishedDataset {
  plan: DatasetPlan
  /** Analyzed when a new head dataset needs a rename candidate. */
  result: AnalyzedDataset | null
  /** Taken as the base of a renamed head dataset. */
  matched: boolean
}

/** The vanished base dataset most of whose videos the new head dataset has, if any. */
async function findRenamedBase(
  baseSource: FileSource,
  config: GateConfig,
  head: AnalyzedDataset,
  vanished: VanishedDataset[]
): Promise<{ plan: DatasetPlan; result: AnalyzedDataset; share: number } | null> {
  const headVideos = head.snapshot!.videos
  if (headVideos.size === 0) return null
  let best: { candidate: VanishedDataset; result: AnalyzedDataset; share: number } | null = null
  for (const candidate of vanished) {
    if (candidate.matched) continue
    candidate.result ??= await analyzeDataset(baseSource, candidate.plan, config, {
      snapshot: true
    })
    const baseVideos = candidate.result.snapshot!.videos
    if (baseVideos.size === 0) continue
    let shared = 0
    for (const key of baseVideos.keys()) if (headVideos.has(key)) shared++
    // Of the larger side, so a small file carved out of a big one is not called its rename.
    const share = shared / Math.max(baseVideos.size, headVideos.size)
    if (share >= RENAME_SHARE && (!best || share > best.share))
      best = { candidate, result: candidate.result, share }
  }
  if (!best) return null
  best.candidate.matched = true
  return { plan: best.candidate.plan, result: best.result, share: best.share }
}

/** A dataset is "the same, renamed" when at least this share of the videos is the same. */
const RENAME_SHARE = 0.5

function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`
}

/**
 * Sets `onBase` on every finding and counts the findings that are new: listed ones by identity
 * (and measure), left-out ones by their hashed identity against everything the base had.
 */
function markAgainstBase(
  report: DatasetReport,
  omitted: OmittedIdentities | null,
  base: AnalyzedDataset | null,
  baseRef: string
): void {
  const listed = report.findings.filter(f => f.omitted === undefined)
  if (base) markNewFindings(listed, base.report.findings, baseRef)
  else for (const finding of listed) finding.onBase = false
  const newCounts: SeverityCounts = { error: 0, warning: 0, notice: 0 }
  for (const finding of listed) if (!finding.onBase) newCounts[finding.severity]++
  const baseHashes = new Set<number>()
  if (base) {
    for (const finding of base.report.findings)
      if (finding.omitted === undefined) baseHashes.add(hashIdentity(identityOf(finding)))
    base.omitted?.hashes.forEach(hash => baseHashes.add(hash))
  }
  const freshByGroup = new Map<string, number>()
  if (omitted) {
    omitted.hashes.forEach((hash, i) => {
      if (baseHashes.has(hash)) return
      const severity = omitted.severities[i]!
      newCounts[severity]++
      const group = `${omitted.rules[i]}\u0000${severity}`
      freshByGroup.set(group, (freshByGroup.get(group) ?? 0) + 1)
    })
  }
  for (const finding of report.findings) {
    if (finding.omitted === undefined) continue
    // Change findings are never on the base; a left-out group is old only when all of it is.
    const remembered = omitted !== null && !CHANGE_RULES.has(finding.rule)
    const fresh = remembered
      ? (freshByGroup.get(`${finding.rule}\u0000${finding.severity}`) ?? 0)
      : finding.omitted
    if (!remembered) newCounts[finding.severity] += finding.omitted
    finding.onBase = fresh === 0
  }
  report.counts = countFindings(report.findings)
  report.newCounts = newCounts
}

const CHANGE_RULES = new Set<RuleId>(['split-move', 'frozen-split', 'class-regression'])

/** A report for datasets the gate could not gate: their input errors, no rows. */
function refusedReport(
  config: GateConfig,
  name: string,
  problems: { file: string | null; message: string; severity?: Severity }[]
): DatasetReport {
  const sink = new FindingSink(resolveRuleSettings(config, undefined), config.maxFindingsPerRule)
  for (const problem of problems)
    sink.add('input-error', {
      message: problem.message,
      file: problem.file,
      line: null,
      fingerprint: `input-error:base-gated:${problem.file ?? name}`,
      ...(problem.severity ? { severity: problem.severity } : {})
    })
  return emptyReport(name, sink.finish())
}

function emptyReport(name: string, findings: Finding[]): DatasetReport {
  return {
    name,
    files: [],
    splits: {},
    metrics: {
      classCount: 0,
      imbalanceRatio: null,
      splitDistance: [],
      leakedVideos: 0,
      leakedGroups: 0,
      multiLabelVideoShare: 0,
      multiLabelSegmentShare: 0,
      overlappingMultiLabelVideos: 0,
      confounders: [],
      totalVideos: 0,
      totalSegments: 0
    },
    leaks: { videos: [], groups: [] },
    findings,
    counts: countFindings(findings),
    delta: null
  }
}

/** Problems found while planning or reading side files become findings of the dataset. */
function reportProblems(sink: FindingSink, problems: PlanProblem[]): void {
  for (const problem of problems) {
    sink.add(problem.rule, {
      message: problem.message,
      file: problem.file,
      line: problem.line,
      ...(problem.severity ? { severity: problem.severity } : {}),
      // Numbers blanked: a line or a size in the message must not make an old problem look new.
      fingerprint: `${problem.rule}:${problem.file}:${clip(problem.message.replace(/\d+/g, '#'), 200)}`
    })
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`
  return `${bytes} bytes`
}

/** Change findings obey max-findings-per-rule like the others: a mass reshuffle lists the first ones. */
function capChangeFindings(findings: Finding[], max: number): Finding[] {
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

/** The verdict comes from the counts, the same numbers the headline and the exit status show. */
function verdict(
  failOn: FailOn,
  counts: SeverityCounts,
  newCounts: SeverityCounts | undefined
): boolean {
  switch (failOn) {
    case 'never':
      return true
    case 'error':
      return counts.error === 0
    case 'warning':
      return counts.error + counts.warning === 0
    case 'new':
      // Without a base every error is new (the shells warn about that).
      return (newCounts ?? counts).error === 0
  }
}

interface AnalyzeOptions {
  snapshot: boolean
  progress?: GateRequest['progress']
}

export async function analyzeDataset(
  source: FileSource,
  plan: DatasetPlan,
  config: GateConfig,
  options: AnalyzeOptions
): Promise<AnalyzedDataset> {
  const spec = plan.spec
  const settings = resolveRuleSettings(config, spec ?? undefined)
  const sink = new FindingSink(settings, config.maxFindingsPerRule, {
    rememberOmitted: options.snapshot
  })
  reportProblems(sink, plan.problems)
  if (plan.refused) {
    // Nothing was read: no dataset rule can speak (no "fewer than 2 classes" for a refused file).
    const report = emptyReport(plan.name, sink.finish())
    return { report, snapshot: null, notes: [], omitted: null, plan }
  }
  const videoKey = spec?.videoKey ?? 'uri'

  const limits = settings['resource-limit'].options
  const sideLimits = {
    maxBytes: limits['max-file-bytes'],
    maxRows: limits['max-rows'],
    maxLineBytes: limits['max-line-bytes']
  }
  let durations: Map<string, number> | null = null
  if (plan.durations) {
    const side = await readDurations(source, plan.durations, videoKey, sideLimits)
    durations = side.data
    reportProblems(sink, side.problems)
  }
  let metadata: VideoMetadata | null = null
  if (plan.metadata && settings['metadata-confounder'].severity !== 'off') {
    const side = await readMetadata(source, plan.metadata, videoKey, sideLimits)
    metadata = side.data
    reportProblems(sink, side.problems)
  }

  const labelOptions = settings['label-invalid'].options
  const profile =
    labelOptions.profile === 'auto'
      ? spec?.format === 'columns' || spec?.columns
        ? 'relaxed'
        : 'automl'
      : labelOptions.profile
  const labelPattern =
    labelOptions.pattern !== undefined ? RE2JS.compile(labelOptions.pattern) : null
  const groupPattern = spec?.groupPattern !== undefined ? RE2JS.compile(spec.groupPattern) : null
  const accumulator = new DatasetAccumulator(settings, sink, {
    videoKey,
    inferVideoKey: spec === null,
    groupOf: groupPattern ? key => groupOf(groupPattern, key) : null,
    durations,
    labelProfile: profile,
    labelMatch: labelPattern ? label => labelPattern.matcher(label).find() : null,
    frozenSplits:
      options.snapshot && settings['frozen-split'].severity !== 'off'
        ? settings['frozen-split'].options.splits
        : []
  })

  const fileSummaries: DatasetReport['files'] = []
  const firstPass = { complete: true }
  for (const file of plan.files) {
    const summary = await readDataFile(
      source,
      file,
      plan,
      settings,
      sink,
      accumulator,
      options.progress,
      firstPass
    )
    if (summary) fileSummaries.push(summary)
  }

  const second = await secondPass(source, plan, accumulator, {
    candidates: sink.enabled('duplicate-row') ? accumulator.duplicateCandidates() : [],
    multiVideos: settings['multi-label'].severity !== 'off' ? multiLabelVideos(accumulator) : null,
    completeFirstPass: firstPass.complete
  })
  reportDuplicates(accumulator, second.duplicates, sink)
  reportRowLevelAggregates(accumulator, sink)
  const multi = second.multi
  const tally = buildTally(accumulator, groupPattern !== null, multi, metadata)
  const judgement = judgeDataset(tally, settings, sink)

  const findings = sink.finish().sort(compareFindings)
  const report: DatasetReport = {
    name: plan.name,
    files: fileSummaries,
    splits: tally.splits,
    metrics: {
      classCount: tally.classTotals.size,
      imbalanceRatio: judgement.imbalanceRatio,
      splitDistance: judgement.splitDistance,
      leakedVideos: tally.videoLeaks.length,
      leakedGroups: tally.groupLeaks.length,
      multiLabelVideoShare:
        tally.labeledVideos === 0 ? 0 : tally.multiLabelVideos / tally.labeledVideos,
      multiLabelSegmentShare:
        tally.multiLabelSegments === null || tally.totalSegments === 0
          ? 0
          : tally.multiLabelSegments / tally.totalSegments,
      overlappingMultiLabelVideos: tally.overlappingVideos ?? 0,
      confounders: judgement.confounders,
      totalVideos: tally.totalVideos,
      totalSegments: tally.totalSegments
    },
    leaks: {
      videos: tally.videoLeaks,
      groups: tally.groupPatternConfigured ? tally.groupLeaks : []
    },
    findings,
    counts: countFindings(findings),
    delta: null
  }
  const snapshot = options.snapshot ? buildSnapshot(plan.name, report, accumulator) : null
  return { report, snapshot, notes: judgement.notes, omitted: sink.omittedIdentities, plan }
}

function groupOf(pattern: RE2JS, key: string): string | null {
  const matcher = pattern.matcher(key)
  if (!matcher.find()) return null
  try {
    const named = matcher.group('group')
    if (named !== null && named !== undefined) return named
  } catch {
    // no group named "group": use the first capture
  }
  return pattern.groupCount() >= 1 ? (matcher.group(1) ?? null) : matcher.group(0)
}

async function readDataFile(
  source: FileSource,
  file: PlannedFile,
  plan: DatasetPlan,
  settings: RuleSettings,
  sink: FindingSink,
  accumulator: DatasetAccumulator,
  progress: GateRequest['progress'],
  /** Cleared when a file was not read to its end (the multi-label pass then reads everything). */
  firstPass: { complete: boolean }
): Promise<DatasetReport['files'][number] | null> {
  const referencedAt = file.from ? ` (listed in ${file.from.file}:${file.from.line})` : ''
  const info = await source.stat(file.path)
  if (!('size' in info)) {
    sink.add('input-error', {
      message: `${file.path} cannot be read: ${info.problem}${referencedAt}.`,
      file: file.from?.file ?? file.path,
      line: file.from?.line ?? null,
      fingerprint: `input-error:${file.path}`
    })
    return null
  }
  const limits = settings['resource-limit'].options
  if (info.size > limits['max-file-bytes']) {
    sink.add('resource-limit', {
      message: `${file.path} is ${info.size} bytes, over the max-file-bytes limit of ${limits['max-file-bytes']}; it was not read. Split the file or raise the limit.`,
      file: file.path,
      line: null,
      fingerprint: `resource-limit:${file.path}`
    })
    firstPass.complete = false
    return null
  }
  const maxBytes = settings['file-size'].options['max-bytes']
  if (info.size > maxBytes) {
    sink.add('file-size', {
      message: `${file.path} is ${formatBytes(info.size)}; AutoML imports CSV files of at most ${formatBytes(maxBytes)}. Split it into several files.`,
      file: file.path,
      line: null,
      fingerprint: `file-size:${file.path}`
    })
  }
  if (info.size === 0) {
    sink.add('row-shape', {
      message: 'the file is empty; a manifest needs at least one row.',
      file: file.path,
      line: 1,
      fingerprint: `row-shape:empty:${file.path}`
    })
    return {
      path: file.path,
      format: file.format === 'auto' ? 'vertex-csv' : file.format,
      rows: 0,
      split: file.split,
      bytes: 0
    }
  }
  const fileIndex = accumulator.beginFile(file.path)
  const reader = createRowReader({
    path: file.path,
    fileIndex,
    fixedSplit: file.split,
    format: file.format,
    ...(plan.spec?.columns ? { columns: plan.spec.columns } : {}),
    ...(plan.spec?.splitValues ? { splitValues: plan.spec.splitValues } : {}),
    accumulator,
    sink,
    blankLineSeverity: settings['row-shape'].options['blank-line-severity']
  })
  let rowsLimited = false
  const maxRows = limits['max-rows']
  const limitedReader = {
    record(fields: string[], line: number) {
      if (rowsLimited) return
      if (reader.rows >= maxRows) {
        rowsLimited = true
        sink.add('resource-limit', {
          message: `more than ${maxRows} rows (max-rows); the rest of the file was not read. Split the file or raise the limit.`,
          file: file.path,
          line,
          fingerprint: `resource-limit:rows:${file.path}`
        })
        return
      }
      reader.record(fields, line)
    },
    blank(line: number) {
      reader.blank(line)
    }
  }
  const result = await readRecords(source.open(file.path), limitedReader, {
    mode: file.format === 'vertex-jsonl' ? 'lines' : 'csv',
    maxLineBytes: limits['max-line-bytes'],
    onChunk: progress
      ? bytesRead => progress({ file: file.path, bytesRead, bytesTotal: info.size })
      : undefined
  })
  if (result.stop || rowsLimited || reader.fatal) firstPass.complete = false
  if (result.stop) {
    sink.add(result.stop.kind === 'syntax' ? 'csv-syntax' : 'resource-limit', {
      message: result.stop.message,
      file: file.path,
      line: result.stop.line,
      fingerprint: `${result.stop.kind}:${file.path}`
    })
  }
  if (reader.fatal) {
    sink.add('input-error', {
      message: `${reader.fatal}${referencedAt}`,
      file: file.path,
      line: 1,
      fingerprint: `input-error:fatal:${file.path}`
    })
  } else if (reader.rows === 0 && !result.stop) {
    sink.add('row-shape', {
      message: 'the file has no data rows.',
      file: file.path,
      line: Math.max(1, result.lines),
      fingerprint: `row-shape:norows:${file.path}`
    })
  }
  return {
    path: file.path,
    format: reader.format ?? (file.format === 'auto' ? 'vertex-csv' : file.format),
    rows: reader.rows,
    split: file.split,
    bytes: info.size
  }
}

/** Rows with one (split, video, label, start, end), in file order. */
interface DuplicateGroup {
  rows: Location[]
  /** What the rows are, independent of where they are: the findings' fingerprint. */
  identity: string
}

/** Each group's rows after its first (groups and rows in file order) repeat the first. */
function reportDuplicates(
  accumulator: DatasetAccumulator,
  groups: DuplicateGroup[],
  sink: FindingSink
): void {
  const files = accumulator.files
  for (const group of groups) {
    const first = `${files[group.rows[0]!.file]}:${group.rows[0]!.line}`
    for (const [i, repeat] of group.rows.slice(1).entries()) {
      sink.add('duplicate-row', {
        message: `this row repeats ${first} (same split, video, label, start and end). Delete one of them.`,
        file: files[repeat.file],
        line: repeat.line,
        // The row's content and which repeat it is; never a line number, which shifts.
        fingerprint: `duplicate-row:${files[repeat.file]}:${group.identity}:${i + 1}`
      })
    }
  }
}

/** Row findings that need the whole dataset: label variants, unlabeled videos. */
function reportRowLevelAggregates(accumulator: DatasetAccumulator, sink: FindingSink): void {
  const files = accumulator.files
  if (sink.enabled('label-variant')) {
    const segmentsOf = (label: number) =>
      SPLITS.reduce((sum, _, split) => sum + (accumulator.segments.data[label * 4 + split] ?? 0), 0)
    for (const variant of accumulator.findLabelVariants()) {
      const members = variant.labels.sort((a, b) => segmentsOf(b) - segmentsOf(a) || a - b)
      const main = members[0]!
      for (const other of members.slice(1)) {
        const where = accumulator.labelFirst[other]!
        sink.add('label-variant', {
          class: accumulator.labels[other]!,
          message: `label "${visible(accumulator.labels[other]!)}" (${segmentsOf(other)} segments) differs from "${visible(accumulator.labels[main]!)}" (${segmentsOf(main)} segments) only by case, spacing, separators or invisible characters; it is probably the same class. Use one spelling.`,
          file: files[where.file],
          line: where.line,
          fingerprint: `label-variant:${accumulator.labels[other]}`
        })
      }
    }
  }
  if (sink.enabled('unlabeled-video') && accumulator.unlabeled.length > 0) {
    const perVideo = new Map<number, number>()
    for (const row of accumulator.unlabeled)
      perVideo.set(row.video, (perVideo.get(row.video) ?? 0) + 1)
    const labeledVideos = new Set<number>()
    accumulator.pairs.forEach(key => labeledVideos.add(DatasetAccumulator.pairVideo(key)))
    for (const row of accumulator.unlabeled) {
      const alsoLabeled = labeledVideos.has(row.video)
      const repeated = perVideo.get(row.video)! > 1
      sink.add('unlabeled-video', {
        severity: alsoLabeled || repeated ? 'warning' : 'notice',
        split: SPLITS[row.split]!,
        message: alsoLabeled
          ? 'the video is marked unlabeled (URI,,,) but also has labeled rows; remove the unlabeled row or the labels.'
          : repeated
            ? 'the video is marked unlabeled (URI,,,) more than once; keep one row.'
            : 'the whole video is unlabeled (URI,,,); it is imported without labels and does not train any class.',
        file: files[row.file],
        line: row.line,
        fingerprint: `unlabeled-video:${accumulator.videoKeys[row.video]}:${row.split}`
      })
    }
  }
}

interface MultiLabelMeasure {
  segments: number
  overlappingVideos: number
}

/** Videos carrying more than one label (counters per video: a list each would cost ~200 bytes). */
function multiLabelVideos(accumulator: DatasetAccumulator): Set<number> {
  const labelCounts = new Uint32Array(accumulator.videoKeys.length)
  accumulator.pairs.forEach(key => labelCounts[DatasetAccumulator.pairVideo(key)]!++)
  const multi = new Set<number>()
  for (let video = 0; video < labelCounts.length; video++)
    if (labelCounts[video]! > 1) multi.add(video)
  return multi
}

interface SecondPassNeeds {
  /** Duplicate candidates from the first pass (rows sharing hash and video tag). */
  candidates: Location[][]
  /** Multi-label videos, or null when the multi-label rule is off. */
  multiVideos: Set<number> | null
  completeFirstPass: boolean
}

/**
 * What needs the rows again after the first pass, in one more read of the files:
 *
 * - Duplicate candidates are confirmed: the rows on their lines are parsed again and grouped by
 *   their exact (split, video, label, start, end). Only the candidates' files are read.
 * - Segment-level multi-label facts need every segment of the multi-label videos. Instead of
 *   keeping all segments of every video in memory, this keeps only the rows of videos that carry
 *   more than one label (none in a multi-class dataset).
 *
 * When the first pass read every file to its end, the lines needed (the candidates', and those of
 * the rows tagged like a multi-label video) are known, and every other line is skipped unsplit.
 */
async function secondPass(
  source: FileSource,
  plan: DatasetPlan,
  accumulator: DatasetAccumulator,
  needs: SecondPassNeeds
): Promise<{ duplicates: DuplicateGroup[]; multi: MultiLabelMeasure | null }> {
  const multi = needs.multiVideos
  const wantMulti = multi !== null && multi.size > 0
  const noMulti = multi === null ? null : { segments: 0, overlappingVideos: 0 }
  if (!wantMulti && needs.candidates.length === 0) {
    accumulator.releaseRows()
    return { duplicates: [], multi: noMulti }
  }
  const files = accumulator.files
  const candidateLines = files.map(() => new Set<number>())
  for (const group of needs.candidates)
    for (const row of group) candidateLines[row.file]!.add(row.line)
  const multiLines = wantMulti && needs.completeFirstPass ? accumulator.linesOfVideos(multi) : null
  accumulator.releaseRows() // candidates and lines are taken: the row columns are not needed any more

  const segments = new Map<number, number[]>()
  const rowsByIdentity = new Map<string, Location[]>()
  let readFile = -1 // the accumulator's index of the file being read, -1 when the first pass did not read it
  const collector: RowSink = {
    addRow(_file, line, split, uri, label, start, end) {
      if (label.length === 0) return
      const video = accumulator.videoId(uri)
      if (video === undefined) return
      const inMulti = wantMulti && multi.has(video)
      const candidate = readFile !== -1 && candidateLines[readFile]!.has(line)
      if (!inMulti && !candidate) return
      const labelId = accumulator.labelId(label)
      const s = parseSeconds(start)
      const e = isInf(end) ? { ok: true as const, value: Infinity } : parseSeconds(end)
      if (labelId === undefined || !s.ok || !e.ok || s.value >= e.value) return
      if (inMulti) {
        let list = segments.get(video)
        if (!list) segments.set(video, (list = []))
        list.push(labelId, s.value, e.value)
      }
      if (candidate) {
        const identity = `${split}:${video}:${labelId}:${s.value}:${e.value}`
        const rows = rowsByIdentity.get(identity)
        if (rows) rows.push({ file: readFile, line })
        else rowsByIdentity.set(identity, [{ file: readFile, line }])
      }
    }
  }
  const quiet = new FindingSink(resolveQuietSettings(), 1)
  const confirmed = new Set<number>() // files whose candidates were read again
  let next = 0 // plan files in order; the first pass read a subsequence of them (`files`)
  for (const [index, file] of plan.files.entries()) {
    readFile = -1
    if (next < files.length && files[next] === file.path) readFile = next++
    const hasCandidates = readFile !== -1 && candidateLines[readFile]!.size > 0
    if (!wantMulti && !hasCandidates) continue
    const info = await source.stat(file.path)
    if (!('size' in info) || info.size === 0) continue
    // Lines to read: all of them for the multi-label facts after an incomplete first pass.
    let lines: Uint32Array | null = null
    if (readFile !== -1 && (!wantMulti || multiLines)) {
      const own = Uint32Array.from(candidateLines[readFile]!).sort()
      lines = multiLines ? mergeLines(own, multiLines[readFile]!) : own
    }
    const reader = createRowReader({
      path: file.path,
      fileIndex: index,
      fixedSplit: file.split,
      format: file.format,
      ...(plan.spec?.columns ? { columns: plan.spec.columns } : {}),
      ...(plan.spec?.splitValues ? { splitValues: plan.spec.splitValues } : {}),
      accumulator: collector,
      sink: quiet,
      blankLineSeverity: 'off'
    })
    await readRecords(source.open(file.path), lines ? onlyLines(reader, lines) : reader, {
      mode: file.format === 'vertex-jsonl' ? 'lines' : 'csv',
      maxLineBytes: 1 << 24
    })
    if (readFile !== -1) confirmed.add(readFile)
  }

  // Confirmed duplicates: rows with one exact identity. Candidates in a file that could not be read
  // again keep their first-pass grouping (same hash and video tag).
  /** The numeric identity made of names, hashed: the same on the base and the head. */
  const stableIdentity = (identity: string): string => {
    const [split, video, label, start, end] = identity.split(':')
    const named = [
      split,
      accumulator.videoKeys[Number(video)],
      accumulator.labels[Number(label)],
      start,
      end
    ]
    return hashIdentity(named.join('\u0000')).toString(36)
  }
  const duplicates: DuplicateGroup[] = []
  const trusted = new Set<string>()
  for (const group of needs.candidates) {
    if (group.every(row => confirmed.has(row.file))) continue
    duplicates.push({ rows: group, identity: `unconfirmed:${files[group[0]!.file]}` })
    for (const row of group) trusted.add(`${row.file}:${row.line}`)
  }
  for (const [identity, rows] of rowsByIdentity) {
    const left = trusted.size > 0 ? rows.filter(r => !trusted.has(`${r.file}:${r.line}`)) : rows
    if (left.length > 1) duplicates.push({ rows: left, identity: stableIdentity(identity) })
  }
  duplicates.sort((x, y) => x.rows[0]!.file - y.rows[0]!.file || x.rows[0]!.line - y.rows[0]!.line)

  if (!multi) return { duplicates, multi: null }
  let multiSegments = 0
  let overlappingVideos = 0
  for (const list of segments.values()) {
    const count = list.length / 3
    multiSegments += segmentsSharingSpan(list, count)
    if (hasOverlapWithDifferentLabels(list, count)) overlappingVideos++
  }
  return { duplicates, multi: { segments: multiSegments, overlappingVideos } }
}

/** The union of two ascending line lists, ascending. */
function mergeLines(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length === 0) return b
  const out = new Uint32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!
    if (n === 0 || out[n - 1] !== next) out[n++] = next
  }
  return out.subarray(0, n)
}

/** `reader`, wanting only its first record (format detection, a header) and `lines` (ascending). */
function onlyLines(reader: RecordVisitor, lines: Uint32Array): RecordVisitor {
  let started = false
  let next = 0
  return {
    record(fields, line) {
      started = true
      reader.record(fields, line)
    },
    blank(line) {
      reader.blank(line)
    },
    wants(line) {
      if (!started) return true
      while (next < lines.length && lines[next]! < line) next++
      return next < lines.length && lines[next] === line
    }
  }
}

/**
 * Segments (label, start, end triples) whose exact span also carries another label. Sorting by
 * span then label and scanning the runs needs no key strings (this runs on every multi-label video).
 */
function segmentsSharingSpan(list: number[], count: number): number {
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) =>
      list[a * 3 + 1]! - list[b * 3 + 1]! ||
      list[a * 3 + 2]! - list[b * 3 + 2]! ||
      list[a * 3]! - list[b * 3]!
  )
  let shared = 0
  for (let i = 0; i < count;) {
    const first = order[i]!
    let labels = 1
    let j = i + 1
    while (
      j < count &&
      list[order[j]! * 3 + 1] === list[first * 3 + 1] &&
      list[order[j]! * 3 + 2] === list[first * 3 + 2]
    ) {
      if (list[order[j]! * 3] !== list[order[j - 1]! * 3]) labels++
      j++
    }
    if (labels > 1) shared += j - i
    i = j
  }
  return shared
}

function hasOverlapWithDifferentLabels(list: number[], count: number): boolean {
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => list[a * 3 + 1]! - list[b * 3 + 1]!
  )
  // Sweep by start; keep the furthest end per label seen so far among active intervals.
  const active: { label: number; end: number }[] = []
  for (const i of order) {
    const label = list[i * 3]!
    const start = list[i * 3 + 1]!
    const end = list[i * 3 + 2]!
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.end <= start) active.splice(k, 1)
    if (active.some(a => a.label !== label)) return true
    active.push({ label, end })
  }
  return false
}

function resolveQuietSettings(): RuleSettings {
  const settings = resolveRuleSettings({
    failOn: 'never',
    datasets: null,
    rules: {},
    maxFindingsPerRule: 1,
    exclude: [],
    source: null
  })
  for (const setting of Object.values(settings)) setting.severity = 'off'
  return settings
}

function buildTally(
  accumulator: DatasetAccumulator,
  groupPatternConfigured: boolean,
  multi: MultiLabelMeasure | null,
  metadata: VideoMetadata | null
): DatasetTally {
  const labels = accumulator.labels
  const splits: Partial<Record<Split, SplitSummary>> = {}
  const classTotals = new Map<string, { segments: number; videos: number }>()
  const classVideos = new Float64Array(labels.length * 4)
  // A counter per video, not a Map entry: this runs while all per-row state is still held.
  const labelsPerVideo = new Uint32Array(accumulator.videoKeys.length)
  accumulator.pairs.forEach((key, mask) => {
    const video = DatasetAccumulator.pairVideo(key)
    const label = DatasetAccumulator.pairLabel(key)
    for (let split = 0; split < 4; split++)
      if (mask & (1 << split)) classVideos[label * 4 + split]!++
    labelsPerVideo[video]!++
    const name = labels[label]!
    const totals = classTotals.get(name)
    if (totals) totals.videos++
    else classTotals.set(name, { segments: 0, videos: 1 })
  })
  const splitVideos = new Float64Array(4)
  const splitUnlabeled = new Float64Array(4)
  const videoCount = accumulator.videoKeys.length
  for (let video = 0; video < videoCount; video++) {
    const mask = accumulator.videoSplits.data[video]!
    for (let split = 0; split < 4; split++) if (mask & (1 << split)) splitVideos[split]!++
  }
  const unlabeledSeen = new Set<string>()
  for (const row of accumulator.unlabeled) {
    const key = `${row.video}:${row.split}`
    if (!unlabeledSeen.has(key)) {
      unlabeledSeen.add(key)
      splitUnlabeled[row.split]!++
    }
  }
  let totalSegments = 0
  for (let split = 0; split < 4; split++) {
    // No prototype: a label is any string, `__proto__` and `constructor` included.
    const classes: SplitSummary['classes'] = Object.create(null)
    let segments = 0
    for (let label = 0; label < labels.length; label++) {
      const cell = label * 4 + split
      const count = accumulator.segments.data[cell] ?? 0
      if (count === 0) continue
      segments += count
      const unknown = (accumulator.secondsUnknown.data[cell] ?? 0) === 1
      classes[labels[label]!] = {
        segments: count,
        videos: classVideos[cell]!,
        seconds: unknown ? null : roundSeconds(accumulator.seconds.data[cell] ?? 0)
      }
      const totals = classTotals.get(labels[label]!)
      if (totals) totals.segments += count
      else classTotals.set(labels[label]!, { segments: count, videos: 0 })
    }
    totalSegments += segments
    if (splitVideos[split]! > 0) {
      splits[SPLITS[split]!] = {
        segments,
        videos: splitVideos[split]!,
        unlabeledVideos: splitUnlabeled[split]!,
        classes: sortedClasses(classes)
      }
    }
  }
  let multiLabelVideos = 0
  let labeledVideos = 0
  for (const count of labelsPerVideo) {
    if (count > 0) labeledVideos++
    if (count > 1) multiLabelVideos++
  }

  let metadataTable: DatasetTally['metadata'] = null
  let metadataVideos = 0
  if (metadata && metadata.attributes.length > 0) {
    metadataTable = new Map(metadata.attributes.map(a => [a, new Map()]))
    const counted = new Set<number>()
    accumulator.pairs.forEach(key => {
      const video = DatasetAccumulator.pairVideo(key)
      const values = metadata.byVideo.get(accumulator.videoKeys[video]!)
      if (!values) return
      if (!counted.has(video)) counted.add(video)
      const label = labels[DatasetAccumulator.pairLabel(key)]!
      metadata.attributes.forEach((attribute, i) => {
        const value = values[i] ?? ''
        if (value === '') return
        const byValue = metadataTable!.get(attribute)!
        let byClass = byValue.get(value)
        if (!byClass) byValue.set(value, (byClass = new Map()))
        byClass.set(label, (byClass.get(label) ?? 0) + 1)
      })
    })
    metadataVideos = counted.size
  }

  const locate = (leak: {
    key: string
    places: { split: Split; file: number; line: number }[]
  }): Leak => ({
    key: leak.key,
    places: leak.places.map(p => ({
      split: p.split,
      file: accumulator.files[p.file]!,
      line: p.line
    }))
  })
  return {
    splits,
    classTotals,
    totalVideos: videoCount,
    totalSegments,
    videoLeaks: [...accumulator.videoLeaks.values()].map(locate),
    groupLeaks: [...accumulator.groupLeaks.values()].map(locate),
    groupPatternConfigured,
    groupCoverage: accumulator.groupCoverage(),
    labeledVideos,
    multiLabelVideos,
    multiLabelSegments: multi ? multi.segments : null,
    overlappingVideos: multi ? multi.overlappingVideos : null,
    metadata: metadataTable,
    metadataVideos
  }
}

function sortedClasses(classes: SplitSummary['classes']): SplitSummary['classes'] {
  const sorted: SplitSummary['classes'] = Object.create(null)
  for (const name of Object.keys(classes).sort()) sorted[name] = classes[name]!
  return sorted
}

function roundSeconds(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

function buildSnapshot(
  name: string,
  report: DatasetReport,
  accumulator: DatasetAccumulator
): DatasetSnapshot {
  const videos = new Map<string, { splits: number; labels: string[] }>()
  for (let video = 0; video < accumulator.videoKeys.length; video++) {
    videos.set(accumulator.videoKeys[video]!, {
      splits: accumulator.videoSplits.data[video]!,
      labels: []
    })
  }
  accumulator.pairs.forEach(key => {
    const entry = videos.get(accumulator.videoKeys[DatasetAccumulator.pairVideo(key)]!)!
    entry.labels.push(accumulator.labels[DatasetAccumulator.pairLabel(key)]!)
  })
  for (const entry of videos.values()) entry.labels.sort()
  const frozenRows: DatasetSnapshot['frozenRows'] = new Map()
  for (const [split, rows] of accumulator.frozenRows) {
    frozenRows.set(
      split,
      new Map(
        [...rows].map(([key, where]) => [
          key,
          { file: accumulator.files[where.file]!, line: where.line }
        ])
      )
    )
  }
  return { name, report, videos, frozenRows }
}
