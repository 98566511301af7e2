/**
 * `fix`: the row repairs that have exactly one correct answer, each tied to the rule that finds the
 * problem. A label variant is renamed to its majority spelling; a repeated row (or a repeated
 * whole-video unlabeled row) loses its later copies; stray whitespace around a field goes; a
 * `GS://` scheme is written `gs://`. Everything else a row rule finds (an inverted segment, an
 * unknown container, ...) has more than one possible answer and is listed for a person.
 */
import { canonicalLabel } from '../analyze/labels.js'
import type { DatasetSpec } from '../config/schema.js'
import { compareText, type Finding, type FormatId, type RuleId } from '../model.js'
import { normalizeVideoKey, parseSeconds } from '../read/fields.js'
import { parseVertexSplit } from '../read/splits.js'
import { fieldSpans, fieldValue, rewriteFields } from './csv-line.js'
import type { DatasetRow, DatasetRows } from './dataset-rows.js'
import { fixJsonLine } from './fix-jsonl.js'
import { fieldIndexes, type FieldRole, type FixedLine } from './row-fields.js'
import {
  applyEdits,
  changed,
  splitLines,
  type EditedFile,
  type FileEdits,
  type FileText
} from './text-edits.js'

export interface Repair {
  rule: RuleId
  file: string
  line: number
  /** What changes, in words: `label "Surfing" -> "surfing"`, `delete: repeats line 12`. */
  what: string
  /** The line before and after; `after` null for a deleted line. */
  before: string
  after: string | null
}

export interface FixPlan {
  repairs: Repair[]
  /** Files the repairs change. */
  files: EditedFile[]
  /** Row findings no repair answers: a person decides. */
  needsPerson: Finding[]
}

/** Rules whose findings are repaired here when their problem is one of the mechanical ones. */
const REPAIRED: ReadonlySet<RuleId> = new Set(['duplicate-row', 'label-variant'])

const ROLE_RULE: Record<FieldRole, RuleId> = {
  split: 'split-invalid',
  video: 'uri-invalid',
  label: 'label-invalid',
  start: 'segment-invalid',
  end: 'segment-invalid'
}

export function planFixes(
  data: DatasetRows,
  findings: readonly Finding[],
  spec: DatasetSpec | null
): FixPlan {
  const texts = data.files.map(file => splitLines(file.bytes))
  const labels = labelTargets(data.rows)
  const byLine = rowsByLine(data.rows)
  const edits: FileEdits[] = data.files.map(file => ({ path: file.path, edits: [], append: [] }))
  const repairs: Repair[] = []
  const seen = new Map<string, string>()
  for (const rows of byLine) {
    const first = rows[0]!
    const file = data.files[first.file]!
    const text = texts[first.file]!
    const before = text.lines[first.line - 1]
    if (before === undefined) continue
    const fixed =
      file.format === 'vertex-jsonl'
        ? fixJsonLine(before, labels)
        : fixCsvLine(before, file, text, labels, spec)
    const at = { file: file.path, line: first.line, before }
    for (const change of fixed.changes)
      repairs.push({ ...at, rule: change.rule, what: change.what, after: fixed.line })
    const repeat = rows.length === 1 ? repeatOf(first, fixed.values, seen, file.path) : null
    if (repeat !== null) {
      edits[first.file]!.edits.push({ line: first.line, remove: true })
      repairs.push({
        ...at,
        rule: first.label === '' ? 'unlabeled-video' : 'duplicate-row',
        what: `delete: repeats ${repeat}`,
        after: null
      })
    } else if (fixed.line !== before) {
      edits[first.file]!.edits.push({ line: first.line, replace: fixed.line })
    }
  }
  const files = edits.map((e, i) => applyEdits(texts[i]!, e)).filter(changed)
  return {
    repairs: repairs.sort(compareRepairs),
    files,
    needsPerson: leftForPerson(findings, repairs)
  }
}

function compareRepairs(a: Repair, b: Repair): number {
  return compareText(a.file, b.file) || a.line - b.line || compareText(a.rule, b.rule)
}

/** Each label to its spelling after the fix: the class's most used spelling, trimmed. */
export function labelTargets(rows: readonly DatasetRow[]): Map<string, string> {
  const counts = new Map<string, number>()
  const order: string[] = []
  for (const row of rows) {
    if (row.label === '') continue
    const n = counts.get(row.label)
    if (n === undefined) order.push(row.label)
    counts.set(row.label, (n ?? 0) + 1)
  }
  const best = new Map<string, string>()
  for (const label of order) {
    const canonical = canonicalLabel(label)
    const current = best.get(canonical)
    if (current === undefined || counts.get(label)! > counts.get(current)!)
      best.set(canonical, label)
  }
  const targets = new Map<string, string>()
  for (const label of order) targets.set(label, best.get(canonicalLabel(label))!.trim())
  return targets
}

/**
 * The rows of each line, in order: the rows come in reading order (files in order, lines rising),
 * so a line's rows (a JSON Lines object's segments) are consecutive. Grouped by walking them rather
 * than by a key per row: a Map of 1.6 M "file:line" keys was a fifth of fix's time.
 */
function rowsByLine(rows: readonly DatasetRow[]): DatasetRow[][] {
  const byLine: DatasetRow[][] = []
  let current: DatasetRow[] | null = null
  for (const row of rows) {
    const last = current?.[0]
    if (current && last!.file === row.file && last!.line === row.line) current.push(row)
    else byLine.push((current = [row]))
  }
  return byLine
}

function fixCsvLine(
  line: string,
  file: DatasetRows['files'][number],
  text: FileText,
  labels: Map<string, string>,
  spec: DatasetSpec | null
): FixedLine {
  const spans = fieldSpans(line)
  const indexes = spans && fieldIndexes(file, text, spans.length, spec?.columns)
  if (!spans || !indexes) return { line, changes: [], values: null }
  const values = new Map<number, string>()
  const changes: FixedLine['changes'] = []
  const after: Record<FieldRole, string> = { split: '', video: '', label: '', start: '', end: '' }
  for (const role of ['split', 'video', 'label', 'start', 'end'] as const) {
    const index = indexes[role]
    if (index === undefined || index >= spans.length) continue
    const value = fieldValue(line, spans[index]!)
    const fixed = fixValue(role, value, labels, spec, file.format)
    after[role] = fixed.value
    if (fixed.value === value) continue
    values.set(index, fixed.value)
    changes.push({
      rule: fixed.rule ?? ROLE_RULE[role],
      what: `${role} ${JSON.stringify(value)} -> ${JSON.stringify(fixed.value)}`
    })
  }
  const rewritten = values.size > 0 ? rewriteFields(line, values) : line
  return { line: rewritten ?? line, changes: rewritten === null ? [] : changes, values: after }
}

function fixValue(
  role: FieldRole,
  value: string,
  labels: Map<string, string>,
  spec: DatasetSpec | null,
  format: FormatId | null
): { value: string; rule?: RuleId } {
  const trimmed = value.trim()
  if (role === 'split' && format === 'vertex-csv') return { value: documentedMlUse(trimmed) }
  if (role === 'label' && trimmed !== '') {
    const target = labels.get(value) ?? trimmed
    return target !== trimmed ? { value: target, rule: 'label-variant' } : { value: target }
  }
  if (role === 'video' && (spec?.videoKey ?? 'uri') === 'uri') return { value: fixScheme(trimmed) }
  return { value: trimmed }
}

/**
 * An ML_USE spelling Vertex AI does not document whose intent is plain and has one documented
 * form (`TRAIN` -> `training`, `eval` -> `test`); `validation` and its spellings are a person's call.
 */
function documentedMlUse(value: string): string {
  const read = parseVertexSplit(value)
  if (read?.spelling !== 'undocumented') return value
  return read.split === 'TRAIN' ? 'training' : read.split === 'TEST' ? 'test' : value
}

/** `GS://`, `Gs://`: the scheme in the wrong case. */
export function fixScheme(uri: string): string {
  return /^gs:\/\//i.test(uri) && !uri.startsWith('gs://') ? 'gs://' + uri.slice(5) : uri
}

/** Where the row it repeats is (the first with its split, video, label and times), else null. */
function repeatOf(
  row: DatasetRow,
  values: FixedLine['values'],
  seen: Map<string, string>,
  path: string
): string | null {
  const v = values ?? {
    split: '',
    video: row.uri,
    label: row.label,
    start: row.start,
    end: row.end
  }
  const time = (t: string) => {
    const parsed = parseSeconds(t.trim())
    return parsed.ok ? String(parsed.value) : t.trim().toLowerCase()
  }
  const identity = [
    row.split,
    normalizeVideoKey(fixScheme(v.video.trim() || row.uri.trim()), 'uri'),
    v.label || row.label.trim(),
    time(v.start || row.start),
    time(v.end || row.end)
  ].join('\u0000')
  const first = seen.get(identity)
  if (first !== undefined) return first
  seen.set(identity, `${path}:${row.line}`)
  return null
}

/** Row findings on lines no repair touched, and of rules a repair does not answer. */
function leftForPerson(findings: readonly Finding[], repairs: readonly Repair[]): Finding[] {
  const touched = new Set(repairs.map(r => `${r.file}:${r.line}`))
  return findings.filter(
    f =>
      f.file !== null &&
      f.line !== null &&
      f.omitted === undefined &&
      f.severity !== 'notice' &&
      !REPAIRED.has(f.rule) &&
      !touched.has(`${f.file}:${f.line}`) &&
      [
        'uri-invalid',
        'label-missing',
        'label-invalid',
        'segment-invalid',
        'split-invalid',
        'row-shape',
        'csv-syntax',
        'unlabeled-video'
      ].includes(f.rule)
  )
}
