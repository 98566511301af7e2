import { readFileSync } from 'node:fs'
import { describe, it, expect } from '@jest/globals'
import {
  chiSquareHomogeneity,
  chiSquareIndependence,
  cramersV
} from '../src/analyze/stats/contingency.js'
import { jsDistance, jsDivergence, lInfinity } from '../src/analyze/stats/divergence.js'
import {
  floorJobDraws,
  floorJobKey,
  jobFloor,
  jsPermutationFloor
} from '../src/analyze/stats/permutation-floor.js'
import { hypergeometric, mulberry32 } from '../src/analyze/stats/sampling.js'
import { chiSquareSurvival, logChiSquareSurvival, logGamma } from '../src/analyze/stats/special.js'
import {
  sampleBinomial,
  sampleHypergeometric,
  sampleMultinomial
} from './helpers/stats-samplers.js'

/** Written by scripts/reference-stats.py (scipy, cross-checked with mpmath); no Python needed here. */
interface ChiSquareReference {
  statistic: number
  degreesOfFreedom: number
  pValue: number
  logPValue: number
  cramersV: number
}
interface TwoRowCase extends Partial<ChiSquareReference> {
  name: string
  table: [number[], number[]]
  jsDistance: number
  jsDistanceExact?: number
  lInfinity: number
}
interface MultiRowCase extends ChiSquareReference {
  name: string
  table: number[][]
}
interface Reference {
  twoRowTables: TwoRowCase[]
  multiRowTables: MultiRowCase[]
  chiSquareSurvival: { x: number; df: number; p: number; logP: number }[]
  logGamma: { x: number; value: number }[]
}

const reference = JSON.parse(
  readFileSync(new URL('./fixtures/stats-reference.json', import.meta.url), 'utf8')
) as Reference

/** |actual - expected| <= rel |expected|: a relative check that stays meaningful for p = 1e-250. */
function expectRelative(actual: number, expected: number, rel: number): void {
  const error = Math.abs(actual - expected)
  if (!(error <= rel * Math.abs(expected))) {
    throw new Error(`expected ${actual} to be within ${rel} (relative) of ${expected}`)
  }
}

/** The p-value check: relative when the reference is a double, log space when it underflowed. */
function expectPValue(actual: number, logActual: number, expected: number, logExpected: number) {
  if (expected > 0) {
    expectRelative(actual, expected, 1e-6)
  } else {
    // scipy flushes tails below ~1e-308 to 0; the log keeps the comparison meaningful.
    expect(actual).toBeLessThan(1e-300)
    expectRelative(logActual, logExpected, 1e-9)
  }
}

describe('agreement with scipy (__tests__/fixtures/stats-reference.json)', () => {
  describe.each(reference.twoRowTables.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const [a, b] = c.table

    it('JS distance and L-infinity', () => {
      expect(Math.abs(jsDistance(a, b) - c.jsDistance)).toBeLessThanOrEqual(1e-6)
      expect(Math.abs(lInfinity(a, b) - c.lInfinity)).toBeLessThanOrEqual(1e-6)
      if (c.jsDistanceExact !== undefined) {
        // Against 50-digit mpmath the distance is exact to ~1e-12, even for nearly equal splits.
        expect(Math.abs(jsDistance(a, b) - c.jsDistanceExact)).toBeLessThanOrEqual(
          1e-12 + 1e-9 * c.jsDistanceExact
        )
      }
    })

    if (c.statistic !== undefined) {
      it('chi-square homogeneity and Cramer V', () => {
        const result = chiSquareHomogeneity(a, b)
        expectRelative(result.statistic, c.statistic!, 1e-9)
        expect(result.degreesOfFreedom).toBe(c.degreesOfFreedom)
        expectPValue(
          result.pValue,
          logChiSquareSurvival(result.statistic, result.degreesOfFreedom),
          c.pValue!,
          c.logPValue!
        )
        expect(chiSquareIndependence(c.table)).toEqual(result)
        expect(Math.abs(cramersV(c.table) - c.cramersV!)).toBeLessThanOrEqual(1e-6)
      })
    }
  })

  it.each(reference.multiRowTables.map(c => [c.name, c] as const))(
    'chi-square independence and Cramer V: %s',
    (_name, c) => {
      const result = chiSquareIndependence(c.table)
      expectRelative(result.statistic, c.statistic, 1e-9)
      expect(result.degreesOfFreedom).toBe(c.degreesOfFreedom)
      expectPValue(
        result.pValue,
        logChiSquareSurvival(result.statistic, result.degreesOfFreedom),
        c.pValue,
        c.logPValue
      )
      expect(Math.abs(cramersV(c.table) - c.cramersV)).toBeLessThanOrEqual(1e-6)
    }
  )

  it.each(reference.chiSquareSurvival.map(c => [c.x, c.df, c] as const))(
    'chiSquareSurvival(%p, %p)',
    (x, df, c) => {
      expectPValue(chiSquareSurvival(x, df), logChiSquareSurvival(x, df), c.p, c.logP)
      // The log is accurate wherever it is finite, including far below the double range.
      expect(Math.abs(logChiSquareSurvival(x, df) - c.logP)).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(c.logP))
      )
    }
  )

  it.each(reference.logGamma.map(c => [c.x, c] as const))('logGamma(%p)', (x, c) => {
    expect(Math.abs(logGamma(x) - c.value)).toBeLessThanOrEqual(
      1e-14 * Math.max(1, Math.abs(c.value))
    )
  })
})

describe('jsDistance / jsDivergence', () => {
  it('is 0 for identical and proportional distributions', () => {
    expect(jsDistance([3, 5, 0, 2], [3, 5, 0, 2])).toBe(0)
    expect(jsDistance([1, 2, 3], [2, 4, 6])).toBe(0)
    expect(jsDistance([1, 2, 3], [1 / 6, 2 / 6, 3 / 6])).toBeCloseTo(0, 15)
  })

  it('is 1 for disjoint supports', () => {
    expect(jsDistance([4, 0, 0], [0, 1, 7])).toBe(1)
    expect(jsDivergence([1, 0], [0, 1])).toBe(1)
  })

  it('is symmetric, bounded and the square root of the divergence', () => {
    const random = mulberry32(7)
    for (let t = 0; t < 200; t++) {
      const p = Array.from({ length: 6 }, () => (random() < 0.2 ? 0 : Math.floor(random() * 50)))
      const q = Array.from({ length: 6 }, () => (random() < 0.2 ? 0 : Math.floor(random() * 50)))
      p[0]! += 1
      q[1]! += 1
      const d = jsDistance(p, q)
      expect(d).toBe(jsDistance(q, p))
      expect(d).toBeGreaterThanOrEqual(0)
      expect(d).toBeLessThanOrEqual(1)
      expect(d * d).toBeCloseTo(jsDivergence(p, q), 14)
    }
  })

  it('satisfies the triangle inequality (it is a metric)', () => {
    const random = mulberry32(11)
    const draw = () => Array.from({ length: 5 }, () => random())
    for (let t = 0; t < 300; t++) {
      const [p, q, r] = [draw(), draw(), draw()]
      expect(jsDistance(p, r)).toBeLessThanOrEqual(jsDistance(p, q) + jsDistance(q, r) + 1e-15)
    }
  })

  it('is NaN for an empty side and rejects bad input', () => {
    expect(jsDistance([0, 0], [1, 2])).toBeNaN()
    expect(lInfinity([1, 2], [0, 0])).toBeNaN()
    expect(() => jsDistance([1, 2], [1, 2, 3])).toThrow(RangeError)
    expect(() => jsDistance([1, -2], [1, 2])).toThrow(RangeError)
    expect(() => lInfinity([1, NaN], [1, 2])).toThrow(RangeError)
  })
})

describe('lInfinity', () => {
  it('is the largest share difference as a fraction', () => {
    expect(lInfinity([50, 50], [80, 20])).toBeCloseTo(0.3, 15)
    expect(lInfinity([1, 1, 2], [2, 2, 4])).toBe(0)
    expect(lInfinity([1, 0], [0, 1])).toBe(1)
  })
})

describe('chi-square tests', () => {
  const degenerate = { statistic: 0, degreesOfFreedom: 0, pValue: 1 }

  it('drops classes absent from both splits', () => {
    const withZeros = chiSquareHomogeneity([10, 0, 20, 0, 5], [12, 0, 15, 0, 9])
    expect(withZeros).toEqual(chiSquareHomogeneity([10, 20, 5], [12, 15, 9]))
    expect(withZeros.degreesOfFreedom).toBe(2)
  })

  it('gives statistic 0, df 0, p 1 for degenerate tables', () => {
    expect(chiSquareHomogeneity([5], [7])).toEqual(degenerate)
    expect(chiSquareHomogeneity([5, 0, 0], [7, 0, 0])).toEqual(degenerate)
    expect(chiSquareHomogeneity([0, 0, 0], [3, 4, 5])).toEqual(degenerate)
    expect(chiSquareHomogeneity([], [])).toEqual(degenerate)
    expect(chiSquareIndependence([])).toEqual(degenerate)
    expect(chiSquareIndependence([[1, 2, 3]])).toEqual(degenerate)
  })

  it('drops all-zero rows and columns of a general table', () => {
    const table = [
      [10, 0, 4],
      [0, 0, 0],
      [3, 0, 9]
    ]
    expect(chiSquareIndependence(table)).toEqual(
      chiSquareIndependence([
        [10, 4],
        [3, 9]
      ])
    )
  })

  it('is 0 with p = 1 for exactly proportional rows', () => {
    const result = chiSquareHomogeneity([10, 20, 30], [1, 2, 3])
    expect(result.statistic).toBeCloseTo(0, 12)
    expect(result.pValue).toBeCloseTo(1, 12)
  })

  it('rejects ragged tables and bad counts', () => {
    expect(() => chiSquareIndependence([[1, 2], [3]])).toThrow(RangeError)
    expect(() => chiSquareHomogeneity([1, 2], [3])).toThrow(RangeError)
    expect(() => chiSquareHomogeneity([1, -1], [3, 4])).toThrow(RangeError)
  })
})

describe('cramersV', () => {
  it('is 1 for a perfect association and 0 for independence', () => {
    expect(
      cramersV([
        [20, 0, 0],
        [0, 35, 0],
        [0, 0, 5]
      ])
    ).toBeCloseTo(1, 12)
    expect(
      cramersV([
        [10, 20],
        [30, 60],
        [5, 10]
      ])
    ).toBeCloseTo(0, 12)
  })

  it('is 0 when fewer than two rows or columns remain', () => {
    expect(cramersV([[1, 2, 3]])).toBe(0)
    expect(
      cramersV([
        [4, 0],
        [6, 0]
      ])
    ).toBe(0)
    expect(cramersV([])).toBe(0)
  })
})

describe('chiSquareSurvival', () => {
  it('handles the edges of its domain', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1)
    expect(chiSquareSurvival(-1, 3)).toBe(1)
    expect(chiSquareSurvival(Infinity, 3)).toBe(0)
    expect(chiSquareSurvival(5, 0)).toBe(0)
    expect(chiSquareSurvival(0, 0)).toBe(1)
    expect(chiSquareSurvival(NaN, 3)).toBeNaN()
    expect(chiSquareSurvival(3, -1)).toBeNaN()
  })

  it('matches the closed form exp(-x/2) for df = 2 down to the smallest doubles', () => {
    for (const x of [0.5, 3, 40, 400, 1000, 1400, 1440, 1480]) {
      expectRelative(chiSquareSurvival(x, 2), Math.exp(-x / 2), x < 1420 ? 1e-12 : 1e-6)
      expectRelative(logChiSquareSurvival(x, 2), -x / 2, 1e-12)
    }
    expect(chiSquareSurvival(1500, 2)).toBe(0) // e^-750 is below the double range
  })

  it('is decreasing in x and finite for large df and x', () => {
    let previous = 1
    for (let x = 0; x <= 3000; x += 50) {
      const p = chiSquareSurvival(x, 999)
      expect(p).toBeLessThanOrEqual(previous)
      previous = p
    }
    expect(logChiSquareSurvival(1e5, 999)).toBeLessThan(-4e4)
    expect(chiSquareSurvival(1e6, 1e6)).toBeGreaterThan(0.49)
    expect(chiSquareSurvival(1e6, 1e6)).toBeLessThan(0.5)
  })
})

describe('samplers (mulberry32; binomial and multinomial from the test helpers)', () => {
  it('mulberry32 is reproducible and stays strictly inside (0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    for (let i = 0; i < 1000; i++) {
      const u = a()
      expect(u).toBe(b())
      expect(u).toBeGreaterThan(0)
      expect(u).toBeLessThan(1)
    }
  })

  it('sampleBinomial has the right mean and variance in every regime', () => {
    const random = mulberry32(3)
    for (const [n, p] of [
      [20, 0.1],
      [1000, 0.3],
      [1_000_000, 0.001],
      [50, 0.97]
    ] as const) {
      const draws = 20000
      let sum = 0
      let sumSq = 0
      let invalid = 0
      for (let i = 0; i < draws; i++) {
        const x = sampleBinomial(n, p, random)
        if (!Number.isInteger(x) || x < 0 || x > n) invalid++
        sum += x
        sumSq += x * x
      }
      expect(invalid).toBe(0)
      const mean = sum / draws
      const variance = sumSq / draws - mean * mean
      const sd = Math.sqrt(n * p * (1 - p))
      expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(draws))
      expect(variance / (sd * sd)).toBeGreaterThan(0.95)
      expect(variance / (sd * sd)).toBeLessThan(1.05)
    }
    expect(sampleBinomial(0, 0.5, random)).toBe(0)
    expect(sampleBinomial(10, 0, random)).toBe(0)
    expect(sampleBinomial(10, 1, random)).toBe(10)
  })

  it('sampleMultinomial adds up to n and never draws a class with share 0', () => {
    const random = mulberry32(5)
    for (const n of [0, 1, 17, 1000, 1_000_000]) {
      const x = sampleMultinomial(n, [0.2, 0, 0.5, 0.3, 0], random)
      expect(x.reduce((s, v) => s + v, 0)).toBe(n)
      expect(x[1]).toBe(0)
      expect(x[4]).toBe(0)
    }
  })
})

/** ln of the exact Hypergeometric(good, bad, sample) pmf at x, from logGamma (checked against scipy). */
function logHypergeometricPmf(good: number, bad: number, sample: number, x: number): number {
  const logChoose = (n: number, k: number) =>
    logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1)
  return logChoose(good, x) + logChoose(bad, sample - x) - logChoose(good + bad, sample)
}

describe('sampleHypergeometric', () => {
  // [good, bad, sample]: inversion (mean < 10 after the symmetry reductions) with P(0) as a short
  // product or from log-factorials, and the ratio-of-uniforms sampler with sd from ~2 to ~1400,
  // whose acceptance test runs through the squeezes, the pmf-ratio product and log-factorials.
  const regimes: [number, number, number][] = [
    [5, 10, 7],
    [1, 1, 1],
    [12, 88, 50],
    [3, 1_000_000, 400_000],
    [40, 3000, 2500],
    [60, 1_000_000, 250_000],
    [20, 20, 20],
    [1000, 3000, 2000],
    [1250, 1_248_750, 250_000],
    [300_000, 950_000, 1_000_000],
    [999_000, 1000, 500_000],
    [10_000_000, 30_000_000, 20_000_000]
  ]

  it.each(regimes)('matches the exact pmf: good %p, bad %p, sample %p', (good, bad, sample) => {
    const draws = 20_000
    const random = mulberry32(good + 7 * sample)
    const observed = new Map<number, number>()
    const low = Math.max(0, sample - bad)
    const high = Math.min(good, sample)
    for (let i = 0; i < draws; i++) {
      const x = sampleHypergeometric(good, bad, sample, random)
      if (!Number.isInteger(x) || x < low || x > high) throw new Error(`draw ${x} off the support`)
      observed.set(x, (observed.get(x) ?? 0) + 1)
    }
    // Pearson goodness of fit over the support, adjacent values merged until each bin expects 10.
    const mean = (sample * good) / (good + bad)
    const sd = Math.sqrt(
      (mean * (bad / (good + bad)) * (good + bad - sample)) / (good + bad - 1 || 1)
    )
    const from = Math.max(low, Math.floor(mean - 8 * sd - 10))
    const to = Math.min(high, Math.ceil(mean + 8 * sd + 10))
    let statistic = 0
    let bins = 0
    let expected = 0
    let count = 0
    let covered = 0
    for (let x = from; x <= to; x++) {
      const p = Math.exp(logHypergeometricPmf(good, bad, sample, x))
      covered += p
      expected += p * draws
      count += observed.get(x) ?? 0
      if (expected >= 10 || x === to) {
        statistic += (count - expected) ** 2 / expected
        bins++
        expected = 0
        count = 0
      }
    }
    expect(covered).toBeGreaterThan(1 - 1e-5) // the window holds the whole distribution
    if (bins > 1) expect(chiSquareSurvival(statistic, bins - 1)).toBeGreaterThan(1e-4)
  })

  it('has the right mean and variance across scales', () => {
    const pick = mulberry32(17)
    const random = mulberry32(18)
    for (let t = 0; t < 40; t++) {
      const scale = Math.floor(10 ** (1 + 6 * pick()))
      const good = 1 + Math.floor(pick() * scale)
      const bad = 1 + Math.floor(pick() * 3 * scale)
      const total = good + bad
      const sample = Math.floor(pick() * (total + 1))
      const draws = 2000
      let sum = 0
      let sumSq = 0
      for (let i = 0; i < draws; i++) {
        const x = sampleHypergeometric(good, bad, sample, random)
        sum += x
        sumSq += x * x
      }
      const mean = (sample * good) / total
      const variance = (mean * (bad / total) * (total - sample)) / Math.max(1, total - 1)
      const sampleMean = sum / draws
      expect(Math.abs(sampleMean - mean)).toBeLessThanOrEqual(
        5 * Math.sqrt(variance / draws) + 1e-9
      )
      const sampleVariance = sumSq / draws - sampleMean * sampleMean
      if (variance > 1) {
        expect(sampleVariance / variance).toBeGreaterThan(0.85)
        expect(sampleVariance / variance).toBeLessThan(1.15)
      }
    }
  })

  it('handles the edges and rejects bad input', () => {
    const random = mulberry32(1)
    expect(sampleHypergeometric(0, 10, 5, random)).toBe(0)
    expect(sampleHypergeometric(10, 0, 5, random)).toBe(5)
    expect(sampleHypergeometric(10, 10, 0, random)).toBe(0)
    expect(sampleHypergeometric(7, 3, 10, random)).toBe(7)
    expect(sampleHypergeometric(7, 3, 9, random)).toBeGreaterThanOrEqual(6)
    expect(() => sampleHypergeometric(3, 3, 7, random)).toThrow(RangeError)
    expect(() => sampleHypergeometric(1.5, 3, 1, random)).toThrow(RangeError)
    expect(() => sampleHypergeometric(3, -1, 1, random)).toThrow(RangeError)
  })

  it('costs O(1) uniforms per draw, however large the counts', () => {
    for (const n of [1000, 1_000_000, 100_000_000]) {
      const source = mulberry32(2)
      let uniforms = 0
      const counting = () => {
        uniforms++
        return source()
      }
      for (let i = 0; i < 2000; i++) sampleHypergeometric(n / 100, n, n / 4, counting)
      expect(uniforms / 2000).toBeLessThan(4)
    }
  })
})

describe('jsPermutationFloor', () => {
  const zipf = (k: number) => Array.from({ length: k }, (_, i) => 1 / (i + 1))

  it('is deterministic for a seed', () => {
    const a = [120, 80, 40, 20, 10, 5, 2, 1]
    const b = [30, 25, 8, 6, 1, 0, 1, 0]
    expect(jsPermutationFloor(a, b)).toBe(jsPermutationFloor(a, b))
    expect(jsPermutationFloor(a, b, { seed: 9 })).toBe(jsPermutationFloor(a, b, { seed: 9 }))
    expect(jsPermutationFloor(a, b, { seed: 9 })).not.toBe(jsPermutationFloor(a, b, { seed: 10 }))
    // Only the pooled counts and the split sizes matter; classes absent from both are ignored.
    expect(jsPermutationFloor([109, 75, 48, 26, 11, 5, 3, 1], [41, 30, 0, 0, 0, 0, 0, 0])).toBe(
      jsPermutationFloor(a, b)
    )
    expect(jsPermutationFloor([...a, 0], [...b, 0])).toBe(jsPermutationFloor(a, b))
  })

  it('grows with the quantile and shrinks as the splits grow', () => {
    const a = [300, 200, 150, 100, 80, 60, 50, 30, 20, 10]
    const b = a.map(v => Math.round(v / 4))
    const median = jsPermutationFloor(a, b, { quantile: 0.5 })
    expect(median).toBeLessThan(jsPermutationFloor(a, b, { quantile: 0.99 }))
    expect(jsPermutationFloor(a, b, { quantile: 0.99 })).toBeLessThan(jsPermutationFloor(a, b))
    const floors = [1, 10, 100, 1000].map(m =>
      jsPermutationFloor(
        a.map(v => v * m),
        b.map(v => v * m)
      )
    )
    for (let i = 1; i < floors.length; i++) expect(floors[i]).toBeLessThan(floors[i - 1]!)
  })

  /** One label per item of a population given as counts per class. */
  function labelsOf(population: ArrayLike<number>): Int32Array {
    let total = 0
    for (let c = 0; c < population.length; c++) total += population[c]!
    const labels = new Int32Array(total)
    let position = 0
    for (let c = 0; c < population.length; c++) {
      for (let j = 0; j < population[c]!; j++) labels[position++] = c
    }
    return labels
  }

  /**
   * An honest random split, independent of the sampler under test: a partial Fisher-Yates shuffle
   * puts a uniformly random subset of nB items first (whatever the current order of `labels`);
   * returns its counts per class, the rest of the population being the other split.
   */
  function splitAtRandom(labels: Int32Array, classes: number, nB: number, random: () => number) {
    const b = new Array<number>(classes).fill(0)
    for (let i = 0; i < nB; i++) {
      const j = i + Math.floor(random() * (labels.length - i))
      const label = labels[j]!
      labels[j] = labels[i]!
      labels[i] = label
      b[label]!++
    }
    return b
  }

  /**
   * Every split of one population has the same pooled counts, hence the same floor, so each
   * population's floors are computed once and checked against many honest splits.
   */
  function honestSplits(
    [nA, nB, classes, shape, populations, splitsEach]: Regime,
    seed: number
  ): { above999: number; above90: number; atLeast90: number; splits: number } {
    const random = mulberry32(seed)
    const shares = shape === 'zipf' ? zipf(classes) : new Array<number>(classes).fill(1)
    let above999 = 0
    let above90 = 0
    let atLeast90 = 0
    for (let p = 0; p < populations; p++) {
      const population = sampleMultinomial(nA + nB, shares, random)
      const labels = labelsOf(population)
      let floor999 = NaN
      let floor90 = NaN
      for (let s = 0; s < splitsEach; s++) {
        const b = splitAtRandom(labels, classes, nB, random)
        const a = Array.from(population, (v, c) => v - b[c]!)
        if (s === 0) {
          floor999 = jsPermutationFloor(a, b, { seed: seed + p })
          floor90 = jsPermutationFloor(a, b, { seed: seed + p, quantile: 0.9 })
        }
        const distance = jsDistance(a, b)
        if (distance > floor999) above999++
        if (distance > floor90) above90++
        if (distance >= floor90) atLeast90++
      }
    }
    return { above999, above90, atLeast90, splits: populations * splitsEach }
  }

  /** nA, nB, classes, population shares, populations, honest splits per population. */
  type Regime = [number, number, number, 'zipf' | 'uniform', number, number]

  it('is calibrated for honest random splits of any size', () => {
    const regimes: Regime[] = [
      [20, 5, 10, 'zipf', 10, 300],
      [40, 10, 30, 'zipf', 10, 300],
      [80, 20, 100, 'zipf', 6, 500],
      // Most classes are missing from any one split here: the old multinomial floor's pooled-share
      // estimate misses them and its 0.999 quantile is exceeded ~15% of the time (measured).
      [40, 10, 100, 'uniform', 6, 500],
      [400, 100, 30, 'zipf', 10, 300],
      [4000, 1000, 50, 'zipf', 4, 500],
      [100_000, 25_000, 200, 'zipf', 2, 150]
    ]
    // With T = 1000 trials the observed distance, exchangeable with the re-randomized ones,
    // exceeds the type-7 0.999 quantile (between the 999th and 1000th of the sorted 1000) with
    // probability at most 2/1001 ~ 0.2%, and the 0.9 quantile with probability ~100/1001 (at most
    // for ">", at least for ">="; ties make ">" rarer for tiny splits). Each floor's own Monte Carlo
    // error moves its exceedance around these values, so they are averaged over populations.
    let splits = 0
    let above999 = 0
    const miscalibrated: unknown[] = []
    regimes.forEach((regime, r) => {
      const result = honestSplits(regime, 1000 * (r + 1))
      splits += result.splits
      above999 += result.above999
      const tolerance = 4 * Math.sqrt(0.09 / result.splits) + 0.02 // binomial + floors' spread
      if (
        result.above999 / result.splits > 0.01 ||
        result.above90 / result.splits > 0.1 + tolerance ||
        result.atLeast90 / result.splits < 0.1 - tolerance
      ) {
        miscalibrated.push({ regime, ...result })
      }
    })
    expect(miscalibrated).toEqual([])
    // Over all regimes (~12 000 splits, ~0.2% expected, sd ~0.05%): at most 0.5%.
    expect(above999 / splits).toBeLessThanOrEqual(0.005)
  })

  it('is rarely exceeded when every split gets its own floor (fresh populations)', () => {
    const random = mulberry32(31)
    let exceeded = 0
    const splits = 1000
    for (let s = 0; s < splits; s++) {
      const nB = [5, 10, 20][s % 3]!
      const classes = [10, 30, 100][Math.floor(s / 3) % 3]!
      const population = sampleMultinomial(5 * nB, zipf(classes), random)
      const b = splitAtRandom(labelsOf(population), classes, nB, random)
      const a = Array.from(population, (v, c) => v - b[c]!)
      if (jsDistance(a, b) > jsPermutationFloor(a, b, { seed: s })) exceeded++
    }
    // At most ~2 expected (0.2%); P(Poisson(2) > 8) < 0.03%.
    expect(exceeded).toBeLessThanOrEqual(8)
  })

  it('flags a genuinely shifted split of a few hundred items', () => {
    // Two classes swap shares (30% vs 5%) between TRAIN and TEST; the rest are equal.
    const train = [360, 60, 180, 180, 120, 120, 96, 84]
    const test = [15, 90, 45, 45, 30, 30, 24, 21]
    const floor = jsPermutationFloor(train, test)
    expect(jsDistance(train, test)).toBeGreaterThan(floor)
    // The same sizes without the swap stay below it.
    const honest = [90, 15, 45, 45, 30, 30, 24, 21]
    expect(jsDistance(train, honest)).toBeLessThan(jsPermutationFloor(train, honest))
  })

  it('handles degenerate inputs', () => {
    expect(jsPermutationFloor([5, 0], [3, 0])).toBe(0)
    expect(jsPermutationFloor([0, 4, 0], [0, 2, 0])).toBe(0)
    expect(jsPermutationFloor([0, 0], [3, 4])).toBeNaN()
    expect(jsPermutationFloor([1, 2], [0, 0])).toBeNaN()
    expect(() => jsPermutationFloor([1, 2], [1, 2, 3])).toThrow(RangeError)
    expect(() => jsPermutationFloor([1.5, 2], [1, 2])).toThrow(RangeError)
    expect(() => jsPermutationFloor([1, 2], [-1, 2])).toThrow(RangeError)
    expect(() => jsPermutationFloor([1, 2], [1, 2], { quantile: 1.5 })).toThrow(RangeError)
    expect(() => jsPermutationFloor([1, 2], [1, 2], { trials: 0 })).toThrow(RangeError)
  })

  it('uses 1000 trials by default, fewer (down to 200) beyond 1000 classes', () => {
    const a = [300, 200, 150, 100, 80, 60, 50, 30, 20, 10]
    const b = [60, 50, 40, 30, 20, 15, 10, 5, 5, 0]
    expect(jsPermutationFloor(a, b)).toBe(jsPermutationFloor(a, b, { trials: 1000 }))
    const many = Array.from({ length: 4000 }, (_, i) => 1 + (i % 3))
    const few = Array.from({ length: 4000 }, (_, i) => i % 2)
    expect(jsPermutationFloor(many, few)).toBe(jsPermutationFloor(many, few, { trials: 250 }))
  })

  it('gives, bit for bit, the quantile of jsDistance over the same re-splits', () => {
    // The floor sums each trial's distance from terms it keeps per class and count; this is the
    // plain computation: every re-split's groups, then jsDistance of the two.
    const plainFloor = (
      a: number[],
      b: number[],
      quantile: number,
      seed: number,
      trials = 1000
    ): number => {
      const pooled = a.map((x, i) => x + b[i]!).filter(count => count > 0)
      const nA = a.reduce((sum, x) => sum + x, 0)
      const total = nA + b.reduce((sum, x) => sum + x, 0)
      const random = mulberry32(seed)
      const distances = new Float64Array(trials)
      for (let t = 0; t < distances.length; t++) {
        const groupA: number[] = []
        let left = total
        let slots = nA
        for (const count of pooled) {
          left -= count
          const x = slots === 0 ? 0 : hypergeometric(count, left, slots, random)
          groupA.push(x)
          slots -= x
        }
        distances[t] = jsDistance(
          groupA,
          pooled.map((count, i) => count - groupA[i]!)
        )
      }
      distances.sort()
      const position = quantile * (distances.length - 1)
      const lower = Math.floor(position)
      const upper = Math.min(lower + 1, distances.length - 1)
      return distances[lower]! + (position - lower) * (distances[upper]! - distances[lower]!)
    }
    const random = mulberry32(77)
    const cases: [number[], number[]][] = [
      [
        [120, 80, 40, 20, 10, 5, 2, 1],
        [30, 25, 8, 6, 1, 0, 1, 0]
      ],
      // Classes of millions: their counts spread far beyond the terms kept around the mean.
      [
        [4_000_000, 2_500_000, 900_000, 7],
        [1_000_000, 600_000, 250_000, 3]
      ],
      // One split far smaller than the other, and classes found in one split only.
      [
        [5000, 3000, 0, 40, 1],
        [2, 0, 3, 1, 0]
      ],
      [
        [1, 1],
        [1, 0]
      ],
      // Counts past 2^32.
      [
        [6_000_000_000, 5_000_000_000, 12],
        [2_000_000_000, 1_000_000_000, 3]
      ],
      // 60 Zipf-like classes of random sizes.
      [
        zipf(60).map(w => Math.round(w * 20_000 * random())),
        zipf(60).map(w => Math.round(w * 4_000 * random()))
      ]
    ]
    for (const [a, b] of cases) {
      for (const [quantile, seed] of [
        [0.999, 0x5eed_da7a],
        [0.9, 3],
        [0.5, 11]
      ] as const) {
        expect(jsPermutationFloor(a, b, { quantile, seed })).toBe(plainFloor(a, b, quantile, seed))
      }
    }
    // 3000 large classes want more terms than are kept: each class then keeps fewer around its
    // mean.
    const large = Array.from({ length: 3000 }, () => 50_000 + Math.round(50_000 * random()))
    const quarter = large.map(count => Math.round(count / 4))
    expect(jsPermutationFloor(large, quarter, { trials: 200 })).toBe(
      plainFloor(large, quarter, 0.999, 0x5eed_da7a, 200)
    )
  })

  it('is fast for 1000 classes and a million segments', () => {
    const counts = (n: number) =>
      Array.from({ length: 1000 }, (_, i) => Math.round((n / 7000) * (1 + (i % 13))))
    const a = counts(1_000_000)
    const b = counts(250_000)
    const start = performance.now()
    const floor = jsPermutationFloor(a, b) // 1000 trials, 1000 hypergeometric draws each
    const elapsed = performance.now() - start
    expect(floor).toBeGreaterThan(0)
    expect(floor).toBeLessThan(0.05)
    // ~150 ms of CPU in plain Node; this only guards against a cost that grows with the counts.
    expect(elapsed).toBeLessThan(10_000)
  })
})

describe('noise-floor jobs (computed ahead in another thread)', () => {
  it('cost the draws of the default trials over the classes present', () => {
    const job = (classes: number, empty = 0) => ({
      a: [...Array.from({ length: classes }, (_, i) => i + 1), ...Array<number>(empty).fill(0)],
      b: [...Array.from({ length: classes }, () => 3), ...Array<number>(empty).fill(0)],
      quantile: 0.999
    })
    expect(floorJobDraws(job(400, 10))).toBe(400 * 1000)
    expect(floorJobDraws(job(2000))).toBe(2000 * 500)
    expect(floorJobDraws(job(10000))).toBe(10000 * 200)
    expect(floorJobDraws(job(1, 5))).toBe(0)
  })

  it('give the floor jsPermutationFloor gives, and are told apart by counts and quantile', () => {
    const a = [30, 5, 0, 12]
    const b = [8, 2, 0, 6]
    expect(jobFloor({ a, b, quantile: 0.99 })).toBe(jsPermutationFloor(a, b, { quantile: 0.99 }))
    const keys = new Set([
      floorJobKey({ a, b, quantile: 0.99 }),
      floorJobKey({ a, b, quantile: 0.999 }),
      floorJobKey({ a: b, b: a, quantile: 0.99 }),
      floorJobKey({ a: [30, 5, 0, 13], b, quantile: 0.99 })
    ])
    expect(keys.size).toBe(4)
    expect(floorJobKey({ a: [...a], b: [...b], quantile: 0.99 })).toBe(
      floorJobKey({ a, b, quantile: 0.99 })
    )
  })
})
