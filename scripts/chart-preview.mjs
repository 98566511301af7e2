/**
 * `npm run chart-preview [-- OUT_DIR]`: draws, with the pinned Mermaid 11 in a headless Chromium,
 * the class-share chart of the example, a 100-class, the Kinetics-400 (from ../shared/datasets,
 * when present) and a hostile-label dataset, and each one's whole PR comment as GitHub shows it,
 * then writes the PNGs for a person to look at (default: $TMPDIR/dataset-gate-chart-preview).
 *
 * Runs the TypeScript sources through tsx (see the package.json script). Needs a Chromium: the
 * Debian package (`apt-get install chromium`) or CHROMIUM_PATH.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { renderMarkdown } from '../src/report/markdown.ts'
import { renderText } from '../src/report/text.ts'
import { cleanRepos } from '../__tests__/helpers/datasets.ts'
import {
  CHART_DATASETS,
  chartDataset,
  KINETICS_PATH
} from '../__tests__/fixtures/reports/chart-datasets.ts'
import {
  findChromium,
  MermaidBrowser,
  MERMAID_VERSION,
  mermaidBlocks
} from '../__tests__/fixtures/reports/mermaid-browser.ts'

const out = resolve(process.argv[2] ?? join(tmpdir(), 'dataset-gate-chart-preview'))
const chromium = findChromium()
if (chromium === null) {
  console.error(
    'chart-preview: no Chromium found; install the chromium package or set CHROMIUM_PATH'
  )
  process.exit(1)
}
mkdirSync(out, { recursive: true })
const browser = await MermaidBrowser.open(chromium)
let failed = false
try {
  for (const name of CHART_DATASETS) {
    const report = await chartDataset(name)
    if (report === null) {
      console.log(`${name}: skipped, ${KINETICS_PATH} is absent`)
      continue
    }
    const markdown = renderMarkdown(report, { commentKey: 'dataset-gate' })
    writeFileSync(join(out, `${name}-comment.md`), markdown)
    writeFileSync(join(out, `${name}.txt`), renderText(report))
    const [chart] = mermaidBlocks(markdown)
    if (chart === undefined) {
      console.log(`${name}: no chart in the comment`)
      failed = true
      continue
    }
    const drawn = await browser.draw(chart, join(out, `${name}-chart.png`))
    const errors = await browser.drawComment(markdown, join(out, `${name}-comment.png`))
    if (drawn.error !== null || errors.length > 0) failed = true
    console.log(
      `${name}: ${drawn.error ?? `${drawn.categories.length} classes, axis ${drawn.ticks[0]}–${drawn.ticks.at(-1)}, legend ${drawn.legend.join(' / ')}`}` +
        ` → ${join(out, `${name}-chart.png`)}, ${name}-comment.png (${markdown.length.toLocaleString('en')} characters)`
    )
  }
} finally {
  await browser.close()
  await cleanRepos()
}
console.log(`Mermaid ${MERMAID_VERSION}; PNGs in ${out}`)
process.exit(failed ? 1 : 0)
