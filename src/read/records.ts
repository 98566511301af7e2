/**
 * What the CSV reader hands out: records to a visitor, or a stop that ends the file. Shared by the
 * reader (text.ts) and its two paths (text-fast-path.ts, text-slow-path.ts).
 */

export interface TextStop {
  kind: 'syntax' | 'limit'
  line: number
  message: string
}

export interface RecordVisitor {
  /** A data line split into fields. `line` is the 1-based line the record starts on. */
  record(fields: string[], line: number): void
  blank(line: number): void
  /**
   * Optional: false for a line the visitor does not need, which is then skipped without being
   * split or reported (not even as blank). Asked in line order, and only on the fast path: lines
   * read by csv-parse or holding a lone CR are always reported.
   */
  wants?(line: number): boolean
  /**
   * Optional, with `wants`: the first line from `line` on that `wants` would take (Infinity when
   * none). The fast path then passes over the lines before it without looking at each.
   */
  nextWanted?(line: number): number
}
