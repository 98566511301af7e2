/**
 * Turns the records of one file into rows for the accumulator, per format (one module each under
 * formats/; see the README's "Input formats"). The format is detected from the first record unless
 * the configuration names it. Field-count, header and split-value problems are reported here,
 * everything else by the accumulator; both only say what is wrong (read/problems.ts).
 */
import type { FormatId } from '../model.js'
import type { DatasetSpec } from '../config/schema.js'
import type { PlannedFile } from './dataset-plan.js'
import { AutomlRows } from './formats/automl-rows.js'
import { readColumns } from './formats/columns.js'
import { detectFormat, isGoogleHeader } from './formats/detect.js'
import type { FileContext, FormatHandler } from './formats/handler.js'
import { VertexCsv } from './formats/vertex-csv.js'
import { VertexJsonl } from './formats/vertex-jsonl.js'
import type { RecordVisitor } from './records.js'

export { detectFormat, inferColumns, isGoogleHeader } from './formats/detect.js'
export type { FileContext, RowSink } from './formats/handler.js'

export interface RowReader extends RecordVisitor {
  /** The detected or configured format; null until the first record. */
  format: FormatId | null
  rows: number
  /** Set when the file cannot be read as rows at all (an index where rows were expected, a bad header). */
  fatal: string | null
}

/** Reads the rows of one file; its first record decides the format (and may be a header). */
export function createRowReader(context: FileContext): RowReader {
  return new FileRowReader(context)
}

/**
 * The reader of one planned file of a dataset: the file's split and format, and the dataset's
 * column map and split values. Every pass over a dataset's files (the first, the second, repair)
 * reads them the same way.
 */
export function createFileReader(
  file: PlannedFile,
  spec: DatasetSpec | null,
  fileIndex: number,
  rows: FileContext['accumulator'],
  problems: FileContext['problems']
): RowReader {
  return new FileRowReader({
    path: file.path,
    fileIndex,
    fixedSplit: file.split,
    format: file.format,
    ...(spec?.columns ? { columns: spec.columns } : {}),
    ...(spec?.splitValues ? { splitValues: spec.splitValues } : {}),
    accumulator: rows,
    problems
  })
}

/** How the text reader splits a file's records: JSON Lines are whole lines, the rest CSV. */
export function recordMode(format: FormatId | 'auto'): 'lines' | 'csv' {
  return format === 'vertex-jsonl' ? 'lines' : 'csv'
}

const NESTED_INDEX =
  'this file is an AutoML index (ML_USE,PATH), but it is listed as a rows file; an index cannot reference another index'

/** What reads a file's data rows: a format's handler, or the choice still to make on one. */
interface RowHandler {
  row(fields: string[], line: number): void
}

class FileRowReader implements RowReader {
  format: FormatId | null
  rows = 0
  fatal: string | null = null
  private handler: RowHandler | null = null
  /** The first record was a header: it is not a row. */
  private headed = false

  constructor(private context: FileContext) {
    this.format = context.format === 'auto' ? null : context.format
  }

  blank(line: number): void {
    this.context.problems.report({ code: 'row.blank', file: this.context.path, line })
  }

  record(fields: string[], line: number): void {
    if (this.fatal) return
    if (this.handler === null) {
      this.handler = this.start(fields, line)
      if (this.handler === null || this.headed) return
    }
    this.rows++
    this.handler.row(fields, line)
  }

  private start(first: string[], line: number): RowHandler | null {
    const { context } = this
    const detected = detectFormat(first, context.fixedSplit)
    const format = this.format ?? detected
    // Files listed in an index are planned as `automl-rows`; an index among them must still be
    // refused as one, not read as rows with the wrong field count.
    if (
      format === 'automl-index' ||
      (format === 'automl-rows' && context.fixedSplit !== null && detected === 'automl-index')
    ) {
      this.fatal = NESTED_INDEX
      return null
    }
    const chosen = format ?? (context.fixedSplit ? 'automl-rows' : 'vertex-csv')
    this.format = chosen
    // A header naming Google's columns in Google's order may head a Google file (import would
    // fail on it) or a research manifest that happens to use those names: its first row decides.
    if (chosen === 'columns' && context.format === 'auto' && isGoogleHeader(first)) {
      this.headed = true
      return new GoogleHeaderOrColumns(this, first, line)
    }
    if (
      (chosen === 'vertex-csv' || (chosen === 'automl-rows' && first.length === 4)) &&
      isGoogleHeader(first)
    ) {
      this.headed = true
      return this.googleHeaderFile(chosen, first, line)
    }
    this.headed = chosen === 'columns'
    return this.handlerFor(chosen, first, line)
  }

  /** A Google format file whose first line is a header: reported once, then read as that format. */
  googleHeaderFile(
    format: 'vertex-csv' | 'automl-rows',
    header: string[],
    line: number
  ): RowHandler | null {
    this.context.problems.report({
      code: 'row.header',
      file: this.context.path,
      line,
      format,
      header: header.join(',')
    })
    return this.handlerFor(format, header, line)
  }

  /** The handler of `format`; `first` is the file's first record (a header for `columns`). */
  handlerFor(format: FormatId, first: string[], line: number): RowHandler | null {
    this.format = format
    this.context.accumulator.formatDetected?.(this.context.fileIndex, format)
    return this.install(handlerOf(this.context, format, first, line))
  }

  /** Makes `handler` read the rest of the file (or stops the file with why it cannot be read). */
  install(handler: FormatHandler | { fatal: string } | null): RowHandler | null {
    if (handler !== null && 'fatal' in handler) {
      this.fatal = handler.fatal
      this.handler = null
      return null
    }
    this.handler = handler
    return handler
  }
}

function handlerOf(
  context: FileContext,
  format: FormatId,
  first: string[],
  line: number
): FormatHandler | { fatal: string } | null {
  switch (format) {
    case 'automl-rows':
      return new AutomlRows(context)
    case 'vertex-csv':
      return new VertexCsv(context)
    case 'vertex-jsonl':
      return new VertexJsonl(context)
    case 'columns':
      return readColumns(context, first, line)
    case 'automl-index':
      return null
  }
}

/**
 * After a header of Google's column names on a file detected as column-mapped: the first row
 * decides. gs:// URIs in the video column make it a Vertex CSV with a header to delete; anything
 * else a research manifest read by its columns.
 */
class GoogleHeaderOrColumns implements RowHandler {
  constructor(
    private reader: FileRowReader,
    private header: string[],
    private line: number
  ) {}

  row(fields: string[], at: number): void {
    const { header, line } = this
    const video = fields[header.length === 5 ? 1 : 0]
    const google = fields.length === header.length && video!.trim().startsWith('gs://')
    const handler = google
      ? this.reader.googleHeaderFile('vertex-csv', header, line)
      : this.reader.handlerFor('columns', header, line)
    handler?.row(fields, at)
  }
}
