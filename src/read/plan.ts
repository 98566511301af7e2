/**
 * Decides which files form which dataset: the configured datasets, or, without any, every AutoML
 * index (with the files it references) and every other manifest on its own. Index rows are resolved
 * to repository files here; a reference that cannot be used becomes a finding at its index line.
 */
import { posix } from 'node:path'
import type { FormatId, RuleId, Severity, Split } from '../model.js'
import type { DatasetSpec, GateConfig } from '../config/schema.js'
import { parseIndexSplit, clip } from '../analyze/values.js'
import { normalizeRepoPath, type FileSource } from './source.js'
import { readRecords } from './text.js'
import { detectFormat } from './formats.js'

export interface PlannedFile {
  path: string
  split: Split | null
  format: FormatId | 'auto'
  /** The index line that referenced it. */
  from: { file: string; line: number } | null
}

export interface PlanProblem {
  rule: RuleId
  message: string
  file: string | null
  line: number | null
  severity?: Severity
}

export interface DatasetPlan {
  name: string
  spec: DatasetSpec | null
  index: string | null
  files: PlannedFile[]
  metadata: string | null
  durations: string | null
  problems: PlanProblem[]
}

export interface Plan {
  datasets: DatasetPlan[]
  notes: string[]
}

/**
 * What the gate discovers when no path is named, in the CLI and the action alike (the action's
 * `paths` input defaults to these): CSV and JSON Lines manifests anywhere under the root.
 */
export const DEFAULT_MANIFEST_GLOBS = ['**/*.csv', '**/*.jsonl']
const MANIFEST = /\.(csv|jsonl|ndjson)$/i
const GLOB_CHARS = /[*?[\]{}!]/

export class PlanError extends Error {}

export async function planDatasets(
  source: FileSource,
  config: GateConfig,
  paths: string[]
): Promise<Plan> {
  const notes: string[] = []
  const candidates = paths.length > 0 ? await expandPaths(source, paths, config.exclude) : null

  if (config.datasets) {
    const plans: DatasetPlan[] = []
    for (const spec of config.datasets) {
      const plan = await planConfigured(source, spec, config.exclude)
      if (candidates && !datasetFiles(plan).some(file => candidates.has(file))) continue
      plans.push(plan)
    }
    return { datasets: plans, notes }
  }

  const files = candidates
    ? [...candidates].sort()
    : await source.list(DEFAULT_MANIFEST_GLOBS, config.exclude)
  const datasets: DatasetPlan[] = []
  const referenced = new Set<string>()
  const standalone: { path: string; format: FormatId | 'auto' }[] = []
  for (const path of files) {
    const kind = await sniff(source, path)
    if (kind === 'index') {
      const plan = await planIndex(source, path, {}, { name: path, spec: null })
      plan.files.forEach(f => referenced.add(f.path))
      datasets.push(plan)
    } else if (kind === 'unknown') {
      notes.push(
        `${path}: not recognized as a dataset manifest (no AutoML, Vertex AI or known header layout); skipped. Declare it under datasets: to gate it.`
      )
    } else {
      standalone.push({ path, format: kind === 'jsonl' ? 'vertex-jsonl' : 'auto' })
    }
  }
  for (const file of standalone) {
    if (referenced.has(file.path)) continue
    datasets.push({
      name: file.path,
      spec: null,
      index: null,
      files: [{ path: file.path, split: null, format: file.format, from: null }],
      metadata: null,
      durations: null,
      problems: []
    })
  }
  datasets.sort((a, b) => a.name.localeCompare(b.name))
  return { datasets, notes }
}

/** Every repository file a dataset depends on: a change to any of them touches the dataset. */
export function datasetFiles(plan: DatasetPlan): string[] {
  return [
    ...(plan.index ? [plan.index] : []),
    ...plan.files.map(f => f.path),
    ...(plan.metadata ? [plan.metadata] : []),
    ...(plan.durations ? [plan.durations] : [])
  ]
}

async function expandPaths(
  source: FileSource,
  paths: string[],
  exclude: string[]
): Promise<Set<string>> {
  const result = new Set<string>()
  for (const raw of paths) {
    const path = raw.trim()
    if (path.length === 0) continue
    if (GLOB_CHARS.test(path)) {
      for (const file of await source.list([path], exclude)) result.add(file)
      continue
    }
    const clean = normalizeRepoPath(path)
    if (clean === null)
      throw new PlanError(
        `${raw}: the path is outside the repository (or the current folder); give a path inside it`
      )
    const info = await source.stat(clean)
    if ('size' in info) {
      result.add(clean)
      continue
    }
    const prefix = clean === '.' ? '' : `${clean}/`
    const inFolder = await source.list(
      DEFAULT_MANIFEST_GLOBS.map(g => prefix + g),
      exclude
    )
    if (inFolder.length === 0 && info.problem !== 'not a regular file')
      throw new PlanError(`${raw}: ${info.problem}`)
    inFolder.forEach(file => result.add(file))
  }
  return result
}

/** Looks at the first record to tell an index from a rows file without reading the whole file. */
async function sniff(
  source: FileSource,
  path: string
): Promise<'index' | 'rows' | 'jsonl' | 'unknown'> {
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl'
  const info = await source.stat(path)
  if (!('size' in info)) return 'rows' // reading it will report the problem
  let first: string[] | null = null
  const iterator = source.open(path)[Symbol.asyncIterator]()
  const firstChunks = {
    async *[Symbol.asyncIterator]() {
      const { value, done } = await iterator.next()
      if (done) return
      const window = (value as Buffer).subarray(0, 64 * 1024)
      // Whole lines only: a first line cut by the window is not the first record (a 10 MB line
      // would sniff as a 2-field record and the file be skipped); the full read reports it.
      yield window.length >= info.size ? window : window.subarray(0, window.lastIndexOf(10) + 1)
    }
  }
  const result = await readRecords(
    firstChunks,
    {
      record(fields) {
        first ??= fields
      },
      blank() {}
    },
    { mode: 'csv', maxLineBytes: 64 * 1024 }
  )
  await iterator.return?.()
  if (result.stop && result.stop.kind === 'syntax') return 'rows' // reading it reports the syntax problem
  if (first === null) return 'rows' // empty file: reported when read
  const format = detectFormat(first, null)
  if (format === 'automl-index') return 'index'
  return format === null ? 'unknown' : 'rows'
}

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
      format: format === 'auto' && /\.(jsonl|ndjson)$/i.test(path) ? 'vertex-jsonl' : format,
      from: null
    })),
    ...extras,
    problems
  }
}

async function planIndex(
  source: FileSource,
  indexPath: string,
  prefixMap: Record<string, string>,
  identity: { name: string; spec: DatasetSpec | null }
): Promise<DatasetPlan> {
  const plan: DatasetPlan = {
    ...identity,
    index: indexPath,
    files: [],
    metadata: null,
    durations: null,
    problems: []
  }
  const info = await source.stat(indexPath)
  if (!('size' in info)) {
    plan.problems.push({
      rule: 'input-error',
      message: `the index ${indexPath} cannot be read: ${info.problem}.`,
      file: indexPath,
      line: null
    })
    return plan
  }
  const seen = new Map<string, number>()
  const result = await readRecords(
    source.open(indexPath),
    {
      record(fields, line) {
        const problem = (rule: RuleId, message: string, severity?: Severity) =>
          plan.problems.push({
            rule,
            message,
            file: indexPath,
            line,
            ...(severity ? { severity } : {})
          })
        if (fields.length !== 2)
          return problem(
            'row-shape',
            `expected 2 fields (ML_USE,PATH) in an index, found ${fields.length}.`
          )
        const split = parseIndexSplit(fields[0]!)
        if (!split)
          return problem(
            'split-invalid',
            `ML_USE "${clip(fields[0]!)}" is not TRAIN, TEST or UNASSIGNED.`
          )
        if (split.problem) problem('split-invalid', split.problem, split.severity)
        const resolved = resolveReference(indexPath, fields[1]!.trim(), prefixMap)
        if ('problem' in resolved) return problem('input-error', resolved.problem)
        if (resolved.path === indexPath)
          return problem('input-error', 'the index lists itself; list the rows files instead.')
        const key = `${resolved.path}\u0000${split.split}`
        const earlier = seen.get(key)
        if (earlier !== undefined)
          return problem(
            'duplicate-row',
            `${resolved.path} is already listed as ${split.split} on line ${earlier}; it is read once.`
          )
        seen.set(key, line)
        plan.files.push({
          path: resolved.path,
          split: split.split,
          format:
            identity.spec?.format === 'auto' || !identity.spec
              ? 'automl-rows'
              : identity.spec.format,
          from: { file: indexPath, line }
        })
      },
      blank(line) {
        plan.problems.push({
          rule: 'row-shape',
          message: 'blank line in the index; delete it.',
          file: indexPath,
          line,
          severity: 'warning'
        })
      }
    },
    { mode: 'csv', maxLineBytes: 64 * 1024 }
  )
  if (result.stop)
    plan.problems.push({
      rule: result.stop.kind === 'syntax' ? 'csv-syntax' : 'resource-limit',
      message: result.stop.message,
      file: indexPath,
      line: result.stop.line
    })
  if (plan.files.length === 0 && !result.stop) {
    plan.problems.push({
      rule: 'input-error',
      message: 'the index lists no usable rows files.',
      file: indexPath,
      line: null
    })
  }
  const splits = new Set(plan.files.map(f => f.split))
  if (splits.has('TRAIN') && !splits.has('TEST') && !splits.has('UNASSIGNED')) {
    plan.problems.push({
      rule: 'split-invalid',
      severity: 'warning',
      message:
        'the index has a TRAIN file but no TEST or UNASSIGNED file; AutoML expects both sides.',
      file: indexPath,
      line: null
    })
  }
  return plan
}

/**
 * Maps an index's PATH to a repository file: a configured gs:// prefix (longest wins), else the
 * index's own folder by base name; plain relative paths are relative to the index.
 */
export function resolveReference(
  indexPath: string,
  reference: string,
  prefixMap: Record<string, string>
): { path: string } | { problem: string } {
  if (reference.length === 0) return { problem: 'the PATH field is empty.' }
  const folder = posix.dirname(indexPath)
  let candidate: string
  if (reference.startsWith('gs://')) {
    const prefix = Object.keys(prefixMap)
      .filter(p => reference.startsWith(p))
      .sort((a, b) => b.length - a.length)[0]
    candidate =
      prefix !== undefined
        ? posix.join(prefixMap[prefix]!, reference.slice(prefix.length))
        : posix.join(folder, posix.basename(reference))
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(reference)) {
    return { problem: `"${clip(reference)}" is not a gs:// URI or a repository path.` }
  } else if (reference.startsWith('/') || /^[A-Za-z]:[\\/]/.test(reference)) {
    return {
      problem: `"${clip(reference)}" is an absolute path; only files inside the repository are read. Use a path relative to the index.`
    }
  } else {
    candidate = posix.join(folder, reference.replace(/\\/g, '/'))
  }
  const clean = normalizeRepoPath(candidate)
  if (clean === null)
    return {
      problem: `"${clip(reference)}" resolves outside the repository; only files inside it are read.`
    }
  if (!MANIFEST.test(clean)) return { problem: `"${clip(reference)}" does not name a CSV file.` }
  return { path: clean }
}
