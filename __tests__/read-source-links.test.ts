/**
 * What the working tree says of a path that is not a plain file: whether anything is there at all
 * (a comparison tells a deleted file from one turned into a link by it), whether it is a folder or
 * a link, and which links a glob meets (they are never followed, and never passed over in silence).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WorkingTreeSource } from '../src/read/source.js'

const root = mkdtempSync(join(tmpdir(), 'dg-source-links-'))
const outside = mkdtempSync(join(tmpdir(), 'dg-source-outside-'))
afterAll(() => {
  rmSync(root, { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
})

writeFileSync(join(outside, 'x.csv'), 'a,b\n')
mkdirSync(join(root, 'data/folder.csv'), { recursive: true })
mkdirSync(join(root, 'node_modules/pkg'), { recursive: true })
mkdirSync(join(root, '.hidden'), { recursive: true })
writeFileSync(join(root, 'data/a.csv'), 'a,b\n')
symlinkSync('a.csv', join(root, 'data/latest.csv'))
symlinkSync(join(outside, 'x.csv'), join(root, 'data/out.csv'))
symlinkSync('/no/such/file.csv', join(root, 'data/dangling.csv'))
symlinkSync('loop.csv', join(root, 'data/loop.csv'))
symlinkSync('../data', join(root, 'data/up.csv')) // a link to a folder: listed, never entered
symlinkSync('../data/a.csv', join(root, 'node_modules/pkg/link.csv'))
symlinkSync('../data/a.csv', join(root, '.hidden/link.csv'))
const source = new WorkingTreeSource(root)

describe('WorkingTreeSource.stat', () => {
  it('says missing only when nothing is at the path', async () => {
    expect(await source.stat('data/none.csv')).toEqual({
      problem: 'the file does not exist',
      missing: true
    })
    expect(await source.stat('data/none/x.csv')).toHaveProperty('missing', true)
    for (const path of ['data/dangling.csv', 'data/loop.csv', 'data/out.csv', 'data/latest.csv'])
      expect(await source.stat(path)).not.toHaveProperty('missing')
  })

  it('names each kind of link, and marks it a link', async () => {
    expect(await source.stat('data/latest.csv')).toEqual({
      problem:
        'a symbolic link to data/a.csv; links are not followed (a file is read only by its own path)',
      link: true
    })
    expect(await source.stat('data/out.csv')).toEqual({
      problem: 'a symbolic link leads outside the repository; only files inside it are read',
      link: true
    })
    expect(await source.stat('data/dangling.csv')).toEqual({
      problem: 'a symbolic link to a file that does not exist; links are not followed',
      link: true
    })
    expect(await source.stat('data/loop.csv')).toEqual({
      problem: 'a symbolic link loop',
      link: true
    })
    // A file reached through a linked folder is refused, but the path itself is not a link.
    expect(await source.stat('data/up.csv/a.csv')).toEqual({
      problem:
        'reached through a symbolic link (it is data/a.csv); links are not followed, so name the file by its own path'
    })
  })

  it('tells a folder from a file', async () => {
    expect(await source.stat('data/folder.csv')).toEqual({
      problem: 'not a regular file',
      folder: true
    })
    expect(await source.stat('data/a.csv')).toEqual({ size: 4 })
  })
})

describe('WorkingTreeSource.listLinks', () => {
  it("lists the links a glob matches, with list's rules, and never enters one", async () => {
    expect(await source.list(['**/*.csv'], [])).toEqual(['data/a.csv'])
    expect(await source.listLinks(['**/*.csv'], [])).toEqual([
      'data/dangling.csv',
      'data/latest.csv',
      'data/loop.csv',
      'data/out.csv',
      'data/up.csv'
    ])
    expect(await source.listLinks(['data/l*.csv'], [])).toEqual([
      'data/latest.csv',
      'data/loop.csv'
    ])
    expect(await source.listLinks(['**/*.csv'], ['data/[dlo]*.csv'])).toEqual(['data/up.csv'])
    expect(await source.listLinks(['../**/*.csv'], [])).toEqual([])
    // A literal path is looked at itself; a walk never starts through a link.
    expect(await source.listLinks(['data/latest.csv', 'data/a.csv'], [])).toEqual([
      'data/latest.csv'
    ])
    expect(await source.listLinks(['data/up.csv/*.csv'], [])).toEqual([])
  })
})
