/**
 * Random variates for the permutation floor: a seeded PRNG and an exact, O(1) hypergeometric
 * sampler (the draws behind a random re-split of two splits' pooled counts).
 */
import { logFactorial } from './special.js'

// Math functions of the hot loops (the distances and the samplers behind the noise floor), bound
// once. Plain Node optimizes `Math.log` and a module-level binding alike, but inside Jest's vm
// context every global lookup (`Math`, `Number`, `Infinity`) goes through an interceptor and costs
// ~30x a multiplication, which made the Monte Carlo tests crawl.
const { exp, floor, imul, log, max, min, sqrt } = Math
const POSITIVE_INFINITY = Number.POSITIVE_INFINITY

/**
 * mulberry32: a tiny, fast 32-bit PRNG, good enough for Monte Carlo quantiles and fully reproducible
 * from its seed. Returns uniforms strictly inside (0, 1), so log(u) is always finite.
 */
export function mulberry32(seed: number): () => number {
  // Kept in an Int32Array so V8 does not box a fresh heap number for the state on every call.
  const state = new Int32Array([seed | 0])
  return () => {
    const t0 = (state[0]! + 0x6d2b79f5) | 0
    state[0] = t0
    let t = t0
    t = imul(t ^ (t >>> 15), t | 1)
    t ^= t + imul(t ^ (t >>> 7), t | 61)
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296
  }
}

/**
 * Hypergeometric draw with small mean (< 10) in the reduced form `good <= total / 2`,
 * `sample <= total / 2` (so the support starts at 0): inversion, walking the pmf up from 0 with
 * P(x+1) = P(x) (good - x)(sample - x) / ((x + 1)(total - good - sample + x + 1)). Exact; about
 * mean + 1 steps. P(0) = C(total - good, sample) / C(total, sample) > 1e-11 here, computed as a
 * product when short and from log-factorials otherwise. As in numpy's binomial inversion, a walk
 * that rounding pushes past mean + 10 sd (probability < 1e-13) restarts.
 */
function hypergeometricByInversion(
  good: number,
  sample: number,
  total: number,
  random: () => number
): number {
  const shorter = min(good, sample)
  const longer = max(good, sample)
  let p0: number
  if (shorter <= 16) {
    // P(0) = prod_{j < shorter} (total - longer - j) / (total - j)
    p0 = 1
    for (let j = 0; j < shorter; j++) p0 *= (total - longer - j) / (total - j)
  } else {
    p0 = exp(
      logFactorial(total - good) +
        logFactorial(total - sample) -
        logFactorial(total) -
        logFactorial(total - good - sample)
    )
  }
  const mean = (sample * good) / total
  const bound = min(shorter, mean + 10 * sqrt(mean + 1))
  const offset = total - good - sample + 1
  let x = 0
  let pmf = p0
  let u = random()
  while (u > pmf) {
    x++
    if (x > bound) {
      x = 0
      pmf = p0
      u = random()
    } else {
      u -= pmf
      pmf *= ((good - x + 1) * (sample - x + 1)) / (x * (offset + x - 1))
    }
  }
  return x
}

/**
 * f(k) / f(mode) as the product of the consecutive pmf ratios from the mode to k (with
 * r(j) = f(j+1) / f(j) = (good - j)(sample - j) / ((j + 1)(offset + j + 1))), stopping early once
 * the running product, which only falls away from the mode, is below `floorValue`: the caller only
 * asks whether it stays at or above that.
 */
function pmfRatioFromMode(
  good: number,
  sample: number,
  offset: number,
  mode: number,
  k: number,
  floorValue: number
): number {
  let ratio = 1
  if (k > mode) {
    for (let j = mode; j < k && ratio >= floorValue; j++) {
      ratio *= ((good - j) * (sample - j)) / ((j + 1) * (offset + j + 1))
    }
  } else {
    for (let j = mode; j > k && ratio >= floorValue; j--) {
      ratio *= (j * (offset + j)) / ((good - j + 1) * (sample - j + 1))
    }
  }
  return ratio
}

/**
 * ln (k! (good-k)! (sample-k)! (offset+k)!): the pmf of the reduced hypergeometric is proportional
 * to its exponential's inverse, so ln f(k) / f(mode) is this at the mode minus this at k.
 */
function logPmfDenominator(good: number, sample: number, offset: number, k: number): number {
  return (
    logFactorial(k) + logFactorial(good - k) + logFactorial(sample - k) + logFactorial(offset + k)
  )
}

/** 2 sqrt(2/e) and 3 - 2 sqrt(3/e): the table-mountain hat of Stadlober's ratio-of-uniforms. */
const HRUA_D1 = 1.7155277699214135
const HRUA_D2 = 0.8989161620588988
/**
 * A candidate that the squeezes leave undecided is tested with the exact pmf ratio f(k) / f(mode)
 * as a product of consecutive ratios when the sd is at most HRUA_DIRECT_SD or the candidate at
 * most HRUA_DIRECT_STEPS from the mode: a few multiplications per step, stopping as soon as the
 * running product (which only falls away from the mode) drops below u^2, so O(sd) steps and no
 * logarithm. Otherwise four log-factorials are cheaper.
 */
const HRUA_DIRECT_SD = 16
const HRUA_DIRECT_STEPS = 32

/**
 * Hypergeometric draw in the same reduced form for mean >= 10: HRUA, ratio of uniforms with a
 * table-mountain hat (E. Stadlober, "The ratio of uniforms approach for generating discrete
 * random variates", J. Comput. Appl. Math. 31, 1990; numpy's `random_hypergeometric` uses it too).
 * A candidate k = floor(a + h (v - 1/2) / u) is accepted iff u^2 <= f(k) / f(mode). Exact apart from
 * candidates beyond 16 sd, which are rejected (probability far below 1e-50). O(1) expected time
 * whatever the counts: ~1.4 candidates (2.8 uniforms) per draw, ~85% of them decided by cheap
 * squeezes, the rest by a short product or by log-factorials (table lookups below 1024, one log
 * each above). The squeezes only shortcut the exact test: the draws are the same, uniform for
 * uniform, as with the log-factorial test alone.
 */
function hypergeometricHrua(
  good: number,
  sample: number,
  total: number,
  random: () => number
): number {
  const bad = total - good
  const offset = bad - sample // >= 0 in the reduced form
  const p = good / total
  const a = sample * p + 0.5
  const variance = ((total - sample) * sample * p * (1 - p)) / (total - 1)
  const c = sqrt(variance + 0.5)
  const h = HRUA_D1 * c + HRUA_D2
  const mode = floor(((sample + 1) * (good + 1)) / (total + 2))
  const end = min(min(sample, good) + 1, floor(a + 16 * c))
  const direct = c <= HRUA_DIRECT_SD ? POSITIVE_INFINITY : HRUA_DIRECT_STEPS
  // Slope terms at the mode end of the range; an Infinity or NaN at the edge of the support only
  // disables a squeeze (its comparison is then false).
  const innerSlope = (offset + 2 * mode) / (mode * (offset + mode))
  const outerSlope = (good + sample - 2 * mode) / ((good - mode) * (sample - mode))
  let g = 0 // ln of 1 / f(mode) up to the common constant, computed on first need
  let haveG = false
  for (;;) {
    const u = random()
    const v = random()
    const candidate = a + (h * (v - 0.5)) / u
    if (candidate < 0 || candidate >= end) continue
    const k = floor(candidate)
    const steps = k - mode
    if (steps === 0) return k
    // Squeezes from log-concavity. With r(j) = f(j+1) / f(j) = (good - j)(sample - j) /
    // ((j + 1)(offset + j + 1)), ln r has slope -(1/(good-j) + 1/(sample-j) + 1/(j+1) +
    // 1/(offset+j+1)), each term monotone in j. Its largest (`steep`) and smallest (`flat`)
    // magnitudes between the mode and k, with r(mode) <= 1 <= r(mode - 1), bracket
    // t = ln f(k) / f(mode) between -steep e(e+1)/2 and -flat e(e-1)/2, e = |k - mode|.
    // 1/x + 1/y is written (x + y) / (x y): divisions dominate the cost of a candidate.
    const e = steps > 0 ? steps : -steps
    let x = steps > 0 ? good - k + 1 : k + 1
    let y = steps > 0 ? sample - k + 1 : offset + k + 1
    const steep = (x + y) / (x * y) + (steps > 0 ? innerSlope : outerSlope)
    // u(4 - u) - 3 >= 2 ln u (equal at u = 1): quick accept.
    if (u * (4 - u) - 3 <= -0.5 * steep * e * (e + 1)) return k
    x = steps > 0 ? k : good - k
    y = steps > 0 ? offset + k : sample - k
    const flat = (x + y) / (x * y) + (steps > 0 ? outerSlope : innerSlope)
    // 2 ln u >= u - 1/u (equal at u = 1), times u > 0: quick reject.
    if (u * u - 1 > -0.5 * flat * e * (e - 1) * u) continue
    if (steps <= direct && steps >= -direct) {
      const u2 = u * u
      if (u2 <= pmfRatioFromMode(good, sample, offset, mode, k, u2)) return k
      continue
    }
    if (!haveG) {
      haveG = true
      g = logPmfDenominator(good, sample, offset, mode)
    }
    // t = ln f(k) / f(mode)
    const t = g - logPmfDenominator(good, sample, offset, k)
    // Accept iff 2 ln u <= t, with Stadlober's squeezes first.
    if (u * (4 - u) - 3 <= t) return k
    if (u * (u - t) >= 1) continue
    if (2 * log(u) <= t) return k
  }
}

/**
 * One Hypergeometric(good, bad, sample) draw: how many of `good` marked items land in a simple
 * random sample of `sample` items drawn without replacement from good + bad. Exact (see
 * `hypergeometricHrua` for the one caveat beyond 16 sd) and O(1) expected time for any counts.
 * Reduces to `good <= bad` and `sample <= total / 2` by symmetry, then inversion for a small mean,
 * HRUA otherwise. Unchecked, as it runs in the permutation floor's inner loop: the arguments must
 * be non-negative safe integers with sample <= good + bad.
 */
export function hypergeometric(
  good: number,
  bad: number,
  sample: number,
  random: () => number
): number {
  const total = good + bad
  if (sample === 0 || good === 0) return 0
  if (bad === 0) return sample
  if (sample === total) return good
  const fewer = min(good, bad)
  const drawn = min(sample, total - sample)
  const x =
    drawn * fewer < 10 * total
      ? hypergeometricByInversion(fewer, drawn, total, random)
      : hypergeometricHrua(fewer, drawn, total, random)
  // Undo the reductions: counts of the more common kind, then of the items not drawn.
  const ofGood = good > bad ? drawn - x : x
  return drawn < sample ? good - ofGood : ofGood
}
