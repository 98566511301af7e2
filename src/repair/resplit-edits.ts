/**
 * A new assignment written in the dataset's own format: the ML_USE field of a Vertex CSV row, the
 * ml_use resource label of a JSON Lines object, the split column of a `columns` manifest, or, for
 * files that hold one split (the rows files of an AutoML index, per-split files), the row's line
 * moved, unchanged, to the end of a file of its new split. Removed rows lose their line.
 */
import type { DatasetSpec } from '../config/schema.js'
import { SPLITS, type Split } from '../model.js'
import { DEFAULT_SPLIT_VALUES } from '../read/splits.js'
import { fieldSpans, fieldValue, rewriteFields } from './csv-line.js'
import type { DatasetFile, RowTable } from './dataset-rows.js'
import { fieldIndexes } from './row-fields.js'
import {
  applyEdits,
  changed,
  type EditedFile,
  type FileEdits,
  type FileText
} from './text-edits.js'

const VERTEX_SPELLING: Record<Split, string> = {
  TRAIN: 'training',
  VALIDATION: 'validation',
  TEST: 'test',
  UNASSIGNED: 'unassigned'
}

const ML_USE = /("aiplatform\.googleapis\.com\/ml_use"\s*:\s*)"(?:[^"\\]|\\.)*"/

export class ResplitWriteError extends Error {}

export function writeAssignment(
  files: readonly DatasetFile[],
  rows: RowTable,
  rowSplit: Int8Array,
  spec: DatasetSpec | null
): EditedFile[] {
  const cursors = files.map(file => file.text.cursor())
  const edits: FileEdits[] = files.map(file => ({ path: file.path, edits: [], append: [] }))
  const spellings = new Map<string, string>()
  // Rows come in reading order: a line's rows (a JSON Lines object's segments) are consecutive.
  let lastFile = -1
  let lastLine = -1
  for (let i = 0; i < rows.length; i++) {
    const to = rowSplit[i]!
    const fileIndex = rows.file[i]!
    const lineNumber = rows.line[i]!
    if (to === rows.split[i] || (fileIndex === lastFile && lineNumber === lastLine)) continue
    lastFile = fileIndex
    lastLine = lineNumber
    const file = files[fileIndex]!
    const line = cursors[fileIndex]!.text(lineNumber)!
    if (to === -1) {
      edits[fileIndex]!.edits.push({ line: lineNumber, remove: true })
      continue
    }
    const split = SPLITS[to]!
    if (file.split !== null) {
      const target = files.findIndex(f => f.split === split)
      if (target === -1)
        throw new ResplitWriteError(
          `the dataset has no file for ${split} rows (add one to the index) to move ${rows.uris.values[rows.uri[i]!]!} into`
        )
      edits[fileIndex]!.edits.push({ line: lineNumber, remove: true })
      edits[target]!.append.push(line)
      continue
    }
    const rewritten = rewriteSplit(line, file, split, spec, spellings)
    if (rewritten === null)
      throw new ResplitWriteError(
        `${file.path}:${lineNumber}: the row's split cannot be rewritten in place`
      )
    edits[fileIndex]!.edits.push({ line: lineNumber, replace: rewritten })
  }
  return edits.map((e, i) => applyEdits(files[i]!.text, e)).filter(changed)
}

function rewriteSplit(
  line: string,
  file: DatasetFile,
  split: Split,
  spec: DatasetSpec | null,
  spellings: Map<string, string>
): string | null {
  if (file.format === 'vertex-jsonl') {
    if (!ML_USE.test(line)) return null
    return line.replace(
      ML_USE,
      (_whole, key: string) => key + JSON.stringify(spelling(file, split, spec, spellings))
    )
  }
  const spans = fieldSpans(line)
  if (spans === null) return null
  const indexes = fieldIndexes(file, spans.length, spec?.columns)
  const value = spelling(file, split, spec, spellings)
  if (indexes?.split === undefined) {
    // A Vertex CSV row without ML_USE: the column is added in front.
    return file.format === 'vertex-csv' && spans.length === 4 ? `${value},${line}` : null
  }
  return rewriteFields(line, new Map([[indexes.split, value]]))
}

/** How the file already writes `split`, else the format's documented spelling. */
function spelling(
  file: DatasetFile,
  split: Split,
  spec: DatasetSpec | null,
  cache: Map<string, string>
): string {
  const key = `${file.path}\u0000${split}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  let found: string | undefined
  if (file.format === 'columns') {
    const values = spec?.splitValues ?? DEFAULT_SPLIT_VALUES
    const indexes = fieldIndexes(file, 0, spec?.columns)
    found = usedSpelling(
      file.text,
      indexes?.split,
      v => values[v] ?? values[v.trim().toLowerCase()],
      split
    )
    found ??= Object.keys(values).find(v => values[v] === split)
  } else if (file.format === 'vertex-csv') {
    found = usedSpelling(file.text, 0, v => vertexSplit(v), split)
  }
  const result = found ?? VERTEX_SPELLING[split]
  cache.set(key, result)
  return result
}

function vertexSplit(value: string): Split | undefined {
  const v = value.trim().toLowerCase()
  return v === 'training' || v === 'train'
    ? 'TRAIN'
    : v === 'test'
      ? 'TEST'
      : v === 'validation'
        ? 'VALIDATION'
        : undefined
}

function usedSpelling(
  text: FileText,
  index: number | undefined,
  splitOf: (value: string) => Split | undefined,
  split: Split
): string | undefined {
  if (index === undefined) return undefined
  const cursor = text.cursor()
  for (let n = 1; n <= 10_000; n++) {
    const line = cursor.text(n)
    if (line === undefined) break
    const spans = fieldSpans(line)
    if (!spans || index >= spans.length) continue
    const value = fieldValue(line, spans[index]!)
    if (splitOf(value) === split) return value
  }
  return undefined
}
