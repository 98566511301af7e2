/**
 * `dataset-gate resplit` on small datasets: the example's video leak repaired, a kept split that
 * never changes (removals only with --allow-drop), a target that cannot be met (exit 1, naming the
 * constraint), the same output for the same seed, and the assignment written in each format.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFile, readdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { resplitCommand } from '../src/cli-repair.js'
import { PROJECT_ROOT, cleanRepos, findingsOf, gate, makeRepo } from './helpers/datasets.js'

afterAll(cleanRepos)

async function resplit(root: string, ...args: string[]) {
  let out = ''
  let err = ''
  const previous = process.cwd()
  process.chdir(root)
  try {
    const code = await resplitCommand(
      args,
      text => (out += text),
      text => (err += text)
    )
    return { code, out, err }
  } finally {
    process.chdir(previous)
  }
}

const json = (out: string) =>
  JSON.parse(out) as {
    moves: { unit: string; kind: string; from: string; to: string | null; segments: number }[]
    segmentsMoved: number
    before: { leakedVideos: number; splitShares: Record<string, number> }
    after: { leakedVideos: number; leakedGroups: number; splitShares: Record<string, number> }
    unmet: string | null
  }

describe('resplit on the example dataset', () => {
  it('removes the video-leakage error with --write', async () => {
    const folder = join(PROJECT_ROOT, 'examples', 'automl')
    const files: Record<string, Buffer> = {}
    for (const name of await readdir(folder)) files[name] = await readFile(join(folder, name))
    const root = await makeRepo(files)
    expect(findingsOf(await gate(root), 'video-leakage')).toHaveLength(1)
    const run = await resplit(root, '--write', '--format', 'json')
    expect(run.code).toBe(0)
    const result = json(run.out)
    expect(result.before.leakedVideos).toBe(1)
    expect(result.after.leakedVideos).toBe(0)
    expect(result.moves).toEqual([
      {
        unit: 'gs://dataset-gate-example/clips/juggling/clip_0005.mp4',
        kind: 'video',
        from: 'TEST',
        to: 'TRAIN',
        segments: 1
      }
    ])
    expect(findingsOf(await gate(root), 'video-leakage')).toEqual([])
  })
})

/** Vertex CSV: 8 classes x 10 videos, TEST 30%, with `leaks` videos also in the other split. */
function vertexDataset(leaks: number): string {
  const lines: string[] = []
  for (let c = 0; c < 8; c++)
    for (let v = 0; v < 10; v++) {
      const split = v < 3 ? 'test' : 'training'
      lines.push(`${split},gs://b/c${c}/v${v}.mp4,class${c},0,1`)
      if (c < leaks && v === 0) lines.push(`training,gs://b/c${c}/v${v}.mp4,class${c},1,2`)
    }
  return lines.join('\n') + '\n'
}

describe('resplit constraints', () => {
  it('keeps a kept split: leaking rows elsewhere are removals, applied only with --allow-drop', async () => {
    const root = await makeRepo({ 'v.csv': vertexDataset(2) })
    const dry = await resplit(root, '--keep', 'TEST', '--format', 'json')
    expect(dry.code).toBe(1)
    expect(dry.err).toContain('rerun with --allow-drop')
    const removals = json(dry.out).moves.filter(m => m.to === null)
    expect(removals.map(m => [m.from, m.segments])).toEqual([
      ['TRAIN', 1],
      ['TRAIN', 1]
    ])
    expect(json(dry.out).moves.every(m => m.from !== 'TEST' && m.to !== 'TEST')).toBe(true)
    const before = await readFile(join(root, 'v.csv'), 'utf8')
    const refused = await resplit(root, '--keep', 'TEST', '--write')
    expect(refused.code).toBe(1)
    expect(await readFile(join(root, 'v.csv'), 'utf8')).toBe(before)

    const dropped = await resplit(
      root,
      '--keep',
      'test',
      '--allow-drop',
      '--write',
      '--format',
      'json'
    )
    expect(dropped.code).toBe(0)
    const after = await readFile(join(root, 'v.csv'), 'utf8')
    expect(after.split('\n').filter(l => l.startsWith('test,'))).toEqual(
      before.split('\n').filter(l => l.startsWith('test,'))
    )
    expect(after).not.toContain('training,gs://b/c0/v0.mp4')
    expect(findingsOf(await gate(root), 'video-leakage')).toEqual([])
  })

  it('says which constraint cannot be met and exits 1', async () => {
    // One video per split: no share can come within 1 point of 10%.
    const root = await makeRepo({
      'v.csv':
        'training,gs://b/a.mp4,cat,0,1\ntraining,gs://b/b.mp4,dog,0,1\ntest,gs://b/c.mp4,cat,0,1\n'
    })
    const run = await resplit(root, '--test-share', '0.1', '--format', 'json')
    expect(run.code).toBe(1)
    expect(json(run.out).unmet).toMatch(/TEST share within 1 percentage point of 10\.0%/)
    expect(run.err).toMatch(
      /^dataset-gate: resplit: no assignment meets every constraint: TEST share/
    )
  })

  it('reaches a new TEST share and gives the same output for the same seed', async () => {
    const files = { 'v.csv': vertexDataset(4) }
    const a = await resplit(
      await makeRepo(files),
      '--test-share',
      '0.5',
      '--seed',
      '7',
      '--format',
      'json'
    )
    const b = await resplit(
      await makeRepo(files),
      '--test-share',
      '0.5',
      '--seed',
      '7',
      '--format',
      'json'
    )
    expect(a.code).toBe(0)
    expect(a.out).toBe(b.out)
    const result = json(a.out)
    expect(Math.abs(result.after.splitShares.TEST! - 0.5)).toBeLessThanOrEqual(0.01)
    expect(result.after.leakedVideos).toBe(0)
  })
})

describe('resplit writes each format', () => {
  it('rewrites ML_USE in a Vertex CSV, keeping the file spelling', async () => {
    const root = await makeRepo({
      'v.csv':
        'TRAINING,gs://b/a.mp4,cat,0,1\nTEST,gs://b/a.mp4,cat,1,2\nTRAINING,gs://b/a.mp4,cat,2,3\nTEST,gs://b/b.mp4,cat,0,1\nTRAINING,gs://b/c.mp4,cat,0,1\nTRAINING,gs://b/d.mp4,cat,0,1\n'
    })
    // The target is the share after the leak is resolved: nothing else moves.
    expect((await resplit(root, '--write', '--test-share', '0.1667')).code).toBe(0)
    expect(await readFile(join(root, 'v.csv'), 'utf8')).toBe(
      'TRAINING,gs://b/a.mp4,cat,0,1\nTRAINING,gs://b/a.mp4,cat,1,2\nTRAINING,gs://b/a.mp4,cat,2,3\nTEST,gs://b/b.mp4,cat,0,1\nTRAINING,gs://b/c.mp4,cat,0,1\nTRAINING,gs://b/d.mp4,cat,0,1\n'
    )
  })

  it('names a link beside the dataset it re-splits, and writes nothing through it', async () => {
    const rows =
      'training,gs://b/a.mp4,cat,0,1\ntest,gs://b/a.mp4,cat,1,2\ntraining,gs://b/c.mp4,cat,0,1\n'
    const outside = await makeRepo({ 'real.csv': rows })
    const root = await makeRepo({ 'v.csv': rows })
    await symlink(join(outside, 'real.csv'), join(root, 'link.csv'))
    const text = await resplit(root, '--write')
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/^dataset v\.csv: /)
    expect(text.out).toContain(
      'link.csv: not read, nothing repaired: link.csv cannot be gated: a symbolic link leads outside the repository'
    )
    const run = JSON.parse((await resplit(root, '--format', 'json')).out) as {
      notRead: { name: string; reason: string }[]
    }
    expect(run.notRead.map(n => n.name)).toEqual(['link.csv'])
    expect(await readFile(join(outside, 'real.csv'), 'utf8')).toBe(rows)
  })

  it('rewrites the ml_use resource label of a JSON Lines object', async () => {
    const line = (uri: string, mlUse: string, start: number) =>
      `{"videoGcsUri":"${uri}","timeSegmentAnnotations":[{"displayName":"cat","startTime":"${start}s","endTime":"${start + 1}s"}],"dataItemResourceLabels":{"aiplatform.googleapis.com/ml_use":"${mlUse}"}}`
    const before = [
      line('gs://b/a.mp4', 'training', 0),
      line('gs://b/a.mp4', 'test', 1),
      line('gs://b/a.mp4', 'training', 2),
      line('gs://b/b.mp4', 'test', 0),
      line('gs://b/c.mp4', 'training', 0),
      line('gs://b/d.mp4', 'training', 0)
    ]
    const root = await makeRepo({ 'v.jsonl': before.join('\n') + '\n' })
    // The target is the share after the leak is resolved: nothing else moves.
    expect((await resplit(root, '--write', '--test-share', '0.1667')).code).toBe(0)
    const after = [...before]
    after[1] = line('gs://b/a.mp4', 'training', 1)
    expect(await readFile(join(root, 'v.jsonl'), 'utf8')).toBe(after.join('\n') + '\n')
  })

  it('rewrites the split column of a columns manifest', async () => {
    const root = await makeRepo({
      'k.csv':
        'label,youtube_id,time_start,time_end,split\ncat,a,0,1,train\ncat,a,1,2,val\ncat,a,2,3,train\ncat,b,0,1,val\ncat,c,0,1,train\ncat,d,0,1,train\n'
    })
    // The target is the share after the leak is resolved: nothing else moves.
    expect((await resplit(root, '--write', '--validation-share', '0.1667')).code).toBe(0)
    expect(await readFile(join(root, 'k.csv'), 'utf8')).toBe(
      'label,youtube_id,time_start,time_end,split\ncat,a,0,1,train\ncat,a,1,2,train\ncat,a,2,3,train\ncat,b,0,1,val\ncat,c,0,1,train\ncat,d,0,1,train\n'
    )
  })
})
