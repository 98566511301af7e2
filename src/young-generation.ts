/**
 * How the process's V8 heap is set up for the gate: the main thread's young generation kept at
 * V8's starting size, and, on two cores or fewer, scavenges run by the collecting thread alone
 * (`scavengeAloneOnFewCores`).
 *
 * The main thread's young generation, kept at V8's starting size. Node lets it grow to 32 MB
 * (Node 20) or 64 MB (Node 24) of committed memory while a large file is read, although the
 * gate's short-lived garbage (field text, one row's values) dies long before a small one fills;
 * the workers are started with small limits of their own (gate/part-thread.ts). Measured on the
 * benchmark's files at 1.6 M and 6.4 M rows: 20 to 28 MB less peak memory, no slower.
 *
 * Node has no option for the main thread's heap once it runs, so this sets V8's growth factor
 * with `v8.setFlagsFromString`: V8 reads the factor each time it considers growing the young
 * generation, and at 1 it stays at its first size. The flag is one for the whole process, and in
 * Node 20 every new thread's heap sets it back to at least 2 when it starts, so each worker sets
 * it again as its first step (`keepYoungGenerationSmallInWorker`, told to by an argument). Left
 * alone when the user chose a young-generation flag of their own (NODE_OPTIONS or node's
 * arguments).
 */
import { availableParallelism } from 'node:os'
import { setFlagsFromString } from 'node:v8'

const GROWTH_FLAG = '--semi-space-growth-factor=1'
/** Given to worker threads (appended to their process.argv) when the main thread keeps it. */
export const WORKER_KEEP_ARG = '--dataset-gate-small-young-generation'

let kept = false

/** The shells' (cli.ts run as a program, index.ts) first step: the heap set up as above. */
export function setUpHeap(): void {
  keepYoungGenerationSmall()
  scavengeAloneOnFewCores()
}

/** Part of `setUpHeap`. Returns whether the flag was set. */
export function keepYoungGenerationSmall(
  env: NodeJS.ProcessEnv = process.env,
  execArgv: readonly string[] = process.execArgv,
  setFlags: (flags: string) => void = setFlagsFromString
): boolean {
  kept = !userChose(/semi[-_]space/, env, execArgv)
  if (kept) setFlags(GROWTH_FLAG)
  return kept
}

/** The arguments a worker thread is started with: the flag is set again when the main thread set it. */
export function workerArgv(): string[] {
  return kept ? [WORKER_KEEP_ARG] : []
}

/** A worker's first step: its heap's start has just set the process's factor back to 2. */
export function keepYoungGenerationSmallInWorker(
  argv: readonly string[] = process.argv,
  setFlags: (flags: string) => void = setFlagsFromString
): void {
  if (argv.includes(WORKER_KEEP_ARG)) setFlags(GROWTH_FLAG)
}

const ONE_THREAD_SCAVENGE = '--no-parallel-scavenge'

/**
 * Part of `setUpHeap`: on a machine with at most two cores, a young-generation collection runs on
 * the thread that needs it alone. A large dataset is read by two JavaScript threads at once, so the
 * helper threads a parallel scavenge hands work to find no idle core, and the collecting thread
 * waits for them: measured on 2 cores, the main thread's scavenges took 0.2 to 12 ms each while the
 * worker read (0.26 ms reading alone), and with this flag the benchmark's 1.6 M-row files ran up to
 * 4% faster, more when the machine was busy (no change with one thread). With more cores the
 * helpers have room, and V8's default stays. The flag is one for the process (the workers' heaps
 * read it too) and is read at each scavenge. Left alone when the user chose a parallel- or
 * single-threaded-GC flag of their own. Returns whether the flag was set.
 */
export function scavengeAloneOnFewCores(
  env: NodeJS.ProcessEnv = process.env,
  execArgv: readonly string[] = process.execArgv,
  cores: number = availableParallelism(),
  setFlags: (flags: string) => void = setFlagsFromString
): boolean {
  if (userChose(/parallel[-_]scavenge|single[-_]threaded/, env, execArgv) || cores > 2) return false
  setFlags(ONE_THREAD_SCAVENGE)
  return true
}

/** Whether a flag matching `flag` is among the user's own (NODE_OPTIONS or node's arguments). */
function userChose(flag: RegExp, env: NodeJS.ProcessEnv, execArgv: readonly string[]): boolean {
  return [env.NODE_OPTIONS ?? '', ...execArgv].some(option => flag.test(option))
}
