/** Messages that name the fix, for problems whose fix lives in the configuration. */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanRepos, findingsOf, gateFiles } from './helpers/datasets.js'

afterAll(cleanRepos)

describe('hints that name the fix', () => {
  it('an index row whose gs:// file is not beside the index points to gcs-prefix-map', async () => {
    const report = await gateFiles({
      'data/index.csv': 'TRAIN,gs://bucket-a/manifests/train.csv\nTEST,test.csv\n',
      'data/test.csv': 'gs://bucket-a/a.mp4,cat,0,1\n',
      'manifests/train.csv': 'gs://bucket-a/b.mp4,cat,0,1\n'
    })
    const [missing] = findingsOf(report, 'input-error')
    expect(missing).toMatchObject({ file: 'data/index.csv', line: 1 })
    expect(missing!.message).toMatch(/data\/train\.csv cannot be read: the file does not exist/)
    expect(missing!.message).toMatch(/map them with gcs-prefix-map/)
  })

  it('with the prefix map the same index reads the file', async () => {
    const report = await gateFiles(
      {
        'data/index.csv': 'TRAIN,gs://bucket-a/manifests/train.csv\nTEST,test.csv\n',
        'data/test.csv': 'gs://bucket-a/a.mp4,cat,0,1\n',
        'manifests/train.csv': 'gs://bucket-a/b.mp4,cat,0,1\n',
        'config.yml': ''
      },
      {
        config:
          'datasets:\n  - name: d\n    index: data/index.csv\n    gcs-prefix-map: { "gs://bucket-a/manifests/": "manifests/" }\n'
      }
    )
    expect(findingsOf(report, 'input-error')).toEqual([])
  })
})
