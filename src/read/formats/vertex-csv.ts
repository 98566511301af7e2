/** Vertex AI CSV ([ML_USE,]VIDEO_URI,LABEL,START,END): without ML_USE, the fixed split. */
import { FormatHandler, type FileContext } from './handler.js'
import { VertexSplitReader } from './vertex-split.js'

export class VertexCsv extends FormatHandler {
  private splits: VertexSplitReader

  constructor(context: FileContext) {
    super(context)
    this.splits = new VertexSplitReader(context.problems, context.path)
  }

  row(fields: string[], line: number): void {
    if (fields.length === 4) return this.addUnsplitRow(fields, line)
    if (fields.length !== 5) return this.wrongFieldCount(line, fields, 'vertex-csv', 5)
    const split = this.splits.code(fields[0]!, line)
    if (split === -1) return
    this.rows.addRow(this.fileIndex, line, split, fields[1]!, fields[2]!, fields[3]!, fields[4]!)
  }
}
