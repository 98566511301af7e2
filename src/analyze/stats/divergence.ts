/**
 * Distances between two label distributions: the Jensen-Shannon divergence and distance, and the
 * L-infinity distance of the shares (conventions: see vectors.ts).
 */
import { sameLength, totalOf } from './vectors.js'

// Bound once for the hot loops; see sampling.ts for why this matters under Jest.
const { abs, log1p, max, min, sqrt, LN2 } = Math

/**
 * g(r) = (1+r) ln(1+r) + (1-r) ln(1-r) for r in [-1, 1].
 *
 * One class contributes s * g(r) / 4 nats to the JS divergence, where s = p_i + q_i and
 * r = (p_i - q_i) / s. Written this way the first-order terms of p ln(p/m) and q ln(q/m) cancel
 * analytically instead of numerically: for nearly equal shares the naive sum loses all digits, here
 * the Taylor series sum_{k>=1} r^(2k) / (k (2k-1)) keeps full relative accuracy, so identical
 * distributions give exactly 0 and tiny differences are not buried under rounding noise.
 */
function symmetricEntropyGap(r: number): number {
  const a = abs(r)
  if (a < 0.5) {
    const r2 = r * r
    let power = r2
    let sum = 0
    // r2 <= 1/4, so the terms shrink at least 4x each step: <= 27 iterations for full precision.
    for (let k = 1; k < 60; k++) {
      const term = power / (k * (2 * k - 1))
      sum += term
      if (term <= sum * 1e-17) break
      power *= r2
    }
    return sum
  }
  // 0 * ln 0 = 0: at r = +-1 one of the classes is absent from one side.
  const plus = (1 + a) * log1p(a)
  const minus = a === 1 ? 0 : (1 - a) * log1p(-a)
  return plus + minus
}

/**
 * Jensen-Shannon divergence with log base 2: JSD = 1/2 KL(p||m) + 1/2 KL(q||m), m = (p+q)/2.
 * In [0, 1]; 0 for identical distributions, 1 for disjoint supports. No smoothing: m > 0 wherever
 * p or q is, and classes absent from both sides contribute nothing. NaN when either side is empty.
 */
export function jsDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const k = sameLength(p, q)
  const totalP = totalOf(p, 'p')
  const totalQ = totalOf(q, 'q')
  if (totalP === 0 || totalQ === 0) return NaN
  let nats4 = 0 // 4 x divergence in nats
  for (let i = 0; i < k; i++) {
    const pi = p[i] as number
    const qi = q[i] as number
    if (pi === 0 && qi === 0) continue
    nats4 += classNats4(pi, qi, totalP, totalQ)
  }
  return divergenceOfNats4(nats4)
}

/**
 * One class's term of `jsDivergence`'s sum (4 x its contribution in nats), for counts or shares
 * `pi` and `qi` (not both 0) of sides totalling `totalP` and `totalQ`.
 */
export function classNats4(pi: number, qi: number, totalP: number, totalQ: number): number {
  // Cross-multiplied so integer counts give r without normalization rounding.
  const crossP = pi * totalQ
  const crossQ = qi * totalP
  const r = (crossP - crossQ) / (crossP + crossQ)
  return (pi / totalP + qi / totalQ) * symmetricEntropyGap(r)
}

/** The divergence in bits, clamped to [0, 1], from the sum of the classes' `classNats4`. */
export function divergenceOfNats4(nats4: number): number {
  const bits = nats4 / (4 * LN2)
  return min(1, max(0, bits))
}

/**
 * Jensen-Shannon distance sqrt(JSD), log base 2, in [0, 1] (a metric, unlike the divergence).
 * Equals scipy.spatial.distance.jensenshannon(p, q, base=2). NaN when either side is empty.
 */
export function jsDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  return sqrt(jsDivergence(p, q))
}

/**
 * L-infinity distance max_i |p_i - q_i| of the normalized shares, as a fraction in [0, 1]
 * (the "largest per-class share difference"). NaN when either side is empty.
 */
export function lInfinity(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const k = sameLength(p, q)
  const totalP = totalOf(p, 'p')
  const totalQ = totalOf(q, 'q')
  if (totalP === 0 || totalQ === 0) return NaN
  let max = 0
  for (let i = 0; i < k; i++) {
    const diff = Math.abs((p[i] as number) / totalP - (q[i] as number) / totalQ)
    if (diff > max) max = diff
  }
  return max
}
