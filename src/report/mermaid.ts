/**
 * The class-share chart as a Mermaid `xychart-beta` block, which GitHub draws itself. Labels come
 * from a dataset, so they are written to survive Mermaid's own processing intact: what a reader
 * sees is the class name, NFC-normalised, with only the characters that would break the chart
 * replaced by look-alikes, cut with a suffix that keeps every label distinct (Mermaid merges equal
 * categories, so two equal labels would hide a bar).
 */
import { visibleForm } from './escape.js'
import { formatCount } from './format.js'
import type { ClassChart } from './chart.js'

/** Grapheme clusters a label keeps: long enough for "passing American football (in game)". */
export const LABEL_MAX = 28

/**
 * Plot colours that read on GitHub's light and dark themes (Mermaid's default palette draws the
 * bars nearly white): TRAIN blue, then orange, green, purple.
 */
const PALETTE = '#4c78a8, #f58518, #54a24b, #b279a2'

/** The label of a class named "" (Mermaid would draw nothing, and might merge it). */
const EMPTY_LABEL = '(empty)'

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

function clusters(text: string): string[] {
  return Array.from(graphemes.segment(text), part => part.segment)
}

/**
 * What Mermaid would change in a label, and the look-alike written instead:
 * - `"` ends the label (written `”`); `<` starts a tag that Mermaid's DOMPurify pass removes
 *   (written `‹`): both look-alikes are in every common font;
 * - `#name;` is turned into a character reference by Mermaid's entity pre-pass (`#quot;` shows
 *   `"`), written `＃name;`;
 * - `%%` starts a comment or an `%%{init}%%` directive, anywhere in the text (written `％％`);
 * - `ﬂ°` and `¶ß` are the placeholders that pre-pass uses, decoded in the drawn SVG.
 * And one for the Actions runner, which reads the CLI's `--format markdown` in a job log: `##[`
 * anywhere in a line is a workflow command (`##[add-mask]…`), written `#＃[`.
 */
const BREAKING = /["<]|#(?=\w+;)|(?<=#)#(?=\[)|%(?=%)|(?<=%)%|ﬂ(?=°)|(?<=¶)ß/gu
const LOOK_ALIKE: Record<string, string> = {
  '"': '”',
  '<': '‹',
  '#': '＃',
  '%': '％',
  ﬂ: 'fl',
  ß: 'ss'
}

/**
 * A class name as Mermaid shows it, before any cut: NFC, hidden characters in their visible form
 * (`‹U+202E›`, `\n`), leading and trailing spaces as `␠` (Mermaid trims them), runs of spaces kept;
 * the empty name as `(empty)`.
 */
export function chartText(name: string): string {
  const visible = Array.from(name.normalize('NFC'), char => {
    const form = visibleForm(char)
    if (form === null) return char
    return form.replace(/^<(.*)>$/, '‹$1›')
  }).join('')
  if (visible === '') return EMPTY_LABEL
  return visible
    .replace(/^ +| +$/g, spaces => '␠'.repeat(spaces.length))
    .replace(BREAKING, char => LOOK_ALIKE[char] ?? char)
}

/** `text` cut to `max` grapheme clusters: the end replaced by `…`, or the middle with `middle`. */
function shorten(parts: string[], max: number, middle: boolean): string {
  if (parts.length <= max) return parts.join('')
  if (!middle) return parts.slice(0, max - 1).join('') + '…'
  const tail = Math.floor((max - 1) / 2)
  const head = max - 1 - tail
  return parts.slice(0, head).join('') + '…' + parts.slice(parts.length - tail).join('')
}

/** Labels that look alike are alike to a reader: compare with runs of white space folded. */
function sameKey(label: string): string {
  return label.replace(/\s+/g, ' ').trim()
}

/**
 * One label per name, in order, every one distinct: each name as `chartText` shows it, cut to
 * `max` grapheme clusters at the end; names whose cut labels coincide are cut in the middle
 * instead (keeping "…(in game)" apart from "…(not in game)"), and any that still coincide get
 * ` (2)`, ` (3)`, … .
 */
export function chartLabels(names: readonly string[], max = LABEL_MAX): string[] {
  const texts = names.map(name => clusters(chartText(name)))
  const labels = texts.map(parts => shorten(parts, max, false))
  const counts = new Map<string, number>()
  for (const label of labels) counts.set(sameKey(label), (counts.get(sameKey(label)) ?? 0) + 1)
  const middled = labels.map((label, i) =>
    (counts.get(sameKey(label)) ?? 0) > 1 ? shorten(texts[i] as string[], max, true) : label
  )
  const taken = new Set<string>()
  return middled.map((label, i) => {
    let unique = label
    for (let n = 2; taken.has(sameKey(unique)); n++) {
      const suffix = ` (${n})`
      unique = shorten(texts[i] as string[], max - suffix.length, true) + suffix
    }
    taken.add(sameKey(unique))
    return unique
  })
}

/** Decimals that keep shares apart at the axis's scale: 0.251% and 0.249% on a 0.3% axis. */
function decimals(axisMaxPercent: number): number {
  return axisMaxPercent <= 1 ? 3 : axisMaxPercent <= 10 ? 2 : 1
}

/**
 * The fenced Mermaid block: a horizontal chart, the first split as bars, the others as lines,
 * each a named series (Mermaid draws the legend), the share axis from 0.
 */
export function mermaidChart(chart: ClassChart): string[] {
  const labels = chartLabels(chart.classes.map(row => row.name))
  const axisMax = Number((chart.axisMax * 100).toPrecision(6))
  const digits = decimals(axisMax)
  const series = (i: number) =>
    `[${chart.classes.map(row => ((row.shares[i] ?? 0) * 100).toFixed(digits)).join(', ')}]`
  const lines = [
    '```mermaid',
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${PALETTE}"`,
    '---',
    'xychart-beta horizontal',
    `  title "${formatCount(chart.classes.length)} of ${formatCount(chart.classCount)} classes: share of each split (%)"`,
    `  x-axis [${labels.map(label => `"${label}"`).join(', ')}]`,
    `  y-axis "% of the split's labelled segments" 0 --> ${axisMax}`
  ]
  chart.splits.forEach((split, i) => {
    lines.push(`  ${i === 0 ? 'bar' : 'line'} "${split}" ${series(i)}`)
  })
  lines.push('```')
  return lines
}
