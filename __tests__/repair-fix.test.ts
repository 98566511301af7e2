/**
 * `dataset-gate fix`: the example dataset repaired and gated again, a second run that changes
 * nothing, every byte not repaired kept (BOM, CRLF, quoting, a last line without a newline), and
 * the repairs in each format (AutoML rows, Vertex CSV and JSON Lines, a `columns` manifest).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFile, readdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { fixCommand } from '../src/cli-repair.js'
import { main } from '../src/cli.js'
import { identityOf } from '../src/model.js'
import {
  PROJECT_ROOT,
  cleanRepos,
  configFrom,
  findingsOf,
  gate,
  makeRepo
} from './helpers/datasets.js'
import { WorkingTreeSource } from '../src/read/source.js'
import { suggestRepairs } from '../src/repair/suggest.js'

afterAll(cleanRepos)

async function inRepo<T>(root: string, action: () => Promise<T>): Promise<T> {
  const previous = process.cwd()
  process.chdir(root)
  try {
    return await action()
  } finally {
    process.chdir(previous)
  }
}

/** What `action` writes to stderr, kept from the terminal. */
async function stderrOf(action: () => Promise<void>): Promise<string[]> {
  const errors: string[] = []
  const write = process.stderr.write
  process.stderr.write = ((text: string) => (errors.push(text), true)) as typeof write
  try {
    await action()
  } finally {
    process.stderr.write = write
  }
  return errors
}

async function fix(root: string, ...args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const code = await inRepo(root, () => fixCommand(args, text => (out += text)))
  return { code, out }
}

interface FixJson {
  repairs: number
  written: boolean
  datasets: {
    name: string
    repairs: { rule: string; file: string; line: number; what: string; after: string | null }[]
    needsPerson: { rule: string; file: string; line: number }[]
    files: string[]
  }[]
}

async function exampleRepo(): Promise<string> {
  const folder = join(PROJECT_ROOT, 'examples', 'automl')
  const files: Record<string, Buffer> = {}
  for (const name of await readdir(folder)) files[name] = await readFile(join(folder, name))
  return makeRepo(files)
}

describe('fix on the example dataset', () => {
  it('removes the duplicate-row and label-variant findings, adds none, and is a no-op the second time', async () => {
    const root = await exampleRepo()
    const before = await gate(root)
    expect(findingsOf(before, 'duplicate-row')).toHaveLength(1)
    expect(findingsOf(before, 'label-variant')).toHaveLength(1)

    const dry = await fix(root)
    expect(dry.code).toBe(0)
    expect(dry.out).toContain('-gs://dataset-gate-example/clips/surfing/clip_9003.mp4,Surfing,0,7')
    expect(dry.out).toContain('+gs://dataset-gate-example/clips/surfing/clip_9003.mp4,surfing,0,7')
    expect(dry.out).toContain('needs a person')
    expect(await readFile(join(root, 'train.csv'))).toEqual(
      await readFile(join(PROJECT_ROOT, 'examples', 'automl', 'train.csv'))
    )

    const written = await fix(root, '--write', '--format', 'json')
    const json = JSON.parse(written.out) as FixJson
    expect(json.written).toBe(true)
    expect(json.datasets[0]!.repairs.map(r => r.rule).sort()).toEqual([
      'duplicate-row',
      'label-variant'
    ])
    // Problems with more than one answer are listed, never guessed.
    expect(json.datasets[0]!.needsPerson.map(p => p.rule).sort()).toEqual([
      'segment-invalid',
      'uri-invalid'
    ])

    const after = await gate(root)
    expect(findingsOf(after, 'duplicate-row')).toEqual([])
    expect(findingsOf(after, 'label-variant')).toEqual([])
    const old = new Set(before.datasets[0]!.findings.map(identityOf))
    expect(after.datasets[0]!.findings.filter(f => !old.has(identityOf(f)))).toEqual([])

    const files = await Promise.all(['train.csv', 'test.csv'].map(f => readFile(join(root, f))))
    const again = JSON.parse((await fix(root, '--write', '--format', 'json')).out) as FixJson
    expect(again.repairs).toBe(0)
    expect(await Promise.all(['train.csv', 'test.csv'].map(f => readFile(join(root, f))))).toEqual(
      files
    )
  })
})

describe('fix keeps every byte it does not repair', () => {
  it('keeps the BOM, CRLF endings, quoting and a last line without a newline', async () => {
    const text =
      '\ufefftraining,gs://b/v/a.mp4,"cat",0,1\r\n' +
      'training,gs://b/v/b.mp4,"Cat",0,1\r\n' +
      'training,gs://b/v/c.mp4,"cat",0,1\r\n' +
      'test,GS://b/v/d.mp4, cat ,0,1\r\n' +
      'test,gs://b/v/e.mp4,"dog, big",0,1\r\n' +
      'training,gs://b/v/a.mp4,"cat",0,1'
    const root = await makeRepo({ 'v.csv': text })
    const { code } = await fix(root, '--write')
    expect(code).toBe(0)
    expect(await readFile(join(root, 'v.csv'), 'utf8')).toBe(
      '\ufefftraining,gs://b/v/a.mp4,"cat",0,1\r\n' +
        'training,gs://b/v/b.mp4,"cat",0,1\r\n' +
        'training,gs://b/v/c.mp4,"cat",0,1\r\n' +
        'test,gs://b/v/d.mp4,cat,0,1\r\n' +
        'test,gs://b/v/e.mp4,"dog, big",0,1\r\n'
    )
  })

  it('repairs Vertex JSON Lines in place: the scheme and the label spelling', async () => {
    const line = (uri: string, label: string, mlUse = 'training') =>
      `{"videoGcsUri": "${uri}", "timeSegmentAnnotations": [{"displayName": "${label}", "startTime": "0s", "endTime": "1s"}], "dataItemResourceLabels": {"aiplatform.googleapis.com/ml_use": "${mlUse}"}}`
    const text =
      [
        line('gs://b/a.mp4', 'run'),
        line('GS://b/b.mp4', 'run'),
        line('gs://b/c.mp4', 'Run', 'test')
      ].join('\n') + '\n'
    const root = await makeRepo({ 'v.jsonl': text })
    await fix(root, '--write')
    expect(await readFile(join(root, 'v.jsonl'), 'utf8')).toBe(
      [
        line('gs://b/a.mp4', 'run'),
        line('gs://b/b.mp4', 'run'),
        line('gs://b/c.mp4', 'run', 'test')
      ].join('\n') + '\n'
    )
  })

  it('repairs a JSON Lines object of several segments once, and deletes a repeated one whole', async () => {
    const segment = (label: string, start: number) =>
      `{"displayName": "${label}", "startTime": "${start}s", "endTime": "${start + 1}s"}`
    const line = (uri: string, labels: string[]) =>
      `{"videoGcsUri": "${uri}", "timeSegmentAnnotations": [${labels.map(segment).join(', ')}], "dataItemResourceLabels": {"aiplatform.googleapis.com/ml_use": "training"}}`
    const text =
      [
        line('gs://b/a.mp4', ['run', 'run', 'jump']),
        line('gs://b/b.mp4', ['Run', 'jump']),
        line('gs://b/c.mp4', ['run']),
        line('gs://b/c.mp4', ['run']),
        line('gs://b/d.mp4', ['jump'])
      ].join('\n') + '\n'
    const root = await makeRepo({ 'v.jsonl': text })
    await fix(root, '--write')
    expect(await readFile(join(root, 'v.jsonl'), 'utf8')).toBe(
      [
        line('gs://b/a.mp4', ['run', 'run', 'jump']),
        line('gs://b/b.mp4', ['run', 'jump']),
        line('gs://b/c.mp4', ['run']),
        line('gs://b/d.mp4', ['jump'])
      ].join('\n') + '\n'
    )
  })

  it('repairs a columns manifest by its header', async () => {
    const text =
      'label,youtube_id,time_start,time_end,split\n"air drumming",abc,0,10,train\n"Air drumming",abd,0,10,train\n"air drumming",abe, 0 ,10,val\n'
    const root = await makeRepo({ 'k.csv': text })
    await fix(root, '--write')
    expect(await readFile(join(root, 'k.csv'), 'utf8')).toBe(
      'label,youtube_id,time_start,time_end,split\n"air drumming",abc,0,10,train\n"air drumming",abd,0,10,train\n"air drumming",abe,0,10,val\n'
    )
  })
})

describe('fix answers only what has one answer', () => {
  it('writes an undocumented ML_USE whose intent is plain in its documented form, never validation', async () => {
    const root = await makeRepo({
      'v.csv':
        'TRAIN,gs://b/a.mp4,cat,0,1\neval,gs://b/b.mp4,cat,0,1\nval,gs://b/c.mp4,cat,0,1\ntraining,gs://b/d.mp4,dog,0,1\n'
    })
    const run = JSON.parse((await fix(root, '--write', '--format', 'json')).out) as FixJson
    expect(run.datasets[0]!.repairs.map(r => [r.line, r.rule])).toEqual([
      [1, 'split-invalid'],
      [2, 'split-invalid']
    ])
    expect(await readFile(join(root, 'v.csv'), 'utf8')).toBe(
      'training,gs://b/a.mp4,cat,0,1\ntest,gs://b/b.mp4,cat,0,1\nval,gs://b/c.mp4,cat,0,1\ntraining,gs://b/d.mp4,dog,0,1\n'
    )
    expect(run.datasets[0]!.needsPerson.map(p => [p.line, p.rule])).toContainEqual([
      3,
      'split-invalid'
    ])
  })
})

describe('a byte-order mark inside a file', () => {
  it('is a split-invalid ML_USE that fix removes, shown as <U+FEFF> in the diff', async () => {
    const joined = 'training,gs://b/a.mp4,cat,0,1\n\ufefftest,gs://b/b.mp4,dog,0,1\n'
    const root = await makeRepo({ 'v.csv': joined })
    const before = findingsOf(await gate(root), 'split-invalid')
    expect(before.map(f => [f.line, f.message])).toEqual([
      [
        2,
        expect.stringMatching(
          /^ML_USE "<U\+FEFF>test" .*did you mean test\? The row is counted in TEST/
        )
      ]
    ])
    const dry = await fix(root)
    expect(dry.out).toContain('v.csv:2 split-invalid: split "<U+FEFF>test" -> "test"')
    expect(dry.out).toContain('-<U+FEFF>test,gs://b/b.mp4,dog,0,1\n+test,gs://b/b.mp4,dog,0,1\n')
    await fix(root, '--write')
    expect(await readFile(join(root, 'v.csv'), 'utf8')).toBe(joined.replace('\ufeff', ''))
    expect(findingsOf(await gate(root), 'split-invalid')).toEqual([])
  })
})

describe('the fix command', () => {
  it('says which named paths it did not read, and writes nothing through a link', async () => {
    const outside = await makeRepo({ 'real.csv': 'training,gs://bucket-a/a.mp4,cat ,0,1\n' })
    const root = await makeRepo({ 'v.csv': 'training,gs://bucket-a/b.mp4,cat ,0,1\n' })
    await symlink(join(outside, 'real.csv'), join(root, 'link.csv'))
    const text = await fix(root, 'link.csv', '--write')
    expect(text.code).toBe(0)
    expect(text.out).toBe(
      'link.csv: not read, nothing repaired: link.csv cannot be gated: a symbolic link leads outside the repository; only files inside it are read.\n'
    )
    const run = JSON.parse((await fix(root, '--write', '--format', 'json')).out) as FixJson & {
      notRead: { name: string; reason: string }[]
    }
    expect(run.datasets.map(d => [d.name, d.repairs.length])).toEqual([['v.csv', 1]])
    expect(run.notRead).toEqual([
      { name: 'link.csv', reason: expect.stringMatching(/symbolic link leads outside/) }
    ])
    expect(await readFile(join(outside, 'real.csv'), 'utf8')).toBe(
      'training,gs://bucket-a/a.mp4,cat ,0,1\n'
    )
  })

  it('answers usage errors with exit status 2', async () => {
    const root = await makeRepo({ 'v.csv': 'training,gs://b/a.mp4,cat,0,1\n' })
    const errors = await stderrOf(async () => {
      expect(await inRepo(root, () => main(['fix', '--format', 'sarif']))).toBe(2)
      expect(await inRepo(root, () => main(['resplit', '--test-share', '2']))).toBe(2)
      expect(await inRepo(root, () => main(['fix', '--bogus']))).toBe(2)
    })
    expect(errors.join('')).toContain('--format must be text or json')
    expect(errors.join('')).toContain('--test-share must be a fraction')
  })
})

describe('repairs leave a dataset the gate did not read whole', () => {
  // Past a resource limit the rows after it were never read: the first copy of a repeat, the rows
  // of a unit in another split could be there, and the file may be too large to load.
  const limits = 'rules:\n  resource-limit: { max-rows: 3 }\n'
  const config = limits
  const long = [
    'training,gs://b/a.mp4,cat ,0,1',
    'training,gs://b/a.mp4,cat,0,1',
    'test,gs://b/b.mp4,dog,0,1',
    'training,gs://b/b.mp4,dog,0,1',
    'test,gs://b/c.mp4,cat,0,1'
  ].join('\n')

  it('fix lists it as not read, changes nothing in it, and still repairs the other datasets', async () => {
    const root = await makeRepo({
      '.github/dataset-gate.yml': config,
      'big/v.csv': long + '\n',
      'small/v.csv': 'training,gs://b/a.mp4,cat ,0,1\n'
    })
    const run = await fix(root, 'big/v.csv', 'small/v.csv', '--write', '--format', 'json')
    const json = JSON.parse(run.out) as FixJson & { notRead: { name: string; reason: string }[] }
    expect(json.datasets.map(d => [d.name, d.repairs.length])).toEqual([['small/v.csv', 1]])
    expect(json.notRead).toEqual([
      {
        name: 'big/v.csv',
        reason: expect.stringMatching(/^the gate did not read it whole \(.*max-rows.*\)$/)
      }
    ])
    expect(await readFile(join(root, 'big/v.csv'), 'utf8')).toBe(long + '\n')
    expect(await readFile(join(root, 'small/v.csv'), 'utf8')).toBe(
      'training,gs://b/a.mp4,cat,0,1\n'
    )
    const text = await fix(root, 'big/v.csv', 'small/v.csv')
    expect(text.out).toContain(
      'big/v.csv: not read, nothing repaired: the gate did not read it whole'
    )
  })

  it('the action offers no suggestion for it, and still offers them for the others', async () => {
    const root = await makeRepo({
      'big/v.csv': long + '\n',
      'small/v.csv': 'training,gs://b/a.mp4,cat ,0,1\n'
    })
    const config = configFrom(limits)
    const paths = ['big/v.csv', 'small/v.csv']
    const report = await gate(root, { config: limits, paths })
    const offered = await suggestRepairs(new WorkingTreeSource(root), config, report, paths)
    expect(offered.datasets.map(d => d.dataset)).toEqual(['small/v.csv'])
    expect(offered.lines.map(l => l.path)).toEqual(['small/v.csv'])
  })

  it('resplit refuses it with exit status 2 and writes nothing', async () => {
    const root = await makeRepo({ '.github/dataset-gate.yml': config, 'v.csv': long + '\n' })
    const errors = await stderrOf(async () => {
      expect(await inRepo(root, () => main(['resplit', 'v.csv', '--write']))).toBe(2)
    })
    expect(errors.join('')).toMatch(
      /resplit leaves v\.csv as it is: the gate did not read it whole/
    )
    // A refusal, not a usage error: no pointer to --help.
    expect(errors.join('')).not.toMatch(/--help|--debug/)
    expect(await readFile(join(root, 'v.csv'), 'utf8')).toBe(long + '\n')
  })
})
