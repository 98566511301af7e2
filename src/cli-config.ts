/**
 * The configuration file of a CLI run (`check`, `fix`, `resplit` alike): `--config` relative to the
 * working folder, else `.github/dataset-gate.yml` at the repository root when it exists.
 */
import { existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseConfig, readConfigFile } from './config/load.js'
import { defaultConfig, type GateConfig } from './config/schema.js'

const DEFAULT_CONFIG = '.github/dataset-gate.yml'

/** The configuration file's absolute path, or null when there is none (the defaults apply). */
export function configFile(path: string | undefined, root: string): string | null {
  if (path !== undefined) return resolve(path)
  const atRoot = join(root, DEFAULT_CONFIG)
  return existsSync(atRoot) ? atRoot : null
}

export function loadConfig(path: string | undefined, root: string): GateConfig {
  const file = configFile(path, root)
  if (file === null) return defaultConfig()
  // Messages name the file as the user would type it from here.
  const shown = path ?? (relative(process.cwd(), file) || DEFAULT_CONFIG)
  return parseConfig(readConfigFile(file, shown), shown)
}
