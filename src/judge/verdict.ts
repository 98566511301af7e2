/**
 * The gate's verdict, from the same counts the headline and the exit status show.
 */
import type { FailOn, SeverityCounts } from '../model.js'

/** The verdict comes from the counts, the same numbers the headline and the exit status show. */
export function verdict(
  failOn: FailOn,
  counts: SeverityCounts,
  newCounts: SeverityCounts | undefined
): boolean {
  switch (failOn) {
    case 'never':
      return true
    case 'error':
      return counts.error === 0
    case 'warning':
      return counts.error + counts.warning === 0
    case 'new':
      // Without a base every error is new (the shells warn about that).
      return (newCounts ?? counts).error === 0
  }
}
