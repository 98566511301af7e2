/**
 * A `FileSource` over one git revision (the PR base): the tree comes from `git ls-tree`, blobs are
 * streamed from `git cat-file`, nothing is checked out. Symbolic links (mode 120000) and submodules
 * are refused rather than followed, and paths that leave the repository never reach git.
 *
 * `ensureCommitAvailable` makes a revision readable in the shallow clone `actions/checkout` makes.
 */
import { spawn } from 'node:child_process'
import picomatch from 'picomatch'
import { ALWAYS_EXCLUDED, normalizeRepoPath, type FileSource, type FileStat } from './source.js'

interface TreeEntry {
  mode: string
  type: string
  object: string
  size: number
}

/** Object names as git prints them: SHA-1 (40) or SHA-256 (64) hex digits. */
const OBJECT_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i

export class GitRevisionSource implements FileSource {
  readonly label: string
  private tree: Promise<Map<string, TreeEntry>> | null = null

  /**
   * @param root the repository's working directory
   * @param revision a commit SHA or any revision git understands (never starting with `-`)
   */
  constructor(
    readonly root: string,
    readonly revision: string
  ) {
    if (revision.length === 0 || revision.startsWith('-') || /[\s\0]/.test(revision)) {
      throw new Error(`not a usable git revision: ${JSON.stringify(revision)}`)
    }
    this.label = `base ${OBJECT_NAME.test(revision) ? revision.slice(0, 7) : revision}`
  }

  gitRevision(): { root: string; revision: string } {
    return { root: this.root, revision: this.revision }
  }

  async stat(path: string): Promise<FileStat> {
    const clean = normalizeRepoPath(path)
    if (clean === null)
      return { problem: 'the path leaves the repository; only files inside it are read' }
    const entry = (await this.entries()).get(clean)
    if (entry === undefined) {
      // A folder is not an entry of `ls-tree -r`; say what the working tree says of one.
      if (await this.isFolder(clean)) return { problem: 'not a regular file', folder: true }
      return { problem: `the file does not exist at ${this.label}`, missing: true }
    }
    if (entry.mode === '120000') {
      return {
        problem: `a symbolic link at ${this.label}; links are not followed in a git revision`,
        link: true
      }
    }
    if (entry.type !== 'blob')
      return { problem: `not a regular file at ${this.label} (${entry.type})` }
    return { size: entry.size }
  }

  async *open(path: string): AsyncIterable<Buffer> {
    const clean = normalizeRepoPath(path)
    if (clean === null) throw new Error(`refusing to read ${path}: outside the repository`)
    const entry = (await this.entries()).get(clean)
    if (entry === undefined || entry.type !== 'blob' || entry.mode === '120000') {
      throw new Error(`refusing to read ${path} at ${this.label}: not a regular file`)
    }
    yield* streamGit(this.root, ['cat-file', 'blob', entry.object])
  }

  async list(globs: string[], exclude: string[]): Promise<string[]> {
    const patterns = globs.map(g => g.replace(/^\.\//, '')).filter(g => g.length > 0)
    if (patterns.length === 0) return []
    // The same matching rules as the working tree's glob: no dot files, always-excluded folders.
    const included = picomatch(patterns, { dot: false })
    const excluded = picomatch([...ALWAYS_EXCLUDED, ...exclude], { dot: true })
    const files: string[] = []
    for (const [path, entry] of await this.entries()) {
      if (entry.type !== 'blob' || entry.mode === '120000') continue
      if (included(path) && !excluded(path)) files.push(path)
    }
    return files.sort()
  }

  private async isFolder(path: string): Promise<boolean> {
    if (path === '.') return true
    const prefix = `${path}/`
    for (const name of (await this.entries()).keys()) if (name.startsWith(prefix)) return true
    return false
  }

  private entries(): Promise<Map<string, TreeEntry>> {
    this.tree ??= readTree(this.root, this.revision)
    return this.tree
  }
}

/** `git ls-tree -r -l -z`: `<mode> <type> <object> <size>\t<path>\0` per entry. */
async function readTree(root: string, revision: string): Promise<Map<string, TreeEntry>> {
  const chunks: Buffer[] = []
  for await (const chunk of streamGit(root, [
    'ls-tree',
    '-r',
    '-l',
    '-z',
    '--full-tree',
    revision,
    '--'
  ])) {
    chunks.push(chunk)
  }
  const entries = new Map<string, TreeEntry>()
  for (const record of Buffer.concat(chunks).toString('utf8').split('\0')) {
    if (record.length === 0) continue
    const tab = record.indexOf('\t')
    const [mode, type, object, size] = record.slice(0, tab).split(/ +/)
    const path = record.slice(tab + 1)
    // A path git stores with `..` or an absolute form is never handed out.
    if (tab < 0 || !mode || !type || !object || normalizeRepoPath(path) !== path) continue
    entries.set(path, { mode, type, object, size: size === '-' ? 0 : Number(size) })
  }
  return entries
}

/**
 * Runs git and yields its stdout as it arrives (flat memory for a blob of any size). Throws with
 * git's own message when it exits non-zero; stops git when the consumer stops reading early.
 */
async function* streamGit(cwd: string, args: string[]): AsyncIterable<Buffer> {
  const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  const stderr: Buffer[] = []
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 64) stderr.push(chunk)
  })
  const exit = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', code => resolve(code))
  })
  // Without this, a spawn failure (git missing) would reject `exit` before anyone awaits it.
  exit.catch(() => undefined)
  let finished = false
  try {
    yield* child.stdout as AsyncIterable<Buffer>
    const code = await exit
    finished = true
    if (code !== 0) {
      const message =
        Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] || `exit code ${code}`
      throw new Error(`git ${args[0]} failed: ${message}`)
    }
  } finally {
    if (!finished && child.exitCode === null) child.kill()
  }
}

export type CommitAvailability =
  { available: true; fetched: boolean } | { available: false; reason: string }

/**
 * Makes sure `sha` can be read in the clone at `root`. `actions/checkout` clones with depth 1, so
 * the PR base is usually missing: fetch exactly that commit (depth 1, no tags). Never throws: the
 * caller warns and runs the gate without a base comparison.
 */
export async function ensureCommitAvailable(
  root: string,
  sha: string,
  options: { remote?: string; timeoutMs?: number } = {}
): Promise<CommitAvailability> {
  if (!OBJECT_NAME.test(sha)) return { available: false, reason: `"${sha}" is not a commit SHA` }
  if ((await runGit(root, ['cat-file', '-e', `${sha}^{commit}`], 10_000)).code === 0) {
    return { available: true, fetched: false }
  }
  const remote = options.remote ?? 'origin'
  const fetched = await runGit(
    root,
    ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', remote, sha],
    options.timeoutMs ?? 120_000
  )
  if (fetched.code !== 0) {
    return {
      available: false,
      reason: `git fetch ${remote} ${sha.slice(0, 7)} failed: ${fetched.message}`
    }
  }
  if ((await runGit(root, ['cat-file', '-e', `${sha}^{commit}`], 10_000)).code !== 0) {
    return {
      available: false,
      reason: `commit ${sha.slice(0, 7)} is still missing after git fetch`
    }
  }
  return { available: true, fetched: true }
}

/** Runs git to completion; `message` is the first line of stderr (or why it did not run). */
function runGit(
  cwd: string,
  args: string[],
  timeoutMs: number
): Promise<{ code: number; message: string }> {
  return new Promise(resolve => {
    const child = spawn('git', args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: timeoutMs,
      // Never wait for a credential prompt on a runner.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8')
    })
    child.once('error', error => resolve({ code: -1, message: error.message }))
    child.once('close', (code, signal) => {
      const firstLine = stderr.trim().split('\n')[0] ?? ''
      const message = signal
        ? `stopped after ${Math.round(timeoutMs / 1000)} s (${signal})`
        : firstLine
      resolve({ code: code ?? -1, message: message || `exit code ${code}` })
    })
  })
}
