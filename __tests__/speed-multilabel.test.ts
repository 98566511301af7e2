/**
 * The multi-label facts measured in one sorted pass (analyze/intervals.ts) and, for videos whose
 * rows are together, during the first pass: the same facts as the two separate measures they
 * replace, and the same report whatever the row order, whichever pass measures a video.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { measureSegments, SegmentRuns } from '../src/analyze/intervals.js'
import { cleanRepos, gateFiles, only, seeded, shuffle } from './helpers/datasets.js'

afterAll(cleanRepos)

/** The measures as they were before (flat label, start, end triples), as the reference. */
function sharedReference(list: number[], count: number): number {
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) =>
      list[a * 3 + 1]! - list[b * 3 + 1]! ||
      list[a * 3 + 2]! - list[b * 3 + 2]! ||
      list[a * 3]! - list[b * 3]!
  )
  let shared = 0
  for (let i = 0; i < count;) {
    const first = order[i]!
    let labels = 1
    let j = i + 1
    while (
      j < count &&
      list[order[j]! * 3 + 1] === list[first * 3 + 1] &&
      list[order[j]! * 3 + 2] === list[first * 3 + 2]
    ) {
      if (list[order[j]! * 3] !== list[order[j - 1]! * 3]) labels++
      j++
    }
    if (labels > 1) shared += j - i
    i = j
  }
  return shared
}

function overlapReference(list: number[], count: number): boolean {
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => list[a * 3 + 1]! - list[b * 3 + 1]!
  )
  const active: { label: number; end: number }[] = []
  for (const i of order) {
    const label = list[i * 3]!
    const start = list[i * 3 + 1]!
    const end = list[i * 3 + 2]!
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.end <= start) active.splice(k, 1)
    if (active.some(a => a.label !== label)) return true
    active.push({ label, end })
  }
  return false
}

const segment = fc
  .tuple(
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 1, max: 6 }),
    fc.boolean()
  )
  .map(
    ([label, start, length, toEnd]) =>
      [label, start / 2, toEnd && length === 6 ? Infinity : (start + length) / 2] as const
  )

describe('measureSegments', () => {
  it('finds what the two separate measures found, in any order and at any size', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 90 }), segments => {
        const list = segments.flat()
        const facts = measureSegments({
          labels: Int32Array.from(segments.map(s => s[0])),
          starts: Float64Array.from(segments.map(s => s[1])),
          ends: Float64Array.from(segments.map(s => s[2])),
          count: segments.length
        })
        expect(facts.shared).toBe(sharedReference(list, segments.length))
        expect(facts.overlap).toBe(overlapReference(list, segments.length))
      }),
      { numRuns: 2000 }
    )
  })

  it('keeps a window per video and marks a video whose rows come back after it closed', () => {
    const runs = new SegmentRuns()
    runs.add(0, 1, 0, 10)
    runs.add(0, 2, 5, 15)
    runs.add(1, 1, 0, 10)
    runs.add(2, 1, 0, 10)
    runs.add(1, 2, 0, 10) // video 1 again, after video 2: its window is still open
    // 256 other videos since video 2's last row close its window; it comes back after.
    for (let video = 3; video < 3 + 256; video++) runs.add(video, 0, 0, 1)
    runs.add(2, 2, 0, 10)
    runs.end()
    expect(runs.measured(0)).toBe(true)
    expect(runs.factsOf(0)).toEqual({ shared: 0, overlap: true })
    expect(runs.measured(1)).toBe(true)
    expect(runs.factsOf(1)).toEqual({ shared: 2, overlap: true })
    expect(runs.measured(2)).toBe(false)
    expect(runs.segmentsOf(2)).toBe(2)
    expect(runs.measured(3)).toBe(true)
  })

  it('measures interleaved videos as a sorted pass over all their segments does', () => {
    // Rows of up to `active` videos at once, each video's segments in random order among them.
    const rows = fc.record({
      active: fc.integer({ min: 1, max: 300 }),
      videos: fc.array(fc.array(segment, { minLength: 1, maxLength: 12 }), {
        minLength: 1,
        maxLength: 400
      }),
      seed: fc.integer(),
      // Video ids as the accumulator gives them (0, 1, 2, ...) or spread far apart.
      spread: fc.boolean()
    })
    fc.assert(
      fc.property(rows, ({ active, videos, seed, spread }) => {
        const random = seeded(seed)
        const idOf = videos.map((_, i) => (spread ? i * 4099 + (i % 7) * 512 : i))
        const runs = new SegmentRuns()
        const open: number[] = []
        const next = videos.map(() => 0)
        let started = 0
        while (started < videos.length || open.length > 0) {
          while (open.length < active && started < videos.length) open.push(started++)
          const at = Math.floor(random() * open.length)
          const video = open[at]!
          const [label, start, end] = videos[video]![next[video]!++]!
          runs.add(idOf[video]!, label, start, end)
          if (next[video] === videos[video]!.length) open.splice(at, 1)
        }
        runs.end()
        let measured = 0
        videos.forEach((segments, i) => {
          const video = idOf[i]!
          expect(runs.segmentsOf(video)).toBe(segments.length)
          if (!runs.measured(video)) return
          measured++
          const labels = new Set(segments.map(s => s[0]))
          const facts = measureSegments({
            labels: Int32Array.from(segments.map(s => s[0])),
            starts: Float64Array.from(segments.map(s => s[1])),
            ends: Float64Array.from(segments.map(s => s[2])),
            count: segments.length
          })
          expect(runs.factsOf(video)).toEqual(
            labels.size > 1 ? facts : { shared: 0, overlap: false }
          )
        })
        // Up to 256 videos at once fit the windows: every video is measured in the first pass.
        if (active <= 128) expect(measured).toBe(videos.length)
      }),
      { numRuns: 300 }
    )
  })

  it('finds every open window when videos share a place in its table', () => {
    // intervals.ts's table position of a video: Fibonacci hashing into 512 entries.
    const home = (video: number) => Math.imul(video, 0x9e3779b1) >>> 23
    const colliding = [] as number[]
    for (let video = 1000; colliding.length < 4; video++)
      if (home(video) === home(1000)) colliding.push(video)
    const [a, b, c, d] = colliding as [number, number, number, number]
    // A video whose own place is the one after a's: it must stay there when a's entry goes.
    let neighbour = 5000
    while (home(neighbour) !== (home(a) + 1) % 512) neighbour++
    const runs = new SegmentRuns()
    runs.add(a, 0, 0, 10)
    runs.add(neighbour, 0, 0, 10)
    for (let filler = 0; filler < 251; filler++) runs.add(filler, 0, 0, 1)
    runs.add(b, 0, 0, 10) // b, c and d sit after a and the neighbour in the table
    runs.add(c, 0, 0, 10)
    runs.add(d, 0, 0, 10)
    runs.add(300, 0, 0, 1) // a 257th window: the least recently seen one, a's, is closed
    for (const video of [neighbour, b, c, d]) runs.add(video, 1, 5, 15) // found, not scattered
    runs.end()
    expect(runs.measured(a)).toBe(true)
    for (const video of [neighbour, b, c, d]) {
      expect(runs.measured(video)).toBe(true)
      expect(runs.factsOf(video)).toEqual({ shared: 0, overlap: true })
    }
  })

  it('closes the oldest windows to keep at most 65,536 segments', () => {
    const runs = new SegmentRuns()
    for (let k = 0; k < 40_000; k++) runs.add(0, k % 2, k, k + 2)
    for (let k = 0; k < 40_000; k++) runs.add(1, k % 2, k, k + 2)
    runs.add(0, 0, 0, 1) // video 0's window was closed to make room for video 1's
    runs.end()
    expect(runs.measured(0)).toBe(false)
    expect(runs.measured(1)).toBe(true)
    expect(runs.factsOf(1)).toEqual({ shared: 0, overlap: true })
  })

  it('leaves a very long run to the second pass', () => {
    const runs = new SegmentRuns()
    for (let k = 0; k < 70_000; k++) runs.add(0, k % 2, k, k + 2)
    runs.add(1, 0, 0, 1)
    runs.end()
    expect(runs.measured(0)).toBe(false)
    expect(runs.segmentsOf(0)).toBe(70_000)
    expect(runs.measured(1)).toBe(true)
  })
})

/** Rows of 40 multi-label videos, a dozen segments each, some sharing spans, some overlapping. */
function multiLabelRows(): string[] {
  const random = seeded(16)
  const rows: string[] = []
  for (let video = 0; video < 40; video++) {
    const labels = ['run', 'jump', 'sit', 'wave'].slice(0, 1 + (video % 4))
    let cursor = 0
    for (let k = 0; k < 12; k++) {
      const label = labels[Math.floor(random() * labels.length)]!
      const start = cursor
      const end = k === 11 && video % 5 === 0 ? 'inf' : String(start + 1 + Math.floor(random() * 6))
      cursor += Math.floor(random() * 4)
      const split = video % 4 === 0 ? 'test' : 'training'
      rows.push(`${split},gs://bucket/v${video}.mp4,${label},${start},${end}`)
      if (random() < 0.3)
        rows.push(`${split},gs://bucket/v${video}.mp4,${labels[0]},${start},${end}`)
    }
  }
  return rows
}

describe('multi-label facts, grouped or scattered rows', () => {
  const multiLabel = async (rows: string[], config?: string) => {
    const report = await gateFiles({ 'v.csv': rows.join('\n') + '\n' }, config ? { config } : {})
    const d = only(report)
    const notice = d.findings.find(f => f.rule === 'multi-label')
    return {
      share: d.metrics.multiLabelSegmentShare,
      overlapping: d.metrics.overlappingMultiLabelVideos,
      message: notice?.message
    }
  }

  it('are the same whether the first pass or the second measures each video', async () => {
    const rows = multiLabelRows()
    const grouped = await multiLabel(rows)
    expect(grouped.overlapping).toBeGreaterThan(0)
    expect(grouped.share).toBeGreaterThan(0)
    // Shuffled: most videos' rows are scattered, measured by the second pass.
    expect(await multiLabel(shuffle([...rows], seeded(7)))).toEqual(grouped)
    // Half grouped, half interleaved.
    const half = [...rows.slice(0, 240), ...shuffle(rows.slice(240), seeded(9))]
    expect(await multiLabel(half)).toEqual(grouped)
    // Without row fingerprints (duplicate-row off) the second pass reads every line.
    const noDuplicates = 'rules:\n  duplicate-row:\n    severity: off\n'
    expect(await multiLabel(shuffle([...rows], seeded(3)), noDuplicates)).toEqual(grouped)
    expect(await multiLabel(rows, noDuplicates)).toEqual(grouped)
  })

  it('are the same for a video with a run too long to keep', async () => {
    const rows = Array.from(
      { length: 66_000 },
      (_, k) => `training,gs://bucket/long.mp4,${k % 3 === 0 ? 'run' : 'jump'},${k},${k + (k % 5)}`
    )
    rows.push('training,gs://bucket/short.mp4,run,0,4', 'training,gs://bucket/short.mp4,sit,2,6')
    const grouped = await multiLabel(rows)
    expect(grouped.overlapping).toBe(2)
    expect(await multiLabel(shuffle([...rows], seeded(11)))).toEqual(grouped)
  })

  it('are measured on every row again when the first pass stopped early', async () => {
    const rows = multiLabelRows()
    const grouped = await multiLabel(rows)
    // A last line csv-parse stops at: the first pass is incomplete, the second reads every line.
    const stopped = (list: string[]) => [...list, 'training,"gs://bucket/open.mp4,run,0,1']
    const report = await gateFiles({ 'v.csv': stopped(rows).join('\n') + '\n' })
    expect(only(report).findings.some(f => f.rule === 'csv-syntax')).toBe(true)
    expect(await multiLabel(stopped(rows))).toEqual(grouped)
    expect(await multiLabel(stopped(shuffle([...rows], seeded(5))))).toEqual(grouped)
  })
})
