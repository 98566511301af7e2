// The README's comment excerpt, rendered from the example dataset by the real renderer, so the
// README shows exactly what a pull request gets. With --write, replaces the excerpt between the
// comment-excerpt markers in README.md; a test keeps it in sync.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runGate } from '../src/gate.js'
import { defaultConfig } from '../src/config/schema.js'
import { WorkingTreeSource } from '../src/read/source.js'
import { renderMarkdown } from '../src/report/markdown.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const START = '<!-- comment-excerpt:start -->'
const END = '<!-- comment-excerpt:end -->'
/** Finding rows shown before the excerpt stops. */
const FINDING_ROWS = 5

export async function commentExcerpt(): Promise<string> {
  const report = await runGate({
    source: new WorkingTreeSource(ROOT),
    config: defaultConfig(),
    paths: ['examples/automl']
  })
  const lines = renderMarkdown(report, { commentKey: 'dataset-gate' }).split('\n')
  const findings = lines.findIndex(line => line.startsWith('#### Findings'))
  // The heading, the table header and its separator, then the first rows.
  const end = findings + 4 + FINDING_ROWS
  const shown = lines.slice(1, end).filter((line, i, all) => !(line === '' && all[i - 1] === ''))
  return ['```markdown', ...shown, '…', '```'].join('\n')
}

export async function replaceExcerpt(readme: string): Promise<string> {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error('README.md has no comment-excerpt markers')
  return `${readme.slice(0, start + START.length)}\n${await commentExcerpt()}\n${readme.slice(end)}`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--write')) {
    const path = `${ROOT}README.md`
    writeFileSync(path, await replaceExcerpt(readFileSync(path, 'utf8')))
  } else {
    process.stdout.write((await commentExcerpt()) + '\n')
  }
}
