/**
 * Where `check --output` writes the JSON report: a folder that exists (checked before the run),
 * never a file the run reads (a typo such as `check data/train.csv --output data/train.csv` would
 * replace the manifest with the report), and a write that fails says why in words.
 */
import { realpathSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { fileErrorReason } from './display.js'

/** A report that cannot go where --output asks: exit status 2, the message says why. */
export class OutputError extends Error {}

/** A file the run reads, and how a message names it. */
export interface ReadFile {
  path: string
  role: string
}

/** Before a long run: the folder --output writes into must be there. */
export function checkOutputFolder(path: string): void {
  const folder = dirname(resolve(path))
  let isFolder = false
  try {
    isFolder = statSync(folder).isDirectory()
  } catch {
    // reported below
  }
  if (!isFolder) throw new OutputError(`--output ${path}: the folder ${folder} does not exist`)
}

/** Refuses an --output path that is (or links to) one of `inputs`, absolute paths. */
export function refuseInputAsOutput(output: string, inputs: Iterable<ReadFile>): void {
  const target = canonical(resolve(output))
  for (const input of inputs) {
    if (canonical(input.path) === target) {
      throw new OutputError(
        `--output ${output} would overwrite ${input.role}; write the report to another file`
      )
    }
  }
}

/** The report written where --output asks; a place it cannot go is an error that says why. */
export async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text)
  } catch (error) {
    throw new OutputError(`--output ${path}: cannot write the report (${fileErrorReason(error)})`, {
      cause: error
    })
  }
}

/** The path with links resolved as far as it exists: a new file's folder may itself be a link. */
function canonical(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path))
    } catch {
      return path
    }
  }
}
