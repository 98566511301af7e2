/**
 * Special functions: ln Gamma, the chi-square upper tail (through the regularized incomplete gamma
 * function, kept in log space) and ln k! for the samplers. Checked against scipy (see vectors.ts).
 */

// Bound once for the loop that fills the log-factorial table; see sampling.ts.
const { log } = Math

/**
 * Lanczos coefficients (g = 671/128, 14 terms) from Numerical Recipes, 3rd ed., `gammln`, written
 * as the shortest literals of the same doubles: relative error below ~1e-15 for all x > 0.
 */
const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  0.00003399464998481189, 0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275,
  -0.000026190838401581408, 0.0000036899182659531625
]
const SQRT_2PI = 2.5066282746310007

/** ln Gamma(x) for x > 0 (NaN otherwise). */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN
  if (x === Infinity) return Infinity
  let y = x
  const t = x + 5.2421875
  const lead = (x + 0.5) * Math.log(t) - t
  let series = 0.9999999999999971
  for (const c of LANCZOS) series += c / ++y
  return lead + Math.log((SQRT_2PI * series) / x)
}

const EPSILON = Number.EPSILON
/** Guards the Lentz recurrences against division by zero. */
const TINY = 1e-300
/** Both expansions converge in O(sqrt(a)) steps; this is far beyond any df the gate produces. */
const MAX_ITERATIONS = 1_000_000

/**
 * ln Q(a, x), the log of the regularized upper incomplete gamma function Gamma(a, x) / Gamma(a).
 *
 * Everything is kept in log space until the very end, so a tail of 1e-250 (a heavily shifted split
 * with thousands of segments) is returned with full relative precision instead of as 0, and the
 * log itself stays finite long after exp() would underflow.
 * Method (Numerical Recipes 6.2): for x < a + 1 the power series of P = 1 - Q converges fast and
 * Q is not small there (Q >= 0.08 for a >= 1/2, i.e. df >= 1), so Q = 1 - P loses nothing;
 * otherwise the continued fraction for Q itself, evaluated with the modified Lentz algorithm.
 */
function logRegularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || !(a > 0)) return NaN
  if (x <= 0) return 0
  if (x === Infinity) return -Infinity

  if (x < a + 1) {
    // P(a, x) = x^a e^-x / Gamma(a + 1) * sum_n x^n / ((a+1)...(a+n))
    let term = 1
    let sum = 1
    let ap = a
    for (let n = 0; n < MAX_ITERATIONS; n++) {
      ap += 1
      term *= x / ap
      sum += term
      if (term < sum * EPSILON) break
    }
    const logP = a * Math.log(x) - x - logGamma(a + 1) + Math.log(sum)
    return Math.log1p(-Math.exp(logP))
  }

  // Q(a, x) = x^a e^-x / Gamma(a) * 1 / (x + 1 - a - 1(1 - a) / (x + 3 - a - 2(2 - a) / (x + 5 - a ...)))
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) <= EPSILON) break
  }
  return a * Math.log(x) - x - logGamma(a) + Math.log(h)
}

/**
 * ln P(X >= x) for X ~ chi-square(df): ln Q(df/2, x/2). Finite even when the tail underflows a double.
 * df = 0 is the point mass at 0 (0 for x <= 0, -Infinity above).
 */
export function logChiSquareSurvival(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || df < 0) return NaN
  if (df === 0) return x <= 0 ? 0 : -Infinity
  return logRegularizedGammaQ(df / 2, x / 2)
}

/**
 * Chi-square upper tail P(X >= x) = Q(df/2, x/2), the p-value of a chi-square test.
 * Relative error ~1e-13 for df up to ~1000 (~1e-10 at df = 1e5, from ln Gamma of a large argument)
 * all the way down to ~1e-308: a p of 1e-250 keeps its digits. Below that the result is a
 * subnormal with fewer digits, and 0 only when the true value is below ~5e-324 (scipy already
 * returns 0 under ~1e-308; use `logChiSquareSurvival` to compare such tails). Matches
 * scipy.stats.chi2.sf.
 */
export function chiSquareSurvival(x: number, df: number): number {
  return Math.exp(logChiSquareSurvival(x, df))
}

/**
 * Stirling-series tail fc(k) = ln k! - [(k + 1/2) ln(k + 1) - (k + 1) + ln sqrt(2 pi)]:
 * a table for small k, the asymptotic series above. Also used by the binomial sampler of the tests.
 */
const STIRLING_TAIL = [
  0.08106146679532733, 0.04134069595540946, 0.02767792568499805, 0.020790672103765395,
  0.016644691189822147, 0.013876128823071987, 0.011896709945892425, 0.010411265261973668,
  0.009255462182711227, 0.008330563433361249
]
export function stirlingTail(k: number): number {
  if (k < 10) return STIRLING_TAIL[k] as number
  // 1/(12z) - 1/(360z^3) + 1/(1260z^5) - 1/(1680z^7), z = k + 1: error < 4e-13 from k = 10 on.
  const z = k + 1
  const z2 = z * z
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / 1680 / z2) / z2) / z2) / z
}

/** ln k! for 0 <= k < LOG_FACTORIAL_CACHE, filled from `logFactorialStirling` on first use. */
const LOG_FACTORIAL_CACHE = 1024
let logFactorialTable: Float64Array | undefined
/** 1/2 ln(2 pi). */
const HALF_LOG_2PI = 0.9189385332046728

/**
 * ln k! = (k + 1/2) ln(k + 1) - (k + 1) + ln sqrt(2 pi) + fc(k): series error < 4e-13, plus the
 * rounding of a double (~1e-16 relative, so ~2e-6 absolute at k = 1e9: it blurs the acceptance
 * boundary of `hypergeometricHrua`'s log test in sampling.ts by that much, far below anything measurable).
 */
function logFactorialStirling(k: number): number {
  return (k + 0.5) * log(k + 1) - (k + 1) + HALF_LOG_2PI + stirlingTail(k)
}

/** ln k! for an integer k >= 0: a table lookup below 1024, one log above. */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_CACHE) {
    if (logFactorialTable === undefined) {
      logFactorialTable = new Float64Array(LOG_FACTORIAL_CACHE)
      for (let i = 0; i < LOG_FACTORIAL_CACHE; i++) logFactorialTable[i] = logFactorialStirling(i)
    }
    return logFactorialTable[k]!
  }
  return logFactorialStirling(k)
}
