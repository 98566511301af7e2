/**
 * The CLI's first steps, run before the rest of it loads: cli.ts imports this module first, and
 * a module's imports run in order. When run as the program, it sets up the heap (setUpHeap) and,
 * for `check` with a named file large enough to be read in two parts, starts the thread that will
 * read the second part. A thread takes 50-80 ms to start while the main thread is busy; started
 * here, it starts while the CLI loads, plans and opens the file, and is ready when the first pass
 * begins. When it is not used (the file was not split after all, the run stopped early) it is
 * stopped, and it never keeps the process alive.
 */
import { statSync } from 'node:fs'
import { splitBytes, startEarly, type EarlyThreads } from './gate/part-thread.js'
import { setUpHeap } from './young-generation.js'

/** Run as the program (`node dist/cli.js`, the `dataset-gate` bin), not imported by a test. */
export const invokedAsProgram =
  process.argv[1] !== undefined && /(?:^|[\\/])(cli\.(?:js|ts)|dataset-gate)$/.test(process.argv[1])

export const earlyThreads: EarlyThreads | null = invokedAsProgram ? firstSteps() : null

function firstSteps(): EarlyThreads | null {
  setUpHeap()
  const args = process.argv.slice(2)
  // With a base, the second thread analyzes the base and the head is read in one piece (gate.ts).
  const base = args.some(arg => arg === '--base' || arg.startsWith('--base='))
  return args.includes('check') && !base && namesLargeFile(args) ? startEarly(process.env) : null
}

/** Whether an argument names a file that would be read in two parts (an option's value may too). */
function namesLargeFile(args: string[]): boolean {
  const minBytes = splitBytes(process.env)
  return args.some(arg => {
    if (arg.startsWith('-')) return false
    try {
      const stat = statSync(arg, { throwIfNoEntry: false })
      return stat !== undefined && stat.isFile() && stat.size >= minBytes
    } catch {
      return false // not a path this process may look at: the CLI says so later
    }
  })
}
