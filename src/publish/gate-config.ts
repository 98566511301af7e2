/**
 * Which configuration a pull request is judged by. A pull request must not relax its own gate, so
 * on a pull request the configuration is the base commit's, read by content from git (a
 * `GitRevisionSource`: the tree as committed, no symbolic link followed), whatever `compare-base`
 * says and whatever the pull request's file list shows (a pull request can change the file through
 * a link to another folder without the file's own path appearing in the list). An edit takes
 * effect once merged.
 *
 * The head's version is still parsed, so a pull request that breaks the file fails with the parse
 * error. It is read from the working tree, which refuses a link that leads outside the workspace
 * but follows one to another folder inside it; that is harmless, because the head's version only
 * judges when the base's cannot (the base's is invalid, or the base commit cannot be read), and
 * then the report says so.
 */
import { ConfigError, MAX_CONFIG_BYTES, parseConfig } from '../config/load.js'
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
  /** A pull request run: a missing base is then worth a note (the change judged itself). */
  pullRequest: boolean
}

export async function loadActionConfig(request: ActionConfigRequest): Promise<ActionConfig> {
  const { path, head, base } = request
  if (base !== null) return judgedByBase(path, head, base)
  const headText = await readText(head, path)
  const headConfig = headText === null ? defaultConfig() : parseConfig(headText, path)
  const notes = request.pullRequest
    ? [
        `The base commit could not be read, so ${path} was read from this change itself; an edit to it in this change is not caught.`
      ]
    : []
  return { config: headConfig, fromBase: false, notes }
}

/**
 * A pull request with a readable base: the base's configuration judges. The head's is still
 * parsed so a change that breaks it fails; a head file the gate will not read (a link, not a
 * regular file) is only noted, since the base's version is the one used.
 */
async function judgedByBase(
  path: string,
  head: FileSource,
  base: FileSource
): Promise<ActionConfig> {
  const notes: string[] = []
  let headText: string | null = null
  try {
    headText = await readText(head, path)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    notes.push(
      `This change's ${path} was not read (${error.message}); the base's configuration judges it.`
    )
  }
  const headConfig = headText === null ? defaultConfig() : parseConfig(headText, path)
  const baseText = await readText(base, path)
  if (baseText === headText && notes.length === 0)
    return { config: headConfig, fromBase: false, notes }
  try {
    const config =
      baseText === null ? defaultConfig() : parseConfig(baseText, `${path} (${base.label})`)
    return { config, fromBase: true, notes }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    // A base that cannot be parsed cannot judge anything; let the change that fixes it be judged by itself.
    return {
      config: headConfig,
      fromBase: false,
      notes: [
        ...notes,
        `The base configuration is invalid (${error.message}), so this change's configuration was used.`
      ]
    }
  }
}

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
