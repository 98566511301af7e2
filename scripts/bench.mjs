// The performance benchmark (`npm run bench`).
//
// Generates seeded Vertex AI CSVs (scripts/bench-generate.mjs) in three shapes, at 1/16, 1 and 4 times
// 1.6 million rows, into bench-data/:
//   current     400 skewed classes, ~60,000 videos per 1.6 M rows, rows of 64 videos interleaved,
//               one label per segment, almost no findings
//   ava         AVA-like: rows grouped by video, 20-30 overlapping multi-label segments per video,
//               10% ML_USE validation rows (a warning each), 0.05% leaking rows, 0.1% inverted
//               segments: about 160,000 findings per 1.6 M rows
//   repeated    a current-shape file of half the rows written twice: a duplicate-row finding per
//               row of the second half
// then, for each shape and size, runs in alternation, each as a fresh child process under the same
// conditions:
//   gate        the bundled CLI: check FILE --format json --output /dev/null --fail-on never
//               (every rule at its defaults; no network)
//   gate-1t     the same with DATASET_GATE_THREADS=1 (no worker thread)
//   csv-parse   a bare csv-parse streaming pass that only counts records (scripts/bench-csv-parse.mjs)
//   pandas      read_csv + groupby counts (scripts/bench-pandas.py), when a python3 has pandas
//               (env BENCH_PYTHON, else python3, else /usr/bin/python3: Debian's python3-pandas)
//   fix, resplit  the repair commands as dry runs (JSON), at 1.6 M rows of current and ava only
// Wall time is measured here; peak RSS (and CPU time) come from the OS: /usr/bin/time, else
// wait4() through python3, else polling /proc (which can miss a short peak).
// It also times the cold start of `node dist/cli.js check examples/automl` and reports the bundle
// sizes, checks the targets, writes bench-data/results.json and prints a Markdown section for the
// README (`--readme` writes it between the README's benchmark markers).
//
// Usage: node scripts/bench.mjs [--quick] [--runs N] [--runs-large N] [--sizes 100k,1600k,6400k]
//                               [--shapes current,ava,repeated] [--dist DIR] [--readme]
//   --quick       sizes 100k and 1600k, one run each, three cold starts
//   --runs N      runs per tool for sizes up to 1.6 M rows (default 5; env BENCH_RUNS)
//   --runs-large  runs per tool above 1.6 M rows (default 3; env BENCH_RUNS_LARGE)
//   --sizes       which sizes (env BENCH_SIZES)
//   --shapes      which shapes (env BENCH_SHAPES; default all three)
//   --dist DIR    use an existing build (e.g. dist) instead of building into bench-data/dist
//   --readme      also write the Markdown between the README's benchmark markers
// Env BENCH_METER=wait4|proc forces a fallback way of measuring peak RSS.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { cpus, freemem, loadavg, totalmem, availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { parseArgs } from 'node:util'
import { GENERATOR_VERSION, SHAPES } from './bench-generate.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DATA = join(ROOT, 'bench-data')
const SIZES = { '100k': 100_000, '1600k': 1_600_000, '6400k': 6_400_000 }
const SEED = 20261125

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'runs-large': { type: 'string' },
    sizes: { type: 'string' },
    shapes: { type: 'string' },
    dist: { type: 'string' },
    readme: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false }
  }
})
if (args.help) {
  const head = readFileSync(new URL(import.meta.url), 'utf8').split('\n')
  process.stdout.write(
    head
      .slice(
        0,
        head.findIndex(l => l.startsWith('import'))
      )
      .map(l => l.replace(/^\/\/ ?/, ''))
      .join('\n') + '\n'
  )
  process.exit(0)
}
const quick = args.quick
const runsSmall = Number(args.runs ?? process.env.BENCH_RUNS ?? (quick ? 1 : 5))
const runsLarge = Number(args['runs-large'] ?? process.env.BENCH_RUNS_LARGE ?? (quick ? 1 : 3))
const sizeNames = (
  args.sizes ??
  process.env.BENCH_SIZES ??
  (quick ? '100k,1600k' : '100k,1600k,6400k')
)
  .split(',')
  .map(s => s.trim())
  .filter(Boolean)
for (const name of sizeNames) if (!(name in SIZES)) fail(`unknown size ${name}`)
const shapeNames = (args.shapes ?? process.env.BENCH_SHAPES ?? SHAPES.join(','))
  .split(',')
  .map(s => s.trim())
  .filter(Boolean)
for (const shape of shapeNames) if (!SHAPES.includes(shape)) fail(`unknown shape ${shape}`)

const log = message => process.stderr.write(message + '\n')
function fail(message) {
  process.stderr.write(`bench: ${message}\n`)
  process.exit(1)
}

// Children run without inherited NODE_OPTIONS, so every tool gets the same plain `node`.
const childEnv = { ...process.env }
delete childEnv.NODE_OPTIONS

mkdirSync(DATA, { recursive: true })

// ---- how peak RSS is measured --------------------------------------------------------------
const TIME = ['/usr/bin/time', '/bin/time'].find(
  path => existsSync(path) && spawnSync(path, ['-f', '%M', 'true']).status === 0
)
const PYTHON =
  [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3']
    .filter(Boolean)
    .find(candidate => spawnSync(candidate, ['-c', 'import pandas']).status === 0) ?? 'python3'
const python = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' })
const hasPython = python.status === 0
// BENCH_METER=wait4|proc forces a fallback (to check that it works).
const meter = process.env.BENCH_METER ?? (TIME ? 'time' : hasPython ? 'wait4' : 'proc')
if (!['time', 'wait4', 'proc'].includes(meter) || (meter === 'time' && !TIME))
  fail(`cannot measure with "${meter}"`)
// The child's own wall time is measured here too: Python's start-up must not count.
const WAIT4 = `import os, sys, json, time
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - started
json.dump({"rss_kb": usage.ru_maxrss, "user": usage.ru_utime, "sys": usage.ru_stime, "wall": wall,
           "code": os.waitstatus_to_exitcode(status)}, open(sys.argv[1], "w"))
sys.exit(0)`

/** Runs a command as a child; returns wall seconds, peak RSS (MB), CPU seconds, exit code, stdout. */
async function measure(command, commandArgs, { cwd = ROOT, stdoutFile, env = {} } = {}) {
  const usageFile = join(tmpdir(), `dataset-gate-bench-${process.pid}.usage`)
  rmSync(usageFile, { force: true })
  let argv
  if (meter === 'time') argv = [TIME, '-f', '%M %U %S %x', '-o', usageFile, command, ...commandArgs]
  else if (meter === 'wait4') argv = [PYTHON, '-c', WAIT4, usageFile, command, ...commandArgs]
  else argv = [command, ...commandArgs]
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'pipe'
  const started = process.hrtime.bigint()
  const child = spawn(argv[0], argv.slice(1), {
    cwd,
    env: { ...childEnv, ...env },
    stdio: ['ignore', out, 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  let polledKb = 0
  let poll = null
  if (meter === 'proc') {
    poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        const hwm = /VmHWM:\s+(\d+)/.exec(status)
        if (hwm) polledKb = Math.max(polledKb, Number(hwm[1]))
      } catch {
        // the child has exited
      }
    }, 10)
  }
  const code = await new Promise(done => child.on('close', c => done(c)))
  let wall = Number(process.hrtime.bigint() - started) / 1e9
  if (poll) clearInterval(poll)
  if (typeof out === 'number') closeSync(out)
  let rssMb = polledKb / 1024
  let cpu = null
  let exit = code
  if (meter === 'time') {
    const [kb, user, sys, status] = readFileSync(usageFile, 'utf8')
      .trim()
      .split('\n')
      .pop()
      .split(' ')
    rssMb = Number(kb) / 1024
    cpu = Number(user) + Number(sys)
    exit = Number(status)
  } else if (meter === 'wait4') {
    const usage = JSON.parse(readFileSync(usageFile, 'utf8'))
    rssMb = usage.rss_kb / 1024
    cpu = usage.user + usage.sys
    wall = usage.wall
    exit = usage.code
  }
  rmSync(usageFile, { force: true })
  return { wall, rssMb, cpu, exit, stdout, stderr }
}

// ---- environment ---------------------------------------------------------------------------
function machine() {
  const lscpu = spawnSync('lscpu', [], { encoding: 'utf8' })
  const model = /Model name:\s*(.+)/.exec(lscpu.stdout ?? '')?.[1]?.trim() ?? cpus()[0]?.model
  const pandas = hasPython
    ? spawnSync(PYTHON, ['-c', 'import pandas; print(pandas.__version__)'], {
        encoding: 'utf8'
      })
    : null
  const csvParse = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/csv-parse/package.json'), 'utf8')
  ).version
  return {
    cpu: model ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    freeMemoryGb: Math.round(freemem() / 2 ** 30),
    loadAverage: loadavg().map(l => Math.round(l * 100) / 100),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    csvParse,
    python: hasPython ? python.stdout.trim() || python.stderr.trim() : null,
    pandas: pandas && pandas.status === 0 ? pandas.stdout.trim() : null,
    rssFrom:
      meter === 'time'
        ? `${TIME} (max RSS of the child)`
        : meter === 'wait4'
          ? 'wait4() rusage via python3'
          : '/proc VmHWM polling every 10 ms (may miss a short peak)'
  }
}

// ---- data ------------------------------------------------------------------------------------
/** The file of a shape and size (the current shape keeps its old name, vertex-SIZE.csv). */
const fileName = (shape, name) => `${shape === 'current' ? 'vertex' : shape}-${name}.csv`

function ensureData(shape, name) {
  const rows = SIZES[name]
  const file = join(DATA, fileName(shape, name))
  const metaFile = file.replace(/\.csv$/, '.json')
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'))
    if (
      meta.rows === rows &&
      meta.seed === SEED &&
      meta.generator === GENERATOR_VERSION &&
      meta.shape === shape &&
      meta.bytes === statSync(file).size
    )
      return { file, ...meta }
  }
  log(`generating ${shape} ${name} rows (seed ${SEED}) ...`)
  const output = execFileSync(
    process.execPath,
    [join(ROOT, 'scripts/bench-generate.mjs'), String(rows), file, String(SEED), '--shape', shape],
    { encoding: 'utf8' }
  )
  const meta = { ...JSON.parse(output), bytes: statSync(file).size }
  if (meta.rows !== rows) fail(`generator wrote ${meta.rows} rows, not ${rows}`)
  writeFileSync(metaFile, JSON.stringify(meta) + '\n')
  return { file, ...meta }
}

// ---- the bundle ------------------------------------------------------------------------------
function bundleDir() {
  if (args.dist) {
    const dir = resolve(ROOT, args.dist)
    if (!existsSync(join(dir, 'cli.js'))) fail(`${dir}/cli.js does not exist; build it first`)
    return dir
  }
  const dir = join(DATA, 'dist')
  log('building the bundle into bench-data/dist (node scripts/build.mjs) ...')
  const started = Date.now()
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), dir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return dir
}

function bundleSizes(dir) {
  const sizes = {}
  for (const name of ['cli.js', 'index.js', 'worker.js', 'base-worker.js', 'floor-worker.js']) {
    const path = join(dir, name)
    if (!existsSync(path)) continue
    const bytes = readFileSync(path)
    sizes[name] = { bytes: bytes.length, gzipBytes: gzipSync(bytes).length }
  }
  return sizes
}

// ---- statistics ------------------------------------------------------------------------------
function median(values) {
  const sorted = values.filter(v => v !== null && Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

// ---- the run ---------------------------------------------------------------------------------
const info = machine()
log(
  `machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB, node ${info.node}, load ${info.loadAverage.join(' ')}`
)
log(`peak RSS from: ${info.rssFrom}`)
if (!info.pandas)
  log(
    hasPython
      ? 'pandas is not available (python3 cannot import pandas): the pandas column is skipped.'
      : 'pandas is not available (no python3): the pandas column is skipped.'
  )
const dist = bundleDir()
const cli = join(dist, 'cli.js')
const cases = shapeNames.flatMap(shape =>
  sizeNames.map(size => ({ shape, size, dataset: ensureData(shape, size) }))
)

/** The bundled CLI: the full gate, every rule at its defaults, a JSON report. */
function gateTool(id, label, env) {
  return {
    id,
    label,
    // Run from bench-data so no repository configuration applies: every rule at its default.
    command: file => [
      process.execPath,
      [cli, 'check', file, '--format', 'json', '--output', '/dev/null', '--fail-on', 'never'],
      { cwd: DATA, env }
    ],
    check: (result, dataset, reportFile) => {
      const report = JSON.parse(readFileSync(reportFile, 'utf8'))
      const segments = report.datasets?.[0]?.metrics?.totalSegments
      if (result.exit !== 0 || segments !== dataset.rows)
        return `exit ${result.exit}, ${segments} segments for ${dataset.rows} rows: ${result.stderr.trim()}`
      return null
    }
  }
}

const tools = [
  gateTool('gate', 'dataset-gate (full gate)', {}),
  // The same gate in the main thread only: what the worker thread adds, in the same run.
  gateTool('gate-1t', 'dataset-gate, one thread', { DATASET_GATE_THREADS: '1' }),
  {
    id: 'csv-parse',
    label: 'bare csv-parse pass',
    command: file => [
      process.execPath,
      [join(ROOT, 'scripts/bench-csv-parse.mjs'), file],
      { cwd: DATA }
    ],
    check: (result, dataset, out) => {
      const count = Number(readFileSync(out, 'utf8').trim())
      return result.exit === 0 && count === dataset.rows
        ? null
        : `exit ${result.exit}, ${count} records: ${result.stderr.trim()}`
    }
  }
]
if (info.pandas) {
  tools.push({
    id: 'pandas',
    label: `pandas ${info.pandas} (read_csv + groupby)`,
    command: file => [PYTHON, [join(ROOT, 'scripts/bench-pandas.py'), file], { cwd: DATA }],
    check: (result, dataset, out) => {
      const count = Number(readFileSync(out, 'utf8').trim())
      return result.exit === 0 && count === dataset.rows
        ? null
        : `exit ${result.exit}, ${count} rows: ${result.stderr.trim()}`
    }
  })
}

/**
 * The repair commands, dry runs with a JSON answer, at 1.6 M rows only: what `fix` and `resplit`
 * cost next to the gate on the same file (the action works out both on pull requests).
 */
function repairTool(id, label) {
  return {
    id,
    label,
    only: '1600k',
    // A repeated file's fix would list a repair per row of its second half.
    shapes: ['current', 'ava'],
    command: file => [process.execPath, [cli, id, file, '--format', 'json'], { cwd: DATA }],
    check: (result, dataset, out) => {
      let answer = null
      try {
        answer = JSON.parse(readFileSync(out, 'utf8'))
      } catch {
        // reported below
      }
      // resplit exits 1 when no assignment meets every constraint: still a full run.
      const ran = result.exit === 0 || (id === 'resplit' && result.exit === 1)
      return ran && answer ? null : `exit ${result.exit}: ${result.stderr.trim()}`
    }
  }
}
tools.push(repairTool('fix', 'dataset-gate fix (dry run)'))
tools.push(repairTool('resplit', 'dataset-gate resplit (dry run)'))

const results = []
for (const { shape, size: name, dataset } of cases) {
  const runs = dataset.rows > 1_600_000 ? runsLarge : runsSmall
  const active = tools.filter(
    tool => (!tool.only || tool.only === name) && (!tool.shapes || tool.shapes.includes(shape))
  )
  const samples = Object.fromEntries(active.map(t => [t.id, []]))
  for (let run = 0; run < runs; run++) {
    // Alternate, and rotate who goes first, so drifting machine load hits every tool alike.
    const order = active.map((_, i) => active[(i + run) % active.length])
    for (const tool of order) {
      const [command, commandArgs, options] = tool.command(fileName(shape, name))
      const out = join(DATA, `out-${tool.id}-${shape}-${name}.txt`)
      const result = await measure(command, commandArgs, { ...options, stdoutFile: out })
      const problem = tool.check(result, dataset, out)
      if (problem) fail(`${tool.id} on ${name}: ${problem}`)
      samples[tool.id].push(result)
      log(
        `  ${shape.padStart(7)} ${name.padStart(5)} run ${run + 1}/${runs} ${tool.id.padEnd(9)} ${result.wall.toFixed(2)} s  ${result.rssMb.toFixed(0)} MB`
      )
    }
  }
  for (const tool of active) {
    const list = samples[tool.id]
    results.push({
      shape,
      size: name,
      rows: dataset.rows,
      bytes: dataset.bytes,
      videos: dataset.videos,
      tool: tool.id,
      label: tool.label,
      runs: list.length,
      wallSeconds: median(list.map(r => r.wall)),
      cpuSeconds: median(list.map(r => r.cpu)),
      peakRssMb: median(list.map(r => r.rssMb)),
      maxPeakRssMb: Math.max(...list.map(r => r.rssMb)),
      samples: list.map(r => ({
        wall: round(r.wall, 3),
        rssMb: round(r.rssMb, 1),
        cpu: r.cpu === null ? null : round(r.cpu, 2)
      }))
    })
  }
}

// Cold start: the bundle loads and gates the small example dataset (from the repository root).
const coldRuns = quick ? 3 : 7
const cold = []
for (let i = 0; i < coldRuns; i++) {
  const result = await measure(process.execPath, [cli, 'check', 'examples/automl'], { cwd: ROOT })
  if (result.exit !== 0 && result.exit !== 1)
    fail(`cold start: exit ${result.exit}: ${result.stderr.trim()}`)
  cold.push(result)
}
// For scale: Node itself, starting and doing nothing.
const bare = []
for (let i = 0; i < coldRuns; i++) bare.push(await measure(process.execPath, ['-e', '0']))
const coldStart = {
  runs: coldRuns,
  wallSeconds: median(cold.map(r => r.wall)),
  peakRssMb: median(cold.map(r => r.rssMb)),
  bareNodeSeconds: median(bare.map(r => r.wall))
}
const bundle = bundleSizes(dist)

/** How the gate keeps up, for the README section (edit here, not in the README). */
const HOW = `
How it keeps up: files are read in 512 KiB chunks into reused buffers (fresh buffers would pile up
outside the heap), the next chunk while the current one is parsed where a core is free for the read
(on two cores each chunk is read when it is needed: both cores are already parsing), ASCII chunks skip UTF-8 decoding, and lines are cut into fields straight from
the chunk (simple quoted fields included; csv-parse takes over for anything harder, such as a
quoted line break). URI, label, split-value and key checks run once per distinct value, not per
row, and a row's video spelling is compared with the previous row's, then with a cache of the
videos seen last (1,024 slots), before any lookup; video keys are kept as bytes in 64 KiB blocks,
not as JavaScript strings. A finding past the per-rule cap is only counted: its words are
never built (with a base to compare, its hashed identity is kept). Per-row state is 6 bytes in
typed arrays (a 32-bit row hash and a 16-bit video tag, line numbers stored as runs), and past the
first 262,144 rows of each thread it is written to a temporary file rather than kept in memory,
then read back in order for the duplicate search; rows whose
hashes collide are re-read and compared field by field, so \`duplicate-row\` is exact. Those rows
are grouped in typed columns too (a row's line and group, a group's identity), which is what a
file repeated whole costs: in the **repeated** rows every row is such a candidate. The main
thread's young generation is kept at V8's first size (Node grows it to 32 or 64 MB while a large
file is read, for garbage that dies long before a few megabytes fill). The
segment-level multi-label facts of a video are measured as its rows go by, in one sorted pass over
its segments, when its rows are close together: grouped by video, or interleaved with up to a few
hundred other videos' (the segments of the 256 videos seen last are kept, 65,536 at most); only the
videos whose rows are farther apart are read again, into storage sized by the first pass's count. The second pass reads only the stretches of a
file that hold the lines it needs (a few duplicate candidates), through one opening of the file,
starting at record boundaries the first pass noted about every 16 KiB (a stretch is then about
32 KiB per line needed), unless they cover most of the file. A dataset of 16 MiB or more is read by two
threads: the main thread reads up to a line break at 52% of its bytes while a worker, started by
the CLI before it loads the rest of itself, reads the rest (counting lines from its start), and
takes the worker's counts, findings and row hashes in order where its own reading reaches that
point (the worker's typed arrays, its video keys' blocks and its spilled row hashes are moved,
not copied, and it frees its own tables before it posts them),
so the report is the one reading gives, byte for byte; from 256 MiB on, the main thread then
collects its heap once, freeing the copy of the worker's part before the second pass allocates;
the split distances' noise floors are computed in a worker (started, below 256 MiB, where the
first of the two readings ends)
while the main thread reads the second pass. The one-thread
rows show what the second thread adds: both threads slow each other down on this machine, each
reading at about 70% of its speed alone, and the worker's own memory is in the peak RSS. Timings
on this shared 2-core VM vary from run to run, so compare the ratios within one run.
`

// ---- report ----------------------------------------------------------------------------------
function round(value, digits) {
  return value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits
}
const find = (shape, size, tool) =>
  results.find(r => r.shape === shape && r.size === size && r.tool === tool)
for (const r of results) {
  const base = find(r.shape, r.size, 'csv-parse')
  const pandas = find(r.shape, r.size, 'pandas')
  r.rowsPerSecond = Math.round(r.rows / r.wallSeconds)
  r.ratioToCsvParse = round(r.wallSeconds / base.wallSeconds, 2)
  r.ratioToPandas = pandas ? round(r.wallSeconds / pandas.wallSeconds, 2) : null
  r.cpuRatioToCsvParse =
    r.cpuSeconds !== null && base.cpuSeconds ? round(r.cpuSeconds / base.cpuSeconds, 2) : null
}
/** Scaling from 1.6 M to 6.4 M rows, per shape. */
const scaling = {}
for (const shape of shapeNames) {
  const g16 = find(shape, '1600k', 'gate')
  const g64 = find(shape, '6400k', 'gate')
  if (!g16 || !g64) continue
  scaling[shape] = {
    gateTime: round(g64.wallSeconds / g16.wallSeconds, 2),
    gateCpu: g16.cpuSeconds ? round(g64.cpuSeconds / g16.cpuSeconds, 2) : null,
    gateRss: round(g64.peakRssMb / g16.peakRssMb, 2),
    csvParseTime: round(
      find(shape, '6400k', 'csv-parse').wallSeconds / find(shape, '1600k', 'csv-parse').wallSeconds,
      2
    )
  }
}
// The targets of issue 16: [shape, size, gate vs csv-parse, gate vs pandas, peak RSS MB].
const TARGETS = [
  ['current', '1600k', 0.5, 0.8, 150],
  ['ava', '1600k', 0.6, 1.0, 160],
  ['ava', '6400k', 0.6, 1.0, 210]
]
const targets = []
const target = (name, value, ok) => targets.push({ name, value, met: ok })
for (const [shape, size, toCsvParse, toPandas, rss] of TARGETS) {
  const gate = find(shape, size, 'gate')
  if (!gate) continue
  const rows = `${shape}, ${(SIZES[size] / 1e6).toFixed(1)} M rows`
  target(
    `gate wall time <= ${toCsvParse}x the bare csv-parse pass (${rows})`,
    `${gate.ratioToCsvParse}x`,
    gate.ratioToCsvParse <= toCsvParse
  )
  if (gate.ratioToPandas !== null)
    target(
      `gate wall time <= ${toPandas}x pandas read_csv + groupby (${rows})`,
      `${gate.ratioToPandas}x`,
      gate.ratioToPandas <= toPandas
    )
  target(
    `gate peak RSS <= ${rss} MB (${rows})`,
    `${round(gate.peakRssMb, 0)} MB`,
    gate.peakRssMb <= rss
  )
}
for (const [shape, s] of Object.entries(scaling)) {
  target(`gate peak RSS 6.4 M / 1.6 M <= 1.3x (${shape})`, `${s.gateRss}x`, s.gateRss <= 1.3)
  target(`gate time 6.4 M / 1.6 M <= 4.4x (${shape})`, `${s.gateTime}x`, s.gateTime <= 4.4)
}
target(
  'cold start (check examples/automl) well under 1 s (< 0.5 s)',
  `${round(coldStart.wallSeconds, 2)} s`,
  coldStart.wallSeconds < 0.5
)

const output = {
  date: new Date().toISOString(),
  machine: info,
  options: { runsSmall, runsLarge, sizes: sizeNames, shapes: shapeNames, seed: SEED, dist },
  results,
  scaling,
  coldStart,
  bundle,
  targets
}
writeFileSync(join(DATA, 'results.json'), JSON.stringify(output, null, 2) + '\n')

const mb = bytes => `${(bytes / 1e6).toFixed(2)} MB`
const lines = []
lines.push(
  '`npm run bench` generates seeded Vertex AI CSV files (`scripts/bench-generate.mjs`) in two shapes:',
  '**current** (400 skewed classes, about 60,000 videos per 1.6 million rows, rows of 64 videos',
  'interleaved, one label per segment, almost no findings) and **ava** (shaped like AVA: rows grouped',
  'by video, 20 to 30 overlapping segments per video with 2 to 5 labels, 10% ML_USE `validation`',
  'rows that Vertex AI rejects as a warning each, 0.05% leaking rows, 0.1% inverted segments: about',
  '160,000 findings per 1.6 million rows) and **repeated** (a current-shape file of half the rows',
  'written twice, as a manifest appended to itself: a duplicate-row finding per row of its second',
  'half), at 1/16, 1 and 4 times 1.6 million rows. For each file it',
  'runs, alternating and each in a fresh process: the bundled CLI with every rule at its defaults',
  'and a JSON report (`dist/cli.js check FILE --format json --output /dev/null --fail-on never`),',
  'and the same with `DATASET_GATE_THREADS=1` (the main thread only);',
  'the baseline, a bare `csv-parse` streaming pass that only counts records',
  '(`scripts/bench-csv-parse.mjs`); pandas (`read_csv` + `groupby`, `scripts/bench-pandas.py`)',
  'when a Python has it (the table says so when none has); and, at 1.6 million rows, the repair',
  'commands as dry runs with a JSON answer (`fix FILE --format json`, `resplit FILE --format json`).',
  'Results go to `bench-data/results.json`;',
  '`--quick` runs a smaller set and `--readme` rewrites this section.',
  ''
)
lines.push(
  `Measured ${output.date.slice(0, 10)} on ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB RAM, ` +
    `${info.platform}, Node ${info.node}, csv-parse ${info.csvParse}` +
    (info.pandas ? `, ${info.python}, pandas ${info.pandas}` : ', pandas not available') +
    `; load average at the start ${info.loadAverage.join(' ')}. Medians of ${runsSmall} alternating runs ` +
    `(${runsLarge} at 6.4 M rows), each a fresh process; peak RSS from ${info.rssFrom}.`
)
lines.push('')
lines.push(
  '| shape | rows | tool | median wall | rows/s | CPU (user+sys) | peak RSS | vs csv-parse | vs pandas |'
)
lines.push('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const r of results) {
  lines.push(
    `| ${r.shape} | ${r.rows.toLocaleString('en-US')} (${(r.bytes / 1e6).toFixed(0)} MB) | ${r.label} | ${r.wallSeconds.toFixed(2)} s | ` +
      `${r.rowsPerSecond.toLocaleString('en-US')} | ${r.cpuSeconds === null ? 'n/a' : r.cpuSeconds.toFixed(2) + ' s'} | ` +
      `${r.peakRssMb.toFixed(0)} MB | ${r.ratioToCsvParse.toFixed(2)}x | ${r.ratioToPandas === null ? 'n/a' : r.ratioToPandas.toFixed(2) + 'x'} |`
  )
}
if (!info.pandas) lines.push('', 'pandas: not available on this machine (the column is skipped).')
lines.push('')
for (const [shape, s] of Object.entries(scaling))
  lines.push(
    `Scaling 1.6 M to 6.4 M rows (4x), ${shape}: gate time ${s.gateTime}x (CPU ${s.gateCpu}x, csv-parse ${s.csvParseTime}x), gate peak RSS ${s.gateRss}x.`
  )
for (const size of sizeNames) {
  const repeated = find('repeated', size, 'gate')
  const current = find('current', size, 'gate')
  if (!repeated || !current) continue
  lines.push(
    `Findings as many as rows (repeated vs current, ${(SIZES[size] / 1e6).toFixed(1)} M rows, ` +
      `${repeated.rows / 2} duplicate-row findings against a few): gate time ` +
      `${round(repeated.wallSeconds / current.wallSeconds, 2)}x, peak RSS ` +
      `${round(repeated.peakRssMb / current.peakRssMb, 2)}x.`
  )
}
for (const shape of shapeNames) {
  const gate = find(shape, '1600k', 'gate')
  const repairs = ['fix', 'resplit'].map(id => find(shape, '1600k', id)).filter(Boolean)
  if (!gate || repairs.length === 0) continue
  lines.push(
    `Repairs, ${shape}, 1.6 M rows: ` +
      repairs
        .map(
          r =>
            `\`${r.tool}\` ${round(r.wallSeconds / gate.wallSeconds, 1)}x the gate's time and ${r.peakRssMb.toFixed(0)} MB`
        )
        .join(', ') +
      ` (the gate: ${gate.wallSeconds.toFixed(2)} s, ${gate.peakRssMb.toFixed(0)} MB).`
  )
}
lines.push(
  `Cold start (\`node dist/cli.js check examples/automl\`, median of ${coldRuns}): ${coldStart.wallSeconds.toFixed(2)} s, ${coldStart.peakRssMb.toFixed(0)} MB ` +
    `(\`node -e 0\` alone: ${coldStart.bareNodeSeconds.toFixed(2)} s). ` +
    `Bundles: ${Object.entries(bundle)
      .map(([name, s]) => `dist/${name} ${mb(s.bytes)} (${mb(s.gzipBytes)} gzipped)`)
      .join(', ')}.`
)
lines.push('')
lines.push('| target | measured | met |')
lines.push('| --- | ---: | :---: |')
for (const t of targets) lines.push(`| ${t.name} | ${t.value} | ${t.met ? 'yes' : 'no'} |`)
lines.push('', ...HOW.trim().split('\n'))
const markdown = lines.join('\n')
process.stdout.write('\n' + markdown + '\n')

if (args.readme) {
  const readme = join(ROOT, 'README.md')
  const text = readFileSync(readme, 'utf8')
  const start = '<!-- benchmark:start -->'
  const end = '<!-- benchmark:end -->'
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a === -1 || b < a) fail('README.md has no benchmark markers')
  writeFileSync(readme, text.slice(0, a + start.length) + '\n' + markdown + '\n' + text.slice(b))
  log('README.md updated between the benchmark markers.')
}
