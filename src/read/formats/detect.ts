/**
 * Which format a file is, from its first record, and which columns a header names. The README's
 * "Input formats" describes the formats; the configuration may name one instead.
 */
import type { ColumnMap } from '../../config/schema.js'
import type { FormatId, Split } from '../../model.js'
import { parseIndexSplit, parseVertexSplit } from '../splits.js'

/** Known header names for research manifests, so e.g. Kinetics CSVs are read without configuration. */
const HEADER_ALIASES: Record<keyof ColumnMap, string[]> = {
  video: [
    'video_uri',
    'videouri',
    'uri',
    'gcs_uri',
    'video',
    'path',
    'video_path',
    'youtube_id',
    'video_id',
    'id',
    'filename'
  ],
  label: ['label', 'class', 'class_name', 'category', 'display_name', 'displayname'],
  start: ['start', 'time_start', 'start_time', 'start_sec', 'segment_start', 'starttime'],
  end: ['end', 'time_end', 'end_time', 'end_sec', 'segment_end', 'endtime'],
  split: ['split', 'ml_use', 'subset', 'set', 'fold']
}

export function detectFormat(first: string[], fixedSplit: Split | null): FormatId | null {
  if (first.length === 2 && parseIndexSplit(first[0]!) && /\.csv$/i.test(first[1]!.trim()))
    return 'automl-index'
  if (first.length === 5 && parseVertexSplit(first[0]!)) return 'vertex-csv'
  if (inferColumns(first)) return 'columns'
  if (fixedSplit !== null) return 'automl-rows'
  return first.length === 4 || first.length === 5 ? 'vertex-csv' : null
}

/** Google's CSV columns in order, without and with ML_USE (role names of HEADER_ALIASES). */
const GOOGLE_LAYOUTS: (keyof ColumnMap)[][] = [
  ['video', 'label', 'start', 'end'],
  ['split', 'video', 'label', 'start', 'end']
]

/** Video column names that hold ids rather than URIs (see DatasetAccumulator.columnsDetected). */
const ID_COLUMN = /(^|_)id$/

/**
 * A header row naming Google's own columns in Google's order ([ML_USE,]VIDEO_URI,LABEL,START,END),
 * e.g. `ml_use,video_uri,label,start,end`. Google's imports take no header, so when its rows hold
 * gs:// URIs (or the configuration names a Google format) the file is that format with a header
 * row to delete, and is checked as that format (AutoML labels, ML_USE values). An id-named video
 * column (`youtube_id`) marks a research manifest (Kinetics): those stay column-mapped.
 */
export function isGoogleHeader(fields: string[]): boolean {
  const layout = GOOGLE_LAYOUTS.find(roles => roles.length === fields.length)
  if (!layout) return false
  const names = fields.map(f => f.trim().toLowerCase())
  if (ID_COLUMN.test(names[layout.indexOf('video')]!)) return false
  return layout.every((role, i) => HEADER_ALIASES[role].includes(names[i]!))
}

/** A column map from a header row of known names, or null when the row is not such a header. */
export function inferColumns(header: string[]): ColumnMap | null {
  const names = header.map(h => h.trim().toLowerCase())
  const find = (role: keyof ColumnMap): string | undefined => {
    for (const alias of HEADER_ALIASES[role]) {
      const index = names.indexOf(alias)
      if (index !== -1) return header[index]!.trim()
    }
    return undefined
  }
  const video = find('video')
  const label = find('label')
  if (!video || !label) return null
  const map: ColumnMap = { video, label }
  const start = find('start')
  const end = find('end')
  const split = find('split')
  if (start) map.start = start
  if (end) map.end = end
  if (split) map.split = split
  return map
}
