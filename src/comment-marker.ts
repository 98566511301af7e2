/**
 * The sticky comment's marker protocol: the hidden first line the renderer writes and publishing
 * looks for (with the comment's author) to find its own comment again. One definition, outside
 * both, since the renderer writes it and publish/ reads it.
 */

const MARKER_PREFIX = '<!-- dataset-gate:'
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const SHA_PATTERN = /^[0-9a-f]{7,64}$/i

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new Error(
      `comment-key ${JSON.stringify(key)} is not valid: use up to 100 letters, digits, '.', '_' or '-'`
    )
  }
}

/**
 * The hidden first line of the comment: `<!-- dataset-gate:<key> head=<sha or none> -->`. Dataset
 * text can never produce it, because escaping turns every `<` into `&lt;`.
 */
export function commentMarker(key: string, headSha?: string): string {
  checkKey(key)
  if (headSha !== undefined && !SHA_PATTERN.test(headSha)) {
    throw new Error(`head SHA ${JSON.stringify(headSha)} is not a hexadecimal commit id`)
  }
  return `${MARKER_PREFIX}${key} head=${headSha?.toLowerCase() ?? 'none'} -->`
}

function markerPattern(key: string): RegExp {
  checkKey(key)
  const quoted = key.replace(/[.]/g, '\\.')
  return new RegExp(`^\\uFEFF?\\s*<!-- dataset-gate:${quoted} head=([0-9a-f]{7,64}|none) -->`)
}

/** Whether a comment body starts with this key's marker (whatever head it records). */
export function hasMarker(body: string, key: string): boolean {
  return markerPattern(key).test(body)
}

/**
 * The head SHA recorded in a comment that starts with this key's marker; null when the body has
 * no such marker or it records no head.
 */
export function parseMarker(body: string, key: string): string | null {
  const sha = markerPattern(key).exec(body)?.[1]
  return sha === undefined || sha === 'none' ? null : sha
}
