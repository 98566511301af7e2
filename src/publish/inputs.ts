/**
 * The action's inputs (action.yml), read once and validated with zod. GitHub does not enforce
 * `required` or allowed values, so a bad value stops here with one line that names the input.
 */
import * as core from '@actions/core'
import { z } from 'zod'
import type { FailOn } from '../model.js'
import { normalizeRepoPath } from '../read/source.js'
import { commentMarker } from '../comment-marker.js'

export interface ActionInputs {
  /**
   * Globs of dataset files, from a newline- or comma-separated list. Empty: the engine's own
   * discovery, the same as the CLI's (the configured datasets, else every CSV and JSON Lines
   * manifest).
   */
  paths: string[]
  /** Repository-relative configuration file; a missing file means the defaults. */
  config: string
  changedOnly: boolean
  /** Unset: the configuration's `fail-on` (itself `error` by default). */
  failOn: FailOn | undefined
  comment: 'always' | 'on-failure' | 'never'
  commentKey: string
  annotations: boolean
  /** Offer mechanical row repairs as a pull-request review with `suggestion` blocks. */
  suggestions: boolean
  compareBase: boolean
  /** Unset: a file in RUNNER_TEMP. */
  reportFile: string | undefined
  /** Where to write the SARIF, relative to the workspace; unset: no SARIF file. */
  sarifFile: string | undefined
  /** `upload`: send the SARIF to GitHub code scanning (needs `security-events: write`). */
  codeScanning: 'upload' | 'off'
  githubToken: string
  /** Unset: the configuration's `storage.verify`. */
  verifyUris: 'off' | 'changed' | 'all' | undefined
  /** Unset: the configuration's `storage.durations`. */
  probeDurations: boolean | undefined
}

export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** YAML 1.2 core booleans, the same set as `core.getBooleanInput`. */
const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

function booleanInput(fallback: boolean) {
  return z
    .string()
    .refine(v => v === '' || TRUE.includes(v) || FALSE.includes(v), {
      message: 'must be true or false'
    })
    .transform(v => (v === '' ? fallback : TRUE.includes(v)))
}

function choiceInput<const T extends string>(choices: readonly T[]) {
  return z
    .string()
    .refine(v => (choices as readonly string[]).includes(v), {
      message: `must be one of ${choices.join(', ')}`
    })
    .transform(v => v as T)
}

const inputsSchema = z.object({
  paths: z.string().transform(splitPathList),
  config: z
    .string()
    .transform(v => v || '.github/dataset-gate.yml')
    .refine(v => normalizeRepoPath(v) !== null, {
      message: 'must be a path inside the repository'
    })
    .transform(v => normalizeRepoPath(v)!),
  'changed-only': booleanInput(true),
  'fail-on': z
    .string()
    .refine(v => v === '' || ['error', 'warning', 'never', 'new'].includes(v), {
      message: 'must be one of error, warning, never, new'
    })
    .transform(v => (v === '' ? undefined : (v as FailOn))),
  comment: z
    .string()
    .transform(v => v || 'always')
    .pipe(choiceInput(['always', 'on-failure', 'never'] as const)),
  'comment-key': z
    .string()
    .transform(v => v || 'dataset-gate')
    .refine(isValidKey, {
      message: "must be up to 100 letters, digits, '.', '_' or '-', starting with a letter or digit"
    }),
  annotations: booleanInput(true),
  suggestions: booleanInput(true),
  'compare-base': booleanInput(true),
  'report-file': z.string().transform(v => v || undefined),
  'sarif-file': z.string().transform(v => v || undefined),
  'code-scanning': z
    .string()
    .transform(v => v || 'off')
    .pipe(choiceInput(['upload', 'off'] as const)),
  'github-token': z.string(),
  'verify-uris': z
    .string()
    .refine(v => v === '' || ['off', 'changed', 'all'].includes(v), {
      message: 'must be one of off, changed, all'
    })
    .transform(v => (v === '' ? undefined : (v as 'off' | 'changed' | 'all'))),
  'probe-durations': z
    .string()
    .refine(v => v === '' || TRUE.includes(v) || FALSE.includes(v), {
      message: 'must be true or false'
    })
    .transform(v => (v === '' ? undefined : TRUE.includes(v)))
})

const INPUT_NAMES = Object.keys(inputsSchema.shape) as (keyof typeof inputsSchema.shape)[]

/**
 * The `paths` input as a list of globs: one per line, and several on a line separated by commas,
 * except commas inside braces or brackets, which belong to the glob (`data/*.{csv,jsonl}`,
 * `clip_[0-9,]*.csv`). Splitting those would leave two broken globs that match nothing.
 */
export function splitPathList(text: string): string[] {
  const globs: string[] = []
  for (const line of text.split(/\r?\n/)) {
    let depth = 0
    let start = 0
    for (let i = 0; i < line.length; i++) {
      const char = line[i]
      if (char === '{' || char === '[') depth++
      else if ((char === '}' || char === ']') && depth > 0) depth--
      else if (char === ',' && depth === 0) {
        globs.push(line.slice(start, i))
        start = i + 1
      }
    }
    globs.push(line.slice(start))
  }
  return globs.map(glob => glob.trim()).filter(glob => glob.length > 0)
}

function isValidKey(key: string): boolean {
  try {
    commentMarker(key)
    return true
  } catch {
    return false
  }
}

/**
 * @param read how to read one input (default: the runner's `INPUT_<NAME>` variables via
 *   `core.getInput`, which trims the value)
 */
export function getInputs(
  read: (name: string) => string = name => core.getInput(name)
): ActionInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map(name => [name, read(name)]))
  const parsed = inputsSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0])
    const shown = name === 'github-token' ? '' : ` (got ${JSON.stringify(raw[name] ?? '')})`
    throw new InputError(`Input \`${name}\` ${issue.message}${shown}.`)
  }
  const v = parsed.data
  return {
    paths: v.paths,
    config: v.config,
    changedOnly: v['changed-only'],
    failOn: v['fail-on'],
    comment: v.comment,
    commentKey: v['comment-key'],
    annotations: v.annotations,
    suggestions: v.suggestions,
    compareBase: v['compare-base'],
    reportFile: v['report-file'],
    sarifFile: v['sarif-file'],
    codeScanning: v['code-scanning'],
    githubToken: v['github-token'],
    verifyUris: v['verify-uris'],
    probeDurations: v['probe-durations']
  }
}
