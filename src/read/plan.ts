/**
 * Decides which files form which dataset: the configured datasets, or, without any, every AutoML
 * index (with the files it references) and every other manifest on its own. Index rows are resolved
 * to repository files here; a reference that cannot be used becomes a finding at its index line.
 */
import { posix } from 'node:path'
import type { FormatId, RuleId, Severity, Split } from '../model.js'
import type { DatasetSpec, GateConfig } from '../config/schema.js'
import { parseIndexSplit, clip } from '../analyze/values.js'
import picomatch from 'picomatch'
import { ALWAYS_EXCLUDED, normalizeRepoPath, type FileSource } from './source.js'
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
  /** A named path that could not be gated: the dataset carries only its input-error. */
  refused?: boolean
}

export interface Plan {
  datasets: DatasetPlan[]
  notes: string[]
  /**
   * Manifest-named files that were looked at and not gated, with the reason: the engine checks
   * them against the base (a file the base gated must not vanish from the gate by a disguise).
   */
  unrecognized: Map<string, string>
}

/**
 * What the gate discovers when no path is named, in the CLI and the action alike (the action's
 * `paths` input defaults to these): CSV and JSON Lines manifests anywhere under the root. The
 * extensions match in any case (`d.CSV` is a manifest too: a rename must not hide a dataset).
 */
export const DEFAULT_MANIFEST_GLOBS = ['**/*.[cC][sS][vV]', '**/*.[jJ][sS][oO][nN][lL]']
const MANIFEST = /\.(csv|jsonl|ndjson)$/i
const JSON_LINES = /\.(jsonl|ndjson)$/i
const GLOB_CHARS = /[*?[\]{}!]/

/** Which side of a comparison is planned: the base only plans what exists, silently. */
export type PlanSide = 'head' | 'base'

/** Named paths, expanded: the files they name and the refusals (missing, excluded, empty). */
interface NamedFiles {
  /** Repository file -> the PATH or glob that named it. */
  files: Map<string, string>
  refusals: DatasetPlan[]
  /** Named entries (folders, globs) -> the files found under them, to tell when one gated nothing. */
  entries: Map<string, string[]>
}

export async function planDatasets(
  source: FileSource,
  config: GateConfig,
  paths: string[],
  side: PlanSide = 'head'
): Promise<Plan> {
  const notes: string[] = []
  const unrecognized = new Map<string, string>()
  const named = paths.length > 0 ? await expandPaths(source, paths, config.exclude) : null
  const datasets: DatasetPlan[] = []

  if (config.datasets) {
    const covered = new Set<string>()
    const skipped: string[] = []
    for (const spec of config.datasets) {
      const plan = await planConfigured(source, spec, config.exclude)
      const files = datasetFiles(plan)
      // Named paths pick the configured datasets they touch; the others are listed as not gated.
      if (named && !files.some(file => named.files.has(file))) {
        skipped.push(spec.name)
        continue
      }
      files.forEach(file => covered.add(file))
      datasets.push(plan)
    }
    if (skipped.length > 0 && side === 'head')
      notes.push(
        `Not gated, because no named path belongs to them: ${skipped.map(name => `dataset "${name}"`).join(', ')}.`
      )
    if (named) {
      for (const [file, entry] of named.files) {
        if (covered.has(file)) continue
        const reason = `${file} is not part of any dataset in the configuration (${config.source ?? 'datasets:'}), so it was not gated. Add it to a dataset's files:, or leave it out of the paths.`
        unrecognized.set(file, 'it is not part of any dataset in the configuration')
        datasets.push(
          refusal(file, file, entry === file ? reason : `${reason} (matched by "${clip(entry)}")`)
        )
      }
    }
  } else {
    const files = named
      ? [...named.files.keys()].sort()
      : await source.list(DEFAULT_MANIFEST_GLOBS, config.exclude)
    const referenced = new Set<string>()
    const standalone: { path: string; format: FormatId | 'auto' }[] = []
    for (const path of files) {
      const kind = await sniff(source, path)
      if (kind.kind === 'index') {
        const plan = await planIndex(source, path, {}, { name: path, spec: null })
        plan.files.forEach(f => referenced.add(f.path))
        datasets.push(plan)
      } else if (kind.kind === 'unknown') {
        const reason = `not recognized as a dataset manifest (${kind.why})`
        unrecognized.set(path, `it is ${reason}`)
        if (named)
          datasets.push(
            refusal(path, path, `the file is ${reason}, so it was not gated. ${UNKNOWN_ADVICE}`)
          )
        else notes.push(`${path}: ${reason}; skipped. ${UNKNOWN_ADVICE}`)
      } else {
        standalone.push({ path, format: kind.kind === 'jsonl' ? 'vertex-jsonl' : 'auto' })
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
  }

  if (named && side === 'head') {
    datasets.push(...named.refusals)
    datasets.push(...emptyEntries(named, datasets))
  }
  datasets.sort((a, b) => a.name.localeCompare(b.name))
  return { datasets, notes, unrecognized }
}

const UNKNOWN_ADVICE =
  'Fix the file, or declare it under datasets: in .github/dataset-gate.yml with its format: or columns:.'

/** A dataset that stands for a named path the gate could not gate: one input-error, no rows. */
export function refusal(
  name: string,
  file: string | null,
  message: string,
  severity: Severity = 'error'
): DatasetPlan {
  return {
    name,
    spec: null,
    index: null,
    files: [],
    metadata: null,
    durations: null,
    problems: [{ rule: 'input-error', message, file, line: null, severity }],
    refused: true
  }
}

/**
 * A named folder or glob that gated nothing. An explicit file that was refused already says why;
 * a folder or a glob whose files all became datasets is fine.
 */
function emptyEntries(named: NamedFiles, datasets: DatasetPlan[]): DatasetPlan[] {
  const gated = new Set<string>()
  for (const plan of datasets) if (!plan.refused) datasetFiles(plan).forEach(f => gated.add(f))
  const plans: DatasetPlan[] = []
  for (const [entry, files] of named.entries) {
    if (files.some(file => gated.has(file))) continue
    if (files.length > 0) continue // each of its files is refused with its own reason
    const glob = GLOB_CHARS.test(entry)
    plans.push(
      refusal(
        entry,
        null,
        glob
          ? `the paths entry "${clip(entry)}" matched no CSV or JSON Lines file, so it gated nothing. Check the glob: it is relative to the repository root.`
          : `the folder "${clip(entry)}" holds no CSV or JSON Lines file, so it gated nothing. Name the manifest files, or the folder that holds them.`,
        glob ? 'warning' : 'error'
      )
    )
  }
  return plans
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

/**
 * Named paths (repository-relative, as the shells give them) to files. A file that is missing,
 * outside the repository or excluded by the configuration is refused here; a folder or glob
 * contributes the manifests under it (the configuration's `exclude` applies to those).
 */
async function expandPaths(
  source: FileSource,
  paths: string[],
  exclude: string[]
): Promise<NamedFiles> {
  const named: NamedFiles = { files: new Map(), refusals: [], entries: new Map() }
  const isExcluded = picomatch([...ALWAYS_EXCLUDED, ...exclude], { dot: true })
  for (const raw of paths) {
    const path = raw.trim()
    if (path.length === 0) continue
    if (GLOB_CHARS.test(path)) {
      const matched = await source.list([path], exclude)
      named.entries.set(path, matched)
      for (const file of matched) if (!named.files.has(file)) named.files.set(file, path)
      continue
    }
    const clean = normalizeRepoPath(path.replace(/\/+$/, '') || '.')
    if (clean === null) {
      named.refusals.push(
        refusal(
          path,
          null,
          `"${clip(path)}" is outside the repository; only files inside it are gated.`
        )
      )
      continue
    }
    const info = await source.stat(clean)
    if ('size' in info) {
      if (isExcluded(clean))
        named.refusals.push(
          refusal(
            clean,
            clean,
            `${clean} is excluded by the configuration's exclude: globs, so it was not gated. Remove it from the paths, or from exclude:.`
          )
        )
      else named.files.set(clean, clean)
      continue
    }
    const prefix = clean === '.' ? '' : `${clean}/`
    const inFolder =
      info.problem === 'not a regular file'
        ? await source.list(
            DEFAULT_MANIFEST_GLOBS.map(g => prefix + g),
            exclude
          )
        : null
    if (inFolder === null) {
      named.refusals.push(refusal(clean, clean, `${clean} cannot be gated: ${info.problem}.`))
      continue
    }
    named.entries.set(clean, inFolder)
    for (const file of inFolder) if (!named.files.has(file)) named.files.set(file, clean)
  }
  return named
}

type Sniffed = { kind: 'index' | 'rows' | 'jsonl' } | { kind: 'unknown'; why: string }

/** Records looked at to recognise a file: one broken first line must not hide a manifest. */
const SNIFF_RECORDS = 20

/**
 * Tells an index from a rows file from its first records, without reading the whole file. The
 * first record decides when it is recognisable; otherwise the format most of the next records
 * have (a comment or a broken line above the data becomes a row-shape finding when read).
 */
async function sniff(source: FileSource, path: string): Promise<Sniffed> {
  if (JSON_LINES.test(path)) return { kind: 'jsonl' }
  const info = await source.stat(path)
  if (!('size' in info)) return { kind: 'rows' } // reading it will report the problem
  const records: string[][] = []
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
        if (records.length < SNIFF_RECORDS) records.push(fields)
      },
      blank() {}
    },
    { mode: 'csv', maxLineBytes: 64 * 1024 }
  )
  await iterator.return?.()
  if (result.stop && result.stop.kind === 'syntax') return { kind: 'rows' } // reading it reports the syntax problem
  if (records.length === 0) return { kind: 'rows' } // empty file: reported when read
  const votes = new Map<FormatId, number>()
  for (const [i, fields] of records.entries()) {
    const format = detectFormat(fields, null)
    if (format === null) continue
    if (i === 0) return { kind: format === 'automl-index' ? 'index' : 'rows' }
    votes.set(format, (votes.get(format) ?? 0) + 1)
  }
  const [best] = [...votes].sort((a, b) => b[1] - a[1])
  if (best && best[1] * 2 >= records.length - 1)
    return { kind: best[0] === 'automl-index' ? 'index' : 'rows' }
  return { kind: 'unknown', why: describeUnknown(records) }
}

/** Why the first records fit no format: the field count, and the delimiter they seem to use. */
export function describeUnknown(records: string[][]): string {
  const first = records[0]!
  const delimiter = guessDelimiter(records.map(fields => fields.join(',')))
  const counts = [...new Set(records.map(r => r.length))].sort((a, b) => a - b)
  const shape = `its first ${records.length === 1 ? 'row has' : `${records.length} rows have`} ${counts.join(' or ')} comma-separated field${counts.length === 1 && counts[0] === 1 ? '' : 's'}`
  if (delimiter)
    return `${shape}; it seems to use ${delimiter} as the delimiter, and Google's formats use commas`
  return `${shape}, first "${clip(first.join(','), 40)}"; AutoML and Vertex AI rows have 2, 4 or 5 fields, and a headered file needs a video and a label column`
}

const DELIMITERS: [string, RegExp][] = [
  ['";" (semicolon)', /;/g],
  ['a tab', /\t/g],
  ['"|" (pipe)', /\|/g]
]

/** The delimiter every line has the same non-zero number of, when commas are not it. */
export function guessDelimiter(lines: string[]): string | null {
  if (lines.length === 0 || lines.some(line => line.includes(','))) return null
  for (const [name, pattern] of DELIMITERS) {
    const counts = lines.map(line => line.match(pattern)?.length ?? 0)
    if (counts[0]! > 0 && counts.every(c => c === counts[0])) return name
  }
  return null
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
      format: format === 'auto' && JSON_LINES.test(path) ? 'vertex-jsonl' : format,
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
