/**
 * The optional per-dataset side files: video durations (for END checks and `inf` lengths) and video
 * metadata (for confounders). Both are keyed by the normalized video key, like the rows.
 */
import { normalizeVideoKey, parseSeconds, clip } from '../analyze/values.js'
import type { FileSource } from './source.js'
import { readRecords } from './text.js'
import type { PlanProblem } from './plan.js'

export interface SideFile<T> {
  data: T
  problems: PlanProblem[]
}

const MAX_SIDE_PROBLEMS = 50

/** Two columns, video key and duration in seconds; a header row is allowed. */
export async function readDurations(
  source: FileSource,
  path: string,
  videoKey: 'uri' | 'id'
): Promise<SideFile<Map<string, number>>> {
  const durations = new Map<string, number>()
  const problems: PlanProblem[] = []
  const problem = (line: number | null, message: string) => {
    if (problems.length < MAX_SIDE_PROBLEMS)
      problems.push({ rule: 'input-error', severity: 'warning', message, file: path, line })
  }
  const info = await source.stat(path)
  if (!('size' in info))
    return {
      data: durations,
      problems: [
        {
          rule: 'input-error',
          message: `the durations file cannot be read: ${info.problem}.`,
          file: path,
          line: null
        }
      ]
    }
  const result = await readRecords(
    source.open(path),
    {
      record(fields, line) {
        if (fields.length < 2)
          return problem(line, 'expected two fields: video key, duration in seconds.')
        const seconds = parseSeconds(fields[1]!.trim())
        if (!seconds.ok) {
          if (line === 1) return // a header row
          return problem(line, `duration ${seconds.reason}.`)
        }
        durations.set(normalizeVideoKey(fields[0]!, videoKey), seconds.value)
      },
      blank() {}
    },
    { mode: 'csv', maxLineBytes: 1 << 20 }
  )
  if (result.stop)
    problems.push({
      rule: 'csv-syntax',
      message: result.stop.message,
      file: path,
      line: result.stop.line
    })
  return { data: durations, problems }
}

export interface VideoMetadata {
  attributes: string[]
  /** Normalized video key -> attribute values, in `attributes` order. */
  byVideo: Map<string, string[]>
}

/** A header row, then one row per video: the first column is the video key, the rest are attributes. */
export async function readMetadata(
  source: FileSource,
  path: string,
  videoKey: 'uri' | 'id'
): Promise<SideFile<VideoMetadata>> {
  const metadata: VideoMetadata = { attributes: [], byVideo: new Map() }
  const problems: PlanProblem[] = []
  const info = await source.stat(path)
  if (!('size' in info))
    return {
      data: metadata,
      problems: [
        {
          rule: 'input-error',
          message: `the metadata file cannot be read: ${info.problem}.`,
          file: path,
          line: null
        }
      ]
    }
  let width = 0
  const result = await readRecords(
    source.open(path),
    {
      record(fields, line) {
        if (width === 0) {
          width = fields.length
          metadata.attributes = fields.slice(1).map(f => f.trim())
          if (width < 2)
            problems.push({
              rule: 'input-error',
              message:
                'the metadata header needs a video column and at least one attribute column.',
              file: path,
              line
            })
          return
        }
        if (fields.length !== width) {
          if (problems.length < MAX_SIDE_PROBLEMS)
            problems.push({
              rule: 'input-error',
              severity: 'warning',
              message: `expected ${width} fields like the header, found ${fields.length}; row skipped.`,
              file: path,
              line
            })
          return
        }
        const key = normalizeVideoKey(fields[0]!, videoKey)
        if (metadata.byVideo.has(key) && problems.length < MAX_SIDE_PROBLEMS) {
          problems.push({
            rule: 'input-error',
            severity: 'warning',
            message: `video "${clip(key)}" is listed twice; the first row is used.`,
            file: path,
            line
          })
          return
        }
        metadata.byVideo.set(
          key,
          fields.slice(1).map(f => f.trim())
        )
      },
      blank() {}
    },
    { mode: 'csv', maxLineBytes: 1 << 20 }
  )
  if (result.stop)
    problems.push({
      rule: 'csv-syntax',
      message: result.stop.message,
      file: path,
      line: result.stop.line
    })
  return { data: metadata, problems }
}
