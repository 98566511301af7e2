/**
 * Where dataset files come from. The engine only sees repository-relative paths through a
 * `FileSource`, so the same analysis runs on the working tree and on a git revision (the PR base).
 * Every path is checked here: nothing outside the repository root is ever opened.
 */
import { createReadStream } from 'node:fs'
import { lstat, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, normalize, relative, sep } from 'node:path'
import { glob } from 'tinyglobby'
import { fileRanges, reusedChunks, type RangeReader } from './file-chunks.js'

export interface FileSource {
  /** For messages: "working tree", "base 1a2b3c4". */
  readonly label: string
  /** Size in bytes, or a reason the file cannot be used (missing, outside the repository, ...). */
  stat(path: string): Promise<{ size: number } | { problem: string }>
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

  async stat(path: string): Promise<{ size: number } | { problem: string }> {
    const clean = normalizeRepoPath(path)
    if (clean === null)
      return { problem: 'the path leaves the repository; only files inside it are read' }
    if (clean.split('/').includes('.git'))
      return { problem: "inside git's own .git folder, which is not part of the data" }
    const full = join(this.root, clean)
    try {
      const link = await lstat(full)
      const real = await realpath(full)
      const rootReal = await this.rootReal
      const inside = relative(rootReal, real)
      if (inside.startsWith('..') || isAbsolute(inside)) {
        return {
          problem: `${link.isSymbolicLink() ? 'a symbolic link' : 'the path'} leads outside the repository; only files inside it are read`
        }
      }
      // A file is read by its own path only. A link inside the repository could lead into .git,
      // or let one file be read many times over (`l -> .`: l/rows.csv, l/l/rows.csv, ...), and a
      // git revision never follows links: both sides of a comparison see the same files.
      const own = inside.split(sep).join('/') || '.'
      if (own !== clean) {
        return {
          problem: `reached through a symbolic link (it is ${own}); links are not followed, so name the file by its own path`
        }
      }
      const info = await stat(real)
      if (!info.isFile()) return { problem: 'not a regular file' }
      return { size: info.size }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'the file does not exist' }
      if (code === 'ELOOP') return { problem: 'a symbolic link loop' }
      if (code === 'EACCES') return { problem: 'permission denied' }
      return { problem: `cannot be read (${code ?? 'unknown error'})` }
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
    const patterns = globs
      .map(g => g.replace(/^\.\//, ''))
      .filter(g => normalizeRepoPath(g.replace(/\*\*?/g, 'x')) !== null)
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
}
