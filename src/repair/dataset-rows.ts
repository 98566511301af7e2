/**
 * The rows of one planned dataset, as a repair needs them: each file's bytes (so edits keep every
 * byte they do not repair) and its rows, read with the gate's own readers (read/), so a repair
 * sees exactly the rows the gate saw. Rows are not kept as objects: a repair reads them again, in
 * order, as often as it needs (`forEachRow`, from the bytes in memory), or keeps the few columns it
 * needs (`RowTable`, for resplit).
 */
import { detach, grown } from '../analyze/compact.js'
import type { FormatId, Split } from '../model.js'
import { createFileReader, recordMode, type RowSink } from '../read/formats.js'
import type { DatasetPlan, PlannedFile } from '../read/dataset-plan.js'
import { normalizeVideoKey } from '../read/fields.js'
import { ignoreRowProblems } from '../read/problems.js'
import type { FileSource } from '../read/source.js'
import { readRecords } from '../read/text.js'
import { FileText } from './text-edits.js'

/**
 * One row as the reader gives it (the readers' own row callback): the file's index, the 1-based
 * line its record starts on, the split code (an index of SPLITS), the video field as written, the
 * label (empty for a whole-video unlabeled row, `URI,,,`) and the times as written.
 */
export type RowVisitor = RowSink['addRow']

export interface DatasetFile {
  path: string
  /** The split every row of the file gets (AutoML rows listed in an index), else null. */
  split: Split | null
  format: FormatId | null
  text: FileText
  planned: PlannedFile
}

export class DatasetRows {
  constructor(
    readonly files: DatasetFile[],
    private plan: DatasetPlan
  ) {}

  /** Reads every row, in order (files in order, lines rising). */
  async forEachRow(visit: RowVisitor): Promise<void> {
    for (let index = 0; index < this.files.length; index++)
      await readFile(this.files[index]!, this.plan, index, visit)
  }
}

/**
 * Reads every data file of `plan` into memory (files that cannot be read are left out; the gate
 * reports them), visiting the rows on the way when `visit` is given.
 */
export async function loadDataset(
  source: FileSource,
  plan: DatasetPlan,
  visit: RowVisitor = () => {}
): Promise<DatasetRows> {
  const files: DatasetFile[] = []
  for (const planned of plan.files) {
    const info = await source.stat(planned.path)
    if (!('size' in info)) continue
    const text = new FileText(await readAll(source, planned.path))
    const file: DatasetFile = {
      path: planned.path,
      split: planned.split,
      format: null,
      text,
      planned
    }
    file.format = await readFile(file, plan, files.length, visit)
    files.push(file)
  }
  return new DatasetRows(files, plan)
}

async function readFile(
  file: DatasetFile,
  plan: DatasetPlan,
  fileIndex: number,
  visit: RowVisitor
): Promise<FormatId | null> {
  const sink: RowSink = { addRow: visit }
  const reader = createFileReader(file.planned, plan.spec, fileIndex, sink, ignoreRowProblems)
  await readRecords(once(file.text.bytes), reader, {
    mode: recordMode(file.planned.format),
    // The gate has read these files whole within its limits (see repair/run.ts).
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

/** Ids of distinct strings, in the order they first come. */
export class Interned {
  readonly values: string[] = []
  private ids = new Map<string, number>()

  id(value: string): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      // A copy, so the id map does not keep the reader's chunk alive through a sliced string.
      this.values.push((value = detach(value)))
      this.ids.set(value, id)
    }
    return id
  }
}

/**
 * The rows in columns, by row index: file, line, split code, video (normalized key), the video
 * field as written, and label (-1 for a whole-video unlabeled row). About 21 bytes a row.
 */
export class RowTable {
  length = 0
  file = new Int32Array(1024)
  line = new Uint32Array(1024)
  split = new Uint8Array(1024)
  video = new Int32Array(1024)
  uri = new Int32Array(1024)
  label = new Int32Array(1024)
  readonly videos = new Interned()
  readonly uris = new Interned()
  readonly labels = new Interned()
  /** The video of each distinct spelling (by `uris` id): a spelling is normalized once. */
  private videoOfUri: number[] = []

  constructor(private videoKey: 'uri' | 'id') {}

  readonly add: RowVisitor = (file, line, split, uri, label) => {
    if (this.length === this.file.length) this.grow()
    const row = this.length++
    this.file[row] = file
    this.line[row] = line
    this.split[row] = split
    const uriId = this.uris.id(uri)
    let video = this.videoOfUri[uriId]
    if (video === undefined) {
      video = this.videos.id(normalizeVideoKey(uri, this.videoKey))
      this.videoOfUri[uriId] = video
    }
    this.uri[row] = uriId
    this.video[row] = video
    this.label[row] = label === '' ? -1 : this.labels.id(label)
  }

  private grow(): void {
    this.file = grown(this.file)
    this.line = grown(this.line)
    this.split = grown(this.split)
    this.video = grown(this.video)
    this.uri = grown(this.uri)
    this.label = grown(this.label)
  }
}
