/**
 * Which configuration a pull request is judged by. A pull request that edits the gate's own
 * configuration must not relax its own gate, so when the file differs from the base the base's
 * version is used (the edit takes effect once merged). The head's version is still parsed, so a
 * pull request that breaks the file fails with the parse error.
 */
import { ConfigError, parseConfig } from '../config/load.js'
import { defaultConfig, type GateConfig } from '../config/schema.js'
import type { FileSource } from '../read/source.js'

export interface ActionConfig {
  config: GateConfig
  fromBase: boolean
  /** Things the report should say about the configuration (shown in the comment). */
  notes: string[]
}

export interface ActionConfigRequest {
  path: string
  head: FileSource
  /** The PR base, or null on a push or when the base commit could not be read. */
  base: FileSource | null
  /** Whether the PR is known to change the file (from its file list); null when unknown. */
  changedByPullRequest: boolean | null
}

export async function loadActionConfig(request: ActionConfigRequest): Promise<ActionConfig> {
  const { path, head, base } = request
  const headText = await readText(head, path)
  const headConfig = headText === null ? defaultConfig() : parseConfig(headText, path)
  if (base === null) {
    const notes =
      request.changedByPullRequest === true
        ? [
            `This change edits ${path}, but the base could not be read, so the changed configuration was used.`
          ]
        : []
    return { config: headConfig, fromBase: false, notes }
  }
  const baseText = await readText(base, path)
  if (baseText === headText) return { config: headConfig, fromBase: false, notes: [] }
  try {
    const config =
      baseText === null ? defaultConfig() : parseConfig(baseText, `${path} (${base.label})`)
    return { config, fromBase: true, notes: [] }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    // A base that cannot be parsed cannot judge anything; let the change that fixes it be judged by itself.
    return {
      config: headConfig,
      fromBase: false,
      notes: [
        `The base configuration is invalid (${error.message}), so this change's configuration was used.`
      ]
    }
  }
}

/** Far more than any real configuration, and a bound on what is read into memory. */
const MAX_CONFIG_BYTES = 1024 * 1024

/** The file's text, or null when it does not exist; any other problem is a configuration error. */
async function readText(source: FileSource, path: string): Promise<string | null> {
  const info = await source.stat(path)
  if ('problem' in info) {
    if (/does not exist/.test(info.problem)) return null
    throw new ConfigError(`${path} (${source.label}): ${info.problem}`)
  }
  if (info.size > MAX_CONFIG_BYTES) {
    throw new ConfigError(
      `${path} (${source.label}): ${info.size} bytes is too large for a configuration file`
    )
  }
  const chunks: Buffer[] = []
  for await (const chunk of source.open(path)) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}
