/**
 * Vertex AI JSON Lines: one object per line with `videoGcsUri`, an optional ml_use resource label
 * and `timeSegmentAnnotations`, each annotation one row. Times are protobuf Duration strings
 * ("12.5s"); the accumulator gets them as seconds text.
 */
import { SPLITS } from '../../model.js'
import { DURATION, isInf, jsonTime, parseSeconds } from '../fields.js'
import type { RowProblem } from '../problems.js'
import { FormatHandler, type FileContext } from './handler.js'
import { VERTEX_ML_USE } from '../splits.js'
import { VertexSplitReader } from './vertex-split.js'

const ML_USE_LABEL = 'aiplatform.googleapis.com/ml_use'

type ObjectProblem = Extract<RowProblem, { code: `json.${string}` }>['code']

export class VertexJsonl extends FormatHandler {
  private splits: VertexSplitReader
  // The object being read, for a notation problem of one of its annotations.
  private objectLine = 0
  private objectSplit = 0
  private objectUri = ''

  constructor(context: FileContext) {
    super(context)
    this.splits = new VertexSplitReader(context.problems, context.path)
  }

  row(fields: string[], line: number): void {
    const text = fields.length === 1 ? fields[0]! : fields.join(',')
    let item: unknown
    try {
      item = JSON.parse(text)
    } catch {
      return this.badObject('json.invalid', text, line)
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      return this.badObject('json.not-object', text, line)
    const record = item as Record<string, unknown>
    const uri = record.videoGcsUri
    if (typeof uri !== 'string') return this.badObject('json.no-uri', text, line)
    const code = this.splitCode(record.dataItemResourceLabels, line)
    if (code === -1) return
    const annotations = record.timeSegmentAnnotations
    if (annotations === undefined || (Array.isArray(annotations) && annotations.length === 0)) {
      this.rows.addRow(this.fileIndex, line, code, uri, '', '', '')
      return
    }
    if (!Array.isArray(annotations)) return this.badObject('json.segments-not-list', text, line)
    this.objectLine = line
    this.objectSplit = code
    this.objectUri = uri
    for (const annotation of annotations) {
      const a = (typeof annotation === 'object' && annotation !== null ? annotation : {}) as Record<
        string,
        unknown
      >
      const label = typeof a.displayName === 'string' ? a.displayName : ''
      const start = jsonTime(a.startTime, '0')
      const end = jsonTime(a.endTime, 'inf')
      if (label.length > 0) {
        this.checkNotation('startTime', a.startTime, start, label)
        this.checkNotation('endTime', a.endTime, end, label)
      }
      this.rows.addRow(this.fileIndex, line, code, uri, label, start, end)
    }
  }

  private badObject(code: ObjectProblem, text: string, line: number): void {
    this.problems.report({ code, file: this.path, line, text })
  }

  /** The split of the object's ml_use resource label, the fixed split without one, or -1 (reported). */
  private splitCode(resourceLabels: unknown, line: number): number {
    const mlUse =
      typeof resourceLabels === 'object' && resourceLabels !== null
        ? (resourceLabels as Record<string, unknown>)[ML_USE_LABEL]
        : undefined
    if (mlUse === undefined) return this.fixedCode
    if (typeof mlUse === 'string') return this.splits.code(mlUse, line)
    this.unknownSplit(line, String(mlUse), VERTEX_ML_USE)
    return -1
  }

  /**
   * A time that holds a usable number of seconds but not in Vertex's notation (`0`, `"12.5"`,
   * `"inf"`): the import wants a Duration string. The value still counts (the accumulator reads
   * it); a time that is no number at all is the accumulator's to report, and so is an
   * end-of-video START in any notation.
   */
  private checkNotation(
    field: 'startTime' | 'endTime',
    raw: unknown,
    read: string,
    label: string
  ): void {
    if (raw === undefined || raw === null) return
    if (typeof raw === 'string' && (raw === 'Infinity' || DURATION.test(raw))) return
    const endOfVideo = isInf(read)
    if (endOfVideo ? field === 'startTime' : !parseSeconds(read).ok) return
    this.problems.report({
      code: 'segment.notation',
      file: this.path,
      line: this.objectLine,
      split: SPLITS[this.objectSplit]!,
      uri: this.objectUri,
      label,
      field,
      raw: String(raw),
      notation: typeof raw === 'number' ? 'number' : endOfVideo ? 'csv-inf' : 'no-unit'
    })
  }
}
