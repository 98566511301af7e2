/**
 * Reading the PR base from git (GitRevisionSource, ensureCommitAvailable) and choosing the
 * configuration a pull request is judged by (loadActionConfig), on real temporary repositories.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError } from '../src/config/load.js'
import { loadActionConfig } from '../src/publish/gate-config.js'
import { ensureCommitAvailable, GitRevisionSource } from '../src/read/git-source.js'
import { WorkingTreeSource } from '../src/read/source.js'

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir()
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim()
}

function write(root: string, path: string, text: string | Buffer): void {
  mkdirSync(join(root, path, '..'), { recursive: true })
  writeFileSync(join(root, path), text)
}

async function readAll(
  source: { open(path: string): AsyncIterable<Buffer> },
  path: string
): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of source.open(path)) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

let root: string
let work: string
let baseSha: string
let headSha: string
const big = 'gs://b/v.mp4,cat,0,1\n'.repeat(200_000)

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'git-source-'))
  work = join(root, 'origin')
  mkdirSync(work)
  git(work, 'init', '-q', '-b', 'main')
  write(work, 'data/train.csv', 'gs://b/a.mp4,cat,0,1\n')
  write(work, 'data/big.csv', big)
  write(work, 'data/nested/test.csv', 'gs://b/b.mp4,dog,0,1\n')
  write(work, 'node_modules/pkg/x.csv', 'x\n')
  write(work, '.hidden/y.csv', 'y\n')
  write(work, '.github/dataset-gate.yml', 'fail-on: error\n')
  symlinkSync('/etc/passwd', join(work, 'data/link.csv'))
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', 'base')
  baseSha = git(work, 'rev-parse', 'HEAD')
  write(work, 'data/train.csv', 'gs://b/a.mp4,cat,0,1\ngs://b/c.mp4,cat,0,1\n')
  write(work, '.github/dataset-gate.yml', 'fail-on: never\n')
  git(work, 'commit', '-q', '-am', 'head')
  headSha = git(work, 'rev-parse', 'HEAD')
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('GitRevisionSource', () => {
  it('lists regular files of the revision like the working tree glob does', async () => {
    const source = new GitRevisionSource(work, baseSha)
    expect(source.label).toBe(`base ${baseSha.slice(0, 7)}`)
    await expect(source.list(['**/*.csv'], [])).resolves.toEqual([
      'data/big.csv',
      'data/nested/test.csv',
      'data/train.csv'
    ])
    await expect(source.list(['data/*.csv'], ['data/big.csv'])).resolves.toEqual(['data/train.csv'])
    await expect(source.list(['./data/nested/**'], [])).resolves.toEqual(['data/nested/test.csv'])
  })

  it('reads the file as it was at the revision, streaming large blobs', async () => {
    const source = new GitRevisionSource(work, baseSha)
    await expect(source.stat('data/train.csv')).resolves.toEqual({ size: 21 })
    await expect(readAll(source, 'data/train.csv')).resolves.toBe('gs://b/a.mp4,cat,0,1\n')
    await expect(
      readAll(new GitRevisionSource(work, headSha), 'data/train.csv')
    ).resolves.toContain('c.mp4')
    let chunks = 0
    let bytes = 0
    for await (const chunk of source.open('data/big.csv')) {
      chunks++
      bytes += chunk.length
    }
    expect(bytes).toBe(big.length)
    expect(chunks).toBeGreaterThan(1)
  })

  it('stops git when the reader stops early', async () => {
    const source = new GitRevisionSource(work, baseSha)
    for await (const chunk of source.open('data/big.csv')) {
      expect(chunk.length).toBeGreaterThan(0)
      break
    }
  })

  it('refuses symbolic links, missing files and paths that leave the repository', async () => {
    const source = new GitRevisionSource(work, baseSha)
    await expect(source.stat('data/link.csv')).resolves.toEqual({
      problem: `a symbolic link at base ${baseSha.slice(0, 7)}; links are not followed in a git revision`,
      link: true
    })
    await expect(source.stat('data/none.csv')).resolves.toEqual({
      problem: `the file does not exist at base ${baseSha.slice(0, 7)}`,
      missing: true
    })
    await expect(source.stat('../origin/data/train.csv')).resolves.toHaveProperty('problem')
    await expect(source.stat('/etc/passwd')).resolves.toHaveProperty('problem')
    await expect(source.stat('data')).resolves.toEqual({
      problem: 'not a regular file',
      folder: true
    })
    await expect(readAll(source, 'data/link.csv')).rejects.toThrow('not a regular file')
    expect(() => new GitRevisionSource(work, '--output=/tmp/x')).toThrow(
      'not a usable git revision'
    )
  })

  it('reports a revision git does not know', async () => {
    const source = new GitRevisionSource(work, 'f'.repeat(40))
    await expect(source.list(['**/*.csv'], [])).rejects.toThrow(/git ls-tree failed/)
  })
})

describe('ensureCommitAvailable', () => {
  it('fetches the base commit into a shallow clone, as actions/checkout leaves it', async () => {
    const clone = join(root, 'shallow')
    git(root, 'clone', '-q', '--depth=1', `file://${work}`, clone)
    await expect(new GitRevisionSource(clone, baseSha).list(['**/*.csv'], [])).rejects.toThrow()
    await expect(ensureCommitAvailable(clone, headSha)).resolves.toEqual({
      available: true,
      fetched: false
    })
    await expect(ensureCommitAvailable(clone, baseSha)).resolves.toEqual({
      available: true,
      fetched: true
    })
    await expect(readAll(new GitRevisionSource(clone, baseSha), 'data/train.csv')).resolves.toBe(
      'gs://b/a.mp4,cat,0,1\n'
    )
  })

  it('fails softly with a reason', async () => {
    const clone = join(root, 'shallow')
    const missing = await ensureCommitAvailable(clone, 'e'.repeat(40))
    expect(missing).toMatchObject({ available: false })
    expect((missing as { reason: string }).reason).toMatch(/^git fetch origin eeeeeee failed: /)
    await expect(ensureCommitAvailable(clone, 'main')).resolves.toEqual({
      available: false,
      reason: '"main" is not a commit SHA'
    })
    const notRepo = mkdtempSync(join(tmpdir(), 'not-a-repo-'))
    await expect(ensureCommitAvailable(notRepo, baseSha)).resolves.toMatchObject({
      available: false
    })
    rmSync(notRepo, { recursive: true })
  })
})

describe('loadActionConfig', () => {
  const path = '.github/dataset-gate.yml'

  it('judges a pull request that edits the configuration by the base version', async () => {
    const loaded = await loadActionConfig({
      path,
      head: new WorkingTreeSource(work),
      base: new GitRevisionSource(work, baseSha),
      pullRequest: true
    })
    expect(loaded.fromBase).toBe(true)
    expect(loaded.config.failOn).toBe('error')
    expect(loaded.config.source).toBe(`${path} (base ${baseSha.slice(0, 7)})`)
  })

  it('uses the head version when the file is unchanged, or when there is no base', async () => {
    const same = await loadActionConfig({
      path,
      head: new WorkingTreeSource(work),
      base: new GitRevisionSource(work, headSha),
      pullRequest: true
    })
    expect(same).toMatchObject({ fromBase: false, notes: [] })
    expect(same.config.failOn).toBe('never')
    const noBase = await loadActionConfig({
      path,
      head: new WorkingTreeSource(work),
      base: null,
      pullRequest: true
    })
    expect(noBase.fromBase).toBe(false)
    expect(noBase.notes).toEqual([
      `The base commit could not be read, so ${path} was read from this change itself; an edit to it in this change is not caught.`
    ])
  })

  it('uses the defaults when the file exists on neither side, and the base defaults when a PR adds it', async () => {
    const none = await loadActionConfig({
      path: 'missing.yml',
      head: new WorkingTreeSource(work),
      base: new GitRevisionSource(work, baseSha),
      pullRequest: false
    })
    expect(none).toMatchObject({ fromBase: false, config: { source: null } })
    const repo = join(root, 'added')
    mkdirSync(repo)
    git(repo, 'init', '-q', '-b', 'main')
    write(repo, 'data/a.csv', 'x\n')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'no configuration yet')
    write(repo, path, 'fail-on: never\n')
    const added = await loadActionConfig({
      path,
      head: new WorkingTreeSource(repo),
      base: new GitRevisionSource(repo, git(repo, 'rev-parse', 'HEAD')),
      pullRequest: true
    })
    expect(added).toMatchObject({ fromBase: true, config: { source: null, failOn: 'error' } })
  })

  it('fails on a broken head configuration, and falls back to the head when the base is broken', async () => {
    const repo = join(root, 'broken')
    mkdirSync(repo)
    git(repo, 'init', '-q', '-b', 'main')
    write(repo, path, 'fail-on: [nope\n')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'broken base')
    const broken = git(repo, 'rev-parse', 'HEAD')
    write(repo, path, 'fail-on: warning\n')
    const fixed = await loadActionConfig({
      path,
      head: new WorkingTreeSource(repo),
      base: new GitRevisionSource(repo, broken),
      pullRequest: true
    })
    expect(fixed.fromBase).toBe(false)
    expect(fixed.config.failOn).toBe('warning')
    expect(fixed.notes[0]).toMatch(
      /^The base configuration is invalid \(\.github\/dataset-gate\.yml \(base [0-9a-f]{7}\):\d+: /
    )

    write(repo, path, 'fail-on: sometimes\n')
    await expect(
      loadActionConfig({
        path,
        head: new WorkingTreeSource(repo),
        base: null,
        pullRequest: false
      })
    ).rejects.toThrow(ConfigError)
  })
})
