/**
 * Column-mapped manifests (research datasets such as Kinetics): a header names the columns, by the
 * configured `columns` map or by known names (detect.ts). Without time columns every row labels its
 * whole video; without a split column every row gets the fixed split.
 */
import { clip } from '../../display.js'
import { DEFAULT_SPLIT_VALUES, SPLIT_CODE } from '../splits.js'
import { inferColumns } from './detect.js'
import { FormatHandler, type FileContext } from './handler.js'

interface ColumnIndexes {
  video: number
  label: number
  /** -1 for a column the header does not have. */
  start: number
  end: number
  split: number
}

/** The reader for rows under `header`, or why the header cannot be read (the file is not read). */
export function readColumns(
  context: FileContext,
  header: string[],
  line: number
): Columns | { fatal: string } {
  const map = context.columns ?? inferColumns(header)
  const names = header.map(h => h.trim())
  const indexOf = (name: string | undefined): number =>
    name === undefined ? -1 : names.findIndex(n => n.toLowerCase() === name.toLowerCase())
  const video = indexOf(map?.video)
  const label = indexOf(map?.label)
  if (!map || video === -1 || label === -1) {
    const column =
      video === -1
        ? `video column "${map?.video ?? 'video'}"`
        : `label column "${map?.label ?? 'label'}"`
    return {
      fatal: `line ${line}: the header (${clip(names.join(','), 120)}) has no ${column}. Fix the header or the dataset's columns map.`
    }
  }
  const missing = (['start', 'end', 'split'] as const).find(
    role => map[role] !== undefined && indexOf(map[role]) === -1
  )
  if (missing !== undefined) {
    return {
      fatal: `line ${line}: the header has no column "${map[missing]}" (${missing}). Fix the header or the dataset's columns map.`
    }
  }
  context.accumulator.columnsDetected?.(map.video)
  const columns = {
    video,
    label,
    start: indexOf(map.start),
    end: indexOf(map.end),
    split: indexOf(map.split)
  }
  return new Columns(context, columns, names.length)
}

export class Columns extends FormatHandler {
  private values = new Map<string, number>()
  /** The split values that name a split, for a message about one that does not. */
  private allowed: readonly string[]

  constructor(
    context: FileContext,
    private columns: ColumnIndexes,
    private width: number
  ) {
    super(context)
    for (const [text, name] of Object.entries(context.splitValues ?? DEFAULT_SPLIT_VALUES))
      this.values.set(text.toLowerCase(), SPLIT_CODE[name])
    this.allowed = [...this.values.keys()]
  }

  row(fields: string[], line: number): void {
    if (fields.length !== this.width)
      return this.wrongFieldCount(line, fields, 'header', this.width)
    const { video, label, start, end, split } = this.columns
    let code = this.fixedCode
    if (split !== -1) {
      const value = fields[split]!
      const mapped = this.values.get(value) ?? this.values.get(value.trim().toLowerCase())
      if (mapped === undefined) return this.unknownSplit(line, value, this.allowed)
      code = mapped
    }
    this.rows.addRow(
      this.fileIndex,
      line,
      code,
      fields[video]!,
      fields[label]!,
      start === -1 ? '0' : fields[start]!,
      end === -1 ? 'inf' : fields[end]!
    )
  }
}
