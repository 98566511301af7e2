/**
 * Passing over unwanted lines in a run (`RecordVisitor.nextWanted`, read/text-fast-path.ts): a
 * reader that wants a few lines again (the second pass, read/line-filter.ts) gets exactly the
 * records, blank lines, line numbers and stops it gets when each line is asked about in turn, on
 * generated files that mix LF, CRLF and lone CR line ends, quoted fields (some spanning lines),
 * blank lines, lines near the length limit and non-ASCII text, cut into chunks anywhere.
 */
import { describe, expect, it } from '@jest/globals'
import { onlyLines } from '../src/read/line-filter.js'
import { readRecords } from '../src/read/text.js'
import type { RecordVisitor } from '../src/read/records.js'

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const MAX_LINE = 300

/** A file of `count` lines, mostly plain rows, with the kinds of lines named above mixed in. */
function file(seed: number, count: number): string {
  const next = random(seed)
  const kinds = next() // how much of the unusual each file has
  const parts: string[] = []
  for (let k = 0; k < count; k++) {
    const r = next()
    let line = `training,gs://b/v${Math.floor(next() * 50)}.mp4,class_${k % 7},${k},${k + 1.5}`
    if (r < 0.02 * kinds) line = ''
    else if (r < 0.03 * kinds) line = `"gs://b/a,${k}.mp4",dog,0,1`
    else if (r < 0.035 * kinds) line = `"gs://b/two\nlines${k}.mp4",dog,0,1`
    else if (r < 0.04 * kinds) line = 'x'.repeat(MAX_LINE / 3 + Math.floor(next() * MAX_LINE))
    else if (r < 0.045 * kinds) line = `training,gs://b/café${k}.mp4,dog,0,1`
    const end = next() < 0.1 * kinds ? (next() < 0.5 ? '\r\n' : '\r') : '\n'
    parts.push(line + end)
  }
  return parts.join('')
}

async function* cut(bytes: Buffer, seed: number): AsyncIterable<Buffer> {
  const next = random(seed)
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(next() * 3000)
    yield bytes.subarray(at, at + size)
    at += size
  }
}

/** What a reader wanting `lines` sees, with or without being able to say which line comes next. */
async function seen(bytes: Buffer, lines: Uint32Array, skipAhead: boolean, seed: number) {
  const out: string[] = []
  const reader: RecordVisitor = {
    record: (fields, line) => out.push(`${line}: ${JSON.stringify(fields)}`),
    blank: line => out.push(`${line}: (blank)`)
  }
  const visitor = onlyLines(reader, lines)
  if (!skipAhead) delete visitor.nextWanted
  const result = await readRecords(cut(bytes, seed), visitor, {
    mode: 'csv',
    maxLineBytes: MAX_LINE
  })
  out.push(`stop ${JSON.stringify(result.stop)} lines ${result.lines}`)
  return out
}

describe('passing over unwanted lines', () => {
  it('gives what asking about each line gives, on 60 generated files', async () => {
    let compared = 0
    for (let seed = 1; seed <= 60; seed++) {
      const text = file(seed, 400 + seed * 20)
      const bytes = Buffer.from(text)
      const next = random(seed * 7919)
      const total = text.split('\n').length
      // From none to all of the lines: sparse, dense, and runs.
      const share = [0, 0.01, 0.05, 0.3, 1][seed % 5]!
      const wanted: number[] = []
      for (let line = 1; line <= total + 2; line++) if (next() < share) wanted.push(line)
      const lines = Uint32Array.from(wanted)
      const asked = await seen(bytes, lines, false, seed)
      const passed = await seen(bytes, lines, true, seed)
      expect(passed).toEqual(asked)
      compared += asked.length
    }
    expect(compared).toBeGreaterThan(5000)
  })

  it('passes over lines without asking about each', async () => {
    const text = Array.from({ length: 1000 }, (_, k) => `training,gs://b/${k}.mp4,dog,0,1`).join(
      '\n'
    )
    const asked: number[] = []
    const records: number[] = []
    const inner: RecordVisitor = { record: (_fields, line) => records.push(line), blank: () => {} }
    const filter = onlyLines(inner, Uint32Array.from([500, 900]))
    const visitor: RecordVisitor = {
      ...filter,
      wants: line => {
        asked.push(line)
        return filter.wants!(line)
      }
    }
    await readRecords(cut(Buffer.from(text), 3), visitor, { mode: 'csv', maxLineBytes: MAX_LINE })
    expect(records).toEqual([1, 500, 900])
    // The first record (the format's detection) and the wanted lines, not the 997 others.
    expect(asked.length).toBeLessThan(20)
  })
})
