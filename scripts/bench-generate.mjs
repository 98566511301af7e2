// Writes a seeded, Kinetics-like Vertex AI video-classification CSV for the benchmark:
//   ML_USE,gs://dg-bench/v/video_000123.mp4,class_042,12.5,17.25
// - 400 classes with a Zipf-like skew (the most common class has ~75x the segments of the rarest);
// - one video per ~26.7 rows (60,000 videos at 1.6 M rows), each video in exactly one split
//   (80% training, 10% validation, 10% test), mostly one label per video (3% carry a second one);
// - times with 0 to 3 decimals, segments of a video mostly consecutive;
// - rows of ~64 videos interleaved, as when a manifest is assembled from several sources;
// - a few exact duplicate rows (1 in 5,000).
// The same (rows, seed) always gives the same bytes.
//
// With `--shape ava` (generateAva) the file is shaped like AVA instead, which is what makes
// findings pile up:
// - rows grouped by video (every row of a video together), 20 to 30 segments per video that overlap
//   (a segment every 1 to 3 s, 3 to 12 s long), each video carrying 2 to 5 of 80 skewed classes,
//   30% of the segments repeating the previous span with another of the video's labels;
// - 10% of the videos (so of the rows) in ML_USE `validation`, which Vertex AI does not use for
//   video classification (a split-invalid warning per row), the rest 85% training, 5% test;
// - 0.05% of rows leak: they repeat a segment of their video in another split (leaked videos);
// - 0.1% of rows have an inverted segment (END before START: a segment-invalid error);
// - integer and one-decimal times, as AVA's keyframe timestamps.
//
// With `--shape repeated` (generateRepeated) the file is a current-shape file of half the rows
// written twice, as when a manifest is appended to itself: every row of the second half is a
// duplicate-row finding, the case where findings are as many as rows.
// Usage: node scripts/bench-generate.mjs ROWS OUT.csv [SEED] [--shape current|ava|repeated]
import { appendFileSync, closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

export const GENERATOR_VERSION = 2
export const SHAPES = ['current', 'ava', 'repeated']
export const CLASSES = 400
export const ROWS_PER_VIDEO = 1_600_000 / 60_000
const ZIPF = 0.72
const WINDOW = 64

/** Small fast seeded generator (mulberry32). */
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function generate(rows, path, seed = 20261125) {
  const random = rng(seed)
  // Class weights 1/(k+1)^s, as a cumulative table sampled by binary search. Class ids are
  // shuffled so the frequent classes are not simply class_000, class_001, ...
  const cumulative = new Float64Array(CLASSES)
  let total = 0
  for (let k = 0; k < CLASSES; k++) cumulative[k] = total += 1 / Math.pow(k + 1, ZIPF)
  const names = Array.from({ length: CLASSES }, (_, k) => `class_${String(k).padStart(3, '0')}`)
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[names[i], names[j]] = [names[j], names[i]]
  }
  const pickClass = () => {
    const x = random() * total
    let low = 0
    let high = CLASSES - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (cumulative[mid] < x) low = mid + 1
      else high = mid
    }
    return low
  }

  let nextVideo = 0
  const newVideo = () => {
    const id = nextVideo++
    const r = random()
    const split = r < 0.8 ? 'training' : r < 0.9 ? 'validation' : 'test'
    const label = pickClass()
    const second = random() < 0.03 ? pickClass() : -1
    // Segments per video: uniform 1..(2m-1), mean m = ROWS_PER_VIDEO.
    const segments = 1 + Math.floor(random() * (2 * ROWS_PER_VIDEO - 1))
    const decimals = Math.floor(random() * 4)
    return {
      prefix: `${split},gs://dg-bench/v/video_${String(id).padStart(6, '0')}.mp4,`,
      label,
      second,
      segments,
      decimals,
      cursor: Math.floor(random() * 5),
      last: ''
    }
  }

  const fd = openSync(path, 'w')
  let buffer = ''
  const active = []
  for (let i = 0; i < WINDOW; i++) active.push(newVideo())
  for (let row = 0; row < rows; row++) {
    const slot = Math.floor(random() * WINDOW)
    const video = active[slot]
    let line
    if (video.last !== '' && random() < 0.0002) {
      line = video.last // an exact duplicate row
    } else {
      const length = 1 + random() * 9
      let start = video.cursor
      // Multi-label videos: some segments carry the second label, half of them overlapping.
      let label = video.label
      if (video.second !== -1 && random() < 0.3) {
        label = video.second
        if (random() < 0.5) start = Math.max(0, start - length / 2)
      }
      const end = start + length
      video.cursor = end + random() * 3
      line = `${video.prefix}${names[label]},${start.toFixed(video.decimals)},${end.toFixed(video.decimals)}\n`
      video.last = line
      if (--video.segments === 0) active[slot] = newVideo()
    }
    buffer += line
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer)
      buffer = ''
    }
  }
  writeSync(fd, buffer)
  closeSync(fd)
  return {
    rows,
    videos: nextVideo,
    classes: CLASSES,
    seed,
    generator: GENERATOR_VERSION,
    shape: 'current'
  }
}

const AVA_CLASSES = 80
const AVA_ZIPF = 1.0

/** An AVA-shaped file (see the top of this file). */
export function generateAva(rows, path, seed = 20261125) {
  const random = rng(seed ^ 0x5a5a5a5a)
  const cumulative = new Float64Array(AVA_CLASSES)
  let total = 0
  for (let k = 0; k < AVA_CLASSES; k++) cumulative[k] = total += 1 / Math.pow(k + 1, AVA_ZIPF)
  const names = Array.from(
    { length: AVA_CLASSES },
    (_, k) => `action_${String(k).padStart(2, '0')}`
  )
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[names[i], names[j]] = [names[j], names[i]]
  }
  const pickClass = () => {
    const x = random() * total
    let low = 0
    let high = AVA_CLASSES - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (cumulative[mid] < x) low = mid + 1
      else high = mid
    }
    return low
  }
  const splitName = r => (r < 0.85 ? 'training' : r < 0.95 ? 'validation' : 'test')
  const fd = openSync(path, 'w')
  let buffer = ''
  let written = 0
  let videos = 0
  while (written < rows) {
    const id = videos++
    const split = splitName(random())
    const uri = `gs://dg-bench/ava/clip_${String(id).padStart(6, '0')}.mp4`
    const labelCount = 2 + Math.floor(random() * 4)
    const labels = []
    while (labels.length < labelCount) {
      const label = pickClass()
      if (!labels.includes(label)) labels.push(label)
    }
    const segments = Math.min(rows - written, 20 + Math.floor(random() * 11))
    let cursor = 900 + Math.floor(random() * 60)
    let previous = null
    for (let k = 0; k < segments; k++) {
      let label = labels[Math.floor(random() * labelCount)]
      let start, end, decimals
      const shared = previous !== null && !previous.shared && random() < 0.3
      if (shared) {
        // another action at the same span (AVA labels several actions per box)
        ;({ start, end, decimals } = previous)
        label = labels[(labels.indexOf(previous.label) + 1) % labelCount]
      } else {
        decimals = random() < 0.5 ? 0 : 1
        start = cursor
        end = start + 3 + random() * 9
        cursor += 1 + random() * 2
      }
      previous = { start, end, decimals, label, shared }
      let rowSplit = split
      const odd = random()
      if (odd < 0.0005) {
        // a leak: the row puts its video in another split as well
        while (rowSplit === split) rowSplit = splitName(random())
      } else if (odd < 0.0015) {
        ;[start, end] = [end, start] // an inverted segment
      }
      buffer += `${rowSplit},${uri},${names[label]},${start.toFixed(decimals)},${end.toFixed(decimals)}\n`
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer)
        buffer = ''
      }
    }
    written += segments
  }
  writeSync(fd, buffer)
  closeSync(fd)
  return { rows, videos, classes: AVA_CLASSES, seed, generator: GENERATOR_VERSION, shape: 'ava' }
}

/** A current-shape file of rows / 2 rows, written twice. */
export function generateRepeated(rows, path, seed = 20261125) {
  const half = generate(rows / 2, path, seed)
  appendFileSync(path, readFileSync(path))
  return { ...half, rows, shape: 'repeated' }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2)
  const shapeAt = argv.indexOf('--shape')
  const shape = shapeAt === -1 ? 'current' : argv.splice(shapeAt, 2)[1]
  const [rows, out, seed] = argv
  if (!rows || !out || !SHAPES.includes(shape)) {
    process.stderr.write(
      'usage: node scripts/bench-generate.mjs ROWS OUT.csv [SEED] [--shape current|ava|repeated]\n'
    )
    process.exit(2)
  }
  const make = { current: generate, ava: generateAva, repeated: generateRepeated }[shape]
  const info = make(Number(rows), out, seed ? Number(seed) : undefined)
  process.stdout.write(JSON.stringify(info) + '\n')
}
