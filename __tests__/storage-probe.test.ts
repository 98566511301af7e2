/** The duration probe on hand-built container headers: box sizes, box order, AVI headers. */
import { describe, expect, test } from '@jest/globals'
import { containerOf, MAX_PROBE_BYTES, probeDuration } from '../src/storage/probe.js'

function box(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + body.length, 0)
  header.write(type, 4, 'latin1')
  return Buffer.concat([header, body])
}

/** A version 0 mvhd: timescale and duration, the rest zero. */
function mvhd(timescale: number, duration: number): Buffer {
  const body = Buffer.alloc(100)
  body.writeUInt32BE(timescale, 12)
  body.writeUInt32BE(duration, 16)
  return box('mvhd', body)
}

const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0isommp41', 'latin1'))

/** A reader over `file` that counts what it serves. */
function reader(file: Buffer) {
  const served = { bytes: 0, reads: 0 }
  return {
    served,
    read: async (start: number, end: number) => {
      served.reads++
      const bytes = file.subarray(start, Math.min(end, file.length - 1) + 1)
      served.bytes += bytes.length
      return bytes
    }
  }
}

describe('probeDuration', () => {
  test('moov after a large mdat with a 64-bit size is found by skipping, not reading, the mdat', async () => {
    // The mdat claims 3 GB via largesize; the file holds only its header, then moov.
    const mdatHeader = Buffer.alloc(16)
    mdatHeader.writeUInt32BE(1, 0)
    mdatHeader.write('mdat', 4, 'latin1')
    const mdatSize = 3 * 1024 ** 3
    mdatHeader.writeBigUInt64BE(BigInt(mdatSize), 8)
    const moov = box('moov', mvhd(1000, 12_345))
    const sparse = new Map<number, Buffer>([
      [0, Buffer.concat([ftyp, mdatHeader])],
      [ftyp.length + mdatSize, moov]
    ])
    const size = ftyp.length + mdatSize + moov.length
    let bytes = 0
    const read = async (start: number, end: number) => {
      for (const [at, data] of sparse)
        if (start >= at && start < at + data.length) {
          const piece = data.subarray(start - at, end - at + 1)
          bytes += piece.length
          return piece
        }
      throw new Error(`read of ${start}-${end} outside the headers`)
    }
    expect(await probeDuration(read, size, 'isobmff')).toEqual({
      seconds: 12.345,
      bytesRead: bytes
    })
    expect(bytes).toBeLessThan(MAX_PROBE_BYTES)
  })

  test('moov first', async () => {
    const file = Buffer.concat([
      ftyp,
      box('moov', mvhd(600, 1200)),
      box('mdat', Buffer.alloc(200_000))
    ])
    const { read, served } = reader(file)
    expect(await probeDuration(read, file.length, 'isobmff')).toMatchObject({ seconds: 2 })
    expect(served.reads).toBe(1)
  })

  test('a file cut inside its boxes, or without moov, has no duration', async () => {
    const cut = Buffer.concat([ftyp, box('mdat', Buffer.alloc(100))]).subarray(0, ftyp.length + 4)
    expect(await probeDuration(reader(cut).read, cut.length, 'isobmff')).toMatchObject({
      problem: expect.stringContaining('ends inside a box header')
    })
    const noMoov = Buffer.concat([ftyp, box('mdat', Buffer.alloc(100))])
    expect(await probeDuration(reader(noMoov).read, noMoov.length, 'isobmff')).toMatchObject({
      problem: 'no duration in the header'
    })
  })

  test('a moov over the probe limit is not read', async () => {
    const file = Buffer.concat([
      ftyp,
      box('moov', Buffer.concat([mvhd(1, 1), Buffer.alloc(MAX_PROBE_BYTES)]))
    ])
    expect(await probeDuration(reader(file).read, file.length, 'isobmff')).toMatchObject({
      problem: expect.stringContaining(`past the first ${MAX_PROBE_BYTES} bytes`)
    })
  })

  test('AVI: strh length x scale / rate, else avih frames x microseconds', async () => {
    const avih = Buffer.alloc(56)
    avih.writeUInt32LE(33_333, 0) // microseconds per frame (30 fps, rounded down)
    avih.writeUInt32LE(300, 16) // total frames
    const strh = Buffer.alloc(56)
    strh.write('vids', 0, 'latin1')
    strh.writeUInt32LE(1, 20) // scale
    strh.writeUInt32LE(30, 24) // rate
    strh.writeUInt32LE(300, 32) // length
    const chunk = (id: string, body: Buffer) => {
      const header = Buffer.alloc(8)
      header.write(id, 0, 'latin1')
      header.writeUInt32LE(body.length, 4)
      return Buffer.concat([header, body])
    }
    const list = (kind: string, ...chunks: Buffer[]) =>
      chunk('LIST', Buffer.concat([Buffer.from(kind, 'latin1'), ...chunks]))
    const riff = (...chunks: Buffer[]) =>
      chunk('RIFF', Buffer.concat([Buffer.from('AVI ', 'latin1'), ...chunks]))
    const withStrh = riff(
      list('hdrl', chunk('avih', avih), list('strl', chunk('strh', strh))),
      list('movi')
    )
    expect(await probeDuration(reader(withStrh).read, withStrh.length, 'avi')).toMatchObject({
      seconds: 10
    })
    const avihOnly = riff(list('hdrl', chunk('avih', avih)), list('movi'))
    expect(await probeDuration(reader(avihOnly).read, avihOnly.length, 'avi')).toMatchObject({
      seconds: 9.9999
    })
    const notAvi = Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1')
    expect(await probeDuration(reader(notAvi).read, notAvi.length, 'avi')).toMatchObject({
      problem: 'not a RIFF AVI file'
    })
  })

  test('containers by extension', () => {
    expect(['a.MP4', 'b.mov', 'c.mpeg4', 'd.avi', 'e.mkv'].map(containerOf)).toEqual([
      'isobmff',
      'isobmff',
      'isobmff',
      'avi',
      null
    ])
  })
})
