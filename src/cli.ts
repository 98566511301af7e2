/**
 * The terminal shell around the engine: `dataset-gate check [PATH ...]`. It parses arguments, reads
 * the configuration, calls runGate and prints a report. Exit status: 0 passed, 1 failed, 2 usage,
 * configuration or I/O error (one line on stderr; the stack trace only with --debug).
 */
// First: run as the program, it sets the heap up and may start a thread before the rest loads.
import { earlyThreads, invokedAsProgram } from './cli-early.js'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { runGate } from './gate.js'
import { threadReading } from './gate/part-thread.js'
import { FAIL_ON_LEVELS, type FailOn, type GateReport } from './model.js'
import { ConfigError } from './config/load.js'
import type { GateConfig } from './config/schema.js'
import { configFile, loadConfig } from './cli-config.js'
import { closeStorage, openStorage, type StorageRun } from './storage/run.js'
import { WorkingTreeSource } from './read/source.js'
import { GitRevisionSource } from './read/git-source.js'
import { locatePaths, PathError, type LocatedPaths } from './cli-paths.js'
import {
  OutputError,
  checkOutputFolder,
  refuseInputAsOutput,
  writeOutput,
  type ReadFile
} from './cli-output.js'
import { renderMarkdown } from './report/markdown.js'
import { renderText } from './report/text.js'
import { renderJson } from './report/schema.js'
import { renderSarif } from './report/sarif.js'
import {
  escapeJsonForRunnerLog,
  guardForRunnerLog,
  stdoutReachesRunnerLog
} from './report/runner-log.js'
import { RepairRefusedError, RepairUsageError, fixCommand, resplitCommand } from './cli-repair.js'
import { formatCount } from './display.js'

/** Options followed by their value: the command is the first other word. */
const TAKES_VALUE = new Set(
  ['config', 'format', 'output', 'fail-on', 'base', 'comment-key', 'test-share']
    .concat(['validation-share', 'keep', 'seed', 'verify-uris'])
    .map(name => `--${name}`)
)

/** Commands with their own options; `check` is parsed below. */
const REPAIR_COMMANDS: Record<string, (argv: string[]) => Promise<number>> = Object.assign(
  Object.create(null) as Record<string, (argv: string[]) => Promise<number>>,
  { fix: fixCommand, resplit: resplitCommand }
)

const USAGE = `Usage: dataset-gate check [PATH ...] [options]

Checks video-classification dataset manifests (AutoML / Vertex AI CSV, JSON Lines, headered CSV).

PATH                 files, folders or globs, relative or absolute (default: the configured
                     datasets, else every manifest under the repository root, or under the
                     current folder when run from a subfolder)
--config FILE        configuration file (default: .github/dataset-gate.yml at the root of the
                     repository that holds the paths, when present)
--format FORMAT      text (default) | markdown (the PR comment) | json (the report) |
                     sarif (SARIF 2.1.0 for GitHub code scanning)
--output FILE        also write the report to FILE: the SARIF with --format sarif, else the
                     JSON report
--fail-on LEVEL      error | warning | never | new (overrides the configuration; new needs --base)
--base GIT_REF       compare with the same files at that git revision
--verify-uris WHICH  changed | all: look up the gs:// objects of added or changed rows
                     (against --base), or of every row (overrides storage.verify)
--probe-durations    read each video's duration from its header (storage.durations: probe)
--comment-key KEY    marker key for --format markdown, category for --format sarif
                     (default: dataset-gate)
--debug              print stack traces of internal errors
-h, --help           this help
--version            the version

Exit status: 0 the gate passed, 1 it failed, 2 usage, configuration or I/O error.

Repairs: dataset-gate fix [PATH ...] and dataset-gate resplit [PATH] (see dataset-gate fix --help).`

class UsageError extends Error {}
/** --output names a place the report cannot be written to. */

const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const
type Format = (typeof FORMATS)[number]

export async function main(argv: string[]): Promise<number> {
  // `dataset-gate check | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  })
  let debug = argv.includes('--debug')
  try {
    // The repair commands take their own options (cli-repair.ts).
    const at = argv.findIndex((arg, i) => !arg.startsWith('-') && !TAKES_VALUE.has(argv[i - 1]!))
    const repair = at === -1 ? undefined : REPAIR_COMMANDS[argv[at]!]
    if (repair) return await repair([...argv.slice(0, at), ...argv.slice(at + 1)])
    const { values, positionals } = parseArguments(argv)
    debug = values.debug === true
    if (values.help) {
      process.stdout.write(USAGE + '\n')
      return 0
    }
    if (values.version) {
      process.stdout.write(`dataset-gate ${VERSION}\n`)
      return 0
    }
    const [command, ...paths] = positionals
    if (command !== 'check')
      throw new UsageError(
        command === undefined
          ? 'missing command: use `dataset-gate check [PATH ...]` (or fix, resplit)'
          : `unknown command "${command}": use \`dataset-gate check [PATH ...]\` (or fix, resplit)`
      )
    return await check(checkOptions(values), paths)
  } catch (error) {
    return reportError(error, debug)
  }
}

type Values = ReturnType<typeof parseArguments>['values']

interface CheckOptions {
  format: Format
  failOn: FailOn | undefined
  base: string | undefined
  config: string | undefined
  output: string | undefined
  commentKey: string
  verifyUris: 'changed' | 'all' | undefined
  probeDurations: boolean
}

function checkOptions(values: Values): CheckOptions {
  const format = values.format ?? 'text'
  if (!isOneOf(FORMATS, format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`)
  const failOn = values['fail-on']
  if (failOn !== undefined && !isOneOf(FAIL_ON_LEVELS, failOn))
    throw new UsageError(`--fail-on must be one of ${FAIL_ON_LEVELS.join(', ')}, not "${failOn}"`)
  if (failOn === 'new' && values.base === undefined)
    throw new UsageError('--fail-on new needs --base GIT_REF: without a base every finding is new')
  const verifyUris = values['verify-uris']
  if (verifyUris !== undefined && !isOneOf(['changed', 'all'] as const, verifyUris))
    throw new UsageError(`--verify-uris must be changed or all, not "${verifyUris}"`)
  return {
    format,
    failOn,
    base: values.base,
    config: values.config,
    output: values.output,
    commentKey: values['comment-key'] ?? 'dataset-gate',
    verifyUris,
    probeDurations: values['probe-durations'] === true
  }
}

function isOneOf<T extends string>(choices: readonly T[], value: string): value is T {
  return (choices as readonly string[]).includes(value)
}

/** `check [PATH ...]`: gate, print, and exit 0 (passed) or 1 (failed). */
async function check(options: CheckOptions, paths: string[]): Promise<number> {
  if (options.output !== undefined) checkOutputFolder(options.output)
  const located = locatePaths(paths, process.cwd())
  if (options.output !== undefined)
    refuseInputAsOutput(options.output, namedInputs(options, located))
  const config = loadConfig(options.config, located.root)
  const base = await openBase(options.base, located)
  if (base === undefined && (options.failOn ?? config.failOn) === 'new') {
    writeError(
      `dataset-gate: fail-on is new (${config.source ?? 'configuration'}) but there is no --base, so every error fails the gate\n`
    )
  }
  const progress = process.stderr.isTTY ? terminalProgress() : undefined
  const storage = await openStorageFor(options, config, base, located.paths)
  const report = await runGate({
    source: new WorkingTreeSource(located.root),
    config,
    paths: located.paths,
    ...(options.failOn ? { failOn: options.failOn } : {}),
    ...(base ? { base } : {}),
    ...(progress ? { progress: progress.update } : {}),
    storage,
    parallel: threadReading(process.env, undefined, earlyThreads)
  })
  progress?.clear()
  if (storage) {
    await closeStorage(storage)
    report.notes.push(...storage.notes)
  }
  const sarif =
    options.format === 'sarif'
      ? renderSarif(report, { category: options.commentKey, toolVersion: VERSION })
      : null
  if (options.output) {
    // Files found by a folder, a glob or an index: known only now.
    refuseInputAsOutput(options.output, datasetFiles(report, located.root))
    await writeOutput(options.output, sarif ? sarif.text : renderJson(report))
  }
  if (sarif && sarif.omitted > 0) writeError(sarifOmittedNote(sarif.omitted))
  const body = sarif
    ? sarif.text
    : options.format === 'json'
      ? renderJson(report)
      : options.format === 'markdown'
        ? renderMarkdown(report, { commentKey: options.commentKey })
        : renderText(report, { color: process.stdout.isTTY === true && !process.env.NO_COLOR })
  process.stdout.write(forRunnerLog(body, options.format))
  return report.passed ? 0 : 1
}

/** The files named on the command line and the configuration file, for the --output check. */
function namedInputs(options: CheckOptions, located: LocatedPaths): ReadFile[] {
  const named = located.paths.map(path => ({
    path: join(located.root, path),
    role: `${path}, a file named to be checked`
  }))
  const config = configFile(options.config, located.root)
  return config === null ? named : [...named, { path: config, role: 'the configuration file' }]
}

/** Every data file the run read, by dataset. */
function datasetFiles(report: GateReport, root: string): ReadFile[] {
  return report.datasets.flatMap(dataset =>
    dataset.files.map(file => ({
      path: join(root, file.path),
      role: `${file.path}, a file of the dataset ${dataset.name}`
    }))
  )
}

/** Cloud Storage verification as the configuration and the flags ask; null when off. */
function openStorageFor(
  options: CheckOptions,
  config: GateConfig,
  base: { source: GitRevisionSource } | undefined,
  paths: string[]
): Promise<StorageRun | null> {
  const settings = { ...config.storage }
  if (options.verifyUris) settings.verify = options.verifyUris
  if (options.probeDurations) {
    settings.durations = 'probe'
    // Durations come from the objects, so they are looked up too.
    if (settings.verify === 'off') settings.verify = 'changed'
  }
  return openStorage(settings, { base: base ? { source: base.source, paths } : null })
}

/** The `--base` revision of the root's repository, checked to be readable. */
async function openBase(
  ref: string | undefined,
  located: LocatedPaths
): Promise<{ ref: string; source: GitRevisionSource } | undefined> {
  if (ref === undefined) return undefined
  if (!located.inRepository)
    throw new UsageError(`--base ${ref}: ${located.root} is not in a git repository`)
  try {
    const source = new GitRevisionSource(located.root, ref)
    await source.list(['**/*'], [])
    return { ref, source }
  } catch (error) {
    throw new UsageError(`--base ${ref}: cannot read that git revision (${firstLine(error)})`)
  }
}

/**
 * Exit status 2 with one line on stderr; a stack only with --debug: the unexpected error's, or the
 * system error under a failed --output.
 */
function reportError(error: unknown, debug: boolean): number {
  if (
    error instanceof UsageError ||
    error instanceof RepairUsageError ||
    error instanceof RepairRefusedError ||
    error instanceof ConfigError ||
    error instanceof PathError ||
    error instanceof OutputError
  ) {
    // One line: the usage hint goes on the same line as the message.
    const hint =
      error instanceof UsageError
        ? ' (run `dataset-gate check --help` for usage)'
        : error instanceof RepairUsageError
          ? ' (run `dataset-gate fix --help` for usage)'
          : ''
    writeError(`dataset-gate: ${firstLine(error)}${hint}\n`)
    // A failed write is told in words; --debug still shows the system's own error under it.
    const cause = error instanceof OutputError ? (error.cause as { stack?: unknown }) : null
    if (debug && typeof cause?.stack === 'string') writeError(cause.stack + '\n')
    return 2
  }
  const code = (error as NodeJS.ErrnoException).code
  const message = firstLine(error)
  // Node's fs errors already start with their code ("ENOENT: no such file ...").
  const prefix = code && !message.startsWith(`${code}:`) ? `${code}: ` : ''
  writeError(`dataset-gate: ${prefix}${message}${debug ? '' : ' (run with --debug for details)'}\n`)
  const stack = (error as { stack?: unknown } | null)?.stack
  if (debug && typeof stack === 'string') writeError(stack + '\n')
  return 2
}

/** Error lines quote paths and configuration keys, which a pull request controls. */
function writeError(text: string): void {
  process.stderr.write(process.env.GITHUB_ACTIONS === 'true' ? guardForRunnerLog(text) : text)
}

/**
 * Inside GitHub Actions stdout may be the runner's log, where a label such as `::add-mask::x`
 * would run as a workflow command: text and Markdown go between stop-commands markers, and JSON
 * spells `##[` so no line can start one (the same JSON value).
 */
function forRunnerLog(body: string, format: string): string {
  if (!stdoutReachesRunnerLog()) return body
  return format === 'json' || format === 'sarif'
    ? escapeJsonForRunnerLog(body)
    : guardForRunnerLog(body)
}

/** GitHub's limits left findings out of the SARIF: say so, since the file is all code scanning sees. */
function sarifOmittedNote(omitted: number): string {
  return `dataset-gate: ${formatCount(omitted)} finding${omitted === 1 ? '' : 's'} left out of the SARIF (GitHub code scanning accepts 25,000 results per run and 10 MB gzipped); the least severe went first, and the run's properties count them.\n`
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string' },
        'fail-on': { type: 'string' },
        base: { type: 'string' },
        'comment-key': { type: 'string' },
        'verify-uris': { type: 'string' },
        'probe-durations': { type: 'boolean' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' }
      }
    })
  } catch (error) {
    throw new UsageError(firstLine(error))
  }
}

/** One updating line on stderr for files big enough to take a moment. */
function terminalProgress() {
  let shown = false
  let lastAt = 0
  return {
    update(event: { file: string; bytesRead: number; bytesTotal: number }) {
      if (event.bytesTotal < 20 * 1024 * 1024) return
      const now = Date.now()
      if (now - lastAt < 200 && event.bytesRead < event.bytesTotal) return
      lastAt = now
      const percent = Math.min(100, Math.floor((event.bytesRead / event.bytesTotal) * 100))
      process.stderr.write(
        `\r\x1b[2Kreading ${event.file.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}: ${percent}%`
      )
      shown = true
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[2K')
    }
  }
}

function firstLine(error: unknown): string {
  // Duck-typed: errors made in another realm (a vm context, a worker) are not `instanceof Error`.
  const message = (error as { message?: unknown } | null)?.message
  return String(typeof message === 'string' ? message : error).split('\n')[0]!
}

declare const DATASET_GATE_VERSION: string | undefined
const VERSION = typeof DATASET_GATE_VERSION === 'string' ? DATASET_GATE_VERSION : '0.1.0'

// Run only as the program, not when imported by tests.
if (invokedAsProgram) {
  main(process.argv.slice(2)).then(
    code => {
      process.exitCode = code
    },
    () => {
      process.exitCode = 2
    }
  )
}
