/**
 * Interval facts of one multi-label video: segments whose exact span carries another label, and
 * whether two different labels overlap in time. Segments come as flat (label, start, end) triples.
 */

/**
 * Segments (label, start, end triples) whose exact span also carries another label. Sorting by
 * span then label and scanning the runs needs no key strings (this runs on every multi-label video).
 */
export function segmentsSharingSpan(list: number[], count: number): number {
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

export function hasOverlapWithDifferentLabels(list: number[], count: number): boolean {
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => list[a * 3 + 1]! - list[b * 3 + 1]!
  )
  // Sweep by start; keep the furthest end per label seen so far among active intervals.
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

/** Segment-level multi-label facts of a dataset. */
export interface MultiLabelMeasure {
  segments: number
  overlappingVideos: number
}
