/**
 * The comment's last rendering before a cut: one table row per dataset, the worst first, with its
 * worst finding. A change that touches hundreds of datasets (a manifest per class or per day, or a
 * folder of links) overflows even the compact per-dataset sections; those list the datasets in
 * name order and the cut then drops whichever come last, failing or not. Here the failing ones
 * come first, so the cut drops the quiet ones.
 */
import { compareText, sortFindings, type DatasetReport } from '../model.js'
import { formatCount, plural } from './format.js'
import { datasetIcon, ruleCell, table, text } from './markdown-blocks.js'

/** A message cell here is one line of a long table: shorter than in a dataset's own section. */
const OVERVIEW_MESSAGE_MAX = 160

function worstFirst(a: DatasetReport, b: DatasetReport): number {
  return (
    b.counts.error - a.counts.error ||
    b.counts.warning - a.counts.warning ||
    b.counts.notice - a.counts.notice ||
    compareText(a.name, b.name)
  )
}

function overviewRow(dataset: DatasetReport): string[] {
  const { counts } = dataset
  const worst = sortFindings(dataset.findings)[0]
  const finding = worst
    ? `${ruleCell(worst.rule)} ${text(worst.message, OVERVIEW_MESSAGE_MAX)}`
    : ''
  return [
    `${datasetIcon(counts)} ${text(dataset.name)}`,
    formatCount(counts.error),
    formatCount(counts.warning),
    formatCount(counts.notice),
    finding
  ]
}

/** The datasets as one table, the worst first; `elsewhere` names where the details are. */
export function renderOverview(datasets: readonly DatasetReport[], elsewhere: string): string[] {
  if (datasets.length === 0) return []
  const rows = [...datasets].sort(worstFirst).map(overviewRow)
  return [
    `### ${plural(datasets.length, 'dataset')}, the worst first`,
    '',
    `Too many to show one by one here; each dataset's sections are in ${elsewhere}.`,
    '',
    ...table(
      ['dataset', 'errors', 'warnings', 'notices', 'worst finding'],
      [false, true, true, true, false],
      rows
    ),
    ''
  ]
}
