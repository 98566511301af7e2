/* eslint-disable no-misleading-character-class -- the classes list invisible and combining characters on purpose */
/**
 * Field-level parsing and validation: times, URIs, labels, splits. Each returns a reason a person
 * can act on, or null. These run once per distinct value (URIs and labels are interned) except the
 * time parser, which runs on every row and is written to avoid regexes and allocations.
 */
import type { Split } from '../model.js'

export const DEFAULT_LABEL_PATTERN = '^[A-Za-z][A-Za-z0-9_]{0,31}$'

export type SecondsResult =
  { ok: true; value: number; decimals: number } | { ok: false; reason: string }

/**
 * Parses a time in seconds as AutoML writes it: digits with an optional fraction, or `inf` (END only).
 * Everything else (HH:MM:SS, a trailing `s`, a sign, exponents, `NaN`, hex, spaces) is refused.
 */
export function parseSeconds(text: string): SecondsResult {
  const length = text.length
  if (length === 0) return { ok: false, reason: 'is empty' }
  let dot = -1
  let digits = 0
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) {
      digits = digits * 10 + (code - 48)
      continue
    }
    if (code === 46 && dot === -1 && i > 0 && i < length - 1) {
      dot = i
      continue
    }
    return { ok: false, reason: describeBadNumber(text) }
  }
  const decimals = dot === -1 ? 0 : length - dot - 1
  // Up to 15 digits the digits are an exact integer and 10^decimals an exact power, so one
  // (correctly rounded) division gives exactly Number(text), without parsing the text again.
  const value =
    length - (dot === -1 ? 0 : 1) <= 15 ? digits / POWERS_OF_TEN[decimals]! : Number(text)
  if (!Number.isFinite(value)) return { ok: false, reason: `"${text}" is too large` }
  return { ok: true, value, decimals }
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i)

export function isInf(text: string): boolean {
  return text.length === 3 && text.toLowerCase() === 'inf'
}

function describeBadNumber(text: string): string {
  const shown = JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)
  if (/^\s|\s$/.test(text)) return `${shown} has surrounding whitespace`
  if (text.startsWith('-')) return `${shown} is negative`
  if (/^\d+(:\d+){1,2}(\.\d+)?$/.test(text))
    return `${shown} is in HH:MM:SS form; write seconds (e.g. 90.5)`
  if (/^\d+(\.\d+)?s$/i.test(text))
    return `${shown} has a unit suffix; write plain seconds without "s"`
  return `${shown} is not a number of seconds`
}

/**
 * Why a JSON Lines time that is not a plain seconds value either is unusable: Vertex writes times
 * as protobuf Duration strings ("12.5s"), so the CSV advice ("write plain seconds") would mislead.
 */
export function describeBadDuration(text: string): string {
  const shown = JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)
  if (text.trimStart().startsWith('-')) return `${shown} is negative`
  return `${shown} is not a duration like "12.5s"`
}

/** Vertex JSON Lines durations: "12.5s" (protobuf Duration JSON form). */
export function parseDurationString(text: string): SecondsResult {
  if (text.length > 1 && text.endsWith('s')) return parseSeconds(text.slice(0, -1))
  return { ok: false, reason: `"${text}" is not a duration like "12.5s"` }
}

const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f]/
/** Zero-width, bidirectional controls and other invisible format characters. */
// The class lists joiners and variation selectors on purpose: they are what we look for.
export const INVISIBLE =
  /[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g')
const INVISIBLE_OR_CONTROL = new RegExp(`${INVISIBLE.source}|[\\u0000-\\u001f\\u007f-\\u009f]`, 'g')
const BUCKET = /^[a-z0-9][a-z0-9._-]*[a-z0-9]$/

/** Why a `gs://` video URI cannot be imported, or null. */
export function checkVideoUri(uri: string, extensions: readonly string[]): string | null {
  if (uri.length === 0) return 'the video URI is empty'
  if (CONTROL_OR_SPACE.test(uri) || INVISIBLE.test(uri)) {
    return 'the video URI contains whitespace, control or invisible characters; remove them or percent-encode them'
  }
  if (!uri.startsWith('gs://')) return notCloudStorage(uri)
  const rest = uri.slice(5)
  const slash = rest.indexOf('/')
  const bucket = slash === -1 ? rest : rest.slice(0, slash)
  const object = slash === -1 ? '' : rest.slice(slash + 1)
  const bucketProblem = checkBucket(bucket)
  if (bucketProblem) return bucketProblem
  if (object.length === 0 || object.endsWith('/'))
    return 'the video URI names a bucket or folder, not a video object'
  const name = object.slice(object.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  const extension = dot === -1 ? '' : name.slice(dot).toLowerCase()
  if (!extensions.some(allowed => allowed.toLowerCase() === extension)) {
    return `unsupported video container "${extension || '(none)'}"; allowed: ${extensions.join(' ')}`
  }
  return null
}

/** A bare name: no scheme, folder or extension. What a video id looks like (`--07WQ2iBlw`). */
const BARE_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * A non-gs:// URI. A bare id-like name is most likely a dataset keyed by video id (a YouTube id)
 * read with the default `video-key: uri`: the hint names the setting that fixes every such row.
 */
function notCloudStorage(uri: string): string {
  const problem = 'the video URI must be a Cloud Storage URI of the form gs://bucket/object'
  if (!BARE_ID.test(uri)) return problem
  return `${problem}; "${uri}" looks like a video id. If this dataset names its videos by id (e.g. YouTube ids), set \`video-key: id\` for this dataset in .github/dataset-gate.yml.`
}

function checkBucket(bucket: string): string | null {
  if (bucket.length < 3 || bucket.length > 222)
    return `bucket name "${bucket}" must be 3 to 63 characters (222 with dots)`
  if (!BUCKET.test(bucket)) {
    return `bucket name "${bucket}" may only use lowercase letters, digits, dashes, underscores and dots, starting and ending with a letter or digit`
  }
  if (bucket.split('.').some(part => part.length === 0 || part.length > 63)) {
    return `bucket name "${bucket}" has an empty or over-long dot-separated part`
  }
  if (!bucket.includes('.') && bucket.length > 63)
    return `bucket name "${bucket}" is longer than 63 characters`
  if (/^\d+\.\d+\.\d+\.\d+$/.test(bucket)) return `bucket name "${bucket}" looks like an IP address`
  if (bucket.startsWith('goog')) return `bucket name "${bucket}" cannot start with "goog"`
  return null
}

/** Why a non-URI video id (video-key: id) is unusable, or null. */
export function checkVideoId(id: string): string | null {
  if (id.trim().length === 0) return 'the video id is empty'
  if (/[\u0000-\u001f\u007f]/.test(id) || INVISIBLE.test(id))
    return 'the video id contains control or invisible characters'
  return null
}

/**
 * The key that identifies a video: trimmed, duplicate slashes in the object path collapsed and
 * percent-escapes decoded, so `gs://b/a%20b.mp4` and `gs://b//a b.mp4` are one video.
 */
export function normalizeVideoKey(raw: string, kind: 'uri' | 'id'): string {
  let key = raw.trim()
  if (kind === 'id') return key
  if (key.includes('%')) {
    try {
      key = decodeURIComponent(key)
    } catch {
      // an invalid escape stays as written: the URI check reports it, the key stays stable
    }
  }
  if (key.startsWith('gs://')) {
    const rest = key.slice(5)
    if (rest.includes('//')) key = 'gs://' + rest.replace(/\/{2,}/g, '/')
  }
  return key
}

export type LabelProfile = 'automl' | 'relaxed'

export interface LabelChecker {
  (label: string): string | null
}

/** Builds the per-label check for a profile; `pattern` (RE2 syntax, already vetted) replaces AutoML's. */
export function labelChecker(
  profile: LabelProfile,
  match: ((label: string) => boolean) | null,
  patternText: string
): LabelChecker {
  return label => {
    if (label.includes(','))
      return `label "${clip(label)}" contains a comma; labels must be plain strings without commas`
    if (INVISIBLE.test(label) || /[\u0000-\u001f\u007f-\u009f]/.test(label)) {
      return `label "${visible(label)}" contains invisible or control characters; retype it`
    }
    if (profile === 'relaxed') {
      if (label.trim() !== label) return `label "${clip(label)}" has leading or trailing whitespace`
      return null
    }
    if (match && !match(label)) {
      return `label "${clip(label)}" does not match the label pattern ${patternText}`
    }
    if (!match && !AUTOML_LABEL.test(label)) {
      return `label "${clip(label)}" is not a valid AutoML label (letters, digits and underscores, starting with a letter, at most 32 characters)`
    }
    return null
  }
}
const AUTOML_LABEL = new RegExp(DEFAULT_LABEL_PATTERN)

/** The form two labels share when they are probably the same class written two ways. */
export function canonicalLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(INVISIBLE_ALL, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_')
}

export function clip(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max) + '…' : text
}

/**
 * 12345 -> "12,345". Locale-independent, so messages (and the golden reports quoting them) read
 * the same on every machine. The reports group digits the same way (src/report/format.ts).
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const sign = value < 0 ? '-' : ''
  const [whole = '0', fraction] = Math.abs(value).toString().split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return sign + grouped + (fraction === undefined ? '' : '.' + fraction)
}

/** "1 segment", "1,200 segments", "2 classes": a count with its noun in agreement. */
export function plural(count: number, singular: string, pluralForm?: string): string {
  const many = pluralForm ?? (/(s|x|ch|sh)$/.test(singular) ? singular + 'es' : singular + 's')
  return `${formatCount(count)} ${count === 1 ? singular : many}`
}

/** Shows invisible characters as <U+XXXX> so a message explains what is wrong. */
export function visible(text: string): string {
  return clip(showInvisible(text), 80)
}

/** `visible` without the length cap: every finding message goes through it (see FindingSink). */
export function showInvisible(text: string): string {
  return text.replace(
    INVISIBLE_OR_CONTROL,
    ch => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`
  )
}

/** Legacy AutoML index ML_USE values. VALIDATE is in the grammar but not allowed for video. */
export function parseIndexSplit(
  text: string
): { split: Split; problem: string | null; severity: 'error' | 'warning' } | null {
  switch (text.trim().toUpperCase()) {
    case 'TRAIN':
      return { split: 'TRAIN', problem: null, severity: 'error' }
    case 'TEST':
      return { split: 'TEST', problem: null, severity: 'error' }
    case 'UNASSIGNED':
      return { split: 'UNASSIGNED', problem: null, severity: 'error' }
    case 'VALIDATE':
    case 'VALIDATION':
      return {
        split: 'VALIDATION',
        problem: `ML_USE "${clip(text)}" is not allowed for video classification; use TRAIN, TEST or UNASSIGNED`,
        severity: 'error'
      }
    default:
      return null
  }
}

export interface SplitParse {
  split: Split
  problem: string | null
  severity: 'error' | 'warning'
}

/** The ML_USE values Vertex AI documents for video classification (any case in practice). */
export const VERTEX_ML_USE = 'training, test'

/**
 * Spellings Vertex AI does not document but whose intent is plain (the legacy AutoML `TRAIN`, the
 * research datasets' `val`, `eval`). The import would refuse them, so each is an error; the row
 * still counts in the split it was meant for, so the class counts, the leakage and distribution
 * checks describe the dataset the author intended instead of one with rows missing. Values whose
 * intent is not plain (`holdout`) are not counted at all.
 */
const TO_TRAINING = { split: 'TRAIN', advice: 'did you mean training?' } as const
const TO_TEST = { split: 'TEST', advice: 'did you mean test?' } as const
const TO_VALIDATION = {
  split: 'VALIDATION',
  advice:
    'did you mean validation? Video classification does not use it either: use training or test.'
} as const
const VERTEX_NEAR_MISSES: Record<string, { split: Split; advice: string }> = {
  train: TO_TRAINING,
  trainning: TO_TRAINING,
  testing: TO_TEST,
  eval: TO_TEST,
  evaluation: TO_TEST,
  val: TO_VALIDATION,
  valid: TO_VALIDATION,
  validate: TO_VALIDATION,
  unassigned: {
    split: 'UNASSIGNED',
    advice: 'leave ML_USE out (4 fields) to let Vertex AI assign the split.'
  }
}

/** Vertex AI CSV / JSONL ml_use values (see VERTEX_NEAR_MISSES for the undocumented ones). */
export function parseVertexSplit(text: string): SplitParse | null {
  const value = text.trim().toLowerCase()
  switch (value) {
    case 'training':
      return { split: 'TRAIN', problem: null, severity: 'error' }
    case 'test':
      return { split: 'TEST', problem: null, severity: 'error' }
    case 'validation':
      return {
        split: 'VALIDATION',
        problem:
          'ML_USE "validation" is not used for Vertex AI video classification; use training or test',
        severity: 'warning'
      }
  }
  // Own keys only: a value such as `__proto__` is not a near miss.
  if (!Object.hasOwn(VERTEX_NEAR_MISSES, value)) return null
  const { split, advice } = VERTEX_NEAR_MISSES[value]!
  return {
    split,
    problem: `ML_USE "${clip(text)}" is not a value Vertex AI accepts (${VERTEX_ML_USE}, any case); ${advice} The row is counted in ${split}.`,
    severity: 'error'
  }
}

export const DEFAULT_SPLIT_VALUES: Record<string, Split> = {
  train: 'TRAIN',
  training: 'TRAIN',
  val: 'VALIDATION',
  valid: 'VALIDATION',
  validate: 'VALIDATION',
  validation: 'VALIDATION',
  test: 'TEST',
  testing: 'TEST',
  unassigned: 'UNASSIGNED'
}
