/**
 * The one source of truth for every rule: id, default severity, options with their defaults and a
 * one-line summary. The configuration schema, the README's rule table and the judges all read it.
 * Option names are kebab-case because they are written by people in YAML.
 */
import { z } from 'zod'
import { RULE_IDS, SPLITS, type RuleId, type SeveritySetting } from '../model.js'

const count = z.number().int().min(0).max(1e9)
const ratio = z.number().min(1).max(1e9)
const share = z.number().min(0).max(1)
/**
 * Per-class overrides of a count threshold: `classes: { rare_class: 50 }`. Without a prototype, so
 * a class named `constructor` or `toString` finds no inherited "threshold" (and escapes no rule).
 */
const perClass = z
  .record(z.string(), count)
  .default({})
  .transform(map => Object.assign(Object.create(null) as Record<string, number>, map))
const splitName = z.enum(SPLITS)

export type RuleKind = 'row' | 'dataset' | 'change' | 'gate'

interface RuleDefinition<Options extends z.ZodObject> {
  kind: RuleKind
  severity: SeveritySetting
  summary: string
  /** Where the default severity differs by outcome, say so for the README. */
  severityNote?: string
  options: Options
  /**
   * Options that, when the configuration leaves them unset, take the value it gave another option
   * of the same rule (`{ dependent: leader }`), so that one number written by a person holds
   * everywhere rather than only in the case its option is named for.
   */
  unsetFollows?: Record<string, string>
}

function rule<Options extends z.ZodObject>(definition: RuleDefinition<Options>) {
  return definition
}

export const RULES = {
  'csv-syntax': rule({
    kind: 'row',
    severity: 'error',
    summary:
      'The file cannot be read as CSV: unterminated quote, invalid UTF-8, NUL bytes, or a Git LFS pointer instead of data.',
    options: z.object({}).strict()
  }),
  'row-shape': rule({
    kind: 'row',
    severity: 'error',
    severityNote: 'blank lines: warning',
    summary: "Wrong number of fields for the file's format; blank lines.",
    options: z
      .object({
        'blank-line-severity': z.enum(['error', 'warning', 'notice', 'off']).default('warning')
      })
      .strict()
  }),
  'uri-invalid': rule({
    kind: 'row',
    severity: 'error',
    summary:
      'Not a gs://bucket/object URI, an invalid bucket name, an empty object, an unsupported container or whitespace/control characters.',
    options: z
      .object({
        extensions: z
          .array(z.string().regex(/^\.[A-Za-z0-9]+$/))
          .min(1)
          .default(['.mov', '.mpeg4', '.mp4', '.avi'])
      })
      .strict()
  }),
  'label-missing': rule({
    kind: 'row',
    severity: 'error',
    summary: 'A row with times but no label, or a label without times.',
    options: z.object({}).strict()
  }),
  'label-invalid': rule({
    kind: 'row',
    severity: 'error',
    summary:
      "A label with a comma, or not matching the label pattern: AutoML's for AutoML and Vertex files; for column-mapped research manifests the relaxed profile, which only forbids commas, invisible characters and surrounding whitespace.",
    options: z
      .object({
        profile: z.enum(['auto', 'automl', 'relaxed']).default('auto'),
        pattern: z.string().max(1000).optional()
      })
      .strict()
  }),
  'label-variant': rule({
    kind: 'row',
    severity: 'warning',
    summary:
      'Two labels that differ only by case, spaces/underscores/hyphens, invisible characters or surrounding whitespace.',
    options: z.object({}).strict()
  }),
  'segment-invalid': rule({
    kind: 'row',
    severity: 'error',
    severityNote: 'more than 6 decimals: warning',
    summary:
      "START/END missing or not a number, negative, inf as START, START >= END, END <= 0, too many decimals, END beyond the video's known duration.",
    options: z
      .object({
        'max-decimals': z.number().int().min(0).max(20).default(6),
        tolerance: z.number().min(0).max(1e6).default(0)
      })
      .strict()
  }),
  'split-invalid': rule({
    kind: 'row',
    severity: 'error',
    severityNote: 'Vertex `validation`: warning',
    summary: 'An ML_USE or split value the format does not allow.',
    options: z.object({}).strict()
  }),
  'duplicate-row': rule({
    kind: 'row',
    severity: 'warning',
    summary: 'The same (split, video, label, start, end) twice, across all files of the dataset.',
    options: z.object({}).strict()
  }),
  'unlabeled-video': rule({
    kind: 'row',
    severity: 'notice',
    severityNote: 'warning when the video also has labeled rows or is listed twice',
    summary: '`URI,,,` rows that mark a whole video as unlabeled.',
    options: z.object({}).strict()
  }),
  'file-size': rule({
    kind: 'row',
    severity: 'warning',
    summary: "A CSV over AutoML's 100 MB import limit.",
    options: z.object({ 'max-bytes': count.default(100 * 1000 * 1000) }).strict()
  }),
  'uri-missing': rule({
    kind: 'row',
    severity: 'error',
    severityNote: 'only with `storage.verify`; URIs left unverified (time budget, faults): warning',
    summary:
      'The Cloud Storage object a gs:// URI names does not exist (404), cannot be read with the credentials at hand (403), is empty, is not a video, is over the 50 GB import limit, or its bucket name is refused.',
    options: z.object({}).strict()
  }),
  'min-classes': rule({
    kind: 'dataset',
    severity: 'error',
    summary: 'Fewer classes than a classifier needs.',
    options: z.object({ min: count.default(2) }).strict()
  }),
  'max-classes': rule({
    kind: 'dataset',
    severity: 'error',
    summary: 'More labels than Vertex AI accepts.',
    options: z.object({ max: count.default(1000) }).strict()
  }),
  'min-per-class': rule({
    kind: 'dataset',
    severity: 'error',
    summary: 'A class below the hard minimum of examples (all splits together).',
    options: z
      .object({
        min: count.default(10),
        unit: z.enum(['videos', 'segments']).default('videos'),
        classes: perClass
      })
      .strict()
  }),
  'recommended-per-class': rule({
    kind: 'dataset',
    severity: 'warning',
    summary: 'A class below the rule of thumb for a good model (TRAIN split).',
    // `min: 300` alone means 300 whatever the class count; the 1000 default for datasets with
    // more than `many-classes` classes only applies when neither minimum is configured.
    unsetFollows: { 'min-many-classes': 'min' },
    options: z
      .object({
        min: count.default(200),
        'min-many-classes': count.default(1000),
        'many-classes': count.default(50),
        unit: z.enum(['videos', 'segments']).default('segments'),
        split: splitName.default('TRAIN'),
        classes: perClass
      })
      .strict()
  }),
  'class-imbalance': rule({
    kind: 'dataset',
    severity: 'warning',
    severityNote: 'error at the error ratio',
    summary: 'Ratio of the most to the least frequent class.',
    options: z
      .object({
        warning: ratio.default(10),
        error: ratio.default(100),
        unit: z.enum(['videos', 'segments']).default('segments')
      })
      .strict()
  }),
  'split-missing-class': rule({
    kind: 'dataset',
    severity: 'error',
    severityNote: 'a TRAIN class missing from TEST: warning',
    summary:
      'A class in TEST or VALIDATION with no TRAIN examples, or a TRAIN class absent from TEST.',
    options: z.object({}).strict()
  }),
  'split-distribution': rule({
    kind: 'dataset',
    severity: 'warning',
    summary:
      'The label distribution of TEST or VALIDATION differs from TRAIN by more than the threshold and more than sampling noise.',
    options: z
      .object({
        'max-js-distance': share.default(0.1),
        'noise-quantile': z.number().min(0.5).max(0.9999).default(0.999)
      })
      .strict()
  }),
  'split-ratio': rule({
    kind: 'dataset',
    severity: 'warning',
    summary: 'The TEST share of videos is outside the expected range.',
    options: z
      .object({ 'min-test-share': share.default(0.1), 'max-test-share': share.default(0.4) })
      .strict()
  }),
  'video-leakage': rule({
    kind: 'dataset',
    severity: 'error',
    summary: 'The same video in more than one split (UNASSIGNED beside TEST included).',
    options: z.object({ max: count.default(0) }).strict()
  }),
  'group-leakage': rule({
    kind: 'dataset',
    severity: 'error',
    severityNote: 'only with a group pattern',
    summary: 'The same source group (a regex capture over the URI) in more than one split.',
    options: z.object({ max: count.default(0) }).strict()
  }),
  'few-videos': rule({
    kind: 'dataset',
    severity: 'warning',
    summary: 'A class whose examples come from too few videos, or a dataset with too few videos.',
    options: z
      .object({
        'min-videos-per-class': count.default(3),
        'min-videos': count.default(10),
        classes: perClass
      })
      .strict()
  }),
  'multi-label': rule({
    kind: 'dataset',
    severity: 'notice',
    summary:
      'Share of videos and segments with more than one label, and overlapping segments with different labels.',
    options: z.object({ 'multi-class-below': share.default(0.5) }).strict()
  }),
  'metadata-confounder': rule({
    kind: 'dataset',
    severity: 'warning',
    severityNote: 'only with a metadata file',
    summary: "A metadata attribute that predicts the label (Cramér's V).",
    options: z
      .object({ 'max-cramers-v': share.default(0.5), 'min-videos': count.default(20) })
      .strict()
  }),
  'split-move': rule({
    kind: 'change',
    severity: 'warning',
    severityNote: 'TEST to TRAIN: error',
    summary: 'A video that changed split between the base and the head.',
    options: z
      .object({ 'test-to-train': z.enum(['error', 'warning', 'notice', 'off']).default('error') })
      .strict()
  }),
  'frozen-split': rule({
    kind: 'change',
    severity: 'off',
    summary: 'A row added, removed or relabeled in a split that must not change.',
    options: z.object({ splits: z.array(splitName).default(['TEST']) }).strict()
  }),
  'class-regression': rule({
    kind: 'change',
    severity: 'warning',
    summary:
      'A class taken below a minimum, or a distance or imbalance made worse past its threshold.',
    options: z.object({}).strict()
  }),
  'input-error': rule({
    kind: 'gate',
    severity: 'error',
    summary:
      'A dataset file that cannot be used: missing, outside the repository, unreadable, or of an unknown format.',
    options: z.object({}).strict()
  }),
  'resource-limit': rule({
    kind: 'gate',
    severity: 'error',
    summary:
      'A file, or a dataset across its files, larger than the configured byte, row or distinct-label limit; reading stops there.',
    options: z
      .object({
        // Bytes go past `count`'s 1e9: the 4 GiB default must be writable in the configuration.
        'max-file-bytes': z
          .number()
          .int()
          .min(0)
          .max(Number.MAX_SAFE_INTEGER)
          .default(4 * 1024 * 1024 * 1024),
        'max-rows': count.default(100_000_000),
        'max-line-bytes': count.default(1024 * 1024),
        // Across all files of one dataset: an index that lists many files (or one file under
        // many names) cannot make the gate read without bound.
        'max-dataset-bytes': z
          .number()
          .int()
          .min(0)
          .max(Number.MAX_SAFE_INTEGER)
          .default(16 * 1024 * 1024 * 1024),
        'max-dataset-rows': z
          .number()
          .int()
          .min(0)
          .max(Number.MAX_SAFE_INTEGER)
          .default(400_000_000),
        // Distinct labels of a dataset: a label column that holds an id per row (a wrong column)
        // would otherwise cost ~1 KB of tables per label; 100x Vertex AI's class limit.
        'max-distinct-labels': count.default(100_000)
      })
      .strict()
  })
} satisfies Record<RuleId, RuleDefinition<z.ZodObject>>

/** The options of a rule that take another option's configured value when unset. */
export function followedOptions(id: RuleId): Readonly<Record<string, string>> {
  return (RULES[id] as RuleDefinition<z.ZodObject>).unsetFollows ?? {}
}

/** One option of one rule. */
export interface OptionRef {
  rule: RuleId
  option: string
}

/**
 * Pairs of options where the first is a lower bound and the second an upper bound: a configuration
 * that sets the lower above the upper asks for something no dataset can satisfy (or a warning
 * that can never fire), so it is refused. Equal values are allowed.
 */
export interface ThresholdOrder {
  lower: OptionRef
  upper: OptionRef
  /** Why the order matters, completing "… is above …: ". */
  because: string
}

export const THRESHOLD_ORDERS: readonly ThresholdOrder[] = [
  {
    lower: { rule: 'class-imbalance', option: 'warning' },
    upper: { rule: 'class-imbalance', option: 'error' },
    because: 'the warning ratio must not be above the error ratio'
  },
  {
    lower: { rule: 'split-ratio', option: 'min-test-share' },
    upper: { rule: 'split-ratio', option: 'max-test-share' },
    because: 'no TEST share could be inside the range'
  },
  {
    lower: { rule: 'min-classes', option: 'min' },
    upper: { rule: 'max-classes', option: 'max' },
    because: 'no dataset could have enough classes without having too many'
  }
]

export type RuleOptions<Id extends RuleId> = z.output<(typeof RULES)[Id]['options']>

export interface RuleSetting<Id extends RuleId = RuleId> {
  severity: SeveritySetting
  /** True when the configuration set the severity: it then caps every outcome of the rule. */
  explicit?: boolean
  options: RuleOptions<Id>
}

export type RuleSettings = { [Id in RuleId]: RuleSetting<Id> }

// Every id in model.ts's RULE_IDS has a definition here (`satisfies` above checks it).

/** The settings a dataset gets when the configuration says nothing. */
export function defaultRuleSettings(): RuleSettings {
  const settings = {} as Record<RuleId, RuleSetting>
  for (const id of RULE_IDS) {
    settings[id] = { severity: RULES[id].severity, options: RULES[id].options.parse({}) }
  }
  return settings as RuleSettings
}
