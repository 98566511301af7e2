/**
 * Looks up many objects with few requests. URIs are deduplicated by the caller; here objects are
 * grouped by bucket and folder, and a folder holding two or more of them is listed (1,000 objects
 * per call, from the first name wanted, stopping past the last) instead of asked one by one.
 * Listing stops early when it costs more calls than the objects still unknown; those, and objects
 * alone in their folder, are asked for one by one. Requests run at most `concurrency` at a time.
 */
import { statusOf, type ObjectInfo, type ObjectStore } from './store.js'
import { splitUri, type Outcome } from './outcomes.js'

export interface LookupOptions {
  concurrency: number
  /** Milliseconds since the epoch after which nothing more is asked. */
  deadline: number
}

interface Folder {
  bucket: string
  prefix: string
  /** Object names wanted, sorted. */
  names: string[]
}

/** The outcome of every URI (gs://bucket/object, well formed). */
export async function lookUpObjects(
  store: ObjectStore,
  uris: readonly string[],
  options: LookupOptions
): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>()
  const folders = new Map<string, Folder>()
  for (const uri of uris) {
    const { bucket, name } = splitUri(uri)
    const prefix = name.slice(0, name.lastIndexOf('/') + 1)
    const key = `${bucket}/${prefix}`
    let folder = folders.get(key)
    if (!folder) folders.set(key, (folder = { bucket, prefix, names: [] }))
    folder.names.push(name)
  }
  const single: { bucket: string; name: string }[] = []
  const listed = [...folders.values()].filter(folder => {
    folder.names.sort(byteOrder)
    if (folder.names.length >= 2) return true
    single.push({ bucket: folder.bucket, name: folder.names[0]! })
    return false
  })
  await inParallel(listed, options, async folder => {
    const left = await listFolder(store, folder, outcomes, options.deadline)
    for (const name of left) single.push({ bucket: folder.bucket, name })
  })
  await inParallel(single, options, async ({ bucket, name }) => {
    outcomes.set(`gs://${bucket}/${name}`, await statObject(store, bucket, name, options.deadline))
  })
  return outcomes
}

/** Lists the folder over the wanted names; returns the names still unknown. */
async function listFolder(
  store: ObjectStore,
  folder: Folder,
  outcomes: Map<string, Outcome>,
  deadline: number
): Promise<string[]> {
  const { bucket, prefix, names } = folder
  const last = names[names.length - 1]!
  let next = 0 // names[next..] are not settled yet
  let pages = 0
  let token: string | undefined
  const found = new Map<string, ObjectInfo>()
  while (next < names.length && pages < names.length - next && Date.now() < deadline) {
    let page
    try {
      page = await store.list(bucket, prefix, names[0]!, token)
    } catch (error) {
      const status = statusOf(error)
      if (status === 404 || status === 400) {
        const kind = status === 404 ? 'bucket-missing' : 'invalid-bucket'
        for (const name of names.slice(next)) outcomes.set(`gs://${bucket}/${name}`, { kind })
        return []
      }
      break // 403 (no list permission), or faults: ask one by one
    }
    pages++
    for (const item of page.items) found.set(item.name, item)
    // Every wanted name up to the page's last is now settled: listed, or absent.
    const reached = page.next === undefined ? null : page.items[page.items.length - 1]?.name
    while (next < names.length && (reached === null || byteOrder(names[next]!, reached!) <= 0)) {
      const name = names[next++]!
      const info = found.get(name)
      outcomes.set(`gs://${bucket}/${name}`, info ? { kind: 'found', info } : { kind: 'missing' })
    }
    token = page.next
    if (token === undefined || (reached !== null && byteOrder(reached!, last) >= 0)) break
  }
  return names.slice(next)
}

/**
 * Listings come in the order of the names' UTF-8 bytes, which JavaScript's string order (UTF-16
 * code units) differs from past U+FFFF: settling names in the wrong order would call one missing.
 */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

async function statObject(
  store: ObjectStore,
  bucket: string,
  name: string,
  deadline: number
): Promise<Outcome> {
  if (Date.now() >= deadline) return { kind: 'unverified', reason: 'the time budget ran out' }
  try {
    return { kind: 'found', info: await store.stat(bucket, name) }
  } catch (error) {
    const status = statusOf(error)
    if (status === 404) return { kind: bucketGone(error) ? 'bucket-missing' : 'missing' }
    if (status === 403) return { kind: 'forbidden' }
    if (status === 400) return { kind: 'invalid-bucket' }
    const reason = Date.now() >= deadline ? 'the time budget ran out' : firstLine(error)
    return { kind: 'unverified', reason }
  }
}

function bucketGone(error: unknown): boolean {
  return /bucket does not exist/i.test(String((error as { message?: unknown }).message ?? ''))
}

function firstLine(error: unknown): string {
  const status = statusOf(error)
  const message = String((error as { message?: unknown } | null)?.message ?? error).split('\n')[0]!
  return status ? `HTTP ${status}: ${message}` : message
}

/** Runs `task` over `items`, `options.concurrency` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  options: { concurrency: number },
  task: (item: T) => Promise<void>
): Promise<void> {
  let index = 0
  const worker = async () => {
    while (index < items.length) await task(items[index++]!)
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency, items.length) }, worker))
}
