/**
 * What a field says: a time in seconds, the end of the video, the key of a video. Whether a value
 * is acceptable is the judge's (judge/value-checks.ts). `parseSeconds` runs on every row and is
 * written to avoid regexes and allocations; the rest run once per distinct value.
 */

export type SecondsResult =
  { ok: true; value: number; decimals: number } | { ok: false; reason: string }

const DIGIT_0 = 48
const DIGIT_9 = 57
const DOT = 46

/**
 * Parses a time in seconds as AutoML writes it: digits with an optional fraction, or `inf` (END only).
 * Everything else (HH:MM:SS, a trailing `s`, a sign, exponents, `NaN`, hex, spaces) is refused,
 * with what the text is instead.
 */
export function parseSeconds(text: string): SecondsResult {
  const length = text.length
  if (length === 0) return { ok: false, reason: 'is empty' }
  let dot = -1
  let digits = 0
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i)
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      digits = digits * 10 + (code - DIGIT_0)
      continue
    }
    if (code === DOT && dot === -1 && i > 0 && i < length - 1) {
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

/** `inf` in any case: the end of the video, as END. */
export function isInf(text: string): boolean {
  // Character by character: most times are three characters long ("2.5", "120"), and lowering
  // each one's case made a string. Only I/i, N/n and F/f lower to i, n and f.
  return (
    text.length === 3 &&
    (text.charCodeAt(0) | 32) === 105 &&
    (text.charCodeAt(1) | 32) === 110 &&
    (text.charCodeAt(2) | 32) === 102
  )
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

/** A protobuf Duration in JSON as Vertex writes segment times: seconds with an `s` unit. */
export const DURATION = /^\d+(\.\d+)?s$/

/**
 * A JSON Lines time as seconds text: "12.5s" -> "12.5"; absent -> `absent`; "Infinity" -> "inf";
 * anything else passes through as its text, for the accumulator to read or report.
 */
export function jsonTime(value: unknown, absent: string): string {
  if (value === undefined || value === null) return absent
  if (typeof value !== 'string') return String(value)
  if (value === 'Infinity' || value === 'inf') return 'inf'
  return DURATION.test(value) ? value.slice(0, -1) : value
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
