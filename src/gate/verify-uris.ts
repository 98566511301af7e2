/**
 * The storage stage of one dataset (`storage.verify`, `storage.durations: probe`): which URIs to
 * look up, the lookups themselves (storage/), and the `uri-missing` findings at each URI's first
 * row.
 *
 * It runs before the first pass, over a pass of its own that only collects the dataset's videos
 * and their first rows. Probed durations must be known while rows stream: the accumulator checks
 * each segment against its video's duration as the row is read, exactly as for a durations file.
 * Handing the probed durations to the first pass the way a durations file's are handed makes the
 * findings identical by construction (same codes, same wording, `inf` lengths counted); the price is
 * reading the manifest twice, only when verification is on, and small beside the network.
 */
import { DatasetAccumulator } from '../analyze/accumulator.js'
import { plural } from '../display.js'
import { checkVideoUri, valueRules } from '../judge/value-checks.js'
import { FindingSink } from '../judge/findings.js'
import { RowProblemReporter } from '../judge/row-problems.js'
import { resolveRuleSettings, type GateConfig } from '../config/schema.js'
import type { DatasetPlan } from '../read/dataset-plan.js'
import { planDatasets } from '../read/plan.js'
import type { FileSource } from '../read/source.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { objectProblem, splitUri } from '../storage/outcomes.js'
import { verifyUris, type StorageRun } from '../storage/run.js'
import { readDataFile, startFirstPass } from './read-data-file.js'

interface DatasetVideos {
  keys: string[]
  /** First row of each video, by index in `keys`. */
  first: { file: string; line: number }[]
  videoKey: 'uri' | 'id'
}

/** The dataset's video keys and first rows, from a pass that judges nothing. */
export async function collectVideos(
  source: FileSource,
  plan: DatasetPlan,
  settings: RuleSettings
): Promise<DatasetVideos> {
  // Findings of this pass are thrown away: the first pass makes them.
  const quiet = { ...settings, 'duplicate-row': { ...settings['duplicate-row'], severity: 'off' } }
  const sink = new FindingSink(quiet as RuleSettings, 1)
  const options = {
    videoKey: plan.spec?.videoKey ?? ('uri' as const),
    inferVideoKey: plan.spec === null,
    groupOf: null,
    durations: null,
    labelProfile: 'relaxed' as const,
    rules: valueRules(quiet as RuleSettings, null),
    frozenSplits: []
  }
  const accumulator = new DatasetAccumulator(
    new RowProblemReporter(sink, quiet as RuleSettings),
    options
  )
  const pass = startFirstPass({
    source,
    spec: plan.spec,
    settings: quiet as RuleSettings,
    sink,
    accumulator,
    progress: undefined,
    parallel: null,
    partSettings: null
  })
  for (const file of plan.files) await readDataFile(pass, file)
  const keys = accumulator.videoKeys.toArray()
  return {
    keys,
    first: keys.map((_, video) => {
      const place = accumulator.firstPlaceOf(video)
      return { file: accumulator.files[place.file]!, line: place.line }
    }),
    videoKey: options.videoKey
  }
}

export interface UriVerification {
  /** The durations the first pass checks segments against: the file's, then the probed ones. */
  durations: Map<string, number> | null
  /** Adds the `uri-missing` findings; notes for the dataset. */
  report(sink: FindingSink): string[]
}

/** The run's verification as analyzeDataset's `verifyUris` option; null without storage. */
export function uriVerifier(run: StorageRun | null | undefined) {
  if (!run) return null
  return (
    source: FileSource,
    plan: DatasetPlan,
    config: GateConfig,
    settings: RuleSettings,
    durations: Map<string, number> | null
  ): Promise<UriVerification> =>
    prepareUriVerification(run, source, plan, config, settings, durations)
}

export async function prepareUriVerification(
  run: StorageRun,
  source: FileSource,
  plan: DatasetPlan,
  config: GateConfig,
  settings: RuleSettings,
  fileDurations: Map<string, number> | null
): Promise<UriVerification> {
  const nothing: UriVerification = { durations: fileDurations, report: () => [] }
  if (!run.store) return nothing
  // Nothing to say and nothing to probe: no request is worth making.
  if (settings['uri-missing'].severity === 'off' && run.settings.durations !== 'probe')
    return nothing
  const videos = await collectVideos(source, plan, settings)
  if (videos.videoKey !== 'uri') return nothing
  const extensions = settings['uri-invalid'].options.extensions
  // Malformed URIs are uri-invalid's; asking the API about them would only echo it.
  let wanted = videos.keys
    .map((key, i) => ({ key, i }))
    .filter(({ key }) => checkVideoUri(key, extensions) === null)
  const onBase = run.settings.verify === 'changed' ? await baseVideos(run, config, plan) : null
  if (onBase) wanted = wanted.filter(({ key }) => !onBase.has(key))
  await verifyUris(
    run,
    wanted.map(({ key }) => key)
  )
  let durations = fileDurations
  if (run.settings.durations === 'probe') {
    durations = new Map(fileDurations ?? [])
    for (const { key } of wanted) {
      const seconds = run.durations.get(key)
      // A durations file written by a person wins over the header.
      if (seconds !== undefined && !durations.has(key)) durations.set(key, seconds)
    }
  }
  return { durations, report: sink => reportOutcomes(run, wanted, videos, sink) }
}

function reportOutcomes(
  run: StorageRun,
  wanted: { key: string; i: number }[],
  videos: DatasetVideos,
  sink: FindingSink
): string[] {
  const unverified: { key: string; i: number; reason: string }[] = []
  let unprobed = 0
  for (const { key, i } of wanted) {
    const outcome = run.outcomes.get(key)
    if (!outcome) continue
    if (outcome.kind === 'unverified') {
      unverified.push({ key, i, reason: outcome.reason })
      continue
    }
    if (run.unprobed.has(key)) unprobed++
    const problem = objectProblem(key, splitUri(key).bucket, outcome)
    if (!problem) continue
    sink.add('uri-missing', {
      message: problem.message,
      file: videos.first[i]!.file,
      line: videos.first[i]!.line,
      severity: problem.severity,
      fingerprint: `uri-missing:${problem.kind}:${key}`
    })
  }
  if (unverified.length > 0) {
    const first = unverified[0]!
    const where = videos.first[first.i]!
    sink.add('uri-missing', {
      message: `${plural(unverified.length, 'video URI was', 'video URIs were')} not verified (${first.reason}), the first ${first.key}. Not verified is not a pass: raise storage.budget-seconds, or run again.`,
      file: where.file,
      line: where.line,
      severity: 'warning',
      fingerprint: `uri-missing:not-verified:${where.file}`
    })
  }
  return unprobed > 0
    ? [
        `the durations of ${plural(unprobed, 'video')} could not be read from their headers, so their segments were not checked against them.`
      ]
    : []
}

const baseKeysByRun = new WeakMap<StorageRun, Map<string, Promise<Set<string> | null>>>()

/** The videos of the same dataset at the base revision; null without a base (all are new). */
function baseVideos(
  run: StorageRun,
  config: GateConfig,
  plan: DatasetPlan
): Promise<Set<string> | null> {
  const base = run.base
  if (!base) return Promise.resolve(null)
  let byName = baseKeysByRun.get(run)
  if (!byName) baseKeysByRun.set(run, (byName = new Map()))
  let keys = byName.get(plan.name)
  if (!keys) {
    keys = (async () => {
      try {
        const basePlan = await planDatasets(base.source, config, base.paths, 'base')
        const same = basePlan.datasets.find(p => p.name === plan.name && !p.refused)
        if (!same) return new Set<string>()
        const settings = resolveRuleSettings(config, same.spec ?? undefined)
        return new Set((await collectVideos(base.source, same, settings)).keys)
      } catch {
        return null // the base cannot be read: verify every URI
      }
    })()
    byName.set(plan.name, keys)
  }
  return keys
}
