/**
 * Which video URIs, video ids and labels the import accepts, and why one is refused: each check
 * returns a reason a person can act on, or null. The accumulator runs them once per distinct
 * spelling (see `ValueRules` in analyze/accumulator.ts), never per row.
 */
import { INVISIBLE, clip, visible } from '../display.js'
import type { LabelProfile, ValueRules } from '../analyze/value-rules.js'
import type { RuleSettings } from '../rules/catalogue.js'

export const DEFAULT_LABEL_PATTERN = '^[A-Za-z][A-Za-z0-9_]{0,31}$'

const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f]/
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
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
    if (INVISIBLE.test(label) || CONTROL.test(label)) {
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

/**
 * The accumulator's `ValueRules` from the rule settings; `labelMatch` is the configured label
 * pattern, compiled (RE2), or null for AutoML's.
 */
export function valueRules(
  settings: RuleSettings,
  labelMatch: ((label: string) => boolean) | null
): ValueRules {
  const extensions = settings['uri-invalid'].options.extensions
  const labels = settings['label-invalid'].options
  const pattern = labels.pattern ?? ''
  const checkers: Record<LabelProfile, LabelChecker> = {
    automl: labelChecker('automl', labelMatch, pattern),
    relaxed: labelChecker('relaxed', labelMatch, pattern)
  }
  const segments = settings['segment-invalid'].options
  return {
    videoProblem: (raw, kind) =>
      kind === 'uri' ? checkVideoUri(raw, extensions) : checkVideoId(raw),
    labelProblem: (label, profile) => checkers[profile](label),
    maxDecimals: segments['max-decimals'],
    durationTolerance: segments.tolerance,
    relaxLabelsForColumns: labels.profile === 'auto'
  }
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
