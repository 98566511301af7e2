/**
 * Unicode bars for places without a chart (the text report, e-mail notifications, the mobile
 * app): block elements render in every font and terminal, one column wide each.
 */

/** Eight heights, lowest first: one character per split compares shares side by side. */
const COLUMN_BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█']
/** Eighths of a cell, for bars that grow to the right. */
const ROW_BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉']

/** Shown for a share of zero, so that nothing and a sliver never look alike. */
export const NO_SHARE = '·'

/**
 * One column-bar character per value, its height `value / max` in eighths; a value above zero is
 * at least one eighth high, zero is `·`.
 */
export function columnBars(values: readonly number[], max: number): string {
  return values
    .map(value => {
      if (!(value > 0) || !(max > 0)) return NO_SHARE
      const level = Math.min(8, Math.max(1, Math.round((value / max) * 8)))
      return COLUMN_BLOCKS[level - 1] as string
    })
    .join('')
}

/**
 * A bar growing to the right, `width` cells at `value == max`, in eighths of a cell; a value
 * above zero is at least one eighth long. Empty for zero.
 */
export function rowBar(value: number, max: number, width = 8): string {
  if (!(value > 0) || !(max > 0)) return ''
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8))
  return '█'.repeat(Math.floor(eighths / 8)) + ROW_BLOCKS[eighths % 8]
}
