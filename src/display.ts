/* eslint-disable no-misleading-character-class -- the classes list invisible and combining characters on purpose */
/**
 * How values are shown inside messages: clipped, with invisible characters made visible, counts
 * with thousands separators and nouns that agree with them. A leaf like `model.ts`: every stage may
 * import it, and it imports nothing.
 */

/** Zero-width, bidirectional controls and other invisible format characters. */
// The class lists joiners and variation selectors on purpose: they are what we look for.
export const INVISIBLE =
  /[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/
const INVISIBLE_OR_CONTROL = new RegExp(`${INVISIBLE.source}|[\\u0000-\\u001f\\u007f-\\u009f]`, 'g')

export function clip(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max) + '…' : text
}

/**
 * 12345 -> "12,345". Locale-independent, so messages (and the golden reports quoting them) read
 * the same on every machine. The reports group digits the same way (src/report/format.ts). Used
 * instead of `toLocaleString('en-US')`, whose first call loads ICU's locale data: about 7 MB more
 * resident memory for a few commas (eslint refuses `toLocaleString` in src/).
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

/** Why a file could not be opened, read or written, in words (the code alone for the rare ones). */
export function fileErrorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'it, or the folder it is in, does not exist'
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder'
    case 'EISDIR':
      return 'it is a folder'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENOSPC':
      return 'the disk is full'
    default:
      return typeof code === 'string' ? code : String(error).split('\n')[0]!
  }
}
