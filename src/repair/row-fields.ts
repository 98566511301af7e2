/**
 * Which CSV field of a row holds what (video, label, start, end, split), per format, so a repair
 * rewrites the field the reader took the value from.
 */
import type { ColumnMap } from '../config/schema.js'
import type { RuleId } from '../model.js'
import { inferColumns } from '../read/formats.js'
import { fieldSpans, fieldValue } from './csv-line.js'
import type { DatasetFile } from './dataset-rows.js'
import type { FileText } from './text-edits.js'

export type FieldRole = 'split' | 'video' | 'label' | 'start' | 'end'
export type FieldIndexes = Partial<Record<FieldRole, number>>

/** Field indexes of a row with `count` fields in `file`; null when the format has no CSV fields. */
export function fieldIndexes(
  file: DatasetFile,
  count: number,
  columns: ColumnMap | undefined
): FieldIndexes | null {
  switch (file.format) {
    case 'automl-rows':
      return { video: 0, label: 1, start: 2, end: 3 }
    case 'vertex-csv':
      return count === 5
        ? { split: 0, video: 1, label: 2, start: 3, end: 4 }
        : { video: 0, label: 1, start: 2, end: 3 }
    case 'columns':
      return columnIndexes(file.text, columns)
    default:
      return null
  }
}

const headers = new WeakMap<FileText, FieldIndexes | null>()

function columnIndexes(text: FileText, columns: ColumnMap | undefined): FieldIndexes | null {
  if (headers.has(text)) return headers.get(text)!
  const first = firstNonBlankLine(text)
  const spans = first === undefined ? null : fieldSpans(first)
  let result: FieldIndexes | null = null
  if (first !== undefined && spans !== null) {
    const names = spans.map(span => fieldValue(first, span).trim())
    const map = columns ?? inferColumns(names)
    if (map) {
      result = {}
      for (const role of ['video', 'label', 'start', 'end', 'split'] as const) {
        const name = map[role]
        const index =
          name === undefined ? -1 : names.findIndex(n => n.toLowerCase() === name.toLowerCase())
        if (index !== -1) result[role] = index
      }
    }
  }
  headers.set(text, result)
  return result
}

function firstNonBlankLine(text: FileText): string | undefined {
  const cursor = text.cursor()
  for (let line = 1; ; line++) {
    const value = cursor.text(line)
    if (value === undefined || value.trim().length > 0) return value
  }
}

/** A line after its mechanical repairs. */
export interface FixedLine {
  line: string
  changes: { rule: RuleId; what: string }[]
  /** The row's values after the fix (for finding repeats); null when unknown. */
  values: { split: string; video: string; label: string; start: string; end: string } | null
}
