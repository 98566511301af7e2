/**
 * The one place that talks to Cloud Storage: object metadata, listings by prefix and ranged reads,
 * through the official client (`@google-cloud/storage`) with Application Default Credentials, or
 * the emulator `STORAGE_EMULATOR_HOST` names. The client's own retries are off: `withRetries`
 * retries 408, 429, 5xx, timeouts and dropped connections with backoff, within the run's deadline,
 * so a transient fault changes nothing and a stalled connection cannot hold the run.
 *
 * The client is loaded on first use (a separate chunk of the bundle): a run that verifies nothing
 * does not pay for loading it.
 */
import type { Storage } from '@google-cloud/storage'

export interface ObjectInfo {
  name: string
  size: number
  contentType: string
  generation: string
}

/** A request that failed for good: an HTTP status (404, 403, 400...) or 0 for no answer. */
export class StoreError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
    this.name = 'StoreError'
  }
}

export interface ListPage {
  items: ObjectInfo[]
  next: string | undefined
}

/** What verification needs of Cloud Storage; tests and the emulator see the same calls. */
export interface ObjectStore {
  /** Requests sent, retries included. */
  readonly requests: number
  list(bucket: string, prefix: string, startOffset: string, pageToken?: string): Promise<ListPage>
  stat(bucket: string, name: string): Promise<ObjectInfo>
  /** Bytes `start` to `end` inclusive of one generation of an object. */
  read(
    bucket: string,
    name: string,
    generation: string,
    start: number,
    end: number
  ): Promise<Buffer>
}

export interface StoreOptions {
  /** Milliseconds since the epoch after which no request starts. */
  deadline: number
  /** One request's limit; a stalled connection is abandoned and retried after it. */
  requestTimeoutMs: number
  /** Attempts per request, the first included. */
  attempts: number
  /** The first backoff; each retry doubles it, with jitter. */
  backoffMs: number
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'ESOCKETTIMEDOUT'
])

/** The HTTP status of a client error, 0 when there was no answer (a timeout, a reset). */
export function statusOf(error: unknown): number {
  if (error instanceof StoreError) return error.status
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'number' ? code : 0
}

function retryable(error: unknown): boolean {
  const status = statusOf(error)
  if (status === 408 || status === 429 || status >= 500) return true
  if (status !== 0) return false
  const code = (error as { code?: unknown } | null)?.code
  return typeof code !== 'string' || RETRYABLE_CODES.has(code) || /timed? ?out/i.test(String(error))
}

export class GcsStore implements ObjectStore {
  requests = 0
  private client: Promise<Storage> | null = null

  constructor(private options: StoreOptions) {}

  private storage(): Promise<Storage> {
    this.client ??= import('@google-cloud/storage').then(
      ({ Storage }) =>
        new Storage({
          retryOptions: { autoRetry: false },
          timeout: this.options.requestTimeoutMs
        })
    )
    return this.client
  }

  list(bucket: string, prefix: string, startOffset: string, pageToken?: string): Promise<ListPage> {
    return this.withRetries(async () => {
      const [files, next] = await (await this.storage()).bucket(bucket).getFiles({
        prefix,
        delimiter: '/',
        startOffset,
        maxResults: 1000,
        autoPaginate: false,
        ...(pageToken ? { pageToken } : {})
      })
      const token = (next as { pageToken?: string } | null)?.pageToken
      return { items: files.map(file => infoOf(file.name, file.metadata)), next: token }
    })
  }

  stat(bucket: string, name: string): Promise<ObjectInfo> {
    return this.withRetries(async () => {
      const [metadata] = await (await this.storage()).bucket(bucket).file(name).getMetadata()
      return infoOf(name, metadata)
    })
  }

  read(bucket: string, name: string, generation: string, start: number, end: number) {
    return this.withRetries(async () => {
      const file = (await this.storage())
        .bucket(bucket)
        .file(name, { generation: Number(generation) })
      const [bytes] = await file.download({ start, end, validation: false })
      return bytes
    })
  }

  /** Runs `call` until it succeeds, fails for good, runs out of attempts or of time. */
  private async withRetries<T>(call: () => Promise<T>): Promise<T> {
    const { attempts, backoffMs, deadline, requestTimeoutMs } = this.options
    for (let attempt = 1; ; attempt++) {
      if (Date.now() >= deadline) throw new StoreError(0, 'the time budget ran out')
      this.requests++
      try {
        return await withTimeout(call(), Math.min(requestTimeoutMs, deadline - Date.now()))
      } catch (error) {
        if (!retryable(error) || attempt >= attempts) throw error
        const wait = backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)
        if (Date.now() + wait >= deadline) throw error
        await new Promise(resolve => setTimeout(resolve, wait))
      }
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreError(0, `no answer in ${ms} ms (timed out)`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function infoOf(name: string, metadata: Record<string, unknown>): ObjectInfo {
  return {
    name,
    size: Number(metadata.size ?? 0),
    contentType: typeof metadata.contentType === 'string' ? metadata.contentType : '',
    generation: String(metadata.generation ?? '')
  }
}
