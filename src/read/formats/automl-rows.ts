/** Legacy AutoML rows files (VIDEO_URI,LABEL,START,END): the split comes from the index. */
import { FormatHandler } from './handler.js'

export class AutomlRows extends FormatHandler {
  row(fields: string[], line: number): void {
    if (fields.length !== 4) return this.wrongFieldCount(line, fields, 'automl-rows', 4)
    this.addUnsplitRow(fields, line)
  }
}
