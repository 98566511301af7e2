/**
 * Shared helpers for the engine and CLI tests: throwaway repositories on disk, one-call gate runs,
 * finding filters, a seeded random generator, and converters that turn the real public split lists
 * in ../shared/datasets (UCF-101, HMDB-51, Kinetics-400) into AutoML / Vertex manifests at test time.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runGate } from '../../src/gate.js'
import { parseConfig } from '../../src/config/load.js'
import { defaultConfig, type GateConfig } from '../../src/config/schema.js'
import { WorkingTreeSource } from '../../src/read/source.js'
import type { DatasetReport, FailOn, Finding, GateReport, RuleId, Split } from '../../src/model.js'

/** The real annotation files (see /work/shared/datasets/SOURCES.md); absent on some machines. */
export const SHARED_DATASETS = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url))
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export function sharedAvailable(...parts: string[]): boolean {
  return existsSync(join(SHARED_DATASETS, ...parts))
}

/** `it` when the shared file or folder exists, else `it.skip` with the reason in the test name. */
export function itWithShared(
  it: { (name: string, fn: () => Promise<void> | void, timeout?: number): void } & {
    skip: (name: string, fn: () => Promise<void> | void, timeout?: number) => void
  },
  parts: string[]
): (name: string, fn: () => Promise<void> | void, timeout?: number) => void {
  if (sharedAvailable(...parts)) return (name, fn, timeout) => it(name, fn, timeout)
  const where = join(SHARED_DATASETS, ...parts)
  return (name, fn, timeout) => it.skip(`${name} [skipped: ${where} is absent]`, fn, timeout)
}

// ---------------------------------------------------------------------------------------------
// Temporary repositories

export type RepoFiles = Record<string, string | Buffer>

const made: string[] = []

/** Writes `files` (repository-relative path -> content) into a fresh temporary folder. */
export async function makeRepo(files: RepoFiles = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dataset-gate-test-'))
  made.push(root)
  await addFiles(root, files)
  return root
}

export async function addFiles(root: string, files: RepoFiles): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path)
    await mkdir(dirname(full), { recursive: true })
    await writeFile(full, content)
  }
}

export async function addSymlink(root: string, path: string, target: string): Promise<void> {
  const full = join(root, path)
  await mkdir(dirname(full), { recursive: true })
  await symlink(target, full)
}

/** Removes every repository made by `makeRepo` (call from afterAll). */
export async function cleanRepos(): Promise<void> {
  await Promise.all(made.splice(0).map(root => rm(root, { recursive: true, force: true })))
}

// ---------------------------------------------------------------------------------------------
// Running the gate

export interface GateOptions {
  /** YAML configuration text; absent: the defaults. */
  config?: string
  paths?: string[]
  failOn?: FailOn
}

export function configFrom(yaml: string | undefined): GateConfig {
  return yaml === undefined ? defaultConfig() : parseConfig(yaml, 'dataset-gate.yml')
}

export async function gate(root: string, options: GateOptions = {}): Promise<GateReport> {
  return runGate({
    source: new WorkingTreeSource(root),
    config: configFrom(options.config),
    paths: options.paths ?? [],
    ...(options.failOn ? { failOn: options.failOn } : {})
  })
}

/** Writes the files into a new repository and gates it. */
export async function gateFiles(files: RepoFiles, options: GateOptions = {}): Promise<GateReport> {
  return gate(await makeRepo(files), options)
}

/** The one dataset of a report (fails loudly when there is not exactly one). */
export function only(report: GateReport): DatasetReport {
  if (report.datasets.length !== 1) {
    throw new Error(
      `expected one dataset, found ${report.datasets.length}: ${report.datasets.map(d => d.name).join(', ')}`
    )
  }
  return report.datasets[0]!
}

export function dataset(report: GateReport, name: string): DatasetReport {
  const found = report.datasets.find(d => d.name === name)
  if (!found)
    throw new Error(
      `no dataset "${name}" in ${report.datasets.map(d => d.name).join(', ') || '(none)'}`
    )
  return found
}

export function allFindings(report: GateReport): Finding[] {
  return report.datasets.flatMap(d => d.findings)
}

export function findingsOf(report: GateReport | DatasetReport, rule: RuleId): Finding[] {
  const findings = 'datasets' in report ? allFindings(report) : report.findings
  return findings.filter(f => f.rule === rule && f.omitted === undefined)
}

/** `file:line severity rule` per finding, sorted: compact to compare in assertions. */
export function where(findings: Finding[]): string[] {
  return findings.map(f => `${f.file ?? '-'}:${f.line ?? '-'} ${f.severity} ${f.rule}`).sort()
}

/** Rules of every finding (deduplicated, sorted). */
export function rulesOf(report: GateReport | DatasetReport): RuleId[] {
  const findings = 'datasets' in report ? allFindings(report) : report.findings
  return [...new Set(findings.map(f => f.rule))].sort()
}

/** Row rules: the ones every valid-input test expects to stay quiet. */
export const ROW_RULES: RuleId[] = [
  'csv-syntax',
  'row-shape',
  'uri-invalid',
  'label-missing',
  'label-invalid',
  'label-variant',
  'segment-invalid',
  'split-invalid',
  'duplicate-row',
  'unlabeled-video',
  'file-size',
  'input-error',
  'resource-limit'
]

export function rowFindings(report: GateReport | DatasetReport): Finding[] {
  const findings = 'datasets' in report ? allFindings(report) : report.findings
  return findings.filter(f => ROW_RULES.includes(f.rule))
}

// ---------------------------------------------------------------------------------------------
// Building manifests

/** mulberry32: a small seeded generator, so "random" splits are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

/** Vertex CSV rows with ML_USE for a population of (label, count) per split. */
export function vertexRows(splits: Partial<Record<'training' | 'test', Record<string, number>>>) {
  const lines: string[] = []
  for (const [mlUse, perClass] of Object.entries(splits)) {
    for (const [label, count] of Object.entries(perClass ?? {})) {
      for (let i = 0; i < count; i++)
        lines.push(`${mlUse},gs://bucket/${mlUse}/${label}/${i}.mp4,${label},0,inf`)
    }
  }
  return lines.join('\n') + '\n'
}

// ---------------------------------------------------------------------------------------------
// Real split lists

export interface ClipSplit {
  /** Class name (folder). */
  label: string
  /** File name of the clip, e.g. v_ApplyEyeMakeup_g08_c01.avi. */
  clip: string
  split: Split
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line.length > 0)
}

/** UCF-101 as an AutoML index with its source groups (`v_<Class>_g<NN>_c<MM>`). */
export const ucfConfig = [
  'datasets:',
  '  - name: ucf101',
  '    index: data/index.csv',
  "    group-pattern: 'v_(\\w+_g\\d+)_c\\d+'",
  ''
].join('\n')

/**
 * UCF-101 split `n` (1..3) from trainlistNN.txt (`<Class>/<file>.avi <id>`, CRLF) and
 * testlistNN.txt (`<Class>/<file>.avi`, CRLF).
 */
export function ucf101Split(n: 1 | 2 | 3): ClipSplit[] {
  const folder = join(SHARED_DATASETS, 'ucf101')
  const clips: ClipSplit[] = []
  for (const [file, split] of [
    [`trainlist0${n}.txt`, 'TRAIN'],
    [`testlist0${n}.txt`, 'TEST']
  ] as const) {
    for (const line of readLines(join(folder, file))) {
      const path = line.split(' ')[0]!
      const [label, clip] = path.split('/') as [string, string]
      clips.push({ label, clip, split })
    }
  }
  return clips
}

/** HMDB-51 split `n`: `<class>_test_split<n>.txt`, lines `<video>.avi <t> ` (1 train, 2 test, 0 unused). */
export function hmdb51Split(n: 1 | 2 | 3): ClipSplit[] {
  const folder = join(SHARED_DATASETS, 'hmdb51', 'testTrainMulti_7030_splits')
  const suffix = `_test_split${n}.txt`
  const clips: ClipSplit[] = []
  for (const file of readdirSync(folder)
    .filter(f => f.endsWith(suffix))
    .sort()) {
    const label = file.slice(0, -suffix.length)
    for (const line of readLines(join(folder, file))) {
      const [clip, t] = line.split(/\s+/) as [string, string]
      if (t === '1') clips.push({ label, clip, split: 'TRAIN' })
      else if (t === '2') clips.push({ label, clip, split: 'TEST' })
    }
  }
  return clips
}

/** AutoML rows `gs://bucket/<folder>/<Class>/<clip>,<Class>,0,inf`, one line per clip. */
export function automlRowsFor(clips: ClipSplit[], folder: string, bucket = 'bucket'): string {
  return (
    clips.map(c => `gs://${bucket}/${folder}/${c.label}/${c.clip},${c.label},0,inf`).join('\n') +
    '\n'
  )
}

/** An AutoML index + TRAIN/TEST rows files for clips with a split each (UNASSIGNED not used). */
export function automlFilesFor(
  clips: ClipSplit[],
  folder: string,
  dir = 'data'
): Record<string, string> {
  return {
    [`${dir}/index.csv`]: `TRAIN,gs://bucket/manifests/train.csv\nTEST,gs://bucket/manifests/test.csv\n`,
    [`${dir}/train.csv`]: automlRowsFor(
      clips.filter(c => c.split === 'TRAIN'),
      folder
    ),
    [`${dir}/test.csv`]: automlRowsFor(
      clips.filter(c => c.split === 'TEST'),
      folder
    )
  }
}

/** Per-class row counts of a headered CSV column (e.g. Kinetics `label`), parsed with csv-parse. */
export async function countByColumn(path: string, column: string): Promise<Map<string, number>> {
  const { parse } = await import('csv-parse/sync')
  const records = parse(readFileSync(path), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[]
  const counts = new Map<string, number>()
  for (const record of records) {
    const value = record[column]!
    counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return counts
}
