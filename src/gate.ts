/**
 * The engine's one entry point: datasets in, `GateReport` out. Both shells (the action in main.ts
 * and the terminal in cli.ts) call `runGate`; neither reads a CSV itself.
 *
 * runGate plans the datasets, analyzes each (gate/analyze-dataset.ts), compares with the base when
 * asked (gate/compare-base.ts) and decides the verdict. One bad file becomes findings on its
 * dataset; it never stops the other files or datasets.
 */
import { analyzeDataset, type AnalyzedDataset } from './gate/analyze-dataset.js'
import { compareWithBase, startBaseWork } from './gate/compare-base.js'
import { verdict } from './judge/verdict.js'
import {
  addCounts,
  compareFindings,
  type DatasetReport,
  type FailOn,
  type GateReport,
  type SeverityCounts
} from './model.js'
import { datasetFiles } from './read/dataset-plan.js'
import { planDatasets } from './read/plan.js'
import type { GateRequest } from './gate/request.js'
import { uriVerifier } from './gate/verify-uris.js'

export async function runGate(request: GateRequest): Promise<GateReport> {
  const { source, config } = request
  const failOn: FailOn = request.failOn ?? config.failOn
  const plan = await planDatasets(source, config, request.paths, 'head')
  const notes = plan.notes
  let plans = plan.datasets
  if (request.changedFiles) {
    const changed = request.changedFiles
    // A refusal without a file (a paths entry that matched nothing) is about the workflow, not
    // the change, and stays; a refused file counts like a dataset file.
    plans = plans.filter(p =>
      p.refused
        ? p.problems.every(problem => problem.file === null || changed.has(problem.file))
        : datasetFiles(p).some(file => changed.has(file))
    )
  }

  // The base is analyzed in the second thread while the head is read, if there is one; the head
  // then reads in one piece.
  const baseWork = request.base ? await startBaseWork(request, plans) : null
  const parallel = baseWork?.threaded ? null : (request.parallel ?? null)
  const analyzed: AnalyzedDataset[] = []
  const datasets: DatasetReport[] = []
  try {
    for (const datasetPlan of plans) {
      const result = await analyzeDataset(source, datasetPlan, config, {
        snapshot: request.base !== undefined,
        progress: request.progress,
        // The head only: the base's objects are not looked up again.
        verifyUris: uriVerifier(request.storage),
        parallel
      })
      analyzed.push(result)
      datasets.push(result.report)
      for (const note of result.notes) notes.push(`${result.report.name}: ${note}`)
    }
    if (baseWork)
      datasets.push(...(await compareWithBase(request, plan, analyzed, notes, baseWork)))
  } finally {
    baseWork?.done() // a worker thread still running would keep the process alive
  }

  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 }
  let newCounts: SeverityCounts | undefined
  for (const dataset of datasets) {
    dataset.findings.sort(compareFindings)
    addCounts(counts, dataset.counts)
    if (dataset.newCounts)
      addCounts((newCounts ??= { error: 0, warning: 0, notice: 0 }), dataset.newCounts)
  }
  if (request.base) newCounts ??= { error: 0, warning: 0, notice: 0 }
  const report: GateReport = {
    schemaVersion: 1,
    passed: verdict(failOn, counts, newCounts),
    failOn,
    counts,
    ...(newCounts ? { newCounts, baseRef: request.base!.ref } : {}),
    datasets,
    notes
  }
  return report
}
