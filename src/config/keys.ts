/**
 * Checks over the keys of a parsed configuration document, each in one linear pass, so that even
 * the largest allowed file is checked in milliseconds. The walk is iterative (an explicit stack),
 * so deep nesting cannot overflow the call stack.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml'

type Step = string | number

/** `datasets[0].rules.min-classes`: how messages name a place in the configuration. */
export function formatPath(path: readonly Step[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

/** A collection (map or list) met on the walk, with how it was reached. */
interface Visit {
  node: Node
  /** 1 for the top-level collection. */
  depth: number
  parent: Visit | null
  /** The key or index under which the parent holds this node; null at the top. */
  step: Step | null
}

/** Every map and list of the document, depth first in the order they are written. */
function* collections(document: Document): Generator<Visit> {
  const stack: Visit[] = []
  const top = document.contents
  if (isMap(top) || isSeq(top)) stack.push({ node: top, depth: 1, parent: null, step: null })
  while (stack.length > 0) {
    const visit = stack.pop()!
    yield visit
    const children: [Step, unknown][] = isMap(visit.node)
      ? visit.node.items.map(pair => [keyText(pair.key) ?? '?', pair.value])
      : isSeq(visit.node)
        ? visit.node.items.map((item, index) => [index, item])
        : []
    // Pushed last to first, so they come off the stack in the order they are written.
    for (const [step, child] of children.reverse()) {
      if (isMap(child) || isSeq(child)) {
        stack.push({ node: child, depth: visit.depth + 1, parent: visit, step })
      }
    }
  }
}

/** The key as the configuration reads it (JavaScript object keys are strings); null if not a scalar. */
function keyText(key: unknown): string | null {
  return isScalar(key) ? String(key.value) : null
}

function startOf(node: unknown): number {
  return (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0
}

function pathTo(visit: Visit): Step[] {
  const steps: Step[] = []
  for (let at: Visit | null = visit; at && at.step !== null; at = at.parent) steps.push(at.step)
  return steps.reverse()
}

/** The source offset of the first map or list nested deeper than `max`, or null. */
export function nestingDepthPast(document: Document, max: number): number | null {
  for (const visit of collections(document)) {
    if (visit.depth > max) return startOf(visit.node)
  }
  return null
}

/** The source offset of the key that takes the count of mapping keys past `max`, or null. */
export function countsMappingKeysPast(document: Document, max: number): number | null {
  let seen = 0
  for (const visit of collections(document)) {
    if (!isMap(visit.node)) continue
    const items = visit.node.items
    if (seen + items.length > max) return startOf(items[max - seen]!.key)
    seen += items.length
  }
  return null
}

export interface DuplicateKey {
  key: string
  /** Path to the duplicate key itself, e.g. `['rules', 'min-classes']`. */
  path: Step[]
  offset: number
  firstOffset: number
}

/** A key written twice in the same map (in the first such map), found with one Map per map. */
export function findDuplicateKey(document: Document): DuplicateKey | null {
  for (const visit of collections(document)) {
    if (!isMap(visit.node)) continue
    const firstAt = new Map<string, number>()
    for (const pair of visit.node.items) {
      const key = keyText(pair.key)
      if (key === null) continue
      const first = firstAt.get(key)
      if (first === undefined) {
        firstAt.set(key, startOf(pair.key))
        continue
      }
      return { key, path: [...pathTo(visit), key], offset: startOf(pair.key), firstOffset: first }
    }
  }
  return null
}
