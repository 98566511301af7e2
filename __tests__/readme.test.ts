import { describe, it, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { replaceRulesTable } from '../src/rules/table.js'
import { RULE_IDS } from '../src/model.js'
import { replaceExcerpt } from '../scripts/readme-excerpt.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('has the rule table generated from the catalogue (run `npm run rules-table -- --write`)', () => {
    expect(replaceRulesTable(readme)).toBe(readme)
  })

  it('shows the comment excerpt the renderer makes of the example (run `npm run readme-excerpt -- --write`)', async () => {
    expect(await replaceExcerpt(readme)).toBe(readme)
  })

  it('names every rule id', () => {
    for (const id of RULE_IDS) expect(readme).toContain(`\`${id}\``)
  })
})
