/**
 * The source tree's shape (ARCHITECTURE.md): no import cycle anywhere in src/. The direction
 * between folders is enforced by eslint (no-restricted-imports); a cycle inside a folder is not,
 * so it is checked here on the import graph of the sources themselves.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = fileURLToPath(new URL('../src/', import.meta.url))

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(folder, entry.name)]
        : []
  )
}

/** Relative imports of a file (type-only ones too: they tie the files together all the same). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const targets = [...text.matchAll(/^(?:import|export)[^'"]*?from '(\.[^']+)'/gms)].map(m => m[1]!)
  return targets.map(target => resolve(dirname(file), target.replace(/\.js$/, '.ts')))
}

/** Every cycle's files, found by depth-first search (each cycle reported once per entry point). */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (node: string): void => {
    state.set(node, 'open')
    path.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push(path.slice(path.indexOf(next)))
      else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(node, 'done')
  }
  for (const node of graph.keys()) if (!state.has(node)) visit(node)
  return cycles
}

describe('the source tree', () => {
  it('has no import cycle', () => {
    const files = sourceFiles(SRC)
    const graph = new Map(files.map(file => [file, importsOf(file)]))
    const cycles = findCycles(graph).map(cycle =>
      cycle.map(file => relative(SRC, file)).join(' -> ')
    )
    expect(cycles).toEqual([])
  })

  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']]
    ])
    expect(findCycles(graph)).toEqual([['a', 'b', 'c']])
  })
})
