/**
 * The SARIF `tool.driver`: dataset-gate with its version and one reporting descriptor per rule of
 * the catalogue (id, descriptions, default level, Markdown help with the default and the fix,
 * a link to the README's rule catalogue). Code scanning shows the help beside every alert.
 */
import type { ReportingDescriptor, ToolComponent } from 'sarif'
import type { RuleId, Severity, SeveritySetting } from '../model.js'
import { RULES, type RuleKind } from '../rules/catalogue.js'
import { formatDefault } from '../rules/table.js'

/** The catalogue's rules in its order (results refer to them by index in `tool.driver.rules`). */
const RULE_ORDER = Object.keys(RULES) as RuleId[]

declare const DATASET_GATE_VERSION: string | undefined
/** The version stamped into `tool.driver.version` (the build may define DATASET_GATE_VERSION). */
export const TOOL_VERSION =
  typeof DATASET_GATE_VERSION === 'string' ? DATASET_GATE_VERSION : '0.1.0'

export const TOOL_NAME = 'dataset-gate'

/** SARIF levels of our severities. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  notice: 'note'
}

/**
 * How to fix a finding of each rule: the second half of the rule's help (the catalogue's summary
 * says what the rule catches). Kept beside the SARIF help that is its only reader.
 */
const HOW_TO_FIX: Record<RuleId, string> = {
  'csv-syntax':
    'Re-export the file as UTF-8 CSV: close every quoted field and remove NUL bytes. If it is a Git LFS pointer, check out the data itself (`lfs: true` in actions/checkout).',
  'row-shape':
    'Give every row the fields its format expects (AutoML rows: `URI,LABEL,START,END`; Vertex AI CSV: `ML_USE,URI,LABEL,START,END`) and delete blank lines.',
  'uri-invalid':
    'Write each video as `gs://BUCKET/OBJECT` with a valid bucket name, a non-empty object, one of the allowed containers (the `extensions` option) and no whitespace or control characters.',
  'label-missing':
    'Give the row a label and both times, or leave all three empty (`URI,,,`) to import the whole video unlabeled.',
  'label-invalid':
    'Rename the label so it matches the pattern (AutoML: a letter, then up to 31 letters, digits or underscores; never a comma), or choose the `profile` or `pattern` that fits the manifest.',
  'label-variant': 'Use one spelling of the class everywhere: rename the rarer variant.',
  'segment-invalid':
    "Write START and END as numbers with 0 <= START < END (END may be `inf`), at most `max-decimals` decimals, and END within the video's duration.",
  'split-invalid':
    'Use a split the format allows: `TRAIN`, `VALIDATION`, `TEST` or `UNASSIGNED` in an AutoML index; `training`, `validation` or `test` as a Vertex AI `ML_USE`.',
  'duplicate-row': 'Delete the repeated row; keep one copy of each segment.',
  'unlabeled-video':
    'Label the segments of the video, or delete its `URI,,,` row if it should not be imported.',
  'file-size':
    'Split the file into files under the limit (`max-bytes`) and list each of them in the index.',
  'min-classes': 'Add examples of more classes: a classifier needs at least `min` of them.',
  'max-classes': 'Merge or drop classes until there are at most `max`.',
  'min-per-class':
    'Add examples of the class, drop the class, or set a lower minimum for it under `classes` when a rare class is intended.',
  'recommended-per-class':
    'Add examples of the class to the split, or lower `min` (per class under `classes`) when a small class is intended.',
  'class-imbalance':
    'Add examples of the rare classes or subsample the frequent ones until the ratio is within the `warning` ratio.',
  'split-missing-class':
    'Move some videos of the class (whole videos, so none leaks) into the split that has none.',
  'split-distribution':
    "Re-split by video, stratified by class, so TEST and VALIDATION have TRAIN's class mix.",
  'split-ratio':
    'Move whole videos between splits until TEST holds between `min-test-share` and `max-test-share` of the videos.',
  'video-leakage': 'Keep every segment of a video in one split: move the others to that split.',
  'group-leakage': 'Keep every video of a source group (the group pattern capture) in one split.',
  'few-videos': 'Add segments from more videos of the class.',
  'multi-label':
    'Informational: choose a multi-label or a multi-class model to match how the videos are labeled.',
  'metadata-confounder':
    'Balance the attribute across classes (collect more or subsample), so a model cannot learn the label from it.',
  'split-move':
    'Keep the video in its split. A move from TEST to TRAIN puts evaluation data into training; if the move is intended, say so in review.',
  'frozen-split':
    'Revert the change to the frozen split, or remove the split from `splits` in the configuration deliberately.',
  'class-regression':
    'Restore the examples the change removed, or add examples, so the class stays above its threshold.',
  'input-error':
    'Fix the path in the index or the configuration so it names a readable file inside the repository, in a supported format.',
  'uri-missing':
    "Upload the missing video or fix its URI; grant the import's service agent, and the identity the gate runs as, roles/storage.objectViewer on the bucket; upload empty or mistyped objects again; split videos over 50 GB.",
  'resource-limit':
    'Split the file or the dataset, or raise the limit in the configuration when the size is intended.'
}

const KIND_TAG: Record<RuleKind, string> = {
  row: 'row',
  dataset: 'dataset',
  change: 'change',
  gate: 'input'
}

function defaultLevel(severity: SeveritySetting): 'error' | 'warning' | 'note' | 'none' {
  return severity === 'off' ? 'none' : SARIF_LEVEL[severity]
}

/** A first sentence for `shortDescription` (GitHub shows it as the alert's title). */
function firstSentence(text: string): string {
  const match = /^(.+?[.:])(\s|$)/.exec(text)
  return (match ? match[1]! : text).replace(/:$/, '.')
}

/**
 * @param home where the action's repository (and its README, whose rule catalogue is the help of
 *   every rule) lives, when the run knows it; the CLI does not, and then no link is written.
 */
export function ruleDescriptor(id: RuleId, home?: string): ReportingDescriptor {
  const rulesSection = home ? `${home}#rules` : undefined
  const rule = RULES[id]
  const defaults = rule.options.parse({}) as Record<string, unknown>
  const options = Object.entries(defaults).map(([key, value]) => `${key}: ${formatDefault(value)}`)
  const severity = rule.severity === 'off' ? 'off (enable it in the configuration)' : rule.severity
  const severityLine = `Default severity: ${severity}${'severityNote' in rule && rule.severityNote ? ` (${rule.severityNote})` : ''}.`
  const optionsLine = options.length > 0 ? `Options (defaults): ${options.join(', ')}.` : ''
  const configure = `Configure it under \`rules.${id}\` in .github/dataset-gate.yml (severity: error, warning, notice or off).`
  const fix = HOW_TO_FIX[id]
  return {
    id,
    name: id
      .split('-')
      .map(word => word[0]!.toUpperCase() + word.slice(1))
      .join(''),
    shortDescription: { text: firstSentence(rule.summary) },
    fullDescription: { text: rule.summary },
    defaultConfiguration: {
      enabled: rule.severity !== 'off',
      level: defaultLevel(rule.severity)
    },
    help: {
      text: [rule.summary, severityLine, optionsLine, `How to fix: ${fix}`, configure]
        .filter(Boolean)
        .join('\n\n')
        .replace(/`/g, ''),
      markdown: [
        `**${rule.summary}**`,
        `Default severity: **${severity}**${'severityNote' in rule && rule.severityNote ? ` (${rule.severityNote})` : ''}.` +
          (options.length > 0
            ? ` Options (defaults): ${options.map(o => `\`${o}\``).join(', ')}.`
            : ''),
        `**How to fix:** ${fix}`,
        rulesSection
          ? `${configure} See the [rule catalogue](${rulesSection}).`
          : `${configure} See the rule catalogue in dataset-gate's README.`
      ].join('\n\n')
    },
    ...(rulesSection ? { helpUri: rulesSection } : {}),
    properties: { tags: ['dataset-gate', 'data-quality', KIND_TAG[rule.kind]] }
  }
}

/** `tool.driver`: every rule of the catalogue, in its order (results refer to them by index). */
export function toolDriver(version: string, home?: string): ToolComponent {
  return {
    name: TOOL_NAME,
    version,
    semanticVersion: /^\d+\.\d+\.\d+/.test(version) ? version : undefined,
    ...(home ? { informationUri: home } : {}),
    rules: RULE_ORDER.map(id => ruleDescriptor(id, home))
  }
}

/** Index of each rule in `tool.driver.rules`. */
export const RULE_INDEX: ReadonlyMap<RuleId, number> = new Map(RULE_ORDER.map((id, i) => [id, i]))
