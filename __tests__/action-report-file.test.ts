/**
 * The JSON report file (`report-file`): written only inside the workspace or the temp folder,
 * never through a symbolic link, and a refused or failed path falls back to the default location
 * with a warning instead of throwing.
 */
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  defaultReportPath,
  resolveReportPath,
  writeReportFile
} from '../src/publish/report-file.js'

const scratch = mkdtempSync(join(tmpdir(), 'report-file-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

let workspace: string
let temp: string
let outside: string
let victim: string

beforeEach(() => {
  const dir = mkdtempSync(join(scratch, 'case-'))
  workspace = join(dir, 'ws')
  temp = join(dir, 'runner-temp')
  outside = join(dir, 'outside')
  for (const folder of [workspace, temp, outside]) mkdirSync(folder)
  victim = join(outside, 'victim.txt')
  writeFileSync(victim, 'precious\n')
})

const REPORT = '{"passed":true}\n'
const write = (input: string | undefined, commentKey = 'dataset-gate') =>
  writeReportFile(REPORT, { input, workspace, tempDir: temp, commentKey })
const fallback = () => join(temp, 'dataset-gate-report.json')

describe('defaultReportPath and resolveReportPath', () => {
  it('names the default per comment key, and resolves inputs against the workspace', () => {
    expect(defaultReportPath('/tmp/runner', 'dataset-gate')).toBe(
      '/tmp/runner/dataset-gate-report.json'
    )
    expect(defaultReportPath('/tmp/runner', 'k400')).toBe(
      '/tmp/runner/dataset-gate-report-k400.json'
    )
    const roots = ['/ws', '/tmp/runner']
    expect(resolveReportPath('out/r.json', roots)).toEqual({ root: '/ws', path: '/ws/out/r.json' })
    expect(resolveReportPath('out/../r.json', roots)).toEqual({ root: '/ws', path: '/ws/r.json' })
    expect(resolveReportPath('/tmp/runner/r.json', roots)).toEqual({
      root: '/tmp/runner',
      path: '/tmp/runner/r.json'
    })
    expect(resolveReportPath('/ws/sub/r.json', ['/ws', '/ws/sub'])).toEqual({
      root: '/ws/sub',
      path: '/ws/sub/r.json'
    })
    for (const input of ['../r.json', '/etc/passwd', '.', 'a/../..', '/tmp/runner'])
      expect(() => resolveReportPath(input, roots)).toThrow(
        'the path does not name a file inside the workspace or RUNNER_TEMP'
      )
  })
})

describe('writeReportFile', () => {
  it('writes inside the workspace, creating folders, and replaces an earlier report', async () => {
    writeFileSync(join(workspace, 'old.json'), 'old')
    await expect(write('out/deep/r.json')).resolves.toEqual({
      path: join(workspace, 'out/deep/r.json'),
      warnings: []
    })
    expect(readFileSync(join(workspace, 'out/deep/r.json'), 'utf8')).toBe(REPORT)
    await expect(write('old.json')).resolves.toMatchObject({ warnings: [] })
    expect(readFileSync(join(workspace, 'old.json'), 'utf8')).toBe(REPORT)
    // No temporary file is left behind.
    expect(readdirSync(join(workspace, 'out/deep'))).toEqual(['r.json'])
  })

  it('writes the default location when there is no input', async () => {
    await expect(write(undefined, 'k400')).resolves.toEqual({
      path: join(temp, 'dataset-gate-report-k400.json'),
      warnings: []
    })
    await expect(write(join(temp, 'mine.json'))).resolves.toEqual({
      path: join(temp, 'mine.json'),
      warnings: []
    })
  })

  it('refuses a symbolic link named like the report, and leaves its target alone', async () => {
    symlinkSync(victim, join(workspace, 'gate-report.json'))
    const outcome = await write('gate-report.json')
    expect(outcome.path).toBe(fallback())
    expect(outcome.warnings).toEqual([
      `Input \`report-file\` "gate-report.json": ${join(workspace, 'gate-report.json')} is a symbolic link, and the report is not written through links; the JSON report is written to ${fallback()} instead.`
    ])
    expect(readFileSync(victim, 'utf8')).toBe('precious\n')
    expect(lstatSync(join(workspace, 'gate-report.json')).isSymbolicLink()).toBe(true)
    expect(readFileSync(fallback(), 'utf8')).toBe(REPORT)
  })

  it('refuses a symbolic link in any folder of the path, even one pointing inside', async () => {
    symlinkSync(outside, join(workspace, 'reports'))
    mkdirSync(join(workspace, 'real'))
    symlinkSync(join(workspace, 'real'), join(workspace, 'alias'))
    for (const input of ['reports/victim.txt', 'reports/new/r.json', 'alias/r.json']) {
      const outcome = await write(input)
      expect(outcome.path).toBe(fallback())
      expect(outcome.warnings[0]).toContain('is a symbolic link')
    }
    expect(readFileSync(victim, 'utf8')).toBe('precious\n')
    expect(readdirSync(outside)).toEqual(['victim.txt'])
    expect(readdirSync(join(workspace, 'real'))).toEqual([])
  })

  it('refuses paths outside the workspace and the temp folder', async () => {
    for (const input of [victim, '../outside/victim.txt', '..', '/']) {
      const outcome = await write(input)
      expect(outcome.path).toBe(fallback())
      expect(outcome.warnings).toEqual([
        `Input \`report-file\` ${JSON.stringify(input)}: the path does not name a file inside the workspace or RUNNER_TEMP; give a path relative to the workspace; the JSON report is written to ${fallback()} instead.`
      ])
    }
    expect(readFileSync(victim, 'utf8')).toBe('precious\n')
  })

  it('falls back when a file sits where a folder should be, or a folder where the file should be', async () => {
    writeFileSync(join(workspace, 'reports'), 'a file committed by the pull request')
    mkdirSync(join(workspace, 'taken.json'))
    const blocked = await write('reports/gate.json')
    expect(blocked.path).toBe(fallback())
    expect(blocked.warnings[0]).toContain(`${join(workspace, 'reports')} is a file, not a folder`)
    const folder = await write('taken.json')
    expect(folder.warnings[0]).toContain('exists and is not a regular file')
    expect(readFileSync(join(workspace, 'reports'), 'utf8')).toBe(
      'a file committed by the pull request'
    )
  })

  it('reports a write that fails even at the default location, without throwing', async () => {
    rmSync(temp, { recursive: true })
    writeFileSync(temp, 'not a folder')
    const outcome = await write('reports/../../outside.json')
    expect(outcome.path).toBeNull()
    expect(outcome.warnings).toHaveLength(2)
    expect(outcome.warnings[1]).toMatch(
      /^Could not write the JSON report to .*dataset-gate-report\.json: .*; the `report-file` output is empty\.$/
    )
    expect(existsSync(join(workspace, '..', 'outside.json'))).toBe(false)
  })
})
