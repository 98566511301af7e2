// Prints the README's rule table from the rule catalogue (see src/rules/table.ts);
// with --write, replaces the table between the rules-table markers in README.md.
import { readFileSync, writeFileSync } from 'node:fs'
import { rulesMarkdownTable, replaceRulesTable } from '../src/rules/table.js'

if (process.argv.includes('--write')) {
  writeFileSync('README.md', replaceRulesTable(readFileSync('README.md', 'utf8')))
} else {
  process.stdout.write(rulesMarkdownTable() + '\n')
}
