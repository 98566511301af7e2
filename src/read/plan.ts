/**
 * Decides which files form which dataset: the configured datasets, or, without any, every AutoML
 * index (with the files it references) and every other manifest on its own. Index rows are resolved
 * to repository files here; a reference that cannot be used becomes a finding at its index line.
 */

import { compareText, type FormatId } from '../model.js'
import type { DatasetSpec, GateConfig } from '../config/schema.js'
import { clip } from '../display.js'
import {
  DEFAULT_MANIFEST_GLOBS,
  datasetFiles,
  refusal,
  type DatasetPlan,
  type Plan,
  type PlanProblem,
  type PlanSide
} from './dataset-plan.js'
import { emptyEntries, expandPaths, refusedLinks, type NamedFiles } from './named-paths.js'
import { planIndex } from './plan-index.js'
import { JSON_LINES, sniff } from './sniff.js'
import { normalizeRepoPath, type FileSource } from './source.js'

export async function planDatasets(
  source: FileSource,
  config: GateConfig,
  paths: string[],
  side: PlanSide = 'head'
): Promise<Plan> {
  const named = paths.length > 0 ? await expandPaths(source, paths, config.exclude) : null
  const plan: Plan = { datasets: [], notes: [], unrecognized: new Map() }
  if (config.datasets) await planConfiguredDatasets(source, config, named, side, plan)
  else await planDiscovered(source, config, named, plan)
  if (named && side === 'head') {
    plan.datasets.push(...named.refusals)
    plan.datasets.push(...emptyEntries(named, plan.datasets))
  } else if (side === 'head') {
    // The links among the files the datasets' globs (or discovery) would take: named, not skipped.
    const globs = config.datasets
      ? config.datasets.flatMap(spec => (spec.index === undefined ? (spec.files ?? []) : []))
      : DEFAULT_MANIFEST_GLOBS
    plan.datasets.push(...(await refusedLinks(source, globs, config.exclude, new Set())))
  }
  plan.datasets.sort((a, b) => compareText(a.name, b.name))
  return plan
}

/**
 * The configured datasets: all of them, or those a named path touches (the others are listed in
 * a note). A named file that belongs to no configured dataset is refused.
 */
async function planConfiguredDatasets(
  source: FileSource,
  config: GateConfig,
  named: NamedFiles | null,
  side: PlanSide,
  plan: Plan
): Promise<void> {
  const covered = new Set<string>()
  const skipped: string[] = []
  for (const spec of config.datasets ?? []) {
    const planned = await planConfigured(source, spec, config.exclude)
    const files = datasetFiles(planned)
    if (named && !files.some(file => named.files.has(file))) {
      skipped.push(spec.name)
      continue
    }
    files.forEach(file => covered.add(file))
    plan.datasets.push(planned)
  }
  if (skipped.length > 0 && side === 'head')
    plan.notes.push(
      `Not gated, because no named path belongs to them: ${skipped.map(name => `dataset "${name}"`).join(', ')}.`
    )
  for (const [file, entry] of named?.files ?? []) {
    if (covered.has(file)) continue
    const reason = `${file} is not part of any dataset in the configuration (${config.source ?? 'datasets:'}), so it was not gated. Add it to a dataset's files:, or leave it out of the paths.`
    plan.unrecognized.set(file, 'it is not part of any dataset in the configuration')
    plan.datasets.push(
      refusal(file, file, entry === file ? reason : `${reason} (matched by "${clip(entry)}")`)
    )
  }
}

/**
 * Without configured datasets: every AutoML index (with the files it references) and every other
 * manifest on its own. A named file that fits no format is refused; a discovered one is a note.
 */
async function planDiscovered(
  source: FileSource,
  config: GateConfig,
  named: NamedFiles | null,
  plan: Plan
): Promise<void> {
  const files = named
    ? [...named.files.keys()].sort(compareText)
    : await source.list(DEFAULT_MANIFEST_GLOBS, config.exclude)
  const referenced = new Set<string>()
  const standalone: { path: string; format: FormatId | 'auto' }[] = []
  for (const path of files) {
    const kind = await sniff(source, path)
    if (kind.kind === 'index') {
      const index = await planIndex(source, path, {}, { name: path, spec: null })
      index.files.forEach(f => referenced.add(f.path))
      plan.datasets.push(index)
    } else if (kind.kind === 'unknown') {
      const reason = `not recognized as a dataset manifest (${kind.why})`
      plan.unrecognized.set(path, `it is ${reason}`)
      if (named)
        plan.datasets.push(
          refusal(path, path, `the file is ${reason}, so it was not gated. ${UNKNOWN_ADVICE}`)
        )
      else plan.notes.push(`${path}: ${reason}; skipped. ${UNKNOWN_ADVICE}`)
    } else {
      standalone.push({ path, format: kind.kind === 'jsonl' ? 'vertex-jsonl' : 'auto' })
    }
  }
  for (const file of standalone) {
    if (referenced.has(file.path)) continue
    plan.datasets.push({
      name: file.path,
      spec: null,
      index: null,
      files: [{ path: file.path, split: null, format: file.format, from: null }],
      metadata: null,
      durations: null,
      problems: []
    })
  }
}

const UNKNOWN_ADVICE =
  'Fix the file, or declare it under datasets: in .github/dataset-gate.yml with its format: or columns:.'

async function planConfigured(
  source: FileSource,
  spec: DatasetSpec,
  exclude: string[]
): Promise<DatasetPlan> {
  const extras = {
    metadata: spec.metadata ? normalizeRepoPath(spec.metadata) : null,
    durations: spec.durations ? normalizeRepoPath(spec.durations) : null
  }
  const problems: PlanProblem[] = []
  for (const [key, value] of [
    ['metadata', spec.metadata],
    ['durations', spec.durations]
  ] as const) {
    if (value !== undefined && normalizeRepoPath(value) === null) {
      problems.push({
        rule: 'input-error',
        message: `${key} path "${clip(value)}" leaves the repository; it was not read.`,
        file: null,
        line: null
      })
    }
  }
  if (spec.index !== undefined) {
    const index = normalizeRepoPath(spec.index)
    if (index === null) {
      return {
        name: spec.name,
        spec,
        index: null,
        files: [],
        ...extras,
        problems: [
          ...problems,
          {
            rule: 'input-error',
            message: `index path "${clip(spec.index)}" leaves the repository; it was not read.`,
            file: null,
            line: null
          }
        ]
      }
    }
    const plan = await planIndex(source, index, spec.gcsPrefixMap, { name: spec.name, spec })
    return { ...plan, ...extras, problems: [...problems, ...plan.problems] }
  }
  const globs = spec.files ?? []
  const matched = await source.list(globs, exclude)
  if (matched.length === 0) {
    problems.push({
      rule: 'input-error',
      message: `files ${globs.join(', ')} matched no file in the ${source.label}. Fix the globs (they are relative to the repository root).`,
      file: null,
      line: null
    })
  }
  const format = spec.format === 'auto' && spec.columns ? 'columns' : spec.format
  return {
    name: spec.name,
    spec,
    index: null,
    files: matched.map(path => ({
      path,
      split: null,
      format: format === 'auto' && JSON_LINES.test(path) ? 'vertex-jsonl' : format,
      from: null
    })),
    ...extras,
    problems
  }
}
