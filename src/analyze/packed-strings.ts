/**
 * A list of strings as one block of UTF-8 bytes and the offset where each ends: what a worker's
 * part sends for its video keys. The structured clone copies strings one by one into the message
 * while the worker still holds them (at 6.4 M AVA-style rows, 128,000 keys: 8.6 MB of strings and
 * a 4 MB message beside them); packed, the worker can let its strings go before it posts, and the
 * two arrays are moved to the main thread, not copied.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export interface PackedStrings {
  bytes: Uint8Array
  ends: Uint32Array
}

/**
 * The strings packed, or null when one is not well-formed UTF-16 (a lone surrogate would not come
 * back from UTF-8 as itself): such a list is sent as it is.
 */
export function packStrings(list: readonly string[]): PackedStrings | null {
  let size = 0
  for (const text of list) {
    const bytes = Buffer.byteLength(text, 'utf8')
    if (bytes !== text.length && LONE_SURROGATE.test(text)) return null
    size += bytes
  }
  const bytes = Buffer.allocUnsafeSlow(size) // not from Node's shared pool: moved whole
  const ends = new Uint32Array(list.length)
  let at = 0
  list.forEach((text, i) => {
    at += bytes.write(text, at, 'utf8')
    ends[i] = at
  })
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, size), ends }
}

/** The strings back, each a string of its own (not a slice of a larger one). */
export function unpackStrings(packed: PackedStrings): string[] {
  const bytes = Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset, packed.bytes.byteLength)
  const list = new Array<string>(packed.ends.length)
  let start = 0
  for (let i = 0; i < packed.ends.length; i++) {
    const end = packed.ends[i]!
    list[i] = bytes.toString('utf8', start, end)
    start = end
  }
  return list
}
