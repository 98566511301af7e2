/**
 * What was learned about one object, and the words for it. Pure: verify.ts produces outcomes,
 * gate/verify-uris.ts turns them into `uri-missing` findings at each URI's first row.
 */
import { formatCount } from '../display.js'
import type { ObjectInfo } from './store.js'

/** The largest video AutoML / Vertex AI video datasets import (docs: 50 GB). */
export const MAX_VIDEO_BYTES = 50 * 1000 * 1000 * 1000

export type Outcome =
  | { kind: 'found'; info: ObjectInfo }
  | { kind: 'missing' }
  | { kind: 'bucket-missing' }
  | { kind: 'forbidden' }
  | { kind: 'invalid-bucket' }
  /** Not answered: the time budget ran out, or the faults outlasted the retries. */
  | { kind: 'unverified'; reason: string }

export interface ObjectProblem {
  /** Stable part of the fingerprint. */
  kind: string
  severity: 'error' | 'warning'
  message: string
}

/** The problem with an object, or null when it can be imported. */
export function objectProblem(uri: string, bucket: string, outcome: Outcome): ObjectProblem | null {
  switch (outcome.kind) {
    case 'missing':
      return error('missing', `${uri} does not exist (404). Upload the video, or fix the URI.`)
    case 'bucket-missing':
      return error(
        'bucket-missing',
        `${uri}: the bucket "${bucket}" does not exist (404). Fix the bucket name in the URI.`
      )
    case 'forbidden':
      return error(
        'forbidden',
        `${uri}: access denied for this identity (403). The import's service agent needs roles/storage.objectViewer on the bucket "${bucket}", and so does the identity the gate runs as.`
      )
    case 'invalid-bucket':
      return error('invalid-bucket', `${uri}: "${bucket}" is not a valid bucket name (400).`)
    case 'unverified':
      return null
    case 'found':
      return foundProblem(uri, outcome.info)
  }
}

function foundProblem(uri: string, info: ObjectInfo): ObjectProblem | null {
  if (info.size === 0)
    return error(
      'empty',
      `${uri} is empty (0 bytes); the import cannot read a video from it. Upload the video again.`
    )
  if (info.size > MAX_VIDEO_BYTES)
    return error(
      'too-large',
      `${uri} is ${formatCount(info.size)} bytes, over the 50 GB limit for one video in AutoML and Vertex AI video datasets. Split or re-encode it.`
    )
  const type = info.contentType.split(';')[0]!.trim().toLowerCase()
  if (type === '' || type === 'application/octet-stream') return null
  if (!type.startsWith('video/'))
    return error(
      'content-type',
      `${uri} has the content type "${type}", not a video. Check that the object is the video, or fix its Content-Type metadata.`
    )
  return null
}

function error(kind: string, message: string): ObjectProblem {
  return { kind, severity: 'error', message }
}

/** The bucket and object of a gs:// URI already known to be well formed. */
export function splitUri(uri: string): { bucket: string; name: string } {
  const rest = uri.slice(5)
  const slash = rest.indexOf('/')
  return { bucket: rest.slice(0, slash), name: rest.slice(slash + 1) }
}
