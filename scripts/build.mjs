// Bundles the action (dist/index.js), the CLI (dist/cli.js) and their workers (dist/*worker.js) with
// ncc's API, so all land in one folder without clobbering each other.
// Usage: node scripts/build.mjs [outDir]   (default: dist)
import ncc from '@vercel/ncc'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join, dirname } from 'node:path'

const outDir = process.argv[2] ?? 'dist'
const entries = [
  { input: 'src/index.ts', output: 'index.js', banner: '' },
  { input: 'src/cli.ts', output: 'cli.js', banner: '#!/usr/bin/env node\n' },
  // The worker threads (src/gate/part-thread.ts): the rest of a large dataset, the base side, the
  // split distances' noise floors.
  { input: 'src/worker.ts', output: 'worker.js', banner: '' },
  { input: 'src/base-worker.ts', output: 'base-worker.js', banner: '' },
  { input: 'src/floor-worker.ts', output: 'floor-worker.js', banner: '' }
]

await rm(outDir, { recursive: true, force: true })
await mkdir(outDir, { recursive: true })
for (const entry of entries) {
  const { code, assets, stats } = await ncc(join(process.cwd(), entry.input), {
    minify: false,
    sourceMap: false,
    quiet: true
  })
  const body = code.startsWith('#!') ? code.slice(code.indexOf('\n') + 1) : code
  await writeFile(join(outDir, entry.output), entry.banner + body, { mode: 0o755 })
  for (const [name, asset] of Object.entries(assets ?? {})) {
    if (name === 'package.json') continue
    const target = join(outDir, name)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, asset.source)
  }
  if (entry.output === 'index.js')
    await writeFile(join(outDir, 'licenses.txt'), await bundledLicenses(stats))
}
// ESM bundles need a package.json that declares the module type next to them.
await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n')

/**
 * licenses.txt for the action: the license of every package bundled into it, its lazily loaded
 * chunks included. ncc's own licenses.txt is not used: which chunk's list (and, with two versions
 * of a package, which version's text) it writes depends on the order webpack happens to finish in,
 * so two builds of the same sources could differ. The bundle's module list is exact: each module's
 * path names the installed copy it came from.
 */
async function bundledLicenses(stats) {
  const modules = stats.toJson({ modules: true, chunks: false, assets: false }).modules ?? []
  const folders = new Set()
  for (const module of modules) {
    const path = (module.name ?? '').replace(/\\/g, '/')
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path)
    if (match) folders.add(match[1])
  }
  const entries = new Set()
  for (const folder of folders) {
    const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'))
    const license = typeof manifest.license === 'string' ? manifest.license : 'SEE LICENSE'
    const file = (await readdir(folder))
      .filter(f => /^(licen[cs]e|copying)(\.|$)/i.test(f))
      .sort()[0]
    const text = file ? (await readFile(join(folder, file), 'utf8')).replace(/\r\n/g, '\n') : ''
    entries.add(`${manifest.name}\n${license}\n\n${text.trim()}`.trimEnd())
  }
  return [...entries].sort().join('\n\n') + '\n'
}
