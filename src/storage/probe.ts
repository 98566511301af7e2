/**
 * A video's duration from its container header, read with ranged reads and never the whole file.
 * MP4 and QuickTime: the top-level boxes are walked by their headers (skipping `mdat` however
 * large) to `moov`, wherever it sits, and mp4box (GPAC's parser) reads its `mvhd`. AVI: the RIFF
 * header list's `avih` (frames x microseconds per frame), refined by the first stream's `strh`
 * (length x scale / rate), which is exact where avih's whole microseconds are not. mp4box does not
 * read AVI, and the fixed 56-byte avih needs no library.
 */

/** Reads bytes `start`..`end` (inclusive) of the object; may return fewer at its end. */
export type RangeReader = (start: number, end: number) => Promise<Buffer>

/** What one probe may read: a header past this is not worth more requests. */
export const MAX_PROBE_BYTES = 1024 * 1024
const FIRST_READ = 64 * 1024

export type ProbeResult =
  { seconds: number; bytesRead: number } | { problem: string; bytesRead: number }

export async function probeDuration(
  read: RangeReader,
  size: number,
  container: 'isobmff' | 'avi'
): Promise<ProbeResult> {
  const counted = countingReader(read)
  try {
    const seconds =
      container === 'avi' ? await aviDuration(counted, size) : await mp4Duration(counted, size)
    return seconds === null
      ? { problem: 'no duration in the header', bytesRead: counted.bytes }
      : { seconds, bytesRead: counted.bytes }
  } catch (error) {
    return { problem: (error as Error).message, bytesRead: counted.bytes }
  }
}

export function containerOf(name: string): 'isobmff' | 'avi' | null {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase()
  if (extension === 'avi') return 'avi'
  return ['mp4', 'mov', 'mpeg4', 'm4v', 'qt'].includes(extension) ? 'isobmff' : null
}

function countingReader(read: RangeReader): RangeReader & { bytes: number } {
  const reader = Object.assign(
    async (start: number, end: number) => {
      if (reader.bytes + (end - start + 1) > MAX_PROBE_BYTES)
        throw new Error(`the header is past the first ${MAX_PROBE_BYTES} bytes read`)
      const bytes = await read(start, end)
      reader.bytes += bytes.length
      return bytes
    },
    { bytes: 0 }
  )
  return reader
}

async function mp4Duration(read: RangeReader, size: number): Promise<number | null> {
  let offset = 0
  while (offset + 8 <= size) {
    const head = await read(offset, Math.min(size, offset + FIRST_READ) - 1)
    let at = 0
    // Walk the boxes in hand; a box that ends past them (mdat) is skipped by its size.
    while (at < head.length) {
      const rest = head.subarray(at)
      if (rest.length < 16 && offset + head.length < size) break // header cut: read from here
      const header = boxHeader(rest, offset + at, size)
      if (header.type === 'moov')
        return await mvhdSeconds(
          header.size <= rest.length
            ? rest.subarray(0, header.size)
            : await readWhole(read, offset + at, header.size, rest)
        )
      at += header.size
    }
    if (at === 0) throw new Error(`a box at byte ${offset} cannot be read`)
    offset += at
  }
  return null
}

interface BoxHeader {
  type: string
  size: number
}

function boxHeader(bytes: Buffer, offset: number, fileSize: number): BoxHeader {
  if (bytes.length < 8) throw new Error(`the file ends inside a box header at byte ${offset}`)
  let size = bytes.readUInt32BE(0)
  const type = bytes.toString('latin1', 4, 8)
  if (size === 1) {
    if (bytes.length < 16) throw new Error(`the file ends inside a box header at byte ${offset}`)
    size = Number(bytes.readBigUInt64BE(8))
  } else if (size === 0) size = fileSize - offset
  if (size < 8) throw new Error(`a box at byte ${offset} has an invalid size`)
  return { type, size }
}

async function readWhole(
  read: RangeReader,
  offset: number,
  size: number,
  head: Buffer
): Promise<Buffer> {
  const rest = await read(offset + head.length, offset + size - 1)
  return Buffer.concat([head, rest])
}

/**
 * mp4box reads the `mvhd` (versions 0 and 1, 32- or 64-bit durations). It is handed a `moov` that
 * holds only that box: the rest (tracks, QuickTime's `udta` atoms it does not know and logs about)
 * is not needed for the duration.
 */
async function mvhdSeconds(moov: Buffer): Promise<number | null> {
  let at = 8
  while (at + 8 <= moov.length) {
    const child = boxHeader(moov.subarray(at), at, moov.length)
    if (child.type === 'mvhd') {
      const mvhd = moov.subarray(at, at + child.size)
      const only = Buffer.alloc(8 + mvhd.length)
      only.writeUInt32BE(only.length, 0)
      only.write('moov', 4, 'latin1')
      mvhd.copy(only, 8)
      // Loaded on first use: a run that probes nothing does not pay for it.
      const { createFile, MP4BoxBuffer } = await import('mp4box')
      const file = createFile()
      const copy = only.buffer.slice(only.byteOffset, only.byteOffset + only.length) as ArrayBuffer
      file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(copy, 0))
      file.flush()
      const parsed = file.moov?.mvhd
      return parsed && parsed.timescale ? Number(parsed.duration) / parsed.timescale : null
    }
    at += child.size
  }
  return null
}

/** RIFF 'AVI ' then LIST 'hdrl' holding 'avih' (56 bytes) and the streams' LIST 'strl'. */
async function aviDuration(read: RangeReader, size: number): Promise<number | null> {
  const head = await read(0, Math.min(size, FIRST_READ) - 1)
  if (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'AVI ')
    throw new Error('not a RIFF AVI file')
  const avih = findChunk(head, 'avih')
  if (avih === -1) return null
  const microsPerFrame = head.readUInt32LE(avih)
  const totalFrames = head.readUInt32LE(avih + 16)
  const strh = findChunk(head, 'strh')
  if (strh !== -1 && head.toString('latin1', strh, strh + 4) === 'vids') {
    const scale = head.readUInt32LE(strh + 20)
    const rate = head.readUInt32LE(strh + 24)
    const length = head.readUInt32LE(strh + 32)
    if (scale > 0 && rate > 0 && length > 0) return (length * scale) / rate
  }
  return microsPerFrame > 0 ? (microsPerFrame * totalFrames) / 1e6 : null
}

/** The data offset of the first chunk `id` inside the header lists, -1 when absent. */
function findChunk(bytes: Buffer, id: string, from = 12, to = bytes.length): number {
  let at = from
  while (at + 8 <= to) {
    const chunk = bytes.toString('latin1', at, at + 4)
    const size = bytes.readUInt32LE(at + 4)
    if (chunk === id) return at + 8
    if (chunk === 'LIST') {
      const inner = findChunk(bytes, id, at + 12, Math.min(to, at + 8 + size))
      if (inner !== -1) return inner
      if (bytes.toString('latin1', at + 8, at + 12) === 'movi') return -1
    }
    at += 8 + size + (size & 1)
  }
  return -1
}
