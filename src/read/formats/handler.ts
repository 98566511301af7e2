/**
 * What every format's reader shares: where its rows go, where its problems go, and the problems
 * any format can have (a row with the wrong number of fields, a split value that names no split).
 */
import type { ColumnMap } from '../../config/schema.js'
import type { FormatId, Split } from '../../model.js'
import type { RowLayout, RowProblemSink } from '../problems.js'
import { SPLIT_CODE } from '../splits.js'

/** Where rows go: the accumulator, or a lighter collector on a second pass. */
export interface RowSink {
  addRow(
    file: number,
    line: number,
    split: number,
    uri: string,
    label: string,
    start: string,
    end: string
  ): void
  /** Column-mapped research manifests get the relaxed label profile when it is `auto`. */
  columnsDetected?(videoColumn: string): void
  /** The format a file is read as, once known: messages give that format's advice. */
  formatDetected?(file: number, format: FormatId): void
}

export interface FileContext {
  path: string
  fileIndex: number
  /** The split every row gets (AutoML rows files listed in an index). */
  fixedSplit: Split | null
  format: FormatId | 'auto'
  columns?: ColumnMap
  splitValues?: Record<string, Split>
  accumulator: RowSink
  problems: RowProblemSink
}

/** One format's reading of the data rows of a file (its header, if any, already read). */
export abstract class FormatHandler {
  protected readonly rows: RowSink
  protected readonly problems: RowProblemSink
  protected readonly path: string
  protected readonly fileIndex: number
  /** The split code of rows that do not say their split. */
  protected readonly fixedCode: number

  constructor(context: FileContext) {
    this.rows = context.accumulator
    this.problems = context.problems
    this.path = context.path
    this.fileIndex = context.fileIndex
    this.fixedCode = SPLIT_CODE[context.fixedSplit ?? 'UNASSIGNED']
  }

  abstract row(fields: string[], line: number): void

  /** A VIDEO_URI,LABEL,START,END row, in the file's fixed split. */
  protected addUnsplitRow(fields: string[], line: number): void {
    this.rows.addRow(
      this.fileIndex,
      line,
      this.fixedCode,
      fields[0]!,
      fields[1]!,
      fields[2]!,
      fields[3]!
    )
  }

  protected wrongFieldCount(
    line: number,
    fields: string[],
    layout: RowLayout,
    expected: number
  ): void {
    this.problems.report({
      code: 'row.field-count',
      file: this.path,
      line,
      layout,
      expected,
      found: fields.length,
      text: fields.join(',')
    })
  }

  protected unknownSplit(line: number, value: string, allowed: readonly string[]): void {
    this.problems.report({ code: 'split.unknown', file: this.path, line, value, allowed })
  }
}
