/**
 * The words for segment problems (read/problems.ts, reported by the accumulator and the JSON Lines
 * reader; judge/row-problems.ts picks them), in the notation of the file's format: CSV columns hold plain seconds (`12.5`) named
 * START and END, JSON Lines fields hold Duration strings (`"12.5s"`) named startTime and endTime.
 */
import type { FormatId } from '../model.js'
import { clip, plural } from '../display.js'
import type { ProblemOf, SegmentAt } from '../read/problems.js'
import { textHash } from '../analyze/compact.js'
import type { FindingInput } from './findings.js'
import { findingAt } from './row-wording.js'
import { describeBadDuration } from './value-checks.js'

interface TimeNotation {
  start: string
  end: string
  /** A time as the file writes it, from the seconds text the reader passed on. */
  show(seconds: string): string
  /** An end-of-video time (`inf`, `"Infinity"`) as the file writes it, quoted. */
  endOfVideo(text: string): string
  /** Why an unreadable time is unreadable, in this notation's terms. */
  reason(text: string, parserReason: string): string
  advice: string
  endAdvice: string
  /** What to do with a segment that has times but no label. */
  unlabeled: string
}

const CSV_TIMES: TimeNotation = {
  start: 'START',
  end: 'END',
  show: seconds => seconds,
  endOfVideo: text => `"${text}"`,
  reason: (_text, parserReason) => parserReason,
  advice: 'Write seconds from the start of the video, e.g. 12.5.',
  endAdvice: 'Write seconds from the start of the video, or inf for its end.',
  unlabeled:
    'the row has times but no label. Add the label, or write the row as URI,,, to mark the whole video unlabeled.'
}

const DURATION_ADVICE = 'Write times as strings with an s unit, e.g. "12.5s".'

const JSONL_TIMES: TimeNotation = {
  start: 'startTime',
  end: 'endTime',
  show: seconds => `"${seconds}s"`,
  endOfVideo: () => '"Infinity"',
  reason: text => describeBadDuration(text),
  advice: DURATION_ADVICE,
  endAdvice:
    'Write times as strings with an s unit, e.g. "12.5s", or leave endTime out for the end of the video.',
  unlabeled:
    'the time segment has no displayName. Add the label, or leave timeSegmentAnnotations out to mark the whole video unlabeled.'
}

export function notationOf(format: FormatId): TimeNotation {
  return format === 'vertex-jsonl' ? JSONL_TIMES : CSV_TIMES
}

/** The segment's identity: its video, label and times as written. */
function segmentHash(p: SegmentAt): string {
  return textHash(p.video + ',' + p.label + ',' + p.start + ',' + p.end)
}

function segmentFinding(p: SegmentAt, message: string): FindingInput {
  return findingAt(p, message, `segment-invalid:${segmentHash(p)}`)
}

const WHOLE_VIDEO = 'Give both times in seconds (0,inf for the whole video).'

export function wordNoTimes(p: ProblemOf<'segment.no-times'>): FindingInput {
  const message = `the row has a label but no START and END. ${WHOLE_VIDEO}`
  return findingAt(p, message, `label-missing:${segmentHash(p)}`)
}

export function wordMissingTime(p: ProblemOf<'segment.missing-time'>): FindingInput {
  const missing = p.start.length === 0 ? 'START' : 'END'
  return segmentFinding(p, `the segment has no ${missing}. ${WHOLE_VIDEO}`)
}

export function wordStartAtEnd(p: ProblemOf<'segment.start-at-end'>): FindingInput {
  const n = notationOf(p.format)
  const quoted = n.endOfVideo(p.start)
  return segmentFinding(
    p,
    `${n.start} is ${quoted}; ${quoted} (the end of the video) is only valid as ${n.end}.`
  )
}

export function wordUnreadable(
  p: ProblemOf<'segment.start-unreadable' | 'segment.end-unreadable'>
): FindingInput {
  const n = notationOf(p.format)
  const message =
    p.code === 'segment.start-unreadable'
      ? `${n.start} ${n.reason(p.start, p.reason)}. ${n.advice}`
      : `${n.end} ${n.reason(p.end, p.reason)}. ${n.endAdvice}`
  return segmentFinding(p, message)
}

export function wordDecimals(p: ProblemOf<'segment.decimals'>): FindingInput {
  const message = `a time has ${plural(p.decimals, 'decimal')}; AutoML keeps microseconds (${plural(p.maxDecimals, 'decimal')}) and rounds the rest.`
  return findingAt(p, message, `segment-invalid:${segmentHash(p)}:decimals`, 'warning')
}

export function wordEndNotPositive(p: ProblemOf<'segment.end-not-positive'>): FindingInput {
  const n = notationOf(p.format)
  return segmentFinding(p, `${n.end} ${n.show(p.end)} must be greater than 0.`)
}

export function wordEndBeforeStart(p: ProblemOf<'segment.end-before-start'>): FindingInput {
  const n = notationOf(p.format)
  return segmentFinding(
    p,
    `the segment ends (${n.show(p.end)}) before or where it starts (${n.show(p.start)}); ${n.start} must be less than ${n.end}.`
  )
}

export function wordBeyondDuration(
  p: ProblemOf<'segment.end-beyond-duration' | 'segment.start-beyond-duration'>
): FindingInput {
  const n = notationOf(p.format)
  const beyond = `the video's duration of ${p.duration} s (from the durations file).`
  return segmentFinding(
    p,
    p.code === 'segment.end-beyond-duration'
      ? `${n.end} ${n.show(p.end)} is beyond ${beyond}`
      : `${n.start} ${n.show(p.start)} is at or beyond ${beyond}`
  )
}

const NOTATION_PROBLEM = {
  number: () => 'is a JSON number',
  'csv-inf': (field: string) =>
    `is the CSV spelling of the end of the video; write "Infinity" or leave ${field} out`,
  'no-unit': () => 'has no s unit'
}

/** A JSON Lines time that holds seconds but is not written as a Duration string. */
export function wordNotation(p: ProblemOf<'segment.notation'>): FindingInput {
  const shown = p.notation === 'number' ? p.raw : `"${clip(p.raw)}"`
  const message = `${p.field} ${shown} ${NOTATION_PROBLEM[p.notation](p.field)}. ${DURATION_ADVICE}`
  const identity = textHash(p.uri + ',' + p.label + ',' + p.field + ',' + p.raw)
  return findingAt(p, message, `segment-invalid:${identity}:notation`)
}

/** Times without a label (rule label-missing). */
export function wordUnlabeled(p: ProblemOf<'label.missing'>): FindingInput {
  const identity = textHash(p.uri + ',' + p.start + ',' + p.end)
  return findingAt(p, notationOf(p.format).unlabeled, `label-missing:${identity}`)
}
