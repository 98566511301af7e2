/**
 * Samplers that only the tests use, kept out of src/: a checked wrapper around the permutation
 * floor's hypergeometric sampler, and the binomial and multinomial samplers of the multinomial
 * noise floor that the permutation floor replaced. The tests draw honest populations from
 * `sampleMultinomial`; its draws are exact (sequential conditional binomials) and reproducible, so
 * the calibration tests see the same populations as before the move.
 */
import { hypergeometric } from '../../src/analyze/stats/sampling.js'
import { stirlingTail } from '../../src/analyze/stats/special.js'
import { totalOf } from '../../src/analyze/stats/vectors.js'

// Bound once: global lookups are slow inside Jest's vm context (see src/analyze/stats/sampling.ts).
const { abs, exp, floor, log, log1p, min, sqrt } = Math

function checkCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${n}`)
  }
}

/** `hypergeometric` with its arguments checked: RangeError for anything but valid counts. */
export function sampleHypergeometric(
  good: number,
  bad: number,
  sample: number,
  random: () => number
): number {
  checkCount('good', good)
  checkCount('bad', bad)
  checkCount('sample', sample)
  if (sample > good + bad) {
    throw new RangeError(`sample ${sample} exceeds the population ${good + bad}`)
  }
  return hypergeometric(good, bad, sample, random)
}

/**
 * Binomial(n, p) for small means (n p < 10, p <= 1/2) by inversion: walk the pmf from 0 with the
 * recurrence P(k) = P(k-1) (n-k+1) p / (k q) until the uniform is used up. Exact; one exp and about
 * n p + 1 multiplications, no logs per step. P(0) = q^n >= e^-20 here, so it never underflows; the
 * search is cut off at mean + 10 sd (restarting, as numpy does) so rounding in `u -= pmf` can never
 * walk it past n. `logQ` = ln(1 - p) and `ratio` = p / (1 - p) are passed in because the multinomial
 * sampler reuses them for every draw of the same class.
 */
function binomialByInversion(
  n: number,
  p: number,
  logQ: number,
  ratio: number,
  random: () => number
): number {
  const p0 = exp(n * logQ)
  const mean = n * p
  const bound = min(n, mean + 10 * sqrt(mean * (1 - p) + 1))
  let k = 0
  let pmf = p0
  let u = random()
  while (u > pmf) {
    k++
    if (k > bound) {
      k = 0
      pmf = p0
      u = random()
    } else {
      u -= pmf
      pmf *= ((n - k + 1) * ratio) / k
    }
  }
  return k
}

/**
 * Binomial(n, p) for n p >= 10 and p <= 1/2: BTRS, transformed rejection with squeeze
 * (W. Hormann, "The generation of binomial random variates", J. Stat. Comput. Simul. 46, 1993).
 * Exact, and O(1) expected time whatever n is (~1.2 candidates per draw for large n p), which is
 * what kept the multinomial noise floor cheap for splits of a million segments. Most candidates are accepted
 * by the squeeze box, so the logarithms of the exact test are only evaluated when needed.
 */
function binomialBtrs(n: number, p: number, ratio: number, random: () => number): number {
  const spq = sqrt(n * p * (1 - p))
  const b = 1.15 + 2.53 * spq
  const a = -0.0873 + 0.0248 * b + 0.01 * p
  const c = n * p + 0.5
  const vr = 0.92 - 4.2 / b
  let alpha = 0
  let m = 0
  let lm = NaN // the part of the acceptance bound that does not depend on the candidate
  for (;;) {
    const u = random() - 0.5
    const v = random()
    const us = 0.5 - abs(u)
    const k = floor(((2 * a) / us + b) * u + c)
    if (k < 0 || k > n) continue
    // Squeeze: inside this box the hat lies under the target, accept without evaluating logs.
    if (us >= 0.07 && v <= vr) return k
    if (Number.isNaN(lm)) {
      alpha = (2.83 + 5.1 / b) * spq
      m = floor((n + 1) * p)
      lm = (m + 0.5) * log((m + 1) / (ratio * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m)
    }
    const logV = log((v * alpha) / (a / (us * us) + b))
    const bound =
      lm +
      (n + 1) * log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * log((ratio * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k)
    if (logV <= bound) return k
  }
}

/** Binomial(n, p) with p in (0, 1/2], given ln(1 - p) and p / (1 - p). */
function binomialLowerHalf(
  n: number,
  p: number,
  logQ: number,
  ratio: number,
  random: () => number
): number {
  return n * p < 10
    ? binomialByInversion(n, p, logQ, ratio, random)
    : binomialBtrs(n, p, ratio, random)
}

/** One Binomial(n, p) draw; exact for every integer n >= 0 and p in [0, 1]. */
export function sampleBinomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0
  if (p >= 1) return n
  // Both samplers need p <= 1/2; the count of failures of the complement is the same variate.
  const flip = p > 0.5
  const small = flip ? 1 - p : p
  const x = binomialLowerHalf(n, small, log1p(-small), small / (1 - small), random)
  return flip ? n - x : x
}

/**
 * Per-class constants of the sequential conditional binomials, computed once and reused by every
 * draw: the multinomial noise floor took hundreds of samples from the same shares.
 */
interface MultinomialPlan {
  /** p_i / (p_i + ... + p_k), folded to <= 1/2 (see `flipped`); 0 for a class with share 0. */
  conditional: Float64Array
  flipped: Uint8Array
  logQ: Float64Array
  ratio: Float64Array
}

function planMultinomial(shares: ArrayLike<number>): MultinomialPlan {
  const k = shares.length
  totalOf(shares, 'shares')
  // Suffix sums: share_i / suffix_i <= 1 exactly, and the last class with a positive share gets
  // probability exactly 1, so the counts always add up to n.
  const suffix = new Float64Array(k + 1)
  for (let i = k - 1; i >= 0; i--) suffix[i] = (shares[i] as number) + suffix[i + 1]!
  const plan: MultinomialPlan = {
    conditional: new Float64Array(k),
    flipped: new Uint8Array(k),
    logQ: new Float64Array(k),
    ratio: new Float64Array(k)
  }
  for (let i = 0; i < k; i++) {
    const share = shares[i] as number
    if (share === 0) continue
    const p = share / suffix[i]!
    const flip = p > 0.5
    const small = flip ? 1 - p : p
    plan.conditional[i] = small
    plan.flipped[i] = flip ? 1 : 0
    plan.logQ[i] = log1p(-small)
    plan.ratio[i] = small / (1 - small)
  }
  return plan
}

function drawMultinomial(
  plan: MultinomialPlan,
  n: number,
  random: () => number,
  out: Float64Array
): Float64Array {
  const { conditional, flipped, logQ, ratio } = plan
  let remaining = n
  for (let i = 0; i < conditional.length; i++) {
    const p = conditional[i]!
    let x: number
    if (remaining === 0) {
      x = 0
    } else if (p === 0) {
      x = flipped[i] ? remaining : 0 // conditional probability exactly 1 or 0
    } else {
      const draw = binomialLowerHalf(remaining, p, logQ[i]!, ratio[i]!, random)
      x = flipped[i] ? remaining - draw : draw
    }
    out[i] = x
    remaining -= x
  }
  return out
}

/**
 * One Multinomial(n, shares) draw by sequential conditional binomials:
 * x_i ~ Binomial(n - x_1 - ... - x_{i-1}, s_i / (s_i + ... + s_k)). Exact; O(k) binomial draws,
 * each O(1), so the cost does not grow with n. `shares` need not be normalized.
 * Writes into `out` when given.
 */
export function sampleMultinomial(
  n: number,
  shares: ArrayLike<number>,
  random: () => number,
  out: Float64Array = new Float64Array(shares.length)
): Float64Array {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`n must be a non-negative integer, got ${n}`)
  }
  if (n > 0 && totalOf(shares, 'shares') === 0) {
    throw new RangeError('cannot sample from shares that sum to 0')
  }
  return drawMultinomial(planMultinomial(shares), n, random, out)
}
