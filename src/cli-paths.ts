/**
 * The CLI's path model: PATH arguments (relative or absolute files, folders or globs, from any
 * working folder) become one root and root-relative paths. The root is the git top level of the
 * paths (their common folder when they are not in a repository), so `check data`, `check data/`,
 * `check "$PWD/data"` and `cd data && check .` read the same files, find the same configuration
 * and look up the same base paths.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

export class PathError extends Error {}

export interface LocatedPaths {
  /** Absolute, symbolic links in its own path resolved. */
  root: string
  /** Whether the root is a git work tree (so `--base` can be read). */
  inRepository: boolean
  /** Root-relative, forward slashes; `.` for the root itself. Empty: nothing was named. */
  paths: string[]
}

const GLOB_CHARS = /[*?[\]{}!]/

/**
 * @param raw the PATH arguments as typed
 * @param cwd the working folder they are relative to
 */
export function locatePaths(raw: string[], cwd: string): LocatedPaths {
  const named = raw.filter(path => path.trim().length > 0)
  const cwdReal = realpathSync(cwd)
  // A glob stays a pattern: its literal folder part decides where it is.
  const entries = named.map(path => {
    if (GLOB_CHARS.test(path)) {
      const absolute = resolve(cwdReal, path)
      // A glob that matches nothing is the engine's finding to make, not a usage error: its
      // folder is the deepest one that exists.
      const folder = existingAncestor(literalFolder(absolute))
      const real = realFolder(folder, path)
      return { path, absolute: join(real, relative(folder, absolute)), folder: real, glob: true }
    }
    const absolute = resolve(cwdReal, path)
    let isFolder: boolean
    try {
      isFolder = statSync(absolute).isDirectory()
    } catch {
      // A link to nothing, or a loop, is something: the gate refuses it with a finding that says so.
      if (!isLink(absolute)) throw new PathError(`${path}: does not exist`)
      isFolder = false
    }
    // The folder part is resolved (so /tmp and /private/tmp agree); a named link itself is kept,
    // and the gate then refuses to read through it.
    const real = isFolder
      ? realpathSync(absolute)
      : join(realFolder(dirname(absolute), path), basename(absolute))
    return { path, absolute: real, folder: isFolder ? real : dirname(real), glob: false }
  })

  const folders = entries.length > 0 ? entries.map(e => e.folder) : [cwdReal]
  const tops = folders.map(gitTopLevel)
  const repository = tops[0]
  if (repository !== null && repository !== undefined && tops.every(top => top === repository)) {
    return {
      root: repository,
      inRepository: true,
      paths: rootRelative(entries, repository, cwdReal)
    }
  }
  if (tops.some(top => top !== null)) {
    const shown = [...new Set(tops.map(top => top ?? '(no repository)'))].join(', ')
    throw new PathError(
      `the paths belong to different repositories (${shown}); check one repository at a time`
    )
  }
  const root = commonFolder(folders)
  return { root, inRepository: false, paths: rootRelative(entries, root, cwdReal) }
}

function rootRelative(
  entries: { absolute: string; glob: boolean }[],
  root: string,
  cwd: string
): string[] {
  // Nothing named from a subfolder: that subfolder, as if it were named.
  if (entries.length === 0) return cwd === root ? [] : [toRepoPath(relative(root, cwd))]
  return entries.map(entry => toRepoPath(relative(root, entry.absolute)) || '.')
}

function toRepoPath(path: string): string {
  return path.split(sep).join('/')
}

/** The folder part of a glob before its first pattern segment. */
function literalFolder(absoluteGlob: string): string {
  const segments = absoluteGlob.split(sep)
  const firstPattern = segments.findIndex(segment => GLOB_CHARS.test(segment))
  return segments.slice(0, firstPattern).join(sep) || sep
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

function existingAncestor(folder: string): string {
  let current = folder
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current)
  return current
}

function realFolder(folder: string, shown: string): string {
  try {
    return realpathSync(folder)
  } catch {
    throw new PathError(`${shown}: the folder ${folder} does not exist`)
  }
}

/** The work tree's top level holding `folder`, or null outside a repository (or without git). */
function gitTopLevel(folder: string): string | null {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], {
    cwd: folder,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }
  })
  if (result.status !== 0 || typeof result.stdout !== 'string') return null
  const top = result.stdout.trim()
  if (top.length === 0 || !isAbsolute(top)) return null
  try {
    return realpathSync(top)
  } catch {
    return null
  }
}

function commonFolder(folders: string[]): string {
  let common = folders[0]!.split(sep)
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep)
    let i = 0
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++
    common = common.slice(0, i)
  }
  return common.join(sep) || sep
}
