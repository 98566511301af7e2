/**
 * Row findings that need the whole dataset first: confirmed duplicate rows, label variants and
 * unlabeled videos.
 */
import { DatasetAccumulator } from '../analyze/accumulator.js'
import type { DuplicateGroups } from '../analyze/duplicate-groups.js'
import { plural, visible } from '../display.js'
import { FindingSink } from './findings.js'
import { SPLITS } from '../model.js'

/** Each group's rows after its first (groups and rows in file order) repeat the first. */
export function reportDuplicates(
  accumulator: DatasetAccumulator,
  groups: DuplicateGroups | null,
  sink: FindingSink
): void {
  if (groups === null) return
  const files = accumulator.files
  for (let g = 0; g < groups.count; g++) {
    const first = groups.starts[g]!
    for (let row = first + 1; row < groups.starts[g + 1]!; row++) {
      const file = files[groups.files[row]!]
      sink.addBuilt('duplicate-row', undefined, () => ({
        message: `this row repeats ${files[groups.files[first]!]}:${groups.lines[first]} (same split, video, label, start and end). Delete one of them.`,
        file,
        line: groups.lines[row]!,
        // The row's content and which repeat it is; never a line number, which shifts.
        fingerprint: `duplicate-row:${file}:${groups.identity(g)}:${row - first}`
      }))
    }
  }
}

/** Row findings that need the whole dataset: label variants, unlabeled videos. */
export function reportRowLevelAggregates(accumulator: DatasetAccumulator, sink: FindingSink): void {
  const files = accumulator.files
  if (sink.enabled('label-variant')) {
    const segmentsOf = (label: number) =>
      SPLITS.reduce((sum, _, split) => sum + (accumulator.segments.data[label * 4 + split] ?? 0), 0)
    for (const variant of accumulator.findLabelVariants()) {
      const members = variant.labels.sort((a, b) => segmentsOf(b) - segmentsOf(a) || a - b)
      const main = members[0]!
      for (const other of members.slice(1)) {
        const where = accumulator.labelFirst[other]!
        sink.add('label-variant', {
          class: accumulator.labels[other]!,
          message: `label "${visible(accumulator.labels[other]!)}" (${plural(segmentsOf(other), 'segment')}) differs from "${visible(accumulator.labels[main]!)}" (${plural(segmentsOf(main), 'segment')}) only by case, spacing, separators or invisible characters; it is probably the same class. Use one spelling.`,
          file: files[where.file],
          line: where.line,
          fingerprint: `label-variant:${accumulator.labels[other]}`
        })
      }
    }
  }
  if (sink.enabled('unlabeled-video') && accumulator.unlabeled.length > 0) {
    const perVideo = new Map<number, number>()
    for (const row of accumulator.unlabeled)
      perVideo.set(row.video, (perVideo.get(row.video) ?? 0) + 1)
    const labeledVideos = new Set<number>()
    accumulator.pairs.forEach(video => labeledVideos.add(video))
    for (const row of accumulator.unlabeled) {
      const alsoLabeled = labeledVideos.has(row.video)
      const repeated = perVideo.get(row.video)! > 1
      sink.add('unlabeled-video', {
        severity: alsoLabeled || repeated ? 'warning' : 'notice',
        split: SPLITS[row.split]!,
        message: alsoLabeled
          ? 'the video is marked unlabeled (URI,,,) but also has labeled rows; remove the unlabeled row or the labels.'
          : repeated
            ? 'the video is marked unlabeled (URI,,,) more than once; keep one row.'
            : 'the whole video is unlabeled (URI,,,); it is imported without labels and does not train any class.',
        file: files[row.file],
        line: row.line,
        fingerprint: `unlabeled-video:${accumulator.videoKeys.at(row.video)}:${row.split}`
      })
    }
  }
}
