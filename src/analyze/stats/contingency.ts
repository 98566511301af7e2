/**
 * Statistics of a contingency table of counts: Pearson's chi-square tests (independence of an
 * r x c table, homogeneity of two count vectors) and Cramer's V, the association measure built on
 * the same statistic. Conventions: see vectors.ts.
 */
import { chiSquareSurvival } from './special.js'
import { sameLength, totalOf } from './vectors.js'

export interface ChiSquareResult {
  /** Pearson's statistic sum (O - E)^2 / E, without continuity correction. */
  statistic: number
  degreesOfFreedom: number
  /** P(X >= statistic) for X ~ chi-square(degreesOfFreedom); 1 for a degenerate table. */
  pValue: number
}

interface ReducedChiSquare extends ChiSquareResult {
  /** Grand total of the table. */
  n: number
  /** Rows and columns left after dropping the all-zero ones. */
  rows: number
  columns: number
}

const DEGENERATE = { statistic: 0, degreesOfFreedom: 0, pValue: 1 } as const

/**
 * Pearson chi-square over an r x c table after dropping all-zero rows and columns (an absent class
 * or attribute value carries no information and would give expected counts of 0).
 */
function chiSquareReduced(table: ArrayLike<ArrayLike<number>>): ReducedChiSquare {
  const rowCount = table.length
  const columnCount = rowCount === 0 ? 0 : (table[0] as ArrayLike<number>).length
  const rowTotals = new Float64Array(rowCount)
  const columnTotals = new Float64Array(columnCount)
  for (let i = 0; i < rowCount; i++) {
    const row = table[i] as ArrayLike<number>
    if (row.length !== columnCount) {
      throw new RangeError(`table row ${i} has ${row.length} cells, expected ${columnCount}`)
    }
    rowTotals[i] = totalOf(row, `table[${i}]`)
    for (let j = 0; j < columnCount; j++) columnTotals[j]! += row[j] as number
  }
  const rows: number[] = []
  const columns: number[] = []
  let n = 0
  for (let i = 0; i < rowCount; i++) {
    if (rowTotals[i]! > 0) {
      rows.push(i)
      n += rowTotals[i]!
    }
  }
  for (let j = 0; j < columnCount; j++) if (columnTotals[j]! > 0) columns.push(j)

  if (rows.length < 2 || columns.length < 2) {
    return { ...DEGENERATE, n, rows: rows.length, columns: columns.length }
  }
  let statistic = 0
  for (const i of rows) {
    const row = table[i] as ArrayLike<number>
    for (const j of columns) {
      const expected = (rowTotals[i]! * columnTotals[j]!) / n
      const diff = (row[j] as number) - expected
      // (O - E)^2 / E rather than O^2 / E - n: no cancellation when the table fits H0 closely.
      statistic += (diff * diff) / expected
    }
  }
  const degreesOfFreedom = (rows.length - 1) * (columns.length - 1)
  return {
    statistic,
    degreesOfFreedom,
    pValue: chiSquareSurvival(statistic, degreesOfFreedom),
    n,
    rows: rows.length,
    columns: columns.length
  }
}

/**
 * Chi-square test of independence on an r x c table of counts (no continuity correction), after
 * dropping all-zero rows and columns. A table with fewer than two non-empty rows or columns is
 * degenerate: statistic 0, df 0, p 1. Same as scipy.stats.chi2_contingency(t, correction=False).
 */
export function chiSquareIndependence(table: ArrayLike<ArrayLike<number>>): ChiSquareResult {
  const { statistic, degreesOfFreedom, pValue } = chiSquareReduced(table)
  return { statistic, degreesOfFreedom, pValue }
}

/**
 * Chi-square test of homogeneity of two count vectors over the same classes (the 2 x k split x class
 * table). Classes with zero in both are dropped, so df = k - 1 over the classes present; an empty
 * side or fewer than two classes gives statistic 0, df 0, p 1. No continuity correction.
 */
export function chiSquareHomogeneity(a: ArrayLike<number>, b: ArrayLike<number>): ChiSquareResult {
  sameLength(a, b)
  return chiSquareIndependence([a, b])
}

/**
 * Cramer's V = sqrt(chi2 / (n (min(r, c) - 1))) in [0, 1] from the uncorrected chi-square of the
 * table after dropping all-zero rows and columns; 0 when fewer than two rows or columns remain.
 * Same as scipy.stats.contingency.association(t, method='cramer', correction=False).
 */
export function cramersV(table: ArrayLike<ArrayLike<number>>): number {
  const { statistic, n, rows, columns } = chiSquareReduced(table)
  const smaller = Math.min(rows, columns)
  if (smaller < 2) return 0
  return Math.min(1, Math.sqrt(statistic / (n * (smaller - 1))))
}
