/**
 * The README's rule table, generated from the catalogue so the two cannot drift apart:
 * `npm run rules-table` prints it, and a test fails when the README's copy differs.
 */
import { RULE_IDS } from '../model.js'
import { RULES, type RuleKind } from './catalogue.js'

const KIND_TITLE: Record<RuleKind, string> = {
  row: 'Row rules (one finding per offending row, with file and line)',
  dataset: 'Dataset rules (over all files of one dataset)',
  change: 'Change rules (a pull request against its base)',
  gate: "The gate's own input and resource checks"
}

/** An option's default as the README's rule table and the SARIF help write it. */
export function formatDefault(value: unknown): string {
  if (Array.isArray(value)) return `[${value.join(', ')}]`
  if (typeof value === 'object' && value !== null)
    return Object.keys(value).length === 0 ? '{}' : JSON.stringify(value)
  return String(value)
}

export function rulesMarkdownTable(): string {
  const sections: string[] = []
  for (const kind of Object.keys(KIND_TITLE) as RuleKind[]) {
    const rows = RULE_IDS.filter(id => RULES[id].kind === kind).map(id => {
      const rule = RULES[id]
      const defaults = rule.options.parse({}) as Record<string, unknown>
      const options = Object.entries(defaults)
        .map(([key, value]) => `\`${key}: ${formatDefault(value)}\``)
        .join(', ')
      const severity = rule.severityNote ? `${rule.severity} (${rule.severityNote})` : rule.severity
      return `| \`${id}\` | ${severity} | ${options || '-'} | ${rule.summary.replace(/\|/g, '\\|')} |`
    })
    sections.push(
      `**${KIND_TITLE[kind]}**\n\n| rule | default severity | options (defaults) | what it catches |\n|---|---|---|---|\n${rows.join('\n')}`
    )
  }
  return sections.join('\n\n')
}

export const TABLE_START = '<!-- rules-table:start -->'
export const TABLE_END = '<!-- rules-table:end -->'

/** The README with its rule table (between the markers) regenerated. */
export function replaceRulesTable(readme: string): string {
  const start = readme.indexOf(TABLE_START)
  const end = readme.indexOf(TABLE_END)
  if (start === -1 || end < start) throw new Error('README.md has no rules-table markers')
  return `${readme.slice(0, start + TABLE_START.length)}\n${rulesMarkdownTable()}\n${readme.slice(end)}`
}
