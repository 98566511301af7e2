/**
 * The terminal's repair commands: `dataset-gate fix` (row repairs with one correct answer) and
 * `dataset-gate resplit` (whole units moved between splits). They pick datasets as `check` does,
 * print a diff and a summary (or JSON), and edit files only with --write. Exit status: fix 0 when
 * it ran; resplit 0 when an assignment meets the constraints, 1 when none does; 2 usage,
 * configuration or I/O errors, or a dataset the gate did not read whole (thrown to cli.ts, which
 * prints them).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { runGate } from './gate.js'
import type { GateConfig } from './config/schema.js'
import { loadConfig } from './cli-config.js'
import { locatePaths } from './cli-paths.js'
import { SPLITS, type Finding, type Split } from './model.js'
import { planDatasets } from './read/plan.js'
import { WorkingTreeSource } from './read/source.js'
import { unifiedDiff } from './repair/diff.js'
import type { FixPlan } from './repair/fix.js'
import { fixDataset, notReadWhole, resplitDataset, type ResplitResult } from './repair/run.js'
import { editedBytes, type EditedFile } from './repair/text-edits.js'
import type { DatasetPlan } from './read/dataset-plan.js'
import {
  escapeJsonForRunnerLog,
  guardForRunnerLog,
  stdoutReachesRunnerLog
} from './report/runner-log.js'
import { formatCount, showInvisible } from './display.js'

export class RepairUsageError extends Error {}

/** A dataset a repair leaves alone, with the reason (no usage hint: the call was right). */
export class RepairRefusedError extends Error {}

export const REPAIR_USAGE = `Usage: dataset-gate fix [PATH ...] [--config FILE] [--write] [--format text|json]
       dataset-gate resplit [PATH] [--config FILE] [--test-share F] [--validation-share F]
                            [--keep SPLIT] [--allow-drop] [--seed N] [--write] [--format text|json]

fix       repairs rows whose repair has one correct answer: label variants renamed to the
          majority spelling, repeated rows deleted, whitespace around fields removed, a GS://
          scheme lower-cased; lists the problems that need a person
resplit   moves whole source groups (group-pattern) or videos between splits so that no unit is
          in two splits, split-distribution stays quiet and each split's share of segments is
          within 1 percentage point of its target, moving as few segments as possible

--write              edit the files in place (default: print a unified diff, change nothing)
--format FORMAT      text (default) | json
--test-share F       resplit: the TEST share of segments to reach (default: the current one)
--validation-share F resplit: the VALIDATION share (default: the current one)
--keep SPLIT         resplit: a split that must not change (repeatable; frozen-split adds its splits)
--allow-drop         resplit: remove the rows of units that leak into a kept split
--seed N             resplit: breaks ties between equally good moves (default 1)

Exit status: fix 0 when it ran; resplit 0 when an assignment meets the constraints, 1 when none
does; 2 usage, configuration or I/O error.`

type Values = ReturnType<typeof parseRepairArguments>['values']

function parseRepairArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        format: { type: 'string' },
        write: { type: 'boolean' },
        'test-share': { type: 'string' },
        'validation-share': { type: 'string' },
        keep: { type: 'string', multiple: true },
        'allow-drop': { type: 'boolean' },
        seed: { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (error) {
    throw new RepairUsageError((error as Error).message.split('\n')[0]!)
  }
}

interface Context {
  values: Values
  format: 'text' | 'json'
  root: string
  source: WorkingTreeSource
  config: GateConfig
  paths: string[]
  out: (text: string) => void
}

async function open(
  argv: string[],
  command: string,
  out: (text: string) => void
): Promise<Context | null> {
  const { values, positionals } = parseRepairArguments(argv)
  if (values.help) {
    out(REPAIR_USAGE + '\n')
    return null
  }
  const format = values.format ?? 'text'
  if (format !== 'text' && format !== 'json')
    throw new RepairUsageError(`--format must be text or json for ${command}, not "${format}"`)
  const located = locatePaths(positionals, process.cwd())
  const config = loadConfig(values.config, located.root)
  const source = new WorkingTreeSource(located.root)
  return { values, format, root: located.root, source, config, paths: located.paths, out }
}

/** `fix [PATH ...]`: 0 whether or not anything changed. */
export async function fixCommand(
  argv: string[],
  out: (text: string) => void = toStdout
): Promise<number> {
  const context = await open(argv, 'fix', out)
  if (context === null) return 0
  const { source, config, paths } = context
  // Every finding, uncapped: the repairs and the "needs a person" list need all of them.
  const uncapped = { ...config, maxFindingsPerRule: Number.MAX_SAFE_INTEGER }
  const report = await runGate({ source, config: uncapped, paths })
  const plan = await planDatasets(source, config, paths, 'head')
  const results: { name: string; fix: FixPlan }[] = []
  const notRead = notReadOf(plan.datasets)
  for (const dataset of usable(plan.datasets)) {
    const findings = report.datasets.find(d => d.name === dataset.name)?.findings ?? []
    const partly = notReadWhole(findings)
    if (partly !== null) notRead.push({ name: dataset.name, reason: partly })
    else results.push({ name: dataset.name, fix: await fixDataset(source, dataset, findings) })
  }
  const files = results.flatMap(r => r.fix.files)
  if (context.values.write) await writeFiles(context.root, files)
  out(
    context.format === 'json'
      ? fixJson(results, notRead, context.values.write === true)
      : fixText(results, notRead, context.values.write === true)
  )
  return 0
}

interface NotRead {
  name: string
  reason: string
}

/** A path the gate refuses (a link, a file in no dataset) is said, not passed over. */
function notReadOf(plans: DatasetPlan[]): NotRead[] {
  return plans
    .filter(p => p.refused)
    .map(p => ({ name: p.name, reason: p.problems[0]?.message ?? 'not read' }))
}

function notReadText(notRead: NotRead[]): string {
  let text = ''
  for (const { name, reason } of notRead)
    text += `${showInvisible(name)}: not read, nothing repaired: ${showInvisible(reason)}\n`
  return text
}

function refusalOf(plans: DatasetPlan[]): string {
  const problem = plans.find(p => p.refused)?.problems[0]
  return problem ? `: ${problem.message}` : ''
}

function usable(plans: DatasetPlan[]): DatasetPlan[] {
  return plans.filter(p => !p.refused && p.files.length > 0)
}

function fixJson(
  results: { name: string; fix: FixPlan }[],
  notRead: NotRead[],
  written: boolean
): string {
  const datasets = results.map(({ name, fix }) => ({
    name,
    repairs: fix.repairs,
    needsPerson: fix.needsPerson.map(personItem),
    files: fix.files.map(f => f.path)
  }))
  const repairs = datasets.reduce((sum, d) => sum + d.repairs.length, 0)
  return JSON.stringify({ repairs, written, datasets, notRead }, null, 2) + '\n'
}

function personItem(finding: Finding) {
  return { rule: finding.rule, file: finding.file, line: finding.line, message: finding.message }
}

function fixText(
  results: { name: string; fix: FixPlan }[],
  notRead: NotRead[],
  written: boolean
): string {
  let text = ''
  for (const { name, fix } of results) {
    text += `dataset ${showInvisible(name)}: ${count(fix.repairs.length, 'repair')}`
    text +=
      fix.repairs.length === 0
        ? '\n'
        : written
          ? ', written\n'
          : ' (dry run: --write applies them)\n'
    for (const repair of fix.repairs)
      text += `  ${repair.file}:${repair.line} ${repair.rule}: ${showInvisible(repair.what)}\n`
    if (!written) for (const file of fix.files) text += unifiedDiff(file)
    if (fix.needsPerson.length > 0) text += needsPersonText(fix.needsPerson)
  }
  text += notReadText(notRead)
  return text || 'nothing to repair: no dataset found\n'
}

/** The first few of each rule (--format json lists them all). */
function needsPersonText(findings: readonly Finding[]): string {
  let text = `  needs a person (${count(findings.length, 'row problem')}, more than one possible answer):\n`
  const shown = new Map<string, number>()
  for (const f of findings) {
    const n = (shown.get(f.rule) ?? 0) + 1
    shown.set(f.rule, n)
    if (n <= PER_RULE_SHOWN)
      text += `    ${f.file}:${f.line} ${f.rule}: ${showInvisible(f.message)}\n`
  }
  for (const [rule, n] of shown)
    if (n > PER_RULE_SHOWN)
      text += `    ... and ${formatCount(n - PER_RULE_SHOWN)} more ${rule} (--format json lists them all)\n`
  return text
}

const PER_RULE_SHOWN = 20

/** `resplit [PATH]`: 0 when an assignment meets the constraints, 1 when none does. */
export async function resplitCommand(
  argv: string[],
  out: (text: string) => void = toStdout,
  err: (text: string) => void = toStderr
): Promise<number> {
  const context = await open(argv, 'resplit', out)
  if (context === null) return 0
  const request = resplitRequest(context.values)
  const plan = await planDatasets(context.source, context.config, context.paths, 'head')
  const datasets = usable(plan.datasets)
  if (datasets.length !== 1)
    throw new RepairUsageError(
      datasets.length === 0
        ? `resplit found no dataset to re-split${refusalOf(plan.datasets)}`
        : `resplit works on one dataset; these paths name ${datasets.length} (${datasets.map(d => d.name).join(', ')}): name one with PATH`
    )
  const dataset = datasets[0]!
  // The gate's reading says whether the dataset is within the resource limits.
  const report = await runGate({
    source: context.source,
    config: context.config,
    paths: context.paths
  })
  const partly = notReadWhole(report.datasets.find(d => d.name === dataset.name)?.findings ?? [])
  if (partly !== null)
    throw new RepairRefusedError(`resplit leaves ${dataset.name} as it is: ${partly}`)
  const result = await resplitDataset(context.source, dataset, context.config, request)
  const write = context.values.write === true && result.unmet === null
  if (write) await writeFiles(context.root, result.files)
  const notRead = notReadOf(plan.datasets)
  out(
    context.format === 'json'
      ? resplitJson(dataset.name, result, write, notRead)
      : resplitText(dataset.name, result, write) + notReadText(notRead)
  )
  if (result.unmet !== null) {
    err(`dataset-gate: resplit: no assignment meets every constraint: ${result.unmet}\n`)
    return 1
  }
  return 0
}

function resplitRequest(values: Values) {
  const share = (name: 'test-share' | 'validation-share'): number | undefined => {
    const text = values[name]
    if (text === undefined) return undefined
    const value = Number(text)
    if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value >= 1)
      throw new RepairUsageError(`--${name} must be a fraction in [0, 1), not "${text}"`)
    return value
  }
  const shares: Partial<Record<Split, number>> = {}
  const test = share('test-share')
  const validation = share('validation-share')
  if (test !== undefined) shares.TEST = test
  if (validation !== undefined) shares.VALIDATION = validation
  if ((test ?? 0) + (validation ?? 0) >= 1)
    throw new RepairUsageError('--test-share and --validation-share leave nothing for TRAIN')
  const keep = (values.keep ?? []).map(value => {
    const split = value.trim().toUpperCase()
    if (!(SPLITS as readonly string[]).includes(split))
      throw new RepairUsageError(`--keep must name a split (${SPLITS.join(', ')}), not "${value}"`)
    return split as Split
  })
  const seedText = values.seed ?? '1'
  const seed = Number(seedText)
  if (!Number.isSafeInteger(seed))
    throw new RepairUsageError(`--seed must be an integer, not "${seedText}"`)
  return { shares, keep, allowDrop: values['allow-drop'] === true, seed }
}

export function resplitJsonValue(result: ResplitResult) {
  return {
    moves: result.moves,
    segmentsMoved: result.segmentsMoved,
    before: result.before,
    after: result.after
  }
}

function resplitJson(
  name: string,
  result: ResplitResult,
  written: boolean,
  notRead: NotRead[]
): string {
  const value = {
    dataset: name,
    ...resplitJsonValue(result),
    unmet: result.unmet,
    written,
    notRead
  }
  return JSON.stringify(value, null, 2) + '\n'
}

function resplitText(name: string, result: ResplitResult, written: boolean): string {
  const units = result.moves.length
  let text = `dataset ${showInvisible(name)}: `
  text +=
    units === 0
      ? 'no move needed\n'
      : `${count(result.segmentsMoved, 'segment')} of ${count(units, 'unit')} ${written ? 'moved' : 'to move (dry run: --write applies it)'}\n`
  for (const move of result.moves.slice(0, 20))
    text += `  ${move.kind} ${showInvisible(move.unit)}: ${count(move.segments, 'segment')} ${move.from} -> ${move.to ?? 'removed'}\n`
  if (units > 20) text += `  ... and ${count(units - 20, 'more move')}\n`
  text += `  before: ${describe(result.before)}\n  after:  ${describe(result.after)}\n`
  if (!written && result.unmet === null) for (const file of result.files) text += unifiedDiff(file)
  return text
}

function describe(m: ResplitResult['before']): string {
  const shares = Object.entries(m.splitShares)
    .map(([split, share]) => `${split} ${(share * 100).toFixed(1)}%`)
    .join(', ')
  const distance = m.splitDistance
    .map(d => `JS ${d.a}-${d.b} ${d.jsDistance.toFixed(3)} (noise ${d.noiseFloor.toFixed(3)})`)
    .join(', ')
  return `${count(m.leakedVideos, 'leaked video')}, ${count(m.leakedGroups, 'leaked group')}; ${shares}${distance ? '; ' + distance : ''}`
}

/**
 * Diffs and names come from the data: inside GitHub Actions, where stdout may be the runner's log,
 * nothing in them may run as a workflow command (see report/runner-log.ts).
 */
function toStdout(text: string): void {
  if (!stdoutReachesRunnerLog()) process.stdout.write(text)
  else
    process.stdout.write(
      text.startsWith('{') ? escapeJsonForRunnerLog(text) : guardForRunnerLog(text)
    )
}

function toStderr(text: string): void {
  process.stderr.write(process.env.GITHUB_ACTIONS === 'true' ? guardForRunnerLog(text) : text)
}

async function writeFiles(root: string, files: EditedFile[]): Promise<void> {
  for (const file of files) await writeFile(join(root, file.path), editedBytes(file))
}

function count(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`
}
