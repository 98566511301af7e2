/**
 * One run's access to Cloud Storage: the settings, the client (null without credentials), the
 * deadline of the time budget, the duration cache, and what was already looked up (datasets that
 * share videos ask once). The shells open it, `runGate` hands it to each dataset, the shells save
 * the cache and print its notes.
 */
import type { StorageSettings } from '../config/schema.js'
import { DurationCache, defaultCachePath } from './cache.js'
import { detectCredentials } from './credentials.js'
import { splitUri, type Outcome } from './outcomes.js'
import { containerOf, probeDuration } from './probe.js'
import { GcsStore, statusOf, type ObjectStore } from './store.js'
import { inParallel, lookUpObjects } from './verify.js'
import type { FileSource } from '../read/source.js'

export const NO_CREDENTIALS_NOTE = 'URI verification skipped: no Google Cloud credentials'

export interface StorageRun {
  settings: StorageSettings
  /** Null when there are neither credentials nor an emulator: nothing is verified. */
  store: ObjectStore | null
  deadline: number
  cache: DurationCache
  /** For `verify: changed` on a pull request: the base revision, whose videos are not asked about. */
  base: { source: FileSource; paths: string[] } | null
  /** Notes for the report, each said once per run. */
  notes: string[]
  outcomes: Map<string, Outcome>
  durations: Map<string, number>
  /** Probes that found no duration, by URI, with why (for the note). */
  unprobed: Map<string, string>
  /** Bytes read per probe, for the measurements. */
  probeBytes: number[]
}

export interface OpenOptions {
  env?: NodeJS.ProcessEnv
  base?: { source: FileSource; paths: string[] } | null
  /** Null: no cache file. Default: defaultCachePath(env). */
  cachePath?: string | null
  store?: ObjectStore
  requestTimeoutMs?: number
  backoffMs?: number
}

/** Null when verification is off. */
export async function openStorage(
  settings: StorageSettings,
  options: OpenOptions = {}
): Promise<StorageRun | null> {
  if (settings.verify === 'off') return null
  const env = options.env ?? process.env
  const deadline = Date.now() + settings.budgetSeconds * 1000
  const credentials = options.store ? 'given' : detectCredentials(env)
  const store =
    options.store ??
    (credentials
      ? new GcsStore({
          deadline,
          requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
          attempts: 5,
          backoffMs: options.backoffMs ?? 500
        })
      : null)
  const cachePath = options.cachePath === undefined ? defaultCachePath(env) : options.cachePath
  return {
    settings,
    store,
    deadline,
    cache: await DurationCache.open(settings.durations === 'probe' ? cachePath : null),
    base: options.base ?? null,
    notes: store ? [] : [NO_CREDENTIALS_NOTE],
    outcomes: new Map(),
    durations: new Map(),
    unprobed: new Map(),
    probeBytes: []
  }
}

/**
 * Looks up the URIs not looked up yet in this run and, with `durations: probe`, reads the
 * durations of the videos found. Results land in `run.outcomes` and `run.durations`.
 */
export async function verifyUris(run: StorageRun, uris: readonly string[]): Promise<void> {
  const store = run.store
  if (!store) return
  const fresh = uris.filter(uri => !run.outcomes.has(uri))
  const options = { concurrency: run.settings.concurrency, deadline: run.deadline }
  const outcomes = await lookUpObjects(store, fresh, options)
  for (const [uri, outcome] of outcomes) run.outcomes.set(uri, outcome)
  if (run.settings.durations !== 'probe') return
  const toProbe = fresh.filter(uri => {
    const outcome = run.outcomes.get(uri)
    return outcome?.kind === 'found' && outcome.info.size > 0 && containerOf(uri) !== null
  })
  await inParallel(toProbe, options, uri => probeOne(run, store, uri))
}

async function probeOne(run: StorageRun, store: ObjectStore, uri: string): Promise<void> {
  const outcome = run.outcomes.get(uri)
  if (outcome?.kind !== 'found') return
  const { info } = outcome
  const cached = run.cache.get(uri, info.generation)
  if (cached !== undefined) {
    run.durations.set(uri, cached)
    return
  }
  if (Date.now() >= run.deadline) {
    run.unprobed.set(uri, 'the time budget ran out')
    return
  }
  const { bucket, name } = splitUri(uri)
  let refused = false
  const read = async (start: number, end: number) => {
    try {
      return await store.read(bucket, name, info.generation, start, Math.min(end, info.size - 1))
    } catch (error) {
      refused ||= statusOf(error) === 403
      throw error
    }
  }
  const result = await probeDuration(read, info.size, containerOf(uri)!)
  run.probeBytes.push(result.bytesRead)
  // Listed but not readable (an object ACL): what the import would meet.
  if (refused) run.outcomes.set(uri, { kind: 'forbidden' })
  if ('seconds' in result) {
    run.durations.set(uri, result.seconds)
    run.cache.set(uri, info.generation, result.seconds)
  } else run.unprobed.set(uri, result.problem)
}

/** Saves the duration cache; a failure is a note, never an error. */
export async function closeStorage(run: StorageRun): Promise<void> {
  try {
    await run.cache.save()
  } catch (error) {
    run.notes.push(`The storage duration cache could not be written: ${(error as Error).message}`)
  }
}
