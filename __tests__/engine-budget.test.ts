/**
 * A dataset's budget across all its files (resource-limit max-dataset-bytes / max-dataset-rows):
 * an index that lists many files cannot make the gate read without bound.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanRepos, findingsOf, gateFiles, only } from './helpers/datasets.js'

afterAll(cleanRepos)

const rows = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `gs://bucket-a/${prefix}${i}.mp4,cat,0,1`).join('\n') +
  '\n'

const files = {
  'data/index.csv': 'TRAIN,a.csv\nTRAIN,b.csv\nTEST,c.csv\n',
  'data/a.csv': rows('a', 30),
  'data/b.csv': rows('b', 30),
  'data/c.csv': rows('c', 30)
}

describe('the dataset budget', () => {
  it('stops reading at max-dataset-rows across files, with a finding where it stopped', async () => {
    const report = await gateFiles(files, {
      config: 'rules:\n  resource-limit: { max-dataset-rows: 45 }\n'
    })
    const dataset = only(report)
    expect(dataset.files.map(f => [f.path, f.rows])).toEqual([
      ['data/a.csv', 30],
      ['data/b.csv', 15],
      ['data/c.csv', 0]
    ])
    const limits = findingsOf(report, 'resource-limit')
    expect(limits.map(f => [f.file, f.line])).toEqual([
      ['data/b.csv', 16],
      ['data/c.csv', 1]
    ])
    expect(limits[0]!.message).toMatch(/max-dataset-rows limit of 45/)
    // c.csv is not "empty": the budget stopped it.
    expect(findingsOf(report, 'row-shape')).toEqual([])
    expect(report.passed).toBe(false)
  })

  it('does not read a file that would pass max-dataset-bytes', async () => {
    const size = Buffer.byteLength(files['data/a.csv'])
    const report = await gateFiles(files, {
      config: `rules:\n  resource-limit: { max-dataset-bytes: ${2 * size} }\n`
    })
    const dataset = only(report)
    expect(dataset.files.map(f => f.path)).toEqual(['data/a.csv', 'data/b.csv'])
    const limits = findingsOf(report, 'resource-limit')
    expect(limits).toHaveLength(1)
    expect(limits[0]).toMatchObject({ file: 'data/c.csv', line: null })
    expect(limits[0]!.message).toMatch(/max-dataset-bytes limit/)
  })
})
