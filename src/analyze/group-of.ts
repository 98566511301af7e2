/**
 * A video's source group under the dataset's `group-pattern`: the capture named "group", else the
 * first capture, else the whole match; null when the pattern does not match the video key.
 */
import type { RE2JS } from 're2js'

export function groupOf(pattern: RE2JS, key: string): string | null {
  const matcher = pattern.matcher(key)
  if (!matcher.find()) return null
  try {
    const named = matcher.group('group')
    if (named !== null && named !== undefined) return named
  } catch {
    // no group named "group": use the first capture
  }
  return pattern.groupCount() >= 1 ? (matcher.group(1) ?? null) : matcher.group(0)
}
