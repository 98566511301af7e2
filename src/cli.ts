/**
 * The terminal shell around the engine: `dataset-gate check [PATH ...]`. It parses arguments, reads
 * the configuration, calls runGate and prints a report. Exit status: 0 passed, 1 failed, 2 usage,
 * configuration or I/O error (one line on stderr; the stack trace only with --debug).
 */
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { runGate } from './gate.js'
import type { FailOn } from './model.js'
import { ConfigError, parseConfig, readConfigFile } from './config/load.js'
import { defaultConfig, type GateConfig } from './config/schema.js'
import { WorkingTreeSource } from './read/source.js'
import { GitRevisionSource } from './read/git-source.js'
import { locatePaths, PathError } from './cli-paths.js'
import { renderMarkdown } from './report/markdown.js'
import { renderText } from './report/text.js'
import { renderJson } from './report/schema.js'
import {
  escapeJsonForRunnerLog,
  guardForRunnerLog,
  stdoutReachesRunnerLog
} from './report/runner-log.js'

const USAGE = `Usage: dataset-gate check [PATH ...] [options]

Checks video-classification dataset manifests (AutoML / Vertex AI CSV, JSON Lines, headered CSV).

PATH                 CSV files, AutoML index CSVs or folders (default: the configured datasets,
                     else every manifest under the current folder)
--config FILE        configuration file (default: .github/dataset-gate.yml when present)
--format FORMAT      text (default) | markdown (the PR comment) | json (the report)
--output FILE        also write the JSON report to FILE
--fail-on LEVEL      error | warning | never | new (overrides the configuration)
--base GIT_REF       compare with the same files at that git revision
--comment-key KEY    marker key for --format markdown (default: dataset-gate)
--debug              print stack traces of internal errors
-h, --help           this help
--version            the version

Exit status: 0 the gate passed, 1 it failed, 2 usage, configuration or I/O error.`

class UsageError extends Error {}

const FAIL_ON = ['error', 'warning', 'never', 'new']
const FORMATS = ['text', 'markdown', 'json']

export async function main(argv: string[]): Promise<number> {
  // `dataset-gate check | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  })
  let debug = argv.includes('--debug')
  try {
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
          ? 'missing command: use `dataset-gate check [PATH ...]`'
          : `unknown command "${command}": use \`dataset-gate check [PATH ...]\``
      )
    const format = values.format ?? 'text'
    if (!FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`)
    if (values['fail-on'] !== undefined && !FAIL_ON.includes(values['fail-on'])) {
      throw new UsageError(
        `--fail-on must be one of ${FAIL_ON.join(', ')}, not "${values['fail-on']}"`
      )
    }
    if (values['fail-on'] === 'new' && values.base === undefined)
      throw new UsageError(
        '--fail-on new needs --base GIT_REF: without a base every finding is new'
      )
    const located = locatePaths(paths, process.cwd())
    const root = located.root
    const config = loadConfig(values.config, root)
    const source = new WorkingTreeSource(root)
    let base: { ref: string; source: GitRevisionSource } | undefined
    if (values.base !== undefined) {
      if (!located.inRepository)
        throw new UsageError(`--base ${values.base}: ${root} is not in a git repository`)
      try {
        base = { ref: values.base, source: new GitRevisionSource(root, values.base) }
        await base.source.list(['**/*'], [])
      } catch (error) {
        throw new UsageError(
          `--base ${values.base}: cannot read that git revision (${firstLine(error)})`
        )
      }
    } else if ((values['fail-on'] ?? config.failOn) === 'new') {
      writeError(
        `dataset-gate: fail-on is new (${config.source ?? 'configuration'}) but there is no --base, so every error fails the gate\n`
      )
    }
    const progress = process.stderr.isTTY ? terminalProgress() : undefined
    const report = await runGate({
      source,
      config,
      paths: located.paths,
      ...(values['fail-on'] ? { failOn: values['fail-on'] as FailOn } : {}),
      ...(base ? { base } : {}),
      ...(progress ? { progress: progress.update } : {})
    })
    progress?.clear()
    if (values.output) await writeFile(values.output, renderJson(report))
    const body =
      format === 'json'
        ? renderJson(report)
        : format === 'markdown'
          ? renderMarkdown(report, { commentKey: values['comment-key'] ?? 'dataset-gate' })
          : renderText(report, { color: process.stdout.isTTY === true && !process.env.NO_COLOR })
    process.stdout.write(forRunnerLog(body, format))
    return report.passed ? 0 : 1
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof PathError) {
      // One line: the usage hint goes on the same line as the message.
      const hint = error instanceof UsageError ? ' (run `dataset-gate check --help` for usage)' : ''
      writeError(`dataset-gate: ${firstLine(error)}${hint}\n`)
      return 2
    }
    const code = (error as NodeJS.ErrnoException).code
    const message = firstLine(error)
    // Node's fs errors already start with their code ("ENOENT: no such file ...").
    const prefix = code && !message.startsWith(`${code}:`) ? `${code}: ` : ''
    writeError(
      `dataset-gate: ${prefix}${message}${debug ? '' : ' (run with --debug for details)'}\n`
    )
    const stack = (error as { stack?: unknown } | null)?.stack
    if (debug && typeof stack === 'string') writeError(stack + '\n')
    return 2
  }
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
  return format === 'json' ? escapeJsonForRunnerLog(body) : guardForRunnerLog(body)
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
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' }
      }
    })
  } catch (error) {
    throw new UsageError(firstLine(error))
  }
}

const DEFAULT_CONFIG = '.github/dataset-gate.yml'

/** `--config` is relative to the working folder; the default is found at the root. */
function loadConfig(path: string | undefined, root: string): GateConfig {
  const atRoot = join(root, DEFAULT_CONFIG)
  const file = path ?? (existsSync(atRoot) ? atRoot : null)
  if (file === null) return defaultConfig()
  // Messages name the file as the user would type it from here.
  const shown = path ?? (relative(process.cwd(), atRoot) || DEFAULT_CONFIG)
  return parseConfig(readConfigFile(file, shown), shown)
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
const invokedDirectly =
  process.argv[1] !== undefined && /(?:^|[\\/])(cli\.(?:js|ts)|dataset-gate)$/.test(process.argv[1])
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    code => {
      process.exitCode = code
    },
    () => {
      process.exitCode = 2
    }
  )
}
