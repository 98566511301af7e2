/**
 * How the change rules write splits, labels and numbers in their messages.
 */
import { SPLITS, type Split } from '../model.js'

export function splitsOf(mask: number): Split[] {
  return SPLITS.filter((_, i) => (mask & (1 << i)) !== 0)
}

export function splitList(splits: Split[]): string {
  return splits.length === 0 ? '(no split)' : splits.join(' + ')
}

export function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i])
}

export function fixed(value: number): string {
  return value.toFixed(3)
}

export function ratio(value: number): string {
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}x`
}
