/**
 * The words for the row problems of the readers and the accumulator that are not about segment
 * times (those are in segment-wording.ts): rows that are not rows, split values, video URIs and
 * labels. Each returns the finding for one problem (read/problems.ts).
 */
import type { Severity, Split } from '../model.js'
import { clip, plural } from '../display.js'
import type { ProblemOf, RowLayout } from '../read/problems.js'
import { textHash } from '../analyze/compact.js'
import type { FindingInput } from './findings.js'
import { DECIMAL_COMMA, OTHER_DELIMITERS, isDecimalComma } from '../read/sniff.js'

/**
 * A finding at a problem's place: its file and line, and its split and class (label) when it has
 * them. `fingerprint` is its identity across revisions: the row's content, never its line.
 */
export function findingAt(
  p: { file: string; line: number; split?: Split; label?: string },
  message: string,
  fingerprint: string,
  severity?: Severity
): FindingInput {
  const finding: FindingInput = {
    message,
    file: p.file,
    line: p.line,
    split: p.split ?? null,
    class: p.label ?? null,
    fingerprint
  }
  if (severity) finding.severity = severity
  return finding
}

export function wordBlank(p: ProblemOf<'row.blank'>): FindingInput {
  const message = 'blank line; AutoML rejects files with blank lines. Delete it.'
  return findingAt(p, message, `row-shape:blank:${p.file}`)
}

export function wordHeader(p: ProblemOf<'row.header'>): FindingInput {
  const importer = p.format === 'vertex-csv' ? 'Vertex AI' : 'AutoML'
  const message = `line ${p.line} is a header row (${clip(p.header, 80)}); ${importer} import does not take a header and would read it as a data row. Delete it.`
  return findingAt(p, message, `row-shape:header:${p.file}`, 'warning')
}

/** A line that is not the fields of a row: its identity is its text. */
export function notARow(
  p: { file: string; line: number; text: string },
  message: string
): FindingInput {
  return findingAt(p, message, `row-shape:${textHash(p.text)}`)
}

const LAYOUTS: Record<RowLayout, (expected: number) => string> = {
  'automl-rows': () => '4 fields (VIDEO_URI,LABEL,START,END)',
  'vertex-csv': () => '4 or 5 fields ([ML_USE,]VIDEO_URI,LABEL,START,END)',
  header: width => `${width} fields like the header`
}

export function wordFieldCount(p: ProblemOf<'row.field-count'>): FindingInput {
  // Two fields: a row of another delimiter with one decimal comma (`...;0;1,5`) splits once.
  const other = p.found <= 2 ? otherDelimiterOf(p.text, p.found) : null
  const delimiter = other?.name ?? null
  const decimals = other !== null && p.text.split(other.char).some(isDecimalComma)
  const advice = !delimiter
    ? 'Check for unquoted commas or missing fields.'
    : decimals
      ? `The row seems to use ${delimiter} as its delimiter and ${DECIMAL_COMMA}; Google's import formats need commas between fields and points in numbers. Save the file as comma-separated with decimal points.`
      : `The row seems to use ${delimiter} as its delimiter; Google's import formats need commas. Save the file as comma-separated.`
  const expected = LAYOUTS[p.layout](p.expected)
  return notARow(p, `expected ${expected}, found ${plural(p.found, 'field')}. ${advice}`)
}

/**
 * The delimiter a row seems to use instead of commas (the one it holds most of, at least `least`
 * times), named for a message, or null. Runs only for a row-shape finding.
 */
export function otherDelimiter(text: string, least = 1): string | null {
  return otherDelimiterOf(text, least)?.name ?? null
}

function otherDelimiterOf(text: string, least: number): { char: string; name: string } | null {
  let best: { char: string; name: string } | null = null
  let bestCount = least - 1
  for (const [char, name] of OTHER_DELIMITERS) {
    const count = text.split(char).length - 1
    if (count > bestCount) {
      best = { char, name }
      bestCount = count
    }
  }
  return best
}

export function wordUnknownSplit(p: ProblemOf<'split.unknown'>): FindingInput {
  const message = `split value "${clip(p.value)}" is not one of ${p.allowed.join(', ')}; the row is not counted.`
  return findingAt(p, message, `split-invalid:${textHash(p.value)}`)
}

export function wordValidationSplit(p: ProblemOf<'split.validation'>): FindingInput {
  const message =
    'ML_USE "validation" is not used for Vertex AI video classification; use training or test'
  return findingAt(p, message, `split-invalid:${p.value}`, 'warning')
}

/** What the author of an undocumented ML_USE spelling meant, by the split it is counted in. */
const MEANT: Record<Split, string> = {
  TRAIN: 'did you mean training?',
  TEST: 'did you mean test?',
  VALIDATION:
    'did you mean validation? Video classification does not use it either: use training or test.',
  UNASSIGNED: 'leave ML_USE out (4 fields) to let Vertex AI assign the split.'
}

export function wordUndocumentedSplit(p: ProblemOf<'split.undocumented'>): FindingInput {
  const message = `ML_USE "${clip(p.value)}" is not a value Vertex AI accepts (${p.allowed.join(', ')}, any case); ${MEANT[p.split]} The row is counted in ${p.split}.`
  // Not a place in a split: the value is what is wrong with the row's split.
  return findingAt({ file: p.file, line: p.line }, message, `split-invalid:${p.value}`, 'error')
}

export function wordInvalidVideo(p: ProblemOf<'video.invalid'>): FindingInput {
  return findingAt(p, p.reason, `uri-invalid:${textHash(p.uri)}`)
}

export function wordInvalidLabel(p: ProblemOf<'label.invalid'>): FindingInput {
  return findingAt(p, p.reason, `label-invalid:${textHash(p.uri + ',' + p.label)}`)
}
