/**
 * The base side of a comparison: which base dataset each head dataset is compared with (same name,
 * else a rename found by shared videos), what the change made the gate stop gating, and which
 * findings are new.
 */
import { resolveRuleSettings, type GateConfig } from '../config/schema.js'
import type { GateRequest } from './request.js'
import { analyzeDataset, emptyReport, type AnalyzedDataset } from './analyze-dataset.js'
import { compareSnapshots } from '../judge/change.js'
import { markNewFindings } from '../judge/new-findings.js'
import { FindingSink, capFindings, type OmittedIdentities } from '../judge/findings.js'
import { hashIdentity, identityOf } from '../model.js'
import {
  countFindings,
  type DatasetReport,
  type RuleId,
  type Severity,
  type SeverityCounts
} from '../model.js'
import { datasetFiles, type DatasetPlan, type Plan } from '../read/dataset-plan.js'
import { planDatasets } from '../read/plan.js'
import type { FileSource } from '../read/source.js'

/**
 * The base side of a comparison. Each head dataset is compared with the base dataset of the same
 * name, else with a base dataset that vanished from the head and shares most of its videos (a
 * rename). Returns reports for what the change made the gate stop gating: a file the base gated
 * that the head no longer recognises (an error: a disguise must not skip the gate) and a dataset
 * whose files were all deleted (a warning).
 */
export async function compareWithBase(
  request: GateRequest,
  headPlan: Plan,
  analyzed: AnalyzedDataset[],
  notes: string[],
  started: BaseWork
): Promise<DatasetReport[]> {
  const base = request.base!
  const basePlan = started.plan
  if (basePlan instanceof Error) {
    notes.push(
      `The datasets at ${base.ref} could not be listed (${basePlan.message}); there is no comparison with the base.`
    )
    return []
  }
  const baseDatasets = basePlan.datasets.filter(p => !p.refused)
  const { vanished, disguised } = await findVanished(request, headPlan, baseDatasets)
  const baseByName = new Map(baseDatasets.map(p => [p.name, p]))
  for (const head of analyzed) {
    if (head.plan.refused) {
      await markRefusedLink(request, head)
      continue
    }
    const baseResult = await baseOf(request, head, baseByName, vanished, notes, started)
    compareDataset(request, head, baseResult)
  }
  const extra = [
    ...disguised,
    ...vanished.filter(gone => !gone.matched).map(gone => deletedReport(request, gone.plan))
  ]
  for (const report of extra) report.newCounts = { ...report.counts }
  return extra
}

/**
 * The base side, started before the head is read: the base's datasets planned and, with a second
 * thread, the ones the head has by name analyzed there (base-part.ts) while the main thread reads
 * the head. `threaded` says whether that thread is busy with the base.
 */
export interface BaseWork {
  /** The base's datasets, or why they could not be listed. */
  plan: Plan | Error
  threaded: boolean
  /** The worker's analysis of the base dataset `name`; null when it has none (then analyze here). */
  analyzed(name: string): Promise<AnalyzedDataset | null>
  /** Stops the worker (runGate calls it however the run ends). */
  done(): void
}

export async function startBaseWork(
  request: GateRequest,
  headPlans: DatasetPlan[]
): Promise<BaseWork> {
  const base = request.base!
  const plan = await planDatasets(base.source, request.config, request.paths, 'base').catch(
    (error: unknown) => (error instanceof Error ? error : new Error(String(error)))
  )
  const revision = base.source.gitRevision?.()
  const names = new Set(headPlans.filter(p => !p.refused).map(p => p.name))
  const plans =
    plan instanceof Error ? [] : plan.datasets.filter(p => !p.refused && names.has(p.name))
  if (!request.parallel || !revision || plans.length === 0) {
    return { plan, threaded: false, analyzed: async () => null, done() {} }
  }
  const work = request.parallel.analyzeBase({ ...revision, config: request.config, plans })
  return {
    plan,
    threaded: true,
    analyzed: async name => (await work.result)?.[plans.findIndex(p => p.name === name)] ?? null,
    done: () => work.cancel()
  }
}

/**
 * Base datasets the head no longer has under their name: renamed or deleted (`vanished`), or
 * still there but no longer recognised (`disguised`: an error, so a disguise cannot skip the gate).
 */
async function findVanished(
  request: GateRequest,
  headPlan: Plan,
  baseDatasets: DatasetPlan[]
): Promise<{ vanished: VanishedDataset[]; disguised: DatasetReport[] }> {
  const ref = request.base!.ref
  const headNames = new Set(headPlan.datasets.map(p => p.name))
  const gatedOnHead = new Set<string>()
  for (const p of headPlan.datasets)
    if (!p.refused) datasetFiles(p).forEach(f => gatedOnHead.add(f))
  const vanished: VanishedDataset[] = []
  const disguised: DatasetReport[] = []
  for (const basePlanned of baseDatasets) {
    if (headNames.has(basePlanned.name)) continue
    const files = datasetFiles(basePlanned)
    if (request.changedFiles && !files.some(f => request.changedFiles!.has(f))) continue
    // A file still at its path in any form (a link, a folder, unreadable) was not deleted.
    const stillThere: { file: string; why: string }[] = []
    for (const file of files) {
      if (gatedOnHead.has(file)) continue
      const info = await request.source.stat(file)
      if ('missing' in info) continue
      const why = 'problem' in info ? info.problem : headPlan.unrecognized.get(file)
      stillThere.push({ file, why: why ?? 'it is no longer part of any dataset' })
    }
    if (stillThere.length === 0) {
      vanished.push({ plan: basePlanned, result: null, matched: false })
      continue
    }
    disguised.push(
      refusedReport(
        request.config,
        basePlanned.name,
        stillThere.map(({ file, why }) => ({
          file,
          message: `${file} was gated at ${ref}, and this change would take it out of the gate unseen: ${why}. Make it a regular file that reads as a manifest again, or delete it if the dataset is meant to go.`
        }))
      )
    )
  }
  return { vanished, disguised }
}

/** The base side of one head dataset: the same name, else a rename; null for a new dataset. */
async function baseOf(
  request: GateRequest,
  head: AnalyzedDataset,
  baseByName: Map<string, DatasetPlan>,
  vanished: VanishedDataset[],
  notes: string[],
  started: BaseWork
): Promise<AnalyzedDataset | null> {
  const base = request.base!
  const name = head.report.name
  const sameName = baseByName.get(name)
  if (sameName) {
    return (
      (await started.analyzed(name)) ??
      analyzeDataset(base.source, sameName, request.config, { snapshot: true })
    )
  }
  const match = await findRenamedBase(base.source, request.config, head, vanished)
  if (match) {
    notes.push(
      `${name}: compared with ${match.plan.name} at ${base.ref}, which this change renamed (${formatShare(match.share)} of its videos are the same).`
    )
    return match.result
  }
  notes.push(
    `${name}: no dataset at ${base.ref} has its files (looked up: ${listFiles(datasetFiles(head.plan))}), so every video counts as added.`
  )
  return null
}

/** The delta and the change rules of one dataset, and which of its findings are new. */
function compareDataset(
  request: GateRequest,
  head: AnalyzedDataset,
  baseResult: AnalyzedDataset | null
): void {
  const { config } = request
  const ref = request.base!.ref
  const { report } = head
  const settings = resolveRuleSettings(
    config,
    config.datasets?.find(d => d.name === report.name)
  )
  const change = compareSnapshots(baseResult?.snapshot ?? null, head.snapshot!, settings, ref)
  report.delta = change.delta
  report.findings.push(...capFindings(change.findings, config.maxFindingsPerRule))
  markAgainstBase(report, head.omitted, baseResult, ref)
}

/**
 * A link the head refuses is new unless the base has a link at that path too: a change that turns
 * a gated file into a link, or adds one, must not pass `fail-on: new` as something already there.
 */
async function markRefusedLink(request: GateRequest, head: AnalyzedDataset): Promise<void> {
  const file = head.plan.problems[0]?.file
  if (!file || !('link' in (await request.source.stat(file)))) return
  if ('link' in (await request.base!.source.stat(file))) return
  head.report.newCounts = { ...head.report.counts }
}

function deletedReport(request: GateRequest, plan: DatasetPlan): DatasetReport {
  const files = datasetFiles(plan)
  return refusedReport(request.config, plan.name, [
    {
      file: null,
      severity: 'warning',
      message: `the dataset ${plan.name} (gated at ${request.base!.ref}) is not in this change: ${files.length === 1 ? 'its file was' : 'its files were'} deleted (${listFiles(files)}). If it was moved, the gate did not find it by its videos.`
    }
  ])
}

function listFiles(files: string[]): string {
  return files.slice(0, 5).join(', ') + (files.length > 5 ? ', …' : '')
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
