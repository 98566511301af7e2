// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc's API, so both land in one
// folder without clobbering each other. Usage: node scripts/build.mjs [outDir]   (default: dist)
import ncc from '@vercel/ncc'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
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
    await writeFile(
      target,
      name === 'licenses.txt' ? await stableLicenses(String(asset.source)) : asset.source
    )
  }
}
// ESM bundles need a package.json that declares the module type next to them.
await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n')

/**
 * ncc's licenses.txt keeps one license text per package name, and when two versions of a package
 * are bundled (agent-base, uuid, ...) which one it keeps depends on the order webpack happens to
 * process them: the file would differ between two builds of the same sources. So the names are
 * taken from ncc's list and the texts from every installed copy of each package, deduplicated,
 * in a fixed order: the same file on every machine, and never short of a bundled version's notice.
 */
async function stableLicenses(fromNcc) {
  const names = [
    ...fromNcc.matchAll(/(?:^|\n\n)((?:@[a-z0-9._-]+\/)?[a-z0-9._-]+)\n[^\n]+\n/g)
  ].map(match => match[1])
  const entries = []
  for (const name of [...new Set(names)].sort()) {
    const texts = new Map()
    for (const folder of await installedCopies(name)) {
      const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'))
      const license = typeof manifest.license === 'string' ? manifest.license : 'SEE LICENSE'
      const file = (await readdir(folder))
        .filter(f => /^(licen[cs]e|copying)(\.|$)/i.test(f))
        .sort()[0]
      const text = file ? (await readFile(join(folder, file), 'utf8')).replace(/\r\n/g, '\n') : ''
      const key = `${license}\n\n${text.trim()}`
      if (!texts.has(key)) texts.set(key, key)
    }
    // A copy that ships no license file adds nothing when another copy has the text.
    const withText = [...texts.keys()].filter(key => !key.endsWith('\n\n'))
    for (const key of (withText.length > 0 ? withText : [...texts.keys()]).sort())
      entries.push(`${name}\n${key}`)
  }
  return entries.join('\n\n') + '\n'
}

/** node_modules/<name>, and every nested copy of it, in path order. */
async function installedCopies(name) {
  const found = []
  const visit = async modules => {
    const here = join(modules, name)
    if (existsSync(join(here, 'package.json'))) found.push(here)
    for (const entry of await readdir(modules, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory()) continue
      const scoped = entry.name.startsWith('@')
      const packages = scoped
        ? (await readdir(join(modules, entry.name))).map(p => join(modules, entry.name, p))
        : [join(modules, entry.name)]
      for (const pkg of packages) {
        const nested = join(pkg, 'node_modules')
        if (existsSync(nested)) await visit(nested)
      }
    }
  }
  await visit(join(process.cwd(), 'node_modules'))
  return found.sort()
}
