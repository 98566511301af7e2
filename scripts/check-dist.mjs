// Fails when dist/ differs from a fresh build of the sources: the committed bundle is what the
// action runs, so it must be exactly what the code builds to.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'

const fresh = '.dist-check'
execFileSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'inherit' })

function listFiles(root) {
  const files = []
  const walk = dir => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else files.push(relative(root, full))
    }
  }
  walk(root)
  return files.sort()
}

const committed = listFiles('dist')
const built = listFiles(fresh)
const problems = []
for (const file of new Set([...committed, ...built])) {
  if (!committed.includes(file)) problems.push(`missing from dist/: ${file}`)
  else if (!built.includes(file)) problems.push(`stale file in dist/: ${file}`)
  else if (!readFileSync(join('dist', file)).equals(readFileSync(join(fresh, file))))
    problems.push(`differs from a fresh build: dist/${file}`)
}
rmSync(fresh, { recursive: true, force: true })
if (problems.length > 0) {
  console.error(problems.join('\n'))
  console.error('dist/ is out of date: run `npm run bundle` and commit the result.')
  process.exit(1)
}
console.log(`dist/ matches a fresh build (${built.length} files).`)
