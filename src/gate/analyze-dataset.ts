/**
 * One dataset through the stages: side files, the first pass over every data file, the second
 * pass, the tally, the dataset rules, the snapshot a comparison needs. A refused plan (a named path
 * that could not be gated) carries only its input error.
 */
import type { AnalyzedDataset } from './analyzed.js'
import { createAccumulator } from './dataset-accumulator.js'
import { buildSnapshot } from '../analyze/snapshot.js'
import { buildTally, type DatasetTally } from '../analyze/tally.js'
import { clip } from '../display.js'
import { resolveRuleSettings, type GateConfig } from '../config/schema.js'
import type { GateRequest, ParallelReading } from './request.js'
import { readDataFile, startFirstPass, type FirstPass } from './read-data-file.js'
import type { PartSettings } from './part-types.js'
import { startNoiseFloors } from './noise-floors.js'
import { splitDataset } from './split-dataset.js'
import { multiLabelVideos, secondPass } from './second-pass.js'
import { judgeDataset, type DatasetJudgement } from '../judge/dataset-rules.js'
import { FindingSink } from '../judge/findings.js'
import { reportDuplicates, reportRowLevelAggregates } from '../judge/row-aggregates.js'
import {
  compareFindings,
  countFindings,
  type DatasetMetrics,
  type DatasetReport,
  type FileSummary,
  type Finding
} from '../model.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { RE2JS } from 're2js'
import type { DatasetPlan, PlanProblem, PlannedFile } from '../read/dataset-plan.js'
import { readDurations, readMetadata, type VideoMetadata } from '../read/side-files.js'
import type { FileSource } from '../read/source.js'
import type { UriVerification } from './verify-uris.js'

interface AnalyzeOptions {
  snapshot: boolean
  progress?: GateRequest['progress']
  /**
   * Looks the dataset's URIs up in Cloud Storage (head datasets only): gate.ts binds
   * verify-uris.ts's prepareUriVerification to the run's storage. Injected, so that reading a
   * dataset (in a worker thread too) does not load the Cloud Storage client.
   */
  verifyUris?:
    | ((
        source: FileSource,
        plan: DatasetPlan,
        config: GateConfig,
        settings: RuleSettings,
        durations: Map<string, number> | null
      ) => Promise<UriVerification>)
    | null
  /** Large working-tree files read in two halves at once (GateRequest.parallel). */
  parallel?: ParallelReading | null
}

export type { AnalyzedDataset }

export async function analyzeDataset(
  source: FileSource,
  plan: DatasetPlan,
  config: GateConfig,
  options: AnalyzeOptions
): Promise<AnalyzedDataset> {
  const settings = resolveRuleSettings(config, plan.spec ?? undefined)
  const sink = new FindingSink(settings, config.maxFindingsPerRule, {
    rememberOmitted: options.snapshot
  })
  reportProblems(sink, plan.problems)
  if (plan.refused) {
    // Nothing was read: no dataset rule can speak (no "fewer than 2 classes" for a refused file).
    const report = emptyReport(plan.name, sink.finish())
    return { report, snapshot: null, notes: [], omitted: null, plan }
  }
  const side = await readSideFiles(source, plan, settings, sink)
  const verification = options.verifyUris
    ? await options.verifyUris(source, plan, config, settings, side.durations)
    : null
  const groupPattern =
    plan.spec?.groupPattern !== undefined ? RE2JS.compile(plan.spec.groupPattern) : null
  const durations = verification ? verification.durations : side.durations
  const accumulator = createAccumulator(plan.spec, settings, sink, {
    durations,
    groupPattern,
    frozen: options.snapshot
  })

  const pass = startFirstPass({
    source,
    spec: plan.spec,
    settings,
    sink,
    accumulator,
    progress: options.progress,
    parallel: options.parallel ?? null,
    partSettings: options.parallel ? partSettings(plan, settings, config, options, durations) : null
  })
  const files = await readDataFiles(pass, plan.files)

  const bytesRead = files.reduce((sum, file) => sum + file.bytes, 0)
  collectAfterFirstPass(options.parallel, bytesRead)
  const floors = startNoiseFloors(options.parallel ?? null, accumulator, settings, bytesRead)
  try {
    const second = await secondPass(source, plan, accumulator, {
      candidates: () => accumulator.duplicateCandidates(), // empty when duplicate-row is off
      multiVideos:
        settings['multi-label'].severity !== 'off' ? multiLabelVideos(accumulator) : null,
      completeFirstPass: pass.complete,
      checkpoints: pass.checkpoints
    })
    const storageNotes = verification?.report(sink) ?? []
    reportDuplicates(accumulator, second.duplicates, sink)
    reportRowLevelAggregates(accumulator, sink)
    const tally = buildTally(accumulator, groupPattern !== null, second.multi, side.metadata)
    const judgement = judgeDataset(tally, settings, sink, floors ? await floors.known() : null)

    const findings = sink.finish().sort(compareFindings)
    const report: DatasetReport = {
      name: plan.name,
      files,
      splits: tally.splits,
      metrics: datasetMetrics(tally, judgement),
      leaks: {
        videos: tally.videoLeaks,
        groups: tally.groupPatternConfigured ? tally.groupLeaks : []
      },
      findings,
      counts: countFindings(findings),
      delta: null
    }
    const snapshot = options.snapshot ? buildSnapshot(plan.name, report, accumulator) : null
    const notes = [...judgement.notes, ...storageNotes]
    return { report, snapshot, notes, omitted: sink.omittedIdentities, plan }
  } finally {
    floors?.cancel() // a floor thread still running when something above threw
    options.parallel?.stopIdle?.() // a thread started ahead that this dataset did not use
  }
}

/**
 * A large dataset's worker part arrived as a copy (its video keys, its arrays) that is garbage
 * once taken: V8 would free it only after the duplicate search and the second pass allocated on
 * top of it, so the main thread collects once here (ParallelReading.collectGarbage).
 */
function collectAfterFirstPass(parallel: ParallelReading | null | undefined, bytes: number): void {
  const collection = parallel?.collectGarbage
  if (collection && bytes >= collection.afterBytes) collection.collect()
}

/**
 * The first pass over the dataset's files, in order; a large dataset's rest is read at once by a
 * worker and taken where this reading reaches it (split-dataset.ts).
 */
async function readDataFiles(pass: FirstPass, planned: PlannedFile[]): Promise<FileSummary[]> {
  const split = await splitDataset(pass, planned)
  const files: FileSummary[] = []
  try {
    for (let index = 0; index < planned.length; index++) {
      if (split?.before === index && (await split.takeBefore())) break
      const inside = split?.inside === index ? split : null
      const summary = await readDataFile(pass, planned[index]!, inside)
      if (summary) files.push(summary)
      if (split?.wholeFiles()) break
    }
    files.push(...(split?.wholeFiles() ?? []))
  } finally {
    split?.done() // a worker thread still running would keep the process alive
  }
  return files
}

/** What a worker reading part of a dataset needs to set up its accumulator as this one. */
function partSettings(
  plan: DatasetPlan,
  settings: RuleSettings,
  config: GateConfig,
  options: AnalyzeOptions,
  durations: Map<string, number> | null
): PartSettings {
  return {
    spec: plan.spec,
    settings,
    maxFindingsPerRule: config.maxFindingsPerRule,
    durations,
    snapshot: options.snapshot
  }
}

/** The durations and metadata files, under the dataset's resource limits. */
async function readSideFiles(
  source: FileSource,
  plan: DatasetPlan,
  settings: RuleSettings,
  sink: FindingSink
): Promise<{ durations: Map<string, number> | null; metadata: VideoMetadata | null }> {
  const videoKey = plan.spec?.videoKey ?? 'uri'
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
  return { durations, metadata }
}

function datasetMetrics(tally: DatasetTally, judgement: DatasetJudgement): DatasetMetrics {
  return {
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
  }
}

export function emptyReport(name: string, findings: Finding[]): DatasetReport {
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
