// The performance benchmark (`npm run bench`).
//
// Generates seeded Vertex AI CSVs (scripts/bench-generate.mjs: 400 skewed classes, ~60,000 videos
// per 1.6 M rows, three splits) at 1/16, 1 and 4 times 1.6 million rows into bench-data/, then, for
// each size, runs in alternation, each as a fresh child process under the same conditions:
//   gate        the bundled CLI: check FILE --format json --output /dev/null --fail-on never
//               (every rule at its defaults; no network)
//   csv-parse   a bare csv-parse streaming pass that only counts records (scripts/bench-csv-parse.mjs)
//   pandas      read_csv + groupby counts (scripts/bench-pandas.py), when python3 has pandas
// Wall time is measured here; peak RSS (and CPU time) come from the OS: /usr/bin/time, else
// wait4() through python3, else polling /proc (which can miss a short peak).
// It also times the cold start of `node dist/cli.js check examples/automl` and reports the bundle
// sizes, checks the targets, writes bench-data/results.json and prints a Markdown section for the
// README (`--readme` writes it between the README's benchmark markers).
//
// Usage: node scripts/bench.mjs [--quick] [--runs N] [--runs-large N] [--sizes 100k,1600k,6400k]
//                               [--dist DIR] [--readme]
//   --quick       sizes 100k and 1600k, one run each, three cold starts
//   --runs N      runs per tool for sizes up to 1.6 M rows (default 5; env BENCH_RUNS)
//   --runs-large  runs per tool above 1.6 M rows (default 3; env BENCH_RUNS_LARGE)
//   --sizes       which sizes (env BENCH_SIZES)
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
import { GENERATOR_VERSION } from './bench-generate.mjs'

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
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' })
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
async function measure(command, commandArgs, { cwd = ROOT, stdoutFile } = {}) {
  const usageFile = join(tmpdir(), `dataset-gate-bench-${process.pid}.usage`)
  rmSync(usageFile, { force: true })
  let argv
  if (meter === 'time') argv = [TIME, '-f', '%M %U %S %x', '-o', usageFile, command, ...commandArgs]
  else if (meter === 'wait4') argv = ['python3', '-c', WAIT4, usageFile, command, ...commandArgs]
  else argv = [command, ...commandArgs]
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'pipe'
  const started = process.hrtime.bigint()
  const child = spawn(argv[0], argv.slice(1), {
    cwd,
    env: childEnv,
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
    ? spawnSync('python3', ['-c', 'import pandas; print(pandas.__version__)'], {
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
function ensureData(name) {
  const rows = SIZES[name]
  const file = join(DATA, `vertex-${name}.csv`)
  const metaFile = join(DATA, `vertex-${name}.json`)
  const expected = { rows, seed: SEED, generator: GENERATOR_VERSION }
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'))
    if (
      meta.rows === rows &&
      meta.seed === SEED &&
      meta.generator === GENERATOR_VERSION &&
      meta.bytes === statSync(file).size
    )
      return { file, ...meta }
  }
  log(`generating ${name} rows (seed ${SEED}) ...`)
  const output = execFileSync(
    process.execPath,
    [join(ROOT, 'scripts/bench-generate.mjs'), String(rows), file, String(SEED)],
    { encoding: 'utf8' }
  )
  const meta = { ...JSON.parse(output), bytes: statSync(file).size }
  if (meta.rows !== expected.rows) fail(`generator wrote ${meta.rows} rows, not ${rows}`)
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
  for (const name of ['cli.js', 'index.js']) {
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
const datasets = Object.fromEntries(sizeNames.map(name => [name, ensureData(name)]))

const tools = [
  {
    id: 'gate',
    label: 'dataset-gate (full gate)',
    // Run from bench-data so no repository configuration applies: every rule at its default.
    command: file => [
      process.execPath,
      [cli, 'check', file, '--format', 'json', '--output', '/dev/null', '--fail-on', 'never'],
      { cwd: DATA }
    ],
    check: (result, dataset, reportFile) => {
      const report = JSON.parse(readFileSync(reportFile, 'utf8'))
      const segments = report.datasets?.[0]?.metrics?.totalSegments
      if (result.exit !== 0 || segments !== dataset.rows)
        return `exit ${result.exit}, ${segments} segments for ${dataset.rows} rows: ${result.stderr.trim()}`
      return null
    }
  },
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
    command: file => ['python3', [join(ROOT, 'scripts/bench-pandas.py'), file], { cwd: DATA }],
    check: (result, dataset, out) => {
      const count = Number(readFileSync(out, 'utf8').trim())
      return result.exit === 0 && count === dataset.rows
        ? null
        : `exit ${result.exit}, ${count} rows: ${result.stderr.trim()}`
    }
  })
}

const results = []
for (const name of sizeNames) {
  const dataset = datasets[name]
  const runs = dataset.rows > 1_600_000 ? runsLarge : runsSmall
  const samples = Object.fromEntries(tools.map(t => [t.id, []]))
  for (let run = 0; run < runs; run++) {
    // Alternate, and rotate who goes first, so drifting machine load hits every tool alike.
    const order = tools.map((_, i) => tools[(i + run) % tools.length])
    for (const tool of order) {
      const [command, commandArgs, options] = tool.command(`vertex-${name}.csv`)
      const out = join(DATA, `out-${tool.id}-${name}.txt`)
      const result = await measure(command, commandArgs, { ...options, stdoutFile: out })
      const problem = tool.check(result, dataset, out)
      if (problem) fail(`${tool.id} on ${name}: ${problem}`)
      samples[tool.id].push(result)
      log(
        `  ${name.padStart(5)} run ${run + 1}/${runs} ${tool.id.padEnd(9)} ${result.wall.toFixed(2)} s  ${result.rssMb.toFixed(0)} MB`
      )
    }
  }
  for (const tool of tools) {
    const list = samples[tool.id]
    results.push({
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

// ---- report ----------------------------------------------------------------------------------
function round(value, digits) {
  return value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits
}
const find = (size, tool) => results.find(r => r.size === size && r.tool === tool)
for (const r of results) {
  const base = find(r.size, 'csv-parse')
  r.rowsPerSecond = Math.round(r.rows / r.wallSeconds)
  r.ratioToCsvParse = round(r.wallSeconds / base.wallSeconds, 2)
  r.cpuRatioToCsvParse =
    r.cpuSeconds !== null && base.cpuSeconds ? round(r.cpuSeconds / base.cpuSeconds, 2) : null
}
const scaling = {}
const g16 = find('1600k', 'gate')
const g64 = find('6400k', 'gate')
if (g16 && g64) {
  scaling.gateTime = round(g64.wallSeconds / g16.wallSeconds, 2)
  scaling.gateCpu = g16.cpuSeconds ? round(g64.cpuSeconds / g16.cpuSeconds, 2) : null
  scaling.gateRss = round(g64.peakRssMb / g16.peakRssMb, 2)
  scaling.csvParseTime = round(
    find('6400k', 'csv-parse').wallSeconds / find('1600k', 'csv-parse').wallSeconds,
    2
  )
}
const p16 = find('1600k', 'pandas')
const targets = []
const target = (name, value, ok) => targets.push({ name, value, met: ok })
if (g16) {
  target(
    'gate wall time <= 1.0x the bare csv-parse pass (1.6 M rows)',
    `${g16.ratioToCsvParse}x`,
    g16.ratioToCsvParse <= 1.0
  )
  if (p16)
    target(
      'stretch: gate wall time <= pandas (1.6 M rows)',
      `${round(g16.wallSeconds, 2)} s vs ${round(p16.wallSeconds, 2)} s`,
      g16.wallSeconds <= p16.wallSeconds
    )
  target(
    'gate peak RSS <= 300 MB (1.6 M rows)',
    `${round(g16.peakRssMb, 0)} MB`,
    g16.peakRssMb <= 300
  )
}
if (scaling.gateRss !== undefined) {
  target('gate peak RSS 6.4 M / 1.6 M <= 1.5x', `${scaling.gateRss}x`, scaling.gateRss <= 1.5)
  target('gate time 6.4 M / 1.6 M <= 4.4x', `${scaling.gateTime}x`, scaling.gateTime <= 4.4)
}
target(
  'cold start (check examples/automl) well under 1 s (< 0.5 s)',
  `${round(coldStart.wallSeconds, 2)} s`,
  coldStart.wallSeconds < 0.5
)

const output = {
  date: new Date().toISOString(),
  machine: info,
  options: { runsSmall, runsLarge, sizes: sizeNames, seed: SEED, dist },
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
  `Measured ${output.date.slice(0, 10)} on ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB RAM, ` +
    `${info.platform}, Node ${info.node}, csv-parse ${info.csvParse}` +
    (info.pandas ? `, ${info.python}, pandas ${info.pandas}` : ', pandas not available') +
    `; load average at the start ${info.loadAverage.join(' ')}. Medians of ${runsSmall} alternating runs ` +
    `(${runsLarge} at 6.4 M rows), each a fresh process; peak RSS from ${info.rssFrom}.`
)
lines.push('')
lines.push('| rows | tool | median wall | rows/s | CPU (user+sys) | peak RSS | vs csv-parse |')
lines.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: |')
for (const r of results) {
  lines.push(
    `| ${r.rows.toLocaleString('en-US')} (${(r.bytes / 1e6).toFixed(0)} MB) | ${r.label} | ${r.wallSeconds.toFixed(2)} s | ` +
      `${r.rowsPerSecond.toLocaleString('en-US')} | ${r.cpuSeconds === null ? 'n/a' : r.cpuSeconds.toFixed(2) + ' s'} | ` +
      `${r.peakRssMb.toFixed(0)} MB | ${r.ratioToCsvParse.toFixed(2)}x |`
  )
}
if (!info.pandas) lines.push('', 'pandas: not available on this machine (the column is skipped).')
lines.push('')
if (scaling.gateTime !== undefined)
  lines.push(
    `Scaling 1.6 M to 6.4 M rows (4x): gate time ${scaling.gateTime}x (CPU ${scaling.gateCpu}x, csv-parse ${scaling.csvParseTime}x), gate peak RSS ${scaling.gateRss}x.`
  )
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
