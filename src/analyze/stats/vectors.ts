/**
 * Numerical building blocks for comparing label distributions (spec: README.md, "Metric formulas").
 *
 * Pure and dependency-free on purpose: the gate runs on every pull request, so the numbers must be
 * reproducible bit for bit on any runner, and they are checked against an independent implementation
 * (scipy, see scripts/reference-stats.py and __tests__/fixtures/stats-reference.json).
 *
 * Conventions shared by every module of this folder:
 * - Distributions are given as counts or shares over the same classes (same index = same class) and
 *   are normalized internally, so `[2, 6]` and `[0.25, 0.75]` mean the same thing.
 * - Inputs must be finite and non-negative; anything else is a programming error (RangeError).
 * - A distribution with total 0 has no shares, so distances involving one are NaN (a comparison
 *   with NaN is false, so a rule gated on them cannot fire by accident). Callers should skip them.
 *
 * This module holds the input checks those conventions need.
 */

const isFiniteNumber = Number.isFinite

/** Sum of a count/share vector, rejecting values that cannot be counts. */
export function totalOf(values: ArrayLike<number>, name: string): number {
  let total = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    if (!isFiniteNumber(v) || v < 0) {
      throw new RangeError(`${name}[${i}] must be a finite non-negative number, got ${v}`)
    }
    total += v
  }
  return total
}

/** The common length of two distributions over the same classes; a RangeError when they differ. */
export function sameLength(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) {
    throw new RangeError(`distributions must have the same classes: ${p.length} vs ${q.length}`)
  }
  return p.length
}
