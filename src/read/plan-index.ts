/**
 * An AutoML index and the rows files it lists: each index row resolved to a repository file (a
 * gs:// prefix map, else the index's own folder), every unusable row a finding at its line.
 */
import { posix } from 'node:path'
import type { RuleId, Severity } from '../model.js'
import type { DatasetSpec } from '../config/schema.js'
import { clip } from '../display.js'
import { parseIndexSplit } from './splits.js'
import type { DatasetPlan } from './dataset-plan.js'
import { normalizeRepoPath, type FileSource } from './source.js'
import type { RecordVisitor } from './records.js'
import { readRecords } from './text.js'

const MANIFEST = /\.(csv|jsonl|ndjson)$/i

export async function planIndex(
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
  const reader = new IndexRows(plan, indexPath, prefixMap)
  const result = await readRecords(source.open(indexPath), reader, {
    mode: 'csv',
    maxLineBytes: 64 * 1024
  })
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

/** The index's rows, each a rows file added to the plan or a problem at its line. */
class IndexRows implements RecordVisitor {
  /** (file, split) -> the line that listed it first: a file is read once per split. */
  private seen = new Map<string, number>()

  constructor(
    private plan: DatasetPlan,
    private indexPath: string,
    private prefixMap: Record<string, string>
  ) {}

  record(fields: string[], line: number): void {
    if (fields.length !== 2)
      return this.problem(
        line,
        'row-shape',
        `expected 2 fields (ML_USE,PATH) in an index, found ${fields.length}.`
      )
    const split = parseIndexSplit(fields[0]!)
    if (!split)
      return this.problem(
        line,
        'split-invalid',
        `ML_USE "${clip(fields[0]!)}" is not TRAIN, TEST or UNASSIGNED.`
      )
    if (split.problem) this.problem(line, 'split-invalid', split.problem, split.severity)
    const resolved = resolveReference(this.indexPath, fields[1]!.trim(), this.prefixMap)
    if ('problem' in resolved) return this.problem(line, 'input-error', resolved.problem)
    if (resolved.path === this.indexPath)
      return this.problem(
        line,
        'input-error',
        'the index lists itself; list the rows files instead.'
      )
    const key = `${resolved.path}\u0000${split.split}`
    const earlier = this.seen.get(key)
    if (earlier !== undefined)
      return this.problem(
        line,
        'duplicate-row',
        `${resolved.path} is already listed as ${split.split} on line ${earlier}; it is read once.`
      )
    this.seen.set(key, line)
    const spec = this.plan.spec
    this.plan.files.push({
      path: resolved.path,
      split: split.split,
      format: spec?.format === 'auto' || !spec ? 'automl-rows' : spec.format,
      from: { file: this.indexPath, line }
    })
  }

  blank(line: number): void {
    this.problem(line, 'row-shape', 'blank line in the index; delete it.', 'warning')
  }

  private problem(line: number, rule: RuleId, message: string, severity?: Severity): void {
    this.plan.problems.push({
      rule,
      message,
      file: this.indexPath,
      line,
      ...(severity ? { severity } : {})
    })
  }
}

/**
 * Maps an index's PATH to a repository file: a configured gs:// prefix (longest wins), else the
 * index's own folder by base name; plain relative paths are relative to the index.
 */
function resolveReference(
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
