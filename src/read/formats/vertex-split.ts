/** ML_USE values of the Vertex AI formats (CSV column and JSON Lines resource label). */
import type { RowProblemSink } from '../problems.js'
import { SPLIT_CODE, VERTEX_ML_USE, parseVertexSplit, type VertexSplit } from '../splits.js'

/**
 * Distinct spellings cached per file: a file uses a handful, and parsing one allocates. Few, as
 * each row that misses the last spelling is compared with each of them in turn.
 */
const CACHED_SPELLINGS = 16

export class VertexSplitReader {
  /** The spellings seen, compared in turn: a file has a handful; a Map would hash each row's. */
  private texts: string[] = []
  private splitOfText: (VertexSplit | null)[] = []
  private lastValue: string | null = null
  private lastSplit: VertexSplit | null | undefined = undefined

  constructor(
    private problems: RowProblemSink,
    private path: string
  ) {}

  private known(value: string): VertexSplit | null | undefined {
    const texts = this.texts
    for (let i = 0; i < texts.length; i++) if (texts[i] === value) return this.splitOfText[i]
    return undefined
  }

  /** The split code of a row's ML_USE value, or -1 (reported) when the value names no split. */
  code(value: string, line: number): number {
    // Rows of one split usually come together: the last spelling is compared before any lookup.
    let split = value === this.lastValue ? this.lastSplit : this.known(value)
    if (split === undefined) {
      split = parseVertexSplit(value)
      if (this.texts.length < CACHED_SPELLINGS) {
        this.texts.push(value)
        this.splitOfText.push(split)
      }
    }
    if (value !== this.lastValue && value.length < 13) {
      // Short strings are copies, never slices of the chunk: keeping one pins nothing.
      this.lastValue = value
      this.lastSplit = split
    }
    if (split === null) {
      this.problems.report({
        code: 'split.unknown',
        file: this.path,
        line,
        value,
        allowed: VERTEX_ML_USE
      })
      return -1
    }
    if (split.spelling === 'validation') {
      this.problems.report({ code: 'split.validation', file: this.path, line, value })
    } else if (split.spelling === 'undocumented') {
      this.problems.report({
        code: 'split.undocumented',
        file: this.path,
        line,
        value,
        split: split.split,
        allowed: VERTEX_ML_USE
      })
    }
    return SPLIT_CODE[split.split]
  }
}
