// The benchmark's baseline: a bare csv-parse streaming pass over a file that only counts records.
// Usage: node scripts/bench-csv-parse.mjs FILE [--for-await]
// Default: 'data' events (the faster of the two idioms); --for-await iterates the parser instead.
import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'

const [file, mode] = process.argv.slice(2)
const parser = createReadStream(file).pipe(parse({ relax_column_count: true }))
let records = 0
if (mode === '--for-await') {
  for await (const record of parser) if (record) records++
} else {
  parser.on('data', () => records++)
  await new Promise((resolve, reject) => {
    parser.on('end', resolve)
    parser.on('error', reject)
  })
}
process.stdout.write(`${records}\n`)
