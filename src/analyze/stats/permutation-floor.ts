/**
 * The sampling-noise floor of the split-distribution rule: the Jensen-Shannon distance that a
 * random re-split of the same items reaches (a permutation null). Conventions: see vectors.ts.
 */
import { classNats4, divergenceOfNats4 } from './divergence.js'
import { hypergeometric, mulberry32 } from './sampling.js'
import { sameLength } from './vectors.js'

/** Fixed so a report never changes between runs of the same data. */
const DEFAULT_SEED = 0x5eed_da7a

/** A class's kept terms reach this many counts either side of its mean (6 sd, when less). */
const MAX_TERM_REACH = 128
/** At most this many terms are kept in all (4 MiB): with more classes each reaches less far. */
const MAX_TERMS = 1 << 19

/**
 * The trials' distance terms (`classNats4`) of each class by its count in the first group, computed
 * once per count: a class draws the same few dozen counts again and again (all within a few
 * standard deviations of its mean), and computing each term every time took a fifth of the floor's
 * time (the benchmark's 400 classes: 90 -> 71 ms for its two floors, warm). A term is the same
 * arithmetic on the same numbers whether looked up or not, so the distances are bit for bit those
 * of `jsDistance`. Counts beyond the kept range are computed each time.
 */
class ClassTerms {
  /** Each class's first kept count (a double: counts may pass 2^31). */
  private readonly lows: Float64Array
  private readonly starts: Int32Array
  private readonly sizes: Int32Array
  private readonly values: Float64Array

  constructor(
    private readonly pooled: readonly number[],
    private readonly nA: number,
    private readonly nB: number
  ) {
    const classes = pooled.length
    const total = nA + nB
    const reaches = pooled.map(count => {
      // The hypergeometric's variance: count (nA / total) (nB / total) (total - count) / (total - 1).
      const variance = (((count * nA) / total) * nB * (total - count)) / (total * (total - 1))
      return Math.min(MAX_TERM_REACH, Math.ceil(6 * Math.sqrt(variance)) + 2)
    })
    const wanted = reaches.reduce((sum, reach) => sum + 2 * reach + 1, 0)
    const scale = Math.min(1, MAX_TERMS / wanted)
    this.lows = new Float64Array(classes)
    this.starts = new Int32Array(classes)
    this.sizes = new Int32Array(classes)
    let size = 0
    for (let i = 0; i < classes; i++) {
      const count = pooled[i]!
      const mean = Math.floor((count * nA) / total)
      const reach = Math.floor(reaches[i]! * scale)
      const low = Math.max(0, mean - reach)
      const high = Math.min(count, nA, mean + reach)
      this.lows[i] = low
      this.starts[i] = size
      this.sizes[i] = Math.max(0, high - low + 1)
      size += this.sizes[i]!
    }
    this.values = new Float64Array(size).fill(NaN) // a term is never NaN: count > 0
  }

  /** Class `i`'s term when `x` of its items are in the first group. */
  of(i: number, x: number): number {
    const at = x - this.lows[i]!
    if (at < 0 || at >= this.sizes[i]!) return classNats4(x, this.pooled[i]! - x, this.nA, this.nB)
    const slot = this.starts[i]! + at
    let term = this.values[slot]!
    if (term !== term) {
      term = classNats4(x, this.pooled[i]! - x, this.nA, this.nB)
      this.values[slot] = term
    }
    return term
  }
}

/** Quantile with linear interpolation between order statistics (numpy's default, "type 7"). */
function quantileOfSorted(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1)
  const lower = Math.floor(position)
  const upper = Math.min(lower + 1, sorted.length - 1)
  const weight = position - lower
  return sorted[lower]! + weight * (sorted[upper]! - sorted[lower]!)
}

export interface PermutationFloorOptions {
  /** Quantile of the re-randomized distances to return; default 0.999. */
  quantile?: number
  /** Re-randomizations; default 1000 (fewer, down to 200, beyond 1000 classes). */
  trials?: number
  /** PRNG seed; fixed by default so a report never changes between runs of the same data. */
  seed?: number
}

/**
 * Work budget in class-draws (trials x classes present): 1000 trials at 1000 classes, ~150 ms in
 * plain Node for a million segments. More classes reduce the default trials (never below
 * MIN_PERMUTATION_TRIALS); an explicit `trials` is not capped.
 */
const PERMUTATION_BUDGET = 1_000_000
const MIN_PERMUTATION_TRIALS = 200

function defaultTrials(classes: number): number {
  return Math.min(1000, Math.max(MIN_PERMUTATION_TRIALS, Math.floor(PERMUTATION_BUDGET / classes)))
}

/** One floor to compute, as plain data (for another thread): jsPermutationFloor's arguments. */
export interface FloorJob {
  a: number[]
  b: number[]
  quantile: number
}

/** Floors computed ahead of need (gate/noise-floors.ts), by `floorJobKey`. */
export type KnownFloors = ReadonlyMap<string, number>

/** The same text for the same counts and quantile: a job's floor is looked up by it. */
export function floorJobKey(job: FloorJob): string {
  return `${job.quantile}|${job.a.join(',')}|${job.b.join(',')}`
}

/** About how many hypergeometric draws a job's floor takes at the default trials. */
export function floorJobDraws(job: FloorJob): number {
  let classes = 0
  for (let i = 0; i < job.a.length; i++) if (job.a[i]! + job.b[i]! > 0) classes++
  return classes < 2 ? 0 : classes * defaultTrials(classes)
}

/** A job's floor at the default trials and seed. */
export function jobFloor(job: FloorJob): number {
  return jsPermutationFloor(job.a, job.b, { quantile: job.quantile })
}

/**
 * The Jensen-Shannon distance that random assignment alone reaches between two splits with counts
 * `a` and `b` (same classes, same order): pool the items of both, re-split them at random into
 * groups of the original sizes nA and nB, take the JS distance of the two groups, repeat, and
 * return the requested quantile (default 0.999 over 1000 seeded re-randomizations).
 *
 * Why a permutation null rather than a multinomial one (two samples drawn from the pooled shares,
 * the floor this one replaced): it conditions on the observed pooled counts, which are exactly what a random split of a fixed population keeps, so
 * under "the split is a random sample of the same population" the observed distance and the
 * simulated ones are exchangeable. The calibration is then exact for every split size, with no
 * plug-in estimate of the population shares (that estimate misses rare classes and makes the
 * multinomial floor optimistic for small splits: its 0.999 quantile is exceeded by 0.3-3% of
 * honest splits of 5-20 segments over 10-100 Zipf-like classes, and by ~15% of 10-segment splits
 * over 100 equally common classes). Here, averaged over seeds, the observed distance exceeds the
 * type-7 q-quantile of T trials with probability at most (T - floor(q (T - 1))) / (T + 1):
 * 2/1001 ~ 0.2% at the defaults, less when distances tie (tiny splits). Measured on ~30 000 honest
 * random splits of 5 to 25 000 segments over 10-200 classes, each with its own floor: 0.03-0.3%
 * per regime, 0.15% overall. A stratified split is closer than a random one, so it is safe too.
 *
 * A re-split is a multivariate hypergeometric draw, made by sequential conditional hypergeometric
 * draws per class (`hypergeometric`, sampling.ts), so a trial costs O(classes) whatever the sample sizes.
 *
 * Counts must be non-negative integers. Deterministic for a given seed. Classes absent from both
 * splits are ignored. Returns 0 when fewer than two classes are present (every re-split is then
 * identical) and NaN when either split is empty, consistently with `jsDistance`.
 */
export function jsPermutationFloor(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: PermutationFloorOptions = {}
): number {
  const k = sameLength(a, b)
  const quantile = options.quantile ?? 0.999
  const seed = options.seed ?? DEFAULT_SEED
  if (!(quantile >= 0 && quantile <= 1)) throw new RangeError(`quantile must be in [0, 1]`)
  if (options.trials !== undefined && (!Number.isInteger(options.trials) || options.trials < 1)) {
    throw new RangeError(`trials must be a positive integer, got ${options.trials}`)
  }
  const pooled: number[] = []
  let nA = 0
  let nB = 0
  for (let i = 0; i < k; i++) {
    const x = a[i] as number
    const y = b[i] as number
    if (!Number.isSafeInteger(x) || x < 0) {
      throw new RangeError(`a[${i}] must be a non-negative integer count, got ${x}`)
    }
    if (!Number.isSafeInteger(y) || y < 0) {
      throw new RangeError(`b[${i}] must be a non-negative integer count, got ${y}`)
    }
    nA += x
    nB += y
    if (x + y > 0) pooled.push(x + y)
  }
  if (!Number.isSafeInteger(nA + nB)) throw new RangeError('total count is too large')
  if (nA === 0 || nB === 0) return NaN
  const classes = pooled.length
  if (classes < 2) return 0

  const trials = options.trials ?? defaultTrials(classes)
  const random = mulberry32(seed)
  const terms = new ClassTerms(pooled, nA, nB)
  const distances = new Float64Array(trials)
  const total = nA + nB
  for (let t = 0; t < trials; t++) {
    // Class i takes x of the slots left in A: Hypergeometric(pooled_i, rest of the pool, slots).
    // The groups have nA and nB items: their JS distance is summed class by class, in jsDistance's
    // order.
    let left = total
    let slots = nA
    let nats4 = 0
    for (let i = 0; i < classes; i++) {
      const count = pooled[i]!
      left -= count
      const x = slots === 0 ? 0 : hypergeometric(count, left, slots, random)
      nats4 += terms.of(i, x)
      slots -= x
    }
    distances[t] = Math.sqrt(divergenceOfNats4(nats4))
  }
  distances.sort()
  return quantileOfSorted(distances, quantile)
}
