/**
 * Where dataset files come from. The engine only sees repository-relative paths through a
 * `FileSource`, so the same analysis runs on the working tree and on a git revision (the PR base).
 * Every path is checked here: nothing outside the repository root is ever opened.
 */
import { createReadStream, type Stats } from 'node:fs'
import { lstat, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, normalize, relative, sep } from 'node:path'
import { fdir } from 'fdir'
import picomatch from 'picomatch'
import { glob } from 'tinyglobby'
import { fileRanges, reusedChunks, type RangeReader } from './file-chunks.js'

export type FileStat =
  | { size: number }
  | {
      problem: string
      /** Nothing at all is at the path. */
      missing?: true
      /** A folder is at the path. */
      folder?: true
      /** The path itself is a symbolic link (never followed). */
      link?: true
    }

export interface FileSource {
  /** For messages: "working tree", "base 1a2b3c4". */
  readonly label: string
  /**
   * Size in bytes, or a reason the file cannot be used (missing, outside the repository, ...);
   * `missing` only when nothing at all is at the path (a link, a folder or a file that cannot be
   * read is something: a comparison must not take it for a deleted file).
   */
  stat(path: string): Promise<FileStat>
  /** The file's bytes as a stream of chunks. Only call after `stat` said it is usable. */
  open(path: string): AsyncIterable<Buffer>
  /**
   * The same bytes in chunks that are valid only until the next one is asked for (reused buffers
   * read into again): for a reader that decodes each chunk at once. See `transientChunks`.
   */
  openTransient?(path: string): AsyncIterable<Buffer>
  /**
   * Ranges of bytes of the file, as `openTransient` gives them, through one opening (closed by
   * the caller); absent for sources that can only read a file from its start (a git revision).
   */
  openRanges?(path: string): RangeReader
  /** Repository-relative files matching the globs, sorted, excluding `exclude` globs. */
  list(globs: string[], exclude: string[]): Promise<string[]>
  /**
   * The symbolic links the same globs match, sorted: `list` leaves them out (links are never
   * followed), and a caller names them so that no manifest is passed over in silence. Absent for
   * sources without links to meet (a git revision's links are refused when named).
   */
  listLinks?(globs: string[], exclude: string[]): Promise<string[]>
  /**
   * The file's path on disk, for a reader in another thread (a working-tree file that `stat` said
   * is usable); absent for sources without one (a git revision).
   */
  localPath?(path: string): string | null
  /** The working tree's folder, for a reader in another thread; absent for other sources. */
  workingTreeRoot?(): string
  /** The repository and revision of a git revision's files, for a reader in another thread. */
  gitRevision?(): { root: string; revision: string }
}

/**
 * A file's chunks for a reader that is done with each chunk before it asks for the next (the
 * record readers): from reused buffers where the source has them, else fresh ones.
 */
export function transientChunks(source: FileSource, path: string): AsyncIterable<Buffer> {
  return source.openTransient ? source.openTransient(path) : source.open(path)
}

/** The problem a failed lstat, realpath or stat names; `missing` when nothing is at the path. */
function statFailure(error: NodeJS.ErrnoException): { problem: string; missing?: true } {
  const code = error.code
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return { problem: 'the file does not exist', missing: true }
  if (code === 'ELOOP') return { problem: 'a symbolic link loop' }
  if (code === 'EACCES') return { problem: 'permission denied' }
  return { problem: `cannot be read (${code ?? 'unknown error'})` }
}

export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**']

/**
 * Normalizes a repository-relative path (forward slashes, no `.` segments) or returns null when it
 * is absolute or climbs out of the repository with `..`.
 */
export function normalizeRepoPath(path: string): string | null {
  if (path.length === 0 || path.includes('\0')) return null
  const unified = path.replace(/\\/g, '/')
  if (isAbsolute(unified) || /^[A-Za-z]:\//.test(unified)) return null
  const normalized = normalize(unified).split(sep).join('/')
  if (normalized === '..' || normalized.startsWith('../')) return null
  return normalized.replace(/^\.\//, '')
}

export class WorkingTreeSource implements FileSource {
  readonly label = 'working tree'
  private rootReal: Promise<string>

  constructor(readonly root: string) {
    this.rootReal = realpath(root)
  }

  async stat(path: string): Promise<FileStat> {
    const clean = normalizeRepoPath(path)
    if (clean === null)
      return { problem: 'the path leaves the repository; only files inside it are read' }
    if (clean.split('/').includes('.git'))
      return { problem: "inside git's own .git folder, which is not part of the data" }
    const full = join(this.root, clean)
    let entry: Stats
    try {
      entry = await lstat(full)
    } catch (error) {
      return statFailure(error as NodeJS.ErrnoException)
    }
    if (!entry.isSymbolicLink()) return this.statFile(full, clean)
    const found = await this.statFile(full, clean, true)
    return 'problem' in found ? { ...found, link: true } : found
  }

  /** `stat` of something that is at `full`; `isLink`: the path itself is a symbolic link. */
  private async statFile(full: string, clean: string, isLink = false): Promise<FileStat> {
    try {
      const real = await realpath(full)
      const rootReal = await this.rootReal
      const inside = relative(rootReal, real)
      if (inside.startsWith('..') || isAbsolute(inside)) {
        return {
          problem: `${isLink ? 'a symbolic link' : 'the path'} leads outside the repository; only files inside it are read`
        }
      }
      // A file is read by its own path only. A link inside the repository could lead into .git,
      // or let one file be read many times over (`l -> .`: l/rows.csv, l/l/rows.csv, ...), and a
      // git revision never follows links: both sides of a comparison see the same files.
      const own = inside.split(sep).join('/') || '.'
      if (isLink)
        return {
          problem: `a symbolic link to ${own}; links are not followed (a file is read only by its own path)`
        }
      if (own !== clean) {
        return {
          problem: `reached through a symbolic link (it is ${own}); links are not followed, so name the file by its own path`
        }
      }
      const info = await stat(real)
      if (info.isDirectory()) return { problem: 'not a regular file', folder: true }
      if (!info.isFile()) return { problem: 'not a regular file' }
      return { size: info.size }
    } catch (error) {
      // Something is at the path (lstat found it): a link to nothing, a loop, no permission.
      const failure = statFailure(error as NodeJS.ErrnoException)
      if (!('missing' in failure) || !isLink) return { problem: failure.problem }
      return { problem: 'a symbolic link to a file that does not exist; links are not followed' }
    }
  }

  async *open(path: string): AsyncIterable<Buffer> {
    // 1 MiB chunks: large enough that per-chunk overhead vanishes, small enough to stay flat in memory.
    yield* createReadStream(this.readablePath(path), {
      highWaterMark: 1 << 20
    }) as AsyncIterable<Buffer>
  }

  openTransient(path: string): AsyncIterable<Buffer> {
    return reusedChunks(this.readablePath(path))
  }

  openRanges(path: string): RangeReader {
    return fileRanges(this.readablePath(path))
  }

  /** The file's path on disk for reading; a path that leaves the repository is refused. */
  private readablePath(path: string): string {
    const local = this.localPath(path)
    if (local === null) throw new Error(`refusing to read ${path}: outside the repository`)
    return local
  }

  workingTreeRoot(): string {
    return this.root
  }

  localPath(path: string): string | null {
    const clean = normalizeRepoPath(path)
    return clean === null ? null : join(this.root, clean)
  }

  async list(globs: string[], exclude: string[]): Promise<string[]> {
    const patterns = repositoryGlobs(globs)
    if (patterns.length === 0) return []
    const files = await glob(patterns, {
      cwd: this.root,
      ignore: [...ALWAYS_EXCLUDED, ...exclude],
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      expandDirectories: false
    })
    return files.map(f => f.split(sep).join('/')).sort()
  }

  async listLinks(globs: string[], exclude: string[]): Promise<string[]> {
    const excluded = picomatch([...ALWAYS_EXCLUDED, ...exclude], { dot: true })
    const links = new Set<string>()
    const isLink = async (path: string): Promise<boolean> =>
      (await lstat(join(this.root, path)).catch(() => null))?.isSymbolicLink() === true
    // The patterns by the folder they are fixed to: one walk per folder, whatever its patterns.
    const byBase = new Map<string, string[]>()
    for (const pattern of repositoryGlobs(globs)) {
      const { base, isGlob } = picomatch.scan(pattern)
      if (isGlob) {
        byBase.set(base, [...(byBase.get(base) ?? []), pattern])
        continue
      }
      const path = normalizeRepoPath(pattern)
      if (path !== null && !excluded(path) && (await isLink(path))) links.add(path)
    }
    for (const [base, patterns] of byBase) {
      // The glob library either follows links or leaves them out; this walk does neither: a link
      // is an entry of its folder, never entered, like any file. From the patterns' fixed folder
      // (itself not a link), with list's rules: no dot files, the always-excluded folders, the
      // caller's exclude globs.
      if (base !== '' && !(await this.isPlainFolder(base))) continue
      const included = picomatch(patterns, { dot: false })
      const prefix = base === '' ? '' : `${base}/`
      const matched = await new fdir()
        .withRelativePaths()
        .withPathSeparator('/')
        .exclude(name => name.startsWith('.') || name === 'node_modules')
        .filter((path, isFolder) => !isFolder && included(prefix + path))
        .crawl(join(this.root, base))
        .withPromise()
      for (const path of matched)
        if (!excluded(prefix + path) && (await isLink(prefix + path))) links.add(prefix + path)
    }
    return [...links].sort()
  }

  /** A folder inside the repository reached through no link (the walk must not leave it). */
  private async isPlainFolder(path: string): Promise<boolean> {
    const clean = normalizeRepoPath(path)
    if (clean === null) return false
    const real = await realpath(join(this.root, clean)).catch(() => null)
    if (real === null || real !== join(await this.rootReal, clean)) return false
    return (await stat(real)).isDirectory()
  }
}

/** Globs as repository-relative patterns; one that would climb out of the repository is dropped. */
function repositoryGlobs(globs: string[]): string[] {
  return globs
    .map(g => g.replace(/^\.\//, ''))
    .filter(g => normalizeRepoPath(g.replace(/\*\*?/g, 'x')) !== null)
}
