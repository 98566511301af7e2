/**
 * The base side of a comparison, analyzed by a worker while the main thread reads the head (see
 * compare-base.ts): the same analyzeDataset over the same git revision, so its result is the one
 * the main thread would get. Pure of threads, like dataset-part.ts.
 */
import { GitRevisionSource } from '../read/git-source.js'
import { analyzeDataset } from './analyze-dataset.js'
import type { AnalyzedDataset } from './analyzed.js'
import type { BaseJob } from './part-types.js'

export async function analyzeBaseDatasets(job: BaseJob): Promise<AnalyzedDataset[]> {
  const source = new GitRevisionSource(job.root, job.revision)
  const analyzed: AnalyzedDataset[] = []
  for (const plan of job.plans)
    analyzed.push(await analyzeDataset(source, plan, job.config, { snapshot: true }))
  return analyzed
}
