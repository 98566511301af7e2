/**
 * The optional per-dataset side files: video durations (for END checks and `inf` lengths) and video
 * metadata (for confounders). Both are keyed by the normalized video key, like the rows.
 *
 * Side files obey the dataset's `resource-limit` options like data files do: a file over
 * `max-file-bytes` is not read, reading stops after `max-rows` data rows and at a line over
 * `max-line-bytes`. What they keep per video is the memory cost, so the metadata reader also bounds
 * what one row can add: at most MAX_ATTRIBUTES attribute columns, and at most MAX_ATTRIBUTE_VALUES
 * distinct values per attribute (each value string is stored once and shared by its videos).
 */
import { clip } from '../display.js'
import { normalizeVideoKey, parseSeconds } from './fields.js'
import type { FileSource } from './source.js'
import { readRecords, type ReadResult } from './text.js'
import type { PlanProblem } from './dataset-plan.js'

export interface SideFile<T> {
  data: T
  problems: PlanProblem[]
}

/** The dataset's `resource-limit` options, as the side-file readers apply them. */
export interface SideFileLimits {
  /** `max-file-bytes`: a larger file is not read at all. */
  maxBytes: number
  /** `max-rows`: data rows read (a header row is not counted); the rest of the file is skipped. */
  maxRows: number
  /** `max-line-bytes`: a longer line stops the file. */
  maxLineBytes: number
}

const MAX_SIDE_PROBLEMS = 50

/**
 * Attribute columns kept from a metadata header. Confounders are things like camera, source or
 * time of day; a header with thousands of columns would multiply the per-video cost by as many.
 */
export const MAX_ATTRIBUTES = 100

/**
 * Distinct values kept per metadata attribute. An attribute with more is an identifier rather than
 * a confounder (the confounder check skips those anyway), and keeping its values would cost a
 * string per video; its values are dropped and the attribute is not measured.
 */
export const MAX_ATTRIBUTE_VALUES = 1000

type What = 'durations' | 'metadata'

/** Collects a side file's problems, keeping at most MAX_SIDE_PROBLEMS row-level ones. */
class Problems {
  readonly list: PlanProblem[] = []
  private rowProblems = 0

  constructor(private readonly path: string) {}

  /** A problem with one row: a warning, dropped past MAX_SIDE_PROBLEMS. */
  row(line: number | null, message: string): void {
    if (this.rowProblems++ < MAX_SIDE_PROBLEMS)
      this.list.push({ rule: 'input-error', severity: 'warning', message, file: this.path, line })
  }

  /** A problem with the whole file: always kept. */
  file(problem: Omit<PlanProblem, 'file'>): void {
    this.list.push({ ...problem, file: this.path })
  }
}

/**
 * Counts data rows against `max-rows`. The first row over the limit is remembered (for the finding)
 * and every later one is refused; `exhausted` then tells the byte stream to stop.
 */
class RowBudget {
  private rows = 0
  stoppedAt: number | null = null

  constructor(private readonly max: number) {}

  take(line: number): boolean {
    if (this.stoppedAt !== null) return false
    if (this.rows >= this.max) {
      this.stoppedAt = line
      return false
    }
    this.rows++
    return true
  }

  get exhausted(): boolean {
    return this.stoppedAt !== null
  }
}

/** The chunks of `chunks` until `stop()` says so, so the rest of a file is not even read. */
async function* readUntil(
  chunks: AsyncIterable<Buffer>,
  stop: () => boolean
): AsyncIterable<Buffer> {
  for await (const chunk of chunks) {
    if (stop()) return
    yield chunk
  }
}

/** A problem when the file cannot be read or is over `max-file-bytes`, else null. */
async function checkFile(
  source: FileSource,
  path: string,
  what: What,
  limits: SideFileLimits
): Promise<PlanProblem | null> {
  const info = await source.stat(path)
  if (!('size' in info))
    return {
      rule: 'input-error',
      message: `the ${what} file cannot be read: ${info.problem}.`,
      file: path,
      line: null
    }
  if (info.size > limits.maxBytes)
    return {
      rule: 'resource-limit',
      message: `the ${what} file is ${info.size} bytes, over the max-file-bytes limit of ${limits.maxBytes}; it was not read. Shrink the file or raise the limit.`,
      file: path,
      line: null
    }
  return null
}

/** The findings that end a read: the row limit, or a syntax or line-length stop before it. */
function reportEnd(
  problems: Problems,
  result: ReadResult,
  budget: RowBudget,
  limits: SideFileLimits
) {
  if (budget.stoppedAt !== null) {
    // A stop after the limit comes from a row that was skipped anyway (or from cutting the stream
    // mid-record), so only the limit is reported.
    problems.file({
      rule: 'resource-limit',
      message: `more than ${limits.maxRows} rows (max-rows); the rest of the file was not read. Shrink the file or raise the limit.`,
      line: budget.stoppedAt
    })
    return
  }
  if (result.stop)
    problems.file({
      rule: result.stop.kind === 'syntax' ? 'csv-syntax' : 'resource-limit',
      message: result.stop.message,
      line: result.stop.line
    })
}

/** Two columns, video key and duration in seconds; a header row is allowed. */
export async function readDurations(
  source: FileSource,
  path: string,
  videoKey: 'uri' | 'id',
  limits: SideFileLimits
): Promise<SideFile<Map<string, number>>> {
  const durations = new Map<string, number>()
  const unreadable = await checkFile(source, path, 'durations', limits)
  if (unreadable) return { data: durations, problems: [unreadable] }
  const problems = new Problems(path)
  const budget = new RowBudget(limits.maxRows)
  const result = await readRecords(
    readUntil(source.open(path), () => budget.exhausted),
    {
      record(fields, line) {
        const seconds = fields.length < 2 ? null : parseSeconds(fields[1]!.trim())
        if (line === 1 && seconds !== null && !seconds.ok) return // a header row
        if (!budget.take(line)) return
        if (seconds === null)
          return problems.row(line, 'expected two fields: video key, duration in seconds.')
        if (!seconds.ok) return problems.row(line, `duration ${seconds.reason}.`)
        durations.set(normalizeVideoKey(fields[0]!, videoKey), seconds.value)
      },
      blank() {}
    },
    { mode: 'csv', maxLineBytes: limits.maxLineBytes }
  )
  reportEnd(problems, result, budget, limits)
  return { data: durations, problems: problems.list }
}

export interface VideoMetadata {
  attributes: string[]
  /** Normalized video key -> attribute values, in `attributes` order. */
  byVideo: Map<string, string[]>
}

/**
 * The values of one attribute column: each distinct value is stored once and shared by every video
 * that has it, and past MAX_ATTRIBUTE_VALUES the column is dropped (its values become '').
 */
class AttributeValues {
  private readonly values = new Map<string, string>()
  dropped = false

  /** The shared copy of `value`, '' when dropped; null when this value is one too many. */
  intern(value: string): string | null {
    if (this.dropped || value === '') return ''
    const known = this.values.get(value)
    if (known !== undefined) return known
    if (this.values.size >= MAX_ATTRIBUTE_VALUES) return null
    this.values.set(value, value)
    return value
  }

  drop(): void {
    this.dropped = true
    this.values.clear()
  }
}

/** Reads the metadata header and rows into a `VideoMetadata`, within the per-video bounds. */
class MetadataReader {
  readonly metadata: VideoMetadata = { attributes: [], byVideo: new Map() }
  private width = 0
  private columns: AttributeValues[] = []

  constructor(
    private readonly problems: Problems,
    private readonly budget: RowBudget,
    private readonly videoKey: 'uri' | 'id'
  ) {}

  record(fields: string[], line: number): void {
    if (this.width === 0) return this.header(fields, line)
    if (!this.budget.take(line)) return
    if (fields.length !== this.width)
      return this.problems.row(
        line,
        `expected ${this.width} fields like the header, found ${fields.length}; row skipped.`
      )
    const key = normalizeVideoKey(fields[0]!, this.videoKey)
    if (this.metadata.byVideo.has(key))
      return this.problems.row(line, `video "${clip(key)}" is listed twice; the first row is used.`)
    this.metadata.byVideo.set(key, this.values(fields, line))
  }

  /** Removes dropped attributes, so the confounder check does not report them as measured. */
  finish(): VideoMetadata {
    const keep = this.columns.map(column => !column.dropped)
    if (keep.every(Boolean)) return this.metadata
    this.metadata.attributes = this.metadata.attributes.filter((_, i) => keep[i])
    for (const [key, values] of this.metadata.byVideo)
      this.metadata.byVideo.set(
        key,
        values.filter((_, i) => keep[i])
      )
    return this.metadata
  }

  private header(fields: string[], line: number): void {
    this.width = fields.length
    const names = fields.slice(1).map(f => f.trim())
    if (this.width < 2)
      this.problems.file({
        rule: 'input-error',
        message: 'the metadata header needs a video column and at least one attribute column.',
        line
      })
    if (names.length > MAX_ATTRIBUTES)
      this.problems.file({
        rule: 'resource-limit',
        severity: 'notice',
        message: `the metadata header has ${names.length} attribute columns; only the first ${MAX_ATTRIBUTES} are read.`,
        line
      })
    this.metadata.attributes = names.slice(0, MAX_ATTRIBUTES)
    this.columns = this.metadata.attributes.map(() => new AttributeValues())
  }

  /** The row's attribute values, shared copies; drops a column whose values become too many. */
  private values(fields: string[], line: number): string[] {
    return this.columns.map((column, i) => {
      const value = column.intern(fields[i + 1]!.trim())
      if (value !== null) return value
      this.drop(i, line)
      return ''
    })
  }

  private drop(column: number, line: number): void {
    this.columns[column]!.drop()
    for (const values of this.metadata.byVideo.values()) values[column] = ''
    this.problems.file({
      rule: 'resource-limit',
      severity: 'notice',
      message: `metadata attribute "${clip(this.metadata.attributes[column]!)}" has more than ${MAX_ATTRIBUTE_VALUES} distinct values, like an identifier; its values are not kept and it is not measured as a confounder.`,
      line
    })
  }
}

/** A header row, then one row per video: the first column is the video key, the rest are attributes. */
export async function readMetadata(
  source: FileSource,
  path: string,
  videoKey: 'uri' | 'id',
  limits: SideFileLimits
): Promise<SideFile<VideoMetadata>> {
  const unreadable = await checkFile(source, path, 'metadata', limits)
  if (unreadable) return { data: { attributes: [], byVideo: new Map() }, problems: [unreadable] }
  const problems = new Problems(path)
  const budget = new RowBudget(limits.maxRows)
  const reader = new MetadataReader(problems, budget, videoKey)
  const result = await readRecords(
    readUntil(source.open(path), () => budget.exhausted),
    { record: (fields, line) => reader.record(fields, line), blank() {} },
    { mode: 'csv', maxLineBytes: limits.maxLineBytes }
  )
  reportEnd(problems, result, budget, limits)
  return { data: reader.finish(), problems: problems.list }
}
