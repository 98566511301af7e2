/**
 * The dataset rules of rules.md, as plain functions over a `DatasetTally` (counts already reduced
 * from the rows). Each finding says what is wrong in numbers and what to do about it.
 */
import type { Confounder, Leak, Split, SplitDistance } from '../model.js'
import type { RuleSettings } from '../rules/catalogue.js'
import type { FindingSink } from './findings.js'
import type { DatasetTally } from '../analyze/tally.js'
import {
  measureConfounder,
  measureImbalance,
  measureSplitDistance,
  splitDistancePairs
} from '../analyze/metrics.js'
import type { KnownFloors } from '../analyze/stats/permutation-floor.js'
import { clip, formatCount, plural } from '../display.js'

export interface DatasetJudgement {
  imbalanceRatio: number | null
  splitDistance: SplitDistance[]
  confounders: Confounder[]
  notes: string[]
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
/** One quoting style for names in messages: `class "run"`, `video "gs://b/a.mp4"`. */
const named = (kind: string, name: string): string => `${kind} "${clip(name, 80)}"`

/** `knownFloors`: split-distance noise floors computed ahead (gate/noise-floors.ts), if any. */
export function judgeDataset(
  tally: DatasetTally,
  settings: RuleSettings,
  sink: FindingSink,
  knownFloors: KnownFloors | null = null
): DatasetJudgement {
  const classes = [...tally.classTotals.keys()].sort()
  const notes: string[] = []
  checkClassCounts(tally, classes, settings, sink)
  const imbalanceRatio = checkImbalance(tally, classes, settings, sink)
  checkSplitCoverage(tally, classes, sink)
  const splitDistance = checkSplitDistribution(tally, settings, sink, knownFloors)
  checkSplitRatio(tally, settings, sink)
  checkLeaks(tally, settings, sink)
  checkGroupCoverage(tally, sink)
  checkFewVideos(tally, classes, settings, sink)
  checkMultiLabel(tally, settings, sink)
  const confounders = checkConfounders(tally, settings, sink, notes)
  return { imbalanceRatio, splitDistance, confounders, notes }
}

function checkClassCounts(
  tally: DatasetTally,
  classes: string[],
  settings: RuleSettings,
  sink: FindingSink
): void {
  const count = classes.length
  const minClasses = settings['min-classes'].options.min
  if (count < minClasses) {
    sink.add('min-classes', {
      message: `the dataset has ${plural(count, 'class')}; a classifier needs at least ${minClasses}. Add examples of more classes.`,
      fingerprint: 'min-classes',
      measure: count
    })
  }
  const maxClasses = settings['max-classes'].options.max
  if (count > maxClasses) {
    sink.add('max-classes', {
      message: `the dataset has ${plural(count, 'class')}; at most ${formatCount(maxClasses)} are accepted. Merge or drop ${plural(count - maxClasses, 'class')}.`,
      fingerprint: 'max-classes',
      measure: count
    })
  }

  const hard = settings['min-per-class'].options
  for (const name of classes) {
    const totals = tally.classTotals.get(name)!
    const have = hard.unit === 'videos' ? totals.videos : totals.segments
    const need = hard.classes[name] ?? hard.min
    if (have < need) {
      sink.addBuilt('min-per-class', undefined, () => ({
        class: name,
        message: `${named('class', name)} has ${plural(have, hard.unit.slice(0, -1))} in all splits; at least ${formatCount(need)} are required. Add ${formatCount(need - have)} more.`,
        fingerprint: `min-per-class:${name}`,
        measure: have
      }))
    }
  }

  const soft = settings['recommended-per-class'].options
  const base = count > soft['many-classes'] ? soft['min-many-classes'] : soft.min
  let split: Split = soft.split
  let scale = 1
  let source = `in ${split}`
  if (!tally.splits[split] && split === 'TRAIN' && tally.splits.UNASSIGNED) {
    // Only unassigned rows: AutoML trains on about 80% of them.
    split = 'UNASSIGNED'
    scale = 0.8
    source = 'expected in TRAIN (80% of UNASSIGNED)'
  }
  const summary = tally.splits[split]
  if (!summary) return
  for (const name of classes) {
    const counts = summary.classes[name]
    const have = Math.floor(
      (counts ? (soft.unit === 'videos' ? counts.videos : counts.segments) : 0) * scale
    )
    const need = soft.classes[name] ?? base
    if (have < need) {
      sink.addBuilt('recommended-per-class', undefined, () => ({
        class: name,
        split,
        message: `${named('class', name)} has ${plural(have, soft.unit.slice(0, -1))} ${source}; a good model wants ${formatCount(need)}${count > soft['many-classes'] ? ` with more than ${plural(soft['many-classes'], 'class')}` : ''}. Add about ${formatCount(need - have)} more.`,
        fingerprint: `recommended-per-class:${name}`,
        measure: have
      }))
    }
  }
}

function checkImbalance(
  tally: DatasetTally,
  classes: string[],
  settings: RuleSettings,
  sink: FindingSink
): number | null {
  const { unit, warning, error } = settings['class-imbalance'].options
  const imbalance = measureImbalance(tally, classes, unit)
  if (imbalance === null) return null
  const { ratio, most, least } = imbalance
  if (ratio > warning) {
    sink.add('class-imbalance', {
      severity: ratio > error ? 'error' : 'warning',
      message: `the most frequent ${named('class', most.name)} has ${ratio.toFixed(1)}x the ${unit} of the least frequent ${named('class', least.name)} (${formatCount(most.n)} vs ${formatCount(least.n)}); keep it within ${warning}x (${error}x at most). Add examples of rare classes or subsample frequent ones.`,
      fingerprint: 'class-imbalance',
      measure: ratio
    })
  }
  return ratio
}

function checkSplitCoverage(tally: DatasetTally, classes: string[], sink: FindingSink): void {
  const train = tally.splits.TRAIN
  const evaluated: Split[] = ['TEST', 'VALIDATION']
  const hasTrainingSide = train || tally.splits.UNASSIGNED
  if (!hasTrainingSide && (tally.splits.TEST || tally.splits.VALIDATION)) {
    sink.add('split-missing-class', {
      message:
        'the dataset has no TRAIN (or UNASSIGNED) rows, so none of its classes can be learned. Add the training split to this dataset.',
      fingerprint: 'split-missing-class:no-train'
    })
  } else if (train) {
    for (const split of evaluated) {
      const summary = tally.splits[split]
      if (!summary) continue
      for (const name of Object.keys(summary.classes).sort()) {
        if (!train.classes[name] && !tally.splits.UNASSIGNED?.classes[name]) {
          sink.addBuilt('split-missing-class', undefined, () => ({
            class: name,
            split,
            message: `${named('class', name)} has ${plural(summary.classes[name]!.segments, 'segment')} in ${split} but none in TRAIN, so it cannot be learned. Move some of its videos to TRAIN.`,
            fingerprint: `split-missing-class:${split}:${name}`
          }))
        }
      }
    }
  }
  const test = tally.splits.TEST
  if (train && test) {
    for (const name of classes) {
      if (train.classes[name] && !test.classes[name] && !tally.splits.UNASSIGNED?.classes[name]) {
        sink.addBuilt('split-missing-class', 'warning', () => ({
          class: name,
          split: 'TEST',
          message: `${named('class', name)} is in TRAIN but has no TEST examples, so it cannot be evaluated. Move some of its videos to TEST.`,
          fingerprint: `split-missing-class:TEST-missing:${name}`
        }))
      }
    }
  }
}

function checkSplitDistribution(
  tally: DatasetTally,
  settings: RuleSettings,
  sink: FindingSink,
  knownFloors: KnownFloors | null
): SplitDistance[] {
  const options = settings['split-distribution'].options
  const results: SplitDistance[] = []
  for (const { train, other: summary, otherName: other } of splitDistancePairs(tally.splits)) {
    const quantile = options['noise-quantile']
    const result = measureSplitDistance(train, summary, other, quantile, knownFloors)
    const { jsDistance: distance, noiseFloor, topShifts } = result
    const totalA = train.segments
    const totalB = summary.segments
    results.push(result)
    const limit = options['max-js-distance']
    if (distance > limit && distance > noiseFloor) {
      const moved = topShifts
        .slice(0, 3)
        .map(s => `${named('class', s.class)} ${pct(s.a)} in TRAIN vs ${pct(s.b)} in ${other}`)
        .join(', ')
      sink.add('split-distribution', {
        split: other,
        message: `the label distribution of ${other} differs from TRAIN: Jensen-Shannon distance ${distance.toFixed(3)} is above the threshold ${limit} and above the ${noiseFloor.toFixed(3)} that sampling noise alone reaches for ${formatCount(totalA)} and ${plural(totalB, 'segment')}. Largest shifts: ${moved}. Rebalance the split (e.g. stratify by class).`,
        fingerprint: `split-distribution:${other}`,
        measure: distance
      })
    }
  }
  return results
}

function checkSplitRatio(tally: DatasetTally, settings: RuleSettings, sink: FindingSink): void {
  const { 'min-test-share': low, 'max-test-share': high } = settings['split-ratio'].options
  const train = tally.splits.TRAIN
  const test = tally.splits.TEST
  if (!train || !test) return
  const total = train.videos + test.videos + (tally.splits.VALIDATION?.videos ?? 0)
  const share = test.videos / total
  if (share < low || share > high) {
    sink.add('split-ratio', {
      split: 'TEST',
      message: `TEST holds ${pct(share)} of the videos (${formatCount(test.videos)} of ${formatCount(total)}); expected ${pct(low)} to ${pct(high)}. ${share < low ? 'A test split this small cannot measure the model reliably.' : 'A test split this large leaves too little to train on.'}`,
      fingerprint: 'split-ratio',
      measure: share < low ? low - share : share - high
    })
  }
}

function describePlaces(leak: Leak): string {
  return leak.places.map(p => `${p.split} (${p.file}:${p.line})`).join(', ')
}

function checkLeaks(tally: DatasetTally, settings: RuleSettings, sink: FindingSink): void {
  if (tally.videoLeaks.length > settings['video-leakage'].options.max) {
    for (const leak of tally.videoLeaks) {
      const last = leak.places[leak.places.length - 1]!
      sink.addBuilt('video-leakage', undefined, () => ({
        file: last.file,
        line: last.line,
        split: last.split,
        message: `${named('video', leak.key)} is in ${plural(leak.places.length, 'split')}: ${describePlaces(leak)}. Segments of one video in two splits leak; keep every video in one split.`,
        fingerprint: `video-leakage:${leak.key}`,
        measure: leak.places.length
      }))
    }
  }
  if (
    tally.groupPatternConfigured &&
    tally.groupLeaks.length > settings['group-leakage'].options.max
  ) {
    for (const leak of tally.groupLeaks) {
      const last = leak.places[leak.places.length - 1]!
      sink.addBuilt('group-leakage', undefined, () => ({
        file: last.file,
        line: last.line,
        split: last.split,
        message: `${named('group', leak.key)} has videos in ${plural(leak.places.length, 'split')}: ${describePlaces(leak)}. Videos of one source group look alike; keep each group in one split.`,
        fingerprint: `group-leakage:${leak.key}`,
        measure: leak.places.length
      }))
    }
  }
}

/**
 * A group pattern that matches no video turns group leakage off as surely as no pattern, so say it
 * (warning). One that misses only some videos still checks the rest: a notice with the count, as
 * ungrouped videos may be deliberate (a source with no groups), yet are worth knowing about.
 */
function checkGroupCoverage(tally: DatasetTally, sink: FindingSink): void {
  const coverage = tally.groupCoverage
  if (!tally.groupPatternConfigured || !coverage || coverage.ungrouped === 0) return
  const total = tally.totalVideos
  const example = coverage.example === null ? '' : ` (e.g. ${named('video', coverage.example)})`
  if (coverage.ungrouped >= total) {
    sink.add('group-leakage', {
      severity: 'warning',
      message: `the group pattern matched none of the ${plural(total, 'video')}${example}, so group leakage was not checked. Fix group-pattern for this dataset in .github/dataset-gate.yml: it is searched in each video key, and its capture named "group" (or else its first capture, or else the whole match) names the group.`,
      fingerprint: 'group-leakage:no-match'
    })
    return
  }
  sink.add('group-leakage', {
    severity: 'notice',
    message: `the group pattern matched ${formatCount(total - coverage.ungrouped)} of the ${plural(total, 'video')}; ${plural(coverage.ungrouped, 'video')}${example} ${coverage.ungrouped === 1 ? 'is' : 'are'} in no group and only checked for video leakage. Extend group-pattern if they belong to groups too.`,
    fingerprint: 'group-leakage:partial-match'
  })
}

function checkFewVideos(
  tally: DatasetTally,
  classes: string[],
  settings: RuleSettings,
  sink: FindingSink
): void {
  const options = settings['few-videos'].options
  if (tally.totalVideos > 0 && tally.totalVideos < options['min-videos']) {
    sink.add('few-videos', {
      message: `the dataset has only ${plural(tally.totalVideos, 'video')}; with fewer than ${plural(options['min-videos'], 'video')}, splitting by video can leave classes out of a split. Add more videos.`,
      fingerprint: 'few-videos:dataset',
      measure: tally.totalVideos
    })
  }
  for (const name of classes) {
    const videos = tally.classTotals.get(name)!.videos
    const need = options.classes[name] ?? options['min-videos-per-class']
    if (videos < need) {
      const segments = tally.classTotals.get(name)!.segments
      sink.addBuilt('few-videos', undefined, () => ({
        class: name,
        message: `${named('class', name)} comes from ${plural(videos, 'video')} (${plural(segments, 'segment')}); with fewer than ${plural(need, 'video')} a split by video can miss it entirely. Add segments from more videos.`,
        fingerprint: `few-videos:${name}`,
        measure: videos
      }))
    }
  }
}

function checkMultiLabel(tally: DatasetTally, settings: RuleSettings, sink: FindingSink): void {
  if (tally.labeledVideos === 0) return
  const videoShare = tally.multiLabelVideos / tally.labeledVideos
  const segmentShare =
    tally.multiLabelSegments === null || tally.totalSegments === 0
      ? null
      : tally.multiLabelSegments / tally.totalSegments
  const below = settings['multi-label'].options['multi-class-below']
  if (tally.multiLabelVideos === 0) {
    sink.add('multi-label', {
      message:
        'every video carries a single label. AutoML treats video classification datasets as multi-label; train a multi-class model instead, which is easier to train.',
      fingerprint: 'multi-label'
    })
    return
  }
  const parts = [`${pct(videoShare)} of videos carry more than one label`]
  if (segmentShare !== null)
    parts.push(`${pct(segmentShare)} of segments share their time span with another label`)
  if (tally.overlappingVideos)
    parts.push(
      `${plural(tally.overlappingVideos, 'video')} ha${tally.overlappingVideos === 1 ? 's' : 've'} overlapping segments with different labels`
    )
  const advice =
    videoShare < below
      ? 'Most samples carry one label: consider training a multi-class model, which is easier to train than a multi-label one.'
      : 'Most samples carry several labels: train a multi-label model and evaluate it with average precision.'
  sink.add('multi-label', { message: `${parts.join('; ')}. ${advice}`, fingerprint: 'multi-label' })
}

function checkConfounders(
  tally: DatasetTally,
  settings: RuleSettings,
  sink: FindingSink,
  notes: string[]
): Confounder[] {
  if (!tally.metadata) return []
  const options = settings['metadata-confounder'].options
  if (tally.metadataVideos < options['min-videos']) {
    notes.push(
      `metadata covers ${plural(tally.metadataVideos, 'labeled video')}, fewer than the ${formatCount(options['min-videos'])} needed to measure confounders.`
    )
    return []
  }
  const results: Confounder[] = []
  for (const [attribute, byValue] of tally.metadata) {
    if (byValue.size > Math.max(20, tally.metadataVideos / 2)) {
      notes.push(
        `${named('metadata attribute', attribute)} has ${plural(byValue.size, 'distinct value')}, like an identifier; not measured as a confounder.`
      )
      continue
    }
    const confounder = measureConfounder(attribute, byValue)
    results.push(confounder)
    if (confounder.cramersV > options['max-cramers-v']) {
      const examples = confounder.givesAway
        .slice(0, 3)
        .map(
          g =>
            `"${clip(g.value, 80)}" goes with ${named('class', g.class)} in ${pct(g.share)} of its videos`
        )
        .join('; ')
      sink.add('metadata-confounder', {
        message: `${named('metadata attribute', attribute)} predicts the label (Cramér's V ${confounder.cramersV.toFixed(2)} > ${options['max-cramers-v']})${examples ? `: ${examples}` : ''}. A model can learn the ${attribute} instead of the action; collect videos that break the association.`,
        fingerprint: `metadata-confounder:${attribute}`,
        measure: confounder.cramersV
      })
    }
  }
  return results.sort((a, b) => b.cramersV - a.cramersV)
}
