/**
 * The bundled CLI (`node dist/cli.js`) on real git repositories, the way a user runs it: one path
 * model from any folder, nothing named dropped, a verified base, and a base-gated file that the
 * change disguises. Skipped, with a message, when dist/cli.js has not been built.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { bundleBuilt, CLI_BUNDLE, runNode, type ProcessRun } from './fixtures/hostile/bundle.js'
import { git } from './fixtures/hostile/action-run.js'
import { gateReportSchema } from '../src/report/schema.js'
import type { GateReport } from '../src/model.js'

const built = bundleBuilt(CLI_BUNDLE, 'cli-paths')
const made: string[] = []

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** A Vertex CSV: every fifth video in TEST, two classes, valid URIs. */
function vertexRows(count: number, prefix = 'v'): string {
  const rows: string[] = []
  for (let i = 0; i < count; i++) {
    const split = i % 5 === 0 ? 'test' : 'training'
    rows.push(`${split},gs://bucket-a/${prefix}${i}.mp4,${i % 2 ? 'cat' : 'dog'},0,5`)
  }
  return rows.join('\n') + '\n'
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
}

/** A repository with one commit on `main` holding `files`. */
function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gate-cli-paths-'))
  made.push(root)
  git(root, 'init', '-q', '-b', 'main')
  writeFiles(root, files)
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '-m', 'base')
  return root
}

function check(cwd: string, ...args: string[]): Promise<ProcessRun> {
  return runNode(CLI_BUNDLE, ['check', ...args], { cwd, timeoutMs: 60_000 })
}

function report(run: ProcessRun): GateReport {
  return gateReportSchema.parse(JSON.parse(run.stdout)) as GateReport
}

const suite = built ? describe : describe.skip

suite('one path model: the same report from every way of naming the data', () => {
  it('data, data/, $PWD/data and `cd data && check .` agree with --base main --fail-on new', async () => {
    const root = repository({ 'data/vertex.csv': vertexRows(161) })
    const ways = async () => [
      await check(root, 'data', '--base', 'main', '--fail-on', 'new', '--format', 'json'),
      await check(root, 'data/', '--base', 'main', '--fail-on', 'new', '--format', 'json'),
      await check(root, './data/', '--base', 'main', '--fail-on', 'new', '--format', 'json'),
      await check(
        root,
        join(root, 'data'),
        '--base',
        'main',
        '--fail-on',
        'new',
        '--format',
        'json'
      ),
      await check(
        join(root, 'data'),
        '.',
        '--base',
        'main',
        '--fail-on',
        'new',
        '--format',
        'json'
      ),
      await check(join(root, 'data'), '--base', 'main', '--fail-on', 'new', '--format', 'json')
    ]

    const unchanged = await ways()
    for (const run of unchanged) {
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toBe(unchanged[0]!.stdout)
    }
    const before = report(unchanged[0]!)
    expect(before.datasets.map(d => d.name)).toEqual(['data/vertex.csv'])
    expect(before.newCounts).toEqual({ error: 0, warning: 0, notice: 0 })
    expect(before.datasets[0]!.delta).toMatchObject({ addedVideos: 0, removedVideos: 0 })

    // A real change: a TEST video also in TRAIN, and a row with a bad segment.
    writeFileSync(
      join(root, 'data/vertex.csv'),
      vertexRows(161) +
        'training,gs://bucket-a/v0.mp4,dog,0,5\ntraining,gs://bucket-a/w.mp4,cat,9,1\n'
    )
    const changed = await ways()
    for (const run of changed) {
      expect(run.code).toBe(1)
      expect(run.stdout).toBe(changed[0]!.stdout)
    }
    const after = report(changed[0]!)
    const fresh = after.datasets[0]!.findings.filter(f => f.onBase === false).map(f => f.rule)
    expect(fresh).toEqual(
      expect.arrayContaining(['video-leakage', 'segment-invalid', 'split-move'])
    )
    expect(after.newCounts!.error).toBeGreaterThanOrEqual(3)
    expect(after.datasets[0]!.delta).toMatchObject({ addedVideos: 1, removedVideos: 0 })
  })

  it('finds the configuration at the repository root from a subfolder', async () => {
    const root = repository({
      '.github/dataset-gate.yml': 'fail-on: never\n',
      'data/vertex.csv': vertexRows(20) + 'training,gs://bucket-a/x.mp4,cat,9,1\n'
    })
    const run = await check(join(root, 'data'), 'vertex.csv', '--format', 'json')
    expect(run.code).toBe(0)
    expect(report(run).failOn).toBe('never')
  })

  it('gates an absolute path outside the working folder, and says a missing one does not exist', async () => {
    const root = repository({ 'data/vertex.csv': vertexRows(20) })
    const elsewhere = mkdtempSync(join(tmpdir(), 'gate-cli-cwd-'))
    made.push(elsewhere)
    const run = await check(elsewhere, join(root, 'data/vertex.csv'), '--format', 'json')
    expect(run.stderr).toBe('')
    expect(report(run).datasets.map(d => d.name)).toEqual(['data/vertex.csv'])
    const missing = await check(elsewhere, join(root, 'data/none.csv'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe(`dataset-gate: ${join(root, 'data/none.csv')}: does not exist\n`)
  })
})

suite('outside a repository', () => {
  it('a named folder is its own root, from any working folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gate-cli-norepo-'))
    const elsewhere = mkdtempSync(join(tmpdir(), 'gate-cli-cwd-'))
    made.push(folder, elsewhere)
    writeFileSync(join(folder, 'vertex.csv'), vertexRows(20))
    const named = report(await check(elsewhere, folder, '--format', 'json'))
    const inside = report(await check(folder, '.', '--format', 'json'))
    expect(named.datasets.map(d => d.name)).toEqual(['vertex.csv'])
    expect(named).toEqual(inside)
    const base = await check(folder, '.', '--base', 'main')
    expect(base.code).toBe(2)
    expect(base.stderr).toMatch(/is not in a git repository/)
  })
})

suite('nothing named is dropped', () => {
  const root = () =>
    repository({
      'semi.csv': 'gs://bucket-a/a.mp4;cat;0;1\ngs://bucket-a/b.mp4;dog;0;1\n',
      // A spreadsheet's export where a decimal comma is the custom: the commas are in numbers.
      'excel.csv':
        '\ufeffTRAINING;gs://bucket-a/a.mp4;cat;0;1,5\r\nTEST;gs://bucket-a/b.mp4;dog;0,25;2\r\n',
      'mixed.csv': 'gs://bucket-a/a.mp4;cat,dog;0;1\ngs://bucket-a/b.mp4;dog;0;1\n',
      'tabs.tsv': 'gs://bucket-a/a.mp4\tcat\t0\t1\n',
      'trainlist01.txt': 'ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1\n',
      'emptydir/README.md': 'nothing here\n',
      'crlf.csv': vertexRows(10).replace(/\n/g, '\r\n'),
      'configured/a.csv': vertexRows(10),
      'conf.yml': 'datasets:\n  - name: configured\n    files: [configured/*.csv]\n'
    })

  /** The repository with links that lead nowhere: to a missing file, and to themselves. */
  const withLinks = () => {
    const folder = root()
    symlinkSync('/no/such/mount/train.csv', join(folder, 'dangling.csv'))
    symlinkSync('loop.csv', join(folder, 'loop.csv'))
    return folder
  }

  it.each([
    [
      'semi.csv',
      /seems to use ";" \(semicolon\) as the delimiter, and Google's formats use commas\)/
    ],
    [
      'excel.csv',
      /seems to use ";" \(semicolon\) as the delimiter and decimal commas \(1,5 for 1\.5\), and Google's formats use commas between fields and points in numbers/
    ],
    // A comma that is not a decimal comma: no delimiter is guessed.
    ['mixed.csv', /comma-separated fields, first "gs:\/\/bucket-a\/a\.mp4;cat,dog;0;1"/],
    ['tabs.tsv', /seems to use a tab as the delimiter/],
    ['trainlist01.txt', /not recognized as a dataset manifest/],
    ['emptydir/', /holds no CSV or JSON Lines file/],
    ['dangling.csv', /a symbolic link to a file that does not exist; links are not followed/],
    ['loop.csv', /a symbolic link loop/]
  ])('%s is an input-error that fails the gate', async (path, message) => {
    const run = await check(withLinks(), path, '--format', 'json')
    expect(run.code).toBe(1)
    const result = report(run)
    expect(result.passed).toBe(false)
    const findings = result.datasets.flatMap(d => d.findings)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ rule: 'input-error', severity: 'error' })
    expect(findings[0]!.message).toMatch(message)
  })

  it('a link among the manifests a folder, a glob or discovery finds is named, not skipped', async () => {
    const folder = repository({ 'data/a.csv': vertexRows(10), 'elsewhere/b.txt': vertexRows(10) })
    symlinkSync('a.csv', join(folder, 'data/latest.csv'))
    symlinkSync('../elsewhere/b.txt', join(folder, 'data/b.csv'))
    symlinkSync('/no/such/mount/c.csv', join(folder, 'data/c.csv'))
    const refusals = async (...paths: string[]) => {
      const result = report(await check(folder, ...paths, '--format', 'json'))
      expect(result.passed).toBe(false)
      return result.datasets
        .filter(d => d.findings.some(f => f.rule === 'input-error'))
        .map(d => [d.name, d.findings[0]!.severity, d.findings[0]!.message])
    }
    const expected = [
      [
        'data/b.csv',
        'error',
        expect.stringMatching(
          /^data\/b\.csv cannot be gated: a symbolic link to elsewhere\/b\.txt; links are not followed/
        )
      ],
      [
        'data/c.csv',
        'error',
        expect.stringMatching(/a symbolic link to a file that does not exist/)
      ],
      ['data/latest.csv', 'error', expect.stringMatching(/a symbolic link to data\/a\.csv/)]
    ]
    expect(await refusals()).toEqual(expected)
    expect(await refusals('data')).toEqual(expected)
    expect(await refusals('data/*.csv')).toEqual(expected)
    // A configured dataset's glob, and the configuration's exclude: to leave a link out.
    writeFiles(folder, {
      '.github/dataset-gate.yml':
        'exclude: [data/latest.csv]\ndatasets:\n  - name: d\n    files: [data/*.csv]\n'
    })
    expect(await refusals()).toEqual(expected.slice(0, 2))
  })

  it('a file outside every configured dataset is an input-error, not ignored', async () => {
    const run = await check(root(), 'crlf.csv', '--config', 'conf.yml', '--format', 'json')
    expect(run.code).toBe(1)
    const findings = report(run).datasets.flatMap(d => d.findings)
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'input-error',
        file: 'crlf.csv',
        message: expect.stringMatching(/not part of any dataset in the configuration/)
      })
    ])
  })

  it('a glob that matches nothing is a warning that names it', async () => {
    const run = await check(root(), 'nowhere/*.csv', 'configured/a.csv', '--format', 'json')
    const result = report(run)
    const warning = result.datasets.find(d => d.name === 'nowhere/*.csv')!
    expect(warning.findings[0]).toMatchObject({ rule: 'input-error', severity: 'warning' })
    expect(warning.findings[0]!.message).toMatch(/"nowhere\/\*\.csv" matched no CSV/)
  })
})

suite('a file the base gated cannot leave the gate by a disguise', () => {
  const base = () => repository({ 'data/d.csv': vertexRows(60), 'data/e.csv': vertexRows(40, 'e') })

  it('a comment line above the rows still gates the file (and the new leak fails it)', async () => {
    const root = base()
    writeFileSync(
      join(root, 'data/d.csv'),
      '# dataset v2\n' + vertexRows(60) + 'training,gs://bucket-a/v0.mp4,dog,0,5\n'
    )
    const result = report(await check(root, '--base', 'main', '--format', 'json'))
    const d = result.datasets.find(x => x.name === 'data/d.csv')!
    expect(d.findings.map(f => f.rule)).toEqual(
      expect.arrayContaining(['row-shape', 'video-leakage', 'split-move'])
    )
    expect(result.passed).toBe(false)
  })

  it('discovery finds .jsonl and .ndjson manifests, in any case, like .csv', async () => {
    const line = (i: number) =>
      JSON.stringify({
        videoGcsUri: `gs://bucket-a/j${i}.mp4`,
        timeSegmentAnnotations: [{ displayName: 'cat', startTime: '0s', endTime: '1s' }]
      })
    const root = repository({ 'a.jsonl': line(1) + '\n', 'b.NDJSON': line(2) + '\n' })
    const result = report(await check(root, '--format', 'json'))
    expect(result.datasets.map(d => [d.name, d.files[0]!.format])).toEqual([
      ['a.jsonl', 'vertex-jsonl'],
      ['b.NDJSON', 'vertex-jsonl']
    ])
  })

  it('a rename to .CSV keeps the dataset and its base', async () => {
    const root = base()
    git(root, 'mv', 'data/e.csv', 'data/E.CSV')
    const result = report(await check(root, '--base', 'main', '--format', 'json'))
    const renamed = result.datasets.find(x => x.name === 'data/E.CSV')!
    expect(renamed.delta).toMatchObject({ addedVideos: 0, removedVideos: 0 })
    expect(result.notes.join('\n')).toMatch(
      /compared with data\/e\.csv at main, which this change renamed/
    )
  })

  it('a file made unreadable as a manifest is an error; a deleted dataset is a warning', async () => {
    const root = base()
    writeFileSync(join(root, 'data/d.csv'), vertexRows(60).replace(/,/g, ';'))
    rmSync(join(root, 'data/e.csv'))
    const result = report(await check(root, '--base', 'main', '--format', 'json'))
    const byName = new Map(result.datasets.map(x => [x.name, x.findings]))
    expect(byName.get('data/d.csv')).toEqual([
      expect.objectContaining({
        rule: 'input-error',
        severity: 'error',
        message: expect.stringMatching(
          /was gated at main, and this change would take it out of the gate unseen/
        )
      })
    ])
    expect(byName.get('data/e.csv')).toEqual([
      expect.objectContaining({ rule: 'input-error', severity: 'warning' })
    ])
    expect(result.passed).toBe(false)
  })

  it('a gated file replaced by a link or a folder is a new error, not a deleted dataset', async () => {
    const root = base()
    const outside = mkdtempSync(join(tmpdir(), 'dg-outside-'))
    made.push(outside)
    writeFileSync(join(outside, 'd.csv'), vertexRows(60))
    rmSync(join(root, 'data/d.csv'))
    rmSync(join(root, 'data/e.csv'))
    symlinkSync(join(outside, 'd.csv'), join(root, 'data/d.csv')) // the training job may follow it
    writeFiles(root, { 'data/e.csv/README.md': 'moved\n' })
    const run = await check(root, '--base', 'main', '--fail-on', 'new', '--format', 'json')
    expect(run.code).toBe(1)
    const result = report(run)
    const message = (name: string): string => {
      const dataset = result.datasets.find(x => x.name === name)!
      expect(dataset.findings).toEqual([
        expect.objectContaining({ rule: 'input-error', severity: 'error' })
      ])
      expect(dataset.newCounts).toEqual({ error: 1, warning: 0, notice: 0 })
      return dataset.findings[0]!.message
    }
    expect(message('data/d.csv')).toMatch(
      /^data\/d\.csv cannot be gated: a symbolic link leads outside the repository/
    )
    expect(message('data/e.csv')).toMatch(
      /^data\/e\.csv was gated at main, and this change would take it out of the gate unseen: not a regular file/
    )
    expect(result.passed).toBe(false)
  })

  it('a link that lets an index read one file many times is refused', async () => {
    const root = repository({
      'data/rows.csv': 'gs://bucket-a/a.mp4,cat,0,1\ngs://bucket-a/b.mp4,dog,0,1\n',
      'data/index.csv': 'TRAIN,rows.csv\nTEST,l/rows.csv\nTEST,l/l/rows.csv\n'
    })
    symlinkSync('.', join(root, 'data/l'))
    const result = report(await check(root, 'data/index.csv', '--format', 'json'))
    const findings = result.datasets[0]!.findings.filter(f => f.rule === 'input-error')
    expect(findings.map(f => f.line)).toEqual([2, 3])
    for (const finding of findings) expect(finding.message).toMatch(/symbolic link/)
    expect(result.datasets[0]!.files.map(f => f.path)).toEqual(['data/rows.csv'])
  })
})

suite('counts that agree everywhere', () => {
  it('the headline, the dataset line, the JSON counts and the exit status use the same numbers', async () => {
    const bad = Array.from({ length: 1501 }, (_, i) => `training,gs://bucket-a/x${i}.mp4,cat,9,1`)
    const blanks = Array.from({ length: 1500 }, () => '')
    const root = repository({
      'data/v.csv': vertexRows(40) + [...bad, ...blanks].join('\n') + '\n'
    })
    const json = report(await check(root, 'data', '--format', 'json'))
    const text = (await check(root, 'data')).stdout
    const dataset = json.datasets[0]!
    expect(dataset.counts).toEqual(json.counts)
    // The "N more" findings stand for what the cap left out and are not counted themselves.
    const placeholders = dataset.findings.filter(f => f.omitted !== undefined)
    expect(placeholders.map(f => [f.rule, f.severity, f.omitted])).toEqual(
      expect.arrayContaining([
        ['segment-invalid', 'error', 501],
        ['row-shape', 'warning', expect.any(Number)]
      ])
    )
    const listed = dataset.findings.filter(f => f.omitted === undefined)
    const omitted = placeholders.reduce((sum, f) => sum + f.omitted!, 0)
    const total = json.counts.error + json.counts.warning + json.counts.notice
    expect(total).toBe(listed.length + omitted)
    const { error, warning, notice } = json.counts
    const tally = `${error.toLocaleString('en-US')} errors, ${warning.toLocaleString('en-US')} warnings, ${notice} notice`
    expect(text.split('\n')[0]).toContain(tally)
    expect(text).toContain(`  2 classes`) // the dataset line …
    expect(text.match(new RegExp(tally, 'g'))).toHaveLength(2) // … says the same as the headline
  })

  it('JSON, Markdown and text list findings in one order', async () => {
    const root = repository({
      'data/v.csv':
        vertexRows(30) +
        'training,gs://bucket-a/v0.mp4,dog,0,5\ntraining,gs://bucket-a/y.mkv,cat,0,5\n'
    })
    const json = report(await check(root, 'data', '--format', 'json'))
    const markdown = (await check(root, 'data', '--format', 'markdown')).stdout
    const text = (await check(root, 'data')).stdout
    const rules = json.datasets[0]!.findings.map(f => f.rule)
    const inMarkdown = [...markdown.matchAll(/^\| [^|]+ \| `([a-z-]+)` \|/gm)].map(m => m[1])
    const inText = [...text.matchAll(/ (?:error|warning|notice) ([a-z-]+): /g)].map(m => m[1])
    expect(inMarkdown).toEqual(rules)
    expect(inText).toEqual(rules)
  })
})
