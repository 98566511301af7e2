/**
 * What a split field says: ML_USE values of the Vertex AI and legacy AutoML formats, and the
 * values column-mapped manifests use. Which spellings are acceptable, and the advice for the
 * others, is the judge's (judge/row-problems.ts).
 */
import type { Split } from '../model.js'
import { INVISIBLE, clip } from '../display.js'

/** Split codes are indexes into SPLITS (model.ts): the accumulator's bit of a split. */
export const SPLIT_CODE: Record<Split, number> = { TRAIN: 0, VALIDATION: 1, TEST: 2, UNASSIGNED: 3 }

/** The ML_USE values Vertex AI documents for video classification (any case in practice). */
export const VERTEX_ML_USE: readonly string[] = ['training', 'test']

/**
 * An ML_USE value read: the split it counts in, and how it is spelled. `validation` is documented
 * but not used for video classification; an `undocumented` spelling is one whose intent is plain
 * (the legacy AutoML `TRAIN`, the research datasets' `val`, `eval`), counted in the split it was
 * meant for so the class counts, leakage and distribution checks describe the intended dataset.
 */
export interface VertexSplit {
  split: Split
  spelling: 'documented' | 'validation' | 'undocumented'
}

const DOCUMENTED: Record<string, VertexSplit> = {
  training: { split: 'TRAIN', spelling: 'documented' },
  test: { split: 'TEST', spelling: 'documented' },
  validation: { split: 'VALIDATION', spelling: 'validation' }
}

/** Values whose intent is not plain (`holdout`) are not here, and not counted at all. */
const UNDOCUMENTED: Record<string, Split> = {
  train: 'TRAIN',
  trainning: 'TRAIN',
  testing: 'TEST',
  eval: 'TEST',
  evaluation: 'TEST',
  val: 'VALIDATION',
  valid: 'VALIDATION',
  validate: 'VALIDATION',
  unassigned: 'UNASSIGNED'
}

/**
 * Vertex AI CSV / JSONL ml_use values, or null for a value that names no split. Case and spaces
 * around the value pass; a documented value with an invisible character around it (a byte-order
 * mark left at the start of a line by joining two files: JavaScript's trim removes it, most CSV
 * readers keep it) is undocumented: its intent is plain, but it is not the value documented.
 */
export function parseVertexSplit(text: string): VertexSplit | null {
  const value = text.trim().toLowerCase()
  // Own keys only: a value such as `__proto__` names no split.
  if (Object.hasOwn(DOCUMENTED, value)) {
    const read = DOCUMENTED[value]!
    const hidden = read.spelling === 'documented' && INVISIBLE.test(text)
    return hidden ? { ...read, spelling: 'undocumented' } : read
  }
  if (!Object.hasOwn(UNDOCUMENTED, value)) return null
  return { split: UNDOCUMENTED[value]!, spelling: 'undocumented' }
}

/** Legacy AutoML index ML_USE values. VALIDATE is in the grammar but not allowed for video. */
export function parseIndexSplit(
  text: string
): { split: Split; problem: string | null; severity: 'error' | 'warning' } | null {
  const value = text.trim().toUpperCase()
  // As for Vertex values: an invisible character around the value (a byte-order mark left by
  // joining two files) is trimmed by JavaScript only.
  const hidden = INVISIBLE.test(text)
    ? `ML_USE "${clip(text)}" has an invisible character around ${value}; write ${value} alone`
    : null
  switch (value) {
    case 'TRAIN':
      return { split: 'TRAIN', problem: hidden, severity: 'error' }
    case 'TEST':
      return { split: 'TEST', problem: hidden, severity: 'error' }
    case 'UNASSIGNED':
      return { split: 'UNASSIGNED', problem: hidden, severity: 'error' }
    case 'VALIDATE':
    case 'VALIDATION':
      return {
        split: 'VALIDATION',
        problem: `ML_USE "${clip(text)}" is not allowed for video classification; use TRAIN, TEST or UNASSIGNED`,
        severity: 'error'
      }
    default:
      return null
  }
}

/** Split values of column-mapped manifests without a configured `split-values` map. */
export const DEFAULT_SPLIT_VALUES: Record<string, Split> = {
  train: 'TRAIN',
  training: 'TRAIN',
  val: 'VALIDATION',
  valid: 'VALIDATION',
  validate: 'VALIDATION',
  validation: 'VALIDATION',
  test: 'TEST',
  testing: 'TEST',
  unassigned: 'UNASSIGNED'
}
