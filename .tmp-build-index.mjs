import ncc from '@vercel/ncc'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
const outDir = 'dist'
await mkdir(outDir, { recursive: true })
const { code } = await ncc(join(process.cwd(), 'src/index.ts'), { minify: false, sourceMap: false, quiet: true, license: 'licenses.txt' })
await writeFile(join(outDir, 'index.js'), code)
await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n')
