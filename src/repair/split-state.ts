/**
 * The class counts of each split while `resplit` moves units, kept with the sums that make the
 * effect of one move cheap to compute: O(classes of the unit), not O(classes).
 *
 * D(a, b) = sum over classes of (a_c / Na - b_c / Nb)^2 = Qa / Na^2 - 2 Xab / (Na Nb) + Qb / Nb^2,
 * with Q the sum of squared counts of a split and X the dot product of two splits' counts.
 */
import { SPLIT_COUNT, type Unit } from './units.js'

export const TRAIN = 0
/** The splits whose distance to TRAIN the split-distribution rule measures. */
export const COMPARED = [1, 2] as const

export interface Goal {
  /** Target share of labeled segments per split code (NaN: not constrained). */
  share: Float64Array
  /** The largest Jensen-Shannon distance to TRAIN per split code that keeps the rule quiet. */
  jsLimit: Float64Array
  /** Split codes units may move between. */
  movable: boolean[]
}

export class SplitState {
  readonly n = new Float64Array(SPLIT_COUNT)
  readonly counts: Float64Array[]
  readonly q = new Float64Array(SPLIT_COUNT)
  /** X between TRAIN and each split code. */
  readonly x = new Float64Array(SPLIT_COUNT)
  total = 0
  private readonly scratchN = new Float64Array(SPLIT_COUNT)
  private readonly scratchQ = new Float64Array(SPLIT_COUNT)
  private readonly scratchX = new Float64Array(SPLIT_COUNT)
  private readonly scratchDots = new Float64Array(SPLIT_COUNT)

  constructor(readonly classCount: number) {
    this.counts = Array.from({ length: SPLIT_COUNT }, () => new Float64Array(classCount))
  }

  add(split: number, unit: Pick<Unit, 'classes' | 'counts'>, sign: 1 | -1): void {
    const c = this.counts[split]!
    const train = this.counts[TRAIN]!
    for (let i = 0; i < unit.classes.length; i++) {
      const k = unit.classes[i]!
      const v = unit.counts[i]! * sign
      this.q[split]! += 2 * c[k]! * v + v * v
      if (split === TRAIN) {
        for (let s = 1; s < SPLIT_COUNT; s++) this.x[s]! += v * this.counts[s]![k]!
        this.x[TRAIN] = this.q[TRAIN]!
      } else this.x[split]! += v * train[k]!
      c[k]! += v
      this.n[split]! += v
      this.total += v
    }
  }

  /** The guiding penalty of the current state (lower is better). */
  penalty(goal: Goal): number {
    return penaltyOf(this.n, this.q, this.x, this.total, goal, this.classCount)
  }

  /** The penalty after moving `unit` from split `a` to split `b`, without moving it. */
  penaltyAfter(unit: Unit, a: number, b: number, goal: Goal): number {
    // Scratch arrays: this runs for every candidate move, and must not allocate.
    const { scratchN: n, scratchQ: q, scratchX: x, scratchDots: dots } = this
    for (let s = 0; s < SPLIT_COUNT; s++) {
      n[s] = this.n[s]!
      q[s] = this.q[s]!
      x[s] = this.x[s]!
      dots[s] = 0
    }
    let vv = 0
    for (let i = 0; i < unit.classes.length; i++) {
      const k = unit.classes[i]!
      const v = unit.counts[i]!
      vv += v * v
      for (let s = 0; s < SPLIT_COUNT; s++) dots[s]! += this.counts[s]![k]! * v
    }
    n[a]! -= unit.segments
    q[a]! += vv - 2 * dots[a]!
    n[b]! += unit.segments
    q[b]! += vv + 2 * dots[b]!
    const dt = a === TRAIN ? -1 : b === TRAIN ? 1 : 0
    for (let s = 1; s < SPLIT_COUNT; s++) {
      const ds = s === a ? -1 : s === b ? 1 : 0
      x[s]! += dt * dots[s]! + ds * dots[TRAIN]! + dt * ds * vv
    }
    return penaltyOf(n, q, x, this.total, goal, this.classCount)
  }
}

const SHARE_SCALE = 0.005
/** JS distance squared is about classes x D / (8 ln 2) for shares near uniform. */
const JS_FROM_D = 1 / (8 * Math.LN2)

function penaltyOf(
  n: Float64Array,
  q: Float64Array,
  x: Float64Array,
  total: number,
  goal: Goal,
  classes: number
): number {
  let p = 0
  for (let s = 0; s < SPLIT_COUNT; s++) {
    const target = goal.share[s]!
    if (Number.isNaN(target) || total === 0) continue
    const e = (n[s]! / total - target) / SHARE_SCALE
    p += e * e
  }
  const nt = n[TRAIN]!
  for (const s of COMPARED) {
    const ns = n[s]!
    if (nt === 0 || ns === 0 || !goal.movable[s]) continue
    const d = q[TRAIN]! / (nt * nt) - (2 * x[s]!) / (nt * ns) + q[s]! / (ns * ns)
    const limit = goal.jsLimit[s]! * 0.9
    p += (classes * JS_FROM_D * Math.max(0, d)) / (limit * limit)
  }
  return p
}
