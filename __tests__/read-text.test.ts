/**
 * The streaming reader (src/read/text.ts and its fast and slow paths) on small, hand-written
 * inputs: which records and blank lines it gives with which line numbers, where it hands over to
 * csv-parse, and where and why it stops. robust-reader.test.ts covers generated and hostile input.
 */
import { describe, expect, it } from '@jest/globals'
import { readRecords, type ReadOptions } from '../src/read/text.js'
import type { RecordVisitor } from '../src/read/records.js'
import { quotedFields, splitFields } from '../src/read/text-fast-path.js'

async function* chunksOf(...parts: (string | Buffer)[]): AsyncIterable<Buffer> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part
}

async function read(
  parts: (string | Buffer)[],
  options: Partial<ReadOptions> = {},
  wants?: (line: number) => boolean
) {
  const seen: string[] = []
  const visitor: RecordVisitor = {
    record: (fields, line) => seen.push(`${line}: ${fields.join('|')}`),
    blank: line => seen.push(`${line}: (blank)`),
    ...(wants ? { wants } : {})
  }
  const result = await readRecords(chunksOf(...parts), visitor, {
    mode: 'csv',
    maxLineBytes: 1000,
    ...options
  })
  return { seen, result }
}

describe('the fast path', () => {
  it('splits lines and fields across chunks, with LF, CRLF and a last line without a break', async () => {
    const { seen, result } = await read(['a,b,c\r\nd,', 'e\n\nf,g', ',h'])
    expect(seen).toEqual(['1: a|b|c', '2: d|e', '3: (blank)', '4: f|g|h'])
    expect(result).toEqual({ stop: null, lines: 4, bytes: 17 })
  })

  it('reads lone CR line ends as line ends', async () => {
    const { seen } = await read(['a,b\rc,d\n'])
    expect(seen).toEqual(['1: a|b', '2: c|d'])
  })

  it('reads simple quoted fields itself', async () => {
    const { seen } = await read(['"gs://b/a,b.mp4",dog\n"say ""hi""",x\n'])
    expect(seen).toEqual(['1: gs://b/a,b.mp4|dog', '2: say "hi"|x'])
  })

  it('in lines mode a line is one field, commas and all', async () => {
    const { seen } = await read(['{"a":1,"b":2}\n{}\n'], { mode: 'lines' })
    expect(seen).toEqual(['1: {"a":1,"b":2}', '2: {}'])
  })

  it('skips the lines the visitor does not want, unsplit and unreported', async () => {
    const { seen, result } = await read(['a\n\nb\nc\n'], {}, line => line !== 2 && line !== 3)
    expect(seen).toEqual(['1: a', '4: c'])
    expect(result.lines).toBe(4)
  })
})

describe('csv-parse for the rest of the file', () => {
  it('takes over at a quoted field that spans lines, counting lines from there', async () => {
    const { seen, result } = await read(['a,b\n"multi\nline",c\nd,e\n'])
    expect(seen).toEqual(['1: a|b', '2: multi\nline|c', '4: d|e'])
    expect(result).toMatchObject({ stop: null, lines: 4 })
  })

  it('stops at an unterminated quote with the line it starts on', async () => {
    const { seen, result } = await read(['a,b\nc,"open\nd,e\n'])
    expect(seen).toEqual(['1: a|b'])
    expect(result.stop).toMatchObject({ kind: 'syntax', line: 2 })
    expect(result.stop!.message).toMatch(/never closed/)
  })
})

describe('stops', () => {
  it('an over-long line stops the file with its line number', async () => {
    const { seen, result } = await read(['a\n' + 'x'.repeat(30) + '\nb\n'], { maxLineBytes: 20 })
    expect(seen).toEqual(['1: a'])
    expect(result.stop).toMatchObject({ kind: 'limit', line: 2 })
  })

  it('NUL bytes and invalid UTF-8 stop the file at their line', async () => {
    const nul = await read(['a\nb\n', Buffer.from([0x63, 0x0a, 0x00])])
    expect(nul.result.stop).toMatchObject({ kind: 'syntax', line: 4 })
    expect(nul.result.stop!.message).toMatch(/NUL bytes/)
    const utf8 = await read([Buffer.from('é\n'), Buffer.from([0x61, 0x0a, 0xc3, 0x28])])
    expect(utf8.result.stop).toMatchObject({ kind: 'syntax', line: 3 })
    expect(utf8.result.stop!.message).toMatch(/not valid UTF-8/)
  })

  it('a file that ends inside a character', async () => {
    const { result } = await read([Buffer.from('a\n'), Buffer.from([0xe2, 0x82])])
    expect(result.stop).toMatchObject({ kind: 'syntax', line: 2 })
  })

  it('UTF-16 and Git LFS pointers are named at line 1', async () => {
    const utf16 = await read([Buffer.from([0xff, 0xfe, 0x61, 0x00])])
    expect(utf16.result.stop!.message).toMatch(/UTF-16/)
    const lfs = await read(['version https://git-lfs.github.com/spec/v1\noid sha256:abc\n'])
    expect(lfs.result.stop).toMatchObject({ line: 1 })
    expect(lfs.result.stop!.message).toMatch(/Git LFS pointer/)
  })

  it('a BOM at the start is dropped; one later is data', async () => {
    const { seen } = await read([Buffer.from('\ufeffa,b\n'), Buffer.from('\ufeffc\n')])
    expect(seen).toEqual(['1: a|b', '2: \ufeffc'])
  })
})

describe('field splitting', () => {
  it('splitFields cuts the fields of a line out of a larger text', () => {
    const text = 'xx,a,b,c,d,e,f,g\n'
    expect(splitFields(text, 3, 16)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
    expect(splitFields(text, 3, 4)).toEqual(['a'])
    expect(splitFields(',,', 0, 2)).toEqual(['', '', ''])
  })

  it('quotedFields reads closed quoted fields and gives up on anything csv-parse must judge', () => {
    expect(quotedFields('"a,b",c', 0, 7)).toEqual(['a,b', 'c'])
    expect(quotedFields('"a""b"', 0, 6)).toEqual(['a"b'])
    expect(quotedFields('"a"b,c', 0, 6)).toBeNull() // text after the closing quote
    expect(quotedFields('a"b,c', 0, 5)).toBeNull() // a quote inside an unquoted field
    expect(quotedFields('"open', 0, 5)).toBeNull() // goes on past the line
  })
})
