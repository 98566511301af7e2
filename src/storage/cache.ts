/**
 * Durations read from videos, per object generation (`gs://bucket/object#generation`): a new
 * upload is a new generation and is probed again. One JSON file, small enough to keep between runs
 * with `actions/cache`; an unreadable or foreign file is ignored and rewritten.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

const VERSION = 1
/** Entries kept: a run that names more videos keeps the newest ones. */
const MAX_ENTRIES = 2_000_000

export class DurationCache {
  private entries = new Map<string, number>()
  private changed = false

  constructor(readonly path: string | null) {}

  static async open(path: string | null): Promise<DurationCache> {
    const cache = new DurationCache(path)
    if (path === null) return cache
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as {
        version?: unknown
        durations?: unknown
      }
      if (data.version === VERSION && data.durations && typeof data.durations === 'object')
        for (const [key, seconds] of Object.entries(data.durations as Record<string, unknown>))
          if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0)
            cache.entries.set(key, seconds)
    } catch {
      // no cache yet, or not ours: start empty
    }
    return cache
  }

  get(uri: string, generation: string): number | undefined {
    return this.entries.get(`${uri}#${generation}`)
  }

  set(uri: string, generation: string, seconds: number): void {
    this.entries.set(`${uri}#${generation}`, seconds)
    this.changed = true
  }

  get size(): number {
    return this.entries.size
  }

  /** Writes the file when something was added (atomically: a killed run leaves the old one). */
  async save(): Promise<void> {
    if (this.path === null || !this.changed) return
    const kept = [...this.entries].slice(-MAX_ENTRIES)
    await mkdir(dirname(this.path), { recursive: true })
    const temporary = `${this.path}.${process.pid}.tmp`
    await writeFile(
      temporary,
      JSON.stringify({ version: VERSION, durations: Object.fromEntries(kept) })
    )
    await rename(temporary, this.path)
    this.changed = false
  }
}

/** `$DATASET_GATE_CACHE_DIR`, else `$XDG_CACHE_HOME/dataset-gate`, else `~/.cache/dataset-gate`. */
export function defaultCachePath(env: NodeJS.ProcessEnv = process.env): string {
  const dir =
    env.DATASET_GATE_CACHE_DIR ??
    join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'dataset-gate')
  return join(dir, 'storage-durations.json')
}
