/**
 * The mechanical repairs of a Vertex JSON Lines object, made in its text so every other byte stays:
 * the `videoGcsUri` scheme and each annotation's `displayName` spelling.
 */
import type { FixedLine } from './row-fields.js'

const STRING = '"((?:[^"\\\\]|\\\\.)*)"'
const DISPLAY_NAME = new RegExp(`("displayName"\\s*:\\s*)${STRING}`, 'g')
const VIDEO_URI = new RegExp(`("videoGcsUri"\\s*:\\s*)${STRING}`)

export function fixJsonLine(line: string, labels: Map<string, string>): FixedLine {
  const changes: FixedLine['changes'] = []
  let fixed = line.replace(VIDEO_URI, (whole, key: string, raw: string) => {
    const uri = decode(raw)
    if (uri === null || !/^gs:\/\//i.test(uri) || uri.startsWith('gs://')) return whole
    const after = 'gs://' + uri.slice(5)
    changes.push({
      rule: 'uri-invalid',
      what: `video ${JSON.stringify(uri)} -> ${JSON.stringify(after)}`
    })
    return key + JSON.stringify(after)
  })
  fixed = fixed.replace(DISPLAY_NAME, (whole, key: string, raw: string) => {
    const label = decode(raw)
    const target = label === null ? undefined : labels.get(label)
    if (label === null || target === undefined || target === label) return whole
    changes.push({
      rule: target === label.trim() ? 'label-invalid' : 'label-variant',
      what: `label ${JSON.stringify(label)} -> ${JSON.stringify(target)}`
    })
    return key + JSON.stringify(target)
  })
  return { line: fixed, changes, values: null }
}

function decode(raw: string): string | null {
  try {
    return JSON.parse(`"${raw}"`) as string
  } catch {
    return null
  }
}
