/**
 * The accumulator of one dataset, set up from its configuration: the same in the main thread and
 * in a worker that reads part of a file, so both check rows alike.
 */
import { DatasetAccumulator } from '../analyze/accumulator.js'
import { groupOf } from '../analyze/group-of.js'
import type { DatasetSpec } from '../config/schema.js'
import type { FindingSink } from '../judge/findings.js'
import { RowProblemReporter } from '../judge/row-problems.js'
import { valueRules } from '../judge/value-checks.js'
import type { RuleSettings } from '../rules/catalogue.js'
import { RE2JS } from 're2js'
import { spillingInto, type SpillFiles } from '../analyze/spill-column.js'
import { temporarySpillFiles } from './spill-files.js'

export function createAccumulator(
  spec: DatasetSpec | null,
  settings: RuleSettings,
  sink: FindingSink,
  context: {
    durations: Map<string, number> | null
    groupPattern: RE2JS | null
    frozen: boolean
    /** A worker's accumulator, for a part of a file (see AccumulatorOptions.part). */
    part?: boolean
    /** A part's spill file, opened by the main thread (`spillFileForPart`); null: none. */
    spillFile?: number | null
  }
): DatasetAccumulator {
  const labelOptions = settings['label-invalid'].options
  const profile =
    labelOptions.profile === 'auto'
      ? spec?.format === 'columns' || spec?.columns
        ? 'relaxed'
        : 'automl'
      : labelOptions.profile
  const labelPattern =
    labelOptions.pattern !== undefined ? RE2JS.compile(labelOptions.pattern) : null
  const { groupPattern } = context
  return new DatasetAccumulator(new RowProblemReporter(sink, settings), {
    videoKey: spec?.videoKey ?? 'uri',
    inferVideoKey: spec === null,
    groupOf: groupPattern ? key => groupOf(groupPattern, key) : null,
    durations: context.durations,
    labelProfile: profile,
    rules: valueRules(settings, labelPattern ? label => labelPattern.matcher(label).find() : null),
    // Frozen splits' rows are kept only for a comparison with the base.
    frozenSplits:
      context.frozen && settings['frozen-split'].severity !== 'off'
        ? settings['frozen-split'].options.splits
        : [],
    part: context.part ?? false,
    spillFiles: context.part ? partSpill(context.spillFile ?? null) : temporarySpillFiles
  })
}

/**
 * A worker's spill: into the file the main thread opened for it, never one of its own (Node closes
 * a worker's files when it ends, before the main thread reads them); none given, memory.
 */
function partSpill(fd: number | null): SpillFiles | null {
  return fd === null ? null : spillingInto(fd, temporarySpillFiles)
}
