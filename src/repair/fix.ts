/**
 * `fix`: the row repairs that have exactly one correct answer, each tied to the rule that finds the
 * problem. A label variant is renamed to its majority spelling; a repeated row (or a repeated
 * whole-video unlabeled row) loses its later copies; stray whitespace around a field goes; a
 * `GS://` scheme is written `gs://`. Everything else a row rule finds (an inverted segment, an
 * unknown container, ...) has more than one possible answer and is listed for a person.
 */
import { canonicalLabel } from '../analyze/labels.js'
import type { DatasetSpec } from '../config/schema.js'
import { compareText, SPLITS, type Finding, type FormatId, type RuleId } from '../model.js'
import { normalizeVideoKey, parseSeconds } from '../read/fields.js'
import { parseVertexSplit } from '../read/splits.js'
import { fieldSpans, fieldValue, rewriteFields } from './csv-line.js'
import { Interned, type DatasetFile, type DatasetRows, type RowVisitor } from './dataset-rows.js'
import { fixJsonLine } from './fix-jsonl.js'
import { RepeatFinder } from './repeats.js'
import { fieldIndexes, type FieldRole, type FixedLine } from './row-fields.js'
import { applyEdits, changed, type EditedFile, type FileEdits } from './text-edits.js'

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

/** A row of a line being fixed, as the reader gave it. */
interface LineRow {
  split: number
  uri: string
  label: string
  start: string
  end: string
}

/**
 * The fixes of a dataset, in two readings of its rows (three when rows repeat): the labels' counts
 * first (a label's target is its class's most used spelling), then each line fixed in order, its
 * repeats found by a hash of the row after its fix (`RepeatFinder`) and confirmed on a last reading.
 * Nothing per row is kept beyond that hash.
 */
export async function planFixes(
  data: DatasetRows,
  counted: LabelCounts,
  findings: readonly Finding[],
  spec: DatasetSpec | null
): Promise<FixPlan> {
  const labels = labelTargets(counted)
  const edits: FileEdits[] = data.files.map(file => ({ path: file.path, edits: [], append: [] }))
  const repairs: Repair[] = []
  const repeats = new RepeatFinder(counted.rows)
  await forEachLine(data, (fileIndex, line, before, rows) => {
    const fixed = fixLine(data.files[fileIndex]!, before, labels, spec)
    if (fixed === null) return
    const file = data.files[fileIndex]!
    for (const change of fixed.changes)
      repairs.push({ file: file.path, line, before: before!, ...change, after: fixed.line })
    if (rows.length === 1) repeats.add(identityOf(rows[0]!, fixed.values))
    if (fixed.line !== before) edits[fileIndex]!.edits.push({ line, replace: fixed.line })
  })
  if (repeats.found) {
    // Rows whose hash came twice: their identities compared in full, in row order.
    const firsts = new Map<string, string>()
    const removed = edits.map(() => new Set<number>())
    let ordinal = 0
    await forEachLine(data, (fileIndex, line, before, rows) => {
      if (before === undefined || rows.length !== 1 || !repeats.flagged(ordinal++)) return
      const fixed = fixLine(data.files[fileIndex]!, before, labels, spec)!
      const path = data.files[fileIndex]!.path
      const identity = identityOf(rows[0]!, fixed.values)
      const first = firsts.get(identity)
      if (first === undefined) {
        firsts.set(identity, `${path}:${line}`)
        return
      }
      removed[fileIndex]!.add(line)
      repairs.push({
        file: path,
        line,
        before,
        rule: rows[0]!.label === '' ? 'unlabeled-video' : 'duplicate-row',
        what: `delete: repeats ${first}`,
        after: null
      })
    })
    edits.forEach((fileEdits, i) => {
      fileEdits.edits = fileEdits.edits.filter(edit => !removed[i]!.has(edit.line))
      for (const line of removed[i]!) fileEdits.edits.push({ line, remove: true })
    })
  }
  const files = edits.map((e, i) => applyEdits(data.files[i]!.text, e)).filter(changed)
  return {
    repairs: repairs.sort(compareRepairs),
    files,
    needsPerson: leftForPerson(findings, repairs)
  }
}

/**
 * Visits each line's rows in order (a JSON Lines object's segments are one line's rows): the
 * readers give rows in reading order, so a line's rows come together.
 */
async function forEachLine(
  data: DatasetRows,
  visit: (file: number, line: number, text: string | undefined, rows: LineRow[]) => void
): Promise<void> {
  const cursors = data.files.map(file => file.text.cursor())
  let file = -1
  let line = -1
  let rows: LineRow[] = []
  const flush = () => {
    if (rows.length > 0) visit(file, line, cursors[file]!.text(line), rows)
  }
  await data.forEachRow((rowFile, rowLine, split, uri, label, start, end) => {
    if (rowFile !== file || rowLine !== line) {
      flush()
      file = rowFile
      line = rowLine
      rows = []
    }
    rows.push({ split, uri, label, start, end })
  })
  flush()
}

/** One line's text after its mechanical repairs, or null when the file has no such line. */
function fixLine(
  file: DatasetFile,
  before: string | undefined,
  labels: Map<string, string>,
  spec: DatasetSpec | null
): FixedLine | null {
  if (before === undefined) return null
  return file.format === 'vertex-jsonl'
    ? fixJsonLine(before, labels)
    : fixCsvLine(before, file, labels, spec)
}

function compareRepairs(a: Repair, b: Repair): number {
  return compareText(a.file, b.file) || a.line - b.line || compareText(a.rule, b.rule)
}

/** The rows and each label spelling's rows, counted as the dataset is loaded (`visit`). */
export class LabelCounts {
  rows = 0
  readonly spellings = new Interned()
  readonly counts: number[] = []
  readonly visit: RowVisitor = (_file, _line, _split, _uri, label) => {
    this.rows++
    if (label === '') return
    const id = this.spellings.id(label)
    this.counts[id] = (this.counts[id] ?? 0) + 1
  }
}

/** Each label to its spelling after the fix: the class's most used spelling, trimmed. */
function labelTargets({ spellings, counts }: LabelCounts): Map<string, string> {
  const best = new Map<string, number>() // canonical form -> id of its most used spelling
  spellings.values.forEach((label, id) => {
    const canonical = canonicalLabel(label)
    const current = best.get(canonical)
    if (current === undefined || counts[id]! > counts[current]!) best.set(canonical, id)
  })
  const targets = new Map<string, string>()
  for (const label of spellings.values)
    targets.set(label, spellings.values[best.get(canonicalLabel(label))!]!.trim())
  return targets
}

function fixCsvLine(
  line: string,
  file: DatasetFile,
  labels: Map<string, string>,
  spec: DatasetSpec | null
): FixedLine {
  const spans = fieldSpans(line)
  const indexes = spans && fieldIndexes(file, spans.length, spec?.columns)
  if (!spans || !indexes) return { line, changes: [], values: null }
  let values: Map<number, string> | null = null
  const changes: FixedLine['changes'] = []
  const after: Record<FieldRole, string> = { split: '', video: '', label: '', start: '', end: '' }
  for (const role of ROLES) {
    const index = indexes[role]
    if (index === undefined || index >= spans.length) continue
    const value = fieldValue(line, spans[index]!)
    const fixed = fixValue(role, value, labels, spec, file.format)
    after[role] = fixed
    if (fixed === value) continue
    ;(values ??= new Map()).set(index, fixed)
    changes.push({
      rule: role === 'label' && fixed !== value.trim() ? 'label-variant' : ROLE_RULE[role],
      what: `${role} ${JSON.stringify(value)} -> ${JSON.stringify(fixed)}`
    })
  }
  const rewritten = values ? rewriteFields(line, values) : line
  return { line: rewritten ?? line, changes: rewritten === null ? [] : changes, values: after }
}

const ROLES = ['split', 'video', 'label', 'start', 'end'] as const

function fixValue(
  role: FieldRole,
  value: string,
  labels: Map<string, string>,
  spec: DatasetSpec | null,
  format: FormatId | null
): string {
  const trimmed = value.trim()
  if (role === 'split' && format === 'vertex-csv') return documentedMlUse(trimmed)
  if (role === 'label' && trimmed !== '') return labels.get(value) ?? trimmed
  if (role === 'video' && (spec?.videoKey ?? 'uri') === 'uri') return fixScheme(trimmed)
  return trimmed
}

/**
 * An ML_USE spelling Vertex AI does not document whose intent is plain and has one documented
 * form (`TRAIN` -> `training`, `eval` -> `test`); `validation` and its spellings are a person's call.
 */
function documentedMlUse(value: string): string {
  let result = mlUseSpellings.get(value)
  if (result !== undefined) return result
  const read = parseVertexSplit(value)
  result =
    read?.spelling !== 'undocumented'
      ? value
      : read.split === 'TRAIN'
        ? 'training'
        : read.split === 'TEST'
          ? 'test'
          : value
  // A file has a handful of spellings; a cap keeps one with a different value per row bounded.
  if (mlUseSpellings.size < 1000) mlUseSpellings.set(value, result)
  return result
}

const mlUseSpellings = new Map<string, string>()

/** `GS://`, `Gs://`: the scheme in the wrong case. */
export function fixScheme(uri: string): string {
  if (uri.startsWith('gs://')) return uri
  return /^gs:\/\//i.test(uri) ? 'gs://' + uri.slice(5) : uri
}

/** What makes a row a repeat of another after the fix: split, video key, label and times. */
function identityOf(row: LineRow, values: FixedLine['values']): string {
  const v = values ?? {
    split: '',
    video: row.uri,
    label: row.label,
    start: row.start,
    end: row.end
  }
  const video = normalizeVideoKey(fixScheme(v.video.trim() || row.uri.trim()), 'uri')
  const label = v.label || row.label.trim()
  const times = time(v.start || row.start) + '\u0000' + time(v.end || row.end)
  return SPLITS[row.split] + '\u0000' + video + '\u0000' + label + '\u0000' + times
}

/** A time as the identity has it: the number's shortest spelling when it is one, else the text. */
function time(text: string): string {
  const trimmed = text.trim()
  const parsed = parseSeconds(trimmed)
  if (!parsed.ok) return trimmed.toLowerCase()
  return isShortestSpelling(trimmed, parsed.decimals, parsed.value) ? trimmed : String(parsed.value)
}

/**
 * Whether String(value) would give `text` back (a shortcut: number-to-text conversions were a
 * tenth of fix's time): up to 15 digits read exactly, so the text is the shortest spelling when
 * it has no leading zero before its point, no trailing zero after it, and its value is at least
 * 1e-6 (below that String writes an exponent).
 */
function isShortestSpelling(text: string, decimals: number, value: number): boolean {
  if (text.length > 15) return false
  if (text.charCodeAt(0) === 48 && text.length > 1 && text.charCodeAt(1) !== 46) return false
  if (decimals === 0) return true
  return text.charCodeAt(text.length - 1) !== 48 && value >= 1e-6
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
