/**
 * Real public annotation files (UCF-101, HMDB-51, Kinetics-400; see ../shared/datasets/SOURCES.md),
 * converted to AutoML / Vertex manifests inside the test and gated end to end. Nobody on this
 * project wrote these files, so they check the reader and the rules against data as it exists.
 * Each test is skipped, saying so in its name, when the shared folder is absent.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  SHARED_DATASETS,
  automlFilesFor,
  cleanRepos,
  countByColumn,
  findingsOf,
  gate,
  gateFiles,
  hmdb51Split,
  itWithShared,
  makeRepo,
  only,
  rowFindings,
  seeded,
  shuffle,
  ucf101Split,
  ucfConfig,
  type ClipSplit
} from './helpers/datasets.js'

afterAll(cleanRepos)

describe('UCF-101 split 1 as AutoML index + rows', () => {
  const itUcf = itWithShared(it, ['ucf101', 'trainlist01.txt'])

  itUcf(
    'reads 9537 TRAIN and 3783 TEST segments over 101 classes, with nothing wrong',
    async () => {
      const clips = ucf101Split(1)
      const report = await gateFiles(automlFilesFor(clips, 'ucf101'), { config: ucfConfig })
      const d = only(report)
      expect(d.files.map(f => [f.path, f.format, f.rows, f.split])).toEqual([
        ['data/train.csv', 'automl-rows', 9537, 'TRAIN'],
        ['data/test.csv', 'automl-rows', 3783, 'TEST']
      ])
      expect(d.splits.TRAIN!.segments).toBe(9537)
      expect(d.splits.TEST!.segments).toBe(3783)
      expect(d.splits.TRAIN!.videos).toBe(9537)
      expect(Object.keys(d.splits.TRAIN!.classes)).toHaveLength(101)
      expect(Object.keys(d.splits.TEST!.classes)).toHaveLength(101)
      expect(d.metrics.classCount).toBe(101)
      expect(rowFindings(report)).toEqual([])
      expect(findingsOf(report, 'video-leakage')).toEqual([])
      expect(findingsOf(report, 'group-leakage')).toEqual([]) // groups g01-g07 are all TEST
      expect(findingsOf(report, 'split-distribution')).toEqual([])
      expect(findingsOf(report, 'split-missing-class')).toEqual([])
      expect(d.metrics.leakedGroups).toBe(0)
      const pair = d.metrics.splitDistance[0]!
      expect(pair.jsDistance).toBeLessThan(pair.noiseFloor)
      // the whole-video segments have unknown length without a durations file
      expect(d.splits.TRAIN!.classes.ApplyEyeMakeup).toEqual({
        segments: 101,
        videos: 101,
        seconds: null
      })
      // every class has 25 groups and between 100 and 167 clips (imbalance 167/100)
      expect(d.metrics.imbalanceRatio).toBeCloseTo(1.67, 10)
      expect(findingsOf(report, 'class-imbalance')).toEqual([])
    }
  )

  itUcf('re-split at random by clip: group leakage everywhere, video leakage nowhere', async () => {
    const random = seeded(2024)
    const resplit: ClipSplit[] = shuffle(ucf101Split(1), random).map((clip, i) => ({
      ...clip,
      split: i % 10 < 3 ? 'TEST' : 'TRAIN'
    }))
    const report = await gateFiles(automlFilesFor(resplit, 'ucf101'), {
      config: ucfConfig + 'max-findings-per-rule: 50\n'
    })
    const d = only(report)
    expect(d.splits.TRAIN!.segments + d.splits.TEST!.segments).toBe(13320)
    expect(findingsOf(report, 'video-leakage')).toEqual([])
    expect(d.metrics.leakedVideos).toBe(0)
    // almost every one of the 101 x 25 groups ends up on both sides
    expect(d.metrics.leakedGroups).toBeGreaterThan(2000)
    expect(d.leaks.groups).toHaveLength(d.metrics.leakedGroups)
    const leaks = findingsOf(report, 'group-leakage')
    expect(leaks).toHaveLength(50)
    for (const f of leaks) {
      expect(f.severity).toBe('error')
      expect(f.message).toMatch(
        /group "\w+_g\d\d" has videos in 2 splits: TRAIN \(data\/train\.csv:\d+\), TEST \(data\/test\.csv:\d+\)/
      )
    }
    const more = d.findings.find(f => f.rule === 'group-leakage' && f.omitted !== undefined)
    expect(more!.message).toMatch(
      new RegExp(`^${(d.metrics.leakedGroups - 50).toLocaleString('en-US')} more group-leakage`)
    )
    expect(report.counts.error).toBeGreaterThanOrEqual(d.metrics.leakedGroups)
    expect(report.passed).toBe(false)
    // a random split is still the same population: no distribution warning
    expect(findingsOf(report, 'split-distribution')).toEqual([])
  })
})

describe('HMDB-51 split 1', () => {
  const itHmdb = itWithShared(it, ['hmdb51', 'testTrainMulti_7030_splits'])

  itHmdb('converted from the per-class split files gives 3570 / 1530 over 51 classes', async () => {
    const clips = hmdb51Split(1)
    const report = await gateFiles(automlFilesFor(clips, 'hmdb51'))
    const d = only(report)
    expect(d.splits.TRAIN!.segments).toBe(3570)
    expect(d.splits.TEST!.segments).toBe(1530)
    expect(Object.keys(d.splits.TRAIN!.classes)).toHaveLength(51)
    expect(Object.keys(d.splits.TEST!.classes)).toHaveLength(51)
    for (const counts of Object.values(d.splits.TRAIN!.classes)) expect(counts.segments).toBe(70)
    for (const counts of Object.values(d.splits.TEST!.classes)) expect(counts.segments).toBe(30)
    // file names with brackets, '!', '&', '#', ';', '@' are valid object names
    expect(rowFindings(report)).toEqual([])
    expect(findingsOf(report, 'video-leakage')).toEqual([])
    expect(findingsOf(report, 'split-distribution')).toEqual([])
    expect(d.metrics.imbalanceRatio).toBe(1)
    expect(d.metrics.splitDistance[0]!.jsDistance).toBe(0)
  })
})

describe('Kinetics-400 (CVDF val.csv and test.csv) through a column map', () => {
  const itKinetics = itWithShared(it, ['kinetics400', 'cvdf', 'val.csv'])
  const cvdf = (name: string) => join(SHARED_DATASETS, 'kinetics400', 'cvdf', name)

  const config = (files: string) =>
    [
      'datasets:',
      '  - name: kinetics400',
      `    files: [${files}]`,
      '    format: columns',
      '    columns: { video: youtube_id, label: label, start: time_start, end: time_end, split: split }',
      '    split-values: { train: TRAIN, val: VALIDATION, validate: VALIDATION, test: TEST }',
      '    video-key: id',
      ''
    ].join('\n')

  itKinetics(
    'reads 400 classes in VALIDATION and TEST with quoted labels intact and no leakage',
    async () => {
      const root = await makeRepo({ 'kinetics/.keep': '' })
      await copyFile(cvdf('val.csv'), join(root, 'kinetics', 'val.csv'))
      await copyFile(cvdf('test.csv'), join(root, 'kinetics', 'test.csv'))
      const report = await gate(root, { config: config('kinetics/*.csv') })
      const d = only(report)
      expect(d.files.map(f => [f.path, f.format, f.rows])).toEqual([
        ['kinetics/test.csv', 'columns', 39805],
        ['kinetics/val.csv', 'columns', 19906]
      ])
      expect(Object.keys(d.splits.VALIDATION!.classes)).toHaveLength(400)
      expect(Object.keys(d.splits.TEST!.classes)).toHaveLength(400)
      expect(d.splits.VALIDATION!.segments).toBe(19906)
      expect(d.splits.TEST!.segments).toBe(39805)
      // multi-word labels were double-quoted in the file and arrive whole
      expect(d.splits.VALIDATION!.classes['air drumming']).toBeDefined()
      expect(d.splits.TEST!.classes['passing American football (in game)']).toBeDefined()
      expect(Object.keys(d.splits.VALIDATION!.classes).some(c => c.includes('"'))).toBe(false)
      // val and test share no youtube_id
      expect(findingsOf(report, 'video-leakage')).toEqual([])
      expect(d.metrics.leakedVideos).toBe(0)
      expect(rowFindings(report)).toEqual([])
      // every clip is 10 s
      expect(d.splits.VALIDATION!.classes['air drumming']!.seconds).toBe(
        d.splits.VALIDATION!.classes['air drumming']!.segments * 10
      )
      // no TRAIN in these files: nothing can be learned from them alone
      expect(findingsOf(report, 'split-missing-class').map(f => f.severity)).toEqual(['error'])
    }
  )

  itKinetics('the imbalance ratio of val alone is max/min per-class count (50/46)', async () => {
    const counts = [...(await countByColumn(cvdf('val.csv'), 'label')).values()]
    const expected = Math.max(...counts) / Math.min(...counts)
    expect(counts).toHaveLength(400)
    expect(expected).toBeCloseTo(50 / 46, 12)
    const root = await makeRepo({ 'kinetics/.keep': '' })
    await copyFile(cvdf('val.csv'), join(root, 'kinetics', 'val.csv'))
    const report = await gate(root, { config: config('kinetics/val.csv') })
    expect(only(report).metrics.imbalanceRatio).toBeCloseTo(expected, 12)
    expect(findingsOf(report, 'class-imbalance')).toEqual([])
  })

  itKinetics(
    'val.csv discovered without configuration reads as columns with id video keys',
    async () => {
      const root = await makeRepo({})
      await copyFile(cvdf('val.csv'), join(root, 'val.csv'))
      const report = await gate(root)
      const d = only(report)
      expect(d.name).toBe('val.csv')
      expect(d.files[0]).toMatchObject({ path: 'val.csv', format: 'columns', rows: 19906 })
      expect(Object.keys(d.splits)).toEqual(['VALIDATION'])
      expect(d.splits.VALIDATION!.videos).toBe(19906)
      expect(Object.keys(d.splits.VALIDATION!.classes)).toHaveLength(400)
      // youtube ids are not gs:// URIs, and multi-word labels are fine under the relaxed profile
      expect(findingsOf(report, 'uri-invalid')).toEqual([])
      expect(findingsOf(report, 'label-invalid')).toEqual([])
      expect(rowFindings(report)).toEqual([])
    }
  )
})
