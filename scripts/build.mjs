// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc's API, so both land in one
// folder without clobbering each other. Usage: node scripts/build.mjs [outDir]   (default: dist)
import ncc from '@vercel/ncc'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join, dirname } from 'node:path'

const outDir = process.argv[2] ?? 'dist'
const entries = [
  { input: 'src/index.ts', output: 'index.js', banner: '' },
  { input: 'src/cli.ts', output: 'cli.js', banner: '#!/usr/bin/env node\n' }
]

await rm(outDir, { recursive: true, force: true })
await mkdir(outDir, { recursive: true })
for (const entry of entries) {
  const { code, assets } = await ncc(join(process.cwd(), entry.input), {
    minify: false,
    sourceMap: false,
    quiet: true,
    license: entry.output === 'index.js' ? 'licenses.txt' : undefined
  })
  const body = code.startsWith('#!') ? code.slice(code.indexOf('\n') + 1) : code
  await writeFile(join(outDir, entry.output), entry.banner + body, { mode: 0o755 })
  for (const [name, asset] of Object.entries(assets ?? {})) {
    if (name === 'package.json') continue
    const target = join(outDir, name)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, asset.source)
  }
}
// ESM bundles need a package.json that declares the module type next to them.
await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n')
