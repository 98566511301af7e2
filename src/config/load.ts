/**
 * Reads the configuration YAML and turns every problem into one line that names the file, the line
 * and the key, so a person can fix it without reading a stack trace.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { LineCounter, parseDocument } from 'yaml'
import { RE2JS } from 're2js'
import type { z } from 'zod'
import { countsMappingKeysPast, findDuplicateKey, formatPath, nestingDepthPast } from './keys.js'
import { fileErrorReason } from '../display.js'
import { configSchema, toGateConfig, type GateConfig } from './schema.js'
import { findContradictoryThreshold } from './thresholds.js'

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/**
 * Far larger than any hand-written configuration (a real one is a few KiB), and small enough that
 * parsing and checking the largest allowed file takes well under a second.
 */
export const MAX_CONFIG_BYTES = 64 * 1024
/** Mapping keys in the whole file; a configuration with dozens of datasets uses a few hundred. */
export const MAX_CONFIG_KEYS = 10_000
/** Nesting of maps and lists; the configuration's own shape is six levels deep. */
export const MAX_CONFIG_DEPTH = 64

export function parseConfig(text: string, source: string): GateConfig {
  checkSize(text, source)
  const lineCounter = new LineCounter()
  // The library's own duplicate-key check compares every key with every other key of its map
  // (minutes for a large file); findDuplicateKey below does the same check in linear time.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false })
  if (document.errors.length > 0) {
    const error = document.errors[0]!
    const position = lineCounter.linePos(error.pos[0])
    throw new ConfigError(`${source}:${position.line}: ${firstLine(error.message)}`)
  }
  checkShape(document, lineCounter, source)
  const value: unknown = document.toJS({ maxAliasCount: 100 }) ?? {}
  const parsed = configSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ConfigError(describeIssue(issue, source, document, lineCounter))
  }
  const config = toGateConfig(parsed.data, source, value)
  for (const [i, dataset] of (config.datasets ?? []).entries()) {
    if (dataset.groupPattern !== undefined) {
      const problem = checkPattern(dataset.groupPattern)
      if (problem) throw new ConfigError(`${source}: datasets[${i}].group-pattern: ${problem}`)
    }
  }
  for (const [where, rules] of [
    ['rules', config.rules],
    ...(config.datasets ?? []).map((d, i) => [`datasets[${i}].rules`, d.rules] as const)
  ] as const) {
    const pattern = rules['label-invalid']?.pattern
    if (typeof pattern === 'string') {
      const problem = checkPattern(pattern)
      if (problem) throw new ConfigError(`${source}: ${where}.label-invalid.pattern: ${problem}`)
    }
  }
  const conflict = findContradictoryThreshold(config, path => lineOf(document, lineCounter, path))
  if (conflict) {
    const line = lineOf(document, lineCounter, conflict.path)
    throw new ConfigError(`${source}${line ? `:${line}` : ''}: ${conflict.message}`)
  }
  return config
}

/** Bytes, not characters: the limit bounds the work, and a multi-byte character is more work. */
function checkSize(text: string, source: string): void {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_CONFIG_BYTES) throw tooLarge(source, bytes)
}

function tooLarge(source: string, bytes: number): ConfigError {
  return new ConfigError(
    `${source}: the configuration is ${bytes} bytes, over the limit of ${MAX_CONFIG_BYTES} bytes (64 KiB); a configuration needs a few KiB at most`
  )
}

/**
 * The text of a configuration file on disk, read no further than the size limit, so that a huge
 * file, `/dev/zero` or a FIFO cannot exhaust memory or hang before parseConfig refuses it. Any
 * problem is a ConfigError naming the file.
 */
export function readConfigFile(file: string, shown: string = file): string {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    throw cannotRead(shown, error)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw new ConfigError(`${shown}: the configuration is not a regular file`)
    if (stat.size > MAX_CONFIG_BYTES) throw tooLarge(shown, stat.size)
    // One byte past the limit tells a file that grew since fstat from one that fits.
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1)
    let length = 0
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }
    if (length > MAX_CONFIG_BYTES) throw tooLarge(shown, length)
    return buffer.subarray(0, length).toString('utf8')
  } catch (error) {
    throw error instanceof ConfigError ? error : cannotRead(shown, error)
  } finally {
    closeSync(fd)
  }
}

function cannotRead(file: string, error: unknown): ConfigError {
  return new ConfigError(`${file}: cannot read the configuration (${fileErrorReason(error)})`)
}

/** Limits on the parsed document, each checked in one pass, before anything walks it again. */
function checkShape(
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  source: string
): void {
  const at = (offset: number) => `${source}:${lineCounter.linePos(offset).line}`
  const deep = nestingDepthPast(document, MAX_CONFIG_DEPTH)
  if (deep !== null) {
    throw new ConfigError(
      `${at(deep)}: nested more than ${MAX_CONFIG_DEPTH} levels deep; the configuration needs six at most`
    )
  }
  const extraKey = countsMappingKeysPast(document, MAX_CONFIG_KEYS)
  if (extraKey !== null) {
    throw new ConfigError(
      `${at(extraKey)}: more than ${MAX_CONFIG_KEYS} keys in the configuration; a configuration needs a few hundred at most`
    )
  }
  const duplicate = findDuplicateKey(document)
  if (duplicate) {
    throw new ConfigError(
      `${at(duplicate.offset)}: ${formatPath(duplicate.path)}: duplicate key "${duplicate.key}" (first on line ${lineCounter.linePos(duplicate.firstOffset).line}); map keys must be unique`
    )
  }
}

/**
 * User patterns run through RE2 (linear time, no backtracking), so a pattern cannot hang the gate;
 * constructs RE2 does not support (backreferences, lookaround) are refused here with the reason.
 */
export function checkPattern(pattern: string): string | null {
  try {
    RE2JS.compile(pattern)
    return null
  } catch (error) {
    return `not a supported regular expression (${firstLine((error as Error).message)}); patterns use RE2 syntax: no backreferences or lookaround`
  }
}

function describeIssue(
  issue: z.core.$ZodIssue,
  source: string,
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter
): string {
  let path = issue.path.map(p => (typeof p === 'number' ? p : String(p)))
  let message = issue.message
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!
    path = [...path, key]
    message = `unknown key "${key}"${suggestion(key, issue.path)}`
  }
  const line = lineOf(document, lineCounter, path)
  const where = path.length > 0 ? formatPath(path) : '(top level)'
  return `${source}${line ? `:${line}` : ''}: ${where}: ${message}`
}

/**
 * The line of the deepest part of `path` that is written in the file. A key's own line comes
 * first: for a block map the value starts on the next line.
 */
function lineOf(
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: (string | number)[]
): number | null {
  for (let length = path.length; length >= 0; length--) {
    if (length > 0) {
      const parent = document.getIn(path.slice(0, length - 1), true) as
        { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined
      const pair = parent?.items?.find(item => item.key?.value === path[length - 1])
      if (pair?.key?.range) return lineCounter.linePos(pair.key.range[0]).line
    }
    const node = document.getIn(path.slice(0, length), true) as
      { range?: [number, number, number] } | undefined
    if (node && node.range) return lineCounter.linePos(node.range[0]).line
  }
  return null
}

function suggestion(key: string, parentPath: PropertyKey[]): string {
  const known = knownKeys(parentPath)
  let best: string | null = null
  let bestDistance = 3
  for (const candidate of known) {
    const distance = editDistance(key, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
    ? ` (did you mean "${best}"?)`
    : known.length > 0 && known.length <= 12
      ? ` (expected one of: ${known.join(', ')})`
      : ''
}

function knownKeys(parentPath: PropertyKey[]): string[] {
  // Walk the schema along the path; arrays are stepped over by their element schema.
  let schema: unknown = configSchema
  for (const step of parentPath) {
    schema = unwrap(schema)
    const def = (
      schema as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }
    ).def
    if (def?.type === 'array') schema = def.element
    else if (def?.type === 'object' && typeof step === 'string') schema = def.shape?.[step]
    else if (def?.type === 'record') schema = (def as { valueType?: unknown }).valueType
  }
  schema = unwrap(schema)
  const shape = (schema as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape
  return shape ? Object.keys(shape) : []
}

function unwrap(schema: unknown): unknown {
  let current = schema as {
    def?: { type?: string; innerType?: unknown; in?: unknown; schema?: unknown }
  }
  for (let i = 0; i < 10 && current?.def; i++) {
    const def = current.def
    if (def.innerType) current = def.innerType as typeof current
    else if (def.type === 'pipe' && def.in) current = def.in as typeof current
    else break
  }
  return current
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim()
}
