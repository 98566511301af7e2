/**
 * Paths named on the command line or in the action's `paths` input, expanded to files. A file that
 * is missing, outside the repository or excluded is refused here; a named folder or glob that
 * gates nothing is refused once the datasets are planned.
 */
import picomatch from 'picomatch'
import { clip } from '../display.js'
import { DEFAULT_MANIFEST_GLOBS, datasetFiles, refusal, type DatasetPlan } from './dataset-plan.js'
import { ALWAYS_EXCLUDED, normalizeRepoPath, type FileSource } from './source.js'

export const GLOB_CHARS = /[*?[\]{}!]/

/** Named paths, expanded: the files they name and the refusals (missing, excluded, empty). */
export interface NamedFiles {
  /** Repository file -> the PATH or glob that named it. */
  files: Map<string, string>
  refusals: DatasetPlan[]
  /** Named entries (folders, globs) -> the files found under them, to tell when one gated nothing. */
  entries: Map<string, string[]>
}

/**
 * Named paths (repository-relative, as the shells give them) to files. A file that is missing,
 * outside the repository or excluded by the configuration is refused here; a folder or glob
 * contributes the manifests under it (the configuration's `exclude` applies to those).
 */
export async function expandPaths(
  source: FileSource,
  paths: string[],
  exclude: string[]
): Promise<NamedFiles> {
  const named: NamedFiles = { files: new Map(), refusals: [], entries: new Map() }
  const isExcluded = picomatch([...ALWAYS_EXCLUDED, ...exclude], { dot: true })
  const links = new Set<string>()
  // A folder or glob's files, and its links (each refused, and counted as found: the entry did
  // not match nothing).
  const addEntry = async (entry: string, globs: string[]): Promise<void> => {
    const matched = await source.list(globs, exclude)
    const refused = await refusedLinks(source, globs, exclude, links)
    named.refusals.push(...refused)
    named.entries.set(entry, [...matched, ...refused.map(plan => plan.name)])
    for (const file of matched) if (!named.files.has(file)) named.files.set(file, entry)
  }
  for (const raw of paths) {
    const path = raw.trim()
    if (path.length === 0) continue
    if (GLOB_CHARS.test(path)) {
      await addEntry(path, [path])
      continue
    }
    const clean = normalizeRepoPath(path.replace(/\/+$/, '') || '.')
    if (clean === null) {
      named.refusals.push(
        refusal(
          path,
          null,
          `"${clip(path)}" is outside the repository; only files inside it are gated.`
        )
      )
      continue
    }
    const info = await source.stat(clean)
    if ('size' in info) {
      if (isExcluded(clean))
        named.refusals.push(
          refusal(
            clean,
            clean,
            `${clean} is excluded by the configuration's exclude: globs, so it was not gated. Remove it from the paths, or from exclude:.`
          )
        )
      else named.files.set(clean, clean)
      continue
    }
    if (!('folder' in info)) {
      named.refusals.push(refusal(clean, clean, `${clean} cannot be gated: ${info.problem}.`))
      continue
    }
    const prefix = clean === '.' ? '' : `${clean}/`
    await addEntry(
      clean,
      DEFAULT_MANIFEST_GLOBS.map(g => prefix + g)
    )
  }
  return named
}

/**
 * The symbolic links `globs` match, each refused as a dataset of its own with the reason the gate
 * does not read it (links are never followed), so that no manifest is passed over in silence.
 * `seen` keeps a link that several globs match to one refusal.
 */
export async function refusedLinks(
  source: FileSource,
  globs: string[],
  exclude: string[],
  seen: Set<string>
): Promise<DatasetPlan[]> {
  const plans: DatasetPlan[] = []
  for (const link of (await source.listLinks?.(globs, exclude)) ?? []) {
    if (seen.has(link)) continue
    seen.add(link)
    const info = await source.stat(link)
    const why = 'problem' in info ? info.problem : 'a symbolic link; links are not followed'
    plans.push(refusal(link, link, `${link} cannot be gated: ${why}. ${LINK_ADVICE}`))
  }
  return plans
}

const LINK_ADVICE =
  "Put the file itself at this path, or leave the link out with the configuration's exclude:."

/**
 * A named folder or glob that gated nothing. An explicit file that was refused already says why;
 * a folder or a glob whose files all became datasets is fine.
 */
export function emptyEntries(named: NamedFiles, datasets: DatasetPlan[]): DatasetPlan[] {
  const gated = new Set<string>()
  for (const plan of datasets) if (!plan.refused) datasetFiles(plan).forEach(f => gated.add(f))
  const plans: DatasetPlan[] = []
  for (const [entry, files] of named.entries) {
    if (files.some(file => gated.has(file))) continue
    if (files.length > 0) continue // each of its files is refused with its own reason
    const glob = GLOB_CHARS.test(entry)
    plans.push(
      refusal(
        entry,
        null,
        glob
          ? `the paths entry "${clip(entry)}" matched no CSV or JSON Lines file, so it gated nothing. Check the glob: it is relative to the repository root.`
          : `the folder "${clip(entry)}" holds no CSV or JSON Lines file, so it gated nothing. Name the manifest files, or the folder that holds them.`,
        glob ? 'warning' : 'error'
      )
    )
  }
  return plans
}
