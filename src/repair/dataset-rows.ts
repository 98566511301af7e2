/**
 * The rows of one planned dataset, as a repair needs them: where each row is (file, line), what it
 * says (split, video, label, times) and each file's bytes, so edits can keep every byte they do not
 * repair. Read with the gate's own readers (read/), so a repair sees exactly the rows the gate saw.
 */
import { SPLITS, type FormatId, type Split } from '../model.js'
import { createFileReader, recordMode, type RowSink } from '../read/formats.js'
import type { DatasetPlan, PlannedFile } from '../read/dataset-plan.js'
import { normalizeVideoKey } from '../read/fields.js'
import { ignoreRowProblems } from '../read/problems.js'
import type { FileSource } from '../read/source.js'
import { readRecords } from '../read/text.js'

export interface DatasetRow {
  file: number
  /** 1-based line the row's record starts on. */
  line: number
  split: Split
  /** The video field as written, and its normalized key. */
  uri: string
  video: string
  /** Empty for a whole-video unlabeled row (`URI,,,`). */
  label: string
  start: string
  end: string
}

export interface DatasetFile {
  path: string
  /** The split every row of the file gets (AutoML rows listed in an index), else null. */
  split: Split | null
  format: FormatId | null
  bytes: Buffer
}

export interface DatasetRows {
  files: DatasetFile[]
  rows: DatasetRow[]
}

/** Reads every data file of `plan` (files that cannot be read are left out; the gate reports them). */
export async function readDatasetRows(source: FileSource, plan: DatasetPlan): Promise<DatasetRows> {
  const kind = plan.spec?.videoKey ?? 'uri'
  const result: DatasetRows = { files: [], rows: [] }
  for (const planned of plan.files) {
    const info = await source.stat(planned.path)
    if (!('size' in info)) continue
    const bytes = await readAll(source, planned.path)
    const fileIndex = result.files.length
    const file: DatasetFile = { path: planned.path, split: planned.split, format: null, bytes }
    result.files.push(file)
    const sink: RowSink = {
      addRow(_file, line, split, uri, label, start, end) {
        result.rows.push({
          file: fileIndex,
          line,
          split: SPLITS[split]!,
          uri,
          video: normalizeVideoKey(uri, kind),
          label,
          start,
          end
        })
      }
    }
    file.format = await readInto(planned, plan, bytes, sink, fileIndex)
  }
  return result
}

async function readInto(
  planned: PlannedFile,
  plan: DatasetPlan,
  bytes: Buffer,
  sink: RowSink,
  fileIndex: number
): Promise<FormatId | null> {
  const reader = createFileReader(planned, plan.spec, fileIndex, sink, ignoreRowProblems)
  await readRecords(once(bytes), reader, {
    mode: recordMode(planned.format),
    maxLineBytes: Number.MAX_SAFE_INTEGER
  })
  return reader.fatal ? null : reader.format
}

async function* once(bytes: Buffer): AsyncIterable<Buffer> {
  yield bytes
}

async function readAll(source: FileSource, path: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of source.open(path)) chunks.push(chunk)
  return Buffer.concat(chunks)
}
