/**
 * The configuration file (`.github/dataset-gate.yml`): its zod schema and the resolved shape the
 * engine reads. Keys are kebab-case, unknown keys are errors that name the key, and the rule entries
 * are built from the rule catalogue so a new rule needs no change here.
 */
import { z } from 'zod'
import {
  RULES,
  defaultRuleSettings,
  followedOptions,
  type RuleSettings,
  type RuleSetting
} from '../rules/catalogue.js'
import {
  FAIL_ON_LEVELS,
  FORMAT_IDS,
  RULE_IDS,
  SPLITS,
  type FailOn,
  type FormatId,
  type RuleId,
  type Split
} from '../model.js'

const splitSchema = z.enum(SPLITS)
const severitySchema = z.enum(['error', 'warning', 'notice', 'off'])
const failOnSchema = z.enum(FAIL_ON_LEVELS)
const relativePath = z.string().min(1).max(4096)

/** A rule entry: `severity` plus the rule's own options, all optional (defaults come later). */
function ruleEntrySchema(id: RuleId) {
  return RULES[id].options.extend({ severity: severitySchema.optional() }).strict()
}

const rulesShape = Object.fromEntries(RULE_IDS.map(id => [id, ruleEntrySchema(id).optional()]))
/** Entries stay raw (as written) so a dataset's entry can override the top level key by key. */
export const rulesSchema = z.object(rulesShape).strict()
export type RawRules = Partial<Record<RuleId, Record<string, unknown>>>

const columnsSchema = z
  .object({
    video: z.string().min(1),
    label: z.string().min(1),
    start: z.string().min(1).optional(),
    end: z.string().min(1).optional(),
    split: z.string().min(1).optional()
  })
  .strict()

const datasetSchema = z
  .object({
    name: z.string().min(1).max(200),
    files: z.array(relativePath).min(1).optional(),
    index: relativePath.optional(),
    format: z.enum(['auto', ...FORMAT_IDS]).default('auto'),
    columns: columnsSchema.optional(),
    'split-values': z.record(z.string(), splitSchema).optional(),
    'video-key': z.enum(['uri', 'id']).default('uri'),
    'gcs-prefix-map': z.record(z.string().startsWith('gs://'), relativePath).default({}),
    'group-pattern': z.string().min(1).max(1000).optional(),
    metadata: relativePath.optional(),
    durations: relativePath.optional(),
    rules: rulesSchema.optional()
  })
  .strict()
  .refine(d => (d.files === undefined) !== (d.index === undefined), {
    message: 'a dataset needs exactly one of `files` (globs) or `index` (an AutoML index CSV)'
  })
  .refine(d => d.format !== 'columns' || d.columns !== undefined, {
    message: '`format: columns` needs a `columns` map (video, label, start, end, split)'
  })

/** Cloud Storage verification of the video URIs (src/storage/). */
const storageSchema = z
  .object({
    verify: z.enum(['off', 'changed', 'all']).default('off'),
    durations: z.enum(['off', 'probe']).default('off'),
    concurrency: z.number().int().min(1).max(64).default(16),
    'budget-seconds': z.number().min(1).max(86_400).default(300)
  })
  .strict()

export const configSchema = z
  .object({
    'fail-on': failOnSchema.default('error'),
    datasets: z.array(datasetSchema).min(1).optional(),
    rules: rulesSchema.default({}),
    'max-findings-per-rule': z.number().int().min(1).max(1_000_000).default(1000),
    /** Globs excluded from auto-discovery (node_modules is always excluded). */
    exclude: z.array(z.string()).default([]),
    storage: storageSchema.prefault({})
  })
  .strict()
  .refine(c => new Set((c.datasets ?? []).map(d => d.name)).size === (c.datasets ?? []).length, {
    message: 'dataset names must be unique',
    path: ['datasets']
  })

export interface ColumnMap {
  video: string
  label: string
  start?: string
  end?: string
  split?: string
}

export interface DatasetSpec {
  name: string
  files?: string[]
  index?: string
  format: 'auto' | FormatId
  columns?: ColumnMap
  splitValues?: Record<string, Split>
  videoKey: 'uri' | 'id'
  gcsPrefixMap: Record<string, string>
  groupPattern?: string
  metadata?: string
  durations?: string
  rules: RawRules
}

export interface StorageSettings {
  /** Which URIs are looked up: none, those of added or changed rows (on a pull request), all. */
  verify: 'off' | 'changed' | 'all'
  /** `probe`: read each video's duration from its container header. */
  durations: 'off' | 'probe'
  concurrency: number
  budgetSeconds: number
}

export interface GateConfig {
  failOn: FailOn
  /** Declared datasets; null means auto-discovery. */
  datasets: DatasetSpec[] | null
  rules: RawRules
  maxFindingsPerRule: number
  exclude: string[]
  storage: StorageSettings
  /** The file it came from, or null for the defaults. */
  source: string | null
}

/**
 * `raw` is the document as written: rule entries are taken from it rather than from the parsed
 * value, because parsing fills in defaults and a dataset's entry must only override what it says.
 */
export function toGateConfig(
  parsed: z.output<typeof configSchema>,
  source: string | null,
  raw: unknown = {}
): GateConfig {
  const rawConfig = (raw ?? {}) as { rules?: RawRules; datasets?: { rules?: RawRules }[] }
  return {
    failOn: parsed['fail-on'],
    datasets:
      parsed.datasets?.map((d, i) => ({
        name: d.name,
        files: d.files,
        index: d.index,
        format: d.format as DatasetSpec['format'],
        columns: d.columns,
        splitValues: d['split-values'],
        videoKey: d['video-key'],
        gcsPrefixMap: d['gcs-prefix-map'],
        groupPattern: d['group-pattern'],
        metadata: d.metadata,
        durations: d.durations,
        rules: rawConfig.datasets?.[i]?.rules ?? {}
      })) ?? null,
    rules: rawConfig.rules ?? {},
    maxFindingsPerRule: parsed['max-findings-per-rule'],
    exclude: parsed.exclude,
    storage: {
      verify: parsed.storage.verify,
      durations: parsed.storage.durations,
      concurrency: parsed.storage.concurrency,
      budgetSeconds: parsed.storage['budget-seconds']
    },
    source
  }
}

export function defaultConfig(): GateConfig {
  return toGateConfig(configSchema.parse({}), null)
}

/**
 * The settings one dataset runs with: catalogue defaults, then the top-level `rules:`, then the
 * dataset's own `rules:`, merged key by key (per-class maps merge too). An option left unset that
 * follows another (`min-many-classes` follows `min`) takes the configured value of its leader.
 */
export function resolveRuleSettings(config: GateConfig, dataset?: DatasetSpec): RuleSettings {
  const settings = defaultRuleSettings()
  for (const id of RULE_IDS) {
    const top = config.rules[id] ?? {}
    const own = dataset?.rules[id] ?? {}
    const merged: Record<string, unknown> = { ...top, ...own }
    if (isRecord(top.classes) || isRecord(own.classes)) {
      merged.classes = {
        ...(isRecord(top.classes) ? top.classes : {}),
        ...(isRecord(own.classes) ? own.classes : {})
      }
    }
    followUnsetOptions(id, merged)
    const { severity, ...options } = merged
    const setting = settings[id] as RuleSetting
    if (typeof severity === 'string') {
      setting.severity = severity as RuleSetting['severity']
      setting.explicit = true
    }
    setting.options = RULES[id].options.parse(options) as RuleSetting['options']
  }
  return settings
}

/**
 * Fills options the configuration left unset from the option they follow (see `unsetFollows` in
 * the catalogue). Runs on the merged entry, so an option set at the top level counts as set for a
 * dataset that only overrides its leader.
 */
function followUnsetOptions(id: RuleId, merged: Record<string, unknown>): void {
  for (const [dependent, leader] of Object.entries(followedOptions(id))) {
    if (merged[dependent] === undefined && merged[leader] !== undefined) {
      merged[dependent] = merged[leader]
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
