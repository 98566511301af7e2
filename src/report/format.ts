/**
 * Number formatting shared by the Markdown and text reports. Locale-independent, so golden files
 * are the same on every machine. Counts and nouns are written as in messages (display.ts).
 */
import { formatCount, plural } from '../display.js'

export { formatCount, plural }

/** A fraction as a percentage: 0.2841 -> "28.4%". */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`
}

/**
 * Decimals that tell apart the shares of one table or caption whose largest share is `largest`:
 * two when all are below 2% (hundreds of classes: 0.25% next to 0.24%), else one.
 */
export function shareDigits(largest: number): number {
  return largest * 100 < 2 ? 2 : 1
}

/** A fraction as percentage points: 0.0042 -> "0.4 pp". */
export function formatPoints(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} pp`
}

/** A p-value readable across its range: "0.412", "3.2e-7", "< 1e-300". */
export function formatPValue(p: number): string {
  if (p <= 0) return '< 1e-300'
  if (p >= 0.001) return p.toFixed(3)
  return p.toExponential(1)
}

/** A ratio such as an imbalance: 1.6667 -> "1.67×". */
export function formatRatio(ratio: number | null): string {
  if (ratio === null) return 'n/a'
  return `${ratio >= 100 ? formatCount(Math.round(ratio)) : ratio.toFixed(2)}×`
}

/** A signed change: "+5", "-3"; empty for no change. */
export function formatChange(change: number): string {
  if (change === 0) return ''
  return change > 0 ? `+${formatCount(change)}` : formatCount(change)
}

/** Bytes in binary units: 1536 -> "1.5 KiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${formatCount(bytes)} B` : `${value.toFixed(1)} ${units[unit]}`
}
