/**
 * Thresholds that contradict each other: a lower bound set above its upper bound (see
 * THRESHOLD_ORDERS in the rule catalogue). Checked on the settings each dataset actually runs with,
 * so a dataset's override that contradicts an inherited value is caught as well.
 */
import { THRESHOLD_ORDERS, type OptionRef, type ThresholdOrder } from '../rules/catalogue.js'
import { formatPath } from './keys.js'
import { resolveRuleSettings, type GateConfig } from './schema.js'

type Path = (string | number)[]

export interface ThresholdConflict {
  /** The key to fix: of the two, the one written at the most specific level. */
  path: Path
  /** The message without the file name, naming both values and what to do. */
  message: string
}

/**
 * The first contradiction in the configuration, or null. `lineAt` gives the line a path is
 * written on, so the message can point at the other value too.
 */
export function findContradictoryThreshold(
  config: GateConfig,
  lineAt: (path: Path) => number | null
): ThresholdConflict | null {
  // The top level on its own: it is what auto-discovered datasets and paths given on the command
  // line run with, and a contradiction written there is wrong even if every dataset overrides it.
  const scopes: (number | null)[] = [null, ...(config.datasets ?? []).map((_, i) => i)]
  for (const datasetIndex of scopes) {
    const dataset = datasetIndex === null ? undefined : config.datasets![datasetIndex]
    const settings = resolveRuleSettings(config, dataset)
    for (const order of THRESHOLD_ORDERS) {
      if (settings[order.lower.rule].severity === 'off') continue
      if (settings[order.upper.rule].severity === 'off') continue
      const value = (ref: OptionRef) =>
        (settings[ref.rule].options as Record<string, unknown>)[ref.option] as number
      if (value(order.lower) <= value(order.upper)) continue
      return describe(
        order,
        value,
        (ref: OptionRef) => writtenAt(config, datasetIndex, ref),
        lineAt
      )
    }
  }
  return null
}

/** Where the configuration wrote the value an option runs with; null for the catalogue default. */
function writtenAt(config: GateConfig, datasetIndex: number | null, ref: OptionRef): Path | null {
  if (datasetIndex !== null) {
    const own = config.datasets![datasetIndex]!.rules[ref.rule]
    if (own?.[ref.option] !== undefined) {
      return ['datasets', datasetIndex, 'rules', ref.rule, ref.option]
    }
  }
  if (config.rules[ref.rule]?.[ref.option] !== undefined) return ['rules', ref.rule, ref.option]
  return null
}

function describe(
  order: ThresholdOrder,
  value: (ref: OptionRef) => number,
  writtenAt: (ref: OptionRef) => Path | null,
  lineAt: (path: Path) => number | null
): ThresholdConflict {
  const lowerAt = writtenAt(order.lower)
  const upperAt = writtenAt(order.upper)
  // A dataset path is longer than a top-level one; on a tie the upper bound is the one named.
  const lowerIsOffending = (lowerAt?.length ?? 0) > (upperAt?.length ?? 0)
  const path = (lowerIsOffending ? lowerAt : upperAt)!
  const otherAt = lowerIsOffending ? upperAt : lowerAt
  const sameRule = order.lower.rule === order.upper.rule
  const name = (ref: OptionRef) => (sameRule ? ref.option : `${ref.rule}.${ref.option}`)
  const origin = (at: Path | null) => {
    if (at === null) return ' (the default)'
    const line = lineAt(at)
    return ` (${formatPath(at)}${line ? `, line ${line}` : ''})`
  }
  const lowerText = `${name(order.lower)} ${value(order.lower)}${lowerIsOffending ? '' : origin(otherAt)}`
  const upperText = `${name(order.upper)} ${value(order.upper)}${lowerIsOffending ? origin(otherAt) : ''}`
  return {
    path,
    message: `${formatPath(path)}: ${lowerText} is above ${upperText}: ${order.because}. Lower ${name(order.lower)} or raise ${name(order.upper)}.`
  }
}
