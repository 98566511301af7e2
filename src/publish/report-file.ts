/**
 * The JSON report file. The `report-file` input names a path in the workspace, and the workspace
 * holds whatever the pull request committed: a symbolic link named like the report (pointing at a
 * file the runner can write), a link in place of one of its folders, or a plain file where a folder
 * should be. So the path is resolved and must stay inside the workspace or RUNNER_TEMP, no part of it
 * below that folder may be a symbolic link, and the file is written under a new, unguessable name
 * and renamed over the target (a rename replaces a link instead of writing through it).
 *
 * Nothing here throws: a refused or failed path is a warning and the report goes to the default
 * location in the temp folder, because losing the verdict to a bad report path would be worse.
 */
import { randomBytes } from 'node:crypto'
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

export interface ReportFileRequest {
  /** The `report-file` input; undefined: the default location. */
  input: string | undefined
  workspace: string
  /** RUNNER_TEMP, or the OS temp folder outside a runner. */
  tempDir: string
  commentKey: string
}

export interface ReportFileOutcome {
  /** Where the report was written; null when even the default location failed. */
  path: string | null
  /** What went wrong on the way (for `core.warning`). */
  warnings: string[]
}

/** A path the action will not write to, or a write that failed; the message is the whole story. */
export class ReportPathError extends Error {}

/** `<temp>/dataset-gate-report[-<comment-key>].json`: two gates in one job keep their own report. */
export function defaultReportPath(tempDir: string, commentKey: string): string {
  const name =
    commentKey === 'dataset-gate'
      ? 'dataset-gate-report.json'
      : `dataset-gate-report-${commentKey}.json`
  return join(tempDir, name)
}

export function writeReportFile(
  content: string,
  request: ReportFileRequest
): Promise<ReportFileOutcome> {
  return writeOutputFile(content, request, {
    input: 'report-file',
    what: 'the JSON report',
    fallback: defaultReportPath(request.tempDir, request.commentKey)
  })
}

/**
 * Writes one of the action's output files (the JSON report, the SARIF) where its input says, else
 * at `fallback` in the temp folder. Never throws: what went wrong is in the warnings.
 */
export async function writeOutputFile(
  content: string,
  request: ReportFileRequest,
  output: { input: string; what: string; fallback: string }
): Promise<ReportFileOutcome> {
  const warnings: string[] = []
  const { fallback } = output
  if (request.input !== undefined) {
    try {
      const target = resolveReportPath(request.input, [request.workspace, request.tempDir])
      await writeInside(target.root, target.path, content)
      return { path: target.path, warnings }
    } catch (error) {
      warnings.push(
        `Input \`${output.input}\` ${JSON.stringify(request.input)}: ${messageOf(error)}; ${output.what} is written to ${fallback} instead.`
      )
    }
  }
  try {
    // The runner's own temp folder: created when missing, like the runner would.
    await mkdir(request.tempDir, { recursive: true })
    await writeInside(request.tempDir, fallback, content)
    return { path: fallback, warnings }
  } catch (error) {
    warnings.push(
      `Could not write ${output.what} to ${fallback}: ${messageOf(error)}; the \`${output.input}\` output is empty.`
    )
    return { path: null, warnings }
  }
}

/**
 * The input resolved against the workspace, and the allowed folder that holds it (the innermost,
 * when one allowed folder is inside the other). Refuses any path outside them.
 */
export function resolveReportPath(input: string, roots: string[]): { root: string; path: string } {
  if (input.includes('\0')) throw new ReportPathError('the path contains a NUL character')
  const path = resolve(roots[0]!, input)
  const holders = roots
    .map(root => resolve(root))
    .filter(root => isStrictlyInside(root, path))
    .sort((a, b) => b.length - a.length)
  if (holders.length === 0) {
    throw new ReportPathError(
      'the path does not name a file inside the workspace or RUNNER_TEMP; give a path relative to the workspace'
    )
  }
  return { root: holders[0]!, path }
}

function isStrictlyInside(root: string, path: string): boolean {
  const inside = relative(root, path)
  return inside.length > 0 && !inside.startsWith('..') && !isAbsolute(inside)
}

/**
 * Writes `path` (inside `root`) without following a symbolic link anywhere below `root`: each
 * existing folder is checked with lstat, missing ones are created one at a time, and the content
 * goes to a fresh file (flag `wx`: never an existing file or link) that is then renamed over the
 * target. The root itself is the runner's (workspace or temp folder) and trusted.
 */
export async function writeInside(root: string, path: string, content: string): Promise<void> {
  const folders = relative(root, dirname(path))
    .split(sep)
    .filter(part => part.length > 0 && part !== '.')
  let folder = root
  for (const part of folders) {
    folder = join(folder, part)
    await ensureRealFolder(folder)
  }
  await checkTarget(path)
  const temporary = join(folder, `.${basename(path)}.${randomBytes(12).toString('hex')}.tmp`)
  const handle = await open(temporary, 'wx', 0o644).catch(error => {
    throw failure(`cannot create a file in ${folder}`, error)
  })
  try {
    await handle.writeFile(content)
    await handle.close()
    await rename(temporary, path)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(temporary).catch(() => undefined)
    throw failure(`cannot write ${path}`, error)
  }
}

/** A folder that exists as a real folder (created when missing), never a link or a file. */
async function ensureRealFolder(folder: string): Promise<void> {
  if ((await lstatOrNull(folder)) === null) {
    try {
      await mkdir(folder)
    } catch (error) {
      // Created by someone else meanwhile: checked below like any existing folder.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw failure(`cannot create the folder ${folder}`, error)
    }
  }
  const existing = await lstatOrNull(folder)
  if (existing?.isSymbolicLink())
    throw new ReportPathError(
      `${folder} is a symbolic link, and the report is not written through links`
    )
  if (!existing?.isDirectory()) throw new ReportPathError(`${folder} is a file, not a folder`)
}

/** The target may be missing or a regular file (replaced); anything else is refused. */
async function checkTarget(path: string): Promise<void> {
  const existing = await lstatOrNull(path)
  if (existing === null || existing.isFile()) return
  if (existing.isSymbolicLink())
    throw new ReportPathError(
      `${path} is a symbolic link, and the report is not written through links`
    )
  throw new ReportPathError(`${path} exists and is not a regular file`)
}

async function lstatOrNull(path: string) {
  try {
    return await lstat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    throw failure(`cannot inspect ${path}`, error)
  }
}

/** An I/O failure as one line: the system's code rather than Node's message with the path again. */
function failure(what: string, error: unknown): ReportPathError {
  const code = (error as NodeJS.ErrnoException).code
  return new ReportPathError(`${what} (${code ?? messageOf(error)})`)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
